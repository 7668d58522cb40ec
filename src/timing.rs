//! Stage timings for profiling: with the environment variable `CLAIMDIFF_TIMINGS`
//! set, [`timed`] writes how long each stage took (wall and process CPU time) to
//! standard error; with `CLAIMDIFF_TIMINGS=seq`, [`join`] runs its two halves one
//! after the other, so that each stage's CPU time is its own. Without it, nothing
//! is written and output is unchanged (it never depends on the timings).

use std::sync::OnceLock;
use std::time::Instant;

/// 0 when timings are off, 1 when on, 2 when on and stages run one at a time.
fn mode() -> u8 {
    static MODE: OnceLock<u8> = OnceLock::new();
    *MODE.get_or_init(|| match std::env::var("CLAIMDIFF_TIMINGS") {
        Ok(v) if v == "seq" => 2,
        Ok(_) => 1,
        Err(std::env::VarError::NotUnicode(_)) => 1,
        Err(std::env::VarError::NotPresent) => 0,
    })
}

/// User plus system CPU time of this process so far, in seconds (Linux; 0
/// elsewhere).
pub fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    let Some((_, rest)) = stat.rsplit_once(')') else {
        return 0.0;
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
}

/// Runs `f`, and when timings are on, writes `label`, its wall time and the
/// process's CPU time meanwhile to standard error.
pub fn timed<T>(label: &str, f: impl FnOnce() -> T) -> T {
    let _span = Span::new(label);
    f()
}

/// `rayon::join`, or `a` then `b` when `CLAIMDIFF_TIMINGS=seq`.
pub fn join<A, B, RA, RB>(a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    if mode() == 2 {
        let ra = a();
        (ra, b())
    } else {
        rayon::join(a, b)
    }
}

/// Writes its label, the wall time since it was made and the process's CPU time
/// meanwhile to standard error when it is dropped, when timings are on.
pub struct Span<'a> {
    label: &'a str,
    start: Option<(Instant, f64)>,
}

impl<'a> Span<'a> {
    /// Starts timing `label`.
    pub fn new(label: &'a str) -> Span<'a> {
        Span {
            label,
            start: (mode() > 0).then(|| (Instant::now(), cpu_seconds())),
        }
    }
}

impl Drop for Span<'_> {
    fn drop(&mut self) {
        if let Some((t, cpu)) = self.start {
            eprintln!(
                "timing: {} {:.3} s (cpu {:.2} s)",
                self.label,
                t.elapsed().as_secs_f64(),
                cpu_seconds() - cpu
            );
        }
    }
}

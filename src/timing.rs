//! Stage timings for profiling: with the environment variable `CLAIMDIFF_TIMINGS`
//! set, [`timed`] writes how long each stage took to standard error. Without it,
//! nothing is written and output is unchanged.

use std::sync::OnceLock;
use std::time::Instant;

/// True when `CLAIMDIFF_TIMINGS` is set.
fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os("CLAIMDIFF_TIMINGS").is_some())
}

/// Runs `f`, and when timings are on, writes `label` and its wall time to
/// standard error.
pub fn timed<T>(label: &str, f: impl FnOnce() -> T) -> T {
    if !enabled() {
        return f();
    }
    let t = Instant::now();
    let out = f();
    eprintln!("timing: {label} {:.3} s", t.elapsed().as_secs_f64());
    out
}

/// Writes its label and the time since it was made to standard error when it is
/// dropped, when timings are on.
pub struct Span {
    label: &'static str,
    start: Option<Instant>,
}

impl Span {
    /// Starts timing `label`.
    pub fn new(label: &'static str) -> Span {
        Span {
            label,
            start: enabled().then(Instant::now),
        }
    }
}

impl Drop for Span {
    fn drop(&mut self) {
        if let Some(t) = self.start {
            eprintln!("timing: {} {:.3} s", self.label, t.elapsed().as_secs_f64());
        }
    }
}

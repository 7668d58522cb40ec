//! Process measurements for the benchmarks: peak memory and CPU time, read from the
//! kernel, so that each size runs in its own process and reports its own high-water
//! mark.

use std::fs;
use std::process::Command;

/// A value in kB from /proc/self/status (Linux), or 0 elsewhere.
pub fn status_kb(field: &str) -> u64 {
    fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// User plus system CPU time of this process so far, in seconds (Linux), or 0.
pub fn cpu_seconds() -> f64 {
    let Ok(stat) = fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name (which may hold spaces) start after ')'.
    let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else {
        return 0.0;
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|v| v.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the name.
    (ticks(11) + ticks(12)) / 100.0
}

/// Runs `run(n)` for `--n N` on the command line; without it, runs this very
/// program once per size in `sizes`, each in a fresh process (with the same other
/// arguments), so that peak memory is measured per size. `--list` (asked by `cargo test`) runs nothing.
pub fn each_size(sizes: &[usize], run: impl Fn(usize)) {
    let args: Vec<String> = std::env::args().collect();
    if args.iter().any(|a| a == "--list") {
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--n") {
        let n = args
            .get(i + 1)
            .and_then(|s| s.parse().ok())
            .expect("--n takes a number of articles");
        run(n);
        return;
    }
    let exe = std::env::current_exe().expect("the benchmark knows its own path");
    // Other arguments (cargo's `--bench`, a scenario) go to every run.
    let rest: Vec<&String> = args.iter().skip(1).collect();
    for &n in sizes {
        let status = Command::new(&exe)
            .args(rest.iter().map(|s| s.as_str()))
            .args(["--n", &n.to_string()])
            .status()
            .expect("the benchmark can run itself");
        assert!(status.success(), "run with N = {n} failed");
    }
}

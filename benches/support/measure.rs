//! Process measurements for the benchmarks: peak memory (CPU time is
//! `claimdiff::timing::cpu_seconds`), read from the
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

//! `claimdiff ci` on a generated archive, through its analysis cache: a cold run
//! (empty cache), a warm run (same corpus), then one source added and run again,
//! each as a separate process of the release binary, with its wall time and peak
//! memory (from `/usr/bin/time -v` when it is there). The outputs of the warm runs
//! are compared with a run without cache.
//!
//! `cargo bench --bench ci_incremental` runs N = 10,000; `-- --n 2000` another size.
//! The corpus (see `benches/report.rs`) is written as JSONL files of 1,000 records
//! to a temporary folder; the added source is one more article of an existing event,
//! in a file of its own.

#[path = "support/archive.rs"]
mod archive;

#[path = "support/measure.rs"]
#[allow(dead_code)]
mod measure;

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use claimdiff::Source;

fn main() {
    measure::each_size(&[10_000], run);
}

/// One JSONL line for a source.
fn record(s: &Source) -> String {
    let value = serde_json::json!({
        "id": s.id,
        "text": s.text,
        "outlet": s.outlet,
        "published": s.published.map(|d| d.to_string()),
    });
    value.to_string()
}

fn write_jsonl(path: &Path, sources: &[Source]) {
    let mut text = String::new();
    for s in sources {
        text.push_str(&record(s));
        text.push('\n');
    }
    fs::write(path, text).expect("the corpus is written");
}

/// The outcome of one run: its output, exit code, wall seconds, peak kB.
struct Outcome {
    stdout: Vec<u8>,
    code: i32,
    secs: f64,
    peak_kb: Option<u64>,
    cache_line: String,
}

fn ci(dir: &Path, more: &[&str]) -> Outcome {
    let exe = env!("CARGO_BIN_EXE_claimdiff");
    let timed = Path::new("/usr/bin/time").exists();
    let mut cmd = if timed {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-v").arg(exe);
        c
    } else {
        Command::new(exe)
    };
    cmd.args([
        "ci",
        "--baseline",
        "ci/baseline.yaml",
        "corpus",
        "--format",
        "json",
    ])
    .args(more)
    .current_dir(dir)
    .env_remove("CI");
    let t = Instant::now();
    let out = cmd.output().expect("claimdiff runs");
    let secs = t.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    let peak_kb = stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|v| v.trim().parse().ok());
    let cache_line = stderr
        .lines()
        .find(|l| l.contains("sources reused"))
        .unwrap_or("(no cache)")
        .trim_start_matches("claimdiff: ")
        .to_string();
    Outcome {
        stdout: out.stdout,
        code: out.status.code().unwrap_or(-1),
        secs,
        peak_kb,
        cache_line,
    }
}

fn show(label: &str, o: &Outcome) {
    let peak = o.peak_kb.map_or("?".to_string(), |kb| {
        format!("{:.0} MB", kb as f64 / 1024.0)
    });
    println!(
        "{label:<28} {:>7.2} s  peak {peak:>7}  exit {}  {}",
        o.secs, o.code, o.cache_line
    );
}

/// Lines of two outputs that differ, counted.
fn differences(a: &[u8], b: &[u8]) -> usize {
    let (a, b) = (String::from_utf8_lossy(a), String::from_utf8_lossy(b));
    let (la, lb): (Vec<&str>, Vec<&str>) = (a.lines().collect(), b.lines().collect());
    let common = la.iter().zip(&lb).filter(|(x, y)| x != y).count();
    common + la.len().abs_diff(lb.len())
}

fn run(n: usize) {
    let mut corpus = archive::generate(n + 1);
    let added = corpus.sources.pop().expect("one more source");
    let tmp = tempfile::tempdir().expect("a temporary folder");
    let d = tmp.path();
    fs::create_dir_all(d.join("corpus")).unwrap();
    fs::create_dir_all(d.join("ci")).unwrap();
    for (i, chunk) in corpus.sources.chunks(1000).enumerate() {
        write_jsonl(&d.join(format!("corpus/archive-{i:03}.jsonl")), chunk);
    }
    println!(
        "\n== ci through the cache, N = {n} sources, {} cores (load average {})",
        std::thread::available_parallelism().map_or(1, |p| p.get()),
        fs::read_to_string("/proc/loadavg")
            .unwrap_or_default()
            .trim()
    );
    let base = ci(d, &["--update", "--no-cache"]);
    show("baseline written, no cache", &base);
    let cold = ci(d, &[]);
    show("cold (empty cache)", &cold);
    let warm = ci(d, &[]);
    show("warm (same corpus)", &warm);
    let reference = ci(d, &["--no-cache"]);
    show("same corpus, no cache", &reference);
    println!(
        "  cold / warm vs no cache: {} / {} differing lines of output",
        differences(&cold.stdout, &reference.stdout),
        differences(&warm.stdout, &reference.stdout)
    );
    write_jsonl(&d.join("corpus/added.jsonl"), std::slice::from_ref(&added));
    let plus = ci(d, &[]);
    show("one source added (cache)", &plus);
    let reference = ci(d, &["--no-cache"]);
    show("one source added, no cache", &reference);
    println!(
        "  one added, cache vs no cache: {} differing lines of output",
        differences(&plus.stdout, &reference.stdout)
    );
}

//! The analysis cache of `claimdiff ci`: created with its `.gitignore` beside the
//! baseline, reused by the next run, damaged entries rebuilt (the output equal to
//! a run without cache), two runs at once leaving a valid cache, `--no-cache`
//! writing nothing.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::ci::{add, command};
use crate::util::Run;

const SOURCES: [&str; 3] = ["harbor-daily.txt", "coast-herald.txt", "valley-news.txt"];

fn ci_command(dir: &Path, more: &[&str]) -> Command {
    let mut args = vec![
        "ci",
        "--baseline",
        "ci/baseline.yaml",
        "corpus",
        "--format",
        "json",
    ];
    args.extend_from_slice(more);
    command(dir, &args)
}

fn ci(dir: &Path, more: &[&str]) -> Run {
    let out = ci_command(dir, more).output().expect("the binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// A scratch repository: `corpus/` with the given fixtures, and a baseline in
/// `ci/` written without a cache.
fn scratch(names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir(dir.path().join("corpus")).unwrap();
    fs::create_dir(dir.path().join("ci")).unwrap();
    for name in names {
        add(dir.path(), name);
    }
    let r = ci(dir.path(), &["--update", "--no-cache"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    dir
}

fn cache_dir(dir: &Path) -> PathBuf {
    dir.join("ci/.claimdiff-cache")
}

/// The entry files of the cache, sorted.
fn entries(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(cache_dir(dir))
        .expect("the cache folder exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "entry"))
        .collect();
    out.sort();
    out
}

/// The numbers of the cache line on standard error: reused, analysed, rebuilt.
fn counts(r: &Run) -> (usize, usize, usize) {
    let line = r
        .stderr
        .lines()
        .find(|l| l.contains("sources reused"))
        .unwrap_or_else(|| panic!("no cache line in {}", r.stderr));
    let numbers: Vec<usize> = line
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|w| w.parse().ok())
        .collect();
    (numbers[0], numbers[1], numbers[2])
}

#[test]
fn the_cache_is_made_beside_the_baseline_and_reused() {
    let dir = scratch(&SOURCES[..2]);
    let d = dir.path();
    let cold = ci(d, &["--no-cache"]);

    let first = ci(d, &[]);
    assert_eq!(counts(&first), (0, 2, 0), "{}", first.stderr);
    let ignore = fs::read_to_string(cache_dir(d).join(".gitignore")).expect("a .gitignore");
    assert!(ignore.lines().any(|l| l.trim() == "*"), "{ignore}");
    assert_eq!(entries(d).len(), 2);
    assert_eq!(first.stdout, cold.stdout);

    let second = ci(d, &[]);
    assert_eq!(counts(&second), (2, 0, 0), "{}", second.stderr);
    assert_eq!(second.stdout, cold.stdout);
    assert_eq!(second.code, cold.code);

    // A source added: only it is analysed, and the outcome is a cold run's.
    add(d, "river-post.txt");
    let third = ci(d, &[]);
    assert_eq!(counts(&third), (2, 1, 0), "{}", third.stderr);
    assert_eq!(entries(d).len(), 3);
    let cold = ci(d, &["--no-cache"]);
    assert_eq!(third.stdout, cold.stdout);
    assert_eq!(third.code, cold.code);
    assert_eq!(third.code, 1, "the added source brings a discrepancy");
}

#[test]
fn damaged_entries_are_rebuilt_and_the_output_is_a_cold_runs() {
    let dir = scratch(&SOURCES);
    let d = dir.path();
    let cold = ci(d, &["--no-cache"]);
    assert_eq!(counts(&ci(d, &[])), (0, 3, 0));
    let files = entries(d);
    assert_eq!(files.len(), 3);
    // Truncated, one payload byte flipped, another format version.
    let bytes = fs::read(&files[0]).unwrap();
    fs::write(&files[0], &bytes[..bytes.len() / 2]).unwrap();
    let mut bytes = fs::read(&files[1]).unwrap();
    let at = bytes.len() - 10;
    bytes[at] ^= 0x20;
    fs::write(&files[1], &bytes).unwrap();
    let mut bytes = fs::read(&files[2]).unwrap();
    bytes[8] = bytes[8].wrapping_add(1);
    fs::write(&files[2], &bytes).unwrap();

    let r = ci(d, &[]);
    assert_eq!(counts(&r), (0, 3, 3), "{}", r.stderr);
    assert_eq!(r.stdout, cold.stdout);
    assert_eq!(r.code, cold.code);
    // Rebuilt entries are whole again.
    let r = ci(d, &[]);
    assert_eq!(counts(&r), (3, 0, 0), "{}", r.stderr);
    assert_eq!(r.stdout, cold.stdout);
}

#[test]
fn an_entry_with_a_valid_header_over_garbage_is_rebuilt() {
    let dir = scratch(&SOURCES[..2]);
    let d = dir.path();
    let cold = ci(d, &["--no-cache"]);
    ci(d, &[]);
    // Swap the two entries: each header names the other key.
    let files = entries(d);
    let (a, b) = (fs::read(&files[0]).unwrap(), fs::read(&files[1]).unwrap());
    fs::write(&files[0], b).unwrap();
    fs::write(&files[1], a).unwrap();
    let r = ci(d, &[]);
    assert_eq!(counts(&r), (0, 2, 2), "{}", r.stderr);
    assert_eq!(r.stdout, cold.stdout);
}

#[test]
fn two_runs_at_once_leave_a_valid_cache() {
    let dir = scratch(&SOURCES);
    let d = dir.path();
    let cold = ci(d, &["--no-cache"]);
    let spawn = || {
        ci_command(d, &[])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts")
    };
    let (a, b) = (spawn(), spawn());
    for child in [a, b] {
        let out = child.wait_with_output().expect("the run ends");
        assert_eq!(out.status.code(), cold.code.into());
        assert_eq!(String::from_utf8(out.stdout).unwrap(), cold.stdout);
    }
    let r = ci(d, &[]);
    assert_eq!(counts(&r), (3, 0, 0), "{}", r.stderr);
    assert_eq!(r.stdout, cold.stdout);
    // No temporary file is left behind.
    let names: Vec<String> = fs::read_dir(cache_dir(d))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".entry"))
        .collect();
    assert_eq!(names, vec![".gitignore".to_string()]);
}

#[test]
fn no_cache_writes_nothing_and_cache_names_the_folder() {
    let dir = scratch(&SOURCES[..2]);
    let d = dir.path();
    let r = ci(d, &["--no-cache"]);
    assert!(!r.stderr.contains("cache"), "{}", r.stderr);
    assert!(!cache_dir(d).exists());
    let r = ci(d, &["--cache", "elsewhere/cache"]);
    assert_eq!(counts(&r), (0, 2, 0), "{}", r.stderr);
    assert!(!cache_dir(d).exists());
    assert!(d.join("elsewhere/cache/.gitignore").is_file());
    let r = ci(d, &["--cache", "elsewhere/cache"]);
    assert_eq!(counts(&r), (2, 0, 0), "{}", r.stderr);
    // Nothing was written into the corpus.
    let mut names: Vec<String> = fs::read_dir(d.join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, vec!["coast-herald.txt", "harbor-daily.txt"]);
}

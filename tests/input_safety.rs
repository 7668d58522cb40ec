//! Regression tests for input that once crashed claimdiff, ate its memory, led it
//! outside the corpus or made `--out` replace what it must not: every case ends with
//! a clear message naming the file, and the other files are still read.

use std::fs;
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;

use crate::util::json;

/// The binary, run in `dir`, stopped if it ever hangs.
fn cmd(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_claimdiff"));
    c.current_dir(dir).timeout(Duration::from_secs(120));
    c
}

struct Out {
    code: i32,
    stdout: String,
    stderr: String,
}

fn run(dir: &Path, args: &[&str]) -> Out {
    let o = cmd(dir).args(args).output().expect("the binary runs");
    Out {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// The line of standard error that names `needle`, or "".
fn line_with<'a>(out: &'a Out, needle: &str) -> &'a str {
    out.stderr
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or("")
}

/// The ids of the sources of `claimdiff sources --format json`, sorted.
fn ids(stdout: &str) -> Vec<String> {
    let mut ids: Vec<String> = json(stdout)["sources"]
        .as_array()
        .expect("sources")
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    ids.sort();
    ids
}

const GOOD: &str = "The harbour board approved 14 new moorings on Monday.\n";

#[test]
fn deeply_nested_html_is_read_and_the_other_files_too() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let depth = 100_000;
    let page = format!(
        "<html><body>{}The ferry carried 31 riders.{}</body></html>",
        "<div><span>".repeat(depth),
        "</span></div>".repeat(depth)
    );
    fs::write(p.join("deep.html"), page).unwrap();
    fs::write(p.join("good.txt"), GOOD).unwrap();
    let out = run(p, &["figures", "--format", "json", "."]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.contains("31"), "{}", out.stdout);
    assert!(out.stdout.contains("14"), "{}", out.stdout);
}

#[cfg(unix)]
#[test]
fn a_device_named_explicitly_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("good.txt"), GOOD).unwrap();
    let out = run(
        dir.path(),
        &["sources", "--format", "json", "/dev/zero", "good.txt"],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("/dev/zero") && out.stderr.contains("device"),
        "{}",
        out.stderr
    );
    assert_eq!(ids(&out.stdout), ["good"]);
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn special_files_inside_a_folder_are_skipped_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("good.txt"), GOOD).unwrap();
    mkfifo(&p.join("pipe.txt"));
    let out = run(p, &["sources", "--format", "json", "."]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let line = line_with(&out, "pipe.txt");
    assert!(
        line.contains("warning") && line.contains("FIFO"),
        "{}",
        out.stderr
    );
    assert_eq!(ids(&out.stdout), ["good"]);
}

#[cfg(unix)]
#[test]
fn a_fifo_named_explicitly_is_read_but_bounded() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("feed");
    mkfifo(&fifo);
    // A writer with far more than the limit: claimdiff stops at the limit.
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || {
            let mut f = fs::OpenOptions::new().write(true).open(&fifo).unwrap();
            let line = GOOD.as_bytes();
            for _ in 0..200_000 {
                if f.write_all(line).is_err() {
                    break; // the reader stopped: a broken pipe
                }
            }
        })
    };
    let out = run(dir.path(), &["sources", "--max-file-size", "64K", "feed"]);
    writer.join().unwrap();
    assert_eq!(out.code, 2, "nothing readable: {}", out.stderr);
    assert!(
        out.stderr.contains("feed") && out.stderr.contains("more than the limit of 64 KiB"),
        "{}",
        out.stderr
    );
    // Under the limit the pipe is one source.
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::write(&fifo, GOOD).unwrap())
    };
    let out = run(dir.path(), &["sources", "--format", "json", "feed"]);
    writer.join().unwrap();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(ids(&out.stdout), ["feed"]);
}

#[test]
fn an_over_limit_file_says_so_and_the_limit_can_be_raised() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    let big = GOOD.repeat(2_000); // about 110 KB
    fs::write(p.join("big.txt"), &big).unwrap();
    fs::write(p.join("good.txt"), GOOD).unwrap();
    let out = run(
        p,
        &[
            "sources",
            "--format",
            "json",
            "--max-file-size",
            "100K",
            ".",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let line = line_with(&out, "big.txt");
    assert!(
        line.contains(&format!("{} bytes", big.len()))
            && line.contains("100 KiB")
            && line.contains("--max-file-size"),
        "{}",
        out.stderr
    );
    assert_eq!(ids(&out.stdout), ["good"]);
    let out = run(
        p,
        &["sources", "--max-file-size", "1M", "--format", "json", "."],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(ids(&out.stdout), ["big", "good"]);
    let out = run(p, &["sources", "--max-file-size", "lots", "."]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("invalid size"), "{}", out.stderr);
}

#[cfg(unix)]
#[test]
fn symlinks_are_followed_only_inside_the_roots_and_loops_end() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::create_dir_all(p.join("corpus/inner")).unwrap();
    fs::create_dir_all(p.join("outside")).unwrap();
    fs::write(p.join("corpus/good.txt"), GOOD).unwrap();
    fs::write(
        p.join("corpus/inner/kept.txt"),
        "The pool opened 9 lanes.\n",
    )
    .unwrap();
    fs::write(
        p.join("outside/secret.txt"),
        "Nobody should read 77 here.\n",
    )
    .unwrap();
    symlink("../outside", p.join("corpus/away")).unwrap();
    symlink("../outside/secret.txt", p.join("corpus/secret.txt")).unwrap();
    symlink("..", p.join("corpus/inner/up")).unwrap();
    symlink("inner", p.join("corpus/again")).unwrap();
    let out = run(p, &["sources", "--format", "json", "corpus"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(ids(&out.stdout), ["good", "kept"], "{}", out.stderr);
    for name in ["corpus/away", "corpus/secret.txt"] {
        let line = line_with(&out, name);
        assert!(line.contains("outside the folders given"), "{}", out.stderr);
    }
    // A file named explicitly is read even through a link.
    let out = run(p, &["sources", "--format", "json", "corpus/secret.txt"]);
    assert_eq!(ids(&out.stdout), ["secret"]);
    // Given as a root too, the outside folder may be entered (once).
    let out = run(p, &["sources", "--format", "json", "corpus", "outside"]);
    assert_eq!(
        ids(&out.stdout),
        ["good", "kept", "secret"],
        "{}",
        out.stderr
    );
    let out = run(
        p,
        &[
            "sources",
            "--format",
            "json",
            "--no-follow-symlinks",
            "corpus",
        ],
    );
    assert_eq!(ids(&out.stdout), ["good", "kept"]);
    assert!(
        out.stderr.contains("--no-follow-symlinks"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_bad_jsonl_line_skips_that_line_only() {
    let dir = tempfile::tempdir().unwrap();
    let mut lines = Vec::new();
    lines.extend_from_slice(br#"{"id":"one","text":"The depot stored 5 buses."}"#);
    lines.extend_from_slice(b"\n{broken\n\xff\xfe not text\n\r\n");
    lines.extend_from_slice(br#"{"id":"two","text":"The depot stored 6 buses."}"#);
    lines.extend_from_slice(b"\r\n");
    fs::write(dir.path().join("feed.jsonl"), lines).unwrap();
    let out = run(dir.path(), &["sources", "--format", "json", "feed.jsonl"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("feed.jsonl:2:"), "{}", out.stderr);
    assert!(out.stderr.contains("feed.jsonl:3:1") && out.stderr.contains("UTF-8"));
    assert_eq!(ids(&out.stdout), ["one", "two"]);
}

#[test]
fn a_large_jsonl_is_streamed_with_a_limit_per_record() {
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::new();
    for i in 0..300 {
        text.push_str(&format!(
            "{{\"id\":\"r{i}\",\"text\":\"Record {i} says the depot stored {i} buses.\"}}\n"
        ));
    }
    let long = "word ".repeat(4_000);
    text.push_str(&format!("{{\"id\":\"long\",\"text\":\"{long}\"}}\n"));
    text.push_str("{\"id\":\"last\",\"text\":\"The last record.\"}\n");
    assert!(text.len() > 32 * 1024);
    fs::write(dir.path().join("feed.jsonl"), &text).unwrap();
    let out = run(
        dir.path(),
        &[
            "sources",
            "--format",
            "json",
            "--max-file-size",
            "16K",
            "feed.jsonl",
        ],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    let line = line_with(&out, "feed.jsonl:301");
    assert!(
        line.contains("larger than the limit of 16 KiB"),
        "{}",
        out.stderr
    );
    let got = ids(&out.stdout);
    assert_eq!(got.len(), 301, "every record but the long one");
    assert!(!got.contains(&"long".to_string()) && got.contains(&"last".to_string()));
}

#[cfg(unix)]
#[test]
fn out_refuses_special_files_symlinks_and_read_only_files() {
    use std::os::unix::fs::{PermissionsExt, symlink};
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("kept.txt"), "keep me").unwrap();
    symlink("kept.txt", p.join("link.json")).unwrap();
    mkfifo(&p.join("pipe.json"));
    fs::write(p.join("locked.json"), "locked").unwrap();
    fs::set_permissions(p.join("locked.json"), fs::Permissions::from_mode(0o444)).unwrap();
    for (target, why) in [
        ("link.json", "symbolic link"),
        ("pipe.json", "FIFO"),
        ("/dev/null", "device"),
        ("locked.json", "read-only"),
    ] {
        let out = run(p, &["sources", "-q", "--out", target]);
        assert_eq!(out.code, 2, "{target}: {}", out.stderr);
        assert!(
            out.stderr.contains(target) && out.stderr.contains(why),
            "{}",
            out.stderr
        );
    }
    assert_eq!(fs::read_to_string(p.join("kept.txt")).unwrap(), "keep me");
    assert!(
        fs::symlink_metadata(p.join("link.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(fs::read_to_string(p.join("locked.json")).unwrap(), "locked");
}

#[cfg(unix)]
#[test]
fn out_keeps_the_mode_of_a_file_it_replaces_and_new_files_get_the_usual_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("shared.json"), "old").unwrap();
    fs::set_permissions(p.join("shared.json"), fs::Permissions::from_mode(0o664)).unwrap();
    let out = run(
        p,
        &["sources", "-q", "--format", "json", "--out", "shared.json"],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let mode = |name: &str| fs::metadata(p.join(name)).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode("shared.json"), 0o664);
    assert!(
        fs::read_to_string(p.join("shared.json"))
            .unwrap()
            .contains("\"sources\"")
    );
    // A new file: what File::create gives in the same folder (0666 less the umask).
    fs::File::create(p.join("probe")).unwrap();
    let out = run(p, &["sources", "-q", "--out", "new.txt"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(mode("new.txt"), mode("probe"));
    assert_ne!(mode("new.txt"), 0o600, "not the temporary file's mode");
}

#[test]
fn out_is_refused_inside_a_folder_being_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::create_dir_all(p.join("corpus/sub")).unwrap();
    fs::write(p.join("corpus/good.txt"), GOOD).unwrap();
    for target in [
        "corpus/report.txt",
        "corpus/sub/report.json",
        "./corpus/../corpus/x.md",
    ] {
        let out = run(p, &["sources", "corpus", "--out", target]);
        assert_eq!(out.code, 2, "{target}: {}", out.stderr);
        assert!(out.stderr.contains("being analysed"), "{}", out.stderr);
    }
    let out = run(
        p,
        &["sources", "corpus/good.txt", "--out", "corpus/good.txt"],
    );
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert_eq!(fs::read_to_string(p.join("corpus/good.txt")).unwrap(), GOOD);
    let mut listing: Vec<_> = fs::read_dir(p.join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    listing.sort();
    assert_eq!(
        listing,
        ["good.txt", "sub"],
        "nothing written into the corpus"
    );
    // Beside the corpus is fine.
    let out = run(p, &["sources", "corpus", "--out", "report.txt"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

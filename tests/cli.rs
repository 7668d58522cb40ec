//! The command line on the sample corpus and on fixtures: loading, dates, errors,
//! exit codes, output.

use std::fs;
use std::io::Read;
use std::process::{Command, Stdio};

use crate::util::{claimdiff, fixture, json, root, source};

#[test]
fn sample_corpus_is_embedded_and_announced() {
    let run = claimdiff(&["sources", "--format", "json"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("sample corpus"), "{}", run.stderr);
    let doc = json(&run.stdout);
    assert_eq!(doc["schema"], 1);
    assert_eq!(doc["sources"].as_array().unwrap().len(), 5);
    let s0 = source(&doc, "000_1703b7b2bb6baa3b");
    assert_eq!(s0["published"], "2015-09-23");
    assert_eq!(s0["published_from"], "text");
    assert_eq!(s0["outlet"], "SyriaTND");
    let s2 = source(&doc, "002_9d7f267a3ae22dc7");
    assert_eq!(s2["published"], "2015-09-19");
    assert_eq!(s2["published_from"], "text");
    // The page-view date at the top of this page is not its publication date, and
    // the other articles state none: they stay unknown.
    for id in [
        "001_b17d257d6203724e",
        "003_ba485b796173ec3f",
        "004_b784489694a573a3",
    ] {
        let s = source(&doc, id);
        assert!(s["published"].is_null(), "{id}: {s}");
        assert_eq!(s["published_from"], "none");
    }
}

#[test]
fn quiet_silences_the_sample_notice() {
    let run = claimdiff(&["sources", "--quiet"], None);
    assert_eq!(run.code, 0);
    assert_eq!(run.stderr, "");
    assert!(run.stdout.contains("000_1703b7b2bb6baa3b"));
}

#[test]
fn sentence_spans_point_at_the_exact_text() {
    let run = claimdiff(&["sentences", "--format", "jsonl"], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut seen = 0;
    for line in run.stdout.lines() {
        let row = json(line);
        let id = row["source"].as_str().unwrap();
        let text = fs::read_to_string(root().join("seeds").join(format!("{id}.txt"))).unwrap();
        let (s, e) = (
            row["start"].as_u64().unwrap() as usize,
            row["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], row["text"].as_str().unwrap());
        assert!(row["boilerplate"].is_boolean());
        seen += 1;
    }
    assert!(seen > 100, "only {seen} sentences");
}

#[test]
fn output_is_byte_identical_across_runs() {
    let a = claimdiff(&["sentences", "--format", "jsonl"], None);
    let b = claimdiff(&["sentences", "--format", "jsonl"], None);
    assert_eq!(a.stdout, b.stdout);
    let a = claimdiff(&["sources", "--format", "json", &fixture("manifest")], None);
    let b = claimdiff(&["sources", "--format", "json", &fixture("manifest")], None);
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn html_page_keeps_article_text_without_scripts_or_navigation() {
    let run = claimdiff(&["sentences", "--format", "jsonl", &fixture("html")], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let texts: Vec<String> = run
        .stdout
        .lines()
        .map(|l| json(l)["text"].as_str().unwrap().to_string())
        .collect();
    let all = texts.join("\n");
    assert!(all.contains("Harbour bridge reopens after nine-month repair"));
    assert!(all.contains("cost the city $12.5 million, officials said."));
    assert!(!all.contains("analytics"), "script leaked: {all}");
    assert!(!all.contains("renderAd"), "script leaked: {all}");
    assert!(!all.contains("font-family"), "style leaked: {all}");
    assert!(!all.contains("Sport"), "navigation leaked: {all}");
    // Paragraphs of the page stay apart: no sentence runs from one into the next.
    assert!(texts.iter().all(|t| !t.contains("officials said. About")));

    let run = claimdiff(&["sources", "--format", "json", &fixture("html")], None);
    let doc = json(&run.stdout);
    let s = source(&doc, "harbour");
    assert_eq!(s["published"], "2021-03-04");
    assert_eq!(s["published_from"], "text");
}

#[test]
fn jsonl_records_become_sources_with_their_metadata() {
    let run = claimdiff(&["sources", "--format", "json", &fixture("jsonl")], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = json(&run.stdout);
    assert_eq!(doc["sources"].as_array().unwrap().len(), 3);
    let w1 = source(&doc, "wire-1");
    assert_eq!(w1["outlet"], "Northern Wire");
    assert_eq!(w1["published"], "2021-03-04");
    assert_eq!(w1["published_from"], "manifest");
    assert!(w1["path"].as_str().unwrap().ends_with("wire.jsonl:1"));
    let w2 = source(&doc, "wire-2");
    assert_eq!(w2["series"], "Northern Wire");
    assert_eq!(w2["url"], "https://example.org/bridge");
    assert_eq!(source(&doc, "wire-3")["published_from"], "none");
}

#[test]
fn malformed_jsonl_line_is_an_error_naming_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("feed.jsonl");
    fs::write(
        &file,
        "{\"id\":\"a\",\"text\":\"First story.\"}\n{\"id\":\"b\",\"text\": oops}\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"Last story.\"}\n",
    )
    .unwrap();
    let run = claimdiff(
        &["sources", "--format", "json", "feed.jsonl"],
        Some(dir.path()),
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("feed.jsonl:2:"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("feed.jsonl:3: record \"c\": missing field `text`"),
        "{}",
        run.stderr
    );
    // The good records are still read.
    let doc = json(&run.stdout);
    let ids: Vec<_> = doc["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].clone())
        .collect();
    assert_eq!(ids, vec!["a", "d"]);
}

#[test]
fn manifest_gives_outlets_and_dates_and_wins_over_the_text() {
    let run = claimdiff(&["sources", "--format", "json", &fixture("manifest")], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = json(&run.stdout);
    let ledger = source(&doc, "ledger");
    assert_eq!(ledger["outlet"], "The Coastal Ledger");
    assert_eq!(ledger["url"], "https://example.org/ledger/bridge");
    assert_eq!(ledger["published"], "2021-03-05");
    assert_eq!(ledger["published_from"], "manifest");
    let notes = source(&doc, "notes");
    assert_eq!(notes["outlet"], "Harbour Notes");
    assert_eq!(notes["published"], "2021-03-06");
    assert_eq!(notes["published_from"], "text");
    let other = source(&doc, "other");
    assert!(other["outlet"].is_null());
    assert_eq!(other["published"], "2021-03-07");
    assert_eq!(other["published_text"], "Updated: Mar 7, 2021");
}

#[test]
fn malformed_manifest_is_an_error_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("a.txt"), "A story about a bridge.\n").unwrap();
    fs::write(
        dir.path().join("sources.yaml"),
        "a.txt:\n  outlet: X\n  publishd: 2020-01-01\n",
    )
    .unwrap();
    let run = claimdiff(&["sources", "."], Some(dir.path()));
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("sources.yaml:3:"), "{}", run.stderr);
    assert!(
        run.stdout.contains("a "),
        "the file is still listed: {}",
        run.stdout
    );
}

#[test]
fn unreadable_files_are_skipped_with_a_warning_and_the_run_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path();
    fs::write(p.join("binary.txt"), b"\x89PNG\r\n\x1a\n\0\0\0IHDR").unwrap();
    fs::write(p.join("latin1.txt"), b"Caf\xe9 owners said prices rose.").unwrap();
    fs::write(p.join("empty.md"), b"").unwrap();
    fs::write(p.join("blank.txt"), b"  \n\n ").unwrap();
    fs::write(p.join("script-only.html"), b"<script>x()</script>").unwrap();
    fs::write(p.join("image.png"), b"\x89PNG").unwrap();
    fs::write(p.join("good.txt"), "Officials said 12 people were hurt.\n").unwrap();
    let before = listing(p);
    let run = claimdiff(&["sources", "--format", "json", "."], Some(p));
    assert_eq!(run.code, 0, "{}", run.stderr);
    for (file, why) in [
        ("binary.txt", "binary"),
        ("latin1.txt", "not UTF-8"),
        ("empty.md", "empty"),
        ("blank.txt", "white space"),
        ("script-only.html", "no visible text"),
    ] {
        let line = run
            .stderr
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("no warning for {file}: {}", run.stderr));
        assert!(
            line.starts_with("claimdiff: warning:") && line.contains(why),
            "{line}"
        );
    }
    assert!(
        !run.stderr.contains("image.png"),
        "other file types are ignored in folders"
    );
    let doc = json(&run.stdout);
    assert_eq!(doc["sources"].as_array().unwrap().len(), 1);
    assert_eq!(listing(p), before, "claimdiff never writes into the corpus");
}

#[test]
fn missing_path_is_an_input_error() {
    let run = claimdiff(&["sources", "no-such-folder"], None);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no-such-folder"), "{}", run.stderr);
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(claimdiff(&["--no-such-flag"], None).code, 2);
    let run = claimdiff(&["sources", "--format", "csv"], None);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("table, json"), "{}", run.stderr);
    assert_eq!(claimdiff(&["--help"], None).code, 0);
}

#[test]
fn out_writes_the_file_atomically() {
    let dir = tempfile::tempdir().unwrap();
    let run = claimdiff(
        &["sources", "--format", "json", "--out", "report.json"],
        Some(dir.path()),
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    let written = fs::read_to_string(dir.path().join("report.json")).unwrap();
    assert_eq!(json(&written)["sources"].as_array().unwrap().len(), 5);
    assert_eq!(
        listing(dir.path()),
        vec!["report.json".to_string()],
        "no temporary file left"
    );
}

#[test]
fn closed_pipe_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .args(["sentences", "--format", "jsonl"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // stdout is dropped here: the reader is gone.
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
}

fn listing(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn html_comment_form_and_footer_are_marked_and_the_article_is_not() {
    let run = claimdiff(&["sources", "--format", "json", &fixture("html")], None);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let doc = json(&run.stdout);
    let marked: Vec<(String, String)> = source(&doc, "harbour")["boilerplate"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| {
            (
                b["text"].as_str().unwrap().to_string(),
                b["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let reason_of = |text: &str| {
        marked
            .iter()
            .find(|(t, _)| t.contains(text))
            .map(|(_, r)| r.clone())
            .unwrap_or_else(|| panic!("{text:?} is not marked: {marked:?}"))
    };
    assert_eq!(reason_of("Leave a Reply"), "comment form");
    assert!(reason_of("All rights reserved").len() > 3);
    for body in [
        "Harbour bridge reopens",
        "1,200 steel cables",
        "40,000 vehicles",
        "$12.5 million",
    ] {
        assert!(
            marked.iter().all(|(t, _)| !t.contains(body)),
            "{body:?} marked: {marked:?}"
        );
    }
}

//! Property tests, one per entry point: arbitrary bytes and arbitrary text never
//! make claimdiff panic, every problem names its file, spans stay inside their text,
//! and the same input gives the same output. Text is drawn from an invented
//! vocabulary (with figures, quotes, brackets and markup) mixed with arbitrary
//! characters, so that the deep stages see sentences rather than noise only.

use std::fs;

use proptest::prelude::*;

use claimdiff::baseline::Baseline;
use claimdiff::report::build::{ViewOptions, report_view};
use claimdiff::{Corpus, Options, Source};

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Pieces of news-like text: words, figures in many forms, quotes, brackets,
/// markup and line breaks.
fn piece() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "the",
        "harbour",
        "board",
        "said",
        "approved",
        "ferries",
        "about",
        "some",
        "at least",
        "nearly",
        "million",
        "percent",
        "%",
        "$",
        "€",
        "people",
        "were",
        "hurt",
        "on",
        "Monday",
        "March",
        "2019",
        "last",
        "week",
        "yesterday",
        "Mr.",
        "Ms.",
        "Dr.",
        "Ana",
        "Berg",
        "told",
        "reporters",
        ".",
        ",",
        ";",
        ":",
        "!",
        "?",
        "\"",
        "“",
        "”",
        "‘",
        "’",
        "«",
        "»",
        "(",
        ")",
        "[",
        "]",
        "-",
        "–",
        "—",
        "\n",
        "\n\n",
        "  ",
        "<p>",
        "</p>",
        "<div>",
        "<b>",
        "&amp;",
        "Published:",
        "Updated",
        "twenty-first",
        "second",
        "third",
        "half",
        "dozen",
        "1st",
        "3rd",
        "10:30",
        "a.m.",
        "km",
        "years",
        "old",
        "aged",
        "between",
        "and",
        "from",
        "to",
    ])
    .prop_map(str::to_string);
    prop_oneof![
        6 => fixed,
        2 => (0u64..3_000_000).prop_map(|n| n.to_string()),
        1 => (0u32..10_000, 0u32..100).prop_map(|(a, b)| format!("{a}.{b}")),
        1 => (1u32..999, 0u32..1000).prop_map(|(a, b)| format!("{a},{b:03}")),
        1 => any::<char>().prop_map(|c| c.to_string()),
    ]
}

fn text(max_pieces: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..max_pieces).prop_map(|p| p.join(" "))
}

/// Bytes: arbitrary ones, or text with some bytes flipped.
fn bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        prop::collection::vec(any::<u8>(), 0..300),
        text(60).prop_map(String::into_bytes),
        (text(60), any::<u8>(), any::<prop::sample::Index>()).prop_map(|(t, b, at)| {
            let mut v = t.into_bytes();
            if !v.is_empty() {
                let i = at.index(v.len());
                v[i] = b;
            }
            v
        }),
    ]
}

proptest! {
    #![proptest_config(config(300))]

    #[test]
    fn corpus_loading_of_arbitrary_bytes(
        content in bytes(),
        ext in prop::sample::select(vec!["txt", "md", "html", "htm", "jsonl", "json"]),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(format!("doc.{ext}"));
        fs::write(&file, &content).unwrap();
        for paths in [vec![dir.path().to_path_buf()], vec![file.clone()]] {
            let corpus = Corpus::load(&paths);
            for d in &corpus.diagnostics {
                prop_assert!(d.location.contains("doc."), "{d}");
            }
            for s in &corpus.sources {
                prop_assert!(!s.text.trim().is_empty());
                prop_assert!(s.path.contains("doc."));
            }
            if ext == "json" {
                prop_assert!(corpus.sources.is_empty());
            }
        }
    }

    #[test]
    fn jsonl_records_survive_bad_neighbours(lines in prop::collection::vec(
        prop_oneof![
            text(12).prop_map(|t| serde_json::json!({"id": "r", "text": t}).to_string()),
            text(8),
            Just(String::new()),
        ], 0..12)) {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("feed.jsonl");
        // Unique ids, so that every good record can be counted.
        let lines: Vec<String> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| l.replacen("\"id\":\"r\"", &format!("\"id\":\"r{i}\""), 1))
            .collect();
        fs::write(&file, lines.join("\n")).unwrap();
        let corpus = Corpus::load(&[file]);
        let good = lines
            .iter()
            .filter(|l| {
                serde_json::from_str::<serde_json::Value>(l)
                    .ok()
                    .and_then(|v| v["text"].as_str().map(|t| !t.trim().is_empty()))
                    .unwrap_or(false)
            })
            .count();
        prop_assert_eq!(corpus.sources.len(), good, "{:?}", corpus.diagnostics);
        for d in &corpus.diagnostics {
            prop_assert!(d.location.contains("feed.jsonl"), "{}", d);
        }
    }

    #[test]
    fn manifest_parsing(manifest in prop_oneof![
        bytes(),
        (text(6), text(6), 0u32..40).prop_map(|(o, u, d)| format!(
            "a.txt:\n  outlet: {o}\n  url: {u}\n  published: 2020-01-{d:02}\n").into_bytes()),
    ]) {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("sources.yaml"), &manifest).unwrap();
        fs::write(dir.path().join("a.txt"), "The harbour board approved 14 moorings.\n").unwrap();
        let corpus = Corpus::load(&[dir.path().to_path_buf()]);
        prop_assert_eq!(corpus.sources.len(), 1, "the article is read whatever the manifest");
        for d in &corpus.diagnostics {
            prop_assert!(d.location.contains("sources.yaml"), "{}", d);
        }
    }

    #[test]
    fn claims_yaml_parsing(doc in prop_oneof![
        any::<String>(),
        (text(8), text(4)).prop_map(|(c, id)| format!("claims:\n  - id: {id}\n    claim: {c}\n")),
        (text(8), text(3)).prop_map(|(c, w)| format!("claims:\n  - id: x\n    claim: \"{c}\"\n    look_for: [{w}]\n    expect: supported\n")),
    ]) {
        match claimdiff::claims::file::parse("mine.yaml", &doc) {
            Ok(claims) => {
                for c in &claims {
                    prop_assert!(!c.id.is_empty() && !c.claim.is_empty());
                }
            }
            Err(e) => prop_assert_eq!(e.file, "mine.yaml"),
        }
    }

    #[test]
    fn baseline_yaml_parsing(doc in prop_oneof![
        any::<String>(),
        text(10).prop_map(|t| format!("schema: 1\ndiscrepancies:\n  - id: d1\n    status: accepted\n    note: {t}\n")),
    ]) {
        // Errors are values, never panics; an error names the file.
        if let Err(e) = Baseline::parse("base.yaml", &doc) {
            prop_assert!(e.to_string().contains("base.yaml"), "{}", e);
        }
    }

    #[test]
    fn cleaning_segmentation_and_extraction_of_arbitrary_text(t in prop_oneof![
        3 => text(80),
        1 => any::<String>(),
    ]) {
        let corpus = Corpus::of_sources(vec![Source::new("a", &t)]);
        let docs = claimdiff::prepare(&corpus);
        let text = docs[0].text();
        let mut last = 0;
        for s in &docs[0].sentences {
            prop_assert!(s.start <= s.end && s.end <= text.len() && s.start >= last);
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            last = s.end;
        }
        for f in claimdiff::extract::figures_all(&docs) {
            prop_assert!(f.start < f.end && f.end <= text.len());
            prop_assert!(text.is_char_boundary(f.start) && text.is_char_boundary(f.end));
            let s = &docs[0].sentences[f.sentence];
            prop_assert!(s.start <= f.start && f.end <= s.end);
        }
    }
}

proptest! {
    #![proptest_config(config(200))]

    #[test]
    fn whole_analysis_of_small_documents(docs in prop::collection::vec(text(50), 2..4)) {
        // Reuse between the documents: the second one repeats the first one's middle.
        let mut docs = docs;
        let shared: String = docs[0].chars().skip(10).take(120).collect();
        docs[1].push_str(&shared);
        let sources: Vec<Source> = docs
            .iter()
            .enumerate()
            .map(|(i, t)| Source::new(&format!("s{i}"), t))
            .collect();
        let corpus = Corpus::of_sources(sources);
        let render = || {
            let analysis = claimdiff::analyze(&corpus, &Options::default());
            claimdiff::report::json::report(&report_view(&analysis, ViewOptions { explain: true }))
        };
        let first = render();
        prop_assert!(serde_json::from_str::<serde_json::Value>(&first).is_ok());
        prop_assert_eq!(first, render(), "the same input gives the same output");
    }
}

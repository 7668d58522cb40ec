//! Compares the similarity measures of `claimdiff::align::Measure` on labelled
//! sentence pairs: the hand-written pairs of `tests/fixtures/align/pairs.tsv` (edited
//! agency copy against sentences on the same topic) and synthetic pairs (reprints at
//! edit rates of 0-20% against unrelated sentences sharing stock phrases).
//!
//! For each measure it prints the threshold with the best F1 and the precision and
//! recall there and at the threshold the aligner uses. Run with
//! `cargo bench --bench align_measures`.

#[path = "support/gen.rs"]
#[allow(dead_code)]
mod generator;

use std::fs;
use std::path::Path;

use claimdiff::align::{AlignOptions, Measure, align};
use claimdiff::{Corpus, Source, prepare};

/// Labelled pairs: (is reuse, a, b).
type Pairs = Vec<(bool, String, String)>;

fn handwritten() -> Pairs {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/align/pairs.tsv");
    let text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let mut parts = l.split('\t');
            let label = parts.next()?;
            let a = parts.next()?.to_string();
            let b = parts.next()?.to_string();
            Some((label == "reuse", a, b))
        })
        .collect()
}

/// Precision, recall and F1 of "score >= threshold" as the prediction.
fn rates(scored: &[(bool, f64)], threshold: f64) -> (f64, f64, f64) {
    let tp = scored.iter().filter(|(l, s)| *l && *s >= threshold).count() as f64;
    let fp = scored
        .iter()
        .filter(|(l, s)| !*l && *s >= threshold)
        .count() as f64;
    let pos = scored.iter().filter(|(l, _)| *l).count() as f64;
    let p = if tp + fp > 0.0 { tp / (tp + fp) } else { 1.0 };
    let r = if pos > 0.0 { tp / pos } else { 1.0 };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    (p, r, f)
}

fn report(title: &str, pairs: &Pairs, used: f64) {
    println!(
        "\n{title}: {} pairs ({} reuse)",
        pairs.len(),
        pairs.iter().filter(|p| p.0).count()
    );
    println!(
        "{:<18} {:>9} {:>6} {:>6} {:>6}   {:>6} {:>6} (at {used})",
        "measure", "best thr", "P", "R", "F1", "P", "R"
    );
    for m in Measure::ALL {
        let scored: Vec<(bool, f64)> = pairs.iter().map(|(l, a, b)| (*l, m.score(a, b))).collect();
        let mut best = (0.0, 0.0, 0.0, 0.0);
        for t in 30..=95 {
            let t = f64::from(t) / 100.0;
            let (p, r, f) = rates(&scored, t);
            if f > best.3 {
                best = (t, p, r, f);
            }
        }
        let (p, r, _) = rates(&scored, used);
        println!(
            "{:<18} {:>9.2} {:>6.3} {:>6.3} {:>6.3}   {:>6.3} {:>6.3}",
            m.name(),
            best.0,
            best.1,
            best.2,
            best.3,
            p,
            r
        );
    }
}

/// A corpus of two one-sentence sources.
fn two_sources(a: &str, b: &str) -> Corpus {
    Corpus::of_sources(vec![Source::new("s0", a), Source::new("s1", b)])
}

/// Precision and recall of the whole aligner (candidates, verification, evidence
/// rules) on labelled pairs, at several similarity thresholds.
fn pipeline(title: &str, pairs: &Pairs) {
    println!("\n{title}: the whole aligner (a pair is reuse when a passage is reported)");
    println!("{:>9} {:>6} {:>6} {:>6}", "threshold", "P", "R", "F1");
    for t in [0.5, 0.55, 0.6, 0.65, 0.7] {
        let opts = AlignOptions {
            min_similarity: t,
            ..AlignOptions::default()
        };
        let scored: Vec<(bool, f64)> = pairs
            .iter()
            .map(|(l, a, b)| {
                let corpus = two_sources(a, b);
                let docs = prepare(&corpus);
                let found = !align(&docs, &opts).passages.is_empty();
                (*l, if found { 1.0 } else { 0.0 })
            })
            .collect();
        let (p, r, f) = rates(&scored, 0.5);
        println!("{t:>9.2} {p:>6.3} {r:>6.3} {f:>6.3}");
    }
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let used = AlignOptions::default().min_similarity;
    let hand = handwritten();
    report(
        "hand-written pairs (tests/fixtures/align/pairs.tsv)",
        &hand,
        used,
    );
    let synthetic = generator::synthetic_pairs(200, 11);
    report(
        "synthetic pairs (edit rates 0-20%, stock phrases)",
        &synthetic,
        used,
    );
    if std::env::args().any(|a| a == "--errors") {
        let m = AlignOptions::default().measure;
        println!(
            "\nhand-written pairs that {} at {used} gets wrong:",
            m.name()
        );
        for (label, a, b) in &hand {
            let s = m.score(a, b);
            if (s >= used) != *label {
                println!(
                    "  {s:.3} {}\n    {a}\n    {b}",
                    if *label { "reuse" } else { "distinct" }
                );
            }
        }
    }
    pipeline("hand-written pairs", &hand);
    pipeline("synthetic pairs", &generator::synthetic_pairs(100, 13));
    let mut all = hand;
    all.extend(synthetic);
    report("all pairs", &all, used);
}

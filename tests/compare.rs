//! Comparison on corpora with known answers: fixtures whose figures are marked by
//! hand with the fact they state (tests/fixtures/compare), and the sample corpus.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use chrono::NaiveDate;
use claimdiff::compare::{self, AlignedPair, CompareOptions, Findings, SentenceRef, Status};
use claimdiff::corpus::{Corpus, DateOrigin, Source};
use claimdiff::document::{Document, prepare};
use claimdiff::figure::{Figure, FigureKind, Grain, Qualifier, Value};

/// A fixture corpus: the corpus, its figures, and the gold fact of each figure.
struct Fixture {
    corpus: Corpus,
    figures: Vec<Figure>,
    gold: Vec<Option<String>>,
}

fn fixture_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/compare")
        .join(name)
}

/// Reads a fixture: `== source ID DATE` starts a source (DATE may be `-`), lines
/// starting with `#` are comments, and figures are marked `[[written|spec]]`.
fn load(name: &str) -> Fixture {
    let raw = std::fs::read_to_string(fixture_path(name)).expect("fixture exists");
    let mut sources: Vec<(String, Option<NaiveDate>, String)> = Vec::new();
    for line in raw.lines() {
        if line.starts_with('#') {
            continue;
        }
        if let Some(head) = line.strip_prefix("== source ") {
            let mut parts = head.split_whitespace();
            let id = parts.next().expect("source id").to_string();
            let date = parts
                .next()
                .filter(|d| *d != "-")
                .map(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").expect("fixture date"));
            sources.push((id, date, String::new()));
        } else if let Some(last) = sources.last_mut() {
            last.2.push_str(line);
            last.2.push('\n');
        }
    }
    let mut figures_spec = Vec::new();
    let mut built = Vec::new();
    for (i, (id, date, marked)) in sources.into_iter().enumerate() {
        let (text, specs) = unmark(&marked);
        for (start, end, spec) in specs {
            figures_spec.push((i, start, end, spec));
        }
        built.push(Source {
            id: id.clone(),
            path: format!("{id}.txt"),
            outlet: Some(id),
            url: None,
            series: None,
            published: date,
            published_from: if date.is_some() {
                DateOrigin::Manifest
            } else {
                DateOrigin::None
            },
            published_span: None,
            text: text.trim_end().to_string(),
        });
    }
    let corpus = Corpus {
        sources: built,
        diagnostics: Vec::new(),
        is_sample: false,
    };
    let docs = prepare(&corpus);
    let mut figures = Vec::new();
    let mut gold = Vec::new();
    for (source, start, end, spec) in figures_spec {
        let (fig, label) = figure(&docs[source], start, end, &spec);
        figures.push(fig);
        gold.push(label);
    }
    drop(docs);
    Fixture {
        corpus,
        figures,
        gold,
    }
}

/// Removes `[[written|spec]]` marks: the text, and each mark's span and spec.
fn unmark(marked: &str) -> (String, Vec<(usize, usize, String)>) {
    let mut text = String::new();
    let mut specs = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find("[[") {
        text.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after.find("]]").expect("closed mark");
        let (written, spec) = after[..close].split_once('|').expect("mark has a spec");
        let start = text.len();
        text.push_str(written);
        specs.push((start, text.len(), spec.to_string()));
        rest = &after[close + 2..];
    }
    text.push_str(rest);
    (text, specs)
}

/// Builds a figure from a spec: `kind value [q=..] [c=..] [p=..] [d=..] [u=..] [@fact]`.
fn figure(doc: &Document<'_>, start: usize, end: usize, spec: &str) -> (Figure, Option<String>) {
    let mut parts = spec.split_whitespace();
    let kind = match parts.next().expect("kind") {
        "count" => FigureKind::Count,
        "date" => FigureKind::Date,
        "duration" => FigureKind::Duration,
        "age" => FigureKind::Age,
        "money" => FigureKind::Money,
        "percent" => FigureKind::Percent,
        "ordinal" => FigureKind::Ordinal,
        other => panic!("unknown kind {other}"),
    };
    let value = parse_value(kind, parts.next().expect("value"));
    let sentence = doc
        .sentences
        .iter()
        .position(|s| s.start <= start && end <= s.end)
        .expect("figure lies in a sentence");
    let mut fig = Figure {
        source: doc.index,
        sentence,
        start,
        end,
        kind,
        value,
        qualifier: Qualifier::Exact,
        unit: None,
        counted: None,
        counted_phrase: None,
        predicate: None,
        derivation: None,
    };
    let mut label = None;
    for p in parts {
        let unscore = |s: &str| s.replace('_', " ");
        if let Some(l) = p.strip_prefix('@') {
            label = Some(l.to_string());
        } else if let Some(q) = p.strip_prefix("q=") {
            fig.qualifier = match q {
                "approx" => Qualifier::Approx,
                "at_least" => Qualifier::AtLeast,
                "more_than" => Qualifier::MoreThan,
                "at_most" => Qualifier::AtMost,
                "less_than" => Qualifier::LessThan,
                "range" => Qualifier::Range,
                other => panic!("unknown qualifier {other}"),
            };
        } else if let Some(c) = p.strip_prefix("c=") {
            fig.counted = Some(c.to_string());
        } else if let Some(c) = p.strip_prefix("p=") {
            fig.counted_phrase = Some(unscore(c));
        } else if let Some(d) = p.strip_prefix("d=") {
            fig.derivation = Some(unscore(d));
        } else if let Some(u) = p.strip_prefix("u=") {
            fig.unit = Some(u.to_string());
        } else {
            panic!("unknown spec part {p}");
        }
    }
    (fig, label)
}

fn parse_value(kind: FigureKind, v: &str) -> Value {
    if kind == FigureKind::Date {
        let (date, grain) = match v.len() {
            4 => (format!("{v}-01-01"), Grain::Year),
            7 => (format!("{v}-01"), Grain::Month),
            _ => (v.to_string(), Grain::Day),
        };
        let date = NaiveDate::parse_from_str(&date, "%Y-%m-%d").expect("fixture date value");
        return Value::Date { date, grain };
    }
    let (lo, hi) = v.split_once(':').unwrap_or((v, v));
    Value::Number {
        lo: lo.parse().expect("number"),
        hi: hi.parse().expect("number"),
    }
}

fn run(fx: &Fixture, aligned: &[AlignedPair], opts: &CompareOptions) -> Findings {
    let docs = prepare(&fx.corpus);
    compare::compare(&docs, &fx.figures, aligned, opts)
}

fn all(f: &Findings) -> impl Iterator<Item = &compare::Finding> {
    f.discrepancies
        .iter()
        .chain(&f.agreements)
        .chain(&f.updates)
}

/// The finding that holds figure `i`.
fn finding_of(f: &Findings, i: usize) -> Option<&compare::Finding> {
    all(f).find(|x| x.values.iter().any(|v| v.figure == i))
}

/// The figure index of the (first) figure marked with a fact, in a source.
fn marked(fx: &Fixture, source: &str, fact: &str) -> usize {
    let s = fx
        .corpus
        .sources
        .iter()
        .position(|x| x.id == source)
        .expect("source");
    (0..fx.figures.len())
        .find(|&i| fx.figures[i].source == s && fx.gold[i].as_deref() == Some(fact))
        .unwrap_or_else(|| panic!("no {fact} in {source}"))
}

/// Pairwise precision and recall of grouping against the gold facts: over pairs of
/// figures from different sources, "grouped together" against "same gold fact".
fn pair_scores(fx: &Fixture, f: &Findings) -> (usize, usize, usize) {
    let mut predicted: BTreeSet<(usize, usize)> = BTreeSet::new();
    for x in all(f) {
        for a in &x.values {
            for b in &x.values {
                if a.figure < b.figure && a.source_index != b.source_index {
                    predicted.insert((a.figure, b.figure));
                }
            }
        }
    }
    let mut gold: BTreeSet<(usize, usize)> = BTreeSet::new();
    for i in 0..fx.figures.len() {
        for j in i + 1..fx.figures.len() {
            let same = fx.gold[i].is_some() && fx.gold[i] == fx.gold[j];
            if same && fx.figures[i].source != fx.figures[j].source {
                gold.insert((i, j));
            }
        }
    }
    let tp = predicted.intersection(&gold).count();
    (tp, predicted.len(), gold.len())
}

/// Prints the wrong and the missed pairs of a fixture, with their scores.
fn report_errors(fx: &Fixture, opts: &CompareOptions) {
    let f = run(fx, &[], opts);
    let docs = prepare(&fx.corpus);
    let name = |i: usize| {
        let fig = &fx.figures[i];
        let s = &fx.corpus.sources[fig.source];
        format!("{} '{}'", s.id, &s.text[fig.start..fig.end])
    };
    let mut predicted: BTreeSet<(usize, usize)> = BTreeSet::new();
    for x in all(&f) {
        for a in &x.values {
            for b in &x.values {
                if a.figure < b.figure && a.source_index != b.source_index {
                    predicted.insert((a.figure, b.figure));
                }
            }
        }
    }
    for i in 0..fx.figures.len() {
        for j in i + 1..fx.figures.len() {
            if fx.figures[i].source == fx.figures[j].source {
                continue;
            }
            let gold = fx.gold[i].is_some() && fx.gold[i] == fx.gold[j];
            let got = predicted.contains(&(i, j));
            if gold != got {
                println!(
                    "{} {} / {}: {}",
                    if got { "WRONG" } else { "MISSED" },
                    name(i),
                    name(j),
                    compare::explain_pair(&docs, &fx.figures, i, j, opts)
                );
            }
        }
    }
}

const FIXTURES: &[&str] = &["quake.txt", "floods.txt", "talks.txt", "fleet.txt"];

#[test]
fn grouping_threshold_is_precise_on_fixtures_with_known_answers() {
    let fixtures: Vec<Fixture> = FIXTURES.iter().map(|n| load(n)).collect();
    let default = CompareOptions::default();
    let mut table = Vec::new();
    for step in 0..=12 {
        let t = 0.05 * step as f32;
        let opts = CompareOptions {
            threshold: t,
            ..default.clone()
        };
        let (mut tp, mut pred, mut gold) = (0, 0, 0);
        for fx in &fixtures {
            let (a, b, c) = pair_scores(fx, &run(fx, &[], &opts));
            tp += a;
            pred += b;
            gold += c;
        }
        let p = if pred == 0 {
            1.0
        } else {
            tp as f64 / pred as f64
        };
        let r = tp as f64 / gold as f64;
        table.push((t, p, r));
        println!(
            "threshold {t:.2}: precision {p:.3} recall {r:.3} ({tp}/{pred} predicted, {gold} gold)"
        );
    }
    let debug = CompareOptions {
        threshold: std::env::var("CLAIMDIFF_DEBUG_THRESHOLD")
            .ok()
            .and_then(|t| t.parse().ok())
            .unwrap_or(default.threshold),
        ..default.clone()
    };
    for fx in &fixtures {
        report_errors(fx, &debug);
    }
    let at_default = table
        .iter()
        .find(|(t, _, _)| (t - default.threshold).abs() < 1e-6)
        .expect("the default threshold is on the grid");
    assert_eq!(at_default.1, 1.0, "no wrong pair at the default threshold");
    assert!(
        at_default.2 >= 0.85,
        "recall at the default threshold: {}",
        at_default.2
    );
}

#[test]
fn fixture_findings_are_the_expected_ones() {
    let fx = load("quake.txt");
    let f = run(&fx, &[], &CompareOptions::default());
    for x in all(&f) {
        println!(
            "{:?} {} {:?}",
            x.status,
            x.fact,
            x.values
                .iter()
                .map(|v| (&v.source, &v.text))
                .collect::<Vec<_>>()
        );
        for l in &x.explain {
            println!("    {l}");
        }
    }
    let dead = finding_of(&f, marked(&fx, "quake-ledger", "q-dead")).expect("toll grouped");
    assert_eq!(dead.status, Status::Discrepancy);
    assert_eq!(dead.values.len(), 3);
    let teams = finding_of(&f, marked(&fx, "quake-coast", "q-teams")).expect("teams grouped");
    assert_eq!(teams.status, Status::Agreement);
}

#[test]
fn print_talks_and_fleet() {
    for name in ["talks.txt", "fleet.txt", "floods.txt"] {
        let fx = load(name);
        let f = run(&fx, &[], &CompareOptions::default());
        println!("== {name}");
        for x in all(&f) {
            println!(
                "{:?} {} {:?}",
                x.status,
                x.fact,
                x.values
                    .iter()
                    .map(|v| (&v.source, &v.text))
                    .collect::<Vec<_>>()
            );
            for l in &x.explain {
                println!("    {l}");
            }
        }
        for w in &f.warnings {
            println!("warning: {}", w.message);
        }
    }
    let _ = BTreeMap::<u8, u8>::new();
    let _ = SentenceRef {
        source: 0,
        sentence: 0,
    };
}

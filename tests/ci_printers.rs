//! Snapshots of every `claimdiff ci` printer on an outcome built by hand (one new
//! discrepancy, one known, one stale), so that a change of layout is reviewed
//! like code. CI never writes snapshots: a mismatch fails.

use claimdiff::baseline::{
    Bringer, Change, CiReport, Entry, EntryValue, KnownEntry, Location, NewDiscrepancy,
    SourceChanges, StaleEntry, Status,
};
use claimdiff::report::ci;
use claimdiff::report::{FindingView, Style, ValueView};
use serde_json::json;

fn value(source: &str, sentence: &str, figure: &str, v: serde_json::Value) -> ValueView {
    let at = sentence
        .find(figure)
        .expect("the figure is in its sentence");
    ValueView {
        source: source.into(),
        value: v,
        text: figure.into(),
        qualifier: "exact",
        sentence: sentence.into(),
        sentence_start: 40,
        start: 40 + at,
        end: 40 + at + figure.len(),
        published: None,
        derivation: None,
        repeated_at: Vec::new(),
    }
}

fn finding(id: &str, kind: &'static str, fact: &str, values: Vec<ValueView>) -> FindingView {
    FindingView {
        id: id.into(),
        kind,
        fact: fact.into(),
        values,
        severity: None,
        note: None,
        confidence: None,
        evidence: Vec::new(),
        strong_evidence: Some(true),
        explain: Vec::new(),
    }
}

fn at(file: &str, line: usize, column: usize, len: usize) -> Location {
    Location {
        file: file.into(),
        line,
        column,
        end_line: line,
        end_column: column + len,
    }
}

fn outcome() -> CiReport {
    let old = "The mill, which opened in 1911, employs 140 people & more <in> summer.";
    let new = "The \"new\" mill employs 165 people, the owners said.";
    let tally = "Voters cast 8,200 ballots in the town, officials said.";
    let tally2 = "Some 8,900 ballots were cast, the clerk's office said.";
    let staff = finding(
        "aaaa11112222",
        "count",
        "people employed (mill)",
        vec![
            value("mill-gazette", old, "140", json!(140)),
            value("river-weekly", new, "165", json!(165)),
        ],
    );
    let votes = finding(
        "bbbb33334444",
        "count",
        "ballots cast",
        vec![
            value("mill-gazette", tally, "8,200", json!(8200)),
            value("town-crier", tally2, "Some 8,900", json!(8900)),
        ],
    );
    CiReport {
        schema: 1,
        baseline: "ci/baseline.yaml".into(),
        baseline_file: "ci/baseline.yaml".into(),
        passed: false,
        new: vec![NewDiscrepancy {
            value: staff.values[1].clone(),
            value_locations: vec![
                at("news/mill-gazette.txt", 4, 41, 3),
                at("news/river-weekly.txt", 7, 24, 3),
            ],
            location: at("news/river-weekly.txt", 7, 24, 3),
            finding: staff,
            brought_by: vec![Bringer {
                source: "river-weekly".into(),
                change: Change::New,
            }],
            extends: Vec::new(),
        }],
        known: vec![KnownEntry {
            finding: votes,
            matches: None,
            joined: Vec::new(),
            left: Vec::new(),
            status: Status::Accepted,
            note: Some("the clerk counts spoilt ballots, the paper does not".into()),
        }],
        stale: vec![StaleEntry {
            entry: Entry {
                id: "cccc55556666".into(),
                status: Status::Ignored,
                note: None,
                kind: "date".into(),
                fact: "mill opened".into(),
                sources: vec!["mill-gazette".into(), "old-almanac".into()],
                values: vec![
                    EntryValue {
                        source: "mill-gazette".into(),
                        value: json!("1911"),
                        text: "1911".into(),
                    },
                    EntryValue {
                        source: "old-almanac".into(),
                        value: json!("1912"),
                        text: "1912".into(),
                    },
                ],
            },
            line: Some(31),
            removed_sources: vec!["old-almanac".into()],
        }],
        sources: SourceChanges {
            added: vec!["river-weekly".into()],
            changed: Vec::new(),
            removed: vec!["old-almanac".into()],
        },
        to_review: 2,
        baseline_version: None,
        claims_checked: 0,
        claim_regressions: Vec::new(),
        claims_as_expected: Vec::new(),
    }
}

#[test]
fn ci_table() {
    insta::assert_snapshot!(ci::table::report(&outcome(), &Style::default()));
}

#[test]
fn ci_json() {
    insta::assert_snapshot!(ci::json::report(&outcome()));
}

#[test]
fn ci_github() {
    insta::assert_snapshot!(ci::github::report(&outcome()));
}

#[test]
fn ci_junit() {
    insta::assert_snapshot!(ci::junit::report(&outcome()));
}

#[test]
fn ci_sarif() {
    insta::assert_snapshot!(ci::sarif::report(&outcome()));
}

//! Snapshots of every printer on a report built by hand, so that a change of layout
//! is reviewed like code (`cargo insta review`, or `INSTA_UPDATE=always cargo test`
//! then `git diff`). CI never writes snapshots: a mismatch fails.

use claimdiff::report::{
    self, EditOp, EditsView, FindingView, OccurrenceView, PassageView, QuoteView, ReportView,
    SeverityView, SourceView, Style, ValueView, WarningView,
};
use serde_json::json;

fn source(id: &str, outlet: &str, published: Option<&str>) -> SourceView {
    SourceView {
        id: id.into(),
        path: format!("harbour/{id}.txt"),
        outlet: Some(outlet.into()),
        url: None,
        series: None,
        published: published.map(Into::into),
        published_from: if published.is_some() { "text" } else { "none" },
        published_text: published.map(|p| format!("Published: {p}")),
        sentences: 12,
        body_sentences: 10,
        boilerplate: Vec::new(),
    }
}

fn value(
    source: &str,
    sentence: &str,
    figure: &str,
    value: serde_json::Value,
    q: &'static str,
) -> ValueView {
    let at = sentence
        .find(figure)
        .expect("the figure is in its sentence");
    ValueView {
        source: source.into(),
        value,
        text: figure.into(),
        qualifier: q,
        sentence: sentence.into(),
        sentence_start: 100,
        start: 100 + at,
        end: 100 + at + figure.len(),
        published: None,
        derivation: None,
        repeated_at: Vec::new(),
    }
}

fn view() -> ReportView {
    let ledger = "The storm surge flooded 1,200 homes along the harbour, the city said.";
    let wire = "Officials said some 1,500 homes were flooded when the surge hit the harbour.";
    let jets = "The navy sent four patrol boats to the bay on Monday.";
    let jets2 = "Four patrol boats were sent to the bay, a navy spokesman said.";
    let evacuated = "Police said around 300 people were evacuated from the harbour district.";
    let evacuated2 = "The city evacuated 310 people from the harbour district.";
    ReportView {
        schema: 1,
        sources: vec![
            source("ledger", "The Coastal Ledger", Some("2021-03-04")),
            source("wire", "Northern Wire", None),
        ],
        passages: vec![PassageView {
            id: "0a1b2c3d4e5f".into(),
            kind: "edited",
            similarity: 0.87,
            occurrences: vec![
                OccurrenceView {
                    source: "ledger".into(),
                    start: 10,
                    end: 60,
                    text: "the city-led group of volunteers cleared the quay".into(),
                    speaker: None,
                },
                OccurrenceView {
                    source: "wire".into(),
                    start: 20,
                    end: 75,
                    text: "the city and a group of volunteers cleared the quay".into(),
                    speaker: None,
                },
            ],
            speaker: None,
            edits: vec![EditsView {
                from: "ledger".into(),
                to: "wire".into(),
                from_occurrence: None,
                to_occurrence: None,
                ops: vec![EditOp {
                    op: "replace",
                    old: "city-led".into(),
                    new: "city and a".into(),
                    figure: false,
                    old_span: None,
                    new_span: None,
                }],
                inline: "the [-city-led-]{+city and a+} group of volunteers cleared the quay"
                    .into(),
            }],
        }],
        discrepancies: vec![FindingView {
            id: "aaaabbbbcccc".into(),
            kind: "count",
            fact: "homes flooded".into(),
            values: vec![
                value("ledger", ledger, "1,200", json!(1200), "exact"),
                value("wire", wire, "some 1,500", json!(1500), "approx"),
            ],
            severity: Some(SeverityView {
                level: "medium",
                score: 0.2,
                why: "'1,200' and 'some 1,500' differ by 300 (20% of the larger)".into(),
            }),
            note: None,
            confidence: Some(0.91),
            evidence: vec!["same counted thing 'homes' and predicate 'flooded'".into()],
            strong_evidence: Some(true),
            explain: vec!["both count homes with the predicate 'flooded'".into()],
        }],
        agreements: vec![
            FindingView {
                id: "ddddeeeeffff".into(),
                kind: "count",
                fact: "patrol boats sent".into(),
                values: vec![
                    value("ledger", jets, "four", json!(4), "exact"),
                    value("wire", jets2, "Four", json!(4), "exact"),
                ],
                severity: None,
                note: None,
                confidence: Some(0.88),
                evidence: Vec::new(),
                strong_evidence: None,
                explain: Vec::new(),
            },
            FindingView {
                id: "777788889999".into(),
                kind: "count",
                fact: "people evacuated".into(),
                values: vec![
                    value("ledger", evacuated, "around 300", json!(300), "approx"),
                    value("wire", evacuated2, "310", json!(310), "exact"),
                ],
                severity: None,
                note: Some(
                    "ledger 'around 300' and wire '310' differ as written; they agree once \
                 their hedges are read: approximate, read as ±5%"
                        .into(),
                ),
                confidence: Some(0.74),
                evidence: Vec::new(),
                strong_evidence: None,
                explain: Vec::new(),
            },
        ],
        to_review: vec![FindingView {
            id: "123412341234".into(),
            kind: "count",
            fact: "boats sent".into(),
            values: vec![
                value("ledger", jets, "four", json!(4), "exact"),
                value("wire", evacuated2, "310", json!(310), "exact"),
            ],
            severity: Some(SeverityView {
                level: "high",
                score: 0.99,
                why: "'four' and '310' differ by 306 (99% of the larger)".into(),
            }),
            note: None,
            confidence: Some(0.55),
            evidence: vec!["the same words around both: harbour".into()],
            strong_evidence: Some(false),
            explain: Vec::new(),
        }],
        updates: Vec::new(),
        warnings: vec![WarningView {
            kind: "period",
            sources: vec!["wire".into()],
            message: "wire has no publication date".into(),
        }],
        quotes: vec![QuoteView {
            id: "123456789abc".into(),
            text: "We were ready for the water".into(),
            speaker: Some("Dana Ortiz".into()),
            occurrences: vec![OccurrenceView {
                source: "ledger".into(),
                start: 200,
                end: 227,
                text: "We were ready for the water".into(),
                speaker: Some("Dana Ortiz".into()),
            }],
        }],
    }
}

#[test]
fn table_report() {
    insta::assert_snapshot!(report::table::report(&view(), &Style::default()));
}

#[test]
fn table_align() {
    insta::assert_snapshot!(report::table::align(&view(), &Style::default()));
}

#[test]
fn markdown_report() {
    insta::assert_snapshot!(report::markdown::report(&view()));
}

/// The HTML page of the hand-built report, with the passage's edit placed on its
/// bytes (the view built by analysis always carries them).
#[test]
fn html_report() {
    let mut v = view();
    let passage = &mut v.passages[0];
    let edits = &mut passage.edits[0];
    edits.from_occurrence = Some(0);
    edits.to_occurrence = Some(1);
    let (from, to) = (&passage.occurrences[0], &passage.occurrences[1]);
    let at = |o: &OccurrenceView, word: &str| {
        let start = o.start
            + o.text
                .find(word)
                .expect("the edited words are in the passage");
        report::SpanView {
            start,
            end: start + word.len(),
        }
    };
    edits.ops[0].old_span = Some(at(from, "city-led"));
    edits.ops[0].new_span = Some(at(to, "city and a"));
    insta::assert_snapshot!(report::html::report(&v));
}

#[test]
fn csv_report() {
    insta::assert_snapshot!(report::csv::report(&view()));
}

#[test]
fn json_report() {
    insta::assert_snapshot!(report::json::report(&view()));
}

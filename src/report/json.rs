//! The JSON printer: the contract of DESIGN.md (`schema`, `sources`, ...) and JSON
//! Lines for sentences.

use serde::Serialize;

use super::{SCHEMA, SentenceView, SourceView};

#[derive(Serialize)]
struct SourcesDoc<'a> {
    schema: u32,
    sources: &'a [SourceView],
}

/// `claimdiff sources --format json`: `{"schema": 1, "sources": [...]}`.
pub fn sources(views: &[SourceView]) -> String {
    pretty(&SourcesDoc {
        schema: SCHEMA,
        sources: views,
    })
}

/// `claimdiff sentences --format jsonl`: one object per line.
pub fn sentences_jsonl(rows: &[SentenceView]) -> String {
    let mut out = String::new();
    for row in rows {
        out.push_str(&serde_json::to_string(row).expect("sentence rows always serialize"));
        out.push('\n');
    }
    out
}

/// Pretty-prints a value with a final newline.
pub(crate) fn pretty<T: Serialize>(value: &T) -> String {
    let mut s = serde_json::to_string_pretty(value).expect("report views always serialize");
    s.push('\n');
    s
}

/// The whole report as one JSON object (the contract of DESIGN.md).
pub fn report(view: &super::ReportView) -> String {
    pretty(view)
}

#[derive(Serialize)]
struct FiguresDoc<'a> {
    schema: u32,
    figures: &'a [super::FigureView],
}

/// `claimdiff figures --format json`: `{"schema": 1, "figures": [...]}`.
pub fn figures(views: &[super::FigureView]) -> String {
    pretty(&FiguresDoc {
        schema: SCHEMA,
        figures: views,
    })
}

#[derive(Serialize)]
struct AlignDoc<'a> {
    schema: u32,
    sources: &'a [SourceView],
    passages: &'a [super::PassageView],
    quotes: &'a [super::QuoteView],
    discrepancies: Vec<&'a super::FindingView>,
}

/// `claimdiff align --format json`: the passages, quotes and attribution
/// discrepancies of the report, same fields as in the whole report.
pub fn align(view: &super::ReportView) -> String {
    pretty(&AlignDoc {
        schema: SCHEMA,
        sources: &view.sources,
        passages: &view.passages,
        quotes: &view.quotes,
        discrepancies: view
            .discrepancies
            .iter()
            .filter(|d| d.kind == "attribution")
            .collect(),
    })
}

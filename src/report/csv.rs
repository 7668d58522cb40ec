//! The CSV printer: one row per stated value of every finding, for spreadsheets.

use super::{FindingView, ReportView};

const HEADER: &[&str] = &[
    "section",
    "id",
    "kind",
    "fact",
    "severity",
    "source",
    "value",
    "qualifier",
    "text",
    "start",
    "end",
    "sentence",
];

/// The report as CSV: discrepancies, candidates to review, updates, agreements.
pub fn report(view: &ReportView) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(HEADER)
        .expect("writing to memory cannot fail");
    let sections: [(&str, &[FindingView]); 4] = [
        ("discrepancy", &view.discrepancies),
        ("to_review", &view.to_review),
        ("update", &view.updates),
        ("agreement", &view.agreements),
    ];
    for (section, findings) in sections {
        for f in findings {
            let severity = f.severity.as_ref().map_or("", |s| s.level);
            for v in &f.values {
                let value = match &v.value {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                w.write_record([
                    section,
                    &f.id,
                    f.kind,
                    &f.fact,
                    severity,
                    &v.source,
                    &value,
                    v.qualifier,
                    &v.text,
                    &v.start.to_string(),
                    &v.end.to_string(),
                    &v.sentence,
                ])
                .expect("writing to memory cannot fail");
            }
        }
    }
    let bytes = w.into_inner().expect("flushing to memory cannot fail");
    String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8")
}

/// `claimdiff figures --format csv`: one row per figure.
pub fn figures(views: &[super::FigureView]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record([
        "source",
        "start",
        "end",
        "text",
        "kind",
        "value",
        "qualifier",
        "unit",
        "counted",
        "predicate",
        "derivation",
        "sentence",
    ])
    .expect("writing to memory cannot fail");
    for f in views {
        let value = match &f.value {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        w.write_record([
            f.source.as_str(),
            &f.start.to_string(),
            &f.end.to_string(),
            &f.text,
            f.kind,
            &value,
            f.qualifier,
            f.unit.as_deref().unwrap_or(""),
            f.counted.as_deref().unwrap_or(""),
            f.predicate.as_deref().unwrap_or(""),
            f.derivation.as_deref().unwrap_or(""),
            &f.sentence,
        ])
        .expect("writing to memory cannot fail");
    }
    let bytes = w.into_inner().expect("flushing to memory cannot fail");
    String::from_utf8(bytes).expect("CSV of UTF-8 fields is UTF-8")
}

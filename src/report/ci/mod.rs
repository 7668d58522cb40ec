//! Printers of `claimdiff ci`, one file per format: a table for people, JSON (the
//! contract of [`crate::baseline::CiReport`]), GitHub Actions annotations, JUnit
//! XML and SARIF 2.1.0. Each turns a [`CiReport`] into a string; none of them
//! decides anything.

pub mod github;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod table;

use crate::baseline::{CiReport, ClaimOutcome, NewDiscrepancy, StaleEntry};
use crate::report::FindingView;

/// Each source's values of a finding, as written: "a '7', b '9'".
pub fn values_line(f: &FindingView) -> String {
    let mut parts: Vec<String> = Vec::new();
    for v in &f.values {
        let text = v.text.split_whitespace().collect::<Vec<_>>().join(" ");
        let part = format!("{} '{text}'", v.source);
        if !parts.contains(&part) {
            parts.push(part);
        }
    }
    parts.join(", ")
}

/// Which sources brought a new discrepancy, in words.
pub fn brought_line(n: &NewDiscrepancy) -> String {
    if n.brought_by.is_empty() {
        return String::from(
            "no source of it is new or changed since the baseline: the analysis changed",
        );
    }
    let who: Vec<String> = n
        .brought_by
        .iter()
        .map(|b| format!("{} ({} source)", b.source, b.change.as_str()))
        .collect();
    format!("brought by {}", who.join(", "))
}

/// The one-paragraph message of a new discrepancy, for annotations.
pub fn new_message(n: &NewDiscrepancy) -> String {
    let mut out = format!(
        "New discrepancy on {} ({}): {}; {}.",
        n.finding.fact,
        n.finding.kind,
        values_line(&n.finding),
        brought_line(n)
    );
    if !n.extends.is_empty() {
        out.push_str(&format!(
            " It extends baseline entry {} with another source's value.",
            n.extends.join(", ")
        ));
    }
    out.push_str(&format!(
        " Review it, then accept it with `claimdiff ci --update` (id {}).",
        n.finding.id
    ));
    out
}

/// The message of a stale baseline entry.
pub fn stale_message(s: &StaleEntry) -> String {
    let values: Vec<String> = s
        .entry
        .values
        .iter()
        .map(|v| format!("{} '{}'", v.source, v.text))
        .collect();
    let mut out = format!(
        "Baseline entry {} ({}, {}: {}) no longer matches a discrepancy",
        s.entry.id,
        s.entry.status.as_str(),
        s.entry.fact,
        values.join(", ")
    );
    if !s.removed_sources.is_empty() {
        out.push_str(&format!(
            " ({} no longer in the corpus)",
            s.removed_sources.join(", ")
        ));
    }
    out.push_str("; `claimdiff ci --prune` removes it.");
    out
}

/// The outcome in a line: "FAILED: 1 new discrepancy · 2 known · 0 stale", and
/// the claims when `--claims` gave some ("· 1 claim regression of 3 expected").
pub fn summary_line(r: &CiReport) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let claims = if r.claims_checked == 0 {
        String::new()
    } else {
        format!(
            " · {} of {} expected",
            plural(
                r.claim_regressions.len(),
                "claim regression",
                "claim regressions"
            ),
            r.claim_regressions.len() + r.claims_as_expected.len()
        )
    };
    format!(
        "{}: {} · {} · {}{claims} · {} (never checked)",
        if r.passed { "passed" } else { "FAILED" },
        plural(r.new.len(), "new discrepancy", "new discrepancies"),
        plural(r.known.len(), "known", "known"),
        plural(r.stale.len(), "stale entry", "stale entries"),
        plural(r.to_review, "to review", "to review"),
    )
}

/// A claim's verdict against its `expect`: "expected supported, got
/// contradicted: REASON" (or "supported as expected: REASON").
pub fn claim_message(c: &ClaimOutcome) -> String {
    if c.regressed() {
        format!(
            "expected {}, got {}: {}",
            c.expect.as_str(),
            c.verdict.as_str(),
            c.reason
        )
    } else {
        format!("{} as expected: {}", c.verdict.as_str(), c.reason)
    }
}

/// Where a claim is written: "FILE:LINE" (or "FILE" when the line is unknown).
pub fn claim_at(c: &ClaimOutcome) -> String {
    match c.line {
        Some(l) => format!("{}:{l}", c.file),
        None => c.file.clone(),
    }
}

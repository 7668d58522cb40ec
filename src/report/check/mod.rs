//! Printers of `claimdiff check`: one file per format, each reading the typed
//! [`CheckReport`](crate::claims::CheckReport).

pub mod claimreview;
pub mod csv;
pub mod json;
pub mod markdown;
pub mod table;

use crate::claims::{CheckReport, ClaimCheck, SourceVerdict, Verdict};
use crate::report::names::SourceNames;

/// "12 claims: 4 supported, 3 contradicted, 2 mixed, 3 not mentioned (1 not as
/// expected)".
pub fn summary_line(r: &CheckReport) -> String {
    let count = |v: Verdict| r.claims.iter().filter(|c| c.verdict == v).count();
    let unexpected = r.claims.iter().filter(|c| c.unexpected()).count();
    let mut s = format!(
        "{} claim{}: {} supported, {} contradicted, {} mixed, {} not mentioned",
        r.claims.len(),
        if r.claims.len() == 1 { "" } else { "s" },
        count(Verdict::Supported),
        count(Verdict::Contradicted),
        count(Verdict::Mixed),
        count(Verdict::NotMentioned)
    );
    if unexpected > 0 {
        s.push_str(&format!(" ({unexpected} not as expected)"));
    }
    s
}

/// The verdict as printed for people, with the expectation when it differs
/// ("mixed (expected contradicted)").
pub fn verdict_words(c: &ClaimCheck) -> String {
    let v = c.verdict.as_str().replace('_', " ");
    match c.expect {
        Some(e) if e != c.verdict => format!("{v} (expected {})", e.as_str().replace('_', " ")),
        Some(_) => format!("{v} (as expected)"),
        None => v,
    }
}

/// The sources worth listing for a claim: those that say something about it,
/// or all of them when none does.
pub fn listed(c: &ClaimCheck) -> impl Iterator<Item = &crate::claims::SourceCheck> {
    let any = c
        .sources
        .iter()
        .any(|s| s.verdict != SourceVerdict::NotMentioned);
    c.sources
        .iter()
        .filter(move |s| !any || s.verdict != SourceVerdict::NotMentioned)
}

/// The names of the sources that do not mention a claim.
pub fn silent<'a>(c: &'a ClaimCheck, names: &'a SourceNames) -> Vec<&'a str> {
    c.sources
        .iter()
        .filter(|s| s.verdict == SourceVerdict::NotMentioned)
        .map(|s| names.name(&s.source))
        .collect()
}

/// How the printers for people name each source checked (by outlet where known).
pub fn source_names(r: &CheckReport) -> SourceNames {
    SourceNames::new(
        r.sources
            .iter()
            .map(|s| (s.id.as_str(), s.outlet.as_deref())),
    )
}

//! `claimdiff check --format json`: `{"schema": 1, "summary", "claims": [{id,
//! claim, verdict, expect, sources: [{source, verdict, evidence: [{start, end,
//! text, value}], reason}]}]}`.

use serde::Serialize;

use crate::claims::{CheckReport, Evidence, SourceVerdict, Verdict};
use crate::report::SCHEMA;

#[derive(Serialize)]
struct Doc<'a> {
    schema: u32,
    summary: String,
    claims: Vec<ClaimOut<'a>>,
}

#[derive(Serialize)]
struct ClaimOut<'a> {
    id: &'a str,
    claim: &'a str,
    verdict: Verdict,
    expect: Option<Verdict>,
    unexpected: bool,
    origin: &'a str,
    figures: &'a [String],
    quotation: bool,
    sources: Vec<SourceOut<'a>>,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    source: &'a str,
    verdict: SourceVerdict,
    evidence: &'a [Evidence],
    reason: &'a str,
}

/// The check as one JSON object.
pub fn report(r: &CheckReport) -> String {
    let doc = Doc {
        schema: SCHEMA,
        summary: super::summary_line(r),
        claims: r
            .claims
            .iter()
            .map(|c| ClaimOut {
                id: &c.id,
                claim: &c.claim,
                verdict: c.verdict,
                expect: c.expect,
                unexpected: c.unexpected(),
                origin: &c.origin,
                figures: &c.figures,
                quotation: c.quotation,
                sources: c
                    .sources
                    .iter()
                    .map(|s| SourceOut {
                        source: &s.source,
                        verdict: s.verdict,
                        evidence: &s.evidence,
                        reason: &s.reason,
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut out = serde_json::to_string_pretty(&doc).expect("the check always serializes");
    out.push('\n');
    out
}

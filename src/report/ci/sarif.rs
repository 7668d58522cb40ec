//! `claimdiff ci --format sarif`: SARIF 2.1.0, one result per new discrepancy,
//! located at the figure of the source that brought it (region with start and
//! end line and column, and the sentence as snippet), with the other sources'
//! figures as related locations. Code review tools that read SARIF (GitHub code
//! scanning among them) show each result on the diff of that file. Each claim
//! regression (`--claims`) is a result of a second rule, located at the claim's
//! line in its claims file.

use serde_json::{Value, json};

use super::{claim_message, new_message};
use crate::baseline::{CiReport, ClaimOutcome, NewDiscrepancy, location::Location};

/// The id of the rule new discrepancies are reported under.
pub const RULE_ID: &str = "claimdiff/new-discrepancy";

/// The id of the rule claim regressions are reported under.
pub const CLAIM_RULE_ID: &str = "claimdiff/claim-verdict";

/// The SARIF log as pretty-printed JSON.
pub fn report(r: &CiReport) -> String {
    let results: Vec<Value> = r
        .new
        .iter()
        .map(result)
        .chain(r.claim_regressions.iter().map(claim_result))
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "claimdiff",
                    "version": crate::VERSION,
                    "semanticVersion": crate::VERSION,
                    "rules": [{
                        "id": RULE_ID,
                        "name": "NewDiscrepancy",
                        "shortDescription": {
                            "text": "The sources disagree on a fact, and the baseline does not hold this disagreement."
                        },
                        "fullDescription": {
                            "text": "A source that is new or changed since the CI baseline states a value of a fact that conflicts with another source's. Review it; accept it into the baseline with `claimdiff ci --update`."
                        },
                        "defaultConfiguration": { "level": "error" }
                    }, {
                        "id": CLAIM_RULE_ID,
                        "name": "ClaimVerdict",
                        "shortDescription": {
                            "text": "A claim no longer gets the verdict its claims file expects."
                        },
                        "fullDescription": {
                            "text": "A claim of a claims file given with `--claims` states an `expect` verdict, and checked against the corpus it now gets another. Correct the sources or the claim's `expect`; `claimdiff check --claims FILE PATHS` shows every source's answer."
                        },
                        "defaultConfiguration": { "level": "error" }
                    }]
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results
        }]
    });
    crate::report::json::pretty(&log)
}

fn result(n: &NewDiscrepancy) -> Value {
    let primary = physical(&n.location, Some(&n.value.sentence));
    let related: Vec<Value> = n
        .finding
        .values
        .iter()
        .zip(&n.value_locations)
        .filter(|(v, _)| !(v.source == n.value.source && v.start == n.value.start))
        .enumerate()
        .map(|(i, (v, l))| {
            json!({
                "id": i + 1,
                "message": { "text": format!("{} states '{}'", v.source, v.text) },
                "physicalLocation": physical(l, None)
            })
        })
        .collect();
    let mut out = json!({
        "ruleId": RULE_ID,
        "ruleIndex": 0,
        "level": "error",
        "message": { "text": new_message(n) },
        "locations": [{ "physicalLocation": primary }],
        "partialFingerprints": { "claimdiffDiscrepancy/v1": n.finding.id.clone() },
        "properties": {
            "kind": n.finding.kind,
            "fact": n.finding.fact.clone(),
            "broughtBy": n.brought_by.iter().map(|b| b.source.clone()).collect::<Vec<_>>()
        }
    });
    if !related.is_empty() {
        out["relatedLocations"] = Value::Array(related);
    }
    out
}

fn claim_result(c: &ClaimOutcome) -> Value {
    // The region is the claim's entry in the claims file; the sources'
    // sentences are evidence, not a snippet of that file.
    let region = json!({ "startLine": c.line.unwrap_or(1) });
    let evidence: Vec<Value> = c
        .evidence
        .iter()
        .map(|e| json!({ "source": e.source, "verdict": e.verdict.as_str(), "sentence": e.sentence }))
        .collect();
    json!({
        "ruleId": CLAIM_RULE_ID,
        "ruleIndex": 1,
        "level": "error",
        "message": { "text": format!("claim {}: {}", c.id, claim_message(c)) },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": c.file.clone(), "uriBaseId": "%SRCROOT%" },
                "region": region
            }
        }],
        "partialFingerprints": { "claimdiffClaim/v1": c.id.clone() },
        "properties": {
            "claim": c.claim.clone(),
            "expect": c.expect.as_str(),
            "verdict": c.verdict.as_str(),
            "evidence": evidence
        }
    })
}

fn physical(l: &Location, snippet: Option<&str>) -> Value {
    let mut region = json!({
        "startLine": l.line,
        "startColumn": l.column,
        "endLine": l.end_line,
        "endColumn": l.end_column,
    });
    if let Some(s) = snippet.filter(|s| !s.is_empty()) {
        region["snippet"] = json!({ "text": s });
    }
    json!({
        "artifactLocation": { "uri": l.file.clone(), "uriBaseId": "%SRCROOT%" },
        "region": region
    })
}

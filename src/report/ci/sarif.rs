//! `claimdiff ci --format sarif`: SARIF 2.1.0, one result per new discrepancy,
//! located at the figure of the source that brought it (region with start and
//! end line and column, and the sentence as snippet), with the other sources'
//! figures as related locations. Code review tools that read SARIF (GitHub code
//! scanning among them) show each result on the diff of that file.

use serde_json::{Value, json};

use super::new_message;
use crate::baseline::{CiReport, NewDiscrepancy, location::Location};

/// The id of the one rule claimdiff reports under.
pub const RULE_ID: &str = "claimdiff/new-discrepancy";

/// The SARIF log as pretty-printed JSON.
pub fn report(r: &CiReport) -> String {
    let results: Vec<Value> = r.new.iter().map(result).collect();
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

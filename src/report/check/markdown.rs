//! `claimdiff check --format markdown`: a section per claim with a table of the
//! sources that say something about it, for pull requests and notes.

use super::{listed, silent, source_names, summary_line, verdict_words};
use crate::claims::{CheckReport, SourceVerdict};

/// The check as Markdown.
pub fn report(r: &CheckReport) -> String {
    let names = source_names(r);
    let mut out = format!("# Claims checked\n\n{}\n", summary_line(r));
    for c in &r.claims {
        out.push_str(&format!(
            "\n## `{}`: {}\n\n> {}\n\n",
            c.id,
            verdict_words(c),
            cell(&c.claim)
        ));
        let rows: Vec<_> = listed(c)
            .filter(|s| s.verdict != SourceVerdict::NotMentioned)
            .collect();
        if !rows.is_empty() {
            out.push_str("| source | verdict | reason | cite |\n|---|---|---|---|\n");
            for s in rows {
                let mut cite: Vec<String> = Vec::new();
                for e in &s.evidence {
                    let c = format!("“{}”", cell(&e.sentence));
                    if !cite.contains(&c) {
                        cite.push(c);
                    }
                }
                out.push_str(&format!(
                    "| {} | {} | {} | {} |\n",
                    cell(names.name(&s.source)),
                    s.verdict.as_str(),
                    cell(&s.reason),
                    cite.join("<br>")
                ));
            }
            out.push('\n');
        }
        let quiet = silent(c, &names);
        if !quiet.is_empty() {
            out.push_str(&format!("Not mentioned by: {}\n", quiet.join(", ")));
        }
    }
    out
}

/// Text safe inside a table cell: pipes escaped, one line.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

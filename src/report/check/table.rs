//! `claimdiff check` for people (the default format): each claim with its
//! verdict, then each source that says something about it, why, and the
//! sentence to cite.

use super::{listed, silent, source_names, summary_line, verdict_words};
use crate::claims::{CheckReport, SourceVerdict};
use crate::report::Style;

/// Characters of a cited sentence shown.
const SENTENCE: usize = 160;

/// The check as text.
pub fn report(r: &CheckReport, style: &Style) -> String {
    let names = source_names(r);
    let mut out = format!("claimdiff check: {}\n", summary_line(r));
    for c in &r.claims {
        let title = format!("{} · {}", c.id, verdict_words(c).to_uppercase());
        if style.color {
            out.push_str(&format!("\n\u{1b}[1m{title}\u{1b}[0m\n"));
        } else {
            out.push_str(&format!("\n{title}\n"));
        }
        out.push_str(&format!("  claim: {}\n", c.claim));
        for s in listed(c) {
            if s.verdict == SourceVerdict::NotMentioned {
                continue;
            }
            out.push_str(&format!(
                "  {:<20} {:<13} {}\n",
                names.name(&s.source),
                s.verdict.as_str(),
                s.reason
            ));
            let mut shown: Vec<&str> = Vec::new();
            for e in &s.evidence {
                if shown.contains(&e.sentence.as_str()) {
                    continue;
                }
                shown.push(&e.sentence);
                out.push_str(&format!(
                    "  {:<20} {:<13} “{}”\n",
                    "",
                    "",
                    clip(&e.sentence)
                ));
            }
        }
        let quiet = silent(c, &names);
        if !quiet.is_empty() {
            out.push_str(&format!("  not mentioned by: {}\n", quiet.join(", ")));
        }
    }
    out
}

/// `s` cut to [`SENTENCE`] characters, with an ellipsis when cut.
fn clip(s: &str) -> String {
    if s.chars().count() <= SENTENCE {
        return s.to_string();
    }
    let cut: String = s.chars().take(SENTENCE - 1).collect();
    format!("{}…", cut.trim_end())
}

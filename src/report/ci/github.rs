//! `claimdiff ci --format github`: GitHub Actions workflow commands. Each new
//! discrepancy is an `::error` at the line of the figure that the new (or
//! changed) source states, so that the pull request shows it on that file; each
//! stale entry is a `::notice` at its line of the baseline; each claim
//! regression is an `::error` at the line of the claim in its claims file.

use super::{claim_message, new_message, stale_message, summary_line};
use crate::baseline::CiReport;

/// The annotations, then a summary line.
pub fn report(r: &CiReport) -> String {
    let mut out = String::new();
    for n in &r.new {
        let l = &n.location;
        out.push_str(&format!(
            "::error file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
            property(&l.file),
            l.line,
            l.column,
            l.end_line,
            l.end_column,
            property(&format!("claimdiff: new discrepancy ({})", n.finding.fact)),
            data(&new_message(n)),
        ));
    }
    for s in &r.stale {
        let line = s.line.map_or_else(String::new, |l| format!(",line={l}"));
        out.push_str(&format!(
            "::notice file={}{line},title={}::{}\n",
            property(&r.baseline_file),
            property("claimdiff: stale baseline entry"),
            data(&stale_message(s)),
        ));
    }
    for c in &r.claim_regressions {
        let line = c.line.map_or_else(String::new, |l| format!(",line={l}"));
        out.push_str(&format!(
            "::error file={}{line},title={}::{}\n",
            property(&c.file),
            property(&format!("claim {}", c.id)),
            data(&claim_message(c)),
        ));
    }
    out.push_str(&format!("claimdiff ci: {}\n", summary_line(r)));
    out
}

/// Escapes the message of a workflow command.
fn data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value of a workflow command (`file=`, `title=`).
fn property(s: &str) -> String {
    data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_workflow_commands_reserve() {
        assert_eq!(data("50%\nnext"), "50%25%0Anext");
        assert_eq!(property("a: b, c"), "a%3A b%2C c");
    }
}

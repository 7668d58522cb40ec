//! `claimdiff ci --format junit`: JUnit XML, one test case per discrepancy, so
//! that CI systems that read test reports list them. A new discrepancy is a
//! failed case; a known one passes; a stale baseline entry is a skipped case.
//! Each claim of `--claims` that states an `expect` is a case too, failed when
//! its verdict is another.

use super::{brought_line, claim_at, claim_message, new_message, stale_message, values_line};
use crate::baseline::CiReport;

/// The JUnit XML document.
pub fn report(r: &CiReport) -> String {
    let claims = r.claim_regressions.len() + r.claims_as_expected.len();
    let tests = r.new.len() + r.known.len() + r.stale.len() + claims;
    let failures = r.new.len() + r.claim_regressions.len();
    let skipped = r.stale.len();
    let mut cases = String::new();
    for n in &r.new {
        let l = &n.location;
        cases.push_str(&format!(
            "    <testcase classname=\"claimdiff.discrepancies\" name=\"{}\" file=\"{}\" line=\"{}\">\n",
            attr(&case_name(&n.finding.fact, &n.finding.id)),
            attr(&l.file),
            l.line
        ));
        cases.push_str(&format!(
            "      <failure type=\"new-discrepancy\" message=\"{}\">{}</failure>\n",
            attr(&format!("new discrepancy, {}", brought_line(n))),
            text(&format!(
                "{}\nat {}:{}:{}",
                new_message(n),
                l.file,
                l.line,
                l.column
            ))
        ));
        cases.push_str("    </testcase>\n");
    }
    for k in &r.known {
        cases.push_str(&format!(
            "    <testcase classname=\"claimdiff.discrepancies\" name=\"{}\">\n",
            attr(&case_name(&k.finding.fact, &k.finding.id)),
        ));
        let note = k
            .note
            .as_deref()
            .map_or_else(String::new, |n| format!(" ({n})"));
        cases.push_str(&format!(
            "      <system-out>{}</system-out>\n",
            text(&format!(
                "in the baseline, {}{note}: {}",
                k.status.as_str(),
                values_line(&k.finding)
            ))
        ));
        cases.push_str("    </testcase>\n");
    }
    for s in &r.stale {
        cases.push_str(&format!(
            "    <testcase classname=\"claimdiff.baseline\" name=\"{}\">\n",
            attr(&case_name(&s.entry.fact, &s.entry.id)),
        ));
        cases.push_str(&format!(
            "      <skipped message=\"{}\"/>\n",
            attr(&stale_message(s))
        ));
        cases.push_str("    </testcase>\n");
    }
    for c in r.claim_regressions.iter().chain(&r.claims_as_expected) {
        let line = c
            .line
            .map_or_else(String::new, |l| format!(" line=\"{l}\""));
        cases.push_str(&format!(
            "    <testcase classname=\"claimdiff.claims\" name=\"{}\" file=\"{}\"{line}>\n",
            attr(&format!("claim {}", c.id)),
            attr(&c.file),
        ));
        if c.regressed() {
            let evidence: String = c
                .evidence
                .iter()
                .map(|e| format!("\n{} {}: {}", e.source, e.verdict.as_str(), e.sentence))
                .collect();
            cases.push_str(&format!(
                "      <failure type=\"claim-verdict\" message=\"{}\">{}</failure>\n",
                attr(&format!(
                    "expected {}, got {}",
                    c.expect.as_str(),
                    c.verdict.as_str()
                )),
                text(&format!(
                    "{}\nclaim: {}{evidence}\nat {}",
                    claim_message(c),
                    c.claim,
                    claim_at(c)
                ))
            ));
        } else {
            cases.push_str(&format!(
                "      <system-out>{}</system-out>\n",
                text(&claim_message(c))
            ));
        }
        cases.push_str("    </testcase>\n");
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <testsuites name=\"claimdiff ci\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\">\n  \
         <testsuite name=\"claimdiff ci\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"{skipped}\">\n\
         {cases}  </testsuite>\n</testsuites>\n"
    )
}

fn case_name(fact: &str, id: &str) -> String {
    format!("{fact} [{id}]")
}

/// Escapes text content.
fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            // Characters XML 1.0 cannot hold at all.
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\r' | '\t') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// Escapes an attribute value (quoted with `"`).
fn attr(s: &str) -> String {
    text(s)
        .replace('"', "&quot;")
        .replace('\n', "&#10;")
        .replace('\r', "&#13;")
        .replace('\t', "&#9;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(text("a < b & c\u{1}"), "a &lt; b &amp; c\u{fffd}");
        assert_eq!(attr("say \"x\"\nnow"), "say &quot;x&quot;&#10;now");
    }
}

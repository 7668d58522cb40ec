//! `claimdiff ci` for people (the default format): what is new and which source
//! brought it, with each source's sentence; what the baseline already holds;
//! stale entries; claims whose verdict is no longer their `expect`, with the
//! passages behind the verdict; and what to do next.

use super::{brought_line, claim_at, stale_message, summary_line, values_line};
use crate::baseline::CiReport;
use crate::report::{Style, context};

/// Characters of a sentence shown around a figure.
const CONTEXT: usize = 90;

/// The CI outcome as text.
pub fn report(r: &CiReport, style: &Style) -> String {
    let mut out = format!(
        "claimdiff ci: {} · baseline {}\n",
        summary_line(r),
        r.baseline
    );
    let s = &r.sources;
    if !(s.added.is_empty() && s.changed.is_empty() && s.removed.is_empty()) {
        let list = |l: &[String]| {
            if l.is_empty() {
                String::from("0")
            } else {
                format!("{} ({})", l.len(), l.join(", "))
            }
        };
        out.push_str(&format!(
            "sources since the baseline: new {} · changed {} · removed {}\n",
            list(&s.added),
            list(&s.changed),
            list(&s.removed)
        ));
    }
    if let Some(v) = &r.baseline_version {
        out.push_str(&format!(
            "note: the baseline was written by claimdiff {v}, this is {}\n",
            crate::VERSION
        ));
    }
    if !r.new.is_empty() {
        heading(&mut out, "NEW DISCREPANCIES (not in the baseline)", style);
        for (i, n) in r.new.iter().enumerate() {
            let f = &n.finding;
            let l = &n.location;
            out.push_str(&format!(
                "{}. {} ({}) [{}]\n   {}, at {}:{}:{}\n",
                i + 1,
                f.fact,
                f.kind,
                f.id,
                brought_line(n),
                l.file,
                l.line,
                l.column
            ));
            let width = f
                .values
                .iter()
                .map(|v| v.source.chars().count())
                .max()
                .unwrap_or(0);
            for (v, at) in f.values.iter().zip(&n.value_locations) {
                let (before, figure, after) = context(v, CONTEXT);
                let mark = if v.source == n.value.source && v.start == n.value.start {
                    '>'
                } else {
                    ' '
                };
                out.push_str(&format!(
                    "  {mark} {:width$}  {before}[{figure}]{after}  ({}:{})\n",
                    v.source, at.file, at.line
                ));
            }
            if !n.extends.is_empty() {
                out.push_str(&format!(
                    "   extends stale baseline entry {} with another source's value\n",
                    n.extends.join(", ")
                ));
            }
        }
    }
    if !r.known.is_empty() {
        heading(&mut out, "KNOWN (in the baseline)", style);
        for k in &r.known {
            let note = k
                .note
                .as_deref()
                .map_or_else(String::new, |n| format!(" — {n}"));
            out.push_str(&format!(
                "- {} {:8} {}: {}{note}\n",
                k.finding.id,
                k.status.as_str(),
                k.finding.fact,
                values_line(&k.finding)
            ));
            if let Some(e) = &k.matches {
                let mut how = Vec::new();
                let verb = |l: &[String], one: &str, many: &str| {
                    format!("{} {}", l.join(", "), if l.len() == 1 { one } else { many })
                };
                if !k.joined.is_empty() {
                    how.push(verb(
                        &k.joined,
                        "repeats reviewed values",
                        "repeat reviewed values",
                    ));
                }
                if !k.left.is_empty() {
                    how.push(verb(&k.left, "no longer states it", "no longer state it"));
                }
                out.push_str(&format!(
                    "  as baseline entry {e}: {} (`--update` renames the entry)\n",
                    how.join("; ")
                ));
            }
        }
    }
    if !r.stale.is_empty() {
        heading(
            &mut out,
            "STALE (in the baseline, no longer found; --prune removes them)",
            style,
        );
        for st in &r.stale {
            out.push_str(&format!("- {}\n", stale_message(st)));
        }
    }
    if !r.claim_regressions.is_empty() {
        heading(
            &mut out,
            "CLAIM REGRESSIONS (the verdict is not the claim's expect)",
            style,
        );
        for (i, c) in r.claim_regressions.iter().enumerate() {
            out.push_str(&format!(
                "{}. {}: expected {}, got {} (at {})\n   claim: {}\n   {}\n",
                i + 1,
                c.id,
                c.expect.as_str(),
                c.verdict.as_str(),
                claim_at(c),
                c.claim,
                c.reason
            ));
            let width = c
                .evidence
                .iter()
                .map(|e| e.source.chars().count())
                .max()
                .unwrap_or(0);
            for e in &c.evidence {
                let sentence = e.sentence.split_whitespace().collect::<Vec<_>>().join(" ");
                out.push_str(&format!(
                    "   {:width$}  {:11}  “{sentence}”\n",
                    e.source,
                    e.verdict.as_str()
                ));
            }
        }
    }
    if !r.claims_as_expected.is_empty() {
        heading(&mut out, "CLAIMS AS EXPECTED", style);
        for c in &r.claims_as_expected {
            out.push_str(&format!(
                "- {} {} (at {})\n",
                c.id,
                c.verdict.as_str(),
                claim_at(c)
            ));
        }
    }
    if !r.claim_regressions.is_empty() {
        out.push_str(
            "\nFor each claim regression, correct the sources or the claim's `expect` in its claims file \
             (`claimdiff check --claims FILE PATHS` shows every source's answer).\n",
        );
    }
    if !r.new.is_empty() {
        out.push_str(&format!(
            "\nReview each new discrepancy; accept them with `claimdiff ci --baseline {} --update` (refused where CI is set).\n",
            r.baseline
        ));
    }
    out
}

fn heading(out: &mut String, title: &str, style: &Style) {
    if style.color {
        out.push_str(&format!("\n\u{1b}[1m{title}\u{1b}[0m\n"));
    } else {
        out.push_str(&format!("\n{title}\n"));
    }
}

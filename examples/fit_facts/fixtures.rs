//! Stories we wrote, with their figures marked by the fact they state
//! (`tests/fixtures/compare`), read as extra training clusters: they carry
//! facts that the development set has few of (dates of one interruption told
//! three ways, tolls of two attacks in one story). They add to every fit and are
//! never scored: cross-validated figures come from the development set alone.
//!
//! Format: `== source ID DATE` starts a source (DATE may be `-`), lines that
//! start with `#` are comments, a figure is marked `[[written|kind value ...
//! @fact]]`; a mark without `@fact` states no fact of another source.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use claimdiff::corpus::{Corpus, DateOrigin, Source};

use crate::gold::{Fact, Gold, Mention};

/// Reads every `.txt` fixture of a folder, sorted by name.
pub fn read_all(dir: &Path) -> Result<Vec<(Gold, Corpus)>, String> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let raw = std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()))?;
            let name = p
                .file_stem()
                .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
            parse(&format!("fixture-{name}"), &raw).map_err(|e| format!("{}: {e}", p.display()))
        })
        .collect()
}

/// One fixture as an answer key and a corpus.
pub fn parse(cluster: &str, raw: &str) -> Result<(Gold, Corpus), String> {
    let mut sources: Vec<(String, Option<NaiveDate>, String)> = Vec::new();
    for (n, line) in raw.lines().enumerate() {
        if line.starts_with('#') {
            continue;
        }
        if let Some(head) = line.strip_prefix("== source ") {
            let mut parts = head.split_whitespace();
            let id = parts
                .next()
                .ok_or(format!("line {}: no source id", n + 1))?;
            let date = match parts.next().filter(|d| *d != "-") {
                None => None,
                Some(d) => Some(
                    NaiveDate::parse_from_str(d, "%Y-%m-%d")
                        .map_err(|e| format!("line {}: {e}", n + 1))?,
                ),
            };
            sources.push((id.to_string(), date, String::new()));
        } else if let Some(last) = sources.last_mut() {
            last.2.push_str(line);
            last.2.push('\n');
        }
    }
    let mut facts: BTreeMap<String, Vec<Mention>> = BTreeMap::new();
    let mut built = Vec::new();
    for (id, date, marked) in sources {
        let (text, marks) = unmark(&marked)?;
        let text = text.trim_end().to_string();
        for (start, end, spec) in marks {
            let Some(fact) = spec.split_whitespace().find_map(|w| w.strip_prefix('@')) else {
                continue;
            };
            facts.entry(fact.to_string()).or_default().push(Mention {
                file: id.clone(),
                text: text[start..end].to_string(),
                context: sentence_around(&text, start, end).to_string(),
            });
        }
        built.push(Source {
            outlet: Some(id.clone()),
            published: date,
            published_from: if date.is_some() {
                DateOrigin::Manifest
            } else {
                DateOrigin::None
            },
            ..Source::new(&id, &text)
        });
    }
    let facts = facts
        .into_iter()
        .map(|(id, mentions)| Fact {
            fact: id.clone(),
            id,
            mentions,
            verdict: String::from("unscored"),
        })
        .collect();
    let gold = Gold {
        cluster: cluster.to_string(),
        facts,
        reused_passages: Vec::new(),
    };
    Ok((gold, Corpus::of_sources(built)))
}

/// A mark's span in the unmarked text and its spec.
type Mark = (usize, usize, String);

/// Removes `[[written|spec]]` marks: the text, and each mark's span and spec.
fn unmark(marked: &str) -> Result<(String, Vec<Mark>), String> {
    let mut text = String::new();
    let mut marks = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find("[[") {
        text.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        let close = after.find("]]").ok_or("a mark is not closed")?;
        let (written, spec) = after[..close].split_once('|').ok_or("a mark has no spec")?;
        let start = text.len();
        text.push_str(written);
        marks.push((start, text.len(), spec.to_string()));
        rest = &after[close + 2..];
    }
    text.push_str(rest);
    Ok((text, marks))
}

/// The line holding bytes `start..end`: fixtures write one sentence or a few per
/// line, enough for locating the mention again.
fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    let a = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let b = text[end..].find('\n').map_or(text.len(), |i| end + i);
    &text[a..b]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_become_mentions_of_their_fact() {
        let raw = "# a comment\n== source a 2020-01-02\nSome [[12|count 12 @boats]] boats sank.\n\
                   == source b -\nTwelve boats, [[12|count 12 @boats]] in all, and [[3|count 3]] tugs.\n";
        let (gold, corpus) = parse("t", raw).expect("parses");
        assert_eq!(corpus.sources.len(), 2);
        assert_eq!(corpus.sources[0].text, "Some 12 boats sank.");
        assert!(corpus.sources[1].published.is_none());
        assert_eq!(gold.facts.len(), 1);
        let m = &gold.facts[0].mentions;
        assert_eq!(m.len(), 2);
        assert_eq!(m[1].file, "b");
        assert_eq!(m[1].context, "Twelve boats, 12 in all, and 3 tugs.");
        assert!(parse("t", "== source a -\n[[12 count").is_err());
    }
}

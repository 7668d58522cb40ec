//! Answer keys ("gold" files) of a development set of real news clusters, and
//! where their mentions lie in the articles.
//!
//! The format is the one of the development set's README: facts with their
//! mentions in each file (text as written, the sentence it stands in) and a
//! verdict, and reused passages. Only the fields the fitting program reads are
//! declared; the rest are ignored.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

/// One answer key.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    /// The cluster id (its folder name).
    pub cluster: String,
    /// The facts stated by two or more articles.
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// Passages reused across articles.
    #[serde(default)]
    pub reused_passages: Vec<Reused>,
}

/// A fact of the answer key.
#[derive(Debug, Clone, Deserialize)]
pub struct Fact {
    /// Id, unique in the file.
    pub id: String,
    /// What the quantity is, in words.
    pub fact: String,
    /// Every statement of it.
    #[serde(default)]
    pub mentions: Vec<Mention>,
    /// `agree`, `consistent-after-normalization` or `conflict`.
    pub verdict: String,
}

/// One statement of a fact.
#[derive(Debug, Clone, Deserialize)]
pub struct Mention {
    /// The file stem ("01").
    pub file: String,
    /// The words of the figure as written.
    pub text: String,
    /// The sentence it stands in.
    #[serde(default)]
    pub context: String,
}

/// A passage reused across files.
#[derive(Debug, Clone, Deserialize)]
pub struct Reused {
    /// The files holding it; the phrase is copied from the first.
    pub files: Vec<String>,
    /// Ten words or more of it.
    pub phrase: String,
}

/// Reads every gold file of a folder, sorted by name.
pub fn read_all(dir: &Path) -> Result<Vec<(PathBuf, Gold)>, String> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
            let gold: Gold = claimdiff::yaml::parse(&p.display().to_string(), &text)
                .map_err(|e| e.to_string())?;
            Ok((p, gold))
        })
        .collect()
}

/// Where a mention lies in its file: byte offsets of its text, looked for in
/// its sentence (or the sentence's first 60 bytes), else anywhere.
pub fn locate(text: &str, context: &str, surface: &str) -> Option<(usize, usize)> {
    if surface.is_empty() {
        return None;
    }
    let head: String = context.chars().take(60).collect();
    let at = text
        .find(context)
        .filter(|_| !context.is_empty())
        .or_else(|| text.find(&head).filter(|_| !head.is_empty()));
    let start = match at {
        Some(c) => c + text[c..].find(surface)?,
        None => text.find(surface)?,
    };
    Some((start, start + surface.len()))
}

/// The mention spans of a cluster's facts by file: (start, end, fact index).
pub type Spans = BTreeMap<String, Vec<(usize, usize, usize)>>;

/// Locates every mention of every fact in the texts (file stem → text).
pub fn spans(gold: &Gold, texts: &BTreeMap<String, String>) -> Spans {
    let mut out = Spans::new();
    for (k, fact) in gold.facts.iter().enumerate() {
        for m in &fact.mentions {
            let Some(text) = texts.get(&m.file) else {
                continue;
            };
            if let Some((a, b)) = locate(text, &m.context, &m.text) {
                out.entry(m.file.clone()).or_default().push((a, b, k));
            }
        }
    }
    out
}

/// The facts whose mentions overlap bytes `start..end` of a file.
pub fn facts_at(spans: &Spans, file: &str, start: usize, end: usize) -> Vec<usize> {
    let mut out: Vec<usize> = spans
        .get(file)
        .into_iter()
        .flatten()
        .filter(|&&(a, b, _)| a < end && start < b)
        .map(|&(_, _, k)| k)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mention_is_found_in_its_sentence() {
        let text = "Ten boats sank. Later, ten boats sank again.";
        assert_eq!(
            locate(text, "Later, ten boats sank again.", "ten"),
            Some((23, 26))
        );
        assert_eq!(locate(text, "not in the text", "Ten"), Some((0, 3)));
        assert_eq!(locate(text, "", "eleven"), None);
    }

    #[test]
    fn facts_are_found_by_overlap() {
        let mut spans = Spans::new();
        spans.insert("01".into(), vec![(10, 14, 0), (20, 25, 1)]);
        assert_eq!(facts_at(&spans, "01", 12, 22), vec![0, 1]);
        assert_eq!(facts_at(&spans, "01", 14, 20), Vec::<usize>::new());
        assert_eq!(facts_at(&spans, "02", 10, 14), Vec::<usize>::new());
    }
}

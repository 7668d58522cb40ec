//! The CI baseline: the discrepancies a reviewer has already seen, so that CI fails
//! only on the ones a change to the corpus brings.
//!
//! The baseline is a YAML file (read and written through [`crate::yaml`]) kept in
//! the repository next to the corpus. Each entry names a discrepancy by its
//! fingerprint ([`crate::report::FindingView::id`]: the fact's key and the sorted
//! (source id, normalized value) pairs), writes out the fact and the values for the
//! reader, and carries the reviewer's `status` and optional `note`. The file also
//! records a content hash of every source it was written from, so that a new
//! discrepancy can be traced to the source that brought it: one the baseline has not
//! seen, or one whose content changed.
//!
//! Why the fingerprint is stable: it holds nothing but the fact's key (the kind, the
//! counted thing and the predicate of the figures that state it) and the values the
//! sources involved state. A source that takes no part in the fact, the position of
//! the figures in their texts, the order of findings and the words of the report's
//! label are not part of it; a source that joins the fact with a value of its own
//! changes the fact's values, and so makes a new discrepancy (one that source brings).
//!
//! - [`check`]: the current report against a baseline (new, known and stale entries);
//! - [`claims`]: claims with an `expect` checked against the same corpus
//!   (`claimdiff ci --claims`);
//! - [`location`]: where in a source file a figure is (line and column), and paths
//!   relative to the repository.

pub mod check;
pub mod claims;
pub mod location;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::corpus::{Corpus, Source};
use crate::fingerprint::Fingerprint;
use crate::report::FindingView;
use crate::yaml::{self, YamlError};

pub use check::{
    Bringer, Change, CiReport, KnownEntry, NewDiscrepancy, SourceChanges, StaleEntry, check,
};
pub use claims::{ClaimEvidence, ClaimOutcome};
pub use location::{Location, RepoPaths};

/// The version of the baseline file format, written as `version`.
pub const FORMAT_VERSION: u32 = 1;

/// The comment that opens every baseline file claimdiff writes.
const HEADER: &str = "claimdiff CI baseline: the discrepancies reviewers have seen.
`claimdiff ci --baseline FILE PATHS` fails only on discrepancies missing here.
Set `status` to accepted (a real disagreement, known) or ignored (not one) and
add a `note`; `claimdiff ci --update` keeps both. Sorted by id; do not edit ids.";

/// The baseline file: reviewed discrepancies and the sources they were seen in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// The file format version ([`FORMAT_VERSION`]).
    pub version: u32,
    /// The claimdiff version that last wrote the file: a discrepancy that no
    /// changed source explains may come from another version's analysis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimdiff: Option<String>,
    /// Every source of the corpus the baseline was written from, by source id.
    #[serde(default)]
    pub sources: BTreeMap<String, SourceRecord>,
    /// The reviewed discrepancies, sorted by id.
    #[serde(default)]
    pub discrepancies: Vec<Entry>,
}

impl Default for Baseline {
    fn default() -> Self {
        Baseline {
            version: FORMAT_VERSION,
            claimdiff: None,
            sources: BTreeMap::new(),
            discrepancies: Vec::new(),
        }
    }
}

/// A source as the baseline saw it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceRecord {
    /// Its path relative to the repository (for the reader; sources are matched by id).
    pub path: String,
    /// [`content_hash`] of the source when the baseline was written.
    pub hash: String,
}

/// What a reviewer decided about a discrepancy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// A real disagreement between the sources, known and accepted.
    Accepted,
    /// Not a real disagreement (a false alarm), to be ignored.
    Ignored,
}

impl Status {
    /// The name written in the file and in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Accepted => "accepted",
            Status::Ignored => "ignored",
        }
    }
}

/// One reviewed discrepancy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// The fingerprint of the discrepancy ([`FindingView::id`]).
    pub id: String,
    /// What the reviewer decided.
    pub status: Status,
    /// Why, in the reviewer's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The kind of figure (`count`, `date`, ...) or `attribution`.
    pub kind: String,
    /// The fact in words, as the report labelled it when the entry was written
    /// (for the reader: the fingerprint does not depend on it).
    pub fact: String,
    /// The sources involved, sorted.
    pub sources: Vec<String>,
    /// Each source's value, sorted by source.
    pub values: Vec<EntryValue>,
}

/// One source's value of a reviewed discrepancy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntryValue {
    /// Source id.
    pub source: String,
    /// The normalized value (as in the JSON report).
    pub value: serde_json::Value,
    /// The figure as written.
    pub text: String,
}

impl Entry {
    /// The entry for a discrepancy of the report, with a reviewer's decision.
    pub fn of_finding(f: &FindingView, status: Status, note: Option<String>) -> Entry {
        let mut values: Vec<EntryValue> = f
            .values
            .iter()
            .map(|v| EntryValue {
                source: v.source.clone(),
                value: v.value.clone(),
                text: v.text.split_whitespace().collect::<Vec<_>>().join(" "),
            })
            .collect();
        values.sort_by(|a, b| {
            (&a.source, a.value.to_string(), &a.text).cmp(&(
                &b.source,
                b.value.to_string(),
                &b.text,
            ))
        });
        values.dedup();
        Entry {
            id: f.id.clone(),
            status,
            note,
            kind: f.kind.to_string(),
            fact: f.fact.clone(),
            sources: sources_of(f),
            values,
        }
    }

    /// The (source, normalized value) pairs of the entry, for telling whether a
    /// current discrepancy extends it.
    pub fn pairs(&self) -> BTreeSet<(String, String)> {
        self.values
            .iter()
            .map(|v| (v.source.clone(), v.value.to_string()))
            .collect()
    }
}

/// The sorted, distinct source ids of a finding.
pub fn sources_of(f: &FindingView) -> Vec<String> {
    let set: BTreeSet<&str> = f.values.iter().map(|v| v.source.as_str()).collect();
    set.into_iter().map(str::to_string).collect()
}

/// The (source, normalized value) pairs of a finding.
pub fn pairs_of(f: &FindingView) -> BTreeSet<(String, String)> {
    f.values
        .iter()
        .map(|v| (v.source.clone(), v.value.to_string()))
        .collect()
}

/// A hash of what in a source the analysis reads (its text and its publication
/// date, which relative dates are resolved against): 16 hex digits. Two runs on
/// the same file give the same hash; any edit of the text changes it.
pub fn content_hash(source: &Source) -> String {
    let published = source
        .published
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    let fp = Fingerprint::new()
        .part("source/1")
        .part(&published)
        .part(&source.text);
    format!("{:016x}", fp.value())
}

/// A problem with a baseline file: where it is and what is wrong.
pub type BaselineError = YamlError;

impl Baseline {
    /// Reads a baseline from the text of `file`. An empty file is an empty
    /// baseline. Syntax errors, unknown fields, a status other than `accepted` or
    /// `ignored`, an unsupported `version` and an id listed twice are errors that
    /// name the file and the line.
    pub fn parse(file: &str, text: &str) -> Result<Baseline, BaselineError> {
        if text
            .lines()
            .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'))
        {
            return Ok(Baseline::default());
        }
        let baseline: Baseline = yaml::parse(file, text)?;
        let error = |line: Option<usize>, message: String| YamlError {
            file: file.to_string(),
            line,
            column: None,
            message,
        };
        if baseline.version != FORMAT_VERSION {
            return Err(error(
                yaml::line_of_entry(text, "version", &baseline.version.to_string()),
                format!(
                    "baseline version {} is not supported (this claimdiff reads version {FORMAT_VERSION})",
                    baseline.version
                ),
            ));
        }
        let mut seen = BTreeSet::new();
        for e in &baseline.discrepancies {
            if e.id.trim().is_empty() {
                return Err(error(None, String::from("an entry has an empty `id`")));
            }
            if !seen.insert(e.id.as_str()) {
                let line = text
                    .lines()
                    .enumerate()
                    .filter(|(_, l)| yaml::line_of_entry(l, "id", &e.id).is_some())
                    .nth(1)
                    .map(|(i, _)| i + 1);
                return Err(error(line, format!("id {} is listed twice", e.id)));
            }
        }
        Ok(baseline)
    }

    /// The baseline as the YAML text claimdiff writes: a comment saying what the
    /// file is, then the entries sorted by id and the sources by id.
    pub fn to_yaml(&self) -> String {
        let mut sorted = self.clone();
        sorted.discrepancies.sort_by(|a, b| a.id.cmp(&b.id));
        yaml::to_document(HEADER, &sorted).expect("a baseline always serializes to YAML")
    }

    /// Looks an entry up by id.
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.discrepancies.iter().find(|e| e.id == id)
    }

    /// The baseline with every current discrepancy of `report` (new ones
    /// accepted, known ones keeping their status and note, their fact and values
    /// written afresh; an entry matched by a discrepancy whose sources changed
    /// gives way to it) and
    /// the sources of `corpus` with their current hashes. Stale entries are kept;
    /// [`Baseline::pruned`] removes them.
    pub fn updated(&self, report: &CiReport, corpus: &Corpus, paths: &RepoPaths) -> Baseline {
        let mut entries: BTreeMap<String, Entry> = self
            .discrepancies
            .iter()
            .map(|e| (e.id.clone(), e.clone()))
            .collect();
        for n in &report.new {
            let f = &n.finding;
            entries.insert(f.id.clone(), Entry::of_finding(f, Status::Accepted, None));
        }
        for k in &report.known {
            // An entry whose sources changed without a new value gives way to
            // the discrepancy it became, with the reviewer's decision.
            if let Some(old) = &k.matches {
                entries.remove(old);
            }
            let f = &k.finding;
            entries.insert(f.id.clone(), Entry::of_finding(f, k.status, k.note.clone()));
        }
        Baseline {
            version: FORMAT_VERSION,
            claimdiff: Some(crate::VERSION.to_string()),
            sources: source_records(corpus, paths),
            discrepancies: entries.into_values().collect(),
        }
    }

    /// The baseline without the entries `report` found stale, and without the
    /// records of sources no longer in the corpus. Other entries and the hashes of
    /// the remaining sources are left as they were, so that a new discrepancy is
    /// still traced to the source that brought it.
    pub fn pruned(&self, report: &CiReport) -> Baseline {
        let stale: BTreeSet<&str> = report.stale.iter().map(|s| s.entry.id.as_str()).collect();
        let mut out = self.clone();
        out.discrepancies.retain(|e| !stale.contains(e.id.as_str()));
        out.sources
            .retain(|id, _| !report.sources.removed.iter().any(|r| r == id));
        out
    }
}

/// The record of every source of a corpus, by id.
pub fn source_records(corpus: &Corpus, paths: &RepoPaths) -> BTreeMap<String, SourceRecord> {
    corpus
        .sources
        .iter()
        .map(|s| {
            (
                s.id.clone(),
                SourceRecord {
                    path: paths.relative(location::file_of(s)),
                    hash: content_hash(s),
                },
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
# a comment
version: 1
claimdiff: 0.1.0
sources:
  a:
    path: corpus/a.txt
    hash: 0011223344556677
discrepancies:
- id: 0123456789ab
  status: ignored
  note: the second figure counts something else
  kind: count
  fact: people killed
  sources: [a, b]
  values:
  - source: a
    value: 7
    text: '7'
  - source: b
    value: 9
    text: '9'
";

    #[test]
    fn reads_a_baseline_a_person_wrote() {
        let b = Baseline::parse("b.yaml", SAMPLE).unwrap();
        assert_eq!(b.discrepancies.len(), 1);
        let e = &b.discrepancies[0];
        assert_eq!(e.status, Status::Ignored);
        assert_eq!(
            e.note.as_deref(),
            Some("the second figure counts something else")
        );
        assert_eq!(b.sources["a"].hash, "0011223344556677");
    }

    #[test]
    fn writes_what_it_reads() {
        let b = Baseline::parse("b.yaml", SAMPLE).unwrap();
        let text = b.to_yaml();
        assert!(text.starts_with("# claimdiff CI baseline"), "{text}");
        assert_eq!(Baseline::parse("b.yaml", &text).unwrap(), b);
        assert_eq!(text, Baseline::parse("b.yaml", &text).unwrap().to_yaml());
    }

    #[test]
    fn an_empty_file_is_an_empty_baseline() {
        assert_eq!(Baseline::parse("b.yaml", "").unwrap(), Baseline::default());
        assert_eq!(
            Baseline::parse("b.yaml", "# nothing yet\n").unwrap(),
            Baseline::default()
        );
    }

    #[test]
    fn a_wrong_status_names_the_file_and_line() {
        let text = SAMPLE.replace("status: ignored", "status: maybe");
        let err = Baseline::parse("ci/b.yaml", &text).unwrap_err();
        assert_eq!(err.file, "ci/b.yaml");
        assert_eq!(err.line, Some(10), "{err}");
        assert!(err.to_string().starts_with("ci/b.yaml:10"), "{err}");
    }

    #[test]
    fn an_unknown_field_is_an_error() {
        let text = SAMPLE.replace("  note:", "  note_typo:");
        let err = Baseline::parse("b.yaml", &text).unwrap_err();
        assert!(err.line.is_some(), "{err}");
        assert!(err.message.contains("note_typo"), "{err}");
    }

    #[test]
    fn an_id_listed_twice_is_an_error_at_its_second_line() {
        let entry = &SAMPLE[SAMPLE.find("- id:").unwrap()..];
        let text = format!("{SAMPLE}{entry}");
        let err = Baseline::parse("b.yaml", &text).unwrap_err();
        assert!(err.message.contains("listed twice"), "{err}");
        assert_eq!(err.line, Some(22), "{err}");
    }

    #[test]
    fn another_version_is_refused() {
        let err =
            Baseline::parse("b.yaml", &SAMPLE.replace("version: 1", "version: 9")).unwrap_err();
        assert_eq!(err.line, Some(2));
        assert!(err.message.contains("not supported"), "{err}");
    }

    #[test]
    fn content_hash_follows_the_text_and_the_date() {
        let a = Source::new("a", "Seven workers were killed.");
        let same = Source::new("a", "Seven workers were killed.");
        let edited = Source::new("a", "Seven workers were killed on Sunday.");
        let dated = Source {
            published: chrono::NaiveDate::from_ymd_opt(2024, 3, 4),
            ..Source::new("a", "Seven workers were killed.")
        };
        assert_eq!(content_hash(&a), content_hash(&same));
        assert_ne!(content_hash(&a), content_hash(&edited));
        assert_ne!(content_hash(&a), content_hash(&dated));
        assert_eq!(content_hash(&a).len(), 16);
    }
}

//! The current report against a baseline: which discrepancies are new (and which
//! source brought each), which are known, and which entries are stale.
//!
//! Only the report's `discrepancies` take part: candidates "to review" and
//! updates never fail CI.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::claims::ClaimOutcome;
use super::location::{self, Location, RepoPaths};
use super::{Baseline, Entry, Status, content_hash, pairs_of, sources_of};
use crate::corpus::Corpus;
use crate::report::{FindingView, ReportView, ValueView};

/// The version of the JSON contract of `claimdiff ci --format json`.
pub const CI_SCHEMA: u32 = 1;

/// How a source differs from the one the baseline saw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    /// The baseline has not seen a source of this id.
    New,
    /// The baseline saw the source with other content.
    Changed,
}

impl Change {
    /// The words used in output ("new source", "changed source").
    pub fn as_str(self) -> &'static str {
        match self {
            Change::New => "new",
            Change::Changed => "changed",
        }
    }
}

/// A source that brings a new discrepancy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Bringer {
    /// Source id.
    pub source: String,
    /// New or changed.
    pub change: Change,
}

/// A discrepancy the baseline does not hold.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewDiscrepancy {
    /// The discrepancy as the report gives it (id, kind, fact, values).
    pub finding: FindingView,
    /// The sources of the discrepancy that are new or changed since the
    /// baseline, sorted by id; empty when none is (the analysis changed: another
    /// claimdiff version, or a source outside the fact moved a threshold).
    pub brought_by: Vec<Bringer>,
    /// Where to annotate: the figure of the first source that brought it (else
    /// the first value), in its file.
    pub location: Location,
    /// The value at `location`.
    pub value: ValueView,
    /// Where each value of `finding` is, parallel to `finding.values`.
    pub value_locations: Vec<Location>,
    /// Baseline entries of the same disagreement (the reviewed conflict is still
    /// among its values) that a source joined with a value of its own.
    pub extends: Vec<String>,
}

/// A discrepancy the baseline holds: by its id, or as an entry whose sources
/// changed without a new value (see [`same_disagreement`]): a source that
/// repeats a reviewed figure, or that left the corpus, brings nothing to review.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct KnownEntry {
    /// The discrepancy as the report gives it now.
    pub finding: FindingView,
    /// The id of the baseline entry it matched, when not by its own id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matches: Option<String>,
    /// Sources that state the discrepancy and that entry does not list.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub joined: Vec<String>,
    /// Sources that entry lists and that no longer state the discrepancy.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub left: Vec<String>,
    /// What the reviewer decided.
    pub status: Status,
    /// The reviewer's note.
    pub note: Option<String>,
}

/// A baseline entry no current discrepancy matches.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StaleEntry {
    /// The entry as the baseline holds it.
    pub entry: Entry,
    /// Its line in the baseline file, when known.
    pub line: Option<usize>,
    /// Sources of the entry that are no longer in the corpus.
    pub removed_sources: Vec<String>,
}

/// How the corpus differs from the sources the baseline saw.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SourceChanges {
    /// Sources the baseline has not seen.
    pub added: Vec<String>,
    /// Sources whose content changed.
    pub changed: Vec<String>,
    /// Sources the baseline saw that are no longer in the corpus.
    pub removed: Vec<String>,
}

/// The outcome of `claimdiff ci`: what every CI printer prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CiReport {
    /// Contract version ([`CI_SCHEMA`]).
    pub schema: u32,
    /// The baseline file, as given.
    pub baseline: String,
    /// The baseline file relative to the repository (for annotations).
    pub baseline_file: String,
    /// True when nothing new was found and no claim regressed (exit 0).
    pub passed: bool,
    /// Discrepancies the baseline does not hold, sorted by file, line and id.
    pub new: Vec<NewDiscrepancy>,
    /// Discrepancies the baseline holds, sorted by id.
    pub known: Vec<KnownEntry>,
    /// Baseline entries that no longer match a discrepancy, sorted by id.
    pub stale: Vec<StaleEntry>,
    /// How the sources differ from those the baseline saw.
    pub sources: SourceChanges,
    /// How many candidates "to review" the report holds (never a failure).
    pub to_review: usize,
    /// The claimdiff version that wrote the baseline, when it is not this one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline_version: Option<String>,
    /// How many claims `--claims` gave (with or without `expect`); 0 without.
    pub claims_checked: usize,
    /// Claims whose verdict is no longer their `expect`, in the order checked
    /// (each fails CI).
    pub claim_regressions: Vec<ClaimOutcome>,
    /// Claims that got their `expect`.
    pub claims_as_expected: Vec<ClaimOutcome>,
}

impl CiReport {
    /// Every current discrepancy (new then known).
    pub fn current(&self) -> impl Iterator<Item = &FindingView> {
        self.new
            .iter()
            .map(|n| &n.finding)
            .chain(self.known.iter().map(|k| &k.finding))
    }
}

/// Compares the discrepancies of `view` (the report of `corpus`) with the
/// baseline read from `baseline_path`, whose text is `baseline_text`.
pub fn check(
    baseline: &Baseline,
    baseline_path: &str,
    baseline_text: &str,
    view: &ReportView,
    corpus: &Corpus,
    paths: &RepoPaths,
) -> CiReport {
    let sources = source_changes(baseline, corpus);
    let change_of: BTreeMap<&str, Change> = sources
        .added
        .iter()
        .map(|s| (s.as_str(), Change::New))
        .chain(
            sources
                .changed
                .iter()
                .map(|s| (s.as_str(), Change::Changed)),
        )
        .collect();
    let mut seen = BTreeSet::new();
    let current: Vec<&FindingView> = view
        .discrepancies
        .iter()
        .filter(|f| seen.insert(f.id.as_str()))
        .collect();
    let unmatched: Vec<&Entry> = baseline
        .discrepancies
        .iter()
        .filter(|e| !seen.contains(e.id.as_str()))
        .collect();
    let mut new = Vec::new();
    let mut known = Vec::new();
    let mut extended: BTreeSet<&str> = BTreeSet::new();
    for f in current {
        if let Some(e) = baseline.entry(&f.id) {
            known.push(KnownEntry {
                finding: f.clone(),
                matches: None,
                joined: Vec::new(),
                left: Vec::new(),
                status: e.status,
                note: e.note.clone(),
            });
        } else if let Some(e) = unmatched
            .iter()
            .find(|e| same_disagreement(f, e) && no_new_value(f, e))
        {
            extended.insert(e.id.as_str());
            let theirs: BTreeSet<&String> = e.sources.iter().collect();
            let ours = sources_of(f);
            known.push(KnownEntry {
                finding: f.clone(),
                matches: Some(e.id.clone()),
                left: e
                    .sources
                    .iter()
                    .filter(|s| !ours.contains(s))
                    .cloned()
                    .collect(),
                joined: ours.into_iter().filter(|s| !theirs.contains(s)).collect(),
                status: e.status,
                note: e.note.clone(),
            });
        } else {
            new.push(new_discrepancy(f, &change_of, &unmatched, corpus, paths));
        }
    }
    let stale_entries: Vec<&Entry> = unmatched
        .into_iter()
        .filter(|e| !extended.contains(e.id.as_str()))
        .collect();
    new.sort_by(|a, b| {
        (&a.location.file, a.location.line, &a.finding.id).cmp(&(
            &b.location.file,
            b.location.line,
            &b.finding.id,
        ))
    });
    known.sort_by(|a, b| a.finding.id.cmp(&b.finding.id));
    let mut stale: Vec<StaleEntry> = stale_entries
        .into_iter()
        .map(|e| StaleEntry {
            entry: e.clone(),
            line: crate::yaml::line_of_entry(baseline_text, "id", &e.id),
            removed_sources: e
                .sources
                .iter()
                .filter(|s| corpus.source(s).is_none())
                .cloned()
                .collect(),
        })
        .collect();
    stale.sort_by(|a, b| a.entry.id.cmp(&b.entry.id));
    CiReport {
        schema: CI_SCHEMA,
        baseline: baseline_path.to_string(),
        baseline_file: paths.relative(baseline_path),
        passed: new.is_empty(),
        new,
        known,
        stale,
        sources,
        to_review: view.to_review.len(),
        baseline_version: baseline.claimdiff.clone().filter(|v| v != crate::VERSION),
        claims_checked: 0,
        claim_regressions: Vec::new(),
        claims_as_expected: Vec::new(),
    }
}

/// True when `f` and entry `e` are one disagreement whose sources changed: the
/// same kind, and the (source, value) pairs they share still hold two different
/// values (the conflict a reviewer saw is still stated by the sources who stated
/// it).
pub fn same_disagreement(f: &FindingView, e: &Entry) -> bool {
    let ours = pairs_of(f);
    let shared_values: BTreeSet<String> = e
        .pairs()
        .into_iter()
        .filter(|p| ours.contains(p))
        .map(|(_, v)| v)
        .collect();
    e.kind == f.kind && shared_values.len() >= 2
}

/// True when every value of `f` is one entry `e` holds.
fn no_new_value(f: &FindingView, e: &Entry) -> bool {
    let theirs: BTreeSet<String> = e.pairs().into_iter().map(|(_, v)| v).collect();
    pairs_of(f).iter().all(|(_, v)| theirs.contains(v))
}

/// The sources added, changed and removed since the baseline was written.
fn source_changes(baseline: &Baseline, corpus: &Corpus) -> SourceChanges {
    let mut out = SourceChanges::default();
    for s in &corpus.sources {
        match baseline.sources.get(&s.id) {
            None => out.added.push(s.id.clone()),
            Some(r) if r.hash != content_hash(s) => out.changed.push(s.id.clone()),
            Some(_) => {}
        }
    }
    out.removed = baseline
        .sources
        .keys()
        .filter(|id| corpus.source(id).is_none())
        .cloned()
        .collect();
    out.added.sort();
    out.changed.sort();
    out
}

fn new_discrepancy(
    f: &FindingView,
    change_of: &BTreeMap<&str, Change>,
    stale: &[&Entry],
    corpus: &Corpus,
    paths: &RepoPaths,
) -> NewDiscrepancy {
    let brought_by: Vec<Bringer> = sources_of(f)
        .into_iter()
        .filter_map(|s| {
            change_of
                .get(s.as_str())
                .map(|&change| Bringer { source: s, change })
        })
        .collect();
    // Annotate the figure of a source that brought the discrepancy: a new
    // source before a changed one, the first of its figures in the text.
    let first_bringer = brought_by
        .iter()
        .min_by_key(|b| (b.change, b.source.clone()))
        .map(|b| b.source.as_str());
    let value_locations: Vec<Location> = f
        .values
        .iter()
        .map(|v| locate_value(v, corpus, paths))
        .collect();
    let chosen = first_bringer
        .and_then(|s| {
            f.values
                .iter()
                .enumerate()
                .filter(|(_, v)| v.source == s)
                .min_by_key(|(_, v)| v.start)
                .map(|(i, _)| i)
        })
        .or(if f.values.is_empty() { None } else { Some(0) });
    let (value, location) = match chosen {
        Some(i) => (f.values[i].clone(), value_locations[i].clone()),
        None => (empty_value(f), nowhere(String::new())),
    };
    let extends = stale
        .iter()
        .filter(|e| same_disagreement(f, e))
        .map(|e| e.id.clone())
        .collect();
    NewDiscrepancy {
        finding: f.clone(),
        brought_by,
        location,
        value,
        value_locations,
        extends,
    }
}

/// Where a value is in its source's file.
fn locate_value(v: &ValueView, corpus: &Corpus, paths: &RepoPaths) -> Location {
    match corpus.source(&v.source) {
        Some(src) => location::locate(src, v.start, v.end, &v.sentence, v.sentence_start, paths),
        None => nowhere(v.source.clone()),
    }
}

/// The first line of `file`, for what cannot be located better.
fn nowhere(file: String) -> Location {
    Location {
        file,
        line: 1,
        column: 1,
        end_line: 1,
        end_column: 1,
    }
}

/// A placeholder value for a finding without values (never built by the
/// report; kept so that a malformed view cannot panic).
fn empty_value(f: &FindingView) -> ValueView {
    ValueView {
        source: String::new(),
        value: serde_json::Value::Null,
        text: f.fact.clone(),
        qualifier: "exact",
        sentence: String::new(),
        sentence_start: 0,
        start: 0,
        end: 0,
        published: None,
        derivation: None,
        repeated_at: Vec::new(),
    }
}

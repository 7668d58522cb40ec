//! Scores a report against an answer key, as the development set's scorer does:
//! every reported value is mapped to the gold mentions it overlaps in its file,
//! and a finding "touches" a gold fact when it overlaps its mentions in two files
//! or more.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::AddAssign;

use claimdiff::report::{FindingView, PassageView, ReportView};

use super::gold::{Gold, Spans, facts_at};

/// The counts of one scoring.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    /// Discrepancies reported.
    pub reported: usize,
    /// Reported discrepancies touching a gold conflict.
    pub true_positives: usize,
    /// Reported discrepancies touching only facts the gold calls consistent.
    pub known_false: usize,
    /// Reported discrepancies touching no gold fact in two files.
    pub unmatched: usize,
    /// Gold conflicts.
    pub conflicts: usize,
    /// Gold conflicts touched by a true positive.
    pub conflicts_found: usize,
    /// Findings in the "to review" list.
    pub review_reported: usize,
    /// Of them, those touching a gold conflict.
    pub review_true: usize,
    /// Gold conflicts touched by a "to review" finding (and by no discrepancy).
    pub review_conflicts_found: usize,
    /// Gold facts the outlets state alike.
    pub agree: usize,
    /// Of them, those touched by a reported agreement.
    pub agree_found: usize,
    /// Agreements reported.
    pub agreements: usize,
    /// Agreements touching some gold fact in two files.
    pub agreements_touching: usize,
    /// Gold reused passages.
    pub passages: usize,
    /// Of them, those a reported passage covers.
    pub passages_found: usize,
}

impl AddAssign for Score {
    fn add_assign(&mut self, o: Score) {
        self.reported += o.reported;
        self.true_positives += o.true_positives;
        self.known_false += o.known_false;
        self.unmatched += o.unmatched;
        self.conflicts += o.conflicts;
        self.conflicts_found += o.conflicts_found;
        self.review_reported += o.review_reported;
        self.review_true += o.review_true;
        self.review_conflicts_found += o.review_conflicts_found;
        self.agree += o.agree;
        self.agree_found += o.agree_found;
        self.agreements += o.agreements;
        self.agreements_touching += o.agreements_touching;
        self.passages += o.passages;
        self.passages_found += o.passages_found;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

impl Score {
    /// Discrepancy precision.
    pub fn precision(&self) -> f64 {
        ratio(self.true_positives, self.reported)
    }

    /// Conflict recall.
    pub fn recall(&self) -> f64 {
        ratio(self.conflicts_found, self.conflicts)
    }

    /// Precision of the "to review" list.
    pub fn review_precision(&self) -> f64 {
        ratio(self.review_true, self.review_reported)
    }

    /// Agreement recall.
    pub fn agreement_recall(&self) -> f64 {
        ratio(self.agree_found, self.agree)
    }

    /// Share of reported agreements that touch a gold fact.
    pub fn agreement_precision(&self) -> f64 {
        ratio(self.agreements_touching, self.agreements)
    }

    /// Passage recall.
    pub fn passage_recall(&self) -> f64 {
        ratio(self.passages_found, self.passages)
    }

    /// The figures in one line.
    pub fn line(&self) -> String {
        format!(
            "discrepancies {} (true {}, known false {}, unmatched {}): precision {:.2}, conflict recall {}/{} = {:.2} | to review {} (true {}): precision {:.2}, conflicts found only there {} | agreement recall {}/{} = {:.2} (agreements {}, touching gold {:.2}) | passage recall {}/{} = {:.2}",
            self.reported,
            self.true_positives,
            self.known_false,
            self.unmatched,
            self.precision(),
            self.conflicts_found,
            self.conflicts,
            self.recall(),
            self.review_reported,
            self.review_true,
            self.review_precision(),
            self.review_conflicts_found,
            self.agree_found,
            self.agree,
            self.agreement_recall(),
            self.agreements,
            self.agreement_precision(),
            self.passages_found,
            self.passages,
            self.passage_recall(),
        )
    }
}

/// The source id of a report as a file stem.
fn stem(id: &str) -> &str {
    let base = id.rsplit('/').next().unwrap_or(id);
    base.rsplit_once('.').map_or(base, |(s, _)| s)
}

/// The gold facts a finding touches in two files or more.
fn touched(f: &FindingView, spans: &Spans) -> Vec<usize> {
    let mut files: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    for v in &f.values {
        let file = stem(&v.source);
        for k in facts_at(spans, file, v.start, v.end) {
            files.entry(k).or_default().insert(file.to_string());
        }
    }
    files
        .into_iter()
        .filter(|(_, f)| f.len() >= 2)
        .map(|(k, _)| k)
        .collect()
}

/// What one finding was, for the list of errors.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Touches a gold conflict.
    True,
    /// Touches only facts the gold calls consistent.
    KnownFalse,
    /// Touches no gold fact.
    Unmatched,
}

/// Classifies a discrepancy-like finding.
pub fn outcome(gold: &Gold, spans: &Spans, f: &FindingView) -> (Outcome, Vec<usize>) {
    let facts = touched(f, spans);
    let conflict = facts.iter().any(|&k| gold.facts[k].verdict == "conflict");
    let o = if conflict {
        Outcome::True
    } else if facts.is_empty() {
        Outcome::Unmatched
    } else {
        Outcome::KnownFalse
    };
    (o, facts)
}

fn covers(p: &PassageView, r: &super::gold::Reused, texts: &BTreeMap<String, String>) -> bool {
    let Some(first) = r.files.first() else {
        return false;
    };
    let loc = texts.get(first).and_then(|t| t.find(&r.phrase));
    let mut cover: BTreeSet<&str> = BTreeSet::new();
    for o in &p.occurrences {
        let st = stem(&o.source);
        if st == first.as_str() {
            if let Some(loc) = loc
                && o.start <= loc + 5
                && loc + r.phrase.len() <= o.end + 5
            {
                cover.insert(st);
            }
        } else if r.files.iter().any(|f| f == st) {
            cover.insert(st);
        }
    }
    cover.contains(first.as_str()) && cover.len() >= 2
}

/// Scores one cluster's report.
pub fn score(
    gold: &Gold,
    spans: &Spans,
    texts: &BTreeMap<String, String>,
    view: &ReportView,
) -> Score {
    let mut s = Score::default();
    let mut found: BTreeSet<usize> = BTreeSet::new();
    for d in &view.discrepancies {
        s.reported += 1;
        let (o, facts) = outcome(gold, spans, d);
        match o {
            Outcome::True => {
                s.true_positives += 1;
                found.extend(
                    facts
                        .into_iter()
                        .filter(|&k| gold.facts[k].verdict == "conflict"),
                );
            }
            Outcome::KnownFalse => s.known_false += 1,
            Outcome::Unmatched => s.unmatched += 1,
        }
    }
    let mut review_found: BTreeSet<usize> = BTreeSet::new();
    for d in &view.to_review {
        s.review_reported += 1;
        let (o, facts) = outcome(gold, spans, d);
        if o == Outcome::True {
            s.review_true += 1;
            review_found.extend(
                facts
                    .into_iter()
                    .filter(|&k| gold.facts[k].verdict == "conflict"),
            );
        }
    }
    let mut agreed: BTreeSet<usize> = BTreeSet::new();
    for a in &view.agreements {
        s.agreements += 1;
        let facts = touched(a, spans);
        if !facts.is_empty() {
            s.agreements_touching += 1;
        }
        agreed.extend(facts.into_iter().filter(|&k| {
            matches!(
                gold.facts[k].verdict.as_str(),
                "agree" | "consistent-after-normalization"
            )
        }));
    }
    for (k, fact) in gold.facts.iter().enumerate() {
        match fact.verdict.as_str() {
            "conflict" => {
                s.conflicts += 1;
                if found.contains(&k) {
                    s.conflicts_found += 1;
                } else if review_found.contains(&k) {
                    s.review_conflicts_found += 1;
                }
            }
            "agree" => {
                s.agree += 1;
                if agreed.contains(&k) {
                    s.agree_found += 1;
                }
            }
            _ => {}
        }
    }
    for r in &gold.reused_passages {
        s.passages += 1;
        if view.passages.iter().any(|p| covers(p, r, texts)) {
            s.passages_found += 1;
        }
    }
    s
}

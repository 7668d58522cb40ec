//! Which period each source is about, so that sources written a year apart are not
//! compared as if they described the same moment.
//!
//! A source's anchor is its publication date when known; otherwise the latest
//! day- or month-grain date its article text states (it was published no earlier),
//! and otherwise nothing. Dated sources are clustered into periods: sorted by date,
//! a new period starts wherever two consecutive dates are more than
//! `period_gap_days` apart. The period with most sources is the reference. A source
//! whose anchor falls in another period gets a [`PeriodWarning`], and its figures
//! are paired with the reference sources' only on very strong evidence (dated
//! sources) or only where their values agree (a period read from the text).

use chrono::NaiveDate;
use serde::Serialize;

use super::CompareOptions;
use crate::document::Document;
use crate::figure::{Figure, FigureKind, Grain, Value};

/// A source that seems to be about a different period than the rest of the corpus.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeriodWarning {
    /// Source id.
    pub source: String,
    /// Source index in the corpus.
    pub source_index: usize,
    /// The source's period as far as known ("published 2021-04-02", "2021-03-30 or
    /// later").
    pub period: String,
    /// The reference period of the corpus ("2020-03-01 to 2020-03-05").
    pub reference: String,
    /// A sentence for the report.
    pub message: String,
}

/// What is known about when a source was written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Its publication date.
    Published(NaiveDate),
    /// The latest date its text states: it was published then or later.
    NotBefore(NaiveDate),
    /// Nothing.
    Unknown,
}

/// The periods of a corpus.
#[derive(Debug, Clone)]
pub struct Periods {
    anchors: Vec<Anchor>,
    /// Period id of each source; `reference` for sources of unknown date.
    cluster: Vec<usize>,
    reference: usize,
    /// First and last anchor date of each period.
    bounds: Vec<(NaiveDate, NaiveDate)>,
}

impl Periods {
    /// Finds each source's anchor and period.
    pub fn build(docs: &[Document<'_>], figures: &[Figure], opts: &CompareOptions) -> Periods {
        let mut latest: Vec<Option<NaiveDate>> = vec![None; docs.len()];
        for f in figures {
            if let Some(d) = stated_date(f, docs) {
                let slot = &mut latest[f.source];
                *slot = Some(slot.map_or(d, |l| l.max(d)));
            }
        }
        let anchors: Vec<Anchor> = docs
            .iter()
            .zip(&latest)
            .map(|(doc, l)| match (doc.source.published, l) {
                (Some(p), _) => Anchor::Published(p),
                (None, Some(d)) => Anchor::NotBefore(*d),
                (None, None) => Anchor::Unknown,
            })
            .collect();
        Self::from_anchors(anchors, opts.period_gap_days)
    }

    /// Clusters given anchors into periods.
    pub fn from_anchors(anchors: Vec<Anchor>, gap_days: i64) -> Periods {
        let mut dated: Vec<NaiveDate> = anchors
            .iter()
            .filter_map(|a| match a {
                Anchor::Published(d) => Some(*d),
                _ => None,
            })
            .collect();
        if dated.is_empty() {
            dated = anchors
                .iter()
                .filter_map(|a| match a {
                    Anchor::NotBefore(d) => Some(*d),
                    _ => None,
                })
                .collect();
        }
        dated.sort_unstable();
        let mut bounds: Vec<(NaiveDate, NaiveDate)> = Vec::new();
        let mut sizes: Vec<usize> = Vec::new();
        for d in dated {
            match bounds.last_mut() {
                Some(b) if (d - b.1).num_days() <= gap_days => {
                    b.1 = d;
                    *sizes.last_mut().expect("sizes parallel bounds") += 1;
                }
                _ => {
                    bounds.push((d, d));
                    sizes.push(1);
                }
            }
        }
        // The largest period is the reference; among equals, the earliest.
        let reference = sizes
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))
            .map_or(0, |(i, _)| i);
        let mut periods = Periods {
            cluster: Vec::with_capacity(anchors.len()),
            anchors,
            reference,
            bounds,
        };
        let anchors = periods.anchors.clone();
        let clusters: Vec<usize> = anchors
            .iter()
            .map(|a| periods.assign(*a, gap_days))
            .collect();
        periods.cluster = clusters;
        periods
    }

    /// The period of one anchor: the period holding a publication date; for a
    /// lower bound, the first period it does not rule out (a new one when it is
    /// later than all of them).
    fn assign(&mut self, anchor: Anchor, gap_days: i64) -> usize {
        match anchor {
            Anchor::Unknown => self.reference,
            Anchor::Published(d) => self
                .bounds
                .iter()
                .position(|b| b.0 <= d && d <= b.1)
                .unwrap_or(self.reference),
            Anchor::NotBefore(d) => {
                let fits = |b: &(NaiveDate, NaiveDate)| (d - b.1).num_days() <= gap_days;
                if self.bounds.get(self.reference).is_some_and(fits) {
                    return self.reference;
                }
                if let Some(i) = self.bounds.iter().position(fits) {
                    return i;
                }
                self.bounds.push((d, d));
                self.bounds.len() - 1
            }
        }
    }

    /// True when figures of the two sources may be compared as usual.
    pub fn same_period(&self, a: usize, b: usize) -> bool {
        self.cluster.get(a) == self.cluster.get(b)
    }

    /// True when source `a` was certainly published before source `b` (by at least
    /// a day).
    pub fn published_before(&self, a: usize, b: usize) -> bool {
        let latest_a = match self.anchors.get(a) {
            Some(Anchor::Published(d)) => *d,
            _ => return false,
        };
        match self.anchors.get(b) {
            Some(Anchor::Published(d)) | Some(Anchor::NotBefore(d)) => latest_a < *d,
            _ => false,
        }
    }

    /// The period id of a source (sources of unknown date are in the reference
    /// period).
    pub fn period(&self, source: usize) -> usize {
        self.cluster.get(source).copied().unwrap_or(self.reference)
    }

    /// The latest publication date of the sources, or `None` when one of them has
    /// no publication date.
    pub fn latest_publication(&self, sources: &[usize]) -> Option<NaiveDate> {
        sources
            .iter()
            .map(|&s| match self.anchor(s) {
                Anchor::Published(d) => Some(d),
                _ => None,
            })
            .try_fold(NaiveDate::MIN, |acc, d| d.map(|d| acc.max(d)))
    }

    /// The earliest date each source is known to be published on or after, or
    /// `None` when one of them has no date at all.
    pub fn earliest_anchor(&self, sources: &[usize]) -> Option<NaiveDate> {
        sources
            .iter()
            .map(|&s| match self.anchor(s) {
                Anchor::Published(d) | Anchor::NotBefore(d) => Some(d),
                Anchor::Unknown => None,
            })
            .try_fold(NaiveDate::MAX, |acc, d| d.map(|d| acc.min(d)))
    }

    /// The anchor of a source.
    pub fn anchor(&self, source: usize) -> Anchor {
        self.anchors.get(source).copied().unwrap_or(Anchor::Unknown)
    }

    /// A warning for every source outside the reference period, in source order.
    pub fn warnings(&self, docs: &[Document<'_>]) -> Vec<PeriodWarning> {
        let Some(reference) = self.bounds.get(self.reference) else {
            return Vec::new();
        };
        let reference_text = if reference.0 == reference.1 {
            reference.0.to_string()
        } else {
            format!("{} to {}", reference.0, reference.1)
        };
        let mut out = Vec::new();
        for (i, doc) in docs.iter().enumerate() {
            if self.cluster.get(i) == Some(&self.reference) {
                continue;
            }
            let (period, how, rule) = match self.anchor(i) {
                Anchor::Published(d) => (
                    format!("published {d}"),
                    format!("was published {d}"),
                    "its figures are compared with theirs only in reused sentences",
                ),
                Anchor::NotBefore(d) => (
                    format!("{d} or later"),
                    format!("has no publication date but its text states {d}"),
                    "its figures may agree with theirs, but a different value is never \
                     taken for a discrepancy",
                ),
                Anchor::Unknown => continue,
            };
            out.push(PeriodWarning {
                source: doc.source.id.clone(),
                source_index: i,
                message: format!(
                    "{} {how}, while most sources date from {reference_text}: it may be about \
                     a different period, so {rule}",
                    doc.source.id
                ),
                period,
                reference: reference_text.clone(),
            });
        }
        out
    }
}

/// A date the article text of its source states, as written (not derived, not
/// relative to an unknown date, not the publication line, not in boilerplate), at
/// day or month grain: evidence of when the source was written.
fn stated_date(f: &Figure, docs: &[Document<'_>]) -> Option<NaiveDate> {
    if f.kind != FigureKind::Date || f.derivation.is_some() {
        return None;
    }
    let Value::Date { date, grain } = f.value else {
        return None;
    };
    if grain == Grain::Year {
        return None;
    }
    let doc = docs.get(f.source)?;
    if doc.sentences.get(f.sentence)?.boilerplate {
        return None;
    }
    if let Some((s, e)) = doc.source.published_span
        && f.start < e
        && f.end > s
    {
        return None;
    }
    Some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn a_source_a_year_later_is_its_own_period() {
        let p = Periods::from_anchors(
            vec![
                Anchor::Published(d(2019, 3, 4)),
                Anchor::Published(d(2019, 3, 6)),
                Anchor::NotBefore(d(2018, 11, 1)),
                Anchor::NotBefore(d(2020, 2, 1)),
                Anchor::Unknown,
            ],
            180,
        );
        assert!(p.same_period(0, 1));
        assert!(
            p.same_period(0, 2),
            "an earlier lower bound does not rule the period out"
        );
        assert!(
            p.same_period(0, 4),
            "unknown dates are not held against a source"
        );
        assert!(!p.same_period(0, 3));
        assert!(!p.same_period(4, 3));
        assert!(p.published_before(0, 1));
        assert!(!p.published_before(1, 0));
        assert!(p.published_before(1, 3));
        assert!(!p.published_before(0, 4));
    }

    #[test]
    fn the_largest_period_is_the_reference() {
        let p = Periods::from_anchors(
            vec![
                Anchor::Published(d(2010, 1, 1)),
                Anchor::Published(d(2012, 5, 1)),
                Anchor::Published(d(2012, 5, 3)),
            ],
            180,
        );
        assert!(p.same_period(1, 2));
        assert!(!p.same_period(0, 1));
        assert_eq!(p.cluster[1], p.reference);
    }
}

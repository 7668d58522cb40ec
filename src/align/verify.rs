//! Verification: a candidate pair of sentences is reuse when its similarity reaches
//! the threshold with enough of its content words shared, or when they share a long
//! run of words with enough content words (a clause copied into a sentence that
//! otherwise differs), unless both name people or places and share none of those
//! names (see `names`). Only candidates are ever scored, never all pairs.

use rayon::prelude::*;

use super::candidates::Candidate;
use super::names;
use super::similarity::{Measure, common_keys, score_with_content};
use super::units::{Units, is_weak};

/// When partial reuse counts: a shared run of at least `words` words holding at least
/// `content` words that are not stop words or figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PartialRule {
    pub(crate) words: usize,
    pub(crate) content: usize,
}

/// A verified pair of units with its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Verified {
    /// The earlier unit.
    pub(crate) a: u32,
    /// The later unit.
    pub(crate) b: u32,
    /// Similarity under the measure used.
    pub(crate) similarity: f64,
}

/// What makes a candidate pair reuse.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rules {
    /// The similarity measure. It must score at most the Dice share of the words the
    /// two have in common (all measures on keys do), which lets most candidates be
    /// rejected without scoring them.
    pub(crate) measure: Measure,
    /// Pairs scoring at least this are reuse ...
    pub(crate) threshold: f64,
    /// ... when their content similarity also reaches this.
    pub(crate) min_content: f64,
    /// Pairs sharing a long run are reuse, whatever their similarity.
    pub(crate) partial: Option<PartialRule>,
    /// Pairs that name only other people or places than each other are never reuse.
    pub(crate) other_names: bool,
}

/// Scores every candidate and keeps those that are reuse under `rules`, in input
/// order.
pub(crate) fn verify(units: &Units, candidates: &[Candidate], rules: &Rules) -> Vec<Verified> {
    candidates
        .par_iter()
        .with_min_len(64)
        .filter_map(|c| verified(units, c, rules))
        .collect()
}

/// The candidate, scored, when it is reuse.
fn verified(units: &Units, c: &Candidate, rules: &Rules) -> Option<Verified> {
    let (ka, kb) = (units.keys_of(c.a as usize), units.keys_of(c.b as usize));
    // No measure counts more shared words than the two have in common.
    let common = common_keys(ka, kb);
    let bound = 2.0 * common as f64 / (ka.len() + kb.len()).max(1) as f64;
    let partial = rules.partial;
    if bound < rules.threshold && partial.is_none_or(|rule| common < rule.words) {
        return None;
    }
    if rules.other_names
        && names::other_names(units.names.of(c.a as usize), units.names.of(c.b as usize))
    {
        return None;
    }
    let (similarity, content) = score_with_content(rules.measure, ka, kb);
    let similar = similarity >= rules.threshold && content >= rules.min_content;
    let partial_reuse = || {
        partial.is_some_and(|rule| {
            let (len, content) = longest_common_run(ka, kb);
            len >= rule.words && content >= rule.content
        })
    };
    (similar || partial_reuse()).then_some(Verified {
        a: c.a,
        b: c.b,
        similarity,
    })
}

/// The longest run of equal keys in both sequences: (length, content words in it).
pub(crate) fn longest_common_run(a: &[u32], b: &[u32]) -> (usize, usize) {
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    let (mut best, mut end_a) = (0, 0);
    for (i, &x) in a.iter().enumerate() {
        for (j, &y) in b.iter().enumerate() {
            cur[j + 1] = if x == y { prev[j] + 1 } else { 0 };
            if cur[j + 1] > best {
                best = cur[j + 1];
                end_a = i + 1;
            }
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    let content = a[end_a - best..end_a]
        .iter()
        .filter(|&&k| !is_weak(k))
        .count();
    (best, content)
}

#[cfg(test)]
mod tests {
    use super::super::units::{index_u32, keys};
    use super::*;

    fn rules(partial: Option<PartialRule>) -> Rules {
        Rules {
            measure: Measure::Tiling,
            threshold: 0.6,
            min_content: 0.0,
            partial,
            other_names: true,
        }
    }

    #[test]
    fn keeps_reuse_and_drops_topical_pairs() {
        let sentences = [
            "Rescue teams pulled 43 survivors from the rubble of the market hall overnight.",
            "Overnight, rescue teams pulled 41 survivors from the rubble of the market hall.",
            "The market hall was built in 1904 and rescue teams knew it well.",
        ];
        let mut units = Units::default();
        units.offsets.push(0);
        for (i, s) in sentences.iter().enumerate() {
            units.doc.push(index_u32(i));
            units.sentence.push(0);
            units.keys.extend(keys(s, 0..s.len()));
            units.offsets.push(index_u32(units.keys.len()));
        }
        let cands = [
            Candidate {
                a: 0,
                b: 1,
                shared: 5,
            },
            Candidate {
                a: 0,
                b: 2,
                shared: 2,
            },
        ];
        let v = verify(&units, &cands, &rules(None));
        assert_eq!(v.len(), 1);
        assert_eq!((v[0].a, v[0].b), (0, 1));
        assert!(v[0].similarity > 0.9);
    }

    #[test]
    fn a_long_shared_clause_is_partial_reuse_and_a_stock_phrase_is_not() {
        let sentences = [
            "Though the council had long said the bridge must close, the mayor allowed \
             for the chance that the old bridge might stay open to buses until spring.",
            "Officials of the harbour district confirmed at a briefing on Monday evening \
             that the mayor allowed for the chance that the old bridge might stay open to \
             buses until spring.",
            "The official spoke on condition of anonymity because he was not authorized to \
             speak to the press about the bridge.",
            "A driver said on condition of anonymity because he was not authorized to speak \
             that the buses were late.",
        ];
        let mut units = Units::default();
        units.offsets.push(0);
        for (i, s) in sentences.iter().enumerate() {
            units.doc.push(index_u32(i));
            units.sentence.push(0);
            units.keys.extend(keys(s, 0..s.len()));
            units.offsets.push(index_u32(units.keys.len()));
        }
        let cands = [
            Candidate {
                a: 0,
                b: 1,
                shared: 12,
            },
            Candidate {
                a: 2,
                b: 3,
                shared: 9,
            },
        ];
        let rule = PartialRule {
            words: 10,
            content: 6,
        };
        assert!(verify(&units, &cands[..1], &rules(None)).is_empty());
        let v = verify(&units, &cands, &rules(Some(rule)));
        assert_eq!(
            v.iter().map(|v| (v.a, v.b)).collect::<Vec<_>>(),
            vec![(0, 1)]
        );
    }
}

//! The same quotation across sources.
//!
//! Outlets quote different stretches of the same words: one prints a whole statement,
//! another a clause of it. Quotations of different sources that share shingles are
//! compared word by word; where they share a run of words (small gaps allowed) that
//! covers most of the shorter quotation, or at least [`MIN_LONG_RUN`] words, the shared
//! stretch of each is one occurrence of the same quote. Stretches of one source that
//! overlap are merged, and linked stretches form one quote.

use std::ops::Range;

use rayon::prelude::*;
use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::align::candidates::{CandidateParams, candidates};
use crate::align::merge::{Piece, cluster, merge_pieces};
use crate::align::names::{DocNames, other_names_in};
use crate::align::similarity::common_keys;
use crate::align::units::{Units, index_u32, is_weak, key_of};
use crate::text::{self, Token};

/// Fewest shared words for two quotations to be the same quote.
const MIN_SHARED_WORDS: usize = 3;
/// A shared run this long links two quotations even when both are much longer.
const MIN_LONG_RUN: usize = 8;
/// Share of the shorter quotation that a shorter shared run must cover.
const MIN_COVER: f64 = 0.6;
/// Share of matched words inside the shared stretch, on each side.
const MIN_DENSITY: f64 = 0.75;
/// Share of the content words of the shared stretch, on each side, that it matches.
const MIN_CONTENT_SHARE: f64 = 0.6;
/// Largest gap (in words, on either side) inside a shared stretch.
const MAX_GAP_WORDS: usize = 3;

/// The names among the words of one quotation: (word number, key, folded text).
/// Finding them reads the whole document ([`DocNames`]); the words themselves
/// only the quotation.
pub(crate) type QuoteNames = Vec<(usize, u32, String)>;

/// The words of one quotation with their keys.
#[derive(Debug, Clone)]
pub(crate) struct QuoteWords {
    /// Document position.
    pub(crate) doc: usize,
    /// Word and figure tokens of all segments.
    pub(crate) tokens: Vec<Token>,
    /// Their comparison keys.
    pub(crate) keys: Vec<u32>,
    /// The names among them: (word number, key, folded text).
    names: QuoteNames,
}

impl QuoteWords {
    /// Reads the words of the given segments of `text`, with the names among
    /// them found before (by [`QuoteWords::names_of`] on the same segments).
    pub(crate) fn with_names(
        doc: usize,
        text: &str,
        segments: &[Range<usize>],
        names: QuoteNames,
    ) -> QuoteWords {
        let mut words = QuoteWords::read(doc, text, segments, None);
        words.names = names;
        words
    }

    /// The names among the words of the given segments of `text`: `names` tells
    /// which words are names in their document.
    pub(crate) fn names_of(text: &str, segments: &[Range<usize>], names: &DocNames) -> QuoteNames {
        QuoteWords::read(0, text, segments, Some(names)).names
    }

    /// The words of the segments, and their names when `names` is given.
    fn read(
        doc: usize,
        text: &str,
        segments: &[Range<usize>],
        names: Option<&DocNames>,
    ) -> QuoteWords {
        let all: Vec<Token> = segments
            .iter()
            .flat_map(|s| text::tokenize(text, s.clone()))
            .collect();
        let mut words = QuoteWords {
            doc,
            tokens: Vec::new(),
            keys: Vec::new(),
            names: Vec::new(),
        };
        for (i, t) in all.iter().enumerate() {
            let Some(key) = key_of(t.kind, t.text(text)) else {
                continue;
            };
            if let Some(name) = names.and_then(|n| n.name(text, &all, i, key)) {
                words.names.push((words.keys.len(), key, name));
            }
            words.tokens.push(*t);
            words.keys.push(key);
        }
        words
    }

    /// The names among words `r`.
    fn names_in(&self, r: &Range<usize>) -> Vec<(u32, &str)> {
        self.names
            .iter()
            .filter(|n| r.contains(&n.0))
            .map(|n| (n.1, n.2.as_str()))
            .collect()
    }
}

/// A shared stretch: token ranges in both quotations, the number of equal words, and
/// how many of those are content words (not stop words or figures).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Shared {
    pub(crate) a: Range<usize>,
    pub(crate) b: Range<usize>,
    pub(crate) matched: usize,
    pub(crate) matched_content: usize,
}

/// The longest stretch of `a` and `b` made of equal runs with small gaps.
pub(crate) fn shared_stretch(a: &[u32], b: &[u32]) -> Option<Shared> {
    if a == b && !a.is_empty() {
        // The same words: one equal run.
        return Some(Shared {
            a: 0..a.len(),
            b: 0..b.len(),
            matched: a.len(),
            matched_content: a.iter().filter(|&&k| !is_weak(k)).count(),
        });
    }
    let ops = capture_diff_slices(Algorithm::Myers, a, b);
    let mut best: Option<Shared> = None;
    let mut cur: Option<Shared> = None;
    let close = |cur: &mut Option<Shared>, best: &mut Option<Shared>| {
        if let Some(c) = cur.take()
            && best.as_ref().is_none_or(|b| c.matched > b.matched)
        {
            *best = Some(c);
        }
    };
    for op in ops {
        let (ra, rb) = (op.old_range(), op.new_range());
        match op {
            DiffOp::Equal { .. } => {
                let content = a[ra.clone()].iter().filter(|&&k| !is_weak(k)).count();
                match cur.as_mut() {
                    Some(c) => {
                        c.a.end = ra.end;
                        c.b.end = rb.end;
                        c.matched += ra.len();
                        c.matched_content += content;
                    }
                    None => {
                        cur = Some(Shared {
                            a: ra.clone(),
                            b: rb.clone(),
                            matched: ra.len(),
                            matched_content: content,
                        })
                    }
                }
            }
            _ if ra.len().max(rb.len()) <= MAX_GAP_WORDS => {}
            _ => close(&mut cur, &mut best),
        }
    }
    close(&mut cur, &mut best);
    best
}

/// True when a shared stretch makes two quotations (of keys `a` and `b`) the same
/// quote: enough words, matched densely, with most of the content words of the
/// stretch matched on each side (a template shares its function words).
pub(crate) fn is_same_quote(s: &Shared, a: &[u32], b: &[u32]) -> bool {
    let dense = |matched: usize, len: usize| matched as f64 >= MIN_DENSITY * len as f64;
    let content = |keys: &[u32]| keys.iter().filter(|&&k| !is_weak(k)).count();
    let content_dense = |len: usize| s.matched_content as f64 >= MIN_CONTENT_SHARE * len as f64;
    let shorter = a.len().min(b.len());
    s.matched >= MIN_SHARED_WORDS
        && dense(s.matched, s.a.len())
        && dense(s.matched, s.b.len())
        && content_dense(content(&a[s.a.clone()]))
        && content_dense(content(&b[s.b.clone()]))
        && (s.matched >= MIN_LONG_RUN || s.matched as f64 >= MIN_COVER * shorter as f64)
}

/// The shared stretch of two quotations when they are the same quote: see
/// [`is_same_quote`]; and the stretch must not name only other people or places on
/// both sides (the same template about others).
fn same_quote(wa: &QuoteWords, wb: &QuoteWords) -> Option<Shared> {
    // No stretch matches more words than the two have in common: most candidates
    // are rejected without a diff.
    let common = common_keys(&wa.keys, &wb.keys);
    let shorter = wa.keys.len().min(wb.keys.len());
    if common < MIN_SHARED_WORDS
        || (common < MIN_LONG_RUN && (common as f64) < MIN_COVER * shorter as f64)
    {
        return None;
    }
    let s = shared_stretch(&wa.keys, &wb.keys)?;
    (is_same_quote(&s, &wa.keys, &wb.keys)
        && !other_names_in(&wa.names_in(&s.a), &wb.names_in(&s.b)))
    .then_some(s)
}

/// One group: the quotations it covers, as (quotation index, byte range).
pub(crate) type Group = Vec<(usize, Range<usize>)>;

/// Groups quotations: linked stretches first (each group spans two sources or more),
/// then every quotation that shares nothing as a group of its own. `ranges[q]` is
/// the whole quoted range of quotation `q`.
pub(crate) fn group(words: &[QuoteWords], ranges: &[Range<usize>]) -> Vec<Group> {
    let mut units = Units::default();
    units.offsets.push(0);
    let mut order: Vec<usize> = (0..words.len()).collect();
    order.sort_by_key(|&q| (words[q].doc, q));
    for &q in &order {
        units.doc.push(index_u32(words[q].doc));
        units.sentence.push(index_u32(q));
        units.keys.extend_from_slice(&words[q].keys);
        units.offsets.push(index_u32(units.keys.len()));
    }
    let params = CandidateParams {
        shingle_size: 3,
        all_pairs_df: 100,
        window: 32,
        max_df: 20_000,
        min_shared: 1,
        min_ratio: 0.25,
    };
    let (cands, _) = candidates(&units, &params, |_, _| true);
    let links: Vec<(Piece, Piece, usize, usize)> = cands
        .par_iter()
        .filter_map(|c| {
            let qa = units.sentence[c.a as usize] as usize;
            let qb = units.sentence[c.b as usize] as usize;
            let (wa, wb) = (&words[qa], &words[qb]);
            let s = same_quote(wa, wb)?;
            Some((piece(wa, &s.a), piece(wb, &s.b), qa, qb))
        })
        .collect();
    let pairs: Vec<(Piece, Piece)> = links.iter().map(|l| (l.0, l.1)).collect();
    let mut linked = vec![false; words.len()];
    let mut out: Vec<Group> = Vec::new();
    for members in cluster(&pairs) {
        let pieces: Vec<Piece> = members
            .iter()
            .flat_map(|&m| [pairs[m].0, pairs[m].1])
            .collect();
        // The quotations of the cluster by (document, start): a document's
        // quotations do not overlap, so a piece lies in the last one starting at or
        // before it, if in any.
        let mut quotes_of: Vec<(usize, usize, usize)> = members
            .iter()
            .flat_map(|&m| [links[m].2, links[m].3])
            .map(|q| (words[q].doc, ranges[q].start, q))
            .collect();
        quotes_of.sort_unstable();
        quotes_of.dedup();
        let mut group: Group = Vec::new();
        for p in merge_pieces(pieces) {
            let after = quotes_of.partition_point(|&(d, s, _)| (d, s) <= (p.doc, p.start));
            let owner = after
                .checked_sub(1)
                .map(|i| quotes_of[i])
                .filter(|&(d, _, q)| d == p.doc && p.start < ranges[q].end)
                .map(|(_, _, q)| q);
            if let Some(q) = owner {
                linked[q] = true;
                group.push((q, p.start..p.end));
            }
        }
        let sources = {
            let mut d: Vec<usize> = group.iter().map(|(q, _)| words[*q].doc).collect();
            d.sort_unstable();
            d.dedup();
            d.len()
        };
        if sources >= 2 {
            out.push(group);
        }
    }
    for (q, r) in ranges.iter().enumerate() {
        if !linked[q] {
            out.push(vec![(q, r.clone())]);
        }
    }
    out
}

/// The byte span of a token range of a quotation.
fn piece(w: &QuoteWords, r: &Range<usize>) -> Piece {
    let (first, last) = (&w.tokens[r.start], &w.tokens[r.end - 1]);
    Piece {
        doc: w.doc,
        start: first.start,
        end: last.end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::units::keys;

    fn k(s: &str) -> Vec<u32> {
        keys(s, 0..s.len())
    }

    #[test]
    fn a_clause_quoted_from_a_longer_statement_is_the_same_quote() {
        let long = k(
            "The minister said the port would reopen and stressed that talks with the unions must go on in parallel with repairs",
        );
        let short = k("talks with the unions must go on in parallel with repairs");
        let s = shared_stretch(&long, &short).expect("shared");
        assert_eq!(s.matched, short.len());
        assert!(is_same_quote(&s, &long, &short));
    }

    #[test]
    fn a_common_phrase_in_two_long_quotations_is_not_the_same_quote() {
        let a = k(
            "We have always said that the port is open and in the short term nothing will change for the fishing fleet",
        );
        let b = k(
            "Ferry prices will fall in the short term but the company expects higher costs next winter for everyone",
        );
        let same = shared_stretch(&a, &b).is_some_and(|s| is_same_quote(&s, &a, &b));
        assert!(!same);
    }

    #[test]
    fn a_template_sharing_its_function_words_is_not_the_same_quote() {
        let a =
            k("It is worth noting that the ferry strike has come to the brink of total collapse");
        let b =
            k("It is worth noting that the bakery contest has come to the stage of final tasting");
        let s = shared_stretch(&a, &b).expect("shared");
        // Eleven words match, densely, but half the content words of the stretch differ.
        assert_eq!(s.matched, 11);
        assert!(!is_same_quote(&s, &a, &b));
    }

    #[test]
    fn a_lightly_edited_quotation_is_the_same_quote() {
        let a = k("The two points of view are close on most of the questions we discussed");
        let b = k("the two points of view are close on most questions we discussed today");
        let s = shared_stretch(&a, &b).expect("shared");
        assert!(is_same_quote(&s, &a, &b));
    }
}

//! Merging: aligned sentence pairs into passages.
//!
//! Within one pair of documents, aligned sentences that sit close together on both
//! sides (at most `max_gap` unaligned sentences between them, in any order) form one
//! run: a passage copied across paragraphs, with sentences split, merged, cut or
//! swapped, stays one passage. A run never mixes voices (reporting, or the quotation
//! of one speaker), so a reprinted quotation stays apart from the reporting around it
//! and from the next speaker's quotation.
//!
//! Runs from different document pairs that cover the same text of a document (half of
//! the shorter span or more) are then joined, so that agency copy printed by three
//! outlets is one passage with three occurrences rather than three pairs.

use std::ops::Range;

/// Largest number of unaligned sentences a run may step over on either side, at
/// first; runs that turn out too loose are split with a gap of zero.
pub(crate) const MAX_GAP: usize = 2;

/// One aligned sentence pair, by document position and sentence index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Link {
    /// Document position of the first sentence (the smaller one).
    pub(crate) doc_a: usize,
    /// Sentence index in that document.
    pub(crate) sent_a: usize,
    /// Document position of the second sentence.
    pub(crate) doc_b: usize,
    /// Sentence index in that document.
    pub(crate) sent_b: usize,
    /// Who speaks in the two sentences: 0 for reporting, otherwise an id of the
    /// quoted speaker(s). Only links with the same voice merge.
    pub(crate) voice: u64,
}

/// Aligned sentences of one document pair that belong together.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Run {
    /// Document position of the first side.
    pub(crate) doc_a: usize,
    /// First and last aligned sentence on the first side.
    pub(crate) sents_a: Range<usize>,
    /// Document position of the second side.
    pub(crate) doc_b: usize,
    /// First and last aligned sentence on the second side (end exclusive).
    pub(crate) sents_b: Range<usize>,
    /// The links of the run, sorted.
    pub(crate) links: Vec<Link>,
}

/// A small union-find over indices.
pub(crate) struct UnionFind(Vec<usize>);

impl UnionFind {
    /// `n` singletons.
    pub(crate) fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }

    /// The representative of `x`'s set.
    pub(crate) fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    /// Joins the sets of `a` and `b`; the smaller index becomes the representative,
    /// which keeps results independent of the order of calls.
    pub(crate) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = (ra.min(rb), ra.max(rb));
            self.0[hi] = lo;
        }
    }

    /// All sets: members sorted, sets ordered by their first member.
    pub(crate) fn groups(&mut self) -> Vec<Vec<usize>> {
        let n = self.0.len();
        let mut by_root: Vec<Vec<usize>> = vec![Vec::new(); n];
        for i in 0..n {
            let r = self.find(i);
            by_root[r].push(i);
        }
        by_root.into_iter().filter(|g| !g.is_empty()).collect()
    }
}

/// Groups links into runs, stepping over at most `max_gap` unaligned sentences.
/// `links` may come in any order.
pub(crate) fn runs(mut links: Vec<Link>, max_gap: usize) -> Vec<Run> {
    links.sort_by_key(|l| (l.doc_a, l.doc_b, l.sent_a, l.sent_b));
    let mut out = Vec::new();
    let mut start = 0;
    while start < links.len() {
        let pair = (links[start].doc_a, links[start].doc_b);
        let mut end = start + 1;
        while end < links.len() && (links[end].doc_a, links[end].doc_b) == pair {
            end += 1;
        }
        out.extend(runs_of_pair(&links[start..end], max_gap));
        start = end;
    }
    out
}

/// Runs of one document pair; `links` sorted by `(sent_a, sent_b)`.
fn runs_of_pair(links: &[Link], max_gap: usize) -> Vec<Run> {
    let mut uf = UnionFind::new(links.len());
    for (i, p) in links.iter().enumerate() {
        for (j, q) in links.iter().enumerate().skip(i + 1) {
            if q.sent_a > p.sent_a + max_gap + 1 {
                break;
            }
            if close(p, q, max_gap) && q.voice == p.voice && !other_voice_between(links, p, q) {
                uf.union(i, j);
            }
        }
    }
    uf.groups()
        .into_iter()
        .map(|members| {
            let first = links[members[0]];
            let (mut a, mut b) = (
                first.sent_a..first.sent_a + 1,
                first.sent_b..first.sent_b + 1,
            );
            for &m in &members {
                let l = links[m];
                a = a.start.min(l.sent_a)..a.end.max(l.sent_a + 1);
                b = b.start.min(l.sent_b)..b.end.max(l.sent_b + 1);
            }
            Run {
                doc_a: first.doc_a,
                sents_a: a,
                doc_b: first.doc_b,
                sents_b: b,
                links: members.iter().map(|&m| links[m]).collect(),
            }
        })
        .collect()
}

/// True when two links are close enough to be one passage: unaligned sentences
/// between them on one side only (an outlet added or cut up to `max_gap` sentences),
/// or at most one on each side (one sentence rewritten).
fn close(p: &Link, q: &Link, max_gap: usize) -> bool {
    let gap_a = q.sent_a.abs_diff(p.sent_a).saturating_sub(1);
    let gap_b = q.sent_b.abs_diff(p.sent_b).saturating_sub(1);
    (gap_a.min(gap_b) == 0 && gap_a.max(gap_b) <= max_gap)
        || (gap_a <= 1 && gap_b <= 1 && max_gap > 0)
}

/// True when a link of another voice lies between `p` and `q` on either side: a run
/// never steps over a sentence aligned as something else.
fn other_voice_between(links: &[Link], p: &Link, q: &Link) -> bool {
    let between = |x: usize, a: usize, b: usize| a.min(b) < x && x < a.max(b);
    links.iter().any(|r| {
        r.voice != p.voice
            && (between(r.sent_a, p.sent_a, q.sent_a) || between(r.sent_b, p.sent_b, q.sent_b))
    })
}

/// A span of one document that some pair passage covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Piece {
    /// Document position.
    pub(crate) doc: usize,
    /// Start byte offset.
    pub(crate) start: usize,
    /// End byte offset.
    pub(crate) end: usize,
}

/// True when two spans of the same document overlap by at least half of the shorter.
fn overlaps_mostly(a: &Piece, b: &Piece) -> bool {
    let common = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let shorter = (a.end - a.start).min(b.end - b.start);
    a.doc == b.doc && shorter > 0 && common * 2 >= shorter
}

/// Clusters pair passages (each given as its two pieces) that share text: returns
/// groups of pair indices, each sorted, groups ordered by their first pair.
pub(crate) fn cluster(pairs: &[(Piece, Piece)]) -> Vec<Vec<usize>> {
    let mut pieces: Vec<(Piece, usize)> = pairs
        .iter()
        .enumerate()
        .flat_map(|(i, (a, b))| [(*a, i), (*b, i)])
        .collect();
    pieces.sort();
    let mut uf = UnionFind::new(pairs.len());
    for (i, (p, pi)) in pieces.iter().enumerate() {
        for (q, qi) in &pieces[i + 1..] {
            if q.doc != p.doc || q.start >= p.end {
                break;
            }
            if overlaps_mostly(p, q) {
                uf.union(*pi, *qi);
            }
        }
    }
    uf.groups()
}

/// Merges overlapping spans of the same document: sorted, disjoint.
pub(crate) fn merge_pieces(mut pieces: Vec<Piece>) -> Vec<Piece> {
    pieces.sort();
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    for p in pieces {
        match out.last_mut() {
            Some(last) if last.doc == p.doc && p.start < last.end => {
                last.end = last.end.max(p.end);
            }
            _ => out.push(p),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(sent_a: usize, sent_b: usize) -> Link {
        Link {
            doc_a: 0,
            sent_a,
            doc_b: 1,
            sent_b,
            voice: 0,
        }
    }

    #[test]
    fn consecutive_pairs_merge_and_distant_ones_do_not() {
        let r = runs(
            vec![link(2, 10), link(3, 11), link(5, 12), link(20, 30)],
            MAX_GAP,
        );
        assert_eq!(r.len(), 2);
        assert_eq!((r[0].sents_a.clone(), r[0].sents_b.clone()), (2..6, 10..13));
        assert_eq!(
            (r[1].sents_a.clone(), r[1].sents_b.clone()),
            (20..21, 30..31)
        );
    }

    #[test]
    fn different_sentences_on_both_sides_break_a_run() {
        // Two sentences on one side, one on the other, replaced: not one passage.
        assert_eq!(runs(vec![link(1, 5), link(3, 8)], MAX_GAP).len(), 2);
        // One sentence rewritten on each side: still one passage.
        assert_eq!(runs(vec![link(1, 5), link(3, 7)], MAX_GAP).len(), 1);
        // Two sentences added on one side only: still one passage.
        assert_eq!(runs(vec![link(1, 5), link(2, 8)], MAX_GAP).len(), 1);
    }

    #[test]
    fn swapped_and_split_sentences_stay_in_one_run() {
        // A's sentence 4 was split into B's 7 and 8; A's 5 and 6 were swapped.
        let r = runs(
            vec![link(4, 7), link(4, 8), link(5, 10), link(6, 9)],
            MAX_GAP,
        );
        assert_eq!(r.len(), 1);
        assert_eq!((r[0].sents_a.clone(), r[0].sents_b.clone()), (4..7, 7..11));
    }

    #[test]
    fn different_voices_do_not_merge() {
        let mut q = link(3, 3);
        q.voice = 7;
        let mut other = link(4, 4);
        other.voice = 9;
        assert_eq!(runs(vec![link(2, 2), q, other], MAX_GAP).len(), 3);
    }

    #[test]
    fn a_run_does_not_step_over_a_sentence_of_another_voice() {
        let mut quote = link(3, 3);
        quote.voice = 7;
        assert_eq!(runs(vec![link(2, 2), quote, link(4, 4)], MAX_GAP).len(), 3);
    }

    #[test]
    fn without_gaps_only_neighbours_merge() {
        assert_eq!(runs(vec![link(2, 2), link(4, 4)], 0).len(), 2);
        assert_eq!(runs(vec![link(2, 2), link(3, 3)], 0).len(), 1);
    }

    #[test]
    fn runs_of_different_document_pairs_stay_apart() {
        let mut other = link(3, 3);
        other.doc_b = 2;
        assert_eq!(runs(vec![link(2, 2), other], MAX_GAP).len(), 2);
    }

    fn piece(doc: usize, start: usize, end: usize) -> Piece {
        Piece { doc, start, end }
    }

    #[test]
    fn pair_passages_sharing_text_are_clustered() {
        let pairs = [
            (piece(0, 100, 200), piece(1, 0, 100)),
            (piece(0, 110, 190), piece(2, 50, 130)),
            (piece(1, 500, 600), piece(2, 900, 1000)),
            (piece(0, 195, 400), piece(3, 0, 200)),
        ];
        // Pairs 0 and 1 share most of document 0's span; pair 3 only touches it.
        assert_eq!(cluster(&pairs), vec![vec![0, 1], vec![2], vec![3]]);
    }

    #[test]
    fn overlapping_pieces_merge() {
        let merged = merge_pieces(vec![piece(0, 10, 20), piece(0, 15, 30), piece(1, 0, 5)]);
        assert_eq!(merged, vec![piece(0, 10, 30), piece(1, 0, 5)]);
    }
}

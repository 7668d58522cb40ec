//! Merging: passages of different pairs of documents that cover the same text of a
//! document (half of the shorter span or more) are joined, so that agency copy printed
//! by three outlets is one passage with three occurrences rather than three pairs.

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

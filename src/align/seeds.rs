//! Seeds: the places where two documents share a shingle (a run of `size` words), found
//! through one inverted index over the word streams of all documents.
//!
//! Every word position whose shingle holds a content word goes into one array of
//! (shingle hash, position), sorted once; shingles found in one document only can
//! link nothing and are dropped. Each document then reads, for every shingle it holds,
//! the positions that follow its own in the shingle's list, and keeps those in later
//! documents as seeds: no two documents are ever compared unless they share a
//! shingle, and every pair is met once, from its first document.
//!
//! The work per shingle is capped, never the text: a rare shingle (in at most
//! `all_pairs_df` positions) pairs each position with all later ones; a frequent one
//! with the next `window` only (sorted-neighbourhood blocking), and one found more
//! than `max_df` times with the next position only. A paragraph of wire copy that
//! hundreds of outlets reprint is then found as a chain of neighbouring copies, which
//! the passages step joins, and a file of text repeated thousands of times costs work
//! in proportion to its length. A frequent shingle pairs its window only where the
//! shingles on both sides of it are frequent too (text that many sources print, not
//! a stock phrase or common words between rare ones): the pairs of documents that
//! share nothing but such phrases are most pairs met, and no passage needs them,
//! since a copy that holds the phrase also shares the rare shingles around it.

use rayon::prelude::*;

use super::shingle::hash_window;
use super::stream::Stream;
use super::units::is_weak;

/// How seeds are found.
#[derive(Debug, Clone, Copy)]
pub(crate) struct SeedParams {
    /// Words per shingle.
    pub(crate) size: usize,
    /// Shingles found at most this many times pair all their positions.
    pub(crate) all_pairs_df: usize,
    /// More frequent shingles pair each position with this many next positions.
    pub(crate) window: usize,
    /// Shingles found more often than this pair each position with the next one only.
    pub(crate) max_df: usize,
}

/// The end of the run of entries from `i` that share the shingle hash of entry
/// `i` (entries are `hash << 32 | position`, sorted).
fn run_end(all: &[u64], i: usize) -> usize {
    let hash = all[i] >> 32;
    i + all[i..].iter().take_while(|&&e| e >> 32 == hash).count()
}

/// The index: for every shingle found in two documents or more, its positions.
pub(crate) struct Index {
    /// Start of each document's words in the global numbering, plus one final end.
    starts: Vec<u32>,
    /// Global positions of each kept shingle, sorted, shingle after shingle, each
    /// list followed by [`END`].
    positions: Vec<u32>,
    /// (global position << 32 | index of the position in `positions`) of every kept
    /// position, sorted: a document's shingles, and where each one's list goes on.
    by_position: Vec<u64>,
    /// For every global position, the number of positions of the shingle starting
    /// there (0 when not kept), saturating at `u16::MAX`.
    frequency: Vec<u16>,
    /// Positions indexed.
    pub(crate) postings: usize,
    /// Kept shingles whose work is capped (more than `all_pairs_df` positions).
    pub(crate) capped: usize,
}

/// The end of a shingle's list in [`Index::positions`].
const END: u32 = u32::MAX;

/// The largest `all_pairs_df` and `max_df` that [`SeedParams`] may hold: frequencies
/// are counted in 16 bits.
pub(crate) const MAX_DF: usize = u16::MAX as usize - 1;

/// The hash of the shingle starting at word `p`, unless it holds only weak words. A
/// stream shorter than a shingle gives one shingle of all its words, so that a short
/// document can still meet another.
fn shingle_at(keys: &[u32], p: usize, size: usize) -> Option<u32> {
    let window = if keys.len() < size {
        if p > 0 {
            return None;
        }
        keys
    } else {
        keys.get(p..p + size)?
    };
    (!window.is_empty() && !window.iter().all(|&k| is_weak(k))).then(|| hash_window(window))
}

impl Index {
    /// Builds the index over all streams.
    pub(crate) fn build(streams: &[Stream], params: &SeedParams) -> Index {
        let mut starts = Vec::with_capacity(streams.len() + 1);
        let mut total = 0u64;
        starts.push(0);
        for s in streams {
            total += s.len() as u64;
            // Global positions stay below END.
            let end = u32::try_from(total)
                .ok()
                .filter(|&t| t < END)
                .expect("invariant: fewer than 2^32 - 1 words");
            starts.push(end);
        }
        let size = params.size.max(1);
        // (shingle hash << 32 | global position) of every shingle: counted per
        // document first, so that the array is allocated once at its size and each
        // document fills its own part (the largest array of the index, never held
        // twice).
        let counts: Vec<usize> = streams
            .par_iter()
            .map(|s| {
                (0..s.len())
                    .filter(|&p| shingle_at(&s.keys, p, size).is_some())
                    .count()
            })
            .collect();
        let mut all: Vec<u64> = vec![0; counts.iter().sum()];
        let mut parts: Vec<&mut [u64]> = Vec::with_capacity(streams.len());
        let mut rest: &mut [u64] = &mut all;
        for &n in &counts {
            let (part, tail) = rest.split_at_mut(n);
            parts.push(part);
            rest = tail;
        }
        parts
            .into_par_iter()
            .zip(streams.par_iter())
            .enumerate()
            .for_each(|(d, (part, s))| {
                let base = u64::from(starts[d]);
                let hashes = (0..s.len()).filter_map(|p| {
                    shingle_at(&s.keys, p, size).map(|h| (u64::from(h) << 32) | (base + p as u64))
                });
                for (slot, e) in part.iter_mut().zip(hashes) {
                    *slot = e;
                }
            });
        all.par_sort_unstable();
        let postings = all.len();
        let mut index = Index {
            frequency: vec![0; total as usize],
            starts,
            positions: Vec::new(),
            by_position: Vec::new(),
            postings,
            capped: 0,
        };
        // The size of what is kept, counted first so that nothing grows by doubling.
        let (mut kept_positions, mut kept_shingles) = (0, 0);
        let mut i = 0;
        while i < all.len() {
            let j = run_end(&all, i);
            if index.keeps(&all[i..j]) {
                kept_positions += j - i;
                kept_shingles += 1;
            }
            i = j;
        }
        index
            .positions
            .reserve_exact(kept_positions + kept_shingles);
        // Kept positions are rewritten in place as (position << 32 | index in
        // `positions`) at the front of `all`, then sorted by position.
        let mut kept = 0;
        let mut i = 0;
        while i < all.len() {
            let j = run_end(&all, i);
            let pos = |e: u64| (e & 0xffff_ffff) as u32;
            if index.keeps(&all[i..j]) {
                if j - i > params.all_pairs_df {
                    index.capped += 1;
                }
                let n = u16::try_from(j - i).unwrap_or(u16::MAX);
                for k in i..j {
                    let p = pos(all[k]);
                    let at = u32::try_from(index.positions.len())
                        .expect("invariant: fewer than 2^32 postings");
                    index.positions.push(p);
                    index.frequency[p as usize] = n;
                    all[kept] = (u64::from(p) << 32) | u64::from(at);
                    kept += 1;
                }
                index.positions.push(END);
            }
            i = j;
        }
        all.truncate(kept);
        all.shrink_to_fit();
        all.par_sort_unstable();
        index.by_position = all;
        index
    }

    /// True when the entries of one shingle (sorted by position) lie in two
    /// documents or more.
    fn keeps(&self, entries: &[u64]) -> bool {
        let pos = |e: u64| (e & 0xffff_ffff) as u32;
        entries.len() >= 2
            && self.doc_of(pos(entries[0])) != self.doc_of(pos(entries[entries.len() - 1]))
    }

    /// For the words of document `d`, the number of positions of the shingle
    /// starting at each (0 for a shingle not kept: found in one document only, or
    /// only weak words), saturating at `u16::MAX`.
    pub(crate) fn frequencies(&self, d: usize) -> &[u16] {
        &self.frequency[self.starts[d] as usize..self.starts[d + 1] as usize]
    }

    /// True when the shingles just before and just after global position `p` (of
    /// the document at `lo..hi`) are frequent too: `p` lies inside a stretch of five
    /// words or more of frequent shingles, as in text reprinted by many sources. A
    /// frequent shingle between rare ones (a stock phrase, or common words side by
    /// side) pairs nothing: a copy that holds it shares the rare shingles around it.
    fn inside_frequent(&self, p: u32, lo: u32, hi: u32, params: &SeedParams) -> bool {
        let frequent = |x: u32| usize::from(self.frequency[x as usize]) > params.all_pairs_df;
        p > lo && p + 1 < hi && frequent(p - 1) && frequent(p + 1)
    }

    /// The document holding global position `p`.
    fn doc_of(&self, p: u32) -> usize {
        self.starts.partition_point(|&s| s <= p) - 1
    }

    /// Calls `f(other document, word here, word there)` for every seed of document
    /// `doc` with a later document that `allow` accepts, by increasing word here.
    /// Returns the number of seeds.
    pub(crate) fn seeds_of<A, F>(&self, doc: usize, params: &SeedParams, allow: A, mut f: F) -> u64
    where
        A: Fn(usize) -> bool,
        F: FnMut(usize, u32, u32),
    {
        let (lo, hi) = (self.starts[doc], self.starts[doc + 1]);
        let from = self
            .by_position
            .partition_point(|&e| ((e >> 32) as u32) < lo);
        let mut count = 0;
        for &e in &self.by_position[from..] {
            let p = (e >> 32) as u32;
            if p >= hi {
                break;
            }
            let at = (e & 0xffff_ffff) as usize;
            let n = usize::from(self.frequency[p as usize]);
            // Saturated counts stay above `max_df` (at most MAX_DF).
            let take = if n <= params.all_pairs_df {
                usize::MAX
            } else if n > params.max_df {
                1
            } else if self.inside_frequent(p, lo, hi, params) {
                params.window
            } else {
                0
            };
            let mut other = doc;
            for &q in self.positions[at + 1..].iter().take(take) {
                if q == END {
                    break;
                }
                if q < hi {
                    continue;
                }
                // Positions ascend: the document is the same or a later one.
                if self.starts[other + 1] <= q {
                    other += self.starts[other + 1..].partition_point(|&s| s <= q);
                }
                if allow(other) {
                    count += 1;
                    f(other, p - lo, q - self.starts[other]);
                }
            }
        }
        count
    }
}

#[cfg(test)]
mod tests {
    use super::super::units::keys;
    use super::*;

    fn streams(texts: &[&str]) -> Vec<Stream> {
        texts
            .iter()
            .map(|t| Stream::of_keys(keys(t, 0..t.len())))
            .collect()
    }

    const PARAMS: SeedParams = SeedParams {
        size: 3,
        all_pairs_df: 8,
        window: 2,
        max_df: 100,
    };

    fn seeds(index: &Index, doc: usize) -> Vec<(usize, u32, u32)> {
        let mut out = Vec::new();
        index.seeds_of(doc, &PARAMS, |_| true, |d, p, q| out.push((d, p, q)));
        out
    }

    #[test]
    fn shared_runs_give_seeds_with_later_documents_only() {
        let s = streams(&[
            "the ferry company cancelled all crossings on monday",
            "bakers sold bread while the ferry company cancelled all crossings",
            "nothing in common here at all",
        ]);
        let index = Index::build(&s, &PARAMS);
        let from0 = seeds(&index, 0);
        // "the ferry company", "ferry company cancelled", "company cancelled all",
        // "cancelled all crossings".
        assert_eq!(from0, vec![(1, 0, 4), (1, 1, 5), (1, 2, 6), (1, 3, 7)]);
        assert!(seeds(&index, 1).is_empty());
        assert!(seeds(&index, 2).is_empty());
    }

    #[test]
    fn a_frequent_shingle_pairs_neighbours_only_and_repeats_cost_no_more() {
        let line = "the river ferry company cancelled";
        let texts: Vec<String> = (0..6).map(|_| line.to_string()).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let windowed = SeedParams {
            all_pairs_df: 3,
            ..PARAMS
        };
        let index = Index::build(&streams(&refs), &windowed);
        let mut partners = Vec::new();
        index.seeds_of(0, &windowed, |_| true, |d, _, _| partners.push(d));
        partners.sort_unstable();
        partners.dedup();
        assert_eq!(partners, vec![1, 2]);
        assert!(index.capped > 0);
        // A document repeating one line meets the next document once per shingle.
        let repeated = format!("{line} {line} ").repeat(50);
        let index = Index::build(&streams(&[&repeated, line]), &windowed);
        let n = index.seeds_of(0, &windowed, |_| true, |_, _, _| {});
        assert!(n <= 3 * 2, "{n}");
    }

    #[test]
    fn a_frequent_phrase_between_rare_words_pairs_nothing() {
        let texts = [
            "walnut pebble the ferry company lantern meadow",
            "copper violin the ferry company harbor thistle",
            "granite falcon the ferry company orchard ribbon",
            "saffron kettle the ferry company glacier pillow",
            "amber trumpet the ferry company canyon velvet",
        ];
        let windowed = SeedParams {
            all_pairs_df: 3,
            ..PARAMS
        };
        let index = Index::build(&streams(&texts), &windowed);
        for d in 0..texts.len() {
            assert_eq!(index.seeds_of(d, &windowed, |_| true, |_, _, _| {}), 0);
        }
        // The same phrase inside a longer shared stretch pairs neighbours.
        let shared = "pebble the ferry company lantern";
        let texts: Vec<String> = (0..5).map(|i| format!("word{i} {shared} end{i}")).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let index = Index::build(&streams(&refs), &windowed);
        assert!(index.seeds_of(0, &windowed, |_| true, |_, _, _| {}) > 0);
    }
}

//! Candidate unit pairs from an inverted index of shingles.
//!
//! Every shingle of every unit goes into one sorted posting array. Shingles found in
//! one unit only can link nothing and are dropped, and so are shingles found in very
//! many units ("said in a statement", "the prime minister"), which say little about
//! copying. Each unit then counts, over its remaining shingles, how many it shares
//! with later units of other documents; pairs sharing enough become candidates. No two
//! units are ever compared unless they share a shingle.
//!
//! A rare shingle pairs each of its units with all the others. A frequent one (more
//! than `all_pairs_df` units) pairs each unit only with the next `window` units of its
//! list (sorted-neighbourhood blocking): the work stays linear in the corpus size
//! instead of growing with the square of shingle frequencies, and a paragraph of wire
//! copy that hundreds of outlets reprint is still found, as a chain of neighbouring
//! copies that the merge step joins into one passage.

use rayon::prelude::*;

use super::shingle::shingles;
use super::units::{Units, index_u32};

/// How candidates are chosen.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CandidateParams {
    /// Words per shingle.
    pub(crate) shingle_size: usize,
    /// Shingles found in at most this many units pair all their units.
    pub(crate) all_pairs_df: usize,
    /// More frequent shingles pair each unit with this many next units.
    pub(crate) window: usize,
    /// Shingles found in more units than this are dropped as too common.
    pub(crate) max_df: usize,
    /// A pair must share at least this many shingles.
    pub(crate) min_shared: usize,
    /// ... and at least this fraction of the shingles of the shorter unit.
    pub(crate) min_ratio: f64,
}

/// Two units that share enough shingles to be worth verifying; `a < b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Candidate {
    /// The earlier unit.
    pub(crate) a: u32,
    /// The later unit.
    pub(crate) b: u32,
    /// Number of distinct shingles they share.
    pub(crate) shared: u32,
}

/// Figures about one run of candidate selection, for benchmarks and `--explain`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct IndexStats {
    /// Shingle occurrences indexed.
    pub(crate) postings: usize,
    /// Shingles kept (in two units or more, and not too common).
    pub(crate) kept_shingles: usize,
    /// Shingles dropped as too common.
    pub(crate) common_shingles: usize,
    /// Unit pairs met through kept shingles (the work of counting candidates).
    pub(crate) pair_checks: u64,
}

/// The shingles of every unit, stored flat: unit `u` has
/// `hashes[offsets[u]..offsets[u + 1]]`.
struct Shingled {
    offsets: Vec<u32>,
    hashes: Vec<u32>,
}

impl Shingled {
    /// Shingles every unit, in parallel chunks (no allocation per unit).
    fn new(units: &Units, n: usize) -> Shingled {
        let chunk = 4096;
        let parts: Vec<(Vec<u32>, Vec<u32>)> = (0..units.len().div_ceil(chunk))
            .into_par_iter()
            .map(|c| {
                let (mut hashes, mut lens) = (Vec::new(), Vec::new());
                for u in c * chunk..((c + 1) * chunk).min(units.len()) {
                    let s = shingles(units.keys_of(u), n);
                    lens.push(index_u32(s.len()));
                    hashes.extend_from_slice(&s);
                }
                (hashes, lens)
            })
            .collect();
        let mut out = Shingled {
            offsets: Vec::with_capacity(units.len() + 1),
            hashes: Vec::with_capacity(parts.iter().map(|p| p.0.len()).sum()),
        };
        out.offsets.push(0);
        for (hashes, lens) in parts {
            out.hashes.extend_from_slice(&hashes);
            for len in lens {
                let last = *out.offsets.last().expect("invariant: starts with 0");
                out.offsets.push(last + len);
            }
        }
        out
    }

    fn count(&self, u: usize) -> u32 {
        self.offsets[u + 1] - self.offsets[u]
    }
}

/// The posting lists of the shingles that can link two documents.
struct Index {
    /// (unit << 32 | document) of each kept shingle, concatenated; sorted by unit
    /// within each shingle. The document rides along so that counting never looks
    /// it up elsewhere.
    postings: Vec<u64>,
    /// Start of each kept shingle's units in `postings`, plus one final end.
    starts: Vec<u32>,
    /// (unit, shingle number, position of the unit in the shingle's list), sorted by
    /// unit: the kept shingles of each unit, and where to start reading partners.
    by_unit: Vec<(u32, u32, u32)>,
    stats: IndexStats,
}

/// Builds the index over the shingles of every unit.
fn build_index(units: &Units, shingled: &Shingled, params: &CandidateParams) -> Index {
    let (max_df, all_pairs_df, window) = (params.max_df, params.all_pairs_df, params.window);
    let mut all: Vec<u64> = (0..units.len())
        .into_par_iter()
        .flat_map_iter(|u| {
            let range = shingled.offsets[u] as usize..shingled.offsets[u + 1] as usize;
            shingled.hashes[range]
                .iter()
                .map(move |&h| (u64::from(h) << 32) | u as u64)
        })
        .collect();
    all.par_sort_unstable();
    let mut index = Index {
        postings: Vec::new(),
        starts: vec![0],
        by_unit: Vec::new(),
        stats: IndexStats {
            postings: all.len(),
            ..IndexStats::default()
        },
    };
    let mut i = 0;
    while i < all.len() {
        let hash = all[i] >> 32;
        let mut j = i + 1;
        while j < all.len() && all[j] >> 32 == hash {
            j += 1;
        }
        let unit = |k: usize| (all[k] & 0xffff_ffff) as usize;
        let df = j - i;
        if df > max_df {
            index.stats.common_shingles += 1;
        } else if df >= 2 && units.doc[unit(i)] != units.doc[unit(j - 1)] {
            let shingle = index_u32(index.starts.len() - 1);
            for k in i..j {
                let u = unit(k);
                index
                    .postings
                    .push(((u as u64) << 32) | u64::from(units.doc[u]));
                index
                    .by_unit
                    .push((index_u32(u), shingle, index_u32(k - i)));
            }
            index.starts.push(index_u32(index.postings.len()));
            index.stats.kept_shingles += 1;
            index.stats.pair_checks += if df <= all_pairs_df {
                (df * (df - 1) / 2) as u64
            } else {
                (df * window) as u64
            };
        }
        i = j;
    }
    drop(all);
    index.by_unit.par_sort_unstable_by_key(|e| (e.0, e.1));
    index
}

/// Candidate pairs of units from different documents; `allow(doc_a, doc_b)` may
/// exclude more document pairs (the same outlet, for instance). Sorted by `(a, b)`.
pub(crate) fn candidates<F>(
    units: &Units,
    params: &CandidateParams,
    allow: F,
) -> (Vec<Candidate>, IndexStats)
where
    F: Fn(usize, usize) -> bool + Sync,
{
    let shingled = Shingled::new(units, params.shingle_size);
    let index = build_index(units, &shingled, params);
    let unit_starts = unit_starts(&index.by_unit, units.len());
    let chunk = units
        .len()
        .div_ceil(4 * rayon::current_num_threads())
        .max(1024);
    let chunks: Vec<std::ops::Range<usize>> = (0..units.len())
        .step_by(chunk)
        .map(|s| s..(s + chunk).min(units.len()))
        .collect();
    let mut out: Vec<Candidate> = chunks
        .into_par_iter()
        .flat_map_iter(|range| {
            let mut counter = Counter::new();
            let mut out = Vec::new();
            for u in range {
                let mine = &index.by_unit[unit_starts[u]..unit_starts[u + 1]];
                partners(units, &index, params, mine, u, &allow, &mut counter);
                counter.drain(|v, shared| {
                    let shorter = shingled.count(u).min(shingled.count(v as usize)) as usize;
                    if enough(shared as usize, shorter, params) {
                        out.push(Candidate {
                            a: index_u32(u),
                            b: v,
                            shared,
                        });
                    }
                });
            }
            out
        })
        .collect();
    out.par_sort_unstable();
    (out, index.stats)
}

/// True when `shared` shingles out of the shorter unit's `shorter` are enough.
fn enough(shared: usize, shorter: usize, params: &CandidateParams) -> bool {
    shared >= params.min_shared && shared as f64 >= params.min_ratio * shorter as f64
}

/// Start of each unit's entries in `by_unit`, plus one final end.
fn unit_starts(by_unit: &[(u32, u32, u32)], n: usize) -> Vec<usize> {
    let mut starts = Vec::with_capacity(n + 1);
    let mut k = 0;
    for u in 0..=n {
        while k < by_unit.len() && (by_unit[k].0 as usize) < u {
            k += 1;
        }
        starts.push(k);
    }
    starts
}

/// Counts into `counter` the later units of allowed other documents that share a
/// shingle with `u` (all of them for rare shingles, the next `window` for frequent
/// ones), once per shared shingle.
fn partners<F>(
    units: &Units,
    index: &Index,
    params: &CandidateParams,
    mine: &[(u32, u32, u32)],
    u: usize,
    allow: &F,
    counter: &mut Counter,
) where
    F: Fn(usize, usize) -> bool,
{
    let doc_u = units.doc[u];
    for &(_, s, pos) in mine {
        let s = s as usize;
        let list = &index.postings[index.starts[s] as usize..index.starts[s + 1] as usize];
        // Lists are sorted by unit and hold each unit once: the later units follow u.
        let later = pos as usize + 1;
        let end = if list.len() <= params.all_pairs_df {
            list.len()
        } else {
            (later + params.window).min(list.len())
        };
        for &p in &list[later..end] {
            let (v, doc_v) = ((p >> 32) as u32, (p & 0xffff_ffff) as u32);
            if doc_v != doc_u && allow(doc_u as usize, doc_v as usize) {
                counter.add(v);
            }
        }
    }
}

/// Counts of partner units in a small open-addressing table: one unit meets a few
/// hundred partners at most, so the table stays in the fastest cache, and resetting
/// it costs only what was counted.
struct Counter {
    keys: Vec<u32>,
    counts: Vec<u32>,
    used: Vec<usize>,
}

/// Marks a free slot (unit numbers stay below it).
const FREE: u32 = u32::MAX;

impl Counter {
    fn new() -> Self {
        Counter {
            keys: vec![FREE; 1024],
            counts: vec![0; 1024],
            used: Vec::new(),
        }
    }

    fn slot(&self, v: u32) -> usize {
        let mask = self.keys.len() - 1;
        let mut i = (v.wrapping_mul(0x9e37_79b9) as usize) & mask;
        while self.keys[i] != FREE && self.keys[i] != v {
            i = (i + 1) & mask;
        }
        i
    }

    fn add(&mut self, v: u32) {
        if self.used.len() * 2 >= self.keys.len() {
            self.grow();
        }
        let i = self.slot(v);
        if self.keys[i] == FREE {
            self.keys[i] = v;
            self.used.push(i);
        }
        self.counts[i] += 1;
    }

    fn grow(&mut self) {
        let entries: Vec<(u32, u32)> = self
            .used
            .iter()
            .map(|&i| (self.keys[i], self.counts[i]))
            .collect();
        let size = self.keys.len() * 2;
        self.keys = vec![FREE; size];
        self.counts = vec![0; size];
        self.used.clear();
        for (v, c) in entries {
            let i = self.slot(v);
            self.keys[i] = v;
            self.counts[i] = c;
            self.used.push(i);
        }
    }

    /// Calls `f(unit, count)` for every counted unit and resets the counts.
    fn drain(&mut self, mut f: impl FnMut(u32, u32)) {
        for &i in &self.used {
            f(self.keys[i], self.counts[i]);
            self.keys[i] = FREE;
            self.counts[i] = 0;
        }
        self.used.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::super::units::keys;
    use super::*;

    fn units_of(docs: &[&[&str]]) -> Units {
        let mut units = Units::default();
        units.offsets.push(0);
        for (d, sentences) in docs.iter().enumerate() {
            for (i, s) in sentences.iter().enumerate() {
                units.doc.push(index_u32(d));
                units.sentence.push(index_u32(i));
                units.keys.extend(keys(s, 0..s.len()));
                units.offsets.push(index_u32(units.keys.len()));
            }
        }
        units
    }

    const PARAMS: CandidateParams = CandidateParams {
        shingle_size: 3,
        all_pairs_df: 100,
        window: 8,
        max_df: 100,
        min_shared: 2,
        min_ratio: 0.2,
    };

    #[test]
    fn finds_shared_sentences_across_documents_only() {
        let units = units_of(&[
            &[
                "The river ferry company cancelled every crossing on Monday morning.",
                "The river ferry company cancelled every crossing on Monday morning.",
            ],
            &[
                "Bakers in the valley town sold out of bread before noon.",
                "The river ferry company cancelled nearly every crossing on Monday.",
            ],
        ]);
        let (cands, _) = candidates(&units, &PARAMS, |_, _| true);
        let pairs: Vec<(u32, u32)> = cands.iter().map(|c| (c.a, c.b)).collect();
        // Both copies in document 0 meet the edited sentence of document 1, but never
        // each other (they are in the same document).
        assert_eq!(pairs, vec![(0, 3), (1, 3)]);
    }

    #[test]
    fn topical_sentences_sharing_a_name_are_not_candidates() {
        let units = units_of(&[
            &["Mayor Lena Okafor opened the new library on the east bank."],
            &["Critics of Mayor Lena Okafor want an audit of the water board."],
        ]);
        let (cands, _) = candidates(&units, &PARAMS, |_, _| true);
        // They share only "mayor lena okafor".
        assert!(cands.is_empty());
    }

    #[test]
    fn too_common_shingles_are_dropped() {
        let line = "the harbour master said on Tuesday";
        let docs: Vec<Vec<&str>> = (0..5).map(|_| vec![line]).collect();
        let refs: Vec<&[&str]> = docs.iter().map(Vec::as_slice).collect();
        let units = units_of(&refs);
        let strict = CandidateParams {
            max_df: 4,
            all_pairs_df: 4,
            ..PARAMS
        };
        let (cands, stats) = candidates(&units, &strict, |_, _| true);
        assert!(cands.is_empty());
        assert!(stats.common_shingles > 0);
        let (cands, _) = candidates(&units, &PARAMS, |_, _| true);
        assert_eq!(cands.len(), 10);
    }

    #[test]
    fn frequent_shingles_pair_neighbours_only_and_chain_copies() {
        let line = "the river ferry company cancelled every crossing on Monday morning";
        let docs: Vec<Vec<&str>> = (0..6).map(|_| vec![line]).collect();
        let refs: Vec<&[&str]> = docs.iter().map(Vec::as_slice).collect();
        let units = units_of(&refs);
        let windowed = CandidateParams {
            all_pairs_df: 3,
            window: 2,
            ..PARAMS
        };
        let (cands, stats) = candidates(&units, &windowed, |_, _| true);
        let pairs: Vec<(u32, u32)> = cands.iter().map(|c| (c.a, c.b)).collect();
        // Each copy meets the next two: a chain through all six, not all 15 pairs.
        assert_eq!(
            pairs,
            vec![
                (0, 1),
                (0, 2),
                (1, 2),
                (1, 3),
                (2, 3),
                (2, 4),
                (3, 4),
                (3, 5),
                (4, 5)
            ]
        );
        assert_eq!(stats.common_shingles, 0);
    }

    #[test]
    fn the_counter_counts_many_partners_and_resets() {
        let mut c = Counter::new();
        for round in 0..2 {
            for v in 0..5000u32 {
                for _ in 0..(v % 3 + 1) {
                    c.add(v * 7 + round);
                }
            }
            let mut seen = Vec::new();
            c.drain(|v, n| seen.push((v, n)));
            seen.sort_unstable();
            assert_eq!(seen.len(), 5000);
            assert!(seen.iter().all(|&(v, n)| n == ((v - round) / 7) % 3 + 1));
        }
    }

    #[test]
    fn the_allow_rule_excludes_document_pairs() {
        let line = "The river ferry company cancelled every crossing on Monday morning.";
        let units = units_of(&[&[line], &[line], &[line]]);
        let (cands, _) = candidates(&units, &PARAMS, |a, b| !(a == 0 && b == 1));
        let pairs: Vec<(u32, u32)> = cands.iter().map(|c| (c.a, c.b)).collect();
        assert_eq!(pairs, vec![(0, 2), (1, 2)]);
    }
}

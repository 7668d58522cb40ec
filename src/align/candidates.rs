//! Candidate unit pairs from an inverted index of shingles.
//!
//! Every shingle of every unit goes into one sorted posting array. Shingles found in
//! one unit only can link nothing and are dropped; shingles found in very many units
//! ("said in a statement", "the prime minister") say little about copying and would
//! make the work grow with the square of their frequency, so they are dropped too.
//! Each unit then counts, over its remaining shingles, how many it shares with every
//! later unit of another document; pairs sharing enough become candidates. No two
//! units are ever compared unless they share a shingle.

use rayon::prelude::*;

use super::shingle::shingles;
use super::units::{Units, index_u32};

/// How candidates are chosen.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CandidateParams {
    /// Words per shingle.
    pub(crate) shingle_size: usize,
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

/// The posting lists of the shingles that can link two documents.
struct Index {
    /// Units of each kept shingle, concatenated; sorted within each shingle.
    postings: Vec<u32>,
    /// Start of each kept shingle's units in `postings`, plus one final end.
    starts: Vec<u32>,
    /// (unit << 32 | shingle number), sorted: the kept shingles of each unit.
    by_unit: Vec<u64>,
    stats: IndexStats,
}

/// Builds the index over the shingles of every unit.
fn build_index(units: &Units, per_unit: &[Vec<u32>], max_df: usize) -> Index {
    let mut all: Vec<u64> = per_unit
        .par_iter()
        .enumerate()
        .flat_map_iter(|(u, s)| s.iter().map(move |&h| (u64::from(h) << 32) | u as u64))
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
            let shingle = u64::from(index_u32(index.starts.len() - 1));
            for k in i..j {
                index.postings.push(index_u32(unit(k)));
                index.by_unit.push(((unit(k) as u64) << 32) | shingle);
            }
            index.starts.push(index_u32(index.postings.len()));
            index.stats.kept_shingles += 1;
            index.stats.pair_checks += (df * (df - 1) / 2) as u64;
        }
        i = j;
    }
    drop(all);
    index.by_unit.par_sort_unstable();
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
    let per_unit: Vec<Vec<u32>> = (0..units.len())
        .into_par_iter()
        .map(|u| shingles(units.keys_of(u), params.shingle_size))
        .collect();
    let counts: Vec<u32> = per_unit.iter().map(|s| index_u32(s.len())).collect();
    let index = build_index(units, &per_unit, params.max_df);
    drop(per_unit);
    let unit_starts = unit_starts(&index.by_unit, units.len());
    let mut out: Vec<Candidate> = (0..units.len())
        .into_par_iter()
        .with_min_len(256)
        .fold(
            || (Vec::new(), Vec::new()),
            |(mut out, mut scratch): (Vec<Candidate>, Vec<u32>), u| {
                let mine = &index.by_unit[unit_starts[u]..unit_starts[u + 1]];
                partners(units, &index, mine, u, &allow, &mut scratch);
                count_runs(&scratch, |v, shared| {
                    let shorter = counts[u].min(counts[v as usize]) as usize;
                    if enough(shared as usize, shorter, params) {
                        out.push(Candidate {
                            a: index_u32(u),
                            b: v,
                            shared,
                        });
                    }
                });
                (out, scratch)
            },
        )
        .map(|(out, _)| out)
        .reduce(Vec::new, |mut a, mut b| {
            a.append(&mut b);
            a
        });
    out.par_sort_unstable();
    (out, index.stats)
}

/// True when `shared` shingles out of the shorter unit's `shorter` are enough.
fn enough(shared: usize, shorter: usize, params: &CandidateParams) -> bool {
    shared >= params.min_shared && shared as f64 >= params.min_ratio * shorter as f64
}

/// Start of each unit's entries in `by_unit`, plus one final end.
fn unit_starts(by_unit: &[u64], n: usize) -> Vec<usize> {
    let mut starts = Vec::with_capacity(n + 1);
    let mut k = 0;
    for u in 0..=n {
        while k < by_unit.len() && ((by_unit[k] >> 32) as usize) < u {
            k += 1;
        }
        starts.push(k);
    }
    starts
}

/// Collects into `scratch` (sorted) every later unit of an allowed other document
/// that shares a shingle with `u`, once per shared shingle.
fn partners<F>(
    units: &Units,
    index: &Index,
    mine: &[u64],
    u: usize,
    allow: &F,
    scratch: &mut Vec<u32>,
) where
    F: Fn(usize, usize) -> bool,
{
    scratch.clear();
    let doc_u = units.doc[u];
    for &entry in mine {
        let s = (entry & 0xffff_ffff) as usize;
        let list = &index.postings[index.starts[s] as usize..index.starts[s + 1] as usize];
        let later = list.partition_point(|&v| v as usize <= u);
        for &v in &list[later..] {
            let doc_v = units.doc[v as usize];
            if doc_v != doc_u && allow(doc_u as usize, doc_v as usize) {
                scratch.push(v);
            }
        }
    }
    scratch.sort_unstable();
}

/// Calls `f(value, count)` for each run of equal values in a sorted slice.
fn count_runs(sorted: &[u32], mut f: impl FnMut(u32, u32)) {
    let mut i = 0;
    while i < sorted.len() {
        let mut j = i + 1;
        while j < sorted.len() && sorted[j] == sorted[i] {
            j += 1;
        }
        f(sorted[i], index_u32(j - i));
        i = j;
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
            ..PARAMS
        };
        let (cands, stats) = candidates(&units, &strict, |_, _| true);
        assert!(cands.is_empty());
        assert!(stats.common_shingles > 0);
        let (cands, _) = candidates(&units, &PARAMS, |_, _| true);
        assert_eq!(cands.len(), 10);
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

//! Similarity measures between two key sequences (or two texts).
//!
//! Several measures are kept so that they can be compared on labelled pairs (the
//! `align_measures` benchmark prints precision and recall for each). The aligner uses
//! [`Measure::Tiling`]: greedy string tiling counts the words covered by shared runs of
//! at least [`MIN_TILE`] words wherever they are, so a clause moved to the other end of
//! a sentence still counts, while a stray common word does not.

use serde::Serialize;

use super::shingle::shingles;
use super::units::{is_weak, keys};

/// Shortest run of words that greedy string tiling counts as shared.
pub const MIN_TILE: usize = 2;

/// A way to score how much of two texts is the same text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// Words covered by shared runs of two words or more (greedy string tiling), as a
    /// share of both texts: tolerant of edits and of moved clauses.
    Tiling,
    /// Longest common subsequence of words, as a share of both texts: tolerant of
    /// edits, not of moved clauses.
    Lcs,
    /// One minus the word-level Levenshtein distance (strsim's generic Levenshtein
    /// over keys) over the longer length.
    WordLevenshtein,
    /// Dice coefficient of the multisets of content words: ignores order entirely.
    BagOfWords,
    /// Jaccard coefficient of the sets of three-word shingles.
    ShingleJaccard,
    /// strsim's normalized Levenshtein over the folded characters.
    CharLevenshtein,
    /// strsim's Sørensen–Dice over character bigrams.
    CharDice,
    /// strsim's Jaro–Winkler over the folded characters.
    JaroWinkler,
}

impl Measure {
    /// Every measure, in a fixed order.
    pub const ALL: [Measure; 8] = [
        Measure::Tiling,
        Measure::Lcs,
        Measure::WordLevenshtein,
        Measure::BagOfWords,
        Measure::ShingleJaccard,
        Measure::CharLevenshtein,
        Measure::CharDice,
        Measure::JaroWinkler,
    ];

    /// A short name for tables.
    pub fn name(self) -> &'static str {
        match self {
            Measure::Tiling => "tiling",
            Measure::Lcs => "lcs",
            Measure::WordLevenshtein => "word-levenshtein",
            Measure::BagOfWords => "bag-of-words",
            Measure::ShingleJaccard => "shingle-jaccard",
            Measure::CharLevenshtein => "char-levenshtein",
            Measure::CharDice => "char-dice",
            Measure::JaroWinkler => "jaro-winkler",
        }
    }

    /// Scores two texts from 0 (nothing shared) to 1 (the same words). Figures count
    /// as equal to each other, case and punctuation are ignored.
    pub fn score(self, a: &str, b: &str) -> f64 {
        let ka = keys(a, 0..a.len());
        let kb = keys(b, 0..b.len());
        match self {
            Measure::CharLevenshtein | Measure::CharDice | Measure::JaroWinkler => {
                let (fa, fb) = (folded_words(a), folded_words(b));
                match self {
                    Measure::CharLevenshtein => strsim::normalized_levenshtein(&fa, &fb),
                    Measure::CharDice => strsim::sorensen_dice(&fa, &fb),
                    _ => strsim::jaro_winkler(&fa, &fb),
                }
            }
            _ => self.score_keys(&ka, &kb),
        }
    }

    /// Scores two key sequences (see [`Measure::score`]); the character measures fall
    /// back to [`Measure::Tiling`], since keys have no characters.
    pub(crate) fn score_keys(self, a: &[u32], b: &[u32]) -> f64 {
        match self {
            Measure::Lcs => dice(lcs_len(a, b), a.len(), b.len()),
            Measure::WordLevenshtein => {
                let longer = a.len().max(b.len());
                if longer == 0 {
                    return 0.0;
                }
                1.0 - strsim::generic_levenshtein(&a.to_vec(), &b.to_vec()) as f64 / longer as f64
            }
            Measure::BagOfWords => bag_dice(a, b),
            Measure::ShingleJaccard => shingle_jaccard(a, b),
            _ => dice(tiled(a, b, MIN_TILE), a.len(), b.len()),
        }
    }
}

/// The words of a text, folded and joined by single spaces, figures as `#`.
fn folded_words(s: &str) -> String {
    crate::text::tokenize(s, 0..s.len())
        .into_iter()
        .filter(|t| t.kind != crate::text::TokenKind::Punct)
        .map(|t| match t.kind {
            crate::text::TokenKind::Number => "#".to_string(),
            _ => crate::text::fold(t.text(s)),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// `2 * shared / (la + lb)`, or 0 for two empty sequences.
fn dice(shared: usize, la: usize, lb: usize) -> f64 {
    if la + lb == 0 {
        0.0
    } else {
        2.0 * shared as f64 / (la + lb) as f64
    }
}

/// Length of the longest common subsequence.
pub(crate) fn lcs_len(a: &[u32], b: &[u32]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for &x in a {
        let mut diag = 0;
        for (j, &y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[b.len()]
}

/// Number of positions of `a` covered by greedy string tiling against `b`: the
/// longest unmarked common run is marked first, then the next, down to `min_tile`.
pub(crate) fn tiled(a: &[u32], b: &[u32], min_tile: usize) -> usize {
    let mut used_a = vec![false; a.len()];
    let mut used_b = vec![false; b.len()];
    let mut total = 0;
    // Longest common run ending at (i, j) over unmarked positions, one row at a time.
    let mut prev = vec![0usize; b.len() + 1];
    let mut cur = vec![0usize; b.len() + 1];
    loop {
        let mut best = (0, 0, 0); // (length, end in a, end in b)
        prev.iter_mut().for_each(|x| *x = 0);
        for i in 0..a.len() {
            cur[0] = 0;
            for j in 0..b.len() {
                cur[j + 1] = if !used_a[i] && !used_b[j] && a[i] == b[j] {
                    prev[j] + 1
                } else {
                    0
                };
                if cur[j + 1] > best.0 {
                    best = (cur[j + 1], i + 1, j + 1);
                }
            }
            std::mem::swap(&mut prev, &mut cur);
        }
        let (len, ea, eb) = best;
        if len < min_tile {
            return total;
        }
        used_a[ea - len..ea].iter_mut().for_each(|x| *x = true);
        used_b[eb - len..eb].iter_mut().for_each(|x| *x = true);
        total += len;
    }
}

/// Dice coefficient of the multisets of content (not weak) keys.
fn bag_dice(a: &[u32], b: &[u32]) -> f64 {
    let mut sa: Vec<u32> = a.iter().copied().filter(|&k| !is_weak(k)).collect();
    let mut sb: Vec<u32> = b.iter().copied().filter(|&k| !is_weak(k)).collect();
    sa.sort_unstable();
    sb.sort_unstable();
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < sa.len() && j < sb.len() {
        match sa[i].cmp(&sb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    dice(common, sa.len(), sb.len())
}

/// Jaccard coefficient of the three-word shingle sets.
fn shingle_jaccard(a: &[u32], b: &[u32]) -> f64 {
    let sa = shingles(a, 3);
    let sb = shingles(b, 3);
    let common = sa.iter().filter(|h| sb.binary_search(h).is_ok()).count();
    let union = sa.len() + sb.len() - common;
    if union == 0 {
        0.0
    } else {
        common as f64 / union as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lcs_and_tiling_count_shared_words() {
        let a = [1, 2, 3, 4, 5, 6];
        let b = [4, 5, 6, 9, 1, 2, 3];
        assert_eq!(lcs_len(&a, &b), 3);
        // Tiling finds both moved runs.
        assert_eq!(tiled(&a, &b, 2), 6);
        // Single-word matches are not tiles.
        assert_eq!(tiled(&[1, 7, 2], &[2, 8, 1], 2), 0);
    }

    #[test]
    fn a_moved_clause_keeps_a_high_tiling_score() {
        let a = "With little warning, the council closed the old bridge to lorries on Tuesday.";
        let b = "The council closed the old bridge to lorries on Tuesday with little warning.";
        let tiling = Measure::Tiling.score(a, b);
        let lcs = Measure::Lcs.score(a, b);
        assert!(tiling > 0.95, "{tiling}");
        assert!(lcs < tiling, "{lcs} vs {tiling}");
    }

    #[test]
    fn a_changed_figure_scores_as_the_same_text() {
        let a = "The fire destroyed 120 hectares of pine forest.";
        let b = "The fire destroyed 150 hectares of pine forest.";
        for m in [Measure::Tiling, Measure::Lcs, Measure::WordLevenshtein] {
            assert_eq!(m.score(a, b), 1.0, "{}", m.name());
        }
    }

    #[test]
    fn sentences_on_the_same_topic_score_low() {
        let a = "Mayor Lena Okafor opened the new library on the east bank on Saturday.";
        let b = "The east bank library cost more than planned, Okafor's critics said.";
        assert!(Measure::Tiling.score(a, b) < 0.4);
    }

    #[test]
    fn every_measure_is_between_zero_and_one() {
        let a = "The storm closed three schools in the valley.";
        let b = "Three valley schools stayed shut after the storm.";
        for m in Measure::ALL {
            let s = m.score(a, b);
            assert!((0.0..=1.0).contains(&s), "{}: {s}", m.name());
            assert!((m.score(a, a) - 1.0).abs() < 1e-9, "{}", m.name());
        }
    }
}

//! Word keys: each word becomes a compact comparison key, with figures turned into
//! one placeholder so that two texts that differ only in a number still look the
//! same while aligning; and comparison units (sequences of keys, such as the
//! quotations that the quotes stage groups) for candidate selection.
//!
//! Keys are 32-bit hashes of folded words. The lowest bit of a key says whether the
//! word carries little meaning (a stop word or a figure), so that shingling can drop
//! n-grams made only of such words without looking the word up again. Two different
//! words may rarely share a key; that only nudges a similarity score and never reaches
//! output, which always reads the original characters.

use std::sync::OnceLock;

use crate::fingerprint::hash64;
use crate::text::{self, TokenKind};

/// The key every figure (digits or a number word) is replaced with.
pub(crate) const NUMBER_KEY: u32 = 0x9e37_79b9 | 1;

/// The comparison key of one word or number token.
pub(crate) fn key_of(kind: TokenKind, raw: &str) -> Option<u32> {
    match kind {
        TokenKind::Punct => None,
        TokenKind::Number => Some(NUMBER_KEY),
        TokenKind::Word => {
            // Most words are short and ASCII: fold them on the stack, as `text::fold`
            // would, without allocating.
            let mut buf = [0u8; 24];
            if raw.is_ascii() && raw.len() <= buf.len() {
                let b = &mut buf[..raw.len()];
                b.copy_from_slice(raw.as_bytes());
                b.make_ascii_lowercase();
                let folded = std::str::from_utf8(b).expect("invariant: ASCII stays UTF-8");
                Some(word_key(folded))
            } else {
                Some(word_key(&text::fold(raw)))
            }
        }
    }
}

/// The hash part of a word's key (lowest bit clear).
fn word_hash(folded: &str) -> u32 {
    let h = hash64(folded.as_bytes());
    ((h ^ (h >> 32)) as u32) & !1
}

/// Hashes of the stop words and of the number words, sorted: one integer search per
/// word instead of string comparisons.
fn special_hashes() -> &'static (Vec<u32>, Vec<u32>) {
    static SPECIAL: OnceLock<(Vec<u32>, Vec<u32>)> = OnceLock::new();
    SPECIAL.get_or_init(|| {
        let sorted = |words: &[&str]| {
            let mut v: Vec<u32> = words.iter().map(|w| word_hash(w)).collect();
            v.sort_unstable();
            v
        };
        (sorted(text::STOP_WORDS), sorted(text::NUMBER_WORDS))
    })
}

/// The key of a folded word.
fn word_key(folded: &str) -> u32 {
    let h = word_hash(folded);
    let (stop, numbers) = special_hashes();
    if numbers.binary_search(&h).is_ok() {
        return NUMBER_KEY;
    }
    h | u32::from(stop.binary_search(&h).is_ok())
}

/// True when the key stands for a word that says little on its own.
pub(crate) fn is_weak(key: u32) -> bool {
    key & 1 == 1
}

/// The key sequence of a byte range of a text (words and figures; punctuation is
/// dropped).
pub(crate) fn keys(text: &str, range: std::ops::Range<usize>) -> Vec<u32> {
    text::tokenize(text, range)
        .into_iter()
        .filter_map(|t| key_of(t.kind, t.text(text)))
        .collect()
}

/// Comparison units (built by their user), stored flat: the keys of unit `u` are
/// `keys[offsets[u]..offsets[u + 1]]`.
#[derive(Debug, Default)]
pub(crate) struct Units {
    /// Position of the unit's document in the `docs` slice given to the aligner.
    pub(crate) doc: Vec<u32>,
    /// Index of the sentence in its document.
    pub(crate) sentence: Vec<u32>,
    /// Start of each unit's keys, plus one final end.
    pub(crate) offsets: Vec<u32>,
    /// The keys of all units, one after the other.
    pub(crate) keys: Vec<u32>,
}

impl Units {
    /// Number of units.
    pub(crate) fn len(&self) -> usize {
        self.doc.len()
    }

    /// The keys of unit `u`.
    pub(crate) fn keys_of(&self, u: usize) -> &[u32] {
        &self.keys[self.offsets[u] as usize..self.offsets[u + 1] as usize]
    }
}

/// Converts an index to `u32`; corpora beyond four billion sentences or keys are far
/// outside what this tool is built for.
pub(crate) fn index_u32(i: usize) -> u32 {
    u32::try_from(i).expect("invariant: fewer than 2^32 units and keys")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words_are_sorted() {
        assert!(text::NUMBER_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn figures_become_one_placeholder_and_punctuation_is_dropped() {
        let a = "The flood displaced 1,200 villagers, officials said.";
        let b = "The flood displaced twelve hundred villagers officials said";
        let ka = keys(a, 0..a.len());
        let kb = keys(b, 0..b.len());
        assert_eq!(ka.len(), 7);
        assert_eq!(ka[3], NUMBER_KEY);
        // "twelve hundred" is two figure words, so the sequences differ in length but
        // agree on every word.
        assert_eq!(kb.len(), 8);
        assert_eq!(&ka[..3], &kb[..3]);
        assert_eq!(&ka[4..], &kb[5..]);
    }

    #[test]
    fn keys_ignore_case_and_curly_apostrophes() {
        let a = "The Mayor’s Office";
        let b = "the mayor's office";
        assert_eq!(keys(a, 0..a.len()), keys(b, 0..b.len()));
    }

    #[test]
    fn ascii_and_non_ascii_words_fold_alike() {
        let a = "CAFÉ Owner’s";
        let b = "café owner's";
        assert_eq!(keys(a, 0..a.len()), keys(b, 0..b.len()));
        let long = "Antidisestablishmentarianism-related";
        assert_eq!(
            keys(long, 0..long.len()),
            keys(&long.to_lowercase(), 0..long.len())
        );
    }

    #[test]
    fn stop_words_are_weak_and_content_words_are_not() {
        let s = "the harbour";
        let k = keys(s, 0..s.len());
        assert!(is_weak(k[0]));
        assert!(!is_weak(k[1]));
        assert!(is_weak(NUMBER_KEY));
    }
}

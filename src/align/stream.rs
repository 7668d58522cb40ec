//! Documents as word streams: the words of every body sentence of a document, one
//! after the other, across sentence and paragraph boundaries, so that a passage is
//! aligned word by word wherever outlets split or join its sentences.
//!
//! Each word is kept as its comparison key (see `units`), a flag saying whether it
//! lies inside quotation marks, and, for the words that are names, their folded text
//! (see `names`). Byte spans are not kept: they are read again from the sentences
//! of what is found to be shared, which keeps the memory of a corpus of tens of
//! thousands of articles to a few bytes per word.
//!
//! Words joined by hyphens are split ("two-in-three" is "two in three", "15th-richest"
//! is "15th richest"): outlets write such compounds with or without their hyphens.

use std::ops::Range;

use rayon::prelude::*;

use super::names::{Candidate, DocNames};
use super::units::key_of;
use crate::document::Document;
use crate::quotes::QuoteReport;
use crate::text::{self, Token, TokenKind};

/// The flag of a word inside quotation marks.
pub(crate) const QUOTED: u8 = 1;

/// The word stream of one document.
#[derive(Debug, Default, Clone)]
pub(crate) struct Stream {
    /// Comparison key of each word.
    pub(crate) keys: Vec<u32>,
    /// [`QUOTED`] for each word.
    pub(crate) flags: Vec<u8>,
    /// (first word, index in [`Document::sentences`]) of each body sentence that has
    /// words, in order.
    pub(crate) sentences: Vec<(u32, u32)>,
    /// (word, key, end of its folded text in `name_text`) of every name, in order.
    names: Vec<(u32, u32, u32)>,
    name_text: String,
}

impl Stream {
    /// A stream of the given keys only (no sentences, names or quotations), for tests.
    #[cfg(test)]
    pub(crate) fn of_keys(keys: Vec<u32>) -> Stream {
        let flags = vec![0; keys.len()];
        Stream {
            keys,
            flags,
            ..Stream::default()
        }
    }

    /// Number of words.
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    /// The position in [`Stream::sentences`] of the sentence holding word `w`.
    pub(crate) fn sentence_slot(&self, w: usize) -> usize {
        self.sentences
            .partition_point(|s| s.0 as usize <= w)
            .saturating_sub(1)
    }

    /// The words of the sentence at `slot` of [`Stream::sentences`].
    pub(crate) fn sentence_words(&self, slot: usize) -> Range<usize> {
        let start = self.sentences[slot].0 as usize;
        let end = self
            .sentences
            .get(slot + 1)
            .map_or(self.len(), |s| s.0 as usize);
        start..end
    }

    /// The names among words `r`, as (key, folded text).
    pub(crate) fn names_in(&self, r: Range<usize>) -> Vec<(u32, &str)> {
        let from = self.names.partition_point(|n| (n.0 as usize) < r.start);
        let mut out = Vec::new();
        for (i, n) in self.names.iter().enumerate().skip(from) {
            if n.0 as usize >= r.end {
                break;
            }
            let start = if i == 0 {
                0
            } else {
                self.names[i - 1].2 as usize
            };
            out.push((n.1, &self.name_text[start..n.2 as usize]));
        }
        out
    }

    /// Number of words among `r` inside quotation marks.
    pub(crate) fn quoted_in(&self, r: Range<usize>) -> usize {
        self.flags[r].iter().filter(|&&f| f & QUOTED != 0).count()
    }
}

/// The words of `text[range]` as aligned: [`text::tokenize`] without punctuation,
/// with hyphenated words split into their parts.
pub(crate) fn words(text: &str, range: Range<usize>) -> Vec<Token> {
    let mut out = Vec::new();
    for t in text::tokenize(text, range) {
        push_parts(text, t, &mut out);
    }
    out
}

/// Pushes the word or number `t` (split at hyphens), nothing for punctuation.
fn push_parts(text: &str, t: Token, out: &mut Vec<Token>) {
    match t.kind {
        TokenKind::Punct => {}
        TokenKind::Number => out.push(t),
        TokenKind::Word => {
            let raw = t.text(text);
            if !raw.contains(is_hyphen) {
                out.push(t);
                return;
            }
            let mut start = t.start;
            for part in raw.split(is_hyphen) {
                let end = start + part.len();
                if !part.is_empty() {
                    let number = part
                        .chars()
                        .all(|c| c.is_ascii_digit() || c == ',' || c == '.');
                    out.push(Token {
                        start,
                        end,
                        kind: if number {
                            TokenKind::Number
                        } else {
                            TokenKind::Word
                        },
                    });
                }
                // Skip the hyphen itself (one character of 1 to 3 bytes).
                start = end + text[end..].chars().next().map_or(1, char::len_utf8);
            }
        }
    }
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// The streams of all documents, in parallel.
pub(crate) fn build(docs: &[Document<'_>], quotes: &QuoteReport) -> Vec<Stream> {
    docs.par_iter()
        .map(|d| {
            let quoted: Vec<Range<usize>> = quotes
                .quotations_of(d.index)
                .flat_map(|q| q.segments.iter().map(|s| s.start..s.end))
                .collect();
            stream(d, &quoted)
        })
        .collect()
}

/// The stream of one document; `quoted` are the byte ranges of its quotations.
fn stream(doc: &Document<'_>, quoted: &[Range<usize>]) -> Stream {
    let text = doc.text();
    let mut out = Stream::default();
    let mut doc_names = DocNames::default();
    let mut candidates: Vec<(u32, Candidate)> = Vec::new();
    let mut quoted = quoted.to_vec();
    quoted.sort_by_key(|r| r.start);
    let mut q = 0;
    let mut tokens: Vec<Token> = Vec::new();
    let mut keys: Vec<Option<u32>> = Vec::new();
    for (i, s) in doc.body_sentences() {
        tokens.clear();
        for t in text::tokenize(text, s.range()) {
            if t.kind == TokenKind::Punct {
                tokens.push(t);
            } else {
                push_parts(text, t, &mut tokens);
            }
        }
        keys.clear();
        keys.extend(tokens.iter().map(|t| key_of(t.kind, t.text(text))));
        doc_names.read(text, &tokens, &keys);
        let first = out.len();
        for (k, (t, key)) in tokens.iter().zip(&keys).enumerate() {
            let Some(key) = *key else { continue };
            let w = offset_u32(out.len());
            if let Some(c) = DocNames::candidate(text, &tokens, k, key) {
                candidates.push((w, c));
            }
            while q < quoted.len() && quoted[q].end <= t.start {
                q += 1;
            }
            let inside = quoted.get(q).is_some_and(|r| r.start <= t.start);
            out.keys.push(key);
            out.flags.push(if inside { QUOTED } else { 0 });
        }
        if out.len() > first {
            out.sentences.push((offset_u32(first), offset_u32(i)));
        }
    }
    doc_names.finish();
    for (w, c) in candidates {
        if doc_names.accepts(&c) {
            out.name_text.push_str(&c.folded);
            out.names.push((w, c.key, offset_u32(out.name_text.len())));
        }
    }
    out.keys.shrink_to_fit();
    out.flags.shrink_to_fit();
    out.sentences.shrink_to_fit();
    out.names.shrink_to_fit();
    out.name_text.shrink_to_fit();
    out
}

/// Converts an offset to `u32`; texts and streams beyond 4 GB are far outside what
/// this tool reads (the loader refuses such files).
pub(crate) fn offset_u32(i: usize) -> u32 {
    u32::try_from(i).expect("invariant: texts are smaller than 4 GB")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(s: &str) -> Vec<&str> {
        words(s, 0..s.len()).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn hyphenated_words_are_split_and_punctuation_dropped() {
        assert_eq!(
            shown("a two-in-three chance, the 15th-richest man"),
            vec![
                "a", "two", "in", "three", "chance", "the", "15th", "richest", "man"
            ]
        );
        let s = "an 18‑year‑old";
        let w = words(s, 0..s.len());
        assert_eq!(w.len(), 4);
        assert_eq!(w[1].kind, TokenKind::Number);
        assert_eq!(w[3].text(s), "old");
    }

    #[test]
    fn a_lone_hyphen_is_not_a_word() {
        assert_eq!(shown("left - right"), vec!["left", "right"]);
    }
}

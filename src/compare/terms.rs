//! The words of a sentence as comparison sees them: folded, stemmed, split at
//! hyphens, with their byte spans and their position among the words, so that a
//! figure's context can be weighted by distance.

use std::ops::Range;

use super::lexicon;
use crate::text::{self, TokenKind};

/// One word (or one part of a hyphenated word) of a sentence, or a punctuation mark.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// Start byte offset of the whole token in the source text.
    pub start: usize,
    /// End byte offset of the whole token (exclusive).
    pub end: usize,
    /// Position of the token among the word and number tokens of the sentence;
    /// parts of one hyphenated word share it.
    pub position: usize,
    /// Folded form ("people", "harbour").
    pub folded: String,
    /// Stem of the folded form, the key words are compared on; empty for words
    /// that are not content words (see [`Term::is_content`]), which are never
    /// compared by stem.
    pub stem: String,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// True when the word is written with a capital and is not the first word of
    /// the sentence: likely a name, so that string similarity may match its other
    /// spellings.
    pub proper: bool,
    /// True when the word is written with a capital, wherever it stands.
    pub capitalized: bool,
    /// True for words that can describe what a figure is about.
    pub content: bool,
    /// True for a comma, semicolon, colon, bracket or dash: clause boundaries that
    /// make a word further from a figure.
    pub boundary: bool,
}

impl Term {
    /// True for words that can describe what a figure is about (not stop words,
    /// time words, number words or reporting verbs).
    pub fn is_content(&self) -> bool {
        self.content
    }
}

/// Splits `text[range]` into terms: hyphenated words become one term per part
/// ("ship-to-shore" gives "ship", "to", "shore").
pub fn terms(text: &str, range: Range<usize>) -> Vec<Term> {
    let mut out = Vec::new();
    let mut position = 0;
    let mut first_word = true;
    for tok in text::tokenize(text, range) {
        let raw = tok.text(text);
        match tok.kind {
            TokenKind::Punct => {
                let c = raw.chars().next().unwrap_or(' ');
                out.push(Term {
                    start: tok.start,
                    end: tok.end,
                    position,
                    folded: raw.to_string(),
                    stem: raw.to_string(),
                    kind: TokenKind::Punct,
                    proper: false,
                    capitalized: false,
                    content: false,
                    boundary: matches!(c, ',' | ';' | ':' | '(' | ')' | '—' | '–' | '[' | ']'),
                });
            }
            kind => {
                let capitalized = raw.chars().next().is_some_and(char::is_uppercase);
                let proper = !first_word && capitalized;
                for part in split_parts(raw) {
                    let folded = if part.is_ascii() {
                        part.to_ascii_lowercase()
                    } else {
                        text::fold(part)
                    };
                    let part_kind = if part.chars().any(char::is_alphabetic) {
                        TokenKind::Word
                    } else {
                        kind
                    };
                    let content = part_kind == TokenKind::Word
                        && folded.len() >= 2
                        && !lexicon::is_context_noise(&folded);
                    out.push(Term {
                        start: tok.start,
                        end: tok.end,
                        position,
                        stem: if content {
                            lexicon::stem(&folded)
                        } else {
                            String::new()
                        },
                        content,
                        folded,
                        kind: part_kind,
                        proper,
                        capitalized,
                        boundary: false,
                    });
                }
                position += 1;
                first_word = false;
            }
        }
    }
    out
}

/// The parts of a hyphenated word; a word without hyphens is its own only part.
pub(super) fn split_parts(raw: &str) -> impl Iterator<Item = &str> {
    raw.split(['-', '‐', '‑'])
        .map(|p| p.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|p| !p.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_hyphenated_words_and_marks_names_and_boundaries() {
        let s = "The ship-to-shore link, said Captain Ortiz, failed.";
        let t = terms(s, 0..s.len());
        let folded: Vec<&str> = t.iter().map(|t| t.folded.as_str()).collect();
        assert_eq!(
            folded,
            vec![
                "the", "ship", "to", "shore", "link", ",", "said", "captain", "ortiz", ",",
                "failed", "."
            ]
        );
        assert!(!t[0].proper, "first word of a sentence is not a name");
        assert!(t[8].proper);
        assert!(t[5].boundary);
        assert_eq!(t[1].position, t[3].position);
        assert_eq!(t[4].position, t[1].position + 1);
        assert!(t[4].is_content());
        assert!(!t[6].is_content());
    }
}

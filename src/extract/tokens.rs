//! The token view every recognizer reads: the tokens of a run of body sentences with
//! their folded forms, and small questions about them ("is token i the word x?").
//!
//! Recognizers index tokens freely, one past the end included, so every accessor
//! answers "nothing" for an index out of range instead of panicking.

use std::ops::Range;

use crate::text::{self, TokenKind};

/// One token: its span, kind, original characters and where its folded form is.
#[derive(Debug, Clone)]
pub(crate) struct Tok<'t> {
    /// Start byte offset in the source text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// Word, number or punctuation.
    pub kind: TokenKind,
    /// The characters as written.
    pub raw: &'t str,
    /// Range of the folded form in [`View::lower`].
    low: Range<usize>,
}

/// The tokens of one stretch of text, with helpers that never panic.
#[derive(Debug, Clone)]
pub(crate) struct View<'t> {
    /// The whole source text (token offsets point into it).
    pub text: &'t str,
    /// The tokens in order.
    pub toks: Vec<Tok<'t>>,
    /// The folded forms of all tokens, one after the other: one buffer instead of
    /// a string per token.
    lower: String,
    /// For each token, whether it stands inside double quotation marks.
    quoted: Vec<bool>,
}

impl<'t> View<'t> {
    /// Tokenizes `text[range]`.
    pub fn new(text: &'t str, range: Range<usize>) -> View<'t> {
        let mut lower = String::with_capacity(range.len());
        let toks = text::tokenize(text, range)
            .into_iter()
            .map(|t| {
                let raw = &text[t.start..t.end];
                let from = lower.len();
                if raw.is_ascii() {
                    lower.push_str(raw);
                    lower[from..].make_ascii_lowercase();
                } else {
                    lower.push_str(&text::fold(raw));
                }
                Tok {
                    start: t.start,
                    end: t.end,
                    kind: t.kind,
                    raw,
                    low: from..lower.len(),
                }
            })
            .collect::<Vec<Tok<'t>>>();
        let quoted = quoted_tokens(text, &toks);
        View {
            text,
            toks,
            lower,
            quoted,
        }
    }

    /// True when token `i` stands inside double quotation marks (straight or
    /// curly) opened in this stretch of text.
    pub fn is_quoted(&self, i: usize) -> bool {
        self.quoted.get(i).copied().unwrap_or(false)
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The folded form of token `i`, or "" past the end.
    pub fn low(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.lower.get(t.low.clone()))
            .unwrap_or("")
    }

    /// The folded form of the token before `i`, or "" at the start.
    pub fn low_before(&self, i: usize) -> &str {
        i.checked_sub(1).map_or("", |j| self.low(j))
    }

    /// The original characters of token `i`, or "" past the end.
    pub fn raw(&self, i: usize) -> &'t str {
        self.toks.get(i).map_or("", |t| t.raw)
    }

    /// True when token `i` is the (folded) word `w`.
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.low(i) == w
    }

    /// True when token `i` exists and is a word.
    pub fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Word)
    }

    /// True when token `i` exists and is a number in digits.
    pub fn is_number(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == TokenKind::Number)
    }

    /// True when token `i` starts with an upper-case letter.
    pub fn is_capitalized(&self, i: usize) -> bool {
        self.raw(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Start byte offset of token `i` (the end of the text past the end).
    pub fn start(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |t| t.start)
    }

    /// End byte offset of token `i` (the end of the text past the end).
    pub fn end(&self, i: usize) -> usize {
        self.toks.get(i).map_or(self.text.len(), |t| t.end)
    }

    /// End byte offset of token `i` without a possessive ending ("Sunday's" ends
    /// after "Sunday").
    pub fn end_without_possessive(&self, i: usize) -> usize {
        let raw = self.raw(i);
        let cut = ["'s", "’s"]
            .iter()
            .find(|p| raw.len() > p.len() && raw.ends_with(*p))
            .map_or(0, |p| p.len());
        self.end(i) - cut
    }

    /// True when tokens `i` and `i + 1` both exist and touch (no space between).
    pub fn touches_next(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.end == b.start,
            _ => false,
        }
    }
}

/// Which tokens stand inside double quotation marks. A curly mark says which way
/// it goes; a straight one opens after a space or an opening bracket (or at the
/// start) and closes otherwise. A quotation left open runs to the end of the
/// stretch, as a quotation that goes on into the next paragraph does.
fn quoted_tokens(text: &str, toks: &[Tok<'_>]) -> Vec<bool> {
    let mut open = false;
    let mut out = Vec::with_capacity(toks.len());
    for (k, t) in toks.iter().enumerate() {
        let mark =
            t.kind == TokenKind::Punct && matches!(t.raw, "\"" | "“" | "”" | "„" | "«" | "»");
        if !mark {
            out.push(open);
            continue;
        }
        out.push(false);
        let before = text[..t.start].chars().next_back();
        let glued_before = k > 0 && toks[k - 1].end == t.start;
        open = match t.raw {
            "“" | "„" | "«" => true,
            "”" | "»" => false,
            _ => {
                let opens = !glued_before || before.is_some_and(|c| "([{—–:,".contains(c));
                !open && opens
            }
        };
    }
    out
}

/// A folded word without its possessive ending ("tuesday's" gives "tuesday").
pub(crate) fn base(w: &str) -> &str {
    w.strip_suffix("'s").unwrap_or(w)
}

/// True when a word has a hyphen, so that [`hyphen_parts`] can split it.
pub(crate) fn has_hyphen(raw: &str) -> bool {
    raw.contains(['-', '‐', '‑'])
}

/// Splits a word on its hyphens: the byte range (relative to the word) and folded
/// text of each part. Apostrophes stay inside their part.
pub(crate) fn hyphen_parts(raw: &str) -> Vec<(Range<usize>, String)> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in raw.char_indices() {
        if matches!(c, '-' | '‐' | '‑') {
            parts.push((start..i, text::fold(&raw[start..i])));
            start = i + c.len_utf8();
        }
    }
    parts.push((start..raw.len(), text::fold(&raw[start..])));
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accessors_answer_nothing_out_of_range() {
        let text = "Some 12 Boats";
        let v = View::new(text, 0..text.len());
        assert_eq!(v.len(), 3);
        assert_eq!(v.low(2), "boats");
        assert_eq!(v.low(3), "");
        assert_eq!(v.low_before(0), "");
        assert!(v.is_number(1));
        assert!(!v.is_number(9));
        assert!(v.is_capitalized(2));
        assert_eq!(v.end(7), text.len());
    }

    #[test]
    fn knows_which_tokens_are_quoted() {
        let text = "He said \"we vote today\" and “they left” now.";
        let v = View::new(text, 0..text.len());
        let quoted: Vec<&str> = (0..v.len())
            .filter(|&k| v.is_quoted(k))
            .map(|k| v.raw(k))
            .collect();
        assert_eq!(quoted, vec!["we", "vote", "today", "they", "left"]);
        let text = "“We start tomorrow, and";
        let v = View::new(text, 0..text.len());
        assert!(v.is_quoted(3), "an open quotation runs on");
    }

    #[test]
    fn splits_hyphenated_words_with_byte_ranges() {
        let parts = hyphen_parts("six‑and-a-half");
        let texts: Vec<&str> = parts.iter().map(|(_, t)| t.as_str()).collect();
        assert_eq!(texts, vec!["six", "and", "a", "half"]);
        assert_eq!(parts[1].0, 6..9);
    }
}

//! Sentence boundaries inside one paragraph.
//!
//! The scanner walks the paragraph once. At every run of terminal punctuation (".",
//! "!", "?", "…", "...", ". . .", with any closing quotes or brackets that follow) it
//! asks [`rules::ends_sentence`], which looks only at a bounded window around the
//! run, so the whole pass is linear in the length of the text.

use std::ops::Range;

use super::marker;
use super::rules;

/// Appends the sentences of `text[para]` to `out` as trimmed absolute byte ranges.
pub(super) fn split(text: &str, para: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[para.clone()];
    let (skip, enumeration) = leading_marker(s);
    let mut scan = Scanner {
        s,
        base: para.start,
        out,
        sentence_start: skip,
        word_start: skip,
        has_letter: false,
        opens_with_quote: None,
        enumeration,
    };
    let mut i = skip;
    while let Some(c) = s[i..].chars().next() {
        i = scan.step(i, c);
    }
    scan.cut(s.len(), s.len());
}

/// The state of one pass over a paragraph.
struct Scanner<'a, 'o> {
    /// The paragraph text.
    s: &'a str,
    /// Where the paragraph starts in the source text.
    base: usize,
    out: &'o mut Vec<Range<usize>>,
    /// Where the current sentence starts.
    sentence_start: usize,
    /// Where the current whitespace-separated token starts.
    word_start: usize,
    /// True once the current sentence holds a letter: a sentence of marks and
    /// digits alone ("1.") is never cut off.
    has_letter: bool,
    /// Whether the current sentence opens with a quotation mark; `None` until its
    /// first visible character.
    opens_with_quote: Option<bool>,
    /// The next list marker of an enumeration that runs inside the paragraph.
    enumeration: Option<String>,
}

impl Scanner<'_, '_> {
    /// Reads the character `c` at `i` and returns where to read next.
    fn step(&mut self, i: usize, c: char) -> usize {
        if c.is_whitespace() {
            self.word_start = i + c.len_utf8();
            return self.word_start;
        }
        if let Some(len) = self.list_item_at(i) {
            self.cut(i, i + len);
            self.enumeration = marker::list(&self.s[i..]).and_then(|m| m.next);
            return i + len;
        }
        if self.opens_with_quote.is_none() {
            self.opens_with_quote = Some(is_quote_opener(c));
        }
        if !is_terminal(c) {
            self.has_letter |= c.is_alphabetic();
            return i + c.len_utf8();
        }
        let run = read_run(self.s, i);
        let context = rules::Context {
            s: self.s,
            run: &run,
            word_start: self.word_start,
            first_word: self.s[self.sentence_start..self.word_start]
                .trim()
                .is_empty(),
            opens_with_quote: self.opens_with_quote.unwrap_or(false),
        };
        if self.has_letter && rules::ends_sentence(&context) {
            self.cut(run.end, run.end);
        }
        run.end
    }

    /// The length of the next marker of the enumeration when it stands at `i`, at
    /// the start of a token, after some text or at the very start of a sentence.
    fn list_item_at(&self, i: usize) -> Option<usize> {
        let expected = self.enumeration.as_deref()?;
        // `opens_with_quote` is unset while the sentence holds nothing but spaces.
        let fresh = self.opens_with_quote.is_none();
        if self.word_start != i || !(self.has_letter || fresh) {
            return None;
        }
        next_item(self.s, i, expected)
    }

    /// Ends the current sentence at `end` and starts the next one at `resume`.
    fn cut(&mut self, end: usize, resume: usize) {
        push_trimmed(self.out, self.s, self.base, self.sentence_start..end);
        self.sentence_start = resume;
        self.word_start = resume;
        self.has_letter = false;
        self.opens_with_quote = None;
    }
}

/// The byte length of the heading or list marker that opens a paragraph, and the
/// next marker of its enumeration.
fn leading_marker(s: &str) -> (usize, Option<String>) {
    if let Some(len) = marker::heading(s) {
        return (len, None);
    }
    match marker::list(s) {
        Some(m) => (m.len, m.next),
        None => (0, None),
    }
}

/// The byte length of the list marker `expected` with its spaces, when it stands at
/// `i` followed by a space.
fn next_item(s: &str, i: usize, expected: &str) -> Option<usize> {
    let rest = s[i..].strip_prefix(expected)?;
    let spaces = rest.len() - rest.trim_start().len();
    (spaces > 0).then_some(expected.len() + spaces)
}

/// Pushes `s[r]`, trimmed, as an absolute range, when it is not blank.
fn push_trimmed(out: &mut Vec<Range<usize>>, s: &str, base: usize, r: Range<usize>) {
    let piece = &s[r.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        let start = base + r.start + lead;
        out.push(start..start + trimmed.len());
    }
}

/// The kind of a run of terminal punctuation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// A single period.
    Period,
    /// An ellipsis: "…", "...", ". . .".
    Ellipsis,
    /// A run holding "!" or "?".
    Exclaim,
}

/// A run of terminal punctuation and the closing marks after it.
#[derive(Debug)]
pub(super) struct Run {
    /// Byte offset of the first terminal mark.
    pub(super) start: usize,
    /// Byte offset just after the run.
    pub(super) end: usize,
    /// Period, ellipsis, or exclamation and question marks.
    pub(super) kind: Kind,
    /// True when a closing quote or bracket follows a terminal mark inside the run.
    pub(super) closed: bool,
    /// True when one of those closing marks is a quotation mark.
    pub(super) closed_by_quote: bool,
}

/// True for a mark that may end a sentence.
pub(super) fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‽')
}

/// True for a mark that may close a quotation or a bracket after a sentence's end.
pub(super) fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '}' | '»' | '›')
}

/// True for a closing quotation mark (straight marks count both ways).
pub(super) fn is_quote_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›')
}

/// True for an opening quotation mark (straight marks count both ways).
pub(super) fn is_quote_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '‹' | '„')
}

/// True for a mark that may open a quotation or a bracket before a word.
pub(super) fn is_opener(c: char) -> bool {
    is_quote_opener(c) || matches!(c, '(' | '[' | '{' | '¿' | '¡')
}

/// Reads the run of terminal marks and closers that starts at `start`.
pub(super) fn read_run(s: &str, start: usize) -> Run {
    let mut run = Run {
        start,
        end: start,
        kind: Kind::Period,
        closed: false,
        closed_by_quote: false,
    };
    let mut ellipsis = false;
    if s[start..].starts_with(". . .") {
        // A spaced ellipsis: take every ". " pair, then the last dot.
        while s[run.end..].starts_with(". .") {
            run.end += 2;
        }
        run.end += 1;
        ellipsis = true;
    }
    let mut exclaim = false;
    let mut previous_dot = false;
    while let Some(c) = s[run.end..].chars().next() {
        match c {
            '.' => {
                ellipsis |= previous_dot;
                previous_dot = true;
            }
            '…' => ellipsis = true,
            '!' | '?' | '‽' => exclaim = true,
            c if is_closer(c) => {
                run.closed = true;
                run.closed_by_quote |= is_quote_closer(c);
            }
            _ => break,
        }
        if c != '.' {
            previous_dot = false;
        }
        run.end += c.len_utf8();
    }
    run.kind = if exclaim {
        Kind::Exclaim
    } else if ellipsis {
        Kind::Ellipsis
    } else {
        Kind::Period
    };
    run
}

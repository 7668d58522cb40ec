//! The rules that decide whether a run of terminal punctuation ends a sentence.
//!
//! Each rule reads a bounded window around the run: the word before it, whether a
//! space follows, and the next few words. Nothing here scans the whole paragraph.

use super::sentence::{
    Kind, Run, is_closer, is_opener, is_quote_closer, is_quote_opener, is_terminal,
};
use super::words::{self, Abbrev};

/// Longest word before a run that is examined when no space follows the run; longer
/// tokens are links or code, not sentences glued together.
const MAX_GLUED_WORD: usize = 64;
/// How far after a run the rule for quotations looks for an attribution.
const ATTRIBUTION_WINDOW: usize = 120;
/// How many characters of the next word are read.
const MAX_NEXT_WORD: usize = 40;

/// What the rules see around one run.
pub(super) struct Context<'a> {
    /// The paragraph text.
    pub(super) s: &'a str,
    /// The run of terminal punctuation.
    pub(super) run: &'a Run,
    /// Where the word before the run starts.
    pub(super) word_start: usize,
    /// True when that word is the first of its sentence.
    pub(super) first_word: bool,
    /// True when the current sentence opens with a quotation mark.
    pub(super) opens_with_quote: bool,
}

/// The word before a run: its letters, and whether it ended with a closing mark
/// (as in `“word”.` or `(word).`), which the run then follows.
struct Before<'a> {
    /// The word, without opening marks before it or closing marks after it.
    word: &'a str,
    /// True when only opening marks precede the word in its token: "(B" but not "°C".
    bare: bool,
    /// True when closing marks end the token, just before the run.
    after_closer: bool,
    /// True when one of those marks is a quotation mark.
    after_quote: bool,
}

/// Reads the word between `word_start` and the run at `run_start`.
fn word_before<'a>(s: &'a str, word_start: usize, run_start: usize) -> Before<'a> {
    let token = &s[word_start..run_start];
    let raw = token.trim_start_matches(|c: char| !c.is_alphanumeric());
    let bare = token[..token.len() - raw.len()].chars().all(is_opener);
    let word = raw.trim_end_matches(is_closer);
    let closers = &raw[word.len()..];
    Before {
        word,
        bare,
        after_closer: !closers.is_empty(),
        after_quote: closers.chars().any(is_quote_closer),
    }
}

/// The case of the first letter of the next word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    Lower,
    Upper,
    Digit,
    Other,
}

/// The word after a run and the text around it.
struct After<'a> {
    /// The case of its first character.
    case: Case,
    /// The next word, without opening marks ("The" in `“The`).
    word: &'a str,
    /// True when the next word is a single capital with a period: an initial.
    is_initial: bool,
    /// True when a quotation mark opens the next word.
    after_quote: bool,
    /// A bounded stretch of text from the next word on.
    tail: &'a str,
}

/// Reads the word after the spaces that follow `from`, or `None` at the end.
fn word_after(s: &str, from: usize) -> Option<After<'_>> {
    let rest = &s[from..];
    let trimmed = rest.trim_start();
    let openers: usize = trimmed
        .chars()
        .take_while(|c| is_opener(*c))
        .map(char::len_utf8)
        .sum();
    let after_quote = trimmed[..openers].chars().any(is_quote_opener);
    let body = &trimmed[openers..];
    let first = body.chars().next()?;
    let len: usize = body
        .chars()
        .take(MAX_NEXT_WORD)
        .take_while(|c| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-'))
        .map(char::len_utf8)
        .sum();
    let word = &body[..len];
    let case = if first.is_lowercase() {
        Case::Lower
    } else if first.is_uppercase() {
        Case::Upper
    } else if first.is_numeric() {
        Case::Digit
    } else {
        Case::Other
    };
    let is_initial =
        word.chars().count() == 1 && first.is_uppercase() && body[len..].starts_with('.');
    Some(After {
        case,
        word,
        is_initial,
        after_quote,
        tail: prefix(body, ATTRIBUTION_WINDOW),
    })
}

/// The longest prefix of `s` of at most `max` bytes that ends on a char boundary.
fn prefix(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Decides whether the run in `cx` ends a sentence.
pub(super) fn ends_sentence(cx: &Context<'_>) -> bool {
    let run = cx.run;
    let Some(next_char) = cx.s[run.end..].chars().next() else {
        return true;
    };
    if !next_char.is_whitespace() {
        return glued_sentences(cx);
    }
    let Some(next) = word_after(cx.s, run.end) else {
        return true;
    };
    if cx.s[..run.start].ends_with(['[', '(']) {
        // An omission mark inside brackets, as in "[...]".
        return false;
    }
    let before = word_before(cx.s, cx.word_start, run.start);
    let quoted = run.closed_by_quote || before.after_quote;
    let attributed = || quoted && cx.opens_with_quote && is_attribution(next.tail);
    match run.kind {
        Kind::Exclaim => next.case != Case::Lower && !attributed(),
        Kind::Ellipsis => next.case == Case::Upper && !is_pronoun_i(next.word) && !attributed(),
        Kind::Period if run.closed || before.after_closer => {
            next.case != Case::Lower && !attributed()
        }
        Kind::Period => period_ends_sentence(&before, &next, cx.first_word),
    }
}

/// The rule for a bare period followed by a space: the word before it decides,
/// together with the next word. `first_word` is true when that word opens its
/// sentence, where a lone letter is a label ("Q. What now?"), not a sentence.
fn period_ends_sentence(before: &Before<'_>, next: &After<'_>, first_word: bool) -> bool {
    let word = before.word;
    if next.case == Case::Lower {
        // A lower-case start is rare after a real boundary; accept it only after an
        // ordinary word, as in sloppy copy ("the threat. military ...").
        return is_plain_word(word);
    }
    match classify(word) {
        Class::Prefix => false,
        Class::Closing | Class::Ordinary => true,
        Class::Initial if !before.bare => true,
        Class::Initial => !first_word && opens_sentence(next) && !next.is_initial,
        Class::Time => !continues_time(next),
        Class::Unit if next.case == Case::Upper && !is_roman_numeral(next.word) => true,
        Class::Unit | Class::Ambiguous => opens_sentence(next),
    }
}

/// True when the capitalised word after "a.m." or "p.m." still belongs to the time:
/// a weekday or a month (in full or abbreviated), a time zone ("GMT", "Eastern"), or
/// a place before "time".
fn continues_time(next: &After<'_>) -> bool {
    const ZONES: &[&str] = &[
        "Atlantic",
        "Central",
        "Eastern",
        "Greenwich",
        "Mountain",
        "Pacific",
    ];
    if next.case != Case::Upper {
        return true;
    }
    let word = next.word;
    let is_caps = word.chars().all(|c| c.is_uppercase()) && word.len() >= 2;
    let then = next.tail.split_whitespace().nth(1).unwrap_or("");
    is_caps
        || ZONES.contains(&word)
        || words::is_calendar_name(word)
        || words::abbreviation(word).is_some()
        || then.trim_end_matches(|c: char| !c.is_alphabetic()) == "time"
}

/// True for a capitalised word made only of Roman numeral letters ("IV", "XII").
fn is_roman_numeral(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M'))
}

/// True when the next word looks like the start of a sentence: a typical opener, or
/// a capitalised word inside an opening quotation mark.
fn opens_sentence(next: &After<'_>) -> bool {
    words::is_starter(next.word) || (next.after_quote && next.case == Case::Upper)
}

/// How a word before a period behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// A title or connective: the sentence goes on.
    Prefix,
    /// May end the sentence; the next word decides.
    Ambiguous,
    /// Ends the sentence before any capitalised word ("etc.").
    Closing,
    /// A single capital letter: an initial, unless a sentence opener follows.
    Initial,
    /// "a.m." or "p.m.": ends the sentence unless a time zone or day follows.
    Time,
    /// A lower-case abbreviation such as "hrs." or "approx.": a capitalised word
    /// after it starts a new sentence, a number does not.
    Unit,
    /// An ordinary word or number: the period ends the sentence.
    Ordinary,
}

/// The class of the word before a period.
fn classify(word: &str) -> Class {
    if let Some(abbrev) = words::abbreviation(word) {
        let lower = word.chars().all(char::is_lowercase);
        return match abbrev {
            Abbrev::Prefix => Class::Prefix,
            Abbrev::Ambiguous if lower => Class::Unit,
            Abbrev::Ambiguous => Class::Ambiguous,
            Abbrev::Closing => Class::Closing,
        };
    }
    if word.eq_ignore_ascii_case("a.m") || word.eq_ignore_ascii_case("p.m") {
        return Class::Time;
    }
    let mut chars = word.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_uppercase() => Class::Initial,
        (Some(c), None) if c.is_lowercase() => Class::Ambiguous,
        _ if is_dotted_abbreviation(word) => Class::Ambiguous,
        _ => Class::Ordinary,
    }
}

/// True for abbreviations written with inner periods: "U.S", "p.m", "Ph.D".
fn is_dotted_abbreviation(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|part| (1..=3).contains(&part.len()) && part.chars().all(char::is_alphabetic))
        && word.split('.').any(|part| part.chars().count() == 1)
}

/// True for an ordinary word: two letters or more, no inner period, not a known
/// abbreviation.
fn is_plain_word(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
        && words::abbreviation(word).is_none()
}

/// True for "I" and its contractions, which an ellipsis does not end a sentence
/// before ("well... I don't know").
fn is_pronoun_i(word: &str) -> bool {
    word.split(['\'', '’']).next() == Some("I")
}

/// True when `tail` (the text after a closing quotation mark) begins with a short
/// attribution: a subject of a few words and a verb of speech (`Smith said.`,
/// `The senior official told reporters.`).
fn is_attribution(tail: &str) -> bool {
    let mut tokens = tail.split_whitespace();
    let Some(first) = tokens.next() else {
        return false;
    };
    let first = first.trim_matches(|c: char| !c.is_alphanumeric());
    if !is_subject_opener(first) {
        return false;
    }
    for token in tokens.take(4) {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric());
        if words::is_speech_verb(word) {
            return true;
        }
        let ends_clause = token.ends_with(['.', '!', '?', ';', ':']);
        if ends_clause && classify(word) == Class::Ordinary {
            return false;
        }
    }
    false
}

/// True for a word that may open the subject of an attribution: a name, a pronoun
/// or a determiner, but not a connective such as "Then" or "But".
fn is_subject_opener(word: &str) -> bool {
    const SUBJECTS: &[&str] = &[
        "A", "An", "Another", "He", "Her", "His", "I", "It", "Its", "One", "Our", "She", "The",
        "Their", "They", "We",
    ];
    if SUBJECTS.contains(&word) {
        return true;
    }
    word.chars().next().is_some_and(char::is_uppercase) && !words::is_starter(word)
}

/// The rule for a run glued to the next word ("world.Today"): a boundary only between
/// an ordinary word or number and a capitalised word, never inside links, decimals or
/// dotted abbreviations.
fn glued_sentences(cx: &Context<'_>) -> bool {
    let run = cx.run;
    if run.closed || run.kind == Kind::Ellipsis || run.start - cx.word_start > MAX_GLUED_WORD {
        return false;
    }
    let rest = &cx.s[run.end..];
    let mut chars = rest.chars();
    let (Some(a), Some(b)) = (chars.next(), chars.next()) else {
        return false;
    };
    if !(a.is_uppercase() && b.is_lowercase()) {
        return false;
    }
    let before = cx.s[cx.word_start..run.start].trim_start_matches(|c: char| !c.is_alphanumeric());
    let last_ok = before
        .chars()
        .next_back()
        .is_some_and(|c| c.is_lowercase() || c.is_numeric());
    let clean = |w: &str| !w.contains(['.', '/', '@', ':', '\\', '_', '=', '#']);
    let next_token = prefix(rest, MAX_GLUED_WORD)
        .split(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_end_matches(|c: char| is_terminal(c) || is_closer(c) || c == ',');
    last_ok
        && clean(before)
        && clean(next_token)
        && before.chars().filter(|c| c.is_alphanumeric()).count() >= 2
        && words::abbreviation(before).is_none()
}

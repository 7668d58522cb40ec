//! What the cleaner measures on each line of a page: length, stop-word density,
//! whether it ends like a sentence, whether it is a list of names, and a key for
//! finding the same line in other sources.
//!
//! The measures follow jusText: article prose is long and full of function words,
//! while page chrome is short, or long but made of names and links.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::LazyLock;

use crate::text::{self, TokenKind};

/// Lines at least this long (in non-space characters) are judged on their stop-word
/// density alone.
const LONG_CHARS: usize = 150;
/// Lines shorter than this are too short to judge by themselves.
const SHORT_CHARS: usize = 70;
/// Stop-word density of article prose (measured on English news paragraphs with the
/// stop list of [`crate::text`]: body paragraphs lie between 0.22 and 0.6).
const PROSE_DENSITY: f32 = 0.20;
/// Below this density a long line is not prose at all.
const MIN_DENSITY: f32 = 0.12;
/// Longest stop word, in bytes ("themselves").
const MAX_STOP_WORD_BYTES: usize = 10;
/// Lines with more words than this are never read as cue lines: chrome is brief.
pub(super) const MAX_CUE_WORDS: usize = 80;

/// How a line looks by itself, before its neighbours are considered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) enum Quality {
    /// Long prose: the backbone of the article body.
    Good,
    /// Prose-like but short or without a final stop (standfirsts, captions).
    NearGood,
    /// Too short to judge alone (headings, short quotes, credits, menu items).
    Short,
    /// Long but not prose (lists of names, link lists).
    Bad,
}

/// One paragraph of a page (usually one line) with its measures.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Unit {
    /// Byte range in the source text (trimmed, never empty).
    pub(crate) range: Range<usize>,
    /// Number of word and number tokens.
    pub(crate) words: usize,
    /// Number of stop words among them.
    pub(crate) stop_words: usize,
    /// Number of non-space characters.
    pub(crate) chars: usize,
    /// True when the line ends like a sentence (. ! ? … before closing quotes).
    pub(crate) sentence: bool,
    /// True when the line is a list of short capitalized items (menus, pickers).
    pub(crate) list: bool,
    /// True when the line looks like a heading: a few words, capitalized, no stop.
    pub(crate) heading: bool,
    /// The line's quality by itself.
    pub(crate) quality: Quality,
    /// The line folded for matching (lower case, plain quotes, single spaces);
    /// empty for lines longer than [`MAX_CUE_WORDS`] words.
    pub(crate) folded: String,
    /// Hash (FNV-1a) of the folded line, for finding it in other sources.
    pub(crate) key: u64,
}

impl Unit {
    /// Share of stop words among the words of the line.
    pub fn density(&self) -> f32 {
        if self.words == 0 {
            0.0
        } else {
            self.stop_words as f32 / self.words as f32
        }
    }
}

/// Measures each paragraph of `text`, trimmed. Text extracted from a web page
/// puts each piece of chrome on a line of its own, and the segmenter keeps such
/// lines apart (it only joins the lines of hard-wrapped prose), so a paragraph is
/// either chrome or article as a whole. Ranges that do not fit the text are skipped.
pub(super) fn units(text: &str, paragraphs: &[Range<usize>]) -> Vec<Unit> {
    paragraphs
        .iter()
        .filter_map(|p| {
            let slice = text.get(p.clone())?;
            let lead = slice.len() - slice.trim_start().len();
            let trimmed = slice.trim();
            let start = p.start + lead;
            (!trimmed.is_empty()).then(|| measure(text, start..start + trimmed.len()))
        })
        .collect()
}

/// Measures one trimmed line.
fn measure(text: &str, range: Range<usize>) -> Unit {
    let line = &text[range.clone()];
    let mut words = 0;
    let mut stop_words = 0;
    let mut buf = String::new();
    for t in text::tokenize(text, range.clone()) {
        if t.kind == TokenKind::Punct {
            continue;
        }
        words += 1;
        if t.kind == TokenKind::Word && is_stop(&mut buf, t.text(text)) {
            stop_words += 1;
        }
    }
    let chars = line.chars().filter(|c| !c.is_whitespace()).count();
    let sentence = ends_like_sentence(line);
    let list = is_name_list(line, sentence);
    let mut unit = Unit {
        range,
        words,
        stop_words,
        chars,
        sentence,
        list,
        heading: false,
        quality: Quality::Short,
        folded: String::new(),
        key: 0,
    };
    unit.quality = quality(&unit);
    unit.heading = looks_like_heading(line, &unit);
    let folded = fold_line(line);
    let mut hasher = Fnv::default();
    hasher.write(folded.as_bytes());
    unit.key = hasher.finish();
    if words <= MAX_CUE_WORDS {
        unit.folded = folded;
    }
    unit
}

/// Lower-cases `word` into `buf` with curly apostrophes made plain.
fn fold_into(buf: &mut String, word: &str) {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
        return;
    }
    for c in word.chars().flat_map(char::to_lowercase) {
        buf.push(if matches!(c, '’' | '‘' | 'ʼ') {
            '\''
        } else {
            c
        });
    }
}

/// The stop words of [`crate::text`] in a hash set: this lookup runs once per word
/// of the corpus, where a binary search costs a string comparison per step.
static STOP_SET: LazyLock<HashSet<&'static str, BuildHasherDefault<Fnv>>> =
    LazyLock::new(|| text::STOP_WORDS.iter().copied().collect());

/// FNV-1a, a fast hash for short keys and stable line keys.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// True when the word is a stop word; words longer than any stop word are not
/// looked up.
fn is_stop(buf: &mut String, word: &str) -> bool {
    if word.len() > MAX_STOP_WORD_BYTES {
        return false;
    }
    fold_into(buf, word);
    STOP_SET.contains(buf.as_str())
}

/// Folds a whole line for matching: lower case, plain quotes and dashes, runs of
/// spaces made one.
pub(super) fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut space = false;
    for c in line.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        for l in c.to_lowercase() {
            out.push(match text::fold_quote(l) {
                '‐' | '‑' | '–' | '—' => '-',
                q => q,
            });
        }
    }
    out
}

/// True when the line ends with sentence punctuation, possibly followed by closing
/// quotes or brackets.
pub(super) fn ends_like_sentence(line: &str) -> bool {
    let core = line.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
    });
    core.ends_with(['.', '!', '?', '…'])
}

/// True for a line made of four or more short items split by commas, bars, bullets
/// or spaced dashes, mostly capitalized and nearly without function words: a menu, a city
/// picker, a tag list. Sentences, and lines where one word in ten or more is a
/// function word, are not lists.
fn is_name_list(line: &str, sentence: bool) -> bool {
    if sentence {
        return false;
    }
    let items: Vec<&str> = line
        .split([',', '|', '•', '·', '/', ';', '»', '›'])
        .flat_map(|s| s.split(" - "))
        .flat_map(|s| s.split(" – "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if items.len() < 4 {
        return false;
    }
    let mut buf = String::new();
    let mut capitalized = 0;
    let mut words = 0;
    let mut stop_words = 0;
    for item in &items {
        let item_words: Vec<&str> = item.split_whitespace().collect();
        if item_words.len() > 4 {
            return false;
        }
        for w in &item_words {
            words += 1;
            if is_stop(&mut buf, w) {
                stop_words += 1;
            }
        }
        if item.chars().next().is_some_and(|c| c.is_uppercase()) {
            capitalized += 1;
        }
    }
    stop_words * 10 < words && capitalized * 10 >= items.len() * 7
}

/// The quality of a line by itself, as in jusText but with thresholds measured for
/// this crate's stop list; a long line only counts as article prose when it ends like
/// a sentence.
fn quality(u: &Unit) -> Quality {
    let d = u.density();
    if u.list {
        return Quality::Bad;
    }
    if u.chars >= LONG_CHARS {
        if d >= PROSE_DENSITY && u.sentence {
            Quality::Good
        } else if d >= MIN_DENSITY {
            Quality::NearGood
        } else {
            Quality::Bad
        }
    } else if u.chars >= SHORT_CHARS && d >= PROSE_DENSITY {
        if u.sentence {
            Quality::Good
        } else {
            Quality::NearGood
        }
    } else {
        Quality::Short
    }
}

/// True for a line that could be a headline or subheading: two to twenty words,
/// starting with a capital, a digit or a quote, not ending with a full stop, and not
/// a list.
fn looks_like_heading(line: &str, u: &Unit) -> bool {
    let first_ok = line
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || text::fold_quote(c) != c);
    let full_stop = line.trim_end().ends_with('.');
    (2..=20).contains(&u.words) && first_ok && !full_stop && !u.list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(line: &str) -> Unit {
        units(line, std::slice::from_ref(&(0..line.len()))).remove(0)
    }

    #[test]
    fn measures_trimmed_paragraphs() {
        let text = "  Top line  \nSecond line\n\nThird";
        let us = units(text, &[0..24, 26..31]);
        let lines: Vec<&str> = us.iter().map(|u| &text[u.range.clone()]).collect();
        assert_eq!(lines, vec!["Top line  \nSecond line", "Third"]);
        assert_eq!(us[0].words, 4);
    }

    #[test]
    fn long_prose_is_good_and_short_lines_are_short() {
        let prose = one(
            "The council voted on Tuesday to close the old ferry terminal, which has \
             been losing money for a decade, and to move its staff to the new port.",
        );
        assert_eq!(prose.quality, Quality::Good);
        assert!(prose.sentence);
        let heading = one("Ferry terminal to close");
        assert_eq!(heading.quality, Quality::Short);
        assert!(heading.heading);
    }

    #[test]
    fn lists_of_names_are_bad() {
        let menu = one("Regions - Northfield, Eastbrook, Lowmoor, Highgate, Westcombe");
        assert!(menu.list);
        assert_eq!(menu.quality, Quality::Bad);
        let sentence = one("Visitors came from Northfield, Eastbrook, Lowmoor and Highgate.");
        assert!(!sentence.list);
    }

    #[test]
    fn sentences_may_end_inside_quotes() {
        assert!(ends_like_sentence("“We will rebuild.”"));
        assert!(ends_like_sentence("He asked (why?)"));
        assert!(!ends_like_sentence("Click an icon to log in:"));
    }

    #[test]
    fn stop_words_are_found_in_any_case() {
        let mut buf = String::new();
        for w in text::STOP_WORDS {
            assert!(is_stop(&mut buf, &w.to_uppercase()), "{w}");
        }
        assert!(is_stop(&mut buf, "It’s"));
        assert!(!is_stop(&mut buf, "harbour"));
    }

    #[test]
    fn folding_makes_lines_comparable() {
        assert_eq!(fold_line("  Don’t   MISS —  this "), "don't miss - this");
        assert_eq!(one("Read  More").key, one("read more").key);
    }
}

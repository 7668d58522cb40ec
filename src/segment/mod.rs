//! Paragraphs and sentences with byte spans.
//!
//! Every later stage reads sentences, so a wrong boundary costs twice: a figure loses
//! the words that say what it counts, and a quote shared by two outlets is cut
//! differently in each. The segmenter is rule-based and linear in the text:
//!
//! - [`paragraphs`] takes each line as a paragraph, as news text files are written,
//!   unless the file is hard-wrapped at a fixed width, in which case wrapped lines
//!   join into one paragraph. Markdown headings and list items stand alone.
//! - [`sentences`] splits each paragraph at terminal punctuation, knowing
//!   abbreviations ("Mr.", "Inc.", "U.S.", "Sept. 17"), initials ("J. R. Doe"),
//!   decimals, ellipses, and quotations that close after the period. A sentence
//!   never crosses a paragraph, so a headline without a final period stands alone.

mod marker;
mod paragraph;
mod rules;
mod sentence;
mod words;

use std::ops::Range;

/// Splits `text` into paragraphs: trimmed, non-empty byte ranges, in order.
///
/// Each line is a paragraph, except in hard-wrapped files (most lines that go on
/// to the next line are long, of similar length, and continue in lower case), where
/// lines separated only by a line break are joined, and except a line that finishes
/// the sentence the line before it left open. A Markdown heading or list item starts
/// a paragraph of its own; its marker stays in the paragraph but not in its sentences.
/// Lines without a letter or digit (blank lines, rules such as "---") separate
/// paragraphs and belong to none.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    paragraph::paragraphs(text)
}

/// Splits each paragraph into sentences: (trimmed byte range, paragraph index), in
/// order, never overlapping and never crossing a paragraph.
///
/// `paragraphs` must be ranges of `text` on char boundaries, as [`paragraphs`]
/// returns them; a range that is not is skipped rather than trusted.
pub fn sentences(text: &str, paragraphs: &[Range<usize>]) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    let mut ranges = Vec::new();
    for (index, para) in paragraphs.iter().enumerate() {
        if text.get(para.clone()).is_none() {
            continue;
        }
        ranges.clear();
        sentence::split(text, para.clone(), &mut ranges);
        out.extend(ranges.drain(..).map(|r| (r, index)));
    }
    out
}

#[cfg(test)]
mod tests;

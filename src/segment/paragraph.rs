//! Paragraphs: lines of text, joined when the file is hard-wrapped.
//!
//! News text files usually hold one paragraph per line (headlines, captions and credit
//! lines included), so each line is its own paragraph. Some files are instead wrapped
//! at a fixed width, with blank lines between paragraphs; there a paragraph spans
//! several lines and its sentences run across the line breaks. The file decides: when
//! most lines that continue on the next line are long, of similar length, and followed
//! by a line that goes on in lower case, the file is taken as wrapped.

use std::ops::Range;

use super::marker;

/// One line of the text, trimmed.
#[derive(Debug, Clone)]
struct Line {
    /// Byte range of the trimmed content; empty for a blank line.
    content: Range<usize>,
    /// Number of characters of the trimmed content.
    width: usize,
    /// True when the line opens a Markdown block (heading, list item, quote, table)
    /// or is a rule ("---"): it never continues the previous line.
    opens_block: bool,
    /// True when nothing can continue this line: a heading or a rule.
    closes_block: bool,
    /// True when the line starts with a lower-case letter.
    starts_lower: bool,
    /// True when the line ends with terminal punctuation, maybe inside quotes.
    ends_sentence: bool,
    /// True when the line holds a letter or a digit.
    has_text: bool,
}

/// Splits `text` into trimmed, non-empty paragraph ranges in order.
pub(super) fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let lines = read_lines(text);
    let width = wrap_width(&lines);
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut previous: Option<&Line> = None;
    for line in &lines {
        if !line.has_text {
            // Blank lines and rules ("---", "* * *") separate paragraphs.
            previous = None;
            continue;
        }
        let joined = match (previous, width) {
            (Some(prev), Some(w)) => continues(prev, line, w),
            (Some(prev), None) => completes_broken_sentence(prev, line),
            (None, _) => false,
        };
        match out.last_mut() {
            Some(last) if joined => last.end = line.content.end,
            _ => out.push(line.content.clone()),
        }
        previous = Some(line);
    }
    out
}

/// Reads every line with its trimmed content; lines end with `\n`, `\r\n` or a
/// lone `\r`.
fn read_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    for raw in raw_lines(text) {
        let lead = raw.len() - raw.trim_start().len();
        let trimmed = raw.trim();
        let s = start + lead;
        let content = if trimmed.is_empty() {
            s..s
        } else {
            s..s + trimmed.len()
        };
        let (opens_block, closes_block) = block_kind(trimmed);
        lines.push(Line {
            content,
            width: trimmed.chars().count(),
            opens_block,
            closes_block,
            starts_lower: trimmed.chars().next().is_some_and(char::is_lowercase),
            ends_sentence: trimmed
                .trim_end_matches(['"', '\'', '”', '’', ')', ']'])
                .ends_with(['.', '!', '?', '…']),
            has_text: trimmed.chars().any(char::is_alphanumeric),
        });
        start += raw.len();
    }
    lines
}

/// The lines of `text`, each with its line break.
fn raw_lines(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let mut end = start;
        while end < bytes.len() {
            let b = bytes[end];
            end += 1;
            if b == b'\n' || (b == b'\r' && bytes.get(end) != Some(&b'\n')) {
                break;
            }
        }
        let line = &text[start..end];
        start = end;
        Some(line)
    })
}

/// Whether a trimmed line opens a block and whether it closes one.
fn block_kind(line: &str) -> (bool, bool) {
    let rule = !line.is_empty() && !line.chars().any(char::is_alphanumeric);
    let heading = marker::heading(line).is_some();
    let item = marker::list(line).is_some();
    let quote_or_table = line.starts_with('>') || line.starts_with('|');
    (rule || heading || item || quote_or_table, rule || heading)
}

/// The width at which the text is hard-wrapped, or `None` when its lines are
/// paragraphs of their own.
fn wrap_width(lines: &[Line]) -> Option<usize> {
    let mut inner = 0usize;
    let mut continued: Vec<usize> = Vec::new();
    for pair in lines.windows(2) {
        let (line, next) = (&pair[0], &pair[1]);
        if line.content.is_empty() || next.content.is_empty() || line.closes_block {
            continue;
        }
        inner += 1;
        if next.starts_lower && !next.opens_block {
            continued.push(line.width);
        }
    }
    if continued.len() < 2 || continued.len() * 10 < inner * 3 {
        return None;
    }
    continued.sort_unstable();
    let width = continued[(continued.len() - 1) * 9 / 10];
    let near = continued
        .iter()
        .filter(|w| **w * 10 >= width * 6 && **w * 10 <= width * 12)
        .count();
    ((30..=120).contains(&width) && near * 4 >= continued.len() * 3).then_some(width)
}

/// True when `line` continues the paragraph of `prev` in a text wrapped at `width`.
fn continues(prev: &Line, line: &Line, width: usize) -> bool {
    if prev.closes_block || line.opens_block {
        return false;
    }
    line.starts_lower || prev.width * 4 >= width * 3
}

/// True when `line` ends a sentence that `prev` left open: `prev` has no final
/// punctuation, and `line` starts in lower case and ends with a period. Text copied
/// out of a PDF or a narrow column breaks lines this way even when the file as a
/// whole is not wrapped; a list of short lower-case lines does not end with a period.
fn completes_broken_sentence(prev: &Line, line: &Line) -> bool {
    !prev.closes_block
        && !line.opens_block
        && !prev.ends_sentence
        && line.starts_lower
        && line.ends_sentence
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        paragraphs(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn each_line_is_a_paragraph_in_news_text() {
        let text = "Harbour Bridge Reopens\r\n\r\nPhoto: Staff\r\nThe bridge reopened on Monday after repairs.\r\n";
        assert_eq!(
            texts(text),
            [
                "Harbour Bridge Reopens",
                "Photo: Staff",
                "The bridge reopened on Monday after repairs."
            ]
        );
    }

    #[test]
    fn wrapped_lines_join_into_one_paragraph() {
        let text = "The council of the small coastal town voted on Tuesday to close\n\
                    the old ferry terminal, which had been losing money for years and\n\
                    needed repairs that nobody wanted to pay for.\n\n\
                    The mayor said the decision was painful but unavoidable, and that\n\
                    a new terminal would be built further along the shore in two\n\
                    years.\n";
        let got = texts(text);
        assert_eq!(got.len(), 2);
        assert!(got[0].starts_with("The council") && got[0].ends_with("pay for."));
        assert!(got[1].ends_with("two\nyears."));
    }

    #[test]
    fn crlf_wrapped_paragraphs_exclude_the_carriage_return() {
        let text = "A long line of wrapped prose that goes on until the width is\r\n\
                    reached, and then it carries on to the next line of the same\r\n\
                    paragraph without a break in between the words.\r\n";
        let got = paragraphs(text);
        assert_eq!(got.len(), 1);
        assert!(text[got[0].clone()].ends_with("words."));
    }

    #[test]
    fn markdown_headings_and_items_are_their_own_paragraphs() {
        let text = "# Storm Warning\n\n- Ferries cancelled\n- Schools closed\n1. First step\n";
        assert_eq!(
            texts(text),
            [
                "# Storm Warning",
                "- Ferries cancelled",
                "- Schools closed",
                "1. First step"
            ]
        );
    }

    #[test]
    fn a_sentence_broken_across_lines_is_one_paragraph() {
        let text = "Rain fell on the\nvalley all night.\nwind, hail\nsleet\n";
        assert_eq!(
            texts(text),
            ["Rain fell on the\nvalley all night.", "wind, hail", "sleet"]
        );
    }

    #[test]
    fn rules_and_lone_carriage_returns_separate_paragraphs() {
        let text = "First part.\r* * *\rSecond part.\n---\nThird part.";
        assert_eq!(texts(text), ["First part.", "Second part.", "Third part."]);
    }

    #[test]
    fn short_title_lines_are_not_wrapped() {
        let text = "Markets Rally\nBy Jane Doe\n\nShares rose sharply on Friday.\n";
        assert_eq!(
            texts(text),
            [
                "Markets Rally",
                "By Jane Doe",
                "Shares rose sharply on Friday."
            ]
        );
    }
}

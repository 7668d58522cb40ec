//! Paragraphs and sentences with byte spans.
//!
//! A paragraph is a run of text between line breaks; a sentence never crosses a
//! paragraph, so headlines and captions without final punctuation stand alone.

use std::ops::Range;

/// Splits `text` into paragraphs: trimmed, non-empty byte ranges, in order.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            let s = start + lead;
            out.push(s..s + trimmed.len());
        }
        start = end;
    }
    out
}

/// Splits each paragraph into sentences: (byte range, paragraph index), in order.
pub fn sentences(text: &str, paragraphs: &[Range<usize>]) -> Vec<(Range<usize>, usize)> {
    let mut out = Vec::new();
    for (p, para) in paragraphs.iter().enumerate() {
        let slice = &text[para.clone()];
        let mut start = 0;
        let bytes = slice.as_bytes();
        for (i, c) in slice.char_indices() {
            let next_is_space = bytes.get(i + 1).is_some_and(|b| *b == b' ');
            if matches!(c, '.' | '!' | '?') && next_is_space {
                push_trimmed(&mut out, slice, para.start, start..i + 1, p);
                start = i + 1;
            }
        }
        push_trimmed(&mut out, slice, para.start, start..slice.len(), p);
    }
    out
}

fn push_trimmed(
    out: &mut Vec<(Range<usize>, usize)>,
    slice: &str,
    base: usize,
    r: Range<usize>,
    paragraph: usize,
) {
    let s = &slice[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim();
    if !t.is_empty() {
        let start = base + r.start + lead;
        out.push((start..start + t.len(), paragraph));
    }
}

//! Quotation marks: where direct quotations start and end.
//!
//! Pages mix straight and curly marks and often get the direction wrong (a closing
//! curly mark glued to the next word), so a mark's role is read from its neighbours
//! first and from its shape only when the neighbours say nothing. Paragraphs are read
//! in order with three news conventions:
//! - a quotation running over several paragraphs reopens each paragraph without
//!   closing the previous one: it is one quotation with one segment per paragraph;
//! - a paragraph that starts without an opening mark but has a closing mark followed
//!   by an attribution ("..., Mr. Smith said") lost its opening mark;
//! - a quotation still open at the end of a paragraph that the next paragraph does not
//!   reopen lost its closing mark and ends with the paragraph.
//!
//! Single curly marks (‘…’) open a quotation only outside double quotes, because the
//! same closing character is also the apostrophe.

use std::ops::Range;

use super::words::{ABBREVIATIONS, SPEECH_VERBS, VERB_FILLERS, is_in};
use crate::text::{self, TokenKind};

/// A quotation as found in the text: the quoted characters (marks excluded) of each
/// paragraph it runs over.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Marked {
    /// One range per paragraph, in order, trimmed.
    pub(crate) segments: Vec<Range<usize>>,
    /// The opening mark was missing and inferred from the attribution after it.
    pub(crate) inferred_open: bool,
    /// The closing mark was missing: the quotation ends with its paragraph.
    pub(crate) inferred_close: bool,
}

impl Marked {
    /// From the first quoted character to the last.
    pub(crate) fn range(&self) -> Range<usize> {
        let start = self.segments.first().map_or(0, |s| s.start);
        let end = self.segments.last().map_or(0, |s| s.end);
        start..end
    }
}

/// What a mark does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Opens if nothing is open, closes otherwise.
    Toggle,
}

/// Double quotation marks in any style.
fn is_double(c: char) -> bool {
    text::fold_quote(c) == '"' && c != '″'
}

fn opens_before(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || "([{—–-/:".contains(c))
}

fn closes_after(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}—–-".contains(c))
}

/// The role of a double mark from its neighbours, then (when it stands alone between
/// spaces) its shape.
fn role(c: char, prev: Option<char>, next: Option<char>) -> Role {
    match (opens_before(prev), closes_after(next)) {
        (true, false) => Role::Open,
        (false, true) => Role::Close,
        // Glued to words on both sides: the shape is as likely wrong as right.
        (false, false) => Role::Toggle,
        (true, true) => match c {
            '“' | '„' | '«' => Role::Open,
            '”' | '»' => Role::Close,
            _ => Role::Toggle,
        },
    }
}

/// Trims whitespace and a trailing comma (news style puts the comma inside: “…,”).
fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let t = s.trim().trim_end_matches(',').trim_end();
    r.start + lead..r.start + lead + t.len()
}

/// True when the text right after a closing mark reads like an attribution: a speech
/// verb among the first few words ("..., Mr. Smith said", "..., said the mayor").
pub(crate) fn attribution_follows(text: &str, from: usize, until: usize) -> bool {
    let toks = text::tokenize(text, from..until);
    let mut words: Vec<String> = Vec::new();
    for (i, t) in toks.iter().enumerate().take(12) {
        let s = t.text(text);
        let after_abbreviation = i > 0 && {
            let prev = toks[i - 1].text(text);
            prev.chars().count() == 1 || is_in(ABBREVIATIONS, &text::fold(prev))
        };
        let stop = matches!(s, "!" | "?" | ";")
            || (s == "." && !after_abbreviation)
            || is_double(s.chars().next().unwrap_or(' '));
        if stop && (i > 0 || s != ".") {
            break;
        }
        if t.kind == TokenKind::Word {
            words.push(text::fold(s));
        }
    }
    words.iter().take(6).any(|w| is_in(SPEECH_VERBS, w))
        && words.first().is_some_and(|w| !is_in(VERB_FILLERS, w))
}

/// Quotation state carried from one paragraph to the next.
#[derive(Default)]
struct Open {
    /// Segments of earlier paragraphs (a quotation running over paragraphs).
    done: Vec<Range<usize>>,
    /// Where the open segment of this paragraph starts.
    from: Option<usize>,
    inferred_open: bool,
}

/// Finds the quotations of a text, paragraph by paragraph. `paragraphs` are sorted,
/// disjoint byte ranges of `text`.
pub(crate) fn find(text: &str, paragraphs: &[Range<usize>]) -> Vec<Marked> {
    let mut out = Vec::new();
    let mut open = Open::default();
    for (p, para) in paragraphs.iter().enumerate() {
        let continued = !open.done.is_empty();
        let marks = double_marks(text, para.clone());
        let mut first = true;
        for (pos, len, role) in marks {
            let reopening = first && continued && text[para.start..pos].trim().is_empty();
            first = false;
            if reopening {
                open.from = Some(pos + len);
                continue;
            }
            if !open.done.is_empty() && open.from.is_none() {
                // A continued quotation that this paragraph did not reopen has ended.
                finish(&mut open, &mut out, false);
            }
            match (role, open.from) {
                (Role::Open | Role::Toggle, None) => open.from = Some(pos + len),
                (Role::Close | Role::Toggle, Some(from)) => {
                    open.done.push(trim(text, from..pos));
                    finish(&mut open, &mut out, false);
                }
                (Role::Open, Some(from)) => {
                    // Two openings in a row: the first quotation lost its closing mark.
                    open.done.push(trim(text, from..pos));
                    finish(&mut open, &mut out, true);
                    open.from = Some(pos + len);
                }
                (Role::Close, None) => {
                    let lost_open = text[para.start..pos].trim().len() > 1
                        && !out_has_in(&out, para)
                        && attribution_follows(text, pos + len, para.end);
                    if lost_open {
                        open.done.push(trim(text, para.start..pos));
                        open.inferred_open = true;
                        finish(&mut open, &mut out, false);
                    }
                }
            }
        }
        if !open.done.is_empty() && open.from.is_none() {
            finish(&mut open, &mut out, false);
        }
        if let Some(from) = open.from {
            let next = paragraphs.get(p + 1);
            let reopened = next.is_some_and(|n| starts_with_double_mark(text, n.clone()));
            open.done.push(trim(text, from..para.end));
            if reopened {
                open.from = None;
            } else {
                finish(&mut open, &mut out, true);
            }
        }
    }
    if !open.done.is_empty() {
        finish(&mut open, &mut out, true);
    }
    out.extend(single_quotes(text, paragraphs, &out));
    out.retain(|q| q.segments.iter().any(|s| !s.is_empty()));
    out.sort_by_key(|q| (q.range().start, q.range().end));
    out
}

/// Closes the current quotation and records it.
fn finish(open: &mut Open, out: &mut Vec<Marked>, inferred_close: bool) {
    let segments: Vec<Range<usize>> = open.done.drain(..).filter(|s| !s.is_empty()).collect();
    if !segments.is_empty() {
        out.push(Marked {
            segments,
            inferred_open: open.inferred_open,
            inferred_close,
        });
    }
    open.from = None;
    open.inferred_open = false;
}

/// True when a quotation already found lies in this paragraph.
fn out_has_in(out: &[Marked], para: &Range<usize>) -> bool {
    out.iter().any(|q| {
        q.segments
            .iter()
            .any(|s| s.start >= para.start && s.end <= para.end)
    })
}

fn starts_with_double_mark(text: &str, para: Range<usize>) -> bool {
    text[para]
        .trim_start()
        .chars()
        .next()
        .is_some_and(is_double)
}

/// The double marks of a paragraph: (byte position, length, role).
fn double_marks(text: &str, para: Range<usize>) -> Vec<(usize, usize, Role)> {
    let slice = &text[para.clone()];
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut iter = slice.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let next = iter.peek().map(|&(_, n)| n);
        if is_double(c) {
            out.push((para.start + i, c.len_utf8(), role(c, prev, next)));
        }
        prev = Some(c);
    }
    out
}

/// Quotations in single curly marks (‘…’) outside the double-quoted ones.
fn single_quotes(text: &str, paragraphs: &[Range<usize>], double: &[Marked]) -> Vec<Marked> {
    let inside = |pos: usize| {
        double
            .iter()
            .any(|q| q.segments.iter().any(|s| s.start <= pos && pos < s.end))
    };
    let mut out = Vec::new();
    for para in paragraphs {
        let slice = &text[para.clone()];
        let mut prev: Option<char> = None;
        let mut from: Option<usize> = None;
        let mut iter = slice.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let next = iter.peek().map(|&(_, n)| n);
            let pos = para.start + i;
            if c == '‘' && opens_before(prev) && !inside(pos) {
                from = Some(pos + c.len_utf8());
            } else if c == '’'
                && closes_after(next)
                && !prev.is_some_and(char::is_whitespace)
                && let Some(f) = from.take()
            {
                out.push(Marked {
                    segments: vec![trim(text, f..pos)],
                    inferred_open: false,
                    inferred_close: false,
                });
            }
            prev = Some(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::paragraphs;

    fn quotes(text: &str) -> Vec<Vec<&str>> {
        find(text, &paragraphs(text))
            .into_iter()
            .map(|q| q.segments.iter().map(|s| &text[s.clone()]).collect())
            .collect()
    }

    #[test]
    fn straight_and_curly_marks() {
        let t = "“We will rebuild,” the mayor said. She added: \"Not this year.\"";
        assert_eq!(
            quotes(t),
            vec![vec!["We will rebuild"], vec!["Not this year."]]
        );
    }

    #[test]
    fn a_closing_mark_glued_to_the_next_word_opens() {
        let t = "The council was willing to hold”open, public hearings” on the plan.";
        assert_eq!(quotes(t), vec![vec!["open, public hearings"]]);
    }

    #[test]
    fn a_quotation_over_paragraphs_reopens_without_closing() {
        let t = "The mayor said the bridge “will open in spring.\n\n\
                 “It will carry trams as well as cars.”\n\nOther news.";
        assert_eq!(
            quotes(t),
            vec![vec![
                "will open in spring.",
                "It will carry trams as well as cars."
            ]]
        );
    }

    #[test]
    fn a_lost_opening_mark_is_inferred_from_the_attribution() {
        let t = "Intro paragraph.\n\nThe harbour will reopen next week,” Ms. Lund said on Friday.";
        let found = find(t, &paragraphs(t));
        assert_eq!(found.len(), 1);
        assert!(found[0].inferred_open);
        assert_eq!(&t[found[0].range()], "The harbour will reopen next week");
    }

    #[test]
    fn a_stray_closing_mark_without_attribution_is_ignored() {
        let t = "Prices rose 5″ or so” in the market report.";
        assert!(quotes(t).is_empty());
    }

    #[test]
    fn a_lost_closing_mark_ends_with_the_paragraph() {
        let t = "He said “we are ready to talk\n\nNext paragraph here.";
        let found = find(t, &paragraphs(t));
        assert_eq!(found.len(), 1);
        assert!(found[0].inferred_close);
        assert_eq!(&t[found[0].range()], "we are ready to talk");
    }

    #[test]
    fn single_curly_quotes_outside_double_ones_and_apostrophes() {
        let t = "Talks gone on ‘far too long’ as the mayor’s team said “it’s ‘fine’ now”.";
        assert_eq!(
            quotes(t),
            vec![vec!["far too long"], vec!["it’s ‘fine’ now"]]
        );
    }
}

//! Word-level edits between two occurrences of a passage, computed with `similar`.
//!
//! The diff runs on comparison keys (folded words, figures as one placeholder), so
//! case, curly quotes and punctuation never show up as edits, and two figures at the
//! same place line up with each other. Figures that line up but are written
//! differently ("1,200" against "1,400") are then split out as replacements and
//! listed as [`NumberChange`]s for the discrepancy report. Every side of every edit
//! keeps its byte span and original characters; rendering is left to printers.

use std::ops::Range;

use serde::Serialize;
use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::stream;
use super::units::{NUMBER_KEY, key_of};
use crate::text::{self, Token};

/// Original characters of one side of an edit, with their byte span.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TextSpan {
    /// Start byte offset in the source text (inclusive).
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The original characters, `text[start..end]` of the source.
    pub text: String,
}

/// The kind of a word-level edit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EditOp {
    /// The same words on both sides.
    Equal,
    /// Words only in the first occurrence.
    Delete,
    /// Words only in the second occurrence.
    Insert,
    /// Different words in the same place.
    Replace,
}

/// One run of words: equal on both sides, or changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WordEdit {
    /// What happened to the words.
    pub op: EditOp,
    /// The words in the first occurrence (none for an insertion).
    pub a: Option<TextSpan>,
    /// The words in the second occurrence (none for a deletion).
    pub b: Option<TextSpan>,
}

/// A figure at the same place of two aligned occurrences, written differently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NumberChange {
    /// The figure in the first occurrence.
    pub a: TextSpan,
    /// The figure in the second occurrence.
    pub b: TextSpan,
}

/// One edit as byte ranges of the two texts (none for a side without words): a
/// [`WordEdit`] without its text, so that the many comparisons made while merging
/// stay small until the passages that keep them are built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RawEdit {
    op: EditOp,
    a: Option<(usize, usize)>,
    b: Option<(usize, usize)>,
}

/// A [`NumberChange`] as the byte ranges of the two figures.
type RawNumber = ((usize, usize), (usize, usize));

/// The result of comparing two spans word by word.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SpanDiff {
    /// The edits, in text order, after trimming.
    edits: Vec<RawEdit>,
    /// Figures that line up but differ: the byte ranges in both texts.
    numbers: Vec<RawNumber>,
    /// The first span without leading or trailing words found only on that side.
    pub(crate) a: Range<usize>,
    /// The same for the second span.
    pub(crate) b: Range<usize>,
    /// Comparison keys of the trimmed first span.
    pub(crate) keys_a: Vec<u32>,
    /// Comparison keys of the trimmed second span.
    pub(crate) keys_b: Vec<u32>,
    /// Number of words equal on both sides.
    pub(crate) shared: usize,
}

impl SpanDiff {
    /// True when no word differs.
    pub(crate) fn is_verbatim(&self) -> bool {
        self.edits.iter().all(|e| e.op == EditOp::Equal)
    }

    /// The edits with their text (`ta` and `tb` are the texts compared).
    pub(crate) fn word_edits(&self, ta: &str, tb: &str) -> Vec<WordEdit> {
        self.edits
            .iter()
            .map(|e| WordEdit {
                op: e.op,
                a: e.a.map(|r| text_span(ta, r)),
                b: e.b.map(|r| text_span(tb, r)),
            })
            .collect()
    }

    /// The figures that differ, with their text.
    pub(crate) fn number_changes(&self, ta: &str, tb: &str) -> Vec<NumberChange> {
        self.numbers
            .iter()
            .map(|&(a, b)| NumberChange {
                a: text_span(ta, a),
                b: text_span(tb, b),
            })
            .collect()
    }

    /// Drops the keys, once scored.
    pub(crate) fn without_keys(self) -> SpanDiff {
        SpanDiff {
            keys_a: Vec::new(),
            keys_b: Vec::new(),
            ..self
        }
    }
}

fn text_span(text: &str, (start, end): (usize, usize)) -> TextSpan {
    TextSpan {
        start,
        end,
        text: text[start..end].to_string(),
    }
}

/// Words and figures of a range, as aligned (see `stream::words`), with their keys.
pub(crate) fn words(text: &str, range: Range<usize>) -> (Vec<Token>, Vec<u32>) {
    stream::words(text, range)
        .into_iter()
        .filter_map(|t| key_of(t.kind, t.text(text)).map(|k| (t, k)))
        .unzip()
}

fn span(tokens: &[Token]) -> Option<(usize, usize)> {
    let (first, last) = (tokens.first()?, tokens.last()?);
    Some((first.start, last.end))
}

/// A figure as compared: folded, without thousands separators.
fn figure_form(s: &str) -> String {
    text::fold(s).replace(',', "")
}

/// Compares `ta[ra]` with `tb[rb]` word by word (see [`diff_words`]).
#[cfg(test)]
pub(crate) fn diff_spans(ta: &str, ra: Range<usize>, tb: &str, rb: Range<usize>) -> SpanDiff {
    let a = words(ta, ra.clone());
    let b = words(tb, rb.clone());
    diff_words((ta, ra, &a), (tb, rb, &b))
}

/// Compares `ta[ra]` with `tb[rb]` word by word, given the [`words`] of both. What lies before the first and
/// after the last shared run of [`ANCHOR`] words or more (an attribution one outlet
/// added, the unrelated start of a sentence that ends in shared words) is trimmed off
/// rather than reported, so that the spans cover what the two texts share; a small
/// replacement right next to the shared text is kept as an edit.
pub(crate) fn diff_words(
    (ta, ra, (toks_a, keys_a)): (&str, Range<usize>, &(Vec<Token>, Vec<u32>)),
    (tb, rb, (toks_b, keys_b)): (&str, Range<usize>, &(Vec<Token>, Vec<u32>)),
) -> SpanDiff {
    let mut ops = if keys_a == keys_b {
        // A verbatim copy: one equal run, nothing to trim.
        vec![DiffOp::Equal {
            old_index: 0,
            new_index: 0,
            len: keys_a.len(),
        }]
    } else {
        capture_diff_slices(Algorithm::Myers, keys_a, keys_b)
    };
    ops.retain(|op| !matches!(op, DiffOp::Equal { len: 0, .. }));
    trim_unshared_ends(&mut ops);
    let mut d = from_ops((ta, toks_a, keys_a), (tb, toks_b, keys_b), &ops);
    if d.a.is_empty() {
        d.a = ra.start..ra.start;
    }
    if d.b.is_empty() {
        d.b = rb.start..rb.start;
    }
    d
}

/// The diff given by `ops` (indices into the words `toks_a` and `toks_b`, whose keys
/// are `keys_a` and `keys_b`): its edits with byte spans, the figures that differ,
/// and the byte spans and keys of what the ops cover.
pub(crate) fn from_ops(
    (ta, toks_a, keys_a): (&str, &[Token], &[u32]),
    (tb, toks_b, keys_b): (&str, &[Token], &[u32]),
    ops: &[DiffOp],
) -> SpanDiff {
    let a_range = op_range(ops, true);
    let b_range = op_range(ops, false);
    let mut edits = Vec::new();
    let mut numbers = Vec::new();
    for op in ops {
        push_op(
            op,
            (ta, toks_a, keys_a),
            (tb, toks_b),
            &mut edits,
            &mut numbers,
        );
    }
    let byte_range = |toks: &[Token], r: &Range<usize>| {
        if r.is_empty() {
            0..0
        } else {
            toks[r.start].start..toks[r.end - 1].end
        }
    };
    // Many pair diffs are held at once (before passages are built): no spare room.
    edits.shrink_to_fit();
    numbers.shrink_to_fit();
    SpanDiff {
        edits,
        numbers,
        a: byte_range(toks_a, &a_range),
        b: byte_range(toks_b, &b_range),
        keys_a: keys_a[a_range].to_vec(),
        keys_b: keys_b[b_range].to_vec(),
        shared: ops
            .iter()
            .map(|op| match op {
                DiffOp::Equal { len, .. } => *len,
                _ => 0,
            })
            .sum(),
    }
}

/// Shortest run of equal words that anchors the shared part of two spans.
pub(crate) const ANCHOR: usize = 3;

/// Largest replacement (in words, on each side) kept at the very edge of the shared
/// part.
const EDGE_EDIT: usize = 2;
/// What an edited word costs against an equal word when the shared part is extended
/// outwards from its anchors.
const EDIT_COST: f64 = 0.5;

/// Extension stops once its score falls this far below the best seen.
const X_DROP: f64 = 4.0;

fn edit_size(op: &DiffOp) -> usize {
    let (a, b) = (op.old_range().len(), op.new_range().len());
    a.max(b)
}

fn is_equal(op: &DiffOp, min: usize) -> bool {
    matches!(op, DiffOp::Equal { len, .. } if *len >= min)
}

/// How far the shared part extends over `ops` (walked outwards from an anchor):
/// equal words score one, edited words cost [`EDIT_COST`]; the extension ends where
/// the score was best, so "Now the [both sides are] enmeshed" keeps "Now the", and a
/// long unrelated start with one common word is cut.
pub(crate) fn extension<'a>(ops: impl Iterator<Item = &'a DiffOp>) -> usize {
    let (mut score, mut best, mut best_len) = (0.0, 0.0, 0);
    for (k, op) in ops.enumerate() {
        score += match op {
            DiffOp::Equal { len, .. } => *len as f64,
            _ => -EDIT_COST * edit_size(op) as f64,
        };
        if score > best {
            best = score;
            best_len = k + 1;
        }
        if score < best - X_DROP {
            break;
        }
    }
    best_len
}

/// Drops what lies before the first anchor and after the last one, beyond what the
/// scored extension keeps, and keeps a small replacement at the very edge. Without
/// any anchor, only one-sided ends are dropped.
fn trim_unshared_ends(ops: &mut Vec<DiffOp>) {
    let small_replace = |op: &DiffOp| {
        matches!(op, DiffOp::Replace { old_len, new_len, .. }
            if *old_len <= EDGE_EDIT && *new_len <= EDGE_EDIT)
    };
    let first = ops.iter().position(|op| is_equal(op, ANCHOR));
    let last = ops.iter().rposition(|op| is_equal(op, ANCHOR));
    let (Some(first), Some(last)) = (first, last) else {
        let one_sided = |op: &DiffOp| matches!(op, DiffOp::Insert { .. } | DiffOp::Delete { .. });
        while ops.last().is_some_and(one_sided) {
            ops.pop();
        }
        let lead = ops.iter().take_while(|op| one_sided(op)).count();
        ops.drain(..lead);
        return;
    };
    let mut start = first - extension(ops[..first].iter().rev());
    let mut end = last + extension(ops[last + 1..].iter());
    if start == 1 && small_replace(&ops[0]) {
        start = 0;
    }
    if end + 2 == ops.len() && small_replace(&ops[end + 1]) {
        end += 1;
    }
    ops.truncate(end + 1);
    ops.drain(..start);
}

/// The token range of one side covered by the ops.
fn op_range(ops: &[DiffOp], old: bool) -> Range<usize> {
    let r = |op: &DiffOp| {
        if old { op.old_range() } else { op.new_range() }
    };
    match (ops.first(), ops.last()) {
        (Some(f), Some(l)) => r(f).start..r(l).end,
        _ => 0..0,
    }
}

/// Turns one diff op into edits, splitting equal runs at figures that differ.
fn push_op(
    op: &DiffOp,
    (ta, toks_a, keys_a): (&str, &[Token], &[u32]),
    (tb, toks_b): (&str, &[Token]),
    edits: &mut Vec<RawEdit>,
    numbers: &mut Vec<RawNumber>,
) {
    let (ra, rb) = (op.old_range(), op.new_range());
    let kind = match op {
        DiffOp::Equal { .. } => EditOp::Equal,
        DiffOp::Delete { .. } => EditOp::Delete,
        DiffOp::Insert { .. } => EditOp::Insert,
        DiffOp::Replace { .. } => EditOp::Replace,
    };
    if kind != EditOp::Equal {
        edits.push(RawEdit {
            op: kind,
            a: span(&toks_a[ra]),
            b: span(&toks_b[rb]),
        });
        return;
    }
    let mut run_start = 0;
    let len = ra.len();
    for k in 0..=len {
        let differs = k < len && {
            let (x, y) = (&toks_a[ra.start + k], &toks_b[rb.start + k]);
            keys_a[ra.start + k] == NUMBER_KEY && figure_form(x.text(ta)) != figure_form(y.text(tb))
        };
        if k == len || differs {
            if k > run_start {
                edits.push(RawEdit {
                    op: EditOp::Equal,
                    a: span(&toks_a[ra.start + run_start..ra.start + k]),
                    b: span(&toks_b[rb.start + run_start..rb.start + k]),
                });
            }
            run_start = k + 1;
        }
        if differs {
            let a = span(&toks_a[ra.start + k..=ra.start + k]);
            let b = span(&toks_b[rb.start + k..=rb.start + k]);
            if let (Some(a), Some(b)) = (a, b) {
                edits.push(RawEdit {
                    op: EditOp::Replace,
                    a: Some(a),
                    b: Some(b),
                });
                numbers.push((a, b));
            }
        }
    }
}

/// Renders edits inline, `[-old-]{+new+}` style (as wdiff does), for plain-text
/// output and tests: equal runs as they read in the first occurrence.
pub fn render_inline(edits: &[WordEdit]) -> String {
    let mut parts = Vec::with_capacity(edits.len());
    for e in edits {
        let a = e.a.as_ref().map(|s| s.text.as_str()).unwrap_or("");
        let b = e.b.as_ref().map(|s| s.text.as_str()).unwrap_or("");
        parts.push(match e.op {
            EditOp::Equal => a.to_string(),
            EditOp::Delete => format!("[-{a}-]"),
            EditOp::Insert => format!("{{+{b}+}}"),
            EditOp::Replace => format!("[-{a}-]{{+{b}+}}"),
        });
    }
    parts.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A diff with its edits and number changes as text.
    struct Shown {
        edits: Vec<WordEdit>,
        numbers: Vec<NumberChange>,
        a: Range<usize>,
        b: Range<usize>,
        verbatim: bool,
    }

    impl Shown {
        fn is_verbatim(&self) -> bool {
            self.verbatim
        }
    }

    fn diff(a: &str, b: &str) -> Shown {
        let d = diff_spans(a, 0..a.len(), b, 0..b.len());
        Shown {
            edits: d.word_edits(a, b),
            numbers: d.number_changes(a, b),
            a: d.a.clone(),
            b: d.b.clone(),
            verbatim: d.is_verbatim(),
        }
    }

    #[test]
    fn shows_which_words_one_outlet_changed() {
        let d = diff(
            "For a year, the city-led group of farmers and traders has run the market.",
            "For a year, the city and a group of farmers and traders have run the market.",
        );
        assert_eq!(
            render_inline(&d.edits),
            "For a year, the city [-led-]{+and a+} group of farmers and traders \
             [-has-]{+have+} run the market"
        );
        assert!(d.numbers.is_empty());
        assert!(!d.is_verbatim());
    }

    #[test]
    fn a_changed_figure_is_an_edit_and_a_number_change() {
        let a = "The blaze has burned 9,000 hectares since Monday.";
        let b = "The blaze has burned 9500 hectares since Monday.";
        let d = diff(a, b);
        assert_eq!(d.numbers.len(), 1);
        assert_eq!(d.numbers[0].a.text, "9,000");
        assert_eq!(&a[d.numbers[0].a.start..d.numbers[0].a.end], "9,000");
        assert_eq!(d.numbers[0].b.text, "9500");
        assert_eq!(
            render_inline(&d.edits),
            "The blaze has burned [-9,000-]{+9500+} hectares since Monday"
        );
    }

    #[test]
    fn the_same_figure_written_with_or_without_separators_is_not_a_change() {
        let d = diff("about 9,000 hectares", "about 9000 hectares");
        assert!(d.numbers.is_empty());
        assert!(d.is_verbatim());
    }

    #[test]
    fn case_quotes_and_punctuation_are_not_edits() {
        let d = diff(
            "“We will rebuild the school,” the Mayor said.",
            "\"we will rebuild the school\", the mayor said",
        );
        assert!(d.is_verbatim());
    }

    #[test]
    fn one_sided_ends_are_trimmed_from_the_spans() {
        let a = "The council closed the bridge on Tuesday.";
        let b = "Officials said the council closed the bridge on Tuesday, police said.";
        let d = diff(a, b);
        assert!(d.is_verbatim());
        assert_eq!(&b[d.b.clone()], "the council closed the bridge on Tuesday");
        assert_eq!(&a[d.a.clone()], "The council closed the bridge on Tuesday");
    }

    #[test]
    fn an_unshared_sentence_start_is_trimmed() {
        let a = "Critics of the council have long said the mayor must go, but the council \
                 allowed for the chance that the mayor might stay until the spring.";
        let b = "Officials today issued a note to allow for the chance that the mayor might \
                 stay until the spring.";
        let d = diff(a, b);
        assert_eq!(
            &a[d.a.clone()],
            "for the chance that the mayor might stay until the spring"
        );
        assert!(d.is_verbatim());
    }

    #[test]
    fn an_edit_between_shared_words_at_the_start_is_kept() {
        let a = "Now the two towns are flooded, and the roads are closed to traffic.";
        let b = "But now the river villages are flooded, and the roads are closed to traffic.";
        let d = diff(a, b);
        assert_eq!(
            render_inline(&d.edits),
            "Now the [-two towns-]{+river villages+} are flooded, and the roads are closed to traffic"
        );
    }

    #[test]
    fn swapped_words_near_the_end_stay_inside() {
        let a = "The ferry crews stopped work on the harbour side at dawn today";
        let b = "The ferry crews stopped work on the side harbour at dawn today again";
        let d = diff(a, b);
        assert_eq!(
            &a[d.a.clone()],
            "The ferry crews stopped work on the harbour side at dawn today"
        );
    }

    #[test]
    fn a_small_edit_next_to_the_shared_words_is_kept() {
        let a = "Northern ferry crews stopped work on Monday.";
        let b = "Southern ferry crews stopped work on Monday.";
        let d = diff(a, b);
        assert_eq!(
            &a[d.a.clone()],
            "Northern ferry crews stopped work on Monday"
        );
        assert_eq!(
            render_inline(&d.edits),
            "[-Northern-]{+Southern+} ferry crews stopped work on Monday"
        );
    }

    #[test]
    fn spans_stay_on_character_boundaries() {
        let a = "Le café a fermé — après 30 ans.";
        let b = "Le café a fermé — après 31 ans.";
        let d = diff(a, b);
        assert_eq!(d.numbers.len(), 1);
        assert_eq!(&a[d.a.clone()], "Le café a fermé — après 30 ans");
    }
}

//! Reading each line in its context, as jusText does: the article body is the block
//! held together by long prose lines, short lines take the class of the prose around
//! them, and the head and tail regions around the body keep only what an article
//! prints there (headline, standfirst, captions; a short closing sentence).

use super::cues::{Cue, Role};
use super::features::{Quality, Unit};

/// Most lines kept above the first prose line (headline, standfirst, captions).
const MAX_HEAD_LINES: usize = 4;
/// Most characters kept above the first prose line.
const MAX_HEAD_CHARS: usize = 700;
/// One-word lines (a section label, a menu item) skipped over while looking for the
/// headline, at most.
const MAX_HEAD_TINY: usize = 2;
/// Most short sentences kept below the last prose line.
const MAX_TAIL_LINES: usize = 3;

/// Why a line is chrome.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Label {
    /// Short label shown to users.
    pub reason: &'static str,
    /// False when the label only says where the line is ("page header"), so that a
    /// neighbour's more telling label may replace it.
    pub telling: bool,
}

impl Label {
    fn weak(reason: &'static str) -> Label {
        Label {
            reason,
            telling: false,
        }
    }
}

/// What is known about a line before its context is read.
#[derive(Debug, Clone, Copy)]
pub(super) struct Fixed {
    /// The label of the cue or rule that marked it.
    pub label: Label,
    /// How it affects its neighbours.
    pub role: Role,
    /// True when the mark only holds outside the article body.
    pub outside_only: bool,
}

impl From<Cue> for Fixed {
    fn from(c: Cue) -> Fixed {
        Fixed {
            label: Label {
                reason: c.reason,
                telling: c.telling,
            },
            role: c.role,
            outside_only: c.outside_only,
        }
    }
}

/// The decision for each line: `None` for article text, or why it is chrome.
pub(super) fn classify(units: &[Unit], fixed: &[Option<Fixed>]) -> Vec<Option<Label>> {
    let labels = |fixed: &[Option<Fixed>]| -> Vec<Option<Label>> {
        fixed.iter().map(|f| f.map(|f| f.label)).collect()
    };
    let Some(mut anchors) = anchors(units, fixed) else {
        return labels(fixed);
    };
    let fixed = &within_article(fixed, &anchors);
    let mut out = labels(fixed);
    if let Some(cut) = section_cut(units, fixed, &anchors) {
        let reason = fixed[cut].map_or("page footer", |f| f.label.reason);
        let label = Label::weak(reason);
        for slot in out.iter_mut().skip(cut + 1).filter(|s| s.is_none()) {
            *slot = Some(label);
        }
        anchors.retain(|&a| a < cut);
    }
    let (Some(&first), Some(&last)) = (anchors.first(), anchors.last()) else {
        return inherit(out);
    };
    let mut anchor = vec![false; units.len()];
    for &a in &anchors {
        anchor[a] = true;
    }
    let ctx = Context::new(units, fixed, anchor);
    for (i, slot) in out.iter_mut().enumerate().take(last + 1).skip(first) {
        if slot.is_none() && !ctx.anchor[i] && !ctx.body_line_is_content(i) {
            *slot = Some(ctx.body_chrome_label(i));
        }
    }
    let mut kept = vec![false; units.len()];
    let tail = ctx.tail_content(last, cut_limit(&out, last));
    for i in ctx.head_content(first).into_iter().chain(tail) {
        kept[i] = true;
    }
    for (i, slot) in out.iter_mut().enumerate() {
        if slot.is_none() && !kept[i] && (i < first || i > last) {
            let place = if i < first {
                "page header"
            } else {
                "page footer"
            };
            *slot = Some(Label::weak(place));
        }
    }
    inherit(out)
}

/// The marks with those that only count outside the article (a bare date, a
/// sentence repeated in another story of the outlet) lifted between its first and
/// last prose lines, where such a line is a timeline heading or a reused sentence.
fn within_article(fixed: &[Option<Fixed>], anchors: &[usize]) -> Vec<Option<Fixed>> {
    let mut out = fixed.to_vec();
    if let (Some(&first), Some(&last)) = (anchors.first(), anchors.last()) {
        for slot in out.iter_mut().take(last).skip(first + 1) {
            if slot.is_some_and(|f| f.outside_only) {
                *slot = None;
            }
        }
    }
    out
}

/// The lines that hold the body together: prose lines, or when a page has none
/// (a brief), its prose-like lines, or failing that its sentences of five words or
/// more. `None` when the page has no article text at all.
fn anchors(units: &[Unit], fixed: &[Option<Fixed>]) -> Option<Vec<usize>> {
    let free = |i: &usize| fixed[*i].is_none();
    let pick = |f: &dyn Fn(&Unit) -> bool| -> Vec<usize> {
        (0..units.len())
            .filter(free)
            .filter(|&i| f(&units[i]))
            .collect()
    };
    let tiers: [&dyn Fn(&Unit) -> bool; 3] = [
        &|u| u.quality == Quality::Good,
        &|u| u.quality == Quality::NearGood,
        &|u| u.sentence && u.words >= 5 && u.stop_words > 0 && !u.list,
    ];
    tiers.into_iter().map(|t| pick(t)).find(|a| !a.is_empty())
}

/// The section opener ("About the Author", "Leave a Reply", "Related") after which
/// the rest of the page is chrome: the first one that comes after article prose and
/// has less prose below it than above it (a comment thread is not the article).
fn section_cut(units: &[Unit], fixed: &[Option<Fixed>], anchors: &[usize]) -> Option<usize> {
    let first = *anchors.first()?;
    // prose_before[i]: characters of anchor prose in lines 0..i.
    let mut prose_before = vec![0; units.len() + 1];
    let mut next_anchor = anchors.iter().peekable();
    for (i, u) in units.iter().enumerate() {
        let here = if next_anchor.next_if_eq(&&i).is_some() {
            u.chars
        } else {
            0
        };
        prose_before[i + 1] = prose_before[i] + here;
    }
    let total = prose_before[units.len()];
    (first + 1..units.len()).find(|&i| {
        matches!(fixed[i], Some(f) if f.role == Role::Opener)
            && total - prose_before[i + 1] < prose_before[i]
    })
}

/// Lines after the last prose line that a section cut has already decided.
fn cut_limit(out: &[Option<Label>], last: usize) -> usize {
    (last + 1..out.len())
        .find(|&i| out[i].is_some())
        .unwrap_or(out.len())
}

/// What a neighbour says about a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// Article prose.
    Prose,
    /// Chrome, or the edge of the page.
    Chrome,
}

struct Context<'a> {
    units: &'a [Unit],
    fixed: &'a [Option<Fixed>],
    /// The lines that hold the body together.
    anchor: Vec<bool>,
    /// For each line, what the nearest telling line above it says.
    above: Vec<Side>,
    /// For each line, what the nearest telling line below it says.
    below: Vec<Side>,
    /// For each line, the nearest line above it that is not inline metadata.
    prev: Vec<Option<usize>>,
    /// For each line, the nearest line below it that is not inline metadata.
    next: Vec<Option<usize>>,
}

impl<'a> Context<'a> {
    /// Reads the neighbourhood of every line in two passes, so that each later
    /// question about a neighbour is answered in constant time.
    fn new(units: &'a [Unit], fixed: &'a [Option<Fixed>], anchor: Vec<bool>) -> Context<'a> {
        let n = units.len();
        let mut ctx = Context {
            units,
            fixed,
            anchor,
            above: vec![Side::Chrome; n],
            below: vec![Side::Chrome; n],
            prev: vec![None; n],
            next: vec![None; n],
        };
        let (mut side, mut near) = (Side::Chrome, None);
        for i in 0..n {
            ctx.above[i] = side;
            ctx.prev[i] = near;
            if ctx.telling(i) {
                side = ctx.side_of(i);
            }
            if !ctx.inline(i) {
                near = Some(i);
            }
        }
        let (mut side, mut near) = (Side::Chrome, None);
        for i in (0..n).rev() {
            ctx.below[i] = side;
            ctx.next[i] = near;
            if ctx.telling(i) {
                side = ctx.side_of(i);
            }
            if !ctx.inline(i) {
                near = Some(i);
            }
        }
        ctx
    }

    /// True for a line that says something about its neighbours: not inline
    /// metadata, and not an undecided short line.
    fn telling(&self, j: usize) -> bool {
        !self.inline(j)
            && (self.anchor[j]
                || self.fixed[j].is_some()
                || self.units[j].quality != Quality::Short)
    }

    fn side_of(&self, j: usize) -> Side {
        if self.prose(j) {
            Side::Prose
        } else {
            Side::Chrome
        }
    }

    /// True for a line that neighbours look through (inline metadata: credits,
    /// datelines, ad slots).
    fn inline(&self, i: usize) -> bool {
        matches!(self.fixed[i], Some(f) if f.role == Role::Inline)
    }

    /// True for an unmarked prose or prose-like line, or an anchor.
    fn prose(&self, i: usize) -> bool {
        self.anchor[i]
            || (self.fixed[i].is_none()
                && matches!(self.units[i].quality, Quality::Good | Quality::NearGood))
    }

    fn before(&self, i: usize) -> Side {
        self.above[i]
    }

    fn after(&self, i: usize) -> Side {
        self.below[i]
    }

    /// Whether an unmarked line between the first and last prose lines is article
    /// text: prose always; prose-like lines unless chrome lies on both sides; short
    /// lines between prose, headings just above prose, and short sentences next to
    /// prose.
    fn body_line_is_content(&self, i: usize) -> bool {
        let u = &self.units[i];
        match u.quality {
            Quality::Good => true,
            Quality::Bad => false,
            Quality::NearGood => self.before(i) == Side::Prose || self.after(i) == Side::Prose,
            Quality::Short => {
                if self.before(i) == Side::Prose && self.after(i) == Side::Prose {
                    return true;
                }
                let next = self.next[i];
                if u.heading && next.is_some_and(|j| self.prose(j)) {
                    return true;
                }
                let prev = self.prev[i];
                u.sentence
                    && (next.is_some_and(|j| self.prose(j)) || prev.is_some_and(|j| self.prose(j)))
            }
        }
    }

    fn body_chrome_label(&self, i: usize) -> Label {
        if self.units[i].list {
            Label::weak("list of links")
        } else if self.units[i].quality == Quality::Bad {
            Label::weak("not article text")
        } else {
            Label::weak("between paragraphs")
        }
    }

    /// The lines above the first prose line that belong to the article: walking
    /// up, headline-like lines of two or more words (standfirst, captions,
    /// headline) are kept, marked lines (share bars, datelines, credits) are
    /// stepped over, and the walk stops at a list, at the third one-word line (a
    /// menu), or when the headline block would be implausibly long.
    fn head_content(&self, first: usize) -> Vec<usize> {
        let mut kept = Vec::new();
        let mut lines = 0;
        let mut chars = 0;
        let mut tiny = 0;
        // Short sentences right above the first prose line are the start of the
        // body (a brief in one-sentence paragraphs), not its headline block.
        let mut body_run = true;
        for i in (0..first).rev() {
            if self.fixed[i].is_some() {
                continue;
            }
            let u = &self.units[i];
            if self.between_barriers(i) {
                continue;
            }
            let headline_like =
                matches!(u.quality, Quality::NearGood | Quality::Short) && u.words >= 2 && !u.list;
            if body_run && headline_like && is_sentence(u) {
                kept.push(i);
                continue;
            }
            body_run = false;
            let fits = lines < MAX_HEAD_LINES && chars + u.chars <= MAX_HEAD_CHARS;
            if headline_like && fits {
                kept.push(i);
                lines += 1;
                chars += u.chars;
            } else if u.words <= 1 && tiny < MAX_HEAD_TINY {
                tiny += 1;
            } else {
                break;
            }
        }
        kept
    }

    /// True when the lines on both sides are chrome that is not inline metadata:
    /// the line is part of the same widget ("close panel" inside a share bar).
    fn between_barriers(&self, i: usize) -> bool {
        let barrier = |j: Option<usize>| {
            j.and_then(|j| self.fixed[j])
                .is_some_and(|f| f.role != Role::Inline)
        };
        i > 0 && barrier(Some(i - 1)) && barrier(Some(i + 1).filter(|&j| j < self.units.len()))
    }

    /// The lines below the last prose line that belong to the article: short
    /// sentences right after it ("He declined to comment."), up to the first chrome.
    fn tail_content(&self, last: usize, limit: usize) -> Vec<usize> {
        let mut kept = Vec::new();
        for i in last + 1..limit {
            let u = &self.units[i];
            if self.fixed[i].is_some()
                || !is_sentence(u)
                || u.quality == Quality::Bad
                || kept.len() >= MAX_TAIL_LINES
            {
                break;
            }
            kept.push(i);
        }
        kept
    }
}

/// True for a line that reads as a sentence of running text.
fn is_sentence(u: &Unit) -> bool {
    u.sentence && u.words >= 3 && u.stop_words > 0 && !u.list
}

/// Gives each chrome line whose label only says where it is the label of the
/// nearest telling line in the same run of chrome (the earlier one on a tie), so
/// that the lines of a comment form or a city picker share one reason.
fn inherit(mut out: Vec<Option<Label>>) -> Vec<Option<Label>> {
    let n = out.len();
    // The nearest telling line at or above each line within its run, and below.
    let mut above: Vec<Option<usize>> = vec![None; n];
    let mut below: Vec<Option<usize>> = vec![None; n];
    let mut near = None;
    for i in 0..n {
        near = match out[i] {
            None => None,
            Some(l) if l.telling => Some(i),
            Some(_) => near,
        };
        above[i] = near;
    }
    near = None;
    for i in (0..n).rev() {
        near = match out[i] {
            None => None,
            Some(l) if l.telling => Some(i),
            Some(_) => near,
        };
        below[i] = near;
    }
    for i in 0..n {
        let source = match (above[i], below[i]) {
            (Some(a), Some(b)) => Some(if i - a <= b - i { a } else { b }),
            (a, b) => a.or(b),
        };
        if let (Some(l), Some(t)) = (out[i], source.and_then(|j| out[j]))
            && !l.telling
        {
            out[i] = Some(t);
        }
    }
    out
}

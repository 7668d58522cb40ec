//! Reading each line in its context, as jusText does: the article body is the block
//! held together by long prose lines, short lines take the class of the prose around
//! them, and the head and tail regions around the body keep only what an article
//! prints there (headline, standfirst, captions; a short closing sentence).

use std::ops::Range;

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
    let ctx = Context {
        units,
        fixed,
        anchor,
    };
    for (i, slot) in out.iter_mut().enumerate().take(last + 1).skip(first) {
        if slot.is_none() && !ctx.anchor[i] && !ctx.body_line_is_content(i) {
            *slot = Some(ctx.body_chrome_label(i));
        }
    }
    let head = ctx.head_content(first);
    for (i, slot) in out.iter_mut().enumerate().take(first) {
        if slot.is_none() && !head.contains(&i) {
            *slot = Some(Label::weak("page header"));
        }
    }
    let tail = ctx.tail_content(last, cut_limit(&out, last));
    for (i, slot) in out.iter_mut().enumerate().skip(last + 1) {
        if slot.is_none() && !tail.contains(&i) {
            *slot = Some(Label::weak("page footer"));
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
    let prose = |r: Range<usize>| -> usize {
        anchors
            .iter()
            .filter(|a| r.contains(a))
            .map(|&a| units[a].chars)
            .sum()
    };
    (first + 1..units.len()).find(|&i| {
        matches!(fixed[i], Some(f) if f.role == Role::Opener)
            && prose(i + 1..units.len()) < prose(0..i)
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
}

impl Context<'_> {
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

    /// The nearest line in one direction that says something about its
    /// neighbours: not inline metadata, and not an undecided short line.
    fn side(&self, mut order: impl Iterator<Item = usize>) -> Side {
        let telling = |j: &usize| {
            !self.inline(*j)
                && (self.anchor[*j]
                    || self.fixed[*j].is_some()
                    || self.units[*j].quality != Quality::Short)
        };
        match order.find(telling) {
            Some(j) if self.prose(j) => Side::Prose,
            _ => Side::Chrome,
        }
    }

    /// The nearest line in one direction that is not inline metadata.
    fn next_to(&self, mut order: impl Iterator<Item = usize>) -> Option<usize> {
        order.find(|&j| !self.inline(j))
    }

    fn before(&self, i: usize) -> Side {
        self.side((0..i).rev())
    }

    fn after(&self, i: usize) -> Side {
        self.side(i + 1..self.units.len())
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
                let next = self.next_to(i + 1..self.units.len());
                if u.heading && next.is_some_and(|j| self.prose(j)) {
                    return true;
                }
                let prev = self.next_to((0..i).rev());
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
    let mut start = 0;
    while start < out.len() {
        if out[start].is_none() {
            start += 1;
            continue;
        }
        let end = (start..out.len())
            .find(|&i| out[i].is_none())
            .unwrap_or(out.len());
        let telling: Vec<(usize, Label)> = (start..end)
            .filter_map(|i| out[i].filter(|l| l.telling).map(|l| (i, l)))
            .collect();
        for (i, slot) in out.iter_mut().enumerate().take(end).skip(start) {
            let nearest = telling.iter().min_by_key(|(j, _)| (i.abs_diff(*j), *j));
            if let (Some(l), Some(&(_, t))) = (slot.as_mut(), nearest)
                && !l.telling
            {
                *l = t;
            }
        }
        start = end;
    }
    out
}

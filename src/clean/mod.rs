//! Boilerplate detection: page chrome (navigation, forms, prompts, credits, ads) is
//! marked as spans, never deleted from the text.
//!
//! The cleaner works on the paragraphs of each page (in text taken from the web,
//! one line each; call them lines), in three steps:
//! 1. each line is measured by itself ([`features`]: length, stop-word density,
//!    final punctuation, lists of names) and matched against cue lexicons of web
//!    chrome ([`cues`], with [`dates`] for datelines and date stamps);
//! 2. lines repeated verbatim across sources of the same outlet are chrome
//!    ([`repeat`]); lines shared across different outlets are reuse and are kept;
//! 3. each line is read in its context ([`smooth`]): the body is the block held
//!    together by prose, short lines take the class of the prose around them, and
//!    the head and tail around the body keep only the headline block and closing
//!    sentences.
//!
//! Every step is linear in the size of the corpus and the result depends only on
//! the input, so the same corpus always gives the same marks.

mod cues;
mod dates;
mod features;
mod repeat;
mod smooth;

use std::ops::Range;

use rayon::prelude::*;

use features::Quality;
pub(crate) use features::Unit;
use smooth::{Fixed, Label};

/// What the cleaner needs to know about one source.
#[derive(Debug, Clone)]
pub struct CleanInput<'a> {
    /// The source text.
    pub text: &'a str,
    /// The outlet (sources of the same outlet share their chrome).
    pub outlet: Option<&'a str>,
    /// The address of the page: its host stands in for the outlet when none is
    /// given, since pages of one site share their chrome too.
    pub url: Option<&'a str>,
    /// The paragraphs of the text, as from [`crate::segment::paragraphs`].
    pub paragraphs: &'a [Range<usize>],
}

/// A span of boilerplate and why it was marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Boilerplate {
    /// Byte range in the source text.
    pub range: Range<usize>,
    /// Short reason shown to users ("navigation", "comment form", ...).
    pub reason: &'static str,
}

/// Reason given to a line found verbatim in another source of the same outlet.
const REPEATED: &str = "repeated across outlet";

/// Words with which a site talks about itself in the chrome it prints on every
/// page; a repeated prose line with one of them is the site's, not the article's.
const SITE_TALK: &[&str] = &[
    "advertis",
    "cookie",
    "donat",
    "journalism",
    "newsletter",
    "our app",
    "our readers",
    "our site",
    "our website",
    "republish",
    "subscri",
];

/// Marks the boilerplate of every source; the result is parallel to `docs`, and
/// each list is sorted by position with one span per marked paragraph.
pub fn mark(docs: &[CleanInput<'_>]) -> Vec<Vec<Boilerplate>> {
    let units: Vec<Vec<Unit>> = docs
        .par_iter()
        .map(|d| features::units(d.text, d.paragraphs))
        .collect();
    mark_lines(docs, &units)
}

/// The lines of one source with their measures, as [`mark_lines`] reads them: they
/// depend on the source alone, so the analysis cache keeps them.
pub(crate) fn lines(text: &str, paragraphs: &[Range<usize>]) -> Vec<Unit> {
    features::units(text, paragraphs)
}

/// [`mark`] with the lines of every source already measured ([`lines`]).
pub(crate) fn mark_lines(docs: &[CleanInput<'_>], units: &[Vec<Unit>]) -> Vec<Vec<Boilerplate>> {
    let outlets: Vec<Option<String>> = docs
        .iter()
        .map(|d| repeat::outlet_key(d.outlet, d.url))
        .collect();
    let repeated = repeat::repeated(units, &outlets);
    docs.par_iter()
        .zip(units)
        .zip(&repeated)
        .map(|((doc, units), repeated)| mark_one(doc, units, repeated))
        .collect()
}

/// Marks the boilerplate of one source.
fn mark_one(doc: &CleanInput<'_>, units: &[Unit], repeated: &[bool]) -> Vec<Boilerplate> {
    let fixed: Vec<Option<Fixed>> = units
        .iter()
        .zip(repeated)
        .map(|(u, &rep)| fixed(doc, u, rep))
        .collect();
    smooth::classify(units, &fixed)
        .into_iter()
        .zip(units)
        .filter_map(|(label, u)| {
            label.map(|l| Boilerplate {
                range: u.range.clone(),
                reason: l.reason,
            })
        })
        .collect()
}

/// What a line is by itself: a cue line, a line repeated across the outlet, or
/// undecided until its context is read. Two stories of one outlet may share a
/// background paragraph or a quote, so a repeated prose line counts only when it
/// talks about the site, and a repeated sentence only outside the article body.
fn fixed(doc: &CleanInput<'_>, u: &Unit, repeated: bool) -> Option<Fixed> {
    let line = doc.text.get(u.range.clone()).unwrap_or_default();
    if let Some(c) = cues::cue(u, line) {
        return Some(c.into());
    }
    if !repeated || (u.quality == Quality::Good && !talks_about_site(doc, line)) {
        return None;
    }
    Some(Fixed {
        label: Label {
            reason: REPEATED,
            telling: true,
        },
        role: cues::Role::Barrier,
        outside_only: u.sentence && u.stop_words > 0 && !talks_about_site(doc, line),
    })
}

/// True when a line names the outlet (or its initials) or uses words with which a
/// site talks about itself.
fn talks_about_site(doc: &CleanInput<'_>, line: &str) -> bool {
    let folded = features::fold_line(line);
    if SITE_TALK.iter().any(|w| folded.contains(w)) {
        return true;
    }
    let Some(outlet) = doc.outlet.map(str::trim).filter(|o| !o.is_empty()) else {
        return false;
    };
    if folded.contains(&features::fold_line(outlet)) {
        return true;
    }
    let initials: String = outlet
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    initials.chars().count() >= 2
        && line
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == initials)
}

#[cfg(test)]
mod tests;

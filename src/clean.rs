//! Boilerplate detection: page chrome (navigation, forms, prompts, credits, ads) is
//! marked as spans, never deleted from the text.

use std::ops::Range;

/// What the cleaner needs to know about one source.
#[derive(Debug, Clone)]
pub struct CleanInput<'a> {
    /// The source text.
    pub text: &'a str,
    /// The outlet (sources of the same outlet share their chrome).
    pub outlet: Option<&'a str>,
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

/// Marks the boilerplate of every source; the result is parallel to `docs`.
pub fn mark(docs: &[CleanInput<'_>]) -> Vec<Vec<Boilerplate>> {
    docs.iter().map(|_| Vec::new()).collect()
}

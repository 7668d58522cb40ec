//! A source prepared for analysis: its paragraphs, boilerplate and sentences, all as
//! byte spans into the source text.

use std::ops::Range;

use rayon::prelude::*;

use crate::clean::{self, Boilerplate, CleanInput};
use crate::corpus::{Corpus, Source};
use crate::segment;

/// A byte span in one source's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// Index of the source in [`Corpus::sources`].
    pub source: usize,
    /// Start byte offset (inclusive).
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
}

/// A sentence of a source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// Start byte offset in the source text (inclusive).
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// Index of the paragraph that holds it.
    pub paragraph: usize,
    /// True when the sentence lies in page chrome rather than the article.
    pub boilerplate: bool,
}

impl Sentence {
    /// The byte range of the sentence.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// One source with the structure every later stage reads.
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// Index of the source in the corpus.
    pub index: usize,
    /// The source itself.
    pub source: &'a Source,
    /// Paragraph spans.
    pub paragraphs: Vec<Range<usize>>,
    /// Boilerplate spans, sorted, not overlapping.
    pub boilerplate: Vec<Boilerplate>,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
}

impl Document<'_> {
    /// The source text.
    pub fn text(&self) -> &str {
        &self.source.text
    }

    /// The text of a sentence.
    pub fn sentence_text(&self, s: &Sentence) -> &str {
        &self.source.text[s.range()]
    }

    /// Sentences of the article body (not boilerplate).
    pub fn body_sentences(&self) -> impl Iterator<Item = (usize, &Sentence)> {
        self.sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| !s.boilerplate)
    }
}

/// What preparing a source finds from its text alone, before the boilerplate of
/// its outlet is known: the part of [`prepare`] that the analysis cache keeps.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Parts {
    /// Paragraph spans.
    pub(crate) paragraphs: Vec<Range<usize>>,
    /// The paragraphs as lines, with the measures boilerplate detection reads.
    pub(crate) lines: Vec<clean::Unit>,
    /// Sentence spans with the index of their paragraph.
    pub(crate) sentences: Vec<(Range<usize>, usize)>,
}

impl Parts {
    /// Segments one source.
    pub(crate) fn of(source: &Source) -> Parts {
        let paragraphs = segment::paragraphs(&source.text);
        let lines = clean::lines(&source.text, &paragraphs);
        let sentences = segment::sentences(&source.text, &paragraphs);
        Parts {
            paragraphs,
            lines,
            sentences,
        }
    }
}

/// Segments and cleans every source of the corpus.
pub fn prepare(corpus: &Corpus) -> Vec<Document<'_>> {
    let parts: Vec<Parts> = corpus.sources.par_iter().map(Parts::of).collect();
    prepare_from(corpus, parts)
}

/// [`prepare`] with every source already segmented ([`Parts::of`], or the cache),
/// `parts` parallel to `corpus.sources`: marks boilerplate, which reads the other
/// sources of each outlet, and builds the documents.
pub(crate) fn prepare_from(corpus: &Corpus, mut parts: Vec<Parts>) -> Vec<Document<'_>> {
    let lines: Vec<Vec<clean::Unit>> = parts
        .iter_mut()
        .map(|p| std::mem::take(&mut p.lines))
        .collect();
    let inputs: Vec<CleanInput<'_>> = corpus
        .sources
        .iter()
        .zip(&parts)
        .map(|(s, p)| CleanInput {
            text: &s.text,
            outlet: s.outlet.as_deref(),
            url: s.url.as_deref(),
            paragraphs: &p.paragraphs,
        })
        .collect();
    let boilerplate = clean::mark_lines(&inputs, &lines);
    drop((inputs, lines));
    corpus
        .sources
        .par_iter()
        .zip(parts)
        .zip(boilerplate)
        .enumerate()
        .map(|(index, ((source, parts), mut boilerplate))| {
            boilerplate.sort_by_key(|b| (b.range.start, b.range.end));
            let sentences = parts
                .sentences
                .into_iter()
                .map(|(r, paragraph)| Sentence {
                    boilerplate: overlaps_mostly(&r, &boilerplate),
                    start: r.start,
                    end: r.end,
                    paragraph,
                })
                .collect();
            Document {
                index,
                source,
                paragraphs: parts.paragraphs,
                boilerplate,
                sentences,
            }
        })
        .collect()
}

/// True when at least half of `r` lies in boilerplate.
fn overlaps_mostly(r: &Range<usize>, boilerplate: &[Boilerplate]) -> bool {
    let covered: usize = boilerplate
        .iter()
        .map(|b| {
            let s = b.range.start.max(r.start);
            let e = b.range.end.min(r.end);
            e.saturating_sub(s)
        })
        .sum();
    covered * 2 >= r.len() && !r.is_empty()
}

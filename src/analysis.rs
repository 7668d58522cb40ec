//! The whole pipeline in one call: prepare the sources, extract figures, align
//! passages and quotations, and compare figures into findings.

use crate::align::{self, AlignOptions, Alignment};
use crate::compare::{self, AlignedPair, CompareOptions, Findings};
use crate::corpus::Corpus;
use crate::document::{self, Document};
use crate::extract;
use crate::figure::Figure;
use crate::progress::{Progress, Stage};
use crate::quotes::{self, QuoteReport};

/// What the user can change about an analysis.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Leave out reuse between sources of the same outlet or series.
    pub exclude_same_outlet: bool,
    /// Settings of the figure comparison (defaults are the measured ones).
    pub compare: CompareOptions,
}

/// Everything claimdiff found in a corpus, with the documents every span refers to.
#[derive(Debug)]
pub struct Analysis<'a> {
    /// The corpus analysed.
    pub corpus: &'a Corpus,
    /// The prepared sources, parallel to `corpus.sources`.
    pub docs: Vec<Document<'a>>,
    /// Every figure of every source, in source order then text order.
    pub figures: Vec<Figure>,
    /// Quotations, their speakers and attribution conflicts.
    pub quotes: QuoteReport,
    /// Passages shared across sources and the aligned sentence pairs.
    pub alignment: Alignment,
    /// Discrepancies, agreements, updates and period warnings.
    pub findings: Findings,
}

/// Runs the whole pipeline on a corpus.
pub fn analyze<'a>(corpus: &'a Corpus, opts: &Options) -> Analysis<'a> {
    analyze_with(corpus, opts, &Progress::default())
}

/// Runs the whole pipeline on a corpus, saying in `progress` which stage it is in.
pub fn analyze_with<'a>(corpus: &'a Corpus, opts: &Options, progress: &Progress) -> Analysis<'a> {
    let sources = corpus.sources.len();
    progress.set(Stage::Preparing { sources });
    let docs = document::prepare(corpus);
    progress.set(Stage::Aligning { sources });
    let ((figures, vocab), (mut quotes, alignment)) = rayon::join(
        || {
            rayon::join(
                || extract::figures_all(&docs),
                || compare::vocabulary(&docs, &opts.compare),
            )
        },
        || {
            let quotes = quotes::find_quotes(&docs);
            let align_opts = AlignOptions {
                exclude_same_outlet: opts.exclude_same_outlet,
                ..AlignOptions::default()
            };
            let alignment = align::align_with_quotes(&docs, &align_opts, &quotes);
            (quotes, alignment)
        },
    );
    let pairs = aligned_pairs(&alignment);
    progress.set(Stage::Comparing {
        figures: figures.len(),
    });
    let findings = compare::compare_with(&docs, &figures, &pairs, &opts.compare, &vocab);
    quotes.find_conflicts(&docs, |a, b| vocab.same_story(a, b));
    Analysis {
        corpus,
        docs,
        figures,
        quotes,
        alignment,
        findings,
    }
}

/// The aligned sentence pairs of an alignment, as figure comparison reads them.
pub fn aligned_pairs(alignment: &Alignment) -> Vec<AlignedPair> {
    alignment
        .sentences
        .iter()
        .map(|p| AlignedPair { a: p.a, b: p.b })
        .collect()
}

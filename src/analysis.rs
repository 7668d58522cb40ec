//! The whole pipeline in one call: prepare the sources, extract figures, align
//! passages and quotations, and compare figures into findings.

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::align::{self, AlignOptions, Alignment};
use crate::cache::{Cache, Key, Lookup};
use crate::compare::{self, AlignedPair, CompareOptions, Findings};
use crate::corpus::Corpus;
use crate::document::{self, Document, Parts};
use crate::extract;
use crate::figure::Figure;
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
    analyze_cached(corpus, opts, None)
}

/// [`analyze`], reading what each source gives by itself (its segmentation and
/// figures) from `cache` where an entry holds it and writing the entries it
/// lacked. The result is the same as without a cache.
pub fn analyze_cached<'a>(
    corpus: &'a Corpus,
    opts: &Options,
    cache: Option<&Cache>,
) -> Analysis<'a> {
    let (docs, figures) = match cache {
        Some(cache) => {
            let (docs, figures) = per_source_cached(corpus, cache);
            (docs, Some(figures))
        }
        None => (document::prepare(corpus), None),
    };
    let ((figures, vocab), (mut quotes, alignment)) = rayon::join(
        || {
            rayon::join(
                || figures.unwrap_or_else(|| extract::figures_all(&docs)),
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

/// One source's cache entry: its segmentation, and its figures with the
/// boilerplate they were extracted under (boilerplate also depends on the other
/// sources of the outlet, so figures are reused only when it is unchanged).
#[derive(Serialize, Deserialize)]
struct Entry {
    parts: Parts,
    boilerplate: u64,
    figures: Vec<Figure>,
}

/// [`Entry`] as written, borrowing the figures.
#[derive(Serialize)]
struct EntryOut<'f> {
    parts: Parts,
    boilerplate: u64,
    figures: &'f [Figure],
}

/// A hash of a document's boilerplate spans and reasons.
fn boilerplate_hash(doc: &Document<'_>) -> u64 {
    let mut fp = crate::fingerprint::Fingerprint::new();
    for b in &doc.boilerplate {
        fp = fp
            .part(&b.range.start.to_string())
            .part(&b.range.end.to_string())
            .part(b.reason);
    }
    fp.value()
}

/// Prepares the documents and extracts their figures, through the cache.
fn per_source_cached<'a>(corpus: &'a Corpus, cache: &Cache) -> (Vec<Document<'a>>, Vec<Figure>) {
    let keys: Vec<Key> = corpus.sources.par_iter().map(Key::of).collect();
    // Each source: its parts, and its cached figures with their boilerplate hash
    // when the entry was found; `fresh` keeps a copy of the parts of the others
    // for writing their entries.
    let looked: Vec<(Parts, Option<(u64, Vec<Figure>)>, Option<Parts>)> = corpus
        .sources
        .par_iter()
        .zip(&keys)
        .map(|(source, key)| {
            let lookup = cache.read(key);
            if let Lookup::Found(bytes) = &lookup
                && let Ok(entry) = serde_json::from_slice::<Entry>(bytes)
            {
                cache.count_reused();
                return (entry.parts, Some((entry.boilerplate, entry.figures)), None);
            }
            cache.count_analysed(!matches!(lookup, Lookup::Missing));
            let parts = Parts::of(source);
            (parts.clone(), None, Some(parts))
        })
        .collect();
    let mut parts = Vec::with_capacity(looked.len());
    let mut cached = Vec::with_capacity(looked.len());
    for (p, c, fresh) in looked {
        parts.push(p);
        cached.push((c, fresh));
    }
    let docs = document::prepare_from(corpus, parts);
    let figures: Vec<Vec<Figure>> = docs
        .par_iter()
        .zip(cached)
        .zip(&keys)
        .map(|((doc, (cached, fresh)), key)| {
            let boilerplate = boilerplate_hash(doc);
            if let Some((hash, mut figures)) = cached {
                if hash == boilerplate {
                    for f in &mut figures {
                        f.source = doc.index;
                    }
                    return figures;
                }
                // Same text, other boilerplate: the outlet's other sources changed.
                let figures = extract::figures(doc);
                let parts = Parts::of(doc.source);
                write_entry(cache, key, parts, boilerplate, &figures);
                return figures;
            }
            let figures = extract::figures(doc);
            if let Some(parts) = fresh {
                write_entry(cache, key, parts, boilerplate, &figures);
            }
            figures
        })
        .collect();
    (docs, figures.concat())
}

/// Serializes and writes one entry.
fn write_entry(cache: &Cache, key: &Key, parts: Parts, boilerplate: u64, figures: &[Figure]) {
    let entry = EntryOut {
        parts,
        boilerplate,
        figures,
    };
    match serde_json::to_vec(&entry) {
        Ok(bytes) => cache.write(key, &bytes),
        Err(_) => cache.count_write_error(),
    }
}

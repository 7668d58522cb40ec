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
use crate::progress::{Progress, Stage};
use crate::quotes::{self, DocQuotes, QuoteReport};
use crate::timing::timed;

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
    analyze_cached(corpus, opts, None, progress)
}

/// [`analyze_with`], reading what each source gives by itself (its segmentation
/// and figures) from `cache` where an entry holds it and writing the entries it
/// lacked. The result is the same as without a cache.
pub fn analyze_cached<'a>(
    corpus: &'a Corpus,
    opts: &Options,
    cache: Option<&Cache>,
    progress: &Progress,
) -> Analysis<'a> {
    let sources = corpus.sources.len();
    progress.set(Stage::Preparing { sources });
    let (docs, figures, doc_quotes) = timed("prepare", || match cache {
        Some(cache) => {
            let (docs, figures, doc_quotes) = per_source_cached(corpus, cache);
            (docs, Some(figures), Some(doc_quotes))
        }
        None => (document::prepare(corpus), None, None),
    });
    progress.set(Stage::Aligning { sources });
    let ((figures, vocab), (mut quotes, alignment)) =
        timed("extract+vocabulary || quotes+align", || {
            crate::timing::join(
                || {
                    crate::timing::join(
                        || {
                            timed("extract", || {
                                figures.unwrap_or_else(|| extract::figures_all(&docs))
                            })
                        },
                        || timed("vocabulary", || compare::vocabulary(&docs, &opts.compare)),
                    )
                },
                || {
                    let quotes = timed("quotes", || match doc_quotes {
                        Some(per_doc) => quotes::find_quotes_from(&docs, per_doc),
                        None => quotes::find_quotes(&docs),
                    });
                    let align_opts = AlignOptions {
                        exclude_same_outlet: opts.exclude_same_outlet,
                        ..AlignOptions::default()
                    };
                    let alignment = timed("align", || {
                        align::align_with_quotes(&docs, &align_opts, &quotes)
                    });
                    (quotes, alignment)
                },
            )
        });
    let pairs = aligned_pairs(&alignment);
    progress.set(Stage::Comparing {
        figures: figures.len(),
    });
    let findings = timed("compare", || {
        compare::compare_with(&docs, &figures, &pairs, &opts.compare, &vocab)
    });
    timed("quote conflicts", || {
        quotes.find_conflicts(&docs, |a, b| vocab.same_story(a, b))
    });
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

/// One source's cache entry: its segmentation, and its figures and quotations
/// with the boilerplate they were read under (boilerplate also depends on the
/// other sources of the outlet, so they are reused only when it is unchanged).
#[derive(Serialize, Deserialize)]
struct Entry {
    parts: Parts,
    boilerplate: u64,
    figures: Vec<Figure>,
    quotes: DocQuotes,
}

/// A source looked up in the cache: its figures, its quotations and the hash of
/// the boilerplate they were read under, or its parts when it had no usable
/// entry.
enum Looked {
    Cached(u64, Vec<Figure>, DocQuotes),
    Fresh(Parts),
}

/// [`Entry`] as written, borrowing the figures and quotations.
#[derive(Serialize)]
struct EntryOut<'f> {
    parts: Parts,
    boilerplate: u64,
    figures: &'f [Figure],
    quotes: &'f DocQuotes,
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

/// Prepares the documents and extracts their figures and quotations, through the
/// cache.
fn per_source_cached<'a>(
    corpus: &'a Corpus,
    cache: &Cache,
) -> (Vec<Document<'a>>, Vec<Figure>, Vec<DocQuotes>) {
    let keys: Vec<Key> = corpus.sources.par_iter().map(Key::of).collect();
    // Each source: its parts, with its cached figures or a copy of the parts for
    // writing its entry.
    let looked: Vec<(Parts, Looked)> = corpus
        .sources
        .par_iter()
        .zip(&keys)
        .map(|(source, key)| {
            let lookup = cache.read(key);
            if let Lookup::Found(bytes) = &lookup
                && let Ok(entry) = serde_json::from_slice::<Entry>(bytes)
            {
                cache.count_reused();
                return (
                    entry.parts,
                    Looked::Cached(entry.boilerplate, entry.figures, entry.quotes),
                );
            }
            cache.count_analysed(!matches!(lookup, Lookup::Missing));
            let parts = Parts::of(source);
            (parts.clone(), Looked::Fresh(parts))
        })
        .collect();
    let (parts, looked): (Vec<Parts>, Vec<Looked>) = looked.into_iter().unzip();
    let docs = document::prepare_from(corpus, parts);
    let per_source: Vec<(Vec<Figure>, DocQuotes)> = docs
        .par_iter()
        .zip(looked)
        .zip(&keys)
        .map(|((doc, looked), key)| {
            let boilerplate = boilerplate_hash(doc);
            let parts = match looked {
                Looked::Cached(hash, mut figures, doc_quotes) if hash == boilerplate => {
                    for f in &mut figures {
                        f.source = doc.index;
                    }
                    return (figures, doc_quotes);
                }
                // Same text, other boilerplate: the outlet's other sources changed.
                Looked::Cached(..) => Parts::of(doc.source),
                Looked::Fresh(parts) => parts,
            };
            let figures = extract::figures(doc);
            let doc_quotes = quotes::doc_quotes(doc);
            write_entry(cache, key, parts, boilerplate, &figures, &doc_quotes);
            (figures, doc_quotes)
        })
        .collect();
    let (figures, doc_quotes): (Vec<Vec<Figure>>, Vec<DocQuotes>) = per_source.into_iter().unzip();
    (docs, figures.concat(), doc_quotes)
}

/// Serializes and writes one entry.
fn write_entry(
    cache: &Cache,
    key: &Key,
    parts: Parts,
    boilerplate: u64,
    figures: &[Figure],
    quotes: &DocQuotes,
) {
    let entry = EntryOut {
        parts,
        boilerplate,
        figures,
        quotes,
    };
    match serde_json::to_vec(&entry) {
        Ok(bytes) => cache.write(key, &bytes),
        Err(_) => cache.count_write_error(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(id: &str, body: &str) -> crate::Source {
        crate::Source {
            outlet: Some("Lakeside Courier".into()),
            ..crate::Source::new(id, body)
        }
    }

    fn corpus(sources: Vec<crate::Source>) -> Corpus {
        Corpus {
            sources,
            diagnostics: Vec::new(),
            is_sample: false,
        }
    }

    /// A line that is the article's in one source, and the outlet's chrome once
    /// another source of the outlet prints it too.
    const FOOTER: &str = "Our readers have sent 25 letters to the editor about the harbour plan.";

    fn figures_of(a: &Analysis<'_>, source: usize) -> Vec<(usize, usize)> {
        a.figures
            .iter()
            .filter(|f| f.source == source)
            .map(|f| (f.start, f.end))
            .collect()
    }

    #[test]
    fn cached_figures_follow_boilerplate_that_other_sources_change() {
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let cache = Cache::open(tmp.path()).expect("the cache opens");
        let first = source(
            "a",
            &format!(
                "The council approved 14 new bus routes on Monday after a long debate.\n\n\
                 Work on the first routes starts in 6 weeks, officials said.\n\n{FOOTER}\n"
            ),
        );
        let second = source(
            "b",
            &format!(
                "Flooding closed 9 schools in the valley on Tuesday morning.\n\n\
                 Crews pumped water from 120 basements overnight.\n\n{FOOTER}\n"
            ),
        );
        let alone = corpus(vec![first.clone()]);
        let opts = Options::default();
        let cold_alone = analyze(&alone, &opts);
        let warm_alone = analyze_cached(&alone, &opts, Some(&cache), &Progress::default());
        assert_eq!(cold_alone.figures, warm_alone.figures);
        // With a second source of the outlet, the footer is the outlet's chrome,
        // so its figure is no longer the first source's.
        let both = corpus(vec![first, second]);
        let cold_both = analyze(&both, &opts);
        assert_ne!(figures_of(&cold_alone, 0), figures_of(&cold_both, 0));
        let warm_both = analyze_cached(&both, &opts, Some(&cache), &Progress::default());
        assert_eq!(cold_both.figures, warm_both.figures);
        assert_eq!(cache.stats().reused, 1);
        let again = analyze_cached(&both, &opts, Some(&cache), &Progress::default());
        assert_eq!(cold_both.figures, again.figures);
        assert_eq!(cache.stats().reused, 3);
    }

    #[test]
    fn cached_quotations_are_the_quotations_found_without_cache() {
        let tmp = tempfile::tempdir().expect("a temporary folder");
        let cache = Cache::open(tmp.path()).expect("the cache opens");
        let words = "the new ferry timetable will start in the spring";
        let both = corpus(vec![
            source(
                "a",
                &format!("Harbour master Ana Berg spoke on Monday.\n\n\"{words},\" she said.\n"),
            ),
            crate::Source::new("b", &format!("\"{words},\" said Mayor Ivo Lund.\n")),
        ]);
        let opts = Options::default();
        let cold = analyze(&both, &opts);
        assert!(!cold.quotes.quotes.is_empty());
        for reused in [0, 2] {
            let warm = analyze_cached(&both, &opts, Some(&cache), &Progress::default());
            assert_eq!(cold.quotes, warm.quotes);
            assert_eq!(cache.stats().reused, reused);
        }
    }
}

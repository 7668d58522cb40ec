//! Alignment: the passages that two or more sources share, copied verbatim or lightly
//! edited, found whole without comparing all pairs of sources.
//!
//! The steps, one file each:
//! 1. `stream`: each document becomes one stream of word keys (its body sentences one
//!    after the other, boilerplate skipped; figures are one placeholder, so a passage
//!    that differs only in a figure is still found), with its names and the words
//!    inside quotation marks;
//! 2. `seeds`: an inverted index of word 3-gram shingles gives, for every document,
//!    the positions where it shares a shingle with a later document. The work per
//!    frequent shingle is capped (each position meets its neighbours in the shingle's
//!    list only), never the text, so the work grows linearly with the corpus, with
//!    near-duplicate copies and with files of repeated text;
//! 3. `pair`: for each pair of documents with seeds (a document's partners taken by
//!    the seeds they share, a partner left out once all its seeds lie in words that
//!    are aligned with eight others already: near-duplicate copies),
//!    seeds become runs of equal words,
//!    runs close together on both sides become one chain, the words between them are
//!    diffed and the passage is extended beyond its ends word by word: a passage with
//!    substitutions, deletions, insertions and changed figures is found whole, across
//!    sentence and paragraph boundaries. It is cut where the voice changes (reporting,
//!    or the quotation of one speaker), and judged by evidence rules: enough similar
//!    ([`Measure::Tiling`], chosen by measured precision and recall on labelled pairs,
//!    see `benches/align_measures.rs`) with enough of its content words shared
//!    ([`AlignOptions::min_content_similarity`]) and enough words
//!    ([`AlignOptions::min_shared_words`], or fewer holding many content words, or a
//!    quotation printed in both, or nearly identical whole sentences). An alignment
//!    whose two sides both name people or places and share none of those names is
//!    never reuse (`names`, [`AlignOptions::reject_other_names`]): the same template
//!    about another event is not reuse, however many words it shares;
//! 4. `merge`: passages of several pairs of documents that cover the same text are
//!    joined into one passage with all its occurrences;
//! 5. `diff`: for each pair of occurrences, the word-level edits, trimmed to the
//!    shared text, and the figures that changed.
//!
//! Sentences of the same document are never compared (a lead paragraph printed twice
//! in one source is not reuse), and [`AlignOptions::exclude_same_outlet`] also leaves
//! out pairs of sources of the same outlet or series.
//!
//! Every step runs in parallel with rayon (per document, per pair, per passage) and
//! every result is sorted, so the output does not depend on the number of threads.

pub(crate) mod candidates;
mod diff;
pub(crate) mod merge;
pub(crate) mod names;
mod pair;
mod seeds;
mod shingle;
pub(crate) mod similarity;
mod stream;
pub(crate) mod units;

use std::collections::BTreeMap;
use std::ops::Range;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Serialize;
use similar::DiffOp;

pub use diff::{EditOp, NumberChange, TextSpan, WordEdit, render_inline};
pub use similarity::{MIN_TILE, Measure};

use crate::document::Document;
use crate::fingerprint::{Fingerprint, hash64};
use crate::quotes::{self, QuoteReport};
use crate::text;
use merge::Piece;
use pair::{Aligned, Rules, Side};
use seeds::{Index, SeedParams};
use stream::Stream;

/// How alignment runs. The defaults are the measured choices; the CLI only needs
/// `exclude_same_outlet`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AlignOptions {
    /// Leave out reuse between sources of the same outlet or the same series.
    pub exclude_same_outlet: bool,
    /// The similarity used to judge aligned text.
    pub measure: Measure,
    /// Aligned text scoring at least this is reuse ...
    pub min_similarity: f64,
    /// ... when its shared runs also cover at least this share of its content words
    /// (words that are not stop words or figures). Sentences built on one template
    /// with other names and facts ("The X military buildup in Y could serve Z's
    /// interests") share their function words, not their content words.
    pub min_content_similarity: f64,
    /// Aligned text whose two sides both name people, places or organisations but
    /// share none of those names (nor a near spelling) is not reuse, whatever it shares
    /// otherwise: the same template about others ("The Lakers beat the Celtics on
    /// Sunday" / "The Bulls beat the Knicks on Sunday").
    pub reject_other_names: bool,
    /// Words per shingle.
    pub shingle_size: usize,
    /// Shingles found at most this many times pair all their positions as seeds
    /// (at most 65,534, like `max_shingle_df`).
    pub all_pairs_df: usize,
    /// More frequent shingles pair each position with this many next positions of
    /// their list only, where the shingles around it are frequent too (see the
    /// `seeds` step).
    pub shingle_window: usize,
    /// Shingles found more often than this ("said in a statement") pair each position
    /// with the next one only: the work they cost stays in proportion to the text.
    /// Values above 65,534 count as 65,534 (frequencies are counted in 16 bits).
    pub max_shingle_df: usize,
    /// Whole sentences nearly identical (see `strong_similarity`) are reuse when they
    /// share this many words, as many of them outside stock phrases (shingles far
    /// more frequent than the rarest shingle of their run): two short sentences that
    /// both put the same two stock phrases side by side are not reuse.
    pub min_sentence_words: usize,
    /// A passage must share at least this many words ...
    pub min_shared_words: usize,
    /// ... unless its sentences are at least this similar as a whole, or it is a
    /// quotation at least this similar. Short sentences built on the same template
    /// ("The central bank left its main rate unchanged on Thursday") are not reuse.
    pub strong_similarity: f64,
    /// A passage of fewer than `min_shared_words` words is reuse when it shares at
    /// least this many (0 turns this off) ...
    pub min_shared_run: usize,
    /// ... holding at least this many words that are not stop words or figures (so
    /// that stock phrases such as "spoke on condition of anonymity because he was not
    /// authorized to" do not count).
    pub min_shared_run_content: usize,
    /// A quotation printed in both sources (mostly inside quotation marks in both) is
    /// reuse when it shares this many words and is at least `strong_similarity`
    /// similar: a short quote reprinted word for word ("we believe this girl to be in
    /// imminent danger").
    pub min_quote_words: usize,
}

impl Default for AlignOptions {
    fn default() -> Self {
        AlignOptions {
            exclude_same_outlet: false,
            measure: Measure::Tiling,
            min_similarity: 0.6,
            min_content_similarity: 0.45,
            reject_other_names: true,
            shingle_size: 3,
            all_pairs_df: 8,
            shingle_window: 4,
            max_shingle_df: 20_000,
            min_sentence_words: 6,
            min_shared_words: 12,
            strong_similarity: 0.8,
            min_shared_run: 10,
            min_shared_run_content: 6,
            min_quote_words: 8,
        }
    }
}

/// What a passage is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PassageKind {
    /// The same words in every occurrence.
    Verbatim,
    /// The same text with some words changed, added, cut or moved.
    Edited,
    /// A quotation (most of every occurrence is inside quotation marks), verbatim or
    /// edited.
    Quote,
}

/// One source's copy of a passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Occurrence {
    /// Index of the source in the corpus ([`Document::index`]).
    pub source: usize,
    /// Start byte offset in the source text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The speaker this source gives, when the passage is a quotation.
    pub speaker: Option<String>,
}

/// The comparison of two occurrences of a passage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PassageDiff {
    /// Index of the first occurrence in [`Passage::occurrences`].
    pub a: usize,
    /// Index of the second occurrence.
    pub b: usize,
    /// Similarity of the two (see [`AlignOptions::measure`]).
    pub similarity: f64,
    /// Word-level edits from the first to the second, equal runs included, in order.
    pub edits: Vec<WordEdit>,
    /// Figures at the same place written differently: evidence for the discrepancy
    /// report that the two figures are about the same fact.
    pub numbers: Vec<NumberChange>,
}

/// Text that two or more sources share.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Passage {
    /// Stable id: a fingerprint of the normalized words of the occurrences and their
    /// source ids (not of offsets), so it survives unrelated edits.
    pub id: String,
    /// Verbatim, edited, or a quotation.
    pub kind: PassageKind,
    /// The lowest similarity between two aligned occurrences.
    pub similarity: f64,
    /// Where each source prints it, sorted by source and position.
    pub occurrences: Vec<Occurrence>,
    /// For a quotation: the speaker, when every source that names one agrees.
    pub speaker: Option<String>,
    /// The pairwise comparisons of occurrences that were aligned: all of them for up
    /// to eight occurrences; beyond that (wire copy reprinted by many outlets), a
    /// spanning tree linking every occurrence to its most similar aligned neighbour.
    pub diffs: Vec<PassageDiff>,
}

impl Passage {
    /// True when any pair of occurrences has a figure written differently.
    pub fn has_number_changes(&self) -> bool {
        self.diffs.iter().any(|d| !d.numbers.is_empty())
    }
}

/// A sentence, by source and index in [`Document::sentences`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct SentenceRef {
    /// Index of the source in the corpus.
    pub source: usize,
    /// Index of the sentence in its document.
    pub sentence: usize,
}

/// Two sentences of different sources that were aligned: strong evidence that the
/// figures at the same place in them are about the same fact.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct AlignedSentences {
    /// The sentence of the source with the smaller index.
    pub a: SentenceRef,
    /// The sentence of the other source.
    pub b: SentenceRef,
    /// Their similarity.
    pub similarity: f64,
}

/// Counts from one run, for `--explain` and benchmarks.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct AlignStats {
    /// Body sentences read.
    pub units: usize,
    /// Words indexed.
    pub words: usize,
    /// Shingle occurrences indexed.
    pub postings: usize,
    /// Shingles too frequent to pair all their positions (their work is capped).
    pub common_shingles: usize,
    /// Seeds met: positions where two documents share a shingle.
    pub pair_checks: u64,
    /// Chains of seeds aligned word by word.
    pub candidates: usize,
    /// Pairs of documents left out because all their seeds lie in words already
    /// aligned with many other documents (near-duplicate copies).
    pub skipped_pairs: usize,
    /// Sentence pairs aligned.
    pub aligned: usize,
    /// Passages reported.
    pub passages: usize,
}

/// The result of aligning a corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Alignment {
    /// Shared passages, sorted by their first occurrence.
    pub passages: Vec<Passage>,
    /// Every aligned sentence pair, sorted.
    pub sentences: Vec<AlignedSentences>,
    /// Counts from the run.
    pub stats: AlignStats,
}

impl Alignment {
    /// The aligned partners of every aligned sentence, for lookups in bulk (the figure
    /// comparison asks about many sentences).
    pub fn partner_map(&self) -> BTreeMap<SentenceRef, Vec<(SentenceRef, f64)>> {
        let mut map: BTreeMap<SentenceRef, Vec<(SentenceRef, f64)>> = BTreeMap::new();
        for p in &self.sentences {
            map.entry(p.a).or_default().push((p.b, p.similarity));
            map.entry(p.b).or_default().push((p.a, p.similarity));
        }
        map
    }

    /// The aligned partners of one sentence (a scan of all aligned pairs; use
    /// [`Alignment::partner_map`] for many lookups).
    pub fn partners(&self, s: SentenceRef) -> impl Iterator<Item = (SentenceRef, f64)> + '_ {
        self.sentences.iter().filter_map(move |p| {
            if p.a == s {
                Some((p.b, p.similarity))
            } else if p.b == s {
                Some((p.a, p.similarity))
            } else {
                None
            }
        })
    }
}

/// Aligns the documents, finding their quotations first (to tell quotations from
/// other passages). Use [`align_with_quotes`] when the quotes are needed anyway.
pub fn align(docs: &[Document<'_>], opts: &AlignOptions) -> Alignment {
    let quotes = quotes::find_quotes(docs);
    align_with_quotes(docs, opts, &quotes)
}

/// Aligns the documents, using quotations already found by
/// [`quotes::find_quotes`] on the same documents.
pub fn align_with_quotes(
    docs: &[Document<'_>],
    opts: &AlignOptions,
    quotes: &QuoteReport,
) -> Alignment {
    align_profiled(docs, opts, quotes).0
}

/// Like [`align_with_quotes`], also returning how long each step took (for the
/// benchmark; the alignment itself never depends on the clock).
pub fn align_profiled(
    docs: &[Document<'_>],
    opts: &AlignOptions,
    quotes: &QuoteReport,
) -> (Alignment, Vec<(&'static str, Duration)>) {
    let mut times = Vec::new();
    let mut clock = Instant::now();
    let mut lap = |name: &'static str, times: &mut Vec<(&'static str, Duration)>| {
        times.push((name, clock.elapsed()));
        clock = Instant::now();
    };
    let streams = stream::build(docs, quotes);
    let voices = sentence_voices(docs, quotes);
    lap("streams", &mut times);
    let params = SeedParams {
        size: opts.shingle_size.max(1),
        all_pairs_df: opts.all_pairs_df.clamp(2, seeds::MAX_DF),
        window: opts.shingle_window.max(1),
        max_df: opts.max_shingle_df.clamp(2, seeds::MAX_DF),
    };
    let index = Index::build(&streams, &params);
    lap("index", &mut times);
    let groups = outlet_groups(docs);
    let allow =
        |a: usize, b: usize| !opts.exclude_same_outlet || !shares_group(&groups[a], &groups[b]);
    let rules = Rules {
        measure: opts.measure,
        threshold: opts.min_similarity,
        min_content: opts.min_content_similarity,
        min_words: opts.min_shared_words,
        run_words: opts.min_shared_run,
        run_content: opts.min_shared_run_content,
        quote_words: opts.min_quote_words.max(1),
        strong: opts.strong_similarity,
        sentence_words: opts.min_sentence_words.max(1),
        other_names: opts.reject_other_names,
        shingle: params.size,
        rare: params.all_pairs_df,
    };
    let side = |d: usize| Side {
        stream: &streams[d],
        voices: &voices[d],
        frequencies: index.frequencies(d),
    };
    let per_doc: Vec<DocPairs> = (0..docs.len())
        .into_par_iter()
        .map(|u| {
            let mut seeds: Vec<(u32, u32, u32)> = Vec::new();
            let count = index.seeds_of(
                u,
                &params,
                |v| allow(u, v),
                |v, p, q| seeds.push((stream::offset_u32(v), p, q)),
            );
            seeds.sort_unstable_by_key(|&(v, p, q)| (v, pair::seed_order(p, q)));
            let mut work = pair::Work::default();
            let mut out = DocPairs::default();
            let mut pairs: Vec<(u32, u32)> = Vec::new();
            let mut groups: Vec<&[(u32, u32, u32)]> = seeds.chunk_by(|x, y| x.0 == y.0).collect();
            // The partners that share the most seeds first; once a word is aligned
            // with MAX_ALIGNED_PER_WORD of them, a partner whose seeds all lie in such
            // words is left out (see MAX_ALIGNED_PER_WORD).
            let capped = groups.len() > MAX_ALIGNED_PER_WORD;
            if capped {
                groups.sort_by_key(|g| (std::cmp::Reverse(g.len()), g[0].0));
            }
            let mut aligned_with = vec![0u8; if capped { streams[u].len() } else { 0 }];
            let mut found: Vec<(usize, PairPassage, Vec<AlignedSentences>)> = Vec::new();
            for group in groups {
                let v = group[0].0 as usize;
                if capped
                    && group
                        .iter()
                        .all(|s| usize::from(aligned_with[s.1 as usize]) >= MAX_ALIGNED_PER_WORD)
                {
                    out.skipped += 1;
                    continue;
                }
                pairs.clear();
                pairs.extend(group.iter().map(|s| (s.1, s.2)));
                // Each alignment becomes its pair passage and sentence pairs at once,
                // so that the word-level ops of all pairs are never held together.
                for x in pair::align_pair(side(u), side(v), &pairs, &rules, &mut work) {
                    if capped {
                        for w in &mut aligned_with[x.a()] {
                            *w = w.saturating_add(1);
                        }
                    }
                    let sentences = aligned_sentences(docs, &streams, (u, v), &x, opts);
                    found.push((v, pair_passage(docs, &streams, (u, v), &x), sentences));
                }
            }
            // Back in the order of the partners (stable: each pair's in text order).
            found.sort_by_key(|f| f.0);
            for (_, passage, sentences) in found {
                out.passages.push(passage);
                out.sentences.extend(sentences);
            }
            out.seeds = count;
            out.chains = work.chains;
            out
        })
        .collect();
    let mut stats = AlignStats {
        units: streams.iter().map(|s| s.sentences.len()).sum(),
        words: streams.iter().map(Stream::len).sum(),
        postings: index.postings,
        common_shingles: index.capped,
        ..AlignStats::default()
    };
    drop(index);
    let mut pairs: Vec<PairPassage> = Vec::new();
    let mut sentences: Vec<AlignedSentences> = Vec::new();
    for found in per_doc {
        stats.pair_checks += found.seeds;
        stats.candidates += found.chains;
        stats.skipped_pairs += found.skipped;
        pairs.extend(found.passages);
        sentences.extend(found.sentences);
    }
    lap("pairs", &mut times);
    sentences.sort_by(|x, y| {
        (x.a, x.b)
            .cmp(&(y.a, y.b))
            .then(y.similarity.total_cmp(&x.similarity))
    });
    sentences.dedup_by_key(|x| (x.a, x.b));
    lap("merge", &mut times);
    let mut passages = assemble(docs, &pairs, quotes, opts.measure);
    lap("diff", &mut times);
    passages.sort_by_key(occurrence_key);
    dedupe_ids(&mut passages);
    stats.aligned = sentences.len();
    stats.passages = passages.len();
    (
        Alignment {
            passages,
            sentences,
            stats,
        },
        times,
    )
}

/// The folded outlet and series of each document: sources sharing either are "the
/// same outlet" for [`AlignOptions::exclude_same_outlet`].
fn outlet_groups(docs: &[Document<'_>]) -> Vec<Vec<String>> {
    docs.iter()
        .map(|d| {
            [d.source.outlet.as_deref(), d.source.series.as_deref()]
                .into_iter()
                .flatten()
                .map(|s| text::fold(s.trim()))
                .filter(|s| !s.is_empty())
                .collect()
        })
        .collect()
}

fn shares_group(a: &[String], b: &[String]) -> bool {
    a.iter().any(|x| b.contains(x))
}

/// For each document, the sentences that belong to a quotation, with an id of its
/// speaker (sorted by sentence): sentences mostly inside quotation marks, and
/// sentences holding a quotation's attribution ("..., Mr. Smith said at a meeting").
fn sentence_voices(docs: &[Document<'_>], quotes: &QuoteReport) -> Vec<Vec<(usize, u64)>> {
    let voice = |q: &quotes::Quotation| hash64(q.speaker.as_deref().unwrap_or("").as_bytes()) | 1;
    docs.par_iter()
        .map(|d| {
            let quotations: Vec<&quotes::Quotation> = quotes.quotations_of(d.index).collect();
            d.sentences
                .iter()
                .enumerate()
                .filter_map(|(i, s)| {
                    let inside = quotations
                        .iter()
                        .map(|q| (q, covered(&segments(q), s.range())))
                        .max_by_key(|(q, c)| (*c, std::cmp::Reverse(q.start)))
                        .filter(|(_, c)| c * 2 >= s.end - s.start);
                    let attributed = || {
                        quotations.iter().find(|q| {
                            q.attribution
                                .as_ref()
                                .is_some_and(|a| a.start < s.end && s.start < a.end)
                        })
                    };
                    match inside {
                        Some((q, _)) => Some((i, voice(q))),
                        None => attributed().map(|q| (i, voice(q))),
                    }
                })
                .collect()
        })
        .collect()
}

fn segments(q: &quotes::Quotation) -> Vec<Range<usize>> {
    q.segments.iter().map(|s| s.start..s.end).collect()
}

/// Bytes of `r` inside the (disjoint) ranges.
fn covered(ranges: &[Range<usize>], r: Range<usize>) -> usize {
    ranges
        .iter()
        .map(|s| s.end.min(r.end).saturating_sub(s.start.max(r.start)))
        .sum()
}

/// What the pair step gives for one document: the pair passages and aligned
/// sentences of its accepted alignments with later documents, the seeds met and the
/// chains aligned.
#[derive(Default)]
struct DocPairs {
    passages: Vec<PairPassage>,
    sentences: Vec<AlignedSentences>,
    seeds: u64,
    chains: usize,
    /// Partners left out because all their seeds lie in words already aligned with
    /// [`MAX_ALIGNED_PER_WORD`] others.
    skipped: usize,
}

/// A word of a document is aligned with at most about this many later documents: a
/// later partner whose seeds all lie in words aligned this often already is left out.
/// Partners are taken by the number of seeds they share, so these are the closest
/// copies; the passages step joins the copies of a story that hundreds of outlets
/// reprint through them, and its report keeps a spanning tree of their comparisons
/// beyond eight occurrences anyway. So the work per document stays bounded however
/// many near-duplicates a corpus holds, while a partner sharing other text (another
/// passage) is still aligned.
const MAX_ALIGNED_PER_WORD: usize = 8;

/// A passage shared by one pair of documents, before joining across pairs.
struct PairPassage {
    a: Piece,
    b: Piece,
    /// Similarity of the shared part.
    similarity: f64,
    diff: diff::SpanDiff,
}

/// The words of a stream range of a document, read again from its sentences: the
/// tokens and the stream position of the first.
fn region_words(doc: &Document<'_>, s: &Stream, r: &Range<usize>) -> (Vec<text::Token>, usize) {
    let (first, last) = (s.sentence_slot(r.start), s.sentence_slot(r.end.max(1) - 1));
    let mut tokens = Vec::new();
    for slot in first..=last {
        let sentence = &doc.sentences[s.sentences[slot].1 as usize];
        tokens.extend(stream::words(doc.text(), sentence.range()));
    }
    (tokens, s.sentences[first].0 as usize)
}

/// The pair passage of an alignment, with byte spans and word edits.
fn pair_passage(
    docs: &[Document<'_>],
    streams: &[Stream],
    (u, v): (usize, usize),
    x: &Aligned,
) -> PairPassage {
    let (toks_a, off_a) = region_words(&docs[u], &streams[u], &x.a());
    let (toks_b, off_b) = region_words(&docs[v], &streams[v], &x.b());
    let keys_a = &streams[u].keys[off_a..off_a + toks_a.len()];
    let keys_b = &streams[v].keys[off_b..off_b + toks_b.len()];
    let ops: Vec<DiffOp> = x
        .ops
        .iter()
        .map(|&op| pair::shift(op, -(off_a as isize), -(off_b as isize), false))
        .collect();
    let d = diff::from_ops(
        (docs[u].text(), &toks_a, keys_a),
        (docs[v].text(), &toks_b, keys_b),
        &ops,
    );
    PairPassage {
        a: Piece {
            doc: u,
            start: d.a.start,
            end: d.a.end,
        },
        b: Piece {
            doc: v,
            start: d.b.start,
            end: d.b.end,
        },
        similarity: x.similarity,
        diff: d.without_keys(),
    }
}

/// The sentence pairs of an alignment that share most of their words: evidence for
/// the figure comparison that the figures at one place in them are about one fact.
/// A pair is kept when at least three of its words are aligned and the two sentences
/// are similar as a whole, or share a long run of aligned words.
fn aligned_sentences(
    docs: &[Document<'_>],
    streams: &[Stream],
    (u, v): (usize, usize),
    x: &Aligned,
    opts: &AlignOptions,
) -> Vec<AlignedSentences> {
    let (sa, sb) = (&streams[u], &streams[v]);
    let mut shared: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for op in &x.ops {
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = *op
        {
            for k in 0..len {
                let key = (
                    sa.sentence_slot(old_index + k),
                    sb.sentence_slot(new_index + k),
                );
                *shared.entry(key).or_default() += 1;
            }
        }
    }
    shared
        .into_iter()
        .filter_map(|((slot_a, slot_b), n)| {
            let (wa, wb) = (sa.sentence_words(slot_a), sb.sentence_words(slot_b));
            let similarity = opts.measure.score_keys(&sa.keys[wa], &sb.keys[wb]);
            let long = opts.min_shared_run > 0 && n >= opts.min_shared_run;
            (n >= 3 && (similarity >= opts.min_similarity || long)).then(|| {
                let a = SentenceRef {
                    source: docs[u].index,
                    sentence: sa.sentences[slot_a].1 as usize,
                };
                let b = SentenceRef {
                    source: docs[v].index,
                    sentence: sb.sentences[slot_b].1 as usize,
                };
                let (a, b) = if a <= b { (a, b) } else { (b, a) };
                AlignedSentences { a, b, similarity }
            })
        })
        .collect()
}

/// Compares two spans of two documents word by word.
fn compare(
    docs: &[Document<'_>],
    doc_a: usize,
    ra: Range<usize>,
    doc_b: usize,
    rb: Range<usize>,
    measure: Measure,
) -> Option<PairPassage> {
    let (ta, tb) = (docs[doc_a].text(), docs[doc_b].text());
    let (words_a, words_b) = (diff::words(ta, ra.clone()), diff::words(tb, rb.clone()));
    let d = diff::diff_words((ta, ra, &words_a), (tb, rb, &words_b));
    if d.a.is_empty() || d.b.is_empty() {
        return None;
    }
    let similarity = similarity_of(&d, measure);
    let d = d.without_keys();
    Some(PairPassage {
        a: Piece {
            doc: doc_a,
            start: d.a.start,
            end: d.a.end,
        },
        b: Piece {
            doc: doc_b,
            start: d.b.start,
            end: d.b.end,
        },
        similarity,
        diff: d,
    })
}

/// Texts longer than this (words on one side times words on the other) are scored
/// by the share of their words the diff finds equal, rather than by the measure,
/// whose cost is quadratic.
const MAX_SCORED: usize = 1 << 16;

/// The similarity of the two sides of a diff.
fn similarity_of(d: &diff::SpanDiff, measure: Measure) -> f64 {
    let (la, lb) = (d.keys_a.len(), d.keys_b.len());
    if la * lb <= MAX_SCORED {
        measure.score_keys(&d.keys_a, &d.keys_b)
    } else {
        2.0 * d.shared as f64 / (la + lb).max(1) as f64
    }
}

/// Joins pair passages that share text into passages with all their occurrences.
fn assemble(
    docs: &[Document<'_>],
    pairs: &[PairPassage],
    quotes: &QuoteReport,
    measure: Measure,
) -> Vec<Passage> {
    let pieces: Vec<(Piece, Piece)> = pairs.iter().map(|p| (p.a, p.b)).collect();
    merge::cluster(&pieces)
        .into_par_iter()
        .map(|members| passage(docs, pairs, &members, quotes, measure))
        .collect()
}

/// Builds one passage from the pair passages of a cluster.
fn passage(
    docs: &[Document<'_>],
    pairs: &[PairPassage],
    members: &[usize],
    quotes: &QuoteReport,
    measure: Measure,
) -> Passage {
    let pieces = merge::merge_pieces(
        members
            .iter()
            .flat_map(|&m| [pairs[m].a, pairs[m].b])
            .collect(),
    );
    // Merged pieces are sorted and disjoint: a piece lies in the last one starting at
    // or before it.
    let index_of = |p: &Piece| {
        pieces
            .partition_point(|q| (q.doc, q.start) <= (p.doc, p.start))
            .checked_sub(1)
            .filter(|&i| pieces[i].doc == p.doc && p.start < pieces[i].end)
            .expect("invariant: every piece lies in a merged piece of its cluster")
    };
    // One comparison per pair of occurrences: pair passages of the same two
    // occurrences (a run split around an unaligned sentence) are compared again whole.
    let mut by_occurrences: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for &m in members {
        by_occurrences
            .entry((index_of(&pairs[m].a), index_of(&pairs[m].b)))
            .or_default()
            .push(m);
    }
    if pieces.len() > MAX_OCCURRENCES_ALL_DIFFS {
        keep_spanning_tree(&mut by_occurrences, pairs, pieces.len());
    }
    let mut verbatim = true;
    let diffs: Vec<PassageDiff> = by_occurrences
        .into_iter()
        .map(|((a, b), ms)| {
            let redone = (ms.len() > 1).then(|| {
                let (pa, pb) = (pieces[a], pieces[b]);
                compare(
                    docs,
                    pa.doc,
                    pa.start..pa.end,
                    pb.doc,
                    pb.start..pb.end,
                    measure,
                )
            });
            let p = redone.flatten();
            let p = p.as_ref().unwrap_or(&pairs[ms[0]]);
            verbatim &= p.diff.is_verbatim();
            let (ta, tb) = (docs[p.a.doc].text(), docs[p.b.doc].text());
            PassageDiff {
                a,
                b,
                similarity: p.similarity,
                edits: p.diff.word_edits(ta, tb),
                numbers: p.diff.number_changes(ta, tb),
            }
        })
        .collect();
    let occurrences: Vec<Occurrence> = pieces
        .iter()
        .map(|p| Occurrence {
            source: docs[p.doc].index,
            start: p.start,
            end: p.end,
            speaker: speaker_at(quotes, docs[p.doc].index, p.start..p.end),
        })
        .collect();
    let quoted = occurrences.iter().all(|o| {
        let segs: Vec<Range<usize>> = quotes.quotations_of(o.source).flat_map(segments).collect();
        covered(&segs, o.start..o.end) * 2 >= o.end - o.start
    });
    let kind = match (quoted, verbatim) {
        (true, _) => PassageKind::Quote,
        (false, true) => PassageKind::Verbatim,
        (false, false) => PassageKind::Edited,
    };
    let speaker = if kind == PassageKind::Quote {
        agreed(occurrences.iter().filter_map(|o| o.speaker.as_deref()))
    } else {
        None
    };
    let similarity = diffs.iter().map(|d| d.similarity).fold(1.0_f64, f64::min);
    Passage {
        id: passage_id(docs, &pieces),
        kind,
        similarity,
        occurrences,
        speaker,
        diffs,
    }
}

/// Passages with more occurrences than this (wire copy reprinted by many outlets)
/// keep only a spanning tree of their pairwise comparisons, so that the report grows
/// with the number of occurrences rather than its square.
const MAX_OCCURRENCES_ALL_DIFFS: usize = 8;

/// Keeps the comparisons of a maximum-similarity spanning tree over the occurrences:
/// every occurrence stays compared with its closest aligned neighbour.
fn keep_spanning_tree(
    by_occurrences: &mut BTreeMap<(usize, usize), Vec<usize>>,
    pairs: &[PairPassage],
    occurrences: usize,
) {
    let mut edges: Vec<(f64, (usize, usize))> = by_occurrences
        .iter()
        .map(|(&k, ms)| {
            let best = ms.iter().map(|&m| pairs[m].similarity).fold(0.0, f64::max);
            (best, k)
        })
        .collect();
    edges.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    let mut uf = merge::UnionFind::new(occurrences);
    let mut keep = std::collections::BTreeSet::new();
    for (_, (a, b)) in edges {
        if uf.find(a) != uf.find(b) {
            uf.union(a, b);
            keep.insert((a, b));
        }
    }
    by_occurrences.retain(|k, _| keep.contains(k));
}

/// The speaker of the quotation covering most of `r` in a source.
fn speaker_at(quotes: &QuoteReport, source: usize, r: Range<usize>) -> Option<String> {
    quotes
        .quotations_of(source)
        .filter(|q| q.speaker.is_some())
        .map(|q| (covered(&segments(q), r.clone()), q))
        .filter(|(c, _)| *c > 0)
        .max_by_key(|(c, q)| (*c, std::cmp::Reverse(q.start)))
        .and_then(|(_, q)| q.speaker.clone())
}

/// The one value all items agree on, if any.
fn agreed<'a>(items: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut all: Vec<&str> = items.collect();
    all.sort_unstable();
    all.dedup();
    match all.as_slice() {
        [one] => Some((*one).to_string()),
        _ => None,
    }
}

/// Folded words of a span, for ids.
fn normalized(text: &str, r: Range<usize>) -> String {
    text::tokenize(text, r)
        .into_iter()
        .filter(|t| t.kind != text::TokenKind::Punct)
        .map(|t| text::fold(t.text(text)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn passage_id(docs: &[Document<'_>], pieces: &[Piece]) -> String {
    let mut texts: Vec<String> = pieces
        .iter()
        .map(|p| normalized(docs[p.doc].text(), p.start..p.end))
        .collect();
    texts.sort();
    texts.dedup();
    let mut ids: Vec<&str> = pieces
        .iter()
        .map(|p| docs[p.doc].source.id.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    let mut fp = Fingerprint::new().part("passage");
    for t in &texts {
        fp = fp.part(t);
    }
    for id in ids {
        fp = fp.part(id);
    }
    fp.id()
}

fn occurrence_key(p: &Passage) -> (usize, usize, usize) {
    p.occurrences
        .first()
        .map_or((0, 0, 0), |o| (o.source, o.start, o.end))
}

/// Makes ids unique by adding a counter to repeated ones (in output order).
fn dedupe_ids(passages: &mut [Passage]) {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for p in passages.iter_mut() {
        let n = seen.entry(p.id.clone()).or_insert(0);
        if *n > 0 {
            p.id = Fingerprint::new().part(&p.id).part(&n.to_string()).id();
        }
        *n += 1;
    }
}

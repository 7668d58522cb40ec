//! Alignment: the passages that two or more sources share, copied verbatim or lightly
//! edited, found without comparing all sentence pairs.
//!
//! The steps, one file each:
//! 1. `units`: each body sentence (boilerplate skipped) becomes a sequence of word
//!    keys, figures replaced by one placeholder, so that a passage that differs only
//!    in a figure is still found as reuse;
//! 2. `shingle` and `candidates`: an inverted index of word 3-gram shingles gives the
//!    sentence pairs (of different sources) sharing enough shingles. Shingles made of
//!    stop words only, and very common shingles, are dropped; frequent ones pair each
//!    sentence with its neighbours in the posting list only, so the work grows
//!    linearly with the corpus;
//! 3. `verify`: candidates are scored with greedy string tiling over word keys
//!    ([`Measure::Tiling`]: tolerant of small edits and of moved clauses, chosen by
//!    measured precision and recall on labelled pairs, see
//!    `benches/align_measures.rs`) and must also share enough of their content words
//!    ([`AlignOptions::min_content_similarity`]), or are kept when they share a long
//!    run of content words (a clause copied into an otherwise different sentence).
//!    Two sentences that both name people or places and share none of those names
//!    are never aligned (`names`, [`AlignOptions::reject_other_names`]): the same
//!    template about another event is not reuse, however many words it shares;
//! 4. `merge`: aligned sentences close together on both sides become one passage,
//!    across paragraphs, never mixing reporting with a quotation or two speakers'
//!    quotations; passages that do not hold together are split again, and passages
//!    printed by several sources are joined;
//! 5. `diff`: for each pair of occurrences, the word-level edits (computed with
//!    `similar`), trimmed to the shared text, and the figures that changed.
//!
//! A passage must share at least [`AlignOptions::min_shared_words`] words, or its
//! sentences must be nearly identical as a whole: short sentences built on a common
//! template are not reuse. Sentences of the same document are never compared (a lead
//! paragraph printed twice in one source is not reuse), and
//! [`AlignOptions::exclude_same_outlet`] also leaves out pairs of sources of the same
//! outlet or series.
//!
//! Every step runs in parallel with rayon (per document, per shingle chunk, per
//! candidate, per run, per passage) and every result is sorted, so the output does
//! not depend on the number of threads.

pub(crate) mod candidates;
mod diff;
pub(crate) mod merge;
pub(crate) mod names;
mod shingle;
pub(crate) mod similarity;
pub(crate) mod units;
mod verify;

use std::collections::BTreeMap;
use std::ops::Range;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use serde::Serialize;

pub use diff::{EditOp, NumberChange, TextSpan, WordEdit, render_inline};
pub use similarity::{MIN_TILE, Measure};

use crate::document::Document;
use crate::fingerprint::{Fingerprint, hash64};
use crate::quotes::{self, QuoteReport};
use crate::text;
use candidates::CandidateParams;
use merge::{Link, Piece};
use units::Units;

/// How alignment runs. The defaults are the measured choices; the CLI only needs
/// `exclude_same_outlet`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AlignOptions {
    /// Leave out reuse between sources of the same outlet or the same series.
    pub exclude_same_outlet: bool,
    /// The similarity used to verify candidate sentence pairs.
    pub measure: Measure,
    /// Candidate sentence pairs scoring at least this are aligned ...
    pub min_similarity: f64,
    /// ... when their shared runs also cover at least this share of their content
    /// words (words that are not stop words or figures). Sentences built on one
    /// template with other names and facts ("The X military buildup in Y could serve
    /// Z's interests") share their function words, not their content words.
    pub min_content_similarity: f64,
    /// Sentence pairs that both name people, places or organisations but share none
    /// of those names (nor a near spelling) are not aligned, whatever they share
    /// otherwise: the same template about others ("The Lakers beat the Celtics on
    /// Sunday" / "The Bulls beat the Knicks on Sunday").
    pub reject_other_names: bool,
    /// Words per shingle.
    pub shingle_size: usize,
    /// Shingles found in at most this many sentences pair all of them as candidates.
    pub all_pairs_df: usize,
    /// More frequent shingles pair each sentence with this many next sentences of
    /// their posting list only (see the `candidates` step).
    pub shingle_window: usize,
    /// Shingles found in more sentences than this are too common to suggest copying
    /// and are dropped.
    pub max_shingle_df: usize,
    /// Sentences with fewer words are not aligned on their own (they may still sit
    /// inside a passage).
    pub min_sentence_words: usize,
    /// A passage must share at least this many words ...
    pub min_shared_words: usize,
    /// ... unless its occurrences are at least this similar. Short sentences built on
    /// the same template ("The central bank left its main rate unchanged on
    /// Thursday") are not reuse.
    pub strong_similarity: f64,
    /// Two sentences that are not similar as a whole still align when they share a
    /// run of this many words (0 turns this off) ...
    pub min_shared_run: usize,
    /// ... holding at least this many words that are not stop words or figures (so
    /// that stock phrases such as "spoke on condition of anonymity because he was not
    /// authorized to" do not count).
    pub min_shared_run_content: usize,
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
            all_pairs_df: 32,
            shingle_window: 16,
            max_shingle_df: 20_000,
            min_sentence_words: 6,
            min_shared_words: 12,
            strong_similarity: 0.8,
            min_shared_run: 10,
            min_shared_run_content: 6,
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
    /// Sentences indexed.
    pub units: usize,
    /// Words indexed.
    pub words: usize,
    /// Shingle occurrences indexed.
    pub postings: usize,
    /// Shingles dropped as too common.
    pub common_shingles: usize,
    /// Sentence pairs met through shared shingles while counting candidates.
    pub pair_checks: u64,
    /// Candidate sentence pairs verified.
    pub candidates: usize,
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
    let units = Units::build(docs, opts.min_sentence_words.max(1));
    lap("units", &mut times);
    let params = CandidateParams {
        shingle_size: opts.shingle_size,
        all_pairs_df: opts.all_pairs_df.max(2),
        window: opts.shingle_window.max(1),
        max_df: opts.max_shingle_df.max(2),
        min_shared: 2,
        min_ratio: 0.2,
    };
    let groups = outlet_groups(docs);
    let allow =
        |a: usize, b: usize| !opts.exclude_same_outlet || !shares_group(&groups[a], &groups[b]);
    let (cands, index) = candidates::candidates(&units, &params, allow);
    lap("candidates", &mut times);
    let partial = (opts.min_shared_run > 0).then_some(verify::PartialRule {
        words: opts.min_shared_run,
        content: opts.min_shared_run_content,
    });
    let rules = verify::Rules {
        measure: opts.measure,
        threshold: opts.min_similarity,
        min_content: opts.min_content_similarity,
        partial,
        other_names: opts.reject_other_names,
    };
    let verified = verify::verify(&units, &cands, &rules);
    lap("verify", &mut times);
    let voices = sentence_voices(docs, quotes);
    let links: Vec<Link> = verified
        .iter()
        .map(|v| {
            let (a, b) = (v.a as usize, v.b as usize);
            let (da, sa) = (units.doc[a] as usize, units.sentence[a] as usize);
            let (db, sb) = (units.doc[b] as usize, units.sentence[b] as usize);
            Link {
                doc_a: da,
                sent_a: sa,
                doc_b: db,
                sent_b: sb,
                voice: voice_of(&voices[da], sa) ^ voice_of(&voices[db], sb).rotate_left(1),
            }
        })
        .collect();
    let pairs: Vec<PairPassage> = merge::runs(links, merge::MAX_GAP)
        .par_iter()
        .flat_map_iter(|r| passages_of_run(docs, r, opts))
        .collect();
    lap("merge", &mut times);
    let mut passages = assemble(docs, &pairs, quotes, opts.measure);
    lap("diff", &mut times);
    passages.sort_by_key(occurrence_key);
    dedupe_ids(&mut passages);
    let sentences = aligned_sentences(docs, &units, &verified);
    let stats = AlignStats {
        units: units.len(),
        words: units.keys.len(),
        postings: index.postings,
        common_shingles: index.common_shingles,
        pair_checks: index.pair_checks,
        candidates: cands.len(),
        aligned: verified.len(),
        passages: passages.len(),
    };
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

/// The voice of a sentence: 0 for reporting.
fn voice_of(voices: &[(usize, u64)], sentence: usize) -> u64 {
    voices
        .binary_search_by_key(&sentence, |v| v.0)
        .map_or(0, |i| voices[i].1)
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

/// A passage shared by one pair of documents, before joining across pairs.
struct PairPassage {
    a: Piece,
    b: Piece,
    /// Similarity of the shared part (after trimming).
    similarity: f64,
    /// Mean number of words of the shared part.
    words: f64,
    /// Similarity of the whole sentences compared.
    whole_similarity: f64,
    /// Mean number of words of the whole sentences compared.
    whole_words: f64,
    diff: diff::SpanDiff,
}

/// The pair passages of a run: the run itself when it holds together, otherwise its
/// strictly consecutive parts, otherwise its single links, keeping only those with
/// enough evidence of reuse.
fn passages_of_run(
    docs: &[Document<'_>],
    run: &merge::Run,
    opts: &AlignOptions,
) -> Vec<PairPassage> {
    let whole = pair_passage(docs, run, opts.measure);
    if whole
        .as_ref()
        .is_some_and(|p| p.similarity >= opts.min_similarity)
        || run.links.len() == 1
    {
        return whole
            .into_iter()
            .filter(|p| enough_evidence(p, opts))
            .collect();
    }
    let mut out = Vec::new();
    for part in merge::runs(run.links.clone(), 0) {
        let p = pair_passage(docs, &part, opts.measure);
        if p.as_ref()
            .is_some_and(|p| p.similarity >= opts.min_similarity)
            || part.links.len() == 1
        {
            out.extend(p.filter(|p| enough_evidence(p, opts)));
            continue;
        }
        for link in &part.links {
            let single = merge::runs(vec![*link], 0);
            out.extend(
                single
                    .iter()
                    .filter_map(|r| pair_passage(docs, r, opts.measure))
                    .filter(|p| p.similarity >= opts.min_similarity && enough_evidence(p, opts)),
            );
        }
    }
    out
}

/// True when a pair passage shares enough words, or when its sentences are nearly
/// identical as a whole (not only once trimmed to what they share: a stock phrase is
/// identical to itself).
fn enough_evidence(p: &PairPassage, opts: &AlignOptions) -> bool {
    let shared = (p.similarity * p.words).max(p.whole_similarity * p.whole_words);
    shared >= opts.min_shared_words as f64
        || (p.whole_similarity >= opts.strong_similarity
            && p.words >= opts.min_sentence_words as f64)
}

/// Compares the two sides of a run word by word.
fn pair_passage(docs: &[Document<'_>], run: &merge::Run, measure: Measure) -> Option<PairPassage> {
    let (da, db) = (&docs[run.doc_a], &docs[run.doc_b]);
    let span =
        |d: &Document<'_>, s: &Range<usize>| d.sentences[s.start].start..d.sentences[s.end - 1].end;
    compare(
        docs,
        run.doc_a,
        span(da, &run.sents_a),
        run.doc_b,
        span(db, &run.sents_b),
        measure,
    )
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
    let (whole_a, whole_b) = (&words_a.1, &words_b.1);
    let whole_similarity = measure.score_keys(whole_a, whole_b);
    let whole_words = (whole_a.len() + whole_b.len()) as f64 / 2.0;
    let d = diff::diff_words((ta, ra, &words_a), (tb, rb, &words_b));
    if d.a.is_empty() || d.b.is_empty() {
        return None;
    }
    // Nothing trimmed: the shared part is the whole.
    let similarity = if d.keys_a == *whole_a && d.keys_b == *whole_b {
        whole_similarity
    } else {
        measure.score_keys(&d.keys_a, &d.keys_b)
    };
    let words = (d.keys_a.len() + d.keys_b.len()) as f64 / 2.0;
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
        words,
        whole_similarity,
        whole_words,
        diff: d,
    })
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

/// The aligned sentence pairs, by corpus index, sorted.
fn aligned_sentences(
    docs: &[Document<'_>],
    units: &Units,
    verified: &[verify::Verified],
) -> Vec<AlignedSentences> {
    let sref = |u: u32| SentenceRef {
        source: docs[units.doc[u as usize] as usize].index,
        sentence: units.sentence[u as usize] as usize,
    };
    let mut out: Vec<AlignedSentences> = verified
        .iter()
        .map(|v| {
            let (a, b) = (sref(v.a), sref(v.b));
            let (a, b) = if a <= b { (a, b) } else { (b, a) };
            AlignedSentences {
                a,
                b,
                similarity: v.similarity,
            }
        })
        .collect();
    out.sort_by_key(|x| (x.a, x.b));
    out
}

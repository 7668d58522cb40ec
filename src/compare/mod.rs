//! Comparison: which figures of different sources state the same fact, and whether
//! their values agree, disagree, or show an update over time.
//!
//! The stages, one file each:
//! - [`frame`]: what a figure is about (counted noun, predicate, weighted context);
//! - [`idf`]: how distinctive each word is in this corpus;
//! - [`score`]: how strongly two figures look like one fact;
//! - [`group`]: candidates from an inverted index, mutual best matches, groups;
//! - [`conflict`]: values as intervals, and when two of them conflict;
//! - [`severity`]: how far apart conflicting values are, in words;
//! - [`period`]: which period each source is about; updates over time;
//! - [`facts`]: groups turned into findings; [`explain`]: labels and reasons.
//!
//! - [`features`] and [`model`]: the pair features and the fitted fact model
//!   that turns them into the probability that two figures state one fact.
//!
//! A difference in value never joins two figures: groups form from agreeing
//! values, and a conflict is reported only between figures the fact model
//! scored as one fact on their own evidence.

pub mod conflict;
pub mod explain;
pub mod facts;
pub mod features;
pub mod frame;
pub mod group;
pub mod hash;
pub mod idf;
pub mod lexicon;
pub mod model;
pub mod period;
pub mod score;
pub mod severity;
pub mod story;
pub mod terms;

pub use idf::Vocab;
pub use model::{FactModel, Thresholds};

use crate::timing::timed;
use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::document::Document;
use crate::figure::{Figure, FigureKind, Qualifier, Role, Value};

pub use period::PeriodWarning;
pub use severity::{Level, Severity};

/// A sentence of a source (the alignment stage's type: the two stages speak of
/// sentences the same way).
pub use crate::align::SentenceRef;

/// Two sentences of different sources that are reuses of each other (the
/// alignment stage finds them). Figures at the same place in them are taken to be
/// the same fact even when little else of their context is shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct AlignedPair {
    /// One sentence.
    pub a: SentenceRef,
    /// The other sentence.
    pub b: SentenceRef,
}

/// Settings of comparison. The defaults are the measured ones (see docs/facts.md).
#[derive(Debug, Clone, PartialEq)]
pub struct CompareOptions {
    /// The fact model: the same-fact probability of a pair of figures and its
    /// thresholds (the fitted one embedded in the binary by default).
    pub model: Arc<FactModel>,
    /// Least relative widening of an approximate value on each side ("some 250" is
    /// read as 242.5–257.5 at 0.03).
    pub approx_tolerance: f64,
    /// Largest relative widening that the rounding of an approximate value may add
    /// ("about 1,200", rounded to the hundred, is ±50, about 4.2%).
    pub rounding_cap: f64,
    /// Relative widening of a single spoken unit ("an hour", "a year").
    pub colloquial_tolerance: f64,
    /// Publication dates further apart than this start a new period.
    pub period_gap_days: i64,
    /// How many candidates each figure scores at most.
    pub max_candidates: usize,
    /// How many more candidates that state the same value each figure scores.
    pub value_candidates: usize,
    /// How many of a figure's most distinctive keys are looked up for candidates.
    pub query_keys: usize,
    /// Least similarity of two documents' story sketches for their figures to be
    /// one fact (figures at the same place in aligned sentences need none): a
    /// folder of news holds many stories told in the same words.
    pub same_story: f32,
    /// The same for two documents that share no name: common words alone are
    /// weaker evidence of one story.
    pub same_story_unnamed: f32,
    /// How many index entries one figure reads at most while looking for
    /// candidates, so that a word shared by many stories costs no more than a rare
    /// one.
    pub scan_budget: usize,
}

impl Default for CompareOptions {
    fn default() -> Self {
        CompareOptions::with_model(FactModel::fitted())
    }
}

impl CompareOptions {
    /// The default settings with another fact model.
    pub fn with_model(model: Arc<FactModel>) -> CompareOptions {
        CompareOptions {
            model,
            approx_tolerance: 0.03,
            rounding_cap: 0.05,
            colloquial_tolerance: 0.20,
            period_gap_days: 180,
            max_candidates: 16,
            value_candidates: 4,
            query_keys: 6,
            same_story: 0.25,
            same_story_unnamed: 0.35,
            scan_budget: 32,
        }
    }
}

/// Whether the values of a fact agree, disagree, or changed over time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// At least two sources state values that cannot all be true.
    Discrepancy,
    /// All sources state values that can all be true.
    Agreement,
    /// The values differ only as a later source updates an earlier one.
    Update,
}

/// One value stated for a fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactValue {
    /// Index of the figure in the slice given to [`compare`].
    pub figure: usize,
    /// Source id.
    pub source: String,
    /// Source index in the corpus.
    pub source_index: usize,
    /// The value as typed.
    pub value: Value,
    /// The normalized value as printed ("1200", "2019-11").
    pub normalized: String,
    /// The figure as written ("some 1,200").
    pub text: String,
    /// How the value is hedged.
    pub qualifier: Qualifier,
    /// Sentence index in the source.
    pub sentence: usize,
    /// Start byte offset of the figure in the source text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// How a derived value was obtained, if it was.
    pub derivation: Option<String>,
    /// True when this value joined only as support for another value of the same
    /// source.
    pub support: bool,
    /// The same figure where the source prints its sentence again (a lead
    /// repeated as body): the same statement, so it is listed here rather than as
    /// a second value of the source.
    pub repeats: Vec<Repeat>,
}

/// A place where a source repeats a value it states: the figure in a repetition of
/// its sentence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Repeat {
    /// Index of the figure in the slice given to [`compare`].
    pub figure: usize,
    /// Sentence index in the source.
    pub sentence: usize,
    /// Start byte offset of the figure in the source text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
}

/// A fact stated by two sources or more, with its values and what they show.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Stable id: a fingerprint of the fact key and the sorted (source, value) pairs.
    pub id: String,
    /// Discrepancy, agreement or update.
    pub status: Status,
    /// The kind of figure.
    pub kind: FigureKind,
    /// A short readable label ("people killed (flood, valley)").
    pub fact: String,
    /// The key of the fact (kind, counted noun, predicate), part of the id.
    pub key: String,
    /// Every value stated for the fact, by source then position.
    pub values: Vec<FactValue>,
    /// How serious a discrepancy is (`None` for agreements and updates).
    pub severity: Option<Severity>,
    /// Why the figures were grouped and how their values compare.
    pub explain: Vec<String>,
    /// For an agreement whose sources write different values, why they agree
    /// (hedges, grains, rounding, publication dates), in a sentence.
    pub note: Option<String>,
    /// The fact model's probability that the figures state one fact: for a
    /// discrepancy, that of the two conflicting figures; else that of the
    /// strongest match.
    pub confidence: f32,
    /// What the same-fact evidence is, in words ("the sentences are reuses of
    /// each other", "the same counted thing: oath").
    pub evidence: Vec<String>,
    /// True when that evidence is strong ([`score::strong_evidence`]): a
    /// conflict is a discrepancy only then.
    pub strong: bool,
}

/// The result of comparison.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Findings {
    /// Facts on which sources disagree, most severe first: only those whose
    /// same-fact evidence is strong.
    pub discrepancies: Vec<Finding>,
    /// Conflicting values whose same-fact evidence is weaker: candidates for a
    /// reader to review, never counted as discrepancies.
    pub to_review: Vec<Finding>,
    /// Facts on which sources agree.
    pub agreements: Vec<Finding>,
    /// Facts whose value changed between sources published at different times.
    pub updates: Vec<Finding>,
    /// Sources about a different period than the rest.
    pub warnings: Vec<PeriodWarning>,
}

/// Compares the figures of a corpus: groups them into facts by context and reports
/// the discrepancies, agreements and updates among facts stated by two sources or
/// more, with warnings about sources from other periods.
///
/// `figures[i].source` indexes `docs`; figures in boilerplate, in a source's
/// publication line, with an unresolved value or pointing outside their document
/// take no part.
pub fn compare(
    docs: &[Document<'_>],
    figures: &[Figure],
    aligned: &[AlignedPair],
    opts: &CompareOptions,
) -> Findings {
    let vocab = vocabulary(docs, opts);
    compare_with(docs, figures, aligned, opts, &vocab)
}

/// The corpus statistics the comparison reads (word rarity, document likeness,
/// which documents tell the same story), built from the documents alone so that
/// it can be built while figures are extracted and passages aligned.
pub fn vocabulary(docs: &[Document<'_>], opts: &CompareOptions) -> Vocab {
    Vocab::with_story_thresholds(docs, opts.same_story, opts.same_story_unnamed)
}

/// [`compare`] with the corpus statistics already built by [`vocabulary`] on the
/// same documents and options.
pub fn compare_with(
    docs: &[Document<'_>],
    figures: &[Figure],
    aligned: &[AlignedPair],
    opts: &CompareOptions,
    vocab: &Vocab,
) -> Findings {
    with_inputs(docs, figures, aligned, opts, vocab, |inputs| {
        let groups = timed("compare: group", || group::group(inputs));
        let mut findings = timed("compare: findings", || {
            facts::findings(docs, inputs, &groups)
        });
        findings.warnings = inputs.periods.warnings(docs);
        findings
    })
}

/// A candidate pair of figures as grouping scores it, for fitting the fact
/// model: the two figures (indices into the slice given), whether they sit in
/// aligned sentences, and their features ([`features::NAMES`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// One figure.
    pub a: usize,
    /// The other figure, of another source.
    pub b: usize,
    /// True when they sit at the same place in aligned sentences.
    pub aligned: bool,
    /// The features the fact model reads.
    pub features: features::Vector,
}

/// Every candidate pair that grouping would score, with its features: the rows
/// a fact model is fitted on (`examples/fit_facts`).
pub fn candidates(
    docs: &[Document<'_>],
    figures: &[Figure],
    aligned: &[AlignedPair],
    opts: &CompareOptions,
    vocab: &Vocab,
) -> Vec<Candidate> {
    with_inputs(docs, figures, aligned, opts, vocab, |inputs| {
        group::candidates(inputs)
            .into_iter()
            .map(|(a, b, aligned, features)| Candidate {
                a,
                b,
                aligned,
                features,
            })
            .collect()
    })
}

/// Builds what grouping reads (readings, frames, periods, aligned figures) and
/// hands it to `then`.
fn with_inputs<T>(
    docs: &[Document<'_>],
    figures: &[Figure],
    aligned: &[AlignedPair],
    opts: &CompareOptions,
    vocab: &Vocab,
    then: impl FnOnce(&group::Inputs<'_>) -> T,
) -> T {
    let readings = timed("compare: readings", || readings(docs, figures, opts));
    let rivals = timed("compare: rivals", || rivals(figures));
    let frames = timed("compare: frames", || {
        frames(docs, figures, &readings, &rivals, vocab)
    });
    let periods = timed("compare: periods", || {
        period::Periods::build(docs, figures, opts)
    });
    let aligned_figures = timed("compare: aligned figures", || {
        aligned_figure_pairs(figures, &frames, aligned, vocab)
    });
    let context = timed("compare: context", || {
        features::Context::build(figures, &frames, &readings)
    });
    let inputs = group::Inputs {
        docs,
        figures,
        frames: &frames,
        readings: &readings,
        vocab,
        periods: &periods,
        aligned: &aligned_figures,
        opts,
        context: &context,
    };
    then(&inputs)
}

/// The frames of all figures (`None` for those that take no part), built source
/// by source in parallel so that each sentence is split once.
fn frames(
    docs: &[Document<'_>],
    figures: &[Figure],
    readings: &[Option<conflict::Reading>],
    rivals: &[Vec<(usize, usize)>],
    vocab: &idf::Vocab,
) -> Vec<Option<frame::Frame>> {
    let mut by_source: Vec<Vec<usize>> = vec![Vec::new(); docs.len()];
    for (i, f) in figures.iter().enumerate() {
        if let Some(list) = by_source.get_mut(f.source) {
            list.push(i);
        }
    }
    let built: Vec<Vec<(usize, frame::Frame)>> = by_source
        .par_iter()
        .enumerate()
        .map(|(source, list)| {
            let doc = &docs[source];
            let mut cache = frame::TermCache::default();
            list.iter()
                .filter(|&&i| readings[i].is_some() && takes_part(&figures[i], doc))
                .filter_map(|&i| {
                    let f = frame::frame(i, &figures[i], doc, vocab, &rivals[i], &mut cache)?;
                    Some((i, f))
                })
                .collect::<Vec<_>>()
        })
        .zip(by_source.par_iter())
        .map(|(mut list, all)| {
            mark_sole(&mut list);
            mark_times(&mut list, all, figures, readings);
            list
        })
        .collect();
    let mut out: Vec<Option<frame::Frame>> = vec![None; figures.len()];
    for (i, f) in built.into_iter().flatten() {
        out[i] = Some(f);
    }
    out
}

/// A date figure's byte span and the days it names (first and last).
type DatedSpan = (usize, usize, (i64, i64));

/// Gives each frame of one source that is not a date the time its sentence
/// dates it to: the days of the nearest date of the same sentence that dates an
/// event (not a label or an earlier value). `all` holds every figure index of
/// the source.
fn mark_times(
    list: &mut [(usize, frame::Frame)],
    all: &[usize],
    figures: &[Figure],
    readings: &[Option<conflict::Reading>],
) {
    // The event dates of the source by sentence, read once: a source with many
    // figures does not scan all of them for each frame.
    let mut dates: BTreeMap<usize, Vec<DatedSpan>> = BTreeMap::new();
    for &j in all {
        let g = &figures[j];
        if g.kind != FigureKind::Date || g.role != Role::Stated {
            continue;
        }
        if let Some(conflict::Reading::Date { stated, .. }) = &readings[j] {
            dates
                .entry(g.sentence)
                .or_default()
                .push((g.start, g.end, *stated));
        }
    }
    for (i, frame) in list.iter_mut() {
        let f = &figures[*i];
        if f.kind == FigureKind::Date {
            continue;
        }
        let distance = |start: usize, end: usize| {
            if start >= f.end {
                start - f.end
            } else {
                f.start.saturating_sub(end)
            }
        };
        frame.time = dates
            .get(&f.sentence)
            .into_iter()
            .flatten()
            .map(|&(start, end, days)| (distance(start, end), start, days))
            .min_by_key(|&(d, start, _)| (d, start))
            .map(|(_, _, days)| days);
    }
}

/// Marks the frames of one source that are the only figure of their kind about
/// their counted thing ("a 55-minute meeting" when the source times nothing
/// else that is a meeting or a session), and those that are the only one of
/// their kind with their predicate. A repeat of the same sentence is not another
/// figure.
fn mark_sole(list: &mut [(usize, frame::Frame)]) {
    // True when no other figure of the source is like `f` in `alike`.
    let alone = |f: &frame::Frame, alike: &dyn Fn(&frame::Frame) -> bool| {
        !list.iter().any(|(_, g)| {
            let repeat = g.sentence_key == f.sentence_key && g.offset == f.offset;
            g.figure != f.figure && g.kind == f.kind && !repeat && alike(g)
        })
    };
    let flags: Vec<(bool, bool)> = list
        .iter()
        .map(|(_, f)| {
            let head = f.head.as_ref().is_some_and(|head| {
                alone(f, &|g| {
                    g.head.as_ref().is_some_and(|h| {
                        matches!(
                            score::head_match(head, h),
                            Some(score::HeadMatch::Same | score::HeadMatch::Related)
                        )
                    })
                })
            });
            let predicate = f.predicate.as_ref().is_some_and(|p| {
                alone(f, &|g| {
                    g.predicate.as_ref().is_some_and(|q| {
                        matches!(
                            score::predicate_match(p, q),
                            Some(score::PredicateMatch::Class | score::PredicateMatch::Word)
                        )
                    })
                })
            });
            (head, predicate)
        })
        .collect();
    for ((_, f), (sole, sole_predicate)) in list.iter_mut().zip(flags) {
        f.sole = sole;
        f.sole_predicate = sole_predicate;
    }
}

/// Each figure's value as an interval, `None` when it cannot be read.
fn readings(
    docs: &[Document<'_>],
    figures: &[Figure],
    opts: &CompareOptions,
) -> Vec<Option<conflict::Reading>> {
    figures
        .par_iter()
        .map(|f| {
            let doc = docs.get(f.source)?;
            conflict::reading(f, doc.text().get(f.start..f.end)?, opts)
        })
        .collect()
}

/// For each figure, the spans of the other figures of its kind in its sentence.
fn rivals(figures: &[Figure]) -> Vec<Vec<(usize, usize)>> {
    use std::collections::BTreeMap;
    let mut by_sentence: BTreeMap<(usize, usize, FigureKind), Vec<usize>> = BTreeMap::new();
    for (i, f) in figures.iter().enumerate() {
        by_sentence
            .entry((f.source, f.sentence, f.kind))
            .or_default()
            .push(i);
    }
    let mut out = vec![Vec::new(); figures.len()];
    for members in by_sentence.values() {
        for &i in members {
            out[i] = members
                .iter()
                .filter(|&&j| j != i && figures[j].start != figures[i].start)
                .map(|&j| (figures[j].start, figures[j].end))
                .collect();
        }
    }
    out
}

/// True when a figure is article text: not boilerplate, not the publication line.
fn takes_part(f: &Figure, doc: &Document<'_>) -> bool {
    let Some(s) = doc.sentences.get(f.sentence) else {
        return false;
    };
    if s.boilerplate || f.start < s.start || f.end > s.end {
        return false;
    }
    if f.kind == FigureKind::Date && is_date_of_saying(doc.text(), s.start, f.start) {
        return false;
    }
    match doc.source.published_span {
        Some((a, b)) => !(f.start < b && f.end > a),
        None => true,
    }
}

/// True when a date only says when something was said ("the emergency service
/// said on Monday", "told reporters on Friday"): the day of a statement is not a
/// fact of the story, and statements on different days are not a disagreement.
fn is_date_of_saying(text: &str, sentence_start: usize, figure_start: usize) -> bool {
    let before = text.get(sentence_start..figure_start).unwrap_or("");
    let words: Vec<String> = before
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(4)
        .map(str::to_lowercase)
        .collect();
    if words.first().map(String::as_str) != Some("on") {
        return false;
    }
    words[1..]
        .iter()
        .take(3)
        .any(|w| SAYING_VERBS.contains(&w.as_str()))
}

/// Verbs of saying, for [`is_date_of_saying`].
const SAYING_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "announced",
    "added",
    "stated",
    "reported",
    "confirmed",
    "warned",
    "tweeted",
    "wrote",
];

/// Figures at the same place in aligned sentences. When both sentences hold as
/// many figures of a kind, the k-th is paired with the k-th; otherwise (an edit
/// dropped or added one) each figure of the shorter list is paired with the
/// compatible figure of the other whose words around it are most alike.
fn aligned_figure_pairs(
    figures: &[Figure],
    frames: &[Option<frame::Frame>],
    aligned: &[AlignedPair],
    vocab: &idf::Vocab,
) -> Vec<(usize, usize)> {
    use std::collections::BTreeMap;
    let mut by_sentence: BTreeMap<(usize, usize), Vec<usize>> = BTreeMap::new();
    for (i, f) in figures.iter().enumerate() {
        if frames[i].is_some() {
            by_sentence
                .entry((f.source, f.sentence))
                .or_default()
                .push(i);
        }
    }
    for v in by_sentence.values_mut() {
        v.sort_by_key(|&i| (figures[i].start, i));
    }
    let mut out = Vec::new();
    for p in aligned {
        if p.a.source == p.b.source {
            continue;
        }
        let (Some(xs), Some(ys)) = (
            by_sentence.get(&(p.a.source, p.a.sentence)),
            by_sentence.get(&(p.b.source, p.b.sentence)),
        ) else {
            continue;
        };
        let mut kinds: Vec<FigureKind> = xs.iter().map(|&i| figures[i].kind).collect();
        kinds.sort();
        kinds.dedup();
        for kind in kinds {
            let xk: Vec<usize> = xs
                .iter()
                .copied()
                .filter(|&i| figures[i].kind == kind)
                .collect();
            let yk: Vec<usize> = ys
                .iter()
                .copied()
                .filter(|&i| figures[i].kind == kind)
                .collect();
            if xk.len() == yk.len() {
                out.extend(xk.into_iter().zip(yk));
            } else {
                out.extend(closest_pairs(figures, frames, &xk, &yk, vocab));
            }
        }
    }
    out
}

/// Pairs each figure of the shorter list with the most alike compatible figure of
/// the longer one, each used once.
fn closest_pairs(
    figures: &[Figure],
    frames: &[Option<frame::Frame>],
    xs: &[usize],
    ys: &[usize],
    vocab: &idf::Vocab,
) -> Vec<(usize, usize)> {
    let (short, long) = if xs.len() <= ys.len() {
        (xs, ys)
    } else {
        (ys, xs)
    };
    let mut used: Vec<usize> = Vec::new();
    let mut out = Vec::new();
    for &x in short {
        let Some(fx) = frames[x].as_ref() else {
            continue;
        };
        let best = long
            .iter()
            .copied()
            .filter(|y| !used.contains(y))
            .filter_map(|y| {
                let fy = frames[y].as_ref()?;
                score::compatible(fx, fy, &figures[x], &figures[y]).ok()?;
                Some((score::context_similarity(fx, fy, vocab).0, y))
            })
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        if let Some((_, y)) = best {
            used.push(y);
            out.push((x, y));
        }
    }
    out
}

/// How one figure of a claim compares with one figure of a source, scored by the
/// same frames, fact model and conflict rules as grouping (see
/// [`match_claims`]).
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimMatch {
    /// Index of the claim's figure in the slice given to [`match_claims`].
    pub claim_figure: usize,
    /// Index of the source's figure.
    pub figure: usize,
    /// The fact model's probability that the two figures state one fact.
    pub probability: f32,
    /// True when the probability reaches the model's `pair` threshold: the
    /// source states the claim's fact.
    pub same_fact: bool,
    /// The strong same-fact evidence ([`score::strong_evidence`]), when there is
    /// some: a contradiction needs it.
    pub strong: Option<&'static str>,
    /// True when the probability reaches the `discrepancy` threshold.
    pub discrepancy_level: bool,
    /// Whether the values agree (also once publication dates are allowed for)
    /// or conflict.
    pub verdict: conflict::Verdict,
    /// How the claim's value was widened ("more than: open above"), if it was.
    pub claim_hedge: Option<String>,
    /// What the same-fact evidence is, in words.
    pub evidence: Vec<String>,
}

/// Scores every figure of the `claims` documents against every figure of the
/// other documents, with the frames, the fact model and the conflict rules of
/// [`compare`]: a claim is read as a one-sentence source of the same story. The
/// claim documents must be part of `docs` (so that the vocabulary knows their
/// words). Pairs that cannot be one fact at all (other kinds, counted things or
/// predicate classes) are left out; the rest are returned in (claim figure,
/// source figure) order.
pub fn match_claims(
    docs: &[Document<'_>],
    figures: &[Figure],
    claims: &[usize],
    opts: &CompareOptions,
    vocab: &Vocab,
) -> Vec<ClaimMatch> {
    let t = opts.model.thresholds;
    with_inputs(docs, figures, &[], opts, vocab, |inp| {
        let is_claim = |i: usize| claims.contains(&figures[i].source);
        let claim_figures: Vec<usize> = (0..figures.len())
            .filter(|&c| is_claim(c) && inp.frames[c].is_some())
            .collect();
        // Source figures by kind: a claim's figure is only ever scored against
        // figures of its own kind.
        let mut by_kind: BTreeMap<FigureKind, Vec<usize>> = BTreeMap::new();
        for s in (0..figures.len()).filter(|&s| !is_claim(s) && inp.frames[s].is_some()) {
            by_kind.entry(figures[s].kind).or_default().push(s);
        }
        // Pairs under both thresholds are never read: their explanation (the
        // costly part) is not built.
        let floor = t.pair.min(t.discrepancy);
        let per_claim: Vec<Vec<ClaimMatch>> = claim_figures
            .par_iter()
            .map(|&c| {
                let mut out = Vec::new();
                for &s in by_kind.get(&figures[c].kind).into_iter().flatten() {
                    let Some((m, _)) = group::scored_claim_pair(inp, c, s) else {
                        continue;
                    };
                    if f64::from(m.score) < floor {
                        continue;
                    }
                    let (Some(rc), Some(rs)) = (&inp.readings[c], &inp.readings[s]) else {
                        continue;
                    };
                    let verdict = if group::agrees(inp, c, s) {
                        conflict::Verdict::Consistent
                    } else {
                        conflict::compare(rc, rs)
                    };
                    let probability = m.score;
                    let mut e = group::Edge { a: c, b: s, m };
                    group::detail(inp, &mut e);
                    let m = e.m;
                    let (Some(fc), Some(fs)) = (&inp.frames[c], &inp.frames[s]) else {
                        continue;
                    };
                    out.push(ClaimMatch {
                        claim_figure: c,
                        figure: s,
                        probability,
                        same_fact: f64::from(probability) >= t.pair,
                        strong: score::strong_evidence(&m, fc, fs),
                        discrepancy_level: f64::from(probability) >= t.discrepancy,
                        verdict,
                        claim_hedge: rc.hedge().map(str::to_string),
                        evidence: explain::evidence(&m, Some((fc, fs)), vocab),
                    });
                }
                out
            })
            .collect();
        per_claim.into_iter().flatten().collect()
    })
}

/// Says how two figures compare as statements of one fact: their frames, whether
/// they are compatible, and their same-fact probability against the thresholds.
/// For `--explain` questions such as "why were these two not grouped?".
pub fn explain_pair(
    docs: &[Document<'_>],
    figures: &[Figure],
    a: usize,
    b: usize,
    opts: &CompareOptions,
) -> String {
    let vocab = vocabulary(docs, opts);
    with_inputs(docs, figures, &[], opts, &vocab, |inp| {
        let (Some(Some(fa)), Some(Some(fb))) = (inp.frames.get(a), inp.frames.get(b)) else {
            return String::from("one of the figures takes no part in comparison");
        };
        let mut out = format!("{}; {}", explain::frame_line(fa), explain::frame_line(fb));
        match score::compatible(fa, fb, &figures[a], &figures[b]) {
            Err(r) => out.push_str(&format!("; incompatible: {r:?}")),
            Ok(_) => match group::scored_pair(inp, a, b, false) {
                None => out.push_str("; not of one story"),
                Some((m, _)) => {
                    let mut e = group::Edge { a, b, m };
                    group::detail(inp, &mut e);
                    let t = opts.model.thresholds;
                    out.push_str(&format!(
                        "; {} (thresholds: pair {:.2}, review {:.2}, discrepancy {:.2})",
                        explain::match_reasons(&e.m, Some((fa, fb)), &vocab),
                        t.pair,
                        t.review,
                        t.discrepancy
                    ));
                }
            },
        }
        out
    })
}

#[cfg(test)]
mod restated_tests {
    use super::*;
    use crate::corpus::{Corpus, Source};

    /// The figure of `source` written `text`.
    fn find(docs: &[Document<'_>], figures: &[Figure], source: usize, text: &str) -> usize {
        figures
            .iter()
            .position(|f| {
                f.source == source && docs[source].text().get(f.start..f.end) == Some(text)
            })
            .unwrap_or_else(|| panic!("no figure '{text}' in source {source}"))
    }

    #[test]
    fn a_source_stating_the_other_value_does_not_contradict_it() {
        let corpus = Corpus::of_sources(vec![
            Source::new(
                "a",
                "The Harlan party won 281 seats in the assembly in 2018. This time the Vesta \
                 party won 266 seats, not the 270 seats its leader claimed.",
            ),
            Source::new("b", "The Vesta party won 270 seats in the assembly."),
            Source::new("c", "The Vesta party won 275 seats in the assembly."),
        ]);
        let docs = crate::document::prepare(&corpus);
        let figures = crate::extract::figures_all(&docs);
        let opts = CompareOptions::default();
        let vocab = vocabulary(&docs, &opts);
        let (a281, b270, c275) = (
            find(&docs, &figures, 0, "281"),
            find(&docs, &figures, 1, "270"),
            find(&docs, &figures, 2, "275"),
        );
        with_inputs(&docs, &figures, &[], &opts, &vocab, |inp| {
            // a states 270 itself: its 281 is of another fact than b's 270.
            assert!(facts::restated(inp, a281, b270));
            // Neither a nor c states the other's value.
            assert!(!facts::restated(inp, a281, c275));
            // b and c each state one value.
            assert!(!facts::restated(inp, b270, c275));
        });
    }
}

#[cfg(test)]
mod saying_tests {
    use super::is_date_of_saying;

    #[test]
    fn the_day_something_was_said_is_not_a_fact() {
        let said = |s: &str, date: &str| is_date_of_saying(s, 0, s.find(date).unwrap());
        assert!(said(
            "The toll rose to 20, the service said on Tuesday.",
            "Tuesday"
        ));
        assert!(said(
            "The minister told reporters on Friday that talks were over.",
            "Friday"
        ));
        assert!(!said(
            "The dam gave way on Tuesday, officials said.",
            "Tuesday"
        ));
        assert!(!said("Talks began on Friday.", "Friday"));
    }
}

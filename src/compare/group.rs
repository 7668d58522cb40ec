//! Grouping figures into facts.
//!
//! 1. Candidates: an inverted index from words, counted nouns, predicate classes
//!    and values to figures. Each figure looks up its most distinctive keys
//!    (rarest first) and takes at most `max_candidates` figures of other sources
//!    of the same story and kind, so that a corpus of thousands of articles is
//!    never compared pair by pair. Figures at the same place in aligned sentences
//!    are always candidates.
//! 2. Scoring: compatibility rules (kind and unit, counted things, predicate
//!    classes), then the fact model's probability from the pair's features
//!    ([`super::features`], [`super::model`]).
//! 3. Mutual best matches: an edge is kept when each figure is the other's best
//!    match in the other's source, in rounds (the second figure of a sentence
//!    finds its counterpart once the first is taken).
//! 4. Merging: kept edges whose values agree and whose probability reaches the
//!    `pair` threshold join groups, strongest first, unless the join would put
//!    incompatible counted things or predicates together, two values of one
//!    source, or values that conflict.
//! 5. Support: a figure left out whose best match is in a group that already holds a
//!    consistent figure of its own source joins as a supporting statement (a date
//!    derived from "a six-week strike" next to a stated "since" date).
//! 6. Conflicts: kept edges whose values conflict and whose probability reaches
//!    the `review` threshold link the two groups they join; linked groups are one
//!    fact whose values disagree, and the link is the evidence.
//!
//! A difference in value never joins two figures: groups form from agreeing
//! values only, and a conflict is a link between groups that the fact model
//! scored on its own.

use std::collections::BTreeMap;

use super::hash::{FastMap, FastSet};

use rayon::prelude::*;

use super::CompareOptions;
use super::conflict::{self, Reading, Verdict};
use super::features;
use super::frame::{Frame, Head};
use super::idf::{Vocab, class_feature};
use super::model::FactModel;
use super::period::Periods;
use super::score::{self, Match};
use crate::document::Document;
use crate::figure::{Figure, FigureKind};

/// Rounds of mutual best matching.
const MATCH_ROUNDS: usize = 3;

/// Everything grouping reads, indexed by figure.
pub struct Inputs<'a> {
    /// The documents.
    pub docs: &'a [Document<'a>],
    /// The figures.
    pub figures: &'a [Figure],
    /// Their frames (`None` for figures that take no part).
    pub frames: &'a [Option<Frame>],
    /// Their values as intervals (`None` for unresolved values).
    pub readings: &'a [Option<Reading>],
    /// The corpus vocabulary.
    pub vocab: &'a Vocab,
    /// The periods of the sources.
    pub periods: &'a Periods,
    /// Figure pairs at the same place in aligned sentences.
    pub aligned: &'a [(usize, usize)],
    /// Options.
    pub opts: &'a CompareOptions,
    /// What the pair features read beyond the frames.
    pub context: &'a features::Context,
}

impl Inputs<'_> {
    /// The fact model.
    pub fn model(&self) -> &FactModel {
        &self.opts.model
    }
}

/// An edge between two figures of different sources.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Figure index (the smaller).
    pub a: usize,
    /// Figure index (the larger).
    pub b: usize,
    /// Why they match.
    pub m: Match,
}

/// A group of figures taken to state one fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// Figure indices, sorted.
    pub members: Vec<usize>,
    /// The edges that formed the group, strongest first. Their shared words are
    /// not listed until [`detail`] is called.
    pub edges: Vec<Edge>,
    /// Figures that joined as support of a figure of their own source.
    pub supports: Vec<Support>,
    /// The edges between figures whose values conflict that linked the parts of
    /// the group, strongest first; empty when every value agrees.
    pub conflicts: Vec<Edge>,
    /// The groups of agreeing values the conflicts link, each sorted (empty
    /// when there is no conflict).
    pub parts: Vec<Vec<usize>>,
}

/// A figure that joined a group as support of another figure of its source.
#[derive(Debug, Clone, PartialEq)]
pub struct Support {
    /// The figure that joined.
    pub figure: usize,
    /// The figure of the same source whose value it agrees with.
    pub supporter: usize,
    /// The match that led it to the group; `None` when it stands at the same place
    /// in a repetition of the supporter's sentence (a lead printed twice).
    pub via: Option<Edge>,
}

impl Group {
    /// The distinct sources of the group.
    pub fn sources(&self, figures: &[Figure]) -> Vec<usize> {
        let mut s: Vec<usize> = self.members.iter().map(|&m| figures[m].source).collect();
        s.sort_unstable();
        s.dedup();
        s
    }
}

/// Groups figures into facts; only groups with two sources or more are returned,
/// sorted by their first member.
pub fn group(inp: &Inputs<'_>) -> Vec<Group> {
    use crate::timing::timed;
    let twins = timed("group: twins", || twins(inp));
    let pairs = timed("group: candidate pairs", || candidate_pairs(inp, &twins));
    let edges = timed("group: score pairs", || score_pairs(inp, &pairs));
    let mutual = timed("group: mutual best", || mutual_best(inp, &edges));
    let t = inp.model().thresholds;
    let (agreeing, conflicting): (Vec<Edge>, Vec<Edge>) =
        mutual.into_iter().partition(|e| agrees(inp, e.a, e.b));
    let agreeing: Vec<Edge> = agreeing
        .into_iter()
        .filter(|e| f64::from(e.m.score) >= t.pair)
        .collect();
    let mut groups = timed("group: merge", || merge(inp, &agreeing));
    let span = crate::timing::Span::new("group: supports, twins, links");
    let usable: Vec<&Edge> = edges
        .iter()
        .filter(|e| f64::from(e.m.score) >= t.pair && agrees(inp, e.a, e.b))
        .collect();
    attach_supports(inp, &usable, &mut groups);
    attach_twins(&twins, &mut groups);
    let conflicting: Vec<Edge> = conflicting
        .into_iter()
        .filter(|e| f64::from(e.m.score) >= t.review)
        .collect();
    let mut out: Vec<Group> = link(inp, groups, &conflicting, &twins)
        .into_iter()
        .filter(|g| g.sources(inp.figures).len() >= 2)
        .collect();
    drop(span);
    for g in &mut out {
        g.members.sort_unstable();
        g.edges.sort_by(strongest_first);
        g.conflicts.sort_by(strongest_first);
        for p in &mut g.parts {
            p.sort_unstable();
        }
        g.parts.sort();
    }
    out.sort_by_key(|g| g.members.first().copied());
    out
}

fn strongest_first(x: &Edge, y: &Edge) -> std::cmp::Ordering {
    y.m.score
        .total_cmp(&x.m.score)
        .then(x.a.cmp(&y.a))
        .then(x.b.cmp(&y.b))
}

/// True when the values of two figures agree, also once the publication dates
/// they were read from are allowed for.
pub fn agrees(inp: &Inputs<'_>, a: usize, b: usize) -> bool {
    consistent(inp, a, b) || super::facts::shift_explains(inp, a, b)
}

/// Joins groups (and figures left alone) that conflict edges link into one
/// group each. A link that would put two different values of one source on the
/// two sides, or incompatible frames together, is not followed.
fn link(
    inp: &Inputs<'_>,
    groups: Vec<Group>,
    conflicts: &[Edge],
    twins: &[Option<usize>],
) -> Vec<Group> {
    let mut group_of: FastMap<usize, usize> = FastMap::default();
    let mut out: Vec<Option<Group>> = Vec::with_capacity(groups.len());
    for (gi, g) in groups.into_iter().enumerate() {
        for &m in &g.members {
            group_of.insert(m, gi);
        }
        out.push(Some(Group {
            parts: vec![g.members.clone()],
            ..g
        }));
    }
    for e in conflicts {
        let ga = group_for(e.a, twins, &mut group_of, &mut out);
        let gb = group_for(e.b, twins, &mut group_of, &mut out);
        if ga == gb {
            continue;
        }
        let ok = match (&out[ga], &out[gb]) {
            (Some(x), Some(y)) => may_link(inp, &x.members, &y.members),
            _ => false,
        };
        if !ok {
            continue;
        }
        let (keep, drop) = if ga < gb { (ga, gb) } else { (gb, ga) };
        let Some(dropped) = out[drop].take() else {
            continue;
        };
        for &m in &dropped.members {
            group_of.insert(m, keep);
        }
        if let Some(kept) = out[keep].as_mut() {
            kept.members.extend(dropped.members);
            kept.edges.extend(dropped.edges);
            kept.supports.extend(dropped.supports);
            kept.conflicts.extend(dropped.conflicts);
            kept.parts.extend(dropped.parts);
            kept.conflicts.push(e.clone());
        }
    }
    out.into_iter()
        .flatten()
        .map(|mut g| {
            if g.conflicts.is_empty() {
                g.parts.clear();
            }
            g
        })
        .collect()
}

/// The group of figure `x`, a new one of its own (with its repeats) if it has
/// none.
fn group_for(
    x: usize,
    twins: &[Option<usize>],
    group_of: &mut FastMap<usize, usize>,
    out: &mut Vec<Option<Group>>,
) -> usize {
    if let Some(&g) = group_of.get(&x) {
        return g;
    }
    let mut members = vec![x];
    members.extend(
        twins
            .iter()
            .enumerate()
            .filter(|(_, t)| **t == Some(x))
            .map(|(i, _)| i),
    );
    for &m in &members {
        group_of.insert(m, out.len());
    }
    out.push(Some(Group {
        parts: vec![members.clone()],
        members,
        edges: Vec::new(),
        supports: Vec::new(),
        conflicts: Vec::new(),
    }));
    out.len() - 1
}

/// True when two sets of figures may be one fact whose values conflict: their
/// frames are compatible and no source states a value on both sides (a source
/// that gives two values tells two things apart).
fn may_link(inp: &Inputs<'_>, xs: &[usize], ys: &[usize]) -> bool {
    if !frames_compatible(inp, xs, ys) {
        return false;
    }
    let src = |m: usize| inp.figures[m].source;
    !xs.iter()
        .any(|&x| ys.iter().any(|&y| src(x) == src(y) && !repeats(inp, x, y)))
}

/// Scores an edge again with the shared words listed, for explanations (grouping
/// scores without them).
pub fn detail(inp: &Inputs<'_>, e: &mut Edge) {
    let (Some(fa), Some(fb)) = (&inp.frames[e.a], &inp.frames[e.b]) else {
        return;
    };
    let p = e.m.score;
    e.m = score::evidence(
        fa,
        fb,
        e.m.head,
        e.m.predicate,
        e.m.aligned,
        inp.vocab,
        true,
    );
    e.m.score = p;
}

/// Blocking keys of a frame, most distinctive first: its counted noun, its
/// predicate class and its context words, ranked by weight × IDF.
fn keys(f: &Frame, vocab: &Vocab) -> Vec<(Key, f32)> {
    let mut out: Vec<(Key, f32)> = f
        .words
        .iter()
        .map(|w| (Key::Word(w.id), w.value()))
        .collect();
    if let Some(h) = &f.head {
        out.push((Key::Head(head_key(h)), vocab.idf_of(&h.stem)));
    }
    if let Some(c) = f.predicate.as_ref().and_then(|p| p.class) {
        out.push((Key::Class(c), vocab.idf_of(&class_feature(c))));
    }
    out.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    out
}

fn head_key(h: &Head) -> String {
    h.class
        .map_or_else(|| h.stem.clone(), |c| format!("class:{c}"))
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum Key {
    Word(u32),
    Head(String),
    Class(&'static str),
    Value(String),
}

/// Candidate pairs (smaller index first), sorted and distinct, with whether they
/// are aligned.
///
/// Figures are looked up source by source, so that whether two sources tell the
/// same story is worked out once per pair of sources and kept while the source's
/// figures are looked up. A figure of another story is skipped without taking a
/// candidate's place; a figure skips at most `scan_budget` of them, so that the
/// cost stays linear however many stories share a word.
fn candidate_pairs(inp: &Inputs<'_>, twins: &[Option<usize>]) -> Vec<(usize, usize, bool)> {
    let frame_keys: Vec<Vec<(Key, f32)>> = inp
        .frames
        .par_iter()
        .map(|f| f.as_ref().map(|f| keys(f, inp.vocab)).unwrap_or_default())
        .collect();
    // Each distinct (kind, key) gets an id in first-seen order, and each indexed
    // figure the ids of its keys (in the order of its keys, its value key last).
    let mut ids: FastMap<(FigureKind, Key), u32> = FastMap::default();
    let mut index: Index = Vec::new();
    let mut key_ids: Vec<Vec<u32>> = vec![Vec::new(); inp.frames.len()];
    for (i, ks) in frame_keys.iter().enumerate() {
        let Some(f) = &inp.frames[i] else { continue };
        if twins[i].is_some() {
            continue;
        }
        let mut mine = Vec::with_capacity(ks.len() + 1);
        let keys = ks.iter().map(|(k, _)| k.clone()).chain([value_key(inp, i)]);
        for k in keys {
            let id = *ids.entry((f.kind, k)).or_insert_with(|| {
                index.push(Vec::new());
                (index.len() - 1) as u32
            });
            index[id as usize].push((i as u32, f.source as u32));
            mine.push(id);
        }
        key_ids[i] = mine;
    }
    drop(ids);
    let mut by_source: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, f) in inp.frames.iter().enumerate() {
        if let Some(f) = f
            && twins[i].is_none()
        {
            by_source.entry(f.source).or_default().push(i);
        }
    }
    let sources: Vec<(usize, &Vec<usize>)> = by_source.iter().map(|(&s, m)| (s, m)).collect();
    let found: Vec<(usize, usize)> = sources
        .par_iter()
        .flat_map_iter(|&(source, members)| {
            let mut story: FastMap<usize, bool> = FastMap::default();
            let mut out = Vec::new();
            for &i in members.iter() {
                for j in lookup(inp, &index, &key_ids[i], i, &mut |other| {
                    *story
                        .entry(other)
                        .or_insert_with(|| same_story(inp, source, other))
                }) {
                    out.push((i.min(j), i.max(j)));
                }
            }
            out
        })
        .collect();
    let mut pairs: Vec<(usize, usize, bool)> =
        found.into_iter().map(|(a, b)| (a, b, false)).collect();
    for &(a, b) in inp.aligned {
        let (a, b) = (twins[a].unwrap_or(a), twins[b].unwrap_or(b));
        if a != b {
            pairs.push((a.min(b), a.max(b), true));
        }
    }
    // Aligned entries sort after plain ones; keep the last of each pair.
    pairs.sort_unstable();
    let mut out: Vec<(usize, usize, bool)> = Vec::with_capacity(pairs.len());
    for p in pairs {
        match out.last_mut() {
            Some(last) if last.0 == p.0 && last.1 == p.1 => last.2 |= p.2,
            _ => out.push(p),
        }
    }
    out
}

/// The value key of a figure: figures that state the same value are candidates
/// of each other (an equal distinctive value is evidence of one fact).
fn value_key(inp: &Inputs<'_>, i: usize) -> Key {
    let f = &inp.figures[i];
    Key::Value(format!(
        "{}|{}",
        f.unit.as_deref().unwrap_or(""),
        features::value_key(f, inp.readings[i].as_ref())
    ))
}

/// The candidates of figure `i`: figures of other sources of the same story and
/// kind found under its most distinctive keys, at most `max_candidates`, giving up
/// after `scan_budget` figures of other stories; then at most `value_candidates`
/// more that state the same value. `keys` are the ids of its keys in `index`,
/// most distinctive first, its value key last.
fn lookup(
    inp: &Inputs<'_>,
    index: &Index,
    keys: &[u32],
    i: usize,
    same_story: &mut impl FnMut(usize) -> bool,
) -> Vec<usize> {
    let opts = inp.opts;
    let (Some(f), Some((&value, keys))) = (&inp.frames[i], keys.split_last()) else {
        return Vec::new();
    };
    let mut out: Vec<usize> = Vec::new();
    let mut budget = opts.scan_budget;
    let mut scan = |key: u32, limit: usize, out: &mut Vec<usize>| {
        for &(j, source) in &index[key as usize] {
            let (j, source) = (j as usize, source as usize);
            if out.len() >= limit || budget == 0 {
                return false;
            }
            if source == f.source || j == i {
                continue;
            }
            if !same_story(source) {
                budget -= 1;
                continue;
            }
            if !out.contains(&j) {
                out.push(j);
            }
        }
        true
    };
    for &k in keys.iter().take(opts.query_keys) {
        if !scan(k, opts.max_candidates, &mut out) {
            break;
        }
    }
    let limit = out.len() + opts.value_candidates;
    scan(value, limit, &mut out);
    out
}

/// Figures (index, source) by blocking key id (a kind and a key); repeats of a
/// sentence are left out.
type Index = Vec<Vec<(u32, u32)>>;

/// For each figure that repeats an earlier one of its source (same sentence
/// words, same place in the sentence, same kind and value: a lead printed twice),
/// that earlier figure. Repeats take no part in matching, so that they cannot
/// pair with what is left over once their twin is matched; they join their twin's
/// group at the end.
fn twins(inp: &Inputs<'_>) -> Vec<Option<usize>> {
    let mut first: FastMap<(usize, u64, usize, String), usize> = FastMap::default();
    let mut out = vec![None; inp.frames.len()];
    for (i, f) in inp.frames.iter().enumerate() {
        let Some(f) = f else { continue };
        let value = inp.figures[i].value.normalized();
        let key = (
            f.source,
            f.sentence_key,
            f.offset,
            format!("{:?}{value}", f.kind),
        );
        match first.get(&key) {
            Some(&j) => out[i] = Some(j),
            None => {
                first.insert(key, i);
            }
        }
    }
    out
}

/// Adds each repeated figure to the group of its twin.
fn attach_twins(twins: &[Option<usize>], groups: &mut [Group]) {
    let mut group_of: FastMap<usize, usize> = FastMap::default();
    for (gi, g) in groups.iter().enumerate() {
        for &m in &g.members {
            group_of.insert(m, gi);
        }
    }
    for (x, twin) in twins.iter().enumerate() {
        let Some(t) = *twin else { continue };
        if let Some(&gi) = group_of.get(&t) {
            groups[gi].members.push(x);
            groups[gi].supports.push(Support {
                figure: x,
                supporter: t,
                via: None,
            });
        }
    }
}

/// True when two sources tell the same story (see [`super::story`]).
fn same_story(inp: &Inputs<'_>, a: usize, b: usize) -> bool {
    inp.vocab.same_story(a, b)
}

/// Scores candidate pairs by the fact model; keeps those whose probability
/// reaches the lower of the `pair` and `review` thresholds.
fn score_pairs(inp: &Inputs<'_>, pairs: &[(usize, usize, bool)]) -> Vec<Edge> {
    let t = inp.model().thresholds;
    let floor = t.pair.min(t.review);
    pairs
        .par_iter()
        .filter_map(|&(a, b, aligned)| {
            let (m, _) = scored_pair(inp, a, b, aligned)?;
            (f64::from(m.score) >= floor).then_some(Edge { a, b, m })
        })
        .collect()
}

/// The evidence, features and probability of one pair of figures of different
/// sources of one story, `None` when they cannot be one fact at all (different
/// kinds or units, different counted things or predicate classes).
pub fn scored_pair(
    inp: &Inputs<'_>,
    a: usize,
    b: usize,
    aligned: bool,
) -> Option<(Match, features::Vector)> {
    scored(inp, a, b, aligned, false)
}

/// [`scored_pair`] for a figure of a claim (`a`) against a figure of a source
/// (`b`): a claim is about the story of the corpus it is checked against and about
/// the period its sources tell, so neither the story sketch (a claim is one
/// sentence) nor the period rule applies; everything else is scored as in
/// grouping.
pub fn scored_claim_pair(
    inp: &Inputs<'_>,
    a: usize,
    b: usize,
) -> Option<(Match, features::Vector)> {
    scored(inp, a, b, false, true)
}

fn scored(
    inp: &Inputs<'_>,
    a: usize,
    b: usize,
    aligned: bool,
    claim: bool,
) -> Option<(Match, features::Vector)> {
    let (fa, fb) = (inp.frames.get(a)?.as_ref()?, inp.frames.get(b)?.as_ref()?);
    if fa.source == fb.source || !(claim || same_story(inp, fa.source, fb.source)) {
        return None;
    }
    let (figa, figb) = (&inp.figures[a], &inp.figures[b]);
    let (head, pred) = score::compatible(fa, fb, figa, figb).ok()?;
    if let (Some(ra), Some(rb)) = (&inp.readings[a], &inp.readings[b])
        && !conflict::comparable(ra, rb)
    {
        return None;
    }
    let same_period = claim || inp.periods.same_period(fa.source, fb.source);
    let mut m = score::evidence(fa, fb, head, pred, aligned, inp.vocab, false);
    let pair = features::Pair {
        frames: (fa, fb),
        figures: (figa, figb),
        readings: (inp.readings[a].as_ref(), inp.readings[b].as_ref()),
        evidence: &m,
        same_period,
        shift_agrees: super::facts::shift_explains(inp, a, b),
    };
    let x = features::vector(inp.context, &pair);
    let conflict = features::values_conflict(&x);
    if !same_period && !aligned && !other_period_allows(inp, fa.source, fb.source, &m, &x, conflict)
    {
        return None;
    }
    m.score = inp.model().probability(&x, conflict);
    // Figures at the same place in sentences that are reuses of each other are
    // mapped onto each other by the alignment itself: one fact, whatever the
    // fit (which sees too few edited copies to learn it) says.
    if m.aligned {
        m.score = m.score.max(ALIGNED_PROBABILITY);
    }
    Some((m, x))
}

/// The same-fact probability of figures at the same place in aligned sentences.
const ALIGNED_PROBABILITY: f32 = 0.95;

/// Whether two figures of sources of different periods may be one fact. Two
/// dated sources a period apart state other facts unless the evidence is very
/// strong (the same person's age a year later is an update). A source whose
/// period only the dates in its text suggest (no publication date) is often
/// misplaced by a date it looks forward or back to: its figures may agree with
/// the others', but a different value there is never a discrepancy, nor is an
/// equal small value ("two frigates") taken for the same fact.
fn other_period_allows(
    inp: &Inputs<'_>,
    a: usize,
    b: usize,
    m: &score::Match,
    x: &features::Vector,
    conflict: bool,
) -> bool {
    use super::period::Anchor;
    let dated = |s: usize| matches!(inp.periods.anchor(s), Anchor::Published(_));
    if dated(a) && dated(b) {
        return m.same_person;
    }
    let small = features::index("value_small").is_some_and(|i| x[i] > 0.0);
    !small && !conflict
}

/// Every candidate pair of figures with its features, as grouping sees them:
/// for fitting the fact model on answer keys (see `examples/fit_facts`).
pub fn candidates(inp: &Inputs<'_>) -> Vec<(usize, usize, bool, features::Vector)> {
    let twins = twins(inp);
    candidate_pairs(inp, &twins)
        .into_iter()
        .filter_map(|(a, b, aligned)| {
            let (_, x) = scored_pair(inp, a, b, aligned)?;
            Some((a, b, aligned, x))
        })
        .collect()
}

/// Edges where each figure is the other's best match within the other's source,
/// found in rounds: once a figure is matched in a source, its edges to that source
/// leave the next round, so that the second-best figures of a sentence can find
/// each other ("seven killed in one town" matched, "400 killed this year" pairs with
/// its counterpart next). Strongest first.
fn mutual_best(inp: &Inputs<'_>, edges: &[Edge]) -> Vec<Edge> {
    let src = |x: usize| inp.figures[x].source;
    let mut matched: FastSet<(usize, usize)> = FastSet::default();
    let mut out: Vec<Edge> = Vec::new();
    for _ in 0..MATCH_ROUNDS {
        let open: Vec<&Edge> = edges
            .iter()
            .filter(|e| !matched.contains(&(e.a, src(e.b))) && !matched.contains(&(e.b, src(e.a))))
            .collect();
        // best[(figure, other source)] = (score, other figure)
        let mut best: FastMap<(usize, usize), (f32, usize)> = FastMap::default();
        let mut offer = |x: usize, y: usize, s: f32| {
            let key = (x, src(y));
            let better = match best.get(&key) {
                None => true,
                Some(&(bs, by)) => s > bs || (s == bs && y < by),
            };
            if better {
                best.insert(key, (s, y));
            }
        };
        for e in &open {
            offer(e.a, e.b, e.m.score);
            offer(e.b, e.a, e.m.score);
        }
        let is_best = |x: usize, y: usize| best.get(&(x, src(y))).is_some_and(|&(_, by)| by == y);
        let found: Vec<Edge> = open
            .into_iter()
            .filter(|e| is_best(e.a, e.b) && is_best(e.b, e.a))
            .cloned()
            .collect();
        if found.is_empty() {
            break;
        }
        for e in &found {
            matched.insert((e.a, src(e.b)));
            matched.insert((e.b, src(e.a)));
        }
        out.extend(found);
    }
    out.sort_by(|x, y| {
        y.m.score
            .total_cmp(&x.m.score)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    out
}

/// A group under construction, with what the coherence checks need kept up to
/// date: one representative per distinct (counted noun, predicate), and the
/// members of each source.
struct Building {
    members: Vec<usize>,
    edges: Vec<Edge>,
    representatives: Vec<((String, String), usize)>,
    by_source: FastMap<usize, Vec<usize>>,
}

impl Building {
    fn new(inp: &Inputs<'_>, members: &[usize], edge: Edge) -> Building {
        let mut b = Building {
            members: Vec::new(),
            edges: vec![edge],
            representatives: Vec::new(),
            by_source: FastMap::default(),
        };
        for &m in members {
            b.add(inp, m);
        }
        b
    }

    fn add(&mut self, inp: &Inputs<'_>, m: usize) {
        self.members.push(m);
        self.by_source
            .entry(inp.figures[m].source)
            .or_default()
            .push(m);
        if let Some(f) = &inp.frames[m] {
            let key = frame_key(f);
            if !self.representatives.iter().any(|(k, _)| *k == key) {
                self.representatives.push((key, m));
            }
        }
    }

    /// True when `other` may join this group.
    fn accepts(&self, inp: &Inputs<'_>, other: &Building) -> bool {
        let reps = |b: &Building| b.representatives.iter().map(|r| r.1).collect::<Vec<_>>();
        if !frames_compatible(inp, &reps(self), &reps(other)) {
            return false;
        }
        let (small, large) = if self.by_source.len() <= other.by_source.len() {
            (self, other)
        } else {
            (other, self)
        };
        let one_value_per_source = small.by_source.iter().all(|(source, xs)| {
            large
                .by_source
                .get(source)
                .is_none_or(|ys| xs.iter().all(|&x| ys.iter().all(|&y| repeats(inp, x, y))))
        });
        // A group of agreeing values stays one: every value of one side agrees
        // with every value of the other (one figure per distinct value is enough).
        one_value_per_source
            && small.distinct_values(inp).iter().all(|&x| {
                large
                    .distinct_values(inp)
                    .iter()
                    .all(|&y| agrees(inp, x, y))
            })
    }

    /// One member per distinct value.
    fn distinct_values(&self, inp: &Inputs<'_>) -> Vec<usize> {
        let mut seen: Vec<String> = Vec::new();
        let mut out = Vec::new();
        for &m in &self.members {
            let v = features::value_key(&inp.figures[m], inp.readings[m].as_ref());
            if !seen.contains(&v) {
                seen.push(v);
                out.push(m);
            }
        }
        out
    }

    fn absorb(&mut self, inp: &Inputs<'_>, other: Building) {
        for m in other.members {
            self.add(inp, m);
        }
        self.edges.extend(other.edges);
    }
}

/// The (counted noun, predicate) of a frame, as compatibility sees them.
fn frame_key(f: &Frame) -> (String, String) {
    (
        f.head.as_ref().map_or(String::new(), |h| h.stem.clone()),
        f.predicate.as_ref().map_or(String::new(), |p| {
            p.class.unwrap_or(p.stem.as_str()).to_string()
        }),
    )
}

/// Joins mutual-best edges, strongest first, into groups that stay coherent.
fn merge(inp: &Inputs<'_>, edges: &[Edge]) -> Vec<Group> {
    let mut group_of: FastMap<usize, usize> = FastMap::default();
    let mut groups: Vec<Option<Building>> = Vec::new();
    for e in edges {
        let ga = group_of.get(&e.a).copied();
        let gb = group_of.get(&e.b).copied();
        match (ga, gb) {
            (Some(x), Some(y)) if x == y => {}
            (Some(x), Some(y)) => {
                let ok = match (&groups[x], &groups[y]) {
                    (Some(gx), Some(gy)) => gx.accepts(inp, gy),
                    _ => false,
                };
                if !ok {
                    continue;
                }
                let size = |g: usize| groups[g].as_ref().map_or(0, |b| b.members.len());
                let (keep, drop) = if size(x) >= size(y) { (x, y) } else { (y, x) };
                let dropped = groups[drop].take().expect("group exists: checked above");
                for &m in &dropped.members {
                    group_of.insert(m, keep);
                }
                let kept = groups[keep].as_mut().expect("group exists: checked above");
                kept.absorb(inp, dropped);
                kept.edges.push(e.clone());
            }
            (Some(x), None) | (None, Some(x)) => {
                let new = if ga.is_some() { e.b } else { e.a };
                let Some(gx) = groups[x].as_mut() else {
                    continue;
                };
                let single = Building::new(inp, &[new], e.clone());
                if !gx.accepts(inp, &single) {
                    continue;
                }
                gx.absorb(inp, single);
                group_of.insert(new, x);
            }
            (None, None) => {
                group_of.insert(e.a, groups.len());
                group_of.insert(e.b, groups.len());
                groups.push(Some(Building::new(inp, &[e.a, e.b], e.clone())));
            }
        }
    }
    groups
        .into_iter()
        .flatten()
        .map(|b| Group {
            members: b.members,
            edges: b.edges,
            supports: Vec::new(),
            conflicts: Vec::new(),
            parts: Vec::new(),
        })
        .collect()
}

/// Every counted noun and predicate of one set compatible with every one of the
/// other.
fn frames_compatible(inp: &Inputs<'_>, xs: &[usize], ys: &[usize]) -> bool {
    let distinct = |set: &[usize]| {
        let mut by_key: BTreeMap<String, &Frame> = BTreeMap::new();
        for &m in set {
            if let Some(f) = &inp.frames[m] {
                let key = format!(
                    "{}|{}",
                    f.head.as_ref().map_or("", |h| h.stem.as_str()),
                    f.predicate
                        .as_ref()
                        .map_or("", |p| p.class.unwrap_or(p.stem.as_str()))
                );
                by_key.entry(key).or_insert(f);
            }
        }
        by_key
    };
    let (fx, fy) = (distinct(xs), distinct(ys));
    fx.values().all(|a| {
        fy.values().all(|b| {
            score::compatible(a, b, &inp.figures[a.figure], &inp.figures[b.figure]).is_ok()
        })
    })
}

/// A source on both sides of a merge must state the same thing on both: the same
/// sentence (repeated) or the same value. Two different values of one source are
/// never joined through other sources.
fn repeats(inp: &Inputs<'_>, x: usize, y: usize) -> bool {
    let same_sentence = match (&inp.frames[x], &inp.frames[y]) {
        (Some(a), Some(b)) => a.sentence_key == b.sentence_key,
        _ => false,
    };
    same_sentence || same_value(inp, x, y)
}

/// True when two figures state the same value (see [`features::value_key`]).
fn same_value(inp: &Inputs<'_>, x: usize, y: usize) -> bool {
    let key = |m: usize| features::value_key(&inp.figures[m], inp.readings[m].as_ref());
    key(x) == key(y)
}

fn consistent(inp: &Inputs<'_>, x: usize, y: usize) -> bool {
    match (&inp.readings[x], &inp.readings[y]) {
        (Some(a), Some(b)) => conflict::compare(a, b) == Verdict::Consistent,
        _ => false,
    }
}

/// True when a value closes both ends: "more than 25" agrees with any larger
/// number, so it cannot show that another figure of its source says the same.
fn bounded(inp: &Inputs<'_>, x: usize) -> bool {
    match &inp.readings[x] {
        Some(conflict::Reading::Number {
            stated, widened, ..
        }) => {
            // "up to 500" is widened down to nothing.
            let opened_down = widened.0 <= 0.0 && stated.0 > 0.0;
            widened.0.is_finite() && widened.1.is_finite() && !opened_down
        }
        Some(conflict::Reading::Date { widened, .. }) => {
            widened.0 != i64::MIN && widened.1 != i64::MAX
        }
        // "Friday" in an undated source says too little to show that another
        // "Friday" of it is the same day.
        Some(conflict::Reading::Undated(_)) | None => false,
    }
}

/// Adds figures left out of every group whose best match lies in a group that
/// holds a consistent figure of their own source; neither may be an open bound.
fn attach_supports(inp: &Inputs<'_>, edges: &[&Edge], groups: &mut [Group]) {
    let mut group_of: FastMap<usize, usize> = FastMap::default();
    for (gi, g) in groups.iter().enumerate() {
        for &m in &g.members {
            group_of.insert(m, gi);
        }
    }
    let mut best: BTreeMap<usize, &Edge> = BTreeMap::new();
    for e in edges {
        for (x, y) in [(e.a, e.b), (e.b, e.a)] {
            if group_of.contains_key(&x) || !group_of.contains_key(&y) {
                continue;
            }
            let better = best.get(&x).is_none_or(|b| {
                e.m.score > b.m.score || (e.m.score == b.m.score && (e.a, e.b) < (b.a, b.b))
            });
            if better {
                best.insert(x, e);
            }
        }
    }
    for (x, e) in best {
        let y = if e.a == x { e.b } else { e.a };
        let Some(&gi) = group_of.get(&y) else {
            continue;
        };
        let source = inp.figures[x].source;
        let supporter = groups[gi].members.iter().copied().find(|&m| {
            inp.figures[m].source == source
                && bounded(inp, m)
                && bounded(inp, x)
                && consistent(inp, m, x)
        });
        let Some(supporter) = supporter else { continue };
        let agrees_with_all = groups[gi]
            .members
            .iter()
            .all(|&m| inp.figures[m].source == source || agrees(inp, m, x));
        if !agrees_with_all || !frames_compatible(inp, &groups[gi].members, &[x]) {
            continue;
        }
        groups[gi].members.push(x);
        groups[gi].supports.push(Support {
            figure: x,
            supporter,
            via: Some(e.clone()),
        });
    }
}

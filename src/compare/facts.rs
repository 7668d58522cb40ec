//! Groups of figures turned into findings: the values each source states, whether
//! they agree, disagree or update one another, how severe a disagreement is, and
//! the explanation of it all.
//!
//! Only values of different sources are compared: a source that states two values
//! for one fact does not make a discrepancy by itself. Two conflicting values are
//! an update rather than a discrepancy when the fact is a quantity that grows
//! (a count, a duration, an age, an ordinal), the sources were certainly published
//! at different dates, and the later source states the larger value.

use std::collections::BTreeMap;

use chrono::Datelike;

use super::conflict::{self, Gap, Reading, Verdict};
use super::explain;
use super::features;
use super::frame::Frame;
use super::group::{self, Group, Inputs};
use super::period::Anchor;
use super::severity::{self, Severity, Side};
use super::{FactValue, Finding, Findings, Repeat, Status};
use crate::document::Document;
use crate::figure::{FigureKind, Grain};
use crate::fingerprint::Fingerprint;

use super::hash::FastMap;

/// At most this many grouping edges are written into one explanation.
const MAX_EDGE_LINES: usize = 12;
/// At most this many comparison lines are written into one explanation.
const MAX_CONFLICT_LINES: usize = 12;

/// Turns groups into sorted findings. A group whose values conflict is a
/// discrepancy when the conflict's same-fact evidence is strong
/// ([`super::score::strong_evidence`]) and its probability reaches the model's
/// `discrepancy` threshold; else the conflict goes to the "to review" list and
/// each part whose values agree is still reported as an agreement.
pub fn findings(docs: &[Document<'_>], inp: &Inputs<'_>, groups: &[Group]) -> Findings {
    let t = inp.model().thresholds;
    let mut out = Findings::default();
    let agreement = |out: &mut Findings, g: &Group| {
        if let Some(f) = finding(docs, inp, g)
            && f.status == Status::Agreement
        {
            out.agreements.push(f);
        }
    };
    for g in groups {
        let Some(f) = finding(docs, inp, g) else {
            continue;
        };
        let strength = g.conflicts.first().map(|e| f64::from(e.m.score));
        let strong = f.strong && strength.is_none_or(|p| p >= t.discrepancy);
        match f.status {
            Status::Agreement => out.agreements.push(f),
            Status::Discrepancy if strong => out.discrepancies.push(f),
            Status::Update if strong => out.updates.push(f),
            status => {
                if status == Status::Discrepancy {
                    out.to_review.push(f);
                }
                for part in &g.parts {
                    agreement(&mut out, &part_group(g, part));
                }
            }
        }
    }
    let by_severity = |a: &Finding, b: &Finding| {
        let la = a.severity.as_ref().map(|s| (s.level, s.distance));
        let lb = b.severity.as_ref().map(|s| (s.level, s.distance));
        lb.partial_cmp(&la)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| position(a).cmp(&position(b)))
    };
    out.discrepancies.sort_by(by_severity);
    out.to_review.sort_by(by_severity);
    out.agreements.sort_by_key(position);
    out.updates.sort_by_key(position);
    out
}

/// The part of a linked group that holds `members`, with its own edges and
/// supports.
fn part_group(g: &Group, members: &[usize]) -> Group {
    let inside = |x: usize| members.binary_search(&x).is_ok();
    Group {
        members: members.to_vec(),
        edges: g
            .edges
            .iter()
            .filter(|e| inside(e.a) && inside(e.b))
            .cloned()
            .collect(),
        supports: g
            .supports
            .iter()
            .filter(|s| inside(s.figure))
            .cloned()
            .collect(),
        conflicts: Vec::new(),
        parts: Vec::new(),
    }
}

fn position(f: &Finding) -> (usize, usize, String) {
    f.values
        .first()
        .map_or((usize::MAX, usize::MAX, String::new()), |v| {
            (v.source_index, v.start, f.id.clone())
        })
}

/// The group with only the edges an explanation shows (the strongest), their
/// shared words listed.
fn explained(inp: &Inputs<'_>, g: &Group) -> Group {
    let mut g = Group {
        members: g.members.clone(),
        edges: g.edges.iter().take(MAX_EDGE_LINES).cloned().collect(),
        supports: g.supports.clone(),
        conflicts: g.conflicts.iter().take(MAX_EDGE_LINES).cloned().collect(),
        parts: g.parts.clone(),
    };
    for e in g.edges.iter_mut().chain(g.conflicts.iter_mut()) {
        group::detail(inp, e);
    }
    for s in g.supports.iter_mut() {
        if let Some(e) = s.via.as_mut() {
            group::detail(inp, e);
        }
    }
    g
}

/// A conflict between two values of a fact.
struct Conflict {
    a: usize,
    b: usize,
    gap: Gap,
    update: bool,
}

/// Two values of a fact that differ only as the publication dates they were
/// resolved against differ ("two weeks ago" in two sources published days apart):
/// each is right for its own date, so they are not a conflict.
struct Shifted {
    a: usize,
    b: usize,
    days: i64,
}

/// How the distinct values of a fact compare across sources: the conflicts, and
/// the differences that only publication dates explain (they count as agreeing).
#[derive(Default)]
struct Comparison {
    conflicts: Vec<Conflict>,
    shifted: Vec<Shifted>,
    /// Two values of the group differ, and every pair of sources stating them
    /// has one source that also states the other's value: the group joins two
    /// facts.
    restated: bool,
}

fn finding(docs: &[Document<'_>], inp: &Inputs<'_>, g: &Group) -> Option<Finding> {
    let total_edges = g.edges.len();
    let g = &explained(inp, g);
    let figures = inp.figures;
    let mut members: Vec<usize> = g
        .members
        .iter()
        .copied()
        .filter(|&m| inp.readings[m].is_some())
        .collect();
    members.sort_by_key(|&m| (figures[m].source, figures[m].start, m));
    let supports: Vec<usize> = g.supports.iter().map(|s| s.figure).collect();
    // A figure in a repetition of its sentence is listed with the figure it repeats.
    let repeats: Vec<(usize, usize)> = g
        .supports
        .iter()
        .filter(|s| s.via.is_none())
        .map(|s| (s.figure, s.supporter))
        .collect();
    let mut values: Vec<FactValue> = members
        .iter()
        .filter(|m| !repeats.iter().any(|r| r.0 == **m))
        .filter_map(|&m| fact_value(docs, inp, m, supports.contains(&m)))
        .collect();
    for &(figure, of) in &repeats {
        let (Some(v), Some(f)) = (
            values.iter_mut().find(|v| v.figure == of),
            inp.figures.get(figure),
        ) else {
            continue;
        };
        v.repeats.push(Repeat {
            figure,
            sentence: f.sentence,
            start: f.start,
            end: f.end,
        });
    }
    let mut sources: Vec<usize> = values.iter().map(|v| v.source_index).collect();
    sources.dedup();
    if sources.len() < 2 {
        return None;
    }
    let Comparison {
        conflicts,
        shifted,
        restated,
    } = conflicts(docs, inp, &members);
    if restated && conflicts.is_empty() {
        return None;
    }
    let status = if conflicts.is_empty() {
        Status::Agreement
    } else if conflicts.iter().all(|c| c.update) {
        Status::Update
    } else {
        Status::Discrepancy
    };
    let names = |m: usize| id_and_text(docs, inp, m);
    let name = |m: usize| {
        let (id, text) = names(m);
        format!("{id} '{text}'")
    };
    let severity = worst(&conflicts, inp, &names);
    // The evidence that the figures are one fact: for a conflict, the link
    // between the conflicting values; else the strongest match.
    let evidence_edge = g.conflicts.first().or(g.edges.first());
    let strong = evidence_edge.and_then(|e| {
        let (a, b) = frame_pair(inp, e.a, e.b)?;
        super::score::strong_evidence(&e.m, a, b)
    });
    let key = fact_key(g, inp.frames, figures.get(members[0]).map(|f| f.kind));
    let sentences: Vec<(&str, &str)> = members
        .iter()
        .filter_map(|&m| {
            let f = figures.get(m)?;
            let doc = docs.get(f.source)?;
            let s = doc.sentences.get(f.sentence)?;
            let range = s.range();
            Some((
                doc.text().get(range.clone())?,
                doc.text().get(f.end..range.end.max(f.end))?,
            ))
        })
        .collect();
    let label = explain::label(g, inp.frames, inp.vocab, &sentences);
    let id = fingerprint(&key, &values);
    let mut lines = vec![format!(
        "{} values from {} sources grouped as one fact: {label}",
        values.len(),
        sources.len()
    )];
    for &m in &members {
        if let Some(f) = &inp.frames[m] {
            lines.push(format!("{}: {}", name(m), explain::frame_line(f)));
        }
    }
    for e in &g.conflicts {
        lines.push(format!(
            "conflicting values: {}",
            explain::edge_line(e, name, inp.frames, inp.vocab)
        ));
    }
    for e in &g.edges {
        lines.push(explain::edge_line(e, name, inp.frames, inp.vocab));
    }
    if total_edges > g.edges.len() {
        lines.push(format!(
            "... and {} weaker matches",
            total_edges - g.edges.len()
        ));
    }
    for s in &g.supports {
        lines.push(match &s.via {
            Some(e) => format!(
                "{} supports {} of the same source (their values agree); it matched {}",
                name(s.figure),
                name(s.supporter),
                explain::match_reasons(&e.m, frame_pair(inp, e.a, e.b), inp.vocab)
            ),
            None => format!(
                "{} repeats {} (the same sentence printed twice)",
                name(s.figure),
                name(s.supporter)
            ),
        });
    }
    lines.extend(conflict_lines(&conflicts, inp, &names));
    for x in shifted.iter().take(MAX_CONFLICT_LINES) {
        lines.push(format!(
            "{} and {} are read from publication dates {} day(s) apart; from the same date they agree: not a conflict",
            name(x.a),
            name(x.b),
            x.days.abs()
        ));
    }
    lines.extend(period_lines(inp, &sources, docs));
    let note = match status {
        Status::Agreement => agreement_note(inp, &members, &shifted, &name, &|m| names(m).1),
        _ => None,
    };
    Some(Finding {
        id,
        status,
        kind: figures[members[0]].kind,
        fact: label,
        key,
        values,
        severity: if status == Status::Discrepancy {
            severity
        } else {
            None
        },
        explain: lines,
        note,
        confidence: evidence_edge.map_or(0.0, |e| e.m.score),
        // The strong evidence first, in words, then what the match rests on.
        evidence: evidence_edge
            .map(|e| {
                strong
                    .map(str::to_string)
                    .into_iter()
                    .chain(explain::evidence(
                        &e.m,
                        frame_pair(inp, e.a, e.b),
                        inp.vocab,
                    ))
                    .collect()
            })
            .unwrap_or_default(),
        strong: strong.is_some(),
    })
}

/// Why the values of an agreement agree when they are not written alike, in a
/// sentence a reader can check ("'55-minute' and 'an hour' differ as written; they
/// agree once 'an hour' is read as ±20%"); `None` when every source states the
/// same value.
fn agreement_note(
    inp: &Inputs<'_>,
    members: &[usize],
    shifted: &[Shifted],
    name: &dyn Fn(usize) -> String,
    text_of: &dyn Fn(usize) -> String,
) -> Option<String> {
    if let Some(x) = shifted.first() {
        return Some(format!(
            "{} and {} are read from publication dates {} day(s) apart; from the same date they agree",
            name(x.a),
            name(x.b),
            x.days.abs()
        ));
    }
    let stated = |m: usize| match inp.readings[m].as_ref()? {
        Reading::Number { stated, .. } => {
            Some((stated.0.to_bits() as i128, stated.1.to_bits() as i128))
        }
        Reading::Date { stated, .. } => Some((i128::from(stated.0), i128::from(stated.1))),
        Reading::Undated(u) => {
            let code = match u {
                conflict::Undated::Weekday(d) => 1_000 + i128::from(*d),
                conflict::Undated::MonthDay(m, d) => 2_000 + i128::from(*m) * 40 + i128::from(*d),
                conflict::Undated::Month(m) => 4_000 + i128::from(*m),
            };
            Some((code, code))
        }
    };
    let source = |m: usize| inp.figures[m].source;
    let (a, b) = members.iter().enumerate().find_map(|(i, &a)| {
        members[i + 1..]
            .iter()
            .find(|&&b| source(a) != source(b) && stated(a) != stated(b))
            .map(|&b| (a, b))
    })?;
    let (ra, rb) = (inp.readings[a].as_ref()?, inp.readings[b].as_ref()?);
    let mut hedges: Vec<String> = Vec::new();
    for (m, r) in [(a, ra), (b, rb)] {
        let Some(h) = r.hedge() else { continue };
        let text = text_of(m);
        let h = if h.contains(&format!("'{text}'")) {
            h.to_string()
        } else {
            format!("'{text}': {h}")
        };
        if !hedges.contains(&h) {
            hedges.push(h);
        }
    }
    let why = match (ra, rb) {
        _ if !hedges.is_empty() => format!(
            "they agree once their hedges are read: {}",
            hedges.join("; ")
        ),
        (Reading::Date { grain: ga, .. }, Reading::Date { grain: gb, .. }) if ga != gb => {
            let rank = |g: Grain| match g {
                Grain::Day => 0,
                Grain::Week => 1,
                Grain::Month => 2,
                Grain::Year => 3,
                Grain::Decade => 4,
            };
            let coarser = if rank(*ga) >= rank(*gb) { *ga } else { *gb };
            format!(
                "they agree when compared by {}, the coarser of their grains",
                conflict::grain_name(coarser)
            )
        }
        (Reading::Number { .. }, Reading::Number { .. }) => {
            "one may be the other rounded to fewer digits".to_string()
        }
        _ => "their periods overlap".to_string(),
    };
    Some(format!(
        "{} and {} differ as written; {why}",
        name(a),
        name(b)
    ))
}

fn fact_value(
    docs: &[Document<'_>],
    inp: &Inputs<'_>,
    m: usize,
    support: bool,
) -> Option<FactValue> {
    let f = inp.figures.get(m)?;
    let doc = docs.get(f.source)?;
    Some(FactValue {
        figure: m,
        source: doc.source.id.clone(),
        source_index: f.source,
        value: f.value.clone(),
        normalized: f.value.normalized(),
        text: doc.text().get(f.start..f.end)?.to_string(),
        qualifier: f.qualifier,
        sentence: f.sentence,
        start: f.start,
        end: f.end,
        derivation: f.derivation.clone(),
        support,
        repeats: Vec::new(),
    })
}

fn frame_pair<'a>(inp: &'a Inputs<'_>, a: usize, b: usize) -> Option<(&'a Frame, &'a Frame)> {
    Some((inp.frames.get(a)?.as_ref()?, inp.frames.get(b)?.as_ref()?))
}

/// The source id and the written text of a figure.
fn id_and_text(docs: &[Document<'_>], inp: &Inputs<'_>, m: usize) -> (String, String) {
    let f = &inp.figures[m];
    let id = docs.get(f.source).map_or("?", |d| d.source.id.as_str());
    let text = docs
        .get(f.source)
        .and_then(|d| d.text().get(f.start..f.end))
        .unwrap_or("?");
    (id.to_string(), text.to_string())
}

/// The members of a fact that state one value (one reading), with their sources.
struct Distinct {
    members: Vec<usize>,
    sources: Vec<usize>,
}

/// Every conflicting pair of distinct values stated by different sources, each
/// with one pair of figures that shows it. Values are compared once per distinct
/// reading, so that a fact stated by thousands of sources stays cheap.
fn conflicts(docs: &[Document<'_>], inp: &Inputs<'_>, members: &[usize]) -> Comparison {
    let mut distinct: Vec<Distinct> = Vec::new();
    let mut index: FastMap<String, usize> = FastMap::default();
    for &m in members {
        let Some(r) = &inp.readings[m] else { continue };
        let key = format!("{r:?}");
        let slot = *index.entry(key).or_insert_with(|| {
            distinct.push(Distinct {
                members: Vec::new(),
                sources: Vec::new(),
            });
            distinct.len() - 1
        });
        let d = &mut distinct[slot];
        d.members.push(m);
        let source = inp.figures[m].source;
        if let Err(i) = d.sources.binary_search(&source) {
            d.sources.insert(i, source);
        }
    }
    let mut out = Comparison::default();
    for (i, x) in distinct.iter().enumerate() {
        for y in &distinct[i + 1..] {
            let Some((a, b)) = cross_source_pair(inp, x, y) else {
                continue;
            };
            let (Some(ra), Some(rb)) = (&inp.readings[a], &inp.readings[b]) else {
                continue;
            };
            let Verdict::Conflict(gap) = conflict::compare(ra, rb) else {
                continue;
            };
            match unshifted_pair(inp, x, y) {
                Some((a, b)) => {
                    let update = is_update(inp, inp.figures[a].kind, x, y, &gap);
                    out.conflicts.push(Conflict { a, b, gap, update });
                }
                None => match pair_where(inp, x, y, |a, b| !restated(inp, a, b)) {
                    Some((a, b)) => {
                        let days = publication_gap(docs, inp, a, b).unwrap_or(0);
                        out.shifted.push(Shifted { a, b, days });
                    }
                    None => out.restated = true,
                },
            }
        }
    }
    out
}

/// One figure of each value, from different sources, if there is such a pair.
fn cross_source_pair(inp: &Inputs<'_>, x: &Distinct, y: &Distinct) -> Option<(usize, usize)> {
    pair_where(inp, x, y, |_, _| true)
}

/// A pair of figures of different sources, one of each of two conflicting values,
/// whose conflict neither their publication dates explain (see
/// [`shift_explains`]) nor a source stating both values (see [`restated`]).
fn unshifted_pair(inp: &Inputs<'_>, x: &Distinct, y: &Distinct) -> Option<(usize, usize)> {
    pair_where(inp, x, y, |a, b| {
        !shift_explains(inp, a, b) && !restated(inp, a, b)
    })
}

/// The first pair of figures `(a, b)` of different sources, `a` of value `x` and
/// `b` of value `y`, that `keep` accepts.
fn pair_where(
    inp: &Inputs<'_>,
    x: &Distinct,
    y: &Distinct,
    keep: impl Fn(usize, usize) -> bool,
) -> Option<(usize, usize)> {
    let src = |m: usize| inp.figures[m].source;
    x.members.iter().find_map(|&a| {
        y.members
            .iter()
            .find(|&&b| src(a) != src(b) && keep(a, b))
            .map(|&b| (a, b))
    })
}

/// True when the source of `a` states the value of `b` somewhere, or the source
/// of `b` the value of `a` ("Rivals won 332 seats in 2012, and the party only
/// 304" against "the party won 304"): that source agrees with the other on the
/// value, so the figure it pairs with the other's is most likely of another
/// fact. A small whole value ("two", "seven") is said of too many things to tell.
pub(super) fn restated(inp: &Inputs<'_>, a: usize, b: usize) -> bool {
    let (fa, fb) = (&inp.figures[a], &inp.figures[b]);
    let (ra, rb) = (inp.readings[a].as_ref(), inp.readings[b].as_ref());
    let states = |source: usize, f: &crate::figure::Figure, r| {
        !features::is_small(r) && inp.context.states(source, f, r)
    };
    states(fa.source, fb, rb) || states(fb.source, fa, ra)
}

/// True when two conflicting dates were both resolved against their sources'
/// publication dates ("two weeks ago", "on Friday", "ending a six-month
/// stoppage"), the sources were published on different days, and the dates agree
/// once read from the same publication date. Each source is then right about its
/// own date, and neither contradicts the other.
pub(super) fn shift_explains(inp: &Inputs<'_>, a: usize, b: usize) -> bool {
    let anchored = |m: usize| {
        let f = &inp.figures[m];
        f.kind == FigureKind::Date && f.derivation.is_some()
    };
    if year_unwritten_explains(inp, a, b) || year_unwritten_explains(inp, b, a) {
        return true;
    }
    if !anchored(a) || !anchored(b) {
        return false;
    }
    let Some(days) = publication_gap(inp.docs, inp, a, b) else {
        return false;
    };
    if days == 0 {
        return false;
    }
    // The same weekday named in sources published on different days ("on
    // Wednesday" written on a Thursday and on the next Monday) is most likely
    // one day, whichever week each resolution picked: the text does not fix it.
    let written = |m: usize| {
        let f = &inp.figures[m];
        inp.docs
            .get(f.source)
            .and_then(|d| d.text().get(f.start..f.end))
            .unwrap_or("")
    };
    let weekday = |m: usize| conflict::weekday_named(written(m));
    if weekday(a).is_some() && weekday(a) == weekday(b) && days.abs() < 14 {
        return true;
    }
    match (&inp.readings[a], &inp.readings[b]) {
        (Some(ra), Some(rb)) => {
            conflict::compare(ra, &conflict::shifted(rb, days)) == Verdict::Consistent
        }
        _ => false,
    }
}

/// True when `a` names a month (and day) without a year ("at that March 2
/// event", "in June"), its year was taken from its publication date, and it
/// agrees with `b` once given a year that `b` names: the two differ only in the
/// year that `a`'s text leaves open, so neither contradicts the other.
fn year_unwritten_explains(inp: &Inputs<'_>, a: usize, b: usize) -> bool {
    let fa = &inp.figures[a];
    let year_taken = fa
        .derivation
        .as_deref()
        .is_some_and(|d| d.contains(crate::extract::relative::YEAR_TAKEN));
    if fa.kind != FigureKind::Date || !year_taken {
        return false;
    }
    let crate::figure::Value::Date { date, .. } = fa.value else {
        return false;
    };
    let years = match inp.figures[b].value {
        crate::figure::Value::Date { date, .. } => date.year()..=date.year(),
        crate::figure::Value::DateRange { start, end, .. } => start.year()..=end.year(),
        _ => return false,
    };
    let (Some(ra), Some(rb)) = (&inp.readings[a], &inp.readings[b]) else {
        return false;
    };
    years.filter(|&y| y != date.year()).any(|y| {
        date.with_year(y).is_some_and(|moved| {
            let days = (moved - date).num_days();
            conflict::compare(&conflict::shifted(ra, days), rb) == Verdict::Consistent
        })
    })
}

/// Days from the publication date of `b`'s source to that of `a`'s.
fn publication_gap(docs: &[Document<'_>], inp: &Inputs<'_>, a: usize, b: usize) -> Option<i64> {
    let published = |m: usize| docs.get(inp.figures[m].source)?.source.published;
    Some((published(a)? - published(b)?).num_days())
}

/// Kinds of quantity that grow as events go on: a later, larger value is news,
/// not a contradiction.
fn grows(kind: FigureKind) -> bool {
    matches!(
        kind,
        FigureKind::Count | FigureKind::Duration | FigureKind::Age | FigureKind::Ordinal
    )
}

/// True when every source of the smaller value was published before every source
/// of the larger one, and the fact is a quantity that grows.
fn is_update(inp: &Inputs<'_>, kind: FigureKind, x: &Distinct, y: &Distinct, gap: &Gap) -> bool {
    if !grows(kind) {
        return false;
    }
    let (early, late) = if gap.second_larger { (x, y) } else { (y, x) };
    let p = inp.periods;
    let (Some(a), Some(b)) = (
        p.latest_publication(&early.sources),
        p.earliest_anchor(&late.sources),
    ) else {
        return false;
    };
    if kind == FigureKind::Age {
        // A person ages a year a year: one year older a day later is possible
        // (a birthday in between) but far likelier an error.
        let stated = |d: &Distinct| match d.members.first().and_then(|&m| inp.readings[m].as_ref())
        {
            Some(Reading::Number { stated, .. }) => Some(stated.0),
            _ => None,
        };
        let (Some(young), Some(old)) = (stated(early), stated(late)) else {
            return false;
        };
        let days = (b - a).num_days() as f64;
        return days >= (old - young) * DAYS_PER_YEAR - DAYS_PER_YEAR / 2.0;
    }
    a < b
}

/// Days in a year, for ages.
const DAYS_PER_YEAR: f64 = 365.25;

fn side<'a>(inp: &'a Inputs<'_>, names: &'a (String, String), m: usize) -> Side<'a> {
    Side {
        written: names.1.as_str(),
        source: names.0.as_str(),
        hedge: inp.readings[m].as_ref().and_then(|r| r.hedge()),
    }
}

/// The most severe conflict that is not an update.
fn worst(
    conflicts: &[Conflict],
    inp: &Inputs<'_>,
    names: &impl Fn(usize) -> (String, String),
) -> Option<Severity> {
    conflicts
        .iter()
        .filter(|c| !c.update)
        .map(|c| {
            let (na, nb) = (names(c.a), names(c.b));
            severity::assess(&c.gap, side(inp, &na, c.a), side(inp, &nb, c.b))
        })
        .max_by(|x, y| {
            x.level
                .cmp(&y.level)
                .then(x.distance.total_cmp(&y.distance))
                .then(y.explanation.cmp(&x.explanation))
        })
}

fn conflict_lines(
    conflicts: &[Conflict],
    inp: &Inputs<'_>,
    names: &impl Fn(usize) -> (String, String),
) -> Vec<String> {
    let name = |m: usize| {
        let (id, text) = names(m);
        format!("{id} '{text}'")
    };
    let mut out = Vec::new();
    for c in conflicts.iter().take(MAX_CONFLICT_LINES) {
        if c.update {
            let (early, late) = if c.gap.second_larger {
                (c.a, c.b)
            } else {
                (c.b, c.a)
            };
            out.push(format!(
                "{} was published before {} and its value is smaller: an update, not a contradiction",
                name(early),
                name(late)
            ));
        } else {
            let (na, nb) = (names(c.a), names(c.b));
            let s = severity::assess(&c.gap, side(inp, &na, c.a), side(inp, &nb, c.b));
            out.push(format!("conflict: {}", s.explanation));
        }
    }
    if conflicts.len() > MAX_CONFLICT_LINES {
        out.push(format!(
            "... and {} more conflicting pairs",
            conflicts.len() - MAX_CONFLICT_LINES
        ));
    }
    out
}

fn period_lines(inp: &Inputs<'_>, sources: &[usize], docs: &[Document<'_>]) -> Vec<String> {
    let mut by_period: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &s in sources {
        by_period.entry(inp.periods.period(s)).or_default().push(s);
    }
    if by_period.len() < 2 {
        return Vec::new();
    }
    let parts: Vec<String> = by_period
        .values()
        .map(|list| {
            let names: Vec<String> = list
                .iter()
                .take(5)
                .map(|&s| {
                    format!(
                        "{} ({})",
                        docs[s].source.id,
                        anchor_text(inp.periods.anchor(s))
                    )
                })
                .collect();
            let more = list.len().saturating_sub(5);
            if more > 0 {
                format!("{} and {more} more", names.join(", "))
            } else {
                names.join(", ")
            }
        })
        .collect();
    vec![format!(
        "sources from different periods were grouped on very strong evidence: {}",
        parts.join(" / ")
    )]
}

fn anchor_text(a: Anchor) -> String {
    match a {
        Anchor::Published(d) => format!("published {d}"),
        Anchor::NotBefore(d) => format!("{d} or later"),
        Anchor::Unknown => "date unknown".into(),
    }
}

/// The key of a fact: its kind, the counted noun most of its figures share and
/// their predicate (class, else word).
fn fact_key(g: &Group, frames: &[Option<Frame>], kind: Option<FigureKind>) -> String {
    let mut heads: BTreeMap<String, usize> = BTreeMap::new();
    let mut preds: BTreeMap<String, usize> = BTreeMap::new();
    for &m in &g.members {
        if let Some(f) = frames.get(m).and_then(Option::as_ref) {
            if let Some(h) = &f.head {
                *heads
                    .entry(h.class.map_or(h.stem.clone(), str::to_string))
                    .or_default() += 1;
            }
            if let Some(p) = &f.predicate {
                *preds
                    .entry(p.class.map_or(p.stem.clone(), str::to_string))
                    .or_default() += 1;
            }
        }
    }
    let top = |m: BTreeMap<String, usize>| {
        m.into_iter()
            .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|x| x.0)
            .unwrap_or_default()
    };
    format!(
        "{}|{}|{}",
        kind.map_or("", |k| k.as_str()),
        top(heads),
        top(preds)
    )
}

/// The stable id of a finding.
fn fingerprint(key: &str, values: &[FactValue]) -> String {
    let mut pairs: Vec<(&str, &str)> = values
        .iter()
        .map(|v| (v.source.as_str(), v.normalized.as_str()))
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    let mut fp = Fingerprint::new().part(key);
    for (s, v) in pairs {
        fp = fp.part(s).part(v);
    }
    fp.id()
}

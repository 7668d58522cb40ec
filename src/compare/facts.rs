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

use super::conflict::{self, Gap, Verdict};
use super::explain;
use super::frame::Frame;
use super::group::{Group, Inputs};
use super::period::Anchor;
use super::severity::{self, Severity, Side};
use super::{FactValue, Finding, Findings, Status};
use crate::document::Document;
use crate::figure::FigureKind;
use crate::fingerprint::Fingerprint;

/// At most this many comparison lines are written into one explanation.
const MAX_CONFLICT_LINES: usize = 12;

/// Turns groups into sorted findings.
pub fn findings(docs: &[Document<'_>], inp: &Inputs<'_>, groups: &[Group]) -> Findings {
    let mut out = Findings::default();
    for g in groups {
        let Some(f) = finding(docs, inp, g) else {
            continue;
        };
        match f.status {
            Status::Discrepancy => out.discrepancies.push(f),
            Status::Agreement => out.agreements.push(f),
            Status::Update => out.updates.push(f),
        }
    }
    out.discrepancies.sort_by(|a, b| {
        let la = a.severity.as_ref().map(|s| (s.level, s.distance));
        let lb = b.severity.as_ref().map(|s| (s.level, s.distance));
        lb.partial_cmp(&la)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| position(a).cmp(&position(b)))
    });
    out.agreements.sort_by_key(position);
    out.updates.sort_by_key(position);
    out
}

fn position(f: &Finding) -> (usize, usize, String) {
    f.values
        .first()
        .map_or((usize::MAX, usize::MAX, String::new()), |v| {
            (v.source_index, v.start, f.id.clone())
        })
}

/// A conflict between two values of a fact.
struct Conflict {
    a: usize,
    b: usize,
    gap: Gap,
    update: bool,
}

fn finding(docs: &[Document<'_>], inp: &Inputs<'_>, g: &Group) -> Option<Finding> {
    let figures = inp.figures;
    let mut members: Vec<usize> = g
        .members
        .iter()
        .copied()
        .filter(|&m| inp.readings[m].is_some())
        .collect();
    members.sort_by_key(|&m| (figures[m].source, figures[m].start, m));
    let supports: Vec<usize> = g.supports.iter().map(|s| s.figure).collect();
    let values: Vec<FactValue> = members
        .iter()
        .filter_map(|&m| fact_value(docs, inp, m, supports.contains(&m)))
        .collect();
    let mut sources: Vec<usize> = values.iter().map(|v| v.source_index).collect();
    sources.dedup();
    if sources.len() < 2 {
        return None;
    }
    let conflicts = conflicts(inp, &members);
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
    let key = fact_key(g, inp.frames, figures.get(members[0]).map(|f| f.kind));
    let label = explain::label(g, inp.frames, inp.vocab);
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
    for e in &g.edges {
        lines.push(explain::edge_line(e, name, inp.frames, inp.vocab));
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
    lines.extend(period_lines(inp, &sources, docs));
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
    })
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

/// Every conflicting pair of values from different sources.
fn conflicts(inp: &Inputs<'_>, members: &[usize]) -> Vec<Conflict> {
    let mut out = Vec::new();
    for (i, &a) in members.iter().enumerate() {
        for &b in &members[i + 1..] {
            let (fa, fb) = (&inp.figures[a], &inp.figures[b]);
            if fa.source == fb.source {
                continue;
            }
            let (Some(ra), Some(rb)) = (&inp.readings[a], &inp.readings[b]) else {
                continue;
            };
            if let Verdict::Conflict(gap) = conflict::compare(ra, rb) {
                let update = is_update(inp, a, b, &gap);
                out.push(Conflict { a, b, gap, update });
            }
        }
    }
    out
}

/// Kinds of quantity that grow as events go on: a later, larger value is news,
/// not a contradiction.
fn grows(kind: FigureKind) -> bool {
    matches!(
        kind,
        FigureKind::Count | FigureKind::Duration | FigureKind::Age | FigureKind::Ordinal
    )
}

fn is_update(inp: &Inputs<'_>, a: usize, b: usize, gap: &Gap) -> bool {
    let (fa, fb) = (&inp.figures[a], &inp.figures[b]);
    if !grows(fa.kind) {
        return false;
    }
    let p = inp.periods;
    (p.published_before(fa.source, fb.source) && gap.second_larger)
        || (p.published_before(fb.source, fa.source) && !gap.second_larger)
}

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
    let mut out = Vec::new();
    for (i, &a) in sources.iter().enumerate() {
        for &b in &sources[i + 1..] {
            if !inp.periods.same_period(a, b) {
                out.push(format!(
                    "{} and {} are about different periods ({} / {}); they were grouped on very strong evidence",
                    docs[a].source.id,
                    docs[b].source.id,
                    anchor_text(inp.periods.anchor(a)),
                    anchor_text(inp.periods.anchor(b))
                ));
            }
        }
    }
    out
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

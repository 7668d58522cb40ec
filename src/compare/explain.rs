//! Words for people: the short label of a fact ("people killed (flood, valley)") and
//! the lines that say why figures were grouped and why their values agree or not,
//! printed by `--explain` so that a reader can trust or reject a finding.

use std::collections::BTreeMap;

use super::frame::{Frame, NEIGHBOUR_WEIGHT};
use super::group::{Edge, Group};
use super::idf::Vocab;
use super::score::{HeadMatch, Match, PredicateMatch};
use crate::figure::FigureKind;

/// How many context words a label shows.
const LABEL_WORDS: usize = 3;

/// The short label of a fact: its counted noun and predicate as most sources write
/// them, and the context words that weighed most in grouping it.
pub fn label(group: &Group, frames: &[Option<Frame>], vocab: &Vocab) -> String {
    let members: Vec<&Frame> = group
        .members
        .iter()
        .filter_map(|&m| frames.get(m).and_then(Option::as_ref))
        .collect();
    // An age is the age of the person named next to it.
    if let Some(first) = members.first()
        && members.iter().all(|f| f.kind == FigureKind::Age)
    {
        // The names every member has, in the order the corpus first shows them
        // (ids are given in that order): "Ana Brandt".
        let shared: Vec<String> = first
            .names
            .iter()
            .filter(|n| members.iter().all(|f| f.names.contains(n)))
            .map(|&n| capitalized(vocab.surface(n)))
            .collect();
        if !shared.is_empty() {
            return format!("age of {}", shared.join(" "));
        }
    }
    let head = most_common(
        members
            .iter()
            .filter_map(|f| f.head.as_ref().map(|h| h.word.clone())),
    );
    let predicate = predicate_label(&members);
    let mut words = Vec::new();
    for (id, _) in top_shared(group, frames, vocab) {
        let w = vocab.surface(id).to_string();
        if Some(&w) != head.as_ref() && Some(&w) != predicate.as_ref() && !words.contains(&w) {
            words.push(w);
        }
        if words.len() == LABEL_WORDS {
            break;
        }
    }
    let mut out: Vec<String> = [head, predicate].into_iter().flatten().collect();
    if !words.is_empty() {
        let context = format!("({})", words.join(", "));
        out.push(context);
    }
    if out.is_empty() {
        String::from("(no context)")
    } else {
        out.join(" ")
    }
}

/// `word` with its first letter in capitals ("velk" gives "Velk").
fn capitalized(word: &str) -> String {
    let mut c = word.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The predicate word most members use; when they use different words of one
/// class, the class name.
fn predicate_label(members: &[&Frame]) -> Option<String> {
    let words: Vec<String> = members
        .iter()
        .filter_map(|f| f.predicate.as_ref().map(|p| p.word.clone()))
        .collect();
    let mut distinct = words.clone();
    distinct.sort();
    distinct.dedup();
    if distinct.len() > 1 {
        let classes: Vec<&str> = members
            .iter()
            .filter_map(|f| f.predicate.as_ref().and_then(|p| p.class))
            .collect();
        if let Some(c) = classes.first()
            && classes.iter().all(|x| x == c)
        {
            return Some(class_phrase(c).to_string());
        }
    }
    most_common(words.into_iter())
}

/// How a label names a class of predicates when sources use different words.
fn class_phrase(class: &str) -> &str {
    match class {
        "death" => "killed",
        "injury" => "injured",
        "displacement" => "displaced",
        "evacuation" => "evacuated",
        "flight" => "fled",
        "detention" => "detained",
        "seizure" => "seized",
        "deployment" => "deployed",
        "interruption" => "suspension began",
        "start" => "began",
        "end" => "ended",
        "lasting" => "lasted",
        "spending" => "spent",
        "vote" => "votes",
        other => other,
    }
}

fn most_common(items: impl Iterator<Item = String>) -> Option<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for i in items {
        *counts.entry(i).or_default() += 1;
    }
    counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(w, _)| w)
}

/// Shared context words of a group's edges, by their summed share of the score:
/// words of the figures' own sentences only (not of the neighbouring sentences, not
/// word classes), so that the label says what the sentences say.
fn top_shared(group: &Group, frames: &[Option<Frame>], vocab: &Vocab) -> Vec<(u32, f32)> {
    let mut sums: BTreeMap<u32, f32> = BTreeMap::new();
    let edges = group
        .edges
        .iter()
        .chain(group.supports.iter().filter_map(|s| s.via.as_ref()));
    for e in edges {
        let (Some(Some(fa)), Some(Some(fb))) = (frames.get(e.a), frames.get(e.b)) else {
            continue;
        };
        for &(a, b, c) in &e.m.shared {
            let own = weight(fa, a) > NEIGHBOUR_WEIGHT && weight(fb, b) > NEIGHBOUR_WEIGHT;
            if own && !vocab.is_class_feature(a) {
                *sums.entry(a).or_default() += c;
            }
        }
    }
    let mut v: Vec<(u32, f32)> = sums.into_iter().collect();
    v.sort_by(|x, y| {
        y.1.total_cmp(&x.1)
            .then(vocab.surface(x.0).cmp(vocab.surface(y.0)))
    });
    v
}

/// The weight of a word in a frame's context (0 when absent).
fn weight(f: &Frame, id: u32) -> f32 {
    f.words
        .binary_search_by_key(&id, |w| w.id)
        .map_or(0.0, |i| f.words[i].weight)
}

/// One line saying why two figures were grouped.
pub fn edge_line(
    e: &Edge,
    name: impl Fn(usize) -> String,
    frames: &[Option<Frame>],
    vocab: &Vocab,
) -> String {
    let pair = match (frames.get(e.a), frames.get(e.b)) {
        (Some(Some(a)), Some(Some(b))) => Some((a, b)),
        _ => None,
    };
    format!(
        "{} and {}: {}",
        name(e.a),
        name(e.b),
        match_reasons(&e.m, pair, vocab)
    )
}

/// The reasons of a match, as a reader would check them; with the two frames, the
/// predicate and counted words are named.
pub fn match_reasons(m: &Match, frames: Option<(&Frame, &Frame)>, vocab: &Vocab) -> String {
    let mut parts = vec![format!("same-fact probability {:.2}", m.score)];
    if m.aligned {
        parts.push("same place in two aligned (reused) sentences".into());
    }
    parts.extend(predicate_reason(m, frames));
    if let Some((x, y)) = m.names_differ {
        parts.push(format!(
            "different names next to the figures, '{}' and '{}' (counts against)",
            vocab.surface(x),
            vocab.surface(y)
        ));
    }
    parts.extend(head_reason(m, frames));
    if let Some((a, b)) = frames
        && a.sole
        && b.sole
        && matches!(m.head, HeadMatch::Same | HeadMatch::Related)
    {
        parts.push("each the only figure of its kind about that in its source".into());
    }
    if let Some((a, b)) = frames
        && a.increment != b.increment
    {
        parts.push(
            "one is an addition ('another', 'a further'), the other not (counts against)".into(),
        );
    }
    if let Some((a, b)) = frames
        && a.aggregate != b.aggregate
    {
        parts.push(
            "one is a total (over a period, several events, or the whole of a part), the other not (counts against)".into(),
        );
    }
    let words: Vec<String> = m
        .shared
        .iter()
        .take(6)
        .map(|&(a, b, c)| {
            let (sa, sb) = (vocab.surface(a), vocab.surface(b));
            if a == b {
                format!("{sa} {c:.2}")
            } else {
                format!("{sa}~{sb} {c:.2}")
            }
        })
        .collect();
    if words.is_empty() {
        parts.push(format!("context {:.2}", m.context));
    } else {
        parts.push(format!(
            "context {:.2} from {}",
            m.context,
            words.join(", ")
        ));
    }
    parts.push(format!(
        "documents {:.2} alike, stories {:.2}",
        m.document, m.story
    ));
    parts.join("; ")
}

/// The same-fact evidence of a match in short phrases, strongest kinds first,
/// for the reader of a finding: only what speaks for one fact.
pub fn evidence(m: &Match, frames: Option<(&Frame, &Frame)>, vocab: &Vocab) -> Vec<String> {
    let mut out = Vec::new();
    if m.aligned {
        out.push("the sentences are reuses of each other".to_string());
    }
    if m.same_person {
        out.push("the same person named next to both".to_string());
    } else if m.names_shared {
        out.push("the same names next to both".to_string());
    }
    if let Some(p) = predicate_reason(m, frames).filter(|p| !p.contains("counts against")) {
        out.push(p);
    }
    if let Some(h) = head_reason(m, frames) {
        out.push(h);
    }
    if let Some((a, b)) = frames {
        let around: Vec<&str> = a
            .neighbours
            .iter()
            .zip(&b.neighbours)
            .filter_map(|(x, y)| x.filter(|_| x == y))
            .map(|id| vocab.surface(id))
            .collect();
        if !around.is_empty() {
            out.push(format!("the same words around both: {}", around.join(", ")));
        }
    }
    let words: Vec<&str> = m
        .shared
        .iter()
        .take(4)
        .filter(|&&(a, _, _)| !vocab.is_class_feature(a))
        .map(|&(a, _, _)| vocab.surface(a))
        .collect();
    if !words.is_empty() {
        out.push(format!("shared context: {}", words.join(", ")));
    }
    out
}

fn predicate_reason(m: &Match, frames: Option<(&Frame, &Frame)>) -> Option<String> {
    let words = frames.and_then(|(a, b)| {
        let (p, q) = (a.predicate.as_ref()?, b.predicate.as_ref()?);
        Some((p.word.as_str(), q.word.as_str(), p.class.or(q.class)))
    });
    Some(match (m.predicate, words) {
        (PredicateMatch::Class, Some((p, q, Some(c)))) if p != q => {
            format!("predicates '{p}' and '{q}' are both of the class '{c}'")
        }
        (PredicateMatch::Class | PredicateMatch::Word, Some((p, _, _))) => {
            format!("the same predicate '{p}'")
        }
        (PredicateMatch::Class | PredicateMatch::Word, None) => "the same predicate".into(),
        (PredicateMatch::Different, Some((p, q, _))) => {
            format!("different predicates '{p}' and '{q}' (counts against)")
        }
        (PredicateMatch::Different, None) => "different predicates (counts against)".into(),
        (PredicateMatch::Unknown, _) => return None,
    })
}

fn head_reason(m: &Match, frames: Option<(&Frame, &Frame)>) -> Option<String> {
    let words = frames.and_then(|(a, b)| {
        Some((
            a.head.as_ref()?.word.as_str(),
            b.head.as_ref()?.word.as_str(),
        ))
    });
    Some(match (m.head, words) {
        (HeadMatch::Same, Some((h, _))) => format!("both count '{h}'"),
        (HeadMatch::Related, Some((h, k))) => format!("related counted things '{h}' and '{k}'"),
        (HeadMatch::Same, None) => "the same counted noun".into(),
        (HeadMatch::Related, None) => "related counted nouns".into(),
        (HeadMatch::Unknown | HeadMatch::Different, _) => return None,
    })
}

/// A description of a frame's predicate and counted thing, for explanations.
pub fn frame_line(f: &Frame) -> String {
    let mut parts = Vec::new();
    if let Some(h) = &f.head {
        if h.modifiers.is_empty() {
            parts.push(format!("counts '{}'", h.word));
        } else {
            parts.push(format!("counts '{}' ({})", h.word, h.modifiers.join(" ")));
        }
    }
    if let Some(p) = &f.predicate {
        match p.class {
            Some(c) => parts.push(format!("predicate '{}' ({c})", p.word)),
            None => parts.push(format!("predicate '{}'", p.word)),
        }
    }
    if parts.is_empty() {
        "no counted noun or predicate".into()
    } else {
        parts.join(", ")
    }
}

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
///
/// `sentences` holds, for each member, its sentence and the words of it after the
/// figure: a phrase there that names what the fact is about ("flooded *during the
/// spring storms*") makes the label, when it holds a word that another member's
/// sentence holds too.
pub fn label(
    group: &Group,
    frames: &[Option<Frame>],
    vocab: &Vocab,
    sentences: &[(&str, &str)],
) -> String {
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
    let top = top_shared(group, frames, vocab);
    let mut shared: Vec<String> = top
        .iter()
        .map(|&(id, _)| vocab.surface(id).to_string())
        .collect();
    shared.extend(words_in_two(sentences.iter().map(|s| s.0)));
    let phrase = most_common(sentences.iter().filter_map(|s| phrase_after(s.1, &shared)));
    if let Some(phrase) = phrase {
        let out: Vec<String> = [head, predicate, Some(phrase)]
            .into_iter()
            .flatten()
            .collect();
        return out.join(" ");
    }
    // Else the phrase after the predicate ("shelling positions near ..."), when
    // the predicate is a word of the sentence.
    let words: Vec<String> = members
        .iter()
        .filter_map(|f| f.predicate.as_ref())
        .map(|p| p.word.clone())
        .filter(|w| !w.contains('…'))
        .collect();
    let from_predicate = most_common(
        sentences
            .iter()
            .filter_map(|s| words.iter().find_map(|w| predicate_phrase(s.0, w, &shared))),
    );
    if let Some(phrase) = from_predicate {
        let out: Vec<String> = [head, Some(phrase)].into_iter().flatten().collect();
        return out.join(" ");
    }
    let mut words = Vec::new();
    for (id, _) in top {
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
    let word = most_common(words.into_iter())?;
    // "first … since" says how the sentence is built, not what happened.
    if word.contains('…') {
        let class = members
            .iter()
            .filter_map(|f| f.predicate.as_ref())
            .find(|p| p.word == word)
            .and_then(|p| p.class);
        if let Some(c) = class {
            return Some(class_phrase(c).to_string());
        }
    }
    Some(word)
}

/// The words of `sentence` from the predicate `word` to the end of the phrase
/// that follows it ([`phrase_after`]): "shelling positions near the hills".
fn predicate_phrase(sentence: &str, word: &str, shared: &[String]) -> Option<String> {
    let lower = sentence.to_lowercase();
    let at = lower.match_indices(word).find_map(|(i, _)| {
        let before = lower[..i].chars().next_back();
        let after = lower[i + word.len()..].chars().next();
        let bound = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        (bound(before) && bound(after)).then_some(i)
    })?;
    let rest = sentence.get(at + word.len()..)?;
    let phrase = phrase_after(rest, shared)?;
    let opener = phrase.split_whitespace().next()?;
    let between: Vec<&str> = rest
        .split_whitespace()
        .take_while(|w| !w.eq_ignore_ascii_case(opener))
        .collect();
    let head = sentence.get(at..at + word.len())?;
    let mut out = vec![head.to_string()];
    out.extend(between.iter().map(|w| w.to_string()));
    out.push(phrase);
    Some(out.join(" "))
}

/// Content words (four letters or more, folded) that two or more of `sentences`
/// hold.
fn words_in_two<'s>(sentences: impl Iterator<Item = &'s str>) -> Vec<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for s in sentences {
        let mut seen: Vec<String> = s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
            .collect();
        seen.sort();
        seen.dedup();
        for w in seen {
            *counts.entry(w).or_default() += 1;
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(w, _)| w)
        .collect()
}

/// Prepositions that open a phrase saying what a figure is about.
const PHRASE_OPENERS: &[&str] = &[
    "in", "during", "at", "on", "over", "against", "across", "inside", "near",
];

/// Words that end such a phrase: another clause begins.
const PHRASE_ENDS: &[&str] = &[
    "and",
    "or",
    "but",
    "that",
    "which",
    "who",
    "as",
    "while",
    "when",
    "where",
    "said",
    "says",
    "according",
    "because",
    "after",
    "before",
    "since",
    "than",
    "to",
];

/// Most words a phrase of a label takes after its preposition.
const PHRASE_WORDS: usize = 5;

/// The phrase that follows a figure and names what it is about ("during the spring
/// storms" in "... 300 homes were flooded during the spring storms, ..."): a
/// preposition among the first few words (before any punctuation), then words up
/// to a clause boundary, a number or punctuation. Only a phrase that holds one of
/// `shared` (the words the figures of the fact have in common) is taken.
pub fn phrase_after(after: &str, shared: &[String]) -> Option<String> {
    let words: Vec<&str> = after.split_whitespace().take(16).collect();
    let open = words.iter().take(8).position(|w| {
        let bare = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        PHRASE_OPENERS.contains(&bare.as_str()) && !w.ends_with([',', ';', ':', '.'])
    })?;
    if words[..open]
        .iter()
        .any(|w| w.ends_with([',', ';', ':', '.', '"', '”']))
    {
        return None;
    }
    let mut out = vec![words[open].to_lowercase()];
    for w in &words[open + 1..] {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        let lower = bare.to_lowercase();
        if bare.is_empty() || bare.chars().any(|c| c.is_ascii_digit()) {
            break;
        }
        // A past participle or tense begins another clause ("... in the House
        // boycotted ...").
        let verb = lower.len() > 4 && lower.ends_with("ed");
        if PHRASE_ENDS.contains(&lower.as_str()) || verb || out.len() > PHRASE_WORDS {
            break;
        }
        out.push(bare.to_string());
        if w.ends_with(|c: char| !c.is_alphanumeric()) {
            break;
        }
    }
    let holds_shared = out[1..]
        .iter()
        .any(|w| shared.iter().any(|s| s == &w.to_lowercase()));
    (out.len() > 1 && holds_shared).then(|| out.join(" "))
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
        "interruption" => "interruption began",
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

#[cfg(test)]
mod phrase_tests {
    use super::phrase_after;

    fn shared(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn a_phrase_after_the_figure_names_what_it_is_about() {
        let after = " residents have died during the long winter storm and 30 more fled.";
        assert_eq!(
            phrase_after(after, &shared(&["winter"])),
            Some("during the long winter storm".to_string())
        );
        // Without a shared word the phrase may be about something else.
        assert_eq!(phrase_after(after, &shared(&["harbour"])), None);
        // Punctuation before the preposition: another clause.
        assert_eq!(
            phrase_after(
                " boats, the navy said on its website.",
                &shared(&["website"])
            ),
            None
        );
        // After the predicate when the figure is followed by another clause.
        assert_eq!(
            super::predicate_phrase(
                "For a year, rebels have been shelling positions near the hills.",
                "shelling",
                &shared(&["hills"])
            ),
            Some("shelling positions near the hills".to_string())
        );
        // A verb ends the phrase.
        assert_eq!(
            phrase_after(
                " ships anchored at the northern quay reopened today",
                &shared(&["quay"])
            ),
            Some("at the northern quay".to_string())
        );
    }
}

//! How strongly two figures look like statements of the same fact.
//!
//! Two frames are first checked for compatibility (same kind and unit, counted
//! things that can be the same, predicates of the same class); compatible frames
//! are scored by the cosine of their IDF-weighted context words, with a bonus for a
//! shared predicate and a shared counted noun. Words that differ only in spelling
//! ("organise"/"organize") or names written in another form (a transliteration, a
//! short first name) are matched by string similarity, not by lists of names.

use serde::Serialize;

use super::frame::{Frame, Head, NEIGHBOUR_WEIGHT, Predicate, Weighted};
use super::idf::Vocab;
use crate::figure::{Figure, FigureKind};

/// Counted nouns that say least about what is counted.
const GENERIC_NOUNS: &[&str] = &["people", "person", "persons"];
/// Jaro-Winkler similarity above which two words are spellings of one word.
const SPELLING_SIMILARITY: f64 = 0.92;

/// Why two figures cannot be the same fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reject {
    /// Different kinds or units.
    Kind,
    /// The counted things differ ("barges" and "tugs").
    Counted,
    /// The predicates name different events ("killed" and "displaced").
    Predicate,
}

/// How the counted things of two figures relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HeadMatch {
    /// The same noun.
    Same,
    /// Nouns of one class, one noun modifying the other, or a shared modifier.
    Related,
    /// Two different nouns that no class tells apart ("people" and
    /// "activists"): they may name one thing, which counts against.
    Different,
    /// At least one side has no counted noun.
    Unknown,
}

/// How the predicates of two figures relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PredicateMatch {
    /// The same class of event.
    Class,
    /// The same word, with no known class.
    Word,
    /// A verb of a known class against a different verb: counts against.
    Different,
    /// Nothing known in common.
    Unknown,
}

/// The evidence that two figures state the same fact.
#[derive(Debug, Clone, PartialEq)]
pub struct Match {
    /// The probability that the two figures state one fact, by the fact model
    /// (0 until the model has read the features).
    pub score: f32,
    /// The context part of the score (cosine of the weighted words).
    pub context: f32,
    /// Similarity of the two documents (cosine of their most distinctive words).
    pub document: f32,
    /// True when both figures are ages of a person named next to each.
    pub same_person: bool,
    /// True when both counted nouns are "people", which says little about which
    /// count of people a figure is.
    pub generic_head: bool,
    /// How alike the two documents' story sketches are (see [`super::story`]);
    /// measured for explanations only (0 otherwise).
    pub story: f32,
    /// Shared context words (ids in the vocabulary) with their share of the cosine,
    /// largest first.
    pub shared: Vec<(u32, u32, f32)>,
    /// Counted nouns.
    pub head: HeadMatch,
    /// Predicates.
    pub predicate: PredicateMatch,
    /// True when the figures sit at the same place in aligned sentences.
    pub aligned: bool,
    /// The names next to the two figures, when they differ.
    pub names_differ: Option<(u32, u32)>,
    /// True when a name next to one figure is (a form of) a name next to the
    /// other.
    pub names_shared: bool,
    /// How many names of one figure's sentence appear (in some form) in the
    /// other's: the actors of the event the two sentences tell.
    pub actors_shared: usize,
}

/// Checks that two figures could be the same fact at all.
pub fn compatible(
    a: &Frame,
    b: &Frame,
    fa: &Figure,
    fb: &Figure,
) -> Result<(HeadMatch, PredicateMatch), Reject> {
    if a.kind != b.kind || fa.unit != fb.unit {
        return Err(Reject::Kind);
    }
    let head = match (&a.head, &b.head) {
        (Some(x), Some(y)) => head_match(x, y).ok_or(Reject::Counted)?,
        _ => HeadMatch::Unknown,
    };
    let predicate = match (&a.predicate, &b.predicate) {
        (Some(x), Some(y)) => predicate_match(x, y).ok_or(Reject::Predicate)?,
        _ => PredicateMatch::Unknown,
    };
    Ok((head, predicate))
}

/// The same noun, related nouns, different nouns that may still name one thing,
/// or `None` when their classes say they are different things ("jets" and
/// "helicopters").
pub fn head_match(x: &Head, y: &Head) -> Option<HeadMatch> {
    let same_initial = x.word.as_bytes().first() == y.word.as_bytes().first();
    if x.stem == y.stem || (same_initial && similar_spelling(&x.word, &y.word)) {
        return Some(HeadMatch::Same);
    }
    let same_class = x.class.is_some() && x.class == y.class;
    let nested = x.modifiers.contains(&y.stem) || y.modifiers.contains(&x.stem);
    let shared_modifier = match (x.modifiers.last(), y.modifiers.last()) {
        (Some(m), Some(n)) => m == n,
        _ => false,
    };
    if same_class || nested || shared_modifier {
        return Some(HeadMatch::Related);
    }
    match (x.class, y.class) {
        (Some(_), Some(_)) => None,
        _ => Some(HeadMatch::Different),
    }
}

/// Predicates of one class (or the same word) match, and predicates of two
/// different classes exclude each other. A word of a known class and a different
/// verb ("killed" and "forced") probably say different things, but the verb may be
/// a paraphrase ("walked out" for a strike that "began"): that counts against the
/// match without ruling it out. Two different verbs of no known class say nothing.
pub fn predicate_match(x: &Predicate, y: &Predicate) -> Option<PredicateMatch> {
    match (x.class, y.class) {
        (Some(c), Some(d)) if c == d => Some(PredicateMatch::Class),
        (Some(_), Some(_)) => None,
        _ if x.stem == y.stem => Some(PredicateMatch::Word),
        (Some(_), None) if is_verb(y) => Some(PredicateMatch::Different),
        (None, Some(_)) if is_verb(x) => Some(PredicateMatch::Different),
        _ => Some(PredicateMatch::Unknown),
    }
}

/// A past participle ("destroyed"), as opposed to a preposition such as "since".
fn is_verb(p: &Predicate) -> bool {
    p.word.ends_with("ed")
}

/// The evidence that two compatible frames state one fact: context likeness,
/// how their counted things and predicates relate, names. `aligned` says whether
/// they sit at the same place in two aligned sentences. The fact model turns it
/// (with the other features of [`super::features`]) into a probability.
///
/// With `detail`, the shared words are listed (for explanations); without, only
/// the cosine is computed, which is what grouping needs for every candidate pair.
pub fn evidence(
    a: &Frame,
    b: &Frame,
    head: HeadMatch,
    predicate: PredicateMatch,
    aligned: bool,
    vocab: &Vocab,
    detail: bool,
) -> Match {
    let (context, shared) = if detail {
        context_similarity(a, b, vocab)
    } else {
        (context_cosine(a, b, vocab, |_, _, _| {}), Vec::new())
    };
    let document = vocab.document_similarity(a.source, b.source);
    let story = if detail {
        vocab.story_likeness(a.source, b.source).cosine
    } else {
        0.0
    };
    let names_differ = names_differ(a, b, vocab);
    let names_shared = a
        .names
        .iter()
        .any(|&p| b.names.iter().any(|&q| same_name(p, q, vocab)));
    let names_of = |f: &Frame| -> Vec<u32> {
        f.own
            .iter()
            .copied()
            .filter(|&p| vocab.is_name(p))
            .collect()
    };
    let theirs = names_of(b);
    let actors_shared = names_of(a)
        .into_iter()
        .filter(|&p| theirs.iter().any(|&q| same_name(p, q, vocab)))
        .count();
    // An age is about a person: the same person named next to both is the fact.
    let same_person = a.kind == FigureKind::Age && names_differ.is_none() && names_shared;
    let generic = |f: &Frame| {
        f.head
            .as_ref()
            .is_some_and(|h| GENERIC_NOUNS.contains(&h.word.as_str()))
    };
    Match {
        same_person,
        generic_head: generic(a) && generic(b),
        names_differ,
        names_shared,
        actors_shared,
        score: 0.0,
        context,
        document,
        story,
        shared,
        head,
        predicate,
        aligned,
    }
}

/// When both figures have names next to them and none of either side's names
/// appears (in some form) among the other's own-sentence words, one pair of them
/// (for explanations): "Ames received 4.2 million" is not "Bell received 3.7
/// million".
fn names_differ(a: &Frame, b: &Frame, vocab: &Vocab) -> Option<(u32, u32)> {
    let (x, y) = (a.names.first()?, b.names.first()?);
    let found_in = |names: &[u32], other: &Frame| {
        names.iter().any(|&p| {
            let exact = other
                .words
                .binary_search_by_key(&p, |w| w.id)
                .is_ok_and(|i| other.words[i].weight > NEIGHBOUR_WEIGHT);
            exact
                || other
                    .words
                    .iter()
                    .filter(|w| w.proper && w.weight > NEIGHBOUR_WEIGHT)
                    .any(|w| same_name(p, w.id, vocab))
        })
    };
    let shared = found_in(&a.names, b) || found_in(&b.names, a);
    (!shared).then_some((*x, *y))
}

/// Two forms of one name: a spelling, a short form, a compound.
fn same_name(p: u32, q: u32, vocab: &Vocab) -> bool {
    if p == q {
        return true;
    }
    let ((cp, np), (cq, nq)) = (vocab.shape(p), vocab.shape(q));
    if cp != cq && np.min(nq) < 5 {
        return false;
    }
    let (sp, sq) = (vocab.surface(p), vocab.surface(q));
    similar_spelling(sp, sq) || name_form(sp, sq) || compound_of(sp, sq)
}

/// Context likeness that, with predicates of one class, is strong evidence that
/// two dates are one fact.
const DATE_CONTEXT: f32 = 0.3;

/// Names that two sentences of one event share: two actors named in both
/// ("A and B met ... since") tie the event more than any context word.
const SHARED_ACTORS: usize = 2;

/// The strong same-fact evidence of a match, if it has some, in words: what a
/// discrepancy needs besides its probability. The sentences are reuses of each
/// other; or the same counted thing (not merely "people") with the same
/// predicate, the same words around both figures or the same names next to
/// them; or, for a figure that counts nothing (a date), a predicate of one
/// class with the same words around, names or actors; or, for two ages, the
/// same person.
pub fn strong_evidence(m: &Match, a: &Frame, b: &Frame) -> Option<&'static str> {
    if m.aligned {
        return Some("the sentences are reuses of each other");
    }
    if m.same_person {
        return Some("the same person named next to both ages");
    }
    // Different names next to the figures ("A received 4.2 million", "B
    // received 3.7 million") may be two people's figures: never strong.
    if m.names_differ.is_some() {
        return None;
    }
    let same_predicate = matches!(m.predicate, PredicateMatch::Class | PredicateMatch::Word);
    let same_around = a.neighbours_shared(b) > 0;
    let anchored = same_predicate || same_around || m.names_shared;
    match (m.head, &a.head, &b.head) {
        (HeadMatch::Same, _, _) if !m.generic_head && anchored => {
            Some("the same counted thing, with the same predicate, words around or names")
        }
        (HeadMatch::Same, _, _) if same_predicate && (same_around || m.names_shared) => {
            Some("the same counted thing, predicate and words around or names")
        }
        (_, None, None)
            if m.predicate == PredicateMatch::Class
                && (same_around
                    || m.names_shared
                    || m.actors_shared >= SHARED_ACTORS
                    || m.context >= DATE_CONTEXT) =>
        {
            Some("a predicate of one class, with the same words around, names, actors or context")
        }
        (_, None, None) if same_predicate && (same_around || m.names_shared) => {
            Some("the same predicate, with the same words around or names")
        }
        _ => None,
    }
}

/// Cosine of the IDF-weighted context words, with fuzzy matches for spellings and
/// name forms; returns the shared words with their contributions, largest first.
///
/// A counted noun or predicate word that both frames share is left out of the
/// cosine (from the norms too): the head and predicate bonuses already reward it,
/// and counting it twice would let it outweigh the words that tell two figures
/// of one sentence apart ("140 of the 300 seats").
pub fn context_similarity(a: &Frame, b: &Frame, vocab: &Vocab) -> (f32, Vec<(u32, u32, f32)>) {
    let mut shared = Vec::new();
    let cos = context_cosine(a, b, vocab, |x, y, c| shared.push((x, y, c)));
    shared.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)));
    (cos, shared)
}

/// The cosine of [`context_similarity`], telling `on_shared` each shared word
/// pair and its share of the cosine.
fn context_cosine(
    a: &Frame,
    b: &Frame,
    vocab: &Vocab,
    mut on_shared: impl FnMut(u32, u32, f32),
) -> f32 {
    let rewarded = rewarded_words(a, b);
    let norm_without = |f: &Frame| {
        let removed: f32 = rewarded
            .iter()
            .flatten()
            .filter_map(|&id| f.words.binary_search_by_key(&id, |w| w.id).ok())
            .map(|i| f.words[i].value().powi(2))
            .sum();
        (f.norm * f.norm - removed).max(0.0).sqrt()
    };
    let (na, nb) = (norm_without(a), norm_without(b));
    if na <= 0.0 || nb <= 0.0 {
        return 0.0;
    }
    let scale = 1.0 / (na * nb);
    let mut dot = 0.0;
    let mut any = false;
    let (mut i, mut j) = (0, 0);
    while i < a.words.len() && j < b.words.len() {
        let (x, y) = (a.words[i], b.words[j]);
        match x.id.cmp(&y.id) {
            std::cmp::Ordering::Equal => {
                if !rewarded.contains(&Some(x.id)) {
                    let c = x.value() * y.value();
                    dot += c;
                    any = true;
                    on_shared(x.id, y.id, c * scale);
                }
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    if any || a.head.is_some() || a.predicate.is_some() {
        fuzzy_matches(a, b, &rewarded, vocab, |x, y, c| {
            dot += c;
            on_shared(x, y, c * scale);
        });
    }
    (dot * scale).clamp(0.0, 1.0)
}

/// Ids of the counted noun and predicate word when both frames have the same one.
fn rewarded_words(a: &Frame, b: &Frame) -> [Option<u32>; 2] {
    let head = match (a.head_id, b.head_id) {
        (Some(x), Some(y)) if x == y => Some(x),
        _ => None,
    };
    let predicate = match (a.predicate_id, b.predicate_id) {
        (Some(x), Some(y)) if x == y => Some(x),
        _ => None,
    };
    [head, predicate]
}

/// Pairs of words, one from each side, that are spellings of one word: for the
/// strongest words of each frame that the other frame lacks, each word used once.
fn fuzzy_matches(
    a: &Frame,
    b: &Frame,
    rewarded: &[Option<u32>; 2],
    vocab: &Vocab,
    mut on_match: impl FnMut(u32, u32, f32),
) {
    let lacks = |w: &Weighted, other: &Frame| {
        !rewarded.contains(&Some(w.id))
            && other.words.binary_search_by_key(&w.id, |o| o.id).is_err()
    };
    // Bit k set: b.top[k] is not available (shared, rewarded, or used).
    let mut used: u64 = 0;
    for (k, y) in b.top.iter().enumerate() {
        if !lacks(y, a) {
            used |= 1 << k;
        }
    }
    for x in a.top.iter().filter(|w| lacks(w, b)) {
        let (cx, nx) = vocab.shape(x.id);
        let found = b.top.iter().enumerate().position(|(k, y)| {
            if used & (1 << k) != 0 {
                return false;
            }
            let (cy, ny) = vocab.shape(y.id);
            if cx != cy && nx.min(ny) < 5 {
                return false;
            }
            let (sx, sy) = (vocab.surface(x.id), vocab.surface(y.id));
            (cx == cy && similar_spelling(sx, sy))
                || compound_of(sx, sy)
                || (x.proper && y.proper && cx == cy && name_form(sx, sy))
        });
        if let Some(k) = found {
            used |= 1 << k;
            let y = b.top[k];
            let idf = x.idf.min(y.idf);
            on_match(x.id, y.id, x.weight * y.weight * idf * idf);
        }
    }
}

/// Two spellings of one word: same first letter, long enough, and a Jaro-Winkler
/// similarity of at least 0.92 ("organise"/"organize", a transliterated name).
pub fn similar_spelling(a: &str, b: &str) -> bool {
    if a.as_bytes().first() != b.as_bytes().first() {
        return false;
    }
    let (na, nb) = (a.chars().count(), b.chars().count());
    // Jaro-Winkler reaches 0.92 only when the shorter word is at least 60% as
    // long as the longer one; checking that first saves most of the calls.
    na >= 5
        && nb >= 5
        && na.min(nb) * 5 >= na.max(nb) * 3
        && strsim::jaro_winkler(a, b) >= SPELLING_SIMILARITY
}

/// One word is the end of the other, a compound of it ("storm"/"snowstorm",
/// "ground"/"playground"); the shorter has at least five letters.
fn compound_of(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.chars().count() >= 5 && long.len() > short.len() && long.ends_with(short)
}

/// A short form of a name: one is a prefix of the other, at least three letters
/// long ("Alex"/"Alexander", a country and its adjective).
fn name_form(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.chars().count() >= 3 && long.starts_with(short)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_and_name_forms_match() {
        assert!(similar_spelling("organise", "organize"));
        assert!(similar_spelling("kowalsky", "kowalski"));
        assert!(!similar_spelling("war", "was"));
        assert!(name_form("alex", "alexander"));
        assert!(compound_of("storm", "snowstorm"));
        assert!(!compound_of("ship", "warship"));
        assert!(!name_form("al", "alexander"));
    }

    fn head(word: &str, mods: &[&str]) -> Head {
        Head {
            word: word.to_string(),
            stem: super::super::lexicon::stem(word),
            class: super::super::lexicon::noun_class(word),
            modifiers: mods.iter().map(|m| m.to_string()).collect(),
        }
    }

    #[test]
    fn counted_things_match_by_noun_class_or_modifier() {
        assert_eq!(
            head_match(&head("trucks", &["tanker"]), &head("truck", &[])),
            Some(HeadMatch::Same)
        );
        assert_eq!(
            head_match(&head("trucks", &["tanker"]), &head("lorries", &["tanker"])),
            Some(HeadMatch::Related)
        );
        // Two nouns of no known class may still name one thing; the model weighs it.
        assert_eq!(
            head_match(&head("trucks", &[]), &head("buses", &[])),
            Some(HeadMatch::Different)
        );
        assert_eq!(
            head_match(&head("carriages", &["sleeper"]), &head("sleepers", &[])),
            Some(HeadMatch::Related)
        );
        assert_eq!(
            head_match(&head("frigates", &[]), &head("warships", &[])),
            Some(HeadMatch::Related)
        );
        assert_eq!(
            head_match(&head("people", &[]), &head("civilians", &[])),
            Some(HeadMatch::Related)
        );
    }
}

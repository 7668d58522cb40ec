//! How strongly two figures look like statements of the same fact.
//!
//! Two frames are first checked for compatibility (same kind and unit, counted
//! things that can be the same, predicates of the same class); compatible frames
//! are scored by the cosine of their IDF-weighted context words, with a bonus for a
//! shared predicate and a shared counted noun. Words that differ only in spelling
//! ("defence"/"defense") or names written in another form (a transliteration, a
//! short first name) are matched by string similarity, not by lists of names.

use serde::Serialize;

use super::frame::{Frame, Head, NEIGHBOUR_WEIGHT, Predicate};
use super::idf::Vocab;
use crate::figure::Figure;

/// Bonus for predicates of the same class ("killed" and "deaths").
pub const PREDICATE_CLASS_BONUS: f32 = 0.2;
/// Bonus for the same predicate word when it has no class.
pub const PREDICATE_WORD_BONUS: f32 = 0.1;
/// Penalty for a predicate of a known class against a different verb.
pub const PREDICATE_MISMATCH_PENALTY: f32 = 0.1;
/// Penalty when the names next to each figure differ ("Ames received 4.2
/// million" and "Bell received 3.7 million").
pub const NAME_MISMATCH_PENALTY: f32 = 1.0;
/// Bonus for the same counted noun.
pub const HEAD_BONUS: f32 = 0.1;
/// Bonus for counted nouns of one class or sharing a modifier.
pub const HEAD_CLASS_BONUS: f32 = 0.05;
/// Weight of the similarity of the two whole documents (are they about the same
/// story?).
pub const DOCUMENT_WEIGHT: f32 = 0.4;
/// Added when the figures sit at the same place in two aligned (reused) sentences.
pub const ALIGNED_BONUS: f32 = 1.0;
/// Jaro-Winkler similarity above which two words are spellings of one word.
const SPELLING_SIMILARITY: f64 = 0.92;
/// At most this many unmatched words of each side are tried for fuzzy matching.
const FUZZY_WORDS: usize = 12;

/// Why two figures cannot be the same fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reject {
    /// Different kinds or units.
    Kind,
    /// The counted things differ ("jets" and "helicopters").
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
    /// The total score that grouping compares with its threshold.
    pub score: f32,
    /// The context part of the score (cosine of the weighted words).
    pub context: f32,
    /// Similarity of the two documents (cosine of their most distinctive words).
    pub document: f32,
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

/// The same noun, related nouns, or `None` when they are different things.
pub fn head_match(x: &Head, y: &Head) -> Option<HeadMatch> {
    if x.stem == y.stem || similar_spelling(&x.word, &y.word) {
        return Some(HeadMatch::Same);
    }
    let same_class = x.class.is_some() && x.class == y.class;
    let nested = x.modifiers.contains(&y.stem) || y.modifiers.contains(&x.stem);
    let shared_modifier = match (x.modifiers.last(), y.modifiers.last()) {
        (Some(m), Some(n)) => m == n,
        _ => false,
    };
    (same_class || nested || shared_modifier).then_some(HeadMatch::Related)
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

/// Scores two compatible frames. `aligned` says whether they sit at the same place
/// in two aligned sentences.
pub fn score(
    a: &Frame,
    b: &Frame,
    head: HeadMatch,
    predicate: PredicateMatch,
    aligned: bool,
    vocab: &Vocab,
) -> Match {
    let (context, shared) = context_similarity(a, b, vocab);
    let document = vocab.document_similarity(a.source, b.source);
    let mut score = context + DOCUMENT_WEIGHT * document;
    score += match predicate {
        PredicateMatch::Class => PREDICATE_CLASS_BONUS,
        PredicateMatch::Word => PREDICATE_WORD_BONUS,
        PredicateMatch::Different => -PREDICATE_MISMATCH_PENALTY,
        PredicateMatch::Unknown => 0.0,
    };
    score += match head {
        HeadMatch::Same => HEAD_BONUS,
        HeadMatch::Related => HEAD_CLASS_BONUS,
        HeadMatch::Unknown => 0.0,
    };
    if aligned {
        score += ALIGNED_BONUS;
    }
    let names_differ = names_differ(a, b, vocab);
    if names_differ.is_some() && !aligned {
        score -= NAME_MISMATCH_PENALTY;
    }
    Match {
        names_differ,
        score,
        context,
        document,
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
    let same = |p: u32, q: u32| {
        let (sp, sq) = (vocab.surface(p), vocab.surface(q));
        p == q || similar_spelling(sp, sq) || name_form(sp, sq) || compound_of(sp, sq)
    };
    let found_in = |names: &[u32], other: &Frame| {
        names.iter().any(|&p| {
            other
                .words
                .iter()
                .filter(|w| w.weight > NEIGHBOUR_WEIGHT)
                .any(|w| same(p, w.id))
        })
    };
    let shared = found_in(&a.names, b) || found_in(&b.names, a);
    (!shared).then_some((*x, *y))
}

/// True when a match rests on more than a vague likeness of context: the same or
/// related counted things, predicates of one class, aligned sentences, or a context
/// similarity of at least `context_alone`. Dates in particular are everywhere in
/// news text, and two dates a day apart must not be paired on topic words alone.
pub fn has_evidence(m: &Match, context_alone: f32) -> bool {
    m.head != HeadMatch::Unknown
        || matches!(m.predicate, PredicateMatch::Class | PredicateMatch::Word)
        || m.aligned
        || m.context >= context_alone
}

/// Cosine of the IDF-weighted context words, with fuzzy matches for spellings and
/// name forms; returns the shared words with their contributions, largest first.
///
/// A counted noun or predicate word that both frames share is left out of the
/// cosine (from the norms too): the head and predicate bonuses already reward it,
/// and counting it twice would let it outweigh the words that tell two figures
/// of one sentence apart ("140 of the 300 seats").
pub fn context_similarity(a: &Frame, b: &Frame, vocab: &Vocab) -> (f32, Vec<(u32, u32, f32)>) {
    let rewarded = rewarded_words(a, b, vocab);
    let norm_without = |f: &Frame| {
        let removed: f32 = f
            .words
            .iter()
            .filter(|w| rewarded.contains(&w.id))
            .map(|w| (w.weight * vocab.idf(w.id)).powi(2))
            .sum();
        (f.norm * f.norm - removed).max(0.0).sqrt()
    };
    let (na, nb) = (norm_without(a), norm_without(b));
    if na <= 0.0 || nb <= 0.0 {
        return (0.0, Vec::new());
    }
    let mut shared = Vec::new();
    let (mut i, mut j) = (0, 0);
    let mut only_a = Vec::new();
    let mut only_b = Vec::new();
    while i < a.words.len() && j < b.words.len() {
        let (x, y) = (a.words[i], b.words[j]);
        match x.id.cmp(&y.id) {
            std::cmp::Ordering::Equal => {
                if !rewarded.contains(&x.id) {
                    let idf = vocab.idf(x.id);
                    shared.push((x.id, y.id, x.weight * y.weight * idf * idf));
                }
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => {
                only_a.push(x);
                i += 1;
            }
            std::cmp::Ordering::Greater => {
                only_b.push(y);
                j += 1;
            }
        }
    }
    only_a.extend_from_slice(&a.words[i..]);
    only_b.extend_from_slice(&b.words[j..]);
    if !shared.is_empty() || a.head.is_some() || a.predicate.is_some() {
        shared.extend(fuzzy_matches(&only_a, &only_b, vocab));
    }
    only_a.retain(|w| !rewarded.contains(&w.id));
    only_b.retain(|w| !rewarded.contains(&w.id));
    let dot: f32 = shared.iter().map(|s| s.2).sum();
    let cos = (dot / (na * nb)).clamp(0.0, 1.0);
    for s in &mut shared {
        s.2 /= na * nb;
    }
    shared.sort_by(|x, y| y.2.total_cmp(&x.2).then(x.0.cmp(&y.0)));
    (cos, shared)
}

/// Ids of the counted noun and predicate word when both frames have the same one.
fn rewarded_words(a: &Frame, b: &Frame, vocab: &Vocab) -> Vec<u32> {
    let mut out = Vec::new();
    if let (Some(x), Some(y)) = (&a.head, &b.head) {
        if x.stem == y.stem {
            out.extend(vocab.id(&x.stem));
        }
    }
    if let (Some(x), Some(y)) = (&a.predicate, &b.predicate) {
        if x.stem == y.stem {
            out.extend(vocab.id(&x.stem));
        }
    }
    out
}

/// Pairs of words, one from each side, that are spellings of one word: for the
/// strongest unmatched words only, each word used once.
fn fuzzy_matches(
    only_a: &[super::frame::Weighted],
    only_b: &[super::frame::Weighted],
    vocab: &Vocab,
) -> Vec<(u32, u32, f32)> {
    let strongest = |ws: &[super::frame::Weighted]| {
        let mut v: Vec<_> = ws.to_vec();
        v.sort_by(|x, y| {
            (y.weight * vocab.idf(y.id))
                .total_cmp(&(x.weight * vocab.idf(x.id)))
                .then(x.id.cmp(&y.id))
        });
        v.truncate(FUZZY_WORDS);
        v
    };
    let xs = strongest(only_a);
    let mut ys = strongest(only_b);
    let mut out = Vec::new();
    for x in xs {
        let sx = vocab.surface(x.id);
        let found = ys.iter().position(|y| {
            let sy = vocab.surface(y.id);
            similar_spelling(sx, sy)
                || compound_of(sx, sy)
                || (x.proper && y.proper && name_form(sx, sy))
        });
        if let Some(k) = found {
            let y = ys.remove(k);
            let idf = vocab.idf(x.id).min(vocab.idf(y.id));
            out.push((x.id, y.id, x.weight * y.weight * idf * idf));
        }
    }
    out
}

/// Two spellings of one word: same first letter, long enough, and a Jaro-Winkler
/// similarity of at least 0.92 ("defence"/"defense", a transliterated name).
pub fn similar_spelling(a: &str, b: &str) -> bool {
    a.chars().next() == b.chars().next()
        && a.chars().count() >= 5
        && b.chars().count() >= 5
        && strsim::jaro_winkler(a, b) >= SPELLING_SIMILARITY
}

/// One word is the end of the other, a compound of it ("quake"/"earthquake",
/// "phone"/"telephone"); the shorter has at least five letters.
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
        assert!(similar_spelling("defence", "defense"));
        assert!(similar_spelling("kowalsky", "kowalski"));
        assert!(!similar_spelling("war", "was"));
        assert!(name_form("alex", "alexander"));
        assert!(compound_of("quake", "earthquake"));
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
            head_match(&head("jets", &["fighter"]), &head("jet", &[])),
            Some(HeadMatch::Same)
        );
        assert_eq!(
            head_match(&head("jets", &["fighter"]), &head("aircraft", &["fighter"])),
            Some(HeadMatch::Related)
        );
        assert_eq!(
            head_match(&head("jets", &[]), &head("helicopters", &[])),
            None
        );
        assert_eq!(
            head_match(
                &head("gunships", &["helicopter"]),
                &head("helicopters", &[])
            ),
            Some(HeadMatch::Related)
        );
        assert_eq!(
            head_match(&head("people", &[]), &head("civilians", &[])),
            Some(HeadMatch::Related)
        );
    }
}

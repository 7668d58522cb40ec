//! What a number counts, and the verb that applies to it.
//!
//! The counted thing is the head noun of the noun phrase after the number ("six
//! armoured river barges" counts "barge"; "tens of thousands of stranded
//! travellers" counts "traveller"), folded and made singular. The phrase ends at the
//! first word that cannot be part of it: a function word, punctuation, an adverb,
//! a verb form, or a name after common nouns. The predicate is the verb or
//! participle next to the phrase ("130,000 people evacuated", "has evacuated 130,000
//! people", "people have been safely evacuated"). Both are cheap heuristics,
//! not a parser: they are right on the common shapes of news sentences and say
//! nothing (`None`) rather than guess on the others.

use crate::text;

use super::tokens::View;

/// The noun phrase a number governs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Counted {
    /// The head noun, folded and singular ("jet").
    pub head: String,
    /// The whole phrase, folded, head singular ("armoured river barge").
    pub phrase: String,
    /// Index of the head's token.
    pub last: usize,
}

/// Most phrases are short; a longer run is more likely a misread.
const MAX_PHRASE_WORDS: usize = 5;

/// Words ending in "-ing" that are nouns, so they may head or continue a phrase.
const NOUNS_IN_ING: &[&str] = &[
    "bombing",
    "briefing",
    "building",
    "ceiling",
    "crossing",
    "dwelling",
    "evening",
    "filing",
    "gathering",
    "hearing",
    "holding",
    "housing",
    "killing",
    "landing",
    "meeting",
    "morning",
    "offering",
    "opening",
    "outing",
    "painting",
    "ring",
    "ruling",
    "setting",
    "shooting",
    "sibling",
    "spring",
    "string",
    "thing",
    "uprising",
    "warning",
    "wedding",
    "wing",
];

/// Words ending in "-ly" that are not adverbs.
const NOT_ADVERBS_IN_LY: &[&str] = &[
    "ally", "anomaly", "assembly", "belly", "bully", "family", "fly", "italy", "july", "monopoly",
    "rally", "reply", "supply",
];

/// Verb forms that end a noun phrase and may serve as a predicate, beyond the
/// regular "-ed" forms.
const VERBS: &[&str] = &[
    "appears",
    "arrive",
    "arrives",
    "became",
    "become",
    "becomes",
    "begins",
    "continues",
    "drags",
    "enters",
    "follows",
    "goes",
    "includes",
    "involves",
    "lasts",
    "marks",
    "nears",
    "rages",
    "seems",
    "shows",
    "stays",
    "threatens",
    "bring",
    "brings",
    "brought",
    "built",
    "came",
    "come",
    "comes",
    "die",
    "dies",
    "flee",
    "flees",
    "fled",
    "flew",
    "flown",
    "found",
    "gave",
    "get",
    "gets",
    "give",
    "given",
    "gives",
    "got",
    "grew",
    "grow",
    "grown",
    "had",
    "held",
    "kill",
    "kills",
    "left",
    "lose",
    "loses",
    "lost",
    "made",
    "paid",
    "remain",
    "risen",
    "rose",
    "said",
    "saw",
    "say",
    "says",
    "see",
    "seen",
    "sees",
    "send",
    "sends",
    "sent",
    "sold",
    "spent",
    "stood",
    "struck",
    "taken",
    "told",
    "took",
    "went",
    "were",
    "won",
];

/// Verb forms that are also nouns ("a strike", "the cost"): predicates before a
/// figure, but never the end of a noun phrase.
const NOUN_VERBS: &[&str] = &[
    "cost", "costs", "face", "faces", "fall", "falls", "hit", "hold", "holds", "leave", "pay",
    "pays", "remains", "rise", "rises", "sell", "sells", "spend", "spends", "stand", "stands",
    "strike", "strikes", "take", "takes", "win", "wins",
];

/// Participle-looking words that are adjectives or hedges, never predicates.
const NOT_VERBS_IN_ED: &[&str] = &[
    "alleged",
    "armed",
    "based",
    "estimated",
    "indeed",
    "limited",
    "need",
    "needed",
    "proposed",
    "related",
    "so-called",
    "speed",
    "united",
    "unnamed",
    "unidentified",
];

/// Words between a noun phrase and its verb that the predicate search steps over.
const AUXILIARIES: &[&str] = &[
    "already",
    "also",
    "are",
    "be",
    "been",
    "being",
    "had",
    "has",
    "have",
    "is",
    "now",
    "reportedly",
    "still",
    "was",
    "were",
    "who",
    "which",
    "that",
    "not",
];

/// Function words missing from the shared stop-word list that also end a phrase,
/// and adverbs of place and time that follow nouns ("a van nearby", "troops
/// abroad", "the budget late").
const PHRASE_BREAKERS: &[&str] = &[
    "abroad", "aged", "ago", "ahead", "along", "amid", "among", "another", "around", "away",
    "behind", "beyond", "despite", "earlier", "every", "inside", "last", "late", "later", "like",
    "minus", "near", "nearby", "next", "old", "onto", "outside", "overseas", "per", "plus",
    "since", "still", "though", "toward", "towards", "unless", "unlike", "versus", "via", "within",
    "without", "yet",
];

/// Adjectives that say what happened to what is counted, after "are", "were" ...
/// ("35 people are still missing").
const PREDICATE_ADJECTIVES: &[&str] = &["alive", "dead", "homeless", "missing"];

/// Short verb forms that the "-ed" rule misses and that end a counted phrase
/// ("25 people died", "300 residents fled").
const SHORT_VERBS: &[&str] = &[
    "die", "died", "dies", "fell", "fled", "flee", "hurt", "lost", "rose", "shot", "were", "was",
];

/// Determiners allowed after "of" before a counted phrase ("two of the jets").
const DETERMINERS: &[&str] = &["a", "an", "its", "our", "the", "their", "these", "those"];

/// Nouns that end in "s" but are not plurals, or whose plural is the same word.
const SAME_IN_PLURAL: &[&str] = &[
    "aircraft",
    "headquarters",
    "means",
    "news",
    "series",
    "species",
    "spacecraft",
    "whereabouts",
];

/// Words in "-men" that are not plurals of "-man".
const NOT_PLURAL_IN_MEN: &[&str] = &["abdomen", "regimen", "specimen", "stamen"];

/// Irregular plurals.
const IRREGULAR: &[(&str, &str)] = &[
    ("analyses", "analysis"),
    ("buses", "bus"),
    ("children", "child"),
    ("crises", "crisis"),
    ("feet", "foot"),
    ("geese", "goose"),
    ("halves", "half"),
    ("knives", "knife"),
    ("lives", "life"),
    ("men", "man"),
    ("mice", "mouse"),
    ("people", "person"),
    ("teeth", "tooth"),
    ("thieves", "thief"),
    ("wives", "wife"),
    ("women", "woman"),
];

/// Abbreviations of units, as the word they stand for ("75 lbs" counts pounds,
/// like "75 pounds").
fn unit_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "lb" | "lbs" => "pound",
        "kg" | "kgs" => "kilogram",
        "km" | "kms" => "kilometre",
        "kilometer" | "kilometers" | "kilometres" => "kilometre",
        "ft" => "foot",
        "mi" => "mile",
        "oz" => "ounce",
        _ => return None,
    })
}

/// Makes a folded noun singular by the regular English rules ("casualties" →
/// "casualty", "forces" → "force"), with a short list of irregular plurals. Words
/// that already look singular ("status", "crisis", "class") are kept.
pub(crate) fn singular(w: &str) -> String {
    if SAME_IN_PLURAL.contains(&w) {
        return w.to_string();
    }
    if let Some((_, s)) = IRREGULAR.iter().find(|(p, _)| *p == w) {
        return (*s).to_string();
    }
    if let Some(stem) = w.strip_suffix("men").filter(|s| s.len() >= 2)
        && !NOT_PLURAL_IN_MEN.contains(&w)
    {
        return format!("{stem}man");
    }
    if let Some(stem) = w.strip_suffix("ies").filter(|s| s.len() >= 2) {
        return format!("{stem}y");
    }
    for end in ["sses", "xes", "ches", "shes", "zzes"] {
        if w.ends_with(end) {
            return w[..w.len() - 2].to_string();
        }
    }
    if w.len() > 3 && w.ends_with('s') && !["ss", "us", "is", "'s"].iter().any(|e| w.ends_with(e)) {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// True when `w` ends in "-ing" and is not a known noun.
fn is_ing_verb(w: &str) -> bool {
    w.len() > 5 && w.ends_with("ing") && !NOUNS_IN_ING.contains(&w)
}

/// True when `w` is an adverb in "-ly".
fn is_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && !NOT_ADVERBS_IN_LY.contains(&w)
}

/// True when `w` looks like a past tense or participle ("drowned", "evacuated").
fn is_ed_form(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ed") && !NOT_VERBS_IN_ED.contains(&w)
}

/// Past forms that mark a clause as past, beyond the regular "-ed" forms.
const PAST_FORMS: &[&str] = &[
    "began", "came", "did", "fell", "fled", "flew", "gave", "got", "had", "held", "left", "lost",
    "made", "met", "rose", "said", "saw", "sent", "spoke", "struck", "told", "took", "was", "went",
    "were", "won", "wrote",
];

/// True when `w` is a past tense or participle ("said", "announced").
pub(crate) fn is_past_form(w: &str) -> bool {
    is_ed_form(w) || PAST_FORMS.contains(&w)
}

/// True when `w` is a verb form that can be a figure's predicate.
pub(crate) fn is_verb_like(w: &str) -> bool {
    is_ed_form(w) || VERBS.contains(&w) || NOUN_VERBS.contains(&w)
}

/// True when the word at `k` may belong to a counted noun phrase that already has
/// `taken` words, the last of which was capitalized when `prev_cap`.
fn may_continue(view: &View<'_>, k: usize, taken: usize, prev_cap: bool) -> bool {
    if !view.is_word(k) {
        return false;
    }
    let w = view.low(k);
    if text::is_stop_word(w) || PHRASE_BREAKERS.contains(&w) || VERBS.contains(&w) || is_adverb(w) {
        return false;
    }
    if is_ing_verb(w) {
        // "12 missing fishermen": an "-ing" adjective only when a noun follows.
        let next = view.low(k + 1);
        return view.is_word(k + 1)
            && !text::is_stop_word(next)
            && !PHRASE_BREAKERS.contains(&next)
            && !is_verb_like(next)
            && !is_ing_verb(next);
    }
    if super::dates::month_of(w).is_some() || super::relative::weekday_of(w).is_some() {
        return false;
    }
    if taken > 0 && (is_ed_form(w) || SHORT_VERBS.contains(&w)) {
        return false;
    }
    if taken > 0 && !prev_cap && view.is_capitalized(k) {
        // A name after common words ends the phrase ("jets Tuesday"), unless the
        // phrase goes on after it ("large Hip transport helicopters").
        let next = view.low(k + 1);
        return view.is_word(k + 1)
            && !view.is_capitalized(k + 1)
            && !text::is_stop_word(next)
            && !PHRASE_BREAKERS.contains(&next)
            && !is_verb_like(next);
    }
    true
}

/// The noun phrase starting at token `j` (after the number and its scale), through
/// a partitive "of" ("hundreds of air missions", "two of the jets"). When
/// `allow_comma` is set a comma right after the number may separate it from its
/// phrase ("a 28-month, bitter dispute").
pub(crate) fn counted_after(view: &View<'_>, j: usize, allow_comma: bool) -> Option<Counted> {
    let mut k = j;
    if allow_comma && view.raw(k) == "," {
        k += 1;
    }
    if view.is(k, "of") {
        k += 1;
        if DETERMINERS.contains(&view.low(k)) {
            k += 1;
        }
    }
    let mut words: Vec<usize> = Vec::new();
    while words.len() < MAX_PHRASE_WORDS {
        let prev_cap = words.last().is_some_and(|&p| view.is_capitalized(p));
        if !may_continue(view, k, words.len(), prev_cap) {
            break;
        }
        words.push(k);
        if view.low(k).ends_with("'s") {
            break;
        }
        k += 1;
    }
    let &last = words.last()?;
    let folded: Vec<String> = words
        .iter()
        .map(|&w| super::tokens::base(view.low(w)).to_string())
        .collect();
    let head_raw = view.raw(last);
    let name = words.len() > 1 && words.iter().all(|&w| view.is_capitalized(w));
    let head = if name {
        // A proper name ("a 29-year-old Jo Lund"): the whole name identifies it.
        folded.join(" ")
    } else if head_raw.len() > 1 && head_raw.chars().all(|c| !c.is_lowercase()) {
        folded[folded.len() - 1].clone()
    } else {
        let last = &folded[folded.len() - 1];
        unit_word(last).map_or_else(|| singular(last), str::to_string)
    };
    if head.is_empty() {
        return None;
    }
    let mut phrase: Vec<String> = folded[..folded.len() - 1].to_vec();
    if name {
        phrase = folded;
    } else {
        phrase.push(head.clone());
    }
    Some(Counted {
        head,
        phrase: phrase.join(" "),
        last,
    })
}

/// The predicate of a figure spanning tokens `first..=last`, whose counted phrase
/// (if any) ends at `phrase_end`: a verb after the phrase, else a verb before the
/// figure.
pub(crate) fn predicate(view: &View<'_>, first: usize, phrase_end: usize) -> Option<String> {
    after_phrase(view, phrase_end + 1).or_else(|| before_figure(view, first))
}

fn after_phrase(view: &View<'_>, mut k: usize) -> Option<String> {
    for _ in 0..4 {
        let w = view.low(k);
        if AUXILIARIES.contains(&w) || is_adverb(w) {
            k += 1;
            continue;
        }
        let verb = is_ed_form(w)
            || VERBS.contains(&w)
            || SHORT_VERBS.contains(&w)
            || PREDICATE_ADJECTIVES.contains(&w);
        return verb.then(|| w.to_string());
    }
    None
}

fn before_figure(view: &View<'_>, first: usize) -> Option<String> {
    let mut k = first.checked_sub(1)?;
    for _ in 0..3 {
        let w = view.low(k);
        if matches!(w, "already" | "also" | "reportedly" | "now") || is_adverb(w) {
            k = k.checked_sub(1)?;
            continue;
        }
        return (is_verb_like(w) || is_ing_verb(w)).then(|| w.to_string());
    }
    None
}

/// The subject noun of the verb at token `verb` ("the call had lasted" gives
/// "call"; "the cessation of hostilities lasts" gives "cessation"), singular.
pub(crate) fn subject_before(view: &View<'_>, verb: usize) -> Option<String> {
    let mut k = verb.checked_sub(1)?;
    while matches!(
        view.low(k),
        "had" | "has" | "have" | "will" | "would" | "could" | "may" | "might"
    ) {
        k = k.checked_sub(1)?;
    }
    if !view.is_word(k) || text::is_stop_word(view.low(k)) {
        return None;
    }
    if k >= 2 && view.is(k - 1, "of") && view.is_word(k - 2) && !text::is_stop_word(view.low(k - 2))
    {
        k -= 2;
    }
    Some(singular(view.low(k)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(s: &str) -> View<'_> {
        View::new(s, 0..s.len())
    }

    #[test]
    fn singular_forms() {
        assert_eq!(singular("casualties"), "casualty");
        assert_eq!(singular("forces"), "force");
        assert_eq!(singular("people"), "person");
        assert_eq!(singular("churches"), "church");
        assert_eq!(singular("status"), "status");
        assert_eq!(singular("aircraft"), "aircraft");
        assert_eq!(singular("bus"), "bus");
        assert_eq!(singular("gunmen"), "gunman");
        assert_eq!(singular("specimen"), "specimen");
    }

    #[test]
    fn head_noun_after_a_number() {
        let v = view("9 armoured river barges to the port");
        let c = counted_after(&v, 1, false).unwrap();
        assert_eq!(c.head, "barge");
        assert_eq!(c.phrase, "armoured river barge");
        let v = view("dozens of the stranded sailors were rescued");
        let c = counted_after(&v, 1, false).unwrap();
        assert_eq!(c.head, "sailor");
        assert_eq!(predicate(&v, 0, c.last).as_deref(), Some("rescued"));
    }

    #[test]
    fn unit_abbreviations_count_the_unit() {
        let v = view("75 lbs of flour");
        assert_eq!(counted_after(&v, 1, false).unwrap().head, "pound");
        let v = view("12 km of road");
        assert_eq!(counted_after(&v, 1, false).unwrap().head, "kilometre");
    }

    #[test]
    fn stops_at_names_verbs_and_function_words() {
        let v = view("6 ferries Tuesday");
        assert_eq!(counted_after(&v, 1, false).unwrap().head, "ferry");
        let v = view("12 said");
        assert_eq!(counted_after(&v, 1, false), None);
        let v = view("30 in the town");
        assert_eq!(counted_after(&v, 1, false), None);
    }

    #[test]
    fn predicate_before_the_figure() {
        let v = view("the flood has drowned 300 cattle and displaced thousands");
        assert_eq!(predicate(&v, 4, 5).as_deref(), Some("drowned"));
        assert_eq!(predicate(&v, 8, 8).as_deref(), Some("displaced"));
    }

    #[test]
    fn subject_of_a_duration_verb() {
        let v = view("the suspension of talks lasted a week");
        assert_eq!(subject_before(&v, 4).as_deref(), Some("suspension"));
    }
}

//! Word lists for finding who said a quotation: speech verbs, titles and roles,
//! honorifics, name particles and the head nouns of organisations. These are the
//! words around names, never names themselves. All lists are folded (lower case) and
//! sorted, so that lookup is a binary search.

/// Verbs that introduce or follow reported speech.
pub(crate) const SPEECH_VERBS: &[&str] = &[
    "acknowledged",
    "added",
    "admitted",
    "announced",
    "argued",
    "asked",
    "asserted",
    "cautioned",
    "claimed",
    "commented",
    "complained",
    "conceded",
    "concluded",
    "confirmed",
    "continued",
    "countered",
    "declared",
    "denied",
    "emphasised",
    "emphasized",
    "explained",
    "insisted",
    "maintained",
    "noted",
    "observed",
    "pledged",
    "promised",
    "quoted",
    "reads",
    "recalled",
    "remarked",
    "replied",
    "reported",
    "responded",
    "said",
    "saying",
    "says",
    "stated",
    "stressed",
    "suggested",
    "tells",
    "testified",
    "told",
    "tweeted",
    "urged",
    "warned",
    "wrote",
];

/// Words that may stand between a subject and its speech verb ("he also said",
/// "Smith has said", "she later told").
pub(crate) const VERB_FILLERS: &[&str] = &[
    "again", "also", "earlier", "had", "has", "have", "is", "later", "once", "then", "was",
];

/// Titles, ranks and roles that come before or after a name ("Defense Secretary",
/// "spokesman", "the British Foreign Secretary"). A name is what follows the last of
/// them.
pub(crate) const ROLE_WORDS: &[&str] = &[
    "adviser",
    "advisor",
    "ambassador",
    "analyst",
    "archbishop",
    "bishop",
    "captain",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "chief",
    "col",
    "colonel",
    "commander",
    "commissioner",
    "congressman",
    "congresswoman",
    "coordinator",
    "councillor",
    "councilor",
    "counterpart",
    "defence",
    "defense",
    "delegate",
    "deputy",
    "diplomat",
    "director",
    "economist",
    "editor",
    "envoy",
    "executive",
    "expert",
    "foreign",
    "gen",
    "general",
    "gov",
    "governor",
    "head",
    "inspector",
    "judge",
    "justice",
    "leader",
    "lieutenant",
    "lt",
    "manager",
    "master",
    "mayor",
    "mediator",
    "minister",
    "negotiator",
    "observer",
    "officer",
    "official",
    "pope",
    "premier",
    "president",
    "press",
    "prime",
    "professor",
    "prosecutor",
    "rep",
    "representative",
    "researcher",
    "secretary",
    "sen",
    "senator",
    "sergeant",
    "sgt",
    "sheriff",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "state",
    "vice",
];

/// Honorifics that mark a person and are dropped from the displayed name.
pub(crate) const HONORIFICS: &[&str] = &[
    "dame", "dr", "lady", "lord", "madam", "miss", "mr", "mrs", "ms", "prof", "sir",
];

/// Lower-case particles that may sit inside a name ("bin", "al-", "van").
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "abu", "al", "bin", "bint", "da", "de", "del", "della", "der", "di", "dos", "du", "el", "ibn",
    "la", "le", "van", "von",
];

/// Generational suffixes after a surname ("Jr.", "III"): the surname is before them.
pub(crate) const NAME_SUFFIXES: &[&str] = &["ii", "iii", "iv", "jr", "sr"];

/// Head nouns of organisations and documents: a speaker phrase containing one of these
/// names an institution or a text, not a person.
pub(crate) const ORG_WORDS: &[&str] = &[
    "administration",
    "agency",
    "army",
    "assembly",
    "association",
    "authority",
    "bank",
    "board",
    "bureau",
    "cabinet",
    "command",
    "commission",
    "committee",
    "company",
    "congress",
    "corporation",
    "council",
    "court",
    "department",
    "force",
    "forces",
    "foundation",
    "government",
    "group",
    "house",
    "institute",
    "ministry",
    "network",
    "news",
    "newspaper",
    "office",
    "organisation",
    "organization",
    "parliament",
    "party",
    "police",
    "read-out",
    "readout",
    "report",
    "senate",
    "service",
    "statement",
    "times",
    "union",
    "university",
];

/// Determiners that start a descriptive speaker phrase ("the spokesman", "a senior
/// official"). "the" refers back to someone named before; the others do not.
pub(crate) const INDEFINITE: &[&str] = &["a", "an", "another", "one", "some"];

/// Personal pronouns that refer back to one person.
pub(crate) const PRONOUNS: &[&str] = &["he", "she"];

/// Function words that may be capitalized (opening a sentence, or in a headline's
/// title case) but are never part of a name: a name starts after them.
pub(crate) const SENTENCE_OPENERS: &[&str] = &[
    "according",
    "after",
    "although",
    "and",
    "as",
    "at",
    "because",
    "before",
    "between",
    "but",
    "by",
    "during",
    "for",
    "from",
    "however",
    "if",
    "in",
    "instead",
    "meanwhile",
    "on",
    "over",
    "plus",
    "since",
    "speaking",
    "still",
    "the",
    "though",
    "to",
    "under",
    "when",
    "while",
    "with",
    "yet",
];

/// Abbreviations after which a full stop does not end a sentence.
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "col", "dr", "gen", "gov", "jr", "lt", "mr", "mrs", "ms", "no", "prof", "rep", "sen", "sgt",
    "sr", "st",
];

/// True when `folded` is in the sorted list.
pub(crate) fn is_in(list: &[&str], folded: &str) -> bool {
    list.binary_search(&folded).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_and_folded() {
        for list in [
            SPEECH_VERBS,
            VERB_FILLERS,
            ROLE_WORDS,
            HONORIFICS,
            NAME_PARTICLES,
            NAME_SUFFIXES,
            ORG_WORDS,
            INDEFINITE,
            PRONOUNS,
            SENTENCE_OPENERS,
            ABBREVIATIONS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.iter().all(|w| w.to_lowercase() == *w), "{list:?}");
        }
    }
}

//! Word lists the sentence rules consult: abbreviations by how they behave before the
//! next word, the words that typically open a sentence, and verbs of speech.
//!
//! The lists are data compiled into the binary. Matching is by exact spelling, with
//! two relaxations: an entry written in lower case matches in any case ("etc" matches
//! "Etc"), and an entry of three letters or more also matches in capitals ("CORP").

use std::sync::LazyLock;

/// How an abbreviation behaves when a capitalised word or a number follows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// Always followed by more of the same sentence: titles before a name ("Mr.",
    /// "Gen.") and connectives ("e.g.", "vs.").
    Prefix,
    /// Ends the sentence only when the next word is a typical sentence opener: "Acme
    /// Inc. The firm" ends, "Acme Inc. Chairman" and "Sept. 17" do not.
    Ambiguous,
    /// Ends the sentence whenever a capitalised word follows, as "etc." usually does.
    Closing,
}

/// Titles and connectives that never end a sentence before a capitalised word.
const PREFIX: &[&str] = &[
    "Adm", "Ald", "Amb", "Asst", "Atty", "Brig", "Capt", "Cdr", "Cllr", "Cmdr", "Col", "Comdr",
    "Cpl", "Dr", "Drs", "Gen", "Gov", "Hon", "Const", "Insp", "Lt", "Maj", "Messrs", "Mlle", "Mme",
    "Mmes", "Mr", "Mrs", "Ms", "Msgr", "Mssrs", "Mt", "Mx", "Pfc", "Pres", "Prof", "Pvt", "Rep",
    "Reps", "Rev", "Rt", "Sen", "Sens", "Sgt", "Spc", "Supt", "cf", "e.g", "i.e", "viz", "vs",
];

/// Abbreviations that may end a sentence: company and address suffixes, name suffixes,
/// months and weekdays, reference words before numbers, units, US state abbreviations.
const AMBIGUOUS: &[&str] = &[
    // Companies, organisations and name suffixes.
    "Assn", "Bros", "co", "Corp", "Cos", "Dept", "Esq", "Inc", "Intl", "Jr", "Ltd", "Natl", "Plc",
    "Sr", "Univ", // Addresses and places.
    "Ave", "Blvd", "Ct", "Ft", "Hwy", "Ln", "Pl", "Rd", "st", "Ste", "Sts",
    // Months and weekdays.
    "Apr", "Aug", "Dec", "Feb", "Jan", "Jul", "Jun", "Mar", "Nov", "Oct", "Sep", "Sept", "Fri",
    "Mon", "Sat", "Sun", "Thu", "Thur", "Thurs", "Tue", "Tues", "Wed",
    // Reference words, usually before a number.
    "Art", "Arts", "Ch", "Chap", "Eq", "Eqs", "No", "N°", "Nº", "Nos", "Op", "Para", "Pt", "Rs",
    "Sec", "Sect", "Tel", "Vol", "Vols", "ch", "fig", "figs", "nos", "p", "pp", "para", "vol",
    "vols", // Scholarly and general lower-case abbreviations.
    "al", "approx", "asst", "assoc", "av", "avg", "ca", "dept", "ed", "eds", "esp", "est", "govt",
    "ibid", "incl", "max", "min", "misc", "mln", "mn", "bn", "bln", "ext", "pct", "orig", "ref",
    "resp", "trans", // Units.
    "cm", "cu", "ft", "gal", "in", "kg", "km", "mg", "ml", "mm", "hr", "hrs", "lb", "lbs", "mi",
    "mins", "mo", "mos", "oz", "pt", "qt", "sq", "tbsp", "tsp", "wk", "wks", "yd", "yr", "yrs",
    // US state abbreviations in the style of news agencies.
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Mass", "Md", "Mich", "Minn", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa", "Tenn", "Tex",
    "Va", "Vt", "Wash", "Wis", "Wyo",
];

/// Abbreviations that end a sentence whenever a capitalised word follows.
const CLOSING: &[&str] = &["etc"];

/// Words that typically open an English sentence. A capitalised abbreviation such as
/// "Inc." or "U.S." ends a sentence only when one of these follows it.
const STARTERS: &[&str] = &[
    "A",
    "About",
    "According",
    "After",
    "Afterwards",
    "Again",
    "Against",
    "All",
    "Along",
    "Already",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "Another",
    "Any",
    "Are",
    "As",
    "Asked",
    "At",
    "Because",
    "Before",
    "Being",
    "Both",
    "But",
    "By",
    "Can",
    "Could",
    "Despite",
    "Did",
    "Do",
    "Does",
    "During",
    "Each",
    "Earlier",
    "Eight",
    "Either",
    "Even",
    "Every",
    "Few",
    "Finally",
    "First",
    "Five",
    "For",
    "Four",
    "From",
    "Further",
    "Had",
    "Has",
    "Have",
    "He",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Indeed",
    "Instead",
    "Is",
    "It",
    "Its",
    "Just",
    "Last",
    "Later",
    "Let",
    "Many",
    "Meanwhile",
    "More",
    "Moreover",
    "Most",
    "Much",
    "My",
    "Neither",
    "Never",
    "Nevertheless",
    "Next",
    "Nine",
    "No",
    "None",
    "Nor",
    "Not",
    "Now",
    "Of",
    "On",
    "Once",
    "One",
    "Only",
    "Or",
    "Other",
    "Others",
    "Our",
    "Over",
    "Perhaps",
    "Rather",
    "Seven",
    "Several",
    "She",
    "Should",
    "Since",
    "Six",
    "So",
    "Some",
    "Soon",
    "Still",
    "Such",
    "Ten",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Three",
    "Thus",
    "To",
    "Today",
    "Tomorrow",
    "Two",
    "Under",
    "Unlike",
    "Until",
    "Was",
    "We",
    "Were",
    "What",
    "When",
    "Where",
    "Whether",
    "Which",
    "While",
    "Who",
    "Why",
    "With",
    "Within",
    "Without",
    "Would",
    "Yesterday",
    "Yet",
    "You",
    "Your",
];

/// Verbs that introduce or follow a quotation ("..." she said).
const SPEECH_VERBS: &[&str] = &[
    "acknowledged",
    "add",
    "added",
    "adds",
    "admitted",
    "agreed",
    "announced",
    "answered",
    "argued",
    "asked",
    "asks",
    "boasted",
    "cautioned",
    "claimed",
    "commented",
    "complained",
    "conceded",
    "concluded",
    "continued",
    "countered",
    "cried",
    "declared",
    "explained",
    "insisted",
    "joked",
    "laughed",
    "murmured",
    "muttered",
    "noted",
    "observed",
    "pleaded",
    "quipped",
    "recalled",
    "remarked",
    "replied",
    "replies",
    "responded",
    "said",
    "say",
    "says",
    "shouted",
    "sighed",
    "snapped",
    "stated",
    "states",
    "suggested",
    "tell",
    "tells",
    "told",
    "tweeted",
    "urged",
    "warned",
    "whispered",
    "writes",
    "wrote",
    "yelled",
];

/// All abbreviations, sorted by their lower-case spelling for binary search.
static ABBREVIATIONS: LazyLock<Vec<(&'static str, Abbrev)>> = LazyLock::new(|| {
    let mut all: Vec<(&'static str, Abbrev)> = PREFIX
        .iter()
        .map(|w| (*w, Abbrev::Prefix))
        .chain(AMBIGUOUS.iter().map(|w| (*w, Abbrev::Ambiguous)))
        .chain(CLOSING.iter().map(|w| (*w, Abbrev::Closing)))
        .collect();
    all.sort_by(|a, b| cmp_folded(a.0, b.0).then(a.0.cmp(b.0)));
    all
});

/// Compares two ASCII-ish words ignoring case, without allocating.
fn cmp_folded(a: &str, b: &str) -> std::cmp::Ordering {
    let a = a.bytes().map(|c| c.to_ascii_lowercase());
    let b = b.bytes().map(|c| c.to_ascii_lowercase());
    a.cmp(b)
}

/// True when `word` is spelled as `entry` under the matching rules of this module.
fn spelled_as(word: &str, entry: &str) -> bool {
    if word == entry {
        return true;
    }
    let entry_is_lower = entry.bytes().all(|c| !c.is_ascii_uppercase());
    let word_is_caps = word.bytes().all(|c| !c.is_ascii_lowercase());
    entry_is_lower || (word_is_caps && entry.len() >= 3)
}

/// The class of `word` (the word before a period, without the period) when it is a
/// known abbreviation.
pub(crate) fn abbreviation(word: &str) -> Option<Abbrev> {
    let list = &*ABBREVIATIONS;
    let first = list.partition_point(|(e, _)| cmp_folded(e, word).is_lt());
    list[first..]
        .iter()
        .take_while(|(e, _)| cmp_folded(e, word).is_eq())
        .find(|(e, _)| spelled_as(word, e))
        .map(|(_, class)| *class)
}

/// True when `word` typically opens a sentence. Contractions count by their first
/// part ("It's" as "It"), and a word in capitals counts too ("THE").
pub(crate) fn is_starter(word: &str) -> bool {
    let base = word.split(['\'', '’']).next().unwrap_or(word);
    let mut chars = base.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_uppercase() {
        return false;
    }
    if STARTERS.binary_search(&base).is_ok() {
        return true;
    }
    base.len() > 1
        && base.chars().all(|c| c.is_uppercase())
        && STARTERS.iter().any(|s| s.eq_ignore_ascii_case(base))
}

/// Weekday and month names, in full.
const CALENDAR: &[&str] = &[
    "April",
    "August",
    "December",
    "February",
    "Friday",
    "January",
    "July",
    "June",
    "March",
    "May",
    "Monday",
    "November",
    "October",
    "Saturday",
    "September",
    "Sunday",
    "Thursday",
    "Tuesday",
    "Wednesday",
];

/// True for the full name of a weekday or a month ("Monday", "March").
pub(crate) fn is_calendar_name(word: &str) -> bool {
    CALENDAR.binary_search(&word).is_ok()
}

/// True when `word` is a verb of speech, in lower case ("said", "asked").
pub(crate) fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        assert!(STARTERS.windows(2).all(|w| w[0] < w[1]));
        assert!(SPEECH_VERBS.windows(2).all(|w| w[0] < w[1]));
        assert!(CALENDAR.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn abbreviations_match_by_case_rules() {
        assert_eq!(abbreviation("Mr"), Some(Abbrev::Prefix));
        assert_eq!(abbreviation("mr"), None);
        assert_eq!(abbreviation("CORP"), Some(Abbrev::Ambiguous));
        assert_eq!(abbreviation("Etc"), Some(Abbrev::Closing));
        assert_eq!(abbreviation("e.g"), Some(Abbrev::Prefix));
        assert_eq!(abbreviation("mass"), None);
        assert_eq!(abbreviation("Mass"), Some(Abbrev::Ambiguous));
        assert_eq!(abbreviation("MS"), None);
        assert_eq!(abbreviation("house"), None);
    }

    #[test]
    fn starters_include_contractions_and_capitals() {
        assert!(is_starter("The"));
        assert!(is_starter("It's"));
        assert!(is_starter("THE"));
        assert!(!is_starter("the"));
        assert!(!is_starter("Halvorsen"));
        assert!(!is_starter("Eastern"));
    }
}

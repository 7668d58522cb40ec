//! Word lists that comparison reads: general English news vocabulary, compiled into
//! the binary. None of them names a person, place or event: they say which verbs
//! and nouns describe the same kind of happening ("killed", "deaths", "toll") and
//! which words carry no information about what a figure measures ("said", "year").

use super::hash::{FastMap, FastSet};
use std::sync::LazyLock;

/// Classes of predicates: words that say what happened to the thing a figure
/// counts or dates. Two figures whose predicates fall in different classes are
/// never the same fact ("killed 300" and "displaced 300").
const PREDICATE_CLASSES: &[(&str, &[&str])] = &[
    (
        "death",
        &[
            "kill",
            "kills",
            "killed",
            "killing",
            "killings",
            "die",
            "dies",
            "died",
            "dying",
            "dead",
            "death",
            "deaths",
            "toll",
            "tolls",
            "fatalities",
            "fatality",
            "perished",
            "slain",
            "massacred",
            "drowned",
        ],
    ),
    (
        "injury",
        &[
            "injure",
            "injures",
            "injured",
            "injuring",
            "injuries",
            "injury",
            "wound",
            "wounds",
            "wounded",
            "wounding",
            "hurt",
            "maimed",
            "treated",
            "hospitalised",
            "hospitalized",
        ],
    ),
    (
        "displacement",
        &[
            "displace",
            "displaces",
            "displaced",
            "displacing",
            "displacement",
            "homeless",
            "uprooted",
        ],
    ),
    (
        "evacuation",
        &[
            "evacuate",
            "evacuates",
            "evacuated",
            "evacuating",
            "evacuation",
            "evacuations",
            "evacuees",
        ],
    ),
    (
        "flight",
        &[
            "fled", "flee", "flees", "fleeing", "refugee", "refugees", "exodus", "escaped",
        ],
    ),
    (
        "detention",
        &[
            "arrest",
            "arrests",
            "arrested",
            "arresting",
            "detain",
            "detains",
            "detained",
            "detaining",
            "detention",
            "jailed",
            "imprisoned",
            "custody",
        ],
    ),
    (
        "seizure",
        &[
            "seize",
            "seizes",
            "seized",
            "seizing",
            "seizure",
            "seizures",
            "impound",
            "impounded",
            "confiscate",
            "confiscated",
            "confiscation",
            "captured",
        ],
    ),
    (
        "deployment",
        &[
            "deploy",
            "deploys",
            "deployed",
            "deploying",
            "deployment",
            "send",
            "sends",
            "sent",
            "sending",
            "dispatch",
            "dispatched",
            "dispatching",
            "stationed",
            "arrive",
            "arrives",
            "arrived",
            "arriving",
        ],
    ),
    (
        "interruption",
        &[
            "suspend",
            "suspends",
            "suspended",
            "suspending",
            "suspension",
            "freeze",
            "freezes",
            "froze",
            "frozen",
            "freezing",
            "broke",
            "break",
            "breaks",
            "sever",
            "severs",
            "severed",
            "severing",
            "halt",
            "halts",
            "halted",
            "halting",
            "interrupted",
            "stoppage",
            "standstill",
            "hiatus",
            "pause",
            "paused",
        ],
    ),
    (
        "start",
        &[
            "begin",
            "begins",
            "began",
            "begun",
            "beginning",
            "start",
            "starts",
            "started",
            "starting",
            "launch",
            "launches",
            "launched",
            "launching",
            "renew",
            "renews",
            "renewed",
            "renewing",
            "resume",
            "resumes",
            "resumed",
            "resuming",
            "restart",
            "restarted",
            "initiate",
            "initiates",
            "initiated",
            "initiating",
        ],
    ),
    (
        "end",
        &["ended", "ending", "concluded", "finished", "expired"],
    ),
    (
        "pledge",
        &[
            "pledge",
            "pledged",
            "pledges",
            "promised",
            "promises",
            "committed",
            "earmarked",
            "allocated",
            "donated",
        ],
    ),
    (
        "missing",
        &["missing", "unaccounted", "disappeared", "vanished"],
    ),
    ("rescue", &["rescued", "saved", "plucked", "pulled"]),
    (
        "aboard",
        &["aboard", "onboard", "carrying", "carried", "carries"],
    ),
    ("lasting", &["lasted", "lasting"]),
    (
        "spending",
        &[
            "cost",
            "costs",
            "costing",
            "spent",
            "spend",
            "spends",
            "spending",
            "paid",
            "pay",
            "pays",
            "paying",
            "budget",
            "funding",
            "funded",
            "invest",
            "invested",
            "investment",
        ],
    ),
    ("vote", &["vote", "votes", "voted", "ballots", "elected"]),
    (
        "approval",
        &[
            "approve",
            "approves",
            "approved",
            "approving",
            "approval",
            "endorsed",
        ],
    ),
    (
        "overthrow",
        &[
            "oust",
            "ousts",
            "ousted",
            "ousting",
            "overthrow",
            "overthrew",
            "overthrown",
            "topple",
            "toppled",
            "toppling",
            "depose",
            "deposed",
            "coup",
        ],
    ),
    (
        "rejection",
        &[
            "reject",
            "rejects",
            "rejected",
            "rejecting",
            "rejection",
            "opposed",
        ],
    ),
];

/// Classes of counted nouns that name the same kind of thing, so that "240 people"
/// and "240 civilians" or "six barges" and "six boats" may be one fact.
const NOUN_CLASSES: &[(&str, &[&str])] = &[
    (
        "people",
        &[
            "people",
            "person",
            "persons",
            "civilian",
            "civilians",
            "individual",
            "individuals",
            "resident",
            "residents",
            "inhabitant",
            "inhabitants",
            "citizen",
            "citizens",
            "victim",
            "victims",
            "passenger",
            "passengers",
        ],
    ),
    (
        "aircraft",
        &[
            "aircraft",
            "plane",
            "planes",
            "jet",
            "jets",
            "warplane",
            "warplanes",
            "airplane",
            "airplanes",
            "fighter",
            "fighters",
            "bomber",
            "bombers",
        ],
    ),
    (
        "helicopter",
        &[
            "helicopter",
            "helicopters",
            "chopper",
            "choppers",
            "gunship",
            "gunships",
        ],
    ),
    (
        "troops",
        &[
            "troop",
            "troops",
            "soldier",
            "soldiers",
            "servicemen",
            "personnel",
            "forces",
            "force",
            "marines",
            "infantry",
        ],
    ),
    (
        "ship",
        &[
            "ship",
            "ships",
            "vessel",
            "vessels",
            "boat",
            "boats",
            "warship",
            "warships",
            "frigate",
            "frigates",
            "destroyer",
            "destroyers",
            "corvette",
            "corvettes",
        ],
    ),
    (
        "child",
        &["child", "children", "kid", "kids", "minor", "minors"],
    ),
    (
        "home",
        &["home", "homes", "house", "houses", "dwelling", "dwellings"],
    ),
    (
        "talks",
        &[
            "call",
            "calls",
            "conversation",
            "conversations",
            "talk",
            "talks",
            "meeting",
            "meetings",
            "meet",
            "dialogue",
            "discussion",
            "discussions",
            "negotiation",
            "negotiations",
            "consultations",
            "session",
            "sessions",
        ],
    ),
];

/// Verbs that report or size a figure without saying what happened ("officials
/// confirmed 340 deaths", "the toll rose to 63"): never taken as a figure's
/// predicate, so that the event word further away is.
const TRANSPARENT_VERBS: &[&str] = &[
    "announced",
    "climbed",
    "confirmed",
    "counted",
    "estimated",
    "exceeded",
    "included",
    "increased",
    "jumped",
    "listed",
    "numbered",
    "passed",
    "raised",
    "reached",
    "recorded",
    "registered",
    "reported",
    "revised",
    "risen",
    "rose",
    "stood",
    "surpassed",
    "topped",
    "totalled",
    "totaled",
    "updated",
];

/// True for verbs that report or size a figure rather than say what happened.
pub fn is_transparent_verb(folded: &str) -> bool {
    TRANSPARENT_VERBS.contains(&folded)
}

/// Words that mark a report rather than say anything about its content, and
/// connectives: kept out of the context a figure is compared on.
const CONTEXT_STOP_WORDS: &[&str] = &[
    "according",
    "added",
    "adding",
    "already",
    "although",
    "among",
    "another",
    "around",
    "away",
    "cannot",
    "claimed",
    "did",
    "else",
    "ever",
    "fact",
    "however",
    "latest",
    "least",
    "like",
    "made",
    "make",
    "many",
    "meanwhile",
    "mr",
    "mrs",
    "ms",
    "nearly",
    "news",
    "noted",
    "one",
    "ones",
    "per",
    "quoted",
    "recently",
    "reported",
    "reportedly",
    "reports",
    "roughly",
    "said",
    "say",
    "saying",
    "says",
    "several",
    "since",
    "some",
    "still",
    "tell",
    "telling",
    "tells",
    "though",
    "told",
    "via",
    "well",
    "whether",
    "within",
    "without",
    "yet",
];

/// Words of time expressions: they surround every date and say nothing about which
/// event the date belongs to.
const TEMPORAL_WORDS: &[&str] = &[
    "ago",
    "apr",
    "april",
    "aug",
    "august",
    "autumn",
    "century",
    "day",
    "days",
    "dec",
    "decade",
    "decades",
    "december",
    "earlier",
    "feb",
    "february",
    "fall",
    "friday",
    "hour",
    "hours",
    "jan",
    "january",
    "jul",
    "july",
    "jun",
    "june",
    "last",
    "later",
    "mar",
    "march",
    "may",
    "minute",
    "minutes",
    "mon",
    "monday",
    "month",
    "months",
    "morning",
    "next",
    "night",
    "nov",
    "november",
    "oct",
    "october",
    "past",
    "recent",
    "sat",
    "saturday",
    "sep",
    "sept",
    "september",
    "spring",
    "summer",
    "sun",
    "sunday",
    "this",
    "thu",
    "thursday",
    "today",
    "tomorrow",
    "tonight",
    "tue",
    "tuesday",
    "wed",
    "wednesday",
    "week",
    "weeks",
    "winter",
    "year",
    "years",
    "yesterday",
];

/// Words that state numbers beyond the cardinals of [`crate::text::NUMBER_WORDS`]
/// (ordinals, fractions, vague plurals): like them, the figure, not its context.
const NUMBER_LIKE_WORDS: &[&str] = &[
    "billions", "first", "half", "quarter", "second", "tens", "third",
];

/// The names of all predicate classes.
pub fn predicate_class_names() -> impl Iterator<Item = &'static str> {
    PREDICATE_CLASSES.iter().map(|(c, _)| *c)
}

/// The names of all noun classes.
pub fn noun_class_names() -> impl Iterator<Item = &'static str> {
    NOUN_CLASSES.iter().map(|(c, _)| *c)
}

/// Predicate class of a word, by its folded form. Only the forms listed count:
/// looking up by stem would make "land" a deployment (from "landed").
pub fn predicate_class(folded: &str) -> Option<&'static str> {
    static MAP: LazyLock<FastMap<&'static str, &'static str>> =
        LazyLock::new(|| class_map(PREDICATE_CLASSES));
    MAP.get(folded).copied()
}

/// Noun class of a counted noun, by its folded form.
pub fn noun_class(folded: &str) -> Option<&'static str> {
    static MAP: LazyLock<FastMap<&'static str, &'static str>> =
        LazyLock::new(|| class_map(NOUN_CLASSES));
    MAP.get(folded).copied()
}

fn class_map(classes: &[(&'static str, &[&'static str])]) -> FastMap<&'static str, &'static str> {
    let mut map = FastMap::default();
    for (class, words) in classes {
        for w in *words {
            map.insert(*w, *class);
        }
    }
    map
}

/// True when a folded word says nothing about which fact a figure states: a stop
/// word, a reporting verb, a time word or a number word.
pub fn is_context_noise(folded: &str) -> bool {
    static NOISE: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
        crate::text::STOP_WORDS
            .iter()
            .chain(CONTEXT_STOP_WORDS)
            .chain(TEMPORAL_WORDS)
            .chain(crate::text::NUMBER_WORDS)
            .chain(NUMBER_LIKE_WORDS)
            .copied()
            .collect()
    });
    NOISE.contains(folded)
}

/// True for words of time expressions ("March", "last", "week").
pub fn is_temporal(folded: &str) -> bool {
    static TEMPORAL: LazyLock<FastSet<&'static str>> =
        LazyLock::new(|| TEMPORAL_WORDS.iter().copied().collect());
    TEMPORAL.contains(folded)
}

/// A crude English stem: enough to make "killed", "kills" and "killing" one word,
/// and "conversations" the same as "conversation". It never needs to be a real
/// word, only the same for forms of one word.
pub fn stem(folded: &str) -> String {
    let w = folded
        .strip_suffix("'s")
        .or_else(|| folded.strip_suffix('\''))
        .unwrap_or(folded);
    let n = w.chars().count();
    let cut = |suffix: &str, min: usize| -> Option<&str> {
        w.strip_suffix(suffix)
            .filter(|rest| rest.chars().count() >= min)
    };
    let base: String = if let Some(r) = cut("ies", 3) {
        format!("{r}y")
    } else if let Some(r) = cut("sses", 2) {
        format!("{r}ss")
    } else if let Some(r) = cut("ing", 3) {
        undouble(r)
    } else if let Some(r) = cut("ed", 3) {
        undouble(r)
    } else if n > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w[..w.len() - 1].to_string()
    } else {
        w.to_string()
    };
    match base.strip_suffix('e') {
        Some(r) if r.chars().count() >= 3 => r.to_string(),
        _ => base,
    }
}

/// "stopp" -> "stop": the doubled consonant of "stopped" and "stopping".
fn undouble(r: &str) -> String {
    let mut chars = r.chars().rev();
    match (chars.next(), chars.next()) {
        (Some(a), Some(b)) if a == b && !"aeiousl".contains(a) => {
            r[..r.len() - a.len_utf8()].to_string()
        }
        _ => r.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_join_forms_of_one_word() {
        assert_eq!(stem("killed"), stem("kills"));
        assert_eq!(stem("killing"), stem("kill"));
        assert_eq!(stem("conversations"), stem("conversation"));
        assert_eq!(stem("displaced"), stem("displace"));
        assert_eq!(stem("stopped"), stem("stop"));
        assert_eq!(stem("casualties"), stem("casualty"));
        assert_eq!(stem("minister's"), stem("minister"));
        assert_ne!(stem("bus"), stem("bu"));
    }

    #[test]
    fn classes_are_found_by_any_form() {
        assert_eq!(predicate_class("deaths"), Some("death"));
        assert_eq!(predicate_class("killings"), Some("death"));
        assert_eq!(predicate_class("suspended"), Some("interruption"));
        assert_eq!(predicate_class("minister"), None);
        assert_eq!(noun_class("warplanes"), Some("aircraft"));
        assert_eq!(noun_class("civilians"), noun_class("people"));
        assert_eq!(noun_class("table"), None);
    }

    #[test]
    fn no_class_word_shares_its_stem_with_a_common_word_of_another_meaning() {
        // Lookups go by stem, so "landed" would make "land" a deployment and
        // "lives" would make "living" a death.
        for word in ["land", "living", "live", "open", "fund", "stop"] {
            assert_eq!(predicate_class(word), None, "{word}");
        }
    }

    #[test]
    fn noise_words_are_recognized() {
        assert!(is_context_noise("said"));
        assert!(is_context_noise("september"));
        assert!(is_context_noise("thousands"));
        assert!(!is_context_noise("earthquake"));
    }

    #[test]
    fn word_lists_hold_no_duplicates_within_a_class_list() {
        for list in [
            CONTEXT_STOP_WORDS,
            TEMPORAL_WORDS,
            NUMBER_LIKE_WORDS,
            TRANSPARENT_VERBS,
        ] {
            let mut v = list.to_vec();
            v.sort_unstable();
            v.dedup();
            assert_eq!(v.len(), list.len());
        }
    }
}

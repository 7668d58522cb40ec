//! Dates written before a noun, as its modifier: "the 2016 election", "the June
//! 14 coup", "his 2019 salary", "the 2012 model", "the June 9 bombers", "a
//! Tuesday press briefing".
//!
//! Such a date either dates an event or labels a thing:
//! - when a word of the noun phrase names an occurrence ([`EVENT_NOUNS`]: an
//!   election, a coup, an attack, a hearing ...), the date is when that event
//!   happened: it stays [`Role::Stated`] and the phrase becomes the date's
//!   `counted`, so that comparison knows what it dates;
//! - otherwise the date says which thing is meant (a salary, a budget, a model, a
//!   season, a law, the people who did something on that day) and dates no event
//!   of its sentence: it becomes [`Role::Label`], the phrase its `counted`. It is
//!   kept, for a label may be compared with the same label elsewhere.
//!
//! A date is a modifier only in modifier position: right before the noun phrase,
//! and not right after a preposition or a verb ("in 2016 voters chose", "said
//! Tuesday officials had"), where it is an adverbial of its clause. A weekday is a
//! modifier only after a determiner ("a Tuesday briefing") or in its possessive
//! form ("Tuesday's vote"). Dates relative to publication through "last", "this"
//! or "next" ("last year's election") are left alone.

use crate::figure::{FigureKind, Role, Value};
use crate::text;

use super::Match;
use super::dates;
use super::relative;
use super::tokens::View;
use super::units;

/// Nouns of occurrences: a date before one of them dates it. Things that are
/// named by a year without happening in it (a law, a treaty, a budget, a model, a
/// season, a report) are not here.
const EVENT_NOUNS: &[&str] = &[
    "abduction",
    "accident",
    "acquittal",
    "airstrike",
    "ambush",
    "announcement",
    "appointment",
    "arrest",
    "arrival",
    "assassination",
    "assault",
    "attack",
    "ballot",
    "battle",
    "bid",
    "blackout",
    "blast",
    "blaze",
    "bombing",
    "briefing",
    "by-election",
    "campaign",
    "capture",
    "caucus",
    "celebration",
    "ceremony",
    "clash",
    "closing",
    "collapse",
    "collision",
    "conference",
    "convention",
    "conviction",
    "coup",
    "crackdown",
    "crash",
    "crisis",
    "cyclone",
    "deadline",
    "death",
    "debate",
    "departure",
    "derailment",
    "disappearance",
    "disaster",
    "drought",
    "earthquake",
    "election",
    "eruption",
    "event",
    "execution",
    "explosion",
    "fire",
    "flood",
    "flooding",
    "gathering",
    "hearing",
    "heist",
    "hijacking",
    "hurricane",
    "inauguration",
    "incident",
    "indictment",
    "interview",
    "invasion",
    "kidnapping",
    "killing",
    "landing",
    "landslide",
    "launch",
    "massacre",
    "meeting",
    "midterm",
    "murder",
    "nomination",
    "offensive",
    "opening",
    "outbreak",
    "parade",
    "plebiscite",
    "primary",
    "protest",
    "quake",
    "race",
    "raid",
    "rally",
    "recession",
    "referendum",
    "release",
    "resignation",
    "revolution",
    "riot",
    "robbery",
    "ruling",
    "run",
    "runoff",
    "sentencing",
    "shelling",
    "shooting",
    "shutdown",
    "siege",
    "sinking",
    "speech",
    "spill",
    "stabbing",
    "storm",
    "strike",
    "summit",
    "surrender",
    "takeover",
    "talk",
    "tornado",
    "trial",
    "tsunami",
    "typhoon",
    "uprising",
    "verdict",
    "visit",
    "vote",
    "war",
    "wedding",
    "wildfire",
];

/// Words before a weekday that make it a modifier ("a Tuesday briefing").
const DETERMINERS: &[&str] = &[
    "a", "an", "her", "his", "its", "my", "our", "that", "the", "their", "this", "your",
];

/// Words right before a date that make it an adverbial of its clause, not a
/// modifier, beyond the prepositions of dates.
const ADVERBIAL_BEFORE: &[&str] = &[
    "about", "and", "around", "at", "circa", "for", "of", "or", "over", "than", "to", "under",
    "until",
];

/// Marks the date that `m` found at token `first` when it modifies the noun
/// phrase right after it (see the module doc).
pub(crate) fn apply(view: &View<'_>, first: usize, m: &mut Match) {
    let [f] = m.found.as_mut_slice() else {
        return;
    };
    if f.kind != FigureKind::Date
        || f.start != view.start(first)
        || !matches!(
            f.value,
            Value::Date { .. } | Value::DateRange { .. } | Value::Unresolved
        )
        || !is_modifier_position(view, first)
    {
        return;
    }
    // The noun phrase starts at the token after the date; a possessive date
    // ("Tuesday's vote") ends inside its last token.
    let last = m.next - 1;
    let possessive = f.end < view.end(last) && view.low(last).ends_with("'s");
    let after = if possessive { last + 1 } else { m.next };
    if !possessive && view.end(last) != f.end {
        return;
    }
    if relative::weekday_of(view.low(first)).is_some()
        && !possessive
        && !DETERMINERS.contains(&view.low_before(first))
    {
        return;
    }
    let Some(counted) = units::counted_after(view, after, false) else {
        return;
    };
    if view.is(after, "of") {
        return;
    }
    let name = (after..=counted.last).all(|k| view.is_capitalized(k));
    let opens = first == 0 || !view.is_word(first - 1);
    if name && opens {
        // "May 4, 2011 Jo Lund of the council said ...": a caption's date
        // before a name, not a modifier.
        return;
    }
    let event = names_event(&counted.phrase) || (name && name_ends_in_event(view, counted.last));
    if !event {
        f.role = Role::Label;
    }
    f.counted = Some(counted);
}

/// True when a word of a folded noun phrase names an occurrence.
fn names_event(phrase: &str) -> bool {
    phrase
        .split(' ')
        .any(|w| EVENT_NOUNS.contains(&units::singular(w).as_str()))
}

/// "the 2009 Bay of Tamar spill": a name with "of" in it, whose phrase
/// goes on after the name (from token `last`, the end of the name's first part)
/// to an event noun.
fn name_ends_in_event(view: &View<'_>, last: usize) -> bool {
    let mut k = last + 1;
    let mut crossed = false;
    while (view.is(k, "of") || view.is(k, "the") || (crossed && view.is_capitalized(k)))
        && view.is_word(k)
        && k < last + 6
    {
        crossed = true;
        k += 1;
    }
    crossed && units::counted_after(view, k, false).is_some_and(|c| names_event(&c.phrase))
}

/// True when the date at token `first` may modify what follows: it is written
/// as a date (digits, a month or a weekday, not "last year") and no preposition
/// or verb stands right before it.
fn is_modifier_position(view: &View<'_>, first: usize) -> bool {
    let w = view.low(first);
    let written = w.starts_with(|c: char| c.is_ascii_digit())
        || dates::month_of(w).is_some()
        || relative::weekday_of(w).is_some()
        || dates::month_of(view.low(first + 1)).is_some();
    if !written {
        return false;
    }
    let before = view.low_before(first);
    let verb = units::is_verb_like(before) || units::is_past_form(before);
    !(dates::is_date_preposition(before)
        || ADVERBIAL_BEFORE.contains(&before)
        || verb
        || (text::is_stop_word(before) && !DETERMINERS.contains(&before)))
}

#[cfg(test)]
mod tests {
    use super::super::testing::{describe, figure, figures_of};
    use crate::figure::{FigureKind, Role};

    /// The role and counted noun of the date written `span` in `text`.
    fn date(text: &str, span: &str) -> (Role, Option<String>) {
        let found = figures_of("2021-11-10", text);
        let f = figure(&found, span)
            .filter(|f| f.kind == FigureKind::Date)
            .unwrap_or_else(|| panic!("{text:?}: no date {span:?} in {}", describe(&found)));
        (f.role, f.counted.clone())
    }

    fn label(text: &str, span: &str, counted: &str) {
        assert_eq!(
            date(text, span),
            (Role::Label, Some(counted.to_string())),
            "{text:?}"
        );
    }

    fn dates_event(text: &str, span: &str, counted: &str) {
        assert_eq!(
            date(text, span),
            (Role::Stated, Some(counted.to_string())),
            "{text:?}"
        );
    }

    #[test]
    fn a_year_before_a_thing_labels_it() {
        label("His 2019 salary was cut by a third.", "2019", "salary");
        label("The 2012 model had a smaller engine.", "2012", "model");
        label(
            "The town published its 2020 budget in May.",
            "2020",
            "budget",
        );
        label("Police found a 1994 Ferrin van nearby.", "1994", "van");
        label(
            "The 2016 season ended early for the club.",
            "2016",
            "season",
        );
        label("She cited the 1998 accord in her speech.", "1998", "accord");
        label(
            "He was a 2014 Harbour Party candidate.",
            "2014",
            "candidate",
        );
        label("Their 2018 returns were audited.", "2018", "return");
    }

    #[test]
    fn a_year_before_an_event_dates_it() {
        dates_event("The 2016 election was close.", "2016", "election");
        dates_event(
            "He spoke at a 1999 ceremony by the port.",
            "1999",
            "ceremony",
        );
        dates_event(
            "Turnout at the 2006 midterm elections rose.",
            "2006",
            "election",
        );
        dates_event("The 2011 floods destroyed the bridge.", "2011", "flood");
        dates_event("Their 1997 races were close.", "1997", "race");
        dates_event(
            "Crews still work on the 2009 Bay of Tamar spill.",
            "2009",
            "bay",
        );
        dates_event(
            "Talks stalled ahead of the Nov. 3 deadline.",
            "Nov. 3",
            "deadline",
        );
    }

    #[test]
    fn a_day_before_a_noun_dates_events_and_labels_people() {
        dates_event("The June 14 coup ended the republic.", "June 14", "coup");
        label(
            "Police hunted the June 9 bombers for weeks.",
            "June 9",
            "bomber",
        );
        dates_event(
            "At a Tuesday press briefing, she said no.",
            "Tuesday",
            "briefing",
        );
        dates_event("Tuesday's vote was delayed.", "Tuesday", "vote");
        dates_event(
            "She spoke at a Friday press conference.",
            "Friday",
            "conference",
        );
    }

    #[test]
    fn an_adverbial_date_is_neither() {
        for (text, span) in [
            ("In 2016 voters chose a new mayor.", "2016"),
            ("The mayor said Tuesday officials had left.", "Tuesday"),
            ("Since April 2007 prices have doubled.", "April 2007"),
            ("The 2016 and 2018 elections were close.", "2016"),
            ("By 2030 emissions must halve.", "2030"),
            (
                "March 3, 2019 Jo Lund of the council waves.",
                "March 3, 2019",
            ),
        ] {
            assert_eq!(date(text, span), (Role::Stated, None), "{text:?}");
        }
    }

    #[test]
    fn the_plural_after_a_year_is_a_count_only_without_a_determiner() {
        let found = figures_of("", "The survey covered 2460 households.");
        let f = figure(&found, "2460").expect("a figure");
        assert_eq!(f.kind, FigureKind::Count, "{}", describe(&found));
        let found = figures_of("", "Their 2018 returns were audited.");
        let f = figure(&found, "2018").expect("a figure");
        assert_eq!(f.kind, FigureKind::Date, "{}", describe(&found));
    }
}

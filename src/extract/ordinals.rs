//! Ordinals: "the 12th day", "a third term", "the second time".
//!
//! Ordinals are very common and rarely facts, so only two kinds are kept:
//! - digit ordinals ("12th", "21st") with a lower-case noun or none after them
//!   ("5th Avenue" and "101st Airborne" are names);
//! - ordinals in words from "second" on, when they rank a period or an event
//!   ("third term", "second round", "fifth day"; see [`EVENT_NOUNS`]).
//!
//! An ordinal that names a numbered part or unit ("the 14th amendment", "the 5th
//! district", "the 2nd circuit"; see [`NAMED_BY_ORDINAL`]) is an identifier, not a
//! figure. "first" and "last" are never figures: "the first cargo ship to arrive" ranks
//! nothing anyone would dispute. "The Nth day of X" also yields a derived start
//! date for X (day 1 was N - 1 days before publication).

use crate::figure::FigureKind;

use super::numbers::{self, Attached};
use super::relative;
use super::tokens::View;
use super::units;
use super::{Ctx, Found, Match};

/// Nouns that a word ordinal may rank.
const EVENT_NOUNS: &[&str] = &[
    "anniversary",
    "attempt",
    "century",
    "day",
    "election",
    "game",
    "hour",
    "match",
    "meeting",
    "month",
    "night",
    "phase",
    "quarter",
    "round",
    "season",
    "session",
    "stage",
    "summit",
    "term",
    "time",
    "trial",
    "visit",
    "vote",
    "wave",
    "week",
    "year",
];

/// Nouns that an ordinal names rather than ranks: a numbered part of a text or an
/// institution, a unit, a line on a map ("the 14th amendment", "the 5th
/// district", "the 2nd circuit", "the 38th parallel"). "the 19th Amendment" is a
/// name by its capital already.
const NAMED_BY_ORDINAL: &[&str] = &[
    "amendment",
    "arrondissement",
    "article",
    "battalion",
    "brigade",
    "chapter",
    "circuit",
    "clause",
    "congress",
    "congressional",
    "district",
    "division",
    "dynasty",
    "fleet",
    "infantry",
    "parallel",
    "parliament",
    "precinct",
    "regiment",
    "section",
    "ward",
];

/// The value of an ordinal in words from "second" on ("twenty-first" included).
fn word_ordinal(w: &str) -> Option<f64> {
    if let Some((tens, unit)) = w.split_once('-') {
        let t = super::number_words::small(tens).filter(|t| *t >= 20.0 && t % 10.0 == 0.0)?;
        // The unit is one word ("twenty-third"): no recursion, so a word of any
        // number of hyphens costs one split.
        let u = match unit {
            "first" => 1.0,
            u if u.contains('-') => return None,
            u => word_ordinal(u).filter(|v| *v < 10.0)?,
        };
        return Some(t + u);
    }
    Some(match w {
        "second" => 2.0,
        "third" => 3.0,
        "fourth" => 4.0,
        "fifth" => 5.0,
        "sixth" => 6.0,
        "seventh" => 7.0,
        "eighth" => 8.0,
        "ninth" => 9.0,
        "tenth" => 10.0,
        "eleventh" => 11.0,
        "twelfth" => 12.0,
        "thirteenth" => 13.0,
        "fourteenth" => 14.0,
        "fifteenth" => 15.0,
        "sixteenth" => 16.0,
        "seventeenth" => 17.0,
        "eighteenth" => 18.0,
        "nineteenth" => 19.0,
        "twentieth" => 20.0,
        "thirtieth" => 30.0,
        "fortieth" => 40.0,
        "fiftieth" => 50.0,
        "sixtieth" => 60.0,
        "seventieth" => 70.0,
        "eightieth" => 80.0,
        "ninetieth" => 90.0,
        "hundredth" => 100.0,
        _ => return None,
    })
}

/// True for a word that can be an ordinal in words.
pub(crate) fn may_start(w: &str) -> bool {
    word_ordinal(w).is_some()
}

/// An ordinal at token `i`.
pub(crate) fn at(view: &View<'_>, ctx: &Ctx, i: usize) -> Option<Match> {
    if !view.is_word(i) {
        return None;
    }
    let low = view.low(i);
    // "the 15th-richest person", "the third-largest city": a rank by a
    // superlative joined to the ordinal.
    let (low, ranked) = match low.split_once(['-', '‐', '‑']) {
        Some((ordinal, superlative))
            if superlative.len() > 4
                && superlative.ends_with("est")
                && superlative.chars().all(char::is_alphabetic) =>
        {
            (ordinal, true)
        }
        _ => (low, false),
    };
    let (n, in_words) = match numbers::attached(low, false) {
        Some((v, Attached::Ordinal)) => (v, false),
        _ => (word_ordinal(low)?, !ranked),
    };
    if !in_words && view.is_word(i + 1) && view.is_capitalized(i + 1) {
        return None;
    }
    let counted = units::counted_after(view, i + 1, false);
    let named = counted.as_ref().is_some_and(|c| {
        c.phrase
            .split(' ')
            .next()
            .is_some_and(|w| NAMED_BY_ORDINAL.contains(&w))
    });
    if named {
        // "the 14th amendment", "the 5th congressional district": a name.
        return Some(Match::skip(i + 1));
    }
    if in_words
        && !counted
            .as_ref()
            .is_some_and(|c| EVENT_NOUNS.contains(&c.head.as_str()))
    {
        return None;
    }
    let mut f = Found::number(view.start(i)..view.end(i), FigureKind::Ordinal, n, n);
    f.predicate = units::predicate(view, i, counted.as_ref().map_or(i, |c| c.last));
    f.counted = counted;
    let mut found = vec![f];
    if let Some(d) = day_of_event(view, ctx, &found[0], n) {
        found.push(d);
    }
    Some(Match { found, next: i + 1 })
}

/// "the 12th day of a shutdown": the start date of the shutdown.
fn day_of_event(view: &View<'_>, ctx: &Ctx, ordinal: &Found, n: f64) -> Option<Found> {
    let counted = ordinal.counted.as_ref()?;
    if counted.head != "day" || !view.is(counted.last + 1, "of") {
        return None;
    }
    let event = units::counted_after(view, counted.last + 1, false)?;
    let text = view
        .text
        .get(ordinal.start..view.end(event.last))
        .unwrap_or("");
    relative::derived_from_day_number(ctx, ordinal, text, n, event)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn ordinals_in_words_take_one_hyphen_only() {
        assert_eq!(word_ordinal("twenty-third"), Some(23.0));
        assert_eq!(word_ordinal("twenty-first"), Some(21.0));
        assert_eq!(word_ordinal("twenty-twenty-third"), None);
        // A word of 100,000 hyphens is one split, on a small stack.
        let long = format!("{}third", "twenty-".repeat(100_000));
        let v = std::thread::Builder::new()
            .stack_size(128 * 1024)
            .spawn(move || word_ordinal(&long))
            .unwrap()
            .join()
            .expect("no stack overflow");
        assert_eq!(v, None);
    }

    fn ordinals(s: &str, published: Option<NaiveDate>) -> Vec<(String, String)> {
        let v = View::new(s, 0..s.len());
        let ctx = Ctx { published };
        (0..v.len())
            .filter_map(|i| at(&v, &ctx, i))
            .flat_map(|m| m.found)
            .map(|f| (f.value.normalized(), s[f.start..f.end].to_string()))
            .collect()
    }

    #[test]
    fn keeps_ranked_events_and_digit_ordinals() {
        assert_eq!(
            ordinals("his third term", None),
            vec![("3".into(), "third".into())]
        );
        assert_eq!(ordinals("the third man", None), vec![]);
        assert_eq!(ordinals("the first boat", None), vec![]);
        assert_eq!(
            ordinals("the 40th floor", None),
            vec![("40".into(), "40th".into())]
        );
        assert_eq!(ordinals("on 5th Avenue", None), vec![]);
        assert_eq!(ordinals("under the 14th amendment", None), vec![]);
        assert_eq!(ordinals("in the 9th congressional district", None), vec![]);
        assert_eq!(ordinals("a ruling of the 4th circuit", None), vec![]);
        assert_eq!(ordinals("the third district", None), vec![]);
        assert_eq!(ordinals("the twenty-second round", None)[0].0, "22");
    }

    #[test]
    fn a_rank_by_a_superlative_is_an_ordinal() {
        assert_eq!(
            ordinals("the 12th-richest family in the region", None),
            vec![("12".into(), "12th-richest".into())]
        );
        assert_eq!(
            ordinals("the fourth-largest port", None),
            vec![("4".into(), "fourth-largest".into())]
        );
        // A hyphenated word that is no superlative stays out.
        assert_eq!(ordinals("a third-party candidate", None), vec![]);
    }

    #[test]
    fn day_of_an_event_derives_its_start() {
        let p = NaiveDate::from_ymd_opt(2020, 3, 20);
        let found = ordinals("on the 10th day of the strike", p);
        assert_eq!(found.len(), 2);
        assert_eq!(found[1].0, "2020-03-11");
        let found = ordinals("on the 10th day of the strike", None);
        assert_eq!(found[1].0, "unresolved");
    }
}

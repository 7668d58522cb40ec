//! Two figures written as one statement after "from" or "between": a period, a
//! change, or a range of values.
//!
//! - A period: "from 2010 to 2016", "between 2010 and 2016", "from May to July
//!   2014", "between March and June" are one date figure, a [`Value::DateRange`]
//!   spanning both ends (its span runs from the first date to the last, its
//!   predicate is "from" or "between"). A month without its year takes the year of
//!   the end ("from November to March 2015" starts in November 2014). Two dates of
//!   different grains stay two figures.
//! - A change: "rose from 61 to 64", "increasing the fare from $48 to $52", "the
//!   vote was moved from March to June": after a verb or noun of change in the
//!   clause before "from" (see [`CHANGE_WORDS`]; for dates only the words that
//!   move a date, [`RESCHEDULE_WORDS`]), the first value is the earlier one
//!   ([`Role::Previous`]) and the second is what the fact is now. "64, up from 61"
//!   and "down from 61" mark the value after "from" as the earlier one too.
//! - A range of values: "ranging from 18 to 30" is one figure, a range.
//! - Otherwise "from 20 to 25" is left to the recognizers: two figures.
//!
//! When the first number is written without the unit or scale of the second
//! ("from 61 to 64 percent", "from 3 to 4 million"), it takes them.

use chrono::{Datelike, Days};

use crate::figure::{FigureKind, Qualifier, Role, Value};

use super::dates;
use super::quantity;
use super::relative;
use super::tokens::View;
use super::{Ctx, Found, Match};

/// Verbs and nouns that state a change of a value, in the forms news writes them.
const CHANGE_WORDS: &[&str] = &[
    "boost",
    "boosted",
    "boosting",
    "boosts",
    "change",
    "changed",
    "changes",
    "changing",
    "climb",
    "climbed",
    "climbing",
    "climbs",
    "cut",
    "cuts",
    "cutting",
    "decline",
    "declined",
    "declines",
    "declining",
    "decrease",
    "decreased",
    "decreases",
    "decreasing",
    "dip",
    "dipped",
    "dips",
    "doubled",
    "drop",
    "dropped",
    "dropping",
    "drops",
    "fall",
    "fallen",
    "falling",
    "falls",
    "fell",
    "gone",
    "grew",
    "grow",
    "growing",
    "grown",
    "grows",
    "growth",
    "hike",
    "hiked",
    "hikes",
    "hiking",
    "increase",
    "increased",
    "increases",
    "increasing",
    "jump",
    "jumped",
    "jumping",
    "jumps",
    "lifted",
    "lower",
    "lowered",
    "lowering",
    "lowers",
    "plunged",
    "raise",
    "raised",
    "raises",
    "raising",
    "reduce",
    "reduced",
    "reduces",
    "reducing",
    "reduction",
    "revised",
    "rise",
    "risen",
    "rises",
    "rising",
    "rose",
    "shrank",
    "shrunk",
    "slashed",
    "slipped",
    "soared",
    "surged",
    "swelled",
    "tripled",
    "went",
    "widened",
    "narrowed",
];

/// Verbs that move a date ("moved from March to June").
const RESCHEDULE_WORDS: &[&str] = &[
    "brought",
    "delayed",
    "moved",
    "postponed",
    "pushed",
    "rescheduled",
    "shifted",
];

/// Words before "from" that make "from X to Y" one range of values.
const RANGE_WORDS: &[&str] = &[
    "range", "ranged", "ranges", "ranging", "varied", "varies", "vary", "varying",
];

/// How far back (in tokens) a word of change may stand before "from".
const CHANGE_WINDOW: usize = 8;

/// Two figures after "from" or "between" at token `i`, as one statement.
pub(crate) fn at(view: &View<'_>, ctx: &Ctx, i: usize) -> Option<Match> {
    let lead = view.low(i);
    if !matches!(lead, "from" | "between") || matches!(view.low(i + 1), "from" | "between") {
        return None;
    }
    let a = one_figure(view, ctx, i + 1)?;
    let (mut first, after_first) = a;
    if lead == "from" && matches!(view.low_before(i), "up" | "down") {
        // "64, up from 61": the value after "from" is the earlier one.
        if first.kind != FigureKind::Date {
            first.role = Role::Previous;
            return Some(Match {
                found: vec![first],
                next: after_first,
            });
        }
        return None;
    }
    let connector = view.low(after_first);
    let joined = match lead {
        "from" => matches!(connector, "to" | "through" | "thru" | "until" | "till"),
        _ => connector == "and",
    } || matches!(view.raw(after_first), "-" | "–" | "—");
    if !joined {
        // "rose to 64 from 61": the value after "from" is the earlier one.
        let to_before = (1..=CHANGE_WINDOW)
            .map_while(|back| i.checked_sub(back))
            .any(|k| view.is(k, "to"));
        if first.kind != FigureKind::Date && to_before && before_from(view, i, CHANGE_WORDS) {
            first.role = Role::Previous;
            return Some(Match {
                found: vec![first],
                next: after_first,
            });
        }
        return None;
    }
    let k = after_first + 1;
    let second = one_figure(view, ctx, k).or_else(|| month_alone(view, ctx, k, &first))?;
    let (mut last, next) = second;
    if first.kind == FigureKind::Date {
        if last.kind != FigureKind::Date {
            return None;
        }
        if let Some(dated) = with_year_of(view, i + 1, &first, &last) {
            first = dated;
        }
        if lead == "from" && before_from(view, i, RESCHEDULE_WORDS) {
            first.role = Role::Previous;
            return Some(Match {
                found: vec![first, last],
                next,
            });
        }
        let found = match period(view, i + 1, &first, &last) {
            Some(range) => vec![range],
            None => vec![first, last],
        };
        return Some(Match { found, next });
    }
    // "between 20 and 30" of numbers is read by the quantity parser.
    if lead != "from" || !compatible(&first, &last) {
        return None;
    }
    take_unit(view, &mut first, &last);
    if before_from(view, i, CHANGE_WORDS) {
        first.role = Role::Previous;
        return Some(Match {
            found: vec![first, last],
            next,
        });
    }
    if before_from(view, i, RANGE_WORDS) {
        let (Value::Number { lo, .. }, Value::Number { hi, .. }) = (&first.value, &last.value)
        else {
            return None;
        };
        if lo >= hi {
            return None;
        }
        last.value = Value::Number { lo: *lo, hi: *hi };
        last.start = first.start;
        last.qualifier = Qualifier::Range;
        return Some(Match {
            found: vec![last],
            next,
        });
    }
    None
}

/// The one figure that starts at token `k` (hedges included), and the token after
/// it.
fn one_figure(view: &View<'_>, ctx: &Ctx, k: usize) -> Option<(Found, usize)> {
    let m = super::recognize(view, ctx, k)?;
    let [f] = <[Found; 1]>::try_from(m.found).ok()?;
    (f.start == view.start(k)).then_some((f, m.next))
}

/// "between March and June", "from May to July": a month alone at `k` after a
/// first date, which the date recognizers read only after a preposition.
fn month_alone(view: &View<'_>, ctx: &Ctx, k: usize, first: &Found) -> Option<(Found, usize)> {
    if first.kind != FigureKind::Date || !view.is_capitalized(k) {
        return None;
    }
    let m = dates::month_of(view.low(k))?;
    let found = relative::month_alone(view, ctx, k, m)?;
    let next = found.next;
    let [f] = <[Found; 1]>::try_from(found.found).ok()?;
    Some((f, next))
}

/// True when a word of `words` stands in the clause before "from" at token `i`.
fn before_from(view: &View<'_>, i: usize, words: &[&str]) -> bool {
    (1..=CHANGE_WINDOW)
        .map_while(|back| i.checked_sub(back))
        .take_while(|&k| !matches!(view.raw(k), "." | ";" | "!" | "?" | ":"))
        .any(|k| words.contains(&view.low(k)))
}

/// Two numbers that may be the two values of one change or range: the same kind,
/// or a bare count before a value with a unit ("from 61 to 64 percent").
fn compatible(a: &Found, b: &Found) -> bool {
    let numbers =
        matches!(a.value, Value::Number { .. }) && matches!(b.value, Value::Number { .. });
    let bare = a.kind == FigureKind::Count && a.counted.is_none() && a.unit.is_none();
    numbers && b.kind != FigureKind::Date && (a.kind == b.kind || bare)
}

/// "from 61 to 64 percent", "from $3 to $4 billion", "from three to five years":
/// a first value written without the unit or scale of the second takes them.
fn take_unit(view: &View<'_>, a: &mut Found, b: &Found) {
    let Some(factor) = written_factor(view, b) else {
        return;
    };
    let a_factor = written_factor(view, a).unwrap_or(1.0);
    if a.kind != b.kind {
        a.kind = b.kind;
        a.unit = b.unit.clone();
        a.counted = a.counted.take().or_else(|| b.counted.clone());
    }
    // Within a factor of ten of the second value once scaled: "from 6 to 4
    // million" is six million, "from 300 to 2 million" stays 300.
    if a_factor == 1.0
        && factor > 1.0
        && let (Value::Number { lo, hi }, Value::Number { lo: blo, .. }) = (&mut a.value, &b.value)
        && (0.1..=10.0).contains(&(*lo * factor / *blo))
    {
        *lo *= factor;
        *hi *= factor;
    }
}

/// The multiplier between a figure's value and the first number written in it
/// ("4 million" gives a million, "five years" the seconds in a year, "70 percent"
/// 1): `None` when no number can be read.
fn written_factor(view: &View<'_>, f: &Found) -> Option<f64> {
    let Value::Number { lo, .. } = f.value else {
        return None;
    };
    let k = (0..view.len()).find(|&k| view.start(k) >= f.start && view.end(k) <= f.end)?;
    let k = (k..view.len())
        .take_while(|&t| view.end(t) <= f.end)
        .find(|&t| quantity::parse(view, t, true).is_some())?;
    let q = quantity::parse(view, k, true)?;
    let written = q.lo / q.scale.unwrap_or(1.0);
    (written > 0.0 && lo > 0.0).then(|| lo / written)
}

/// A date written without its year before an end that has one ("from May 3 to
/// June 7, 2014", "postponed from Dec. 28 to Jan. 4, 2021"): the first date
/// again, in the year that puts it on or before the end. `None` when the first
/// date has its own year, is a weekday, or the end is relative itself.
fn with_year_of(view: &View<'_>, first_tok: usize, a: &Found, b: &Found) -> Option<Found> {
    let Value::Date { date: end, .. } = b.value else {
        return None;
    };
    let month_named = dates::month_of(view.low(first_tok)).is_some()
        || dates::month_of(view.low(first_tok + 1)).is_some();
    if b.derivation.is_some() || a.derivation.is_none() || !month_named {
        return None;
    }
    // Read the first date again against the end, to learn its month and day even
    // when the source has no publication date.
    let anchored = Ctx {
        published: Some(end),
    };
    let (again, _) = one_figure(view, &anchored, first_tok)?;
    let Value::Date { date, grain } = again.value else {
        return None;
    };
    let date = if date > end {
        date.with_year(date.year() - 1)?
    } else {
        date
    };
    let end_text = view.text.get(b.start..b.end).unwrap_or("");
    let mut f = a.clone();
    f.value = Value::Date { date, grain };
    f.derivation = Some(format!(
        "year taken from '{end_text}', the date it runs or moves to"
    ));
    Some(f)
}

/// One date range from two dates at the same grain, the first starting no later
/// than the second. `first_tok` is the token the first date starts at.
fn period(view: &View<'_>, first_tok: usize, a: &Found, b: &Found) -> Option<Found> {
    let (start, end, grain) = match (&a.value, &b.value) {
        (
            Value::Date {
                date: sa,
                grain: ga,
            },
            Value::Date {
                date: eb,
                grain: gb,
            },
        ) if ga == gb => {
            let mut sa = *sa;
            if sa > *eb && a.derivation.is_some() {
                // A relative start after the end ("from November to February",
                // "from Monday to Friday"): the start is the occurrence before the
                // end, a week earlier for a weekday, else a year.
                let weekday = relative::weekday_of(view.low(first_tok)).is_some();
                sa = if weekday {
                    sa.checked_sub_days(Days::new(7))?
                } else {
                    sa.with_year(sa.year() - 1)?
                };
            }
            (sa, *eb, *ga)
        }
        (Value::Unresolved, Value::Unresolved | Value::Date { .. })
        | (Value::Date { .. }, Value::Unresolved) => {
            let mut f = Found::new(a.start..b.end, FigureKind::Date, Value::Unresolved);
            f.derivation = a.derivation.clone().or_else(|| b.derivation.clone());
            f.predicate = a.predicate.clone();
            return Some(f);
        }
        _ => return None,
    };
    if start > end {
        return None;
    }
    let mut f = Found::new(
        a.start..b.end,
        FigureKind::Date,
        Value::DateRange { start, end, grain },
    );
    f.predicate = a.predicate.clone();
    f.derivation = a.derivation.clone().or_else(|| b.derivation.clone());
    if a.qualifier == Qualifier::Approx || b.qualifier == Qualifier::Approx {
        f.qualifier = Qualifier::Approx;
    }
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{describe, figure, figures_of};
    use crate::figure::{FigureKind, Qualifier, Role};

    /// (text, span, kind, value, role) of one figure.
    fn check(published: &str, text: &str, span: &str, kind: FigureKind, value: &str, role: Role) {
        let found = figures_of(published, text);
        let f = figure(&found, span)
            .unwrap_or_else(|| panic!("{text:?}: no figure {span:?} in {}", describe(&found)));
        assert_eq!(
            (f.kind, f.value.normalized().as_str(), f.role),
            (kind, value, role),
            "{text:?}: {}",
            describe(&found)
        );
    }

    #[test]
    fn a_period_in_words_is_one_date_range() {
        use FigureKind::Date;
        let p = "2021-11-10";
        check(
            p,
            "He was mayor from 1994 to 2002.",
            "1994 to 2002",
            Date,
            "1994/2002",
            Role::Stated,
        );
        check(
            p,
            "Rents rose between 2004 and 2011 in the town.",
            "2004 and 2011",
            Date,
            "2004/2011",
            Role::Stated,
        );
        check(
            p,
            "The dig ran from April to August 2009.",
            "April to August 2009",
            Date,
            "2009-04/2009-08",
            Role::Stated,
        );
        check(
            p,
            "The road shut from December to March 2003.",
            "December to March 2003",
            Date,
            "2002-12/2003-03",
            Role::Stated,
        );
        check(
            p,
            "The ferry sails from May through September 2019.",
            "May through September 2019",
            Date,
            "2019-05/2019-09",
            Role::Stated,
        );
        // Both ends relative: resolved against publication, the start before the end.
        check(
            p,
            "The pool was shut between February and May.",
            "February and May",
            Date,
            "2021-02/2021-05",
            Role::Stated,
        );
        check(
            p,
            "The clinic was closed from Monday to Thursday.",
            "Monday to Thursday",
            Date,
            "2021-11-01/2021-11-04",
            Role::Stated,
        );
        let found = figures_of(p, "He was mayor from 1994 to 2002.");
        assert_eq!(found.len(), 1, "{}", describe(&found));
        assert_eq!(found[0].0.predicate.as_deref(), Some("from"));
    }

    #[test]
    fn a_start_without_its_year_takes_the_year_of_the_end() {
        use FigureKind::Date;
        for p in ["2021-11-10", ""] {
            check(
                p,
                "The fair ran from May 3 to June 7, 2014.",
                "May 3 to June 7, 2014",
                Date,
                "2014-05-03/2014-06-07",
                Role::Stated,
            );
            check(
                p,
                "The vote moved from Dec. 28 to Jan. 4, 2021.",
                "Dec. 28",
                Date,
                "2020-12-28",
                Role::Previous,
            );
        }
    }

    #[test]
    fn a_period_without_a_publication_date_stays_unresolved() {
        let found = figures_of("", "The pool was shut between February and May.");
        let f = figure(&found, "February and May").expect("one range");
        assert_eq!(f.value.normalized(), "unresolved");
        assert!(
            f.derivation
                .as_deref()
                .unwrap_or("")
                .contains("no publication date")
        );
    }

    #[test]
    fn dates_of_two_grains_stay_two_dates() {
        let found = figures_of("2021-11-10", "It ran from 2004 to June 2006.");
        assert_eq!(found.len(), 2, "{}", describe(&found));
    }

    #[test]
    fn a_change_has_a_previous_value_and_a_current_one() {
        use FigureKind::{Count, Date, Duration, Money, Percent};
        let p = "2021-11-10";
        let t = "The fare rose from $4 to $5 last spring.";
        check(p, t, "$4", Money, "4", Role::Previous);
        check(p, t, "$5", Money, "5", Role::Stated);
        let t = "The council is increasing the levy from $120 to $135 a year.";
        check(p, t, "$120", Money, "120", Role::Previous);
        check(p, t, "$135", Money, "135", Role::Stated);
        // The first value takes the unit and scale of the second.
        let t = "Turnout fell from 61 to 54 percent.";
        check(p, t, "61", Percent, "61", Role::Previous);
        check(p, t, "54 percent", Percent, "54", Role::Stated);
        let t = "The deficit grew from $2 to $3 billion.";
        check(p, t, "$2", Money, "2000000000", Role::Previous);
        let t = "The herd fell from 6 to 4 million head.";
        check(p, t, "6", Count, "6000000", Role::Previous);
        let t = "The club grew from 300 to 2 million members.";
        check(p, t, "300", Count, "300", Role::Previous);
        let t = "The sentence was cut from six to four years.";
        check(p, t, "six", Duration, "189341712", Role::Previous);
        // "up from", "down from", "to X from Y".
        check(
            p,
            "Sales hit 900 boats, up from 750.",
            "750",
            Count,
            "750",
            Role::Previous,
        );
        check(
            p,
            "The herd shrank to 80 cows from 95.",
            "95",
            Count,
            "95",
            Role::Previous,
        );
        // A date moved to another.
        let t = "The hearing was postponed from March 2 to March 9, 2020.";
        check(p, t, "March 2", Date, "2020-03-02", Role::Previous);
        check(p, t, "March 9, 2020", Date, "2020-03-09", Role::Stated);
    }

    #[test]
    fn from_to_without_a_change_is_not_a_change() {
        let found = figures_of("", "Buses run from 6 to 11 each day, said a guide.");
        assert!(
            found.iter().all(|(f, _)| f.role == Role::Stated),
            "{}",
            describe(&found)
        );
        let found = figures_of("", "Crews ranged from 8 to 14 sailors.");
        let f = &found[0].0;
        assert_eq!(f.qualifier, Qualifier::Range, "{}", describe(&found));
        assert_eq!(f.value.normalized(), "8-14");
        assert_eq!(f.counted.as_deref(), Some("sailor"));
    }
}

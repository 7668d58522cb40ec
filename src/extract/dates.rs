//! Dates as written, at their grain: "July 4, 2011" and "3 October 2010" (day),
//! "May 2011" (month), "in 2009" and "the 1998 accord" (year), "the 1980s"
//! (decade), "2019-02-28" (ISO day), and "1939-1945" or "2010–16" (one range of
//! years; ranges written with words, "from 2010 to 2016", are read by
//! [`super::ranges`]).
//!
//! A date without a year ("Oct. 9") or a month alone ("in June") is handed to
//! [`super::relative`], which takes the year from the publication date.
//!
//! A bare four-digit number from 1800 to 2100 is a year after a preposition or
//! "the", and otherwise unless a plural noun follows it ("2000 people" is a count;
//! news style writes counts above 999 with a comma, so this is rare).

use chrono::NaiveDate;

use crate::figure::{FigureKind, Grain, Qualifier, Value};

use super::numbers::{self, Attached};
use super::relative;
use super::tokens::{View, has_hyphen, hyphen_parts};
use super::units;
use super::{Ctx, Found, Match};

/// The month number of a folded month name or abbreviation.
pub(crate) fn month_of(w: &str) -> Option<u32> {
    crate::text::month_number(super::tokens::base(w))
}

/// Prepositions that tie a date to its event: they become the date's predicate.
const DATE_PREPOSITIONS: &[&str] = &[
    "after", "as", "before", "between", "by", "during", "from", "in", "on", "since", "through",
    "till", "until",
];

/// True for a preposition that ties a date to its event ("in", "since", "on").
pub(crate) fn is_date_preposition(w: &str) -> bool {
    DATE_PREPOSITIONS.contains(&w)
}

/// Words before a month name alone that make it a date ("since April"); without
/// one, "March" and "May" are too often other words.
const MONTH_CONTEXT: &[&str] = &[
    "after", "before", "between", "by", "during", "early", "from", "in", "late", "mid", "since",
    "through", "till", "until",
];

/// Words before a bare year that make it a year whatever follows.
const YEAR_CONTEXT: &[&str] = &[
    "after", "and", "around", "before", "between", "by", "during", "early", "from", "in", "late",
    "mid", "of", "since", "the", "through", "till", "to", "until",
];

/// The preposition before token `first`, as a date's predicate, over "the" and
/// words such as "early" ("since the early 1980s").
pub(crate) fn preposition_before(view: &View<'_>, first: usize) -> Option<String> {
    let mut k = first;
    for _ in 0..3 {
        let w = view.low_before(k);
        if DATE_PREPOSITIONS.contains(&w) {
            return Some(w.to_string());
        }
        if !matches!(w, "the" | "early" | "late" | "mid" | "around" | "about") {
            return None;
        }
        k = k.checked_sub(1)?;
    }
    None
}

/// A capitalized month name at token `i`.
fn month_at(view: &View<'_>, i: usize) -> Option<u32> {
    if view.is_word(i) && view.is_capitalized(i) {
        month_of(view.low(i))
    } else {
        None
    }
}

/// A day of the month at token `k` ("17", "23rd"): the day.
fn day_at(view: &View<'_>, k: usize) -> Option<u32> {
    let low = view.low(k);
    let v = if view.is_number(k) && numbers::is_plain_integer(low) && low.len() <= 2 {
        numbers::parse_digits(low)?
    } else if view.is_word(k) {
        match numbers::attached(low, false)? {
            (v, Attached::Ordinal) => v,
            _ => return None,
        }
    } else {
        return None;
    };
    (1.0..=31.0).contains(&v).then_some(v as u32)
}

/// A four-digit year at token `k`, alone or at the front of a hyphenated word
/// ("2021-Tuesday"): the year and the byte end of its digits.
fn year_at(view: &View<'_>, k: usize) -> Option<(i32, usize)> {
    let raw = view.raw(k);
    let (digits, end) = if view.is_number(k) {
        (raw, view.end(k))
    } else if view.is_word(k) && raw.starts_with(|c: char| c.is_ascii_digit()) && has_hyphen(raw) {
        let parts = hyphen_parts(raw);
        let (r, _) = parts.first()?;
        if parts.len() < 2 {
            return None;
        }
        (&raw[r.clone()], view.start(k) + r.end)
    } else {
        return None;
    };
    if digits.len() != 4 || !numbers::is_plain_integer(digits) {
        return None;
    }
    let y: i32 = digits.parse().ok()?;
    (1000..=2100).contains(&y).then_some((y, end))
}

fn date_found(view: &View<'_>, first: usize, end: usize, date: NaiveDate, grain: Grain) -> Found {
    let mut f = Found::new(
        view.start(first)..end,
        FigureKind::Date,
        Value::Date { date, grain },
    );
    f.predicate = preposition_before(view, first);
    f
}

/// A date starting at token `i`.
pub(crate) fn at(view: &View<'_>, ctx: &Ctx, i: usize) -> Option<Match> {
    if let Some(m) = month_at(view, i) {
        return month_first(view, ctx, i, m);
    }
    if let Some(d) = day_at(view, i)
        && let Some(m) = month_at(view, i + 1)
    {
        return with_day(view, ctx, i, i + 1, m, d);
    }
    if view.is_number(i) {
        return iso_day(view, i)
            .or_else(|| year_range(view, i))
            .or_else(|| bare_year(view, i));
    }
    if view.is_word(i) {
        return decade(view, i)
            .or_else(|| mid_period(view, ctx, i))
            .or_else(|| bare_year(view, i));
    }
    None
}

/// "May 2011", "Oct. 9", "July 4, 2011", "in June".
fn month_first(view: &View<'_>, ctx: &Ctx, i: usize, m: u32) -> Option<Match> {
    let mut k = i + 1;
    if view.raw(k) == "." && view.touches_next(i) {
        k += 1;
    }
    if let Some(d) = day_at(view, k) {
        return with_day(view, ctx, i, k, m, d);
    }
    if let Some((y, end)) = year_at(view, k) {
        let date = NaiveDate::from_ymd_opt(y, m, 1)?;
        return Some(Match::one(date_found(view, i, end, date, Grain::Month), k));
    }
    let prev = view.low_before(i);
    let year_after = matches!(view.low(i + 1), "last" | "next" | "this")
        && super::tokens::base(view.low(i + 2)) == "year";
    // "scheduled for March", "set for May": a date of a plan.
    let planned_for = prev == "for"
        && matches!(
            view.low_before(i.saturating_sub(1)),
            "scheduled"
                | "set"
                | "planned"
                | "slated"
                | "due"
                | "pencilled"
                | "penciled"
                | "rescheduled"
                | "postponed"
                | "delayed"
                | "moved"
                | "pushed"
                | "expected"
        );
    if MONTH_CONTEXT.contains(&prev) || year_after || planned_for {
        return relative::month_alone(view, ctx, i, m);
    }
    None
}

/// A day and month at tokens `day_tok` and `month_tok` (in either order, starting
/// at `first`), with a year after them if one is written.
fn with_day(
    view: &View<'_>,
    ctx: &Ctx,
    first: usize,
    day_tok: usize,
    m: u32,
    d: u32,
) -> Option<Match> {
    let last = day_tok.max(first + 1);
    let mut k = last + 1;
    if view.raw(k) == "," {
        k += 1;
    }
    if let Some((y, end)) = year_at(view, k) {
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        return Some(Match::one(
            date_found(view, first, end, date, Grain::Day),
            k,
        ));
    }
    let found = relative::day_month(view, ctx, first, last, m, d)?;
    Some(Match::one(found, last))
}

/// "2019-02-28".
fn iso_day(view: &View<'_>, i: usize) -> Option<Match> {
    if !has_hyphen(view.raw(i)) {
        return None;
    }
    let parts = hyphen_parts(view.raw(i));
    let [(_, y), (_, m), (_, d)] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)?;
    Some(Match::one(
        date_found(view, i, view.end(i), date, Grain::Day),
        i,
    ))
}

/// "1939-1945", "2010–16", "2010 - 2016": one figure, a range of years. A
/// two-digit end takes the century of the start ("1998-03" is 1998 to 2003); the
/// end must come after the start and within a century of it, so that an ISO
/// month ("2019-02") is not read as a range.
fn year_range(view: &View<'_>, i: usize) -> Option<Match> {
    let base = view.start(i);
    let (a, b, end, last) = if has_hyphen(view.raw(i)) {
        let parts = hyphen_parts(view.raw(i));
        let [(_, a), (rb, b)] = parts.as_slice() else {
            return None;
        };
        (a.clone(), b.clone(), base + rb.end, i)
    } else if matches!(view.raw(i + 1), "-" | "–" | "—" | "‐" | "‑") && view.is_number(i + 2)
    {
        (
            view.low(i).to_string(),
            view.low(i + 2).to_string(),
            view.end(i + 2),
            i + 2,
        )
    } else {
        return None;
    };
    let ya: i32 = a.parse().ok().filter(|_| a.len() == 4)?;
    let yb: i32 = match b.len() {
        4 => b.parse().ok()?,
        2 if numbers::is_plain_integer(&b) => {
            let y = ya - ya.rem_euclid(100) + b.parse::<i32>().ok()?;
            if y > ya { y } else { y + 100 }
        }
        _ => return None,
    };
    if !(1000..=2100).contains(&ya) || yb <= ya || yb > 2100 || yb - ya >= 100 {
        return None;
    }
    let mut f = Found::new(
        base..end,
        FigureKind::Date,
        Value::DateRange {
            start: NaiveDate::from_ymd_opt(ya, 1, 1)?,
            end: NaiveDate::from_ymd_opt(yb, 1, 1)?,
            grain: Grain::Year,
        },
    );
    f.predicate = preposition_before(view, i);
    Some(Match::one(f, last))
}

/// "the 1980s".
fn decade(view: &View<'_>, i: usize) -> Option<Match> {
    let low = view.low(i);
    let (v, Attached::Decade) = numbers::attached(low, false)? else {
        return None;
    };
    if low.len() != 5 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(v as i32, 1, 1)?;
    Some(Match::one(
        date_found(view, i, view.end(i), date, Grain::Decade),
        i,
    ))
}

/// "mid-June", "mid-2009", "late-2009": the whole word is the span, and the
/// date is approximate.
fn mid_period(view: &View<'_>, ctx: &Ctx, i: usize) -> Option<Match> {
    let low = view.low(i);
    if !(low.starts_with("mid") || low.starts_with("early") || low.starts_with("late")) {
        return None;
    }
    let parts = hyphen_parts(view.raw(i));
    let [(_, lead), (_, what)] = parts.as_slice() else {
        return None;
    };
    if !matches!(lead.as_str(), "mid" | "early" | "late") {
        return None;
    }
    let mut m = if let Some(m) = month_of(what) {
        match year_at(view, i + 1) {
            Some((y, end)) => {
                let date = NaiveDate::from_ymd_opt(y, m, 1)?;
                Match::one(date_found(view, i, end, date, Grain::Month), i + 1)
            }
            None => relative::month_alone(view, ctx, i, m)?,
        }
    } else {
        let y: i32 = what.parse().ok().filter(|_| what.len() == 4)?;
        let date = NaiveDate::from_ymd_opt(y, 1, 1)?;
        Match::one(date_found(view, i, view.end(i), date, Grain::Year), i)
    };
    if let Some(f) = m.found.first_mut() {
        f.qualifier = Qualifier::Approx;
    }
    Some(m)
}

/// A year written alone ("in 2009", "the 1998 accord", "2021-Tuesday").
fn bare_year(view: &View<'_>, i: usize) -> Option<Match> {
    let (y, end) = year_at(view, i)?;
    if !(1800..=2100).contains(&y) || !reads_as_year(view, i) {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(y, 1, 1)?;
    Some(Match::one(date_found(view, i, end, date, Grain::Year), i))
}

/// Words before a bare year, beyond [`YEAR_CONTEXT`], that make a plural noun
/// after it the thing it labels ("their 1997 returns", "a 1994 Ferrin van").
const LABEL_CONTEXT: &[&str] = &[
    "a", "an", "her", "his", "its", "my", "our", "that", "their", "these", "this", "those", "your",
];

/// True when a four-digit number reads as a year rather than a count: after a
/// preposition, a determiner or a possessive ("the team's 2016 results"), or when
/// no plural noun follows it ("2,000 people" is written with a comma in news
/// style; "2000 people" is the rare exception this keeps).
fn reads_as_year(view: &View<'_>, i: usize) -> bool {
    let before = view.low_before(i);
    if YEAR_CONTEXT.contains(&before)
        || LABEL_CONTEXT.contains(&before)
        || (before.ends_with("'s") && view.is_word(i.wrapping_sub(1)))
    {
        return true;
    }
    match units::counted_after(view, i + 1, false) {
        Some(c) => {
            // The last word decides, also in a name ("a 1994 Ferrin Cargo Van").
            let last = super::tokens::base(view.low(c.last));
            units::singular(last) == last
        }
        None => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str, i: usize) -> Option<(String, String)> {
        let v = View::new(s, 0..s.len());
        let ctx = Ctx { published: None };
        let m = at(&v, &ctx, i)?;
        let f = m.found.first()?;
        Some((f.value.normalized(), s[f.start..f.end].to_string()))
    }

    fn pair(a: &str, b: &str) -> Option<(String, String)> {
        Some((a.to_string(), b.to_string()))
    }

    #[test]
    fn reads_dates_at_their_grain() {
        assert_eq!(
            date("on July 4, 2011 at", 1),
            pair("2011-07-04", "July 4, 2011")
        );
        assert_eq!(
            date("on 3 October 2010", 1),
            pair("2010-10-03", "3 October 2010")
        );
        assert_eq!(date("since Feb. 2009", 1), pair("2009-02", "Feb. 2009"));
        assert_eq!(date("in 1998 the", 1), pair("1998", "1998"));
        assert_eq!(date("the 1980s", 1), pair("1980s", "1980s"));
        assert_eq!(date("on 2019-02-28.", 1), pair("2019-02-28", "2019-02-28"));
        assert_eq!(
            date("Nov 2, 2021-Tuesday", 0),
            pair("2021-11-02", "Nov 2, 2021")
        );
    }

    #[test]
    fn years_joined_by_a_dash_are_one_range() {
        assert_eq!(date("the 1939-1945 war", 1), pair("1939/1945", "1939-1945"));
        assert_eq!(date("in 2010–16 the", 1), pair("2010/2016", "2010–16"));
        assert_eq!(
            date("in 2010 - 2016 the", 1),
            pair("2010/2016", "2010 - 2016")
        );
        assert_eq!(date("the 1998-03 slump", 1), pair("1998/2003", "1998-03"));
        assert_eq!(date("the 1999-00 season", 1), pair("1999/2000", "1999-00"));
        let v = View::new("in 2010-16 the", 0.."in 2010-16 the".len());
        let m = at(&v, &Ctx { published: None }, 1).expect("a range");
        assert_eq!(m.found.len(), 1, "one figure, not one per year");
        assert_eq!(m.found[0].predicate.as_deref(), Some("in"));
        // An ISO month and a score are not ranges of years.
        let not_a_range = |s: &str| date(s, 1).is_none_or(|d| !d.0.contains('/'));
        assert!(not_a_range("on 2019-02 the"));
        assert!(not_a_range("won 2016-2012 in"));
    }

    #[test]
    fn month_names_need_context_and_capitals() {
        assert_eq!(date("they march 2000 miles", 1), None);
        assert_eq!(date("May I", 0), None);
        assert_eq!(date("sold 2000 tickets", 1), None);
    }

    #[test]
    fn dates_without_a_year_stay_unresolved_without_a_publication_date() {
        assert_eq!(date("on Oct. 9 the", 1), pair("unresolved", "Oct. 9"));
        assert_eq!(date("in June the", 1), pair("unresolved", "June"));
    }
}

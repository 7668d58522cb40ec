//! Relative dates, resolved against the publication date of their source and never
//! against the clock: "last year", "last month", "on Tuesday", "three weeks ago",
//! "in June last year", "later this year", a date without its year ("Oct. 9"),
//! and dates derived from durations ("ending a 30-month embargo", "the 12th day of
//! a shutdown").
//!
//! Rules, each stated in the figure's `derivation`:
//! - A weekday, a month alone or a day and month without a year is the nearest one
//!   on or before publication, unless its clause speaks of the future ("will",
//!   "scheduled", "expected", ...: the nearest tense cue before the date, else
//!   after it), when it is the nearest on or after. "last" and
//!   "next" make it strictly before or after.
//! - "last/this/next week" are ISO weeks ([`Grain::Week`]); "N days ago" is a day,
//!   "N weeks ago" a week, "N months ago" a month, "N years ago" a year.
//! - A derived start date is publication minus the duration, at the grain of the
//!   duration's unit (months give a month, whole years a year, days a day), and is
//!   approximate.
//! - Without a publication date every one of these is [`Value::Unresolved`], with a
//!   derivation saying so: claimdiff never guesses a date.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::figure::{FigureKind, Grain, Qualifier, Value, format_number};

use super::dates::{self, preposition_before};
use super::durations::TimeUnit;
use super::tokens::View;
use super::units::{self, Counted};
use super::{Ctx, Found, Match};

/// The weekday of a folded weekday name ("tuesday", "tuesday's").
pub(crate) fn weekday_of(w: &str) -> Option<Weekday> {
    Some(match super::tokens::base(w) {
        "monday" => Weekday::Mon,
        "tuesday" => Weekday::Tue,
        "wednesday" => Weekday::Wed,
        "thursday" => Weekday::Thu,
        "friday" => Weekday::Fri,
        "saturday" => Weekday::Sat,
        "sunday" => Weekday::Sun,
        _ => return None,
    })
}

/// True for a word that can start a relative date.
pub(crate) fn may_start(w: &str) -> bool {
    matches!(
        w,
        "earlier"
            | "later"
            | "last"
            | "next"
            | "this"
            | "yesterday"
            | "today"
            | "tonight"
            | "tomorrow"
    ) || weekday_of(w).is_some()
}

/// Words of a sentence that put what it says in the future.
const FUTURE_CUES: &[&str] = &[
    "due",
    "expected",
    "next",
    "planned",
    "plans",
    "scheduled",
    "shall",
    "upcoming",
    "will",
];

/// How far (in tokens) to look for a tense cue on each side of a date.
const TENSE_WINDOW: usize = 12;

/// Which occurrence of a weekday or month a text means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    /// The nearest on or before publication.
    OnOrBefore,
    /// The nearest on or after publication.
    OnOrAfter,
    /// Strictly before ("last Friday").
    Before,
    /// Strictly after ("next Friday").
    After,
}

impl Direction {
    fn describe(self) -> &'static str {
        match self {
            Direction::OnOrBefore => "the nearest on or before",
            Direction::OnOrAfter => "the nearest on or after (future context)",
            Direction::Before => "the nearest before",
            Direction::After => "the nearest after",
        }
    }
}

/// What a word says about the time of its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TenseCue {
    Future,
    Past,
}

fn tense_cue(w: &str) -> Option<TenseCue> {
    if FUTURE_CUES.contains(&w) || w.ends_with("'ll") {
        Some(TenseCue::Future)
    } else if units::is_past_form(w) {
        Some(TenseCue::Past)
    } else {
        None
    }
}

/// True when the clause of the date at token `i` speaks of the future: the
/// nearest tense cue before it in its sentence ("will meet on Tuesday", "said on
/// Tuesday that ..."), else the nearest after it ("On Tuesday the board will
/// meet"). A past verb found first means the past.
fn is_future(view: &View<'_>, i: usize) -> bool {
    let is_end = |k: usize| matches!(view.raw(k), "." | "!" | "?") && !view.touches_next(k);
    // A passive participle ("will be held") says nothing about the time.
    let cue_at = |k: usize| {
        tense_cue(view.low(k)).filter(|c| {
            *c == TenseCue::Future || !matches!(view.low_before(k), "be" | "been" | "being")
        })
    };
    let mut k = i;
    for _ in 0..TENSE_WINDOW {
        let Some(p) = k.checked_sub(1) else { break };
        if is_end(p) {
            break;
        }
        if let Some(cue) = cue_at(p) {
            return cue == TenseCue::Future;
        }
        k = p;
    }
    for k in i + 1..(i + 1 + TENSE_WINDOW).min(view.len()) {
        if is_end(k) {
            break;
        }
        if let Some(cue) = cue_at(k) {
            return cue == TenseCue::Future;
        }
    }
    false
}

fn tense(view: &View<'_>, i: usize) -> Direction {
    if is_future(view, i) {
        Direction::OnOrAfter
    } else {
        Direction::OnOrBefore
    }
}

/// A figure for relative text at `span`, resolved with `resolve` against the
/// publication date, or unresolved without one.
fn relative_found(
    view: &View<'_>,
    ctx: &Ctx,
    first: usize,
    span: std::ops::Range<usize>,
    resolve: impl FnOnce(NaiveDate) -> Option<(NaiveDate, Grain, String)>,
) -> Option<Found> {
    let text = view.text.get(span.clone()).unwrap_or("").to_string();
    let mut f = Found::new(span, FigureKind::Date, Value::Unresolved);
    f.predicate = preposition_before(view, first);
    match ctx.published {
        Some(p) => {
            let (date, grain, how) = resolve(p)?;
            f.value = Value::Date { date, grain };
            f.derivation = Some(format!(
                "'{text}' resolved against publication date {p}: {how}"
            ));
        }
        None => {
            f.derivation = Some(format!(
                "'{text}' is relative and the source has no publication date"
            ));
        }
    }
    Some(f)
}

/// A relative date starting at token `i`.
pub(crate) fn at(view: &View<'_>, ctx: &Ctx, i: usize) -> Option<Match> {
    let w = view.low(i);
    if matches!(w, "earlier" | "later") && view.is(i + 1, "this") {
        return anchored(view, ctx, i, i + 1);
    }
    if matches!(w, "last" | "next" | "this") {
        return anchored(view, ctx, i, i);
    }
    if let Some(offset) = day_word(w).filter(|_| !view.is_capitalized(i)) {
        let f = relative_found(view, ctx, i, view.start(i)..view.end(i), |p| {
            let d = shift_days(p, offset)?;
            Some((d, Grain::Day, format!("{offset:+} day(s)")))
        })?;
        return Some(Match::one(f, i));
    }
    if let Some(day) = weekday_at(view, i) {
        let dir = tense(view, i);
        let span = view.start(i)..view.end_without_possessive(i);
        let f = relative_found(view, ctx, i, span, |p| {
            let d = nearest_weekday(p, day, dir)?;
            Some((d, Grain::Day, format!("{} {day:?}", dir.describe())))
        })?;
        return Some(Match::one(f, i));
    }
    None
}

/// "yesterday" is -1 day, and so on.
fn day_word(w: &str) -> Option<i64> {
    Some(match w {
        "yesterday" => -1,
        "today" | "tonight" => 0,
        "tomorrow" => 1,
        _ => return None,
    })
}

/// A capitalized weekday name at `i` that is not part of a name ("Good Friday").
fn weekday_at(view: &View<'_>, i: usize) -> Option<Weekday> {
    if !view.is_word(i) || !view.is_capitalized(i) {
        return None;
    }
    let day = weekday_of(view.low(i))?;
    let prev = i.checked_sub(1);
    let named = prev.is_some_and(|p| {
        view.is_word(p) && view.is_capitalized(p) && !crate::text::is_stop_word(view.low(p))
    });
    (!named).then_some(day)
}

/// "last year", "this month", "next week", "last Friday", "last April", with the
/// anchor word at `i` and the span starting at `first` ("later this year").
fn anchored(view: &View<'_>, ctx: &Ctx, first: usize, i: usize) -> Option<Match> {
    let anchor = view.low(i);
    let what = super::tokens::base(view.low(i + 1));
    let step: i32 = match anchor {
        "last" => -1,
        "next" => 1,
        _ => 0,
    };
    let span = view.start(first)..view.end_without_possessive(i + 1);
    let f = match what {
        "year" => relative_found(view, ctx, first, span, |p| {
            let d = NaiveDate::from_ymd_opt(p.year() + step, 1, 1)?;
            Some((d, Grain::Year, format!("year {step:+}")))
        }),
        "month" => relative_found(view, ctx, first, span, |p| {
            let d = month_start(p, step)?;
            Some((d, Grain::Month, format!("month {step:+}")))
        }),
        "week" => relative_found(view, ctx, first, span, |p| {
            let monday = shift_days(p, -(p.weekday().num_days_from_monday() as i64))?;
            let d = shift_days(monday, 7 * step as i64)?;
            Some((d, Grain::Week, format!("week {step:+}")))
        }),
        _ => {
            if let Some(day) = weekday_of(what) {
                let dir = match step {
                    -1 => Direction::Before,
                    1 => Direction::After,
                    _ => tense(view, i),
                };
                relative_found(view, ctx, first, span, |p| {
                    let d = nearest_weekday(p, day, dir)?;
                    Some((d, Grain::Day, format!("{} {day:?}", dir.describe())))
                })
            } else if let Some(m) = dates::month_of(what).filter(|_| view.is_capitalized(i + 1)) {
                let dir = match step {
                    -1 => Direction::Before,
                    1 => Direction::After,
                    _ => tense(view, i),
                };
                relative_found(view, ctx, first, span, |p| nearest_month(p, m, dir))
            } else {
                None
            }
        }
    }?;
    Some(Match::one(f, i + 1))
}

/// A month named alone at token `i` ("in June", "in June last year").
pub(crate) fn month_alone(view: &View<'_>, ctx: &Ctx, i: usize, m: u32) -> Option<Match> {
    let year_step = match (view.low(i + 1), super::tokens::base(view.low(i + 2))) {
        ("last", "year") => Some(-1),
        ("this", "year") => Some(0),
        ("next", "year") => Some(1),
        _ => None,
    };
    let last = if year_step.is_some() { i + 2 } else { i };
    let span = view.start(i)..view.end_without_possessive(last);
    let dir = tense(view, i);
    let f = relative_found(view, ctx, i, span, |p| match year_step {
        Some(s) => {
            let d = NaiveDate::from_ymd_opt(p.year() + s, m, 1)?;
            Some((d, Grain::Month, format!("month {m} of year {s:+}")))
        }
        None => nearest_month(p, m, dir),
    })?;
    Some(Match::one(f, last))
}

/// A day and month without a year ("Oct. 9") spanning tokens `first..=last`.
pub(crate) fn day_month(
    view: &View<'_>,
    ctx: &Ctx,
    first: usize,
    last: usize,
    m: u32,
    d: u32,
) -> Option<Found> {
    // A day that exists in no year (February 30) is not a date.
    NaiveDate::from_ymd_opt(2000, m, d)?;
    let dir = tense(view, first);
    relative_found(view, ctx, first, view.start(first)..view.end(last), |p| {
        let this_year = NaiveDate::from_ymd_opt(p.year(), m, d);
        let date = match (dir, this_year) {
            (Direction::OnOrAfter, Some(t)) if t >= p => t,
            (Direction::OnOrAfter, _) => NaiveDate::from_ymd_opt(p.year() + 1, m, d)?,
            (_, Some(t)) if t <= p => t,
            _ => NaiveDate::from_ymd_opt(p.year() - 1, m, d)?,
        };
        Some((
            date,
            Grain::Day,
            format!("year taken as {}", dir.describe()),
        ))
    })
}

/// "three weeks ago": `amount` units before publication, spanning `span`.
pub(crate) fn ago(
    view: &View<'_>,
    ctx: &Ctx,
    first: usize,
    span: std::ops::Range<usize>,
    amount: f64,
    unit: TimeUnit,
) -> Option<Found> {
    relative_found(view, ctx, first, span, |p| {
        let (d, grain) = before_publication(p, amount, unit)?;
        Some((
            d,
            grain,
            format!("{} {} before it", format_number(amount), unit.name()),
        ))
    })
}

/// The date `amount` units before `p`, at the grain the unit allows, or `None` for
/// units too small (hours) or too large to subtract.
fn before_publication(p: NaiveDate, amount: f64, unit: TimeUnit) -> Option<(NaiveDate, Grain)> {
    let months = unit.months().map(|m| m * amount);
    match months {
        Some(m) if m.fract() == 0.0 && (0.0..12_000.0).contains(&m) => {
            let d = p.checked_sub_months(Months::new(m as u32))?;
            let whole_years = unit.months().is_some_and(|u| u >= 12.0) && amount.fract() == 0.0;
            if whole_years {
                Some((NaiveDate::from_ymd_opt(d.year(), 1, 1)?, Grain::Year))
            } else {
                Some((
                    NaiveDate::from_ymd_opt(d.year(), d.month(), 1)?,
                    Grain::Month,
                ))
            }
        }
        Some(_) => None,
        None => {
            let days = unit.days()? * amount;
            if days.fract() != 0.0 || !(0.0..1e6).contains(&days) {
                return None;
            }
            let d = p.checked_sub_days(Days::new(days as u64))?;
            if unit == TimeUnit::Week {
                let monday = shift_days(d, -(d.weekday().num_days_from_monday() as i64))?;
                Some((monday, Grain::Week))
            } else {
                Some((d, Grain::Day))
            }
        }
    }
}

/// A start date derived from a duration that ends at (or is under way at)
/// publication: "ending a 30-month embargo", "a six-year-old feud". The new figure
/// shares the duration's span, counts what the duration measures, and carries the
/// predicate "since".
pub(crate) fn derived_start(
    ctx: &Ctx,
    duration: &Found,
    text: &str,
    amount: f64,
    unit: TimeUnit,
    why: &str,
) -> Option<Found> {
    if unit.days().is_some_and(|d| d < 1.0) {
        return None;
    }
    let what = duration
        .counted
        .as_ref()
        .map_or_else(|| "period".to_string(), |c: &Counted| c.head.clone());
    let mut f = Found::new(
        duration.start..duration.end,
        FigureKind::Date,
        Value::Unresolved,
    );
    f.qualifier = Qualifier::Approx;
    f.counted = duration.counted.clone();
    f.predicate = Some("since".to_string());
    match ctx.published {
        Some(p) => {
            let (date, grain) = before_publication(p, amount, unit)?;
            f.value = Value::Date { date, grain };
            f.derivation = Some(format!(
                "start of the {what} derived from '{text}': publication date {p} minus {} {}, as the {what} {why}",
                format_number(amount),
                unit.name()
            ));
        }
        None => {
            f.derivation = Some(format!(
                "start of the {what} derived from '{text}' needs a publication date, and the source has none"
            ));
        }
    }
    Some(f)
}

/// A start date derived from "the Nth day of X": day 1 was N - 1 days before
/// publication.
pub(crate) fn derived_from_day_number(
    ctx: &Ctx,
    ordinal: &Found,
    text: &str,
    n: f64,
    what: Counted,
) -> Option<Found> {
    let name = what.head.clone();
    let mut f = Found::new(
        ordinal.start..ordinal.end,
        FigureKind::Date,
        Value::Unresolved,
    );
    f.qualifier = Qualifier::Approx;
    f.counted = Some(what);
    f.predicate = Some("since".to_string());
    match ctx.published {
        Some(p) => {
            let back = (n - 1.0).max(0.0);
            let date = p.checked_sub_days(Days::new(back as u64))?;
            f.value = Value::Date {
                date,
                grain: Grain::Day,
            };
            f.derivation = Some(format!(
                "start of the {name} derived from '{text}': day {} at publication date {p}, so day 1 was {} day(s) before",
                format_number(n),
                format_number(back)
            ));
        }
        None => {
            f.derivation = Some(format!(
                "start of the {name} derived from '{text}' needs a publication date, and the source has none"
            ));
        }
    }
    Some(f)
}

fn shift_days(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    if days >= 0 {
        d.checked_add_days(Days::new(days as u64))
    } else {
        d.checked_sub_days(Days::new(days.unsigned_abs()))
    }
}

/// The first day of the month `step` months from the month of `p`.
fn month_start(p: NaiveDate, step: i32) -> Option<NaiveDate> {
    let index = p.year() * 12 + p.month0() as i32 + step;
    NaiveDate::from_ymd_opt(index.div_euclid(12), index.rem_euclid(12) as u32 + 1, 1)
}

fn nearest_weekday(p: NaiveDate, day: Weekday, dir: Direction) -> Option<NaiveDate> {
    let back =
        (7 + p.weekday().num_days_from_monday() as i64 - day.num_days_from_monday() as i64) % 7;
    let forward = (7 - back) % 7;
    match dir {
        Direction::OnOrBefore => shift_days(p, -back),
        Direction::Before => shift_days(p, -(if back == 0 { 7 } else { back })),
        Direction::OnOrAfter => shift_days(p, forward),
        Direction::After => shift_days(p, if forward == 0 { 7 } else { forward }),
    }
}

fn nearest_month(p: NaiveDate, m: u32, dir: Direction) -> Option<(NaiveDate, Grain, String)> {
    let pm = p.month();
    let year = match dir {
        Direction::OnOrBefore if m <= pm => p.year(),
        Direction::Before if m < pm => p.year(),
        Direction::OnOrBefore | Direction::Before => p.year() - 1,
        Direction::OnOrAfter if m >= pm => p.year(),
        Direction::After if m > pm => p.year(),
        Direction::OnOrAfter | Direction::After => p.year() + 1,
    };
    let d = NaiveDate::from_ymd_opt(year, m, 1)?;
    Some((d, Grain::Month, format!("year taken as {}", dir.describe())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn weekdays_resolve_in_the_right_direction() {
        // 2021-06-09 is a Wednesday.
        let p = day(2021, 6, 9);
        assert_eq!(
            nearest_weekday(p, Weekday::Mon, Direction::OnOrBefore),
            Some(day(2021, 6, 7))
        );
        assert_eq!(
            nearest_weekday(p, Weekday::Wed, Direction::OnOrBefore),
            Some(p)
        );
        assert_eq!(
            nearest_weekday(p, Weekday::Wed, Direction::Before),
            Some(day(2021, 6, 2))
        );
        assert_eq!(
            nearest_weekday(p, Weekday::Fri, Direction::OnOrAfter),
            Some(day(2021, 6, 11))
        );
        assert_eq!(
            nearest_weekday(p, Weekday::Wed, Direction::After),
            Some(day(2021, 6, 16))
        );
    }

    #[test]
    fn months_resolve_across_year_ends() {
        let p = day(2021, 2, 10);
        assert_eq!(
            nearest_month(p, 11, Direction::OnOrBefore).unwrap().0,
            day(2020, 11, 1)
        );
        assert_eq!(
            nearest_month(p, 2, Direction::Before).unwrap().0,
            day(2020, 2, 1)
        );
        assert_eq!(month_start(p, -3), Some(day(2020, 11, 1)));
    }

    #[test]
    fn subtracts_durations_at_their_grain() {
        let p = day(2021, 6, 9);
        assert_eq!(
            before_publication(p, 30.0, TimeUnit::Month),
            Some((day(2018, 12, 1), Grain::Month))
        );
        assert_eq!(
            before_publication(p, 3.0, TimeUnit::Year),
            Some((day(2018, 1, 1), Grain::Year))
        );
        assert_eq!(
            before_publication(p, 2.5, TimeUnit::Year),
            Some((day(2018, 12, 1), Grain::Month))
        );
        assert_eq!(
            before_publication(p, 10.0, TimeUnit::Day),
            Some((day(2021, 5, 30), Grain::Day))
        );
        assert_eq!(
            before_publication(p, 1.0, TimeUnit::Week),
            Some((day(2021, 5, 31), Grain::Week))
        );
    }
}

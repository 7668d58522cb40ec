//! Relative dates, resolved against the publication date of their source and never
//! against the clock: "last year", "last month", "on Tuesday", "three weeks ago",
//! "in June last year", "later this year", a date without its year ("Oct. 9"),
//! and dates derived from durations ("ending a 30-month embargo", "the 12th day of
//! a shutdown").
//!
//! Rules, each stated in the figure's `derivation`:
//! - A weekday, a month alone or a day and month without a year is the nearest one
//!   on or before publication, unless its clause speaks of the future, when it is
//!   the nearest on or after. The clause's tense is its nearest tense cue before
//!   the date, else after it: a past form means the past; the future is "will",
//!   "would", "scheduled", "expected", "due", "next" ..., an intent before "to"
//!   ("is set to", "hopes to", "is going to", "is to appear"), and a present
//!   tense of the verbs news uses for what is scheduled ("takes office in
//!   January", "the law takes effect Jan. 1", "polls close on Sunday"; not after
//!   a determiner: "the vote on Tuesday" is a noun). A day and month in a clause
//!   with no cue at all ("the Dec. 5 vote") is the nearest on either side of
//!   publication, the future side only within a quarter of a year. "last" and "next" make it strictly before or after.
//! - "last/this/next week" are ISO weeks ([`Grain::Week`]); "N days ago" is a day,
//!   "N weeks ago" a week, "N months ago" a month, "N years ago" a year.
//! - A derived start date is publication minus the duration, at the grain of the
//!   duration's unit (months give a month, whole years a year, days a day), and is
//!   approximate.
//! - Without a publication date every one of these is [`Value::Unresolved`], with a
//!   derivation saying so: claimdiff never guesses a date.
//! - Inside quotation marks, a day-sized relative date ("today", "tomorrow",
//!   "yesterday", "tonight", a weekday, "this/last/next week") is relative to when
//!   the words were said, not to publication: it is resolved against the day the
//!   attribution outside the quotation gives ("..., she said on Tuesday", "told
//!   reporters yesterday"), else it is [`Value::Unresolved`] with a derivation
//!   saying why. Months and years in quotations are resolved as elsewhere.

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
    "slated",
    "upcoming",
    "will",
    "would",
];

/// Verbs that, in the present tense, speak of a scheduled future in news style
/// ("the law takes effect Jan. 1", "the council that takes office in January",
/// "polls close on Sunday", "the trial opens on Feb. 17"). A determiner before
/// one makes it a noun ("the vote on Tuesday"), and "did" or "does" before a
/// bare form makes it past or habitual.
const SCHEDULED_VERBS: &[&str] = &[
    "arrive", "arrives", "begin", "begins", "close", "closes", "come", "comes", "convene",
    "convenes", "debut", "debuts", "end", "ends", "expire", "expires", "face", "faces", "go",
    "goes", "head", "heads", "kick", "kicks", "launch", "launches", "leave", "leaves", "meet",
    "meets", "open", "opens", "reopen", "reopens", "resume", "resumes", "return", "returns",
    "start", "starts", "take", "takes", "travel", "travels", "visit", "visits", "vote", "votes",
];

/// Verbs that put what follows "to" in the future ("is set to play", "hopes to
/// finish", "is going to vote").
const INTENT_VERBS: &[&str] = &[
    "aim", "aims", "going", "hope", "hopes", "intend", "intends", "plan", "seek", "seeks", "set",
    "want", "wants",
];

/// Words before a verb that make it a noun or not a present tense.
const NOT_PRESENT_BEFORE: &[&str] = &[
    "a", "an", "did", "didn't", "do", "does", "doesn't", "her", "his", "its", "my", "our", "the",
    "their", "this", "your",
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
    /// The nearest on either side (a day and month in a clause without tense:
    /// "the Dec. 5 vote").
    Nearest,
}

impl Direction {
    fn describe(self) -> &'static str {
        match self {
            Direction::OnOrBefore => "the nearest on or before",
            Direction::OnOrAfter => "the nearest on or after (future context)",
            Direction::Before => "the nearest before",
            Direction::After => "the nearest after",
            Direction::Nearest => "the nearest on either side (no tense in its clause)",
        }
    }
}

/// What a word says about the time of its clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TenseCue {
    Future,
    Past,
}

/// The tense cue of token `k` in its context.
fn tense_cue(view: &View<'_>, k: usize) -> Option<TenseCue> {
    let w = view.low(k);
    let before = view.low_before(k);
    if (FUTURE_CUES.contains(&w) || w.ends_with("'ll")) && !(w == "would" && view.is(k + 1, "have"))
    {
        return Some(TenseCue::Future);
    }
    if INTENT_VERBS.contains(&w) && view.is(k + 1, "to") {
        return Some(TenseCue::Future);
    }
    // "is to appear", "are to vote": be + to + verb.
    if w == "to" && matches!(before, "is" | "are") && view.is_word(k + 1) {
        return Some(TenseCue::Future);
    }
    let negated_past = before == "not" && matches!(view.low_before(k - 1), "did" | "does" | "do");
    if SCHEDULED_VERBS.contains(&w) && !NOT_PRESENT_BEFORE.contains(&before) && !negated_past {
        return Some(TenseCue::Future);
    }
    if units::is_past_form(w) {
        // A passive participle ("will be held") says nothing about the time.
        return (!matches!(before, "be" | "been" | "being")).then_some(TenseCue::Past);
    }
    None
}

/// The tense of the clause of the date at token `i`: the nearest tense cue before
/// it in its sentence ("will meet on Tuesday", "said on Tuesday that ..."), else
/// the nearest after it ("On Tuesday the board will meet"); `None` when neither
/// side has one.
fn clause_tense(view: &View<'_>, i: usize) -> Option<TenseCue> {
    let is_end = |k: usize| matches!(view.raw(k), "." | "!" | "?") && !view.touches_next(k);
    let mut k = i;
    for _ in 0..TENSE_WINDOW {
        let Some(p) = k.checked_sub(1) else { break };
        if is_end(p) {
            break;
        }
        if let Some(cue) = tense_cue(view, p) {
            return Some(cue);
        }
        k = p;
    }
    for k in i + 1..(i + 1 + TENSE_WINDOW).min(view.len()) {
        if is_end(k) {
            break;
        }
        if let Some(cue) = tense_cue(view, k) {
            return Some(cue);
        }
    }
    None
}

fn tense(view: &View<'_>, i: usize) -> Direction {
    match clause_tense(view, i) {
        Some(TenseCue::Future) => Direction::OnOrAfter,
        _ => Direction::OnOrBefore,
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

/// Verbs of saying that a quotation's attribution uses, for the day the words
/// were said ("..., she said on Tuesday").
const SAID: &[&str] = &[
    "added",
    "announced",
    "asked",
    "declared",
    "explained",
    "insisted",
    "noted",
    "remarked",
    "said",
    "stated",
    "told",
    "tweeted",
    "warned",
    "wrote",
];

/// A day-sized relative date ("today", "tomorrow", "on Friday", "this week") at
/// `span`: resolved against publication outside quotation marks; inside them it
/// is relative to when the words were said, so it is resolved against the day
/// the attribution gives ("'We vote tomorrow,' she said on Tuesday") and left
/// unresolved when it gives none.
fn deictic_found(
    view: &View<'_>,
    ctx: &Ctx,
    first: usize,
    span: std::ops::Range<usize>,
    resolve: impl FnOnce(NaiveDate) -> Option<(NaiveDate, Grain, String)>,
) -> Option<Found> {
    if !view.is_quoted(first) {
        return relative_found(view, ctx, first, span, resolve);
    }
    let text = view.text.get(span.clone()).unwrap_or("").to_string();
    let mut f = Found::new(span, FigureKind::Date, Value::Unresolved);
    f.predicate = preposition_before(view, first);
    match speech_day(view, ctx, first) {
        Some((said, how)) => {
            let (date, grain, rule) = resolve(said)?;
            f.value = Value::Date { date, grain };
            f.derivation = Some(format!(
                "'{text}' inside a quotation, resolved against the day it was said, {said} ({how}): {rule}"
            ));
        }
        None => {
            f.derivation = Some(format!(
                "'{text}' inside a quotation: relative to when it was said, which the text does not give"
            ));
        }
    }
    Some(f)
}

/// The day the quotation around token `i` was said, when its sentence gives it
/// outside the quotation next to a verb of saying ("she said on Tuesday", "told
/// reporters yesterday", "said today"), and how it was read.
fn speech_day(view: &View<'_>, ctx: &Ctx, i: usize) -> Option<(NaiveDate, String)> {
    let p = ctx.published?;
    // A sentence ends at a final mark outside the quotation.
    let ends = |k: usize| {
        matches!(view.raw(k), "." | "!" | "?") && !view.touches_next(k) && !view.is_quoted(k)
    };
    let mut start = i;
    while start > 0 && !ends(start - 1) {
        start -= 1;
    }
    let mut end = i;
    while end + 1 < view.len() && !ends(end) {
        end += 1;
    }
    let outside = |k: usize| (start..=end).contains(&k) && !view.is_quoted(k);
    for verb in (start..=end).filter(|&k| outside(k) && SAID.contains(&view.low(k))) {
        let near = (verb.saturating_sub(2)..=verb + 3).filter(|&k| k != verb && outside(k));
        for k in near {
            let w = view.low(k);
            if let Some(offset) = day_word(w).filter(|o| *o <= 0) {
                let d = shift_days(p, offset)?;
                return Some((
                    d,
                    format!("'{}' resolved against publication date {p}", view.raw(k)),
                ));
            }
            if let Some(day) = weekday_of(w).filter(|_| view.is_capitalized(k)) {
                let d = nearest_weekday(p, day, Direction::OnOrBefore)?;
                return Some((
                    d,
                    format!("'{}' resolved against publication date {p}", view.raw(k)),
                ));
            }
        }
    }
    None
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
        let f = deictic_found(view, ctx, i, view.start(i)..view.end(i), |p| {
            let d = shift_days(p, offset)?;
            Some((d, Grain::Day, format!("{offset:+} day(s)")))
        })?;
        return Some(Match::one(f, i));
    }
    if let Some(day) = weekday_at(view, i) {
        let dir = tense(view, i);
        let span = view.start(i)..view.end_without_possessive(i);
        let f = deictic_found(view, ctx, i, span, |p| {
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
    // "Tuesday, May 17, 2011" and "Friday 4 June" are one date written out:
    // the weekday only names its day, and the date says which.
    let k = if view.raw(i + 1) == "," { i + 2 } else { i + 1 };
    let month_day = super::dates::month_of(view.low(k)).is_some() && view.is_number(k + 1);
    let day_month = view.is_number(k) && super::dates::month_of(view.low(k + 1)).is_some();
    (!named && !month_day && !day_month).then_some(day)
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
        "week" => deictic_found(view, ctx, first, span, |p| {
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
                deictic_found(view, ctx, first, span, |p| {
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
    let dir = match clause_tense(view, first) {
        Some(TenseCue::Future) => Direction::OnOrAfter,
        Some(TenseCue::Past) => Direction::OnOrBefore,
        None => Direction::Nearest,
    };
    relative_found(view, ctx, first, view.start(first)..view.end(last), |p| {
        let date = nearest_day_month(p, m, d, dir)?;
        Some((date, Grain::Day, format!("{YEAR_TAKEN} {}", dir.describe())))
    })
}

/// The words a derivation starts its rule with when the text gives a month (and
/// day) but no year, and the year was taken from the publication date.
pub(crate) const YEAR_TAKEN: &str = "year taken as";

/// How far after publication a day and month in a clause without tense may be
/// taken to lie: about a quarter.
const NEAR_FUTURE_DAYS: i64 = 92;

/// The day `d` of month `m` nearest publication `p` in direction `dir`.
fn nearest_day_month(p: NaiveDate, m: u32, d: u32, dir: Direction) -> Option<NaiveDate> {
    let on_or_after = || {
        NaiveDate::from_ymd_opt(p.year(), m, d)
            .filter(|t| *t >= p)
            .or_else(|| NaiveDate::from_ymd_opt(p.year() + 1, m, d))
    };
    let on_or_before = || {
        NaiveDate::from_ymd_opt(p.year(), m, d)
            .filter(|t| *t <= p)
            .or_else(|| NaiveDate::from_ymd_opt(p.year() - 1, m, d))
    };
    match dir {
        Direction::OnOrAfter | Direction::After => on_or_after(),
        Direction::OnOrBefore | Direction::Before => on_or_before(),
        // The future only when it is near and nearer: news tells of the past
        // more often than of the future.
        Direction::Nearest => match (on_or_before(), on_or_after()) {
            (Some(b), Some(a)) if (a - p) < (p - b) && (a - p).num_days() <= NEAR_FUTURE_DAYS => {
                Some(a)
            }
            (Some(b), _) => Some(b),
            (None, a) => a,
        },
    }
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
        Direction::OnOrBefore | Direction::Nearest => shift_days(p, -back),
        Direction::Before => shift_days(p, -(if back == 0 { 7 } else { back })),
        Direction::OnOrAfter => shift_days(p, forward),
        Direction::After => shift_days(p, if forward == 0 { 7 } else { forward }),
    }
}

fn nearest_month(p: NaiveDate, m: u32, dir: Direction) -> Option<(NaiveDate, Grain, String)> {
    let pm = p.month();
    let year = match dir {
        Direction::OnOrBefore | Direction::Nearest if m <= pm => p.year(),
        Direction::Before if m < pm => p.year(),
        Direction::OnOrBefore | Direction::Before | Direction::Nearest => p.year() - 1,
        Direction::OnOrAfter if m >= pm => p.year(),
        Direction::After if m > pm => p.year(),
        Direction::OnOrAfter | Direction::After => p.year() + 1,
    };
    let d = NaiveDate::from_ymd_opt(year, m, 1)?;
    Some((d, Grain::Month, format!("{YEAR_TAKEN} {}", dir.describe())))
}

#[cfg(test)]
mod tests {
    use super::super::testing::{describe, figure, figures_of};
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_weekday_written_with_its_date_is_not_a_relative_date() {
        let found = figures_of(
            "2016-04-01",
            "Rangers shot the animal on Wednesday, March 30, 2016, near the park.",
        );
        assert!(
            figure(&found, "Wednesday").is_none(),
            "{}",
            describe(&found)
        );
        assert!(
            found.iter().any(|(f, w)| w.contains("March 30")
                && f.value
                    == Value::Date {
                        date: NaiveDate::from_ymd_opt(2016, 3, 30).unwrap(),
                        grain: Grain::Day
                    }),
            "{}",
            describe(&found)
        );
        let found = figures_of("2021-06-09", "The council met on Friday 4 June to vote.");
        assert!(figure(&found, "Friday").is_none(), "{}", describe(&found));
        // A weekday alone is still read against the publication date.
        let found = figures_of("2021-06-09", "The council met on Friday to vote.");
        assert!(figure(&found, "Friday").is_some(), "{}", describe(&found));
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
    fn a_day_and_month_without_tense_is_the_nearest_either_side() {
        let p = day(2021, 11, 10);
        assert_eq!(
            nearest_day_month(p, 12, 5, Direction::Nearest),
            Some(day(2021, 12, 5))
        );
        assert_eq!(
            nearest_day_month(p, 3, 5, Direction::Nearest),
            Some(day(2021, 3, 5))
        );
        assert_eq!(
            nearest_day_month(p, 12, 5, Direction::OnOrBefore),
            Some(day(2020, 12, 5))
        );
        assert_eq!(
            nearest_day_month(day(2021, 1, 3), 12, 28, Direction::Nearest),
            Some(day(2020, 12, 28))
        );
        assert_eq!(
            nearest_day_month(p, 2, 29, Direction::OnOrAfter),
            None,
            "no February 29 in the year after"
        );
    }

    /// The value of the one date in `text`, published on Wednesday 2021-11-10.
    fn resolved(text: &str) -> String {
        let found = super::super::testing::figures_of("2021-11-10", text);
        let dates: Vec<_> = found
            .iter()
            .filter(|(f, _)| f.kind == FigureKind::Date)
            .collect();
        assert_eq!(
            dates.len(),
            1,
            "{text:?}: {}",
            super::super::testing::describe(&found)
        );
        dates[0].0.value.normalized()
    }

    #[test]
    fn scheduled_futures_resolve_forward() {
        for (text, want) in [
            (
                "The council that takes office in January has nine members.",
                "2022-01",
            ),
            ("The new levy takes effect Jan. 1.", "2022-01-01"),
            ("Polls close at dusk on Sunday.", "2021-11-14"),
            (
                "The mayor said the board would meet on Friday.",
                "2021-11-12",
            ),
            ("The team is set to play on Saturday.", "2021-11-13"),
            ("He is to appear in court on Monday.", "2021-11-15"),
            ("Officials hope to reopen the pier in February.", "2022-02"),
            ("The museum reopens in March after repairs.", "2022-03"),
            ("The hearing is scheduled for March.", "2022-03"),
            ("Members are going to vote on Thursday.", "2021-11-11"),
            ("The Dec. 5 vote is close.", "2021-12-05"),
        ] {
            assert_eq!(resolved(text), want, "{text:?}");
        }
    }

    #[test]
    fn past_and_noun_uses_still_resolve_back() {
        for (text, want) in [
            ("The vote on Tuesday was close.", "2021-11-09"),
            ("The ferry did not leave on Monday.", "2021-11-08"),
            ("The start in March was slow.", "2021-03"),
            ("The pier reopened on Feb. 17.", "2021-02-17"),
            ("He said on Friday that he would resign.", "2021-11-05"),
        ] {
            assert_eq!(resolved(text), want, "{text:?}");
        }
    }

    #[test]
    fn a_deictic_word_in_a_quotation_is_relative_to_its_saying() {
        let p = "2021-11-10";
        let found = super::super::testing::figures_of(
            p,
            "“The dam opens tomorrow,” a guard said. Officials met today.",
        );
        let tomorrow = super::super::testing::figure(&found, "tomorrow").expect("a date");
        assert_eq!(tomorrow.value, Value::Unresolved);
        assert!(
            tomorrow
                .derivation
                .as_deref()
                .unwrap_or("")
                .contains("inside a quotation"),
            "{:?}",
            tomorrow.derivation
        );
        // Outside the quotation, "today" is the day of publication.
        let today = super::super::testing::figure(&found, "today").expect("a date");
        assert_eq!(today.value.normalized(), "2021-11-10");
        // Straight marks, and "this week".
        let found = super::super::testing::figures_of(p, "He said \"this week is hard\" again.");
        let week = super::super::testing::figure(&found, "this week").expect("a date");
        assert_eq!(week.value, Value::Unresolved);
    }

    #[test]
    fn a_quotation_said_on_a_stated_day_resolves_against_it() {
        let p = "2021-11-10";
        let found =
            super::super::testing::figures_of(p, "“We vote tomorrow,” the chair said on Monday.");
        let tomorrow = super::super::testing::figure(&found, "tomorrow").expect("a date");
        assert_eq!(tomorrow.value.normalized(), "2021-11-09");
        let found = super::super::testing::figures_of(
            p,
            "“The ferry sank yesterday,” she told reporters on Sunday.",
        );
        let yesterday = super::super::testing::figure(&found, "yesterday").expect("a date");
        assert_eq!(yesterday.value.normalized(), "2021-11-06");
        // The day itself, outside the quotation, is resolved as usual.
        let monday =
            super::super::testing::figures_of(p, "“We vote tomorrow,” the chair said on Monday.");
        let monday = super::super::testing::figure(&monday, "Monday").expect("a date");
        assert_eq!(monday.value.normalized(), "2021-11-08");
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

//! The conflict rules: when two values stated for one fact disagree.
//!
//! Every value is read as an interval. A plain number is itself; a hedge widens it:
//! "some", "about", "an estimated" by the approximate tolerance on each side: 3% of
//! the value, or half the unit it is rounded to when that is more, up to 5% ("about
//! 1,200" is rounded to the hundred: 1,150–1,250; "some 650,000" is 630,500–669,500,
//! so that 620,000 conflicts with it); "more than", "at least" leave it open above;
//! "up to", "less than"
//! open below; a spoken single unit ("a day", "a year") by the colloquial
//! tolerance (20%); an age ("a three-year-old dispute") covers the whole year it names.
//! Two values conflict when their intervals do not intersect.
//!
//! Dates are compared at the coarser of their two grains: "2011" and "June 2011"
//! agree, "June 2011" and "October 2011" do not. A derived or approximate date is
//! widened by one unit of its own grain before that. A date range ("from 2010 to
//! 2016") reads as every day of the periods it spans, so it agrees with any date
//! inside it.

use chrono::{Datelike, Months, NaiveDate};
use serde::Serialize;

use super::CompareOptions;
use crate::figure::{Figure, FigureKind, Grain, Qualifier, Value};

/// A value read as an interval, with how it was widened.
#[derive(Debug, Clone, PartialEq)]
pub enum Reading {
    /// A number: the interval the words state and the interval after hedges.
    Number {
        /// Interval as stated.
        stated: (f64, f64),
        /// Interval after the qualifier and tolerances are applied.
        widened: (f64, f64),
        /// How the value was widened, for explanations ("some: ±3%").
        hedge: Option<String>,
        /// For a single value stated with digits, the unit of its last written
        /// digit in the value's own unit: 0.1 for "52.4%", 100,000 for "4.2
        /// million", 1 for "1,240", 1,000 for "70,000" (trailing zeros of a
        /// whole number of five digits or more: a figure such as "70,000"
        /// is written rounded or cut to the thousand). `None` for ranges, bounds
        /// and words.
        precision: Option<f64>,
        /// True when `precision` comes from the trailing zeros of a whole number
        /// written in full ("437,000"): such a figure may be cut as well as
        /// rounded, so it stands for one unit either way.
        cut: bool,
    },
    /// A date: first and last day of the period named, as day numbers from the
    /// common era, and after widening (open ends are `i64::MIN` / `i64::MAX`).
    Date {
        /// Days as stated.
        stated: (i64, i64),
        /// Days after widening.
        widened: (i64, i64),
        /// Grain of the date as written.
        grain: Grain,
        /// How the value was widened.
        hedge: Option<String>,
    },
    /// A date that a source without a publication date names without a year
    /// ("on Friday", "Oct. 30", "in April"): it cannot be placed in the
    /// calendar, but two sources of one story that name the same day for one
    /// event agree, and two different days of one week or one year are apart.
    /// Compared only with another such date of the same sort.
    Undated(Undated),
}

/// A date named without a year in an undated source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undated {
    /// A weekday, Monday 0 … Sunday 6.
    Weekday(u32),
    /// A month (1–12) and a day of it.
    MonthDay(u32, u32),
    /// A month (1–12).
    Month(u32),
}

impl Reading {
    /// How the value was widened, if it was.
    pub fn hedge(&self) -> Option<&str> {
        match self {
            Reading::Number { hedge, .. } | Reading::Date { hedge, .. } => hedge.as_deref(),
            Reading::Undated(_) => Some(UNDATED_HEDGE),
        }
    }
}

/// How a date without a year of an undated source is read.
const UNDATED_HEDGE: &str = "a day named without a year in an undated source, compared as written";

/// Unit of the gap between two conflicting values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GapUnit {
    /// The figures' own unit (people, seconds, dollars, percentage points).
    Value,
    /// Days.
    Days,
    /// ISO weeks.
    Weeks,
    /// Calendar months.
    Months,
    /// Calendar years.
    Years,
    /// Decades.
    Decades,
}

/// The outcome of comparing two values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Verdict {
    /// The intervals intersect.
    Consistent,
    /// The intervals do not intersect.
    Conflict(Gap),
}

/// How far apart two conflicting values are.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Gap {
    /// Distance between the values as stated.
    pub stated: f64,
    /// Distance left after the hedges are allowed for (always > 0 in a conflict).
    pub widened: f64,
    /// `stated` relative to the larger magnitude (numbers only; 0 for dates).
    pub relative: f64,
    /// Unit of `stated` and `widened`.
    pub unit: GapUnit,
    /// For numbers: which side is larger (true when the second value is).
    pub second_larger: bool,
}

/// Reads a figure's value as an interval. `written` is the figure as written in
/// its source. Unresolved dates and numbers that are not finite have no reading.
pub fn reading(fig: &Figure, written: &str, opts: &CompareOptions) -> Option<Reading> {
    match &fig.value {
        Value::Number { lo, hi } if lo.is_finite() && hi.is_finite() => {
            Some(number_reading(fig, *lo, *hi, written, opts))
        }
        Value::Number { .. } => None,
        Value::Date { date, grain } => Some(date_reading(fig, *date, *date, *grain)),
        Value::DateRange { start, end, grain } if start <= end => {
            Some(date_reading(fig, *start, *end, *grain))
        }
        Value::Unresolved if fig.kind == FigureKind::Date => undated(written).map(Reading::Undated),
        Value::DateRange { .. } | Value::Unresolved => None,
    }
}

/// What a date figure of an undated source names without a year: a weekday,
/// a month and day ("Oct. 30", "30 October"), or a month alone ("in April").
/// `None` for anything else ("last week", "two days ago").
pub fn undated(written: &str) -> Option<Undated> {
    if let Some(d) = weekday_named(written) {
        return Some(Undated::Weekday(d));
    }
    let words: Vec<String> = written
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let mut month = None;
    let mut day = None;
    for w in &words {
        if let Some(m) = crate::text::month_number(w) {
            if month.replace(m).is_some() {
                return None;
            }
        } else if let Ok(n) = w
            .trim_end_matches(|c: char| c.is_alphabetic())
            .parse::<u32>()
        {
            if !(1..=31).contains(&n) || day.replace(n).is_some() {
                return None;
            }
        } else if !matches!(
            w.as_str(),
            "on" | "in" | "of" | "the" | "early" | "late" | "mid"
        ) {
            return None;
        }
    }
    match (month?, day) {
        (m, Some(d)) => Some(Undated::MonthDay(m, d)),
        (m, None) => Some(Undated::Month(m)),
    }
}

/// The weekday a date figure names by itself ("Friday", "on Friday", "last
/// Friday"), Monday 0; `None` when it names none or more than one.
pub fn weekday_named(written: &str) -> Option<u32> {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let mut found = None;
    for w in written
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let w = w.to_lowercase();
        let w = w.trim_end_matches('s');
        let day = DAYS
            .iter()
            .position(|d| *d == w || (w.len() == 3 && d.starts_with(w)))
            .map(|d| d as u32);
        match (day, found) {
            (Some(d), None) => found = Some(d),
            (Some(_), Some(_)) => return None,
            _ => {}
        }
    }
    found
}

fn number_reading(fig: &Figure, lo: f64, hi: f64, written: &str, opts: &CompareOptions) -> Reading {
    let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
    let stated = (lo, hi);
    let (mut wlo, mut whi) = stated;
    let mut notes: Vec<String> = Vec::new();
    if let Some(unit) = age_unit(fig, written) {
        // Half-open: "46" ends where "47" begins.
        whi = hi + unit * 0.999;
        notes.push(
            "an age covers the whole unit it names ('four years old' until the fifth)".into(),
        );
    }
    let colloquial = is_colloquial_unit(written)
        && matches!(fig.qualifier, Qualifier::Exact | Qualifier::Approx);
    let (tlo, thi) = if colloquial {
        notes.push(format!(
            "'{}' is a manner of speaking, read as ±{}%",
            written.trim(),
            pct(opts.colloquial_tolerance)
        ));
        (opts.colloquial_tolerance, opts.colloquial_tolerance)
    } else if fig.qualifier == Qualifier::Approx {
        let t = |x: f64| {
            opts.approx_tolerance
                .max(rounding_tolerance(x).min(opts.rounding_cap))
        };
        let (tlo, thi) = (t(lo), t(hi));
        if !is_just_under(written) {
            notes.push(format!("approximate, read as ±{}%", pct(tlo.max(thi))));
        }
        (tlo, thi)
    } else {
        (0.0, 0.0)
    };
    wlo -= wlo.abs() * tlo;
    whi += whi.abs() * thi;
    if matches!(fig.qualifier, Qualifier::Approx | Qualifier::Exact) && is_just_under(written) {
        // "Nearly 1,000", "almost a week": close to the value, from below.
        wlo = wlo.min(lo - lo.abs() * NEAR_BELOW);
        whi = hi;
        notes.push(format!(
            "just under the value, read as up to {}% below",
            pct(NEAR_BELOW)
        ));
    }
    match fig.qualifier {
        Qualifier::Exact | Qualifier::Range | Qualifier::Approx => {}
        Qualifier::AtLeast | Qualifier::MoreThan => {
            whi = f64::INFINITY;
            notes.push("a lower bound".into());
        }
        Qualifier::AtMost | Qualifier::LessThan => {
            wlo = if lo >= 0.0 { 0.0 } else { f64::NEG_INFINITY };
            notes.push("an upper bound".into());
        }
    }
    let point = lo == hi && matches!(fig.qualifier, Qualifier::Exact | Qualifier::Approx);
    let (precision, cut) = match point.then(|| written_precision(written, lo)).flatten() {
        Some((unit, cut)) => (Some(unit), cut),
        None => (None, false),
    };
    Reading::Number {
        stated,
        widened: (wlo, whi),
        hedge: (!notes.is_empty()).then(|| notes.join("; ")),
        precision,
        cut,
    }
}

/// How far below its value "nearly" or "almost" may be.
const NEAR_BELOW: f64 = 0.1;

/// True when the written figure opens with a hedge that puts it just under its
/// value ("nearly", "almost", "just under", "close to").
fn is_just_under(written: &str) -> bool {
    let w = written.trim_start().to_lowercase();
    JUST_UNDER.iter().any(|p| w.starts_with(p))
}

/// Hedges that put a figure just under its value.
const JUST_UNDER: &[&str] = &[
    "nearly ",
    "almost ",
    "just under ",
    "close to ",
    "not quite ",
];

/// The unit of the last digit written: the first number in `written` ("4.2" in "an
/// estimated 4.2 million") gives the number of decimals, and `value` divided by
/// that number gives the multiplier ("million", a percent, minutes in seconds).
/// A whole number written with three trailing zeros or more and at least five
/// digits ("70,000", "437,000") is taken as rounded or cut to the thousand:
/// newsrooms write such figures for a more precise one ("a debt of $437,000" for
/// $437,714). Not to its last non-zero digit: "70,000" and "72,000" differ.
/// The second part is true for such trailing zeros.
fn written_precision(written: &str, value: f64) -> Option<(f64, bool)> {
    let start = written.find(|c: char| c.is_ascii_digit())?;
    let digits: String = written[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| *c != ',')
        .collect();
    let digits = digits.trim_end_matches('.');
    let mantissa: f64 = digits.parse().ok()?;
    if mantissa == 0.0 {
        return None;
    }
    let decimals = digits.split_once('.').map_or(0, |(_, d)| d.len());
    let multiplier = value / mantissa;
    let zeros = digits.len() - digits.trim_end_matches('0').len();
    let cut = decimals == 0 && digits.len() >= 5 && zeros >= 3;
    let unit = if cut {
        1000.0
    } else {
        10f64.powi(-(decimals as i32))
    };
    Some((unit * multiplier.abs(), cut))
}

/// A value written to fewer decimals may be the rounding of a more precise one:
/// "52%" and "52.4%", "4 million" and "4.2 million" agree. A large whole number
/// with trailing zeros may be rounded or cut ("70,000" and "70,246", "437,000"
/// and "437,714" agree: within a thousand). Short whole
/// numbers ("48" and "50", "1,200" and "1,240") are taken as they are written.
fn rounding_of(a: (f64, Option<f64>, bool), b: (f64, Option<f64>, bool)) -> bool {
    let (Some(pa), Some(pb)) = (a.1, b.1) else {
        return false;
    };
    if (pa - pb).abs() <= f64::EPSILON * pa.max(pb) {
        return false;
    }
    let ((coarse, unit, cut), fine) = if pa > pb {
        ((a.0, pa, a.2), b.0)
    } else {
        ((b.0, pb, b.2), a.0)
    };
    let tolerance = if cut { unit } else { unit / 2.0 };
    (fine - coarse).abs() <= tolerance * (1.0 + 1e-9)
}

/// Half the unit a number is rounded to, relative to the number: 1,200 is rounded
/// to the hundred, so ±50, about 4.2%.
fn rounding_tolerance(x: f64) -> f64 {
    let x = x.abs();
    if x == 0.0 || !x.is_finite() {
        return 0.0;
    }
    let mut unit = 10f64.powi(x.log10().floor() as i32);
    while unit > 1e-6 {
        let q = x / unit;
        if (q - q.round()).abs() < 1e-9 * q.max(1.0) {
            return unit / 2.0 / x;
        }
        unit /= 10.0;
    }
    0.0
}

fn pct(t: f64) -> String {
    crate::figure::format_number((t * 100.0 * 100.0).round() / 100.0)
}

/// The unit an age is counted in, when the figure is one: ages ("a 45-year-old")
/// and durations written as ages ("a three-year-old dispute") name a whole year (month,
/// week, day) that has begun, not an instant. In the figure's own unit: years for
/// ages, seconds for durations.
fn age_unit(fig: &Figure, written: &str) -> Option<f64> {
    let w = written.to_lowercase();
    match fig.kind {
        FigureKind::Age => Some(1.0),
        FigureKind::Duration if w.ends_with("old") => {
            const DAY: f64 = 86_400.0;
            let units = [
                ("year", 365.25 * DAY),
                ("month", 30.44 * DAY),
                ("week", 7.0 * DAY),
                ("day", DAY),
                ("hour", 3_600.0),
            ];
            units.iter().find(|(name, _)| w.contains(name)).map(|u| u.1)
        }
        _ => None,
    }
}

/// "a day", "a year", "a dozen": a single unit said with an article (and no
/// digits) is a manner of speaking more than a measurement.
fn is_colloquial_unit(written: &str) -> bool {
    let w = written.trim().to_lowercase();
    let w = JUST_UNDER
        .iter()
        .find_map(|p| w.strip_prefix(p))
        .unwrap_or(&w);
    let rest = w.strip_prefix("a ").or_else(|| w.strip_prefix("an "));
    rest.is_some_and(|r| {
        !r.is_empty()
            && !r.contains(char::is_whitespace)
            && !r.contains(|c: char| c.is_ascii_digit())
    })
}

/// The reading of the period from the one `start` names to the one `end` names,
/// at `grain`: one period for a date (`start == end`), all of them for a range
/// ("2010 to 2016" is the first day of 2010 to the last of 2016).
fn date_reading(fig: &Figure, start: NaiveDate, end: NaiveDate, grain: Grain) -> Reading {
    let first = period(start, grain).0;
    let last = period(end, grain).1;
    let stated = (day_number(first), day_number(last));
    // A relative day ("on Friday", "yesterday") resolved against a publication
    // date may be off by one (a story filed after midnight); a resolved month or
    // year ("in April last year") is as exact as it is written.
    let approximate =
        fig.qualifier == Qualifier::Approx || (fig.derivation.is_some() && grain == Grain::Day);
    let mut widened = stated;
    let mut hedge = None;
    if approximate {
        let before = step(start, grain, -1);
        let after = step(end, grain, 1);
        widened = (
            day_number(period(before, grain).0),
            day_number(period(after, grain).1),
        );
        hedge = Some(format!("approximate, read as ±1 {}", grain_name(grain)));
    }
    match fig.qualifier {
        Qualifier::AtLeast | Qualifier::MoreThan => widened.1 = i64::MAX,
        Qualifier::AtMost | Qualifier::LessThan => widened.0 = i64::MIN,
        _ => {}
    }
    Reading::Date {
        stated,
        widened,
        grain,
        hedge,
    }
}

/// The name of a grain ("day", "month" ...).
pub fn grain_name(grain: Grain) -> &'static str {
    match grain {
        Grain::Day => "day",
        Grain::Week => "week",
        Grain::Month => "month",
        Grain::Year => "year",
        Grain::Decade => "decade",
    }
}

/// How coarse a grain is: a day is finer than a week, a week than a month.
fn coarseness(grain: Grain) -> u8 {
    match grain {
        Grain::Day => 0,
        Grain::Week => 1,
        Grain::Month => 2,
        Grain::Year => 3,
        Grain::Decade => 4,
    }
}

/// First and last day of the period a date names at its grain.
fn period(date: NaiveDate, grain: Grain) -> (NaiveDate, NaiveDate) {
    let decade = date.year() - date.year().rem_euclid(10);
    let first = match grain {
        Grain::Day => date,
        Grain::Week => date
            .checked_sub_signed(chrono::Duration::days(i64::from(
                date.weekday().num_days_from_monday(),
            )))
            .unwrap_or(date),
        Grain::Month => date.with_day(1).unwrap_or(date),
        Grain::Year => NaiveDate::from_ymd_opt(date.year(), 1, 1).unwrap_or(date),
        Grain::Decade => NaiveDate::from_ymd_opt(decade, 1, 1).unwrap_or(date),
    };
    let last = match grain {
        Grain::Day => date,
        Grain::Week => first
            .checked_add_signed(chrono::Duration::days(6))
            .unwrap_or(first),
        Grain::Month => first
            .checked_add_months(Months::new(1))
            .and_then(|d| d.pred_opt())
            .unwrap_or(first),
        Grain::Year => NaiveDate::from_ymd_opt(date.year(), 12, 31).unwrap_or(first),
        Grain::Decade => NaiveDate::from_ymd_opt(decade + 9, 12, 31).unwrap_or(first),
    };
    (first, last)
}

/// The date one unit of `grain` earlier or later.
fn step(date: NaiveDate, grain: Grain, by: i32) -> NaiveDate {
    let months = |n: u32| Months::new(n);
    let moved = match (grain, by >= 0) {
        (Grain::Day, _) => date.checked_add_signed(chrono::Duration::days(i64::from(by))),
        (Grain::Week, _) => date.checked_add_signed(chrono::Duration::days(7 * i64::from(by))),
        (Grain::Decade, true) => date.checked_add_months(months(120 * by.unsigned_abs())),
        (Grain::Decade, false) => date.checked_sub_months(months(120 * by.unsigned_abs())),
        (Grain::Month, true) => date.checked_add_months(months(by.unsigned_abs())),
        (Grain::Month, false) => date.checked_sub_months(months(by.unsigned_abs())),
        (Grain::Year, true) => date.checked_add_months(months(12 * by.unsigned_abs())),
        (Grain::Year, false) => date.checked_sub_months(months(12 * by.unsigned_abs())),
    };
    moved.unwrap_or(date)
}

fn day_number(d: NaiveDate) -> i64 {
    i64::from(d.num_days_from_ce())
}

fn from_day_number(n: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(n).ok()?)
}

/// The index of a day at a grain: days, months since year 0, or years. Open ends
/// stay open.
fn grain_index(day: i64, grain: Grain) -> i64 {
    if day == i64::MIN || day == i64::MAX {
        return day;
    }
    let Some(d) = from_day_number(day) else {
        return day;
    };
    match grain {
        Grain::Day => day,
        // Day 1 of the common era is a Monday, so weeks start on Mondays.
        Grain::Week => (day - 1).div_euclid(7),
        Grain::Month => i64::from(d.year()) * 12 + i64::from(d.month0()),
        Grain::Year => i64::from(d.year()),
        Grain::Decade => i64::from(d.year()).div_euclid(10),
    }
}

/// Compares two readings of one fact.
pub fn compare(a: &Reading, b: &Reading) -> Verdict {
    match (a, b) {
        (
            Reading::Number {
                stated: sa,
                widened: wa,
                precision: pa,
                cut: ca,
                ..
            },
            Reading::Number {
                stated: sb,
                widened: wb,
                precision: pb,
                cut: cb,
                ..
            },
        ) => {
            if rounding_of((sa.0, *pa, *ca), (sb.0, *pb, *cb)) {
                return Verdict::Consistent;
            }
            compare_numbers(*sa, *wa, *sb, *wb)
        }
        (
            Reading::Date {
                stated: sa,
                widened: wa,
                grain: ga,
                ..
            },
            Reading::Date {
                stated: sb,
                widened: wb,
                grain: gb,
                ..
            },
        ) => compare_dates(*sa, *wa, *ga, *sb, *wb, *gb),
        (Reading::Undated(x), Reading::Undated(y)) => compare_undated(*x, *y),
        // Numbers and dates never meet here (figures of different kinds are
        // never one fact), and a date without a year only meets another.
        _ => Verdict::Consistent,
    }
}

/// Two dates without a year: weekdays of one week, days and months of one year.
fn compare_undated(x: Undated, y: Undated) -> Verdict {
    let day_of_year =
        |m: u32, d: u32| NaiveDate::from_ymd_opt(2000, m, d).map(|date| i64::from(date.ordinal()));
    let (gap, unit) = match (x, y) {
        (Undated::Weekday(a), Undated::Weekday(b)) => (i64::from(b) - i64::from(a), GapUnit::Days),
        (Undated::MonthDay(m, d), Undated::MonthDay(n, e)) => {
            match (day_of_year(m, d), day_of_year(n, e)) {
                (Some(a), Some(b)) => (b - a, GapUnit::Days),
                _ => (0, GapUnit::Days),
            }
        }
        (
            Undated::Month(m) | Undated::MonthDay(m, _),
            Undated::Month(n) | Undated::MonthDay(n, _),
        ) => (i64::from(n) - i64::from(m), GapUnit::Months),
        _ => (0, GapUnit::Days),
    };
    if gap == 0 {
        return Verdict::Consistent;
    }
    let d = gap.unsigned_abs() as f64;
    Verdict::Conflict(Gap {
        stated: d,
        widened: d,
        relative: 0.0,
        unit,
        second_larger: gap > 0,
    })
}

/// True when two readings can be compared at all: a date without a year of an
/// undated source only with another of the same sort (weekdays with weekdays,
/// days and months of the year with each other).
pub fn comparable(a: &Reading, b: &Reading) -> bool {
    match (a, b) {
        (Reading::Undated(x), Reading::Undated(y)) => {
            matches!(x, Undated::Weekday(_)) == matches!(y, Undated::Weekday(_))
        }
        (Reading::Undated(_), _) | (_, Reading::Undated(_)) => false,
        _ => true,
    }
}

/// A date reading moved by `days` (a number reading is returned as it is): a
/// relative date ("two weeks ago") read from another publication date.
pub fn shifted(r: &Reading, days: i64) -> Reading {
    let mv = |d: i64| match d {
        i64::MIN | i64::MAX => d,
        d => d.saturating_add(days),
    };
    match r {
        Reading::Date {
            stated,
            widened,
            grain,
            hedge,
        } => Reading::Date {
            stated: (mv(stated.0), mv(stated.1)),
            widened: (mv(widened.0), mv(widened.1)),
            grain: *grain,
            hedge: hedge.clone(),
        },
        other => other.clone(),
    }
}

fn interval_gap(a: (f64, f64), b: (f64, f64)) -> f64 {
    (b.0 - a.1).max(a.0 - b.1).max(0.0)
}

fn compare_numbers(sa: (f64, f64), wa: (f64, f64), sb: (f64, f64), wb: (f64, f64)) -> Verdict {
    let widened = interval_gap(wa, wb);
    if widened <= 0.0 {
        return Verdict::Consistent;
    }
    let stated = interval_gap(sa, sb);
    let magnitude = [sa.0, sa.1, sb.0, sb.1]
        .iter()
        .map(|x| x.abs())
        .fold(0.0f64, f64::max);
    let relative = if magnitude > 0.0 {
        stated / magnitude
    } else {
        0.0
    };
    Verdict::Conflict(Gap {
        stated,
        widened,
        relative,
        unit: GapUnit::Value,
        second_larger: sb.0 > sa.1,
    })
}

fn compare_dates(
    sa: (i64, i64),
    wa: (i64, i64),
    ga: Grain,
    sb: (i64, i64),
    wb: (i64, i64),
    gb: Grain,
) -> Verdict {
    let grain = if coarseness(ga) >= coarseness(gb) {
        ga
    } else {
        gb
    };
    let idx = |r: (i64, i64)| (grain_index(r.0, grain), grain_index(r.1, grain));
    let gap = |x: (i64, i64), y: (i64, i64)| -> i64 {
        let (x, y) = (idx(x), idx(y));
        y.0.saturating_sub(x.1).max(x.0.saturating_sub(y.1)).max(0)
    };
    let widened = gap(wa, wb);
    if widened == 0 {
        return Verdict::Consistent;
    }
    let unit = match grain {
        Grain::Day => GapUnit::Days,
        Grain::Week => GapUnit::Weeks,
        Grain::Month => GapUnit::Months,
        Grain::Year => GapUnit::Years,
        Grain::Decade => GapUnit::Decades,
    };
    Verdict::Conflict(Gap {
        stated: gap(sa, sb) as f64,
        widened: widened as f64,
        relative: 0.0,
        unit,
        second_larger: sb.0 > sa.1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::Role;

    fn fig(kind: FigureKind, value: Value, qualifier: Qualifier) -> Figure {
        Figure {
            source: 0,
            sentence: 0,
            start: 0,
            end: 0,
            kind,
            value,
            qualifier,
            unit: None,
            counted: None,
            counted_phrase: None,
            predicate: None,
            derivation: None,
            role: Role::Stated,
        }
    }

    fn num(x: f64, q: Qualifier, written: &str) -> Reading {
        let f = fig(FigureKind::Count, Value::Number { lo: x, hi: x }, q);
        reading(&f, written, &CompareOptions::default()).expect("numbers have readings")
    }

    /// A date as extraction gives it: stated, derived from a duration (approximate)
    /// or resolved against the publication date.
    fn dated(y: i32, m: u32, d: u32, grain: Grain, derivation: Option<&str>) -> Reading {
        let mut f = fig(
            FigureKind::Date,
            Value::Date {
                date: NaiveDate::from_ymd_opt(y, m, d).expect("valid test date"),
                grain,
            },
            Qualifier::Exact,
        );
        if let Some(how) = derivation {
            f.derivation = Some(how.into());
            if how == "derived" {
                f.qualifier = Qualifier::Approx;
            }
        }
        reading(&f, "", &CompareOptions::default()).expect("dates have readings")
    }

    fn date(y: i32, m: u32, d: u32, grain: Grain, derived: bool) -> Reading {
        dated(y, m, d, grain, derived.then_some("derived"))
    }

    /// A relative date resolved against the publication date.
    fn resolved(y: i32, m: u32, d: u32, grain: Grain) -> Reading {
        dated(
            y,
            m,
            d,
            grain,
            Some("resolved against the publication date"),
        )
    }

    #[test]
    fn a_resolved_month_is_exact_and_a_resolved_day_may_be_off_by_one() {
        // "in May last year" against "in June 2011".
        assert!(matches!(
            compare(
                &resolved(2011, 5, 1, Grain::Month),
                &date(2011, 6, 1, Grain::Month, false)
            ),
            Verdict::Conflict(_)
        ));
        // "on Friday" against the Thursday it may mean in a story filed late.
        assert_eq!(
            compare(
                &resolved(2011, 6, 10, Grain::Day),
                &date(2011, 6, 9, Grain::Day, false)
            ),
            Verdict::Consistent
        );
    }

    #[test]
    fn a_date_range_reads_as_the_whole_period() {
        let d = |y: i32, m: u32| NaiveDate::from_ymd_opt(y, m, 1).expect("valid test date");
        let range = |start, end, grain| {
            let f = fig(
                FigureKind::Date,
                Value::DateRange { start, end, grain },
                Qualifier::Exact,
            );
            reading(&f, "", &CompareOptions::default()).expect("ranges have readings")
        };
        let years = range(d(2010, 1), d(2016, 1), Grain::Year);
        let Reading::Date { stated, .. } = &years else {
            panic!("a date range reads as a date: {years:?}");
        };
        assert_eq!(
            *stated,
            (
                day_number(d(2010, 1)),
                day_number(NaiveDate::from_ymd_opt(2016, 12, 31).expect("valid test date"))
            )
        );
        assert_eq!(
            compare(&years, &date(2013, 1, 1, Grain::Year, false)),
            Verdict::Consistent
        );
        assert!(matches!(
            compare(&years, &date(2018, 1, 1, Grain::Year, false)),
            Verdict::Conflict(_)
        ));
        let months = range(d(2014, 5), d(2014, 7), Grain::Month);
        assert_eq!(
            compare(&months, &date(2014, 6, 1, Grain::Month, false)),
            Verdict::Consistent
        );
        assert!(matches!(
            compare(&months, &date(2014, 9, 1, Grain::Month, false)),
            Verdict::Conflict(_)
        ));
        let backwards = fig(
            FigureKind::Date,
            Value::DateRange {
                start: d(2016, 1),
                end: d(2010, 1),
                grain: Grain::Year,
            },
            Qualifier::Exact,
        );
        assert_eq!(reading(&backwards, "", &CompareOptions::default()), None);
    }

    #[test]
    fn nearly_a_value_is_just_under_it() {
        let nearly = num(1_000.0, Qualifier::Approx, "nearly 1,000");
        assert_eq!(
            compare(&nearly, &num(920.0, Qualifier::Exact, "920")),
            Verdict::Consistent
        );
        // Not above it, and not far below.
        assert!(matches!(
            compare(&nearly, &num(1_020.0, Qualifier::Exact, "1,020")),
            Verdict::Conflict(_)
        ));
        assert!(matches!(
            compare(&nearly, &num(700.0, Qualifier::Exact, "700")),
            Verdict::Conflict(_)
        ));
    }

    #[test]
    fn rounding_units_are_found() {
        assert!((rounding_tolerance(1_200.0) - 50.0 / 1_200.0).abs() < 1e-12);
        assert!((rounding_tolerance(3.8) - 0.05 / 3.8).abs() < 1e-12);
        assert!((rounding_tolerance(312.0) - 0.5 / 312.0).abs() < 1e-12);
    }

    #[test]
    fn plain_numbers_conflict_when_different() {
        let v = compare(
            &num(120.0, Qualifier::Exact, "120"),
            &num(125.0, Qualifier::Exact, "125"),
        );
        let Verdict::Conflict(gap) = v else {
            panic!("expected a conflict, got {v:?}")
        };
        assert_eq!(gap.stated, 5.0);
        assert!(gap.second_larger);
    }

    #[test]
    fn a_lower_bound_does_not_conflict_with_a_larger_estimate() {
        let a = num(48_000.0, Qualifier::MoreThan, "more than 48,000");
        let b = num(50_000.0, Qualifier::Approx, "some 50,000");
        assert_eq!(compare(&a, &b), Verdict::Consistent);
        let c = num(40_000.0, Qualifier::Exact, "40,000");
        assert!(matches!(compare(&a, &c), Verdict::Conflict(_)));
    }

    #[test]
    fn approximate_values_are_widened_by_the_tolerance() {
        let about = num(1_000.0, Qualifier::Approx, "about 1,000");
        assert_eq!(
            compare(&about, &num(1_020.0, Qualifier::Exact, "1,020")),
            Verdict::Consistent
        );
        assert!(matches!(
            compare(&about, &num(1_100.0, Qualifier::Exact, "1,100")),
            Verdict::Conflict(_)
        ));
        // Rounded to the hundred: 1,240 is within half a hundred of "about 1,200".
        let hundred = num(1_200.0, Qualifier::Approx, "about 1,200");
        let near = num(1_240.0, Qualifier::Exact, "1,240");
        assert_eq!(compare(&hundred, &near), Verdict::Consistent);
        let far = num(1_260.0, Qualifier::Exact, "1,260");
        assert!(matches!(compare(&hundred, &far), Verdict::Conflict(_)));
        // Five percent below a round figure rounded to the ten thousand is beyond
        // the 3% tolerance.
        let some = num(650_000.0, Qualifier::Approx, "some 650,000");
        let Verdict::Conflict(gap) = compare(&num(620_000.0, Qualifier::Exact, "620,000"), &some)
        else {
            panic!("5% apart must conflict")
        };
        assert!((gap.relative - 30.0 / 650.0).abs() < 1e-9);
        assert!(gap.widened < gap.stated);
    }

    #[test]
    fn upper_bounds_and_spoken_units() {
        let up_to = num(300.0, Qualifier::AtMost, "up to 300");
        assert_eq!(
            compare(&up_to, &num(120.0, Qualifier::Exact, "120")),
            Verdict::Consistent
        );
        let mut day = fig(
            FigureKind::Duration,
            Value::Number {
                lo: 86_400.0,
                hi: 86_400.0,
            },
            Qualifier::Exact,
        );
        day.unit = Some("s".into());
        let spoken = reading(&day, "a day", &CompareOptions::default()).expect("reading");
        let exact = reading(&day, "24 hours", &CompareOptions::default()).expect("reading");
        let mut twenty = day.clone();
        twenty.value = Value::Number {
            lo: 72_000.0,
            hi: 72_000.0,
        };
        let twenty = reading(&twenty, "20 hours", &CompareOptions::default()).expect("reading");
        // "a day" is a manner of speaking: 20 hours is within it; "24 hours" is not.
        assert_eq!(compare(&spoken, &twenty), Verdict::Consistent);
        assert!(matches!(compare(&exact, &twenty), Verdict::Conflict(_)));
    }

    #[test]
    fn ages_cover_the_year_they_name() {
        let three = fig(
            FigureKind::Age,
            Value::Number { lo: 3.0, hi: 3.0 },
            Qualifier::Exact,
        );
        let three_half = fig(
            FigureKind::Age,
            Value::Number { lo: 3.5, hi: 3.5 },
            Qualifier::Exact,
        );
        let o = CompareOptions::default();
        let (a, b) = (reading(&three, "", &o), reading(&three_half, "", &o));
        assert_eq!(compare(&a.expect("r"), &b.expect("r")), Verdict::Consistent);
        let four = fig(
            FigureKind::Age,
            Value::Number { lo: 4.0, hi: 4.0 },
            Qualifier::Exact,
        );
        let (a, c) = (reading(&three, "", &o), reading(&four, "", &o));
        assert!(matches!(
            compare(&a.expect("r"), &c.expect("r")),
            Verdict::Conflict(_)
        ));
    }

    #[test]
    fn values_written_to_fewer_decimals_are_roundings() {
        let pct = |x: f64, w: &str| {
            let mut f = fig(
                FigureKind::Percent,
                Value::Number { lo: x, hi: x },
                Qualifier::Exact,
            );
            f.unit = Some("%".into());
            reading(&f, w, &CompareOptions::default()).expect("reading")
        };
        assert_eq!(
            compare(&pct(52.0, "52%"), &pct(52.4, "52.4%")),
            Verdict::Consistent
        );
        assert!(matches!(
            compare(&pct(50.0, "50%"), &pct(52.4, "52.4%")),
            Verdict::Conflict(_)
        ));
        assert!(matches!(
            compare(&pct(52.0, "52%"), &pct(53.0, "53%")),
            Verdict::Conflict(_)
        ));
        let m = |x: f64, w: &str| num(x, Qualifier::Exact, w);
        assert_eq!(
            compare(&m(4e6, "4 million"), &m(4.2e6, "4.2 million")),
            Verdict::Consistent
        );
        assert!(matches!(
            compare(&m(48.0, "48"), &m(50.0, "50")),
            Verdict::Conflict(_)
        ));
        assert!(matches!(
            compare(&m(1200.0, "1,200"), &m(1240.0, "1,240")),
            Verdict::Conflict(_)
        ));
        assert_eq!(
            written_precision("an estimated 3.8 million", 3.8e6),
            Some((1e5, false))
        );
        // Large whole numbers with trailing zeros are rounded or cut.
        assert!(matches!(
            compare(&m(70_000.0, "70,000"), &m(70_246.0, "70,246")),
            Verdict::Consistent
        ));
        assert!(matches!(
            compare(&m(437_000.0, "$437,000"), &m(437_714.0, "$437,714")),
            Verdict::Consistent
        ));
        assert!(matches!(
            compare(&m(70_000.0, "70,000"), &m(72_000.0, "72,000")),
            Verdict::Conflict(_)
        ));
    }

    #[test]
    fn durations_written_as_ages_cover_the_unit() {
        let year = 365.25 * 86_400.0;
        let mut three = fig(
            FigureKind::Duration,
            Value::Number {
                lo: 3.0 * year,
                hi: 3.0 * year,
            },
            Qualifier::Exact,
        );
        three.unit = Some("s".into());
        let mut more = three.clone();
        more.value = Value::Number {
            lo: 3.5 * year,
            hi: 3.5 * year,
        };
        let o = CompareOptions::default();
        let a = reading(&three, "three-year-old", &o).expect("reading");
        let b = reading(&more, "three-and-a-half-year-old", &o).expect("reading");
        assert_eq!(compare(&a, &b), Verdict::Consistent);
        let plain = reading(&three, "four years", &o).expect("reading");
        assert!(matches!(compare(&plain, &b), Verdict::Conflict(_)));
    }

    #[test]
    fn dates_compare_at_the_coarser_grain() {
        let year = date(2011, 1, 1, Grain::Year, false);
        let june = date(2011, 6, 1, Grain::Month, false);
        let october = date(2011, 10, 1, Grain::Month, false);
        assert_eq!(compare(&year, &june), Verdict::Consistent);
        let Verdict::Conflict(gap) = compare(&june, &october) else {
            panic!("June and October differ")
        };
        assert_eq!((gap.stated, gap.unit), (4.0, GapUnit::Months));
        let d1 = date(2011, 6, 3, Grain::Day, false);
        let d2 = date(2011, 6, 4, Grain::Day, false);
        assert!(matches!(compare(&d1, &d2), Verdict::Conflict(_)));
        assert_eq!(compare(&d1, &june), Verdict::Consistent);
        let sixties = date(1960, 1, 1, Grain::Decade, false);
        assert_eq!(
            compare(&sixties, &date(1967, 1, 1, Grain::Year, false)),
            Verdict::Consistent
        );
        assert!(matches!(
            compare(&sixties, &date(1971, 1, 1, Grain::Year, false)),
            Verdict::Conflict(_)
        ));
        // A week that straddles two months agrees with both.
        let week = date(2011, 6, 29, Grain::Week, false);
        assert_eq!(
            compare(&week, &date(2011, 7, 1, Grain::Month, false)),
            Verdict::Consistent
        );
        assert_eq!(compare(&week, &june), Verdict::Consistent);
    }

    #[test]
    fn derived_dates_are_approximate_by_one_unit() {
        let derived = date(2011, 6, 1, Grain::Month, true);
        assert_eq!(
            compare(&derived, &date(2011, 7, 1, Grain::Month, false)),
            Verdict::Consistent
        );
        assert!(matches!(
            compare(&derived, &date(2011, 9, 1, Grain::Month, false)),
            Verdict::Conflict(_)
        ));
    }
}

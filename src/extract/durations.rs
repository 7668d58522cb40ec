//! Durations and ages: "a 40-minute interview", "the hearing lasted two hours",
//! "lasts for ten days", "a 30-month embargo", "a three-and-a-half-year-old border
//! dispute", "a 45-year-old man", "aged 45", "three weeks ago" (handed to
//! [`super::relative`]).
//!
//! Durations are normalized to seconds with calendar averages: a month is
//! 2,629,746 s (30.436875 days) and a year 31,556,952 s (365.2425 days). The
//! duration's `counted` is the thing that lasts: the noun after a hyphenated
//! duration ("interview"), or the subject of "last" ("the hearing lasted two
//! hours" gives "hearing").
//!
//! Ages are also read from their clause: "turned 67", "when she was 13", "at
//! age 15", "11 years of age", "Ana Ruiz, now 52,", "between the ages of 11 and
//! 15" (a range). "yearlong" is "year-long".
//!
//! "N-year old X" (one hyphen left out) reads as "N-year-old X", and "an
//! N-year X" before a child or a relative ("a 7-year girl") is an age too.
//!
//! "N-year-old X" is a duration when X is an event or a state ("a six-year-old
//! feud", "a 30-year-old treaty"): they have a length, not an age. Otherwise
//! (a person, a thing, or nothing: "the 45-year-old said") it is an age, in
//! years.
//!
//! A duration that ends at publication ("ending a 30-month embargo") or is under
//! way at it ("a six-year-old feud") also yields a derived start date, see
//! [`super::relative::derived_start`].

use crate::figure::FigureKind;

use super::quantity::{self, Quantity};
use super::relative;
use super::tokens::{View, hyphen_parts};
use super::units::{self, Counted};
use super::{Ctx, Found, Match};

/// A unit of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TimeUnit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weeks.
    Week,
    /// Fortnights.
    Fortnight,
    /// Months.
    Month,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
}

/// Seconds in an average Gregorian month.
const MONTH_SECONDS: f64 = 2_629_746.0;

impl TimeUnit {
    /// Length in seconds.
    pub fn seconds(self) -> f64 {
        match self {
            TimeUnit::Second => 1.0,
            TimeUnit::Minute => 60.0,
            TimeUnit::Hour => 3600.0,
            TimeUnit::Day => 86_400.0,
            TimeUnit::Week => 604_800.0,
            TimeUnit::Fortnight => 1_209_600.0,
            TimeUnit::Month => MONTH_SECONDS,
            TimeUnit::Year => 12.0 * MONTH_SECONDS,
            TimeUnit::Decade => 120.0 * MONTH_SECONDS,
            TimeUnit::Century => 1200.0 * MONTH_SECONDS,
        }
    }

    /// Length in calendar months, for units of a month or more.
    pub fn months(self) -> Option<f64> {
        match self {
            TimeUnit::Month => Some(1.0),
            TimeUnit::Year => Some(12.0),
            TimeUnit::Decade => Some(120.0),
            TimeUnit::Century => Some(1200.0),
            _ => None,
        }
    }

    /// Length in days, for units shorter than a month.
    pub fn days(self) -> Option<f64> {
        match self {
            TimeUnit::Month | TimeUnit::Year | TimeUnit::Decade | TimeUnit::Century => None,
            u => Some(u.seconds() / 86_400.0),
        }
    }

    /// The plural name used in derivations.
    pub fn name(self) -> &'static str {
        match self {
            TimeUnit::Second => "seconds",
            TimeUnit::Minute => "minutes",
            TimeUnit::Hour => "hours",
            TimeUnit::Day => "days",
            TimeUnit::Week => "weeks",
            TimeUnit::Fortnight => "fortnights",
            TimeUnit::Month => "months",
            TimeUnit::Year => "years",
            TimeUnit::Decade => "decades",
            TimeUnit::Century => "centuries",
        }
    }
}

/// The unit named by a folded word. The singular "second" is left out: after "a"
/// it is nearly always the ordinal ("a second time").
pub(crate) fn time_unit(w: &str) -> Option<TimeUnit> {
    Some(match w {
        "seconds" | "secs" => TimeUnit::Second,
        "minute" | "minutes" | "min" | "mins" => TimeUnit::Minute,
        "hour" | "hours" | "hr" | "hrs" => TimeUnit::Hour,
        "day" | "days" => TimeUnit::Day,
        "week" | "weeks" => TimeUnit::Week,
        "fortnight" | "fortnights" => TimeUnit::Fortnight,
        "month" | "months" => TimeUnit::Month,
        "year" | "years" | "yr" | "yrs" => TimeUnit::Year,
        "decade" | "decades" => TimeUnit::Decade,
        "century" | "centuries" => TimeUnit::Century,
        _ => return None,
    })
}

/// Events and states, which have a length rather than an age: "a six-year-old
/// feud" is a duration (and implies a start date), "a six-year-old boy" or "a
/// 100-year-old bridge" an age.
const LASTING_NOUNS: &[&str] = &[
    "absence",
    "administration",
    "agreement",
    "alliance",
    "battle",
    "blockade",
    "boom",
    "boycott",
    "campaign",
    "captivity",
    "career",
    "case",
    "ceasefire",
    "cease-fire",
    "conflict",
    "crackdown",
    "crisis",
    "curfew",
    "deadlock",
    "deal",
    "delay",
    "deployment",
    "detention",
    "dialogue",
    "dictatorship",
    "dispute",
    "drought",
    "effort",
    "embargo",
    "emergency",
    "epidemic",
    "exile",
    "famine",
    "feud",
    "fight",
    "freeze",
    "friendship",
    "gap",
    "government",
    "hiatus",
    "hunt",
    "imprisonment",
    "inquiry",
    "insurgency",
    "insurrection",
    "intervention",
    "investigation",
    "journey",
    "law",
    "lockdown",
    "mandate",
    "manhunt",
    "marriage",
    "mission",
    "moratorium",
    "mystery",
    "negotiation",
    "occupation",
    "offensive",
    "operation",
    "outbreak",
    "pact",
    "pandemic",
    "partnership",
    "peace",
    "policy",
    "presence",
    "presidency",
    "probe",
    "process",
    "program",
    "programme",
    "project",
    "protest",
    "rebellion",
    "recession",
    "record",
    "regime",
    "reign",
    "relationship",
    "revolt",
    "revolution",
    "rivalry",
    "rule",
    "search",
    "shutdown",
    "siege",
    "silence",
    "slump",
    "stalemate",
    "standoff",
    "stay",
    "strike",
    "struggle",
    "suspension",
    "talk",
    "tenure",
    "term",
    "tour",
    "tradition",
    "treaty",
    "trial",
    "trip",
    "truce",
    "uprising",
    "visit",
    "voyage",
    "wait",
    "war",
];

/// People who are young enough to be described by their age ("a 7-year girl",
/// with "old" left out, is seven years old, not a ten-year period).
const PERSON_NOUNS: &[&str] = &[
    "baby",
    "boy",
    "child",
    "daughter",
    "girl",
    "granddaughter",
    "grandson",
    "infant",
    "kid",
    "nephew",
    "niece",
    "son",
    "teen",
    "teenager",
    "toddler",
];

/// Verbs whose object is a period that ends at the time of writing.
const ENDING_VERBS: &[&str] = &[
    "break", "breaking", "breaks", "broke", "end", "ended", "ending", "ends", "lift", "lifted",
    "lifting", "lifts",
];

/// Forms of "last" as a verb, whose subject is what lasted.
const LASTING_VERBS: &[&str] = &["lasted", "lasting", "lasts"];

/// Words before "a day" or "a year" that make it a rate, not a duration.
const RATE_WORDS: &[&str] = &["once", "per", "thrice", "times", "twice"];

/// Determiners and possessives skipped when looking for an ending verb.
const DETERMINERS: &[&str] = &["a", "an", "her", "his", "its", "the", "their"];

/// A duration or age starting at token `i`.
pub(crate) fn at(view: &View<'_>, ctx: &Ctx, i: usize) -> Option<Match> {
    let w = view.low(i);
    if matches!(w, "aged" | "age") {
        return aged(view, i);
    }
    if matches!(w, "a" | "an") {
        return one_unit(view, ctx, i, 1.0, i + 1);
    }
    if w == "half" && matches!(view.low(i + 1), "a" | "an") {
        return one_unit(view, ctx, i, 0.5, i + 2);
    }
    if let Some(m) = unit_long(view, i)
        .or_else(|| age_after_name(view, i))
        .or_else(|| age_in_clause(view, i))
        .or_else(|| ages_between(view, i))
    {
        return Some(m);
    }
    let q = quantity::parse(view, i, false)?;
    if !q.rest.is_empty() {
        return compound(view, ctx, &q);
    }
    let unit = time_unit(view.low(q.last + 1))?;
    separate(view, ctx, &q, unit)
}

/// "an hour", "a year ago", "half an hour".
fn one_unit(view: &View<'_>, ctx: &Ctx, i: usize, amount: f64, k: usize) -> Option<Match> {
    let unit = time_unit(view.low(k))?;
    let prev = view.low_before(i);
    if RATE_WORDS.contains(&prev) || view.is_number(i.wrapping_sub(1)) {
        return None;
    }
    let q = Quantity {
        first: i,
        last: k - 1,
        end: view.end(k - 1),
        lo: amount,
        hi: amount,
        vague: false,
        range: false,
        in_words: true,
        plain: false,
        scale: None,
        rest: Vec::new(),
    };
    separate(view, ctx, &q, unit)
}

/// A quantity followed by a unit word: "ten days", "three weeks ago", "45 years
/// old".
fn separate(view: &View<'_>, ctx: &Ctx, q: &Quantity, unit: TimeUnit) -> Option<Match> {
    let k = q.last + 1;
    let span = view.start(q.first)..view.end(k);
    if view.is(k + 1, "ago") {
        let span = view.start(q.first)..view.end(k + 1);
        let f = relative::ago(view, ctx, q.first, span, q.lo, unit)?;
        return Some(Match::one(f, k + 1));
    }
    if view.is(k + 1, "old") && unit == TimeUnit::Year {
        let mut f = Found::number(
            view.start(q.first)..view.end(k + 1),
            FigureKind::Age,
            q.lo,
            q.hi,
        );
        f.unit = Some("year".to_string());
        hedge_range(&mut f, q);
        return Some(Match::one(f, k + 1));
    }
    let s = unit.seconds();
    let mut f = Found::number(span, FigureKind::Duration, q.lo * s, q.hi * s);
    f.unit = Some("s".to_string());
    hedge_range(&mut f, q);
    match lasting_subject(view, q.first) {
        Some((subject, verb)) => {
            f.counted = Some(subject);
            f.predicate = Some(verb);
        }
        None => f.predicate = units::predicate(view, q.first, k),
    }
    Some(Match::one(f, k))
}

/// The subject and verb of "lasted" or "lasts for" right before a duration.
fn lasting_subject(view: &View<'_>, first: usize) -> Option<(Counted, String)> {
    let mut verb = first.checked_sub(1)?;
    if view.is(verb, "for") {
        verb = verb.checked_sub(1)?;
    }
    let w = view.low(verb);
    if !LASTING_VERBS.contains(&w) {
        return None;
    }
    let head = units::subject_before(view, verb)?;
    let subject = Counted {
        phrase: head.clone(),
        head,
        last: verb,
    };
    Some((subject, w.to_string()))
}

/// Cuts a phrase after its last event or state noun, so that a verb read into the
/// phrase ("border dispute continues") does not hide what lasts.
fn up_to_lasting_noun(c: Counted) -> Counted {
    let words: Vec<&str> = c.phrase.split(' ').collect();
    let Some(p) = words.iter().rposition(|w| LASTING_NOUNS.contains(w)) else {
        return c;
    };
    Counted {
        head: words[p].to_string(),
        phrase: words[..=p].join(" "),
        last: c.last - (words.len() - 1 - p),
    }
}

/// Ranges and vague quantities keep their own qualifier.
fn hedge_range(f: &mut Found, q: &Quantity) {
    if q.range {
        f.qualifier = crate::figure::Qualifier::Range;
    } else if q.vague {
        f.qualifier = crate::figure::Qualifier::Approx;
    }
}

/// "hour-long", "year-long", "yearlong": one unit.
fn unit_long(view: &View<'_>, i: usize) -> Option<Match> {
    let low = view.low(i);
    if !view.is_word(i) || !low.ends_with("long") {
        return None;
    }
    let unit = if low.ends_with("-long") {
        let parts = hyphen_parts(view.raw(i));
        let [(_, u), (_, long)] = parts.as_slice() else {
            return None;
        };
        time_unit(u).filter(|_| long == "long")?
    } else {
        // "yearlong", "weeklong": written as one word.
        match low.strip_suffix("long")? {
            u @ ("hour" | "day" | "week" | "month" | "year" | "decade" | "century") => {
                time_unit(u)?
            }
            _ => return None,
        }
    };
    let s = unit.seconds();
    let mut f = Found::number(view.start(i)..view.end(i), FigureKind::Duration, s, s);
    f.unit = Some("s".to_string());
    f.counted = units::counted_after(view, i + 1, false);
    Some(Match::one(f, i))
}

/// A hyphenated duration or age: "40-minute", "30-month", "45-year-old",
/// "three-and-a-half-year-old", "ten-day", "two-hour-long".
fn compound(view: &View<'_>, ctx: &Ctx, q: &Quantity) -> Option<Match> {
    let (unit, mut old) = match q
        .rest
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        [u] => (time_unit(u)?, false),
        [u, "long"] => (time_unit(u)?, false),
        [u, "old"] => (time_unit(u)?, true),
        _ => return None,
    };
    let mut i = q.last;
    if !old && q.rest.len() == 1 && view.is(i + 1, "old") {
        // "a 6-year old girl": the second hyphen left out.
        old = true;
        i += 1;
    }
    let counted = units::counted_after(view, i + 1, true).map(up_to_lasting_noun);
    let text = view.raw(q.last);
    let span = view.start(q.first)..view.end(i);
    // "a 7-year girl": "old" left out before a person, who has an age.
    let of_person = q.rest.len() == 1
        && counted
            .as_ref()
            .is_some_and(|c| PERSON_NOUNS.contains(&c.head.as_str()));
    if (old || of_person)
        && counted
            .as_ref()
            .is_none_or(|c| !LASTING_NOUNS.contains(&c.head.as_str()))
    {
        let years = unit.seconds() / TimeUnit::Year.seconds();
        let mut f = Found::number(span, FigureKind::Age, q.lo * years, q.hi * years);
        f.unit = Some("year".to_string());
        f.counted = counted;
        return Some(Match::one(f, i));
    }
    let s = unit.seconds();
    let mut f = Found::number(span, FigureKind::Duration, q.lo * s, q.hi * s);
    f.unit = Some("s".to_string());
    hedge_range(&mut f, q);
    f.counted = counted;
    f.predicate = ending_verb(view, q.first);
    let why = if old {
        Some("has lasted that long at publication")
    } else if f.predicate.is_some() {
        Some("ends at publication")
    } else {
        None
    };
    let mut found = vec![f];
    if let Some(why) = why
        && !q.range
        && let Some(d) = relative::derived_start(ctx, &found[0], text, q.lo, unit, why)
    {
        found.push(d);
    }
    Some(Match { found, next: i + 1 })
}

/// The verb that ends the period before token `first` ("ending a 30-month
/// embargo"), skipping a determiner.
fn ending_verb(view: &View<'_>, first: usize) -> Option<String> {
    let mut k = first.checked_sub(1)?;
    if DETERMINERS.contains(&view.low(k)) {
        k = k.checked_sub(1)?;
    }
    let w = view.low(k);
    ENDING_VERBS.contains(&w).then(|| w.to_string())
}

/// "Ana Ruiz, 52, said": a small whole number between commas right after a
/// capitalized name is that person's age.
fn age_after_name(view: &View<'_>, i: usize) -> Option<Match> {
    let raw = view.raw(i);
    if !view.is_number(i) || raw.len() > 3 || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // "Ana Ruiz, now 52, said".
    let now = usize::from(view.is(i.wrapping_sub(1), "now"));
    let name = i.checked_sub(2 + now)?;
    let named = view.raw(i - 1 - now) == ","
        && view.is_word(name)
        && view.is_capitalized(name)
        && !crate::text::is_stop_word(view.low(name))
        && super::dates::month_of(view.low(name)).is_none()
        && relative::weekday_of(view.low(name)).is_none();
    let closed = matches!(view.raw(i + 1), "," | "." | ")" | ";");
    let age: f64 = raw.parse().ok()?;
    if !named || !closed || !(1.0..=120.0).contains(&age) {
        return None;
    }
    let mut f = Found::number(view.start(i)..view.end(i), FigureKind::Age, age, age);
    f.unit = Some("year".to_string());
    Some(Match::one(f, i))
}

/// Words of a person before "was" or "is" in "when she was 13".
const PERSON_PRONOUNS: &[&str] = &["he", "i", "she", "they", "we", "you"];

/// An age stated by its clause: "turned 67", "turns 18", "when she was (only)
/// 13", "at age 15", "11 years of age". The number must be a whole number from
/// 1 to 120 with no noun after it ("turned 67 pages" is not an age).
fn age_in_clause(view: &View<'_>, i: usize) -> Option<Match> {
    let raw = view.raw(i);
    let plain = view.is_number(i) && raw.bytes().all(|b| b.is_ascii_digit());
    let in_words = view.is_word(i) && super::number_words::may_start(view.low(i));
    if !plain && !in_words {
        return None;
    }
    let q = quantity::parse(view, i, false)?;
    if q.range || q.vague || !q.rest.is_empty() || q.scale.is_some() || q.lo.fract() != 0.0 {
        return None;
    }
    if !(1.0..=120.0).contains(&q.lo) {
        return None;
    }
    let before = |back: usize| i.checked_sub(back).map_or("", |k| view.low(k));
    let mut b = 1;
    if matches!(before(b), "only" | "just" | "barely" | "nearly" | "almost") {
        b += 1;
    }
    let turned = matches!(before(b), "turned" | "turns" | "turning" | "turn");
    let was = matches!(before(b), "was" | "is" | "were")
        && PERSON_PRONOUNS.contains(&before(b + 1))
        && matches!(
            before(b + 2),
            "when" | "since" | "until" | "after" | "before" | "as"
        );
    let at_age = before(b) == "age" && before(b + 1) == "at";
    let years_of_age = matches!(view.low(q.last + 1), "years" | "year")
        && view.is(q.last + 2, "of")
        && view.is(q.last + 3, "age");
    let noun_after = units::counted_after(view, q.last + 1, false).is_some()
        || matches!(view.raw(q.last + 1), "%");
    if !(years_of_age || ((turned || was || at_age) && !noun_after)) {
        return None;
    }
    let last = if years_of_age { q.last + 3 } else { q.last };
    let mut f = Found::number(view.start(i)..view.end(last), FigureKind::Age, q.lo, q.hi);
    f.unit = Some("year".to_string());
    Some(Match::one(f, last))
}

/// "between the ages of 11 and 15": one age, a range.
fn ages_between(view: &View<'_>, i: usize) -> Option<Match> {
    if !(view.is(i, "ages") && view.is(i + 1, "of")) || view.low_before(i) != "the" {
        return None;
    }
    if !i.checked_sub(2).is_some_and(|k| view.is(k, "between")) {
        return None;
    }
    let a = quantity::parse(view, i + 2, false)?;
    if !view.is(a.last + 1, "and") {
        return None;
    }
    let b = quantity::parse(view, a.last + 2, false)?;
    if a.lo >= b.hi || b.hi > 130.0 || !a.rest.is_empty() || !b.rest.is_empty() {
        return None;
    }
    let mut f = Found::number(
        view.start(i + 2)..view.end(b.last),
        FigureKind::Age,
        a.lo,
        b.hi,
    );
    f.unit = Some("year".to_string());
    f.qualifier = crate::figure::Qualifier::Range;
    Some(Match::one(f, b.last))
}

/// "aged 45", "at the age of 45".
fn aged(view: &View<'_>, i: usize) -> Option<Match> {
    let k = if view.is(i, "age") {
        if !view.is(i + 1, "of") {
            return None;
        }
        i + 2
    } else {
        i + 1
    };
    let q = quantity::parse(view, k, false)?;
    if q.vague || !q.rest.is_empty() || q.hi > 130.0 {
        return None;
    }
    let mut f = Found::number(view.start(q.first)..q.end, FigureKind::Age, q.lo, q.hi);
    f.unit = Some("year".to_string());
    hedge_range(&mut f, &q);
    if view.is(i, "aged")
        && let Some(p) = i.checked_sub(1)
        && view.is_word(p)
        && !crate::text::is_stop_word(view.low(p))
    {
        let head = units::singular(view.low(p));
        f.counted = Some(Counted {
            phrase: head.clone(),
            head,
            last: p,
        });
    }
    Some(Match::one(f, q.last))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::Value;

    fn first(s: &str, i: usize) -> Option<(FigureKind, String, String, Option<String>)> {
        let v = View::new(s, 0..s.len());
        let ctx = Ctx { published: None };
        let m = at(&v, &ctx, i)?;
        let f = m.found.into_iter().next()?;
        let value = match f.value {
            Value::Number { lo, .. } => crate::figure::format_number(lo),
            other => other.normalized(),
        };
        Some((
            f.kind,
            value,
            s[f.start..f.end].to_string(),
            f.counted.map(|c| c.head),
        ))
    }

    #[test]
    fn hyphenated_durations_and_ages() {
        let d = first("a 90-minute debate", 1).unwrap();
        assert_eq!(
            d,
            (
                FigureKind::Duration,
                "5400".into(),
                "90-minute".into(),
                Some("debate".into())
            )
        );
        let a = first("a 38-year-old dispute ended", 1).unwrap();
        assert_eq!(a.0, FigureKind::Duration);
        let a = first("a 38-year-old teacher said", 1).unwrap();
        assert_eq!((a.0, a.1.as_str()), (FigureKind::Age, "38"));
        let a = first("the 38-year-old said", 1).unwrap();
        assert_eq!(a.0, FigureKind::Age);
    }

    #[test]
    fn separate_units_rates_and_lasting_subjects() {
        let d = first("the strike lasted three weeks", 3).unwrap();
        assert_eq!(
            d,
            (
                FigureKind::Duration,
                "1814400".into(),
                "three weeks".into(),
                Some("strike".into())
            )
        );
        assert_eq!(first("twice a day", 1), None);
        let d = first("for half an hour", 1).unwrap();
        assert_eq!((d.1.as_str(), d.2.as_str()), ("1800", "half an hour"));
    }

    #[test]
    fn ages_after_aged() {
        let a = first("a farmer aged 61", 2).unwrap();
        assert_eq!(
            a,
            (
                FigureKind::Age,
                "61".into(),
                "61".into(),
                Some("farmer".into())
            )
        );
    }

    #[test]
    fn ages_written_without_their_second_hyphen_or_old() {
        assert_eq!(
            first("a 6-year old girl", 1),
            Some((
                FigureKind::Age,
                "6".into(),
                "6-year old".into(),
                Some("girl".into())
            ))
        );
        assert_eq!(
            first("a 7-year girl was hurt", 1),
            Some((
                FigureKind::Age,
                "7".into(),
                "7-year".into(),
                Some("girl".into())
            ))
        );
        // A period of a person's work stays a duration.
        assert_eq!(
            first("a 25-year veteran of the force", 1).map(|f| f.0),
            Some(FigureKind::Duration)
        );
    }

    #[test]
    fn ages_read_from_their_clause() {
        let age = |s: &str, i: usize| {
            first(s, i)
                .filter(|f| f.0 == FigureKind::Age)
                .map(|f| (f.1, f.2))
        };
        assert_eq!(
            age("He turned 70 in July.", 2),
            Some(("70".into(), "70".into()))
        );
        assert_eq!(
            age("It began when she was only 13.", 6),
            Some(("13".into(), "13".into()))
        );
        assert_eq!(
            age("He left school at age 15.", 5),
            Some(("15".into(), "15".into()))
        );
        assert_eq!(
            age("Anyone 11 years of age may go.", 1),
            Some(("11".into(), "11 years of age".into()))
        );
        assert_eq!(
            age("Jo Lund, now 70, spoke.", 4),
            Some(("70".into(), "70".into()))
        );
        assert_eq!(
            age("those between the ages of 11 and 15", 3),
            Some(("11".into(), "11 and 15".into()))
        );
        // Not ages: a noun after the number, or no clause of age.
        assert_eq!(age("The index turned 67 points up.", 3), None);
        assert_eq!(age("It was 13 when we left.", 2), None);
    }

    #[test]
    fn a_unit_written_with_long_is_one_unit() {
        assert_eq!(
            first("a yearlong delay", 1),
            Some((
                FigureKind::Duration,
                "31556952".into(),
                "yearlong".into(),
                Some("delay".into())
            ))
        );
        assert_eq!(first("a headlong rush", 1), None);
    }
}

//! Percentages: "12%", "12 percent", "12 per cent", "twelve percent", and
//! "3 percentage points" (unit "pp", kept apart from "%" because a change in
//! points and a share in percent are different facts).
//!
//! Odds and shares written as "N in M" are percentages too, approximate (a
//! manner of speaking): "a one-in-four chance", "a 1 in 6 chance", "2 out of 5
//! odds" are 25%, 16.7% and 40%. The spaced form needs a noun of chance after
//! it ([`CHANCE_NOUNS`]), or "one in M" before a plural ("one in five adults"),
//! so that "won 5 in 2016" or "2 in 7 games" stay what they are.

use crate::figure::{FigureKind, Qualifier};

use super::number_words;
use super::numbers;
use super::quantity;
use super::tokens::{View, has_hyphen, hyphen_parts};
use super::units;
use super::{Found, Match};

/// The unit and last token of a percent sign or word starting at token `k`.
fn percent_after(view: &View<'_>, k: usize) -> Option<(&'static str, usize)> {
    match view.low(k) {
        "%" | "percent" | "pct" => Some(("%", k)),
        "per" if view.is(k + 1, "cent") => Some(("%", k + 1)),
        "percentage" if matches!(view.low(k + 1), "point" | "points") => Some(("pp", k + 1)),
        _ => None,
    }
}

/// Nouns of chance after "N in M".
const CHANCE_NOUNS: &[&str] = &[
    "chance",
    "chances",
    "likelihood",
    "odds",
    "possibility",
    "probability",
    "risk",
    "shot",
];

/// A percentage starting at token `i`.
pub(crate) fn at(view: &View<'_>, i: usize) -> Option<Match> {
    if !view.is_number(i) && !view.is_word(i) {
        return None;
    }
    if let Some(m) = odds(view, i) {
        return Some(m);
    }
    let q = quantity::parse(view, i, false)?;
    if !q.rest.is_empty() || q.vague {
        return None;
    }
    let (unit, last) = percent_after(view, q.last + 1)?;
    let mut f = Found::number(
        view.start(i)..view.end(last),
        FigureKind::Percent,
        q.lo,
        q.hi,
    );
    f.unit = Some(unit.to_string());
    if q.range {
        f.qualifier = Qualifier::Range;
    }
    f.counted = units::counted_after(view, last + 1, false).filter(|_| view.is(last + 1, "of"));
    f.predicate = units::predicate(view, i, f.counted.as_ref().map_or(last, |c| c.last));
    Some(Match::one(f, last))
}

/// "one-in-three", "1-in-3": a hyphenated "N in M", its two numbers.
fn hyphenated_odds(raw: &str) -> Option<(f64, f64)> {
    let parts = hyphen_parts(raw);
    let [(_, a), (_, inn), (_, b)] = parts.as_slice() else {
        return None;
    };
    let number = |w: &str| numbers::parse_digits(w).or_else(|| number_words::small(w));
    (inn == "in").then_some(())?;
    Some((number(a)?, number(b)?))
}

/// Odds or a share written "N in M" at token `i` (see the module doc).
fn odds(view: &View<'_>, i: usize) -> Option<Match> {
    let (a, b, last) = if has_hyphen(view.raw(i)) {
        let (a, b) = hyphenated_odds(view.raw(i))?;
        (a, b, i)
    } else {
        let qa = quantity::parse(view, i, false)?;
        if qa.range || qa.vague || !qa.rest.is_empty() || qa.scale.is_some() {
            return None;
        }
        let k = match (view.low(qa.last + 1), view.low(qa.last + 2)) {
            ("in", _) => qa.last + 2,
            ("out", "of") => qa.last + 3,
            _ => return None,
        };
        let qb = quantity::parse(view, k, false)?;
        if qb.range || qb.vague || !qb.rest.is_empty() || qb.scale.is_some() {
            return None;
        }
        // The noun after the odds, over a closing quotation mark ('"1 in 6" chance').
        let mut n = qb.last + 1;
        if matches!(view.raw(n), "\"" | "”" | "'" | "’") {
            n += 1;
        }
        let next = view.low(n);
        let chance = CHANCE_NOUNS.contains(&next);
        let share = qa.lo == 1.0
            && view.is_word(n)
            && !view.is_capitalized(n)
            && units::singular(next) != next
            && units::counted_after(view, n, false).is_some();
        if !chance && !share {
            return None;
        }
        (qa.lo, qb.lo, qb.last)
    };
    if !(a > 0.0 && a < b && b <= 1000.0) {
        return None;
    }
    let v = 100.0 * a / b;
    let mut f = Found::number(view.start(i)..view.end(last), FigureKind::Percent, v, v);
    f.unit = Some("%".to_string());
    f.qualifier = Qualifier::Approx;
    f.counted = units::counted_after(view, last + 1, false);
    f.predicate = units::predicate(view, i, f.counted.as_ref().map_or(last, |c| c.last));
    Some(Match::one(f, last))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pct(s: &str) -> Option<(String, String, String, Option<String>)> {
        let v = View::new(s, 0..s.len());
        let f = at(&v, 0)?.found.into_iter().next()?;
        Some((
            f.value.normalized(),
            f.unit.unwrap_or_default(),
            s[f.start..f.end].to_string(),
            f.counted.map(|c| c.head),
        ))
    }

    #[test]
    fn reads_signs_words_and_points() {
        assert_eq!(
            pct("45% of voters"),
            Some(("45".into(), "%".into(), "45%".into(), Some("voter".into())))
        );
        assert_eq!(pct("3.5 per cent rise").unwrap().2, "3.5 per cent");
        assert_eq!(pct("two percentage points").unwrap().1, "pp");
        assert_eq!(pct("10-15% growth").unwrap().0, "10-15");
        assert_eq!(pct("45 voters"), None);
    }

    #[test]
    fn odds_and_shares_are_percentages() {
        let odds = |s: &str| pct(s).map(|p| (p.0, p.2));
        assert_eq!(
            odds("one-in-four chance of rain"),
            Some(("25".into(), "one-in-four".into()))
        );
        assert_eq!(
            odds("1 in 6 chance"),
            Some(("16.666667".into(), "1 in 6".into()))
        );
        assert_eq!(
            odds("2 out of 5 odds"),
            Some(("40".into(), "2 out of 5".into()))
        );
        assert_eq!(
            odds("1 in 6\" chance"),
            Some(("16.666667".into(), "1 in 6".into()))
        );
        assert_eq!(
            odds("one in five adults smoke"),
            Some(("20".into(), "one in five".into()))
        );
        let v = View::new("a one-in-four chance", 0.."a one-in-four chance".len());
        let f = at(&v, 1)
            .and_then(|m| m.found.into_iter().next())
            .expect("odds");
        assert_eq!(f.qualifier, Qualifier::Approx);
    }

    #[test]
    fn numbers_around_in_are_not_always_odds() {
        assert_eq!(pct("5 in 2016 the"), None);
        assert_eq!(pct("2 in 7 games"), None);
        assert_eq!(pct("3 in 2 chance"), None);
        assert_eq!(pct("one in five"), None);
    }
}

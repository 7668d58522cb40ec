//! Percentages: "12%", "12 percent", "12 per cent", "twelve percent", and
//! "3 percentage points" (unit "pp", kept apart from "%" because a change in
//! points and a share in percent are different facts).

use crate::figure::{FigureKind, Qualifier};

use super::quantity;
use super::tokens::View;
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

/// A percentage starting at token `i`.
pub(crate) fn at(view: &View<'_>, i: usize) -> Option<Match> {
    if !view.is_number(i) && !view.is_word(i) {
        return None;
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
}

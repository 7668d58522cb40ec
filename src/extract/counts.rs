//! Counts: how many of something ("130,000 people", "six armoured river barges",
//! "tens of thousands of stranded travellers", "a 20,000-strong force",
//! "more than 20"), the last recognizer tried.
//!
//! A number joined to a noun by a hyphen counts that noun ("a 312-page report"
//! counts 312 pages). A count needs no counted noun ("displaced millions", "more than 20"), except
//! "one", which without a noun is nearly always a pronoun ("one is quoted").

use crate::figure::{FigureKind, Qualifier};

use super::exclusions;
use super::qualifiers;
use super::quantity;
use super::tokens::View;
use super::units::{self, Counted};
use super::{Ctx, Found, Match};

/// Head nouns of street addresses ("10 Downing Street").
const ADDRESS_NOUNS: &[&str] = &[
    "avenue",
    "ave",
    "boulevard",
    "drive",
    "lane",
    "place",
    "rd",
    "road",
    "square",
    "st",
    "street",
];

/// A count starting at token `i`.
pub(crate) fn at(view: &View<'_>, _ctx: &Ctx, i: usize) -> Option<Match> {
    if let Some(m) = feet_and_inches(view, i) {
        return Some(m);
    }
    let q = quantity::parse(view, i, false)?;
    let strong = q.rest.iter().map(String::as_str).eq(["strong"]);
    if let Some(m) = hyphenated_noun(view, &q) {
        return Some(m);
    }
    if !q.rest.is_empty() && !strong {
        return None;
    }
    if exclusions::is_idiomatic_one(view, &q) {
        return Some(Match::skip(q.last + 1));
    }
    let mut last = q.last;
    let mut qualifier = if q.range {
        Qualifier::Range
    } else if q.vague {
        Qualifier::Approx
    } else {
        Qualifier::Exact
    };
    if let Some((after, end)) = qualifiers::after(view, last + 1) {
        qualifier = after;
        last = end;
    }
    if let Some(end) = address_end(view, last + 1) {
        return Some(Match::skip(end));
    }
    let mut counted =
        counted_of_whole(view, last + 1).or_else(|| units::counted_after(view, last + 1, false));
    let mut predicate = None;
    if let Some(p) = counted.as_ref().and_then(|c| lone_participle(view, c)) {
        predicate = Some(p);
        counted = None;
    }
    if q.in_words && q.lo == 1.0 && q.hi == 1.0 && counted.is_none() {
        return Some(Match::skip(last + 1));
    }
    let end = if strong {
        view.end(q.last)
    } else {
        view.end(last)
    };
    let mut f = Found::number(view.start(q.first)..end, FigureKind::Count, q.lo, q.hi);
    f.qualifier = qualifier;
    f.predicate = predicate
        .or_else(|| units::predicate(view, q.first, counted.as_ref().map_or(last, |c| c.last)));
    f.counted = counted;
    Some(Match::one(f, last))
}

/// "5 feet 3 inches", "5'3\"", "5-foot-3": a height or length in feet and
/// inches is one count of inches (63), spanning all of it, so that the ways of
/// writing it agree.
fn feet_and_inches(view: &View<'_>, i: usize) -> Option<Match> {
    let raw = view.raw(i);
    let (feet, inches, last) = if let Some((f, rest)) = raw.split_once(['\'', '’']) {
        // "4'8\"": one token, then the inch mark glued to it.
        let mark = matches!(view.raw(i + 1), "\"" | "”" | "″") && view.touches_next(i);
        if !view.is_number(i) || !mark {
            return None;
        }
        (f.parse::<f64>().ok()?, rest.parse::<f64>().ok()?, i + 1)
    } else {
        let q = quantity::parse(view, i, false)?;
        if q.range || q.vague || q.scale.is_some() {
            return None;
        }
        match q
            .rest
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice()
        {
            ["foot" | "feet", n] => (q.lo, n.parse::<f64>().ok()?, q.last),
            [] if matches!(view.low(q.last + 1), "feet" | "foot" | "ft") => {
                let k = q.last + 2;
                let b = quantity::parse(view, k, false)?;
                let unit = view.low(b.last + 1);
                if !b.rest.is_empty() || !matches!(unit, "inch" | "inches" | "in") {
                    return None;
                }
                (q.lo, b.lo, b.last + 1)
            }
            _ => return None,
        }
    };
    if !(0.0..12.0).contains(&inches) || feet.fract() != 0.0 || inches.fract() != 0.0 {
        return None;
    }
    let v = feet * 12.0 + inches;
    let mut f = Found::number(view.start(i)..view.end(last), FigureKind::Count, v, v);
    f.counted = Some(Counted {
        head: "inch".to_string(),
        phrase: "inch".to_string(),
        last,
    });
    f.predicate = units::predicate(view, i, last);
    Some(Match::one(f, last))
}

/// Words after a number and a hyphen that are not the counted noun: hedges
/// ("20-odd", "30-plus"), "fold" and units read elsewhere.
const NOT_HYPHEN_NOUNS: &[&str] = &[
    "fold",
    "ish",
    "odd",
    "old",
    "percent",
    "plus",
    "some",
    "something",
    "strong",
];

/// "a 312-page report", "a 12-member panel", "the 41-word pledge": the number
/// counts the noun it is joined to (a page, a member, a word); the span is the
/// number alone.
fn hyphenated_noun(view: &View<'_>, q: &quantity::Quantity) -> Option<Match> {
    let [noun] = q.rest.as_slice() else {
        return None;
    };
    let alphabetic = noun.len() > 1 && noun.chars().all(|c| c.is_alphabetic());
    let written = view
        .raw(q.last)
        .rsplit(['-', '‐', '‑'])
        .next()
        .unwrap_or("");
    // Adjectives ("two-legged", "three-dimensional"), fractions ("two-thirds"),
    // scales ("$986-billion"), function words and codes ("173-GPS").
    let adjective = ["ed", "al", "ic", "ing", "ful", "less"]
        .iter()
        .any(|e| noun.ends_with(e));
    let fraction = matches!(
        units::singular(noun).as_str(),
        "half" | "third" | "quarter" | "fifth" | "sixth" | "eighth" | "tenth"
    );
    if !alphabetic
        || adjective
        || fraction
        || written.chars().any(char::is_uppercase)
        || crate::text::is_stop_word(noun)
        || super::numbers::scale_word(noun).is_some()
        || NOT_HYPHEN_NOUNS.contains(&noun.as_str())
        || super::durations::time_unit(noun).is_some()
        || q.range
        || q.vague
        || (q.in_words && q.lo == 1.0)
    {
        // "one-time", "one-way", "one-man": idioms more than counts.
        return None;
    }
    let mut f = Found::number(view.start(q.first)..q.end, FigureKind::Count, q.lo, q.hi);
    let head = units::singular(noun);
    f.counted = Some(Counted {
        phrase: head.clone(),
        head,
        last: q.last,
    });
    f.predicate = units::predicate(view, q.first, q.last);
    Some(Match::one(f, q.last))
}

/// "62 of the 120 seats", "14 of the past 20 years", "3 of the agency's 5
/// centres": a part counts what its whole counts.
fn counted_of_whole(view: &View<'_>, j: usize) -> Option<Counted> {
    if !view.is(j, "of") {
        return None;
    }
    let mut k = j + 1;
    if matches!(
        view.low(k),
        "the" | "its" | "their" | "our" | "these" | "those"
    ) {
        k += 1;
    }
    if view.low(k).ends_with("'s") {
        k += 1;
    }
    if matches!(view.low(k), "past" | "last" | "first" | "next" | "previous") {
        k += 1;
    }
    let whole = quantity::parse(view, k, false)?;
    if !whole.rest.is_empty() {
        return None;
    }
    units::counted_after(view, whole.last + 1, false)
}

/// "10 Downing Street": up to three capitalized words from token `j`, the last a
/// street noun. Returns the token after the address.
fn address_end(view: &View<'_>, j: usize) -> Option<usize> {
    (j..j + 3)
        .take_while(|&k| view.is_word(k) && view.is_capitalized(k))
        .find(|&k| ADDRESS_NOUNS.contains(&view.low(k)))
        .map(|k| k + 1)
}

/// "20 killed and 30 wounded": a single participle after the number is what
/// happened to them, not what they are.
fn lone_participle(view: &View<'_>, c: &Counted) -> Option<String> {
    let w = view.low(c.last);
    let single = !c.phrase.contains(' ');
    (single && w.len() > 4 && w.ends_with("ed") && units::is_verb_like(w)).then(|| w.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    type Read = (String, Qualifier, String, Option<String>, Option<String>);

    fn count(s: &str, i: usize) -> Option<Read> {
        let v = View::new(s, 0..s.len());
        let ctx = Ctx { published: None };
        let f = at(&v, &ctx, i)?.found.into_iter().next()?;
        Some((
            f.value.normalized(),
            f.qualifier,
            s[f.start..f.end].to_string(),
            f.counted.map(|c| c.head),
            f.predicate,
        ))
    }

    #[test]
    fn counts_with_their_nouns_and_verbs() {
        let c = count("the storm destroyed 1,400 homes", 3).unwrap();
        assert_eq!(c.0, "1400");
        assert_eq!(c.3.as_deref(), Some("home"));
        assert_eq!(c.4.as_deref(), Some("destroyed"));
        let c = count("a 5,000-strong garrison", 1).unwrap();
        assert_eq!(
            (c.0.as_str(), c.2.as_str(), c.3.as_deref()),
            ("5000", "5,000-strong", Some("garrison"))
        );
        let c = count("12 drowned and 30 were rescued", 0).unwrap();
        assert_eq!((c.3, c.4.as_deref()), (None, Some("drowned")));
    }

    #[test]
    fn hedges_after_the_number_and_idioms() {
        let c = count("40 or more lorries", 0).unwrap();
        assert_eq!(
            (c.1, c.2.as_str(), c.3.as_deref()),
            (Qualifier::AtLeast, "40 or more", Some("lorry"))
        );
        assert_eq!(count("one of the boats", 0), None);
        assert_eq!(count("10 Harbour Road", 0), None);
        let c = count("one pilot", 0).unwrap();
        assert_eq!(c.3.as_deref(), Some("pilot"));
    }

    #[test]
    fn feet_and_inches_are_one_count_of_inches() {
        for (s, span) in [
            ("she is 5 feet 3 inches tall", "5 feet 3 inches"),
            ("she is 5'3\" tall", "5'3\""),
            ("a 5-foot-3 guard", "5-foot-3"),
            (
                "she is five feet three inches tall",
                "five feet three inches",
            ),
        ] {
            let v = View::new(s, 0..s.len());
            let f = (0..v.len())
                .find_map(|i| feet_and_inches(&v, i))
                .map(|m| m.found[0].clone())
                .unwrap_or_else(|| panic!("{s:?}: no height"));
            assert_eq!(
                (
                    f.value.normalized(),
                    &s[f.start..f.end],
                    f.counted.map(|c| c.head)
                ),
                ("63".to_string(), span, Some("inch".to_string())),
                "{s:?}"
            );
        }
        let v = View::new("a 40 feet wall", 0.."a 40 feet wall".len());
        assert!(feet_and_inches(&v, 1).is_none(), "feet alone stay feet");
    }

    #[test]
    fn a_number_joined_to_a_noun_counts_it() {
        let c = count("a 312-page report", 1).unwrap();
        assert_eq!(
            (c.0.as_str(), c.2.as_str(), c.3.as_deref()),
            ("312", "312", Some("page"))
        );
        let c = count("a nine-member panel", 1).unwrap();
        assert_eq!((c.0.as_str(), c.3.as_deref()), ("9", Some("member")));
        assert_eq!(count("a 20-odd crew", 1), None);
        assert_eq!(count("a 10-fold rise", 1), None);
        assert_eq!(count("a one-way ticket", 1), None);
        for s in [
            "a two-legged robot",
            "a three-dimensional map",
            "about two-thirds",
            "a 40-GPS plate",
        ] {
            let v = View::new(s, 0..s.len());
            let found = (0..v.len()).find_map(|i| at(&v, &Ctx { published: None }, i));
            assert!(found.is_none_or(|m| m.found.is_empty()), "{s:?}");
        }
    }
}

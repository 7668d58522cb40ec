//! Money: "$1.5 billion", "US$300m", "€20", "£3.2bn", "EUR 40", "5 million dollars",
//! "300 rupees". The unit is an ISO 4217 code; the value is in units of the
//! currency. "$" alone is taken as US dollars (and "A$", "C$", "HK$" as their
//! dollars). "pounds" is a weight, not money, before "of" or near a word of
//! weight ("weighs 95 pounds", "lost 40 pounds"); the number is then a count of
//! pounds.

use crate::figure::{FigureKind, Qualifier, Value};

use super::quantity::{self, Quantity};
use super::tokens::View;
use super::units;
use super::{Found, Match};

/// The currency of a symbol.
fn symbol(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₹" => "INR",
        "₽" => "RUB",
        _ => return None,
    })
}

/// The dollar of a country prefix before "$" ("US$", "A$").
fn dollar_prefix(low: &str) -> Option<&'static str> {
    Some(match low {
        "us" => "USD",
        "a" | "au" => "AUD",
        "c" | "ca" => "CAD",
        "hk" => "HKD",
        "nz" => "NZD",
        "s" => "SGD",
        _ => return None,
    })
}

/// An ISO code or abbreviation written before or after the amount.
fn code(raw: &str) -> Option<&'static str> {
    Some(match raw {
        "USD" => "USD",
        "EUR" => "EUR",
        "GBP" => "GBP",
        "JPY" => "JPY",
        "CNY" | "RMB" => "CNY",
        "INR" | "Rs" => "INR",
        "RUB" => "RUB",
        "CHF" => "CHF",
        "AUD" => "AUD",
        "CAD" => "CAD",
        _ => return None,
    })
}

/// A currency named in words after the amount.
fn currency_word(low: &str) -> Option<&'static str> {
    Some(match low {
        "dollar" | "dollars" => "USD",
        "euro" | "euros" => "EUR",
        "pound" | "pounds" | "sterling" => "GBP",
        "yen" => "JPY",
        "yuan" | "renminbi" => "CNY",
        "rupee" | "rupees" => "INR",
        "rouble" | "roubles" | "ruble" | "rubles" => "RUB",
        _ => return None,
    })
}

/// True for a token that can start an amount of money written currency first.
pub(crate) fn may_start(raw: &str, low: &str) -> bool {
    symbol(raw).is_some() || dollar_prefix(low).is_some() || code(raw).is_some()
}

/// An amount of money starting at token `i`, its currency written first, or a
/// range of two amounts ("between $1.2 billion and $1.5 billion").
pub(crate) fn at(view: &View<'_>, i: usize) -> Option<Match> {
    if view.is(i, "between") {
        return between(view, i);
    }
    single(view, i)
}

/// "between $1.2 billion and $1.5 billion": one figure, a range.
fn between(view: &View<'_>, i: usize) -> Option<Match> {
    let a = single(view, i + 1)?;
    let fa = a.found.first()?;
    if !view.is(a.next, "and") {
        return None;
    }
    let b = single(view, a.next + 1)?;
    let fb = b.found.into_iter().next()?;
    let (Value::Number { lo, .. }, Value::Number { hi, .. }) = (&fa.value, &fb.value) else {
        return None;
    };
    if fa.unit != fb.unit || lo >= hi {
        return None;
    }
    let mut f = fb.clone();
    f.start = view.start(i);
    f.value = Value::Number { lo: *lo, hi: *hi };
    f.qualifier = Qualifier::Range;
    f.predicate = units::predicate(view, i, f.counted.as_ref().map_or(b.next - 1, |c| c.last));
    Some(Match::one(f, b.next - 1))
}

/// One amount of money at token `i`.
fn single(view: &View<'_>, i: usize) -> Option<Match> {
    let raw = view.raw(i);
    let (currency, k) = if let Some(c) = symbol(raw) {
        (c, i + 1)
    } else if let Some(c) = dollar_prefix(view.low(i))
        && view.touches_next(i)
        && view.raw(i + 1) == "$"
    {
        (c, i + 2)
    } else if let Some(c) = code(raw) {
        let k = if view.raw(i + 1) == "." { i + 2 } else { i + 1 };
        (c, k)
    } else {
        return amount_then_currency(view, i);
    };
    let mut q = quantity::parse(view, k, true)?;
    // "$986-billion": a scale joined to the amount by a hyphen.
    if let [word] = q.rest.as_slice()
        && q.scale.is_none()
        && let Some(scale) = super::numbers::scale_word(word)
    {
        q.lo *= scale;
        q.hi *= scale;
        q.scale = Some(scale);
        q.plain = false;
        q.rest.clear();
    }
    if !q.rest.is_empty() {
        return None;
    }
    Some(money(view, i, &q, q.last, currency))
}

/// "5 million dollars", "40 EUR".
fn amount_then_currency(view: &View<'_>, i: usize) -> Option<Match> {
    if !view.is_number(i) && !view.is_word(i) {
        return None;
    }
    let q = quantity::parse(view, i, false)?;
    if !q.rest.is_empty() {
        return None;
    }
    let k = q.last + 1;
    let currency = currency_word(view.low(k)).or_else(|| code(view.raw(k)))?;
    if matches!(view.low(k), "pound" | "pounds") && is_weight(view, q.first, k) {
        return None;
    }
    Some(money(view, i, &q, k, currency))
}

/// Words near "N pounds" that make it a weight: verbs of weighing and of
/// losing or gaining weight, and words of size after it.
const WEIGHT_WORDS: &[&str] = &[
    "gain",
    "gained",
    "gaining",
    "gains",
    "heavier",
    "heavy",
    "lifted",
    "lighter",
    "lose",
    "loses",
    "losing",
    "lost",
    "overweight",
    "weigh",
    "weighed",
    "weighing",
    "weighs",
    "weight",
];

/// True when "pounds" at token `k` after the amount at `first` is a weight: "of"
/// after it ("300 pounds of cocaine"), a word of weight in the four words before
/// the amount or the two after "pounds" ("weighs 95 pounds", "lost 40 pounds",
/// "200 pounds heavier"), or a height next to it ("5 feet tall, 150 pounds").
fn is_weight(view: &View<'_>, first: usize, k: usize) -> bool {
    if view.is(k + 1, "of") {
        return true;
    }
    let before = (1..=4).filter_map(|b| first.checked_sub(b));
    let after = k + 1..=k + 2;
    before.chain(after).any(|t| {
        WEIGHT_WORDS.contains(&view.low(t)) || matches!(view.low(t), "feet" | "inches" | "tall")
    })
}

fn money(view: &View<'_>, first: usize, q: &Quantity, last: usize, currency: &str) -> Match {
    let mut f = Found::number(
        view.start(first)..view.end(last),
        FigureKind::Money,
        q.lo,
        q.hi,
    );
    f.unit = Some(currency.to_string());
    if q.range {
        f.qualifier = Qualifier::Range;
    } else if q.vague {
        f.qualifier = Qualifier::Approx;
    }
    f.counted = units::counted_after(view, last + 1, false);
    f.predicate = units::predicate(view, first, f.counted.as_ref().map_or(last, |c| c.last));
    Match::one(f, last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money_at(s: &str, i: usize) -> Option<(String, String, String)> {
        let v = View::new(s, 0..s.len());
        let f = at(&v, i)?.found.into_iter().next()?;
        Some((
            f.value.normalized(),
            f.unit.unwrap_or_default(),
            s[f.start..f.end].to_string(),
        ))
    }

    fn m(a: &str, b: &str, c: &str) -> Option<(String, String, String)> {
        Some((a.into(), b.into(), c.into()))
    }

    #[test]
    fn reads_currencies_before_and_after() {
        assert_eq!(
            money_at("a $3.5 billion loan", 1),
            m("3500000000", "USD", "$3.5 billion")
        );
        assert_eq!(money_at("US$40m in aid", 0), m("40000000", "USD", "US$40m"));
        assert_eq!(money_at("€15 each", 0), m("15", "EUR", "€15"));
        assert_eq!(
            money_at("a $6.35-billion fortune", 1),
            m("6350000000", "USD", "$6.35-billion")
        );
        assert_eq!(
            money_at("a $2.85-billion fortune", 1),
            m("2850000000", "USD", "$2.85-billion")
        );
        assert_eq!(money_at("a $40-ton truck", 1), None);
        assert_eq!(money_at("£3.2bn", 0), m("3200000000", "GBP", "£3.2bn"));
        assert_eq!(
            money_at("Rs. 500 crore", 0),
            m("5000000000", "INR", "Rs. 500 crore")
        );
        assert_eq!(
            money_at("30 million euros", 0),
            m("30000000", "EUR", "30 million euros")
        );
        assert_eq!(money_at("10 pounds of flour", 0), None);
        assert_eq!(money_at("5m people", 0), None);
        assert_eq!(
            money_at("between $2 million and $3 million", 0),
            m(
                "2000000-3000000",
                "USD",
                "between $2 million and $3 million"
            )
        );
    }

    #[test]
    fn pounds_of_weight_are_not_money() {
        let money = |s: &str| {
            let v = View::new(s, 0..s.len());
            (0..v.len())
                .find_map(|i| at(&v, i))
                .map(|m| m.found[0].unit.clone())
        };
        assert_eq!(money("she weighs 95 pounds now"), None);
        assert_eq!(money("he lost more than 40 pounds"), None);
        assert_eq!(money("seized 300 pounds of cocaine"), None);
        assert_eq!(money("the fine was 300 pounds"), Some(Some("GBP".into())));
    }
}

//! Money: "$1.5 billion", "US$300m", "€20", "£3.2bn", "EUR 40", "5 million dollars",
//! "300 rupees". The unit is an ISO 4217 code; the value is in units of the
//! currency. "$" alone is taken as US dollars (and "A$", "C$", "HK$" as their
//! dollars). "pounds of" is a weight, not money.

use crate::figure::{FigureKind, Qualifier};

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

/// An amount of money starting at token `i`, its currency written first.
pub(crate) fn at(view: &View<'_>, i: usize) -> Option<Match> {
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
    let q = quantity::parse(view, k, true)?;
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
    if matches!(view.low(k), "pound" | "pounds") && view.is(k + 1, "of") {
        return None;
    }
    Some(money(view, i, &q, k, currency))
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
            money_at("a $2.5 billion loan", 1),
            m("2500000000", "USD", "$2.5 billion")
        );
        assert_eq!(money_at("US$40m in aid", 0), m("40000000", "USD", "US$40m"));
        assert_eq!(money_at("€15 each", 0), m("15", "EUR", "€15"));
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
    }
}

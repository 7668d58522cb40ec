//! A quantity in any writing: digits with a scale ("3.4 million", "1.2bn"), words
//! ("two hundred and fifty"), vague words ("tens of thousands"), ranges
//! ("20-25", "five or six", "between 20 and 30"), and the number at the front of a
//! hyphenated word ("40-minute", "three-and-a-half-year-old"), whose remaining
//! parts are handed to the caller.

use super::number_words;
use super::numbers::{self, Attached};
use super::tokens::{View, has_hyphen, hyphen_parts};

/// A quantity and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Quantity {
    /// Index of the first token.
    pub first: usize,
    /// Index of the last token (inclusive).
    pub last: usize,
    /// Byte end of the number itself: inside token `last` when the number is the
    /// front of a hyphenated word.
    pub end: usize,
    /// Lower bound.
    pub lo: f64,
    /// Upper bound.
    pub hi: f64,
    /// A vague quantity ("dozens").
    pub vague: bool,
    /// A stated range ("20-25").
    pub range: bool,
    /// Written in words.
    pub in_words: bool,
    /// A single plain integer in digits, with no separators or scale ("2009").
    pub plain: bool,
    /// The scale word that multiplied it, if any.
    pub scale: Option<f64>,
    /// Folded hyphen parts of token `last` after the number ("year", "old").
    pub rest: Vec<String>,
}

impl Quantity {
    fn exact(first: usize, last: usize, end: usize, v: f64) -> Quantity {
        Quantity {
            first,
            last,
            end,
            lo: v,
            hi: v,
            vague: false,
            range: false,
            in_words: false,
            plain: false,
            scale: None,
            rest: Vec::new(),
        }
    }
}

/// Most numbers in words are short; longer runs are not read.
const MAX_NUMBER_WORDS: usize = 10;

/// The quantity starting at token `i`. `money` admits the one-letter scales ("$5m").
pub(crate) fn parse(view: &View<'_>, i: usize, money: bool) -> Option<Quantity> {
    if view.is(i, "between") {
        return between(view, i, money);
    }
    let q = single(view, i, money)?;
    Some(extend_to_range(view, q, money))
}

/// "between 20 and 30".
fn between(view: &View<'_>, i: usize, money: bool) -> Option<Quantity> {
    let a = single(view, i + 1, money)?;
    if !a.rest.is_empty() || a.vague || !view.is(a.last + 1, "and") {
        return None;
    }
    let b = single(view, a.last + 2, money)?;
    if b.vague {
        return None;
    }
    let lo = scaled_low(&a, &b);
    (lo < b.hi).then_some(Quantity {
        first: i,
        lo,
        range: true,
        ..b
    })
}

/// The low end of a range whose scale is written once ("5-6 million").
fn scaled_low(a: &Quantity, b: &Quantity) -> f64 {
    match (a.scale, b.scale) {
        (None, Some(s)) if a.lo * s <= b.lo => a.lo * s,
        _ => a.lo,
    }
}

/// Extends a quantity into a range when a dash, "to" or "or" and a second quantity
/// follow and the second is larger. "from 20 to 25" is two values, not a range.
fn extend_to_range(view: &View<'_>, q: Quantity, money: bool) -> Quantity {
    if q.vague || !q.rest.is_empty() {
        return q;
    }
    let k = q.last + 1;
    let sep = view.raw(k);
    let ok = matches!(sep, "-" | "–" | "—")
        || (sep == "to" && !view.low_before(q.first).eq("from"))
        || sep == "or";
    if !ok {
        return q;
    }
    let Some(b) = single(view, k + 1, money) else {
        return q;
    };
    if b.vague || b.in_words != q.in_words {
        return q;
    }
    let lo = scaled_low(&q, &b);
    if lo >= b.hi {
        return q;
    }
    Quantity {
        first: q.first,
        lo,
        range: true,
        plain: false,
        ..b
    }
}

/// One quantity at token `i`, without ranges.
fn single(view: &View<'_>, i: usize, money: bool) -> Option<Quantity> {
    if let Some((lo, hi, last)) = number_words::vague(view, i) {
        return Some(Quantity {
            lo,
            hi,
            vague: true,
            in_words: true,
            ..Quantity::exact(i, last, view.end(last), lo)
        });
    }
    if view.is_number(i) {
        return digits(view, i);
    }
    if !view.is_word(i) {
        return None;
    }
    let low = view.low(i);
    if low.starts_with(|c: char| c.is_ascii_digit()) {
        return digit_word(view, i, money);
    }
    if low.contains('-') {
        let first_part = low.split('-').next().unwrap_or("");
        if !number_words::may_start(first_part) {
            return None;
        }
        let parts = hyphen_parts(view.raw(i));
        let words: Vec<&str> = parts.iter().map(|(_, p)| p.as_str()).collect();
        let (v, n) = number_words::parse_words(&words)?;
        if n < parts.len() {
            let end = view.start(i) + parts[n - 1].0.end;
            return Some(Quantity {
                in_words: true,
                rest: words[n..].iter().map(|w| w.to_string()).collect(),
                ..Quantity::exact(i, i, end, v)
            });
        }
        if number_words::small(low).is_none() {
            let mut q = Quantity {
                in_words: true,
                ..Quantity::exact(i, i, view.end(i), v)
            };
            apply_scale(view, &mut q);
            return Some(q);
        }
    }
    words(view, i)
}

/// A number in digits, a digit range written as one token ("20-25"), and a scale
/// word after it.
fn digits(view: &View<'_>, i: usize) -> Option<Quantity> {
    let raw = view.raw(i);
    if has_hyphen(raw) {
        let parts = hyphen_parts(raw);
        let [(_, a), (_, b)] = parts.as_slice() else {
            return None;
        };
        let lo = numbers::parse_digits(a)?;
        let hi = numbers::parse_digits(b)?;
        if b.starts_with('0') || lo >= hi {
            return None;
        }
        return Some(Quantity {
            range: true,
            hi,
            ..Quantity::exact(i, i, view.end(i), lo)
        });
    }
    let v = numbers::parse_digits(raw)?;
    let mut q = Quantity::exact(i, i, view.end(i), v);
    q.plain = numbers::is_plain_integer(raw);
    apply_scale(view, &mut q);
    Some(q)
}

/// Multiplies a quantity by a scale word right after it ("3.4 million").
fn apply_scale(view: &View<'_>, q: &mut Quantity) {
    if let Some(s) = numbers::scale_word(view.low(q.last + 1)) {
        q.lo *= s;
        q.hi *= s;
        q.last += 1;
        q.end = view.end(q.last);
        q.scale = Some(s);
        q.plain = false;
    }
}

/// A word that starts with digits: an attached scale ("1.2bn") or a hyphenated
/// word ("40-minute", "20,000-strong").
fn digit_word(view: &View<'_>, i: usize, money: bool) -> Option<Quantity> {
    let low = view.low(i);
    if let Some((v, Attached::Scale(s))) = numbers::attached(low, money) {
        let mut q = Quantity::exact(i, i, view.end(i), v * s);
        q.scale = Some(s);
        return Some(q);
    }
    if !has_hyphen(view.raw(i)) {
        return None;
    }
    let parts = hyphen_parts(view.raw(i));
    let [(first, num), rest @ ..] = parts.as_slice() else {
        return None;
    };
    if rest.is_empty() {
        return None;
    }
    let v = numbers::parse_digits(num)?;
    let mut q = Quantity::exact(i, i, view.start(i) + first.end, v);
    q.plain = numbers::is_plain_integer(num);
    q.rest = rest.iter().map(|(_, p)| p.clone()).collect();
    Some(q)
}

/// A number written in separate words ("two hundred and fifty").
fn words(view: &View<'_>, i: usize) -> Option<Quantity> {
    if !number_words::may_start(view.low(i)) {
        return None;
    }
    let mut ws: [&str; MAX_NUMBER_WORDS] = [""; MAX_NUMBER_WORDS];
    let mut len = 0;
    while len < MAX_NUMBER_WORDS && view.is_word(i + len) {
        ws[len] = view.low(i + len);
        len += 1;
    }
    let (v, n) = number_words::parse_words(&ws[..len])?;
    let last = i + n - 1;
    Some(Quantity {
        in_words: true,
        ..Quantity::exact(i, last, view.end(last), v)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Option<(f64, f64, String)> {
        let v = View::new(s, 0..s.len());
        parse(&v, 0, false).map(|q| (q.lo, q.hi, s[v.start(q.first)..q.end].to_string()))
    }

    #[test]
    fn reads_digits_scales_and_words() {
        assert_eq!(
            q("3.2 million sheep"),
            Some((3.2e6, 3.2e6, "3.2 million".into()))
        );
        assert_eq!(q("4.5bn litres"), Some((4.5e9, 4.5e9, "4.5bn".into())));
        assert_eq!(q("sixty-two goats"), Some((62.0, 62.0, "sixty-two".into())));
        assert_eq!(
            q("nine hundred"),
            Some((900.0, 900.0, "nine hundred".into()))
        );
        assert_eq!(q("the goats"), None);
    }

    #[test]
    fn reads_ranges() {
        assert_eq!(q("30-35 boats"), Some((30.0, 35.0, "30-35".into())));
        assert_eq!(
            q("3 to 4 million"),
            Some((3e6, 4e6, "3 to 4 million".into()))
        );
        assert_eq!(q("eight or nine"), Some((8.0, 9.0, "eight or nine".into())));
        assert_eq!(
            q("between 40 and 45 crew"),
            Some((40.0, 45.0, "between 40 and 45".into()))
        );
        assert_eq!(q("44-38"), None);
        assert_eq!(q("555-0199"), None);
    }

    #[test]
    fn splits_the_front_of_hyphenated_words() {
        let s = "a 90-minute talk and a three-and-a-half-day trip";
        let v = View::new(s, 0..s.len());
        let a = parse(&v, 1, false).unwrap();
        assert_eq!(&s[v.start(1)..a.end], "90");
        assert_eq!(a.rest, vec!["minute"]);
        let b = parse(&v, 5, false).unwrap();
        assert_eq!(b.lo, 3.5);
        assert_eq!(&s[v.start(5)..b.end], "three-and-a-half");
        assert_eq!(b.rest, vec!["day"]);
    }
}

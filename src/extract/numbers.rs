//! Numbers written in digits: "130,000", "3.4", "1.2bn", "1980s", "12th", and the
//! scale words that multiply them ("million", "bn").

/// Parses digits as written in English news text: plain ("2009", "3.4") or grouped
/// by commas in threes ("130,000", "1,200.5"). Anything else ("1,2,3", "12.3.4")
/// is not a number.
pub(crate) fn parse_digits(s: &str) -> Option<f64> {
    if s.is_empty()
        || !s
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if let Some(f) = frac
        && (f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    if int.is_empty() || !grouping_is_valid(int) {
        return None;
    }
    let plain: String = s.chars().filter(|c| *c != ',').collect();
    plain.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// True when an integer part is plain digits or comma groups of three.
fn grouping_is_valid(int: &str) -> bool {
    let groups: Vec<&str> = int.split(',').collect();
    match groups.as_slice() {
        [one] => !one.is_empty(),
        [first, rest @ ..] => (1..=3).contains(&first.len()) && rest.iter().all(|g| g.len() == 3),
        [] => false,
    }
}

/// True when `s` is plain digits with no separators ("2009", not "2,009").
pub(crate) fn is_plain_integer(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The multiplier of a scale word written after a number ("3.4 million", "1.2 bn").
/// The one-letter abbreviations "m" and "k" are left to money, where they are
/// unambiguous ("$5m"); elsewhere "5 m" may be metres.
pub(crate) fn scale_word(low: &str) -> Option<f64> {
    Some(match low {
        "thousand" => 1e3,
        "million" | "mn" | "mln" => 1e6,
        "billion" | "bn" => 1e9,
        "trillion" | "tn" => 1e12,
        "lakh" => 1e5,
        "crore" => 1e7,
        _ => return None,
    })
}

/// What letters attached to digits mean ("1.2bn", "12th", "1980s").
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Attached {
    /// A scale: "bn", "million", and in money "m" and "k".
    Scale(f64),
    /// An ordinal ending: "st", "nd", "rd", "th".
    Ordinal,
    /// A decade: "1980s".
    Decade,
}

/// Splits a word made of digits and letters ("1.2bn", "12th", "1980s", "5m") into
/// the number and what the letters mean. `money` admits the one-letter scales.
/// Other mixtures ("G7", "4G", "10km") give `None`: they are names or
/// measurements, not figures of this kind.
pub(crate) fn attached(low: &str, money: bool) -> Option<(f64, Attached)> {
    let split = low
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == ',' || *c == '.'))
        .map(|(i, _)| i)?;
    let (digits, letters) = low.split_at(split);
    let value = parse_digits(digits)?;
    let kind = match letters {
        "st" | "nd" | "rd" | "th"
            if is_plain_integer(digits) && ordinal_suffix_fits(digits, letters) =>
        {
            Attached::Ordinal
        }
        "s" if is_plain_integer(digits)
            && (digits.len() == 4 || digits.len() == 2)
            && value % 10.0 == 0.0 =>
        {
            Attached::Decade
        }
        "m" | "k" if money => Attached::Scale(if letters == "m" { 1e6 } else { 1e3 }),
        _ => Attached::Scale(scale_word(letters)?),
    };
    Some((value, kind))
}

/// True when the ordinal ending agrees with the number ("1st", "12th", "23rd").
fn ordinal_suffix_fits(digits: &str, suffix: &str) -> bool {
    let b = digits.as_bytes();
    let last = b[b.len() - 1];
    let teen = b.len() >= 2 && b[b.len() - 2] == b'1';
    let expected = match last {
        b'1' if !teen => "st",
        b'2' if !teen => "nd",
        b'3' if !teen => "rd",
        _ => "th",
    };
    expected == suffix
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_plain_grouped_and_decimal_digits() {
        assert_eq!(parse_digits("1,300"), Some(1300.0));
        assert_eq!(parse_digits("2.25"), Some(2.25));
        assert_eq!(parse_digits("12,345,678.5"), Some(12_345_678.5));
        assert_eq!(parse_digits("1,2,3"), None);
        assert_eq!(parse_digits("12.3.4"), None);
        assert_eq!(parse_digits("1234,567"), None);
        assert_eq!(parse_digits(""), None);
    }

    #[test]
    fn reads_attached_scales_ordinals_and_decades() {
        assert_eq!(attached("3.4bn", false), Some((3.4, Attached::Scale(1e9))));
        assert_eq!(attached("22nd", false), Some((22.0, Attached::Ordinal)));
        assert_eq!(attached("11th", false), Some((11.0, Attached::Ordinal)));
        assert_eq!(attached("11st", false), None);
        assert_eq!(attached("1980s", false), Some((1980.0, Attached::Decade)));
        assert_eq!(attached("8m", false), None);
        assert_eq!(attached("8m", true), Some((8.0, Attached::Scale(1e6))));
        assert_eq!(attached("10km", false), None);
        assert_eq!(attached("g7", false), None);
    }
}

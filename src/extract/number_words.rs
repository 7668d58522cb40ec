//! Numbers written in words ("four", "twenty-five", "two hundred and fifty",
//! "one and a half million", "a dozen") and vague quantities ("hundreds of",
//! "tens of thousands", "millions").
//!
//! Vague quantities become intervals, by one documented rule: a plural scale word
//! X ("hundreds", "thousands", "millions") means at least two X and fewer than ten
//! X, so "thousands" is [2000, 9999]; "tens of X" is [20X, 100X - 1] and
//! "hundreds of X" is [200X, 1000X - 1]. "Dozens" is [24, 99] (beyond that a
//! writer says "hundreds"). "Several" is 3 to 9 and "a few" 2 to 5 of the scale
//! that follows ("several hundred" is [300, 900]).

use super::tokens::View;

/// One to nine.
fn unit(w: &str) -> Option<f64> {
    Some(match w {
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        _ => return None,
    })
}

/// Zero, ten to nineteen, and the tens.
fn other_small(w: &str) -> Option<f64> {
    Some(match w {
        "zero" => 0.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// True for the tens ("twenty" .. "ninety"), which a unit may follow.
fn is_tens(v: f64) -> bool {
    (20.0..100.0).contains(&v) && v % 10.0 == 0.0
}

/// The value of a number word below one hundred, including the hyphenated form
/// ("twenty-five").
pub(crate) fn small(w: &str) -> Option<f64> {
    if let Some((t, u)) = w.split_once('-') {
        let tens = other_small(t).filter(|v| is_tens(*v))?;
        return unit(u).map(|u| tens + u);
    }
    unit(w).or_else(|| other_small(w))
}

/// True for a word that can start a number written in words: used to skip the
/// full parse on most tokens.
pub(crate) fn may_start(w: &str) -> bool {
    small(w).is_some() || matches!(w, "a" | "an" | "half")
}

/// Scales that a group of words multiplies ("two million").
fn big_scale(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" => 1e3,
        "million" => 1e6,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// True for a word after which "a" counts as one ("a hundred", "a dozen").
fn takes_a(w: &str) -> bool {
    matches!(w, "hundred" | "dozen") || big_scale(w).is_some()
}

fn get<'a>(w: &[&'a str], i: usize) -> &'a str {
    w.get(i).copied().unwrap_or("")
}

/// A group below one thousand at `w[k..]`, with "dozen" and "and a half":
/// returns its value and the number of words read.
fn group(w: &[&str], k: usize) -> Option<(f64, usize)> {
    let mut i = k;
    let mut v;
    let first = get(w, i);
    if matches!(first, "a" | "an" | "one") && takes_a(get(w, i + 1)) {
        v = 1.0;
        i += 1;
    } else if first == "half" && matches!(get(w, i + 1), "a" | "an") && takes_a(get(w, i + 2)) {
        v = 0.5;
        i += 2;
    } else if let Some(s) = small(first) {
        v = s;
        i += 1;
        if is_tens(s)
            && let Some(u) = unit(get(w, i))
        {
            v += u;
            i += 1;
        }
    } else {
        return None;
    }
    if get(w, i) == "hundred" {
        v *= 100.0;
        i += 1;
        let j = if get(w, i) == "and" { i + 1 } else { i };
        if let Some(s) = small(get(w, j)) {
            v += s;
            i = j + 1;
            if is_tens(s)
                && let Some(u) = unit(get(w, i))
            {
                v += u;
                i += 1;
            }
        }
    }
    if get(w, i) == "and" && matches!(get(w, i + 1), "a" | "one") && get(w, i + 2) == "half" {
        v += 0.5;
        i += 3;
    }
    if get(w, i) == "dozen" {
        v *= 12.0;
        i += 1;
    }
    Some((v, i - k))
}

/// Parses a number in words at the start of `w` (folded words or hyphen parts):
/// its value and how many words it took. "a" alone is not a number.
pub(crate) fn parse_words(w: &[&str]) -> Option<(f64, usize)> {
    let (mut pending, n) = group(w, 0)?;
    let mut i = n;
    let mut total = 0.0;
    let mut last_scale = f64::INFINITY;
    loop {
        let Some(scale) = big_scale(get(w, i)).filter(|s| *s < last_scale) else {
            total += pending;
            break;
        };
        total += pending * scale;
        last_scale = scale;
        i += 1;
        let j = if get(w, i) == "and" { i + 1 } else { i };
        match group(w, j) {
            Some((g, n)) if g < 1000.0 => {
                pending = g;
                i = j + n;
            }
            _ => break,
        }
    }
    Some((total, i))
}

/// A vague quantity at token `i` ("dozens", "tens of thousands", "several
/// hundred"): its interval and its last token. A trailing "of" is not part of it.
pub(crate) fn vague(view: &View<'_>, i: usize) -> Option<(f64, f64, usize)> {
    let w = view.low(i);
    if let Some(x) = plural_scale(w) {
        if matches!(w, "tens" | "hundreds")
            && view.is(i + 1, "of")
            && let Some(y) = plural_scale(view.low(i + 2)).filter(|y| *y >= 1000.0)
        {
            let (lo, hi) = if w == "tens" {
                (20.0, 100.0)
            } else {
                (200.0, 1000.0)
            };
            return Some((lo * y, hi * y - 1.0, i + 2));
        }
        return match w {
            "tens" => None,
            "dozens" => Some((24.0, 99.0, i)),
            _ => Some((2.0 * x, 10.0 * x - 1.0, i)),
        };
    }
    let (lo, hi, next) = match (w, view.low(i + 1)) {
        ("several", _) => (3.0, 9.0, i + 1),
        ("a", "few") => (2.0, 5.0, i + 2),
        _ => return None,
    };
    let scale = match view.low(next) {
        "dozen" => 12.0,
        "hundred" => 100.0,
        s => big_scale(s)?,
    };
    Some((lo * scale, hi * scale, next))
}

/// True for a word that can start a vague quantity ("dozens", "several").
pub(crate) fn is_vague_start(w: &str) -> bool {
    plural_scale(w).is_some() || w == "several"
}

/// The scale named by a plural ("hundreds" is 100).
fn plural_scale(w: &str) -> Option<f64> {
    Some(match w {
        "tens" => 10.0,
        "dozens" => 12.0,
        "hundreds" => 100.0,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Option<(f64, usize)> {
        let w: Vec<&str> = s.split(' ').collect();
        parse_words(&w)
    }

    #[test]
    fn parses_numbers_in_words() {
        assert_eq!(words("seven"), Some((7.0, 1)));
        assert_eq!(words("thirty-two boats"), Some((32.0, 1)));
        assert_eq!(words("thirty two boats"), Some((32.0, 2)));
        assert_eq!(words("three hundred and twelve"), Some((312.0, 4)));
        assert_eq!(words("a hundred"), Some((100.0, 2)));
        assert_eq!(words("two thousand five hundred"), Some((2500.0, 4)));
        assert_eq!(words("one and a half million"), Some((1.5e6, 5)));
        assert_eq!(words("half a million"), Some((5e5, 3)));
        assert_eq!(words("three dozen"), Some((36.0, 2)));
        assert_eq!(words("a dozen"), Some((12.0, 2)));
        assert_eq!(words("six and a half"), Some((6.5, 4)));
        assert_eq!(words("a boat"), None);
        assert_eq!(words("nine hundred and sank"), Some((900.0, 2)));
    }

    #[test]
    fn reads_vague_quantities_as_intervals() {
        let text = "tens of thousands of ducks, dozens of geese, several hundred hens";
        let v = View::new(text, 0..text.len());
        assert_eq!(vague(&v, 0), Some((20_000.0, 99_999.0, 2)));
        assert_eq!(vague(&v, 6), Some((24.0, 99.0, 6)));
        assert_eq!(vague(&v, 10), Some((300.0, 900.0, 11)));
        assert_eq!(vague(&v, 4), None);
    }
}

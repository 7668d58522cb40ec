//! Numbers that are not figures, and figures that are page furniture.
//!
//! Not figures:
//! - parts of names and models: digits inside a word ("G7", "F-16", "COVID-19")
//!   are never read, and a number right after a capitalized word that is not a
//!   function word is taken as part of a name ("Boeing 747", "Resolution 2254",
//!   "Windows 10", "iPhone 12"), except in title-case headlines;
//! - times of day ("09:15 GMT", "5 p.m.", "0800 GMT");
//! - numbers inside URLs, e-mail addresses, paths and fractions ("24/7", "9/11"),
//!   phone numbers and codes ("+44", groups with a leading zero, numbers side by
//!   side: "555 0199");
//! - identifiers: a number right after a noun that it identifies ("flight 12",
//!   "route 9", "section 8", "case 14-230", "room 101"; a plural after the
//!   number still makes it a count: "the flight 12 hours later"), after a noun of
//!   grade ("a category 4 storm", "type 2 diabetes"), or after an abbreviation of
//!   one ("H.R. 1", "Sec. 8", "p. 12"); "9/11" is a fraction-like code (below);
//! - list numbering ("1." or "(2)" at the start of a paragraph), "No. 5", "#3";
//! - "one" as a pronoun or in idioms ("one of the", "one another", "no one",
//!   "day one", "one way or another").
//!
//! Page furniture: the statement of the publication date itself, and a date that
//! makes up most of a short line without final punctuation (a dateline such as
//! "Feb 3, 2021-Wednesday").

use std::cell::OnceCell;

use crate::document::Document;
use crate::figure::{FigureKind, Value};
use crate::text;

use super::Found;
use super::dates;
use super::number_words;
use super::qualifiers;
use super::quantity::Quantity;
use super::relative;
use super::tokens::View;
use super::units;

/// Capitalized words that may stand before a number without naming it: function
/// words and adverbs that start sentences ("Within 24 hours", "Another 40").
const NOT_NAMES: &[&str] = &[
    "according",
    "across",
    "additional",
    "almost",
    "along",
    "already",
    "also",
    "although",
    "altogether",
    "amid",
    "among",
    "another",
    "anybody",
    "anyone",
    "approximately",
    "around",
    "barely",
    "besides",
    "beyond",
    "despite",
    "every",
    "everybody",
    "everyone",
    "exactly",
    "except",
    "following",
    "fully",
    "including",
    "inside",
    "last",
    "like",
    "maybe",
    "near",
    "nearly",
    "next",
    "nobody",
    "outside",
    "overall",
    "past",
    "perhaps",
    "per",
    "plus",
    "precisely",
    "roughly",
    "since",
    "somebody",
    "someone",
    "still",
    "though",
    "top",
    "total",
    "toward",
    "towards",
    "unlike",
    "via",
    "within",
    "without",
    "yet",
];

/// Nouns that a number right after them identifies rather than counts ("flight
/// 12", "route 9", "section 8", "case 14-230", "room 101"). A plural after the
/// number still makes it a count ("the flight 12 hours later").
const IDENTIFIER_NOUNS: &[&str] = &[
    "amendment",
    "apartment",
    "article",
    "bill",
    "block",
    "building",
    "bus",
    "case",
    "chapter",
    "clause",
    "district",
    "docket",
    "exhibit",
    "exit",
    "figure",
    "flight",
    "gate",
    "highway",
    "interstate",
    "item",
    "line",
    "lot",
    "model",
    "number",
    "page",
    "paragraph",
    "pier",
    "platform",
    "precinct",
    "proposition",
    "reactor",
    "resolution",
    "room",
    "route",
    "row",
    "rule",
    "seat",
    "section",
    "sector",
    "suite",
    "terminal",
    "title",
    "track",
    "unit",
    "version",
    "ward",
    "zone",
];

/// Nouns of grades and classes: a number after them names the grade whatever
/// follows ("a category 4 storm", "stage 3 trials", "type 2 diabetes").
const GRADE_NOUNS: &[&str] = &[
    "category", "class", "grade", "level", "phase", "size", "stage", "tier", "type",
];

/// Abbreviations, folded and without their last period, after which a number is
/// an identifier: bills ("H.R. 1", "S. 744"), parts of texts ("Art. 5", "Sec.
/// 8", "Ch. 11", "p. 12", "Fig. 3").
const IDENTIFIER_ABBREVIATIONS: &[&str] = &[
    "app", "art", "ch", "chap", "fig", "figs", "h.j.res", "h.r", "h.res", "no", "nos", "p", "para",
    "pp", "res", "s", "s.res", "sec", "secs", "vol",
];

/// Time zones and clock words after a time of day.
const CLOCK_WORDS: &[&str] = &[
    "am", "bst", "cet", "cst", "edt", "est", "et", "gmt", "hrs", "ist", "o'clock", "pm", "pst",
    "pt", "utc",
];

/// Words after "one" that make it an idiom, not a count.
const ONE_BEFORE: &[&str] = &[
    "another", "by", "day", "hand", "more", "of", "other", "point", "side", "thing", "time", "way",
];

/// Words before "one" (right before it, or one word earlier: "an existing one")
/// that make it a pronoun.
const ONE_AFTER: &[&str] = &[
    "any", "day", "each", "every", "no", "that", "the", "this", "which",
];

/// How far (in bytes) to look around a number for URL characters.
const CHUNK_LIMIT: usize = 80;

/// Tokens at `i` that are not a figure: the index to resume scanning at.
pub(crate) fn not_a_figure(
    view: &View<'_>,
    i: usize,
    paragraph_start: bool,
    title_case: &OnceCell<bool>,
) -> Option<usize> {
    if view.is(i, "no") && view.raw(i + 1) == "." && view.is_number(i + 2) {
        return Some(i + 3);
    }
    if paragraph_start && i == 0 && view.raw(0) == "(" && view.is_number(1) && view.raw(2) == ")" {
        return Some(3);
    }
    let starts_with_digit = view.raw(i).starts_with(|c: char| c.is_ascii_digit());
    if !starts_with_digit {
        return None;
    }
    if paragraph_start && i == 0 && matches!(view.raw(1), "." | ")") && view.touches_next(0) {
        return Some(2);
    }
    if let Some(next) = time_of_day(view, i) {
        return Some(next);
    }
    if in_url_or_code(view, i) || has_leading_zero(view.raw(i)) {
        return Some(i + 1);
    }
    if let Some(next) = digit_groups(view, i) {
        return Some(next);
    }
    if view.is_number(i)
        && (after_identifier_noun(view, i) || after_identifier_abbreviation(view, i))
    {
        return Some(i + 1);
    }
    let prefixed = i
        .checked_sub(1)
        .is_some_and(|p| matches!(view.raw(p), "#" | "+") && view.touches_next(p));
    if prefixed
        || (view.is_number(i)
            && follows_a_name(view, i)
            && !*title_case.get_or_init(|| is_title_case(view)))
    {
        return Some(i + 1);
    }
    None
}

/// "flight 12", "a category 4 storm": the number at `i` identifies the thing the
/// noun before it names. A possessive noun ("the flight's 239 passengers") does
/// not name the number, and a plural after an identifier noun makes it a count.
fn after_identifier_noun(view: &View<'_>, i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    let w = view.low(p);
    if !view.is_word(p) || w.ends_with("'s") {
        return false;
    }
    if GRADE_NOUNS.contains(&w) {
        return true;
    }
    if !IDENTIFIER_NOUNS.contains(&w) {
        return false;
    }
    // The word right after the number, in lower case (a headline capitalizes
    // verbs: "Flight 12 Lands").
    let next = view.low(i + 1);
    let plural_after = view.is_word(i + 1)
        && !view.is_capitalized(i + 1)
        && units::counted_after(view, i + 1, false).is_some()
        && units::singular(next) != next;
    !plural_after
}

/// "H.R. 1", "Sec. 8": the number at `i` follows an abbreviation of an
/// identifier, written with its periods.
fn after_identifier_abbreviation(view: &View<'_>, i: usize) -> bool {
    let Some(dot) = i.checked_sub(1) else {
        return false;
    };
    if view.raw(dot) != "." || view.touches_next(dot) {
        return false;
    }
    // The abbreviation: the tokens glued to the period, back to a space.
    let mut k = dot;
    while k > 0 && view.touches_next(k - 1) && dot - k < 8 {
        k -= 1;
    }
    let chunk: String = (k..dot).map(|t| view.low(t)).collect();
    IDENTIFIER_ABBREVIATIONS.contains(&chunk.as_str())
}

/// "555 0199", "20 7946 0958": numbers side by side with nothing between them are
/// a phone number or a code. Returns the token after the group.
fn digit_groups(view: &View<'_>, i: usize) -> Option<usize> {
    let after = view.is_number(i) && view.is_number(i + 1);
    let before = view.is_number(i) && i > 0 && view.is_number(i - 1);
    if !after && !before {
        return None;
    }
    let mut k = i;
    while view.is_number(k) {
        k += 1;
    }
    Some(k)
}

/// "0958", "007": digits with a leading zero are codes, not quantities.
fn has_leading_zero(raw: &str) -> bool {
    let b = raw.as_bytes();
    b.len() > 1 && b[0] == b'0' && b[1].is_ascii_digit()
}

/// "09:15", "09:15 GMT", "5 p.m.", "0800 GMT": the index after the time.
fn time_of_day(view: &View<'_>, i: usize) -> Option<usize> {
    let mut k = i + 1;
    if matches!(view.raw(k), ":" | ".")
        && view.touches_next(i)
        && view.touches_next(k)
        && view.is_number(k + 1)
    {
        if view.raw(k) == "." && !CLOCK_WORDS.contains(&view.low(k + 2)) && !is_am_pm(view, k + 2) {
            return None;
        }
        k += 2;
    } else if !CLOCK_WORDS.contains(&view.low(k)) && !is_am_pm(view, k) {
        return None;
    }
    if CLOCK_WORDS.contains(&view.low(k)) {
        k += 1;
    } else if is_am_pm(view, k) {
        k += 4;
    }
    Some(k)
}

/// "a.m." / "p.m." at token `k`.
fn is_am_pm(view: &View<'_>, k: usize) -> bool {
    matches!(view.low(k), "a" | "p") && view.raw(k + 1) == "." && view.is(k + 2, "m")
}

/// True when the whitespace-delimited chunk around token `i` looks like a URL, an
/// e-mail address, a path or a fraction.
fn in_url_or_code(view: &View<'_>, i: usize) -> bool {
    let bytes = view.text.as_bytes();
    let (s, e) = (view.start(i), view.end(i));
    let lo = s.saturating_sub(CHUNK_LIMIT);
    let hi = (e + CHUNK_LIMIT).min(bytes.len());
    let left = bytes[lo..s]
        .iter()
        .rev()
        .take_while(|b| !b.is_ascii_whitespace());
    let right = bytes[e..hi].iter().take_while(|b| !b.is_ascii_whitespace());
    left.chain(right)
        .any(|b| matches!(b, b'/' | b'@' | b'_' | b'=' | b'\\' | b'#' | b'&'))
}

/// True when the number at `i` follows a capitalized word that names something
/// ("Boeing 747").
fn follows_a_name(view: &View<'_>, i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    if !view.is_word(p) || !view.raw(p).chars().any(char::is_uppercase) {
        return false;
    }
    let w = view.low(p);
    !(text::is_stop_word(w)
        || NOT_NAMES.contains(&w)
        || qualifiers::may_start(w)
        || number_words::may_start(w)
        || dates::month_of(w).is_some()
        || relative::weekday_of(w).is_some()
        || w.len() <= 1)
}

/// True when a quantity is "one" used as a pronoun or in an idiom.
pub(crate) fn is_idiomatic_one(view: &View<'_>, q: &Quantity) -> bool {
    if q.first != q.last || !view.is(q.first, "one") {
        return false;
    }
    let next = super::tokens::base(view.low(q.last + 1));
    let determiner_before = (1..=2).any(|back| {
        q.first
            .checked_sub(back)
            .is_some_and(|k| ONE_AFTER.contains(&view.low(k)) || matches!(view.low(k), "a" | "an"))
    });
    ONE_BEFORE.contains(&next) || determiner_before
}

/// True when most words of a stretch of text are capitalized (a headline).
pub(crate) fn is_title_case(view: &View<'_>) -> bool {
    let long: Vec<usize> = (0..view.len())
        .filter(|&k| view.is_word(k) && view.raw(k).len() > 3)
        .collect();
    let capitalized = long.iter().filter(|&&k| view.is_capitalized(k)).count();
    long.len() >= 3 && capitalized * 10 >= long.len() * 7
}

/// True when a found figure is page furniture: the publication statement, or a
/// dateline-like line that is mostly a date.
pub(crate) fn is_page_furniture(doc: &Document<'_>, f: &Found) -> bool {
    if let Some((s, e)) = doc.source.published_span
        && f.start < e
        && s < f.end
    {
        return true;
    }
    if f.kind != FigureKind::Date {
        return false;
    }
    let k = doc.paragraphs.partition_point(|p| p.start <= f.start);
    let Some(para) = k.checked_sub(1).and_then(|k| doc.paragraphs.get(k)) else {
        return false;
    };
    if is_dateline(
        doc.text().get(para.start..f.start).unwrap_or(""),
        doc.text().get(f.end..para.end).unwrap_or(""),
    ) {
        return true;
    }
    if f.derivation.is_some() || !matches!(f.value, Value::Date { .. }) {
        return false;
    }
    let text = doc.text().get(para.clone()).unwrap_or("");
    let ends_sentence = text.trim_end().ends_with(['.', '!', '?', '"', '”']);
    let visible = text.chars().filter(|c| !c.is_whitespace()).count();
    let date_len = doc
        .text()
        .get(f.start..f.end)
        .map_or(0, |t| t.chars().filter(|c| !c.is_whitespace()).count());
    !ends_sentence && date_len * 2 >= visible
}

/// True when a date opens its paragraph as an agency dateline: an optional place
/// in capitals and a comma before it, an optional "(Agency)" and a dash after it
/// ("KESSA, May 12 (Wire) - ..."). The date is when the copy was filed, not a
/// figure of the story.
fn is_dateline(before: &str, after: &str) -> bool {
    let before = before.trim();
    let place_ok = before.is_empty()
        || (before.ends_with(',')
            && before.chars().any(char::is_uppercase)
            && before
                .chars()
                .all(|c| c.is_uppercase() || " ,.'’/-".contains(c)));
    if !place_ok {
        return false;
    }
    let mut rest = after.trim_start();
    if rest.starts_with('(') {
        match rest.find(')') {
            Some(i) if i < 40 => rest = rest[i + 1..].trim_start(),
            _ => return false,
        }
    }
    rest.starts_with(['-', '–', '—'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_in_an_agency_dateline_is_furniture() {
        assert!(is_dateline("OSTERBY, ", " (Wire) - Ferries stopped"));
        assert!(is_dateline("NEW HAVEN, ", " — The council voted"));
        assert!(is_dateline("", " (Agency) – Rain fell"));
        assert!(!is_dateline("The council met on ", ", officials said."));
        assert!(!is_dateline("Osterby, ", " - rain"));
        assert!(!is_dateline("OSTERBY, ", " when the council met"));
    }

    fn skipped(s: &str, i: usize) -> Option<String> {
        let v = View::new(s, 0..s.len());
        let next = not_a_figure(&v, i, true, &OnceCell::new())?;
        Some(s[v.start(i)..v.end(next - 1)].to_string())
    }

    #[test]
    fn skips_names_times_urls_and_list_numbers() {
        assert_eq!(skipped("the Airbus 380 landed", 2).as_deref(), Some("380"));
        assert_eq!(skipped("at 09:15 GMT on", 1).as_deref(), Some("09:15 GMT"));
        assert_eq!(skipped("at 7 p.m. local", 1).as_deref(), Some("7 p.m."));
        assert_eq!(skipped("see example.org/page/42 now", 7), Some("42".into()));
        assert_eq!(skipped("open 24/7", 1).as_deref(), Some("24"));
        assert_eq!(skipped("3. Second item", 0).as_deref(), Some("3."));
        assert_eq!(skipped("No. 5 is", 0).as_deref(), Some("No. 5"));
    }

    #[test]
    fn skips_identifiers_after_their_nouns_and_abbreviations() {
        assert_eq!(
            skipped("they took flight 12 home", 3).as_deref(),
            Some("12")
        );
        assert_eq!(skipped("under section 8 of it", 2).as_deref(), Some("8"));
        assert_eq!(skipped("in case 14-230 the", 2).as_deref(), Some("14-230"));
        assert_eq!(skipped("a category 4 storm", 2).as_deref(), Some("4"));
        assert_eq!(skipped("stage 3 trials began", 1).as_deref(), Some("3"));
        assert_eq!(
            skipped("the House passed H.R. 1 today", 7).as_deref(),
            Some("1")
        );
        assert_eq!(skipped("see Sec. 8 below", 3).as_deref(), Some("8"));
        assert_eq!(
            skipped("FLIGHT 12 Lands Safely In Fog", 1).as_deref(),
            Some("12")
        );
    }

    #[test]
    fn counts_after_identifier_nouns_stay_counts() {
        // A plural after the number, or a possessive noun before it.
        assert_eq!(skipped("after the flight 12 hours later", 3), None);
        assert_eq!(skipped("the flight's 180 passengers", 3), None);
        assert_eq!(skipped("the bill 40 pages long", 2), None);
        // A period that ends a sentence is no abbreviation.
        assert_eq!(skipped("They left. 30 stayed", 3), None);
    }

    #[test]
    fn keeps_numbers_after_function_words_and_in_headlines() {
        assert_eq!(skipped("In 2010 the", 1), None);
        assert_eq!(skipped("Nearly 300 sheep", 1), None);
        assert_eq!(skipped("Another 40 boats sank", 1), None);
        assert_eq!(skipped("Anyone 18 or older may vote", 1), None);
        assert_eq!(skipped("Flood Leaves 300 Families Homeless", 2), None);
    }
}

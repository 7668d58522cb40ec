//! Lines that are only a date, and lines that state when the page was published or
//! updated. Both are page metadata, not article text: the date a page was viewed
//! ("Jan 26, 2020-Sunday") and a dateline ("Published On: <date>") are marked.

use std::sync::LazyLock;

use regex::Regex;

/// Other words that occur in date-and-time stamps: clock words and common time-zone
/// abbreviations, folded.
const STAMP_WORDS: &[&str] = &[
    "a.m", "aest", "am", "ast", "at", "bst", "cat", "cdt", "cest", "cet", "cst", "eat", "edt",
    "eest", "eet", "est", "et", "gmt", "gst", "hkt", "hrs", "ist", "jst", "kst", "local", "mdt",
    "msk", "mst", "p.m", "pdt", "pm", "pst", "pt", "sast", "sgt", "time", "utc", "wat",
];

/// Longest date stamp, in letter-or-digit runs ("Wednesday, September 23rd, 2015 at
/// 12:38 pm GMT" has nine).
const MAX_STAMP_RUNS: usize = 12;

/// A publication cue near the start of a short line, and what follows it.
static PUBLICATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[\w'-]+ ){0,3}?(?:first published|originally published|published|posted|last updated|last modified|updated|modified|date)(?: on| at)?\s*(?:[:|-]\s*)?(.*)$",
    )
    .expect("publication pattern is valid")
});

/// A publication cue alone on its line ("Published", "Last updated:").
static BARE_CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:first published|originally published|published|posted|last updated|last modified|updated|modified)(?: on| at)?\s*:?$")
        .expect("bare cue pattern is valid")
});

/// A numeric date ("2015-09-23", "23/09/2015", "23.09.2015").
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}\b").expect("numeric date pattern is valid")
});

/// A relative time stamp ("3 hours ago", "yesterday").
static RELATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d+\s*(?:s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|weeks?)\s+ago|just now|yesterday|today)\b")
        .expect("relative time pattern is valid")
});

/// True when the folded line is a date or date-and-time stamp and nothing else.
pub(super) fn is_date_stamp(folded: &str) -> bool {
    let mut runs = 0;
    let mut names = 0;
    let mut numbers = 0;
    for run in folded
        .split(|c: char| !(c.is_alphanumeric() || c == '.'))
        .map(|r| r.trim_matches('.'))
        .filter(|r| !r.is_empty())
    {
        runs += 1;
        if runs > MAX_STAMP_RUNS {
            return false;
        }
        if crate::text::month_number(run).is_some()
            || crate::text::WEEKDAY_WORDS.binary_search(&run).is_ok()
        {
            names += 1;
        } else if is_day_or_number(run) {
            numbers += 1;
        } else if STAMP_WORDS.binary_search(&run).is_err() {
            return false;
        }
    }
    numbers > 0 && (names > 0 || NUMERIC_DATE.is_match(folded))
}

/// True for "2015", "23", "23rd", "12.38".
fn is_day_or_number(run: &str) -> bool {
    let digits = run.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &run[digits.len()..];
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && matches!(suffix, "" | "st" | "nd" | "rd" | "th")
}

/// True when the folded line says when the page was published or updated: a cue in
/// its first words followed by a date stamp or a relative time.
pub(super) fn is_publication_line(folded: &str) -> bool {
    folded
        .split(['|', '·', '•'])
        .flat_map(|part| part.split(" / "))
        .any(|part| publication_part(part.trim()))
}

/// A cue and a date or relative time, or a cue alone on its line (the date is on
/// the next line).
fn publication_part(part: &str) -> bool {
    let Some(c) = PUBLICATION.captures(part) else {
        return false;
    };
    let rest = c.get(1).map_or("", |m| m.as_str()).trim();
    BARE_CUE.is_match(part) || is_date_stamp(rest) || RELATIVE.is_match(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        assert!(
            STAMP_WORDS.windows(2).all(|w| w[0] < w[1]),
            "{STAMP_WORDS:?}"
        );
    }

    #[test]
    fn date_stamps_are_recognized() {
        assert!(is_date_stamp("mar 3, 2021-wednesday"));
        assert!(is_date_stamp("tuesday 4 may 2021 08.15 bst"));
        assert!(is_date_stamp("2021-05-04"));
        assert!(!is_date_stamp("may 2021 was wet"));
        assert!(!is_date_stamp("2021"));
        assert!(!is_date_stamp("harbour bridge reopens"));
    }

    #[test]
    fn publication_lines_need_a_cue_and_a_date() {
        assert!(is_publication_line("published on: tue, mar 2nd, 2021"));
        assert!(is_publication_line(
            "local news updated: may 4, 2021 10:02 ist"
        ));
        assert!(is_publication_line("by a. writer | posted 3 hours ago"));
        assert!(is_publication_line("last updated 04/05/2021"));
        assert!(is_publication_line(
            "last modified on thu 4 mar 2021 10.02 gmt"
        ));
        assert!(is_publication_line(
            "march 4, 2021 / 9:30 am / updated 2 hours ago"
        ));
        assert!(is_publication_line("published"));
        assert!(is_publication_line("last updated:"));
        assert!(!is_publication_line("sports updated"));
        assert!(!is_publication_line(
            "published in 1958, the report set the rules for the port."
        ));
        assert!(!is_publication_line("the bridge was updated in may"));
    }
}

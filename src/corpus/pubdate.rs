//! Reading a publication date from the text of a page, where the page states it
//! ("Published On: Wed, Sep 23rd, 2015", "world Updated: Sep 19, 2015 12:38 IST").
//!
//! Only a date introduced by a publication cue on a short line counts. A bare date
//! in page chrome (the day the page was viewed, a weather widget) is not a publication
//! date, and when no cue is found the date stays unknown: claimdiff never guesses.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

/// Longest line (in bytes) that may carry a publication statement: body sentences
/// that mention publishing are longer.
const MAX_LINE: usize = 140;

/// Words allowed before the cue on its line ("world Updated: ...").
const MAX_WORDS_BEFORE_CUE: usize = 3;

static CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(first published|published on|published|posted on|posted|last updated|updated on|updated|date)\s*(?:[:\-–—|]\s*)?",
    )
    .expect("cue pattern is valid")
});

const MONTH: &str = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?";

static DATE_MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?{MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b"
    ))
    .expect("date pattern is valid")
});

static DATE_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+{MONTH},?\s+(\d{{4}})\b"
    ))
    .expect("date pattern is valid")
});

static DATE_ISO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{4})-(\d{2})-(\d{2})\b").expect("date pattern is valid"));

/// Parses a date at the very start of `s`, returning it and the length consumed.
fn date_at_start(s: &str) -> Option<(NaiveDate, usize)> {
    if let Some(c) = DATE_MDY.captures(s) {
        let month = crate::text::month_number(&c[1].to_ascii_lowercase())?;
        let day = c[2].parse().ok()?;
        let year = c[3].parse().ok()?;
        return NaiveDate::from_ymd_opt(year, month, day).map(|d| (d, c[0].len()));
    }
    if let Some(c) = DATE_DMY.captures(s) {
        let day = c[1].parse().ok()?;
        let month = crate::text::month_number(&c[2].to_ascii_lowercase())?;
        let year = c[3].parse().ok()?;
        return NaiveDate::from_ymd_opt(year, month, day).map(|d| (d, c[0].len()));
    }
    if let Some(c) = DATE_ISO.captures(s) {
        let year = c[1].parse().ok()?;
        let month = c[2].parse().ok()?;
        let day = c[3].parse().ok()?;
        return NaiveDate::from_ymd_opt(year, month, day).map(|d| (d, c[0].len()));
    }
    None
}

/// Rank of a cue: lower is more trustworthy as the publication date.
fn cue_rank(cue: &str) -> u8 {
    let cue = cue.to_ascii_lowercase();
    if cue.contains("published") {
        0
    } else if cue.contains("posted") {
        1
    } else if cue == "date" {
        2
    } else {
        3
    }
}

/// Finds the publication date stated in `text`: the date and the byte span of the
/// statement (cue and date). Prefers "published" over "posted", "date" and
/// "updated"; among equals, the first in the text.
pub fn find_publication_date(text: &str) -> Option<(NaiveDate, (usize, usize))> {
    let mut best: Option<(u8, NaiveDate, (usize, usize))> = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let offset = line_start;
        line_start += line.len();
        let trimmed = line.trim_end();
        if trimmed.len() > MAX_LINE {
            continue;
        }
        for cue in CUE.captures_iter(trimmed) {
            let whole = cue.get(0).expect("group 0 always exists");
            let words_before = trimmed[..whole.start()].split_whitespace().count();
            if words_before > MAX_WORDS_BEFORE_CUE {
                continue;
            }
            let Some((date, len)) = date_at_start(&trimmed[whole.end()..]) else {
                continue;
            };
            let rank = cue_rank(cue[1].trim());
            let span = (offset + whole.start(), offset + whole.end() + len);
            if best.as_ref().is_none_or(|(r, _, _)| rank < *r) {
                best = Some((rank, date, span));
            }
        }
    }
    best.map(|(_, d, s)| (d, s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Option<String> {
        find_publication_date(text).map(|(d, _)| d.to_string())
    }

    #[test]
    fn reads_cued_dates_in_common_forms() {
        assert_eq!(
            date("x\nPublished On: Mon, Mar 2nd, 2020\n").as_deref(),
            Some("2020-03-02")
        );
        assert_eq!(
            date("news Updated: Jan 7, 2019 09:10 GMT").as_deref(),
            Some("2019-01-07")
        );
        assert_eq!(date("Posted on 4 July 2018").as_deref(), Some("2018-07-04"));
        assert_eq!(date("Date: 2017-11-30").as_deref(), Some("2017-11-30"));
        assert_eq!(
            date("Last updated: Sept. 3, 2016").as_deref(),
            Some("2016-09-03")
        );
    }

    #[test]
    fn prefers_published_over_updated() {
        let text = "Updated: May 5, 2019\nPublished: May 4, 2019\n";
        assert_eq!(date(text).as_deref(), Some("2019-05-04"));
    }

    #[test]
    fn ignores_bare_dates_and_long_body_sentences() {
        assert_eq!(date("Today in Springfield\nFeb 3, 2021-Wednesday\n"), None);
        let body = "The committee said the report, which it published on June 1, 2012 after a \
                    long inquiry into the matter, had been reviewed by many independent experts.";
        assert_eq!(date(body), None);
        assert_eq!(date("Published: February 30, 2019"), None);
    }

    #[test]
    fn span_covers_the_statement() {
        let text = "Headline\nPublished: Aug 1, 2014\n";
        let (_, (s, e)) = find_publication_date(text).unwrap();
        assert_eq!(&text[s..e], "Published: Aug 1, 2014");
    }
}

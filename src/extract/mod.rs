//! Figure extraction: every count, duration, date, age, amount of money, percentage
//! and ordinal that a source states, with its normalized value, qualifier, counted
//! noun and exact byte span.
//!
//! Each run of body sentences is tokenized once; recognizers are tried left to
//! right at every token, in a fixed order (exclusions, hedges, two-figure
//! statements after "from" or "between", dates, relative dates, ordinals, money,
//! percentages, durations and ages, then counts), and the first that matches
//! consumes its tokens. Boilerplate sentences are never read.
//!
//! The choices that comparison relies on (each is detailed in the file that makes
//! it):
//! - Spans: a figure's span covers its hedge and the number with its scale and unit
//!   ("some 90,000", "3.4 million", "$1.5 billion", "12%", "40-minute", "ten
//!   days", "three weeks ago"), not the counted noun; a trailing "of" is left out
//!   ("hundreds of" spans "hundreds").
//! - Qualifiers: hedges become [`Qualifier`]s and the value is the interval the
//!   words state, before widening: "more than 20" is `MoreThan` [20, 20]. Ranges
//!   ("20-25", "between five and six", "five or six", "ranging from 8 to 14") are
//!   `Range`. Vague words are
//!   `Approx`: a plural scale X means [2X, 10X - 1] ("thousands" [2000, 9999],
//!   "millions" [2e6, 9999999]), "tens of X" [20X, 100X - 1], "hundreds of X"
//!   [200X, 1000X - 1], "dozens" [24, 99], "several hundred" [300, 900], "a few
//!   thousand" [2000, 5000]. "a dozen" is exactly 12.
//! - Counted: the singular head noun the number governs, modifiers dropped ("six
//!   armoured river barges" → "barge"; the whole phrase is in `counted_phrase`),
//!   through "of" ("tens of thousands of travellers" → "traveller") and through a
//!   whole ("62 of the 120 seats" → "seat"); unit abbreviations count their unit
//!   ("75 lbs" → "pound"). "one" without a noun is never a count. `predicate` is
//!   the verb next to the phrase or before the figure, as written ("drowned",
//!   "evacuated"), or a date's preposition ("since").
//! - Roles ([`Role`]): a date right before a noun phrase either dates the event
//!   the phrase names ("the 2016 election", "the June 14 coup": `Stated`, the
//!   phrase its `counted`) or labels a thing ("his 2019 salary", "the 2012
//!   model", "the June 9 bombers": `Label`); see `labels.rs`. In a change ("rose
//!   from 61 to 64", "up from 61", "moved from March to June") the earlier value
//!   is `Previous`; see `ranges.rs`.
//! - Durations are in seconds (month 2,629,746 s, year 31,556,952 s, the Gregorian
//!   averages). "N-year-old X" is a duration when X is an event or a state ("feud",
//!   "embargo", "treaty") and an age otherwise; "a 6-year old girl" and "a 7-year
//!   girl" are ages. Ages are in years.
//! - Dates have a grain (day, ISO week, month, year, decade). A bare four-digit
//!   year is a date unless a plural noun follows it and no determiner or
//!   possessive stands before it ("their 1997 returns" is a year). A period
//!   ("from 1994 to 2002", "between March and June 2014", "2011–14") is one
//!   [`Value::DateRange`]. Relative dates ("last month",
//!   "on Tuesday", "three weeks ago", "Oct. 9", "in June") resolve against the
//!   publication date, never the clock: the nearest such date on or before it, or
//!   on or after it when the clause speaks of the future ("will", "is set to",
//!   "takes office in January"), and a day and month in a clause without tense
//!   the nearest on either side (the future within 92 days); `derivation` says
//!   how. Without a publication date they are [`Value::Unresolved`], and the
//!   derivation says why. Inside a quotation, "today", "tomorrow", a weekday or
//!   "this week" is relative to when the words were said: resolved against the
//!   day the attribution gives ("she said on Monday"), else unresolved.
//! - Derived dates: a duration that ends at publication ("ending a 30-month
//!   embargo") or is under way ("a six-year-old feud"), and "the Nth day of X",
//!   also yield an approximate start date, with the span of the duration, the
//!   counted noun of what started, the predicate "since" and a derivation.
//! - Ordinals: digit ordinals ("12th") unless a name follows ("5th Avenue") or
//!   they name a numbered part or unit ("the 14th amendment", "the 9th
//!   district"), and word ordinals from "second" on only when they rank a period
//!   or an event ("third term", "second time"); "first" and "last" are never
//!   figures.
//! - Percentages include odds and shares written "N in M" ("a one-in-four
//!   chance" is about 25%).
//! - Heights in feet and inches ("5 feet 3 inches", "5'3\"") are one count of
//!   inches; "pounds" near a word of weight is a count of pounds, not money.
//! - Not figures: numbers in names and models ("G7", "F-16", "Boeing 747",
//!   "COVID-19"), identifiers ("flight 418", "section 12", "case 14-230",
//!   "H.R. 3120", "a category 4 storm"), times of day, URLs and phone numbers,
//!   "9/11"-like codes, list numbering, "one" as a pronoun or in idioms, the
//!   publication statement itself, and datelines made mostly of a date.

mod compared;
mod counts;
mod dates;
mod durations;
mod exclusions;
mod labels;
mod money;
mod number_words;
mod numbers;
mod ordinals;
mod percent;
mod qualifiers;
mod quantity;
mod ranges;
pub(crate) mod relative;
mod tokens;
mod units;

use std::cell::OnceCell;
use std::ops::Range;

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::document::Document;
use crate::figure::{Figure, FigureKind, Qualifier, Role, Value};

use tokens::View;
use units::Counted;

/// What recognizers need to know about the source beyond its tokens.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ctx {
    /// The publication date that relative dates resolve against.
    pub published: Option<NaiveDate>,
}

/// A figure as a recognizer finds it, before it is placed in its sentence.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// Start byte offset in the source text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// What the figure measures.
    pub kind: FigureKind,
    /// Normalized value.
    pub value: Value,
    /// How the value is hedged.
    pub qualifier: Qualifier,
    /// Unit or currency.
    pub unit: Option<String>,
    /// The noun phrase the figure governs.
    pub counted: Option<Counted>,
    /// The verb or preposition relating it to its clause.
    pub predicate: Option<String>,
    /// How a relative or derived value was obtained.
    pub derivation: Option<String>,
    /// What part the figure plays in its sentence.
    pub role: Role,
}

impl Found {
    /// A figure read as written, exact, with nothing else known yet.
    pub fn new(span: Range<usize>, kind: FigureKind, value: Value) -> Found {
        Found {
            start: span.start,
            end: span.end,
            kind,
            value,
            qualifier: Qualifier::Exact,
            unit: None,
            counted: None,
            predicate: None,
            derivation: None,
            role: Role::Stated,
        }
    }

    /// The number interval `[lo, hi]`.
    pub fn number(span: Range<usize>, kind: FigureKind, lo: f64, hi: f64) -> Found {
        Found::new(span, kind, Value::Number { lo, hi })
    }

    fn into_figure(self, source: usize, sentence: usize) -> Figure {
        Figure {
            source,
            sentence,
            start: self.start,
            end: self.end,
            kind: self.kind,
            value: self.value,
            qualifier: self.qualifier,
            unit: self.unit,
            counted_phrase: self.counted.as_ref().map(|c| c.phrase.clone()),
            counted: self.counted.map(|c| c.head),
            predicate: self.predicate,
            derivation: self.derivation,
            role: self.role,
        }
    }
}

/// What a recognizer returns: the figures it found (a stated figure, sometimes
/// followed by one derived from it) and the token to resume scanning at.
#[derive(Debug, Clone)]
pub(crate) struct Match {
    /// Figures found; may be empty when the tokens were consumed as a non-figure
    /// (a model name, a time of day).
    pub found: Vec<Found>,
    /// Index of the first token not consumed.
    pub next: usize,
}

impl Match {
    /// Tokens consumed without a figure.
    pub fn skip(next: usize) -> Match {
        Match {
            found: Vec::new(),
            next,
        }
    }

    /// One figure ending at token `last`.
    pub fn one(found: Found, last: usize) -> Match {
        Match {
            found: vec![found],
            next: last + 1,
        }
    }
}

/// Every figure of a document, sorted by position (then end, then kind). Sentences
/// marked as boilerplate are skipped, and so is the statement of the publication
/// date itself.
pub fn figures(doc: &Document<'_>) -> Vec<Figure> {
    let ctx = Ctx {
        published: doc.source.published,
    };
    let text = doc.text();
    let mut out = Vec::new();
    for run in body_runs(doc) {
        let view = View::new(text, run.range.clone());
        for found in scan(&view, &ctx, run.paragraph_start) {
            if exclusions::is_page_furniture(doc, &found) {
                continue;
            }
            let sentence = sentence_of(doc, found.start);
            out.push(found.into_figure(doc.index, sentence));
        }
    }
    out.sort_by(|a, b| {
        (a.start, a.end, a.kind, a.derivation.is_some()).cmp(&(
            b.start,
            b.end,
            b.kind,
            b.derivation.is_some(),
        ))
    });
    out
}

/// The figures of many documents, extracted in parallel, in document order and
/// then by position: the same input always gives the same output.
pub fn figures_all(docs: &[Document<'_>]) -> Vec<Figure> {
    docs.par_iter().map(figures).collect::<Vec<_>>().concat()
}

/// A stretch of consecutive body sentences in one paragraph.
struct Run {
    range: Range<usize>,
    paragraph_start: bool,
}

/// Groups the body sentences of each paragraph into runs, so that a figure split
/// by an over-eager sentence break ("Oct." | "9") is still read whole.
fn body_runs(doc: &Document<'_>) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    let mut last: Option<(usize, usize)> = None;
    for (idx, s) in doc.sentences.iter().enumerate() {
        if s.boilerplate {
            last = None;
            continue;
        }
        match (last, runs.last_mut()) {
            (Some((p, prev)), Some(run)) if p == s.paragraph && prev + 1 == idx => {
                run.range.end = s.end;
            }
            _ => {
                let paragraph_start = doc
                    .paragraphs
                    .get(s.paragraph)
                    .is_some_and(|p| p.start == s.start);
                runs.push(Run {
                    range: s.start..s.end,
                    paragraph_start,
                });
            }
        }
        last = Some((s.paragraph, idx));
    }
    runs
}

/// Index of the sentence holding byte `pos`.
fn sentence_of(doc: &Document<'_>, pos: usize) -> usize {
    doc.sentences
        .partition_point(|s| s.start <= pos)
        .saturating_sub(1)
}

/// Scans one run of tokens.
fn scan(view: &View<'_>, ctx: &Ctx, paragraph_start: bool) -> Vec<Found> {
    let title_case = OnceCell::new();
    let mut out = Vec::new();
    let mut i = 0;
    while i < view.len() {
        if let Some(skip) = exclusions::not_a_figure(view, i, paragraph_start, &title_case) {
            i = skip.max(i + 1);
            continue;
        }
        if !may_start_figure(view, i) {
            i += 1;
            continue;
        }
        match recognize(view, ctx, i) {
            Some(mut m) => {
                labels::apply(view, i, &mut m);
                compared::apply(view, i, &mut m);
                i = m.next.max(i + 1);
                out.extend(m.found);
            }
            None => i += 1,
        }
    }
    out
}

/// A quick test that token `i` can start a figure, so that most words cost a few
/// lookups instead of a pass through every recognizer.
fn may_start_figure(view: &View<'_>, i: usize) -> bool {
    let raw = view.raw(i);
    if raw.starts_with(|c: char| c.is_ascii_digit()) {
        return true;
    }
    let low = view.low(i);
    if let Some((first, _)) = low.split_once('-') {
        return number_words::may_start(first)
            || matches!(first, "mid" | "early" | "late")
            || low.ends_with("-long");
    }
    qualifiers::may_start(low)
        || number_words::may_start(low)
        || number_words::is_vague_start(low)
        || dates::month_of(low).is_some()
        || relative::may_start(low)
        || ordinals::may_start(low)
        || money::may_start(raw, low)
        || matches!(low, "aged" | "age" | "between" | "from")
}

/// Tries every recognizer at token `i`, a hedge first.
fn recognize(view: &View<'_>, ctx: &Ctx, i: usize) -> Option<Match> {
    if qualifiers::may_start(view.low(i))
        && let Some((qualifier, q)) = qualifiers::before(view, i)
        && let Some(mut m) = core(view, ctx, q)
        && let Some(first) = m.found.first_mut()
        && first.start == view.start(q)
    {
        // Dates take only "around"-like hedges; "over three days" is a span of
        // time, not more than three days.
        let applies = match first.kind {
            FigureKind::Date => qualifier == Qualifier::Approx,
            FigureKind::Duration => !view.is(i, "over"),
            _ => true,
        };
        if applies {
            first.start = view.start(i);
            first.qualifier = qualifier;
            if first.predicate.is_none() && first.kind != FigureKind::Date {
                let phrase_end = first
                    .counted
                    .as_ref()
                    .map_or(m.next.saturating_sub(1), |c| c.last);
                first.predicate = units::predicate(view, i, phrase_end);
            }
        }
        return Some(m);
    }
    core(view, ctx, i)
}

/// The recognizers, in order of precedence.
fn core(view: &View<'_>, ctx: &Ctx, i: usize) -> Option<Match> {
    ranges::at(view, ctx, i)
        .or_else(|| dates::at(view, ctx, i))
        .or_else(|| relative::at(view, ctx, i))
        .or_else(|| ordinals::at(view, ctx, i))
        .or_else(|| money::at(view, i))
        .or_else(|| percent::at(view, i))
        .or_else(|| durations::at(view, ctx, i))
        .or_else(|| counts::at(view, ctx, i))
}

/// Extraction of whole texts for unit tests: one source, with or without a
/// publication date.
#[cfg(test)]
pub(crate) mod testing {
    use chrono::NaiveDate;

    use crate::corpus::{Corpus, DateOrigin, Source};
    use crate::figure::Figure;

    /// The figures of `text` published on `published` ("2021-11-10", or "" for
    /// none), each with the text it spans.
    pub(crate) fn figures_of(published: &str, text: &str) -> Vec<(Figure, String)> {
        let published = (!published.is_empty()).then(|| {
            NaiveDate::parse_from_str(published, "%Y-%m-%d").expect("test dates are valid")
        });
        let source = Source {
            published,
            published_from: if published.is_some() {
                DateOrigin::Manifest
            } else {
                DateOrigin::None
            },
            ..Source::new("t", text)
        };
        let corpus = Corpus::of_sources(vec![source]);
        let docs = crate::document::prepare(&corpus);
        super::figures(&docs[0])
            .into_iter()
            .map(|f| {
                let written = text[f.start..f.end].to_string();
                (f, written)
            })
            .collect()
    }

    /// The figure spanning exactly `written`, if there is one.
    pub(crate) fn figure<'a>(found: &'a [(Figure, String)], written: &str) -> Option<&'a Figure> {
        found.iter().find(|(_, w)| w == written).map(|(f, _)| f)
    }

    /// Every figure as "kind value role 'written'", for failure messages.
    pub(crate) fn describe(found: &[(Figure, String)]) -> String {
        found
            .iter()
            .map(|(f, w)| {
                format!(
                    "[{} {} {} {w:?}]",
                    f.kind.as_str(),
                    f.value,
                    f.role.as_str()
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    }
}

//! The figures a source states: counts, durations, dates, ages, money, percentages
//! and ordinals, each with its normalized value as an interval, its qualifier, and
//! the byte span of the words it was read from.
//!
//! This module holds only the types shared by extraction (`extract`) and comparison
//! (`compare`); it does no work itself.

use std::fmt;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// What a figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// How many of something ("130 people", "six barges", "hundreds of travellers").
    Count,
    /// A length of time, normalized to seconds ("a 40-minute call").
    Duration,
    /// A point in time at a grain ("May 2011", "Oct. 9", "last year").
    Date,
    /// How old someone or something is ("a 45-year-old man").
    Age,
    /// An amount of money in a currency ("$1.5 bn").
    Money,
    /// A percentage ("12%", "twelve percent").
    Percent,
    /// A rank or position ("the third time", "the 12th day").
    Ordinal,
}

impl FigureKind {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            FigureKind::Count => "count",
            FigureKind::Duration => "duration",
            FigureKind::Date => "date",
            FigureKind::Age => "age",
            FigureKind::Money => "money",
            FigureKind::Percent => "percent",
            FigureKind::Ordinal => "ordinal",
        }
    }
}

/// How a figure is hedged. Comparison treats every figure as an interval, so the
/// qualifier decides how wide the interval is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Stated plainly ("130,000 people").
    Exact,
    /// "some", "about", "around", "an estimated", "nearly", "roughly", or vague
    /// quantities ("hundreds of", "dozens").
    Approx,
    /// "at least", "no fewer than".
    AtLeast,
    /// "up to", "at most", "no more than".
    AtMost,
    /// "more than", "over".
    MoreThan,
    /// "less than", "fewer than", "under".
    LessThan,
    /// "between five and six", "20-25": the value is the stated range.
    Range,
}

impl Qualifier {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::AtLeast => "at_least",
            Qualifier::AtMost => "at_most",
            Qualifier::MoreThan => "more_than",
            Qualifier::LessThan => "less_than",
            Qualifier::Range => "range",
        }
    }
}

/// The grain of a date: the period it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grain {
    /// A calendar day ("2014-03-17").
    Day,
    /// A calendar month ("2014-03").
    Month,
    /// An ISO week, Monday to Sunday ("last week"); `date` is its Monday and it
    /// prints as "2019-W14".
    Week,
    /// A calendar year ("2014").
    Year,
    /// A decade ("the 1980s"); `date` is January 1 of its first year and it prints
    /// as "1980s". Kept apart from `Year` so that "since the 1980s" never looks like
    /// a conflict with a year inside that decade.
    Decade,
}

/// What part a figure plays in its sentence, where its words say more than its
/// kind. Comparison reads it: a label is never the date of an event, and the
/// earlier value of a change is not what the fact is now.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The figure states the quantity of its fact (the usual case).
    #[default]
    Stated,
    /// A year or date that names or labels a thing rather than dating an event of
    /// its sentence ("his 2019 salary", "the 2012 model").
    Label,
    /// The earlier value of a stated change ("the fare rose from $48 to $52": the
    /// $48).
    Previous,
}

impl Role {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Stated => "stated",
            Role::Label => "label",
            Role::Previous => "previous",
        }
    }
}

/// The normalized value of a figure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Value {
    /// A number as the closed interval `[lo, hi]` that the words state, before any
    /// qualifier widening: "130,000" is `[130000, 130000]`, "between five and six"
    /// is `[5, 6]`, "hundreds of" is `[200, 999]`. Durations are in seconds, money in
    /// units of its currency.
    Number {
        /// Lower bound.
        lo: f64,
        /// Upper bound.
        hi: f64,
    },
    /// A date at its grain; `date` is the first day of the period it names.
    Date {
        /// First day of the period.
        date: NaiveDate,
        /// Day, month or year.
        grain: Grain,
    },
    /// A period from one date to another at one grain, stated as one figure
    /// ("from 2010 to 2016", "2010-16", "between March and June 2014"): `start` is
    /// the first day of the first period named and `end` the first day of the last
    /// ("2010 to 2016" is 2010-01-01 and 2016-01-01 at year grain, all of 2010
    /// through all of 2016). It prints as an ISO 8601 interval ("2010/2016").
    DateRange {
        /// First day of the first period.
        start: NaiveDate,
        /// First day of the last period.
        end: NaiveDate,
        /// The grain both ends are written at.
        grain: Grain,
    },
    /// A relative date that could not be resolved: the source has no publication
    /// date ("last week" in an undated article), or the date is relative to a time
    /// the text does not give ("today" inside a quotation). The figure's
    /// derivation says which.
    Unresolved,
}

impl Value {
    /// The normalized value as printed in reports and JSON: a number for numeric
    /// kinds (the midpoint of a range is not used; ranges print as "lo-hi"), an ISO
    /// 8601 string at its grain for dates, and an ISO 8601 interval for a date
    /// range ("2010/2016", "2014-05/2014-07").
    pub fn normalized(&self) -> String {
        match self {
            Value::Number { lo, hi } if lo == hi => format_number(*lo),
            Value::Number { lo, hi } => format!("{}-{}", format_number(*lo), format_number(*hi)),
            Value::Date { date, grain } => format_date(*date, *grain),
            Value::DateRange { start, end, grain } => {
                format!(
                    "{}/{}",
                    format_date(*start, *grain),
                    format_date(*end, *grain)
                )
            }
            Value::Unresolved => String::from("unresolved"),
        }
    }
}

/// A date as an ISO 8601 string at its grain ("2014-03-17", "2014-03", "2019-W14",
/// "2014", "1980s").
fn format_date(date: NaiveDate, grain: Grain) -> String {
    match grain {
        Grain::Day => date.format("%Y-%m-%d").to_string(),
        Grain::Month => date.format("%Y-%m").to_string(),
        Grain::Week => {
            let week = date.iso_week();
            format!("{}-W{:02}", week.year(), week.week())
        }
        Grain::Year => date.format("%Y").to_string(),
        Grain::Decade => date.format("%Ys").to_string(),
    }
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.normalized())
    }
}

/// Formats a number without a trailing ".0" and without exponent notation.
pub fn format_number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        let s = format!("{x:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A figure found in a source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figure {
    /// Index of the source in the corpus.
    pub source: usize,
    /// Index of the sentence (in `Document::sentences`) that holds the figure.
    pub sentence: usize,
    /// Start byte offset of the figure as written, qualifier included ("some 90,000").
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// What the figure measures.
    pub kind: FigureKind,
    /// Normalized value.
    pub value: Value,
    /// How the value is hedged.
    pub qualifier: Qualifier,
    /// Unit or currency where one applies: an ISO 4217 code for money ("USD"),
    /// "s" for durations, "%" for percentages.
    pub unit: Option<String>,
    /// What is counted or measured, folded to lower case and singular where the
    /// extractor can tell ("person", "barge", "interview"): the head noun the
    /// number governs, without its modifiers ("six armoured river barges" gives
    /// "barge"), so that figures about the same thing share it. For durations and
    /// ages it is the thing that lasts or is old ("40-minute interview" gives
    /// "interview"); for derived dates the thing that started ("embargo").
    /// `None` when there is none.
    pub counted: Option<String>,
    /// The whole noun phrase that `counted` heads, folded, modifiers kept and the
    /// head made singular ("armoured river barge", "heavy ka-32 cargo
    /// helicopter"): comparison may use the modifiers to tell "river barges" from
    /// "cargo ships" when heads differ or agree. `None` when `counted` is.
    pub counted_phrase: Option<String>,
    /// The word relating the figure to its clause, folded and as written (not
    /// lemmatized): for numbers, the verb or participle next to the counted noun
    /// or just before the figure ("drowned", "evacuated", "fled", "sent",
    /// "send"); for dates, the preposition that ties the date to its event
    /// ("since", "until", "in", "on"). Derived start dates carry "since", so that
    /// they compare with stated "since DATE" figures. `None` when none was found.
    pub predicate: Option<String>,
    /// For relative and derived dates, how the value was obtained ("'last year'
    /// resolved against publication date 2019-04-02"; "30-month embargo ending at
    /// publication"). `None` for figures read as written.
    pub derivation: Option<String>,
    /// What part the figure plays in its sentence (see [`Role`]).
    pub role: Role,
}

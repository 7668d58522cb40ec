//! How serious a discrepancy is, in terms a reader can check.
//!
//! Numbers: the gap that remains once every hedge is allowed for ("some" ±3%, "more
//! than" open above), relative to the larger value: under 10% is low, under 50%
//! medium, 50% or more high. Dates: the gap at the coarser grain of the two values:
//! up to 3 days, 1 week or 2 months is low; up to 31 days, 4 weeks, 11 months, 1
//! year or 1 decade medium; more is high.

use std::fmt;

use serde::Serialize;

use super::conflict::{Gap, GapUnit};
use crate::figure::format_number;

/// Relative gap (after hedges) under which a numeric discrepancy is low.
pub const LOW_RELATIVE: f64 = 0.10;
/// Relative gap (after hedges) under which a numeric discrepancy is medium.
pub const MEDIUM_RELATIVE: f64 = 0.50;

/// Low, medium or high.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Small next to the values' size and hedges: worth a note.
    Low,
    /// A clear difference a reader should know about.
    Medium,
    /// The sources describe substantially different facts or magnitudes.
    High,
}

impl Level {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Low => "low",
            Level::Medium => "medium",
            Level::High => "high",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The severity of a discrepancy: a level, the distance it was decided on, and a
/// sentence saying why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Severity {
    /// Low, medium or high.
    pub level: Level,
    /// For numbers, the gap left after hedges relative to the larger value (0.01 is
    /// 1%); for dates, the gap in units of the coarser grain (months, days, years).
    pub distance: f64,
    /// One sentence a reader can check against the values.
    pub explanation: String,
}

/// One side of a conflicting pair, as a reader sees it.
#[derive(Debug, Clone, Copy)]
pub struct Side<'a> {
    /// The figure as written ("some 250,000").
    pub written: &'a str,
    /// The source id.
    pub source: &'a str,
    /// How the value was widened, if it was.
    pub hedge: Option<&'a str>,
}

/// Grades a conflict between two values.
pub fn assess(gap: &Gap, a: Side<'_>, b: Side<'_>) -> Severity {
    match gap.unit {
        GapUnit::Value => number_severity(gap, a, b),
        unit => date_severity(gap, unit, a, b),
    }
}

fn number_severity(gap: &Gap, a: Side<'_>, b: Side<'_>) -> Severity {
    let magnitude = if gap.relative > 0.0 {
        gap.stated / gap.relative
    } else {
        0.0
    };
    let remaining = if magnitude > 0.0 {
        gap.widened / magnitude
    } else {
        1.0
    };
    let level = if remaining < LOW_RELATIVE {
        Level::Low
    } else if remaining < MEDIUM_RELATIVE {
        Level::Medium
    } else {
        Level::High
    };
    let mut text = format!(
        "'{}' ({}) and '{}' ({}) differ by {} ({} of the larger)",
        a.written,
        a.source,
        b.written,
        b.source,
        format_number(round_sig(gap.stated)),
        percent(gap.relative)
    );
    let hedges: Vec<&str> = [a.hedge, b.hedge].into_iter().flatten().collect();
    if !hedges.is_empty() {
        text.push_str(&format!(
            "; allowing for the hedges ({}), {} ({}) remain",
            hedges.join("; "),
            format_number(round_sig(gap.widened)),
            percent(remaining)
        ));
    }
    text.push_str(&format!(": {level}"));
    Severity {
        level,
        distance: (remaining * 10_000.0).round() / 10_000.0,
        explanation: text,
    }
}

fn date_severity(gap: &Gap, unit: GapUnit, a: Side<'_>, b: Side<'_>) -> Severity {
    let n = gap.widened;
    let (low, medium, name) = match unit {
        GapUnit::Days => (3.0, 31.0, "day"),
        GapUnit::Weeks => (1.0, 4.0, "week"),
        GapUnit::Months => (2.0, 11.0, "month"),
        GapUnit::Decades => (0.0, 1.0, "decade"),
        _ => (0.0, 1.0, "year"),
    };
    let level = if n <= low {
        Level::Low
    } else if n <= medium {
        Level::Medium
    } else {
        Level::High
    };
    let plural = if gap.stated == 1.0 { "" } else { "s" };
    let mut text = format!(
        "'{}' ({}) and '{}' ({}) are {} {name}{plural} apart, compared by {name}",
        a.written,
        a.source,
        b.written,
        b.source,
        format_number(gap.stated)
    );
    if gap.widened < gap.stated {
        text.push_str(&format!(
            "; {} after allowing for approximate dates",
            format_number(gap.widened)
        ));
    }
    text.push_str(&format!(": {level}"));
    Severity {
        level,
        distance: n,
        explanation: text,
    }
}

/// Rounds to four significant digits, so that explanations do not print float
/// noise.
fn round_sig(x: f64) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let mag = 10f64.powi(x.abs().log10().floor() as i32 - 3);
    (x / mag).round() * mag
}

fn percent(x: f64) -> String {
    let p = x * 100.0;
    if p >= 10.0 {
        format!("{}%", p.round())
    } else {
        format!("{}%", format_number((p * 10.0).round() / 10.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn side(w: &'static str, hedge: Option<&'static str>) -> Side<'static> {
        Side {
            written: w,
            source: "src",
            hedge,
        }
    }

    #[test]
    fn small_gaps_left_after_hedges_are_low() {
        let gap = Gap {
            stated: 2_000.0,
            widened: 500.0,
            relative: 0.04,
            unit: GapUnit::Value,
            second_larger: true,
        };
        let s = assess(
            &gap,
            side("48,000", None),
            side("some 50,000", Some("approximate")),
        );
        assert_eq!(s.level, Level::Low);
        assert!(s.explanation.contains("4%"), "{}", s.explanation);
        assert!(s.explanation.contains("remain"), "{}", s.explanation);
    }

    #[test]
    fn large_relative_gaps_are_high() {
        let gap = Gap {
            stated: 10.0,
            widened: 10.0,
            relative: 10.0 / 12.0,
            unit: GapUnit::Value,
            second_larger: true,
        };
        assert_eq!(
            assess(&gap, side("2", None), side("12", None)).level,
            Level::High
        );
        let gap = Gap {
            relative: 0.2,
            stated: 20.0,
            widened: 20.0,
            ..gap
        };
        assert_eq!(
            assess(&gap, side("80", None), side("100", None)).level,
            Level::Medium
        );
    }

    #[test]
    fn date_gaps_are_graded_by_grain() {
        let gap = |n: f64, unit| Gap {
            stated: n,
            widened: n,
            relative: 0.0,
            unit,
            second_larger: true,
        };
        let a = side("June 2011", None);
        let b = side("October 2011", None);
        assert_eq!(
            assess(&gap(4.0, GapUnit::Months), a, b).level,
            Level::Medium
        );
        assert_eq!(assess(&gap(1.0, GapUnit::Months), a, b).level, Level::Low);
        assert_eq!(assess(&gap(1.0, GapUnit::Days), a, b).level, Level::Low);
        assert_eq!(assess(&gap(3.0, GapUnit::Years), a, b).level, Level::High);
        assert!(
            assess(&gap(4.0, GapUnit::Months), a, b)
                .explanation
                .contains("4 months apart")
        );
    }
}

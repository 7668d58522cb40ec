//! The value a figure is compared against: "50 cases so far, compared with 21 in
//! the whole of last year", "compared to last year, when just seven were
//! confirmed", "versus 12 a year earlier". The figure after the comparison is
//! the baseline of another figure, not a statement of the same fact: it becomes
//! [`Role::Previous`], as the earlier value of a change does ("up from 61").
//! Dates are left alone: "compared with 2015" names the time of the baseline.

use crate::figure::{FigureKind, Role};

use super::Match;
use super::tokens::View;

/// How far back (in tokens) the words of comparison may stand before the figure.
const WINDOW: usize = 8;

/// Words that end the reach of a comparison before the figure: another clause.
const CLAUSE_BREAKS: &[&str] = &[";", ":", "but", "while", "whereas", "and", "."];

/// Marks the figures of `m`, which starts at token `i`, as baselines when words of
/// comparison stand shortly before them in the same clause.
pub(crate) fn apply(view: &View<'_>, i: usize, m: &mut Match) {
    if !after_comparison(view, i) {
        return;
    }
    for f in &mut m.found {
        if f.kind != FigureKind::Date && f.role == Role::Stated {
            f.role = Role::Previous;
        }
    }
}

/// True when "compared with", "compared to", "in comparison with", "versus" or
/// "vs." stands within [`WINDOW`] tokens before token `i`, with no clause break
/// in between.
fn after_comparison(view: &View<'_>, i: usize) -> bool {
    for back in 1..=WINDOW.min(i) {
        let k = i - back;
        let w = view.low(k);
        if CLAUSE_BREAKS.contains(&w) {
            return false;
        }
        if matches!(w, "versus" | "vs" | "vs.") {
            return true;
        }
        if matches!(w, "with" | "to")
            && matches!(view.low_before(k), "compared" | "comparison" | "compares")
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::super::testing::{describe, figure, figures_of};
    use crate::figure::Role;

    fn role(text: &str, written: &str) -> Role {
        let found = figures_of("2021-09-30", text);
        figure(&found, written)
            .unwrap_or_else(|| panic!("no '{written}' in {}", describe(&found)))
            .role
    }

    #[test]
    fn a_figure_after_compared_with_is_a_baseline() {
        let text = "Health officials counted 64 cases this year, compared with 23 cases last year.";
        assert_eq!(role(text, "64"), Role::Stated);
        assert_eq!(role(text, "23"), Role::Previous);
        let text = "Turnout reached 71%, a sharp rise compared to last year, when just 48% voted.";
        assert_eq!(role(text, "71%"), Role::Stated);
        assert_eq!(role(text, "48%"), Role::Previous);
        let text = "The club sold 9,400 tickets versus 7,100 a season earlier.";
        assert_eq!(role(text, "7,100"), Role::Previous);
    }

    #[test]
    fn a_comparison_reaches_no_further_than_its_clause() {
        let text = "Costs were compared with the plan; the city spent $41 million in all.";
        assert_eq!(role(text, "$41 million"), Role::Stated);
        // A date after the comparison names the baseline's time.
        let text = "Sales rose by a third compared with 2019.";
        assert_eq!(role(text, "2019"), Role::Stated);
    }
}

//! The features of a pair of figures that the fact model ([`super::model`]) reads:
//! numbers computed from the two frames, their sentences and their values.
//!
//! Every feature is general: it says how the two figures' frames relate (the same
//! counted noun, predicates of one class, the same names next to them, the same
//! words just around them, aligned sentences ...), never which words they are.
//! The value features say only whether the two values are equal or consistent:
//! an equal value is evidence for one fact, a different value never is.

use super::conflict::{self, Reading, Verdict};
use super::frame::Frame;
use super::hash::FastMap;
use super::score::{HeadMatch, Match, PredicateMatch};
use crate::figure::{Figure, FigureKind, Role};

/// The features, in the order of the model's weights.
pub const NAMES: &[&str] = &[
    "context",
    "predicate_class",
    "predicate_word",
    "predicate_different",
    "head_same",
    "head_related",
    "head_different",
    "head_generic",
    "head_missing",
    "sole_head",
    "sole_predicate",
    "scope_mismatch",
    "aligned",
    "same_person",
    "names_differ",
    "names_shared",
    "neighbours_same",
    "sentence_overlap",
    "shared_values",
    "value_equal",
    "value_consistent",
    "value_repeated",
    "value_gap",
    "value_small",
    "kind_date",
    "kind_count",
    "kind_money",
    "kind_percent",
    "kind_duration",
    "kind_age",
    "relative",
    "undated",
    "label",
    "previous",
    "rivals",
    "other_period",
    "lead",
    "dated_predicate",
    "actors_shared",
    "time_same",
    "time_differs",
];

/// How many features there are.
pub const COUNT: usize = NAMES.len();

/// A feature vector.
pub type Vector = [f32; COUNT];

/// True when a pair's values conflict (neither equal nor consistent): the fact
/// model then reads its conflicting regression.
pub fn values_conflict(x: &Vector) -> bool {
    let at = |name: &str| index(name).map_or(0.0, |i| x[i]);
    at("value_equal") == 0.0 && at("value_consistent") == 0.0
}

/// The index of a feature by name (for explanations and tests).
pub fn index(name: &str) -> Option<usize> {
    NAMES.iter().position(|n| *n == name)
}

/// A key equal for two figures exactly when they state the same value: the
/// normalized value, or for a date left unresolved its reading (two undated
/// "Friday"s are one value, "Friday" and "Monday" two).
pub fn value_key(f: &Figure, reading: Option<&Reading>) -> String {
    match (&f.value, reading) {
        (crate::figure::Value::Unresolved, Some(r)) => format!("{r:?}"),
        (v, _) => v.normalized(),
    }
}

/// What features need beyond the two frames, built once per comparison.
#[derive(Debug, Default)]
pub struct Context {
    /// How many figures of a source state a value (source, kind, value).
    value_counts: FastMap<(usize, FigureKind, String), u32>,
    /// The values of the figures of each sentence (source, sentence).
    sentence_values: FastMap<(usize, usize), Vec<(FigureKind, String)>>,
}

impl Context {
    /// Counts the values of every figure that takes part.
    pub fn build(
        figures: &[Figure],
        frames: &[Option<Frame>],
        readings: &[Option<Reading>],
    ) -> Context {
        let mut cx = Context::default();
        for ((f, frame), r) in figures.iter().zip(frames).zip(readings) {
            if frame.is_none() {
                continue;
            }
            let value = value_key(f, r.as_ref());
            *cx.value_counts
                .entry((f.source, f.kind, value.clone()))
                .or_default() += 1;
            cx.sentence_values
                .entry((f.source, f.sentence))
                .or_default()
                .push((f.kind, value));
        }
        cx
    }

    /// True when some figure of `source` that takes part states the value of
    /// `f` (the same kind and value).
    pub fn states(&self, source: usize, f: &Figure, r: Option<&Reading>) -> bool {
        self.value_counts
            .contains_key(&(source, f.kind, value_key(f, r)))
    }

    fn repeated(&self, f: &Figure, r: Option<&Reading>) -> bool {
        self.value_counts
            .get(&(f.source, f.kind, value_key(f, r)))
            .is_some_and(|&n| n > 1)
    }

    /// Values (other than the two figures') that both sentences state.
    fn shared_values(&self, p: &Pair<'_>) -> usize {
        let (fa, fb) = p.figures;
        let (Some(xs), Some(ys)) = (
            self.sentence_values.get(&(fa.source, fa.sentence)),
            self.sentence_values.get(&(fb.source, fb.sentence)),
        ) else {
            return 0;
        };
        let own = [
            (fa.kind, value_key(fa, p.readings.0)),
            (fb.kind, value_key(fb, p.readings.1)),
        ];
        let mut shared: Vec<&(FigureKind, String)> = xs
            .iter()
            .filter(|x| !own.contains(x) && ys.contains(x))
            .collect();
        shared.sort();
        shared.dedup();
        shared.len()
    }
}

/// Everything about one pair that its features are computed from.
pub struct Pair<'a> {
    /// The two frames.
    pub frames: (&'a Frame, &'a Frame),
    /// The two figures.
    pub figures: (&'a Figure, &'a Figure),
    /// Their readings.
    pub readings: (Option<&'a Reading>, Option<&'a Reading>),
    /// The evidence of [`super::score::evidence`].
    pub evidence: &'a Match,
    /// True when the two sources are about the same period.
    pub same_period: bool,
    /// True when the two values agree once publication dates are allowed for.
    pub shift_agrees: bool,
}

/// Sentences of a document from which a figure counts as in its lead.
const LEAD_SENTENCES: usize = 3;

/// The feature vector of a pair.
pub fn vector(cx: &Context, p: &Pair<'_>) -> Vector {
    let (a, b) = p.frames;
    let (fa, fb) = p.figures;
    let m = p.evidence;
    let mut x = [0f32; COUNT];
    let flag = |c: bool| if c { 1.0 } else { 0.0 };
    let mut set = |name: &str, v: f32| {
        if let Some(i) = index(name) {
            x[i] = v;
        }
    };
    set("context", m.context);
    set(
        "predicate_class",
        flag(m.predicate == PredicateMatch::Class),
    );
    set("predicate_word", flag(m.predicate == PredicateMatch::Word));
    set(
        "predicate_different",
        flag(m.predicate == PredicateMatch::Different),
    );
    set("head_same", flag(m.head == HeadMatch::Same));
    set("head_related", flag(m.head == HeadMatch::Related));
    set("head_different", flag(m.head == HeadMatch::Different));
    set("head_generic", flag(m.generic_head));
    let dated = a.kind == FigureKind::Date;
    set(
        "head_missing",
        flag(!dated && (a.head.is_none() || b.head.is_none())),
    );
    set(
        "sole_head",
        flag(a.sole && b.sole && matches!(m.head, HeadMatch::Same | HeadMatch::Related)),
    );
    let same_predicate = matches!(m.predicate, PredicateMatch::Class | PredicateMatch::Word);
    set(
        "sole_predicate",
        flag(a.sole_predicate && b.sole_predicate && same_predicate),
    );
    set(
        "scope_mismatch",
        flag(a.aggregate != b.aggregate || a.increment != b.increment),
    );
    set("aligned", flag(m.aligned));
    set("same_person", flag(m.same_person));
    set("names_differ", flag(m.names_differ.is_some()));
    set("names_shared", flag(m.names_shared));
    set("neighbours_same", a.neighbours_shared(b) as f32);
    set("sentence_overlap", overlap(&a.own, &b.own));
    set("shared_values", cx.shared_values(p).min(3) as f32);
    let equal = value_key(fa, p.readings.0) == value_key(fb, p.readings.1);
    let consistent = match p.readings {
        (Some(ra), Some(rb)) => conflict::compare(ra, rb) == Verdict::Consistent,
        _ => false,
    } || p.shift_agrees;
    set("value_equal", flag(equal));
    set("value_consistent", flag(consistent && !equal));
    set(
        "value_repeated",
        flag(equal && (cx.repeated(fa, p.readings.0) || cx.repeated(fb, p.readings.1))),
    );
    set("value_gap", gap(p.readings));
    set("value_small", flag(equal && is_small(p.readings.0)));
    for (name, kind) in [
        ("kind_date", FigureKind::Date),
        ("kind_count", FigureKind::Count),
        ("kind_money", FigureKind::Money),
        ("kind_percent", FigureKind::Percent),
        ("kind_duration", FigureKind::Duration),
        ("kind_age", FigureKind::Age),
    ] {
        set(name, flag(a.kind == kind));
    }
    set(
        "relative",
        flag(fa.derivation.is_some() || fb.derivation.is_some()),
    );
    set(
        "undated",
        flag(matches!(p.readings.0, Some(Reading::Undated(_)))),
    );
    set(
        "label",
        flag(fa.role == Role::Label || fb.role == Role::Label),
    );
    set(
        "previous",
        flag(fa.role == Role::Previous || fb.role == Role::Previous),
    );
    // A date has no counted thing: the predicate says which event it dates
    // ("broke off", "first ... since"), so a shared predicate weighs more there.
    set("dated_predicate", flag(dated && same_predicate));
    set("actors_shared", m.actors_shared.min(3) as f32);
    // The times the two sentences date their figures to ("last year, when just
    // seven cases" and "so far this year, 50 cases"): two times that do not
    // overlap mostly mean two facts. The same time is no evidence of one fact:
    // a story's figures mostly share its days.
    if let (Some(ta), Some(tb)) = (a.time, b.time) {
        let overlap = ta.0 <= tb.1 && tb.0 <= ta.1;
        set("time_same", flag(overlap));
        set("time_differs", flag(!overlap));
    }
    set("rivals", ((1 + a.rivals + b.rivals) as f32).ln());
    set("other_period", flag(!p.same_period));
    set(
        "lead",
        flag(a.sentence < LEAD_SENTENCES && b.sentence < LEAD_SENTENCES),
    );
    x
}

/// Largest whole number that many figures of a story state for different things
/// ("two", "seven"): an equal small value says little.
const SMALL: f64 = 12.0;

/// True for a whole count-like value of at most [`SMALL`]: "seven" is said of
/// many things, a magnitude of 5.1 is not.
pub fn is_small(r: Option<&Reading>) -> bool {
    matches!(r, Some(Reading::Number { stated, .. })
        if stated.1 <= SMALL && stated.0.fract() == 0.0 && stated.1.fract() == 0.0)
}

/// How far apart two values are in orders of magnitude: |log10(a / b)| of two
/// numbers (3 when one is not positive), log10(1 + days) between two dates; at
/// most 4. Only ever evidence against one fact: the model may not weigh it
/// positively.
fn gap(readings: (Option<&Reading>, Option<&Reading>)) -> f32 {
    let mid = |(a, b): (f64, f64)| (a + b) / 2.0;
    let g = match readings {
        (Some(Reading::Number { stated: x, .. }), Some(Reading::Number { stated: y, .. })) => {
            let (a, b) = (mid(*x), mid(*y));
            if a > 0.0 && b > 0.0 {
                (a / b).log10().abs()
            } else if a == b {
                0.0
            } else {
                3.0
            }
        }
        (Some(Reading::Date { stated: x, .. }), Some(Reading::Date { stated: y, .. })) => {
            let (a, b) = (
                (x.0 as f64 + x.1 as f64) / 2.0,
                (y.0 as f64 + y.1 as f64) / 2.0,
            );
            (1.0 + (a - b).abs()).log10()
        }
        (Some(ra @ Reading::Undated(_)), Some(rb @ Reading::Undated(_))) => {
            match conflict::compare(ra, rb) {
                Verdict::Conflict(g) => (1.0 + g.stated).log10(),
                Verdict::Consistent => 0.0,
            }
        }
        _ => 0.0,
    };
    g.clamp(0.0, 4.0) as f32
}

/// The share of the smaller set of words that the other holds (sorted ids).
fn overlap(a: &[u32], b: &[u32]) -> f32 {
    let n = a.len().min(b.len());
    if n == 0 {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
        }
    }
    common as f32 / n as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_distinct_and_indexed() {
        let mut sorted = NAMES.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), COUNT);
        assert_eq!(index("context"), Some(0));
        assert_eq!(index("no such feature"), None);
    }

    #[test]
    fn overlap_is_the_share_of_the_smaller_set() {
        assert_eq!(overlap(&[1, 2, 3, 4], &[2, 4]), 1.0);
        assert_eq!(overlap(&[1, 2], &[3, 4]), 0.0);
        assert_eq!(overlap(&[], &[3]), 0.0);
        assert!((overlap(&[1, 2, 3], &[3, 5, 6, 7]) - 1.0 / 3.0).abs() < 1e-6);
    }

    #[test]
    fn only_small_whole_numbers_are_small() {
        let number = |lo: f64, hi: f64| Reading::Number {
            stated: (lo, hi),
            widened: (lo, hi),
            hedge: None,
            precision: None,
            cut: false,
        };
        assert!(is_small(Some(&number(7.0, 7.0))));
        assert!(!is_small(Some(&number(5.1, 5.1))));
        assert!(!is_small(Some(&number(40.0, 40.0))));
        assert!(!is_small(None));
    }
}

//! The key figures of the sample corpus, read correctly.

use claimdiff::extract::{figures, figures_all};
use claimdiff::figure::{Figure, FigureKind, Qualifier};
use claimdiff::{Corpus, Document, prepare};

/// The figures of the sample source whose id starts with `prefix`.
fn with_source<T>(prefix: &str, check: impl FnOnce(&Document<'_>, &[Figure]) -> T) -> T {
    let corpus = Corpus::sample();
    let docs = prepare(&corpus);
    let doc = docs
        .iter()
        .find(|d| d.source.id.starts_with(prefix))
        .expect("the sample source exists");
    let found = figures(doc);
    check(doc, &found)
}

/// The figures of `kind` whose span is `span`, written inside `context` (which
/// must occur in the text).
fn at<'f>(
    doc: &Document<'_>,
    found: &'f [Figure],
    context: &str,
    span: &str,
    kind: FigureKind,
) -> &'f Figure {
    let text = doc.text();
    let base = text.find(context).expect("the context is in the source");
    let start = base + context.find(span).expect("the span is in its context");
    found
        .iter()
        .find(|f| f.start == start && f.kind == kind && &text[f.start..f.end] == span)
        .unwrap_or_else(|| panic!("no {kind:?} figure {span:?} in {context:?}"))
}

#[test]
fn death_tolls() {
    with_source("002", |doc, found| {
        let f = at(
            doc,
            found,
            "killed 240,000 people",
            "240,000",
            FigureKind::Count,
        );
        assert_eq!(f.value.normalized(), "240000");
        assert_eq!(f.qualifier, Qualifier::Exact);
        assert_eq!(f.counted.as_deref(), Some("person"));
        assert_eq!(f.predicate.as_deref(), Some("killed"));
    });
    with_source("001", |doc, found| {
        let f = at(
            doc,
            found,
            "some 250,000 people",
            "some 250,000",
            FigureKind::Count,
        );
        assert_eq!(f.value.normalized(), "250000");
        assert_eq!(f.qualifier, Qualifier::Approx);
        assert_eq!(f.counted.as_deref(), Some("person"));
        assert_eq!(f.predicate.as_deref(), Some("killed"));
    });
}

#[test]
fn displaced_and_fled() {
    with_source("001", |doc, found| {
        let f = at(
            doc,
            found,
            "an estimated 7.6 million",
            "an estimated 7.6 million",
            FigureKind::Count,
        );
        assert_eq!(
            (f.value.normalized().as_str(), f.qualifier),
            ("7600000", Qualifier::Approx)
        );
        assert_eq!(f.predicate.as_deref(), Some("displaced"));
        let f = at(
            doc,
            found,
            "another 5.4 million people",
            "5.4 million",
            FigureKind::Count,
        );
        assert_eq!(f.value.normalized(), "5400000");
        assert_eq!(f.predicate.as_deref(), Some("fled"));
        let f = at(
            doc,
            found,
            "up to 500 Russian",
            "up to 500",
            FigureKind::Count,
        );
        assert_eq!(
            (f.value.normalized().as_str(), f.qualifier),
            ("500", Qualifier::AtMost)
        );
        assert_eq!(f.counted.as_deref(), Some("force"));
    });
}

#[test]
fn start_of_the_freeze() {
    with_source("000", |doc, found| {
        let f = at(
            doc,
            found,
            "since March 2014",
            "March 2014",
            FigureKind::Date,
        );
        assert_eq!(f.value.normalized(), "2014-03");
        assert_eq!(f.predicate.as_deref(), Some("since"));
        let d = at(
            doc,
            found,
            "an 18-month freeze",
            "18-month",
            FigureKind::Duration,
        );
        assert_eq!(d.value.normalized(), (18.0 * 2_629_746.0_f64).to_string());
        assert_eq!(d.counted.as_deref(), Some("freeze"));
        let s = at(
            doc,
            found,
            "an 18-month freeze",
            "18-month",
            FigureKind::Date,
        );
        assert_eq!(
            doc.source.published.map(|p| p.to_string()).as_deref(),
            Some("2015-09-23")
        );
        assert_eq!(
            (s.value.normalized().as_str(), s.qualifier),
            ("2014-03", Qualifier::Approx)
        );
        assert!(s.derivation.as_deref().unwrap_or("").contains("2015-09-23"));
    });
    with_source("001", |doc, found| {
        let f = at(
            doc,
            found,
            "since August 2014",
            "August 2014",
            FigureKind::Date,
        );
        assert_eq!(f.value.normalized(), "2014-08");
        assert_eq!(f.predicate.as_deref(), Some("since"));
    });
}

#[test]
fn fighter_jets_are_four_and_model_numbers_are_not_figures() {
    let cases = [
        ("001", "four tactical fighter jets", "jet"),
        ("002", "four Russian fighter jets", "jet"),
        ("004", "four Russian Su-27 fighter aircraft", "aircraft"),
    ];
    for (source, context, head) in cases {
        with_source(source, |doc, found| {
            let f = at(doc, found, context, "four", FigureKind::Count);
            assert_eq!(f.value.normalized(), "4");
            assert_eq!(f.counted.as_deref(), Some(head));
        });
    }
    with_source("004", |doc, found| {
        let model = doc.text().find("Su-27").expect("the model is named");
        assert!(!found.iter().any(|f| f.start < model + 5 && model < f.end));
    });
    with_source("003", |doc, found| {
        let g20 = doc.text().find("G20").expect("the summit is named");
        assert!(!found.iter().any(|f| f.start < g20 + 3 && g20 < f.end));
    });
}

#[test]
fn conversation_lengths() {
    with_source("001", |doc, found| {
        let f = at(
            doc,
            found,
            "50-minute conversation",
            "50-minute",
            FigureKind::Duration,
        );
        assert_eq!(f.value.normalized(), "3000");
        assert_eq!(f.counted.as_deref(), Some("conversation"));
    });
    with_source("002", |doc, found| {
        let f = at(
            doc,
            found,
            "lasted an hour",
            "an hour",
            FigureKind::Duration,
        );
        assert_eq!(f.value.normalized(), "3600");
        assert_eq!(f.counted.as_deref(), Some("call"));
    });
}

#[test]
fn length_of_the_war() {
    with_source("001", |doc, found| {
        let f = at(
            doc,
            found,
            "four-and-a-half-year-old Syrian civil war",
            "four-and-a-half-year-old",
            FigureKind::Duration,
        );
        assert_eq!(f.value.normalized(), (4.5 * 31_556_952.0_f64).to_string());
        assert_eq!(f.counted.as_deref(), Some("war"));
    });
    with_source("004", |doc, found| {
        let f = at(
            doc,
            found,
            "four-year-old civil war",
            "four-year-old",
            FigureKind::Duration,
        );
        assert_eq!(f.value.normalized(), (4.0 * 31_556_952.0_f64).to_string());
        assert_eq!(f.counted.as_deref(), Some("war"));
    });
}

#[test]
fn relative_dates_resolve_only_with_a_publication_date() {
    with_source("002", |doc, found| {
        let f = at(
            doc,
            found,
            "in April last year",
            "April last year",
            FigureKind::Date,
        );
        assert_eq!(f.value.normalized(), "2014-04");
        let f = at(
            doc,
            found,
            "with Russia on Friday",
            "Friday",
            FigureKind::Date,
        );
        assert_eq!(f.value.normalized(), "2015-09-18");
    });
    with_source("004", |doc, found| {
        assert_eq!(doc.source.published, None);
        let f = at(
            doc,
            found,
            "two weeks ago",
            "two weeks ago",
            FigureKind::Date,
        );
        assert_eq!(f.value.normalized(), "unresolved");
    });
}

#[test]
fn no_figure_from_boilerplate_or_the_publication_line() {
    let corpus = Corpus::sample();
    let docs = prepare(&corpus);
    for doc in &docs {
        for f in figures(doc) {
            let sentence = &doc.sentences[f.sentence];
            assert!(
                !sentence.boilerplate,
                "{} has a figure in boilerplate",
                doc.source.id
            );
            assert!(sentence.start <= f.start && f.start < sentence.end.max(f.start + 1));
            if let Some((s, e)) = doc.source.published_span {
                assert!(f.end <= s || e <= f.start, "figure in the publication line");
            }
        }
    }
}

#[test]
fn all_documents_in_order() {
    let corpus = Corpus::sample();
    let docs = prepare(&corpus);
    let all = figures_all(&docs);
    let one_by_one: Vec<Figure> = docs.iter().flat_map(figures).collect();
    assert_eq!(all, one_by_one);
    assert!(
        all.windows(2)
            .all(|w| (w[0].source, w[0].start) <= (w[1].source, w[1].start))
    );
}

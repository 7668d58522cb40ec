//! Verdicts on invented sentences: each qualifier and kind, quotation claims,
//! claims without figures, and `look_for`.

use super::*;
use crate::corpus::{Corpus, Source};

fn corpus() -> Corpus {
    Corpus::of_sources(vec![
        Source::new(
            "a",
            "Floods in the Marrow valley have killed 1,200 people, the regional \
             government said on its website.\n\nThe storm that caused the floods began \
             in May 2019 and lasted for weeks.\n\n\u{201c}We will rebuild every bridge in \
             the valley,\u{201d} said Tomas Berg, the governor of the region.",
        ),
        Source::new(
            "b",
            "The floods in the Marrow valley have killed 1,500 people, according to \
             the regional government.\n\nGovernor Tomas Berg visited the valley and \
             promised help for every family that lost a home.",
        ),
    ])
}

fn claim(text: &str) -> Claim {
    Claim::inline(1, text)
}

fn run(c: Claim) -> ClaimCheck {
    let r = check(&corpus(), &[c], &CheckOptions::default());
    r.claims.into_iter().next().expect("one claim in, one out")
}

fn of<'a>(c: &'a ClaimCheck, source: &str) -> &'a SourceCheck {
    c.sources
        .iter()
        .find(|s| s.source == source)
        .expect("every source is listed")
}

#[test]
fn more_than_is_supported_by_larger_values() {
    let c = run(claim(
        "More than 1,000 people have been killed by the floods in the Marrow valley.",
    ));
    assert_eq!(c.verdict, Verdict::Supported, "{c:#?}");
    assert_eq!(of(&c, "a").verdict, SourceVerdict::Supports);
    assert_eq!(of(&c, "b").verdict, SourceVerdict::Supports);
    assert_eq!(c.figures, vec!["More than 1,000"]);
    let e = &of(&c, "a").evidence[0];
    assert_eq!(e.text, "1,200");
    assert_eq!(e.value.as_deref(), Some("1200"));
}

#[test]
fn more_than_is_contradicted_by_a_smaller_value() {
    let c = run(claim(
        "More than 1,300 people have been killed by the floods in the Marrow valley.",
    ));
    assert_eq!(c.verdict, Verdict::Mixed, "{c:#?}");
    let a = of(&c, "a");
    assert_eq!(a.verdict, SourceVerdict::Contradicts);
    assert!(
        a.reason
            .starts_with("a says 1,200 (1200): outside the claim's range 'More than 1,300'"),
        "{}",
        a.reason
    );
    assert_eq!(of(&c, "b").verdict, SourceVerdict::Supports);
}

#[test]
fn fewer_than_is_contradicted_by_larger_values() {
    let c = run(claim(
        "Fewer than 1,000 people have been killed by the floods in the Marrow valley.",
    ));
    assert_eq!(c.verdict, Verdict::Contradicted, "{c:#?}");
}

#[test]
fn an_approximate_value_allows_for_its_hedge_only() {
    let c = run(claim(
        "Some 1,200 people have been killed by the floods in the Marrow valley.",
    ));
    assert_eq!(of(&c, "a").verdict, SourceVerdict::Supports, "{c:#?}");
    assert_eq!(of(&c, "b").verdict, SourceVerdict::Contradicts, "{c:#?}");
    assert_eq!(c.verdict, Verdict::Mixed);
}

#[test]
fn a_date_is_compared_at_its_grain() {
    let c = run(claim("The storm that caused the floods began in 2019."));
    assert_eq!(of(&c, "a").verdict, SourceVerdict::Supports, "{c:#?}");
    let c = run(claim(
        "The storm that caused the floods began in August 2019.",
    ));
    let a = of(&c, "a");
    assert_eq!(a.verdict, SourceVerdict::Contradicts, "{c:#?}");
    assert!(
        a.reason.contains("not the claim's date 'August 2019'"),
        "{}",
        a.reason
    );
    assert_eq!(c.verdict, Verdict::Contradicted);
}

#[test]
fn a_claim_without_figure_or_quotation_is_at_most_mentioned() {
    let c = run(claim(
        "Floods have hit the Marrow valley and the regional government.",
    ));
    assert_eq!(c.verdict, Verdict::NotMentioned, "{c:#?}");
    assert!(
        c.sources
            .iter()
            .all(|s| s.verdict != SourceVerdict::Supports)
    );
    assert_eq!(of(&c, "a").verdict, SourceVerdict::Mentions);
    assert!(!of(&c, "a").evidence.is_empty());
}

#[test]
fn an_unrelated_claim_is_not_mentioned() {
    let c = run(claim(
        "Twelve ships sank in the northern harbour last winter.",
    ));
    assert_eq!(c.verdict, Verdict::NotMentioned, "{c:#?}");
    assert!(
        c.sources
            .iter()
            .all(|s| s.verdict == SourceVerdict::NotMentioned)
    );
    assert_eq!(of(&c, "a").reason, "a does not mention it");
}

#[test]
fn a_quotation_supports_its_speaker_and_contradicts_another() {
    let c = run(claim(
        "Tomas Berg said that we will rebuild every bridge in the valley.",
    ));
    assert!(c.quotation);
    assert_eq!(c.verdict, Verdict::Supported, "{c:#?}");
    let a = of(&c, "a");
    assert_eq!(a.verdict, SourceVerdict::Supports);
    assert!(
        a.evidence[0]
            .value
            .as_deref()
            .is_some_and(|s| s.contains("Berg"))
    );
    let c = run(claim(
        "Anna Lind said that we will rebuild every bridge in the valley.",
    ));
    assert_eq!(c.verdict, Verdict::Contradicted, "{c:#?}");
    assert!(
        of(&c, "a").reason.contains("not Anna Lind's"),
        "{}",
        of(&c, "a").reason
    );
}

#[test]
fn look_for_words_must_be_near_the_evidence() {
    let mut c =
        claim("More than 1,000 people have been killed by the floods in the Marrow valley.");
    c.look_for = vec!["killed".into(), "regional government".into()];
    assert_eq!(run(c.clone()).verdict, Verdict::Supported);
    c.look_for = vec!["drowned".into()];
    let r = run(c);
    assert_eq!(r.verdict, Verdict::NotMentioned, "{r:#?}");
}

#[test]
fn expectations_are_compared() {
    let mut c =
        claim("Fewer than 1,000 people have been killed by the floods in the Marrow valley.");
    c.expect = Some(Verdict::Supported);
    let r = run(c);
    assert!(r.unexpected());
}

#[test]
fn bad_input_never_panics() {
    for text in [
        "",
        "   ",
        "\u{201c}",
        "said that",
        "1,000",
        "More than",
        "\u{201c}a b c",
    ] {
        let _ = run(claim(text));
    }
}

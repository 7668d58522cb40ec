//! The CI baseline as a library: fingerprints that stay the same under unrelated
//! edits of the corpus and changes of the report's wording, and the check of a
//! report against a baseline (new, known, stale; "to review" never fails).
//!
//! The corpus is `tests/fixtures/ci/`: two reports of a warehouse fire that
//! disagree on the toll (7 against 9), a later report of the same fire, and an
//! unrelated story about a harvest.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use claimdiff::baseline::{self, Baseline, Change, RepoPaths, Status};
use claimdiff::report::ReportView;
use claimdiff::report::build::{ViewOptions, report_view};
use claimdiff::{Corpus, Options, analyze};

use crate::util::root;

/// Copies fixtures of `tests/fixtures/ci` into `dir`.
fn copy(dir: &Path, names: &[&str]) {
    for name in names {
        fs::copy(root().join("tests/fixtures/ci").join(name), dir.join(name))
            .expect("fixture copies");
    }
}

fn report_of(dir: &Path) -> (Corpus, ReportView) {
    let corpus = Corpus::load(&[dir.to_path_buf()]);
    assert!(!corpus.has_errors(), "{:?}", corpus.diagnostics);
    let analysis = analyze(&corpus, &Options::default());
    let view = report_view(&analysis, ViewOptions::default());
    (corpus, view)
}

/// The ids of the discrepancies whose sources are all among `sources`.
fn ids_among(view: &ReportView, sources: &[&str]) -> BTreeSet<String> {
    view.discrepancies
        .iter()
        .filter(|f| {
            f.values
                .iter()
                .all(|v| sources.contains(&v.source.as_str()))
        })
        .map(|f| f.id.clone())
        .collect()
}

/// The id of the toll discrepancy of the two fire reports, which the tests need
/// to exist (else they would prove nothing).
fn toll_id(view: &ReportView) -> String {
    let f = view
        .discrepancies
        .iter()
        .find(|f| {
            f.kind == "count"
                && f.values
                    .iter()
                    .any(|v| v.source == "harbor-daily" && v.value == 7)
                && f.values
                    .iter()
                    .any(|v| v.source == "coast-herald" && v.value == 9)
        })
        .unwrap_or_else(|| panic!("no toll discrepancy in {:#?}", view.discrepancies));
    f.id.clone()
}

const FIRE: [&str; 2] = ["harbor-daily", "coast-herald"];

const LIBRARY: &str = "Published: 1 March 2024

New library opens in Sarnath

The town of Sarnath opened its new library on Friday after 3 years of building work.

The library holds 42,000 books and cost 6 million euros, the council said.

Its director, Hanne Lomar, 38, said it would open seven days a week.
";

#[test]
fn fingerprints_do_not_change_when_an_unrelated_source_is_added_removed_or_edited() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy(
        d,
        &["harbor-daily.txt", "coast-herald.txt", "valley-news.txt"],
    );
    let (_, base) = report_of(d);
    let expected = ids_among(&base, &FIRE);
    let toll = toll_id(&base);
    assert!(expected.contains(&toll));

    let check = |what: &str| {
        let (_, view) = report_of(d);
        assert_eq!(ids_among(&view, &FIRE), expected, "after {what}");
        assert_eq!(toll_id(&view), toll, "after {what}");
    };

    fs::write(d.join("town-library.txt"), LIBRARY).unwrap();
    check("adding an unrelated source");

    let valley = d.join("valley-news.txt");
    let mut text = fs::read_to_string(&valley).unwrap();
    text.push_str("\nThe cooperative also planted 900 new trees, up from 850 last year.\n");
    fs::write(&valley, &text).unwrap();
    check("editing an unrelated source");

    // A name that sorts first moves every other source's index.
    fs::rename(&valley, d.join("aaa-valley-news.txt")).unwrap();
    check("renaming an unrelated source so that it sorts first");

    fs::remove_file(d.join("aaa-valley-news.txt")).unwrap();
    fs::remove_file(d.join("town-library.txt")).unwrap();
    check("removing the unrelated sources");

    // An edit of a source of the fact that leaves the fact alone moves its
    // figures in the text, which the fingerprint does not hold.
    let daily = d.join("harbor-daily.txt");
    let text = fs::read_to_string(&daily).unwrap().replacen(
        "\n\nA fire destroyed",
        "\n\nWitnesses saw the smoke from across the bay.\n\nA fire destroyed",
        1,
    );
    fs::write(&daily, text).unwrap();
    check("editing a source of the fact away from the fact");
}

#[test]
fn fingerprints_ignore_the_report_wording_and_order() {
    let dir = tempfile::tempdir().unwrap();
    copy(dir.path(), &["harbor-daily.txt", "coast-herald.txt"]);
    let (corpus, view) = report_of(dir.path());
    let paths = RepoPaths::as_given();
    let empty = Baseline::default();
    let first = baseline::check(&empty, "b.yaml", "", &view, &corpus, &paths);
    let written = empty.updated(&first, &corpus, &paths);
    assert!(written.entry(&toll_id(&view)).is_some());

    // The same findings worded otherwise, with their values in another order
    // and the findings listed in reverse.
    let mut reworded = view.clone();
    for f in &mut reworded.discrepancies {
        f.fact = format!("reworded: {}", f.fact.to_uppercase());
        f.values.reverse();
        for v in &mut f.values {
            v.sentence = v.sentence.to_uppercase();
            v.text = format!("({})", v.text);
        }
    }
    reworded.discrepancies.reverse();
    let text = written.to_yaml();
    let again = baseline::check(&written, "b.yaml", &text, &reworded, &corpus, &paths);
    assert!(again.passed, "{again:#?}");
    assert!(again.new.is_empty() && again.stale.is_empty());
    assert_eq!(again.known.len(), view.discrepancies.len());
}

#[test]
fn candidates_to_review_never_fail() {
    let dir = tempfile::tempdir().unwrap();
    copy(dir.path(), &["harbor-daily.txt", "coast-herald.txt"]);
    let (corpus, mut view) = report_of(dir.path());
    assert!(!view.discrepancies.is_empty());
    view.to_review = std::mem::take(&mut view.discrepancies);
    let out = baseline::check(
        &Baseline::default(),
        "b.yaml",
        "",
        &view,
        &corpus,
        &RepoPaths::as_given(),
    );
    assert!(out.passed);
    assert_eq!(out.to_review, view.to_review.len());
}

#[test]
fn a_changed_source_brings_the_discrepancy_it_now_states() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy(d, &["harbor-daily.txt", "coast-herald.txt"]);
    let (corpus, view) = report_of(d);
    let paths = RepoPaths::as_given();
    let first = baseline::check(&Baseline::default(), "b.yaml", "", &view, &corpus, &paths);
    let written = Baseline::default().updated(&first, &corpus, &paths);

    let daily = d.join("harbor-daily.txt");
    let text = fs::read_to_string(&daily)
        .unwrap()
        .replace("Tomas Ferrand, 61,", "Tomas Ferrand, 57,");
    fs::write(&daily, text).unwrap();
    let (corpus, view) = report_of(d);
    let out = baseline::check(&written, "b.yaml", "", &view, &corpus, &paths);
    assert!(!out.passed, "{out:#?}");
    assert_eq!(out.sources.changed, vec!["harbor-daily".to_string()]);
    let age = out
        .new
        .iter()
        .find(|n| n.finding.kind == "age")
        .unwrap_or_else(|| panic!("no new age discrepancy: {out:#?}"));
    assert_eq!(age.brought_by.len(), 1);
    assert_eq!(age.brought_by[0].source, "harbor-daily");
    assert_eq!(age.brought_by[0].change, Change::Changed);
    assert_eq!(age.value.text, "57");
    // The toll is still known.
    assert!(out.known.iter().any(|k| k.finding.kind == "count"));
}

#[test]
fn update_keeps_status_and_note_and_a_repeating_source_keeps_the_entry() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    copy(d, &["harbor-daily.txt", "coast-herald.txt"]);
    let (corpus, view) = report_of(d);
    let paths = RepoPaths::as_given();
    let first = baseline::check(&Baseline::default(), "b.yaml", "", &view, &corpus, &paths);
    let mut written = Baseline::default().updated(&first, &corpus, &paths);
    let toll = toll_id(&view);
    for e in &mut written.discrepancies {
        e.status = Status::Ignored;
        e.note = Some(String::from("the herald counts the injured too"));
    }

    // A later report repeats the daily's toll: the reviewed disagreement, with
    // one more source. It stays known, and an update moves the entry to the new
    // id with the reviewer's decision.
    copy(d, &["river-post.txt"]);
    let (corpus, view) = report_of(d);
    let text = written.to_yaml();
    let out = baseline::check(&written, "b.yaml", &text, &view, &corpus, &paths);
    let known = out
        .known
        .iter()
        .find(|k| k.finding.kind == "count")
        .unwrap_or_else(|| panic!("the toll is not known: {out:#?}"));
    assert_eq!(known.matches.as_deref(), Some(toll.as_str()));
    assert_eq!(known.joined, vec!["river-post".to_string()]);
    assert_eq!(known.status, Status::Ignored);
    assert!(out.stale.is_empty(), "{:#?}", out.stale);
    let updated = written.updated(&out, &corpus, &paths);
    let entry = updated
        .entry(&known.finding.id)
        .expect("the entry has the new id");
    assert_eq!(entry.status, Status::Ignored);
    assert_eq!(
        entry.note.as_deref(),
        Some("the herald counts the injured too")
    );
    assert!(updated.entry(&toll).is_none());
    assert!(updated.sources.contains_key("river-post"));
}

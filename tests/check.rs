//! `claimdiff check`: the sample claims end to end in every format, ClaimReview
//! fields, `--fail-on` exit codes and claims-file errors.

use std::fs;

use crate::util::{claimdiff, json, root};

/// The sample claims and the verdict each gets on the sample corpus.
const SAMPLE_VERDICTS: &[(&str, &str)] = &[
    ("death-toll-some-250000", "mixed"),
    ("death-toll-more-than-200000", "supported"),
    ("death-toll-fewer-than-200000", "contradicted"),
    ("freeze-since-march-2014", "mixed"),
    ("four-fighter-jets", "supported"),
    ("twelve-fighter-jets", "contradicted"),
    ("fifty-minute-conversation", "supported"),
    ("kerry-destroying-isil", "supported"),
    ("hammond-destroying-isil", "contradicted"),
    ("carter-shoigu-talks", "not_mentioned"),
    ("submarines-black-sea", "not_mentioned"),
];

fn sample_json() -> serde_json::Value {
    let r = claimdiff(&["check", "--format", "json"], None);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("sample claims"), "{}", r.stderr);
    json(&r.stdout)
}

fn claim<'a>(doc: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    doc["claims"]
        .as_array()
        .expect("claims array")
        .iter()
        .find(|c| c["id"] == id)
        .unwrap_or_else(|| panic!("no claim {id}"))
}

fn source<'a>(c: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    c["sources"]
        .as_array()
        .expect("sources array")
        .iter()
        .find(|s| s["source"] == id)
        .unwrap_or_else(|| panic!("no source {id}"))
}

#[test]
fn sample_claims_get_their_expected_verdicts() {
    let doc = sample_json();
    assert_eq!(doc["schema"], 1);
    assert_eq!(
        doc["claims"].as_array().unwrap().len(),
        SAMPLE_VERDICTS.len()
    );
    for (id, verdict) in SAMPLE_VERDICTS {
        let c = claim(&doc, id);
        assert_eq!(c["verdict"], *verdict, "{id}: {c:#}");
        assert_eq!(c["expect"], *verdict, "{id}");
    }
    let r = claimdiff(&["check", "--fail-on", "unexpected"], None);
    assert_eq!(r.code, 0, "{}", r.stdout);
}

#[test]
fn the_death_toll_cites_both_figures_with_reasons() {
    let doc = sample_json();
    let c = claim(&doc, "death-toll-some-250000");
    let afp = source(c, "002_9d7f267a3ae22dc7");
    assert_eq!(afp["verdict"], "contradicts");
    let reason = afp["reason"].as_str().unwrap();
    assert!(
        reason.starts_with(
            "002_9d7f267a3ae22dc7 says 240,000 (240000): outside the claim's range 'Some 250,000'"
        ),
        "{reason}"
    );
    let ev = &afp["evidence"][0];
    assert_eq!(ev["text"], "240,000");
    assert_eq!(ev["value"], "240000");
    let text = fs::read_to_string(root().join("seeds/002_9d7f267a3ae22dc7.txt")).unwrap();
    let (start, end) = (
        ev["start"].as_u64().unwrap() as usize,
        ev["end"].as_u64().unwrap() as usize,
    );
    assert_eq!(&text[start..end], "240,000");
    assert_eq!(source(c, "001_b17d257d6203724e")["verdict"], "supports");
    assert_eq!(
        source(c, "000_1703b7b2bb6baa3b")["verdict"],
        "not_mentioned"
    );
}

#[test]
fn the_freeze_dates_and_the_quotation_speakers() {
    let doc = sample_json();
    let c = claim(&doc, "freeze-since-march-2014");
    assert_eq!(source(c, "000_1703b7b2bb6baa3b")["verdict"], "supports");
    let trt = source(c, "001_b17d257d6203724e");
    assert_eq!(trt["verdict"], "contradicts");
    assert!(
        trt["reason"]
            .as_str()
            .unwrap()
            .contains("not the claim's date 'March 2014'")
    );
    let right = claim(&doc, "kerry-destroying-isil");
    assert_eq!(source(right, "004_b784489694a573a3")["verdict"], "supports");
    let wrong = claim(&doc, "hammond-destroying-isil");
    let nyt = source(wrong, "004_b784489694a573a3");
    assert_eq!(nyt["verdict"], "contradicts");
    assert!(
        nyt["reason"]
            .as_str()
            .unwrap()
            .contains("not Philip Hammond's")
    );
    // A claim without a figure or a quotation is never supported.
    let talks = claim(&doc, "carter-shoigu-talks");
    assert!(
        talks["sources"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["verdict"] != "supports")
    );
    assert_eq!(source(talks, "004_b784489694a573a3")["verdict"], "mentions");
}

#[test]
fn every_format_prints_the_sample_claims_deterministically() {
    for format in ["table", "markdown", "json", "csv", "claimreview"] {
        let a = claimdiff(&["check", "--format", format], None);
        let b = claimdiff(&["check", "--format", format], None);
        assert_eq!(a.code, 0, "{format}: {}", a.stderr);
        assert_eq!(a.stdout, b.stdout, "{format} is not deterministic");
        assert!(a.stdout.contains("death-toll-some-250000") || format == "claimreview");
        assert!(a.stdout.contains("250,000"), "{format}");
    }
    let table = claimdiff(&["check"], None).stdout;
    assert!(
        table.starts_with(
            "claimdiff check: 11 claims: 4 supported, 3 contradicted, 2 mixed, 2 not mentioned"
        ),
        "{table}"
    );
    let md = claimdiff(&["check", "--format", "markdown"], None).stdout;
    assert!(
        md.contains("## `twelve-fighter-jets`: contradicted (as expected)"),
        "{md}"
    );
    let csv = claimdiff(&["check", "--format", "csv"], None).stdout;
    assert!(csv.starts_with(
        "claim_id,claim,verdict,expect,source,source_verdict,evidence,value,start,end,reason\n"
    ));
    assert!(csv.contains("death-toll-some-250000,"));
}

#[test]
fn claimreview_has_the_required_fields_and_no_clock() {
    let r = claimdiff(&["check", "--format", "claimreview"], None);
    let doc = json(&r.stdout);
    assert_eq!(doc["@context"], "https://schema.org");
    let graph = doc["@graph"].as_array().unwrap();
    assert_eq!(graph.len(), SAMPLE_VERDICTS.len());
    for review in graph {
        assert_eq!(review["@type"], "ClaimReview");
        assert!(
            review["claimReviewed"]
                .as_str()
                .is_some_and(|s| !s.is_empty())
        );
        assert_eq!(review["itemReviewed"]["@type"], "Claim");
        assert!(review["itemReviewed"]["appearance"].is_array());
        assert_eq!(review["reviewRating"]["@type"], "Rating");
        assert!(review["reviewRating"]["alternateName"].is_string());
        assert_eq!(review["author"]["name"], "claimdiff");
        assert!(
            review.get("datePublished").is_none(),
            "no date without --date"
        );
    }
    let toll = graph
        .iter()
        .find(|g| g["identifier"] == "death-toll-some-250000")
        .unwrap();
    assert_eq!(
        toll["itemReviewed"]["appearance"].as_array().unwrap().len(),
        2
    );
    assert_eq!(toll["reviewRating"]["ratingValue"], 3);
    let dated = claimdiff(
        &[
            "check",
            "--format",
            "claimreview",
            "--date",
            "2024-05-01",
            "--author",
            "Desk",
        ],
        None,
    );
    let doc = json(&dated.stdout);
    assert_eq!(doc["@graph"][0]["datePublished"], "2024-05-01");
    assert_eq!(doc["@graph"][0]["author"]["name"], "Desk");
    let bad = claimdiff(
        &["check", "--format", "claimreview", "--date", "May 1"],
        None,
    );
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("YYYY-MM-DD"), "{}", bad.stderr);
}

#[test]
fn fail_on_sets_the_exit_code() {
    let seeds = root().join("seeds").display().to_string();
    let run = |claim: &str, fail: &[&str]| {
        let mut args = vec!["check", "-q", "--claim", claim];
        for f in fail {
            args.extend(["--fail-on", f]);
        }
        args.push(&seeds);
        claimdiff(&args, None).code
    };
    let contradicted = "Russia has twelve fighter jets in Syria.";
    assert_eq!(run(contradicted, &[]), 0);
    assert_eq!(run(contradicted, &["contradicted"]), 1);
    assert_eq!(run(contradicted, &["mixed", "not_mentioned"]), 0);
    let mixed = "Some 250,000 people have been killed in the Syrian civil war.";
    assert_eq!(run(mixed, &["mixed"]), 1);
    assert_eq!(run(mixed, &["contradicted"]), 0);
    let absent = "Forty ships sank in the northern harbour.";
    assert_eq!(run(absent, &["not_mentioned"]), 1);
    // A claim from the command line has no expectation: never unexpected.
    assert_eq!(run(absent, &["unexpected"]), 0);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("c.yaml");
    fs::write(&file, "claims:\n  - id: jets\n    claim: Russia has twelve fighter jets in Syria.\n    expect: supported\n").unwrap();
    let r = claimdiff(
        &[
            "check",
            "--claims",
            file.to_str().unwrap(),
            "--fail-on",
            "unexpected",
            &seeds,
        ],
        None,
    );
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stdout
            .to_lowercase()
            .contains("contradicted (expected supported)"),
        "{}",
        r.stdout
    );
}

#[test]
fn paths_without_claims_is_a_usage_error_that_says_what_to_add() {
    let seeds = root().join("seeds").display().to_string();
    let r = claimdiff(&["check", &seeds], None);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("--claims FILE") && r.stderr.contains("--claim"),
        "{}",
        r.stderr
    );
    let r = claimdiff(&["check", "--format", "sarif"], None);
    assert_eq!(r.code, 2);
}

#[test]
fn a_bad_claims_file_names_file_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "unknown.yaml",
            "claims:\n  - id: a\n    claim: x\n    colour: red\n",
            "unknown.yaml:4:",
            "unknown field `colour`",
        ),
        (
            "dup.yaml",
            "claims:\n  - id: a\n    claim: x\n  - id: a\n    claim: y\n",
            "dup.yaml:4:5",
            "duplicate claim id `a`",
        ),
        (
            "expect.yaml",
            "claims:\n  - id: a\n    claim: x\n    expect: maybe\n",
            "expect.yaml:4:",
            "unknown variant `maybe`",
        ),
        (
            "missing.yaml",
            "claims:\n  - id: a\n",
            "missing.yaml:2:",
            "missing field `claim`",
        ),
    ];
    for (name, text, location, message) in cases {
        let path = dir.path().join(name);
        fs::write(&path, text).unwrap();
        let r = claimdiff(
            &["check", "--claims", path.to_str().unwrap()],
            Some(dir.path()),
        );
        assert_eq!(r.code, 2, "{name}");
        assert!(r.stderr.contains(location), "{name}: {}", r.stderr);
        assert!(r.stderr.contains(message), "{name}: {}", r.stderr);
    }
}

#[test]
fn a_claims_folder_is_read_and_ids_are_unique_across_files() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a.yaml"),
        "claims:\n  - id: one\n    claim: Russia has four fighter jets in Syria.\n",
    )
    .unwrap();
    fs::write(
        dir.path().join("b.yml"),
        "claims:\n  - id: two\n    claim: Russia has twelve fighter jets in Syria.\n",
    )
    .unwrap();
    let r = claimdiff(
        &[
            "check",
            "--claims",
            dir.path().to_str().unwrap(),
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc = json(&r.stdout);
    assert_eq!(claim(&doc, "one")["verdict"], "supported");
    assert_eq!(claim(&doc, "two")["verdict"], "contradicted");
    fs::write(
        dir.path().join("c.yaml"),
        "claims:\n  - id: one\n    claim: again\n",
    )
    .unwrap();
    let r = claimdiff(&["check", "--claims", dir.path().to_str().unwrap()], None);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("duplicate claim id `one`"),
        "{}",
        r.stderr
    );
}

/// The story claims (tests/fixtures/claims/<story>.yaml) that the checker gets wrong
/// today (measured for issue 9): their `expect` is a careful reader's verdict, not
/// the checker's, so they are left out of the per-claim assertion below.
const STORY_CLAIMS_WRONG_TODAY: &[&str] = &[
    "ferry-185-rescued", // "190 survivors were rescued" not matched to "pulled 185 people"
    "ferry-about-30-missing", // the headline's 'dozens' supports; 'About 35' is not weighed
    "ferry-ceo-age-47",  // "is 47" read as a count, the sources' ", 47," as an age
    "ferry-2009-200-drowned", // 'at least 20' (another fact) supports; '160 ... drowned' unmatched
    "floods-at-least-20-dead", // Monday's earlier toll of 12 counted as contradicting
    "quake-magnitude-7-2", // a different magnitude is not matched to the quake's 6.8
    "quake-2-march",     // a different date is not matched to 'struck ... on March 1'
    "quake-schools-20-march", // a claim has no publication date: '20 March' stays unresolved
    "runoff-turnout-about-70", // a different percentage is not matched to 'Turnout was 61%'
    "runoff-office-july-1", // unresolved claim date
    "runoff-first-round-may-19", // unresolved claim date
    "storm-elna-31-dead", // the winter's toll of 31 taken for Storm Elna's
    "storm-third-this-winter", // ordinals are not figures
    "strike-holt-age-52", // "is 52" read as a count
    "strike-holt-said-talks", // reported speech, no quotation marks: not a quotation
    "strike-brandt-said-talks", // reported speech, no quotation marks: not a quotation
];

#[test]
fn story_claims_keep_the_verdicts_they_get_right() {
    let stories = ["ferry", "floods", "quake", "runoff", "storm", "strike"];
    let (mut right, mut total) = (0, 0);
    for story in stories {
        let claims = root().join(format!("tests/fixtures/claims/{story}.yaml"));
        let corpus = root().join(format!("tests/fixtures/stories/{story}"));
        let r = claimdiff(
            &[
                "check",
                "-q",
                "--format",
                "json",
                "--claims",
                claims.to_str().unwrap(),
                corpus.to_str().unwrap(),
            ],
            None,
        );
        assert_eq!(r.code, 0, "{story}: {}", r.stderr);
        for c in json(&r.stdout)["claims"].as_array().expect("claims array") {
            let id = c["id"].as_str().expect("an id");
            total += 1;
            if c["verdict"] == c["expect"] {
                right += 1;
            } else {
                assert!(
                    STORY_CLAIMS_WRONG_TODAY.contains(&id),
                    "{story}: {id} was given right before and is now {} (expected {}): {c:#}",
                    c["verdict"],
                    c["expect"]
                );
            }
        }
    }
    assert_eq!(total, 72, "the story claims files changed");
    assert!(
        right >= total - STORY_CLAIMS_WRONG_TODAY.len(),
        "{right} of {total} story claims given their expected verdict"
    );
}

//! `claimdiff ci` end to end in a temporary folder: the baseline created, a new
//! source that brings a discrepancy (exit 1, with the line to annotate), the
//! baseline updated (exit 0), a source removed (a stale entry), `--prune`; `CI`
//! blocking writes; bad baselines; and the github, junit and sarif outputs.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::util::{Run, json, root};

/// `claimdiff` with `args` in `dir`, with `CI`, `GITHUB_WORKSPACE` and
/// `NO_COLOR` unset.
pub(crate) fn command(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimdiff"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("CI")
        .env_remove("GITHUB_WORKSPACE")
        .env_remove("NO_COLOR");
    cmd
}

/// Runs `claimdiff` in `dir`, with `CI` set to `ci` or unset.
fn run(dir: &Path, args: &[&str], ci: Option<&str>) -> Run {
    let mut cmd = command(dir, args);
    if let Some(v) = ci {
        cmd.env("CI", v);
    }
    let out = cmd.output().expect("the binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// `claimdiff ci --baseline ci/baseline.yaml corpus` with more arguments.
fn ci(dir: &Path, more: &[&str]) -> Run {
    let mut args = vec!["ci", "--baseline", "ci/baseline.yaml", "corpus"];
    args.extend_from_slice(more);
    run(dir, &args, None)
}

/// A scratch repository with `corpus/` holding the given fixtures of
/// `tests/fixtures/ci` and an empty `ci/` folder for the baseline.
fn scratch(names: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::create_dir(dir.path().join("corpus")).unwrap();
    fs::create_dir(dir.path().join("ci")).unwrap();
    for name in names {
        add(dir.path(), name);
    }
    dir
}

/// Copies the fixture `name` of `tests/fixtures/ci` into `dir/corpus`.
pub(crate) fn add(dir: &Path, name: &str) {
    fs::copy(
        root().join("tests/fixtures/ci").join(name),
        dir.join("corpus").join(name),
    )
    .expect("fixture copies");
}

/// The 1-based line of the first occurrence of `needle` in a fixture.
fn line_of(name: &str, needle: &str) -> usize {
    let text = fs::read_to_string(root().join("tests/fixtures/ci").join(name)).unwrap();
    let at = text.find(needle).expect("needle in fixture");
    text[..at].matches('\n').count() + 1
}

fn baseline_text(dir: &Path) -> String {
    fs::read_to_string(dir.join("ci/baseline.yaml")).expect("baseline written")
}

#[test]
fn baseline_new_source_update_removal_and_prune() {
    let dir = scratch(&["harbor-daily.txt", "coast-herald.txt", "valley-news.txt"]);
    let d = dir.path();

    // No baseline yet: an input error that says how to create one.
    let r = ci(d, &[]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("--update"), "{}", r.stderr);

    // Created: the toll discrepancy is in it, with every source's hash.
    let r = ci(d, &["--update"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("1 added"), "{}", r.stderr);
    let text = baseline_text(d);
    assert!(text.starts_with("# claimdiff CI baseline"), "{text}");
    for s in ["harbor-daily", "coast-herald", "valley-news"] {
        assert!(
            text.contains(&format!("  {s}:\n    path: corpus/{s}.txt\n")),
            "{text}"
        );
    }
    assert!(text.contains("status: accepted"), "{text}");

    // A reviewer's note and status survive what follows.
    let noted = text.replacen(
        "status: accepted",
        "status: ignored\n  note: the herald counts a worker missing as dead",
        1,
    );
    fs::write(d.join("ci/baseline.yaml"), &noted).unwrap();
    let r = ci(d, &[]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.starts_with("claimdiff ci: passed"), "{}", r.stdout);

    // A new source brings a discrepancy (the director's age): exit 1, the
    // discrepancy and the source that brought it, at the line of its figure.
    add(d, "river-post.txt");
    let r = ci(d, &["--format", "json"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let doc = json(&r.stdout);
    assert_eq!(doc["passed"], false);
    let new = doc["new"].as_array().unwrap();
    assert_eq!(new.len(), 1, "{doc:#}");
    let n = &new[0];
    assert_eq!(n["finding"]["kind"], "age");
    assert_eq!(n["brought_by"][0]["source"], "river-post");
    assert_eq!(n["brought_by"][0]["change"], "new");
    assert_eq!(n["location"]["file"], "corpus/river-post.txt");
    let line = line_of("river-post.txt", "Ferrand, 62");
    assert_eq!(n["location"]["line"], line);
    assert_eq!(n["value"]["text"], "62");
    assert_eq!(doc["sources"]["added"][0], "river-post");
    // The toll is the reviewed disagreement, repeated by the new source.
    let known = doc["known"].as_array().unwrap();
    assert_eq!(known.len(), 1, "{doc:#}");
    assert_eq!(known[0]["status"], "ignored");
    assert_eq!(known[0]["joined"][0], "river-post");
    let id = n["finding"]["id"].as_str().unwrap().to_string();

    // The table for people says the same.
    let r = ci(d, &[]);
    assert_eq!(r.code, 1);
    assert!(r.stdout.starts_with("claimdiff ci: FAILED"), "{}", r.stdout);
    assert!(r.stdout.contains(&id), "{}", r.stdout);
    assert!(
        r.stdout.contains(&format!(
            "brought by river-post (new source), at corpus/river-post.txt:{line}:"
        )),
        "{}",
        r.stdout
    );

    // In CI the baseline cannot be written, and is left as it was.
    let before = baseline_text(d);
    let r = run(
        d,
        &["ci", "--baseline", "ci/baseline.yaml", "corpus", "--update"],
        Some("true"),
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.contains("CI is set"), "{}", r.stderr);
    assert_eq!(baseline_text(d), before);
    let r = run(
        d,
        &["ci", "--baseline", "ci/baseline.yaml", "corpus", "--prune"],
        Some("1"),
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert_eq!(baseline_text(d), before);

    // Updated: exit 0; the note and status of the reviewed entry are kept.
    let r = ci(d, &["--update"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let text = baseline_text(d);
    assert!(
        text.contains(&format!("- id: {id}\n  status: accepted\n")),
        "{text}"
    );
    assert!(
        text.contains("status: ignored\n  note: the herald counts a worker missing as dead\n"),
        "{text}"
    );
    assert!(
        text.contains("  river-post:\n    path: corpus/river-post.txt\n"),
        "{text}"
    );
    let r = ci(d, &[]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);

    // A source removed: its discrepancy is stale, reported as information.
    fs::remove_file(d.join("corpus/river-post.txt")).unwrap();
    let r = ci(d, &["--format", "json"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let doc = json(&r.stdout);
    let stale = doc["stale"].as_array().unwrap();
    assert_eq!(stale.len(), 1, "{doc:#}");
    assert_eq!(stale[0]["entry"]["id"], id.as_str());
    assert_eq!(stale[0]["removed_sources"][0], "river-post");
    assert_eq!(doc["sources"]["removed"][0], "river-post");
    let r = ci(d, &[]);
    assert!(r.stdout.contains("STALE"), "{}", r.stdout);
    assert!(r.stdout.contains(&id), "{}", r.stdout);

    // Pruned: the stale entry and the removed source's record are gone.
    let r = ci(d, &["--prune"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    let text = baseline_text(d);
    assert!(!text.contains(&id), "{text}");
    assert!(!text.contains("river-post:"), "{text}");
    assert!(
        text.contains("the herald counts a worker missing as dead"),
        "{text}"
    );
    let r = ci(d, &["--format", "json"]);
    assert_eq!(r.code, 0);
    assert!(json(&r.stdout)["stale"].as_array().unwrap().is_empty());
}

/// A scratch repository whose baseline was written before `river-post` came.
fn with_new_source() -> tempfile::TempDir {
    let dir = scratch(&["harbor-daily.txt", "coast-herald.txt"]);
    let r = ci(dir.path(), &["--update", "--quiet"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    add(dir.path(), "river-post.txt");
    dir
}

#[test]
fn github_annotations_point_at_the_new_sources_line() {
    let dir = with_new_source();
    let r = ci(dir.path(), &["--format", "github"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let line = line_of("river-post.txt", "Ferrand, 62");
    let errors: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.starts_with("::error "))
        .collect();
    assert_eq!(errors.len(), 1, "{}", r.stdout);
    let e = errors[0];
    assert!(
        e.starts_with(&format!(
            "::error file=corpus/river-post.txt,line={line},col="
        )),
        "{e}"
    );
    // Properties escape ':' and ','; the message follows the second '::'.
    let (props, message) = e["::error ".len()..].split_once("::").expect("a message");
    assert!(
        props.contains(",title=claimdiff%3A new discrepancy"),
        "{props}"
    );
    assert!(message.contains("river-post '62'"), "{message}");
    assert!(
        message.contains("brought by river-post (new source)"),
        "{message}"
    );
    assert!(
        r.stdout
            .lines()
            .last()
            .unwrap()
            .starts_with("claimdiff ci: FAILED")
    );
}

#[test]
fn github_notices_stale_entries_at_their_baseline_line() {
    let dir = with_new_source();
    let d = dir.path();
    assert_eq!(ci(d, &["--update", "-q"]).code, 0);
    fs::remove_file(d.join("corpus/river-post.txt")).unwrap();
    let r = ci(d, &["--format", "github"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let notice = r
        .stdout
        .lines()
        .find(|l| l.starts_with("::notice "))
        .unwrap_or_else(|| panic!("no notice: {}", r.stdout));
    let text = baseline_text(d);
    let id = notice
        .split("Baseline entry ")
        .nth(1)
        .unwrap()
        .split(' ')
        .next()
        .unwrap();
    let line = text
        .lines()
        .position(|l| l == format!("- id: {id}"))
        .expect("the entry is in the baseline")
        + 1;
    assert!(
        notice.starts_with(&format!("::notice file=ci/baseline.yaml,line={line},")),
        "{notice}"
    );
}

#[test]
fn junit_has_one_case_per_discrepancy_failed_when_new() {
    let dir = with_new_source();
    let r = ci(dir.path(), &["--format", "junit"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let x = &r.stdout;
    assert!(
        x.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites "),
        "{x}"
    );
    assert!(x.trim_end().ends_with("</testsuites>"), "{x}");
    // One new (failed) and one known (passed) discrepancy.
    assert!(x.contains("tests=\"2\" failures=\"1\""), "{x}");
    assert_eq!(x.matches("<testcase ").count(), 2, "{x}");
    assert_eq!(x.matches("</testcase>").count(), 2, "{x}");
    assert_eq!(x.matches("<failure ").count(), 1, "{x}");
    let line = line_of("river-post.txt", "Ferrand, 62");
    assert!(
        x.contains(&format!("file=\"corpus/river-post.txt\" line=\"{line}\"")),
        "{x}"
    );
    // Nothing that would break the XML.
    let body = x
        .replace("&amp;", "")
        .replace("&quot;", "")
        .replace("&lt;", "")
        .replace("&gt;", "");
    assert!(!body.contains('&'), "{x}");
}

#[test]
fn sarif_has_the_fields_its_schema_requires() {
    let dir = with_new_source();
    let r = ci(dir.path(), &["--format", "sarif"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let log = json(&r.stdout);
    // sarifLog: version and runs are required.
    assert_eq!(log["version"], "2.1.0");
    assert!(log["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let runs = log["runs"].as_array().expect("runs");
    assert_eq!(runs.len(), 1);
    // run: tool is required; tool: driver; toolComponent: name.
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "claimdiff");
    let rules = driver["rules"].as_array().unwrap();
    let rule_ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    // result: message is required (text or id); one result per new discrepancy.
    let results = runs[0]["results"].as_array().expect("results");
    assert_eq!(results.len(), 1, "{log:#}");
    let line = line_of("river-post.txt", "Ferrand, 62");
    for res in results {
        assert!(!res["message"]["text"].as_str().unwrap().is_empty());
        assert!(rule_ids.contains(&res["ruleId"].as_str().unwrap()));
        assert!(["none", "note", "warning", "error"].contains(&res["level"].as_str().unwrap()));
        let loc = &res["locations"][0]["physicalLocation"];
        // physicalLocation needs an artifactLocation (or an address).
        assert_eq!(loc["artifactLocation"]["uri"], "corpus/river-post.txt");
        let region = &loc["region"];
        assert_eq!(region["startLine"], line);
        for k in ["startLine", "startColumn", "endLine", "endColumn"] {
            assert!(region[k].as_u64().unwrap() >= 1, "{k}: {region}");
        }
        assert!(region["endColumn"].as_u64() > region["startColumn"].as_u64());
        assert!(region["snippet"]["text"].as_str().unwrap().contains("62"));
        // relatedLocations ids are unique non-negative integers.
        let related = res["relatedLocations"].as_array().unwrap();
        let ids: std::collections::BTreeSet<u64> =
            related.iter().map(|l| l["id"].as_u64().unwrap()).collect();
        assert_eq!(ids.len(), related.len());
        for l in related {
            let uri = l["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap();
            assert!(uri.starts_with("corpus/"), "{uri}");
        }
        assert!(res["partialFingerprints"].as_object().unwrap().len() == 1);
    }
}

#[test]
fn a_bad_baseline_names_the_file_and_line() {
    let dir = scratch(&["harbor-daily.txt", "coast-herald.txt"]);
    let d = dir.path();
    assert_eq!(ci(d, &["--update", "-q"]).code, 0);
    let text = baseline_text(d).replacen("status: accepted", "status: reviewed", 1);
    let line = text
        .lines()
        .position(|l| l.contains("status: reviewed"))
        .unwrap()
        + 1;
    fs::write(d.join("ci/baseline.yaml"), &text).unwrap();
    let r = ci(d, &[]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!("ci/baseline.yaml:{line}:")),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty());

    fs::write(d.join("ci/baseline.yaml"), "version: 1\ndiscrepancies: [\n").unwrap();
    let r = ci(d, &[]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("ci/baseline.yaml:"), "{}", r.stderr);
}

#[test]
fn ci_rejects_report_formats_and_never_writes_into_the_corpus() {
    let dir = with_new_source();
    let d = dir.path();
    let r = ci(d, &["--format", "csv"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("github"), "{}", r.stderr);
    // Other commands do not print CI formats.
    let r = run(d, &["report", "corpus", "--format", "sarif"], None);
    assert_eq!(r.code, 2);
    let before: Vec<_> = fs::read_dir(d.join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(ci(d, &["--update", "-q"]).code, 0);
    let after: Vec<_> = fs::read_dir(d.join("corpus"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(before.len(), after.len());
    // No temporary file is left beside the baseline; the analysis cache is
    // there by design.
    let mut names: Vec<String> = fs::read_dir(d.join("ci"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, vec![".claimdiff-cache", "baseline.yaml"]);
}

#[test]
fn html_sources_are_annotated_at_the_line_of_the_page() {
    let dir = scratch(&["harbor-daily.txt", "coast-herald.txt"]);
    let d = dir.path();
    assert_eq!(ci(d, &["--update", "-q"]).code, 0);
    let page = "<!doctype html>\n<html><head><title>Lenbrook</title></head>\n<body>\n<nav>Home | News</nav>\n<article>\n<p>Published: 5 March 2024</p>\n<h1>Lenbrook docks to reopen after deadly fire</h1>\n<p>The Lenbrook docks will reopen on Tuesday after a fire killed 7 workers\nin a timber warehouse, the port said.</p>\n<p>Harbour director Tomas Ferrand,\n<b>62</b>, said an inquiry would begin next week.</p>\n</article>\n</body></html>\n";
    fs::write(d.join("corpus/river-page.html"), page).unwrap();
    let r = ci(d, &["--format", "json"]);
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let doc = json(&r.stdout);
    let loc = &doc["new"][0]["location"];
    assert_eq!(loc["file"], "corpus/river-page.html");
    assert_eq!(loc["line"], 11, "{doc:#}");
    assert_eq!(loc["column"], 4, "{doc:#}");
}

#[test]
fn update_is_refused_when_a_source_could_not_be_read() {
    let dir = scratch(&["harbor-daily.txt", "coast-herald.txt"]);
    let d = dir.path();
    assert_eq!(ci(d, &["--update", "-q"]).code, 0);
    let before = baseline_text(d);
    // A malformed manifest is an input error: a baseline written now could
    // record the corpus wrongly, so it is not written.
    fs::write(d.join("corpus/sources.yaml"), "harbor-daily.txt: [\n").unwrap();
    let r = ci(d, &["--update"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(
        r.stderr.contains("not writing the baseline"),
        "{}",
        r.stderr
    );
    assert_eq!(baseline_text(d), before);
    // A check still runs and exits 2 for the input error.
    let r = ci(d, &[]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stdout.starts_with("claimdiff ci: passed"), "{}", r.stdout);
}

/// Claims about the fire fixtures: two with an `expect` the two first sources
/// meet, and one without `expect` (which never fails CI).
const CLAIMS: &str = "claims:
  - id: crews
    claim: About 60 firefighters fought the fire at the Lenbrook docks.
    expect: supported
  - id: reopening
    claim: The docks will reopen on Tuesday.
  - id: dead
    claim: The fire killed 7 workers.
    expect: mixed
";

/// A claim the sources contradict (they count some 60 firefighters), written as
/// if they supported it.
const WRONG: &str = "  - id: crew-size
    claim: Some 90 firefighters battled the warehouse blaze.
    expect: supported
";

/// A scratch repository with a baseline of the two first sources and
/// `claims/fire.yaml` holding `claims`.
fn with_claims(claims: &str) -> tempfile::TempDir {
    let dir = scratch(&["harbor-daily.txt", "coast-herald.txt"]);
    let d = dir.path();
    assert_eq!(ci(d, &["--update", "-q"]).code, 0);
    fs::create_dir(d.join("claims")).unwrap();
    fs::write(d.join("claims/fire.yaml"), claims).unwrap();
    dir
}

#[test]
fn claims_that_meet_their_expect_pass() {
    let dir = with_claims(CLAIMS);
    let d = dir.path();
    // A folder of claims files.
    let r = ci(d, &["--claims", "claims"]);
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.starts_with("claimdiff ci: passed"), "{}", r.stdout);
    assert!(
        r.stdout.contains("0 claim regressions of 2 expected"),
        "{}",
        r.stdout
    );
    let r = ci(d, &["--claims", "claims/fire.yaml", "--format", "json"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let doc = json(&r.stdout);
    assert_eq!(doc["passed"], true);
    assert_eq!(doc["claims_checked"], 3);
    assert!(doc["claim_regressions"].as_array().unwrap().is_empty());
    let met: Vec<&str> = doc["claims_as_expected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(met, vec!["crews", "dead"], "{doc:#}");
    // Without --claims nothing about claims is printed.
    let r = ci(d, &[]);
    assert!(!r.stdout.contains("claim regression"), "{}", r.stdout);
    assert!(!r.stdout.contains("CLAIMS"), "{}", r.stdout);
}

#[test]
fn a_claim_that_misses_its_expect_fails_at_its_line() {
    let text = format!("{CLAIMS}{WRONG}");
    let line = text.lines().position(|l| l == "  - id: crew-size").unwrap() + 1;
    let dir = with_claims(&text);
    let d = dir.path();
    let claims = ["--claims", "claims/fire.yaml"];

    let r = ci(d, &[&claims[..], &["--format", "github"]].concat());
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    let errors: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.starts_with("::error "))
        .collect();
    assert_eq!(errors.len(), 1, "{}", r.stdout);
    let prefix = format!(
        "::error file=claims/fire.yaml,line={line},title=claim crew-size::expected supported, got contradicted: "
    );
    assert!(errors[0].starts_with(&prefix), "{}", errors[0]);
    assert!(errors[0].contains("coast-herald"), "{}", errors[0]);
    assert!(
        r.stdout
            .lines()
            .last()
            .unwrap()
            .starts_with("claimdiff ci: FAILED"),
        "{}",
        r.stdout
    );

    // The table and JSON list the regression with its place and evidence.
    let r = ci(d, &claims);
    assert_eq!(r.code, 1);
    assert!(r.stdout.contains("CLAIM REGRESSIONS"), "{}", r.stdout);
    assert!(
        r.stdout.contains(&format!(
            "crew-size: expected supported, got contradicted (at claims/fire.yaml:{line})"
        )),
        "{}",
        r.stdout
    );
    let r = ci(d, &[&claims[..], &["--format", "json"]].concat());
    assert_eq!(r.code, 1);
    let doc = json(&r.stdout);
    assert_eq!(doc["passed"], false);
    assert!(doc["new"].as_array().unwrap().is_empty());
    let reg = &doc["claim_regressions"][0];
    assert_eq!(reg["id"], "crew-size");
    assert_eq!(reg["file"], "claims/fire.yaml");
    assert_eq!(reg["line"], line);
    assert_eq!(reg["expect"], "supported");
    assert_eq!(reg["verdict"], "contradicted");
    assert!(!reg["reason"].as_str().unwrap().is_empty());
    assert!(
        reg["evidence"][0]["sentence"]
            .as_str()
            .unwrap()
            .contains("60 firefighters"),
        "{doc:#}"
    );

    // JUnit: one case per claim with an expect, the regression failed.
    let r = ci(d, &[&claims[..], &["--format", "junit"]].concat());
    assert_eq!(r.code, 1);
    let x = &r.stdout;
    assert!(x.contains("tests=\"4\" failures=\"1\""), "{x}");
    assert_eq!(
        x.matches("classname=\"claimdiff.claims\"").count(),
        3,
        "{x}"
    );
    assert!(
        x.contains(&format!(
            "name=\"claim crew-size\" file=\"claims/fire.yaml\" line=\"{line}\">\n      <failure type=\"claim-verdict\""
        )),
        "{x}"
    );
    assert!(!x.contains("claim reopening"), "{x}");

    // SARIF: a second rule, a result located in the claims file.
    let r = ci(d, &[&claims[..], &["--format", "sarif"]].concat());
    assert_eq!(r.code, 1);
    let log = json(&r.stdout);
    let run = &log["runs"][0];
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        rules,
        vec!["claimdiff/new-discrepancy", "claimdiff/claim-verdict"]
    );
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{log:#}");
    let res = &results[0];
    assert_eq!(res["ruleId"], "claimdiff/claim-verdict");
    assert_eq!(res["ruleIndex"], 1);
    let loc = &res["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "claims/fire.yaml");
    assert_eq!(loc["region"]["startLine"], line);
    assert!(
        res["message"]["text"]
            .as_str()
            .unwrap()
            .contains("expected supported, got contradicted")
    );

    // `--update` writes the baseline but leaves claims alone: still a failure.
    let r = ci(d, &[&claims[..], &["--update", "-q"]].concat());
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        fs::read_to_string(d.join("claims/fire.yaml")).unwrap(),
        text
    );
}

#[test]
fn a_bad_claims_file_is_an_input_error_at_its_line() {
    let text = CLAIMS.replacen("expect: mixed", "expect: partly", 1);
    let line = text
        .lines()
        .position(|l| l.contains("expect: partly"))
        .unwrap()
        + 1;
    let dir = with_claims(&text);
    let d = dir.path();
    let r = ci(d, &["--claims", "claims/fire.yaml"]);
    assert_eq!(r.code, 2, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains(&format!("claims/fire.yaml:{line}:")),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty(), "{}", r.stdout);
    // A missing claims file too.
    let r = ci(d, &["--claims", "claims/none.yaml"]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("claims/none.yaml"), "{}", r.stderr);
}

//! The command line people expect: options before or after the command, standard
//! input as a source, formats per command in `--help`, "did you mean", shell
//! completions and a man page, tables that fit a width, sources named by outlet.

use std::fs;
use std::path::Path;

use assert_cmd::Command;

use crate::util::json;

/// The binary in `dir`, with standard input empty unless a test writes to it.
fn cmd(dir: &Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_claimdiff"));
    c.current_dir(dir)
        .env_remove("NO_COLOR")
        .env_remove("COLUMNS");
    c
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8")
}

/// How many sources a `{"sources": [...]}` output holds.
fn source_count(stdout: &[u8]) -> usize {
    json(&text(stdout))["sources"].as_array().unwrap().len()
}

/// Two articles of one outlet and one of another, with a passage reused across
/// all three and a figure they disagree on.
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let c = dir.path().join("corpus");
    fs::create_dir(&c).unwrap();
    let shared = "The harbour authority said the new pier will open to ferries in the spring. \
                  Engineers spent two winters driving piles into the soft clay of the bay. \
                  The mayor called the pier the largest public work in the town's history.";
    fs::write(
        c.join("01_morning.txt"),
        format!("Pier nears completion\n\n{shared} The pier cost 12 million dollars to build.\n"),
    )
    .unwrap();
    fs::write(
        c.join("02_evening.txt"),
        format!("Pier opens in spring\n\n{shared} Crowds gathered on the quay at dusk.\n"),
    )
    .unwrap();
    fs::write(
        c.join("herald.txt"),
        format!("A pier for the bay\n\n{shared} The pier cost 15 million dollars to build.\n"),
    )
    .unwrap();
    fs::write(
        c.join("sources.yaml"),
        "01_morning.txt:\n  outlet: Daily Post\n02_evening.txt:\n  outlet: Daily Post\nherald.txt:\n  outlet: The Herald\n",
    )
    .unwrap();
    dir
}

#[test]
fn options_before_the_command_apply_to_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = cmd(dir.path())
        .args(["--format", "json", "-q", "figures"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc = json(&text(&out.stdout));
    assert!(!doc["figures"].as_array().unwrap().is_empty());
    // The same command with the options after its name prints the same.
    let after = cmd(dir.path())
        .args(["figures", "--format=json", "-q"])
        .output()
        .unwrap();
    assert_eq!(out.stdout, after.stdout);
    let out = cmd(dir.path())
        .args(["-q", "help", "figures"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Usage: claimdiff figures"));
    // A value that looks like a command stays a value.
    let out = cmd(dir.path())
        .args(["--out", "report", "sources", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let written = fs::read_to_string(dir.path().join("report")).unwrap();
    assert_eq!(json(&written)["sources"].as_array().unwrap().len(), 5);
    // The default command still takes paths and its own options.
    let c = corpus();
    let out = cmd(c.path())
        .args(["--format", "json", "corpus"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(source_count(&out.stdout), 3);
    // An option of another command is refused once moved after the command.
    let out = cmd(c.path())
        .args(["--explain", "figures", "corpus"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--explain"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn help_lists_only_the_formats_of_its_command_and_clap_refuses_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let help = |command: &str| {
        let out = cmd(dir.path()).args([command, "--help"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        let t = text(&out.stdout);
        let start = t.find("--format").expect("--format in help");
        let end = t[start..].find("[default").map_or(t.len(), |e| start + e);
        t[start..end].to_string()
    };
    let figures = help("figures");
    for f in ["table", "json", "csv"] {
        assert!(figures.contains(&format!("- {f}:")), "{figures}");
    }
    for f in ["markdown", "jsonl", "github", "sarif", "claimreview"] {
        assert!(!figures.contains(&format!("- {f}:")), "{f} in {figures}");
    }
    assert!(help("sentences").contains("- jsonl:"));
    assert!(!help("sentences").contains("- json:"));
    assert!(help("ci").contains("- sarif:"));
    assert!(help("check").contains("- claimreview:"));
    assert!(!help("report").contains("- claimreview:"));

    let out = cmd(dir.path())
        .args(["figures", "--format", "markdown"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("invalid value 'markdown'"), "{err}");
    assert!(err.contains("[possible values: table, json, csv]"), "{err}");
    // Before the command too.
    let out = cmd(dir.path())
        .args(["--format", "sarif", "sources"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("[possible values: table, json]"));
}

#[test]
fn a_mistyped_command_gets_a_suggestion_but_a_real_path_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let out = cmd(dir.path()).arg("reprot").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("unknown command 'reprot'; did you mean 'report'?"),
        "{err}"
    );
    assert!(!err.contains("cannot read"), "{err}");
    let out = cmd(dir.path()).args(["-q", "sentneces"]).output().unwrap();
    assert!(text(&out.stderr).contains("did you mean 'sentences'?"));
    // Far from every command: an unreadable path, as before.
    let out = cmd(dir.path()).arg("harbour").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("harbour") && !err.contains("did you mean"),
        "{err}"
    );
    // A folder that exists under that name is read as a path.
    let c = corpus();
    fs::rename(c.path().join("corpus"), c.path().join("reprot")).unwrap();
    let out = cmd(c.path())
        .args(["reprot", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(source_count(&out.stdout), 3);
}

#[test]
fn standard_input_is_one_source_and_no_input_means_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let article = "The ferry carried 120 passengers on Monday. The crossing took 40 minutes.\n";
    let out = cmd(dir.path())
        .args(["sources", "--format", "json"])
        .write_stdin(article)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let doc = json(&text(&out.stdout));
    let sources = doc["sources"].as_array().unwrap();
    assert_eq!(sources.len(), 1, "{doc}");
    assert_eq!(sources[0]["id"], "stdin");
    assert_eq!(sources[0]["path"], "<stdin>");
    assert!(!text(&out.stderr).contains("sample"));

    // `-` among paths: standard input and the files.
    let c = corpus();
    let out = cmd(c.path())
        .args(["figures", "--format", "json", "-", "corpus/herald.txt"])
        .write_stdin(article)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let figures = json(&text(&out.stdout));
    let from = |id: &str| {
        figures["figures"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["source"] == id)
            .count()
    };
    assert!(from("stdin") >= 2 && from("herald") >= 1, "{figures}");

    // An HTML page on standard input is read for its visible text.
    let page = "<!DOCTYPE html><html><body><nav>Home</nav><p>The ferry carried 120 passengers.</p></body></html>";
    let out = cmd(dir.path())
        .args(["sentences", "--format", "jsonl"])
        .write_stdin(page)
        .output()
        .unwrap();
    assert!(text(&out.stdout).contains("The ferry carried 120 passengers."));
    assert!(!text(&out.stdout).contains("<p>"));

    // Nothing on standard input (empty, or not written at all): the sample.
    for input in [Some(""), None] {
        let mut c = cmd(dir.path());
        c.args(["sources", "--format", "json"]);
        if let Some(i) = input {
            c.write_stdin(i);
        }
        let out = c.output().unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert!(text(&out.stderr).contains("sample corpus"));
        assert_eq!(source_count(&out.stdout), 5);
    }

    // `-` with an empty standard input: a warning naming it, no sources.
    let out = cmd(dir.path())
        .args(["sources", "-"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("<stdin>: skipped: empty file"));

    // Text on standard input is not the sample: the sample claims are not used.
    let out = cmd(dir.path())
        .arg("check")
        .write_stdin(article)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no claims to check"));
    let out = cmd(dir.path())
        .args([
            "check",
            "--format",
            "json",
            "--claim",
            "The ferry carried 120 passengers.",
        ])
        .write_stdin(article)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("\"stdin\""));
}

#[test]
fn completions_for_each_shell_and_a_man_page() {
    let dir = tempfile::tempdir().unwrap();
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let out = cmd(dir.path())
            .args(["completions", shell])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = text(&out.stdout);
        assert!(script.contains("claimdiff"), "{shell}");
        assert!(script.contains("sentences"), "{shell}: commands completed");
    }
    let out = cmd(dir.path())
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = cmd(dir.path()).arg("man").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let page = text(&out.stdout);
    assert!(page.contains(".TH claimdiff 1"), "{page}");
    assert!(
        page.contains(".SH SUBCOMMANDS") || page.contains("completions"),
        "{page}"
    );
}

#[test]
fn tables_fit_the_width_and_are_fixed_in_pipes() {
    let dir = tempfile::tempdir().unwrap();
    let widest = |args: &[&str], columns: Option<&str>| {
        let mut c = cmd(dir.path());
        c.args(args);
        if let Some(v) = columns {
            c.env("COLUMNS", v);
        }
        let out = c.output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let t = text(&out.stdout);
        (t.lines().map(|l| l.chars().count()).max().unwrap(), t)
    };
    let (w, _) = widest(&["-q", "--width", "60", "sources"], None);
    assert!(w <= 60 && w > 40, "{w}");
    // Every table of the report, and its warnings, fit.
    let (_, report) = widest(&["--width", "70", "-q"], None);
    let table_rows: Vec<&str> = report
        .lines()
        .filter(|l| l.starts_with(['│', '┌', '└', '╞', '-', ' ']))
        .collect();
    assert!(table_rows.len() > 20);
    for row in table_rows {
        assert!(row.chars().count() <= 70, "{row}");
    }
    let (w, piped) = widest(&["-q", "sources"], None);
    assert_eq!(w, 100, "the documented default of 100 columns");
    // COLUMNS is for terminals: output in a pipe does not depend on it.
    let (_, with_columns) = widest(&["-q", "sources"], Some("50"));
    assert_eq!(piped, with_columns);
    let out = cmd(dir.path())
        .args(["--width", "5", "sources"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn sources_are_named_by_outlet_in_tables_and_markdown_and_by_id_in_json() {
    let c = corpus();
    let run = |args: &[&str]| {
        let out = cmd(c.path()).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    let table = run(&["-q", "align", "corpus", "--width", "160"]);
    for name in ["Daily Post (01)", "Daily Post (02)", "The Herald"] {
        assert!(table.contains(name), "{name} in\n{table}");
    }
    let markdown = run(&["-q", "align", "corpus", "--format", "markdown"]);
    assert!(markdown.contains("Daily Post (02)"), "{markdown}");
    let report = run(&["-q", "corpus", "--width", "160"]);
    assert!(report.contains("The Herald"), "{report}");
    let figures = run(&["-q", "figures", "corpus", "--width", "160"]);
    assert!(figures.contains("Daily Post (01)"), "{figures}");
    let check = run(&[
        "-q",
        "check",
        "corpus",
        "--claim",
        "The pier cost 12 million dollars.",
    ]);
    assert!(check.contains("Daily Post (01)"), "{check}");
    let doc = json(&run(&["-q", "align", "corpus", "--format", "json"]));
    let ids: Vec<&str> = doc["passages"][0]["occurrences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["source"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"01_morning") && ids.contains(&"herald"),
        "{ids:?}"
    );
}

#[test]
fn no_progress_line_when_standard_error_is_not_a_terminal() {
    let c = corpus();
    let out = cmd(c.path()).arg("corpus").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = text(&out.stderr);
    assert!(!err.contains('\r') && !err.contains('\u{1b}'), "{err:?}");
}

//! The `claimdiff` binary: parses arguments, calls the library, prints, and maps
//! outcomes to exit codes (0 done, 1 findings the command was asked to fail on,
//! 2 usage or input error).

mod check;
mod ci;
mod cli;
mod input;
mod output;
mod status;

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::{CommandFactory, Parser};

use claimdiff::report::build::{ViewOptions, report_view};
use claimdiff::report::{self, Style};
use claimdiff::timing::timed;
use claimdiff::{Corpus, LoadOptions, Options, Severity, Stage};
use cli::{Cli, Command, Common, Format};
use input::Input;
use status::Status;

/// Exit code for usage and input errors.
const EXIT_INPUT: u8 = 2;

/// Table width when standard output is not a terminal (and `--width` is not
/// given): fixed, so that output in pipes and files is the same everywhere.
const DEFAULT_WIDTH: u16 = 100;

fn main() -> ExitCode {
    let cli = match Cli::try_parse_from(cli::reorder(std::env::args_os().collect())) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_INPUT } else { 0 };
            // Help and version go to stdout; a failure to print them is not an error.
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let show_progress = !cli.common.quiet && std::io::stderr().is_terminal();
    let status = Status::start(show_progress);
    let outcome = run(cli, &status);
    drop(status);
    match outcome {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("claimdiff: error: {e:#}");
            ExitCode::from(EXIT_INPUT)
        }
    }
}

/// A command with its own settings, once arguments are parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum View {
    Report {
        exclude_same_outlet: bool,
        explain: bool,
    },
    Align {
        exclude_same_outlet: bool,
    },
    Sources,
    Sentences,
    Figures,
}

fn run(cli: Cli, status: &Status) -> anyhow::Result<u8> {
    let common = cli.common;
    let report = |o: cli::ReportOptions| {
        (
            View::Report {
                exclude_same_outlet: o.exclude_same_outlet,
                explain: o.explain,
            },
            o.format,
        )
    };
    let ((view, format), paths) = match cli.command {
        Some(Command::Ci(a)) => return ci::run(a, &common, status),
        Some(Command::Check(a)) => return check::run(a, &common, status),
        Some(Command::Completions(a)) => {
            let mut script = Vec::new();
            clap_complete::generate(a.shell, &mut Cli::command(), "claimdiff", &mut script);
            output::emit(&String::from_utf8_lossy(&script), common.out.as_deref())?;
            return Ok(0);
        }
        Some(Command::Man) => {
            let mut page = Vec::new();
            clap_mangen::Man::new(Cli::command()).render(&mut page)?;
            output::emit(&String::from_utf8_lossy(&page), common.out.as_deref())?;
            return Ok(0);
        }
        Some(Command::Report(a)) => (report(a.options), a.paths),
        Some(Command::Align(a)) => (
            (
                View::Align {
                    exclude_same_outlet: a.exclude_same_outlet,
                },
                a.format,
            ),
            a.paths,
        ),
        Some(Command::Sources(a)) => ((View::Sources, a.format), a.paths),
        Some(Command::Sentences(a)) => ((View::Sentences, a.format), a.paths),
        Some(Command::Figures(a)) => ((View::Figures, a.format), a.paths),
        None => {
            if let Some(e) = mistyped_command(&cli.paths) {
                anyhow::bail!(e);
            }
            (report(cli.report), cli.paths)
        }
    };
    let input = Input::resolve(paths, common.max_file_bytes())?;
    let corpus = timed("load", || load(&input, &common, status))?;
    if corpus.sources.is_empty() {
        anyhow::bail!("no readable sources in the given paths");
    }
    let style = style(&common);
    let text = render(&corpus, view, format, &style, status);
    output::emit(&text, common.out.as_deref())?;
    Ok(if corpus.has_errors() { EXIT_INPUT } else { 0 })
}

/// "unknown command 'reprot'; did you mean 'report'?" when the first path does
/// not exist and is close to a command's name (a path that exists is a path).
fn mistyped_command(paths: &[std::path::PathBuf]) -> Option<String> {
    let first = paths.first()?;
    let word = first.to_str()?;
    if first.exists() || word.contains(['/', '\\', '.']) {
        return None;
    }
    let name = cli::suggest_command(word)?;
    Some(format!("unknown command '{word}'; did you mean '{name}'?"))
}

/// Runs what `view` needs of the pipeline and prints it in `format`.
fn render(corpus: &Corpus, view: View, format: Format, style: &Style, status: &Status) -> String {
    let progress = status.progress();
    match view {
        View::Report {
            exclude_same_outlet,
            explain,
        } => {
            let opts = Options {
                exclude_same_outlet,
                ..Options::default()
            };
            let analysis = claimdiff::analyze_with(corpus, &opts, progress);
            progress.set(Stage::Printing);
            let v = timed("report view", || {
                report_view(&analysis, ViewOptions { explain })
            });
            let _render = claimdiff::timing::Span::new("render");
            match format {
                Format::Json => report::json::report(&v),
                Format::Markdown => report::markdown::report(&v),
                Format::Csv => report::csv::report(&v),
                Format::Html => report::html::report(&v),
                _ => report::table::report(&v, style),
            }
        }
        View::Align {
            exclude_same_outlet,
        } => {
            let opts = Options {
                exclude_same_outlet,
                ..Options::default()
            };
            let analysis = claimdiff::analyze_with(corpus, &opts, progress);
            progress.set(Stage::Printing);
            let v = report_view(&analysis, ViewOptions::default());
            match format {
                Format::Json => report::json::align(&v),
                Format::Markdown => report::markdown::align(&v),
                _ => report::table::align(&v, style),
            }
        }
        View::Sources => {
            let docs = prepare(corpus, progress);
            let views = report::source_views(&docs);
            match format {
                Format::Json => report::json::sources(&views),
                _ => report::table::sources(&views, style),
            }
        }
        View::Sentences => {
            let docs = prepare(corpus, progress);
            let rows = report::sentence_views(&docs);
            match format {
                Format::Jsonl => report::json::sentences_jsonl(&rows),
                _ => report::table::sentences(&rows, &source_names(corpus), style),
            }
        }
        View::Figures => {
            let docs = prepare(corpus, progress);
            let figures = claimdiff::extract::figures_all(&docs);
            progress.set(Stage::Printing);
            let views = report::figure_views(&docs, &figures);
            match format {
                Format::Json => report::json::figures(&views),
                Format::Csv => report::csv::figures(&views),
                _ => report::table::figures(&views, &source_names(corpus), style),
            }
        }
    }
}

fn source_names(corpus: &Corpus) -> report::names::SourceNames {
    report::names::SourceNames::new(
        corpus
            .sources
            .iter()
            .map(|s| (s.id.as_str(), s.outlet.as_deref())),
    )
}

fn prepare<'a>(corpus: &'a Corpus, progress: &claimdiff::Progress) -> Vec<claimdiff::Document<'a>> {
    progress.set(Stage::Preparing {
        sources: corpus.sources.len(),
    });
    claimdiff::prepare(corpus)
}

/// Loads the corpus (or the embedded sample) and prints what went wrong on stderr.
/// Checks `--out` first, so that a run that could not write its output (a FIFO,
/// a read-only file, a path inside the corpus) stops before any work.
fn load(input: &Input, common: &Common, status: &Status) -> anyhow::Result<Corpus> {
    if let Some(out) = &common.out {
        output::check_out(out, input.paths())?;
    }
    let corpus = if input.is_sample() {
        if !common.quiet {
            status.eprintln(
                "claimdiff: no paths given and nothing on standard input: analysing the sample corpus \
                 (seeds/, embedded in the binary)",
            );
        }
        Corpus::sample()
    } else {
        let options = LoadOptions {
            max_file_bytes: common.max_file_bytes(),
            follow_symlinks: !common.no_follow_symlinks,
            stdin: input.stdin(),
            progress: Some(status.progress()),
        };
        Corpus::load_with(input.paths(), &options)
    };
    for d in &corpus.diagnostics {
        if d.severity == Severity::Error || !common.quiet {
            status.eprintln(&format!("claimdiff: {d}"));
        }
    }
    Ok(corpus)
}

fn style(common: &Common) -> Style {
    let to_terminal = common.out.is_none() && std::io::stdout().is_terminal();
    let no_color = common.no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let columns = std::env::var("COLUMNS").ok();
    let detected = || terminal_size::terminal_size().map(|(w, _)| w.0);
    Style {
        color: to_terminal && !no_color,
        width: table_width(common.width, to_terminal, columns.as_deref(), detected),
    }
}

/// The width to lay tables out in: `--width`; on a terminal, COLUMNS or else the
/// terminal's width; elsewhere [`DEFAULT_WIDTH`] (so pipes and files do not
/// depend on the terminal the command was started from).
fn table_width(
    flag: Option<u16>,
    to_terminal: bool,
    columns: Option<&str>,
    detected: impl FnOnce() -> Option<u16>,
) -> u16 {
    let columns = || columns.and_then(|c| c.trim().parse::<u16>().ok());
    let width = match flag {
        Some(w) => Some(w),
        None if to_terminal => columns().or_else(detected),
        None => None,
    };
    width.unwrap_or(DEFAULT_WIDTH).max(20)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn width_comes_from_the_flag_then_the_terminal_and_is_fixed_in_pipes() {
        assert_eq!(table_width(Some(60), false, Some("200"), || Some(150)), 60);
        assert_eq!(table_width(None, true, Some("132"), || Some(150)), 132);
        assert_eq!(table_width(None, true, None, || Some(150)), 150);
        assert_eq!(
            table_width(None, true, Some("wide"), || None),
            DEFAULT_WIDTH
        );
        assert_eq!(
            table_width(None, false, Some("132"), || Some(150)),
            DEFAULT_WIDTH
        );
        assert_eq!(table_width(None, true, Some("5"), || None), 20);
    }

    #[test]
    fn a_typo_of_a_command_is_caught_but_not_a_real_path() {
        let p = |s: &str| vec![std::path::PathBuf::from(s)];
        assert_eq!(
            mistyped_command(&p("reprot")).as_deref(),
            Some("unknown command 'reprot'; did you mean 'report'?")
        );
        assert_eq!(
            mistyped_command(&p("figurs")).as_deref(),
            Some("unknown command 'figurs'; did you mean 'figures'?")
        );
        assert_eq!(mistyped_command(&p("reprot.txt")), None);
        assert_eq!(mistyped_command(&p("zebra")), None);
    }
}

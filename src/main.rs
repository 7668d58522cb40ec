//! The `claimdiff` binary: parses arguments, calls the library, prints, and maps
//! outcomes to exit codes (0 done, 1 findings the command was asked to fail on,
//! 2 usage or input error).

mod check;
mod ci;
mod cli;
mod output;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

use claimdiff::corpus::LoadOptions;
use claimdiff::report::build::{ViewOptions, report_view};
use claimdiff::report::{self, Style};
use claimdiff::{Corpus, Options, Severity};
use cli::{Cli, Command, Common, Format};

/// Exit code for usage and input errors.
const EXIT_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_INPUT } else { 0 };
            // Help and version go to stdout; a failure to print them is not an error.
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match run(cli) {
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

impl View {
    fn name(self) -> &'static str {
        match self {
            View::Report { .. } => "report",
            View::Align { .. } => "align",
            View::Sources => "sources",
            View::Sentences => "sentences",
            View::Figures => "figures",
        }
    }

    fn formats(self) -> &'static [Format] {
        match self {
            View::Report { .. } => &[Format::Table, Format::Markdown, Format::Json, Format::Csv],
            View::Align { .. } => &[Format::Table, Format::Markdown, Format::Json],
            View::Sources => &[Format::Table, Format::Json],
            View::Sentences => &[Format::Table, Format::Jsonl],
            View::Figures => &[Format::Table, Format::Json, Format::Csv],
        }
    }

    /// The format to use: the requested one if this view supports it, else an error
    /// listing what it supports.
    fn check_format(self, requested: Option<Format>) -> anyhow::Result<Format> {
        let supported = self.formats();
        match requested {
            None => Ok(supported[0]),
            Some(f) if supported.contains(&f) => Ok(f),
            Some(f) => {
                let names: Vec<_> = supported.iter().map(|f| f.name()).collect();
                anyhow::bail!(
                    "`{}` does not support --format {}; use one of: {}",
                    self.name(),
                    f.name(),
                    names.join(", ")
                )
            }
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<u8> {
    let common = cli.common;
    let (view, paths) = match cli.command {
        Some(Command::Ci(a)) => return ci::run(a, &common),
        Some(Command::Check(a)) => return check::run(a, &common),
        Some(Command::Report(a)) => (
            View::Report {
                exclude_same_outlet: a.exclude_same_outlet,
                explain: a.explain,
            },
            a.paths,
        ),
        Some(Command::Align(a)) => (
            View::Align {
                exclude_same_outlet: a.exclude_same_outlet,
            },
            a.paths,
        ),
        Some(Command::Sources(p)) => (View::Sources, p.paths),
        Some(Command::Sentences(p)) => (View::Sentences, p.paths),
        Some(Command::Figures(p)) => (View::Figures, p.paths),
        None => (
            View::Report {
                exclude_same_outlet: false,
                explain: false,
            },
            cli.paths,
        ),
    };
    let format = view.check_format(common.format)?;
    let corpus = load(&paths, &common)?;
    if corpus.sources.is_empty() {
        anyhow::bail!("no readable sources in the given paths");
    }
    let style = style(&common);
    let text = render(&corpus, view, format, &style);
    output::emit(&text, common.out.as_deref())?;
    Ok(if corpus.has_errors() { EXIT_INPUT } else { 0 })
}

/// Runs what `view` needs of the pipeline and prints it in `format`.
fn render(corpus: &Corpus, view: View, format: Format, style: &Style) -> String {
    match view {
        View::Report {
            exclude_same_outlet,
            explain,
        } => {
            let opts = Options {
                exclude_same_outlet,
                ..Options::default()
            };
            let analysis = claimdiff::analyze(corpus, &opts);
            let v = report_view(&analysis, ViewOptions { explain });
            match format {
                Format::Json => report::json::report(&v),
                Format::Markdown => report::markdown::report(&v),
                Format::Csv => report::csv::report(&v),
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
            let analysis = claimdiff::analyze(corpus, &opts);
            let v = report_view(&analysis, ViewOptions::default());
            match format {
                Format::Json => report::json::align(&v),
                Format::Markdown => report::markdown::align(&v),
                _ => report::table::align(&v, style),
            }
        }
        View::Sources => {
            let docs = claimdiff::prepare(corpus);
            let views = report::source_views(&docs);
            match format {
                Format::Json => report::json::sources(&views),
                _ => report::table::sources(&views, style),
            }
        }
        View::Sentences => {
            let docs = claimdiff::prepare(corpus);
            let rows = report::sentence_views(&docs);
            match format {
                Format::Jsonl => report::json::sentences_jsonl(&rows),
                _ => report::table::sentences(&rows, style),
            }
        }
        View::Figures => {
            let docs = claimdiff::prepare(corpus);
            let figures = claimdiff::extract::figures_all(&docs);
            let views = report::figure_views(&docs, &figures);
            match format {
                Format::Json => report::json::figures(&views),
                Format::Csv => report::csv::figures(&views),
                _ => report::table::figures(&views, style),
            }
        }
    }
}

/// Loads the corpus (or the embedded sample) and prints what went wrong on stderr.
/// Checks `--out` first, so that a run that could not write its output (a FIFO,
/// a read-only file, a path inside the corpus) stops before any work.
fn load(paths: &[PathBuf], common: &Common) -> anyhow::Result<Corpus> {
    if let Some(out) = &common.out {
        output::check_out(out, paths)?;
    }
    let corpus = if paths.is_empty() {
        if !common.quiet {
            eprintln!(
                "claimdiff: no paths given: analysing the sample corpus (seeds/, embedded in the binary)"
            );
        }
        Corpus::sample()
    } else {
        Corpus::load_with(paths, &load_options(common))
    };
    for d in &corpus.diagnostics {
        if d.severity == Severity::Error || !common.quiet {
            eprintln!("claimdiff: {d}");
        }
    }
    Ok(corpus)
}

/// How files are read, from the common flags.
fn load_options(common: &Common) -> LoadOptions {
    LoadOptions {
        max_file_bytes: common
            .max_file_size
            .unwrap_or(claimdiff::corpus::MAX_FILE_BYTES),
        follow_symlinks: !common.no_follow_symlinks,
    }
}

fn style(common: &Common) -> Style {
    let to_terminal = common.out.is_none() && std::io::stdout().is_terminal();
    let no_color = common.no_color || std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    Style {
        color: to_terminal && !no_color,
        ..Style::default()
    }
}

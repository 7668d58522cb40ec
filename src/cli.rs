//! Command-line definitions (clap derive). Only parsing lives here: `main.rs` turns
//! the parsed flags into library calls.

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

/// Compare what several news outlets say about the same event.
///
/// With no PATHS and nothing piped on standard input, claimdiff analyses the
/// sample corpus embedded in the binary. `-` reads standard input as one source.
#[derive(Debug, Parser)]
#[command(name = "claimdiff", version, about, long_about = None)]
#[command(args_conflicts_with_subcommands = true, propagate_version = true)]
pub struct Cli {
    /// What to do (default: `report`).
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Files and folders to read when no subcommand is given (`-`: standard input).
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,

    /// Options of the report, the command run when none is named.
    #[command(flatten)]
    pub report: ReportOptions,

    /// Options shared by every command.
    #[command(flatten)]
    pub common: Common,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// The discrepancy report (the main job): facts on which the sources disagree,
    /// updates, agreements, and a summary of reused passages.
    Report(ReportArgs),
    /// Passages shared across sources (verbatim, edited, quotes) with their edits,
    /// and quotations with their speakers.
    Align(AlignArgs),
    /// The sources as read: outlet, publication date and where it came from,
    /// sentence count and the boilerplate that was marked.
    Sources(SourcesArgs),
    /// Every sentence with its source and byte span (table or jsonl).
    Sentences(SentencesArgs),
    /// Every extracted figure with its span, kind, normalized value, qualifier and
    /// context, for inspection.
    Figures(FiguresArgs),
    /// Checks the discrepancies against a CI baseline: exit 0 when every one is in
    /// the baseline, 1 when a new one appears (listed with the source that brought
    /// it), 2 on an input error. Candidates "to review" never fail.
    Ci(CiArgs),
    /// Checks claims against the sources: for each claim, source by source,
    /// whether the source supports it, contradicts it or does not mention it, with
    /// the sentences to cite. With no claims and no paths, the sample claims
    /// (claims/) against the sample corpus.
    Check(CheckArgs),
    /// Prints a shell completion script to standard output, e.g.
    /// `claimdiff completions bash > ~/.local/share/bash-completion/completions/claimdiff`.
    Completions(CompletionsArgs),
    /// Prints the manual page (roff) to standard output, e.g.
    /// `claimdiff man > claimdiff.1 && man ./claimdiff.1`.
    Man,
}

/// Arguments of `claimdiff completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// Arguments of `claimdiff check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files and folders to read; without paths, the embedded sample corpus.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_name = "FORMAT", default_value = "table", value_parser = formats(CHECK_FORMATS))]
    pub format: Format,
    /// A claims file (YAML) or a folder of them; repeatable.
    #[arg(long = "claims", value_name = "FILE|DIR")]
    pub claims: Vec<PathBuf>,
    /// A claim to check, as text; repeatable (ids claim-1, claim-2, ...).
    #[arg(long = "claim", value_name = "TEXT")]
    pub claim: Vec<String>,
    /// Exit 1 when a claim gets this verdict (`unexpected`: another verdict than
    /// its `expect`); repeatable.
    #[arg(long = "fail-on", value_enum, value_name = "VERDICT")]
    pub fail_on: Vec<FailOn>,
    /// The review date written as `datePublished` in `--format claimreview`
    /// (YYYY-MM-DD); without it the field is left out (claimdiff never reads the
    /// clock).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
    /// The reviewer named as `author` in `--format claimreview`.
    #[arg(long, value_name = "NAME", default_value = "claimdiff")]
    pub author: String,
}

/// Verdicts `claimdiff check --fail-on` can fail on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// A claim that a source contradicts and none supports.
    Contradicted,
    /// A claim that some sources support and others contradict.
    Mixed,
    /// A claim that no source supports or contradicts.
    #[value(name = "not_mentioned", alias = "not-mentioned")]
    NotMentioned,
    /// A claim whose verdict is not its `expect`.
    Unexpected,
}

/// Arguments of `claimdiff report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// Files and folders to read (`-`: standard input); without paths or input,
    /// the embedded sample corpus.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// The report's options.
    #[command(flatten)]
    pub options: ReportOptions,
}

/// Options of the report (`claimdiff report`, and `claimdiff` without a command).
#[derive(Debug, Args)]
pub struct ReportOptions {
    /// Output format.
    #[arg(long, value_name = "FORMAT", default_value = "table", value_parser = formats(REPORT_FORMATS))]
    pub format: Format,
    /// Leave out reuse between sources of the same outlet or series.
    #[arg(long)]
    pub exclude_same_outlet: bool,
    /// Say why figures were grouped into each fact.
    #[arg(long)]
    pub explain: bool,
}

/// Arguments of `claimdiff align`.
#[derive(Debug, Args)]
pub struct AlignArgs {
    /// Files and folders to read (`-`: standard input); without paths or input,
    /// the embedded sample corpus.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_name = "FORMAT", default_value = "table", value_parser = formats(ALIGN_FORMATS))]
    pub format: Format,
    /// Leave out reuse between sources of the same outlet or series.
    #[arg(long)]
    pub exclude_same_outlet: bool,
}

/// Arguments of `claimdiff ci`.
#[derive(Debug, Args)]
pub struct CiArgs {
    /// Files and folders to read; without paths, the embedded sample corpus.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_name = "FORMAT", default_value = "table", value_parser = formats(CI_FORMATS))]
    pub format: Format,
    /// The baseline file (YAML) of reviewed discrepancies.
    #[arg(long, value_name = "FILE", required = true)]
    pub baseline: PathBuf,
    /// Write the baseline (atomically): add the new discrepancies as accepted,
    /// keep the status and note of known ones, record the sources' hashes.
    /// Refused when the environment variable CI is set.
    #[arg(long)]
    pub update: bool,
    /// Remove stale entries (discrepancies no longer found) from the baseline and
    /// write it. Refused when the environment variable CI is set.
    #[arg(long)]
    pub prune: bool,
    /// A claims file (YAML) or a folder of them, checked against the same
    /// corpus; repeatable. CI fails when a claim that states an `expect` gets
    /// another verdict (claims without `expect` never fail). `--update` does
    /// not touch claims files.
    #[arg(long = "claims", value_name = "FILE|DIR")]
    pub claims: Vec<PathBuf>,
    /// The analysis cache folder (created, with a .gitignore): what each source
    /// gives by itself is kept there for the next run. Default: .claimdiff-cache
    /// beside the baseline.
    #[arg(long, value_name = "DIR", conflicts_with = "no_cache")]
    pub cache: Option<PathBuf>,
    /// Neither read nor write the analysis cache.
    #[arg(long)]
    pub no_cache: bool,
}

/// Arguments of `claimdiff sources`.
#[derive(Debug, Args)]
pub struct SourcesArgs {
    /// Files (.txt .md .html .htm .jsonl) and folders (read recursively); `-`:
    /// standard input. Without paths or input, the embedded sample corpus.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_name = "FORMAT", default_value = "table", value_parser = formats(SOURCES_FORMATS))]
    pub format: Format,
}

/// Arguments of `claimdiff sentences`.
#[derive(Debug, Args)]
pub struct SentencesArgs {
    /// Files (.txt .md .html .htm .jsonl) and folders (read recursively); `-`:
    /// standard input. Without paths or input, the embedded sample corpus.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_name = "FORMAT", default_value = "table", value_parser = formats(SENTENCES_FORMATS))]
    pub format: Format,
}

/// Arguments of `claimdiff figures`.
#[derive(Debug, Args)]
pub struct FiguresArgs {
    /// Files (.txt .md .html .htm .jsonl) and folders (read recursively); `-`:
    /// standard input. Without paths or input, the embedded sample corpus.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_name = "FORMAT", default_value = "table", value_parser = formats(FIGURES_FORMATS))]
    pub format: Format,
}

/// Options accepted by every command, before or after its name.
#[derive(Debug, Args)]
pub struct Common {
    /// Write the output to FILE (atomically) instead of standard output.
    #[arg(long, value_name = "FILE", global = true)]
    pub out: Option<PathBuf>,

    /// Print no notes or warnings on standard error (errors are still printed).
    #[arg(long, short, global = true)]
    pub quiet: bool,

    /// Never colour the output (also when NO_COLOR is set).
    #[arg(long, global = true)]
    pub no_color: bool,

    /// Lay tables out in N columns. Default: the terminal's width (or COLUMNS)
    /// when standard output is a terminal, else 100.
    #[arg(long, value_name = "N", global = true,
          value_parser = clap::value_parser!(u16).range(20..))]
    pub width: Option<u16>,

    /// Skip files larger than SIZE (default 16M; K, M, G suffixes are powers of
    /// 1024). A JSONL file is read record by record: SIZE bounds each record.
    #[arg(long, value_name = "SIZE", global = true, value_parser = claimdiff::corpus::read::parse_size)]
    pub max_file_size: Option<u64>,

    /// Do not follow symbolic links inside folders (by default a link is followed
    /// when it leads inside the folders given, and skipped otherwise).
    #[arg(long, global = true)]
    pub no_follow_symlinks: bool,
}

impl Common {
    /// The largest file (or JSONL record, or standard input) read, in bytes.
    pub fn max_file_bytes(&self) -> u64 {
        self.max_file_size
            .unwrap_or(claimdiff::corpus::MAX_FILE_BYTES)
    }
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for reading in a terminal.
    Table,
    /// Markdown, for pull requests and notes.
    Markdown,
    /// One JSON object (the documented contract).
    Json,
    /// JSON Lines: one object per line.
    Jsonl,
    /// Comma-separated values.
    Csv,
    /// One self-contained HTML page (`claimdiff report`).
    Html,
    /// GitHub Actions annotations (`claimdiff ci`).
    Github,
    /// JUnit XML (`claimdiff ci`).
    Junit,
    /// SARIF 2.1.0 (`claimdiff ci`).
    Sarif,
    /// schema.org ClaimReview JSON-LD (`claimdiff check`).
    Claimreview,
}

/// The formats of the report, the default first.
pub const REPORT_FORMATS: &[Format] = &[
    Format::Table,
    Format::Markdown,
    Format::Json,
    Format::Csv,
    Format::Html,
];
/// The formats of `claimdiff align`.
pub const ALIGN_FORMATS: &[Format] = &[Format::Table, Format::Markdown, Format::Json];
/// The formats of `claimdiff sources`.
pub const SOURCES_FORMATS: &[Format] = &[Format::Table, Format::Json];
/// The formats of `claimdiff sentences`.
pub const SENTENCES_FORMATS: &[Format] = &[Format::Table, Format::Jsonl];
/// The formats of `claimdiff figures`.
pub const FIGURES_FORMATS: &[Format] = &[Format::Table, Format::Json, Format::Csv];
/// The formats of `claimdiff check`.
pub const CHECK_FORMATS: &[Format] = &[
    Format::Table,
    Format::Markdown,
    Format::Json,
    Format::Csv,
    Format::Claimreview,
];
/// The formats of `claimdiff ci`.
pub const CI_FORMATS: &[Format] = &[
    Format::Table,
    Format::Json,
    Format::Github,
    Format::Junit,
    Format::Sarif,
];

/// A `--format` parser that knows only `supported`: `--help` lists those, and
/// clap refuses any other with its usual message (exit 2).
fn formats(supported: &'static [Format]) -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::{PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(supported.iter().filter_map(|f| f.to_possible_value())).map(|name| {
        Format::from_str(&name, false)
            .unwrap_or_else(|_| unreachable!("a possible value is a format"))
    })
}

/// The command line as clap should see it: options written before a command's
/// name (`claimdiff --format json figures`) are moved after it, so that options
/// are valid before or after the command and the command is recognised after
/// them. Anything else is left as it is.
pub fn reorder(args: Vec<OsString>) -> Vec<OsString> {
    let cmd = Cli::command();
    let takes_value = |arg: &str| -> bool {
        let found = if let Some(long) = arg.strip_prefix("--") {
            cmd.get_arguments().find(|a| a.get_long() == Some(long))
        } else {
            let c = arg.chars().nth(1);
            cmd.get_arguments().find(|a| a.get_short() == c)
        };
        found.is_some_and(|a| a.get_action().takes_values())
    };
    let mut i = 1;
    while i < args.len() {
        let Some(arg) = args[i].to_str() else {
            return args;
        };
        if arg == "--" || arg == "-" || !arg.starts_with('-') {
            break;
        }
        // `--out=F` and `-oF` carry their value; `--out F` takes the next argument.
        let inline = if arg.starts_with("--") {
            arg.contains('=')
        } else {
            arg.chars().count() > 2
        };
        i += if !inline && takes_value(arg) { 2 } else { 1 };
    }
    let is_command = args
        .get(i)
        .and_then(|a| a.to_str())
        // `help` is added by clap when the command is built.
        .is_some_and(|a| a == "help" || cmd.find_subcommand(a).is_some());
    if i <= 1 || !is_command {
        return args;
    }
    let mut out = Vec::with_capacity(args.len());
    out.push(args[0].clone());
    out.push(args[i].clone());
    // `help` takes only command names; options change nothing of what it prints.
    if args[i] != "help" {
        out.extend_from_slice(&args[1..i]);
    }
    out.extend_from_slice(&args[i + 1..]);
    out
}

/// The command `word` was probably meant to be, when it is not one: a command
/// name within a small edit distance (one edit for names of up to five letters,
/// two for longer ones; a swap of two letters is one edit).
pub fn suggest_command(word: &str) -> Option<String> {
    let cmd = Cli::command();
    cmd.get_subcommands()
        .map(|c| c.get_name())
        .filter(|name| *name != word)
        .map(|name| {
            let allowed = if name.chars().count() <= 5 { 1 } else { 2 };
            (strsim::osa_distance(word, name), allowed, name)
        })
        .filter(|(d, allowed, _)| d <= allowed)
        .min_by_key(|(d, _, name)| (*d, *name))
        .map(|(_, _, name)| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reordered(args: &[&str]) -> Vec<String> {
        let args = std::iter::once("claimdiff")
            .chain(args.iter().copied())
            .map(OsString::from)
            .collect();
        reorder(args)
            .into_iter()
            .skip(1)
            .map(|a| a.into_string().unwrap())
            .collect()
    }

    #[test]
    fn options_before_a_command_move_after_it_and_nothing_else_moves() {
        assert_eq!(
            reordered(&["--format", "json", "-q", "figures", "a.txt"]),
            ["figures", "--format", "json", "-q", "a.txt"]
        );
        assert_eq!(
            reordered(&["--out=x", "--width", "80", "ci", "--update"]),
            ["ci", "--out=x", "--width", "80", "--update"]
        );
        // The value of `--out` is not a command; `--` and `-` end the options.
        assert_eq!(
            reordered(&["--out", "report", "a.txt"]),
            ["--out", "report", "a.txt"]
        );
        assert_eq!(reordered(&["-q", "--", "figures"]), ["-q", "--", "figures"]);
        assert_eq!(reordered(&["-q", "-", "figures"]), ["-q", "-", "figures"]);
        assert_eq!(reordered(&["-q", "help", "ci"]), ["help", "ci"]);
        assert_eq!(reordered(&["figures", "-q"]), ["figures", "-q"]);
    }

    #[test]
    fn suggestions_are_close_names_only() {
        assert_eq!(suggest_command("reprot").as_deref(), Some("report"));
        assert_eq!(suggest_command("aling").as_deref(), Some("align"));
        assert_eq!(suggest_command("cj").as_deref(), Some("ci"));
        assert_eq!(suggest_command("x"), None);
        assert_eq!(suggest_command("report"), None);
        assert_eq!(suggest_command("harbour"), None);
    }
}

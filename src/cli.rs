//! Command-line definitions (clap derive). Only parsing lives here: `main.rs` turns
//! the parsed flags into library calls.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Compare what several news outlets say about the same event.
///
/// With no PATHS, claimdiff analyses the sample corpus embedded in the binary.
#[derive(Debug, Parser)]
#[command(name = "claimdiff", version, about, long_about = None)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do (default: `report`).
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Files and folders to read when no subcommand is given.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,

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
    Sources(PathsArg),
    /// Every sentence with its source and byte span (table or jsonl).
    Sentences(PathsArg),
    /// Every extracted figure with its span, kind, normalized value, qualifier and
    /// context, for inspection.
    Figures(PathsArg),
    /// Checks the discrepancies against a CI baseline: exit 0 when every one is in
    /// the baseline, 1 when a new one appears (listed with the source that brought
    /// it), 2 on an input error. Candidates "to review" never fail.
    Ci(CiArgs),
    /// Checks claims against the sources: for each claim, source by source,
    /// whether the source supports it, contradicts it or does not mention it, with
    /// the sentences to cite. With no claims and no paths, the sample claims
    /// (claims/) against the sample corpus.
    Check(CheckArgs),
}

/// Arguments of `claimdiff check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files and folders to read; without paths, the embedded sample corpus.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
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
    /// Files and folders to read; without paths, the embedded sample corpus.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
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
    /// Files and folders to read; without paths, the embedded sample corpus.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
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

/// Paths of a subcommand.
#[derive(Debug, Args)]
pub struct PathsArg {
    /// Files (.txt .md .html .htm .jsonl) and folders (read recursively). Without
    /// paths, the embedded sample corpus is used.
    #[arg(value_name = "PATHS")]
    pub paths: Vec<PathBuf>,
}

/// Options accepted by every command.
#[derive(Debug, Args)]
pub struct Common {
    /// Output format (each command supports a subset).
    #[arg(long, value_enum, global = true)]
    pub format: Option<Format>,

    /// Write the output to FILE (atomically) instead of standard output.
    #[arg(long, value_name = "FILE", global = true)]
    pub out: Option<PathBuf>,

    /// Print no notes or warnings on standard error (errors are still printed).
    #[arg(long, short, global = true)]
    pub quiet: bool,

    /// Never colour the output (also when NO_COLOR is set).
    #[arg(long, global = true)]
    pub no_color: bool,
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
    /// GitHub Actions annotations (`claimdiff ci`).
    Github,
    /// JUnit XML (`claimdiff ci`).
    Junit,
    /// SARIF 2.1.0 (`claimdiff ci`).
    Sarif,
    /// schema.org ClaimReview JSON-LD (`claimdiff check`).
    Claimreview,
}

impl Format {
    /// The format `requested` for `command`, which supports `formats` (the first
    /// is its default); an error naming the ones it supports otherwise.
    pub fn for_command(
        command: &str,
        formats: &[Format],
        requested: Option<Format>,
    ) -> anyhow::Result<Format> {
        match requested {
            None => formats
                .first()
                .copied()
                .ok_or_else(|| anyhow::anyhow!("`{command}` has no output format")),
            Some(f) if formats.contains(&f) => Ok(f),
            Some(f) => {
                let names: Vec<_> = formats.iter().map(|f| f.name()).collect();
                anyhow::bail!(
                    "`{command}` does not support --format {}; use one of: {}",
                    f.name(),
                    names.join(", ")
                )
            }
        }
    }

    /// The name used on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Table => "table",
            Format::Markdown => "markdown",
            Format::Json => "json",
            Format::Jsonl => "jsonl",
            Format::Csv => "csv",
            Format::Github => "github",
            Format::Junit => "junit",
            Format::Sarif => "sarif",
            Format::Claimreview => "claimreview",
        }
    }
}

//! The corpus: the sources as read from disk (or from the embedded sample), with the
//! metadata that later stages need (outlet, publication date and where it came from).
//!
//! Loading never panics and never stops at the first bad file: everything that could
//! not be read becomes a [`Diagnostic`] naming the file (and line and column for
//! structured input), and the run goes on with the rest.

mod html;
mod load;
mod manifest;
mod pubdate;
pub mod read;

use std::fmt;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::Serialize;

pub use html::MAX_DEPTH as MAX_HTML_DEPTH;
pub use load::MAX_FILE_BYTES;
pub use pubdate::find_publication_date;

/// One article as claimdiff reads it.
///
/// `text` is the text every span in the program points into: for `.txt` and `.md`
/// files the file contents, for HTML the visible text extracted from the page, for
/// JSONL the `text` field. It is never edited after loading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// Stable identifier used everywhere in output: the file stem, or the `id` field
    /// of a JSONL record.
    pub id: String,
    /// The path as given on the command line (joined with the file name for folders),
    /// or `seeds/NAME` for the embedded sample; never made absolute by claimdiff.
    pub path: String,
    /// The outlet that published the article, when a manifest or record says so.
    pub outlet: Option<String>,
    /// Where the article was published, when known.
    pub url: Option<String>,
    /// A series, agency or syndication group that the article belongs to.
    pub series: Option<String>,
    /// The publication date, when it is known.
    pub published: Option<NaiveDate>,
    /// Where `published` came from.
    pub published_from: DateOrigin,
    /// Byte span in `text` of the statement the date was read from, if it was read
    /// from the text.
    pub published_span: Option<(usize, usize)>,
    /// The text all spans refer to.
    pub text: String,
}

impl Source {
    /// A source built in memory (not read from a file): `id`, its text, a path
    /// of `ID.txt` and nothing else known. Set the other fields with struct update
    /// syntax: `Source { published, ..Source::new("a", text) }`; a date set so
    /// comes from a manifest, in effect.
    pub fn new(id: &str, text: &str) -> Source {
        Source {
            id: id.to_string(),
            path: format!("{id}.txt"),
            outlet: None,
            url: None,
            series: None,
            published: None,
            published_from: DateOrigin::None,
            published_span: None,
            text: text.to_string(),
        }
    }
}

/// Where a source's publication date came from, so that a report can say how far to
/// trust it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrigin {
    /// A `sources.yaml` manifest, or the `published` field of a JSONL record.
    Manifest,
    /// A statement in the text such as "Published On: Wed, Sep 23rd, 2015".
    Text,
    /// Not known: relative dates in this source stay unresolved.
    None,
}

impl DateOrigin {
    /// The name used in output (`manifest`, `text`, `none`).
    pub fn as_str(self) -> &'static str {
        match self {
            DateOrigin::Manifest => "manifest",
            DateOrigin::Text => "text",
            DateOrigin::None => "none",
        }
    }
}

/// How bad a loading problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The file was skipped (binary, empty, not UTF-8, too large); the run goes on and
    /// exits 0.
    Warning,
    /// Input that the user wrote is malformed (a JSONL line, `sources.yaml`) or a path
    /// does not exist: the rest is processed, and the run exits 2.
    Error,
}

/// A problem met while loading, always naming the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Warning or error.
    pub severity: Severity,
    /// The file (as given), with `:line:column` appended where known.
    pub location: String,
    /// What went wrong, in one line.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, "{level}: {}: {}", self.location, self.message)
    }
}

/// The path shown for the source read from standard input (a path `-`).
pub const STDIN_PATH: &str = "<stdin>";

/// All the sources of one run, sorted by path, with what went wrong while reading.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The sources in a stable order (sorted by path, then by line within a JSONL file).
    pub sources: Vec<Source>,
    /// Files and lines that were skipped, and why.
    pub diagnostics: Vec<Diagnostic>,
    /// True when this is the sample corpus embedded in the binary.
    pub is_sample: bool,
}

/// How files and folders are read.
///
/// What is read, and what is refused (see [`read`] for the reading itself):
/// - every file is read at most `max_file_bytes`, counted as it is read; a larger
///   file is skipped with a warning that gives its size and the limit. A JSONL file
///   is read record by record: the limit bounds each line, not the file;
/// - inside a folder, FIFOs, devices and sockets are skipped with a warning; named on
///   the command line, a FIFO is read (bounded) and a device or socket is an error;
/// - a symbolic link inside a folder is followed only when it leads inside one of
///   the folders given (compared canonically), and never with `follow_symlinks`
///   off; a folder or file reached twice is read once, so links that loop end;
/// - a path named on the command line is read even when it is a link.
#[derive(Debug, Clone, Copy)]
pub struct LoadOptions<'a> {
    /// The largest file (or JSONL record) read, in bytes.
    pub max_file_bytes: u64,
    /// Follow symbolic links inside folders (to places inside the folders given).
    pub follow_symlinks: bool,
    /// The bytes of standard input, read as one source for a path `-` (plain
    /// text, or HTML when it starts like an HTML page). `None`: a path `-` is
    /// reported as unreadable.
    pub stdin: Option<&'a [u8]>,
    /// Where to count the files read, for a progress display.
    pub progress: Option<&'a crate::progress::Progress>,
}

impl Default for LoadOptions<'_> {
    fn default() -> Self {
        LoadOptions {
            max_file_bytes: MAX_FILE_BYTES,
            follow_symlinks: true,
            stdin: None,
            progress: None,
        }
    }
}

impl Corpus {
    /// Loads files and folders (recursively, in sorted order): `.txt`, `.md`,
    /// `.html`/`.htm` and `.jsonl`, with the `sources.yaml` manifest of each folder,
    /// with the default [`LoadOptions`].
    pub fn load(paths: &[PathBuf]) -> Corpus {
        load::load_paths(paths, &LoadOptions::default())
    }

    /// Loads like [`Corpus::load`], reading a path `-` as one source from
    /// `opts.stdin` (shown as [`STDIN_PATH`], id `stdin`) and counting the files
    /// read in `opts.progress`.
    pub fn load_with(paths: &[PathBuf], opts: &LoadOptions) -> Corpus {
        load::load_paths(paths, opts)
    }

    /// A corpus of sources built in memory, in the order given.
    pub fn of_sources(sources: Vec<Source>) -> Corpus {
        Corpus {
            sources,
            ..Corpus::default()
        }
    }

    /// The sample corpus of `seeds/`, embedded in the binary at build time.
    pub fn sample() -> Corpus {
        load::load_sample()
    }

    /// True when any diagnostic is an error (the run must exit 2).
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// Looks a source up by id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}

//! claimdiff compares what several news outlets say about the same event: the
//! passages they share, the figures they state, and where those figures disagree.
//!
//! The pipeline is a chain of typed stages, each carrying byte spans into the
//! original text of its source so that every finding can be traced back to the exact
//! characters it came from:
//!
//! ```text
//! corpus (load) -> document (segment + clean) -> align / extract -> compare -> report
//! ```

pub mod align;
pub mod analysis;
pub mod baseline;
pub mod cache;
pub mod claims;
pub mod clean;
pub mod compare;
pub mod corpus;
pub mod document;
pub mod extract;
pub mod figure;
pub mod fingerprint;
pub mod progress;
pub mod quotes;
pub mod report;
pub mod segment;
pub mod text;
pub mod timing;
pub mod yaml;

/// The version of claimdiff, as written into baselines and CI output.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

pub use analysis::{Analysis, Options, analyze, analyze_cached, analyze_with};
pub use corpus::{Corpus, DateOrigin, Diagnostic, LoadOptions, STDIN_PATH, Severity, Source};
pub use document::{Document, Sentence, Span, prepare};
pub use progress::{Progress, Stage};

//! Reports: typed views of the analysis, and one printer per output format.
//!
//! Analysis never formats text. It builds the views in this module; the printers
//! (`table`, `json`, ...) turn views into strings. Every view is sorted so that the
//! same input always prints the same bytes.

pub mod json;
pub mod table;

use serde::Serialize;

use crate::document::Document;

/// The version of the JSON contract; bumped only when a field changes meaning or is
/// removed.
pub const SCHEMA: u32 = 1;

/// How printers should look.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Use colour (only on a terminal, never with `--no-color` or `NO_COLOR`).
    pub color: bool,
    /// Width to lay tables out in.
    pub width: u16,
}

impl Default for Style {
    fn default() -> Self {
        Style {
            color: false,
            width: 100,
        }
    }
}

/// A span of boilerplate as shown to users, so they can check what was set aside.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BoilerplateView {
    /// Start byte offset in the source text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The marked text.
    pub text: String,
    /// Why it was marked.
    pub reason: &'static str,
}

/// A source as read: the `sources` entries of the JSON contract.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceView {
    /// Stable source id (file stem or JSONL id).
    pub id: String,
    /// Path as given, or `seeds/NAME` for the embedded sample.
    pub path: String,
    /// Outlet, when known.
    pub outlet: Option<String>,
    /// Address of the article, when known.
    pub url: Option<String>,
    /// Series, agency or syndication group, when known.
    pub series: Option<String>,
    /// Publication date (YYYY-MM-DD), when known.
    pub published: Option<String>,
    /// Where the date came from: `manifest`, `text` or `none`.
    pub published_from: &'static str,
    /// The statement the date was read from, when it came from the text.
    pub published_text: Option<String>,
    /// Number of sentences, boilerplate included.
    pub sentences: usize,
    /// Number of sentences of the article body (not boilerplate).
    pub body_sentences: usize,
    /// What was marked as boilerplate.
    pub boilerplate: Vec<BoilerplateView>,
}

/// One sentence with its span: the rows of `claimdiff sentences`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SentenceView {
    /// Source id.
    pub source: String,
    /// Start byte offset in the source text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The sentence as written.
    pub text: String,
    /// True when the sentence lies in page chrome.
    pub boilerplate: bool,
}

/// Builds the source views of prepared documents.
pub fn source_views(docs: &[Document<'_>]) -> Vec<SourceView> {
    docs.iter()
        .map(|d| {
            let s = d.source;
            SourceView {
                id: s.id.clone(),
                path: s.path.clone(),
                outlet: s.outlet.clone(),
                url: s.url.clone(),
                series: s.series.clone(),
                published: s.published.map(|p| p.format("%Y-%m-%d").to_string()),
                published_from: s.published_from.as_str(),
                published_text: s.published_span.map(|(a, b)| s.text[a..b].to_string()),
                sentences: d.sentences.len(),
                body_sentences: d.sentences.iter().filter(|x| !x.boilerplate).count(),
                boilerplate: d
                    .boilerplate
                    .iter()
                    .map(|b| BoilerplateView {
                        start: b.range.start,
                        end: b.range.end,
                        text: s.text[b.range.clone()].to_string(),
                        reason: b.reason,
                    })
                    .collect(),
            }
        })
        .collect()
}

/// Builds the sentence rows of prepared documents, in source order then text order.
pub fn sentence_views(docs: &[Document<'_>]) -> Vec<SentenceView> {
    docs.iter()
        .flat_map(|d| {
            d.sentences.iter().map(move |s| SentenceView {
                source: d.source.id.clone(),
                start: s.start,
                end: s.end,
                text: d.sentence_text(s).to_string(),
                boilerplate: s.boilerplate,
            })
        })
        .collect()
}

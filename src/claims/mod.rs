//! Claims checked against the sources: for each claim, source by source, whether
//! the source supports it, contradicts it, mentions it without a figure, or does
//! not mention it, with the sentences to cite.
//!
//! A claim is read as a one-sentence source of the corpus's story: its figures
//! come from the same extractor ([`crate::extract`]) and are scored against the
//! sources' figures by the same frames, fact model and conflict rules as the
//! report ([`crate::compare::match_claims`]), so that qualifiers ("more than",
//! "some") and publication dates count exactly as they do there. Quotation
//! claims ("NAME said that WORDS") are checked against the quotations the
//! sources print and their speakers ([`crate::quotes`]).
//!
//! - [`file`]: the claims YAML file;
//! - [`quote`]: quotation claims;
//! - [`check`]: the verdicts.

pub mod check;
pub mod file;
pub mod quote;

#[cfg(test)]
mod tests;

use serde::{Deserialize, Serialize};

pub use check::{CheckOptions, check};

/// A claim to check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    /// Unique id (from the file, or `claim-N` for `--claim TEXT`).
    pub id: String,
    /// The claim as written.
    pub claim: String,
    /// The verdict the author expects, if they said.
    pub expect: Option<Verdict>,
    /// Words that must be near the evidence (in its sentence or the next one
    /// either side).
    pub look_for: Vec<String>,
    /// Where the claim was written (`FILE:LINE`, or `--claim`).
    pub origin: String,
}

impl Claim {
    /// A claim given on the command line.
    pub fn inline(n: usize, text: &str) -> Claim {
        Claim {
            id: format!("claim-{n}"),
            claim: text.trim().to_string(),
            expect: None,
            look_for: Vec::new(),
            origin: String::from("--claim"),
        }
    }
}

/// The verdict on a claim over all sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// At least one source supports the claim and none contradicts it.
    Supported,
    /// At least one source contradicts the claim and none supports it.
    Contradicted,
    /// Some sources support the claim and others contradict it.
    Mixed,
    /// No source supports or contradicts the claim (some may mention it).
    NotMentioned,
}

impl Verdict {
    /// The name used in files and output.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Contradicted => "contradicted",
            Verdict::Mixed => "mixed",
            Verdict::NotMentioned => "not_mentioned",
        }
    }
}

/// What one source says about a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceVerdict {
    /// The source states the claim's fact with a value consistent with it, or
    /// prints the claimed words as the claimed speaker's.
    Supports,
    /// The source states the claim's fact, on strong evidence, with a value that
    /// conflicts with it, or prints the claimed words as someone else's.
    Contradicts,
    /// The source has a sentence with the claim's words, but nothing that
    /// supports or contradicts it (a claim with no figure and no quotation gets
    /// at most this).
    Mentions,
    /// Nothing in the source is about the claim.
    NotMentioned,
}

impl SourceVerdict {
    /// The name used in output.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceVerdict::Supports => "supports",
            SourceVerdict::Contradicts => "contradicts",
            SourceVerdict::Mentions => "mentions",
            SourceVerdict::NotMentioned => "not_mentioned",
        }
    }
}

/// A passage of a source to cite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Evidence {
    /// Start byte offset in the source text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The passage as written: a figure, a quotation or a sentence.
    pub text: String,
    /// The normalized value of a figure (as in the JSON report), the speaker of
    /// a quotation, `None` for a sentence.
    pub value: Option<String>,
    /// The sentence the passage stands in, as written.
    pub sentence: String,
}

/// One source's answer to a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceCheck {
    /// Source id.
    pub source: String,
    /// Index of the source in the corpus.
    pub index: usize,
    /// Supports, contradicts, mentions or not mentioned.
    pub verdict: SourceVerdict,
    /// What to cite, in text order.
    pub evidence: Vec<Evidence>,
    /// Why, in words ("b says 1,200: outside the claim's range 'more than
    /// 1,300'").
    pub reason: String,
}

/// A claim with its verdict and each source's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimCheck {
    /// Claim id.
    pub id: String,
    /// The claim as written.
    pub claim: String,
    /// Where the claim was written.
    pub origin: String,
    /// The verdict over all sources.
    pub verdict: Verdict,
    /// The verdict the author expects, if given.
    pub expect: Option<Verdict>,
    /// The figures read from the claim, as written.
    pub figures: Vec<String>,
    /// True when the claim was read as a quotation claim.
    pub quotation: bool,
    /// Every source, in corpus order.
    pub sources: Vec<SourceCheck>,
}

impl ClaimCheck {
    /// True when the author expected another verdict.
    pub fn unexpected(&self) -> bool {
        self.expect.is_some_and(|e| e != self.verdict)
    }
}

/// A source as the check output describes it (for ClaimReview appearances).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceInfo {
    /// Source id.
    pub id: String,
    /// Path as given.
    pub path: String,
    /// Outlet, when known.
    pub outlet: Option<String>,
    /// URL, when known.
    pub url: Option<String>,
    /// Publication date (ISO 8601), when known.
    pub published: Option<String>,
}

/// Every claim checked, in the order given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    /// The sources checked against, in corpus order.
    pub sources: Vec<SourceInfo>,
    /// The claims.
    pub claims: Vec<ClaimCheck>,
}

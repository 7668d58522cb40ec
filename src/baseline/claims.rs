//! Claims checked in CI (`claimdiff ci --claims`): every claim that states an
//! `expect`, with the verdict it gets now. A claim whose verdict is not its
//! `expect` is a regression and fails CI; claims without `expect` never do.

use serde::Serialize;

use super::check::CiReport;
use super::location::RepoPaths;
use crate::claims::{CheckReport, ClaimCheck, SourceVerdict, Verdict};

/// A claim with an `expect`, as `claimdiff ci --claims` checked it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimOutcome {
    /// Claim id.
    pub id: String,
    /// The claim as written.
    pub claim: String,
    /// The claims file, relative to the repository (for annotations).
    pub file: String,
    /// The 1-based line of the claim's entry (`- id: ...`) in that file.
    pub line: Option<usize>,
    /// The verdict the claims file expects.
    pub expect: Verdict,
    /// The verdict the corpus gives now.
    pub verdict: Verdict,
    /// Why the claim gets its verdict, in words (the reasons of the sources
    /// that decide it).
    pub reason: String,
    /// The passages of the sources that decide the verdict.
    pub evidence: Vec<ClaimEvidence>,
}

impl ClaimOutcome {
    /// True when the verdict is not the expected one.
    pub fn regressed(&self) -> bool {
        self.expect != self.verdict
    }
}

/// A source's passage behind a claim's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimEvidence {
    /// Source id.
    pub source: String,
    /// What the source says about the claim.
    pub verdict: SourceVerdict,
    /// The passage as written (a figure, a quotation or a sentence).
    pub text: String,
    /// The sentence the passage stands in.
    pub sentence: String,
}

impl CiReport {
    /// The report with the claims of `checked` that state an `expect`: those
    /// whose verdict differs go to `claim_regressions`, the others to
    /// `claims_as_expected`, and `passed` then needs no new discrepancy and no
    /// claim regression.
    pub fn with_claims(mut self, checked: &CheckReport, paths: &RepoPaths) -> CiReport {
        self.claims_checked = checked.claims.len();
        let (regressed, met): (Vec<ClaimOutcome>, Vec<ClaimOutcome>) = checked
            .claims
            .iter()
            .filter_map(|c| outcome(c, paths))
            .partition(ClaimOutcome::regressed);
        self.claim_regressions = regressed;
        self.claims_as_expected = met;
        self.passed = self.new.is_empty() && self.claim_regressions.is_empty();
        self
    }
}

/// The outcome of a claim that states an `expect`; `None` for one that does not.
fn outcome(c: &ClaimCheck, paths: &RepoPaths) -> Option<ClaimOutcome> {
    let expect = c.expect?;
    // A file's claim has the origin `FILE:LINE`, LINE being that of its
    // `id` entry in the file (`yaml::entry_positions`, as `line_of_entry`).
    let (file, line) = match c.origin.rsplit_once(':') {
        Some((f, l)) if l.parse::<usize>().is_ok() => (f, l.parse().ok()),
        _ => (c.origin.as_str(), None),
    };
    let deciding: &[SourceVerdict] = match c.verdict {
        Verdict::Supported => &[SourceVerdict::Supports],
        Verdict::Contradicted => &[SourceVerdict::Contradicts],
        Verdict::Mixed => &[SourceVerdict::Supports, SourceVerdict::Contradicts],
        Verdict::NotMentioned => &[SourceVerdict::Mentions],
    };
    let sources: Vec<_> = c
        .sources
        .iter()
        .filter(|s| deciding.contains(&s.verdict))
        .collect();
    let reason = if sources.is_empty() {
        String::from("no source mentions it")
    } else {
        let mut reasons: Vec<&str> = Vec::new();
        for s in &sources {
            if !reasons.contains(&s.reason.as_str()) {
                reasons.push(&s.reason);
            }
        }
        reasons.join("; ")
    };
    let evidence = sources
        .iter()
        .flat_map(|s| {
            s.evidence.iter().map(|e| ClaimEvidence {
                source: s.source.clone(),
                verdict: s.verdict,
                text: e.text.clone(),
                sentence: e.sentence.clone(),
            })
        })
        .collect();
    Some(ClaimOutcome {
        id: c.id.clone(),
        claim: c.claim.clone(),
        file: paths.relative(file),
        line,
        expect,
        verdict: c.verdict,
        reason,
        evidence,
    })
}

//! The verdicts: each claim against each source.

use std::collections::BTreeSet;

use super::quote::{self, QuoteClaim};
use super::{
    CheckReport, Claim, ClaimCheck, Evidence, SourceCheck, SourceInfo, SourceVerdict, Verdict,
};
use crate::compare::conflict::Verdict as Values;
use crate::compare::{self, ClaimMatch, CompareOptions, lexicon};
use crate::corpus::{Corpus, Source};
use crate::document::{self, Document, Sentence};
use crate::extract;
use crate::figure::{Figure, FigureKind};
use crate::quotes::{self, QuoteReport};
use crate::segment;
use crate::text;

/// Settings of a check.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// The comparison settings (the fact model and its thresholds), the same as
    /// the report's by default.
    pub compare: CompareOptions,
}

/// Least share of a quotation claim's words that a quotation must hold.
const QUOTE_COVERAGE: f64 = 0.8;
/// Least share of a claim's content words that a sentence must hold to mention it.
const MENTION_COVERAGE: f64 = 0.6;
/// Least number of a claim's content words that a sentence must hold to mention it.
const MENTION_WORDS: usize = 2;

/// Checks every claim against every source of the corpus.
pub fn check(corpus: &Corpus, claims: &[Claim], opts: &CheckOptions) -> CheckReport {
    let docs = document::prepare(corpus);
    let n = docs.len();
    let claim_sources: Vec<Source> = claims
        .iter()
        .map(|c| Source::new(&format!("claim:{}", c.id), &c.claim))
        .collect();
    let mut all: Vec<Document<'_>> = docs.clone();
    all.extend(
        claim_sources
            .iter()
            .enumerate()
            .map(|(k, s)| claim_document(n + k, s)),
    );
    let figures = extract::figures_all(&all);
    let vocab = compare::vocabulary(&all, &opts.compare);
    let claim_docs: Vec<usize> = (n..n + claims.len()).collect();
    let matches = compare::match_claims(&all, &figures, &claim_docs, &opts.compare, &vocab);
    let quotes = quotes::find_quotes(&docs);
    let mut by_figure_and_source: std::collections::BTreeMap<(usize, usize), Vec<usize>> =
        std::collections::BTreeMap::new();
    for (i, m) in matches.iter().enumerate() {
        by_figure_and_source
            .entry((m.claim_figure, figures[m.figure].source))
            .or_default()
            .push(i);
    }
    let cx = Context {
        docs: &docs,
        figures: &figures,
        matches: &matches,
        by_figure_and_source,
        quotes: &quotes,
    };
    let claims = claims
        .iter()
        .enumerate()
        .map(|(k, c)| check_claim(&cx, c, n + k))
        .collect();
    CheckReport {
        sources: corpus
            .sources
            .iter()
            .map(|s| SourceInfo {
                id: s.id.clone(),
                path: s.path.clone(),
                outlet: s.outlet.clone(),
                url: s.url.clone(),
                published: s.published.map(|d| d.format("%Y-%m-%d").to_string()),
            })
            .collect(),
        claims,
    }
}

/// A claim as a document of its own: its sentences, no boilerplate.
fn claim_document(index: usize, source: &Source) -> Document<'_> {
    let text = &source.text;
    let paragraphs = segment::paragraphs(text);
    let sentences = segment::sentences(text, &paragraphs)
        .into_iter()
        .map(|(r, paragraph)| Sentence {
            start: r.start,
            end: r.end,
            paragraph,
            boilerplate: false,
        })
        .collect();
    Document {
        index,
        source,
        paragraphs,
        boilerplate: Vec::new(),
        sentences,
    }
}

/// What every claim is checked against.
struct Context<'a> {
    docs: &'a [Document<'a>],
    figures: &'a [Figure],
    matches: &'a [ClaimMatch],
    /// The matches of each (claim figure, source), as indices into `matches`.
    by_figure_and_source: std::collections::BTreeMap<(usize, usize), Vec<usize>>,
    quotes: &'a QuoteReport,
}

/// One thing a source says about a claim.
struct Finding {
    verdict: SourceVerdict,
    evidence: Evidence,
    reason: String,
}

fn check_claim(cx: &Context<'_>, claim: &Claim, index: usize) -> ClaimCheck {
    let own: Vec<usize> = (0..cx.figures.len())
        .filter(|&i| cx.figures[i].source == index)
        .collect();
    let written = |i: usize| {
        let f = &cx.figures[i];
        claim.claim.get(f.start..f.end).unwrap_or("").to_string()
    };
    let quotation = quote::parse(&claim.claim);
    let sources: Vec<SourceCheck> = cx
        .docs
        .iter()
        .map(|doc| {
            let mut found: Vec<Finding> = own
                .iter()
                .filter_map(|&c| figure_finding(cx, claim, doc, c, &written(c)))
                .collect();
            if let Some(q) = &quotation {
                found.extend(quote_finding(cx, claim, doc, q));
            }
            if found.is_empty() {
                found.extend(mention(claim, doc, !own.is_empty() || quotation.is_some()));
            }
            source_check(doc, found)
        })
        .collect();
    let supports = sources.iter().any(|s| s.verdict == SourceVerdict::Supports);
    let contradicts = sources
        .iter()
        .any(|s| s.verdict == SourceVerdict::Contradicts);
    let verdict = match (supports, contradicts) {
        (true, true) => Verdict::Mixed,
        (true, false) => Verdict::Supported,
        (false, true) => Verdict::Contradicted,
        (false, false) => Verdict::NotMentioned,
    };
    ClaimCheck {
        id: claim.id.clone(),
        claim: claim.claim.clone(),
        origin: claim.origin.clone(),
        verdict,
        expect: claim.expect,
        figures: own.iter().map(|&c| written(c)).collect(),
        quotation: quotation.is_some(),
        sources,
    }
}

/// One source's answer from what it says: contradicts when anything it says
/// conflicts with the claim, else supports when anything agrees, else mentions.
fn source_check(doc: &Document<'_>, found: Vec<Finding>) -> SourceCheck {
    let id = doc.source.id.clone();
    let verdict = [
        SourceVerdict::Contradicts,
        SourceVerdict::Supports,
        SourceVerdict::Mentions,
    ]
    .into_iter()
    .find(|v| found.iter().any(|f| f.verdict == *v))
    .unwrap_or(SourceVerdict::NotMentioned);
    let reason = if found.is_empty() {
        format!("{id} does not mention it")
    } else {
        let mut reasons: Vec<String> = Vec::new();
        for f in &found {
            if !reasons.contains(&f.reason) {
                reasons.push(f.reason.clone());
            }
        }
        reasons.join("; ")
    };
    let mut evidence: Vec<Evidence> = found.into_iter().map(|f| f.evidence).collect();
    evidence.sort_by_key(|e| (e.start, e.end));
    evidence.dedup();
    SourceCheck {
        source: id,
        index: doc.index,
        verdict,
        evidence,
        reason,
    }
}

/// What `doc` says about the claim's figure `c`: the same fact with a value
/// consistent with the claim's reading (the most probable such figure), else
/// the same fact on strong evidence with a value that conflicts.
fn figure_finding(
    cx: &Context<'_>,
    claim: &Claim,
    doc: &Document<'_>,
    c: usize,
    claim_text: &str,
) -> Option<Finding> {
    let ms: Vec<&ClaimMatch> = cx
        .by_figure_and_source
        .get(&(c, doc.index))
        .into_iter()
        .flatten()
        .map(|&i| &cx.matches[i])
        .filter(|m| near(doc, cx.figures[m.figure].sentence, &claim.look_for))
        .collect();
    let best = |keep: &dyn Fn(&ClaimMatch) -> bool| {
        ms.iter().copied().filter(|m| keep(m)).max_by(|a, b| {
            a.probability
                .total_cmp(&b.probability)
                .then(b.figure.cmp(&a.figure))
        })
    };
    let id = &doc.source.id;
    // Support needs more than a likely pairing: strong same-fact evidence or a
    // probability at the level a discrepancy needs, so that a small value
    // ("two") in an unrelated sentence does not support a claim.
    if let Some(m) = best(&|m| {
        m.same_fact
            && (m.strong.is_some() || m.discrepancy_level)
            && m.verdict == Values::Consistent
    }) {
        let f = &cx.figures[m.figure];
        let ev = figure_evidence(doc, f);
        let reason = format!(
            "{id} says '{}' ({}): consistent with the claim's '{claim_text}'",
            ev.text,
            f.value.normalized()
        );
        return Some(Finding {
            verdict: SourceVerdict::Supports,
            evidence: ev,
            reason,
        });
    }
    let m = best(&|m| {
        m.strong.is_some() && m.discrepancy_level && matches!(m.verdict, Values::Conflict(_))
    })?;
    let f = &cx.figures[m.figure];
    let ev = figure_evidence(doc, f);
    let outside = match f.kind {
        FigureKind::Date => format!("not the claim's date '{claim_text}'"),
        _ => format!("outside the claim's range '{claim_text}'"),
    };
    let hedge = m
        .claim_hedge
        .as_deref()
        .map(|h| format!(" (read as {h})"))
        .unwrap_or_default();
    let reason = format!(
        "{id} says {} ({}): {outside}{hedge}; same fact: {}",
        ev.text,
        f.value.normalized(),
        m.strong.unwrap_or("strong evidence")
    );
    Some(Finding {
        verdict: SourceVerdict::Contradicts,
        evidence: ev,
        reason,
    })
}

fn figure_evidence(doc: &Document<'_>, f: &Figure) -> Evidence {
    Evidence {
        start: f.start,
        end: f.end,
        text: doc.text().get(f.start..f.end).unwrap_or("").to_string(),
        value: Some(f.value.normalized()),
        sentence: sentence_text(doc, f.sentence),
    }
}

fn sentence_text(doc: &Document<'_>, sentence: usize) -> String {
    doc.sentences
        .get(sentence)
        .map(|s| collapse(doc.sentence_text(s)))
        .unwrap_or_default()
}

/// Whitespace runs as one space, so that a sentence prints on one line.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What `doc` says about a quotation claim: a quotation holding the claimed
/// words, attributed to the claimed speaker (supports), to someone else
/// (contradicts) or to nobody known (mentions).
fn quote_finding(
    cx: &Context<'_>,
    claim: &Claim,
    doc: &Document<'_>,
    q: &QuoteClaim,
) -> Option<Finding> {
    let words = quote::words(&q.words);
    let best = cx
        .quotes
        .quotations_of(doc.index)
        .map(|x| (quote::coverage(&words, &x.text), x))
        .filter(|(cov, x)| *cov >= QUOTE_COVERAGE && near_span(doc, x.start, &claim.look_for))
        .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.start.cmp(&a.1.start)))?
        .1;
    let id = &doc.source.id;
    let sentence = doc
        .sentences
        .iter()
        .position(|s| s.start <= best.start && best.start < s.end)
        .map(|i| sentence_text(doc, i))
        .unwrap_or_default();
    let evidence = Evidence {
        start: best.start,
        end: best.end,
        text: collapse(&best.text),
        value: best.speaker.clone(),
        sentence,
    };
    let (verdict, reason) = match (&q.speaker, &best.speaker) {
        (Some(claimed), Some(said)) if quotes::same_person(claimed, said) || claimed == said => (
            SourceVerdict::Supports,
            format!("{id} quotes these words as {said}'s"),
        ),
        (Some(claimed), Some(said)) => (
            SourceVerdict::Contradicts,
            format!("{id} quotes these words as {said}'s, not {claimed}'s"),
        ),
        (None, _) => (SourceVerdict::Supports, format!("{id} quotes these words")),
        (Some(_), None) => (
            SourceVerdict::Mentions,
            format!("{id} quotes these words without saying who said them"),
        ),
    };
    Some(Finding {
        verdict,
        evidence,
        reason,
    })
}

/// A sentence of `doc` that holds most of the claim's content words: the source
/// mentions what the claim is about, without a figure or quotation on it.
fn mention(claim: &Claim, doc: &Document<'_>, has_figure: bool) -> Option<Finding> {
    let wanted = content_stems(&claim.claim);
    if wanted.len() < MENTION_WORDS {
        return None;
    }
    let (i, s, found) = doc
        .body_sentences()
        .filter(|(i, _)| near(doc, *i, &claim.look_for))
        .map(|(i, s)| {
            let have = stems(doc.sentence_text(s));
            let found = wanted.iter().filter(|w| have.contains(*w)).count();
            (i, s, found)
        })
        .filter(|&(_, _, found)| {
            found >= MENTION_WORDS && found as f64 >= MENTION_COVERAGE * wanted.len() as f64
        })
        .max_by(|a, b| a.2.cmp(&b.2).then(b.0.cmp(&a.0)))?;
    let id = &doc.source.id;
    let why = if has_figure {
        "but states nothing that supports or contradicts it"
    } else {
        "(a claim with no figure or quotation can only be mentioned)"
    };
    Some(Finding {
        verdict: SourceVerdict::Mentions,
        evidence: Evidence {
            start: s.start,
            end: s.end,
            text: collapse(doc.sentence_text(s)),
            value: None,
            sentence: sentence_text(doc, i),
        },
        reason: format!(
            "{id} mentions it ({found} of its {} words) {why}",
            wanted.len()
        ),
    })
}

/// The stems of the words of `text`, folded.
fn stems(text: &str) -> BTreeSet<String> {
    quote::words(text)
        .iter()
        .map(|w| lexicon::stem(w))
        .collect()
}

/// The stems of the content words of a claim: no stop words, no numbers, no
/// words under three letters.
fn content_stems(text: &str) -> BTreeSet<String> {
    quote::words(text)
        .iter()
        .filter(|w| w.chars().count() >= 3 && !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| !text::is_stop_word(w) && !text::NUMBER_WORDS.contains(&w.as_str()))
        .map(|w| lexicon::stem(w))
        .collect()
}

/// True when every `look_for` term is in the sentence `sentence` of `doc` or in
/// the sentence before or after it (always true without terms).
fn near(doc: &Document<'_>, sentence: usize, look_for: &[String]) -> bool {
    if look_for.is_empty() {
        return true;
    }
    let lo = sentence.saturating_sub(1);
    let hi = (sentence + 1).min(doc.sentences.len().saturating_sub(1));
    let text: String = (lo..=hi)
        .filter_map(|i| doc.sentences.get(i))
        .map(|s| doc.sentence_text(s))
        .collect::<Vec<_>>()
        .join(" ");
    let have: Vec<String> = quote::words(&text)
        .iter()
        .map(|w| lexicon::stem(w))
        .collect();
    look_for.iter().all(|term| {
        let term: Vec<String> = quote::words(term)
            .iter()
            .map(|w| lexicon::stem(w))
            .collect();
        !term.is_empty() && have.windows(term.len()).any(|w| w == term.as_slice())
    })
}

/// [`near`] for a byte offset.
fn near_span(doc: &Document<'_>, at: usize, look_for: &[String]) -> bool {
    let i = doc
        .sentences
        .iter()
        .position(|s| s.start <= at && at < s.end)
        .unwrap_or(0);
    near(doc, i, look_for)
}

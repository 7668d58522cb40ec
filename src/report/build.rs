//! Turning an [`Analysis`] into the [`ReportView`] every printer prints.

use crate::align::{EditOp as AlignOp, Passage, PassageKind, TextSpan, render_inline};
use crate::analysis::Analysis;
use crate::compare::{FactValue, Finding, Findings};
use crate::document::Document;
use crate::quotes::{AttributionConflict, Quote};

use super::{
    EditOp, EditsView, FindingView, OccurrenceView, PassageView, QuoteView, ReportView, SCHEMA,
    SeverityView, SpanView, ValueView, WarningView, json_value, source_views,
};

/// How much of the analysis goes into the view.
#[derive(Debug, Clone, Copy, Default)]
pub struct ViewOptions {
    /// Keep the reasons why figures were grouped (`--explain`).
    pub explain: bool,
}

/// Builds the report of an analysis.
pub fn report_view(a: &Analysis<'_>, opts: ViewOptions) -> ReportView {
    report_view_with(a, &a.findings, opts)
}

/// Builds the report of an analysis with other findings of the same figures (a
/// comparison run again with other settings, as the model fitting does).
pub fn report_view_with(a: &Analysis<'_>, findings: &Findings, opts: ViewOptions) -> ReportView {
    let docs = &a.docs;
    let mut discrepancies: Vec<FindingView> = findings
        .discrepancies
        .iter()
        .map(|f| finding_view(docs, f, opts))
        .collect();
    // Attribution conflicts whose speakers are all named are discrepancies; those
    // that rest on a pronoun or a title resolved to a name are to review.
    let (named, resolved): (Vec<&AttributionConflict>, Vec<&AttributionConflict>) = a
        .quotes
        .attribution_conflicts
        .iter()
        .partition(|c| c.strong);
    discrepancies.extend(named.into_iter().filter_map(|c| attribution_view(a, c)));
    let mut to_review: Vec<FindingView> = findings
        .to_review
        .iter()
        .map(|f| finding_view(docs, f, opts))
        .collect();
    to_review.extend(resolved.into_iter().filter_map(|c| attribution_view(a, c)));
    ReportView {
        schema: SCHEMA,
        sources: source_views(docs),
        passages: a
            .alignment
            .passages
            .iter()
            .map(|p| passage_view(docs, p))
            .collect(),
        discrepancies,
        agreements: findings
            .agreements
            .iter()
            .map(|f| finding_view(docs, f, opts))
            .collect(),
        to_review,
        updates: findings
            .updates
            .iter()
            .map(|f| finding_view(docs, f, opts))
            .collect(),
        warnings: findings
            .warnings
            .iter()
            .map(|w| WarningView {
                kind: "period",
                sources: vec![w.source.clone()],
                message: w.message.clone(),
            })
            .collect(),
        quotes: a
            .quotes
            .quotes
            .iter()
            .map(|q| quote_view(docs, q))
            .collect(),
    }
}

fn id(docs: &[Document<'_>], source: usize) -> String {
    docs.get(source)
        .map_or_else(String::new, |d| d.source.id.clone())
}

fn slice(docs: &[Document<'_>], source: usize, start: usize, end: usize) -> String {
    docs.get(source)
        .and_then(|d| d.text().get(start..end))
        .unwrap_or("")
        .to_string()
}

/// Where a passage or quote occurs, with its original text.
fn occurrence(
    docs: &[Document<'_>],
    source: usize,
    start: usize,
    end: usize,
    speaker: &Option<String>,
) -> OccurrenceView {
    OccurrenceView {
        source: id(docs, source),
        start,
        end,
        text: slice(docs, source, start, end),
        speaker: speaker.clone(),
    }
}

fn passage_view(docs: &[Document<'_>], p: &Passage) -> PassageView {
    let occurrences: Vec<OccurrenceView> = p
        .occurrences
        .iter()
        .map(|o| occurrence(docs, o.source, o.start, o.end, &o.speaker))
        .collect();
    let edits = p
        .diffs
        .iter()
        .filter(|d| d.edits.iter().any(|e| e.op != AlignOp::Equal))
        .map(|d| EditsView {
            from: occurrences
                .get(d.a)
                .map_or_else(String::new, |o| o.source.clone()),
            to: occurrences
                .get(d.b)
                .map_or_else(String::new, |o| o.source.clone()),
            from_occurrence: (d.a < occurrences.len()).then_some(d.a),
            to_occurrence: (d.b < occurrences.len()).then_some(d.b),
            ops: d
                .edits
                .iter()
                .filter(|e| e.op != AlignOp::Equal)
                .map(|e| {
                    let old = e.a.as_ref().map_or_else(String::new, |s| s.text.clone());
                    let new = e.b.as_ref().map_or_else(String::new, |s| s.text.clone());
                    let figure = d.numbers.iter().any(|n| {
                        e.a.as_ref()
                            .is_some_and(|s| s.start <= n.a.start && n.a.end <= s.end)
                    });
                    EditOp {
                        op: match e.op {
                            AlignOp::Insert => "insert",
                            AlignOp::Delete => "delete",
                            _ => "replace",
                        },
                        old,
                        new,
                        figure,
                        old_span: e.a.as_ref().map(span_view),
                        new_span: e.b.as_ref().map(span_view),
                    }
                })
                .collect(),
            inline: render_inline(&d.edits),
        })
        .collect();
    PassageView {
        id: p.id.clone(),
        kind: match p.kind {
            PassageKind::Verbatim => "verbatim",
            PassageKind::Edited => "edited",
            PassageKind::Quote => "quote",
        },
        similarity: round3(p.similarity),
        occurrences,
        speaker: p.speaker.clone(),
        edits,
    }
}

fn span_view(s: &TextSpan) -> SpanView {
    SpanView {
        start: s.start,
        end: s.end,
    }
}

fn quote_view(docs: &[Document<'_>], q: &Quote) -> QuoteView {
    QuoteView {
        id: q.id.clone(),
        text: q.text.clone(),
        speaker: q.speaker.clone(),
        occurrences: q
            .occurrences
            .iter()
            .map(|o| occurrence(docs, o.source, o.start, o.end, &o.speaker))
            .collect(),
    }
}

/// The sentence of `source` that holds byte `at`: (its text, its start).
fn sentence_at(docs: &[Document<'_>], source: usize, at: usize) -> (String, usize) {
    let Some(doc) = docs.get(source) else {
        return (String::new(), 0);
    };
    let i = doc.sentences.partition_point(|s| s.end <= at);
    match doc.sentences.get(i) {
        Some(s) if s.start <= at => (doc.sentence_text(s).to_string(), s.start),
        _ => (String::new(), at),
    }
}

fn value_view(docs: &[Document<'_>], v: &FactValue) -> ValueView {
    let doc = docs.get(v.source_index);
    let (sentence, sentence_start) = doc
        .and_then(|d| {
            d.sentences
                .get(v.sentence)
                .map(|s| (d.sentence_text(s).to_string(), s.start))
        })
        .unwrap_or_else(|| sentence_at(docs, v.source_index, v.start));
    ValueView {
        source: v.source.clone(),
        value: json_value(&v.value),
        text: v.text.clone(),
        qualifier: v.qualifier.as_str(),
        sentence,
        sentence_start,
        start: v.start,
        end: v.end,
        published: doc
            .and_then(|d| d.source.published)
            .map(|p| p.format("%Y-%m-%d").to_string()),
        derivation: v.derivation.clone(),
        repeated_at: v
            .repeats
            .iter()
            .map(|r| SpanView {
                start: r.start,
                end: r.end,
            })
            .collect(),
    }
}

fn finding_view(docs: &[Document<'_>], f: &Finding, opts: ViewOptions) -> FindingView {
    FindingView {
        id: f.id.clone(),
        kind: f.kind.as_str(),
        fact: f.fact.clone(),
        values: f.values.iter().map(|v| value_view(docs, v)).collect(),
        severity: f.severity.as_ref().map(|s| SeverityView {
            level: s.level.as_str(),
            score: round3(s.distance),
            why: s.explanation.clone(),
        }),
        note: f.note.clone(),
        confidence: Some(round3(f64::from(f.confidence))),
        evidence: f.evidence.clone(),
        strong_evidence: f.severity.is_some().then_some(f.strong),
        explain: if opts.explain {
            f.explain.clone()
        } else {
            Vec::new()
        },
    }
}

/// An attribution conflict as a discrepancy: each source's speaker is its value.
fn attribution_view(a: &Analysis<'_>, c: &AttributionConflict) -> Option<FindingView> {
    let quote = a.quotes.quotes.iter().find(|q| q.id == c.quote)?;
    let docs = &a.docs;
    let mut values = Vec::new();
    for to in &c.speakers {
        for &k in &to.occurrences {
            let occ = quote.occurrences.get(k)?;
            let quotation = a.quotes.quotations.get(occ.quotation)?;
            let (start, end, text) = match &quotation.attribution {
                Some(at) => (at.start, at.end, at.text.clone()),
                None => (
                    occ.start,
                    occ.end,
                    slice(docs, occ.source, occ.start, occ.end),
                ),
            };
            let (sentence, sentence_start) = sentence_at(docs, occ.source, start);
            values.push(ValueView {
                source: id(docs, occ.source),
                value: serde_json::Value::String(to.speaker.clone()),
                text,
                qualifier: "exact",
                sentence,
                sentence_start,
                start,
                end,
                published: None,
                derivation: None,
                repeated_at: Vec::new(),
            });
        }
    }
    values.sort_by(|x, y| (&x.source, x.start).cmp(&(&y.source, y.start)));
    let evidence = vec![String::from("the same words printed in both sources")];
    let severity = if c.strong {
        SeverityView {
            level: "high",
            score: 1.0,
            why: String::from("the same words are attributed to different people"),
        }
    } else {
        SeverityView {
            level: "medium",
            score: 0.5,
            why: String::from(
                "the same words are attributed to different people, but a speaker is only \
                 known through a pronoun or a title (\"he said\") read as someone named \
                 before: check who that is",
            ),
        }
    };
    Some(FindingView {
        id: c.id.clone(),
        kind: "attribution",
        fact: format!("who said \"{}\"", super::table::excerpt(&c.text, 60)),
        values,
        severity: Some(severity),
        note: None,
        confidence: None,
        evidence,
        strong_evidence: Some(c.strong),
        explain: Vec::new(),
    })
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

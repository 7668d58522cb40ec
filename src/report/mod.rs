//! Reports: typed views of the analysis, and one printer per output format.
//!
//! Analysis never formats text. It builds the views in this module; the printers
//! (`table`, `json`, ...) turn views into strings. Every view is sorted so that the
//! same input always prints the same bytes.

pub mod build;
pub mod check;
pub mod ci;
pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod names;
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

/// One place where a passage, quote or figure occurs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OccurrenceView {
    /// Source id.
    pub source: String,
    /// Start byte offset in the source text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The original characters.
    pub text: String,
    /// The speaker this source gives, for quotes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub speaker: Option<String>,
}

/// Word-level edits between the first occurrence of a passage and another.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EditsView {
    /// The source the edits lead from (the passage's first occurrence).
    pub from: String,
    /// The source the edits lead to.
    pub to: String,
    /// Index of the `from` occurrence in [`PassageView::occurrences`], when known
    /// (a source may print a passage twice).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from_occurrence: Option<usize>,
    /// Index of the `to` occurrence in [`PassageView::occurrences`], when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to_occurrence: Option<usize>,
    /// The changes, in text order.
    pub ops: Vec<EditOp>,
    /// The whole passage with changes marked `[-old-]{+new+}`.
    pub inline: String,
}

/// One change between two versions of a passage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EditOp {
    /// `replace`, `insert` or `delete`.
    pub op: &'static str,
    /// Words of the `from` side (empty for an insertion).
    pub old: String,
    /// Words of the `to` side (empty for a deletion).
    pub new: String,
    /// True when the change is a number, kept for the discrepancy report.
    pub figure: bool,
    /// Byte span of `old` in the `from` source's text (none for an insertion), so
    /// that a printer can mark the change in place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_span: Option<SpanView>,
    /// Byte span of `new` in the `to` source's text (none for a deletion).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_span: Option<SpanView>,
}

/// A passage shared by two or more sources.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PassageView {
    /// Stable id.
    pub id: String,
    /// `verbatim`, `edited` or `quote`.
    pub kind: &'static str,
    /// Similarity of the occurrences, 0 to 1.
    pub similarity: f64,
    /// Where the passage occurs.
    pub occurrences: Vec<OccurrenceView>,
    /// Who is quoted, when the passage is a quotation.
    pub speaker: Option<String>,
    /// For edited passages, what changed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub edits: Vec<EditsView>,
}

/// A quotation with the sources that print it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuoteView {
    /// Stable id.
    pub id: String,
    /// The quoted words (of the first occurrence).
    pub text: String,
    /// The speaker (unified across the sources' variants), when known.
    pub speaker: Option<String>,
    /// Where the quote occurs, with the speaker each source gives.
    pub occurrences: Vec<OccurrenceView>,
}

/// One source's statement of a fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueView {
    /// Source id.
    pub source: String,
    /// Normalized value: a number (or `[lo, hi]` for a stated range) for counts, ages,
    /// money, percentages and ordinals; seconds for durations; an ISO 8601 string at
    /// its grain for dates; a name for speakers.
    pub value: serde_json::Value,
    /// The figure as written ("some 1,500").
    pub text: String,
    /// `exact`, `approx`, `at_least`, `at_most`, `more_than`, `less_than`, `range`.
    pub qualifier: &'static str,
    /// The sentence the figure comes from.
    pub sentence: String,
    /// Start byte offset of that sentence in the source text.
    pub sentence_start: usize,
    /// Start byte offset of the figure in the source text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// Publication date of the source, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// How a derived or relative value was obtained.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derivation: Option<String>,
    /// Where the source prints the same sentence again (a lead repeated as body):
    /// the same statement, listed once, with the other places here.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub repeated_at: Vec<SpanView>,
}

impl ValueView {
    /// "printed twice", "printed 3 times" when the source repeats the sentence.
    pub fn repeat_note(&self) -> Option<String> {
        match self.repeated_at.len() {
            0 => None,
            1 => Some(String::from("printed twice")),
            n => Some(format!("printed {} times", n + 1)),
        }
    }
}

/// A byte span of a source's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SpanView {
    /// Start byte offset.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
}

/// How serious a discrepancy is, in words a reader can check.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeverityView {
    /// `low`, `medium` or `high`.
    pub level: &'static str,
    /// The gap between the values relative to their size, 0 or more.
    pub score: f64,
    /// Why, in a sentence ("1,500 vs 1,200: 20% apart, one approximate").
    pub why: String,
}

/// A discrepancy, an agreement or an update: a fact and each source's value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingView {
    /// Stable fingerprint of the fact and the sorted (source, value) pairs.
    pub id: String,
    /// The kind of figure (`count`, `date`, ...) or `attribution` for quotes.
    pub kind: &'static str,
    /// What the fact is about, in a few words.
    pub fact: String,
    /// Each source's value.
    pub values: Vec<ValueView>,
    /// For discrepancies, how serious.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<SeverityView>,
    /// For an agreement whose sources write different values, why they agree.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The fact model's probability that the figures state one fact (for a
    /// discrepancy, the two conflicting figures).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    /// What the same-fact evidence is, in words.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// For values that differ, whether that evidence is strong (a discrepancy
    /// needs it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strong_evidence: Option<bool>,
    /// Why these figures were grouped as one fact (shown with `--explain`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub explain: Vec<String>,
}

/// A warning about the corpus that affects how findings should be read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WarningView {
    /// Short kind (`period`, ...).
    pub kind: &'static str,
    /// Sources concerned.
    pub sources: Vec<String>,
    /// The warning in a sentence.
    pub message: String,
}

/// The whole report: the JSON contract of DESIGN.md, and what every printer prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportView {
    /// Contract version.
    pub schema: u32,
    /// The sources as read.
    pub sources: Vec<SourceView>,
    /// Passages shared across sources.
    pub passages: Vec<PassageView>,
    /// Facts on which sources disagree.
    pub discrepancies: Vec<FindingView>,
    /// Facts stated alike by two or more sources.
    pub agreements: Vec<FindingView>,
    /// Conflicting values whose same-fact evidence is too weak for a
    /// discrepancy: candidates to review, never counted as discrepancies.
    pub to_review: Vec<FindingView>,
    /// Facts whose value changed between sources published at different times.
    pub updates: Vec<FindingView>,
    /// Warnings about how to read the findings.
    pub warnings: Vec<WarningView>,
    /// Quotations with their speakers.
    pub quotes: Vec<QuoteView>,
}

impl ReportView {
    /// How the printers for people name each source (by outlet where known).
    pub fn source_names(&self) -> names::SourceNames {
        names::SourceNames::new(
            self.sources
                .iter()
                .map(|s| (s.id.as_str(), s.outlet.as_deref())),
        )
    }
}

/// The words around a figure in its sentence, cut to about `max` characters:
/// (text before, the figure as written, text after), with "…" where cut.
pub fn context(v: &ValueView, max: usize) -> (String, String, String) {
    let s = &v.sentence;
    let a = v.start.saturating_sub(v.sentence_start).min(s.len());
    let b = v.end.saturating_sub(v.sentence_start).clamp(a, s.len());
    if !s.is_char_boundary(a) || !s.is_char_boundary(b) {
        return (String::new(), v.text.clone(), String::new());
    }
    let fold = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    let (before, figure, after) = (fold(&s[..a]), s[a..b].to_string(), fold(&s[b..]));
    let budget = max.saturating_sub(figure.chars().count());
    let keep_before = (budget / 2).max(budget.saturating_sub(after.chars().count()));
    let keep_after = budget.saturating_sub(before.chars().count().min(keep_before));
    let before = if before.chars().count() > keep_before {
        let skip = before.chars().count() - keep_before;
        format!("…{}", before.chars().skip(skip + 1).collect::<String>())
    } else {
        before
    };
    let after = if after.chars().count() > keep_after {
        format!(
            "{}…",
            after
                .chars()
                .take(keep_after.saturating_sub(1))
                .collect::<String>()
        )
    } else {
        after
    };
    let space_before = if a > 0 && s[..a].ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let space_after = if s[b..].starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    (
        format!("{before}{space_before}"),
        figure,
        format!("{space_after}{after}"),
    )
}

/// What a finding's same-fact evidence is, in a line ("same fact (confidence
/// 0.93): the sentences are reuses of each other; both count 'oath'"), `None`
/// when nothing is known.
pub fn evidence_line(f: &FindingView) -> Option<String> {
    if f.evidence.is_empty() && f.confidence.is_none() {
        return None;
    }
    let confidence = f
        .confidence
        .map_or_else(String::new, |c| format!(" (confidence {c:.2})"));
    let what = if f.evidence.is_empty() {
        String::from("context alone")
    } else {
        f.evidence.join("; ")
    };
    Some(format!("same fact{confidence}: {what}"))
}

/// One line that counts what the report holds.
pub fn summary_line(view: &ReportView) -> String {
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    [
        plural(view.sources.len(), "source", "sources"),
        plural(view.discrepancies.len(), "discrepancy", "discrepancies"),
        plural(view.updates.len(), "update", "updates"),
        plural(view.agreements.len(), "agreement", "agreements"),
        plural(view.to_review.len(), "to review", "to review"),
        plural(view.passages.len(), "reused passage", "reused passages"),
        plural(view.quotes.len(), "quote", "quotes"),
    ]
    .join(" · ")
}

/// One extracted figure: the rows of `claimdiff figures`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureView {
    /// Source id.
    pub source: String,
    /// Start byte offset of the figure (qualifier included) in the source text.
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
    /// The figure as written.
    pub text: String,
    /// `count`, `duration`, `date`, `age`, `money`, `percent` or `ordinal`.
    pub kind: &'static str,
    /// Normalized value (see [`ValueView::value`]).
    pub value: serde_json::Value,
    /// The qualifier.
    pub qualifier: &'static str,
    /// The part the figure plays: `stated`, `label` ("his 2019 salary") or
    /// `previous` (the earlier value of a change).
    pub role: &'static str,
    /// Unit or currency.
    pub unit: Option<String>,
    /// What is counted or measured.
    pub counted: Option<String>,
    /// The verb or preposition tying the figure to its clause.
    pub predicate: Option<String>,
    /// How a relative or derived value was obtained.
    pub derivation: Option<String>,
    /// The sentence the figure comes from.
    pub sentence: String,
    /// Start byte offset of that sentence.
    pub sentence_start: usize,
}

/// The normalized value of a figure as JSON: a number (or `[lo, hi]` for a range)
/// for numeric kinds, an ISO 8601 string for dates (an interval "2010/2016" for a
/// date range), `null` when unresolved.
pub fn json_value(value: &crate::figure::Value) -> serde_json::Value {
    use crate::figure::Value;
    match value {
        Value::Number { lo, hi } if lo == hi => number(*lo),
        Value::Number { lo, hi } => serde_json::Value::Array(vec![number(*lo), number(*hi)]),
        Value::Date { .. } | Value::DateRange { .. } => {
            serde_json::Value::String(value.normalized())
        }
        Value::Unresolved => serde_json::Value::Null,
    }
}

fn number(x: f64) -> serde_json::Value {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        serde_json::Value::from(x as i64)
    } else {
        serde_json::Number::from_f64(x).map_or(serde_json::Value::Null, serde_json::Value::Number)
    }
}

/// Builds the figure rows of prepared documents.
pub fn figure_views(docs: &[Document<'_>], figures: &[crate::figure::Figure]) -> Vec<FigureView> {
    figures
        .iter()
        .map(|f| {
            let doc = &docs[f.source];
            let sentence = &doc.sentences[f.sentence];
            FigureView {
                source: doc.source.id.clone(),
                start: f.start,
                end: f.end,
                text: doc.text()[f.start..f.end].to_string(),
                kind: f.kind.as_str(),
                value: json_value(&f.value),
                qualifier: f.qualifier.as_str(),
                role: f.role.as_str(),
                unit: f.unit.clone(),
                counted: f.counted.clone(),
                predicate: f.predicate.clone(),
                derivation: f.derivation.clone(),
                sentence: doc.sentence_text(sentence).to_string(),
                sentence_start: sentence.start,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(sentence: &str, figure: &str) -> ValueView {
        let start = sentence.find(figure).unwrap() + 10;
        ValueView {
            source: "a".into(),
            value: serde_json::json!(1),
            text: figure.into(),
            qualifier: "exact",
            sentence: sentence.into(),
            sentence_start: 10,
            start,
            end: start + figure.len(),
            published: None,
            derivation: None,
            repeated_at: Vec::new(),
        }
    }

    #[test]
    fn a_repeated_sentence_is_noted_once_with_its_count() {
        let mut v = value("The flood displaced 3,000 people.", "3,000");
        assert_eq!(v.repeat_note(), None);
        v.repeated_at.push(SpanView { start: 90, end: 95 });
        assert_eq!(v.repeat_note().as_deref(), Some("printed twice"));
        v.repeated_at.push(SpanView {
            start: 190,
            end: 195,
        });
        assert_eq!(v.repeat_note().as_deref(), Some("printed 3 times"));
    }

    #[test]
    fn context_keeps_short_sentences_whole() {
        let v = value("The flood displaced 3,000 people.", "3,000");
        assert_eq!(
            context(&v, 80),
            (
                "The flood displaced ".into(),
                "3,000".into(),
                " people.".into()
            )
        );
    }

    #[test]
    fn context_cuts_long_sentences_around_the_figure() {
        let long = format!(
            "{} about 12 residents {}",
            "word ".repeat(40),
            "tail ".repeat(40)
        );
        let v = value(&long, "about 12");
        let (b, f, a) = context(&v, 40);
        assert_eq!(f, "about 12");
        assert!(b.starts_with('…') && a.ends_with('…'), "{b}|{a}");
        assert!(b.chars().count() + a.chars().count() <= 40, "{b}|{a}");
    }
}

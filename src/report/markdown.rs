//! The Markdown printer: the report as a document for pull requests and notes.

use std::fmt::Write as _;

use super::names::SourceNames;
use super::{FindingView, ReportView, context, summary_line};

/// Characters of context shown around a figure.
const CONTEXT: usize = 110;

/// Escapes text for a Markdown table cell.
/// Text for a table cell: whitespace runs as one space (a space kept at either
/// end, so that a cell can sit next to a bold figure), markdown characters escaped.
fn cell(s: &str) -> String {
    let inner = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let lead = if s.starts_with(char::is_whitespace) && !inner.is_empty() {
        " "
    } else {
        ""
    };
    let trail = if s.ends_with(char::is_whitespace) && !inner.is_empty() {
        " "
    } else {
        ""
    };
    format!("{lead}{inner}{trail}")
        .replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace('*', "\\*")
        .replace('_', "\\_")
}

/// A source as a reader knows it: its outlet (or `id`) and its date.
fn source_label(view: &ReportView, names: &SourceNames, id: &str) -> String {
    let name = shown(names, id);
    match view.sources.iter().find(|s| s.id == id) {
        Some(s) => format!("{name} ({})", s.published.as_deref().unwrap_or("undated")),
        None => name,
    }
}

/// The name of a source: its outlet, escaped, or its id as code.
fn shown(names: &SourceNames, id: &str) -> String {
    match names.name(id) {
        name if name == id => format!("`{id}`"),
        name => cell(name),
    }
}

fn findings(out: &mut String, view: &ReportView, title: &str, list: &[FindingView]) {
    if list.is_empty() {
        return;
    }
    let names = view.source_names();
    let _ = writeln!(out, "## {title}\n");
    for (i, f) in list.iter().enumerate() {
        let severity = f
            .severity
            .as_ref()
            .map(|s| format!(", {} severity", s.level))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "### {}. {} ({}{severity})\n",
            i + 1,
            cell(&f.fact),
            f.kind
        );
        let _ = writeln!(out, "id `{}`", f.id);
        if let Some(s) = &f.severity {
            let _ = writeln!(out, "· {}", cell(&s.why));
            if let Some(line) = super::evidence_line(f) {
                let _ = writeln!(out, "· {}", cell(&line));
            }
        }
        if let Some(note) = &f.note {
            let _ = writeln!(out, "· {}", cell(note));
        }
        out.push('\n');
        let _ = writeln!(out, "| source | stated | value | in context |");
        let _ = writeln!(out, "|---|---|---|---|");
        for v in &f.values {
            let (before, figure, after) = context(v, CONTEXT);
            let value = match &v.value {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let stated = match v.repeat_note() {
                None => cell(&v.text),
                Some(note) => format!("{} ({note})", cell(&v.text)),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} ({}) | {}**{}**{} |",
                source_label(view, &names, &v.source),
                stated,
                cell(&value),
                v.qualifier,
                cell(&before),
                cell(&figure),
                cell(&after),
            );
        }
        for e in &f.explain {
            let _ = writeln!(out, "\n> {}", cell(e));
        }
        out.push('\n');
    }
}

/// The whole report as Markdown.
pub fn report(view: &ReportView) -> String {
    let names = view.source_names();
    let mut out = String::from("# claimdiff report\n\n");
    let _ = writeln!(out, "{}\n", summary_line(view));
    if !view.warnings.is_empty() {
        out.push_str("## Warnings\n\n");
        for w in &view.warnings {
            let _ = writeln!(out, "- **{}**: {}", w.kind, cell(&w.message));
        }
        out.push('\n');
    }
    findings(&mut out, view, "Discrepancies", &view.discrepancies);
    findings(
        &mut out,
        view,
        "To review (weak evidence that the values state one fact)",
        &view.to_review,
    );
    findings(&mut out, view, "Updates", &view.updates);
    findings(&mut out, view, "Agreements", &view.agreements);
    if !view.passages.is_empty() {
        out.push_str(
            "## Reused passages\n\n| kind | similarity | sources | passage |\n|---|---|---|---|\n",
        );
        for p in &view.passages {
            let sources: Vec<_> = p
                .occurrences
                .iter()
                .map(|o| shown(&names, &o.source))
                .collect();
            let text = p.occurrences.first().map_or("", |o| o.text.as_str());
            let _ = writeln!(
                out,
                "| {} | {:.2} | {} | {} |",
                p.kind,
                p.similarity,
                sources.join(", "),
                cell(&super::table::excerpt(text, 160))
            );
        }
        out.push('\n');
    }
    out.push_str("## Sources\n\n| source | outlet | published | date from | sentences |\n|---|---|---|---|---|\n");
    for s in &view.sources {
        let _ = writeln!(
            out,
            "| `{}` | {} | {} | {} | {} |",
            s.id,
            cell(s.outlet.as_deref().unwrap_or("unknown")),
            s.published.as_deref().unwrap_or("unknown"),
            s.published_from,
            s.body_sentences
        );
    }
    out
}

/// `claimdiff align --format markdown`: passages with their edits, then quotes.
pub fn align(view: &ReportView) -> String {
    let names = view.source_names();
    let mut out = String::from("# claimdiff: reused passages and quotes\n\n");
    let _ = writeln!(out, "{}\n", summary_line(view));
    let conflicts: Vec<_> = view
        .discrepancies
        .iter()
        .filter(|d| d.kind == "attribution")
        .cloned()
        .collect();
    findings(&mut out, view, "Attribution conflicts", &conflicts);
    out.push_str("## Passages\n\n");
    if view.passages.is_empty() {
        out.push_str("None.\n\n");
    }
    for (i, p) in view.passages.iter().enumerate() {
        let speaker = p
            .speaker
            .as_deref()
            .map(|s| format!(", said by {}", cell(s)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "### {}. {} (similarity {:.2}{speaker})\n\nid `{}`\n",
            i + 1,
            p.kind,
            p.similarity,
            p.id
        );
        for o in &p.occurrences {
            let _ = writeln!(
                out,
                "- {} {}..{}: {}",
                source_label(view, &names, &o.source),
                o.start,
                o.end,
                cell(&super::table::excerpt(&o.text, 240))
            );
        }
        for e in &p.edits {
            let _ = writeln!(
                out,
                "\nEdits {} → {}: {}",
                shown(&names, &e.from),
                shown(&names, &e.to),
                cell(&e.inline)
            );
        }
        out.push('\n');
    }
    out.push_str("## Quotes\n\n| speaker | sources | quote |\n|---|---|---|\n");
    for q in &view.quotes {
        let sources: Vec<_> = q
            .occurrences
            .iter()
            .map(|o| match &o.speaker {
                Some(s) => format!("{} ({})", shown(&names, &o.source), cell(s)),
                None => shown(&names, &o.source),
            })
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            cell(q.speaker.as_deref().unwrap_or("unknown")),
            sources.join(", "),
            cell(&super::table::excerpt(&q.text, 160))
        );
    }
    out
}

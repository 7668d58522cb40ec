//! The table printer (comfy-table), laid out to be readable at 100 columns.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, Color, ContentArrangement, Table};

use super::names::SourceNames;
use super::{FindingView, ReportView, SentenceView, SourceView, Style, ValueView, context};

/// Longest excerpt of boilerplate shown in the sources table.
const EXCERPT: usize = 60;

pub(crate) fn new_table(style: &Style, header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_style(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(style.width);
    if style.color {
        t.enforce_styling();
        t.set_header(header.iter().map(|h| Cell::new(h).fg(Color::Cyan)));
    } else {
        t.force_no_tty();
        t.set_header(header.iter().copied());
    }
    t
}

/// Shortens `s` to at most `max` characters, marking the cut with "…".
pub(crate) fn excerpt(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// `claimdiff sources`: one row per source, then what was marked as boilerplate in
/// each, so that a reader can check nothing of the article was set aside.
pub fn sources(views: &[SourceView], style: &Style) -> String {
    let mut t = new_table(
        style,
        &["source", "outlet", "published", "sentences", "boilerplate"],
    );
    for v in views {
        let published = match &v.published {
            Some(d) => format!("{d} (from {})", v.published_from),
            None => String::from("unknown"),
        };
        t.add_row(vec![
            Cell::new(&v.id),
            Cell::new(v.outlet.as_deref().unwrap_or("unknown")),
            Cell::new(published),
            Cell::new(format!("{} ({} body)", v.sentences, v.body_sentences))
                .set_alignment(CellAlignment::Right),
            Cell::new(format!("{} spans", v.boilerplate.len())).set_alignment(CellAlignment::Right),
        ]);
    }
    let mut out = format!("{t}\n");
    let mut b = new_table(style, &["source", "span", "why", "boilerplate text"]);
    let mut any = false;
    for v in views {
        for bp in &v.boilerplate {
            any = true;
            b.add_row(vec![
                Cell::new(&v.id),
                Cell::new(format!("{}..{}", bp.start, bp.end)),
                Cell::new(bp.reason),
                Cell::new(excerpt(&bp.text, EXCERPT)),
            ]);
        }
    }
    if any {
        out.push('\n');
        out.push_str(&wrap(
            "Marked as boilerplate (kept in the text, left out of the analysis):",
            usize::from(style.width),
            "",
        ));
        out.push_str(&format!("{b}\n"));
    }
    out
}

/// `claimdiff sentences`: one row per sentence with its byte span.
pub fn sentences(rows: &[SentenceView], names: &SourceNames, style: &Style) -> String {
    let mut t = new_table(style, &["source", "span", "bp", "sentence"]);
    for r in rows {
        let mut text = Cell::new(&r.text);
        if r.boilerplate && style.color {
            text = text.fg(Color::DarkGrey);
        }
        t.add_row(vec![
            Cell::new(names.name(&r.source)),
            Cell::new(format!("{}..{}", r.start, r.end)),
            Cell::new(if r.boilerplate { "yes" } else { "" }),
            text,
        ]);
    }
    format!("{t}\n")
}

/// Characters of context shown around a figure.
const CONTEXT: usize = 150;

/// A source as a reader knows it: its outlet (or id), then its date.
fn source_cell(view: &ReportView, names: &SourceNames, id: &str) -> String {
    let name = names.name(id);
    match view.sources.iter().find(|s| s.id == id) {
        Some(s) => format!("{name}\n{}", s.published.as_deref().unwrap_or("undated")),
        None => name.to_string(),
    }
}

/// Wraps `text` into lines of at most `width` characters, each starting with `indent`.
fn wrap(text: &str, width: usize, indent: &str) -> String {
    let mut out = String::new();
    let mut line = String::from(indent);
    for word in text.split_whitespace() {
        let len = line.chars().count();
        if len > indent.len() && len + 1 + word.chars().count() > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line = String::from(indent);
        }
        if line.chars().count() > indent.len() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if line.chars().count() > indent.len() {
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// Each finding as a numbered title (fact, kind, severity and why), then a table of
/// the values each source states with the words around them.
fn findings_table(view: &ReportView, list: &[FindingView], style: &Style) -> String {
    let width = usize::from(style.width);
    let names = view.source_names();
    let mut out = String::new();
    for (i, f) in list.iter().enumerate() {
        let title = format!("{}. {} ({})", i + 1, f.fact, f.kind);
        out.push('\n');
        match (&f.severity, style.color) {
            (Some(s), true) => {
                let color = match s.level {
                    "high" => "31",
                    "medium" => "33",
                    _ => "1",
                };
                out.push_str(&format!("\u{1b}[1m{title}\u{1b}[0m\n"));
                let why = wrap(&format!("{} severity: {}", s.level, s.why), width, "   ");
                out.push_str(&format!("\u{1b}[{color}m{}\u{1b}[0m\n", why.trim_end()));
            }
            (Some(s), false) => {
                out.push_str(&wrap(&title, width, ""));
                out.push_str(&wrap(
                    &format!("{} severity: {}", s.level, s.why),
                    width,
                    "   ",
                ));
            }
            (None, _) => out.push_str(&wrap(&title, width, "")),
        }
        if let Some(note) = &f.note {
            out.push_str(&wrap(note, width, "   "));
        }
        if f.severity.is_some()
            && let Some(line) = super::evidence_line(f)
        {
            out.push_str(&wrap(&line, width, "   "));
        }
        let mut t = new_table(style, &["source", "stated", "in context"]);
        for v in &f.values {
            let (before, figure, after) = context(v, CONTEXT);
            let mut stated = format!("{}\n= {}", v.text, shown_value(f.kind, &v.value));
            match &v.derivation {
                Some(d) if d.contains("resolved") => stated.push_str("\n(resolved)"),
                Some(_) => stated.push_str("\n(derived)"),
                None => {}
            }
            if let Some(note) = v.repeat_note() {
                stated.push_str(&format!("\n({note})"));
            }
            let figure_text = if style.color {
                format!("\u{1b}[1m{figure}\u{1b}[22m")
            } else {
                format!("[{figure}]")
            };
            t.add_row(vec![
                Cell::new(source_cell(view, &names, &v.source)),
                Cell::new(stated),
                Cell::new(format!("{before}{figure_text}{after}")),
            ]);
        }
        out.push_str(&format!("{t}\n"));
        if !f.explain.is_empty() {
            out.push_str("   why grouped:\n");
            for e in &f.explain {
                out.push_str(&wrap(e, width, "   - "));
            }
        }
    }
    out
}

pub(crate) fn plain_value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn heading(out: &mut String, title: &str, style: &Style) {
    if style.color {
        out.push_str(&format!("\n\u{1b}[1m{title}\u{1b}[0m\n"));
    } else {
        out.push_str(&format!("\n{title}\n"));
    }
}

/// The whole report as tables: warnings, discrepancies, candidates to review,
/// updates, agreements,
/// reused passages, sources.
pub fn report(view: &ReportView, style: &Style) -> String {
    let names = view.source_names();
    let mut out = format!("claimdiff report: {}\n", super::summary_line(view));
    if !view.warnings.is_empty() {
        heading(&mut out, "WARNINGS", style);
        for w in &view.warnings {
            let line = wrap(
                &format!("{}: {}", w.kind, w.message),
                usize::from(style.width),
                "  ",
            );
            out.push_str(&format!("-{}", &line[1..]));
        }
    }
    let sections: [(&str, &[FindingView]); 4] = [
        ("DISCREPANCIES: the sources disagree", &view.discrepancies),
        (
            "TO REVIEW: the values differ, but the evidence that they state one fact is weak",
            &view.to_review,
        ),
        (
            "UPDATES: the value changed between publication dates",
            &view.updates,
        ),
        (
            "AGREEMENTS: two or more sources state the same value",
            &view.agreements,
        ),
    ];
    for (title, list) in sections {
        heading(&mut out, title, style);
        if list.is_empty() {
            out.push_str("none\n");
        } else {
            out.push_str(&findings_table(view, list, style));
        }
    }
    heading(&mut out, "REUSED PASSAGES", style);
    if view.passages.is_empty() {
        out.push_str("none\n");
    } else {
        let mut t = new_table(style, &["kind", "sim.", "sources", "passage"]);
        for p in &view.passages {
            let sources: Vec<_> = p
                .occurrences
                .iter()
                .map(|o| names.name(&o.source))
                .collect();
            let text = p.occurrences.first().map_or("", |o| o.text.as_str());
            let mut kind = p.kind.to_string();
            if let Some(s) = &p.speaker {
                kind.push_str(&format!("\n({s})"));
            }
            t.add_row(vec![
                Cell::new(kind),
                Cell::new(format!("{:.2}", p.similarity)),
                Cell::new(sources.join("\n")),
                Cell::new(excerpt(text, 150)),
            ]);
        }
        out.push_str(&format!("{t}\n"));
    }
    heading(&mut out, "SOURCES", style);
    out.push_str(&sources_brief(view, style));
    out
}

fn sources_brief(view: &ReportView, style: &Style) -> String {
    let mut t = new_table(style, &["source", "outlet", "published", "sentences"]);
    for s in &view.sources {
        let published = match &s.published {
            Some(d) => format!("{d} (from {})", s.published_from),
            None => String::from("unknown"),
        };
        t.add_row(vec![
            Cell::new(&s.id),
            Cell::new(s.outlet.as_deref().unwrap_or("unknown")),
            Cell::new(published),
            Cell::new(s.body_sentences).set_alignment(CellAlignment::Right),
        ]);
    }
    format!("{t}\n")
}

/// A duration in seconds in the largest unit that fits ("1.5 years", "50 minutes").
fn human_duration(seconds: f64) -> String {
    const UNITS: [(f64, &str); 7] = [
        (31_556_952.0, "year"),
        (2_629_746.0, "month"),
        (604_800.0, "week"),
        (86_400.0, "day"),
        (3_600.0, "hour"),
        (60.0, "minute"),
        (1.0, "second"),
    ];
    let (size, name) = UNITS
        .iter()
        .copied()
        .find(|(size, _)| seconds >= *size)
        .unwrap_or((1.0, "second"));
    let n = ((seconds / size) * 10.0).round() / 10.0;
    let plural = if (n - 1.0).abs() < f64::EPSILON {
        ""
    } else {
        "s"
    };
    format!("{} {name}{plural}", crate::figure::format_number(n))
}

/// The normalized value as shown in tables: durations also in a readable unit.
pub(crate) fn shown_value(kind: &str, value: &serde_json::Value) -> String {
    match (kind, value.as_f64()) {
        ("duration", Some(s)) => format!("{} s\n({})", plain_value(value), human_duration(s)),
        _ => plain_value(value),
    }
}

/// `claimdiff figures`: one row per figure, with the words around it.
pub fn figures(rows: &[super::FigureView], names: &SourceNames, style: &Style) -> String {
    let mut t = new_table(style, &["source / span", "figure", "about", "in context"]);
    for f in rows {
        let mut figure = format!("{}\n{} = {}", f.text, f.kind, shown_value(f.kind, &f.value));
        if f.qualifier != "exact" {
            figure.push_str(&format!("\n({})", f.qualifier));
        }
        let mut about: Vec<String> = Vec::new();
        if let Some(c) = &f.counted {
            about.push(c.clone());
        }
        if let Some(p) = &f.predicate {
            about.push(format!("[{p}]"));
        }
        if let Some(d) = &f.derivation {
            about.push(d.clone());
        }
        let v = ValueView {
            source: f.source.clone(),
            value: f.value.clone(),
            text: f.text.clone(),
            qualifier: f.qualifier,
            sentence: f.sentence.clone(),
            sentence_start: f.sentence_start,
            start: f.start,
            end: f.end,
            published: None,
            derivation: None,
            repeated_at: Vec::new(),
        };
        let (before, figure_text, after) = context(&v, 90);
        t.add_row(vec![
            Cell::new(format!("{}\n{}..{}", names.name(&f.source), f.start, f.end)),
            Cell::new(figure),
            Cell::new(about.join("\n")),
            Cell::new(format!("{before}[{figure_text}]{after}")),
        ]);
    }
    format!("{t}\n")
}

/// `claimdiff align`: passages shared across sources with their edits, then
/// quotations with the speaker each source gives.
pub fn align(view: &ReportView, style: &Style) -> String {
    let names = view.source_names();
    let mut out = format!("claimdiff align: {}\n", super::summary_line(view));
    let conflicts: Vec<FindingView> = view
        .discrepancies
        .iter()
        .filter(|d| d.kind == "attribution")
        .cloned()
        .collect();
    if !conflicts.is_empty() {
        heading(
            &mut out,
            "ATTRIBUTION CONFLICTS: the same words, different speakers",
            style,
        );
        out.push_str(&findings_table(view, &conflicts, style));
    }
    heading(&mut out, "REUSED PASSAGES", style);
    if view.passages.is_empty() {
        out.push_str("none\n");
    }
    let width = usize::from(style.width);
    for (i, p) in view.passages.iter().enumerate() {
        let speaker = p
            .speaker
            .as_deref()
            .map(|s| format!(", quoting {s}"))
            .unwrap_or_default();
        out.push('\n');
        out.push_str(&wrap(
            &format!(
                "{}. {} passage, similarity {:.2}{speaker}",
                i + 1,
                p.kind,
                p.similarity
            ),
            width,
            "",
        ));
        let mut t = new_table(style, &["source", "span", "text"]);
        for o in &p.occurrences {
            t.add_row(vec![
                Cell::new(names.name(&o.source)),
                Cell::new(format!("{}..{}", o.start, o.end)),
                Cell::new(excerpt(&o.text, 300)),
            ]);
        }
        out.push_str(&format!("{t}\n"));
        for e in &p.edits {
            out.push_str(&wrap(
                &format!(
                    "edits {} → {}: {}",
                    names.name(&e.from),
                    names.name(&e.to),
                    excerpt(&e.inline, 600)
                ),
                width,
                "   ",
            ));
        }
    }
    heading(&mut out, "QUOTES", style);
    if view.quotes.is_empty() {
        out.push_str("none\n");
    } else {
        let mut t = new_table(style, &["speaker", "sources", "quote"]);
        for q in &view.quotes {
            let sources: Vec<String> = q
                .occurrences
                .iter()
                .map(|o| match &o.speaker {
                    Some(s) if Some(s) != q.speaker.as_ref() => {
                        format!("{} ({s})", names.name(&o.source))
                    }
                    _ => names.name(&o.source).to_string(),
                })
                .collect();
            t.add_row(vec![
                Cell::new(q.speaker.as_deref().unwrap_or("unknown")),
                Cell::new(sources.join("\n")),
                Cell::new(excerpt(&q.text, 160)),
            ]);
        }
        out.push_str(&format!("{t}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_in_the_largest_unit() {
        assert_eq!(human_duration(3000.0), "50 minutes");
        assert_eq!(human_duration(3600.0), "1 hour");
        assert_eq!(human_duration(47_335_428.0), "1.5 years");
        assert_eq!(human_duration(7.0 * 86_400.0), "1 week");
        assert_eq!(human_duration(0.0), "0 seconds");
    }

    #[test]
    fn excerpt_cuts_on_characters_and_folds_space() {
        assert_eq!(excerpt("a  b\nc", 10), "a b c");
        assert_eq!(excerpt("ééééé", 3), "éé…");
    }
}

//! The HTML printer: the whole report as one self-contained page.
//!
//! The page has its style sheet inline and loads nothing: no script, no font, no
//! image, so it can be mailed, archived or opened offline, and it reads the same
//! everywhere. Sections fold with `<details>`, which needs no script.
//!
//! Every piece of text that comes from a source (ids, outlets, file names,
//! sentences, passages, speakers) goes through [`escape`]; the only markup is the
//! fixed tags written here, and attributes hold only numbers, fixed class names
//! and ids reduced to safe characters. Figures are highlighted with `<mark>` on the
//! exact bytes the finding points at, and passage edits with `<del>` and `<ins>`
//! on the exact bytes of each edit, so what a reader sees highlighted is what the
//! analysis read.

use std::fmt::Write as _;

use super::{
    EditsView, FindingView, OccurrenceView, PassageView, ReportView, SourceView, SpanView,
    ValueView, summary_line, table,
};

/// The style sheet, inline in the page.
const CSS: &str = "\
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--card:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,'Noto Sans',sans-serif;color:var(--fg);background:var(--bg)}
header,main{max-width:1200px;margin:0 auto;padding:0 1.5rem}
header{padding-top:1.2rem;border-bottom:1px solid var(--line)}
h1{font-size:1.6rem;margin:.2rem 0}
h2{font-size:1.3rem;margin:0;display:inline}
h3{font-size:1.05rem;margin:0 0 .3rem}
code{font:12px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:var(--card);padding:0 .25em;border-radius:4px;overflow-wrap:anywhere}
nav ul{list-style:none;padding:0;margin:.6rem 0;display:flex;flex-wrap:wrap;gap:.4rem}
nav a{display:inline-block;padding:.15rem .6rem;border:1px solid var(--line);border-radius:1rem;color:var(--fg);text-decoration:none;font-size:.9rem}
nav .n{font-weight:700}
table{border-collapse:collapse;width:100%;margin:.4rem 0 .8rem}
th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:var(--card);font-weight:600;font-size:.85rem}
td.num{text-align:right;white-space:nowrap}
.muted,.meta{color:var(--muted);font-size:.85rem}
.date{white-space:nowrap}
section{margin:1.4rem 0}
summary{cursor:pointer;padding:.3rem 0}
.lead{margin:.3rem 0 .6rem}
.finding,.passage{border:1px solid var(--line);border-left:4px solid var(--line);border-radius:6px;padding:.7rem .9rem;margin:.8rem 0;background:var(--bg)}
.discrepancy{border-left-color:#cf222e}
.review{border-left-color:#9a6700;border-style:dashed;background:#fffbf0}
.update{border-left-color:#8250df}
.agreement{border-left-color:#1a7f37}
.passage{border-left-color:#0969da}
.badge{display:inline-block;font-size:.75rem;font-weight:600;padding:0 .45rem;border-radius:1rem;border:1px solid var(--line);color:var(--muted);vertical-align:middle;margin-left:.3rem}
.sev-high{background:#ffebe9;color:#a40e26;border-color:#ffcecb}
.sev-medium{background:#fff8c5;color:#7d4e00;border-color:#eac54f}
.sev-low{background:#ddf4ff;color:#0550ae;border-color:#80ccff}
.why{margin:.2rem 0}
ul.evidence{margin:.2rem 0 .4rem;padding-left:1.2rem;font-size:.9rem}
td.src{width:14rem}
td.src code{display:block;width:fit-content;margin-bottom:.1rem}
td.stated{width:11rem}
.sentence{font-size:.95rem}
mark{background:#ffe066;color:inherit;padding:0 .1em;border-radius:2px;font-weight:600}
.pair{display:grid;grid-template-columns:repeat(auto-fit,minmax(320px,1fr));gap:.8rem;margin:.5rem 0}
.side{border:1px solid var(--line);border-radius:6px;padding:.5rem .7rem;background:var(--card)}
.side .head{font-size:.85rem;color:var(--muted);margin-bottom:.3rem}
.side .text{white-space:pre-wrap;margin:0;font-size:.95rem}
del{background:#ffd7d5;color:#82071e}
ins{background:#ccffd8;color:#055d20;text-decoration:none}
del.rep,ins.rep{background:#fff1b8;color:#6a4500;text-decoration:underline wavy #bf8700}
del.rep{text-decoration:line-through}
.fig{outline:2px solid #d4760b;font-weight:700}
.legend{font-size:.85rem;color:var(--muted)}
.legend del,.legend ins{padding:0 .3em}
footer{max-width:1200px;margin:2rem auto 1rem;padding:0 1.5rem;color:var(--muted);font-size:.8rem}
";

/// Characters that HTML gives a meaning to, as character references. A carriage
/// return is written as a reference too, since a parser turns a raw one into a
/// line feed and the page would no longer show the source's exact characters.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\r' => out.push_str("&#13;"),
            c => out.push(c),
        }
    }
    out
}

/// An id for an `id` attribute: the stable finding or passage id, kept to letters,
/// digits, `-` and `_` (it is a fingerprint already; this only makes sure).
fn anchor(prefix: &str, id: &str) -> String {
    let safe: String = id
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    format!("{prefix}-{safe}")
}

/// A stretch of a source's text to wrap in a tag: byte offsets into the source,
/// and the tags (fixed markup, never source text).
struct Mark {
    start: usize,
    end: usize,
    open: String,
    close: &'static str,
}

/// True when `[start, end)` is a non-empty span inside `text`, which starts at
/// byte `base` of its source, on character boundaries.
fn fits(text: &str, base: usize, start: usize, end: usize) -> bool {
    start >= base
        && end > start
        && end - base <= text.len()
        && text.is_char_boundary(start - base)
        && text.is_char_boundary(end - base)
}

/// `text` (which starts at byte `base` of its source), escaped, with each mark's
/// span wrapped in its tags. Marks that do not fit the text or overlap an earlier
/// one are left out, so the text itself is always whole.
fn marked(text: &str, base: usize, mut marks: Vec<Mark>) -> String {
    marks.retain(|m| fits(text, base, m.start, m.end));
    marks.sort_by_key(|m| (m.start, m.end));
    let mut out = String::with_capacity(text.len() + marks.len() * 32);
    let mut at = 0;
    for m in marks {
        let (a, b) = (m.start - base, m.end - base);
        if a < at {
            continue;
        }
        out.push_str(&escape(&text[at..a]));
        out.push_str(&m.open);
        out.push_str(&escape(&text[a..b]));
        out.push_str(m.close);
        at = b;
    }
    out.push_str(&escape(&text[at..]));
    out
}

/// The source's id, outlet and date, for a table cell or a column head.
fn source_label(view: &ReportView, id: &str) -> String {
    match view.sources.iter().find(|s| s.id == id) {
        Some(s) => format!(
            "<code>{}</code> {} <span class=\"muted date\">{}</span>",
            escape(id),
            escape(s.outlet.as_deref().unwrap_or("unknown outlet")),
            escape(s.published.as_deref().unwrap_or("undated"))
        ),
        None => format!("<code>{}</code>", escape(id)),
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The sections of the report: (anchor, title, count).
fn sections(view: &ReportView) -> [(&'static str, &'static str, usize); 7] {
    [
        ("discrepancies", "Discrepancies", view.discrepancies.len()),
        ("to-review", "To review", view.to_review.len()),
        ("updates", "Updates", view.updates.len()),
        ("agreements", "Agreements", view.agreements.len()),
        ("passages", "Reused passages", view.passages.len()),
        ("quotes", "Quotes", view.quotes.len()),
        ("sources", "Sources", view.sources.len()),
    ]
}

fn header(out: &mut String, view: &ReportView) {
    out.push_str("<header>\n<h1>claimdiff report</h1>\n");
    let _ = writeln!(out, "<p class=\"lead\">{}</p>", escape(&summary_line(view)));
    out.push_str("<nav><ul>\n");
    for (id, title, n) in sections(view) {
        let _ = writeln!(
            out,
            "<li><a href=\"#{id}\">{title} <span class=\"n\">{n}</span></a></li>"
        );
    }
    out.push_str("</ul></nav>\n");
    sources_table(out, &view.sources);
    out.push_str("</header>\n");
}

fn sources_table(out: &mut String, sources: &[SourceView]) {
    out.push_str("<section id=\"sources\">\n<details open><summary><h2>Sources</h2> ");
    let _ = writeln!(
        out,
        "<span class=\"muted\">{}</span></summary>",
        plural(sources.len(), "source", "sources")
    );
    out.push_str(
        "<table class=\"sources\">\n<thead><tr><th>source</th><th>outlet</th><th>published</th>\
         <th>file</th><th>sentences</th></tr></thead>\n<tbody>\n",
    );
    for s in sources {
        let published = match (&s.published, &s.published_text) {
            (Some(d), Some(t)) => format!(
                "{} <span class=\"muted\">from the {}: “{}”</span>",
                escape(d),
                escape(s.published_from),
                escape(t)
            ),
            (Some(d), None) => format!(
                "{} <span class=\"muted\">from the {}</span>",
                escape(d),
                escape(s.published_from)
            ),
            (None, _) => String::from("<span class=\"muted\">unknown</span>"),
        };
        let outlet = match (&s.outlet, &s.url) {
            (Some(o), Some(u)) => format!(
                "{}<br><span class=\"muted\">{}</span>",
                escape(o),
                escape(u)
            ),
            (Some(o), None) => escape(o),
            (None, Some(u)) => format!("<span class=\"muted\">{}</span>", escape(u)),
            (None, None) => String::from("<span class=\"muted\">unknown</span>"),
        };
        let _ = writeln!(
            out,
            "<tr class=\"source\"><td><code>{}</code></td><td>{outlet}</td><td>{published}</td>\
             <td><code>{}</code></td><td class=\"num\">{}</td></tr>",
            escape(&s.id),
            escape(&s.path),
            s.body_sentences
        );
    }
    out.push_str("</tbody>\n</table>\n</details>\n</section>\n");
}

fn warnings(out: &mut String, view: &ReportView) {
    if view.warnings.is_empty() {
        return;
    }
    out.push_str("<section id=\"warnings\">\n<h2>Warnings</h2>\n<ul>\n");
    for w in &view.warnings {
        let _ = writeln!(
            out,
            "<li><strong>{}</strong>: {}</li>",
            escape(w.kind),
            escape(&w.message)
        );
    }
    out.push_str("</ul>\n</section>\n");
}

/// A list of findings: one card per finding, with a table of each source's value
/// and its sentence, the figure marked.
fn findings(
    out: &mut String,
    view: &ReportView,
    (id, title, class, lead): (&str, &str, &str, &str),
    list: &[FindingView],
) {
    let _ = write!(
        out,
        "<section id=\"{id}\">\n<details open><summary><h2>{title}</h2> <span class=\"muted\">{}</span></summary>\n<p class=\"lead\">{lead}</p>\n",
        list.len()
    );
    if list.is_empty() {
        out.push_str("<p class=\"muted\">None.</p>\n");
    }
    for (i, f) in list.iter().enumerate() {
        finding(out, view, id, class, i + 1, f);
    }
    out.push_str("</details>\n</section>\n");
}

fn finding(
    out: &mut String,
    view: &ReportView,
    section: &str,
    class: &str,
    n: usize,
    f: &FindingView,
) {
    let _ = writeln!(
        out,
        "<article class=\"finding {class}\" id=\"{}\">",
        anchor(section, &f.id)
    );
    let severity = f
        .severity
        .as_ref()
        .map(|s| {
            format!(
                "<span class=\"badge sev-{0}\">{0} severity</span>",
                escape(s.level)
            )
        })
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "<h3>{n}. {} <span class=\"badge\">{}</span>{severity}</h3>",
        escape(&f.fact),
        escape(f.kind)
    );
    let mut meta = vec![format!("id <code>{}</code>", escape(&f.id))];
    if let Some(c) = f.confidence {
        meta.push(format!("confidence {c:.2}"));
    }
    match f.strong_evidence {
        Some(true) => meta.push(String::from("strong same-fact evidence")),
        Some(false) => meta.push(String::from("weak same-fact evidence")),
        None => {}
    }
    let _ = writeln!(out, "<p class=\"meta\">{}</p>", meta.join(" · "));
    if let Some(s) = &f.severity {
        let _ = writeln!(out, "<p class=\"why\">{}</p>", escape(&s.why));
    }
    if let Some(note) = &f.note {
        let _ = writeln!(out, "<p class=\"why note\">{}</p>", escape(note));
    }
    if !f.evidence.is_empty() {
        out.push_str("<p class=\"meta\">same-fact evidence:</p>\n<ul class=\"evidence\">\n");
        for e in &f.evidence {
            let _ = writeln!(out, "<li>{}</li>", escape(e));
        }
        out.push_str("</ul>\n");
    }
    out.push_str(
        "<table class=\"values\">\n<thead><tr><th>source</th><th>stated</th><th>sentence</th></tr></thead>\n<tbody>\n",
    );
    for v in &f.values {
        value_row(out, view, f.kind, v);
    }
    out.push_str("</tbody>\n</table>\n");
    if !f.explain.is_empty() {
        out.push_str("<details class=\"explain\"><summary>why grouped</summary>\n<ul>\n");
        for e in &f.explain {
            let _ = writeln!(out, "<li>{}</li>", escape(e));
        }
        out.push_str("</ul>\n</details>\n");
    }
    out.push_str("</article>\n");
}

fn value_row(out: &mut String, view: &ReportView, kind: &str, v: &ValueView) {
    let mut stated = format!(
        "<strong>{}</strong><br>= {} <span class=\"muted\">({})</span>",
        escape(&v.text),
        escape(&table::shown_value(kind, &v.value).replace('\n', " ")),
        escape(v.qualifier)
    );
    if let Some(d) = &v.derivation {
        let _ = write!(stated, "<br><span class=\"muted\">{}</span>", escape(d));
    }
    if let Some(note) = v.repeat_note() {
        let _ = write!(stated, "<br><span class=\"muted\">{}</span>", escape(&note));
    }
    let sentence = if fits(&v.sentence, v.sentence_start, v.start, v.end) {
        marked(
            &v.sentence,
            v.sentence_start,
            vec![Mark {
                start: v.start,
                end: v.end,
                open: format!("<mark data-start=\"{}\" data-end=\"{}\">", v.start, v.end),
                close: "</mark>",
            }],
        )
    } else {
        // The span reaches past the sentence (an attribution after a long
        // quote): the sentence as it is, then the words pointed at.
        format!(
            "{} <span class=\"muted\">(at {}–{}:</span> <mark data-start=\"{}\" data-end=\"{}\">{}</mark><span class=\"muted\">)</span>",
            escape(&v.sentence),
            v.start,
            v.end,
            v.start,
            v.end,
            escape(&v.text)
        )
    };
    let _ = writeln!(
        out,
        "<tr class=\"value\"><td class=\"src\">{}</td><td class=\"stated\">{stated}</td>\
         <td class=\"sentence\" data-start=\"{}\">{sentence}</td></tr>",
        source_label(view, &v.source),
        v.sentence_start
    );
}

/// The tags marking one side of an edit.
fn edit_tags(tag: &'static str, op: &str, figure: bool, span: &SpanView) -> Mark {
    let mut class = String::from(if op == "replace" { "rep" } else { "" });
    if figure {
        class.push_str(if class.is_empty() { "fig" } else { " fig" });
    }
    let class = if class.is_empty() {
        String::new()
    } else {
        format!(" class=\"{class}\"")
    };
    Mark {
        start: span.start,
        end: span.end,
        open: format!(
            "<{tag}{class} data-start=\"{}\" data-end=\"{}\">",
            span.start, span.end
        ),
        close: if tag == "del" { "</del>" } else { "</ins>" },
    }
}

/// One occurrence as a column: its source, span and text, with `marks`.
fn side(out: &mut String, view: &ReportView, index: usize, o: &OccurrenceView, marks: Vec<Mark>) {
    let speaker = o
        .speaker
        .as_deref()
        .map(|s| format!(" · said by {}", escape(s)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "<div class=\"side occurrence\" data-occurrence=\"{index}\" data-start=\"{}\" data-end=\"{}\">\
         <div class=\"head\">{} · bytes {}–{}{speaker}</div>\
         <p class=\"text\">{}</p></div>",
        o.start,
        o.end,
        source_label(view, &o.source),
        o.start,
        o.end,
        marked(&o.text, o.start, marks)
    );
}

/// Index of an edit's occurrence: the one recorded, else the first of its source.
fn occurrence_index(p: &PassageView, recorded: Option<usize>, source: &str) -> Option<usize> {
    recorded
        .filter(|&i| i < p.occurrences.len())
        .or_else(|| p.occurrences.iter().position(|o| o.source == source))
}

fn edits_pair(out: &mut String, view: &ReportView, p: &PassageView, e: &EditsView) -> Vec<usize> {
    let (Some(a), Some(b)) = (
        occurrence_index(p, e.from_occurrence, &e.from),
        occurrence_index(p, e.to_occurrence, &e.to),
    ) else {
        return Vec::new();
    };
    let left = e
        .ops
        .iter()
        .filter_map(|op| {
            op.old_span
                .as_ref()
                .map(|s| edit_tags("del", op.op, op.figure, s))
        })
        .collect();
    let right = e
        .ops
        .iter()
        .filter_map(|op| {
            op.new_span
                .as_ref()
                .map(|s| edit_tags("ins", op.op, op.figure, s))
        })
        .collect();
    out.push_str("<div class=\"pair\">\n");
    side(out, view, a, &p.occurrences[a], left);
    side(out, view, b, &p.occurrences[b], right);
    out.push_str("</div>\n");
    let changes: Vec<String> = e
        .ops
        .iter()
        .map(|op| {
            let fig = if op.figure { " fig" } else { "" };
            let only = if op.figure { " class=\"fig\"" } else { "" };
            match op.op {
                "insert" => format!("<ins{only}>{}</ins>", escape(&op.new)),
                "delete" => format!("<del{only}>{}</del>", escape(&op.old)),
                _ => format!(
                    "<del class=\"rep{fig}\">{}</del> → <ins class=\"rep{fig}\">{}</ins>",
                    escape(&op.old),
                    escape(&op.new)
                ),
            }
        })
        .collect();
    let _ = writeln!(
        out,
        "<p class=\"legend changes\">{}: {}</p>",
        plural(e.ops.len(), "change", "changes"),
        changes.join(" · ")
    );
    vec![a, b]
}

fn passages(out: &mut String, view: &ReportView) {
    let _ = write!(
        out,
        "<section id=\"passages\">\n<details open><summary><h2>Reused passages</h2> <span class=\"muted\">{}</span></summary>\n",
        view.passages.len()
    );
    out.push_str(
        "<p class=\"lead\">Text printed by two or more sources, side by side. Marked: \
         <del>only in the left</del> <ins>only in the right</ins> \
         <del class=\"rep\">changed</del> <ins class=\"rep\">words</ins> \
         <del class=\"rep fig\">changed</del> <ins class=\"rep fig\">figures</ins>.</p>\n",
    );
    if view.passages.is_empty() {
        out.push_str("<p class=\"muted\">None.</p>\n");
    }
    for (i, p) in view.passages.iter().enumerate() {
        let speaker = p
            .speaker
            .as_deref()
            .map(|s| format!(" · quoting {}", escape(s)))
            .unwrap_or_default();
        let _ = write!(
            out,
            "<article class=\"passage {}\" id=\"{}\">\n<h3>{}. {} passage <span class=\"badge\">similarity {:.2}</span>{speaker}</h3>\n<p class=\"meta\">id <code>{}</code> · {}</p>\n",
            escape(p.kind),
            anchor("passage", &p.id),
            i + 1,
            escape(p.kind),
            p.similarity,
            escape(&p.id),
            plural(p.occurrences.len(), "occurrence", "occurrences")
        );
        let mut shown = vec![false; p.occurrences.len()];
        for e in &p.edits {
            for k in edits_pair(out, view, p, e) {
                shown[k] = true;
            }
        }
        let rest: Vec<usize> = (0..p.occurrences.len()).filter(|&k| !shown[k]).collect();
        if !rest.is_empty() {
            if rest.len() < p.occurrences.len() {
                out.push_str("<p class=\"meta\">Also printed, word for word as above:</p>\n");
            }
            out.push_str("<div class=\"pair\">\n");
            for k in rest {
                side(out, view, k, &p.occurrences[k], Vec::new());
            }
            out.push_str("</div>\n");
        }
        out.push_str("</article>\n");
    }
    out.push_str("</details>\n</section>\n");
}

fn quotes(out: &mut String, view: &ReportView) {
    let _ = write!(
        out,
        "<section id=\"quotes\">\n<details open><summary><h2>Quotes</h2> <span class=\"muted\">{}</span></summary>\n",
        view.quotes.len()
    );
    if view.quotes.is_empty() {
        out.push_str("<p class=\"muted\">None.</p>\n");
    } else {
        out.push_str(
            "<table class=\"quotes\">\n<thead><tr><th>speaker</th><th>sources</th><th>quote</th></tr></thead>\n<tbody>\n",
        );
        for q in &view.quotes {
            let sources: Vec<String> = q
                .occurrences
                .iter()
                .map(|o| match &o.speaker {
                    Some(s) if Some(s) != q.speaker.as_ref() => {
                        format!("<code>{}</code> ({})", escape(&o.source), escape(s))
                    }
                    _ => format!("<code>{}</code>", escape(&o.source)),
                })
                .collect();
            let _ = writeln!(
                out,
                "<tr class=\"quote\" id=\"{}\"><td>{}</td><td>{}</td><td>“{}”</td></tr>",
                anchor("quote", &q.id),
                escape(q.speaker.as_deref().unwrap_or("unknown")),
                sources.join("<br>"),
                escape(&q.text)
            );
        }
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</details>\n</section>\n");
}

/// The whole report as one self-contained HTML page.
pub fn report(view: &ReportView) -> String {
    let mut out = String::from(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"claimdiff\">\n<title>claimdiff report</title>\n<style>\n",
    );
    out.push_str(CSS);
    out.push_str("</style>\n</head>\n<body>\n");
    header(&mut out, view);
    out.push_str("<main>\n");
    warnings(&mut out, view);
    findings(
        &mut out,
        view,
        (
            "discrepancies",
            "Discrepancies",
            "discrepancy",
            "Facts on which the sources disagree, with strong evidence that the values state one fact.",
        ),
        &view.discrepancies,
    );
    findings(
        &mut out,
        view,
        (
            "to-review",
            "To review (not discrepancies)",
            "review",
            "The values differ, but the evidence that they state one fact is weak: candidates to check by hand, never counted as discrepancies.",
        ),
        &view.to_review,
    );
    findings(
        &mut out,
        view,
        (
            "updates",
            "Updates",
            "update",
            "The value changed between sources published at different times.",
        ),
        &view.updates,
    );
    findings(
        &mut out,
        view,
        (
            "agreements",
            "Agreements",
            "agreement",
            "Facts stated alike by two or more sources.",
        ),
        &view.agreements,
    );
    passages(&mut out, view);
    quotes(&mut out, view);
    out.push_str("</main>\n<footer>Generated by claimdiff. Every highlighted span is the exact text the finding points at.</footer>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize) -> Mark {
        Mark {
            start,
            end,
            open: String::from("<mark>"),
            close: "</mark>",
        }
    }

    #[test]
    fn escape_leaves_no_markup_characters() {
        assert_eq!(
            escape("<b a=\"x\" c='y'>&amp;\r\n</b>"),
            "&lt;b a=&quot;x&quot; c=&#39;y&#39;&gt;&amp;amp;&#13;\n&lt;/b&gt;"
        );
    }

    #[test]
    fn marks_wrap_their_bytes_and_the_rest_is_escaped() {
        let text = "The ferry <carried> 120 cars & 30 vans.";
        let at = text.find("120").unwrap();
        let html = marked(text, 1000, vec![mark(1000 + at, 1000 + at + 3)]);
        assert_eq!(
            html,
            "The ferry &lt;carried&gt; <mark>120</mark> cars &amp; 30 vans."
        );
    }

    #[test]
    fn marks_outside_the_text_or_inside_a_character_are_left_out() {
        let text = "Café for 40 guests";
        // 'é' is two bytes at 3..5: a mark starting at 4 would cut it.
        let html = marked(
            text,
            10,
            vec![mark(14, 16), mark(5, 12), mark(20, 99), mark(20, 22)],
        );
        assert_eq!(html, "Café for <mark>40</mark> guests");
    }

    #[test]
    fn overlapping_marks_keep_the_first() {
        let text = "one two three";
        let html = marked(text, 0, vec![mark(4, 13), mark(0, 7)]);
        assert_eq!(html, "<mark>one two</mark> three");
    }

    #[test]
    fn anchors_keep_only_safe_characters() {
        assert_eq!(anchor("passage", "ab12\"><x"), "passage-ab12x");
    }
}

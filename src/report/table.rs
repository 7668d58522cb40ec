//! The table printer (comfy-table), laid out to be readable at 100 columns.

use comfy_table::presets::UTF8_FULL_CONDENSED;
use comfy_table::{Cell, CellAlignment, Color, ContentArrangement, Table};

use super::{SentenceView, SourceView, Style};

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

/// `claimdiff sources`: one row per source, with its boilerplate listed.
pub fn sources(views: &[SourceView], style: &Style) -> String {
    let mut t = new_table(
        style,
        &["source", "outlet", "published", "sentences", "boilerplate"],
    );
    for v in views {
        let published = match &v.published {
            Some(d) => format!("{d}\n(from {})", v.published_from),
            None => String::from("unknown"),
        };
        let sentences = format!("{} ({} body)", v.sentences, v.body_sentences);
        let boilerplate = if v.boilerplate.is_empty() {
            String::from("none")
        } else {
            v.boilerplate
                .iter()
                .map(|b| {
                    format!(
                        "{}..{} {}: {}",
                        b.start,
                        b.end,
                        b.reason,
                        excerpt(&b.text, EXCERPT)
                    )
                })
                .collect::<Vec<_>>()
                .join("\n")
        };
        t.add_row(vec![
            Cell::new(&v.id),
            Cell::new(v.outlet.as_deref().unwrap_or("unknown")),
            Cell::new(published),
            Cell::new(sentences).set_alignment(CellAlignment::Right),
            Cell::new(boilerplate),
        ]);
    }
    format!("{t}\n")
}

/// `claimdiff sentences`: one row per sentence with its byte span.
pub fn sentences(rows: &[SentenceView], style: &Style) -> String {
    let mut t = new_table(style, &["source", "span", "bp", "sentence"]);
    for r in rows {
        let mut text = Cell::new(&r.text);
        if r.boilerplate && style.color {
            text = text.fg(Color::DarkGrey);
        }
        t.add_row(vec![
            Cell::new(&r.source),
            Cell::new(format!("{}..{}", r.start, r.end)),
            Cell::new(if r.boilerplate { "yes" } else { "" }),
            text,
        ]);
    }
    format!("{t}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_cuts_on_characters_and_folds_space() {
        assert_eq!(excerpt("a  b\nc", 10), "a b c");
        assert_eq!(excerpt("ééééé", 3), "éé…");
    }
}

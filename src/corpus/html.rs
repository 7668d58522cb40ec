//! Visible text of an HTML page: no scripts, styles, navigation or hidden elements,
//! with block elements turned into paragraph breaks so that later stages see the
//! same paragraph structure a reader sees. The extracted text becomes the source's
//! text, and every span refers to it.

use ego_tree::NodeRef;
use scraper::{Html, Node};

/// Elements whose content a reader never sees as article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "nav", "iframe", "svg", "canvas", "button",
    "select", "option", "input", "textarea", "object", "embed", "map",
];

/// Elements that start a new paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "main",
    "blockquote",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "hr",
    "address",
    "form",
    "fieldset",
    "legend",
    "label",
    "details",
    "summary",
    "caption",
    "body",
];

/// Extracts the visible text of an HTML document.
pub fn visible_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let mut out = Writer::default();
    walk(doc.tree.root(), &mut out);
    out.finish()
}

#[derive(Default)]
struct Writer {
    text: String,
    /// 0: inline, 1: a line break is pending, 2: a paragraph break is pending.
    pending_break: u8,
    /// A space is pending between two inline runs.
    pending_space: bool,
}

impl Writer {
    fn push_text(&mut self, s: &str) {
        if s.starts_with(char::is_whitespace) {
            self.pending_space = true;
        }
        let mut any = false;
        for word in s.split_whitespace() {
            if !self.text.is_empty() {
                match self.pending_break {
                    2 => self.text.push_str("\n\n"),
                    1 => self.text.push('\n'),
                    _ if self.pending_space => self.text.push(' '),
                    _ => {}
                }
            }
            self.pending_break = 0;
            self.text.push_str(word);
            self.pending_space = true;
            any = true;
        }
        // A run ending without white space glues to the next run ("<b>Wash</b>ington").
        if any && !s.ends_with(char::is_whitespace) {
            self.pending_space = false;
        }
    }

    fn block_break(&mut self) {
        self.pending_break = 2;
    }

    fn line_break(&mut self) {
        self.pending_break = self.pending_break.max(1);
    }

    fn finish(mut self) -> String {
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        self.text
    }
}

fn is_hidden(el: &scraper::node::Element) -> bool {
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if el.attr("role") == Some("navigation") {
        return true;
    }
    el.attr("style").is_some_and(|s| {
        let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        s.to_ascii_lowercase().contains("display:none")
    })
}

fn walk(node: NodeRef<'_, Node>, out: &mut Writer) {
    match node.value() {
        Node::Text(t) => out.push_text(t),
        Node::Element(el) => {
            let name = el.name();
            if SKIPPED.contains(&name) || is_hidden(el) {
                return;
            }
            if name == "br" {
                out.line_break();
                return;
            }
            let block = BLOCKS.contains(&name);
            if block {
                out.block_break();
            }
            for child in node.children() {
                walk(child, out);
            }
            if block {
                out.block_break();
            }
        }
        Node::Document | Node::Fragment => {
            for child in node.children() {
                walk(child, out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_paragraphs_and_drops_scripts_styles_and_navigation() {
        let html = r#"<html><head><title>T</title><style>p{}</style></head><body>
            <nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <h1>A headline</h1>
            <p>First   paragraph with <b>bold</b> text.</p>
            <script>var x = "no";</script>
            <p>Second<br>line.</p>
            <div hidden>secret</div>
            </body></html>"#;
        assert_eq!(
            visible_text(html),
            "A headline\n\nFirst paragraph with bold text.\n\nSecond\nline.\n"
        );
    }

    #[test]
    fn glues_inline_runs_without_spaces() {
        assert_eq!(visible_text("<p><b>Wash</b>ington</p>"), "Washington\n");
    }

    #[test]
    fn decodes_entities() {
        assert_eq!(
            visible_text("<p>Tom &amp; Jerry&rsquo;s</p>"),
            "Tom & Jerry’s\n"
        );
    }

    #[test]
    fn empty_page_gives_empty_text() {
        assert_eq!(
            visible_text("<html><body><script>x</script></body></html>"),
            ""
        );
    }
}

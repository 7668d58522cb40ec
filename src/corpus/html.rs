//! Visible text of an HTML page: no scripts, styles, navigation or hidden elements,
//! with block elements turned into paragraph breaks so that later stages see the
//! same paragraph structure a reader sees. The extracted text becomes the source's
//! text, and every span refers to it.

use std::borrow::Cow;
use std::collections::HashMap;

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

/// The deepest nesting of elements passed to the parser. Deeper start tags (and
/// their end tags) are dropped before parsing, their text kept: the HTML parser
/// checks scopes by scanning its stack of open elements, so a page nested 100,000
/// deep takes minutes to parse; real pages nest a few dozen deep. Browsers cap the
/// depth of the tree they build too (at 512).
pub const MAX_DEPTH: usize = 256;

/// Elements that never have content (no end tag).
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image", "menuitem",
];

/// Elements whose end tag may be left out: the next one of their kind closes
/// them, so they cannot nest by themselves (they nest only through counted
/// elements such as `ul` or `table`).
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rp", "rtc", "html", "head", "body",
];

/// Extracts the visible text of an HTML document.
pub fn visible_text(html: &str) -> String {
    let html = limit_nesting(html, MAX_DEPTH);
    let doc = Html::parse_document(&html);
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

/// `html` with the start tags nested deeper than `max_depth` removed, and their
/// end tags: a light scan of the tags (comments skipped, quoted attribute values
/// respected) that keeps a stack of the open elements. Void elements and elements
/// whose end tag is optional are not counted. Script content is scanned as markup:
/// it can only count too deep, never too shallow, and it is never visible text.
/// The text itself is never removed. Linear in the length of `html`.
fn limit_nesting(html: &str, max_depth: usize) -> Cow<'_, str> {
    let b = html.as_bytes();
    let mut open: Vec<String> = Vec::new();
    let mut dropped: HashMap<String, usize> = HashMap::new();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        let lt = i + off;
        let rest = &b[lt + 1..];
        if rest.starts_with(b"!--") {
            i = find(b, lt + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        if matches!(rest.first(), Some(b'!' | b'?')) {
            i = find(b, lt + 1, b">").map_or(b.len(), |e| e + 1);
            continue;
        }
        let closing = rest.first() == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            i = lt + 1;
            continue;
        }
        let name_end = b[name_start..]
            .iter()
            .position(|&c| c.is_ascii_whitespace() || c == b'/' || c == b'>')
            .map_or(b.len(), |p| name_start + p);
        let tag_end = tag_end(b, name_end);
        let name = html[name_start..name_end].to_ascii_lowercase();
        let end = (tag_end + 1).min(b.len());
        if closing {
            match dropped.get_mut(&name) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    cuts.push((lt, end));
                }
                _ => {
                    if let Some(pos) = open.iter().rposition(|o| *o == name) {
                        open.truncate(pos);
                    }
                }
            }
        } else if VOID.contains(&name.as_str()) || OPTIONAL_END.contains(&name.as_str()) {
        } else if open.len() >= max_depth {
            *dropped.entry(name).or_default() += 1;
            cuts.push((lt, end));
        } else {
            open.push(name);
        }
        i = end;
    }
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut from = 0;
    for (s, e) in cuts {
        out.push_str(&html[from..s]);
        from = e;
    }
    out.push_str(&html[from..]);
    Cow::Owned(out)
}

/// The first position of `needle` in `b` at or after `from`.
fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// The position of the `>` that ends a tag whose attributes start at `from` (a
/// quoted attribute value may hold `>`), or the end of `b`.
fn tag_end(b: &[u8], from: usize) -> usize {
    let mut k = from;
    let mut after_equals = false;
    while k < b.len() {
        match b[k] {
            b'>' => return k,
            b'=' => after_equals = true,
            q @ (b'"' | b'\'') if after_equals => {
                k = b[k + 1..]
                    .iter()
                    .position(|&c| c == q)
                    .map_or(b.len(), |p| k + 1 + p);
                after_equals = false;
            }
            c if c.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        k += 1;
    }
    b.len()
}

/// One step of the walk over the document tree.
enum Step<'a> {
    /// Visit a node (and then its children).
    Enter(NodeRef<'a, Node>),
    /// Leave a block element: its content ends a paragraph.
    LeaveBlock,
}

/// Writes the visible text under `root` in document order.
///
/// The walk keeps its own stack rather than recursing, so that a page nested
/// however deep (hostile or broken HTML nests tens of thousands of elements) cannot
/// overflow the thread's stack: memory grows with the depth, the call stack does not.
fn walk(root: NodeRef<'_, Node>, out: &mut Writer) {
    let mut stack = vec![Step::Enter(root)];
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Enter(node) => node,
            Step::LeaveBlock => {
                out.block_break();
                continue;
            }
        };
        match node.value() {
            Node::Text(t) => {
                out.push_text(t);
                continue;
            }
            Node::Element(el) => {
                let name = el.name();
                if SKIPPED.contains(&name) || is_hidden(el) {
                    continue;
                }
                if name == "br" {
                    out.line_break();
                    continue;
                }
                if BLOCKS.contains(&name) {
                    out.block_break();
                    stack.push(Step::LeaveBlock);
                }
            }
            Node::Document | Node::Fragment => {}
            _ => continue,
        }
        // Children are pushed last first, so that they are popped in order.
        let mut child = node.last_child();
        while let Some(c) = child {
            stack.push(Step::Enter(c));
            child = c.prev_sibling();
        }
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

    /// Runs `f` on a thread with a small stack (256 KiB), so that any recursion
    /// whose depth the input controls would overflow it.
    fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
        std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(f)
            .expect("thread starts")
            .join()
            .expect("no stack overflow")
    }

    #[test]
    fn deeply_nested_pages_do_not_overflow_the_stack() {
        const DEPTH: usize = 100_000;
        for (open, close) in [("<div>", "</div>"), ("<span>", "</span>"), ("<b>", "")] {
            let page = format!(
                "<html><body>{}Deep words here.{}<p>After.</p></body></html>",
                open.repeat(DEPTH),
                close.repeat(DEPTH)
            );
            let text = on_small_stack(move || visible_text(&page));
            assert!(text.contains("Deep words here."), "{open}: {text:.80}");
        }
    }

    #[test]
    fn nesting_is_cut_at_the_limit_and_the_text_kept() {
        let deep = format!("{}x{}<p>y</p>", "<div>".repeat(5), "</div>".repeat(5));
        let cut = limit_nesting(&deep, 3);
        assert_eq!(
            cut,
            format!("{}x{}<p>y</p>", "<div>".repeat(3), "</div>".repeat(3))
        );
        // Void and optional-end elements, comments and quoted `>` do not count.
        let flat = "<ul><li>a<li>b<br><img alt='>'><!-- <div><div> --></ul><div>c</div>";
        assert!(matches!(limit_nesting(flat, 1), Cow::Borrowed(_)));
        assert_eq!(visible_text(&deep), "x\n\ny\n");
    }

    #[test]
    fn walk_keeps_block_breaks_around_nested_blocks() {
        let html = "<div>a<div>b<span>c</span></div>d</div><p>e</p>";
        assert_eq!(visible_text(html), "a\n\nbc\n\nd\n\ne\n");
    }
}

//! Markdown headings and list markers at the start of a paragraph.
//!
//! A marker is not part of any sentence: "1. Ferries stop" holds the sentence
//! "Ferries stop". An enumeration that goes on inside the same paragraph ("1. First
//! item 2. Second item") is split at the next marker in sequence.

/// The byte length of a Markdown heading marker ("## ") at the start of `line`.
pub(super) fn heading(line: &str) -> Option<usize> {
    let hashes = line.bytes().take_while(|b| *b == b'#').count();
    let space = spaces(&line[hashes..]);
    ((1..=6).contains(&hashes) && space > 0).then_some(hashes + space)
}

/// Bullets that open a list item. The ASCII ones double as dashes in prose, so only
/// the others are looked for again inside a paragraph.
const BULLETS: &[char] = &['-', '*', '+', '•', '⁃', '‣', '◦', '▪'];

/// A counter of an enumeration: a number or a lower-case letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Counter {
    Number(u32),
    Letter(u8),
}

impl Counter {
    fn next(self) -> Option<Counter> {
        match self {
            Counter::Number(n) => Some(Counter::Number(n + 1)),
            Counter::Letter(b'z') => None,
            Counter::Letter(c) => Some(Counter::Letter(c + 1)),
        }
    }
}

/// A list marker at the start of a paragraph, and how the next one is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ListMarker {
    /// Byte length of the marker and the spaces after it.
    pub len: usize,
    /// The next marker of the same enumeration, as it would be written, when the
    /// marker can be searched for inside the paragraph.
    pub next: Option<String>,
}

/// The list marker ("- ", "• ", "1. ", "2.) ", "(3) ", "a) ", "• 4. ") at the start of
/// `line`, when the line has text after it.
pub(super) fn list(line: &str) -> Option<ListMarker> {
    let bullet = BULLETS.iter().find(|b| line.starts_with(**b));
    let after_bullet = bullet.map_or(0, |b| b.len_utf8());
    let prefix_len = after_bullet + spaces(&line[after_bullet..]);
    let counted = counter(&line[prefix_len..]).filter(|(len, ..)| {
        let rest = &line[prefix_len + len..];
        spaces(rest) > 0
    });
    let (len, next) = match (counted, bullet) {
        (Some((len, value, open, suffix)), _) => {
            let next = value.next().map(|v| {
                let value = match v {
                    Counter::Number(n) => n.to_string(),
                    Counter::Letter(c) => char::from(c).to_string(),
                };
                let open = if open { "(" } else { "" };
                format!("{}{open}{value}{suffix}", &line[..prefix_len])
            });
            (prefix_len + len, next)
        }
        (None, Some(b)) if prefix_len > after_bullet => {
            let next = (!b.is_ascii()).then(|| b.to_string());
            (after_bullet, next)
        }
        _ => return None,
    };
    let len = len + spaces(&line[len..]);
    line[len..]
        .chars()
        .any(char::is_alphanumeric)
        .then_some(ListMarker { len, next })
}

/// Parses "12.", "12.)", "12)", "(12)", "b.", "b)", "(b)": (byte length, counter,
/// opened by a parenthesis, the closing part).
fn counter(s: &str) -> Option<(usize, Counter, bool, &'static str)> {
    let open = s.starts_with('(');
    let body = &s[usize::from(open)..];
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let (value, used) = if (1..=3).contains(&digits) {
        (Counter::Number(body[..digits].parse().ok()?), digits)
    } else {
        match body.bytes().next() {
            Some(c) if c.is_ascii_lowercase() => (Counter::Letter(c), 1),
            _ => return None,
        }
    };
    let rest = &body[used..];
    let suffix = if open {
        rest.starts_with(')').then_some(")")?
    } else if rest.starts_with(".)") {
        ".)"
    } else if rest.starts_with('.') {
        "."
    } else if rest.starts_with(')') {
        ")"
    } else {
        return None;
    };
    Some((usize::from(open) + used + suffix.len(), value, open, suffix))
}

/// The byte length of the spaces and tabs at the start of `s`.
fn spaces(s: &str) -> usize {
    s.len() - s.trim_start_matches([' ', '\t']).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbered_lettered_and_bulleted_markers() {
        let m = list("3.) Third step").expect("marker");
        assert_eq!((m.len, m.next.as_deref()), (4, Some("4.)")));
        let m = list("(b) Second").expect("marker");
        assert_eq!(m.next.as_deref(), Some("(c)"));
        let m = list("\u{2022} 9. Ninth").expect("marker");
        assert_eq!(m.next.as_deref(), Some("\u{2022} 10."));
        let m = list("- Plain item").expect("marker");
        assert_eq!((m.len, m.next), (2, None));
        assert_eq!(list("2015. A year"), None);
        assert_eq!(list("-5 degrees"), None);
        assert_eq!(list("a lower case line"), None);
        assert_eq!(heading("## Weather"), Some(3));
        assert_eq!(heading("#hashtag"), None);
    }
}

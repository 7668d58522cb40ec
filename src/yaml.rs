//! All YAML reading and writing in claimdiff goes through this module: the folder
//! manifest (`sources.yaml`), user claims and the CI baseline. Keeping it in one place
//! means one error format (file:line:column) and one serializer configuration.

use std::fmt;

use serde::Serialize;
use serde::de::DeserializeOwned;

/// A YAML document that could not be read, with the position of the problem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// The file as the user named it.
    pub file: String,
    /// 1-based line of the problem, when the parser knows it.
    pub line: Option<usize>,
    /// 1-based column of the problem, when the parser knows it.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
}

impl YamlError {
    /// `file:line:column`, or as much of it as is known.
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.file),
            (Some(l), None) => format!("{}:{l}", self.file),
            _ => self.file.clone(),
        }
    }
}

impl fmt::Display for YamlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)
    }
}

impl std::error::Error for YamlError {}

/// The deepest nesting of flow collections (`[`, `{`) accepted. The YAML parser
/// takes time quadratic in this depth (30,000 levels take seconds), and the
/// deserializer stops at 128 levels anyway; no claims, baseline or manifest file
/// nests more than a few.
pub const MAX_FLOW_DEPTH: usize = 128;

/// The position (1-based line and column) of the first flow bracket nested deeper
/// than `max`, counted outside quoted scalars and comments: a linear scan done
/// before parsing.
fn too_deep(text: &str, max: usize) -> Option<(usize, usize)> {
    let (mut depth, mut line, mut column) = (0usize, 1usize, 0usize);
    let mut quote: Option<char> = None;
    let mut comment = false;
    let mut prev = ' ';
    for c in text.chars() {
        column += 1;
        if c == '\n' {
            (line, column, comment) = (line + 1, 0, false);
        } else if comment {
        } else if let Some(q) = quote {
            if c == q {
                quote = None;
            }
        } else {
            match c {
                '#' if prev.is_whitespace() => comment = true,
                '"' | '\'' if !prev.is_alphanumeric() => quote = Some(c),
                '[' | '{' => {
                    depth += 1;
                    if depth > max {
                        return Some((line, column));
                    }
                }
                ']' | '}' => depth = depth.saturating_sub(1),
                _ => {}
            }
        }
        prev = c;
    }
    None
}

/// Parses `text` (the contents of `file`) into `T`. A document nested deeper than
/// [`MAX_FLOW_DEPTH`] is an error found before parsing.
pub fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, YamlError> {
    if let Some((line, column)) = too_deep(text, MAX_FLOW_DEPTH) {
        return Err(YamlError {
            file: file.to_string(),
            line: Some(line),
            column: Some(column),
            message: format!("nested deeper than {MAX_FLOW_DEPTH} levels"),
        });
    }
    serde_yaml::from_str(text).map_err(|e| {
        let loc = e.location();
        // serde_yaml prefixes its message with the position; keep only the message.
        let message = e.to_string();
        let message = match message.find(" at line ") {
            Some(i) => message[..i].to_string(),
            None => message,
        };
        YamlError {
            file: file.to_string(),
            line: loc.as_ref().map(|l| l.line()),
            column: loc.as_ref().map(|l| l.column()),
            message,
        }
    })
}

/// Serializes `value` as a YAML document.
pub fn to_string<T: Serialize>(value: &T) -> Result<String, YamlError> {
    serde_yaml::to_string(value).map_err(|e| YamlError {
        file: String::from("<output>"),
        line: None,
        column: None,
        message: e.to_string(),
    })
}

/// Serializes `value` as a YAML document that starts with `header` as comment
/// lines (each line of `header` gets a `# ` in front), so that a file a person
/// edits can say what it is and how to change it.
pub fn to_document<T: Serialize>(header: &str, value: &T) -> Result<String, YamlError> {
    let mut out = String::new();
    for line in header.lines() {
        if line.is_empty() {
            out.push_str("#\n");
        } else {
            out.push_str("# ");
            out.push_str(line);
            out.push('\n');
        }
    }
    out.push_str(&to_string(value)?);
    Ok(out)
}

/// The 1-based line of the first `key: value` mapping entry in `text` whose key
/// and plain scalar value are the ones given (a list item `- key: value` counts),
/// so that messages can point at an entry of a file that has already been parsed.
pub fn line_of_entry(text: &str, key: &str, value: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            let line = line.trim_start();
            let line = line.strip_prefix("- ").map_or(line, str::trim_start);
            line.strip_prefix(key)
                .and_then(|rest| rest.strip_prefix(':'))
                .map(|rest| rest.trim().trim_matches(|c| c == '\'' || c == '"'))
                .is_some_and(|v| v == value)
        })
        .map(|i| i + 1)
}

/// Every `key: value` mapping entry of `text` with that key and plain scalar value
/// (a list item `- key: value` counts), as 1-based (line, column of the key), in
/// order: for pointing at the second of two entries that should differ.
pub fn entry_positions(text: &str, key: &str, value: &str) -> Vec<(usize, usize)> {
    text.lines()
        .enumerate()
        .filter_map(|(i, raw)| {
            let line = raw.trim_start();
            let line = line.strip_prefix("- ").map_or(line, str::trim_start);
            let found = line
                .strip_prefix(key)
                .and_then(|rest| rest.strip_prefix(':'))
                .map(|rest| rest.trim().trim_matches(|c| c == '\'' || c == '"'))
                .is_some_and(|v| v == value);
            let column = raw.len() - line.len() + 1;
            found.then_some((i + 1, raw[..column - 1].chars().count() + 1))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn deep_nesting_is_an_error_found_at_once() {
        let depth = 100_000;
        let flow = format!("claims: {}{}", "[".repeat(depth), "]".repeat(depth));
        let err = parse::<serde_yaml::Value>("deep.yaml", &flow).unwrap_err();
        assert_eq!(err.location(), "deep.yaml:1:137");
        assert!(err.message.contains("nested deeper"), "{}", err.message);
        // Brackets in quotes and comments do not count.
        let quoted = format!("a: '{}'\nb: 1 # {}\n", "[".repeat(500), "{".repeat(500));
        assert!(parse::<serde_yaml::Value>("q.yaml", &quoted).is_ok());
        // Block nesting: the deserializer's own limit, on a thread stack of the
        // size rayon's threads get.
        let block: String = (0..2_000)
            .map(|i| format!("{}k{i}:\n", " ".repeat(i)))
            .collect();
        let err = std::thread::Builder::new()
            .stack_size(2 * 1024 * 1024)
            .spawn(move || parse::<serde_yaml::Value>("deep.yaml", &block).map(|_| ()))
            .unwrap()
            .join()
            .expect("no stack overflow")
            .unwrap_err();
        assert!(err.message.contains("recursion limit"), "{}", err.message);
    }

    #[test]
    fn reports_line_and_column_of_a_syntax_error() {
        let err = parse::<BTreeMap<String, String>>("m.yaml", "a: b\nc: [d\n").unwrap_err();
        assert_eq!(err.file, "m.yaml");
        assert!(err.line.is_some());
        assert!(err.location().starts_with("m.yaml:"));
    }

    #[test]
    fn a_document_starts_with_its_header_as_comments() {
        let mut m = BTreeMap::new();
        m.insert("k".to_string(), "v".to_string());
        let text = to_document("What this is.\n\nHow to edit it.", &m).unwrap();
        assert!(
            text.starts_with("# What this is.\n#\n# How to edit it.\nk: v\n"),
            "{text}"
        );
        let back: BTreeMap<String, String> = parse("x", &text).unwrap();
        assert_eq!(back, m);
    }

    #[test]
    fn finds_the_line_of_an_entry() {
        let text = "items:\n- id: abc\n  note: x\n- id: 'def'\n";
        assert_eq!(line_of_entry(text, "id", "abc"), Some(2));
        assert_eq!(line_of_entry(text, "id", "def"), Some(4));
        assert_eq!(line_of_entry(text, "id", "xyz"), None);
    }

    #[test]
    fn round_trips_a_map() {
        let mut m = BTreeMap::new();
        m.insert("k".to_string(), "v".to_string());
        let text = to_string(&m).unwrap();
        let back: BTreeMap<String, String> = parse("x", &text).unwrap();
        assert_eq!(back, m);
    }
}

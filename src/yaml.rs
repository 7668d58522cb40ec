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

/// Parses `text` (the contents of `file`) into `T`.
pub fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, YamlError> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn reports_line_and_column_of_a_syntax_error() {
        let err = parse::<BTreeMap<String, String>>("m.yaml", "a: b\nc: [d\n").unwrap_err();
        assert_eq!(err.file, "m.yaml");
        assert!(err.line.is_some());
        assert!(err.location().starts_with("m.yaml:"));
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

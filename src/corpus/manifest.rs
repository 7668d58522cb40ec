//! `sources.yaml`: per-folder metadata for the files in that folder.
//!
//! ```yaml
//! article-one.txt:
//!   outlet: Example Herald
//!   url: https://example.org/one
//!   published: 2015-09-18
//!   series: Example Agency
//! ```
//!
//! Keys are file paths relative to the folder that holds the manifest.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Deserialize;

use crate::yaml::{self, YamlError};

/// The file name claimdiff looks for in every folder.
pub const MANIFEST_NAME: &str = "sources.yaml";

/// Metadata for one file.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ManifestEntry {
    /// Outlet that published the article.
    pub outlet: Option<String>,
    /// Address of the article.
    pub url: Option<String>,
    /// Publication date (YYYY-MM-DD).
    pub published: Option<NaiveDate>,
    /// Series, agency or syndication group.
    pub series: Option<String>,
}

/// A parsed manifest: relative file path → metadata.
pub type Manifest = BTreeMap<String, ManifestEntry>;

/// Parses a manifest; an empty file is an empty manifest.
pub fn parse(file: &str, text: &str) -> Result<Manifest, YamlError> {
    if text.trim().is_empty() {
        return Ok(Manifest::new());
    }
    yaml::parse(file, text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_entries() {
        let m = parse(
            "sources.yaml",
            "a.txt:\n  outlet: Herald\n  published: 2015-09-18\nb.txt: {}\n",
        )
        .unwrap();
        assert_eq!(m["a.txt"].outlet.as_deref(), Some("Herald"));
        assert_eq!(m["a.txt"].published, NaiveDate::from_ymd_opt(2015, 9, 18));
        assert_eq!(m["b.txt"], ManifestEntry::default());
    }

    #[test]
    fn rejects_unknown_fields_and_bad_dates_with_a_line() {
        let err = parse("s.yaml", "a.txt:\n  outlett: X\n").unwrap_err();
        assert_eq!(err.line, Some(2));
        let err = parse("s.yaml", "a.txt:\n  published: 2015-13-40\n").unwrap_err();
        assert_eq!(err.line, Some(2));
    }
}

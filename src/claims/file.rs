//! Claims files: YAML read through [`crate::yaml`], so that every error names the
//! file, the line and the column.
//!
//! ```yaml
//! claims:
//!   - id: toll            # required, unique
//!     claim: "..."        # required
//!     expect: supported   # optional: supported | contradicted | mixed | not_mentioned
//!     look_for: [killed]  # optional: words that must be near the evidence
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::{Claim, Verdict};
use crate::corpus::read::read_text_limited;
use crate::yaml::{self, YamlError};

/// The file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    claims: Vec<RawClaim>,
}

/// One claim as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawClaim {
    id: String,
    claim: String,
    #[serde(default)]
    expect: Option<Verdict>,
    #[serde(default)]
    look_for: Vec<String>,
}

/// Parses the claims file `text`, named `file` in messages. Every claim needs a
/// non-empty `id` and `claim`, and ids are unique within the file.
pub fn parse(file: &str, text: &str) -> Result<Vec<Claim>, YamlError> {
    let raw: RawFile = yaml::parse(file, text)?;
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut out = Vec::with_capacity(raw.claims.len());
    for (n, c) in raw.claims.into_iter().enumerate() {
        let id = c.id.trim().to_string();
        let occurrence = seen.get(&id).copied().unwrap_or(0);
        let (line, column) = position_of(text, "id", &c.id, occurrence)
            .map_or((None, None), |(l, col)| (Some(l), Some(col)));
        let err = |message: String| YamlError {
            file: file.to_string(),
            line,
            column,
            message,
        };
        if id.is_empty() {
            return Err(err(format!("claim {} has an empty `id`", n + 1)));
        }
        if occurrence > 0 {
            return Err(err(format!(
                "duplicate claim id `{id}`: each claim needs an id of its own"
            )));
        }
        if c.claim.trim().is_empty() {
            return Err(err(format!("claim `{id}` has an empty `claim`")));
        }
        *seen.entry(id.clone()).or_default() += 1;
        let look_for = c
            .look_for
            .iter()
            .map(|w| w.trim().to_string())
            .filter(|w| !w.is_empty())
            .collect();
        out.push(Claim {
            origin: match line {
                Some(l) => format!("{file}:{l}"),
                None => file.to_string(),
            },
            id,
            claim: c.claim.trim().to_string(),
            expect: c.expect,
            look_for,
        });
    }
    Ok(out)
}

/// Line and column (1-based) of the `occurrence`-th (0-based) `key: value` entry,
/// the column being that of the key.
fn position_of(text: &str, key: &str, value: &str, occurrence: usize) -> Option<(usize, usize)> {
    yaml::entry_positions(text, key, value.trim())
        .into_iter()
        .nth(occurrence)
}

mod sample {
    include!(concat!(env!("OUT_DIR"), "/sample_claims.rs"));
}

/// The sample claims of `claims/` (about the sample corpus), embedded in the
/// binary at build time, named `claims/FILE` in messages.
pub fn sample() -> Result<Vec<Claim>, YamlError> {
    let mut out = Vec::new();
    for (name, text) in sample::SAMPLE_CLAIMS {
        out.extend(parse(&format!("claims/{name}"), text)?);
    }
    check_unique(&out)?;
    Ok(out)
}

/// Reads claims files and folders (the `.yaml` and `.yml` files in them,
/// recursively, in sorted order). Ids must be unique across all of them.
pub fn load(paths: &[PathBuf]) -> Result<Vec<Claim>, YamlError> {
    let mut out = Vec::new();
    for p in paths {
        let files: Vec<PathBuf> = if p.is_dir() {
            let mut v: Vec<PathBuf> = walkdir::WalkDir::new(p)
                .sort_by_file_name()
                .into_iter()
                .filter_map(|e| e.ok())
                .filter(|e| e.file_type().is_file())
                .map(|e| e.into_path())
                .filter(|f| f.extension().is_some_and(|x| x == "yaml" || x == "yml"))
                .collect();
            v.sort();
            if v.is_empty() {
                return Err(plain(p, "folder holds no claims files (.yaml, .yml)"));
            }
            v
        } else {
            vec![p.clone()]
        };
        for f in files {
            let text = read_text_limited(&f, crate::corpus::MAX_FILE_BYTES)
                .map_err(|e| plain(&f, &format!("claims file not read: {e}")))?;
            out.extend(parse(&name(&f), &text)?);
        }
    }
    check_unique(&out)?;
    Ok(out)
}

fn name(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

fn plain(p: &Path, message: &str) -> YamlError {
    YamlError {
        file: name(p),
        line: None,
        column: None,
        message: message.to_string(),
    }
}

/// Ids unique across files: the second claim of an id is the error.
fn check_unique(claims: &[Claim]) -> Result<(), YamlError> {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for c in claims {
        if let Some(first) = seen.insert(&c.id, &c.origin) {
            let (file, line) = match c.origin.rsplit_once(':') {
                Some((f, l)) => (f.to_string(), l.parse().ok()),
                None => (c.origin.clone(), None),
            };
            return Err(YamlError {
                file,
                line,
                column: None,
                message: format!("duplicate claim id `{}` (first at {first})", c.id),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> YamlError {
        parse("c.yaml", text).expect_err("the file is invalid")
    }

    #[test]
    fn reads_every_field() {
        let text = "claims:\n  - id: a\n    claim: Ten boats sank.\n    expect: contradicted\n    look_for: [sank, boats]\n  - id: b\n    claim: The bridge opened.\n";
        let claims = parse("c.yaml", text).unwrap();
        assert_eq!(claims.len(), 2);
        assert_eq!(claims[0].id, "a");
        assert_eq!(claims[0].expect, Some(Verdict::Contradicted));
        assert_eq!(claims[0].look_for, vec!["sank", "boats"]);
        assert_eq!(claims[0].origin, "c.yaml:2");
        assert_eq!(claims[1].expect, None);
        assert!(claims[1].look_for.is_empty());
    }

    #[test]
    fn an_unknown_key_is_named_with_its_line() {
        let e = err("claims:\n  - id: a\n    claim: x\n    expected: supported\n");
        assert!(e.message.contains("unknown field `expected`"), "{e}");
        assert_eq!(e.line, Some(4), "{e}");
        assert!(e.column.is_some());
        assert!(e.to_string().starts_with("c.yaml:4:"), "{e}");
    }

    #[test]
    fn a_missing_claim_or_id_is_an_error_with_a_position() {
        let e = err("claims:\n  - id: a\n");
        assert!(e.message.contains("missing field `claim`"), "{e}");
        assert!(e.line.is_some(), "{e}");
        let e = err("claims:\n  - claim: x\n");
        assert!(e.message.contains("missing field `id`"), "{e}");
        assert!(e.line.is_some(), "{e}");
    }

    #[test]
    fn an_empty_claim_is_an_error() {
        let e = err("claims:\n  - id: a\n    claim: \"  \"\n");
        assert!(e.message.contains("empty `claim`"), "{e}");
        assert_eq!(e.line, Some(2));
    }

    #[test]
    fn a_duplicate_id_points_at_the_second_one() {
        let e = err("claims:\n  - id: a\n    claim: x\n  - id: a\n    claim: y\n");
        assert!(e.message.contains("duplicate claim id `a`"), "{e}");
        assert_eq!((e.line, e.column), (Some(4), Some(5)), "{e}");
    }

    #[test]
    fn an_unknown_expect_lists_the_verdicts() {
        let e = err("claims:\n  - id: a\n    claim: x\n    expect: true-ish\n");
        assert!(e.message.contains("unknown variant `true-ish`"), "{e}");
        assert!(e.message.contains("not_mentioned"), "{e}");
        assert_eq!(e.line, Some(4), "{e}");
    }

    #[test]
    fn a_syntax_error_has_a_position() {
        let e = err("claims:\n  - id: [a\n");
        assert!(e.line.is_some());
    }

    #[test]
    fn a_file_without_claims_key_is_an_error() {
        let e = err("claim: x\n");
        assert!(
            e.message.contains("unknown field `claim`")
                || e.message.contains("missing field `claims`"),
            "{e}"
        );
    }
}

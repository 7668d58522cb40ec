//! Helpers shared by the integration tests: run the binary and build scratch folders.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The result of one run of the binary.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `claimdiff` with `args` in `dir` (or in a fresh temporary folder when `None`,
/// so that nothing depends on the repository being the working directory).
pub fn claimdiff(args: &[&str], dir: Option<&Path>) -> Run {
    let scratch = tempfile::tempdir().expect("temp dir");
    let cwd = dir.unwrap_or(scratch.path());
    let out: Output = Command::new(env!("CARGO_BIN_EXE_claimdiff"))
        .args(args)
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path under tests/fixtures, as a string for the command line.
pub fn fixture(rel: &str) -> String {
    root()
        .join("tests/fixtures")
        .join(rel)
        .display()
        .to_string()
}

/// Parses JSON output.
pub fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("invalid JSON ({e}):\n{s}"))
}

/// Finds the source with `id` in a `{"sources": [...]}` document.
pub fn source<'a>(doc: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    doc["sources"]
        .as_array()
        .expect("sources array")
        .iter()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("no source {id} in {doc}"))
}

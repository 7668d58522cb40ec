//! Embeds the sample corpus (`seeds/`) and the sample claims (`claims/*.yaml`) into
//! the binary so that `claimdiff` and `claimdiff check` with no paths work from any
//! directory.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

fn main() {
    let manifest_dir = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    embed(
        &manifest_dir,
        "seeds",
        "SAMPLE_FILES",
        "sample.rs",
        "The files of `seeds/`",
        |_| true,
    );
    embed(
        &manifest_dir,
        "claims",
        "SAMPLE_CLAIMS",
        "sample_claims.rs",
        "The claims files of `claims/`",
        |n| n.ends_with(".yaml") || n.ends_with(".yml"),
    );
}

/// Writes `const_name: &[(&str, &str)]` (file name, contents) of the files of
/// `folder` that `keep` accepts, sorted by name, into `OUT_DIR/out_file`.
fn embed(
    manifest_dir: &str,
    folder: &str,
    const_name: &str,
    out_file: &str,
    what: &str,
    keep: impl Fn(&str) -> bool,
) {
    let dir = Path::new(manifest_dir).join(folder);
    println!("cargo:rerun-if-changed={folder}");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter(|e| e.path().is_file())
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| keep(n))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code = format!("/// {what}, sorted by name: (file name, contents).\n");
    writeln!(code, "pub(crate) const {const_name}: &[(&str, &str)] = &[")
        .expect("writing to a String cannot fail");
    for name in &names {
        let path = dir.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("writing to a String cannot fail");
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join(out_file);
    fs::write(out, code).expect("OUT_DIR is writable");
}

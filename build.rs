//! Embeds the sample corpus (`seeds/`) into the binary so that `claimdiff` with no
//! paths works from any directory.

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;

fn main() {
    let manifest_dir = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let seeds = Path::new(&manifest_dir).join("seeds");
    println!("cargo:rerun-if-changed=seeds");
    let mut names: Vec<String> = fs::read_dir(&seeds)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter(|e| e.path().is_file())
                .filter_map(|e| e.file_name().into_string().ok())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code =
        String::from("/// The files of `seeds/`, sorted by name: (file name, contents).\n");
    code.push_str("pub(crate) const SAMPLE_FILES: &[(&str, &str)] = &[\n");
    for name in &names {
        let path = seeds.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .expect("writing to a String cannot fail");
    }
    code.push_str("];\n");
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("sample.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
    embed_claims(&manifest_dir);
}

/// Embeds the sample claims (`claims/*.yaml`) the same way, as
/// `SAMPLE_CLAIMS: &[(&str, &str)]` in `sample_claims.rs`.
fn embed_claims(manifest_dir: &str) {
    let dir = Path::new(manifest_dir).join("claims");
    println!("cargo:rerun-if-changed=claims");
    let mut names: Vec<String> = fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .filter(|e| e.path().is_file())
                .filter_map(|e| e.file_name().into_string().ok())
                .filter(|n| n.ends_with(".yaml") || n.ends_with(".yml"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut code =
        String::from("/// The claims files of `claims/`, sorted by name: (file name, contents).\n");
    code.push_str("pub(crate) const SAMPLE_CLAIMS: &[(&str, &str)] = &[\n");
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
    let out = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("sample_claims.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}

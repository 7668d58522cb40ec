//! How well the same-story test separates articles of one event from articles
//! of others: every cluster folder under a directory is one event; all its
//! articles are loaded together, and the story likeness of every pair of
//! articles is printed as a distribution for pairs of one cluster and of two.
//!
//! ```text
//! cargo run --release --example story_likeness -- DIR
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

use claimdiff::compare::story::Names;
use claimdiff::compare::{self, CompareOptions};
use claimdiff::corpus::Corpus;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: story_likeness DIR (a folder of cluster folders)");
        return ExitCode::from(2);
    };
    let mut folders: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect(),
        Err(e) => {
            eprintln!("{dir}: {e}");
            return ExitCode::from(2);
        }
    };
    folders.sort();
    let corpus = Corpus::load(&folders);
    let docs = claimdiff::prepare(&corpus);
    let opts = CompareOptions::default();
    let vocab = compare::vocabulary(&docs, &opts);
    let cluster = |i: usize| {
        let p = PathBuf::from(&corpus.sources[i].path);
        folders.iter().position(|f| p.starts_with(f))
    };
    let (mut same, mut other) = (Vec::new(), Vec::new());
    for a in 0..docs.len() {
        for b in a + 1..docs.len() {
            let l = vocab.story_likeness(a, b);
            let named = format!("{:?}", l.names);
            let row = (l.cosine, named, vocab.same_story(a, b));
            if cluster(a) == cluster(b) {
                same.push(row);
            } else {
                other.push(row);
            }
        }
    }
    for (label, rows) in [("one cluster", &same), ("two clusters", &other)] {
        let passed = rows.iter().filter(|r| r.2).count();
        println!("{label}: {} pairs, same story {passed}", rows.len());
        for names in ["Shared", "Missing", "Distinct"] {
            let mut c: Vec<f32> = rows.iter().filter(|r| r.1 == names).map(|r| r.0).collect();
            c.sort_by(f32::total_cmp);
            let q = |x: f64| {
                c.get(((c.len() as f64 - 1.0) * x) as usize)
                    .copied()
                    .unwrap_or(0.0)
            };
            println!(
                "  names {names:8} {:5} pairs, cosine p10 {:.2} p25 {:.2} p50 {:.2} p75 {:.2} p90 {:.2} p99 {:.2}",
                c.len(),
                q(0.1),
                q(0.25),
                q(0.5),
                q(0.75),
                q(0.9),
                q(0.99)
            );
        }
    }
    println!("threshold for shared names: pairs of one cluster / of two that pass");
    for t in [0.08f32, 0.10, 0.12, 0.15, 0.18, 0.20, 0.25, 0.30] {
        let pass = |rows: &Vec<(f32, String, bool)>| {
            rows.iter().filter(|r| r.1 == "Shared" && r.0 >= t).count()
        };
        println!("  {t:.2}: {} / {}", pass(&same), pass(&other));
    }
    // Each cluster alone, as `claimdiff report CLUSTER` reads it: the rarity of
    // words is then that of one event's coverage.
    let mut alone: Vec<f32> = Vec::new();
    for f in &folders {
        let corpus = Corpus::load(std::slice::from_ref(f));
        let docs = claimdiff::prepare(&corpus);
        let vocab = compare::vocabulary(&docs, &opts);
        for a in 0..docs.len() {
            for b in a + 1..docs.len() {
                let l = vocab.story_likeness(a, b);
                if l.names == Names::Shared {
                    alone.push(l.cosine);
                }
                if !vocab.same_story(a, b) {
                    println!(
                        "  not one story: {} {} / {}: cosine {:.2}, names {:?}",
                        f.display(),
                        corpus.sources[a].id,
                        corpus.sources[b].id,
                        l.cosine,
                        l.names
                    );
                }
            }
        }
    }
    print!("each cluster alone, shared names ({} pairs):", alone.len());
    for t in [0.08f32, 0.10, 0.12, 0.15, 0.18, 0.20, 0.25, 0.30] {
        print!(" {t:.2}: {}", alone.iter().filter(|&&c| c >= t).count());
    }
    println!();
    ExitCode::SUCCESS
}

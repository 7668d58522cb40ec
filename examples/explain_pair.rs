//! Why two figures were or were not joined as one fact: their frames, the
//! features of the pair and the fact model's probability.
//!
//! ```text
//! cargo run --release --example explain_pair -- [PATHS...] -- SOURCE:TEXT SOURCE:TEXT
//! ```
//!
//! `SOURCE` is a prefix of a source id and `TEXT` the figure as written
//! ("001:some 250,000"). Without paths the sample corpus is read.

use std::path::PathBuf;
use std::process::ExitCode;

use claimdiff::analysis::Options;
use claimdiff::compare::{self, features};
use claimdiff::corpus::Corpus;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (paths, wanted) = match args.iter().position(|a| a == "--") {
        Some(i) => (&args[..i], &args[i + 1..]),
        None => (&args[..0], &args[..]),
    };
    if wanted.len() != 2 {
        eprintln!("usage: explain_pair [PATHS...] -- SOURCE:TEXT SOURCE:TEXT");
        return ExitCode::from(2);
    }
    let corpus = if paths.is_empty() {
        Corpus::sample()
    } else {
        Corpus::load(&paths.iter().map(PathBuf::from).collect::<Vec<_>>())
    };
    let opts = Options::default();
    let analysis = claimdiff::analyze(&corpus, &opts);
    let find = |spec: &str| -> Option<usize> {
        let (src, text) = spec.split_once(':')?;
        analysis.figures.iter().position(|f| {
            corpus.sources[f.source].id.starts_with(src)
                && analysis.docs[f.source].text().get(f.start..f.end) == Some(text)
        })
    };
    let (Some(a), Some(b)) = (find(&wanted[0]), find(&wanted[1])) else {
        eprintln!("no figure written so in that source");
        return ExitCode::from(2);
    };
    let (a, b) = (a.min(b), a.max(b));
    println!(
        "{}",
        compare::explain_pair(&analysis.docs, &analysis.figures, a, b, &opts.compare)
    );
    let aligned = claimdiff::analysis::aligned_pairs(&analysis.alignment);
    let vocab = compare::vocabulary(&analysis.docs, &opts.compare);
    let candidates = compare::candidates(
        &analysis.docs,
        &analysis.figures,
        &aligned,
        &opts.compare,
        &vocab,
    );
    match candidates.iter().find(|c| (c.a, c.b) == (a, b)) {
        None => println!("not a candidate pair"),
        Some(c) => {
            let x = &c.features;
            let conflict = features::values_conflict(x);
            let model = &opts.compare.model;
            println!(
                "candidate; values {}; probability {:.3}",
                if conflict { "conflict" } else { "agree" },
                model.probability(x, conflict)
            );
            let reg = model.regression(conflict);
            for ((name, v), w) in features::NAMES
                .iter()
                .zip(x.iter())
                .zip(reg.contributions(x))
            {
                if *v != 0.0 {
                    println!("  {name:<20} {v:>8.3}  {w:>+7.3}");
                }
            }
        }
    }
    ExitCode::SUCCESS
}

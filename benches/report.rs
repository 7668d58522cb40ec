//! The discrepancy report at scale: wall time, CPU time and peak memory of the whole
//! pipeline (load is excluded; prepare, extract, quotes, align, compare and building
//! the report view are included) on generated corpora of N articles.
//!
//! `cargo bench --bench report` runs N = 1,000 and 10,000, each in a fresh process so
//! that peak memory is measured per size; `cargo bench --bench report -- --n 2000`
//! runs one size.
//!
//! With `REPORT_BENCH_WRITE=DIR` the generated corpus is written to DIR as JSONL files
//! of 1,000 records (as `benches/ci_incremental.rs` writes it) and nothing is measured,
//! so that the command line's output can be compared before and after a change.
//!
//! The corpus imitates a newsroom archive: N/10 events, each covered by about ten
//! articles of about 600 words. An event is the sample corpus's article bodies with
//! every capitalised word (names, places) replaced by an invented one of that event and
//! most other content words replaced by invented ones of that event, and every figure
//! scaled by a factor of that event; its articles draw their sentences
//! from it, shuffled, with one figure in five changed by up to ±20% more, from 40
//! outlets over a few days around the event's date. So figures have many partners
//! with the same wording in other events ("killed", "civil war") but a different
//! subject, as in real archives, and reuse within an event is common.

#[path = "support/measure.rs"]
mod measure;

#[path = "support/archive.rs"]
mod archive;

use archive::{PER_EVENT, generate};

use std::time::{Duration, Instant};

use claimdiff::Corpus;
use claimdiff::report::build::{ViewOptions, report_view};

/// Sizes run by default.
const SIZES: [usize; 2] = [1_000, 10_000];
fn main() {
    measure::each_size(&SIZES, run);
}

fn run(n: usize) {
    let corpus = generate(n);
    if let Some(dir) = std::env::var_os("REPORT_BENCH_WRITE") {
        write_corpus(std::path::Path::new(&dir), &corpus);
        return;
    }
    let bytes: usize = corpus.sources.iter().map(|s| s.text.len()).sum();
    let rss_corpus = measure::status_kb("VmRSS:");
    let cpu0 = claimdiff::timing::cpu_seconds();
    stages(&corpus);
    let t0 = Instant::now();
    let analysis = claimdiff::analyze(&corpus, &claimdiff::Options::default());
    let t_analyze = t0.elapsed();
    let view = report_view(&analysis, ViewOptions::default());
    let total = t0.elapsed();
    let cpu = claimdiff::timing::cpu_seconds() - cpu0;
    let peak = measure::status_kb("VmHWM:");
    println!(
        "\n== report, N = {n} articles ({:.1} MB), {} threads",
        bytes as f64 / 1e6,
        rayon::current_num_threads()
    );
    println!(
        "figures {}  passages {}  quotes {}  discrepancies {}  agreements {}  updates {}",
        analysis.figures.len(),
        view.passages.len(),
        view.quotes.len(),
        view.discrepancies.len(),
        view.agreements.len(),
        view.updates.len()
    );
    let event = |id: &str| {
        id[1..]
            .parse::<usize>()
            .map_or(usize::MAX, |i| i / PER_EVENT)
    };
    let mixed = |ids: Vec<&str>| ids.windows(2).any(|w| event(w[0]) != event(w[1]));
    let cross_passages = view
        .passages
        .iter()
        .filter(|p| mixed(p.occurrences.iter().map(|o| o.source.as_str()).collect()))
        .count();
    let findings = view
        .discrepancies
        .iter()
        .chain(&view.agreements)
        .chain(&view.updates);
    let (all_findings, cross_findings) = findings.fold((0, 0), |(n, x), f| {
        let ids = f.values.iter().map(|v| v.source.as_str()).collect();
        (n + 1, x + usize::from(mixed(ids)))
    });
    if std::env::var_os("REPORT_BENCH_SHOW").is_some() {
        for p in view
            .passages
            .iter()
            .filter(|p| mixed(p.occurrences.iter().map(|o| o.source.as_str()).collect()))
            .take(8)
        {
            println!("== passage ({}, {:.2})", p.kind, p.similarity);
            for o in &p.occurrences {
                println!("   {}: {}", o.source, o.text);
            }
        }
        let vocab = claimdiff::compare::vocabulary(&analysis.docs, &Default::default());
        for f in view
            .discrepancies
            .iter()
            .chain(&view.agreements)
            .chain(&view.updates)
            .filter(|f| mixed(f.values.iter().map(|v| v.source.as_str()).collect()))
            .take(12)
        {
            println!("-- {} ({})", f.fact, f.kind);
            let index = |id: &str| analysis.docs.iter().position(|d| d.source.id == id);
            let first = index(&f.values[0].source).unwrap_or(0);
            for v in &f.values {
                let story = index(&v.source).map(|i| vocab.story_likeness(first, i));
                println!("   {} {:?} [{story:?}]: {}", v.source, v.text, v.sentence);
            }
        }
    }
    println!(
        "across events (false by construction): {cross_passages} of {} passages, \
         {cross_findings} of {all_findings} findings",
        view.passages.len()
    );
    println!(
        "wall {}  (analyze {}, report view {})  cpu {cpu:.1} s",
        secs(total),
        secs(t_analyze),
        secs(total - t_analyze)
    );
    println!(
        "peak memory {:.0} MB (corpus alone {:.0} MB)",
        peak as f64 / 1024.0,
        rss_corpus as f64 / 1024.0
    );
}

/// Times each stage alone, one after the other, to show where the time goes.
fn stages(corpus: &Corpus) {
    let t = Instant::now();
    let docs = claimdiff::prepare(corpus);
    let prepare = t.elapsed();
    let prepare_mb = measure::status_kb("VmRSS:") / 1024;
    let t = Instant::now();
    let figures = claimdiff::extract::figures_all(&docs);
    let extract = t.elapsed();
    let extract_mb = measure::status_kb("VmRSS:") / 1024;
    let t = Instant::now();
    let quotes = claimdiff::quotes::find_quotes(&docs);
    let quote = t.elapsed();
    let quote_mb = measure::status_kb("VmRSS:") / 1024;
    let t = Instant::now();
    let alignment = claimdiff::align::align_with_quotes(&docs, &Default::default(), &quotes);
    let align = t.elapsed();
    let align_mb = measure::status_kb("VmRSS:") / 1024;
    let pairs: Vec<claimdiff::compare::AlignedPair> = alignment
        .sentences
        .iter()
        .map(|p| claimdiff::compare::AlignedPair { a: p.a, b: p.b })
        .collect();
    let t = Instant::now();
    let vocab = claimdiff::compare::vocabulary(&docs, &Default::default());
    let vocab_time = t.elapsed();
    let vocab_mb = measure::status_kb("VmRSS:") / 1024;
    let _ = claimdiff::compare::compare_with(&docs, &figures, &pairs, &Default::default(), &vocab);
    let compare = t.elapsed();
    let compare_mb = measure::status_kb("VmRSS:") / 1024;
    println!(
        "stages: prepare {}  extract {}  quotes {}  align {}  compare {} (corpus statistics {})",
        secs(prepare),
        secs(extract),
        secs(quote),
        secs(align),
        secs(compare),
        secs(vocab_time)
    );
    println!(
        "resident after each stage (MB): prepare {prepare_mb}  extract {extract_mb}  \
         quotes {quote_mb}  align {align_mb}  corpus statistics {vocab_mb}  compare {compare_mb}"
    );
}

fn secs(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

/// Writes the corpus to `dir` as JSONL files of 1,000 records.
fn write_corpus(dir: &std::path::Path, corpus: &Corpus) {
    std::fs::create_dir_all(dir).expect("the folder is created");
    for (i, chunk) in corpus.sources.chunks(1000).enumerate() {
        let mut text = String::new();
        for s in chunk {
            let value = serde_json::json!({
                "id": s.id,
                "text": s.text,
                "outlet": s.outlet,
                "published": s.published.map(|d| d.to_string()),
            });
            text.push_str(&value.to_string());
            text.push('\n');
        }
        std::fs::write(dir.join(format!("archive-{i:03}.jsonl")), text)
            .expect("the corpus is written");
    }
}

//! Alignment at scale: wall time, peak memory and recall of planted reuse on
//! generated corpora of N articles of about 600 words (see `support/gen.rs`).
//!
//! `cargo bench --bench align` runs N = 1,000, 10,000 and 50,000, each in a fresh
//! process so that peak memory is measured per size. One size:
//! `cargo bench --bench align -- --n 10000`. Peak memory is the process's high-water
//! mark (VmHWM, as `/usr/bin/time -v` reports it), corpus included. CPU time is
//! printed too: on a shared machine the wall time depends on what else runs.
//!
//! Recall counts a planted passage as found when one reported passage covers at least
//! half of the reprint and overlaps the original. Precision counts the aligned pairs
//! of occurrences that some plant explains (one copied into the other, or both copied
//! from the same original).
//!
//! Environment, for investigating: `ALIGN_BENCH_SHOW=1` prints a few missed plants and
//! unexplained pairs; `ALIGN_BENCH_PAIR=i,j` aligns only articles i and j and prints
//! everything; `ALIGN_ALL_PAIRS_DF` and `ALIGN_WINDOW` override the candidate
//! options of the same names.

#[path = "support/measure.rs"]
mod measure;

#[path = "support/gen.rs"]
#[allow(dead_code)]
mod generator;

use std::collections::BTreeMap;
use std::time::Instant;

use claimdiff::align::{AlignOptions, Alignment, align_profiled};
use claimdiff::prepare;
use claimdiff::quotes::find_quotes;
use generator::{Plant, generate};

/// Sizes run by default.
const SIZES: [usize; 3] = [1_000, 10_000, 50_000];
/// Words per article.
const WORDS: usize = 600;
/// Share of articles that reprint a passage of an earlier one.
const REUSE: f64 = 0.3;

fn main() {
    measure::each_size(&SIZES, run);
}

fn mb(kb: u64) -> f64 {
    kb as f64 / 1024.0
}

fn run(n: usize) {
    let t = Instant::now();
    let generated = generate(n, WORDS, REUSE, 42);
    let t_gen = t.elapsed();
    let words: usize = generated
        .corpus
        .sources
        .iter()
        .map(|s| s.text.split_whitespace().count())
        .sum();
    let rss_corpus = measure::status_kb("VmRSS:");

    if let Ok(pair) = std::env::var("ALIGN_BENCH_PAIR") {
        let ids: Vec<usize> = pair.split(',').filter_map(|x| x.parse().ok()).collect();
        let mut small = generated.corpus.clone();
        small.sources = ids
            .iter()
            .map(|&i| generated.corpus.sources[i].clone())
            .collect();
        let docs = prepare(&small);
        let q = find_quotes(&docs);
        let (al, _) = align_profiled(&docs, &AlignOptions::default(), &q);
        println!("{:?}", al.stats);
        for p in &al.passages {
            println!("{:?} {:.2} {:?}", p.kind, p.similarity, p.occurrences);
        }
        for s in &al.sentences {
            println!("{:?}", s);
        }
        return;
    }
    let cpu0 = measure::cpu_seconds();
    let t = Instant::now();
    let docs = prepare(&generated.corpus);
    let t_prepare = t.elapsed();
    let t = Instant::now();
    let quotes = find_quotes(&docs);
    let t_quotes = t.elapsed();
    let t = Instant::now();
    let mut opts = AlignOptions::default();
    if let Ok(v) = std::env::var("ALIGN_ALL_PAIRS_DF") {
        opts.all_pairs_df = v.parse().expect("a number");
    }
    if let Ok(v) = std::env::var("ALIGN_WINDOW") {
        opts.shingle_window = v.parse().expect("a number");
    }
    let (alignment, phases) = align_profiled(&docs, &opts, &quotes);
    let t_align = t.elapsed();
    let peak = measure::status_kb("VmHWM:");
    let cpu = measure::cpu_seconds() - cpu0;

    let (found, by_rate) = recall(&alignment, &generated.plants);
    let (explained, diffs) = precision(&alignment, &generated.plants);
    if std::env::var_os("ALIGN_BENCH_SHOW").is_some() {
        show_unexplained(&alignment, &generated);
        show_missed(&alignment, &generated);
    }
    let s = alignment.stats;
    println!(
        "\n== N = {n} articles, {words} words, {} planted passages",
        generated.plants.len()
    );
    println!("  generate (not measured)  {:>8.2} s", t_gen.as_secs_f64());
    println!(
        "  prepare (segment)        {:>8.2} s",
        t_prepare.as_secs_f64()
    );
    println!(
        "  quotes                   {:>8.2} s",
        t_quotes.as_secs_f64()
    );
    println!(
        "  align                    {:>8.2} s",
        t_align.as_secs_f64()
    );
    for (name, d) in &phases {
        println!("    {name:<22} {:>8.2} s", d.as_secs_f64());
    }
    println!(
        "  quotes + align           {:>8.2} s",
        (t_quotes + t_align).as_secs_f64()
    );
    println!(
        "  CPU time, all threads    {:>8.2} s (prepare + quotes + align; the wall time \
         above depends on what else runs)",
        cpu
    );
    println!("  RSS with corpus loaded   {:>8.0} MB", mb(rss_corpus));
    println!("  peak RSS                 {:>8.0} MB", mb(peak));
    println!(
        "  units {} postings {} common shingles {} pair checks {} candidates {} aligned {} \
         passages {}",
        s.units, s.postings, s.common_shingles, s.pair_checks, s.candidates, s.aligned, s.passages
    );
    println!(
        "  recall {:.4} ({found}/{})",
        found as f64 / generated.plants.len().max(1) as f64,
        generated.plants.len()
    );
    for (rate, (f, t)) in by_rate {
        println!(
            "    edit rate {:>3}%: {:.4} ({f}/{t})",
            rate,
            f as f64 / t.max(1) as f64
        );
    }
    let wire: Vec<Plant> = generated
        .plants
        .iter()
        .filter(|p| p.syndicated)
        .cloned()
        .collect();
    let (wire_found, _) = recall(&alignment, &wire);
    println!(
        "    syndicated wire copy: {:.4} ({wire_found}/{})",
        wire_found as f64 / wire.len().max(1) as f64,
        wire.len()
    );
    println!(
        "  precision {:.4} ({explained}/{diffs} aligned occurrence pairs explained by plants)",
        explained as f64 / diffs.max(1) as f64
    );
}

/// Byte overlap of two spans.
fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Occurrences of every passage by source: source -> (passage, start, end).
fn by_source(a: &Alignment) -> BTreeMap<usize, Vec<(usize, usize, usize)>> {
    let mut m: BTreeMap<usize, Vec<(usize, usize, usize)>> = BTreeMap::new();
    for (i, p) in a.passages.iter().enumerate() {
        for o in &p.occurrences {
            m.entry(o.source).or_default().push((i, o.start, o.end));
        }
    }
    m
}

/// A plant is found when one passage covers at least half of the reprinted span and
/// also overlaps the original.
fn recall(a: &Alignment, plants: &[Plant]) -> (usize, BTreeMap<u32, (usize, usize)>) {
    let occ = by_source(a);
    let mut found = 0;
    let mut by_rate: BTreeMap<u32, (usize, usize)> = BTreeMap::new();
    for p in plants {
        let len = p.to_span.1 - p.to_span.0;
        let hit = occ.get(&p.to).is_some_and(|list| {
            list.iter()
                .filter(|(_, s, e)| overlap((*s, *e), p.to_span) * 2 >= len)
                .any(|(i, _, _)| {
                    a.passages[*i]
                        .occurrences
                        .iter()
                        .any(|o| o.source == p.from && overlap((o.start, o.end), p.from_span) > 0)
                })
        });
        let e = by_rate.entry((p.rate * 100.0).round() as u32).or_default();
        e.1 += 1;
        if hit {
            found += 1;
            e.0 += 1;
        }
    }
    (found, by_rate)
}

/// An aligned pair of occurrences is explained when a plant copied one into the
/// other, or two plants copied the same original into both.
fn precision(a: &Alignment, plants: &[Plant]) -> (usize, usize) {
    let mut into: BTreeMap<usize, Vec<&Plant>> = BTreeMap::new();
    for p in plants {
        into.entry(p.to).or_default().push(p);
    }
    let origin_of = |src: usize, span: (usize, usize)| -> Vec<(usize, (usize, usize))> {
        let mut v = vec![(src, span)];
        for p in into.get(&src).into_iter().flatten() {
            if overlap(p.to_span, span) > 0 {
                v.push((p.from, p.from_span));
            }
        }
        v
    };
    let mut explained = 0;
    let mut total = 0;
    for p in &a.passages {
        for d in &p.diffs {
            let (x, y) = (&p.occurrences[d.a], &p.occurrences[d.b]);
            total += 1;
            let ox = origin_of(x.source, (x.start, x.end));
            let oy = origin_of(y.source, (y.start, y.end));
            let shared = ox
                .iter()
                .any(|(s, sp)| oy.iter().any(|(t, tp)| s == t && overlap(*sp, *tp) > 0));
            if shared {
                explained += 1;
            }
        }
    }
    (explained, total)
}

/// Prints a few aligned pairs that no plant explains (set ALIGN_BENCH_SHOW).
fn show_unexplained(a: &Alignment, g: &generator::Generated) {
    let mut shown = 0;
    for p in &a.passages {
        for d in &p.diffs {
            let one = Alignment {
                passages: vec![claimdiff::align::Passage {
                    diffs: vec![d.clone()],
                    ..p.clone()
                }],
                ..Alignment::default()
            };
            if precision(&one, &g.plants).0 == 0 && shown < 5 {
                shown += 1;
                let (x, y) = (&p.occurrences[d.a], &p.occurrences[d.b]);
                println!("UNEXPLAINED sim {:.2}", d.similarity);
                println!(
                    "  {}: {}",
                    x.source,
                    &g.corpus.sources[x.source].text[x.start..x.end]
                );
                println!(
                    "  {}: {}",
                    y.source,
                    &g.corpus.sources[y.source].text[y.start..y.end]
                );
            }
        }
    }
}

/// Prints a few plants that were not found (set ALIGN_BENCH_SHOW).
fn show_missed(a: &Alignment, g: &generator::Generated) {
    let mut shown = 0;
    for p in &g.plants {
        if recall(a, std::slice::from_ref(p)).0 == 0 && shown < 6 {
            shown += 1;
            let partial: Vec<(usize, usize, usize)> = by_source(a)
                .get(&p.to)
                .map(|l| {
                    l.iter()
                        .filter(|(_, s, e)| overlap((*s, *e), p.to_span) > 0)
                        .copied()
                        .collect()
                })
                .unwrap_or_default();
            println!(
                "MISSED rate {} partial {:?} to_span {:?}",
                p.rate, partial, p.to_span
            );
            println!(
                "  {}: {}",
                p.from,
                &g.corpus.sources[p.from].text[p.from_span.0..p.from_span.1]
            );
            println!(
                "  {}: {}",
                p.to,
                &g.corpus.sources[p.to].text[p.to_span.0..p.to_span.1]
            );
        }
    }
}

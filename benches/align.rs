//! Alignment at scale: recall of planted reuse, unplanted pairs, wall time, CPU time
//! and peak memory on generated corpora (see `support/gen.rs`).
//!
//! `cargo bench --bench align` runs N = 1,000, 10,000 and 50,000 articles of about
//! 600 words, each in a fresh process so that peak memory is measured per size. One
//! size: `cargo bench --bench align -- --n 10000`. Peak memory is the process's
//! high-water mark (VmHWM, as `/usr/bin/time -v` reports it), corpus included. CPU
//! time is printed too: on a shared machine the wall time depends on what else runs.
//!
//! The plants are wire copy as it spreads: three to six consecutive sentences of an
//! article copied into an article of another outlet, a fifth verbatim, the rest with
//! word edits at rates of 5% to 25% (half substitutions, a quarter deletions, a
//! quarter insertions), half of those with a figure changed; and the two-sentence
//! leads of a few wire stories reprinted by 0.4% of all articles. A plant is *found*
//! when one reported passage has an occurrence covering at least half of the original
//! and another covering at least half of the copy. The original is the copied
//! sentences of its article: when that article itself places another article's
//! reprint between them, the reprint is not part of what was copied and counts on
//! neither side of the share (the recall that counts it, the first criterion of this
//! benchmark, is printed too). A reported pair (two occurrences
//! compared in a passage) is *unplanted* when no plant explains it: neither was
//! copied from the other, nor were both copied from one original, directly or
//! through copies of copies (an article may reprint text that its source had itself
//! reprinted; the count that follows one plant only is printed too).
//!
//! Two more shapes check that the work stays linear where text repeats:
//! `-- --scenario duplicates` aligns 100 to 800 lightly edited copies of one article
//! (among 200 other articles), `-- --scenario repetitive` a file of 4 to 16 MB of one
//! article repeated (among 200 other articles, one of which reprints a paragraph of
//! it). Time per copy and per MB should stay flat.
//!
//! Environment, for investigating: `ALIGN_BENCH_SHOW=1` prints a few missed plants and
//! unplanted pairs; `ALIGN_ALL_PAIRS_DF` and `ALIGN_WINDOW` override the candidate
//! options of the same names.

#[path = "support/measure.rs"]
mod measure;

#[path = "support/gen.rs"]
#[allow(dead_code)]
mod generator;

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use claimdiff::align::{AlignOptions, Alignment, align_profiled};
use claimdiff::quotes::find_quotes;
use claimdiff::{Corpus, prepare};
use generator::{Plant, Rng, generate};

/// Sizes run by default (articles).
const SIZES: [usize; 3] = [1_000, 10_000, 50_000];
/// Copies of one article for `--scenario duplicates`.
const COPIES: [usize; 4] = [100, 200, 400, 800];
/// Megabytes of repeated text for `--scenario repetitive`.
const MEGABYTES: [usize; 3] = [4, 8, 16];
/// Words per article.
const WORDS: usize = 600;
/// Share of articles that reprint a passage of an earlier one.
const REUSE: f64 = 0.3;

fn scenario() -> String {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == "--scenario")
        .and_then(|i| args.get(i + 1).cloned())
        .unwrap_or_else(|| "planted".to_string())
}

fn main() {
    match scenario().as_str() {
        "duplicates" => measure::each_size(&COPIES, duplicates),
        "repetitive" => measure::each_size(&MEGABYTES, repetitive),
        _ => measure::each_size(&SIZES, planted),
    }
}

fn mb(kb: u64) -> f64 {
    kb as f64 / 1024.0
}

fn options() -> AlignOptions {
    let mut opts = AlignOptions::default();
    if let Ok(v) = std::env::var("ALIGN_ALL_PAIRS_DF") {
        opts.all_pairs_df = v.parse().expect("a number");
    }
    if let Ok(v) = std::env::var("ALIGN_WINDOW") {
        opts.shingle_window = v.parse().expect("a number");
    }
    opts
}

/// What one aligned run measured.
struct Run {
    alignment: Alignment,
    prepare: Duration,
    quotes: Duration,
    align: Duration,
    phases: Vec<(&'static str, Duration)>,
    cpu: f64,
}

/// Prepares, finds quotes and aligns, timing each.
fn run_pipeline(corpus: &Corpus) -> Run {
    let cpu0 = claimdiff::timing::cpu_seconds();
    let t = Instant::now();
    let docs = prepare(corpus);
    let prepare = t.elapsed();
    let t = Instant::now();
    let quotes = find_quotes(&docs);
    let quotes_time = t.elapsed();
    let t = Instant::now();
    let (alignment, phases) = align_profiled(&docs, &options(), &quotes);
    let align = t.elapsed();
    Run {
        alignment,
        prepare,
        quotes: quotes_time,
        align,
        phases,
        cpu: claimdiff::timing::cpu_seconds() - cpu0,
    }
}

fn print_times(r: &Run, rss_corpus: u64) {
    println!(
        "  prepare (segment)        {:>8.2} s",
        r.prepare.as_secs_f64()
    );
    println!(
        "  quotes                   {:>8.2} s",
        r.quotes.as_secs_f64()
    );
    println!(
        "  align                    {:>8.2} s",
        r.align.as_secs_f64()
    );
    for (name, d) in &r.phases {
        println!("    {name:<22} {:>8.2} s", d.as_secs_f64());
    }
    println!(
        "  CPU time, all threads    {:>8.2} s (prepare + quotes + align; the wall time \
         above depends on what else runs)",
        r.cpu
    );
    println!("  RSS with corpus loaded   {:>8.0} MB", mb(rss_corpus));
    println!(
        "  peak RSS                 {:>8.0} MB",
        mb(measure::status_kb("VmHWM:"))
    );
    let s = r.alignment.stats;
    println!(
        "  sentences {} words {} postings {} capped shingles {} seeds {} pair \
         alignments {} pairs skipped {} aligned sentences {} passages {}",
        s.units,
        s.words,
        s.postings,
        s.common_shingles,
        s.pair_checks,
        s.candidates,
        s.skipped_pairs,
        s.aligned,
        s.passages
    );
}

fn planted(n: usize) {
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
    let r = run_pipeline(&generated.corpus);
    let a = &r.alignment;
    let plants = &generated.plants;
    println!(
        "\n== N = {n} articles, {words} words, {} planted passages",
        plants.len()
    );
    println!("  generate (not measured)  {:>8.2} s", t_gen.as_secs_f64());
    print_times(&r, rss_corpus);
    let found = found_plants(a, plants, false);
    let share = |f: &dyn Fn(&Plant) -> bool| {
        let (mut hit, mut all) = (0, 0);
        for (p, &ok) in plants.iter().zip(&found) {
            if f(p) {
                all += 1;
                hit += usize::from(ok);
            }
        }
        (hit, all)
    };
    let line = |label: &str, (hit, all): (usize, usize)| {
        println!(
            "    {label:<28} {:.4} ({hit}/{all})",
            hit as f64 / all.max(1) as f64
        );
    };
    let (hit, all) = share(&|_| true);
    println!(
        "  recall {:.4} ({hit}/{all} plants found whole)",
        hit as f64 / all.max(1) as f64
    );
    let whole = found_plants(a, plants, true).iter().filter(|&&f| f).count();
    println!(
        "    counting reprints placed inside the original as original text: {:.4} \
         ({whole}/{all}; {} plants have such reprints)",
        whole as f64 / all.max(1) as f64,
        plants.iter().filter(|p| !p.from_foreign.is_empty()).count()
    );
    let mut rates: Vec<u32> = plants
        .iter()
        .filter(|p| !p.syndicated)
        .map(|p| (p.rate * 100.0).round() as u32)
        .collect();
    rates.sort_unstable();
    rates.dedup();
    for rate in rates {
        line(
            &format!("edit rate {rate:>2}%"),
            share(&|p| !p.syndicated && (p.rate * 100.0).round() as u32 == rate),
        );
    }
    line(
        "with a figure changed",
        share(&|p| p.number_changed && !p.syndicated),
    );
    line("syndicated wire copy", share(&|p| p.syndicated));
    let (unplanted, pairs) = unplanted_pairs(a, plants, HOPS);
    println!("  unplanted pairs {unplanted} (of {pairs} reported pairs)");
    println!(
        "    counting copies of copies as unplanted: {}",
        unplanted_pairs(a, plants, 1).0
    );
    println!(
        "  reported text outside plants {:.4} (share of occurrence bytes)",
        outside_share(a, plants)
    );
    if std::env::var_os("ALIGN_BENCH_SHOW").is_some() {
        show_unplanted(a, &generated);
        show_missed(a, &generated, &found);
    }
}

/// `copies` near-duplicates of one article among 200 other articles.
fn duplicates(copies: usize) {
    let mut texts = generator::near_duplicates(copies, WORDS, 5);
    let mut rng = Rng::new(9);
    texts.extend((0..200).map(|_| generator::article(WORDS, &mut rng)));
    let corpus = Corpus::of_sources(
        texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| generator::source(i, t))
            .collect(),
    );
    let rss_corpus = measure::status_kb("VmRSS:");
    let r = run_pipeline(&corpus);
    println!("\n== {copies} near-duplicate copies of one article, 200 other articles");
    print_times(&r, rss_corpus);
    let biggest = r
        .alignment
        .passages
        .iter()
        .map(|p| p.occurrences.len())
        .max()
        .unwrap_or(0);
    println!(
        "  align per copy {:.2} ms; the largest passage has {biggest} occurrences",
        r.align.as_secs_f64() * 1000.0 / copies as f64
    );
}

/// One file of `megabytes` MB of one article repeated, among 200 other articles, one
/// of which reprints a paragraph of it.
fn repetitive(megabytes: usize) {
    let mut rng = Rng::new(11);
    let unit = generator::article(WORDS, &mut rng);
    let mut big = String::with_capacity(megabytes << 20);
    while big.len() < megabytes << 20 {
        big.push_str(&unit);
        big.push_str("\n\n");
    }
    let mut texts = vec![big];
    texts.extend((0..200).map(|_| generator::article(WORDS, &mut rng)));
    let cut = unit[..unit.len() / 3]
        .rfind(". ")
        .map_or(unit.len() / 3, |i| i + 1);
    texts[100] = format!("{}\n\n{}", texts[100], &unit[..cut]);
    let corpus = Corpus::of_sources(
        texts
            .into_iter()
            .enumerate()
            .map(|(i, t)| generator::source(i, t))
            .collect(),
    );
    let rss_corpus = measure::status_kb("VmRSS:");
    let r = run_pipeline(&corpus);
    println!("\n== a file of {megabytes} MB of repeated text, 200 other articles");
    print_times(&r, rss_corpus);
    let reprint = r
        .alignment
        .passages
        .iter()
        .any(|p| p.occurrences.iter().any(|o| o.source == 100));
    println!(
        "  align per MB {:.2} s; the reprinted paragraph found: {reprint}",
        r.align.as_secs_f64() / megabytes as f64
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

/// For each plant: one passage covers at least half of the original with one
/// occurrence and at least half of the copy with another. The original is its own
/// sentences: the reprints of other articles that its article places between them
/// (`Plant::from_foreign`) were never copied, so they count on neither side of the
/// share, unless `whole_span` (the first criterion of this benchmark, kept for
/// comparison) counts them as part of the original.
fn found_plants(a: &Alignment, plants: &[Plant], whole_span: bool) -> Vec<bool> {
    let occ = by_source(a);
    let covers = |o: &(usize, usize, usize), span: (usize, usize)| {
        overlap((o.1, o.2), span) * 2 >= span.1 - span.0
    };
    let covers_original = |o: &(usize, usize, usize), p: &Plant| {
        if whole_span {
            return covers(o, p.from_span);
        }
        let foreign = |f: &dyn Fn((usize, usize)) -> usize| -> usize {
            p.from_foreign.iter().map(|&s| f(s)).sum()
        };
        let own = p.from_span.1 - p.from_span.0 - foreign(&|s| s.1 - s.0);
        let covered = overlap((o.1, o.2), p.from_span) - foreign(&|s| overlap((o.1, o.2), s));
        covered * 2 >= own
    };
    plants
        .iter()
        .map(|p| {
            let to: Vec<usize> = occ
                .get(&p.to)
                .into_iter()
                .flatten()
                .filter(|o| covers(o, p.to_span))
                .map(|o| o.0)
                .collect();
            occ.get(&p.from)
                .into_iter()
                .flatten()
                .any(|o| covers_original(o, p) && to.contains(&o.0))
        })
        .collect()
}

/// Where each source's text came from: (source, span) -> the original spans it is a
/// copy of (itself included).
fn origins(plants: &[Plant]) -> BTreeMap<usize, Vec<&Plant>> {
    let mut into: BTreeMap<usize, Vec<&Plant>> = BTreeMap::new();
    for p in plants {
        into.entry(p.to).or_default().push(p);
    }
    into
}

/// True when a chain of at most `hops` plants explains that `x` and `y` share text:
/// one was copied from the other, or both from one original, possibly through a copy
/// of a copy (an article reprinting the passage another article had reprinted).
fn explained(
    into: &BTreeMap<usize, Vec<&Plant>>,
    x: (usize, usize, usize),
    y: (usize, usize, usize),
    hops: usize,
) -> bool {
    let origin_of = |(src, s, e): (usize, usize, usize)| -> Vec<(usize, (usize, usize))> {
        let mut v = vec![(src, (s, e))];
        let mut frontier = v.clone();
        for _ in 0..hops {
            let mut next = Vec::new();
            for (src, span) in frontier {
                for p in into.get(&src).into_iter().flatten() {
                    if overlap(p.to_span, span) > 0 && !v.contains(&(p.from, p.from_span)) {
                        v.push((p.from, p.from_span));
                        next.push((p.from, p.from_span));
                    }
                }
            }
            frontier = next;
        }
        v
    };
    let (ox, oy) = (origin_of(x), origin_of(y));
    ox.iter()
        .any(|(s, sp)| oy.iter().any(|(t, tp)| s == t && overlap(*sp, *tp) > 0))
}

/// Copies of copies followed when explaining a reported pair.
const HOPS: usize = 4;

/// Reported pairs that no chain of at most `hops` plants explains, and all reported
/// pairs.
fn unplanted_pairs(a: &Alignment, plants: &[Plant], hops: usize) -> (usize, usize) {
    let into = origins(plants);
    let mut bad = 0;
    let mut total = 0;
    for p in &a.passages {
        for d in &p.diffs {
            let (x, y) = (&p.occurrences[d.a], &p.occurrences[d.b]);
            total += 1;
            if !explained(
                &into,
                (x.source, x.start, x.end),
                (y.source, y.start, y.end),
                hops,
            ) {
                bad += 1;
            }
        }
    }
    (bad, total)
}

/// Share of the bytes of all occurrences that lie outside every planted span (as
/// original or as copy): how far passages run beyond what was copied.
fn outside_share(a: &Alignment, plants: &[Plant]) -> f64 {
    let mut spans: BTreeMap<usize, Vec<(usize, usize)>> = BTreeMap::new();
    for p in plants {
        spans.entry(p.from).or_default().push(p.from_span);
        spans.entry(p.to).or_default().push(p.to_span);
    }
    let (mut outside, mut all) = (0usize, 0usize);
    for p in &a.passages {
        for o in &p.occurrences {
            let len = o.end - o.start;
            all += len;
            let mut inside: Vec<(usize, usize)> = spans
                .get(&o.source)
                .into_iter()
                .flatten()
                .map(|&s| (s.0.max(o.start), s.1.min(o.end)))
                .filter(|s| s.0 < s.1)
                .collect();
            inside.sort_unstable();
            let mut covered = 0;
            let mut end = o.start;
            for (s, e) in inside {
                let s = s.max(end);
                if e > s {
                    covered += e - s;
                    end = e;
                }
            }
            outside += len - covered;
        }
    }
    outside as f64 / all.max(1) as f64
}

/// Prints a few reported pairs that no plant explains (set ALIGN_BENCH_SHOW).
fn show_unplanted(a: &Alignment, g: &generator::Generated) {
    let into = origins(&g.plants);
    let mut shown = 0;
    for p in &a.passages {
        for d in &p.diffs {
            let (x, y) = (&p.occurrences[d.a], &p.occurrences[d.b]);
            if shown < 5
                && !explained(
                    &into,
                    (x.source, x.start, x.end),
                    (y.source, y.start, y.end),
                    HOPS,
                )
            {
                shown += 1;
                println!("UNPLANTED sim {:.2}", d.similarity);
                for o in [x, y] {
                    println!(
                        "  {} {}..{}: {}",
                        o.source,
                        o.start,
                        o.end,
                        &g.corpus.sources[o.source].text[o.start..o.end]
                    );
                }
            }
        }
    }
}

/// Prints a few plants that were not found whole (set ALIGN_BENCH_SHOW).
fn show_missed(a: &Alignment, g: &generator::Generated, found: &[bool]) {
    let occ = by_source(a);
    let missed = g.plants.iter().zip(found).filter(|(_, f)| !**f);
    for (p, _) in missed.take(8) {
        let near = |src: usize, span: (usize, usize)| -> Vec<(usize, usize, usize)> {
            occ.get(&src)
                .into_iter()
                .flatten()
                .filter(|o| overlap((o.1, o.2), span) > 0)
                .copied()
                .collect()
        };
        println!(
            "MISSED rate {} figure {} syndicated {}",
            p.rate, p.number_changed, p.syndicated
        );
        println!(
            "  from {} {:?} reported {:?}: {}",
            p.from,
            p.from_span,
            near(p.from, p.from_span),
            &g.corpus.sources[p.from].text[p.from_span.0..p.from_span.1]
        );
        println!(
            "  to   {} {:?} reported {:?}: {}",
            p.to,
            p.to_span,
            near(p.to, p.to_span),
            &g.corpus.sources[p.to].text[p.to_span.0..p.to_span.1]
        );
    }
}

//! The discrepancy report at scale: wall time, CPU time and peak memory of the whole
//! pipeline (load is excluded; prepare, extract, quotes, align, compare and building
//! the report view are included) on generated corpora of N articles.
//!
//! `cargo bench --bench report` runs N = 1,000 and 10,000, each in a fresh process so
//! that peak memory is measured per size; `cargo bench --bench report -- --n 2000`
//! runs one size.
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

#[path = "support/gen.rs"]
#[allow(dead_code)]
mod generator;

use generator::Rng;

use std::time::{Duration, Instant};

use chrono::NaiveDate;
use claimdiff::report::build::{ViewOptions, report_view};
use claimdiff::{Corpus, DateOrigin, Source};

/// Sizes run by default.
const SIZES: [usize; 2] = [1_000, 10_000];
/// Words per article, about.
const WORDS: usize = 600;

fn main() {
    measure::each_size(&SIZES, run);
}

/// Articles per event.
const PER_EVENT: usize = 10;

/// The body sentences of the sample corpus.
fn sentence_pool() -> Vec<String> {
    let sample = Corpus::sample();
    let docs = claimdiff::prepare(&sample);
    docs.iter()
        .flat_map(|d| {
            d.body_sentences()
                .map(|(_, s)| d.sentence_text(s).to_string())
                .collect::<Vec<_>>()
        })
        .filter(|s| s.split_whitespace().count() >= 6)
        .collect()
}

const SYLLABLES: [&str; 32] = [
    "ka", "lo", "mer", "dan", "vi", "sor", "tel", "ba", "rin", "go", "zu", "pe", "nal", "chi",
    "ro", "fen", "tu", "mis", "har", "el", "qua", "dor", "sen", "ly", "bro", "vak", "im", "ost",
    "ne", "gul", "ra", "pim",
];

/// The invented word that stands for `word` in `event`: two to four syllables chosen
/// by a hash of both, so that about a million names are possible and two events share
/// a name only by chance, as unrelated stories in an archive sometimes do.
fn invented(word: &str, event: u64) -> String {
    let mut key = Vec::with_capacity(word.len() + 9);
    key.extend_from_slice(word.as_bytes());
    key.push(0);
    key.extend_from_slice(&event.to_le_bytes());
    let mut h = claimdiff::fingerprint::hash64(&key);
    // Mix the bits (the FNV hash's low bits depend little on the last bytes).
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    let mut name = String::new();
    let syllables = 2 + h % 3;
    h /= 3;
    for _ in 0..syllables {
        name.push_str(SYLLABLES[(h % 32) as usize]);
        h /= 32;
    }
    let mut c = name.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => name,
    }
}

/// Rewrites a sentence for an event: capitalised words renamed (the first word of
/// the sentence too, unless it is a common sentence opener), six in ten other content
/// words replaced by invented words of the event (so that events do not share their
/// wording), numbers below 1,900 scaled by `scale` percent, then one in `jitter` of
/// them changed by up to ±20%.
fn rewrite(sentence: &str, event: u64, scale: u64, jitter: usize, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(sentence.len() + 16);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String, rng: &mut Rng| {
        if word.is_empty() {
            return;
        }
        if word.chars().all(|c| c.is_ascii_digit()) {
            let value: u64 = word.parse().unwrap_or(0);
            let mut v = value;
            if (10..1900).contains(&value) {
                v = (v * scale / 100).max(1);
                if rng.below(jitter) == 0 {
                    v = (v * (80 + rng.below(41) as u64) / 100).max(1);
                }
            }
            out.push_str(&v.to_string());
        } else if word.chars().next().is_some_and(char::is_uppercase)
            && !matches!(
                word.as_str(),
                "The" | "A" | "An" | "But" | "In" | "It" | "On" | "For"
            )
        {
            out.push_str(&invented(word, event));
        } else if word.len() > 3
            && !claimdiff::text::is_stop_word(word)
            && claimdiff::fingerprint::hash64(word.as_bytes()).wrapping_add(event * 7) % 10 < 6
        {
            out.push_str(&invented(word, event).to_lowercase());
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in sentence.chars() {
        if c.is_alphanumeric() {
            word.push(c);
        } else {
            flush(&mut word, &mut out, rng);
            out.push(c);
        }
    }
    flush(&mut word, &mut out, rng);
    out
}

fn generate(n: usize) -> Corpus {
    let pool = sentence_pool();
    let mut rng = Rng::new(0x005e_ed0f_c1a1);
    let first_day = NaiveDate::from_ymd_opt(2014, 1, 1).expect("a valid date");
    let mut sources = Vec::with_capacity(n);
    let events = n.div_ceil(PER_EVENT);
    for event in 0..events {
        let scale = 50 + rng.below(150) as u64;
        let day = first_day + chrono::Days::new(rng.below(700) as u64);
        for k in 0..PER_EVENT.min(n - event * PER_EVENT) {
            let i = event * PER_EVENT + k;
            let mut text = String::new();
            let mut words = 0;
            let mut in_paragraph = 0;
            while words < WORDS {
                let s = rewrite(
                    &pool[rng.below(pool.len())],
                    event as u64,
                    scale,
                    5,
                    &mut rng,
                );
                words += s.split_whitespace().count();
                text.push_str(&s);
                in_paragraph += 1;
                text.push_str(if in_paragraph % 2 == 0 { "\n\n" } else { " " });
            }
            sources.push(Source {
                id: format!("a{i:06}"),
                path: format!("generated/a{i:06}.txt"),
                outlet: Some(format!("Outlet {}", rng.below(40))),
                url: None,
                series: None,
                published: Some(day + chrono::Days::new(rng.below(4) as u64)),
                published_from: DateOrigin::Manifest,
                published_span: None,
                text,
            });
        }
    }
    Corpus {
        sources,
        diagnostics: Vec::new(),
        is_sample: false,
    }
}

fn run(n: usize) {
    let corpus = generate(n);
    let bytes: usize = corpus.sources.iter().map(|s| s.text.len()).sum();
    let rss_corpus = measure::status_kb("VmRSS:");
    let cpu0 = measure::cpu_seconds();
    stages(&corpus);
    let t0 = Instant::now();
    let analysis = claimdiff::analyze(&corpus, &claimdiff::Options::default());
    let t_analyze = t0.elapsed();
    let view = report_view(&analysis, ViewOptions::default());
    let total = t0.elapsed();
    let cpu = measure::cpu_seconds() - cpu0;
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

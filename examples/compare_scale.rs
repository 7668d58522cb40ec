//! Times extraction and comparison on a generated corpus: the sample articles'
//! sentences, shuffled into N new articles (default 10,000) with some of their
//! numbers changed. Run with `cargo run --release --example compare_scale [N]`.
//!
//! The corpus is degenerate on purpose: every fact appears in thousands of
//! articles, which is the worst case for grouping.

use std::time::Instant;

use chrono::NaiveDate;
use claimdiff::compare::{self, CompareOptions};
use claimdiff::corpus::{Corpus, DateOrigin, Source};

/// A small deterministic generator (xorshift64*), so that runs are comparable.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Changes about one number in three by up to ±20%, keeping its digits' shape.
fn mutate(sentence: &str, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(sentence.len());
    let mut digits = String::new();
    let flush = |digits: &mut String, out: &mut String, rng: &mut Rng| {
        if digits.is_empty() {
            return;
        }
        match digits.parse::<u64>() {
            Ok(n) if n > 10 && rng.below(3) == 0 => {
                let delta = (n / 5).max(1);
                let m = n - delta + (rng.next() % (2 * delta + 1));
                out.push_str(&m.to_string());
            }
            _ => out.push_str(digits),
        }
        digits.clear();
    };
    for c in sentence.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out, rng);
            out.push(c);
        }
    }
    flush(&mut digits, &mut out, rng);
    out
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000);
    let sample = Corpus::sample();
    let seed_docs = claimdiff::prepare(&sample);
    let sentences: Vec<String> = seed_docs
        .iter()
        .flat_map(|d| {
            d.body_sentences()
                .map(|(_, s)| d.sentence_text(s).to_string())
        })
        .filter(|s| s.len() > 40)
        .collect();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let base = NaiveDate::from_ymd_opt(2015, 9, 14).expect("valid date");
    let sources: Vec<Source> = (0..n)
        .map(|i| {
            let text: Vec<String> = (0..25)
                .map(|_| mutate(&sentences[rng.below(sentences.len())], &mut rng))
                .collect();
            let published = base.checked_add_days(chrono::Days::new(rng.below(10) as u64));
            Source {
                id: format!("gen{i:05}"),
                path: format!("gen/{i:05}.txt"),
                outlet: Some(format!("outlet{}", i % 40)),
                url: None,
                series: None,
                published,
                published_from: DateOrigin::Manifest,
                published_span: None,
                text: text.join("\n\n"),
            }
        })
        .collect();
    let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
    let corpus = Corpus {
        sources,
        diagnostics: Vec::new(),
        is_sample: false,
    };
    let t = Instant::now();
    let docs = claimdiff::prepare(&corpus);
    let prepared = t.elapsed();
    let t = Instant::now();
    let figures = claimdiff::extract::figures_all(&docs);
    let extracted = t.elapsed();
    let t = Instant::now();
    let findings = compare::compare(&docs, &figures, &[], &CompareOptions::default());
    let compared = t.elapsed();
    println!(
        "{n} articles, {:.1} MB, {} figures on {} threads",
        bytes as f64 / 1e6,
        figures.len(),
        rayon::current_num_threads()
    );
    println!(
        "prepare {:.2} s, extract {:.2} s, compare {:.2} s",
        prepared.as_secs_f64(),
        extracted.as_secs_f64(),
        compared.as_secs_f64()
    );
    println!(
        "{} discrepancies, {} agreements, {} updates, {} warnings",
        findings.discrepancies.len(),
        findings.agreements.len(),
        findings.updates.len(),
        findings.warnings.len()
    );
}

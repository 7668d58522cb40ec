//! A generated newsroom archive for the benchmarks: N/10 events, each covered by
//! about ten articles of about 600 words (see `benches/report.rs` for how it
//! imitates a real archive).

#[path = "gen.rs"]
#[allow(dead_code)]
mod generator;

use generator::Rng;

use chrono::NaiveDate;
use claimdiff::{Corpus, DateOrigin, Source};

/// Words per article, about.
pub const WORDS: usize = 600;

/// Articles per event.
pub const PER_EVENT: usize = 10;

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

pub fn generate(n: usize) -> Corpus {
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

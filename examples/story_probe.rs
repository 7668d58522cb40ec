//! scratch probe (not committed)
use chrono::NaiveDate;
use claimdiff::{Corpus, DateOrigin, Source};
const WORDS: usize = 600;
/// SplitMix64: the corpus for a size is always the same.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
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

const SYLLABLES: [&str; 16] = [
    "ka", "lo", "mer", "dan", "vi", "sor", "tel", "ba", "rin", "go", "zu", "pe", "nal", "chi",
    "ro", "fen",
];

/// An invented name for `word` in `event`: the same every time.
fn invented(word: &str, event: u64) -> String {
    let mut h = claimdiff::fingerprint::hash64(word.as_bytes()) ^ event.wrapping_mul(0x9e37);
    let mut name = String::new();
    for _ in 0..2 + (h % 2) {
        name.push_str(SYLLABLES[(h % 16) as usize]);
        h /= 16;
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
    let mut rng = Rng(0x005e_ed0f_c1a1);
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


fn pct(v: &mut Vec<f32>, name: &str) {
    v.sort_by(|a, b| a.total_cmp(b));
    let q = |p: f64| v[((v.len() - 1) as f64 * p) as usize];
    println!("{name}: n={} min {:.3} p1 {:.3} p5 {:.3} p25 {:.3} p50 {:.3} p75 {:.3} p95 {:.3} p99 {:.3} p99.9 {:.3} max {:.3}",
        v.len(), q(0.0), q(0.01), q(0.05), q(0.25), q(0.5), q(0.75), q(0.95), q(0.99), q(0.999), q(1.0));
}
fn main() {
    let n: usize = std::env::args().nth(1).and_then(|a| a.parse().ok()).unwrap_or(1000);
    let corpus = generate(n);
    if std::env::args().nth(2).as_deref() == Some("time") {
        let docs = claimdiff::prepare(&corpus);
        let figures = claimdiff::extract::figures_all(&docs);
        let quotes = claimdiff::quotes::find_quotes(&docs);
        let alignment = claimdiff::align::align_with_quotes(&docs, &Default::default(), &quotes);
        let pairs: Vec<claimdiff::compare::AlignedPair> = alignment.sentences.iter().map(|p| claimdiff::compare::AlignedPair {
            a: claimdiff::compare::SentenceRef { source: p.a.source, sentence: p.a.sentence },
            b: claimdiff::compare::SentenceRef { source: p.b.source, sentence: p.b.sentence } }).collect();
        for cfg in std::env::args().skip(3) {
            // cfg: T,B
            let mut it = cfg.split(',');
            let t: f32 = it.next().unwrap().parse().unwrap();
            let b: usize = it.next().unwrap().parse().unwrap();
            let opts = claimdiff::compare::CompareOptions { same_story: t, scan_budget: b, ..Default::default() };
            let mut best = f64::MAX;
            let mut n = 0;
            for _ in 0..3 {
                let t0 = std::time::Instant::now();
                let f = claimdiff::compare::compare(&docs, &figures, &pairs, &opts);
                best = best.min(t0.elapsed().as_secs_f64());
                n = f.discrepancies.len() + f.agreements.len() + f.updates.len();
            }
            println!("T={t} B={b}: compare min {best:.2}s, {n} findings");
        }
        return;
    }
    if std::env::args().nth(2).as_deref() == Some("findings") {
        findings(&corpus);
        return;
    }
    let docs = claimdiff::prepare(&corpus);
    let vocab = claimdiff::compare::idf::Vocab::build(&docs);
    let mut within = Vec::new();
    let mut wsame = 0;
    for a in 0..n { for b in a+1..n {
        if a / PER_EVENT == b / PER_EVENT { within.push(story_sim(&vocab, a, b)); wsame += vocab.same_story(a, b) as usize; }
    }}
    let mut cross = Vec::new();
    let mut csame = 0;
    let mut rng = Rng(7);
    for _ in 0..2_000_000 { let a = rng.below(n); let b = rng.below(n); if a / PER_EVENT != b / PER_EVENT { cross.push(story_sim(&vocab, a, b)); csame += vocab.same_story(a, b) as usize; } }
    println!("same story: within {wsame} of {}, cross {csame} of {}", within.len(), cross.len());
    pct(&mut within, "within (negative: no shared name)");
    pct(&mut cross, "cross");
}

fn findings(corpus: &Corpus) {
    stages(corpus);
    let t = std::time::Instant::now();
    let analysis = claimdiff::analyze(corpus, &claimdiff::Options::default());
    let el = t.elapsed();
    let view = claimdiff::report::build::report_view(&analysis, Default::default());
    let event = |id: &str| id[1..].parse::<usize>().map_or(usize::MAX, |i| i / PER_EVENT);
    let show = std::env::var("SHOW").ok().and_then(|s| s.parse::<usize>().ok()).unwrap_or(0);
    for (name, list) in [("discrepancies", &view.discrepancies), ("agreements", &view.agreements), ("updates", &view.updates)] {
        let mut cross = 0;
        let mut dup = 0;
        let mut shown = 0;
        let mut attr = 0;
        for f in list.iter() {
            if f.kind == "attribution" { attr += 1; continue; }
            let ids: Vec<&str> = f.values.iter().map(|v| v.source.as_str()).collect();
            let mixed = ids.windows(2).any(|w| event(w[0]) != event(w[1]));
            let mut d: Vec<&str> = ids.clone(); d.dedup();
            if d.len() != ids.len() { dup += 1;
                if dup <= std::env::var("SHOWDUP").ok().and_then(|s| s.parse().ok()).unwrap_or(0) { println!("-- dup {name}: {}", f.fact);
                    for v in &f.values { println!("   {} {:?} @{}: {}", v.source, v.text, v.start, &v.sentence[..v.sentence.len().min(150)]); } } }
            if mixed { cross += 1;
                if shown < show { shown += 1; println!("-- {name}: {} ({})", f.fact, f.kind);
                    for v in &f.values { println!("   {} {:?} pub {:?}: {}", v.source, v.text, v.published, v.sentence); } }
            }
        }
        let n = list.len() - attr;
        println!("{name}: {n} total, {cross} across events, {} within; {dup} with a source listed twice (+{attr} attribution)", n - cross);
    }
    println!("analyze {:.2}s", el.as_secs_f64());
}
/// Times each stage alone, one after the other, to show where the time goes.
fn stages(corpus: &Corpus) {
    let t = std::time::Instant::now();
    let docs = claimdiff::prepare(corpus);
    let prepare = t.elapsed();
    let t = std::time::Instant::now();
    let figures = claimdiff::extract::figures_all(&docs);
    let extract = t.elapsed();
    let t = std::time::Instant::now();
    let quotes = claimdiff::quotes::find_quotes(&docs);
    let quote = t.elapsed();
    let t = std::time::Instant::now();
    let alignment = claimdiff::align::align_with_quotes(&docs, &Default::default(), &quotes);
    let align = t.elapsed();
    let pairs: Vec<claimdiff::compare::AlignedPair> = alignment
        .sentences
        .iter()
        .map(|p| claimdiff::compare::AlignedPair {
            a: claimdiff::compare::SentenceRef {
                source: p.a.source,
                sentence: p.a.sentence,
            },
            b: claimdiff::compare::SentenceRef {
                source: p.b.source,
                sentence: p.b.sentence,
            },
        })
        .collect();
    let t = std::time::Instant::now();
    let _ = claimdiff::compare::compare(&docs, &figures, &pairs, &Default::default());
    let compare = t.elapsed();
    println!(
        "stages: prepare {}  extract {}  quotes {}  align {}  compare {}",
        secs(prepare),
        secs(extract),
        secs(quote),
        secs(align),
        secs(compare)
    );
}


fn secs(d: std::time::Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn story_sim(v: &claimdiff::compare::idf::Vocab, a: usize, b: usize) -> f32 {
    let l = v.story_likeness(a, b);
    if l.names == claimdiff::compare::story::Names::Shared { l.cosine } else { -l.cosine }
}

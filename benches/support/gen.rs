//! A generator of synthetic news corpora with planted reuse at known places, for the
//! alignment benchmark.
//!
//! Articles are about 600 words of made-up prose: content words drawn from a Zipf
//! distribution over a vocabulary of invented words, real English function words
//! between them, figures, and a pool of stock phrases that many articles share (the
//! "said in a statement" of real news), so that the index meets common shingles as
//! it would in real text. Some articles then reprint one to four consecutive
//! sentences of an earlier article, mutated at an edit rate of up to 20% of words
//! (words replaced, cut, added, swapped, figures changed) and sometimes with a clause
//! moved. Every plant is recorded with its byte spans, so recall can be measured.

use claimdiff::{Corpus, DateOrigin, Source};

/// A small deterministic random number generator (SplitMix64): the corpus for a
/// given seed and size is always the same.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "that", "for", "on", "with", "as", "was", "by", "at",
    "from", "it", "is", "has", "said", "its", "were", "which", "have", "had", "but", "not", "be",
    "after", "their", "an", "who", "been", "would", "they", "will",
];

const SYLLABLES: &[&str] = &[
    "ka", "lo", "mi", "ter", "van", "sol", "re", "din", "mar", "tu", "pel", "os", "gri", "nal",
    "be", "ston", "ha", "vel", "qui", "ra", "dom", "fen", "li", "cor", "ash", "ne", "bri", "tal",
    "um", "zo", "pra", "gen", "wil", "ek", "sa", "mor", "plen", "du", "ist",
];

/// Makes the `i`-th invented word.
fn word(mut i: usize) -> String {
    let mut w = String::new();
    let n = SYLLABLES.len();
    loop {
        w.push_str(SYLLABLES[i % n]);
        i /= n;
        if i == 0 {
            break;
        }
    }
    w
}

/// Draws ranks from a Zipf distribution over `n` items (exponent 1.05).
pub struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    pub fn new(n: usize) -> Self {
        let mut cumulative = Vec::with_capacity(n);
        let mut total = 0.0;
        for r in 1..=n {
            total += 1.0 / (r as f64).powf(1.05);
            cumulative.push(total);
        }
        Zipf { cumulative }
    }

    pub fn sample(&self, rng: &mut Rng) -> usize {
        let total = *self.cumulative.last().expect("non-empty");
        let x = rng.unit() * total;
        self.cumulative
            .partition_point(|&c| c < x)
            .min(self.cumulative.len() - 1)
    }
}

/// A passage of one article reprinted in another.
#[derive(Debug, Clone)]
pub struct Plant {
    /// Article the text comes from.
    pub from: usize,
    /// Byte span of the original sentences there.
    pub from_span: (usize, usize),
    /// Article that reprints it.
    pub to: usize,
    /// Byte span of the reprinted (mutated) sentences there.
    pub to_span: (usize, usize),
    /// Share of words edited.
    pub rate: f64,
}

/// A generated corpus and where its reuse was planted.
pub struct Generated {
    pub corpus: Corpus,
    pub plants: Vec<Plant>,
}

struct Words {
    vocab: Vec<String>,
    zipf: Zipf,
    phrases: Vec<Vec<String>>,
    phrase_zipf: Zipf,
}

impl Words {
    fn new(rng: &mut Rng) -> Self {
        let vocab: Vec<String> = (0..40_000).map(|i| word(i + 40)).collect();
        let zipf = Zipf::new(vocab.len());
        let phrases = (0..3000)
            .map(|_| {
                let n = 3 + rng.below(4);
                (0..n)
                    .map(|k| {
                        if k % 2 == 1 {
                            FUNCTION_WORDS[rng.below(FUNCTION_WORDS.len())].to_string()
                        } else {
                            vocab[rng.below(2000)].clone()
                        }
                    })
                    .collect()
            })
            .collect();
        Words {
            vocab,
            zipf,
            phrases,
            phrase_zipf: Zipf::new(3000),
        }
    }

    fn content(&self, rng: &mut Rng) -> String {
        self.vocab[self.zipf.sample(rng)].clone()
    }

    fn any(&self, rng: &mut Rng) -> String {
        if rng.chance(0.4) {
            FUNCTION_WORDS[rng.below(FUNCTION_WORDS.len())].to_string()
        } else if rng.chance(0.04) {
            figure(rng)
        } else {
            self.content(rng)
        }
    }

    fn sentence(&self, rng: &mut Rng) -> Vec<String> {
        let len = 8 + rng.below(28);
        let mut out = Vec::with_capacity(len + 6);
        while out.len() < len {
            if rng.chance(0.05) {
                let p = &self.phrases[self.phrase_zipf.sample(rng)];
                out.extend(p.iter().cloned());
            } else {
                out.push(self.any(rng));
            }
        }
        out
    }
}

fn figure(rng: &mut Rng) -> String {
    match rng.below(3) {
        0 => (1 + rng.below(99)).to_string(),
        1 => format!("{},{:03}", 1 + rng.below(999), rng.below(1000)),
        _ => format!("{}.{}", rng.below(100), rng.below(10)),
    }
}

fn is_figure(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Edits about `rate` of the words of a sentence, and sometimes moves a clause.
fn mutate(words: &[String], rate: f64, lex: &Words, rng: &mut Rng) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(words.len() + 4);
    for w in words {
        if !rng.chance(rate) {
            out.push(w.clone());
            continue;
        }
        match rng.below(10) {
            0..=4 if is_figure(w) => out.push(figure(rng)),
            0..=4 => out.push(lex.content(rng)),
            5 | 6 => {}
            7 | 8 => {
                out.push(w.clone());
                out.push(lex.any(rng));
            }
            _ => {
                let prev = out.pop();
                out.push(w.clone());
                out.extend(prev);
            }
        }
    }
    if rng.chance(0.2) && out.len() > 10 {
        let k = 3 + rng.below(4);
        let tail = out.split_off(out.len() - k);
        out.splice(0..0, tail);
    }
    if out.is_empty() {
        out.push(lex.content(rng));
    }
    out
}

fn render(words: &[String]) -> String {
    let mut s = words.join(" ");
    if let Some(first) = s.get(0..1) {
        let upper = first.to_uppercase();
        s.replace_range(0..1, &upper);
    }
    s.push('.');
    s
}

/// One article being built: its sentences, grouped in paragraphs.
struct Draft {
    sentences: Vec<Vec<String>>,
    /// Plants to insert: (position among sentences, source article, source sentence
    /// range, mutated sentences, rate).
    inserts: Vec<(usize, usize, (usize, usize), Vec<Vec<String>>, f64)>,
}

/// Builds `n` articles of about `words` words each; a share `reuse` of them reprint
/// a passage of an earlier article.
pub fn generate(n: usize, words: usize, reuse: f64, seed: u64) -> Generated {
    let mut rng = Rng::new(seed);
    let lex = Words::new(&mut rng);
    let mut drafts: Vec<Draft> = Vec::with_capacity(n);
    for _ in 0..n {
        let mut sentences = Vec::new();
        let mut count = 0;
        while count < words {
            let s = lex.sentence(&mut rng);
            count += s.len();
            sentences.push(s);
        }
        drafts.push(Draft {
            sentences,
            inserts: Vec::new(),
        });
    }
    const RATES: [f64; 5] = [0.0, 0.05, 0.10, 0.15, 0.20];
    for to in 1..n {
        let plants = if rng.chance(reuse) {
            1 + usize::from(rng.chance(0.25))
        } else {
            0
        };
        for _ in 0..plants {
            let from = rng.below(to);
            let src = &drafts[from].sentences;
            let len = 1 + rng.below(4);
            let start = rng.below(src.len().saturating_sub(len).max(1));
            let end = (start + len).min(src.len());
            let rate = RATES[rng.below(RATES.len())];
            let mutated: Vec<Vec<String>> = src[start..end]
                .iter()
                .map(|s| mutate(s, rate, &lex, &mut rng))
                .collect();
            let at = rng.below(drafts[to].sentences.len() + 1);
            drafts[to]
                .inserts
                .push((at, from, (start, end), mutated, rate));
        }
    }
    assemble(drafts, &mut rng)
}

/// Writes the texts, inserting plants, and records every span.
fn assemble(drafts: Vec<Draft>, rng: &mut Rng) -> Generated {
    // Byte spans of each article's own sentences, needed for the plants' sources.
    let mut own_spans: Vec<Vec<(usize, usize)>> = Vec::with_capacity(drafts.len());
    let mut texts = Vec::with_capacity(drafts.len());
    let mut pending: Vec<(usize, usize, (usize, usize), (usize, usize), f64)> = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
        let mut text = String::new();
        let mut spans = Vec::with_capacity(d.sentences.len());
        let mut inserts: Vec<_> = d.inserts.iter().collect();
        inserts.sort_by_key(|x| x.0);
        let mut next_insert = 0;
        let mut in_para = 0;
        let mut para_len = 2 + rng.below(3);
        for k in 0..=d.sentences.len() {
            while next_insert < inserts.len() && inserts[next_insert].0 == k {
                let (_, from, range, mutated, rate) = inserts[next_insert];
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                let start = text.len();
                let rendered: Vec<String> = mutated.iter().map(|s| render(s)).collect();
                text.push_str(&rendered.join(" "));
                pending.push((*from, i, *range, (start, text.len()), *rate));
                text.push_str("\n\n");
                in_para = 0;
                next_insert += 1;
            }
            let Some(s) = d.sentences.get(k) else { break };
            if in_para == para_len {
                text.push_str("\n\n");
                in_para = 0;
                para_len = 2 + rng.below(3);
            } else if in_para > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(&render(s));
            spans.push((start, text.len()));
            in_para += 1;
        }
        own_spans.push(spans);
        texts.push(text);
    }
    let plants = pending
        .into_iter()
        .map(|(from, to, (s, e), to_span, rate)| Plant {
            from,
            from_span: (own_spans[from][s].0, own_spans[from][e - 1].1),
            to,
            to_span,
            rate,
        })
        .collect();
    let sources = texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| Source {
            id: format!("gen{i:06}"),
            path: format!("gen/gen{i:06}.txt"),
            outlet: Some(format!("outlet{}", i % 97)),
            url: None,
            series: None,
            published: None,
            published_from: DateOrigin::None,
            published_span: None,
            text,
        })
        .collect();
    Generated {
        corpus: Corpus {
            sources,
            diagnostics: Vec::new(),
            is_sample: false,
        },
        plants,
    }
}

/// Labelled sentence pairs for the measure comparison: `n` reprints at each edit
/// rate of 0% to 20% (true), and `5 * n` unrelated sentences sharing a stock phrase
/// and common words (false).
pub fn synthetic_pairs(n: usize, seed: u64) -> Vec<(bool, String, String)> {
    let mut rng = Rng::new(seed);
    let lex = Words::new(&mut rng);
    let mut out = Vec::new();
    for rate in [0.0, 0.05, 0.10, 0.15, 0.20] {
        for _ in 0..n {
            let s = lex.sentence(&mut rng);
            let m = mutate(&s, rate, &lex, &mut rng);
            out.push((true, render(&s), render(&m)));
        }
    }
    for _ in 0..5 * n {
        let mut a = lex.sentence(&mut rng);
        let mut b = lex.sentence(&mut rng);
        let p = &lex.phrases[lex.phrase_zipf.sample(&mut rng)];
        let (ia, ib) = (rng.below(a.len()), rng.below(b.len()));
        a.splice(ia..ia, p.iter().cloned());
        b.splice(ib..ib, p.iter().cloned());
        out.push((false, render(&a), render(&b)));
    }
    out
}

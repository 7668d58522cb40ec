//! A generator of synthetic news corpora with planted reuse at known places, for the
//! alignment benchmark.
//!
//! Articles are about 600 words of made-up prose: content words drawn from a Zipf
//! distribution over a vocabulary of invented words, real English function words
//! between them, figures, and a pool of stock phrases that many articles share (the
//! "said in a statement" of real news), so that the index meets common shingles as
//! it would in real text. Some articles then reprint three to six consecutive
//! sentences of an earlier article of another outlet, the way wire copy spreads: a
//! fifth verbatim, the rest with word edits (half substitutions, a quarter deletions,
//! a quarter insertions) at edit rates of 5% to 25%, half of those with a figure
//! changed as well. A few "wire stories" are also syndicated: their lead is
//! reprinted, lightly edited, by 0.4% of all articles (200 copies each at N =
//! 50,000), so that the frequent shingles of widely reprinted copy are exercised.
//! Every plant is recorded with its byte spans, so recall can be measured.
//!
//! Two stress shapes are generated too: hundreds of lightly edited copies of one
//! article ([`near_duplicates`]) and long files of repeated text ([`article`]).

use claimdiff::{Corpus, Source};

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
    /// Byte spans of other articles' reprints that the source article places between
    /// those sentences: inside `from_span`, but not the copied text.
    pub from_foreign: Vec<(usize, usize)>,
    /// Article that reprints it.
    pub to: usize,
    /// Byte span of the reprinted (edited) sentences there.
    pub to_span: (usize, usize),
    /// Share of words edited (0 for a verbatim copy).
    pub rate: f64,
    /// True when one figure of the copy was changed as well.
    pub number_changed: bool,
    /// True for a reprint of a syndicated wire story.
    pub syndicated: bool,
}

/// A generated corpus and where its reuse was planted.
pub struct Generated {
    pub corpus: Corpus,
    pub plants: Vec<Plant>,
}

/// A word: an index into [`Words::lexicon`]. Words are ids rather than strings so
/// that the generator's own memory stays small next to what is measured.
type W = u32;

/// Number of figures in the lexicon.
const FIGURES: usize = 20_000;
/// Number of invented content words.
const VOCAB: usize = 40_000;

struct Words {
    /// Function words, then figures, then content words.
    lexicon: Vec<String>,
    zipf: Zipf,
    phrases: Vec<Vec<W>>,
    phrase_zipf: Zipf,
}

impl Words {
    fn new(rng: &mut Rng) -> Self {
        let mut lexicon: Vec<String> = FUNCTION_WORDS.iter().map(|w| w.to_string()).collect();
        lexicon.extend((0..FIGURES).map(|_| figure_text(rng)));
        lexicon.extend((0..VOCAB).map(|i| word(i + 40)));
        let mut words = Words {
            lexicon,
            zipf: Zipf::new(VOCAB),
            phrases: Vec::new(),
            phrase_zipf: Zipf::new(3000),
        };
        words.phrases = (0..3000)
            .map(|_| {
                let n = 3 + rng.below(4);
                (0..n)
                    .map(|k| {
                        if k % 2 == 1 {
                            words.function(rng)
                        } else {
                            words.content_rank(rng.below(2000))
                        }
                    })
                    .collect()
            })
            .collect();
        words
    }

    fn function(&self, rng: &mut Rng) -> W {
        rng.below(FUNCTION_WORDS.len()) as W
    }

    fn figure(&self, rng: &mut Rng) -> W {
        (FUNCTION_WORDS.len() + rng.below(FIGURES)) as W
    }

    fn content_rank(&self, rank: usize) -> W {
        (FUNCTION_WORDS.len() + FIGURES + rank) as W
    }

    fn is_figure(&self, w: W) -> bool {
        (FUNCTION_WORDS.len()..FUNCTION_WORDS.len() + FIGURES).contains(&(w as usize))
    }

    fn is_function(&self, w: W) -> bool {
        (w as usize) < FUNCTION_WORDS.len()
    }

    fn content(&self, rng: &mut Rng) -> W {
        self.content_rank(self.zipf.sample(rng))
    }

    fn any(&self, rng: &mut Rng) -> W {
        if rng.chance(0.4) {
            self.function(rng)
        } else if rng.chance(0.04) {
            self.figure(rng)
        } else {
            self.content(rng)
        }
    }

    /// Appends one sentence of 8 to 35 words (and the stock phrases in it).
    fn sentence_into(&self, rng: &mut Rng, out: &mut Vec<W>) {
        let len = 8 + rng.below(28);
        let start = out.len();
        while out.len() - start < len {
            if rng.chance(0.05) {
                let p = &self.phrases[self.phrase_zipf.sample(rng)];
                out.extend(p.iter().copied());
            } else {
                out.push(self.any(rng));
            }
        }
    }

    fn sentence(&self, rng: &mut Rng) -> Vec<W> {
        let mut out = Vec::with_capacity(40);
        self.sentence_into(rng, &mut out);
        out
    }

    /// A word of the same class as `w` (function word, figure or content word),
    /// different from it.
    fn substitute(&self, w: W, rng: &mut Rng) -> W {
        loop {
            let x = if self.is_figure(w) {
                self.figure(rng)
            } else if self.is_function(w) {
                self.function(rng)
            } else {
                self.content(rng)
            };
            if x != w {
                return x;
            }
        }
    }

    /// Writes the sentence as text: capitalized, with a full stop.
    fn render_into(&self, words: &[W], s: &mut String) {
        let start = s.len();
        for (i, &w) in words.iter().enumerate() {
            if i > 0 {
                s.push(' ');
            }
            s.push_str(&self.lexicon[w as usize]);
        }
        if let Some(first) = s.get(start..start + 1) {
            let upper = first.to_uppercase();
            s.replace_range(start..start + 1, &upper);
        }
        s.push('.');
    }

    fn render(&self, words: &[W]) -> String {
        let mut s = String::new();
        self.render_into(words, &mut s);
        s
    }
}

fn figure_text(rng: &mut Rng) -> String {
    match rng.below(3) {
        0 => (1 + rng.below(99)).to_string(),
        1 => format!("{},{:03}", 1 + rng.below(999), rng.below(1000)),
        _ => format!("{}.{}", rng.below(100), rng.below(10)),
    }
}

/// Edits about `rate` of the words of a sentence, and sometimes moves a clause (the
/// labelled pairs of the measure comparison).
fn mutate(words: &[W], rate: f64, lex: &Words, rng: &mut Rng) -> Vec<W> {
    let mut out: Vec<W> = Vec::with_capacity(words.len() + 4);
    for &w in words {
        if !rng.chance(rate) {
            out.push(w);
            continue;
        }
        match rng.below(10) {
            0..=4 if lex.is_figure(w) => out.push(lex.figure(rng)),
            0..=4 => out.push(lex.content(rng)),
            5 | 6 => {}
            7 | 8 => {
                out.push(w);
                out.push(lex.any(rng));
            }
            _ => {
                let prev = out.pop();
                out.push(w);
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

/// Word edits the way copy editors make them: each word is edited with probability
/// `rate`; half of the edits substitute a word of the same class, a quarter delete
/// the word, a quarter insert a word after it.
fn edit(words: &[W], rate: f64, lex: &Words, rng: &mut Rng) -> Vec<W> {
    let mut out: Vec<W> = Vec::with_capacity(words.len() + 4);
    for &w in words {
        if !rng.chance(rate) {
            out.push(w);
            continue;
        }
        match rng.below(4) {
            0 | 1 => out.push(lex.substitute(w, rng)),
            2 => {}
            _ => {
                out.push(w);
                out.push(lex.any(rng));
            }
        }
    }
    if out.is_empty() {
        out.push(lex.content(rng));
    }
    out
}

/// Changes one figure of the sentences (the first one found from a random
/// sentence on); false when they hold none.
fn change_number(sentences: &mut [Vec<W>], lex: &Words, rng: &mut Rng) -> bool {
    let n = sentences.len();
    let first = rng.below(n.max(1));
    for k in 0..n {
        let s = &mut sentences[(first + k) % n];
        if let Some(i) = s.iter().position(|&w| lex.is_figure(w)) {
            s[i] = lex.substitute(s[i], rng);
            return true;
        }
    }
    false
}

/// The sentences of all articles, stored flat (one allocation for the whole corpus,
/// returned to the system once the texts are written).
struct Drafts {
    words: Vec<W>,
    /// End of each sentence in `words`.
    sentence_ends: Vec<u32>,
    /// First sentence of each article, plus one final end.
    article_starts: Vec<u32>,
    inserts: Vec<Insert>,
}

impl Drafts {
    fn sentences(&self, article: usize) -> std::ops::Range<usize> {
        self.article_starts[article] as usize..self.article_starts[article + 1] as usize
    }

    fn sentence(&self, s: usize) -> &[W] {
        let start = if s == 0 {
            0
        } else {
            self.sentence_ends[s - 1] as usize
        };
        &self.words[start..self.sentence_ends[s] as usize]
    }

    fn articles(&self) -> usize {
        self.article_starts.len() - 1
    }
}

/// A reprint to insert into an article.
struct Insert {
    /// Article that reprints.
    to: usize,
    /// Position among the article's own sentences.
    at: usize,
    /// Source article.
    from: usize,
    /// Range of the source's sentences reprinted (indices in the article).
    range: (usize, usize),
    /// The edited sentences.
    sentences: Vec<Vec<W>>,
    rate: f64,
    number_changed: bool,
    syndicated: bool,
}

/// Outlet of article `i`: 97 outlets in turn.
pub fn outlet_of(i: usize) -> usize {
    i % 97
}

/// Builds `n` articles of about `words` words each; a share `reuse` of them reprint
/// a passage of an earlier article of another outlet, as wire copy spreads: three to
/// six consecutive sentences, a fifth of them verbatim, the others edited at a rate
/// of 5% to 25% of words (see [`edit`]), half of those with a figure changed too. A
/// few wire stories are also syndicated: their lead is reprinted, lightly edited, by
/// 0.4% of all articles.
pub fn generate(n: usize, words: usize, reuse: f64, seed: u64) -> Generated {
    let mut rng = Rng::new(seed);
    let lex = Words::new(&mut rng);
    let mut drafts = Drafts {
        words: Vec::with_capacity(n * (words + 40)),
        sentence_ends: Vec::new(),
        article_starts: vec![0],
        inserts: Vec::new(),
    };
    for _ in 0..n {
        let start = drafts.words.len();
        while drafts.words.len() - start < words {
            lex.sentence_into(&mut rng, &mut drafts.words);
            drafts.sentence_ends.push(drafts.words.len() as u32);
        }
        drafts
            .article_starts
            .push(drafts.sentence_ends.len() as u32);
    }
    const RATES: [f64; 5] = [0.05, 0.10, 0.15, 0.20, 0.25];
    for to in 1..n {
        let plants = if rng.chance(reuse) {
            1 + usize::from(rng.chance(0.25))
        } else {
            0
        };
        for _ in 0..plants {
            let from = loop {
                let f = rng.below(to);
                if outlet_of(f) != outlet_of(to) || to < 97 {
                    break f;
                }
            };
            let src = drafts.sentences(from);
            let len = 3 + rng.below(4);
            let count = src.len();
            let start = rng.below(count.saturating_sub(len).max(1));
            let end = (start + len).min(count);
            let verbatim = rng.chance(0.2);
            let rate = if verbatim {
                0.0
            } else {
                RATES[rng.below(RATES.len())]
            };
            let mut sentences: Vec<Vec<W>> = (start..end)
                .map(|s| edit(drafts.sentence(src.start + s), rate, &lex, &mut rng))
                .collect();
            let number_changed =
                !verbatim && rng.chance(0.5) && { change_number(&mut sentences, &lex, &mut rng) };
            let at = rng.below(drafts.sentences(to).len() + 1);
            drafts.inserts.push(Insert {
                to,
                at,
                from,
                range: (start, end),
                sentences,
                rate,
                number_changed,
                syndicated: false,
            });
        }
    }
    syndicate(&mut drafts, &lex, &mut rng);
    assemble(drafts, &lex, &mut rng)
}

/// Picks wire stories and reprints their two-sentence lead in many later articles.
fn syndicate(drafts: &mut Drafts, lex: &Words, rng: &mut Rng) {
    let n = drafts.articles();
    let stories = (n / 5000).max(2).min(n / 4);
    let copies = (n / 250).max(4);
    for s in 0..stories {
        let from = s * (n / stories.max(1)) / 4;
        let src = drafts.sentences(from);
        let lead = src.len().min(2);
        for _ in 0..copies {
            let to = from + 1 + rng.below(n - from - 1);
            let rate = [0.0, 0.05, 0.10][rng.below(3)];
            let sentences = (0..lead)
                .map(|k| edit(drafts.sentence(src.start + k), rate, lex, rng))
                .collect();
            let at = rng.below(drafts.sentences(to).len() + 1);
            drafts.inserts.push(Insert {
                to,
                at,
                from,
                range: (0, lead),
                sentences,
                rate,
                number_changed: false,
                syndicated: true,
            });
        }
    }
}

/// Writes the texts, inserting plants, and records every span.
fn assemble(mut drafts: Drafts, lex: &Words, rng: &mut Rng) -> Generated {
    let n = drafts.articles();
    // Byte spans of each article's own sentences, needed for the plants' sources.
    let mut own_spans: Vec<Vec<(usize, usize)>> = Vec::with_capacity(n);
    let mut texts = Vec::with_capacity(n);
    let mut inserts = std::mem::take(&mut drafts.inserts);
    inserts.sort_by_key(|x| (x.to, x.at));
    // (insert, byte span in its article)
    let mut placed: Vec<(usize, (usize, usize))> = Vec::with_capacity(inserts.len());
    let mut next_insert = 0;
    for i in 0..n {
        let mut text = String::new();
        let own = drafts.sentences(i);
        let mut spans = Vec::with_capacity(own.len());
        let mut in_para = 0;
        let mut para_len = 2 + rng.below(3);
        for k in 0..=own.len() {
            while next_insert < inserts.len()
                && inserts[next_insert].to == i
                && inserts[next_insert].at == k
            {
                let insert = &inserts[next_insert];
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                let start = text.len();
                for (j, s) in insert.sentences.iter().enumerate() {
                    if j > 0 {
                        text.push(' ');
                    }
                    lex.render_into(s, &mut text);
                }
                placed.push((next_insert, (start, text.len())));
                text.push_str("\n\n");
                in_para = 0;
                next_insert += 1;
            }
            if k == own.len() {
                break;
            }
            if in_para == para_len {
                text.push_str("\n\n");
                in_para = 0;
                para_len = 2 + rng.below(3);
            } else if in_para > 0 {
                text.push(' ');
            }
            let start = text.len();
            lex.render_into(drafts.sentence(own.start + k), &mut text);
            spans.push((start, text.len()));
            in_para += 1;
        }
        text.shrink_to_fit();
        own_spans.push(spans);
        texts.push(text);
    }
    drop(drafts);
    // Reprints placed in each article, by article.
    let mut placed_in: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for &(k, span) in &placed {
        placed_in[inserts[k].to].push(span);
    }
    let plants = placed
        .into_iter()
        .map(|(k, to_span)| {
            let insert = &inserts[k];
            let (from, (s, e)) = (insert.from, insert.range);
            let from_span = (own_spans[from][s].0, own_spans[from][e - 1].1);
            Plant {
                from,
                from_span,
                from_foreign: placed_in[from]
                    .iter()
                    .copied()
                    .filter(|&(a, b)| from_span.0 <= a && b <= from_span.1)
                    .collect(),
                to: insert.to,
                to_span,
                rate: insert.rate,
                number_changed: insert.number_changed,
                syndicated: insert.syndicated,
            }
        })
        .collect();
    let sources = texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| source(i, text))
        .collect();
    Generated {
        corpus: Corpus::of_sources(sources),
        plants,
    }
}

/// A generated source: id `gen{i}`, outlet [`outlet_of`].
pub fn source(i: usize, text: String) -> Source {
    Source {
        path: format!("gen/gen{i:06}.txt"),
        outlet: Some(format!("outlet{}", outlet_of(i))),
        text,
        ..Source::new(&format!("gen{i:06}"), "")
    }
}

/// One article of about `words` words, as text.
pub fn article(words: usize, rng: &mut Rng) -> String {
    let lex = Words::new(&mut Rng::new(7));
    let mut text = String::new();
    let mut count = 0;
    while count < words {
        let s = lex.sentence(rng);
        count += s.len();
        if !text.is_empty() {
            text.push(' ');
        }
        lex.render_into(&s, &mut text);
    }
    text
}

/// `copies` lightly edited copies (rate 2% to 6%) of one article of `words` words,
/// each from another outlet: one story reprinted everywhere.
pub fn near_duplicates(copies: usize, words: usize, seed: u64) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let lex = Words::new(&mut rng);
    let mut original = Vec::new();
    let mut ends = Vec::new();
    while original.len() < words {
        lex.sentence_into(&mut rng, &mut original);
        ends.push(original.len());
    }
    (0..copies)
        .map(|_| {
            let rate = 0.02 + 0.01 * rng.below(5) as f64;
            let mut text = String::new();
            let mut start = 0;
            for &end in &ends {
                if !text.is_empty() {
                    text.push(' ');
                }
                lex.render_into(
                    &edit(&original[start..end], rate, &lex, &mut rng),
                    &mut text,
                );
                start = end;
            }
            text
        })
        .collect()
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
            out.push((true, lex.render(&s), lex.render(&m)));
        }
    }
    for _ in 0..5 * n {
        let mut a = lex.sentence(&mut rng);
        let mut b = lex.sentence(&mut rng);
        let p = &lex.phrases[lex.phrase_zipf.sample(&mut rng)];
        let (ia, ib) = (rng.below(a.len()), rng.below(b.len()));
        a.splice(ia..ia, p.iter().copied());
        b.splice(ib..ib, p.iter().copied());
        out.push((false, lex.render(&a), lex.render(&b)));
    }
    out
}

//! How distinctive each word is in this corpus: an inverse document frequency over
//! the article sentences of all sources.
//!
//! The names of the event a corpus is about appear in most sentences and say little
//! about which fact a figure states; words such as "killed", "evacuated" or
//! "ceasefire" are rare and say a lot. Word ids are given in first-seen order
//! (sources in corpus order, sentences in text order), so they are deterministic.

use super::hash::FastMap;

use rayon::prelude::*;

use super::lexicon;
use crate::document::Document;

/// The words of a corpus with their sentence frequencies.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    ids: FastMap<String, u32>,
    stems: Vec<String>,
    surfaces: Vec<String>,
    df: Vec<u32>,
    /// Per word: the number of documents that hold it.
    doc_df: Vec<u32>,
    /// Per word: (lower-case occurrences, capitalized occurrences not at the start
    /// of a sentence).
    cases: Vec<(u32, u32)>,
    /// Per word: true when some form of it is general news vocabulary (a word of
    /// a predicate or noun class: "killed", "people", "toll").
    generic: Vec<bool>,
    sentences: u32,
    documents: Vec<Vec<(u32, f32)>>,
    /// Per document: its story sketch (see [`super::story`]).
    stories: super::story::Sketches,
    idfs: Vec<f32>,
    /// The mean similarity of two documents of one story in this corpus.
    document_baseline: f32,
    /// The least story likeness of two documents of one story, with and without
    /// a shared name.
    story_thresholds: (f32, f32),
    /// Per word: its first character and its length in characters, for quick
    /// checks before string similarity.
    shapes: Vec<(char, u16)>,
    /// Ids of the class features, by class name.
    predicate_ids: FastMap<&'static str, u32>,
    noun_ids: FastMap<&'static str, u32>,
}

/// Up to this many documents, the baseline similarity is the mean over all pairs.
const BASELINE_PAIRS_ALL: usize = 100;
/// Documents counted in parallel before their counts are merged.
const COUNT_CHUNK: usize = 512;
/// Pairs sampled for the baseline similarity of a larger corpus.
const BASELINE_SAMPLE: usize = 5_000;
/// Pairs of one story a sample needs for its mean to be trusted.
const BASELINE_MIN_PAIRS: usize = 100;
/// How many of its most distinctive words describe a document.
const DOCUMENT_WORDS: usize = 32;

impl Vocab {
    /// Counts, for every stem and every predicate class, the article sentences that
    /// hold it, and sketches each document's story; two documents tell the same
    /// story with the default thresholds of [`super::CompareOptions`].
    pub fn build(docs: &[Document<'_>]) -> Vocab {
        let opts = super::CompareOptions::default();
        Vocab::with_story_thresholds(docs, opts.same_story, opts.same_story_unnamed)
    }

    /// [`Vocab::build`] with the least story likeness of two documents of one
    /// story, when they share a name and when they do not.
    pub fn with_story_thresholds(docs: &[Document<'_>], named: f32, unnamed: f32) -> Vocab {
        let mut vocab = Vocab::default();
        for doc in docs {
            vocab.sentences += doc.body_sentences().count() as u32;
        }
        // Per document: its words with the number of sentences holding each, and
        // its names, as ids sorted by id. Documents are counted in parallel a chunk
        // at a time and merged in corpus order (ids are given in first-seen order,
        // so they do not depend on the thread count), so that the per-document
        // string maps of only one chunk are alive at once.
        let span = crate::timing::Span::new("vocabulary: counts");
        let mut counts: Vec<Vec<(u32, u32)>> = Vec::with_capacity(docs.len());
        let mut doc_names: Vec<Vec<u32>> = Vec::with_capacity(docs.len());
        for chunk in docs.chunks(COUNT_CHUNK) {
            let per_doc: Vec<DocCounts> = chunk.par_iter().map(doc_counts).collect();
            for doc in per_doc {
                let mut tf: Vec<(u32, u32)> = Vec::with_capacity(doc.entries.len());
                let mut names: Vec<u32> = Vec::new();
                for (key, stat) in &doc.entries {
                    let id = vocab.intern(key, &stat.surface) as usize;
                    vocab.df[id] += stat.sentences;
                    vocab.doc_df[id] += 1;
                    vocab.cases[id].0 += stat.lower;
                    vocab.cases[id].1 += stat.proper;
                    vocab.generic[id] |= stat.generic;
                    if !key.contains(':') {
                        tf.push((id as u32, stat.sentences));
                        if stat.proper > 0 && stat.lower == 0 {
                            names.push(id as u32);
                        }
                    }
                }
                tf.sort_unstable();
                names.sort_unstable();
                counts.push(tf);
                doc_names.push(names);
            }
        }
        drop(span);
        let span = crate::timing::Span::new("vocabulary: idf, documents");
        for c in lexicon::predicate_class_names() {
            if let Some(id) = vocab.id(&class_feature(c)) {
                vocab.predicate_ids.insert(c, id);
            }
        }
        for c in lexicon::noun_class_names() {
            if let Some(id) = vocab.id(&noun_feature(c)) {
                vocab.noun_ids.insert(c, id);
            }
        }
        vocab.idfs = (0..vocab.df.len() as u32)
            .map(|id| vocab.compute_idf(id))
            .collect();
        vocab.shapes = vocab
            .surfaces
            .iter()
            .map(|s| {
                let n = s.chars().count().min(usize::from(u16::MAX)) as u16;
                (s.chars().next().unwrap_or(' '), n)
            })
            .collect();
        vocab.documents = counts
            .par_iter()
            .map(|tf| vocab.document_vector(tf))
            .collect();
        drop(span);
        let span = crate::timing::Span::new("vocabulary: sketches");
        vocab.stories = super::story::Sketches::new(
            counts
                .par_iter()
                .zip(&doc_names)
                .map(|(tf, names)| super::story::sketch(tf, names, &vocab, counts.len()))
                .collect(),
        );
        drop(span);
        vocab.story_thresholds = (named, unnamed);
        vocab.document_baseline =
            crate::timing::timed("vocabulary: baseline", || vocab.mean_document_similarity());
        vocab
    }

    /// A document as its most distinctive words, weighted by (1 + ln tf) × IDF,
    /// normalized, sorted by id.
    ///
    /// Words found in no other document are left out: they can never be shared,
    /// and would only make every document look unlike every other.
    fn document_vector(&self, tf: &[(u32, u32)]) -> Vec<(u32, f32)> {
        let mut v: Vec<(u32, f32)> = tf
            .iter()
            .filter(|(id, _)| self.doc_df.get(*id as usize).is_some_and(|&d| d >= 2))
            .map(|&(id, n)| (id, (1.0 + (n as f32).ln()) * self.idf(id)))
            .collect();
        super::story::strongest_normalized(&mut v, DOCUMENT_WORDS, |x| x.0, |x| &mut x.1);
        v
    }

    /// The mean similarity of two documents of one story: over all such pairs in a
    /// small corpus, over a fixed sample of them in a large one. Pairs of
    /// different stories are left out: in a folder of many stories, they would
    /// make every pair of one story look remarkably alike.
    fn mean_document_similarity(&self) -> f32 {
        let n = self.documents.len();
        let mean = |pairs: &[(usize, usize)]| {
            let alike: Vec<f32> = pairs
                .iter()
                .filter(|&&(a, b)| self.same_story(a, b))
                .map(|&(a, b)| self.raw_document_similarity(a, b))
                .collect();
            (
                alike.len(),
                alike.iter().sum::<f32>() / alike.len().max(1) as f32,
            )
        };
        if n <= BASELINE_PAIRS_ALL {
            let all: Vec<(usize, usize)> = (0..n)
                .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
                .collect();
            return mean(&all).1;
        }
        let random: Vec<(usize, usize)> = (0..BASELINE_SAMPLE)
            .map(|i| {
                let a = (i * 7_919) % n;
                let b = (a + 1 + (i * 104_729) % (n - 1)) % n;
                (a, b)
            })
            .collect();
        // In a folder of many stories, random pairs are seldom of one story:
        // then pairs that share a heavy term are measured instead.
        match mean(&random) {
            (found, m) if found >= BASELINE_MIN_PAIRS => m,
            _ => mean(&self.stories.likely_pairs(BASELINE_SAMPLE)).1,
        }
    }

    /// How much more alike two documents (by source index) are than two documents
    /// of this corpus are on average: evidence that they tell the same story. In a
    /// corpus about one story every pair is alike, and this says nothing.
    pub fn document_similarity(&self, a: usize, b: usize) -> f32 {
        (self.raw_document_similarity(a, b) - self.document_baseline).max(0.0)
    }

    /// Cosine similarity of two documents' most distinctive shared words.
    pub fn raw_document_similarity(&self, a: usize, b: usize) -> f32 {
        let (Some(x), Some(y)) = (self.documents.get(a), self.documents.get(b)) else {
            return 0.0;
        };
        let (mut i, mut j, mut dot) = (0, 0, 0.0);
        while i < x.len() && j < y.len() {
            match x[i].0.cmp(&y[j].0) {
                std::cmp::Ordering::Equal => {
                    dot += x[i].1 * y[j].1;
                    i += 1;
                    j += 1;
                }
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
            }
        }
        dot.clamp(0.0, 1.0)
    }

    fn intern(&mut self, stem: &str, surface: &str) -> u32 {
        if let Some(&id) = self.ids.get(stem) {
            return id;
        }
        let id = self.stems.len() as u32;
        self.ids.insert(stem.to_string(), id);
        self.stems.push(stem.to_string());
        self.surfaces.push(surface.to_string());
        self.df.push(0);
        self.doc_df.push(0);
        self.cases.push((0, 0));
        self.generic.push(false);
        id
    }

    /// True when some form of the word is general news vocabulary: a word of a
    /// predicate or noun class ("killed", "people", "toll").
    pub fn is_generic(&self, id: u32) -> bool {
        self.generic.get(id as usize).copied().unwrap_or(false)
    }

    /// How many documents hold a word.
    pub fn documents_holding(&self, id: u32) -> u32 {
        self.doc_df.get(id as usize).copied().unwrap_or(0)
    }

    /// True when two documents tell the same story (see [`super::story`]).
    pub fn same_story(&self, a: usize, b: usize) -> bool {
        let (named, unnamed) = self.story_thresholds;
        a == b || self.stories.same_story(a, b, named, unnamed)
    }

    /// How alike two documents' story sketches are.
    pub fn story_likeness(&self, a: usize, b: usize) -> super::story::Likeness {
        self.stories.likeness(a, b)
    }

    /// The id of a stem, or of a class feature such as `pred:death`.
    pub fn id(&self, stem: &str) -> Option<u32> {
        self.ids.get(stem).copied()
    }

    /// Inverse document frequency: `ln((N + 1) / (df + 0.5))`, at least a small
    /// positive floor so that even ubiquitous words weigh something.
    pub fn idf(&self, id: u32) -> f32 {
        match self.idfs.get(id as usize) {
            Some(&x) => x,
            None => self.compute_idf(id),
        }
    }

    /// The first character and the length in characters of a word.
    pub fn shape(&self, id: u32) -> (char, u16) {
        self.shapes.get(id as usize).copied().unwrap_or((' ', 0))
    }

    fn compute_idf(&self, id: u32) -> f32 {
        let df = self.df.get(id as usize).copied().unwrap_or(0) as f32;
        let n = self.sentences as f32;
        ((n + 1.0) / (df + 0.5)).ln().max(0.05)
    }

    /// The IDF of a stem or class feature that may be unknown.
    pub fn idf_of(&self, stem: &str) -> f32 {
        match self.id(stem) {
            Some(id) => self.idf(id),
            None => self.idf(u32::MAX),
        }
    }

    /// A readable form of the word (the first folded spelling seen).
    pub fn surface(&self, id: u32) -> &str {
        self.surfaces
            .get(id as usize)
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The id of a predicate class feature, when the corpus has it.
    pub fn predicate_class_id(&self, class: &str) -> Option<u32> {
        self.predicate_ids.get(class).copied()
    }

    /// The id of a noun class feature, when the corpus has it.
    pub fn noun_class_id(&self, class: &str) -> Option<u32> {
        self.noun_ids.get(class).copied()
    }

    /// True when the word looks like a name in this corpus: written with a capital
    /// inside sentences and never in lower case, so that a name at the start of a
    /// sentence ("Ames received …") is known too.
    pub fn is_name(&self, id: u32) -> bool {
        self.cases
            .get(id as usize)
            .is_some_and(|&(lower, proper)| proper > 0 && lower == 0)
    }

    /// True for the id of a class feature (`pred:death`, `noun:people`) rather
    /// than a word.
    pub fn is_class_feature(&self, id: u32) -> bool {
        self.stems.get(id as usize).is_some_and(|s| s.contains(':'))
    }

    /// Number of article sentences counted.
    pub fn sentence_count(&self) -> u32 {
        self.sentences
    }
}

/// The feature key of a predicate class.
pub fn class_feature(class: &str) -> String {
    format!("pred:{class}")
}

/// The feature key of a noun class.
pub fn noun_feature(class: &str) -> String {
    format!("noun:{class}")
}

/// What one document says about each of its words and class features.
#[derive(Default)]
struct DocCounts {
    /// Keys with their counts, in first-seen order, so that ids are given
    /// deterministically.
    entries: Vec<(String, Stat)>,
}

/// Counts of one word in one document.
#[derive(Default)]
struct Stat {
    surface: String,
    /// Article sentences that hold it.
    sentences: u32,
    /// Occurrences in lower case.
    lower: u32,
    /// Occurrences with a capital, not at the start of a sentence.
    proper: u32,
    /// Some form of the word is general news vocabulary.
    generic: bool,
}

/// What counting needs of one word part (see [`super::terms::terms`]), worked out
/// once per document: the entries of its predicate class, its noun class and its
/// stem (when it is a content word).
#[derive(Clone, Copy)]
struct PartKeys {
    pred: Option<u32>,
    noun: Option<u32>,
    stem: Option<u32>,
}

/// Counting state of one document: entries by key, and for each entry the last
/// sentence that counted it as a class and as a stem.
#[derive(Default)]
struct Counter {
    out: DocCounts,
    index: FastMap<String, u32>,
    class_seen: Vec<u32>,
    stem_seen: Vec<u32>,
}

impl Counter {
    /// The entry of `key`, made (with `surface`) when it is new.
    fn entry(&mut self, key: &str, surface: &str) -> u32 {
        if let Some(&e) = self.index.get(key) {
            return e;
        }
        let e = self.out.entries.len() as u32;
        self.index.insert(key.to_string(), e);
        self.out.entries.push((
            key.to_string(),
            Stat {
                surface: surface.to_string(),
                ..Stat::default()
            },
        ));
        self.class_seen.push(u32::MAX);
        self.stem_seen.push(u32::MAX);
        e
    }

    /// Counts one occurrence of entry `e` in sentence `sentence`.
    fn count(&mut self, e: u32, sentence: u32, stem: bool, lower: bool, proper: bool) {
        let seen = if stem {
            &mut self.stem_seen[e as usize]
        } else {
            &mut self.class_seen[e as usize]
        };
        let new = *seen != sentence;
        *seen = sentence;
        let stat = &mut self.out.entries[e as usize].1;
        stat.sentences += u32::from(new);
        stat.lower += u32::from(lower);
        stat.proper += u32::from(proper);
    }
}

/// The counts of the article sentences of one document: for every term of
/// [`super::terms::terms`], its predicate and noun class features, then its stem
/// when it is a content word. Each distinct word part is folded, stemmed and
/// looked up once per document.
fn doc_counts(doc: &Document<'_>) -> DocCounts {
    let text = doc.text();
    let mut counter = Counter::default();
    let mut parts: FastMap<(&str, bool), PartKeys> = FastMap::default();
    let mut key = String::new();
    for (sentence, (_, s)) in doc.body_sentences().enumerate() {
        let sentence = sentence as u32;
        let mut first_word = true;
        for tok in crate::text::tokenize(text, s.range()) {
            if tok.kind == crate::text::TokenKind::Punct {
                continue;
            }
            let raw = tok.text(text);
            let capitalized = raw.chars().next().is_some_and(char::is_uppercase);
            let proper = !first_word && capitalized;
            first_word = false;
            let is_word = tok.kind == crate::text::TokenKind::Word;
            for part in super::terms::split_parts(raw) {
                let keys = match parts.get(&(part, is_word)) {
                    Some(&k) => k,
                    None => {
                        let folded = if part.is_ascii() {
                            part.to_ascii_lowercase()
                        } else {
                            crate::text::fold(part)
                        };
                        let word = is_word || part.chars().any(char::is_alphabetic);
                        let content =
                            word && folded.len() >= 2 && !lexicon::is_context_noise(&folded);
                        let mut class = |prefix: &str, class: Option<&'static str>| {
                            class.map(|c| {
                                key.clear();
                                key.push_str(prefix);
                                key.push_str(c);
                                counter.entry(&key, c)
                            })
                        };
                        let pred = class("pred:", lexicon::predicate_class(&folded));
                        let noun = class("noun:", lexicon::noun_class(&folded));
                        let stem = content.then(|| counter.entry(&lexicon::stem(&folded), &folded));
                        let k = PartKeys { pred, noun, stem };
                        parts.insert((part, is_word), k);
                        k
                    }
                };
                for e in [keys.pred, keys.noun].into_iter().flatten() {
                    counter.count(e, sentence, false, false, false);
                }
                if let Some(e) = keys.stem {
                    counter.count(e, sentence, true, !capitalized, proper);
                    if keys.pred.is_some() || keys.noun.is_some() {
                        counter.out.entries[e as usize].1.generic = true;
                    }
                }
            }
        }
    }
    counter.out
}

//! How distinctive each word is in this corpus: an inverse document frequency over
//! the article sentences of all sources.
//!
//! The names of the event a corpus is about appear in most sentences and say little
//! about which fact a figure states; words such as "killed", "freeze" or
//! "conversation" are rare and say a lot. Word ids are given in first-seen order
//! (sources in corpus order, sentences in text order), so they are deterministic.

use std::collections::{HashMap, HashSet};

use rayon::prelude::*;

use super::lexicon;
use super::terms::terms;
use crate::document::Document;

/// The words of a corpus with their sentence frequencies.
#[derive(Debug, Clone, Default)]
pub struct Vocab {
    ids: HashMap<String, u32>,
    stems: Vec<String>,
    surfaces: Vec<String>,
    df: Vec<u32>,
    sentences: u32,
    documents: Vec<Vec<(u32, f32)>>,
}

/// How many of its most distinctive words describe a document.
const DOCUMENT_WORDS: usize = 50;

impl Vocab {
    /// Counts, for every stem and every predicate class, the article sentences that
    /// hold it.
    pub fn build(docs: &[Document<'_>]) -> Vocab {
        let per_doc: Vec<Vec<(String, String)>> = docs.par_iter().map(doc_features).collect();
        let mut vocab = Vocab::default();
        for doc in docs {
            vocab.sentences += doc.body_sentences().count() as u32;
        }
        let mut counts: Vec<HashMap<u32, u32>> = Vec::with_capacity(per_doc.len());
        for features in per_doc {
            let mut tf: HashMap<u32, u32> = HashMap::new();
            for (stem, surface) in features {
                let id = vocab.intern(&stem, &surface);
                vocab.df[id as usize] += 1;
                if !stem.contains(':') {
                    *tf.entry(id).or_default() += 1;
                }
            }
            counts.push(tf);
        }
        vocab.documents = counts
            .par_iter()
            .map(|tf| vocab.document_vector(tf))
            .collect();
        vocab
    }

    /// A document as its most distinctive words, weighted by (1 + ln tf) × IDF,
    /// normalized, sorted by id.
    fn document_vector(&self, tf: &HashMap<u32, u32>) -> Vec<(u32, f32)> {
        let mut v: Vec<(u32, f32)> = tf
            .iter()
            .map(|(&id, &n)| (id, (1.0 + (n as f32).ln()) * self.idf(id)))
            .collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        v.truncate(DOCUMENT_WORDS);
        let norm = v.iter().map(|x| x.1 * x.1).sum::<f32>().sqrt();
        if norm > 0.0 {
            for x in &mut v {
                x.1 /= norm;
            }
        }
        v.sort_by_key(|x| x.0);
        v
    }

    /// Cosine similarity of two documents (by source index): how much they are
    /// about the same story.
    pub fn document_similarity(&self, a: usize, b: usize) -> f32 {
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
        id
    }

    /// The id of a stem, or of a class feature such as `pred:death`.
    pub fn id(&self, stem: &str) -> Option<u32> {
        self.ids.get(stem).copied()
    }

    /// Inverse document frequency: `ln((N + 1) / (df + 0.5))`, at least a small
    /// positive floor so that even ubiquitous words weigh something.
    pub fn idf(&self, id: u32) -> f32 {
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

/// The distinct features of each article sentence of one document, in order:
/// (stem or class feature, a readable form).
fn doc_features(doc: &Document<'_>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (_, s) in doc.body_sentences() {
        let mut seen: HashSet<String> = HashSet::new();
        for t in terms(doc.text(), s.range()) {
            if let Some(class) = lexicon::predicate_class(&t.folded) {
                let f = class_feature(class);
                if seen.insert(f.clone()) {
                    out.push((f, class.to_string()));
                }
            }
            if let Some(class) = lexicon::noun_class(&t.folded) {
                let f = noun_feature(class);
                if seen.insert(f.clone()) {
                    out.push((f, class.to_string()));
                }
            }
            if t.is_content() && seen.insert(t.stem.clone()) {
                out.push((t.stem, t.folded));
            }
        }
    }
    out
}

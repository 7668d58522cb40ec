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
    /// Per word: (lower-case occurrences, capitalized occurrences not at the start
    /// of a sentence).
    cases: Vec<(u32, u32)>,
    sentences: u32,
    documents: Vec<Vec<(u32, f32)>>,
}

/// How many of its most distinctive words describe a document.
const DOCUMENT_WORDS: usize = 50;

impl Vocab {
    /// Counts, for every stem and every predicate class, the article sentences that
    /// hold it.
    pub fn build(docs: &[Document<'_>]) -> Vocab {
        let per_doc: Vec<Vec<Feature>> = docs.par_iter().map(doc_features).collect();
        let mut vocab = Vocab::default();
        for doc in docs {
            vocab.sentences += doc.body_sentences().count() as u32;
        }
        let mut counts: Vec<HashMap<u32, u32>> = Vec::with_capacity(per_doc.len());
        for features in per_doc {
            let mut tf: HashMap<u32, u32> = HashMap::new();
            for f in features {
                let id = vocab.intern(&f.key, &f.surface) as usize;
                if f.new_in_sentence {
                    vocab.df[id] += 1;
                    if !f.key.contains(':') {
                        *tf.entry(id as u32).or_default() += 1;
                    }
                }
                match f.case {
                    Case::Lower => vocab.cases[id].0 += 1,
                    Case::Proper => vocab.cases[id].1 += 1,
                    Case::Unknown => {}
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
        self.cases.push((0, 0));
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

/// How a word was written, for telling names from common words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Case {
    /// In lower case.
    Lower,
    /// With a capital, not at the start of a sentence.
    Proper,
    /// At the start of a sentence, or not a word.
    Unknown,
}

/// One occurrence of a word or class feature in an article sentence.
struct Feature {
    key: String,
    surface: String,
    /// True for the first occurrence in its sentence (sentence frequencies count
    /// those).
    new_in_sentence: bool,
    case: Case,
}

/// The features of each article sentence of one document, in order.
fn doc_features(doc: &Document<'_>) -> Vec<Feature> {
    let mut out = Vec::new();
    for (_, s) in doc.body_sentences() {
        let mut seen: HashSet<String> = HashSet::new();
        for t in terms(doc.text(), s.range()) {
            let pred = lexicon::predicate_class(&t.folded).map(|c| (class_feature(c), c));
            let noun = lexicon::noun_class(&t.folded).map(|c| (noun_feature(c), c));
            for (key, class) in [pred, noun].into_iter().flatten() {
                let new_in_sentence = seen.insert(key.clone());
                out.push(Feature {
                    key,
                    surface: class.to_string(),
                    new_in_sentence,
                    case: Case::Unknown,
                });
            }
            if t.is_content() {
                let case = if t.proper {
                    Case::Proper
                } else if t.capitalized {
                    Case::Unknown
                } else {
                    Case::Lower
                };
                out.push(Feature {
                    new_in_sentence: seen.insert(t.stem.clone()),
                    key: t.stem,
                    surface: t.folded,
                    case,
                });
            }
        }
    }
    out
}

//! Whether two documents tell the same story, judged from the documents alone.
//!
//! A folder of news holds many stories, and the same wording ("have killed",
//! "two weeks ago", "a state of emergency") recurs in all of them. A figure of one story
//! and a figure of another are never one fact, however alike their sentences.
//! Each document is described by a sketch: its most distinctive terms (names and
//! rare content words), weighted by how often the document uses them and how few
//! documents of the corpus hold them. Two documents are about the same story when
//! their sketches are alike enough.

use super::hash::FastMap;
use super::idf::Vocab;

/// How many of its most distinctive terms describe a document's story.
pub const SKETCH_TERMS: usize = 128;
/// How much more a name weighs than another word of the same rarity: names say
/// which story a document tells better than any other words.
pub const NAME_WEIGHT: f32 = 2.0;

/// The sketch of one document: its most distinctive terms, each weighted by
/// (1 + ln tf) × ln(1 + N / df) (tf: sentences of the document that hold it; df:
/// documents of the corpus that hold it; N: documents), names counting double;
/// normalized, sorted by id, each with whether it is a name.
///
/// `tf` holds the document's content words, `names` those it writes only with a
/// capital inside sentences. Left out: words no other document holds (they can
/// never be shared, and would only make every document unlike every other), and
/// general news vocabulary ("killed", "people", "toll": words of a predicate or
/// noun class), which tells what kind of event a story is about, not which one.
/// The document-level IDF never reaches zero, so that in a corpus about one
/// story the words all its documents share still count.
pub fn sketch(
    tf: &[(u32, u32)],
    names: &[u32],
    vocab: &Vocab,
    documents: usize,
) -> Vec<(u32, f32, bool)> {
    let n = documents as f32;
    let mut v: Vec<(u32, f32, bool)> = tf
        .iter()
        .filter_map(|&(id, count)| {
            let df = vocab.documents_holding(id);
            if df < 2 || vocab.is_generic(id) {
                return None;
            }
            let idf = (1.0 + n / df as f32).ln();
            let weight = if vocab.is_name(id) { NAME_WEIGHT } else { 1.0 };
            let is_name = names.binary_search(&id).is_ok() || vocab.is_name(id);
            Some((id, (1.0 + (count as f32).ln()) * idf * weight, is_name))
        })
        .collect();
    strongest_normalized(&mut v, SKETCH_TERMS, |x| x.0, |x| &mut x.1);
    v
}

/// Keeps the `k` heaviest terms (ties by id), scales their weights to a unit
/// vector, and sorts them by id; `id` and `weight` read a term.
pub(super) fn strongest_normalized<T>(
    v: &mut Vec<T>,
    k: usize,
    id: impl Fn(&T) -> u32,
    mut weight: impl FnMut(&mut T) -> &mut f32,
) {
    let mut keyed: Vec<(f32, u32, T)> = v
        .drain(..)
        .map(|mut x| (*weight(&mut x), id(&x), x))
        .collect();
    keyed.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    keyed.truncate(k);
    let norm = keyed.iter().map(|x| x.0 * x.0).sum::<f32>().sqrt();
    keyed.sort_by_key(|x| x.1);
    v.extend(keyed.into_iter().map(|(w, _, mut x)| {
        if norm > 0.0 {
            *weight(&mut x) = w / norm;
        }
        x
    }));
}

/// The sketches of all documents of a corpus, kept in flat arrays (term ids,
/// weights, name flags) so that comparing two of them reads little memory.
#[derive(Debug, Clone, Default)]
pub struct Sketches {
    ids: Vec<u32>,
    weights: Vec<f32>,
    names: Vec<bool>,
    /// Per document: its range in the arrays.
    bounds: Vec<(u32, u32)>,
    /// Per document: true when its sketch holds a name.
    named: Vec<bool>,
}

impl Sketches {
    /// Packs per-document sketches (sorted by id, normalized).
    pub fn new(list: Vec<Vec<(u32, f32, bool)>>) -> Sketches {
        let mut out = Sketches::default();
        for v in list {
            let start = out.ids.len() as u32;
            out.named.push(v.iter().any(|x| x.2));
            for (id, w, name) in v {
                out.ids.push(id);
                out.weights.push(w);
                out.names.push(name);
            }
            out.bounds.push((start, out.ids.len() as u32));
        }
        out
    }

    /// The terms, weights and name flags of a document's sketch.
    pub fn terms(&self, doc: usize) -> impl Iterator<Item = (u32, f32, bool)> + '_ {
        let (a, b) = self.bounds.get(doc).copied().unwrap_or((0, 0));
        (a as usize..b as usize).map(|i| (self.ids[i], self.weights[i], self.names[i]))
    }

    /// Up to about `limit` pairs of documents that share one of their heaviest
    /// terms (the likeliest to tell one story), chosen deterministically: a
    /// sample of same-story pairs in a corpus too large to try all pairs.
    pub fn likely_pairs(&self, limit: usize) -> Vec<(usize, usize)> {
        let n = self.bounds.len();
        let heaviest = |doc: usize| {
            let mut t: Vec<(u32, f32)> = self.terms(doc).map(|(id, w, _)| (id, w)).collect();
            t.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            t.truncate(LIKELY_KEYS);
            t
        };
        let mut holders: FastMap<u32, Vec<usize>> = FastMap::default();
        for doc in 0..n {
            for (id, _) in heaviest(doc) {
                holders.entry(id).or_default().push(doc);
            }
        }
        let per_doc = LIKELY_KEYS * LIKELY_PARTNERS;
        let step = (n * per_doc / limit.max(1)).max(1);
        let mut out = Vec::new();
        for a in (0..n).step_by(step) {
            for (id, _) in heaviest(a) {
                let partners = holders.get(&id).map_or(&[][..], Vec::as_slice);
                for &b in partners.iter().filter(|&&b| b != a).take(LIKELY_PARTNERS) {
                    out.push((a.min(b), a.max(b)));
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// How alike the sketches of two documents are.
    pub fn likeness(&self, a: usize, b: usize) -> Likeness {
        self.compare(a, b, None)
    }

    /// True when two documents tell the same story (see [`Likeness::same_story`]).
    /// Stops reading the sketches as soon as a shared name and enough shared
    /// weight show it.
    pub fn same_story(&self, a: usize, b: usize, named: f32, unnamed: f32) -> bool {
        self.compare(a, b, Some(named)).same_story(named, unnamed)
    }

    /// Merges the two sketches; with `enough`, stops once they share a name and a
    /// cosine of at least `enough` (the rest can only add to it).
    fn compare(&self, a: usize, b: usize, enough: Option<f32>) -> Likeness {
        let (Some(&(xa, xb)), Some(&(ya, yb))) = (self.bounds.get(a), self.bounds.get(b)) else {
            return Likeness::default();
        };
        let (xb, yb) = (xb as usize, yb as usize);
        let (mut i, mut j) = (xa as usize, ya as usize);
        let (mut cosine, mut shared_name) = (0.0, false);
        let enough = enough.unwrap_or(f32::INFINITY);
        // Branch-free steps: which side moves on is data, not a jump the
        // processor would mispredict about half the time.
        while i < xb && j < yb {
            let (p, q) = (self.ids[i], self.ids[j]);
            if p == q {
                cosine += self.weights[i] * self.weights[j];
                shared_name |= self.names[i] && self.names[j];
                if shared_name && cosine >= enough {
                    break;
                }
            }
            i += usize::from(p <= q);
            j += usize::from(q <= p);
        }
        let named = |doc: usize| self.named.get(doc).copied().unwrap_or(false);
        Likeness {
            cosine: cosine.clamp(0.0, 1.0),
            names: if shared_name {
                Names::Shared
            } else if named(a) && named(b) {
                Names::Distinct
            } else {
                Names::Missing
            },
        }
    }
}

/// How many of a document's heaviest terms find likely partners for it.
const LIKELY_KEYS: usize = 3;
/// How many partners each of them finds.
const LIKELY_PARTNERS: usize = 8;

/// How alike two documents' sketches are.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Likeness {
    /// Cosine of the weighted terms.
    pub cosine: f32,
    /// Whether the documents share a name.
    pub names: Names,
}

/// What the names of two documents say about their story.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Names {
    /// A word written as a name is in both sketches.
    Shared,
    /// Both sketches hold names, and none is shared: two stories (a ferry on
    /// one lake, a mine in other hills), however alike their other words.
    Distinct,
    /// One sketch or both hold no name: the other words must decide.
    #[default]
    Missing,
}

impl Likeness {
    /// True when the documents tell the same story: sketches at least `named`
    /// alike with a shared name, at least `unnamed` alike when a side has no
    /// name, never when each side names other people and places. Without a
    /// name, two documents are alike only in words that unrelated stories share
    /// too ("port", "dispute"), so more of them are needed.
    pub fn same_story(&self, named: f32, unnamed: f32) -> bool {
        match self.names {
            Names::Shared => self.cosine >= named,
            Names::Missing => self.cosine >= unnamed,
            Names::Distinct => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{CompareOptions, compare};
    use crate::corpus::{Corpus, DateOrigin, Source};
    use crate::document::prepare;

    /// Two invented stories, a ferry disaster and a mine collapse, three articles
    /// each, told in the same words ("The death toll rose to …, the regional
    /// governor said on Tuesday").
    const ARTICLES: [(&str, &str); 6] = [
        (
            "ferry-1",
            "A ferry capsized on Lake Varsen near the town of Kolbrin on Monday evening. \
             The death toll rose to 41, the regional governor said on Tuesday. \
             Rescue teams worked through the night to reach survivors trapped in the hull. \
             Relatives gathered outside the hospital in Kolbrin, where 12 people were treated for injuries. \
             The Varsen ferry operator said the vessel had been inspected in March.",
        ),
        (
            "ferry-2",
            "Divers recovered more bodies from Lake Varsen after the ferry sank close to Kolbrin. \
             The death toll rose to 41, the regional governor said on Tuesday. \
             Survivors described a sudden list as passengers crowded the upper deck of the Varsen ferry. \
             Relatives waited outside the hospital in Kolbrin for news. \
             Investigators will question the crew of the ferry operator.",
        ),
        (
            "ferry-3",
            "The Kolbrin ferry disaster on Lake Varsen has left families searching for answers. \
             Officials said 41 people were killed when the overloaded ferry capsized. \
             The ferry operator denied that the vessel carried too many passengers. \
             In Kolbrin, a vigil was held on the shore of Lake Varsen.",
        ),
        (
            "mine-1",
            "A mine collapsed at Dunhallow in the Brask hills on Monday evening. \
             The death toll rose to 17, the regional governor said on Tuesday. \
             Rescue teams worked through the night to reach miners trapped underground. \
             Relatives gathered outside the hospital in Dunhallow, where 9 people were treated for injuries. \
             The Brask mining company said the shaft had been inspected in March.",
        ),
        (
            "mine-2",
            "Rescuers dug through rubble at the Dunhallow mine in the Brask hills. \
             The death toll rose to 17, the regional governor said on Tuesday. \
             Miners described a loud crack before the roof of the Dunhallow shaft gave way. \
             Relatives waited outside the hospital in Dunhallow for news. \
             Inspectors will question managers of the Brask mining company.",
        ),
        (
            "mine-3",
            "The Dunhallow mine disaster in the Brask hills has left families searching for answers. \
             Officials said 17 miners were killed when the shaft collapsed. \
             The mining company denied that safety checks had been skipped. \
             In Dunhallow, a vigil was held at the gates of the mine.",
        ),
    ];

    fn corpus() -> Corpus {
        let published = chrono::NaiveDate::from_ymd_opt(2023, 4, 11);
        Corpus::of_sources(
            ARTICLES
                .iter()
                .map(|(id, text)| Source {
                    published,
                    published_from: DateOrigin::Manifest,
                    ..Source::new(id, text)
                })
                .collect(),
        )
    }

    fn story(source: &str) -> &str {
        source.split('-').next().unwrap_or_default()
    }

    #[test]
    fn articles_of_one_story_are_alike_and_of_two_stories_are_not() {
        let c = corpus();
        let docs = prepare(&c);
        let vocab = super::super::idf::Vocab::build(&docs);
        for a in 0..docs.len() {
            for b in a + 1..docs.len() {
                let same = story(&c.sources[a].id) == story(&c.sources[b].id);
                let l = vocab.story_likeness(a, b);
                assert_eq!(
                    vocab.same_story(a, b),
                    same,
                    "{} / {}: {l:?}",
                    c.sources[a].id,
                    c.sources[b].id
                );
            }
        }
    }

    #[test]
    fn the_same_words_in_two_stories_never_make_one_fact() {
        let c = corpus();
        let docs = prepare(&c);
        let figures = crate::extract::figures_all(&docs);
        let f = compare(&docs, &figures, &[], &CompareOptions::default());
        let all: Vec<_> = f
            .discrepancies
            .iter()
            .chain(&f.agreements)
            .chain(&f.updates)
            .collect();
        for x in &all {
            let first = story(&x.values[0].source);
            assert!(
                x.values.iter().all(|v| story(&v.source) == first),
                "{}: {:?}",
                x.fact,
                x.values
                    .iter()
                    .map(|v| (&v.source, &v.text))
                    .collect::<Vec<_>>()
            );
        }
        // Each story's toll is one fact of its own articles, and they agree.
        for (toll, name) in [("41", "ferry"), ("17", "mine")] {
            let x = f
                .agreements
                .iter()
                .find(|x| x.values.iter().any(|v| v.text == toll))
                .unwrap_or_else(|| panic!("the {name} toll is an agreement: {f:#?}"));
            assert!(x.values.len() >= 2, "{:?}", x.values);
            assert!(x.values.iter().all(|v| story(&v.source) == name));
        }
        assert!(f.discrepancies.is_empty(), "{:#?}", f.discrepancies);
    }
}

//! The frame of a figure: what it is about, read from the words around it.
//!
//! A frame holds the figure's kind; the thing it counts (the noun the number
//! governs, with the words that modify it: "four tactical fighter *jets*"); the
//! predicate that applies to it ("killed", "broke off", "first … since"), with the
//! class of events that predicate names; and the content words of its sentence,
//! weighted by their distance from the figure, plus the words of the neighbouring
//! sentences at a low weight (a name is often given in the sentence before).

use std::collections::BTreeMap;

use serde::Serialize;

use super::idf::{Vocab, class_feature};
use super::lexicon;
use super::terms::{Term, terms};
use crate::document::Document;
use crate::figure::{Figure, FigureKind};
use crate::text::TokenKind;

/// Weight of the words of the sentences just before and after the figure's own.
const NEIGHBOUR_WEIGHT: f32 = 0.25;
/// How far (in words) the predicate of a figure is looked for.
const PREDICATE_WINDOW: usize = 10;
/// How many words after a number may belong to the noun phrase it counts.
const HEAD_WINDOW: usize = 4;

/// The counted thing of a figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Head {
    /// The noun as written, folded ("jets").
    pub word: String,
    /// Its stem ("jet").
    pub stem: String,
    /// Its noun class, if it has one ("aircraft").
    pub class: Option<&'static str>,
    /// Stems of the words between the number and the noun ("tactical", "fighter").
    pub modifiers: Vec<String>,
}

/// The predicate of a figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Predicate {
    /// The word as written, folded ("killed", "since").
    pub word: String,
    /// Its stem.
    pub stem: String,
    /// The class of events it names ("death", "interruption"), if known.
    pub class: Option<&'static str>,
    /// Distance in words from the figure.
    pub distance: usize,
}

/// A context word of a figure with its weight (1 next to the figure, less further
/// away), before IDF.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Weighted {
    /// Word id in the corpus vocabulary.
    pub id: u32,
    /// Distance weight.
    pub weight: f32,
    /// True when the word looks like a name.
    pub proper: bool,
}

/// Everything comparison knows about one figure.
#[derive(Debug, Clone)]
pub struct Frame {
    /// Index of the figure in the slice given to `compare`.
    pub figure: usize,
    /// Source index.
    pub source: usize,
    /// Sentence index in the source.
    pub sentence: usize,
    /// The figure's kind.
    pub kind: FigureKind,
    /// The thing counted or measured.
    pub head: Option<Head>,
    /// What happened to it.
    pub predicate: Option<Predicate>,
    /// Context words, sorted by id, each once (its largest weight).
    pub words: Vec<Weighted>,
    /// Euclidean norm of the IDF-weighted context vector.
    pub norm: f32,
    /// A hash of the folded sentence words, equal for repeated sentences.
    pub sentence_key: u64,
}

/// Builds the frame of `fig` from its document. Returns `None` when the figure's
/// sentence does not exist in the document (bad input is skipped, not trusted).
pub fn frame(index: usize, fig: &Figure, doc: &Document<'_>, vocab: &Vocab) -> Option<Frame> {
    let sentence = doc.sentences.get(fig.sentence)?;
    let text = doc.text();
    if fig.start > fig.end || fig.end > text.len() {
        return None;
    }
    let toks = terms(text, sentence.range());
    let (left, right) = figure_positions(&toks, fig)?;
    let head = find_head(&toks, right, fig);
    let predicate = find_predicate(&toks, left, right, fig.kind);
    let mut bag: BTreeMap<u32, Weighted> = BTreeMap::new();
    let skip = |t: &Term| {
        (t.position >= left && t.position <= right)
            || head.as_ref().is_some_and(|h| h.stem == t.stem)
            || predicate.as_ref().is_some_and(|p| p.stem == t.stem)
    };
    for (i, t) in toks.iter().enumerate() {
        if !t.is_content() || skip(t) {
            continue;
        }
        let w = distance_weight(&toks, i, left, right);
        add(&mut bag, vocab, t, w);
    }
    for n in neighbours(doc, fig.sentence) {
        for t in terms(text, n) {
            if t.is_content() && !skip_neighbour(&t, &head, &predicate) {
                add(&mut bag, vocab, &t, NEIGHBOUR_WEIGHT);
            }
        }
    }
    let words: Vec<Weighted> = bag.into_values().collect();
    let norm = words
        .iter()
        .map(|w| (w.weight * vocab.idf(w.id)).powi(2))
        .sum::<f32>()
        .sqrt();
    Some(Frame {
        figure: index,
        source: fig.source,
        sentence: fig.sentence,
        kind: fig.kind,
        head,
        predicate,
        words,
        norm,
        sentence_key: sentence_key(&toks),
    })
}

fn skip_neighbour(t: &Term, head: &Option<Head>, predicate: &Option<Predicate>) -> bool {
    head.as_ref().is_some_and(|h| h.stem == t.stem)
        || predicate.as_ref().is_some_and(|p| p.stem == t.stem)
}

/// Adds a word to the bag with its weight. Every article word is in the
/// vocabulary; a word that is not (it cannot be counted) is left out.
fn add(bag: &mut BTreeMap<u32, Weighted>, vocab: &Vocab, t: &Term, weight: f32) {
    let Some(id) = vocab.id(&t.stem) else {
        return;
    };
    let e = bag.entry(id).or_insert(Weighted {
        id,
        weight: 0.0,
        proper: t.proper,
    });
    if weight > e.weight {
        e.weight = weight;
    }
    e.proper |= t.proper;
}

/// The first and last word positions covered by the figure's span.
fn figure_positions(toks: &[Term], fig: &Figure) -> Option<(usize, usize)> {
    let inside: Vec<usize> = toks
        .iter()
        .filter(|t| t.kind != TokenKind::Punct && t.start < fig.end && t.end > fig.start)
        .map(|t| t.position)
        .collect();
    Some((*inside.iter().min()?, *inside.iter().max()?))
}

/// Weight of the word at `i`: 1 next to the figure, falling with distance, and
/// lower across each clause boundary (comma, semicolon, dash, bracket).
fn distance_weight(toks: &[Term], i: usize, left: usize, right: usize) -> f32 {
    let p = toks[i].position;
    let (d, lo, hi) = if p < left {
        (left - p, p, left)
    } else {
        (p.saturating_sub(right), right, p)
    };
    let boundaries = toks
        .iter()
        .filter(|t| t.boundary && t.position > lo && t.position <= hi)
        .count();
    let base = 1.0 / (1.0 + (d.saturating_sub(1) as f32) / 4.0);
    base * 0.6f32.powi(boundaries.min(8) as i32)
}

/// The counted noun: the extractor's `counted` word where it can be found just
/// after the number, else the last word of the noun phrase that follows the number
/// ("four tactical fighter jets are" gives "jets", with "tactical" and "fighter" as
/// modifiers). Dates have no counted thing.
fn find_head(toks: &[Term], right: usize, fig: &Figure) -> Option<Head> {
    if fig.kind == FigureKind::Date {
        return None;
    }
    let after: Vec<&Term> = toks
        .iter()
        .filter(|t| t.position > right)
        .take_while(|t| t.kind != TokenKind::Punct || !t.boundary)
        .filter(|t| t.kind != TokenKind::Punct)
        .take(HEAD_WINDOW)
        .collect();
    let phrase: Vec<&Term> = after
        .iter()
        .copied()
        .take_while(|t| t.is_content() && !t.folded.ends_with("ed"))
        .collect();
    if let Some(counted) = fig.counted.as_deref() {
        let folded = crate::text::fold(counted);
        let cstem = lexicon::stem(&folded);
        if let Some(k) = after.iter().position(|t| t.stem == cstem) {
            return Some(make_head(&after[k].folded, &after[..k]));
        }
        return Some(make_head(&folded, &[]));
    }
    let (last, mods) = phrase.split_last()?;
    Some(make_head(&last.folded, mods))
}

fn make_head(word: &str, modifiers: &[&Term]) -> Head {
    let stem = lexicon::stem(word);
    Head {
        word: word.to_string(),
        class: lexicon::noun_class(word),
        stem,
        modifiers: modifiers
            .iter()
            .filter(|t| t.is_content())
            .map(|t| t.stem.clone())
            .collect(),
    }
}

/// The predicate: the nearest word (within a clause-sized window, inside the span
/// included) that names a class of events; for a date introduced by "since" in a
/// clause that says "first" (or "last"), the interruption that began then; else the
/// nearest past participle, with no class.
fn find_predicate(toks: &[Term], left: usize, right: usize, kind: FigureKind) -> Option<Predicate> {
    let dist = |t: &Term| {
        if t.position < left {
            left - t.position
        } else {
            t.position.saturating_sub(right)
        }
    };
    let mut candidates: Vec<&Term> = toks
        .iter()
        .filter(|t| t.kind == TokenKind::Word && dist(t) <= PREDICATE_WINDOW)
        .filter(|t| !lexicon::is_temporal(&t.folded))
        .collect();
    candidates.sort_by_key(|t| (dist(t), t.position));
    if kind == FigureKind::Date {
        if let Some(p) = since_first(toks, left) {
            return Some(p);
        }
    }
    if let Some(t) = candidates
        .iter()
        .find(|t| lexicon::predicate_class(&t.folded).is_some())
    {
        return Some(Predicate {
            word: t.folded.clone(),
            stem: t.stem.clone(),
            class: lexicon::predicate_class(&t.folded),
            distance: dist(t),
        });
    }
    candidates
        .iter()
        .find(|t| dist(t) <= 6 && !t.proper && t.folded.ends_with("ed") && t.folded.len() > 4)
        .map(|t| Predicate {
            word: t.folded.clone(),
            stem: t.stem.clone(),
            class: None,
            distance: dist(t),
        })
}

/// "the first talks since May 2010": the date is when an interruption began.
fn since_first(toks: &[Term], left: usize) -> Option<Predicate> {
    let before = toks
        .iter()
        .rev()
        .find(|t| t.kind == TokenKind::Word && t.position < left)?;
    if before.folded != "since" || before.position + 1 != left {
        return None;
    }
    let marks_gap = toks.iter().any(|t| {
        t.position < left
            && left - t.position <= 12
            && matches!(t.folded.as_str(), "first" | "last" | "never" | "no")
    });
    Some(Predicate {
        word: "since".to_string(),
        stem: "since".to_string(),
        class: marks_gap.then_some("interruption"),
        distance: 1,
    })
}

/// The sentences just before and after `index`, if they are article text.
fn neighbours(doc: &Document<'_>, index: usize) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    if let Some(prev) = index.checked_sub(1).and_then(|i| doc.sentences.get(i)) {
        if !prev.boilerplate {
            out.push(prev.range());
        }
    }
    if let Some(next) = doc.sentences.get(index + 1) {
        if !next.boilerplate {
            out.push(next.range());
        }
    }
    out
}

fn sentence_key(toks: &[Term]) -> u64 {
    let mut fp = crate::fingerprint::Fingerprint::new();
    for t in toks.iter().filter(|t| t.kind != TokenKind::Punct) {
        fp = fp.part(&t.folded);
    }
    fp.value()
}

/// The IDF feature of a frame's predicate class, if it has one.
pub fn predicate_feature(frame: &Frame) -> Option<String> {
    frame
        .predicate
        .as_ref()
        .and_then(|p| p.class)
        .map(class_feature)
}

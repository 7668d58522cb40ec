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

use super::idf::{Vocab, class_feature, noun_feature};
use super::lexicon;
use super::terms::{Term, terms};
use crate::document::Document;
use crate::figure::{Figure, FigureKind};
use crate::text::TokenKind;

/// Weight of the words of the sentences just before and after the figure's own.
pub const NEIGHBOUR_WEIGHT: f32 = 0.15;
/// Factor applied to a word that is nearer to another figure of the same kind.
const RIVAL_FACTOR: f32 = 0.3;
/// Weight from which a name counts as close to the figure.
const LOCAL_WEIGHT: f32 = 0.5;
/// How far (in words) the predicate of a figure is looked for.
const PREDICATE_WINDOW: usize = 12;
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
    /// Names close to the figure in its own sentence (ids): who or where the
    /// figure is about ("Ames won 52%", "in Kel, nine people").
    pub names: Vec<u32>,
    /// A hash of the folded sentence words, equal for repeated sentences.
    pub sentence_key: u64,
    /// Byte offset of the figure from the start of its sentence: with
    /// `sentence_key`, it tells a figure of a repeated sentence from its twin.
    pub offset: usize,
}

/// Builds the frame of `fig` from its document. Returns `None` when the figure's
/// sentence does not exist in the document (bad input is skipped, not trusted).
///
/// `rivals` are the byte spans of the other figures of the same kind in the same
/// sentence: a word nearer to one of them than to this figure is mostly about that
/// one ("Ames won 52% … against 48% for Bell": "Bell" belongs to the 48%).
pub fn frame(
    index: usize,
    fig: &Figure,
    doc: &Document<'_>,
    vocab: &Vocab,
    rivals: &[(usize, usize)],
) -> Option<Frame> {
    let sentence = doc.sentences.get(fig.sentence)?;
    let text = doc.text();
    if fig.start > fig.end || fig.end > text.len() {
        return None;
    }
    let toks = terms(text, sentence.range());
    let (left, right) = figure_positions(&toks, fig)?;
    let head = find_head(&toks, left, right, fig);
    let predicate = find_predicate(
        &toks,
        left,
        right,
        fig.kind,
        head.as_ref(),
        fig.counted.as_deref(),
    )
    .or_else(|| stated_predicate(fig));
    let rival_positions: Vec<(usize, usize)> = rivals
        .iter()
        .filter_map(|&(s, e)| span_positions(&toks, s, e))
        .collect();
    let mut bag: BTreeMap<u32, Weighted> = BTreeMap::new();
    let mut names: Vec<u32> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.position >= left && t.position <= right {
            continue;
        }
        let mut w = distance_weight(&toks, i, left, right);
        let own = gap(t.position, left, right);
        if rival_positions
            .iter()
            .any(|&(l, r)| gap(t.position, l, r) < own)
        {
            w *= RIVAL_FACTOR;
        }
        if in_head(&head, t) {
            w = 1.0;
        }
        add(&mut bag, vocab, t, w);
        if t.is_content() && w >= LOCAL_WEIGHT {
            if let Some(id) = vocab.id(&t.stem).filter(|&id| vocab.is_name(id)) {
                names.push(id);
            }
        }
    }
    names.sort_unstable();
    names.dedup();
    for n in neighbours(doc, fig.sentence) {
        for t in terms(text, n) {
            add(&mut bag, vocab, &t, NEIGHBOUR_WEIGHT);
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
        names,
        sentence_key: sentence_key(&toks),
        offset: fig.start.saturating_sub(sentence.start),
    })
}

/// True when the term is the counted noun or one of its modifiers: it belongs to
/// the figure whatever other figure stands nearer.
fn in_head(head: &Option<Head>, t: &Term) -> bool {
    head.as_ref()
        .is_some_and(|h| h.stem == t.stem || h.modifiers.contains(&t.stem))
}

/// Distance in words from position `p` to the span, three more for each clause
/// boundary between them: "displaced, while another 5.4 million fled" gives the
/// 5.4 million to "fled".
fn clause_distance(toks: &[Term], p: usize, left: usize, right: usize) -> usize {
    let (lo, hi) = if p < left { (p, left) } else { (right, p) };
    let boundaries = toks
        .iter()
        .filter(|t| t.boundary && t.position > lo && t.position <= hi)
        .count();
    gap(p, left, right) + 3 * boundaries
}

/// Distance in words from position `p` to the span `[left, right]`.
fn gap(p: usize, left: usize, right: usize) -> usize {
    if p < left {
        left - p
    } else {
        p.saturating_sub(right)
    }
}

/// The first and last word positions of a byte span.
fn span_positions(toks: &[Term], start: usize, end: usize) -> Option<(usize, usize)> {
    let inside: Vec<usize> = toks
        .iter()
        .filter(|t| t.kind != TokenKind::Punct && t.start < end && t.end > start)
        .map(|t| t.position)
        .collect();
    Some((*inside.iter().min()?, *inside.iter().max()?))
}

/// Adds a content word to the bag with its weight, with the classes it belongs
/// to ("meeting" also counts as `noun:talks`, "deaths" as `pred:death`), so that
/// words of one class match. Every article word is in the vocabulary; a word that
/// is not (it cannot be counted) is left out.
fn add(bag: &mut BTreeMap<u32, Weighted>, vocab: &Vocab, t: &Term, weight: f32) {
    if let Some(c) = lexicon::predicate_class(&t.folded) {
        add_feature(bag, vocab, &class_feature(c), false, weight);
    }
    if let Some(c) = lexicon::noun_class(&t.folded) {
        add_feature(bag, vocab, &noun_feature(c), false, weight);
    }
    if t.is_content() {
        add_feature(bag, vocab, &t.stem, t.proper, weight);
    }
}

fn add_feature(
    bag: &mut BTreeMap<u32, Weighted>,
    vocab: &Vocab,
    key: &str,
    proper: bool,
    weight: f32,
) {
    let Some(id) = vocab.id(key) else {
        return;
    };
    let e = bag.entry(id).or_insert(Weighted {
        id,
        weight: 0.0,
        proper,
    });
    if weight > e.weight {
        e.weight = weight;
    }
    e.proper |= proper;
}

/// The first and last word positions covered by the figure's span.
fn figure_positions(toks: &[Term], fig: &Figure) -> Option<(usize, usize)> {
    span_positions(toks, fig.start, fig.end)
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
fn find_head(toks: &[Term], left: usize, right: usize, fig: &Figure) -> Option<Head> {
    if fig.kind == FigureKind::Date {
        return None;
    }
    let is_unit = |w: &str| {
        matches!(fig.kind, FigureKind::Duration | FigureKind::Age) && lexicon::is_temporal(w)
    };
    let after: Vec<&Term> = toks
        .iter()
        .filter(|t| t.position > right)
        .take_while(|t| t.kind != TokenKind::Punct || !t.boundary)
        .filter(|t| t.kind != TokenKind::Punct && !is_unit(&t.folded))
        .take(HEAD_WINDOW)
        .collect();
    if let Some(counted) = fig.counted.as_deref() {
        let folded = crate::text::fold(counted);
        if !is_unit(&folded) {
            let cstem = lexicon::stem(&folded);
            if let Some(phrase) = fig.counted_phrase.as_deref() {
                return Some(head_from_phrase(&folded, phrase));
            }
            if let Some(k) = after.iter().position(|t| t.stem == cstem) {
                return Some(make_head(&after[k].folded, &after[..k]));
            }
            return Some(make_head(&folded, &[]));
        }
    }
    // "52% of the vote", "140 of the 300 seats": the noun after "of".
    let after: Vec<&Term> = match after.first() {
        Some(of) if of.folded == "of" => toks
            .iter()
            .filter(|t| t.position > of.position && t.kind == TokenKind::Word)
            .skip_while(|t| crate::text::is_stop_word(&t.folded))
            .take(HEAD_WINDOW)
            .collect(),
        _ => after,
    };
    // The phrase ends before a participle and after a word that names an event
    // ("52% of the votes cast": "votes").
    let mut phrase: Vec<&Term> = Vec::new();
    for t in after.iter().copied() {
        if !t.is_content() || t.folded.ends_with("ed") {
            break;
        }
        phrase.push(t);
        if lexicon::predicate_class(&t.folded).is_some() {
            break;
        }
    }
    match phrase.split_last() {
        Some((last, mods)) => Some(make_head(&last.folded, mods)),
        None => head_before_of(toks, left),
    }
}

/// "a toll of 340", "a raise of 4%": the noun just before "of" when nothing after
/// the number names what it measures.
fn head_before_of(toks: &[Term], left: usize) -> Option<Head> {
    let words: Vec<&Term> = toks
        .iter()
        .filter(|t| t.kind == TokenKind::Word && t.position < left)
        .collect();
    let (of, rest) = words.split_last()?;
    if of.folded != "of" || of.position + 1 != left {
        return None;
    }
    let noun = rest.last().filter(|t| t.is_content())?;
    Some(make_head(&noun.folded, &[]))
}

/// The head from the extractor's noun phrase ("tactical fighter jet"): its
/// content words other than the head are the modifiers.
fn head_from_phrase(head: &str, phrase: &str) -> Head {
    let toks = terms(phrase, 0..phrase.len());
    let hstem = lexicon::stem(head);
    let modifiers: Vec<String> = toks
        .iter()
        .filter(|t| t.is_content() && t.stem != hstem)
        .map(|t| t.stem.clone())
        .collect();
    Head {
        word: head.to_string(),
        stem: hstem,
        class: lexicon::noun_class(head),
        modifiers,
    }
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

/// The predicate: for a date introduced by "since" in a clause that says "first"
/// (or "last"), the interruption that began then; else the nearest word (within a
/// clause-sized window, the span itself included, the counted noun phrase left
/// out) that names a class of events or is a past participle ("destroyed").
fn find_predicate(
    toks: &[Term],
    left: usize,
    right: usize,
    kind: FigureKind,
    head: Option<&Head>,
    counted: Option<&str>,
) -> Option<Predicate> {
    if kind == FigureKind::Date {
        if let Some(p) = since_first(toks, left) {
            return Some(p);
        }
        if let Some(p) = counted_event(counted) {
            return Some(p);
        }
    }
    let dist = |t: &Term| {
        if t.position < left {
            left - t.position
        } else {
            t.position.saturating_sub(right)
        }
    };
    let in_head =
        |t: &Term| head.is_some_and(|h| h.stem == t.stem || h.modifiers.contains(&t.stem));
    let classed = |t: &Term| lexicon::predicate_class(&t.folded).is_some();
    let participle =
        |t: &Term| dist(t) <= 6 && !t.proper && t.folded.ends_with("ed") && t.folded.len() > 4;
    toks.iter()
        .filter(|t| t.kind == TokenKind::Word && dist(t) <= PREDICATE_WINDOW)
        .filter(|t| !lexicon::is_temporal(&t.folded) && !in_head(t))
        .filter(|t| !lexicon::is_transparent_verb(&t.folded))
        .filter(|t| classed(t) || participle(t))
        .min_by_key(|t| {
            (
                clause_distance(toks, t.position, left, right),
                !classed(t),
                t.position,
            )
        })
        .map(|t| Predicate {
            word: t.folded.clone(),
            stem: t.stem.clone(),
            class: lexicon::predicate_class(&t.folded),
            distance: dist(t),
        })
}

/// A derived date names when the thing it counts began ("an 18-week strike" ending
/// now began 18 weeks ago): that thing, when it names a class of events, is the
/// date's predicate.
fn counted_event(counted: Option<&str>) -> Option<Predicate> {
    let word = crate::text::fold(counted?);
    let class = lexicon::predicate_class(&word)?;
    Some(Predicate {
        stem: lexicon::stem(&word),
        word,
        class: Some(class),
        distance: 0,
    })
}

/// The extractor's predicate word, when the context scan found none and the word
/// says something (a preposition such as "in" or "on" does not).
fn stated_predicate(fig: &Figure) -> Option<Predicate> {
    let word = crate::text::fold(fig.predicate.as_deref()?);
    if lexicon::is_context_noise(&word) && word != "since" {
        return None;
    }
    Some(Predicate {
        stem: lexicon::stem(&word),
        class: lexicon::predicate_class(&word),
        word,
        distance: 0,
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
        word: if marks_gap {
            "first … since"
        } else {
            "since"
        }
        .to_string(),
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

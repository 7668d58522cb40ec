//! The frame of a figure: what it is about, read from the words around it.
//!
//! A frame holds the figure's kind; the thing it counts (the noun the number
//! governs, with the words that modify it: "three armoured supply *trucks*"); the
//! predicate that applies to it ("killed", "suspended", "first … since"), with the
//! class of events that predicate names; and the content words of its sentence,
//! weighted by their distance from the figure, plus the words of the neighbouring
//! sentences at a low weight (a name is often given in the sentence before).

use serde::Serialize;

use super::idf::{Vocab, class_feature};
use super::lexicon;
use super::terms::{Term, terms};
use crate::document::Document;
use crate::figure::{Figure, FigureKind};
use crate::text::TokenKind;

/// Weight of the words of the sentences just before and after the figure's own.
pub const NEIGHBOUR_WEIGHT: f32 = 0.15;
/// How many of its strongest words a frame keeps in its context vector.
const MAX_WORDS: usize = 96;
/// How many of its strongest words a frame keeps for matches by spelling.
const TOP_WORDS: usize = 12;
/// Factor applied to a word that is nearer to another figure of the same kind.
const RIVAL_FACTOR: f32 = 0.3;
/// Weight from which a name counts as close to the figure.
const LOCAL_WEIGHT: f32 = 0.5;
/// The same for an age: an appositive across a comma still names its person.
const AGE_NAME_WEIGHT: f32 = 0.4;
/// How far (in words) the predicate of a figure is looked for.
const PREDICATE_WINDOW: usize = 12;
/// How many words after a number may belong to the noun phrase it counts.
const HEAD_WINDOW: usize = 4;

/// The counted thing of a figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Head {
    /// The noun as written, folded ("trucks").
    pub word: String,
    /// Its stem ("jet").
    pub stem: String,
    /// Its noun class, if it has one ("aircraft").
    pub class: Option<&'static str>,
    /// Stems of the words between the number and the noun ("armoured", "supply").
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
    /// The word's IDF in the corpus, kept here so that scoring does not look it
    /// up for every pair.
    pub idf: f32,
    /// True when the word looks like a name.
    pub proper: bool,
}

impl Weighted {
    /// Weight × IDF: the word's entry in the frame's context vector.
    pub fn value(&self) -> f32 {
        self.weight * self.idf
    }
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
    /// Vocabulary id of the counted noun's stem.
    pub head_id: Option<u32>,
    /// Vocabulary id of the predicate's stem.
    pub predicate_id: Option<u32>,
    /// What happened to it.
    pub predicate: Option<Predicate>,
    /// Context words, sorted by id, each once (its largest weight).
    pub words: Vec<Weighted>,
    /// Euclidean norm of the IDF-weighted context vector.
    pub norm: f32,
    /// The strongest words (by weight × IDF, class features left out), strongest
    /// first: the only ones tried for matches by spelling.
    pub top: Vec<Weighted>,
    /// Names close to the figure in its own sentence (ids): who or where the
    /// figure is about ("Ames won 52%", "in Kel, nine people").
    pub names: Vec<u32>,
    /// A hash of the folded sentence words, equal for repeated sentences.
    pub sentence_key: u64,
    /// Byte offset of the figure from the start of its sentence: with
    /// `sentence_key`, it tells a figure of a repeated sentence from its twin.
    pub offset: usize,
    /// True when no other figure of the source has this kind and a counted thing
    /// that can be the same (see [`super::score::SOLE_BONUS`]).
    pub sole: bool,
    /// True when no other figure of the source has this kind and a predicate of
    /// the same class or word.
    pub sole_predicate: bool,
    /// True when the figure is an addition to another amount ("another 20
    /// million", "a further €20m"): not the amount it adds to.
    pub increment: bool,
    /// True when the figure's clause says it sums several events or a period
    /// ("this winter's storms", "in all", "combined"): a running total, not the
    /// figure of one event.
    pub aggregate: bool,
    /// The nearest content words just before and just after the figure in its
    /// clause (vocabulary ids): "the 35-word *oath*", "*vote* on April 14".
    pub neighbours: [Option<u32>; 2],
    /// The content words of the figure's own sentence (ids, sorted, each once),
    /// the figure's own words left out.
    pub own: Vec<u32>,
    /// How many other figures of the same kind its sentence holds.
    pub rivals: usize,
    /// The time the figure refers to, when its sentence dates it: the days (as
    /// day numbers, first and last) of the date nearest to it in its sentence
    /// ("last year, when just seven cases ..."). `None` for a date itself.
    pub time: Option<(i64, i64)>,
}

impl Frame {
    /// How many of the words just before and just after the figure the two
    /// frames share (0 to 2).
    pub fn neighbours_shared(&self, other: &Frame) -> usize {
        self.neighbours
            .iter()
            .zip(&other.neighbours)
            .filter(|(x, y)| x.is_some() && x == y)
            .count()
    }
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
    cache: &mut TermCache,
) -> Option<Frame> {
    let sentence = doc.sentences.get(fig.sentence)?;
    if fig.start > fig.end || fig.end > doc.text().len() {
        return None;
    }
    let around = neighbours(doc, fig.sentence);
    for &i in around.iter().chain([&fig.sentence]) {
        cache.fill(doc, i);
    }
    let toks = cache.get(fig.sentence);
    let (left, right) = figure_positions(toks, fig)?;
    let head = find_head(toks, left, right, fig);
    let predicate = find_predicate(
        toks,
        left,
        right,
        fig.kind,
        head.as_ref(),
        fig.counted.as_deref(),
    )
    .or_else(|| stated_predicate(fig));
    let rival_positions: Vec<(usize, usize)> = rivals
        .iter()
        .filter_map(|&(s, e)| span_positions(toks, s, e))
        .collect();
    let whole = is_whole(toks, left, &rival_positions);
    let increment = is_increment(toks, left);
    // An age's person is often set off by a comma ("Velk, a 46-year-old mayor").
    let name_weight = if fig.kind == FigureKind::Age {
        AGE_NAME_WEIGHT
    } else {
        LOCAL_WEIGHT
    };
    let mut bag: Vec<Weighted> = Vec::with_capacity(toks.len() * 2);
    let mut names: Vec<u32> = Vec::new();
    let boundaries = boundary_counts(toks);
    let aggregate = matches!(fig.kind, FigureKind::Count | FigureKind::Money)
        && says_aggregate(toks, &boundaries, left, right);
    for t in toks {
        if t.position >= left && t.position <= right {
            continue;
        }
        let mut w = distance_weight(&boundaries, t.position, left, right);
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
        if t.is_content()
            && w >= name_weight
            && let Some(id) = vocab.id(&t.stem).filter(|&id| vocab.is_name(id))
        {
            names.push(id);
        }
    }
    names.sort_unstable();
    names.dedup();
    for n in around {
        for t in cache.get(n) {
            add(&mut bag, vocab, t, NEIGHBOUR_WEIGHT);
        }
    }
    let own = own_words(toks, left, right, vocab);
    let neighbours = nearest_content(toks, left, right, vocab);
    let words = strongest(merge_bag(bag), MAX_WORDS);
    let norm = words.iter().map(|w| w.value().powi(2)).sum::<f32>().sqrt();
    let mut top: Vec<Weighted> = words
        .iter()
        .copied()
        .filter(|w| !vocab.is_class_feature(w.id))
        .collect();
    top.sort_by(|x, y| y.value().total_cmp(&x.value()).then(x.id.cmp(&y.id)));
    top.truncate(TOP_WORDS);
    Some(Frame {
        head_id: head.as_ref().and_then(|h| vocab.id(&h.stem)),
        predicate_id: predicate.as_ref().and_then(|p| vocab.id(&p.stem)),
        top,
        figure: index,
        source: fig.source,
        sentence: fig.sentence,
        kind: fig.kind,
        head,
        predicate,
        words,
        norm,
        names,
        sentence_key: sentence_key(toks),
        offset: fig.start.saturating_sub(sentence.start),
        sole: false,
        sole_predicate: false,
        aggregate: aggregate || whole,
        increment,
        neighbours,
        own,
        rivals: rival_positions.len(),
        time: None,
    })
}

/// The content words of a sentence outside the figure's span, as sorted ids.
fn own_words(toks: &[Term], left: usize, right: usize, vocab: &Vocab) -> Vec<u32> {
    let mut out: Vec<u32> = toks
        .iter()
        .filter(|t| t.is_content() && (t.position < left || t.position > right))
        .filter_map(|t| vocab.id(&t.stem))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// How far (in words) a neighbouring content word may stand from the figure.
const NEIGHBOUR_WINDOW: usize = 3;

/// The nearest content word before the figure and the nearest after it, within
/// [`NEIGHBOUR_WINDOW`] words and the figure's clause.
fn nearest_content(toks: &[Term], left: usize, right: usize, vocab: &Vocab) -> [Option<u32>; 2] {
    let pick = |iter: &mut dyn Iterator<Item = &Term>, edge: usize| {
        for t in iter {
            if t.boundary {
                return None;
            }
            if t.kind == TokenKind::Punct {
                continue;
            }
            if t.position.abs_diff(edge) > NEIGHBOUR_WINDOW {
                return None;
            }
            if t.is_content() {
                return vocab.id(&t.stem);
            }
        }
        None
    };
    let before = pick(&mut toks.iter().rev().filter(|t| t.position < left), left);
    let after = pick(&mut toks.iter().filter(|t| t.position > right), right);
    [before, after]
}

/// True when the term is the counted noun or one of its modifiers: it belongs to
/// the figure whatever other figure stands nearer.
fn in_head(head: &Option<Head>, t: &Term) -> bool {
    head.as_ref()
        .is_some_and(|h| h.stem == t.stem || h.modifiers.contains(&t.stem))
}

/// Distance in words from position `p` to the span, three more for each clause
/// boundary between them: "displaced, while another 2.3 million fled" gives the
/// 2.3 million to "fled".
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
fn add(bag: &mut Vec<Weighted>, vocab: &Vocab, t: &Term, weight: f32) {
    let mut push = |id: Option<u32>, proper: bool| {
        if let Some(id) = id {
            bag.push(Weighted {
                id,
                weight,
                idf: vocab.idf(id),
                proper,
            });
        }
    };
    if let Some(c) = lexicon::predicate_class(&t.folded) {
        push(vocab.predicate_class_id(c), false);
    }
    if let Some(c) = lexicon::noun_class(&t.folded) {
        push(vocab.noun_class_id(c), false);
    }
    if t.is_content() {
        push(vocab.id(&t.stem), t.proper);
    }
}

/// The `n` words of largest weight × IDF, sorted by id: the rest weigh too little
/// to change a cosine, and every comparison walks the list.
fn strongest(mut words: Vec<Weighted>, n: usize) -> Vec<Weighted> {
    if words.len() > n {
        words.sort_by(|x, y| y.value().total_cmp(&x.value()).then(x.id.cmp(&y.id)));
        words.truncate(n);
        words.sort_by_key(|w| w.id);
    }
    words
}

/// Sorts the bag by id and keeps each word once, with its largest weight.
fn merge_bag(mut bag: Vec<Weighted>) -> Vec<Weighted> {
    bag.sort_by(|x, y| x.id.cmp(&y.id).then(y.weight.total_cmp(&x.weight)));
    let mut out: Vec<Weighted> = Vec::with_capacity(bag.len());
    for w in bag {
        match out.last_mut() {
            Some(last) if last.id == w.id => last.proper |= w.proper,
            _ => out.push(w),
        }
    }
    out
}

/// The first and last word positions covered by the figure's span.
fn figure_positions(toks: &[Term], fig: &Figure) -> Option<(usize, usize)> {
    span_positions(toks, fig.start, fig.end)
}

/// For each word position, how many clause boundaries stand at or before it.
/// Words that make a figure a sum over events or a period.
const AGGREGATE_WORDS: &[&str] = &["altogether", "combined", "cumulative", "overall"];
/// Words of a period that "this", "last" or "past" makes a span of time.
const PERIOD_WORDS: &[&str] = &[
    "year", "years", "month", "months", "winter", "summer", "spring", "autumn", "fall", "season",
    "decade",
];

/// True when `next` (after "this", "last" or "past") names a period that spans
/// what is counted: "this winter", "the past year", "this winter's storms", "this
/// year's toll"; but not "last year's election", a possessive that dates one event.
fn period_span(next: &str, after: &[&Term]) -> bool {
    let possessive = next.ends_with("'s") || next.ends_with("’s");
    let period = next.trim_end_matches("'s").trim_end_matches("’s");
    if !PERIOD_WORDS.contains(&period) {
        return false;
    }
    // After a possessive, a plural noun or a word for a sum within two words
    // makes a total ("this winter's storms", "this year's toll").
    !possessive
        || after.iter().take(2).any(|t| {
            let w = t.folded.as_str();
            (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss")) || SUM_WORDS.contains(&w)
        })
}

/// Nouns that name a sum of what is counted.
const SUM_WORDS: &[&str] = &["count", "number", "tally", "toll", "total"];

/// True when one of the two words before the figure at `left` makes it an
/// addition: "another", "a further", "an additional", "an extra".
fn is_increment(toks: &[Term], left: usize) -> bool {
    toks.iter()
        .filter(|t| t.kind != TokenKind::Punct && t.position < left && t.position + 2 >= left)
        .any(|t| {
            matches!(
                t.folded.as_str(),
                "another" | "further" | "additional" | "extra"
            )
        })
}

/// True when the figure at `left` is the whole of another figure of its sentence:
/// the 300 of "140 of the 300 seats". The size of a whole is not the count of its
/// part, so it is kept apart like a total.
fn is_whole(toks: &[Term], left: usize, rivals: &[(usize, usize)]) -> bool {
    let words: Vec<&Term> = toks.iter().filter(|t| t.kind != TokenKind::Punct).collect();
    let Some(at) = words.iter().position(|t| t.position == left) else {
        return false;
    };
    let mut k = at;
    if k > 0
        && matches!(
            words[k - 1].folded.as_str(),
            "the" | "its" | "their" | "all"
        )
    {
        k -= 1;
    }
    if k < 2 || words[k - 1].folded != "of" {
        return false;
    }
    let before = words[k - 2].position;
    rivals.iter().any(|&(_, r)| r == before)
}

/// "2022": a year written in digits.
fn is_year(w: &str) -> bool {
    w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && (w < "2200" && w > "1800")
}

/// True when the clause of the figure (positions `left..=right`) holds a word of
/// [`AGGREGATE_WORDS`], "in all", "in total", "to date", "this/last/past" with a
/// period ("this winter", "the past year"), "in" a year after the figure
/// ("handled 1.2 million containers in 2022", but not "the earthquake in 1999 left
/// 17,000 dead"), or the sentence opens with "In all,".
fn says_aggregate(toks: &[Term], boundaries: &[u16], left: usize, right: usize) -> bool {
    let same_clause = |p: usize| {
        let (lo, hi) = if p < left { (p, left) } else { (right, p) };
        clause_at(boundaries, hi) == clause_at(boundaries, lo)
    };
    let words: Vec<&Term> = toks.iter().filter(|t| t.kind != TokenKind::Punct).collect();
    words.iter().enumerate().any(|(i, t)| {
        let next = words.get(i + 1).map(|n| n.folded.as_str());
        let w = t.folded.as_str();
        let in_all = w == "in" && matches!(next, Some("all" | "total"));
        // "In all, 57 ferries ...": an opening adverbial covers the sentence.
        (in_all && t.position == 0)
            || (same_clause(t.position)
                && (in_all
                    || AGGREGATE_WORDS.contains(&w)
                    || (w == "to" && next == Some("date"))
                    || (t.position > right
                        && matches!(w, "in" | "during" | "throughout")
                        && next.is_some_and(is_year))
                    || (matches!(w, "this" | "last" | "past")
                        && next.is_some_and(|n| period_span(n, &words[i + 2..])))))
    })
}

/// How many clause boundaries come before position `q` (see [`boundary_counts`]).
fn clause_at(boundaries: &[u16], q: usize) -> u16 {
    boundaries
        .get(q)
        .or(boundaries.last())
        .copied()
        .unwrap_or(0)
}

fn boundary_counts(toks: &[Term]) -> Vec<u16> {
    let last = toks.iter().map(|t| t.position).max().unwrap_or(0);
    let mut counts = vec![0u16; last + 2];
    for t in toks.iter().filter(|t| t.boundary) {
        if let Some(c) = counts.get_mut(t.position) {
            *c = c.saturating_add(1);
        }
    }
    for i in 1..counts.len() {
        counts[i] = counts[i].saturating_add(counts[i - 1]);
    }
    counts
}

/// Weight of the word at position `p`: 1 next to the figure, falling with
/// distance, and lower across each clause boundary (comma, semicolon, dash,
/// bracket) between them.
fn distance_weight(boundaries: &[u16], p: usize, left: usize, right: usize) -> f32 {
    let (d, lo, hi) = if p < left {
        (left - p, p, left)
    } else {
        (p.saturating_sub(right), right, p)
    };
    let crossed = clause_at(boundaries, hi).saturating_sub(clause_at(boundaries, lo));
    let base = 1.0 / (1.0 + (d.saturating_sub(1) as f32) / 4.0);
    base * 0.6f32.powi(i32::from(crossed.min(8)))
}

/// The counted noun: the extractor's `counted` word where it can be found just
/// after the number, else the last word of the noun phrase that follows the number
/// ("three armoured supply trucks were" gives "trucks", with "armoured" and "supply"
/// as modifiers). Dates have no counted thing.
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
            // The word as written, for labels ("people" for a counted "person");
            // the extractor's normal form stays the stem compared on.
            let class = lexicon::noun_class(&folded);
            let written = after.iter().position(|t| t.stem == cstem).or_else(|| {
                after
                    .iter()
                    .rposition(|t| class.is_some() && lexicon::noun_class(&t.folded) == class)
            });
            let mut head = match (fig.counted_phrase.as_deref(), written) {
                (Some(phrase), _) => head_from_phrase(&folded, phrase),
                (None, Some(k)) => make_head(&after[k].folded, &after[..k]),
                (None, None) => make_head(&folded, &[]),
            };
            if let Some(k) = written {
                head.word = after[k].folded.clone();
            }
            head.stem = cstem;
            return Some(head);
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
    // A participle may lead the phrase as an adjective ("armoured supply trucks")
    // when a content word follows it.
    let mut phrase: Vec<&Term> = Vec::new();
    for (k, t) in after.iter().copied().enumerate() {
        let adjective = k == 0 && after.get(1).is_some_and(|n| n.is_content());
        if !t.is_content() || (t.folded.ends_with("ed") && !adjective) {
            break;
        }
        phrase.push(t);
        if !adjective && lexicon::predicate_class(&t.folded).is_some() {
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

/// The head from the extractor's noun phrase ("armoured supply truck"): its
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
    let classed = |t: &Term| lexicon::predicate_class(&t.folded).is_some();
    // The counted noun is never its own predicate; a modifier is, when it names an
    // event ("12,000 displaced residents"), not otherwise ("armoured trucks").
    let in_head = |t: &Term| {
        head.is_some_and(|h| h.stem == t.stem || (h.modifiers.contains(&t.stem) && !classed(t)))
    };
    let participle =
        |t: &Term| dist(t) <= 6 && !t.proper && t.folded.ends_with("ed") && t.folded.len() > 4;
    // A reporting verb right after the figure ("120 cases were reported") is
    // the figure's own verb: an event word of another clause is not its predicate.
    let reported_at = toks
        .iter()
        .filter(|t| t.kind == TokenKind::Word && t.position > right && t.position <= right + 3)
        .find(|t| lexicon::is_transparent_verb(&t.folded))
        .map(|t| clause_distance(toks, t.position, left, right));
    toks.iter()
        .filter(|t| t.kind == TokenKind::Word && dist(t) <= PREDICATE_WINDOW)
        .filter(|t| !lexicon::is_temporal(&t.folded) && !in_head(t))
        .filter(|t| !lexicon::is_transparent_verb(&t.folded))
        .filter(|t| classed(t) || participle(t))
        .map(|t| (clause_distance(toks, t.position, left, right), t))
        .filter(|&(d, _)| reported_at.is_none_or(|r| d <= r))
        .min_by_key(|&(d, t)| (d, !classed(t), t.position))
        .map(|(_, t)| Predicate {
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
fn neighbours(doc: &Document<'_>, index: usize) -> Vec<usize> {
    let mut out = Vec::new();
    if let Some(prev) = index.checked_sub(1)
        && doc.sentences.get(prev).is_some_and(|s| !s.boilerplate)
    {
        out.push(prev);
    }
    if doc.sentences.get(index + 1).is_some_and(|s| !s.boilerplate) {
        out.push(index + 1);
    }
    out
}

/// The terms of the sentences of one document, each sentence split once however
/// many figures it holds or neighbours.
#[derive(Debug, Default)]
pub struct TermCache {
    sentences: super::hash::FastMap<usize, Vec<Term>>,
}

impl TermCache {
    /// Splits sentence `i` of `doc` if it has not been yet.
    fn fill(&mut self, doc: &Document<'_>, i: usize) {
        if let Some(s) = doc.sentences.get(i) {
            self.sentences
                .entry(i)
                .or_insert_with(|| terms(doc.text(), s.range()));
        }
    }

    /// The terms of a sentence filled before (none otherwise).
    fn get(&self, i: usize) -> &[Term] {
        self.sentences.get(&i).map_or(&[], Vec::as_slice)
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, Source};
    use crate::figure::{Qualifier, Role, Value};

    fn corpus(text: &str) -> Corpus {
        Corpus::of_sources(vec![Source::new("a", text)])
    }

    fn figure_at(doc: &Document<'_>, written: &str, kind: FigureKind) -> Figure {
        let start = doc.text().find(written).expect("figure in text");
        let end = start + written.len();
        let sentence = doc
            .sentences
            .iter()
            .position(|s| s.start <= start && end <= s.end)
            .expect("in a sentence");
        Figure {
            source: 0,
            sentence,
            start,
            end,
            kind,
            value: Value::Number { lo: 1.0, hi: 1.0 },
            qualifier: Qualifier::Exact,
            unit: None,
            counted: None,
            counted_phrase: None,
            predicate: None,
            derivation: None,
            role: Role::Stated,
        }
    }

    fn frame_of(text: &str, written: &str, kind: FigureKind) -> Frame {
        let c = corpus(text);
        let docs = crate::document::prepare(&c);
        let vocab = Vocab::build(&docs);
        let fig = figure_at(&docs[0], written, kind);
        frame(0, &fig, &docs[0], &vocab, &[], &mut TermCache::default()).expect("a frame")
    }

    #[test]
    fn a_total_over_a_period_or_several_events_is_marked_in_its_clause_only() {
        let total =
            |text: &str, written: &str| frame_of(text, written, FigureKind::Count).aggregate;
        assert!(total(
            "Landslides have killed 80 people this year, the agency said.",
            "80"
        ));
        assert!(total(
            "The past season's fires burned 3,400 homes.",
            "3,400"
        ));
        assert!(total("In all, 57 ferries were cancelled.", "57"));
        assert!(total(
            "The two floods have displaced 9,000 people combined.",
            "9,000"
        ));
        assert!(total(
            "Donors have pledged $40 million to date.",
            "$40 million"
        ));
        assert!(!total("The landslide killed 14 people on Monday.", "14"));
        assert!(total(
            "The port handled 1.2 million containers in 2022.",
            "1.2 million"
        ));
        // Another clause's period words belong to another figure.
        assert!(!total(
            "The landslide killed 14 people on Monday, bringing this year's toll to 80.",
            "14"
        ));
        assert!(total(
            "The landslide killed 14 people on Monday, bringing this year's toll to 80.",
            "80"
        ));
    }

    #[test]
    fn an_addition_is_marked() {
        let added =
            |text: &str, written: &str| frame_of(text, written, FigureKind::Money).increment;
        assert!(added(
            "The bank lent a further $20 million on Monday.",
            "$20 million"
        ));
        assert!(added("Donors gave another $5 million.", "$5 million"));
        assert!(!added(
            "Donors gave $5 million to the appeal.",
            "$5 million"
        ));
    }

    #[test]
    fn the_whole_of_a_part_is_kept_apart_like_a_total() {
        let text = "Her party holds 140 of the 300 seats in parliament.";
        let c = corpus(text);
        let docs = crate::document::prepare(&c);
        let vocab = Vocab::build(&docs);
        let part = figure_at(&docs[0], "140", FigureKind::Count);
        let whole = figure_at(&docs[0], "300", FigureKind::Count);
        let frame_with = |f: &Figure, other: &Figure| {
            frame(
                0,
                f,
                &docs[0],
                &vocab,
                &[(other.start, other.end)],
                &mut TermCache::default(),
            )
            .expect("a frame")
        };
        assert!(!frame_with(&part, &whole).aggregate);
        assert!(frame_with(&whole, &part).aggregate);
    }

    #[test]
    fn the_nearest_event_word_in_the_clause_is_the_predicate() {
        let text = "Floods killed 48 people and displaced 12,000 residents, while another 3,000 fled to the hills.";
        let killed = frame_of(text, "48", FigureKind::Count);
        assert_eq!(
            killed.head.as_ref().map(|h| h.word.as_str()),
            Some("people")
        );
        assert_eq!(
            killed.predicate.as_ref().and_then(|p| p.class),
            Some("death")
        );
        let displaced = frame_of(text, "12,000", FigureKind::Count);
        assert_eq!(
            displaced.head.as_ref().map(|h| h.word.as_str()),
            Some("residents")
        );
        assert_eq!(
            displaced.predicate.as_ref().map(|p| p.word.as_str()),
            Some("displaced")
        );
        let fled = frame_of(text, "3,000", FigureKind::Count);
        assert_eq!(
            fled.predicate.as_ref().and_then(|p| p.class),
            Some("flight")
        );
    }

    #[test]
    fn a_reporting_verb_after_the_figure_keeps_other_clauses_event_words_out() {
        let text =
            "The agency started monitoring the disease in 2019, when 312 cases were confirmed.";
        assert_eq!(frame_of(text, "312", FigureKind::Count).predicate, None);
        let text = "The outbreak appeared to slow in spring, with 97 cases reported in May.";
        assert_eq!(frame_of(text, "97", FigureKind::Count).predicate, None);
        // A reporting verb before the figure still leaves the event word to it.
        let text = "The death toll rose to 63 on Sunday.";
        assert_eq!(
            frame_of(text, "63", FigureKind::Count)
                .predicate
                .and_then(|p| p.class),
            Some("death")
        );
    }

    #[test]
    fn ousting_and_toppling_a_government_are_one_class() {
        let a = frame_of(
            "Rebel officers ousted the governor on May 3.",
            "May 3",
            FigureKind::Date,
        );
        let b = frame_of(
            "The army toppled the provincial government on May 4.",
            "May 4",
            FigureKind::Date,
        );
        let (p, q) = (a.predicate.expect("ousted"), b.predicate.expect("toppled"));
        assert_eq!(p.class, Some("overthrow"));
        assert!(super::super::score::predicate_match(&p, &q).is_some());
    }

    #[test]
    fn approving_and_rejecting_are_classes_apart() {
        let yes = frame_of(
            "The plan was approved by 71% of members.",
            "71%",
            FigureKind::Percent,
        );
        let no = frame_of(
            "Some 40% of members rejected the plan.",
            "40%",
            FigureKind::Percent,
        );
        let (p, q) = (
            yes.predicate.expect("approved"),
            no.predicate.expect("rejected"),
        );
        assert_eq!(super::super::score::predicate_match(&p, &q), None);
    }

    #[test]
    fn a_date_after_first_since_marks_an_interruption() {
        let text = "The two unions held their first formal meeting since May 2010 on Saturday.";
        let f = frame_of(text, "May 2010", FigureKind::Date);
        let p = f.predicate.expect("a predicate");
        assert_eq!(p.class, Some("interruption"));
        assert!(f.head.is_none(), "dates count nothing");
    }

    #[test]
    fn the_noun_phrase_after_the_number_gives_head_and_modifiers() {
        let text = "The army sent three armoured supply trucks to the border town.";
        let f = frame_of(text, "three", FigureKind::Count);
        let h = f.head.expect("a head");
        assert_eq!(h.word, "trucks");
        assert_eq!(
            h.modifiers,
            vec![lexicon::stem("armoured"), lexicon::stem("supply")]
        );
        assert_eq!(f.predicate.and_then(|p| p.class), Some("deployment"));
        let share = frame_of(
            "The mayor won 52% of the vote on Sunday.",
            "52%",
            FigureKind::Percent,
        );
        assert_eq!(share.head.map(|h| h.word), Some("vote".into()));
        let displaced = frame_of(
            "Floods left 12,000 displaced residents.",
            "12,000",
            FigureKind::Count,
        );
        assert_eq!(
            displaced.head.as_ref().map(|h| h.word.as_str()),
            Some("residents")
        );
        assert_eq!(
            displaced.predicate.and_then(|p| p.class),
            Some("displacement")
        );
    }

    #[test]
    fn words_nearer_another_figure_count_less() {
        let text = "Ames won 52% of the vote against 48% for Bell, the commission said.";
        let c = corpus(text);
        let docs = crate::document::prepare(&c);
        let vocab = Vocab::build(&docs);
        let ames = figure_at(&docs[0], "52%", FigureKind::Percent);
        let bell = figure_at(&docs[0], "48%", FigureKind::Percent);
        let mut cache = TermCache::default();
        let fa = frame(
            0,
            &ames,
            &docs[0],
            &vocab,
            &[(bell.start, bell.end)],
            &mut cache,
        )
        .expect("frame");
        let fb = frame(
            1,
            &bell,
            &docs[0],
            &vocab,
            &[(ames.start, ames.end)],
            &mut cache,
        )
        .expect("frame");
        let weight = |f: &Frame, w: &str| {
            let id = vocab.id(&lexicon::stem(w)).expect("word");
            f.words
                .iter()
                .find(|x| x.id == id)
                .map_or(0.0, |x| x.weight)
        };
        assert!(weight(&fa, "ames") > weight(&fb, "ames"));
        assert!(weight(&fb, "bell") > weight(&fa, "bell"));
    }
}

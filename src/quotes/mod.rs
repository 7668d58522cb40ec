//! Quotations and who said them.
//!
//! [`find_quotes`] reads every direct quotation of the article bodies (straight or
//! curly marks, quotations running over paragraphs, marks a page lost), finds its
//! attribution ("..., Mr. Smith said", "According to X, Y ...", "she said" resolved to
//! a name named before), unifies speaker names across their variants, and groups the
//! same words quoted by several sources into one [`Quote`]. When sources that tell
//! one story attribute the same words to people who cannot be one person, and
//! neither attribution can be a relay of the other ("X told reporters that Y ..."),
//! [`QuoteReport::find_conflicts`] gives an [`AttributionConflict`], which the
//! report lists with kind `attribution`: as a discrepancy when both speakers are
//! named, to review when one is only known through a pronoun or a title.

mod attribution;
mod group;
mod marks;
mod names;
mod scan;
mod words;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use rayon::prelude::*;
use serde::Serialize;

pub(crate) use names::is_title_word;
pub use names::{AttributionKind, person_name, same_person};

use crate::align::names::DocNames;
use crate::document::Document;
use crate::fingerprint::Fingerprint;
use crate::text;
use crate::timing::timed;
use names::{Name, NameUse, Unified};
use scan::DocScan;

/// A byte span of a source's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct QuoteSpan {
    /// Start byte offset (inclusive).
    pub start: usize,
    /// End byte offset (exclusive).
    pub end: usize,
}

/// How a quotation is attributed, as written in its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attribution {
    /// How the speaker was found.
    pub kind: AttributionKind,
    /// Start of the words that name the speaker ("Mr. Smith", "she", "the minister").
    pub start: usize,
    /// End of those words (exclusive).
    pub end: usize,
    /// Those words as written.
    pub text: String,
    /// Who relays the words, when a person: X's canonical name in "According to X,
    /// Y ...", "X told reporters that Y ..." or "..., Y said, according to X".
    pub according_to: Option<String>,
    /// True when the speaker's name is written in the attribution itself (for a
    /// continued quotation, in the one it continues); false when it is read from a
    /// pronoun or a title ("she said", "the minister said") resolved to someone
    /// named before.
    pub named: bool,
    /// True when the speaker cannot be someone else: named next to the quotation,
    /// or a pronoun or title that only one person named before can fit. Only certain
    /// attributions take part in attribution conflicts.
    pub certain: bool,
}

/// One direct quotation as printed in one source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quotation {
    /// Index of the source in the corpus ([`Document::index`]).
    pub source: usize,
    /// First quoted character (the opening mark is not included).
    pub start: usize,
    /// End of the last quoted character (exclusive).
    pub end: usize,
    /// The quoted text of each paragraph the quotation runs over.
    pub segments: Vec<QuoteSpan>,
    /// The quoted words, segments joined by a space.
    pub text: String,
    /// The speaker's canonical name (or an institution as written), when known.
    pub speaker: Option<String>,
    /// True when the speaker is known to be a person (not an institution or a bare
    /// capitalized word). Only people take part in attribution conflicts.
    pub speaker_is_person: bool,
    /// How the speaker was found, when it was.
    pub attribution: Option<Attribution>,
    /// The opening mark was missing and inferred from the attribution after it.
    pub inferred_open: bool,
    /// The closing mark was missing: the quotation ends with its paragraph.
    pub inferred_close: bool,
}

/// One source's printing of a quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuoteOccurrence {
    /// Index of the source in the corpus.
    pub source: usize,
    /// Start of the quoted words this quote shares with the other occurrences.
    pub start: usize,
    /// End of those words (exclusive).
    pub end: usize,
    /// Index of the whole quotation in [`QuoteReport::quotations`].
    pub quotation: usize,
    /// The speaker this source gives (canonical name).
    pub speaker: Option<String>,
    /// Who relays the words in this source ("according to X", "X told reporters
    /// that ..."), when a person.
    pub according_to: Option<String>,
}

/// The same words quoted by one or more sources.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    /// Stable id: a fingerprint of the quoted words and the sources.
    pub id: String,
    /// The quoted words as the first occurrence prints them.
    pub text: String,
    /// The speaker when every source that names one names the same person.
    pub speaker: Option<String>,
    /// Each printing, sorted by source and position.
    pub occurrences: Vec<QuoteOccurrence>,
}

/// One speaker in an attribution conflict, with the occurrences that name them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttributedTo {
    /// Canonical name of the speaker.
    pub speaker: String,
    /// Indices into the quote's occurrences.
    pub occurrences: Vec<usize>,
    /// The sources (corpus indices) that name this speaker, sorted.
    pub sources: Vec<usize>,
}

/// Sources attribute the same words to different people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttributionConflict {
    /// Stable id: a fingerprint of the words and the (source, speaker) pairs.
    pub id: String,
    /// Id of the [`Quote`] concerned.
    pub quote: String,
    /// The quoted words.
    pub text: String,
    /// The speakers given, sorted by name.
    pub speakers: Vec<AttributedTo>,
    /// True when two of the disagreeing printings name their speakers in their own
    /// attributions. False when every disagreement rests on a pronoun or a title
    /// resolved to someone named before ("..., she said"): such a resolution can be
    /// wrong, so the conflict is only a candidate to review.
    pub strong: bool,
}

/// A speaker with the spellings unified under one name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speaker {
    /// The fullest form seen ("Jane K. Smith").
    pub name: String,
    /// Every spelling seen, titles and honorifics stripped, sorted.
    pub variants: Vec<String>,
    /// True when the text marks the speaker as a person.
    pub person: bool,
}

/// Everything found about quotations in a corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct QuoteReport {
    /// Every quotation of every source, sorted by source and position.
    pub quotations: Vec<Quotation>,
    /// Quotations grouped across sources: the `quotes` section of the JSON report.
    pub quotes: Vec<Quote>,
    /// The speakers of the quotations, sorted by name.
    pub speakers: Vec<Speaker>,
    /// Quotes whose sources name different speakers: discrepancies of kind
    /// `attribution`.
    pub attribution_conflicts: Vec<AttributionConflict>,
}

impl QuoteReport {
    /// The quotations of one source (by corpus index), in text order.
    pub fn quotations_of(&self, source: usize) -> impl Iterator<Item = &Quotation> {
        let from = self.quotations.partition_point(|q| q.source < source);
        self.quotations[from..]
            .iter()
            .take_while(move |q| q.source == source)
    }
}

/// What [`find_quotes`] reads of one document by itself: its quotations with
/// their attributions and the people it names, and the names among the words of
/// each quotation. It depends on the document's text and boilerplate only, so
/// the analysis cache keeps it with the document's figures.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct DocQuotes {
    scan: DocScan,
    names: Vec<group::QuoteNames>,
}

/// Reads the quotations of one document ([`DocQuotes`]).
pub fn doc_quotes(doc: &Document<'_>) -> DocQuotes {
    let scan = scan::scan(doc);
    let names = if scan.quotes.is_empty() {
        Vec::new()
    } else {
        let names = DocNames::of(doc);
        let text = doc.text();
        scan.quotes
            .iter()
            .map(|q| group::QuoteWords::names_of(text, &q.marked.segments, &names))
            .collect()
    };
    DocQuotes { scan, names }
}

/// Finds the quotations of every document, their speakers, and the quotes sources
/// share. Attribution conflicts need to know which sources tell one story: they
/// are left empty here and found by [`QuoteReport::find_conflicts`].
pub fn find_quotes(docs: &[Document<'_>]) -> QuoteReport {
    let per_doc = timed("quotes: scan", || docs.par_iter().map(doc_quotes).collect());
    find_quotes_from(docs, per_doc)
}

/// [`find_quotes`] from what each document gives by itself (`per_doc[i]` is
/// [`doc_quotes`] of `docs[i]`).
pub fn find_quotes_from(docs: &[Document<'_>], per_doc: Vec<DocQuotes>) -> QuoteReport {
    let (scans, per_doc_names): (Vec<DocScan>, Vec<Vec<group::QuoteNames>>) =
        per_doc.into_iter().map(|p| (p.scan, p.names)).unzip();
    let mut per_doc_names: Vec<std::vec::IntoIter<group::QuoteNames>> =
        per_doc_names.into_iter().map(Vec::into_iter).collect();
    let (uses, speaker_use, via_use) = timed("quotes: name uses", || name_uses(&scans));
    let unified = timed("quotes: unify", || names::unify(&uses));
    let name_of = |u: Option<usize>| u.map(|u| unified.cluster[u]);
    let span = crate::timing::Span::new("quotes: quotations");
    let mut quotations = Vec::new();
    let mut words = Vec::new();
    let mut order: Vec<usize> = (0..docs.len()).collect();
    order.sort_by_key(|&d| docs[d].index);
    for d in order {
        let scan = &scans[d];
        for (k, q) in scan.quotes.iter().enumerate() {
            let speaker_cluster = name_of(speaker_use[d][k]);
            let via_cluster = name_of(via_use[d][k]);
            quotations.push(quotation(
                &docs[d],
                q,
                speaker_cluster,
                via_cluster,
                &unified,
            ));
            let names = per_doc_names[d]
                .next()
                .expect("invariant: one name list per quotation");
            words.push(group::QuoteWords::with_names(
                d,
                docs[d].text(),
                &q.marked.segments,
                names,
            ));
        }
    }
    drop(span);
    let ranges: Vec<Range<usize>> = quotations.iter().map(|q| q.start..q.end).collect();
    let groups = timed("quotes: group", || group::group(&words, &ranges));
    let span = crate::timing::Span::new("quotes: quote_of, speakers");
    let mut quotes: Vec<Quote> = groups
        .into_iter()
        .map(|g| quote_of(docs, &words, &quotations, g))
        .collect();
    quotes.sort_by_key(|q| {
        let o = &q.occurrences[0];
        (o.source, o.start, o.end)
    });
    dedupe_ids(&mut quotes);
    let speakers = speakers(&quotations, &unified);
    drop(span);
    QuoteReport {
        quotations,
        quotes,
        speakers,
        attribution_conflicts: Vec::new(),
    }
}

impl QuoteReport {
    /// Finds the attribution conflicts again, between sources that `related` says
    /// tell the same story only (it is given two corpus indices). The same words in
    /// two unrelated stories ("a clear ambition to ...") are not one statement, so
    /// naming different speakers for them contradicts nothing.
    pub fn find_conflicts(
        &mut self,
        docs: &[Document<'_>],
        related: impl Fn(usize, usize) -> bool + Sync,
    ) {
        let related = |a: usize, b: usize| a == b || related(a, b);
        let people = People::of(&self.speakers, docs);
        self.attribution_conflicts = self
            .quotes
            .par_iter()
            .flat_map_iter(|q| conflicts(docs, &self.quotations, q, &related, &people))
            .collect();
    }
}

/// How much of the shorter of two quoted stretches the longer prints too, in
/// order: the words of their longest common subsequence over the words of the
/// shorter (1 when one holds the other, punctuation and case aside), with that
/// number of words.
fn stretch_likeness(a: &str, b: &str) -> (f64, usize) {
    let words = |s: &str| -> Vec<String> {
        text::tokenize(s, 0..s.len())
            .into_iter()
            .filter(|t| t.kind != text::TokenKind::Punct)
            .map(|t| text::fold(t.text(s)))
            .collect()
    };
    let (x, y) = (words(a), words(b));
    if x.is_empty() || y.is_empty() {
        return (0.0, 0);
    }
    let ops = similar::capture_diff_slices(similar::Algorithm::Myers, &x, &y);
    let same: usize = ops
        .iter()
        .map(|op| match op {
            similar::DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum();
    (same as f64 / x.len().min(y.len()) as f64, same)
}

/// Fewest words two printings that name different speakers must share for an
/// attribution conflict.
const CONFLICT_WORDS: usize = 5;
/// Least share of the shorter printing they must share (see [`stretch_likeness`]):
/// quotes are grouped through chains of partial overlaps, but a conflict needs two
/// printings of the same words.
const CONFLICT_LIKENESS: f64 = 0.8;

/// Every name to unify: person mentions, speakers and "according to" sources; with,
/// for each quotation, the use that is its speaker and its source.
#[allow(clippy::type_complexity)]
fn name_uses(
    scans: &[DocScan],
) -> (
    Vec<NameUse>,
    Vec<Vec<Option<usize>>>,
    Vec<Vec<Option<usize>>>,
) {
    let mut uses = Vec::new();
    let mut speaker_use = Vec::with_capacity(scans.len());
    let mut via_use = Vec::with_capacity(scans.len());
    let mut push = |doc: usize, name: &Name| {
        uses.push(NameUse {
            doc,
            name: name.clone(),
        });
        uses.len() - 1
    };
    for (d, scan) in scans.iter().enumerate() {
        for m in &scan.mentions {
            push(d, &m.name);
        }
        speaker_use.push(
            scan.quotes
                .iter()
                .map(|q| q.speaker.as_ref().map(|n| push(d, n)))
                .collect(),
        );
        via_use.push(
            scan.quotes
                .iter()
                .map(|q| q.according_to.as_ref().map(|n| push(d, n)))
                .collect(),
        );
    }
    (uses, speaker_use, via_use)
}

/// The public view of one scanned quotation.
fn quotation(
    doc: &Document<'_>,
    q: &scan::Scanned,
    speaker: Option<usize>,
    via: Option<usize>,
    unified: &Unified,
) -> Quotation {
    let text = doc.text();
    let r = q.marked.range();
    let attribution = q.kind.map(|kind| {
        let span = q.found.as_ref().map_or(0..0, |f| f.span.clone());
        Attribution {
            kind,
            start: span.start,
            end: span.end,
            text: text[span].to_string(),
            according_to: via
                .filter(|&c| unified.person[c])
                .map(|c| unified.canonical[c].clone()),
            certain: q.certain,
            named: q
                .found
                .as_ref()
                .is_some_and(|f| matches!(f.phrase, names::Phrase::Named(_))),
        }
    });
    Quotation {
        source: doc.index,
        start: r.start,
        end: r.end,
        segments: q
            .marked
            .segments
            .iter()
            .map(|s| QuoteSpan {
                start: s.start,
                end: s.end,
            })
            .collect(),
        text: joined(text, &q.marked.segments, r),
        speaker: speaker
            .map(|c| unified.canonical[c].clone())
            .or_else(|| q.organization.clone()),
        speaker_is_person: speaker.is_some_and(|c| unified.person[c]),
        attribution,
        inferred_open: q.marked.inferred_open,
        inferred_close: q.marked.inferred_close,
    }
}

/// The text of the segments that fall in `range`, joined by a space.
fn joined(text: &str, segments: &[Range<usize>], range: Range<usize>) -> String {
    segments
        .iter()
        .filter_map(|s| {
            let (a, b) = (s.start.max(range.start), s.end.min(range.end));
            (a < b).then(|| &text[a..b])
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Folded words of a text, for ids.
fn normalized(s: &str) -> String {
    text::tokenize(s, 0..s.len())
        .into_iter()
        .filter(|t| t.kind != text::TokenKind::Punct)
        .map(|t| text::fold(t.text(s)))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Builds a quote from a group of (quotation, byte range).
fn quote_of(
    docs: &[Document<'_>],
    words: &[group::QuoteWords],
    quotations: &[Quotation],
    mut g: group::Group,
) -> Quote {
    g.sort_by_key(|(q, r)| (quotations[*q].source, r.start, r.end));
    let occurrences: Vec<QuoteOccurrence> = g
        .iter()
        .map(|(q, r)| {
            let qt = &quotations[*q];
            QuoteOccurrence {
                source: qt.source,
                start: r.start,
                end: r.end,
                quotation: *q,
                speaker: qt.speaker.clone(),
                according_to: qt.attribution.as_ref().and_then(|a| a.according_to.clone()),
            }
        })
        .collect();
    let (q0, r0) = &g[0];
    let segs: Vec<Range<usize>> = quotations[*q0]
        .segments
        .iter()
        .map(|s| s.start..s.end)
        .collect();
    let text = joined(docs[words[*q0].doc].text(), &segs, r0.clone());
    let mut named: Vec<&String> = occurrences
        .iter()
        .filter_map(|o| o.speaker.as_ref())
        .collect();
    named.sort();
    named.dedup();
    let speaker = match named.as_slice() {
        [one] => Some((*one).clone()),
        _ => None,
    };
    let mut fp = Fingerprint::new().part("quote").part(&normalized(&text));
    let mut ids: Vec<&str> = g
        .iter()
        .map(|(q, _)| docs[words[*q].doc].source.id.as_str())
        .collect();
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        fp = fp.part(id);
    }
    Quote {
        id: fp.id(),
        text,
        speaker,
        occurrences,
    }
}

/// Makes ids unique by adding a counter to repeated ones (in output order).
fn dedupe_ids(quotes: &mut [Quote]) {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for q in quotes.iter_mut() {
        let n = seen.entry(q.id.clone()).or_insert(0);
        if *n > 0 {
            q.id = Fingerprint::new().part(&q.id).part(&n.to_string()).id();
        }
        *n += 1;
    }
}

/// The speakers' spellings by canonical name, and the texts of the corpus, to tell
/// whether two speakers can be one person.
struct People<'a> {
    variants: BTreeMap<&'a str, &'a [String]>,
    texts: Vec<&'a str>,
}

impl<'a> People<'a> {
    fn of(speakers: &'a [Speaker], docs: &'a [Document<'_>]) -> People<'a> {
        People {
            variants: speakers
                .iter()
                .map(|s| (s.name.as_str(), s.variants.as_slice()))
                .collect(),
            texts: docs.iter().map(|d| d.text()).collect(),
        }
    }

    /// The spellings of a speaker: its canonical name and its variants.
    fn forms<'s>(&'s self, s: &'s str) -> Vec<&'s str> {
        let mut v: Vec<&'s str> = vec![s];
        if let Some(more) = self.variants.get(s) {
            v.extend(more.iter().map(String::as_str));
        }
        v
    }

    /// True when the two speakers (canonical names) can be one person.
    ///
    /// - One is another form of the other's name, in any of their spellings
    ///   ("Smith", "Mr. Smith", "Sen. Smith" and "John Smith" are forms of "John
    ///   K. Smith"); a surname alone can be anyone with that surname.
    /// - With the same surname and other given names ("Gitte Smith" / "Margit
    ///   Smith", "Kit" / "Katrine"), they are still one person unless an article
    ///   names both, and their given names start differently: then the story has
    ///   two people of that name ("Maria Smith and her husband Peter Smith").
    fn can_be_one<'s>(&'s self, a: &'s str, b: &'s str) -> bool {
        let (fa, fb) = (self.forms(a), self.forms(b));
        let forms_of_one = fa
            .iter()
            .any(|x| fb.iter().any(|y| names::could_be_same_person(x, y)));
        if forms_of_one {
            return true;
        }
        let same_surname = fa
            .iter()
            .any(|x| fb.iter().any(|y| names::share_surname(x, y)));
        same_surname && !self.named_apart(&fa, &fb)
    }

    /// True when one article names a full form of each, with given names that
    /// start with different letters.
    fn named_apart<'s>(&self, fa: &[&'s str], fb: &[&'s str]) -> bool {
        let full = |forms: &[&'s str]| -> Vec<(&'s str, char)> {
            forms
                .iter()
                .filter_map(|f| names::given_initial(f).map(|c| (*f, c)))
                .collect()
        };
        let (xa, xb) = (full(fa), full(fb));
        self.texts.iter().any(|t| {
            xa.iter()
                .any(|(x, cx)| t.contains(x) && xb.iter().any(|(y, cy)| cx != cy && t.contains(y)))
        })
    }
}

/// One printing that names a person as its speaker, for conflicts.
#[derive(Clone, Copy)]
struct Printing<'q> {
    /// Index in the quote's occurrences.
    index: usize,
    occurrence: &'q QuoteOccurrence,
    speaker: &'q str,
    /// The speaker's name is written in the attribution (not a pronoun's or a
    /// title's antecedent).
    named: bool,
}

/// The attribution conflicts of a quote: groups of printings of the same words, in
/// sources that tell one story, that name people who cannot be one person as the
/// speaker.
///
/// Two printings disagree only when:
/// - their speakers cannot be the same person ([`People::can_be_one`]): "Smith" and
///   "John Smith" agree;
/// - neither attribution can be a relay of the other: in "X told reporters that Y
///   ..." or "According to X, Y ..." both X and Y may stand behind the words;
/// - both are certain: anonymous and institutional speakers, pronouns or titles that
///   could refer to more than one person, relays that could be anyone, and
///   quotations in headlines never conflict; "According to" sources whose speaker is
///   not named relay words and do not conflict either.
///
/// A conflict is strong when two disagreeing printings both name their speakers in
/// their own attributions; one that rests on a pronoun or a title resolved to a name
/// is weak ([`AttributionConflict::strong`]).
///
/// A quote links printings through chains of partial overlaps, across stories too
/// when stories share a phrase; a conflict holds only printings linked directly
/// (their words nearly the same, their sources about one story), so one quote can
/// give several conflicts, one per story.
fn conflicts(
    docs: &[Document<'_>],
    quotations: &[Quotation],
    quote: &Quote,
    related: &(dyn Fn(usize, usize) -> bool + Sync),
    people: &People<'_>,
) -> Vec<AttributionConflict> {
    let direct: Vec<Printing<'_>> = quote
        .occurrences
        .iter()
        .enumerate()
        .filter_map(|(index, o)| {
            let q = &quotations[o.quotation];
            let attribution = q.attribution.as_ref()?;
            let relayed = attribution.kind == AttributionKind::AccordingTo;
            if relayed || !attribution.certain || !q.speaker_is_person {
                return None;
            }
            Some(Printing {
                index,
                occurrence: o,
                speaker: o.speaker.as_deref()?,
                named: attribution.named,
            })
        })
        .collect();
    let speakers: BTreeSet<&str> = direct.iter().map(|d| d.speaker).collect();
    if speakers.len() < 2 {
        return Vec::new();
    }
    let words = |o: &QuoteOccurrence| {
        docs.get(o.source)
            .filter(|d| d.index == o.source)
            .or_else(|| docs.iter().find(|d| d.index == o.source))
            .and_then(|d| d.text().get(o.start..o.end))
            .unwrap_or_default()
    };
    let same_words = |x: &QuoteOccurrence, y: &QuoteOccurrence| {
        related(x.source, y.source) && {
            let (share, shared) = stretch_likeness(words(x), words(y));
            share >= CONFLICT_LIKENESS && shared >= CONFLICT_WORDS
        }
    };
    let relays = |x: &Printing<'_>, y: &Printing<'_>| {
        x.occurrence
            .according_to
            .as_deref()
            .is_some_and(|via| people.can_be_one(via, y.speaker))
    };
    let disagree = |x: &Printing<'_>, y: &Printing<'_>| {
        x.occurrence.source != y.occurrence.source
            && !people.can_be_one(x.speaker, y.speaker)
            && !relays(x, y)
            && !relays(y, x)
    };
    // Printings linked directly, in components; each component with a
    // disagreement is one conflict.
    let mut root: Vec<usize> = (0..direct.len()).collect();
    fn find(root: &mut [usize], mut i: usize) -> usize {
        while root[i] != i {
            root[i] = root[root[i]];
            i = root[i];
        }
        i
    }
    let mut disagreeing = vec![false; direct.len()];
    let mut strong = vec![false; direct.len()];
    for i in 0..direct.len() {
        for j in i + 1..direct.len() {
            if same_words(direct[i].occurrence, direct[j].occurrence) {
                let (a, b) = (find(&mut root, i), find(&mut root, j));
                root[a.max(b)] = a.min(b);
                if disagree(&direct[i], &direct[j]) {
                    disagreeing[i] = true;
                    strong[i] |= direct[i].named && direct[j].named;
                }
            }
        }
    }
    let mut components: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..direct.len() {
        let r = find(&mut root, i);
        components.entry(r).or_default().push(i);
    }
    components
        .into_values()
        .filter(|members| members.iter().any(|&i| disagreeing[i]))
        .map(|members| {
            let part: Vec<Printing<'_>> = members.iter().map(|&i| direct[i]).collect();
            let is_strong = members.iter().any(|&i| strong[i]);
            conflict_of(docs, quote, &part, words(part[0].occurrence), is_strong)
        })
        .collect()
}

/// One attribution conflict: the printings given, grouped by speaker.
fn conflict_of(
    docs: &[Document<'_>],
    quote: &Quote,
    direct: &[Printing<'_>],
    text: &str,
    strong: bool,
) -> AttributionConflict {
    let mut by_speaker: BTreeMap<&str, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for p in direct {
        let e = by_speaker.entry(p.speaker).or_default();
        e.0.push(p.index);
        e.1.push(p.occurrence.source);
    }
    let speakers: Vec<AttributedTo> = by_speaker
        .into_iter()
        .map(|(s, (occ, mut src))| {
            src.sort_unstable();
            src.dedup();
            AttributedTo {
                speaker: s.to_string(),
                occurrences: occ,
                sources: src,
            }
        })
        .collect();
    let mut fp = Fingerprint::new()
        .part("attribution")
        .part(&normalized(&quote.text));
    let mut pairs: Vec<(String, &str)> = direct
        .iter()
        .map(|p| (source_id(docs, p.occurrence.source), p.speaker))
        .collect();
    pairs.sort();
    pairs.dedup();
    for (src, s) in pairs {
        fp = fp.part(&src).part(s);
    }
    AttributionConflict {
        id: fp.id(),
        quote: quote.id.clone(),
        text: text.split_whitespace().collect::<Vec<_>>().join(" "),
        speakers,
        strong,
    }
}

fn source_id(docs: &[Document<'_>], source: usize) -> String {
    docs.iter()
        .find(|d| d.index == source)
        .map(|d| d.source.id.clone())
        .unwrap_or_default()
}

/// The speakers named by quotations, with their variants.
fn speakers(quotations: &[Quotation], unified: &Unified) -> Vec<Speaker> {
    let mut names: Vec<&str> = quotations
        .iter()
        .filter(|q| q.speaker_is_person)
        .filter_map(|q| q.speaker.as_deref())
        .chain(
            quotations
                .iter()
                .filter_map(|q| q.attribution.as_ref()?.according_to.as_deref()),
        )
        .collect();
    names.sort_unstable();
    names.dedup();
    let mut first: BTreeMap<&str, usize> = BTreeMap::new();
    for (c, name) in unified.canonical.iter().enumerate() {
        first.entry(name.as_str()).or_insert(c);
    }
    names
        .into_iter()
        .filter_map(|n| {
            let c = *first.get(n)?;
            Some(Speaker {
                name: n.to_string(),
                variants: unified.variants[c].clone(),
                person: unified.person[c],
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, Source};
    use crate::document::prepare;

    /// The attribution conflicts between sources of the given texts, all taken to
    /// tell one story.
    fn conflicts_of(texts: &[&str]) -> Vec<AttributionConflict> {
        let sources = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Source::new(&format!("s{i}"), t))
            .collect();
        let corpus = Corpus::of_sources(sources);
        let docs = prepare(&corpus);
        let mut r = find_quotes(&docs);
        r.find_conflicts(&docs, |_, _| true);
        r.attribution_conflicts
    }

    fn speakers(c: &AttributionConflict) -> Vec<&str> {
        c.speakers.iter().map(|s| s.speaker.as_str()).collect()
    }

    const WORDS: &str = "We will rebuild the harbour wall before the winter storms come";

    #[test]
    fn two_named_people_for_the_same_words_are_a_strong_conflict() {
        let a = format!("“{WORDS},” Mayor Ivo Lund said on Monday.");
        let b = format!("“{WORDS},” said harbour master Ana Berg.");
        let c = conflicts_of(&[&a, &b]);
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(speakers(&c[0]), ["Ana Berg", "Ivo Lund"]);
        assert!(c[0].strong);
    }

    #[test]
    fn forms_of_one_name_are_no_conflict() {
        // Two people named Lund in the corpus leave the bare "Lund" of the second
        // source unresolved: it can still be Ivo Lund, so it contradicts no one.
        let a = format!("“{WORDS},” Mayor Ivo Lund said on Monday.");
        let b = format!("Maria Lund, the ferry chief, was away.\n\n“{WORDS},” Mr. Lund said.");
        let c = format!("“{WORDS},” Sen. Lund told reporters.");
        let d = format!("“{WORDS},” said Ivo K. Lund.");
        assert_eq!(conflicts_of(&[&a, &b, &c, &d]), Vec::new());
    }

    #[test]
    fn other_given_names_with_one_surname_conflict_only_when_an_article_names_both() {
        // A short form and a full given name: one person, as far as anyone can tell.
        let a = format!("“{WORDS},” said Margit Haldane.");
        let b = format!("“{WORDS},” Gitte Haldane said on Monday.");
        assert_eq!(conflicts_of(&[&a, &b]), Vec::new());
        // An article that names both shows two people with that surname.
        let a = format!(
            "Maria Lund and her husband Peter Lund run the ferry.\n\n“{WORDS},” Maria Lund said."
        );
        let b = format!("“{WORDS},” said Peter Lund.");
        let c = conflicts_of(&[&a, &b]);
        assert_eq!(c.len(), 1, "{c:#?}");
        assert_eq!(speakers(&c[0]), ["Maria Lund", "Peter Lund"]);
        assert!(c[0].strong);
    }

    #[test]
    fn a_relay_and_the_speaker_it_relays_are_no_conflict() {
        // a: Berg tells reporters what Lund believes; b gives the words to Berg.
        let a = format!(
            "Harbour spokeswoman Ana Berg, speaking on Monday, told reporters that \
             Mayor Ivo Lund “believes {}.”",
            &WORDS[3..]
        );
        let b = format!("“The mayor believes {},” Ana Berg said.", &WORDS[3..]);
        assert_eq!(conflicts_of(&[&a, &b]), Vec::new());
        // "According to X, Y ...": X relays Y, so naming either is no conflict.
        let c = format!(
            "According to Ana Berg, Mayor Ivo Lund “believes {}.”",
            &WORDS[3..]
        );
        assert_eq!(conflicts_of(&[&c, &b]), Vec::new());
        // A third person is another matter.
        let d = format!("“The mayor believes {},” Piet Haavik said.", &WORDS[3..]);
        let found = conflicts_of(&[&a, &d]);
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(speakers(&found[0]), ["Ivo Lund", "Piet Haavik"]);
    }

    #[test]
    fn a_pronoun_resolved_to_another_person_is_only_a_weak_conflict() {
        let a = format!("Mayor Ivo Lund visited the pier on Monday.\n\n“{WORDS},” he said.");
        let b = format!("“{WORDS},” said harbour master Ana Berg.");
        let c = conflicts_of(&[&a, &b]);
        assert_eq!(c.len(), 1, "{c:#?}");
        assert!(!c[0].strong);
    }

    #[test]
    fn a_headline_speaker_takes_no_part_in_conflicts() {
        let a = "Mayor Ivo Lund Says “We Will Rebuild The Harbour Wall Before The Winter \
                 Storms Come”\n\nThe pier was shut on Monday.";
        let b = format!("“{WORDS},” said harbour master Ana Berg.");
        assert_eq!(conflicts_of(&[a, &b]), Vec::new());
    }
}

//! One document's quotations with their attributions, and the people it names, so
//! that "he said" and "the spokesman said" can be resolved to a name.
//!
//! A person mention is a capitalized run that the text marks as a person: an
//! honorific ("Ms. Berg"), a role before it ("spokeswoman Ana Berg"), a role in
//! apposition ("Ana Berg, the port's spokeswoman,"), a speech verb after it, or the
//! same surname as such a mention. A pronoun refers to the nearest person mentioned
//! before the quotation; a title ("the spokeswoman") to the nearest person mentioned
//! with that role.

use std::ops::Range;

use super::attribution::{self, Found, Side};
use super::marks::{self, Marked};
use super::names::{AttributionKind, Name, Phrase, is_role, parse_phrase, role_of};
use super::words::{HONORIFICS, NAME_PARTICLES, SPEECH_VERBS, VERB_FILLERS, is_in};
use crate::document::Document;
use crate::text::{self, Token, TokenKind};

/// How far back (in bytes) a pronoun may look for the person it refers to.
const PRONOUN_REACH: usize = 1500;

/// A person named in the text.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Mention {
    /// Byte offset of the name.
    pub(crate) pos: usize,
    /// The name, with the roles given to it around this mention.
    pub(crate) name: Name,
}

/// A quotation of one document with what was found about its speaker.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Scanned {
    /// Where the quotation is.
    pub(crate) marked: Marked,
    /// The attribution as written, if any.
    pub(crate) found: Option<Found>,
    /// How the speaker was found.
    pub(crate) kind: Option<AttributionKind>,
    /// The speaker's name, once pronouns, titles and continuations are resolved.
    pub(crate) speaker: Option<Name>,
    /// The speaker as displayed when it is not a person (an institution).
    pub(crate) organization: Option<String>,
    /// Who relays the speaker's words (X in "According to X, Y ..." or "X told
    /// reporters that Y ..."), once resolved.
    pub(crate) according_to: Option<Name>,
    /// True when the speaker cannot be someone else: named next to the quotation, or
    /// a pronoun or title that only one person named before can fit.
    pub(crate) certain: bool,
}

/// The quotations and person mentions of one document.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct DocScan {
    /// Quotations in text order.
    pub(crate) quotes: Vec<Scanned>,
    /// Person mentions in text order.
    pub(crate) mentions: Vec<Mention>,
}

/// Scans one document (article body only).
pub(crate) fn scan(doc: &Document<'_>) -> DocScan {
    let text = doc.text();
    let paragraphs = body_paragraphs(doc);
    let marked = marks::find(text, &paragraphs);
    let para_of = |pos: usize| {
        let i = paragraphs.partition_point(|p| p.end < pos);
        paragraphs.get(i).cloned().unwrap_or(pos..pos)
    };
    let mut quotes: Vec<Scanned> = marked
        .into_iter()
        .map(|m| {
            let r = m.range();
            let found = attribution::find(
                text,
                r.clone(),
                para_of(r.start),
                para_of(r.end),
                !m.inferred_close,
            );
            Scanned {
                marked: m,
                found,
                kind: None,
                speaker: None,
                organization: None,
                according_to: None,
                certain: false,
            }
        })
        .collect();
    // People and headlines are only needed to resolve and doubt speakers: skip
    // reading them without quotations.
    if quotes.is_empty() {
        return DocScan::default();
    }
    let titles: Vec<bool> = paragraphs
        .iter()
        .map(|p| is_title_line(text, p.clone()))
        .collect();
    let mentions = mentions(text, &paragraphs, &titles, &quotes);
    let sentence_starts: Vec<usize> = doc.sentences.iter().map(|s| s.start).collect();
    resolve(text, &mut quotes, &mentions, &paragraphs, &sentence_starts);
    doubt_headlines(&mut quotes, &paragraphs, &titles);
    quotes.retain(|q| worth_keeping(text, q));
    DocScan { quotes, mentions }
}

/// Paragraphs that are mostly article text (not page chrome).
fn body_paragraphs(doc: &Document<'_>) -> Vec<Range<usize>> {
    doc.paragraphs
        .iter()
        .enumerate()
        .filter(|(p, _)| {
            let (mut body, mut all) = (0, 0);
            for s in doc.sentences.iter().filter(|s| s.paragraph == *p) {
                all += s.end - s.start;
                if !s.boilerplate {
                    body += s.end - s.start;
                }
            }
            all == 0 || body * 2 > all
        })
        .map(|(_, r)| r.clone())
        .collect()
}

/// Most words a headline has.
const HEADLINE_WORDS: usize = 30;

/// True when a paragraph is a headline in title case ("Port Workers Defend Mayor
/// Ivo Lund"): short, with most of its longer words capitalized. Its capitalized
/// runs are not names, and its attributions are not certain.
pub(crate) fn is_title_line(text: &str, para: Range<usize>) -> bool {
    let words: Vec<&str> = text::tokenize(text, para)
        .iter()
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.text(text))
        .collect();
    if words.is_empty() || words.len() > HEADLINE_WORDS {
        return false;
    }
    let long: Vec<&&str> = words[1..]
        .iter()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4)
        .collect();
    let capitalized = long.iter().filter(|w| is_cap(w)).count();
    long.len() >= 3 && capitalized * 4 >= long.len() * 3
}

/// Quotations in a headline keep what was read of their speaker but take no part
/// in attribution conflicts, and neither do the quotations that continue them.
/// `is_title[p]` tells whether paragraph `p` is a headline ([`is_title_line`]).
fn doubt_headlines(quotes: &mut [Scanned], paragraphs: &[Range<usize>], is_title: &[bool]) {
    let titles: Vec<Range<usize>> = paragraphs
        .iter()
        .zip(is_title)
        .filter(|(_, t)| **t)
        .map(|(p, _)| p.clone())
        .collect();
    if titles.is_empty() {
        return;
    }
    for i in 0..quotes.len() {
        let start = quotes[i].marked.range().start;
        let in_title = titles.iter().any(|p| p.start <= start && start < p.end);
        let continues_doubt =
            quotes[i].kind == Some(AttributionKind::Continued) && i > 0 && !quotes[i - 1].certain;
        if in_title || continues_doubt {
            quotes[i].certain = false;
        }
    }
}

/// A quotation is reported when it has three words or more, or a speaker.
fn worth_keeping(text: &str, q: &Scanned) -> bool {
    let has_speaker = q.speaker.is_some() || q.organization.is_some();
    has_speaker || word_count(text, &q.marked) >= 3
}

/// Words and figures in a quotation.
pub(crate) fn word_count(text: &str, m: &Marked) -> usize {
    m.segments
        .iter()
        .flat_map(|s| text::tokenize(text, s.clone()))
        .filter(|t| t.kind != TokenKind::Punct)
        .count()
}

fn is_cap(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Finds the capitalized runs of the paragraphs that name people, headlines
/// (`is_title`) left out.
fn mentions(
    text: &str,
    paragraphs: &[Range<usize>],
    is_title: &[bool],
    quotes: &[Scanned],
) -> Vec<Mention> {
    let inside_quote = |pos: usize| {
        quotes.iter().any(|q| {
            q.marked
                .segments
                .iter()
                .any(|s| s.start <= pos && pos < s.end)
        })
    };
    let mut found: Vec<(Mention, bool)> = Vec::new();
    for (para, _) in paragraphs.iter().zip(is_title).filter(|(_, t)| !**t) {
        let toks = text::tokenize(text, para.clone());
        let mut i = 0;
        while i < toks.len() {
            let Some(end) = run_end(text, &toks, i) else {
                i += 1;
                continue;
            };
            if !inside_quote(toks[i].start)
                && let Some(m) = mention_at(text, &toks, i, end)
            {
                found.push(m);
            }
            i = end;
        }
    }
    // A surname alone counts when the same document marks it as a person elsewhere.
    let persons: Vec<String> = found
        .iter()
        .filter(|(_, evidenced)| *evidenced)
        .map(|(m, _)| m.name.surname())
        .collect();
    found
        .into_iter()
        .filter(|(m, evidenced)| *evidenced || persons.contains(&m.name.surname()))
        .map(|(m, _)| m)
        .collect()
}

/// The end (exclusive) of the capitalized run starting at token `i`, if one does.
fn run_end(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    let starts = toks[i].kind == TokenKind::Word && is_cap(toks[i].text(text));
    if !starts {
        return None;
    }
    let mut j = i + 1;
    while j < toks.len() {
        let t = toks[j].text(text);
        let prev = toks[j - 1].text(text);
        let word = toks[j].kind == TokenKind::Word;
        let dot_after_short = t == "."
            && (prev.chars().count() == 1 || is_in(HONORIFICS, &text::fold(prev)))
            && toks.get(j + 1).is_some_and(|n| is_cap(n.text(text)));
        let particle = word
            && is_in(NAME_PARTICLES, &text::fold(t))
            && toks.get(j + 1).is_some_and(|n| is_cap(n.text(text)));
        let glued_particle = word
            && t.contains('-')
            && is_in(
                NAME_PARTICLES,
                &text::fold(t.split('-').next().unwrap_or("")),
            );
        if (word && is_cap(t)) || dot_after_short || particle || glued_particle {
            j += 1;
        } else {
            break;
        }
    }
    Some(j)
}

/// Reads the run `toks[i..end]` (with role words just before it) as a mention, and
/// whether the text marks it as a person.
fn mention_at(text: &str, toks: &[Token], i: usize, end: usize) -> Option<(Mention, bool)> {
    // "Ana Berg of Harbourshire": a place after a name and "of" is not a person (a
    // title before "of" is another matter: "Minister of Ports Ana Berg", and so is
    // a run with a title in it: "Bank of Harbourshire Governor Ana Berg").
    let place = i >= 2
        && toks[i - 1].text(text) == "of"
        && {
            let w = toks[i - 2].text(text);
            toks[i - 2].kind == TokenKind::Word && is_cap(w) && !is_role(&text::fold(w))
        }
        && !toks[i..end]
            .iter()
            .any(|t| is_role(&text::fold(t.text(text))));
    if place {
        return None;
    }
    let mut k = i;
    while k > 0
        && i - k < 3
        && toks[k - 1].kind == TokenKind::Word
        && is_role(&text::fold(toks[k - 1].text(text)))
    {
        k -= 1;
    }
    let Some(Phrase::Named(mut name)) = parse_phrase(text, &toks[k..end]) else {
        return None;
    };
    name.roles.extend(appositive_roles(text, &toks[end..]));
    let speaks = speech_verb_follows(text, &toks[end..]);
    let evidenced = name.honorific || !name.roles.is_empty() || speaks;
    let pos = toks[i].start;
    Some((Mention { pos, name }, evidenced))
}

/// Roles in an apposition right after a name: ", the port's spokeswoman,".
fn appositive_roles(text: &str, rest: &[Token]) -> Vec<String> {
    if rest.first().map(|t| t.text(text)) != Some(",") {
        return Vec::new();
    }
    let words: Vec<String> = rest[1..]
        .iter()
        .take_while(|t| !matches!(t.text(text), "," | "." | ";"))
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| text::fold(t.text(text)))
        .collect();
    let opens = words
        .first()
        .is_some_and(|w| w == "the" || w == "a" || w == "an");
    if !opens || words.len() > 6 {
        return Vec::new();
    }
    words
        .iter()
        .filter_map(|w| role_of(w).map(str::to_string))
        .collect()
}

/// True when a speech verb follows a name (after an optional comma and fillers).
fn speech_verb_follows(text: &str, rest: &[Token]) -> bool {
    rest.iter()
        .filter(|t| t.text(text) != ",")
        .map(|t| text::fold(t.text(text)))
        .find(|w| !is_in(VERB_FILLERS, w))
        .is_some_and(|w| is_in(SPEECH_VERBS, &w))
}

/// Resolves pronouns, titles and continuations to names, in text order.
///
/// A pronoun is certain when only one person is named between the start of the
/// sentence before the quotation's and the quotation; a title, when only one person
/// named before has that role.
fn resolve(
    text: &str,
    quotes: &mut [Scanned],
    mentions: &[Mention],
    paragraphs: &[Range<usize>],
    sentence_starts: &[usize],
) {
    for i in 0..quotes.len() {
        let start = quotes[i].marked.range().start;
        let Some(found) = quotes[i].found.clone() else {
            continue_previous(text, quotes, i, paragraphs);
            continue;
        };
        let q = &mut quotes[i];
        let here = sentence_starts
            .partition_point(|&s| s <= start)
            .saturating_sub(1);
        let window = sentence_starts
            .get(here.saturating_sub(1))
            .copied()
            .unwrap_or(0);
        let near = |m: &Mention| m.pos >= window;
        let (relay, relay_known) = match &found.relay {
            None | Some((Phrase::Organization(_), _)) => (None, true),
            Some((Phrase::Named(n), _)) => (Some(n.clone()), true),
            Some((phrase, span)) => refer(mentions, phrase, span.start, near),
        };
        q.according_to = relay;
        let (kind, speaker, certain) = match found.phrase {
            Phrase::Named(n) if found.side == Side::AccordingTo && found.relay.is_none() => {
                (AttributionKind::AccordingTo, Some(n), true)
            }
            Phrase::Named(n) => (AttributionKind::Named, Some(n), true),
            ref p @ Phrase::Pronoun => {
                let (n, certain) = refer(mentions, p, start, near);
                (AttributionKind::Pronoun, n, certain)
            }
            ref p @ Phrase::Title(_) => {
                let (n, certain) = refer(mentions, p, start, near);
                (AttributionKind::Title, n, certain)
            }
            Phrase::Anonymous => (AttributionKind::Anonymous, None, false),
            Phrase::Organization(org) => {
                q.organization = Some(org);
                (AttributionKind::Organization, None, false)
            }
        };
        q.kind = Some(kind);
        // A relay that cannot be told apart from other people ("a spokesman told
        // reporters that Jones ...") could be anyone another source names.
        q.certain = certain && speaker.is_some() && relay_known;
        q.speaker = speaker;
    }
}

/// The person a pronoun or a title at `pos` refers to, and whether no one else can
/// fit: a pronoun refers to the nearest person named before (certain when only one
/// person is named `near` it), a title to the nearest person named with that role
/// (certain when only one person named before has it). Other phrases refer to no
/// one.
fn refer(
    mentions: &[Mention],
    phrase: &Phrase,
    pos: usize,
    near: impl Fn(&Mention) -> bool,
) -> (Option<Name>, bool) {
    let (name, certain) = match phrase {
        Phrase::Pronoun => (
            nearest(mentions, pos, |m| pos - m.pos <= PRONOUN_REACH),
            people_before(mentions, pos, near) == 1,
        ),
        Phrase::Title(role) => (
            nearest(mentions, pos, |m| m.name.roles.contains(role)),
            people_before(mentions, pos, |m| m.name.roles.contains(role)) == 1,
        ),
        _ => (None, false),
    };
    let certain = certain && name.is_some();
    (name, certain)
}

/// How many different people (by surname) are mentioned before `pos` and satisfy
/// `ok`.
fn people_before(mentions: &[Mention], pos: usize, ok: impl Fn(&Mention) -> bool) -> usize {
    let mut surnames: Vec<String> = mentions
        .iter()
        .filter(|m| m.pos < pos && ok(m))
        .map(|m| m.name.surname())
        .collect();
    surnames.sort_unstable();
    surnames.dedup();
    surnames.len()
}

/// The nearest mention before `pos` that satisfies `ok`.
fn nearest(mentions: &[Mention], pos: usize, ok: impl Fn(&Mention) -> bool) -> Option<Name> {
    mentions
        .iter()
        .rev()
        .filter(|m| m.pos < pos)
        .find(|m| ok(m))
        .map(|m| m.name.clone())
}

/// A quotation without attribution continues the previous one's speaker when it
/// follows it in the same paragraph, or opens the next paragraph.
fn continue_previous(text: &str, quotes: &mut [Scanned], i: usize, paragraphs: &[Range<usize>]) {
    let Some(prev) = i.checked_sub(1).map(|p| quotes[p].clone()) else {
        return;
    };
    let para_index = |pos: usize| paragraphs.partition_point(|p| p.end < pos);
    let start = quotes[i].marked.range().start;
    let (here, there) = (para_index(start), para_index(prev.marked.range().end));
    let opens_paragraph = paragraphs.get(here).is_some_and(|p| {
        text[p.start..start.max(p.start)]
            .chars()
            .filter(|c| !c.is_whitespace())
            .count()
            <= 1
    });
    let follows = here == there || (here == there + 1 && opens_paragraph);
    if follows && (prev.speaker.is_some() || prev.organization.is_some()) {
        let q = &mut quotes[i];
        q.kind = Some(AttributionKind::Continued);
        q.speaker = prev.speaker;
        q.organization = prev.organization;
        q.according_to = prev.according_to;
        q.found = prev.found;
        q.certain = prev.certain;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, Source};
    use crate::document::prepare;

    fn corpus(text: &str) -> Corpus {
        Corpus::of_sources(vec![Source::new("t", text)])
    }

    /// (quoted text, kind, speaker) of each quotation.
    fn speakers(text: &str) -> Vec<(String, Option<AttributionKind>, Option<String>)> {
        let c = corpus(text);
        let docs = prepare(&c);
        scan(&docs[0])
            .quotes
            .iter()
            .map(|q| {
                (
                    text[q.marked.range()].to_string(),
                    q.kind,
                    q.speaker.as_ref().map(Name::display),
                )
            })
            .collect()
    }

    #[test]
    fn a_pronoun_refers_to_the_person_named_before() {
        let t = "Port director Ana Berg visited the pier on Monday. \
                 “The pier is safe and will reopen,” she said.";
        let s = speakers(t);
        assert_eq!(s[0].1, Some(AttributionKind::Pronoun));
        assert_eq!(s[0].2.as_deref(), Some("Ana Berg"));
    }

    #[test]
    fn a_title_refers_to_the_person_with_that_role() {
        let t = "Mayor Ivo Lund met Ana Berg, the port's spokeswoman, on Monday. \
                 Lund said little. “The pier will reopen next week,” the spokeswoman said.";
        let s = speakers(t);
        assert_eq!(s[0].1, Some(AttributionKind::Title));
        assert_eq!(s[0].2.as_deref(), Some("Ana Berg"));
    }

    #[test]
    fn a_pronoun_or_title_that_two_people_fit_is_not_certain() {
        let c = corpus(
            "Mayor Ivo Lund met port director Ana Berg on Monday. \
             “The pier is safe,” she said.",
        );
        let docs = prepare(&c);
        let q = &scan(&docs[0]).quotes[0];
        assert_eq!(
            q.speaker.as_ref().map(Name::display).as_deref(),
            Some("Ana Berg")
        );
        assert!(!q.certain);
        let c = corpus("Port director Ana Berg spoke on Monday. “The pier is safe,” she said.");
        let docs = prepare(&c);
        assert!(scan(&docs[0]).quotes[0].certain);
    }

    #[test]
    fn an_unresolvable_title_gives_no_speaker() {
        let t = "The pier was closed. “It will reopen next week,” the spokeswoman said.";
        let s = speakers(t);
        assert_eq!(s[0].1, Some(AttributionKind::Title));
        assert_eq!(s[0].2, None);
    }

    #[test]
    fn a_following_quotation_continues_the_speaker() {
        let t = "“The pier is safe,” Ana Berg said. “It will reopen next week.”\n\n\
                 “We have checked every post,” she added.";
        let s = speakers(t);
        assert_eq!(s.len(), 3);
        assert_eq!(s[1].1, Some(AttributionKind::Continued));
        assert_eq!(s[1].2.as_deref(), Some("Ana Berg"));
        assert_eq!(s[2].2.as_deref(), Some("Ana Berg"));
    }

    #[test]
    fn a_new_paragraph_of_reporting_ends_the_continuation() {
        let t = "“The pier is safe,” Ana Berg said.\n\n\
                 The council met later. Members called the repairs “a long overdue step.”";
        let s = speakers(t);
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].1, None);
    }

    #[test]
    fn short_scare_quotes_without_a_speaker_are_left_out() {
        let t = "The council called it a “deconfliction” plan. “The pier is safe,” Ana Berg said.";
        let s = speakers(t);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].0, "The pier is safe");
    }

    #[test]
    fn a_headline_names_no_one_and_its_quotations_are_not_certain() {
        let c = corpus(
            "Port Workers Defend Mayor Ivo Lund Over Pier Plan\n\n\
             Port director Ana Berg spoke on Monday. “The pier is safe,” she said.",
        );
        let docs = prepare(&c);
        let s = scan(&docs[0]);
        assert!(
            s.mentions.iter().all(|m| m.name.surname() != "lund"),
            "{:?}",
            s.mentions
        );
        assert_eq!(
            s.quotes[0].speaker.as_ref().map(Name::display).as_deref(),
            Some("Ana Berg")
        );
        assert!(s.quotes[0].certain);
        let c = corpus("Mayor Lund Says “Pier Is Safe And Will Reopen Soon”\n\nThe pier was shut.");
        let docs = prepare(&c);
        let s = scan(&docs[0]);
        assert_eq!(
            s.quotes[0].speaker.as_ref().map(Name::display).as_deref(),
            Some("Lund")
        );
        assert!(!s.quotes[0].certain);
    }

    #[test]
    fn a_relay_is_resolved_and_an_unknown_relay_leaves_the_speaker_uncertain() {
        let c = corpus(
            "Port spokeswoman Ana Berg spoke on Monday. She told reporters that \
             Lund “believes the pier is safe.”",
        );
        let docs = prepare(&c);
        let q = &scan(&docs[0]).quotes[0];
        assert_eq!(
            q.speaker.as_ref().map(Name::display).as_deref(),
            Some("Lund")
        );
        assert_eq!(
            q.according_to.as_ref().map(Name::display).as_deref(),
            Some("Ana Berg")
        );
        assert!(q.certain);
        let c = corpus("A spokeswoman told reporters that Lund “believes the pier is safe.”");
        let docs = prepare(&c);
        let q = &scan(&docs[0]).quotes[0];
        assert_eq!(
            q.speaker.as_ref().map(Name::display).as_deref(),
            Some("Lund")
        );
        assert!(!q.certain);
    }

    #[test]
    fn a_place_after_a_name_is_not_an_antecedent() {
        let t = "Councillor Ivo Lund of Harbourshire said the pier was safe. \
                 “It will reopen next week,” he said.";
        let s = speakers(t);
        assert_eq!(s[0].2.as_deref(), Some("Ivo Lund"));
    }

    #[test]
    fn names_inside_quotations_are_not_antecedents() {
        let t = "Harbour master Ivo Lund spoke on Monday. \
                 “Ana Berg told us the pier is safe,” he said.";
        let s = speakers(t);
        assert_eq!(s[0].2.as_deref(), Some("Ivo Lund"));
    }
}

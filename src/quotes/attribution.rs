//! Attribution: the words next to a quotation that say who spoke.
//!
//! Looked for in this order, within the clause around the quotation:
//! 1. after it: `"...," Mr. Smith said`, `"...," said the minister`,
//!    `"...," she told reporters`;
//! 2. before it, "according to": `According to Smith, "..."` and
//!    `According to Smith, Jones "..."` (Jones spoke, Smith reported it);
//! 3. before it, a name opening a partial quotation: `Jones "condemned the attack"`;
//! 4. before it, a speech verb: `Smith told reporters that the plan was "..."`.
//!
//! Relays are kept: in `Smith told reporters that Jones "..."`, `The paper quoted
//! Jones as saying "..."` and `"...," Jones said, according to Smith`, Jones is the
//! speaker and Smith relays the words.
//!
//! The result is a phrase (a name, a pronoun, a title...) with its byte span; pronouns
//! and titles are resolved to names by the caller.

use std::ops::Range;

use super::names::{Phrase, parse_phrase};
use super::words::{ABBREVIATIONS, SPEECH_VERBS, VERB_FILLERS, is_in};
use crate::text::{self, Token, TokenKind};

/// Where an attribution was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) enum Side {
    /// After the quotation.
    After,
    /// In an "according to" clause before it.
    AccordingTo,
    /// Before it.
    Before,
}

/// An attribution as written.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Found {
    /// What the speaker phrase says.
    pub(crate) phrase: Phrase,
    /// Byte span of the speaker phrase.
    pub(crate) span: Range<usize>,
    /// Where it was found.
    pub(crate) side: Side,
    /// Who relays the speaker's words, with its span: X in "According to X, Y ...",
    /// "X told reporters that Y "..."" or "..., Y said, according to X". Both may
    /// stand behind the words, so neither conflicts with another source's naming
    /// of the other.
    pub(crate) relay: Option<(Phrase, Range<usize>)>,
}

/// Most words a speaker phrase may have.
const MAX_PHRASE_WORDS: usize = 8;

/// Prepositions and conjunctions that end a speaker phrase read after a speech verb
/// ("said Jane Smith on Friday").
const PHRASE_ENDERS: &[&str] = &[
    "after", "as", "at", "before", "during", "for", "from", "in", "on", "that", "to", "when",
    "which", "while", "who", "with",
];

fn is_quote_mark(s: &str) -> bool {
    s.chars().count() == 1 && s.chars().next().is_some_and(|c| text::fold_quote(c) == '"')
}

/// True when the token at `i` ends a sentence: a full stop, question or exclamation
/// mark not following an abbreviation or an initial.
fn ends_sentence(text: &str, toks: &[Token], i: usize) -> bool {
    let t = toks[i].text(text);
    if matches!(t, "!" | "?") {
        return true;
    }
    if t != "." {
        return false;
    }
    let Some(prev) = i.checked_sub(1).map(|p| &toks[p]) else {
        return true;
    };
    let w = prev.text(text);
    let initial = w.chars().count() == 1 && w.chars().next().is_some_and(char::is_uppercase);
    !(prev.kind == TokenKind::Word && (initial || is_in(ABBREVIATIONS, &text::fold(w))))
}

/// Tokens after a quotation up to the end of its clause: leading commas, dashes and
/// quotation marks skipped; stops at a sentence end or another quotation mark.
fn after_tokens(text: &str, from: usize, para_end: usize) -> Vec<Token> {
    let toks = text::tokenize(text, from..para_end);
    let skip = toks
        .iter()
        .take_while(|t| {
            t.kind == TokenKind::Punct
                && (matches!(t.text(text), "," | "—" | "–" | "-") || is_quote_mark(t.text(text)))
        })
        .count();
    let mut out = Vec::new();
    for i in skip..toks.len() {
        if ends_sentence(text, &toks, i) || is_quote_mark(toks[i].text(text)) {
            break;
        }
        out.push(toks[i]);
        if out.len() > 3 * MAX_PHRASE_WORDS {
            break;
        }
    }
    out
}

/// Tokens before a quotation back to the start of its sentence (or the previous
/// quotation mark).
fn before_tokens(text: &str, para_start: usize, to: usize) -> Vec<Token> {
    let toks = text::tokenize(text, para_start..to);
    let start = (0..toks.len())
        .rev()
        .find(|&i| ends_sentence(text, &toks, i) || is_quote_mark(toks[i].text(text)))
        .map_or(0, |i| i + 1);
    toks[start..].to_vec()
}

fn folded(text: &str, t: &Token) -> String {
    text::fold(t.text(text))
}

fn is_word(t: &Token) -> bool {
    t.kind == TokenKind::Word
}

fn span_of(toks: &[Token]) -> Range<usize> {
    match (toks.first(), toks.last()) {
        (Some(f), Some(l)) => f.start..l.end,
        _ => 0..0,
    }
}

/// Cuts a phrase at its first comma.
fn until_comma<'a>(text: &str, toks: &'a [Token]) -> &'a [Token] {
    let end = toks
        .iter()
        .position(|t| t.text(text) == ",")
        .unwrap_or(toks.len());
    &toks[..end]
}

fn word_count(toks: &[Token]) -> usize {
    toks.iter().filter(|t| is_word(t)).count()
}

/// Parses a phrase if it is short enough to name a speaker.
fn phrase(text: &str, toks: &[Token]) -> Option<(Phrase, Range<usize>)> {
    if toks.is_empty() || word_count(toks) > MAX_PHRASE_WORDS {
        return None;
    }
    parse_phrase(text, toks).map(|p| (p, span_of(toks)))
}

/// `"...," Mr. Smith said` or `"...," said Mr. Smith`.
fn after(text: &str, toks: &[Token]) -> Option<Found> {
    let words: Vec<usize> = (0..toks.len()).filter(|&i| is_word(&toks[i])).collect();
    let first = *words.first()?;
    if toks[..first].iter().any(|t| t.text(text) == ",") {
        return None;
    }
    if is_in(SPEECH_VERBS, &folded(text, &toks[first])) {
        // said Mr. Smith, the minister
        let rest = until_comma(text, &toks[first + 1..]);
        let opener = rest.iter().find(|t| is_word(t))?;
        let opener_text = opener.text(text);
        let starts_like_subject = opener_text.chars().next().is_some_and(char::is_uppercase)
            || !is_in(PHRASE_ENDERS, &text::fold(opener_text));
        if !starts_like_subject {
            return None;
        }
        let end = rest
            .iter()
            .position(|t| is_word(t) && is_in(PHRASE_ENDERS, &folded(text, t)))
            .unwrap_or(rest.len());
        let (phrase, span) = phrase(text, &rest[..end])?;
        return Some(Found {
            phrase,
            span,
            side: Side::After,
            relay: trailing_according_to(text, &toks[first + 1..]),
        });
    }
    // Mr. Smith (also) said
    let verb = words
        .iter()
        .take(MAX_PHRASE_WORDS + 1)
        .copied()
        .find(|&i| is_in(SPEECH_VERBS, &folded(text, &toks[i])))?;
    let mut end = verb;
    while end > 0 && is_in(VERB_FILLERS, &folded(text, &toks[end - 1])) {
        end -= 1;
    }
    let subject = until_comma(text, &toks[..end]);
    let (phrase, span) = phrase(text, subject)?;
    // `"...," Smith said Jones told her` and `"...," Smith quoted Jones as saying`:
    // Jones speaks, Smith relays.
    if let Some((inner, inner_span)) = reported_speaker(text, &toks[verb + 1..]) {
        return Some(Found {
            phrase: inner,
            span: inner_span,
            side: Side::After,
            relay: Some((phrase, span)),
        });
    }
    Some(Found {
        phrase,
        span,
        side: Side::After,
        relay: trailing_according_to(text, &toks[verb + 1..]),
    })
}

/// The named subject of a second speech verb right after a first one ("said Jones
/// told her", "said that Jones had said", "quoted Jones as saying"): the person
/// whose words the first speaker relays.
fn reported_speaker(text: &str, rest: &[Token]) -> Option<(Phrase, Range<usize>)> {
    let rest = until_comma(text, rest);
    let verb = rest
        .iter()
        .take(MAX_PHRASE_WORDS + 1)
        .position(|t| is_speech_verb(text, t))?;
    let mut end = verb;
    while end > 0
        && (is_in(VERB_FILLERS, &folded(text, &rest[end - 1]))
            || folded(text, &rest[end - 1]) == "as")
    {
        end -= 1;
    }
    let start = usize::from(rest.first().is_some_and(|t| folded(text, t) == "that"));
    if start >= end {
        return None;
    }
    match phrase(text, &rest[start..end])? {
        (p @ Phrase::Named(_), span) => Some((p, span)),
        _ => None,
    }
}

/// "according to X" later in the clause after a quotation's attribution
/// (`"...," Jones said, according to Smith`): X relays the words.
fn trailing_according_to(text: &str, rest: &[Token]) -> Option<(Phrase, Range<usize>)> {
    let at = (0..rest.len().saturating_sub(1))
        .find(|&i| folded(text, &rest[i]) == "according" && folded(text, &rest[i + 1]) == "to")?;
    phrase(text, until_comma(text, &rest[at + 2..]))
}

/// `According to X, "..."` and `According to X, Y "..."`.
fn according_to(text: &str, toks: &[Token]) -> Option<Found> {
    let at = (0..toks.len().saturating_sub(1))
        .find(|&i| folded(text, &toks[i]) == "according" && folded(text, &toks[i + 1]) == "to")?;
    let rest = &toks[at + 2..];
    let x = until_comma(text, rest);
    let after_x = &rest[x.len()..];
    let source = phrase(text, x)?;
    let mut y: Vec<Token> = after_x
        .iter()
        .copied()
        .skip_while(|t| t.text(text) == ",")
        .collect();
    // "According to X, Y said "..."": Y is the subject of the speech verb.
    if let Some(v) = y.iter().position(|t| is_speech_verb(text, t)) {
        let mut end = v;
        while end > 0 && is_in(VERB_FILLERS, &folded(text, &y[end - 1])) {
            end -= 1;
        }
        y.truncate(end);
    }
    // Words between the source and the quotation that are not a short name leave the
    // source as the speaker ("According to X, the plan is 'dead'").
    if word_count(&y) <= 4
        && let Some((p @ Phrase::Named(_), span)) = phrase(text, &y)
    {
        return Some(Found {
            phrase: p,
            span,
            side: Side::AccordingTo,
            relay: Some(source),
        });
    }
    Some(Found {
        phrase: source.0,
        span: source.1,
        side: Side::AccordingTo,
        relay: None,
    })
}

/// True for a word token that is a speech verb.
fn is_speech_verb(text: &str, t: &Token) -> bool {
    is_word(t) && is_in(SPEECH_VERBS, &folded(text, t))
}

/// Speech verbs whose object is the person spoken to ("told Jones", "asked Jones").
const LISTENER_VERBS: &[&str] = &["asked", "tells", "told", "urged", "warned"];

/// True for a possessive word ("Berg’s"): before a quotation it owns a thing
/// (`Berg’s "harbour plan"`), it does not say that Berg spoke.
fn is_possessive(text: &str, t: &Token) -> bool {
    let w = t.text(text);
    ["’s", "'s", "’"].iter().any(|e| w.ends_with(e))
}

/// `Jones "condemned the attack"`: a name opening the clause, directly before a
/// quotation that goes on its sentence in lower case. After a speech verb
/// (`Smith told reporters that Jones "believes ..."`) the words are Jones's as
/// Smith relays them: Jones speaks and Smith is the relay.
fn name_before(text: &str, toks: &[Token], quote_starts_lower: bool) -> Option<Found> {
    if !quote_starts_lower {
        return None;
    }
    let start = toks
        .iter()
        .rposition(|t| t.text(text) == ",")
        .map_or(0, |i| i + 1);
    let verb = (start..toks.len())
        .rev()
        .find(|&i| is_speech_verb(text, &toks[i]));
    let subject = match verb {
        Some(v) => {
            // The name is the capitalized run at the end of the reported clause.
            let from = (v + 1..toks.len())
                .rev()
                .find(|&i| {
                    is_word(&toks[i])
                        && !toks[i]
                            .text(text)
                            .chars()
                            .next()
                            .is_some_and(char::is_uppercase)
                })
                .map_or(v + 1, |i| i + 1);
            // "told Jones "we ..."": Jones is spoken to, not the speaker.
            let listener = from == v + 1 && is_in(LISTENER_VERBS, &folded(text, &toks[v]));
            // The name must open the reported clause ("said that Jones", "said
            // Jones"): after other words ("changes in Harbour Law") it is a thing.
            let opens_clause = from == v + 1 || folded(text, &toks[from - 1]) == "that";
            if listener || !opens_clause {
                return None;
            }
            &toks[from..]
        }
        None => &toks[start..],
    };
    if subject.is_empty()
        || word_count(subject) > 4
        || subject.iter().any(|t| is_possessive(text, t))
    {
        return None;
    }
    let (p, span) = phrase(text, subject)?;
    if !matches!(p, Phrase::Named(_)) {
        return None;
    }
    Some(Found {
        phrase: p,
        span,
        side: Side::Before,
        relay: verb.and_then(|v| subject_of(text, toks, v)),
    })
}

/// The subject of the speech verb at `verb` in `toks`, back to a comma or "that":
/// "Ana Berg, the port's spokeswoman, told" gives "Ana Berg" (the subject stands
/// before the apposition).
fn subject_of(text: &str, toks: &[Token], verb: usize) -> Option<(Phrase, Range<usize>)> {
    let mut end = verb;
    while end > 0 && is_in(VERB_FILLERS, &folded(text, &toks[end - 1])) {
        end -= 1;
    }
    if end > 0
        && toks[end - 1].text(text) == ","
        && let Some(open) = toks[..end - 1].iter().rposition(|t| t.text(text) == ",")
    {
        end = open;
    }
    let start = toks[..end]
        .iter()
        .rposition(|t| t.text(text) == "," || (is_word(t) && folded(text, t) == "that"))
        .map_or(0, |i| i + 1);
    phrase(text, &toks[start..end])
}

/// `Smith told reporters that the plan was "..."`: the subject of the last speech verb
/// before the quotation. `The paper quoted Jones as saying "..."`: Jones speaks, and
/// the subject of "quoted" relays the words.
fn verb_before(text: &str, toks: &[Token]) -> Option<Found> {
    let verb = (0..toks.len())
        .rev()
        .find(|&i| is_speech_verb(text, &toks[i]))?;
    let as_saying = verb >= 2 && folded(text, &toks[verb - 1]) == "as";
    if as_saying {
        let earlier = (0..verb - 1)
            .rev()
            .find(|&i| is_speech_verb(text, &toks[i]));
        let from = earlier.map_or(0, |e| e + 1);
        let quoted = &toks[from..verb - 1];
        // "Jones was quoted as saying": Jones is the subject of "quoted".
        if word_count(quoted) == 0 {
            let (p, span) = subject_of(text, toks, earlier?)?;
            return Some(Found {
                phrase: p,
                span,
                side: Side::Before,
                relay: None,
            });
        }
        let (p, span) = phrase(text, quoted)?;
        return Some(Found {
            phrase: p,
            span,
            side: Side::Before,
            relay: earlier.and_then(|e| subject_of(text, toks, e)),
        });
    }
    let (phrase, span) = subject_of(text, toks, verb)?;
    Some(Found {
        phrase,
        span,
        side: Side::Before,
        relay: None,
    })
}

/// Finds the attribution of a quotation whose quoted text is `quote` (first to last
/// quoted character) inside paragraphs `first_para` (where it opens) and `last_para`
/// (where it closes).
pub(crate) fn find(
    text: &str,
    quote: Range<usize>,
    first_para: Range<usize>,
    last_para: Range<usize>,
    closed_by_mark: bool,
) -> Option<Found> {
    let inner = text[quote.clone()].trim_end();
    let ended_sentence = inner.ends_with(['.', '!', '?']);
    if closed_by_mark {
        let toks = after_tokens(text, quote.end, last_para.end);
        let next_is_lower = toks
            .iter()
            .find(|t| is_word(t))
            .is_some_and(|t| t.text(text).chars().next().is_some_and(char::is_lowercase));
        if (!ended_sentence || next_is_lower || inner.ends_with(['!', '?']))
            && let Some(found) = after(text, &toks)
        {
            return Some(found);
        }
    }
    let open_at = opening_mark_start(text, quote.start, first_para.start);
    let before = before_tokens(text, first_para.start, open_at);
    let quote_starts_lower = inner.chars().next().is_some_and(char::is_lowercase);
    according_to(text, &before)
        .or_else(|| name_before(text, &before, quote_starts_lower))
        .or_else(|| verb_before(text, &before))
}

/// The byte where the opening mark before `start` begins (or `start` itself when the
/// mark was lost).
fn opening_mark_start(text: &str, start: usize, para_start: usize) -> usize {
    let head = &text[para_start..start];
    let trimmed = head.trim_end();
    match trimmed.chars().last() {
        Some(c) if text::fold_quote(c) == '"' => para_start + trimmed.len() - c.len_utf8(),
        _ => start,
    }
}

#[cfg(test)]
mod tests {
    use super::super::marks;
    use super::*;
    use crate::segment::paragraphs;

    /// The attribution of the first quotation of `t`: (phrase, words as written).
    fn attr(t: &str) -> Option<(Phrase, String, Option<String>)> {
        let paras = paragraphs(t);
        let q = marks::find(t, &paras).into_iter().next()?;
        let r = q.range();
        let para = |pos: usize| {
            paras
                .iter()
                .find(|p| p.start <= pos && pos <= p.end)
                .cloned()
                .expect("inside a paragraph")
        };
        let found = find(t, r.clone(), para(r.start), para(r.end), !q.inferred_close)?;
        Some((
            found.phrase,
            t[found.span].to_string(),
            found.relay.map(|(_, s)| t[s].to_string()),
        ))
    }

    fn words(t: &str) -> String {
        attr(t).map(|(_, w, _)| w).unwrap_or_default()
    }

    #[test]
    fn name_or_pronoun_after_the_quotation() {
        assert_eq!(
            words("“The pier is safe,” Mr. Lund said on Friday."),
            "Mr. Lund"
        );
        assert_eq!(words("“The pier is safe”, she told reporters."), "she");
        assert_eq!(
            words("“The pier is safe,” the harbour master added."),
            "the harbour master"
        );
        assert_eq!(
            words("“The pier is safe,” said Harbour Master Ivo Lund on Friday."),
            "Harbour Master Ivo Lund"
        );
        assert_eq!(
            words("\"We do not want to go,\" one deckhand is quoted saying by the paper."),
            "one deckhand"
        );
    }

    #[test]
    fn a_quotation_ending_its_sentence_takes_no_attribution_from_the_next() {
        assert_eq!(
            words("“The pier is safe.” Lund said the pier would open."),
            ""
        );
    }

    #[test]
    fn according_to_gives_the_source_and_maybe_the_speaker() {
        let (_, w, via) =
            attr("According to Ivo Lund’s read-out, “the pier is safe.”").expect("found");
        assert_eq!((w.as_str(), via), ("Ivo Lund’s read-out", None));
        let (p, w, via) =
            attr("According to Lund, Berg “ordered the pier closed.”").expect("found");
        assert!(matches!(p, Phrase::Named(_)));
        assert_eq!((w.as_str(), via.as_deref()), ("Berg", Some("Lund")));
    }

    #[test]
    fn speech_verb_before_the_quotation() {
        assert_eq!(
            words("Port spokeswoman Ana Berg told local radio that the pier was “perfectly safe.”"),
            "Port spokeswoman Ana Berg"
        );
        assert_eq!(
            words("Mayor Ivo Lund has announced that the ferry will run “very soon”."),
            "Mayor Ivo Lund"
        );
        assert_eq!(
            words("Ana Berg, the port spokeswoman, told the paper that “the pier is safe.”"),
            "Ana Berg"
        );
    }

    fn relay(t: &str) -> Option<String> {
        attr(t).and_then(|(_, _, via)| via)
    }

    #[test]
    fn a_name_after_a_speech_verb_speaks_and_the_verb_subject_relays() {
        let t = "Port spokeswoman Ana Berg, travelling with the mayor, told reporters that \
                 Lund “believes the pier is safe.”";
        assert_eq!(words(t), "Lund");
        assert_eq!(relay(t).as_deref(), Some("Port spokeswoman Ana Berg"));
        let t = "Berg said Mayor Ivo Lund “will not close the pier.”";
        assert_eq!(words(t), "Mayor Ivo Lund");
        assert_eq!(relay(t).as_deref(), Some("Berg"));
    }

    #[test]
    fn quoted_as_saying_gives_the_speaker_and_the_relay() {
        let t = "The Harbour Gazette quoted Ivo Lund as saying “the pier is safe.”";
        assert_eq!(words(t), "Ivo Lund");
        assert_eq!(relay(t).as_deref(), Some("The Harbour Gazette"));
        let t = "Ivo Lund was quoted as saying “the pier is safe.”";
        assert_eq!(words(t), "Ivo Lund");
        assert_eq!(relay(t), None);
    }

    #[test]
    fn according_to_after_the_attribution_is_a_relay() {
        let t = "“The pier is safe,” Lund said, according to Ana Berg.";
        assert_eq!(words(t), "Lund");
        assert_eq!(relay(t).as_deref(), Some("Ana Berg"));
        let t = "“The pier is safe,” said Ivo Lund, according to an aide.";
        assert_eq!(words(t), "Ivo Lund");
        assert_eq!(relay(t).as_deref(), Some("an aide"));
    }

    #[test]
    fn a_speaker_reported_after_the_quotation_speaks_and_the_first_relays() {
        let t = "“The pier is safe,” Ana Berg said Lund told her.";
        assert_eq!(words(t), "Lund");
        assert_eq!(relay(t).as_deref(), Some("Ana Berg"));
        let t = "“The pier is safe,” the Harbour Gazette quoted Ivo Lund as saying.";
        assert_eq!(words(t), "Ivo Lund");
        assert_eq!(relay(t).as_deref(), Some("the Harbour Gazette"));
        // Without a second speaker the first one speaks.
        let t = "“The pier is safe,” Ana Berg said on Monday.";
        assert_eq!((words(t).as_str(), relay(t)), ("Ana Berg", None));
    }

    #[test]
    fn according_to_x_y_said_gives_y_as_the_speaker() {
        let (p, w, via) =
            attr("According to Ana Berg, Lund said “the pier is safe.”").expect("found");
        assert!(matches!(p, Phrase::Named(_)));
        assert_eq!((w.as_str(), via.as_deref()), ("Lund", Some("Ana Berg")));
    }

    #[test]
    fn a_listener_a_possession_or_a_thing_before_a_quotation_does_not_speak() {
        // Lund is spoken to.
        assert_eq!(words("Berg told Lund “we will reopen the pier.”"), "Berg");
        // Lund owns the plan: nobody is said to speak.
        assert_eq!(words("Critics mocked Lund’s “floating pier” plan."), "");
        // A capitalized thing at the end of the reported clause is not its subject.
        let t = "Berg said the changes in Harbour Law “will protect the pier.”";
        assert_eq!(words(t), "Berg");
        assert_eq!(relay(t), None);
    }

    #[test]
    fn no_attribution_for_a_scare_quote() {
        assert_eq!(
            words("The plan was called “the big dig” by locals in the port."),
            ""
        );
    }
}

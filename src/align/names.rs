//! Names as evidence against reuse.
//!
//! Sentences built on one template about other people, places or organisations ("The
//! harbour board of Velden cut its fees on Monday" / "The harbour board of Osterby cut
//! its fees on Monday") share their function words and many content words, and so
//! look like an edited copy to any word-overlap measure. What tells them apart is the
//! names: a copy keeps at least one name of its original, or spells it nearly alike (a
//! transliteration, a possessive), while the template sentence names others. So two
//! sentences that both name someone or something and share no name are not reuse.
//!
//! A name is a capitalized word that its document never writes in lower case (so a
//! title also written in lower case is not one); opening a sentence or a quotation,
//! where any word is capitalized, it must also be capitalized inside a sentence
//! somewhere in the document. Stop words, figures, weekdays and months are not names:
//! dates are figures, and a changed date in copied text is a discrepancy to report,
//! not a sign of another event. Nor are titles and institution words ("Governor",
//! "Ministry"), which sentences about any event share.

use super::units::{is_weak, key_of};
use crate::document::Document;
use crate::quotes::is_title_word;
use crate::text::{self, Token, TokenKind};

/// What one document says about its capitalized words: the keys it writes in lower
/// case, and the keys it capitalizes inside a sentence (not as its first word).
#[derive(Debug, Default, Clone)]
pub(crate) struct DocNames {
    lowercase: Vec<u32>,
    inside: Vec<u32>,
}

/// A capitalized word that may be a name, before its whole document has been read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// The word's key.
    pub(crate) key: u32,
    /// True when it opens a sentence or a quotation.
    opening: bool,
    /// The word folded.
    pub(crate) folded: String,
}

impl DocNames {
    /// Reads the body sentences of a document.
    pub(crate) fn of(doc: &Document<'_>) -> DocNames {
        let text = doc.text();
        let mut names = DocNames::default();
        for (_, s) in doc.body_sentences() {
            let tokens = text::tokenize(text, s.range());
            let keys: Vec<Option<u32>> = tokens
                .iter()
                .map(|t| key_of(t.kind, t.text(text)))
                .collect();
            names.read(text, &tokens, &keys);
        }
        names.finish();
        names
    }

    /// Reads one sentence of the document (`keys[i]` is the key of `tokens[i]`).
    pub(crate) fn read(&mut self, text: &str, tokens: &[Token], keys: &[Option<u32>]) {
        for (i, (t, key)) in tokens.iter().zip(keys).enumerate() {
            let Some(key) = *key else {
                continue;
            };
            if t.kind != TokenKind::Word {
                continue;
            }
            let first = t.text(text).chars().next();
            if first.is_some_and(char::is_lowercase) {
                self.lowercase.push(key);
            } else if first.is_some_and(char::is_uppercase) && !opens(text, tokens, i) {
                self.inside.push(key);
            }
        }
    }

    /// Ends reading: lookups work from here on.
    pub(crate) fn finish(&mut self) {
        for keys in [&mut self.lowercase, &mut self.inside] {
            keys.sort_unstable();
            keys.dedup();
            keys.shrink_to_fit();
        }
    }

    /// `tokens[i]` (with key `key`) as a possible name: a capitalized word that is not
    /// a stop word, weekday, month, title or institution word ("Governor", "Ministry":
    /// every event has them).
    pub(crate) fn candidate(text: &str, tokens: &[Token], i: usize, key: u32) -> Option<Candidate> {
        let t = &tokens[i];
        let raw = t.text(text);
        let capitalized = raw.chars().next().is_some_and(char::is_uppercase);
        if t.kind != TokenKind::Word || !capitalized || is_weak(key) {
            return None;
        }
        let folded = text::fold(raw);
        let generic =
            text::is_calendar_word(&folded) || is_title_word(folded.trim_end_matches('.'));
        (!generic).then(|| Candidate {
            key,
            opening: opens(text, tokens, i),
            folded,
        })
    }

    /// True when the document makes a candidate a name: it never writes the word in
    /// lower case, and it capitalizes it inside a sentence when the candidate opens a
    /// sentence or a quotation (where any word is capitalized).
    pub(crate) fn accepts(&self, c: &Candidate) -> bool {
        self.lowercase.binary_search(&c.key).is_err()
            && (!c.opening || self.inside.binary_search(&c.key).is_ok())
    }

    /// The folded text of `tokens[i]` when it is a name (see [`DocNames::candidate`]
    /// and [`DocNames::accepts`]).
    pub(crate) fn name(&self, text: &str, tokens: &[Token], i: usize, key: u32) -> Option<String> {
        DocNames::candidate(text, tokens, i, key)
            .filter(|c| self.accepts(c))
            .map(|c| c.folded)
    }
}

/// True when `tokens[i]` opens its sentence or a quotation (or follows a colon), where
/// any word is capitalized.
fn opens(text: &str, tokens: &[Token], i: usize) -> bool {
    let before = tokens[..i]
        .iter()
        .rev()
        .find(|t| !matches!(t.text(text), "(" | "[" | "‘" | "'"));
    match before {
        None => true,
        Some(p) => {
            p.kind == TokenKind::Punct
                && matches!(
                    text::fold_quote(p.text(text).chars().next().unwrap_or(' ')),
                    '"' | ':' | '—' | '-'
                )
        }
    }
}

/// True when two lists of names (key, folded text) are both non-empty and share no
/// name, nor a near spelling of one: the same template about others, not reuse.
pub(crate) fn other_names_in(a: &[(u32, &str)], b: &[(u32, &str)]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a.iter().any(|x| b.iter().any(|y| x.0 == y.0)) {
        return false;
    }
    !a.iter().any(|x| b.iter().any(|y| alike(x.1, y.1)))
}

/// True when two folded names are spelled nearly alike: one is the other with an
/// ending ("marlow" / "marlow's"), or a transliteration ("aleksandrov" / "alexandrov").
fn alike(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.min(lb) >= 3 && (a.starts_with(b) || b.starts_with(a)) {
        return true;
    }
    la.min(lb) >= 4
        && a.chars().next() == b.chars().next()
        && strsim::normalized_levenshtein(a, b) >= 0.75
        && strsim::jaro_winkler(a, b) >= 0.88
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names of each sentence, read over all the sentences as one document.
    fn table(sentences: &[&str]) -> Vec<Vec<(u32, String)>> {
        let text = sentences.join(" ");
        let mut tokenized = Vec::new();
        let mut at = 0;
        for s in sentences {
            let tokens = text::tokenize(&text, at..at + s.len());
            let keys: Vec<Option<u32>> = tokens
                .iter()
                .map(|t| key_of(t.kind, t.text(&text)))
                .collect();
            tokenized.push((tokens, keys));
            at += s.len() + 1;
        }
        let mut doc = DocNames::default();
        for (tokens, keys) in &tokenized {
            doc.read(&text, tokens, keys);
        }
        doc.finish();
        tokenized
            .iter()
            .map(|(tokens, keys)| {
                (0..tokens.len())
                    .filter_map(|i| {
                        let key = keys[i]?;
                        doc.name(&text, tokens, i, key).map(|n| (key, n))
                    })
                    .collect()
            })
            .collect()
    }

    fn other_names(a: &[(u32, String)], b: &[(u32, String)]) -> bool {
        let list = |x: &[(u32, String)]| -> Vec<(u32, String)> { x.to_vec() };
        let (a, b) = (list(a), list(b));
        let a: Vec<(u32, &str)> = a.iter().map(|(k, n)| (*k, n.as_str())).collect();
        let b: Vec<(u32, &str)> = b.iter().map(|(k, n)| (*k, n.as_str())).collect();
        other_names_in(&a, &b)
    }

    #[test]
    fn names_exclude_common_words_dates_titles_and_stop_words() {
        let t = table(&[
            "Despite the storm, The harbour board of Velden met Governor Lisko on Monday.",
            "despite warnings, the board met.",
            "Velden said: “Harbour fees will fall.” Osterby agreed.",
            "Harbour fees went up at Osterby and Velden.",
        ]);
        let spelled = |u: usize| t[u].iter().map(|(_, n)| n.clone()).collect::<Vec<_>>();
        assert_eq!(spelled(0), vec!["velden", "lisko"]);
        // A capital opening a sentence or a quotation makes a name only when the
        // document capitalizes the word inside a sentence too.
        assert_eq!(spelled(2), vec!["velden", "osterby"]);
        assert_eq!(spelled(3), vec!["osterby", "velden"]);
    }

    #[test]
    fn the_same_template_about_other_places_has_other_names() {
        let t = table(&[
            "The harbour board of Velden cut its fees for fishing boats on Monday.",
            "The harbour board of Osterby cut its fees for fishing boats on Monday.",
            "The harbour board of Velden’s port cut its fees for fishing boats on Monday.",
            "The harbour board cut its fees for fishing boats on Monday.",
            "The harbour board of Aleksandrovsk cut its fees for fishing boats.",
            "The harbour board of Alexandrovsk cut its fees for fishing boats.",
        ]);
        assert!(other_names(&t[0], &t[1]));
        // A possessive, a transliteration, or no name on one side is not a conflict.
        assert!(!other_names(&t[0], &t[2]));
        assert!(!other_names(&t[4], &t[5]));
        assert!(!other_names(&t[0], &t[3]));
        assert!(!other_names(&t[0], &t[0]));
    }
}

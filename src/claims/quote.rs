//! Quotation claims: "NAME said that WORDS", "NAME said: “WORDS”" or
//! "“WORDS,” NAME said". The words are looked for among the quotations the
//! sources print, and the speaker among their speakers.

use crate::quotes;

/// What a quotation claim says: who said which words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteClaim {
    /// The speaker as the claim names them, when a person name is found.
    pub speaker: Option<String>,
    /// The words said.
    pub words: String,
}

/// Verbs that introduce reported speech.
const SAYING: &[&str] = &[
    "said", "says", "told", "stated", "declared", "added", "insisted", "warned", "claimed",
];

/// Reads a claim as a quotation claim, `None` when it is not one.
pub fn parse(claim: &str) -> Option<QuoteClaim> {
    if let Some((words, outside)) = quoted(claim) {
        let speaker = speaker_in(&outside);
        return (words.split_whitespace().count() >= 3).then_some(QuoteClaim { speaker, words });
    }
    // "NAME said (that) WORDS": the saying verb after a person's name.
    let tokens: Vec<(usize, &str)> = claim
        .split_whitespace()
        .scan(0usize, |pos, w| {
            let start = claim[*pos..].find(w).map_or(*pos, |i| *pos + i);
            *pos = start + w.len();
            Some((start, w))
        })
        .collect();
    let &(start, verb) = tokens.iter().find(|(_, w)| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        SAYING.contains(&w.as_str())
    })?;
    let name = claim[..start].trim().trim_end_matches(',');
    let speaker = quotes::person_name(name)?;
    let mut rest = claim[start + verb.len()..].trim_start_matches([':', ',', ' ']);
    // "told reporters that": skip the hearer.
    if verb.eq_ignore_ascii_case("told")
        && let Some(i) = rest.find(" that ")
    {
        rest = &rest[i + 1..];
    }
    let rest = rest.strip_prefix("that ").unwrap_or(rest);
    let words = rest.trim().trim_end_matches('.').trim().to_string();
    (words.split_whitespace().count() >= 3).then_some(QuoteClaim {
        speaker: Some(speaker),
        words,
    })
}

/// The text between the first pair of quotation marks, and the text outside.
fn quoted(claim: &str) -> Option<(String, String)> {
    let open = claim.find(['"', '“', '«', '„'])?;
    let mark = claim[open..].chars().next()?;
    let close_marks: &[char] = match mark {
        '“' | '„' => &['”', '“', '"'],
        '«' => &['»'],
        _ => &['"', '”'],
    };
    let inner_start = open + mark.len_utf8();
    let len = claim[inner_start..].find(close_marks)?;
    let inner = &claim[inner_start..inner_start + len];
    let after = inner_start + len + claim[inner_start + len..].chars().next()?.len_utf8();
    let outside = format!("{} {}", &claim[..open], &claim[after..]);
    let words = inner.trim().trim_end_matches([',', '.', ' ']).to_string();
    Some((words, outside))
}

/// A person named next to a saying verb in the text outside the quotation.
fn speaker_in(outside: &str) -> Option<String> {
    let cleaned: String = outside
        .split_whitespace()
        .filter(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            !SAYING.contains(&w.as_str()) && w != "that" && !w.is_empty()
        })
        .collect::<Vec<_>>()
        .join(" ");
    let cleaned = cleaned.trim_matches(|c: char| !c.is_alphanumeric());
    quotes::person_name(cleaned)
}

/// The words of `text` folded to lower case, letters and digits only.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The share of the claim's words that a quotation holds (each word counted once):
/// 1 when every word of the claim is in the quotation.
pub fn coverage(claim_words: &[String], quotation: &str) -> f64 {
    if claim_words.is_empty() {
        return 0.0;
    }
    let q = words(quotation);
    let found = claim_words.iter().filter(|w| q.contains(w)).count();
    found as f64 / claim_words.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_reported_speech() {
        let q = parse("Maria Olsen said that the harbour will reopen next spring.").unwrap();
        assert_eq!(
            q.speaker.as_deref().map(|s| s.contains("Olsen")),
            Some(true)
        );
        assert_eq!(q.words, "the harbour will reopen next spring");
    }

    #[test]
    fn reads_a_quotation_in_marks_either_side() {
        let q = parse("“We will rebuild every bridge,” Tomas Berg said.").unwrap();
        assert_eq!(q.words, "We will rebuild every bridge");
        assert!(q.speaker.unwrap().contains("Berg"));
        let q = parse("Tomas Berg said: \"We will rebuild every bridge.\"").unwrap();
        assert_eq!(q.words, "We will rebuild every bridge");
        assert!(q.speaker.unwrap().contains("Berg"));
    }

    #[test]
    fn a_plain_statement_is_not_a_quotation_claim() {
        assert_eq!(parse("Ten boats sank in the storm."), None);
        assert_eq!(parse("The storm said nothing good about the season."), None);
    }

    #[test]
    fn coverage_counts_the_claims_words() {
        let w = words("the harbour will reopen");
        assert_eq!(coverage(&w, "The harbour will reopen in spring"), 1.0);
        assert_eq!(coverage(&w, "The harbour stays shut"), 0.5);
    }
}

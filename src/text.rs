//! Tokens with byte spans, and the normalizations that later stages compare on.
//!
//! As in a search engine's analysis chain, normalization never moves a token: each
//! [`Token`] keeps the byte span of the characters it came from, and output always
//! prints those original characters.

use std::ops::Range;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum TokenKind {
    /// Letters (and digits mixed with letters, as in "G20" or "Su-27"), with inner
    /// apostrophes and hyphens.
    Word,
    /// A number written in digits, with its thousands separators and decimal point
    /// ("12,500", "7.6"; "1960s" is a word).
    Number,
    /// Any other visible character, one per token.
    Punct,
}

/// A token: its kind and its byte span in the text it was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Token {
    /// Start byte offset (inclusive) in the source text.
    pub start: usize,
    /// End byte offset (exclusive) in the source text.
    pub end: usize,
    /// Word, number or punctuation.
    pub kind: TokenKind,
}

impl Token {
    /// The original characters of the token.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// The byte range of the token.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '‑')
}

/// Splits `text[range]` into tokens. Spans are offsets into `text`, not into the range.
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    let base = range.start;
    let slice = &text[range];
    let mut out = Vec::new();
    let mut iter = slice.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            let mut has_letter = c.is_alphabetic();
            let mut prev = c;
            while let Some(&(j, d)) = iter.peek() {
                let numeric_sep = matches!(d, ',' | '.') && prev.is_ascii_digit() && !has_letter;
                if d.is_alphanumeric() {
                    has_letter |= d.is_alphabetic();
                } else if is_joiner(d) || numeric_sep {
                    // Keep the joiner only when a letter or digit follows it.
                    let next = slice[j + d.len_utf8()..].chars().next();
                    let ok = match next {
                        Some(n) if numeric_sep => n.is_ascii_digit(),
                        Some(n) => n.is_alphanumeric(),
                        None => false,
                    };
                    if !ok {
                        break;
                    }
                } else {
                    break;
                }
                prev = d;
                end = j + d.len_utf8();
                iter.next();
            }
            let kind = if has_letter {
                TokenKind::Word
            } else {
                TokenKind::Number
            };
            out.push(Token {
                start: base + i,
                end: base + end,
                kind,
            });
        } else {
            out.push(Token {
                start: base + i,
                end: base + i + c.len_utf8(),
                kind: TokenKind::Punct,
            });
        }
    }
    out
}

/// Folds a word for comparison: lower case, curly apostrophes and unusual hyphens
/// made plain.
pub fn fold(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '’' | '‘' | 'ʼ' => '\'',
            '‐' | '‑' | '–' | '—' => '-',
            c => c,
        })
        .collect()
}

/// Folds a quotation mark of any style to `"` (double) or `'` (single), and leaves
/// other characters as they are.
pub fn fold_quote(c: char) -> char {
    match c {
        '“' | '”' | '„' | '‟' | '«' | '»' | '″' => '"',
        '‘' | '’' | '‚' | '‛' | '‹' | '›' | '′' => '\'',
        c => c,
    }
}

/// The month number (1-12) of a folded English month name or its abbreviation
/// ("march", "mar", "sept"); a final period is ignored.
pub fn month_number(folded: &str) -> Option<u32> {
    Some(match folded.strip_suffix('.').unwrap_or(folded) {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sept" | "sep" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Weekday names and abbreviations, folded. Sorted, so that lookup is a binary
/// search.
pub const WEEKDAY_WORDS: &[&str] = &[
    "fri",
    "friday",
    "mon",
    "monday",
    "sat",
    "saturday",
    "sun",
    "sunday",
    "thu",
    "thur",
    "thurs",
    "thursday",
    "tue",
    "tues",
    "tuesday",
    "wed",
    "wednesday",
];

/// True for a month or weekday name or abbreviation (folded): a date word, never a
/// name.
pub fn is_calendar_word(folded: &str) -> bool {
    month_number(folded).is_some() || WEEKDAY_WORDS.binary_search(&folded).is_ok()
}

/// Number words that are figures in news text ("four patrol boats", "two weeks").
/// "one" is left out: it is far more often a pronoun ("one of the").
/// Sorted, so that lookup is a binary search.
pub const NUMBER_WORDS: &[&str] = &[
    "billion",
    "dozen",
    "dozens",
    "eight",
    "eighteen",
    "eighty",
    "eleven",
    "fifteen",
    "fifty",
    "five",
    "forty",
    "four",
    "fourteen",
    "hundred",
    "hundreds",
    "million",
    "millions",
    "nine",
    "nineteen",
    "ninety",
    "seven",
    "seventeen",
    "seventy",
    "six",
    "sixteen",
    "sixty",
    "ten",
    "thirteen",
    "thirty",
    "thousand",
    "thousands",
    "three",
    "trillion",
    "twelve",
    "twenty",
    "two",
];

/// Very common English words that say nothing about what a sentence is about.
/// Sorted, so that lookup is a binary search.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "it's",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
];

/// True when the folded word is a stop word.
pub fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.binary_search(&folded).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<(&str, TokenKind)> {
        tokenize(s, 0..s.len())
            .into_iter()
            .map(|t| (t.text(s), t.kind))
            .collect()
    }

    #[test]
    fn word_lists_are_sorted_and_calendar_words_are_known() {
        for list in [STOP_WORDS, NUMBER_WORDS, WEEKDAY_WORDS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        assert!(is_calendar_word("tues") && is_calendar_word("sept"));
        assert!(!is_calendar_word("monsoon"));
    }

    #[test]
    fn splits_words_numbers_and_punctuation_with_spans() {
        use TokenKind::*;
        assert_eq!(
            words("About 1,500 people’s homes, said Gen. Smith-Jones."),
            vec![
                ("About", Word),
                ("1,500", Number),
                ("people’s", Word),
                ("homes", Word),
                (",", Punct),
                ("said", Word),
                ("Gen", Word),
                (".", Punct),
                ("Smith-Jones", Word),
                (".", Punct),
            ]
        );
    }

    #[test]
    fn keeps_decimals_and_model_names_whole() {
        use TokenKind::*;
        assert_eq!(
            words("7.6 F-16 G7"),
            vec![("7.6", Number), ("F-16", Word), ("G7", Word)]
        );
        assert_eq!(
            words("in 2014."),
            vec![("in", Word), ("2014", Number), (".", Punct)]
        );
        assert_eq!(
            words("1,2,3, go"),
            vec![("1,2,3", Number), (",", Punct), ("go", Word)]
        );
    }

    #[test]
    fn spans_are_offsets_into_the_whole_text() {
        let s = "xx “Hi” there";
        let toks = tokenize(s, 3..s.len());
        assert_eq!(toks[0].text(s), "“");
        assert_eq!(toks[1].text(s), "Hi");
    }

    #[test]
    fn folds_case_quotes_and_dashes() {
        assert_eq!(fold("People’s‑Front"), "people's-front");
        assert_eq!(fold_quote('“'), '"');
        assert_eq!(fold_quote('’'), '\'');
    }

    #[test]
    fn months_by_name_and_abbreviation() {
        assert_eq!(month_number("march"), Some(3));
        assert_eq!(month_number("sept."), Some(9));
        assert_eq!(month_number("dec"), Some(12));
        assert_eq!(month_number("marching"), None);
    }

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stop_word("the"));
        assert!(!is_stop_word("killed"));
    }
}

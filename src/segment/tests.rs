//! Unit tests of the segmenter on sentences written for them (invented events).

use super::*;

/// The sentences of `text`, taking the whole text through both stages.
fn split(text: &str) -> Vec<&str> {
    let paras = paragraphs(text);
    sentences(text, &paras)
        .into_iter()
        .map(|(r, _)| &text[r])
        .collect()
}

#[test]
fn splits_plain_sentences() {
    assert_eq!(
        split("The ferry left at noon. It returned at dusk! Was anyone aboard?"),
        [
            "The ferry left at noon.",
            "It returned at dusk!",
            "Was anyone aboard?"
        ]
    );
}

#[test]
fn titles_and_initials_do_not_end_sentences() {
    assert_eq!(
        split("Mr. Lindqvist met Dr. Amara Osei and Gen. Paul T. Renner on Monday."),
        ["Mr. Lindqvist met Dr. Amara Osei and Gen. Paul T. Renner on Monday."]
    );
    assert_eq!(
        split("The novel by M. E. R. Halloway sold well. Critics were kind."),
        [
            "The novel by M. E. R. Halloway sold well.",
            "Critics were kind."
        ]
    );
}

#[test]
fn dotted_abbreviations_end_a_sentence_only_before_an_opener() {
    assert_eq!(
        split("The U.S. Coast Guard arrived. The storm passed over the U.S. It weakened."),
        [
            "The U.S. Coast Guard arrived.",
            "The storm passed over the U.S.",
            "It weakened."
        ]
    );
    assert_eq!(
        split(
            "The vote closes at 8 p.m. Central time. Counting starts at 9 p.m. The result follows."
        ),
        [
            "The vote closes at 8 p.m. Central time.",
            "Counting starts at 9 p.m.",
            "The result follows."
        ]
    );
}

#[test]
fn dates_numbers_and_decimals_stay_whole() {
    assert_eq!(
        split("On Oct. 4 the index rose 2.75 points to 1,204.50, and No. 3 fell."),
        ["On Oct. 4 the index rose 2.75 points to 1,204.50, and No. 3 fell."]
    );
}

#[test]
fn quotations_closing_after_the_period() {
    assert_eq!(
        split("She wrote: \u{201c}We are done.\u{201d} Then she resigned."),
        [
            "She wrote: \u{201c}We are done.\u{201d}",
            "Then she resigned."
        ]
    );
    assert_eq!(
        split("\"Hold the line,\" the captain said. \"Why?\" asked the mate."),
        [
            "\"Hold the line,\" the captain said.",
            "\"Why?\" asked the mate."
        ]
    );
    assert_eq!(
        split("\u{201c}We will rebuild.\u{201d} Mayor Ostrova said."),
        ["\u{201c}We will rebuild.\u{201d} Mayor Ostrova said."]
    );
}

#[test]
fn ellipses_split_only_before_a_capital() {
    assert_eq!(
        split("We hoped for... a miracle. It waited... Then it rained."),
        [
            "We hoped for... a miracle.",
            "It waited...",
            "Then it rained."
        ]
    );
}

#[test]
fn glued_sentences_split_but_links_do_not() {
    assert_eq!(
        split("The port closed.Nobody knew why. See example.org for details."),
        [
            "The port closed.",
            "Nobody knew why.",
            "See example.org for details."
        ]
    );
}

#[test]
fn lower_case_after_an_ordinary_word_is_a_boundary_in_sloppy_copy() {
    assert_eq!(
        split("The talks failed. negotiators left, e.g. the envoy and the aides."),
        [
            "The talks failed.",
            "negotiators left, e.g. the envoy and the aides."
        ]
    );
}

#[test]
fn sentences_never_cross_lines_in_unwrapped_text() {
    assert_eq!(
        split("Flood Waters Recede\nResidents returned home on Sunday. Roads reopened.\n"),
        [
            "Flood Waters Recede",
            "Residents returned home on Sunday.",
            "Roads reopened."
        ]
    );
}

#[test]
fn sentences_are_trimmed_on_char_boundaries_with_paragraph_indices() {
    let text =
        "  \u{201c}Caf\u{e9} closed.\u{201d}  \r\n\r\nThe owner \u{2014} a chef \u{2014} left.  ";
    let paras = paragraphs(text);
    let got = sentences(text, &paras);
    assert_eq!(got.len(), 2);
    for (r, p) in &got {
        let s = &text[r.clone()];
        assert_eq!(s, s.trim());
        assert!(paras[*p].start <= r.start && r.end <= paras[*p].end);
    }
    assert_eq!(got[1].1, 1);
}

#[test]
fn odd_input_does_not_panic() {
    for text in [
        "",
        ".",
        "...",
        ". . .",
        "\u{201d}.",
        "?!",
        "a.",
        "\u{2026}\u{2026}",
        "1. ",
        "#",
    ] {
        let paras = paragraphs(text);
        for (r, _) in sentences(text, &paras) {
            assert!(text.get(r).is_some());
        }
    }
}

/// Checks the invariants every caller relies on: paragraphs trimmed, non-empty and
/// ordered; sentences trimmed, ordered, non-overlapping and inside their paragraph.
fn assert_invariants(text: &str) {
    let paras = paragraphs(text);
    let mut last = 0;
    for p in &paras {
        let t = text.get(p.clone()).expect("paragraph on char boundaries");
        assert!(
            !t.is_empty() && t == t.trim() && p.start >= last,
            "{text:?}"
        );
        last = p.end;
    }
    let mut last = 0;
    for (r, i) in sentences(text, &paras) {
        let t = text.get(r.clone()).expect("sentence on char boundaries");
        assert!(
            !t.is_empty() && t == t.trim() && r.start >= last,
            "{text:?}"
        );
        assert!(
            paras[i].start <= r.start && r.end <= paras[i].end,
            "{text:?}"
        );
        last = r.end;
    }
}

#[test]
fn invariants_hold_on_generated_text() {
    const PIECES: &[&str] = &[
        "word",
        "Word",
        "U.S.",
        "Mr.",
        "p.m.",
        "A.",
        "3.5",
        "1.",
        "(a)",
        " ",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\n\n",
        "\r",
        ".",
        "...",
        ". . .",
        "?!",
        "!",
        "\u{201c}",
        "\u{201d}",
        "\"",
        "'",
        "\u{2019}",
        ")",
        "(",
        "[",
        "]",
        "\u{2026}",
        "\u{2014}",
        "\u{e9}",
        "\u{a0}",
        "# ",
        "- ",
        "\u{2022} ",
        "2.) ",
        "caf\u{e9}",
        "said",
        "The",
        "etc.",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for _ in 0..3000 {
        let mut text = String::new();
        let len = (seed >> 59) as usize + 1;
        for _ in 0..len * 3 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
        }
        assert_invariants(&text);
    }
}

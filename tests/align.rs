//! Alignment on the sample corpus and on fixtures: reused passages, their kinds,
//! diffs and figure changes, and what must not be reported.

use claimdiff::align::{self, AlignOptions, Alignment, EditOp, Passage, PassageKind};
use claimdiff::{Corpus, prepare};

use crate::util::root;

const OUTLET_A: &str = "000_1703b7b2bb6baa3b";
const AFP_HT: &str = "002_9d7f267a3ae22dc7";
const NYT: &str = "004_b784489694a573a3";

fn run(corpus: &Corpus, opts: &AlignOptions) -> Alignment {
    align::align(&prepare(corpus), opts)
}

fn fixture_corpus(dir: &str) -> Corpus {
    let corpus = Corpus::load(&[root().join("tests/fixtures/align").join(dir)]);
    assert!(corpus.diagnostics.is_empty(), "{:?}", corpus.diagnostics);
    corpus
}

fn id_of(corpus: &Corpus, source: usize) -> &str {
    &corpus.sources[source].id
}

/// The text of each occurrence, with its source id.
fn texts<'c>(corpus: &'c Corpus, p: &Passage) -> Vec<(&'c str, &'c str)> {
    p.occurrences
        .iter()
        .map(|o| {
            (
                id_of(corpus, o.source),
                &corpus.sources[o.source].text[o.start..o.end],
            )
        })
        .collect()
}

/// The passages with an occurrence containing `needle` in source `id`.
fn passages_with<'a>(
    corpus: &Corpus,
    a: &'a Alignment,
    id: &str,
    needle: &str,
) -> Vec<&'a Passage> {
    a.passages
        .iter()
        .filter(|p| {
            texts(corpus, p)
                .iter()
                .any(|(s, t)| *s == id && t.contains(needle))
        })
        .collect()
}

#[test]
fn seeds_kerry_quote_is_one_passage_in_both_outlets_with_its_speaker() {
    let corpus = Corpus::sample();
    let a = run(&corpus, &AlignOptions::default());
    let found = passages_with(
        &corpus,
        &a,
        OUTLET_A,
        "Our focus remains on destroying ISIL",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    let p = found[0];
    assert_eq!(p.kind, PassageKind::Quote);
    assert_eq!(p.speaker.as_deref(), Some("John Kerry"));
    let t = texts(&corpus, p);
    assert_eq!(t.len(), 2, "{t:?}");
    assert_eq!(t[0].0, OUTLET_A);
    assert_eq!(t[1].0, NYT);
    for (_, text) in &t {
        assert!(
            text.starts_with("Our focus remains on destroying ISIL"),
            "{text}"
        );
        assert!(text.contains("find a common ground"), "{text}");
    }
    // The NYT page lost the opening quotation mark; the words are the same.
    assert!(p.similarity > 0.99);
}

#[test]
fn seeds_hammond_quote_is_one_passage_with_the_attribution_edit() {
    let corpus = Corpus::sample();
    let a = run(&corpus, &AlignOptions::default());
    let found = passages_with(
        &corpus,
        &a,
        NYT,
        "We are not saying Assad and all his cronies",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    let p = found[0];
    assert_eq!(p.kind, PassageKind::Quote);
    assert_eq!(p.speaker.as_deref(), Some("Philip Hammond"));
    let ids: Vec<&str> = texts(&corpus, p).iter().map(|(s, _)| *s).collect();
    assert_eq!(ids, vec![OUTLET_A, NYT]);
    // One outlet writes "he said", the other "Mr. Hammond told a parliamentary
    // committee": shown as a word edit inside the quoted passage.
    let edits = &p.diffs[0].edits;
    let replaced = edits
        .iter()
        .find(|e| e.op == EditOp::Replace)
        .expect("a replacement");
    assert_eq!(
        replaced.a.as_ref().map(|s| s.text.as_str()),
        Some("he said")
    );
    assert_eq!(
        replaced.b.as_ref().map(|s| s.text.as_str()),
        Some("Mr. Hammond told a parliamentary committee")
    );
}

#[test]
fn seeds_agency_paragraphs_reused_with_edits_show_which_words_changed() {
    let corpus = Corpus::sample();
    let a = run(&corpus, &AlignOptions::default());
    let found = passages_with(
        &corpus,
        &a,
        OUTLET_A,
        "the US-led coalition of Western and Arab allies",
    );
    assert_eq!(found.len(), 1);
    let p = found[0];
    assert_eq!(p.kind, PassageKind::Edited);
    let ids: Vec<&str> = texts(&corpus, p).iter().map(|(s, _)| *s).collect();
    assert_eq!(ids, vec![OUTLET_A, AFP_HT]);
    let d = &p.diffs[0];
    let change = d
        .edits
        .iter()
        .find(|e| e.op == EditOp::Replace)
        .expect("a replacement");
    assert_eq!(change.a.as_ref().map(|s| s.text.as_str()), Some("US-led"));
    assert_eq!(
        change.b.as_ref().map(|s| s.text.as_str()),
        Some("United States and a")
    );
    // Every edit points at the exact characters of its source.
    for e in &d.edits {
        for (side, occ) in [(&e.a, &p.occurrences[d.a]), (&e.b, &p.occurrences[d.b])] {
            if let Some(s) = side {
                assert_eq!(&corpus.sources[occ.source].text[s.start..s.end], s.text);
                assert!(occ.start <= s.start && s.end <= occ.end);
            }
        }
    }
    let rivals = passages_with(&corpus, &a, AFP_HT, "the rivals find themselves enmeshed");
    assert_eq!(rivals.len(), 1);
    assert_eq!(rivals[0].kind, PassageKind::Edited);
}

#[test]
fn seeds_nothing_merely_topical_is_reuse() {
    let corpus = Corpus::sample();
    let a = run(&corpus, &AlignOptions::default());
    // 001 reports the same phone call in its own words (sharing only the words it
    // quotes from the Pentagon read-out), and 003 is about another year's truce: same
    // names, no shared reporting.
    for p in &a.passages {
        let ids: Vec<&str> = texts(&corpus, p).iter().map(|(s, _)| *s).collect();
        assert!(
            !ids.iter().any(|s| s.starts_with("003")),
            "{:?}",
            texts(&corpus, p)
        );
        if ids.iter().any(|s| s.starts_with("001")) {
            assert_eq!(p.kind, PassageKind::Quote, "{:?}", texts(&corpus, p));
        }
        assert!(p.similarity >= 0.6, "{p:#?}");
        let mut sources: Vec<usize> = p.occurrences.iter().map(|o| o.source).collect();
        sources.dedup();
        assert!(sources.len() >= 2);
    }
    assert!(a.passages.len() >= 6, "{}", a.passages.len());
}

#[test]
fn seeds_aligned_sentences_are_exposed_for_the_figure_comparison() {
    let corpus = Corpus::sample();
    let docs = prepare(&corpus);
    let a = align::align(&docs, &AlignOptions::default());
    assert!(!a.sentences.is_empty());
    for s in &a.sentences {
        assert!(s.a < s.b);
        assert_ne!(s.a.source, s.b.source);
        assert!(s.similarity > 0.0);
    }
    // The US-led coalition sentence of 000 is aligned with its AFP original.
    let d0 = &docs[0];
    let k = d0
        .sentences
        .iter()
        .position(|s| d0.sentence_text(s).contains("US-led coalition"))
        .expect("sentence");
    let partners: Vec<usize> = a
        .partners(align::SentenceRef {
            source: 0,
            sentence: k,
        })
        .map(|(r, _)| r.source)
        .collect();
    assert_eq!(partners, vec![2]);
}

#[test]
fn output_is_deterministic() {
    let corpus = Corpus::sample();
    let a = run(&corpus, &AlignOptions::default());
    let b = run(&corpus, &AlignOptions::default());
    assert_eq!(
        serde_json::to_string(&a).expect("serializes"),
        serde_json::to_string(&b).expect("serializes")
    );
    let mut ids: Vec<&str> = a.passages.iter().map(|p| p.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), a.passages.len());
}

#[test]
fn fixture_reprint_with_a_changed_figure_is_found_and_the_figure_kept() {
    let corpus = fixture_corpus("reuse");
    let a = run(&corpus, &AlignOptions::default());
    let found = passages_with(&corpus, &a, "wire", "forcing the evacuation of some 1,200");
    assert_eq!(found.len(), 1, "{:#?}", a.passages);
    let p = found[0];
    assert_eq!(p.kind, PassageKind::Edited);
    let mut changes: Vec<[&str; 2]> = p
        .diffs
        .iter()
        .flat_map(|d| {
            d.numbers
                .iter()
                .map(|n| [n.a.text.as_str(), n.b.text.as_str()])
        })
        .collect();
    changes.iter_mut().for_each(|c| c.sort_unstable());
    assert!(changes.contains(&["1,200", "1,400"]), "{changes:?}");
    assert!(p.has_number_changes());
    // The same paragraph of the agency copy, printed by both papers of one outlet:
    // one passage with an occurrence in each source (the paper that printed its lead
    // twice has both copies in its occurrence), spanning paragraphs.
    let mut ids: Vec<&str> = texts(&corpus, p).iter().map(|(s, _)| *s).collect();
    ids.dedup();
    assert_eq!(ids, vec!["gazette", "herald", "wire"]);
    let wire = texts(&corpus, p)
        .into_iter()
        .find(|(s, _)| *s == "wire")
        .expect("wire");
    assert!(wire.1.contains('\n'), "spans paragraphs: {}", wire.1);
}

#[test]
fn fixture_an_edited_paragraph_shows_its_edits() {
    let corpus = fixture_corpus("reuse");
    let a = run(&corpus, &AlignOptions::default());
    let found = passages_with(&corpus, &a, "herald", "the army and a group of local");
    assert_eq!(found.len(), 1);
    // The paper's own paragraphs around it are not part of it.
    for (_, text) in texts(&corpus, found[0]) {
        assert!(
            !text.contains("Schools in the valley") && !text.contains("shopkeepers"),
            "{text}"
        );
    }
    let edits: Vec<(Option<&str>, Option<&str>)> = found[0]
        .diffs
        .iter()
        .flat_map(|d| d.edits.iter())
        .filter(|e| e.op != EditOp::Equal)
        .map(|e| {
            (
                e.a.as_ref().map(|s| s.text.as_str()),
                e.b.as_ref().map(|s| s.text.as_str()),
            )
        })
        .collect();
    // The pair's direction follows the order of the sources. Hyphenated words are
    // aligned by their parts: "army-led" keeps "army" as an equal word.
    let wanted = (Some("led relief effort"), Some("and a group"));
    assert!(
        edits.contains(&wanted) || edits.contains(&(wanted.1, wanted.0)),
        "{edits:?}"
    );
}

#[test]
fn fixture_same_topic_and_names_is_not_reuse() {
    let corpus = fixture_corpus("reuse");
    let a = run(&corpus, &AlignOptions::default());
    let topical = corpus
        .sources
        .iter()
        .position(|s| s.id == "topical")
        .expect("topical");
    assert!(
        a.passages
            .iter()
            .all(|p| p.occurrences.iter().all(|o| o.source != topical)),
        "{:#?}",
        a.passages
    );
}

#[test]
fn fixture_exclude_same_outlet_leaves_out_reuse_between_papers_of_one_outlet() {
    let corpus = fixture_corpus("reuse");
    let fund = "has set up a fund for families";
    let all = run(&corpus, &AlignOptions::default());
    assert_eq!(passages_with(&corpus, &all, "gazette", fund).len(), 1);
    let opts = AlignOptions {
        exclude_same_outlet: true,
        ..AlignOptions::default()
    };
    let excluded = run(&corpus, &opts);
    assert!(passages_with(&corpus, &excluded, "gazette", fund).is_empty());
    // Reuse across outlets stays.
    assert_eq!(passages_with(&corpus, &excluded, "wire", "1,200").len(), 1);
}

#[test]
fn fixture_a_lead_printed_twice_in_one_source_is_not_reuse_on_its_own() {
    let lead = "Floodwater cut off the valley on Tuesday after three days of heavy rain, \
                forcing hundreds of residents to leave their riverside homes.";
    let text = format!("{lead}\n\n{lead}\n\nOther news from the valley follows here.");
    let mut corpus = fixture_corpus("reuse");
    corpus.sources.truncate(1);
    corpus.sources[0].text = text;
    let a = run(&corpus, &AlignOptions::default());
    assert!(a.passages.is_empty(), "{:#?}", a.passages);
}

#[test]
fn passage_ids_survive_unrelated_edits() {
    let corpus = fixture_corpus("reuse");
    let before = run(&corpus, &AlignOptions::default());
    let mut edited = corpus.clone();
    let topical = edited
        .sources
        .iter_mut()
        .find(|s| s.id == "herald")
        .expect("herald");
    topical.text = format!("Breaking: a new first line.\n\n{}", topical.text);
    let after = run(&edited, &AlignOptions::default());
    let ids = |a: &Alignment| {
        let mut v: Vec<String> = a.passages.iter().map(|p| p.id.clone()).collect();
        v.sort();
        v
    };
    assert_eq!(ids(&before), ids(&after));
}

#[test]
fn wire_copy_reprinted_by_many_sources_is_one_passage_with_a_linear_report() {
    let lead = "The ferry operator suspended all crossings to the islands on Monday after a \
                strike by deck crews entered its third day, stranding hundreds of travellers.";
    let mut corpus = fixture_corpus("reuse");
    let template = corpus.sources[0].clone();
    corpus.sources = (0..12)
        .map(|i| {
            let mut s = template.clone();
            s.id = format!("paper{i:02}");
            s.path = format!("paper{i:02}.txt");
            s.outlet = Some(format!("Paper {i}"));
            s.series = None;
            s.text = lead.to_string();
            s
        })
        .collect();
    let a = run(&corpus, &AlignOptions::default());
    assert_eq!(a.passages.len(), 1, "{:#?}", a.passages);
    let p = &a.passages[0];
    assert_eq!(p.occurrences.len(), 12);
    assert_eq!(p.kind, PassageKind::Verbatim);
    // A spanning tree of comparisons, not all 66 pairs.
    assert_eq!(p.diffs.len(), 11);
}

#[test]
fn near_duplicates_are_aligned_with_a_few_partners_each_and_other_text_still_found() {
    let lead = "The ferry operator suspended all crossings to the islands on Monday after a \
                strike by deck crews entered its third day, stranding hundreds of travellers.";
    let other = "Engineers at the observatory replaced a cracked mirror segment last winter, \
                 and the telescope resumed its survey of distant comets in early spring.";
    let mut texts: Vec<String> = (0..20).map(|_| lead.to_string()).collect();
    // The first copy also reprints a paragraph that one later source prints too.
    texts[0] = format!("{lead}\n\n{other}");
    texts.push(format!("Local news follows.\n\n{other}"));
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let corpus = sources(&refs);
    // Every shingle pairs all its positions: each copy meets all later copies.
    let opts = AlignOptions {
        all_pairs_df: 64,
        ..AlignOptions::default()
    };
    let a = run(&corpus, &opts);
    assert!(a.stats.skipped_pairs > 0, "{:?}", a.stats);
    let with = |needle: &str| -> Vec<&Passage> {
        a.passages
            .iter()
            .filter(|p| texts_of(&corpus, p).iter().all(|t| t.contains(needle)))
            .collect()
    };
    let copies = with("ferry operator");
    assert_eq!(copies.len(), 1, "{:#?}", a.passages);
    assert_eq!(copies[0].occurrences.len(), 20);
    let reprint = with("cracked mirror");
    assert_eq!(reprint.len(), 1, "{:#?}", a.passages);
    let sources: Vec<usize> = reprint[0].occurrences.iter().map(|o| o.source).collect();
    assert_eq!(sources, vec![0, 20]);
}

fn texts_of<'c>(corpus: &'c Corpus, p: &Passage) -> Vec<&'c str> {
    texts(corpus, p).into_iter().map(|(_, t)| t).collect()
}

#[test]
fn awkward_input_never_panics_and_spans_stay_on_char_boundaries() {
    let long = "word ".repeat(5000);
    let texts = [
        String::new(),
        "“".to_string(),
        "\"\"\"\" ” “ „ « » ‘ ’ '".to_string(),
        "İSTANBUL — İsmail Çelik, the ÇAĞ spokesman, said “ﬁne ﬂow” today.\n\n“Ödül,” he said."
            .to_string(),
        "Ünïcödé café — 30 °C, “quoted” text ”glued“ marks, and an unclosed “quote".to_string(),
        "According to , “” said. Mr. . Dr. “x”".to_string(),
        format!("“{long}"),
        "The storm closed 12 schools in the north on Monday, officials said in a statement.\n\n\
         The storm closed 14 schools in the north on Monday, officials said in a statement."
            .to_string(),
        "Ünïcödé café — 30 °C, “quoted” text ”glued“ marks, and an unclosed “quote".to_string(),
    ];
    let mut corpus = fixture_corpus("reuse");
    let template = corpus.sources[0].clone();
    corpus.sources = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut s = template.clone();
            s.id = format!("odd{i}");
            // Lines repeated across one outlet's pages are chrome to the cleaner.
            s.outlet = Some(format!("Outlet {i}"));
            s.text = t.clone();
            s
        })
        .collect();
    let docs = prepare(&corpus);
    let quotes = claimdiff::quotes::find_quotes(&docs);
    for q in &quotes.quotations {
        let text = &corpus.sources[q.source].text;
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end));
    }
    let a = align::align_with_quotes(&docs, &AlignOptions::default(), &quotes);
    for p in &a.passages {
        for o in &p.occurrences {
            let text = &corpus.sources[o.source].text;
            assert!(text.is_char_boundary(o.start) && text.is_char_boundary(o.end));
        }
    }
    // The two copies of the Ünïcödé line are one verbatim passage.
    assert!(
        a.passages
            .iter()
            .any(|p| p.kind != PassageKind::Edited && p.occurrences.len() == 2),
        "{:#?}",
        a.passages
    );
}

/// A corpus of one-paragraph sources from different outlets.
fn sources(texts: &[&str]) -> Corpus {
    let mut corpus = fixture_corpus("reuse");
    let template = corpus.sources[0].clone();
    corpus.sources = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut s = template.clone();
            s.id = format!("src{i}");
            s.path = format!("src{i}.txt");
            s.outlet = Some(format!("Outlet {i}"));
            s.series = None;
            s.text = (*t).to_string();
            s
        })
        .collect();
    corpus
}

#[test]
fn the_same_sentence_template_about_other_places_is_not_reuse() {
    // Two events covered with one stock sentence: the names differ, so the figures
    // in them are not about the same fact.
    let corpus = sources(&[
        "Rescue teams working in the flooded districts of Velden pulled 43 survivors from \
         the rubble of the old market hall on Sunday, Governor Ana Lisko told reporters.",
        "Rescue teams working in the flooded districts of Osterby pulled 12 survivors from \
         the rubble of the old market hall on Sunday, Governor Piet Haavik told reporters.",
    ]);
    let a = run(&corpus, &AlignOptions::default());
    assert!(a.passages.is_empty(), "{:#?}", a.passages);
    assert!(a.sentences.is_empty(), "{:#?}", a.sentences);
    // Without the rule on names, the template would be aligned.
    let loose = AlignOptions {
        reject_other_names: false,
        ..AlignOptions::default()
    };
    assert_eq!(run(&corpus, &loose).sentences.len(), 1);
}

#[test]
fn an_edited_copy_that_changes_one_name_is_still_reuse() {
    let corpus = sources(&[
        "Rescue teams working in the flooded districts of Velden pulled 43 survivors from \
         the rubble of the old market hall on Sunday, Governor Ana Lisko told reporters.",
        "Rescue teams working in the flooded districts of Velden pulled 41 survivors from \
         the rubble of the old market hall on Monday, the Lisko administration told reporters.",
    ]);
    let a = run(&corpus, &AlignOptions::default());
    assert_eq!(a.passages.len(), 1, "{:#?}", a.passages);
    assert_eq!(a.passages[0].occurrences.len(), 2);
}

#[test]
fn a_template_that_shares_only_its_function_words_is_not_reuse() {
    // No names to tell them apart, but their content words differ: only "it is worth
    // noting that the ... has come to the ... of ..., after all" is shared.
    let corpus = sources(&[
        "It is worth noting that the ferry strike has come to the brink of total collapse, \
         after all.",
        "It is worth noting that the bakery contest has come to the stage of final tasting, \
         after all.",
    ]);
    let a = run(&corpus, &AlignOptions::default());
    assert!(a.sentences.is_empty(), "{:#?}", a.sentences);
    // They share ten words in runs of a shingle or more: with that enough, the rule
    // on content words is what tells them apart.
    let ten = AlignOptions {
        min_shared_words: 10,
        ..AlignOptions::default()
    };
    assert!(run(&corpus, &ten).sentences.is_empty());
    let loose = AlignOptions {
        min_content_similarity: 0.0,
        ..ten
    };
    assert_eq!(run(&corpus, &loose).sentences.len(), 1);
}

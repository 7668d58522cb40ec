//! Quotations and speakers on the sample corpus and on fixtures: quotation marks in
//! every style, attribution, name variants, quotes shared across sources and
//! attribution conflicts.

use claimdiff::quotes::{
    AttributionKind, Quotation, Quote, QuoteReport, find_quotes, person_name, same_person,
};
use claimdiff::{Corpus, prepare};

use crate::util::root;

/// Quotes and attribution conflicts as the report finds them: conflicts only
/// between sources of one story.
fn quotes_of(corpus: &Corpus) -> QuoteReport {
    let docs = prepare(corpus);
    let mut report = find_quotes(&docs);
    let vocab = claimdiff::compare::vocabulary(&docs, &Default::default());
    report.find_conflicts(&docs, |a, b| vocab.same_story(a, b));
    report
}

fn sample() -> (Corpus, QuoteReport) {
    let corpus = Corpus::sample();
    let report = quotes_of(&corpus);
    (corpus, report)
}

fn fixture() -> (Corpus, QuoteReport) {
    let corpus = Corpus::load(&[root().join("tests/fixtures/align/quotes")]);
    assert!(corpus.diagnostics.is_empty(), "{:?}", corpus.diagnostics);
    let report = quotes_of(&corpus);
    (corpus, report)
}

fn id(corpus: &Corpus, source: usize) -> &str {
    &corpus.sources[source].id
}

/// The one quotation whose text contains `needle` in source `src` (prefix of id).
fn quotation<'r>(corpus: &Corpus, r: &'r QuoteReport, src: &str, needle: &str) -> &'r Quotation {
    let found: Vec<&Quotation> = r
        .quotations
        .iter()
        .filter(|q| id(corpus, q.source).starts_with(src) && q.text.contains(needle))
        .collect();
    assert_eq!(found.len(), 1, "{needle} in {src}: {found:#?}");
    found[0]
}

/// The one quote (across sources) whose text contains `needle`.
fn quote<'r>(r: &'r QuoteReport, needle: &str) -> &'r Quote {
    let found: Vec<&Quote> = r
        .quotes
        .iter()
        .filter(|q| q.text.contains(needle))
        .collect();
    assert_eq!(found.len(), 1, "{needle}: {found:#?}");
    found[0]
}

fn sources_of<'c>(corpus: &'c Corpus, q: &Quote) -> Vec<&'c str> {
    q.occurrences.iter().map(|o| id(corpus, o.source)).collect()
}

#[test]
fn seeds_kerry_quote_is_one_quote_in_both_outlets_with_its_speaker() {
    let (corpus, r) = sample();
    let q = quote(&r, "Our focus remains on destroying ISIL");
    assert_eq!(
        sources_of(&corpus, q),
        vec!["000_1703b7b2bb6baa3b", "004_b784489694a573a3"]
    );
    assert_eq!(q.speaker.as_deref(), Some("John Kerry"));
    for o in &q.occurrences {
        assert_eq!(o.speaker.as_deref(), Some("John Kerry"));
        let text = &corpus.sources[o.source].text[o.start..o.end];
        assert!(text.starts_with("Our focus remains"), "{text}");
        assert!(text.ends_with("presence of Assad"), "{text}");
    }
}

#[test]
fn seeds_a_quotation_whose_opening_mark_was_lost_is_found() {
    let (corpus, r) = sample();
    let q = quotation(&corpus, &r, "004", "Our focus remains");
    assert!(q.inferred_open);
    let a = q.attribution.as_ref().expect("attributed");
    assert_eq!(
        (a.kind, a.text.as_str()),
        (AttributionKind::Named, "Mr. Kerry")
    );
}

#[test]
fn seeds_hammond_quote_resolves_he_said_and_the_secretary() {
    let (corpus, r) = sample();
    let q = quote(
        &r,
        "We are not saying Assad and all his cronies have to go on day one",
    );
    assert_eq!(
        sources_of(&corpus, q),
        vec!["000_1703b7b2bb6baa3b", "004_b784489694a573a3"]
    );
    assert_eq!(q.speaker.as_deref(), Some("Philip Hammond"));
    let he = quotation(&corpus, &r, "000", "We are not saying");
    let a = he.attribution.as_ref().expect("attributed");
    assert_eq!((a.kind, a.text.as_str()), (AttributionKind::Pronoun, "he"));
    // Only Hammond is named in the sentence before: certain.
    assert!(a.certain);
    let title = quotation(&corpus, &r, "000", "If there was a process");
    let a = title.attribution.as_ref().expect("attributed");
    assert_eq!(
        (a.kind, a.text.as_str()),
        (AttributionKind::Title, "the Secretary")
    );
    assert_eq!(title.speaker.as_deref(), Some("Philip Hammond"));
    // In 004 the second quotation has no attribution of its own: it continues the
    // first one's speaker.
    let next = quotation(&corpus, &r, "004", "If there was a process");
    assert_eq!(
        next.attribution.as_ref().map(|a| a.kind),
        Some(AttributionKind::Continued)
    );
    assert_eq!(next.speaker.as_deref(), Some("Philip Hammond"));
}

#[test]
fn seeds_news_style_quotation_over_two_paragraphs_is_one_quotation() {
    let (corpus, r) = sample();
    let q = quotation(&corpus, &r, "002", "emphasized the importance");
    assert_eq!(q.segments.len(), 2, "{q:#?}");
    assert!(
        q.text.ends_with("agreed to continue their dialogue."),
        "{}",
        q.text
    );
    // "According to Cook, Kerry “emphasized ...": Kerry is the speaker, Cook the
    // source that reports it.
    let a = q.attribution.as_ref().expect("attributed");
    assert_eq!(q.speaker.as_deref(), Some("John Kerry"));
    assert_eq!(a.according_to.as_deref(), Some("Peter Cook"));
}

#[test]
fn seeds_speaker_variants_are_unified_to_the_fullest_form() {
    let (_, r) = sample();
    let carter = r
        .speakers
        .iter()
        .find(|s| s.name == "Ashton B. Carter")
        .expect("Carter is a speaker");
    for v in ["Ash Carter", "Ashton Carter", "Carter"] {
        assert!(carter.variants.iter().any(|x| x == v), "{v}: {carter:?}");
    }
    assert!(carter.person);
    // Every speaker name is unique: variants never make two entries.
    let mut names: Vec<&str> = r.speakers.iter().map(|s| s.name.as_str()).collect();
    names.dedup();
    assert_eq!(names.len(), r.speakers.len());
}

#[test]
fn seeds_outlets_attributing_the_readout_words_to_different_people_conflict() {
    let (corpus, r) = sample();
    assert_eq!(
        r.attribution_conflicts.len(),
        1,
        "{:#?}",
        r.attribution_conflicts
    );
    let c = &r.attribution_conflicts[0];
    assert!(
        c.text
            .contains("diplomatic talks that would ensure a political transition")
    );
    // Both outlets name their speaker: a discrepancy, not a candidate to review.
    assert!(c.strong);
    let named: Vec<(&str, Vec<&str>)> = c
        .speakers
        .iter()
        .map(|s| {
            (
                s.speaker.as_str(),
                s.sources.iter().map(|&i| id(&corpus, i)).collect(),
            )
        })
        .collect();
    assert_eq!(
        named,
        vec![
            ("Ashton B. Carter", vec!["001_b17d257d6203724e"]),
            ("John Kerry", vec!["002_9d7f267a3ae22dc7"]),
        ]
    );
    // The outlet that relays the read-out ("According to ... Cook's read-out") names
    // the source of the words, not a different speaker: it is not in the conflict.
    let q = r
        .quotes
        .iter()
        .find(|q| q.id == c.quote)
        .expect("the quote");
    assert!(sources_of(&corpus, q).contains(&"000_1703b7b2bb6baa3b"));
}

#[test]
fn seeds_every_quotation_points_at_its_own_characters() {
    let (corpus, r) = sample();
    assert!(r.quotations.len() > 30);
    for q in &r.quotations {
        let text = &corpus.sources[q.source].text;
        for s in &q.segments {
            let seg = &text[s.start..s.end];
            assert!(!seg.is_empty() && seg.trim() == seg, "{seg:?}");
            assert!(q.text.contains(seg));
        }
        if let Some(a) = &q.attribution {
            // A continued quotation shows the attribution of the one it continues.
            assert_eq!(&text[a.start..a.end], a.text);
        }
    }
    for w in r.quotations.windows(2) {
        assert!((w[0].source, w[0].start) < (w[1].source, w[1].start));
    }
}

#[test]
fn fixture_the_same_words_in_three_sources_are_one_quote_with_one_speaker() {
    let (corpus, r) = fixture();
    let q = quote(&r, "protects every job in the harbour");
    assert_eq!(sources_of(&corpus, q), vec!["a", "b", "c"]);
    assert_eq!(q.speaker.as_deref(), Some("Tomas Brenner"));
    // c lost its opening mark; b says "Mr. Brenner", c just "Brenner".
    let c = quotation(&corpus, &r, "c", "protects every job");
    assert!(c.inferred_open);
    assert!(
        r.attribution_conflicts
            .iter()
            .all(|x| !x.text.contains("every job")),
        "{:#?}",
        r.attribution_conflicts
    );
}

#[test]
fn fixture_transliterated_names_are_one_speaker() {
    let (corpus, r) = fixture();
    let q = quote(&r, "first ships are already being unloaded");
    assert_eq!(sources_of(&corpus, q), vec!["a", "b"]);
    assert_eq!(q.speaker.as_deref(), Some("Aleksei Tsvetkov"));
    let s = r
        .speakers
        .iter()
        .find(|s| s.name == "Aleksei Tsvetkov")
        .expect("speaker");
    assert_eq!(s.variants, vec!["Aleksei Tsvetkov", "Alexei Tsvetkow"]);
    // In a the quotation runs over two paragraphs and ends with "he said".
    let a = quotation(&corpus, &r, "a", "first ships");
    assert_eq!(a.segments.len(), 2);
    assert_eq!(
        a.attribution.as_ref().map(|x| x.kind),
        Some(AttributionKind::Pronoun)
    );
    // In b the subject stands before an apposition: "X, the harbour master, told".
    let b = quotation(&corpus, &r, "b", "first ships");
    assert_eq!(
        b.attribution.as_ref().map(|x| x.text.as_str()),
        Some("Alexei Tsvetkow")
    );
}

#[test]
fn fixture_the_same_words_given_to_two_people_are_an_attribution_conflict() {
    let (corpus, r) = fixture();
    let conflicts: Vec<_> = r
        .attribution_conflicts
        .iter()
        .filter(|c| c.text.contains("good day for the port"))
        .collect();
    assert_eq!(conflicts.len(), 1);
    let speakers: Vec<(&str, Vec<&str>)> = conflicts[0]
        .speakers
        .iter()
        .map(|s| {
            (
                s.speaker.as_str(),
                s.sources.iter().map(|&i| id(&corpus, i)).collect(),
            )
        })
        .collect();
    assert_eq!(
        speakers,
        vec![("Lena Ortiz", vec!["a"]), ("Tomas Brenner", vec!["b"])]
    );
    assert_eq!(r.attribution_conflicts.len(), 1);
    // a gives the words to "she": resolved to the minister named just before, but
    // a resolution can be wrong, so the conflict is only one to review.
    assert!(!conflicts[0].strong);
}

#[test]
fn report_lists_named_attribution_conflicts_as_discrepancies_and_pronoun_ones_to_review() {
    let story = "The ferry Nordlys capsized on Lake Varsen near Kolbrin on Monday, and \
                 divers searched the hull of the Nordlys through the night.\n\n";
    let named = "“We will not rest until every family in this town has the answers it \
                 deserves,”";
    let resolved = "“The divers have checked every cabin of the hull and found no one \
                    else inside,”";
    let a = format!(
        "{story}{named} Governor Ilse Brandt said in Kolbrin.\n\n\
         Harbour chief Ola Vinter spoke at the quay. {resolved} he said."
    );
    let b = format!(
        "{story}{named} Mayor Tomas Weller said in Kolbrin.\n\n\
         {resolved} said diver Petra Stromm."
    );
    let corpus = corpus_of(&[&a, &b]);
    let analysis = claimdiff::analyze(&corpus, &Default::default());
    let view = claimdiff::report::build::report_view(&analysis, Default::default());
    let who = |list: &[claimdiff::report::FindingView]| -> Vec<Vec<String>> {
        list.iter()
            .filter(|f| f.kind == "attribution")
            .map(|f| {
                f.values
                    .iter()
                    .map(|v| v.value.as_str().unwrap_or_default().to_string())
                    .collect()
            })
            .collect()
    };
    assert_eq!(
        who(&view.discrepancies),
        vec![vec!["Ilse Brandt".to_string(), "Tomas Weller".to_string()]]
    );
    assert_eq!(
        who(&view.to_review),
        vec![vec!["Ola Vinter".to_string(), "Petra Stromm".to_string()]]
    );
}

#[test]
fn fixture_anonymous_and_institutional_speakers() {
    let (corpus, r) = fixture();
    let anon = quotation(&corpus, &r, "c", "backlog will take ten days");
    assert_eq!(anon.speaker, None);
    let a = anon.attribution.as_ref().expect("attributed");
    assert_eq!(
        (a.kind, a.text.as_str()),
        (AttributionKind::Anonymous, "A senior port official")
    );
    let org = quotation(&corpus, &r, "a", "signed by both sides");
    assert_eq!(
        org.attribution.as_ref().map(|x| x.kind),
        Some(AttributionKind::Organization)
    );
    assert!(!org.speaker_is_person);
}

#[test]
fn quotes_are_deterministic_with_stable_ids() {
    let (_, a) = sample();
    let (_, b) = sample();
    assert_eq!(a, b);
    let mut ids: Vec<&str> = a.quotes.iter().map(|q| q.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), a.quotes.len());
}

#[test]
fn seeds_name_forms_of_one_person_match_by_rules_and_string_similarity() {
    // As the seeds write them.
    assert!(same_person(
        "Russia Defense Minister Sergei Shoigu",
        "Russian Minister of Defense Sergei Shoygu"
    ));
    assert!(same_person(
        "U.S. Defense Secretary Ash Carter",
        "Defense Secretary Ashton B. Carter"
    ));
    assert!(same_person(
        "Mr. Carter",
        "US Defence Secretary Ashton Carter"
    ));
    assert!(same_person(
        "Walid al-Moallem",
        "Foreign Minister Walid al-Moualem"
    ));
    assert!(!same_person("Sergei Shoigu", "Sergei Lavrov"));
    assert!(!same_person("John Kerry", "Ash Carter"));
    assert_eq!(
        person_name("Pentagon Press Secretary Peter Cook’s read-out").as_deref(),
        Some("Peter Cook")
    );
}

/// A corpus of sources from different outlets with the given texts.
fn corpus_of(texts: &[&str]) -> Corpus {
    let mut corpus = Corpus::load(&[root().join("tests/fixtures/align/quotes")]);
    let template = corpus.sources[0].clone();
    corpus.sources = texts
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut s = template.clone();
            s.id = format!("src{i}");
            s.path = format!("src{i}.txt");
            s.outlet = Some(format!("Outlet {i}"));
            s.text = (*t).to_string();
            s
        })
        .collect();
    corpus
}

#[test]
fn the_same_quote_template_about_other_people_is_not_one_quote() {
    let corpus = corpus_of(&[
        "“We are not saying Velden and all his allies have to go on day one,” Ana Lisko \
         said on Friday.",
        "“We are not saying Osterby and all his allies have to go on day one,” Piet Haavik \
         said on Monday.",
        "“We are not saying Velden and all his allies have to go on day one,” Lisko told \
         reporters.",
    ]);
    let r = quotes_of(&corpus);
    let shared: Vec<Vec<&str>> = r
        .quotes
        .iter()
        .filter(|q| q.occurrences.len() > 1)
        .map(|q| sources_of(&corpus, q))
        .collect();
    assert_eq!(shared, vec![vec!["src0", "src2"]]);
    // So no one is said to have been misquoted.
    assert!(
        r.attribution_conflicts.is_empty(),
        "{:#?}",
        r.attribution_conflicts
    );
}

#[test]
fn a_surname_alone_is_the_person_of_its_own_article() {
    let corpus = corpus_of(&[
        "Maria Lund, the harbour master, said the port would reopen.\n\n\
         “The cranes are fixed,” Lund said.",
        "Peter Lund, the ferry chief, said the strike was over.\n\n\
         “The crews are back at work,” Lund said.",
    ]);
    let r = quotes_of(&corpus);
    let speakers: Vec<(&str, Option<&str>)> = r
        .quotations
        .iter()
        .map(|q| (id(&corpus, q.source), q.speaker.as_deref()))
        .collect();
    assert_eq!(
        speakers,
        vec![("src0", Some("Maria Lund")), ("src1", Some("Peter Lund"))]
    );
}

#[test]
fn the_same_words_in_two_unrelated_stories_are_no_attribution_conflict() {
    // A ferry story (two outlets disagree on who spoke) and a mine story that
    // happens to use the same stock phrase, said there by a third person.
    let ferry = "The ferry Nordlys capsized on Lake Varsen near Kolbrin on Monday, and \
                 divers searched the hull of the Nordlys through the night.\n\n";
    let mine = "A shaft collapsed at the Dunhallow mine in the Brask hills on Tuesday, and \
                rescuers dug towards the Dunhallow miners all day.\n\n";
    let words = "“We will not rest until every family in this town has the answers it \
                 deserves,”";
    let a = format!("{ferry}{words} Governor Ilse Brandt said in Kolbrin.");
    let b = format!("{ferry}{words} Mayor Tomas Weller said in Kolbrin.");
    let c = format!("{mine}{words} Councillor Karl Mott said at the Dunhallow gates.");
    let corpus = corpus_of(&[&a, &b, &c]);
    let r = quotes_of(&corpus);
    // The three printings are one quote (the same words)...
    assert!(
        r.quotes
            .iter()
            .any(|q| sources_of(&corpus, q) == ["src0", "src1", "src2"]),
        "{:#?}",
        r.quotes
    );
    // ...but only the ferry story's two outlets contradict each other.
    assert_eq!(
        r.attribution_conflicts.len(),
        1,
        "{:#?}",
        r.attribution_conflicts
    );
    let speakers: Vec<(&str, Vec<&str>)> = r.attribution_conflicts[0]
        .speakers
        .iter()
        .map(|s| {
            let ids = s.sources.iter().map(|&i| id(&corpus, i)).collect();
            (s.speaker.as_str(), ids)
        })
        .collect();
    assert_eq!(
        speakers,
        [
            ("Ilse Brandt", vec!["src0"]),
            ("Tomas Weller", vec!["src1"])
        ]
    );
}

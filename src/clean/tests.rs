//! Tests on invented pages: every line of every page below was written for these
//! tests, about events that did not happen.

use super::*;
use crate::segment;

/// A page to clean: its text, outlet and URL.
struct Page {
    text: String,
    outlet: Option<&'static str>,
    url: Option<&'static str>,
}

fn page(lines: &[&str], outlet: Option<&'static str>) -> Page {
    Page {
        text: lines.join("\n\n"),
        outlet,
        url: None,
    }
}

/// The marked lines of each page, as (text, reason).
fn marks(pages: &[Page]) -> Vec<Vec<(String, &'static str)>> {
    let paragraphs: Vec<Vec<Range<usize>>> =
        pages.iter().map(|p| segment::paragraphs(&p.text)).collect();
    let inputs: Vec<CleanInput<'_>> = pages
        .iter()
        .zip(&paragraphs)
        .map(|(p, paras)| CleanInput {
            text: &p.text,
            outlet: p.outlet,
            url: p.url,
            paragraphs: paras,
        })
        .collect();
    mark(&inputs)
        .into_iter()
        .zip(pages)
        .map(|(bs, p)| {
            bs.into_iter()
                .map(|b| (p.text[b.range].to_string(), b.reason))
                .collect()
        })
        .collect()
}

fn reason_of<'m>(marked: &'m [(String, &'static str)], line: &str) -> Option<&'m str> {
    marked.iter().find(|(t, _)| t == line).map(|(_, r)| *r)
}

const HEADLINE: &str = "Harbour bridge reopens after nine-month repair";
const STANDFIRST: &str = "Engineers finished the work two weeks early, and traffic is expected to return to normal by the weekend";
const CAPTION: &str = "Cyclists cross the repaired bridge on its first morning back in service";
const BODY: &[&str] = &[
    "The Eastport harbour bridge reopened to traffic on Wednesday after a repair that took nine months and cost the city $12.5 million, officials said at a ceremony on the quay.",
    "About 40,000 vehicles crossed the bridge each day before it closed in June, according to the city's transport office, and the detour had added up to half an hour to many journeys.",
    "Money and delays",
    "The council had set aside $10 million for the work, but the discovery of rust inside two of the main towers pushed the cost up and added three months to the schedule.",
    "“We are proud of the crews,” the mayor said.",
    "Engineers replaced 1,200 steel cables and repaved the deck, and the bridge is now expected to last another forty years before it needs similar work, the transport office said.",
    "She declined to comment on the cost.",
];

/// An invented news page with chrome all around its body.
fn news_page() -> Page {
    let mut lines = vec![
        "Skip to main content",
        "Eastport 12°C",
        "Thursday, March 4, 2021",
        "Choose your city",
        "Northfield, Eastbrook, Lowmoor, Highgate, Westcombe",
        "Home News Sport Weather Culture",
        HEADLINE,
        "By Dana Whitlock",
        "Published: March 4, 2021 09:30 GMT",
        STANDFIRST,
        "Photo: Harbour Ledger/Sam Roe",
        CAPTION,
    ];
    lines.extend_from_slice(&BODY[..3]);
    lines.push("ADVERTISEMENT");
    lines.extend_from_slice(&BODY[3..5]);
    lines.push("Read more: Ferry fares to rise in spring");
    lines.extend_from_slice(&BODY[5..]);
    lines.extend_from_slice(&[
        "Share this article",
        "Cheap Payday Loans Online",
        "About the Author",
        "Dana Whitlock has covered the harbour and the town council for the Ledger since 2009, and before that she wrote about farming for a weekly paper in the valley.",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Notify me of new comments via email.",
        "Sign up for our morning newsletter",
        "© 2021 The Coastal Ledger. All rights reserved.",
    ]);
    page(&lines, Some("Coastal Ledger"))
}

#[test]
fn marks_the_chrome_of_a_news_page() {
    let marked = &marks(&[news_page()])[0];
    let expected = [
        ("Skip to main content", "navigation"),
        ("Eastport 12°C", "weather"),
        ("Thursday, March 4, 2021", "page date"),
        ("Choose your city", "city picker"),
        (
            "Northfield, Eastbrook, Lowmoor, Highgate, Westcombe",
            "city picker",
        ),
        ("Home News Sport Weather Culture", "navigation"),
        ("By Dana Whitlock", "byline"),
        ("Published: March 4, 2021 09:30 GMT", "publication line"),
        ("Photo: Harbour Ledger/Sam Roe", "photo credit"),
        ("ADVERTISEMENT", "advertising"),
        ("Read more: Ferry fares to rise in spring", "related links"),
        ("Share this article", "share prompt"),
        ("Cheap Payday Loans Online", "advertising"),
        ("About the Author", "about the author"),
        (
            "Dana Whitlock has covered the harbour and the town council for the Ledger since 2009, and before that she wrote about farming for a weekly paper in the valley.",
            "about the author",
        ),
        ("Leave a Reply", "comment form"),
        (
            "Your email address will not be published. Required fields are marked *",
            "comment form",
        ),
        ("Notify me of new comments via email.", "comment form"),
        ("Sign up for our morning newsletter", "newsletter"),
        (
            "© 2021 The Coastal Ledger. All rights reserved.",
            "copyright",
        ),
    ];
    for (line, reason) in expected {
        assert_eq!(reason_of(marked, line), Some(reason), "{line}");
    }
    assert_eq!(marked.len(), expected.len(), "{marked:#?}");
}

#[test]
fn keeps_headline_standfirst_caption_subheadings_and_short_sentences() {
    let marked = &marks(&[news_page()])[0];
    for line in [HEADLINE, STANDFIRST, CAPTION].iter().chain(BODY) {
        assert_eq!(reason_of(marked, line), None, "{line}");
    }
}

#[test]
fn spans_are_whole_lines_in_order() {
    let p = news_page();
    let paragraphs = segment::paragraphs(&p.text);
    let input = CleanInput {
        text: &p.text,
        outlet: p.outlet,
        url: None,
        paragraphs: &paragraphs,
    };
    let marked = mark(&[input]).remove(0);
    assert!(
        marked
            .windows(2)
            .all(|w| w[0].range.end <= w[1].range.start)
    );
    for b in &marked {
        let line = &p.text[b.range.clone()];
        assert_eq!(line, line.trim());
        assert!(p.text[..b.range.start].is_empty() || p.text[..b.range.start].ends_with('\n'));
    }
}

#[test]
fn a_lead_printed_twice_is_kept() {
    let lead = BODY[0];
    let lines = [
        HEADLINE,
        lead,
        "Updated: March 4, 2021 10:02 GMT",
        lead,
        BODY[1],
        BODY[3],
    ];
    let marked = &marks(&[page(&lines, None)])[0];
    assert_eq!(
        marked.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>(),
        vec!["Updated: March 4, 2021 10:02 GMT"]
    );
}

#[test]
fn a_brief_without_long_paragraphs_keeps_its_sentences() {
    let lines = [
        "Menu",
        "Ferry service resumes",
        "The morning ferry to Lowmoor ran again on Monday.",
        "About 300 passengers used it, the operator said.",
        "Share",
    ];
    let marked = &marks(&[page(&lines, None)])[0];
    let texts: Vec<&str> = marked.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(texts, vec!["Menu", "Share"]);
}

/// Two stories of one outlet with the same footer, and a third outlet that reuses a
/// paragraph of the first story.
fn outlet_pages() -> Vec<Page> {
    let footer = "The Coastal Ledger is an independent newspaper serving the towns of the bay since the nineteenth century.";
    let tagline = "Coastal Ledger - news of the bay";
    let first = page(
        &[tagline, HEADLINE, BODY[0], BODY[1], BODY[3], footer],
        Some("Coastal Ledger"),
    );
    let second = page(
        &[
            tagline,
            "Ferry fares to rise in spring",
            "Fares on the Lowmoor ferry will rise by a tenth in April, the operator said on Friday, blaming the cost of fuel and of the new landing stage at the harbour.",
            "Season tickets will rise by less, and children under five will still travel free, according to the notice posted at the terminal on Friday morning.",
            footer,
        ],
        Some("Coastal Ledger"),
    );
    let third = page(
        &[
            "Bridge back in use",
            BODY[0],
            "Drivers said the queues on the first morning were shorter than they had feared, and buses kept to their timetable for the first time since June.",
        ],
        Some("Valley Post"),
    );
    vec![first, second, third]
}

#[test]
fn lines_repeated_across_one_outlet_are_chrome() {
    let marked = marks(&outlet_pages());
    for m in &marked[..2] {
        assert_eq!(
            reason_of(m, "Coastal Ledger - news of the bay"),
            Some("repeated across outlet")
        );
        assert_eq!(
            reason_of(
                m,
                "The Coastal Ledger is an independent newspaper serving the towns of the bay since the nineteenth century."
            ),
            Some("repeated across outlet")
        );
    }
}

#[test]
fn paragraphs_shared_by_different_outlets_are_not_chrome() {
    let marked = marks(&outlet_pages());
    assert_eq!(reason_of(&marked[0], BODY[0]), None);
    assert!(marked[2].is_empty(), "{:?}", marked[2]);
}

#[test]
fn a_background_paragraph_reused_by_one_outlet_is_kept() {
    let background = "The bridge, which opened in 1958, carries the main road between the two halves of the town and is the only crossing of the harbour.";
    let a = page(
        &[HEADLINE, BODY[0], background, BODY[1]],
        Some("Coastal Ledger"),
    );
    let b = page(
        &[
            "Ferry fares to rise in spring",
            "Fares on the Lowmoor ferry will rise by a tenth in April, the operator said on Friday, blaming the cost of fuel and of the new landing stage at the harbour.",
            background,
            "Season tickets will rise by less, and children under five will still travel free, according to the notice posted at the terminal on Friday morning.",
        ],
        Some("Coastal Ledger"),
    );
    let marked = marks(&[a, b]);
    assert!(marked.iter().all(|m| m.is_empty()), "{marked:?}");
}

#[test]
fn two_versions_of_one_story_keep_their_headline() {
    let lines = [HEADLINE, BODY[0], BODY[1], BODY[3], BODY[5]];
    let mut update = lines.to_vec();
    update.push("Traffic was flowing freely by the evening, the police said.");
    let marked = marks(&[
        page(&lines, Some("Coastal Ledger")),
        page(&update, Some("Coastal Ledger")),
    ]);
    assert!(marked.iter().all(|m| m.is_empty()), "{marked:?}");
}

#[test]
fn the_host_of_the_url_stands_in_for_a_missing_outlet() {
    let mut pages = outlet_pages();
    for (p, url) in pages.iter_mut().zip([
        "https://www.ledger.example/bridge",
        "http://ledger.example/ferry?x=1",
        "https://post.example/bridge",
    ]) {
        p.outlet = None;
        p.url = Some(url);
    }
    let marked = marks(&pages);
    assert_eq!(
        reason_of(&marked[1], "Coastal Ledger - news of the bay"),
        Some("repeated across outlet")
    );
    assert!(marked[2].is_empty());
}

#[test]
fn marks_do_not_depend_on_the_order_of_sources() {
    let forward = marks(&outlet_pages());
    let mut pages = outlet_pages();
    pages.reverse();
    let mut backward = marks(&pages);
    backward.reverse();
    assert_eq!(forward, backward);
}

#[test]
fn odd_input_does_not_panic() {
    let texts = [
        "",
        "\n\n\n",
        "Menu",
        "°C °F ° — ’ “",
        "Ünïcödé prose with accents, café and naïve façade, written at some length so that it is long enough to count as a paragraph of prose.",
    ];
    for t in texts {
        let paragraphs = segment::paragraphs(t);
        let input = CleanInput {
            text: t,
            outlet: Some(""),
            url: Some("::"),
            paragraphs: &paragraphs,
        };
        for b in &mark(&[input])[0] {
            assert!(t.get(b.range.clone()).is_some());
        }
    }
    // Paragraph ranges that do not fit the text are skipped, not trusted.
    let (start, end) = (2, 1);
    let bad = [0..100, start..end];
    let input = CleanInput {
        text: "short",
        outlet: None,
        url: None,
        paragraphs: &bad,
    };
    assert!(mark(&[input])[0].is_empty());
}

#[test]
fn a_two_word_headline_above_a_dateline_is_kept() {
    let lines = [
        "Bridge reopens",
        "Published: March 9, 2021",
        "The harbour bridge reopened on Wednesday after nine months of work.",
    ];
    let marked = &marks(&[page(&lines, None)])[0];
    assert_eq!(
        marked,
        &vec![("Published: March 9, 2021".to_string(), "publication line")]
    );
}

#[test]
fn a_date_heading_inside_the_article_is_kept_and_a_date_above_it_is_not() {
    let lines = [
        "Tuesday, 9 March 2021",
        HEADLINE,
        BODY[0],
        "March 2020",
        BODY[1],
        "June 2020",
        BODY[3],
    ];
    let marked = &marks(&[page(&lines, None)])[0];
    assert_eq!(
        marked,
        &vec![("Tuesday, 9 March 2021".to_string(), "page date")]
    );
}

#[test]
fn a_sentence_reused_by_one_outlet_is_chrome_only_outside_the_article() {
    let quote = "“We will not let the town down,” the mayor said.";
    let thanks = "Thanks for reading, and see you next week.";
    let a = page(
        &[HEADLINE, BODY[0], quote, BODY[1], thanks],
        Some("Coastal Ledger"),
    );
    let b = page(
        &[
            "Ferry fares to rise in spring",
            "Fares on the Lowmoor ferry will rise by a tenth in April, the operator said on Friday, blaming the cost of fuel and of the new landing stage at the harbour.",
            quote,
            "Season tickets will rise by less, and children under five will still travel free, according to the notice posted at the terminal on Friday morning.",
            thanks,
        ],
        Some("Coastal Ledger"),
    );
    for m in marks(&[a, b]) {
        assert_eq!(reason_of(&m, quote), None);
        assert_eq!(reason_of(&m, thanks), Some("repeated across outlet"));
    }
}

#[test]
fn a_link_box_in_the_middle_does_not_end_the_article() {
    let lines = [
        HEADLINE,
        BODY[0],
        BODY[1],
        "Related Articles",
        "Ferry fares to rise in spring",
        "Council approves new harbour wall",
        BODY[3],
        BODY[5],
    ];
    let marked = &marks(&[page(&lines, None)])[0];
    assert_eq!(reason_of(marked, "Related Articles"), Some("related links"));
    assert_eq!(
        reason_of(marked, "Ferry fares to rise in spring"),
        Some("related links")
    );
    for line in [HEADLINE, BODY[0], BODY[1], BODY[3], BODY[5]] {
        assert_eq!(reason_of(marked, line), None, "{line}");
    }
}

#[test]
fn a_brief_in_one_sentence_paragraphs_keeps_its_lead_and_headline() {
    let sentences = [
        "EASTPORT — A ferry sank in the harbour on Tuesday.",
        "All 48 passengers were rescued, the coast guard said.",
        "“It went down in minutes,” said one passenger.",
        "The cause of the sinking was not known.",
        "Divers will inspect the wreck on Wednesday.",
    ];
    let mut lines = vec![
        "Menu",
        "Ferry sinks in harbour, all passengers rescued",
        "By Sam Roe",
    ];
    lines.extend_from_slice(&sentences);
    lines.push(
        "The Eastport Courier is a member of the regional press council and is committed to accuracy, fairness and independence in everything that it publishes for its readers.",
    );
    let marked = &marks(&[page(&lines, None)])[0];
    assert_eq!(reason_of(marked, "Menu"), Some("navigation"));
    assert_eq!(reason_of(marked, "By Sam Roe"), Some("byline"));
    for line in sentences
        .iter()
        .chain(&["Ferry sinks in harbour, all passengers rescued"])
    {
        assert_eq!(reason_of(marked, line), None, "{line}");
    }
}

#[test]
fn a_share_bar_between_headline_and_body_does_not_hide_the_headline() {
    let lines = [
        HEADLINE,
        "Published",
        "4 March 2021",
        "Share",
        "close panel",
        "Copy link",
        "Image caption,",
        CAPTION,
        BODY[0],
        BODY[1],
    ];
    let marked = &marks(&[page(&lines, None)])[0];
    let texts: Vec<&str> = marked.iter().map(|(t, _)| t.as_str()).collect();
    assert_eq!(
        texts,
        vec![
            "Published",
            "4 March 2021",
            "Share",
            "close panel",
            "Copy link",
            "Image caption,"
        ]
    );
}

#[test]
fn what_follows_a_closing_credit_is_chrome() {
    let disclaimer = "All market data on this page is delayed by at least fifteen minutes, and the list of exchanges and their delays can be found on a separate page.";
    let lines = [
        HEADLINE,
        BODY[0],
        BODY[1],
        BODY[3],
        "Reporting by Dana Whitlock; Editing by Sam Roe",
        "Our standards: the principles of the trust.",
        disclaimer,
    ];
    let marked = &marks(&[page(&lines, None)])[0];
    assert_eq!(
        reason_of(marked, "Reporting by Dana Whitlock; Editing by Sam Roe"),
        Some("source credit")
    );
    assert_eq!(reason_of(marked, disclaimer), Some("source credit"));
    assert_eq!(reason_of(marked, BODY[3]), None);
}

#[test]
fn hard_wrapped_prose_is_read_as_whole_paragraphs() {
    let text = "Skip to content\n\nHarbour bridge reopens after nine-month repair\n\n\
The Eastport harbour bridge reopened to traffic on Wednesday after a\n\
repair that took nine months and cost the city $12.5 million, officials\n\
said at a ceremony on the quay that was attended by several hundred\n\
residents and the mayor.\n\n\
About 40,000 vehicles crossed the bridge each day before it closed in\n\
June, according to the city's transport office, and the detour had added\n\
up to half an hour to many journeys across the town in the rush hour.\n";
    let p = Page {
        text: text.to_string(),
        outlet: None,
        url: None,
    };
    let marked = &marks(&[p])[0];
    assert_eq!(marked, &vec![("Skip to content".to_string(), "navigation")]);
}

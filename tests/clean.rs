//! Boilerplate marks on the sample corpus: the chrome an editor would set aside is
//! marked, with its reason, and no line of an article is.

use claimdiff::{Corpus, Document, prepare};

/// The chrome of each seed, line by line, as a careful editor reads it.
const CHROME: &[(&str, &[(&str, &str)])] = &[
    (
        "000_1703b7b2bb6baa3b",
        &[
            ("buy facebook likes", "advertising"),
            ("Published On: Wed, Sep 23rd, 2015", "publication line"),
            ("syriaTND Guest Contributor:  Andrei Akulov", "byline"),
            ("Investing in Silver at Spot", "advertising"),
            (
                "This article was published at the Strategic Culture Foundation on-line journal and is reprinted with permission.",
                "reprint notice",
            ),
            ("Best Silver Coin Prices Online", "advertising"),
            ("About the Author", "about the author"),
        ],
    ),
    (
        "001_b17d257d6203724e",
        &[
            ("Photo by: Reuters", "photo credit"),
            ("TRTWorld and agencies", "source credit"),
        ],
    ),
    (
        "002_9d7f267a3ae22dc7",
        &[
            ("New Delhi -°C", "weather"),
            ("Today in New Delhi, India", "weather"),
            ("Jan 26, 2020-Sunday", "page date"),
            ("Select city", "city picker"),
            (
                "Metro cities - Delhi, Mumbai, Chennai, Kolkata",
                "city picker",
            ),
            (
                "Other cities - Noida, Gurgaon, Bengaluru, Hyderabad, Bhopal , Chandigarh , Dehradun, Indore, Jaipur, Lucknow, Patna, Ranchi",
                "city picker",
            ),
            ("world Updated: Sep 19, 2015 12:38 IST", "publication line"),
        ],
    ),
    (
        "003_ba485b796173ec3f",
        &[
            ("Skip to main content", "navigation"),
            ("Stay informed with MEE's newsletters", "newsletter"),
            (
                "Sign up to get the latest alerts, insights and analysis, starting with Turkey Unpacked",
                "newsletter",
            ),
            (
                "Middle East Eye delivers independent and unrivalled coverage and analysis of the Middle East, North Africa and beyond. To learn more about republishing this content and the associated fees, please fill out this form. More about MEE can be found here.",
                "reprint notice",
            ),
        ],
    ),
    (
        "004_b784489694a573a3",
        &[
            ("Source: New York Times", "source credit"),
            ("Leave a Reply", "comment form"),
            (
                "Fill in your details below or click an icon to log in:",
                "comment form",
            ),
            ("WordPress.com Logo", "comment form"),
            (
                "You are commenting using your WordPress.com account. Log Out /  Change )",
                "comment form",
            ),
            ("Google+ photo", "comment form"),
            (
                "You are commenting using your Google+ account. Log Out /  Change )",
                "comment form",
            ),
            ("Twitter picture", "comment form"),
            (
                "You are commenting using your Twitter account. Log Out /  Change )",
                "comment form",
            ),
            ("Facebook photo", "comment form"),
            (
                "You are commenting using your Facebook account. Log Out /  Change )",
                "comment form",
            ),
            ("Connecting to %s", "comment form"),
        ],
    ),
];

/// Lines of the articles that sit near chrome or look like it: headlines,
/// standfirsts, subheadings, captions, short quotes, the lead printed twice.
const ARTICLE: &[(&str, &[&str])] = &[
    (
        "000_1703b7b2bb6baa3b",
        &[
            "Russia, US Launch Military Cooperation on Syria",
            "The U.S. and Russia are ending an 18-month freeze in military-to-military relations and initiating talks about how to pursue “deconfliction” of the American and Russian forces involved in the Syrian conflict. Russian and US defense chiefs began talks on September 18 over Syria to avoid dangerous misunderstandings on the battlefield.",
            "Today, the channels of military cooperation between the United States and other countries of the alliance with Russia are totally frozen.",
        ],
    ),
    (
        "001_b17d257d6203724e",
        &[
            "US, Russia set to open military dialogue on Syria",
            "John Kerry announces plans to initiate talks between US and Russia on resolving Syria conflict",
            "A man reacts amidst rubble after what activists said was an airstrike by forces loyal to Syria's President Bashar al-Assad in Aleppo's rebel-controlled Al-Mashad neighbourhood, Syria",
            "US Defence Secretary Ash Carter and Secretary of State John Kerry",
            "War gone on ‘too long’",
            "Secretary of State John Kerry and Russian Foreign Minister Sergey Lavrov",
            "Russian military build-up",
            "\"We don't want to go to Syria, we don't want to die there,\" one lieutenant is quoted saying by the report.",
        ],
    ),
    (
        "002_9d7f267a3ae22dc7",
        &[
            "US and Russian militaries discuss force deployment in Syria",
            "The US military renewed contacts with Russia on Friday to discuss how their forces can keep out of one another’s way in Syria, even as Moscow deployed fighter jets to the war zone.",
            "“Both the secretary and the minister agreed to continue their dialogue.”",
            "Tactical discussions",
            "But, with Western efforts to tackle the Islamic State group floundering, and the moderate Syrian opposition losing ground to radicals, the US officials have suggested Russia may have a role to play in the fight.",
        ],
    ),
    (
        "003_ba485b796173ec3f",
        &[
            "Sceptical Pentagon drafts military cooperation plans on Syria with Russia",
            "If the truce holds, officials say that Moscow and Washington could start cooperating on a level not seen so far this century",
            "Russian President Vladimir Putin meets with his US counterpart Barack Obama on the sidelines of the G20 summit in Hangzhou on 5 September 2016 (AFP)",
            "\"There's a lot of plans, but it still hasn't come together.\"",
            "No precedent this century",
            "Pentagon chief Ashton Carter is dubious.",
            "\"The proof will be in the pudding,\" another defence official said.",
        ],
    ),
    (
        "004_b784489694a573a3",
        &[
            "U.S. Begins Military Talks With Russia on Syria",
            "LONDON — As the first Russian combat aircraft arrived in Syria, the Obama administration reached out to Moscow on Friday to try to coordinate actions in the war zone and avoid an accidental escalation of one of the world’s most volatile conflicts.",
            "Philip Hammond, the British foreign secretary whom Mr. Kerry is scheduled to meet on Saturday, made a similar point earlier this month.",
        ],
    ),
];

fn doc<'a>(docs: &'a [Document<'a>], id: &str) -> &'a Document<'a> {
    docs.iter()
        .find(|d| d.source.id == id)
        .unwrap_or_else(|| panic!("the sample corpus has {id}"))
}

/// Text with every run of whitespace (no-break spaces included) made one space: the
/// seeds have no-break spaces where the lists above have plain ones.
fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The marked lines of a document, as (normalized text, reason).
fn marked(d: &Document<'_>) -> Vec<(String, &'static str)> {
    d.boilerplate
        .iter()
        .map(|b| (norm(&d.text()[b.range.clone()]), b.reason))
        .collect()
}

fn is_chrome(chrome: &[(&str, &str)], line: &str) -> bool {
    chrome.iter().any(|(c, _)| norm(c) == line)
}

fn chrome_of(id: &str) -> &'static [(&'static str, &'static str)] {
    CHROME
        .iter()
        .find(|(i, _)| *i == id)
        .map(|(_, c)| *c)
        .unwrap_or(&[])
}

#[test]
fn every_chrome_line_of_the_seeds_is_marked_with_its_reason() {
    let corpus = Corpus::sample();
    let docs = prepare(&corpus);
    for (id, chrome) in CHROME {
        let marks = marked(doc(&docs, id));
        for (line, reason) in *chrome {
            let found: Vec<&str> = marks
                .iter()
                .filter(|(t, _)| *t == norm(line))
                .map(|(_, r)| *r)
                .collect();
            assert!(!found.is_empty(), "{id}: not marked: {line}");
            assert!(found.iter().all(|r| r == reason), "{id}: {line}: {found:?}");
        }
    }
}

#[test]
fn no_line_of_an_article_is_marked() {
    let corpus = Corpus::sample();
    let docs = prepare(&corpus);
    for d in &docs {
        let chrome = chrome_of(&d.source.id);
        for (line, reason) in marked(d) {
            assert!(
                is_chrome(chrome, &line),
                "{}: article line marked as {reason}: {line}",
                d.source.id
            );
        }
    }
}

#[test]
fn headlines_subheadings_captions_and_repeated_leads_are_article_text() {
    let corpus = Corpus::sample();
    let docs = prepare(&corpus);
    for (id, lines) in ARTICLE {
        let d = doc(&docs, id);
        let marks = marked(d);
        let text = norm(d.text());
        for line in *lines {
            let line = norm(line);
            assert!(text.contains(&line), "{id}: the seed has this line: {line}");
            assert!(
                marks.iter().all(|(t, _)| *t != line),
                "{id}: article line marked: {line}"
            );
        }
    }
    let lead = "The US military renewed contacts with Russia on Friday to discuss how their forces can keep out of one another’s way in Syria, even as Moscow deployed fighter jets to the war zone.";
    let text = norm(doc(&docs, "002_9d7f267a3ae22dc7").text());
    assert_eq!(text.matches(lead).count(), 2);
}

#[test]
fn body_sentences_are_not_flagged_and_chrome_sentences_are() {
    let corpus = Corpus::sample();
    let docs = prepare(&corpus);
    for d in &docs {
        let chrome = chrome_of(&d.source.id);
        for s in &d.sentences {
            let line_start = d.text()[..s.start].rfind('\n').map_or(0, |i| i + 1);
            let line_end = d.text()[s.end..]
                .find('\n')
                .map_or(d.text().len(), |i| s.end + i);
            let line = norm(&d.text()[line_start..line_end]);
            assert_eq!(
                s.boilerplate,
                is_chrome(chrome, &line),
                "{}: {}",
                d.source.id,
                d.sentence_text(s)
            );
        }
    }
}

#[test]
fn every_seed_has_an_article_body() {
    let corpus = Corpus::sample();
    let docs = prepare(&corpus);
    assert_eq!(docs.len(), CHROME.len());
    for d in &docs {
        let body = d.body_sentences().count();
        assert!(body >= 15, "{}: {body} body sentences", d.source.id);
    }
}

//! Cue lexicons: phrases that mark a line as page chrome whatever its neighbours
//! ("Skip to main content", "Leave a Reply", "Photo by: ...", "Sign up to ...").
//!
//! The phrases are general web English, gathered from the chrome of news and blog
//! pages; each rule only applies to lines short enough to be chrome, so that a body
//! sentence that happens to use the words ("declined to comment") is left alone.

use std::sync::LazyLock;

use regex::RegexSet;

use super::dates;
use super::features::Unit;
use crate::text;

/// How a cue line affects the reading of its neighbours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    /// Metadata that sits inside the article block (bylines, datelines, photo
    /// credits, ad slots): neighbours are judged as if it were not there.
    Inline,
    /// Chrome that separates the article from other page parts (menus, prompts,
    /// forms): a neighbour next to it is next to chrome.
    Barrier,
    /// A heading that opens a chrome section running to the end of the page when it
    /// comes after the article ("About the Author", "Leave a Reply"). Link boxes
    /// ("Related") are not openers: pages print them in the middle of the article.
    Opener,
}

/// Why a line is chrome, from a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Cue {
    /// Short label shown to users.
    pub reason: &'static str,
    /// How the line affects its neighbours.
    pub role: Role,
    /// False when the label is only a fallback and a neighbour's label says more
    /// ("Connecting to %s" is a template string of whatever widget holds it).
    pub telling: bool,
    /// True when the line is chrome only outside the article body: a bare date
    /// above or below the article is the day the page was viewed, inside it a
    /// timeline heading.
    pub outside_only: bool,
}

/// A cue rule: a pattern over the folded line (lower case, plain quotes, single
/// spaces), the label, the longest line it may mark, and its role.
struct Rule {
    pattern: &'static str,
    reason: &'static str,
    max_words: usize,
    role: Role,
    /// True when the rule only applies to lines that do not end like a sentence.
    fragment: bool,
}

/// A rule for any line of at most `max_words` words.
const fn rule(pattern: &'static str, reason: &'static str, max_words: usize, role: Role) -> Rule {
    Rule {
        pattern,
        reason,
        max_words,
        role,
        fragment: false,
    }
}

/// A rule for lines that do not end like a sentence: words that a body sentence may
/// also use ("privacy policy", "join the conversation") mark chrome only in fragments.
const fn frag(pattern: &'static str, reason: &'static str, max_words: usize, role: Role) -> Rule {
    Rule {
        pattern,
        reason,
        max_words,
        role,
        fragment: true,
    }
}

use Role::{Barrier, Inline, Opener};

/// The rules, most specific first: when several match, the first one gives the label.
const RULES: &[Rule] = &[
    // Navigation and pickers.
    rule(r"^skip (to|navigation)\b", "navigation", 8, Barrier),
    rule(
        r"^(main |site |primary )?(menu|navigation|search|sections|toggle navigation|open menu|close menu|back to top|go to top|scroll to top|jump to|you are here|breadcrumbs?)$",
        "navigation",
        4,
        Barrier,
    ),
    rule(r"^home\s*[>»›/|]", "navigation", 20, Barrier),
    frag(
        r"^(next|previous|prev|older|newer) (article|story|post|page|entry|posts)\b",
        "navigation",
        12,
        Barrier,
    ),
    frag(
        r"^(select|choose|change|pick|set) (your |a )?(city|location|region|state|district|area)\b",
        "city picker",
        8,
        Barrier,
    ),
    frag(
        r"^(select|choose|change|pick|set) (your |a |the )?(edition|country|language|site)\b",
        "edition picker",
        8,
        Barrier,
    ),
    frag(r"\d?\s?°\s?[cf]\b", "weather", 8, Barrier),
    frag(r"^weather\b", "weather", 8, Barrier),
    // Comment forms (before login prompts: their lines say "log in" too).
    frag(
        r"^(leave|post|add|write|submit|share) (a |your )?(reply|comment|response|thoughts)\b",
        "comment form",
        12,
        Opener,
    ),
    frag(
        r"^(\d+ )?(comments?|responses?|replies|discussion|reader comments)( \(\d+\))?:?$",
        "comment form",
        4,
        Opener,
    ),
    rule(
        r"\b(you are commenting using|fill in your details below|click an icon to log in|your email address will not be published|required fields are marked|notify me of (new|follow-up) (comments|posts|replies)|comments are closed|cancel reply|commenting (is|has been) (closed|disabled)|comments (are|have been) (closed|disabled))\b",
        "comment form",
        40,
        Barrier,
    ),
    frag(
        r"\b(post comment|comment policy|(view|show|load|read|hide) (all )?comments|join the (conversation|discussion)|be the first to comment)\b",
        "comment form",
        12,
        Barrier,
    ),
    rule(
        r"^(name|e-?mail|website|comment|message)\s*\*",
        "comment form",
        3,
        Barrier,
    ),
    // Login and subscription prompts.
    frag(
        r"^(log ?in|log ?out|sign ?in|sign ?out|create (an |your )?account|my account|forgot (your )?password|already (a subscriber|have an account|registered))\b",
        "login prompt",
        12,
        Barrier,
    ),
    rule(
        r"\b(log ?in|sign ?in) (to|with) (your |our )?(account|comment|continue|read|access|view)\b",
        "login prompt",
        30,
        Barrier,
    ),
    rule(
        r"\b(sign up|subscribe|register) (for|to) our (free )?(\w+ )?(newsletters?|alerts|mailing list|briefing|bulletin|digest|emails?)\b",
        "newsletter",
        40,
        Barrier,
    ),
    frag(
        r"\b(sign up|subscribe|register) (for|to) (the|my|\w+'s) (free )?(\w+ )?(newsletters?|alerts|mailing list|briefing|bulletin|digest|emails?)\b",
        "newsletter",
        40,
        Barrier,
    ),
    frag(r"\bnewsletters?\b", "newsletter", 10, Barrier),
    rule(
        r"^(sign up|subscribe) (now|today|here|free|for free|to get|to receive|for|to)\b",
        "newsletter",
        25,
        Barrier,
    ),
    rule(r"^(subscribe|sign up|register)$", "newsletter", 2, Barrier),
    rule(
        r"\b(enter your e-?mail|unsubscribe at any time|straight to your inbox|delivered to your inbox)\b",
        "newsletter",
        40,
        Barrier,
    ),
    frag(
        r"\b(your e-?mail address|in your inbox)\b",
        "newsletter",
        25,
        Barrier,
    ),
    frag(
        r"^stay (informed|updated|up to date|up-to-date|in the know|connected|in touch)\b",
        "newsletter",
        15,
        Barrier,
    ),
    // Sharing and following.
    rule(
        r"^(share|share this|share this (article|story|post|page|video)|share (on|via) \w+|share page|about sharing|tweet|pin it|email this|e-?mail|print|print this( article| page| story)?|copy link|click to share.*|share article)$",
        "share prompt",
        8,
        Barrier,
    ),
    rule(
        r"\b(share this (article|story|post|page)|share (on|via) (facebook|twitter|whatsapp|linkedin|reddit|e-?mail|telegram)|click to share)\b",
        "share prompt",
        20,
        Barrier,
    ),
    rule(
        r"^(facebook|twitter|whatsapp|linkedin|e-?mail|print|reddit|telegram|pinterest|messenger|copy link)( ?[|,/·•] ?(facebook|twitter|whatsapp|linkedin|e-?mail|print|reddit|telegram|pinterest|messenger|copy link))+$",
        "share prompt",
        12,
        Barrier,
    ),
    rule(r"^follow (us|me|\w+) (on|@)", "follow prompt", 20, Barrier),
    frag(r"\b(follow us|like us on)\b", "follow prompt", 20, Barrier),
    // Advertising and appeals.
    rule(
        r"^(advertisement|advertising|advertisements|ad|ads|adchoices|sponsored|sponsored content|sponsored links|promoted|promoted content|promoted stories|paid content|paid post|partner content|from our partners|story continues below( advertisement)?|article continues below( advertisement)?|continue reading (the |this )?(main )?(story|article) below( advertisement)?|scroll to continue( with content)?)$",
        "advertising",
        8,
        Inline,
    ),
    rule(
        r"^(sponsored|promoted|advertisement|paid post|partner content)\s*[:|·]",
        "advertising",
        15,
        Inline,
    ),
    frag(r"^(sponsored|ads) by\b", "advertising", 6, Inline),
    frag(
        r"\bbuy (\w+ ){0,2}(likes|followers|views|subscribers|reviews|backlinks|traffic)\b",
        "advertising",
        8,
        Inline,
    ),
    rule(
        r"\b(download (our|the) (free )?app|get the app|available on the app store|get it on google play)\b",
        "app promotion",
        30,
        Barrier,
    ),
    rule(
        r"\b(support (our|independent|quality) journalism|donate (now|today)|make a donation|become a (member|subscriber|patron|supporter)|subscribe (now|today) for)\b",
        "donation appeal",
        60,
        Barrier,
    ),
    // Links to other pages.
    frag(
        r"^(related|topics|tags|tagged|filed under|categories|related (articles|stories|posts|content|coverage|news|topics|links|reading|videos)|recommended( for you| stories| articles| reading)?|you (may|might) (also )?(like|enjoy|be interested in|have missed)|most (read|popular|viewed|shared|commented|watched)|trending( now| stories| news)?|top stories|editor'?s picks|don'?t miss|more (stories|news|articles|videos)|more (from|on) (this|our|the) \w+|latest (news|stories|articles|headlines|videos)|popular (posts|stories|articles)|what to read next|read next|further reading|in other news|around the web|elsewhere on the web)$",
        "related links",
        8,
        Barrier,
    ),
    rule(
        r"^(read more|read also|also read|also see|see also|related|more|watch|listen|must read|recommended|trending|topics|tags|tagged|filed under|categories|read the full (story|article)|continue reading|full story|view (the )?(full|original) (article|story))\s*[:|>»›]",
        "related links",
        30,
        Inline,
    ),
    frag(
        r"^(read more|continue reading|read the full (story|article)|full story|view (the )?(full|original) (article|story)|see more|show more|load more)\b",
        "related links",
        12,
        Inline,
    ),
    rule(r"^click here\b", "link prompt", 30, Barrier),
    frag(r"\bclick here\b", "link prompt", 30, Barrier),
    rule(r"^video\s*[:|]", "video embed", 20, Inline),
    rule(
        r"^\d+\s*(-|to)?\s*\d*\s*(min|mins|minute|minutes)( read| reading time)?$|^(reading time|read time)\s*:?\s*\d+",
        "reading time",
        6,
        Inline,
    ),
    rule(
        r"^(image|photo|picture|video|media) caption\s*[,:]?$",
        "caption label",
        3,
        Inline,
    ),
    // Author boxes and bylines.
    frag(
        r"^about the (author|authors|writer|contributor|columnist)s?\b",
        "about the author",
        8,
        Opener,
    ),
    frag(
        r"^(author|writer|contributor) (bio|biography|profile|information|details)$",
        "about the author",
        4,
        Opener,
    ),
    frag(
        r"^(more|other|all|latest) (articles|posts|stories|columns) (by|from) (this |the )?(author|writer)\b",
        "about the author",
        12,
        Opener,
    ),
    frag(
        r"\b(guest )?(contributor|author|writer|columnist|correspondent|reporter|staff writer|editor)s?\s*:",
        "byline",
        8,
        Inline,
    ),
    frag(
        r"^(written|posted|reported|compiled|edited|words) by\b",
        "byline",
        12,
        Inline,
    ),
    // Credits and notices.
    rule(
        r"^\(?(photo|photos|photograph|photographs|image|images|picture|pictures|pic|graphic|illustration|file photo|cover photo|cover image|featured image|main image|top image|photo credit|image credit|image source|picture credit|credit|credits)\s*(by|courtesy( of)?|credit|source)?\s*[:|/]",
        "photo credit",
        12,
        Inline,
    ),
    frag(
        r"^\(?(photo|photograph|image|picture)s? (by|courtesy of|credit|source)\b",
        "photo credit",
        12,
        Inline,
    ),
    rule(
        r"^\((photo|photograph|image|picture|file)\b.*\)$",
        "photo credit",
        12,
        Inline,
    ),
    rule(
        r"\b(reprinted|republished|reproduced|reposted|cross-?posted|syndicated|shared) (here )?(with|by) (the )?(kind |express )?permission\b",
        "reprint notice",
        80,
        Barrier,
    ),
    rule(
        r"^(this|the above|the following) (article|story|post|piece|essay|column|op-ed|commentary) (was |is |has been |first |originally )*(published|appeared|posted)\b",
        "reprint notice",
        60,
        Barrier,
    ),
    rule(
        r"^(originally|first) (published|appeared|posted) (on|in|at|by)\b",
        "reprint notice",
        30,
        Barrier,
    ),
    rule(
        r"\b(republishing|republish|republication|reprinting|syndicating|licensing|reuse) (this|our|the|of this|of our) (content|article|story|material|work)\b|\bpermission to (republish|reprint|reproduce)\b",
        "reprint notice",
        80,
        Barrier,
    ),
    rule(r"^sources?\s*[:|]\s*\S", "source credit", 10, Opener),
    frag(
        r"^(via|courtesy( of)?|with (input|inputs|reporting|additional reporting) (from|by)|additional reporting( by)?|reporting by|writing by|editing by|compiled by|edited by|translated by)\b",
        "source credit",
        12,
        Opener,
    ),
    frag(
        r"\b(and|with|from|&) (news )?(agencies|agency reports|wires|wire services|wire reports)\)?$|^\(?(with )?(agencies|wires|agency reports)\)?$",
        "source credit",
        8,
        Opener,
    ),
    rule(
        r"^(©|\(c\) ?\d{4}|copyright\s*(©|\(c\)|\d{4}))|©|\ball rights reserved\b",
        "copyright",
        40,
        Opener,
    ),
    frag(
        r"\b(privacy policy|privacy notice|terms (of|and) (use|service|conditions)|cookie (policy|settings|preferences)|do not sell my|accessibility statement)\b|^(about us|contact us|advertise with us|work with us|careers|terms|privacy)$",
        "site links",
        30,
        Barrier,
    ),
    rule(
        r"\b(we use cookies|this (site|website) uses cookies|accept (all )?cookies|by continuing to (use|browse) (this|our|the) (site|website))\b",
        "cookie notice",
        60,
        Barrier,
    ),
    rule(
        r"\b((please )?(enable|turn on) javascript|your browser (does not|doesn't) support|update your browser)\b",
        "browser notice",
        40,
        Barrier,
    ),
    rule(
        r"\b(fill out this form|please fill (out|in) (the|our) form)\b",
        "form prompt",
        60,
        Barrier,
    ),
];

/// A line that is a template placeholder left unfilled ("Connecting to %s").
const TEMPLATE: &str = r"%[sd]\b|\{\{.*\}\}|\$\{.*\}";

/// Lines longer than this (in words) are only scanned for the rules that allow
/// long lines.
const SHORT_LINE_WORDS: usize = 15;

/// The rule patterns compiled into one automaton, so that each line is scanned
/// once; word boundaries are ASCII ones, which keep the automaton fast on text
/// with curly quotes and dashes.
fn compile<'p>(patterns: impl Iterator<Item = &'p str>) -> RegexSet {
    RegexSet::new(patterns.map(|p| p.replace(r"\b", r"(?-u:\b)"))).expect("cue patterns are valid")
}

/// Every rule, then the template pattern (at index `RULES.len()`).
static RULE_SET: LazyLock<RegexSet> =
    LazyLock::new(|| compile(RULES.iter().map(|r| r.pattern).chain([TEMPLATE])));

/// The indices of the rules that allow lines longer than [`SHORT_LINE_WORDS`].
static LONG_RULES: LazyLock<Vec<usize>> = LazyLock::new(|| {
    (0..RULES.len())
        .filter(|&i| RULES[i].max_words > SHORT_LINE_WORDS)
        .collect()
});

/// The rules of [`LONG_RULES`], compiled.
static LONG_SET: LazyLock<RegexSet> =
    LazyLock::new(|| compile(LONG_RULES.iter().map(|&i| RULES[i].pattern)));

/// Words of commercial link bait and ads ("buy ... likes", "best ... prices online",
/// "investing in ... at spot"). Sorted, for binary search. A line is an ad only when
/// nearly all its content words are here, so news headlines about markets are not.
const COMMERCIAL: &[&str] = &[
    "backlinks",
    "best",
    "bet",
    "betting",
    "bitcoin",
    "bonus",
    "bullion",
    "buy",
    "casino",
    "casinos",
    "cheap",
    "cheapest",
    "coin",
    "coins",
    "coupon",
    "coupons",
    "crypto",
    "deal",
    "deals",
    "diet",
    "discount",
    "discounts",
    "essay",
    "essays",
    "followers",
    "forex",
    "free",
    "gold",
    "insurance",
    "investing",
    "jackpot",
    "likes",
    "loan",
    "loans",
    "lottery",
    "mortgage",
    "mortgages",
    "offer",
    "offers",
    "online",
    "order",
    "payday",
    "pills",
    "poker",
    "price",
    "prices",
    "promo",
    "quote",
    "quotes",
    "rates",
    "replica",
    "sale",
    "seo",
    "shipping",
    "shop",
    "silver",
    "slots",
    "spot",
    "subscribers",
    "supplements",
    "trading",
    "viagra",
    "views",
    "watches",
];

/// Longest line that can be a link-bait ad.
const MAX_AD_WORDS: usize = 10;

/// Words of a site's own section menu. Sorted, for binary search.
const MENU_WORDS: &[&str] = &[
    "about",
    "analysis",
    "archive",
    "archives",
    "arts",
    "blog",
    "blogs",
    "books",
    "business",
    "careers",
    "cars",
    "contact",
    "culture",
    "economy",
    "education",
    "entertainment",
    "environment",
    "events",
    "fashion",
    "features",
    "film",
    "food",
    "football",
    "games",
    "health",
    "home",
    "jobs",
    "latest",
    "lifestyle",
    "live",
    "local",
    "login",
    "magazine",
    "markets",
    "menu",
    "more",
    "multimedia",
    "music",
    "national",
    "news",
    "newsletters",
    "obituaries",
    "opinion",
    "photos",
    "podcast",
    "podcasts",
    "politics",
    "property",
    "puzzles",
    "science",
    "search",
    "sections",
    "sport",
    "sports",
    "style",
    "subscribe",
    "tech",
    "technology",
    "travel",
    "tv",
    "video",
    "videos",
    "weather",
    "world",
];

/// The cue of a line, if any.
pub(super) fn cue(unit: &Unit, line: &str) -> Option<Cue> {
    if unit.folded.is_empty() {
        return None;
    }
    let folded = unit.folded.as_str();
    if let Some(c) = rule_cue(unit, folded) {
        return Some(c);
    }
    if unit.words <= 20 && !unit.sentence && dates::is_publication_line(folded) {
        return Some(telling("publication line", Inline));
    }
    if unit.words <= 12 && dates::is_date_stamp(folded) {
        return Some(Cue {
            outside_only: true,
            ..telling("page date", Inline)
        });
    }
    if is_byline(line, unit) {
        return Some(telling("byline", Inline));
    }
    if is_link_bait(unit) {
        return Some(telling("advertising", Inline));
    }
    if is_menu(unit) {
        return Some(telling("navigation", Barrier));
    }
    if unit.words <= SHORT_LINE_WORDS && RULE_SET.matches(folded).matched(RULES.len()) {
        return Some(Cue {
            telling: false,
            ..telling("template text", Barrier)
        });
    }
    None
}

fn telling(reason: &'static str, role: Role) -> Cue {
    Cue {
        reason,
        role,
        telling: true,
        outside_only: false,
    }
}

/// The first lexicon rule that matches and allows a line of this length.
fn rule_cue(unit: &Unit, folded: &str) -> Option<Cue> {
    let applies = |r: &&Rule| unit.words <= r.max_words && !(r.fragment && unit.sentence);
    let rule = if unit.words <= SHORT_LINE_WORDS {
        RULE_SET
            .matches(folded)
            .iter()
            .filter_map(|i| RULES.get(i))
            .find(applies)
    } else {
        LONG_SET
            .matches(folded)
            .iter()
            .filter_map(|i| LONG_RULES.get(i).and_then(|&r| RULES.get(r)))
            .find(applies)
    };
    rule.map(|r| telling(r.reason, r.role))
}

/// "By Jane Doe", "By Jane Doe and John Roe, Harbour Desk": "By" and one to five
/// capitalized words, no full stop. "By then, the ..." is a sentence, not a byline.
fn is_byline(line: &str, unit: &Unit) -> bool {
    let Some(rest) = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("BY "))
    else {
        return false;
    };
    if unit.words > 10 || unit.sentence {
        return false;
    }
    let names: Vec<&str> = rest
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '/'))
        .filter(|w| !w.is_empty())
        .take_while(|w| !matches!(*w, "and" | "&"))
        .collect();
    (1..=5).contains(&names.len())
        && names
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// A short line whose content words are nearly all commercial ("Cheap Flights
/// Deals Online", "buy instagram followers").
fn is_link_bait(unit: &Unit) -> bool {
    if unit.words > MAX_AD_WORDS || unit.sentence {
        return false;
    }
    let mut content = 0;
    let mut commercial = 0;
    for w in unit
        .folded
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
    {
        if w.is_empty() || text::is_stop_word(w) {
            continue;
        }
        content += 1;
        if COMMERCIAL.binary_search(&w).is_ok() {
            commercial += 1;
        }
    }
    commercial >= 2 && commercial * 4 >= content * 3
}

/// A line of three or more section names and nothing else ("Home News Sport
/// Weather").
fn is_menu(unit: &Unit) -> bool {
    if unit.words < 3 || unit.stop_words > 0 || unit.sentence || unit.words > 20 {
        return false;
    }
    let words: Vec<&str> = unit
        .folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let menu = words
        .iter()
        .filter(|w| MENU_WORDS.binary_search(w).is_ok())
        .count();
    menu * 10 >= words.len() * 6
}

#[cfg(test)]
mod tests {
    use super::super::features::units;
    use super::*;

    fn reason(line: &str) -> Option<&'static str> {
        let u = units(line, std::slice::from_ref(&(0..line.len()))).remove(0);
        cue(&u, line).map(|c| c.reason)
    }

    #[test]
    fn word_lists_are_sorted_for_binary_search() {
        for list in [COMMERCIAL, MENU_WORDS] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
    }

    #[test]
    fn chrome_phrases_have_their_reasons() {
        let cases = [
            ("Skip to content", "navigation"),
            ("Home » Local » Harbour", "navigation"),
            ("Choose your city", "city picker"),
            ("Eastport 14°C", "weather"),
            ("Leave a comment", "comment form"),
            ("12 Comments", "comment form"),
            ("Your email address will not be published.", "comment form"),
            ("Log in to your account to comment", "login prompt"),
            ("Sign up for our morning newsletter", "newsletter"),
            (
                "Get the best of the Ledger in your inbox every day",
                "newsletter",
            ),
            ("Share this article", "share prompt"),
            ("WhatsApp | LinkedIn | Email", "share prompt"),
            ("Follow us on social media", "follow prompt"),
            ("ADVERTISEMENT", "advertising"),
            ("Story continues below advertisement", "advertising"),
            ("Related Articles", "related links"),
            ("Read more: Ferry fares to rise in spring", "related links"),
            ("About the Author", "about the author"),
            ("By Jane Doe and Sam Roe", "byline"),
            ("Photo: Harbour Ledger/Sam Roe", "photo credit"),
            ("Image courtesy of the port authority", "photo credit"),
            (
                "This story was first published by the Valley Post and is reprinted here with permission.",
                "reprint notice",
            ),
            ("Harbour Desk and agencies", "source credit"),
            (
                "© 2021 The Coastal Ledger. All rights reserved.",
                "copyright",
            ),
            ("Posted on 4 March 2021 at 10:15", "publication line"),
            ("Thursday, March 4, 2021", "page date"),
            ("Cheap Payday Loans Online", "advertising"),
            ("buy instagram followers", "advertising"),
            ("Home News Sport Weather Culture", "navigation"),
            ("Loading %s", "template text"),
            ("4 min read", "reading time"),
            ("Image caption,", "caption label"),
            ("Reuse this content", "reprint notice"),
        ];
        for (line, want) in cases {
            assert_eq!(reason(line), Some(want), "{line}");
        }
    }

    #[test]
    fn body_sentences_with_chrome_words_have_no_cue() {
        for line in [
            "The mayor declined to comment.",
            "By then, the ferry had already left the harbour.",
            "Residents can sign up for the repair scheme at the town hall until Friday, the council said.",
            "Investors buy gold as prices soar",
            "The port authority said it would share the cost of the repairs with the city.",
            "Harbour bridge reopens after nine-month repair",
            "Published in 1958, the survey set rules for the port that still apply.",
            "Engineers replaced the cables in March 2021.",
            "Photographers gathered at the bridge as it reopened.",
            "Residents can register for the city's flood alerts at the library.",
            "“Just click here and the money is yours,” the message said, according to police.",
            "Sponsors said the race would go ahead.",
        ] {
            assert_eq!(reason(line), None, "{line}");
        }
    }
}

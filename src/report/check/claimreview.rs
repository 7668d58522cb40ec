//! `claimdiff check --format claimreview`: schema.org ClaimReview JSON-LD, one
//! review per claim in an `@graph`: `claimReviewed`, `itemReviewed` (a `Claim`
//! with an `appearance` for every source that supports or contradicts it),
//! `reviewRating` (with `alternateName`), `author`, and `datePublished` only
//! when the user gives the date (claimdiff never reads the clock).

use serde_json::{Map, Value, json};

use crate::claims::{CheckReport, SourceVerdict, Verdict};

/// Who reviews, and when.
#[derive(Debug, Clone, Copy)]
pub struct Review<'a> {
    /// The reviewer's name (`author`).
    pub author: &'a str,
    /// The review date as YYYY-MM-DD (`datePublished`), if given.
    pub date: Option<&'a str>,
}

/// The rating of a verdict: (value on a 1–5 scale, words). A claim no source
/// mentions gets no value.
fn rating(v: Verdict) -> (Option<u8>, &'static str) {
    match v {
        Verdict::Supported => (Some(5), "Supported by the sources"),
        Verdict::Mixed => (
            Some(3),
            "Mixed: some sources support it, others contradict it",
        ),
        Verdict::Contradicted => (Some(1), "Contradicted by the sources"),
        Verdict::NotMentioned => (None, "Not mentioned by the sources"),
    }
}

/// The check as ClaimReview JSON-LD.
pub fn report(r: &CheckReport, review: &Review<'_>) -> String {
    let graph: Vec<Value> = r
        .claims
        .iter()
        .map(|c| {
            let appearances: Vec<Value> = c
                .sources
                .iter()
                .filter(|s| {
                    matches!(
                        s.verdict,
                        SourceVerdict::Supports | SourceVerdict::Contradicts
                    )
                })
                .filter_map(|s| r.sources.get(s.index).map(|info| (s, info)))
                .map(|(s, info)| {
                    let mut a = Map::new();
                    a.insert("@type".into(), json!("CreativeWork"));
                    a.insert("name".into(), json!(info.id));
                    if let Some(u) = &info.url {
                        a.insert("url".into(), json!(u));
                    }
                    if let Some(o) = &info.outlet {
                        a.insert(
                            "publisher".into(),
                            json!({"@type": "Organization", "name": o}),
                        );
                    }
                    if let Some(d) = &info.published {
                        a.insert("datePublished".into(), json!(d));
                    }
                    a.insert("description".into(), json!(s.reason));
                    Value::Object(a)
                })
                .collect();
            let (value, words) = rating(c.verdict);
            let mut rating = Map::new();
            rating.insert("@type".into(), json!("Rating"));
            rating.insert("alternateName".into(), json!(words));
            if let Some(v) = value {
                rating.insert("ratingValue".into(), json!(v));
                rating.insert("bestRating".into(), json!(5));
                rating.insert("worstRating".into(), json!(1));
            }
            let mut item = Map::new();
            item.insert("@type".into(), json!("ClaimReview"));
            item.insert("identifier".into(), json!(c.id));
            item.insert("claimReviewed".into(), json!(c.claim));
            item.insert(
                "itemReviewed".into(),
                json!({"@type": "Claim", "appearance": appearances}),
            );
            item.insert("reviewRating".into(), Value::Object(rating));
            item.insert(
                "author".into(),
                json!({"@type": "Organization", "name": review.author}),
            );
            if let Some(d) = review.date {
                item.insert("datePublished".into(), json!(d));
            }
            Value::Object(item)
        })
        .collect();
    let doc = json!({"@context": "https://schema.org", "@graph": graph});
    let mut out = serde_json::to_string_pretty(&doc).expect("JSON values always serialize");
    out.push('\n');
    out
}

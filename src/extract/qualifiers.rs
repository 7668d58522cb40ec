//! The words that hedge a figure: before it ("some", "up to", "more than"), after it
//! ("or more", "or so"). They become part of the figure's span, and the qualifier
//! tells comparison how wide the figure's interval is.

use crate::figure::Qualifier;

use super::tokens::View;

/// Hedges written before a number, longest first so that "no more than" wins over
/// "more than".
const BEFORE: &[(&[&str], Qualifier)] = &[
    (&["in", "excess", "of"], Qualifier::MoreThan),
    (&["no", "more", "than"], Qualifier::AtMost),
    (&["not", "more", "than"], Qualifier::AtMost),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["as", "many", "as"], Qualifier::AtMost),
    (&["as", "much", "as"], Qualifier::AtMost),
    (&["an", "estimated"], Qualifier::Approx),
    (&["close", "to"], Qualifier::Approx),
    (&["more", "than"], Qualifier::MoreThan),
    (&["greater", "than"], Qualifier::MoreThan),
    (&["upwards", "of"], Qualifier::MoreThan),
    (&["just", "over"], Qualifier::MoreThan),
    (&["well", "over"], Qualifier::MoreThan),
    (&["less", "than"], Qualifier::LessThan),
    (&["fewer", "than"], Qualifier::LessThan),
    (&["just", "under"], Qualifier::LessThan),
    (&["up", "to"], Qualifier::AtMost),
    (&["at", "most"], Qualifier::AtMost),
    (&["at", "least"], Qualifier::AtLeast),
    (&["some"], Qualifier::Approx),
    (&["about"], Qualifier::Approx),
    (&["around"], Qualifier::Approx),
    (&["roughly"], Qualifier::Approx),
    (&["approximately"], Qualifier::Approx),
    (&["nearly"], Qualifier::Approx),
    (&["almost"], Qualifier::Approx),
    (&["estimated"], Qualifier::Approx),
    (&["circa"], Qualifier::Approx),
    (&["over"], Qualifier::MoreThan),
    (&["above"], Qualifier::MoreThan),
    (&["under"], Qualifier::LessThan),
    (&["below"], Qualifier::LessThan),
];

/// Hedges written after a number ("20 or more").
const AFTER: &[(&[&str], Qualifier)] = &[
    (&["or", "more"], Qualifier::AtLeast),
    (&["or", "so"], Qualifier::Approx),
    (&["or", "fewer"], Qualifier::AtMost),
    (&["or", "less"], Qualifier::AtMost),
];

fn matches_at(view: &View<'_>, i: usize, words: &[&str]) -> bool {
    words.iter().enumerate().all(|(k, w)| view.is(i + k, w))
}

/// A hedge starting at token `i`: the qualifier and the index of the first token
/// after it.
pub(crate) fn before(view: &View<'_>, i: usize) -> Option<(Qualifier, usize)> {
    BEFORE
        .iter()
        .find(|(words, _)| matches_at(view, i, words))
        .map(|(words, q)| (*q, i + words.len()))
}

/// A hedge starting at token `i` after a number: the qualifier and its last token.
pub(crate) fn after(view: &View<'_>, i: usize) -> Option<(Qualifier, usize)> {
    AFTER
        .iter()
        .find(|(words, _)| matches_at(view, i, words))
        .map(|(words, q)| (*q, i + words.len() - 1))
}

/// True when a word can begin a hedge: a quick test before trying the phrases
/// (checked against [`BEFORE`] by a unit test).
pub(crate) fn may_start(w: &str) -> bool {
    matches!(
        w,
        "about"
            | "above"
            | "almost"
            | "an"
            | "approximately"
            | "around"
            | "as"
            | "at"
            | "below"
            | "circa"
            | "close"
            | "estimated"
            | "fewer"
            | "greater"
            | "in"
            | "just"
            | "less"
            | "more"
            | "nearly"
            | "no"
            | "not"
            | "over"
            | "roughly"
            | "some"
            | "under"
            | "up"
            | "upwards"
            | "well"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(s: &str) -> View<'_> {
        View::new(s, 0..s.len())
    }

    #[test]
    fn longest_hedge_wins() {
        let v = view("no more than 30 sheep");
        assert_eq!(before(&v, 0), Some((Qualifier::AtMost, 3)));
        assert_eq!(before(&v, 1), Some((Qualifier::MoreThan, 3)));
        let v = view("an estimated 12 boats");
        assert_eq!(before(&v, 0), Some((Qualifier::Approx, 2)));
        assert_eq!(before(&v, 2), None);
    }

    #[test]
    fn quick_test_admits_every_hedge() {
        assert!(BEFORE.iter().all(|(words, _)| may_start(words[0])));
    }

    #[test]
    fn hedges_after_the_number() {
        let v = view("40 or more lorries");
        assert_eq!(after(&v, 1), Some((Qualifier::AtLeast, 2)));
        assert_eq!(after(&v, 0), None);
    }
}

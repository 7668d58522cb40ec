//! Speaker phrases and names: what the words that name a speaker say ("Mr. Smith",
//! "he", "the spokesman", "a senior official", "Defense Secretary Jane K. Smith"),
//! and which variants of a name are the same person.
//!
//! A name is the run of capitalized words after the last title or role word, with
//! honorifics, possessives and initials handled by token rules. Variants are unified
//! by rules on their parts and by string similarity (strsim) of surnames and given
//! names, so that transliterations (Aleksei / Alexei) and short forms (Ed / Edward)
//! meet. No list of known people is used.

use serde::Serialize;

use super::words::{
    HONORIFICS, INDEFINITE, NAME_PARTICLES, NAME_SUFFIXES, ORG_WORDS, PRONOUNS, ROLE_WORDS,
    SENTENCE_OPENERS, is_in,
};
use crate::align::merge::UnionFind;
use crate::text::{self, Token, TokenKind};

/// A person's name as written, parsed into parts.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize)]
pub(crate) struct Name {
    /// The words of the name as printed, possessive and honorific removed
    /// ("Jane", "K.", "Smith").
    pub(crate) parts: Vec<String>,
    /// True when an honorific (Mr., Ms., Dr.) came with it.
    pub(crate) honorific: bool,
    /// Folded title and role words that came with it ("defense", "secretary").
    pub(crate) roles: Vec<String>,
}

impl Name {
    /// The name as displayed.
    pub(crate) fn display(&self) -> String {
        self.parts.join(" ")
    }

    /// The folded surname (the last part).
    pub(crate) fn surname(&self) -> String {
        self.parts
            .get(self.surname_at())
            .map(|s| text::fold(s))
            .unwrap_or_default()
    }

    /// Where the surname is: the last part, or the one before a generational
    /// suffix ("Ivo Lund Jr." has the surname "Lund").
    fn surname_at(&self) -> usize {
        let last = self.parts.len().saturating_sub(1);
        let suffix = |p: &String| is_in(NAME_SUFFIXES, &text::fold(p.trim_end_matches('.')));
        if last >= 1 && self.parts.get(last).is_some_and(suffix) {
            last - 1
        } else {
            last
        }
    }

    /// The folded parts before the surname, initials included ("j" for "J.").
    fn given_names(&self) -> Vec<String> {
        let n = self.surname_at();
        self.parts[..n]
            .iter()
            .map(|p| text::fold(p.trim_end_matches('.')))
            .collect()
    }

    /// A key for grouping identical spellings.
    fn key(&self) -> String {
        self.parts
            .iter()
            .map(|p| text::fold(p.trim_end_matches('.')))
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// True when the words say this is a person: a given name and a surname, an
    /// honorific, or a title.
    pub(crate) fn is_person(&self) -> bool {
        self.parts.len() >= 2 || self.honorific || !self.roles.is_empty()
    }
}

/// What a speaker phrase refers to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) enum Phrase {
    /// A named person.
    Named(Name),
    /// "he" or "she": someone named before.
    Pronoun,
    /// "the spokesman", "the Secretary": someone named before with this role
    /// (folded head word).
    Title(String),
    /// "a senior official", "one lieutenant", "the pair": someone not named.
    Anonymous,
    /// An institution or a document ("the ministry", "the harbour board statement"),
    /// displayed as written.
    Organization(String),
}

/// How a quotation's speaker was found, for readers who want to check it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum AttributionKind {
    /// The name is next to the quotation ("..., Mr. Smith said").
    Named,
    /// A pronoun next to the quotation refers back to a name ("..., she said").
    Pronoun,
    /// A title next to the quotation refers back to a name ("..., the minister said").
    Title,
    /// The quotation follows another one by the same speaker without a new
    /// attribution.
    Continued,
    /// "According to X, ..." gives the source of the words.
    AccordingTo,
    /// The speaker is described but not named ("a senior official").
    Anonymous,
    /// An institution or a document speaks ("the ministry said in a statement").
    Organization,
}

/// True for a word token that starts with an upper-case letter.
fn is_capitalized(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// True for a lower-case name particle ("bin", "al-Amin", "van").
fn is_particle(s: &str) -> bool {
    if is_in(NAME_PARTICLES, &text::fold(s)) {
        return true;
    }
    // "al-Amin", "el-Sayed": a particle joined by a hyphen to a capitalized word.
    s.split_once('-').is_some_and(|(p, rest)| {
        is_in(NAME_PARTICLES, &text::fold(p)) && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

/// The role a folded word names, singular ("officials" -> "official"), if any.
pub(crate) fn role_of(folded: &str) -> Option<&str> {
    let f = folded.trim_end_matches('.');
    // "inspector-general", "vice-president": a compound ending in a role.
    let f = f.rsplit_once('-').map_or(f, |(_, last)| last);
    if is_in(ROLE_WORDS, f) {
        return Some(f);
    }
    f.strip_suffix('s').filter(|s| is_in(ROLE_WORDS, s))
}

/// True for a folded role word, also in the plural.
pub(crate) fn is_role(folded: &str) -> bool {
    role_of(folded).is_some()
}

fn is_org(folded: &str) -> bool {
    is_in(ORG_WORDS, folded)
}

/// True for a folded title, role or institution word ("governor", "ministry",
/// "council"), also in the plural: capitalized before a name, it names no one.
pub(crate) fn is_title_word(folded: &str) -> bool {
    is_role(folded) || is_org(folded) || folded.strip_suffix('s').is_some_and(is_org)
}

/// Strips a possessive ending ("Smith’s" -> "Smith").
fn strip_possessive(s: &str) -> Option<&str> {
    s.strip_suffix("’s")
        .or_else(|| s.strip_suffix("'s"))
        .or_else(|| s.strip_suffix("’"))
}

/// One word of a phrase, with whether a full stop follows it (initials, "Mr.").
#[derive(Debug, Clone)]
struct Word<'t> {
    text: &'t str,
    folded: String,
    dotted: bool,
}

fn words_of<'t>(text: &'t str, tokens: &[Token]) -> Vec<Word<'t>> {
    let mut out: Vec<Word<'t>> = Vec::new();
    for t in tokens {
        match t.kind {
            TokenKind::Word | TokenKind::Number => out.push(Word {
                text: t.text(text),
                folded: text::fold(t.text(text)),
                dotted: false,
            }),
            TokenKind::Punct if t.text(text) == "." => {
                if let Some(last) = out.last_mut() {
                    last.dotted = true;
                }
            }
            TokenKind::Punct => {}
        }
    }
    out
}

/// True for a word that can be part of a name.
fn is_name_word(w: &Word<'_>) -> bool {
    let initial = w.text.chars().count() == 1 && is_capitalized(w.text);
    (is_capitalized(w.text) || is_particle(w.text) || initial)
        && !is_role(&w.folded)
        && !is_in(HONORIFICS, &w.folded)
}

/// True for a word written in capitals only ("CLOSE", "UPDATE", "CEO"): a label or
/// an acronym, not part of a person's name in running text.
fn is_all_caps(w: &Word<'_>) -> bool {
    let letters: Vec<char> = w.text.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// True for a party and state tag written after a name ("R-Ohio", "D-N"): it ends
/// the name.
fn is_party_tag(w: &Word<'_>) -> bool {
    let mut c = w.text.chars();
    matches!(
        (c.next(), c.next(), c.next()),
        (Some(p), Some('-'), Some(s)) if p.is_ascii_uppercase() && s.is_uppercase()
    )
}

/// True for a full weekday name ("Thursday"): a date word before a name, never part
/// of it ("Thursday Lund said" is how a dateline runs into a name).
fn is_weekday(w: &Word<'_>) -> bool {
    w.folded.ends_with("day")
        && text::WEEKDAY_WORDS
            .binary_search(&w.folded.as_str())
            .is_ok()
}

/// Where the name is among the words of a speaker phrase, as a range: the run of
/// name words at its end, with what cannot belong to a person's name cut off.
///
/// - "Minister of Ports Anna Berg": the word after a role's "of" is the title's.
/// - "Runa Vang of Harbourshire": a full name before "of" and a place is the name.
/// - A capitalized function word or weekday inside the run ("Before", "Over",
///   "Thursday"), or a word in capitals before more name words ("UPDATE: Port CEO
///   Ana Berg"), starts the name after it: a headline or a label ran into it.
/// - A possessive ends the name ("Berg’s Harbour Plan" names Berg), and so does a
///   party tag ("Ana Berg R-Ohio").
fn name_bounds(words: &[Word<'_>]) -> (usize, usize) {
    let run_start = |end: usize| {
        words[..end]
            .iter()
            .rposition(|w| !is_name_word(w))
            .map_or(0, |i| i + 1)
    };
    let end = words.len();
    let mut lo = run_start(end);
    let mut hi = end;
    let after_of = lo >= 2 && words[lo - 1].folded == "of";
    if after_of && is_role(&words[lo - 2].folded) {
        if end - lo >= 2 {
            lo += 1;
        }
    } else if after_of && is_name_word(&words[lo - 2]) && !is_org(&words[lo - 2].folded) {
        let from = run_start(lo - 1);
        if lo - 1 - from >= 2 {
            hi = lo - 1;
            lo = from;
        }
    }
    let cut = |i: &usize| {
        let w = &words[*i];
        let label = is_all_caps(w) && i + 1 < hi;
        is_in(SENTENCE_OPENERS, &w.folded) || is_weekday(w) || label
    };
    if let Some(i) = (lo..hi).rev().find(cut) {
        lo = i + 1;
    }
    if let Some(p) = (lo..hi).find(|&i| is_party_tag(&words[i])) {
        hi = p;
    }
    if let Some(p) = (lo..hi).find(|&i| strip_possessive(words[i].text).is_some()) {
        hi = p + 1;
    }
    (lo, hi.max(lo))
}

/// Reads a speaker phrase: the words that name who speaks, as found next to a
/// quotation. `tokens` must not hold commas (the caller cuts there).
pub(crate) fn parse_phrase(text: &str, tokens: &[Token]) -> Option<Phrase> {
    let mut words = words_of(text, tokens);
    if words.is_empty() {
        return None;
    }
    if words.len() == 1 && is_in(PRONOUNS, &words[0].folded) {
        return Some(Phrase::Pronoun);
    }
    let first = words[0].folded.clone();
    let definite = first == "the";
    let indefinite = is_in(INDEFINITE, &first);
    if definite || indefinite {
        words.remove(0);
    }
    // "Jane Smith’s read-out": the owner of a document speaks.
    if let Some(p) = words
        .iter()
        .rposition(|w| strip_possessive(w.text).is_some())
    {
        let tail = &words[p + 1..];
        let document = !tail.is_empty()
            && tail.iter().all(|w| !is_capitalized(w.text))
            && !tail.iter().any(|w| is_role(&w.folded));
        if document {
            words.truncate(p + 1);
            let owner = strip_possessive(words[p].text).unwrap_or(words[p].text);
            words[p].text = owner;
            words[p].folded = text::fold(owner);
        }
    }
    let (lo, hi) = name_bounds(&words);
    let mut name_words = &words[lo..hi];
    let before = &words[..lo];
    // "In December": a month alone is a date, unless a title or an honorific makes
    // it a person's name ("Mrs. May").
    let titled = before
        .iter()
        .any(|w| is_in(HONORIFICS, &w.folded) || is_role(&w.folded));
    if let [only] = name_words
        && text::is_calendar_word(&only.folded)
        && !titled
    {
        name_words = &[];
    }
    let has_org = words.iter().any(|w| is_org(&w.folded));
    if !name_words.is_empty() && !name_words.iter().any(|w| is_org(&w.folded)) {
        if name_words.iter().all(|w| is_particle(w.text)) {
            return None;
        }
        let parts = name_words
            .iter()
            .map(|w| {
                let t = strip_possessive(w.text).unwrap_or(w.text);
                if w.dotted && t.chars().count() == 1 {
                    format!("{t}.")
                } else {
                    t.to_string()
                }
            })
            .collect();
        return Some(Phrase::Named(Name {
            parts,
            honorific: before.iter().any(|w| is_in(HONORIFICS, &w.folded)),
            roles: before
                .iter()
                .filter_map(|w| role_of(&w.folded))
                .map(str::to_string)
                .collect(),
        }));
    }
    if has_org {
        let shown: Vec<&str> = words.iter().map(|w| w.text).collect();
        return Some(Phrase::Organization(shown.join(" ")));
    }
    if indefinite {
        return Some(Phrase::Anonymous);
    }
    let head = words.iter().rev().find_map(|w| role_of(&w.folded));
    match head {
        Some(h) if definite => Some(Phrase::Title(h.to_string())),
        Some(_) => Some(Phrase::Anonymous),
        None if definite => Some(Phrase::Anonymous),
        None => None,
    }
}

/// True when two folded surnames are the same name, allowing for transliteration
/// ("Aleksandrov" / "Alexandrov") but not for short, different names.
pub(crate) fn surnames_match(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    la.min(lb) >= 5
        && a.chars().next() == b.chars().next()
        && strsim::normalized_levenshtein(a, b) >= 0.8
        && strsim::jaro_winkler(a, b) >= 0.9
}

/// True when two folded given names can be the same person's: equal, an initial of
/// the other, a short form of the other ("ed" / "edward"), or a transliteration.
pub(crate) fn given_names_match(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    let same_first = a.chars().next() == b.chars().next();
    if la == 1 || lb == 1 {
        return same_first;
    }
    if la.min(lb) >= 2 && (a.starts_with(b) || b.starts_with(a)) {
        return true;
    }
    la.min(lb) >= 5
        && same_first
        && strsim::jaro_winkler(a, b) >= 0.85
        && strsim::normalized_levenshtein(a, b) >= 0.7
}

/// The person's name in a phrase such as "Defense Minister Jane K. Smith" or
/// "Ms. Smith": titles, roles and honorifics stripped. `None` when the phrase names
/// no person (a pronoun, an institution, a description).
pub fn person_name(phrase: &str) -> Option<String> {
    match parse_phrase(phrase, &text::tokenize(phrase, 0..phrase.len()))? {
        Phrase::Named(n) => Some(n.display()),
        _ => None,
    }
}

/// True when two phrases can name the same person: surnames equal or transliterated
/// ("Tsvetkov" / "Tsvetkow"), given names compatible when both are given ("Ed" /
/// "Edward", "J." / "Jonas"), titles ignored. A surname alone matches a full name
/// with exactly that surname.
pub fn same_person(a: &str, b: &str) -> bool {
    let parse = |s: &str| match parse_phrase(s, &text::tokenize(s, 0..s.len())) {
        Some(Phrase::Named(n)) => Some(n),
        _ => None,
    };
    match (parse(a), parse(b)) {
        (Some(x), Some(y)) => names_match(&x, &y),
        _ => false,
    }
}

/// True when two names as displayed ("Jane K. Smith", "Smith") can be the same
/// person's: see [`same_person`], but on names already stripped of titles.
pub(crate) fn could_be_same_person(a: &str, b: &str) -> bool {
    a == b || names_match(&display_name(a), &display_name(b))
}

/// True when two names as displayed have the same surname (or a transliteration of
/// it), whatever their given names.
pub(crate) fn share_surname(a: &str, b: &str) -> bool {
    surnames_match(&display_name(a).surname(), &display_name(b).surname())
}

/// The first letter of the first given name of a name as displayed ('i' for "Ivo
/// K. Lund"), if it has one.
pub(crate) fn given_initial(a: &str) -> Option<char> {
    display_name(a)
        .given_names()
        .first()
        .and_then(|g| g.chars().next())
}

/// A name as displayed, read back into its parts.
fn display_name(s: &str) -> Name {
    Name {
        parts: s.split_whitespace().map(str::to_string).collect(),
        honorific: false,
        roles: Vec::new(),
    }
}

/// True when two names can be the same person's: the surnames match, and the first
/// given name of one matches a given name of the other (a title word the parser
/// kept in front of a name never blocks a match).
fn names_match(a: &Name, b: &Name) -> bool {
    if !surnames_match(&a.surname(), &b.surname()) {
        return false;
    }
    let (ga, gb) = (a.given_names(), b.given_names());
    match (ga.first(), gb.first()) {
        (Some(x), Some(y)) => {
            gb.iter().any(|g| given_names_match(x, g)) || ga.iter().any(|g| given_names_match(y, g))
        }
        _ => a.surname() == b.surname(),
    }
}

/// A mention of a name in one document, to be unified.
#[derive(Debug, Clone)]
pub(crate) struct NameUse {
    /// Document position.
    pub(crate) doc: usize,
    /// The name.
    pub(crate) name: Name,
}

/// The result of unifying names: a cluster per use, and each cluster's canonical
/// display name.
#[derive(Debug, Clone, Default)]
pub(crate) struct Unified {
    /// Cluster of each use, parallel to the input.
    pub(crate) cluster: Vec<usize>,
    /// Canonical display name of each cluster: its fullest form.
    pub(crate) canonical: Vec<String>,
    /// All spellings of each cluster, sorted.
    pub(crate) variants: Vec<Vec<String>>,
    /// True when the cluster is known to be a person (not a bare capitalized word).
    pub(crate) person: Vec<bool>,
}

/// Unifies name variants across the corpus.
///
/// Full names (given name and surname) join when surnames and given names match.
/// A surname alone refers to the one full name with the same surname in its own
/// document, or else to the one full name with that surname in the corpus; when
/// several fit it stays apart rather than guess. Each use of a surname is resolved on
/// its own, so that "Lund" in one article and "Lund" in another can be two people.
///
/// The work grows with the number of uses times the number of spellings that share a
/// surname (or a near one), not with the square of all spellings.
pub(crate) fn unify(uses: &[NameUse]) -> Unified {
    let spellings = Spellings::new(uses);
    let mut uf = UnionFind::new(spellings.distinct.len());
    join_full_names(uses, &spellings, &mut uf);
    let target = attach_surnames(uses, &spellings, &mut uf);
    // A use belongs to its target's cluster, or to its spelling's.
    let home: Vec<usize> = (0..uses.len())
        .map(|i| target[i].unwrap_or_else(|| uf.find(spellings.of_use[i])))
        .collect();
    let mut members: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for (i, &root) in home.iter().enumerate() {
        members.entry(root).or_default().push(i);
    }
    let mut out = Unified::default();
    let mut cluster_of_root = std::collections::BTreeMap::new();
    for (c, (root, of)) in members.into_iter().enumerate() {
        cluster_of_root.insert(root, c);
        let mut variants: Vec<String> = of
            .iter()
            .map(|&i| uses[spellings.distinct[spellings.of_use[i]]].name.display())
            .collect();
        variants.sort();
        variants.dedup();
        let best = variants
            .iter()
            .max_by(|a, b| {
                let ka = (a.split(' ').count(), a.len());
                let kb = (b.split(' ').count(), b.len());
                ka.cmp(&kb).then_with(|| b.cmp(a))
            })
            .cloned()
            .unwrap_or_default();
        out.canonical.push(best);
        out.variants.push(variants);
        out.person
            .push(of.iter().any(|&i| uses[i].name.is_person()));
    }
    out.cluster = home.iter().map(|r| cluster_of_root[r]).collect();
    out
}

/// The distinct spellings of the names used, with their folded surnames.
struct Spellings {
    /// A representative use of each spelling, in key order.
    distinct: Vec<usize>,
    /// The spelling of each use.
    of_use: Vec<usize>,
    /// The folded surname of each spelling.
    surname: Vec<String>,
}

impl Spellings {
    fn new(uses: &[NameUse]) -> Spellings {
        let mut keys: Vec<(String, usize)> = uses
            .iter()
            .enumerate()
            .map(|(i, u)| (u.name.key(), i))
            .collect();
        keys.sort();
        let mut distinct: Vec<usize> = Vec::new();
        let mut of_use = vec![0usize; uses.len()];
        for (k, (key, i)) in keys.iter().enumerate() {
            if k == 0 || keys[k - 1].0 != *key {
                distinct.push(*i);
            }
            of_use[*i] = distinct.len() - 1;
        }
        let surname = distinct.iter().map(|&i| uses[i].name.surname()).collect();
        Spellings {
            distinct,
            of_use,
            surname,
        }
    }

    fn is_full(&self, uses: &[NameUse], s: usize) -> bool {
        uses[self.distinct[s]].name.parts.len() >= 2
    }
}

/// Joins full names that match. Only names whose surnames start alike and differ in
/// length by at most two characters are compared, and surnames are compared once per
/// pair of distinct surnames.
fn join_full_names(uses: &[NameUse], sp: &Spellings, uf: &mut UnionFind) {
    // Full spellings grouped by surname: (first letter, length, surname, spelling).
    let mut full: Vec<(char, usize, &str, usize)> = (0..sp.distinct.len())
        .filter(|&s| sp.is_full(uses, s))
        .map(|s| {
            let sn = sp.surname[s].as_str();
            (sn.chars().next().unwrap_or(' '), sn.chars().count(), sn, s)
        })
        .collect();
    full.sort();
    // The runs of one surname.
    let mut groups: Vec<std::ops::Range<usize>> = Vec::new();
    let mut start = 0;
    for i in 1..=full.len() {
        if i == full.len() || full[i].2 != full[start].2 {
            groups.push(start..i);
            start = i;
        }
    }
    for (gi, g) in groups.iter().enumerate() {
        let (first, len, surname, _) = full[g.start];
        for h in &groups[gi..] {
            let (f2, l2, s2, _) = full[h.start];
            if f2 != first || l2 > len + 2 {
                break;
            }
            if !surnames_match(surname, s2) {
                continue;
            }
            for x in g.clone() {
                let from = if h == g { x + 1 } else { h.start };
                for y in from..h.end {
                    let (a, b) = (full[x].3, full[y].3);
                    if names_match(&uses[sp.distinct[a]].name, &uses[sp.distinct[b]].name) {
                        uf.union(a, b);
                    }
                }
            }
        }
    }
}

/// The cluster (a spelling's root) that each surname-only use refers to, if any.
fn attach_surnames(uses: &[NameUse], sp: &Spellings, uf: &mut UnionFind) -> Vec<Option<usize>> {
    // (surname, cluster) over the corpus, and (document, surname, cluster) per
    // document, of the full names.
    let mut corpus: Vec<(&str, usize)> = Vec::new();
    let mut local: Vec<(usize, &str, usize)> = Vec::new();
    for (i, u) in uses.iter().enumerate() {
        let s = sp.of_use[i];
        if sp.is_full(uses, s) {
            let root = uf.find(s);
            corpus.push((sp.surname[s].as_str(), root));
            local.push((u.doc, sp.surname[s].as_str(), root));
        }
    }
    corpus.sort_unstable();
    corpus.dedup();
    local.sort_unstable();
    local.dedup();
    let only = |found: &[usize]| match found {
        [one] => Some(*one),
        _ => None,
    };
    uses.iter()
        .enumerate()
        .map(|(i, u)| {
            if u.name.parts.len() != 1 {
                return None;
            }
            let surname = sp.surname[sp.of_use[i]].as_str();
            let from = local.partition_point(|e| (e.0, e.1) < (u.doc, surname));
            let here: Vec<usize> = local[from..]
                .iter()
                .take_while(|e| e.0 == u.doc && e.1 == surname)
                .map(|e| e.2)
                .collect();
            if !here.is_empty() {
                return only(&here);
            }
            let from = corpus.partition_point(|e| e.0 < surname);
            let anywhere: Vec<usize> = corpus[from..]
                .iter()
                .take_while(|e| e.0 == surname)
                .map(|e| e.1)
                .collect();
            only(&anywhere)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn phrase(s: &str) -> Option<Phrase> {
        parse_phrase(s, &text::tokenize(s, 0..s.len()))
    }

    fn named(s: &str) -> Name {
        match phrase(s) {
            Some(Phrase::Named(n)) => n,
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn titles_and_honorifics_are_stripped_from_names() {
        assert_eq!(
            named("Harbour Board Secretary Ingrid M. Solvang").display(),
            "Ingrid M. Solvang"
        );
        assert_eq!(named("Mr. Solvang").display(), "Solvang");
        assert!(named("Mr. Solvang").honorific);
        let n = named("Deputy Transport Minister Paavo Rinne");
        assert_eq!(n.display(), "Paavo Rinne");
        assert_eq!(n.roles, vec!["deputy", "minister"]);
        assert_eq!(
            named("Secretary of Ports Abdel bin Hadi").display(),
            "Abdel bin Hadi"
        );
    }

    #[test]
    fn particles_and_possessives() {
        assert_eq!(named("Walid el-Rashidi").display(), "Walid el-Rashidi");
        assert_eq!(
            named("Press Secretary Lena Ortiz’s read-out").display(),
            "Lena Ortiz"
        );
    }

    #[test]
    fn pronouns_titles_anonymous_and_organisations() {
        assert_eq!(phrase("she"), Some(Phrase::Pronoun));
        assert_eq!(
            phrase("the spokesman"),
            Some(Phrase::Title("spokesman".into()))
        );
        assert_eq!(
            phrase("the harbour spokeswoman"),
            Some(Phrase::Title("spokeswoman".into()))
        );
        assert_eq!(
            phrase("the Secretary"),
            Some(Phrase::Title("secretary".into()))
        );
        assert_eq!(phrase("a senior port official"), Some(Phrase::Anonymous));
        assert_eq!(phrase("one lieutenant"), Some(Phrase::Anonymous));
        assert_eq!(
            phrase("the Mayor Solvang’s spokesman"),
            Some(Phrase::Title("spokesman".into()))
        );
        assert_eq!(
            phrase("the Harbour Ministry statement"),
            Some(Phrase::Organization("Harbour Ministry statement".into()))
        );
    }

    #[test]
    fn transliterated_surnames_match_and_different_ones_do_not() {
        assert!(surnames_match("aleksandrov", "alexandrov"));
        assert!(surnames_match("tsvetkov", "tsvetkow"));
        assert!(!surnames_match("berg", "borg"));
        assert!(!surnames_match("lindqvist", "lindgren"));
        assert!(given_names_match("ed", "edward"));
        assert!(given_names_match("aleksei", "alexei"));
        assert!(given_names_match("j", "jonas"));
        assert!(!given_names_match("jonas", "jonna"));
    }

    fn unify_names(names: &[(usize, &str)]) -> Unified {
        let uses: Vec<NameUse> = names
            .iter()
            .map(|&(doc, s)| NameUse {
                doc,
                name: named(s),
            })
            .collect();
        unify(&uses)
    }

    #[test]
    fn variants_of_one_name_unify_to_the_fullest_form() {
        let u = unify_names(&[
            (0, "Ed Tsvetkov"),
            (1, "Edward Tsvetkow"),
            (2, "Edward J. Tsvetkov"),
            (2, "Mr. Tsvetkov"),
            (3, "Tsvetkov"),
            (0, "Ingrid Solvang"),
        ]);
        let c = u.cluster[0];
        assert!(u.cluster[..5].iter().all(|&x| x == c), "{:?}", u.cluster);
        assert_ne!(u.cluster[5], c);
        assert_eq!(u.canonical[c], "Edward J. Tsvetkov");
        assert!(u.person[c]);
    }

    #[test]
    fn a_surname_shared_by_two_people_is_not_guessed() {
        let u = unify_names(&[(0, "Maria Lund"), (1, "Peter Lund"), (2, "Lund")]);
        assert_ne!(u.cluster[0], u.cluster[1]);
        assert_ne!(u.cluster[2], u.cluster[0]);
        assert_ne!(u.cluster[2], u.cluster[1]);
        // ... unless the document itself names one of them.
        let u = unify_names(&[(0, "Maria Lund"), (1, "Peter Lund"), (1, "Lund")]);
        assert_eq!(u.cluster[2], u.cluster[1]);
    }

    #[test]
    fn each_use_of_a_surname_is_resolved_in_its_own_document() {
        let u = unify_names(&[
            (0, "Maria Lund"),
            (0, "Lund"),
            (1, "Peter Lund"),
            (1, "Lund"),
            (2, "Lund"),
        ]);
        assert_eq!(u.cluster[1], u.cluster[0]);
        assert_eq!(u.cluster[3], u.cluster[2]);
        assert_ne!(u.cluster[0], u.cluster[2]);
        // Elsewhere, with two people to choose from, it stays apart.
        assert_ne!(u.cluster[4], u.cluster[0]);
        assert_ne!(u.cluster[4], u.cluster[2]);
        assert_eq!(u.canonical[u.cluster[1]], "Maria Lund");
        assert_eq!(u.canonical[u.cluster[3]], "Peter Lund");
    }

    #[test]
    fn person_names_and_same_person_from_phrases() {
        assert_eq!(
            person_name("Deputy Harbour Minister Ingrid M. Solvang").as_deref(),
            Some("Ingrid M. Solvang")
        );
        assert_eq!(person_name("the harbour spokeswoman"), None);
        assert!(same_person(
            "Harbour Minister Edward Tsvetkov",
            "Ed Tsvetkow"
        ));
        assert!(same_person("Mr. Tsvetkov", "Edward J. Tsvetkov"));
        assert!(!same_person("Edward Tsvetkov", "Edward Solvang"));
        assert!(!same_person("she", "Ingrid Solvang"));
    }

    #[test]
    fn forms_of_one_name_can_be_one_person_and_other_names_cannot() {
        // "Lund" / "Ivo Lund" / "Mr. Lund" / "Sen. Lund" are forms of one name.
        for form in ["Mr. Lund", "Sen. Lund", "Mayor Ivo Lund", "Ivo K. Lund"] {
            let n = named(form).display();
            assert!(could_be_same_person(&n, "Ivo Lund"), "{form}");
            assert!(could_be_same_person("Lund", &n), "{form}");
        }
        assert!(could_be_same_person("Ivo Lund", "I. Lund"));
        // A generational suffix is not the surname.
        assert_eq!(named("Ivo K. Lund Jr.").surname(), "lund");
        assert!(could_be_same_person("Ivo K. Lund Jr", "Ivo Lund"));
        assert!(share_surname("Ivo Lund Jr", "Maria Lund"));
        assert_eq!(given_initial("Ivo K. Lund"), Some('i'));
        assert_eq!(given_initial("Lund"), None);
        // Another given name, or another surname, is another person.
        assert!(!could_be_same_person("Ivo Lund", "Maria Lund"));
        assert!(!could_be_same_person("Lund", "Berg"));
        assert!(!could_be_same_person("Ivo Lund", "Ivo Berg"));
    }

    #[test]
    fn headline_words_and_labels_before_a_name_are_not_part_of_it() {
        assert_eq!(
            named("Ferry Strike Spreads Before Ivo Lund").display(),
            "Ivo Lund"
        );
        assert_eq!(
            named("Talks Over Pier Stall Between Ana Berg").display(),
            "Ana Berg"
        );
        assert_eq!(named("UPDATE: Port CEO Ana Berg").display(), "Ana Berg");
        assert_eq!(named("CLOSE Ana Berg").display(), "Ana Berg");
        assert_eq!(named("Thursday Lund").display(), "Lund");
        assert_eq!(named("Plus Lund").display(), "Lund");
        // Capitals after a name stay (a numeral is part of it).
        assert_eq!(named("Ivo Lund III").display(), "Ivo Lund III");
    }

    #[test]
    fn a_date_alone_is_not_a_name_unless_a_title_makes_it_one() {
        assert!(!matches!(phrase("On Saturday"), Some(Phrase::Named(_))));
        assert!(!matches!(phrase("In December"), Some(Phrase::Named(_))));
        assert_eq!(named("Mrs. June").display(), "June");
    }

    #[test]
    fn a_place_a_party_tag_or_a_possession_after_a_name_ends_it() {
        assert_eq!(
            named("Representative Runa Vang of Harbourshire").display(),
            "Runa Vang"
        );
        assert_eq!(
            named("Sheriff Oskar Kell of Brask County").display(),
            "Oskar Kell"
        );
        assert_eq!(named("Ana Berg D-Harbourshire").display(), "Ana Berg");
        assert_eq!(named("Ana Berg R-N").display(), "Ana Berg");
        let n = named("Mr. Lund’s Harbour Plan");
        assert_eq!(n.display(), "Lund");
        assert!(n.honorific);
        // A title before "of" keeps its own words.
        assert_eq!(
            named("Inspector-General of Police Omar Sadiq").display(),
            "Omar Sadiq"
        );
        assert_eq!(named("Mayor of Lund").display(), "Lund");
    }

    #[test]
    fn a_bare_capitalized_word_is_not_known_as_a_person() {
        let u = unify_names(&[(0, "Harbourside")]);
        assert!(!u.person[u.cluster[0]]);
    }
}

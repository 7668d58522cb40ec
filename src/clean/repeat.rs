//! Lines repeated across sources of the same outlet.
//!
//! An outlet prints the same chrome on every page (its newsletter box, its footer,
//! its menu), so a line found verbatim in two or more of its sources is chrome. Lines
//! shared by different outlets are not: that is reuse of agency copy or quotes, which
//! the alignment stage reports. Two versions of the same story from one outlet (an
//! update, a reprint) share their body, so sources that share most of their prose
//! are not counted as witnesses for each other.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::features::{Quality, Unit};
use crate::text;

/// A prose line shared by more sources than this is page furniture, not a sign that
/// two sources are versions of one story.
const MAX_VERSION_WITNESSES: usize = 10;

/// Identifies an outlet: its name folded, or failing that the host of its URL.
pub(super) fn outlet_key(outlet: Option<&str>, url: Option<&str>) -> Option<String> {
    if let Some(name) = outlet.map(str::trim).filter(|s| !s.is_empty()) {
        return Some(text::fold(name));
    }
    let url = url?.trim();
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?.trim();
    let host = host.split('@').next_back()?.split(':').next()?;
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| format!("host:{}", host.to_ascii_lowercase()))
}

/// For each source and line, whether the line is repeated verbatim in another source
/// of the same outlet that is not a version of the same story.
pub(super) fn repeated(units: &[Vec<Unit>], outlets: &[Option<String>]) -> Vec<Vec<bool>> {
    let mut out: Vec<Vec<bool>> = units.iter().map(|u| vec![false; u.len()]).collect();
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (doc, outlet) in outlets.iter().enumerate() {
        if let Some(o) = outlet {
            groups.entry(o.as_str()).or_default().push(doc);
        }
    }
    for docs in groups.values().filter(|d| d.len() >= 2) {
        mark_group(units, docs, &mut out);
    }
    out
}

/// Marks the repeated lines of one outlet's sources.
fn mark_group(units: &[Vec<Unit>], docs: &[usize], out: &mut [Vec<bool>]) {
    // Which sources hold each line (each source once, in source order).
    let mut holders: HashMap<u64, Vec<usize>> = HashMap::new();
    for &doc in docs {
        let keys: HashSet<u64> = units[doc].iter().map(|u| u.key).collect();
        for k in keys {
            holders.entry(k).or_default().push(doc);
        }
    }
    let good: BTreeMap<usize, usize> = docs
        .iter()
        .map(|&d| (d, good_keys(&units[d]).len()))
        .collect();
    for &doc in docs {
        let versions = versions_of(doc, &units[doc], &holders, &good);
        for (i, u) in units[doc].iter().enumerate() {
            let witnessed = holders
                .get(&u.key)
                .is_some_and(|h| h.iter().any(|&d| d != doc && !versions.contains(&d)));
            out[doc][i] = witnessed;
        }
    }
}

/// The distinct prose lines of a source.
fn good_keys(units: &[Unit]) -> HashSet<u64> {
    units
        .iter()
        .filter(|u| u.quality == Quality::Good)
        .map(|u| u.key)
        .collect()
}

/// The other sources that share at least two prose lines and at least half of the
/// prose of the shorter of the two: versions of the same story.
fn versions_of(
    doc: usize,
    units: &[Unit],
    holders: &HashMap<u64, Vec<usize>>,
    good: &BTreeMap<usize, usize>,
) -> HashSet<usize> {
    let own = good_keys(units);
    let mut shared: BTreeMap<usize, usize> = BTreeMap::new();
    for k in &own {
        let Some(h) = holders.get(k) else { continue };
        if h.len() > MAX_VERSION_WITNESSES {
            continue;
        }
        for &d in h.iter().filter(|&&d| d != doc) {
            *shared.entry(d).or_default() += 1;
        }
    }
    shared
        .into_iter()
        .filter(|&(d, n)| {
            let theirs = good.get(&d).copied().unwrap_or(0);
            n >= 2 && n * 2 >= own.len().min(theirs)
        })
        .map(|(d, _)| d)
        .collect()
}

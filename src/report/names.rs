//! How the printers for people (table, markdown) name a source: by its outlet
//! where one is known ("Daily Post"), with a short form of its id when the outlet
//! has several sources ("Daily Post (02)"), else by its id. JSON, CSV and the CI
//! formats keep the ids of the contract.

use std::collections::{BTreeMap, BTreeSet};

/// The name shown for each source id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceNames {
    names: BTreeMap<String, String>,
}

impl SourceNames {
    /// Names for sources given as (id, outlet) pairs. Every name is unique: when
    /// two would be the same, those sources are named "outlet (id)", or by id.
    pub fn new<'a>(sources: impl IntoIterator<Item = (&'a str, Option<&'a str>)>) -> SourceNames {
        let sources: Vec<(&str, Option<&str>)> = sources
            .into_iter()
            .map(|(id, outlet)| (id, outlet.map(str::trim).filter(|o| !o.is_empty())))
            .collect();
        let mut by_outlet: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for (id, outlet) in &sources {
            if let Some(o) = outlet {
                by_outlet.entry(o).or_default().push(id);
            }
        }
        let mut names: BTreeMap<String, String> = sources
            .iter()
            .map(|(id, outlet)| {
                let name = match outlet {
                    None => id.to_string(),
                    Some(o) if by_outlet[o].len() == 1 => o.to_string(),
                    Some(o) => format!("{o} ({})", short_id(id, &by_outlet[o])),
                };
                (id.to_string(), name)
            })
            .collect();
        // A name shared by several sources (an outlet named like another source's
        // id, say) names none of them: fall back to the full id.
        let mut seen = BTreeMap::<String, usize>::new();
        for name in names.values() {
            *seen.entry(name.clone()).or_default() += 1;
        }
        let outlets: BTreeMap<&str, &str> = sources
            .iter()
            .filter_map(|(id, o)| o.map(|o| (*id, o)))
            .collect();
        for (id, name) in names.iter_mut() {
            if seen[name.as_str()] > 1 {
                *name = match outlets.get(id.as_str()) {
                    Some(o) => format!("{o} ({id})"),
                    None => id.clone(),
                };
            }
        }
        SourceNames { names }
    }

    /// The name of the source `id` (the id itself when it is unknown).
    pub fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.names.get(id).map_or(id, String::as_str)
    }
}

/// The shortest form of `id` that tells it from the other ids of its outlet: its
/// first part (before `_`, `-`, `.` or a space) when that is unique among
/// `siblings`, else the whole id.
fn short_id<'a>(id: &'a str, siblings: &[&str]) -> &'a str {
    let first = head(id);
    let heads: BTreeSet<&str> = siblings.iter().map(|s| head(s)).collect();
    if first.is_empty() || heads.len() < siblings.len() {
        id
    } else {
        first
    }
}

/// The part of an id before its first `_`, `-`, `.` or space.
fn head(id: &str) -> &str {
    id.split(['_', '-', '.', ' ']).next().unwrap_or(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outlet_alone_when_unique_with_a_short_id_when_shared() {
        let names = SourceNames::new([
            ("01_aa", Some("Daily Post")),
            ("02_bb", Some("Daily Post")),
            ("03_cc", Some("Evening Star")),
            ("notes", None),
        ]);
        assert_eq!(names.name("01_aa"), "Daily Post (01)");
        assert_eq!(names.name("02_bb"), "Daily Post (02)");
        assert_eq!(names.name("03_cc"), "Evening Star");
        assert_eq!(names.name("notes"), "notes");
        assert_eq!(names.name("unseen"), "unseen");
    }

    #[test]
    fn ids_whose_first_parts_repeat_are_shown_whole_and_names_never_collide() {
        let names = SourceNames::new([
            ("wire-1", Some("Gazette")),
            ("wire-2", Some("Gazette")),
            ("Herald", None),
            ("h1", Some("Herald")),
        ]);
        assert_eq!(names.name("wire-1"), "Gazette (wire-1)");
        assert_eq!(names.name("h1"), "Herald (h1)");
        assert_eq!(names.name("Herald"), "Herald");
    }
}

//! Procedural names for champions and bosses, from a genre's syllables.
//!
//! A name is made from a seed stored with the monster, so the simulation
//! keeps only a number and any front end can spell the name when it needs
//! it, always the same way.

use super::seed::{NAMES, Stream};
use crate::schema::genres::NameParts;

/// The name a seed gives with these parts: "Gorthak" or "Velrimir, the Old".
/// Empty when the parts are empty.
pub fn name(parts: &NameParts, seed: u64) -> String {
    let mut rng = Stream::new(seed, NAMES, &[]);
    let mut out = String::new();
    let mut push = |list: &[String], rng: &mut Stream| {
        if let Some(s) = rng.pick(list) {
            out.push_str(s);
        }
    };
    push(&parts.starts, &mut rng);
    if rng.percent(35) {
        push(&parts.middles, &mut rng);
    }
    push(&parts.ends, &mut rng);
    if rng.percent(50)
        && let Some(e) = rng.pick(&parts.epithets)
    {
        out.push_str(", ");
        out.push_str(e);
    }
    capitalise_first(out)
}

fn capitalise_first(s: String) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) if f.is_lowercase() => f.to_uppercase().chain(c).collect(),
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts() -> NameParts {
        let v = |xs: &[&str]| xs.iter().map(|s| s.to_string()).collect();
        NameParts {
            starts: v(&["gor", "vel"]),
            middles: v(&["a"]),
            ends: v(&["thak", "mir"]),
            epithets: v(&["the Old"]),
        }
    }

    #[test]
    fn names_are_stable_and_varied() {
        let p = parts();
        assert_eq!(name(&p, 7), name(&p, 7));
        let all: std::collections::BTreeSet<String> = (0..200).map(|s| name(&p, s)).collect();
        assert!(all.len() > 6, "{all:?}");
        assert!(all.iter().all(|n| n.starts_with(char::is_uppercase)));
        assert!(all.iter().any(|n| n.ends_with(", the Old")));
    }

    #[test]
    fn empty_parts_give_an_empty_name() {
        let empty = NameParts {
            starts: vec![],
            middles: vec![],
            ends: vec![],
            epithets: vec![],
        };
        assert_eq!(name(&empty, 3), "");
    }
}

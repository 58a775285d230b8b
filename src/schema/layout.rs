//! Where each entry sits in a [`Content`]: what a running world's ids
//! (monster kinds, items, spells...) index. Hot reload keeps it: entries
//! already known keep their places, new ones come after, and data that
//! drops an entry a world may hold cannot replace that world's data.

use std::collections::BTreeMap;

use super::Content;
use super::mods::Keyed;

/// Every kind of keyed entry with the file it lives in.
pub const KINDS: [(&str, &str); 10] = [
    ("monster", "monsters.ron"),
    ("item", "items.ron"),
    ("genre", "genres.ron"),
    ("quest", "quests.ron"),
    ("archetype", "skills.ron"),
    ("class", "skills.ron"),
    ("spell", "spells.ron"),
    ("affix", "affixes.ron"),
    ("station", "recipes.ron"),
    ("recipe", "recipes.ron"),
];

/// The keys of every kind in index order, and how many skills each
/// archetype offers (a world's skill tree indexes them).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    pub keys: BTreeMap<&'static str, Vec<String>>,
    pub skills: Vec<usize>,
}

impl Layout {
    /// Puts the entries of `list` this layout knows at their places, in
    /// front; entries new to it follow in the order they were written.
    pub fn arrange<T: Keyed>(&self, kind: &str, list: &mut [T]) {
        let Some(keys) = self.keys.get(kind) else {
            return;
        };
        let place: BTreeMap<&str, usize> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (k.as_str(), i))
            .collect();
        list.sort_by_key(|e| place.get(e.key()).copied().unwrap_or(usize::MAX));
    }

    /// Why data laid out as `new` cannot take over from data laid out as
    /// `self` in a running world: the entries it dropped (the world may
    /// hold them), or archetypes that lost skills. `None` when it can.
    pub fn incompatible(&self, new: &Layout) -> Option<String> {
        let mut gone = Vec::new();
        for (kind, file) in KINDS {
            let (Some(old), Some(now)) = (self.keys.get(kind), new.keys.get(kind)) else {
                continue;
            };
            for (i, key) in old.iter().enumerate() {
                if now.get(i) != Some(key) {
                    gone.push(format!("the {kind} `{key}` ({file})"));
                }
            }
        }
        if new.skills.len() >= self.skills.len()
            && let Some(i) = (0..self.skills.len()).find(|&i| new.skills[i] < self.skills[i])
        {
            let id = self
                .keys
                .get("archetype")
                .and_then(|k| k.get(i))
                .map_or("?", String::as_str);
            gone.push(format!("skills of the archetype `{id}` (skills.ron)"));
        }
        match gone.len() {
            0 => None,
            1..=3 => Some(format!("it removes {}", gone.join(", "))),
            n => Some(format!(
                "it removes {}, and {} more",
                gone[..3].join(", "),
                n - 3
            )),
        }
    }
}

impl Content {
    /// Where every keyed entry of this content sits.
    pub fn layout(&self) -> Layout {
        let ids = |it: &mut dyn Iterator<Item = &str>| it.map(str::to_owned).collect::<Vec<_>>();
        let mut keys = BTreeMap::new();
        keys.insert(
            "monster",
            ids(&mut self.monsters.iter().map(|m| m.id.as_str())),
        );
        keys.insert("item", ids(&mut self.items.iter().map(|m| m.id.as_str())));
        keys.insert("genre", ids(&mut self.genres.iter().map(|m| m.id.as_str())));
        keys.insert(
            "quest",
            ids(&mut self.quests.iter().map(|m| m.def.id.as_str())),
        );
        keys.insert(
            "archetype",
            ids(&mut self.archetypes.iter().map(|m| m.id.as_str())),
        );
        keys.insert(
            "class",
            ids(&mut self.classes.iter().map(|m| m.def.id.as_str())),
        );
        keys.insert(
            "spell",
            ids(&mut self.spells().iter().map(|m| m.id.as_str())),
        );
        keys.insert(
            "affix",
            ids(&mut self.affixes.iter().map(|m| m.id.as_str())),
        );
        keys.insert(
            "station",
            ids(&mut self.stations.iter().map(|m| m.id.as_str())),
        );
        keys.insert(
            "recipe",
            ids(&mut self.recipes.iter().map(|m| m.id.as_str())),
        );
        Layout {
            keys,
            skills: self.archetypes.iter().map(|a| a.skills.len()).collect(),
        }
    }
}

//! What makes one item unlike another of its kind: its rarity tier and its
//! affixes. Floor items carry it as a component; pack stacks and worn gear
//! carry it alongside their item kind.

use serde::{Deserialize, Serialize};
use specs::{Component, VecStorage};

use crate::schema::affixes::{AffixPlace, MAX_AFFIXES};
use crate::schema::{AffixId, Content, ItemId, Rarity};

/// An item's rarity and affixes (prefixes first, then suffixes, in the
/// order rolled). `Default` is a plain common item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Quality {
    pub rarity: Rarity,
    pub affixes: [Option<AffixId>; MAX_AFFIXES],
}

impl Quality {
    /// A plain item of this rarity, with no affixes yet.
    pub fn of(rarity: Rarity) -> Self {
        Self {
            rarity,
            affixes: [None; MAX_AFFIXES],
        }
    }

    /// The affixes it carries, in order.
    pub fn affix_ids(&self) -> impl Iterator<Item = AffixId> + '_ {
        self.affixes.iter().flatten().copied()
    }

    /// Adds an affix in the first free place; false when all are taken.
    pub fn push(&mut self, id: AffixId) -> bool {
        match self.affixes.iter_mut().find(|a| a.is_none()) {
            Some(free) => {
                *free = Some(id);
                true
            }
            None => false,
        }
    }

    /// How many of its affixes go in `place`.
    pub fn count_in(&self, content: &Content, place: AffixPlace) -> usize {
        self.affix_ids()
            .filter(|&a| content.affix(a).place == place)
            .count()
    }

    /// Whether it is anything but a plain common item.
    pub fn is_plain(&self) -> bool {
        *self == Self::default()
    }
}

impl Component for Quality {
    type Storage = VecStorage<Self>;
}

/// One worn or wielded thing: its kind and its quality.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Piece {
    pub item: ItemId,
    pub quality: Quality,
}

impl Piece {
    /// A plain common piece of a kind (starting kits, tests).
    pub fn plain(item: ItemId) -> Self {
        Self {
            item,
            quality: Quality::default(),
        }
    }
}

/// The name of an item of this quality: "keen short sword of embers and
/// the leech" (prefixes before the kind's name, suffixes after "of").
pub fn item_name(content: &Content, item: ItemId, quality: &Quality) -> String {
    let mut name = String::new();
    for a in quality.affix_ids() {
        let def = content.affix(a);
        if def.place == AffixPlace::Prefix {
            name.push_str(&def.word);
            name.push(' ');
        }
    }
    name.push_str(&content.item(item).name);
    let mut first = true;
    for a in quality.affix_ids() {
        let def = content.affix(a);
        if def.place == AffixPlace::Suffix {
            name.push_str(if first { " of " } else { " and " });
            name.push_str(&def.word);
            first = false;
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::load_defaults;

    #[test]
    fn names_put_prefixes_before_and_suffixes_after() {
        let content = load_defaults().expect("defaults");
        let sword = content.item_id("short_sword").expect("sword");
        let find = |id: &str| {
            content
                .affix_ids()
                .find(|&a| content.affix(a).id == id)
                .expect("affix")
        };
        let mut q = Quality::of(Rarity::Rare);
        assert_eq!(item_name(&content, sword, &q), "short sword");
        assert!(q.push(find("of_embers")) && q.push(find("keen")));
        assert_eq!(item_name(&content, sword, &q), "keen short sword of embers");
        assert!(q.push(find("of_the_leech")));
        assert_eq!(
            item_name(&content, sword, &q),
            "keen short sword of embers and the leech"
        );
        assert_eq!(q.count_in(&content, AffixPlace::Suffix), 2);
        assert!(
            q.push(find("heavy")) && !q.push(find("quick")),
            "four at most"
        );
        assert!(!q.is_plain() && Quality::default().is_plain());
    }
}

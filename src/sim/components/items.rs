//! Items on the floor and in packs.

use specs::{Component, DenseVecStorage, VecStorage};

use super::quality::{Piece, Quality};
use crate::schema::items::{ArmorSlot, ItemKind};
use crate::schema::{Content, ItemId};

/// An item lying on a tile (with a `Position` and a `Quality`); gold keeps
/// its amount in `count`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct FloorItem {
    pub item: ItemId,
    pub count: u16,
}

impl Component for FloorItem {
    type Storage = VecStorage<Self>;
}

/// Some of one kind of item in a pack slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Stack {
    pub item: ItemId,
    pub count: u16,
    /// Every item of a stack has the same quality: others go elsewhere.
    pub quality: Quality,
}

impl Stack {
    /// One item of the stack as a piece to wield or wear.
    pub fn piece(&self) -> Piece {
        Piece {
            item: self.item,
            quality: self.quality,
        }
    }
}

/// Whether items of this kind pile up in one pack slot: consumables do,
/// gear (each piece its own) and currency (kept in the purse) do not.
pub fn stackable(content: &Content, item: ItemId) -> bool {
    matches!(
        content.item(item).kind,
        ItemKind::Potion(_)
            | ItemKind::Food(_)
            | ItemKind::Scroll(_)
            | ItemKind::Thrown(_)
            | ItemKind::Recipe(_)
    )
}

/// A hero's pack, purse and equipment. Pack slots keep their place (and
/// so their letter) when others empty: using up the potions in slot `b`
/// does not turn the sword in slot `c` into `b`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Inventory {
    /// One entry per slot; `None` is an empty slot.
    pub slots: Vec<Option<Stack>>,
    pub gold: i64,
    pub weapon: Option<Piece>,
    /// Armour worn, one per [`ArmorSlot`] (indexed by its order in `ALL`).
    pub worn: [Option<Piece>; ArmorSlot::COUNT],
}

impl Inventory {
    pub fn new(capacity: usize) -> Self {
        Self {
            slots: vec![None; capacity],
            gold: 0,
            weapon: None,
            worn: [None; ArmorSlot::COUNT],
        }
    }

    /// Puts on a piece of armour in its slot, returning what it replaces
    /// (`None` also when `item` is not armour).
    pub fn wear(&mut self, content: &Content, piece: Piece) -> Option<Piece> {
        let slot = content.armor_slot(piece.item)?;
        self.worn.get_mut(slot.index())?.replace(piece)
    }

    /// Everything wielded and worn, weapon first.
    pub fn gear(&self) -> impl Iterator<Item = &Piece> + '_ {
        self.weapon.iter().chain(self.worn.iter().flatten())
    }

    /// The armour worn in `slot`.
    pub fn worn_in(&self, slot: ArmorSlot) -> Option<Piece> {
        self.worn.get(slot.index()).copied().flatten()
    }

    pub fn capacity(&self) -> usize {
        self.slots.len()
    }

    /// How many slots hold something.
    pub fn used(&self) -> usize {
        self.slots.iter().flatten().count()
    }

    pub fn get(&self, slot: usize) -> Option<Stack> {
        self.slots.get(slot).copied().flatten()
    }

    /// Adds items, stacking when `stacks` is true and a stack of that kind
    /// and quality exists, else into the first empty slot; returns false
    /// (and adds nothing) when the pack is full.
    pub fn add(&mut self, item: ItemId, count: u16, quality: Quality, stacks: bool) -> bool {
        if stacks
            && let Some(s) = self
                .slots
                .iter_mut()
                .flatten()
                .find(|s| s.item == item && s.quality == quality)
        {
            s.count = s.count.saturating_add(count);
            return true;
        }
        match self.slots.iter_mut().find(|s| s.is_none()) {
            Some(empty) => {
                *empty = Some(Stack {
                    item,
                    count,
                    quality,
                });
                true
            }
            None => false,
        }
    }

    /// Takes one item out of a slot; returns it.
    pub fn take_one(&mut self, slot: usize) -> Option<Piece> {
        let entry = self.slots.get_mut(slot)?;
        let s = entry.as_mut()?;
        let piece = s.piece();
        s.count = s.count.saturating_sub(1);
        if s.count == 0 {
            *entry = None;
        }
        Some(piece)
    }

    /// Empties a slot, returning the whole stack.
    pub fn take_all(&mut self, slot: usize) -> Option<Stack> {
        self.slots.get_mut(slot)?.take()
    }
}

impl Component for Inventory {
    type Storage = DenseVecStorage<Self>;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::load_defaults;

    #[test]
    fn slots_keep_their_place_when_others_empty() {
        let content = load_defaults().expect("defaults");
        let (potion, sword) = (
            content.item_id("potion_healing").expect("potion"),
            content.item_id("short_sword").expect("sword"),
        );
        let plain = Quality::default();
        let mut inv = Inventory::new(3);
        assert!(inv.add(potion, 1, plain, true));
        assert!(inv.add(sword, 1, plain, false));
        assert_eq!(inv.take_one(0), Some(Piece::plain(potion)));
        assert_eq!(inv.get(0), None);
        assert_eq!(
            inv.get(1).map(|s| s.item),
            Some(sword),
            "the sword keeps slot b"
        );
        assert!(inv.add(potion, 2, plain, true));
        assert_eq!(
            inv.get(0).map(|s| s.count),
            Some(2),
            "the first empty slot is reused"
        );
        assert!(
            inv.add(sword, 1, plain, false) && !inv.add(sword, 1, plain, false),
            "full at capacity"
        );
        assert_eq!(inv.used(), 3);
        assert_eq!(inv.take_all(0).map(|s| s.count), Some(2));
    }

    #[test]
    fn identical_consumables_stack_and_different_qualities_do_not() {
        use crate::schema::Rarity;
        let content = load_defaults().expect("defaults");
        let id = |k: &str| content.item_id(k).expect(k);
        let (potion, ration, scroll, flask, sword, helm) = (
            id("potion_healing"),
            id("travel_ration"),
            id("scroll_mapping"),
            id("fire_flask"),
            id("short_sword"),
            id("iron_helm"),
        );
        for c in [potion, ration, scroll, flask] {
            assert!(stackable(&content, c), "{}", content.item(c).id);
        }
        for g in [sword, helm, id("gold")] {
            assert!(!stackable(&content, g), "{}", content.item(g).id);
        }
        let plain = Quality::default();
        let mut rare = Quality::of(Rarity::Rare);
        rare.push(content.affix_ids().next().expect("an affix"));
        let mut inv = Inventory::new(6);
        for _ in 0..3 {
            assert!(inv.add(potion, 1, plain, stackable(&content, potion)));
            assert!(inv.add(ration, 2, plain, stackable(&content, ration)));
        }
        assert_eq!(inv.used(), 2, "two stacks");
        assert_eq!(inv.get(0).map(|s| s.count), Some(3));
        assert_eq!(inv.get(1).map(|s| s.count), Some(6));
        assert!(inv.add(potion, 1, rare, true));
        assert_eq!(inv.used(), 3, "another quality is another stack");
        assert!(inv.add(sword, 1, rare, stackable(&content, sword)));
        assert!(inv.add(sword, 1, rare, stackable(&content, sword)));
        assert_eq!(inv.used(), 5, "gear never stacks, even when identical");
        assert_eq!(
            inv.take_one(2),
            Some(Piece {
                item: potion,
                quality: rare
            })
        );
    }
}

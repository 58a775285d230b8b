//! Items on the floor and in packs.

use specs::{Component, DenseVecStorage, VecStorage};

use crate::schema::ItemId;
use crate::schema::items::ArmorSlot;

/// An item lying on a tile (with a `Position`); gold keeps its amount in
/// `count`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FloorItem {
    pub item: ItemId,
    pub count: u16,
}

impl Component for FloorItem {
    type Storage = VecStorage<Self>;
}

/// Some of one kind of item in a pack slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Stack {
    pub item: ItemId,
    pub count: u16,
}

/// A hero's pack, purse and equipment. Pack slots keep their place (and
/// so their letter) when others empty: using up the potions in slot `b`
/// does not turn the sword in slot `c` into `b`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Inventory {
    /// One entry per slot; `None` is an empty slot.
    pub slots: Vec<Option<Stack>>,
    pub gold: i64,
    pub weapon: Option<ItemId>,
    /// Armour worn, one per [`ArmorSlot`] (indexed by its order in `ALL`).
    pub worn: [Option<ItemId>; ArmorSlot::COUNT],
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
    pub fn wear(&mut self, content: &crate::schema::Content, item: ItemId) -> Option<ItemId> {
        let slot = content.armor_slot(item)?;
        self.worn.get_mut(slot.index())?.replace(item)
    }

    /// The armour worn in `slot`.
    pub fn worn_in(&self, slot: ArmorSlot) -> Option<ItemId> {
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
    /// exists, else into the first empty slot; returns false (and adds
    /// nothing) when the pack is full.
    pub fn add(&mut self, item: ItemId, count: u16, stacks: bool) -> bool {
        if stacks && let Some(s) = self.slots.iter_mut().flatten().find(|s| s.item == item) {
            s.count = s.count.saturating_add(count);
            return true;
        }
        match self.slots.iter_mut().find(|s| s.is_none()) {
            Some(empty) => {
                *empty = Some(Stack { item, count });
                true
            }
            None => false,
        }
    }

    /// Takes one item out of a slot; returns its kind.
    pub fn take_one(&mut self, slot: usize) -> Option<ItemId> {
        let entry = self.slots.get_mut(slot)?;
        let s = entry.as_mut()?;
        let item = s.item;
        s.count = s.count.saturating_sub(1);
        if s.count == 0 {
            *entry = None;
        }
        Some(item)
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
        let mut inv = Inventory::new(3);
        assert!(inv.add(potion, 1, true));
        assert!(inv.add(sword, 1, false));
        assert_eq!(inv.take_one(0), Some(potion));
        assert_eq!(inv.get(0), None);
        assert_eq!(
            inv.get(1).map(|s| s.item),
            Some(sword),
            "the sword keeps slot b"
        );
        assert!(inv.add(potion, 2, true));
        assert_eq!(
            inv.get(0).map(|s| s.count),
            Some(2),
            "the first empty slot is reused"
        );
        assert!(
            inv.add(sword, 1, false) && !inv.add(sword, 1, false),
            "full at capacity"
        );
        assert_eq!(inv.used(), 3);
        assert_eq!(inv.take_all(0).map(|s| s.count), Some(2));
    }
}

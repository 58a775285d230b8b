//! Items on the floor and in packs.

use specs::{Component, DenseVecStorage, VecStorage};

use crate::schema::ItemId;

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

/// A hero's pack, purse and equipment.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Inventory {
    pub slots: Vec<Stack>,
    pub capacity: usize,
    pub gold: i64,
    pub weapon: Option<ItemId>,
    pub armor: Option<ItemId>,
}

impl Inventory {
    pub fn new(capacity: usize) -> Self {
        Self {
            slots: Vec::with_capacity(capacity),
            capacity,
            gold: 0,
            weapon: None,
            armor: None,
        }
    }

    /// Adds items, stacking when `stacks` is true and a stack of that kind
    /// exists; returns false (and adds nothing) when the pack is full.
    pub fn add(&mut self, item: ItemId, count: u16, stacks: bool) -> bool {
        if stacks && let Some(s) = self.slots.iter_mut().find(|s| s.item == item) {
            s.count = s.count.saturating_add(count);
            return true;
        }
        if self.slots.len() >= self.capacity {
            return false;
        }
        self.slots.push(Stack { item, count });
        true
    }

    /// Takes one item out of a slot; returns its kind.
    pub fn take_one(&mut self, slot: usize) -> Option<ItemId> {
        let s = self.slots.get_mut(slot)?;
        let item = s.item;
        s.count = s.count.saturating_sub(1);
        if s.count == 0 {
            self.slots.remove(slot);
        }
        Some(item)
    }
}

impl Component for Inventory {
    type Storage = DenseVecStorage<Self>;
}

//! What casters have: mana, the spells they know with their cooldowns and
//! hotkey slots, and the mark of a summoned creature.

use specs::{Component, DenseVecStorage};

use crate::schema::SpellId;
use crate::sim::action::PlayerId;

/// Hotkey slots a hero casts from (keys 1 to 5).
pub const SPELL_SLOTS: usize = 5;

/// Mana: spent by casting, regained every tick in hundredths so that a slow
/// regeneration stays in integers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Mana {
    pub current: i32,
    pub max: i32,
    /// Hundredths of a point regained per tick.
    pub regen_centi: i32,
    /// Hundredths gathered towards the next point.
    pub carry: i32,
}

impl Mana {
    pub fn full(max: i32, regen_centi: i32) -> Self {
        Self {
            current: max,
            max,
            regen_centi,
            carry: 0,
        }
    }

    /// One tick of regeneration.
    pub fn regen(&mut self) {
        if self.current >= self.max {
            self.carry = 0;
            return;
        }
        self.carry += self.regen_centi.max(0);
        let whole = self.carry / 100;
        self.carry %= 100;
        self.current = (self.current + whole).min(self.max);
    }

    /// Takes up to `amount` away; returns how much was lost.
    pub fn drain(&mut self, amount: i32) -> i32 {
        let lost = amount.clamp(0, self.current.max(0));
        self.current -= lost;
        lost
    }
}

impl Component for Mana {
    type Storage = DenseVecStorage<Self>;
}

/// A spell known, and the tick from which it may be cast again.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct KnownSpell {
    pub spell: SpellId,
    pub ready_at: u64,
}

/// The spells a caster knows. Heroes' buffers are reserved for every spell
/// their genre teaches, so learning one mid-game never allocates.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Spellbook {
    pub known: Vec<KnownSpell>,
    /// Per hotkey slot, an index into `known`.
    pub slots: [Option<u8>; SPELL_SLOTS],
}

impl Spellbook {
    pub fn with_capacity(n: usize) -> Self {
        Self {
            known: Vec::with_capacity(n),
            slots: [None; SPELL_SLOTS],
        }
    }

    pub fn knows(&self, spell: SpellId) -> bool {
        self.known.iter().any(|k| k.spell == spell)
    }

    /// Learns a spell (if new) and puts it in the first free slot.
    /// Returns true when it was new.
    pub fn learn(&mut self, spell: SpellId) -> bool {
        if self.knows(spell) {
            return false;
        }
        let Ok(index) = u8::try_from(self.known.len()) else {
            return false;
        };
        self.known.push(KnownSpell { spell, ready_at: 0 });
        if let Some(free) = self.slots.iter_mut().find(|s| s.is_none()) {
            *free = Some(index);
        }
        true
    }

    /// The spell in a hotkey slot, with its index in `known`.
    pub fn in_slot(&self, slot: usize) -> Option<(usize, KnownSpell)> {
        let i = usize::from((*self.slots.get(slot)?)?);
        self.known.get(i).map(|k| (i, *k))
    }

    /// The entry of a known spell, for its cooldown.
    pub fn entry_mut(&mut self, spell: SpellId) -> Option<&mut KnownSpell> {
        self.known.iter_mut().find(|k| k.spell == spell)
    }

    /// Sets every slot at once (`u8::MAX` or an unknown index: empty).
    pub fn assign(&mut self, slots: [u8; SPELL_SLOTS]) {
        let n = self.known.len();
        for (slot, &want) in self.slots.iter_mut().zip(&slots) {
            *slot = (usize::from(want) < n).then_some(want);
        }
    }
}

impl Component for Spellbook {
    type Storage = DenseVecStorage<Self>;
}

/// A creature called up by a spell: it leaves no loot and gives no
/// experience, and fades at `expires`. With an owner it fights for that
/// hero (an ally); without, it is an ordinary foe.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Summoned {
    pub owner: Option<PlayerId>,
    pub expires: u64,
}

impl Component for Summoned {
    type Storage = DenseVecStorage<Self>;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mana_regenerates_in_hundredths_and_stops_at_the_maximum() {
        let mut m = Mana::full(10, 30);
        m.current = 0;
        for _ in 0..10 {
            m.regen();
        }
        assert_eq!(m.current, 3, "0.3 a tick for ten ticks");
        for _ in 0..100 {
            m.regen();
        }
        assert_eq!(m.current, 10);
        assert_eq!(m.drain(4), 4);
        assert_eq!(m.drain(40), 6);
        assert_eq!(m.current, 0);
    }

    #[test]
    fn learning_fills_free_slots_and_assigning_checks_indices() {
        let mut b = Spellbook::with_capacity(8);
        for i in 0..7 {
            assert!(b.learn(SpellId::new_for_tests(i)));
        }
        assert!(!b.learn(SpellId::new_for_tests(0)));
        assert_eq!(b.slots, [Some(0), Some(1), Some(2), Some(3), Some(4)]);
        b.assign([6, u8::MAX, 0, 9, 1]);
        assert_eq!(b.slots, [Some(6), None, Some(0), None, Some(1)]);
        assert_eq!(b.in_slot(0).map(|(i, _)| i), Some(6));
        assert!(b.in_slot(1).is_none() && b.in_slot(7).is_none());
    }
}

//! Read-only queries about heroes' magic: mana, known spells with their
//! cooldowns, and the hotkey slots, as plain data.

use specs::WorldExt;

use super::Simulation;
use super::action::PlayerId;
use super::components::{KnownSpell, Mana, SPELL_SLOTS, Spellbook, Summoned};
use super::resources::Players;

/// A hero's magic as its player may see it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MagicState {
    pub mana: i32,
    pub max_mana: i32,
    /// Hundredths of a point regained per tick (skills raise it).
    pub regen_centi: i32,
    pub known: Vec<KnownSpell>,
    /// Per hotkey slot, an index into `known`.
    pub slots: [Option<u8>; SPELL_SLOTS],
    /// The tick now, to tell how long cooldowns have left.
    pub tick: u64,
}

impl Simulation {
    /// A hero's mana and spells.
    pub fn hero_magic(&self, player: PlayerId) -> Option<MagicState> {
        let w = &self.world;
        let e = w.read_resource::<Players>().entity(player)?;
        let mana = w.read_storage::<Mana>().get(e).copied()?;
        let books = w.read_storage::<Spellbook>();
        let book = books.get(e)?;
        Some(MagicState {
            mana: mana.current,
            max_mana: mana.max,
            regen_centi: mana.regen_centi,
            known: book.known.clone(),
            slots: book.slots,
            tick: self.tick(),
        })
    }

    /// The stable ids of the living creatures summoned for a hero.
    pub fn allies_of(&self, player: PlayerId) -> Vec<u64> {
        use specs::Join;
        let w = &self.world;
        let (summoned, ids, healths) = (
            w.read_storage::<Summoned>(),
            w.read_storage::<super::components::StableId>(),
            w.read_storage::<super::components::Health>(),
        );
        let mut out: Vec<u64> = (&summoned, &ids, &healths)
            .join()
            .filter(|(s, _, h)| s.owner == Some(player) && !h.is_dead())
            .map(|(_, id, _)| id.0)
            .collect();
        out.sort_unstable();
        out
    }
}

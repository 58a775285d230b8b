//! Every component, one file per concern, and the one place they are
//! registered with the world.
//!
//! To add a component: define it in the file of its concern (or a new one),
//! register it in [`register`], hash it in `sim::hash_state`, and decide
//! whether saves and snapshots carry it.

mod body;
mod items;
mod magic;
mod monster;
mod player;
mod quality;

pub use body::{ACTION_COST, Actor, Combat, Health, Intent, Position, StableId};
pub use items::{FloorItem, Inventory, Stack, stackable};
pub use magic::{KnownSpell, Mana, SPELL_SLOTS, Spellbook, Summoned};
pub use monster::{Ai, AiState, Merchant, Monster};
pub use player::{Player, Vision};
pub use quality::{Piece, Quality, item_name};

use specs::{World, WorldExt};

use super::status::Statuses;

/// Registers every component. Grouped by who may see them once co-op
/// syncs state: everyone in range (position, health, monster, floor items),
/// the owner only (player, vision, inventory), the server only (AI, intent).
pub fn register(world: &mut World) {
    // Seen by everyone in range.
    world.register::<StableId>();
    world.register::<Position>();
    world.register::<Health>();
    world.register::<Monster>();
    world.register::<FloorItem>();
    world.register::<Quality>();
    world.register::<Statuses>();
    world.register::<Summoned>();
    // Seen by the owning player.
    world.register::<Player>();
    world.register::<Vision>();
    world.register::<Inventory>();
    world.register::<Mana>();
    world.register::<Spellbook>();
    // Server only.
    world.register::<Actor>();
    world.register::<Combat>();
    world.register::<Intent>();
    world.register::<Ai>();
    world.register::<Merchant>();
}

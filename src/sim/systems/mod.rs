//! The game rules, one system per file, and the one place their order is set.
//!
//! A tick runs [`Systems::act`] (decide, then carry out, then consequences),
//! then `sim::apply` makes the structural changes the systems queued, then
//! [`Systems::perceive`] brings sight and distance maps up to date for the
//! next tick. To add a rule: write `pub struct Sys` with `const NAME` in a new
//! file, and call it at its place in `act` or `perceive` below.

pub mod ai;
pub mod allies;
pub mod cast;
pub mod character;
pub mod craft;
pub mod death;
pub mod displace;
pub mod energy;
pub mod items;
pub mod mana;
pub mod melee;
pub mod movement;
pub mod npc;
pub mod paths;
pub mod player_actions;
pub mod quests;
pub mod ranged;
pub mod regen;
pub mod spellcasting;
pub mod stairs;
pub mod status_effects;
pub mod strike;
pub mod terrain;
pub mod trade;
pub mod vision;
pub mod xp;

use specs::{RunNow, World};

use super::components::{Monster, Player};
use super::event::Who;

/// Every system, run in a fixed order on the calling thread. Sequential
/// running keeps ticks deterministic and allocation-free (see
/// `notes/specs-zero-alloc.md`); the whole tick costs well under a
/// millisecond, so parallel dispatch would gain nothing.
#[derive(Default)]
pub struct Systems {
    character: character::Sys,
    trade: trade::Sys,
    craft: craft::Sys,
    energy: energy::Sys,
    player_actions: player_actions::Sys,
    spellcasting: spellcasting::Sys,
    ai: ai::Sys,
    npc: npc::Sys,
    allies: allies::Sys,
    movement: movement::Sys,
    melee: melee::Sys,
    ranged: ranged::Sys,
    cast: cast::Sys,
    displace: displace::Sys,
    items: items::Sys,
    stairs: stairs::Sys,
    terrain: terrain::Sys,
    status_effects: status_effects::Sys,
    regen: regen::Sys,
    death: death::Sys,
    quests: quests::Sys,
    xp: xp::Sys,
    mana: mana::Sys,
    vision: vision::Sys,
    paths: paths::Sys,
}

impl Systems {
    /// The names in running order, for profiling and docs.
    pub const ORDER: [&'static str; 25] = [
        character::Sys::NAME,
        trade::Sys::NAME,
        craft::Sys::NAME,
        energy::Sys::NAME,
        player_actions::Sys::NAME,
        spellcasting::Sys::NAME,
        ai::Sys::NAME,
        npc::Sys::NAME,
        allies::Sys::NAME,
        movement::Sys::NAME,
        terrain::Sys::NAME,
        melee::Sys::NAME,
        ranged::Sys::NAME,
        cast::Sys::NAME,
        displace::Sys::NAME,
        items::Sys::NAME,
        stairs::Sys::NAME,
        status_effects::Sys::NAME,
        regen::Sys::NAME,
        death::Sys::NAME,
        quests::Sys::NAME,
        xp::Sys::NAME,
        mana::Sys::NAME,
        vision::Sys::NAME,
        paths::Sys::NAME,
    ];

    /// Decide, act and take the consequences.
    pub fn act(&mut self, world: &World) {
        // Choices about the hero itself take no time...
        self.character.run_now(world);
        self.trade.run_now(world);
        self.craft.run_now(world);
        // ...actors gain energy; who has enough decides what to do...
        self.energy.run_now(world);
        self.player_actions.run_now(world);
        self.spellcasting.run_now(world);
        self.ai.run_now(world);
        self.npc.run_now(world);
        self.allies.run_now(world);
        // ...and it is carried out, in stable-id order within each rule.
        self.movement.run_now(world);
        self.terrain.run_now(world);
        self.melee.run_now(world);
        self.ranged.run_now(world);
        self.cast.run_now(world);
        self.displace.run_now(world);
        self.items.run_now(world);
        self.stairs.run_now(world);
        // Lasting effects, then the dead are counted.
        self.status_effects.run_now(world);
        self.regen.run_now(world);
        self.death.run_now(world);
        self.quests.run_now(world);
        self.xp.run_now(world);
        self.mana.run_now(world);
    }

    /// Update what heroes see and how monsters path, after structural changes.
    pub fn perceive(&mut self, world: &World) {
        self.vision.run_now(world);
        self.paths.run_now(world);
    }
}

/// An actor whose turn it is to decide: alive, on a level that ticks, with
/// the energy for an action. Its intent is cleared first, so an actor that
/// is not ready does nothing this tick. Shared by every deciding system.
pub(crate) fn ready_to_decide<'l, 'w>(
    e: specs::Entity,
    positions: &specs::ReadStorage<super::components::Position>,
    healths: &specs::ReadStorage<super::components::Health>,
    active: &super::resources::ActiveLevels,
    levels: &'l super::resources::Levels,
    actors: &'w mut specs::WriteStorage<super::components::Actor>,
    intents: &'w mut specs::WriteStorage<super::components::Intent>,
) -> Option<(
    super::components::Position,
    &'l super::level::Level,
    &'w mut super::components::Actor,
    &'w mut super::components::Intent,
)> {
    let pos = *positions.get(e)?;
    if healths.get(e).is_none_or(|h| h.is_dead()) || !active.contains(pos.depth) {
        return None;
    }
    let level = levels.get(pos.depth)?;
    let (actor, intent) = (actors.get_mut(e)?, intents.get_mut(e)?);
    *intent = super::components::Intent::None;
    actor.ready().then_some((pos, level, actor, intent))
}

/// Names an actor for events from whichever of its components it has.
pub(crate) fn who(player: Option<&Player>, monster: Option<&Monster>) -> Option<Who> {
    match (player, monster) {
        (Some(p), _) => Some(Who::Player(p.id)),
        (None, Some(m)) => Some(Who::Monster(m.kind)),
        (None, None) => None,
    }
}

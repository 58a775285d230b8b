//! Every resource in the world: the clock, the seed, the levels, the id
//! allocator, the tick's inputs and events, and the queues of structural
//! changes that systems request and `apply` carries out after dispatch.
//!
//! All of them are inserted by `Simulation::new`, so a missing resource is
//! always a bug, never a case to handle.

use std::collections::BTreeMap;
use std::sync::Arc;

use specs::Entity;

use super::action::{PlayerId, PlayerInput};
use super::algo::grid::Point;
use super::event::SimEvent;
use super::level::Level;
use crate::schema::{Content, ItemId, MonsterId};

/// The number of the tick being run (the first tick is 1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tick(pub u64);

/// The world seed every stream is derived from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WorldSeed(pub u64);

/// The schemas in use, shared read-only.
#[derive(Clone, Debug)]
pub struct Rules(pub Arc<Content>);

/// Every level generated so far, by depth.
#[derive(Debug, Default)]
pub struct Levels(pub BTreeMap<i32, Level>);

impl Levels {
    pub fn get(&self, depth: i32) -> Option<&Level> {
        self.0.get(&depth)
    }

    pub fn get_mut(&mut self, depth: i32) -> Option<&mut Level> {
        self.0.get_mut(&depth)
    }
}

/// The depths that have a player on them: only these tick.
#[derive(Clone, Debug, Default)]
pub struct ActiveLevels(pub Vec<i32>);

impl ActiveLevels {
    pub fn contains(&self, depth: i32) -> bool {
        self.0.contains(&depth)
    }
}

/// This tick's player inputs (refilled each step, never reallocated once warm).
#[derive(Clone, Debug, Default)]
pub struct Inputs(pub Vec<PlayerInput>);

/// This tick's events.
#[derive(Clone, Debug, Default)]
pub struct Events(pub Vec<SimEvent>);

/// Which entity is each player's hero.
#[derive(Clone, Debug, Default)]
pub struct Players(pub Vec<(PlayerId, Entity)>);

impl Players {
    pub fn entity(&self, id: PlayerId) -> Option<Entity> {
        self.0.iter().find(|(p, _)| *p == id).map(|&(_, e)| e)
    }
}

/// Every actor in stable-id order: the order in which actors act within a
/// tick. Entity indices are recycled and differ after a reload; stable ids
/// do not, so this keeps ticks identical across saves.
#[derive(Clone, Debug, Default)]
pub struct ActorOrder(pub Vec<(u64, Entity)>);

/// Hands out stable ids.
#[derive(Clone, Copy, Debug, Default)]
pub struct IdAllocator {
    pub next: u64,
}

impl IdAllocator {
    pub fn allocate(&mut self) -> u64 {
        self.next += 1;
        self.next
    }
}

/// An entity to create after dispatch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spawn {
    Item {
        item: ItemId,
        count: u16,
        quality: crate::sim::components::Quality,
        depth: i32,
        at: Point,
    },
    Monster {
        kind: MonsterId,
        boss: bool,
        depth: i32,
        at: Point,
    },
    /// A creature a spell calls up near `at`: the hero's ally when
    /// `owner` is set, otherwise a foe hunting `hunt`.
    Summon {
        kind: MonsterId,
        depth: i32,
        at: Point,
        owner: Option<PlayerId>,
        hunt: Option<PlayerId>,
        expires: u64,
        by: super::event::Who,
    },
}

/// A hero taking the stairs, or falling.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LevelMove {
    pub entity: Entity,
    pub player: PlayerId,
    pub to_depth: i32,
    pub down: bool,
    /// Land near this tile instead of at the stairs (a fall through a pit).
    pub near: Option<Point>,
}

/// The actors that stepped onto a new tile this tick, in acting order, for
/// the terrain rule (lava, traps, pits). Cleared every tick; never shrinks.
#[derive(Clone, Debug, Default)]
pub struct Steps(pub Vec<Entity>);

/// Structural changes requested during a tick, applied after dispatch in a
/// fixed order: despawns, then spawns, then level moves. The buffers are
/// reserved up front so a tick with many deaths and drops does not grow them.
#[derive(Clone, Debug, Default)]
pub struct Pending {
    pub despawn: Vec<Entity>,
    pub spawn: Vec<Spawn>,
    pub level_moves: Vec<LevelMove>,
}

impl Pending {
    /// Buffers with room for a busy tick (`Default` stays empty and free:
    /// the tick swaps it in while applying).
    pub fn reserved() -> Self {
        Self {
            despawn: Vec::with_capacity(256),
            spawn: Vec::with_capacity(256),
            level_moves: Vec::with_capacity(16),
        }
    }
}

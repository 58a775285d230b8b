//! The deterministic simulation: one specs `World` holding every visited
//! level, stepped at a fixed tick by [`Simulation::step`].
//!
//! Nothing outside `sim/` touches the `World`: front ends, bots, the network
//! and saves read it through the plain-data queries in `query.rs` and feed it
//! [`PlayerInput`]s. The simulation never reads a clock, a terminal, a socket
//! or a file, and draws randomness only from streams derived in
//! `procgen::seed`, so the same seed and inputs give the same
//! [`Simulation::state_hash`] on every run.
//!
//! Layout: `components/` (one file per concern), `resources.rs`,
//! `systems/` (one file per rule, ordered in `systems/mod.rs`), `apply.rs`
//! (structural changes after the systems), `algo/` (game-agnostic
//! algorithms), the pure rules `combat.rs`, `hero.rs`, `status.rs`, and
//! `invariants.rs` (what every tick must leave true, for sweeps).

pub mod action;
pub mod algo;
pub mod apply;
pub mod combat;
pub mod components;
pub mod crafting;
pub mod event;
pub mod gear;
pub mod hash;
pub mod hero;
pub mod invariants;
pub mod level;
pub mod price;
pub mod projectile;
pub mod query;
pub mod query_magic;
pub mod quest;
pub mod resources;
pub mod snapshot;
pub mod spells;
pub mod status;
pub mod systems;
pub mod tile;

use std::sync::Arc;

use specs::{Join, World, WorldExt};

pub use action::{Action, PlayerId, PlayerInput};
pub use event::{EventKind, SimEvent, Who};
pub use tile::Tile;

use crate::schema::Content;
use components::{
    Actor, Ai, Combat, FloorItem, Health, Inventory, Monster, Player, Position, Quality, StableId,
    Vision,
};
use hash::StateHasher;
use resources::{
    ActiveLevels, ActorOrder, Events, IdAllocator, Inputs, Levels, Pending, Players, Rules, Tick,
    WorldSeed,
};
use status::{StatusPool, Statuses};
use systems::Systems;

/// Ticks per second of game time. 20 keeps real-time play smooth (a step
/// every 4 ticks at normal speed) while a tick stays cheap enough to run
/// thousands per second headless.
pub const TICKS_PER_SECOND: u32 = 20;

/// Events reserved per tick buffer.
const EVENT_CAPACITY: usize = 4096;

/// The whole game state and the rules that advance it.
pub struct Simulation {
    world: World,
    systems: Systems,
    content: Arc<Content>,
    /// The last tick's events, swapped out of the world so they can be
    /// returned by reference; both buffers keep their capacity.
    events: Vec<crate::sim::event::SimEvent>,
}

impl Simulation {
    /// A new world from `seed`, with its first level generated and no
    /// players yet.
    pub fn new(seed: u64, content: Arc<Content>) -> Self {
        let mut sim = Self::empty(seed, content);
        apply::ensure_level(&mut sim.world, 1);
        sim
    }

    /// A world from `seed` with every resource in place but no level yet
    /// (what `new` and `restore` start from).
    fn empty(seed: u64, content: Arc<Content>) -> Self {
        // The world's genre: the one asked for, or the seed's own.
        let content = Arc::new(content.for_world(seed));
        let mut world = World::new();
        components::register(&mut world);
        world.insert(Tick(0));
        world.insert(WorldSeed(seed));
        world.insert(Rules(Arc::clone(&content)));
        world.insert(Levels::default());
        world.insert(ActiveLevels::default());
        world.insert(Inputs::default());
        // Room for a busy tick's events up front, so the first crowded fight
        // does not grow the buffers mid-game.
        world.insert(Events(Vec::with_capacity(EVENT_CAPACITY)));
        world.insert(Players::default());
        world.insert(ActorOrder::default());
        world.insert(IdAllocator::default());
        world.insert(Pending::reserved());
        world.insert(resources::Steps(Vec::with_capacity(256)));
        // Sized up front: the slab otherwise grows the first time a fight
        // has more statuses going at once than ever before.
        world.insert(StatusPool::with_capacity(STATUS_CAPACITY));
        world.insert(projectile::Projectiles::default());
        world.insert(quest::QuestLog::default());
        world.insert(crate::procgen::skills::tree(&content, seed));
        spells::insert_resources(&mut world);
        reserve_entity_ids(&mut world);
        Self {
            world,
            systems: Systems::default(),
            content,
            events: Vec::with_capacity(EVENT_CAPACITY),
        }
    }

    /// Adds a hero at the top of the dungeon and returns its player slot.
    pub fn add_player(&mut self, name: &str) -> PlayerId {
        let n = self.world.read_resource::<Players>().0.len();
        let id = PlayerId(u8::try_from(n).unwrap_or(u8::MAX));
        apply::spawn_player(&mut self.world, id, name);
        // Sight and paths are ready before the first tick, so the first
        // frame already shows the hero's surroundings.
        self.systems.perceive(&self.world);
        id
    }

    /// Runs one tick with these inputs and returns what happened.
    pub fn step(&mut self, inputs: &[PlayerInput]) -> &[SimEvent] {
        self.world.write_resource::<Tick>().0 += 1;
        {
            let mut buf = self.world.write_resource::<Inputs>();
            buf.0.clear();
            buf.0.extend_from_slice(inputs);
        }
        self.world.write_resource::<Events>().0.clear();
        self.systems.act(&self.world);
        apply::apply(&mut self.world);
        self.systems.perceive(&self.world);
        std::mem::swap(
            &mut self.events,
            &mut self.world.write_resource::<Events>().0,
        );
        &self.events
    }

    /// The events of the last tick.
    pub fn last_events(&self) -> &[SimEvent] {
        &self.events
    }

    /// The last tick run (0 before the first step).
    pub fn tick(&self) -> u64 {
        self.world.read_resource::<Tick>().0
    }

    pub fn seed(&self) -> u64 {
        self.world.read_resource::<WorldSeed>().0
    }

    pub fn content(&self) -> &Arc<Content> {
        &self.content
    }

    /// Takes new game data for what is generated from now on (hot reload):
    /// levels already made stay as they are. Refused, with the reason, when
    /// the new data drops or moves an entry this world's ids may name (see
    /// `schema::layout`); `content` should continue this world's genre
    /// (`Content::continuing`).
    pub fn replace_content(&mut self, content: Arc<Content>) -> Result<(), String> {
        if let Some(why) = self.content.layout().incompatible(&content.layout()) {
            return Err(why);
        }
        self.world.insert(Rules(Arc::clone(&content)));
        self.content = content;
        Ok(())
    }

    /// A hash of everything that decides what happens next: the tick, every
    /// level's tiles, and every entity's components keyed by stable id.
    /// Entity hashes are summed, so the result does not depend on specs'
    /// storage order, only on the state itself.
    pub fn state_hash(&self) -> u64 {
        let w = &self.world;
        let mut h = StateHasher::new();
        h.write_u64(self.tick());
        h.write_u64(self.seed());
        for (depth, level) in &w.read_resource::<Levels>().0 {
            h.write_i32(*depth);
            let mut tiles = StateHasher::new();
            for t in level.tiles.cells() {
                tiles.write_u64(u64::from(t.code()));
            }
            h.write_u64(tiles.finish());
            hash_debug(&mut h, Some(&level.station));
        }
        hash_debug(&mut h, Some(&*w.read_resource::<quest::QuestLog>()));
        for p in &w.read_resource::<projectile::Projectiles>().flying {
            hash_debug(&mut h, Some(p));
        }
        let pool = w.read_resource::<StatusPool>();
        let (ids, pos, health) = (
            w.read_storage::<StableId>(),
            w.read_storage::<Position>(),
            w.read_storage::<Health>(),
        );
        let (actor, combat) = (w.read_storage::<Actor>(), w.read_storage::<Combat>());
        let (monster, ai, floor) = (
            w.read_storage::<Monster>(),
            w.read_storage::<Ai>(),
            w.read_storage::<FloorItem>(),
        );
        let (hero, inv, vision) = (
            w.read_storage::<Player>(),
            w.read_storage::<Inventory>(),
            w.read_storage::<Vision>(),
        );
        let statuses = w.read_storage::<Statuses>();
        let merchants = w.read_storage::<components::Merchant>();
        let (mana, books, summoned) = (
            w.read_storage::<components::Mana>(),
            w.read_storage::<components::Spellbook>(),
            w.read_storage::<components::Summoned>(),
        );
        let quality = w.read_storage::<Quality>();
        let mut sum = 0u64;
        for (e, id) in (&w.entities(), &ids).join() {
            let mut x = StateHasher::new();
            x.write_u64(id.0);
            hash_debug(&mut x, pos.get(e));
            hash_debug(&mut x, health.get(e));
            hash_debug(&mut x, actor.get(e));
            hash_debug(&mut x, combat.get(e));
            hash_debug(&mut x, monster.get(e));
            hash_debug(&mut x, ai.get(e));
            hash_debug(&mut x, floor.get(e));
            hash_debug(&mut x, quality.get(e));
            hash_debug(&mut x, hero.get(e));
            hash_debug(&mut x, inv.get(e));
            hash_debug(&mut x, merchants.get(e));
            hash_debug(&mut x, mana.get(e));
            hash_debug(&mut x, books.get(e));
            hash_debug(&mut x, summoned.get(e));
            if let Some(v) = vision.get(e) {
                for (depth, seen) in &v.explored {
                    x.write_i32(*depth);
                    for &s in seen.cells() {
                        x.write_u64(u64::from(s));
                    }
                }
            }
            if let Some(st) = statuses.get(e) {
                let mut active: [Option<status::ActiveStatus>; crate::schema::StatusKind::COUNT] =
                    Default::default();
                for s in pool.iter(st) {
                    if let Some(slot) = active.get_mut(s.kind as usize) {
                        *slot = Some(s);
                    }
                }
                hash_debug(&mut x, Some(&active));
            }
            sum = sum.wrapping_add(x.finish());
        }
        h.write_u64(sum);
        h.finish()
    }
}

/// Statuses the pool holds before it must grow.
const STATUS_CAPACITY: usize = 4096;

/// Entity ids set aside when a world is made.
const ENTITY_RESERVE: u32 = 16_384;

/// specs keeps freed entity ids in a list that grows whenever more ids are
/// free at once than ever before, which would allocate mid-game (a monster
/// dies, its loot is picked up...). Creating and freeing a batch of ids up
/// front sizes that list once. They are freed highest first, so new entities
/// still get the lowest ids and component storages stay compact.
fn reserve_entity_ids(world: &mut World) {
    let ids: Vec<specs::Entity> = world.create_iter().take(ENTITY_RESERVE as usize).collect();
    // Loot and dropped items are the entities made mid-game: size their
    // storages (and the storages' bit masks) for every reserved id now, so
    // a drop on a high id does not grow them during a tick.
    let first_item = world.read_resource::<Rules>().0.item_ids().next();
    if let Some(item) = first_item {
        let mut items = world.write_storage::<FloorItem>();
        let mut qualities = world.write_storage::<Quality>();
        let mut positions = world.write_storage::<Position>();
        let mut stable = world.write_storage::<StableId>();
        for &e in &ids {
            let _ = items.insert(e, FloorItem { item, count: 0 });
            let _ = qualities.insert(e, Quality::default());
            let _ = positions.insert(
                e,
                Position {
                    depth: 0,
                    at: crate::sim::algo::grid::Point::new(0, 0),
                },
            );
            let _ = stable.insert(e, StableId(0));
        }
    }
    let reversed: Vec<specs::Entity> = ids.into_iter().rev().collect();
    // Freshly created ids are alive, so deleting them cannot fail.
    let _ = world.delete_entities(&reversed);
}

/// Hashes a component through its `Debug` form: every field, in declaration
/// order, with no hand-kept list to fall out of date. Only used for state
/// hashes, which are not on the per-tick hot path.
fn hash_debug<T: std::fmt::Debug>(h: &mut StateHasher, value: Option<&T>) {
    use std::fmt::Write;
    struct Sink<'a>(&'a mut StateHasher);
    impl Write for Sink<'_> {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0.write_str(s);
            Ok(())
        }
    }
    match value {
        Some(v) => {
            let _ = write!(Sink(h), "{v:?}");
        }
        None => h.write_u64(0),
    }
}

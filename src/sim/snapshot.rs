//! The simulation as plain data, for saves: [`Snapshot::capture`] reads it
//! out of the world and [`Simulation::restore`] builds a world from it.
//!
//! A snapshot holds the seed and what changed, not the world: every visited
//! level is regenerated from the seed on load, and only its tiles that differ
//! from the generated ones (opened doors, sprung traps) are stored, with its
//! inhabitants, floor items, explored masks, projectiles, statuses, quests
//! and counters. Everything `Simulation::state_hash` covers is here, so a
//! restored world hashes and continues exactly as the one captured.
//!
//! Heroes are a list keyed by player slot, so a co-op host's save holds the
//! shared world and every joined player's character.
//!
//! Lives in `sim/` because only `sim/` touches the `World`; `save/` owns the
//! file format around it.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use specs::{Builder, Entity, Join, World, WorldExt};

use super::algo::grid::{Grid, Point};
use super::components::{
    Actor, Ai, Combat, FloorItem, Health, Intent, Inventory, Mana, Merchant, Monster, Player,
    Position, Quality, Spellbook, StableId, Summoned, Vision,
};
use super::projectile::{Projectile, Projectiles};
use super::quest::QuestLog;
use super::resources::{ActorOrder, IdAllocator, Levels, Players, Tick};
use super::status::{ActiveStatus, StatusPool, Statuses};
use super::{PlayerId, Simulation, Tile};
use crate::schema::Content;

/// Everything a save needs to rebuild a simulation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snapshot {
    pub seed: u64,
    pub tick: u64,
    /// The last stable id handed out.
    pub last_id: u64,
    pub next_projectile: u64,
    /// Every visited level, as changes against its generated form.
    pub levels: Vec<LevelChanges>,
    /// Each player slot's hero, by stable id.
    pub players: Vec<(PlayerId, u64)>,
    /// Stable ids in acting order.
    pub actor_order: Vec<u64>,
    /// Every entity, in the order specs holds them.
    pub entities: Vec<EntityRecord>,
    pub quests: QuestLog,
    pub projectiles: Vec<Projectile>,
}

/// A visited level: its tiles that differ from the generated level, its
/// station, and who stands where.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelChanges {
    pub depth: i32,
    pub width: i32,
    pub height: i32,
    /// (cell index, tile) for each tile that changed.
    pub tiles: Vec<(u32, Tile)>,
    pub station: Option<(Point, u8)>,
    /// (cell index, stable id) of each occupied tile.
    pub occupants: Vec<(u32, u64)>,
}

/// One entity's components; absent ones are `None`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EntityRecord {
    pub id: u64,
    pub position: Option<Position>,
    pub health: Option<Health>,
    pub actor: Option<Actor>,
    pub combat: Option<Combat>,
    pub monster: Option<Monster>,
    pub ai: Option<Ai>,
    pub floor: Option<FloorItem>,
    pub quality: Option<Quality>,
    pub player: Option<Player>,
    pub vision: Option<VisionRecord>,
    pub inventory: Option<Inventory>,
    pub merchant: Option<Merchant>,
    pub mana: Option<Mana>,
    pub spellbook: Option<Spellbook>,
    pub summoned: Option<Summoned>,
    /// Active statuses, most recent first (the pool's order).
    pub statuses: Option<Vec<ActiveStatus>>,
    /// Whether it decides actions (its intent is cleared every tick, so
    /// only its presence matters).
    pub intent: bool,
}

/// Sight, with each explored mask run-length coded: alternating runs of
/// unseen and seen cells, starting with unseen.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisionRecord {
    pub radius: i32,
    pub depth: i32,
    pub explored: Vec<ExploredRecord>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExploredRecord {
    pub depth: i32,
    pub width: i32,
    pub height: i32,
    pub runs: Vec<u32>,
}

/// Why a snapshot cannot be restored into this game.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum RestoreError {
    #[error("level {depth} has a different size from the one this game generates")]
    LevelSize { depth: i32 },
    #[error("level {depth} is outside the dungeon")]
    NoSuchLevel { depth: i32 },
    #[error("tile {index} of level {depth} is outside the map")]
    TileOutside { depth: i32, index: u32 },
    #[error("entity id {0} is used twice")]
    DuplicateId(u64),
    #[error("entity id {0} is referred to but not saved")]
    UnknownId(u64),
    #[error("an explored mask of level {depth} does not fit its level")]
    Explored { depth: i32 },
    #[error("an item, monster, spell or quest is unknown to these schemas")]
    UnknownContent,
    #[error("entity {id} stands outside its level")]
    Outside { id: u64 },
}

fn encode_runs(mask: &Grid<bool>) -> Vec<u32> {
    let mut runs = Vec::new();
    let mut current = false;
    let mut len = 0u32;
    for &c in mask.cells() {
        if c == current {
            len += 1;
        } else {
            runs.push(len);
            current = c;
            len = 1;
        }
    }
    runs.push(len);
    runs
}

fn decode_runs(r: &ExploredRecord) -> Option<Grid<bool>> {
    if r.width <= 0 || r.height <= 0 || r.width > 4096 || r.height > 4096 {
        return None;
    }
    let mut grid = Grid::new(r.width, r.height, false);
    let cells = grid.cells_mut();
    let mut i = 0usize;
    let mut value = false;
    for &len in &r.runs {
        let end = i.checked_add(len as usize)?;
        cells.get_mut(i..end)?.fill(value);
        i = end;
        value = !value;
    }
    (i == cells.len()).then_some(grid)
}

impl Snapshot {
    /// Reads the whole simulation state out of `sim`.
    pub fn capture(sim: &Simulation) -> Self {
        let w = &sim.world;
        let ids = w.read_storage::<StableId>();
        let id_of = |e: Entity| ids.get(e).map_or(0, |s| s.0);
        let levels = w
            .read_resource::<Levels>()
            .0
            .iter()
            .map(|(&depth, level)| {
                let tiles = level
                    .tiles
                    .cells()
                    .iter()
                    .enumerate()
                    .filter(|&(i, t)| level.generated.cells().get(i) != Some(t))
                    .map(|(i, &t)| (i as u32, t))
                    .collect();
                let occupants = level
                    .occupants
                    .cells()
                    .iter()
                    .enumerate()
                    .filter_map(|(i, o)| o.map(|e| (i as u32, id_of(e))))
                    .collect();
                LevelChanges {
                    depth,
                    width: level.width(),
                    height: level.height(),
                    tiles,
                    station: level.station,
                    occupants,
                }
            })
            .collect();
        let players = w
            .read_resource::<Players>()
            .0
            .iter()
            .map(|&(p, e)| (p, id_of(e)))
            .collect();
        let actor_order = w
            .read_resource::<ActorOrder>()
            .0
            .iter()
            .map(|&(id, _)| id)
            .collect();
        let pool = w.read_resource::<StatusPool>();
        let (pos, health, actor) = (
            w.read_storage::<Position>(),
            w.read_storage::<Health>(),
            w.read_storage::<Actor>(),
        );
        let (combat, monster, ai) = (
            w.read_storage::<Combat>(),
            w.read_storage::<Monster>(),
            w.read_storage::<Ai>(),
        );
        let (floor, quality, player) = (
            w.read_storage::<FloorItem>(),
            w.read_storage::<Quality>(),
            w.read_storage::<Player>(),
        );
        let (vision, inventory, merchant) = (
            w.read_storage::<Vision>(),
            w.read_storage::<Inventory>(),
            w.read_storage::<Merchant>(),
        );
        let (mana, books, summoned) = (
            w.read_storage::<Mana>(),
            w.read_storage::<Spellbook>(),
            w.read_storage::<Summoned>(),
        );
        let (statuses, intents) = (w.read_storage::<Statuses>(), w.read_storage::<Intent>());
        let entities = (&w.entities(), &ids)
            .join()
            .map(|(e, id)| EntityRecord {
                id: id.0,
                position: pos.get(e).copied(),
                health: health.get(e).copied(),
                actor: actor.get(e).copied(),
                combat: combat.get(e).copied(),
                monster: monster.get(e).copied(),
                ai: ai.get(e).copied(),
                floor: floor.get(e).copied(),
                quality: quality.get(e).copied(),
                player: player.get(e).cloned(),
                vision: vision.get(e).map(|v| VisionRecord {
                    radius: v.radius,
                    depth: v.depth,
                    explored: v
                        .explored
                        .iter()
                        .map(|(&depth, g)| ExploredRecord {
                            depth,
                            width: g.width(),
                            height: g.height(),
                            runs: encode_runs(g),
                        })
                        .collect(),
                }),
                inventory: inventory.get(e).cloned(),
                merchant: merchant.get(e).cloned(),
                mana: mana.get(e).copied(),
                spellbook: books.get(e).cloned(),
                summoned: summoned.get(e).copied(),
                statuses: statuses.get(e).map(|s| pool.iter(s).collect()),
                intent: intents.get(e).is_some(),
            })
            .collect();
        let projectiles = w.read_resource::<Projectiles>();
        Self {
            seed: sim.seed(),
            tick: sim.tick(),
            last_id: w.read_resource::<IdAllocator>().next,
            next_projectile: projectiles.next_id,
            levels,
            players,
            actor_order,
            entities,
            quests: (*w.read_resource::<QuestLog>()).clone(),
            projectiles: projectiles.flying.clone(),
        }
    }
}

impl Simulation {
    /// Rebuilds a simulation from a snapshot: the levels are regenerated from
    /// the seed, then the saved changes and every entity are put back.
    pub fn restore(snap: &Snapshot, content: Arc<Content>) -> Result<Self, RestoreError> {
        let mut sim = Self::empty(snap.seed, content);
        let content = Arc::clone(&sim.content);
        validate(snap, &content)?;
        let last = content.rules.dungeon_depth;
        let world = &mut sim.world;
        world.write_resource::<Tick>().0 = snap.tick;
        world.write_resource::<IdAllocator>().next = snap.last_id;
        {
            let mut p = world.write_resource::<Projectiles>();
            p.next_id = snap.next_projectile;
            p.flying.clear();
            p.flying.extend_from_slice(&snap.projectiles);
        }
        *world.write_resource::<QuestLog>() = snap.quests.clone();
        if let Some(lc) = snap.levels.iter().find(|l| !(1..=last).contains(&l.depth)) {
            return Err(RestoreError::NoSuchLevel { depth: lc.depth });
        }
        // Each level is a pure function of (content, seed, depth), so the
        // visited ones are regenerated side by side: the bulk of a load.
        let generated: Vec<_> = {
            use rayon::prelude::*;
            snap.levels
                .par_iter()
                .map(|lc| crate::procgen::level::generate(&content, snap.seed, lc.depth).level)
                .collect()
        };
        for (lc, mut level) in snap.levels.iter().zip(generated) {
            if level.width() != lc.width || level.height() != lc.height {
                return Err(RestoreError::LevelSize { depth: lc.depth });
            }
            level.mark_generated();
            for &(i, t) in &lc.tiles {
                let cell = level.tiles.cells_mut().get_mut(i as usize).ok_or(
                    RestoreError::TileOutside {
                        depth: lc.depth,
                        index: i,
                    },
                )?;
                *cell = t;
            }
            level.station = lc.station;
            world.write_resource::<Levels>().0.insert(lc.depth, level);
        }
        // Entities, in the order they were held.
        let mut by_id = std::collections::BTreeMap::new();
        for r in &snap.entities {
            let e = restore_entity(world, r)?;
            if by_id.insert(r.id, e).is_some() {
                return Err(RestoreError::DuplicateId(r.id));
            }
        }
        let find = |id: u64| by_id.get(&id).copied().ok_or(RestoreError::UnknownId(id));
        for lc in &snap.levels {
            let mut levels = world.write_resource::<Levels>();
            let Some(level) = levels.get_mut(lc.depth) else {
                continue;
            };
            for &(i, id) in &lc.occupants {
                let e = find(id)?;
                let cell = level.occupants.cells_mut().get_mut(i as usize).ok_or(
                    RestoreError::TileOutside {
                        depth: lc.depth,
                        index: i,
                    },
                )?;
                *cell = Some(e);
            }
            level.paths_dirty = true;
        }
        {
            let mut players = world.write_resource::<Players>();
            for &(p, id) in &snap.players {
                players.0.push((p, find(id)?));
            }
        }
        {
            let mut order = world.write_resource::<ActorOrder>();
            for &id in &snap.actor_order {
                order.0.push((id, find(id)?));
            }
        }
        super::apply::refresh_active_levels(world);
        sim.systems.perceive(&sim.world);
        Ok(sim)
    }
}

/// Checks what a damaged body could hold that the rules would index with:
/// items, monsters, affixes and quests the schemas know, and every entity
/// on a saved level inside its map.
fn validate(snap: &Snapshot, content: &Content) -> Result<(), RestoreError> {
    let (items, monsters) = (content.item_ids().count(), content.monster_ids().count());
    let (affixes, quests) = (content.affix_ids().count(), content.quest_ids().count());
    let item = |i: crate::schema::ItemId| i.index() < items;
    let quality = |q: &Quality| q.affixes.iter().flatten().all(|a| a.index() < affixes);
    let piece = |p: &super::components::Piece| item(p.item) && quality(&p.quality);
    let stack = |s: &super::components::Stack| item(s.item) && quality(&s.quality);
    let bad = RestoreError::UnknownContent;
    for q in &snap.quests.0 {
        let goal_ok = match q.goal {
            super::quest::QuestGoal::Kill(m) | super::quest::QuestGoal::Boss(m) => {
                m.index() < monsters
            }
            super::quest::QuestGoal::Collect(i) => item(i),
            _ => q.goal.person().is_none_or(|(_, m)| m.index() < monsters),
        };
        if q.template.index() >= quests || !goal_ok {
            return Err(bad);
        }
    }
    let stations = content.stations.len();
    if snap
        .levels
        .iter()
        .any(|l| l.station.is_some_and(|(_, k)| usize::from(k) >= stations))
    {
        return Err(bad);
    }
    for r in &snap.entities {
        let class_ok = r.player.as_ref().is_none_or(|p| {
            p.class
                .is_none_or(|c| usize::from(c) < content.classes.len())
        });
        let ok = class_ok
            && r.floor.is_none_or(|f| item(f.item))
            && r.quality.as_ref().is_none_or(quality)
            && r.monster.is_none_or(|m| m.kind.index() < monsters)
            && r.merchant
                .as_ref()
                .is_none_or(|m| m.stock.iter().all(stack))
            && r.inventory.as_ref().is_none_or(|inv| {
                inv.slots.iter().flatten().all(stack)
                    && inv.weapon.as_ref().is_none_or(piece)
                    && inv.worn.iter().flatten().all(piece)
            });
        if !ok {
            return Err(bad);
        }
        if let Some(p) = r.position {
            let Some(lc) = snap.levels.iter().find(|l| l.depth == p.depth) else {
                return Err(RestoreError::NoSuchLevel { depth: p.depth });
            };
            if !(0..lc.width).contains(&p.at.x) || !(0..lc.height).contains(&p.at.y) {
                return Err(RestoreError::Outside { id: r.id });
            }
        }
    }
    Ok(())
}

fn restore_entity(world: &mut World, r: &EntityRecord) -> Result<Entity, RestoreError> {
    let mut explored = None;
    if let Some(v) = &r.vision {
        let mut vision = Vision::new(v.radius);
        vision.depth = v.depth;
        for x in &v.explored {
            let grid = decode_runs(x).ok_or(RestoreError::Explored { depth: x.depth })?;
            vision.explored.insert(x.depth, grid);
        }
        explored = Some(vision);
    }
    let mut b = world.create_entity().with(StableId(r.id));
    macro_rules! with {
        ($($field:ident),*) => {$(
            if let Some(c) = r.$field.clone() {
                b = b.with(c);
            }
        )*};
    }
    with!(
        position, health, actor, combat, monster, ai, floor, quality, player, inventory, merchant,
        mana, spellbook, summoned
    );
    if let Some(v) = explored {
        b = b.with(v);
    }
    if r.intent {
        b = b.with(Intent::None);
    }
    let e = b.build();
    if let Some(list) = &r.statuses {
        let mut own = Statuses::default();
        let mut pool = world.write_resource::<StatusPool>();
        for s in list.iter().rev() {
            pool.insert(&mut own, *s);
        }
        let _ = world.write_storage::<Statuses>().insert(e, own);
    }
    Ok(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_round_trip() {
        let mut g = Grid::new(5, 3, false);
        g.set(Point::new(0, 0), true);
        g.set(Point::new(4, 2), true);
        g.set(Point::new(2, 1), true);
        let r = ExploredRecord {
            depth: 1,
            width: 5,
            height: 3,
            runs: encode_runs(&g),
        };
        assert_eq!(decode_runs(&r), Some(g));
        let bad = ExploredRecord {
            runs: vec![u32::MAX, 3],
            ..r
        };
        assert_eq!(decode_runs(&bad), None);
    }
}

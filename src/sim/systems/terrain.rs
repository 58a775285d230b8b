//! Terrain: what the ground does to whoever steps on it. Lava burns anyone;
//! traps go off under heroes (monsters know where their traps are) and are
//! then known; pits and trapdoors drop a hero to the level below; shallow
//! water puts out burning. Heroes also find secret doors next to them.
//! Writes level tiles, `Health`, `Statuses`, the pool and level moves.

use specs::shred::ResourceId;
use specs::{
    Entity, Read, ReadExpect, ReadStorage, System, SystemData, World, Write, WriteStorage,
};

use super::who;
use crate::procgen::seed::{LEVEL_TRAPS, SIM_TERRAIN, Stream, derive};
use crate::schema::{DamageType, StatusKind, StatusSpec};
use crate::sim::algo::grid::{Dir, Point};
use crate::sim::combat::mitigate;
use crate::sim::components::{Combat, Health, Monster, Player, Position, StableId, Vision};
use crate::sim::event::{EventKind, Hazard, SimEvent, Who};
use crate::sim::resources::{
    ActiveLevels, Events, LevelMove, Levels, Pending, Players, Rules, Steps, Tick, WorldSeed,
};
use crate::sim::status::{StatusPool, Statuses};
use crate::sim::tile::Tile;

/// Heroes search for secret doors next to them this often (ticks)...
const SEARCH_EVERY: u64 = 10;
/// ...finding each one with this chance (percent): about a second and a half
/// of standing next to a secret door finds it, on average.
const SEARCH_PERCENT: u32 = 34;

#[derive(Default)]
pub struct Sys;

impl Sys {
    pub const NAME: &'static str = "terrain";
}

#[derive(SystemData)]
pub struct Data<'a> {
    tick: Read<'a, Tick>,
    seed: Read<'a, WorldSeed>,
    rules: ReadExpect<'a, Rules>,
    active: Read<'a, ActiveLevels>,
    heroes: Read<'a, Players>,
    steps: Read<'a, Steps>,
    levels: Write<'a, Levels>,
    events: Write<'a, Events>,
    pending: Write<'a, Pending>,
    pool: Write<'a, StatusPool>,
    ids: ReadStorage<'a, StableId>,
    positions: ReadStorage<'a, Position>,
    combats: ReadStorage<'a, Combat>,
    players: ReadStorage<'a, Player>,
    monsters: ReadStorage<'a, Monster>,
    healths: WriteStorage<'a, Health>,
    statuses: WriteStorage<'a, Statuses>,
    visions: WriteStorage<'a, Vision>,
}

impl<'a> System<'a> for Sys {
    type SystemData = Data<'a>;

    fn run(&mut self, mut d: Self::SystemData) {
        for i in 0..d.steps.0.len() {
            let e = d.steps.0[i];
            step_on(&mut d, e);
        }
        if d.tick.0 % SEARCH_EVERY == 0 {
            for i in 0..d.heroes.0.len() {
                let (player, e) = d.heroes.0[i];
                search(&mut d, player, e);
            }
        }
    }
}

/// What the tile an actor just stepped onto does to it.
fn step_on(d: &mut Data, e: Entity) {
    let (Some(&pos), Some(target)) = (d.positions.get(e), who(d.players.get(e), d.monsters.get(e)))
    else {
        return;
    };
    let Some(level) = d.levels.get_mut(pos.depth) else {
        return;
    };
    let tile = level.tile(pos.at);
    let hero = d.players.get(e).map(|p| p.id);
    let hazard = match (tile, hero) {
        (Tile::Lava, _) => Hazard::Lava,
        (Tile::Pit, Some(_)) => Hazard::Fall,
        (Tile::Trap | Tile::KnownTrap, Some(_)) => {
            level.tiles.set(pos.at, Tile::KnownTrap);
            let last = d.rules.0.rules.dungeon_depth;
            trap_kind(d.seed.0, pos.depth, pos.at, pos.depth < last)
        }
        (Tile::ShallowWater, _) => {
            if let Some(st) = d.statuses.get_mut(e)
                && d.pool.remove(st, StatusKind::Burning.bit()) != 0
            {
                d.events.0.push(SimEvent {
                    depth: pos.depth,
                    at: pos.at,
                    kind: EventKind::StatusEnded {
                        target,
                        status: StatusKind::Burning,
                    },
                });
            }
            return;
        }
        _ => return,
    };
    let id = d.ids.get(e).map_or(0, |s| s.0);
    let mut rng = Stream::new(d.seed.0, SIM_TERRAIN, &[d.tick.0, id]);
    let depth = pos.depth.max(1);
    let (raw, kind, status) = match hazard {
        Hazard::Lava => (
            rng.range(4, 8) + depth / 2,
            DamageType::Fire,
            burning(depth),
        ),
        Hazard::DartTrap => (rng.range(3, 6) + depth, DamageType::Physical, None),
        Hazard::FlameTrap => (
            rng.range(2, 5) + depth / 2,
            DamageType::Fire,
            burning(depth),
        ),
        Hazard::VenomTrap => (0, DamageType::Poison, venom(depth)),
        Hazard::Fall => (rng.range(2, 6), DamageType::Physical, None),
    };
    let combat = d.combats.get(e);
    let defence = if kind == DamageType::Physical {
        combat.map_or(0, |c| c.defense)
    } else {
        0
    };
    let resist = combat.map_or(0, |c| c.resist.get(kind));
    let damage = mitigate(raw, defence, resist);
    let resisted = resist >= 100;
    if let Some(health) = d.healths.get_mut(e) {
        health.hp -= damage;
        if damage > 0 {
            health.last_hit = Some(Who::Hazard(hazard));
        }
    }
    d.events.0.push(SimEvent {
        depth: pos.depth,
        at: pos.at,
        kind: EventKind::Hazard {
            target,
            hazard,
            damage,
        },
    });
    if let (Some(spec), Some(st), false) = (status, d.statuses.get_mut(e), resisted)
        && d.pool.apply(st, &spec)
    {
        d.events.0.push(SimEvent {
            depth: pos.depth,
            at: pos.at,
            kind: EventKind::StatusApplied {
                target,
                status: spec.kind,
            },
        });
    }
    if let (Hazard::Fall, Some(player)) = (hazard, hero) {
        d.pending.level_moves.push(LevelMove {
            entity: e,
            player,
            to_depth: pos.depth + 1,
            down: true,
            near: Some(pos.at),
        });
    }
}

/// A hero standing still or walking looks for secret doors around them.
fn search(d: &mut Data, player: crate::sim::PlayerId, e: Entity) {
    let Some(&pos) = d.positions.get(e) else {
        return;
    };
    if !d.active.contains(pos.depth) || d.healths.get(e).is_none_or(|h| h.is_dead()) {
        return;
    }
    let Some(level) = d.levels.get_mut(pos.depth) else {
        return;
    };
    let id = d.ids.get(e).map_or(0, |s| s.0);
    let mut rng = Stream::new(d.seed.0, SIM_TERRAIN, &[d.tick.0, id, 1]);
    for dir in Dir::ALL {
        let at = pos.at.step(dir);
        if level.tile(at) == Tile::SecretDoor && rng.percent(SEARCH_PERCENT) {
            level.tiles.set(at, Tile::Door);
            level.paths_dirty = true;
            if let Some(v) = d.visions.get_mut(e) {
                v.dirty = true;
            }
            d.events.0.push(SimEvent {
                depth: pos.depth,
                at,
                kind: EventKind::FoundSecretDoor { player },
            });
        }
    }
}

/// Which trap lies at a tile: fixed by the world seed and the place, so a
/// trap is the same trap every time it goes off. No trapdoors on the last
/// level.
pub fn trap_kind(seed: u64, depth: i32, at: Point, can_fall: bool) -> Hazard {
    let h = derive(
        seed,
        LEVEL_TRAPS,
        &[u64::from(depth.unsigned_abs()), at.x as u64, at.y as u64],
    );
    let kinds = if can_fall {
        &Hazard::TRAPS[..]
    } else {
        &Hazard::TRAPS[..3]
    };
    kinds[(h % kinds.len() as u64) as usize]
}

fn burning(depth: i32) -> Option<StatusSpec> {
    Some(StatusSpec {
        kind: StatusKind::Burning,
        magnitude: 1 + depth / 4,
        duration: 60,
        chance: 100,
    })
}

fn venom(depth: i32) -> Option<StatusSpec> {
    Some(StatusSpec {
        kind: StatusKind::Poisoned,
        magnitude: 1 + depth / 3,
        duration: 120,
        chance: 100,
    })
}

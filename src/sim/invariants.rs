//! Rules the world must keep after every tick, whatever the seed or the
//! inputs: sweeps (`venture sweep --check`) and replays of checked runs run
//! them every tick to catch a bug on the tick it happens.
//!
//! Each invariant is a small function that reads the world and describes
//! the first violation it finds (which entity, where, on which tick). They
//! reuse the buffers in [`Scratch`], so a warm check allocates nothing
//! unless it finds something. To add one: write the function here with a
//! doc comment, and list it in [`STANDARD`].

use std::collections::BTreeMap;

use specs::{Join, WorldExt};

use super::Simulation;
use super::algo::dijkstra::{DijkstraMap, UNREACHED};
use super::algo::grid::Point;
use super::components::{Actor, Health, Inventory, Mana, Player, Position, StableId, stackable};
use super::level::Level;
use super::resources::{ActiveLevels, Levels, Rules};
use super::tile::Tile;
use crate::schema::items::{ArmorSlot, ItemKind};

/// One rule: its name (in reports and replay files, no spaces) and its
/// test, which returns what it found wrong.
#[derive(Clone, Copy, Debug)]
pub struct Invariant {
    pub name: &'static str,
    pub check: fn(&Simulation, &mut Scratch) -> Option<String>,
}

/// A broken rule: which, and what was seen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    pub invariant: &'static str,
    pub detail: String,
}

/// Buffers the checks reuse from tick to tick.
#[derive(Debug, Default)]
pub struct Scratch {
    ids: Vec<u64>,
    dist: Option<DijkstraMap>,
    /// Per depth, the fingerprint of the tiles last found connected: a level
    /// is only walked again when its tiles change.
    connected: BTreeMap<i32, u64>,
}

/// The rules every world keeps.
pub const STANDARD: [Invariant; 5] = [
    Invariant {
        name: "actor_on_open_ground",
        check: actors_on_open_ground,
    },
    Invariant {
        name: "health_in_bounds",
        check: health_in_bounds,
    },
    Invariant {
        name: "pack_consistent",
        check: packs_consistent,
    },
    Invariant {
        name: "exits_reachable",
        check: exits_reachable,
    },
    Invariant {
        name: "stable_ids_unique",
        check: stable_ids_unique,
    },
];

/// Runs a set of invariants tick after tick, keeping their buffers.
#[derive(Debug, Default)]
pub struct Checker {
    invariants: Vec<Invariant>,
    scratch: Scratch,
}

impl Checker {
    /// The standard rules plus `extra` ones (a test's own, or a tool's).
    pub fn new(extra: &[Invariant]) -> Self {
        Self {
            invariants: STANDARD.iter().chain(extra).copied().collect(),
            scratch: Scratch::default(),
        }
    }

    /// The first rule the world breaks now, if any.
    pub fn check(&mut self, sim: &Simulation) -> Option<Violation> {
        self.invariants.iter().find_map(|inv| {
            (inv.check)(sim, &mut self.scratch).map(|detail| Violation {
                invariant: inv.name,
                detail,
            })
        })
    }
}

/// The stable id of an entity, or 0 when it has none (for messages).
fn id_of(sim: &Simulation, e: specs::Entity) -> u64 {
    sim.world
        .read_storage::<StableId>()
        .get(e)
        .map_or(0, |s| s.0)
}

fn at(p: Position) -> String {
    format!("({}, {}) on depth {}", p.at.x, p.at.y, p.depth)
}

/// No living actor stands inside a wall (or tree, deep water, an unfound
/// secret door), outside its level's bounds, or on a level that does not
/// exist: movement, knock-back, summons and arrivals must all land on
/// ground a hero could stand on.
fn actors_on_open_ground(sim: &Simulation, _: &mut Scratch) -> Option<String> {
    let w = &sim.world;
    let levels = w.read_resource::<Levels>();
    let (pos, actors, health) = (
        w.read_storage::<Position>(),
        w.read_storage::<Actor>(),
        w.read_storage::<Health>(),
    );
    for (e, p, _, h) in (&w.entities(), &pos, &actors, &health).join() {
        if h.is_dead() {
            continue;
        }
        let problem = match levels.get(p.depth) {
            None => "on a level that does not exist",
            Some(l) if !l.tiles.in_bounds(p.at) => "out of bounds",
            Some(l) if !l.tile(p.at).is_passable() => "inside a wall",
            Some(_) => continue,
        };
        let tick = sim.tick();
        return Some(format!(
            "actor #{} {problem} at {} on tick {tick}",
            id_of(sim, e),
            at(*p)
        ));
    }
    None
}

/// Health and mana stay within their bounds: a positive maximum, and never
/// above it (below zero only once dead).
fn health_in_bounds(sim: &Simulation, _: &mut Scratch) -> Option<String> {
    let w = &sim.world;
    let tick = sim.tick();
    for (e, h) in (&w.entities(), &w.read_storage::<Health>()).join() {
        if h.max < 1 || h.hp > h.max {
            let id = id_of(sim, e);
            return Some(format!(
                "actor #{id} has {} of {} hit points on tick {tick}",
                h.hp, h.max
            ));
        }
    }
    for (e, m) in (&w.entities(), &w.read_storage::<Mana>()).join() {
        if m.max < 0 || m.current < 0 || m.current > m.max {
            let id = id_of(sim, e);
            return Some(format!(
                "actor #{id} has {} of {} mana on tick {tick}",
                m.current, m.max
            ));
        }
    }
    None
}

/// A hero's pack adds up: as many slots as the rules give, no empty
/// stacks, gear never piled in one slot, no negative gold, a weapon in
/// hand and armour on the body in its own slot. (Items have no weight in
/// Venture: the pack's slots are its only limit.)
fn packs_consistent(sim: &Simulation, _: &mut Scratch) -> Option<String> {
    let w = &sim.world;
    let content = &w.read_resource::<Rules>().0;
    let size = usize::try_from(content.rules.player.inventory_size)
        .unwrap_or(1)
        .max(1);
    let tick = sim.tick();
    let heroes = w.read_storage::<Player>();
    (&w.entities(), &w.read_storage::<Inventory>(), &heroes)
        .join()
        .find_map(|(e, inv, _)| {
            let problem = pack_problem(content, inv, size)?;
            let id = id_of(sim, e);
            Some(format!("hero #{id}: {problem} on tick {tick}"))
        })
}

/// What is wrong with one pack, if anything.
fn pack_problem(content: &crate::schema::Content, inv: &Inventory, size: usize) -> Option<String> {
    if inv.capacity() != size {
        return Some(format!("{} pack slots, not {size}", inv.capacity()));
    }
    if inv.gold < 0 {
        return Some(format!("{} gold", inv.gold));
    }
    for (slot, s) in inv.slots.iter().enumerate() {
        let Some(s) = s else { continue };
        if s.count == 0 || (s.count > 1 && !stackable(content, s.item)) {
            let name = &content.item(s.item).id;
            return Some(format!("slot {slot} holds {} of {name}", s.count));
        }
    }
    if let Some(p) = inv.weapon
        && !matches!(content.item(p.item).kind, ItemKind::Weapon(_))
    {
        return Some(format!("wields {}, not a weapon", content.item(p.item).id));
    }
    for (slot, piece) in ArmorSlot::ALL.iter().zip(&inv.worn) {
        if let Some(p) = piece
            && content.armor_slot(p.item) != Some(*slot)
        {
            let name = &content.item(p.item).id;
            return Some(format!("wears {name} in the {slot:?} slot"));
        }
    }
    None
}

/// From where heroes arrive, every staircase of every level being played
/// can be reached on foot (doors open, secret doors can be found, hazards
/// hurt but do not block). A level is walked again only when its tiles
/// change.
fn exits_reachable(sim: &Simulation, scratch: &mut Scratch) -> Option<String> {
    let w = &sim.world;
    let levels = w.read_resource::<Levels>();
    for &depth in &w.read_resource::<ActiveLevels>().0 {
        let Some(level) = levels.get(depth) else {
            continue;
        };
        let print = fingerprint(level);
        if scratch.connected.get(&depth) == Some(&print) {
            continue;
        }
        if let Some(stairs) = unreachable_stairs(level, scratch) {
            return Some(format!(
                "the stairs at ({}, {}) on depth {depth} cannot be reached from ({}, {}) on tick {}",
                stairs.x,
                stairs.y,
                level.arrival_from_above.x,
                level.arrival_from_above.y,
                sim.tick()
            ));
        }
        scratch.connected.insert(depth, print);
    }
    None
}

/// A cheap fingerprint of a level's tiles (not a state hash: it only has to
/// change when they do).
fn fingerprint(level: &Level) -> u64 {
    level
        .tiles
        .cells()
        .iter()
        .fold(0xcbf2_9ce4_8422_2325, |h, t| {
            (h ^ u64::from(t.code())).wrapping_mul(0x0100_0000_01b3)
        })
}

/// The first staircase no path reaches, if any.
fn unreachable_stairs(level: &Level, scratch: &mut Scratch) -> Option<Point> {
    let (w, h) = (level.width(), level.height());
    let dist = match &mut scratch.dist {
        Some(d) if d.width() == w && d.height() == h => d,
        slot => slot.insert(DijkstraMap::new(w, h)),
    };
    let crossable = |p: Point| {
        let t = level.tile(p);
        t.is_passable() || t == Tile::SecretDoor
    };
    dist.compute([level.arrival_from_above], i32::MAX, crossable);
    level
        .tiles
        .points()
        .filter(|&p| matches!(level.tile(p), Tile::StairsDown | Tile::StairsUp))
        .find(|&p| dist.get(p) == UNREACHED)
}

/// No two entities share a stable id: hashes, saves and the network name
/// entities by it.
fn stable_ids_unique(sim: &Simulation, scratch: &mut Scratch) -> Option<String> {
    let w = &sim.world;
    scratch.ids.clear();
    scratch
        .ids
        .extend(w.read_storage::<StableId>().join().map(|s| s.0));
    scratch.ids.sort_unstable();
    let twice = scratch.ids.windows(2).find(|p| p[0] == p[1])?;
    Some(format!(
        "two entities have stable id #{} on tick {}",
        twice[0],
        sim.tick()
    ))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::schema::load_defaults;

    #[test]
    fn a_new_world_keeps_every_rule_and_a_broken_one_is_caught() {
        let content = Arc::new(load_defaults().expect("default schemas load"));
        let mut sim = Simulation::new(3, content);
        let player = sim.add_player("Tester");
        let mut checker = Checker::new(&[]);
        assert_eq!(checker.check(&sim), None);
        let hero = sim.hero(player).expect("a hero");
        sim.edit_level(hero.depth, |l| l.tiles.set(hero.at, Tile::Wall));
        let v = checker.check(&sim).expect("the hero is in a wall");
        assert_eq!(v.invariant, "actor_on_open_ground");
        assert!(v.detail.contains("inside a wall"), "{}", v.detail);
    }
}

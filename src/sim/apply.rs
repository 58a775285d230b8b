//! Structural changes, applied after the systems have run, in a fixed order:
//! despawns, then spawns, then heroes changing level (generating levels on a
//! first visit). Also the spawning of every kind of entity, used by these
//! and by `Simulation::new`/`add_player`.

use specs::{Builder, Entity, World, WorldExt};

use super::action::PlayerId;
use super::algo::grid::Point;
use super::components::{
    Actor, Ai, Combat, FloorItem, Health, Intent, Inventory, Monster, Piece, Player, Position,
    Quality, StableId, Summoned, Vision, stackable,
};
use super::event::{EventKind, SimEvent};
use super::hero::{effective_combat, effective_max_hp, effective_speed, starting_combat};
use super::quest::{Quest, QuestLog};
use super::resources::{
    ActiveLevels, ActorOrder, Events, IdAllocator, LevelMove, Levels, Pending, Players, Rules,
    Spawn, WorldSeed,
};
use super::status::{StatusPool, Statuses};
use crate::procgen::level::{self as levelgen, MonsterPlacement};
use crate::procgen::quests::QuestTarget;
use crate::schema::ItemId;
use crate::schema::items::ItemKind;
use crate::schema::monsters::MonsterKind;
use crate::schema::{Rarity, Span};

/// Carries out everything the systems queued this tick.
pub fn apply(world: &mut World) {
    // Take the queues out so the world can be borrowed freely, then put them
    // back (emptied, capacity kept) so the next tick allocates nothing.
    let mut pending = std::mem::take(&mut *world.write_resource::<Pending>());
    despawn(world, &mut pending.despawn);
    for s in pending.spawn.drain(..) {
        match s {
            Spawn::Item {
                item,
                count,
                quality,
                depth,
                at,
            } => {
                spawn_item(world, item, count, quality, depth, at);
            }
            Spawn::Monster {
                kind,
                boss,
                depth,
                at,
            } => {
                let placed = MonsterPlacement {
                    kind,
                    boss,
                    rarity: Rarity::Common,
                    name_seed: 0,
                    at,
                };
                spawn_monster(world, &placed, depth);
            }
            Spawn::Summon {
                kind,
                depth,
                at,
                owner,
                hunt,
                expires,
                by,
            } => {
                let placed = MonsterPlacement {
                    kind,
                    boss: false,
                    rarity: Rarity::Common,
                    name_seed: 0,
                    at,
                };
                if let Some(e) = spawn_monster(world, &placed, depth) {
                    super::systems::cast::summoned(world, e, owner, hunt, expires, by);
                }
            }
        }
    }
    for m in pending.level_moves.drain(..) {
        move_level(world, m);
    }
    *world.write_resource::<Pending>() = pending;
    refresh_active_levels(world);
}

fn despawn(world: &mut World, doomed: &mut Vec<Entity>) {
    if doomed.is_empty() {
        return;
    }
    doomed.sort_unstable();
    doomed.dedup();
    {
        let positions = world.read_storage::<Position>();
        let mut statuses = world.write_storage::<Statuses>();
        let mut levels = world.write_resource::<Levels>();
        let mut pool = world.write_resource::<StatusPool>();
        let mut order = world.write_resource::<ActorOrder>();
        for &e in doomed.iter() {
            if let Some(pos) = positions.get(e)
                && let Some(level) = levels.get_mut(pos.depth)
                && level.occupant(pos.at) == Some(e)
            {
                level.occupants.set(pos.at, None);
            }
            if let Some(st) = statuses.get_mut(e) {
                pool.clear(st);
            }
        }
        order.0.retain(|(_, e)| doomed.binary_search(e).is_err());
    }
    // Entities queued here are alive (systems only queue live ones), so the
    // only possible error is a stale id, which has nothing left to delete.
    let _ = world.delete_entities(doomed);
    doomed.clear();
}

fn next_id(world: &World) -> u64 {
    world.write_resource::<IdAllocator>().allocate()
}

/// Lays an item of some quality on the floor.
pub fn spawn_item(
    world: &mut World,
    item: ItemId,
    count: u16,
    quality: Quality,
    depth: i32,
    at: Point,
) -> Entity {
    let id = next_id(world);
    world
        .create_entity()
        .with(StableId(id))
        .with(Position { depth, at })
        .with(FloorItem { item, count })
        .with(quality)
        .build()
}

/// Scales a monster stat for a level `levels` below its shallowest depth.
fn scaled(value: i32, levels: i32, percent: i32) -> i32 {
    let grown = i64::from(value) * i64::from(100 + percent * levels.max(0)) / 100;
    i32::try_from(grown).unwrap_or(i32::MAX)
}

/// Creates a monster, scaled for its depth, size and rarity, on a free tile
/// at or near `m.at`.
pub fn spawn_monster(world: &mut World, m: &MonsterPlacement, depth: i32) -> Option<Entity> {
    let MonsterPlacement {
        kind,
        boss,
        rarity,
        name_seed,
        at,
    } = *m;
    let content = world.read_resource::<Rules>().0.clone();
    let def = content.monster(kind);
    let (size_hp, size_dmg, size_speed, size_evasion) = def.size.multipliers();
    let (rare_hp, rare_dmg, rare_xp) = rarity.monster_multipliers();
    let below = depth - def.depth.min();
    let pct = content.rules.depth_scaling_percent;
    let at = {
        let levels = world.read_resource::<Levels>();
        let level = levels.get(depth)?;
        if level.is_walkable(at) && level.occupant(at).is_none() {
            at
        } else {
            level.free_tile_near(at)?
        }
    };
    let percent = |v: i32, a: i32, b: i32| {
        i32::try_from(i64::from(v) * i64::from(a) * i64::from(b) / 10_000).unwrap_or(i32::MAX)
    };
    let combat = Combat {
        attack: scaled(def.attack, below, pct),
        defense: scaled(def.defense, below, pct),
        damage: Span(
            percent(def.damage.min(), size_dmg, rare_dmg),
            percent(def.damage.max(), size_dmg, rare_dmg),
        ),
        damage_type: def.damage_type,
        evasion: percent(def.evasion, size_evasion, 100).min(95),
        accuracy: def.accuracy,
        crit_chance: def.crit_chance,
        resist: def.resist,
        attack_delay: def.attack_delay,
        on_hit: def.on_hit,
        life_on_hit: 0,
    };
    let monster = Monster {
        kind,
        boss,
        rarity,
        name_seed,
        peaceful: def.kind == MonsterKind::Npc,
        xp: percent(scaled(def.xp, below, pct), rare_xp, 100),
        flee_below: def.flee_below,
        sight: def.sight,
    };
    let id = next_id(world);
    let e = world
        .create_entity()
        .with(StableId(id))
        .with(Position { depth, at })
        .with(Health::new(
            percent(scaled(def.hp, below, pct), size_hp, rare_hp).max(1),
        ))
        .with(Actor::new(percent(def.speed, size_speed, 100).max(1)))
        .with(combat)
        .with(monster)
        .with(Ai::default())
        .with(Intent::None)
        .with(Statuses::default())
        .build();
    super::systems::mana::equip_monster(world, e, kind);
    place_actor(world, e, id, depth, at);
    Some(e)
}

/// Creates a player's hero at the top of the dungeon.
pub fn spawn_player(world: &mut World, player: PlayerId, name: &str) -> Option<Entity> {
    ensure_level(world, 1);
    let content = world.read_resource::<Rules>().0.clone();
    let p = &content.rules.player;
    let at = {
        let levels = world.read_resource::<Levels>();
        let level = levels.get(1)?;
        level.free_tile_near(level.arrival_from_above)?
    };
    let base = starting_combat(&content);
    let capacity = usize::try_from(p.inventory_size).unwrap_or(1).max(1);
    let mut inventory = Inventory::new(capacity);
    for &item in content.start_items() {
        let piece = Piece::plain(item);
        match content.item(item).kind {
            ItemKind::Weapon(_) if inventory.weapon.is_none() => inventory.weapon = Some(piece),
            ItemKind::Armor(ref a) if inventory.worn_in(a.slot).is_none() => {
                inventory.wear(&content, piece);
            }
            ItemKind::Gold(s) => inventory.gold += i64::from(s.max()),
            _ => {
                inventory.add(item, 1, piece.quality, stackable(&content, item));
            }
        }
    }
    let combat = effective_combat(&base, &inventory, &content);
    let hero = Player {
        id: player,
        name: name.to_owned(),
        level: 1,
        xp: 0,
        base,
        base_max_hp: p.hp,
        pending: None,
        kills: 0,
        deepest: 1,
        dead: false,
        won: false,
        class: None,
        skill_points: 1,
        skills: 0,
        recipes: 0,
    };
    let id = next_id(world);
    let e = world
        .create_entity()
        .with(StableId(id))
        .with(Position { depth: 1, at })
        .with(Health::new(effective_max_hp(p.hp, &inventory, &content)))
        .with(Actor::new(effective_speed(&inventory, &content)))
        .with(combat)
        .with(hero)
        .with(Vision::new(p.sight))
        .with(inventory)
        .with(Intent::None)
        .with(Statuses::default())
        .build();
    place_actor(world, e, id, 1, at);
    super::systems::mana::equip_hero(world, e);
    world.write_resource::<Players>().0.push((player, e));
    refresh_active_levels(world);
    Some(e)
}

/// Records a new actor on its tile and in the acting order.
fn place_actor(world: &mut World, e: Entity, id: u64, depth: i32, at: Point) {
    if let Some(level) = world.write_resource::<Levels>().get_mut(depth) {
        level.occupants.set(at, Some(e));
        level.paths_dirty = true;
    }
    let mut order = world.write_resource::<ActorOrder>();
    // New ids are the largest so far, so pushing keeps the order sorted.
    order.0.push((id, e));
}

/// Generates the level at `depth` and its inhabitants if it does not exist
/// yet; returns true when it was generated now.
pub fn ensure_level(world: &mut World, depth: i32) -> bool {
    if world.read_resource::<Levels>().get(depth).is_some() {
        return false;
    }
    let content = world.read_resource::<Rules>().0.clone();
    let seed = world.read_resource::<WorldSeed>().0;
    let mut generated = levelgen::generate(&content, seed, depth);
    generated.level.mark_generated();
    let arrival = generated.level.arrival_from_above;
    world
        .write_resource::<Levels>()
        .0
        .insert(depth, generated.level);
    for m in &generated.monsters {
        spawn_monster(world, m, depth);
    }
    for it in &generated.items {
        spawn_item(world, it.item, it.count, it.quality, depth, it.at);
    }
    if let Some(plan) = &generated.merchant
        && let Some(e) = spawn_monster(world, &plan.who, depth)
    {
        let stock = plan
            .stock
            .iter()
            .map(|&(item, count)| super::components::Stack {
                item,
                count,
                quality: Default::default(),
            })
            .collect();
        let _ = world
            .write_storage::<super::components::Merchant>()
            .insert(e, super::components::Merchant { stock });
    }
    for plan in &generated.quests {
        let npc = match plan.target {
            QuestTarget::Talk(p) | QuestTarget::Escort(p) => {
                let Some(e) = spawn_monster(world, &p, depth) else {
                    continue;
                };
                world.read_storage::<StableId>().get(e).map_or(0, |s| s.0)
            }
            _ => 0,
        };
        let mut log = world.write_resource::<QuestLog>();
        let quest = u16::try_from(log.0.len()).unwrap_or(u16::MAX);
        log.0.push(Quest::from_plan(plan, depth, npc));
        world.write_resource::<Events>().0.push(SimEvent {
            depth,
            at: arrival,
            kind: EventKind::QuestSet { quest },
        });
    }
    true
}

fn move_level(world: &mut World, m: LevelMove) {
    let last = world.read_resource::<Rules>().0.rules.dungeon_depth;
    if !(1..=last).contains(&m.to_depth) {
        return;
    }
    let Some(from) = world.read_storage::<Position>().get(m.entity).copied() else {
        return;
    };
    let first_visit = ensure_level(world, m.to_depth);
    let at = {
        let mut levels = world.write_resource::<Levels>();
        if let Some(old) = levels.get_mut(from.depth) {
            if old.occupant(from.at) == Some(m.entity) {
                old.occupants.set(from.at, None);
            }
            old.paths_dirty = true;
        }
        let Some(level) = levels.get_mut(m.to_depth) else {
            return;
        };
        let arrival = if let Some(p) = m.near {
            Point::new(
                p.x.clamp(0, level.width() - 1),
                p.y.clamp(0, level.height() - 1),
            )
        } else if m.down {
            level.arrival_from_above
        } else {
            level.arrival_from_below.unwrap_or(level.arrival_from_above)
        };
        let Some(at) = level.free_tile_near(arrival) else {
            return;
        };
        level.occupants.set(at, Some(m.entity));
        level.paths_dirty = true;
        at
    };
    if let Some(pos) = world.write_storage::<Position>().get_mut(m.entity) {
        *pos = Position {
            depth: m.to_depth,
            at,
        };
    }
    if let Some(v) = world.write_storage::<Vision>().get_mut(m.entity) {
        v.dirty = true;
    }
    let is_hero = if let Some(hero) = world.write_storage::<Player>().get_mut(m.entity) {
        hero.deepest = hero.deepest.max(m.to_depth);
        true
    } else {
        false
    };
    if is_hero {
        bring_summons(world, m.player, from.depth, m.to_depth, at);
    }
    world.write_resource::<Events>().0.push(SimEvent {
        depth: m.to_depth,
        at,
        kind: EventKind::ChangedLevel {
            player: m.player,
            depth: m.to_depth,
            down: m.down,
            first_visit,
        },
    });
}

/// A hero's living summons go with them to another level and land round
/// them: they were called up to fight at the hero's side.
fn bring_summons(world: &mut World, player: PlayerId, from: i32, to: i32, near: Point) {
    use specs::Join;
    let followers: Vec<Entity> = {
        let entities = world.entities();
        let summoned = world.read_storage::<Summoned>();
        let positions = world.read_storage::<Position>();
        let healths = world.read_storage::<Health>();
        (&entities, &summoned, &positions, &healths)
            .join()
            .filter(|(_, s, p, h)| s.owner == Some(player) && p.depth == from && !h.is_dead())
            .map(|(e, ..)| e)
            .collect()
    };
    for e in followers {
        let Some(old) = world.read_storage::<Position>().get(e).copied() else {
            continue;
        };
        let landed = {
            let mut levels = world.write_resource::<Levels>();
            if let Some(level) = levels.get_mut(old.depth)
                && level.occupant(old.at) == Some(e)
            {
                level.occupants.set(old.at, None);
            }
            let Some(level) = levels.get_mut(to) else {
                continue;
            };
            let at = level.free_tile_near(near);
            if let Some(at) = at {
                level.occupants.set(at, Some(e));
            }
            at
        };
        let mut positions = world.write_storage::<Position>();
        match landed {
            Some(at) => {
                if let Some(pos) = positions.get_mut(e) {
                    *pos = Position { depth: to, at };
                }
            }
            // No room near the stairs: it stays behind where it was.
            None => {
                if let Some(level) = world.write_resource::<Levels>().get_mut(old.depth) {
                    level.occupants.set(old.at, Some(e));
                }
            }
        }
    }
}

/// Only levels with a hero on them tick.
pub fn refresh_active_levels(world: &mut World) {
    let players = world.read_resource::<Players>();
    let positions = world.read_storage::<Position>();
    let mut active = world.write_resource::<ActiveLevels>();
    active.0.clear();
    for &(_, e) in &players.0 {
        if let Some(p) = positions.get(e)
            && !active.0.contains(&p.depth)
        {
            active.0.push(p.depth);
        }
    }
    active.0.sort_unstable();
}

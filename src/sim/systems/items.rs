//! Items: heroes pick up everything underfoot (gold goes to the purse, and
//! walking onto gold picks it up), drink potions, wield weapons and wear
//! armour (the old piece goes back in the pack), and drop things. Gear's
//! rarity and affixes travel with it (`Quality`), and only identical
//! consumables share a pack slot. Writes `Inventory`, `Combat`, `Health`,
//! `Actor` (speed), `Statuses` and the pool; queues despawns of picked-up
//! items and spawns of dropped ones.

use specs::shred::ResourceId;
use specs::{
    Entities, Entity, Join, Read, ReadExpect, ReadStorage, System, SystemData, World, Write,
    WriteStorage,
};

use crate::schema::items::{ItemKind, PotionEffect, ScrollEffect};
use crate::schema::monsters::ProjectileDef;
use crate::schema::{Content, DamageType, Span, StatusKind, StatusSpec};
use crate::sim::action::PlayerId;
use crate::sim::algo::grid::Point;
use crate::sim::combat::Attack;
use crate::sim::components::{
    Actor, Combat, FloorItem, Health, Intent, Inventory, Monster, Piece, Player, Position, Quality,
    StableId, Vision, stackable,
};
use crate::sim::crafting::CraftEvent;
use crate::sim::event::{EventKind, SimEvent, Who};
use crate::sim::hero::{effective_combat, effective_max_hp, effective_speed};
use crate::sim::projectile::{Projectile, Projectiles};
use crate::sim::resources::{ActorOrder, Events, Levels, Pending, Rules, Spawn};
use crate::sim::status::{StatusPool, Statuses};

/// Statuses a potion of curing removes.
const CURABLE: u16 =
    StatusKind::Burning.bit() | StatusKind::Poisoned.bit() | StatusKind::Weakened.bit();

pub struct Sys {
    /// Floor items under a hero, sorted by stable id (reused every tick,
    /// reserved so a heap of loot does not grow it mid-game).
    underfoot: Vec<(u64, Entity)>,
}

impl Default for Sys {
    fn default() -> Self {
        Self {
            underfoot: Vec::with_capacity(64),
        }
    }
}

impl Sys {
    pub const NAME: &'static str = "items";
}

#[derive(SystemData)]
pub struct Data<'a> {
    entities: Entities<'a>,
    order: Read<'a, ActorOrder>,
    rules: ReadExpect<'a, Rules>,
    events: Write<'a, Events>,
    pending: Write<'a, Pending>,
    pool: Write<'a, StatusPool>,
    intents: ReadStorage<'a, Intent>,
    positions: ReadStorage<'a, Position>,
    floor: ReadStorage<'a, FloorItem>,
    qualities: ReadStorage<'a, Quality>,
    actors: WriteStorage<'a, Actor>,
    ids: ReadStorage<'a, StableId>,
    players: WriteStorage<'a, Player>,
    inventories: WriteStorage<'a, Inventory>,
    combats: WriteStorage<'a, Combat>,
    healths: WriteStorage<'a, Health>,
    statuses: WriteStorage<'a, Statuses>,
    levels: Read<'a, Levels>,
    projectiles: Write<'a, Projectiles>,
    visions: WriteStorage<'a, Vision>,
    monsters: ReadStorage<'a, Monster>,
}

impl<'a> System<'a> for Sys {
    type SystemData = Data<'a>;

    fn run(&mut self, mut d: Self::SystemData) {
        let content = std::sync::Arc::clone(&d.rules.0);
        // By index: the helpers below need `d` mutably while we walk the order.
        for i in 0..d.order.0.len() {
            let e = d.order.0[i].1;
            let intent = d.intents.get(e).copied().unwrap_or_default();
            if !matches!(
                intent,
                Intent::PickUp | Intent::Use(_) | Intent::Drop(_) | Intent::Move(_)
            ) {
                continue;
            }
            let (Some(player), Some(&pos)) = (d.players.get(e), d.positions.get(e)) else {
                continue;
            };
            let pid = player.id;
            let ev = |kind| SimEvent {
                depth: pos.depth,
                at: pos.at,
                kind,
            };
            match intent {
                Intent::PickUp => self.pick_up(&mut d, e, pid, pos, &content, false),
                // Walking onto gold pockets it.
                Intent::Move(_) => self.pick_up(&mut d, e, pid, pos, &content, true),
                Intent::Use(slot) => use_item(&mut d, e, pid, usize::from(slot), &content, ev),
                Intent::Drop(slot) => {
                    let Some(inv) = d.inventories.get_mut(e) else {
                        continue;
                    };
                    let slot = usize::from(slot);
                    if let Some(stack) = inv.take_all(slot) {
                        d.pending.spawn.push(Spawn::Item {
                            item: stack.item,
                            count: stack.count,
                            quality: stack.quality,
                            depth: pos.depth,
                            at: pos.at,
                        });
                        d.events.0.push(ev(EventKind::Dropped {
                            player: pid,
                            item: stack.item,
                            count: stack.count,
                            quality: stack.quality,
                        }));
                    }
                }
                _ => {}
            }
        }
    }
}

impl Sys {
    /// Picks up everything at the hero's feet, or only the gold.
    fn pick_up(
        &mut self,
        d: &mut Data,
        e: Entity,
        pid: PlayerId,
        pos: Position,
        content: &Content,
        only_gold: bool,
    ) {
        self.underfoot.clear();
        for (item_e, floor, p, id) in (&d.entities, &d.floor, &d.positions, &d.ids).join() {
            let wanted = !only_gold || matches!(content.item(floor.item).kind, ItemKind::Gold(_));
            if wanted
                && p.depth == pos.depth
                && p.at == pos.at
                && !d.pending.despawn.contains(&item_e)
            {
                self.underfoot.push((id.0, item_e));
            }
        }
        if only_gold && self.underfoot.is_empty() {
            return;
        }
        self.underfoot.sort_unstable();
        let ev = |kind| SimEvent {
            depth: pos.depth,
            at: pos.at,
            kind,
        };
        if self.underfoot.is_empty() {
            d.events
                .0
                .push(ev(EventKind::NothingToPickUp { player: pid }));
            return;
        }
        let Some(inv) = d.inventories.get_mut(e) else {
            return;
        };
        for &(_, item_e) in &self.underfoot {
            let Some(&FloorItem { item, count }) = d.floor.get(item_e) else {
                continue;
            };
            let quality = d.qualities.get(item_e).copied().unwrap_or_default();
            let kind = &content.item(item).kind;
            let taken = match kind {
                ItemKind::Gold(_) => {
                    inv.gold += i64::from(count);
                    d.events.0.push(ev(EventKind::PickedUpGold {
                        player: pid,
                        amount: i32::from(count),
                    }));
                    true
                }
                _ => {
                    let ok = inv.add(item, count, quality, stackable(content, item));
                    d.events.0.push(ev(if ok {
                        EventKind::PickedUp {
                            player: pid,
                            item,
                            count,
                            quality,
                        }
                    } else {
                        EventKind::PackFull { player: pid }
                    }));
                    ok
                }
            };
            if taken {
                d.pending.despawn.push(item_e);
            }
        }
    }
}

fn use_item(
    d: &mut Data,
    e: Entity,
    pid: PlayerId,
    slot: usize,
    content: &Content,
    ev: impl Fn(EventKind) -> SimEvent,
) {
    let Some(inv) = d.inventories.get_mut(e) else {
        return;
    };
    let Some(item) = inv.get(slot).map(|s| s.item) else {
        return;
    };
    match &content.item(item).kind {
        ItemKind::Potion(effect) | ItemKind::Food(effect) => {
            inv.take_one(slot);
            let used = if matches!(content.item(item).kind, ItemKind::Potion(_)) {
                EventKind::Drank { player: pid, item }
            } else {
                EventKind::Consumed { player: pid, item }
            };
            d.events.0.push(ev(used));
            take_effect(d, e, pid, effect, &ev);
        }
        ItemKind::Scroll(scroll) => {
            inv.take_one(slot);
            d.events
                .0
                .push(ev(EventKind::Consumed { player: pid, item }));
            match scroll {
                ScrollEffect::Mapping => {
                    reveal_level(d, e);
                    d.events.0.push(ev(EventKind::Mapped { player: pid }));
                }
                ScrollEffect::Blast {
                    damage,
                    damage_type,
                    radius,
                    on_hit,
                } => {
                    // A shot that bursts where it starts: round the reader.
                    let def = ProjectileDef {
                        glyph: '*',
                        color: crate::schema::Rgb(255, 200, 80),
                        speed: 400,
                        pierce: 0,
                        bounce: 0,
                        radius: *radius,
                    };
                    if let Some(attack) = thrown_attack(d, e, *damage, *damage_type) {
                        launch(d, e, pid, None, 0, &def, attack, *on_hit);
                    }
                }
            }
        }
        ItemKind::Recipe(_) => {
            let Some(r) = content.recipe_taught_by(item) else {
                return;
            };
            inv.take_one(slot);
            d.events
                .0
                .push(ev(EventKind::Consumed { player: pid, item }));
            let bit = u32::try_from(r)
                .ok()
                .and_then(|r| 1u64.checked_shl(r))
                .unwrap_or(0);
            let new = d.players.get_mut(e).is_some_and(|p| {
                let new = p.recipes & bit == 0;
                p.recipes |= bit;
                new
            });
            d.events.0.push(ev(EventKind::Craft(CraftEvent::Learned {
                player: pid,
                recipe: u8::try_from(r).unwrap_or(u8::MAX),
                new,
            })));
        }
        ItemKind::Thrown(t) => {
            let Some(target) = nearest_foe_in_sight(d, e, t.range) else {
                d.events.0.push(ev(EventKind::NoTarget { player: pid }));
                return;
            };
            let Some(attack) = thrown_attack(d, e, t.damage, t.damage_type) else {
                return;
            };
            if let Some(inv) = d.inventories.get_mut(e) {
                inv.take_one(slot);
            }
            d.events
                .0
                .push(ev(EventKind::Consumed { player: pid, item }));
            // A bursting throw lands where it was aimed, hit or miss.
            let range = match d.positions.get(e) {
                Some(p) if t.projectile.radius > 0 => p.at.chebyshev(target),
                _ => t.range,
            };
            launch(
                d,
                e,
                pid,
                Some(target),
                range,
                &t.projectile,
                attack,
                t.on_hit,
            );
        }
        ItemKind::Weapon(_) | ItemKind::Armor(_) => {
            let is_weapon = matches!(content.item(item).kind, ItemKind::Weapon(_));
            let Some(piece) = inv.take_one(slot) else {
                return;
            };
            let old: Option<Piece> = if is_weapon {
                inv.weapon.replace(piece)
            } else {
                inv.wear(content, piece)
            };
            if let Some(old) = old {
                inv.add(old.item, 1, old.quality, false);
                d.events.0.push(ev(EventKind::Unequipped {
                    player: pid,
                    item: old.item,
                    quality: old.quality,
                }));
            }
            d.events.0.push(ev(EventKind::Equipped {
                player: pid,
                item,
                quality: piece.quality,
            }));
            refresh_stats(d, e, content);
        }
        ItemKind::Gold(_) => {}
    }
}

/// Brings a hero's fighting stats, maximum health and speed in line with
/// what is wielded and worn (health above a lowered maximum is lost).
fn refresh_stats(d: &mut Data, e: Entity, content: &Content) {
    let (Some(player), Some(inv)) = (d.players.get(e), d.inventories.get(e)) else {
        return;
    };
    if let Some(c) = d.combats.get_mut(e) {
        *c = effective_combat(&player.base, inv, content);
    }
    if let Some(h) = d.healths.get_mut(e) {
        h.max = effective_max_hp(player.base_max_hp, inv, content);
        h.hp = h.hp.min(h.max);
    }
    if let Some(a) = d.actors.get_mut(e) {
        a.speed = effective_speed(inv, content);
    }
}

/// What a potion (or food with the same effect) does to the one taking it.
fn take_effect(
    d: &mut Data,
    e: Entity,
    pid: PlayerId,
    effect: &PotionEffect,
    ev: &impl Fn(EventKind) -> SimEvent,
) {
    match effect {
        PotionEffect::Heal(n) => {
            if let Some(h) = d.healths.get_mut(e) {
                let amount = h.heal(*n);
                d.events.0.push(ev(EventKind::Healed {
                    who: Who::Player(pid),
                    amount,
                }));
            }
        }
        PotionEffect::Status(spec) => {
            if let Some(st) = d.statuses.get_mut(e) {
                d.pool.apply(st, spec);
                d.events.0.push(ev(EventKind::StatusApplied {
                    target: Who::Player(pid),
                    status: spec.kind,
                }));
            }
        }
        PotionEffect::Cure => {
            if let Some(st) = d.statuses.get_mut(e) {
                d.pool.remove(st, CURABLE);
            }
            d.events.0.push(ev(EventKind::Cured { player: pid }));
        }
    }
}

/// Marks the hero's whole level as explored: every open tile and the walls
/// beside them.
fn reveal_level(d: &mut Data, e: Entity) {
    let Some(&pos) = d.positions.get(e) else {
        return;
    };
    let (Some(level), Some(vision)) = (d.levels.get(pos.depth), d.visions.get_mut(e)) else {
        return;
    };
    let (w, h) = (level.width(), level.height());
    let seen = vision
        .explored
        .entry(pos.depth)
        .or_insert_with(|| crate::sim::algo::grid::Grid::new(w, h, false));
    for p in level.tiles.points() {
        let near_open = (-1..=1)
            .any(|dy| (-1..=1).any(|dx| level.tile(Point::new(p.x + dx, p.y + dy)).is_walkable()));
        if near_open {
            seen.set(p, true);
        }
    }
    vision.dirty = true;
}

/// The nearest monster the hero sees within `range` (ties to the lowest
/// stable id, so the choice is the same on every machine).
fn nearest_foe_in_sight(d: &Data, e: Entity, range: i32) -> Option<Point> {
    let me = d.positions.get(e)?;
    let vision = d.visions.get(e)?;
    (&d.entities, &d.monsters, &d.positions, &d.healths)
        .join()
        .filter(|(_, m, p, h)| {
            !m.peaceful
                && !h.is_dead()
                && p.depth == me.depth
                && p.at.chebyshev(me.at) <= range
                && vision.sees(p.at)
        })
        .min_by_key(|(t, _, p, _)| (p.at.chebyshev(me.at), d.ids.get(*t).map_or(0, |i| i.0)))
        .map(|(_, _, p, _)| p.at)
}

/// The blow a thrown item or a scroll's blast deals: its own damage with the
/// hero's accuracy and luck.
fn thrown_attack(d: &Data, e: Entity, damage: Span, damage_type: DamageType) -> Option<Attack> {
    let weakened = crate::sim::status::weakened(d.statuses.get(e));
    let hero = d.combats.get(e)?.attack(weakened);
    Some(Attack {
        damage,
        damage_type,
        attack: 0,
        life_on_hit: 0,
        ..hero
    })
}

/// Sends a hero's projectile towards `to` (or bursting on the spot when
/// `None`); it flies with the ranged system from the next tick.
#[allow(clippy::too_many_arguments)]
fn launch(
    d: &mut Data,
    e: Entity,
    pid: PlayerId,
    to: Option<Point>,
    range: i32,
    def: &ProjectileDef,
    attack: Attack,
    on_hit: Option<StatusSpec>,
) {
    let Some(&pos) = d.positions.get(e) else {
        return;
    };
    let id = d.projectiles.allocate();
    let aim = to.unwrap_or(Point::new(pos.at.x + 1, pos.at.y));
    d.projectiles.flying.push(Projectile::launch(
        id,
        pos.depth,
        pos.at,
        aim,
        range,
        def,
        Who::Player(pid),
        attack,
        on_hit,
    ));
}

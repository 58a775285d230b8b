//! Ranged attacks: a shoot intent (monsters) or fire intent (heroes with a
//! ranged weapon) launches the shooter's projectile at its target, then
//! every projectile in flight moves at its own speed, hurts the first foe
//! in its way (pierce lets it fly on), bounces off walls while it
//! has bounces left, and bursts in a blast where it stops. A shot only ever
//! hurts the other side: monsters' shots pass over monsters.
//! Writes `Projectiles`, `Actor` (cooldown) and what a blow touches.

use specs::shred::ResourceId;
use specs::{
    Entity, Read, ReadExpect, ReadStorage, System, SystemData, World, Write, WriteStorage,
};

use super::strike::{Blow, Side, Strike};
use crate::procgen::seed::{SIM_RANGED, Stream};
use crate::sim::algo::grid::Point;
use crate::sim::combat::Attack;
use crate::sim::components::{Actor, Intent, Inventory, StableId};
use crate::sim::event::{EventKind, SimEvent, Who};
use crate::sim::level::Level;
use crate::sim::projectile::{Projectile, Projectiles, clear_shot};
use crate::sim::resources::{ActorOrder, Levels, Rules, Tick, WorldSeed};

/// Which roll a ranged stream is for (the index after tick and projectile),
/// so a direct hit and a blast never share a stream.
const ROLL_HIT: u64 = 0;
const ROLL_STATUS: u64 = 1;
const ROLL_BLAST_HIT: u64 = 2;
const ROLL_BLAST_STATUS: u64 = 3;

#[derive(Default)]
pub struct Sys;

impl Sys {
    pub const NAME: &'static str = "ranged";
}

#[derive(SystemData)]
pub struct Data<'a> {
    order: Read<'a, ActorOrder>,
    tick: Read<'a, Tick>,
    seed: Read<'a, WorldSeed>,
    rules: ReadExpect<'a, Rules>,
    levels: Read<'a, Levels>,
    projectiles: Write<'a, Projectiles>,
    intents: ReadStorage<'a, Intent>,
    ids: ReadStorage<'a, StableId>,
    inventories: ReadStorage<'a, Inventory>,
    actors: WriteStorage<'a, Actor>,
    strike: Strike<'a>,
}

impl<'a> System<'a> for Sys {
    type SystemData = Data<'a>;

    fn run(&mut self, mut d: Self::SystemData) {
        launch(&mut d);
        let tick = d.tick.0;
        let seed = d.seed.0;
        let mut flying = std::mem::take(&mut d.projectiles.flying);
        for p in &mut flying {
            let Some(level) = d.levels.get(p.depth) else {
                p.range = -1;
                continue;
            };
            if !fly(p, level, &mut d.strike, &d.ids, seed, tick) {
                burst(p, level, &mut d.strike, seed, tick);
                p.range = -1;
            }
        }
        flying.retain(|p| p.range >= 0);
        d.projectiles.flying = flying;
    }
}

/// Turns every shoot or fire intent into a projectile on its way: a
/// monster's own ranged attack, or the hero's wielded ranged weapon.
fn launch(d: &mut Data<'_>) {
    for &(_, e) in &d.order.0 {
        let s = &d.strike;
        let (Some(&from), Some(owner), Some(combat), Some(base)) = (
            s.positions.get(e),
            s.who(e),
            s.combats.get(e),
            s.attack_of(e),
        ) else {
            continue;
        };
        let to = match d.intents.get(e) {
            Some(&Intent::Shoot(target)) => match s.positions.get(target) {
                Some(p) if p.depth == from.depth => p.at,
                _ => continue,
            },
            Some(&Intent::Fire { dx, dy }) => {
                Point::new(from.at.x + i32::from(dx), from.at.y + i32::from(dy))
            }
            _ => continue,
        };
        if to == from.at {
            continue;
        }
        let content = &d.rules.0;
        let (range, pj, delay, attack_span, damage_type, on_hit) = match owner {
            Who::Monster(kind) => {
                let Some(r) = content.monster(kind).ranged.as_ref() else {
                    continue;
                };
                (
                    r.range,
                    &r.projectile,
                    r.delay,
                    r.damage,
                    r.damage_type,
                    r.on_hit,
                )
            }
            Who::Player(_) => {
                let weapon = d.inventories.get(e).and_then(|i| i.weapon).map(|p| p.item);
                let Some(shot) = weapon.and_then(|w| content.weapon_shot(w)) else {
                    continue;
                };
                let (c, pj) = (combat, &shot.projectile);
                (
                    shot.range,
                    pj,
                    c.attack_delay,
                    c.damage,
                    c.damage_type,
                    c.on_hit,
                )
            }
            Who::Hazard(_) => continue,
        };
        let aimed_at = d
            .levels
            .get(from.depth)
            .and_then(|l| l.occupant(to))
            .and_then(|t| s.who(t));
        let id = d.projectiles.allocate();
        let attack = Attack {
            damage: attack_span,
            damage_type,
            ..base
        };
        let mut shot = Projectile::launch(
            id,
            from.depth,
            from.at,
            to,
            range.max(1),
            pj,
            owner,
            attack,
            on_hit,
        );
        shot.credit = s.credit_of(e);
        d.projectiles.flying.push(shot);
        if let Some(a) = d.actors.get_mut(e) {
            a.attack_cooldown = delay.max(1);
        }
        d.strike.events.0.push(SimEvent {
            depth: from.depth,
            at: from.at,
            kind: EventKind::Shot {
                attacker: owner,
                target: aimed_at,
            },
        });
    }
}

/// Whether `target` is on the other side from the shot's owner (heroes
/// and their summons against hostile monsters).
fn is_foe(s: &Strike<'_>, owner: Who, target: Entity) -> bool {
    matches!(
        (owner, s.side(target)),
        (Who::Monster(_), Some(Side::Heroes)) | (Who::Player(_), Some(Side::Monsters))
    )
}

/// Moves a projectile for one tick. False once it stops (in a wall with no
/// bounce left, in a foe with no pierce left, or at the end of its range).
fn fly(
    p: &mut Projectile,
    level: &Level,
    s: &mut Strike<'_>,
    ids: &ReadStorage<'_, StableId>,
    seed: u64,
    tick: u64,
) -> bool {
    let blocks = |q: Point| level.tile(q).is_opaque();
    for _ in 0..p.steps_this_tick() {
        if p.range <= 0 {
            return false;
        }
        let next = p.next_tile();
        if blocks(next) {
            if p.bounce == 0 {
                return false;
            }
            p.bounce -= 1;
            p.reflect(blocks);
            continue;
        }
        p.at = next;
        p.steps += 1;
        p.range -= 1;
        let Some(target) = level.occupant(next) else {
            continue;
        };
        let target_id = ids.get(target).map_or(0, |i| i.0);
        if target_id == p.last_hit || !is_foe(s, p.owner, target) {
            continue;
        }
        let blow = Blow {
            attacker: p.owner,
            credit: p.credit,
            attack: p.attack,
            on_hit: p.on_hit,
            unavoidable: false,
            tick,
        };
        let mut hit = Stream::new(seed, SIM_RANGED, &[tick, p.id, ROLL_HIT, target_id]);
        let mut status = Stream::new(seed, SIM_RANGED, &[tick, p.id, ROLL_STATUS, target_id]);
        s.land(&blow, target, &mut hit, &mut status);
        p.last_hit = target_id;
        if p.pierce == 0 {
            return false;
        }
        p.pierce -= 1;
    }
    p.range > 0
}

/// The blast where a projectile stops: every foe within its radius and in
/// the open from the centre takes the shot's damage, unavoidably.
fn burst(p: &Projectile, level: &Level, s: &mut Strike<'_>, seed: u64, tick: u64) {
    let r = i32::from(p.radius);
    if r == 0 {
        return;
    }
    s.events.0.push(SimEvent {
        depth: p.depth,
        at: p.at,
        kind: EventKind::Exploded {
            by: p.owner,
            radius: p.radius,
        },
    });
    let blocks = |q: Point| level.tile(q).is_opaque();
    let blow = Blow {
        attacker: p.owner,
        credit: p.credit,
        attack: p.attack,
        on_hit: p.on_hit,
        unavoidable: true,
        tick,
    };
    for y in p.at.y - r..=p.at.y + r {
        for x in p.at.x - r..=p.at.x + r {
            let q = Point::new(x, y);
            let Some(target) = level.occupant(q) else {
                continue;
            };
            if !is_foe(s, p.owner, target) || !clear_shot(p.at, q, blocks) {
                continue;
            }
            let n = ((y - p.at.y + r) * (2 * r + 1) + (x - p.at.x + r)) as u64;
            let mut hit = Stream::new(seed, SIM_RANGED, &[tick, p.id, ROLL_BLAST_HIT, n]);
            let mut status = Stream::new(seed, SIM_RANGED, &[tick, p.id, ROLL_BLAST_STATUS, n]);
            s.land(&blow, target, &mut hit, &mut status);
        }
    }
}

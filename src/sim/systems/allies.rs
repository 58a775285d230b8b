//! Allies' minds: a creature a hero summoned goes for the nearest hostile
//! monster it can see within its sight, strikes it when adjacent, and
//! otherwise keeps close to its hero. Writes `Actor` and `Intent`.

use specs::shred::ResourceId;
use specs::{Read, ReadStorage, System, SystemData, World, WriteStorage};

use crate::sim::algo::grid::{Dir, Point};
use crate::sim::components::{Actor, Health, Intent, Monster, Position, StableId, Summoned};
use crate::sim::level::Level;
use crate::sim::resources::{ActiveLevels, ActorOrder, Levels, Players};
use crate::sim::spells::{hostile, nearest_in_sight};

/// Allies stay within this many tiles of their hero when nothing needs
/// fighting.
const FOLLOW: i32 = 2;

#[derive(Default)]
pub struct Sys;

impl Sys {
    pub const NAME: &'static str = "allies";
}

#[derive(SystemData)]
pub struct Data<'a> {
    order: Read<'a, ActorOrder>,
    levels: Read<'a, Levels>,
    players: Read<'a, Players>,
    active: Read<'a, ActiveLevels>,
    positions: ReadStorage<'a, Position>,
    healths: ReadStorage<'a, Health>,
    monsters: ReadStorage<'a, Monster>,
    summoned: ReadStorage<'a, Summoned>,
    ids: ReadStorage<'a, StableId>,
    actors: WriteStorage<'a, Actor>,
    intents: WriteStorage<'a, Intent>,
}

impl<'a> System<'a> for Sys {
    type SystemData = Data<'a>;

    fn run(&mut self, mut d: Self::SystemData) {
        for &(_, e) in &d.order.0 {
            let Some(owner) = d.summoned.get(e).and_then(|s| s.owner) else {
                continue;
            };
            let Some(&m) = d.monsters.get(e) else {
                continue;
            };
            let Some((pos, level, actor, intent)) = super::ready_to_decide(
                e,
                &d.positions,
                &d.healths,
                &d.active,
                &d.levels,
                &mut d.actors,
                &mut d.intents,
            ) else {
                continue;
            };
            let foe = nearest_in_sight(
                level,
                pos.at,
                m.sight,
                |_, t| hostile(d.monsters.get(t), d.summoned.get(t), d.healths.get(t)),
                |t| d.ids.get(t).map_or(0, |i| i.0),
            );
            let next = match foe {
                Some((t, at)) if at.chebyshev(pos.at) <= 1 => {
                    if actor.attack_cooldown > 0 {
                        continue;
                    }
                    Intent::Attack(t)
                }
                Some((_, at)) => step_towards(level, pos.at, at),
                None => {
                    let hero = d
                        .players
                        .entity(owner)
                        .and_then(|h| d.positions.get(h))
                        .filter(|p| p.depth == pos.depth);
                    match hero {
                        Some(h) if h.at.chebyshev(pos.at) > FOLLOW => {
                            step_towards(level, pos.at, h.at)
                        }
                        _ => Intent::Wait,
                    }
                }
            };
            actor.spend();
            *intent = next;
        }
    }
}

/// A step onto a free open tile that brings `from` closest to `to`.
fn step_towards(level: &Level, from: Point, to: Point) -> Intent {
    let free = |p: Point| level.is_walkable(p) && level.occupant(p).is_none();
    Dir::ALL
        .iter()
        .map(|&d| (d, from.step(d)))
        .filter(|&(_, p)| free(p) && p.chebyshev(to) < from.chebyshev(to))
        .min_by_key(|&(_, p)| (p.chebyshev(to), p.dist2(to)))
        .map_or(Intent::Wait, |(d, _)| Intent::Move(d))
}

//! Melee: an attack intent strikes an adjacent living target once the blow
//! cooldown allows, rolling the combat formula (`sim::combat`) with the
//! attacker's stats, weakness and on-hit status. A struck idle monster turns
//! to hunt its attacker. Writes `Health`, `Actor` (cooldown), `Statuses`,
//! `Ai` and the status pool.

use specs::shred::ResourceId;
use specs::{Read, ReadStorage, System, SystemData, World, Write, WriteStorage};

use super::who;
use crate::procgen::seed::{SIM_MELEE, SIM_STATUS, Stream};
use crate::schema::StatusKind;
use crate::sim::combat::{self, Attack, Defence, Outcome};
use crate::sim::components::{
    Actor, Ai, AiState, Combat, Health, Intent, Monster, Player, Position,
};
use crate::sim::event::{EventKind, SimEvent, Who};
use crate::sim::resources::{ActorOrder, Events, Tick, WorldSeed};
use crate::sim::status::{StatusPool, Statuses};

#[derive(Default)]
pub struct Sys;

impl Sys {
    pub const NAME: &'static str = "melee";
}

#[derive(SystemData)]
pub struct Data<'a> {
    order: Read<'a, ActorOrder>,
    tick: Read<'a, Tick>,
    seed: Read<'a, WorldSeed>,
    events: Write<'a, Events>,
    pool: Write<'a, StatusPool>,
    intents: ReadStorage<'a, Intent>,
    positions: ReadStorage<'a, Position>,
    combats: ReadStorage<'a, Combat>,
    players: ReadStorage<'a, Player>,
    monsters: ReadStorage<'a, Monster>,
    healths: WriteStorage<'a, Health>,
    actors: WriteStorage<'a, Actor>,
    statuses: WriteStorage<'a, Statuses>,
    minds: WriteStorage<'a, Ai>,
}

impl<'a> System<'a> for Sys {
    type SystemData = Data<'a>;

    fn run(&mut self, mut d: Self::SystemData) {
        let (seed, tick) = (d.seed.0, d.tick.0);
        for &(id, e) in &d.order.0 {
            let Some(&Intent::Attack(target)) = d.intents.get(e) else {
                continue;
            };
            let (Some(&from), Some(&to)) = (d.positions.get(e), d.positions.get(target)) else {
                continue;
            };
            let alive = |h: Option<&Health>| h.is_some_and(|h| !h.is_dead());
            if from.depth != to.depth
                || from.at.chebyshev(to.at) > 1
                || !alive(d.healths.get(e))
                || !alive(d.healths.get(target))
            {
                continue;
            }
            let (Some(&ac), Some(&dc)) = (d.combats.get(e), d.combats.get(target)) else {
                continue;
            };
            let (Some(attacker), Some(defender)) = (
                who(d.players.get(e), d.monsters.get(e)),
                who(d.players.get(target), d.monsters.get(target)),
            ) else {
                continue;
            };
            let weakened = d
                .statuses
                .get(e)
                .is_some_and(|s| s.has(StatusKind::Weakened));
            let attack = Attack {
                damage: ac.damage,
                damage_type: ac.damage_type,
                attack: ac.attack,
                accuracy: ac.accuracy,
                crit_chance: ac.crit_chance,
                weakened,
            };
            let defence = Defence {
                defense: dc.defense,
                evasion: dc.evasion,
                resist: dc.resist,
            };
            if let Some(a) = d.actors.get_mut(e) {
                a.attack_cooldown = ac.attack_delay.max(1);
            }
            let mut rng = Stream::new(seed, SIM_MELEE, &[tick, id]);
            let outcome = combat::resolve(&attack, &defence, &mut rng);
            let ev = |kind| SimEvent {
                depth: to.depth,
                at: to.at,
                kind,
            };
            // Being struck wakes a monster and sets it on the striker.
            if let (Some(mind), Who::Player(pid)) = (d.minds.get_mut(target), attacker) {
                if mind.state == AiState::Idle {
                    mind.state = AiState::Hunting;
                }
                if mind.state == AiState::Hunting {
                    mind.target = Some(pid);
                    mind.last_seen = tick;
                }
            }
            let Outcome::Hit { damage, critical } = outcome else {
                d.events.0.push(ev(EventKind::Miss {
                    attacker,
                    target: defender,
                }));
                continue;
            };
            if let Some(h) = d.healths.get_mut(target) {
                h.hp -= damage;
                h.last_hit = Some(attacker);
            }
            d.events.0.push(ev(EventKind::Hit {
                attacker,
                target: defender,
                damage,
                damage_type: ac.damage_type,
                critical,
            }));
            let Some(spec) = ac.on_hit else { continue };
            let mut roll = Stream::new(seed, SIM_STATUS, &[tick, id]);
            // Immunity to a status's element keeps the status off too.
            let resisted = spec.kind.element().is_some_and(|t| {
                d.combats
                    .get(target)
                    .is_some_and(|c| c.resist.get(t) >= 100)
            });
            if resisted || !roll.percent(spec.chance) {
                continue;
            }
            if let Some(st) = d.statuses.get_mut(target)
                && d.pool.apply(st, &spec)
            {
                d.events.0.push(ev(EventKind::StatusApplied {
                    target: defender,
                    status: spec.kind,
                }));
            }
        }
    }
}

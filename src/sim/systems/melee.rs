//! Melee: an attack intent strikes an adjacent living target once the blow
//! cooldown allows, landing the blow with the attacker's stats, weakness and
//! on-hit status (`systems::strike`). Writes `Actor` (cooldown) and what a
//! blow touches.

use specs::shred::ResourceId;
use specs::{Read, ReadStorage, System, SystemData, World, WriteStorage};

use super::strike::{Blow, Strike};
use crate::procgen::seed::{SIM_MELEE, SIM_STATUS, Stream};
use crate::sim::components::{Actor, Health, Intent};
use crate::sim::resources::{ActorOrder, Tick, WorldSeed};

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
    intents: ReadStorage<'a, Intent>,
    actors: WriteStorage<'a, Actor>,
    strike: Strike<'a>,
}

impl<'a> System<'a> for Sys {
    type SystemData = Data<'a>;

    fn run(&mut self, mut d: Self::SystemData) {
        let (seed, tick) = (d.seed.0, d.tick.0);
        for &(id, e) in &d.order.0 {
            let Some(&Intent::Attack(target)) = d.intents.get(e) else {
                continue;
            };
            let s = &mut d.strike;
            let (Some(&from), Some(&to)) = (s.positions.get(e), s.positions.get(target)) else {
                continue;
            };
            let alive = |h: Option<&Health>| h.is_some_and(|h| !h.is_dead());
            if from.depth != to.depth
                || from.at.chebyshev(to.at) > 1
                || !alive(s.healths.get(e))
                || !alive(s.healths.get(target))
            {
                continue;
            }
            let (Some(&ac), Some(attack), Some(attacker)) =
                (s.combats.get(e), s.attack_of(e), s.who(e))
            else {
                continue;
            };
            if s.combats.get(target).is_none() {
                continue;
            }
            let blow = Blow {
                attacker,
                credit: s.credit_of(e),
                attack,
                on_hit: ac.on_hit,
                unavoidable: false,
                tick,
            };
            if let Some(a) = d.actors.get_mut(e) {
                a.attack_cooldown = ac.attack_delay.max(1);
            }
            let mut hit = Stream::new(seed, SIM_MELEE, &[tick, id]);
            let mut status = Stream::new(seed, SIM_STATUS, &[tick, id]);
            s.land(&blow, target, &mut hit, &mut status);
            // A monster struck by a hero's summon turns on that hero's side.
            if let Some(owner) = s.summoned.get(e).and_then(|x| x.owner) {
                s.provoke(target, crate::sim::event::Who::Player(owner), tick);
            }
        }
    }
}

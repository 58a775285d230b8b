//! Energy: every actor on an active level gains its speed in energy each
//! tick (half again when hasted) and its blow cooldown runs down.
//! Writes `Actor`.

use specs::{Join, Read, ReadStorage, System, WriteStorage};

use crate::schema::StatusKind;
use crate::sim::components::{ACTION_COST, Actor, Position};
use crate::sim::resources::ActiveLevels;
use crate::sim::status::Statuses;

#[derive(Default)]
pub struct Sys;

impl Sys {
    pub const NAME: &'static str = "energy";
}

impl<'a> System<'a> for Sys {
    type SystemData = (
        Read<'a, ActiveLevels>,
        ReadStorage<'a, Position>,
        ReadStorage<'a, Statuses>,
        WriteStorage<'a, Actor>,
    );

    fn run(&mut self, (active, positions, statuses, mut actors): Self::SystemData) {
        for (actor, pos, st) in (&mut actors, &positions, &statuses).join() {
            if !active.contains(pos.depth) {
                continue;
            }
            let gain = if st.has(StatusKind::Hasted) {
                actor.speed * 3 / 2
            } else {
                actor.speed
            };
            actor.energy = (actor.energy + gain.max(0)).min(ACTION_COST);
            actor.attack_cooldown = (actor.attack_cooldown - 1).max(0);
        }
    }
}

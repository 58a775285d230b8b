//! Energy: every actor on an active level gains its speed in energy each
//! tick (half again when hasted, a quarter less when fleeing wounded, half
//! when chilled, nothing while stunned) and
//! its blow cooldown runs down.
//! Writes `Actor`.

use specs::{Join, LendJoin, Read, ReadStorage, System, WriteStorage};

use crate::schema::StatusKind;
use crate::sim::components::{ACTION_COST, Actor, Ai, AiState, Position};
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
        ReadStorage<'a, Ai>,
        WriteStorage<'a, Actor>,
    );

    fn run(&mut self, (active, positions, statuses, minds, mut actors): Self::SystemData) {
        for (actor, pos, st, mind) in (&mut actors, &positions, &statuses, (&minds).maybe()).join()
        {
            if !active.contains(pos.depth) {
                continue;
            }
            let mut gain = actor.speed;
            if st.has(StatusKind::Hasted) {
                gain = gain * 3 / 2;
            }
            if mind.is_some_and(|m| m.state == AiState::Fleeing) {
                gain = gain * 3 / 4;
            }
            if st.has(StatusKind::Chilled) {
                gain /= 2;
            }
            if st.has(StatusKind::Stunned) {
                gain = 0;
            }
            actor.energy = (actor.energy + gain.max(0)).min(ACTION_COST);
            actor.attack_cooldown = (actor.attack_cooldown - 1).max(0);
        }
    }
}

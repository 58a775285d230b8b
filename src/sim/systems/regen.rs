//! Natural healing: heroes on active levels regain a hit point every
//! `regen_interval` ticks; monsters too while they are idle, so one that fled
//! comes back to fight another day. Writes `Health`.

use specs::{Join, LendJoin, Read, ReadExpect, ReadStorage, System, WriteStorage};

use crate::sim::components::{Ai, AiState, Health, Position};
use crate::sim::resources::{ActiveLevels, Rules, Tick};

#[derive(Default)]
pub struct Sys;

impl Sys {
    pub const NAME: &'static str = "regen";
}

impl<'a> System<'a> for Sys {
    type SystemData = (
        Read<'a, Tick>,
        ReadExpect<'a, Rules>,
        Read<'a, ActiveLevels>,
        ReadStorage<'a, Ai>,
        ReadStorage<'a, Position>,
        WriteStorage<'a, Health>,
    );

    fn run(&mut self, (tick, rules, active, minds, positions, mut healths): Self::SystemData) {
        let interval = u64::try_from(rules.0.rules.regen_interval).unwrap_or(0);
        if interval == 0 || tick.0 % interval != 0 {
            return;
        }
        for (mind, pos, health) in ((&minds).maybe(), &positions, &mut healths).join() {
            let resting = mind.is_none_or(|m| m.state == AiState::Idle);
            if resting && active.contains(pos.depth) && !health.is_dead() {
                health.heal(1);
            }
        }
    }
}

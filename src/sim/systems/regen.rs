//! Natural healing: heroes on active levels regain a hit point every
//! `regen_interval` ticks. Writes `Health`.

use specs::{Join, Read, ReadExpect, ReadStorage, System, WriteStorage};

use crate::sim::components::{Health, Player, Position};
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
        ReadStorage<'a, Player>,
        ReadStorage<'a, Position>,
        WriteStorage<'a, Health>,
    );

    fn run(&mut self, (tick, rules, active, players, positions, mut healths): Self::SystemData) {
        let interval = u64::try_from(rules.0.rules.regen_interval).unwrap_or(0);
        if interval == 0 || tick.0 % interval != 0 {
            return;
        }
        for (_, pos, health) in (&players, &positions, &mut healths).join() {
            if active.contains(pos.depth) && !health.is_dead() {
                health.heal(1);
            }
        }
    }
}

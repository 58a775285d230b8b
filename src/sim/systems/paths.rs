//! Distance maps: on each active level where a hero moved, rebuild the chase
//! map (steps to the nearest living hero, bounded by `chase_radius`) and the
//! flee map derived from it. Monsters read both in `ai`. Writes level maps.

use specs::{Read, ReadExpect, ReadStorage, System, Write};

use crate::sim::components::{Health, Position};
use crate::sim::resources::{ActiveLevels, Levels, Players, Rules};

#[derive(Default)]
pub struct Sys;

impl Sys {
    pub const NAME: &'static str = "paths";
}

impl<'a> System<'a> for Sys {
    type SystemData = (
        ReadExpect<'a, Rules>,
        Read<'a, ActiveLevels>,
        Read<'a, Players>,
        Write<'a, Levels>,
        ReadStorage<'a, Position>,
        ReadStorage<'a, Health>,
    );

    fn run(&mut self, (rules, active, players, mut levels, positions, healths): Self::SystemData) {
        let radius = rules.0.rules.chase_radius;
        for &depth in &active.0 {
            let Some(level) = levels.get_mut(depth) else {
                continue;
            };
            if !level.paths_dirty {
                continue;
            }
            let heroes = players.0.iter().filter_map(|&(_, e)| {
                let pos = positions.get(e)?;
                let alive = healths.get(e).is_some_and(|h| !h.is_dead());
                (alive && pos.depth == depth).then_some(pos.at)
            });
            let tiles = &level.tiles;
            let walkable = |p| {
                tiles
                    .get(p)
                    .is_some_and(|t: &crate::sim::tile::Tile| t.is_walkable())
            };
            level.chase.compute(heroes, radius, walkable);
            level.flee.compute_flee(&level.chase, walkable);
            level.paths_dirty = false;
        }
    }
}

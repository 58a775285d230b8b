//! Sight: a hero who moved (or whose surroundings changed) recomputes field
//! of view with symmetric shadowcasting and adds what it sees to its memory
//! of the level. Writes `Vision`.

use specs::{Join, Read, ReadStorage, System, WriteStorage};

use crate::sim::algo::fov::compute_fov;
use crate::sim::algo::grid::Grid;
use crate::sim::components::{Player, Position, Vision};
use crate::sim::resources::Levels;

#[derive(Default)]
pub struct Sys;

impl Sys {
    pub const NAME: &'static str = "vision";
}

impl<'a> System<'a> for Sys {
    type SystemData = (
        Read<'a, Levels>,
        ReadStorage<'a, Player>,
        ReadStorage<'a, Position>,
        WriteStorage<'a, Vision>,
    );

    fn run(&mut self, (levels, players, positions, mut visions): Self::SystemData) {
        for (_, pos, vision) in (&players, &positions, &mut visions).join() {
            if !vision.dirty && vision.depth == pos.depth {
                continue;
            }
            let Some(level) = levels.get(pos.depth) else {
                continue;
            };
            let (w, h) = (level.width(), level.height());
            let Vision {
                radius,
                depth,
                visible,
                explored,
                dirty,
            } = vision;
            if visible.width() != w || visible.height() != h {
                *visible = Grid::new(w, h, false);
            } else {
                visible.fill(false);
            }
            let memory = explored
                .entry(pos.depth)
                .or_insert_with(|| Grid::new(w, h, false));
            compute_fov(pos.at, *radius, level, |p| {
                visible.set(p, true);
                memory.set(p, true);
            });
            *depth = pos.depth;
            *dirty = false;
        }
    }
}

//! Displacement: the knockbacks and jumps spells queued this tick are
//! carried out, each only onto a tile that is still open and free.
//! Writes `Position`, level occupants, and marks sight and paths dirty.

use specs::{ReadStorage, System, Write, WriteStorage};

use crate::sim::components::{Player, Position, Vision};
use crate::sim::resources::Levels;
use crate::sim::spells::Displacements;

#[derive(Default)]
pub struct Sys;

impl Sys {
    pub const NAME: &'static str = "displace";
}

impl<'a> System<'a> for Sys {
    type SystemData = (
        Write<'a, Displacements>,
        Write<'a, Levels>,
        ReadStorage<'a, Player>,
        WriteStorage<'a, Position>,
        WriteStorage<'a, Vision>,
    );

    fn run(
        &mut self,
        (mut moves, mut levels, heroes, mut positions, mut visions): Self::SystemData,
    ) {
        for m in moves.0.drain(..) {
            let Some(pos) = positions.get_mut(m.entity) else {
                continue;
            };
            let Some(level) = levels.get_mut(pos.depth) else {
                continue;
            };
            if !level.is_walkable(m.to) || level.occupant(m.to).is_some() {
                continue;
            }
            if level.occupant(pos.at) == Some(m.entity) {
                level.occupants.set(pos.at, None);
            }
            level.occupants.set(m.to, Some(m.entity));
            pos.at = m.to;
            level.paths_dirty |= heroes.contains(m.entity);
            if let Some(v) = visions.get_mut(m.entity) {
                v.dirty = true;
            }
        }
    }
}

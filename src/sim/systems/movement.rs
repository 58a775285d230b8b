//! Movement: actors step onto free passable tiles (noting who stepped, for
//! the terrain rule); stepping into a closed
//! door opens it instead. Keeps each level's occupant grid in step with
//! positions. Writes `Position`, level tiles and occupants, and marks sight
//! and distance maps for recomputation when a hero moves or a door opens.

use specs::{Join, Read, ReadStorage, System, Write, WriteStorage};

use super::who;
use crate::schema::StatusKind;
use crate::sim::components::{Intent, Monster, Player, Position, Vision};
use crate::sim::event::{EventKind, SimEvent};
use crate::sim::resources::{ActorOrder, Events, Levels, Steps};
use crate::sim::status::Statuses;
use crate::sim::tile::Tile;

#[derive(Default)]
pub struct Sys;

impl Sys {
    pub const NAME: &'static str = "movement";
}

impl<'a> System<'a> for Sys {
    type SystemData = (
        Read<'a, ActorOrder>,
        Write<'a, Levels>,
        Write<'a, Events>,
        Write<'a, Steps>,
        ReadStorage<'a, Intent>,
        ReadStorage<'a, Player>,
        ReadStorage<'a, Monster>,
        WriteStorage<'a, Position>,
        WriteStorage<'a, Vision>,
        ReadStorage<'a, Statuses>,
    );

    fn run(&mut self, data: Self::SystemData) {
        let (
            order,
            mut levels,
            mut events,
            mut steps,
            intents,
            players,
            monsters,
            mut positions,
            mut visions,
            statuses,
        ) = data;
        steps.0.clear();
        for &(_, e) in &order.0 {
            let Some(&Intent::Move(dir)) = intents.get(e) else {
                continue;
            };
            let Some(&pos) = positions.get(e) else {
                continue;
            };
            // Rooted actors lose the step.
            if statuses.get(e).is_some_and(|s| s.has(StatusKind::Rooted)) {
                continue;
            }
            let Some(level) = levels.get_mut(pos.depth) else {
                continue;
            };
            let to = pos.at.step(dir);
            match level.tile(to) {
                Tile::Door => {
                    level.tiles.set(to, Tile::OpenDoor);
                    if let Some(by) = who(players.get(e), monsters.get(e)) {
                        events.0.push(SimEvent {
                            depth: pos.depth,
                            at: to,
                            kind: EventKind::DoorOpened { by },
                        });
                    }
                    // Everyone on the level may now see through it.
                    let depth = pos.depth;
                    for (v, p) in (&mut visions, &positions).join() {
                        if p.depth == depth {
                            v.dirty = true;
                        }
                    }
                    continue;
                }
                t if !t.is_passable() => continue,
                _ => {}
            }
            if level.occupant(to).is_some() {
                continue;
            }
            level.occupants.set(pos.at, None);
            level.occupants.set(to, Some(e));
            if let Some(p) = positions.get_mut(e) {
                p.at = to;
            }
            steps.0.push(e);
            if players.contains(e) {
                level.paths_dirty = true;
                if let Some(v) = visions.get_mut(e) {
                    v.dirty = true;
                }
            }
        }
    }
}

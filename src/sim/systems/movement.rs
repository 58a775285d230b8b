//! Movement: actors step onto free passable tiles (noting who stepped, for
//! the terrain rule); stepping into a closed
//! door opens it instead; a hero walking into someone peaceful who has
//! nothing to ask of them (a person already following, say) swaps places
//! with them, so nobody blocks a corridor. Keeps each level's occupant grid in step with
//! positions. Writes `Position`, level tiles and occupants, and marks sight
//! and distance maps for recomputation when a hero moves or a door opens.

use specs::{Join, Read, ReadStorage, System, Write, WriteStorage};

use super::who;
use crate::schema::StatusKind;
use crate::sim::components::{Intent, Merchant, Monster, Player, Position, StableId, Vision};
use crate::sim::event::{EventKind, SimEvent};
use crate::sim::quest::QuestLog;
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
        Read<'a, QuestLog>,
        Write<'a, Levels>,
        Write<'a, Events>,
        Write<'a, Steps>,
        ReadStorage<'a, Intent>,
        ReadStorage<'a, StableId>,
        ReadStorage<'a, Player>,
        ReadStorage<'a, Monster>,
        ReadStorage<'a, Merchant>,
        WriteStorage<'a, Position>,
        WriteStorage<'a, Vision>,
        ReadStorage<'a, Statuses>,
    );

    fn run(&mut self, data: Self::SystemData) {
        let (
            order,
            quests,
            mut levels,
            mut events,
            mut steps,
            intents,
            ids,
            players,
            monsters,
            merchants,
            mut positions,
            mut visions,
            statuses,
        ) = data;
        steps.0.clear();
        for &(_, e) in &order.0 {
            let dir = match intents.get(e) {
                Some(&Intent::Move(dir)) => dir,
                Some(&Intent::Talk(other)) => {
                    let npc = ids.get(other).map_or(0, |s| s.0);
                    if merchants.contains(other) && !quests.wants_word(npc) {
                        // A merchant stays put and shows their wares.
                        if let (Some(p), Some(m), Some(at)) =
                            (players.get(e), monsters.get(other), positions.get(e))
                        {
                            events.0.push(SimEvent {
                                depth: at.depth,
                                at: at.at,
                                kind: EventKind::ShopOpened {
                                    player: p.id,
                                    merchant: m.kind,
                                },
                            });
                        }
                    } else if !quests.wants_word(npc) {
                        swap(e, other, &mut levels, &mut positions, &mut steps);
                        if let (Some(p), Some(m), Some(v)) =
                            (players.get(e), monsters.get(other), visions.get_mut(e))
                        {
                            v.dirty = true;
                            if let Some(at) = positions.get(e) {
                                events.0.push(SimEvent {
                                    depth: at.depth,
                                    at: at.at,
                                    kind: EventKind::SwappedPlaces {
                                        player: p.id,
                                        npc: m.kind,
                                    },
                                });
                            }
                        }
                    }
                    continue;
                }
                _ => continue,
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

/// Two neighbours on one level trade tiles.
fn swap(
    a: specs::Entity,
    b: specs::Entity,
    levels: &mut crate::sim::resources::Levels,
    positions: &mut WriteStorage<Position>,
    steps: &mut Steps,
) {
    let (Some(&pa), Some(&pb)) = (positions.get(a), positions.get(b)) else {
        return;
    };
    if pa.depth != pb.depth || pa.at.chebyshev(pb.at) != 1 {
        return;
    }
    let Some(level) = levels.get_mut(pa.depth) else {
        return;
    };
    level.occupants.set(pa.at, Some(b));
    level.occupants.set(pb.at, Some(a));
    level.paths_dirty = true;
    if let Some(p) = positions.get_mut(a) {
        p.at = pb.at;
    }
    if let Some(p) = positions.get_mut(b) {
        p.at = pa.at;
    }
    steps.0.push(a);
    steps.0.push(b);
}

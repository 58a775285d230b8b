//! Stairs: a hero standing on stairs who asks to take them is queued to move
//! to the next level; `sim::apply` generates that level on a first visit.

use specs::{Read, ReadStorage, System, Write};

use crate::sim::components::{Intent, Player, Position};
use crate::sim::event::{EventKind, SimEvent};
use crate::sim::resources::{ActorOrder, Events, LevelMove, Levels, Pending};
use crate::sim::tile::Tile;

#[derive(Default)]
pub struct Sys;

impl Sys {
    pub const NAME: &'static str = "stairs";
}

impl<'a> System<'a> for Sys {
    type SystemData = (
        Read<'a, ActorOrder>,
        Read<'a, Levels>,
        Write<'a, Events>,
        Write<'a, Pending>,
        ReadStorage<'a, Intent>,
        ReadStorage<'a, Player>,
        ReadStorage<'a, Position>,
    );

    fn run(
        &mut self,
        (order, levels, mut events, mut pending, intents, players, positions): Self::SystemData,
    ) {
        for &(_, e) in &order.0 {
            let Some(&Intent::Stairs { down }) = intents.get(e) else {
                continue;
            };
            let (Some(player), Some(pos)) = (players.get(e), positions.get(e)) else {
                continue;
            };
            let tile = levels.get(pos.depth).map(|l| l.tile(pos.at));
            let wanted = if down {
                Tile::StairsDown
            } else {
                Tile::StairsUp
            };
            if tile != Some(wanted) {
                events.0.push(SimEvent {
                    depth: pos.depth,
                    at: pos.at,
                    kind: EventKind::NoStairsHere {
                        player: player.id,
                        down,
                    },
                });
                continue;
            }
            pending.level_moves.push(LevelMove {
                entity: e,
                player: player.id,
                to_depth: if down { pos.depth + 1 } else { pos.depth - 1 },
                down,
                near: None,
            });
        }
    }
}

//! Peaceful figures (quest givers, people to lead out): they never fight.
//! Someone being led follows their hero along the level's chase map and
//! waits beside them; anyone else idles about their spot. Runs after `ai`,
//! which leaves peaceful monsters alone. Writes `Actor` and `Intent`.

use specs::shred::ResourceId;
use specs::{Read, ReadStorage, System, SystemData, World, WriteStorage};

use crate::procgen::seed::{SIM_AI, Stream};
use crate::sim::algo::grid::Point;
use crate::sim::components::{Actor, Health, Intent, Monster, Position, StableId};
use crate::sim::quest::QuestLog;
use crate::sim::resources::{ActiveLevels, ActorOrder, Levels, Players, Tick, WorldSeed};

/// Someone idle takes a step on this percent of their turns.
const IDLE_STEP_PERCENT: u32 = 10;

#[derive(Default)]
pub struct Sys;

impl Sys {
    pub const NAME: &'static str = "npc";
}

#[derive(SystemData)]
pub struct Data<'a> {
    order: Read<'a, ActorOrder>,
    tick: Read<'a, Tick>,
    seed: Read<'a, WorldSeed>,
    levels: Read<'a, Levels>,
    players: Read<'a, Players>,
    active: Read<'a, ActiveLevels>,
    log: Read<'a, QuestLog>,
    ids: ReadStorage<'a, StableId>,
    positions: ReadStorage<'a, Position>,
    healths: ReadStorage<'a, Health>,
    monsters: ReadStorage<'a, Monster>,
    actors: WriteStorage<'a, Actor>,
    intents: WriteStorage<'a, Intent>,
}

impl<'a> System<'a> for Sys {
    type SystemData = Data<'a>;

    fn run(&mut self, mut d: Self::SystemData) {
        for &(id, e) in &d.order.0 {
            if !d.monsters.get(e).is_some_and(|m| m.peaceful) {
                continue;
            }
            let Some((pos, level, actor, intent)) = super::ready_to_decide(
                e,
                &d.positions,
                &d.healths,
                &d.active,
                &d.levels,
                &mut d.actors,
                &mut d.intents,
            ) else {
                continue;
            };
            let stable = d.ids.get(e).map_or(id, |s| s.0);
            let leader = d
                .log
                .leader_of(stable)
                .and_then(|p| d.players.entity(p))
                .and_then(|pe| d.positions.get(pe))
                .filter(|p| p.depth == pos.depth);
            let blocked = |p: Point| level.occupant(p).is_some() || !level.is_walkable(p);
            let next = match leader {
                // Beside the hero: wait for them to move on.
                Some(p) if p.at.chebyshev(pos.at) <= 1 => Intent::Wait,
                Some(_) => level
                    .chase
                    .downhill(pos.at, blocked)
                    .map_or(Intent::Wait, Intent::Move),
                None => {
                    let mut rng = Stream::new(d.seed.0, SIM_AI, &[d.tick.0, stable]);
                    super::ai::wander(level, pos.at, &mut rng, IDLE_STEP_PERCENT)
                }
            };
            actor.spend();
            *intent = next;
        }
    }
}

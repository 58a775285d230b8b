//! Quest errands for bots, once a level is explored: walk into the people
//! this level's quests want a word with, and lead anyone following back to
//! the stairs the heroes came in by, waiting when they fall behind.

use crate::sim::algo::grid::Point;
use crate::sim::query::{ActorState, HeroState};
use crate::sim::quest::QuestGoal;
use crate::sim::{PlayerId, Simulation};

use super::explore::known_tile;

/// Someone following further than this is waited for.
const KEEP_CLOSE: i32 = 3;

/// What a bot should do for the level's quests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Errand {
    /// Walk towards (and into) one of these tiles.
    GoTo(Vec<Point>),
    /// Stand still: someone being led has fallen behind.
    Wait,
}

/// The errand for `player`'s hero now, if its level's quests need one.
pub fn errand(
    sim: &Simulation,
    player: PlayerId,
    hero: &HeroState,
    actors: &[ActorState],
) -> Option<Errand> {
    let at = |npc: u64| actors.iter().find(|a| a.id == npc).map(|a| a.at);
    let mut people = Vec::new();
    for q in sim.quests() {
        if q.depth != hero.depth || !q.is_active() {
            continue;
        }
        match q.goal {
            QuestGoal::Escort {
                npc,
                leader: Some(p),
                ..
            } if p == player => {
                let follower = at(npc)?;
                if follower.chebyshev(hero.at) > KEEP_CLOSE {
                    return Some(Errand::Wait);
                }
                let home = sim.with_level(hero.depth, |l| l.arrival_from_above)?;
                return Some(Errand::GoTo(vec![home]));
            }
            QuestGoal::Talk { npc, .. }
            | QuestGoal::Escort {
                npc, leader: None, ..
            } => {
                people.extend(at(npc).filter(|&p| known_tile(sim, player, hero.depth, p)));
            }
            _ => {}
        }
    }
    (!people.is_empty()).then_some(Errand::GoTo(people))
}

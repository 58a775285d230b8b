//! Quests: the tick's events move the quest log on (kills, pickups, the
//! boss falling, a person dying), heroes who walked into someone speak to
//! them, explored floor is counted now and then, and a person led back to
//! the arrival stairs is safe. A finished quest rewards every living hero on
//! its level. Runs after `death`, before `xp`, so a reward's experience
//! levels the hero up in the same tick. Writes the quest log, `Player`
//! (experience) and `Inventory` (gold, the reward item); queues the rescued
//! person's despawn and reward items that do not fit a pack.

use specs::shred::ResourceId;
use specs::{
    Entity, Join, Read, ReadExpect, ReadStorage, System, SystemData, World, Write, WriteStorage,
};

use crate::sim::components::{
    Health, Intent, Inventory, Player, Position, Quality, StableId, Vision, stackable,
};
use crate::sim::event::{EventKind, SimEvent, Who};
use crate::sim::quest::{QuestGoal, QuestLog, QuestState};
use crate::sim::resources::{
    ActiveLevels, ActorOrder, Events, Levels, Pending, Players, Rules, Spawn, Tick,
};

/// Explored floor is counted every this many ticks (two seconds: counting
/// a big level every tick would cost more than the rest of the quests).
const EXPLORE_EVERY: u64 = 40;

#[derive(Default)]
pub struct Sys;

impl Sys {
    pub const NAME: &'static str = "quests";
}

#[derive(SystemData)]
pub struct Data<'a> {
    tick: Read<'a, Tick>,
    rules: ReadExpect<'a, Rules>,
    order: Read<'a, ActorOrder>,
    players: Read<'a, Players>,
    levels: Read<'a, Levels>,
    active: Read<'a, ActiveLevels>,
    log: Write<'a, QuestLog>,
    events: Write<'a, Events>,
    pending: Write<'a, Pending>,
    ids: ReadStorage<'a, StableId>,
    positions: ReadStorage<'a, Position>,
    healths: ReadStorage<'a, Health>,
    intents: ReadStorage<'a, Intent>,
    visions: ReadStorage<'a, Vision>,
    heroes: WriteStorage<'a, Player>,
    inventories: WriteStorage<'a, Inventory>,
}

impl<'a> System<'a> for Sys {
    type SystemData = Data<'a>;

    fn run(&mut self, mut d: Self::SystemData) {
        if d.log.0.is_empty() {
            return;
        }
        // Only this tick's events so far (those of the systems before).
        for i in 0..d.events.0.len() {
            let ev = d.events.0[i];
            on_event(&mut d, ev);
        }
        talk(&mut d);
        escorts_home(&mut d);
        if d.tick.0 % EXPLORE_EVERY == 0 {
            exploration(&mut d);
        }
    }
}

fn index(i: usize) -> u16 {
    u16::try_from(i).unwrap_or(u16::MAX)
}

fn on_event(d: &mut Data, ev: SimEvent) {
    let place = Position {
        depth: ev.depth,
        at: ev.at,
    };
    match ev.kind {
        EventKind::Died {
            who: Who::Monster(kind),
            killer,
        } => {
            let by_hero = matches!(killer, Some(Who::Player(_)));
            for i in 0..d.log.0.len() {
                let q = d.log.0[i];
                if !q.is_active() || q.depth != ev.depth {
                    continue;
                }
                match q.goal {
                    QuestGoal::Kill(k) | QuestGoal::Boss(k) if k == kind && by_hero => {
                        progress(d, i, 1, place);
                    }
                    _ => {
                        if let Some((npc, k)) = q.goal.person()
                            && k == kind
                            && !person_alive(d, npc)
                        {
                            d.log.0[i].state = QuestState::Failed;
                            push(d, place, EventKind::QuestFailed { quest: index(i) });
                        }
                    }
                }
            }
        }
        EventKind::PickedUp { item, count, .. } => {
            for i in 0..d.log.0.len() {
                let q = d.log.0[i];
                if q.is_active() && q.depth == ev.depth && q.goal == QuestGoal::Collect(item) {
                    progress(d, i, count, place);
                }
            }
        }
        _ => {}
    }
}

/// Moves quest `i` on by `by`, saying so, and rewards it when finished.
fn progress(d: &mut Data, i: usize, by: u16, place: Position) {
    let done = d.log.0[i].advance(by);
    let q = d.log.0[i];
    if done {
        finish(d, i, place);
    } else {
        push(
            d,
            place,
            EventKind::QuestProgress {
                quest: index(i),
                have: q.have,
                need: q.need,
            },
        );
    }
}

/// Marks quest `i` done and gives its reward to every living hero on its
/// level: experience (levelled by `xp` next), gold, and the item, into the
/// pack or at the hero's feet when the pack is full.
fn finish(d: &mut Data, i: usize, place: Position) {
    d.log.0[i].state = QuestState::Done;
    let q = d.log.0[i];
    push(d, place, EventKind::QuestDone { quest: index(i) });
    let content = std::sync::Arc::clone(&d.rules.0);
    for k in 0..d.players.0.len() {
        let (player, e) = d.players.0[k];
        let (Some(&pos), Some(health)) = (d.positions.get(e), d.healths.get(e)) else {
            continue;
        };
        if health.is_dead() || pos.depth != q.depth {
            continue;
        }
        if let Some(hero) = d.heroes.get_mut(e) {
            hero.xp += i64::from(q.reward.xp);
            hero.skill_points += q.reward.skill_points;
        }
        if let Some(inv) = d.inventories.get_mut(e) {
            inv.gold += i64::from(q.reward.gold);
            if let Some(item) = q.reward.item
                && !inv.add(item, 1, Quality::default(), stackable(&content, item))
            {
                d.pending.spawn.push(Spawn::Item {
                    item,
                    count: 1,
                    quality: Quality::default(),
                    depth: pos.depth,
                    at: pos.at,
                });
            }
        }
        push(
            d,
            pos,
            EventKind::QuestReward {
                player,
                quest: index(i),
            },
        );
    }
}

/// Says `kind` happened at `place`.
fn push(d: &mut Data, place: Position, kind: EventKind) {
    d.events.0.push(SimEvent {
        depth: place.depth,
        at: place.at,
        kind,
    });
}

/// The living entity with stable id `id`, found in the acting order.
fn entity_of(d: &Data, id: u64) -> Option<Entity> {
    let i = d.order.0.binary_search_by_key(&id, |&(s, _)| s).ok()?;
    let e = d.order.0[i].1;
    d.healths.get(e).filter(|h| !h.is_dead()).map(|_| e)
}

fn person_alive(d: &Data, npc: u64) -> bool {
    entity_of(d, npc).is_some()
}

/// Heroes who walked into someone a quest wants a word with speak to them:
/// the quest is done (talk) or the way home begins (escort). Anyone else
/// was swapped places with by `movement`.
fn talk(d: &mut Data) {
    for k in 0..d.players.0.len() {
        let (player, e) = d.players.0[k];
        let Some(Intent::Talk(other)) = d.intents.get(e).copied() else {
            continue;
        };
        let (Some(&id), Some(&pos)) = (d.ids.get(other), d.positions.get(other)) else {
            continue;
        };
        let Some((i, q)) = d.log.about_person(id.0) else {
            continue;
        };
        match &mut q.goal {
            QuestGoal::Talk { .. } => {
                q.have = q.need;
                finish(d, i, pos);
            }
            QuestGoal::Escort { leader, .. } if leader.is_none() => {
                *leader = Some(player);
                push(
                    d,
                    pos,
                    EventKind::Follows {
                        quest: index(i),
                        player,
                    },
                );
            }
            _ => {}
        }
    }
}

/// A person being led who reaches the stairs the heroes came in by is safe:
/// they leave the level and the quest is done.
fn escorts_home(d: &mut Data) {
    for i in 0..d.log.0.len() {
        let q = d.log.0[i];
        let QuestGoal::Escort {
            npc,
            leader: Some(_),
            ..
        } = q.goal
        else {
            continue;
        };
        if !q.is_active() || !d.active.contains(q.depth) {
            continue;
        }
        let Some(e) = entity_of(d, npc) else {
            continue;
        };
        let (Some(&pos), Some(level)) = (d.positions.get(e), d.levels.get(q.depth)) else {
            continue;
        };
        if pos.at.chebyshev(level.arrival_from_above) <= 1 {
            d.log.0[i].have = q.need;
            d.pending.despawn.push(e);
            finish(d, i, pos);
        }
    }
}

/// Counts the floor of each active level the heroes on it have seen, for
/// exploring quests.
fn exploration(d: &mut Data) {
    for i in 0..d.log.0.len() {
        let q = d.log.0[i];
        if q.goal != QuestGoal::Explore || !q.is_active() || !d.active.contains(q.depth) {
            continue;
        }
        let Some(percent) = seen_percent(d, q.depth) else {
            continue;
        };
        let percent = u16::try_from(percent).unwrap_or(100);
        // Said in steps of a tenth, so the log is not flooded.
        if percent > q.have && (percent >= q.need || percent / 10 > q.have / 10) {
            let at = d
                .players
                .0
                .iter()
                .find_map(|&(_, e)| d.positions.get(e).filter(|p| p.depth == q.depth))
                .map_or_else(Default::default, |p| p.at);
            let place = Position { depth: q.depth, at };
            progress(d, i, percent - q.have, place);
        }
    }
}

/// Heroes whose memories an exploring quest pools (more are ignored).
const MAX_EXPLORERS: usize = 8;

/// The percent of the level's walkable tiles that any hero has seen.
fn seen_percent(d: &Data, depth: i32) -> Option<u32> {
    let level = d.levels.get(depth)?;
    // Each hero's memory of the level, gathered once (no allocation).
    let mut memories: [Option<&crate::sim::algo::grid::Grid<bool>>; MAX_EXPLORERS] =
        [None; MAX_EXPLORERS];
    for (slot, (v, _)) in memories.iter_mut().zip((&d.visions, &d.heroes).join()) {
        *slot = v.explored.get(&depth);
    }
    let (mut floor, mut seen) = (0u32, 0u32);
    for (i, tile) in level.tiles.cells().iter().enumerate() {
        if !tile.is_walkable() {
            continue;
        }
        floor += 1;
        let known = memories
            .iter()
            .flatten()
            .any(|g| g.cells().get(i).copied().unwrap_or(false));
        if known {
            seen += 1;
        }
    }
    (floor > 0).then(|| seen * 100 / floor)
}

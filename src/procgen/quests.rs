//! The quests a level sets: a few templates of the world's genre picked by
//! depth and weight, filled in from what the level holds (the monster to
//! hunt, the boss to slay), with the items to collect laid out and the
//! people to find placed in its rooms.

use crate::schema::quests::Goal;
use crate::schema::{Content, ItemId, MonsterId, QuestId, Rarity};
use crate::sim::algo::grid::{Grid, Point};
use crate::sim::level::{Room, RoomRole};
use crate::sim::tile::Tile;

use super::level::{ItemPlacement, MonsterPlacement, free_near, roll_count};
use super::seed::Stream;

/// A quest as generation decides it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuestPlan {
    pub template: QuestId,
    pub target: QuestTarget,
    /// How many kills or pickups (the percent for exploring; 1 otherwise).
    pub need: u16,
    pub reward: QuestReward,
}

/// What a planned quest is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestTarget {
    Kill(MonsterId),
    Collect(ItemId),
    Explore,
    Boss(MonsterId),
    /// Someone to speak to, placed when the level is made.
    Talk(MonsterPlacement),
    /// Someone to speak to and lead back to the arrival stairs.
    Escort(MonsterPlacement),
}

/// What finishing a quest gives each living hero on its level.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct QuestReward {
    pub xp: i32,
    pub gold: i32,
    pub item: Option<ItemId>,
    pub skill_points: i32,
}

/// What the level offers quests to be about.
pub struct LevelContents<'a> {
    pub tiles: &'a Grid<Tile>,
    pub rooms: &'a [Room],
    pub monsters: &'a [MonsterPlacement],
    /// Tiles already holding a monster or stairs.
    pub taken: &'a mut Vec<Point>,
    /// Items on the floor; collect quests add theirs.
    pub items: &'a mut Vec<ItemPlacement>,
}

/// Picks and fills in the quests of the level at `depth`.
pub fn plan(
    content: &Content,
    depth: i32,
    level: LevelContents,
    rng: &mut Stream,
) -> Vec<QuestPlan> {
    let wanted = roll_count(content.quests_per_level, rng);
    let mut out: Vec<QuestPlan> = Vec::with_capacity(wanted);
    let mut used_kinds: Vec<&'static str> = Vec::with_capacity(wanted);
    let LevelContents {
        tiles,
        rooms,
        monsters,
        taken,
        items,
    } = level;
    // A template at a time, by weight, until enough are set or none fits.
    let mut tried: Vec<QuestId> = Vec::new();
    while out.len() < wanted {
        let weights = content.quest_ids().map(|id| {
            let q = content.quest(id);
            let fits = q.def.depth.contains(depth)
                && !tried.contains(&id)
                && !used_kinds.contains(&q.goal.kind_name());
            if fits {
                u32::try_from(u64::from(q.def.weight) * u64::from(content.quest_share(id)) / 100)
                    .unwrap_or(u32::MAX)
            } else {
                0
            }
        });
        let Some(id) = rng
            .weighted(weights)
            .and_then(|i| content.quest_ids().nth(i))
        else {
            break;
        };
        tried.push(id);
        let q = content.quest(id);
        let count = |span: crate::schema::Span, rng: &mut Stream| {
            u16::try_from(roll_count(span, rng).max(1)).unwrap_or(1)
        };
        let target = match &q.goal {
            Goal::Kill { count: span } => commonest_monster(monsters).map(|(kind, present)| {
                let need = count(*span, rng).min(present);
                (QuestTarget::Kill(kind), need)
            }),
            Goal::Collect {
                items: ids,
                count: span,
            } => in_world(ids, |i| content.item_share(i)).and_then(|item| {
                let need = count(*span, rng);
                let placed = lay_out(tiles, rooms, item, need, taken, items, rng);
                (placed == need).then_some((QuestTarget::Collect(item), need))
            }),
            Goal::Explore { percent } => {
                Some((QuestTarget::Explore, u16::try_from(*percent).unwrap_or(100)))
            }
            Goal::Boss => monsters
                .iter()
                .find(|m| m.boss)
                .map(|m| (QuestTarget::Boss(m.kind), 1)),
            Goal::Talk { npcs } => place_person(content, npcs, tiles, rooms, taken, rng, false)
                .map(|p| (QuestTarget::Talk(p), 1)),
            Goal::Escort { npcs } => place_person(content, npcs, tiles, rooms, taken, rng, true)
                .map(|p| (QuestTarget::Escort(p), 1)),
        };
        let Some((target, need)) = target else {
            continue;
        };
        used_kinds.push(q.goal.kind_name());
        out.push(QuestPlan {
            template: id,
            target,
            need,
            reward: reward(content, id, depth, rng),
        });
    }
    out
}

/// The ordinary monster kind the level holds most of, and how many.
fn commonest_monster(monsters: &[MonsterPlacement]) -> Option<(MonsterId, u16)> {
    let mut counts: Vec<(MonsterId, u16)> = Vec::new();
    for m in monsters.iter().filter(|m| !m.boss) {
        match counts.iter_mut().find(|(k, _)| *k == m.kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((m.kind, 1)),
        }
    }
    // Most numerous first; the lower id breaks ties, so the pick is stable.
    counts
        .into_iter()
        .max_by_key(|&(k, n)| (n, std::cmp::Reverse(k)))
}

/// The first id of a list that belongs to the world's genres.
fn in_world<T: Copy>(ids: &[T], share: impl Fn(T) -> u32) -> Option<T> {
    ids.iter().copied().find(|&i| share(i) > 0)
}

/// Lays `count` of `item` on floor tiles outside the spawn room; returns how
/// many it placed.
fn lay_out(
    tiles: &Grid<Tile>,
    rooms: &[Room],
    item: ItemId,
    count: u16,
    taken: &[Point],
    items: &mut Vec<ItemPlacement>,
    rng: &mut Stream,
) -> u16 {
    let spawn = rooms.iter().find(|r| r.role == RoomRole::Spawn);
    let mut spots: Vec<Point> = rooms
        .iter()
        .filter(|r| r.role != RoomRole::Spawn)
        .flat_map(|r| r.rect.points())
        .filter(|&p| tiles.get(p) == Some(&Tile::Floor))
        .filter(|p| !spawn.is_some_and(|s| s.rect.contains(*p)))
        .filter(|p| !taken.contains(p) && !items.iter().any(|i| i.at == *p))
        .collect();
    spots.sort_unstable();
    spots.dedup();
    rng.shuffle(&mut spots);
    let mut placed = 0;
    for at in spots.into_iter().take(usize::from(count)) {
        items.push(ItemPlacement {
            item,
            count: 1,
            at,
            quality: Default::default(),
        });
        placed += 1;
    }
    placed
}

/// Places the quest's person of the world's genre: someone to lead out waits
/// in the room farthest from the arrival (the exit room), someone to talk to
/// in another room.
fn place_person(
    content: &Content,
    npcs: &[MonsterId],
    tiles: &Grid<Tile>,
    rooms: &[Room],
    taken: &mut Vec<Point>,
    rng: &mut Stream,
    far: bool,
) -> Option<MonsterPlacement> {
    let kind = in_world(npcs, |m| content.monster_share(m))?;
    let room = if far {
        rooms.iter().find(|r| r.role == RoomRole::Exit)
    } else {
        let plain: Vec<&Room> = rooms
            .iter()
            .filter(|r| matches!(r.role, RoomRole::Plain | RoomRole::Treasure))
            .collect();
        rng.pick(&plain).copied()
    }?;
    let at = free_near(tiles, room.rect.center(), taken)?;
    taken.push(at);
    Some(MonsterPlacement {
        kind,
        boss: false,
        rarity: Rarity::Common,
        name_seed: 0,
        at,
    })
}

/// The template's reward for `depth`: experience and gold grown like
/// monsters', and one of its items of the world's genre.
fn reward(content: &Content, id: QuestId, depth: i32, rng: &mut Stream) -> QuestReward {
    let q = content.quest(id);
    let grow = |v: i32| {
        let g =
            i64::from(v) * i64::from(100 + content.rules.depth_scaling_percent * (depth - 1)) / 100;
        i32::try_from(g.max(0)).unwrap_or(i32::MAX)
    };
    let span = q.def.reward.gold;
    let gold = grow(rng.range(span.min().max(0), span.max().max(0)));
    let choices: Vec<ItemId> = q
        .reward_items
        .iter()
        .copied()
        .filter(|&i| content.item_share(i) > 0)
        .collect();
    QuestReward {
        xp: grow(q.def.reward.xp),
        gold,
        item: rng.pick(&choices).copied(),
        skill_points: q.def.reward.skill_points,
    }
}

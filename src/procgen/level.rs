//! A whole level from a seed: layout by the depth's recipe, room roles
//! (spawn, exit, boss, treasure), stairs, the boss in its room, and monsters
//! and items chosen by depth and weight.

use crate::schema::genres::GenreId;
use crate::schema::items::ItemKind;
use crate::schema::levels::Generator;
use crate::schema::monsters::MonsterKind;
use crate::schema::{Content, ItemId, MonsterId, Rarity, Span};
use crate::sim::algo::dijkstra::{DijkstraMap, UNREACHED};
use crate::sim::algo::grid::{Grid, Point};
use crate::sim::level::{Level, Room, RoomRole};
use crate::sim::tile::Tile;

use super::features;
use super::merchants::{self, MerchantPlan};
use super::quests::{self, LevelContents, QuestPlan};
use super::seed::{
    LEVEL_FEATURES, LEVEL_ITEMS, LEVEL_MERCHANT, LEVEL_MONSTERS, LEVEL_QUESTS, LEVEL_RARITY,
    LEVEL_ROLES, LEVEL_STATION, LEVEL_TERRAIN, Stream,
};
use super::stations;
use super::terrain::{Layout, Rect, bsp, caverns, cellular, city, composite, forest, maze};

/// Levels get at least this many rooms (spawn, exit, boss, treasure).
const MIN_ROOMS: usize = 4;

/// Monsters are never placed closer than this (in steps) to where heroes arrive.
pub const SAFE_RADIUS: i32 = 7;

/// A monster to create when the level is first entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonsterPlacement {
    pub kind: MonsterId,
    pub boss: bool,
    pub rarity: Rarity,
    /// Seeds the champion's or boss's own name (0: no name of its own).
    pub name_seed: u64,
    pub at: Point,
}

/// An item to lay on the floor when the level is first entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemPlacement {
    pub item: ItemId,
    pub count: u16,
    pub at: Point,
    /// Rarity and affixes (`procgen::loot`); plain for consumables.
    pub quality: crate::sim::components::Quality,
}

/// Everything generation decides about a level.
#[derive(Debug)]
pub struct GeneratedLevel {
    pub level: Level,
    pub monsters: Vec<MonsterPlacement>,
    pub items: Vec<ItemPlacement>,
    /// Someone who trades, if the level has one.
    pub merchant: Option<MerchantPlan>,
    /// The quests the level sets (their people are not in `monsters`: they
    /// are spawned with the quest that names them).
    pub quests: Vec<QuestPlan>,
}

/// Generates the level at `depth` of the world `seed`. The same arguments
/// always give the same level.
pub fn generate(content: &Content, seed: u64, depth: i32) -> GeneratedLevel {
    let d = u64::from(depth.unsigned_abs());
    let band = content.band(depth);
    let last = content.rules.dungeon_depth;
    let mut layout = layout(content, seed, depth);
    if !layout.tiles.cells().iter().any(|t| t.is_walkable()) {
        carve_fallback_room(&mut layout);
    }

    let mut rng = Stream::new(seed, LEVEL_ROLES, &[d]);
    let mut rooms = assign_roles(&layout, &mut rng);
    let tiles = &mut layout.tiles;
    let spawn = room_anchor(tiles, &rooms, RoomRole::Spawn);
    let exit = room_anchor(tiles, &rooms, RoomRole::Exit);
    if depth > 1 {
        tiles.set(spawn, Tile::StairsUp);
    }
    let down = (depth < last).then_some(exit);
    if let Some(p) = down {
        tiles.set(p, Tile::StairsDown);
    }
    let mut frng = Stream::new(seed, LEVEL_FEATURES, &[d]);
    features::decorate(
        tiles,
        &mut rooms,
        &band.features,
        depth,
        last,
        &[spawn, exit],
        &mut frng,
    );

    let mut taken: Vec<Point> = vec![spawn, exit];
    let mut monsters = Vec::new();
    let mut champions = Stream::new(seed, LEVEL_RARITY, &[d]);
    if let Some(kind) = pick_monster(content, depth, MonsterKind::Boss, &mut rng) {
        let boss_room = rooms
            .iter()
            .find(|r| r.role == RoomRole::Boss)
            .map(|r| r.rect);
        let near = boss_room.map_or(exit, |r| r.center());
        if let Some(at) = free_near(tiles, near, &taken) {
            let boss = MonsterPlacement {
                kind,
                boss: true,
                rarity: Rarity::Common,
                name_seed: champions.next_u64() | 1,
                at,
            };
            place_with_escort(content, boss, tiles, &mut taken, &mut monsters, &mut rng);
        }
    }

    let mut mrng = Stream::new(seed, LEVEL_MONSTERS, &[d]);
    let mut safety = DijkstraMap::new(tiles.width(), tiles.height());
    safety.compute([spawn], SAFE_RADIUS, |p| {
        tiles.get(p).is_some_and(|t| t.is_walkable())
    });
    let spawn_room = rooms
        .iter()
        .find(|r| r.role == RoomRole::Spawn)
        .map(|r| r.rect);
    let mut spots: Vec<Point> = tiles
        .points()
        .filter(|&p| tiles.get(p) == Some(&Tile::Floor))
        .filter(|&p| safety.get(p) == UNREACHED && !spawn_room.is_some_and(|r| r.contains(p)))
        .filter(|p| !taken.contains(p))
        .collect();
    mrng.shuffle(&mut spots);
    let count = roll_count(band.monsters, &mut mrng);
    for at in spots.into_iter().take(count) {
        if taken.contains(&at) {
            continue;
        }
        let Some(kind) = pick_monster(content, depth, MonsterKind::Monster, &mut mrng) else {
            continue;
        };
        let rarity = roll_rarity(depth, &mut champions);
        let leader = MonsterPlacement {
            kind,
            boss: false,
            rarity,
            name_seed: if rarity.is_champion() {
                champions.next_u64() | 1
            } else {
                0
            },
            at,
        };
        place_with_escort(content, leader, tiles, &mut taken, &mut monsters, &mut mrng);
    }

    let mut irng = Stream::new(seed, LEVEL_ITEMS, &[d]);
    let mut items = Vec::new();
    let mut floor: Vec<Point> = tiles
        .points()
        .filter(|&p| tiles.get(p) == Some(&Tile::Floor))
        .collect();
    irng.shuffle(&mut floor);
    let count = roll_count(band.items, &mut irng);
    for at in floor.into_iter().take(count) {
        if let Some(p) = pick_item(content, depth, at, &mut irng) {
            items.push(p);
        }
    }
    if let Some(room) = rooms.iter().find(|r| r.role == RoomRole::Treasure) {
        let mut inside: Vec<Point> = room
            .rect
            .points()
            .filter(|&p| tiles.get(p) == Some(&Tile::Floor))
            .collect();
        irng.shuffle(&mut inside);
        let count = roll_count(band.treasure, &mut irng);
        for at in inside.into_iter().take(count) {
            if let Some(p) = pick_item(content, depth, at, &mut irng) {
                items.push(p);
            }
        }
    }

    let mut qrng = Stream::new(seed, LEVEL_QUESTS, &[d]);
    let quests = quests::plan(
        content,
        depth,
        LevelContents {
            tiles,
            rooms: &rooms,
            monsters: &monsters,
            taken: &mut taken,
            items: &mut items,
        },
        &mut qrng,
    );

    let mut trng = Stream::new(seed, LEVEL_MERCHANT, &[d]);
    let merchant = merchants::plan(content, depth, tiles, &rooms, &mut taken, &mut trng);
    taken.extend(items.iter().map(|i| i.at));
    let mut srng = Stream::new(seed, LEVEL_STATION, &[d]);
    let station = stations::plan(content, tiles, &rooms, &mut taken, &mut srng);
    if let Some((at, _)) = station {
        tiles.set(at, Tile::Station);
    }
    super::loot::roll_placed(content, seed, depth, &mut items);

    let mut level = Level::new(depth, layout.tiles, rooms, spawn, down);
    level.station = station;
    GeneratedLevel {
        level,
        monsters,
        items,
        merchant,
        quests,
    }
}

/// Runs the layout generator the depth's recipe picks, in the genre that
/// builds this level (the blended genre builds its share of the levels).
fn layout(content: &Content, seed: u64, depth: i32) -> Layout {
    let band = content.band(depth);
    let (choice, mut rng) = choose_generator(content, seed, depth);
    let (w, h) = (band.width, band.height);
    match choice {
        Some(Generator::Bsp(p)) => bsp::generate(w, h, p, &mut rng),
        Some(Generator::Caves(p)) => cellular::generate(w, h, p, &mut rng),
        Some(Generator::Maze(p)) => maze::generate(w, h, p, &mut rng),
        Some(Generator::Forest(p)) => forest::generate(w, h, p, &mut rng),
        Some(Generator::City(p)) => city::generate(w, h, p, &mut rng),
        Some(Generator::Caverns(p)) => caverns::generate(w, h, p, &mut rng),
        Some(Generator::Composite(p)) => composite::generate(w, h, p, &mut rng),
        None => cellular::generate(w, h, &Default::default(), &mut rng),
    }
}

/// The generator that builds the level at `depth`, and the terrain stream
/// positioned for it to use.
fn choose_generator(content: &Content, seed: u64, depth: i32) -> (Option<&Generator>, Stream) {
    let mut rng = Stream::new(seed, LEVEL_TERRAIN, &[u64::from(depth.unsigned_abs())]);
    let genre = level_genre(content, &mut rng);
    let choice = content.terrain(genre, depth).and_then(|t| {
        let i = rng.weighted(t.generators.iter().map(|g| g.weight))?;
        t.generators.get(i)
    });
    (choice.map(|c| &c.generator), rng)
}

/// The name of the generator that builds the level at `depth` of world
/// `seed` (for catalogs; generating the level is not needed).
pub fn generator_name(content: &Content, seed: u64, depth: i32) -> &'static str {
    choose_generator(content, seed, depth)
        .0
        .map_or("caves", Generator::name)
}

/// Which genre's terrain builds a level: the blended genre takes its share.
fn level_genre(content: &Content, rng: &mut Stream) -> GenreId {
    let mix = content.mix();
    match mix.blend {
        Some((g, p)) if rng.percent(u32::from(p)) => g,
        _ => mix.primary,
    }
}

/// A layout with no floor at all (only possible with absurd parameters)
/// gets one room in the middle so the level is still playable.
fn carve_fallback_room(layout: &mut Layout) {
    let (w, h) = (layout.tiles.width(), layout.tiles.height());
    let room = Rect::new(
        (w / 2 - 2).max(1),
        (h / 2 - 2).max(1),
        4.min(w - 2).max(1),
        4.min(h - 2).max(1),
    );
    for p in room.points() {
        layout.tiles.set(p, Tile::Floor);
    }
    layout.rooms = vec![room];
}

/// Gives every room a role. Spawn is a random room; the exit is the room
/// farthest from it by walking distance; the boss takes the largest other
/// room far from the spawn; one more room holds treasure. Layouts with fewer
/// than four rooms get small rooms made round spread-out floor tiles.
fn assign_roles(layout: &Layout, rng: &mut Stream) -> Vec<Room> {
    let tiles = &layout.tiles;
    let walkable = |p: Point| tiles.get(p).is_some_and(|t| t.is_walkable());
    let mut rects = layout.rooms.clone();
    if rects.len() < MIN_ROOMS {
        // Few natural rooms (open caves): add small ones round floor tiles
        // spread out by walking distance, so every role has a place.
        let floor: Vec<Point> = tiles.points().filter(|&p| walkable(p)).collect();
        let start = *rng.pick(&floor).unwrap_or(&Point::new(1, 1));
        let mut far = DijkstraMap::new(tiles.width(), tiles.height());
        far.compute([start], i32::MAX, walkable);
        let mut by_distance: Vec<Point> = floor
            .iter()
            .copied()
            .filter(|&p| far.get(p) != UNREACHED)
            .collect();
        by_distance.sort_by_key(|&p| (far.get(p), p));
        let n = by_distance.len();
        for i in [0, n.saturating_sub(1), n * 3 / 4, n / 2, n / 4] {
            if rects.len() >= MIN_ROOMS {
                break;
            }
            let Some(p) = by_distance.get(i) else {
                continue;
            };
            let r = Rect::new(p.x - 1, p.y - 1, 3, 3);
            if !rects.iter().any(|o| o.intersects(&r)) {
                rects.push(r);
            }
        }
    }
    let mut roles = vec![RoomRole::Plain; rects.len()];
    let Some(spawn) = rng.pick(&(0..rects.len()).collect::<Vec<_>>()).copied() else {
        return Vec::new();
    };
    roles[spawn] = RoomRole::Spawn;
    let mut dist = DijkstraMap::new(tiles.width(), tiles.height());
    dist.compute([anchor(tiles, rects[spawn])], i32::MAX, walkable);
    let far = |r: &Rect| {
        let d = dist.get(anchor(tiles, *r));
        if d == UNREACHED { -1 } else { d }
    };
    let exit = (0..rects.len())
        .filter(|&i| i != spawn)
        .max_by_key(|&i| (far(&rects[i]), std::cmp::Reverse(i)));
    if let Some(exit) = exit {
        roles[exit] = RoomRole::Exit;
    }
    let max_far = rects.iter().map(far).max().unwrap_or(0);
    // The boss takes the largest room in the far half of the level, or the
    // farthest room left when none is that far.
    let plain = |i: &usize| roles[*i] == RoomRole::Plain;
    let boss = (0..rects.len())
        .filter(plain)
        .filter(|&i| far(&rects[i]) * 2 >= max_far)
        .max_by_key(|&i| (rects[i].area(), std::cmp::Reverse(i)))
        .or_else(|| {
            (0..rects.len())
                .filter(plain)
                .max_by_key(|&i| (far(&rects[i]), std::cmp::Reverse(i)))
        });
    if let Some(boss) = boss {
        roles[boss] = RoomRole::Boss;
    }
    let plain: Vec<usize> = (0..rects.len())
        .filter(|&i| roles[i] == RoomRole::Plain)
        .collect();
    if let Some(&t) = rng.pick(&plain) {
        roles[t] = RoomRole::Treasure;
    }
    rects
        .into_iter()
        .zip(roles)
        .map(|(rect, role)| Room { rect, role })
        .collect()
}

/// A walkable tile at or near the room's centre.
fn anchor(tiles: &Grid<Tile>, r: Rect) -> Point {
    free_near(tiles, r.center(), &[]).unwrap_or(r.center())
}

fn room_anchor(tiles: &Grid<Tile>, rooms: &[Room], role: RoomRole) -> Point {
    let rect = rooms
        .iter()
        .find(|r| r.role == role)
        .or_else(|| rooms.first())
        .map_or(Rect::new(1, 1, 1, 1), |r| r.rect);
    anchor(tiles, rect)
}

/// The nearest plain floor tile to `p` not in `taken`, ring by ring.
pub(super) fn free_near(tiles: &Grid<Tile>, p: Point, taken: &[Point]) -> Option<Point> {
    let limit = tiles.width().max(tiles.height());
    (0..=limit).find_map(|r| {
        (-r..=r)
            .flat_map(|dy| (-r..=r).map(move |dx| Point::new(p.x + dx, p.y + dy)))
            .filter(|q| (q.x - p.x).abs() == r || (q.y - p.y).abs() == r)
            .find(|q| tiles.get(*q) == Some(&Tile::Floor) && !taken.contains(q))
    })
}

pub(super) fn roll_count(span: Span, rng: &mut Stream) -> usize {
    usize::try_from(rng.range(span.min().max(0), span.max().max(0))).unwrap_or(0)
}

/// A monster of `kind` for `depth`, weighted by its weight and its genre's
/// share of this world.
fn pick_monster(
    content: &Content,
    depth: i32,
    kind: MonsterKind,
    rng: &mut Stream,
) -> Option<MonsterId> {
    let weights = content.monster_ids().map(|id| {
        let m = content.monster(id);
        if m.kind == kind && m.depth.contains(depth) {
            u32::try_from(u64::from(m.weight.max(1)) * u64::from(content.monster_share(id)) / 100)
                .unwrap_or(u32::MAX)
        } else {
            0
        }
    });
    let i = rng.weighted(weights)?;
    content.monster_ids().nth(i)
}

/// Places a monster, then the pack that comes with it on free floor around
/// it.
fn place_with_escort(
    content: &Content,
    leader: MonsterPlacement,
    tiles: &Grid<Tile>,
    taken: &mut Vec<Point>,
    out: &mut Vec<MonsterPlacement>,
    rng: &mut Stream,
) {
    let at = leader.at;
    taken.push(at);
    out.push(leader);
    let Some((kind, count)) = content.escort(leader.kind) else {
        return;
    };
    for _ in 0..roll_count(count, rng) {
        let Some(p) = free_near(tiles, at, taken).filter(|p| p.chebyshev(at) <= 4) else {
            return;
        };
        taken.push(p);
        out.push(MonsterPlacement {
            kind,
            boss: false,
            rarity: Rarity::Common,
            name_seed: 0,
            at: p,
        });
    }
}

/// A monster's rarity at `depth`: mostly common, more exceptional deeper.
fn roll_rarity(depth: i32, rng: &mut Stream) -> Rarity {
    let odds = Rarity::odds(depth);
    rng.weighted(odds.iter().copied())
        .and_then(|i| Rarity::ALL.get(i).copied())
        .unwrap_or_default()
}

/// An item for `depth` by weight, gold rolled for its amount.
fn pick_item(content: &Content, depth: i32, at: Point, rng: &mut Stream) -> Option<ItemPlacement> {
    let weights = content.item_ids().map(|id| {
        let it = content.item(id);
        if it.depth.contains(depth) {
            u32::try_from(u64::from(it.weight) * u64::from(content.item_share(id)) / 100)
                .unwrap_or(u32::MAX)
        } else {
            0
        }
    });
    let item = content.item_ids().nth(rng.weighted(weights)?)?;
    let count = match &content.item(item).kind {
        ItemKind::Gold(span) => roll_gold(*span, depth, content, rng),
        _ => 1,
    };
    Some(ItemPlacement {
        item,
        count,
        at,
        quality: Default::default(),
    })
}

/// A pile of gold for `depth`: the span's roll, grown like monsters are.
pub fn roll_gold(span: Span, depth: i32, content: &Content, rng: &mut Stream) -> u16 {
    let base = rng.range(span.min().max(1), span.max().max(1));
    let grown = i64::from(base)
        * i64::from(100 + content.rules.depth_scaling_percent * (depth - 1).max(0))
        / 100;
    u16::try_from(grown.clamp(1, i64::from(u16::MAX))).unwrap_or(u16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::load_defaults;

    #[test]
    fn same_seed_same_level_and_depths_differ() {
        let content = load_defaults().expect("defaults");
        let a = generate(&content, 9, 1);
        let b = generate(&content, 9, 1);
        let c = generate(&content, 9, 2);
        assert_eq!(a.level.tiles, b.level.tiles);
        assert_eq!(a.monsters, b.monsters);
        assert_eq!(a.items, b.items);
        assert_ne!(a.level.tiles, c.level.tiles);
    }

    #[test]
    fn levels_have_roles_stairs_and_a_boss() {
        let content = load_defaults().expect("defaults");
        let last = content.rules.dungeon_depth;
        for depth in 1..=last {
            let g = generate(&content, 77, depth);
            let roles: Vec<RoomRole> = g.level.rooms.iter().map(|r| r.role).collect();
            assert!(
                roles.contains(&RoomRole::Spawn) && roles.contains(&RoomRole::Exit),
                "depth {depth}"
            );
            assert_eq!(
                g.monsters.iter().filter(|m| m.boss).count(),
                1,
                "depth {depth}"
            );
            let has = |t| g.level.tiles.cells().contains(&t);
            assert_eq!(has(Tile::StairsUp), depth > 1);
            assert_eq!(has(Tile::StairsDown), depth < last);
            for m in &g.monsters {
                assert_eq!(g.level.tile(m.at), Tile::Floor);
            }
        }
    }
}

//! City streets: a grid of blocks between open streets, most of them
//! buildings cut into rooms, the rest paved plazas or parks.
//!
//! Inside the wall ring everything starts as street. Block columns and rows
//! of a random size near `block_size` are laid out with `street_width`
//! tiles of street between them. A building takes its whole block: outer
//! walls, one or two doors onto the street, and an inside split by internal
//! walls (a binary partition) into rooms, with one door in every internal
//! wall, so every room of a building can be reached through its street
//! door. Some buildings also get a secret door as a second way through.
//! Secret doors are never the only way anywhere, so the level stays one
//! piece without them. A plaza is open paving; a park is lawn ringed and
//! dotted with trees (any ground the trees cut off is joined back, as in
//! the forest). The rooms reported are the buildings' rooms, the plazas and
//! the parks' lawns.

use serde::{Deserialize, Serialize};

use super::{Layout, Rect, join_walkable, walled};
use crate::procgen::seed::Stream;
use crate::sim::algo::grid::{Grid, Point};
use crate::sim::tile::Tile;

/// The smallest block laid out: an outer wall round a 3x3 inside.
const MIN_BLOCK: i32 = 5;

/// How a city is laid out. Missing fields take their defaults; out-of-range
/// values are clamped as documented (see [`CityParams::clamped`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CityParams {
    /// Usual side of a block in tiles, a building's outer walls included;
    /// each column and row of blocks is up to a quarter larger or smaller.
    /// Clamped to `6..=64`.
    pub block_size: i32,
    /// Street width in tiles between blocks (and round the edge). Clamped
    /// to `1..=8`.
    pub street_width: i32,
    /// Chance (percent, `0..=100`) that a block holds a building; the rest
    /// are plazas and parks.
    pub building_percent: u32,
    /// Chance (percent, `0..=100`) that a block with no building is a park
    /// (lawn and trees) rather than a paved plaza.
    pub park_percent: u32,
    /// Smallest side of a room inside a building. Clamped to `2..=32`.
    pub min_room: i32,
    /// Rooms with a side longer than this are split further when they can
    /// be. Clamped to `min_room..=64`.
    pub max_room: i32,
    /// Chance (percent, `0..=100`) per building of a secret door: an extra
    /// way between two rooms, or between a room and the street.
    pub secret_door_percent: u32,
}

impl Default for CityParams {
    /// Tuned for an 80x45 level: about fifteen blocks, most of them
    /// buildings of two to six rooms.
    fn default() -> Self {
        Self {
            block_size: 14,
            street_width: 2,
            building_percent: 75,
            park_percent: 50,
            min_room: 3,
            max_room: 7,
            secret_door_percent: 30,
        }
    }
}

impl CityParams {
    /// The parameters actually used: every field clamped to its range.
    pub fn clamped(&self) -> Self {
        let min_room = self.min_room.clamp(2, 32);
        Self {
            block_size: self.block_size.clamp(6, 64),
            street_width: self.street_width.clamp(1, 8),
            building_percent: self.building_percent.min(100),
            park_percent: self.park_percent.min(100),
            min_room,
            max_room: self.max_room.clamp(min_room, 64),
            secret_door_percent: self.secret_door_percent.min(100),
        }
    }
}

/// Builds a `width` x `height` city (sizes clamped to `0..=MAX_SIDE`). The
/// rooms are listed block by block, row by row. A map smaller than 3x3 is
/// all wall; one too small for a block is all street, with no room.
pub fn generate(width: i32, height: i32, params: &CityParams, rng: &mut Stream) -> Layout {
    let p = params.clamped();
    let mut tiles = match walled(width, height) {
        Ok(tiles) => tiles,
        Err(layout) => return layout,
    };
    let (width, height) = (tiles.width(), tiles.height());
    let mut rooms = Vec::new();
    for q in Rect::new(1, 1, width - 2, height - 2).points() {
        tiles.set(q, Tile::Floor);
    }
    let cols = spans(width, &p, rng);
    let rows = spans(height, &p, rng);
    for &(y, h) in &rows {
        for &(x, w) in &cols {
            let block = Rect::new(x, y, w, h);
            if rng.percent(p.building_percent) {
                building(&mut tiles, block, &p, rng, &mut rooms);
            } else if rng.percent(p.park_percent) {
                rooms.extend(park(&mut tiles, block, rng));
            } else {
                rooms.push(block);
            }
        }
    }
    join_walkable(&mut tiles);
    Layout { tiles, rooms }
}

/// The blocks along one axis of a map `len` tiles long: (start, size)
/// pairs with a street before, between and after them.
fn spans(len: i32, p: &CityParams, rng: &mut Stream) -> Vec<(i32, i32)> {
    let (b, s) = (p.block_size, p.street_width);
    let end = len - 1 - s;
    let mut out = Vec::new();
    let mut at = 1 + s;
    while end - at >= MIN_BLOCK {
        let size = rng.range(b - b / 4, b + b / 4).min(end - at);
        out.push((at, size));
        at += size + s;
    }
    out
}

/// Walls a block in as one building: street doors first, then internal
/// walls that never end against a door, so every door opens onto floor on
/// both sides.
fn building(
    tiles: &mut Grid<Tile>,
    block: Rect,
    p: &CityParams,
    rng: &mut Stream,
    rooms: &mut Vec<Rect>,
) {
    let Rect { x, y, w, h } = block;
    for q in block.points() {
        let edge = q.x == x || q.y == y || q.x == x + w - 1 || q.y == y + h - 1;
        if edge {
            tiles.set(q, Tile::Wall);
        }
    }
    let mut doors = Vec::new();
    let street_doors = if w + h > 24 { 2 } else { 1 };
    for _ in 0..street_doors {
        let q = match rng.below(4) {
            0 => Point::new(rng.range(x + 1, x + w - 2), y),
            1 => Point::new(rng.range(x + 1, x + w - 2), y + h - 1),
            2 => Point::new(x, rng.range(y + 1, y + h - 2)),
            _ => Point::new(x + w - 1, rng.range(y + 1, y + h - 2)),
        };
        tiles.set(q, Tile::Door);
        doors.push(q);
    }
    split(
        tiles,
        Rect::new(x + 1, y + 1, w - 2, h - 2),
        p,
        rng,
        &mut doors,
        rooms,
    );
    if rng.percent(p.secret_door_percent) {
        secret_door(tiles, block, rng);
    }
}

/// Splits a building's open inside `r` with an internal wall and one door
/// through it, recursively, until its parts are no larger than `max_room`
/// (or cannot be cut); the parts left are rooms.
fn split(
    tiles: &mut Grid<Tile>,
    r: Rect,
    p: &CityParams,
    rng: &mut Stream,
    doors: &mut Vec<Point>,
    rooms: &mut Vec<Rect>,
) {
    let fits = |side: i32| side > p.max_room && side > 2 * p.min_room;
    let vertical = match (fits(r.w), fits(r.h)) {
        (false, false) => None,
        (true, false) => Some(true),
        (false, true) => Some(false),
        (true, true) if r.w != r.h => Some(r.w > r.h),
        (true, true) => Some(rng.percent(50)),
    };
    // A wall at `c` (across the long side) must not end against a door in
    // the walls round `r`.
    let Some(vertical) = vertical else {
        rooms.push(r);
        return;
    };
    let (start, len, across) = if vertical {
        (r.x, r.w, r.h)
    } else {
        (r.y, r.h, r.w)
    };
    let ends = |c: i32| {
        if vertical {
            [Point::new(c, r.y - 1), Point::new(c, r.y + r.h)]
        } else {
            [Point::new(r.x - 1, c), Point::new(r.x + r.w, c)]
        }
    };
    let candidates: Vec<i32> = (start + p.min_room..start + len - p.min_room)
        .filter(|&c| ends(c).iter().all(|e| !doors.contains(e)))
        .collect();
    let Some(&c) = rng.pick(&candidates) else {
        rooms.push(r);
        return;
    };
    let door_at = rng.range(0, across - 1);
    for i in 0..across {
        let q = if vertical {
            Point::new(c, r.y + i)
        } else {
            Point::new(r.x + i, c)
        };
        tiles.set(q, if i == door_at { Tile::Door } else { Tile::Wall });
        if i == door_at {
            doors.push(q);
        }
    }
    let (a, b) = if vertical {
        (
            Rect::new(r.x, r.y, c - r.x, r.h),
            Rect::new(c + 1, r.y, r.x + r.w - c - 1, r.h),
        )
    } else {
        (
            Rect::new(r.x, r.y, r.w, c - r.y),
            Rect::new(r.x, c + 1, r.w, r.y + r.h - c - 1),
        )
    };
    split(tiles, a, p, rng, doors, rooms);
    split(tiles, b, p, rng, doors, rooms);
}

/// Turns one wall tile of a building into a secret door: a tile between
/// two open tiles (across a wall, straight through) with wall on its other
/// two sides and no door round it.
fn secret_door(tiles: &mut Grid<Tile>, block: Rect, rng: &mut Stream) {
    let is = |q: Point, t: Tile| tiles.get(q) == Some(&t);
    let open = |q: Point| tiles.get(q).is_some_and(|t| t.is_walkable());
    let spots: Vec<Point> = block
        .points()
        .filter(|&q| is(q, Tile::Wall))
        .filter(|&q| {
            let [n, e, s, w] =
                [(0, -1), (1, 0), (0, 1), (-1, 0)].map(|(dx, dy)| Point::new(q.x + dx, q.y + dy));
            let through = (open(n) && open(s) && is(e, Tile::Wall) && is(w, Tile::Wall))
                || (open(e) && open(w) && is(n, Tile::Wall) && is(s, Tile::Wall));
            let by_door = (-1..=1)
                .flat_map(|dy| (-1..=1).map(move |dx| Point::new(q.x + dx, q.y + dy)))
                .any(|r| is(r, Tile::Door) || is(r, Tile::SecretDoor));
            through && !by_door
        })
        .collect();
    if let Some(&q) = rng.pick(&spots) {
        tiles.set(q, Tile::SecretDoor);
    }
}

/// Plants a park on a block: trees round its edge and a few on the grass,
/// and a clear lawn in the middle (the room returned, when the block is
/// large enough for one).
fn park(tiles: &mut Grid<Tile>, block: Rect, rng: &mut Stream) -> Option<Rect> {
    let lawn = (block.w >= 7 && block.h >= 7)
        .then(|| Rect::new(block.x + 2, block.y + 2, block.w - 4, block.h - 4));
    for q in block.points() {
        if lawn.is_some_and(|l| l.contains(q)) {
            continue;
        }
        let edge = q.x == block.x
            || q.y == block.y
            || q.x == block.x + block.w - 1
            || q.y == block.y + block.h - 1;
        if rng.percent(if edge { 45 } else { 15 }) {
            tiles.set(q, Tile::Tree);
        }
    }
    lawn
}

#[cfg(test)]
mod tests {
    use super::super::{
        assert_deterministic, assert_doors_lead_through, assert_weird_inputs_survive, count,
        sound_from,
    };
    use super::*;

    const TILES: [Tile; 5] = [
        Tile::Wall,
        Tile::Floor,
        Tile::Door,
        Tile::SecretDoor,
        Tile::Tree,
    ];

    fn city(seed: u64, w: i32, h: i32, p: &CityParams) -> Layout {
        sound_from(seed, &TILES, |rng| generate(w, h, p, rng))
    }

    #[test]
    fn default_cities_keep_every_guarantee() {
        let (mut secret, mut trees) = (0, 0);
        for seed in 0..100 {
            let l = city(seed, 80, 45, &CityParams::default());
            assert!(l.rooms.len() >= 8, "seed {seed}: {} rooms", l.rooms.len());
            assert!(count(&l, Tile::Door) >= 8, "seed {seed}: few doors");
            secret += count(&l, Tile::SecretDoor);
            trees += count(&l, Tile::Tree);
        }
        assert!(secret >= 100, "only {secret} secret doors");
        assert!(trees >= 500, "only {trees} trees");
    }

    #[test]
    fn every_door_opens_onto_floor_on_both_sides() {
        for seed in 0..50 {
            let l = city(seed, 80, 45, &CityParams::default());
            assert_doors_lead_through(&l, &format!("seed {seed}"));
        }
    }

    #[test]
    fn secret_doors_are_never_the_only_way() {
        for seed in 0..50 {
            let mut l = city(seed, 80, 45, &CityParams::default());
            for c in l.tiles.cells_mut() {
                if *c == Tile::SecretDoor {
                    *c = Tile::Wall;
                }
            }
            assert!(super::super::is_connected(&l.tiles), "seed {seed}");
        }
    }

    #[test]
    fn blocks_follow_the_params() {
        let all_plazas = CityParams {
            building_percent: 0,
            park_percent: 0,
            ..CityParams::default()
        };
        let l = city(3, 80, 45, &all_plazas);
        assert_eq!(count(&l, Tile::Door), 0);
        assert_eq!(count(&l, Tile::Wall), 2 * 80 + 2 * 43, "only the ring");
        let all_buildings = CityParams {
            building_percent: 100,
            ..CityParams::default()
        };
        let l = city(3, 80, 45, &all_buildings);
        assert_eq!(count(&l, Tile::Tree), 0);
        assert!(l.rooms.iter().all(|r| r.w >= 3 && r.h >= 3));
    }

    #[test]
    fn same_seed_same_city_and_seeds_differ() {
        let p = CityParams::default();
        assert_deterministic(100, |seed| city(seed, 80, 45, &p));
    }

    #[test]
    fn weird_params_and_sizes_do_not_panic() {
        let tweaks: [fn(&mut CityParams); 5] = [
            |_| {},
            |p| (p.block_size, p.street_width, p.min_room, p.max_room) = (0, 0, 0, 0),
            |p| {
                (p.block_size, p.street_width, p.min_room, p.max_room) =
                    (i32::MIN, i32::MIN, i32::MIN, i32::MIN)
            },
            |p| {
                (p.block_size, p.street_width, p.min_room, p.max_room) =
                    (i32::MAX, i32::MAX, i32::MAX, i32::MAX)
            },
            |p| {
                (p.building_percent, p.park_percent, p.secret_door_percent) =
                    (u32::MAX, u32::MAX, u32::MAX)
            },
        ];
        assert_weird_inputs_survive(&tweaks, city);
    }

    #[test]
    fn params_read_from_ron_with_defaults_and_reject_typos() {
        let p: CityParams = ron::from_str("(block_size: 10, street_width: 3)").expect("parses");
        assert_eq!(
            p,
            CityParams {
                block_size: 10,
                street_width: 3,
                ..CityParams::default()
            }
        );
        assert!(ron::from_str::<CityParams>("(blocks: 3)").is_err());
        assert_eq!(CityParams::default().clamped(), CityParams::default());
    }
}

//! Rooms-and-corridors levels by binary space partition.
//!
//! The map is cut recursively into leaves and each leaf gets one room kept a
//! tile away from the leaf's edges, so rooms never overlap, never touch one
//! another and never touch the map border. The two halves of every cut are
//! joined by an L-shaped corridor between their closest rooms, which makes the
//! whole level one connected piece; a few extra corridors between nearby rooms
//! add loops, and some corridor mouths get doors.

use serde::{Deserialize, Serialize};

use super::{Layout, Rect, clamp_size};
use crate::procgen::seed::Stream;
use crate::sim::algo::grid::{Grid, Point};
use crate::sim::tile::Tile;

/// How a BSP level is cut and furnished. Missing fields take their defaults;
/// out-of-range values are clamped as documented (see [`BspParams::clamped`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct BspParams {
    /// Smallest side of a leaf, its wall margin included: a leaf is cut only
    /// where both halves keep at least this much. Clamped to `3..=256`.
    pub min_leaf: i32,
    /// Leaves with a side longer than this are cut further (when they can
    /// be); smaller ones become rooms. Lower means more, smaller rooms.
    /// Clamped to `min_leaf..=1024`.
    pub max_leaf: i32,
    /// Smallest room side in tiles (interior floor). Clamped to `1..=256`;
    /// a leaf too small for it gets the largest room that fits.
    pub min_room: i32,
    /// Largest room side in tiles. Clamped to `min_room..=256`.
    pub max_room: i32,
    /// Chance (percent, `0..=100`) that a corridor mouth next to a room
    /// becomes a door.
    pub door_percent: u32,
    /// Chance (percent, `0..=100`) per room of an extra corridor to a nearby
    /// room, making loops.
    pub extra_corridor_percent: u32,
}

impl Default for BspParams {
    /// Tuned for an 80x45 level: usually 10 to 20 rooms, never fewer than 7
    /// (every leaf ends at most 24x24).
    fn default() -> Self {
        Self {
            min_leaf: 8,
            max_leaf: 24,
            min_room: 4,
            max_room: 12,
            door_percent: 60,
            extra_corridor_percent: 15,
        }
    }
}

impl BspParams {
    /// The parameters actually used: every field clamped to its range.
    pub fn clamped(&self) -> Self {
        let min_leaf = self.min_leaf.clamp(3, 256);
        let min_room = self.min_room.clamp(1, 256);
        Self {
            min_leaf,
            max_leaf: self.max_leaf.clamp(min_leaf, 1024),
            min_room,
            max_room: self.max_room.clamp(min_room, 256),
            door_percent: self.door_percent.min(100),
            extra_corridor_percent: self.extra_corridor_percent.min(100),
        }
    }
}

/// Builds a `width` x `height` rooms-and-corridors level (sizes clamped to
/// `0..=MAX_SIDE`). The rooms are listed in partition order; a map smaller
/// than 3x3 has no room and is all wall.
pub fn generate(width: i32, height: i32, params: &BspParams, rng: &mut Stream) -> Layout {
    let (width, height) = clamp_size(width, height);
    let p = params.clamped();
    let mut tiles = Grid::new(width, height, Tile::Wall);

    let mut leaves = Vec::new();
    let mut joins = Vec::new();
    partition(
        Rect::new(0, 0, width, height),
        &p,
        rng,
        &mut leaves,
        &mut joins,
    );

    let slots: Vec<Option<Rect>> = leaves
        .iter()
        .map(|&leaf| place_room(leaf, &p, rng))
        .collect();
    let mut in_room = Grid::new(width, height, false);
    for room in slots.iter().flatten() {
        for q in room.points() {
            tiles.set(q, Tile::Floor);
            in_room.set(q, true);
        }
    }

    // Join the two halves of every cut, children before parents.
    for &(start, mid, end) in &joins {
        let left: Vec<Rect> = slots[start..mid].iter().flatten().copied().collect();
        let right: Vec<Rect> = slots[mid..end].iter().flatten().copied().collect();
        let Some(&probe) = rng.pick(&right) else {
            continue;
        };
        let Some(a) = closest(&left, probe.center()) else {
            continue;
        };
        let b = closest(&right, a.center()).unwrap_or(probe);
        carve_l(&mut tiles, a.center(), b.center(), rng);
    }

    // Loops: each room may also reach a nearby room a few leaves further on.
    let rooms: Vec<Rect> = slots.into_iter().flatten().collect();
    for (i, room) in rooms.iter().enumerate() {
        if rng.percent(p.extra_corridor_percent) {
            let window = rooms.get(i + 2..rooms.len().min(i + 7)).unwrap_or(&[]);
            if let Some(other) = closest(window, room.center()) {
                carve_l(&mut tiles, room.center(), other.center(), rng);
            }
        }
    }

    place_doors(&mut tiles, &in_room, p.door_percent, rng);
    Layout { tiles, rooms }
}

/// Cuts `rect` recursively, pushing leaves in depth-first order and, for
/// every cut, `(first leaf, first leaf of the second half, end)`. Each cut
/// shortens a side by at least `min_leaf >= 3`, so the depth stays below
/// `2 * MAX_SIDE / 3`.
fn partition(
    rect: Rect,
    p: &BspParams,
    rng: &mut Stream,
    leaves: &mut Vec<Rect>,
    joins: &mut Vec<(usize, usize, usize)>,
) {
    let Some((a, b)) = cut(rect, p, rng) else {
        leaves.push(rect);
        return;
    };
    let start = leaves.len();
    partition(a, p, rng, leaves, joins);
    let mid = leaves.len();
    partition(b, p, rng, leaves, joins);
    joins.push((start, mid, leaves.len()));
}

/// Splits an oversized leaf across one of its oversized sides, or `None`
/// when it should stay a leaf.
fn cut(r: Rect, p: &BspParams, rng: &mut Stream) -> Option<(Rect, Rect)> {
    let across_x = r.w > p.max_leaf && r.w >= 2 * p.min_leaf;
    let across_y = r.h > p.max_leaf && r.h >= 2 * p.min_leaf;
    let vertical = match (across_x, across_y) {
        (false, false) => return None,
        (true, false) => true,
        (false, true) => false,
        // Cut the clearly longer side; toss a coin for squarish leaves.
        (true, true) if r.w > r.h + r.h / 4 => true,
        (true, true) if r.h > r.w + r.w / 4 => false,
        (true, true) => rng.percent(50),
    };
    if vertical {
        let at = rng.range(p.min_leaf, r.w - p.min_leaf);
        Some((
            Rect::new(r.x, r.y, at, r.h),
            Rect::new(r.x + at, r.y, r.w - at, r.h),
        ))
    } else {
        let at = rng.range(p.min_leaf, r.h - p.min_leaf);
        Some((
            Rect::new(r.x, r.y, r.w, at),
            Rect::new(r.x, r.y + at, r.w, r.h - at),
        ))
    }
}

/// A random room strictly inside `leaf` (one wall tile of margin on every
/// side), or `None` when the leaf is too thin to hold one.
fn place_room(leaf: Rect, p: &BspParams, rng: &mut Stream) -> Option<Rect> {
    let (cap_w, cap_h) = (leaf.w - 2, leaf.h - 2);
    if cap_w < 1 || cap_h < 1 {
        return None;
    }
    let w = rng.range(p.min_room.min(cap_w), p.max_room.min(cap_w));
    let h = rng.range(p.min_room.min(cap_h), p.max_room.min(cap_h));
    let x = rng.range(leaf.x + 1, leaf.x + leaf.w - 1 - w);
    let y = rng.range(leaf.y + 1, leaf.y + leaf.h - 1 - h);
    Some(Rect::new(x, y, w, h))
}

/// The room whose center is nearest `to` (Manhattan; first wins ties).
fn closest(rooms: &[Rect], to: Point) -> Option<Rect> {
    rooms.iter().copied().min_by_key(|r| {
        let c = r.center();
        (c.x - to.x).abs() + (c.y - to.y).abs()
    })
}

/// Carves an L-shaped corridor from `a` to `b`, bending at a random corner.
/// Both ends are inside rooms, so the corridor stays off the border.
fn carve_l(tiles: &mut Grid<Tile>, a: Point, b: Point, rng: &mut Stream) {
    let corner = if rng.percent(50) {
        Point::new(b.x, a.y)
    } else {
        Point::new(a.x, b.y)
    };
    for (from, to) in [(a, corner), (corner, b)] {
        let (dx, dy) = ((to.x - from.x).signum(), (to.y - from.y).signum());
        let mut q = from;
        loop {
            if tiles.get(q) == Some(&Tile::Wall) {
                tiles.set(q, Tile::Floor);
            }
            if q == to {
                break;
            }
            q = Point::new(q.x + dx, q.y + dy);
        }
    }
}

/// Turns some corridor mouths into doors: floor tiles outside every room,
/// next to a room, with walls on both sides across the way through, and no
/// door beside them already.
fn place_doors(tiles: &mut Grid<Tile>, in_room: &Grid<bool>, percent: u32, rng: &mut Stream) {
    if percent == 0 {
        return;
    }
    let wall = |t: &Grid<Tile>, q: Point| t.get(q).is_none_or(|&x| x == Tile::Wall);
    let walk = |t: &Grid<Tile>, q: Point| t.get(q).is_some_and(|x| x.is_walkable());
    for q in tiles.points() {
        if tiles.get(q) != Some(&Tile::Floor) || in_room.get(q) == Some(&true) {
            continue;
        }
        let [n, e, s, w] =
            [(0, -1), (1, 0), (0, 1), (-1, 0)].map(|(dx, dy)| Point::new(q.x + dx, q.y + dy));
        let by_room = [n, e, s, w].iter().any(|&r| in_room.get(r) == Some(&true));
        let by_door = [n, e, s, w]
            .iter()
            .any(|&r| tiles.get(r) == Some(&Tile::Door));
        let through_ns = wall(tiles, e) && wall(tiles, w) && walk(tiles, n) && walk(tiles, s);
        let through_ew = wall(tiles, n) && wall(tiles, s) && walk(tiles, e) && walk(tiles, w);
        if by_room && !by_door && (through_ns || through_ew) && rng.percent(percent) {
            tiles.set(q, Tile::Door);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{assert_deterministic, assert_weird_inputs_survive, sound_from};
    use super::*;

    fn level(seed: u64, w: i32, h: i32, p: &BspParams) -> Layout {
        sound_from(seed, &[Tile::Wall, Tile::Floor, Tile::Door], |rng| {
            generate(w, h, p, rng)
        })
    }

    #[test]
    fn default_levels_keep_every_guarantee() {
        for seed in 0..200 {
            let l = level(seed, 80, 45, &BspParams::default());
            assert!(l.rooms.len() >= 6, "seed {seed}: {} rooms", l.rooms.len());
        }
    }

    #[test]
    fn same_seed_same_layout_and_seeds_differ() {
        let p = BspParams::default();
        assert_deterministic(200, |seed| level(seed, 80, 45, &p));
    }

    #[test]
    fn doors_and_loops_follow_their_percentages() {
        let none = BspParams {
            door_percent: 0,
            extra_corridor_percent: 0,
            ..BspParams::default()
        };
        let all = BspParams {
            door_percent: 100,
            extra_corridor_percent: 100,
            ..none.clone()
        };
        let open = |l: &Layout| l.tiles.cells().iter().filter(|t| t.is_walkable()).count();
        let (mut doors, mut looped) = (0, 0);
        for seed in 0..50 {
            let (a, b) = (level(seed, 80, 45, &none), level(seed, 80, 45, &all));
            assert!(!a.tiles.cells().contains(&Tile::Door));
            doors += b.tiles.cells().iter().filter(|&&t| t == Tile::Door).count();
            looped += usize::from(open(&b) > open(&a));
        }
        assert!(doors >= 50, "only {doors} doors");
        assert!(looped >= 40, "loops added floor on only {looped} seeds");
    }

    #[test]
    fn weird_params_and_sizes_do_not_panic() {
        let tweaks: [fn(&mut BspParams); 7] = [
            |_| {},
            |p| (p.min_leaf, p.max_leaf, p.min_room, p.max_room) = (0, 0, 0, 0),
            |p| (p.min_leaf, p.max_leaf, p.min_room, p.max_room) = (-7, i32::MIN, i32::MIN, -1),
            |p| {
                (p.min_leaf, p.max_leaf, p.min_room, p.max_room) =
                    (i32::MAX, i32::MAX, i32::MAX, i32::MAX)
            },
            |p| (p.min_room, p.max_room, p.door_percent) = (30, 2, u32::MAX),
            |p| {
                (p.min_leaf, p.max_leaf, p.max_room, p.extra_corridor_percent) = (3, 3, 1, u32::MAX)
            },
            |p| (p.min_leaf, p.max_leaf) = (40, 10),
        ];
        assert_weird_inputs_survive(&tweaks, level);
        let tiny = level(1, 3, 3, &BspParams::default());
        assert_eq!(tiny.rooms, vec![Rect::new(1, 1, 1, 1)]);
    }

    #[test]
    fn params_read_from_ron_with_defaults_and_reject_typos() {
        let p: BspParams = ron::from_str("(min_leaf: 6, door_percent: 10)").expect("parses");
        assert_eq!(
            p,
            BspParams {
                min_leaf: 6,
                door_percent: 10,
                ..BspParams::default()
            }
        );
        assert!(ron::from_str::<BspParams>("(min_leef: 6)").is_err());
        assert_eq!(BspParams::default().clamped(), BspParams::default());
    }
}

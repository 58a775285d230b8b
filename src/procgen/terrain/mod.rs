//! Terrain generators: the shapes of a level before anything is put in it.
//!
//! Each generator turns a size, its parameters and one random [`Stream`]
//! into a [`Layout`]: walls, floors and (for rooms) doors, plus the rooms it
//! carved. Every generator guarantees the same things, which the rest of
//! procgen relies on:
//! - the outermost ring of tiles is wall;
//! - the walkable tiles form one 4-connected piece ([`is_connected`]);
//! - the same stream state gives the same layout, on every machine;
//! - no parameters a modder can write make it panic or run forever: silly
//!   values are clamped, and sizes are clamped to `0..=`[`MAX_SIDE`].
//!
//! [`Stream`]: crate::procgen::seed::Stream

pub mod bsp;
pub mod caverns;
pub mod cellular;
pub mod city;
pub mod composite;
pub mod forest;
pub mod maze;
mod poisson;

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use serde::{Deserialize, Serialize};

use crate::sim::algo::grid::{Grid, Point};
use crate::sim::tile::Tile;

/// The largest width or height a generator builds; larger (and negative)
/// requests are clamped so a typo in a level schema cannot exhaust memory.
pub const MAX_SIDE: i32 = 1024;

/// An axis-aligned rectangle of tiles (x, y = top-left; w, h >= 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rect {
    pub x: i32,
    pub y: i32,
    pub w: i32,
    pub h: i32,
}

impl Rect {
    /// The rectangle with top-left tile (x, y), `w` tiles wide and `h` tall.
    pub const fn new(x: i32, y: i32, w: i32, h: i32) -> Self {
        Self { x, y, w, h }
    }

    /// The middle tile (rounded towards the bottom-right); always inside a
    /// non-empty rectangle.
    pub const fn center(&self) -> Point {
        Point::new(self.x + self.w / 2, self.y + self.h / 2)
    }

    /// Whether the tile `p` lies inside.
    pub const fn contains(&self, p: Point) -> bool {
        p.x >= self.x && p.y >= self.y && p.x < self.x + self.w && p.y < self.y + self.h
    }

    /// Whether the two rectangles share at least one tile.
    pub const fn intersects(&self, other: &Rect) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + self.h
    }

    /// The number of tiles (0 for a degenerate rectangle).
    pub const fn area(&self) -> i32 {
        if self.w <= 0 || self.h <= 0 {
            0
        } else {
            self.w * self.h
        }
    }

    /// Every tile inside, row by row.
    pub fn points(&self) -> impl Iterator<Item = Point> + use<> {
        let Rect { x, y, w, h } = *self;
        (y..y + h.max(0)).flat_map(move |py| (x..x + w.max(0)).map(move |px| Point::new(px, py)))
    }
}

/// What a generator returns: the tiles and the rooms it carved (empty for
/// caves that have no natural chambers). Every room is all floor.
#[derive(Clone, Debug)]
pub struct Layout {
    pub tiles: Grid<Tile>,
    pub rooms: Vec<Rect>,
}

/// True when every walkable tile is reachable from every other with 4-way
/// steps (also true when there is no walkable tile at all).
pub fn is_connected(tiles: &Grid<Tile>) -> bool {
    let cells = tiles.cells();
    let w = tiles.width() as usize;
    let Some(start) = cells.iter().position(|t| t.is_walkable()) else {
        return true;
    };
    let total = cells.iter().filter(|t| t.is_walkable()).count();
    let mut seen = vec![false; cells.len()];
    seen[start] = true;
    let mut stack = vec![start];
    let mut reached = 0;
    while let Some(i) = stack.pop() {
        reached += 1;
        let x = i % w;
        let neighbours = [
            (x > 0).then(|| i - 1),
            (x + 1 < w).then(|| i + 1),
            i.checked_sub(w),
            Some(i + w).filter(|&j| j < cells.len()),
        ];
        for j in neighbours.into_iter().flatten() {
            if !seen[j] && cells[j].is_walkable() {
                seen[j] = true;
                stack.push(j);
            }
        }
    }
    reached == total
}

/// The 4-connected pieces of a grid's open tiles (row by row, `w` wide).
pub(super) struct Regions {
    /// Per tile, its piece (0: not open).
    pub label: Vec<u32>,
    /// Per piece, its size in tiles (index 0 unused).
    pub sizes: Vec<usize>,
}

impl Regions {
    /// Labels the pieces in tile order with a depth-first fill, so the same
    /// grid always gets the same labels.
    pub fn label(w: usize, h: usize, open: impl Fn(usize) -> bool) -> Self {
        let n = w * h;
        let mut label = vec![0u32; n];
        let mut sizes = vec![0usize];
        let mut stack = Vec::new();
        for start in 0..n {
            if !open(start) || label[start] != 0 {
                continue;
            }
            let id = sizes.len() as u32;
            sizes.push(0);
            label[start] = id;
            stack.push(start);
            while let Some(i) = stack.pop() {
                sizes[id as usize] += 1;
                for j in neighbours(i, w, h) {
                    if open(j) && label[j] == 0 {
                        label[j] = id;
                        stack.push(j);
                    }
                }
            }
        }
        Self { label, sizes }
    }

    /// The largest piece; the first one found wins ties.
    pub fn largest(sizes: &[usize]) -> Option<usize> {
        (1..sizes.len()).rev().max_by_key(|&r| sizes[r])
    }
}

/// The 4-neighbours of tile `i` that lie on a `w` x `h` grid, in the order
/// left, right, up, down.
fn neighbours(i: usize, w: usize, h: usize) -> impl Iterator<Item = usize> {
    let (x, y) = (i % w, i / w);
    [
        (x > 0).then(|| i - 1),
        (x + 1 < w).then(|| i + 1),
        (y > 0).then(|| i - w),
        (y + 1 < h).then(|| i + w),
    ]
    .into_iter()
    .flatten()
}

/// Makes the walkable tiles one 4-connected piece by opening the cheapest
/// way from every cut-off part to the largest one: on the way, deep water
/// becomes bridge and any other blocking tile (tree, wall...) becomes floor.
/// Trees cost least to open, then walls, then water. Only interior tiles are
/// opened, so the outer ring is kept. Does nothing when already connected.
fn join_walkable(tiles: &mut Grid<Tile>) {
    let (w, h) = (tiles.width() as usize, tiles.height() as usize);
    if w < 3 || h < 3 {
        return;
    }
    let n = w * h;
    let walk: Vec<bool> = tiles.cells().iter().map(|t| t.is_walkable()).collect();
    // Label the pieces (0: not walkable) and find the largest.
    let Regions { label, sizes } = Regions::label(w, h, |i| walk[i]);
    if sizes.len() <= 2 {
        return;
    }
    let main = Regions::largest(&sizes).unwrap_or(1) as u32;
    let around = |i: usize| neighbours(i, w, h);

    // Cheapest paths over the interior from the main piece (Dijkstra; ties
    // broken by tile index, so the result is the same everywhere).
    let cost = |t: Tile| match t {
        t if t.is_walkable() => 0,
        Tile::Tree => 1,
        Tile::Wall => 2,
        _ => 3,
    };
    let interior = |i: usize| {
        let (x, y) = (i % w, i / w);
        x > 0 && y > 0 && x + 1 < w && y + 1 < h
    };
    let mut dist = vec![u32::MAX; n];
    let mut parent = vec![usize::MAX; n];
    let mut heap = BinaryHeap::new();
    for i in (0..n).filter(|&i| label[i] == main) {
        dist[i] = 0;
        heap.push(Reverse((0u32, i)));
    }
    while let Some(Reverse((d, i))) = heap.pop() {
        if d > dist[i] {
            continue;
        }
        for j in around(i) {
            let nd = d + cost(tiles.cells()[j]);
            if interior(j) && nd < dist[j] {
                dist[j] = nd;
                parent[j] = i;
                heap.push(Reverse((nd, j)));
            }
        }
    }
    // Each other piece opens the way from its tile nearest the main one.
    let mut nearest = vec![usize::MAX; sizes.len()];
    for (i, &l) in label.iter().enumerate() {
        let best = &mut nearest[l as usize];
        if l != 0 && l != main && (*best == usize::MAX || dist[i] < dist[*best]) {
            *best = i;
        }
    }
    for mut i in nearest.into_iter().filter(|&i| i != usize::MAX) {
        while i != usize::MAX && dist[i] > 0 {
            let t = &mut tiles.cells_mut()[i];
            if !t.is_walkable() {
                *t = if *t == Tile::DeepWater {
                    Tile::Bridge
                } else {
                    Tile::Floor
                };
            }
            i = parent[i];
        }
    }
}

/// The all-wall grid a generator starts from, its size clamped to
/// `0..=MAX_SIDE`; or, for a map under 3x3 with no interior to build in,
/// `Err` with the finished (all-wall, roomless) layout.
fn walled(width: i32, height: i32) -> Result<Grid<Tile>, Layout> {
    let (width, height) = clamp_size(width, height);
    let tiles = Grid::new(width, height, Tile::Wall);
    if width < 3 || height < 3 {
        return Err(Layout {
            tiles,
            rooms: Vec::new(),
        });
    }
    Ok(tiles)
}

/// Clamps a requested map size to `0..=MAX_SIDE` on each axis.
fn clamp_size(width: i32, height: i32) -> (i32, i32) {
    (width.clamp(0, MAX_SIDE), height.clamp(0, MAX_SIDE))
}

/// Up to `max` of the largest all-floor squares with sides of at least
/// `min_side`, largest first (the top-left one wins ties), each kept a tile
/// apart from the others: cheap "natural rooms" for open terrain.
fn open_squares(tiles: &Grid<Tile>, max: usize, min_side: i32) -> Vec<Rect> {
    let (w, h) = (tiles.width() as usize, tiles.height() as usize);
    let mut blocked: Vec<bool> = tiles.cells().iter().map(|&t| t != Tile::Floor).collect();
    let mut side = vec![0i32; blocked.len()];
    let mut found = Vec::new();
    while found.len() < max {
        // side[i]: the largest open square whose bottom-right tile is i.
        let (mut best, mut at) = (0, 0);
        for i in 0..blocked.len() {
            side[i] = match (blocked[i], i % w == 0 || i < w) {
                (true, _) => 0,
                (false, true) => 1,
                (false, false) => 1 + side[i - 1].min(side[i - w]).min(side[i - w - 1]),
            };
            if side[i] > best {
                (best, at) = (side[i], i);
            }
        }
        if best == 0 || best < min_side {
            break;
        }
        let s = best as usize;
        let (x0, y0) = (at % w + 1 - s, at / w + 1 - s);
        found.push(Rect::new(x0 as i32, y0 as i32, best, best));
        for y in y0.saturating_sub(1)..(y0 + s + 1).min(h) {
            blocked[y * w + x0.saturating_sub(1)..y * w + (x0 + s + 1).min(w)].fill(true);
        }
    }
    found
}

/// Test helper: asserts the guarantees every generator gives, allowing only
/// the tile kinds in `allowed`.
#[cfg(test)]
fn assert_sound(l: &Layout, allowed: &[Tile]) {
    let t = &l.tiles;
    let (w, h) = (t.width(), t.height());
    for (p, &tile) in t.points().zip(t.cells()) {
        assert!(allowed.contains(&tile), "{tile:?} at {p:?}");
        let border = p.x == 0 || p.y == 0 || p.x == w - 1 || p.y == h - 1;
        assert!(!border || tile == Tile::Wall, "open border at {p:?}");
    }
    assert!(is_connected(t), "walkable tiles are not connected");
    for (i, a) in l.rooms.iter().enumerate() {
        let all_floor = a.points().all(|q| t.get(q) == Some(&Tile::Floor));
        assert!(a.area() > 0 && all_floor, "room {a:?} is not all floor");
        let halo = Rect::new(a.x - 1, a.y - 1, a.w + 2, a.h + 2);
        assert!(
            l.rooms[i + 1..].iter().all(|b| !halo.intersects(b)),
            "{a:?} touches a room"
        );
    }
}

/// Test helper: the layout `make` builds from the test stream of `seed`,
/// checked with [`assert_sound`] against the tile kinds in `allowed`.
#[cfg(test)]
fn sound_from(
    seed: u64,
    allowed: &[Tile],
    make: impl FnOnce(&mut crate::procgen::seed::Stream) -> Layout,
) -> Layout {
    let l = make(&mut crate::procgen::seed::Stream::new(seed, 0x1234, &[]));
    assert_sound(&l, allowed);
    l
}

/// Test helper: how many tiles of kind `t` a layout has.
#[cfg(test)]
fn count(l: &Layout, t: Tile) -> usize {
    l.tiles.cells().iter().filter(|&&c| c == t).count()
}

/// Test helper: each of `tweaks` applied to the default parameters, at every
/// one of [`WEIRD_SIZES`], gives a layout of the clamped size (and whatever
/// else `make` asserts) without panicking.
#[cfg(test)]
fn assert_weird_inputs_survive<P: Default>(
    tweaks: &[fn(&mut P)],
    make: impl Fn(u64, i32, i32, &P) -> Layout,
) {
    for (k, tweak) in tweaks.iter().enumerate() {
        let mut p = P::default();
        tweak(&mut p);
        for (w, h) in WEIRD_SIZES {
            let l = make(k as u64, w, h, &p);
            let size = (w.clamp(0, MAX_SIDE), h.clamp(0, MAX_SIDE));
            assert_eq!((l.tiles.width(), l.tiles.height()), size, "tweak {k}");
        }
    }
}

/// Test helper: every door, secret or not, has walkable ground on both
/// sides of it along one axis, so it leads somewhere.
#[cfg(test)]
fn assert_doors_lead_through(l: &Layout, at: &str) {
    let open = |q: Point| l.tiles.get(q).is_some_and(|t| t.is_walkable());
    for q in l.tiles.points() {
        if matches!(l.tiles.get(q), Some(Tile::Door | Tile::SecretDoor)) {
            let ns = open(Point::new(q.x, q.y - 1)) && open(Point::new(q.x, q.y + 1));
            let ew = open(Point::new(q.x - 1, q.y)) && open(Point::new(q.x + 1, q.y));
            assert!(ns || ew, "{at}: the door at {q:?} is blocked");
        }
    }
}

/// Test helper: the same seed gives the same layout (tiles and rooms), and
/// each of seeds `0..seeds` gives a different map from the one before.
#[cfg(test)]
fn assert_deterministic(seeds: u64, make: impl Fn(u64) -> Layout) {
    let mut prev = make(seeds);
    for seed in 0..seeds {
        let (a, b) = (make(seed), make(seed));
        assert_eq!((&a.tiles, &a.rooms), (&b.tiles, &b.rooms), "seed {seed}");
        assert_ne!(a.tiles, prev.tiles, "seed {seed} repeats the previous one");
        prev = a;
    }
}

/// Test sizes no generator may panic on (clamped: negative to 0, huge to 1024).
#[cfg(test)]
const WEIRD_SIZES: [(i32, i32); 10] = [
    (0, 0),
    (1, 1),
    (2, 2),
    (3, 3),
    (4, 7),
    (5, 2),
    (-1, -9),
    (80, 45),
    (300, 300),
    (i32::MAX, 6),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rect_geometry() {
        let r = Rect::new(2, 3, 4, 5);
        assert_eq!(r.area(), 20);
        assert_eq!(r.center(), Point::new(4, 5));
        assert!(r.contains(Point::new(2, 3)));
        assert!(r.contains(Point::new(5, 7)));
        assert!(!r.contains(Point::new(6, 7)));
        assert!(!r.contains(Point::new(5, 8)));
        let pts: Vec<Point> = r.points().collect();
        assert_eq!(pts.len(), 20);
        assert!(pts.iter().all(|&p| r.contains(p)));
        assert!(r.intersects(&Rect::new(5, 7, 1, 1)));
        assert!(!r.intersects(&Rect::new(6, 3, 3, 3)));
        assert!(!r.intersects(&Rect::new(2, 8, 3, 3)));
        assert_eq!(Rect::new(0, 0, -3, 2).area(), 0);
        assert_eq!(Rect::new(0, 0, -3, 2).points().count(), 0);
    }

    #[test]
    fn connectivity_is_four_way() {
        let mut g = Grid::new(5, 5, Tile::Wall);
        assert!(is_connected(&g));
        g.set(Point::new(1, 1), Tile::Floor);
        g.set(Point::new(2, 2), Tile::Door);
        assert!(!is_connected(&g), "diagonal steps do not count");
        g.set(Point::new(2, 1), Tile::Floor);
        assert!(is_connected(&g));
        g.set(Point::new(4, 4), Tile::Floor);
        assert!(!is_connected(&g));
        assert!(is_connected(&Grid::new(0, 0, Tile::Wall)));
    }

    #[test]
    fn open_squares_are_largest_first_and_apart() {
        let mut g = Grid::new(12, 8, Tile::Wall);
        for p in Rect::new(1, 1, 10, 6).points() {
            g.set(p, Tile::Floor);
        }
        let found = open_squares(&g, 5, 2);
        assert_eq!(
            found,
            vec![
                Rect::new(1, 1, 6, 6),
                Rect::new(8, 1, 3, 3),
                Rect::new(8, 5, 2, 2)
            ]
        );
        assert_eq!(open_squares(&g, 1, 7), vec![]);
        assert_eq!(open_squares(&Grid::new(0, 0, Tile::Floor), 3, 1), vec![]);
    }

    #[test]
    fn sizes_are_clamped() {
        assert_eq!(clamp_size(-5, 80), (0, 80));
        assert_eq!(clamp_size(i32::MAX, i32::MIN), (MAX_SIDE, 0));
    }
}

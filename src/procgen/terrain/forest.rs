//! Outdoor woods: open ground, trees, clearings and a river.
//!
//! Inside the wall ring the ground starts open. A river of deep water with
//! shallow banks meanders across the map from one edge to the opposite one,
//! with bridges over it. Round clearings are opened where there is room,
//! away from the water and from one another; their largest inscribed
//! squares are the rooms. Trees are then spread by Poisson-disc sampling,
//! so they are evenly but randomly spaced, never in a clearing or at a
//! bridge head. Trees two or more tiles apart never touch, so they hardly
//! ever close a path; still, the map is checked and any cut-off part is
//! joined to the rest (felling trees, bridging water), which thickets of
//! touching trees (spacing 1) do need.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use super::{Layout, Rect, join_walkable, poisson, walled};
use crate::procgen::seed::Stream;
use crate::sim::algo::grid::{Grid, Point};
use crate::sim::tile::Tile;

/// The fewest clearings a forest tries to have: one per role a level hands
/// out (spawn, exit, boss, treasure).
const MIN_CLEARINGS: u32 = 4;

/// How a forest grows. Missing fields take their defaults; out-of-range
/// values are clamped as documented (see [`ForestParams::clamped`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ForestParams {
    /// Least distance between two trees in tiles (the Poisson-disc
    /// spacing). Clamped to `1..=16`. From 2 up trees never touch, even
    /// diagonally (at 2 about one tile in six holds a tree); at 1 any tile
    /// may, so trees clump into thickets and paths are felled through
    /// where they would wall ground off.
    pub tree_spacing: i32,
    /// Share (percent, `0..=100`) of the evenly spread tree spots that get a
    /// tree: 100 is the thickest wood the spacing allows, 0 open meadow.
    pub tree_percent: u32,
    /// How many clearings to open: round treeless areas, reported as the
    /// rooms (spawn, exit, boss, treasure...). Clamped to `4..=64`; a small
    /// map holds fewer and smaller ones.
    pub clearings: u32,
    /// Smallest clearing radius in tiles. Clamped to `1..=32`; clearings
    /// shrink below it only when the map has no room left.
    pub min_clearing: i32,
    /// Largest clearing radius in tiles. Clamped to `min_clearing..=32`.
    pub max_clearing: i32,
    /// Width of the river's deep water in tiles; 0 for no river. Clamped to
    /// `0..=16`. Below 2 a hero may slip across diagonally where it bends.
    /// A map too narrow for the river and its banks gets none.
    pub river_width: i32,
    /// Shallow water along each bank, in tiles. Clamped to `0..=8`.
    pub shallow_width: i32,
    /// Chance (percent, `0..=100`) at each tile along the river that its
    /// course changes: 0 runs straight, 100 wriggles constantly.
    pub meander_percent: u32,
    /// Bridges across the river, spread along it. Clamped to `1..=16` (and
    /// to what the river's length holds).
    pub bridges: u32,
}

impl Default for ForestParams {
    /// Tuned for an 80x45 level: a fairly thick wood, six clearings and a
    /// three-tile river with two bridges.
    fn default() -> Self {
        Self {
            tree_spacing: 2,
            tree_percent: 90,
            clearings: 6,
            min_clearing: 3,
            max_clearing: 5,
            river_width: 3,
            shallow_width: 1,
            meander_percent: 30,
            bridges: 2,
        }
    }
}

impl ForestParams {
    /// The parameters actually used: every field clamped to its range.
    pub fn clamped(&self) -> Self {
        let min_clearing = self.min_clearing.clamp(1, 32);
        Self {
            tree_spacing: self.tree_spacing.clamp(1, 16),
            tree_percent: self.tree_percent.min(100),
            clearings: self.clearings.clamp(MIN_CLEARINGS, 64),
            min_clearing,
            max_clearing: self.max_clearing.clamp(min_clearing, 32),
            river_width: self.river_width.clamp(0, 16),
            shallow_width: self.shallow_width.clamp(0, 8),
            meander_percent: self.meander_percent.min(100),
            bridges: self.bridges.clamp(1, 16),
        }
    }
}

/// Builds a `width` x `height` forest (sizes clamped to `0..=MAX_SIDE`). The
/// rooms are the clearings' inscribed squares, in the order they were
/// opened. A map smaller than 3x3 is all wall; one too small for a clearing
/// has no room (the level code then makes its own).
pub fn generate(width: i32, height: i32, params: &ForestParams, rng: &mut Stream) -> Layout {
    let p = params.clamped();
    let mut tiles = match walled(width, height) {
        Ok(tiles) => tiles,
        Err(layout) => return layout,
    };
    let (width, height) = (tiles.width(), tiles.height());
    let inner = Rect::new(1, 1, width - 2, height - 2);
    for q in inner.points() {
        tiles.set(q, Tile::Floor);
    }
    // Tiles no tree may take: clearings and bridge heads.
    let mut clear = Grid::new(width, height, false);
    river(&mut tiles, &mut clear, &p, rng);
    let rooms = clearings(&tiles, &mut clear, &p, rng)
        .into_iter()
        .map(|(square, _)| square)
        .collect();
    if p.tree_percent > 0 {
        // At spacing 1 every tile is a spot: no need to sample for that.
        let spots = if p.tree_spacing == 1 {
            inner.points().collect()
        } else {
            poisson::sample(inner, p.tree_spacing, rng)
        };
        for q in spots {
            let free = tiles.get(q) == Some(&Tile::Floor) && clear.get(q) == Some(&false);
            if free && rng.percent(p.tree_percent) {
                tiles.set(q, Tile::Tree);
            }
        }
    }
    if !tiles.cells().iter().any(|t| t.is_walkable()) {
        tiles.set(inner.center(), Tile::Floor);
    }
    join_walkable(&mut tiles);
    Layout { tiles, rooms }
}

/// Lays a river across the map, along its width or its height (a coin toss
/// when both have room), with bridges; marks the bridge heads in `clear`.
///
/// Along the river (`u`) the top of its deep water (`v`) moves at most one
/// tile per step, so with two or more tiles of deep water every column of it
/// overlaps the next and nothing can cross but by a bridge.
fn river(tiles: &mut Grid<Tile>, clear: &mut Grid<bool>, p: &ForestParams, rng: &mut Stream) {
    let (wd, sh) = (p.river_width, p.shallow_width);
    if wd == 0 {
        return;
    }
    let (width, height) = (tiles.width(), tiles.height());
    // Across the river: wall, two tiles of ground, the banks and the water.
    let fits = |across: i32| across >= 6 + wd + 2 * sh;
    let across_y = match (fits(height), fits(width)) {
        (false, false) => return,
        (true, false) => true,
        (false, true) => false,
        (true, true) => rng.percent(50),
    };
    let (len, across) = if across_y {
        (width, height)
    } else {
        (height, width)
    };
    let at = |u: i32, v: i32| {
        if across_y {
            Point::new(u, v)
        } else {
            Point::new(v, u)
        }
    };
    // The top of the deep water stays in lo..=hi. It moves in sixteenths of
    // a tile: the course drifts at up to 3/4 of a tile per step (so never
    // more than one whole tile) and meandering nudges the drift, so bends
    // are gentle; it turns back before leaving the band.
    let (lo, hi) = (3 + sh, across - 3 - sh - wd);
    let mut pos = 16 * rng.range(lo + (hi - lo) / 4, hi - (hi - lo) / 4) + 8;
    let mut drift = 0;
    let mut course = Vec::with_capacity(len as usize);
    for _ in 0..len {
        course.push(pos / 16);
        if rng.percent(p.meander_percent) {
            drift = (drift + rng.range(-4, 4)).clamp(-12, 12);
        }
        let room = (16 * (hi - lo) / 6).max(16);
        if pos + 6 * drift < 16 * lo + room && drift < 4 {
            drift += 2;
        } else if pos + 6 * drift > 16 * hi + 15 - room && drift > -4 {
            drift -= 2;
        }
        pos = (pos + drift).clamp(16 * lo, 16 * hi + 15);
    }
    // A one-tile notch in the course would leave a tile of shallow water
    // walled in by deep water on three sides (or two and the map edge):
    // smooth those out, and run the river straight into the edges.
    for u in 1..course.len().saturating_sub(1) {
        if course[u - 1] == course[u + 1] {
            course[u] = course[u - 1];
        }
    }
    let n = course.len();
    if n >= 4 {
        (course[1], course[n - 2]) = (course[2], course[n - 3]);
    }
    for u in 1..len - 1 {
        let t = course[u as usize];
        for v in t - sh..t + wd + sh {
            let deep = v >= t && v < t + wd;
            tiles.set(
                at(u, v),
                if deep {
                    Tile::DeepWater
                } else {
                    Tile::ShallowWater
                },
            );
        }
    }
    // Bridges: one in each of `n` equal stretches of the river's interior
    // (off the tiles next to the edges when it is long enough), each near
    // the middle of its stretch.
    let (first, last) = if len >= 5 { (2, len - 3) } else { (1, len - 2) };
    let n = (p.bridges as i32).min((last - first + 1) / 3).max(1);
    let stretch = (last - first + 1) / n;
    for b in 0..n {
        let start = first + b * stretch;
        let u = rng.range(start + stretch / 4, start + stretch - 1 - stretch / 4);
        let t = course[u as usize];
        for v in t - sh..t + wd + sh {
            tiles.set(at(u, v), Tile::Bridge);
        }
        clear.set(at(u, t - sh - 1), true);
        clear.set(at(u, t + wd + sh), true);
    }
}

/// Opens the clearings and marks them in `clear`; returns each one's
/// largest inscribed square. When fewer than four fit, the whole placement
/// is tried again with smaller clearings, down to radius 1.
fn clearings(
    tiles: &Grid<Tile>,
    clear: &mut Grid<bool>,
    p: &ForestParams,
    rng: &mut Stream,
) -> Vec<(Rect, Vec<Point>)> {
    let mut best = Vec::new();
    for max in (1..=p.max_clearing).rev() {
        let found = place_clearings(tiles, p, p.min_clearing.min(max), max, rng);
        if found.len() > best.len() {
            best = found;
        }
        if best.len() >= MIN_CLEARINGS as usize {
            break;
        }
    }
    for (_, disc) in &best {
        for &q in disc {
            clear.set(q, true);
        }
    }
    best
}

/// Opens up to `p.clearings` round clearings, each of a random radius in
/// `min..=max` where one fits with a tile to spare from the water, the
/// border and the other clearings, or the largest that still fits. Returns
/// each one's inscribed square and tiles.
fn place_clearings(
    tiles: &Grid<Tile>,
    p: &ForestParams,
    min: i32,
    max: i32,
    rng: &mut Stream,
) -> Vec<(Rect, Vec<Point>)> {
    let (w, h) = (tiles.width() as usize, tiles.height() as usize);
    let blocked: Vec<bool> = tiles.cells().iter().map(|&t| t != Tile::Floor).collect();
    let mut space = clearance(&blocked, w, h);
    let mut found = Vec::new();
    let mut room_at = Vec::new();
    for _ in 0..p.clearings {
        let most = space.iter().copied().max().unwrap_or(0);
        // A clearing of radius r needs its (2r + 3)-square free: r + 2.
        if most < 3 {
            break;
        }
        let r = rng.range(min, max).min(most - 2);
        room_at.clear();
        room_at.extend((0..space.len()).filter(|&i| space[i] >= r + 2));
        let Some(&i) = rng.pick(&room_at) else {
            break;
        };
        let c = tiles.point(i);
        let reach = r * r + r;
        let square = Rect::new(c.x - r, c.y - r, 2 * r + 1, 2 * r + 1);
        let disc: Vec<Point> = square.points().filter(|q| q.dist2(c) <= reach).collect();
        let sources: Vec<usize> = disc.iter().filter_map(|&q| tiles.index(q)).collect();
        for &j in &sources {
            space[j] = 0;
        }
        spread(&mut space, w, h, sources);
        // The inscribed square: half-side k with 2k^2 inside the disc.
        let k = (0..=r).rev().find(|k| 2 * k * k <= reach).unwrap_or(0);
        found.push((Rect::new(c.x - k, c.y - k, 2 * k + 1, 2 * k + 1), disc));
    }
    found
}

/// Each tile's Chebyshev distance to the nearest blocked tile (0 on one; 1
/// on an open tile at the map edge, as if the outside were blocked).
fn clearance(blocked: &[bool], w: usize, h: usize) -> Vec<i32> {
    let mut space = vec![i32::MAX; blocked.len()];
    let mut edge = Vec::new();
    for (i, &b) in blocked.iter().enumerate() {
        let (x, y) = (i % w, i / w);
        if !b && (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
            edge.push(i);
        }
    }
    let sources: Vec<usize> = (0..blocked.len()).filter(|&i| blocked[i]).collect();
    for &i in &sources {
        space[i] = 0;
    }
    spread(&mut space, w, h, sources);
    for &i in &edge {
        space[i] = space[i].min(1);
    }
    spread(&mut space, w, h, edge);
    space
}

/// Lowers `space` to the Chebyshev distance from `sources` where that is
/// nearer (an 8-way breadth-first search that stops where nothing changes,
/// so adding a small blocked area only touches the tiles round it). The
/// sources must already hold their own distance, the same for all of them.
fn spread(space: &mut [i32], w: usize, h: usize, sources: Vec<usize>) {
    let mut queue = VecDeque::from(sources);
    while let Some(i) = queue.pop_front() {
        let (x, y) = (i % w, i / w);
        let d = space[i] + 1;
        for ny in y.saturating_sub(1)..(y + 2).min(h) {
            for nx in x.saturating_sub(1)..(x + 2).min(w) {
                let j = ny * w + nx;
                if d < space[j] {
                    space[j] = d;
                    queue.push_back(j);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{assert_deterministic, assert_weird_inputs_survive, count, sound_from};
    use super::*;

    const TILES: [Tile; 6] = [
        Tile::Wall,
        Tile::Floor,
        Tile::Tree,
        Tile::DeepWater,
        Tile::ShallowWater,
        Tile::Bridge,
    ];

    fn forest(seed: u64, w: i32, h: i32, p: &ForestParams) -> Layout {
        sound_from(seed, &TILES, |rng| generate(w, h, p, rng))
    }

    #[test]
    fn default_forests_keep_every_guarantee() {
        for seed in 0..100 {
            let l = forest(seed, 80, 45, &ForestParams::default());
            assert!(
                l.rooms.len() >= 6,
                "seed {seed}: {} clearings",
                l.rooms.len()
            );
            assert!(
                count(&l, Tile::DeepWater) >= 3 * 40,
                "seed {seed}: no river"
            );
            assert!(count(&l, Tile::Bridge) >= 2 * 5, "seed {seed}: no bridges");
            assert!(count(&l, Tile::Tree) >= 300, "seed {seed}: few trees");
        }
    }

    #[test]
    fn trees_keep_their_spacing_and_clearings_stay_open() {
        let p = ForestParams {
            tree_spacing: 4,
            tree_percent: 100,
            ..ForestParams::default()
        };
        let l = forest(5, 80, 45, &p);
        let trees: Vec<Point> = l
            .tiles
            .points()
            .filter(|&q| l.tiles.get(q) == Some(&Tile::Tree))
            .collect();
        for (i, a) in trees.iter().enumerate() {
            assert!(trees[i + 1..].iter().all(|b| a.dist2(*b) >= 16));
        }
        assert!(trees.len() > 80 * 45 / 40, "{} trees", trees.len());
        // Thickets: touching trees, paths felled where they close ground off.
        let thick = ForestParams {
            tree_spacing: 1,
            tree_percent: 60,
            ..ForestParams::default()
        };
        for seed in 0..20 {
            let l = forest(seed, 80, 45, &thick);
            assert!(count(&l, Tile::Tree) > 78 * 43 / 3, "seed {seed}");
        }
        let none = ForestParams {
            tree_percent: 0,
            river_width: 0,
            ..ForestParams::default()
        };
        let open = forest(5, 80, 45, &none);
        assert_eq!(count(&open, Tile::Floor), 78 * 43, "a meadow, no river");
    }

    #[test]
    fn the_river_crosses_the_map_and_only_bridges_lead_over_it() {
        for seed in 0..30 {
            let p = ForestParams::default();
            let l = forest(seed, 80, 45, &p);
            // Without its bridges the river cuts the map in two.
            let mut cut = l.tiles.clone();
            for c in cut.cells_mut() {
                if *c == Tile::Bridge {
                    *c = Tile::DeepWater;
                }
            }
            assert!(!super::super::is_connected(&cut), "seed {seed}");
        }
    }

    #[test]
    fn small_maps_still_get_four_clearings() {
        for seed in 0..50 {
            let l = forest(seed, 30, 20, &ForestParams::default());
            assert!(l.rooms.len() >= 4, "seed {seed}: {}", l.rooms.len());
        }
        let huge = ForestParams {
            min_clearing: 32,
            ..ForestParams::default()
        };
        assert!(forest(1, 30, 20, &huge).rooms.len() >= 4);
    }

    #[test]
    fn same_seed_same_forest_and_seeds_differ() {
        let p = ForestParams::default();
        assert_deterministic(100, |seed| forest(seed, 80, 45, &p));
    }

    #[test]
    fn weird_params_and_sizes_do_not_panic() {
        let tweaks: [fn(&mut ForestParams); 6] = [
            |_| {},
            |p| (p.tree_spacing, p.tree_percent, p.clearings) = (0, u32::MAX, 0),
            |p| (p.tree_spacing, p.min_clearing, p.max_clearing) = (i32::MIN, i32::MIN, i32::MIN),
            |p| {
                (
                    p.tree_spacing,
                    p.min_clearing,
                    p.river_width,
                    p.shallow_width,
                ) = (i32::MAX, i32::MAX, i32::MAX, i32::MAX)
            },
            |p| (p.river_width, p.shallow_width, p.bridges) = (1, 0, u32::MAX),
            |p| (p.meander_percent, p.clearings, p.bridges, p.min_clearing) = (100, 64, 0, 1),
        ];
        assert_weird_inputs_survive(&tweaks, |k, w, h, p| {
            let l = forest(k, w, h, p);
            let any = l.tiles.cells().iter().any(|t| t.is_walkable());
            assert!(any || w < 3 || h < 3, "{w}x{h} has no ground");
            l
        });
    }

    #[test]
    fn cut_off_ground_is_joined() {
        // A wall of trees and a moat: both get opened.
        let mut g = Grid::new(12, 7, Tile::Wall);
        for q in Rect::new(1, 1, 10, 5).points() {
            g.set(q, Tile::Floor);
        }
        for y in 1..6 {
            g.set(Point::new(4, y), Tile::Tree);
            g.set(Point::new(8, y), Tile::DeepWater);
        }
        join_walkable(&mut g);
        assert!(super::super::is_connected(&g));
        assert_eq!(g.cells().iter().filter(|&&t| t == Tile::Bridge).count(), 1);
        assert_eq!(g.cells().iter().filter(|&&t| t == Tile::Tree).count(), 4);
    }

    #[test]
    fn params_read_from_ron_with_defaults_and_reject_typos() {
        let p: ForestParams = ron::from_str("(tree_spacing: 3, bridges: 4)").expect("parses");
        assert_eq!(
            p,
            ForestParams {
                tree_spacing: 3,
                bridges: 4,
                ..ForestParams::default()
            }
        );
        assert!(ron::from_str::<ForestParams>("(trees: 3)").is_err());
        assert_eq!(ForestParams::default().clamped(), ForestParams::default());
    }
}

//! Natural caves by cellular automaton.
//!
//! The interior starts as random noise and is smoothed by a birth/survival
//! rule over the 8 neighbours. The largest open region is kept; other
//! regions are filled when small and tunnelled to it when big enough, so the
//! cave is one connected piece. A cave that comes out too small is generated
//! again, and if it stays small it is widened by a random walk from its floor.
//! The largest open squares are reported as chambers.

use std::collections::VecDeque;

use serde::{Deserialize, Serialize};

use super::{Layout, Regions, clamp_size, open_squares};
use crate::procgen::seed::Stream;
use crate::sim::algo::grid::Grid;
use crate::sim::tile::Tile;

/// How many times a too-small cave is generated afresh before it is widened.
const ATTEMPTS: u32 = 3;

/// How a cave is grown. Missing fields take their defaults; out-of-range
/// values are clamped as documented (see [`CaveParams::clamped`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CaveParams {
    /// Chance (percent, `0..=100`) that an interior tile starts as wall.
    pub fill_percent: u32,
    /// Smoothing passes. Clamped to `0..=32`.
    pub iterations: u32,
    /// An open tile becomes wall when at least this many of its 8 neighbours
    /// are wall. Clamped to `0..=9` (9: never).
    pub birth_limit: u32,
    /// A wall stays wall when at least this many of its 8 neighbours are
    /// wall. Clamped to `0..=9` (9: walls always crumble).
    pub survival_limit: u32,
    /// Disconnected open regions with fewer tiles than this are filled in;
    /// larger ones are tunnelled to the main cave. 0 counts as 1.
    pub min_region_size: u32,
    /// Least share of the whole map (percent) that ends up floor; smaller
    /// caves are regrown, then widened. Clamped to `0..=90` (and to what the
    /// interior can hold).
    pub min_floor_percent: u32,
    /// At most this many chambers are reported in `rooms`. Clamped to `0..=64`.
    pub max_chambers: u32,
    /// Smallest side of a reported (square) chamber. Clamped to `1..=64`.
    pub min_chamber_side: i32,
}

impl Default for CaveParams {
    /// The classic 45% / 4-5 rule cave, tuned for an 80x45 level.
    fn default() -> Self {
        Self {
            fill_percent: 45,
            iterations: 5,
            birth_limit: 5,
            survival_limit: 4,
            min_region_size: 16,
            min_floor_percent: 30,
            max_chambers: 8,
            min_chamber_side: 4,
        }
    }
}

impl CaveParams {
    /// The parameters actually used: every field clamped to its range.
    pub fn clamped(&self) -> Self {
        Self {
            fill_percent: self.fill_percent.min(100),
            iterations: self.iterations.min(32),
            birth_limit: self.birth_limit.min(9),
            survival_limit: self.survival_limit.min(9),
            min_region_size: self.min_region_size.max(1),
            min_floor_percent: self.min_floor_percent.min(90),
            max_chambers: self.max_chambers.min(64),
            min_chamber_side: self.min_chamber_side.clamp(1, 64),
        }
    }
}

/// Builds a `width` x `height` cave (sizes clamped to `0..=MAX_SIDE`). A map
/// smaller than 3x3 has no interior and is all wall.
pub fn generate(width: i32, height: i32, params: &CaveParams, rng: &mut Stream) -> Layout {
    let (width, height) = clamp_size(width, height);
    let p = params.clamped();
    let (w, h) = (width as usize, height as usize);
    // 1 = wall, 0 = floor. Only interior cells ever become floor, so every
    // floor cell has all 8 neighbours in bounds.
    let mut best = vec![1u8; w * h];
    if w >= 3 && h >= 3 {
        let interior = (w - 2) * (h - 2);
        let wanted = (w * h * p.min_floor_percent as usize).div_ceil(100);
        let target = wanted.min(interior);
        let mut best_floor = 0;
        for attempt in 0..ATTEMPTS {
            let cells = grow(w, h, &p, rng);
            let floor = cells.iter().filter(|&&c| c == 0).count();
            if attempt == 0 || floor > best_floor {
                (best, best_floor) = (cells, floor);
            }
            if best_floor >= target {
                break;
            }
        }
        if best_floor < target {
            widen(&mut best, w, h, target - best_floor, rng);
        }
    }
    let mut tiles = Grid::new(width, height, Tile::Wall);
    for (t, &c) in tiles.cells_mut().iter_mut().zip(&best) {
        if c == 0 {
            *t = Tile::Floor;
        }
    }
    let rooms = open_squares(&tiles, p.max_chambers as usize, p.min_chamber_side);
    Layout { tiles, rooms }
}

/// One attempt: noise, smoothing, then a single connected cave.
fn grow(w: usize, h: usize, p: &CaveParams, rng: &mut Stream) -> Vec<u8> {
    let mut cells = vec![1u8; w * h];
    for y in 1..h - 1 {
        for x in 1..w - 1 {
            cells[y * w + x] = u8::from(rng.percent(p.fill_percent));
        }
    }
    let mut next = cells.clone();
    for _ in 0..p.iterations {
        for y in 1..h - 1 {
            for x in 1..w - 1 {
                let i = y * w + x;
                let walls = u32::from(
                    cells[i - w - 1]
                        + cells[i - w]
                        + cells[i - w + 1]
                        + cells[i - 1]
                        + cells[i + 1]
                        + cells[i + w - 1]
                        + cells[i + w]
                        + cells[i + w + 1],
                );
                let limit = if cells[i] == 1 {
                    p.survival_limit
                } else {
                    p.birth_limit
                };
                next[i] = u8::from(walls >= limit);
            }
        }
        std::mem::swap(&mut cells, &mut next);
    }
    join_regions(&mut cells, w, h, p.min_region_size as usize);
    cells
}

/// Labels the 4-connected open regions, fills those smaller than `min_size`
/// (except the largest) and tunnels every other one to the largest along a
/// shortest path, so all floor ends up connected.
fn join_regions(cells: &mut [u8], w: usize, h: usize, min_size: usize) {
    let Regions { mut label, sizes } = Regions::label(w, h, |i| cells[i] == 0);
    let Some(main) = Regions::largest(&sizes) else {
        return;
    };
    for (c, l) in cells.iter_mut().zip(label.iter_mut()) {
        if *l != 0 && *l as usize != main && sizes[*l as usize] < min_size {
            (*c, *l) = (1, 0);
        }
    }

    // Shortest-path tree over the interior, rooted at the main region.
    let interior = |i: usize| {
        let (x, y) = (i % w, i / w);
        x != 0 && x != w - 1 && y != 0 && y != h - 1
    };
    let mut parent = vec![usize::MAX; cells.len()];
    let mut dist = vec![u32::MAX; cells.len()];
    let mut queue: VecDeque<usize> = (0..cells.len())
        .filter(|&i| label[i] as usize == main)
        .collect();
    for &i in &queue {
        dist[i] = 0;
    }
    while let Some(i) = queue.pop_front() {
        for j in [i - 1, i + 1, i - w, i + w] {
            if dist[j] == u32::MAX && interior(j) {
                dist[j] = dist[i] + 1;
                parent[j] = i;
                queue.push_back(j);
            }
        }
    }
    // Each other region starts its tunnel from its tile nearest the main one.
    let mut nearest = vec![usize::MAX; sizes.len()];
    for (i, &l) in label.iter().enumerate() {
        let n = &mut nearest[l as usize];
        if l != 0 && (*n == usize::MAX || dist[i] < dist[*n]) {
            *n = i;
        }
    }
    // linked[r]: region r is joined to the main cave (never true for 0, walls).
    let mut linked = vec![false; sizes.len()];
    linked[main] = true;
    let mut on_path = vec![false; cells.len()];
    let mut passed = Vec::new();
    for region in 1..sizes.len() {
        let mut i = nearest[region];
        if i == usize::MAX || linked[region] {
            continue;
        }
        // Dig up the tree until reaching a joined region or an earlier
        // tunnel; distances fall strictly, so no tile is visited twice.
        while i != usize::MAX && !on_path[i] && !linked[label[i] as usize] {
            if label[i] != 0 {
                passed.push(label[i] as usize);
            }
            cells[i] = 0;
            on_path[i] = true;
            i = parent[i];
        }
        for r in passed.drain(..) {
            linked[r] = true;
        }
    }
}

/// Widens a cave by a random walk that starts on its floor (or in the middle
/// when there is none) and digs until `more` new tiles are open or a step
/// budget runs out. Every dug tile touches the walk, so the cave stays
/// connected.
fn widen(cells: &mut [u8], w: usize, h: usize, mut more: usize, rng: &mut Stream) {
    let floor: Vec<usize> = (0..cells.len()).filter(|&i| cells[i] == 0).collect();
    let start = rng.pick(&floor).copied().unwrap_or((h / 2) * w + w / 2);
    let (mut x, mut y) = (start % w, start / w);
    let mut budget = 32 * (w - 2) * (h - 2);
    loop {
        let i = y * w + x;
        if cells[i] == 1 {
            cells[i] = 0;
            more -= 1;
        }
        if more == 0 || budget == 0 {
            break;
        }
        budget -= 1;
        match rng.below(4) {
            0 if y > 1 => y -= 1,
            1 if x < w - 2 => x += 1,
            2 if y < h - 2 => y += 1,
            3 if x > 1 => x -= 1,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{assert_deterministic, assert_weird_inputs_survive, sound_from};
    use super::*;

    fn cave(seed: u64, w: i32, h: i32, p: &CaveParams) -> Layout {
        sound_from(seed, &[Tile::Wall, Tile::Floor], |rng| {
            generate(w, h, p, rng)
        })
    }

    fn floor(l: &Layout) -> usize {
        l.tiles
            .cells()
            .iter()
            .filter(|&&t| t == Tile::Floor)
            .count()
    }

    #[test]
    fn default_caves_keep_every_guarantee() {
        for seed in 0..200 {
            let l = cave(seed, 80, 45, &CaveParams::default());
            assert!(floor(&l) * 4 >= 80 * 45, "seed {seed}: {} floor", floor(&l));
            assert!(!l.rooms.is_empty(), "seed {seed}: no chamber");
        }
    }

    #[test]
    fn same_seed_same_cave_and_seeds_differ() {
        let p = CaveParams::default();
        assert_deterministic(200, |seed| cave(seed, 80, 45, &p));
    }

    #[test]
    fn scattered_regions_are_all_tunnelled_together() {
        // Raw noise with no smoothing: hundreds of regions, every one kept.
        let p = CaveParams {
            iterations: 0,
            min_region_size: 0,
            ..CaveParams::default()
        };
        for seed in 0..20 {
            cave(
                seed,
                80,
                45,
                &CaveParams {
                    fill_percent: 60,
                    ..p.clone()
                },
            );
        }
    }

    #[test]
    fn solid_rock_is_widened_to_the_minimum() {
        let p = CaveParams {
            fill_percent: 100,
            ..CaveParams::default()
        };
        for seed in 0..20 {
            assert!(floor(&cave(seed, 80, 45, &p)) * 100 >= 80 * 45 * 30);
        }
    }

    #[test]
    fn weird_params_and_sizes_do_not_panic() {
        let tweaks: [fn(&mut CaveParams); 7] = [
            |_| {},
            |p| p.fill_percent = 0,
            |p| (p.fill_percent, p.iterations) = (100, 0),
            |p| (p.fill_percent, p.iterations, p.birth_limit) = (u32::MAX, u32::MAX, u32::MAX),
            |p| (p.birth_limit, p.survival_limit, p.min_region_size) = (0, 0, u32::MAX),
            |p| {
                (p.min_floor_percent, p.max_chambers, p.min_chamber_side) =
                    (u32::MAX, u32::MAX, i32::MIN)
            },
            |p| (p.survival_limit, p.max_chambers, p.min_chamber_side) = (u32::MAX, 0, i32::MAX),
        ];
        assert_weird_inputs_survive(&tweaks, cave);
        assert_eq!(
            floor(&cave(1, 3, 3, &CaveParams::default())),
            1,
            "the one interior tile is dug"
        );
    }

    #[test]
    fn benchmark_sized_cave_is_connected() {
        let l = cave(7, 256, 256, &CaveParams::default());
        assert!(floor(&l) * 100 >= 256 * 256 * 30);
    }

    #[test]
    fn params_read_from_ron_with_defaults_and_reject_typos() {
        let p: CaveParams = ron::from_str("(fill_percent: 50)").expect("parses");
        assert_eq!(
            p,
            CaveParams {
                fill_percent: 50,
                ..CaveParams::default()
            }
        );
        assert!(ron::from_str::<CaveParams>("(fill: 50)").is_err());
        assert_eq!(CaveParams::default().clamped(), CaveParams::default());
    }
}

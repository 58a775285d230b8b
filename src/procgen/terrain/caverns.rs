//! Caverns (or open wastes) cut from a noise field.
//!
//! A few octaves of Perlin noise (the `noise` crate, seeded from the level's
//! stream) are sampled at every interior tile and each octave is quantised
//! to an integer at once, so all that follows is integer work and the map
//! is the same on every machine. The lowest `open_percent` of the field is
//! opened: broad winding caverns for a large `scale`, a maze of pockets for
//! a small one. The lowest part of the open ground may hold water (deep in
//! the middle of a pool, shallow round it). Pockets smaller than
//! `min_region_size` are filled; the rest are joined to the largest piece
//! the way the forest joins its ground (the cheapest way through rock,
//! bridges over water). The largest open squares are the chambers.

use noise::{NoiseFn, Perlin};
use serde::{Deserialize, Serialize};

use super::{Layout, Regions, join_walkable, open_squares, walled};
use crate::procgen::seed::Stream;
use crate::sim::algo::grid::Grid;
use crate::sim::tile::Tile;

/// One octave's output (within -1..=1) becomes an integer in about
/// -2^16..=2^16 before anything else is done with it.
const QUANTUM: f64 = 65_536.0;

/// How a noise cavern is cut. Missing fields take their defaults;
/// out-of-range values are clamped as documented (see
/// [`CavernParams::clamped`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CavernParams {
    /// Size of the largest features in tiles (the first octave's
    /// wavelength). Clamped to `2..=256`.
    pub scale: i32,
    /// Octaves of noise, each at twice the frequency and half the weight of
    /// the one before: more gives rougher walls. Clamped to `1..=6`.
    pub octaves: u32,
    /// Share (percent) of the interior that is open. Clamped to `5..=95`.
    pub open_percent: u32,
    /// Share (percent, `0..=90`) of the open ground, its lowest part, that
    /// is water; the lowest third of that is deep.
    pub water_percent: u32,
    /// Open pockets with fewer tiles than this are filled in; larger ones
    /// are joined to the rest. Clamped to `1..=10000`.
    pub min_region_size: u32,
    /// At most this many chambers are reported in `rooms`. Clamped to `0..=64`.
    pub max_chambers: u32,
    /// Smallest side of a reported (square) chamber. Clamped to `1..=64`.
    pub min_chamber_side: i32,
}

impl Default for CavernParams {
    /// Tuned for an 80x45 level: wide caverns over half the map, dry.
    fn default() -> Self {
        Self {
            scale: 16,
            octaves: 3,
            open_percent: 50,
            water_percent: 0,
            min_region_size: 12,
            max_chambers: 8,
            min_chamber_side: 4,
        }
    }
}

impl CavernParams {
    /// The parameters actually used: every field clamped to its range.
    pub fn clamped(&self) -> Self {
        Self {
            scale: self.scale.clamp(2, 256),
            octaves: self.octaves.clamp(1, 6),
            open_percent: self.open_percent.clamp(5, 95),
            water_percent: self.water_percent.min(90),
            min_region_size: self.min_region_size.clamp(1, 10_000),
            max_chambers: self.max_chambers.min(64),
            min_chamber_side: self.min_chamber_side.clamp(1, 64),
        }
    }
}

/// Builds a `width` x `height` cavern (sizes clamped to `0..=MAX_SIDE`). A
/// map smaller than 3x3 is all wall.
pub fn generate(width: i32, height: i32, params: &CavernParams, rng: &mut Stream) -> Layout {
    let p = params.clamped();
    let mut tiles = match walled(width, height) {
        Ok(tiles) => tiles,
        Err(layout) => return layout,
    };
    let (w, h) = (tiles.width() as usize, tiles.height() as usize);
    let field = field(w, h, &p, rng);
    // Interior tiles from lowest to highest (index breaks ties, so the
    // order is total and the same everywhere).
    let mut order: Vec<(i32, usize)> = (0..w * h)
        .filter(|&i| interior(i, w, h))
        .map(|i| (field[i], i))
        .collect();
    let open = (order.len() * p.open_percent as usize / 100).max(1);
    let water = open * p.water_percent as usize / 100;
    // Only the splits matter (open, water, deep), not the order within.
    let order = lowest(&mut order, open);
    let cells = tiles.cells_mut();
    for &(_, i) in order.iter() {
        cells[i] = Tile::Floor;
    }
    for &(_, i) in lowest(order, water).iter() {
        cells[i] = Tile::ShallowWater;
    }
    for &(_, i) in lowest(&mut order[..water], water / 3).iter() {
        cells[i] = Tile::DeepWater;
    }
    fill_pockets(&mut tiles, p.min_region_size as usize);
    join_walkable(&mut tiles);
    let rooms = open_squares(&tiles, p.max_chambers as usize, p.min_chamber_side);
    Layout { tiles, rooms }
}

/// The `n` smallest entries of `items` (all of them when there are fewer),
/// moved to its front; the order within them is left arbitrary.
fn lowest(items: &mut [(i32, usize)], n: usize) -> &mut [(i32, usize)] {
    if n < items.len() {
        items.select_nth_unstable(n);
    }
    let n = n.min(items.len());
    &mut items[..n]
}

/// Whether tile `i` of a `w` x `h` map is off the outer ring.
fn interior(i: usize, w: usize, h: usize) -> bool {
    let (x, y) = (i % w, i / w);
    x > 0 && y > 0 && x + 1 < w && y + 1 < h
}

/// The noise field: per tile, the sum of the octaves, each quantised to an
/// integer and weighted by a power of two. The octaves' seeds and the
/// field's offset come from `rng`.
///
/// An octave whose wavelength is `l` tiles is sampled only every `l / 4`
/// tiles (at least every tile) and filled in between by bilinear
/// interpolation in integers: smooth octaves cost a fraction of the calls.
fn field(w: usize, h: usize, p: &CavernParams, rng: &mut Stream) -> Vec<i32> {
    let seeds: Vec<u32> = (0..p.octaves).map(|_| rng.next_u32()).collect();
    // An offset into the field (whole tiles: Perlin noise is 0 on every
    // lattice point, so the fractional part keeps tiles off them).
    let (ox, oy) = (
        f64::from(rng.below(4096)) + 0.37,
        f64::from(rng.below(4096)) + 0.61,
    );
    let mut out = vec![0i32; w * h];
    let top = p.octaves - 1;
    for (k, &seed) in seeds.iter().enumerate() {
        let noise = Perlin::new(seed);
        let freq = f64::from(1u32 << k) / f64::from(p.scale);
        let step = ((p.scale >> k) / 4).max(1) as usize;
        // Samples on a lattice `step` tiles apart, one beyond the map.
        let (nx, ny) = (w / step + 2, h / step + 2);
        let lattice: Vec<i64> = (0..nx * ny)
            .map(|j| {
                let x = ((j % nx) * step) as f64 + ox;
                let y = ((j / nx) * step) as f64 + oy;
                (noise.get([x * freq, y * freq]) * QUANTUM) as i64
            })
            .collect();
        let s = step as i64;
        for (i, v) in out.iter_mut().enumerate() {
            if !interior(i, w, h) {
                continue;
            }
            let (x, y) = (i % w, i / w);
            let (cx, cy) = (x / step, y / step);
            let (fx, fy) = ((x % step) as i64, (y % step) as i64);
            let at = |dx: usize, dy: usize| lattice[(cy + dy) * nx + cx + dx];
            let mixed = at(0, 0) * (s - fx) * (s - fy)
                + at(1, 0) * fx * (s - fy)
                + at(0, 1) * (s - fx) * fy
                + at(1, 1) * fx * fy;
            *v += ((mixed / (s * s)) as i32) << (top - k as u32);
        }
    }
    out
}

/// Fills open pockets (any walkable ground) smaller than `min_size`,
/// except the largest piece.
fn fill_pockets(tiles: &mut Grid<Tile>, min_size: usize) {
    let (w, h) = (tiles.width() as usize, tiles.height() as usize);
    let cells = tiles.cells_mut();
    let Regions { label, sizes } = Regions::label(w, h, |i| cells[i].is_walkable());
    let main = Regions::largest(&sizes).unwrap_or(0);
    for (c, &l) in cells.iter_mut().zip(&label) {
        let l = l as usize;
        if l != 0 && l != main && sizes[l] < min_size {
            *c = Tile::Wall;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{assert_deterministic, assert_weird_inputs_survive, count, sound_from};
    use super::*;

    const TILES: [Tile; 5] = [
        Tile::Wall,
        Tile::Floor,
        Tile::ShallowWater,
        Tile::DeepWater,
        Tile::Bridge,
    ];

    fn cavern(seed: u64, w: i32, h: i32, p: &CavernParams) -> Layout {
        sound_from(seed, &TILES, |rng| generate(w, h, p, rng))
    }

    #[test]
    fn default_caverns_keep_every_guarantee() {
        for seed in 0..100 {
            let l = cavern(seed, 80, 45, &CavernParams::default());
            let open = count(&l, Tile::Floor);
            assert!(open * 100 >= 78 * 43 * 40, "seed {seed}: {open} floor");
            assert!(
                l.rooms.len() >= 4,
                "seed {seed}: {} chambers",
                l.rooms.len()
            );
        }
    }

    #[test]
    fn the_open_share_and_water_follow_the_params() {
        for (open, water) in [(20, 0), (50, 30), (80, 60)] {
            let p = CavernParams {
                open_percent: open,
                water_percent: water,
                min_region_size: 1,
                ..CavernParams::default()
            };
            let l = cavern(4, 80, 45, &p);
            let walk = l.tiles.cells().iter().filter(|t| t.is_walkable()).count();
            let wet = count(&l, Tile::ShallowWater) + count(&l, Tile::DeepWater);
            let share = (walk + count(&l, Tile::DeepWater)) * 100 / (78 * 43);
            // Joining pieces only opens more, never less.
            assert!(share >= open as usize, "{open}%: {share}% open");
            assert!(share <= open as usize + 10, "{open}%: {share}% open");
            assert_eq!(wet > 0, water > 0, "{water}% water");
        }
    }

    #[test]
    fn same_seed_same_cavern_and_seeds_differ() {
        let p = CavernParams::default();
        assert_deterministic(100, |seed| cavern(seed, 80, 45, &p));
    }

    #[test]
    fn known_seed_gives_the_known_field() {
        // The quantised field of a fixed seed is pinned: a change to the
        // noise crate's Perlin output would move every noise level.
        let f = field(8, 4, &CavernParams::default(), &mut Stream::new(1, 2, &[]));
        // The first interior row, past its first tile.
        assert_eq!(&f[9..15], &[23862, 34964, 58432, 66135, 31134, -12545]);
    }

    #[test]
    fn weird_params_and_sizes_do_not_panic() {
        let tweaks: [fn(&mut CavernParams); 5] = [
            |_| {},
            |p| (p.scale, p.octaves, p.open_percent) = (0, 0, 0),
            |p| (p.scale, p.octaves, p.open_percent) = (i32::MIN, u32::MAX, u32::MAX),
            |p| (p.scale, p.water_percent, p.min_region_size) = (i32::MAX, u32::MAX, u32::MAX),
            |p| (p.max_chambers, p.min_chamber_side, p.min_region_size) = (u32::MAX, i32::MIN, 0),
        ];
        assert_weird_inputs_survive(&tweaks, |k, w, h, p| {
            let l = cavern(k, w, h, p);
            let any = l.tiles.cells().iter().any(|t| t.is_walkable());
            assert!(any || w < 3 || h < 3, "{w}x{h} has no ground");
            l
        });
    }

    #[test]
    fn params_read_from_ron_with_defaults_and_reject_typos() {
        let p: CavernParams = ron::from_str("(scale: 8, water_percent: 20)").expect("parses");
        assert_eq!(
            p,
            CavernParams {
                scale: 8,
                water_percent: 20,
                ..CavernParams::default()
            }
        );
        assert!(ron::from_str::<CavernParams>("(size: 8)").is_err());
        assert_eq!(CavernParams::default().clamped(), CavernParams::default());
    }
}

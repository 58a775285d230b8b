//! Composite levels: a few biome regions side by side, each built by
//! another generator.
//!
//! Seed points are scattered over the map and every tile belongs to its
//! nearest seed (a Voronoi partition); near the borders the point each tile
//! is measured from is jittered by a few tiles, so borders are ragged and
//! the biomes blend into each other. Each region is filled in its biome's
//! style by running that biome's generator over the region's bounding box
//! and keeping the tiles inside the region. The rooms kept are the biome
//! rooms that lie wholly in their own region. Regions are then joined into
//! one piece the way the forest joins its ground: the cheapest way through
//! trees, rock and water.

use serde::{Deserialize, Serialize};

use super::caverns::{self, CavernParams};
use super::{Layout, Rect, bsp, cellular, city, forest, join_walkable, maze, walled};
use crate::procgen::seed::Stream;
use crate::sim::algo::grid::{Grid, Point};
use crate::sim::tile::Tile;

/// A region's style: which generator fills it (with its defaults).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Biome {
    /// Cellular-automaton caves.
    Caves,
    /// Woods with clearings and a river.
    Forest,
    /// Rooms and corridors (BSP).
    Rooms,
    /// A maze with rooms at dead ends.
    Maze,
    /// Streets and buildings.
    City,
    /// Noise caverns.
    Caverns,
    /// Flooded ground: a noise cavern mostly under shallow and deep water.
    Water,
}

/// How a composite level is put together. Missing fields take their
/// defaults; out-of-range values are clamped as documented (see
/// [`CompositeParams::clamped`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CompositeParams {
    /// The biomes regions are drawn from. While there are at least as many
    /// regions, each biome gets one; the rest are picked at random. An
    /// empty list means the default one. At most 16 are used.
    pub biomes: Vec<Biome>,
    /// How many regions (Voronoi seeds). Clamped to `2..=16`; a small map
    /// holds fewer.
    pub regions: u32,
    /// How far (tiles) the borders between regions wander. Clamped to
    /// `0..=8`; 0 gives straight Voronoi edges.
    pub border_jitter: i32,
}

impl Default for CompositeParams {
    /// Tuned for an 80x45 level: four regions of caves, woods and rooms.
    fn default() -> Self {
        Self {
            biomes: vec![Biome::Caves, Biome::Forest, Biome::Rooms],
            regions: 4,
            border_jitter: 3,
        }
    }
}

impl CompositeParams {
    /// The parameters actually used: every field clamped to its range.
    pub fn clamped(&self) -> Self {
        let biomes = if self.biomes.is_empty() {
            Self::default().biomes
        } else {
            self.biomes.iter().copied().take(16).collect()
        };
        Self {
            biomes,
            regions: self.regions.clamp(2, 16),
            border_jitter: self.border_jitter.clamp(0, 8),
        }
    }
}

/// Builds a `width` x `height` composite level (sizes clamped to
/// `0..=MAX_SIDE`). The rooms are listed region by region. A map smaller
/// than 3x3 is all wall.
pub fn generate(width: i32, height: i32, params: &CompositeParams, rng: &mut Stream) -> Layout {
    let p = params.clamped();
    let mut tiles = match walled(width, height) {
        Ok(tiles) => tiles,
        Err(layout) => return layout,
    };
    let (width, height) = (tiles.width(), tiles.height());
    let mut rooms: Vec<Rect> = Vec::new();
    let inner = Rect::new(1, 1, width - 2, height - 2);
    let n = (p.regions as i32).min(inner.area() / 16).max(1);
    let seeds = spread_seeds(inner, n as usize, rng);
    let mut biomes: Vec<Biome> = (0..n as usize)
        .map(|i| match p.biomes.get(i) {
            Some(&b) => b,
            None => *rng.pick(&p.biomes).unwrap_or(&Biome::Caves),
        })
        .collect();
    rng.shuffle(&mut biomes);
    let owner = partition(width, height, &seeds, p.border_jitter, rng);

    for (r, &biome) in biomes.iter().enumerate() {
        let mine = |q: Point| owner.get(q) == Some(&(r as u8));
        let Some(bbox) = bounds(inner, mine) else {
            continue;
        };
        // A ring of one tile round the box: the sub-layout's own wall ring.
        let frame = Rect::new(bbox.x - 1, bbox.y - 1, bbox.w + 2, bbox.h + 2);
        let sub = fill(biome, frame.w, frame.h, rng);
        let at = |q: Point| Point::new(q.x + frame.x, q.y + frame.y);
        for (q, &t) in sub.tiles.points().zip(sub.tiles.cells()) {
            if mine(at(q)) {
                tiles.set(at(q), t);
            }
        }
        for room in sub.rooms {
            let room = Rect::new(room.x + frame.x, room.y + frame.y, room.w, room.h);
            let halo = Rect::new(room.x - 1, room.y - 1, room.w + 2, room.h + 2);
            if room.points().all(mine) && rooms.iter().all(|o| !halo.intersects(o)) {
                rooms.push(room);
            }
        }
    }
    mend_doors(&mut tiles);
    join_walkable(&mut tiles);
    Layout { tiles, rooms }
}

/// A border between regions can cut through a doorway, leaving a door
/// that opens onto rock: such a door becomes plain floor (a secret one,
/// plain wall), so every door left leads somewhere on both sides.
fn mend_doors(tiles: &mut Grid<Tile>) {
    let open = |t: &Grid<Tile>, q: Point| t.get(q).is_some_and(|t| t.is_walkable());
    for q in tiles.points() {
        let tile = tiles.get(q).copied();
        if !matches!(tile, Some(Tile::Door | Tile::SecretDoor)) {
            continue;
        }
        let [n, e, s, w] =
            [(0, -1), (1, 0), (0, 1), (-1, 0)].map(|(dx, dy)| Point::new(q.x + dx, q.y + dy));
        let through = (open(tiles, n) && open(tiles, s)) || (open(tiles, e) && open(tiles, w));
        if !through {
            let mended = if tile == Some(Tile::Door) {
                Tile::Floor
            } else {
                Tile::Wall
            };
            tiles.set(q, mended);
        }
    }
}

/// `n` seed points in `area`, kept apart so no region is tiny: each is the
/// candidate farthest from the seeds before it, out of a few random ones
/// (best-candidate sampling).
fn spread_seeds(area: Rect, n: usize, rng: &mut Stream) -> Vec<Point> {
    let mut seeds: Vec<Point> = Vec::with_capacity(n);
    for _ in 0..n {
        let candidates: Vec<Point> = (0..8)
            .map(|_| {
                Point::new(
                    rng.range(area.x, area.x + area.w - 1),
                    rng.range(area.y, area.y + area.h - 1),
                )
            })
            .collect();
        let room = |c: &Point| seeds.iter().map(|s| s.dist2(*c)).min().unwrap_or(0);
        let best = candidates.iter().max_by_key(|c| room(c)).copied();
        seeds.extend(best);
    }
    seeds
}

/// Per tile, the index of the region it belongs to: its nearest seed,
/// measured from a point up to `jitter` tiles away from it (no region on
/// the outer ring, which stays wall).
fn partition(width: i32, height: i32, seeds: &[Point], jitter: i32, rng: &mut Stream) -> Grid<u8> {
    let mut owner = Grid::new(width, height, u8::MAX);
    let nearest = |q: Point| {
        (0..seeds.len())
            .min_by_key(|&i| (q.dist2(seeds[i]), i))
            .unwrap_or(0) as u8
    };
    for y in 1..height - 1 {
        for x in 1..width - 1 {
            let q = Point::new(x, y);
            let moved = Point::new(
                x + rng.range(-jitter, jitter),
                y + rng.range(-jitter, jitter),
            );
            owner.set(q, nearest(moved));
        }
    }
    owner
}

/// The smallest rectangle inside `area` holding every tile for which
/// `inside` holds, or `None` when there is none.
fn bounds(area: Rect, inside: impl Fn(Point) -> bool) -> Option<Rect> {
    let mut found: Option<(i32, i32, i32, i32)> = None;
    for q in area.points().filter(|&q| inside(q)) {
        let (x0, y0, x1, y1) = found.unwrap_or((q.x, q.y, q.x, q.y));
        found = Some((x0.min(q.x), y0.min(q.y), x1.max(q.x), y1.max(q.y)));
    }
    found.map(|(x0, y0, x1, y1)| Rect::new(x0, y0, x1 - x0 + 1, y1 - y0 + 1))
}

/// A `w` x `h` layout in the style of `biome`.
fn fill(biome: Biome, w: i32, h: i32, rng: &mut Stream) -> Layout {
    match biome {
        Biome::Caves => cellular::generate(w, h, &Default::default(), rng),
        Biome::Forest => forest::generate(w, h, &Default::default(), rng),
        Biome::Rooms => bsp::generate(w, h, &Default::default(), rng),
        Biome::Maze => maze::generate(w, h, &Default::default(), rng),
        Biome::City => city::generate(w, h, &Default::default(), rng),
        Biome::Caverns => caverns::generate(w, h, &Default::default(), rng),
        Biome::Water => {
            let flooded = CavernParams {
                open_percent: 75,
                water_percent: 65,
                ..CavernParams::default()
            };
            caverns::generate(w, h, &flooded, rng)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::{
        assert_deterministic, assert_doors_lead_through, assert_weird_inputs_survive, sound_from,
    };
    use super::*;

    const TILES: [Tile; 8] = [
        Tile::Wall,
        Tile::Floor,
        Tile::Door,
        Tile::SecretDoor,
        Tile::Tree,
        Tile::ShallowWater,
        Tile::DeepWater,
        Tile::Bridge,
    ];

    fn composite(seed: u64, w: i32, h: i32, p: &CompositeParams) -> Layout {
        sound_from(seed, &TILES, |rng| generate(w, h, p, rng))
    }

    fn has(l: &Layout, t: Tile) -> bool {
        l.tiles.cells().contains(&t)
    }

    #[test]
    fn default_composites_keep_every_guarantee_and_mix_biomes() {
        for seed in 0..100 {
            let l = composite(seed, 80, 45, &CompositeParams::default());
            assert!(l.rooms.len() >= 2, "seed {seed}: {} rooms", l.rooms.len());
            // Woods (trees) and rooms (doors or corridors between walls)
            // both appear.
            assert!(has(&l, Tile::Tree), "seed {seed}: no woods");
        }
    }

    #[test]
    fn every_listed_biome_shows_up() {
        let p = CompositeParams {
            biomes: vec![Biome::City, Biome::Water, Biome::Maze],
            regions: 3,
            border_jitter: 0,
        };
        let (mut city, mut water) = (0, 0);
        for seed in 0..20 {
            let l = composite(seed, 80, 45, &p);
            assert_doors_lead_through(&l, &format!("seed {seed}"));
            city += usize::from(has(&l, Tile::Door));
            water += usize::from(has(&l, Tile::ShallowWater));
        }
        // A small region may hold no whole block, never most of them.
        assert!(city >= 18 && water >= 18, "city {city}, water {water}");
    }

    #[test]
    fn borders_follow_the_jitter() {
        let seeds = [Point::new(10, 10), Point::new(30, 10)];
        let mut rng = Stream::new(1, 2, &[]);
        let straight = partition(40, 20, &seeds, 0, &mut rng);
        assert_eq!(straight.get(Point::new(19, 5)), Some(&0));
        assert_eq!(straight.get(Point::new(21, 5)), Some(&1));
        let ragged = partition(40, 20, &seeds, 4, &mut rng);
        let mixed = (1..19).any(|y| ragged.get(Point::new(18, y)) == Some(&1));
        assert!(mixed, "no tile near the border changed sides");
        assert_eq!(
            ragged.get(Point::new(3, 5)),
            Some(&0),
            "far from the border"
        );
    }

    #[test]
    fn same_seed_same_composite_and_seeds_differ() {
        let p = CompositeParams::default();
        assert_deterministic(50, |seed| composite(seed, 80, 45, &p));
    }

    #[test]
    fn weird_params_and_sizes_do_not_panic() {
        let tweaks: [fn(&mut CompositeParams); 4] = [
            |_| {},
            |p| (p.biomes, p.regions, p.border_jitter) = (vec![], 0, i32::MIN),
            |p| (p.regions, p.border_jitter) = (u32::MAX, i32::MAX),
            |p| p.biomes = vec![Biome::Water; 40],
        ];
        assert_weird_inputs_survive(&tweaks, composite);
    }

    #[test]
    fn params_read_from_ron_with_defaults_and_reject_typos() {
        let p: CompositeParams =
            ron::from_str("(biomes: [City, Water], regions: 6)").expect("parses");
        assert_eq!(
            p,
            CompositeParams {
                biomes: vec![Biome::City, Biome::Water],
                regions: 6,
                ..CompositeParams::default()
            }
        );
        assert!(ron::from_str::<CompositeParams>("(biomes: [Lava])").is_err());
        assert!(ron::from_str::<CompositeParams>("(region: 3)").is_err());
        assert_eq!(
            CompositeParams::default().clamped(),
            CompositeParams::default()
        );
    }
}

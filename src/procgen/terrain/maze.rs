//! Mazes on a lattice of cells, with rooms at some of their dead ends.
//!
//! The map is tiled with square cells `corridor_width` tiles wide and one
//! wall tile between neighbours. A growing-tree walk opens walls between
//! cells until every cell is reached: usually it goes on from the newest
//! cell (a recursive backtracker, without the recursion), sometimes from a
//! random one, which adds side branches. The result is a perfect maze: one
//! piece, no loops. Braiding then opens some dead ends into a neighbouring
//! corridor, making loops, and some of the dead ends left get a small room
//! around them. Levels need four rooms (spawn, exit, boss, treasure), so
//! when too few dead ends got one, more are carved round other cells. Rooms
//! only ever turn wall into floor round a cell that is already floor, so the
//! maze stays one piece.

use serde::{Deserialize, Serialize};

use super::{Layout, Rect, clamp_size};
use crate::procgen::seed::Stream;
use crate::sim::algo::grid::Grid;
use crate::sim::tile::Tile;

/// The fewest rooms a maze tries to have: one per role a level hands out.
const MIN_ROOMS: usize = 4;

/// Passage bits of a cell, in the order of [`STEPS`].
const N: u8 = 1;
const E: u8 = 2;
const S: u8 = 4;
const W: u8 = 8;
/// Each passage bit with the cell offset it leads to and its opposite bit.
const STEPS: [(u8, i32, i32, u8); 4] = [(N, 0, -1, S), (E, 1, 0, W), (S, 0, 1, N), (W, -1, 0, E)];

/// How a maze is laid out. Missing fields take their defaults; out-of-range
/// values are clamped as documented (see [`MazeParams::clamped`]).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MazeParams {
    /// Corridor width in tiles (the side of a maze cell; walls between
    /// corridors are one tile thick). Clamped to `1..=3`, and narrower on a
    /// map too small for one cell.
    pub corridor_width: i32,
    /// Chance (percent, `0..=100`) at each step of the walk that it goes on
    /// from a random cell instead of the newest: 0 gives long winding
    /// corridors, 100 a bushy maze with many short dead ends.
    pub branch_percent: u32,
    /// Chance (percent, `0..=100`) that a dead end is opened into a
    /// neighbouring corridor, making a loop; 100 leaves no dead end.
    pub braid_percent: u32,
    /// Chance (percent, `0..=100`) that a dead end left after braiding gets a
    /// room. Whatever the chance, rooms are added until there are four when
    /// the map has room for them.
    pub room_percent: u32,
    /// Smallest room side in tiles. Clamped to `1..=64`, and on a small map
    /// to what lets four rooms fit.
    pub min_room: i32,
    /// Largest room side in tiles. Clamped to `min_room..=64`.
    pub max_room: i32,
}

impl Default for MazeParams {
    /// Tuned for an 80x45 level: one-tile corridors, a few loops, and
    /// usually 8 to 16 rooms.
    fn default() -> Self {
        Self {
            corridor_width: 1,
            branch_percent: 10,
            braid_percent: 25,
            room_percent: 30,
            min_room: 3,
            max_room: 6,
        }
    }
}

impl MazeParams {
    /// The parameters actually used: every field clamped to its range.
    pub fn clamped(&self) -> Self {
        let min_room = self.min_room.clamp(1, 64);
        Self {
            corridor_width: self.corridor_width.clamp(1, 3),
            branch_percent: self.branch_percent.min(100),
            braid_percent: self.braid_percent.min(100),
            room_percent: self.room_percent.min(100),
            min_room,
            max_room: self.max_room.clamp(min_room, 64),
        }
    }
}

/// The cell lattice: `nx` x `ny` cells of side `c`, the first one's top-left
/// tile at (`ox`, `oy`), each cell `c + 1` tiles from the next.
struct Lattice {
    nx: usize,
    ny: usize,
    c: i32,
    ox: i32,
    oy: i32,
}

impl Lattice {
    /// The largest lattice of cells of side `c` (or less, when not even one
    /// fits) centred on a `width` x `height` map; `None` below 3x3.
    fn fit(width: i32, height: i32, c: i32) -> Option<Self> {
        let c = c.min(width - 2).min(height - 2);
        if c < 1 {
            return None;
        }
        let pitch = c + 1;
        let (nx, ny) = ((width - 1) / pitch, (height - 1) / pitch);
        Some(Self {
            nx: nx as usize,
            ny: ny as usize,
            c,
            ox: 1 + (width - 1 - nx * pitch) / 2,
            oy: 1 + (height - 1 - ny * pitch) / 2,
        })
    }

    fn len(&self) -> usize {
        self.nx * self.ny
    }

    /// The cell one step (`dx`, `dy`) from `cell`, if inside the lattice.
    fn step(&self, cell: usize, dx: i32, dy: i32) -> Option<usize> {
        let (x, y) = ((cell % self.nx) as i32 + dx, (cell / self.nx) as i32 + dy);
        let inside = x >= 0 && y >= 0 && (x as usize) < self.nx && (y as usize) < self.ny;
        inside.then(|| y as usize * self.nx + x as usize)
    }

    /// The tiles of a cell.
    fn rect(&self, cell: usize) -> Rect {
        let pitch = self.c + 1;
        let (x, y) = ((cell % self.nx) as i32, (cell / self.nx) as i32);
        Rect::new(self.ox + x * pitch, self.oy + y * pitch, self.c, self.c)
    }
}

/// Builds a `width` x `height` maze (sizes clamped to `0..=MAX_SIDE`). The
/// rooms come dead-end rooms first, then any added to reach four. A map
/// smaller than 3x3 has no cell and is all wall.
pub fn generate(width: i32, height: i32, params: &MazeParams, rng: &mut Stream) -> Layout {
    let (width, height) = clamp_size(width, height);
    let p = params.clamped();
    let mut tiles = Grid::new(width, height, Tile::Wall);
    let Some(lat) = Lattice::fit(width, height, p.corridor_width) else {
        return Layout {
            tiles,
            rooms: Vec::new(),
        };
    };

    let mut open = grow(&lat, p.branch_percent, rng);
    let mut ends = dead_ends(&open);
    rng.shuffle(&mut ends);
    braid(&lat, &mut open, &ends, p.braid_percent, rng);
    ends.retain(|&c| open[c].count_ones() == 1);

    for (cell, &bits) in open.iter().enumerate() {
        let r = lat.rect(cell);
        fill(&mut tiles, r);
        if bits & E != 0 {
            fill(&mut tiles, Rect::new(r.x + r.w, r.y, 1, r.h));
        }
        if bits & S != 0 {
            fill(&mut tiles, Rect::new(r.x, r.y + r.h, r.w, 1));
        }
    }

    let mut rooms = Rooms {
        taken: Grid::new(width, height, false),
        list: Vec::new(),
    };
    let mut spare = Vec::new();
    for &cell in &ends {
        if rng.percent(p.room_percent) {
            rooms.try_place(&lat, cell, &p, rng);
        } else {
            spare.push(cell);
        }
    }
    if rooms.list.len() < MIN_ROOMS {
        // Too few: dead ends that got none first, then any cell, and a
        // one-tile room where a full-sized one does not fit.
        let mut any: Vec<usize> = (0..lat.len()).collect();
        rng.shuffle(&mut any);
        for cell in spare.into_iter().chain(any) {
            if rooms.list.len() >= MIN_ROOMS {
                break;
            }
            if !rooms.try_place(&lat, cell, &p, rng) {
                let one = MazeParams {
                    min_room: 1,
                    max_room: 1,
                    ..p.clone()
                };
                rooms.try_place(&lat, cell, &one, rng);
            }
        }
    }
    for &r in &rooms.list {
        fill(&mut tiles, r);
    }
    Layout {
        tiles,
        rooms: rooms.list,
    }
}

/// The growing-tree walk: every cell reached once, each reached cell joined
/// to the one it was reached from. Returns the passage bits of every cell.
fn grow(lat: &Lattice, branch_percent: u32, rng: &mut Stream) -> Vec<u8> {
    let mut open = vec![0u8; lat.len()];
    let mut seen = vec![false; lat.len()];
    let start = rng.below(lat.len() as u32) as usize;
    seen[start] = true;
    let mut active = vec![start];
    let mut options = Vec::with_capacity(4);
    while !active.is_empty() {
        let k = if rng.percent(branch_percent) {
            rng.below(active.len() as u32) as usize
        } else {
            active.len() - 1
        };
        let cell = active[k];
        options.clear();
        for &(bit, dx, dy, back) in &STEPS {
            if let Some(next) = lat.step(cell, dx, dy).filter(|&n| !seen[n]) {
                options.push((bit, next, back));
            }
        }
        let Some(&(bit, next, back)) = rng.pick(&options) else {
            active.swap_remove(k);
            continue;
        };
        open[cell] |= bit;
        open[next] |= back;
        seen[next] = true;
        active.push(next);
    }
    open
}

/// The cells with exactly one passage, in cell order.
fn dead_ends(open: &[u8]) -> Vec<usize> {
    (0..open.len())
        .filter(|&c| open[c].count_ones() == 1)
        .collect()
}

/// Opens some dead ends (in the order given) into a neighbour they are not
/// joined to, preferring a neighbour that is a dead end too, so one opening
/// removes two. Opening walls never disconnects anything.
fn braid(lat: &Lattice, open: &mut [u8], ends: &[usize], percent: u32, rng: &mut Stream) {
    let mut options = Vec::with_capacity(4);
    for &cell in ends {
        if open[cell].count_ones() != 1 || !rng.percent(percent) {
            continue;
        }
        options.clear();
        for &(bit, dx, dy, back) in &STEPS {
            if open[cell] & bit == 0
                && let Some(next) = lat.step(cell, dx, dy)
            {
                options.push((bit, next, back));
            }
        }
        let ends_too: Vec<_> = options
            .iter()
            .copied()
            .filter(|&(_, n, _)| open[n].count_ones() == 1)
            .collect();
        let pool = if ends_too.is_empty() {
            &options
        } else {
            &ends_too
        };
        if let Some(&(bit, next, back)) = rng.pick(pool) {
            open[cell] |= bit;
            open[next] |= back;
        }
    }
}

/// The rooms placed so far and the tiles they cover.
struct Rooms {
    taken: Grid<bool>,
    list: Vec<Rect>,
}

impl Rooms {
    /// Places a room of random size covering `cell`, at a random offset, if
    /// it stays inside the border and a tile away from every other room.
    /// Sides are capped so that four rooms fit on a small map.
    fn try_place(&mut self, lat: &Lattice, cell: usize, p: &MazeParams, rng: &mut Stream) -> bool {
        let (width, height) = (self.taken.width(), self.taken.height());
        let c = lat.rect(cell);
        // No side above what lets four rooms fit two by two on the map.
        let rw = rng
            .range(p.min_room, p.max_room)
            .min((width - 3) / 2)
            .max(1);
        let rh = rng
            .range(p.min_room, p.max_room)
            .min((height - 3) / 2)
            .max(1);
        // Offsets that keep the cell's tiles inside the room (or the room
        // inside the cell, when it is the smaller) and the room off the
        // border; never empty, because the cell itself is inside the border.
        let span = |at: i32, side: i32, room: i32, map: i32| {
            let lo = at.min(at + side - room).max(1);
            let hi = at.max(at + side - room).min(map - 1 - room);
            (lo, hi)
        };
        let (x0, x1) = span(c.x, c.w, rw, width);
        let (y0, y1) = span(c.y, c.h, rh, height);
        let room = Rect::new(rng.range(x0, x1), rng.range(y0, y1), rw, rh);
        let halo = Rect::new(room.x - 1, room.y - 1, room.w + 2, room.h + 2);
        if halo.points().any(|q| self.taken.get(q) == Some(&true)) {
            return false;
        }
        for q in room.points() {
            self.taken.set(q, true);
        }
        self.list.push(room);
        true
    }
}

fn fill(tiles: &mut Grid<Tile>, r: Rect) {
    for q in r.points() {
        tiles.set(q, Tile::Floor);
    }
}

#[cfg(test)]
mod tests {
    use super::super::{assert_deterministic, assert_weird_inputs_survive, sound_from};
    use super::*;
    use crate::sim::algo::grid::Point;

    fn maze(seed: u64, w: i32, h: i32, p: &MazeParams) -> Layout {
        sound_from(seed, &[Tile::Wall, Tile::Floor], |rng| {
            generate(w, h, p, rng)
        })
    }

    /// Floor tiles with exactly one walkable 4-neighbour, outside rooms.
    fn dead_end_tiles(l: &Layout) -> usize {
        let t = &l.tiles;
        t.points()
            .filter(|&q| t.get(q) == Some(&Tile::Floor))
            .filter(|&q| !l.rooms.iter().any(|r| r.contains(q)))
            .filter(|&q| {
                let around = [(0, -1), (1, 0), (0, 1), (-1, 0)];
                around
                    .iter()
                    .filter(|(dx, dy)| t.get(Point::new(q.x + dx, q.y + dy)) == Some(&Tile::Floor))
                    .count()
                    == 1
            })
            .count()
    }

    #[test]
    fn default_mazes_keep_every_guarantee() {
        for seed in 0..100 {
            let l = maze(seed, 80, 45, &MazeParams::default());
            assert!(l.rooms.len() >= 6, "seed {seed}: {} rooms", l.rooms.len());
        }
    }

    #[test]
    fn a_perfect_maze_has_no_loops() {
        // Cells minus passages is 1 for a tree: count both on the tiles.
        let p = MazeParams {
            braid_percent: 0,
            room_percent: 0,
            min_room: 1,
            max_room: 1,
            ..MazeParams::default()
        };
        for seed in 0..20 {
            let l = maze(seed, 41, 31, &p);
            let floor = l
                .tiles
                .cells()
                .iter()
                .filter(|&&t| t == Tile::Floor)
                .count();
            // 20x15 cells, and a perfect maze opens cells - 1 walls.
            assert_eq!(floor, 300 + 299, "seed {seed}");
            assert_eq!(l.rooms.len(), 4, "one-tile rooms over existing cells");
        }
    }

    #[test]
    fn braiding_removes_dead_ends() {
        let with = |braid_percent| MazeParams {
            braid_percent,
            room_percent: 0,
            ..MazeParams::default()
        };
        let (mut none, mut all) = (0, 0);
        for seed in 0..20 {
            none += dead_end_tiles(&maze(seed, 80, 45, &with(0)));
            all += dead_end_tiles(&maze(seed, 80, 45, &with(100)));
        }
        assert!(none >= 20 * 40, "{none} dead ends without braiding");
        assert!(all * 10 < none, "{all} dead ends left after full braiding");
    }

    #[test]
    fn wide_corridors_and_rooms_follow_the_params() {
        for c in 1..=3 {
            let p = MazeParams {
                corridor_width: c,
                ..MazeParams::default()
            };
            let l = maze(c as u64, 80, 45, &p);
            assert!(l.rooms.len() >= MIN_ROOMS, "width {c}");
            // Every floor tile outside rooms lies in a c x c open square.
            let t = &l.tiles;
            let open = |x: i32, y: i32| {
                Rect::new(x, y, c, c)
                    .points()
                    .all(|q| t.get(q) == Some(&Tile::Floor))
            };
            for q in t.points().filter(|&q| t.get(q) == Some(&Tile::Floor)) {
                let fits = (0..c).any(|dy| (0..c).any(|dx| open(q.x - dx, q.y - dy)));
                assert!(fits, "width {c}: {q:?} is in a narrower corridor");
            }
        }
        let big = MazeParams {
            room_percent: 100,
            min_room: 5,
            max_room: 5,
            ..MazeParams::default()
        };
        let l = maze(3, 80, 45, &big);
        assert!(l.rooms.iter().all(|r| (r.w, r.h) == (5, 5)));
    }

    #[test]
    fn four_rooms_even_without_dead_ends() {
        let p = MazeParams {
            braid_percent: 100,
            room_percent: 0,
            ..MazeParams::default()
        };
        for seed in 0..50 {
            assert_eq!(maze(seed, 80, 45, &p).rooms.len(), MIN_ROOMS);
        }
        // 5x5 holds 2x2 cells: four one-tile rooms.
        assert_eq!(maze(1, 5, 5, &MazeParams::default()).rooms.len(), 4);
    }

    #[test]
    fn same_seed_same_maze_and_seeds_differ() {
        let p = MazeParams::default();
        assert_deterministic(100, |seed| maze(seed, 80, 45, &p));
    }

    #[test]
    fn weird_params_and_sizes_do_not_panic() {
        let tweaks: [fn(&mut MazeParams); 6] = [
            |_| {},
            |p| (p.corridor_width, p.min_room, p.max_room) = (0, 0, 0),
            |p| (p.corridor_width, p.min_room, p.max_room) = (i32::MIN, i32::MIN, i32::MIN),
            |p| (p.corridor_width, p.min_room, p.max_room) = (i32::MAX, i32::MAX, i32::MAX),
            |p| {
                (p.branch_percent, p.braid_percent, p.room_percent) = (u32::MAX, u32::MAX, u32::MAX)
            },
            |p| (p.corridor_width, p.min_room, p.max_room, p.room_percent) = (3, 9, 2, 100),
        ];
        assert_weird_inputs_survive(&tweaks, maze);
        let tiny = maze(1, 3, 3, &MazeParams::default());
        assert_eq!(tiny.rooms, vec![Rect::new(1, 1, 1, 1)]);
    }

    #[test]
    fn params_read_from_ron_with_defaults_and_reject_typos() {
        let p: MazeParams =
            ron::from_str("(corridor_width: 2, braid_percent: 50)").expect("parses");
        assert_eq!(
            p,
            MazeParams {
                corridor_width: 2,
                braid_percent: 50,
                ..MazeParams::default()
            }
        );
        assert!(ron::from_str::<MazeParams>("(corridor: 2)").is_err());
        assert_eq!(MazeParams::default().clamped(), MazeParams::default());
    }
}

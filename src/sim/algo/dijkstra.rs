//! Reusable distance ("Dijkstra") maps for chasing, fleeing and exploring.
//!
//! All values are integers and every buffer is owned and reused, so refilling
//! a map of the same size allocates nothing and gives the same result anywhere.

use super::grid::{Dir, Point};

/// Value of tiles no source reaches (or beyond the distance bound).
pub const UNREACHED: i32 = i32::MAX;

/// Cost of one step on a flee map: flee values are in tenths of a step.
pub const FLEE_STEP: i32 = 10;

/// How strongly a flee map rewards distance from the sources: a tile `d`
/// steps away starts at `-FLEE_SCALE * d`, i.e. 1.2 times its distance.
pub const FLEE_SCALE: i32 = 12;

/// A distance value for every tile of a `width` x `height` map, plus the
/// queues used to fill it, kept between fills so refills do not allocate.
#[derive(Clone, Debug, Default)]
pub struct DijkstraMap {
    width: i32,
    height: i32,
    dist: Vec<i32>,
    /// Breadth-first frontier (and the relaxed-node queue of `compute_flee`).
    queue: Vec<usize>,
    /// Reached tiles sorted by starting value, for `compute_flee`.
    order: Vec<usize>,
}

impl DijkstraMap {
    /// An all-`UNREACHED` map with buffers sized for `width * height` tiles
    /// (negative sizes give an empty map).
    pub fn new(width: i32, height: i32) -> Self {
        let mut map = Self::default();
        map.resize(width, height);
        map
    }

    /// Width of the map in tiles.
    pub fn width(&self) -> i32 {
        self.width
    }

    /// Height of the map in tiles.
    pub fn height(&self) -> i32 {
        self.height
    }

    /// Multi-source breadth-first fill, 8-way steps of cost 1, bounded: tiles
    /// farther than `max_dist` stay `UNREACHED`. `passable(p)` says whether a
    /// step may enter p (sources are included even if not passable; sources
    /// outside the map are ignored). Diagonal steps may squeeze between two
    /// walls. Reuses buffers: no allocation when called again on a map of the
    /// same size.
    pub fn compute(
        &mut self,
        sources: impl IntoIterator<Item = Point>,
        max_dist: i32,
        passable: impl Fn(Point) -> bool,
    ) {
        self.dist.fill(UNREACHED);
        self.queue.clear();
        if max_dist < 0 {
            return;
        }
        for s in sources {
            if let Some(i) = self.index(s)
                && self.dist[i] == UNREACHED
            {
                self.dist[i] = 0;
                self.queue.push(i);
            }
        }
        let mut head = 0;
        while let Some(&i) = self.queue.get(head) {
            head += 1;
            let d = self.dist[i];
            if d >= max_dist {
                continue;
            }
            let p = self.point(i);
            for dir in Dir::ALL {
                let n = p.step(dir);
                if let Some(j) = self.index(n)
                    && self.dist[j] == UNREACHED
                    && passable(n)
                {
                    self.dist[j] = d + 1;
                    self.queue.push(j);
                }
            }
        }
    }

    /// Distance at p (`UNREACHED` outside the map).
    pub fn get(&self, p: Point) -> i32 {
        self.index(p).map_or(UNREACHED, |i| self.dist[i])
    }

    /// The step from `from` to the neighbour with the lowest value strictly
    /// below the value at `from`, skipping neighbours for which `blocked(p)`
    /// is true; ties go to the earlier direction in `Dir::ALL`. None when no
    /// neighbour improves or `from` is outside the map.
    pub fn downhill(&self, from: Point, blocked: impl Fn(Point) -> bool) -> Option<Dir> {
        let mut best_value = self.index(from).map(|i| self.dist[i])?;
        let mut best = None;
        for dir in Dir::ALL {
            let n = from.step(dir);
            let v = self.get(n);
            if v < best_value && !blocked(n) {
                best_value = v;
                best = Some(dir);
            }
        }
        best
    }

    /// Turns a chase map into a flee ("safety") map, Brogue-style: each
    /// reached tile `d` steps from the sources starts at `-FLEE_SCALE * d`,
    /// then values relax (`value[n] = min(value[n], value[c] + FLEE_STEP)`
    /// into passable reached tiles) until stable, so walking downhill leads
    /// away from the sources and toward distant open areas rather than into
    /// the nearest corner. Values are in tenths of a step; unreached chase
    /// tiles stay `UNREACHED`. A differently sized `chase` resizes `self`,
    /// reusing capacity.
    ///
    /// With one uniform step cost, exact Dijkstra needs no heap: tiles sorted
    /// by starting value merged with a FIFO of relaxed tiles (whose values
    /// only grow) pop in nondecreasing order, and each tile is relaxed at most
    /// once, so both queues fit in `width * height`.
    pub fn compute_flee(&mut self, chase: &DijkstraMap, passable: impl Fn(Point) -> bool) {
        if (self.width, self.height) != (chase.width, chase.height) {
            self.resize(chase.width, chase.height);
        }
        self.queue.clear();
        self.order.clear();
        for (i, &d) in chase.dist.iter().enumerate() {
            self.dist[i] = flee_start(d);
            if d != UNREACHED {
                self.order.push(i);
            }
        }
        // Farthest first; the index makes the order total, hence deterministic.
        self.order.sort_unstable_by_key(|&i| (self.dist[i], i));
        let (mut a, mut b) = (0, 0);
        loop {
            let next_a = self.order.get(a).map(|&i| (flee_start(chase.dist[i]), i));
            let next_b = self.queue.get(b).map(|&j| (self.dist[j], j));
            let i = match (next_a, next_b) {
                (Some((ka, i)), kb) if kb.is_none_or(|(kb, _)| ka <= kb) => {
                    a += 1;
                    if self.dist[i] != ka {
                        continue; // already improved; it waits in the FIFO
                    }
                    i
                }
                (_, Some((_, j))) => {
                    b += 1;
                    j
                }
                _ => break,
            };
            let v = self.dist[i].saturating_add(FLEE_STEP);
            let p = self.point(i);
            for dir in Dir::ALL {
                let n = p.step(dir);
                if let Some(j) = self.index(n)
                    && v < self.dist[j]
                    && chase.dist[j] != UNREACHED
                    && passable(n)
                {
                    self.dist[j] = v;
                    self.queue.push(j);
                }
            }
        }
    }

    /// Sets the size, refills with `UNREACHED` and reserves the queues,
    /// keeping any capacity already held.
    fn resize(&mut self, width: i32, height: i32) {
        self.width = width.max(0);
        self.height = height.max(0);
        let cells = self.width as usize * self.height as usize;
        self.dist.clear();
        self.dist.resize(cells, UNREACHED);
        self.queue.clear();
        self.queue.reserve(cells);
        self.order.clear();
        self.order.reserve(cells);
    }

    fn index(&self, p: Point) -> Option<usize> {
        (p.x >= 0 && p.y >= 0 && p.x < self.width && p.y < self.height)
            .then(|| p.y as usize * self.width as usize + p.x as usize)
    }

    fn point(&self, i: usize) -> Point {
        let w = self.width.max(1) as usize;
        Point::new((i % w) as i32, (i / w) as i32)
    }
}

/// The starting flee value of a tile `d` steps from the sources.
fn flee_start(d: i32) -> i32 {
    if d == UNREACHED {
        UNREACHED
    } else {
        d.saturating_mul(-FLEE_SCALE)
    }
}

#[cfg(test)]
mod tests {
    use super::super::grid::Grid;
    use super::*;

    /// Parses a map drawn with `#` for walls and `S` for the one source.
    fn parse(rows: &[&str]) -> (Grid<bool>, Point) {
        assert!(rows.iter().all(|r| r.len() == rows[0].len()), "ragged map");
        let mut walls = Grid::new(rows[0].len() as i32, rows.len() as i32, false);
        let mut source = Point::default();
        for (y, row) in rows.iter().enumerate() {
            for (x, c) in row.chars().enumerate() {
                let p = Point::new(x as i32, y as i32);
                walls.set(p, c == '#');
                if c == 'S' {
                    source = p;
                }
            }
        }
        (walls, source)
    }

    fn open(walls: &Grid<bool>) -> impl Fn(Point) -> bool + '_ {
        |p| walls.get(p) == Some(&false)
    }

    #[test]
    fn open_field_distances_are_chebyshev() {
        let mut map = DijkstraMap::new(15, 11);
        let src = Point::new(4, 7);
        map.compute([src], i32::MAX, |_| true);
        for p in Grid::new(15, 11, ()).points() {
            assert_eq!(map.get(p), p.chebyshev(src), "{p:?}");
        }
        assert_eq!(map.get(Point::new(-1, 0)), UNREACHED);
    }

    #[test]
    fn walls_are_routed_around() {
        let (walls, s) = parse(&[
            "..........", //
            ".#######..",
            ".#..S..#..",
            ".#.....#..",
            ".#.....#..",
            "..........",
        ]);
        let mut map = DijkstraMap::new(walls.width(), walls.height());
        map.compute([s], i32::MAX, open(&walls));
        // Straight up is 2 steps through the wall; round the bottom it is 11.
        assert_eq!(map.get(Point::new(4, 0)), 11);
        assert_eq!(
            map.get(Point::new(4, 1)),
            UNREACHED,
            "walls are never entered"
        );
        assert_eq!(map.get(Point::new(4, 5)), 3);
    }

    #[test]
    fn the_bound_leaves_far_tiles_unreached_and_sources_win_ties() {
        let mut map = DijkstraMap::new(20, 5);
        map.compute([Point::new(0, 2), Point::new(19, 2)], 4, |_| true);
        assert_eq!(map.get(Point::new(4, 0)), 4);
        assert_eq!(map.get(Point::new(5, 2)), UNREACHED);
        assert_eq!(map.get(Point::new(15, 2)), 4);
        map.compute([Point::new(0, 2), Point::new(9, 2)], i32::MAX, |_| true);
        assert_eq!(map.get(Point::new(5, 2)), 4, "the nearer source counts");
        assert_eq!(map.get(Point::new(19, 4)), 10);
        map.compute([Point::new(3, 3)], -1, |_| true);
        assert_eq!(map.get(Point::new(3, 3)), UNREACHED);
    }

    /// splitmix64: a tiny deterministic generator for randomized tests.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            (z ^ (z >> 31)) % n
        }
    }

    #[test]
    fn downhill_reaches_a_source_in_exactly_the_distance() {
        let mut rng = Rng(7);
        let mut map = DijkstraMap::new(25, 25);
        for _ in 0..20 {
            let mut walls = Grid::new(25, 25, false);
            for p in walls.points().collect::<Vec<_>>() {
                walls.set(p, rng.below(100) < 35);
            }
            let sources = [
                Point::new(rng.below(25) as i32, rng.below(25) as i32),
                Point::new(3, 3),
            ];
            map.compute(sources, 30, open(&walls));
            for p in walls.points() {
                let d = map.get(p);
                if d == UNREACHED {
                    continue;
                }
                let mut at = p;
                for _ in 0..d {
                    at = at.step(map.downhill(at, |_| false).expect("a step down"));
                }
                assert!(sources.contains(&at), "{p:?} ended at {at:?}");
                assert_eq!(map.downhill(at, |_| false), None);
            }
        }
    }

    #[test]
    fn downhill_skips_blocked_neighbours_and_breaks_ties_by_dir_order() {
        let mut map = DijkstraMap::new(9, 9);
        map.compute([Point::new(4, 0)], i32::MAX, |_| true);
        let from = Point::new(4, 4);
        // N, NE and NW all improve equally; N comes first in Dir::ALL.
        assert_eq!(map.downhill(from, |_| false), Some(Dir::N));
        let n = from.step(Dir::N);
        assert_eq!(map.downhill(from, |p| p == n), Some(Dir::NE));
        assert_eq!(map.downhill(from, |p| p.y < 4), None);
        assert_eq!(map.downhill(Point::new(-3, 4), |_| false), None);
    }

    #[test]
    fn fleeing_heads_for_the_big_room_not_the_dead_end() {
        let (walls, s) = parse(&[
            "##################################",
            "#################...............##",
            "#################...............##",
            "#################...............##",
            "#...............................##",
            "#.......S.......................##",
            "#...............................##",
            "#################...............##",
            "#################...............##",
            "##################################",
        ]);
        let (w, h) = (walls.width(), walls.height());
        let mut chase = DijkstraMap::new(w, h);
        chase.compute([s], i32::MAX, open(&walls));
        let mut flee = DijkstraMap::new(1, 1);
        flee.compute_flee(&chase, open(&walls));
        assert_eq!((flee.width(), flee.height()), (w, h));
        // Next to the chaser on the dead-end side: stepping to any farther
        // tile would back into the dead end; the flee map goes past instead.
        let mut at = Point::new(7, 4);
        let first = flee.downhill(at, |p| p == s).expect("a way out");
        assert!(
            first.delta().0 > 0,
            "first step {first:?} heads for the room"
        );
        // Values strictly fall on every step, so this walk ends.
        while let Some(d) = flee.downhill(at, |p| p == s) {
            at = at.step(d);
        }
        assert!(at.x >= 17 && chase.get(at) >= 20, "ended at {at:?}");
        assert_eq!(flee.get(Point::new(0, 0)), UNREACHED);
    }

    #[test]
    fn refilling_reuses_every_buffer() {
        let mut map = DijkstraMap::new(30, 20);
        let caps = |m: &DijkstraMap| (m.dist.capacity(), m.queue.capacity(), m.order.capacity());
        map.compute([Point::new(1, 1)], i32::MAX, |_| true);
        let before = caps(&map);
        map.compute([Point::new(29, 19), Point::new(5, 5)], 7, |p| p.x != 10);
        let mut flee = DijkstraMap::new(30, 20);
        flee.compute_flee(&map, |_| true);
        let flee_before = caps(&flee);
        map.compute([Point::new(2, 9), Point::new(99, 99)], i32::MAX, |_| true);
        flee.compute_flee(&map, |p| p.y != 4);
        assert_eq!(caps(&map), before);
        assert_eq!(caps(&flee), flee_before);
        assert!(before.0 >= 600 && before.1 >= 600);
    }

    #[test]
    fn empty_and_negative_maps_do_not_panic() {
        let mut map = DijkstraMap::new(-3, 5);
        assert_eq!((map.width(), map.height()), (0, 5));
        map.compute([Point::new(0, 0)], 5, |_| true);
        assert_eq!(map.get(Point::new(0, 0)), UNREACHED);
        assert_eq!(map.downhill(Point::new(0, 0), |_| false), None);
        let mut flee = DijkstraMap::new(4, 4);
        flee.compute_flee(&map, |_| true);
        assert_eq!((flee.width(), flee.height()), (0, 5));
    }
}

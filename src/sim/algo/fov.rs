//! Field of view by symmetric shadowcasting (Albert Ford, 2021).
//!
//! Slopes are exact integer fractions, so the lit set is identical on every
//! machine; nothing is allocated, and for floor tiles A sees B iff B sees A.

use super::grid::Point;

/// What field of view needs to know about a map.
pub trait Opacity {
    /// Whether `p` blocks sight. Points outside the map must report true.
    fn is_opaque(&self, p: Point) -> bool;
}

/// Radii above this are clamped, which bounds both the work done and the
/// recursion depth (one stack frame per row at most).
pub const MAX_RADIUS: i32 = 1024;

/// Calls `mark` for every tile visible from `origin` within `radius`
/// (circular: `dx*dx + dy*dy <= radius*radius + radius`). The origin is always
/// marked. Opaque tiles that are lit (walls) are marked too, so the player sees
/// the walls of a room; since points outside the map are opaque, `mark` may
/// receive such points and should ignore them. `mark` may be called more than
/// once for a tile. A negative radius marks nothing; radius 0 marks only the
/// origin; radii above [`MAX_RADIUS`] are clamped to it.
pub fn compute_fov(origin: Point, radius: i32, map: &impl Opacity, mut mark: impl FnMut(Point)) {
    if radius < 0 {
        return;
    }
    mark(origin);
    let radius = radius.min(MAX_RADIUS);
    for quadrant in [
        Quadrant::North,
        Quadrant::East,
        Quadrant::South,
        Quadrant::West,
    ] {
        let mut caster = Caster {
            origin,
            radius,
            reach2: radius * radius + radius,
            quadrant,
            map,
            mark: &mut mark,
        };
        caster.scan(Row {
            depth: 1,
            start: Slope { num: -1, den: 1 },
            end: Slope { num: 1, den: 1 },
        });
    }
}

/// An exact slope `num / den` (column over depth) with `den > 0`. With depth
/// at most `MAX_RADIUS + 1` every product below stays far inside `i32`.
#[derive(Clone, Copy, Debug)]
struct Slope {
    num: i32,
    den: i32,
}

impl Slope {
    /// The slope through the near-left corner of tile (`depth`, `col`).
    fn of_tile(depth: i32, col: i32) -> Self {
        Slope {
            num: 2 * col - 1,
            den: 2 * depth,
        }
    }
}

/// One row of a quadrant: the tiles at `depth` between two slopes.
#[derive(Clone, Copy, Debug)]
struct Row {
    depth: i32,
    start: Slope,
    end: Slope,
}

impl Row {
    /// `depth * start` rounded half up: `floor((2*d*n + den) / (2*den))`.
    fn min_col(&self) -> i32 {
        (2 * self.depth * self.start.num + self.start.den).div_euclid(2 * self.start.den)
    }

    /// `depth * end` rounded half down: `ceil((2*d*n - den) / (2*den))`.
    fn max_col(&self) -> i32 {
        -(self.end.den - 2 * self.depth * self.end.num).div_euclid(2 * self.end.den)
    }

    /// Whether the tile's centre lies inside the sector (the symmetric rule).
    fn is_symmetric(&self, col: i32) -> bool {
        col * self.start.den >= self.depth * self.start.num
            && col * self.end.den <= self.depth * self.end.num
    }

    fn next(&self) -> Row {
        Row {
            depth: self.depth + 1,
            ..*self
        }
    }
}

/// Which 90-degree cone around the origin a scan covers.
#[derive(Clone, Copy, Debug)]
enum Quadrant {
    North,
    East,
    South,
    West,
}

impl Quadrant {
    /// The map point of (`depth`, `col`); `None` if it does not fit in `i32`.
    fn transform(self, o: Point, depth: i32, col: i32) -> Option<Point> {
        let (x, y) = match self {
            Quadrant::North => (o.x.checked_add(col)?, o.y.checked_sub(depth)?),
            Quadrant::South => (o.x.checked_add(col)?, o.y.checked_add(depth)?),
            Quadrant::East => (o.x.checked_add(depth)?, o.y.checked_add(col)?),
            Quadrant::West => (o.x.checked_sub(depth)?, o.y.checked_add(col)?),
        };
        Some(Point::new(x, y))
    }
}

/// The state shared by every row scanned in one quadrant.
struct Caster<'a, O: Opacity, F: FnMut(Point)> {
    origin: Point,
    radius: i32,
    reach2: i32,
    quadrant: Quadrant,
    map: &'a O,
    mark: &'a mut F,
}

impl<O: Opacity, F: FnMut(Point)> Caster<'_, O, F> {
    /// Scans `row` and the rows behind it. Continuing past a fully lit row is
    /// a loop; only a wall splitting the row recurses, one level per row.
    fn scan(&mut self, mut row: Row) {
        while row.depth <= self.radius {
            let mut prev_wall: Option<bool> = None;
            for col in row.min_col()..=row.max_col() {
                let p = self.quadrant.transform(self.origin, row.depth, col);
                let wall = p.is_none_or(|p| self.map.is_opaque(p));
                if let Some(p) = p
                    && (wall || row.is_symmetric(col))
                    && row.depth * row.depth + col * col <= self.reach2
                {
                    (self.mark)(p);
                }
                if prev_wall == Some(true) && !wall {
                    row.start = Slope::of_tile(row.depth, col);
                }
                if prev_wall == Some(false) && wall {
                    let mut next = row.next();
                    next.end = Slope::of_tile(row.depth, col);
                    self.scan(next);
                }
                prev_wall = Some(wall);
            }
            if prev_wall != Some(false) {
                return;
            }
            row = row.next();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::grid::Grid;
    use super::*;

    /// `true` cells are walls.
    struct Walls(Grid<bool>);

    impl Opacity for Walls {
        fn is_opaque(&self, p: Point) -> bool {
            self.0.get(p).copied().unwrap_or(true)
        }
    }

    fn visible(map: &Walls, origin: Point, radius: i32) -> Grid<bool> {
        let mut seen = Grid::new(map.0.width(), map.0.height(), false);
        compute_fov(origin, radius, map, |p| seen.set(p, true));
        seen
    }

    #[test]
    fn open_room_sees_everything_within_the_radius_and_nothing_beyond() {
        let map = Walls(Grid::new(41, 41, false));
        let origin = Point::new(20, 20);
        for radius in [1, 2, 5, 8, 13] {
            let seen = visible(&map, origin, radius);
            for p in seen.points() {
                let inside = p.dist2(origin) <= radius * radius + radius;
                assert_eq!(seen.get(p), Some(&inside), "{p:?} at radius {radius}");
            }
        }
    }

    #[test]
    fn a_pillar_casts_a_shadow() {
        let mut grid = Grid::new(21, 21, false);
        grid.set(Point::new(12, 10), true);
        let seen = visible(&Walls(grid), Point::new(10, 10), 9);
        assert_eq!(seen.get(Point::new(11, 10)), Some(&true));
        assert_eq!(
            seen.get(Point::new(12, 10)),
            Some(&true),
            "the pillar is lit"
        );
        for x in 13..=19 {
            assert_eq!(seen.get(Point::new(x, 10)), Some(&false), "x = {x}");
        }
        assert_eq!(
            seen.get(Point::new(13, 12)),
            Some(&true),
            "beside the shadow"
        );
        assert_eq!(seen.get(Point::new(5, 10)), Some(&true), "the other side");
    }

    #[test]
    fn corridor_walls_are_seen_but_not_around_corners() {
        let mut grid = Grid::new(20, 12, true);
        for x in 1..=15 {
            grid.set(Point::new(x, 5), false);
        }
        for y in 1..=4 {
            grid.set(Point::new(15, y), false);
        }
        let seen = visible(&Walls(grid), Point::new(3, 5), 20);
        for x in 1..=15 {
            assert_eq!(seen.get(Point::new(x, 5)), Some(&true), "floor x = {x}");
        }
        for x in 0..=14 {
            assert_eq!(
                seen.get(Point::new(x, 4)),
                Some(&true),
                "north wall x = {x}"
            );
            assert_eq!(
                seen.get(Point::new(x, 6)),
                Some(&true),
                "south wall x = {x}"
            );
        }
        assert_eq!(seen.get(Point::new(0, 5)), Some(&true));
        assert_eq!(seen.get(Point::new(16, 5)), Some(&true));
        for y in 1..=3 {
            assert_eq!(seen.get(Point::new(15, y)), Some(&false), "branch y = {y}");
        }
        assert_eq!(seen.get(Point::new(3, 3)), Some(&false), "behind the wall");
    }

    /// splitmix64: a tiny deterministic generator for randomized tests.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    #[test]
    fn visibility_between_floor_tiles_is_symmetric() {
        let mut rng = Rng(0x5EED);
        const N: i32 = 30;
        for round in 0..12 {
            let mut grid = Grid::new(N, N, false);
            for p in grid.points().collect::<Vec<_>>() {
                grid.set(p, rng.below(100) < 45);
            }
            let map = Walls(grid);
            let radius = 3 + rng.below(10) as i32;
            let cells = (N * N) as usize;
            let mut sees = vec![false; cells * cells];
            for a in map.0.points() {
                if map.is_opaque(a) {
                    continue;
                }
                let ai = map.0.index(a).unwrap_or(0);
                compute_fov(a, radius, &map, |b| {
                    if let Some(bi) = map.0.index(b) {
                        sees[ai * cells + bi] = true;
                    }
                });
            }
            for a in map.0.points().filter(|&a| !map.is_opaque(a)) {
                for b in map.0.points().filter(|&b| !map.is_opaque(b)) {
                    let (ai, bi) = (map.0.index(a).unwrap(), map.0.index(b).unwrap());
                    assert_eq!(
                        sees[ai * cells + bi],
                        sees[bi * cells + ai],
                        "round {round}, radius {radius}: {a:?} and {b:?}"
                    );
                    if a.dist2(b) > radius * radius + radius {
                        assert!(!sees[ai * cells + bi], "{b:?} beyond the radius");
                    }
                }
            }
        }
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        let map = Walls(Grid::new(10, 10, false));
        let mut marks = Vec::new();
        compute_fov(Point::new(4, 4), 0, &map, |p| marks.push(p));
        marks.dedup();
        assert_eq!(marks, vec![Point::new(4, 4)]);

        marks.clear();
        compute_fov(Point::new(4, 4), -3, &map, |p| marks.push(p));
        assert!(marks.is_empty());

        marks.clear();
        compute_fov(Point::new(-50, 70), 8, &map, |p| marks.push(p));
        assert!(marks.iter().all(|p| p.chebyshev(Point::new(-50, 70)) <= 1));

        let far = Point::new(i32::MAX - 1, i32::MIN + 1);
        compute_fov(far, i32::MAX, &map, |_| {});
        let empty = Walls(Grid::new(0, -4, false));
        compute_fov(Point::new(0, 0), 5, &empty, |_| {});
    }
}

//! Points, the eight compass directions and a dense rectangular grid.
//!
//! Everything on a level is addressed by integer tile coordinates, so these
//! types carry no floats and hash the same on every machine.

use serde::{Deserialize, Serialize};

/// A tile coordinate. `x` grows east, `y` grows south.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Point {
    pub x: i32,
    pub y: i32,
}

impl Point {
    pub const fn new(x: i32, y: i32) -> Self {
        Self { x, y }
    }

    /// The neighbouring tile one step in `dir`.
    pub const fn step(self, dir: Dir) -> Self {
        let (dx, dy) = dir.delta();
        Self::new(self.x + dx, self.y + dy)
    }

    /// Chebyshev distance: the number of 8-way steps between two tiles on an
    /// open floor.
    pub fn chebyshev(self, other: Point) -> i32 {
        (self.x - other.x).abs().max((self.y - other.y).abs())
    }

    /// Squared Euclidean distance, for circular radii without square roots.
    pub fn dist2(self, other: Point) -> i32 {
        let dx = self.x - other.x;
        let dy = self.y - other.y;
        dx * dx + dy * dy
    }

    /// The direction of a single step from `self` towards an adjacent `other`.
    pub fn dir_to(self, other: Point) -> Option<Dir> {
        Dir::from_delta((other.x - self.x).signum(), (other.y - self.y).signum())
    }
}

/// One of the eight compass directions an actor can step in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Dir {
    N,
    NE,
    E,
    SE,
    S,
    SW,
    W,
    NW,
}

impl Dir {
    /// All eight directions, orthogonal ones first so that ties in path
    /// searches prefer straight steps.
    pub const ALL: [Dir; 8] = [
        Dir::N,
        Dir::E,
        Dir::S,
        Dir::W,
        Dir::NE,
        Dir::SE,
        Dir::SW,
        Dir::NW,
    ];

    /// The direction pointing the other way.
    pub const fn opposite(self) -> Dir {
        match self {
            Dir::N => Dir::S,
            Dir::NE => Dir::SW,
            Dir::E => Dir::W,
            Dir::SE => Dir::NW,
            Dir::S => Dir::N,
            Dir::SW => Dir::NE,
            Dir::W => Dir::E,
            Dir::NW => Dir::SE,
        }
    }

    /// The four orthogonal directions.
    pub const ORTHOGONAL: [Dir; 4] = [Dir::N, Dir::E, Dir::S, Dir::W];

    /// The (dx, dy) offset of one step.
    pub const fn delta(self) -> (i32, i32) {
        match self {
            Dir::N => (0, -1),
            Dir::NE => (1, -1),
            Dir::E => (1, 0),
            Dir::SE => (1, 1),
            Dir::S => (0, 1),
            Dir::SW => (-1, 1),
            Dir::W => (-1, 0),
            Dir::NW => (-1, -1),
        }
    }

    /// The direction with this offset; `None` for (0, 0) or offsets larger
    /// than one step.
    pub const fn from_delta(dx: i32, dy: i32) -> Option<Dir> {
        Some(match (dx, dy) {
            (0, -1) => Dir::N,
            (1, -1) => Dir::NE,
            (1, 0) => Dir::E,
            (1, 1) => Dir::SE,
            (0, 1) => Dir::S,
            (-1, 1) => Dir::SW,
            (-1, 0) => Dir::W,
            (-1, -1) => Dir::NW,
            _ => return None,
        })
    }

    pub const fn is_diagonal(self) -> bool {
        let (dx, dy) = self.delta();
        dx != 0 && dy != 0
    }
}

/// A dense `width` x `height` grid stored row by row.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Grid<T> {
    width: i32,
    height: i32,
    cells: Vec<T>,
}

impl<T: Clone> Grid<T> {
    /// A grid filled with `fill`. Negative sizes give an empty grid.
    pub fn new(width: i32, height: i32, fill: T) -> Self {
        let width = width.max(0);
        let height = height.max(0);
        Self {
            width,
            height,
            cells: vec![fill; (width as usize) * (height as usize)],
        }
    }

    /// Sets every cell to `value` without reallocating.
    pub fn fill(&mut self, value: T) {
        self.cells.fill(value);
    }
}

impl<T> Grid<T> {
    pub fn width(&self) -> i32 {
        self.width
    }

    pub fn height(&self) -> i32 {
        self.height
    }

    pub fn in_bounds(&self, p: Point) -> bool {
        p.x >= 0 && p.y >= 0 && p.x < self.width && p.y < self.height
    }

    /// The row-major index of an in-bounds point.
    pub fn index(&self, p: Point) -> Option<usize> {
        self.in_bounds(p)
            .then(|| p.y as usize * self.width as usize + p.x as usize)
    }

    /// The point at a row-major index.
    pub fn point(&self, index: usize) -> Point {
        let w = self.width.max(1) as usize;
        Point::new((index % w) as i32, (index / w) as i32)
    }

    pub fn get(&self, p: Point) -> Option<&T> {
        self.index(p).map(|i| &self.cells[i])
    }

    pub fn get_mut(&mut self, p: Point) -> Option<&mut T> {
        self.index(p).map(|i| &mut self.cells[i])
    }

    /// Writes `value` at `p`; points outside the grid are ignored.
    pub fn set(&mut self, p: Point, value: T) {
        if let Some(cell) = self.get_mut(p) {
            *cell = value;
        }
    }

    pub fn cells(&self) -> &[T] {
        &self.cells
    }

    pub fn cells_mut(&mut self) -> &mut [T] {
        &mut self.cells
    }

    /// Every point of the grid, row by row.
    pub fn points(&self) -> impl Iterator<Item = Point> + use<T> {
        let (w, h) = (self.width, self.height);
        (0..h).flat_map(move |y| (0..w).map(move |x| Point::new(x, y)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dirs_round_trip_through_deltas() {
        for d in Dir::ALL {
            let (dx, dy) = d.delta();
            assert_eq!(Dir::from_delta(dx, dy), Some(d));
        }
        assert_eq!(Dir::from_delta(0, 0), None);
        assert_eq!(Dir::from_delta(2, 0), None);
    }

    #[test]
    fn grid_indexes_row_major_and_rejects_outside_points() {
        let mut g = Grid::new(4, 3, 0u8);
        g.set(Point::new(3, 2), 7);
        assert_eq!(g.index(Point::new(3, 2)), Some(11));
        assert_eq!(g.point(11), Point::new(3, 2));
        assert_eq!(g.get(Point::new(4, 0)), None);
        assert_eq!(g.get(Point::new(-1, 0)), None);
        g.set(Point::new(9, 9), 1);
        assert_eq!(g.cells().iter().filter(|&&c| c != 0).count(), 1);
    }
}

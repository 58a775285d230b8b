//! Poisson-disc sampling on the tile grid (Bridson's algorithm): points
//! spread evenly but at random, no two closer than a given spacing, packed
//! until hardly another would fit.
//!
//! Everything is integer: candidates are drawn uniformly from the tile
//! offsets in the ring `spacing..=2*spacing` round an active point, so no
//! angle (and no float) is ever computed and the points are the same on
//! every machine.

use super::Rect;
use crate::procgen::seed::Stream;
use crate::sim::algo::grid::Point;

/// Candidates tried round an active point before it is retired (Bridson's k).
const ATTEMPTS: u32 = 30;

/// Points inside `area`, no two closer than `spacing` tiles (Euclidean; the
/// spacing is clamped to `1..=64`). Starts from a random point and grows
/// outwards; the points come in the order they were found.
pub(super) fn sample(area: Rect, spacing: i32, rng: &mut Stream) -> Vec<Point> {
    if area.area() == 0 {
        return Vec::new();
    }
    let r = spacing.clamp(1, 64);
    let mut grid = Background::new(area, r);
    let ring = ring(r);
    // Draws like `rng.below(ring.len())`, with the rejection threshold
    // worked out once instead of at every draw.
    let n = ring.len() as u32;
    let threshold = n.wrapping_neg() % n;
    let offset = |rng: &mut Stream| loop {
        let m = u64::from(rng.next_u32()) * u64::from(n);
        if (m as u32) >= threshold {
            return ring[(m >> 32) as usize];
        }
    };

    let first = Point::new(
        rng.range(area.x, area.x + area.w - 1),
        rng.range(area.y, area.y + area.h - 1),
    );
    let mut points = vec![first];
    grid.put(first, 0);
    let mut active = vec![0u32];
    while !active.is_empty() {
        let k = rng.below(active.len() as u32) as usize;
        let from = points[active[k] as usize];
        let mut found = None;
        for _ in 0..ATTEMPTS {
            let (dx, dy) = offset(rng);
            let q = Point::new(from.x + dx, from.y + dy);
            if area.contains(q) && grid.clear(&points, q) {
                found = Some(q);
                break;
            }
        }
        match found {
            Some(q) => {
                grid.put(q, points.len() as u32);
                active.push(points.len() as u32);
                points.push(q);
            }
            None => {
                active.swap_remove(k);
            }
        }
    }
    points
}

/// Every tile offset at distance `r..=2r`, row by row: candidates are drawn
/// from it uniformly, one draw each.
fn ring(r: i32) -> Vec<(i32, i32)> {
    let (lo, hi) = (r * r, 4 * r * r);
    (-2 * r..=2 * r)
        .flat_map(|dy| (-2 * r..=2 * r).map(move |dx| (dx, dy)))
        .filter(|&(dx, dy)| (lo..=hi).contains(&(dx * dx + dy * dy)))
        .collect()
}

/// The background grid of Bridson's algorithm: which point (if any) lies in
/// each `s` x `s` cell of the area. Two points closer than `r` can never
/// share a cell when 2 (s - 1)^2 < r^2, so each cell holds one point at most.
struct Background {
    area: Rect,
    gw: usize,
    r2: i32,
    cells: Vec<u32>,
    /// Per column (row) of the area: its cell column (row) and the first
    /// and last cell columns (rows) a point too close to it can be in.
    cols: Vec<(usize, usize, usize)>,
    rows: Vec<(usize, usize, usize)>,
}

impl Background {
    fn new(area: Rect, r: i32) -> Self {
        let s = 1 + isqrt((r * r - 1) / 2);
        // The farthest a too-close point can be on one axis.
        let reach = isqrt(r * r - 1);
        let spans = |len: i32| -> Vec<(usize, usize, usize)> {
            (0..len)
                .map(|i| {
                    let (lo, hi) = ((i - reach).max(0), (i + reach).min(len - 1));
                    ((i / s) as usize, (lo / s) as usize, (hi / s) as usize)
                })
                .collect()
        };
        let gw = ((area.w + s - 1) / s) as usize;
        let gh = ((area.h + s - 1) / s) as usize;
        Self {
            area,
            gw,
            r2: r * r,
            cells: vec![u32::MAX; gw * gh],
            cols: spans(area.w),
            rows: spans(area.h),
        }
    }

    /// Records point number `i` at `p` (inside the area).
    fn put(&mut self, p: Point, i: u32) {
        let cx = self.cols[(p.x - self.area.x) as usize].0;
        let cy = self.rows[(p.y - self.area.y) as usize].0;
        self.cells[cy * self.gw + cx] = i;
    }

    /// Whether no point lies closer than the spacing to `q` (inside the
    /// area): only the cells such a point could be in are looked at.
    fn clear(&self, points: &[Point], q: Point) -> bool {
        let (_, x0, x1) = self.cols[(q.x - self.area.x) as usize];
        let (_, y0, y1) = self.rows[(q.y - self.area.y) as usize];
        for cy in y0..=y1 {
            for &i in &self.cells[cy * self.gw + x0..=cy * self.gw + x1] {
                if i != u32::MAX && points[i as usize].dist2(q) < self.r2 {
                    return false;
                }
            }
        }
        true
    }
}

/// The integer square root (largest `k` with `k * k <= n`; 0 for `n <= 0`).
fn isqrt(n: i32) -> i32 {
    if n <= 0 {
        return 0;
    }
    // Newton's method from above: falls monotonically to the root.
    let mut k = n;
    let mut next = (k + 1) / 2;
    while next < k {
        k = next;
        next = (k + n / k) / 2;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    fn points(seed: u64, area: Rect, spacing: i32) -> Vec<Point> {
        sample(area, spacing, &mut Stream::new(seed, 0x1234, &[]))
    }

    #[test]
    fn points_are_inside_and_never_too_close() {
        for (seed, spacing) in [(1, 1), (2, 2), (3, 3), (4, 5), (5, 9)] {
            let area = Rect::new(3, 2, 60, 40);
            let pts = points(seed, area, spacing);
            assert!(pts.iter().all(|&p| area.contains(p)));
            for (i, a) in pts.iter().enumerate() {
                for b in &pts[i + 1..] {
                    assert!(a.dist2(*b) >= spacing * spacing, "{a:?} {b:?} at {spacing}");
                }
            }
        }
    }

    #[test]
    fn the_area_is_filled_evenly() {
        // Spacing 1 packs every tile; wider spacings leave no big hole.
        assert_eq!(points(7, Rect::new(0, 0, 20, 10), 1).len(), 200);
        let area = Rect::new(0, 0, 80, 50);
        for spacing in [2, 3, 4] {
            let pts = points(8, area, spacing);
            for q in area.points() {
                let near = pts.iter().any(|p| p.dist2(q) < 4 * spacing * spacing);
                assert!(near, "hole at {q:?} with spacing {spacing}");
            }
        }
    }

    #[test]
    fn same_seed_same_points_and_odd_inputs_are_safe() {
        let area = Rect::new(1, 1, 30, 30);
        assert_eq!(points(3, area, 3), points(3, area, 3));
        assert_ne!(points(3, area, 3), points(4, area, 3));
        assert!(points(1, Rect::new(0, 0, 0, 5), 2).is_empty());
        assert_eq!(points(1, Rect::new(4, 4, 1, 1), 2), vec![Point::new(4, 4)]);
        for spacing in [i32::MIN, -3, 0, 300, i32::MAX] {
            let pts = points(2, Rect::new(0, 0, 9, 7), spacing);
            assert!(!pts.is_empty());
        }
    }

    #[test]
    fn integer_square_roots() {
        for n in 0..2000 {
            let k = isqrt(n);
            assert!(k * k <= n && (k + 1) * (k + 1) > n, "{n}");
        }
        assert_eq!(isqrt(-5), 0);
    }
}

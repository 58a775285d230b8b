//! What makes a level more than rooms and corridors, added once roles are
//! known: chamfered room corners, a moat round a large boss room, a trap
//! room, traps in corridors, lakes (deep water ringed by shallows, or lava
//! deeper down) and pits to the level below.
//!
//! Every feature keeps the level's guarantee that all open ground is one
//! connected piece: a change that would cut the level is undone. Stairs and
//! the tiles where heroes arrive are never touched. Most changes are proved
//! safe by looking only at the tiles round them (see [`Edit::still_whole`]);
//! the rest need a search over the level, which stops as soon as the
//! tiles round the change are all found joined.

use serde::{Deserialize, Serialize};

use super::seed::Stream;
use super::terrain::is_connected;
use crate::schema::Span;
use crate::sim::algo::grid::{Grid, Point};
use crate::sim::level::{Room, RoomRole};
use crate::sim::tile::Tile;

/// Chance a lake is lava, from `lava_from_depth` on.
pub const LAVA_PERCENT: u32 = 40;

/// How often each feature appears, per band of depths (`levels.ron`,
/// `features:`). Every field has a default, so bands may leave it out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct FeatureParams {
    /// Chance per room of at least 5x5 that its corners are cut.
    pub chamfer_percent: u32,
    /// A boss room at least this wide and tall gets a moat with four
    /// bridges (0: never).
    pub moat_min_side: i32,
    /// Chance the level has a trap room (a plain room strewn with hidden
    /// traps).
    pub trap_room_percent: u32,
    /// Hidden traps in a trap room.
    pub traps_per_room: Span,
    /// Hidden traps on open ground outside rooms.
    pub corridor_traps: Span,
    /// Pools of water on open ground outside rooms.
    pub lakes: Span,
    /// Tiles per lake.
    pub lake_size: Span,
    /// From this depth on, a lake may be lava (`LAVA_PERCENT`; 0: never).
    pub lava_from_depth: i32,
    /// Pits down to the next level, in plain rooms (never on the last level).
    pub pits: Span,
}

impl Default for FeatureParams {
    fn default() -> Self {
        Self {
            chamfer_percent: 40,
            moat_min_side: 9,
            trap_room_percent: 35,
            traps_per_room: Span(3, 6),
            corridor_traps: Span(0, 2),
            lakes: Span(0, 2),
            lake_size: Span(8, 30),
            lava_from_depth: 5,
            pits: Span(0, 1),
        }
    }
}

impl FeatureParams {
    /// No features at all: bare rooms and corridors.
    pub fn none() -> Self {
        Self {
            chamfer_percent: 0,
            moat_min_side: 0,
            trap_room_percent: 0,
            traps_per_room: Span(0, 0),
            corridor_traps: Span(0, 0),
            lakes: Span(0, 0),
            lake_size: Span(0, 0),
            lava_from_depth: 0,
            pits: Span(0, 0),
        }
    }
}

/// Adds the features to a level whose rooms have their roles. `keep` lists
/// tiles never to change (stairs, arrival points).
pub fn decorate(
    tiles: &mut Grid<Tile>,
    rooms: &mut [Room],
    params: &FeatureParams,
    depth: i32,
    last_depth: i32,
    keep: &[Point],
    rng: &mut Stream,
) {
    let whole = is_connected(tiles);
    let mut edit = Edit { tiles, keep, whole };
    for room in rooms.iter() {
        let r = room.rect;
        if r.w >= 5 && r.h >= 5 && rng.percent(params.chamfer_percent) {
            let corners = [
                Point::new(r.x, r.y),
                Point::new(r.x + r.w - 1, r.y),
                Point::new(r.x, r.y + r.h - 1),
                Point::new(r.x + r.w - 1, r.y + r.h - 1),
            ];
            edit.cut_corners(r, &corners);
        }
    }
    if let Some(boss) = rooms.iter().find(|r| r.role == RoomRole::Boss) {
        let r = boss.rect;
        let side = params.moat_min_side;
        if side > 0 && r.w >= side && r.h >= side {
            moat(&mut edit, r);
        }
    }
    if rng.percent(params.trap_room_percent)
        && let Some(room) = rooms.iter_mut().find(|r| r.role == RoomRole::Plain)
    {
        room.role = RoomRole::Trap;
        let spots: Vec<Point> = room.rect.points().collect();
        for _ in 0..count(params.traps_per_room, rng) {
            if let Some(&p) = rng.pick(&spots) {
                edit.trap(p);
            }
        }
    }
    let mut room_mask = Grid::new(edit.tiles.width(), edit.tiles.height(), false);
    for p in rooms.iter().flat_map(|r| r.rect.points()) {
        room_mask.set(p, true);
    }
    let in_room = |p: Point| room_mask.get(p) == Some(&true);
    let outside: Vec<Point> = edit
        .tiles
        .points()
        .filter(|&p| edit.tiles.get(p) == Some(&Tile::Floor) && !in_room(p))
        .collect();
    for _ in 0..count(params.corridor_traps, rng) {
        if let Some(&p) = rng.pick(&outside) {
            edit.trap(p);
        }
    }
    for _ in 0..count(params.lakes, rng) {
        let Some(&start) = rng.pick(&outside) else {
            break;
        };
        let size = count(params.lake_size, rng).max(1);
        let deep_enough = params.lava_from_depth > 0 && depth >= params.lava_from_depth;
        let lava = deep_enough && rng.percent(LAVA_PERCENT);
        lake(&mut edit, start, size, lava, &in_room);
    }
    if depth < last_depth {
        let plain: Vec<Point> = rooms
            .iter()
            .filter(|r| r.role == RoomRole::Plain)
            .flat_map(|r| r.rect.points())
            .collect();
        for _ in 0..count(params.pits, rng) {
            if let Some(&p) = rng.pick(&plain) {
                edit.try_set(&[p], Tile::Pit);
            }
        }
    }
}

fn count(span: Span, rng: &mut Stream) -> usize {
    usize::try_from(rng.range(span.min().max(0), span.max().max(0))).unwrap_or(0)
}

/// Changes to floor tiles that are undone when they would cut the level.
struct Edit<'a> {
    tiles: &'a mut Grid<Tile>,
    keep: &'a [Point],
    /// Whether the level was one piece before any change (and so still is,
    /// since only changes that keep it whole stick).
    whole: bool,
}

impl Edit<'_> {
    /// Sets every given floor tile (others are left alone) to `tile`, unless
    /// the level would no longer be one piece. Returns whether it stuck.
    fn try_set(&mut self, points: &[Point], tile: Tile) -> bool {
        self.try_set_each(points.iter().map(|&p| (p, tile)))
    }

    /// Walls up those of a room's corner tiles that can go without cutting
    /// the level or leaving a door that opens onto rock: nothing outside the
    /// room opens onto the corner, and its two neighbours in the room are
    /// joined round the inner diagonal. Local, so no flood fill is needed.
    fn cut_corners(&mut self, room: crate::procgen::terrain::Rect, corners: &[Point]) {
        for &p in corners {
            if self.safe_corner(room, p)
                && !self.keep.contains(&p)
                && self.tiles.get(p) == Some(&Tile::Floor)
            {
                self.tiles.set(p, Tile::Wall);
            }
        }
    }

    fn safe_corner(&self, room: crate::procgen::terrain::Rect, p: Point) -> bool {
        // A secret door counts: once found it must not open onto rock.
        let passable = |q: Point| {
            self.tiles
                .get(q)
                .is_some_and(|&t| t.is_passable() || t == Tile::SecretDoor)
        };
        let walkable = |q: Point| self.tiles.get(q).is_some_and(|t| t.is_walkable());
        let opens_outside = [(1, 0), (-1, 0), (0, 1), (0, -1)]
            .iter()
            .map(|&(dx, dy)| Point::new(p.x + dx, p.y + dy))
            .any(|q| !room.contains(q) && passable(q));
        // Steps from the corner into the room.
        let sx = if p.x == room.x { 1 } else { -1 };
        let sy = if p.y == room.y { 1 } else { -1 };
        let bypass = [(sx, 0), (0, sy), (sx, sy)]
            .iter()
            .all(|&(dx, dy)| walkable(Point::new(p.x + dx, p.y + dy)));
        !opens_outside && bypass
    }

    /// Hides a trap at `p`, only where the trap, once known (and so avoided
    /// like a wall by paths and bots), would not cut the level.
    fn trap(&mut self, p: Point) {
        if self.try_set(&[p], Tile::KnownTrap) {
            self.tiles.set(p, Tile::Trap);
        }
    }

    fn try_set_each(&mut self, changes: impl IntoIterator<Item = (Point, Tile)>) -> bool {
        let mut undo = Vec::new();
        for (p, tile) in changes {
            if self.keep.contains(&p) || self.tiles.get(p) != Some(&Tile::Floor) {
                continue;
            }
            undo.push(p);
            self.tiles.set(p, tile);
        }
        if undo.is_empty() || self.still_whole(&undo) {
            return !undo.is_empty();
        }
        for p in undo {
            self.tiles.set(p, Tile::Floor);
        }
        false
    }
}

impl Edit<'_> {
    /// Whether the level is one piece after the floor tiles at `changed`
    /// were changed: exactly what a flood fill of the whole level says, but
    /// mostly found from the tiles round the change.
    ///
    /// Let `cut` be the changed tiles that are no longer walkable and `halo`
    /// the walkable tiles among their 8 neighbours. When the level was whole
    /// before, every tile left can still reach the halo (its old way to the
    /// cut ran through it), so the level is whole exactly when the halo is
    /// still joined up. Usually the halo joins up by itself and the check
    /// never leaves it; otherwise (a tile in a corridor, say) a search over
    /// the level decides, stopping as soon as it has met the whole halo.
    fn still_whole(&self, changed: &[Point]) -> bool {
        if !self.whole {
            return is_connected(self.tiles);
        }
        let walkable = |q: Point| self.tiles.get(q).is_some_and(|t| t.is_walkable());
        let mut halo: Vec<Point> = changed
            .iter()
            .filter(|&&q| !walkable(q))
            .flat_map(|q| (-1..=1).flat_map(move |dy| (-1..=1).map(move |dx| (q, dx, dy))))
            .map(|(q, dx, dy)| Point::new(q.x + dx, q.y + dy))
            .filter(|&q| walkable(q))
            .collect();
        halo.sort_unstable();
        halo.dedup();
        let in_halo = |q: Point| halo.binary_search(&q).is_ok();
        reaches_all(self.tiles, &halo, in_halo) || reaches_all(self.tiles, &halo, walkable)
    }
}

/// Whether every tile of `targets` (sorted) is reached from the first one
/// by 4-way steps over tiles where `open` holds (true when there is none).
/// Stops as soon as the last one is found.
fn reaches_all(tiles: &Grid<Tile>, targets: &[Point], open: impl Fn(Point) -> bool) -> bool {
    let Some(&first) = targets.first() else {
        return true;
    };
    let mut seen = Grid::new(tiles.width(), tiles.height(), false);
    seen.set(first, true);
    let mut stack = vec![first];
    let mut found = 1;
    while let Some(q) = stack.pop() {
        if found == targets.len() {
            return true;
        }
        for (dx, dy) in [(1, 0), (-1, 0), (0, 1), (0, -1)] {
            let n = Point::new(q.x + dx, q.y + dy);
            if seen.get(n) == Some(&false) && open(n) {
                seen.set(n, true);
                found += usize::from(targets.binary_search(&n).is_ok());
                stack.push(n);
            }
        }
    }
    found == targets.len()
}

/// Deep water one tile inside the room's edge, with a bridge in the middle
/// of each side.
fn moat(edit: &mut Edit<'_>, r: crate::procgen::terrain::Rect) {
    let (x0, y0, x1, y1) = (r.x + 1, r.y + 1, r.x + r.w - 2, r.y + r.h - 2);
    let (mx, my) = ((x0 + x1) / 2, (y0 + y1) / 2);
    let ring = (x0..=x1)
        .flat_map(|x| [Point::new(x, y0), Point::new(x, y1)])
        .chain((y0 + 1..y1).flat_map(|y| [Point::new(x0, y), Point::new(x1, y)]));
    let changes: Vec<(Point, Tile)> = ring
        .map(|p| {
            let bridge = p.x == mx || p.y == my;
            (
                p,
                if bridge {
                    Tile::Bridge
                } else {
                    Tile::DeepWater
                },
            )
        })
        .collect();
    edit.try_set_each(changes);
}

/// A pool grown from `start` over open floor outside rooms (rooms keep
/// their roles' space): shallow at its edge, deep inside (or all lava). If
/// deep water would cut the level, it stays shallow.
fn lake(
    edit: &mut Edit<'_>,
    start: Point,
    size: usize,
    lava: bool,
    in_room: &impl Fn(Point) -> bool,
) {
    let mut pool = vec![start];
    let mut head = 0;
    while pool.len() < size
        && let Some(&p) = pool.get(head)
    {
        head += 1;
        for q in [
            Point::new(p.x + 1, p.y),
            Point::new(p.x - 1, p.y),
            Point::new(p.x, p.y + 1),
            Point::new(p.x, p.y - 1),
        ] {
            let open = edit.tiles.get(q) == Some(&Tile::Floor) && !in_room(q);
            if pool.len() < size && open && !pool.contains(&q) {
                pool.push(q);
            }
        }
    }
    if lava {
        edit.try_set(&pool, Tile::Lava);
        return;
    }
    let inner = |p: Point| {
        [(1, 0), (-1, 0), (0, 1), (0, -1)]
            .iter()
            .all(|(dx, dy)| pool.contains(&Point::new(p.x + dx, p.y + dy)))
    };
    let deep: Vec<(Point, Tile)> = pool
        .iter()
        .map(|&p| {
            (
                p,
                if inner(p) {
                    Tile::DeepWater
                } else {
                    Tile::ShallowWater
                },
            )
        })
        .collect();
    if !edit.try_set_each(deep) {
        edit.try_set(&pool, Tile::ShallowWater);
    }
}

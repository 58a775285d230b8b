//! Things in flight: arrows, bolts, fireballs. A projectile flies a straight
//! line from its shooter past its target at its own speed, may pierce the
//! actors it hits, bounce off walls, and burst in a blast where it stops.
//!
//! All projectiles of the world live in one [`Projectiles`] resource whose
//! buffer is reserved up front and reused, so shooting allocates nothing
//! once warm. The flight maths here is pure and unit-tested; the
//! `systems::ranged` system launches, moves and lands them.

use crate::schema::monsters::ProjectileDef;
use crate::schema::{Rgb, StatusSpec};
use crate::sim::action::PlayerId;
use crate::sim::algo::grid::Point;
use crate::sim::combat::Attack;
use crate::sim::event::Who;

/// Ticks per second: speeds are written in tiles per second.
const TICKS_PER_SECOND: i32 = 20;
/// The widest blast a projectile may burst in (schemas are held to it).
pub const MAX_BLAST_RADIUS: u8 = 5;
/// The farthest a shot flies, in tiles (schemas are held to it).
pub const MAX_RANGE: i32 = 64;
/// Projectiles reserved for; more may fly, at the cost of one allocation.
pub const CAPACITY: usize = 256;

/// One projectile in flight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Projectile {
    /// Unique among projectiles (seeds its rolls).
    pub id: u64,
    pub depth: i32,
    /// Where the current straight leg of the flight started.
    pub origin: Point,
    /// The leg's direction: tile offset to the aimed-at tile.
    pub delta: (i32, i32),
    /// Steps flown along the current leg.
    pub steps: i32,
    pub at: Point,
    /// Progress towards the next step, in tiles x ticks-per-second.
    pub progress: i32,
    /// Tiles per second.
    pub speed: i32,
    /// Tiles it may still fly.
    pub range: i32,
    pub pierce: u8,
    pub bounce: u8,
    /// Blast radius where it stops (0: no blast).
    pub radius: u8,
    /// Who shot it: its hits are theirs, and it never hurts their side.
    pub owner: Who,
    pub attack: Attack,
    pub on_hit: Option<StatusSpec>,
    pub glyph: char,
    pub color: Rgb,
    /// The actor (stable id) it last hit, so a piercing shot hits each once.
    pub last_hit: u64,
    /// The hero credited with what it kills (its shooter's side).
    pub credit: Option<PlayerId>,
}

impl Projectile {
    /// A projectile leaving `from` towards `to` (it flies on past it).
    #[allow(clippy::too_many_arguments)]
    pub fn launch(
        id: u64,
        depth: i32,
        from: Point,
        to: Point,
        range: i32,
        def: &ProjectileDef,
        owner: Who,
        attack: Attack,
        on_hit: Option<StatusSpec>,
    ) -> Self {
        Self {
            id,
            depth,
            origin: from,
            delta: (to.x - from.x, to.y - from.y),
            steps: 0,
            at: from,
            progress: 0,
            speed: def.speed,
            range: range.clamp(0, MAX_RANGE),
            pierce: def.pierce,
            bounce: def.bounce,
            radius: def.radius.min(MAX_BLAST_RADIUS),
            owner,
            attack,
            on_hit,
            glyph: def.glyph,
            color: def.color,
            last_hit: 0,
            credit: match owner {
                Who::Player(p) => Some(p),
                _ => None,
            },
        }
    }

    /// How many whole tiles it moves this tick, keeping the remainder.
    pub fn steps_this_tick(&mut self) -> i32 {
        self.progress += self.speed.clamp(1, 400);
        let steps = self.progress / TICKS_PER_SECOND;
        self.progress %= TICKS_PER_SECOND;
        steps
    }

    /// The next tile along the current leg.
    pub fn next_tile(&self) -> Point {
        line_point(self.origin, self.delta, self.steps + 1)
    }

    /// Starts a new leg from where it is, reflected off the wall it would
    /// enter next: the axis whose step is blocked flips (both in a corner).
    pub fn reflect(&mut self, blocked: impl Fn(Point) -> bool) {
        let next = self.next_tile();
        let (sx, sy) = (next.x - self.at.x, next.y - self.at.y);
        let x_blocked = sx != 0 && blocked(Point::new(self.at.x + sx, self.at.y));
        let y_blocked = sy != 0 && blocked(Point::new(self.at.x, self.at.y + sy));
        let (mut dx, mut dy) = self.delta;
        match (x_blocked, y_blocked) {
            (true, false) => dx = -dx,
            (false, true) => dy = -dy,
            _ => (dx, dy) = (-dx, -dy),
        }
        self.origin = self.at;
        self.delta = (dx, dy);
        self.steps = 0;
    }
}

/// The `n`th tile on the line from `origin` in direction `delta`, rounding
/// to the nearest tile (a digital line that continues past the aim point).
pub fn line_point(origin: Point, delta: (i32, i32), n: i32) -> Point {
    let (dx, dy) = delta;
    let len = dx.abs().max(dy.abs());
    if len == 0 {
        return origin;
    }
    let along = |d: i32| {
        let num = i64::from(d) * i64::from(n) * 2;
        let den = i64::from(len) * 2;
        // Round half away from zero, the same on every machine.
        let q = (num.abs() + den / 2) / den;
        (if num < 0 { -q } else { q }) as i32
    };
    Point::new(origin.x + along(dx), origin.y + along(dy))
}

/// Whether a straight shot from `from` reaches `to` without crossing a tile
/// for which `blocks` is true (the end tiles are not checked).
pub fn clear_shot(from: Point, to: Point, blocks: impl Fn(Point) -> bool) -> bool {
    let delta = (to.x - from.x, to.y - from.y);
    let len = delta.0.abs().max(delta.1.abs());
    (1..len).all(|n| !blocks(line_point(from, delta, n)))
}

/// Every projectile in flight, in launch order.
#[derive(Debug)]
pub struct Projectiles {
    pub flying: Vec<Projectile>,
    pub next_id: u64,
}

impl Default for Projectiles {
    fn default() -> Self {
        Self {
            flying: Vec::with_capacity(CAPACITY),
            next_id: 1,
        }
    }
}

impl Projectiles {
    /// A fresh id for a new projectile.
    pub fn allocate(&mut self) -> u64 {
        let id = self.next_id;
        self.next_id += 1;
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{DamageType, Span};

    fn shot(origin: Point, delta: (i32, i32), speed: i32) -> Projectile {
        Projectile {
            id: 1,
            depth: 1,
            origin,
            delta,
            steps: 0,
            at: origin,
            progress: 0,
            speed,
            range: 20,
            pierce: 0,
            bounce: 0,
            radius: 0,
            owner: Who::Player(crate::sim::PlayerId(0)),
            attack: Attack {
                damage: Span(1, 2),
                damage_type: DamageType::Physical,
                attack: 0,
                accuracy: 0,
                crit_chance: 0,
                weakened: false,
                life_on_hit: 0,
            },
            on_hit: None,
            glyph: '*',
            color: crate::schema::Rgb(255, 255, 255),
            credit: None,
            last_hit: 0,
        }
    }

    #[test]
    fn lines_reach_their_aim_and_carry_on() {
        let o = Point::new(0, 0);
        assert_eq!(line_point(o, (4, 2), 4), Point::new(4, 2));
        assert_eq!(line_point(o, (4, 2), 8), Point::new(8, 4));
        assert_eq!(line_point(o, (-3, 0), 2), Point::new(-2, 0));
        assert_eq!(line_point(o, (0, 0), 5), o);
        // Each step moves one tile along the long axis.
        for n in 1..10 {
            let (a, b) = (line_point(o, (5, -3), n - 1), line_point(o, (5, -3), n));
            assert_eq!(a.chebyshev(b), 1);
        }
    }

    #[test]
    fn speed_sets_tiles_per_tick_with_remainders_kept() {
        let mut p = shot(Point::new(0, 0), (1, 0), 30);
        let steps: Vec<i32> = (0..4).map(|_| p.steps_this_tick()).collect();
        assert_eq!(steps, vec![1, 2, 1, 2], "30 tiles/s is 1.5 per tick");
        let mut slow = shot(Point::new(0, 0), (1, 0), 10);
        let total: i32 = (0..20).map(|_| slow.steps_this_tick()).sum();
        assert_eq!(total, 10, "10 tiles in a second");
    }

    #[test]
    fn reflects_off_the_wall_it_meets() {
        // Flying right and down into a wall on the right: x flips.
        let mut p = shot(Point::new(5, 5), (1, 1), 20);
        p.reflect(|q| q.x >= 6);
        assert_eq!(p.delta, (-1, 1));
        assert_eq!(p.origin, Point::new(5, 5));
        // Into a floor below: y flips.
        let mut p = shot(Point::new(5, 5), (1, 1), 20);
        p.reflect(|q| q.y >= 6);
        assert_eq!(p.delta, (1, -1));
        // Straight into a corner: it comes back.
        let mut p = shot(Point::new(5, 5), (1, 1), 20);
        p.reflect(|q| q.x >= 6 && q.y >= 6);
        assert_eq!(p.delta, (-1, -1));
    }

    #[test]
    fn walls_block_shots() {
        let wall = |p: Point| p == Point::new(2, 0);
        assert!(!clear_shot(Point::new(0, 0), Point::new(4, 0), wall));
        assert!(clear_shot(Point::new(0, 1), Point::new(4, 1), wall));
        assert!(
            clear_shot(Point::new(0, 0), Point::new(1, 0), wall),
            "adjacent"
        );
    }
}

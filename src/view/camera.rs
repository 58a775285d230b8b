//! Which part of the level the map viewport shows. The camera moves in big
//! jumps when the hero nears an edge rather than every step: the view stays
//! still while exploring a room, and a terminal redraws far less.

use crate::sim::algo::grid::Point;

/// The level coordinate of the viewport's top-left cell.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Camera {
    pub origin: Point,
    /// False until the first frame places it.
    placed: bool,
}

impl Camera {
    /// Keeps `hero` at least a third of the viewport away from its edges,
    /// re-centring when it comes closer; levels smaller than the viewport are
    /// centred and never scroll.
    pub fn follow(&mut self, hero: Point, view_w: i32, view_h: i32, level_w: i32, level_h: i32) {
        let x = axis(self.origin.x, hero.x, view_w, level_w, self.placed);
        let y = axis(self.origin.y, hero.y, view_h, level_h, self.placed);
        self.origin = Point::new(x, y);
        self.placed = true;
    }

    /// After [`Camera::follow`]: when something the hero sees (a monster
    /// coming down a long corridor) falls outside the viewport, re-centre on
    /// the hero so it shows, as far as the viewport's size allows.
    pub fn reveal(
        &mut self,
        hero: Point,
        seen: impl IntoIterator<Item = Point>,
        view: (i32, i32),
        level: (i32, i32),
    ) {
        let (view_w, view_h) = view;
        let shown = |p: Point| {
            let (x, y) = (p.x - self.origin.x, p.y - self.origin.y);
            x >= 0 && y >= 0 && x < view_w && y < view_h
        };
        if seen.into_iter().all(shown) {
            return;
        }
        // Not "placed": `axis` centres on the hero.
        self.origin = Point::new(
            axis(self.origin.x, hero.x, view_w, level.0, false),
            axis(self.origin.y, hero.y, view_h, level.1, false),
        );
    }
}

fn axis(origin: i32, hero: i32, view: i32, level: i32, placed: bool) -> i32 {
    if view <= 0 {
        return 0;
    }
    if level <= view {
        // Centre the whole level: negative origins pad it on both sides.
        return -(view - level) / 2;
    }
    let margin = (view / 3).max(1);
    let inside = hero - origin >= margin && origin + view - 1 - hero >= margin;
    let origin = if placed && inside {
        origin
    } else {
        hero - view / 2
    };
    origin.clamp(0, level - view)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_levels_are_centred() {
        let mut c = Camera::default();
        c.follow(Point::new(5, 5), 60, 20, 40, 10);
        assert_eq!(c.origin, Point::new(-10, -5));
    }

    #[test]
    fn jumps_only_near_the_edge() {
        let mut c = Camera::default();
        c.follow(Point::new(50, 20), 40, 20, 200, 100);
        assert_eq!(c.origin, Point::new(30, 10));
        // A few steps inside the middle third: no scroll.
        c.follow(Point::new(55, 22), 40, 20, 200, 100);
        assert_eq!(c.origin, Point::new(30, 10));
        // Into the right margin: re-centre on the hero.
        c.follow(Point::new(61, 22), 40, 20, 200, 100);
        assert_eq!(c.origin, Point::new(41, 10));
    }

    #[test]
    fn recentres_to_show_a_monster_past_the_edge() {
        let mut c = Camera::default();
        c.follow(Point::new(50, 20), 40, 19, 200, 100);
        // The hero walks up inside the middle third: no scroll...
        c.follow(Point::new(50, 17), 40, 19, 200, 100);
        assert_eq!(c.origin, Point::new(30, 11));
        // ...but a monster 8 rows up would be off the top.
        c.reveal(
            Point::new(50, 17),
            [Point::new(50, 9)],
            (40, 19),
            (200, 100),
        );
        assert_eq!(c.origin, Point::new(30, 8));
        // Nothing off screen: the camera stays put.
        c.reveal(
            Point::new(50, 17),
            [Point::new(52, 12)],
            (40, 19),
            (200, 100),
        );
        assert_eq!(c.origin, Point::new(30, 8));
    }

    #[test]
    fn never_shows_past_the_level_edge() {
        let mut c = Camera::default();
        c.follow(Point::new(1, 1), 40, 20, 200, 100);
        assert_eq!(c.origin, Point::new(0, 0));
        c.follow(Point::new(199, 99), 40, 20, 200, 100);
        assert_eq!(c.origin, Point::new(160, 80));
    }
}

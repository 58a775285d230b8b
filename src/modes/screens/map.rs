//! The level map: everything the hero has seen of this level, shrunk to
//! fit the screen (each character stands for a block of tiles, showing the
//! most telling thing in it: the hero, stairs, doors, floor, then walls).
//! `M` or Esc closes; any other key too.

use super::{Control, Outcome, Screen};
use crate::modes::input::Key;
use crate::modes::terminal::render::tile_glyph;
use crate::sim::Tile;
use crate::view::{Frame, Hud, LevelMap, Overlay, OverlayLine, Tone};

/// Room inside the overlay at 80x24: 76 columns, 17 rows.
const MAX_COLS: i32 = 74;
const MAX_ROWS: i32 = 16;

#[derive(Clone, Copy, Debug, Default)]
pub struct Map;

impl Screen for Map {
    fn handle(&mut self, _: Key, _: &Hud) -> Outcome {
        Outcome::control(Control::Pop)
    }

    fn overlay(&self, frame: &Frame) -> Option<Overlay> {
        let lines = shrink(&frame.level, MAX_COLS, MAX_ROWS)
            .into_iter()
            .map(|row| OverlayLine::toned(row, Tone::Normal))
            .collect();
        Some(Overlay {
            title: format!("Map of depth {}", frame.hud.depth),
            lines,
            footer: "@ you  < > stairs  any key: close".into(),
            tail: false,
        })
    }
}

/// How telling a tile is when several share one character.
fn rank(t: Tile) -> u8 {
    match t {
        Tile::StairsDown | Tile::StairsUp | Tile::Station => 5,
        Tile::Door | Tile::OpenDoor | Tile::Bridge => 4,
        Tile::KnownTrap | Tile::Lava | Tile::Pit => 3,
        Tile::Wall | Tile::SecretDoor | Tile::Tree => 1,
        _ => 2,
    }
}

/// The map in at most `cols` x `rows` characters.
fn shrink(map: &LevelMap, cols: i32, rows: i32) -> Vec<String> {
    if map.width <= 0 || map.height <= 0 {
        return vec!["Nothing seen yet.".into()];
    }
    let sx = (map.width + cols - 1) / cols;
    let sy = (map.height + rows - 1) / rows;
    let (w, h) = ((map.width + sx - 1) / sx, (map.height + sy - 1) / sy);
    (0..h)
        .map(|cy| {
            (0..w)
                .map(|cx| {
                    let block = (cy * sy..(cy * sy + sy).min(map.height)).flat_map(|y| {
                        (cx * sx..(cx * sx + sx).min(map.width)).map(move |x| (x, y))
                    });
                    let mut best: Option<Tile> = None;
                    for (x, y) in block {
                        if map.hero.x == x && map.hero.y == y {
                            return '@';
                        }
                        let tile = map
                            .tiles
                            .get((y * map.width + x) as usize)
                            .copied()
                            .flatten();
                        if let Some(t) = tile
                            && best.is_none_or(|b| rank(t) > rank(b))
                        {
                            best = Some(t);
                        }
                    }
                    best.map_or(' ', tile_glyph)
                })
                .collect::<String>()
                .trim_end()
                .to_owned()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::algo::grid::Point;

    #[test]
    fn a_big_level_shrinks_to_fit_and_keeps_the_hero_and_stairs() {
        let (w, h) = (200, 90);
        let mut tiles = vec![Some(Tile::Floor); (w * h) as usize];
        tiles[(50 * w + 150) as usize] = Some(Tile::StairsDown);
        tiles[0] = None;
        let map = LevelMap {
            width: w,
            height: h,
            tiles,
            hero: Point::new(10, 10),
        };
        let rows = shrink(&map, MAX_COLS, MAX_ROWS);
        assert!(rows.len() <= MAX_ROWS as usize);
        assert!(rows.iter().all(|r| r.chars().count() <= MAX_COLS as usize));
        assert!(rows.iter().any(|r| r.contains('@')));
        assert!(rows.iter().any(|r| r.contains('>')));
    }
}

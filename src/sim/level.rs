//! One level of the dungeon as the simulation holds it: tiles, rooms and
//! stairs from generation, plus the state kept while it is played (who stands
//! where, the distance maps monsters hunt and flee by).

use serde::{Deserialize, Serialize};
use specs::Entity;

use super::algo::dijkstra::DijkstraMap;
use super::algo::fov::Opacity;
use super::algo::grid::{Grid, Point};
use super::tile::Tile;
use crate::procgen::terrain::Rect;

/// What a room is for; generation places stairs, the boss and treasure by role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RoomRole {
    /// Where players arrive from above.
    Spawn,
    /// Holds the stairs down.
    Exit,
    /// Holds the level's boss.
    Boss,
    /// Holds extra items.
    Treasure,
    /// Strewn with hidden traps.
    Trap,
    Plain,
}

/// A room and its role.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Room {
    pub rect: Rect,
    pub role: RoomRole,
}

/// A level's map and the bookkeeping that goes with it.
#[derive(Debug)]
pub struct Level {
    pub depth: i32,
    pub tiles: Grid<Tile>,
    pub rooms: Vec<Room>,
    /// Where a player coming down arrives (the up stairs, or the start).
    pub arrival_from_above: Point,
    /// Where a player coming up arrives (the down stairs), if there are any.
    pub arrival_from_below: Option<Point>,
    /// The crafting station, if the level has one: where it is and its
    /// kind (an index into `Content::stations`).
    pub station: Option<(Point, u8)>,
    /// The actor on each tile, kept in step with positions by the systems.
    pub(crate) occupants: Grid<Option<Entity>>,
    /// Distance to the nearest living player on this level.
    pub(crate) chase: DijkstraMap,
    /// The matching flee map.
    pub(crate) flee: DijkstraMap,
    /// Set when a player moved, so the maps are rebuilt after the tick.
    pub(crate) paths_dirty: bool,
    /// The tiles as generated, before play changed any (doors opened,
    /// traps sprung, secret doors found): what a save stores its changes
    /// against, kept so saving never regenerates a level.
    pub(crate) generated: Grid<Tile>,
}

impl Level {
    pub fn new(
        depth: i32,
        tiles: Grid<Tile>,
        rooms: Vec<Room>,
        arrival_from_above: Point,
        arrival_from_below: Option<Point>,
    ) -> Self {
        let (w, h) = (tiles.width(), tiles.height());
        Self {
            depth,
            tiles,
            rooms,
            arrival_from_above,
            arrival_from_below,
            station: None,
            occupants: Grid::new(w, h, None),
            chase: DijkstraMap::new(w, h),
            flee: DijkstraMap::new(w, h),
            paths_dirty: true,
            generated: Grid::new(w, h, Tile::Wall),
        }
    }

    /// Marks the tiles as they are now as the generated ones (called once
    /// the level is complete, before any play).
    pub(crate) fn mark_generated(&mut self) {
        self.generated.clone_from(&self.tiles);
    }

    pub fn width(&self) -> i32 {
        self.tiles.width()
    }

    pub fn height(&self) -> i32 {
        self.tiles.height()
    }

    /// The tile at `p`; outside the map is wall.
    pub fn tile(&self, p: Point) -> Tile {
        self.tiles.get(p).copied().unwrap_or(Tile::Wall)
    }

    pub fn is_walkable(&self, p: Point) -> bool {
        self.tile(p).is_walkable()
    }

    /// The actor standing at `p`, if any.
    pub fn occupant(&self, p: Point) -> Option<Entity> {
        self.occupants.get(p).copied().flatten()
    }

    /// A free walkable tile at or near `p` (searching outward ring by ring),
    /// for placing an arriving player when the stairs are taken.
    pub fn free_tile_near(&self, p: Point) -> Option<Point> {
        let limit = self.width().max(self.height());
        for r in 0..=limit {
            for dy in -r..=r {
                for dx in -r..=r {
                    if dx.abs() != r && dy.abs() != r {
                        continue;
                    }
                    let q = Point::new(p.x + dx, p.y + dy);
                    if self.is_walkable(q) && self.occupant(q).is_none() {
                        return Some(q);
                    }
                }
            }
        }
        None
    }
}

impl Opacity for Level {
    fn is_opaque(&self, p: Point) -> bool {
        self.tile(p).is_opaque()
    }
}

//! Crafting stations: about half the levels have one of the world's genre's
//! station kinds (recipes.ron) on open floor in a plain room. A station tile
//! is walkable and transparent, so placing it keeps the level whole.

use crate::schema::Content;
use crate::sim::algo::grid::{Grid, Point};
use crate::sim::level::{Room, RoomRole};
use crate::sim::tile::Tile;

use super::level::free_near;
use super::seed::Stream;

/// Where the level's station goes and its kind, if it has one. `taken`
/// holds tiles already used (actors, items); the station's is added.
pub fn plan(
    content: &Content,
    tiles: &Grid<Tile>,
    rooms: &[Room],
    taken: &mut Vec<Point>,
    rng: &mut Stream,
) -> Option<(Point, u8)> {
    if !rng.percent(content.rules.extras.station_percent) {
        return None;
    }
    let kinds: Vec<u8> = content
        .world_stations()
        .filter_map(|s| u8::try_from(s).ok())
        .collect();
    let kind = *rng.pick(&kinds)?;
    let plain: Vec<&Room> = rooms.iter().filter(|r| r.role == RoomRole::Plain).collect();
    let room = rng.pick(&plain).copied()?;
    let at = free_near(tiles, room.rect.center(), taken)?;
    taken.push(at);
    Some((at, kind))
}

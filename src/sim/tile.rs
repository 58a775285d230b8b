//! The kinds of map tile and what each one allows.

use serde::{Deserialize, Serialize};

/// One cell of a level's map.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Tile {
    /// Solid rock or masonry: blocks movement and sight.
    #[default]
    Wall,
    /// Open ground.
    Floor,
    /// A closed door: blocks sight; walking into it opens it.
    Door,
    /// An open door: passable and transparent.
    OpenDoor,
    /// Leads one level deeper.
    StairsDown,
    /// Leads one level up.
    StairsUp,
}

impl Tile {
    /// Whether an actor can stand here. Closed doors count: stepping into one
    /// opens it and costs the step.
    pub const fn is_walkable(self) -> bool {
        !matches!(self, Tile::Wall)
    }

    /// Whether the tile stops sight.
    pub const fn is_opaque(self) -> bool {
        matches!(self, Tile::Wall | Tile::Door)
    }

    /// A stable byte for state hashes and saves.
    pub const fn code(self) -> u8 {
        match self {
            Tile::Wall => 0,
            Tile::Floor => 1,
            Tile::Door => 2,
            Tile::OpenDoor => 3,
            Tile::StairsDown => 4,
            Tile::StairsUp => 5,
        }
    }
}

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
    /// A door that looks like wall until a hero standing next to it finds it.
    SecretDoor,
    /// Wading depth: passable, and puts out burning.
    ShallowWater,
    /// Too deep to cross: blocks movement, not sight.
    DeepWater,
    /// Molten rock: passable, but burns whoever steps in.
    Lava,
    /// A hidden trap: looks like floor until it goes off.
    Trap,
    /// A trap that has been seen or sprung: it still goes off when stepped on.
    KnownTrap,
    /// A shaft to the level below: a hero who steps in falls and is hurt.
    Pit,
    /// A walkway over water, lava or a chasm.
    Bridge,
    /// A tree or other tall growth: blocks movement and sight.
    Tree,
    /// A crafting station (the level's `Level::station` says which kind):
    /// passable and transparent, like floor.
    Station,
}

impl Tile {
    /// Every tile kind, in code order (for tests and docs).
    pub const ALL: [Tile; 16] = [
        Tile::Wall,
        Tile::Floor,
        Tile::Door,
        Tile::OpenDoor,
        Tile::StairsDown,
        Tile::StairsUp,
        Tile::SecretDoor,
        Tile::ShallowWater,
        Tile::DeepWater,
        Tile::Lava,
        Tile::Trap,
        Tile::KnownTrap,
        Tile::Pit,
        Tile::Bridge,
        Tile::Tree,
        Tile::Station,
    ];

    /// Whether a hero can step here at all, hazards included. Closed doors
    /// count: stepping into one opens it and costs the step.
    pub const fn is_passable(self) -> bool {
        !matches!(
            self,
            Tile::Wall | Tile::SecretDoor | Tile::DeepWater | Tile::Tree
        )
    }

    /// Whether the tile is passable and safe: what monsters walk on, paths
    /// and bots follow, and level connectivity is checked over. A hidden
    /// trap counts as safe (nobody knows it is there).
    pub const fn is_walkable(self) -> bool {
        self.is_passable() && !self.is_hazard()
    }

    /// Known dangers: lava, a seen trap, a pit.
    pub const fn is_hazard(self) -> bool {
        matches!(self, Tile::Lava | Tile::KnownTrap | Tile::Pit)
    }

    /// Whether the tile stops sight.
    pub const fn is_opaque(self) -> bool {
        matches!(
            self,
            Tile::Wall | Tile::Door | Tile::SecretDoor | Tile::Tree
        )
    }

    /// Whether the tile is plain open floor that can hold an item or a monster
    /// at generation time (floor, shallow water or bridge; never a trap).
    pub const fn is_open_ground(self) -> bool {
        matches!(self, Tile::Floor | Tile::ShallowWater | Tile::Bridge)
    }

    /// What a player who has not found it sees: hidden things look like
    /// their surroundings.
    pub const fn appearance(self) -> Tile {
        match self {
            Tile::SecretDoor => Tile::Wall,
            Tile::Trap => Tile::Floor,
            t => t,
        }
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
            Tile::SecretDoor => 6,
            Tile::ShallowWater => 7,
            Tile::DeepWater => 8,
            Tile::Lava => 9,
            Tile::Trap => 10,
            Tile::KnownTrap => 11,
            Tile::Pit => 12,
            Tile::Bridge => 13,
            Tile::Tree => 14,
            Tile::Station => 15,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_in_order() {
        for (i, t) in Tile::ALL.iter().enumerate() {
            assert_eq!(usize::from(t.code()), i, "{t:?}");
        }
    }

    #[test]
    fn hidden_tiles_look_like_their_surroundings() {
        assert_eq!(Tile::SecretDoor.appearance(), Tile::Wall);
        assert_eq!(Tile::Trap.appearance(), Tile::Floor);
        assert!(Tile::Trap.is_walkable(), "nobody knows a hidden trap");
        assert!(!Tile::KnownTrap.is_walkable() && Tile::KnownTrap.is_passable());
        assert!(!Tile::SecretDoor.is_passable() && Tile::SecretDoor.is_opaque());
    }

    #[test]
    fn hazards_are_passable_but_not_walkable() {
        for t in Tile::ALL {
            if t.is_hazard() {
                assert!(t.is_passable() && !t.is_walkable(), "{t:?}");
            }
        }
        assert!(!Tile::DeepWater.is_passable() && !Tile::DeepWater.is_opaque());
        assert!(Tile::Bridge.is_walkable() && Tile::ShallowWater.is_walkable());
    }
}

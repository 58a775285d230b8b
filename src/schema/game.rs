//! `data-schemas/game.ron`: the rules that are not about any one monster or item.

use serde::{Deserialize, Serialize};

use super::common::{DamageType, Resistances, Rgb, Span};

/// The file's top level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GameRules {
    /// How many levels the dungeon has; the deepest one holds the final boss.
    pub dungeon_depth: i32,
    /// Monster health, attack and defence grow by this percent for every
    /// level below the monster's shallowest depth; experience grows with them.
    pub depth_scaling_percent: i32,
    pub player: PlayerDef,
    pub levelling: Levelling,
    /// Ticks between two points of natural healing (0: none).
    pub regen_interval: i32,
    /// How many ticks a monster keeps hunting a player it has lost sight of.
    pub hunt_memory: i32,
    /// How far (in steps) monsters can track a player around walls.
    pub chase_radius: i32,
    /// How often levels have a merchant or a crafting station.
    #[serde(default)]
    pub extras: LevelExtras,
}

/// The chances of the people and places a level may have beyond its
/// monsters and items (left out of a mod's game.ron: these defaults).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LevelExtras {
    /// Percent of levels below the first with a merchant.
    pub merchant_percent: u32,
    /// Wares a merchant carries (1..=24: the shop names each by a letter).
    pub merchant_stock: u32,
    /// Percent of levels with a crafting station.
    pub station_percent: u32,
}

impl Default for LevelExtras {
    fn default() -> Self {
        Self {
            merchant_percent: 60,
            merchant_stock: 6,
            station_percent: 50,
        }
    }
}

/// The hero every player starts as.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlayerDef {
    pub name: String,
    pub color: Rgb,
    pub hp: i32,
    pub attack: i32,
    pub defense: i32,
    /// Bare-hand damage.
    pub damage: Span,
    #[serde(default)]
    pub damage_type: DamageType,
    pub evasion: i32,
    pub accuracy: i32,
    pub crit_chance: i32,
    #[serde(default)]
    pub resist: Resistances,
    /// Energy per tick; 1000 buys one action.
    pub speed: i32,
    /// Ticks between blows with bare hands.
    pub attack_delay: i32,
    /// Field-of-view radius in tiles.
    pub sight: i32,
    /// How many different items the pack holds (at most
    /// [`MAX_INVENTORY_SIZE`]).
    pub inventory_size: i32,
}

/// The largest pack a mod may give: the menus name each slot by a letter,
/// and two letters are the pack's own keys.
pub const MAX_INVENTORY_SIZE: i32 = 24;

/// Experience needed per level and what each level-up gives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Levelling {
    /// Experience needed to reach level 2.
    pub first: i32,
    /// Each further level needs this percent of the previous step.
    pub growth_percent: i32,
    pub max_level: i32,
    /// Added at every level-up.
    pub hp: i32,
    pub attack: i32,
    pub defense: i32,
    pub accuracy: i32,
}

//! `data-schemas/monsters.ron`: every creature that can appear in the dungeon.

use serde::{Deserialize, Serialize};

use super::common::{DamageType, Resistances, Rgb, Span, StatusSpec};

/// The file's top level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonstersFile {
    pub monsters: Vec<MonsterDef>,
}

/// One kind of monster. Stats are for its shallowest depth; deeper levels
/// scale them by `GameRules::depth_scaling_percent` per level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonsterDef {
    /// Unique key other files refer to.
    pub id: String,
    /// Shown in messages: "The {name} hits you."
    pub name: String,
    /// Terminal glyph.
    pub glyph: char,
    pub color: Rgb,
    pub hp: i32,
    /// Added to every damage roll.
    pub attack: i32,
    pub defense: i32,
    /// Base damage roll before attack, defence and resistance.
    pub damage: Span,
    #[serde(default)]
    pub damage_type: DamageType,
    /// Chance in percent that an incoming hit misses.
    #[serde(default)]
    pub evasion: i32,
    /// Cancels the defender's evasion point for point.
    #[serde(default)]
    pub accuracy: i32,
    /// Chance in percent of a critical hit.
    #[serde(default = "default_crit")]
    pub crit_chance: i32,
    #[serde(default)]
    pub resist: Resistances,
    /// Energy gained per tick; 1000 energy buys one step or blow.
    pub speed: i32,
    /// Ticks between two blows.
    pub attack_delay: i32,
    /// How far (in tiles) it notices a player it can see.
    pub sight: i32,
    /// Experience the killer gains.
    pub xp: i32,
    /// The shallowest and deepest levels it appears on.
    pub depth: Span,
    /// Relative frequency among the monsters allowed at a depth.
    #[serde(default = "default_weight")]
    pub weight: u32,
    /// Flees when its health falls below this percent (0 never flees).
    #[serde(default)]
    pub flee_below: i32,
    /// A status its hits may inflict.
    #[serde(default)]
    pub on_hit: Option<StatusSpec>,
    /// Item ids it may drop, each with a chance in percent.
    #[serde(default)]
    pub loot: Vec<LootEntry>,
    /// Bosses only appear in a level's boss room, never as ordinary spawns.
    #[serde(default)]
    pub boss: bool,
}

/// A possible drop: the item's id and the chance in percent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LootEntry(pub String, pub u32);

fn default_crit() -> i32 {
    5
}

fn default_weight() -> u32 {
    10
}

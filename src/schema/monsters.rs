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
    /// What role it plays: bosses only appear in a level's boss room, minions
    /// only as escorts, NPCs never fight.
    #[serde(default)]
    pub kind: MonsterKind,
    /// Body size: scales health, damage, speed and evasion (see [`Size`]).
    #[serde(default)]
    pub size: Size,
    /// The genres it belongs to (ids from genres.ron); at least one.
    pub genres: Vec<String>,
    /// A ranged attack or spell it uses on heroes in sight and range.
    #[serde(default)]
    pub ranged: Option<RangedAttack>,
    /// Monsters that appear around it when it is placed (a pack).
    #[serde(default)]
    pub escort: Option<Escort>,
    /// A merchant (an `Npc`): some levels place one, with wares to sell,
    /// and it buys what heroes bring.
    #[serde(default)]
    pub trades: bool,
    /// Spell ids (spells.ron) it casts at heroes, in order of preference.
    #[serde(default)]
    pub spells: Vec<String>,
}

/// The role a monster plays in a level.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MonsterKind {
    /// Placed by weight among a depth's ordinary monsters.
    #[default]
    Monster,
    /// Only placed as the escort of another monster.
    Minion,
    /// Only placed in boss rooms; the last level's boss ends the run.
    Boss,
    /// A peaceful figure: never attacks, never hunted by the bots.
    Npc,
}

/// Five body sizes. Percent multipliers: health, damage, speed, evasion.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Size {
    Tiny,
    Small,
    #[default]
    Medium,
    Large,
    Huge,
}

impl Size {
    /// (health, damage, speed, evasion) as percent of the written stats.
    pub const fn multipliers(self) -> (i32, i32, i32, i32) {
        match self {
            Size::Tiny => (50, 60, 120, 160),
            Size::Small => (75, 80, 110, 125),
            Size::Medium => (100, 100, 100, 100),
            Size::Large => (150, 125, 90, 75),
            Size::Huge => (220, 150, 80, 50),
        }
    }

    pub const fn name(self) -> &'static str {
        match self {
            Size::Tiny => "tiny",
            Size::Small => "small",
            Size::Medium => "medium",
            Size::Large => "large",
            Size::Huge => "huge",
        }
    }
}

/// A shot or spell thrown at a target: a projectile that flies
/// `speed` tiles per second and hurts the first actor it meets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RangedAttack {
    /// Shown in messages: "The archer {verb} you" ("shoots an arrow at").
    pub verb: String,
    /// Tiles; targets farther away are not shot at.
    pub range: i32,
    pub damage: Span,
    #[serde(default)]
    pub damage_type: DamageType,
    /// Ticks between two shots.
    pub delay: i32,
    pub projectile: ProjectileDef,
    /// A status the shot may inflict.
    #[serde(default)]
    pub on_hit: Option<StatusSpec>,
}

/// How a projectile flies and what it does when it lands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProjectileDef {
    pub glyph: char,
    pub color: Rgb,
    /// Tiles per second (20 ticks); `1..=400`.
    pub speed: i32,
    /// Actors it passes through after the first it hits.
    #[serde(default)]
    pub pierce: u8,
    /// Times it bounces off walls before it stops.
    #[serde(default)]
    pub bounce: u8,
    /// Radius of the blast where it stops (0: none; it hurts only what it hits).
    #[serde(default)]
    pub radius: u8,
}

/// A pack of minions around a monster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Escort {
    /// The id of the monster that escorts it (usually a `Minion`).
    pub monster: String,
    pub count: Span,
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

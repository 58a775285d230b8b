//! `data-schemas/affixes.ron`: the rarity tiers of found gear and the
//! prefixes and suffixes that make one sword unlike another.
//!
//! Weapons and armour lying on a level or dropped by a monster roll a tier
//! (chances by depth, better from rarer monsters), which scales their stats
//! and sets how many affixes they carry. Consumables and currency are always
//! common, so stacks of them stay whole.

use serde::{Deserialize, Serialize};

use super::common::{DamageType, Rarity, Rgb, Span, StatusSpec};
use super::mods::Section;

/// The file's top level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AffixesFile {
    /// One entry per rarity, Common first, Legendary last.
    #[serde(default)]
    pub tiers: Section<Vec<TierDef>>,
    /// How a dying monster's rarity improves its drops.
    #[serde(default)]
    pub drops: Section<DropBonus>,
    #[serde(default)]
    pub affixes: Vec<AffixDef>,
}

/// One rarity tier of gear.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TierDef {
    pub rarity: Rarity,
    /// The colour its name is shown in.
    pub color: Rgb,
    /// Percent applied to the item's own damage, defence, evasion and
    /// resistances, and to its affixes' values.
    pub stat_percent: i32,
    /// How many affixes it carries, rolled in the span (at most
    /// [`MAX_PREFIXES`] prefixes and [`MAX_SUFFIXES`] suffixes).
    pub affixes: Span,
    /// Percent of the base price merchants ask.
    pub value_percent: i32,
    /// Its weight among the tiers on depth 1...
    pub base_weight: i32,
    /// ...changed by this much for every level deeper (never below 0).
    pub weight_per_depth: i32,
}

/// Drops from exceptional monsters count as found deeper.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DropBonus {
    /// Levels added per step of the dropper's rarity above common.
    pub per_monster_rarity: i32,
    /// Levels added when the dropper is a boss.
    pub boss: i32,
}

/// Where an affix's word goes in the name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AffixPlace {
    /// Before the item's name: "keen short sword".
    Prefix,
    /// After it, behind "of": "short sword of embers".
    Suffix,
}

/// What an affix can be rolled on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AffixTarget {
    /// Any weapon, melee or ranged.
    Weapon,
    /// Only weapons that shoot.
    Ranged,
    /// Any piece of armour, in any slot.
    Armor,
}

/// What an affix does to the one who wields or wears its item. Every
/// effect is one the simulation applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AffixEffect {
    /// Percent more weapon damage (both ends of the roll).
    Damage(i32),
    /// Flat bonus added to every damage roll.
    Attack(i32),
    /// Cancels the target's evasion point for point.
    Accuracy(i32),
    /// Percent points of critical chance.
    Crit(i32),
    /// Percent fewer ticks between blows and shots.
    Quickness(i32),
    Defense(i32),
    /// Percent points of evasion.
    Evasion(i32),
    /// Percent resistance to one damage type.
    Resist(DamageType, i32),
    MaxHealth(i32),
    /// Energy gained per tick (a hero starts with 250).
    Speed(i32),
    /// Hit points regained whenever a blow or shot of the wearer lands.
    LifeOnHit(i32),
    /// A status the wielder's hits may inflict when the weapon has none.
    OnHit(StatusSpec),
}

impl AffixEffect {
    /// Which kind of effect this is: an item never carries two affixes of
    /// the same kind ("keen deadly sword"); each resisted type is a kind.
    pub const fn kind(&self) -> u8 {
        match self {
            AffixEffect::Damage(_) => 0,
            AffixEffect::Attack(_) => 1,
            AffixEffect::Accuracy(_) => 2,
            AffixEffect::Crit(_) => 3,
            AffixEffect::Quickness(_) => 4,
            AffixEffect::Defense(_) => 5,
            AffixEffect::Evasion(_) => 6,
            AffixEffect::Resist(t, _) => 12 + t.index() as u8,
            AffixEffect::MaxHealth(_) => 8,
            AffixEffect::Speed(_) => 9,
            AffixEffect::LifeOnHit(_) => 10,
            AffixEffect::OnHit(_) => 7,
        }
    }
}

/// One prefix or suffix.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AffixDef {
    /// Unique key.
    pub id: String,
    /// The word or words it adds: "keen" (a prefix), "embers" (a suffix,
    /// shown as "of embers").
    pub word: String,
    pub place: AffixPlace,
    /// What it can be rolled on; at least one.
    pub on: Vec<AffixTarget>,
    pub effect: AffixEffect,
    /// The shallowest and deepest levels it is rolled on.
    pub depth: Span,
    /// Relative frequency among the affixes that fit.
    #[serde(default = "default_weight")]
    pub weight: u32,
    /// The genres whose gear it is rolled on (ids from genres.ron); empty
    /// for every genre.
    #[serde(default)]
    pub genres: Vec<String>,
}

/// Most prefixes and suffixes one item carries.
pub const MAX_PREFIXES: usize = 2;
pub const MAX_SUFFIXES: usize = 2;
/// Most affixes one item carries.
pub const MAX_AFFIXES: usize = MAX_PREFIXES + MAX_SUFFIXES;

fn default_weight() -> u32 {
    10
}

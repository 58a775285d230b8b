//! Small value types shared by several schema files.

use serde::{Deserialize, Serialize};

/// A colour as the schemas write it: `(r, g, b)`. Front ends map it down to
/// whatever the display supports.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// An inclusive integer range written `(min, max)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span(pub i32, pub i32);

impl Span {
    pub fn min(self) -> i32 {
        self.0.min(self.1)
    }

    pub fn max(self) -> i32 {
        self.0.max(self.1)
    }

    pub fn contains(self, v: i32) -> bool {
        (self.min()..=self.max()).contains(&v)
    }
}

/// What kind of harm a hit does; each actor resists each kind separately.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum DamageType {
    #[default]
    Physical,
    Fire,
    Ice,
    Lightning,
    Poison,
    Earth,
    Wind,
    Light,
    Dark,
    Arcane,
}

impl DamageType {
    pub const COUNT: usize = 10;
    pub const ALL: [DamageType; Self::COUNT] = [
        DamageType::Physical,
        DamageType::Fire,
        DamageType::Ice,
        DamageType::Lightning,
        DamageType::Poison,
        DamageType::Earth,
        DamageType::Wind,
        DamageType::Light,
        DamageType::Dark,
        DamageType::Arcane,
    ];

    pub const fn index(self) -> usize {
        self as usize
    }

    pub const fn name(self) -> &'static str {
        match self {
            DamageType::Physical => "physical",
            DamageType::Fire => "fire",
            DamageType::Ice => "ice",
            DamageType::Lightning => "lightning",
            DamageType::Poison => "poison",
            DamageType::Earth => "earth",
            DamageType::Wind => "wind",
            DamageType::Light => "light",
            DamageType::Dark => "dark",
            DamageType::Arcane => "arcane",
        }
    }
}

/// Per-damage-type resistance in percent, written as a map such as
/// `{Fire: 50, Ice: -25}`. 100 is immunity, negative values are weaknesses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(
    from = "std::collections::BTreeMap<DamageType, i32>",
    into = "std::collections::BTreeMap<DamageType, i32>"
)]
pub struct Resistances(pub [i32; DamageType::COUNT]);

impl Resistances {
    pub fn get(&self, t: DamageType) -> i32 {
        self.0[t.index()]
    }
}

impl From<std::collections::BTreeMap<DamageType, i32>> for Resistances {
    fn from(map: std::collections::BTreeMap<DamageType, i32>) -> Self {
        let mut r = [0; DamageType::COUNT];
        for (t, v) in map {
            r[t.index()] = v;
        }
        Resistances(r)
    }
}

impl From<Resistances> for std::collections::BTreeMap<DamageType, i32> {
    fn from(r: Resistances) -> Self {
        DamageType::ALL
            .iter()
            .filter(|t| r.get(**t) != 0)
            .map(|&t| (t, r.get(t)))
            .collect()
    }
}

/// A lasting condition on an actor. Every kind is pooled in the simulation,
/// so applying one never allocates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum StatusKind {
    /// Fire damage every second.
    Burning,
    /// Poison damage every second.
    Poisoned,
    /// Healing every second.
    Regenerating,
    /// Acts half again as fast.
    Hasted,
    /// Deals a quarter less damage.
    Weakened,
    /// Gains energy at half speed (ice).
    Chilled,
    /// Gains no energy at all: cannot act (lightning, briefly).
    Stunned,
    /// Cannot step from its tile, though it still strikes (earth).
    Rooted,
    /// Strikes far less accurately, and a blinded monster loses sight of
    /// heroes beyond arm's reach (light).
    Blinded,
    /// Loses `magnitude` mana every second (arcane).
    Drained,
    /// Adds `magnitude` to defence (defensive spells).
    Shielded,
    /// Adds `magnitude` to every blow's damage (buff spells).
    Empowered,
}

impl StatusKind {
    pub const COUNT: usize = 12;
    pub const ALL: [StatusKind; Self::COUNT] = [
        StatusKind::Burning,
        StatusKind::Poisoned,
        StatusKind::Regenerating,
        StatusKind::Hasted,
        StatusKind::Weakened,
        StatusKind::Chilled,
        StatusKind::Stunned,
        StatusKind::Rooted,
        StatusKind::Blinded,
        StatusKind::Drained,
        StatusKind::Shielded,
        StatusKind::Empowered,
    ];

    /// The bit of this kind in a status mask.
    pub const fn bit(self) -> u16 {
        1 << (self as u16)
    }

    /// The damage type of a status that hurts, whose resistance softens it.
    pub const fn element(self) -> Option<DamageType> {
        match self {
            StatusKind::Burning => Some(DamageType::Fire),
            StatusKind::Poisoned => Some(DamageType::Poison),
            _ => None,
        }
    }

    /// The damage type whose immunity keeps this status off: a creature
    /// that ignores fire cannot be set burning, one that ignores ice cannot
    /// be chilled.
    pub const fn resisted_by(self) -> Option<DamageType> {
        match self {
            StatusKind::Chilled => Some(DamageType::Ice),
            StatusKind::Stunned => Some(DamageType::Lightning),
            StatusKind::Rooted => Some(DamageType::Earth),
            StatusKind::Blinded => Some(DamageType::Light),
            StatusKind::Drained => Some(DamageType::Arcane),
            k => k.element(),
        }
    }

    /// Whether it helps the one who has it (given by friendly spells).
    pub const fn beneficial(self) -> bool {
        matches!(
            self,
            StatusKind::Regenerating
                | StatusKind::Hasted
                | StatusKind::Shielded
                | StatusKind::Empowered
        )
    }

    pub const fn name(self) -> &'static str {
        match self {
            StatusKind::Burning => "burning",
            StatusKind::Poisoned => "poisoned",
            StatusKind::Regenerating => "regenerating",
            StatusKind::Hasted => "hasted",
            StatusKind::Weakened => "weakened",
            StatusKind::Chilled => "chilled",
            StatusKind::Stunned => "stunned",
            StatusKind::Rooted => "rooted",
            StatusKind::Blinded => "blinded",
            StatusKind::Drained => "drained",
            StatusKind::Shielded => "shielded",
            StatusKind::Empowered => "empowered",
        }
    }
}

/// A status that a hit, a potion or a trap applies: what, how strong (damage
/// or healing per pulse), and for how many ticks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusSpec {
    pub kind: StatusKind,
    #[serde(default)]
    pub magnitude: i32,
    pub duration: u32,
    /// Chance in percent that a hit applies it (potions always do).
    #[serde(default = "always")]
    pub chance: u32,
}

fn always() -> u32 {
    100
}

/// Five tiers of how exceptional a monster (and later an item) is.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub enum Rarity {
    #[default]
    Common,
    Uncommon,
    Rare,
    Epic,
    Legendary,
}

impl Rarity {
    pub const ALL: [Rarity; 5] = [
        Rarity::Common,
        Rarity::Uncommon,
        Rarity::Rare,
        Rarity::Epic,
        Rarity::Legendary,
    ];

    /// A monster's (health, damage, experience) in percent of its kind's.
    pub const fn monster_multipliers(self) -> (i32, i32, i32) {
        match self {
            Rarity::Common => (100, 100, 100),
            Rarity::Uncommon => (130, 115, 150),
            Rarity::Rare => (170, 130, 220),
            Rarity::Epic => (230, 150, 350),
            Rarity::Legendary => (320, 175, 600),
        }
    }

    /// How often each tier turns up at `depth`, per mille, common last:
    /// deeper levels hold more exceptional monsters.
    pub fn odds(depth: i32) -> [u32; 5] {
        let d = depth.clamp(1, 99) as u32;
        let legendary = 1 + d;
        let epic = 6 + 3 * d;
        let rare = 30 + 8 * d;
        let uncommon = 150 + 10 * d;
        let common = 1000 - legendary - epic - rare - uncommon;
        [common, uncommon, rare, epic, legendary]
    }

    pub const fn name(self) -> &'static str {
        match self {
            Rarity::Common => "common",
            Rarity::Uncommon => "uncommon",
            Rarity::Rare => "rare",
            Rarity::Epic => "epic",
            Rarity::Legendary => "legendary",
        }
    }

    /// Rare and better monsters are champions with names of their own.
    pub const fn is_champion(self) -> bool {
        matches!(self, Rarity::Rare | Rarity::Epic | Rarity::Legendary)
    }
}

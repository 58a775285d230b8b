//! `data-schemas/items.ron`: everything that can lie on the floor or be carried.

use serde::{Deserialize, Serialize};

use super::common::{DamageType, Resistances, Rgb, Span, StatusSpec};

/// The file's top level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemsFile {
    pub items: Vec<ItemDef>,
}

/// One kind of item.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemDef {
    /// Unique key other files refer to.
    pub id: String,
    pub name: String,
    pub glyph: char,
    pub color: Rgb,
    pub kind: ItemKind,
    /// The shallowest and deepest levels it is found on.
    pub depth: Span,
    /// Relative frequency among the items allowed at a depth (0: never
    /// placed at random, only dropped or given).
    #[serde(default = "default_weight")]
    pub weight: u32,
    /// The genres it belongs to (ids from genres.ron); at least one.
    pub genres: Vec<String>,
}

/// What an item does.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ItemKind {
    /// Drunk from the inventory; used up.
    Potion(PotionEffect),
    /// Wielded: replaces the bare-hand damage roll.
    Weapon(WeaponDef),
    /// Worn: adds defence and resistances.
    Armor(ArmorDef),
    /// Picked up straight into the purse; the amount is rolled in the span
    /// and grows with depth.
    Gold(Span),
    /// Eaten from the inventory; used up. Does what a potion would (a
    /// ration heals slowly with `Status(Regenerating)`).
    Food(PotionEffect),
    /// Read from the inventory; used up.
    Scroll(ScrollEffect),
    /// Thrown from the inventory at the nearest monster in sight (bombs,
    /// grenades, throwing knives); used up.
    Thrown(ThrownDef),
    /// Read from the inventory to learn the recipe (an id in recipes.ron)
    /// for good; used up.
    Recipe(String),
}

/// What reading a scroll does.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ScrollEffect {
    /// Shows the whole layout of the level.
    Mapping,
    /// A blast around the reader that hurts every foe in the open within
    /// the radius, and never the reader.
    Blast {
        damage: Span,
        #[serde(default)]
        damage_type: DamageType,
        radius: u8,
        #[serde(default)]
        on_hit: Option<StatusSpec>,
    },
}

/// A thrown item: its damage, how far it flies and how.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThrownDef {
    pub damage: Span,
    #[serde(default)]
    pub damage_type: DamageType,
    /// Tiles; targets farther away are not thrown at.
    pub range: i32,
    pub projectile: super::monsters::ProjectileDef,
    #[serde(default)]
    pub on_hit: Option<StatusSpec>,
}

/// What drinking a potion does.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum PotionEffect {
    /// Restores this many hit points at once.
    Heal(i32),
    /// Applies a status to the drinker.
    Status(StatusSpec),
    /// Removes burning, poison and weakness.
    Cure,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeaponDef {
    pub damage: Span,
    #[serde(default)]
    pub damage_type: DamageType,
    /// Added to the wielder's attack.
    #[serde(default)]
    pub attack: i32,
    #[serde(default)]
    pub accuracy: i32,
    #[serde(default)]
    pub crit_chance: i32,
    /// Ticks between blows with this weapon.
    pub attack_delay: i32,
    /// A status its hits may inflict.
    #[serde(default)]
    pub on_hit: Option<StatusSpec>,
    /// Bows, guns and wands also shoot (`f`): the weapon's damage, carried
    /// by this projectile up to `range` tiles.
    #[serde(default)]
    pub ranged: Option<WeaponShot>,
}

/// How a ranged weapon shoots.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WeaponShot {
    /// Tiles; `1..=64`.
    pub range: i32,
    pub projectile: super::monsters::ProjectileDef,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArmorDef {
    /// Where it is worn: one item per slot.
    #[serde(default)]
    pub slot: ArmorSlot,
    pub defense: i32,
    #[serde(default)]
    pub evasion: i32,
    #[serde(default)]
    pub resist: Resistances,
}

/// The places armour is worn, one item in each.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum ArmorSlot {
    Head,
    #[default]
    Chest,
    Legs,
    Boots,
    Gloves,
    Shield,
    /// Rings, amulets, implants, charms.
    Accessory,
}

impl ArmorSlot {
    pub const COUNT: usize = 7;
    pub const ALL: [ArmorSlot; Self::COUNT] = [
        ArmorSlot::Head,
        ArmorSlot::Chest,
        ArmorSlot::Legs,
        ArmorSlot::Boots,
        ArmorSlot::Gloves,
        ArmorSlot::Shield,
        ArmorSlot::Accessory,
    ];

    /// Where the slot is in [`ArmorSlot::ALL`] (and in a hero's worn list).
    pub const fn index(self) -> usize {
        self as usize
    }

    /// How the pack screen labels the slot.
    pub const fn label(self) -> &'static str {
        match self {
            ArmorSlot::Head => "Head",
            ArmorSlot::Chest => "Body",
            ArmorSlot::Legs => "Legs",
            ArmorSlot::Boots => "Feet",
            ArmorSlot::Gloves => "Hands",
            ArmorSlot::Shield => "Shield",
            ArmorSlot::Accessory => "Trinket",
        }
    }
}

fn default_weight() -> u32 {
    10
}

#[cfg(test)]
mod tests {
    use super::ArmorSlot;

    #[test]
    fn slot_indices_follow_the_list() {
        for (i, s) in ArmorSlot::ALL.iter().enumerate() {
            assert_eq!(s.index(), i);
        }
    }
}

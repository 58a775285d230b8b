//! `data-schemas/spells.ron`: spells for heroes and monsters, and the rules
//! of mana.
//!
//! A spell has a type (what it does), an element (its damage type and the
//! status its hits carry), a targeting (whom it reaches), a mana cost, a
//! cooldown, a range and a power. Heroes learn their genre's spells at
//! `learn_level` (1: known from the start); monsters cast the spells named
//! in their `spells` list in monsters.ron.

use serde::{Deserialize, Serialize};

use super::common::{DamageType, Span, StatusKind, StatusSpec};
use super::mods::Section;
use super::{Content, MonsterId, SpellId};

/// The file's top level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpellsFile {
    #[serde(default)]
    pub mana: Section<ManaRules>,
    #[serde(default)]
    pub spells: Vec<SpellDef>,
}

/// How much mana casters have and how fast it comes back.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManaRules {
    /// A level-1 hero's maximum.
    pub base: i32,
    /// Added to the hero's maximum per level gained.
    pub per_level: i32,
    /// Mana regained per tick, in hundredths (20 ticks a second): 25 is
    /// five points a second. Integers only, so every machine agrees.
    pub regen_centi: i32,
    /// The maximum of a casting monster.
    pub monster: i32,
}

/// One spell.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpellDef {
    /// Unique key monsters.ron refers to.
    pub id: String,
    /// Shown in the spells screen and in messages.
    pub name: String,
    /// The genres whose heroes learn it (ids from genres.ron). Monster-only
    /// spells may leave it empty.
    #[serde(default)]
    pub genres: Vec<String>,
    pub kind: SpellKind,
    pub element: Element,
    pub target: Targeting,
    /// Mana spent on each cast.
    pub mana: i32,
    /// Ticks (20 a second) before it can be cast again.
    pub cooldown: u32,
    /// Tiles to the farthest target (and the reach of a cone, a line or
    /// an allies spell).
    pub range: i32,
    /// Damage (offensive), healing (healing) or the strength of the
    /// status it gives (defensive, buff); unused by other types.
    #[serde(default = "no_power")]
    pub power: Span,
    /// Radius of an area spell's burst.
    #[serde(default = "one")]
    pub radius: u8,
    /// The status it inflicts (offensive, debuff: the element's own) or
    /// gives (defensive, buff).
    #[serde(default)]
    pub status: Option<StatusSpec>,
    /// A hero of its genre knows it from this level (1: from the start);
    /// `None`: heroes never learn it.
    #[serde(default)]
    pub learn_level: Option<i32>,
    /// What a summon spell calls up.
    #[serde(default)]
    pub summon: Option<SummonDef>,
}

/// Creatures a summon spell calls up around its caster.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummonDef {
    /// A monster id from monsters.ron.
    pub monster: String,
    pub count: Span,
    /// Ticks before they fade away.
    pub duration: u32,
}

/// What a spell does.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SpellKind {
    /// Hurts foes with its element and inflicts the element's status.
    Offensive,
    /// Shields the caster's side (its status, usually `Shielded`).
    Defensive,
    /// Reveals the surroundings (light) or moves the caster away (others).
    Utility,
    /// Restores health on the caster's side.
    Healing,
    /// Strengthens the caster's side (its status: hasted, empowered...).
    Buff,
    /// Inflicts its status on foes without hurting them.
    Debuff,
    /// Calls up creatures that fight for the caster.
    Summon,
}

impl SpellKind {
    pub const ALL: [SpellKind; 7] = [
        SpellKind::Offensive,
        SpellKind::Defensive,
        SpellKind::Utility,
        SpellKind::Healing,
        SpellKind::Buff,
        SpellKind::Debuff,
        SpellKind::Summon,
    ];

    /// Whether it reaches foes (and so needs a target in sight).
    pub const fn hostile(self) -> bool {
        matches!(self, SpellKind::Offensive | SpellKind::Debuff)
    }

    pub const fn name(self) -> &'static str {
        match self {
            SpellKind::Offensive => "offensive",
            SpellKind::Defensive => "defensive",
            SpellKind::Utility => "utility",
            SpellKind::Healing => "healing",
            SpellKind::Buff => "buff",
            SpellKind::Debuff => "debuff",
            SpellKind::Summon => "summon",
        }
    }
}

/// The nine elements. Each maps onto the damage type of the same name
/// (`None` onto physical), so resistances written for weapons and
/// monsters hold for spells too, and most carry a status of their own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Element {
    Fire,
    Ice,
    Lightning,
    Earth,
    Wind,
    Light,
    Dark,
    Arcane,
    None,
}

impl Element {
    pub const ALL: [Element; 9] = [
        Element::Fire,
        Element::Ice,
        Element::Lightning,
        Element::Earth,
        Element::Wind,
        Element::Light,
        Element::Dark,
        Element::Arcane,
        Element::None,
    ];

    /// The damage type its hits deal, resisted like any other blow.
    pub const fn damage_type(self) -> DamageType {
        match self {
            Element::Fire => DamageType::Fire,
            Element::Ice => DamageType::Ice,
            Element::Lightning => DamageType::Lightning,
            Element::Earth => DamageType::Earth,
            Element::Wind => DamageType::Wind,
            Element::Light => DamageType::Light,
            Element::Dark => DamageType::Dark,
            Element::Arcane => DamageType::Arcane,
            Element::None => DamageType::Physical,
        }
    }

    /// The status an offensive or debuff spell of this element inflicts:
    /// fire burns, ice chills (slows), lightning stuns, earth roots, light
    /// blinds, dark weakens, arcane drains mana. Wind has none: it knocks
    /// foes back instead.
    pub const fn status(self) -> Option<StatusKind> {
        match self {
            Element::Fire => Some(StatusKind::Burning),
            Element::Ice => Some(StatusKind::Chilled),
            Element::Lightning => Some(StatusKind::Stunned),
            Element::Earth => Some(StatusKind::Rooted),
            Element::Light => Some(StatusKind::Blinded),
            Element::Dark => Some(StatusKind::Weakened),
            Element::Arcane => Some(StatusKind::Drained),
            Element::Wind | Element::None => None,
        }
    }

    /// Wind spells push the foes they reach this many tiles away.
    pub const fn knockback(self) -> i32 {
        match self {
            Element::Wind => 2,
            _ => 0,
        }
    }

    pub const fn name(self) -> &'static str {
        match self {
            Element::None => "plain",
            e => e.damage_type().name(),
        }
    }
}

/// Whom a spell reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Targeting {
    /// The caster.
    #[serde(rename = "Self")]
    Caster,
    /// The nearest foe in sight and range.
    Single,
    /// Every foe within `radius` of the nearest foe in sight.
    Area,
    /// Every foe in a quarter-circle towards the nearest foe, out to range.
    Cone,
    /// Every foe on a straight line through the nearest foe, out to range.
    Line,
    /// The caster and its side within range.
    Allies,
    /// Every foe in the open within range.
    Enemies,
}

impl Targeting {
    pub const ALL: [Targeting; 7] = [
        Targeting::Caster,
        Targeting::Single,
        Targeting::Area,
        Targeting::Cone,
        Targeting::Line,
        Targeting::Allies,
        Targeting::Enemies,
    ];

    /// Whether it aims at a foe (and so needs one in sight).
    pub const fn aims(self) -> bool {
        matches!(
            self,
            Targeting::Single | Targeting::Area | Targeting::Cone | Targeting::Line
        )
    }

    pub const fn name(self) -> &'static str {
        match self {
            Targeting::Caster => "self",
            Targeting::Single => "single",
            Targeting::Area => "area",
            Targeting::Cone => "cone",
            Targeting::Line => "line",
            Targeting::Allies => "allies",
            Targeting::Enemies => "enemies",
        }
    }
}

fn no_power() -> Span {
    Span(0, 0)
}

fn one() -> u8 {
    1
}

/// The spells linked for the simulation: ids resolved into indices.
#[derive(Clone, Debug)]
pub struct SpellCatalog {
    pub(super) mana: ManaRules,
    pub(super) spells: Vec<SpellDef>,
    pub(super) index: std::collections::BTreeMap<String, SpellId>,
    /// Per monster, the spells it casts.
    pub(super) monster_spells: Vec<Vec<SpellId>>,
    /// Per genre, the spells its heroes learn, by learning level.
    pub(super) genre_spells: Vec<Vec<SpellId>>,
    /// Per spell, the monster it summons.
    pub(super) summons: Vec<Option<MonsterId>>,
}

impl SpellId {
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    pub(super) fn new(i: u16) -> Self {
        SpellId(i)
    }

    /// A raw id, for unit tests of spellbooks.
    #[cfg(test)]
    pub(crate) fn new_for_tests(i: u16) -> Self {
        SpellId(i)
    }
}

impl Content {
    pub fn spell(&self, id: SpellId) -> &SpellDef {
        &self.magic.spells[id.index()]
    }

    /// Every spell, in file order.
    pub fn spells(&self) -> &[SpellDef] {
        &self.magic.spells
    }

    pub fn spell_id(&self, key: &str) -> Option<SpellId> {
        self.magic.index.get(key).copied()
    }

    pub fn mana_rules(&self) -> &ManaRules {
        &self.magic.mana
    }

    /// The spells a monster kind casts, in order of preference.
    pub fn monster_spells(&self, id: MonsterId) -> &[SpellId] {
        self.magic
            .monster_spells
            .get(id.index())
            .map_or(&[], Vec::as_slice)
    }

    /// The spells heroes of this world's genre learn, by learning level.
    pub fn hero_spells(&self) -> &[SpellId] {
        self.magic
            .genre_spells
            .get(self.mix().primary.index())
            .map_or(&[], Vec::as_slice)
    }

    /// The monster a summon spell calls up.
    pub fn summon_of(&self, id: SpellId) -> Option<MonsterId> {
        self.magic.summons.get(id.index()).copied().flatten()
    }

    /// Changes a spell after loading, for tools and tests that set up a
    /// scene; the summoned monster is looked up again.
    pub fn edit_spell(&mut self, id: SpellId, edit: impl FnOnce(&mut SpellDef)) {
        let summon = match self.magic.spells.get_mut(id.index()) {
            Some(def) => {
                edit(def);
                def.summon.as_ref().map(|s| s.monster.clone())
            }
            None => return,
        };
        let summon = summon.and_then(|key| self.monster_id(&key));
        if let Some(slot) = self.magic.summons.get_mut(id.index()) {
            *slot = summon;
        }
    }

    /// Sets the spells a monster kind casts (for the stress world and tests).
    pub fn set_monster_spells(&mut self, id: MonsterId, spells: Vec<SpellId>) {
        if let Some(slot) = self.magic.monster_spells.get_mut(id.index()) {
            *slot = spells;
        }
    }

    /// Sets the spells heroes of this world's genre learn (for tests).
    pub fn set_hero_spells(&mut self, spells: Vec<SpellId>) {
        let g = self.mix().primary.index();
        if let Some(slot) = self.magic.genre_spells.get_mut(g) {
            *slot = spells;
        }
    }
}

//! `data-schemas/skills.ron`: the classes a hero can be and the skill
//! archetypes their trees grow from.
//!
//! Each genre has three archetypes; each archetype offers several skills per
//! tier. A world's tree takes two skills per tier from each of its genre's
//! archetypes, chosen by the seed, and links each to one skill of the tier
//! below as its prerequisite. A class adds to the starting stats and kit
//! and belongs to one archetype.

use serde::{Deserialize, Serialize};

use super::Content;
use super::common::{DamageType, StatusSpec};
use super::mods::Section;

/// The file's top level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillsFile {
    /// Skill points a hero gains per level gained.
    #[serde(default)]
    pub points_per_level: Section<i32>,
    #[serde(default)]
    pub archetypes: Vec<ArchetypeDef>,
    #[serde(default)]
    pub classes: Vec<ClassDef>,
}

/// A branch of skills (Might, Finesse, Sorcery...).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchetypeDef {
    pub id: String,
    pub name: String,
    /// The genres it is offered in (ids from genres.ron).
    pub genres: Vec<String>,
    pub skills: Vec<SkillDef>,
}

/// One skill a tree may offer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SkillDef {
    pub name: String,
    /// 1..=4: a skill of tier 2 and up needs one of the tier below.
    pub tier: u8,
    pub effect: SkillEffect,
}

/// What learning a skill does, for good: a number, or something the hero
/// could not do before (heal by hitting, wound with every blow, cast a spell
/// no level teaches).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SkillEffect {
    MaxHp(i32),
    /// Added to every damage roll.
    Attack(i32),
    Defense(i32),
    /// Percent chance to dodge.
    Evasion(i32),
    /// Cancels a defender's evasion point for point.
    Accuracy(i32),
    /// Percent chance of a critical hit.
    Crit(i32),
    /// Energy per tick (the hero has 250).
    Speed(i32),
    /// Percent resistance to one kind of harm.
    Resist(DamageType, i32),
    /// Hit points regained whenever a blow or shot of the hero lands.
    LifeOnHit(i32),
    /// A status the hero's blows and shots may inflict (a weapon's own
    /// status comes first).
    OnHit(StatusSpec),
    /// Hundredths of a mana point regained per tick, on top of the hero's.
    ManaRegen(i32),
    /// Teaches a spell (an id from spells.ron), put in a free hotkey slot.
    Spell(String),
}

impl SkillEffect {
    /// "+12 max HP", "+20% fire resist", "teaches Hex Bolt".
    pub fn describe(&self, content: &Content) -> String {
        match *self {
            SkillEffect::MaxHp(n) => format!("+{n} max HP"),
            SkillEffect::Attack(n) => format!("+{n} damage"),
            SkillEffect::Defense(n) => format!("+{n} defence"),
            SkillEffect::Evasion(n) => format!("+{n}% evasion"),
            SkillEffect::Accuracy(n) => format!("+{n} accuracy"),
            SkillEffect::Crit(n) => format!("+{n}% critical"),
            SkillEffect::Speed(n) => format!("+{n} speed"),
            SkillEffect::Resist(t, n) => format!("+{n}% {} resist", t.name()),
            SkillEffect::LifeOnHit(n) => format!("+{n} HP per hit"),
            SkillEffect::OnHit(s) => format!("hits {}% {}", s.chance, s.kind.name()),
            SkillEffect::ManaRegen(n) => format!("+{}.{:02} mana/s", n * 20 / 100, n * 20 % 100),
            SkillEffect::Spell(ref id) => match content.spell_id(id) {
                Some(s) => format!("teaches {}", content.spell(s).name),
                None => format!("teaches {id}"),
            },
        }
    }
}

/// A hero's class: its archetype, and what it adds to a fresh hero.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassDef {
    pub id: String,
    pub name: String,
    /// One line for the class menu.
    pub text: String,
    pub genres: Vec<String>,
    /// The id of its archetype: its skills cost one point, others two.
    pub archetype: String,
    #[serde(default)]
    pub bonus: ClassBonus,
    /// Item ids added to the starting pack (of the class's genre).
    #[serde(default)]
    pub start_items: Vec<String>,
}

/// Added to the starting stats.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ClassBonus {
    pub hp: i32,
    pub attack: i32,
    pub defense: i32,
    pub evasion: i32,
    pub accuracy: i32,
    pub crit: i32,
    pub speed: i32,
}

/// A validated class: its entry, its archetype's index and its items.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassTemplate {
    pub def: ClassDef,
    /// Index into `Content::archetypes`.
    pub archetype: usize,
    pub start_items: Vec<super::ItemId>,
}

//! What happened during a tick. Front ends turn events into messages, sounds
//! and effects; tests count them. Events are `Copy` so the tick can fill a
//! reused buffer without allocating.

use serde::{Deserialize, Serialize};

use super::action::PlayerId;
use super::algo::grid::Point;
use crate::schema::{DamageType, ItemId, MonsterId, StatusKind};

/// Who did or suffered something, by kind rather than by entity, so the
/// message can still be written after the entity is gone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Who {
    Player(PlayerId),
    Monster(MonsterId),
    /// The terrain itself (lava, a trap, a fall): named as a killer, never an actor.
    Hazard(Hazard),
}

/// The dangers of the ground, for messages and for naming what killed a hero.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Hazard {
    Lava,
    DartTrap,
    FlameTrap,
    VenomTrap,
    /// A trapdoor or a pit.
    Fall,
}

impl Hazard {
    /// The traps a hidden trap tile can be, chosen by where it lies.
    pub const TRAPS: [Hazard; 4] = [
        Hazard::DartTrap,
        Hazard::FlameTrap,
        Hazard::VenomTrap,
        Hazard::Fall,
    ];

    /// How the hazard is named when it kills: "slain by the lava".
    pub const fn name(self) -> &'static str {
        match self {
            Hazard::Lava => "the lava",
            Hazard::DartTrap => "a dart trap",
            Hazard::FlameTrap => "a flame trap",
            Hazard::VenomTrap => "a venom trap",
            Hazard::Fall => "a fall",
        }
    }
}

/// Why a choice about the hero was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Refusal {
    /// A class is taken once, before the hero has done anything.
    ClassTaken,
    NoSuchClass,
    NoSuchSkill,
    AlreadyLearned,
    /// The skill's prerequisite is not learned yet.
    NeedsPrerequisite,
    /// Not enough skill points.
    NoPoints,
    /// Nobody next to the hero trades.
    NoMerchant,
    /// No such ware, or nothing in that pack slot.
    NothingThere,
    CannotAfford,
    PackFull,
    /// No crafting station next to (or under) the hero.
    NoStation,
    /// The station here is not the kind the recipe needs.
    WrongStation,
    /// The pack lacks some of the recipe's ingredients.
    MissingIngredients,
    /// No such recipe, or the hero has not learned it.
    UnknownRecipe,
}

impl Refusal {
    /// Whether it answers `Action::Craft` (the crafting screen reopens).
    pub const fn is_crafting(self) -> bool {
        matches!(
            self,
            Refusal::NoStation
                | Refusal::WrongStation
                | Refusal::MissingIngredients
                | Refusal::UnknownRecipe
        )
    }

    /// Whether it answers `Action::Buy` or `Action::Sell` beside a merchant
    /// (the shop stays open).
    pub const fn is_trade(self) -> bool {
        matches!(
            self,
            Refusal::NothingThere | Refusal::CannotAfford | Refusal::PackFull
        )
    }

    /// Whether it answers `Action::Learn` (the character sheet reopens).
    pub const fn is_skill(self) -> bool {
        matches!(
            self,
            Refusal::NoSuchSkill
                | Refusal::AlreadyLearned
                | Refusal::NeedsPrerequisite
                | Refusal::NoPoints
        )
    }
}

/// An event with where it happened: the level's depth and the tile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SimEvent {
    pub depth: i32,
    pub at: Point,
    pub kind: EventKind,
}

/// Every kind of event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum EventKind {
    /// A blow landed.
    Hit {
        attacker: Who,
        target: Who,
        damage: i32,
        damage_type: DamageType,
        critical: bool,
    },
    /// A ranged attacker let fly at someone (the hit or miss comes when the
    /// projectile arrives).
    Shot {
        attacker: Who,
        /// Who stood on the aimed-at tile, if anyone.
        target: Option<Who>,
    },
    /// A projectile burst where it stopped.
    Exploded {
        by: Who,
        radius: u8,
    },
    /// A blow missed (the target evaded).
    Miss {
        attacker: Who,
        target: Who,
    },
    StatusApplied {
        target: Who,
        status: StatusKind,
    },
    StatusEnded {
        target: Who,
        status: StatusKind,
    },
    /// A pulse of a status: damage (burning, poison) or healing.
    StatusPulse {
        target: Who,
        status: StatusKind,
        amount: i32,
    },
    Died {
        who: Who,
        killer: Option<Who>,
    },
    GainedXp {
        player: PlayerId,
        amount: i32,
    },
    LevelUp {
        player: PlayerId,
        level: i32,
    },
    PickedUp {
        player: PlayerId,
        item: ItemId,
        count: u16,
        /// Its rarity and affixes, for naming it.
        quality: crate::sim::components::Quality,
    },
    PickedUpGold {
        player: PlayerId,
        amount: i32,
    },
    Drank {
        player: PlayerId,
        item: ItemId,
    },
    /// Food eaten, a scroll read or something thrown.
    Consumed {
        player: PlayerId,
        item: ItemId,
    },
    /// A thrown item had nothing in sight and range to be thrown at.
    NoTarget {
        player: PlayerId,
    },
    /// The level's layout is revealed to a hero.
    Mapped {
        player: PlayerId,
    },
    Healed {
        who: Who,
        amount: i32,
    },
    Cured {
        player: PlayerId,
    },
    Equipped {
        player: PlayerId,
        item: ItemId,
        /// Its rarity and affixes, for naming it.
        quality: crate::sim::components::Quality,
    },
    Unequipped {
        player: PlayerId,
        item: ItemId,
        /// Its rarity and affixes, for naming it.
        quality: crate::sim::components::Quality,
    },
    Dropped {
        player: PlayerId,
        item: ItemId,
        count: u16,
        /// Its rarity and affixes, for naming it.
        quality: crate::sim::components::Quality,
    },
    DoorOpened {
        by: Who,
    },
    /// A player arrived on a level (`down`: came from above).
    ChangedLevel {
        player: PlayerId,
        depth: i32,
        down: bool,
        first_visit: bool,
    },
    /// A monster spotted a player and starts hunting.
    Noticed {
        monster: MonsterId,
        player: PlayerId,
    },
    /// A badly hurt monster turns to run.
    Fled {
        monster: MonsterId,
    },
    PackFull {
        player: PlayerId,
    },
    NothingToPickUp {
        player: PlayerId,
    },
    NoStairsHere {
        player: PlayerId,
        down: bool,
    },
    /// The hero is at the top of the dungeon and may not leave yet.
    CannotLeave {
        player: PlayerId,
    },
    /// Terrain hurt someone: lava, a trap going off, a fall (damage may be 0
    /// when the trap's harm is a status instead).
    Hazard {
        target: Who,
        hazard: Hazard,
        damage: i32,
    },
    /// A hero found a secret door next to them.
    FoundSecretDoor {
        player: PlayerId,
    },
    /// A level set a quest (an index into the quest log).
    QuestSet {
        quest: u16,
    },
    QuestProgress {
        quest: u16,
        have: u16,
        need: u16,
    },
    QuestDone {
        quest: u16,
    },
    /// The person a quest was about died.
    QuestFailed {
        quest: u16,
    },
    /// A finished quest's reward reached a hero.
    QuestReward {
        player: PlayerId,
        quest: u16,
    },
    /// A hero slipped past someone peaceful with nothing (more) to ask.
    SwappedPlaces {
        player: PlayerId,
        npc: MonsterId,
    },
    /// Someone to lead out follows a hero now.
    Follows {
        quest: u16,
        player: PlayerId,
    },
    /// A hero took a class (an index into `Content::classes`).
    ClassChosen {
        player: PlayerId,
        class: u8,
    },
    /// A hero learned a node of the skill tree.
    SkillLearned {
        player: PlayerId,
        node: u8,
    },
    /// A hero bought from or sold to a merchant.
    Traded {
        player: PlayerId,
        item: ItemId,
        price: i32,
        bought: bool,
    },
    /// A hero walked into a merchant: the front end opens the shop.
    ShopOpened {
        player: PlayerId,
        merchant: MonsterId,
    },
    /// A class, skill or trade could not be taken, and why.
    Refused {
        player: PlayerId,
        why: Refusal,
    },
    /// The final boss fell: the run is won.
    Victory {
        player: PlayerId,
    },
    /// Casting, its refusals and what spells did (`sim::spells`).
    Spell(super::spells::SpellEvent),
    /// Learning recipes and crafting (`sim::crafting`).
    Craft(super::crafting::CraftEvent),
}

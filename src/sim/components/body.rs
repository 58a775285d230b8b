//! What every actor has: identity, place, health, energy and fighting stats.

use crate::sim::action::PlayerId;
use specs::{Component, DenseVecStorage, Entity, VecStorage};

use crate::schema::{DamageType, Resistances, Span, StatusSpec};
use crate::sim::algo::grid::{Dir, Point};
use crate::sim::event::Who;

/// Energy one action costs; actors gain their speed in energy every tick.
pub const ACTION_COST: i32 = 1000;

/// A stable id for hashes, saves and the network: specs recycles `Entity`
/// ids, these are never reused within a run.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct StableId(pub u64);

impl Component for StableId {
    type Storage = VecStorage<Self>;
}

/// Which level (by depth) and which tile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Position {
    pub depth: i32,
    pub at: Point,
}

impl Component for Position {
    type Storage = VecStorage<Self>;
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Health {
    pub hp: i32,
    pub max: i32,
    /// Who struck last, for the death message.
    pub last_hit: Option<Who>,
    /// The hero whose side struck last (a hero, or a creature they
    /// summoned), who gains the experience and the kill.
    pub credit: Option<PlayerId>,
}

impl Health {
    pub fn new(max: i32) -> Self {
        Self {
            hp: max,
            max,
            last_hit: None,
            credit: None,
        }
    }

    pub fn is_dead(&self) -> bool {
        self.hp <= 0
    }

    /// Health in percent of the maximum.
    pub fn percent(&self) -> i32 {
        if self.max <= 0 {
            0
        } else {
            (self.hp.max(0) * 100 / self.max).clamp(0, 100)
        }
    }

    /// Heals up to the maximum; returns how much was restored.
    pub fn heal(&mut self, amount: i32) -> i32 {
        let before = self.hp;
        self.hp = (self.hp + amount.max(0)).min(self.max);
        self.hp - before
    }
}

impl Component for Health {
    type Storage = VecStorage<Self>;
}

/// Energy and blow timing: the real-time clock of an actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Actor {
    pub energy: i32,
    /// Energy gained per tick.
    pub speed: i32,
    /// Ticks until the next blow is possible.
    pub attack_cooldown: i32,
}

impl Actor {
    pub fn new(speed: i32) -> Self {
        Self {
            energy: 0,
            speed,
            attack_cooldown: 0,
        }
    }

    pub fn ready(&self) -> bool {
        self.energy >= ACTION_COST
    }

    pub fn spend(&mut self) {
        self.energy = (self.energy - ACTION_COST).max(0);
    }
}

impl Component for Actor {
    type Storage = VecStorage<Self>;
}

/// Fighting stats in effect now (base, plus level and equipment for heroes).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Combat {
    pub attack: i32,
    pub defense: i32,
    pub damage: Span,
    pub damage_type: DamageType,
    pub evasion: i32,
    pub accuracy: i32,
    pub crit_chance: i32,
    pub resist: Resistances,
    /// Ticks between blows.
    pub attack_delay: i32,
    pub on_hit: Option<StatusSpec>,
    /// Hit points regained whenever one of its blows or shots lands (gear).
    pub life_on_hit: i32,
}

impl Combat {
    /// The attacker's side of a blow with these stats; `weakened` when the
    /// attacker suffers weakness. Melee, shots and thrown things start here.
    pub fn attack(&self, weakened: bool) -> crate::sim::combat::Attack {
        crate::sim::combat::Attack {
            damage: self.damage,
            damage_type: self.damage_type,
            attack: self.attack,
            accuracy: self.accuracy,
            crit_chance: self.crit_chance,
            weakened,
            life_on_hit: self.life_on_hit,
        }
    }
}

impl Component for Combat {
    type Storage = VecStorage<Self>;
}

/// What an actor does this tick, decided by the player-action and AI
/// systems and carried out by movement, melee, items and stairs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Intent {
    #[default]
    None,
    Move(Dir),
    Attack(Entity),
    /// A hero speaks to a peaceful figure it walked into.
    Talk(Entity),
    /// Let fly with a ranged attack at a target in range and in the open.
    Shoot(Entity),
    /// A hero shoots the wielded weapon towards this offset.
    Fire {
        dx: i8,
        dy: i8,
    },
    PickUp,
    Use(u8),
    Drop(u8),
    Stairs {
        down: bool,
    },
    Wait,
    /// Cast a known spell, aimed at a foe when it aims.
    Cast {
        spell: crate::schema::SpellId,
        target: Option<Entity>,
    },
}

impl Component for Intent {
    type Storage = DenseVecStorage<Self>;
}

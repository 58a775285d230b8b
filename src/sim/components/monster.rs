//! What only monsters have: their kind and their mind.

use specs::{Component, VecStorage};

use crate::schema::{MonsterId, Rarity};
use crate::sim::action::PlayerId;

/// A monster's kind and the numbers its AI needs, scaled for its depth.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Monster {
    pub kind: MonsterId,
    pub boss: bool,
    pub rarity: Rarity,
    /// Seeds its own name (champions and bosses); 0 when it has none.
    pub name_seed: u64,
    /// Never fights (merchants, quest givers).
    pub peaceful: bool,
    /// Experience its killer gains.
    pub xp: i32,
    /// Flees below this percent of health.
    pub flee_below: i32,
    /// Notices players within this many tiles.
    pub sight: i32,
}

impl Component for Monster {
    type Storage = VecStorage<Self>;
}

/// What a monster is doing.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum AiState {
    /// Has not noticed anyone: wanders now and then.
    #[default]
    Idle,
    /// Chasing a player, following the level's chase map round walls.
    Hunting,
    /// Running from a player down the flee map.
    Fleeing,
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub struct Ai {
    pub state: AiState,
    pub target: Option<PlayerId>,
    /// The tick the target was last seen.
    pub last_seen: u64,
}

impl Component for Ai {
    type Storage = VecStorage<Self>;
}

/// Someone who trades: their wares, in the order the shop lists them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Merchant {
    pub stock: Vec<super::Stack>,
}

impl Component for Merchant {
    type Storage = specs::DenseVecStorage<Self>;
}

//! What only heroes have: progression, their pending action, and sight.

use std::collections::BTreeMap;

use specs::{Component, DenseVecStorage};

use super::body::Combat;
use crate::sim::action::{Action, PlayerId};
use crate::sim::algo::grid::Grid;

/// A hero and the player controlling it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Player {
    pub id: PlayerId,
    pub name: String,
    pub level: i32,
    pub xp: i64,
    /// Stats before equipment; level-ups raise these.
    pub base: Combat,
    pub base_max_hp: i32,
    /// The last action asked for, waiting for enough energy.
    pub pending: Option<Action>,
    pub kills: u32,
    pub deepest: i32,
    /// Set once the hero's death has been handled.
    pub dead: bool,
    pub won: bool,
    /// The class taken (an index into `Content::classes`), once chosen.
    pub class: Option<u8>,
    /// Points to spend on skills.
    pub skill_points: i32,
    /// The world's skill-tree nodes learned, a bit per node.
    pub skills: u64,
    /// The recipes known (read from recipe items), a bit per index into
    /// `Content::recipes`.
    pub recipes: u64,
}

impl Component for Player {
    type Storage = DenseVecStorage<Self>;
}

/// What a hero sees now and remembers of every level visited.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Vision {
    pub radius: i32,
    /// The level `visible` belongs to.
    pub depth: i32,
    /// Tiles in view this tick.
    pub visible: Grid<bool>,
    /// Tiles ever seen, per depth.
    pub explored: BTreeMap<i32, Grid<bool>>,
    /// Set when the hero moved or a door changed, so sight is recomputed.
    pub dirty: bool,
}

impl Vision {
    pub fn new(radius: i32) -> Self {
        Self {
            radius,
            depth: 0,
            visible: Grid::new(0, 0, false),
            explored: BTreeMap::new(),
            dirty: true,
        }
    }

    pub fn sees(&self, p: crate::sim::algo::grid::Point) -> bool {
        self.visible.get(p).copied().unwrap_or(false)
    }
}

impl Component for Vision {
    type Storage = DenseVecStorage<Self>;
}

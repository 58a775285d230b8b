//! The rules of crafting, kept apart from the system so the screen, the bot
//! and tests ask the same questions: the odds, which station is at hand,
//! and whether a pack holds a recipe's ingredients.

use serde::{Deserialize, Serialize};

use super::action::PlayerId;
use super::algo::grid::Point;
use super::components::{Inventory, Stack};
use super::level::Level;
use crate::schema::ItemId;
use crate::schema::recipes::Recipe;

/// Percent added to a recipe's chance per hero level above the first.
pub const CHANCE_PER_LEVEL: u32 = 3;
/// The most the hero's level adds.
pub const LEVEL_BONUS_CAP: u32 = 24;
/// No attempt is surer than this, unless the recipe itself says 100.
pub const CHANCE_CAP: u32 = 95;

/// What happened at a station.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CraftEvent {
    /// Reading a recipe item taught a recipe (`new`: it was not known).
    Learned {
        player: PlayerId,
        recipe: u8,
        new: bool,
    },
    /// The attempt worked: `count` of `item` made.
    Crafted {
        player: PlayerId,
        recipe: u8,
        item: ItemId,
        count: u16,
    },
    /// The attempt failed; `lost_all` when every ingredient went.
    Failed {
        player: PlayerId,
        recipe: u8,
        lost_all: bool,
    },
}

impl CraftEvent {
    pub const fn player(self) -> PlayerId {
        match self {
            CraftEvent::Learned { player, .. }
            | CraftEvent::Crafted { player, .. }
            | CraftEvent::Failed { player, .. } => player,
        }
    }
}

/// The percent chance that a hero of `level` makes a recipe of base
/// chance `base`: a bonus per level (capped), never above
/// [`CHANCE_CAP`] unless the base already is, never below 1.
pub fn chance(base: u8, level: i32) -> u32 {
    let base = u32::from(base).min(100);
    let levels = u32::try_from(level.saturating_sub(1)).unwrap_or(0);
    let bonus = levels.saturating_mul(CHANCE_PER_LEVEL).min(LEVEL_BONUS_CAP);
    (base + bonus).min(CHANCE_CAP.max(base)).max(1)
}

/// Whether the hero knows recipe `n` (bit `n` of `known`).
pub fn knows(known: u64, n: usize) -> bool {
    u32::try_from(n)
        .ok()
        .and_then(|n| 1u64.checked_shl(n))
        .is_some_and(|bit| known & bit != 0)
}

/// The kind of the level's station when it is on or next to `at`.
pub fn station_at_hand(level: &Level, at: Point) -> Option<u8> {
    level
        .station
        .filter(|(p, _)| p.chebyshev(at) <= 1)
        .map(|(_, kind)| kind)
}

/// How many of `item` the pack slots hold, over all their stacks.
pub fn count_of(slots: &[Option<Stack>], item: ItemId) -> u32 {
    slots
        .iter()
        .flatten()
        .filter(|s| s.item == item)
        .map(|s| u32::from(s.count))
        .sum()
}

/// Whether the pack holds every ingredient of `recipe`.
pub fn has_ingredients(inv: &Inventory, recipe: &Recipe) -> bool {
    recipe
        .ingredients
        .iter()
        .all(|&(item, n)| count_of(&inv.slots, item) >= u32::from(n))
}

/// Takes `n` of `item` out of the pack, from the first stacks holding it.
pub fn take(inv: &mut Inventory, item: ItemId, n: u16) {
    let mut left = n;
    for entry in &mut inv.slots {
        if left == 0 {
            break;
        }
        let Some(s) = entry.as_mut().filter(|s| s.item == item) else {
            continue;
        };
        let used = s.count.min(left);
        s.count -= used;
        left -= used;
        if s.count == 0 {
            *entry = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chance_grows_with_level_and_is_capped() {
        assert_eq!(chance(50, 1), 50);
        assert_eq!(chance(50, 2), 53);
        assert_eq!(chance(50, 9), 74);
        assert_eq!(chance(50, 50), 74, "the level bonus is capped");
        assert_eq!(chance(80, 50), 95, "never surer than the cap");
        assert_eq!(chance(100, 1), 100, "a sure recipe stays sure");
        assert_eq!(chance(0, 1), 1);
        assert_eq!(chance(40, -3), 40, "odd levels add nothing");
        assert_eq!(chance(255, 1), 100);
    }

    #[test]
    fn known_recipes_are_bits() {
        assert!(knows(0b100, 2));
        assert!(!knows(0b100, 1));
        assert!(!knows(u64::MAX, 64));
    }
}

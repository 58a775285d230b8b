//! What players ask for. Keyboards, network clients, bots and replays all
//! produce these, so every way in exercises exactly the same rules.

use serde::{Deserialize, Serialize};

use super::algo::grid::Dir;

/// A player slot in the simulation, stable for the whole run.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PlayerId(pub u8);

/// One thing a player's hero can do. Actions wait until the hero has the
/// energy to act, so a key pressed a little early is not lost.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Action {
    /// Step one tile; stepping into a monster attacks it, into a door opens it.
    Move(Dir),
    /// Let one action's worth of time pass.
    Wait,
    /// Pick up what lies underfoot.
    PickUp,
    /// Drink, wield or wear the item in this pack slot (0-based).
    Use(u8),
    /// Drop the item in this pack slot on the floor.
    Drop(u8),
    /// Take the stairs down (standing on them).
    Descend,
    /// Take the stairs up (standing on them).
    Ascend,
    /// Shoot the wielded ranged weapon at the tile this far from the hero
    /// (the shot flies on past it).
    Fire { dx: i8, dy: i8 },
    /// Take a class (an index into the world's classes): only a fresh hero
    /// who has none yet may. Takes no time.
    ChooseClass(u8),
    /// Learn a node of the world's skill tree. Takes no time.
    Learn(u8),
    /// Buy ware `n` of the merchant next to the hero. Takes no time.
    Buy(u8),
    /// Sell one item of this pack slot to the merchant next to the hero.
    Sell(u8),
    /// Cast the spell in this hotkey slot (0-based; keys 1 to 5) at the
    /// nearest foe in sight, or on the hero, as the spell targets.
    Cast { slot: u8 },
    /// Put known spells (by their index in the spellbook; `u8::MAX` for
    /// none) in the five hotkey slots. Takes no time.
    SetSpellSlots { slots: [u8; 5] },
    /// Make known recipe `n` (an index into `Content::recipes`) at the
    /// station next to the hero. Takes no time.
    Craft(u8),
}

impl Action {
    /// Choices about the hero itself, carried out at once rather than on
    /// the hero's turn.
    pub const fn is_instant(self) -> bool {
        matches!(
            self,
            Action::ChooseClass(_)
                | Action::Learn(_)
                | Action::Buy(_)
                | Action::Sell(_)
                | Action::SetSpellSlots { .. }
                | Action::Craft(_)
        )
    }
}

/// One player's action for one tick.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PlayerInput {
    pub player: PlayerId,
    pub action: Action,
}

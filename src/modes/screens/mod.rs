//! The screen stack shared by the interactive front ends. Only the top
//! screen takes keys; each screen may add an overlay (menu or dialog) to the
//! frame; any screen above the play screen pauses a single-player game.
//!
//! Adding a screen:
//! 1. Write a struct in a new file here implementing [`Screen`].
//! 2. `handle` turns a key into an [`Outcome`]: stay, push another screen,
//!    pop back, quit or start over, plus an optional `Action` for the hero.
//! 3. `overlay` says what to draw on top of the map (or `None`).
//! 4. Push it from the screen that opens it (usually `play.rs`).
//!
//! Screens never change the simulation themselves: they return actions,
//! which the app feeds to the next tick like any other input.

mod character;
mod class_select;
mod confirm;
mod crafting;
mod game_over;
mod help;
mod inventory;
mod map;
mod messages;
mod play;
mod quests;
mod saves;
mod shop;
mod spells;

pub use character::Character;
pub use class_select::ClassSelect;
pub use confirm::{ConfirmDeleteRun, ConfirmQuit};
pub use crafting::{CRAFT_KEY, Crafting};
pub use game_over::{GameOver, summary};
pub use help::Help;
pub use inventory::{Inventory, InventoryMode};
pub use map::Map;
pub use messages::Messages;
pub use play::Play;
pub use quests::Quests;
pub use saves::{Saves, SavesMode};
pub use shop::Shop;
pub use spells::{SPELLS_KEY, Spells};

use super::autopilot::Autopilot;
use super::input::Key;
use crate::sim::Action;
use crate::view::{Frame, Hud, Overlay, Tone};

/// What the stack should do after a key.
pub enum Control {
    Stay,
    Push(Box<dyn Screen>),
    Pop,
    /// Leave the game.
    Quit,
    /// Start a new run: with this seed, or a fresh one.
    NewGame(Option<u64>),
    /// Switch between real time and turn-based play.
    TogglePace,
    /// Travel on autopilot until something comes up.
    Autopilot(Autopilot),
    /// Open the saves menu (the app lists the save folder).
    OpenSaves,
    /// Replace the run in progress with the one saved in this slot.
    Load(String),
    /// Save the run in progress to this slot.
    Save(String),
    /// Delete this slot (and its backup); the menu reopens on this row.
    Delete(String, usize, SavesMode),
    /// Delete every save this run wrote or came from (asked on death).
    DeleteRun,
}

/// A screen's answer to a key.
pub struct Outcome {
    pub control: Control,
    pub action: Option<Action>,
    /// A message for the log that the interface itself says ("You are not
    /// hurt."), as opposed to one the simulation's events produce.
    pub note: Option<(String, Tone)>,
}

impl Outcome {
    pub fn stay() -> Self {
        Self::control(Control::Stay)
    }

    pub fn act(action: Action) -> Self {
        Self {
            action: Some(action),
            ..Self::stay()
        }
    }

    pub fn control(control: Control) -> Self {
        Self {
            control,
            action: None,
            note: None,
        }
    }

    /// Close this screen and send an action.
    pub fn pop_with(action: Action) -> Self {
        Self {
            action: Some(action),
            ..Self::control(Control::Pop)
        }
    }

    /// Stay and say something in the log.
    pub fn note(text: impl Into<String>) -> Self {
        Self {
            note: Some((text.into(), Tone::Normal)),
            ..Self::stay()
        }
    }
}

/// One screen of the interface.
pub trait Screen {
    /// Reacts to a key press, given the hero's current panel.
    fn handle(&mut self, key: Key, hud: &Hud) -> Outcome;
    /// The menu or dialog to draw over `frame`, if any.
    fn overlay(&self, frame: &Frame) -> Option<Overlay>;
    /// Whether the game stands still while this screen is on top.
    fn pauses(&self) -> bool {
        true
    }
}

//! The play screen: the bottom of the stack. Movement and other commands
//! become actions; menus are pushed on top.

use super::{ConfirmQuit, Control, Help, Inventory, InventoryMode, Outcome, Screen};
use crate::modes::input::{Command, Key, command};
use crate::sim::Action;
use crate::view::{Hud, Overlay, letter_slot};

#[derive(Clone, Copy, Debug, Default)]
pub struct Play;

impl Screen for Play {
    fn handle(&mut self, key: Key, hud: &Hud) -> Outcome {
        if key == Key::Interrupt {
            return Outcome::control(Control::Quit);
        }
        let Some(cmd) = command(key) else {
            return Outcome::stay();
        };
        match cmd {
            Command::Move(d) => Outcome::act(Action::Move(d)),
            Command::Wait => Outcome::act(Action::Wait),
            Command::PickUp => Outcome::act(Action::PickUp),
            Command::Descend => Outcome::act(Action::Descend),
            Command::Ascend => Outcome::act(Action::Ascend),
            Command::Inventory => {
                Outcome::control(Control::Push(Box::new(Inventory::new(InventoryMode::Use))))
            }
            Command::Drop => {
                Outcome::control(Control::Push(Box::new(Inventory::new(InventoryMode::Drop))))
            }
            Command::QuickHeal => match best_healing(hud) {
                Some(slot) => Outcome::act(Action::Use(slot)),
                None => Outcome::stay(),
            },
            Command::Help => Outcome::control(Control::Push(Box::new(Help))),
            Command::Quit => Outcome::control(Control::Push(Box::new(ConfirmQuit))),
        }
    }

    fn overlay(&self, _: &Hud) -> Option<Overlay> {
        None
    }

    fn pauses(&self) -> bool {
        false
    }
}

/// The pack slot of the first healing potion, by name.
fn best_healing(hud: &Hud) -> Option<u8> {
    hud.pack
        .iter()
        .filter(|p| p.usable == "drink" && p.name.contains("healing"))
        .max_by_key(|p| p.name.contains("greater"))
        .and_then(|p| letter_slot(p.letter))
}

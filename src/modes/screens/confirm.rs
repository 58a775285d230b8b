//! Questions before something that cannot be undone: quitting, and
//! deleting a dead hero's saves.

use super::{Control, Outcome, Screen};
use crate::modes::input::Key;
use crate::view::{Frame, Hud, Overlay, OverlayLine};

#[derive(Clone, Copy, Debug, Default)]
pub struct ConfirmQuit;

impl Screen for ConfirmQuit {
    fn handle(&mut self, key: Key, _: &Hud) -> Outcome {
        match key {
            Key::Char('y' | 'Y') | Key::Interrupt => Outcome::control(Control::Quit),
            Key::Char('n' | 'N' | 'q') | Key::Esc => Outcome::control(Control::Pop),
            _ => Outcome::stay(),
        }
    }

    fn overlay(&self, frame: &Frame) -> Option<Overlay> {
        let (seed, flags) = (frame.hud.seed, &frame.hud.replay);
        Some(Overlay {
            title: "Quit?".into(),
            lines: vec![
                OverlayLine::new(if frame.hud.saving {
                    "Really quit? The run is saved, to go on with next time."
                } else {
                    "Really quit? This run will end here."
                }),
                OverlayLine::new(format!("This world is seed {seed}:")),
                OverlayLine::new(format!("start with {flags} to play it again.")),
            ],
            tail: false,
            footer: "y: quit   n or Esc: keep playing".into(),
        })
    }
}

/// Asks, when the hero has died, whether to delete the saves the run left
/// (a run played with permadeath deletes them without asking).
#[derive(Clone, Debug, Default)]
pub struct ConfirmDeleteRun {
    /// The slots the run wrote or was loaded from.
    pub slots: Vec<String>,
}

impl Screen for ConfirmDeleteRun {
    fn handle(&mut self, key: Key, _: &Hud) -> Outcome {
        match key {
            Key::Char('y' | 'Y') => Outcome::control(Control::DeleteRun),
            Key::Char('n' | 'N') | Key::Esc | Key::Interrupt => Outcome::control(Control::Pop),
            _ => Outcome::stay(),
        }
    }

    fn overlay(&self, _: &Frame) -> Option<Overlay> {
        Some(Overlay {
            title: "Delete this run's saves?".into(),
            lines: vec![
                OverlayLine::new("Your hero is dead. This run's saves could bring them back:"),
                OverlayLine::new(format!("  {}", self.slots.join(", "))),
                OverlayLine::new("Delete them, as a roguelike would?"),
            ],
            tail: false,
            footer: "y: delete them   n or Esc: keep them".into(),
        })
    }
}

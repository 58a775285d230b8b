//! Asks before quitting, so a stray key never ends a run.

use super::{Control, Outcome, Screen};
use crate::modes::input::Key;
use crate::view::{Hud, Overlay, OverlayLine};

#[derive(Clone, Copy, Debug, Default)]
pub struct ConfirmQuit;

impl Screen for ConfirmQuit {
    fn handle(&mut self, key: Key, _: &Hud) -> Outcome {
        match key {
            Key::Char('y' | 'Y') | Key::Interrupt => Outcome::control(Control::Quit),
            Key::Char('n' | 'N') | Key::Esc | Key::Char('q') => Outcome::control(Control::Pop),
            _ => Outcome::stay(),
        }
    }

    fn overlay(&self, hud: &Hud) -> Option<Overlay> {
        Some(Overlay {
            title: "Quit?".into(),
            lines: vec![
                OverlayLine::new("Really quit? This run will end here."),
                OverlayLine::new(format!(
                    "Play seed {} again with --seed {}.",
                    hud.seed, hud.seed
                )),
            ],
            footer: "y: quit   n: keep playing".into(),
        })
    }
}

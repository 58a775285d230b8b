//! Asks before quitting, so a stray key never ends a run.

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
                OverlayLine::new("Really quit? This run will end here."),
                OverlayLine::new(format!("This world is seed {seed}:")),
                OverlayLine::new(format!("start with {flags} to play it again.")),
            ],
            tail: false,
            footer: "y: quit   n or Esc: keep playing".into(),
        })
    }
}

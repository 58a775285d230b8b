//! The message history: everything said recently, newest at the bottom,
//! scrollable with the arrow keys.

use super::{Control, Outcome, Screen};
use crate::modes::input::Key;
use crate::view::{Frame, Hud, Overlay, OverlayLine};

/// Lines scrolled per page key.
const PAGE: usize = 10;

#[derive(Clone, Copy, Debug, Default)]
pub struct Messages {
    /// How many of the newest messages are scrolled out of view below.
    back: usize,
}

impl Screen for Messages {
    fn handle(&mut self, key: Key, _: &Hud) -> Outcome {
        match key {
            Key::Up | Key::Char('k') => self.back += 1,
            Key::PageUp => self.back += PAGE,
            Key::Down | Key::Char('j') => self.back = self.back.saturating_sub(1),
            Key::PageDown => self.back = self.back.saturating_sub(PAGE),
            _ => return Outcome::control(Control::Pop),
        }
        Outcome::stay()
    }

    fn overlay(&self, frame: &Frame) -> Option<Overlay> {
        let shown = frame
            .log
            .len()
            .saturating_sub(self.back)
            .max(1.min(frame.log.len()));
        let lines = frame.log[..shown]
            .iter()
            .map(|l| {
                let text = if l.repeats > 1 {
                    format!("{} (x{})", l.text, l.repeats)
                } else {
                    l.text.clone()
                };
                OverlayLine::toned(text, l.tone)
            })
            .collect();
        Some(Overlay {
            title: "Messages".into(),
            lines,
            footer: "Up/Down, PgUp/PgDn: scroll   other keys: close".into(),
            tail: true,
        })
    }
}

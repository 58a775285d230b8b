//! The message history: everything said recently, newest at the bottom.

use super::{Control, Outcome, Screen};
use crate::modes::input::Key;
use crate::view::{Frame, Hud, Overlay, OverlayLine};

#[derive(Clone, Copy, Debug, Default)]
pub struct Messages;

impl Screen for Messages {
    fn handle(&mut self, _: Key, _: &Hud) -> Outcome {
        Outcome::control(Control::Pop)
    }

    fn overlay(&self, frame: &Frame) -> Option<Overlay> {
        let lines = frame
            .log
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
            footer: "any key to close".into(),
            tail: true,
        })
    }
}

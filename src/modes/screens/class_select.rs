//! The class menu shown when a run starts: a letter takes that class; Esc
//! plays on without one (skills then cost two points each).

use super::{Control, Outcome, Screen};
use crate::modes::input::Key;
use crate::sim::Action;
use crate::view::{Frame, Hud, Overlay, OverlayLine, Tone, letter_slot, slot_letter};

#[derive(Clone, Copy, Debug, Default)]
pub struct ClassSelect;

impl Screen for ClassSelect {
    fn handle(&mut self, key: Key, hud: &Hud) -> Outcome {
        match key {
            Key::Esc | Key::Interrupt => Outcome::control(Control::Pop),
            Key::Char(c) => match letter_slot(c).filter(|&i| usize::from(i) < hud.classes.len()) {
                Some(i) => Outcome::pop_with(Action::ChooseClass(i)),
                None => Outcome::stay(),
            },
            _ => Outcome::stay(),
        }
    }

    fn overlay(&self, frame: &Frame) -> Option<Overlay> {
        let mut lines = Vec::new();
        for (i, c) in frame.hud.classes.iter().enumerate() {
            lines.push(OverlayLine::toned(
                format!("{}  {} ({})", slot_letter(i), c.name, c.archetype),
                Tone::Important,
            ));
            lines.push(OverlayLine::new(format!("   {}", c.text)));
            lines.push(OverlayLine::toned(format!("   {}", c.bonus), Tone::Good));
        }
        Some(Overlay {
            title: "Choose your calling".into(),
            lines,
            footer: "letter: choose   Esc: go without".into(),
            tail: false,
        })
    }
}

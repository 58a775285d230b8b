//! The crafting screen (key `C`): the recipes the hero knows, each with its
//! ingredients (how many are carried), station, chance and result. A letter
//! crafts that recipe at the station at hand; Esc or `C` closes. Like the
//! shop, a craft closes the screen for a tick and the app opens it again.

use super::{Control, Outcome, Screen};
use crate::modes::input::Key;
use crate::sim::Action;
use crate::view::{Frame, Hud, Overlay, OverlayLine, Tone, letter_slot, slot_letter};

/// The key that opens and closes the crafting screen.
pub const CRAFT_KEY: char = 'C';

#[derive(Clone, Copy, Debug, Default)]
pub struct Crafting;

impl Screen for Crafting {
    fn handle(&mut self, key: Key, hud: &Hud) -> Outcome {
        match key {
            Key::Esc | Key::Enter | Key::Interrupt | Key::Char(CRAFT_KEY) => {
                Outcome::control(Control::Pop)
            }
            Key::Char(c) => {
                let line = letter_slot(c).and_then(|i| hud.crafting.recipes.get(usize::from(i)));
                match line {
                    Some(r) => Outcome::pop_with(Action::Craft(r.index)),
                    None => Outcome::stay(),
                }
            }
            _ => Outcome::stay(),
        }
    }

    fn overlay(&self, frame: &Frame) -> Option<Overlay> {
        let c = &frame.hud.crafting;
        let here = match &c.station {
            Some(s) => OverlayLine::toned(format!("At the {s}."), Tone::Important),
            None => OverlayLine::toned("No station here: stand by one (_) to craft.", Tone::Bad),
        };
        let mut lines = vec![here, OverlayLine::new("")];
        for (i, r) in c.recipes.iter().enumerate() {
            let tone = if r.have_all && r.at_station {
                Tone::Good
            } else {
                Tone::Normal
            };
            lines.push(OverlayLine::toned(
                format!(
                    "{}  {} -> {}  ({}%, {})",
                    slot_letter(i),
                    r.name,
                    r.result,
                    r.chance,
                    r.station
                ),
                tone,
            ));
            let need = if r.have_all { Tone::Normal } else { Tone::Bad };
            lines.push(OverlayLine::toned(
                format!("     needs {}", r.ingredients.join(", ")),
                need,
            ));
        }
        if c.recipes.is_empty() {
            lines.push(OverlayLine::new(
                "You know no recipes yet: read one found in the dungeon.",
            ));
        }
        Some(Overlay {
            title: "Crafting".into(),
            lines,
            footer: "letter: craft   Esc or C: close".into(),
            tail: false,
        })
    }
}

//! The end of a run, won or lost: a summary and the way to start again.

use super::{Control, Outcome, Screen};
use crate::modes::input::Key;
use crate::view::{Hud, Overlay, OverlayLine, Tone};

#[derive(Clone, Copy, Debug, Default)]
pub struct GameOver;

impl Screen for GameOver {
    fn handle(&mut self, key: Key, hud: &Hud) -> Outcome {
        match key {
            Key::Char('n' | 'N') => Outcome::control(Control::NewGame(None)),
            Key::Char('r' | 'R') => Outcome::control(Control::NewGame(Some(hud.seed))),
            Key::Char('q' | 'Q') | Key::Esc | Key::Interrupt => Outcome::control(Control::Quit),
            _ => Outcome::stay(),
        }
    }

    fn overlay(&self, hud: &Hud) -> Option<Overlay> {
        let (title, headline) = if hud.won {
            ("Victory!", format!("{} conquered the dungeon!", hud.name))
        } else {
            (
                "You died",
                format!("{} fell on depth {}.", hud.name, hud.depth),
            )
        };
        Some(Overlay {
            title: title.into(),
            lines: vec![
                OverlayLine::toned(headline, Tone::Important),
                OverlayLine::new(""),
                OverlayLine::new(format!(
                    "Reached level {} and depth {} of {}.",
                    hud.level, hud.deepest, hud.max_depth
                )),
                OverlayLine::new(format!(
                    "Slew {} monsters and gathered {} gold.",
                    hud.kills, hud.gold
                )),
                OverlayLine::new(format!("Seed {}.", hud.seed)),
            ],
            footer: "n: new game   r: same seed again   q: quit".into(),
        })
    }
}

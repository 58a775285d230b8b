//! The end of a run, won or lost: a summary and the way to start again.
//! Movement keys do nothing here, so a player still pressing them as the
//! hero falls does not skip the summary.

use super::{Control, Messages, Outcome, Screen};
use crate::modes::input::Key;
use crate::view::{Frame, Hud, Overlay, OverlayLine, Tone};

#[derive(Clone, Copy, Debug, Default)]
pub struct GameOver;

impl Screen for GameOver {
    fn handle(&mut self, key: Key, hud: &Hud) -> Outcome {
        match key {
            Key::Enter => Outcome::control(Control::NewGame(None)),
            Key::Char('r' | 'R') => Outcome::control(Control::NewGame(Some(hud.seed))),
            Key::Char('q' | 'Q') | Key::Interrupt => Outcome::control(Control::Quit),
            Key::Char('m') => Outcome::control(Control::Push(Box::<Messages>::default())),
            _ => Outcome::stay(),
        }
    }

    fn overlay(&self, frame: &Frame) -> Option<Overlay> {
        let hud = &frame.hud;
        Some(Overlay {
            title: if hud.won { "Victory!" } else { "You died" }.into(),
            lines: summary(hud)
                .into_iter()
                .chain([format!("This world is seed {}.", hud.seed)])
                .enumerate()
                .map(|(i, l)| {
                    if i == 0 {
                        OverlayLine::toned(l, Tone::Important)
                    } else {
                        OverlayLine::new(l)
                    }
                })
                .collect(),
            tail: false,
            footer: "Enter: new world  r: same seed  m: messages  q: quit".into(),
        })
    }
}

/// The run in a few lines, for this screen and the farewell on exit.
pub fn summary(hud: &Hud) -> Vec<String> {
    let headline = if hud.won {
        format!("{} conquered the dungeon!", hud.name)
    } else if hud.dead {
        match &hud.slain_by {
            Some(killer) => format!("{} was slain by {killer} on depth {}.", hud.name, hud.depth),
            None => format!("{} fell on depth {}.", hud.name, hud.depth),
        }
    } else {
        format!("{} left the dungeon from depth {}.", hud.name, hud.depth)
    };
    let monsters = if hud.kills == 1 {
        "monster"
    } else {
        "monsters"
    };
    vec![
        headline,
        String::new(),
        format!(
            "Reached level {} and depth {} of {}.",
            hud.level, hud.deepest, hud.max_depth
        ),
        format!(
            "Slew {} {monsters} and gathered {} gold.",
            hud.kills, hud.gold
        ),
        format!("The world was {}.", hud.genre),
    ]
}

//! The help screen: the controls and what the map shows. Any key closes it.

use super::{Control, Outcome, Screen};
use crate::modes::input::{HELP, Key};
use crate::view::{Frame, Hud, Overlay, OverlayLine, Tone};

#[derive(Clone, Copy, Debug, Default)]
pub struct Help;

impl Screen for Help {
    fn handle(&mut self, _: Key, _: &Hud) -> Outcome {
        Outcome::control(Control::Pop)
    }

    fn overlay(&self, frame: &Frame) -> Option<Overlay> {
        let hud = &frame.hud;
        let mut lines: Vec<OverlayLine> = HELP
            .iter()
            .map(|(keys, what)| OverlayLine::new(format!("{keys:<28} {what}")))
            .collect();
        lines.push(OverlayLine::new(""));
        lines.push(OverlayLine::toned(
            "@ you   letters: monsters   ! potion   ) weapon   [ armour   $ gold",
            Tone::Good,
        ));
        lines.push(OverlayLine::toned(
            "# wall   . floor   + door   > stairs down   < stairs up",
            Tone::Good,
        ));
        lines.push(OverlayLine::new(""));
        lines.push(OverlayLine::new(format!(
            "Reach depth {} and slay its master. {}",
            hud.max_depth,
            if hud.turn_based {
                "Turn-based: the world waits for you."
            } else {
                "Real time: monsters act while you think"
            }
        )));
        lines.push(OverlayLine::new(
            "(menus pause). Press T to switch between real time and turns.",
        ));
        Some(Overlay {
            title: "Help".into(),
            lines,
            tail: false,
            footer: "any key to close".into(),
        })
    }
}

//! The help screen: the controls and what the map shows. Any key closes it.

use super::{Control, Outcome, Screen};
use crate::modes::input::{HELP, Key};
use crate::view::{Hud, Overlay, OverlayLine, Tone};

#[derive(Clone, Copy, Debug, Default)]
pub struct Help;

impl Screen for Help {
    fn handle(&mut self, _: Key, _: &Hud) -> Outcome {
        Outcome::control(Control::Pop)
    }

    fn overlay(&self, hud: &Hud) -> Option<Overlay> {
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
            "Reach depth {} and slay its master. Time flows in real time:",
            hud.max_depth
        )));
        lines.push(OverlayLine::new(
            "monsters act while you think, but menus pause the game.",
        ));
        Some(Overlay {
            title: "Help".into(),
            lines,
            footer: "any key to close".into(),
        })
    }
}

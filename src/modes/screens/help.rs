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
        // At most 20 lines, so the help fits an 80x24 terminal.
        let mut lines: Vec<OverlayLine> = HELP
            .iter()
            .map(|(keys, what)| OverlayLine::new(format!("{keys:<28} {what}")))
            .collect();
        lines.push(OverlayLine::new(""));
        lines.push(OverlayLine::toned(
            "@ you  & person  letters: monsters  ! potion  ) weapon  [ armour  $ gold",
            Tone::Good,
        ));
        lines.push(OverlayLine::toned(
            "# wall  . floor  + door  ' open door  > stairs down  < stairs up",
            Tone::Good,
        ));
        lines.push(OverlayLine::new(
            "Panel: Dmg damage per blow, Def defence, Ev chance to dodge.",
        ));
        let pace = if hud.turn_based { "turns" } else { "real time" };
        lines.push(OverlayLine::new(format!(
            "Goal: slay the master of depth {}. Playing in {pace} (T switches).",
            hud.max_depth
        )));
        Some(Overlay {
            title: "Help".into(),
            lines,
            tail: false,
            footer: "any key to close".into(),
        })
    }
}

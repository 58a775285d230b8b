//! The quest log: what each level asked, how far along it is and what it
//! pays; this level's quests first. Up/Down scroll; `Q` or Esc closes.

use super::{Control, Outcome, Screen};
use crate::modes::input::Key;
use crate::view::{Frame, Hud, Overlay, OverlayLine, Tone};

#[derive(Clone, Copy, Debug, Default)]
pub struct Quests {
    /// Lines scrolled off the top.
    skip: usize,
}

impl Screen for Quests {
    fn handle(&mut self, key: Key, _: &Hud) -> Outcome {
        match key {
            Key::Up | Key::Char('k') => self.skip = self.skip.saturating_sub(1),
            Key::Down | Key::Char('j') => self.skip += 1,
            Key::PageUp => self.skip = self.skip.saturating_sub(10),
            Key::PageDown => self.skip += 10,
            Key::Esc | Key::Char('Q') | Key::Enter | Key::Interrupt => {
                return Outcome::control(Control::Pop);
            }
            _ => {}
        }
        Outcome::stay()
    }

    fn overlay(&self, frame: &Frame) -> Option<Overlay> {
        let lines = log_lines(&frame.hud);
        let skip = self.skip.min(lines.len().saturating_sub(1));
        Some(Overlay {
            title: "Quests".into(),
            lines: lines.into_iter().skip(skip).collect(),
            footer: "Up/Down: scroll   Q or Esc: close".into(),
            tail: false,
        })
    }
}

/// The log's lines: a heading per level, then each quest with its progress,
/// what it asks (while active) and its reward.
fn log_lines(hud: &Hud) -> Vec<OverlayLine> {
    if hud.quests.is_empty() {
        return vec![OverlayLine::new("No quests yet.")];
    }
    let mut out = Vec::new();
    let mut last_depth = None;
    for q in &hud.quests {
        if last_depth != Some(q.depth) {
            if last_depth.is_some() {
                out.push(OverlayLine::new(""));
            }
            let here = if q.depth == hud.depth {
                " (this level)"
            } else {
                ""
            };
            out.push(OverlayLine::toned(
                format!("Depth {}{here}", q.depth),
                Tone::Important,
            ));
            last_depth = Some(q.depth);
        }
        let tone = match q.progress.as_str() {
            "done" => Tone::Good,
            "failed" => Tone::Bad,
            _ => Tone::Normal,
        };
        let mark = if q.active { "*" } else { "-" };
        out.push(OverlayLine::toned(
            format!("{mark} {}: {}", q.title, q.progress),
            tone,
        ));
        if q.active {
            out.push(OverlayLine::new(format!("    {}", q.text)));
        }
        out.push(OverlayLine::new(format!("    Reward: {}", q.reward)));
    }
    out
}

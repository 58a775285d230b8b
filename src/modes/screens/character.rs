//! The character screen: class, stats, skill points and the world's skill
//! tree. Up/Down pick a skill, Enter learns it (the sheet closes for the
//! tick that carries it out and the app opens it again on the same row);
//! `c` or Esc closes.

use super::{Control, Outcome, Screen};
use crate::modes::input::Key;
use crate::sim::Action;
use crate::view::{Frame, Hud, Overlay, OverlayLine, Tone};

/// Skill rows shown at once (the rest scroll), so the screen fits 80x24.
const ROWS: usize = 12;

/// Characters of a skill's row shown, so it fits inside the box at 80
/// columns.
const ROW_WIDTH: usize = 74;

#[derive(Clone, Copy, Debug, Default)]
pub struct Character {
    /// The skill the cursor is on.
    cursor: usize,
}

impl Character {
    /// The sheet with the cursor on skill `node`.
    pub fn at(node: u8) -> Self {
        Self {
            cursor: usize::from(node),
        }
    }
}

impl Screen for Character {
    fn handle(&mut self, key: Key, hud: &Hud) -> Outcome {
        let last = hud.skills.len().saturating_sub(1);
        match key {
            Key::Esc | Key::Char('c') | Key::Interrupt => return Outcome::control(Control::Pop),
            Key::Up | Key::Char('k') => self.cursor = self.cursor.saturating_sub(1),
            Key::Down | Key::Char('j') => self.cursor = (self.cursor + 1).min(last),
            Key::PageUp => self.cursor = self.cursor.saturating_sub(ROWS),
            Key::PageDown => self.cursor = (self.cursor + ROWS).min(last),
            Key::Enter => {
                if let Ok(node) = u8::try_from(self.cursor)
                    && self.cursor < hud.skills.len()
                {
                    // Like using an item from the pack, learning closes the
                    // sheet: the game is paused under it, and the skill
                    // takes hold on the next tick.
                    return Outcome::pop_with(Action::Learn(node));
                }
            }
            _ => {}
        }
        Outcome::stay()
    }

    fn overlay(&self, frame: &Frame) -> Option<Overlay> {
        let hud = &frame.hud;
        let mut lines = vec![
            OverlayLine::toned(
                format!(
                    "{} {}, level {}: {} skill point{}",
                    hud.name,
                    hud.class.as_deref().unwrap_or("(no class)"),
                    hud.level,
                    hud.skill_points,
                    if hud.skill_points == 1 { "" } else { "s" }
                ),
                Tone::Important,
            ),
            OverlayLine::new(format!(
                "HP {}/{}  Dmg {}-{}  Def {}  Ev {}  Kills {}  Deepest {}",
                hud.hp,
                hud.max_hp,
                hud.damage.0,
                hud.damage.1,
                hud.defense,
                hud.evasion,
                hud.kills,
                hud.deepest
            )),
            OverlayLine::new(""),
        ];
        // A window of the tree round the cursor.
        let first = self
            .cursor
            .saturating_sub(ROWS / 2)
            .min(hud.skills.len().saturating_sub(ROWS));
        let mut branch = None;
        // Columns as wide as the longest name and effect (within reason).
        let width = |f: fn(&crate::view::SkillLine) -> &str, cap: usize| {
            hud.skills
                .iter()
                .map(|s| f(s).chars().count())
                .max()
                .unwrap_or(0)
                .min(cap)
        };
        let name_w = width(|s| &s.name, 26);
        let effect_w = width(|s| &s.effect, 22);
        for (i, s) in hud.skills.iter().enumerate().skip(first).take(ROWS) {
            if branch != Some(&s.branch) {
                branch = Some(&s.branch);
                lines.push(OverlayLine::toned(s.branch.clone(), Tone::Important));
            }
            let mark = if i == self.cursor { '>' } else { ' ' };
            let state = if s.learned {
                "known".to_owned()
            } else if let Some(r) = &s.requires {
                format!("needs {r}")
            } else {
                format!("{} pt", s.cost)
            };
            let tone = if s.learned {
                Tone::Good
            } else if s.requires.is_none() && s.affordable {
                Tone::Normal
            } else {
                Tone::Bad
            };
            // One row per skill, so the window never wraps at 80 columns;
            // what does not fit ends in an ellipsis.
            let row = format!(
                "{mark} {} {:<name_w$} {:<effect_w$} {state}",
                s.tier, s.name, s.effect
            );
            let row = if row.chars().count() > ROW_WIDTH {
                let mut cut: String = row.chars().take(ROW_WIDTH - 1).collect();
                cut.push('…');
                cut
            } else {
                row
            };
            lines.push(OverlayLine::toned(row, tone));
        }
        Some(Overlay {
            title: "Character".into(),
            lines,
            footer: "Up/Down: choose  Enter: learn  c or Esc: close".into(),
            tail: false,
        })
    }
}

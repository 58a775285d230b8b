//! The saves menu (`S`, and at start when saves exist): every slot of the
//! save folder with the run it holds, newest first. Enter loads (or, at
//! start, continues) a slot; in a game `s` saves over the one under the
//! cursor and `n` names a new one; `x` deletes a slot after asking.
//!
//! The app lists the folder when it opens the menu and carries out what the
//! menu asks (`Control::Load`, `Save`, `Delete`); the menu itself only
//! reads keys.

use std::time::SystemTime;

use super::{Control, Outcome, Screen};
use crate::modes::input::Key;
use crate::save::SlotEntry;
use crate::view::{Frame, Hud, Overlay, OverlayLine, Tone};

/// Rows of slots shown at once.
const ROWS: usize = 12;

/// Why the menu is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SavesMode {
    /// At the start of a session: continue a run or start a new one.
    Start,
    /// During a game: save, load or delete.
    InGame,
}

/// What the keys are doing now.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Prompt {
    None,
    /// Typing the name of a new slot.
    Naming(String),
    /// Asking before deleting the slot under the cursor.
    Deleting,
}

/// The saves menu.
pub struct Saves {
    mode: SavesMode,
    slots: Vec<SlotEntry>,
    cursor: usize,
    prompt: Prompt,
    /// Read once when the menu opens, so ages do not tick while it is up.
    now: SystemTime,
}

impl Saves {
    /// The menu over `slots` (newest first), with the cursor on `cursor`.
    pub fn new(mode: SavesMode, slots: Vec<SlotEntry>, cursor: usize) -> Self {
        let cursor = cursor.min(slots.len().saturating_sub(1));
        Self {
            mode,
            slots,
            cursor,
            prompt: Prompt::None,
            now: SystemTime::now(),
        }
    }

    fn selected(&self) -> Option<&SlotEntry> {
        self.slots.get(self.cursor)
    }

    /// Keys while typing a new slot's name.
    fn naming(&mut self, key: Key) -> Outcome {
        let Prompt::Naming(name) = &mut self.prompt else {
            return Outcome::stay();
        };
        match key {
            Key::Esc | Key::Interrupt => self.prompt = Prompt::None,
            Key::Backspace => {
                name.pop();
            }
            Key::Enter if !name.is_empty() => {
                let name = std::mem::take(name);
                return Outcome::control(Control::Save(name));
            }
            Key::Char(c)
                if (c.is_ascii_alphanumeric() || c == '-' || c == '_') && name.len() < 32 =>
            {
                name.push(c);
            }
            _ => {}
        }
        Outcome::stay()
    }
}

impl Screen for Saves {
    fn handle(&mut self, key: Key, _: &Hud) -> Outcome {
        match self.prompt {
            Prompt::Naming(_) => return self.naming(key),
            Prompt::Deleting => {
                self.prompt = Prompt::None;
                return match (key, self.selected()) {
                    (Key::Char('y' | 'Y'), Some(slot)) => {
                        Outcome::control(Control::Delete(slot.name.clone(), self.cursor, self.mode))
                    }
                    _ => Outcome::stay(),
                };
            }
            Prompt::None => {}
        }
        let last = self.slots.len().saturating_sub(1);
        match key {
            Key::Esc | Key::Interrupt | Key::Char('S') => return Outcome::control(Control::Pop),
            Key::Up | Key::Char('k') => self.cursor = self.cursor.saturating_sub(1),
            Key::Down | Key::Char('j') => self.cursor = (self.cursor + 1).min(last),
            Key::PageUp => self.cursor = self.cursor.saturating_sub(ROWS),
            Key::PageDown => self.cursor = (self.cursor + ROWS).min(last),
            Key::Enter => {
                if let Some(slot) = self.selected().filter(|s| s.summary.is_ok()) {
                    return Outcome::control(Control::Load(slot.name.clone()));
                }
            }
            Key::Char('n') if self.mode == SavesMode::Start => {
                return Outcome::control(Control::Pop);
            }
            Key::Char('n') => self.prompt = Prompt::Naming(String::new()),
            Key::Char('s') if self.mode == SavesMode::InGame => {
                if let Some(slot) = self.selected() {
                    return Outcome::control(Control::Save(slot.name.clone()));
                }
            }
            Key::Char('x') | Key::Char('D') if self.selected().is_some() => {
                self.prompt = Prompt::Deleting;
            }
            _ => {}
        }
        Outcome::stay()
    }

    fn overlay(&self, _: &Frame) -> Option<Overlay> {
        let mut lines = Vec::new();
        if self.slots.is_empty() {
            lines.push(OverlayLine::new("No saves yet."));
        }
        let first = self
            .cursor
            .saturating_sub(ROWS / 2)
            .min(self.slots.len().saturating_sub(ROWS));
        let width = self
            .slots
            .iter()
            .map(|s| s.name.chars().count())
            .max()
            .unwrap_or(0);
        for (i, slot) in self.slots.iter().enumerate().skip(first).take(ROWS) {
            let mark = if i == self.cursor { '>' } else { ' ' };
            let (what, tone) = match &slot.summary {
                Ok(run) => (run.line(), Tone::Normal),
                Err(why) => (why.clone(), Tone::Bad),
            };
            let age = slot.age(self.now);
            let age = if age.is_empty() {
                age
            } else {
                format!(" ({age})")
            };
            let tone = if i == self.cursor && tone == Tone::Normal {
                Tone::Important
            } else {
                tone
            };
            lines.push(OverlayLine::toned(
                format!("{mark} {:width$}  {what}{age}", slot.name),
                tone,
            ));
        }
        match &self.prompt {
            Prompt::Naming(name) => {
                lines.push(OverlayLine::new(""));
                lines.push(OverlayLine::toned(
                    format!("New save's name: {name}_"),
                    Tone::Important,
                ));
            }
            Prompt::Deleting => {
                if let Some(slot) = self.selected() {
                    lines.push(OverlayLine::new(""));
                    lines.push(OverlayLine::toned(
                        format!("Delete the save `{}` and its backup? (y/n)", slot.name),
                        Tone::Bad,
                    ));
                }
            }
            Prompt::None => {}
        }
        let footer = match (&self.prompt, self.mode) {
            (Prompt::Naming(_), _) => "letters, digits, - and _   Enter: save   Esc: cancel",
            (Prompt::Deleting, _) => "y: delete   any other key: keep it",
            (Prompt::None, SavesMode::Start) => "Enter: continue   x: delete   n or Esc: new game",
            (Prompt::None, SavesMode::InGame) => {
                "Enter: load  s: save here  n: new save  x: delete  Esc: close"
            }
        };
        Some(Overlay {
            title: match self.mode {
                SavesMode::Start => "Continue a run?".into(),
                SavesMode::InGame => "Saves".into(),
            },
            lines,
            footer: footer.into(),
            tail: false,
        })
    }
}

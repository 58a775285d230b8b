//! The spells screen: every spell the hero knows with its cost, cooldown
//! and effect, and the five hotkey slots. A letter picks a spell, a digit
//! from 1 to 5 puts it in that slot, Backspace takes it out of its slots;
//! `z` or Esc closes the screen and sends the new slots to the hero.

use super::{Control, Outcome, Screen};
use crate::modes::input::Key;
use crate::sim::Action;
use crate::view::{Frame, Hud, Overlay, OverlayLine, Tone, letter_slot, slot_letter};

/// The key that opens the screen also closes it.
pub const SPELLS_KEY: char = 'z';

/// Slots being edited, shown as they will be once the screen closes.
#[derive(Clone, Copy, Debug)]
pub struct Spells {
    slots: [Option<u8>; 5],
    /// The spell picked with a letter, waiting for a digit.
    selected: Option<u8>,
    changed: bool,
}

impl Spells {
    /// The screen for a hero whose slots are `hud.magic.slots` now.
    pub fn new(hud: &Hud) -> Self {
        Self {
            slots: hud.magic.slots,
            selected: None,
            changed: false,
        }
    }

    fn close(&self) -> Outcome {
        if !self.changed {
            return Outcome::control(Control::Pop);
        }
        let slots = self.slots.map(|s| s.unwrap_or(u8::MAX));
        Outcome::pop_with(Action::SetSpellSlots { slots })
    }
}

impl Screen for Spells {
    fn handle(&mut self, key: Key, hud: &Hud) -> Outcome {
        match key {
            Key::Esc | Key::Interrupt | Key::Char(SPELLS_KEY) => self.close(),
            Key::Char(c @ '1'..='5') => {
                if let Some(spell) = self.selected {
                    let slot = usize::from(c as u8 - b'1');
                    // A spell sits in one slot at a time.
                    for s in &mut self.slots {
                        if *s == Some(spell) {
                            *s = None;
                        }
                    }
                    self.slots[slot] = Some(spell);
                    self.changed = true;
                }
                Outcome::stay()
            }
            Key::Backspace => {
                if let Some(spell) = self.selected {
                    for s in &mut self.slots {
                        if *s == Some(spell) {
                            *s = None;
                            self.changed = true;
                        }
                    }
                }
                Outcome::stay()
            }
            Key::Char(c) => {
                if let Some(i) = letter_slot(c).filter(|&i| usize::from(i) < hud.magic.spells.len())
                {
                    self.selected = Some(i);
                }
                Outcome::stay()
            }
            _ => Outcome::stay(),
        }
    }

    fn overlay(&self, frame: &Frame) -> Option<Overlay> {
        let magic = &frame.hud.magic;
        let mut lines = vec![OverlayLine::toned(
            format!("Mana {}/{}", magic.mana, magic.max_mana),
            Tone::Good,
        )];
        let slot_of = |i: usize| {
            self.slots
                .iter()
                .position(|s| usize::from(s.unwrap_or(u8::MAX)) == i)
                .map_or(' ', |k| char::from(b'1' + k as u8))
        };
        if magic.spells.is_empty() {
            lines.push(OverlayLine::new("You know no spells yet."));
        }
        for (i, s) in magic.spells.iter().enumerate() {
            let ready = if s.ready_in > 0 {
                format!(" (ready in {}s)", s.ready_in.div_ceil(20))
            } else {
                String::new()
            };
            let mark = if self.selected == u8::try_from(i).ok() {
                '>'
            } else {
                ' '
            };
            lines.push(OverlayLine::toned(
                format!(
                    "{mark}{}) [{}] {:<22} {:>2} mp {:>3}s  {}{ready}",
                    slot_letter(i),
                    slot_of(i),
                    s.name,
                    s.mana,
                    s.cooldown.div_ceil(20),
                    s.detail
                ),
                if s.ready_in > 0 {
                    Tone::Normal
                } else {
                    Tone::Good
                },
            ));
        }
        lines.push(OverlayLine::new(""));
        let names: Vec<String> = self
            .slots
            .iter()
            .enumerate()
            .map(|(k, s)| {
                let name = s
                    .and_then(|i| magic.spells.get(usize::from(i)))
                    .map_or("-", |l| l.name.as_str());
                format!("{}:{name}", k + 1)
            })
            .collect();
        lines.push(OverlayLine::new(names.join("  ")));
        Some(Overlay {
            title: "Spells".into(),
            lines,
            tail: false,
            footer: "letter: pick  1-5: put in slot  Backspace: unslot  z/Esc: close".into(),
        })
    }
}

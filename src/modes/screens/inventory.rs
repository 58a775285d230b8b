//! The pack: pick a letter to drink, eat, read, throw, wield or wear it (or
//! to drop it). Gear above common shows in its tier's colour, with a line
//! naming the tier and what each affix adds.

use super::{Control, Outcome, Screen};
use crate::modes::input::Key;
use crate::schema::Rarity;
use crate::sim::Action;
use crate::view::{Frame, Hud, Overlay, OverlayLine, Tone, pack_slot};

/// What choosing an item does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InventoryMode {
    Use,
    Drop,
}

#[derive(Clone, Copy, Debug)]
pub struct Inventory {
    mode: InventoryMode,
}

impl Inventory {
    pub fn new(mode: InventoryMode) -> Self {
        Self { mode }
    }
}

impl Screen for Inventory {
    fn handle(&mut self, key: Key, hud: &Hud) -> Outcome {
        match key {
            Key::Esc | Key::Enter | Key::Interrupt => Outcome::control(Control::Pop),
            // The pack's own keys name no slot: the key of the mode shown
            // closes it, the other one switches to it.
            Key::Char(k @ ('i' | 'd')) => {
                let wanted = if k == 'i' {
                    InventoryMode::Use
                } else {
                    InventoryMode::Drop
                };
                if wanted == self.mode {
                    return Outcome::control(Control::Pop);
                }
                self.mode = wanted;
                Outcome::stay()
            }
            Key::Tab => {
                self.mode = match self.mode {
                    InventoryMode::Use => InventoryMode::Drop,
                    InventoryMode::Drop => InventoryMode::Use,
                };
                Outcome::stay()
            }
            Key::Char(c) => match pack_slot(c).filter(|_| hud.pack.iter().any(|p| p.letter == c)) {
                Some(slot) => Outcome::pop_with(match self.mode {
                    InventoryMode::Use => Action::Use(slot),
                    InventoryMode::Drop => Action::Drop(slot),
                }),
                None => Outcome::stay(),
            },
            _ => Outcome::stay(),
        }
    }

    fn overlay(&self, frame: &Frame) -> Option<Overlay> {
        let hud = &frame.hud;
        let mut lines = Vec::new();
        let worn = |label: &str, item: &Option<String>| {
            OverlayLine::toned(
                format!("{label}: {}", item.as_deref().unwrap_or("nothing")),
                Tone::Good,
            )
        };
        lines.push(worn("Wielding", &hud.weapon));
        if hud.worn.is_empty() {
            lines.push(worn("Wearing ", &None));
        }
        for (slot, item) in &hud.worn {
            lines.push(OverlayLine::toned(format!("{slot:<8}: {item}"), Tone::Good));
        }
        lines.push(OverlayLine::new(format!("Gold: {}", hud.gold)));
        lines.push(OverlayLine::new(""));
        if hud.pack.is_empty() {
            lines.push(OverlayLine::new("Your pack is empty."));
        }
        for p in &hud.pack {
            let verb = match self.mode {
                InventoryMode::Use => p.usable,
                InventoryMode::Drop => "drop",
            };
            let text = format!(
                "{}) {} {:<26} {:<6} {}",
                p.letter, p.glyph, p.name, verb, p.detail
            );
            if p.rarity == Rarity::Common {
                lines.push(OverlayLine::new(text));
                continue;
            }
            // Better gear shows in its tier's colour, with what it adds.
            lines.push(OverlayLine::colored(text, p.rarity_color));
            let mut what = p.rarity.name().to_owned();
            if !p.affixes.is_empty() {
                what = format!("{what}: {}", p.affixes.join(", "));
            }
            lines.push(OverlayLine::colored(format!("     {what}"), p.rarity_color));
        }
        let (title, footer) = match self.mode {
            InventoryMode::Use => (
                format!("Pack ({}/{})", hud.pack.len(), hud.pack_capacity),
                "letter: use   d: drop instead   i/Esc: close",
            ),
            InventoryMode::Drop => (
                format!("Drop what? ({}/{})", hud.pack.len(), hud.pack_capacity),
                "letter: drop   i: use instead   d/Esc: close",
            ),
        };
        Some(Overlay {
            title,
            lines,
            tail: false,
            footer: footer.into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Rgb;
    use crate::view::PackLine;

    #[test]
    fn fine_gear_shows_in_its_tier_colour_with_its_affixes() {
        let blue = Rgb(90, 150, 255);
        let hud = Hud {
            pack: vec![
                PackLine {
                    letter: 'a',
                    name: "keen dagger".into(),
                    usable: "wield",
                    rarity: Rarity::Rare,
                    rarity_color: blue,
                    affixes: vec!["+8 accuracy".into()],
                    ..Default::default()
                },
                PackLine {
                    letter: 'b',
                    name: "potion of healing".into(),
                    ..Default::default()
                },
            ],
            pack_capacity: 20,
            ..Default::default()
        };
        let frame = Frame {
            hud,
            ..Default::default()
        };
        let o = Inventory::new(InventoryMode::Use)
            .overlay(&frame)
            .expect("an overlay");
        let fine: Vec<&OverlayLine> = o.lines.iter().filter(|l| l.color == Some(blue)).collect();
        assert_eq!(fine.len(), 2, "{:#?}", o.lines);
        assert!(fine[0].text.contains("keen dagger"));
        assert!(
            fine[1].text.contains("rare: +8 accuracy"),
            "{}",
            fine[1].text
        );
        assert!(
            o.lines
                .iter()
                .any(|l| l.text.contains("potion of healing") && l.color.is_none())
        );
    }
}

//! The shop: a merchant's wares with prices, and what they pay for the
//! hero's things. A letter buys that ware (or, after Tab, sells one of that
//! pack slot); Esc closes. Each trade closes the shop for a tick, as using
//! an item closes the pack, and the app opens it again with the new stock.

use super::{Control, Outcome, Screen};
use crate::modes::input::Key;
use crate::sim::Action;
use crate::view::{Frame, Hud, Overlay, OverlayLine, Tone, letter_slot, pack_slot, slot_letter};

#[derive(Clone, Copy, Debug, Default)]
pub struct Shop {
    /// Selling the hero's things instead of buying.
    selling: bool,
}

impl Shop {
    pub fn new(selling: bool) -> Self {
        Self { selling }
    }
}

impl Screen for Shop {
    fn handle(&mut self, key: Key, hud: &Hud) -> Outcome {
        let Some(shop) = &hud.shop else {
            return Outcome::control(Control::Pop);
        };
        match key {
            Key::Esc | Key::Enter | Key::Interrupt => Outcome::control(Control::Pop),
            Key::Tab => {
                self.selling = !self.selling;
                Outcome::stay()
            }
            Key::Char(c) => {
                // Selling names pack slots by their pack letters.
                let slot = if self.selling {
                    pack_slot(c)
                } else {
                    letter_slot(c)
                };
                let Some(i) = slot else {
                    return Outcome::stay();
                };
                let n = usize::from(i);
                if self.selling && shop.offers.get(n).copied().flatten().is_some() {
                    Outcome::pop_with(Action::Sell(i))
                } else if !self.selling && n < shop.wares.len() {
                    Outcome::pop_with(Action::Buy(i))
                } else {
                    Outcome::stay()
                }
            }
            _ => Outcome::stay(),
        }
    }

    fn overlay(&self, frame: &Frame) -> Option<Overlay> {
        let hud = &frame.hud;
        let shop = hud.shop.as_ref()?;
        let mut lines = vec![
            OverlayLine::toned(format!("You have {} gold.", hud.gold), Tone::Important),
            OverlayLine::new(""),
        ];
        if self.selling {
            for p in &hud.pack {
                let offer = pack_slot(p.letter)
                    .and_then(|i| shop.offers.get(usize::from(i)).copied().flatten());
                if let Some(price) = offer {
                    lines.push(OverlayLine::new(format!(
                        "{}  {:<40} {price:>6} gold",
                        p.letter, p.name
                    )));
                }
            }
            if lines.len() == 2 {
                lines.push(OverlayLine::new("You have nothing to sell."));
            }
        } else {
            for (i, w) in shop.wares.iter().enumerate() {
                let name = if w.count > 1 {
                    format!("{} x {}", w.count, w.name)
                } else {
                    w.name.clone()
                };
                let tone = if w.price <= hud.gold {
                    Tone::Normal
                } else {
                    Tone::Bad
                };
                lines.push(OverlayLine::toned(
                    format!("{}  {name:<40} {:>6} gold", slot_letter(i), w.price),
                    tone,
                ));
            }
            if shop.wares.is_empty() {
                lines.push(OverlayLine::new("Sold out."));
            }
        }
        let (verb, footer) = if self.selling {
            ("buys", "letter: sell one   Tab: buy   Esc: close")
        } else {
            ("sells", "letter: buy   Tab: sell   Esc: close")
        };
        Some(Overlay {
            title: format!("The {} {verb}", shop.merchant),
            lines,
            footer: footer.into(),
            tail: false,
        })
    }
}

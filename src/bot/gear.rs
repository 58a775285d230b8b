//! How bots judge gear: a weapon by its damage per tick of delay, armour by
//! defence and evasion, each against what is worn in the same place. Shared
//! by equipping (wear what is better), selling (what is not better is junk)
//! and buying (only what is better is worth the gold).

use crate::schema::items::ItemKind;
use crate::schema::{Content, ItemId};
use crate::sim::query::HeroState;

/// Whether `item` beats what the hero wields or wears in its place; `None`
/// for anything that is not gear.
pub fn beats_worn(hero: &HeroState, content: &Content, item: ItemId) -> Option<bool> {
    match &content.item(item).kind {
        ItemKind::Weapon(_) => {
            let worn = hero
                .weapon
                .and_then(|p| score(content, p.item))
                .unwrap_or(0);
            score(content, item).map(|v| v > worn)
        }
        ItemKind::Armor(a) => {
            let worn = hero
                .worn
                .get(a.slot.index())
                .copied()
                .flatten()
                .and_then(|p| score(content, p.item))
                .unwrap_or(-1);
            score(content, item).map(|v| v > worn)
        }
        _ => None,
    }
}

/// A pack slot holding a weapon or armour better than what is worn.
pub fn upgrade_slot(hero: &HeroState, content: &Content) -> Option<u8> {
    hero.pack_items()
        .find(|(_, s)| beats_worn(hero, content, s.item) == Some(true))
        .and_then(|(i, _)| u8::try_from(i).ok())
}

/// How good a piece of gear is, comparable only within weapons or within
/// armour.
fn score(content: &Content, item: ItemId) -> Option<i32> {
    match &content.item(item).kind {
        ItemKind::Weapon(w) => {
            Some((w.damage.min() + w.damage.max() + 2 * w.attack) * 100 / w.attack_delay.max(1))
        }
        ItemKind::Armor(a) => Some(a.defense * 2 + a.evasion),
        _ => None,
    }
}

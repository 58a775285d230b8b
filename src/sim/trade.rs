//! Prices: what a merchant asks for an item and pays for one. An item's
//! worth comes from what it does, grown with the depth it is traded at; a
//! merchant sells at its worth and buys at a third of it.

use crate::schema::items::{ItemKind, PotionEffect, ScrollEffect};
use crate::schema::{Content, ItemId};

/// Percent a price grows per level below the first.
const DEPTH_PERCENT: i64 = 10;

/// A merchant buys at this percent of its selling price.
pub const SELL_PERCENT: i64 = 33;

/// What an item is worth at the top of the dungeon, in the genre's currency.
pub fn base_value(content: &Content, item: ItemId) -> i64 {
    let avg = |s: crate::schema::Span| i64::from(s.min() + s.max()) / 2;
    let effect = |e: &PotionEffect| match e {
        PotionEffect::Heal(n) => i64::from(*n) * 2,
        PotionEffect::Status(s) => 20 + i64::from(s.duration) / 10,
        PotionEffect::Cure => 25,
    };
    let v = match &content.item(item).kind {
        ItemKind::Potion(e) => effect(e),
        ItemKind::Food(e) => effect(e) / 2,
        ItemKind::Scroll(ScrollEffect::Mapping) => 40,
        ItemKind::Scroll(ScrollEffect::Blast { damage, radius, .. }) => {
            avg(*damage) * 4 + i64::from(*radius) * 10
        }
        ItemKind::Thrown(t) => avg(t.damage) * 3 + i64::from(t.projectile.radius) * 10,
        ItemKind::Weapon(w) => {
            let shot = if w.ranged.is_some() { 30 } else { 0 };
            (avg(w.damage) + i64::from(w.attack) * 2) * 8 + i64::from(w.crit_chance) * 2 + shot
        }
        ItemKind::Armor(a) => {
            let resist: i64 = a.resist.0.iter().map(|&r| i64::from(r.max(0))).sum();
            i64::from(a.defense) * 20 + i64::from(a.evasion) * 6 + resist / 2
        }
        ItemKind::Gold(_) => 0,
    };
    v.max(1)
}

/// What a merchant on `depth` asks for the item.
pub fn buy_price(content: &Content, item: ItemId, depth: i32) -> i64 {
    let grown = 100 + DEPTH_PERCENT * i64::from((depth - 1).max(0));
    (base_value(content, item) * grown / 100).max(1)
}

/// What a merchant on `depth` pays for the item: always less than it asks.
pub fn sell_price(content: &Content, item: ItemId, depth: i32) -> i64 {
    let buy = buy_price(content, item, depth);
    (buy * SELL_PERCENT / 100).clamp(0, buy - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::load_defaults;

    #[test]
    fn prices_grow_with_depth_and_selling_pays_less_than_buying() {
        let content = load_defaults().expect("defaults");
        for item in content.item_ids() {
            if matches!(content.item(item).kind, ItemKind::Gold(_)) {
                continue;
            }
            let (b1, b5) = (buy_price(&content, item, 1), buy_price(&content, item, 5));
            assert!(b1 >= 1 && b5 >= b1, "{}", content.item(item).id);
            for d in [1, 5, 10] {
                assert!(sell_price(&content, item, d) < buy_price(&content, item, d));
            }
        }
        let heal = content.item_id("potion_healing").expect("potion");
        let greater = content.item_id("potion_greater_healing").expect("potion");
        assert!(buy_price(&content, greater, 1) > buy_price(&content, heal, 1));
        let dagger = content.item_id("dagger").expect("dagger");
        let axe = content.item_id("battle_axe").expect("axe");
        assert!(buy_price(&content, axe, 1) > buy_price(&content, dagger, 1));
    }
}

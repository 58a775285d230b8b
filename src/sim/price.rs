//! What merchants pay and ask for an item: a base worth from what the item
//! does, times its rarity tier's value percent, plus what its affixes add,
//! grown with depth. Pure integer rules over schema data; merchants use
//! [`value`] and nothing else.

use crate::schema::Content;
use crate::schema::affixes::{AffixDef, AffixEffect, TierDef};
use crate::schema::items::{ItemDef, ItemKind, PotionEffect, ScrollEffect};

/// Percent more merchants ask per level below the first.
pub const DEPTH_PERCENT: i64 = 10;
/// Merchants buy back at this percent of their own price.
pub const SELL_PERCENT: i64 = 40;

/// A merchant's two prices for one item, in the world's currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Price {
    /// What a merchant asks.
    pub buy: i64,
    /// What a merchant pays (always below `buy`; 0 for currency).
    pub sell: i64,
}

/// The worth of an item kind before rarity, affixes and depth.
pub fn base_worth(item: &ItemDef) -> i64 {
    let span = |s: crate::schema::Span| i64::from(s.min().max(0)) + i64::from(s.max().max(0));
    let effect = |e: &PotionEffect| match e {
        PotionEffect::Heal(n) => 5 + 2 * i64::from((*n).max(0)),
        PotionEffect::Status(s) => {
            10 + i64::from(s.magnitude.max(1)) * i64::from(s.duration.min(100_000)) / 20
        }
        PotionEffect::Cure => 25,
    };
    match &item.kind {
        ItemKind::Weapon(w) => {
            let hits = 4 * (span(w.damage) + 2 * i64::from(w.attack.max(0)));
            let skill = 2 * i64::from(w.accuracy.max(0) + w.crit_chance.max(0));
            let shoots = if w.ranged.is_some() { 30 } else { 0 };
            let status = if w.on_hit.is_some() { 25 } else { 0 };
            // Faster weapons are worth more: a blow every 10 ticks is par.
            10 + (hits + skill) * 10 / i64::from(w.attack_delay.max(1)) + shoots + status
        }
        ItemKind::Armor(a) => {
            let resist: i64 = a.resist.0.iter().map(|&r| i64::from(r.max(0))).sum();
            10 + 12 * i64::from(a.defense.max(0)) + 4 * i64::from(a.evasion.max(0)) + resist / 4
        }
        ItemKind::Potion(e) | ItemKind::Food(e) => effect(e),
        ItemKind::Scroll(ScrollEffect::Mapping) => 40,
        ItemKind::Scroll(ScrollEffect::Blast { damage, radius, .. }) => {
            20 + 3 * span(*damage) * i64::from(*radius).max(1)
        }
        ItemKind::Thrown(t) => 10 + 2 * span(t.damage) * (1 + i64::from(t.projectile.radius)),
        ItemKind::Gold(_) => 0,
        ItemKind::Recipe(_) => 60,
    }
}

/// What one affix adds to an item's worth (a penalty takes nothing off).
pub fn affix_worth(affix: &AffixDef) -> i64 {
    let w = |v: i32, per: i64| i64::from(v.max(0)) * per;
    match affix.effect {
        AffixEffect::Damage(v) => w(v, 2),
        AffixEffect::Attack(v) | AffixEffect::Defense(v) => w(v, 15),
        AffixEffect::Accuracy(v) | AffixEffect::Quickness(v) => w(v, 3),
        AffixEffect::Crit(v) | AffixEffect::Evasion(v) => w(v, 4),
        AffixEffect::Resist(_, v) | AffixEffect::Speed(v) => w(v, 1),
        AffixEffect::MaxHealth(v) => w(v, 2),
        AffixEffect::LifeOnHit(v) => w(v, 25),
        AffixEffect::OnHit(s) => 10 + i64::from(s.chance.min(100)),
    }
}

/// A merchant's prices for `item` of tier `tier` with `affixes`, at
/// `depth`: (base worth x tier percent + affix worth) grown by
/// [`DEPTH_PERCENT`] per level; sold back at [`SELL_PERCENT`], always at
/// least 1 below the asking price. Currency is worth nothing.
pub fn value(item: &ItemDef, tier: &TierDef, affixes: &[&AffixDef], depth: i32) -> Price {
    let base = base_worth(item);
    if base == 0 {
        return Price { buy: 0, sell: 0 };
    }
    let extra: i64 = affixes.iter().map(|a| affix_worth(a)).sum();
    let worth = base * i64::from(tier.value_percent.max(1)) / 100 + extra;
    let levels = i64::from(depth.clamp(1, 99) - 1);
    let buy = (worth * (100 + DEPTH_PERCENT * levels) / 100).max(2);
    let sell = (buy * SELL_PERCENT / 100).clamp(1, buy - 1);
    Price { buy, sell }
}

/// [`value`] for an item as the simulation holds it.
pub fn value_of(content: &Content, piece: &crate::sim::components::Piece, depth: i32) -> Price {
    let list: Vec<&AffixDef> = piece
        .quality
        .affix_ids()
        .map(|a| content.affix(a))
        .collect();
    value(
        content.item(piece.item),
        content.tier(piece.quality.rarity),
        &list,
        depth,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::{Rarity, load_defaults};
    use crate::sim::components::{Piece, Quality};

    #[test]
    fn rarer_deeper_and_affixed_items_cost_more_and_sell_for_less() {
        let content = load_defaults().expect("defaults");
        let sword = content.item(content.item_id("short_sword").expect("sword"));
        let keen = content
            .affixes
            .iter()
            .find(|a| a.id == "keen")
            .expect("keen");
        let at =
            |r: Rarity, affixes: &[&AffixDef], depth| value(sword, content.tier(r), affixes, depth);
        // dmg 3-7 +1 at delay 9: 10 + (4 * (10 + 2)) * 10 / 9 = 63.
        assert_eq!(base_worth(sword), 63);
        assert_eq!(at(Rarity::Common, &[], 1), Price { buy: 63, sell: 25 });
        // Uncommon (180%) with keen (+6 accuracy, 18): 113 + 18 = 131.
        assert_eq!(at(Rarity::Uncommon, &[keen], 1).buy, 131);
        // Ten levels down, 90% more.
        assert_eq!(at(Rarity::Common, &[], 10).buy, 119);
        let mut last = 0;
        for r in Rarity::ALL {
            let p = at(r, &[], 5);
            assert!(p.buy > last, "{r:?}");
            assert!(p.sell < p.buy && p.sell > 0);
            last = p.buy;
        }
        assert!(at(Rarity::Rare, &[keen], 3).buy > at(Rarity::Rare, &[], 3).buy);
    }

    #[test]
    fn every_item_has_a_sensible_price_and_currency_none() {
        let content = load_defaults().expect("defaults");
        for id in content.item_ids() {
            let def = content.item(id);
            let mut q = Quality::of(Rarity::Legendary);
            for a in content.affix_ids().take(4) {
                q.push(a);
            }
            for depth in [1, 5, 10] {
                let p = value_of(
                    &content,
                    &Piece {
                        item: id,
                        quality: q,
                    },
                    depth,
                );
                if matches!(def.kind, ItemKind::Gold(_)) {
                    assert_eq!(p, Price { buy: 0, sell: 0 });
                } else {
                    assert!(p.buy >= 2 && p.sell >= 1 && p.sell < p.buy, "{}", def.id);
                }
            }
        }
        let cheap = TierDef {
            value_percent: 1,
            ..content.tier(Rarity::Common).clone()
        };
        let potion = content.item(content.item_id("potion_healing").expect("potion"));
        let p = value(potion, &cheap, &[], 1);
        assert_eq!(p, Price { buy: 2, sell: 1 }, "the floor keeps sell < buy");
    }
}

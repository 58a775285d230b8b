//! Found gear's quality: a rarity tier rolled by depth (drops from rarer
//! monsters and bosses count as found deeper), then as many affixes as the
//! tier allows, chosen by weight among those that fit the item, the depth
//! and the world's genre. Consumables and currency are always plain.
//!
//! Every roll has its own stream: (world seed, `LOOT_PLACED`, depth,
//! placement index) for items laid out with a level, and (world seed,
//! `LOOT_DROPPED`, tick, monster id, drop index) for drops, so adding a
//! roll here never moves a level's layout or another drop.

use super::level::ItemPlacement;
use super::seed::{LOOT_DROPPED, LOOT_PLACED, Stream};
use crate::schema::affixes::{AffixPlace, AffixTarget, MAX_PREFIXES, MAX_SUFFIXES, TierDef};
use crate::schema::items::ItemKind;
use crate::schema::{AffixId, Content, ItemId, Rarity};
use crate::sim::components::Quality;

/// Deepest depth the tier formulas are taken to (drop bonuses included).
const MAX_LOOT_DEPTH: i32 = 99;

/// A tier's weight at `depth`: its depth-1 weight plus its change per
/// level deeper, never below zero.
pub fn tier_weight(t: &TierDef, depth: i32) -> u32 {
    let d = i64::from(depth.clamp(1, MAX_LOOT_DEPTH) - 1);
    let w = i64::from(t.base_weight) + i64::from(t.weight_per_depth) * d;
    u32::try_from(w.max(0)).unwrap_or(u32::MAX)
}

/// The weights of the five tiers at `depth`, Common first.
pub fn rarity_odds(content: &Content, depth: i32) -> [u32; 5] {
    Rarity::ALL.map(|r| tier_weight(content.tier(r), depth))
}

/// The depth a monster's drop is rolled at: its own, plus a bonus per step
/// of its rarity and for a boss.
pub fn drop_depth(content: &Content, depth: i32, rarity: Rarity, boss: bool) -> i32 {
    let b = content.drops;
    let steps = rarity as i32;
    (depth + steps * b.per_monster_rarity + if boss { b.boss } else { 0 }).min(MAX_LOOT_DEPTH)
}

/// A tier for gear found at `depth`.
pub fn roll_rarity(content: &Content, depth: i32, rng: &mut Stream) -> Rarity {
    let odds = rarity_odds(content, depth);
    rng.weighted(odds.iter().copied())
        .and_then(|i| Rarity::ALL.get(i).copied())
        .unwrap_or_default()
}

/// Whether affixes meant for `target` can go on `item` (`None` when the
/// item takes no affixes at all).
fn fits(content: &Content, item: ItemId, target: AffixTarget) -> Option<bool> {
    match (&content.item(item).kind, target) {
        (ItemKind::Weapon(_), AffixTarget::Weapon) => Some(true),
        (ItemKind::Weapon(w), AffixTarget::Ranged) => Some(w.ranged.is_some()),
        (ItemKind::Armor(_), AffixTarget::Armor) => Some(true),
        (ItemKind::Weapon(_) | ItemKind::Armor(_), _) => Some(false),
        _ => None,
    }
}

/// Whether `item` rolls a quality at all: only weapons and armour do.
pub fn takes_quality(content: &Content, item: ItemId) -> bool {
    fits(content, item, AffixTarget::Weapon).is_some()
}

/// The weight of `affix` for an item of `quality` at `depth`: 0 when it
/// does not fit the item, the depth or the world, repeats an effect the
/// item has, or its place is full.
fn affix_weight(
    content: &Content,
    item: ItemId,
    depth: i32,
    quality: &Quality,
    affix: AffixId,
) -> u32 {
    let def = content.affix(affix);
    let full = match def.place {
        AffixPlace::Prefix => quality.count_in(content, AffixPlace::Prefix) >= MAX_PREFIXES,
        AffixPlace::Suffix => quality.count_in(content, AffixPlace::Suffix) >= MAX_SUFFIXES,
    };
    let repeats = quality
        .affix_ids()
        .any(|a| content.affix(a).effect.kind() == def.effect.kind());
    let fits_item = def.on.iter().any(|&t| fits(content, item, t) == Some(true));
    if full || repeats || !fits_item || !def.depth.contains(depth) {
        return 0;
    }
    let share = u64::from(content.affix_share(affix));
    u32::try_from(u64::from(def.weight) * share / 100).unwrap_or(u32::MAX)
}

/// The quality of one `item` found at `depth` (drop bonuses already in the
/// depth): plain for anything but gear, else a tier and its affixes.
pub fn roll_quality(content: &Content, item: ItemId, depth: i32, rng: &mut Stream) -> Quality {
    if !takes_quality(content, item) {
        return Quality::default();
    }
    let rarity = roll_rarity(content, depth, rng);
    let mut quality = Quality::of(rarity);
    let span = content.tier(rarity).affixes;
    let wanted = rng.range(span.min().max(0), span.max().max(0));
    // Affixes come from the depth the item is found on, capped at the
    // deepest level, so a boss's drop still fits the dungeon.
    let affix_depth = depth.min(content.rules.dungeon_depth);
    for _ in 0..wanted {
        let weights = content
            .affix_ids()
            .map(|a| affix_weight(content, item, affix_depth, &quality, a));
        let Some(a) = rng
            .weighted(weights)
            .and_then(|i| content.affix_ids().nth(i))
        else {
            break;
        };
        quality.push(a);
    }
    quality
}

/// Rolls the quality of every item laid out on a new level, each from its
/// own stream.
pub fn roll_placed(content: &Content, seed: u64, depth: i32, items: &mut [ItemPlacement]) {
    let d = u64::from(depth.unsigned_abs());
    for (i, p) in items.iter_mut().enumerate() {
        let mut rng = Stream::new(seed, LOOT_PLACED, &[d, i as u64]);
        p.quality = roll_quality(content, p.item, depth, &mut rng);
    }
}

/// The quality of the `n`th drop of the monster with stable id `id`, dying
/// on `tick`.
pub fn roll_dropped(content: &Content, seed: u64, key: DropKey) -> Quality {
    let mut rng = Stream::new(seed, LOOT_DROPPED, &[key.tick, key.monster, key.n]);
    let depth = drop_depth(content, key.depth, key.rarity, key.boss);
    roll_quality(content, key.item, depth, &mut rng)
}

/// Which drop is being rolled, and what its dropper was.
#[derive(Clone, Copy, Debug)]
pub struct DropKey {
    pub item: ItemId,
    pub tick: u64,
    /// The dropper's stable id.
    pub monster: u64,
    /// Which of its drops this is.
    pub n: u64,
    pub depth: i32,
    pub rarity: Rarity,
    pub boss: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::load_defaults;

    fn share(odds: [u32; 5], i: usize) -> u64 {
        u64::from(odds[i]) * 1000 / odds.iter().map(|&w| u64::from(w)).sum::<u64>()
    }

    #[test]
    fn deeper_levels_hold_rarer_gear() {
        let content = load_defaults().expect("defaults");
        assert_eq!(rarity_odds(&content, 1), [800, 150, 40, 8, 2]);
        assert_eq!(rarity_odds(&content, 10), [395, 285, 148, 71, 29]);
        assert_eq!(rarity_odds(&content, 0), rarity_odds(&content, 1));
        assert_eq!(rarity_odds(&content, 40)[0], 0, "common dies out");
        for d in 1..30 {
            let (a, b) = (rarity_odds(&content, d), rarity_odds(&content, d + 1));
            assert!(share(b, 0) <= share(a, 0), "depth {d}");
            assert!(share(b, 4) >= share(a, 4), "depth {d}");
        }
    }

    #[test]
    fn rarer_monsters_and_bosses_drop_as_if_deeper() {
        let content = load_defaults().expect("defaults");
        assert_eq!(drop_depth(&content, 3, Rarity::Common, false), 3);
        assert_eq!(drop_depth(&content, 3, Rarity::Rare, false), 7);
        assert_eq!(drop_depth(&content, 3, Rarity::Legendary, true), 3 + 8 + 6);
        assert_eq!(drop_depth(&content, 98, Rarity::Legendary, true), 99);
    }

    #[test]
    fn tiers_set_the_number_of_fitting_affixes() {
        let content = load_defaults().expect("defaults");
        let fantasy = content.in_genre(content.genre_id("fantasy").expect("fantasy"));
        let bow = fantasy.item_id("short_bow").expect("bow");
        let potion = fantasy.item_id("potion_healing").expect("potion");
        let mut seen = [0u32; 5];
        for n in 0..2000u64 {
            let mut rng = Stream::new(n, LOOT_PLACED, &[10]);
            let q = roll_quality(&fantasy, bow, 10, &mut rng);
            seen[q.rarity as usize] += 1;
            let count = q.affix_ids().count() as i32;
            let span = fantasy.tier(q.rarity).affixes;
            assert!(count <= span.max(), "{q:?}");
            assert!(q.count_in(&fantasy, AffixPlace::Prefix) <= MAX_PREFIXES);
            let mut kinds: Vec<u8> = q
                .affix_ids()
                .map(|a| fantasy.affix(a).effect.kind())
                .collect();
            kinds.sort_unstable();
            kinds.dedup();
            assert_eq!(kinds.len() as i32, count, "no effect twice: {q:?}");
            for a in q.affix_ids() {
                let def = fantasy.affix(a);
                assert!(!def.on.contains(&AffixTarget::Armor) || def.on.len() > 1);
                assert!(def.genres.is_empty() || def.genres == ["fantasy"]);
            }
            let mut rng = Stream::new(n, LOOT_PLACED, &[10]);
            assert!(roll_quality(&fantasy, potion, 10, &mut rng).is_plain());
        }
        assert!(seen.iter().all(|&n| n > 0), "every tier turns up: {seen:?}");
        assert!(seen[0] > seen[4]);
    }

    #[test]
    fn drops_from_a_legendary_boss_are_rarer_and_rolls_repeat() {
        let content = load_defaults().expect("defaults");
        let fantasy = content.in_genre(content.genre_id("fantasy").expect("fantasy"));
        let sword = fantasy.item_id("short_sword").expect("sword");
        let key = |tick, rarity, boss| DropKey {
            item: sword,
            tick,
            monster: 5,
            n: 0,
            depth: 2,
            rarity,
            boss,
        };
        let total = |rarity, boss| -> u32 {
            (0..2000)
                .map(|t| roll_dropped(&fantasy, 7, key(t, rarity, boss)).rarity as u32)
                .sum()
        };
        assert!(total(Rarity::Legendary, true) > 2 * total(Rarity::Common, false));
        let k = key(3, Rarity::Rare, false);
        assert_eq!(roll_dropped(&fantasy, 7, k), roll_dropped(&fantasy, 7, k));
    }
}

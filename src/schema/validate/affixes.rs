//! Checks of affixes.ron: one tier per rarity in order, sane percents and
//! weights (some tier can be rolled at every depth), unique affix ids,
//! effect values in range, known genres.

use std::collections::BTreeMap;

use super::{Checker, Loc, index_ids};
use crate::schema::SchemaErrors;
use crate::schema::affixes::{AffixDef, AffixEffect, AffixesFile, MAX_AFFIXES, TierDef};
use crate::schema::common::Rarity;
use crate::schema::error::SchemaErrorKind as K;

/// What validation of affixes.ron yields for linking.
pub(super) struct LinkedAffixes {
    /// Per affix, the mask of genres it is rolled in (every bit: all).
    pub genre_masks: Vec<u64>,
}

/// Checks the whole file; `genres` maps genre ids to their index.
pub(super) fn check_affixes(
    file: &AffixesFile,
    loc: &Loc,
    genres: &BTreeMap<String, u16>,
    depth_max: i64,
    errors: &mut SchemaErrors,
) -> LinkedAffixes {
    check_tiers(
        file.tiers.get().map_or(&[], Vec::as_slice),
        loc,
        depth_max,
        errors,
    );
    let drops = file.drops.0.unwrap_or(super::NO_DROP_BONUS);
    for (field, v) in [
        ("per_monster_rarity", drops.per_monster_rarity),
        ("boss", drops.boss),
    ] {
        if !(0..=100).contains(&v) {
            let at = loc.field(loc.src.text.find("drops:").unwrap_or(0), field);
            errors.push(
                loc.error(
                    at,
                    field.len(),
                    K::OutOfRange,
                    format!("`{field}` of `drops` is {v}, outside 0..=100"),
                )
                .with_help("use a number of levels from 0 to 100"),
            );
        }
    }
    index_ids(
        file.affixes.iter().map(|a| a.id.as_str()),
        loc,
        "affix",
        errors,
    );
    let genre_masks = file
        .affixes
        .iter()
        .map(|a| check_affix(a, loc, genres, depth_max, errors))
        .collect();
    LinkedAffixes { genre_masks }
}

/// One tier per rarity, Common first; each tier's numbers in range; and at
/// every depth some tier with a weight above zero.
fn check_tiers(tiers: &[TierDef], loc: &Loc, depth_max: i64, errors: &mut SchemaErrors) {
    let order: Vec<Rarity> = tiers.iter().map(|t| t.rarity).collect();
    if order != Rarity::ALL {
        let at = loc.src.text.find("tiers:").unwrap_or(0);
        errors.push(
            loc.error(
                at,
                6,
                K::MissingContent,
                format!("`tiers` lists {order:?}; it needs exactly one tier per rarity, in order"),
            )
            .with_help("write five tiers: Common, Uncommon, Rare, Epic, Legendary"),
        );
    }
    for t in tiers {
        let at = loc
            .src
            .text
            .find(&format!("rarity: {:?}", t.rarity))
            .unwrap_or(0);
        let mut bad = |field: &str, v: i64, lo: i64, hi: i64| {
            if !(lo..=hi).contains(&v) {
                errors.push(
                    loc.error(
                        loc.field(at, field),
                        field.len(),
                        K::OutOfRange,
                        format!(
                            "`{field}` of the {} tier is {v}, outside {lo}..={hi}",
                            t.rarity.name()
                        ),
                    )
                    .with_help(format!("use a value from {lo} to {hi}")),
                );
            }
        };
        bad("stat_percent", t.stat_percent.into(), 1, 1000);
        bad("affixes", t.affixes.min().into(), 0, MAX_AFFIXES as i64);
        bad("affixes", t.affixes.max().into(), 0, MAX_AFFIXES as i64);
        bad("value_percent", t.value_percent.into(), 1, 100_000);
        bad("base_weight", t.base_weight.into(), 0, 100_000);
        bad(
            "weight_per_depth",
            t.weight_per_depth.into(),
            -100_000,
            100_000,
        );
    }
    for d in 1..=depth_max as i32 {
        if !tiers
            .iter()
            .any(|t| crate::procgen::loot::tier_weight(t, d) > 0)
        {
            let at = loc.src.text.find("tiers:").unwrap_or(0);
            errors.push(
                loc.error(
                    at,
                    6,
                    K::MissingContent,
                    format!("no rarity tier has a weight above zero at depth {d}"),
                )
                .with_help("raise a tier's base_weight or weight_per_depth"),
            );
        }
    }
}

/// One affix: its word, targets, value, depth and genres; returns its genre
/// mask.
fn check_affix(
    a: &AffixDef,
    loc: &Loc,
    genres: &BTreeMap<String, u16>,
    depth_max: i64,
    errors: &mut SchemaErrors,
) -> u64 {
    let mut c = Checker {
        loc,
        id: &a.id,
        errors,
    };
    c.range("word", a.word.chars().count() as i64, 1, 30);
    c.range("on", a.on.len() as i64, 1, 3);
    c.span("depth", a.depth, 1, depth_max);
    match a.effect {
        AffixEffect::Damage(v) | AffixEffect::Quickness(v) => c.range("effect", v, -90, 500),
        AffixEffect::Attack(v) | AffixEffect::Defense(v) => c.range("effect", v, -100, 1000),
        AffixEffect::Accuracy(v) | AffixEffect::Crit(v) | AffixEffect::Evasion(v) => {
            c.range("effect", v, -100, 100)
        }
        AffixEffect::Resist(_, v) => c.range("effect", v, -100, 100),
        AffixEffect::MaxHealth(v) => c.range("effect", v, -1000, 100_000),
        AffixEffect::Speed(v) => c.range("effect", v, -200, 2000),
        AffixEffect::LifeOnHit(v) => c.range("effect", v, 0, 1000),
        AffixEffect::OnHit(s) => c.status("effect", &Some(s)),
    }
    if a.genres.is_empty() {
        return u64::MAX;
    }
    super::genres::genre_mask(&a.id, &a.genres, genres, loc, errors)
}

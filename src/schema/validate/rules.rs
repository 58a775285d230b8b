//! Checks of game.ron (the rules' ranges) and levels.ron (every depth
//! covered by one band, sizes and counts in range).

use super::Loc;
use crate::schema::SchemaErrors;
use crate::schema::error::SchemaErrorKind as K;
use crate::schema::game::{GameRules, MAX_INVENTORY_SIZE};
use crate::schema::levels::LevelBand;

pub(super) fn check_rules(r: &GameRules, loc: &Loc, errors: &mut SchemaErrors) {
    let top = |field: &str, v: i64, lo: i64, hi: i64, errors: &mut SchemaErrors| {
        if !(lo..=hi).contains(&v) {
            let at = loc.field(0, field);
            errors.push(loc.error(
                at,
                field.len(),
                K::OutOfRange,
                format!("`{field}` is {v}, outside {lo}..={hi}"),
            ));
        }
    };
    top("dungeon_depth", r.dungeon_depth.into(), 1, 99, errors);
    top(
        "depth_scaling_percent",
        r.depth_scaling_percent.into(),
        0,
        100,
        errors,
    );
    top(
        "regen_interval",
        r.regen_interval.into(),
        0,
        100_000,
        errors,
    );
    top("hunt_memory", r.hunt_memory.into(), 0, 100_000, errors);
    top("chase_radius", r.chase_radius.into(), 1, 200, errors);
    let x = &r.extras;
    top(
        "merchant_percent",
        x.merchant_percent.into(),
        0,
        100,
        errors,
    );
    top("merchant_stock", x.merchant_stock.into(), 1, 24, errors);
    top("station_percent", x.station_percent.into(), 0, 100, errors);
    let p = &r.player;
    top("hp", p.hp.into(), 1, 1_000_000, errors);
    top("attack", p.attack.into(), 0, 10_000, errors);
    top("defense", p.defense.into(), 0, 10_000, errors);
    top("evasion", p.evasion.into(), 0, 95, errors);
    top("crit_chance", p.crit_chance.into(), 0, 100, errors);
    top("speed", p.speed.into(), 1, 10_000, errors);
    top("attack_delay", p.attack_delay.into(), 1, 1000, errors);
    top("sight", p.sight.into(), 1, 30, errors);
    top(
        "inventory_size",
        p.inventory_size.into(),
        1,
        MAX_INVENTORY_SIZE.into(),
        errors,
    );
    let l = &r.levelling;
    top("first", l.first.into(), 1, 1_000_000, errors);
    top("growth_percent", l.growth_percent.into(), 100, 1000, errors);
    top("max_level", l.max_level.into(), 1, 99, errors);
}

pub(super) fn check_levels(
    bands: &[LevelBand],
    loc: &Loc,
    depth_max: i64,
    errors: &mut SchemaErrors,
) {
    for (i, b) in bands.iter().enumerate() {
        let at = loc
            .src
            .text
            .match_indices("depth:")
            .nth(i)
            .map_or(0, |(o, _)| o);
        let mut bad = |field: &str, msg: String| {
            let off = loc.field(at, field);
            errors.push(loc.error(off, field.len(), K::OutOfRange, msg));
        };
        if !(20..=512).contains(&b.width) || !(20..=512).contains(&b.height) {
            bad(
                "width",
                format!(
                    "a level of {}x{} tiles is outside 20..=512 on a side",
                    b.width, b.height
                ),
            );
        }
        for (f, s) in [
            ("monsters", b.monsters),
            ("items", b.items),
            ("treasure", b.treasure),
        ] {
            if s.min() < 0 || s.max() > 5000 {
                bad(f, format!("`{f}` ({}, {}) is outside 0..=5000", s.0, s.1));
            }
        }
    }
    let list = crate::schema::sources::find_field(&loc.src.text, "bands").unwrap_or(0);
    for d in 1..=depth_max {
        if !bands.iter().any(|b| b.depth.contains(d as i32)) {
            errors.push(
                loc.error(
                    list,
                    5,
                    K::MissingContent,
                    format!("no band in levels.ron covers depth {d}"),
                )
                .with_help(format!(
                    "every depth from 1 to {depth_max} (game.ron's dungeon_depth) needs a band"
                )),
            );
        }
    }
}

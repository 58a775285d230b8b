//! Checks of spells.ron and of the `spells` lists in monsters.ron: ranges,
//! a type that fits its targeting, the element's own status on hostile
//! spells, a known monster for every summon, a starting spell for every
//! genre; then links it all into a [`SpellCatalog`].

use std::collections::BTreeMap;

use super::{Checker, Loc, genres, index_ids};
use crate::schema::error::SchemaErrorKind as K;
use crate::schema::monsters::MonsterDef;
use crate::schema::spells::{
    ManaRules, SpellCatalog, SpellDef, SpellKind, SpellsFile, SummonDef, Targeting,
};
use crate::schema::{MonsterId, SchemaErrors, SpellId};
use crate::sim::projectile::{MAX_BLAST_RADIUS, MAX_RANGE};

/// The most creatures one summon may call up.
pub const MAX_SUMMONS: i64 = 8;

/// What the spell checks need from the other files.
pub(super) struct SpellContext<'a> {
    pub monsters: &'a [MonsterDef],
    pub monster_ids: &'a BTreeMap<String, u16>,
    pub monster_loc: &'a Loc<'a>,
    pub genre_index: &'a BTreeMap<String, u16>,
    pub genre_ids: Vec<&'a str>,
    pub max_level: i32,
}

/// Checks every spell and links the catalog.
pub(super) fn check_spells(
    file: SpellsFile,
    loc: &Loc,
    cx: &SpellContext,
    errors: &mut SchemaErrors,
) -> SpellCatalog {
    let ids = index_ids(
        file.spells.iter().map(|s| s.id.as_str()),
        loc,
        "spell",
        errors,
    );
    // Loading refuses a default spells.ron without `mana`.
    let mana = file.mana.0.unwrap_or(ManaRules {
        base: 0,
        per_level: 0,
        regen_centi: 0,
        monster: 0,
    });
    check_mana(&mana, loc, errors);
    let mut genre_spells: Vec<Vec<(i32, SpellId)>> = vec![Vec::new(); cx.genre_ids.len()];
    let mut summons = Vec::with_capacity(file.spells.len());
    for (i, s) in file.spells.iter().enumerate() {
        let mut c = Checker {
            loc,
            id: &s.id,
            errors,
        };
        check_numbers(&mut c, s, cx.max_level);
        check_shape(&mut c, s);
        summons.push(check_summon(&mut c, s, cx));
        if s.genres.is_empty() {
            if s.learn_level.is_some() {
                let at = loc.field(loc.entry(&s.id, 0), "learn_level");
                c.errors.push(
                    loc.error(
                        at,
                        11,
                        K::MissingContent,
                        format!("`{}` has a learn_level but belongs to no genre", s.id),
                    )
                    .with_help("list the genres whose heroes learn it, or drop learn_level"),
                );
            }
            continue;
        }
        let mask = genres::genre_mask(&s.id, &s.genres, cx.genre_index, loc, c.errors);
        let (Some(level), Ok(i)) = (s.learn_level, u16::try_from(i)) else {
            continue;
        };
        for (g, list) in genre_spells.iter_mut().enumerate() {
            if mask & (1 << g) != 0 {
                list.push((level, SpellId::new(i)));
            }
        }
    }
    for (g, list) in genre_spells.iter_mut().enumerate() {
        list.sort_by_key(|&(level, id)| (level, id));
        if !list.iter().any(|&(level, _)| level == 1) {
            let name = cx.genre_ids.get(g).copied().unwrap_or("?");
            errors.push(
                loc.error(
                    0,
                    1,
                    K::MissingContent,
                    format!("no spell of the genre `{name}` is known from the start"),
                )
                .with_help(format!(
                    "give a spell with genres: [\"{name}\"] the field learn_level: Some(1)"
                )),
            );
        }
    }
    let monster_spells = cx
        .monsters
        .iter()
        .map(|m| link_monster_spells(m, &ids, cx.monster_loc, errors))
        .collect();
    SpellCatalog {
        mana,
        spells: file.spells,
        index: ids.into_iter().map(|(k, v)| (k, SpellId::new(v))).collect(),
        monster_spells,
        genre_spells: genre_spells
            .into_iter()
            .map(|l| l.into_iter().map(|(_, id)| id).collect())
            .collect(),
        summons,
    }
}

fn check_mana(m: &ManaRules, loc: &Loc, errors: &mut SchemaErrors) {
    for (field, v, hi) in [
        ("base", m.base, 100_000),
        ("per_level", m.per_level, 10_000),
        ("regen_centi", m.regen_centi, 100_000),
        ("monster", m.monster, 100_000),
    ] {
        if !(0..=hi).contains(&v) {
            let at = loc.field(0, field);
            errors.push(loc.error(
                at,
                field.len(),
                K::OutOfRange,
                format!("mana `{field}` is {v}, outside 0..={hi}"),
            ));
        }
    }
}

fn check_numbers(c: &mut Checker, s: &SpellDef, max_level: i32) {
    c.range("mana", s.mana, 0, 10_000);
    c.range("cooldown", s.cooldown, 0, 100_000);
    let min_range = i64::from(s.target.aims() || s.target == Targeting::Enemies);
    c.range("range", s.range, min_range, i64::from(MAX_RANGE));
    c.span("power", s.power, 0, 10_000);
    c.range("radius", s.radius, 1, i64::from(MAX_BLAST_RADIUS));
    c.status("status", &s.status);
    if let Some(level) = s.learn_level {
        c.range("learn_level", level, 1, i64::from(max_level.max(1)));
    }
    if s.name.trim().is_empty() {
        c.problem(
            "name",
            K::MissingContent,
            "has an empty name".into(),
            "name it",
        );
    }
    if matches!(s.kind, SpellKind::Offensive | SpellKind::Healing) && s.power.max() < 1 {
        c.problem(
            "power",
            K::OutOfRange,
            format!("is a {} spell with no power", s.kind.name()),
            "give it power: (min, max) of at least 1",
        );
    }
}

/// The type must fit the targeting, and the status the type and element.
fn check_shape(c: &mut Checker, s: &SpellDef) {
    let fits = match s.kind {
        SpellKind::Offensive | SpellKind::Debuff => {
            s.target.aims() || s.target == Targeting::Enemies
        }
        SpellKind::Healing | SpellKind::Defensive | SpellKind::Buff => {
            matches!(s.target, Targeting::Caster | Targeting::Allies)
        }
        SpellKind::Summon | SpellKind::Utility => s.target == Targeting::Caster,
    };
    if !fits {
        c.problem(
            "target",
            K::OutOfRange,
            format!(
                "is a {} spell with `{}` targeting",
                s.kind.name(),
                s.target.name()
            ),
            "offensive and debuff spells aim at foes (Single, Area, Cone, Line, Enemies); \
             healing, defensive and buff spells at Self or Allies; summon and utility at Self",
        );
    }
    let status = s.status.map(|st| st.kind);
    match s.kind {
        SpellKind::Offensive | SpellKind::Debuff => match (s.element.status(), status) {
            (Some(own), Some(k)) if k != own => c.problem(
                "status",
                K::OutOfRange,
                format!(
                    "is {} {} spell inflicting `{}`; {} spells inflict `{}`",
                    article(s.element.name()),
                    s.element.name(),
                    k.name(),
                    s.element.name(),
                    own.name()
                ),
                format!("use kind: {own:?}"),
            ),
            (Some(own), None) => c.problem(
                "element",
                K::MissingField,
                format!(
                    "is {} {} spell with no status; {} spells inflict `{}`",
                    article(s.element.name()),
                    s.element.name(),
                    s.element.name(),
                    own.name()
                ),
                format!("add status: Some((kind: {own:?}, magnitude: 1, duration: 40))"),
            ),
            (None, None) if s.kind == SpellKind::Debuff && s.element.knockback() == 0 => c.problem(
                "status",
                K::MissingField,
                "is a debuff that does nothing".into(),
                "give it a status, or the Wind element (which knocks back)",
            ),
            (None, Some(k)) if k.beneficial() => c.problem(
                "status",
                K::OutOfRange,
                format!("inflicts the helpful status `{}` on foes", k.name()),
                "inflict a harmful status (burning, poisoned, weakened...)",
            ),
            _ => {}
        },
        SpellKind::Defensive | SpellKind::Buff => match status {
            Some(k) if k.beneficial() => {}
            _ => c.problem(
                "status",
                K::MissingField,
                format!("is a {} spell without a helpful status", s.kind.name()),
                "add status: Some((kind: Shielded, magnitude: 3, duration: 200)) \
                 (or Hasted, Empowered, Regenerating)",
            ),
        },
        _ => {}
    }
}

/// "a" or "an", for messages that name an element.
fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// The monster a summon calls up; only summon spells may name one.
fn check_summon(c: &mut Checker, s: &SpellDef, cx: &SpellContext) -> Option<MonsterId> {
    let Some(SummonDef {
        monster,
        count,
        duration,
    }) = &s.summon
    else {
        if s.kind == SpellKind::Summon {
            c.problem(
                "kind",
                K::MissingField,
                "is a summon spell that summons nothing".into(),
                "add summon: Some((monster: \"id\", count: (1, 1), duration: 400))",
            );
        }
        return None;
    };
    if s.kind != SpellKind::Summon {
        c.problem(
            "summon",
            K::OutOfRange,
            format!("is a {} spell with a summon", s.kind.name()),
            "only kind: Summon spells summon",
        );
    }
    c.span("count", *count, 1, MAX_SUMMONS);
    c.range("duration", *duration, 1, 100_000);
    match cx.monster_ids.get(monster) {
        Some(&i) => Some(MonsterId(i)),
        None => {
            c.problem(
                "summon",
                K::UnknownReference,
                format!("summons `{monster}`, which no monster is"),
                super::ref_help(
                    monster,
                    cx.monster_ids.keys().map(String::as_str),
                    "monsters.ron",
                ),
            );
            None
        }
    }
}

/// A monster's `spells` list as ids, each unknown one an error in monsters.ron.
fn link_monster_spells(
    m: &MonsterDef,
    ids: &BTreeMap<String, u16>,
    loc: &Loc,
    errors: &mut SchemaErrors,
) -> Vec<SpellId> {
    let mut out = Vec::with_capacity(m.spells.len());
    for key in &m.spells {
        match ids.get(key) {
            Some(&i) => out.push(SpellId::new(i)),
            None => {
                let quoted = format!("\"{key}\"");
                let at = loc.within_field(loc.entry(&m.id, 0), "spells", &quoted);
                errors.push(
                    loc.error(
                        at,
                        quoted.len(),
                        K::UnknownReference,
                        format!("`{}` casts `{key}`, which spells.ron does not define", m.id),
                    )
                    .with_help(super::ref_help(
                        key,
                        ids.keys().map(String::as_str),
                        "spells.ron",
                    )),
                );
            }
        }
    }
    out
}

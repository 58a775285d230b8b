//! Checks of skills.ron: ranges, known genres, archetypes and items, and
//! that every genre offers classes and archetypes with first-tier skills.

use std::collections::BTreeMap;

use super::genres::{MAX_GENRES, genre_mask};
use super::{Checker, Loc, index_ids, resolve_refs};
use crate::schema::error::SchemaErrorKind as K;
use crate::schema::genres::GenreDef;
use crate::schema::skills::{ClassTemplate, SkillEffect, SkillsFile};
use crate::schema::{ItemId, SchemaErrors, SpellId};

/// The linked file: archetypes and classes with their genre masks.
pub(super) struct LinkedSkills {
    pub file: SkillsFile,
    pub archetype_genres: Vec<u64>,
    pub classes: Vec<ClassTemplate>,
    pub class_genres: Vec<u64>,
}

pub(super) fn check_skills(
    file: SkillsFile,
    genres: &[GenreDef],
    genre_index: &BTreeMap<String, u16>,
    item_ids: &BTreeMap<String, u16>,
    spell_ids: &BTreeMap<String, SpellId>,
    loc: &Loc,
    errors: &mut SchemaErrors,
) -> LinkedSkills {
    if let Some(e) = loc.range(
        "points_per_level",
        "points_per_level",
        // Loading refuses a default skills.ron without it.
        file.points_per_level.get().copied().unwrap_or(0).into(),
        0,
        10,
    ) {
        errors.push(e);
    }
    let arch_ids = index_ids(
        file.archetypes.iter().map(|a| a.id.as_str()),
        loc,
        "archetype",
        errors,
    );
    index_ids(
        file.classes.iter().map(|c| c.id.as_str()),
        loc,
        "class",
        errors,
    );
    let mut archetype_genres = Vec::with_capacity(file.archetypes.len());
    for a in &file.archetypes {
        archetype_genres.push(genre_mask(&a.id, &a.genres, genre_index, loc, errors));
        let mut c = Checker {
            loc,
            id: &a.id,
            errors,
        };
        for s in &a.skills {
            c.range("tier", s.tier, 1, 4);
            let (field, value, hi) = match s.effect {
                SkillEffect::MaxHp(n) => ("MaxHp", n, 1000),
                SkillEffect::Attack(n) => ("Attack", n, 100),
                SkillEffect::Defense(n) => ("Defense", n, 100),
                SkillEffect::Evasion(n) => ("Evasion", n, 50),
                SkillEffect::Accuracy(n) => ("Accuracy", n, 100),
                SkillEffect::Crit(n) => ("Crit", n, 50),
                SkillEffect::Speed(n) => ("Speed", n, 500),
                SkillEffect::Resist(_, n) => ("Resist", n, 100),
                SkillEffect::LifeOnHit(n) => ("LifeOnHit", n, 50),
                SkillEffect::ManaRegen(n) => ("ManaRegen", n, 500),
                SkillEffect::OnHit(spec) => {
                    c.status("OnHit", &Some(spec));
                    ("OnHit", spec.chance.try_into().unwrap_or(i32::MAX), 100)
                }
                SkillEffect::Spell(ref id) => {
                    if !spell_ids.contains_key(id) {
                        c.problem(
                            "Spell",
                            K::UnknownReference,
                            format!("teaches `{id}`, which no spell has as its id"),
                            super::ref_help(id, spell_ids.keys().map(String::as_str), "spells.ron"),
                        );
                    }
                    continue;
                }
            };
            c.range(field, value, 1, hi);
        }
        if !a.skills.iter().any(|s| s.tier == 1) {
            let at = loc.entry(&a.id, 0);
            errors.push(
                loc.error(
                    at,
                    a.id.len() + 2,
                    K::MissingContent,
                    format!("the archetype `{}` has no tier 1 skill", a.id),
                )
                .with_help("a tree starts from tier 1: add a skill with `tier: 1`"),
            );
        }
    }
    let mut classes = Vec::with_capacity(file.classes.len());
    let mut class_genres = Vec::with_capacity(file.classes.len());
    for def in &file.classes {
        let mask = genre_mask(&def.id, &def.genres, genre_index, loc, errors);
        let mut c = Checker {
            loc,
            id: &def.id,
            errors,
        };
        let b = def.bonus;
        c.range("hp", b.hp, -40, 200);
        for (f, v) in [
            ("attack", b.attack),
            ("defense", b.defense),
            ("evasion", b.evasion),
            ("accuracy", b.accuracy),
            ("crit", b.crit),
        ] {
            c.range(f, v, -20, 50);
        }
        c.range("speed", b.speed, -100, 250);
        let archetype = match arch_ids.get(def.archetype.as_str()) {
            Some(&i) => usize::from(i),
            None => {
                let at = loc.field(loc.entry(&def.id, 0), "archetype");
                errors.push(
                    loc.error(
                        at,
                        9,
                        K::UnknownReference,
                        format!(
                            "the class `{}` names the archetype `{}`, which is not defined",
                            def.id, def.archetype
                        ),
                    )
                    .with_help(super::ref_help(
                        &def.archetype,
                        arch_ids.keys().map(String::as_str),
                        "the `archetypes` of skills.ron",
                    )),
                );
                0
            }
        };
        let start_items: Vec<ItemId> = resolve_refs(def.start_items.iter(), item_ids, loc, errors);
        class_genres.push(mask);
        classes.push(ClassTemplate {
            def: def.clone(),
            archetype,
            start_items,
        });
    }
    for (gi, g) in genres.iter().enumerate().take(MAX_GENRES) {
        let bit = 1u64 << gi;
        let missing = |what: &str| format!("the genre `{}` offers no {what}", g.id);
        let at = 0;
        if !archetype_genres.iter().any(|m| m & bit != 0) {
            errors.push(
                loc.error(at, 1, K::MissingContent, missing("skill archetype"))
                    .with_help("tag an archetype with this genre"),
            );
        }
        if !class_genres.iter().any(|m| m & bit != 0) {
            errors.push(
                loc.error(at, 1, K::MissingContent, missing("class"))
                    .with_help("tag a class with this genre"),
            );
        }
    }
    LinkedSkills {
        file,
        archetype_genres,
        classes,
        class_genres,
    }
}

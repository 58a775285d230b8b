//! Checks of quests.ron: ranges, known items and people, and that every
//! genre sets quests at every depth with targets of its own.

use std::collections::BTreeMap;

use super::genres::{MAX_GENRES, genre_mask};
use super::{Checker, Loc, index_ids};
use crate::schema::error::SchemaErrorKind as K;
use crate::schema::genres::GenreDef;
use crate::schema::monsters::{MonsterDef, MonsterKind};
use crate::schema::quests::{Goal, GoalDef, QuestDef, QuestTemplate};
use crate::schema::{ItemId, MonsterId, SchemaErrors, Span};

/// What the other files offer quests: ids, and each entry's genre mask.
pub(super) struct Targets<'a> {
    pub genre_index: &'a BTreeMap<String, u16>,
    pub genres: &'a [GenreDef],
    pub item_ids: &'a BTreeMap<String, u16>,
    pub item_masks: &'a [u64],
    pub monsters: &'a [MonsterDef],
    pub monster_masks: &'a [u64],
    pub depth_max: i64,
}

/// Validates and links the templates; also returns each one's genre mask.
pub(super) fn check_quests(
    per_level: Span,
    defs: Vec<QuestDef>,
    t: &Targets,
    loc: &Loc,
    errors: &mut SchemaErrors,
) -> (Vec<QuestTemplate>, Vec<u64>) {
    index_ids(defs.iter().map(|q| q.id.as_str()), loc, "quest", errors);
    if let Some(e) = loc.range("per_level", "per_level", per_level.min().into(), 0, 6) {
        errors.push(e);
    }
    if let Some(e) = loc.range("per_level", "per_level", per_level.max().into(), 0, 6) {
        errors.push(e);
    }
    let monster_ids: BTreeMap<&str, u16> = t
        .monsters
        .iter()
        .enumerate()
        .filter_map(|(i, m)| Some((m.id.as_str(), u16::try_from(i).ok()?)))
        .collect();
    let mut masks = Vec::with_capacity(defs.len());
    let mut out = Vec::with_capacity(defs.len());
    for def in defs {
        let mask = genre_mask(&def.id, &def.genres, t.genre_index, loc, errors);
        let mut c = Checker {
            loc,
            id: &def.id,
            errors,
        };
        c.span("depth", def.depth, 1, t.depth_max);
        c.range("xp", def.reward.xp, 0, 1_000_000);
        c.span("gold", def.reward.gold, 0, 1_000_000);
        c.range("skill_points", def.reward.skill_points, 0, 10);
        let goal = match &def.goal {
            GoalDef::Kill { count } => {
                c.span("count", *count, 1, 50);
                Goal::Kill { count: *count }
            }
            GoalDef::Collect { items, count } => {
                c.span("count", *count, 1, 20);
                let ids = items_of(&mut c, "items", items, t, mask);
                Goal::Collect {
                    items: ids,
                    count: *count,
                }
            }
            GoalDef::Explore { percent } => {
                c.range("percent", *percent, 10, 100);
                Goal::Explore { percent: *percent }
            }
            GoalDef::Boss => Goal::Boss,
            GoalDef::Talk { npcs } => Goal::Talk {
                npcs: npcs_of(&mut c, npcs, &monster_ids, t, mask),
            },
            GoalDef::Escort { npcs } => Goal::Escort {
                npcs: npcs_of(&mut c, npcs, &monster_ids, t, mask),
            },
        };
        let reward_items = items_of(&mut c, "items", &def.reward.items, t, 0);
        masks.push(mask);
        out.push(QuestTemplate {
            def,
            goal,
            reward_items,
        });
    }
    check_coverage(&out, &masks, t, loc, errors);
    (out, masks)
}

/// Links item ids; when `mask` is not 0, every genre in it must find one of
/// its own among them.
fn items_of(c: &mut Checker, field: &str, keys: &[String], t: &Targets, mask: u64) -> Vec<ItemId> {
    let mut ids = Vec::with_capacity(keys.len());
    let mut covered = 0u64;
    for key in keys {
        match t.item_ids.get(key.as_str()) {
            Some(&i) => {
                covered |= t.item_masks.get(usize::from(i)).copied().unwrap_or(0);
                ids.push(ItemId(i));
            }
            None => c.unknown_ref(
                field,
                key,
                "no item has the id",
                "items.ron",
                t.item_ids.keys().map(String::as_str),
            ),
        }
    }
    uncovered(c, field, mask & !covered, t, "item");
    ids
}

/// Links the people a quest is about: they must be `Npc`s, and every genre
/// of the quest must find one of its own.
fn npcs_of(
    c: &mut Checker,
    keys: &[String],
    ids: &BTreeMap<&str, u16>,
    t: &Targets,
    mask: u64,
) -> Vec<MonsterId> {
    let mut out = Vec::with_capacity(keys.len());
    let mut covered = 0u64;
    for key in keys {
        let Some(&i) = ids.get(key.as_str()) else {
            c.unknown_ref(
                "npcs",
                key,
                "no monster has the id",
                "monsters.ron",
                ids.keys().copied(),
            );
            continue;
        };
        if t.monsters
            .get(usize::from(i))
            .is_some_and(|m| m.kind != MonsterKind::Npc)
        {
            let at = c.loc.field(c.loc.entry(c.id, 0), "npcs");
            c.errors.push(
                c.loc
                    .error(
                        at,
                        4,
                        K::OutOfRange,
                        format!("`{}` asks for `{key}`, which is not an Npc", c.id),
                    )
                    .with_help("name a monster with `kind: Npc`; others would fight the hero"),
            );
            continue;
        }
        covered |= t.monster_masks.get(usize::from(i)).copied().unwrap_or(0);
        out.push(MonsterId(i));
    }
    uncovered(c, "npcs", mask & !covered, t, "person");
    out
}

/// Reports the genres in `missing` that a quest's list leaves without a
/// target of their own.
fn uncovered(c: &mut Checker, field: &str, missing: u64, t: &Targets, what: &str) {
    for (gi, g) in t.genres.iter().enumerate().take(MAX_GENRES) {
        if missing & (1 << gi) == 0 {
            continue;
        }
        let at = c.loc.field(c.loc.entry(c.id, 0), field);
        c.errors.push(
            c.loc
                .error(
                    at,
                    field.len(),
                    K::MissingContent,
                    format!(
                        "`{}` is set in `{}` but lists no {what} of that genre",
                        c.id, g.id
                    ),
                )
                .with_help(format!(
                    "add the id of one tagged with the genre `{}`",
                    g.id
                )),
        );
    }
}

/// Every genre sets at least one quest at every depth.
fn check_coverage(
    quests: &[QuestTemplate],
    masks: &[u64],
    t: &Targets,
    loc: &Loc,
    errors: &mut SchemaErrors,
) {
    let last = i32::try_from(t.depth_max).unwrap_or(1);
    for (gi, g) in t.genres.iter().enumerate().take(MAX_GENRES) {
        let bit = 1u64 << gi;
        let missing: Vec<i32> = (1..=last)
            .filter(|&d| {
                !quests
                    .iter()
                    .zip(masks)
                    .any(|(q, m)| m & bit != 0 && q.def.weight > 0 && q.def.depth.contains(d))
            })
            .collect();
        if let Some(&d) = missing.first() {
            errors.push(
                loc.error(
                    0,
                    1,
                    K::MissingContent,
                    format!("the genre `{}` sets no quest at depth {d}", g.id),
                )
                .with_help("tag a quest whose depth range includes it with this genre"),
            );
        }
    }
}

//! Checks of genres.ron and of what every genre needs from the other files:
//! known genre ids in `genres` lists, terrain for every depth (and sane
//! generator parameters), an ordinary monster for every depth, a final
//! boss, a currency and a starting kit.

use std::collections::BTreeMap;

use super::{Checker, Loc, index_ids, resolve_refs};
use crate::schema::ItemId;
use crate::schema::SchemaErrors;
use crate::schema::error::SchemaErrorKind as K;
use crate::schema::genres::GenreDef;
use crate::schema::items::{ArmorSlot, ItemDef, ItemKind};
use crate::schema::levels::Generator;
use crate::schema::monsters::{MonsterDef, MonsterKind};

/// The most genres a set of schemas may define (genre masks are 64 bits).
pub const MAX_GENRES: usize = 64;

/// What validation of the genres yields for linking.
pub(super) struct LinkedGenres {
    pub index: BTreeMap<String, u16>,
    pub start_items: Vec<Vec<ItemId>>,
}

/// Checks every genre on its own: ids, names, music, terrain bands, kit.
pub(super) fn check_genres(
    genres: &[GenreDef],
    loc: &Loc,
    item_ids: &BTreeMap<String, u16>,
    depth_max: i64,
    errors: &mut SchemaErrors,
) -> LinkedGenres {
    let index = index_ids(genres.iter().map(|g| g.id.as_str()), loc, "genre", errors);
    if genres.is_empty() || genres.len() > MAX_GENRES {
        errors.push(loc.error(
            0,
            1,
            K::OutOfRange,
            format!(
                "genres.ron has {} genres; it needs 1 to {MAX_GENRES}",
                genres.len()
            ),
        ));
    }
    let mut start_items = Vec::with_capacity(genres.len());
    for g in genres {
        let mut c = Checker {
            loc,
            id: &g.id,
            errors,
        };
        for (field, parts) in [("starts", &g.names.starts), ("ends", &g.names.ends)] {
            c.range(field, parts.len() as i64, 1, 10_000);
        }
        c.range("scale", g.music.scale.len() as i64, 1, 12);
        for &n in &g.music.scale {
            c.range("scale", n, 0, 11);
        }
        c.range("root", g.music.root, 24, 96);
        c.span("tempo", g.music.tempo, 20, 300);
        let entry = loc.entry(&g.id, 0);
        for (i, band) in g.terrain.iter().enumerate() {
            if band
                .generators
                .iter()
                .map(|x| u64::from(x.weight))
                .sum::<u64>()
                == 0
            {
                let at = nth_field(loc, entry, "generators", i);
                c.errors.push(loc.error(
                    at,
                    10,
                    K::OutOfRange,
                    format!(
                        "a terrain band of `{}` has no generator with a weight above zero",
                        g.id
                    ),
                ));
            }
        }
        check_generators(g, loc, c.errors);
        for d in 1..=depth_max {
            if !g.terrain.iter().any(|b| b.depth.contains(d as i32)) {
                let at = loc.field(entry, "terrain");
                c.errors.push(
                    loc.error(
                        at,
                        7,
                        K::MissingContent,
                        format!("no terrain band of `{}` covers depth {d}", g.id),
                    )
                    .with_help("add a band such as (depth: (1, 10), generators: [...])"),
                );
            }
        }
        start_items.push(resolve_refs(g.start_items.iter(), item_ids, loc, c.errors));
    }
    LinkedGenres { index, start_items }
}

/// A parameter's name, its value and the range it must fall in.
type Bounds = (&'static str, i64, i64, i64);

/// Range errors in the parameters of a genre's maze, forest, city, cavern
/// and composite generators, each pointing at the field in its own
/// `Maze(...)`, `Forest(...)`... (or at the generator, when the field was
/// left to its default). The ranges are those the generators clamp to, so a
/// value outside one would be changed.
fn check_generators(g: &GenreDef, loc: &Loc, errors: &mut SchemaErrors) {
    let entry = loc.entry(&g.id, 0);
    // How many generators of each kind came before (to find the nth one).
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for choice in g.terrain.iter().flat_map(|b| &b.generators) {
        let Some((kind, fields)) = generator_bounds(&choice.generator) else {
            continue;
        };
        let n = *seen.entry(kind).and_modify(|n| *n += 1).or_insert(0);
        let text = &loc.src.text;
        let from = entry.min(text.len());
        let at = text[from..]
            .match_indices(&format!("{kind}("))
            .nth(n)
            .map_or(entry, |(i, _)| from + i);
        // The generator's own parentheses end where their depth returns to 0.
        let mut depth = 0;
        let end = text[at..]
            .char_indices()
            .find(|&(_, ch)| {
                depth += match ch {
                    '(' => 1,
                    ')' => -1,
                    _ => 0,
                };
                ch == ')' && depth == 0
            })
            .map_or(text.len(), |(i, _)| at + i);
        for (field, value, lo, hi) in fields {
            if (lo..=hi).contains(&value) {
                continue;
            }
            let off = Some(loc.field(at, field))
                .filter(|&o| o < end)
                .unwrap_or(at);
            errors.push(
                loc.error(
                    off,
                    field.len(),
                    K::OutOfRange,
                    format!(
                        "`{field}` of a {kind} generator of `{}` is {value}, outside {lo}..={hi}",
                        g.id
                    ),
                )
                .with_help(format!("use a value from {lo} to {hi}")),
            );
        }
    }
}

/// A generator's name as written in RON and the bounds of its checked
/// parameters (`None` for generators whose every value is accepted).
fn generator_bounds(generator: &Generator) -> Option<(&'static str, Vec<Bounds>)> {
    let percent = |field, v: u32| (field, i64::from(v), 0, 100);
    // A maximum may not fall below its minimum (as clamped to `lo..=hi`).
    let max_of = |field, max: i32, min: i32, (lo, hi): (i32, i32), top| {
        (field, i64::from(max), i64::from(min.clamp(lo, hi)), top)
    };
    Some(match generator {
        Generator::Maze(p) => (
            "Maze",
            vec![
                ("corridor_width", p.corridor_width.into(), 1, 3),
                percent("branch_percent", p.branch_percent),
                percent("braid_percent", p.braid_percent),
                percent("room_percent", p.room_percent),
                ("min_room", p.min_room.into(), 1, 64),
                max_of("max_room", p.max_room, p.min_room, (1, 64), 64),
            ],
        ),
        Generator::Forest(p) => (
            "Forest",
            vec![
                ("tree_spacing", p.tree_spacing.into(), 1, 16),
                percent("tree_percent", p.tree_percent),
                ("clearings", p.clearings.into(), 4, 64),
                ("min_clearing", p.min_clearing.into(), 1, 32),
                max_of("max_clearing", p.max_clearing, p.min_clearing, (1, 32), 32),
                ("river_width", p.river_width.into(), 0, 16),
                ("shallow_width", p.shallow_width.into(), 0, 8),
                percent("meander_percent", p.meander_percent),
                ("bridges", p.bridges.into(), 1, 16),
            ],
        ),
        Generator::City(p) => (
            "City",
            vec![
                ("block_size", p.block_size.into(), 6, 64),
                ("street_width", p.street_width.into(), 1, 8),
                percent("building_percent", p.building_percent),
                percent("park_percent", p.park_percent),
                ("min_room", p.min_room.into(), 2, 32),
                max_of("max_room", p.max_room, p.min_room, (2, 32), 64),
                percent("secret_door_percent", p.secret_door_percent),
            ],
        ),
        Generator::Caverns(p) => (
            "Caverns",
            vec![
                ("scale", p.scale.into(), 2, 256),
                ("octaves", p.octaves.into(), 1, 6),
                ("open_percent", p.open_percent.into(), 5, 95),
                ("water_percent", p.water_percent.into(), 0, 90),
                ("min_region_size", p.min_region_size.into(), 1, 10_000),
                ("max_chambers", p.max_chambers.into(), 0, 64),
                ("min_chamber_side", p.min_chamber_side.into(), 1, 64),
            ],
        ),
        Generator::Composite(p) => (
            "Composite",
            vec![
                ("biomes", p.biomes.len() as i64, 1, 16),
                ("regions", p.regions.into(), 2, 16),
                ("border_jitter", p.border_jitter.into(), 0, 8),
            ],
        ),
        Generator::Bsp(_) | Generator::Caves(_) => return None,
    })
}

/// The offset of the `n`th `field:` after `entry` (for repeated fields).
fn nth_field(loc: &Loc, entry: usize, field: &str, n: usize) -> usize {
    let mut at = entry;
    for _ in 0..=n {
        let next = loc.field(at + 1, field);
        if next <= at {
            break;
        }
        at = next;
    }
    at
}

/// Turns an entry's `genres` list into a mask, reporting an empty list and
/// unknown genre ids.
pub(super) fn genre_mask(
    id: &str,
    list: &[String],
    index: &BTreeMap<String, u16>,
    loc: &Loc,
    errors: &mut SchemaErrors,
) -> u64 {
    let entry = loc.entry(id, 0);
    if list.is_empty() {
        let at = loc.field(entry, "genres");
        errors.push(
            loc.error(
                at,
                6,
                K::MissingContent,
                format!("`{id}` belongs to no genre"),
            )
            .with_help("list at least one genre id from genres.ron, e.g. genres: [\"fantasy\"]"),
        );
    }
    let mut mask = 0u64;
    for g in list {
        match index.get(g.as_str()) {
            Some(&i) if usize::from(i) < MAX_GENRES => mask |= 1 << i,
            _ => {
                let quoted = format!("\"{g}\"");
                let from = loc.field(entry, "genres");
                let at = loc.src.text[from..]
                    .find(&quoted)
                    .map_or(from, |i| from + i);
                errors.push(
                    loc.error(
                        at,
                        quoted.len(),
                        K::UnknownReference,
                        format!("`{id}` names the genre `{g}`, which genres.ron does not define"),
                    )
                    .with_help(super::ref_help(
                        g,
                        index.keys().map(String::as_str),
                        "genres.ron",
                    )),
                );
            }
        }
    }
    mask
}

/// A test on an item's kind.
type KindTest = dyn Fn(&ItemKind) -> bool;

/// The kinds of item a genre lacks of its own among `items`: something to
/// shoot, armour for every slot, food, a scroll (or its like) and something
/// to throw.
fn kit_gaps<'a>(items: impl Iterator<Item = &'a ItemDef> + Clone) -> Vec<String> {
    let has = |test: &KindTest| items.clone().any(|i| test(&i.kind));
    let mut gaps = Vec::new();
    let wanted: [(&str, &KindTest); 4] = [
        (
            "ranged weapon",
            &|k| matches!(k, ItemKind::Weapon(w) if w.ranged.is_some()),
        ),
        ("food", &|k| matches!(k, ItemKind::Food(_))),
        ("scroll (or its like)", &|k| {
            matches!(k, ItemKind::Scroll(_))
        }),
        ("thrown item", &|k| matches!(k, ItemKind::Thrown(_))),
    ];
    for (what, test) in wanted {
        if !has(test) {
            gaps.push(what.to_owned());
        }
    }
    for slot in ArmorSlot::ALL {
        if !has(&move |k| matches!(k, ItemKind::Armor(a) if a.slot == slot)) {
            gaps.push(format!("armour for the {} slot", slot.label()));
        }
    }
    gaps
}

/// The files other than genres.ron, as every genre's coverage needs them.
pub(super) struct Catalogue<'a> {
    pub monsters: &'a [MonsterDef],
    pub monster_masks: &'a [u64],
    pub items: &'a [ItemDef],
    pub item_masks: &'a [u64],
}

/// Every genre has an ordinary monster for every depth, a boss for the last
/// one, a currency, items to find at every depth, and its own ranged weapon,
/// armour for every slot, food, scroll and thrown item: none borrows
/// another genre's.
pub(super) fn check_coverage(
    genres: &[GenreDef],
    cat: &Catalogue,
    last: i32,
    loc: &Loc,
    errors: &mut SchemaErrors,
) {
    for (gi, g) in genres.iter().enumerate().take(MAX_GENRES) {
        let bit = 1u64 << gi;
        let at = loc.entry(&g.id, 0);
        let mut missing = |what: String, help: &str| {
            errors.push(
                loc.error(at, g.id.len() + 2, K::MissingContent, what)
                    .with_help(help.to_owned()),
            );
        };
        let monsters = || {
            cat.monsters
                .iter()
                .zip(cat.monster_masks)
                .filter(move |(_, m)| *m & bit != 0)
                .map(|(d, _)| d)
        };
        let items = || {
            cat.items
                .iter()
                .zip(cat.item_masks)
                .filter(move |(_, m)| *m & bit != 0)
                .map(|(d, _)| d)
        };
        for d in 1..=last {
            if !monsters().any(|m| m.kind == MonsterKind::Monster && m.depth.contains(d)) {
                missing(
                    format!("the genre `{}` has no ordinary monster for depth {d}", g.id),
                    "tag a monster whose depth range includes it with this genre",
                );
            }
            if !items().any(|i| i.weight > 0 && i.depth.contains(d)) {
                missing(
                    format!("the genre `{}` has no item to find at depth {d}", g.id),
                    "tag an item with weight above zero whose depth range includes it",
                );
            }
        }
        if !monsters().any(|m| m.kind == MonsterKind::Boss && m.depth.contains(last)) {
            missing(
                format!(
                    "the genre `{}` has no boss for depth {last}, the deepest level",
                    g.id
                ),
                "add a monster with `kind: Boss` in this genre whose depth range includes the last level",
            );
        }
        if !items().any(|i| matches!(i.kind, ItemKind::Gold(_))) {
            missing(
                format!("the genre `{}` has no currency", g.id),
                "add an item of kind Gold((min, max)) tagged with this genre",
            );
        }
        for what in kit_gaps(items()) {
            missing(
                format!("the genre `{}` has no {what} of its own", g.id),
                "add one tagged with this genre: a genre never borrows another's items",
            );
        }
    }
}

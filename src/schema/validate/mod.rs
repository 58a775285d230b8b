//! Checks that parsed schemas make sense together (ranges, unique ids,
//! references, coverage of every depth) and links ids into indices.
//!
//! RON gives no positions for values once parsed, so errors are located by
//! finding the entry's `id: "..."` and then the field name after it.

mod affixes;
mod genres;
mod quests;
mod recipes;
mod rules;
mod skills;
mod spells;

use std::collections::BTreeMap;

use super::affixes::AffixesFile;
use super::common::{Resistances, Span, StatusSpec};
use super::error::{SchemaError, SchemaErrorKind as K, SchemaErrors};
use super::game::GameRules;
use super::genres::{GenreDef, GenreId, GenreMix};
use super::items::{ItemDef, ItemKind, PotionEffect, ScrollEffect};
use super::levels::LevelBand;
use super::monsters::ProjectileDef;
use super::monsters::{MonsterDef, MonsterKind};
use super::quests::QuestsFile;
use super::recipes::RecipesFile;
use super::skills::SkillsFile;
use super::sources::{FileSet, find_entry, find_field};
use super::spells::SpellsFile;
use super::{Content, ItemId, MonsterId};

/// The parsed files, each with the source it came from.
pub(super) struct Files<'a> {
    pub game: (GameRules, &'a FileSet),
    pub monsters: (Vec<MonsterDef>, &'a FileSet),
    pub items: (Vec<ItemDef>, &'a FileSet),
    pub levels: (Vec<LevelBand>, &'a FileSet),
    pub genres: (Vec<GenreDef>, &'a FileSet),
    pub quests: (QuestsFile, &'a FileSet),
    pub skills: (SkillsFile, &'a FileSet),
    pub spells: (SpellsFile, &'a FileSet),
    pub affixes: (AffixesFile, &'a FileSet),
    pub recipes: (RecipesFile, &'a FileSet),
}

/// Finds where things are written in one file (and its mods' copies).
struct Loc<'a> {
    src: &'a FileSet,
}

impl Loc<'_> {
    /// The offset of the `n`th entry whose `id` is `id` (0 when absent);
    /// the copy of the file applied last is searched first.
    fn entry(&self, id: &str, n: usize) -> usize {
        find_entry(&self.src.text, "id", id, n).unwrap_or(0)
    }

    /// The offset of `field:` inside the entry starting at `entry` (the entry
    /// itself when the field was left to its default).
    fn field(&self, entry: usize, field: &str) -> usize {
        let text = &self.src.text;
        let entry = entry.min(text.len());
        let rest = &text[entry..self.src.segment_end(entry).max(entry)];
        // The entry ends where the next entry's id begins.
        let end = rest[1.min(rest.len())..]
            .find("id:")
            .map_or(rest.len(), |i| i + 1);
        find_field(&rest[..end], field).map_or(entry, |at| entry + at)
    }

    /// The offset of `needle` written in `field` of the entry at `entry`
    /// (the field itself when it is not found there).
    fn within_field(&self, entry: usize, field: &str, needle: &str) -> usize {
        let from = self.field(entry, field);
        self.src.text[from..]
            .find(needle)
            .map_or(from, |i| from + i)
    }

    fn error(&self, offset: usize, len: usize, kind: K, msg: String) -> SchemaError {
        self.src.error(offset, len, kind, msg)
    }

    /// An out-of-range error on `field` of the entry `id`.
    fn range(&self, id: &str, field: &str, value: i64, lo: i64, hi: i64) -> Option<SchemaError> {
        if (lo..=hi).contains(&value) {
            return None;
        }
        let at = self.field(self.entry(id, 0), field);
        Some(
            self.error(
                at,
                field.len(),
                K::OutOfRange,
                format!("`{field}` of `{id}` is {value}, outside {lo}..={hi}"),
            )
            .with_help(format!("use a value from {lo} to {hi}")),
        )
    }
}

/// Collects range errors for one entry.
struct Checker<'a, 'b> {
    loc: &'a Loc<'a>,
    id: &'a str,
    errors: &'b mut SchemaErrors,
}

impl Checker<'_, '_> {
    fn range(&mut self, field: &str, value: impl Into<i64>, lo: i64, hi: i64) {
        if let Some(e) = self.loc.range(self.id, field, value.into(), lo, hi) {
            self.errors.push(e);
        }
    }

    fn span(&mut self, field: &str, s: Span, lo: i64, hi: i64) {
        self.range(field, s.min(), lo, hi);
        self.range(field, s.max(), lo, hi);
    }

    fn resist(&mut self, r: &Resistances) {
        for v in r.0 {
            self.range("resist", v, -100, 100);
        }
    }

    fn status(&mut self, field: &str, s: &Option<StatusSpec>) {
        if let Some(s) = s {
            self.range(field, s.magnitude, 0, 1000);
            self.range(field, s.duration, 1, 100_000);
            self.range(field, s.chance, 0, 100);
        }
    }

    /// A shot: its range, and how its projectile flies and bursts (the
    /// limits the simulation holds every projectile to).
    fn shot(&mut self, range: i32, p: &ProjectileDef) {
        use crate::sim::projectile::{MAX_BLAST_RADIUS, MAX_RANGE};
        self.range("range", range, 1, i64::from(MAX_RANGE));
        self.range("speed", p.speed, 1, 400);
        self.range("radius", p.radius, 0, i64::from(MAX_BLAST_RADIUS));
        self.glyph(p.glyph);
    }

    /// An error on `field` of this entry: "`id` {what}".
    fn problem(&mut self, field: &str, kind: K, what: String, help: impl Into<String>) {
        let at = self.loc.field(self.loc.entry(self.id, 0), field);
        self.errors.push(
            self.loc
                .error(at, field.len(), kind, format!("`{}` {what}", self.id))
                .with_help(help),
        );
    }

    /// A reference to an id no entry of `file` has: at `key` inside
    /// `field`, with the nearest of the `known` ids as help.
    fn unknown_ref<'k>(
        &mut self,
        field: &str,
        key: &str,
        what: &str,
        file: &str,
        known: impl IntoIterator<Item = &'k str>,
    ) {
        let at = self
            .loc
            .within_field(self.loc.entry(self.id, 0), field, key);
        self.errors.push(
            self.loc
                .error(
                    at,
                    key.len().max(1),
                    K::UnknownReference,
                    format!("{what} `{key}` (in `{}`)", self.id),
                )
                .with_help(ref_help(key, known, file)),
        );
    }

    fn glyph(&mut self, glyph: char) {
        if !glyph.is_ascii_graphic() {
            let at = self.loc.field(self.loc.entry(self.id, 0), "glyph");
            self.errors.push(
                self.loc
                    .error(
                        at,
                        5,
                        K::OutOfRange,
                        format!(
                            "the glyph of `{}` is not a printable ASCII character",
                            self.id
                        ),
                    )
                    .with_help("use a single visible ASCII character such as 'g'"),
            );
        }
    }
}

/// "did you mean `goblin`?", or where the ids to use are.
fn ref_help<'k>(key: &str, known: impl IntoIterator<Item = &'k str>, file: &str) -> String {
    super::suggest::did_you_mean(key, known)
        .unwrap_or_else(|| format!("use the id of an entry in {file}"))
}

/// Stands in for a missing `drops` section (which loading refuses).
const NO_DROP_BONUS: super::affixes::DropBonus = super::affixes::DropBonus {
    per_monster_rarity: 0,
    boss: 0,
};

/// Reports each id after its first use as a duplicate; returns id -> index.
fn index_ids<'a>(
    ids: impl Iterator<Item = &'a str>,
    loc: &Loc,
    what: &str,
    errors: &mut SchemaErrors,
) -> BTreeMap<String, u16> {
    let mut seen: BTreeMap<String, u16> = BTreeMap::new();
    let mut repeats: BTreeMap<&str, usize> = BTreeMap::new();
    for (i, id) in ids.enumerate() {
        if seen.contains_key(id) {
            let n = repeats.entry(id).or_insert(0);
            *n += 1;
            let at = loc.entry(id, *n);
            errors.push(loc.error(
                at,
                id.len() + 2,
                K::DuplicateId,
                format!("the {what} id `{id}` is used twice"),
            ));
        } else if let Ok(i) = u16::try_from(i) {
            seen.insert(id.to_owned(), i);
        }
    }
    seen
}

pub(super) fn validate_and_link(
    files: Files,
    hash: u64,
    errors: &mut SchemaErrors,
) -> Option<Content> {
    let Files {
        game: (rules, game_src),
        monsters: (monsters, mon_src),
        items: (items, item_src),
        levels: (levels, lvl_src),
        genres: (genre_defs, genre_src),
        quests: (quest_file, quest_src),
        skills: (skill_file, skill_src),
        spells: (spells_file, spell_src),
        affixes: (affix_file, affix_src),
        recipes: (recipe_file, recipe_src),
    } = files;
    let (gl, ml, il, ll, gnl) = (
        Loc { src: game_src },
        Loc { src: mon_src },
        Loc { src: item_src },
        Loc { src: lvl_src },
        Loc { src: genre_src },
    );

    let item_ids = index_ids(items.iter().map(|i| i.id.as_str()), &il, "item", errors);
    let monster_ids = index_ids(
        monsters.iter().map(|m| m.id.as_str()),
        &ml,
        "monster",
        errors,
    );
    let depth_max = i64::from(rules.dungeon_depth.clamp(1, 99));
    // Loading refuses a default file without its sections
    // (`ModFile::missing`), so these fallbacks are never used.
    let quest_per_level = quest_file.per_level.0.unwrap_or(Span(0, 0));

    rules::check_rules(&rules, &gl, errors);
    let linked = genres::check_genres(&genre_defs, &gnl, &item_ids, depth_max, errors);
    let affix_links = affixes::check_affixes(
        &affix_file,
        &Loc { src: affix_src },
        &linked.index,
        depth_max,
        errors,
    );
    let monster_genres: Vec<u64> = monsters
        .iter()
        .map(|m| genres::genre_mask(&m.id, &m.genres, &linked.index, &ml, errors))
        .collect();
    let item_genres: Vec<u64> = items
        .iter()
        .map(|i| genres::genre_mask(&i.id, &i.genres, &linked.index, &il, errors))
        .collect();

    let mut loot = Vec::with_capacity(monsters.len());
    for m in &monsters {
        let mut c = Checker {
            loc: &ml,
            id: &m.id,
            errors,
        };
        c.glyph(m.glyph);
        c.range("hp", m.hp, 1, 1_000_000);
        c.range("attack", m.attack, 0, 10_000);
        c.range("defense", m.defense, 0, 10_000);
        c.span("damage", m.damage, 0, 10_000);
        c.range("evasion", m.evasion, 0, 95);
        c.range("accuracy", m.accuracy, 0, 1000);
        c.range("crit_chance", m.crit_chance, 0, 100);
        c.resist(&m.resist);
        c.range("speed", m.speed, 1, 10_000);
        c.range("attack_delay", m.attack_delay, 1, 1000);
        c.range("sight", m.sight, 0, 30);
        c.range("xp", m.xp, 0, 1_000_000);
        c.span("depth", m.depth, 1, depth_max);
        c.range("flee_below", m.flee_below, 0, 100);
        c.status("on_hit", &m.on_hit);
        if let Some(r) = &m.ranged {
            c.shot(r.range, &r.projectile);
            c.span("damage", r.damage, 0, 10_000);
            c.range("delay", r.delay, 1, 1000);
            c.status("on_hit", &r.on_hit);
        }
        if m.trades && m.kind != MonsterKind::Npc {
            let at = c.loc.field(c.loc.entry(&m.id, 0), "trades");
            c.errors.push(
                c.loc
                    .error(
                        at,
                        6,
                        K::OutOfRange,
                        format!("`{}` trades but is not an Npc", m.id),
                    )
                    .with_help("only `kind: Npc` monsters can be merchants"),
            );
        }
        if let Some(e) = &m.escort {
            c.span("count", e.count, 0, 20);
            if !monster_ids.contains_key(&e.monster) {
                let at = c.loc.field(c.loc.entry(&m.id, 0), "escort");
                c.errors.push(
                    c.loc
                        .error(
                            at,
                            6,
                            K::UnknownReference,
                            format!(
                                "`{}` is escorted by `{}`, which no monster is",
                                m.id, e.monster
                            ),
                        )
                        .with_help(ref_help(
                            &e.monster,
                            monster_ids.keys().map(String::as_str),
                            "monsters.ron",
                        )),
                );
            }
        }
        let mut drops = Vec::with_capacity(m.loot.len());
        for entry in &m.loot {
            c.range("loot", entry.1, 0, 100);
            let ids = resolve_refs(std::iter::once(&entry.0), &item_ids, &ml, c.errors);
            drops.extend(ids.into_iter().map(|id| (id, entry.1)));
        }
        loot.push(drops);
    }

    for it in &items {
        let mut c = Checker {
            loc: &il,
            id: &it.id,
            errors,
        };
        c.glyph(it.glyph);
        c.span("depth", it.depth, 1, depth_max);
        match &it.kind {
            ItemKind::Potion(effect) | ItemKind::Food(effect) => match effect {
                PotionEffect::Heal(n) => c.range("Heal", *n, 1, 1_000_000),
                PotionEffect::Status(s) => c.status("Status", &Some(*s)),
                PotionEffect::Cure => {}
            },
            ItemKind::Weapon(w) => {
                c.span("damage", w.damage, 0, 10_000);
                c.range("attack_delay", w.attack_delay, 1, 1000);
                c.range("crit_chance", w.crit_chance, 0, 100);
                c.status("on_hit", &w.on_hit);
                if let Some(shot) = &w.ranged {
                    c.shot(shot.range, &shot.projectile);
                }
            }
            ItemKind::Scroll(ScrollEffect::Mapping) => {}
            ItemKind::Scroll(ScrollEffect::Blast {
                damage,
                radius,
                on_hit,
                ..
            }) => {
                c.span("damage", *damage, 0, 10_000);
                c.range(
                    "radius",
                    *radius,
                    1,
                    i64::from(crate::sim::projectile::MAX_BLAST_RADIUS),
                );
                c.status("on_hit", on_hit);
            }
            ItemKind::Thrown(t) => {
                c.span("damage", t.damage, 0, 10_000);
                c.shot(t.range, &t.projectile);
                c.status("on_hit", &t.on_hit);
            }
            ItemKind::Armor(a) => {
                c.range("defense", a.defense, 0, 10_000);
                c.range("evasion", a.evasion, 0, 95);
                c.resist(&a.resist);
            }
            ItemKind::Gold(s) => c.span("Gold", *s, 1, 1_000_000),
            // Linked (and checked) with recipes.ron below.
            ItemKind::Recipe(_) => {}
        }
    }

    rules::check_levels(&levels, &ll, depth_max, errors);
    genres::check_coverage(
        &genre_defs,
        &genres::Catalogue {
            monsters: &monsters,
            monster_masks: &monster_genres,
            items: &items,
            item_masks: &item_genres,
        },
        rules.dungeon_depth.clamp(1, 99),
        &gnl,
        errors,
    );
    let (quests, quest_genres) = quests::check_quests(
        quest_per_level,
        quest_file.quests,
        &quests::Targets {
            genre_index: &linked.index,
            genres: &genre_defs,
            item_ids: &item_ids,
            item_masks: &item_genres,
            monsters: &monsters,
            monster_masks: &monster_genres,
            depth_max,
        },
        &Loc { src: quest_src },
        errors,
    );
    let magic = spells::check_spells(
        spells_file,
        &Loc { src: spell_src },
        &spells::SpellContext {
            monsters: &monsters,
            monster_ids: &monster_ids,
            monster_loc: &ml,
            genre_index: &linked.index,
            genre_ids: genre_defs.iter().map(|g| g.id.as_str()).collect(),
            max_level: rules.levelling.max_level,
        },
        errors,
    );
    let linked_skills = skills::check_skills(
        skill_file,
        &genre_defs,
        &linked.index,
        &item_ids,
        &magic.index,
        &Loc { src: skill_src },
        errors,
    );
    let crafting = recipes::check_recipes(
        recipe_file,
        &Loc { src: recipe_src },
        &recipes::Links {
            item_ids: &item_ids,
            items: &items,
            item_masks: &item_genres,
            item_loc: &il,
            genre_index: &linked.index,
            genres: &genre_defs,
        },
        errors,
    );
    let escorts = monsters
        .iter()
        .map(|m| {
            let e = m.escort.as_ref()?;
            let id = monster_ids.get(&e.monster)?;
            Some((MonsterId(*id), e.count))
        })
        .collect();

    for (what, n, loc) in [
        ("monsters", monsters.len(), &ml),
        ("items", items.len(), &il),
        ("affixes", affix_file.affixes.len(), &Loc { src: affix_src }),
    ] {
        if n > usize::from(u16::MAX) {
            errors.push(loc.error(
                0,
                1,
                K::OutOfRange,
                format!("{n} {what} is more than the limit of {}", u16::MAX),
            ));
        }
    }
    Some(
        Content {
            rules,
            monsters,
            items,
            levels,
            genres: genre_defs,
            quests,
            quests_per_level: quest_per_level,
            quest_genres,
            skill_points_per_level: linked_skills.file.points_per_level.0.unwrap_or(0),
            archetypes: linked_skills.file.archetypes,
            archetype_genres: linked_skills.archetype_genres,
            classes: linked_skills.classes,
            class_genres: linked_skills.class_genres,
            tiers: affix_file.tiers.0.unwrap_or_default(),
            drops: affix_file.drops.0.unwrap_or(NO_DROP_BONUS),
            affixes: affix_file.affixes,
            affix_genres: affix_links.genre_masks,
            loot,
            escorts,
            start_items: linked.start_items,
            monster_genres,
            item_genres,
            mix: GenreMix::pure(GenreId(0)),
            choice: Default::default(),
            hash,
            magic,
            stations: crafting.stations,
            recipes: crafting.recipes,
            recipe_index: crafting.index,
            mods: Vec::new(),
            monster_index: BTreeMap::new(),
            item_index: item_ids.into_iter().map(|(k, v)| (k, ItemId(v))).collect(),
            genre_index: linked
                .index
                .into_iter()
                .filter_map(|(k, v)| Some((k, GenreId(u8::try_from(v).ok()?))))
                .collect(),
        }
        .with_monster_index(),
    )
}

fn resolve_refs<'a>(
    refs: impl Iterator<Item = &'a String>,
    ids: &BTreeMap<String, u16>,
    loc: &Loc,
    errors: &mut SchemaErrors,
) -> Vec<ItemId> {
    let mut out = Vec::new();
    for r in refs {
        match ids.get(r.as_str()) {
            Some(&i) => out.push(ItemId(i)),
            None => {
                let quoted = format!("\"{r}\"");
                let at = loc.src.text.find(&quoted).unwrap_or(0);
                errors.push(
                    loc.error(
                        at,
                        quoted.len(),
                        K::UnknownReference,
                        format!("no item has the id `{r}`"),
                    )
                    .with_help(ref_help(
                        r,
                        ids.keys().map(String::as_str),
                        "items.ron",
                    )),
                );
            }
        }
    }
    out
}

impl Content {
    fn with_monster_index(mut self) -> Self {
        self.monster_index = self
            .monsters
            .iter()
            .enumerate()
            .filter_map(|(i, m)| Some((m.id.clone(), MonsterId(u16::try_from(i).ok()?))))
            .collect();
        self
    }
}

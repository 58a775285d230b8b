//! How each schema file merges: one line per top-level field.
//!
//! To let mods ship a new schema file: `impl ModFile` for its top-level
//! type here (`keyed` for lists of entries with an `id`, `section` for a
//! setting wrapped in [`Section`], `whole` for a file replaced whole),
//! `impl Keyed` for its entries (the `keyed_by_id!` list below), and load
//! it with `load::gather` like the others.

use super::merge::{Keyed, Merge, ModFile, Section};
use crate::schema::affixes::{AffixDef, AffixesFile};
use crate::schema::game::GameRules;
use crate::schema::genres::{GenreDef, GenresFile};
use crate::schema::items::{ItemDef, ItemsFile};
use crate::schema::levels::LevelsFile;
use crate::schema::load;
use crate::schema::monsters::{MonsterDef, MonstersFile};
use crate::schema::quests::{QuestDef, QuestsFile};
use crate::schema::recipes::{RecipeDef, RecipesFile, StationDef};
use crate::schema::skills::{ArchetypeDef, ClassDef, SkillsFile};
use crate::schema::spells::{SpellDef, SpellsFile};

macro_rules! keyed_by_id {
    ($($t:ty),* $(,)?) => {$(
        impl Keyed for $t {
            fn key(&self) -> &str {
                &self.id
            }
        }
    )*};
}

keyed_by_id!(
    MonsterDef,
    ItemDef,
    GenreDef,
    QuestDef,
    ArchetypeDef,
    ClassDef,
    SpellDef,
    AffixDef,
    StationDef,
    RecipeDef,
);

/// The sections of `file` that are absent, by name.
fn absent<const N: usize>(sections: [(&'static str, bool); N]) -> Vec<&'static str> {
    sections
        .into_iter()
        .filter(|(_, present)| !present)
        .map(|(name, _)| name)
        .collect()
}

fn has<T>(s: &Section<T>) -> bool {
    s.0.is_some()
}

impl ModFile for GameRules {
    const NAME: &'static str = load::GAME;
    fn apply(&mut self, patch: Self, m: &mut Merge<'_>) {
        m.whole(self, patch);
    }
}

impl ModFile for LevelsFile {
    const NAME: &'static str = load::LEVELS;
    fn apply(&mut self, patch: Self, m: &mut Merge<'_>) {
        m.whole(self, patch);
    }
}

impl ModFile for MonstersFile {
    const NAME: &'static str = load::MONSTERS;
    fn apply(&mut self, patch: Self, m: &mut Merge<'_>) {
        m.keyed("monster", &mut self.monsters, patch.monsters);
    }
}

impl ModFile for ItemsFile {
    const NAME: &'static str = load::ITEMS;
    fn apply(&mut self, patch: Self, m: &mut Merge<'_>) {
        m.keyed("item", &mut self.items, patch.items);
    }
}

impl ModFile for GenresFile {
    const NAME: &'static str = load::GENRES;
    fn apply(&mut self, patch: Self, m: &mut Merge<'_>) {
        m.keyed("genre", &mut self.genres, patch.genres);
    }
}

impl ModFile for QuestsFile {
    const NAME: &'static str = load::QUESTS;
    fn apply(&mut self, patch: Self, m: &mut Merge<'_>) {
        m.section("per_level", &mut self.per_level, patch.per_level);
        m.keyed("quest", &mut self.quests, patch.quests);
    }
    fn missing(&self) -> Vec<&'static str> {
        absent([("per_level", has(&self.per_level))])
    }
}

impl ModFile for SkillsFile {
    const NAME: &'static str = load::SKILLS;
    fn apply(&mut self, patch: Self, m: &mut Merge<'_>) {
        m.section(
            "points_per_level",
            &mut self.points_per_level,
            patch.points_per_level,
        );
        m.keyed("archetype", &mut self.archetypes, patch.archetypes);
        m.keyed("class", &mut self.classes, patch.classes);
    }
    fn missing(&self) -> Vec<&'static str> {
        absent([("points_per_level", has(&self.points_per_level))])
    }
}

impl ModFile for SpellsFile {
    const NAME: &'static str = load::SPELLS;
    fn apply(&mut self, patch: Self, m: &mut Merge<'_>) {
        m.section("mana", &mut self.mana, patch.mana);
        m.keyed("spell", &mut self.spells, patch.spells);
    }
    fn missing(&self) -> Vec<&'static str> {
        absent([("mana", has(&self.mana))])
    }
}

impl ModFile for AffixesFile {
    const NAME: &'static str = load::AFFIXES;
    fn apply(&mut self, patch: Self, m: &mut Merge<'_>) {
        m.section("tiers", &mut self.tiers, patch.tiers);
        m.section("drops", &mut self.drops, patch.drops);
        m.keyed("affix", &mut self.affixes, patch.affixes);
    }
    fn missing(&self) -> Vec<&'static str> {
        absent([("tiers", has(&self.tiers)), ("drops", has(&self.drops))])
    }
}

impl ModFile for RecipesFile {
    const NAME: &'static str = load::RECIPES;
    fn apply(&mut self, patch: Self, m: &mut Merge<'_>) {
        m.keyed("station", &mut self.stations, patch.stations);
        m.keyed("recipe", &mut self.recipes, patch.recipes);
    }
}

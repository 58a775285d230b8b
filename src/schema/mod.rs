//! The RON schemas every generator reads, and their loading and validation.
//!
//! One file per kind of schema file (`game.rs`, `monsters.rs`, `items.rs`,
//! `levels.rs`, `genres.rs`, `affixes.rs`) holds its serde types, all with `deny_unknown_fields`.
//! `load.rs` parses the embedded defaults and lays mods over them
//! (`mods/`: folders, dependency order, merging by id, conflicts);
//! `sources.rs` joins a file's copies so validation can point into the one
//! in use; `validate/` checks ranges, ids and references and links ids into
//! indices; `error.rs` makes every mistake point at file, line and column,
//! and `suggest.rs` offers the nearest known name. `layout.rs` and
//! `reload.rs` let a running game take new data (hot reload).
//!
//! To add a schema file: add its types in a new file here, its name and
//! `include_str!` in `load::default_sources`, `impl ModFile` for it in
//! `mods/files.rs` and a `gather` line in `load::load_content`, its checks in
//! `validate/`, the linked data to [`Content`], and its fields to
//! `docs/modding.md` (a test lists any it misses).

pub mod affixes;
pub mod common;
pub mod error;
pub mod game;
pub mod genres;
pub mod items;
pub mod layout;
pub mod levels;
pub mod load;
pub mod mods;
pub mod monsters;
pub mod quests;
pub mod recipes;
mod recover;
pub mod reload;
pub mod skills;
pub mod sources;
pub mod spells;
pub mod suggest;
mod validate;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use common::{DamageType, Rarity, Resistances, Rgb, Span, StatusKind, StatusSpec};
pub use error::{SchemaError, SchemaErrorKind, SchemaErrors};
pub use load::{SchemaSource, load_defaults, load_sources};

use affixes::{AffixDef, DropBonus, TierDef};
use game::GameRules;
use genres::{GenreChoice, GenreDef, GenreId, GenreMix, GenrePalette, TerrainBand};
use items::ItemDef;
use levels::LevelBand;
use monsters::MonsterDef;
use quests::QuestTemplate;

/// A monster kind: an index into [`Content::monsters`]. Only [`Content`]
/// makes them, so an id always names an existing entry of its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct MonsterId(u16);

/// A spell: an index into the spells of [`Content`] (see `spells.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct SpellId(u16);

/// An item kind: an index into [`Content::items`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ItemId(u16);

/// A quest template: an index into [`Content::quests`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct QuestId(u16);

impl QuestId {
    pub fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// A prefix or suffix: an index into [`Content::affixes`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct AffixId(u16);

impl AffixId {
    pub fn index(self) -> usize {
        usize::from(self.0)
    }
}

impl MonsterId {
    pub fn index(self) -> usize {
        usize::from(self.0)
    }
}

impl ItemId {
    pub fn index(self) -> usize {
        usize::from(self.0)
    }
}

/// Every schema, validated and cross-linked: what generation and the
/// simulation read. Shared read-only (behind an `Arc`) by all systems.
#[derive(Clone, Debug)]
pub struct Content {
    pub rules: GameRules,
    pub monsters: Vec<MonsterDef>,
    pub items: Vec<ItemDef>,
    pub levels: Vec<LevelBand>,
    pub genres: Vec<GenreDef>,
    /// Quest templates, linked.
    pub quests: Vec<QuestTemplate>,
    /// How many quests a level sets.
    pub quests_per_level: Span,
    /// Per quest template, the mask of genres it is set in.
    quest_genres: Vec<u64>,
    /// Skill points a hero gains per level.
    pub skill_points_per_level: i32,
    /// Skill archetypes, and the genres each is offered in.
    pub archetypes: Vec<skills::ArchetypeDef>,
    archetype_genres: Vec<u64>,
    /// Hero classes, linked, and their genres.
    pub classes: Vec<skills::ClassTemplate>,
    class_genres: Vec<u64>,
    /// Gear rarity tiers, one per [`Rarity`] in order (affixes.ron).
    pub tiers: Vec<TierDef>,
    pub drops: DropBonus,
    pub affixes: Vec<AffixDef>,
    /// Per affix, the mask of genres it is rolled in.
    affix_genres: Vec<u64>,
    loot: Vec<Vec<(ItemId, u32)>>,
    /// Per monster, the pack that comes with it.
    escorts: Vec<Option<(MonsterId, Span)>>,
    /// Per genre, the hero's starting pack.
    start_items: Vec<Vec<ItemId>>,
    /// Per monster and per item, the mask of genres it belongs to.
    monster_genres: Vec<u64>,
    item_genres: Vec<u64>,
    /// The genre (or blend) this world is generated in.
    mix: GenreMix,
    /// What was asked for; the rest of the mix comes from each world's seed.
    choice: GenreChoice,
    hash: u64,
    monster_index: BTreeMap<String, MonsterId>,
    item_index: BTreeMap<String, ItemId>,
    genre_index: BTreeMap<String, GenreId>,
    /// Spells, mana rules and who casts what (`spells.rs`).
    magic: spells::SpellCatalog,
    /// Crafting stations and recipes (`recipes.rs`), linked.
    pub stations: Vec<recipes::Station>,
    pub recipes: Vec<recipes::Recipe>,
    /// Recipe ids to their index in `recipes`.
    recipe_index: BTreeMap<String, u8>,
    /// The mods laid over the defaults, in the order applied.
    mods: Vec<mods::ModStamp>,
}

impl Content {
    pub fn monster(&self, id: MonsterId) -> &MonsterDef {
        &self.monsters[id.index()]
    }

    pub fn item(&self, id: ItemId) -> &ItemDef {
        &self.items[id.index()]
    }

    pub fn monster_id(&self, key: &str) -> Option<MonsterId> {
        self.monster_index.get(key).copied()
    }

    /// The recipe (an index into `recipes`) an item teaches when read.
    pub fn recipe_taught_by(&self, item: ItemId) -> Option<usize> {
        match &self.items.get(item.index())?.kind {
            items::ItemKind::Recipe(key) => self.recipe_index.get(key).copied().map(usize::from),
            _ => None,
        }
    }

    /// The station kinds this world's levels place: the primary genre's,
    /// as indices into `stations`.
    pub fn world_stations(&self) -> impl Iterator<Item = usize> + '_ {
        let g = self.mix.primary.index();
        (0..self.stations.len()).filter(move |&s| {
            self.stations
                .get(s)
                .is_some_and(|d| usize::from(d.genre) == g)
        })
    }

    pub fn item_id(&self, key: &str) -> Option<ItemId> {
        self.item_index.get(key).copied()
    }

    /// Every monster id, in file order.
    pub fn monster_ids(&self) -> impl Iterator<Item = MonsterId> + Clone + '_ {
        (0..self.monsters.len()).filter_map(|i| u16::try_from(i).ok().map(MonsterId))
    }

    /// Every item id, in file order.
    pub fn item_ids(&self) -> impl Iterator<Item = ItemId> + Clone + '_ {
        (0..self.items.len()).filter_map(|i| u16::try_from(i).ok().map(ItemId))
    }

    pub fn quest(&self, id: QuestId) -> &QuestTemplate {
        &self.quests[id.index()]
    }

    /// Every quest template id, in file order.
    pub fn quest_ids(&self) -> impl Iterator<Item = QuestId> + Clone + '_ {
        (0..self.quests.len()).filter_map(|i| u16::try_from(i).ok().map(QuestId))
    }

    /// The archetypes this world's skill tree grows from: the primary
    /// genre's, in file order.
    pub fn world_archetypes(&self) -> impl Iterator<Item = usize> + '_ {
        let bit = self.mix.primary.bit();
        (0..self.archetypes.len())
            .filter(move |&i| self.archetype_genres.get(i).is_some_and(|m| m & bit != 0))
    }

    /// The classes a hero of this world may take: the primary genre's, as
    /// indices into `classes`.
    pub fn world_classes(&self) -> impl Iterator<Item = usize> + '_ {
        let bit = self.mix.primary.bit();
        (0..self.classes.len())
            .filter(move |&i| self.class_genres.get(i).is_some_and(|m| m & bit != 0))
    }

    /// How common (percent of its weight) a quest template is in this world.
    pub fn quest_share(&self, id: QuestId) -> u32 {
        self.mix
            .share(self.quest_genres.get(id.index()).copied().unwrap_or(0))
    }

    pub fn affix(&self, id: AffixId) -> &AffixDef {
        &self.affixes[id.index()]
    }

    /// Every affix id, in file order.
    pub fn affix_ids(&self) -> impl Iterator<Item = AffixId> + Clone + '_ {
        (0..self.affixes.len()).filter_map(|i| u16::try_from(i).ok().map(AffixId))
    }

    /// How common (percent of its weight) an affix is in this world: 0 when
    /// it belongs to neither genre of the mix.
    pub fn affix_share(&self, id: AffixId) -> u32 {
        self.mix
            .share(self.affix_genres.get(id.index()).copied().unwrap_or(0))
    }

    /// The tier of a rarity; validation guarantees one per rarity, and a
    /// neutral tier stands in should that ever change.
    pub fn tier(&self, rarity: Rarity) -> &TierDef {
        self.tiers
            .iter()
            .find(|t| t.rarity == rarity)
            .unwrap_or_else(|| neutral_tier())
    }

    /// What a monster may drop: item and chance in percent.
    pub fn loot(&self, id: MonsterId) -> &[(ItemId, u32)] {
        self.loot.get(id.index()).map_or(&[], Vec::as_slice)
    }

    /// Where a piece of armour is worn (`None` for anything else).
    pub fn armor_slot(&self, id: ItemId) -> Option<items::ArmorSlot> {
        match &self.item(id).kind {
            items::ItemKind::Armor(a) => Some(a.slot),
            _ => None,
        }
    }

    /// How a weapon shoots, if it does.
    pub fn weapon_shot(&self, id: ItemId) -> Option<&items::WeaponShot> {
        match &self.item(id).kind {
            items::ItemKind::Weapon(w) => w.ranged.as_ref(),
            _ => None,
        }
    }

    /// The minions placed around a monster, and how many.
    pub fn escort(&self, id: MonsterId) -> Option<(MonsterId, Span)> {
        self.escorts.get(id.index()).copied().flatten()
    }

    /// The items every new hero carries in this world's genre.
    pub fn start_items(&self) -> &[ItemId] {
        self.start_items
            .get(self.mix.primary.index())
            .map_or(&[], Vec::as_slice)
    }

    /// The same content set to make worlds in the genre (or blend) asked
    /// for; genres not known to this content are ignored.
    pub fn with_choice(&self, choice: GenreChoice) -> Content {
        let known = |g: GenreId| g.index() < self.genres.len();
        let mut c = self.clone();
        if choice.genre.is_none_or(known) && choice.blend.is_none_or(|(g, _)| known(g)) {
            c.choice = choice;
        }
        c
    }

    /// The content set to make worlds purely in genre `g`, whatever their
    /// seed (for tests and tools that go through every genre).
    pub fn in_genre(&self, g: GenreId) -> Content {
        self.with_choice(GenreChoice {
            genre: Some(g),
            blend: None,
        })
        .for_world(0)
    }

    /// This content for a world already running on `running`: the same
    /// genre choice and mix, whatever the new data's genre count would now
    /// make of the world's seed (hot reload).
    pub fn continuing(&self, running: &Content) -> Content {
        let mut c = self.clone();
        c.choice = running.choice;
        c.mix = running.mix;
        c
    }

    /// The content for the world on `seed`: the genre asked for, or the
    /// seed's own.
    pub fn for_world(&self, seed: u64) -> Content {
        let mut c = self.clone();
        c.mix = self.choice.resolve(self.genre_for_seed(seed));
        c
    }

    /// Reads `--genre` and `--blend` (`ID:SHARE`), naming the known genres
    /// when an id is not one of them.
    pub fn parse_choice(
        &self,
        genre: Option<&str>,
        blend: Option<&str>,
    ) -> Result<GenreChoice, String> {
        let id = |key: &str| {
            self.genre_id(key.trim()).ok_or_else(|| {
                let known: Vec<&str> = self.genres.iter().map(|g| g.id.as_str()).collect();
                format!(
                    "there is no genre `{}`; the genres are: {}",
                    key.trim(),
                    known.join(", ")
                )
            })
        };
        let genre = genre.map(id).transpose()?;
        let blend = match blend {
            None => None,
            Some(text) => {
                let (key, share) = text.split_once(':').ok_or_else(|| {
                    format!("`{text}` is not a blend: write GENRE:SHARE, as in scifi:0.4")
                })?;
                Some((id(key)?, genres::parse_share(share)?))
            }
        };
        Ok(GenreChoice { genre, blend })
    }

    /// The world's genre as players read it: "Horror", or "Sci-fi + Horror
    /// 40%" for a blend.
    pub fn genre_label(&self) -> String {
        let name = self.genre().name.clone();
        match self
            .mix
            .blend
            .and_then(|(g, p)| Some((self.genre_def(g)?, p)))
        {
            Some((second, p)) => format!("{name} + {} {p}%", second.name),
            None => name,
        }
    }

    /// The genre (and blend) asked for, before any seed fills in the rest:
    /// what a replay must ask for again to rebuild the same worlds.
    pub fn choice(&self) -> GenreChoice {
        self.choice
    }

    /// The genre (or blend) worlds made from this content are in.
    pub fn mix(&self) -> GenreMix {
        self.mix
    }

    /// The primary genre of this content's worlds.
    pub fn genre(&self) -> &GenreDef {
        &self.genres[self.mix.primary.index()]
    }

    pub fn genre_def(&self, id: GenreId) -> Option<&GenreDef> {
        self.genres.get(id.index())
    }

    pub fn genre_id(&self, key: &str) -> Option<GenreId> {
        self.genre_index.get(key).copied()
    }

    /// Every genre id, in file order.
    pub fn genre_ids(&self) -> impl Iterator<Item = GenreId> + '_ {
        (0..self.genres.len()).filter_map(|i| u8::try_from(i).ok().map(GenreId))
    }

    /// The genre a world seed falls in when none is asked for: every seed
    /// has one, spread evenly over the genres.
    pub fn genre_for_seed(&self, seed: u64) -> GenreId {
        let h = crate::procgen::seed::derive(seed, crate::procgen::seed::WORLD_GENRE, &[]);
        GenreId((h % self.genres.len().max(1) as u64) as u8)
    }

    /// How common (percent of its weight) a monster is in this world: 0 when
    /// it belongs to neither genre of the mix.
    pub fn monster_share(&self, id: MonsterId) -> u32 {
        self.mix
            .share(self.monster_genres.get(id.index()).copied().unwrap_or(0))
    }

    /// How common (percent of its weight) an item is in this world.
    pub fn item_share(&self, id: ItemId) -> u32 {
        self.mix
            .share(self.item_genres.get(id.index()).copied().unwrap_or(0))
    }

    /// The terrain recipe `genre` uses at `depth`; validation guarantees every
    /// depth of every genre has one.
    pub fn terrain(&self, genre: GenreId, depth: i32) -> Option<&TerrainBand> {
        let bands = &self.genres.get(genre.index())?.terrain;
        bands
            .iter()
            .find(|b| b.depth.contains(depth))
            .or_else(|| bands.last())
    }

    /// The map colours of this world: the primary genre's, tinted towards
    /// the blended genre's by its share.
    pub fn palette(&self) -> GenrePalette {
        let a = self.genre().palette;
        let Some((g, p)) = self.mix.blend else {
            return a;
        };
        let Some(b) = self.genre_def(g).map(|d| d.palette) else {
            return a;
        };
        let p = u32::from(p.min(100));
        let mix = |x: Rgb, y: Rgb| {
            let m = |u: u8, v: u8| ((u32::from(u) * (100 - p) + u32::from(v) * p) / 100) as u8;
            Rgb(m(x.0, y.0), m(x.1, y.1), m(x.2, y.2))
        };
        GenrePalette {
            wall: mix(a.wall, b.wall),
            floor: mix(a.floor, b.floor),
            door: mix(a.door, b.door),
            accent: mix(a.accent, b.accent),
        }
    }

    /// The level recipe for a depth; validation guarantees every depth of the
    /// dungeon has one, deeper depths reuse the last band.
    pub fn band(&self, depth: i32) -> &LevelBand {
        self.levels
            .iter()
            .find(|b| b.depth.contains(depth))
            .or_else(|| self.levels.last())
            .unwrap_or_else(|| unreachable_band())
    }

    /// A stable hash of the schema texts and of the mods applied, stored
    /// in saves and replays.
    pub fn schema_hash(&self) -> u64 {
        self.hash
    }

    /// The mods this content was made with, in the order applied.
    pub fn mods(&self) -> &[mods::ModStamp] {
        &self.mods
    }

    /// Total experience needed to reach `level` (level 1 needs none).
    pub fn xp_for_level(&self, level: i32) -> i64 {
        let l = &self.rules.levelling;
        let mut step = i64::from(l.first.max(1));
        let mut total = 0i64;
        for _ in 1..level.max(1) {
            total = total.saturating_add(step);
            step = (step * i64::from(l.growth_percent.max(100)) / 100).max(step + 1);
        }
        total
    }
}

fn neutral_tier() -> &'static TierDef {
    static NEUTRAL: std::sync::OnceLock<TierDef> = std::sync::OnceLock::new();
    NEUTRAL.get_or_init(|| TierDef {
        rarity: Rarity::Common,
        color: Rgb(200, 200, 200),
        stat_percent: 100,
        affixes: Span(0, 0),
        value_percent: 100,
        base_weight: 1,
        weight_per_depth: 0,
    })
}

fn unreachable_band() -> &'static LevelBand {
    // Validation refuses schemas without bands; this keeps `band` total
    // without a panic should that ever change.
    static FALLBACK: std::sync::OnceLock<LevelBand> = std::sync::OnceLock::new();
    FALLBACK.get_or_init(|| LevelBand {
        depth: Span(1, 1),
        width: 60,
        height: 30,
        monsters: Span(0, 0),
        items: Span(0, 0),
        treasure: Span(0, 0),
        features: Default::default(),
    })
}

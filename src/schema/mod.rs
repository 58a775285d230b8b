//! The RON schemas every generator reads, and their loading and validation.
//!
//! One file per kind of schema file (`game.rs`, `monsters.rs`, `items.rs`,
//! `levels.rs`) holds its serde types, all with `deny_unknown_fields`.
//! `load.rs` parses the embedded defaults (and, later, mods); `validate.rs`
//! checks ranges, ids and references and links ids into indices; `error.rs`
//! makes every mistake point at file, line and column.
//!
//! To add a schema file: add its types in a new file here, its name and
//! `include_str!` in `load::default_sources`, its checks in `validate.rs`,
//! and the linked data to [`Content`].

pub mod common;
pub mod error;
pub mod game;
pub mod items;
pub mod levels;
pub mod load;
pub mod monsters;
mod validate;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

pub use common::{DamageType, Resistances, Rgb, Span, StatusKind, StatusSpec};
pub use error::{SchemaError, SchemaErrorKind, SchemaErrors};
pub use load::{SchemaSource, load_defaults, load_sources};

use game::GameRules;
use items::ItemDef;
use levels::LevelBand;
use monsters::MonsterDef;

/// A monster kind: an index into [`Content::monsters`]. Only [`Content`]
/// makes them, so an id always names an existing entry of its content.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct MonsterId(u16);

/// An item kind: an index into [`Content::items`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ItemId(u16);

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
    loot: Vec<Vec<(ItemId, u32)>>,
    start_items: Vec<ItemId>,
    hash: u64,
    monster_index: BTreeMap<String, MonsterId>,
    item_index: BTreeMap<String, ItemId>,
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

    pub fn item_id(&self, key: &str) -> Option<ItemId> {
        self.item_index.get(key).copied()
    }

    /// Every monster id, in file order.
    pub fn monster_ids(&self) -> impl Iterator<Item = MonsterId> + '_ {
        (0..self.monsters.len()).filter_map(|i| u16::try_from(i).ok().map(MonsterId))
    }

    /// Every item id, in file order.
    pub fn item_ids(&self) -> impl Iterator<Item = ItemId> + '_ {
        (0..self.items.len()).filter_map(|i| u16::try_from(i).ok().map(ItemId))
    }

    /// What a monster may drop: item and chance in percent.
    pub fn loot(&self, id: MonsterId) -> &[(ItemId, u32)] {
        self.loot.get(id.index()).map_or(&[], Vec::as_slice)
    }

    /// The items every new hero carries.
    pub fn start_items(&self) -> &[ItemId] {
        &self.start_items
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

    /// A stable hash of the schema texts, stored in saves and replays.
    pub fn schema_hash(&self) -> u64 {
        self.hash
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

fn unreachable_band() -> &'static LevelBand {
    // Validation refuses schemas without bands; this keeps `band` total
    // without a panic should that ever change.
    static FALLBACK: std::sync::OnceLock<LevelBand> = std::sync::OnceLock::new();
    FALLBACK.get_or_init(|| LevelBand {
        depth: Span(1, 1),
        width: 60,
        height: 30,
        generators: vec![levels::GeneratorChoice {
            weight: 1,
            generator: levels::Generator::Caves(Default::default()),
        }],
        monsters: Span(0, 0),
        items: Span(0, 0),
        treasure: Span(0, 0),
    })
}

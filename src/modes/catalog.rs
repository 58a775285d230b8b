//! The seed catalog (`venture seeds`): what every level of a run of seeds
//! holds, without playing them. Testers pick seeds from it ("a cave level
//! at depth 3 with a champion"), and the catalogs checked in under
//! `tests/catalogs/` turn any unintended change to generation into a failing
//! test with a readable diff.

use std::fmt::Write as _;

use serde::Serialize;

use crate::procgen::level;
use crate::schema::Content;
use crate::sim::Tile;
use crate::sim::algo::dijkstra::{DijkstraMap, UNREACHED};
use crate::sim::level::RoomRole;

/// One level of one seed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CatalogRow {
    pub seed: u64,
    /// The world's genre ("Horror", "Sci-fi + Horror 40%").
    pub genre: String,
    pub depth: i32,
    /// The terrain generator that built the level ("bsp", "caves"...).
    pub generator: String,
    pub width: i32,
    pub height: i32,
    /// Rooms (or cave chambers) with a role, and how many are treasure rooms.
    pub rooms: usize,
    pub treasure_rooms: usize,
    /// Monsters placed, of which bosses and champions (rarer than common).
    pub monsters: usize,
    pub bosses: usize,
    pub champions: usize,
    /// Item stacks on the floor, and how many are gear above common.
    pub items: usize,
    pub fine_items: usize,
    /// Walkable tiles.
    pub floor: usize,
    /// Steps from where heroes arrive to the stairs down (`None` on the last
    /// depth, which has none).
    pub stairs_steps: Option<i32>,
    /// The kinds of the quests the level sets, joined by `+`
    /// ("kill+boss+escort").
    pub quests: String,
}

/// The levels `1..=depth` of `count` seeds from `from` on (seeds wrap past
/// `u64::MAX`), in the genre the content asks for or each seed's own.
pub fn catalog(content: &Content, from: u64, count: u64, depth: i32) -> Vec<CatalogRow> {
    let last = depth.clamp(1, content.rules.dungeon_depth.max(1));
    let mut rows = Vec::new();
    for i in 0..count {
        let seed = from.wrapping_add(i);
        let world = content.for_world(seed);
        for d in 1..=last {
            rows.push(row(&world, seed, d));
        }
    }
    rows
}

/// Generates one level exactly as the game does and describes it.
fn row(world: &Content, seed: u64, depth: i32) -> CatalogRow {
    let g = level::generate(world, seed, depth);
    let lv = &g.level;
    let mut dist = DijkstraMap::new(lv.width(), lv.height());
    dist.compute([lv.arrival_from_above], i32::MAX, |p| lv.is_walkable(p));
    let stairs_steps = lv
        .tiles
        .points()
        .find(|&p| lv.tile(p) == Tile::StairsDown)
        .map(|p| dist.get(p))
        .map(|d| if d == UNREACHED { -1 } else { d });
    CatalogRow {
        seed,
        genre: world.genre_label(),
        depth,
        generator: level::generator_name(world, seed, depth).to_owned(),
        width: lv.width(),
        height: lv.height(),
        rooms: lv.rooms.len(),
        treasure_rooms: lv
            .rooms
            .iter()
            .filter(|r| r.role == RoomRole::Treasure)
            .count(),
        monsters: g.monsters.len(),
        bosses: g.monsters.iter().filter(|m| m.boss).count(),
        champions: g.monsters.iter().filter(|m| m.rarity.is_champion()).count(),
        items: g.items.len(),
        fine_items: g
            .items
            .iter()
            .filter(|i| i.quality.rarity != crate::schema::Rarity::Common)
            .count(),
        floor: lv.tiles.cells().iter().filter(|t| t.is_walkable()).count(),
        stairs_steps,
        quests: g
            .quests
            .iter()
            .map(|q| world.quest(q.template).goal.kind_name())
            .collect::<Vec<_>>()
            .join("+"),
    }
}

/// The column names, in the order of [`to_csv`].
const COLUMNS: &str = "seed,genre,depth,generator,width,height,rooms,treasure_rooms,monsters,bosses,champions,items,fine_items,floor,stairs_steps,quests";

/// The catalog as CSV with a header row; a field holding a comma or a quote
/// is quoted.
pub fn to_csv(rows: &[CatalogRow]) -> String {
    let mut out = String::with_capacity(64 * (rows.len() + 1));
    out.push_str(COLUMNS);
    out.push('\n');
    for r in rows {
        let stairs = r.stairs_steps.map_or(String::new(), |s| s.to_string());
        let _ = writeln!(
            out,
            "{},{},{},{},{},{},{},{},{},{},{},{},{},{},{},{}",
            r.seed,
            csv_field(&r.genre),
            r.depth,
            csv_field(&r.generator),
            r.width,
            r.height,
            r.rooms,
            r.treasure_rooms,
            r.monsters,
            r.bosses,
            r.champions,
            r.items,
            r.fine_items,
            r.floor,
            stairs,
            r.quests
        );
    }
    out
}

fn csv_field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

/// The catalog as an aligned table for reading in a terminal.
pub fn to_table(rows: &[CatalogRow]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:>20}  {:<22} {:>5}  {:<8} {:>7}  {:>5} {:>8} {:>6} {:>6} {:>6} {:>6}  quests",
        "seed",
        "genre",
        "depth",
        "terrain",
        "size",
        "rooms",
        "monsters",
        "champ",
        "items",
        "floor",
        "stairs"
    );
    for r in rows {
        let stairs = r.stairs_steps.map_or("-".to_owned(), |s| s.to_string());
        let _ = writeln!(
            out,
            "{:>20}  {:<22} {:>5}  {:<8} {:>7}  {:>5} {:>8} {:>6} {:>6} {:>6} {:>6}  {}",
            r.seed,
            r.genre,
            r.depth,
            r.generator,
            format!("{}x{}", r.width, r.height),
            r.rooms,
            r.monsters,
            r.champions,
            r.items,
            r.floor,
            stairs,
            r.quests
        );
    }
    out
}

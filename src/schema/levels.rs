//! `data-schemas/levels.ron`: how levels are laid out and filled, by depth.

use serde::{Deserialize, Serialize};

use super::common::Span;
use crate::procgen::terrain::bsp::BspParams;
use crate::procgen::terrain::caverns::CavernParams;
use crate::procgen::terrain::cellular::CaveParams;
use crate::procgen::terrain::city::CityParams;
use crate::procgen::terrain::composite::CompositeParams;
use crate::procgen::terrain::forest::ForestParams;
use crate::procgen::terrain::maze::MazeParams;

/// The file's top level: bands of depths, each with its own recipe.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelsFile {
    pub bands: Vec<LevelBand>,
}

/// The recipe for every level whose depth falls in `depth`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelBand {
    pub depth: Span,
    /// Map size in tiles.
    pub width: i32,
    pub height: i32,
    /// How many ordinary monsters are placed.
    pub monsters: Span,
    /// How many items lie about outside treasure rooms.
    pub items: Span,
    /// How many items a treasure room holds.
    pub treasure: Span,
    /// Moats, trap rooms, lakes, lava, pits and cut corners.
    #[serde(default)]
    pub features: crate::procgen::features::FeatureParams,
}

/// One layout generator and how often it is picked.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GeneratorChoice {
    pub weight: u32,
    pub generator: Generator,
}

/// The layout generators, each with its own parameters.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Generator {
    /// Rooms and corridors from a binary space partition.
    Bsp(BspParams),
    /// Caves grown by a cellular automaton.
    Caves(CaveParams),
    /// A maze of corridors with rooms at some dead ends.
    Maze(MazeParams),
    /// Outdoor woods: trees, clearings and a river with bridges.
    Forest(ForestParams),
    /// City streets: blocks of buildings with rooms, plazas and parks.
    City(CityParams),
    /// Caverns or open wastes cut from a noise field.
    Caverns(CavernParams),
    /// Biome regions side by side, each in another generator's style.
    Composite(CompositeParams),
}

impl Generator {
    /// The short name catalogs and reports use.
    pub const fn name(&self) -> &'static str {
        match self {
            Generator::Bsp(_) => "bsp",
            Generator::Caves(_) => "caves",
            Generator::Maze(_) => "maze",
            Generator::Forest(_) => "forest",
            Generator::City(_) => "city",
            Generator::Caverns(_) => "caverns",
            Generator::Composite(_) => "composite",
        }
    }
}

//! `data-schemas/recipes.ron`: crafting stations and the recipes made at
//! them. Recipes are learned by reading a recipe item (`ItemKind::Recipe`)
//! and carried out with `Action::Craft` next to a station of their kind.

use serde::{Deserialize, Serialize};

use super::ItemId;

/// The file's top level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecipesFile {
    #[serde(default)]
    pub stations: Vec<StationDef>,
    #[serde(default)]
    pub recipes: Vec<RecipeDef>,
}

/// A kind of workplace levels may hold, belonging to one genre.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StationDef {
    pub id: String,
    pub name: String,
    /// The genre (genres.ron) whose levels place it.
    pub genre: String,
}

/// One recipe as written.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecipeDef {
    pub id: String,
    pub name: String,
    /// The station (an id above) it is made at; its genre is the recipe's.
    pub station: String,
    /// Item ids and how many of each are used.
    pub ingredients: Vec<(String, u16)>,
    /// The item id made and how many.
    pub result: (String, u16),
    /// Percent chance of success for a level 1 hero (1 to 100).
    pub chance: u8,
    #[serde(default)]
    pub failure: Failure,
}

/// What a failed attempt costs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Failure {
    /// Every ingredient is used up.
    #[default]
    LoseAll,
    /// One of each ingredient is used up; the rest is kept.
    LoseOne,
}

/// A recipe linked to item and station indices.
#[derive(Clone, Debug, PartialEq)]
pub struct Recipe {
    pub id: String,
    pub name: String,
    /// Index into [`super::Content::stations`].
    pub station: u8,
    pub ingredients: Vec<(ItemId, u16)>,
    pub result: (ItemId, u16),
    pub chance: u8,
    pub failure: Failure,
}

/// A station kind linked to its genre.
#[derive(Clone, Debug, PartialEq)]
pub struct Station {
    pub id: String,
    pub name: String,
    /// The genre's index in genres.ron.
    pub genre: u8,
}

/// Most recipes one set of content may hold (a hero's known recipes are
/// one bit each in a `u64`).
pub const MAX_RECIPES: usize = 64;

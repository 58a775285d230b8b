//! Checks of recipes.ron: known stations, genres and items, counts and
//! chances in range, every genre with a station and recipes of its own, and
//! every recipe item (items.ron) naming a recipe.

use std::collections::BTreeMap;

use super::{Checker, Loc, index_ids};
use crate::schema::error::SchemaErrorKind as K;
use crate::schema::genres::GenreDef;
use crate::schema::items::{ItemDef, ItemKind};
use crate::schema::recipes::{MAX_RECIPES, Recipe, RecipesFile, Station};
use crate::schema::{ItemId, SchemaErrors};

/// What recipes link against: items (ids, definitions, genre masks) and genres.
pub(super) struct Links<'a> {
    pub item_ids: &'a BTreeMap<String, u16>,
    pub items: &'a [ItemDef],
    pub item_masks: &'a [u64],
    pub item_loc: &'a Loc<'a>,
    pub genre_index: &'a BTreeMap<String, u16>,
    pub genres: &'a [GenreDef],
}

/// The linked file, and recipe ids to indices.
pub(super) struct Crafting {
    pub stations: Vec<Station>,
    pub recipes: Vec<Recipe>,
    pub index: BTreeMap<String, u8>,
}

pub(super) fn check_recipes(
    file: RecipesFile,
    loc: &Loc,
    l: &Links,
    errors: &mut SchemaErrors,
) -> Crafting {
    let station_ids = index_ids(
        file.stations.iter().map(|s| s.id.as_str()),
        loc,
        "station",
        errors,
    );
    let recipe_ids = index_ids(
        file.recipes.iter().map(|r| r.id.as_str()),
        loc,
        "recipe",
        errors,
    );
    let mut stations = Vec::with_capacity(file.stations.len());
    for s in file.stations {
        let genre = match l
            .genre_index
            .get(&s.genre)
            .and_then(|&g| u8::try_from(g).ok())
        {
            Some(g) => g,
            None => {
                let mut c = Checker {
                    loc,
                    id: &s.id,
                    errors,
                };
                c.unknown_ref(
                    "genre",
                    &s.genre,
                    "no genre has the id",
                    "genres.ron",
                    l.genre_index.keys().map(String::as_str),
                );
                0
            }
        };
        stations.push(Station {
            id: s.id,
            name: s.name,
            genre,
        });
    }
    if file.recipes.len() > MAX_RECIPES {
        errors.push(loc.error(
            0,
            1,
            K::OutOfRange,
            format!(
                "{} recipes is more than the limit of {MAX_RECIPES}",
                file.recipes.len()
            ),
        ));
    }
    let mut recipes = Vec::with_capacity(file.recipes.len());
    for r in file.recipes {
        let mut c = Checker {
            loc,
            id: &r.id,
            errors,
        };
        c.range("chance", r.chance, 1, 100);
        c.range(
            "ingredients",
            i64::try_from(r.ingredients.len()).unwrap_or(i64::MAX),
            1,
            4,
        );
        let station = station_ids
            .get(&r.station)
            .and_then(|&s| u8::try_from(s).ok());
        if station.is_none() {
            c.unknown_ref(
                "station",
                &r.station,
                "no station has the id",
                "recipes.ron",
                station_ids.keys().map(String::as_str),
            );
        }
        let mask = station
            .and_then(|s| stations.get(usize::from(s)))
            .map_or(0, |s: &Station| 1u64 << s.genre);
        let mut ingredients = Vec::with_capacity(r.ingredients.len());
        for (key, n) in &r.ingredients {
            c.range("ingredients", *n, 1, 20);
            if let Some(id) = item_of(&mut c, "ingredients", key, mask, l) {
                ingredients.push((id, *n));
            }
        }
        c.range("result", r.result.1, 1, 20);
        let result = item_of(&mut c, "result", &r.result.0, mask, l);
        if let (Some(station), Some(result)) = (station, result) {
            recipes.push(Recipe {
                id: r.id,
                name: r.name,
                station,
                ingredients,
                result: (result, r.result.1),
                chance: r.chance,
                failure: r.failure,
            });
        }
    }
    check_coverage(&stations, &recipes, loc, l.genres, errors);
    for it in l.items {
        if let ItemKind::Recipe(key) = &it.kind
            && !recipe_ids.contains_key(key)
        {
            let mut c = Checker {
                loc: l.item_loc,
                id: &it.id,
                errors,
            };
            c.unknown_ref(
                "kind",
                key,
                "no recipe has the id",
                "recipes.ron",
                recipe_ids.keys().map(String::as_str),
            );
        }
    }
    // Recipes left out above (bad station or result) are errors already.
    let index = recipes
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((r.id.clone(), u8::try_from(i).ok()?)))
        .collect();
    Crafting {
        stations,
        recipes,
        index,
    }
}

/// Links an item id that must belong to the recipe's genre (`mask`).
fn item_of(c: &mut Checker, field: &str, key: &str, mask: u64, l: &Links) -> Option<ItemId> {
    let Some(&i) = l.item_ids.get(key) else {
        c.unknown_ref(
            field,
            key,
            "no item has the id",
            "items.ron",
            l.item_ids.keys().map(String::as_str),
        );
        return None;
    };
    let own = l.item_masks.get(usize::from(i)).copied().unwrap_or(0);
    if mask != 0 && own & mask == 0 {
        let at = c.loc.within_field(c.loc.entry(c.id, 0), field, key);
        c.errors.push(
            c.loc
                .error(
                    at,
                    key.len(),
                    K::OutOfRange,
                    format!(
                        "`{}` uses `{key}`, which is not of its station's genre",
                        c.id
                    ),
                )
                .with_help("use an item tagged with the station's genre"),
        );
    }
    Some(ItemId(i))
}

/// Every genre has a station and a recipe made at one of its stations.
fn check_coverage(
    stations: &[Station],
    recipes: &[Recipe],
    loc: &Loc,
    genres: &[GenreDef],
    errors: &mut SchemaErrors,
) {
    for (gi, g) in genres.iter().enumerate() {
        let own = |s: u8| {
            stations
                .get(usize::from(s))
                .is_some_and(|s| usize::from(s.genre) == gi)
        };
        let has_station = (0..stations.len()).any(|s| u8::try_from(s).is_ok_and(own));
        let has_recipe = recipes.iter().any(|r| own(r.station));
        if !has_station || !has_recipe {
            errors.push(
                loc.error(
                    0,
                    1,
                    K::MissingContent,
                    format!("the genre `{}` has no crafting station or no recipe", g.id),
                )
                .with_help("add a station with its genre and a recipe made there"),
            );
        }
    }
}

//! Crafting in the view: the sentences for crafting events, their names in
//! headless reports, and the recipe list the crafting screen shows.

use crate::sim::crafting::{CraftEvent, chance, count_of, knows, station_at_hand};
use crate::sim::{PlayerId, Simulation};

use super::frame::Tone;
use super::messages::item_phrase;

/// What the crafting screen shows: the station at hand and known recipes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CraftingHud {
    /// The station on or next to the hero, by name.
    pub station: Option<String>,
    pub recipes: Vec<RecipeLine>,
}

/// One known recipe.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecipeLine {
    /// Its index in the content (what `Action::Craft` takes).
    pub index: u8,
    pub name: String,
    /// "2 potion of healing (have 1)", one per ingredient.
    pub ingredients: Vec<String>,
    /// Whether every ingredient is in the pack.
    pub have_all: bool,
    pub station: String,
    /// Whether the station at hand is the one it needs.
    pub at_station: bool,
    /// The chance of success for this hero, in percent.
    pub chance: u32,
    /// "1 potion of greater healing".
    pub result: String,
}

/// The hero's crafting view.
pub fn crafting_hud(sim: &Simulation, player: PlayerId) -> CraftingHud {
    let Some(hero) = sim.hero(player) else {
        return CraftingHud::default();
    };
    let content = sim.content();
    let here = sim
        .with_level(hero.depth, |l| station_at_hand(l, hero.at))
        .flatten();
    let name_of = |s: u8| {
        content
            .stations
            .get(usize::from(s))
            .map_or_else(String::new, |s| s.name.clone())
    };
    let recipes = content
        .recipes
        .iter()
        .enumerate()
        .filter(|&(i, _)| knows(hero.recipes, i))
        .filter_map(|(i, r)| {
            let have = |item| count_of(&hero.pack, item);
            Some(RecipeLine {
                index: u8::try_from(i).ok()?,
                name: r.name.clone(),
                ingredients: r
                    .ingredients
                    .iter()
                    .map(|&(item, n)| {
                        format!("{} (have {})", item_phrase(content, item, n), have(item))
                    })
                    .collect(),
                have_all: r
                    .ingredients
                    .iter()
                    .all(|&(item, n)| have(item) >= u32::from(n)),
                station: name_of(r.station),
                at_station: here == Some(r.station),
                chance: chance(r.chance, hero.level),
                result: item_phrase(content, r.result.0, r.result.1),
            })
        })
        .collect();
    CraftingHud {
        station: here.map(name_of),
        recipes,
    }
}

/// The sentence for a crafting event the player witnessed.
pub fn describe(e: &CraftEvent, me: PlayerId, sim: &Simulation) -> Option<(String, Tone)> {
    if e.player() != me {
        return None;
    }
    let content = sim.content();
    let recipe = |r: u8| {
        content
            .recipes
            .get(usize::from(r))
            .map_or_else(String::new, |r| r.name.clone())
    };
    Some(match *e {
        CraftEvent::Learned { recipe: r, new, .. } => {
            let text = if new {
                format!("You learn the recipe for {} (craft with C).", recipe(r))
            } else {
                format!("You already knew how to make {}.", recipe(r))
            };
            (text, Tone::Good)
        }
        CraftEvent::Crafted { item, count, .. } => (
            format!("You craft {}.", item_phrase(content, item, count)),
            Tone::Good,
        ),
        CraftEvent::Failed {
            recipe: r,
            lost_all,
            ..
        } => {
            let lost = if lost_all {
                "the ingredients are ruined"
            } else {
                "some ingredients are spoiled"
            };
            (format!("Your {} fails: {lost}.", recipe(r)), Tone::Bad)
        }
    })
}

/// The event's name in headless reports.
pub fn craft_event_name(e: &CraftEvent) -> &'static str {
    match e {
        CraftEvent::Learned { .. } => "recipe_learned",
        CraftEvent::Crafted { .. } => "crafted",
        CraftEvent::Failed { .. } => "craft_failed",
    }
}

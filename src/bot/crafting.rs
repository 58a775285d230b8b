//! How bots craft: they read every recipe item they carry (learning is
//! free once read) and, standing by a station, make whatever known recipe
//! of that station their pack holds the ingredients for.

use crate::sim::crafting::{count_of, knows, station_at_hand};
use crate::sim::query::HeroState;
use crate::sim::{Action, Simulation};

/// The pack slot of a recipe item to read, if the hero carries one.
pub fn recipe_to_read(sim: &Simulation, hero: &HeroState) -> Option<Action> {
    let content = sim.content();
    hero.pack_items()
        .find(|(_, s)| content.recipe_taught_by(s.item).is_some())
        .and_then(|(slot, _)| u8::try_from(slot).ok())
        .map(Action::Use)
}

/// A recipe to make now at the station at hand (crafting takes no time).
pub fn recipe_to_craft(sim: &Simulation, hero: &HeroState) -> Option<Action> {
    if hero.recipes == 0 {
        return None;
    }
    let station = sim
        .with_level(hero.depth, |l| station_at_hand(l, hero.at))
        .flatten()?;
    sim.content()
        .recipes
        .iter()
        .enumerate()
        .find(|&(i, r)| {
            knows(hero.recipes, i)
                && r.station == station
                && r.ingredients
                    .iter()
                    .all(|&(item, n)| count_of(&hero.pack, item) >= u32::from(n))
        })
        .and_then(|(i, _)| u8::try_from(i).ok())
        .map(Action::Craft)
}

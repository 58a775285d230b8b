//! Crafting at a station, carried out as the action arrives (it takes no
//! time, like trade): the hero must know the recipe, stand on or next to a
//! station of its kind and carry the ingredients. Success is rolled from
//! `sim::crafting::chance` on the stream (tick, hero id); a success uses the
//! ingredients and gives the result (into the pack, or at the hero's feet
//! when it is full), a failure loses what the recipe says. Writes
//! `Inventory`.

use specs::shred::ResourceId;
use specs::{Read, ReadExpect, ReadStorage, System, SystemData, World, Write, WriteStorage};

use crate::procgen::seed::{SIM_CRAFT, Stream};
use crate::schema::recipes::Failure;
use crate::sim::action::{Action, PlayerId};
use crate::sim::components::{Health, Inventory, Player, Position, Quality, StableId, stackable};
use crate::sim::crafting::{CraftEvent, chance, has_ingredients, knows, station_at_hand, take};
use crate::sim::event::{EventKind, Refusal, SimEvent};
use crate::sim::resources::{
    Events, Inputs, Levels, Pending, Players, Rules, Spawn, Tick, WorldSeed,
};

#[derive(Default)]
pub struct Sys;

impl Sys {
    pub const NAME: &'static str = "craft";
}

#[derive(SystemData)]
pub struct Data<'a> {
    inputs: Read<'a, Inputs>,
    players: Read<'a, Players>,
    rules: ReadExpect<'a, Rules>,
    levels: Read<'a, Levels>,
    tick: Read<'a, Tick>,
    seed: Read<'a, WorldSeed>,
    events: Write<'a, Events>,
    pending: Write<'a, Pending>,
    ids: ReadStorage<'a, StableId>,
    positions: ReadStorage<'a, Position>,
    healths: ReadStorage<'a, Health>,
    heroes: ReadStorage<'a, Player>,
    inventories: WriteStorage<'a, Inventory>,
}

impl<'a> System<'a> for Sys {
    type SystemData = Data<'a>;

    fn run(&mut self, mut d: Self::SystemData) {
        for i in 0..d.inputs.0.len() {
            let input = d.inputs.0[i];
            let Action::Craft(n) = input.action else {
                continue;
            };
            let Some(e) = d.players.entity(input.player) else {
                continue;
            };
            let (Some(&pos), Some(hero), Some(id)) =
                (d.positions.get(e), d.heroes.get(e), d.ids.get(e))
            else {
                continue;
            };
            if d.healths.get(e).is_none_or(|h| h.is_dead()) {
                continue;
            }
            let (level, known, hero_id) = (hero.level, hero.recipes, id.0);
            let kind = match craft(&mut d, e, pos, (level, known, hero_id), n, input.player) {
                Ok(ev) => EventKind::Craft(ev),
                Err(why) => EventKind::Refused {
                    player: input.player,
                    why,
                },
            };
            d.events.0.push(SimEvent {
                depth: pos.depth,
                at: pos.at,
                kind,
            });
        }
    }
}

/// One attempt; `hero` is (level, known recipes, stable id).
fn craft(
    d: &mut Data,
    e: specs::Entity,
    pos: Position,
    hero: (i32, u64, u64),
    n: u8,
    player: PlayerId,
) -> Result<CraftEvent, Refusal> {
    let content = std::sync::Arc::clone(&d.rules.0);
    let (level, known, hero_id) = hero;
    let recipe = content
        .recipes
        .get(usize::from(n))
        .filter(|_| knows(known, usize::from(n)))
        .ok_or(Refusal::UnknownRecipe)?;
    let station = d
        .levels
        .get(pos.depth)
        .and_then(|l| station_at_hand(l, pos.at))
        .ok_or(Refusal::NoStation)?;
    if station != recipe.station {
        return Err(Refusal::WrongStation);
    }
    let inv = d.inventories.get_mut(e).ok_or(Refusal::NothingThere)?;
    if !has_ingredients(inv, recipe) {
        return Err(Refusal::MissingIngredients);
    }
    let odds = chance(recipe.chance, level);
    let mut rng = Stream::new(d.seed.0, SIM_CRAFT, &[d.tick.0, hero_id]);
    if !rng.percent(odds) {
        let lost_all = recipe.failure == Failure::LoseAll;
        for &(item, count) in &recipe.ingredients {
            take(inv, item, if lost_all { count } else { 1 });
        }
        return Ok(CraftEvent::Failed {
            player,
            recipe: n,
            lost_all,
        });
    }
    for &(item, count) in &recipe.ingredients {
        take(inv, item, count);
    }
    let (item, count) = recipe.result;
    let quality = Quality::default();
    if !inv.add(item, count, quality, stackable(&content, item)) {
        d.pending.spawn.push(Spawn::Item {
            item,
            count,
            quality,
            depth: pos.depth,
            at: pos.at,
        });
    }
    Ok(CraftEvent::Crafted {
        player,
        recipe: n,
        item,
        count,
    })
}

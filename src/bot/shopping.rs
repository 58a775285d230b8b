//! How bots shop. Once a level is explored, a bot carrying junk (gear no
//! better than what it wears, and no ingredient of a recipe it knows) walks
//! to a merchant it has seen; beside one it sells the junk, then buys
//! gear better than its own and healing potions, as far as its gold and
//! pack allow. Each trade leaves less junk, less gold or better gear, so a
//! bot never trades for ever; with nothing left to do it walks on.

use crate::schema::items::{ItemKind, PotionEffect};
use crate::schema::{Content, ItemId};
use crate::sim::algo::grid::Point;
use crate::sim::components::{Stack, stackable};
use crate::sim::crafting::knows;
use crate::sim::price::value_of;
use crate::sim::query::{ActorState, HeroState};
use crate::sim::{Action, PlayerId, Simulation, Who};

use super::gear::beats_worn;

/// Healing potions worth carrying; more are not bought.
const POTIONS_WANTED: u32 = 2;

/// Whether the actor is someone who trades.
pub fn is_merchant(content: &Content, actor: &ActorState) -> bool {
    matches!(actor.who, Who::Monster(kind) if content.monster(kind).trades)
}

/// A trade to make now with the merchant beside the hero, if any: selling
/// junk first (its gold may pay for what comes next), then buying.
pub fn trade(sim: &Simulation, player: PlayerId, hero: &HeroState) -> Option<Action> {
    let (_, wares) = sim.merchant_beside(player)?;
    let content = sim.content();
    if let Some(slot) = junk_slot(hero, content) {
        return Some(Action::Sell(slot));
    }
    wares
        .iter()
        .position(|w| wanted(hero, content, w))
        .and_then(|n| u8::try_from(n).ok())
        .map(Action::Buy)
}

/// The merchants the hero has seen on its level, when it has junk to sell.
pub fn merchants_to_visit(
    sim: &Simulation,
    hero: &HeroState,
    actors: &[ActorState],
    known: impl Fn(Point) -> bool,
) -> Vec<Point> {
    let content = sim.content();
    if junk_slot(hero, content).is_none() {
        return Vec::new();
    }
    actors
        .iter()
        .filter(|a| is_merchant(content, a) && known(a.at))
        .map(|a| a.at)
        .collect()
}

/// A pack slot holding gear the hero will never wear and no recipe it
/// knows needs.
fn junk_slot(hero: &HeroState, content: &Content) -> Option<u8> {
    hero.pack_items()
        .find(|(_, s)| {
            beats_worn(hero, content, s.item) == Some(false) && !needed(hero, content, s.item)
        })
        .and_then(|(i, _)| u8::try_from(i).ok())
}

/// Whether a recipe the hero knows uses the item.
fn needed(hero: &HeroState, content: &Content, item: ItemId) -> bool {
    content
        .recipes
        .iter()
        .enumerate()
        .any(|(i, r)| knows(hero.recipes, i) && r.ingredients.iter().any(|&(x, _)| x == item))
}

/// Whether a ware is worth buying now: affordable, with room in the pack,
/// and better gear or a healing potion the hero is short of.
fn wanted(hero: &HeroState, content: &Content, ware: &Stack) -> bool {
    let price = value_of(content, &ware.piece(), hero.depth).buy;
    let stacks_on = stackable(content, ware.item)
        && hero
            .pack_items()
            .any(|(_, s)| s.item == ware.item && s.quality == ware.quality);
    let room = stacks_on || hero.pack_used() < hero.pack_capacity;
    if price > hero.gold || !room {
        return false;
    }
    match content.item(ware.item).kind {
        ItemKind::Potion(PotionEffect::Heal(_)) => healing_potions(hero, content) < POTIONS_WANTED,
        // One upgrade at a time: the next is judged against it once worn.
        _ => {
            beats_worn(hero, content, ware.item) == Some(true)
                && super::gear::upgrade_slot(hero, content).is_none()
        }
    }
}

/// How many healing potions the hero carries.
fn healing_potions(hero: &HeroState, content: &Content) -> u32 {
    hero.pack_items()
        .filter(|(_, s)| {
            matches!(
                content.item(s.item).kind,
                ItemKind::Potion(PotionEffect::Heal(_))
            )
        })
        .map(|(_, s)| u32::from(s.count))
        .sum()
}

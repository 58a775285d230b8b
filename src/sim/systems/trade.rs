//! Trade with a merchant next to the hero, carried out as it arrives (it
//! takes no time): buying a ware for its price, or selling a pack item for
//! less than the merchant would ask for it (`sim::price`) (the merchant then sells
//! it on). Runs first in a tick, with `character`. Writes `Inventory` and
//! `Merchant`.

use specs::shred::ResourceId;
use specs::{
    Entities, Entity, Join, Read, ReadExpect, ReadStorage, System, SystemData, World, Write,
    WriteStorage,
};

use crate::sim::action::{Action, PlayerId};
use crate::sim::components::{Health, Inventory, Merchant, Position, Stack, stackable};
use crate::sim::event::{EventKind, Refusal, SimEvent};
use crate::sim::price::value_of;
use crate::sim::resources::{Events, Inputs, Players, Rules};

#[derive(Default)]
pub struct Sys;

impl Sys {
    pub const NAME: &'static str = "trade";
}

#[derive(SystemData)]
pub struct Data<'a> {
    entities: Entities<'a>,
    inputs: Read<'a, Inputs>,
    players: Read<'a, Players>,
    rules: ReadExpect<'a, Rules>,
    events: Write<'a, Events>,
    positions: ReadStorage<'a, Position>,
    healths: ReadStorage<'a, Health>,
    inventories: WriteStorage<'a, Inventory>,
    merchants: WriteStorage<'a, Merchant>,
}

impl<'a> System<'a> for Sys {
    type SystemData = Data<'a>;

    fn run(&mut self, mut d: Self::SystemData) {
        for i in 0..d.inputs.0.len() {
            let input = d.inputs.0[i];
            if !matches!(input.action, Action::Buy(_) | Action::Sell(_)) {
                continue;
            }
            let Some(e) = d.players.entity(input.player) else {
                continue;
            };
            let Some(&pos) = d.positions.get(e) else {
                continue;
            };
            if d.healths.get(e).is_none_or(|h| h.is_dead()) {
                continue;
            }
            let kind = match merchant_beside(&d, pos) {
                None => EventKind::Refused {
                    player: input.player,
                    why: Refusal::NoMerchant,
                },
                Some(m) => match input.action {
                    Action::Buy(n) => buy(&mut d, e, m, usize::from(n), pos.depth, input.player),
                    Action::Sell(n) => sell(&mut d, e, m, usize::from(n), pos.depth, input.player),
                    _ => continue,
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

/// A living merchant on a tile next to `pos`.
fn merchant_beside(d: &Data, pos: Position) -> Option<Entity> {
    (&d.entities, &d.merchants, &d.positions, &d.healths)
        .join()
        .find(|(_, _, p, h)| p.depth == pos.depth && p.at.chebyshev(pos.at) == 1 && !h.is_dead())
        .map(|(e, ..)| e)
}

fn buy(d: &mut Data, hero: Entity, m: Entity, n: usize, depth: i32, player: PlayerId) -> EventKind {
    let refused = |why| EventKind::Refused { player, why };
    let content = std::sync::Arc::clone(&d.rules.0);
    let Some(ware) = d.merchants.get(m).and_then(|s| s.stock.get(n)).copied() else {
        return refused(Refusal::NothingThere);
    };
    let price = value_of(&content, &ware.piece(), depth).buy;
    let Some(inv) = d.inventories.get_mut(hero) else {
        return refused(Refusal::NothingThere);
    };
    if inv.gold < price {
        return refused(Refusal::CannotAfford);
    }
    if !inv.add(ware.item, 1, ware.quality, stackable(&content, ware.item)) {
        return refused(Refusal::PackFull);
    }
    inv.gold -= price;
    if let Some(shop) = d.merchants.get_mut(m) {
        take_from(&mut shop.stock, n);
    }
    EventKind::Traded {
        player,
        item: ware.item,
        price: i32::try_from(price).unwrap_or(i32::MAX),
        bought: true,
    }
}

fn sell(
    d: &mut Data,
    hero: Entity,
    m: Entity,
    slot: usize,
    depth: i32,
    player: PlayerId,
) -> EventKind {
    let refused = |why| EventKind::Refused { player, why };
    let content = std::sync::Arc::clone(&d.rules.0);
    let Some(inv) = d.inventories.get_mut(hero) else {
        return refused(Refusal::NothingThere);
    };
    let Some(piece) = inv.take_one(slot) else {
        return refused(Refusal::NothingThere);
    };
    let price = value_of(&content, &piece, depth).sell;
    inv.gold += price;
    if let Some(shop) = d.merchants.get_mut(m) {
        match shop
            .stock
            .iter_mut()
            .find(|s| s.item == piece.item && s.quality == piece.quality)
        {
            Some(s) => s.count = s.count.saturating_add(1),
            None => shop.stock.push(Stack {
                item: piece.item,
                count: 1,
                quality: piece.quality,
            }),
        }
    }
    EventKind::Traded {
        player,
        item: piece.item,
        price: i32::try_from(price).unwrap_or(i32::MAX),
        bought: false,
    }
}

/// One less of ware `n`; a ware sold out leaves the list.
fn take_from(stock: &mut Vec<Stack>, n: usize) {
    if let Some(s) = stock.get_mut(n) {
        s.count = s.count.saturating_sub(1);
        if s.count == 0 {
            stock.remove(n);
        }
    }
}

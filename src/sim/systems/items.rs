//! Items: heroes pick up everything underfoot (gold goes to the purse, and
//! walking onto gold picks it up), drink potions, wield weapons and wear
//! armour (the old piece goes back in the pack), and drop things. Writes
//! `Inventory`, `Combat`, `Health`, `Statuses` and the pool; queues despawns
//! of picked-up items and spawns of dropped ones.

use specs::shred::ResourceId;
use specs::{
    Entities, Entity, Join, Read, ReadExpect, ReadStorage, System, SystemData, World, Write,
    WriteStorage,
};

use crate::schema::items::{ItemKind, PotionEffect};
use crate::schema::{Content, ItemId, StatusKind};
use crate::sim::action::PlayerId;
use crate::sim::components::{
    Combat, FloorItem, Health, Intent, Inventory, Player, Position, StableId,
};
use crate::sim::event::{EventKind, SimEvent, Who};
use crate::sim::hero::effective_combat;
use crate::sim::resources::{ActorOrder, Events, Pending, Rules, Spawn};
use crate::sim::status::{StatusPool, Statuses};

/// Statuses a potion of curing removes.
const CURABLE: u16 =
    StatusKind::Burning.bit() | StatusKind::Poisoned.bit() | StatusKind::Weakened.bit();

#[derive(Default)]
pub struct Sys {
    /// Floor items under a hero, sorted by stable id (reused every tick).
    underfoot: Vec<(u64, Entity)>,
}

impl Sys {
    pub const NAME: &'static str = "items";
}

#[derive(SystemData)]
pub struct Data<'a> {
    entities: Entities<'a>,
    order: Read<'a, ActorOrder>,
    rules: ReadExpect<'a, Rules>,
    events: Write<'a, Events>,
    pending: Write<'a, Pending>,
    pool: Write<'a, StatusPool>,
    intents: ReadStorage<'a, Intent>,
    positions: ReadStorage<'a, Position>,
    floor: ReadStorage<'a, FloorItem>,
    ids: ReadStorage<'a, StableId>,
    players: ReadStorage<'a, Player>,
    inventories: WriteStorage<'a, Inventory>,
    combats: WriteStorage<'a, Combat>,
    healths: WriteStorage<'a, Health>,
    statuses: WriteStorage<'a, Statuses>,
}

impl<'a> System<'a> for Sys {
    type SystemData = Data<'a>;

    fn run(&mut self, mut d: Self::SystemData) {
        let content = std::sync::Arc::clone(&d.rules.0);
        // By index: the helpers below need `d` mutably while we walk the order.
        for i in 0..d.order.0.len() {
            let e = d.order.0[i].1;
            let intent = d.intents.get(e).copied().unwrap_or_default();
            if !matches!(
                intent,
                Intent::PickUp | Intent::Use(_) | Intent::Drop(_) | Intent::Move(_)
            ) {
                continue;
            }
            let (Some(player), Some(&pos)) = (d.players.get(e), d.positions.get(e)) else {
                continue;
            };
            let pid = player.id;
            let ev = |kind| SimEvent {
                depth: pos.depth,
                at: pos.at,
                kind,
            };
            match intent {
                Intent::PickUp => self.pick_up(&mut d, e, pid, pos, &content, false),
                // Walking onto gold pockets it.
                Intent::Move(_) => self.pick_up(&mut d, e, pid, pos, &content, true),
                Intent::Use(slot) => use_item(&mut d, e, pid, usize::from(slot), &content, ev),
                Intent::Drop(slot) => {
                    let Some(inv) = d.inventories.get_mut(e) else {
                        continue;
                    };
                    let slot = usize::from(slot);
                    if let Some(stack) = inv.take_all(slot) {
                        d.pending.spawn.push(Spawn::Item {
                            item: stack.item,
                            count: stack.count,
                            depth: pos.depth,
                            at: pos.at,
                        });
                        d.events.0.push(ev(EventKind::Dropped {
                            player: pid,
                            item: stack.item,
                            count: stack.count,
                        }));
                    }
                }
                _ => {}
            }
        }
    }
}

impl Sys {
    /// Picks up everything at the hero's feet, or only the gold.
    fn pick_up(
        &mut self,
        d: &mut Data,
        e: Entity,
        pid: PlayerId,
        pos: Position,
        content: &Content,
        only_gold: bool,
    ) {
        self.underfoot.clear();
        for (item_e, floor, p, id) in (&d.entities, &d.floor, &d.positions, &d.ids).join() {
            let wanted = !only_gold || matches!(content.item(floor.item).kind, ItemKind::Gold(_));
            if wanted
                && p.depth == pos.depth
                && p.at == pos.at
                && !d.pending.despawn.contains(&item_e)
            {
                self.underfoot.push((id.0, item_e));
            }
        }
        if only_gold && self.underfoot.is_empty() {
            return;
        }
        self.underfoot.sort_unstable();
        let ev = |kind| SimEvent {
            depth: pos.depth,
            at: pos.at,
            kind,
        };
        if self.underfoot.is_empty() {
            d.events
                .0
                .push(ev(EventKind::NothingToPickUp { player: pid }));
            return;
        }
        let Some(inv) = d.inventories.get_mut(e) else {
            return;
        };
        for &(_, item_e) in &self.underfoot {
            let Some(&FloorItem { item, count }) = d.floor.get(item_e) else {
                continue;
            };
            let kind = &content.item(item).kind;
            let taken = match kind {
                ItemKind::Gold(_) => {
                    inv.gold += i64::from(count);
                    d.events.0.push(ev(EventKind::PickedUpGold {
                        player: pid,
                        amount: i32::from(count),
                    }));
                    true
                }
                _ => {
                    let stacks = matches!(kind, ItemKind::Potion(_));
                    let ok = inv.add(item, count, stacks);
                    d.events.0.push(ev(if ok {
                        EventKind::PickedUp {
                            player: pid,
                            item,
                            count,
                        }
                    } else {
                        EventKind::PackFull { player: pid }
                    }));
                    ok
                }
            };
            if taken {
                d.pending.despawn.push(item_e);
            }
        }
    }
}

fn use_item(
    d: &mut Data,
    e: Entity,
    pid: PlayerId,
    slot: usize,
    content: &Content,
    ev: impl Fn(EventKind) -> SimEvent,
) {
    let Some(inv) = d.inventories.get_mut(e) else {
        return;
    };
    let Some(item) = inv.get(slot).map(|s| s.item) else {
        return;
    };
    match &content.item(item).kind {
        ItemKind::Potion(effect) => {
            inv.take_one(slot);
            d.events.0.push(ev(EventKind::Drank { player: pid, item }));
            match effect {
                PotionEffect::Heal(n) => {
                    if let Some(h) = d.healths.get_mut(e) {
                        let amount = h.heal(*n);
                        d.events.0.push(ev(EventKind::Healed {
                            who: Who::Player(pid),
                            amount,
                        }));
                    }
                }
                PotionEffect::Status(spec) => {
                    if let Some(st) = d.statuses.get_mut(e) {
                        d.pool.apply(st, spec);
                        d.events.0.push(ev(EventKind::StatusApplied {
                            target: Who::Player(pid),
                            status: spec.kind,
                        }));
                    }
                }
                PotionEffect::Cure => {
                    if let Some(st) = d.statuses.get_mut(e) {
                        d.pool.remove(st, CURABLE);
                    }
                    d.events.0.push(ev(EventKind::Cured { player: pid }));
                }
            }
        }
        ItemKind::Weapon(_) | ItemKind::Armor(_) => {
            let is_weapon = matches!(content.item(item).kind, ItemKind::Weapon(_));
            inv.take_one(slot);
            let old: Option<ItemId> = if is_weapon {
                inv.weapon.replace(item)
            } else {
                inv.wear(content, item)
            };
            if let Some(old) = old {
                inv.add(old, 1, false);
                d.events.0.push(ev(EventKind::Unequipped {
                    player: pid,
                    item: old,
                }));
            }
            d.events
                .0
                .push(ev(EventKind::Equipped { player: pid, item }));
            if let (Some(player), Some(c)) = (d.players.get(e), d.combats.get_mut(e)) {
                *c = effective_combat(&player.base, inv, content);
            }
        }
        ItemKind::Gold(_) => {}
    }
}

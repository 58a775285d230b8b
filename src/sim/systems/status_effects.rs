//! Status effects: every status of every actor on an active level counts
//! down; burning and poison hurt (softened by resistance), regeneration
//! heals, arcane drain takes mana, each once a second. Writes `Health`, `Statuses` and the pool.

use specs::shred::ResourceId;
use specs::{Read, ReadStorage, System, SystemData, World, Write, WriteStorage};

use super::who;
use crate::schema::StatusKind;
use crate::sim::combat::mitigate;
use crate::sim::components::{Combat, Health, Monster, Player, Position};
use crate::sim::event::{EventKind, SimEvent};
use crate::sim::resources::{ActiveLevels, ActorOrder, Events};
use crate::sim::status::{Pulse, StatusPool, Statuses};

#[derive(Default)]
pub struct Sys;

impl Sys {
    pub const NAME: &'static str = "status_effects";
}

#[derive(SystemData)]
pub struct Data<'a> {
    order: Read<'a, ActorOrder>,
    active: Read<'a, ActiveLevels>,
    events: Write<'a, Events>,
    pool: Write<'a, StatusPool>,
    positions: ReadStorage<'a, Position>,
    combats: ReadStorage<'a, Combat>,
    players: ReadStorage<'a, Player>,
    monsters: ReadStorage<'a, Monster>,
    healths: WriteStorage<'a, Health>,
    statuses: WriteStorage<'a, Statuses>,
    manas: WriteStorage<'a, crate::sim::components::Mana>,
}

impl<'a> System<'a> for Sys {
    type SystemData = Data<'a>;

    fn run(&mut self, mut d: Self::SystemData) {
        for &(_, e) in &d.order.0 {
            let Some(&pos) = d.positions.get(e) else {
                continue;
            };
            if !d.active.contains(pos.depth) {
                continue;
            }
            let (Some(st), Some(health)) = (d.statuses.get_mut(e), d.healths.get_mut(e)) else {
                continue;
            };
            if st.is_empty() || health.is_dead() {
                continue;
            }
            let Some(target) = who(d.players.get(e), d.monsters.get(e)) else {
                continue;
            };
            let resist = d.combats.get(e).map(|c| c.resist).unwrap_or_default();
            let events = &mut d.events.0;
            let mut mana = d.manas.get_mut(e);
            let ev = |kind| SimEvent {
                depth: pos.depth,
                at: pos.at,
                kind,
            };
            d.pool.tick(st, |pulse| match pulse {
                Pulse::Pulse(StatusKind::Regenerating, amount) => {
                    let amount = health.heal(amount);
                    if amount > 0 {
                        events.push(ev(EventKind::StatusPulse {
                            target,
                            status: StatusKind::Regenerating,
                            amount,
                        }));
                    }
                }
                Pulse::Pulse(StatusKind::Drained, amount) => {
                    let amount = mana.as_mut().map_or(0, |m| m.drain(amount));
                    if amount > 0 {
                        events.push(ev(EventKind::Spell(
                            crate::sim::spells::SpellEvent::ManaDrained { target, amount },
                        )));
                    }
                }
                Pulse::Pulse(status, magnitude) => {
                    let Some(element) = status.element() else {
                        return;
                    };
                    let amount = mitigate(magnitude, 0, resist.get(element));
                    if amount > 0 {
                        health.hp -= amount;
                        events.push(ev(EventKind::StatusPulse {
                            target,
                            status,
                            amount,
                        }));
                    }
                }
                Pulse::Ended(status) => events.push(ev(EventKind::StatusEnded { target, status })),
            });
        }
    }
}

//! Player actions: each input becomes the hero's pending action, and a hero
//! with enough energy turns it into an intent. Bumping a monster becomes an
//! attack (waiting for the blow cooldown), bumping a wall costs nothing.
//! Writes `Player::pending`, `Actor` (energy) and `Intent`.

use specs::{Entities, Join, Read, ReadStorage, System, WriteStorage};

use crate::sim::action::Action;
use crate::sim::components::{Actor, Health, Intent, Monster, Player, Position, Summoned};
use crate::sim::resources::{ActiveLevels, Inputs, Levels, Players};

#[derive(Default)]
pub struct Sys;

impl Sys {
    pub const NAME: &'static str = "player_actions";
}

impl<'a> System<'a> for Sys {
    type SystemData = (
        Entities<'a>,
        Read<'a, Inputs>,
        Read<'a, Players>,
        Read<'a, Levels>,
        Read<'a, ActiveLevels>,
        ReadStorage<'a, Position>,
        ReadStorage<'a, Health>,
        ReadStorage<'a, Monster>,
        WriteStorage<'a, Player>,
        WriteStorage<'a, Actor>,
        WriteStorage<'a, Intent>,
        ReadStorage<'a, Summoned>,
    );

    fn run(&mut self, data: Self::SystemData) {
        let (
            entities,
            inputs,
            players,
            levels,
            active,
            positions,
            healths,
            monsters,
            mut heroes,
            mut actors,
            mut intents,
            allies,
        ) = data;
        // Choices that take no time (class, skills, trade, spell slots) are
        // carried out by their own systems.
        for input in inputs.0.iter().filter(|i| !i.action.is_instant()) {
            if let Some(hero) = players.entity(input.player).and_then(|e| heroes.get_mut(e)) {
                hero.pending = Some(input.action);
            }
        }
        for (e, hero, actor, intent, pos, health) in (
            &entities,
            &mut heroes,
            &mut actors,
            &mut intents,
            &positions,
            &healths,
        )
            .join()
        {
            *intent = Intent::None;
            if health.is_dead() {
                hero.pending = None;
                continue;
            }
            if !active.contains(pos.depth) || !actor.ready() {
                continue;
            }
            let Some(action) = hero.pending else { continue };
            let Some(level) = levels.get(pos.depth) else {
                continue;
            };
            let next = match action {
                Action::Move(dir) => {
                    let to = pos.at.step(dir);
                    match level.occupant(to) {
                        // Walking into someone peaceful speaks to them.
                        Some(other) if monsters.get(other).is_some_and(|m| m.peaceful) => {
                            Intent::Talk(other)
                        }
                        // A summoned ally is in the way: wait for it to move.
                        Some(other) if allies.get(other).is_some_and(|s| s.owner.is_some()) => {
                            Intent::None
                        }
                        Some(other) if other != e && monsters.contains(other) => {
                            if actor.attack_cooldown > 0 {
                                // Keep the bump pending until the arm is ready.
                                continue;
                            }
                            Intent::Attack(other)
                        }
                        // Another hero is in the way: nothing happens.
                        Some(other) if other != e => Intent::None,
                        _ if !level.tile(to).is_passable() => Intent::None,
                        _ => Intent::Move(dir),
                    }
                }
                Action::Wait => Intent::Wait,
                Action::PickUp => Intent::PickUp,
                Action::Use(slot) => Intent::Use(slot),
                Action::Drop(slot) => Intent::Drop(slot),
                Action::Descend => Intent::Stairs { down: true },
                Action::Ascend => Intent::Stairs { down: false },
                Action::Fire { .. } if actor.attack_cooldown > 0 => continue,
                Action::Fire { dx: 0, dy: 0 } => Intent::None,
                Action::Fire { dx, dy } => Intent::Fire { dx, dy },
                // Carried out by `character`, `trade`, `craft` and `spellcasting` as
                // they arrive.
                Action::ChooseClass(_)
                | Action::Learn(_)
                | Action::Buy(_)
                | Action::Sell(_)
                | Action::SetSpellSlots { .. }
                | Action::Craft(_) => Intent::None,
                // Decided by `spellcasting`, which runs next.
                Action::Cast { .. } => continue,
            };
            hero.pending = None;
            if next != Intent::None {
                actor.spend();
                *intent = next;
            }
        }
    }
}

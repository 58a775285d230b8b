//! Levelling: a hero whose experience reaches the next threshold gains a
//! level, raising health, attack, defence and accuracy, and heals a third of
//! its health.
//! Writes `Player`, `Combat` and `Health`.

use specs::{Join, ReadExpect, ReadStorage, System, Write, WriteStorage};

use crate::sim::components::{Combat, Health, Inventory, Player, Position};
use crate::sim::event::{EventKind, SimEvent};
use crate::sim::hero::{effective_combat, effective_max_hp, level_up};
use crate::sim::resources::{Events, Rules};

/// Percent of maximum health a level-up heals.
const LEVEL_UP_HEAL_PERCENT: i32 = 33;

#[derive(Default)]
pub struct Sys;

impl Sys {
    pub const NAME: &'static str = "xp";
}

impl<'a> System<'a> for Sys {
    type SystemData = (
        ReadExpect<'a, Rules>,
        Write<'a, Events>,
        ReadStorage<'a, Position>,
        ReadStorage<'a, Inventory>,
        WriteStorage<'a, Player>,
        WriteStorage<'a, Combat>,
        WriteStorage<'a, Health>,
    );

    fn run(
        &mut self,
        (rules, mut events, positions, inventories, mut heroes, mut combats, mut healths): Self::SystemData,
    ) {
        let content = &rules.0;
        let max_level = content.rules.levelling.max_level;
        for (hero, pos, inv, combat, health) in (
            &mut heroes,
            &positions,
            &inventories,
            &mut combats,
            &mut healths,
        )
            .join()
        {
            if hero.dead {
                continue;
            }
            while hero.level < max_level && hero.xp >= content.xp_for_level(hero.level + 1) {
                hero.level += 1;
                hero.skill_points += content.skill_points_per_level;
                level_up(&mut hero.base, &mut hero.base_max_hp, content);
                // The new maximum, and a third of it healed.
                let max = effective_max_hp(hero.base_max_hp, inv, content);
                let gained = max - health.max;
                health.max = max;
                health.hp =
                    (health.hp + gained + health.max * LEVEL_UP_HEAL_PERCENT / 100).min(health.max);
                *combat = effective_combat(&hero.base, inv, content);
                events.0.push(SimEvent {
                    depth: pos.depth,
                    at: pos.at,
                    kind: EventKind::LevelUp {
                        player: hero.id,
                        level: hero.level,
                    },
                });
            }
        }
    }
}

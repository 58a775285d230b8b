//! Death: a monster at zero health dies, drops its loot (gear rolled for
//! rarity and affixes, better from rarer monsters) and gives its
//! experience to the hero who struck last; a slain boss on the deepest level
//! wins the run. A hero at zero health falls. Writes `Player`, level
//! occupants and the pool; queues despawns and loot spawns.

use specs::shred::ResourceId;
use specs::{Read, ReadExpect, ReadStorage, System, SystemData, World, Write, WriteStorage};

use crate::procgen::level::roll_gold;
use crate::procgen::loot;
use crate::procgen::seed::{SIM_LOOT, Stream};
use crate::schema::items::ItemKind;
use crate::sim::components::{Health, Monster, Player, Position};
use crate::sim::event::{EventKind, SimEvent, Who};
use crate::sim::resources::{
    ActorOrder, Events, Levels, Pending, Players, Rules, Spawn, Tick, WorldSeed,
};
use crate::sim::status::{StatusPool, Statuses};

#[derive(Default)]
pub struct Sys;

impl Sys {
    pub const NAME: &'static str = "death";
}

#[derive(SystemData)]
pub struct Data<'a> {
    order: Read<'a, ActorOrder>,
    tick: Read<'a, Tick>,
    seed: Read<'a, WorldSeed>,
    rules: ReadExpect<'a, Rules>,
    players: Read<'a, Players>,
    levels: Write<'a, Levels>,
    events: Write<'a, Events>,
    pending: Write<'a, Pending>,
    pool: Write<'a, StatusPool>,
    positions: ReadStorage<'a, Position>,
    healths: ReadStorage<'a, Health>,
    monsters: ReadStorage<'a, Monster>,
    heroes: WriteStorage<'a, Player>,
    statuses: WriteStorage<'a, Statuses>,
    summoned: ReadStorage<'a, crate::sim::components::Summoned>,
}

impl<'a> System<'a> for Sys {
    type SystemData = Data<'a>;

    fn run(&mut self, mut d: Self::SystemData) {
        let content = std::sync::Arc::clone(&d.rules.0);
        let last_depth = content.rules.dungeon_depth;
        for &(id, e) in &d.order.0 {
            let (Some(&pos), Some(&health)) = (d.positions.get(e), d.healths.get(e)) else {
                continue;
            };
            if !health.is_dead() || d.pending.despawn.contains(&e) {
                continue;
            }
            let ev = |kind| SimEvent {
                depth: pos.depth,
                at: pos.at,
                kind,
            };
            if let Some(hero) = d.heroes.get_mut(e) {
                if !hero.dead {
                    hero.dead = true;
                    hero.pending = None;
                    d.events.0.push(ev(EventKind::Died {
                        who: Who::Player(hero.id),
                        killer: health.last_hit,
                    }));
                    if let Some(st) = d.statuses.get_mut(e) {
                        d.pool.clear(st);
                    }
                    if let Some(level) = d.levels.get_mut(pos.depth) {
                        level.occupants.set(pos.at, None);
                        level.paths_dirty = true;
                    }
                }
                continue;
            }
            let Some(&monster) = d.monsters.get(e) else {
                continue;
            };
            d.events.0.push(ev(EventKind::Died {
                who: Who::Monster(monster.kind),
                killer: health.last_hit,
            }));
            if let Some(st) = d.statuses.get_mut(e) {
                d.pool.clear(st);
            }
            if let Some(level) = d.levels.get_mut(pos.depth)
                && level.occupant(pos.at) == Some(e)
            {
                level.occupants.set(pos.at, None);
            }
            d.pending.despawn.push(e);
            // Summoned creatures leave nothing behind and teach nothing.
            if d.summoned.contains(e) {
                continue;
            }

            let mut rng = Stream::new(d.seed.0, SIM_LOOT, &[d.tick.0, id]);
            for (n, &(item, chance)) in content.loot(monster.kind).iter().enumerate() {
                if !rng.percent(chance) {
                    continue;
                }
                let key = loot::DropKey {
                    item,
                    tick: d.tick.0,
                    monster: id,
                    n: n as u64,
                    depth: pos.depth,
                    rarity: monster.rarity,
                    boss: monster.boss,
                };
                let count = match &content.item(item).kind {
                    ItemKind::Gold(span) => roll_gold(*span, pos.depth, &content, &mut rng),
                    _ => 1,
                };
                d.pending.spawn.push(Spawn::Item {
                    item,
                    count,
                    quality: loot::roll_dropped(&content, d.seed.0, key),
                    depth: pos.depth,
                    at: pos.at,
                });
            }

            // The hero whose side struck last: its summons' kills are its own.
            let Some(pid) = health.credit else {
                continue;
            };
            let Some(hero) = d.players.entity(pid).and_then(|pe| d.heroes.get_mut(pe)) else {
                continue;
            };
            hero.xp += i64::from(monster.xp);
            hero.kills += 1;
            d.events.0.push(ev(EventKind::GainedXp {
                player: pid,
                amount: monster.xp,
            }));
            if monster.boss && pos.depth >= last_depth && !hero.won {
                hero.won = true;
                d.events.0.push(ev(EventKind::Victory { player: pid }));
            }
        }
    }
}

//! Mana and what time does to casters: mana comes back a little every tick
//! on active levels, a hero's maximum grows with its level and it learns
//! its genre's spells as it reaches their levels (with a message), and
//! summoned creatures fade when their time is up.
//! Writes `Mana`, `Spellbook`; queues despawns of faded summons.

use specs::shred::ResourceId;
use specs::{
    Entities, Entity, Join, Read, ReadExpect, ReadStorage, System, SystemData, World, WorldExt,
    Write, WriteStorage,
};

use crate::schema::skills::SkillEffect;
use crate::schema::{Content, MonsterId};
use crate::sim::components::{Health, Mana, Monster, Player, Position, Spellbook, Summoned};
use crate::sim::event::{EventKind, SimEvent};
use crate::sim::resources::{ActiveLevels, Events, Pending, Rules, Tick};
use crate::sim::spells::SpellEvent;

#[derive(Default)]
pub struct Sys;

impl Sys {
    pub const NAME: &'static str = "mana";
}

#[derive(SystemData)]
pub struct Data<'a> {
    entities: Entities<'a>,
    tick: Read<'a, Tick>,
    rules: ReadExpect<'a, Rules>,
    active: Read<'a, ActiveLevels>,
    events: Write<'a, Events>,
    pending: Write<'a, Pending>,
    positions: ReadStorage<'a, Position>,
    healths: ReadStorage<'a, Health>,
    heroes: ReadStorage<'a, Player>,
    monsters: ReadStorage<'a, Monster>,
    summoned: ReadStorage<'a, Summoned>,
    manas: WriteStorage<'a, Mana>,
    books: WriteStorage<'a, Spellbook>,
}

impl<'a> System<'a> for Sys {
    type SystemData = Data<'a>;

    fn run(&mut self, mut d: Self::SystemData) {
        let content = std::sync::Arc::clone(&d.rules.0);
        for (mana, pos) in (&mut d.manas, &d.positions).join() {
            if d.active.contains(pos.depth) {
                mana.regen();
            }
        }
        for (hero, pos, mana, book, health) in (
            &d.heroes,
            &d.positions,
            &mut d.manas,
            &mut d.books,
            &d.healths,
        )
            .join()
        {
            if health.is_dead() {
                continue;
            }
            let max = hero_max_mana(&content, hero.level);
            if max > mana.max {
                mana.current += max - mana.max;
                mana.max = max;
            }
            for &spell in content.hero_spells() {
                let due = content
                    .spell(spell)
                    .learn_level
                    .is_some_and(|l| l <= hero.level);
                if due && book.learn(spell) {
                    d.events.0.push(SimEvent {
                        depth: pos.depth,
                        at: pos.at,
                        kind: EventKind::Spell(SpellEvent::Learned {
                            player: hero.id,
                            spell,
                        }),
                    });
                }
            }
        }
        let tick = d.tick.0;
        for (e, s, m, pos) in (&d.entities, &d.summoned, &d.monsters, &d.positions).join() {
            if tick < s.expires || !d.active.contains(pos.depth) || d.pending.despawn.contains(&e) {
                continue;
            }
            d.pending.despawn.push(e);
            d.events.0.push(SimEvent {
                depth: pos.depth,
                at: pos.at,
                kind: EventKind::Spell(SpellEvent::Faded { monster: m.kind }),
            });
        }
    }
}

/// A hero's maximum mana at `level`.
pub fn hero_max_mana(content: &Content, level: i32) -> i32 {
    let m = content.mana_rules();
    m.base
        .saturating_add(m.per_level.saturating_mul((level - 1).max(0)))
}

/// Gives a new hero full mana and its genre's starting spells, with room
/// reserved for every spell it may learn.
pub fn equip_hero(world: &mut World, e: Entity) {
    let content = std::sync::Arc::clone(&world.read_resource::<Rules>().0);
    // Room for every spell levels teach and every one the world's skills
    // may teach, so learning never allocates mid-game.
    let taught_by_skills = content
        .world_archetypes()
        .flat_map(|a| &content.archetypes[a].skills)
        .filter(|s| matches!(s.effect, SkillEffect::Spell(_)))
        .count();
    let mut book = Spellbook::with_capacity(content.hero_spells().len() + taught_by_skills);
    for &spell in content.hero_spells() {
        if content.spell(spell).learn_level == Some(1) {
            book.learn(spell);
        }
    }
    let regen = content.mana_rules().regen_centi;
    let _ = world
        .write_storage::<Mana>()
        .insert(e, Mana::full(hero_max_mana(&content, 1), regen));
    let _ = world.write_storage::<Spellbook>().insert(e, book);
}

/// Gives a new monster that casts spells its mana and spellbook.
pub fn equip_monster(world: &mut World, e: Entity, kind: MonsterId) {
    let content = std::sync::Arc::clone(&world.read_resource::<Rules>().0);
    let spells = content.monster_spells(kind);
    if spells.is_empty() {
        return;
    }
    let mut book = Spellbook::with_capacity(spells.len());
    for &s in spells {
        book.learn(s);
    }
    let m = content.mana_rules();
    let _ = world
        .write_storage::<Mana>()
        .insert(e, Mana::full(m.monster, m.regen_centi));
    let _ = world.write_storage::<Spellbook>().insert(e, book);
}

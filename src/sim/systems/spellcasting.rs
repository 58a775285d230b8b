//! Heroes deciding to cast: a pending `Cast { slot }` becomes a cast intent
//! once the hero can act, or is refused (unknown or empty slot, cooling
//! down, not enough mana, no foe in sight for an aimed spell) with an event
//! and no time lost. Slot assignments take effect at once.
//! Writes `Player::pending`, `Actor`, `Intent` and `Spellbook` slots.

use specs::shred::ResourceId;
use specs::{
    Entity, Read, ReadExpect, ReadStorage, System, SystemData, World, Write, WriteStorage,
};

use crate::sim::action::Action;
use crate::sim::algo::grid::Point;
use crate::sim::components::{
    Actor, Health, Intent, Mana, Monster, Player, Position, SPELL_SLOTS, Spellbook, StableId,
    Summoned, Vision,
};
use crate::sim::event::{EventKind, SimEvent};
use crate::sim::level::Level;
use crate::sim::resources::{ActiveLevels, Events, Inputs, Levels, Players, Rules, Tick};
use crate::sim::spells::{Refusal, SpellEvent, hostile, nearest_in_sight};

#[derive(Default)]
pub struct Sys;

impl Sys {
    pub const NAME: &'static str = "spellcasting";
}

#[derive(SystemData)]
pub struct Data<'a> {
    inputs: Read<'a, Inputs>,
    players: Read<'a, Players>,
    tick: Read<'a, Tick>,
    rules: ReadExpect<'a, Rules>,
    levels: Read<'a, Levels>,
    active: Read<'a, ActiveLevels>,
    events: Write<'a, Events>,
    positions: ReadStorage<'a, Position>,
    healths: ReadStorage<'a, Health>,
    monsters: ReadStorage<'a, Monster>,
    summoned: ReadStorage<'a, Summoned>,
    visions: ReadStorage<'a, Vision>,
    ids: ReadStorage<'a, StableId>,
    manas: ReadStorage<'a, Mana>,
    heroes: WriteStorage<'a, Player>,
    actors: WriteStorage<'a, Actor>,
    intents: WriteStorage<'a, Intent>,
    books: WriteStorage<'a, Spellbook>,
}

impl<'a> System<'a> for Sys {
    type SystemData = Data<'a>;

    fn run(&mut self, mut d: Self::SystemData) {
        for input in &d.inputs.0 {
            if let Action::SetSpellSlots { slots } = input.action
                && let Some(book) = d
                    .players
                    .entity(input.player)
                    .and_then(|e| d.books.get_mut(e))
            {
                book.assign(slots);
            }
        }
        for i in 0..d.players.0.len() {
            let (pid, e) = d.players.0[i];
            let Some(Action::Cast { slot }) = d.heroes.get(e).and_then(|h| h.pending) else {
                continue;
            };
            let (Some(&pos), Some(health), Some(actor)) =
                (d.positions.get(e), d.healths.get(e), d.actors.get(e))
            else {
                continue;
            };
            if health.is_dead() || !d.active.contains(pos.depth) || !actor.ready() {
                continue;
            }
            let decision = decide(&d, e, pos, usize::from(slot));
            if let Some(hero) = d.heroes.get_mut(e) {
                hero.pending = None;
            }
            match decision {
                Ok(intent) => {
                    if let Some(a) = d.actors.get_mut(e) {
                        a.spend();
                    }
                    if let Some(i) = d.intents.get_mut(e) {
                        *i = intent;
                    }
                }
                Err((spell, reason)) => d.events.0.push(SimEvent {
                    depth: pos.depth,
                    at: pos.at,
                    kind: EventKind::Spell(SpellEvent::Refused {
                        player: pid,
                        spell,
                        reason,
                    }),
                }),
            }
        }
    }
}

type Decision = Result<Intent, (Option<crate::schema::SpellId>, Refusal)>;

/// The intent for casting the spell in `slot`, or why not.
fn decide(d: &Data, e: Entity, pos: Position, slot: usize) -> Decision {
    if slot >= SPELL_SLOTS {
        return Err((None, Refusal::NoSuchSlot));
    }
    let Some((_, known)) = d.books.get(e).and_then(|b| b.in_slot(slot)) else {
        return Err((None, Refusal::EmptySlot));
    };
    let spell = known.spell;
    let def = d.rules.0.spell(spell);
    if known.ready_at > d.tick.0 {
        let ticks = u32::try_from(known.ready_at - d.tick.0).unwrap_or(u32::MAX);
        return Err((Some(spell), Refusal::Cooldown { ticks }));
    }
    let have = d.manas.get(e).map_or(0, |m| m.current);
    if have < def.mana {
        return Err((
            Some(spell),
            Refusal::NoMana {
                need: def.mana,
                have,
            },
        ));
    }
    let needs_foe = def.target.aims() || def.target == crate::schema::spells::Targeting::Enemies;
    let target = if needs_foe {
        let level = d.levels.get(pos.depth);
        let found = level.and_then(|l| nearest_foe(d, e, l, pos.at, def.range));
        match found {
            Some(t) => Some(t),
            None => return Err((Some(spell), Refusal::NoTarget)),
        }
    } else {
        None
    };
    Ok(Intent::Cast { spell, target })
}

/// The nearest hostile monster the hero sees within `range` along an open
/// line.
fn nearest_foe(d: &Data, e: Entity, level: &Level, from: Point, range: i32) -> Option<Entity> {
    let vision = d.visions.get(e)?;
    nearest_in_sight(
        level,
        from,
        range,
        |p, t| vision.sees(p) && hostile(d.monsters.get(t), d.summoned.get(t), d.healths.get(t)),
        |t| d.ids.get(t).map_or(0, |i| i.0),
    )
    .map(|(t, _)| t)
}

//! Monster minds: idle monsters wander until they see a hero (sight is
//! symmetric, so a monster sees exactly the heroes that see it), then hunt
//! along the level's chase map round walls, strike when adjacent, and run
//! down the flee map when badly hurt. They give up a hunt after
//! `hunt_memory` ticks out of sight. Writes `Ai`, `Actor` and `Intent`.

use specs::shred::ResourceId;
use specs::{
    Entity, Read, ReadExpect, ReadStorage, System, SystemData, World, Write, WriteStorage,
};

use crate::procgen::seed::{SIM_AI, Stream};
use crate::schema::spells::SpellKind;
use crate::sim::action::PlayerId;
use crate::sim::algo::grid::{Dir, Point};
use crate::sim::components::{
    Actor, Ai, AiState, Health, Intent, Mana, Monster, Position, Spellbook, Summoned, Vision,
};
use crate::sim::event::{EventKind, SimEvent};
use crate::sim::level::Level;
use crate::sim::projectile::clear_shot;
use crate::sim::resources::{
    ActiveLevels, ActorOrder, Events, Levels, Players, Rules, Tick, WorldSeed,
};
use crate::sim::spells::{Situation, monster_choice};
use crate::sim::status::Statuses;

/// Idle monsters step somewhere at random on this percent of their turns.
const WANDER_PERCENT: u32 = 30;

#[derive(Default)]
pub struct Sys;

impl Sys {
    pub const NAME: &'static str = "ai";
}

#[derive(SystemData)]
pub struct Data<'a> {
    order: Read<'a, ActorOrder>,
    tick: Read<'a, Tick>,
    seed: Read<'a, WorldSeed>,
    rules: ReadExpect<'a, Rules>,
    levels: Read<'a, Levels>,
    players: Read<'a, Players>,
    active: Read<'a, ActiveLevels>,
    positions: ReadStorage<'a, Position>,
    healths: ReadStorage<'a, Health>,
    visions: ReadStorage<'a, Vision>,
    monsters: ReadStorage<'a, Monster>,
    minds: WriteStorage<'a, Ai>,
    actors: WriteStorage<'a, Actor>,
    intents: WriteStorage<'a, Intent>,
    events: Write<'a, Events>,
    summoned: ReadStorage<'a, Summoned>,
    books: ReadStorage<'a, Spellbook>,
    manas: ReadStorage<'a, Mana>,
    statuses: ReadStorage<'a, Statuses>,
}

impl<'a> System<'a> for Sys {
    type SystemData = Data<'a>;

    fn run(&mut self, mut d: Self::SystemData) {
        let hunt_memory = u64::try_from(d.rules.0.rules.hunt_memory).unwrap_or(0);
        let (seed, tick) = (d.seed.0, d.tick.0);
        let stream = |id: u64| Stream::new(seed, SIM_AI, &[tick, id]);
        for &(id, e) in &d.order.0 {
            let (Some(monster), Some(pos), Some(health)) =
                (d.monsters.get(e), d.positions.get(e), d.healths.get(e))
            else {
                continue;
            };
            let (monster, pos, health) = (*monster, *pos, *health);
            // Peaceful figures have minds of their own (`npc`), and heroes'
            // summons follow `systems::allies`.
            let ally = d.summoned.get(e).is_some_and(|s| s.owner.is_some());
            if monster.peaceful || ally || health.is_dead() || !d.active.contains(pos.depth) {
                continue;
            }
            let blinded = d
                .statuses
                .get(e)
                .is_some_and(|s| s.has(crate::schema::StatusKind::Blinded));
            let Some(level) = d.levels.get(pos.depth) else {
                continue;
            };
            let (Some(actor), Some(mind), Some(intent)) = (
                d.actors.get_mut(e),
                d.minds.get_mut(e),
                d.intents.get_mut(e),
            ) else {
                continue;
            };
            *intent = Intent::None;
            if !actor.ready() {
                continue;
            }

            // Perception: the nearest living hero that can see this monster.
            let mut seen: Option<(i32, PlayerId, Entity, Point)> = None;
            for &(pid, pe) in &d.players.0 {
                let (Some(ppos), Some(ph), Some(pv)) =
                    (d.positions.get(pe), d.healths.get(pe), d.visions.get(pe))
                else {
                    continue;
                };
                let dist = ppos.at.dist2(pos.at);
                if ph.is_dead()
                    || (blinded && ppos.at.chebyshev(pos.at) > 1)
                    || ppos.depth != pos.depth
                    || dist > monster.sight * monster.sight + monster.sight
                    || !pv.sees(pos.at)
                {
                    continue;
                }
                if seen.is_none_or(|(best, ..)| dist < best) {
                    seen = Some((dist, pid, pe, ppos.at));
                }
            }
            let ev = |kind| SimEvent {
                depth: pos.depth,
                at: pos.at,
                kind,
            };
            if let Some((_, pid, ..)) = seen {
                if mind.state == AiState::Idle {
                    mind.state = AiState::Hunting;
                    d.events.0.push(ev(EventKind::Noticed {
                        monster: monster.kind,
                        player: pid,
                    }));
                }
                mind.target = Some(pid);
                mind.last_seen = tick;
            } else if mind.state != AiState::Idle
                && tick.saturating_sub(mind.last_seen) > hunt_memory
            {
                mind.state = AiState::Idle;
                mind.target = None;
            }
            if mind.state == AiState::Hunting && health.percent() < monster.flee_below {
                mind.state = AiState::Fleeing;
                d.events.0.push(ev(EventKind::Fled {
                    monster: monster.kind,
                }));
            }

            // The hunted hero, if it is still alive and on this level.
            let target = mind
                .target
                .and_then(|pid| d.players.entity(pid))
                .filter(|&pe| {
                    d.positions.get(pe).is_some_and(|p| p.depth == pos.depth)
                        && d.healths.get(pe).is_some_and(|h| !h.is_dead())
                });
            let adjacent = target.filter(|&pe| {
                d.positions
                    .get(pe)
                    .is_some_and(|p| p.at.chebyshev(pos.at) <= 1)
            });
            let blocked = |p: Point| level.occupant(p).is_some() || !level.is_walkable(p);

            // A ranged attacker shoots a hunted hero in range and in the
            // open, and closes in otherwise.
            let shot = d.rules.0.monster(monster.kind).ranged.as_ref();
            let shoot_at = target.filter(|&pe| {
                let Some((shot, p)) = shot.zip(d.positions.get(pe)) else {
                    return false;
                };
                mind.state == AiState::Hunting
                    && adjacent.is_none()
                    && actor.attack_cooldown == 0
                    && p.at.chebyshev(pos.at) <= shot.range
                    && clear_shot(pos.at, p.at, |q| level.tile(q).is_opaque())
            });
            let caster = Caster {
                book: d.books.get(e),
                mana: d.manas.get(e),
                positions: &d.positions,
                content: &d.rules.0,
                tick,
                summoned: d.summoned.contains(e),
            };
            let cast = caster.choose(mind, target, pos.at, level, health.percent());
            let next = if let Some(intent) = cast {
                intent
            } else if let Some(pe) = shoot_at {
                Intent::Shoot(pe)
            } else if let Some(ally) =
                adjacent_ally(&d.summoned, &d.healths, level, pos.at).filter(|_| {
                    adjacent.is_none()
                        && mind.state == AiState::Hunting
                        && actor.attack_cooldown == 0
                })
            {
                // A hero's summons get in the way: fight them.
                Intent::Attack(ally)
            } else {
                match (mind.state, adjacent) {
                    (AiState::Hunting, Some(pe)) => {
                        if actor.attack_cooldown > 0 {
                            // Wait, ready, for the arm to come back.
                            continue;
                        }
                        Intent::Attack(pe)
                    }
                    (AiState::Hunting, None) => match level.chase.downhill(pos.at, blocked) {
                        Some(dir) => Intent::Move(dir),
                        None => wander(level, pos.at, &mut stream(id), 100),
                    },
                    (AiState::Fleeing, _) => match (level.flee.downhill(pos.at, blocked), adjacent)
                    {
                        (Some(dir), _) => Intent::Move(dir),
                        // Cornered: fight back.
                        (None, Some(pe)) if actor.attack_cooldown == 0 => Intent::Attack(pe),
                        _ => Intent::Wait,
                    },
                    (AiState::Idle, _) => wander(level, pos.at, &mut stream(id), WANDER_PERCENT),
                }
            };
            actor.spend();
            *intent = next;
        }
    }
}

/// What a monster that may cast knows about itself.
struct Caster<'a, 'b> {
    book: Option<&'b Spellbook>,
    mana: Option<&'b Mana>,
    positions: &'b ReadStorage<'a, Position>,
    content: &'b crate::schema::Content,
    tick: u64,
    /// Summoned creatures never summon in turn, so summons cannot breed.
    summoned: bool,
}

impl Caster<'_, '_> {
    /// A spell to cast now, if the monster knows one worth casting (see
    /// `sim::spells::monster_choice`).
    fn choose(
        &self,
        mind: &Ai,
        target: Option<Entity>,
        at: Point,
        level: &Level,
        hp_percent: i32,
    ) -> Option<Intent> {
        let (book, mana) = (self.book?, self.mana?);
        let foe = target
            .filter(|_| mind.state == AiState::Hunting)
            .and_then(|pe| self.positions.get(pe))
            .map(|p| p.at);
        let situation = Situation {
            foe_distance: foe.map(|p| p.chebyshev(at)),
            clear: foe.is_some_and(|p| clear_shot(at, p, |q| level.tile(q).is_opaque())),
            hp_percent,
            mana: mana.current,
            tick: self.tick,
        };
        let content = self.content;
        let spells = book
            .known
            .iter()
            .map(|k| (k.spell, content.spell(k.spell), k.ready_at))
            .filter(|(_, def, _)| !(self.summoned && def.kind == SpellKind::Summon));
        let spell = monster_choice(spells, &situation)?;
        let aims = content.spell(spell).target.aims();
        Some(Intent::Cast {
            spell,
            target: if aims { target } else { None },
        })
    }
}

/// A hero's summoned ally next to `at`, if any (in `Dir::ALL` order).
fn adjacent_ally(
    summoned: &ReadStorage<Summoned>,
    healths: &ReadStorage<Health>,
    level: &Level,
    at: Point,
) -> Option<Entity> {
    Dir::ALL
        .iter()
        .filter_map(|&dir| level.occupant(at.step(dir)))
        .find(|&t| {
            summoned.get(t).is_some_and(|s| s.owner.is_some())
                && healths.get(t).is_some_and(|h| !h.is_dead())
        })
}

/// A random step to a free tile on `percent` of turns; otherwise stand still.
pub(super) fn wander(level: &Level, from: Point, rng: &mut Stream, percent: u32) -> Intent {
    if !rng.percent(percent) {
        return Intent::Wait;
    }
    let dir = Dir::ALL[rng.below(8) as usize];
    let to = from.step(dir);
    if level.is_walkable(to) && level.occupant(to).is_none() {
        Intent::Move(dir)
    } else {
        Intent::Wait
    }
}

//! Spells taking effect: a cast intent pays its mana, starts its cooldown
//! and reaches the actors its targeting covers (self, one foe, a burst, a
//! cone, a line, the caster's side, every foe in the open). Offensive
//! spells land unavoidable blows of their element (with its status), debuffs
//! inflict their status, wind throws foes back, healing heals, defensive and
//! buff spells give their status, summons queue creatures, utility spells
//! reveal the surroundings (light) or jump the caster away.
//! Writes `Mana`, `Spellbook` cooldowns, `Vision` memory and what a blow
//! touches; queues summons and displacements.

use specs::shred::ResourceId;
use specs::{
    Entity, Read, ReadExpect, ReadStorage, System, SystemData, World, Write, WriteStorage,
};

use super::strike::{Blow, Side, Strike};
use crate::procgen::seed::{SIM_SPELL, Stream};
use crate::schema::spells::{Element, SpellDef, SpellKind, Targeting};
use crate::schema::{Span, SpellId};
use crate::sim::algo::grid::{Grid, Point};
use crate::sim::combat::Attack;
use crate::sim::components::{Ai, AiState, Intent, Mana, Spellbook, StableId, Summoned, Vision};
use crate::sim::event::{EventKind, SimEvent, Who};
use crate::sim::level::Level;
use crate::sim::projectile::{clear_shot, line_point};
use crate::sim::resources::{ActorOrder, Levels, Pending, Rules, Spawn, Tick, WorldSeed};
use crate::sim::spells::{Displace, Displacements, SpellEvent, in_cone, knockback};

/// Which roll a spell stream is for (after tick and caster id).
const ROLL_HIT: u64 = 0;
const ROLL_STATUS: u64 = 1;
const ROLL_HEAL: u64 = 2;
const ROLL_SUMMON: u64 = 3;

pub struct Sys {
    /// The actors one cast reaches (reused; reserved for a crowded burst).
    targets: Vec<Entity>,
}

impl Default for Sys {
    fn default() -> Self {
        Self {
            targets: Vec::with_capacity(256),
        }
    }
}

impl Sys {
    pub const NAME: &'static str = "cast";
}

#[derive(SystemData)]
pub struct Data<'a> {
    order: Read<'a, ActorOrder>,
    tick: Read<'a, Tick>,
    seed: Read<'a, WorldSeed>,
    rules: ReadExpect<'a, Rules>,
    levels: Read<'a, Levels>,
    pending: Write<'a, Pending>,
    moves: Write<'a, Displacements>,
    intents: ReadStorage<'a, Intent>,
    ids: ReadStorage<'a, StableId>,
    manas: WriteStorage<'a, Mana>,
    books: WriteStorage<'a, Spellbook>,
    visions: WriteStorage<'a, Vision>,
    strike: Strike<'a>,
}

/// One cast under way.
struct Casting<'d> {
    caster: Entity,
    who: Who,
    side: Side,
    at: Point,
    depth: i32,
    id: u64,
    spell: SpellId,
    def: &'d SpellDef,
    tick: u64,
    seed: u64,
}

impl Casting<'_> {
    fn stream(&self, roll: u64, n: u64) -> Stream {
        Stream::new(self.seed, SIM_SPELL, &[self.tick, self.id, roll, n])
    }
}

impl<'a> System<'a> for Sys {
    type SystemData = Data<'a>;

    fn run(&mut self, mut d: Self::SystemData) {
        let content = std::sync::Arc::clone(&d.rules.0);
        for i in 0..d.order.0.len() {
            let (id, e) = d.order.0[i];
            let Some(&Intent::Cast { spell, target }) = d.intents.get(e) else {
                continue;
            };
            let s = &d.strike;
            let (Some(&pos), Some(who), Some(side)) = (s.positions.get(e), s.who(e), s.side(e))
            else {
                continue;
            };
            if s.healths.get(e).is_none_or(|h| h.is_dead()) {
                continue;
            }
            let def = content.spell(spell);
            let Some(mana) = d.manas.get_mut(e).filter(|m| m.current >= def.mana) else {
                continue;
            };
            mana.current -= def.mana;
            if let Some(k) = d.books.get_mut(e).and_then(|b| b.entry_mut(spell)) {
                k.ready_at = d.tick.0 + u64::from(def.cooldown);
            }
            let c = Casting {
                caster: e,
                who,
                side,
                at: pos.at,
                depth: pos.depth,
                id,
                spell,
                def,
                tick: d.tick.0,
                seed: d.seed.0,
            };
            let aimed = target.filter(|&t| {
                d.strike
                    .positions
                    .get(t)
                    .is_some_and(|p| p.depth == pos.depth)
            });
            let target_who = aimed.and_then(|t| d.strike.who(t));
            d.strike.events.0.push(SimEvent {
                depth: pos.depth,
                at: pos.at,
                kind: EventKind::Spell(SpellEvent::Cast {
                    caster: who,
                    spell,
                    target: target_who,
                }),
            });
            match def.kind {
                SpellKind::Summon => summon(&mut d, &c, &content),
                SpellKind::Utility => utility(&mut d, &c),
                _ => {
                    let aim = aimed.and_then(|t| d.strike.positions.get(t)).map(|p| p.at);
                    self.gather(&d, &c, aimed, aim);
                    for n in 0..self.targets.len() {
                        let t = self.targets[n];
                        affect(&mut d, &c, t);
                    }
                }
            }
        }
    }
}

impl Sys {
    /// Fills `targets` with whom the spell's targeting reaches.
    fn gather(&mut self, d: &Data, c: &Casting, aimed: Option<Entity>, aim: Option<Point>) {
        self.targets.clear();
        let s = &d.strike;
        let Some(level) = d.levels.get(c.depth) else {
            return;
        };
        let opaque = |q: Point| level.tile(q).is_opaque();
        let range = c.def.range;
        let foe = |t: Entity| {
            s.side(t).is_some_and(|side| side != c.side)
                && s.healths.get(t).is_some_and(|h| !h.is_dead())
        };
        let friend = |t: Entity| s.side(t) == Some(c.side);
        let square =
            |centre: Point, r: i32, out: &mut Vec<Entity>, keep: &dyn Fn(Point, Entity) -> bool| {
                for y in centre.y - r..=centre.y + r {
                    for x in centre.x - r..=centre.x + r {
                        let q = Point::new(x, y);
                        if let Some(t) = level.occupant(q)
                            && keep(q, t)
                        {
                            out.push(t);
                        }
                    }
                }
            };
        match c.def.target {
            Targeting::Caster => self.targets.push(c.caster),
            Targeting::Single => {
                if let (Some(t), Some(p)) = (aimed, aim)
                    && foe(t)
                    && p.chebyshev(c.at) <= range
                    && clear_shot(c.at, p, opaque)
                {
                    self.targets.push(t);
                }
            }
            Targeting::Area => {
                let Some(centre) = aim.filter(|p| p.chebyshev(c.at) <= range) else {
                    return;
                };
                let r = i32::from(c.def.radius);
                square(centre, r, &mut self.targets, &|q, t| {
                    foe(t) && clear_shot(centre, q, opaque)
                });
            }
            Targeting::Cone => {
                let Some(p) = aim else { return };
                let dir = (p.x - c.at.x, p.y - c.at.y);
                square(c.at, range, &mut self.targets, &|q, t| {
                    foe(t)
                        && in_cone(dir, (q.x - c.at.x, q.y - c.at.y))
                        && clear_shot(c.at, q, opaque)
                });
            }
            Targeting::Line => {
                let Some(p) = aim else { return };
                let delta = (p.x - c.at.x, p.y - c.at.y);
                for n in 1..=range {
                    let q = line_point(c.at, delta, n);
                    if opaque(q) {
                        break;
                    }
                    if let Some(t) = level.occupant(q).filter(|&t| foe(t)) {
                        self.targets.push(t);
                    }
                }
            }
            Targeting::Allies => square(c.at, range, &mut self.targets, &|q, t| {
                friend(t) && clear_shot(c.at, q, opaque)
            }),
            Targeting::Enemies => square(c.at, range, &mut self.targets, &|q, t| {
                foe(t) && clear_shot(c.at, q, opaque)
            }),
        }
    }
}

/// What the spell does to one actor it reaches.
fn affect(d: &mut Data, c: &Casting, t: Entity) {
    let tid = d.ids.get(t).map_or(0, |i| i.0);
    let s = &mut d.strike;
    match c.def.kind {
        SpellKind::Offensive => {
            let Some(base) = s.attack_of(c.caster) else {
                return;
            };
            let blow = Blow {
                attacker: c.who,
                credit: s.credit_of(c.caster),
                attack: Attack {
                    damage: c.def.power,
                    damage_type: c.def.element.damage_type(),
                    attack: base.attack - s.combats.get(c.caster).map_or(0, |x| x.attack),
                    ..base
                },
                on_hit: c.def.status,
                unavoidable: true,
                tick: c.tick,
            };
            let (mut hit, mut status) = (c.stream(ROLL_HIT, tid), c.stream(ROLL_STATUS, tid));
            if s.land(&blow, t, &mut hit, &mut status) {
                knock(d, c, t);
            }
        }
        SpellKind::Debuff => {
            s.provoke(t, c.who, c.tick);
            if let Some(spec) = c.def.status {
                s.inflict(t, &spec, &mut c.stream(ROLL_STATUS, tid));
            }
            knock(d, c, t);
        }
        SpellKind::Healing => {
            let amount = roll(c.def.power, &mut c.stream(ROLL_HEAL, tid));
            let (Some(&p), Some(who)) = (s.positions.get(t), s.who(t)) else {
                return;
            };
            let Some(h) = s.healths.get_mut(t) else {
                return;
            };
            let amount = h.heal(amount);
            s.events.0.push(SimEvent {
                depth: p.depth,
                at: p.at,
                kind: EventKind::Healed { who, amount },
            });
        }
        SpellKind::Defensive | SpellKind::Buff => {
            if let Some(spec) = c.def.status {
                s.inflict(t, &spec, &mut c.stream(ROLL_STATUS, tid));
            }
        }
        SpellKind::Summon | SpellKind::Utility => {}
    }
}

fn roll(span: Span, rng: &mut Stream) -> i32 {
    rng.range(span.min(), span.max())
}

/// Wind throws a surviving foe back from the caster.
fn knock(d: &mut Data, c: &Casting, t: Entity) {
    let tiles = c.def.element.knockback();
    let s = &d.strike;
    if tiles == 0 || s.healths.get(t).is_none_or(|h| h.is_dead()) {
        return;
    }
    let (Some(&p), Some(level), Some(who)) = (s.positions.get(t), d.levels.get(c.depth), s.who(t))
    else {
        return;
    };
    let free = |q: Point| level.is_walkable(q) && level.occupant(q).is_none();
    if let Some(to) = knockback(c.at, p.at, tiles, free) {
        d.moves.0.push(Displace {
            entity: t,
            to,
            knocked: true,
        });
        d.strike.events.0.push(SimEvent {
            depth: p.depth,
            at: p.at,
            kind: EventKind::Spell(SpellEvent::KnockedBack { target: who }),
        });
    }
}

/// Queues the creatures a summon calls up around the caster.
fn summon(d: &mut Data, c: &Casting, content: &crate::schema::Content) {
    let (Some(kind), Some(def)) = (content.summon_of(c.spell), c.def.summon.as_ref()) else {
        return;
    };
    let count = roll(def.count, &mut c.stream(ROLL_SUMMON, 0)).max(1);
    let (owner, hunt) = match c.who {
        Who::Player(p) => (Some(p), None),
        _ => (None, d.strike.minds.get(c.caster).and_then(|m| m.target)),
    };
    for _ in 0..count {
        d.pending.spawn.push(Spawn::Summon {
            kind,
            depth: c.depth,
            at: c.at,
            owner,
            hunt,
            expires: c.tick + u64::from(def.duration),
            by: c.who,
        });
    }
}

/// Light shows a hero the ground within range; any other element jumps the
/// caster to the open tile in range farthest from its nearest foe.
fn utility(d: &mut Data, c: &Casting) {
    let Some(level) = d.levels.get(c.depth) else {
        return;
    };
    let r = c.def.range;
    if c.def.element == Element::Light {
        let Who::Player(player) = c.who else { return };
        if let Some(v) = d.visions.get_mut(c.caster) {
            reveal_around(level, v, c.depth, c.at, r);
        }
        d.strike.events.0.push(SimEvent {
            depth: c.depth,
            at: c.at,
            kind: EventKind::Spell(SpellEvent::Revealed { player }),
        });
        return;
    }
    let s = &d.strike;
    let opaque = |q: Point| level.tile(q).is_opaque();
    let mut threat = c.at;
    let mut nearest = i32::MAX;
    for y in c.at.y - r..=c.at.y + r {
        for x in c.at.x - r..=c.at.x + r {
            let q = Point::new(x, y);
            let near_foe = level
                .occupant(q)
                .and_then(|t| s.side(t))
                .is_some_and(|side| side != c.side);
            if near_foe && q.chebyshev(c.at) < nearest {
                (threat, nearest) = (q, q.chebyshev(c.at));
            }
        }
    }
    let mut best: Option<(i32, Point)> = None;
    for y in c.at.y - r..=c.at.y + r {
        for x in c.at.x - r..=c.at.x + r {
            let q = Point::new(x, y);
            if !level.is_walkable(q) || level.occupant(q).is_some() || !clear_shot(c.at, q, opaque)
            {
                continue;
            }
            let score = q.dist2(threat);
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, q));
            }
        }
    }
    if let Some((_, to)) = best {
        d.moves.0.push(Displace {
            entity: c.caster,
            to,
            knocked: false,
        });
        d.strike.events.0.push(SimEvent {
            depth: c.depth,
            at: c.at,
            kind: EventKind::Spell(SpellEvent::Blinked { who: c.who }),
        });
    }
}

/// Marks as explored every tile within `r` of `at` that is open or borders
/// an open tile.
fn reveal_around(level: &Level, v: &mut Vision, depth: i32, at: Point, r: i32) {
    let (w, h) = (level.width(), level.height());
    let seen = v
        .explored
        .entry(depth)
        .or_insert_with(|| Grid::new(w, h, false));
    for y in at.y - r..=at.y + r {
        for x in at.x - r..=at.x + r {
            let p = Point::new(x, y);
            let open = |q: Point| level.tile(q).is_walkable();
            if p.chebyshev(at) <= r
                && (open(p)
                    || crate::sim::algo::grid::Dir::ALL
                        .iter()
                        .any(|&dir| open(p.step(dir))))
            {
                seen.set(p, true);
            }
        }
    }
    v.dirty = true;
}

/// Marks a freshly spawned creature as summoned: an ally of `owner`, or a
/// foe already hunting `hunt`; and says it arrived.
pub fn summoned(
    world: &mut World,
    e: Entity,
    owner: Option<crate::sim::action::PlayerId>,
    hunt: Option<crate::sim::action::PlayerId>,
    expires: u64,
    by: Who,
) {
    use specs::WorldExt;
    let _ = world
        .write_storage::<Summoned>()
        .insert(e, Summoned { owner, expires });
    if let Some(mind) = world.write_storage::<Ai>().get_mut(e)
        && owner.is_none()
    {
        mind.state = AiState::Hunting;
        mind.target = hunt;
        mind.last_seen = world.read_resource::<Tick>().0;
    }
    let pos = world
        .read_storage::<crate::sim::components::Position>()
        .get(e)
        .copied();
    let kind = world
        .read_storage::<crate::sim::components::Monster>()
        .get(e)
        .map(|m| m.kind);
    if let (Some(p), Some(monster)) = (pos, kind) {
        world
            .write_resource::<crate::sim::resources::Events>()
            .0
            .push(SimEvent {
                depth: p.depth,
                at: p.at,
                kind: EventKind::Spell(SpellEvent::Summoned { by, monster }),
            });
    }
}

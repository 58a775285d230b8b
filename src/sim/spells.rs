//! The pure rules of spellcasting: what a cast may be refused for, the
//! events spells make, the shape of a cone, how far a knockback carries,
//! and which spell a monster picks. The systems that use them are
//! `systems::spellcasting` (heroes decide), `systems::cast` (spells take
//! effect), `systems::displace` (knockbacks and jumps), `systems::mana`
//! (regeneration, learning, summons fading) and `systems::allies`.

use serde::{Deserialize, Serialize};
use specs::{Entity, World};

use super::action::PlayerId;
use super::algo::grid::Point;
use super::components::{Health, Monster, Summoned};
use super::event::Who;
use super::level::Level;
use super::projectile::clear_shot;
use crate::schema::spells::{SpellDef, SpellKind, Targeting};
use crate::schema::{MonsterId, SpellId};

/// Why a hero's cast was refused (it then costs no time).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    /// Not one of the five hotkey slots.
    NoSuchSlot,
    /// No spell in that slot.
    EmptySlot,
    /// Still cooling down for this many ticks.
    Cooldown { ticks: u32 },
    /// Not enough mana.
    NoMana { need: i32, have: i32 },
    /// An aimed spell with no foe in sight and range.
    NoTarget,
}

/// What casting did, for messages, sounds and tests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SpellEvent {
    /// A spell was cast (at `target` when it aims).
    Cast {
        caster: Who,
        spell: SpellId,
        target: Option<Who>,
    },
    Refused {
        player: PlayerId,
        spell: Option<SpellId>,
        reason: Refusal,
    },
    /// A creature answered a summons.
    Summoned { by: Who, monster: MonsterId },
    /// A summoned creature's time ran out.
    Faded { monster: MonsterId },
    /// Wind threw someone back.
    KnockedBack { target: Who },
    /// The caster jumped away.
    Blinked { who: Who },
    /// Light showed a hero its surroundings.
    Revealed { player: PlayerId },
    /// Arcane drain took mana away.
    ManaDrained { target: Who, amount: i32 },
    /// A hero learned a spell on reaching a level.
    Learned { player: PlayerId, spell: SpellId },
}

/// A move a spell imposes, carried out after the casts of the tick.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Displace {
    pub entity: Entity,
    pub to: Point,
    /// A knockback (otherwise the caster's own jump).
    pub knocked: bool,
}

/// The moves queued this tick (reserved, reused).
#[derive(Clone, Debug, Default)]
pub struct Displacements(pub Vec<Displace>);

/// Inserts the resources spellcasting needs.
pub fn insert_resources(world: &mut World) {
    world.insert(Displacements(Vec::with_capacity(64)));
}

/// Whether offset `d` lies in the quarter-circle facing `aim` (45 degrees
/// either side), in integers: `d . aim > 0` and `2 (d . aim)^2 >= |d|^2 |aim|^2`.
pub fn in_cone(aim: (i32, i32), d: (i32, i32)) -> bool {
    let dot = i64::from(aim.0) * i64::from(d.0) + i64::from(aim.1) * i64::from(d.1);
    let len2 = |v: (i32, i32)| i64::from(v.0).pow(2) + i64::from(v.1).pow(2);
    dot > 0 && 2 * dot * dot >= len2(aim) * len2(d)
}

/// Where a knockback of `tiles` from `from`, away from `source`, ends: it
/// stops before the first tile that is not `free`. `None` when it cannot
/// move at all.
pub fn knockback(
    source: Point,
    from: Point,
    tiles: i32,
    free: impl Fn(Point) -> bool,
) -> Option<Point> {
    let step = ((from.x - source.x).signum(), (from.y - source.y).signum());
    if step == (0, 0) {
        return None;
    }
    let mut at = from;
    for _ in 0..tiles {
        let next = Point::new(at.x + step.0, at.y + step.1);
        if !free(next) {
            break;
        }
        at = next;
    }
    (at != from).then_some(at)
}

/// Whether an actor is a living hostile monster: not peaceful, not a
/// hero's summon.
pub fn hostile(
    monster: Option<&Monster>,
    summoned: Option<&Summoned>,
    health: Option<&Health>,
) -> bool {
    monster.is_some_and(|m| !m.peaceful)
        && summoned.is_none_or(|s| s.owner.is_none())
        && health.is_some_and(|h| !h.is_dead())
}

/// The nearest actor within `range` of `from` (Chebyshev) that `accept`
/// takes and that a straight open line reaches; ties go to the lowest
/// `id`, so the choice is the same on every machine.
pub fn nearest_in_sight(
    level: &Level,
    from: Point,
    range: i32,
    accept: impl Fn(Point, Entity) -> bool,
    id: impl Fn(Entity) -> u64,
) -> Option<(Entity, Point)> {
    let mut best: Option<((i32, u64), Entity, Point)> = None;
    for y in from.y - range..=from.y + range {
        for x in from.x - range..=from.x + range {
            let p = Point::new(x, y);
            let Some(t) = level.occupant(p) else {
                continue;
            };
            if !accept(p, t) || !clear_shot(from, p, |q| level.tile(q).is_opaque()) {
                continue;
            }
            let key = (p.chebyshev(from), id(t));
            if best.is_none_or(|(k, ..)| key < k) {
                best = Some((key, t, p));
            }
        }
    }
    best.map(|(_, t, p)| (t, p))
}

/// What a monster knows when it considers casting.
#[derive(Clone, Copy, Debug)]
pub struct Situation {
    /// Tiles to the hunted hero, if it hunts one in sight.
    pub foe_distance: Option<i32>,
    /// Whether a straight line to that hero is open.
    pub clear: bool,
    pub hp_percent: i32,
    pub mana: i32,
    pub tick: u64,
}

/// Monsters heal below this percent of health.
pub const MONSTER_HEAL_BELOW: i32 = 50;

/// The first of a monster's spells (in its order of preference) that is
/// ready, affordable and worth casting now; healing comes first when hurt.
pub fn monster_choice<'a>(
    spells: impl Iterator<Item = (SpellId, &'a SpellDef, u64)> + Clone,
    s: &Situation,
) -> Option<SpellId> {
    let usable = |def: &SpellDef, ready_at: u64| s.tick >= ready_at && s.mana >= def.mana;
    if s.hp_percent < MONSTER_HEAL_BELOW
        && let Some((id, ..)) = spells
            .clone()
            .find(|(_, d, r)| d.kind == SpellKind::Healing && usable(d, *r))
    {
        return Some(id);
    }
    let dist = s.foe_distance?;
    spells
        .filter(|(_, d, r)| usable(d, *r))
        .find(|(_, d, _)| match d.kind {
            SpellKind::Offensive | SpellKind::Debuff => {
                dist <= d.range && (s.clear || d.target == Targeting::Enemies)
            }
            SpellKind::Summon | SpellKind::Defensive | SpellKind::Buff => dist <= 6,
            SpellKind::Healing | SpellKind::Utility => false,
        })
        .map(|(id, ..)| id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cone_is_a_quarter_circle_towards_its_aim() {
        assert!(in_cone((3, 0), (1, 0)));
        assert!(in_cone((3, 0), (2, 2)), "45 degrees is inside");
        assert!(in_cone((3, 0), (2, -2)));
        assert!(!in_cone((3, 0), (1, 2)), "more than 45 degrees off");
        assert!(!in_cone((3, 0), (-1, 0)), "behind");
        assert!(!in_cone((3, 0), (0, 0)));
        assert!(in_cone((2, 2), (0, 3)), "diagonal aims cover both axes");
    }

    #[test]
    fn monsters_heal_when_hurt_and_attack_in_range_when_ready() {
        let content = crate::schema::load_defaults().expect("defaults load");
        let id = |k: &str| content.spell_id(k).expect(k);
        let (heal, hex) = (id("hearthmend"), id("hex_bolt"));
        let book = [(heal, content.spell(heal), 0), (hex, content.spell(hex), 0)];
        let mut s = Situation {
            foe_distance: Some(3),
            clear: true,
            hp_percent: 100,
            mana: 30,
            tick: 10,
        };
        assert_eq!(monster_choice(book.into_iter(), &s), Some(hex));
        s.hp_percent = 20;
        assert_eq!(monster_choice(book.into_iter(), &s), Some(heal));
        s.hp_percent = 100;
        s.clear = false;
        assert_eq!(
            monster_choice(book.into_iter(), &s),
            None,
            "a wall in the way"
        );
        s.clear = true;
        s.foe_distance = Some(50);
        assert_eq!(monster_choice(book.into_iter(), &s), None, "out of range");
        s.foe_distance = Some(2);
        let cooling = [(hex, content.spell(hex), 99)];
        assert_eq!(
            monster_choice(cooling.into_iter(), &s),
            None,
            "cooling down"
        );
        s.mana = 0;
        assert_eq!(monster_choice(book.into_iter(), &s), None, "no mana");
    }

    #[test]
    fn knockback_stops_at_walls_and_needs_a_direction() {
        let free = |p: Point| p.x < 5;
        let s = Point::new(0, 0);
        assert_eq!(
            knockback(s, Point::new(2, 0), 2, free),
            Some(Point::new(4, 0))
        );
        assert_eq!(
            knockback(s, Point::new(3, 0), 2, free),
            Some(Point::new(4, 0))
        );
        assert_eq!(knockback(s, Point::new(4, 0), 2, free), None);
        assert_eq!(knockback(s, s, 2, |_| true), None);
        assert_eq!(
            knockback(s, Point::new(1, 1), 2, |_| true),
            Some(Point::new(3, 3))
        );
    }
}

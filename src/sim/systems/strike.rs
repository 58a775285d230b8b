//! Landing one blow, whatever delivered it (a sword, an arrow, a blast):
//! roll the combat formula against the target's defence, wake a struck
//! monster and set it on its attacker, take the damage off, and maybe
//! inflict the attacker's on-hit status. Shared by melee and ranged so both
//! follow the same rules. Not a system itself: systems embed [`Strike`].

use crate::sim::action::PlayerId;
use specs::shred::ResourceId;
use specs::{Entity, ReadStorage, SystemData, World, Write, WriteStorage};

use super::who;
use crate::procgen::seed::Stream;
use crate::schema::StatusKind;
use crate::schema::StatusSpec;
use crate::sim::combat::{self, Attack, Defence, Outcome};
use crate::sim::components::{Ai, AiState, Combat, Health, Monster, Player, Position, Summoned};
use crate::sim::event::{EventKind, SimEvent, Who};
use crate::sim::resources::{Events, Players};
use crate::sim::status::{StatusPool, Statuses};

/// Accuracy that cancels the most evasion a schema may give.
const UNDODGEABLE: i32 = 1000;

/// The storages a blow touches.
#[derive(SystemData)]
pub struct Strike<'a> {
    pub events: Write<'a, Events>,
    pub pool: Write<'a, StatusPool>,
    pub positions: ReadStorage<'a, Position>,
    pub combats: ReadStorage<'a, Combat>,
    pub players: ReadStorage<'a, Player>,
    pub monsters: ReadStorage<'a, Monster>,
    pub healths: WriteStorage<'a, Health>,
    pub statuses: WriteStorage<'a, Statuses>,
    pub minds: WriteStorage<'a, Ai>,
    pub summoned: ReadStorage<'a, Summoned>,
    pub heroes: specs::Read<'a, Players>,
}

/// The two sides of every fight: heroes with the creatures they summoned,
/// and hostile monsters. Peaceful monsters are on neither.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Heroes,
    Monsters,
}

/// Accuracy a blinded attacker loses.
const BLINDED_ACCURACY: i32 = 40;

/// One blow on its way: who strikes, how hard, and the rolls to use.
pub struct Blow {
    pub attacker: Who,
    /// The hero credited if it kills (see `Strike::credit_of`).
    pub credit: Option<PlayerId>,
    pub attack: Attack,
    pub on_hit: Option<StatusSpec>,
    /// A blast cannot be dodged.
    pub unavoidable: bool,
    pub tick: u64,
}

impl Strike<'_> {
    /// A hero whose gear drains life regains it when a blow lands.
    fn drain_life(&mut self, blow: &Blow) {
        let Who::Player(pid) = blow.attacker else {
            return;
        };
        if blow.attack.life_on_hit <= 0 {
            return;
        }
        if let Some(h) = self
            .heroes
            .entity(pid)
            .and_then(|e| self.healths.get_mut(e))
            && !h.is_dead()
        {
            h.heal(blow.attack.life_on_hit);
        }
    }

    /// The hero credited with what `e` kills: the hero itself, or the one
    /// who summoned it.
    pub fn credit_of(&self, e: Entity) -> Option<PlayerId> {
        self.players
            .get(e)
            .map(|p| p.id)
            .or_else(|| self.summoned.get(e).and_then(|s| s.owner))
    }

    /// Who an entity is, for events.
    pub fn who(&self, e: Entity) -> Option<Who> {
        who(self.players.get(e), self.monsters.get(e))
    }

    /// The side an entity fights on, if any.
    pub fn side(&self, e: Entity) -> Option<Side> {
        if self.players.contains(e) || self.summoned.get(e).is_some_and(|s| s.owner.is_some()) {
            Some(Side::Heroes)
        } else {
            self.monsters
                .get(e)
                .filter(|m| !m.peaceful)
                .map(|_| Side::Monsters)
        }
    }

    /// The magnitude of a status on an actor (0 when it has none).
    pub fn magnitude(&self, e: Entity, kind: StatusKind) -> i32 {
        self.statuses
            .get(e)
            .and_then(|st| self.pool.get(st, kind))
            .map_or(0, |s| s.magnitude)
    }

    /// The blow `e` deals with its own stats: weakness, empowerment and
    /// blindness included.
    pub fn attack_of(&self, e: Entity) -> Option<Attack> {
        let weakened = crate::sim::status::weakened(self.statuses.get(e));
        let mut a = self.combats.get(e)?.attack(weakened);
        a.attack += self.magnitude(e, StatusKind::Empowered);
        if self
            .statuses
            .get(e)
            .is_some_and(|s| s.has(StatusKind::Blinded))
        {
            a.accuracy -= BLINDED_ACCURACY;
        }
        Some(a)
    }

    /// Wakes a struck monster and sets it on the hero who struck.
    pub fn provoke(&mut self, target: Entity, by: Who, tick: u64) {
        if let (Some(mind), Who::Player(pid)) = (self.minds.get_mut(target), by) {
            if mind.state == AiState::Idle {
                mind.state = AiState::Hunting;
            }
            if mind.state == AiState::Hunting {
                mind.target = Some(pid);
                mind.last_seen = tick;
            }
        }
    }

    /// Inflicts a status with its chance (drawn from `roll`), unless the
    /// target is immune to its element. Returns whether it took hold anew.
    pub fn inflict(&mut self, target: Entity, spec: &StatusSpec, roll: &mut Stream) -> bool {
        let (Some(&to), Some(defender)) = (self.positions.get(target), self.who(target)) else {
            return false;
        };
        let resist = self
            .combats
            .get(target)
            .map(|c| c.resist)
            .unwrap_or_default();
        // Immunity to a status's element keeps the status off too.
        let resisted = spec
            .kind
            .resisted_by()
            .is_some_and(|t| resist.get(t) >= 100);
        if resisted || !roll.percent(spec.chance) {
            return false;
        }
        let Some(st) = self.statuses.get_mut(target) else {
            return false;
        };
        if !self.pool.apply(st, spec) {
            return false;
        }
        self.events.0.push(SimEvent {
            depth: to.depth,
            at: to.at,
            kind: EventKind::StatusApplied {
                target: defender,
                status: spec.kind,
            },
        });
        true
    }

    /// Lands `blow` on `target` with the given rolls (`hit` for the formula,
    /// `status` for the on-hit chance). Returns whether it hit.
    pub fn land(
        &mut self,
        blow: &Blow,
        target: Entity,
        hit: &mut Stream,
        status: &mut Stream,
    ) -> bool {
        let (Some(&to), Some(&dc), Some(defender)) = (
            self.positions.get(target),
            self.combats.get(target),
            self.who(target),
        ) else {
            return false;
        };
        if self.healths.get(target).is_none_or(Health::is_dead) {
            return false;
        }
        let defence = Defence {
            defense: dc.defense + self.magnitude(target, StatusKind::Shielded),
            evasion: dc.evasion,
            resist: dc.resist,
        };
        let mut attack = blow.attack;
        if blow.unavoidable {
            // Accuracy past any evasion (schemas cap it at 95) leaves no
            // chance to dodge.
            attack.accuracy = attack.accuracy.max(UNDODGEABLE);
        }
        let outcome = combat::resolve(&attack, &defence, hit);
        let ev = |kind| SimEvent {
            depth: to.depth,
            at: to.at,
            kind,
        };
        // Being struck wakes a monster and sets it on the striker.
        self.provoke(target, blow.attacker, blow.tick);
        let Outcome::Hit { damage, critical } = outcome else {
            self.events.0.push(ev(EventKind::Miss {
                attacker: blow.attacker,
                target: defender,
            }));
            return false;
        };
        if let Some(h) = self.healths.get_mut(target) {
            h.hp -= damage;
            h.last_hit = Some(blow.attacker);
            h.credit = blow.credit;
        }
        self.events.0.push(ev(EventKind::Hit {
            attacker: blow.attacker,
            target: defender,
            damage,
            damage_type: attack.damage_type,
            critical,
        }));
        self.drain_life(blow);
        if let Some(spec) = blow.on_hit {
            self.inflict(target, &spec, status);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use specs::{Builder, World, WorldExt};

    use super::*;
    use crate::procgen::seed::SIM_MELEE;
    use crate::schema::{Span, load_defaults};
    use crate::sim::action::PlayerId;
    use crate::sim::algo::grid::Point;
    use crate::sim::components::{Monster, register};
    use crate::sim::hero::starting_combat;

    #[test]
    fn a_landed_blow_gives_the_hero_its_life_on_hit() {
        let content = load_defaults().expect("defaults");
        let mut world = World::new();
        register(&mut world);
        world.insert(Events::default());
        world.insert(StatusPool::default());
        let at = |x| Position {
            depth: 1,
            at: Point::new(x, 1),
        };
        let mut hurt = Health::new(20);
        hurt.hp = 10;
        let hero = world.create_entity().with(at(1)).with(hurt).build();
        let kind = content.monster_ids().next().expect("a monster");
        let monster = world
            .create_entity()
            .with(at(2))
            .with(Health::new(500))
            .with(starting_combat(&content))
            .with(Monster {
                kind,
                boss: false,
                rarity: Default::default(),
                name_seed: 0,
                peaceful: false,
                xp: 1,
                flee_below: 0,
                sight: 5,
            })
            .build();
        world.insert(Players(vec![(PlayerId(0), hero)]));
        let mut attack = starting_combat(&content).attack(false);
        attack.damage = Span(2, 2);
        let blow = |life_on_hit| Blow {
            attacker: Who::Player(PlayerId(0)),
            credit: Some(PlayerId(0)),
            attack: crate::sim::combat::Attack {
                life_on_hit,
                ..attack
            },
            on_hit: None,
            unavoidable: true,
            tick: 1,
        };
        let mut rng = Stream::new(1, SIM_MELEE, &[]);
        let mut strike = world.system_data::<Strike>();
        assert!(strike.land(&blow(3), monster, &mut rng.clone(), &mut rng));
        assert_eq!(strike.healths.get(hero).map(|h| h.hp), Some(13));
        assert!(strike.land(&blow(0), monster, &mut rng.clone(), &mut rng));
        assert_eq!(
            strike.healths.get(hero).map(|h| h.hp),
            Some(13),
            "none without"
        );
        assert!(strike.land(&blow(50), monster, &mut rng.clone(), &mut rng));
        assert_eq!(
            strike.healths.get(hero).map(|h| h.hp),
            Some(20),
            "up to the maximum"
        );
    }
}

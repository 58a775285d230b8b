//! When the explore bot casts: a healing spell when hurt, otherwise an
//! offensive spell at the nearest monster in sight, in range and in the
//! open. It only picks spells the simulation will accept (in a slot, ready,
//! affordable, with a target), so it never loops on a refusal.

use crate::schema::spells::SpellKind;
use crate::sim::projectile::clear_shot;
use crate::sim::query::{ActorState, HeroState};
use crate::sim::{Action, PlayerId, Simulation};

/// Cast healing below this percent of health.
const HEAL_BELOW: i32 = 60;

/// The slot to cast from now, if any.
pub fn spell_to_cast(
    sim: &Simulation,
    player: PlayerId,
    hero: &HeroState,
    monsters: &[ActorState],
) -> Option<Action> {
    let magic = sim.hero_magic(player)?;
    let content = sim.content();
    let hurt = hero.hp * 100 < hero.max_hp * HEAL_BELOW;
    let nearest = |range: i32| nearest_in_open(sim, hero, monsters.iter(), range);
    for (slot, entry) in magic.slots.iter().enumerate() {
        let Some(k) = entry.and_then(|i| magic.known.get(usize::from(i))) else {
            continue;
        };
        let def = content.spell(k.spell);
        if k.ready_at > magic.tick || magic.mana < def.mana {
            continue;
        }
        let worth = match def.kind {
            SpellKind::Healing => hurt,
            SpellKind::Offensive => nearest(def.range).is_some(),
            _ => false,
        };
        if worth {
            return u8::try_from(slot).ok().map(|slot| Action::Cast { slot });
        }
    }
    None
}

/// The nearest of `monsters` the hero can reach at `range` (ties to the
/// lowest stable id): what an aimed spell, a shot or a throw goes for.
pub fn nearest_in_open<'a>(
    sim: &Simulation,
    hero: &HeroState,
    monsters: impl Iterator<Item = &'a ActorState>,
    range: i32,
) -> Option<&'a ActorState> {
    monsters
        .filter(|m| in_open(sim, hero, m, range))
        .min_by_key(|m| (m.at.chebyshev(hero.at), m.id))
}

/// Whether `m` is within `range` of the hero with nothing opaque between.
pub fn in_open(sim: &Simulation, hero: &HeroState, m: &ActorState, range: i32) -> bool {
    m.at.chebyshev(hero.at) <= range
        && sim
            .with_level(hero.depth, |l| {
                clear_shot(hero.at, m.at, |q| l.tile(q).is_opaque())
            })
            .unwrap_or(false)
}

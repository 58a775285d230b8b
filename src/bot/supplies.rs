//! How the explore bot uses what its pack holds beyond healing potions and
//! gear, so long runs exercise every kind of item as players use them: a
//! cure when burning, poisoned or weakened, food (or, when worse hurt, a
//! potion) that regenerates, a blast scroll when foes crowd round, a haste
//! potion against a boss or a crowd, bombs at foes closing in, the wielded
//! bow or gun at anything in range, and a mapping scroll on a level still
//! to explore. Each rule only fires when the simulation will carry it out
//! (a target in range and in the open), so the bot never loops on a refusal.

use crate::schema::items::{ItemKind, PotionEffect, ScrollEffect};
use crate::schema::{Content, StatusKind};
use crate::sim::components::AiState;
use crate::sim::query::{ActorState, HeroState};
use crate::sim::{Action, Simulation};

use super::casting::{in_open, nearest_in_open};

/// Eat food that regenerates below this percent of health (it is common
/// and slow)...
const EAT_BELOW: i32 = 90;
/// ...and drink a potion that does below this.
const REGENERATE_BELOW: i32 = 70;
/// Throw things when hurt below this percent of health, whatever the foe.
const THROW_WHEN_BELOW: i32 = 60;
/// A crowd worth a haste potion.
const CROWD: usize = 3;

/// A remedy to take now: a cure for what ails the hero, or something that
/// regenerates when hurt (food first: potions are the rarer find).
pub fn remedy(hero: &HeroState, content: &Content) -> Option<Action> {
    let has = |k: StatusKind| hero.statuses.iter().any(|s| s.kind == k);
    let ailing = [
        StatusKind::Burning,
        StatusKind::Poisoned,
        StatusKind::Weakened,
    ]
    .into_iter()
    .any(has);
    if ailing
        && let Some(slot) = slot_of(hero, content, |k| {
            matches!(
                k,
                ItemKind::Potion(PotionEffect::Cure) | ItemKind::Food(PotionEffect::Cure)
            )
        })
    {
        return Some(Action::Use(slot));
    }
    let regenerates = |e: &PotionEffect| matches!(e, PotionEffect::Status(s) if s.kind == StatusKind::Regenerating);
    if has(StatusKind::Regenerating) {
        return None;
    }
    let below = |percent: i32| hero.hp * 100 < hero.max_hp * percent;
    let food = || {
        slot_of(
            hero,
            content,
            |k| matches!(k, ItemKind::Food(e) if regenerates(e)),
        )
    };
    let potion = || {
        slot_of(
            hero,
            content,
            |k| matches!(k, ItemKind::Potion(e) if regenerates(e)),
        )
    };
    below(EAT_BELOW)
        .then(food)
        .flatten()
        .or_else(|| below(REGENERATE_BELOW).then(potion).flatten())
        .map(Action::Use)
}

/// Something to use against `monsters` (those in sight): a blast scroll,
/// a haste potion, a throw or a shot.
pub fn in_fight(sim: &Simulation, hero: &HeroState, monsters: &[ActorState]) -> Option<Action> {
    if monsters.is_empty() {
        return None;
    }
    let content = sim.content();
    let dist = |m: &ActorState| m.at.chebyshev(hero.at);
    let boss_near = monsters
        .iter()
        .any(|m| m.boss && dist(m) <= super::explore::ENGAGE_RADIUS);
    // A blast hurts every foe in the open round the reader.
    let blast = pack_find(hero, content, |k| match k {
        ItemKind::Scroll(ScrollEffect::Blast { radius, .. }) => Some(i32::from(*radius)),
        _ => None,
    });
    if let Some((slot, radius)) = blast {
        let caught = || monsters.iter().filter(|m| in_open(sim, hero, m, radius));
        if caught().count() >= 2 || caught().any(|m| m.boss) {
            return Some(Action::Use(slot));
        }
    }
    let hasted = hero.statuses.iter().any(|s| s.kind == StatusKind::Hasted);
    if !hasted && (boss_near || monsters.len() >= CROWD) {
        let haste = slot_of(
            hero,
            content,
            |k| matches!(k, ItemKind::Potion(PotionEffect::Status(s)) if s.kind == StatusKind::Hasted),
        );
        if let Some(slot) = haste {
            return Some(Action::Use(slot));
        }
    }
    // Foes still closing in (not adjacent: those get struck).
    let closing = || monsters.iter().filter(|m| dist(m) >= 2);
    let hurt = hero.hp * 100 < hero.max_hp * THROW_WHEN_BELOW;
    let thrown = pack_find(hero, content, |k| match k {
        ItemKind::Thrown(t) => Some(t.range),
        _ => None,
    });
    if let Some((slot, range)) = thrown
        && (boss_near || monsters.len() >= 2 || hurt)
    {
        let target = closing().filter(|m| m.mind != AiState::Fleeing);
        if nearest_in_open(sim, hero, target, range).is_some() {
            return Some(Action::Use(slot));
        }
    }
    let shot = hero.weapon.and_then(|w| content.weapon_shot(w.item));
    if let Some(shot) = shot
        && let Some(m) = nearest_in_open(sim, hero, closing(), shot.range)
    {
        let offset = |v: i32| i8::try_from(v).ok();
        if let (Some(dx), Some(dy)) = (offset(m.at.x - hero.at.x), offset(m.at.y - hero.at.y)) {
            return Some(Action::Fire { dx, dy });
        }
    }
    None
}

/// A mapping scroll to read: only with no foe in sight (a fight comes
/// first) and while the level still has places to explore.
pub fn mapping(
    hero: &HeroState,
    content: &Content,
    monsters: &[ActorState],
    unexplored: impl FnOnce() -> bool,
) -> Option<Action> {
    if !monsters.is_empty() {
        return None;
    }
    let slot = slot_of(hero, content, |k| {
        matches!(k, ItemKind::Scroll(ScrollEffect::Mapping))
    })?;
    unexplored().then_some(Action::Use(slot))
}

/// The first pack slot whose item's kind passes `wanted`.
fn slot_of(hero: &HeroState, content: &Content, wanted: impl Fn(&ItemKind) -> bool) -> Option<u8> {
    pack_find(hero, content, |k| wanted(k).then_some(())).map(|(slot, ())| slot)
}

/// The first pack slot for which `read` finds something in the item's kind,
/// and what it found.
fn pack_find<T>(
    hero: &HeroState,
    content: &Content,
    read: impl Fn(&ItemKind) -> Option<T>,
) -> Option<(u8, T)> {
    hero.pack_items().find_map(|(i, s)| {
        let found = read(&content.item(s.item).kind)?;
        u8::try_from(i).ok().map(|slot| (slot, found))
    })
}

//! Choices about the hero itself, carried out as they arrive (they take no
//! time): taking a class, which adds its bonus and kit to a fresh hero, and
//! learning a skill of the world's tree, which costs one point in the
//! class's own archetype and two in another and changes the hero's stats
//! for good (or teaches a spell). Runs first in a tick. Writes `Player`,
//! `Health`, `Actor`, `Combat`, `Inventory`, `Mana` and `Spellbook`.

use specs::shred::ResourceId;
use specs::{Read, ReadExpect, ReadStorage, System, SystemData, World, Write, WriteStorage};

use crate::procgen::skills::SkillTree;
use crate::schema::Content;
use crate::schema::items::ItemKind;
use crate::schema::skills::SkillEffect;
use crate::sim::action::{Action, PlayerId};
use crate::sim::components::{
    Actor, Combat, Health, Inventory, Mana, Piece, Player, Position, Spellbook, stackable,
};
use crate::sim::event::{EventKind, Refusal, SimEvent};
use crate::sim::hero::effective_combat;
use crate::sim::resources::{Events, Inputs, Players, Rules};
use crate::sim::spells::SpellEvent;

#[derive(Default)]
pub struct Sys;

impl Sys {
    pub const NAME: &'static str = "character";
}

#[derive(SystemData)]
pub struct Data<'a> {
    inputs: Read<'a, Inputs>,
    players: Read<'a, Players>,
    rules: ReadExpect<'a, Rules>,
    tree: Read<'a, SkillTree>,
    events: Write<'a, Events>,
    positions: ReadStorage<'a, Position>,
    heroes: WriteStorage<'a, Player>,
    healths: WriteStorage<'a, Health>,
    actors: WriteStorage<'a, Actor>,
    combats: WriteStorage<'a, Combat>,
    inventories: WriteStorage<'a, Inventory>,
    manas: WriteStorage<'a, Mana>,
    books: WriteStorage<'a, Spellbook>,
}

/// One hero's storages, borrowed together.
struct Hero<'h> {
    player: &'h mut Player,
    health: &'h mut Health,
    actor: &'h mut Actor,
    combat: &'h mut Combat,
    inventory: &'h mut Inventory,
    mana: Option<&'h mut Mana>,
    book: Option<&'h mut Spellbook>,
}

impl<'a> System<'a> for Sys {
    type SystemData = Data<'a>;

    fn run(&mut self, mut d: Self::SystemData) {
        let content = std::sync::Arc::clone(&d.rules.0);
        for i in 0..d.inputs.0.len() {
            let input = d.inputs.0[i];
            if !matches!(input.action, Action::ChooseClass(_) | Action::Learn(_)) {
                continue;
            }
            let Some(e) = d.players.entity(input.player) else {
                continue;
            };
            let Some(&pos) = d.positions.get(e) else {
                continue;
            };
            let (Some(player), Some(health), Some(actor), Some(combat), Some(inventory)) = (
                d.heroes.get_mut(e),
                d.healths.get_mut(e),
                d.actors.get_mut(e),
                d.combats.get_mut(e),
                d.inventories.get_mut(e),
            ) else {
                continue;
            };
            if health.is_dead() {
                continue;
            }
            let mut hero = Hero {
                player,
                health,
                actor,
                combat,
                inventory,
                mana: d.manas.get_mut(e),
                book: d.books.get_mut(e),
            };
            let mut taught = None;
            let kind = match input.action {
                Action::ChooseClass(c) => choose_class(&mut hero, c, &content, input.player),
                Action::Learn(n) => {
                    learn(&mut hero, n, &d.tree, &content, input.player, &mut taught)
                }
                // Trade is `trade`'s.
                _ => continue,
            };
            *hero.combat = effective_combat(&hero.player.base, hero.inventory, &content);
            let learned_spell = taught.map(|spell| {
                EventKind::Spell(SpellEvent::Learned {
                    player: input.player,
                    spell,
                })
            });
            for kind in std::iter::once(kind).chain(learned_spell) {
                d.events.0.push(SimEvent {
                    depth: pos.depth,
                    at: pos.at,
                    kind,
                });
            }
        }
    }
}

/// Takes class `c` of the world's classes, if the hero is fresh and has none.
fn choose_class(h: &mut Hero, c: u8, content: &Content, player: PlayerId) -> EventKind {
    let refused = |why| EventKind::Refused { player, why };
    if h.player.class.is_some() || h.player.xp > 0 || h.player.kills > 0 {
        return refused(Refusal::ClassTaken);
    }
    let Some(index) = content.world_classes().nth(usize::from(c)) else {
        return refused(Refusal::NoSuchClass);
    };
    let class = &content.classes[index];
    let b = class.def.bonus;
    let base = &mut h.player.base;
    base.attack += b.attack;
    base.defense += b.defense;
    base.evasion = (base.evasion + b.evasion).clamp(0, 95);
    base.accuracy += b.accuracy;
    base.crit_chance = (base.crit_chance + b.crit).clamp(0, 100);
    grow_health(h, b.hp);
    h.actor.speed = (h.actor.speed + b.speed).max(1);
    for &item in &class.start_items {
        // The class's weapon goes in hand and its armour on (what they
        // replace goes to the pack); the rest to the pack. A full pack
        // simply goes without: a fresh hero's never is.
        let piece = Piece::plain(item);
        let replaced = match content.item(item).kind {
            ItemKind::Weapon(_) => h.inventory.weapon.replace(piece),
            ItemKind::Armor(_) => h.inventory.wear(content, piece),
            _ => Some(piece),
        };
        if let Some(old) = replaced {
            let _ = h
                .inventory
                .add(old.item, 1, old.quality, stackable(content, old.item));
        }
    }
    h.player.class = u8::try_from(index).ok();
    EventKind::ClassChosen {
        player,
        class: u8::try_from(index).unwrap_or(u8::MAX),
    }
}

/// Raises (or lowers) maximum health, keeping the hero alive.
fn grow_health(h: &mut Hero, by: i32) {
    h.player.base_max_hp = (h.player.base_max_hp + by).max(1);
    h.health.max = h.player.base_max_hp;
    h.health.hp = (h.health.hp + by).clamp(1, h.health.max);
}

/// What learning `node` costs this hero: one point in the class's own
/// archetype, two elsewhere (and two for a hero with no class).
pub fn skill_cost(tree: &SkillTree, node: u8, class: Option<u8>, content: &Content) -> i32 {
    let own = class
        .and_then(|c| content.classes.get(usize::from(c)))
        .map(|c| c.archetype);
    match tree.0.get(usize::from(node)) {
        Some(n) if Some(n.archetype) == own => 1,
        _ => 2,
    }
}

/// Learns `node` of the world's tree if its prerequisite is learned and the
/// points are there; a spell it teaches is left in `taught`.
fn learn(
    h: &mut Hero,
    node: u8,
    tree: &SkillTree,
    content: &Content,
    player: PlayerId,
    taught: &mut Option<crate::schema::SpellId>,
) -> EventKind {
    let refused = |why| EventKind::Refused { player, why };
    let Some(n) = tree.0.get(usize::from(node)).copied() else {
        return refused(Refusal::NoSuchSkill);
    };
    let bit = |i: u8| 1u64.checked_shl(u32::from(i)).unwrap_or(0);
    if h.player.skills & bit(node) != 0 {
        return refused(Refusal::AlreadyLearned);
    }
    if n.requires.is_some_and(|r| h.player.skills & bit(r) == 0) {
        return refused(Refusal::NeedsPrerequisite);
    }
    let cost = skill_cost(tree, node, h.player.class, content);
    if h.player.skill_points < cost {
        return refused(Refusal::NoPoints);
    }
    h.player.skill_points -= cost;
    h.player.skills |= bit(node);
    let base = &mut h.player.base;
    match *n.effect(content) {
        SkillEffect::MaxHp(v) => grow_health(h, v),
        SkillEffect::Attack(v) => base.attack += v,
        SkillEffect::Defense(v) => base.defense += v,
        SkillEffect::Evasion(v) => base.evasion = (base.evasion + v).clamp(0, 95),
        SkillEffect::Accuracy(v) => base.accuracy += v,
        SkillEffect::Crit(v) => base.crit_chance = (base.crit_chance + v).clamp(0, 100),
        SkillEffect::Speed(v) => h.actor.speed += v,
        SkillEffect::Resist(t, v) => {
            let r = &mut base.resist.0[t as usize];
            *r = (*r + v).clamp(-100, 100);
        }
        SkillEffect::LifeOnHit(v) => base.life_on_hit += v,
        SkillEffect::OnHit(spec) => base.on_hit = Some(spec),
        SkillEffect::ManaRegen(v) => {
            if let Some(m) = h.mana.as_deref_mut() {
                m.regen_centi += v;
            }
        }
        SkillEffect::Spell(ref id) => {
            let spell = content.spell_id(id);
            if let (Some(spell), Some(book)) = (spell, h.book.as_deref_mut())
                && book.learn(spell)
            {
                *taught = Some(spell);
            }
        }
    }
    EventKind::SkillLearned { player, node }
}

//! The hero's class, skills and trade in words: the class menu, the skill
//! tree as the character screen lists it, a merchant's wares, and the
//! messages these choices produce.

use crate::procgen::skills::SkillTree;
use crate::sim::event::Refusal;
use crate::sim::systems::character::skill_cost;
use crate::sim::{EventKind, PlayerId, Simulation};

use super::frame::{ClassLine, ShopView, SkillLine, Tone, Ware};
use crate::sim::price::value_of;

/// The classes a fresh hero may take, in the order `ChooseClass` counts.
pub fn classes(sim: &Simulation) -> Vec<ClassLine> {
    let content = sim.content();
    content
        .world_classes()
        .map(|i| {
            let c = &content.classes[i];
            ClassLine {
                name: c.def.name.clone(),
                text: c.def.text.clone(),
                archetype: content.archetypes[c.archetype].name.clone(),
                bonus: bonus_text(content, i),
            }
        })
        .collect()
}

/// What class `i` adds to a fresh hero, in words.
fn bonus_text(content: &crate::schema::Content, i: usize) -> String {
    let c = &content.classes[i];
    let b = c.def.bonus;
    let mut parts: Vec<String> = [
        (b.hp, "HP"),
        (b.attack, "attack"),
        (b.defense, "defence"),
        (b.evasion, "evasion"),
        (b.accuracy, "accuracy"),
        (b.crit, "critical"),
        (b.speed, "speed"),
    ]
    .iter()
    .filter(|(v, _)| *v != 0)
    .map(|(v, what)| format!("{v:+} {what}"))
    .collect();
    let items: Vec<&str> = c
        .start_items
        .iter()
        .map(|&i| content.item(i).name.as_str())
        .collect();
    if !items.is_empty() {
        parts.push(items.join(", "));
    }
    parts.join(", ")
}

/// Every node of the world's tree, with what it does and whether the hero
/// has it, can take it now, or what stands in the way.
pub fn skills(sim: &Simulation, me: PlayerId) -> Vec<SkillLine> {
    let Some(hero) = sim.hero(me) else {
        return Vec::new();
    };
    sim.with_skill_tree(|tree| lines(sim, &hero, tree))
}

fn lines(
    sim: &Simulation,
    hero: &crate::sim::query::HeroState,
    tree: &SkillTree,
) -> Vec<SkillLine> {
    let content = sim.content();
    let has = |i: u8| hero.skills & 1u64.checked_shl(u32::from(i)).unwrap_or(0) != 0;
    tree.0
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let i = u8::try_from(i).unwrap_or(u8::MAX);
            let a = &content.archetypes[n.archetype];
            let cost = skill_cost(tree, i, hero.class, content);
            let requires = n
                .requires
                .filter(|&r| !has(r))
                .and_then(|r| tree.0.get(usize::from(r)))
                .map(|r| content.archetypes[r.archetype].skills[r.skill].name.clone());
            SkillLine {
                branch: a.name.clone(),
                name: a.skills[n.skill].name.clone(),
                tier: n.tier,
                effect: n.effect(content).describe(content),
                cost,
                learned: has(i),
                requires,
                affordable: hero.skill_points >= cost,
            }
        })
        .collect()
}

/// The message for a class or skill event.
pub fn describe(kind: &EventKind, me: PlayerId, sim: &Simulation) -> Option<(String, Tone)> {
    let content = sim.content();
    Some(match *kind {
        EventKind::ClassChosen { player, class } if player == me => {
            let c = content.classes.get(usize::from(class))?;
            (
                format!(
                    "You are {} {}. {}",
                    super::messages::article(&c.def.name),
                    c.def.name,
                    c.def.text
                ),
                Tone::Important,
            )
        }
        EventKind::SkillLearned { player, node } if player == me => {
            let n = sim.with_skill_tree(|t| t.0.get(usize::from(node)).copied())?;
            let a = &content.archetypes[n.archetype];
            (
                format!(
                    "You learn {} ({}).",
                    a.skills[n.skill].name,
                    n.effect(content).describe(content)
                ),
                Tone::Good,
            )
        }
        EventKind::Refused { player, why } if player == me => (
            match why {
                Refusal::ClassTaken => "Your calling is already set.",
                Refusal::NoSuchClass => "There is no such class.",
                Refusal::NoSuchSkill => "There is no such skill.",
                Refusal::AlreadyLearned => "You already know that.",
                Refusal::NeedsPrerequisite => "Learn the skill before it first.",
                Refusal::NoPoints => "You need more skill points: gain a level.",
                Refusal::NoMerchant => "There is nobody here to trade with.",
                Refusal::NothingThere => "There is nothing there to trade.",
                Refusal::CannotAfford => "You cannot afford that.",
                Refusal::PackFull => "Your pack is full.",
                Refusal::NoStation => "There is no crafting station here.",
                Refusal::WrongStation => "That recipe needs another kind of station.",
                Refusal::MissingIngredients => "You lack some of the ingredients.",
                Refusal::UnknownRecipe => "You do not know that recipe.",
            }
            .to_owned(),
            Tone::Normal,
        ),
        EventKind::Traded {
            player,
            item,
            price,
            bought,
        } if player == me => {
            let what = super::messages::item_phrase(content, item, 1);
            let text = if bought {
                format!("You buy {what} for {price} gold.")
            } else {
                format!("You sell {what} for {price} gold.")
            };
            (text, Tone::Good)
        }
        EventKind::ShopOpened { player, merchant } if player == me => (
            format!(
                "The {} shows you their wares.",
                content.monster(merchant).name
            ),
            Tone::Normal,
        ),
        _ => return None,
    })
}

/// The wares of the merchant next to the hero, with prices, and what the
/// merchant would pay for each pack slot.
pub fn shop(sim: &Simulation, me: PlayerId) -> Option<ShopView> {
    let content = sim.content();
    let hero = sim.hero(me)?;
    let (merchant, stock) = sim.merchant_beside(me)?;
    let wares = stock
        .iter()
        .map(|s| Ware {
            name: content.item(s.item).name.clone(),
            count: s.count,
            price: value_of(content, &s.piece(), hero.depth).buy,
        })
        .collect();
    let offers = hero
        .pack
        .iter()
        .map(|slot| slot.map(|s| value_of(content, &s.piece(), hero.depth).sell))
        .collect();
    Some(ShopView {
        merchant: content.monster(merchant).name.clone(),
        wares,
        offers,
    })
}

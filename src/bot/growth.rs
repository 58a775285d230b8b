//! How bots grow their heroes: take the first class on offer at the start,
//! then spend skill points on the first skill they can learn, their class's
//! own archetype first (it costs less).

use crate::procgen::skills::SkillTree;
use crate::sim::query::HeroState;
use crate::sim::systems::character::skill_cost;
use crate::sim::{Action, Simulation};

/// A class or skill to take now, if there is one.
pub fn choice(sim: &Simulation, hero: &HeroState) -> Option<Action> {
    if hero.class.is_none() && hero.xp == 0 && hero.kills == 0 {
        return (sim.content().world_classes().next().is_some()).then_some(Action::ChooseClass(0));
    }
    if hero.skill_points <= 0 {
        return None;
    }
    sim.with_skill_tree(|tree| best_skill(sim, hero, tree))
        .map(Action::Learn)
}

fn best_skill(sim: &Simulation, hero: &HeroState, tree: &SkillTree) -> Option<u8> {
    let has = |i: u8| hero.skills & 1u64.checked_shl(u32::from(i)).unwrap_or(0) != 0;
    (0..tree.0.len())
        .filter_map(|i| u8::try_from(i).ok())
        .filter(|&i| !has(i))
        .filter(|&i| tree.0[usize::from(i)].requires.is_none_or(has))
        .map(|i| (skill_cost(tree, i, hero.class, sim.content()), i))
        .filter(|&(cost, _)| cost <= hero.skill_points)
        .min()
        .map(|(_, i)| i)
}

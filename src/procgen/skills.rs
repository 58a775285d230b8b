//! A world's skill tree: for each archetype of the world's genre, two skills
//! per tier chosen by the seed from what the archetype offers, each of tier
//! 2 and up needing one skill of the tier below (also chosen by the seed).

use crate::schema::Content;
use crate::schema::skills::SkillEffect;

use super::seed::{Stream, WORLD_SKILLS};

/// Skills a tree takes per tier from each archetype.
pub const PER_TIER: usize = 2;

/// Highest tier.
pub const TIERS: u8 = 4;

/// The most nodes a tree holds (heroes keep learned nodes in a 64-bit mask).
pub const MAX_NODES: usize = 64;

/// One skill in a world's tree.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SkillNode {
    /// Index into `Content::archetypes`.
    pub archetype: usize,
    /// Index into that archetype's `skills`.
    pub skill: usize,
    pub tier: u8,
    /// The node (index into the tree) that must be learned first.
    pub requires: Option<u8>,
}

impl SkillNode {
    /// What learning it does (kept in the content, not copied per node).
    pub fn effect<'c>(&self, content: &'c Content) -> &'c SkillEffect {
        &content.archetypes[self.archetype].skills[self.skill].effect
    }
}

/// A world's skill tree, in archetype then tier order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct SkillTree(pub Vec<SkillNode>);

/// The tree of the world on `seed` (its content already set for the world).
pub fn tree(content: &Content, seed: u64) -> SkillTree {
    let mut nodes: Vec<SkillNode> = Vec::new();
    for (branch, a) in content.world_archetypes().enumerate() {
        let mut rng = Stream::new(seed, WORLD_SKILLS, &[branch as u64]);
        let mut below: Vec<u8> = Vec::new();
        for tier in 1..=TIERS {
            let mut offered: Vec<usize> = content.archetypes[a]
                .skills
                .iter()
                .enumerate()
                .filter(|(_, s)| s.tier == tier)
                .map(|(i, _)| i)
                .collect();
            rng.shuffle(&mut offered);
            let mut this_tier = Vec::with_capacity(PER_TIER);
            for skill in offered.into_iter().take(PER_TIER) {
                if nodes.len() >= MAX_NODES {
                    break;
                }
                let requires = rng.pick(&below).copied();
                // A tier with nothing below it to need (an archetype that
                // skips a tier) starts a new root.
                this_tier.push(nodes.len() as u8);
                nodes.push(SkillNode {
                    archetype: a,
                    skill,
                    tier,
                    requires,
                });
            }
            if !this_tier.is_empty() {
                below = this_tier;
            }
        }
    }
    SkillTree(nodes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::load_defaults;

    #[test]
    fn every_genre_has_a_three_branch_tree_whose_prerequisites_come_first() {
        let base = load_defaults().expect("defaults");
        for g in base.genre_ids() {
            let content = base.in_genre(g);
            for seed in 0..20 {
                let t = tree(&content, seed);
                assert_eq!(t, tree(&content, seed), "same seed, same tree");
                let branches: Vec<usize> = content.world_archetypes().collect();
                assert_eq!(branches.len(), 3, "{}", content.genre().id);
                assert_eq!(t.0.len(), 3 * PER_TIER * usize::from(TIERS));
                for (i, n) in t.0.iter().enumerate() {
                    match n.requires {
                        None => assert_eq!(n.tier, 1),
                        Some(r) => {
                            let r = &t.0[usize::from(r)];
                            assert!(usize::from(n.requires.unwrap_or(0)) < i);
                            assert_eq!((r.archetype, r.tier + 1), (n.archetype, n.tier));
                        }
                    }
                }
            }
        }
    }
}

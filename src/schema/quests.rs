//! `data-schemas/quests.ron`: the tasks a level sets the heroes.
//!
//! A template names a goal (kill, collect, explore, slay the boss, talk to
//! someone, escort someone) and a reward; generation picks a few templates
//! for each level by genre, depth and weight and fills them in from what the
//! level holds (which monster to hunt, where the lost traveller waits).

use serde::{Deserialize, Serialize};

use super::common::Span;
use super::mods::Section;
use super::{ItemId, MonsterId};

/// The file's top level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestsFile {
    /// How many quests a level sets (fewer when too few templates fit).
    #[serde(default)]
    pub per_level: Section<Span>,
    #[serde(default)]
    pub quests: Vec<QuestDef>,
}

/// One kind of quest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestDef {
    /// Unique key.
    pub id: String,
    /// The genres it is set in (ids from genres.ron); at least one.
    pub genres: Vec<String>,
    /// The shallowest and deepest levels that set it.
    pub depth: Span,
    /// Relative frequency among the templates allowed at a depth.
    #[serde(default = "default_weight")]
    pub weight: u32,
    /// Shown in the quest log. `{target}` is replaced by the monster, item
    /// or person the quest is about, `{count}` by how many.
    pub title: String,
    /// One line said when the quest is set, with the same placeholders.
    pub text: String,
    pub goal: GoalDef,
    pub reward: RewardDef,
}

/// What a quest asks for, as the schema writes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum GoalDef {
    /// Kill this many of the commonest ordinary monster on the level (never
    /// more than the level holds).
    Kill { count: Span },
    /// Pick up this many of an item (the first of `items` that belongs to
    /// the world's genre); that many are laid on the level.
    Collect { items: Vec<String>, count: Span },
    /// See this percent of the level's floor.
    Explore { percent: i32 },
    /// Slay the level's boss.
    Boss,
    /// Find someone (an `Npc` from monsters.ron, the first of `npcs` in the
    /// world's genre) and speak to them: walk into them.
    Talk { npcs: Vec<String> },
    /// Find someone, speak to them, and bring them back to the stairs the
    /// heroes came in by; they must survive.
    Escort { npcs: Vec<String> },
}

/// What finishing a quest gives every living hero on its level. Experience
/// and gold grow with depth by `depth_scaling_percent`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RewardDef {
    pub xp: i32,
    pub gold: Span,
    /// Item ids, one of which (of the world's genre) is given.
    #[serde(default)]
    pub items: Vec<String>,
    /// Skill points given (they do not grow with depth).
    #[serde(default)]
    pub skill_points: i32,
}

/// A goal with its references linked to content ids; lists are kept whole
/// so a blended world can pick the entry of whichever genre sets the quest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Goal {
    Kill { count: Span },
    Collect { items: Vec<ItemId>, count: Span },
    Explore { percent: i32 },
    Boss,
    Talk { npcs: Vec<MonsterId> },
    Escort { npcs: Vec<MonsterId> },
}

impl Goal {
    /// The name of the goal's kind, for catalogs and the quest log.
    pub const fn kind_name(&self) -> &'static str {
        match self {
            Goal::Kill { .. } => "kill",
            Goal::Collect { .. } => "collect",
            Goal::Explore { .. } => "explore",
            Goal::Boss => "boss",
            Goal::Talk { .. } => "talk",
            Goal::Escort { .. } => "escort",
        }
    }
}

/// A validated template: the parsed entry plus its linked goal and reward.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestTemplate {
    pub def: QuestDef,
    pub goal: Goal,
    pub reward_items: Vec<ItemId>,
}

fn default_weight() -> u32 {
    10
}

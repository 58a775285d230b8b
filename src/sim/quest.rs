//! Quests in play: what each level asked of the heroes and how far they
//! are. The log is world state (hashed, saved, shared by a co-op party);
//! `systems/quests.rs` moves it on from the tick's events.

use crate::procgen::quests::{QuestPlan, QuestReward, QuestTarget};
use crate::schema::{ItemId, MonsterId, QuestId};

use super::action::PlayerId;

/// A quest set by a level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Quest {
    pub template: QuestId,
    /// The level that set it; only what happens there counts.
    pub depth: i32,
    pub goal: QuestGoal,
    /// Kills or pickups needed, or the percent of the floor to see.
    pub need: u16,
    pub have: u16,
    pub state: QuestState,
    pub reward: QuestReward,
}

/// What a quest in play is about. People are named by stable id, so the
/// quest survives saves and entity-index reuse.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum QuestGoal {
    Kill(MonsterId),
    Collect(ItemId),
    Explore,
    Boss(MonsterId),
    Talk {
        npc: u64,
        kind: MonsterId,
    },
    Escort {
        npc: u64,
        kind: MonsterId,
        /// The hero they follow once spoken to.
        leader: Option<PlayerId>,
    },
}

impl QuestGoal {
    /// The person the quest is about, if any: (stable id, kind).
    pub fn person(&self) -> Option<(u64, MonsterId)> {
        match *self {
            QuestGoal::Talk { npc, kind } | QuestGoal::Escort { npc, kind, .. } => {
                Some((npc, kind))
            }
            _ => None,
        }
    }
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum QuestState {
    #[default]
    Active,
    Done,
    /// The person to find or lead out died.
    Failed,
}

impl Quest {
    /// A planned quest put in play; `npc` is the stable id of the person
    /// spawned for it (0 when it names none).
    pub fn from_plan(plan: &QuestPlan, depth: i32, npc: u64) -> Self {
        let goal = match plan.target {
            QuestTarget::Kill(m) => QuestGoal::Kill(m),
            QuestTarget::Collect(i) => QuestGoal::Collect(i),
            QuestTarget::Explore => QuestGoal::Explore,
            QuestTarget::Boss(m) => QuestGoal::Boss(m),
            QuestTarget::Talk(p) => QuestGoal::Talk { npc, kind: p.kind },
            QuestTarget::Escort(p) => QuestGoal::Escort {
                npc,
                kind: p.kind,
                leader: None,
            },
        };
        Self {
            template: plan.template,
            depth,
            goal,
            need: plan.need.max(1),
            have: 0,
            state: QuestState::Active,
            reward: plan.reward,
        }
    }

    pub fn is_active(&self) -> bool {
        self.state == QuestState::Active
    }

    /// Adds progress, capped at the need; returns true when that finishes it.
    pub fn advance(&mut self, by: u16) -> bool {
        if !self.is_active() {
            return false;
        }
        self.have = self.have.saturating_add(by).min(self.need);
        self.have >= self.need
    }
}

/// Every quest set so far, in the order levels set them. Indices are stable
/// (quests are never removed), so events name quests by index.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct QuestLog(pub Vec<Quest>);

impl QuestLog {
    /// The active quest about the person with stable id `npc`.
    pub fn about_person(&mut self, npc: u64) -> Option<(usize, &mut Quest)> {
        self.0
            .iter_mut()
            .enumerate()
            .find(|(_, q)| q.is_active() && q.goal.person().is_some_and(|(id, _)| id == npc))
    }

    /// Whether a quest wants a word with the person with stable id `npc`:
    /// someone to find, or someone to lead out who is not following yet.
    pub fn wants_word(&self, npc: u64) -> bool {
        self.0.iter().any(|q| {
            q.is_active()
                && match q.goal {
                    QuestGoal::Talk { npc: id, .. } => id == npc,
                    QuestGoal::Escort {
                        npc: id,
                        leader: None,
                        ..
                    } => id == npc,
                    _ => false,
                }
        })
    }

    /// Whom the person with stable id `npc` follows, if they are being led.
    pub fn leader_of(&self, npc: u64) -> Option<PlayerId> {
        self.0.iter().find_map(|q| match q.goal {
            QuestGoal::Escort {
                npc: id,
                leader: Some(p),
                ..
            } if id == npc && q.is_active() => Some(p),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::load_defaults;

    fn quest(need: u16) -> Quest {
        let content = load_defaults().expect("defaults");
        let template = content.quest_ids().next().expect("a template");
        Quest {
            template,
            depth: 1,
            goal: QuestGoal::Explore,
            need,
            have: 0,
            state: QuestState::Active,
            reward: QuestReward::default(),
        }
    }

    #[test]
    fn progress_caps_at_the_need_and_only_while_active() {
        let mut q = quest(3);
        assert!(!q.advance(2));
        assert!(q.advance(5));
        assert_eq!(q.have, 3);
        q.state = QuestState::Done;
        assert!(!q.advance(1));
    }
}

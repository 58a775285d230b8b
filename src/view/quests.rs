//! Quests in words: titles and texts filled in from the quest log, their
//! progress, and the messages quest events produce.

use crate::schema::Content;
use crate::sim::quest::{Quest, QuestGoal, QuestState};
use crate::sim::{EventKind, PlayerId, Simulation};

use super::frame::{QuestLine, Tone};
use super::messages::{capitalised, item_phrase, plural};

/// What `{target}` stands for in a quest's texts.
fn target(content: &Content, q: &Quest) -> String {
    match q.goal {
        QuestGoal::Kill(m) => content.monster(m).name.clone(),
        QuestGoal::Collect(i) => content.item(i).name.clone(),
        QuestGoal::Explore => String::new(),
        QuestGoal::Boss(m) => format!("the {}", content.monster(m).name),
        QuestGoal::Talk { kind, .. } | QuestGoal::Escort { kind, .. } => {
            content.monster(kind).name.clone()
        }
    }
}

/// A template text with its placeholders filled in, capitalised.
fn fill(content: &Content, q: &Quest, text: &str) -> String {
    let one = target(content, q);
    let filled = text
        .replace("{targets}", &plural(&one))
        .replace("{target}", &one)
        .replace("{count}", &q.need.to_string());
    capitalised(&filled)
}

/// The quest's title, as the log and panel show it.
pub fn title(content: &Content, q: &Quest) -> String {
    fill(content, q, &content.quest(q.template).def.title)
}

/// The line said when the quest is set.
pub fn text(content: &Content, q: &Quest) -> String {
    fill(content, q, &content.quest(q.template).def.text)
}

/// How far along it is, in a few words ("3/5", "40% of 70%", "done").
pub fn progress(q: &Quest, me: PlayerId) -> String {
    match q.state {
        QuestState::Done => return "done".to_owned(),
        QuestState::Failed => return "failed".to_owned(),
        QuestState::Active => {}
    }
    match q.goal {
        QuestGoal::Kill(_) | QuestGoal::Collect(_) => format!("{}/{}", q.have, q.need),
        QuestGoal::Explore => format!("{}% of {}%", q.have, q.need),
        QuestGoal::Boss(_) => "to slay".to_owned(),
        QuestGoal::Talk { .. } => "to find".to_owned(),
        QuestGoal::Escort { leader: None, .. } => "to find".to_owned(),
        QuestGoal::Escort {
            leader: Some(p), ..
        } if p == me => "following".to_owned(),
        QuestGoal::Escort { .. } => "following an ally".to_owned(),
    }
}

/// Every quest as the quest log lists it: those of the hero's level first
/// (active ones before finished ones), then deeper-set ones by depth.
pub fn lines(sim: &Simulation, me: PlayerId, depth: i32) -> Vec<QuestLine> {
    let content = sim.content();
    let mut quests = sim.quests();
    quests.sort_by_key(|q| (q.depth != depth, q.depth, q.state != QuestState::Active));
    quests
        .iter()
        .map(|q| QuestLine {
            title: title(content, q),
            text: text(content, q),
            progress: progress(q, me),
            depth: q.depth,
            active: q.is_active(),
            reward: reward(content, q),
        })
        .collect()
}

/// "40 xp, 12 gold, a stim injector".
fn reward(content: &Content, q: &Quest) -> String {
    let r = q.reward;
    let mut parts = vec![format!("{} xp", r.xp)];
    if r.gold > 0 {
        parts.push(format!("{} gold", r.gold));
    }
    if let Some(i) = r.item {
        parts.push(item_phrase(content, i, 1));
    }
    match r.skill_points {
        0 => {}
        1 => parts.push("a skill point".to_owned()),
        n => parts.push(format!("{n} skill points")),
    }
    parts.join(", ")
}

/// The message for a quest event, if it is worth one.
pub fn describe(kind: &EventKind, me: PlayerId, sim: &Simulation) -> Option<(String, Tone)> {
    let content = sim.content();
    let quests = sim.quests();
    let quest = |i: u16| quests.get(usize::from(i));
    Some(match *kind {
        EventKind::QuestSet { quest: i } => {
            let q = quest(i)?;
            (
                format!("Quest: {}. {}", title(content, q), text(content, q)),
                Tone::Important,
            )
        }
        EventKind::QuestProgress {
            quest: i,
            have,
            need,
        } => {
            let q = quest(i)?;
            let of = if q.goal == QuestGoal::Explore {
                format!("{have}% seen of {need}%")
            } else {
                format!("{have}/{need}")
            };
            (format!("{}: {of}.", title(content, q)), Tone::Normal)
        }
        EventKind::QuestDone { quest: i } => {
            let q = quest(i)?;
            let how = match q.goal {
                QuestGoal::Escort { kind, .. } => format!(
                    " The {} thanks you and slips away up the stairs.",
                    content.monster(kind).name
                ),
                _ => String::new(),
            };
            (
                format!("Quest done: {}!{how}", title(content, q)),
                Tone::Important,
            )
        }
        EventKind::QuestFailed { quest: i } => {
            let q = quest(i)?;
            (format!("Quest failed: {}.", title(content, q)), Tone::Bad)
        }
        EventKind::QuestReward { quest: i, .. } => {
            let q = quest(i)?;
            (format!("You gain {}.", reward(content, q)), Tone::Good)
        }
        EventKind::SwappedPlaces { npc, .. } => (
            format!("You slip past the {}.", content.monster(npc).name),
            Tone::Normal,
        ),
        EventKind::Follows { player, quest: i } if player == me => {
            let way = if quest(i).is_some_and(|q| q.depth > 1) {
                "the stairs up (<)"
            } else {
                "where you came in"
            };
            (
                format!("\"Lead the way, I'll stay close.\" Take them back to {way}."),
                Tone::Good,
            )
        }
        _ => return None,
    })
}

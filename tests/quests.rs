//! Quests: every level of every genre sets some that can be done, and
//! talking, escorting, killing and exploring finish them through the same
//! inputs a player sends, with their rewards.

mod common;

use std::sync::Arc;

use common::step_towards;
use venture::procgen::level::generate;
use venture::procgen::quests::QuestTarget;
use venture::schema::quests::Goal;
use venture::schema::{Content, Span, load_defaults};
use venture::sim::algo::dijkstra::{DijkstraMap, UNREACHED};
use venture::sim::algo::grid::Point;
use venture::sim::quest::{QuestGoal, QuestState};
use venture::sim::{EventKind, PlayerId, PlayerInput, Simulation};

fn genres(base: &Content) -> Vec<Content> {
    base.genre_ids().map(|g| base.in_genre(g)).collect()
}

#[test]
fn every_level_sets_quests_that_can_be_done() {
    let base = load_defaults().expect("defaults");
    for content in genres(&base) {
        let genre = content.genre().id.clone();
        for seed in 0..100u64 {
            for depth in [1, 4, content.rules.dungeon_depth] {
                let g = generate(&content, seed, depth);
                let at = format!("{genre} seed {seed} depth {depth}");
                assert!(!g.quests.is_empty(), "{at}: no quest");
                let level = &g.level;
                let mut dist = DijkstraMap::new(level.width(), level.height());
                dist.compute([level.arrival_from_above], i32::MAX, |p| {
                    level.is_walkable(p)
                });
                let mut kinds: Vec<&str> = Vec::new();
                for q in &g.quests {
                    let kind = content.quest(q.template).goal.kind_name();
                    assert!(!kinds.contains(&kind), "{at}: two {kind} quests");
                    kinds.push(kind);
                    assert!(q.need >= 1, "{at}");
                    match q.target {
                        QuestTarget::Kill(m) => {
                            let present = g.monsters.iter().filter(|p| p.kind == m).count();
                            assert!(present >= usize::from(q.need), "{at}: too few to kill");
                            assert!(content.monster_share(m) > 0, "{at}: foreign monster");
                        }
                        QuestTarget::Collect(item) => {
                            let laid: Vec<Point> = g
                                .items
                                .iter()
                                .filter(|i| i.item == item)
                                .map(|i| i.at)
                                .collect();
                            assert!(laid.len() >= usize::from(q.need), "{at}: too few laid");
                            assert!(
                                laid.iter().all(|&p| dist.get(p) != UNREACHED),
                                "{at}: a quest item is out of reach"
                            );
                        }
                        QuestTarget::Boss(m) => {
                            assert!(g.monsters.iter().any(|p| p.boss && p.kind == m), "{at}")
                        }
                        QuestTarget::Talk(p) | QuestTarget::Escort(p) => {
                            assert!(level.is_walkable(p.at), "{at}: person in a wall");
                            assert_ne!(dist.get(p.at), UNREACHED, "{at}: person walled in");
                            assert!(
                                !g.monsters.iter().any(|m| m.at == p.at),
                                "{at}: person on a monster"
                            );
                            assert!(content.monster_share(p.kind) > 0, "{at}: foreign person");
                        }
                        QuestTarget::Explore => assert!(q.need <= 100, "{at}"),
                    }
                    if let Some(item) = q.reward.item {
                        assert!(content.item_share(item) > 0, "{at}: foreign reward");
                    }
                }
            }
        }
    }
}

/// Harmless fantasy content where each level sets only quests of `kind`.
fn only_quests(kind: &str) -> Content {
    let mut c = common::harmless_fantasy();
    for q in &mut c.quests {
        if q.goal.kind_name() != kind {
            q.def.weight = 0;
        }
    }
    c.quests_per_level = Span(1, 1);
    c
}

/// Where the person a quest is about stands now.
fn person_at(sim: &Simulation, npc: u64) -> Option<Point> {
    let mut actors = Vec::new();
    sim.actors_on(1, &mut actors);
    actors.iter().find(|a| a.id == npc).map(|a| a.at)
}

#[test]
fn talking_to_someone_finishes_the_quest_and_rewards_the_hero() {
    let content = Arc::new(only_quests("talk"));
    let mut sim = Simulation::new(7, content);
    sim.add_player("Tester");
    let quest = sim.quests()[0];
    let QuestGoal::Talk { npc, .. } = quest.goal else {
        panic!("expected a talk quest, got {:?}", quest.goal);
    };
    let before = sim.hero(PlayerId(0)).expect("hero");
    let mut done = false;
    for _ in 0..4000 {
        let Some(at) = person_at(&sim, npc) else {
            break;
        };
        let events = step_towards(&mut sim, at);
        if events.contains(&EventKind::QuestDone { quest: 0 }) {
            assert!(events.contains(&EventKind::QuestReward {
                player: PlayerId(0),
                quest: 0
            }));
            done = true;
            break;
        }
    }
    assert!(done, "the talk quest was not finished");
    let after = sim.hero(PlayerId(0)).expect("hero");
    assert_eq!(sim.quests()[0].state, QuestState::Done);
    assert!(after.xp >= before.xp + i64::from(quest.reward.xp));
    assert!(after.gold >= before.gold + i64::from(quest.reward.gold));
    if let Some(item) = quest.reward.item {
        assert!(
            after.pack_items().any(|(_, s)| s.item == item),
            "reward item"
        );
    }
    // With nothing more to ask, walking into them swaps places.
    let at = person_at(&sim, npc).expect("still there");
    let mut swapped = false;
    for _ in 0..200 {
        let from = sim.hero(PlayerId(0)).expect("hero").at;
        if step_towards(&mut sim, at)
            .iter()
            .any(|e| matches!(e, EventKind::SwappedPlaces { .. }))
        {
            assert_eq!(sim.hero(PlayerId(0)).expect("hero").at, at);
            assert_eq!(person_at(&sim, npc), Some(from));
            swapped = true;
            break;
        }
    }
    assert!(swapped);
}

#[test]
fn someone_led_back_to_the_stairs_is_rescued() {
    let content = Arc::new(only_quests("escort"));
    let mut sim = Simulation::new(11, content);
    sim.add_player("Tester");
    let quest = sim.quests()[0];
    let QuestGoal::Escort { npc, .. } = quest.goal else {
        panic!("expected an escort quest, got {:?}", quest.goal);
    };
    let start = sim.hero(PlayerId(0)).expect("hero").at;
    let points = sim.hero(PlayerId(0)).expect("hero").skill_points;
    // Find them and speak: they follow.
    let mut following = false;
    for _ in 0..6000 {
        let at = person_at(&sim, npc).expect("alive");
        if step_towards(&mut sim, at)
            .iter()
            .any(|e| matches!(e, EventKind::Follows { .. }))
        {
            following = true;
            break;
        }
    }
    assert!(following, "they never followed");
    // Walk back to where the hero arrived, waiting whenever they fall
    // behind, as a player would; there they are rescued.
    let mut rescued = false;
    for _ in 0..8000 {
        let hero = sim.hero(PlayerId(0)).expect("hero").at;
        let near = person_at(&sim, npc).is_some_and(|p| p.chebyshev(hero) <= 2);
        let events = if near {
            step_towards(&mut sim, start)
        } else {
            sim.step(&[]).iter().map(|e| e.kind).collect()
        };
        if events.contains(&EventKind::QuestDone { quest: 0 }) {
            rescued = true;
            break;
        }
    }
    assert!(rescued, "not rescued: {:?}", sim.quests()[0]);
    let hero = sim.hero(PlayerId(0)).expect("hero");
    assert!(
        quest.reward.skill_points > 0,
        "a rescue is worth a skill point"
    );
    assert!(hero.skill_points >= points + quest.reward.skill_points);
    // They leave the level.
    sim.step(&[]);
    assert_eq!(person_at(&sim, npc), None);
}

#[test]
fn kills_and_exploring_count_for_the_bot() {
    use venture::bot::{Bot, ExploreBot};
    let base = load_defaults().expect("defaults");
    let content = Arc::new(base.in_genre(base.genre_id("fantasy").expect("fantasy")));
    let mut done_kinds: Vec<&str> = Vec::new();
    for seed in 1..6u64 {
        let mut sim = Simulation::new(seed, Arc::clone(&content));
        let player = sim.add_player("Bot");
        let mut bot = ExploreBot::default();
        for _ in 0..3000 {
            match bot.decide(&sim, player) {
                Some(action) => sim.step(&[PlayerInput { player, action }]),
                None => sim.step(&[]),
            };
        }
        for q in sim.quests().iter().filter(|q| q.state == QuestState::Done) {
            done_kinds.push(content.quest(q.template).goal.kind_name());
        }
    }
    for kind in ["kill", "explore"] {
        assert!(
            done_kinds.contains(&kind),
            "no {kind} quest done: {done_kinds:?}"
        );
    }
    assert!(matches!(
        content
            .quests
            .iter()
            .find(|q| q.goal.kind_name() == "boss")
            .map(|q| &q.goal),
        Some(Goal::Boss)
    ));
}

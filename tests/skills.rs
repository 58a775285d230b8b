//! Classes and skills: a fresh hero takes a class once, its bonus and kit
//! show in its stats and pack; skill points from levels buy nodes of the
//! world's tree, prerequisites first, cheaper in the class's own archetype;
//! and the menus for both work from the keyboard.

use std::sync::Arc;

use venture::bot::{Bot, ExploreBot};
use venture::modes::app::{App, Pace};
use venture::modes::input::Key;
use venture::schema::common::{StatusKind, StatusSpec};
use venture::schema::skills::SkillEffect;
use venture::schema::{Content, load_defaults};
use venture::sim::event::Refusal;
use venture::sim::spells::SpellEvent;
use venture::sim::systems::character::skill_cost;
use venture::sim::{Action, EventKind, PlayerId, PlayerInput, Simulation};

fn fantasy() -> Arc<Content> {
    let c = load_defaults().expect("defaults");
    Arc::new(c.in_genre(c.genre_id("fantasy").expect("fantasy")))
}

fn act(sim: &mut Simulation, action: Action) -> Vec<EventKind> {
    let input = [PlayerInput {
        player: PlayerId(0),
        action,
    }];
    sim.step(&input).iter().map(|e| e.kind).collect()
}

fn refused(why: Refusal) -> EventKind {
    EventKind::Refused {
        player: PlayerId(0),
        why,
    }
}

#[test]
fn a_class_is_taken_once_and_adds_its_bonus_and_kit() {
    let content = fantasy();
    let mut sim = Simulation::new(3, Arc::clone(&content));
    sim.add_player("Tester");
    let before = sim.hero(PlayerId(0)).expect("hero");
    let class = content.world_classes().next().expect("a class");
    let def = &content.classes[class];
    let events = act(&mut sim, Action::ChooseClass(0));
    assert!(events.contains(&EventKind::ClassChosen {
        player: PlayerId(0),
        class: class as u8
    }));
    let after = sim.hero(PlayerId(0)).expect("hero");
    assert_eq!(after.max_hp, before.max_hp + def.def.bonus.hp);
    assert_eq!(
        after.combat.defense,
        before.combat.defense + def.def.bonus.defense
    );
    for &item in &content.classes[class].start_items {
        let carried = after.pack_items().any(|(_, s)| s.item == item)
            || after.weapon.is_some_and(|w| w.item == item)
            || after.worn.iter().flatten().any(|w| w.item == item);
        assert!(carried, "kit item");
    }
    // The class's weapon is the one in hand.
    if let Some(&weapon) = content.classes[class].start_items.iter().find(|&&i| {
        matches!(
            content.item(i).kind,
            venture::schema::items::ItemKind::Weapon(_)
        )
    }) {
        assert_eq!(after.weapon.map(|w| w.item), Some(weapon));
    }
    assert_eq!(after.class, Some(class as u8));
    // Once only, and no such class is refused without harm.
    assert!(act(&mut sim, Action::ChooseClass(1)).contains(&refused(Refusal::ClassTaken)));
    let mut other = Simulation::new(3, Arc::clone(&content));
    other.add_player("Tester");
    assert!(act(&mut other, Action::ChooseClass(200)).contains(&refused(Refusal::NoSuchClass)));
}

#[test]
fn skills_cost_points_need_their_prerequisite_and_change_stats() {
    let content = fantasy();
    let mut sim = Simulation::new(5, Arc::clone(&content));
    sim.add_player("Tester");
    act(&mut sim, Action::ChooseClass(0));
    let hero = sim.hero(PlayerId(0)).expect("hero");
    assert_eq!(hero.skill_points, 1, "a new hero has one point");
    let tree = sim.with_skill_tree(Clone::clone);
    let own = content.classes[usize::from(hero.class.expect("class"))].archetype;
    // A tier-2 node before its prerequisite is refused.
    let tier2 = tree.0.iter().position(|n| n.tier == 2).expect("tier 2") as u8;
    assert!(act(&mut sim, Action::Learn(tier2)).contains(&refused(Refusal::NeedsPrerequisite)));
    // Another archetype's root costs two: refused with one point.
    let foreign = tree
        .0
        .iter()
        .position(|n| n.tier == 1 && n.archetype != own)
        .expect("another branch") as u8;
    assert_eq!(skill_cost(&tree, foreign, hero.class, &content), 2);
    assert!(act(&mut sim, Action::Learn(foreign)).contains(&refused(Refusal::NoPoints)));
    // The class's own root costs one and changes the hero.
    let root = tree
        .0
        .iter()
        .position(|n| n.tier == 1 && n.archetype == own)
        .expect("own root") as u8;
    let events = act(&mut sim, Action::Learn(root));
    assert!(events.contains(&EventKind::SkillLearned {
        player: PlayerId(0),
        node: root
    }));
    let after = sim.hero(PlayerId(0)).expect("hero");
    assert_eq!(after.skill_points, 0);
    assert_ne!(
        (after.max_hp, after.combat, after.speed),
        (hero.max_hp, hero.combat, hero.speed),
        "learning a skill changes the hero"
    );
    assert!(act(&mut sim, Action::Learn(root)).contains(&refused(Refusal::AlreadyLearned)));
    assert!(act(&mut sim, Action::Learn(250)).contains(&refused(Refusal::NoSuchSkill)));
}

#[test]
fn levels_give_the_points_the_bot_spends() {
    let content = fantasy();
    let mut sim = Simulation::new(2, Arc::clone(&content));
    let player = sim.add_player("Bot");
    let mut bot = ExploreBot::default();
    for _ in 0..5000 {
        match bot.decide(&sim, player) {
            Some(action) => sim.step(&[PlayerInput { player, action }]),
            None => sim.step(&[]),
        };
    }
    let hero = sim.hero(player).expect("hero");
    assert!(hero.level > 2, "the bot levelled up");
    let tree = sim.with_skill_tree(Clone::clone);
    let mut spent = 0;
    for i in 0..tree.0.len() as u8 {
        if hero.skills & (1 << i) != 0 {
            spent += skill_cost(&tree, i, hero.class, &content);
        }
    }
    assert!(spent > 0, "the bot learned skills");
    let from_quests: i32 = sim
        .quests()
        .iter()
        .filter(|q| q.state == venture::sim::quest::QuestState::Done)
        .map(|q| q.reward.skill_points)
        .sum();
    let earned = 1 + (hero.level - 1) * content.skill_points_per_level + from_quests;
    assert_eq!(spent + hero.skill_points, earned);
}

#[test]
fn the_class_menu_and_character_screen_work_from_the_keyboard() {
    let mut app = App::new(9, fantasy(), "Tester", Pace::RealTime);
    app.offer_class_choice();
    let overlay = app.frame(56, 19).overlay.expect("class menu");
    assert_eq!(overlay.title, "Choose your calling");
    app.handle(Key::Char('b'));
    assert!(app.frame(56, 19).overlay.is_none(), "chosen and closed");
    app.tick();
    let hud = app.frame(56, 19).hud;
    assert!(hud.class.is_some(), "the class was taken");
    assert!(hud.classes.is_empty(), "no longer on offer");
    // The character screen: c opens, Enter learns, c and Esc close.
    app.handle(Key::Char('c'));
    let sheet = app.frame(56, 19).overlay.expect("character screen");
    assert_eq!(sheet.title, "Character");
    app.handle(Key::Esc);
    assert!(app.frame(56, 19).overlay.is_none());
    app.handle(Key::Char('c'));
    let node = hud
        .skills
        .iter()
        .position(|s| s.cost == 1 && s.requires.is_none())
        .expect("a root of the class's own branch");
    for _ in 0..node {
        app.handle(Key::Down);
    }
    app.handle(Key::Enter);
    assert!(
        app.frame(56, 19).overlay.is_none(),
        "the sheet steps aside for the tick that learns"
    );
    app.tick();
    let frame = app.frame(56, 19);
    assert!(frame.hud.skills[node].learned, "Enter learned the skill");
    assert_eq!(frame.hud.skill_points, 0);
    let sheet = frame.overlay.expect("the sheet is back after learning");
    assert!(
        sheet
            .lines
            .iter()
            .any(|l| l.text.starts_with('>') && l.text.contains(&hud.skills[node].name)),
        "on the same row"
    );
    // With no points left, Enter is refused and the sheet comes back too.
    app.handle(Key::Down);
    app.handle(Key::Enter);
    app.tick();
    assert!(app.frame(56, 19).overlay.is_some(), "back after a refusal");
    app.handle(Key::Char('c'));
    assert!(app.frame(56, 19).overlay.is_none(), "c closes it too");
}

/// A fantasy world whose every skill has `effect`, and a hero who took the
/// first class and learned its archetype's first root.
fn learned(effect: &SkillEffect) -> (Simulation, Arc<Content>, Vec<EventKind>) {
    let mut c = (*fantasy()).clone();
    for a in &mut c.archetypes {
        for s in &mut a.skills {
            s.effect = effect.clone();
        }
    }
    let content = Arc::new(c);
    let mut sim = Simulation::new(5, Arc::clone(&content));
    sim.add_player("Tester");
    act(&mut sim, Action::ChooseClass(0));
    let hero = sim.hero(PlayerId(0)).expect("hero");
    let own = content.classes[usize::from(hero.class.expect("class"))].archetype;
    let tree = sim.with_skill_tree(Clone::clone);
    let root = tree
        .0
        .iter()
        .position(|n| n.tier == 1 && n.archetype == own)
        .expect("own root") as u8;
    let events = act(&mut sim, Action::Learn(root));
    assert!(
        events.contains(&EventKind::SkillLearned {
            player: PlayerId(0),
            node: root
        }),
        "{effect:?}: {events:?}"
    );
    (sim, content, events)
}

#[test]
fn skills_can_heal_on_hit_wound_with_statuses_quicken_mana_and_teach_spells() {
    let (sim, _, _) = learned(&SkillEffect::LifeOnHit(3));
    let base = sim.hero(PlayerId(0)).expect("hero").combat.life_on_hit;
    assert_eq!(base, 3, "life on hit");

    let spec = StatusSpec {
        kind: StatusKind::Poisoned,
        magnitude: 2,
        duration: 60,
        chance: 25,
    };
    let (sim, _, _) = learned(&SkillEffect::OnHit(spec));
    let hero = sim.hero(PlayerId(0)).expect("hero");
    // The class's weapon has no status of its own, so the skill's shows.
    assert_eq!(hero.combat.on_hit, Some(spec));

    let before = learned(&SkillEffect::MaxHp(1)).0;
    let regen = |s: &Simulation| s.hero_magic(PlayerId(0)).expect("magic").regen_centi;
    let (sim, _, _) = learned(&SkillEffect::ManaRegen(50));
    assert_eq!(regen(&sim), regen(&before) + 50);

    let (sim, content, events) = learned(&SkillEffect::Spell("hex_bolt".into()));
    let hex = content.spell_id("hex_bolt").expect("hex bolt");
    assert!(events.contains(&EventKind::Spell(SpellEvent::Learned {
        player: PlayerId(0),
        spell: hex
    })));
    let magic = sim.hero_magic(PlayerId(0)).expect("magic");
    let i = magic
        .known
        .iter()
        .position(|k| k.spell == hex)
        .expect("known");
    assert!(magic.slots.contains(&Some(i as u8)), "put in a hotkey slot");
}

#[test]
fn every_genre_tree_offers_skills_that_change_play() {
    let base = load_defaults().expect("defaults");
    for g in ["fantasy", "scifi", "horror", "cyberpunk", "postapoc"] {
        let content = base.in_genre(base.genre_id(g).expect("a genre"));
        for seed in 0..20 {
            let mut sim = Simulation::new(seed, Arc::new(content.clone()));
            sim.add_player("Tester");
            let tree = sim.with_skill_tree(Clone::clone);
            let changers = tree
                .0
                .iter()
                .filter(|n| {
                    !matches!(
                        n.effect(&content),
                        SkillEffect::MaxHp(_)
                            | SkillEffect::Attack(_)
                            | SkillEffect::Defense(_)
                            | SkillEffect::Evasion(_)
                            | SkillEffect::Accuracy(_)
                            | SkillEffect::Crit(_)
                            | SkillEffect::Speed(_)
                            | SkillEffect::Resist(..)
                    )
                })
                .count();
            assert!(changers >= 3, "genre {g} seed {seed}: {changers}");
        }
    }
}

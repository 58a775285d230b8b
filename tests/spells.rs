//! Spells through the public API: every type does what it says with a few
//! elements and every targeting; mana is spent and comes back; cooldowns
//! hold; refusals cost no time; summons appear, fight and fade; casting
//! monsters cast at the hero; heroes learn spells by level; the spells
//! screen opens, closes and assigns slots.

mod common;

use std::sync::Arc;

use venture::bench::stress::stress_content;
use venture::schema::spells::{Element, SpellDef, SpellKind, Targeting};
use venture::schema::{Content, DamageType, Span, StatusKind, StatusSpec, load_defaults};
use venture::sim::event::{EventKind, Who};
use venture::sim::spells::{Refusal, SpellEvent};
use venture::sim::{Action, PlayerId, PlayerInput, Simulation, Tile};

fn fantasy() -> Content {
    let base = load_defaults().expect("default schemas load");
    base.in_genre(base.genre_id("fantasy").expect("fantasy"))
}

/// Fantasy content whose heroes know one spell, `ember_dart` rewritten by
/// `edit`, free and instant.
fn with_spell(edit: impl FnOnce(&mut SpellDef)) -> Content {
    let mut c = fantasy();
    let id = c.spell_id("ember_dart").expect("ember dart");
    c.edit_spell(id, |s| {
        s.mana = 0;
        s.cooldown = 0;
        s.learn_level = Some(1);
        edit(s);
    });
    c.set_hero_spells(vec![id]);
    c
}

/// A crowded stress cave around a tough hero, with `content`'s spells.
fn crowd(content: &Content, monsters: i32) -> (Simulation, PlayerId) {
    let mut c = stress_content(content, monsters);
    // Monsters here do not cast, so every spell event is the hero's.
    for id in c.monster_ids().collect::<Vec<_>>() {
        c.set_monster_spells(id, Vec::new());
    }
    let mut sim = Simulation::new(21, Arc::new(c));
    let player = sim.add_player("Caster");
    (sim, player)
}

/// Casts slot 0 whenever the hero can, until `done` holds for the events
/// seen so far (or `ticks` pass). Returns every event.
fn cast_until(
    sim: &mut Simulation,
    player: PlayerId,
    ticks: u32,
    done: impl Fn(&[EventKind]) -> bool,
) -> Vec<EventKind> {
    let mut seen = Vec::new();
    for _ in 0..ticks {
        let hero = sim.hero(player).expect("hero");
        let inputs: Vec<PlayerInput> = (hero.ready && hero.pending.is_none())
            .then_some(PlayerInput {
                player,
                action: Action::Cast { slot: 0 },
            })
            .into_iter()
            .collect();
        seen.extend(sim.step(&inputs).iter().map(|e| e.kind));
        if done(&seen) {
            break;
        }
    }
    seen
}

fn hero_cast(e: &EventKind) -> bool {
    matches!(
        e,
        EventKind::Spell(SpellEvent::Cast {
            caster: Who::Player(_),
            ..
        })
    )
}

fn status_on_monster(events: &[EventKind], kind: StatusKind) -> bool {
    events.iter().any(|e| {
        matches!(e, EventKind::StatusApplied { target: Who::Monster(_), status } if *status == kind)
    })
}

fn spell_hit(events: &[EventKind], t: DamageType) -> bool {
    events.iter().any(|e| {
        matches!(e, EventKind::Hit { attacker: Who::Player(_), target: Who::Monster(_), damage_type, .. } if *damage_type == t)
    })
}

fn sure(kind: StatusKind) -> Option<StatusSpec> {
    Some(StatusSpec {
        kind,
        magnitude: 1,
        duration: 40,
        chance: 100,
    })
}

#[test]
fn offensive_spells_of_every_aimed_targeting_hurt_with_their_element_and_status() {
    let elements: Vec<Element> = Element::ALL
        .into_iter()
        .filter(|&e| e != Element::None)
        .collect();
    let targetings = [
        Targeting::Single,
        Targeting::Area,
        Targeting::Cone,
        Targeting::Line,
        Targeting::Enemies,
    ];
    for (i, &target) in targetings.iter().enumerate() {
        // A few elements per targeting, every element over the loop.
        for k in 0..2 {
            let element = elements[(i * 2 + k * 3) % elements.len()];
            let content = with_spell(|s| {
                s.kind = SpellKind::Offensive;
                s.element = element;
                s.target = target;
                s.range = 6;
                s.power = Span(2, 3);
                s.status = element.status().and_then(sure);
            });
            let (mut sim, player) = crowd(&content, 400);
            let t = element.damage_type();
            let events = cast_until(&mut sim, player, 1500, |ev| {
                spell_hit(ev, t)
                    && element.status().is_none_or(|k| status_on_monster(ev, k))
                    && (element != Element::Wind
                        || ev
                            .iter()
                            .any(|e| matches!(e, EventKind::Spell(SpellEvent::KnockedBack { .. }))))
            });
            let what = format!("{element:?} {target:?}");
            assert!(events.iter().any(hero_cast), "{what}: never cast");
            assert!(spell_hit(&events, t), "{what}: no {t:?} hit");
            if let Some(k) = element.status() {
                assert!(status_on_monster(&events, k), "{what}: no {k:?}");
            }
            if element == Element::Wind {
                assert!(
                    events
                        .iter()
                        .any(|e| matches!(e, EventKind::Spell(SpellEvent::KnockedBack { .. }))),
                    "{what}: no knockback"
                );
            }
        }
    }
}

#[test]
fn debuffs_inflict_their_status_without_harm() {
    for (element, target) in [
        (Element::Earth, Targeting::Single),
        (Element::Light, Targeting::Area),
        (Element::Arcane, Targeting::Enemies),
    ] {
        let kind = element.status().expect("a status");
        let content = with_spell(|s| {
            s.kind = SpellKind::Debuff;
            s.element = element;
            s.target = target;
            s.range = 6;
            s.status = sure(kind);
        });
        let (mut sim, player) = crowd(&content, 400);
        let events = cast_until(&mut sim, player, 1500, |ev| status_on_monster(ev, kind));
        assert!(status_on_monster(&events, kind), "{element:?} {target:?}");
        assert!(
            !spell_hit(&events, element.damage_type()) || element == Element::None,
            "a debuff hurt"
        );
    }
}

#[test]
fn healing_defensive_and_buff_spells_help_the_caster_side() {
    // Healing on the hero once it is hurt.
    let content = with_spell(|s| {
        s.kind = SpellKind::Healing;
        s.element = Element::Light;
        s.target = Targeting::Caster;
        s.power = Span(5, 5);
        s.status = None;
    });
    let (mut sim, player) = crowd(&content, 400);
    let events = cast_until(&mut sim, player, 1500, |ev| {
        ev.iter()
            .any(|e| matches!(e, EventKind::Healed { who: Who::Player(_), amount } if *amount > 0))
    });
    assert!(
        events
            .iter()
            .any(|e| matches!(e, EventKind::Healed { who: Who::Player(_), amount } if *amount > 0))
    );
    // A shield on the hero, a haste on the hero's side.
    for (kind, spell_kind, target) in [
        (
            StatusKind::Shielded,
            SpellKind::Defensive,
            Targeting::Caster,
        ),
        (StatusKind::Hasted, SpellKind::Buff, Targeting::Allies),
        (StatusKind::Empowered, SpellKind::Buff, Targeting::Caster),
    ] {
        let content = with_spell(|s| {
            s.kind = spell_kind;
            s.element = Element::Earth;
            s.target = target;
            s.range = 3;
            s.status = Some(StatusSpec {
                kind,
                magnitude: 3,
                duration: 100,
                chance: 100,
            });
        });
        let (mut sim, player) = crowd(&content, 50);
        cast_until(&mut sim, player, 60, |ev| ev.iter().any(hero_cast));
        let hero = sim.hero(player).expect("hero");
        assert!(
            hero.statuses.iter().any(|s| s.kind == kind),
            "{kind:?} not on the hero"
        );
    }
}

#[test]
fn summons_appear_fight_for_the_hero_and_fade() {
    let content = with_spell(|s| {
        s.kind = SpellKind::Summon;
        s.element = Element::None;
        s.target = Targeting::Caster;
        s.cooldown = 100_000;
        s.status = None;
        s.summon = Some(venture::schema::spells::SummonDef {
            monster: "hearth_hound".into(),
            count: Span(2, 2),
            duration: 400,
        });
    });
    let hound = content.monster_id("hearth_hound").expect("hound");
    let (mut sim, player) = crowd(&content, 400);
    let events = cast_until(&mut sim, player, 1200, |ev| {
        ev.iter()
            .any(|e| matches!(e, EventKind::Spell(SpellEvent::Faded { .. })))
    });
    let summoned = events
        .iter()
        .filter(|e| {
            matches!(
                e,
                EventKind::Spell(SpellEvent::Summoned {
                    by: Who::Player(_),
                    ..
                })
            )
        })
        .count();
    assert_eq!(summoned, 2, "two hounds, one cast (long cooldown)");
    let fought = events.iter().any(|e| {
        matches!(e, EventKind::Hit { attacker: Who::Monster(m), target: Who::Monster(_), .. } if *m == hound)
    });
    assert!(fought, "the hounds never fought a monster");
    // What the hounds kill is the hero's: experience and the kill count.
    let hound_kills = events
        .iter()
        .filter(
            |e| matches!(e, EventKind::Died { killer: Some(Who::Monster(m)), .. } if *m == hound),
        )
        .count();
    let gained = events
        .iter()
        .filter(|e| matches!(e, EventKind::GainedXp { player: p, .. } if *p == player))
        .count();
    assert!(hound_kills > 0, "the hounds killed nothing");
    assert!(
        gained >= hound_kills,
        "{gained} xp gains for {hound_kills} hound kills"
    );
    assert!(
        events.iter().any(
            |e| matches!(e, EventKind::Spell(SpellEvent::Faded { monster }) if *monster == hound)
        ),
        "the hounds never faded"
    );
}

#[test]
fn summons_follow_their_hero_down_the_stairs() {
    let mut content = common::harmless_fantasy();
    let id = content
        .spell_id("call_hearth_hound")
        .expect("the hound spell");
    content.edit_spell(id, |s| {
        s.mana = 0;
        s.learn_level = Some(1);
        if let Some(summon) = &mut s.summon {
            summon.duration = 100_000;
        }
    });
    content.set_hero_spells(vec![id]);
    let mut sim = Simulation::new(4, Arc::new(content));
    let player = sim.add_player("Caster");
    let events = cast_until(&mut sim, player, 100, |ev| {
        ev.iter()
            .any(|e| matches!(e, EventKind::Spell(SpellEvent::Summoned { .. })))
    });
    assert!(
        events
            .iter()
            .any(|e| matches!(e, EventKind::Spell(SpellEvent::Summoned { .. })))
    );
    let allies = sim.allies_of(player);
    assert!(!allies.is_empty(), "a hound answers");
    let down = sim
        .with_level(1, |l| {
            l.tiles.points().find(|&p| l.tile(p) == Tile::StairsDown)
        })
        .flatten()
        .expect("stairs down");
    for _ in 0..6000 {
        let hero = sim.hero(player).expect("hero");
        if hero.depth == 2 {
            break;
        }
        if hero.at == down {
            sim.step(&[PlayerInput {
                player,
                action: Action::Descend,
            }]);
        } else {
            common::step_towards(&mut sim, down);
        }
    }
    let hero = sim.hero(player).expect("hero");
    assert_eq!(hero.depth, 2);
    let mut below = Vec::new();
    sim.actors_on(2, &mut below);
    for ally in sim.allies_of(player) {
        let a = below
            .iter()
            .find(|a| a.id == ally)
            .expect("the hound came along");
        assert!(
            a.at.chebyshev(hero.at) <= 3,
            "{:?} far from {:?}",
            a.at,
            hero.at
        );
    }
}

#[test]
fn utility_spells_reveal_or_jump() {
    let content = with_spell(|s| {
        s.kind = SpellKind::Utility;
        s.element = Element::Light;
        s.target = Targeting::Caster;
        s.range = 12;
        s.status = None;
    });
    let (mut sim, player) = crowd(&content, 10);
    // The hero's memory of depth 1, tile by tile.
    let memory = |sim: &Simulation| {
        sim.with_vision(player, |v| v.explored.get(&1).map(|g| g.cells().to_vec()))
            .flatten()
            .unwrap_or_default()
    };
    sim.step(&[]);
    let before = memory(&sim);
    let events = cast_until(&mut sim, player, 60, |ev| ev.iter().any(hero_cast));
    assert!(
        events
            .iter()
            .any(|e| matches!(e, EventKind::Spell(SpellEvent::Revealed { .. })))
    );
    let after = memory(&sim);
    let newly = after
        .iter()
        .zip(&before)
        .filter(|&(&now, &then)| now && !then)
        .count();
    assert!(newly > 20, "only {newly} tiles came to light");
    assert!(before.iter().zip(&after).all(|(&then, &now)| !then || now));

    let content = with_spell(|s| {
        s.kind = SpellKind::Utility;
        s.element = Element::Wind;
        s.target = Targeting::Caster;
        s.range = 5;
        s.status = None;
    });
    let (mut sim, player) = crowd(&content, 10);
    let from = sim.hero(player).expect("hero").at;
    let events = cast_until(&mut sim, player, 60, |ev| ev.iter().any(hero_cast));
    assert!(
        events
            .iter()
            .any(|e| matches!(e, EventKind::Spell(SpellEvent::Blinked { .. })))
    );
    assert_ne!(
        sim.hero(player).expect("hero").at,
        from,
        "the hero did not move"
    );
}

fn refusal(events: &[EventKind]) -> Option<Refusal> {
    events.iter().find_map(|e| match e {
        EventKind::Spell(SpellEvent::Refused { reason, .. }) => Some(*reason),
        _ => None,
    })
}

/// A plain fantasy world whose hero knows Hearthmend (slot 1) and Ember Dart
/// (slot 0), waited until it can act.
fn plain(content: Content) -> (Simulation, PlayerId) {
    let mut sim = Simulation::new(5, Arc::new(content));
    let player = sim.add_player("Mage");
    while !sim.hero(player).expect("hero").ready {
        sim.step(&[]);
    }
    (sim, player)
}

fn act(sim: &mut Simulation, player: PlayerId, action: Action) -> Vec<EventKind> {
    sim.step(&[PlayerInput { player, action }])
        .iter()
        .map(|e| e.kind)
        .collect()
}

#[test]
fn mana_is_spent_regained_and_cooldowns_hold() {
    let content = fantasy();
    let heal = content.spell_id("hearthmend").expect("hearthmend");
    let (cost, cooldown) = (content.spell(heal).mana, content.spell(heal).cooldown);
    let regen = content.mana_rules().regen_centi;
    let (mut sim, player) = plain(content);
    let magic = sim.hero_magic(player).expect("magic");
    let slot = magic
        .slots
        .iter()
        .position(|s| s.is_some_and(|i| magic.known[usize::from(i)].spell == heal))
        .expect("hearthmend in a slot") as u8;
    let before = magic.mana;
    let events = act(&mut sim, player, Action::Cast { slot });
    assert!(events.iter().any(hero_cast), "{events:?}");
    let after = sim.hero_magic(player).expect("magic").mana;
    assert!(after <= before - cost + 1, "{before} -> {after}");
    // At once again: refused, cooling down.
    let mut refused = None;
    for _ in 0..40 {
        let hero = sim.hero(player).expect("hero");
        if hero.ready {
            refused = refusal(&act(&mut sim, player, Action::Cast { slot }));
            break;
        }
        sim.step(&[]);
    }
    assert!(
        matches!(refused, Some(Refusal::Cooldown { .. })),
        "{refused:?}"
    );
    // Mana comes back at the written rate.
    let start = sim.hero_magic(player).expect("magic").mana;
    for _ in 0..100 {
        sim.step(&[]);
    }
    let back = sim.hero_magic(player).expect("magic").mana;
    let max = sim.hero_magic(player).expect("magic").max_mana;
    assert_eq!(back, (start + regen * 100 / 100).min(max));
    // After the cooldown it casts again.
    for _ in 0..cooldown {
        sim.step(&[]);
    }
    let events = act(&mut sim, player, Action::Cast { slot });
    assert!(events.iter().any(hero_cast) || refusal(&events).is_none());
}

#[test]
fn refusals_say_why_and_cost_no_time() {
    let mut content = fantasy();
    let dart = content.spell_id("ember_dart").expect("dart");
    content.edit_spell(dart, |s| s.range = 1);
    let (mut sim, player) = plain(content);
    for (slot, want) in [(7u8, Refusal::NoSuchSlot), (4, Refusal::EmptySlot)] {
        let events = act(&mut sim, player, Action::Cast { slot });
        assert_eq!(refusal(&events), Some(want));
        assert!(sim.hero(player).expect("hero").ready, "a refusal cost time");
    }
    // Ember Dart (slot 0) with nothing adjacent to aim at.
    let events = act(&mut sim, player, Action::Cast { slot: 0 });
    assert_eq!(refusal(&events), Some(Refusal::NoTarget));
    assert!(sim.hero(player).expect("hero").ready);
    // Out of mana.
    let mut content = fantasy();
    let heal = content.spell_id("hearthmend").expect("heal");
    content.edit_spell(heal, |s| s.mana = 500);
    let (mut sim, player) = plain(content);
    let events = act(&mut sim, player, Action::Cast { slot: 1 });
    assert!(
        matches!(refusal(&events), Some(Refusal::NoMana { need: 500, .. })),
        "{events:?}"
    );
}

#[test]
fn caster_monsters_cast_at_the_hero_and_summon() {
    let base = fantasy();
    let mut c = stress_content(&base, 600);
    let hex = c.spell_id("hex_bolt").expect("hex bolt");
    let bones = c.spell_id("bone_call").expect("bone call");
    for id in c.monster_ids().collect::<Vec<_>>() {
        c.set_monster_spells(id, vec![bones, hex]);
    }
    let mut sim = Simulation::new(21, Arc::new(c));
    let player = sim.add_player("Target");
    let (mut at_hero, mut summons) = (0, 0);
    for _ in 0..600 {
        for e in sim.step(&[]) {
            match e.kind {
                EventKind::Spell(SpellEvent::Cast {
                    caster: Who::Monster(_),
                    target: Some(Who::Player(p)),
                    ..
                }) if p == player => at_hero += 1,
                EventKind::Spell(SpellEvent::Summoned {
                    by: Who::Monster(_),
                    ..
                }) => summons += 1,
                _ => {}
            }
        }
    }
    assert!(at_hero > 0, "no monster cast at the hero");
    assert!(summons > 0, "no monster summoned");
    assert!(
        sim.allies_of(player).is_empty(),
        "monsters' summons are not allies"
    );
}

#[test]
fn heroes_learn_spells_by_level_in_every_genre() {
    let base = load_defaults().expect("default schemas load");
    for g in base.genre_ids() {
        let content = base.in_genre(g);
        let genre = content.genre().id.clone();
        let spells = content.hero_spells();
        assert!(spells.len() >= 7, "{genre}: {} spells", spells.len());
        let kinds: std::collections::BTreeSet<_> =
            spells.iter().map(|&s| content.spell(s).kind).collect();
        assert_eq!(kinds.len(), 7, "{genre}: every type");
        assert!(
            spells
                .iter()
                .all(|&s| content.spell(s).genres.contains(&genre)),
            "{genre}: borrowed spells"
        );
        assert!(
            content
                .monster_ids()
                .any(|m| !content.monster_spells(m).is_empty()
                    && content.monster(m).genres.contains(&genre)),
            "{genre}: no caster"
        );
        let (mut sim, player) = crowd(&content, 600);
        let mut bot = venture::bot::ExploreBot::default();
        let mut learned = 0;
        for _ in 0..3000 {
            use venture::bot::Bot;
            let inputs: Vec<PlayerInput> = bot
                .decide(&sim, player)
                .map(|action| PlayerInput { player, action })
                .into_iter()
                .collect();
            learned += sim
                .step(&inputs)
                .iter()
                .filter(|e| matches!(e.kind, EventKind::Spell(SpellEvent::Learned { .. })))
                .count();
            if learned > 0 {
                break;
            }
        }
        assert!(learned > 0, "{genre}: nothing learned");
        let magic = sim.hero_magic(player).expect("magic");
        assert!(magic.known.len() > 2 && magic.max_mana > content.mana_rules().base);
    }
}

#[test]
fn casting_runs_the_same_way_twice() {
    let run = || {
        let content = with_spell(|s| {
            s.target = Targeting::Cone;
            s.range = 5;
        });
        let (mut sim, player) = crowd(&content, 300);
        let events = cast_until(&mut sim, player, 400, |_| false);
        (
            events.iter().filter(|e| hero_cast(e)).count(),
            sim.state_hash(),
        )
    };
    let a = run();
    assert!(a.0 > 0);
    assert_eq!(a, run());
}

mod screen {
    use super::*;
    use venture::modes::app::{App, Pace};
    use venture::modes::input::Key;

    fn app() -> App {
        App::new(
            8,
            Arc::new(load_defaults().expect("default schemas load")),
            "Tester",
            Pace::RealTime,
        )
    }

    fn title(app: &mut App) -> Option<String> {
        app.frame(56, 19).overlay.map(|o| o.title)
    }

    #[test]
    fn the_spells_screen_opens_and_closes_with_its_key_and_esc() {
        let mut app = app();
        app.handle(Key::Char('z'));
        assert_eq!(title(&mut app).as_deref(), Some("Spells"));
        assert!(app.paused());
        app.handle(Key::Char('z'));
        assert_eq!(title(&mut app), None);
        app.handle(Key::Char('z'));
        app.handle(Key::Esc);
        assert_eq!(title(&mut app), None);
        assert!(!app.paused());
    }

    #[test]
    fn the_spells_screen_assigns_slots() {
        let mut app = app();
        let before = app.frame(56, 19).hud.magic;
        assert!(before.spells.len() >= 2, "starting spells");
        assert_eq!(before.slots[0], Some(0));
        let frame = {
            app.handle(Key::Char('z'));
            app.frame(56, 19)
        };
        let text: Vec<String> = frame
            .overlay
            .expect("overlay")
            .lines
            .into_iter()
            .map(|l| l.text)
            .collect();
        assert!(
            text.iter()
                .any(|l| l.contains(&before.spells[0].name) && l.contains("mp")),
            "{text:#?}"
        );
        // The second spell into slot 1 (and out of slot 2).
        app.handle(Key::Char('b'));
        app.handle(Key::Char('1'));
        app.handle(Key::Char('z'));
        for _ in 0..40 {
            app.tick();
        }
        let after = app.frame(56, 19).hud.magic;
        assert_eq!(after.slots[0], Some(1));
        assert_eq!(after.slots[1], None);
        // Slot 2 is empty now: its key says so without casting.
        app.handle(Key::Char('2'));
        let log = app.frame(56, 19).log;
        assert!(
            log.iter().any(|l| l.text.contains("Slot 2 holds no spell")),
            "{log:#?}"
        );
    }

    #[test]
    fn the_help_lists_the_spell_keys() {
        let mut app = app();
        app.handle(Key::Char('?'));
        let overlay = app.frame(56, 19).overlay.expect("help");
        assert!(
            overlay
                .lines
                .iter()
                .any(|l| l.text.contains("1 2 3 4 5") && l.text.contains("z"))
        );
    }
}

mod schema {
    use venture::schema::load::{SchemaSource, default_sources, load_sources};

    /// The errors of the defaults with `file`'s text changed by `edit`.
    fn errors(file: &str, edit: impl Fn(&str) -> String) -> Vec<String> {
        let sources: Vec<SchemaSource> = default_sources()
            .into_iter()
            .map(|s| match s.name.ends_with(file) {
                true => SchemaSource::new(s.name.clone(), edit(&s.text)),
                false => s,
            })
            .collect();
        match load_sources(&sources) {
            Ok(_) => Vec::new(),
            Err(e) => e
                .errors
                .iter()
                .map(|e| format!("{}:{} {e}", e.file, e.line))
                .collect(),
        }
    }

    #[test]
    fn mistakes_in_spells_are_reported_clearly() {
        let cases = [
            (
                "spells.ron",
                (
                    "kind: Healing, element: Light, target: Self,\n            mana: 6, cooldown: 60, range: 0, power: (8, 12), learn_level: Some(1),\n        ),\n        (\n            id: \"rime_fan\"",
                    "kind: Healing, element: Light, target: Single,\n            mana: 6, cooldown: 60, range: 0, power: (8, 12), learn_level: Some(1),\n        ),\n        (\n            id: \"rime_fan\"",
                ),
                "`hearthmend` is a healing spell with `single` targeting",
            ),
            (
                "spells.ron",
                ("monster: \"hearth_hound\"", "monster: \"hellhound\""),
                "summons `hellhound`, which no monster is",
            ),
            (
                "spells.ron",
                (
                    "kind: Chilled, duration: 60, chance: 80",
                    "kind: Burning, duration: 60, chance: 80",
                ),
                "`rime_fan` is an ice spell inflicting `burning`",
            ),
            (
                "spells.ron",
                (
                    "mana: 4, cooldown: 16, range: 8, power: (3, 6), learn_level: Some(1),",
                    "mana: -4, cooldown: 16, range: 8, power: (3, 6), learn_level: Some(99),",
                ),
                "`mana` of `ember_dart` is -4",
            ),
            (
                "monsters.ron",
                (
                    "spells: [\"hex_bolt\", \"grave_chill\"]",
                    "spells: [\"hex_bolt\", \"grave_chil\"]",
                ),
                "`goblin_shaman` casts `grave_chil`, which spells.ron does not define",
            ),
        ];
        for (file, (from, to), want) in cases {
            let found = errors(file, |t| {
                assert!(t.contains(from), "{from}");
                t.replacen(from, to, 1)
            });
            assert!(
                found.iter().any(|e| e.contains(want) && e.contains(file)),
                "{want}: {found:#?}"
            );
        }
    }

    #[test]
    fn a_missing_spells_file_is_an_error_not_a_panic() {
        let sources: Vec<SchemaSource> = default_sources()
            .into_iter()
            .filter(|s| !s.name.ends_with("spells.ron"))
            .collect();
        let e = load_sources(&sources).expect_err("refused");
        assert!(
            e.errors
                .iter()
                .any(|e| e.to_string().contains("spells.ron"))
        );
    }
}

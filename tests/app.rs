//! The interactive game as a player drives it, without a terminal: pacing,
//! the screens' keys, potions, and what the map remembers.

use std::sync::Arc;

use venture::modes::app::{App, Pace};
use venture::modes::input::Key;
use venture::schema::load_defaults;

fn app(seed: u64, pace: Pace) -> App {
    App::new(
        seed,
        Arc::new(load_defaults().expect("default schemas load")),
        "Tester",
        pace,
    )
}

#[test]
fn turn_based_play_waits_for_the_player() {
    let mut app = app(42, Pace::TurnBased);
    let start = app.sim().tick();
    // Let the hero gather energy for its first move, then nothing happens.
    for _ in 0..50 {
        app.tick();
    }
    let idle = app.sim().tick();
    assert!(app.waiting_for_player());
    assert!(
        idle - start <= 4,
        "the world ran {} ticks on its own",
        idle - start
    );
    for _ in 0..50 {
        app.tick();
    }
    assert_eq!(app.sim().tick(), idle, "no ticks while waiting");
    // One step: time runs until the hero is ready again, then stops.
    app.handle(Key::Left);
    for _ in 0..50 {
        app.tick();
    }
    let after = app.sim().tick();
    assert!((idle + 1..=idle + 5).contains(&after), "{idle} -> {after}");
    assert!(app.waiting_for_player());
}

#[test]
fn t_switches_between_real_time_and_turns() {
    let mut app = app(42, Pace::RealTime);
    app.handle(Key::Char('T'));
    assert_eq!(app.pace(), Pace::TurnBased);
    let frame = app.frame(56, 19);
    assert!(frame.hud.turn_based);
    assert!(
        frame
            .log
            .last()
            .is_some_and(|l| l.text.contains("Turn-based"))
    );
    app.handle(Key::Char('T'));
    assert_eq!(app.pace(), Pace::RealTime);
}

#[test]
fn quick_heal_does_not_waste_a_potion_at_full_health() {
    let mut app = app(42, Pace::RealTime);
    let potions = |app: &mut App| {
        app.frame(56, 19)
            .hud
            .pack
            .iter()
            .filter(|p| p.heals > 0)
            .count()
    };
    let before = potions(&mut app);
    app.handle(Key::Char('p'));
    for _ in 0..10 {
        app.tick();
    }
    let frame = app.frame(56, 19);
    assert_eq!(potions(&mut app), before);
    assert!(frame.log.iter().any(|l| l.text == "You are not hurt."));
}

#[test]
fn the_message_history_shows_the_newest_messages() {
    let mut app = app(42, Pace::RealTime);
    app.handle(Key::Char('m'));
    assert!(app.paused());
    let overlay = app.frame(56, 19).overlay.expect("history shown");
    assert!(overlay.tail);
    assert!(overlay.lines.iter().any(|l| l.text.starts_with("Welcome")));
    app.handle(Key::Char(' '));
    assert!(app.frame(56, 19).overlay.is_none());
}

#[test]
fn escape_on_the_map_never_offers_to_quit() {
    let mut app = app(42, Pace::RealTime);
    app.handle(Key::Esc);
    app.handle(Key::Char('y'));
    assert!(!app.should_quit());
    assert!(app.frame(56, 19).overlay.is_none());
}

#[test]
fn items_seen_stay_on_the_map_dimmed_once_out_of_sight() {
    let mut app = app(7, Pace::RealTime);
    // Drop the first pack item where we stand, then walk away until the
    // tile is out of sight.
    let start = app.frame(56, 19).map.hero;
    app.handle(Key::Char('d'));
    app.handle(Key::Char('a'));
    for _ in 0..8 {
        app.tick();
    }
    for _ in 0..60 {
        app.handle(Key::Right);
        for _ in 0..5 {
            app.tick();
        }
    }
    let frame = app.frame(56, 19);
    let origin = frame.map.origin;
    let cell = frame
        .map
        .cell(start.x - origin.x, start.y - origin.y)
        .expect("the drop spot is still in view");
    assert!(!cell.visible, "the drop spot is out of sight now");
    assert!(cell.item.is_some(), "the dropped item is remembered");
}

#[test]
fn the_game_over_screen_ignores_movement_keys() {
    use venture::modes::screens::{Control, GameOver, Screen};
    let hud = venture::view::Hud {
        dead: true,
        seed: 9,
        ..Default::default()
    };
    let mut screen = GameOver;
    for key in [
        Key::Char('n'),
        Key::Char('y'),
        Key::Char('h'),
        Key::Left,
        Key::Esc,
        Key::Char('5'),
    ] {
        assert!(
            matches!(screen.handle(key, &hud).control, Control::Stay),
            "{key:?}"
        );
    }
    assert!(matches!(
        screen.handle(Key::Char('r'), &hud).control,
        Control::NewGame(Some(9))
    ));
    assert!(matches!(
        screen.handle(Key::Enter, &hud).control,
        Control::NewGame(None)
    ));
    assert!(matches!(
        screen.handle(Key::Char('q'), &hud).control,
        Control::Quit
    ));
}

#[test]
fn auto_explore_walks_until_something_comes_up() {
    let mut app = app(2024, Pace::TurnBased);
    let start = app.frame(56, 19).map.hero;
    app.handle(Key::Char('o'));
    let mut ticks = 0;
    while !app.waiting_for_player() && ticks < 4000 {
        app.tick();
        ticks += 1;
    }
    let frame = app.frame(56, 19);
    assert!(app.waiting_for_player(), "the trip ends by itself");
    assert!(
        frame.map.hero.chebyshev(start) >= 5,
        "explored from {start:?} to {:?}",
        frame.map.hero
    );
    let said = frame.log.last().map(|l| l.text.clone()).unwrap_or_default();
    assert!(
        said.contains("monster")
            || said.contains("nothing left")
            || said.contains("hurt")
            || said.contains("see here"),
        "says why it stopped: {said}"
    );
}

#[test]
fn a_key_stops_auto_explore_and_does_nothing_else() {
    let mut app = app(2024, Pace::RealTime);
    app.handle(Key::Char('o'));
    for _ in 0..6 {
        app.tick();
    }
    assert!(app.travelling());
    let moving = app.frame(56, 19).map.hero;
    app.handle(Key::Char('g'));
    assert!(!app.travelling());
    assert!(!app.paused(), "the key only stopped the trip");
    for _ in 0..12 {
        app.tick();
    }
    assert_eq!(app.frame(56, 19).map.hero, moving);
}

#[test]
fn a_menu_key_stops_auto_explore_and_opens_its_menu() {
    let mut app = app(2024, Pace::RealTime);
    app.handle(Key::Char('o'));
    for _ in 0..6 {
        app.tick();
    }
    assert!(app.travelling());
    app.handle(Key::Char('i'));
    assert!(!app.travelling());
    let title = app.frame(56, 19).overlay.map(|o| o.title);
    assert!(
        title.is_some_and(|t| t.starts_with("Pack")),
        "the pack opened"
    );
}

#[test]
fn running_covers_several_tiles_in_one_command() {
    let mut app = app(2024, Pace::TurnBased);
    let start = app.frame(56, 19).map.hero;
    app.handle(Key::Char('L'));
    let mut ticks = 0;
    while !app.waiting_for_player() && ticks < 1000 {
        app.tick();
        ticks += 1;
    }
    let end = app.frame(56, 19).map.hero;
    assert_eq!(end.y, start.y);
    assert!(end.x - start.x >= 3, "ran from {start:?} to {end:?}");
}

#[test]
fn every_pack_letter_can_be_chosen_and_the_pack_keys_switch_and_close() {
    use venture::modes::screens::{Control, Inventory, InventoryMode, Screen};
    use venture::sim::Action;
    use venture::view::pack_letter;
    let line = |letter: char| venture::view::PackLine {
        letter,
        name: "a thing".into(),
        glyph: '!',
        color: venture::schema::Rgb(1, 2, 3),
        usable: "drink",
        detail: String::new(),
        heals: 0,
        ..Default::default()
    };
    let hud = venture::view::Hud {
        pack: (0..20).map(|i| line(pack_letter(i))).collect(),
        pack_capacity: 20,
        ..Default::default()
    };
    // Letters skip `d` and `i`: a b c e f g h j ... v.
    for (letter, slot) in [
        ('a', 0u8),
        ('c', 2),
        ('e', 3),
        ('j', 7),
        ('q', 14),
        ('v', 19),
    ] {
        let mut screen = Inventory::new(InventoryMode::Use);
        let out = screen.handle(Key::Char(letter), &hud);
        assert!(matches!(out.control, Control::Pop), "{letter}");
        assert_eq!(out.action, Some(Action::Use(slot)), "{letter}");
    }
    // `d` switches to dropping, where letters drop; `d` again closes.
    let mut screen = Inventory::new(InventoryMode::Use);
    let out = screen.handle(Key::Char('d'), &hud);
    assert!(matches!(out.control, Control::Stay) && out.action.is_none());
    assert_eq!(
        screen.handle(Key::Char('q'), &hud).action,
        Some(Action::Drop(14))
    );
    let mut screen = Inventory::new(InventoryMode::Drop);
    assert!(matches!(
        screen.handle(Key::Char('d'), &hud).control,
        Control::Pop
    ));
    // `i` closes the pack it opened, and switches back from dropping.
    let mut screen = Inventory::new(InventoryMode::Use);
    assert!(matches!(
        screen.handle(Key::Char('i'), &hud).control,
        Control::Pop
    ));
    let mut screen = Inventory::new(InventoryMode::Drop);
    assert!(matches!(
        screen.handle(Key::Char('i'), &hud).control,
        Control::Stay
    ));
    assert_eq!(
        screen.handle(Key::Char('a'), &hud).action,
        Some(Action::Use(0))
    );
    // A letter with nothing in its slot does nothing; Esc closes.
    let mut screen = Inventory::new(InventoryMode::Use);
    assert!(screen.handle(Key::Char('z'), &hud).action.is_none());
    assert!(matches!(
        screen.handle(Key::Esc, &hud).control,
        Control::Pop
    ));
}

#[test]
fn every_menu_opens_with_its_key_and_closes_with_it_and_with_esc() {
    let mut app = app(42, Pace::TurnBased);
    settle(&mut app, 20);
    let title = |app: &mut App| app.frame(80, 24).overlay.map(|o| o.title);
    assert_eq!(title(&mut app), None);
    for key in ['i', 'd', 'z', 'C', 'm', 'Q', 'c', 'M', '?'] {
        for close in [Key::Char(key), Key::Esc] {
            app.handle(Key::Char(key));
            let open = title(&mut app);
            assert!(open.is_some(), "`{key}` opened no menu");
            app.handle(close);
            assert_eq!(title(&mut app), None, "{close:?} left {open:?} open");
        }
    }
}

/// Ticks until the world waits (turn-based) or `max` ticks passed.
fn settle(app: &mut App, max: u32) {
    for _ in 0..max {
        if app.waiting_for_player() {
            return;
        }
        app.tick();
    }
}

#[test]
fn keys_typed_ahead_are_all_carried_out_in_turn_based_play() {
    let mut app = app(2024, Pace::TurnBased);
    settle(&mut app, 20);
    let start = app.frame(56, 19).map.hero;
    for _ in 0..3 {
        app.handle(Key::Right);
    }
    settle(&mut app, 200);
    let end = app.frame(56, 19).map.hero;
    assert_eq!(
        (end.x - start.x, end.y - start.y),
        (3, 0),
        "three presses, three steps"
    );
}

#[test]
fn an_action_is_not_lost_to_the_move_typed_after_it() {
    let mut app = app(2024, Pace::RealTime);
    for _ in 0..6 {
        app.tick();
    }
    let start = app.frame(56, 19).map.hero;
    app.handle(Key::Char('g'));
    app.handle(Key::Right);
    for _ in 0..12 {
        app.tick();
    }
    let frame = app.frame(56, 19);
    assert!(
        frame
            .log
            .iter()
            .any(|l| l.text.contains("nothing here") || l.text.contains("pick up")),
        "the pick-up was tried"
    );
    assert_eq!(frame.map.hero.x, start.x + 1, "and then the step");
}

#[test]
fn the_stairs_key_away_from_stairs_walks_to_them_or_says_why_not() {
    let mut app = app(2024, Pace::TurnBased);
    settle(&mut app, 20);
    app.handle(Key::Char('>'));
    settle(&mut app, 400);
    let frame = app.frame(56, 19);
    assert_eq!(
        frame.hud.depth, 1,
        "the key never descends from off the stairs"
    );
    let said = frame.log.last().map(|l| l.text.clone()).unwrap_or_default();
    assert!(
        said.contains("not found the stairs")
            || said.contains("reach the stairs")
            || said.contains("monster"),
        "{said}"
    );
}

#[test]
fn exploring_leaves_what_the_player_dropped() {
    let mut app = app(2024, Pace::TurnBased);
    settle(&mut app, 20);
    let before = app.frame(56, 19).hud.pack.len();
    assert!(before > 0, "a new hero carries something");
    app.handle(Key::Char('d'));
    app.handle(Key::Char('a'));
    settle(&mut app, 200);
    let hero = app.sim().hero(venture::sim::PlayerId(0)).expect("hero");
    let dropped_at = hero.at;
    let on_floor = |app: &App| {
        let mut items = Vec::new();
        app.sim().items_on(hero.depth, &mut items);
        items.iter().filter(|i| i.at == dropped_at).count()
    };
    assert_eq!(on_floor(&app), 1, "dropped");
    for _ in 0..3 {
        app.handle(Key::Char('o'));
        settle(&mut app, 4000);
    }
    assert_eq!(on_floor(&app), 1, "exploring picked it up again");
}

#[test]
fn poison_already_known_does_not_stop_exploring_each_step() {
    use venture::schema::common::{StatusKind, StatusSpec};
    use venture::schema::items::{ItemKind, PotionEffect};
    let mut content = load_defaults().expect("defaults");
    let poison = PotionEffect::Status(StatusSpec {
        kind: StatusKind::Poisoned,
        magnitude: 1,
        duration: 400,
        chance: 100,
    });
    for item in &mut content.items {
        if let ItemKind::Potion(p) = &mut item.kind {
            *p = poison.clone();
        }
    }
    let mut app = App::new(2024, Arc::new(content), "Tester", Pace::TurnBased);
    settle(&mut app, 20);
    let potion = app
        .frame(56, 19)
        .hud
        .pack
        .iter()
        .find(|p| p.usable == "drink")
        .map(|p| p.letter);
    let letter = potion.expect("a new hero carries a potion");
    app.handle(Key::Char('i'));
    app.handle(Key::Char(letter));
    settle(&mut app, 200);
    let start = app.frame(56, 19).map.hero;
    app.handle(Key::Char('o'));
    settle(&mut app, 4000);
    let frame = app.frame(56, 19);
    let said = frame.log.last().map(|l| l.text.clone()).unwrap_or_default();
    if said.contains("hurt") {
        assert!(
            frame.hud.hp * 2 <= frame.hud.max_hp,
            "stopped at {} hp",
            frame.hud.hp
        );
    }
    assert!(frame.map.hero.chebyshev(start) >= 3, "{said}");
}

#[test]
fn f5_saves_f9_loads_it_back_and_a_level_change_autosaves() {
    let dir = std::env::temp_dir().join(format!("venture-app-saves-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut app = app(31, Pace::RealTime);
    app.use_saves(venture::save::SaveDir(dir.clone()));
    for _ in 0..40 {
        app.tick();
    }
    app.handle(Key::F(5));
    let saved = app.sim().state_hash();
    let tick = app.sim().tick();
    assert!(dir.join("quick.ron").exists());
    app.handle(Key::Char('l'));
    for _ in 0..60 {
        app.tick();
    }
    assert_ne!(app.sim().tick(), tick);
    app.handle(Key::F(9));
    assert_eq!(app.sim().tick(), tick);
    assert_eq!(app.sim().state_hash(), saved);
    app.save_on_exit();
    assert!(dir.join("auto.ron").exists());
    let _ = std::fs::remove_dir_all(&dir);
}

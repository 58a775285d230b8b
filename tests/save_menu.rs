//! Saves as a player meets them: the saves menu (`S`) with named slots,
//! the offer to continue at the start of a session, and what a hero's death
//! does to the run's saves (asks, or with permadeath deletes them).

use std::path::PathBuf;
use std::sync::Arc;

use venture::modes::app::{App, Pace, Start};
use venture::modes::input::Key;
use venture::save::SaveDir;
use venture::schema::{Content, Span, load_defaults};

/// A fresh, empty save folder of this test's own.
fn folder(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("venture-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn content() -> Arc<Content> {
    Arc::new(load_defaults().expect("default schemas load"))
}

fn game(seed: u64, dir: &std::path::Path, content: Arc<Content>) -> App {
    let mut app = App::new(seed, content, "Tester", Pace::RealTime);
    app.use_saves(SaveDir(dir.to_owned()));
    app
}

fn title(app: &mut App) -> Option<String> {
    app.frame(80, 24).overlay.map(|o| o.title)
}

fn overlay_text(app: &mut App) -> String {
    app.frame(80, 24)
        .overlay
        .map(|o| {
            let lines: Vec<String> = o.lines.into_iter().map(|l| l.text).collect();
            format!("{}\n{}\n{}", o.title, lines.join("\n"), o.footer)
        })
        .unwrap_or_default()
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle(Key::Char(c));
    }
}

fn log_has(app: &mut App, words: &str) -> bool {
    app.frame(80, 24).log.iter().any(|l| l.text.contains(words))
}

#[test]
fn the_saves_menu_names_a_slot_loads_it_and_deletes_it() {
    let dir = folder("save-menu");
    let genre = content().for_world(12).genre().name.clone();
    let mut app = game(12, &dir, content());
    for _ in 0..30 {
        app.tick();
    }
    // Save to a slot of one's own name.
    app.handle(Key::Char('S'));
    assert_eq!(title(&mut app).as_deref(), Some("Saves"));
    assert!(overlay_text(&mut app).contains("No saves yet"));
    app.handle(Key::Char('n'));
    type_text(&mut app, "before/boss!");
    assert!(
        overlay_text(&mut app).contains("beforeboss_"),
        "only slot characters"
    );
    app.handle(Key::Enter);
    assert_eq!(title(&mut app), None, "saving closes the menu");
    assert!(dir.join("beforeboss.ron").exists());
    let (tick, hash) = (app.sim().tick(), app.sim().state_hash());

    // Play on, then load it back from the menu, which shows the run.
    for _ in 0..50 {
        app.tick();
    }
    app.handle(Key::F(5));
    app.handle(Key::Char('S'));
    let menu = overlay_text(&mut app);
    assert!(
        menu.contains("beforeboss") && menu.contains("quick"),
        "{menu}"
    );
    assert!(
        menu.contains(&format!("Tester, level 1, depth 1, {genre}, ")) && menu.contains("played"),
        "the seed's genre by name: {menu}"
    );
    // Newest first: quick, then beforeboss.
    app.handle(Key::Down);
    app.handle(Key::Enter);
    assert_eq!(title(&mut app), None);
    assert_eq!((app.sim().tick(), app.sim().state_hash()), (tick, hash));
    assert!(log_has(&mut app, "Loaded"));

    // Delete asks first; any key but y keeps the save.
    app.handle(Key::Char('S'));
    app.handle(Key::Char('x'));
    assert!(overlay_text(&mut app).contains("Delete the save `quick`"));
    app.handle(Key::Char('n'));
    assert!(dir.join("quick.ron").exists());
    app.handle(Key::Char('x'));
    app.handle(Key::Char('y'));
    assert!(!dir.join("quick.ron").exists());
    assert_eq!(
        title(&mut app).as_deref(),
        Some("Saves"),
        "the menu stays open"
    );
    let menu = overlay_text(&mut app);
    assert!(
        !menu.contains("quick") && menu.contains("beforeboss"),
        "{menu}"
    );
    app.handle(Key::Esc);
    assert_eq!(title(&mut app), None);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_session_offers_to_continue_a_saved_run() {
    let dir = folder("continue");
    let content = content();
    let mut first = game(5, &dir, Arc::clone(&content));
    for _ in 0..40 {
        first.tick();
    }
    first.save_on_exit();
    let hash = first.sim().state_hash();

    // With no saves, a session starts with the class menu.
    let empty = folder("continue-empty");
    let mut fresh = game(6, &empty, Arc::clone(&content));
    fresh.begin(&Start::Offer);
    assert_eq!(title(&mut fresh).as_deref(), Some("Choose your calling"));

    // With one, it is offered first; Enter continues it.
    let mut next = game(6, &dir, Arc::clone(&content));
    next.begin(&Start::Offer);
    let offer = overlay_text(&mut next);
    assert!(
        offer.starts_with("Continue a run?") && offer.contains("auto"),
        "{offer}"
    );
    next.handle(Key::Enter);
    assert_eq!(title(&mut next), None, "no class menu over a continued run");
    assert_eq!(next.sim().state_hash(), hash);
    assert!(log_has(&mut next, "Welcome back"));
    assert!(
        !log_has(&mut next, "Welcome to"),
        "the unplayed world's greeting is gone"
    );

    // `n` starts the new run instead, with its class menu.
    let mut other = game(6, &dir, Arc::clone(&content));
    other.begin(&Start::Offer);
    other.handle(Key::Char('n'));
    assert_eq!(title(&mut other).as_deref(), Some("Choose your calling"));
    assert_eq!(other.sim().seed(), 6);

    // --continue SLOT goes straight to the saved run.
    let mut direct = game(9, &dir, content);
    direct.begin(&Start::Continue("auto".into()));
    assert_eq!(title(&mut direct), None);
    assert_eq!(direct.sim().state_hash(), hash);
    let _ = std::fs::remove_dir_all(&dir);
}

/// A world whose hero has one hit point among monsters that always hit.
fn deadly() -> Arc<Content> {
    let mut c = load_defaults().expect("defaults");
    c.rules.player.hp = 1;
    c.rules.player.evasion = 0;
    c.rules.player.defense = 0;
    for m in &mut c.monsters {
        m.damage = Span(50, 50);
        m.attack = 200;
    }
    Arc::new(c)
}

/// Explores until the hero dies (or `max` ticks pass).
fn die(app: &mut App, max: u32) {
    for _ in 0..max {
        if app
            .sim()
            .hero(venture::sim::PlayerId(0))
            .is_some_and(|h| h.dead)
        {
            return;
        }
        if !app.travelling() && app.frame(80, 24).overlay.is_none() {
            app.handle(Key::Char('o'));
            app.handle(Key::Char('l'));
        }
        app.tick();
    }
    panic!("the hero did not die in {max} ticks");
}

#[test]
fn death_asks_before_deleting_the_runs_saves() {
    let dir = folder("death-asks");
    let mut app = game(4, &dir, deadly());
    app.handle(Key::F(5));
    app.save_to("mine");
    die(&mut app, 20_000);
    let asked = overlay_text(&mut app);
    assert!(
        asked.starts_with("Delete this run's saves?") && asked.contains("mine, quick"),
        "{asked}"
    );
    app.handle(Key::F(5));
    assert!(log_has(&mut app, "The dead cannot save"));
    app.handle(Key::Char('y'));
    assert!(!dir.join("quick.ron").exists() && !dir.join("mine.ron").exists());
    assert_eq!(title(&mut app).as_deref(), Some("You died"));
    let _ = std::fs::remove_dir_all(&dir);

    // Answering no keeps them.
    let dir = folder("death-keeps");
    let mut app = game(4, &dir, deadly());
    app.handle(Key::F(5));
    die(&mut app, 20_000);
    app.handle(Key::Esc);
    assert!(dir.join("quick.ron").exists());
    assert_eq!(title(&mut app).as_deref(), Some("You died"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn permadeath_deletes_the_runs_saves_and_a_resumed_run_keeps_it() {
    let dir = folder("permadeath");
    let content = deadly();
    let mut app = game(4, &dir, Arc::clone(&content));
    app.set_permadeath(true);
    app.handle(Key::F(5));
    // A session that does not ask for permadeath, resuming that run, still
    // plays it with permadeath: the rule is the run's.
    let mut resumed = game(4, &dir, content);
    resumed.begin(&Start::Continue("quick".into()));
    assert!(
        overlay_text(&mut resumed).is_empty(),
        "{}",
        overlay_text(&mut resumed)
    );
    resumed.handle(Key::Char('S'));
    assert!(overlay_text(&mut resumed).contains("permadeath"));
    resumed.handle(Key::Esc);
    die(&mut resumed, 20_000);
    assert!(!dir.join("quick.ron").exists());
    assert!(log_has(&mut resumed, "Permadeath"));
    assert_eq!(title(&mut resumed).as_deref(), Some("You died"));
    drop(app);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_new_world_after_game_over_keeps_saving() {
    let dir = folder("new-world-saves");
    let mut app = game(4, &dir, deadly());
    die(&mut app, 20_000);
    assert_eq!(title(&mut app).as_deref(), Some("You died"));
    app.handle(Key::Enter);
    assert_eq!(app.sim().tick(), 0, "a new world");
    app.handle(Key::F(5));
    assert!(dir.join("quick.ron").exists(), "the new run saves too");
    let _ = std::fs::remove_dir_all(&dir);
}

//! Same seed and same inputs give the same state hash; different seeds give
//! different worlds. Testers, replays and co-op all rest on this.

use std::sync::Arc;

use venture::bot::BotKind;
use venture::modes::headless::{HeadlessConfig, run};
use venture::schema::load_defaults;

fn report(seed: u64, ticks: u64) -> venture::modes::headless::Report {
    let content = Arc::new(load_defaults().expect("default schemas load"));
    let config = HeadlessConfig {
        seed,
        ticks,
        bot: BotKind::Explore,
        until_depth: None,
    };
    run(&config, content)
}

#[test]
fn the_same_seed_twice_gives_the_same_hash() {
    let a = report(12345, 2000);
    let b = report(12345, 2000);
    assert_eq!(a.state_hash, b.state_hash);
    assert_eq!(a.events, b.events);
    // The bot really played: it moved, fought and explored.
    let count = |k: &str| a.events.get(k).copied().unwrap_or(0);
    assert!(
        count("hit") + count("miss") > 10,
        "no fighting: {:?}",
        a.events
    );
    assert!(count("noticed") > 0, "{:?}", a.events);
}

#[test]
fn different_seeds_give_different_hashes() {
    let hashes: std::collections::BTreeSet<String> =
        (1..=4).map(|s| report(s, 2000).state_hash).collect();
    assert_eq!(hashes.len(), 4);
}

#[test]
fn a_long_run_descends_the_dungeon() {
    // The explore bot finds the stairs and takes them within a few minutes
    // of game time, so headless runs exercise more than the first level.
    let r = report(4, 12_000);
    assert!(r.deepest >= 2, "{r}");
    assert!(
        r.events.get("changed_level").copied().unwrap_or(0) >= 1,
        "{r}"
    );
}

#[test]
fn the_bot_gets_going_in_every_genre() {
    // Each genre's monsters, kit and levels make a playable start: a bot
    // fights its way down a level or two and lives.
    let base = load_defaults().expect("default schemas load");
    for g in base.genre_ids() {
        let content = Arc::new(base.in_genre(g));
        let id = content.genre().id.clone();
        let config = HeadlessConfig {
            seed: 4,
            ticks: 6000,
            bot: BotKind::Explore,
            until_depth: None,
        };
        let r = run(&config, content);
        assert!(r.alive && r.deepest >= 2 && r.kills >= 5, "{id}: {r}");
    }
}

#[test]
fn the_bot_does_not_dither_between_two_tiles() {
    // Seed 1 is a cyberpunk city whose first street shows an item from one
    // tile only: the bot used to step towards it and back for ever.
    let content = Arc::new(load_defaults().expect("default schemas load"));
    let config = HeadlessConfig {
        seed: 1,
        ticks: 6000,
        bot: BotKind::Explore,
        until_depth: None,
    };
    let r = run(&config, content);
    assert!(r.alive && r.deepest >= 2, "{r}");
}

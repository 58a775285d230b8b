//! What a headless report tells testers beyond the final hash: the state
//! hash on arriving at each level (the same on every run), tick-time
//! percentiles, and what the bot did, which shows the explore bot plays the
//! whole game: it casts, uses every sort of item, shops and finishes
//! quests over a long run.

use std::sync::Arc;

use venture::bot::BotKind;
use venture::modes::headless::{HeadlessConfig, Report, run};
use venture::schema::load_defaults;

fn report(genre: &str, seed: u64, ticks: u64) -> Report {
    let base = load_defaults().expect("default schemas load");
    let choice = base.parse_choice(Some(genre), None).expect("a genre");
    let config = HeadlessConfig {
        seed,
        ticks,
        bot: BotKind::Explore,
        until_depth: None,
    };
    run(&config, Arc::new(base.with_choice(choice)))
}

#[test]
fn each_level_is_hashed_on_arrival_and_the_hashes_repeat() {
    let a = report("horror", 7, 4000);
    assert!(a.levels.len() >= 2, "{a}");
    let first = &a.levels[0];
    assert_eq!((first.depth, first.arrived_tick), (1, 0));
    for pair in a.levels.windows(2) {
        assert_eq!(pair[0].left_tick, Some(pair[1].arrived_tick), "{a}");
        assert_ne!(pair[0].arrival_hash, pair[1].arrival_hash);
    }
    assert_eq!(a.levels.last().and_then(|v| v.left_tick), None);
    let b = report("horror", 7, 4000);
    assert_eq!(a.levels, b.levels);
    assert_eq!(a.actions, b.actions);
}

#[test]
fn tick_times_are_summarised() {
    let r = report("fantasy", 3, 500);
    let t = r.tick_time_us;
    assert_eq!(t.samples, 500);
    assert!(
        t.p50 <= t.p99 && t.p99 <= t.p99_9 && t.p99_9 <= t.max,
        "{t:?}"
    );
    assert_eq!(r.bot_time_us.samples, 500);
}

#[test]
fn over_a_long_run_the_bot_casts_uses_items_shops_and_does_quests() {
    for (genre, seed) in [("fantasy", 11), ("scifi", 3)] {
        let r = report(genre, seed, 20_000);
        let did = |k: &str| r.actions.get(k).copied().unwrap_or(0);
        let saw = |k: &str| r.events.get(k).copied().unwrap_or(0);
        assert!(did("cast") > 0, "{genre}: {r}");
        assert!(
            did("sell") > 0 && did("buy") > 0,
            "{genre}: no shopping: {r}"
        );
        assert!(saw("traded") > 0, "{genre}: {r}");
        for used in ["use_potion", "use_scroll", "use_thrown", "use_armor"] {
            assert!(did(used) > 0, "{genre}: never {used}: {r}");
        }
        assert!(saw("quest_done") > 0, "{genre}: {r}");
        assert!(r.deepest >= 4, "{genre}: {r}");
        // Walking into a merchant opens the shop and goes nowhere: the bot
        // goes round them.
        assert_eq!(saw("shop_opened"), 0, "{genre}: {r}");
    }
}

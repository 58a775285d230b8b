//! Once warm, a tick allocates nothing: not with 2,000 monsters hunting,
//! fighting and dying around a hero, not while levels fill and empty.
//! Counted exactly with a counting global allocator (only around
//! `Simulation::step`; the bot deciding in between may allocate).

use venture::bench::alloc::{CountingAlloc, stats};
use venture::bench::stress::stress_sim;
use venture::bot::{Bot, ExploreBot};
use venture::sim::PlayerInput;
use venture::sim::event::EventKind;
use venture::sim::spells::SpellEvent;

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

#[test]
fn a_warm_tick_allocates_nothing_with_2000_monsters_in_every_genre() {
    let base = venture::schema::load_defaults().expect("default schemas load");
    for genre in base.genre_ids().collect::<Vec<_>>() {
        let id = base
            .genre_def(genre)
            .map(|g| g.id.clone())
            .unwrap_or_default();
        warm_ticks_allocate_nothing(&base.in_genre(genre), &id);
    }
}

fn warm_ticks_allocate_nothing(content: &venture::schema::Content, genre: &str) {
    let (mut sim, player) = stress_sim(content, 7, 2000);
    let mut bot = ExploreBot::default();
    let mut inputs = Vec::with_capacity(1);
    let mut run = |sim: &mut venture::sim::Simulation, ticks: u64| {
        let mut allocations = 0;
        let mut events = 0;
        let mut casts = 0;
        for _ in 0..ticks {
            inputs.clear();
            if let Some(action) = bot.decide(sim, player) {
                inputs.push(PlayerInput { player, action });
            }
            let before = stats().allocations;
            let tick = sim.step(&inputs);
            allocations += stats().allocations - before;
            events += tick.len();
            casts += tick
                .iter()
                .filter(|e| matches!(e.kind, EventKind::Spell(SpellEvent::Cast { .. })))
                .count();
        }
        (allocations, events, casts)
    };
    run(&mut sim, 600);
    let kills_before = sim.hero(player).expect("hero").kills;
    let (allocations, events, casts) = run(&mut sim, 1000);
    let kills = sim.hero(player).expect("hero").kills - kills_before;
    // The counted ticks must include fighting, deaths and loot, not only wandering.
    assert!(
        events > 100 && kills >= 5,
        "{genre}: too quiet: {events} events, {kills} kills"
    );
    assert!(casts > 0, "{genre}: nobody cast a spell");
    assert_eq!(
        allocations, 0,
        "{genre}: {allocations} allocations in 1000 warm ticks"
    );
}

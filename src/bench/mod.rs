//! Measuring tools shared by `benches/`, the allocation tests and
//! `venture bench`, so all three measure the same things the same way:
//!
//! - `alloc.rs`: the counting global allocator (allocations, bytes, live
//!   heap high-water mark);
//! - `stress.rs`: the stress world (a crowded cave round a hero who cannot
//!   die) that `benches/sim.rs`, `tests/alloc.rs` and `venture bench` tick;
//! - `deep.rs`: a bot run down to a given depth, for the save bench;
//! - `ticks.rs`: warm-up, then ticks timed one by one and their
//!   allocations counted;
//! - `percentiles.rs`: tick-time percentiles in constant memory;
//! - `worldgen.rs`: the generator table `benches/worldgen.rs` shares, and
//!   timed samples of it;
//! - `memory.rs`: peak resident memory from the kernel;
//! - `machine.rs`: how long the bench waited for a CPU (a shared machine
//!   makes ticks look slow);
//! - `report.rs`: the figures as JSON and as a table.
//!
//! [`run`] is `venture bench`. To add a figure: measure it in its own
//! module, add a field to [`report::BenchReport`] and a row to its table.

pub mod alloc;
pub mod deep;
pub mod machine;
pub mod memory;
pub mod percentiles;
pub mod report;
pub mod stress;
pub mod ticks;
pub mod worldgen;

use std::sync::Arc;
use std::time::Instant;

use crate::bot::BotKind;
use crate::schema::Content;
use crate::sim::Simulation;

use report::{BenchReport, Memory, Worldgen};

/// What `venture bench` measures.
#[derive(Clone, Debug)]
pub struct BenchConfig {
    pub seed: u64,
    /// Monsters on the stress level.
    pub entities: i32,
    /// Ticks run before measuring.
    pub warmup: u64,
    /// Ticks measured.
    pub ticks: u64,
    /// Seeds timed per generator and size (0 skips world generation).
    pub worldgen_samples: u32,
    /// Who plays the stress world's hero.
    pub bot: BotKind,
}

impl Default for BenchConfig {
    /// The closing figures' setting: 2,000 monsters, and a warm-up long
    /// enough for every monster to have found the hero and fought.
    fn default() -> Self {
        Self {
            seed: 7,
            entities: 2000,
            warmup: 600,
            ticks: 2000,
            worldgen_samples: 8,
            bot: BotKind::Explore,
        }
    }
}

/// Measures world generation, then ticks of the stress world, and reports.
pub fn run(config: &BenchConfig, content: &Arc<Content>) -> BenchReport {
    let samples = worldgen::time_all(content, config.worldgen_samples);
    let start = Instant::now();
    let mut world = Simulation::new(config.seed, Arc::clone(content));
    world.add_player("Bench");
    let new_world_ms = start.elapsed().as_secs_f64() * 1000.0;
    drop(world);

    let start = Instant::now();
    let (mut sim, player) = stress::stress_sim(content, config.seed, config.entities);
    let stress_world_ms = start.elapsed().as_secs_f64() * 1000.0;
    let monsters_at_start = sim.monster_count(1);
    let mut bot = config.bot.build();
    let figures = ticks::measure(&mut sim, player, bot.as_mut(), config.warmup, config.ticks);
    let counting = figures.allocations.is_some();
    let mut notes = vec![
        "sprite_cache is null: the graphical front end and its sprite cache do not exist yet, \
         and the terminal renderer keeps no glyph or style cache to measure"
            .to_owned(),
        "tick percentiles are within 0.8% (a log-linear histogram); mean and max are exact"
            .to_owned(),
        "ticks are timed and their allocations counted inside Simulation::step only; the \
         bot deciding for the hero between ticks is left out"
            .to_owned(),
    ];
    if !counting {
        notes.push(
            "allocations and peak_heap_bytes are null: this binary does not install the \
             counting allocator"
                .to_owned(),
        );
    }
    BenchReport {
        seed: config.seed,
        genre: sim.content().genre_label(),
        build: if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
        entities: config.entities,
        bot: format!("{:?}", config.bot).to_lowercase(),
        monsters_at_start,
        monsters_at_end: sim.monster_count(1),
        warmup_ticks: figures.warmup_ticks,
        ticks: figures.ticks,
        ticks_per_second: if figures.elapsed_s > 0.0 {
            figures.ticks as f64 / figures.elapsed_s
        } else {
            0.0
        },
        tick_time_us: figures.times,
        events_per_tick: figures.events_per_tick,
        allocations: figures.allocations,
        cpu: figures.cpu,
        memory: Memory {
            peak_heap_bytes: counting.then(|| alloc::stats().peak_bytes),
            peak_resident_kib: memory::peak_resident_kib(),
        },
        sprite_cache: None,
        worldgen: Worldgen {
            new_world_ms,
            stress_world_ms,
            samples,
        },
        notes,
    }
}

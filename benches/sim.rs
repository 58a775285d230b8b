//! Simulation speed: one tick of the stress world (2,000 monsters on a
//! 256x256 cave around a hero), and generating a level.
//!
//! Run with `cargo bench --bench sim`. The target is at least 2,000 ticks per
//! second on a 2-core machine (a tick under 500 µs).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use venture::bench::stress::stress_sim;
use venture::procgen::level;

fn tick(c: &mut Criterion) {
    let content = venture::schema::load_defaults().expect("default schemas load");
    let (mut sim, _) = stress_sim(&content, 7, 2000);
    // Warm up: monsters find the hero, buffers reach their working size.
    for _ in 0..300 {
        sim.step(&[]);
    }
    c.bench_function("tick_2000_monsters", |b| {
        b.iter(|| black_box(sim.step(&[]).len()))
    });
}

fn generate(c: &mut Criterion) {
    let content = venture::schema::load_defaults().expect("default schemas load");
    let mut seed = 0u64;
    c.bench_function("generate_level_depth_5", |b| {
        b.iter(|| {
            seed += 1;
            black_box(level::generate(&content, seed, 5).monsters.len())
        })
    });
}

criterion_group!(benches, tick, generate);
criterion_main!(benches);

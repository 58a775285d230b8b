//! Saving and loading a long run: the explore bot's run down to depth 10
//! (`venture::bench::deep`), ten visited levels with their monsters, items,
//! explored tiles and quests. `save` is what F5 and autosaves do (capture,
//! encode, write through a temporary file, sync, rename, keep a backup);
//! `load` is what F9 does (read, check, parse, regenerate the levels,
//! restore). The save's size is printed before the timings; `save_in_memory`
//! (capture and encode, no disk) and `load_read_and_parse` (no
//! regeneration) split the costs.
//!
//! Run with `cargo bench --bench save`. Targets: under 20 ms each, and the
//! file under 200 KB.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use venture::save::{self, SaveFile};

const DEPTH: i32 = 10;
const SEED: u64 = 7;

fn saves(c: &mut Criterion) {
    let content = venture::schema::load_defaults().expect("default schemas load");
    let sim = venture::bench::deep::run_to_depth(&content, SEED, DEPTH)
        .expect("the bot reaches depth 10 within the tick limit");
    let dir = std::env::temp_dir().join(format!("venture-bench-save-{}", std::process::id()));
    let path = dir.join("deep.ron");
    let bytes = save::write_save(&path, &SaveFile::capture(&sim)).expect("the save writes");
    println!(
        "save of seed {SEED} at depth {DEPTH} (tick {}, {} levels): {bytes} bytes ({:.1} KB)",
        sim.tick(),
        sim.level_depths().len(),
        bytes as f64 / 1000.0
    );
    let mut group = c.benchmark_group("depth_10");
    group.bench_function("save", |b| {
        b.iter(|| black_box(save::write_save(&path, &SaveFile::capture(&sim)).expect("writes")))
    });
    group.bench_function("save_in_memory", |b| {
        b.iter(|| black_box(SaveFile::capture(&sim).to_bytes().len()))
    });
    let restored = sim.content().as_ref().clone();
    group.bench_function("load", |b| {
        b.iter(|| black_box(save::load(&path, &restored).expect("loads").tick()))
    });
    group.bench_function("load_read_and_parse", |b| {
        b.iter(|| black_box(save::read_save(&path).expect("reads").header.seed))
    });
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, saves);
criterion_main!(benches);

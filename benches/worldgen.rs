//! World generation speed: one layout from each generator (bsp, caves,
//! maze, forest, city, caverns, composite) at the usual
//! level size and at 200x200, and whole populated levels (layout, room
//! roles, stairs, features, monsters and items, as `procgen::level` builds
//! them) at both sizes; a fresh seed for every one. The generators and sizes
//! come from `venture::bench::worldgen`, which `venture bench` times too.
//!
//! Run with `cargo bench --bench worldgen`. The targets: every 80x50 layout
//! and populated level under 2 ms, every 200x200 one under 20 ms.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use venture::bench::worldgen::{GENERATORS, LEVEL_DEPTH, SIZES, layout_stream, sized};
use venture::procgen::level;
use venture::schema::Content;

fn layouts(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    for (w, h) in SIZES {
        for (name, generate) in GENERATORS {
            let mut seed = 0u64;
            group.bench_function(BenchmarkId::new(name, format!("{w}x{h}")), |b| {
                b.iter(|| {
                    seed += 1;
                    black_box(generate(w, h, &mut layout_stream(seed)).rooms.len())
                })
            });
        }
    }
    group.finish();
}

/// Whole levels (lakes may be lava at that depth), each seed in its own
/// genre and so with its own generator, as a game makes them.
fn populated(c: &mut Criterion) {
    let content = venture::schema::load_defaults().expect("default schemas load");
    let mut group = c.benchmark_group("populated");
    for (w, h) in SIZES {
        let content = sized(&content, w, h);
        let worlds: Vec<Content> = (0..64).map(|s| content.for_world(s)).collect();
        let mut seed = 0u64;
        group.bench_function(BenchmarkId::new("level", format!("{w}x{h}")), |b| {
            b.iter(|| {
                seed += 1;
                let world = &worlds[(seed % 64) as usize];
                black_box(level::generate(world, seed, LEVEL_DEPTH).monsters.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, layouts, populated);
criterion_main!(benches);

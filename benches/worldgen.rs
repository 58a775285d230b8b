//! World generation speed: one layout from each generator (bsp, caves,
//! maze, forest, city, caverns, composite) at the usual
//! level size and at 200x200, and whole populated levels (layout, room
//! roles, stairs, features, monsters and items, as `procgen::level` builds
//! them) at both sizes; a fresh seed for every one.
//!
//! Run with `cargo bench --bench worldgen`. The targets: every 80x50 layout
//! and populated level under 2 ms, every 200x200 one under 20 ms.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use venture::procgen::level;
use venture::procgen::seed::Stream;
use venture::procgen::terrain::{Layout, bsp, caverns, cellular, city, composite, forest, maze};
use venture::schema::Content;

type Generate = fn(i32, i32, &mut Stream) -> Layout;

const GENERATORS: [(&str, Generate); 7] = [
    ("bsp", |w, h, rng| {
        bsp::generate(w, h, &Default::default(), rng)
    }),
    ("caves", |w, h, rng| {
        cellular::generate(w, h, &Default::default(), rng)
    }),
    ("maze", |w, h, rng| {
        maze::generate(w, h, &Default::default(), rng)
    }),
    ("forest", |w, h, rng| {
        forest::generate(w, h, &Default::default(), rng)
    }),
    ("city", |w, h, rng| {
        city::generate(w, h, &Default::default(), rng)
    }),
    ("caverns", |w, h, rng| {
        caverns::generate(w, h, &Default::default(), rng)
    }),
    ("composite", |w, h, rng| {
        composite::generate(w, h, &Default::default(), rng)
    }),
];

/// The two sizes every bench runs at.
const SIZES: [(i32, i32); 2] = [(80, 50), (200, 200)];

fn layouts(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    for (w, h) in SIZES {
        for (name, generate) in GENERATORS {
            let mut seed = 0u64;
            group.bench_function(BenchmarkId::new(name, format!("{w}x{h}")), |b| {
                b.iter(|| {
                    seed += 1;
                    let mut rng = Stream::new(seed, 0xbe9c, &[]);
                    black_box(generate(w, h, &mut rng).rooms.len())
                })
            });
        }
    }
    group.finish();
}

/// The default content with every level `w` x `h`.
fn sized(content: &Content, w: i32, h: i32) -> Content {
    let mut c = content.clone();
    for band in &mut c.levels {
        (band.width, band.height) = (w, h);
    }
    c
}

/// Whole levels at depth 5 (lakes may be lava there), each seed in its own
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
                black_box(level::generate(world, seed, 5).monsters.len())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, layouts, populated);
criterion_main!(benches);

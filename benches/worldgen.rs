//! Terrain generation speed: one layout from each generator (bsp, caves,
//! maze, forest) at the usual level size and at 200x200, a fresh seed for
//! every layout.
//!
//! Run with `cargo bench --bench worldgen`. The targets: every 80x50 layout
//! well under 2 ms, every 200x200 one under 20 ms.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use venture::procgen::seed::Stream;
use venture::procgen::terrain::{Layout, bsp, cellular, forest, maze};

type Generate = fn(i32, i32, &mut Stream) -> Layout;

const GENERATORS: [(&str, Generate); 4] = [
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
];

fn layouts(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    for (w, h) in [(80, 50), (200, 200)] {
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

criterion_group!(benches, layouts);
criterion_main!(benches);

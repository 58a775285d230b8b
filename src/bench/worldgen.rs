//! World-generation timing shared by `benches/worldgen.rs` (criterion) and
//! `venture bench` (a few timed samples in the report): the generators by
//! name, the sizes both measure at, and the content with every level
//! resized. One table, so the bench and the report time the same work.

use std::time::Instant;

use serde::Serialize;

use crate::procgen::level;
use crate::procgen::seed::Stream;
use crate::procgen::terrain::{Layout, bsp, caverns, cellular, city, composite, forest, maze};
use crate::schema::Content;

/// A terrain generator with its default parameters.
pub type Generate = fn(i32, i32, &mut Stream) -> Layout;

/// `(name, generator)` pairs for terrain modules whose `generate` takes
/// default parameters.
macro_rules! generators {
    ($($name:literal => $module:ident),* $(,)?) => {
        [$(($name, (|w, h, rng| $module::generate(w, h, &Default::default(), rng)) as Generate)),*]
    };
}

/// Every terrain generator, by the name levels.ron gives it.
pub const GENERATORS: [(&str, Generate); 7] = generators![
    "bsp" => bsp,
    "caves" => cellular,
    "maze" => maze,
    "forest" => forest,
    "city" => city,
    "caverns" => caverns,
    "composite" => composite,
];

/// The usual level size and a large one: generation cost grows with area,
/// and both must stay well inside a frame's budget.
pub const SIZES: [(i32, i32); 2] = [(80, 50), (200, 200)];

/// The depth whole levels are generated at: deep enough for lava lakes,
/// champions and merchants.
pub const LEVEL_DEPTH: i32 = 5;

/// The random stream a layout sample draws from.
pub fn layout_stream(seed: u64) -> Stream {
    Stream::new(seed, 0xbe9c, &[])
}

/// `content` with every level `w` x `h`.
pub fn sized(content: &Content, w: i32, h: i32) -> Content {
    let mut c = content.clone();
    for band in &mut c.levels {
        (band.width, band.height) = (w, h);
    }
    c
}

/// Milliseconds one kind of generation took over its samples.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GenTime {
    /// The generator's name, or `level` for a whole populated level.
    pub what: String,
    /// The map's size in tiles.
    pub width: i32,
    pub height: i32,
    /// Seeds timed (1 to `samples`).
    pub samples: u32,
    /// The average over the seeds, and the slowest.
    pub mean_ms: f64,
    pub max_ms: f64,
}

/// Times every generator, then whole populated levels (each seed in its own
/// genre, so with that genre's generators), at both sizes, `samples` seeds
/// each. Seeds 1..=samples, so runs time the same maps.
pub fn time_all(content: &Content, samples: u32) -> Vec<GenTime> {
    let mut out = Vec::new();
    if samples == 0 {
        return out;
    }
    for (w, h) in SIZES {
        for (name, generate) in GENERATORS {
            out.push(time(name, w, h, samples, |seed| {
                std::hint::black_box(generate(w, h, &mut layout_stream(seed)).rooms.len());
            }));
        }
        let content = sized(content, w, h);
        let worlds: Vec<Content> = (1..=u64::from(samples))
            .map(|s| content.for_world(s))
            .collect();
        out.push(time("level", w, h, samples, |seed| {
            let world = &worlds[(seed - 1) as usize];
            std::hint::black_box(level::generate(world, seed, LEVEL_DEPTH).monsters.len());
        }));
    }
    out
}

/// Runs `make` on seeds 1..=samples and reports the mean and worst.
fn time(what: &str, width: i32, height: i32, samples: u32, mut make: impl FnMut(u64)) -> GenTime {
    let (mut total, mut max) = (0.0f64, 0.0f64);
    for seed in 1..=u64::from(samples) {
        let start = Instant::now();
        make(seed);
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        total += ms;
        max = max.max(ms);
    }
    GenTime {
        what: what.to_owned(),
        width,
        height,
        samples,
        mean_ms: total / f64::from(samples),
        max_ms: max,
    }
}

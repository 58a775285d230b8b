//! The figures `venture bench` prints: JSON for tools comparing runs, a
//! short table for people. Every figure says what it measured; anything
//! that cannot be measured yet is `null` with a note rather than a guess.

use serde::Serialize;

use super::machine::CpuTime;
use super::percentiles::TimeSummary;
use super::ticks::AllocFigures;
use super::worldgen::GenTime;

/// One `venture bench` run.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BenchReport {
    /// The stress world's seed: figures compare only on the same world.
    pub seed: u64,
    /// The world's genre, as the side panel names it.
    pub genre: String,
    /// `release` or `debug`: figures of the two are not comparable.
    pub build: &'static str,
    /// Monsters asked for on the stress level.
    pub entities: i32,
    /// Who played the hero (`explore` or `idle`).
    pub bot: String,
    /// Monsters alive when the stress world was made, and after the last
    /// measured tick (the hero kills some).
    pub monsters_at_start: usize,
    pub monsters_at_end: usize,
    /// Ticks run before measuring (buffers and pools grow then), and
    /// ticks measured.
    pub warmup_ticks: u64,
    pub ticks: u64,
    /// Measured ticks divided by the time their `Simulation::step` calls
    /// took (the bot between ticks left out).
    pub ticks_per_second: f64,
    /// Time in `Simulation::step`, in microseconds.
    pub tick_time_us: TimeSummary,
    /// Events per measured tick: a busy world, not an idle one.
    pub events_per_tick: f64,
    /// `null` when the binary does not install the counting allocator.
    pub allocations: Option<AllocFigures>,
    /// Over the measured ticks, the time the bench ran and the time it
    /// waited for a CPU other processes held: a `waiting_share` above a few
    /// percent means the tick times (the slow ones most) are the machine's,
    /// not the game's. `null` where the system does not say (not Linux).
    pub cpu: Option<CpuTime>,
    /// Peak memory.
    pub memory: Memory,
    /// Sprite-cache hit rate: `null` until a sprite cache exists (see
    /// `notes`).
    pub sprite_cache: Option<f64>,
    /// World-generation times.
    pub worldgen: Worldgen,
    /// What a reader must know to read the figures right.
    pub notes: Vec<String>,
}

/// Peak memory, from two sources.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Memory {
    /// The counting allocator's high-water mark of live heap bytes since
    /// the process started (world generation samples included).
    pub peak_heap_bytes: Option<u64>,
    /// `VmHWM` from /proc/self/status: peak resident memory in KiB.
    pub peak_resident_kib: Option<u64>,
}

/// How long worlds take to make.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Worldgen {
    /// A new game's world (its first level and a hero), in milliseconds.
    pub new_world_ms: f64,
    /// The stress world (its 256x256 level, every monster placed).
    pub stress_world_ms: f64,
    /// Each generator, then a whole populated level, at each size.
    pub samples: Vec<GenTime>,
}

impl std::fmt::Display for BenchReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let t = &self.tick_time_us;
        writeln!(
            f,
            "venture bench: seed {}, {}, {} build",
            self.seed, self.genre, self.build
        )?;
        writeln!(
            f,
            "stress world     {} monsters asked, {} alive at start, {} at end; {} bot",
            self.entities, self.monsters_at_start, self.monsters_at_end, self.bot
        )?;
        writeln!(
            f,
            "ticks            {} measured after {} warm-up ({:.1} events a tick)",
            self.ticks, self.warmup_ticks, self.events_per_tick
        )?;
        writeln!(f, "ticks/s          {:.0}", self.ticks_per_second)?;
        writeln!(
            f,
            "tick time (µs)   mean {:.1}  p50 {:.1}  p99 {:.1}  p99.9 {:.1}  max {:.1}",
            t.mean, t.p50, t.p99, t.p99_9, t.max
        )?;
        match &self.allocations {
            Some(a) => writeln!(
                f,
                "allocations      {:.3} a tick ({} in {} ticks, {} bytes; {} in warm-up)",
                a.per_tick, a.total, a.ticks_that_allocated, a.bytes, a.during_warmup
            )?,
            None => writeln!(f, "allocations      not counted")?,
        }
        if let Some(c) = &self.cpu {
            writeln!(
                f,
                "waiting for cpu  {:.1}% of the measured time ({:.0} ms; other processes had it)",
                c.waiting_share * 100.0,
                c.waiting_ms
            )?;
        }
        let mib = |b: u64| b as f64 / (1024.0 * 1024.0);
        let or_dash = |v: Option<String>| v.unwrap_or_else(|| "-".to_owned());
        writeln!(
            f,
            "peak memory      heap {} MiB, resident {} MiB",
            or_dash(
                self.memory
                    .peak_heap_bytes
                    .map(|b| format!("{:.1}", mib(b)))
            ),
            or_dash(
                self.memory
                    .peak_resident_kib
                    .map(|k| format!("{:.1}", mib(k * 1024)))
            ),
        )?;
        writeln!(
            f,
            "sprite cache     {}",
            or_dash(self.sprite_cache.map(|r| format!("{:.1}% hits", r * 100.0)))
        )?;
        writeln!(
            f,
            "world gen (ms)   new world {:.2}, stress world {:.1}",
            self.worldgen.new_world_ms, self.worldgen.stress_world_ms
        )?;
        for g in &self.worldgen.samples {
            writeln!(
                f,
                "  {:<10} {:>3}x{:<3}  mean {:>6.2}  max {:>6.2}  ({} samples)",
                g.what, g.width, g.height, g.mean_ms, g.max_ms, g.samples
            )?;
        }
        for note in &self.notes {
            writeln!(f, "note: {note}")?;
        }
        Ok(())
    }
}

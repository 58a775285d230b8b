//! Seed sweeps (`venture sweep`): many seeds run headless in parallel
//! (rayon), each with a bot, optionally with the world's invariants checked
//! every tick (`--check`). A panic fails only its own seed. Every failed
//! seed leaves a replay file that `venture replay` plays to the same
//! failure on the same tick. A progress bar (indicatif) goes to stderr when
//! it is a terminal; the summary says how many seeds failed and how fast
//! the sweep ran.
//!
//! `range.rs` reads `A..B` / `A..=B`; `seed.rs` runs one seed.

mod range;
mod seed;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

pub use range::{MAX_SEEDS, SeedRange};

use crate::bot::BotKind;
use crate::replay::Failure;
use crate::schema::Content;
use crate::sim::invariants::Invariant;

/// What to sweep.
#[derive(Clone, Debug)]
pub struct SweepConfig {
    pub seeds: SeedRange,
    /// Ticks per seed (a seed whose hero dies or wins ends sooner).
    pub ticks: u64,
    /// Worker threads; `None` uses one per core.
    pub jobs: Option<usize>,
    /// Check the invariants every tick.
    pub check: bool,
    pub bot: BotKind,
    /// Where replays of failed seeds go (made when the first seed fails).
    pub out: PathBuf,
    /// Ticks between state hashes in those replays.
    pub hash_every: u64,
    /// Invariants checked besides the standard ones: tools and tests (a
    /// failure injected on purpose) add their own here.
    pub extra: Vec<Invariant>,
    /// Draw the progress bar (it is hidden anyway when stderr is not a
    /// terminal).
    pub progress: bool,
}

/// A seed that failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeedFailure {
    pub seed: u64,
    pub tick: u64,
    pub failure: Failure,
    /// The replay written for it, or why it could not be written.
    pub replay: Result<PathBuf, String>,
}

/// How a sweep went.
#[derive(Clone, Debug)]
pub struct Summary {
    pub seeds: u64,
    /// Ticks run over all seeds.
    pub ticks: u64,
    pub threads: usize,
    pub checked: bool,
    /// Failed seeds, in seed order.
    pub failed: Vec<SeedFailure>,
    pub elapsed: Duration,
}

impl Summary {
    /// Ticks per second of wall time over the whole sweep.
    pub fn ticks_per_second(&self) -> f64 {
        let s = self.elapsed.as_secs_f64();
        if s > 0.0 { self.ticks as f64 / s } else { 0.0 }
    }
}

/// The worker pool could not be started.
#[derive(Debug, thiserror::Error)]
#[error("the sweep's worker threads could not start: {0}")]
pub struct SweepError(#[from] rayon::ThreadPoolBuildError);

/// Runs every seed of the sweep and sums up.
pub fn run(config: &SweepConfig, content: Arc<Content>) -> Result<Summary, SweepError> {
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = config.jobs {
        pool = pool.num_threads(n.max(1));
    }
    let pool = pool.build()?;
    let bar = progress_bar(config);
    let ticks = AtomicU64::new(0);
    let failures = AtomicU64::new(0);
    let start = Instant::now();
    let count = config.seeds.len();
    let mut failed: Vec<SeedFailure> = pool.install(|| {
        (0..count)
            .into_par_iter()
            .filter_map(|i| {
                let seed = config.seeds.nth(i);
                let run = seed::run(seed, config, &content);
                ticks.fetch_add(run.ticks, Ordering::Relaxed);
                bar.inc(1);
                let (tick, failure, bytes) = run.failure?;
                let n = failures.fetch_add(1, Ordering::Relaxed) + 1;
                bar.set_message(format!("{n} failed"));
                let replay = write_replay(&config.out, seed, &bytes);
                Some(SeedFailure {
                    seed,
                    tick,
                    failure,
                    replay,
                })
            })
            .collect()
    });
    bar.finish_and_clear();
    failed.sort_by_key(|f| f.seed);
    Ok(Summary {
        seeds: count,
        ticks: ticks.into_inner(),
        threads: pool.current_num_threads(),
        checked: config.check,
        failed,
        elapsed: start.elapsed(),
    })
}

fn progress_bar(config: &SweepConfig) -> ProgressBar {
    let target = if config.progress {
        ProgressDrawTarget::stderr()
    } else {
        ProgressDrawTarget::hidden()
    };
    let bar = ProgressBar::with_draw_target(Some(config.seeds.len()), target);
    let style = ProgressStyle::with_template(
        "{elapsed_precise} [{wide_bar}] {pos}/{len} seeds, {eta} left {msg}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style.progress_chars("=> "));
    bar
}

/// Writes a failed seed's replay as `DIR/seed-N.vrp`.
fn write_replay(dir: &Path, seed: u64, bytes: &[u8]) -> Result<PathBuf, String> {
    let path = dir.join(format!("seed-{seed}.vrp"));
    std::fs::create_dir_all(dir)
        .and_then(|()| std::fs::write(&path, bytes))
        .map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for s in &self.failed {
            writeln!(
                f,
                "seed {} FAILED at tick {}: {} {}",
                s.seed, s.tick, s.failure.check, s.failure.detail
            )?;
            match &s.replay {
                Ok(path) => writeln!(f, "  replay: venture replay {}", path.display())?,
                Err(e) => writeln!(f, "  the replay could not be written: {e}")?,
            }
        }
        write!(
            f,
            "swept {} seeds ({} ticks{}) on {} threads in {:.1} s, {:.0} ticks/s: {} failed",
            self.seeds,
            self.ticks,
            if self.checked {
                ", invariants checked every tick"
            } else {
                ""
            },
            self.threads,
            self.elapsed.as_secs_f64(),
            self.ticks_per_second(),
            self.failed.len()
        )
    }
}

//! One seed of a sweep: a headless bot run recorded in memory, with the
//! invariants checked every tick when asked, and any panic caught. The
//! recording is only kept (written as a replay file) when the seed fails.

use std::ops::ControlFlow;
use std::sync::Arc;

use super::SweepConfig;
use crate::modes::headless::{self, HeadlessConfig};
use crate::replay::{Failure, Header, Recorder, Watch, catch};
use crate::schema::Content;
use crate::sim::invariants::Checker;
use crate::sim::{PlayerInput, Simulation};

/// How one seed went.
pub(super) struct SeedRun {
    /// Ticks run.
    pub ticks: u64,
    /// Where it failed, and the replay of the run up to there.
    pub failure: Option<(u64, Failure, Vec<u8>)>,
}

/// Records and (when asked) checks one run.
struct SeedWatch {
    recorder: Recorder<Vec<u8>>,
    checker: Option<Checker>,
    failure: Option<(u64, Failure)>,
}

impl Watch for SeedWatch {
    fn begin(&mut self, sim: &Simulation) {
        self.recorder.begin(sim);
    }

    fn before(&mut self, tick: u64, inputs: &[PlayerInput]) {
        self.recorder.before(tick, inputs);
    }

    fn after(&mut self, sim: &Simulation) -> ControlFlow<()> {
        let _ = self.recorder.after(sim);
        let Some(v) = self.checker.as_mut().and_then(|c| c.check(sim)) else {
            return ControlFlow::Continue(());
        };
        let failure = Failure {
            check: v.invariant.to_owned(),
            detail: v.detail,
        };
        self.recorder.failure(sim.tick(), &failure);
        self.failure = Some((sim.tick(), failure));
        ControlFlow::Break(())
    }

    fn end(&mut self, sim: &Simulation) {
        self.recorder.end(sim);
    }
}

/// Runs `seed` as the sweep is configured.
pub(super) fn run(seed: u64, config: &SweepConfig, content: &Arc<Content>) -> SeedRun {
    let source = format!("sweep {:?}", config.bot).to_lowercase();
    let mut header = Header::new(seed, content, &[headless::PLAYER_NAME], &source);
    header.hash_every = config.hash_every.max(1);
    header.checks = config.check;
    let mut watch = SeedWatch {
        recorder: Recorder::new(Vec::new(), &header),
        checker: config.check.then(|| Checker::new(&config.extra)),
        failure: None,
    };
    let headless = HeadlessConfig {
        seed,
        ticks: config.ticks,
        bot: config.bot,
        until_depth: None,
    };
    let content = Arc::clone(content);
    let outcome = catch::quietly(|| headless::run_watched(&headless, content, &mut watch));
    let ticks = match outcome {
        Ok(report) => report.ticks,
        Err(message) => {
            let tick = watch.recorder.tick();
            let failure = Failure {
                check: "panic".to_owned(),
                detail: message,
            };
            watch.recorder.failure(tick, &failure);
            watch.recorder.end_without_hash();
            watch.failure = Some((tick, failure));
            tick
        }
    };
    let failure = watch.failure.take().map(|(tick, f)| {
        // Writing to memory cannot fail.
        let bytes = watch.recorder.close().unwrap_or_default();
        (tick, f, bytes)
    });
    SeedRun { ticks, failure }
}

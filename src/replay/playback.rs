//! Playing a recording back and checking it: the same world, the same
//! inputs on the same ticks, and every recorded state hash compared with
//! the replayed one. The first checkpoint that differs is reported with
//! both hashes; a recorded failure (a broken invariant, a panic) must
//! happen again on the same tick.

use std::fmt;
use std::ops::ControlFlow;
use std::sync::Arc;

use super::catch;
use super::format::{Failure, Recording};
use crate::schema::Content;
use crate::sim::invariants::{Checker, Invariant};
use crate::sim::{PlayerInput, Simulation};

/// The first recorded hash the replay did not match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Divergence {
    pub tick: u64,
    pub recorded: u64,
    pub replayed: u64,
    /// The last tick whose hash still matched (the divergence began after
    /// it), if any did.
    pub last_match: Option<u64>,
}

/// What a replay found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The ticks replayed.
    pub ticks: u64,
    /// How many recorded hashes were compared (the final one included).
    pub compared: usize,
    pub divergence: Option<Divergence>,
    /// The failure the replay met, and on which tick.
    pub failure: Option<(u64, Failure)>,
    /// The failure the recording says it met.
    pub recorded_failure: Option<(u64, Failure)>,
    /// A note for people when the file came from another game version.
    pub warning: Option<String>,
}

impl Outcome {
    /// True when the replay matched every hash and met the recorded
    /// failure (or none) on the same tick.
    pub fn reproduced(&self) -> bool {
        let same = |a: &Option<(u64, Failure)>, b: &Option<(u64, Failure)>| match (a, b) {
            (None, None) => true,
            (Some((t, f)), Some((u, g))) => t == u && f.check == g.check,
            _ => false,
        };
        self.divergence.is_none() && same(&self.failure, &self.recorded_failure)
    }
}

/// Step-by-step comparison of a replay with its recording.
struct Verifier<'a> {
    rec: &'a Recording,
    /// Index of the next recorded hash to compare.
    next_hash: usize,
    last_match: Option<u64>,
    compared: usize,
}

impl Verifier<'_> {
    /// Compares the recorded hashes of the tick just run; stops at the
    /// first that differs.
    fn compare(&mut self, sim: &Simulation) -> ControlFlow<Divergence> {
        let tick = sim.tick();
        while let Some(&(t, recorded)) = self.rec.hashes.get(self.next_hash) {
            if t > tick {
                break;
            }
            self.next_hash += 1;
            if t < tick {
                continue;
            }
            let replayed = sim.state_hash();
            self.compared += 1;
            if replayed != recorded {
                return ControlFlow::Break(Divergence {
                    tick,
                    recorded,
                    replayed,
                    last_match: self.last_match,
                });
            }
            self.last_match = Some(tick);
        }
        ControlFlow::Continue(())
    }
}

/// A replay in progress, one tick at a time: the headless check runs it to
/// the end at once, the terminal viewer shows each tick as it goes.
pub struct Playback<'a> {
    rec: &'a Recording,
    /// `None` once the simulation panicked (it cannot be trusted after).
    sim: Option<Simulation>,
    verifier: Verifier<'a>,
    checker: Option<Checker>,
    next_input: usize,
    inputs: Vec<PlayerInput>,
    outcome: Outcome,
    done: bool,
}

impl<'a> Playback<'a> {
    /// Rebuilds the recorded world in `content` (already checked against
    /// the recording's schema hash, see `Header::content`). When the
    /// recording checked invariants, the replay checks the standard ones
    /// plus `extra` after every tick.
    pub fn new(rec: &'a Recording, content: Arc<Content>, extra: &[Invariant]) -> Self {
        let warning = (rec.header.game != env!("CARGO_PKG_VERSION")).then(|| {
            format!(
                "recorded by Venture {}, replayed by {}: hashes may differ for that alone",
                rec.header.game,
                env!("CARGO_PKG_VERSION")
            )
        });
        let mut playback = Self {
            rec,
            sim: None,
            verifier: Verifier {
                rec,
                next_hash: 0,
                last_match: None,
                compared: 0,
            },
            checker: rec.header.checks.then(|| Checker::new(extra)),
            next_input: 0,
            inputs: Vec::new(),
            outcome: Outcome {
                ticks: 0,
                compared: 0,
                divergence: None,
                failure: None,
                recorded_failure: rec.failure.clone(),
                warning,
            },
            done: false,
        };
        let built = catch::quietly(|| {
            let mut sim = Simulation::new(rec.header.seed, content);
            for name in &rec.header.players {
                sim.add_player(name);
            }
            sim
        });
        match built {
            Ok(sim) => {
                if let ControlFlow::Break(d) = playback.verifier.compare(&sim) {
                    playback.stop_diverged(d);
                }
                playback.sim = Some(sim);
            }
            Err(message) => playback.stop_panicked(message),
        }
        playback
    }

    /// The world as replayed so far (`None` after a panic).
    pub fn sim(&self) -> Option<&Simulation> {
        self.sim.as_ref()
    }

    /// True once the replay has nothing more to play: the end, a
    /// divergence, a failure.
    pub fn done(&self) -> bool {
        self.done
    }

    /// The last tick of the recording.
    pub fn last_tick(&self) -> u64 {
        self.rec.end.0
    }

    fn stop_diverged(&mut self, d: Divergence) {
        self.outcome.divergence = Some(d);
        self.done = true;
    }

    fn stop_panicked(&mut self, message: String) {
        let failure = Failure {
            check: "panic".to_owned(),
            detail: message,
        };
        self.outcome.failure = Some((self.outcome.ticks, failure));
        self.sim = None;
        self.done = true;
    }

    /// Plays the next tick and checks it; false once done.
    pub fn step(&mut self) -> bool {
        let Some(sim) = self.sim.as_mut().filter(|_| !self.done) else {
            return false;
        };
        if sim.tick() >= self.rec.end.0 {
            self.finish_at_end();
            return false;
        }
        let tick = sim.tick() + 1;
        self.outcome.ticks = tick;
        self.inputs.clear();
        while let Some((t, input)) = self.rec.inputs.get(self.next_input) {
            if *t > tick {
                break;
            }
            if *t == tick {
                self.inputs.push(*input);
            }
            self.next_input += 1;
        }
        let (inputs, verifier, checker) = (&self.inputs, &mut self.verifier, &mut self.checker);
        let checked = catch::quietly(|| {
            sim.step(inputs);
            if let ControlFlow::Break(d) = verifier.compare(sim) {
                return Err(d);
            }
            Ok(checker.as_mut().and_then(|c| c.check(sim)))
        });
        match checked {
            Ok(Ok(None)) => {}
            Ok(Ok(Some(v))) => {
                let failure = Failure {
                    check: v.invariant.to_owned(),
                    detail: v.detail,
                };
                self.outcome.failure = Some((tick, failure));
                self.done = true;
            }
            Ok(Err(d)) => self.stop_diverged(d),
            Err(message) => self.stop_panicked(message),
        }
        !self.done
    }

    /// At the last tick: the final hash is compared too.
    fn finish_at_end(&mut self) {
        self.done = true;
        let (Some(sim), Some(recorded)) = (&self.sim, self.rec.end.1) else {
            return;
        };
        let replayed = sim.state_hash();
        self.verifier.compared += 1;
        if replayed != recorded {
            let d = Divergence {
                tick: sim.tick(),
                recorded,
                replayed,
                last_match: self.verifier.last_match,
            };
            self.stop_diverged(d);
        }
    }

    /// What the replay has found so far.
    pub fn outcome(&self) -> Outcome {
        let mut outcome = self.outcome.clone();
        outcome.compared = self.verifier.compared;
        outcome
    }

    /// Plays what is left and says what the replay found.
    pub fn finish(mut self) -> Outcome {
        while self.step() {}
        self.outcome()
    }
}

/// Replays `rec` to the end in `content` and reports (see [`Playback`]).
/// Never panics: a panic in the simulation is a reported failure.
pub fn replay(rec: &Recording, content: Arc<Content>, extra: &[Invariant]) -> Outcome {
    Playback::new(rec, content, extra).finish()
}

impl fmt::Display for Outcome {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(w) = &self.warning {
            writeln!(f, "note: {w}")?;
        }
        writeln!(
            f,
            "replayed {} ticks, compared {} state hashes",
            self.ticks, self.compared
        )?;
        if let Some(d) = &self.divergence {
            write!(
                f,
                "DIVERGED at tick {}: recorded {:016x}, replayed {:016x}",
                d.tick, d.recorded, d.replayed
            )?;
            match d.last_match {
                Some(t) => writeln!(f, " (the state still matched at tick {t})")?,
                None => writeln!(f, " (no earlier hash matched)")?,
            }
        }
        if let Some((t, fail)) = &self.failure {
            writeln!(f, "failed at tick {t}: {} {}", fail.check, fail.detail)?;
        }
        match (&self.recorded_failure, self.reproduced()) {
            (Some((t, fail)), true) => {
                write!(
                    f,
                    "REPRODUCED the recorded failure at tick {t}: {}",
                    fail.check
                )
            }
            (Some((t, fail)), false) => write!(
                f,
                "NOT REPRODUCED: the recording failed at tick {t}: {} {}",
                fail.check, fail.detail
            ),
            (None, true) => write!(f, "MATCH: every state hash agrees"),
            (None, false) => write!(f, "MISMATCH"),
        }
    }
}

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

/// Replays `rec` in `content` (already checked against the recording's
/// schema hash, see `Header::content`). When the recording checked
/// invariants, the replay checks the standard ones plus `extra` every tick.
/// Never panics: a panic in the simulation is a reported failure.
pub fn replay(rec: &Recording, content: Arc<Content>, extra: &[Invariant]) -> Outcome {
    let mut outcome = Outcome {
        ticks: 0,
        compared: 0,
        divergence: None,
        failure: None,
        recorded_failure: rec.failure.clone(),
        warning: (rec.header.game != env!("CARGO_PKG_VERSION")).then(|| {
            format!(
                "recorded by Venture {}, replayed by {}: hashes may differ for that alone",
                rec.header.game,
                env!("CARGO_PKG_VERSION")
            )
        }),
    };
    let mut verifier = Verifier {
        rec,
        next_hash: 0,
        last_match: None,
        compared: 0,
    };
    let mut checker = rec.header.checks.then(|| Checker::new(extra));
    let mut tick = 0;
    let run = catch::quietly(|| {
        let mut sim = Simulation::new(rec.header.seed, content);
        for name in &rec.header.players {
            sim.add_player(name);
        }
        let mut inputs: Vec<PlayerInput> = Vec::new();
        let mut next_input = rec.inputs.iter().peekable();
        if let ControlFlow::Break(d) = verifier.compare(&sim) {
            return Some(d);
        }
        while sim.tick() < rec.end.0 {
            tick = sim.tick() + 1;
            inputs.clear();
            while let Some((_, input)) = next_input.next_if(|(t, _)| *t == tick) {
                inputs.push(*input);
            }
            sim.step(&inputs);
            if let ControlFlow::Break(d) = verifier.compare(&sim) {
                return Some(d);
            }
            if let Some(v) = checker.as_mut().and_then(|c| c.check(&sim)) {
                let failure = Failure {
                    check: v.invariant.to_owned(),
                    detail: v.detail,
                };
                outcome.failure = Some((tick, failure));
                break;
            }
        }
        if let (Some(recorded), true) = (rec.end.1, outcome.failure.is_none()) {
            let replayed = sim.state_hash();
            verifier.compared += 1;
            if replayed != recorded {
                return Some(Divergence {
                    tick: sim.tick(),
                    recorded,
                    replayed,
                    last_match: verifier.last_match,
                });
            }
        }
        None
    });
    match run {
        Ok(divergence) => outcome.divergence = divergence,
        Err(message) => {
            let failure = Failure {
                check: "panic".to_owned(),
                detail: message,
            };
            outcome.failure = Some((tick, failure));
        }
    }
    outcome.ticks = tick;
    outcome.compared = verifier.compared;
    outcome
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

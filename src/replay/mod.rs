//! Replays: a run written down as its world (seed, genre, game data) and
//! what the simulation received on each tick, with state hashes along the
//! way, so it can be played again and checked hash for hash.
//!
//! - `format.rs`: the file (a header and one line per input, hash, failure
//!   and end), written and read without ever panicking on a bad file.
//! - `recorder.rs`: the [`Watch`] hook every driver of the simulation calls
//!   around its steps, and the [`Recorder`] that writes a file from it.
//! - `playback.rs`: [`replay`], which plays a recording and reports the first
//!   hash that differs, or the recorded failure met again.
//! - `catch.rs`: panics caught as messages, for sweeps and replays.
//!
//! A new way to drive the simulation (the window, the co-op host) records
//! by calling a `Watch` around each `Simulation::step`, as `modes::app` and
//! `modes::headless` do.

pub mod catch;
mod error;
pub mod format;
mod playback;
mod recorder;

pub use error::ReplayError;
pub use format::{Failure, Header, Recording};
pub use playback::{Divergence, Outcome, Playback, replay};
pub use recorder::{RecordTo, Recorder, Watch};

/// Ticks between recorded state hashes unless asked otherwise: five
/// seconds of game time, which keeps hashing to a few percent of a run.
pub const DEFAULT_HASH_EVERY: u64 = 100;

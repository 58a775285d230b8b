//! Writing replays as a run goes: the [`Watch`] hook every driver of the
//! simulation calls around its steps, and the [`Recorder`] that turns those
//! calls into a replay file.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::ops::ControlFlow;
use std::path::PathBuf;

use super::error::ReplayError;
use super::format::{Entry, Failure, Header, entry_text, header_text};
use crate::sim::{PlayerInput, Simulation};

/// Follows a run tick by tick. Whatever drives a [`Simulation`] (the
/// terminal's `App`, headless bots, a sweep, later the window and the co-op
/// host) calls these around every `step`, so a recorder or a checker sees
/// exactly what the simulation got, whatever the pace or the input source.
pub trait Watch {
    /// Once, before the first tick, with the world as generated.
    fn begin(&mut self, _sim: &Simulation) {}
    /// Just before tick `tick` runs with these inputs.
    fn before(&mut self, _tick: u64, _inputs: &[PlayerInput]) {}
    /// Just after a tick ran. `Break` asks the driver to stop (a check
    /// failed).
    fn after(&mut self, _sim: &Simulation) -> ControlFlow<()> {
        ControlFlow::Continue(())
    }
    /// Once, when the run ends (not called when it panicked).
    fn end(&mut self, _sim: &Simulation) {}
}

/// Watching nothing: the plain headless run.
impl Watch for () {}

/// Where to record a run, as the command line gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordTo {
    pub path: PathBuf,
    /// How many ticks apart state hashes are written.
    pub hash_every: u64,
}

impl RecordTo {
    /// Creates the file and writes `header` (with this hash interval).
    pub fn create(&self, mut header: Header) -> Result<Recorder, ReplayError> {
        header.hash_every = self.hash_every.max(1);
        let file = File::create(&self.path).map_err(|error| ReplayError::Io {
            path: self.path.clone(),
            error,
        })?;
        let out: Box<dyn Write + Send> = Box::new(BufWriter::new(file));
        Ok(Recorder::new(out, &header))
    }
}

/// Writes what the simulation receives, tick by tick, with a state hash
/// every `hash_every` ticks. Write errors do not stop the game: the first
/// one is kept and returned by [`Recorder::close`].
pub struct Recorder<W: Write = Box<dyn Write + Send>> {
    out: W,
    hash_every: u64,
    /// The tick last fed in or stepped.
    tick: u64,
    ended: bool,
    error: Option<io::Error>,
}

impl<W: Write> Recorder<W> {
    /// Starts a recording into `out` with its magic line and header.
    pub fn new(out: W, header: &Header) -> Self {
        let mut r = Self {
            out,
            hash_every: header.hash_every.max(1),
            tick: 0,
            ended: false,
            error: None,
        };
        r.write(&header_text(header));
        r
    }

    fn write(&mut self, text: &str) {
        if self.error.is_none()
            && let Err(e) = self.out.write_all(text.as_bytes())
        {
            self.error = Some(e);
        }
    }

    fn entry(&mut self, entry: &Entry) {
        self.write(&entry_text(entry));
    }

    /// The tick last fed in or stepped: where a run that panicked stopped.
    pub fn tick(&self) -> u64 {
        self.tick
    }

    /// Notes that the run failed at `tick`.
    pub fn failure(&mut self, tick: u64, failure: &Failure) {
        let failure = failure.clone();
        self.entry(&Entry::Failure { tick, failure });
    }

    /// Ends a recording whose simulation panicked (there is no final hash).
    pub fn end_without_hash(&mut self) {
        if !self.ended {
            self.ended = true;
            let tick = self.tick;
            self.entry(&Entry::End { tick, hash: None });
        }
    }

    /// Flushes and hands back the sink, or the first write error met.
    pub fn close(mut self) -> io::Result<W> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

impl<W: Write> Watch for Recorder<W> {
    fn begin(&mut self, sim: &Simulation) {
        self.tick = sim.tick();
        let hash = sim.state_hash();
        self.entry(&Entry::Hash {
            tick: self.tick,
            hash,
        });
    }

    fn before(&mut self, tick: u64, inputs: &[PlayerInput]) {
        self.tick = tick;
        for &input in inputs {
            self.entry(&Entry::Input { tick, input });
        }
    }

    fn after(&mut self, sim: &Simulation) -> ControlFlow<()> {
        self.tick = sim.tick();
        if self.tick.is_multiple_of(self.hash_every) {
            let hash = sim.state_hash();
            self.entry(&Entry::Hash {
                tick: self.tick,
                hash,
            });
            // On disk at every checkpoint, so a crash or a dropped link
            // leaves a recording that plays back to its last hash.
            if self.error.is_none()
                && let Err(e) = self.out.flush()
            {
                self.error = Some(e);
            }
        }
        ControlFlow::Continue(())
    }

    fn end(&mut self, sim: &Simulation) {
        if !self.ended {
            self.ended = true;
            let hash = Some(sim.state_hash());
            let tick = sim.tick();
            self.entry(&Entry::End { tick, hash });
        }
        if self.error.is_none()
            && let Err(e) = self.out.flush()
        {
            self.error = Some(e);
        }
    }
}

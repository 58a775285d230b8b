//! `venture replay FILE`: reads a recording, rebuilds its world from this
//! build's game data and plays it back headless, checking every recorded
//! hash (see `crate::replay`).

use std::path::Path;
use std::sync::Arc;

use crate::replay::{Outcome, Playback, Recording, ReplayError};
use crate::schema::Content;

/// A recording read and ready to play, with a line saying what it is.
pub struct Loaded {
    pub recording: Recording,
    pub content: Arc<Content>,
}

impl Loaded {
    /// Reads `path` and checks it was made with the game data in `base`.
    pub fn read(path: &Path, base: &Content) -> Result<Self, ReplayError> {
        let recording = Recording::read(path)?;
        let content = Arc::new(recording.header.content(base, path)?);
        Ok(Self { recording, content })
    }

    /// "seed 7 (Horror), 2000 ticks, 1 player, recorded by headless explore".
    pub fn describe(&self) -> String {
        let h = &self.recording.header;
        let genre = self.content.for_world(h.seed).genre_label();
        let players = h.players.len();
        format!(
            "{}: seed {} ({genre}), {} ticks, {players} player{}, recorded by {} {}{}",
            self.recording.path.display(),
            h.seed,
            self.recording.end.0,
            if players == 1 { "" } else { "s" },
            h.source,
            h.game,
            if h.checks { ", invariants checked" } else { "" }
        ) + &match self.recording.cut_short {
            Some(line) => format!(
                "; cut short after line {line} (no end line): played to its last state hash"
            ),
            None => String::new(),
        }
    }

    /// A playback of it, to step through (the terminal viewer).
    pub fn playback(&self) -> Playback<'_> {
        Playback::new(&self.recording, Arc::clone(&self.content), &[])
    }

    /// Plays it back headless to the end.
    pub fn play(&self) -> Outcome {
        self.playback().finish()
    }
}

//! Hot reload in a game in progress: what the front ends' F6 and their
//! once-a-second check do, shared by every interactive front end through
//! `App::poll_data` and `App::reload_data`.
//!
//! New data takes effect from the next level generated; levels already
//! made stay as they were. When the new data drops something the world may
//! hold (a monster kind, an item...), the world keeps its data and the new
//! data waits for the next world. Errors leave the data as it was and are
//! shown in the message log.
//!
//! Determinism: a replay is only ever played against the data it was
//! recorded with, so a recording ends at a reload (the file stays a
//! complete, checkable replay up to that tick), and a world whose data
//! changed in play cannot be saved (its levels could not be regenerated
//! from any one set of files). Both say so in the log.

use std::sync::Arc;

use crate::schema::Content;
use crate::schema::reload::{self, DataSources, Watcher};
use crate::sim::Simulation;
use crate::view::Tone;

/// Errors shown in the log; the rest are counted (`venture mods check`
/// lists them all).
const ERRORS_SHOWN: usize = 3;

/// The files a game's data came from, watched for changes.
#[derive(Clone, Debug)]
pub struct DataWatch {
    watcher: Watcher,
}

/// What a reload did, for the app to carry out and show.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The data new worlds are made with from now on.
    pub fresh: Option<Arc<Content>>,
    /// The world in play took the new data.
    pub world_changed: bool,
    /// Lines for the message log.
    pub notes: Vec<(String, Tone)>,
}

impl DataWatch {
    pub fn new(sources: DataSources) -> Self {
        Self {
            watcher: Watcher::new(sources),
        }
    }

    /// Whether a watched file changed since the last look.
    pub fn changed(&mut self) -> bool {
        self.watcher.changed()
    }

    /// Loads the data again for `sim` (made from `base`, the data new
    /// worlds use). `forced`: the player asked, so "nothing changed" is
    /// worth saying.
    pub fn reload(&mut self, base: &Content, sim: &mut Simulation, forced: bool) -> Outcome {
        // What is on disk now counts as seen, so a forced reload is not
        // followed by a second one on the next check.
        let _ = self.watcher.changed();
        let mut out = Outcome::default();
        let reloaded = match reload::reload(self.watcher.sources(), sim.content()) {
            Ok(r) => r,
            Err(errors) => {
                let n = errors.errors.len();
                tracing::warn!(errors = %errors_text(&errors), "hot reload refused");
                out.notes.push((
                    format!(
                        "The game data has {n} error{}: the old data stays in use.",
                        if n == 1 { "" } else { "s" }
                    ),
                    Tone::Important,
                ));
                for e in errors.errors.iter().take(ERRORS_SHOWN) {
                    out.notes.push((brief(e), Tone::Important));
                }
                if n > ERRORS_SHOWN {
                    out.notes.push((
                        format!(
                            "...and {} more: run `venture mods check`.",
                            n - ERRORS_SHOWN
                        ),
                        Tone::Important,
                    ));
                }
                return out;
            }
        };
        if reloaded.fresh.schema_hash() == base.schema_hash() {
            if forced {
                out.notes
                    .push(("The game data is unchanged.".to_owned(), Tone::Normal));
            }
            return out;
        }
        tracing::info!(hash = reloaded.fresh.schema_hash(), "game data reloaded");
        out.fresh = Some(Arc::new(reloaded.fresh));
        match reloaded
            .world
            .map(Arc::new)
            .and_then(|w| sim.replace_content(w))
        {
            Ok(()) => {
                out.world_changed = true;
                out.notes.push((
                    "Game data reloaded: levels made from now on use it.".to_owned(),
                    Tone::Important,
                ));
            }
            Err(why) => out.notes.push((
                format!("Game data reloaded for the next world: {why}, which this world may hold."),
                Tone::Important,
            )),
        }
        out
    }
}

/// An error short enough for the message log: where, what (without the
/// parser's list of everything it would have accepted) and the hint.
fn brief(e: &crate::schema::SchemaError) -> String {
    let what = e.message.split(", expected ").next().unwrap_or(&e.message);
    let help = e
        .help
        .as_deref()
        .map_or(String::new(), |h| format!(" ({h})"));
    format!("{}:{}:{}: {what}{help}", e.file, e.line, e.col)
}

/// Every error on one line each, for the log file.
fn errors_text(errors: &crate::schema::SchemaErrors) -> String {
    errors
        .errors
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

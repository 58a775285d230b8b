//! The save file layout:
//!
//! ```text
//! VENTURE SAVE
//! format 1
//! game 0.1.0
//! schema 0123456789abcdef
//! seed 42
//! checksum fedcba9876543210
//!
//! (Body: the RON body, on one line)
//! ```
//!
//! The header is plain text so a person can read it; the checksum covers the
//! body bytes (the stable `StateHasher`, the same on every machine).
//! Bodies of older formats are lifted by [`migrate`] before they are parsed.

use std::path::Path;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::error::SaveError;
use crate::schema::Content;
use crate::schema::genres::GenreChoice;
use crate::sim::Simulation;
use crate::sim::hash::StateHasher;
use crate::sim::snapshot::Snapshot;

/// The first line of every save.
pub const MAGIC: &str = "VENTURE SAVE";

/// The body format this game writes; it reads this one and every older one
/// (through [`super::migrate`]).
///
/// - 1: genre choice and snapshot.
/// - 2: adds [`RunInfo`] (whether the run is played with permadeath).
pub const FORMAT_VERSION: u32 = 2;

/// The most a save may be (saves are tens of kilobytes; this stops a huge
/// stray file from being read into memory).
pub const MAX_SIZE: u64 = 64 * 1024 * 1024;

/// The header fields.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub format: u32,
    pub game: String,
    pub schema: String,
    pub seed: u64,
    pub checksum: u64,
}

/// What the body holds: the genre choice the world was made in, how the
/// run is played, and the snapshot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub genre: Option<String>,
    pub blend: Option<(String, u8)>,
    pub run: RunInfo,
    /// The mods the game data was made with, in the order applied (left
    /// out when there were none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mods: Vec<crate::schema::mods::ModStamp>,
    pub snapshot: Snapshot,
}

/// How a run is played, kept with it so a resumed run keeps its rules.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunInfo {
    /// The run's saves are deleted when its hero dies, without asking.
    pub permadeath: bool,
}

/// A save in memory.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveFile {
    pub header: Header,
    pub body: Body,
}

impl SaveFile {
    /// Captures `sim`, played as `run` says, into a save.
    pub fn capture_run(sim: &Simulation, run: RunInfo) -> Self {
        let mut save = Self::capture(sim);
        save.body.run = run;
        save
    }

    /// Captures `sim` into a save of an ordinary run.
    pub fn capture(sim: &Simulation) -> Self {
        let content = sim.content();
        let choice = content.choice();
        let key = |g| content.genre_def(g).map(|d| d.id.clone());
        let snapshot = Snapshot::capture(sim);
        Self {
            header: Header {
                format: FORMAT_VERSION,
                game: env!("CARGO_PKG_VERSION").to_owned(),
                schema: format!("{:016x}", content.schema_hash()),
                seed: snapshot.seed,
                checksum: 0,
            },
            body: Body {
                genre: choice.genre.and_then(key),
                blend: choice.blend.and_then(|(g, p)| Some((key(g)?, p))),
                run: RunInfo::default(),
                mods: content.mods().to_vec(),
                snapshot,
            },
        }
    }

    /// The file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        // A body of plain data always serialises; an empty body would then
        // fail its checksum-free parse on load rather than panic here.
        let body = ron::to_string(&self.body).unwrap_or_default();
        let h = &self.header;
        format!(
            "{MAGIC}\nformat {}\ngame {}\nschema {}\nseed {}\nchecksum {:016x}\n\n{body}\n",
            FORMAT_VERSION,
            h.game,
            h.schema,
            h.seed,
            checksum(body.as_bytes()),
        )
        .into_bytes()
    }

    /// Parses a save's bytes; `path` is only for messages.
    pub fn parse(path: &Path, bytes: &[u8]) -> Result<Self, SaveError> {
        let text = std::str::from_utf8(bytes).map_err(|_| {
            if bytes.starts_with(MAGIC.as_bytes()) {
                SaveError::Checksum {
                    path: path.to_owned(),
                }
            } else {
                SaveError::NotASave {
                    path: path.to_owned(),
                }
            }
        })?;
        let damaged = |what: &str| SaveError::Damaged {
            path: path.to_owned(),
            what: what.to_owned(),
        };
        let Some(rest) = text.strip_prefix(MAGIC).and_then(|r| r.strip_prefix('\n')) else {
            return Err(SaveError::NotASave {
                path: path.to_owned(),
            });
        };
        let Some((head, body)) = rest.split_once("\n\n") else {
            return Err(damaged("its header is cut short"));
        };
        let mut fields = head.lines();
        let mut field = |name: &str| -> Result<&str, SaveError> {
            fields
                .next()
                .and_then(|l| l.strip_prefix(name))
                .and_then(|l| l.strip_prefix(' '))
                .ok_or_else(|| damaged(&format!("its header has no `{name}` line where expected")))
        };
        let format: u32 = field("format")?
            .parse()
            .map_err(|_| damaged("its format version is not a number"))?;
        let game = field("game")?.to_owned();
        let schema = field("schema")?.to_owned();
        let seed: u64 = field("seed")?
            .parse()
            .map_err(|_| damaged("its seed is not a number"))?;
        let sum = u64::from_str_radix(field("checksum")?, 16)
            .map_err(|_| damaged("its checksum is not 16 hex digits"))?;
        if format > FORMAT_VERSION {
            return Err(SaveError::Newer {
                path: path.to_owned(),
                found: format,
                game,
                ours: FORMAT_VERSION,
                ours_game: env!("CARGO_PKG_VERSION"),
            });
        }
        if format == 0 {
            return Err(damaged("its format version is 0"));
        }
        let Some(body) = body.strip_suffix('\n') else {
            return Err(SaveError::Checksum {
                path: path.to_owned(),
            });
        };
        if checksum(body.as_bytes()) != sum {
            return Err(SaveError::Checksum {
                path: path.to_owned(),
            });
        }
        let body = super::migrate::body(format, body).map_err(|e| SaveError::Damaged {
            path: path.to_owned(),
            what: format!("its body does not read ({e})"),
        })?;
        if body.snapshot.seed != seed {
            return Err(damaged("its header and body name different seeds"));
        }
        Ok(Self {
            header: Header {
                format,
                game,
                schema,
                seed,
                checksum: sum,
            },
            body,
        })
    }

    /// The simulation this save holds, in `base` (the data this build
    /// loaded). A save made with other data (a mod changed) is refused:
    /// levels regenerated from other schemas would not match what was saved.
    pub fn restore(&self, path: &Path, base: &Content) -> Result<Simulation, SaveError> {
        let ours = format!("{:016x}", base.schema_hash());
        if ours != self.header.schema {
            return Err(SaveError::OtherData {
                path: path.to_owned(),
                saved: self.header.schema.clone(),
                ours,
                why: crate::schema::mods::explain_mismatch(&self.body.mods, base.mods()),
            });
        }
        let unknown = |key: &str| SaveError::Damaged {
            path: path.to_owned(),
            what: format!("it names an unknown genre `{key}`"),
        };
        let id = |key: &str| base.genre_id(key).ok_or_else(|| unknown(key));
        let choice = GenreChoice {
            genre: self.body.genre.as_deref().map(id).transpose()?,
            blend: match &self.body.blend {
                Some((key, share)) => Some((id(key)?, *share)),
                None => None,
            },
        };
        let content = Arc::new(base.with_choice(choice));
        Simulation::restore(&self.body.snapshot, content).map_err(|source| SaveError::Restore {
            path: path.to_owned(),
            source,
        })
    }
}

/// The checksum of a body.
pub fn checksum(body: &[u8]) -> u64 {
    let mut h = StateHasher::new();
    h.write_bytes(body);
    h.finish()
}

//! Hot reload: where a game's data comes from, noticing when those files
//! change on disk, and loading them again for a game in progress.
//!
//! Front ends own the clock: they call [`Watcher::changed`] about once a
//! second (and [`reload`] at once when the player asks), then hand the
//! result to the game (`modes::app::App::reload_data`). Nothing here runs
//! on a thread of its own or needs a file-watching library: comparing
//! modification times and sizes of a few dozen files is cheap.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::Content;
use super::error::SchemaErrors;
use super::layout::Layout;
use super::load::{AppliedMod, SchemaSource, default_sources, load_content};
use super::mods::{self, Mod, find_mods, read_source, short_name};

/// Where a game's data comes from, so it can be read again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DataSources {
    /// A folder of schema files read instead of the built-in ones
    /// (`--schemas DIR`); a file it lacks is taken from the built-in set.
    pub schema_dir: Option<PathBuf>,
    /// The folder of mods read without being asked (`mods/`), unless
    /// `--no-mods`; it may not exist.
    pub default_mods: Option<PathBuf>,
    /// The folders given with `--mods`.
    pub mod_dirs: Vec<PathBuf>,
}

impl DataSources {
    /// The default schema files: the built-in ones, each replaced by its
    /// copy in `schema_dir` when there is one.
    pub fn base(&self) -> Result<Vec<SchemaSource>, SchemaErrors> {
        let mut errors = SchemaErrors::default();
        let mut out = default_sources();
        if let Some(dir) = &self.schema_dir {
            for s in &mut out {
                let path = dir.join(short_name(&s.name));
                if path.is_file() {
                    match read_source(&path) {
                        Ok(read) => *s = read,
                        Err(e) => errors.push(*e),
                    }
                }
            }
        }
        errors.into_result(out)
    }

    /// Every folder mods are read from: the default folder when it exists,
    /// then those given.
    pub fn mod_folders(&self) -> Vec<PathBuf> {
        let mut dirs: Vec<PathBuf> = self
            .default_mods
            .iter()
            .filter(|d| d.is_dir())
            .cloned()
            .collect();
        dirs.extend(self.mod_dirs.iter().cloned());
        dirs
    }

    /// Reads every mod.
    pub fn read_mods(&self) -> Result<Vec<Mod>, SchemaErrors> {
        find_mods(&self.mod_folders())
    }

    /// Reads and loads everything (see [`load_content`]).
    pub fn load(
        &self,
        anchor: Option<&Layout>,
    ) -> Result<(Content, Vec<AppliedMod>), SchemaErrors> {
        let base = self.base();
        let mods = self.read_mods();
        match (base, mods) {
            (Ok(base), Ok(mods)) => load_content(&base, &mods, anchor),
            (base, mods) => {
                let mut errors = SchemaErrors::default();
                for e in [base.err(), mods.err()].into_iter().flatten() {
                    errors.errors.extend(e.errors);
                }
                Err(errors)
            }
        }
    }

    /// Every file and folder whose change calls for a reload: the schema
    /// folder's files, each mod folder (a mod added or removed) and every
    /// file in each mod.
    fn watched(&self) -> Vec<PathBuf> {
        let mut out = Vec::new();
        if let Some(dir) = &self.schema_dir {
            out.extend(
                default_sources()
                    .iter()
                    .map(|s| dir.join(short_name(&s.name))),
            );
        }
        for dir in self.mod_folders() {
            out.push(dir.clone());
            for entry in sorted_entries(&dir) {
                out.push(entry.clone());
                if entry.is_dir() {
                    out.extend(sorted_entries(&entry));
                }
            }
        }
        out
    }
}

fn sorted_entries(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.sort();
    v
}

/// What a file looked like when last seen: absent, or its modification
/// time and size.
type Stamp = Option<(SystemTime, u64)>;

/// Notices changes to the files a game's data comes from.
#[derive(Clone, Debug)]
pub struct Watcher {
    sources: DataSources,
    stamps: BTreeMap<PathBuf, Stamp>,
}

impl Watcher {
    /// Starts watching, taking the files as they are now as unchanged.
    pub fn new(sources: DataSources) -> Self {
        let mut w = Self {
            sources,
            stamps: BTreeMap::new(),
        };
        w.stamps = w.snapshot();
        w
    }

    pub fn sources(&self) -> &DataSources {
        &self.sources
    }

    /// Whether any watched file was added, removed or changed since the
    /// last call (or since [`Watcher::new`]).
    pub fn changed(&mut self) -> bool {
        let now = self.snapshot();
        let changed = now != self.stamps;
        self.stamps = now;
        changed
    }

    fn snapshot(&self) -> BTreeMap<PathBuf, Stamp> {
        self.sources
            .watched()
            .into_iter()
            .map(|p| {
                let stamp = std::fs::metadata(&p)
                    .ok()
                    .map(|m| (m.modified().unwrap_or(SystemTime::UNIX_EPOCH), m.len()));
                (p, stamp)
            })
            .collect()
    }
}

/// Data read again for a game in progress.
#[derive(Clone, Debug)]
pub struct Reloaded {
    /// For worlds started from now on, laid out as a fresh start would.
    pub fresh: Content,
    /// For the world in play: the same data with every id the world holds
    /// at its old place, or why that cannot be (it drops an entry the world
    /// may hold), in which case the world keeps its data.
    pub world: Result<Content, String>,
    /// The mods applied.
    pub applied: Vec<AppliedMod>,
}

/// Loads the data again for a game running on `running`. Errors leave the
/// caller's data as it was: nothing is replaced unless everything loads.
pub fn reload(sources: &DataSources, running: &Content) -> Result<Reloaded, SchemaErrors> {
    let (fresh, applied) = sources.load(None)?;
    let old = running.layout();
    let world = if old.incompatible(&fresh.layout()).is_none() {
        Ok(fresh.continuing(running))
    } else {
        let (anchored, _) = sources.load(Some(&old))?;
        match old.incompatible(&anchored.layout()) {
            None => Ok(anchored.continuing(running)),
            Some(why) => Err(why),
        }
    };
    Ok(Reloaded {
        fresh: fresh.with_choice(running.choice()),
        world,
        applied,
    })
}

/// The mods folder next to the working directory, as `--no-mods` leaves it.
pub fn default_mods_dir(enabled: bool) -> Option<PathBuf> {
    enabled.then(|| PathBuf::from(mods::DEFAULT_DIR))
}

//! Reading saves: every failure is a [`SaveError`] naming the file, never a
//! panic, whatever bytes the file holds.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::error::SaveError;
use super::format::{MAX_SIZE, RunInfo, SaveFile};
use super::slot::backup_path;
use crate::schema::Content;
use crate::sim::Simulation;

/// Reads and checks a save file (header, checksum, body).
pub fn read_save(path: &Path) -> Result<SaveFile, SaveError> {
    let io = |doing: &'static str| {
        move |source| SaveError::Io {
            path: path.to_owned(),
            doing,
            source,
        }
    };
    let file = std::fs::File::open(path).map_err(io("open"))?;
    let mut bytes = Vec::new();
    file.take(MAX_SIZE)
        .read_to_end(&mut bytes)
        .map_err(io("read"))?;
    SaveFile::parse(path, &bytes)
}

/// Loads the simulation saved at `path`.
pub fn load(path: &Path, base: &Content) -> Result<Simulation, SaveError> {
    load_run(path, base).map(|(sim, _)| sim)
}

/// Loads the simulation saved at `path` and how its run is played.
pub fn load_run(path: &Path, base: &Content) -> Result<(Simulation, RunInfo), SaveError> {
    let file = read_save(path)?;
    let sim = file.restore(path, base)?;
    Ok((sim, file.body.run))
}

/// A run read back from its save or, failing that, from the backup.
pub struct Loaded {
    pub sim: Simulation,
    pub run: RunInfo,
    /// The file it came from: the save, or its backup.
    pub from: PathBuf,
    /// Why the save itself did not load, when the backup was used (to tell
    /// the player).
    pub damage: Option<SaveError>,
}

/// Loads `path`, or, when it is damaged and its backup loads, the backup.
pub fn load_or_backup(path: &Path, base: &Content) -> Result<Loaded, SaveError> {
    match load_run(path, base) {
        Ok((sim, run)) => Ok(Loaded {
            sim,
            run,
            from: path.to_owned(),
            damage: None,
        }),
        Err(e) if e.is_damage() => {
            let bak = backup_path(path);
            match load_run(&bak, base) {
                Ok((sim, run)) => Ok(Loaded {
                    sim,
                    run,
                    from: bak,
                    damage: Some(e),
                }),
                Err(_) => Err(e),
            }
        }
        Err(e) => Err(e),
    }
}

//! Reading saves: every failure is a [`SaveError`] naming the file, never a
//! panic, whatever bytes the file holds.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::error::SaveError;
use super::format::{MAX_SIZE, SaveFile};
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
    read_save(path)?.restore(path, base)
}

/// Loads `path`, or, when it is damaged and its backup loads, the backup.
/// Returns the simulation, the file it came from, and the error of the
/// main file when the backup was used (to tell the player).
pub fn load_or_backup(
    path: &Path,
    base: &Content,
) -> Result<(Simulation, PathBuf, Option<SaveError>), SaveError> {
    match load(path, base) {
        Ok(sim) => Ok((sim, path.to_owned(), None)),
        Err(e) if e.is_damage() => {
            let bak = backup_path(path);
            match load(&bak, base) {
                Ok(sim) => Ok((sim, bak, Some(e))),
                Err(_) => Err(e),
            }
        }
        Err(e) => Err(e),
    }
}

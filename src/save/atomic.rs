//! Writing a save so that a crash at any moment leaves a loadable one: the
//! new save goes to `FILE.tmp`, is synced, the old save is renamed to
//! `FILE.bak`, and the temporary is renamed over `FILE`. A kill before the
//! last rename leaves `FILE.bak` (and maybe `FILE` too); after it, both.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::SaveError;
use super::format::SaveFile;
use super::slot::backup_path;

/// Writes `save` to `path` atomically, keeping the previous save as its
/// backup. Returns the number of bytes written.
pub fn write_save(path: &Path, save: &SaveFile) -> Result<u64, SaveError> {
    write_bytes(path, &save.to_bytes())
}

/// Writes raw save bytes atomically (see the module doc).
pub fn write_bytes(path: &Path, bytes: &[u8]) -> Result<u64, SaveError> {
    let io = |doing: &'static str| {
        move |source| SaveError::Io {
            path: path.to_owned(),
            doing,
            source,
        }
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(io("create the folder of"))?;
    }
    let tmp = temp_path(path);
    {
        let mut f = File::create(&tmp).map_err(io("create a temporary file for"))?;
        f.write_all(bytes).map_err(io("write"))?;
        f.sync_all().map_err(io("sync"))?;
    }
    if path.exists() {
        fs::rename(path, backup_path(path)).map_err(io("keep a backup of"))?;
    }
    fs::rename(&tmp, path).map_err(io("move into place"))?;
    // The renames are durable once the folder itself is synced (best
    // effort: not every system lets a folder be opened).
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && let Ok(d) = File::open(dir)
    {
        let _ = d.sync_all();
    }
    Ok(bytes.len() as u64)
}

/// `FILE.tmp`, beside the save.
pub fn temp_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".tmp");
    PathBuf::from(s)
}

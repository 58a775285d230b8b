//! What can go wrong with a save file, each naming the file.

use std::path::PathBuf;

/// A save that could not be written or read. Every variant names the file
/// and reads as one paragraph.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SaveError {
    #[error("could not {doing} the save {}: {source}", path.display())]
    Io {
        path: PathBuf,
        doing: &'static str,
        #[source]
        source: std::io::Error,
    },
    #[error("{} is not a Venture save (it does not start with the save header)", path.display())]
    NotASave { path: PathBuf },
    #[error("the save {} is damaged: {what}{}", path.display(), backup_hint(path))]
    Damaged { path: PathBuf, what: String },
    #[error(
        "the save {} is truncated or corrupted (its checksum does not match){}",
        path.display(),
        backup_hint(path)
    )]
    Checksum { path: PathBuf },
    #[error(
        "the save {} was written by a newer Venture (save format {found}, game {game}); \
         this game {ours_game} reads save formats up to {ours}",
        path.display()
    )]
    Newer {
        path: PathBuf,
        found: u32,
        game: String,
        ours: u32,
        ours_game: &'static str,
    },
    #[error(
        "the save {} was made with other game data (schema {saved}, this game has {ours}): \
         {why}; load it with the same mods",
        path.display()
    )]
    OtherData {
        path: PathBuf,
        saved: String,
        ours: String,
        /// Which mods differ (`schema::mods::explain_mismatch`).
        why: String,
    },
    #[error("the save {} does not fit this game: {source}", path.display())]
    Restore {
        path: PathBuf,
        #[source]
        source: crate::sim::snapshot::RestoreError,
    },
    #[error(
        "`{name}` is not a slot name: use letters, digits, `-` and `_` (at most 64), \
         and not `settings` or `keys`"
    )]
    BadSlot { name: String },
}

fn backup_hint(path: &std::path::Path) -> String {
    let bak = super::slot::backup_path(path);
    if bak.exists() {
        format!("; the previous save is kept as {}", bak.display())
    } else {
        String::new()
    }
}

impl SaveError {
    /// The file at fault.
    pub fn path(&self) -> Option<&std::path::Path> {
        match self {
            SaveError::Io { path, .. }
            | SaveError::NotASave { path }
            | SaveError::Damaged { path, .. }
            | SaveError::Checksum { path }
            | SaveError::Newer { path, .. }
            | SaveError::OtherData { path, .. }
            | SaveError::Restore { path, .. } => Some(path),
            SaveError::BadSlot { .. } => None,
        }
    }

    /// Whether the file itself is bad (so its backup is worth trying).
    pub fn is_damage(&self) -> bool {
        matches!(
            self,
            SaveError::NotASave { .. }
                | SaveError::Damaged { .. }
                | SaveError::Checksum { .. }
                | SaveError::Restore { .. }
                | SaveError::Io { .. }
        )
    }
}

//! What can go wrong with a replay file. Every error names the file, so the
//! binary can print it as one clear paragraph.

use std::path::PathBuf;

/// A replay file that could not be written, read or used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReplayError {
    /// The file could not be opened, read or written.
    #[error("{}: {error}", path.display())]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    /// The first line is not `venture-replay N` (or the file is not text).
    #[error("{}: not a Venture replay (its first line should be `venture-replay 1`)", path.display())]
    NotAReplay { path: PathBuf },
    /// Written by a newer Venture in a format this one cannot read.
    #[error(
        "{}: made by a newer Venture (replay format {found}; this one reads format {})",
        path.display(),
        super::format::FORMAT_VERSION
    )]
    Newer { path: PathBuf, found: u32 },
    /// The file stops before its end line.
    #[error(
        "{}: the recording is cut short: it has no end line (the last line read is line {line})",
        path.display()
    )]
    Truncated { path: PathBuf, line: usize },
    /// A line that does not read.
    #[error("{}:{line}: {message}", path.display())]
    Bad {
        path: PathBuf,
        line: usize,
        message: String,
    },
    /// Recorded with other game data (other mods, or edited schemas): its
    /// inputs would mean something else here.
    #[error(
        "{}: recorded with other game data (schema hash {recorded}; this game's is {ours}): \
         {why}; replay it with the same data files and mods",
        path.display()
    )]
    OtherData {
        path: PathBuf,
        recorded: String,
        ours: String,
        /// Which mods differ (`schema::mods::explain_mismatch`).
        why: String,
    },
}

//! Saves: a run written to disk and read back, never losing it.
//!
//! - `format.rs`: the file layout (a text header with magic, format
//!   version, game version, schema hash, seed and checksum, then a RON body
//!   holding a `sim::snapshot::Snapshot`), and migrations of older bodies.
//! - `atomic.rs`: writing through a temporary file, synced, renamed over the
//!   old save, which is kept as `FILE.bak`.
//! - `load.rs`: reading with typed errors that name the file, never a panic.
//! - `slot.rs`: the save folder and slot names that cannot leave it.
//! - `summary.rs`: a save's run in one line, and the folder's slots.
//! - `error.rs`: [`SaveError`].
//!
//! - `migrate.rs`: bodies of older formats, frozen as they were, and the
//!   steps that lift each to the next.
//!
//! A format change bumps [`format::FORMAT_VERSION`], freezes the previous
//! body type in `migrate.rs` and adds the step that lifts it.

pub mod atomic;
pub mod error;
pub mod format;
pub mod load;
pub mod migrate;
pub mod slot;
pub mod summary;

pub use atomic::write_save;
pub use error::SaveError;
pub use format::{FORMAT_VERSION, RunInfo, SaveFile};
pub use load::{Loaded, load, load_or_backup, load_run, read_save};
pub use slot::{SaveDir, backup_path};
pub use summary::{RunSummary, SlotEntry};

//! The player's settings: what they chose once and expect to find again
//! (volumes, colours, glyphs, motion), kept as RON in `settings.ron` in the
//! save folder, so `--save-dir` moves them with the saves and an SSH account
//! keeps its own.
//!
//! Each concern owns one section (`audio`, `display`, `play`); every field
//! has a default, so a file from an older version, or one naming only a few
//! fields, still loads. Unknown fields are refused, with the file, line and
//! column, like the schemas: a misspelt setting should not silently do
//! nothing. Writes go through the same atomic write as saves.
//!
//! Adding a setting: a field with `#[serde(default)]` semantics in its
//! section (the section derives `Default`), a doc comment saying what it
//! changes, and its flag in `main.rs` if a flag may override it.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The settings file's name inside the save folder.
pub const FILE_NAME: &str = "settings.ron";

/// Everything a player may set once and keep.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Settings {
    /// Volumes and mute.
    pub audio: AudioSettings,
    /// How the game is drawn.
    pub display: DisplaySettings,
    /// How runs are played.
    pub play: PlaySettings,
}

/// Rules a player picks for their runs.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PlaySettings {
    /// New runs are played with permadeath: a dead hero's saves are deleted
    /// without asking (otherwise the game asks). A run keeps the rule it
    /// started with, in its saves.
    pub permadeath: bool,
}

/// Mixer levels, each 0 (silent) to 100 (full).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AudioSettings {
    /// Scales everything.
    pub master: u8,
    /// The music's level under the master.
    pub music: u8,
    /// Sound effects' level under the master.
    pub effects: u8,
    /// Silences everything without losing the levels (the mute key).
    pub muted: bool,
}

impl Default for AudioSettings {
    fn default() -> Self {
        Self {
            master: 80,
            music: 60,
            effects: 80,
            muted: false,
        }
    }
}

/// Drawing choices shared by the terminal and the window.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DisplaySettings {
    /// Turn down particles, flashes and screen effects.
    pub reduced_motion: bool,
}

/// Why the settings file could not be read; the game then keeps the
/// defaults and says so once.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// The file exists but could not be read.
    #[error("could not read {}: {source}", path.display())]
    Read {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid settings RON.
    #[error("{}:{line}:{col}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
    /// The settings could not be written.
    #[error("could not save the settings: {0}")]
    Write(#[from] crate::save::SaveError),
}

impl Settings {
    /// The settings file in `dir` (the save folder).
    pub fn path_in(dir: &Path) -> PathBuf {
        dir.join(FILE_NAME)
    }

    /// Parses settings text; `path` only names the file in errors.
    pub fn parse(text: &str, path: &Path) -> Result<Self, SettingsError> {
        ron::Options::default()
            .from_str(text)
            .map_err(|e: ron::error::SpannedError| SettingsError::Parse {
                path: path.to_owned(),
                line: e.span.start.line,
                col: e.span.start.col,
                message: e.code.to_string(),
            })
    }

    /// Reads the settings at `path`: the defaults when there is no file
    /// yet, an error when there is one that cannot be used.
    pub fn load(path: &Path) -> Result<Self, SettingsError> {
        match std::fs::read_to_string(path) {
            Ok(text) => Self::parse(&text, path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(source) => Err(SettingsError::Read {
                path: path.to_owned(),
                source,
            }),
        }
    }

    /// Reads the settings at `path`, falling back to the defaults (and
    /// logging why) when the file cannot be used: a bad settings file must
    /// never keep the game from starting.
    pub fn load_or_default(path: &Path) -> Self {
        Self::load(path).unwrap_or_else(|e| {
            tracing::warn!("{e}; using the default settings");
            Self::default()
        })
    }

    /// The settings as pretty RON.
    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new().depth_limit(3);
        // Plain structs of numbers and booleans always serialise.
        ron::ser::to_string_pretty(self, config).unwrap_or_default()
    }

    /// Writes the settings to `path` atomically (the old file kept as a
    /// backup, like a save).
    pub fn save(&self, path: &Path) -> Result<(), SettingsError> {
        crate::save::atomic::write_bytes(path, self.to_ron().as_bytes())?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_ron() {
        let mut s = Settings::default();
        s.audio.master = 33;
        s.audio.muted = true;
        s.display.reduced_motion = true;
        let back = Settings::parse(&s.to_ron(), Path::new("settings.ron")).expect("parses");
        assert_eq!(back, s);
    }

    #[test]
    fn a_partial_file_keeps_the_other_defaults() {
        let s = Settings::parse("(audio: (music: 10))", Path::new("s.ron")).expect("parses");
        assert_eq!(s.audio.music, 10);
        assert_eq!(s.audio.master, AudioSettings::default().master);
        assert_eq!(s.display, DisplaySettings::default());
    }

    #[test]
    fn unknown_fields_are_refused_with_where() {
        let e = Settings::parse("(\n  audio: (volume: 3),\n)", Path::new("s.ron"))
            .expect_err("unknown field");
        let text = e.to_string();
        assert!(text.starts_with("s.ron:2:"), "{text}");
        assert!(text.contains("volume"), "{text}");
    }

    #[test]
    fn a_missing_file_gives_the_defaults_and_saving_creates_it() {
        let dir = std::env::temp_dir().join(format!("venture-settings-{}", std::process::id()));
        let path = Settings::path_in(&dir);
        let _ = std::fs::remove_file(&path);
        assert_eq!(
            Settings::load(&path).expect("defaults"),
            Settings::default()
        );
        let mut s = Settings::default();
        s.audio.effects = 5;
        s.save(&path).expect("saves");
        assert_eq!(Settings::load(&path).expect("loads"), s);
        let _ = std::fs::remove_dir_all(&dir);
    }
}

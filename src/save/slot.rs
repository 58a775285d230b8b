//! The save folder and slot names. A slot name is letters, digits, `-` and
//! `_`, so it can never climb out of the folder (`..`, `/`) or name a
//! device; the file is `DIR/NAME.ron`.

use std::path::{Path, PathBuf};

use super::error::SaveError;

/// The default save folder.
pub const DEFAULT_DIR: &str = "saves";

/// The variable that moves the save folder (`--save-dir` wins over it).
pub const DIR_VAR: &str = "VENTURE_SAVE_DIR";

/// The slot quick save (F5) and quick load (F9) use.
pub const QUICK: &str = "quick";

/// The slot autosaves use.
pub const AUTO: &str = "auto";

/// Names of other files kept in the save folder, which no slot may take.
pub const RESERVED: &[&str] = &["settings", "keys"];

/// Where saves live.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SaveDir(pub PathBuf);

impl SaveDir {
    /// The folder from `--save-dir`, else `VENTURE_SAVE_DIR`, else `saves/`.
    pub fn resolve(flag: Option<&Path>, var: Option<std::ffi::OsString>) -> Self {
        match (flag, var) {
            (Some(p), _) => Self(p.to_owned()),
            (None, Some(v)) if !v.is_empty() => Self(PathBuf::from(v)),
            _ => Self(PathBuf::from(DEFAULT_DIR)),
        }
    }

    /// The file of slot `name`, refusing names that are not plain words.
    pub fn slot(&self, name: &str) -> Result<PathBuf, SaveError> {
        let ok = !name.is_empty()
            && name.len() <= 64
            && name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
            && !RESERVED.iter().any(|r| name.eq_ignore_ascii_case(r));
        if !ok {
            return Err(SaveError::BadSlot {
                name: name.to_owned(),
            });
        }
        Ok(self.0.join(format!("{name}.ron")))
    }
}

/// `FILE.bak`, beside the save.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(".bak");
    PathBuf::from(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slot_names_stay_in_the_folder() {
        let dir = SaveDir(PathBuf::from("saves"));
        assert_eq!(
            dir.slot("run-1_a").ok(),
            Some(PathBuf::from("saves/run-1_a.ron"))
        );
        for bad in [
            "",
            "..",
            "../x",
            "a/b",
            "/etc/passwd",
            "a\\b",
            "a.b",
            "ä",
            "c:",
            "settings",
            "Keys",
        ] {
            assert!(dir.slot(bad).is_err(), "{bad:?}");
        }
        assert!(dir.slot(&"x".repeat(65)).is_err());
    }

    #[test]
    fn the_flag_beats_the_variable_which_beats_the_default() {
        let f = SaveDir::resolve(Some(Path::new("a")), Some("b".into()));
        assert_eq!(f.0, PathBuf::from("a"));
        assert_eq!(
            SaveDir::resolve(None, Some("b".into())).0,
            PathBuf::from("b")
        );
        assert_eq!(SaveDir::resolve(None, None).0, PathBuf::from("saves"));
    }
}

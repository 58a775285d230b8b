//! Mods: folders of schema files laid over the defaults.
//!
//! A mod is a folder with a `mod.ron` ([`ModManifest`]: id, name, version,
//! dependencies, description) and any of the schema files
//! (`monsters.ron`, `genres.ron`...). Mods apply in dependency order, ties
//! broken by id ([`order`]); each copy of a file adds entries and replaces
//! entries by id, or replaces a file's settings whole ([`merge`], with one
//! line per file in [`files`]). The hash saves and replays record covers
//! every mod applied, and [`ModStamp`]s name them, so a replay made with a
//! mod says which mod it misses.

mod files;
mod manifest;
mod merge;
mod order;

use serde::{Deserialize, Serialize};

pub use manifest::{MANIFEST, Mod, ModManifest, display, find_mods, read_source, short_name};
pub use merge::{FileTally, Keyed, Merge, Merger, ModFile, Section};
pub use order::{Order, order};

/// The folder of mods loaded without being asked: `mods/` in the working
/// directory.
pub const DEFAULT_DIR: &str = "mods";

/// What saves and replays record of one mod: enough to name it when a file
/// no longer matches the data loaded.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ModStamp {
    pub id: String,
    pub version: String,
}

impl ModStamp {
    pub fn of(m: &Mod) -> Self {
        Self {
            id: m.manifest.id.clone(),
            version: m.manifest.version.clone(),
        }
    }
}

impl std::fmt::Display for ModStamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}` {}", self.id, self.version)
    }
}

/// Why a save or replay made with the mods `recorded` does not fit data
/// loaded with the mods `ours`: the mods missing, extra or of another
/// version, or, when the mods agree, that some file changed.
pub fn explain_mismatch(recorded: &[ModStamp], ours: &[ModStamp]) -> String {
    let mut parts = Vec::new();
    let find = |list: &[ModStamp], id: &str| list.iter().find(|m| m.id == id).cloned();
    for r in recorded {
        match find(ours, &r.id) {
            None => parts.push(format!(
                "it was made with the mod {r}, which is not loaded (add its folder with --mods DIR)"
            )),
            Some(o) if o.version != r.version => parts.push(format!(
                "it was made with version {} of the mod `{}`, and version {} is loaded",
                r.version, r.id, o.version
            )),
            Some(_) => {}
        }
    }
    for o in ours {
        if find(recorded, &o.id).is_none() {
            parts.push(format!(
                "the mod {o} is loaded but was not when it was made (leave it out, or run with --no-mods)"
            ));
        }
    }
    if parts.is_empty() {
        if recorded.is_empty() {
            "the game data differs: this build's schemas or a schema file changed since".to_owned()
        } else {
            "the same mods are loaded, but a schema or mod file changed since".to_owned()
        }
    } else {
        parts.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(id: &str, version: &str) -> ModStamp {
        ModStamp {
            id: id.to_owned(),
            version: version.to_owned(),
        }
    }

    #[test]
    fn a_mismatch_names_the_mods() {
        let a = stamp("ashlands", "1.0.0");
        let text = explain_mismatch(std::slice::from_ref(&a), &[]);
        assert!(
            text.contains("`ashlands` 1.0.0") && text.contains("not loaded"),
            "{text}"
        );
        let text = explain_mismatch(&[], std::slice::from_ref(&a));
        assert!(text.contains("--no-mods"), "{text}");
        let text = explain_mismatch(std::slice::from_ref(&a), &[stamp("ashlands", "1.1")]);
        assert!(
            text.contains("version 1.0.0") && text.contains("1.1"),
            "{text}"
        );
        let text = explain_mismatch(std::slice::from_ref(&a), std::slice::from_ref(&a));
        assert!(text.contains("changed"), "{text}");
    }
}

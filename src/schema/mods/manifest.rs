//! `mod.ron` and the mod folder: reading one mod (its manifest and the
//! schema files it ships) and finding the mods in the folders given.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::schema::error::{SchemaError, SchemaErrorKind as K, SchemaErrors};
use crate::schema::load::{SchemaSource, default_sources, parse};
use crate::schema::suggest::did_you_mean;

/// The name of the manifest in every mod folder.
pub const MANIFEST: &str = "mod.ron";

/// Files larger than this are refused before they are read: no schema file
/// comes near it, and a huge file is a mistake, not a mod.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// A mod's `mod.ron`: who it is and what it needs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModManifest {
    /// The key other mods depend on, saves and replays record: lowercase
    /// letters, digits, `-` and `_`.
    pub id: String,
    /// Shown to players: "The Ashlands".
    pub name: String,
    /// Any text ("1.0.0"); recorded in saves and replays so a changed mod
    /// is named when one no longer matches.
    pub version: String,
    /// Ids of the mods that must be applied before this one.
    #[serde(default)]
    pub dependencies: Vec<String>,
    /// One or two lines on what it changes (may be left out).
    #[serde(default)]
    pub description: String,
}

/// A mod as read from its folder.
#[derive(Clone, Debug)]
pub struct Mod {
    pub manifest: ModManifest,
    /// The folder it was read from.
    pub dir: PathBuf,
    /// `mod.ron` as read, for errors that point into it.
    pub manifest_source: SchemaSource,
    /// The schema files it ships, in name order; each `name` is the path
    /// shown in errors, e.g. `mods/ashlands/monsters.ron`.
    pub files: Vec<SchemaSource>,
}

impl Mod {
    /// Its copy of the schema file `name` (`monsters.ron`), if it has one.
    pub fn file(&self, name: &str) -> Option<&SchemaSource> {
        self.files.iter().find(|f| short_name(&f.name) == name)
    }

    /// Reads the mod in `dir`: its manifest and every schema file in it.
    /// Other files (a README, images) are left alone; a `.ron` file that is
    /// not a schema file is an error, as it is most likely a misnamed one.
    pub fn read(dir: &Path) -> Result<Mod, SchemaErrors> {
        let mut errors = SchemaErrors::default();
        let manifest_source = read_source(&dir.join(MANIFEST)).map_err(one)?;
        let manifest = match parse::<ModManifest>(&manifest_source) {
            Ok(m) => Some(m),
            Err(e) => {
                errors.push(*e);
                None
            }
        };
        if let Some(m) = &manifest {
            check_manifest(m, &manifest_source, &mut errors);
        }
        let known: Vec<String> = default_sources()
            .iter()
            .map(|s| short_name(&s.name).to_owned())
            .collect();
        let mut files = Vec::new();
        for path in list_dir(dir).map_err(one)? {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if name == MANIFEST || !name.ends_with(".ron") || !path.is_file() {
                continue;
            }
            if !known.iter().any(|k| k == name) {
                let shown = display(&path);
                let text = std::sync::Arc::from("");
                let mut e = SchemaError::at(
                    &shown,
                    &text,
                    0,
                    0,
                    K::UnknownFile,
                    format!("`{name}` is not a schema file, so the game would ignore it"),
                );
                let help =
                    did_you_mean(name, known.iter().map(String::as_str)).unwrap_or_else(|| {
                        format!("a mod's schema files are named {}", known.join(", "))
                    });
                e = e.with_help(help);
                errors.push(e);
                continue;
            }
            match read_source(&path) {
                Ok(s) => files.push(s),
                Err(e) => errors.push(*e),
            }
        }
        match manifest {
            Some(manifest) if errors.is_empty() => Ok(Mod {
                manifest,
                dir: dir.to_owned(),
                manifest_source,
                files,
            }),
            _ => Err(errors),
        }
    }
}

/// The mods in `dirs`, in the order given: a folder with a `mod.ron` is one
/// mod; any other folder holds mods, one per sub-folder with a `mod.ron`
/// (in name order). The same folder named twice is read once.
pub fn find_mods(dirs: &[PathBuf]) -> Result<Vec<Mod>, SchemaErrors> {
    let mut errors = SchemaErrors::default();
    let mut mods = Vec::new();
    let mut seen: Vec<PathBuf> = Vec::new();
    for dir in dirs {
        for m in mod_dirs(dir, &mut errors) {
            let canon = std::fs::canonicalize(&m).unwrap_or_else(|_| m.clone());
            if seen.contains(&canon) {
                continue;
            }
            seen.push(canon);
            match Mod::read(&m) {
                Ok(m) => mods.push(m),
                Err(e) => errors.errors.extend(e.errors),
            }
        }
    }
    errors.into_result(mods)
}

/// The mod folders `dir` stands for (see [`find_mods`]).
fn mod_dirs(dir: &Path, errors: &mut SchemaErrors) -> Vec<PathBuf> {
    if dir.join(MANIFEST).is_file() {
        return vec![dir.to_owned()];
    }
    let inner = match list_dir(dir) {
        Ok(paths) => paths
            .into_iter()
            .filter(|p| p.join(MANIFEST).is_file())
            .collect::<Vec<_>>(),
        Err(e) => {
            errors.push(*e);
            return Vec::new();
        }
    };
    if inner.is_empty() {
        errors.push(file_error(
            &display(dir),
            K::Io,
            format!(
                "{} holds no mod: neither it nor any folder in it has a {MANIFEST}",
                display(dir)
            ),
            "a mod is a folder with a mod.ron (id, name, version) and the schema files it changes",
        ));
    }
    inner
}

/// The entries of a folder, sorted by name so every machine agrees.
fn list_dir(dir: &Path) -> Result<Vec<PathBuf>, Box<SchemaError>> {
    let io = |e: std::io::Error| {
        boxed_error(
            &display(dir),
            K::Io,
            format!("cannot read the folder {}: {e}", display(dir)),
            "check the path given to --mods",
        )
    };
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    Ok(paths)
}

/// Reads one file as a schema source named by its path.
pub fn read_source(path: &Path) -> Result<SchemaSource, Box<SchemaError>> {
    let shown = display(path);
    let fail = |what: String| {
        boxed_error(
            &shown,
            K::Io,
            what,
            "check that the file exists and can be read",
        )
    };
    let size = std::fs::metadata(path)
        .map_err(|e| fail(format!("cannot read {shown}: {e}")))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(fail(format!(
            "{shown} is {size} bytes, more than the {MAX_FILE_BYTES} a schema file may have"
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot read {shown}: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "{shown} is not UTF-8 text (byte {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    Ok(SchemaSource::new(shown, text))
}

/// Checks what serde cannot: the id's spelling, a version, no dependency on
/// itself.
fn check_manifest(m: &ModManifest, src: &SchemaSource, errors: &mut SchemaErrors) {
    let at = |field: &str| crate::schema::sources::find_field(&src.text, field).unwrap_or(0);
    let valid = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_';
    if m.id.is_empty() || m.id.len() > 64 || !m.id.chars().all(valid) {
        errors.push(
            SchemaError::at(
                &src.name,
                &src.text,
                at("id"),
                2,
                K::OutOfRange,
                format!(
                    "the mod id `{}` is not 1 to 64 lowercase letters, digits, `-` or `_`",
                    m.id
                ),
            )
            .with_help("ids are keys, e.g. id: \"ashlands\"; the name can say anything"),
        );
    }
    if m.name.trim().is_empty() {
        errors.push(
            SchemaError::at(
                &src.name,
                &src.text,
                at("name"),
                4,
                K::OutOfRange,
                "the mod has an empty name".to_owned(),
            )
            .with_help("name: \"The Ashlands\""),
        );
    }
    if m.version.trim().is_empty() {
        errors.push(
            SchemaError::at(
                &src.name,
                &src.text,
                at("version"),
                7,
                K::OutOfRange,
                "the mod has an empty version".to_owned(),
            )
            .with_help("version: \"1.0.0\""),
        );
    }
}

/// An error about a whole file (or folder): line 1, column 1.
fn file_error(path: &str, kind: K, message: String, help: &str) -> SchemaError {
    let text = std::sync::Arc::from("");
    SchemaError::at(path, &text, 0, 0, kind, message).with_help(help)
}

fn boxed_error(path: &str, kind: K, message: String, help: &str) -> Box<SchemaError> {
    Box::new(file_error(path, kind, message, help))
}

#[allow(clippy::boxed_local)] // the shape `map_err` hands over
fn one(e: Box<SchemaError>) -> SchemaErrors {
    let mut errors = SchemaErrors::default();
    errors.errors.push(*e);
    errors
}

/// A path as messages show it, with `/` on every system.
pub fn display(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// `monsters.ron` from `mods/x/monsters.ron`.
pub fn short_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

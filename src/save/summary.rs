//! What a save holds, in a line a player can choose by ("Ada, level 4,
//! depth 3, fantasy, 12:40 played"), and the list of the save folder's
//! slots, newest first, for the saves menu and the offer to continue.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

use super::format::SaveFile;
use super::load::read_save;
use super::slot::SaveDir;
use crate::sim::TICKS_PER_SECOND;

/// The run a save holds, read from the save alone (no game data needed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RunSummary {
    /// The first hero's name.
    pub hero: String,
    pub level: i32,
    pub depth: i32,
    pub dead: bool,
    pub won: bool,
    /// Game time played.
    pub tick: u64,
    pub seed: u64,
    /// The genre asked for when the world was made (none: the seed's own),
    /// until [`RunSummary::name_genre`] names it.
    pub genre: Option<String>,
    pub permadeath: bool,
}

impl RunSummary {
    /// The summary of a parsed save; `None` when it holds no hero.
    pub fn of(file: &SaveFile) -> Option<Self> {
        let snap = &file.body.snapshot;
        let &(_, hero_id) = snap.players.first()?;
        let record = snap.entities.iter().find(|e| e.id == hero_id)?;
        let player = record.player.as_ref()?;
        Some(Self {
            hero: player.name.clone(),
            level: player.level,
            depth: record.position.map_or(1, |p| p.depth),
            dead: player.dead,
            won: player.won,
            tick: snap.tick,
            seed: snap.seed,
            genre: file.body.genre.clone(),
            permadeath: file.body.run.permadeath,
        })
    }

    /// Names the world's genre as the game does ("Sci-fi"), also when the
    /// save left it to the seed.
    pub fn name_genre(&mut self, content: &crate::schema::Content) {
        let id = match self.genre.as_deref() {
            Some(key) => content.genre_id(key),
            None => Some(content.genre_for_seed(self.seed)),
        };
        if let Some(def) = id.and_then(|g| content.genre_def(g)) {
            self.genre = Some(def.name.clone());
        }
    }

    /// One line: "Ada, level 4, depth 3, Fantasy, 12:40 played".
    pub fn line(&self) -> String {
        let secs = self.tick / u64::from(TICKS_PER_SECOND);
        let played = if secs >= 3600 {
            format!("{}:{:02}:{:02}", secs / 3600, secs / 60 % 60, secs % 60)
        } else {
            format!("{}:{:02}", secs / 60, secs % 60)
        };
        let genre = self
            .genre
            .as_deref()
            .map(|g| format!(", {g}"))
            .unwrap_or_default();
        let state = if self.won {
            ", victorious"
        } else if self.dead {
            ", dead"
        } else {
            ""
        };
        let permadeath = if self.permadeath { ", permadeath" } else { "" };
        format!(
            "{}, level {}, depth {}{genre}{state}{permadeath}, {played} played",
            self.hero, self.level, self.depth
        )
    }
}

/// One slot of the save folder.
#[derive(Clone, Debug)]
pub struct SlotEntry {
    /// The slot's name (the file name without `.ron`).
    pub name: String,
    pub path: PathBuf,
    /// When it was last written, if the system says.
    pub modified: Option<SystemTime>,
    /// What it holds, or why it cannot be read (one line).
    pub summary: Result<RunSummary, String>,
}

impl SlotEntry {
    fn read(name: String, path: PathBuf) -> Self {
        let modified = std::fs::metadata(&path).and_then(|m| m.modified()).ok();
        let summary = match read_save(&path) {
            Ok(file) => RunSummary::of(&file).ok_or_else(|| "holds no hero".to_owned()),
            Err(e) if e.is_damage() && super::backup_path(&path).exists() => {
                Err("damaged; its backup may load".to_owned())
            }
            Err(e) => Err(short_error(&e)),
        };
        Self {
            name,
            path,
            modified,
            summary,
        }
    }

    /// "just now", "5 min ago", "3 h ago", "2 days ago", from `now`.
    pub fn age(&self, now: SystemTime) -> String {
        let Some(secs) = self
            .modified
            .and_then(|m| now.duration_since(m).ok())
            .map(|d| d.as_secs())
        else {
            return String::new();
        };
        match secs {
            0..60 => "just now".to_owned(),
            60..3600 => format!("{} min ago", secs / 60),
            3600..86_400 => format!("{} h ago", secs / 3600),
            _ => format!("{} days ago", secs / 86_400),
        }
    }
}

/// A save error without the path (the menu already shows the slot).
fn short_error(e: &super::SaveError) -> String {
    use super::SaveError as E;
    match e {
        E::Newer { found, .. } => format!("from a newer game (format {found})"),
        E::OtherData { .. } => "made with other game data (mods)".to_owned(),
        E::NotASave { .. } => "not a save".to_owned(),
        E::Io { doing, .. } => format!("could not {doing} it"),
        _ => "damaged".to_owned(),
    }
}

impl SaveDir {
    /// Every slot in the folder, newest first (ties by name); an absent
    /// folder has none. Backups, temporaries and other files are left out.
    pub fn list(&self) -> Vec<SlotEntry> {
        let Ok(dir) = std::fs::read_dir(&self.0) else {
            return Vec::new();
        };
        let mut slots: Vec<SlotEntry> = dir
            .filter_map(Result::ok)
            .filter_map(|e| {
                let path = e.path();
                let name = slot_name(&path)?;
                self.slot(&name).ok()?;
                Some(SlotEntry::read(name, path))
            })
            .collect();
        slots.sort_by(|a, b| b.modified.cmp(&a.modified).then(a.name.cmp(&b.name)));
        slots
    }
}

/// The slot name of a `NAME.ron` file.
fn slot_name(path: &Path) -> Option<String> {
    if path.extension()? != "ron" {
        return None;
    }
    Some(path.file_stem()?.to_str()?.to_owned())
}

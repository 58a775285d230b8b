//! Laying mods' copies of a schema file over the default: entries are added
//! or replaced by key, sections (settings that are not lists of entries)
//! are replaced whole, and two mods changing the same thing without one
//! depending on the other is a conflict.
//!
//! A schema file takes part by implementing [`ModFile`]: one line per
//! top-level field, naming how it merges (see the impls at the end).

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::order::Order;
use crate::schema::error::{SchemaError, SchemaErrorKind as K, SchemaErrors, line_col};
use crate::schema::load::SchemaSource;
use crate::schema::sources::{find_entry, find_field};

/// An entry of a list that mods extend and override by its key.
pub trait Keyed {
    /// The field that holds the key, as written in RON.
    const KEY_FIELD: &'static str = "id";
    fn key(&self) -> &str;
}

/// A schema file that mods may ship their own copy of.
pub trait ModFile: DeserializeOwned {
    /// Its name, in `data-schemas/` and in a mod folder.
    const NAME: &'static str;
    /// Lays a mod's copy over this (merged so far) one.
    fn apply(&mut self, patch: Self, merge: &mut Merge<'_>);
    /// The sections the default file must have but this one lacks.
    fn missing(&self) -> Vec<&'static str> {
        Vec::new()
    }
}

/// A top-level setting a mod may leave out, written as the bare value
/// (RON would otherwise want `Some(...)`). Defaults always have it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section<T>(pub Option<T>);

impl<T> Default for Section<T> {
    fn default() -> Self {
        Section(None)
    }
}

impl<T> Section<T> {
    /// The value, which the default file always gives (loading checks it
    /// before anything reads it).
    pub fn get(&self) -> Option<&T> {
        self.0.as_ref()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Section<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize(d).map(|v| Section(Some(v)))
    }
}

impl<T: Serialize> Serialize for Section<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Some(v) => v.serialize(s),
            None => s.serialize_unit(),
        }
    }
}

/// Who last set a thing, for conflict messages.
#[derive(Clone, Debug)]
struct Owner {
    /// Index of the mod (into the mods given).
    mod_index: usize,
    /// Where: `mods/b/monsters.ron:12`.
    place: String,
}

/// What one mod did to one file, for `venture mods check`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct FileTally {
    pub file: String,
    pub added: u32,
    pub replaced: u32,
    /// Sections replaced whole (`per_level`, `tiers`, the whole file).
    pub sections: Vec<String>,
}

/// The state of merging every file of every mod.
#[derive(Debug, Default)]
pub struct Merger {
    owners: BTreeMap<(String, String), Owner>,
    /// Per mod given, what it did, file by file.
    pub tallies: Vec<Vec<FileTally>>,
}

impl Merger {
    pub fn new(mods: usize) -> Self {
        Self {
            owners: BTreeMap::new(),
            tallies: vec![Vec::new(); mods],
        }
    }

    /// A merge of mod `mod_index`'s copy `src` of the file `F`.
    pub fn begin<'a, F: ModFile>(
        &'a mut self,
        mod_index: usize,
        ids: &'a [String],
        order: &'a Order,
        src: &'a SchemaSource,
        errors: &'a mut SchemaErrors,
    ) -> Merge<'a> {
        if self.tallies.len() <= mod_index {
            self.tallies.resize(mod_index + 1, Vec::new());
        }
        let tallies = &mut self.tallies[mod_index];
        tallies.push(FileTally {
            file: F::NAME.to_owned(),
            ..FileTally::default()
        });
        Merge {
            file: F::NAME,
            mod_index,
            ids,
            order,
            src,
            owners: &mut self.owners,
            tally: tallies.last_mut(),
            errors,
        }
    }
}

/// Merging one mod's copy of one file.
pub struct Merge<'a> {
    file: &'static str,
    mod_index: usize,
    /// Every mod's id, by index.
    ids: &'a [String],
    order: &'a Order,
    src: &'a SchemaSource,
    owners: &'a mut BTreeMap<(String, String), Owner>,
    tally: Option<&'a mut FileTally>,
    errors: &'a mut SchemaErrors,
}

impl Merge<'_> {
    /// Adds the entries of `patch` to `base`, replacing (in place, so ids
    /// keep their order) those with a key already there.
    pub fn keyed<T: Keyed>(&mut self, section: &str, base: &mut Vec<T>, patch: Vec<T>) {
        let mut index: BTreeMap<String, usize> = BTreeMap::new();
        for (i, e) in base.iter().enumerate() {
            index.entry(e.key().to_owned()).or_insert(i);
        }
        let mut seen: BTreeMap<String, usize> = BTreeMap::new();
        for entry in patch {
            let key = entry.key().to_owned();
            let n = seen.entry(key.clone()).or_insert(0);
            let at = find_entry(&self.src.text, T::KEY_FIELD, &key, *n).unwrap_or(0);
            *n += 1;
            if *n > 1 {
                self.errors.push(SchemaError::at(
                    &self.src.name,
                    &self.src.text,
                    at,
                    key.len() + 2,
                    K::DuplicateId,
                    format!("the {section} entry `{key}` is written twice in this file"),
                ).with_help("keep one of the two: a mod changes an entry by writing it once with the same id"));
                continue;
            }
            self.claim(&format!("{section} `{key}`"), at);
            match index.get(&key) {
                Some(&i) => {
                    base[i] = entry;
                    if let Some(t) = self.tally.as_deref_mut() {
                        t.replaced += 1;
                    }
                }
                None => {
                    index.insert(key, base.len());
                    base.push(entry);
                    if let Some(t) = self.tally.as_deref_mut() {
                        t.added += 1;
                    }
                }
            }
        }
    }

    /// Replaces a section the mod wrote.
    pub fn section<T>(&mut self, name: &str, base: &mut Section<T>, patch: Section<T>) {
        if let Some(v) = patch.0 {
            let at = find_field(&self.src.text, name).unwrap_or(0);
            self.claim(&format!("`{name}`"), at);
            base.0 = Some(v);
            if let Some(t) = self.tally.as_deref_mut() {
                t.sections.push(name.to_owned());
            }
        }
    }

    /// Replaces the whole file (game.ron, levels.ron: one setting each).
    pub fn whole<T>(&mut self, base: &mut T, patch: T) {
        self.claim("the whole file", 0);
        *base = patch;
        if let Some(t) = self.tally.as_deref_mut() {
            t.sections.push("the whole file".to_owned());
        }
    }

    /// Records that this mod sets `what`, reporting a conflict when another
    /// mod this one does not depend on set it too.
    fn claim(&mut self, what: &str, at: usize) {
        let (line, _) = line_col(&self.src.text, at);
        let key = (self.file.to_owned(), what.to_owned());
        let mine = Owner {
            mod_index: self.mod_index,
            place: format!("{}:{line}", self.src.name),
        };
        if let Some(prev) = self.owners.get(&key)
            && prev.mod_index != self.mod_index
            && !self.order.depends(self.mod_index, prev.mod_index)
        {
            let (me, other) = (self.id(self.mod_index), self.id(prev.mod_index));
            self.errors.push(
                SchemaError::at(&self.src.name, &self.src.text, at, 1, K::Conflict,
                    format!("the mods `{other}` ({}) and `{me}` both change {what} in {}, and neither depends on the other", prev.place, self.file))
                .with_help(format!(
                    "add \"{other}\" to the dependencies in {me}'s mod.ron (its version then wins), or remove one of the two changes"
                )),
            );
        }
        self.owners.insert(key, mine);
    }

    fn id(&self, i: usize) -> &str {
        self.ids.get(i).map_or("?", String::as_str)
    }
}

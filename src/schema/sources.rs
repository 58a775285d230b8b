//! Every copy of one schema file, as validation searches them: the default
//! file and each mod's version of it, newest first.
//!
//! Validation finds where an entry is written by searching text (RON keeps
//! no positions once a value is parsed). A [`FileSet`] joins the copies of
//! one file into a single text, the last mod applied first and the default
//! last, so the first match of `id: "goblin"` is the definition in use, and
//! maps every offset back to the file, line and column it came from.

use std::sync::Arc;

use super::error::{SchemaError, SchemaErrorKind};
use super::load::SchemaSource;

/// One copy inside the joined text.
#[derive(Clone, Debug)]
struct Segment {
    source: SchemaSource,
    /// Where its text starts in the joined text.
    start: usize,
}

/// The copies of one schema file, joined newest first.
#[derive(Clone, Debug)]
pub struct FileSet {
    /// The file's short name, e.g. `monsters.ron`.
    pub name: String,
    /// Every copy's text, newest first, each followed by a newline.
    pub text: Arc<str>,
    segments: Vec<Segment>,
}

impl FileSet {
    /// Joins `sources`, given oldest (the default) first.
    pub fn new(name: &str, sources: &[&SchemaSource]) -> Self {
        let mut text = String::new();
        let mut segments = Vec::with_capacity(sources.len());
        for s in sources.iter().rev() {
            segments.push(Segment {
                source: (*s).clone(),
                start: text.len(),
            });
            text.push_str(&s.text);
            text.push('\n');
        }
        Self {
            name: name.to_owned(),
            text: text.into(),
            segments,
        }
    }

    /// A set holding one file.
    pub fn single(source: &SchemaSource) -> Self {
        let name = source
            .name
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(&source.name);
        Self::new(name, &[source])
    }

    /// The segment holding byte `offset` of the joined text.
    fn segment(&self, offset: usize) -> Option<&Segment> {
        self.segments.iter().rev().find(|s| s.start <= offset)
    }

    /// Where the copy holding `offset` ends in the joined text: searches
    /// for the rest of an entry stop there.
    pub fn segment_end(&self, offset: usize) -> usize {
        self.segment(offset)
            .map_or(self.text.len(), |s| s.start + s.source.text.len())
    }

    /// An error at byte `offset` of the joined text, reported in the copy
    /// it falls in.
    pub fn error(
        &self,
        offset: usize,
        len: usize,
        kind: SchemaErrorKind,
        message: impl Into<String>,
    ) -> SchemaError {
        match self.segment(offset) {
            Some(s) => SchemaError::at(
                &s.source.name,
                &s.source.text,
                offset - s.start,
                len,
                kind,
                message,
            ),
            None => SchemaError::at(&self.name, &self.text, offset, len, kind, message),
        }
    }
}

/// The byte offset of the `n`th entry whose `field` is `key` in `text`
/// (`id: "goblin"`, or `rarity: Common` for keys that are not strings).
pub fn find_entry(text: &str, field: &str, key: &str, n: usize) -> Option<usize> {
    let quoted = format!("\"{key}\"");
    let label = format!("{field}:");
    let mut found = 0;
    for needle in [quoted.as_str(), key] {
        for (i, _) in text.match_indices(needle) {
            let before = text[..i].trim_end();
            let whole = !needle.starts_with('"')
                && text[i + needle.len()..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_alphanumeric() || c == '_');
            if before.ends_with(&label) && !whole {
                if found == n {
                    return Some(i);
                }
                found += 1;
            }
        }
        if found > 0 {
            break;
        }
    }
    None
}

/// The offset of the first `field:` in `text` written as a whole word
/// (so `hp:` is not found inside `max_hp:`).
pub fn find_field(text: &str, field: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find(field) {
        let at = from + i;
        let before_ok = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && c != '_');
        let after = text[at + field.len()..].trim_start();
        if before_ok && after.starts_with(':') {
            return Some(at);
        }
        from = at + field.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_back_to_their_file() {
        let base = SchemaSource::new("data-schemas/m.ron", "(\n  id: \"a\",\n)");
        let modded = SchemaSource::new("mods/x/m.ron", "(\n\n  id: \"b\",\n)");
        let set = FileSet::new("m.ron", &[&base, &modded]);
        let b = find_entry(&set.text, "id", "b", 0).expect("b");
        let e = set.error(b, 3, SchemaErrorKind::Syntax, "x");
        assert_eq!((e.file.as_str(), e.line, e.col), ("mods/x/m.ron", 3, 7));
        let a = find_entry(&set.text, "id", "a", 0).expect("a");
        let e = set.error(a, 3, SchemaErrorKind::Syntax, "x");
        assert_eq!(
            (e.file.as_str(), e.line, e.col),
            ("data-schemas/m.ron", 2, 7)
        );
        assert!(set.segment_end(b) < a);
    }

    #[test]
    fn keys_are_found_quoted_or_bare() {
        let t = "(rarity: Common), (rarity: Commoner), (id: \"x\"), (id: \"x\")";
        assert_eq!(find_entry(t, "rarity", "Common", 0), Some(9));
        assert_eq!(find_entry(t, "rarity", "Common", 1), None);
        assert!(find_entry(t, "id", "x", 1).is_some_and(|i| i > 45));
    }
}

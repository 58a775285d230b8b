//! Schema errors that point at the file, line and column, and the collector
//! that gathers all of them so a modder sees every mistake at once.

use std::fmt;
use std::sync::Arc;

use miette::{Diagnostic, LabeledSpan, NamedSource, SourceCode};

/// What went wrong, broadly; the message says exactly what.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SchemaErrorKind {
    /// The file is not valid RON (a missing bracket, a stray character).
    Syntax,
    /// A field the type does not have (often a typo).
    UnknownField,
    /// A field the type needs was left out.
    MissingField,
    /// A value of the wrong type or an unknown enum variant.
    WrongType,
    /// A value outside its allowed range.
    OutOfRange,
    /// Two entries share an id.
    DuplicateId,
    /// A reference to an id that no entry has.
    UnknownReference,
    /// Something the game needs is absent (no monster for a depth...).
    MissingContent,
    /// The file could not be read.
    Io,
    /// Two mods change the same entry or setting and neither depends on
    /// the other.
    Conflict,
    /// A mod's dependencies: one not loaded, a circle, two mods with one id.
    Dependency,
    /// A `.ron` file in a mod folder that is not a schema file.
    UnknownFile,
}

/// One mistake in one schema file.
#[derive(Clone)]
pub struct SchemaError {
    /// The file as the user knows it, e.g. `data-schemas/monsters.ron`.
    pub file: String,
    /// 1-based line and column.
    pub line: usize,
    pub col: usize,
    pub kind: SchemaErrorKind,
    pub message: String,
    /// What would be accepted, when that can be said.
    pub help: Option<String>,
    source: NamedSource<Arc<str>>,
    offset: usize,
    len: usize,
}

impl SchemaError {
    /// An error at byte `offset` (clamped into the text) of `text`.
    pub fn at(
        file: &str,
        text: &Arc<str>,
        offset: usize,
        len: usize,
        kind: SchemaErrorKind,
        message: impl Into<String>,
    ) -> Self {
        let offset = floor_char_boundary(text, offset.min(text.len()));
        let len = len.min(text.len() - offset);
        let (line, col) = line_col(text, offset);
        Self {
            file: file.to_owned(),
            line,
            col,
            kind,
            message: message.into(),
            help: None,
            source: NamedSource::new(file, Arc::clone(text)),
            offset,
            len,
        }
    }

    /// An error at a 1-based line and column, as RON's parser reports them.
    pub fn at_line_col(
        file: &str,
        text: &Arc<str>,
        line: usize,
        col: usize,
        kind: SchemaErrorKind,
        message: impl Into<String>,
    ) -> Self {
        let offset = offset_of(text, line, col);
        let mut e = Self::at(file, text, offset, 1, kind, message);
        // Keep RON's own figures even where the offset had to be clamped.
        e.line = line.max(1);
        e.col = col.max(1);
        e
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// The text of the offending line, for plain-text reports.
    pub fn source_line(&self) -> &str {
        self.source
            .inner()
            .lines()
            .nth(self.line.saturating_sub(1))
            .unwrap_or("")
    }
}

impl fmt::Debug for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self} ({:?})", self.kind)
    }
}

impl fmt::Display for SchemaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.col, self.message
        )
    }
}

impl std::error::Error for SchemaError {}

impl Diagnostic for SchemaError {
    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(&self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let label = LabeledSpan::at(self.offset..self.offset + self.len.max(1), "here");
        Some(Box::new(std::iter::once(label)))
    }
}

/// Every error found while loading a set of schemas.
#[derive(Clone, Debug, Default)]
pub struct SchemaErrors {
    pub errors: Vec<SchemaError>,
}

impl SchemaErrors {
    pub fn push(&mut self, e: SchemaError) {
        self.errors.push(e);
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// `Ok(value)` when nothing was collected.
    pub fn into_result<T>(self, value: T) -> Result<T, SchemaErrors> {
        if self.errors.is_empty() {
            Ok(value)
        } else {
            Err(self)
        }
    }
}

impl fmt::Display for SchemaErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.errors.len() {
            1 => write!(f, "1 error in the schemas"),
            n => write!(f, "{n} errors in the schemas"),
        }
    }
}

impl std::error::Error for SchemaErrors {}

impl Diagnostic for SchemaErrors {
    fn related<'a>(&'a self) -> Option<Box<dyn Iterator<Item = &'a dyn Diagnostic> + 'a>> {
        Some(Box::new(self.errors.iter().map(|e| e as &dyn Diagnostic)))
    }
}

/// 1-based (line, column) of a byte offset; columns count characters.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_char_boundary(text, offset.min(text.len()));
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let col = before[line_start..].chars().count() + 1;
    (line, col)
}

/// The byte offset of a 1-based (line, column); past the end clamps to the end.
pub fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut offset = 0;
    for (i, l) in text.split_inclusive('\n').enumerate() {
        if i + 1 == line {
            let within: usize = l
                .chars()
                .take(col.saturating_sub(1))
                .map(char::len_utf8)
                .sum();
            return offset + within;
        }
        offset += l.len();
    }
    text.len()
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_and_offset_agree() {
        let t = "ab\ncdé\nf";
        for off in [0, 1, 3, 5, 8] {
            let (l, c) = line_col(t, off);
            assert_eq!(offset_of(t, l, c), off, "offset {off}");
        }
        assert_eq!(line_col(t, 0), (1, 1));
        assert_eq!(line_col(t, 3), (2, 1));
        assert_eq!(line_col(t, 999), (3, 2));
    }

    #[test]
    fn display_names_file_line_and_column() {
        let text: Arc<str> = Arc::from("(\n  hp: x,\n)");
        let e = SchemaError::at_line_col("m.ron", &text, 2, 7, SchemaErrorKind::WrongType, "bad");
        assert_eq!(e.to_string(), "m.ron:2:7: bad");
        assert_eq!(e.source_line(), "  hp: x,");
    }
}

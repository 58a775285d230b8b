//! Reading schema files: the embedded defaults, parsing with RON, and turning
//! every parse error into a [`SchemaError`] with file, line and column.

use std::sync::Arc;

use serde::de::DeserializeOwned;

use super::affixes::AffixesFile;
use super::error::{SchemaError, SchemaErrorKind, SchemaErrors};
use super::game::GameRules;
use super::genres::GenresFile;
use super::items::ItemsFile;
use super::layout::Layout;
use super::levels::LevelsFile;
use super::mods::{self, FileTally, Merger, Mod, ModFile, ModManifest, ModStamp, Order};
use super::monsters::MonstersFile;
use super::quests::QuestsFile;
use super::recipes::RecipesFile;
use super::skills::SkillsFile;
use super::sources::FileSet;
use super::spells::SpellsFile;
use super::{Content, validate};

/// One schema file's name (as shown in errors) and text.
#[derive(Clone, Debug)]
pub struct SchemaSource {
    pub name: String,
    pub text: Arc<str>,
}

impl SchemaSource {
    pub fn new(name: impl Into<String>, text: impl Into<Arc<str>>) -> Self {
        Self {
            name: name.into(),
            text: text.into(),
        }
    }
}

/// The schema files every game needs, by the name each is known under.
pub const GAME: &str = "game.ron";
pub const MONSTERS: &str = "monsters.ron";
pub const ITEMS: &str = "items.ron";
pub const LEVELS: &str = "levels.ron";
pub const GENRES: &str = "genres.ron";
pub const QUESTS: &str = "quests.ron";
pub const SKILLS: &str = "skills.ron";
pub const SPELLS: &str = "spells.ron";
pub const AFFIXES: &str = "affixes.ron";
pub const RECIPES: &str = "recipes.ron";

/// The default schemas, compiled into the binary so it ships no asset files.
pub fn default_sources() -> Vec<SchemaSource> {
    [
        (GAME, include_str!("../../data-schemas/game.ron")),
        (MONSTERS, include_str!("../../data-schemas/monsters.ron")),
        (ITEMS, include_str!("../../data-schemas/items.ron")),
        (LEVELS, include_str!("../../data-schemas/levels.ron")),
        (GENRES, include_str!("../../data-schemas/genres.ron")),
        (QUESTS, include_str!("../../data-schemas/quests.ron")),
        (SKILLS, include_str!("../../data-schemas/skills.ron")),
        (SPELLS, include_str!("../../data-schemas/spells.ron")),
        (AFFIXES, include_str!("../../data-schemas/affixes.ron")),
        (RECIPES, include_str!("../../data-schemas/recipes.ron")),
    ]
    .into_iter()
    .map(|(name, text)| SchemaSource::new(format!("data-schemas/{name}"), text))
    .collect()
}

/// Loads the embedded default schemas.
pub fn load_defaults() -> Result<Content, SchemaErrors> {
    load_sources(&default_sources())
}

/// Parses, validates and cross-links a full set of schema files. Every error
/// in every file is returned, not only the first.
pub fn load_sources(sources: &[SchemaSource]) -> Result<Content, SchemaErrors> {
    load_with_mods(sources, &[])
}

/// Loads `base` (the default schema files) with `mods` laid over them.
pub fn load_with_mods(base: &[SchemaSource], mods: &[Mod]) -> Result<Content, SchemaErrors> {
    load_content(base, mods, None).map(|(c, _)| c)
}

/// One mod as applied: who it is and what it did to each file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppliedMod {
    pub manifest: ModManifest,
    pub dir: std::path::PathBuf,
    pub files: Vec<FileTally>,
}

/// Loads `base` with `mods` over them, in dependency order, and says what
/// each mod did. With an `anchor` (hot reload), entries the running world
/// knows keep their places (see [`Layout::arrange`]).
pub fn load_content(
    base: &[SchemaSource],
    mods: &[Mod],
    anchor: Option<&Layout>,
) -> Result<(Content, Vec<AppliedMod>), SchemaErrors> {
    let mut errors = SchemaErrors::default();
    let order = mods::order(mods, &mut errors);
    let mut cx = Gather {
        base,
        mods,
        ids: mods.iter().map(|m| m.manifest.id.clone()).collect(),
        order: &order,
        merger: Merger::new(mods.len()),
        errors,
    };
    let game = cx.gather::<GameRules>();
    let monsters = cx.gather::<MonstersFile>();
    let items = cx.gather::<ItemsFile>();
    let levels = cx.gather::<LevelsFile>();
    let genres = cx.gather::<GenresFile>();
    let quests = cx.gather::<QuestsFile>();
    let skills = cx.gather::<SkillsFile>();
    let spells = cx.gather::<SpellsFile>();
    let affixes = cx.gather::<AffixesFile>();
    let recipes = cx.gather::<RecipesFile>();
    let Gather {
        merger, mut errors, ..
    } = cx;
    let (
        Some(game),
        Some(mut monsters),
        Some(mut items),
        Some(levels),
        Some(mut genres),
        Some(mut quests),
        Some(mut skills),
        Some(mut spells),
        Some(mut affixes),
        Some(mut recipes),
    ) = (
        game, monsters, items, levels, genres, quests, skills, spells, affixes, recipes,
    )
    else {
        return Err(errors);
    };
    if let Some(a) = anchor {
        a.arrange("monster", &mut monsters.0.monsters);
        a.arrange("item", &mut items.0.items);
        a.arrange("genre", &mut genres.0.genres);
        a.arrange("quest", &mut quests.0.quests);
        a.arrange("archetype", &mut skills.0.archetypes);
        a.arrange("class", &mut skills.0.classes);
        a.arrange("spell", &mut spells.0.spells);
        a.arrange("affix", &mut affixes.0.affixes);
        a.arrange("station", &mut recipes.0.stations);
        a.arrange("recipe", &mut recipes.0.recipes);
    }
    let files = validate::Files {
        game: (game.0, &game.1),
        monsters: (monsters.0.monsters, &monsters.1),
        items: (items.0.items, &items.1),
        levels: (levels.0.bands, &levels.1),
        genres: (genres.0.genres, &genres.1),
        quests: (quests.0, &quests.1),
        skills: (skills.0, &skills.1),
        spells: (spells.0, &spells.1),
        affixes: (affixes.0, &affixes.1),
        recipes: (recipes.0, &recipes.1),
    };
    let hash = content_hash(base, mods, &order);
    let content = validate::validate_and_link(files, hash, &mut errors);
    match content {
        Some(mut c) if errors.is_empty() => {
            c.mods = order
                .order
                .iter()
                .map(|&i| ModStamp::of(&mods[i]))
                .collect();
            let applied = order
                .order
                .iter()
                .map(|&i| AppliedMod {
                    manifest: mods[i].manifest.clone(),
                    dir: mods[i].dir.clone(),
                    files: merger.tallies.get(i).cloned().unwrap_or_default(),
                })
                .collect();
            Ok((c, applied))
        }
        _ => Err(errors),
    }
}

/// One schema file that is not part of [`Content`] (sound, sprites: read by
/// their own loaders) with every mod's copy laid over the default, in
/// dependency order, and the copies joined for error positions. Dependency
/// mistakes are reported here too, so a caller may use this alone.
pub fn merge_file<F: ModFile>(
    base: &[SchemaSource],
    mods: &[Mod],
) -> Result<(F, FileSet), SchemaErrors> {
    let mut errors = SchemaErrors::default();
    let order = mods::order(mods, &mut errors);
    let mut cx = Gather {
        base,
        mods,
        ids: mods.iter().map(|m| m.manifest.id.clone()).collect(),
        order: &order,
        merger: Merger::new(mods.len()),
        errors,
    };
    let merged = cx.gather::<F>();
    match merged {
        Some(m) if cx.errors.is_empty() => Ok(m),
        _ => Err(cx.errors),
    }
}

/// Gathering each schema file: the default's copy, then every mod's.
struct Gather<'a> {
    base: &'a [SchemaSource],
    mods: &'a [Mod],
    ids: Vec<String>,
    order: &'a Order,
    merger: Merger,
    errors: SchemaErrors,
}

impl Gather<'_> {
    /// Parses the default copy of `F` and lays each mod's copy over it, in
    /// order; `None` when any copy does not parse (its errors are kept).
    fn gather<F: ModFile>(&mut self) -> Option<(F, FileSet)> {
        let Some(base) = self.base.iter().find(|s| file_name(&s.name) == F::NAME) else {
            let text: Arc<str> = Arc::from("");
            self.errors.push(SchemaError::at(
                F::NAME,
                &text,
                0,
                0,
                SchemaErrorKind::MissingContent,
                format!("the schema file {} is missing", F::NAME),
            ));
            return None;
        };
        let mut ok = true;
        let mut value = super::recover::parse_all::<F>(base)
            .map_err(|e| self.errors.errors.extend(e))
            .ok();
        if let Some(v) = &value {
            for section in v.missing() {
                ok = false;
                self.errors.push(
                    SchemaError::at(
                        &base.name,
                        &base.text,
                        0,
                        1,
                        SchemaErrorKind::MissingField,
                        format!("{} has no `{section}`", base.name),
                    )
                    .with_help("the default copy of a file must have every setting; mods may leave them out"),
                );
            }
        }
        let mut copies = vec![base];
        for &i in &self.order.order {
            let Some(src) = self.mods.get(i).and_then(|m| m.file(F::NAME)) else {
                continue;
            };
            copies.push(src);
            match super::recover::parse_all::<F>(src) {
                Ok(patch) => {
                    if let Some(v) = value.as_mut() {
                        let mut merge =
                            self.merger
                                .begin::<F>(i, &self.ids, self.order, src, &mut self.errors);
                        v.apply(patch, &mut merge);
                    }
                }
                Err(e) => {
                    ok = false;
                    self.errors.errors.extend(e);
                }
            }
        }
        let set = FileSet::new(F::NAME, &copies);
        value.filter(|_| ok).map(|v| (v, set))
    }
}

/// A stable hash of every schema's name and text, recorded in saves and
/// replays so that a run is only replayed against the data it was made with.
pub fn schema_hash(sources: &[SchemaSource]) -> u64 {
    hasher_of(sources).finish()
}

fn hasher_of(sources: &[SchemaSource]) -> crate::sim::hash::StateHasher {
    let mut sorted: Vec<&SchemaSource> = sources.iter().collect();
    sorted.sort_by(|a, b| file_name(&a.name).cmp(file_name(&b.name)));
    let mut h = crate::sim::hash::StateHasher::new();
    for s in sorted {
        // By the file's name alone, so the built-in files and the same
        // files read from a folder (`--schemas`) hash alike.
        h.write_str(&format!("data-schemas/{}", file_name(&s.name)));
        h.write_str(&s.text);
    }
    h
}

/// [`schema_hash`] of the defaults, extended by every mod applied (its id,
/// version and files, in order), but not by where its folder is: the same
/// mods give the same hash on every machine. Without mods it is exactly
/// the defaults' hash.
fn content_hash(base: &[SchemaSource], mods: &[Mod], order: &Order) -> u64 {
    let mut h = hasher_of(base);
    for m in order.order.iter().filter_map(|&i| mods.get(i)) {
        h.write_str("mod");
        h.write_str(&m.manifest.id);
        h.write_str(&m.manifest.version);
        for f in &m.files {
            h.write_str(file_name(&f.name));
            h.write_str(&f.text);
        }
    }
    h.finish()
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Parses one file, turning RON's error into a located [`SchemaError`].
pub fn parse<T: DeserializeOwned>(src: &SchemaSource) -> Result<T, Box<SchemaError>> {
    ron::Options::default()
        .from_str::<T>(&src.text)
        .map_err(|e| Box::new(from_ron(src, &e)))
}

fn from_ron(src: &SchemaSource, e: &ron::error::SpannedError) -> SchemaError {
    use ron::error::Error as R;
    let kind = match &e.code {
        R::NoSuchStructField { .. } => SchemaErrorKind::UnknownField,
        R::MissingStructField { .. } => SchemaErrorKind::MissingField,
        R::InvalidValueForType { .. }
        | R::NoSuchEnumVariant { .. }
        | R::ExpectedDifferentStructName { .. }
        | R::ExpectedInteger
        | R::ExpectedString
        | R::ExpectedChar
        | R::ExpectedBoolean
        | R::ExpectedFloat
        | R::ExpectedOption
        | R::ExpectedMap
        | R::ExpectedArray
        | R::ExpectedStructLike
        | R::ExpectedNamedStructLike(_)
        | R::ExpectedDifferentLength { .. }
        | R::ExpectedUnit
        | R::IntegerOutOfBounds => SchemaErrorKind::WrongType,
        _ => SchemaErrorKind::Syntax,
    };
    // RON's own message already lists the fields or variants it expected;
    // the help picks the likeliest one.
    let help = match &e.code {
        R::NoSuchStructField {
            expected, found, ..
        } => Some(
            super::suggest::did_you_mean(found, expected.iter().copied()).unwrap_or_else(|| {
                "remove it: every field a type has is listed in docs/modding.md".to_owned()
            }),
        ),
        R::NoSuchEnumVariant {
            expected, found, ..
        } => super::suggest::did_you_mean(found, expected.iter().copied()),
        R::MissingStructField { field, outer } => Some(format!(
            "add `{field}: ...` to this {}(see docs/modding.md for its type and range)",
            outer.as_ref().map_or(String::new(), |o| format!("`{o}` "))
        )),
        R::ExpectedString => Some("text is written in double quotes: \"like this\"".to_owned()),
        R::ExpectedInteger => Some("write a whole number such as 12, without quotes".to_owned()),
        R::ExpectedChar => {
            Some("a glyph is one character in single quotes, such as 'g'".to_owned())
        }
        R::ExpectedOption => Some("write None, or Some(...) around the value".to_owned()),
        R::ExpectedNamedStructLike(name) => match *name {
            "Span" => Some("a range is written (min, max), such as (1, 3)".to_owned()),
            "Rgb" => Some("a colour is written (red, green, blue), each 0 to 255".to_owned()),
            _ => Some("this value is written in parentheses: ( ... )".to_owned()),
        },
        _ => None,
    };
    let at = super::error::offset_of(&src.text, e.span.start.line, e.span.start.col);
    // A value was expected but what stands there cannot start any value
    // (a stray `@`, a closing bracket): the file is broken, not mistyped.
    let starts_value = src.text[at..]
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || "\"'([{-+._".contains(c));
    let kind = if kind == SchemaErrorKind::WrongType && !starts_value {
        SchemaErrorKind::Syntax
    } else {
        kind
    };
    if kind == SchemaErrorKind::Syntax && is_fraction_at(&src.text, at) {
        // RON reads `0.5` where an integer is wanted as `0` and then stops
        // at the `.`: say what really happened.
        return SchemaError::at_line_col(
            &src.name,
            &src.text,
            e.span.start.line,
            e.span.start.col,
            SchemaErrorKind::WrongType,
            "a number with a fraction where a whole number is expected",
        )
        .with_help("numbers here are whole: a chance is a percent from 0 to 100 (50, not 0.5)");
    }
    // RON points just after the colon; the caret goes under the value.
    let col = if kind == SchemaErrorKind::WrongType {
        let blanks = src.text[at..]
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .count();
        e.span.start.col + blanks
    } else {
        e.span.start.col
    };
    let err = SchemaError::at_line_col(
        &src.name,
        &src.text,
        e.span.start.line,
        col,
        kind,
        e.code.to_string(),
    );
    match help {
        Some(h) => err.with_help(h),
        None => err,
    }
}

/// Whether `text` has a decimal point at `at`, between two digits.
fn is_fraction_at(text: &str, at: usize) -> bool {
    let before = text[..at.min(text.len())].chars().next_back();
    let mut after = text.get(at..).unwrap_or("").chars();
    after.next() == Some('.')
        && before.is_some_and(|c| c.is_ascii_digit())
        && after.next().is_some_and(|c| c.is_ascii_digit())
}

/// What `venture mods check` says when everything loads: the mods in the
/// order applied, what each did to each file, and what the data holds.
pub fn describe_mods(content: &Content, applied: &[AppliedMod]) -> String {
    use std::fmt::Write as _;
    let mut s = String::new();
    match applied.len() {
        0 => s.push_str("The game data loads, with no mods.\n"),
        1 => s.push_str("The game data loads with 1 mod:\n"),
        n => {
            let _ = writeln!(
                s,
                "The game data loads with {n} mods, applied in this order:"
            );
        }
    }
    for m in applied {
        let _ = writeln!(
            s,
            "  {} {} - {} ({})",
            m.manifest.id,
            m.manifest.version,
            m.manifest.name,
            mods::display(&m.dir)
        );
        for f in &m.files {
            let mut parts = Vec::new();
            if f.added > 0 {
                parts.push(format!("{} added", f.added));
            }
            if f.replaced > 0 {
                parts.push(format!("{} replaced", f.replaced));
            }
            if !f.sections.is_empty() {
                parts.push(format!("{} replaced", f.sections.join(", ")));
            }
            if parts.is_empty() {
                parts.push("no change".to_owned());
            }
            let _ = writeln!(s, "    {}: {}", f.file, parts.join("; "));
        }
    }
    let genres: Vec<&str> = content.genres.iter().map(|g| g.id.as_str()).collect();
    let _ = writeln!(
        s,
        "Genres: {}. {} monsters, {} items, {} spells, {} quests, {} recipes.",
        genres.join(", "),
        content.monsters.len(),
        content.items.len(),
        content.spells().len(),
        content.quests.len(),
        content.recipes.len()
    );
    s
}

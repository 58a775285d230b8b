//! Reading schema files: the embedded defaults, parsing with RON, and turning
//! every parse error into a [`SchemaError`] with file, line and column.

use std::sync::Arc;

use serde::de::DeserializeOwned;

use super::affixes::AffixesFile;
use super::error::{SchemaError, SchemaErrorKind, SchemaErrors};
use super::game::GameRules;
use super::genres::GenresFile;
use super::items::ItemsFile;
use super::levels::LevelsFile;
use super::monsters::MonstersFile;
use super::quests::QuestsFile;
use super::recipes::RecipesFile;
use super::skills::SkillsFile;
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
    let mut errors = SchemaErrors::default();
    let game = parse_named::<GameRules>(sources, GAME, &mut errors);
    let monsters = parse_named::<MonstersFile>(sources, MONSTERS, &mut errors);
    let items = parse_named::<ItemsFile>(sources, ITEMS, &mut errors);
    let levels = parse_named::<LevelsFile>(sources, LEVELS, &mut errors);
    let genres = parse_named::<GenresFile>(sources, GENRES, &mut errors);
    let quests = parse_named::<QuestsFile>(sources, QUESTS, &mut errors);
    let skills = parse_named::<SkillsFile>(sources, SKILLS, &mut errors);
    let spells = parse_named::<SpellsFile>(sources, SPELLS, &mut errors);
    let affixes = parse_named::<AffixesFile>(sources, AFFIXES, &mut errors);
    let recipes = parse_named::<RecipesFile>(sources, RECIPES, &mut errors);
    let (
        Some(game),
        Some(monsters),
        Some(items),
        Some(levels),
        Some(genres),
        Some(quests),
        Some(skills),
        Some(spells),
        Some(affixes),
        Some(recipes),
    ) = (
        game, monsters, items, levels, genres, quests, skills, spells, affixes, recipes,
    )
    else {
        return Err(errors);
    };
    let files = validate::Files {
        game,
        monsters: (monsters.0.monsters, monsters.1),
        items: (items.0.items, items.1),
        levels: (levels.0.bands, levels.1),
        genres: (genres.0.genres, genres.1),
        quests,
        skills,
        spells,
        affixes,
        recipes,
    };
    let content = validate::validate_and_link(files, schema_hash(sources), &mut errors);
    match content {
        Some(c) if errors.is_empty() => Ok(c),
        _ => Err(errors),
    }
}

/// A stable hash of every schema's name and text, recorded in saves and
/// replays so that a run is only replayed against the data it was made with.
pub fn schema_hash(sources: &[SchemaSource]) -> u64 {
    let mut sorted: Vec<&SchemaSource> = sources.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    let mut h = crate::sim::hash::StateHasher::new();
    for s in sorted {
        h.write_str(&s.name);
        h.write_str(&s.text);
    }
    h.finish()
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// Finds the file called `name` and parses it, returning the value with the
/// file it came from (later checks point into that file).
fn parse_named<'a, T: DeserializeOwned>(
    sources: &'a [SchemaSource],
    name: &str,
    errors: &mut SchemaErrors,
) -> Option<(T, &'a SchemaSource)> {
    let Some(src) = sources.iter().find(|s| file_name(&s.name) == name) else {
        let text: Arc<str> = Arc::from("");
        errors.push(SchemaError::at(
            name,
            &text,
            0,
            0,
            SchemaErrorKind::MissingContent,
            format!("the schema file {name} is missing"),
        ));
        return None;
    };
    parse(src)
        .map_err(|e| errors.push(*e))
        .ok()
        .map(|v| (v, src))
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
    // RON's own message already lists the fields or variants it expected.
    SchemaError::at_line_col(
        &src.name,
        &src.text,
        e.span.start.line,
        e.span.start.col,
        kind,
        e.code.to_string(),
    )
}

//! `docs/modding.md` cannot drift from the schema types: every struct
//! reachable from a schema file (and `mod.ron`) is walked through serde by a
//! small recording deserializer, which lists each struct's fields and each
//! enum's variants; the test fails naming any the document does not
//! describe, and any it describes that do not exist.
//!
//! The document describes a type under a heading "### `Name`" (a struct
//! variant as "### `Enum::Variant`") followed by a table whose rows start
//! with the field or variant in backticks: "| `hp` | ...".

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Deserialize;
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, SeqAccess,
    VariantAccess, Visitor,
};

use venture::schema::affixes::AffixesFile;
use venture::schema::game::GameRules;
use venture::schema::genres::GenresFile;
use venture::schema::items::ItemsFile;
use venture::schema::levels::LevelsFile;
use venture::schema::mods::ModManifest;
use venture::schema::monsters::MonstersFile;
use venture::schema::quests::QuestsFile;
use venture::schema::recipes::RecipesFile;
use venture::schema::skills::SkillsFile;
use venture::schema::spells::SpellsFile;

const DOC: &str = "docs/modding.md";

#[derive(Debug)]
struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// What the walk found.
#[derive(Default)]
struct Shapes {
    /// Struct (or `Enum::Variant`) name -> its fields.
    structs: BTreeMap<String, BTreeSet<&'static str>>,
    /// Enum name -> its variants.
    enums: BTreeMap<&'static str, &'static [&'static str]>,
    /// The (enum, variant) pairs some walk went through.
    seen: BTreeSet<(&'static str, usize)>,
}

/// A deserializer that makes up a value of any type, noting the shape of
/// every struct and enum on the way. Enums take the variant `choice` says.
struct Recorder<'a> {
    shapes: &'a mut Shapes,
    choice: &'a BTreeMap<&'static str, usize>,
    /// (enum, variant) pairs taken in this walk.
    taken: &'a mut BTreeSet<(&'static str, usize)>,
    depth: usize,
}

impl<'a> Recorder<'a> {
    fn nested(&mut self) -> Result<Recorder<'_>, Error> {
        if self.depth > 40 {
            return Err(Error("the schema types nest too deep to walk".into()));
        }
        Ok(Recorder {
            shapes: self.shapes,
            choice: self.choice,
            taken: self.taken,
            depth: self.depth + 1,
        })
    }
}

macro_rules! primitive {
    ($($method:ident => $visit:ident($value:expr)),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            v.$visit($value)
        }
    )*};
}

impl<'de> Deserializer<'de> for Recorder<'_> {
    type Error = Error;

    primitive!(
        deserialize_bool => visit_bool(false),
        deserialize_i8 => visit_i64(0),
        deserialize_i16 => visit_i64(0),
        deserialize_i32 => visit_i64(0),
        deserialize_i64 => visit_i64(0),
        deserialize_u8 => visit_u64(0),
        deserialize_u16 => visit_u64(0),
        deserialize_u32 => visit_u64(0),
        deserialize_u64 => visit_u64(0),
        deserialize_f32 => visit_f64(0.0),
        deserialize_f64 => visit_f64(0.0),
        deserialize_char => visit_char('a'),
        deserialize_str => visit_str("a"),
        deserialize_string => visit_str("a"),
        deserialize_identifier => visit_str("a"),
        deserialize_bytes => visit_bytes(b"a"),
        deserialize_byte_buf => visit_bytes(b"a"),
    );

    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_unit()
    }

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_unit()
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_unit()
    }

    fn deserialize_option<V: Visitor<'de>>(mut self, v: V) -> Result<V::Value, Error> {
        v.visit_some(self.nested()?)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        v.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        mut self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        v.visit_newtype_struct(self.nested()?)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_seq(Seq { rec: self, left: 1 })
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value, Error> {
        v.visit_seq(Seq {
            rec: self,
            left: len,
        })
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        len: usize,
        v: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_tuple(len, v)
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_map(Map {
            rec: self,
            fields: &[],
            left: 1,
            keyed: false,
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        self.shapes
            .structs
            .entry(name.to_owned())
            .or_default()
            .extend(fields.iter().copied());
        v.visit_map(Map {
            rec: self,
            fields,
            left: fields.len(),
            keyed: true,
        })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        self.shapes.enums.insert(name, variants);
        let i = self.choice.get(name).copied().unwrap_or(0) % variants.len().max(1);
        self.taken.insert((name, i));
        v.visit_enum(Enum {
            rec: self,
            name,
            variant: variants.get(i).copied().unwrap_or(""),
        })
    }
}

struct Seq<'a> {
    rec: Recorder<'a>,
    left: usize,
}

impl<'de> SeqAccess<'de> for Seq<'_> {
    type Error = Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(self.rec.nested()?).map(Some)
    }
}

struct Map<'a> {
    rec: Recorder<'a>,
    fields: &'static [&'static str],
    left: usize,
    /// A struct: keys are its field names (a map: keys are made up).
    keyed: bool,
}

impl<'de> MapAccess<'de> for Map<'_> {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        if self.keyed {
            let field = self.fields[self.fields.len() - 1 - self.left];
            seed.deserialize(field.into_deserializer()).map(Some)
        } else {
            seed.deserialize(self.rec.nested()?).map(Some)
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        seed.deserialize(self.rec.nested()?)
    }
}

struct Enum<'a> {
    rec: Recorder<'a>,
    name: &'static str,
    variant: &'static str,
}

impl<'de, 'a> EnumAccess<'de> for Enum<'a> {
    type Error = Error;
    type Variant = Enum<'a>;
    fn variant_seed<S: DeserializeSeed<'de>>(self, seed: S) -> Result<(S::Value, Self), Error> {
        let v = seed.deserialize(self.variant.into_deserializer())?;
        Ok((v, self))
    }
}

impl<'de> VariantAccess<'de> for Enum<'_> {
    type Error = Error;
    fn unit_variant(self) -> Result<(), Error> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(mut self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self.rec.nested()?)
    }

    fn tuple_variant<V: Visitor<'de>>(self, len: usize, v: V) -> Result<V::Value, Error> {
        v.visit_seq(Seq {
            rec: self.rec,
            left: len,
        })
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        let name = format!("{}::{}", self.name, self.variant);
        self.rec
            .shapes
            .structs
            .entry(name)
            .or_default()
            .extend(fields.iter().copied());
        v.visit_map(Map {
            rec: self.rec,
            fields,
            left: fields.len(),
            keyed: true,
        })
    }
}

/// Walks `T` again and again, each time taking the next variant of every
/// enum met, until no walk finds a variant not taken before.
fn walk<T: for<'de> Deserialize<'de>>(shapes: &mut Shapes) {
    let mut choice: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut quiet = 0;
    for _ in 0..5000 {
        let mut taken = BTreeSet::new();
        let rec = Recorder {
            shapes,
            choice: &choice,
            taken: &mut taken,
            depth: 0,
        };
        if let Err(e) = T::deserialize(rec) {
            panic!("walking {}: {e}", std::any::type_name::<T>());
        }
        let before = shapes.seen.len();
        shapes.seen.extend(taken.iter().copied());
        for (name, _) in &taken {
            let n = shapes.enums.get(name).map_or(1, |v| v.len().max(1));
            let c = choice.entry(name).or_insert(0);
            *c = (*c + 1) % n;
        }
        quiet = if shapes.seen.len() > before {
            0
        } else {
            quiet + 1
        };
        if quiet > 200 {
            break;
        }
    }
}

fn schema_shapes() -> Shapes {
    let mut s = Shapes::default();
    walk::<GameRules>(&mut s);
    walk::<MonstersFile>(&mut s);
    walk::<ItemsFile>(&mut s);
    walk::<LevelsFile>(&mut s);
    walk::<GenresFile>(&mut s);
    walk::<QuestsFile>(&mut s);
    walk::<SkillsFile>(&mut s);
    walk::<SpellsFile>(&mut s);
    walk::<AffixesFile>(&mut s);
    walk::<RecipesFile>(&mut s);
    walk::<ModManifest>(&mut s);
    for (name, variants) in &s.enums {
        for i in 0..variants.len() {
            assert!(
                s.seen.contains(&(*name, i)),
                "the walk never reached {name}::{}",
                variants[i]
            );
        }
    }
    s
}

/// Heading name -> the names in the first cell of its table rows.
fn documented(text: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut current: Option<String> = None;
    for line in text.lines() {
        if line.starts_with('#') {
            current = line
                .trim_start_matches('#')
                .trim()
                .strip_prefix('`')
                .and_then(|r| r.split('`').next())
                .map(str::to_owned);
            if let Some(c) = &current {
                out.entry(c.clone()).or_default();
            }
        } else if let (Some(c), Some(rest)) = (&current, line.strip_prefix("| `"))
            && let Some(name) = rest.split('`').next()
        {
            out.entry(c.clone()).or_default().insert(name.to_owned());
        }
    }
    out
}

#[test]
fn the_modding_guide_describes_every_field_and_variant_and_nothing_else() {
    let shapes = schema_shapes();
    let text = std::fs::read_to_string(DOC).expect("docs/modding.md");
    let doc = documented(&text);
    let mut problems = Vec::new();
    for (name, fields) in &shapes.structs {
        match doc.get(name) {
            None => problems.push(format!("`{name}` has no section (### `{name}`)")),
            Some(rows) => {
                for f in fields {
                    if !rows.contains(*f) {
                        problems.push(format!("`{name}.{f}` is not described"));
                    }
                }
                for r in rows {
                    if !fields.contains(r.as_str()) {
                        problems.push(format!("`{name}.{r}` is described but does not exist"));
                    }
                }
            }
        }
    }
    for (name, variants) in &shapes.enums {
        match doc.get(*name) {
            None => problems.push(format!("the enum `{name}` has no section (### `{name}`)")),
            Some(rows) => {
                for v in *variants {
                    if !rows.contains(*v) {
                        problems.push(format!("`{name}::{v}` is not described"));
                    }
                }
                for r in rows {
                    if !variants.contains(&r.as_str()) {
                        problems.push(format!("`{name}::{r}` is described but does not exist"));
                    }
                }
            }
        }
    }
    for name in doc.keys() {
        let known = shapes.structs.contains_key(name) || shapes.enums.contains_key(name.as_str());
        if !known && !EXTRA_SECTIONS.contains(&name.as_str()) {
            problems.push(format!("the section `{name}` names no schema type"));
        }
    }
    assert!(
        problems.is_empty(),
        "{DOC} is out of date:\n{}",
        problems.join("\n")
    );
}

/// Sections that describe something other than one serde type: value
/// types written as tuples or maps.
const EXTRA_SECTIONS: &[&str] = &["Span", "Rgb", "Resistances", "LootEntry"];

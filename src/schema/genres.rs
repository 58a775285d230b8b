//! `data-schemas/genres.ron`: the settings a world can be generated in.
//!
//! A genre re-themes a whole run: its own monsters and items (tagged with
//! the genre in their files), its palette, the names of champions and
//! bosses, the hero's starting kit, the currency, which terrain generators
//! build each depth, and the music style. One world has one genre, or two
//! blended (see [`GenreMix`]).

use serde::{Deserialize, Serialize};

use super::common::{Rgb, Span};
use super::levels::GeneratorChoice;

/// The file's top level.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenresFile {
    pub genres: Vec<GenreDef>,
}

/// One setting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenreDef {
    /// How the genre is named on the command line (`--genre scifi`) and in
    /// the `genres` lists of monsters and items.
    pub id: String,
    pub name: String,
    /// A line shown when a run starts, setting the scene.
    pub intro: String,
    /// What the dungeon is called ("the Sunken Keep", "Orbital Station 9").
    pub dungeon: String,
    pub palette: GenrePalette,
    /// Parts for the names of champions and bosses.
    pub names: NameParts,
    /// Item ids in every new hero's pack.
    pub start_items: Vec<String>,
    /// Which terrain generators build each depth; every depth of the dungeon
    /// must fall in a band.
    pub terrain: Vec<TerrainBand>,
    /// How the genre's music sounds (read by the audio work).
    pub music: MusicStyle,
}

/// The colours of the map in this genre. Front ends map them down to what
/// the display supports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GenrePalette {
    pub wall: Rgb,
    pub floor: Rgb,
    pub door: Rgb,
    /// Titles and highlights in menus.
    pub accent: Rgb,
}

/// Pieces procedural names are made from: a start, an optional middle and an
/// end syllable, then sometimes ", the" and an epithet.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameParts {
    pub starts: Vec<String>,
    #[serde(default)]
    pub middles: Vec<String>,
    pub ends: Vec<String>,
    pub epithets: Vec<String>,
}

/// The generators used for a band of depths in one genre.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TerrainBand {
    pub depth: Span,
    pub generators: Vec<GeneratorChoice>,
}

/// The shape of a genre's music: the notes it may use and how fast it goes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MusicStyle {
    /// Semitones above the root that make the scale, e.g. minor is
    /// `[0, 2, 3, 5, 7, 8, 10]`. Each `0..=11`.
    pub scale: Vec<u8>,
    /// The root note as a MIDI number (`24..=96`; 57 is A3).
    pub root: u8,
    /// Beats per minute while exploring and in combat.
    pub tempo: Span,
}

/// A genre by its index in [`GenresFile::genres`] (and in `Content`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct GenreId(pub(crate) u8);

impl GenreId {
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// The bit of this genre in a genre mask (at most 64 genres).
    pub const fn bit(self) -> u64 {
        1 << self.0
    }
}

/// Which genre a world is in: one, or two blended. With a blend of `p`
/// percent, the second genre's monsters and items are `p` percent of what is
/// found and it builds about `p` percent of the levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct GenreMix {
    pub primary: GenreId,
    pub blend: Option<(GenreId, u8)>,
}

impl GenreMix {
    /// Only this genre.
    pub const fn pure(genre: GenreId) -> Self {
        Self {
            primary: genre,
            blend: None,
        }
    }

    /// The share (percent) of content tagged with the genres in `mask`:
    /// 100 for the primary genre alone, the blend share for the second, both
    /// when tagged with both, 0 for anything else.
    pub fn share(&self, mask: u64) -> u32 {
        let (second, percent) = match self.blend {
            Some((g, p)) if g != self.primary => (Some(g), u32::from(p.min(100))),
            _ => (None, 0),
        };
        let mut share = 0;
        if mask & self.primary.bit() != 0 {
            share += 100 - percent;
        }
        if second.is_some_and(|g| mask & g.bit() != 0) {
            share += percent;
        }
        share
    }
}

/// The genre a player or tester asked for. Whatever is left open comes from
/// the world seed, so every seed has a genre of its own and a new world
/// started in game keeps what was asked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct GenreChoice {
    /// `--genre`: the primary genre; from the seed when `None`.
    pub genre: Option<GenreId>,
    /// `--blend ID:SHARE`: a second genre and its share in percent.
    pub blend: Option<(GenreId, u8)>,
}

impl GenreChoice {
    /// The mix a world on `seed` is generated in; `from_seed` picks the
    /// primary genre when none was asked for.
    pub fn resolve(self, from_seed: GenreId) -> GenreMix {
        let primary = self.genre.unwrap_or(from_seed);
        GenreMix {
            primary,
            blend: self.blend.filter(|&(g, p)| p > 0 && g != primary),
        }
    }
}

/// Reads a blend share: a fraction (`0.4`) or a percentage (`40%`), from 0
/// to 1 (100%).
pub fn parse_share(text: &str) -> Result<u8, String> {
    let t = text.trim();
    let bad = || {
        format!("`{text}` is not a share: use a fraction from 0 to 1 (0.4) or a percentage (40%)")
    };
    let value: f64 = match t.strip_suffix('%') {
        Some(p) => p.trim().parse::<f64>().map_err(|_| bad())? / 100.0,
        None => t.parse::<f64>().map_err(|_| bad())?,
    };
    if !(0.0..=1.0).contains(&value) {
        return Err(bad());
    }
    Ok((value * 100.0).round() as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_split_by_the_blend() {
        let (a, b, c) = (GenreId(0), GenreId(1), GenreId(2));
        let pure = GenreMix::pure(a);
        assert_eq!(pure.share(a.bit()), 100);
        assert_eq!(pure.share(b.bit()), 0);
        let mix = GenreMix {
            primary: a,
            blend: Some((b, 40)),
        };
        assert_eq!(mix.share(a.bit()), 60);
        assert_eq!(mix.share(b.bit()), 40);
        assert_eq!(mix.share(a.bit() | b.bit()), 100);
        assert_eq!(mix.share(c.bit()), 0);
        let silly = GenreMix {
            primary: a,
            blend: Some((a, 250)),
        };
        assert_eq!(silly.share(a.bit()), 100, "blending a genre with itself");
    }

    #[test]
    fn shares_read_as_fractions_or_percentages() {
        assert_eq!(parse_share("0.4"), Ok(40));
        assert_eq!(parse_share("40%"), Ok(40));
        assert_eq!(parse_share("1"), Ok(100));
        assert_eq!(parse_share(" 0 "), Ok(0));
        for bad in ["1.5", "-0.1", "abc", "", "NaN", "120%"] {
            assert!(parse_share(bad).is_err(), "{bad:?} accepted");
        }
    }

    #[test]
    fn what_is_not_asked_comes_from_the_seed() {
        let (a, b) = (GenreId(0), GenreId(1));
        assert_eq!(GenreChoice::default().resolve(b), GenreMix::pure(b));
        let onto_itself = GenreChoice {
            genre: None,
            blend: Some((b, 40)),
        };
        assert_eq!(
            onto_itself.resolve(b),
            GenreMix::pure(b),
            "no blend with itself"
        );
        let asked = GenreChoice {
            genre: Some(a),
            blend: Some((b, 40)),
        };
        assert_eq!(
            asked.resolve(b),
            GenreMix {
                primary: a,
                blend: Some((b, 40))
            }
        );
    }
}

//! Saves written by older versions of the game. Each older body layout is
//! kept here frozen, exactly as that version wrote it, with the step that
//! lifts it to the next layout; [`body`] parses a body of any supported
//! format and lifts it to the current one. A save is never rewritten on
//! load: the next save simply writes the current format.

use serde::Deserialize;

use super::format::{Body, FORMAT_VERSION, RunInfo};
use crate::sim::snapshot::Snapshot;

/// Format 1 (game 0.1.0 before permadeath): no run information.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BodyV1 {
    genre: Option<String>,
    blend: Option<(String, u8)>,
    #[serde(default)]
    mods: Vec<crate::schema::mods::ModStamp>,
    snapshot: Snapshot,
}

impl From<BodyV1> for Body {
    /// Runs saved before permadeath existed were ordinary runs.
    fn from(v1: BodyV1) -> Self {
        Body {
            genre: v1.genre,
            blend: v1.blend,
            mods: v1.mods,
            run: RunInfo::default(),
            snapshot: v1.snapshot,
        }
    }
}

/// Parses a body written in `format` (1..=[`FORMAT_VERSION`]; the header
/// parser has refused others) and lifts it to the current layout.
pub fn body(format: u32, text: &str) -> Result<Body, ron::error::SpannedError> {
    debug_assert!((1..=FORMAT_VERSION).contains(&format));
    match format {
        1 => ron::from_str::<BodyV1>(text).map(Body::from),
        _ => ron::from_str::<Body>(text),
    }
}

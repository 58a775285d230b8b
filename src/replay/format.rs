//! The replay file, format version 1: plain lines a person can read, diff
//! and edit by hand.
//!
//! ```text
//! venture-replay 1
//! header (game:"0.1.0",schema:"9f0c…",seed:7,genre:None,blend:None,players:["Bot"],hash_every:100,checks:false,source:"headless explore")
//! h 0 5b1e…            the state hash before the first tick
//! i 12 0 Move(N)       an input: the tick it went in on, the player slot, the action (RON)
//! h 100 2d60fe89402a652f
//! f 1234 panic …       a failure met at this tick (sweeps write these)
//! e 2000 2d60fe89402a652f   the last tick, and the final hash (`-` when the run panicked)
//! ```
//!
//! Lines come in tick order. Reading never panics: a truncated file, a
//! wrong magic line, a newer format or any malformed line is a
//! [`ReplayError`] naming the file (and line).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::ReplayError;
use crate::schema::Content;
use crate::schema::genres::GenreChoice;
use crate::sim::{Action, PlayerId, PlayerInput};

/// The first word of every replay file.
pub const MAGIC: &str = "venture-replay";
/// The newest format this build reads and the one it writes.
pub const FORMAT_VERSION: u32 = 1;
/// The longest run a file may ask for: a day of real-time play is under two
/// million ticks, and a file claiming more is broken, not long.
pub const MAX_TICKS: u64 = 50_000_000;
/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;
/// Player slots are a `u8`.
const MAX_PLAYERS: usize = 255;

/// What a replay needs to rebuild the world it was recorded in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// The game version that recorded it (a mismatch is a warning: the same
    /// data and rules may still replay).
    pub game: String,
    /// The schema hash (16 hex digits) of the game data it was made with.
    pub schema: String,
    pub seed: u64,
    /// The genre asked for (its id), if one was.
    pub genre: Option<String>,
    /// The blended genre's id and share in percent, if any.
    pub blend: Option<(String, u8)>,
    /// The heroes' names, in player-slot order.
    pub players: Vec<String>,
    /// How many ticks apart state hashes were written.
    pub hash_every: u64,
    /// Whether the run checked the world's invariants every tick (a replay
    /// then checks them too).
    pub checks: bool,
    /// Who recorded it, for people: "terminal", "headless explore", "sweep".
    pub source: String,
    /// The mods the game data was made with, in the order applied (left
    /// out when there were none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mods: Vec<crate::schema::mods::ModStamp>,
}

impl Header {
    /// The header for a run of `seed` in `content` (which carries the genre
    /// choice and the schema hash) with these heroes.
    pub fn new(seed: u64, content: &Content, players: &[&str], source: &str) -> Self {
        let choice = content.choice();
        let key = |g| content.genre_def(g).map(|d| d.id.clone());
        Self {
            game: env!("CARGO_PKG_VERSION").to_owned(),
            schema: format!("{:016x}", content.schema_hash()),
            seed,
            genre: choice.genre.and_then(key),
            blend: choice.blend.and_then(|(g, p)| Some((key(g)?, p))),
            players: players.iter().map(|&p| p.to_owned()).collect(),
            hash_every: super::DEFAULT_HASH_EVERY,
            checks: false,
            source: source.to_owned(),
            mods: content.mods().to_vec(),
        }
    }

    /// The game data to replay with: `base` (the data this build loaded)
    /// set to the recorded genre choice, once its schema hash is the one
    /// the file was made with.
    pub fn content(&self, base: &Content, path: &Path) -> Result<Content, ReplayError> {
        let ours = format!("{:016x}", base.schema_hash());
        if ours != self.schema {
            return Err(ReplayError::OtherData {
                path: path.to_owned(),
                recorded: self.schema.clone(),
                ours,
                why: crate::schema::mods::explain_mismatch(&self.mods, base.mods()),
            });
        }
        let bad = |message: String| ReplayError::Bad {
            path: path.to_owned(),
            line: 2,
            message,
        };
        let id = |key: &str| {
            base.genre_id(key)
                .ok_or_else(|| bad(format!("the header names an unknown genre `{key}`")))
        };
        let choice = GenreChoice {
            genre: self.genre.as_deref().map(id).transpose()?,
            blend: match &self.blend {
                Some((key, share)) => Some((id(key)?, *share)),
                None => None,
            },
        };
        Ok(base.with_choice(choice))
    }
}

/// A check that failed during a run: which one, and what it saw.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// The invariant's name, or `panic`.
    pub check: String,
    pub detail: String,
}

/// One line of a replay body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// What one player's hero was asked to do on this tick.
    Input { tick: u64, input: PlayerInput },
    /// The state hash after this tick.
    Hash { tick: u64, hash: u64 },
    /// The run failed at this tick.
    Failure { tick: u64, failure: Failure },
    /// The run ended after this tick, with this hash (none after a panic).
    End { tick: u64, hash: Option<u64> },
}

/// The first two lines of a replay file.
pub fn header_text(header: &Header) -> String {
    let ron = ron::to_string(header).unwrap_or_default();
    format!("{MAGIC} {FORMAT_VERSION}\nheader {ron}\n")
}

/// One body line, newline included.
pub fn entry_text(entry: &Entry) -> String {
    let mut s = String::new();
    let _ = match entry {
        Entry::Input { tick, input } => {
            let action = ron::to_string(&input.action).unwrap_or_default();
            writeln!(s, "i {tick} {} {action}", input.player.0)
        }
        Entry::Hash { tick, hash } => writeln!(s, "h {tick} {hash:016x}"),
        Entry::Failure { tick, failure } => {
            let one_line = |t: &str| t.replace(['\n', '\r'], " ");
            writeln!(
                s,
                "f {tick} {} {}",
                one_line(&failure.check).replace(' ', "_"),
                one_line(&failure.detail)
            )
        }
        Entry::End {
            tick,
            hash: Some(h),
        } => writeln!(s, "e {tick} {h:016x}"),
        Entry::End { tick, hash: None } => writeln!(s, "e {tick} -"),
    };
    s
}

/// A whole replay file, read and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recording {
    /// Where it was read from, for messages.
    pub path: PathBuf,
    pub header: Header,
    /// Every input in tick order.
    pub inputs: Vec<(u64, PlayerInput)>,
    /// Every state hash in tick order.
    pub hashes: Vec<(u64, u64)>,
    /// The failure the run met, if it met one.
    pub failure: Option<(u64, Failure)>,
    /// The last tick and the final hash.
    pub end: (u64, Option<u64>),
    /// Set when the file stops before its end line (a crash, a dropped
    /// link): the last line read. Such a recording plays to its last state
    /// hash, which stands in for the end.
    pub cut_short: Option<usize>,
}

impl Recording {
    /// Reads and checks the replay file at `path`.
    pub fn read(path: &Path) -> Result<Self, ReplayError> {
        let io = |error| ReplayError::Io {
            path: path.to_owned(),
            error,
        };
        let size = std::fs::metadata(path).map_err(io)?.len();
        if size > MAX_FILE_BYTES {
            return Err(ReplayError::Bad {
                path: path.to_owned(),
                line: 0,
                message: format!("the file is {size} bytes, more than a replay can be"),
            });
        }
        let bytes = std::fs::read(path).map_err(io)?;
        let text = String::from_utf8(bytes).map_err(|_| ReplayError::NotAReplay {
            path: path.to_owned(),
        })?;
        Self::parse(path, &text)
    }

    /// Parses replay text; `path` only names it in errors.
    pub fn parse(path: &Path, text: &str) -> Result<Self, ReplayError> {
        let mut lines = text.lines().enumerate().map(|(i, l)| (i + 1, l.trim_end()));
        let bad = |line: usize, message: String| ReplayError::Bad {
            path: path.to_owned(),
            line,
            message,
        };
        let first = lines.next().map_or("", |(_, l)| l);
        let version = match first.split_once(' ') {
            Some((MAGIC, v)) => v.trim(),
            _ => {
                return Err(ReplayError::NotAReplay {
                    path: path.to_owned(),
                });
            }
        };
        let version: u32 = version
            .parse()
            .map_err(|_| bad(1, format!("`{version}` is not a format version")))?;
        if version > FORMAT_VERSION {
            return Err(ReplayError::Newer {
                path: path.to_owned(),
                found: version,
            });
        }
        if version == 0 {
            return Err(bad(1, "format version 0 does not exist".to_owned()));
        }
        let header = match lines.next() {
            Some((n, l)) => parse_header(l).map_err(|m| bad(n, m))?,
            None => return Err(truncated(path, 1)),
        };
        let mut rec = Recording {
            path: path.to_owned(),
            header,
            inputs: Vec::new(),
            hashes: Vec::new(),
            failure: None,
            end: (0, None),
            cut_short: None,
        };
        // A last line written only in part (no newline after it) is where
        // the writer stopped, not a mistake.
        let unfinished = !text.ends_with('\n');
        let line_count = text.lines().count();
        let mut last = (2, 0u64);
        let mut ended = false;
        for (n, line) in lines {
            if line.trim().is_empty() {
                continue;
            }
            if ended {
                return Err(bad(n, "nothing may follow the end line".to_owned()));
            }
            let entry = match parse_entry(line, rec.header.players.len()) {
                Ok(entry) => entry,
                Err(_) if unfinished && n == line_count => break,
                Err(m) => return Err(bad(n, m)),
            };
            let tick = entry.tick();
            if tick < last.1 {
                let message = format!("tick {tick} comes after tick {} (line {})", last.1, last.0);
                return Err(bad(n, message));
            }
            last = (n, tick);
            match entry {
                Entry::Input { tick, input } => rec.inputs.push((tick, input)),
                Entry::Hash { tick, hash } => rec.hashes.push((tick, hash)),
                Entry::Failure { tick, failure } => {
                    if rec.failure.is_some() {
                        return Err(bad(n, "a run fails only once".to_owned()));
                    }
                    rec.failure = Some((tick, failure));
                }
                Entry::End { tick, hash } => {
                    rec.end = (tick, hash);
                    ended = true;
                }
            }
        }
        if !ended {
            let Some(&(tick, hash)) = rec.hashes.last() else {
                return Err(truncated(path, last.0));
            };
            // Inputs of tick T go in before the hash taken after it.
            rec.inputs.retain(|&(t, _)| t <= tick);
            if rec.failure.as_ref().is_some_and(|&(t, _)| t > tick) {
                rec.failure = None;
            }
            rec.end = (tick, Some(hash));
            rec.cut_short = Some(last.0);
        }
        Ok(rec)
    }
}

fn truncated(path: &Path, line: usize) -> ReplayError {
    ReplayError::Truncated {
        path: path.to_owned(),
        line,
    }
}

impl Entry {
    /// The tick a line is about.
    pub fn tick(&self) -> u64 {
        match self {
            Entry::Input { tick, .. }
            | Entry::Hash { tick, .. }
            | Entry::Failure { tick, .. }
            | Entry::End { tick, .. } => *tick,
        }
    }
}

/// Splits off the first space-separated word.
fn word(s: &str) -> (&str, &str) {
    let s = s.trim_start();
    s.split_once(' ').unwrap_or((s, ""))
}

fn parse_header(line: &str) -> Result<Header, String> {
    let (key, rest) = word(line);
    if key != "header" {
        return Err("the second line should be the header".to_owned());
    }
    let header: Header = ron::Options::default()
        .from_str(rest)
        .map_err(|e| format!("the header is not readable: {e}"))?;
    if header.players.is_empty() || header.players.len() > MAX_PLAYERS {
        return Err(format!(
            "the header names {} players (1 to {MAX_PLAYERS} may play)",
            header.players.len()
        ));
    }
    if header.hash_every == 0 {
        return Err("hash_every must be at least 1".to_owned());
    }
    parse_hash(&header.schema).map_err(|e| format!("the schema hash is not readable: {e}"))?;
    Ok(header)
}

fn parse_tick(text: &str) -> Result<u64, String> {
    let tick: u64 = text
        .parse()
        .map_err(|_| format!("`{text}` is not a tick number"))?;
    if tick > MAX_TICKS {
        return Err(format!(
            "tick {tick} is past the {MAX_TICKS} a replay may run"
        ));
    }
    Ok(tick)
}

fn parse_hash(text: &str) -> Result<u64, String> {
    if text.len() != 16 {
        return Err(format!("`{text}` is not a hash of 16 hex digits"));
    }
    u64::from_str_radix(text, 16).map_err(|_| format!("`{text}` is not a hash of 16 hex digits"))
}

fn parse_entry(line: &str, players: usize) -> Result<Entry, String> {
    let (kind, rest) = word(line);
    let (tick, rest) = word(rest);
    let tick = parse_tick(tick)?;
    let rest = rest.trim();
    match kind {
        "i" => {
            let (slot, action) = word(rest);
            let slot: u8 = slot
                .parse()
                .map_err(|_| format!("`{slot}` is not a player slot"))?;
            if usize::from(slot) >= players {
                return Err(format!(
                    "player slot {slot}, but the header names {players}"
                ));
            }
            if tick == 0 {
                return Err("inputs start at tick 1".to_owned());
            }
            let action: Action = ron::Options::default()
                .from_str(action.trim())
                .map_err(|e| format!("`{}` is not an action: {e}", action.trim()))?;
            let player = PlayerId(slot);
            Ok(Entry::Input {
                tick,
                input: PlayerInput { player, action },
            })
        }
        "h" => Ok(Entry::Hash {
            tick,
            hash: parse_hash(rest)?,
        }),
        "f" => {
            let (check, detail) = word(rest);
            if check.is_empty() {
                return Err("a failure line names the check that failed".to_owned());
            }
            let failure = Failure {
                check: check.to_owned(),
                detail: detail.trim().to_owned(),
            };
            Ok(Entry::Failure { tick, failure })
        }
        "e" => {
            let hash = match rest {
                "-" => None,
                h => Some(parse_hash(h)?),
            };
            Ok(Entry::End { tick, hash })
        }
        other => Err(format!("`{other}` starts no known line (i, h, f or e)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sim::algo::grid::Dir;

    fn header() -> Header {
        Header {
            game: "0.1.0".into(),
            schema: "00000000000000ff".into(),
            seed: 7,
            genre: Some("horror".into()),
            blend: Some(("scifi".into(), 40)),
            players: vec!["A \"quoted\" name".into()],
            hash_every: 10,
            checks: true,
            source: "test".into(),
            mods: Vec::new(),
        }
    }

    fn sample() -> String {
        let mut s = header_text(&header());
        let entries = [
            Entry::Hash { tick: 0, hash: 1 },
            Entry::Input {
                tick: 3,
                input: PlayerInput {
                    player: PlayerId(0),
                    action: Action::Fire { dx: -2, dy: 1 },
                },
            },
            Entry::Input {
                tick: 3,
                input: PlayerInput {
                    player: PlayerId(0),
                    action: Action::Move(Dir::NE),
                },
            },
            Entry::Failure {
                tick: 9,
                failure: Failure {
                    check: "panic".into(),
                    detail: "line one\nline two".into(),
                },
            },
            Entry::End {
                tick: 9,
                hash: None,
            },
        ];
        for e in &entries {
            s.push_str(&entry_text(e));
        }
        s
    }

    #[test]
    fn a_written_file_reads_back() {
        let rec = Recording::parse(Path::new("x.vrp"), &sample()).expect("reads");
        assert_eq!(rec.header, header());
        assert_eq!(rec.inputs.len(), 2);
        assert_eq!(rec.inputs[0].1.action, Action::Fire { dx: -2, dy: 1 });
        assert_eq!(rec.hashes, vec![(0, 1)]);
        let (tick, failure) = rec.failure.expect("a failure");
        assert_eq!((tick, failure.detail.as_str()), (9, "line one line two"));
        assert_eq!(rec.end, (9, None));
    }

    #[test]
    fn a_recording_cut_short_plays_to_its_last_hash() {
        let text = sample();
        // The end line half written, and wholly lost.
        for cut in [
            &text[..text.len() - 3],
            &text[..text.rfind("e ").expect("end")],
        ] {
            let rec = Recording::parse(Path::new("r.vrp"), cut).expect("readable");
            assert!(rec.cut_short.is_some());
            assert_eq!(rec.end, (0, Some(1)), "the last hash stands in for the end");
            assert!(
                rec.inputs.is_empty(),
                "inputs after the last hash are dropped"
            );
        }
        // With no hash at all there is nothing to check against.
        let header_only: String = text.lines().take(2).map(|l| format!("{l}\n")).collect();
        let err = Recording::parse(Path::new("r.vrp"), &header_only).expect_err("no hash");
        assert!(err.to_string().contains("cut short"), "{err}");
    }

    #[test]
    fn bad_files_are_errors_naming_the_file() {
        let text = sample();
        let newer = text.replace("venture-replay 1", "venture-replay 9");
        let garbled = text.replace("Move(NE)", "Mvoe(NE)");
        let backwards = text.replace("f 9", "f 2");
        let cases = [
            ("", "not a Venture replay"),
            ("PNG\n", "not a Venture replay"),
            (&newer, "newer"),
            (&garbled, ":5:"),
            (&backwards, "comes after"),
        ];
        for (text, expected) in cases {
            let err = Recording::parse(Path::new("dir/r.vrp"), text).expect_err(expected);
            let message = err.to_string();
            assert!(message.contains("dir/r.vrp"), "{message}");
            assert!(message.contains(expected), "{expected}: {message}");
        }
    }
}

//! The seeds a sweep runs, as written on the command line: `0..1000` (the
//! end left out, as in Rust), `0..=999` (the end included), or one seed.

use std::fmt;
use std::str::FromStr;

/// More seeds than this in one sweep is a typo, not a plan (ten million
/// seeds of 2,000 ticks is days of work on a laptop).
pub const MAX_SEEDS: u64 = 10_000_000;

/// A non-empty run of consecutive seeds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeedRange {
    pub first: u64,
    pub last: u64,
}

impl SeedRange {
    /// How many seeds (at most [`MAX_SEEDS`]).
    pub fn len(&self) -> u64 {
        self.last - self.first + 1
    }

    /// Never true: a range holds one seed or more.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The `i`th seed.
    pub fn nth(&self, i: u64) -> u64 {
        self.first + i
    }
}

fn number(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let parsed = match t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => t.parse::<u64>(),
    };
    parsed.map_err(|_| format!("`{t}` is not a seed (a whole number, or 0x and hex digits)"))
}

impl FromStr for SeedRange {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let (first, last) = if let Some((a, b)) = s.split_once("..=") {
            (number(a)?, number(b)?)
        } else if let Some((a, b)) = s.split_once("..") {
            let (a, b) = (number(a)?, number(b)?);
            if b <= a {
                return Err(format!("`{s}` holds no seeds: the end is left out of A..B"));
            }
            (a, b - 1)
        } else {
            let n = number(s)?;
            (n, n)
        };
        if last < first {
            return Err(format!("`{s}` holds no seeds: it ends before it starts"));
        }
        if last - first >= MAX_SEEDS {
            return Err(format!("`{s}` is more than {MAX_SEEDS} seeds"));
        }
        Ok(Self { first, last })
    }
}

impl fmt::Display for SeedRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..={}", self.first, self.last)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_like_rust_ranges() {
        let r = |s: &str| s.parse::<SeedRange>();
        assert_eq!(r("0..1000").map(|r| (r.first, r.len())), Ok((0, 1000)));
        assert_eq!(r("5..=5").map(|r| r.len()), Ok(1));
        assert_eq!(r("0x10..0x12").map(|r| (r.first, r.last)), Ok((16, 17)));
        assert_eq!(r("42").map(|r| (r.first, r.last)), Ok((42, 42)));
        for bad in [
            "5..5",
            "9..=3",
            "a..b",
            "",
            "0..=18446744073709551615",
            "1..x",
        ] {
            assert!(r(bad).is_err(), "{bad}");
        }
    }
}

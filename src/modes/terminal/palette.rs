//! Colour depth: what the terminal can show, and mapping RGB down to it.
//! ratatui sends RGB as it is, which 16- and 256-colour terminals show wrong
//! or not at all, so every colour goes through [`Palette::color`].

use ratatui::style::Color;

use crate::schema::Rgb;

/// How many colours the terminal shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColorDepth {
    TrueColor,
    Ansi256,
    Ansi16,
    /// No colour at all (`NO_COLOR`, or asked for).
    Mono,
}

impl ColorDepth {
    /// Guesses from the environment: `NO_COLOR` turns colour off;
    /// `COLORTERM=truecolor|24bit` means RGB; a `TERM` with `256color` means
    /// 256 colours (the usual answer over SSH, which does not forward
    /// `COLORTERM`); anything else gets the 16 named colours.
    pub fn detect(get: impl Fn(&str) -> Option<String>) -> Self {
        if get("NO_COLOR").is_some_and(|v| !v.is_empty()) {
            return ColorDepth::Mono;
        }
        let colorterm = get("COLORTERM").unwrap_or_default().to_ascii_lowercase();
        if colorterm == "truecolor" || colorterm == "24bit" {
            return ColorDepth::TrueColor;
        }
        let term = get("TERM").unwrap_or_default().to_ascii_lowercase();
        if term.contains("256color") || term.contains("direct") {
            ColorDepth::Ansi256
        } else {
            ColorDepth::Ansi16
        }
    }
}

/// Maps game colours to terminal colours for one depth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Palette {
    pub depth: ColorDepth,
}

/// The 16 named colours as xterm draws them, in ANSI order.
const ANSI16: [(Color, Rgb); 16] = [
    (Color::Black, Rgb(0, 0, 0)),
    (Color::Red, Rgb(205, 0, 0)),
    (Color::Green, Rgb(0, 205, 0)),
    (Color::Yellow, Rgb(205, 205, 0)),
    (Color::Blue, Rgb(0, 0, 238)),
    (Color::Magenta, Rgb(205, 0, 205)),
    (Color::Cyan, Rgb(0, 205, 205)),
    (Color::Gray, Rgb(229, 229, 229)),
    (Color::DarkGray, Rgb(127, 127, 127)),
    (Color::LightRed, Rgb(255, 0, 0)),
    (Color::LightGreen, Rgb(0, 255, 0)),
    (Color::LightYellow, Rgb(255, 255, 0)),
    (Color::LightBlue, Rgb(92, 92, 255)),
    (Color::LightMagenta, Rgb(255, 0, 255)),
    (Color::LightCyan, Rgb(0, 255, 255)),
    (Color::White, Rgb(255, 255, 255)),
];

/// The six levels of each channel in the 256-colour cube.
const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

impl Palette {
    pub fn new(depth: ColorDepth) -> Self {
        Self { depth }
    }

    /// The terminal colour closest to `rgb` (`Reset` in monochrome).
    pub fn color(&self, rgb: Rgb) -> Color {
        match self.depth {
            ColorDepth::TrueColor => Color::Rgb(rgb.0, rgb.1, rgb.2),
            ColorDepth::Ansi256 => Color::Indexed(to_256(rgb)),
            ColorDepth::Ansi16 => to_16(rgb),
            ColorDepth::Mono => Color::Reset,
        }
    }
}

fn dist2(a: Rgb, b: Rgb) -> i32 {
    let d = |x: u8, y: u8| i32::from(x) - i32::from(y);
    // Weighted towards green, which the eye resolves best.
    2 * d(a.0, b.0).pow(2) + 4 * d(a.1, b.1).pow(2) + 3 * d(a.2, b.2).pow(2)
}

fn nearest_level(v: u8) -> usize {
    (0..CUBE.len())
        .min_by_key(|&i| (i32::from(CUBE[i]) - i32::from(v)).abs())
        .unwrap_or(0)
}

/// The nearest entry of the 6x6x6 cube or the 24-step grey ramp.
pub fn to_256(rgb: Rgb) -> u8 {
    let (r, g, b) = (
        nearest_level(rgb.0),
        nearest_level(rgb.1),
        nearest_level(rgb.2),
    );
    let cube = Rgb(CUBE[r], CUBE[g], CUBE[b]);
    let cube_index = 16 + 36 * r + 6 * g + b;
    let grey_step =
        ((i32::from(rgb.0) + i32::from(rgb.1) + i32::from(rgb.2)) / 3 - 8).clamp(0, 230) / 10;
    let grey_value = (8 + 10 * grey_step) as u8;
    let grey = Rgb(grey_value, grey_value, grey_value);
    if dist2(rgb, grey) < dist2(rgb, cube) {
        (232 + grey_step) as u8
    } else {
        cube_index as u8
    }
}

/// The nearest of the 16 named colours. Never relies on bold for brightness:
/// bright colours are named explicitly. A clearly coloured source (a brown
/// rat, an olive goblin) maps to a chromatic colour, never to a grey, so
/// creatures do not vanish into the grey floor.
pub fn to_16(rgb: Rgb) -> Color {
    let chroma = rgb.0.max(rgb.1).max(rgb.2) - rgb.0.min(rgb.1).min(rgb.2);
    let is_grey = |c: &Rgb| c.0 == c.1 && c.1 == c.2;
    ANSI16
        .iter()
        .filter(|(_, c)| chroma < CHROMATIC || !is_grey(c))
        .min_by_key(|(_, c)| dist2(rgb, *c))
        .map_or(Color::Reset, |&(c, _)| c)
}

/// Colours whose channels differ by this much are treated as coloured.
const CHROMATIC: u8 = 48;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detection_follows_the_environment() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            ColorDepth::detect(env(&[("COLORTERM", "truecolor")])),
            ColorDepth::TrueColor
        );
        assert_eq!(
            ColorDepth::detect(env(&[("TERM", "xterm-256color")])),
            ColorDepth::Ansi256
        );
        assert_eq!(
            ColorDepth::detect(env(&[("TERM", "linux")])),
            ColorDepth::Ansi16
        );
        assert_eq!(
            ColorDepth::detect(env(&[("NO_COLOR", "1"), ("COLORTERM", "truecolor")])),
            ColorDepth::Mono
        );
    }

    #[test]
    fn cube_and_grey_ramp_are_hit_exactly() {
        assert_eq!(to_256(Rgb(255, 0, 0)), 196);
        assert_eq!(to_256(Rgb(0, 0, 0)), 16);
        assert_eq!(to_256(Rgb(95, 135, 175)), 16 + 36 + 12 + 3);
        assert_eq!(to_256(Rgb(128, 128, 128)), 232 + 12);
    }

    #[test]
    fn sixteen_colours_pick_the_nearest_name() {
        assert_eq!(to_16(Rgb(250, 10, 10)), Color::LightRed);
        assert_eq!(to_16(Rgb(0, 180, 0)), Color::Green);
        assert_eq!(to_16(Rgb(255, 255, 255)), Color::White);
        assert_eq!(to_16(Rgb(120, 120, 120)), Color::DarkGray);
        // Browns and olives stay coloured rather than turning grey.
        assert_eq!(to_16(Rgb(190, 140, 90)), Color::Yellow);
    }
}

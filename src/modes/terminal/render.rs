//! Paints a [`Frame`] into a ratatui buffer: the map on the left, the side
//! panel (`panel.rs`) on the right, the message log along the bottom and any
//! overlay on top. Pure (buffer in, buffer out), so tests render onto a
//! `TestBackend`.
//!
//! Only ASCII is drawn, so every character is one column wide in every
//! terminal and font. Remembered (not visible) cells are drawn dim in colour
//! and with the dim attribute, so they stay distinct without colour too.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use super::palette::{ColorDepth, Palette};
use super::panel;
use crate::schema::Rgb;
use crate::schema::genres::GenrePalette;
use crate::sim::Tile;
use crate::view::{Cell, Frame, GlyphKind, LogLine, Overlay, Tone};

/// The smallest terminal the game is laid out for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;
/// Columns of the side panel at the minimum width, separator included; it
/// grows with the terminal up to [`MAX_PANEL_WIDTH`].
pub const PANEL_WIDTH: u16 = 24;
pub const MAX_PANEL_WIDTH: u16 = 34;

/// Where each part of the screen goes for a terminal size.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    pub map: Rect,
    pub panel: Rect,
    pub log: Rect,
}

impl Layout {
    /// `None` when the terminal is below the minimum size.
    pub fn new(area: Rect) -> Option<Layout> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        // Larger terminals get a wider panel and a taller log (a fifth of
        // the height, at least 5 rows); the map takes the rest.
        let panel_w = (area.width * 3 / 10).clamp(PANEL_WIDTH, MAX_PANEL_WIDTH);
        let log_h = (area.height / 5).max(5);
        let top_h = area.height - log_h;
        Some(Layout {
            map: Rect::new(area.x, area.y, area.width - panel_w, top_h),
            panel: Rect::new(area.x + area.width - panel_w, area.y, panel_w, top_h),
            log: Rect::new(area.x, area.y + top_h, area.width, log_h),
        })
    }
}

/// Game colours that are not in any schema.
pub(super) mod theme {
    use crate::schema::Rgb;
    pub const WALL: Rgb = Rgb(205, 195, 175);
    pub const FLOOR: Rgb = Rgb(120, 120, 135);
    pub const DOOR: Rgb = Rgb(210, 150, 70);
    pub const STAIRS: Rgb = Rgb(255, 255, 120);
    pub const SHALLOW_WATER: Rgb = Rgb(90, 170, 255);
    pub const DEEP_WATER: Rgb = Rgb(30, 70, 220);
    pub const LAVA: Rgb = Rgb(255, 90, 20);
    pub const TRAP: Rgb = Rgb(230, 60, 230);
    pub const PIT: Rgb = Rgb(150, 110, 200);
    pub const BRIDGE: Rgb = Rgb(170, 120, 60);
    pub const TREE: Rgb = Rgb(40, 180, 60);
    pub const STATION: Rgb = Rgb(255, 170, 40);
    pub const REMEMBERED: Rgb = Rgb(75, 75, 90);
    pub const TEXT: Rgb = Rgb(210, 210, 210);
    pub const DIM: Rgb = Rgb(130, 130, 140);
    pub const GOOD: Rgb = Rgb(110, 230, 110);
    pub const BAD: Rgb = Rgb(255, 110, 90);
    pub const IMPORTANT: Rgb = Rgb(255, 230, 90);
    pub const HP: Rgb = Rgb(230, 60, 60);
    pub const XP: Rgb = Rgb(90, 160, 255);
    pub const MANA: Rgb = Rgb(180, 110, 255);
    pub const TITLE: Rgb = Rgb(255, 200, 100);
}

/// The glyph of a map tile.
pub fn tile_glyph(t: Tile) -> char {
    match t {
        Tile::Wall => '#',
        Tile::Floor => '.',
        Tile::Door => '+',
        Tile::OpenDoor => '\'',
        Tile::StairsDown => '>',
        Tile::StairsUp => '<',
        Tile::SecretDoor => '#',
        Tile::ShallowWater | Tile::DeepWater | Tile::Lava => '~',
        Tile::Trap => '.',
        Tile::KnownTrap => '^',
        Tile::Pit => ':',
        Tile::Bridge => '=',
        // Not a letter: letters are monsters.
        Tile::Tree => '♣',
        // Free among tiles and items: a work surface.
        Tile::Station => '_',
    }
}

/// The colour of a tile in sight: walls, floors and doors in the genre's
/// colours when the frame has them. With only 16 colours the dim grey floor
/// would equal remembered floor, so it is drawn light grey instead.
fn tile_color(t: Tile, pal: &Palette, genre: Option<&GenrePalette>) -> Rgb {
    match t {
        Tile::Wall | Tile::SecretDoor => genre.map_or(theme::WALL, |g| g.wall),
        Tile::Floor | Tile::Trap if pal.depth == ColorDepth::Ansi16 => theme::TEXT,
        Tile::Floor | Tile::Trap => genre.map_or(theme::FLOOR, |g| g.floor),
        Tile::ShallowWater => theme::SHALLOW_WATER,
        Tile::DeepWater => theme::DEEP_WATER,
        Tile::Lava => theme::LAVA,
        Tile::KnownTrap => theme::TRAP,
        Tile::Pit => theme::PIT,
        Tile::Bridge => theme::BRIDGE,
        Tile::Tree => theme::TREE,
        Tile::Station => theme::STATION,
        Tile::Door | Tile::OpenDoor => genre.map_or(theme::DOOR, |g| g.door),
        Tile::StairsDown | Tile::StairsUp => theme::STAIRS,
    }
}

/// Paints the whole frame, or a "too small" notice.
pub fn draw(buf: &mut Buffer, area: Rect, frame: &Frame, pal: &Palette) {
    let Some(layout) = Layout::new(area) else {
        draw_too_small(buf, area, pal);
        return;
    };
    draw_map(buf, layout.map, frame, pal);
    panel::draw(buf, layout.panel, &frame.hud, pal);
    draw_log(buf, layout.log, &frame.log, frame.hud.tick, pal);
    if let Some(o) = &frame.overlay {
        draw_overlay(buf, area, o, pal);
    }
}

pub(super) fn fg(pal: &Palette, rgb: Rgb) -> Style {
    Style::default().fg(pal.color(rgb))
}

fn draw_too_small(buf: &mut Buffer, area: Rect, pal: &Palette) {
    let lines = [
        "Venture needs a bigger terminal.".to_owned(),
        format!("This one is {}x{};", area.width, area.height),
        format!("it needs at least {MIN_WIDTH}x{MIN_HEIGHT}."),
        "Enlarge the window, or press q to quit.".to_owned(),
    ];
    let top = area.y + area.height.saturating_sub(lines.len() as u16) / 2;
    for (i, line) in lines.iter().enumerate() {
        let y = top + i as u16;
        if y >= area.y + area.height {
            break;
        }
        let x = area.x + area.width.saturating_sub(line.len() as u16) / 2;
        buf.set_stringn(x, y, line, usize::from(area.width), fg(pal, theme::TEXT));
    }
}

/// The glyph and style of one map cell: actor over item over tile.
fn cell_look(cell: &Cell, pal: &Palette, genre: Option<&GenrePalette>) -> Option<(char, Style)> {
    if let Some(a) = cell.actor {
        let strong = matches!(
            a.kind,
            GlyphKind::Hero(_) | GlyphKind::Monster { boss: true, .. }
        );
        let style = fg(pal, a.color);
        return Some((
            a.ch,
            if strong {
                style.add_modifier(Modifier::BOLD)
            } else {
                style
            },
        ));
    }
    if let Some(i) = cell.item {
        return Some(if cell.visible {
            (i.ch, fg(pal, i.color))
        } else {
            (i.ch, remembered(pal))
        });
    }
    let t = cell.tile?;
    Some(if cell.visible {
        (tile_glyph(t), fg(pal, tile_color(t, pal, genre)))
    } else {
        (tile_glyph(t), remembered(pal))
    })
}

fn remembered(pal: &Palette) -> Style {
    fg(pal, theme::REMEMBERED).add_modifier(Modifier::DIM)
}

fn draw_map(buf: &mut Buffer, area: Rect, frame: &Frame, pal: &Palette) {
    let map = &frame.map;
    for y in 0..area.height {
        for x in 0..area.width {
            let Some(c) = buf.cell_mut((area.x + x, area.y + y)) else {
                continue;
            };
            match map
                .cell(i32::from(x), i32::from(y))
                .and_then(|cell| cell_look(cell, pal, map.palette.as_ref()))
            {
                Some((ch, style)) => c.set_char(ch).set_style(style),
                None => c.set_char(' ').set_style(Style::default()),
            };
        }
    }
}

pub(super) fn tone_style(pal: &Palette, tone: Tone) -> Style {
    match tone {
        Tone::Normal => fg(pal, theme::TEXT),
        Tone::Good => fg(pal, theme::GOOD),
        Tone::Bad => fg(pal, theme::BAD),
        Tone::Important => fg(pal, theme::IMPORTANT).add_modifier(Modifier::BOLD),
    }
}

/// Messages older than this many ticks are drawn dimmer.
const FRESH_TICKS: u64 = 60;

fn log_text(line: &LogLine) -> String {
    if line.repeats > 1 {
        format!("{} (x{})", line.text, line.repeats)
    } else {
        line.text.clone()
    }
}

fn draw_log(buf: &mut Buffer, area: Rect, log: &[LogLine], now: u64, pal: &Palette) {
    if area.height == 0 {
        return;
    }
    let rule = format!("{:-<w$}", "- m: all messages ", w = usize::from(area.width));
    buf.set_string(area.x, area.y, &rule, fg(pal, theme::REMEMBERED));
    // The newest messages, wrapped to the width, filling the rows from the
    // bottom up.
    let rows = usize::from(area.height - 1);
    let width = usize::from(area.width);
    let mut shown: Vec<(String, Style)> = Vec::with_capacity(rows);
    for line in log.iter().rev() {
        if shown.len() >= rows {
            break;
        }
        let style = if now.saturating_sub(line.tick) > FRESH_TICKS && line.tone != Tone::Important {
            fg(pal, theme::DIM)
        } else {
            tone_style(pal, line.tone)
        };
        for part in wrap(&log_text(line), width).into_iter().rev() {
            shown.push((part, style));
        }
    }
    let skip = shown.len().saturating_sub(rows);
    for (i, (text, style)) in shown.into_iter().rev().skip(skip).enumerate() {
        buf.set_stringn(area.x, area.y + 1 + i as u16, text, width, style);
    }
}

/// Splits `text` into lines of at most `width` characters, at spaces where
/// possible (a word longer than a line is cut). Leading spaces indent every
/// line it makes.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let body = text.trim_start_matches(' ');
    let indent = text.len() - body.len();
    if indent == 0 || indent >= width {
        return wrap_words(text, width);
    }
    wrap_words(body, width - indent)
        .into_iter()
        .map(|l| format!("{:indent$}{l}", ""))
        .collect()
}

fn wrap_words(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let mut word = word.to_owned();
        loop {
            let need = if line.is_empty() {
                word.chars().count()
            } else {
                line.chars().count() + 1 + word.chars().count()
            };
            if need <= width {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(&word);
                break;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                continue;
            }
            // A single word wider than the line.
            let head: String = word.chars().take(width).collect();
            word = word.chars().skip(width).collect();
            lines.push(head);
            if word.is_empty() {
                break;
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn draw_overlay(buf: &mut Buffer, area: Rect, o: &Overlay, pal: &Palette) {
    // A history takes the full width; other boxes fit their text.
    let widest = if o.tail {
        usize::from(area.width)
    } else {
        o.lines
            .iter()
            .map(|l| l.text.len())
            .chain([o.title.len() + 4, o.footer.len()])
            .max()
            .unwrap_or(0)
    };
    let w = (widest as u16 + 4).min(area.width);
    let inner_w = usize::from(w.saturating_sub(4));
    let lines: Vec<(String, Style)> = o
        .lines
        .iter()
        .flat_map(|l| {
            let style = l.color.map_or(tone_style(pal, l.tone), |c| fg(pal, c));
            wrap(&l.text, inner_w).into_iter().map(move |t| (t, style))
        })
        .collect();
    let h = (lines.len() as u16 + 4).min(area.height);
    let x0 = area.x + (area.width - w) / 2;
    let y0 = area.y + (area.height - h) / 2;
    let border = fg(pal, theme::TITLE);
    let blank = Style::default().bg(Color::Reset);
    // Clear the whole band behind the box, so no half-covered panel or log
    // text peeks out beside it.
    for y in y0..y0 + h {
        for x in area.x..area.x + area.width {
            if let Some(c) = buf.cell_mut((x, y)) {
                c.set_char(' ').set_style(blank);
            }
        }
    }
    for y in y0..y0 + h {
        for x in x0..x0 + w {
            let edge_x = x == x0 || x == x0 + w - 1;
            let edge_y = y == y0 || y == y0 + h - 1;
            let ch = match (edge_x, edge_y) {
                (true, true) => '+',
                (false, true) => '-',
                (true, false) => '|',
                (false, false) => ' ',
            };
            if let Some(c) = buf.cell_mut((x, y)) {
                c.set_char(ch)
                    .set_style(if ch == ' ' { blank } else { border });
            }
        }
    }
    let title = format!(" {} ", o.title);
    buf.set_stringn(
        x0 + 2,
        y0,
        &title,
        inner_w,
        border.add_modifier(Modifier::BOLD),
    );
    let rows = usize::from(h.saturating_sub(4));
    // A history shows its newest lines when they do not all fit.
    let first = if o.tail {
        lines.len().saturating_sub(rows)
    } else {
        0
    };
    for (i, (text, style)) in lines.iter().skip(first).take(rows).enumerate() {
        let y = y0 + 2 + i as u16;
        buf.set_stringn(x0 + 2, y, text, inner_w, *style);
    }
    let footer_x = x0 + w.saturating_sub(o.footer.len() as u16 + 2);
    buf.set_stringn(
        footer_x.max(x0 + 1),
        y0 + h - 1,
        &o.footer,
        inner_w + 2,
        fg(pal, theme::DIM),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_at_spaces_and_cuts_long_words() {
        assert_eq!(wrap("a bb ccc", 4), vec!["a bb", "ccc"]);
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("", 4), vec![""]);
        assert_eq!(wrap("one two", 80), vec!["one two"]);
        assert_eq!(wrap("  a bb ccc", 6), vec!["  a bb", "  ccc"]);
    }

    #[test]
    fn layout_needs_the_minimum_and_splits_the_rest() {
        assert_eq!(Layout::new(Rect::new(0, 0, 79, 24)), None);
        assert_eq!(Layout::new(Rect::new(0, 0, 80, 23)), None);
        let l = Layout::new(Rect::new(0, 0, 80, 24)).expect("fits");
        assert_eq!((l.map.width, l.map.height), (56, 19));
        assert_eq!((l.log.y, l.log.height), (19, 5));
        let big = Layout::new(Rect::new(0, 0, 200, 60)).expect("fits");
        assert_eq!(
            (big.map.width, big.panel.width, big.log.height),
            (166, 34, 12)
        );
    }
}

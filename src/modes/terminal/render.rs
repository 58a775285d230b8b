//! Paints a [`Frame`] into a ratatui buffer: the map on the left, the side
//! panel on the right, the message log along the bottom and any overlay on
//! top. Pure (buffer in, buffer out), so tests render onto a `TestBackend`.
//!
//! Only ASCII is drawn, so every character is one column wide in every
//! terminal and font.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

use super::palette::Palette;
use crate::schema::Rgb;
use crate::sim::Tile;
use crate::view::{Cell, Frame, GlyphKind, Hud, LogLine, Overlay, Tone};

/// The smallest terminal the game is laid out for.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;
/// Columns of the side panel, separator included.
pub const PANEL_WIDTH: u16 = 24;

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
        // Taller terminals get a taller log (a fifth of the height, at least 5 rows).
        let log_h = (area.height / 5).max(5);
        let top_h = area.height - log_h;
        Some(Layout {
            map: Rect::new(area.x, area.y, area.width - PANEL_WIDTH, top_h),
            panel: Rect::new(
                area.x + area.width - PANEL_WIDTH,
                area.y,
                PANEL_WIDTH,
                top_h,
            ),
            log: Rect::new(area.x, area.y + top_h, area.width, log_h),
        })
    }
}

/// Game colours that are not in any schema.
mod theme {
    use crate::schema::Rgb;
    pub const WALL: Rgb = Rgb(205, 195, 175);
    pub const FLOOR: Rgb = Rgb(120, 120, 135);
    pub const DOOR: Rgb = Rgb(210, 150, 70);
    pub const STAIRS: Rgb = Rgb(255, 255, 120);
    pub const REMEMBERED: Rgb = Rgb(75, 75, 90);
    pub const TEXT: Rgb = Rgb(210, 210, 210);
    pub const DIM: Rgb = Rgb(130, 130, 140);
    pub const GOOD: Rgb = Rgb(110, 230, 110);
    pub const BAD: Rgb = Rgb(255, 110, 90);
    pub const IMPORTANT: Rgb = Rgb(255, 230, 90);
    pub const HP: Rgb = Rgb(230, 60, 60);
    pub const XP: Rgb = Rgb(90, 160, 255);
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
    }
}

fn tile_color(t: Tile) -> Rgb {
    match t {
        Tile::Wall => theme::WALL,
        Tile::Floor => theme::FLOOR,
        Tile::Door | Tile::OpenDoor => theme::DOOR,
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
    draw_panel(buf, layout.panel, &frame.hud, pal);
    draw_log(buf, layout.log, &frame.log, frame.hud.tick, pal);
    if let Some(o) = &frame.overlay {
        draw_overlay(buf, area, o, pal);
    }
}

fn fg(pal: &Palette, rgb: Rgb) -> Style {
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

/// The glyph and colour of one map cell: actor over item over tile.
fn cell_look(cell: &Cell) -> Option<(char, Rgb, bool)> {
    if let Some(a) = cell.actor {
        let hero = matches!(a.kind, GlyphKind::Hero(_));
        let boss = matches!(a.kind, GlyphKind::Monster { boss: true, .. });
        return Some((a.ch, a.color, hero || boss));
    }
    if let Some(i) = cell.item {
        return Some((i.ch, i.color, false));
    }
    let t = cell.tile?;
    let color = if cell.visible {
        tile_color(t)
    } else {
        theme::REMEMBERED
    };
    Some((tile_glyph(t), color, false))
}

fn draw_map(buf: &mut Buffer, area: Rect, frame: &Frame, pal: &Palette) {
    let map = &frame.map;
    for y in 0..area.height {
        for x in 0..area.width {
            let Some(c) = buf.cell_mut((area.x + x, area.y + y)) else {
                continue;
            };
            match map.cell(i32::from(x), i32::from(y)).and_then(cell_look) {
                Some((ch, rgb, bold)) => {
                    let mut style = fg(pal, rgb);
                    if bold {
                        style = style.add_modifier(Modifier::BOLD);
                    }
                    c.set_char(ch).set_style(style);
                }
                None => {
                    c.set_char(' ').set_style(Style::default());
                }
            }
        }
    }
}

/// A bar of `width` cells filled in proportion to `value / max`.
fn bar(value: i64, max: i64, width: usize) -> (String, String) {
    let filled = if max <= 0 {
        0
    } else {
        (value.clamp(0, max) * width as i64 / max) as usize
    };
    ("=".repeat(filled), "-".repeat(width - filled))
}

struct PanelWriter<'a> {
    buf: &'a mut Buffer,
    area: Rect,
    row: u16,
}

impl PanelWriter<'_> {
    /// Writes spans on the next row, clipped to the panel.
    fn line(&mut self, spans: &[(&str, Style)]) {
        if self.row >= self.area.height {
            return;
        }
        let y = self.area.y + self.row;
        let mut x = self.area.x;
        let end = self.area.x + self.area.width;
        for (text, style) in spans {
            if x >= end {
                break;
            }
            let (nx, _) = self
                .buf
                .set_stringn(x, y, text, usize::from(end - x), *style);
            x = nx;
        }
        self.row += 1;
    }

    fn rows_left(&self) -> u16 {
        self.area.height.saturating_sub(self.row)
    }
}

fn draw_panel(buf: &mut Buffer, area: Rect, hud: &Hud, pal: &Palette) {
    // The separator between map and panel.
    for y in area.y..area.y + area.height {
        buf.set_string(area.x, y, "|", fg(pal, theme::REMEMBERED));
    }
    let inner = Rect::new(
        area.x + 2,
        area.y,
        area.width.saturating_sub(2),
        area.height,
    );
    let text = fg(pal, theme::TEXT);
    let dim = fg(pal, theme::DIM);
    let mut w = PanelWriter {
        buf,
        area: inner,
        row: 0,
    };
    let title = fg(pal, theme::TITLE).add_modifier(Modifier::BOLD);
    w.line(&[(&hud.name, title), (&format!("  Lv {}", hud.level), text)]);
    w.line(&[(&format!("Depth {}/{}", hud.depth, hud.max_depth), text)]);
    w.line(&[("Seed ", dim), (&hud.seed.to_string(), dim)]);
    let bar_w = usize::from(inner.width).saturating_sub(3).min(20);
    let (full, empty) = bar(i64::from(hud.hp), i64::from(hud.max_hp), bar_w);
    w.line(&[
        ("HP ", text),
        (&full, fg(pal, theme::HP)),
        (&empty, fg(pal, theme::REMEMBERED)),
    ]);
    w.line(&[(&format!("   {}/{}", hud.hp, hud.max_hp), text)]);
    let span = hud.xp_next_level - hud.xp_level_start;
    let (full, empty) = bar(hud.xp - hud.xp_level_start, span, bar_w);
    w.line(&[
        ("XP ", text),
        (&full, fg(pal, theme::XP)),
        (&empty, fg(pal, theme::REMEMBERED)),
    ]);
    w.line(&[(&format!("   {}/{}", hud.xp, hud.xp_next_level), text)]);
    w.line(&[(
        &format!(
            "Dmg {}-{} Def {} Ev {}",
            hud.damage.0, hud.damage.1, hud.defense, hud.evasion
        ),
        text,
    )]);
    w.line(&[(&format!("Gold {}  Kills {}", hud.gold, hud.kills), text)]);
    w.line(&[
        ("W ", dim),
        (hud.weapon.as_deref().unwrap_or("bare hands"), text),
    ]);
    w.line(&[
        ("A ", dim),
        (hud.armor.as_deref().unwrap_or("no armour"), text),
    ]);
    if !hud.statuses.is_empty() {
        let names: Vec<&str> = hud.statuses.iter().map(|s| s.name()).collect();
        w.line(&[(&names.join(", "), fg(pal, theme::IMPORTANT))]);
    }
    // The bottom two rows tell what is underfoot; monsters in sight fill
    // what is left in between.
    let footer = footer_lines(hud);
    if !hud.nearby.is_empty() && w.rows_left() > footer.len() as u16 + 1 {
        w.line(&[("In sight:", dim)]);
        let room = w.rows_left().saturating_sub(footer.len() as u16);
        for m in hud.nearby.iter().take(usize::from(room)) {
            let (full, empty) = bar(i64::from(m.hp_percent), 100, 5);
            let tag = if m.fleeing {
                " (fleeing)"
            } else if m.boss {
                " (boss)"
            } else {
                ""
            };
            let glyph = m.glyph.to_string();
            w.line(&[
                (&glyph, fg(pal, m.color)),
                (" ", text),
                (&full, fg(pal, theme::HP)),
                (&empty, fg(pal, theme::REMEMBERED)),
                (" ", text),
                (&format!("{}{tag}", m.name), text),
            ]);
        }
    }
    w.row = w.area.height.saturating_sub(footer.len() as u16).max(w.row);
    for (line, tone) in footer {
        w.line(&[(&line, tone_style(pal, tone))]);
    }
}

/// "Here: ..." and stairs hints for the bottom of the panel.
fn footer_lines(hud: &Hud) -> Vec<(String, Tone)> {
    let mut out = Vec::new();
    match hud.on_stairs {
        Some(Tile::StairsDown) => out.push(("Stairs down: press >".to_owned(), Tone::Important)),
        Some(Tile::StairsUp) => out.push(("Stairs up: press <".to_owned(), Tone::Important)),
        _ => {}
    }
    match hud.underfoot.len() {
        0 => {}
        1 => out.push((format!("Here: {}", hud.underfoot[0]), Tone::Good)),
        n => out.push((format!("Here: {n} things (g)"), Tone::Good)),
    }
    out
}

fn tone_style(pal: &Palette, tone: Tone) -> Style {
    match tone {
        Tone::Normal => fg(pal, theme::TEXT),
        Tone::Good => fg(pal, theme::GOOD),
        Tone::Bad => fg(pal, theme::BAD),
        Tone::Important => fg(pal, theme::IMPORTANT).add_modifier(Modifier::BOLD),
    }
}

/// Messages older than this many ticks are drawn dimmer.
const FRESH_TICKS: u64 = 60;

fn draw_log(buf: &mut Buffer, area: Rect, log: &[LogLine], now: u64, pal: &Palette) {
    if area.height == 0 {
        return;
    }
    let rule = "-".repeat(usize::from(area.width));
    buf.set_string(area.x, area.y, &rule, fg(pal, theme::REMEMBERED));
    let rows = usize::from(area.height - 1);
    let start = log.len().saturating_sub(rows);
    for (i, line) in log[start..].iter().enumerate() {
        let y = area.y + 1 + i as u16;
        let text = if line.repeats > 1 {
            format!("{} (x{})", line.text, line.repeats)
        } else {
            line.text.clone()
        };
        let style = if now.saturating_sub(line.tick) > FRESH_TICKS && line.tone != Tone::Important {
            fg(pal, theme::DIM)
        } else {
            tone_style(pal, line.tone)
        };
        buf.set_stringn(area.x, y, &text, usize::from(area.width), style);
    }
}

fn draw_overlay(buf: &mut Buffer, area: Rect, o: &Overlay, pal: &Palette) {
    let widest = o
        .lines
        .iter()
        .map(|l| l.text.len())
        .chain([o.title.len() + 4, o.footer.len()])
        .max()
        .unwrap_or(0);
    let w = (widest as u16 + 4).min(area.width);
    let h = (o.lines.len() as u16 + 4).min(area.height);
    let x0 = area.x + (area.width - w) / 2;
    let y0 = area.y + (area.height - h) / 2;
    let border = fg(pal, theme::TITLE);
    let blank = Style::default().bg(Color::Reset);
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
    let inner_w = usize::from(w.saturating_sub(4));
    let title = format!(" {} ", o.title);
    buf.set_stringn(
        x0 + 2,
        y0,
        &title,
        inner_w,
        border.add_modifier(Modifier::BOLD),
    );
    for (i, line) in o.lines.iter().enumerate() {
        let y = y0 + 2 + i as u16;
        if y + 2 > y0 + h {
            break;
        }
        buf.set_stringn(x0 + 2, y, &line.text, inner_w, tone_style(pal, line.tone));
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
    fn layout_needs_the_minimum_and_splits_the_rest() {
        assert_eq!(Layout::new(Rect::new(0, 0, 79, 24)), None);
        assert_eq!(Layout::new(Rect::new(0, 0, 80, 23)), None);
        let l = Layout::new(Rect::new(0, 0, 80, 24)).expect("fits");
        assert_eq!((l.map.width, l.map.height), (56, 19));
        assert_eq!((l.log.y, l.log.height), (19, 5));
        let big = Layout::new(Rect::new(0, 0, 200, 60)).expect("fits");
        assert_eq!((big.map.width, big.log.height), (176, 12));
    }

    #[test]
    fn bars_fill_in_proportion() {
        assert_eq!(bar(5, 10, 10).0.len(), 5);
        assert_eq!(bar(15, 10, 10).0.len(), 10);
        assert_eq!(bar(-3, 10, 10).0.len(), 0);
        assert_eq!(bar(1, 0, 4), (String::new(), "----".into()));
    }
}

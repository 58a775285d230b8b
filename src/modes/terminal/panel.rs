//! The side panel: who the hero is, health and experience, depth and seed,
//! gear, statuses, the monsters in sight, and what lies underfoot.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

use super::palette::Palette;
use super::render::{fg, theme, tone_style};
use crate::sim::Tile;
use crate::view::{Hud, Tone};

/// Writes rows of styled spans, clipped to the panel.
struct Rows<'a> {
    buf: &'a mut Buffer,
    area: Rect,
    row: u16,
}

impl Rows<'_> {
    fn line(&mut self, spans: &[(&str, Style)]) {
        if self.row >= self.area.height {
            return;
        }
        let y = self.area.y + self.row;
        let end = self.area.x + self.area.width;
        let mut x = self.area.x;
        for (text, style) in spans {
            if x >= end {
                break;
            }
            x = self
                .buf
                .set_stringn(x, y, text, usize::from(end - x), *style)
                .0;
        }
        self.row += 1;
    }

    fn left(&self) -> u16 {
        self.area.height.saturating_sub(self.row)
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

/// `text` cut to `width` characters, ending in ".." when something was cut.
fn fit(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_owned();
    }
    let kept: String = text.chars().take(width.saturating_sub(2)).collect();
    format!("{kept}{}", &".."[..2.min(width)])
}

pub fn draw(buf: &mut Buffer, area: Rect, hud: &Hud, pal: &Palette) {
    for y in area.y..area.y + area.height {
        buf.set_string(area.x, y, "|", fg(pal, theme::REMEMBERED));
    }
    let inner = Rect::new(
        area.x + 2,
        area.y,
        area.width.saturating_sub(2),
        area.height,
    );
    let width = usize::from(inner.width);
    let (text, dim) = (fg(pal, theme::TEXT), fg(pal, theme::DIM));
    let mut w = Rows {
        buf,
        area: inner,
        row: 0,
    };

    let level = format!(" Lv {}", hud.level);
    let name = fit(&hud.name, width.saturating_sub(level.len()));
    w.line(&[
        (&name, fg(pal, theme::TITLE).add_modifier(Modifier::BOLD)),
        (&level, text),
    ]);
    let pace = if hud.turn_based { " turn-based" } else { "" };
    w.line(&[
        (&format!("Depth {}/{}", hud.depth, hud.max_depth), text),
        (pace, dim),
    ]);
    // A 20-digit seed does not fit after its label: give it its own row.
    let seed = hud.seed.to_string();
    if seed.len() + 5 <= width {
        w.line(&[("Seed ", dim), (&seed, dim)]);
    } else {
        w.line(&[("Seed", dim)]);
        w.line(&[(&seed, dim)]);
    }
    let calling = match &hud.class {
        Some(class) => format!("{} {class}", hud.genre),
        None => hud.genre.clone(),
    };
    w.line(&[(&fit(&calling, width), dim)]);
    meter(
        &mut w,
        pal,
        "HP ",
        i64::from(hud.hp),
        i64::from(hud.max_hp),
        theme::HP,
    );
    meter(
        &mut w,
        pal,
        "MP ",
        i64::from(hud.magic.mana),
        i64::from(hud.magic.max_mana),
        theme::MANA,
    );
    meter(&mut w, pal, "XP ", hud.xp, hud.xp_next_level, theme::XP);
    w.line(&[(
        &format!(
            "Dmg {}-{} Def {} Ev {}",
            hud.damage.0, hud.damage.1, hud.defense, hud.evasion
        ),
        text,
    )]);
    w.line(&[(&fit(&gear_stats(hud), width), text)]);
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

    if hud
        .skills
        .iter()
        .any(|s| !s.learned && s.requires.is_none() && s.affordable)
    {
        let points = format!("{} skill pt: press c", hud.skill_points);
        w.line(&[(&fit(&points, width), fg(pal, theme::IMPORTANT))]);
    }

    // This level's first open quest, and how many more.
    let open: Vec<_> = hud
        .quests
        .iter()
        .filter(|q| q.active && q.depth == hud.depth)
        .collect();
    if let Some(q) = open.first() {
        let more = if open.len() > 1 {
            format!(" +{}", open.len() - 1)
        } else {
            String::new()
        };
        w.line(&[("Q ", dim), (&fit(&q.title, width.saturating_sub(2)), text)]);
        w.line(&[
            ("  ", dim),
            (
                &fit(&format!("{}{more}", q.progress), width.saturating_sub(2)),
                dim,
            ),
        ]);
    }

    // The bottom rows tell what is underfoot; monsters in sight fill what is
    // left in between.
    let footer = footer_lines(hud);
    if !hud.nearby.is_empty() && w.left() > footer.len() as u16 + 1 {
        w.line(&[("In sight:", dim)]);
        let room = w.left().saturating_sub(footer.len() as u16);
        for m in hud.nearby.iter().take(usize::from(room)) {
            let (full, empty) = bar(i64::from(m.hp_percent), 100, 4);
            let tag = if m.fleeing { " flees" } else { "" };
            let name_style = if m.boss {
                fg(pal, theme::IMPORTANT)
            } else {
                text
            };
            let name = fit(&m.name, width.saturating_sub(7 + tag.len()));
            w.line(&[
                (&m.glyph.to_string(), fg(pal, m.color)),
                (" ", text),
                (&full, fg(pal, theme::HP)),
                (&empty, fg(pal, theme::REMEMBERED)),
                (" ", text),
                (&name, name_style),
                (tag, dim),
            ]);
        }
    }
    w.row = w.area.height.saturating_sub(footer.len() as u16).max(w.row);
    for (line, tone) in footer {
        w.line(&[(&fit(&line, width), tone_style(pal, tone))]);
    }
}

/// "HP 34/56 =====---": numbers first so they are never cut, then a bar
/// in the space left.
fn meter(
    w: &mut Rows,
    pal: &Palette,
    label: &str,
    value: i64,
    max: i64,
    color: crate::schema::Rgb,
) {
    let numbers = format!("{label}{value}/{max} ");
    let room = usize::from(w.area.width).saturating_sub(numbers.len());
    let (full, empty) = bar(value, max, room);
    w.line(&[
        (&numbers, fg(pal, theme::TEXT)),
        (&full, fg(pal, color)),
        (&empty, fg(pal, theme::REMEMBERED)),
    ]);
}

/// "Acc 16 Crit 5 Spd 250" (crit in percent; it fits the narrowest panel):
/// the stats gear changes beyond damage and defence, with health drained
/// per hit when gear gives any.
fn gear_stats(hud: &Hud) -> String {
    let mut s = format!("Acc {} Crit {} Spd {}", hud.accuracy, hud.crit, hud.speed);
    if hud.life_on_hit > 0 {
        s.push_str(&format!(" Drain {}", hud.life_on_hit));
    }
    s
}

/// Stairs and "Here: ..." hints for the bottom of the panel.
fn footer_lines(hud: &Hud) -> Vec<(String, Tone)> {
    let mut out = Vec::new();
    match hud.on_stairs {
        Some(Tile::StairsDown) => out.push(("Stairs down: press >".to_owned(), Tone::Important)),
        Some(Tile::StairsUp) => out.push(("Stairs up: press <".to_owned(), Tone::Important)),
        _ => {}
    }
    if let Some(station) = &hud.crafting.station {
        out.push((format!("At a {station}: press C"), Tone::Important));
    }
    match hud.underfoot.as_slice() {
        [] => {}
        [one] => out.push((format!("Here: {one}"), Tone::Good)),
        many => out.push((format!("Here: {} things (g)", many.len()), Tone::Good)),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_fill_in_proportion() {
        assert_eq!(bar(5, 10, 10).0.len(), 5);
        assert_eq!(bar(15, 10, 10).0.len(), 10);
        assert_eq!(bar(-3, 10, 10).0.len(), 0);
        assert_eq!(bar(1, 0, 4), (String::new(), "----".into()));
    }

    #[test]
    fn gear_stats_name_accuracy_crit_speed_and_drain() {
        let mut hud = Hud {
            accuracy: 16,
            crit: 5,
            speed: 250,
            ..Default::default()
        };
        assert_eq!(gear_stats(&hud), "Acc 16 Crit 5 Spd 250");
        hud.life_on_hit = 2;
        assert_eq!(gear_stats(&hud), "Acc 16 Crit 5 Spd 250 Drain 2");
    }

    #[test]
    fn text_is_cut_to_fit() {
        assert_eq!(fit("Bartholomew", 6), "Bart..");
        assert_eq!(fit("Al", 4), "Al");
        assert_eq!(fit("Alfred", 1), ".");
    }
}

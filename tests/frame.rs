//! The first frame of a fixed seed, drawn at 80x24 onto ratatui's
//! `TestBackend`: map, side panel and log where a player expects them.
//! The expected screen below is the reviewed snapshot; a change to
//! generation or layout shows up here as a readable diff.

use std::sync::Arc;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use venture::modes::app::{App, Pace};
use venture::modes::input::Key;
use venture::modes::terminal::palette::{ColorDepth, Palette};
use venture::modes::terminal::render::{self, Layout};
use venture::schema::load_defaults;

fn screen(app: &mut App, width: u16, height: u16) -> Vec<String> {
    let mut term = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    let area = ratatui::layout::Rect::new(0, 0, width, height);
    let (mw, mh) = Layout::new(area).map_or((0, 0), |l| {
        (i32::from(l.map.width), i32::from(l.map.height))
    });
    let frame = app.frame(mw, mh);
    let pal = Palette::new(ColorDepth::Ansi256);
    term.draw(|f| {
        let area = f.area();
        render::draw(f.buffer_mut(), area, &frame, &pal);
    })
    .expect("draw");
    let buf = term.backend().buffer();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buf[(x, y)].symbol().to_owned())
                .collect::<String>()
        })
        .collect()
}

/// The default schemas, pinned to one genre so that adding content to
/// other genres does not move this snapshot.
fn fantasy() -> Arc<venture::schema::Content> {
    let content = load_defaults().expect("default schemas load");
    let choice = content
        .parse_choice(Some("fantasy"), None)
        .expect("fantasy is a genre");
    Arc::new(content.with_choice(choice))
}

fn app() -> App {
    App::new(42, fantasy(), "Adventurer", Pace::RealTime)
}

#[rustfmt::skip]
const FIRST_FRAME: &[&str] = &[
    "                                                        | Adventurer Lv 1       ",
    "                         #######                        | Depth 1/10            ",
    "                         #.....#                        | Seed 42               ",
    "                         #.....#                        | Fantasy               ",
    "                         #.[...#                        | HP 50/50 =============",
    "                         #.....#####                    | MP 20/20 =============",
    "                    ######.........                     | XP 0/20 --------------",
    "                    #.......@..#                        | Dmg 3-6 Def 1 Ev 10   ",
    "                    # ####.....#                        | Acc 15 Crit 10 Spd 250",
    "                        .......#                        | Gold 0  Kills 0       ",
    "                       ###.....#                        | W dagger              ",
    "                         #.....#                        | A no armour           ",
    "                         #.....#                        | Q Break the rat king  ",
    "                         #######                        |   to slay +1          ",
    "                                                        |                       ",
    "                                                        |                       ",
    "                                                        |                       ",
    "                                                        |                       ",
    "                                                        |                       ",
    "- m: all messages --------------------------------------------------------------",
    "Torchlight flickers on old stone. Somewhere below, a dragon stirs.              ",
    "Welcome to the Sunken Keep, Adventurer! Find the stairs down (>) and beware.    ",
    "Press Q for this level's quests, ? for help.                                    ",
    "                                                                                ",
];

#[test]
fn first_frame_of_seed_42_at_80x24() {
    let lines = screen(&mut app(), 80, 24);
    let expected: Vec<String> = FIRST_FRAME.iter().map(|s| s.to_string()).collect();
    assert_eq!(lines, expected, "\nactual screen:\n{}", lines.join("\n"));
}

/// Where the hero is on screen, by scanning for `@` in the map area.
fn hero_on_screen(lines: &[String]) -> Option<(usize, usize)> {
    lines
        .iter()
        .take(19)
        .enumerate()
        .find_map(|(y, l)| l.chars().take(56).position(|c| c == '@').map(|x| (x, y)))
}

#[test]
fn walking_moves_the_hero_on_screen() {
    let mut app = app();
    let before = hero_on_screen(&screen(&mut app, 80, 24)).expect("hero on screen");
    app.handle(Key::Left);
    for _ in 0..8 {
        app.tick();
    }
    let after = hero_on_screen(&screen(&mut app, 80, 24)).expect("hero on screen");
    assert_eq!(after, (before.0 - 1, before.1));
}

#[test]
fn help_opens_over_the_map_and_closes_on_any_key() {
    let mut app = app();
    app.handle(Key::Char('?'));
    assert!(app.paused());
    let lines = screen(&mut app, 80, 24);
    assert!(
        lines.iter().any(|l| l.contains("Help")),
        "{}",
        lines.join("\n")
    );
    assert!(lines.iter().any(|l| l.contains("pick up what lies here")));
    app.handle(Key::Char('x'));
    assert!(!app.paused());
    assert!(
        !screen(&mut app, 80, 24)
            .iter()
            .any(|l| l.contains("pick up what lies here"))
    );
}

#[test]
fn quitting_asks_first() {
    let mut app = app();
    app.handle(Key::Char('q'));
    assert!(!app.should_quit());
    assert!(
        screen(&mut app, 80, 24)
            .iter()
            .any(|l| l.contains("Really quit?"))
    );
    app.handle(Key::Char('n'));
    assert!(!app.should_quit());
    app.handle(Key::Char('q'));
    app.handle(Key::Char('y'));
    assert!(app.should_quit());
}

#[test]
fn a_small_terminal_is_told_what_it_needs() {
    let lines = screen(&mut app(), 60, 20);
    let text = lines.join("\n");
    assert!(text.contains("This one is 60x20"), "{text}");
    assert!(text.contains("at least 80x24"), "{text}");
}

#[test]
fn larger_terminals_show_more_map_and_log() {
    let mut app = app();
    let lines = screen(&mut app, 120, 40);
    assert!(lines[0].contains("| Adventurer"));
    assert_eq!(lines[0].find('|'), Some(120 - 34), "the panel is wider");
    let rule = |l: &String| l.starts_with("- m: all messages ---");
    assert_eq!(lines.iter().filter(|l| rule(l)).count(), 1);
    assert_eq!(lines.iter().position(rule), Some(32), "log is 8 rows tall");
}

#[test]
fn the_whole_help_fits_at_80x24() {
    let mut app = app();
    app.handle(Key::Char('?'));
    let lines = screen(&mut app, 80, 24);
    let text = lines.join("\n");
    for needle in [
        "Help",
        "move diagonally",
        "this help",
        "quit",
        "open door",
        "Goal:",
        "any key to close",
    ] {
        assert!(text.contains(needle), "{needle:?} missing:\n{text}");
    }
}

#[test]
fn dialogs_hide_the_panel_beside_them_and_long_messages_wrap() {
    let mut app = App::new(
        18446744073709551615,
        fantasy(),
        "Bartholomew-the-Unready",
        Pace::RealTime,
    );
    let lines = screen(&mut app, 80, 24);
    let text = lines.join("\n");
    // The welcome wraps onto a second row instead of being cut.
    assert!(text.contains("\nand beware."), "{text}");
    assert!(lines[0].contains("Bartholomew-the.. Lv 1"), "{}", lines[0]);
    app.handle(Key::Char('q'));
    let lines = screen(&mut app, 80, 24);
    let text = lines.join("\n");
    assert!(
        text.contains("start with --seed 18446744073709551615 --genre fantasy to play it again."),
        "{text}"
    );
    // No panel fragments on the rows the dialog occupies.
    for l in lines
        .iter()
        .filter(|l| l.contains('|') && l.contains("Quit?") || l.contains("Really quit"))
    {
        assert_eq!(l.trim_end().chars().last(), Some('|'), "{l}");
    }
}

#[test]
fn walls_take_the_colours_of_the_worlds_genre() {
    let base = load_defaults().expect("default schemas load");
    let wall_color = |genre: &str| {
        let choice = base.parse_choice(Some(genre), None).expect("a genre");
        let mut app = App::new(
            42,
            Arc::new(base.with_choice(choice)),
            "Hero",
            Pace::RealTime,
        );
        let mut term = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
        let frame = app.frame(56, 19);
        let pal = Palette::new(ColorDepth::TrueColor);
        term.draw(|f| {
            let area = f.area();
            render::draw(f.buffer_mut(), area, &frame, &pal);
        })
        .expect("draw");
        let buf = term.backend().buffer().clone();
        (0..24u16)
            .flat_map(|y| (0..56u16).map(move |x| (x, y)))
            .map(|(x, y)| &buf[(x, y)])
            .find(|c| c.symbol() == "#" && c.fg != ratatui::style::Color::Reset)
            .map(|c| c.fg)
            .expect("a wall in sight")
    };
    assert_ne!(wall_color("fantasy"), wall_color("scifi"));
}

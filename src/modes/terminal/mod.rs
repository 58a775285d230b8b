//! Terminal play (ratatui + crossterm): raw mode on the alternate screen,
//! a fixed 20-tick-per-second clock, keys in, frames out.
//!
//! Output goes through a `BufWriter`, frames are drawn only when they
//! change (ratatui then sends only the cells that differ), and nothing is
//! ever printed while the game is on screen: logs go to a file. The terminal
//! is restored on quit, on error and on panic.

pub mod palette;
mod panel;
pub mod render;
mod viewer;

pub use viewer::watch_replay;

use std::io::{self, BufWriter, Stdout};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;

use super::app::{App, Pace};
use super::input::Key;
use crate::replay::{Header, RecordTo};
use crate::schema::Content;
use crate::sim::TICKS_PER_SECOND;
use crate::view::{Frame, Hud};
use palette::{ColorDepth, Palette};
use render::Layout;

type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// How often the game data files are checked for changes (hot reload).
const DATA_CHECK: Duration = Duration::from_secs(1);

/// What a terminal session needs to start.
#[derive(Clone, Debug)]
pub struct TerminalConfig {
    pub seed: u64,
    pub name: String,
    pub pace: Pace,
    /// Record the first world played to this file (`--record`).
    pub record: Option<RecordTo>,
    /// Where the game data came from, watched for hot reload (F6 forces
    /// one); `None` leaves the data as loaded.
    pub data: Option<crate::schema::reload::DataSources>,
    /// Where F5, F9 and autosaves write and read.
    pub saves: crate::save::SaveDir,
    /// A new run, the offer to continue one, or a saved run.
    pub start: super::app::Start,
    /// New runs are played with permadeath.
    pub permadeath: bool,
}

/// Plays until the player quits; returns the final side panel of every run
/// played, for a farewell summary once the terminal is restored.
pub fn run(config: &TerminalConfig, content: Arc<Content>) -> io::Result<Vec<Hud>> {
    let mut app = App::new(config.seed, content, &config.name, config.pace);
    // The recording file is made before the screen is taken, so a path
    // that cannot be written is reported plainly.
    if let Some(to) = &config.record {
        let header = Header::new(
            config.seed,
            app.sim().content(),
            &[&config.name],
            "terminal",
        );
        app.record(to.create(header).map_err(io::Error::other)?);
    }
    app.use_saves(config.saves.clone());
    app.set_permadeath(config.permadeath);
    if let Some(data) = &config.data {
        app.watch_data(data.clone());
    }
    let (_guard, mut term, pal) = TerminalGuard::open()?;
    tracing::info!(seed = config.seed, ?pal, "terminal game starting");
    app.begin(&config.start);
    let result = play(&mut term, &mut app, &pal);
    app.save_on_exit();
    let recorded = app.stop_recording();
    tracing::info!(
        tick = app.sim().tick(),
        seed = app.sim().seed(),
        "terminal game over"
    );
    result.and(recorded).map(|()| app.runs())
}

/// The main loop: keys as they come, a tick every 50 ms, a draw whenever
/// the frame changed.
fn play(term: &mut Term, app: &mut App, pal: &Palette) -> io::Result<()> {
    let mut clock = Clock::new();
    // Hot reload: the data files are looked at once a second.
    let mut next_data_check = Instant::now() + DATA_CHECK;
    let mut last: Option<(Rect, Frame)> = None;
    // A hang-up (the SSH link dropped) or a polite kill ends the loop like
    // a quit, so `run` saves the game on the way out.
    let hung_up = Arc::new(std::sync::atomic::AtomicBool::new(false));
    #[cfg(unix)]
    for signal in [signal_hook::consts::SIGHUP, signal_hook::consts::SIGTERM] {
        let _ = signal_hook::flag::register(signal, Arc::clone(&hung_up));
    }
    loop {
        if hung_up.load(std::sync::atomic::Ordering::Relaxed) {
            tracing::info!("hang-up or terminate signal: saving and leaving");
            return Ok(());
        }
        let layout = present(term, &mut last, pal, |w, h| app.frame(w, h))?;
        if app.should_quit() {
            return Ok(());
        }
        // Wait for a key until the next tick; while paused, too small to
        // play, or waiting for a turn-based move, just wait for a key (or a
        // resize).
        let idle = app.paused() || app.waiting_for_player() || layout.is_none();
        if event::poll(clock.timeout(idle))? {
            match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => {
                    if let Some(key) = to_key(k) {
                        if layout.is_none() {
                            if matches!(key, Key::Char('q') | Key::Esc | Key::Interrupt) {
                                return Ok(());
                            }
                        } else {
                            app.handle(key);
                        }
                    }
                }
                Event::Resize(..) => last = None,
                _ => {}
            }
        }
        if clock.due(idle) {
            app.tick();
        }
        if Instant::now() >= next_data_check {
            app.poll_data();
            next_data_check = Instant::now() + DATA_CHECK;
        }
    }
}

/// The fixed clock of a screen loop: a tick every 50 ms of wall time.
struct Clock {
    step: Duration,
    next: Instant,
}

impl Clock {
    fn new() -> Self {
        let step = Duration::from_millis(1000 / u64::from(TICKS_PER_SECOND));
        Self {
            step,
            next: Instant::now() + step,
        }
    }

    /// How long to wait for a key: until the next tick, or half a second
    /// while idle (paused, waiting for a move, too small to play).
    fn timeout(&self, idle: bool) -> Duration {
        if idle {
            Duration::from_millis(500)
        } else {
            self.next.saturating_duration_since(Instant::now())
        }
    }

    /// Whether a tick is due now. Ticks missed while idle are not caught
    /// up on, nor are they when far behind (the machine was suspended).
    fn due(&mut self, idle: bool) -> bool {
        let now = Instant::now();
        if idle {
            self.next = now + self.step;
            return false;
        }
        if now < self.next {
            return false;
        }
        self.next += self.step;
        if now > self.next + self.step * 5 {
            self.next = now + self.step;
        }
        true
    }
}

/// Draws the frame `build` makes for a map of the terminal's current size
/// (0 x 0 when it is too small), unless it is the frame last drawn; returns
/// the layout, `None` when the terminal is too small to play in.
fn present(
    term: &mut Term,
    last: &mut Option<(Rect, Frame)>,
    pal: &Palette,
    build: impl FnOnce(i32, i32) -> Frame,
) -> io::Result<Option<Layout>> {
    let size = term.size()?;
    let area = Rect::new(0, 0, size.width, size.height);
    let layout = Layout::new(area);
    let (map_w, map_h) = layout.map_or((0, 0), |l| {
        (i32::from(l.map.width), i32::from(l.map.height))
    });
    let frame = build(map_w, map_h);
    if last.as_ref().is_none_or(|(a, f)| *a != area || *f != frame) {
        term.draw(|f| {
            let area = f.area();
            render::draw(f.buffer_mut(), area, &frame, pal);
        })?;
        *last = Some((area, frame));
    }
    Ok(layout)
}

/// Maps a crossterm key to ours.
fn to_key(k: KeyEvent) -> Option<Key> {
    if k.modifiers.contains(KeyModifiers::CONTROL) && matches!(k.code, KeyCode::Char('c' | 'C')) {
        return Some(Key::Interrupt);
    }
    // Shift with an arrow runs, like the capital vi-keys.
    if k.modifiers.contains(KeyModifiers::SHIFT) {
        match k.code {
            KeyCode::Up => return Some(Key::Char('K')),
            KeyCode::Down => return Some(Key::Char('J')),
            KeyCode::Left => return Some(Key::Char('H')),
            KeyCode::Right => return Some(Key::Char('L')),
            _ => {}
        }
    }
    Some(match k.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::KeypadBegin => Key::Center,
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Tab => Key::Tab,
        KeyCode::F(n) => Key::F(n),
        _ => return None,
    })
}

/// Puts the terminal into game mode and restores it when dropped, and on
/// panic (the hook restores before the panic message prints).
struct TerminalGuard;

impl TerminalGuard {
    /// Takes the screen: the guard, a cleared terminal to draw on, and the
    /// palette the terminal's colours allow.
    fn open() -> io::Result<(Self, Term, Palette)> {
        let pal = Palette::new(ColorDepth::detect(|k| std::env::var(k).ok()));
        let guard = Self::enter()?;
        let mut term = Terminal::new(CrosstermBackend::new(BufWriter::new(io::stdout())))?;
        term.clear()?;
        Ok((guard, term, pal))
    }

    fn enter() -> io::Result<Self> {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // A panic a replay catches (and reports) leaves the game screen.
            if !crate::replay::catch::catching() {
                restore();
            }
            previous(info);
        }));
        terminal::enable_raw_mode()?;
        let guard = TerminalGuard;
        execute!(io::stdout(), terminal::EnterAlternateScreen, cursor::Hide)?;
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

/// Leaves raw mode and the alternate screen; safe to call twice.
fn restore() {
    let _ = execute!(io::stdout(), cursor::Show, terminal::LeaveAlternateScreen);
    let _ = terminal::disable_raw_mode();
}

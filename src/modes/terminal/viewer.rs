//! Watching a replay in the terminal (`venture replay FILE` in a
//! terminal): the recorded world plays itself on the usual game screen,
//! read-only, seen by the first player. Space pauses, + and - change the
//! speed, q quits. The caller checks whatever is left headless.

use std::io;

use crossterm::event::{self, Event, KeyEventKind};
use ratatui::layout::Rect;

use super::{Clock, TerminalGuard, present, to_key};
use crate::modes::input::Key;
use crate::replay::Playback;
use crate::sim::PlayerId;
use crate::view::{self, Frame, Observer, Tone};

/// The fastest playback: ticks run per 50 ms step.
const MAX_SPEED: u32 = 64;

/// Shows `playback` tick by tick until it is over and the viewer presses
/// q, or the viewer quits early. `title` names the recording.
pub fn watch_replay(playback: &mut Playback<'_>, title: &str) -> io::Result<()> {
    let (_guard, mut term, pal) = TerminalGuard::open()?;
    let mut observer = Observer::new(PlayerId(0));
    observer
        .log
        .push(format!("Replaying {title}."), Tone::Important, 0);
    observer.log.push(
        "Space pauses, + and - change the speed, q quits.".to_owned(),
        Tone::Normal,
        0,
    );
    let mut clock = Clock::new();
    let (mut speed, mut paused, mut announced) = (1u32, false, false);
    let mut last: Option<(Rect, Frame)> = None;
    loop {
        if let Some(sim) = playback.sim() {
            present(&mut term, &mut last, &pal, |w, h| {
                view::build(sim, &mut observer, w, h)
            })?;
        }
        let idle = paused || playback.done();
        if event::poll(clock.timeout(idle))? {
            match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => match to_key(k) {
                    Some(Key::Char('q') | Key::Esc | Key::Interrupt) => return Ok(()),
                    Some(Key::Char(' ')) => paused = !paused,
                    Some(Key::Char('+' | '=')) => speed = (speed * 2).min(MAX_SPEED),
                    Some(Key::Char('-')) => speed = (speed / 2).max(1),
                    _ => {}
                },
                Event::Resize(..) => last = None,
                _ => {}
            }
        }
        if clock.due(idle) {
            for _ in 0..speed {
                let more = playback.step();
                if let Some(sim) = playback.sim() {
                    observer.observe(sim);
                }
                if !more {
                    break;
                }
            }
        }
        if playback.done() && !announced {
            announced = true;
            let tick = playback.sim().map_or(0, |s| s.tick());
            for line in playback.outcome().to_string().lines() {
                observer.log.push(line.to_owned(), Tone::Important, tick);
            }
            observer.log.push(
                "The replay is over: q quits.".to_owned(),
                Tone::Normal,
                tick,
            );
            last = None;
        }
    }
}

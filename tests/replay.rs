//! Recordings replay to the same hashes: a bot run, terminal play in both
//! paces, and the command line. A tampered input is caught at the first
//! hash it changes, and a damaged file is an error, never a panic.

use std::io::Write;
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};

use venture::bot::BotKind;
use venture::modes::app::{App, Pace};
use venture::modes::headless::{self, HeadlessConfig, PLAYER_NAME};
use venture::modes::input::Key;
use venture::replay::{Header, Recorder, Recording, replay};
use venture::schema::{Content, load_defaults};

fn content() -> Arc<Content> {
    Arc::new(load_defaults().expect("default schemas load"))
}

/// A bot run of `ticks` on `seed`, recorded with hashes `hash_every`
/// apart: the file's text and the run's final hash.
fn record_bot(seed: u64, ticks: u64, hash_every: u64) -> (String, String) {
    let content = content();
    let mut header = Header::new(seed, &content, &[PLAYER_NAME], "test");
    header.hash_every = hash_every;
    let mut recorder = Recorder::new(Vec::new(), &header);
    let config = HeadlessConfig {
        seed,
        ticks,
        bot: BotKind::Explore,
        until_depth: None,
    };
    let report = headless::run_watched(&config, content, &mut recorder);
    let bytes = recorder.close().expect("memory takes every write");
    let text = String::from_utf8(bytes).expect("replays are text");
    (text, report.state_hash)
}

fn parse(text: &str) -> Recording {
    Recording::parse(Path::new("test.vrp"), text).expect("the recording reads back")
}

#[test]
fn a_recorded_2000_tick_bot_run_replays_to_the_same_hashes() {
    let (text, final_hash) = record_bot(7, 2000, 100);
    let rec = parse(&text);
    assert_eq!(
        rec.end,
        (
            2000,
            Some(u64::from_str_radix(&final_hash, 16).expect("hex"))
        )
    );
    assert!(
        rec.inputs.len() > 100,
        "the bot played: {}",
        rec.inputs.len()
    );
    let outcome = replay(&rec, content(), &[]);
    assert!(outcome.reproduced(), "{outcome}");
    // Ticks 0, 100, ..., 2000 and the end line.
    assert_eq!((outcome.ticks, outcome.compared), (2000, 22), "{outcome}");
}

#[test]
fn a_blended_world_replays_in_its_own_genres() {
    let base = load_defaults().expect("default schemas load");
    let choice = base
        .parse_choice(Some("cyberpunk"), Some("fantasy:30%"))
        .expect("known genres");
    let content = Arc::new(base.with_choice(choice));
    let header = Header::new(21, &content, &[PLAYER_NAME], "test");
    assert_eq!(header.genre.as_deref(), Some("cyberpunk"));
    assert_eq!(header.blend, Some(("fantasy".to_owned(), 30)));
    let mut recorder = Recorder::new(Vec::new(), &header);
    let config = HeadlessConfig {
        seed: 21,
        ticks: 400,
        bot: BotKind::Explore,
        until_depth: None,
    };
    headless::run_watched(&config, content, &mut recorder);
    let text = String::from_utf8(recorder.close().expect("memory")).expect("text");
    let rec = parse(&text);
    // The replay asks for the recorded genres, whatever the base asks.
    let replayed = rec
        .header
        .content(&base, Path::new("test.vrp"))
        .expect("same data");
    let outcome = replay(&rec, Arc::new(replayed), &[]);
    assert!(outcome.reproduced(), "{outcome}");
    // Another world entirely differs from the first hash on.
    let outcome = replay(&rec, Arc::new(base), &[]);
    let d = outcome.divergence.expect("another genre, another world");
    assert_eq!((d.tick, d.last_match), (0, None), "{outcome}");
}

/// The text with the `n`th move turned round, and the tick it was on.
fn tamper_nth_move(text: &str, n: usize) -> (String, u64) {
    let mut seen = 0;
    let mut tick = 0;
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let mut words = line.splitn(4, ' ');
            let (kind, t, _, action) = (words.next(), words.next(), words.next(), words.next());
            if kind == Some("i") && action.is_some_and(|a| a.starts_with("Move(")) {
                seen += 1;
                if seen == n {
                    tick = t.and_then(|t| t.parse().ok()).expect("a tick");
                    let turned = if line.ends_with("Move(N)") {
                        "Move(S)"
                    } else {
                        "Move(N)"
                    };
                    return format!("i {tick} 0 {turned}");
                }
            }
            line.to_owned()
        })
        .collect();
    assert!(tick > 0, "there are {n} moves");
    (lines.join("\n") + "\n", tick)
}

#[test]
fn a_tampered_input_is_caught_at_the_first_hash_it_changes() {
    // With a hash every tick, the divergence is on the tampered tick itself.
    let (text, _) = record_bot(11, 1200, 1);
    let (tampered, tick) = tamper_nth_move(&text, 40);
    let outcome = replay(&parse(&tampered), content(), &[]);
    let d = outcome.divergence.expect("the tampered run diverges");
    assert_eq!((d.tick, d.last_match), (tick, Some(tick - 1)), "{outcome}");
    assert_ne!(d.recorded, d.replayed);
    assert!(!outcome.reproduced());
    assert!(
        outcome
            .to_string()
            .contains(&format!("DIVERGED at tick {tick}"))
    );

    // With a hash every 50 ticks, it is the first checkpoint after it.
    let (text, _) = record_bot(11, 1200, 50);
    let (tampered, same_tick) = tamper_nth_move(&text, 40);
    assert_eq!(same_tick, tick, "the same run");
    let outcome = replay(&parse(&tampered), content(), &[]);
    let d = outcome.divergence.expect("the tampered run diverges");
    let checkpoint = tick.div_ceil(50) * 50;
    assert_eq!(
        (d.tick, d.last_match),
        (checkpoint, Some(checkpoint - 50)),
        "{outcome}"
    );
}

/// A writer the test can read after the app has finished with it.
#[derive(Clone, Default)]
struct Shared(Arc<Mutex<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("not poisoned").extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn terminal_play_replays_in_both_paces() {
    for pace in [Pace::RealTime, Pace::TurnBased] {
        let content = content();
        let mut app = App::new(3, Arc::clone(&content), "Tester", pace);
        let sink = Shared::default();
        let header = Header::new(3, app.sim().content(), &["Tester"], "test terminal");
        app.record(Recorder::new(Box::new(sink.clone()), &header));
        // Keys between ticks, as a player types: moves, exploring on
        // autopilot, a wait, and the pace toggled half-way.
        let keys = [
            Key::Right,
            Key::Char('o'),
            Key::Down,
            Key::Char('.'),
            Key::Left,
            Key::Up,
        ];
        for round in 0..120 {
            if round % 7 == 0 {
                app.handle(keys[round / 7 % keys.len()]);
            }
            if round == 60 {
                app.handle(Key::Char('T'));
            }
            app.tick();
        }
        let ticks = app.sim().tick();
        app.stop_recording().expect("memory takes every write");
        let text = String::from_utf8(sink.0.lock().expect("not poisoned").clone()).expect("text");
        let rec = parse(&text);
        assert_eq!(rec.end.0, ticks, "{pace:?}");
        assert!(!rec.inputs.is_empty(), "{pace:?}: the keys became inputs");
        let outcome = replay(&rec, content, &[]);
        assert!(outcome.reproduced(), "{pace:?}: {outcome}");
    }
}

#[test]
fn damaged_files_are_errors_or_replays_never_panics() {
    let (text, _) = record_bot(5, 300, 10);
    let cuts = (0..text.len()).step_by(97).map(|n| text[..n].to_owned());
    let edits = [
        "Move(N)",
        "Use(250)",
        "Drop(255)",
        "ChooseClass(99)",
        "Cast(slot:200)",
        "Craft(255)",
    ]
    .into_iter()
    .map(|a| text.replace("Move(E)", a).replace("Move(W)", a));
    for damaged in cuts.chain(edits) {
        match Recording::parse(Path::new("d.vrp"), &damaged) {
            Err(e) => assert!(e.to_string().starts_with("d.vrp"), "{e}"),
            // Anything that reads replays to an outcome: a divergence, or a
            // failure caught as one, never a crash.
            Ok(rec) => drop(replay(&rec, content(), &[])),
        }
    }
}

fn venture(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_venture"))
        .args(args)
        .output()
        .expect("venture runs")
}

#[test]
fn the_command_line_records_and_replays() {
    let dir = std::env::temp_dir().join(format!("venture-replay-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let file = dir.join("run.vrp");
    let path = file.to_str().expect("a UTF-8 temp path");
    let rec = venture(&[
        "headless", "--seed", "9", "--ticks", "300", "--record", path,
    ]);
    assert!(
        rec.status.success(),
        "{}",
        String::from_utf8_lossy(&rec.stderr)
    );
    let play = venture(&["replay", path, "--headless"]);
    let out = String::from_utf8_lossy(&play.stdout);
    assert!(play.status.success() && out.contains("MATCH"), "{out}");

    let text = std::fs::read_to_string(&file).expect("the recording");
    let (tampered, tick) = tamper_nth_move(&text, 3);
    std::fs::write(&file, tampered).expect("written");
    let play = venture(&["replay", path, "--headless"]);
    let out = String::from_utf8_lossy(&play.stdout);
    assert!(!play.status.success(), "{out}");
    assert!(
        out.contains(&format!("DIVERGED at tick {}", tick.div_ceil(100) * 100)),
        "{out}"
    );

    std::fs::write(&file, "venture-replay 7\n").expect("written");
    let play = venture(&["replay", path, "--headless"]);
    let err = String::from_utf8_lossy(&play.stderr);
    assert!(
        !play.status.success() && err.contains(path) && err.contains("newer"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

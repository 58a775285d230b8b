//! Saves: a run saved at tick T, loaded and run on with the same inputs
//! hashes exactly as a run that never saved; damaged files give errors,
//! never panics.

use std::path::Path;
use std::sync::Arc;

use proptest::prelude::*;
use venture::bot::{Bot, BotKind};
use venture::save::{self, SaveFile};
use venture::schema::{Content, load_defaults};
use venture::sim::{PlayerId, PlayerInput, Simulation};

fn content() -> Arc<Content> {
    Arc::new(load_defaults().expect("the default schemas load"))
}

/// Runs the explore bot from `sim` to `until`, returning the inputs given.
fn run_bot(sim: &mut Simulation, bot: &mut dyn Bot, player: PlayerId, until: u64) {
    let mut inputs = Vec::with_capacity(1);
    while sim.tick() < until {
        inputs.clear();
        if let Some(action) = bot.decide(sim, player) {
            inputs.push(PlayerInput { player, action });
        }
        sim.step(&inputs);
    }
}

/// Saves through the real file format (bytes, parse, restore).
fn round_trip(sim: &Simulation, content: &Content) -> Simulation {
    let bytes = SaveFile::capture(sim).to_bytes();
    let path = Path::new("memory.ron");
    let file = SaveFile::parse(path, &bytes).expect("a fresh save parses");
    file.restore(path, content).expect("a fresh save restores")
}

fn check(seed: u64, save_at: u64, after: u64) {
    let content = content();
    let mut straight = Simulation::new(seed, Arc::clone(&content));
    let player = straight.add_player("Bot");
    let mut bot = BotKind::Explore.build();
    run_bot(&mut straight, bot.as_mut(), player, save_at);
    let mut loaded = round_trip(&straight, &content);
    assert_eq!(
        loaded.state_hash(),
        straight.state_hash(),
        "seed {seed}: the loaded world hashes as the saved one at tick {save_at}"
    );
    // The same inputs into both: the unbroken run's bot decides, and the
    // loaded run gets what it decided.
    let mut inputs = Vec::with_capacity(1);
    while straight.tick() < save_at + after {
        inputs.clear();
        if let Some(action) = bot.decide(&straight, player) {
            inputs.push(PlayerInput { player, action });
        }
        straight.step(&inputs);
        loaded.step(&inputs);
        assert_eq!(
            loaded.state_hash(),
            straight.state_hash(),
            "seed {seed} saved at {save_at}: diverged at tick {}",
            straight.tick()
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 6, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn a_loaded_run_continues_exactly_as_an_unbroken_one(
        seed in 1u64..1_000_000,
        save_at in 0u64..1500,
    ) {
        check(seed, save_at, 1000);
    }
}

#[test]
fn a_resumed_bot_plays_on_as_the_unbroken_one() {
    // A fresh bot after the load (as `headless --load` has): bots decide
    // from the game state alone.
    let content = content();
    let mut straight = Simulation::new(7, Arc::clone(&content));
    let player = straight.add_player("Bot");
    let mut bot = BotKind::Explore.build();
    run_bot(&mut straight, bot.as_mut(), player, 800);
    let mut loaded = round_trip(&straight, &content);
    run_bot(&mut straight, bot.as_mut(), player, 1800);
    run_bot(&mut loaded, BotKind::Explore.build().as_mut(), player, 1800);
    assert_eq!(loaded.state_hash(), straight.state_hash());
}

#[test]
fn a_save_on_disk_loads_and_keeps_a_backup() {
    let dir = std::env::temp_dir().join(format!("venture-saves-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let content = content();
    let mut sim = Simulation::new(3, Arc::clone(&content));
    let player = sim.add_player("Bot");
    let mut bot = BotKind::Explore.build();
    let path = dir.join("slot.ron");
    run_bot(&mut sim, bot.as_mut(), player, 100);
    save::write_save(&path, &SaveFile::capture(&sim)).expect("writes");
    let first = sim.state_hash();
    run_bot(&mut sim, bot.as_mut(), player, 200);
    save::write_save(&path, &SaveFile::capture(&sim)).expect("writes again");
    let loaded = save::load(&path, &content).expect("loads");
    assert_eq!(loaded.state_hash(), sim.state_hash());
    let backup = save::load(&save::backup_path(&path), &content).expect("backup loads");
    assert_eq!(backup.state_hash(), first);
    let _ = std::fs::remove_dir_all(&dir);
}

fn hash_line(out: &std::process::Output) -> String {
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "venture failed: {text}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    text.lines()
        .find(|l| l.starts_with("state hash"))
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn headless_save_then_load_ends_as_one_unbroken_run() {
    let dir = std::env::temp_dir().join(format!("venture-headless-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("run.ron");
    let venture = || std::process::Command::new(env!("CARGO_BIN_EXE_venture"));
    let run = |args: &[&str]| venture().args(args).output().expect("venture runs");
    let straight = run(&["headless", "--seed", "11", "--ticks", "1200"]);
    let f = file.to_str().expect("utf-8 path");
    let first = run(&["headless", "--seed", "11", "--ticks", "600", "--save", f]);
    assert!(first.status.success());
    let resumed = run(&["headless", "--load", f, "--ticks", "600"]);
    assert_eq!(hash_line(&resumed), hash_line(&straight));
    let refused = run(&["headless", "--load", f, "--seed", "12"]);
    assert!(!refused.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}

/// A real save of a short bot run, as bytes.
fn real_save() -> (Arc<Content>, Vec<u8>) {
    let content = content();
    let mut sim = Simulation::new(21, Arc::clone(&content));
    let player = sim.add_player("Bot");
    run_bot(&mut sim, BotKind::Explore.build().as_mut(), player, 400);
    (content, SaveFile::capture(&sim).to_bytes())
}

fn error_for(bytes: &[u8], content: &Content) -> String {
    let path = Path::new("saves/x.ron");
    match SaveFile::parse(path, bytes).and_then(|f| f.restore(path, content)) {
        Ok(_) => String::new(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn damaged_saves_give_errors_that_name_the_file() {
    let (content, bytes) = real_save();
    let truncated = error_for(&bytes[..bytes.len() * 2 / 3], &content);
    assert!(
        truncated.contains("saves/x.ron") && truncated.contains("checksum"),
        "{truncated}"
    );
    let mut flipped = bytes.clone();
    let at = flipped.len() / 2;
    flipped[at] ^= 0x04;
    let flipped = error_for(&flipped, &content);
    assert!(flipped.contains("corrupted"), "{flipped}");
    let magic = error_for(b"hello world", &content);
    assert!(magic.contains("not a Venture save"), "{magic}");
    let text = String::from_utf8(bytes.clone()).expect("text");
    let ours = format!("format {}", save::FORMAT_VERSION);
    let newer = error_for(text.replacen(&ours, "format 9", 1).as_bytes(), &content);
    assert!(
        newer.contains("format 9") && newer.contains(&format!("up to {}", save::FORMAT_VERSION)),
        "{newer}"
    );
    let schema_line = text.lines().nth(3).expect("a schema line");
    let other = text.replacen(schema_line, "schema 0000000000000000", 1);
    let other = error_for(other.as_bytes(), &content);
    assert!(other.contains("other game data"), "{other}");
}

#[test]
fn a_damaged_save_falls_back_to_its_backup() {
    let dir = std::env::temp_dir().join(format!("venture-bak-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (content, bytes) = real_save();
    let path = dir.join("s.ron");
    save::atomic::write_bytes(&path, &bytes).expect("first");
    save::atomic::write_bytes(&path, &bytes[..100]).expect("second, cut short");
    let err = save::load(&path, &content)
        .err()
        .expect("the cut save fails");
    assert!(
        err.to_string().contains("s.ron.bak"),
        "offers the backup: {err}"
    );
    let loaded = save::load_or_backup(&path, &content).expect("the backup loads");
    assert_eq!(loaded.from, save::backup_path(&path));
    assert!(loaded.damage.is_some());
    let _ = std::fs::remove_dir_all(&dir);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, failure_persistence: None, ..ProptestConfig::default() })]

    /// Random byte changes anywhere in a real save: an error or a world,
    /// never a panic.
    #[test]
    fn mutated_saves_never_panic(
        edits in proptest::collection::vec((any::<u32>(), any::<u8>(), 0u8..3), 1..6),
        cut in any::<u32>(),
    ) {
        let (content, bytes) = real_save_cached();
        let mut b = bytes.clone();
        for (at, byte, op) in edits {
            if b.is_empty() { break; }
            let i = at as usize % b.len();
            match op {
                0 => b[i] = byte,
                1 => { b.remove(i); }
                _ => b.insert(i, byte),
            }
        }
        if cut % 4 == 0 { b.truncate(cut as usize % (b.len() + 1)); }
        let _ = error_for(&b, &content);
    }

    /// Changes inside the body with its checksum made to match again, so
    /// that they reach the RON parser and the checks of restore.
    #[test]
    fn mutated_bodies_with_good_checksums_never_panic(
        edits in proptest::collection::vec((any::<u32>(), proptest::sample::select(b"0123456789-,()[]:aZ".to_vec())), 1..4),
    ) {
        let (content, bytes) = real_save_cached();
        let text = String::from_utf8(bytes.clone()).expect("text");
        let (head, body) = text.split_once("\n\n").expect("header and body");
        let mut body = body.trim_end().as_bytes().to_vec();
        for (at, byte) in edits {
            let i = at as usize % body.len();
            body[i] = byte;
        }
        let sum = save::format::checksum(&body);
        let head: Vec<&str> = head.lines().take(5).collect();
        let mut file = format!("{}\nchecksum {sum:016x}\n\n", head.join("\n")).into_bytes();
        file.extend_from_slice(&body);
        file.push(b'\n');
        let path = Path::new("x.ron");
        if let Ok(mut sim) = SaveFile::parse(path, &file).and_then(|f| f.restore(path, &content)) {
            // A world that loaded must also run.
            for _ in 0..20 {
                sim.step(&[]);
            }
        }
    }
}

fn real_save_cached() -> (Arc<Content>, Vec<u8>) {
    static SAVE: std::sync::OnceLock<(Arc<Content>, Vec<u8>)> = std::sync::OnceLock::new();
    SAVE.get_or_init(real_save).clone()
}

/// A save written by game 0.1.0 in format 1 (before runs kept their
/// permadeath setting), checked in as it was written.
const FORMAT_1_SAVE: &[u8] = include_bytes!("fixtures/format1-save.ron");

#[test]
fn a_format_1_save_from_an_older_game_still_reads() {
    let file = SaveFile::parse(Path::new("format1-save.ron"), FORMAT_1_SAVE)
        .expect("a format 1 save parses through the migration");
    assert_eq!(file.header.format, 1);
    assert_eq!(file.body.run, save::RunInfo::default(), "an ordinary run");
    assert_eq!(file.body.genre.as_deref(), Some("fantasy"));
    let snap = &file.body.snapshot;
    assert_eq!((snap.seed, snap.tick), (3, 60));
    assert_eq!(snap.players.len(), 1, "its hero");
}

#[test]
fn a_migrated_format_1_save_restores_and_plays_on_like_the_original() {
    let content = content();
    let mut sim = Simulation::new(8, Arc::clone(&content));
    let player = sim.add_player("Old");
    run_bot(&mut sim, BotKind::Explore.build().as_mut(), player, 300);
    // The same save as format 1 wrote it: no `run` field, its own checksum.
    let text = String::from_utf8(SaveFile::capture(&sim).to_bytes()).expect("text");
    let (head, body) = text.split_once("\n\n").expect("header and body");
    let v1_body = body.trim_end().replacen("run:(permadeath:false),", "", 1);
    assert_ne!(
        v1_body,
        body.trim_end(),
        "the body had a run field to remove"
    );
    let sum = format!("{:016x}", save::format::checksum(v1_body.as_bytes()));
    let head: Vec<String> = head
        .lines()
        .map(|l| match l.split_once(' ') {
            Some(("format", _)) => "format 1".to_owned(),
            Some(("checksum", _)) => format!("checksum {sum}"),
            _ => l.to_owned(),
        })
        .collect();
    let v1 = format!("{}\n\n{v1_body}\n", head.join("\n"));
    let path = Path::new("old.ron");
    let file = SaveFile::parse(path, v1.as_bytes()).expect("parses as format 1");
    assert_eq!(file.header.format, 1);
    let mut loaded = file.restore(path, &content).expect("restores");
    assert_eq!(loaded.state_hash(), sim.state_hash());
    let mut bot = BotKind::Explore.build();
    run_bot(&mut sim, bot.as_mut(), player, 600);
    let mut bot = BotKind::Explore.build();
    run_bot(&mut loaded, bot.as_mut(), player, 600);
    assert_eq!(loaded.state_hash(), sim.state_hash());
}

//! The crash test: a process that saves in a loop is killed (SIGKILL on
//! Unix) at random moments, over and over; after every kill the save or its
//! backup loads.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use venture::save;
use venture::schema::load_defaults;

#[test]
fn a_save_survives_being_killed_at_any_moment() {
    let content = load_defaults().expect("the default schemas load");
    let dir = std::env::temp_dir().join(format!("venture-crash-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("torture.ron");
    // A small xorshift for the kill moments, seeded from the clock so
    // every run tries other moments.
    let mut x = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut last_tick = 0;
    for round in 0..110 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_venture"))
            .args(["save-torture", "--seed", "9"])
            .arg(&dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("venture starts");
        let mut line = String::new();
        let stdout = child.stdout.take().expect("piped stdout");
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("reads ready");
        assert_eq!(line.trim(), "ready", "round {round}");
        // Somewhere within a few saves (each takes a few milliseconds).
        std::thread::sleep(Duration::from_micros(next() % 15_000));
        child.kill().expect("kill");
        let _ = child.wait();
        let save::Loaded { sim, from, .. } = save::load_or_backup(&path, &content)
            .unwrap_or_else(|e| panic!("round {round}: nothing loads after the kill: {e}"));
        assert!(
            sim.tick() >= last_tick,
            "round {round}: {} went back in time",
            from.display()
        );
        last_tick = sim.tick();
    }
    assert!(last_tick > 0, "the runs made progress");
    let _ = std::fs::remove_dir_all(&dir);
}

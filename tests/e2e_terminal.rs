//! End-to-end test of the terminal front end: builds the release binary, runs
//! `venture --seed 42` in a detached 80x24 tmux session on a private tmux
//! server, and checks through `capture-pane` that the first frame shows the
//! map, side panel and welcome message, that an arrow key moves the hero,
//! that `?` opens and any key closes the help, and that `q` `y` quits with
//! exit status 0, leaves the alternate screen and prints the farewell line.
//! The game runs with `--record`, and the recording of that real-time
//! session must replay headless to the same hashes.
//!
//! Needs tmux. Without it the test prints a notice and passes, unless
//! `VENTURE_E2E=1` is set (as in CI), which makes it required:
//! `VENTURE_E2E=1 cargo test --test e2e_terminal`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const SEED: u64 = 42;
const WIDTH: usize = 80;
const HEIGHT: usize = 24;
/// The map occupies columns 0..56 and rows 0..19; the side panel starts after
/// the `|` at column 56; messages are below the `-` rule at row 19.
const MAP_W: usize = 56;
const MAP_H: usize = 19;

/// Runs the game (`"$@"`), prints [`EXITED`] and its exit status, and waits.
const WRAPPER: &str = r#""$@"; echo "[venture exited with status $?]"; exec sleep 600"#;
const EXITED: &str = "[venture exited with status ";

/// The result of looking at the screen: a value, or why it is not there yet.
type Check<T> = Result<T, String>;

/// A tmux server on its own socket; killed (with the game) when dropped, so a
/// failing assertion never leaves anything running.
struct Tmux {
    socket: String,
    session: String,
    log: PathBuf,
}

impl Tmux {
    fn command(&self, args: &[&str]) -> std::io::Result<Output> {
        let mut tmux = Command::new("tmux");
        tmux.args(["-L", &self.socket, "-f", "/dev/null"]);
        tmux.args(args).env_remove("TMUX").output()
    }

    /// Runs a tmux command that must succeed and returns its output.
    fn run(&self, args: &[&str]) -> String {
        let out = self.command(args).expect("running tmux");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "tmux {args:?} failed: {err}");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", &self.session])
    }

    fn keys(&self, key: &str) {
        self.run(&["send-keys", "-t", &self.session, key]);
    }

    /// Captures the screen until `check` accepts it, for at most `timeout`;
    /// the error carries the reason and the last screen.
    fn poll<T>(&self, timeout: Duration, check: impl Fn(&str) -> Check<T>) -> Check<T> {
        until(timeout, || {
            let screen = self.screen();
            check(&screen).map_err(|why| format!("{why}\n{}", framed(&screen)))
        })
    }

    /// Like `poll`, but a timeout fails the test.
    fn wait<T>(&self, what: &str, secs: u64, check: impl Fn(&str) -> Check<T>) -> T {
        let found = self.poll(Duration::from_secs(secs), check);
        found.unwrap_or_else(|e| panic!("no {what} after {secs} s: {e}"))
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        // tmux leaves its socket file behind after kill-server.
        let socket = self.command(&["display", "-p", "-t", &self.session, "#{socket_path}"]);
        let _ = self.command(&["kill-server"]);
        if let Ok(out) = socket.as_ref().map(|o| String::from_utf8_lossy(&o.stdout)) {
            let _ = std::fs::remove_file(out.trim());
        }
        let _ = std::fs::remove_file(&self.log);
    }
}

/// Retries `attempt` every 40 ms until it succeeds or `timeout` has passed.
fn until<T>(timeout: Duration, attempt: impl Fn() -> Check<T>) -> Check<T> {
    let deadline = Instant::now() + timeout;
    loop {
        match attempt() {
            Err(_) if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(40)),
            result => return result,
        }
    }
}

fn ensure(ok: bool, why: impl Into<String>) -> Check<()> {
    if ok { Ok(()) } else { Err(why.into()) }
}

fn framed(screen: &str) -> String {
    format!("----- screen -----\n{}\n-----", screen.trim_end())
}

/// Fails the test with `why` and the screen unless `ok`.
fn check(ok: bool, why: &str, screen: &str) {
    assert!(ok, "{why}\n{}", framed(screen));
}

/// A check that passes once the screen contains `text`.
fn shows(text: &'static str) -> impl Fn(&str) -> Check<()> {
    move |s| ensure(s.contains(text), format!("no {text:?} on screen"))
}

/// The cells of `rows` x `cols`, one string per row.
fn area(screen: &str, rows: std::ops::Range<usize>, cols: std::ops::Range<usize>) -> Vec<String> {
    let lines: Vec<Vec<char>> = screen.lines().map(|l| l.chars().collect()).collect();
    let row = |y: usize| -> String {
        let line = lines.get(y).map_or(&[][..], |l| &l[..]);
        line.iter().skip(cols.start).take(cols.len()).collect()
    };
    rows.map(row).collect()
}

/// Positions (x, y) of every `@` in the map area.
fn heroes(screen: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for (y, row) in area(screen, 0..MAP_H, 0..MAP_W).iter().enumerate() {
        let xs = row.chars().enumerate().filter(|&(_, c)| c == '@');
        found.extend(xs.map(|(x, _)| (x, y)));
    }
    found
}

/// The one hero, or why there is not exactly one.
fn hero(screen: &str) -> Check<(usize, usize)> {
    match heroes(screen)[..] {
        [p] => Ok(p),
        ref all => Err(format!("want one `@` in the map, found {all:?}")),
    }
}

/// The hero's position once the whole first frame is on screen.
fn first_frame(screen: &str) -> Check<(usize, usize)> {
    let panel = area(screen, 0..MAP_H, MAP_W + 1..WIDTH).join("\n");
    let map = area(screen, 0..MAP_H, 0..MAP_W).concat();
    let messages = area(screen, MAP_H + 1..HEIGHT, 0..WIDTH).join("\n");
    let seed = format!("Seed {SEED}");
    let wants = [
        ("side panel", &panel, "Depth 1/10"),
        ("side panel", &panel, seed.as_str()),
        ("side panel", &panel, "HP"),
        ("map", &map, "#"),
        ("map", &map, "."),
        ("message area", &messages, "Welcome"),
    ];
    let mut missing: Vec<String> = (wants.iter())
        .filter(|(_, text, want)| !text.contains(want))
        .map(|(name, _, want)| format!("{name} lacks {want:?}"))
        .collect();
    missing.extend(hero(screen).err());
    ensure(missing.is_empty(), missing.join("; ")).and(hero(screen))
}

/// Builds (or finds up to date) the release binary and returns its path.
fn release_binary() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut build = Command::new(&cargo);
    build.args(["build", "--release", "--bin", "venture"]);
    let out = build.current_dir(root).output().expect("running cargo");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "building the binary failed:\n{err}");
    let target = std::env::var_os("CARGO_TARGET_DIR");
    let target = target.map_or(root.join("target"), |d| root.join(d));
    let exe = format!("venture{}", std::env::consts::EXE_SUFFIX);
    let bin = target.join("release").join(exe);
    assert!(bin.is_file(), "no release binary at {}", bin.display());
    bin
}

#[test]
fn plays_moves_helps_and_quits_in_a_terminal() {
    let required = std::env::var("VENTURE_E2E").is_ok_and(|v| v == "1");
    let version = Command::new("tmux").arg("-V").output();
    if !version.is_ok_and(|o| o.status.success()) {
        let why = "VENTURE_E2E=1 requires the terminal end-to-end test, \
                   but `tmux -V` failed or tmux is not on PATH: install tmux";
        assert!(!required, "{why}");
        let notice = "tmux not found; set VENTURE_E2E=1 to require it";
        // Straight to stderr: `eprintln!` output is hidden for passing tests.
        let mut stderr = std::io::stderr();
        let _ = writeln!(stderr, "skipping terminal end-to-end test: {notice}");
        return;
    }
    let bin = release_binary();
    let pid = std::process::id();
    let tmux = Tmux {
        socket: format!("venture-e2e-{pid}"),
        session: format!("venture-e2e-{pid}"),
        log: std::env::temp_dir().join(format!("venture-e2e-{pid}.log")),
    };
    let _ = tmux.command(&["kill-server"]); // a stale server from a reused pid
    // The game runs under `sh`, which reports its exit status and then keeps
    // the pane open: tmux 3.3 can drop the last output of a pane whose
    // process exits, and that output is what shows the terminal restored.
    let s = tmux.session.as_str();
    let log = format!("VENTURE_LOG={}", tmux.log.display());
    let head = format!("new-session -d -s {s} -x {WIDTH} -y {HEIGHT} sh -c");
    let save_dir = std::env::temp_dir().join(format!("venture-e2e-saves-{pid}"));
    let saves = format!("VENTURE_SAVE_DIR={}", save_dir.display());
    let game = [WRAPPER, "sh", "env", "TERM=xterm-256color", &log, &saves];
    let seed = SEED.to_string();
    let recording = std::env::temp_dir().join(format!("venture-e2e-{pid}.vrp"));
    let record = recording.to_str().expect("UTF-8 path");
    let exe = bin.to_str().expect("UTF-8 path");
    let bin = [exe, "--seed", &seed, "--record", record];
    tmux.run(&head.split(' ').chain(game).chain(bin).collect::<Vec<_>>());

    // A new run opens with the class menu; a letter takes a class.
    tmux.wait("class menu", 10, shows("Choose your calling"));
    tmux.keys("a");
    let start = tmux.wait("first frame", 10, first_frame);

    // The hero steps at most every 4 ticks (200 ms): each try waits 400 ms.
    let moved = |s: &str| hero(s).and_then(|p| ensure(p != start, "").and(Ok(p)));
    let keys = ["Left", "Right", "Up", "Down"];
    let step = keys.into_iter().flat_map(|key| [key; 3]).find_map(|key| {
        tmux.keys(key);
        let to = tmux.poll(Duration::from_millis(400), moved);
        to.ok().map(|to| (key, to))
    });
    let screen = tmux.screen();
    let why = format!("the hero at {start:?} never moved with the arrow keys");
    check(step.is_some(), &why, &screen);
    let (key, (x, y)) = step.unwrap();
    let (dx, dy) = (x as i64 - start.0 as i64, y as i64 - start.1 as i64);
    let along_key = match key {
        "Left" => dx < 0 && dy == 0,
        "Right" => dx > 0 && dy == 0,
        "Up" => dx == 0 && dy < 0,
        _ => dx == 0 && dy > 0,
    };
    let why = format!("{key} moved the hero from {start:?} to {:?}", (x, y));
    check(along_key, &why, &screen);
    let why = "not exactly one `@` after moving";
    check(heroes(&screen).len() == 1, why, &screen);

    tmux.keys("?");
    let help = |s: &str| shows("Help")(s).and(shows("any key to close")(s));
    tmux.wait("help after `?`", 5, help);
    tmux.keys("Escape");
    let closed = |s: &str| ensure(help(s).is_err(), "help still open").and(hero(s));
    tmux.wait("map after closing the help with Escape", 5, closed);
    // The quest log and the character sheet open with their keys and
    // close with Escape.
    for (key, title) in [("Q", "- Quests -"), ("c", "- Character -")] {
        tmux.keys(key);
        tmux.wait(title, 5, shows(title));
        tmux.keys("Escape");
        let gone = |s: &str| ensure(!s.contains(title), "still open").and(hero(s));
        tmux.wait("map after Escape", 5, gone);
    }
    tmux.keys("q");
    tmux.wait("quit question after `q`", 5, shows("Really quit"));
    tmux.keys("y");

    let exited = |s: &str| {
        let line = s.lines().find_map(|l| l.strip_prefix(EXITED));
        line.map(|rest| rest.trim_end_matches(']').to_string())
            .ok_or(String::from("still running"))
    };
    let status = tmux.wait("game exit after `q` `y`", 5, exited);
    let screen = tmux.screen();
    let why = format!("the game exited with status {status}");
    check(status == "0", &why, &screen);
    let alternate = tmux.run(&["display-message", "-p", "-t", s, "#{alternate_on}"]);
    let why = "the game exited but left the terminal on the alternate screen";
    check(alternate.trim() == "0", why, &screen);
    let seed = format!("seed {SEED}");
    let farewell = screen.contains("Thanks for playing") && screen.contains(&seed);
    check(farewell, "no farewell line after quitting", &screen);

    let replay = Command::new(exe)
        .args(["replay", record, "--headless"])
        .output()
        .expect("running the replay");
    let out = String::from_utf8_lossy(&replay.stdout);
    let _ = std::fs::remove_file(&recording);
    assert!(replay.status.success() && out.contains("MATCH"), "{out}");
}

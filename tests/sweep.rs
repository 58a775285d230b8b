//! Seed sweeps: a failing invariant or a panic fails only its seed, and
//! the replay written for it reproduces the failure on the same tick.

use std::path::PathBuf;
use std::process::Command;
use std::sync::Arc;

use venture::bot::BotKind;
use venture::modes::sweep::{self, SweepConfig};
use venture::replay::{Recording, replay};
use venture::schema::{Content, load_defaults};
use venture::sim::Simulation;
use venture::sim::invariants::{Invariant, Scratch};

fn content() -> Arc<Content> {
    Arc::new(load_defaults().expect("default schemas load"))
}

fn out_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("venture-sweep-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn config(seeds: &str, ticks: u64, out: PathBuf, extra: Vec<Invariant>) -> SweepConfig {
    SweepConfig {
        seeds: seeds.parse().expect("a seed range"),
        ticks,
        jobs: Some(2),
        check: true,
        bot: BotKind::Explore,
        out,
        hash_every: 25,
        extra,
        progress: false,
    }
}

/// An injected bug: on odd seeds, a hero who has taken a wound breaks the
/// rules. When that happens depends on the whole state of the run, so only
/// a faithful replay meets it on the same tick.
fn odd_seed_hero_unhurt(sim: &Simulation, _: &mut Scratch) -> Option<String> {
    let hero = sim.hero(sim.players().first().copied()?)?;
    (sim.seed() % 2 == 1 && hero.hp < hero.max_hp)
        .then(|| format!("hero at {} of {} hp", hero.hp, hero.max_hp))
}

const INJECTED: Invariant = Invariant {
    name: "odd_seed_hero_unhurt",
    check: odd_seed_hero_unhurt,
};

#[test]
fn an_injected_failing_invariant_fails_its_seeds_and_their_replays_reproduce_it() {
    let out = out_dir("injected");
    let summary = sweep::run(&config("0..6", 600, out.clone(), vec![INJECTED]), content())
        .expect("the sweep runs");
    assert_eq!(summary.seeds, 6);
    let failed: Vec<u64> = summary.failed.iter().map(|f| f.seed).collect();
    assert!(!failed.is_empty(), "{summary}");
    assert!(failed.iter().all(|s| s % 2 == 1), "{summary}");
    let text = summary.to_string();
    for f in &summary.failed {
        assert_eq!(f.failure.check, "odd_seed_hero_unhurt");
        assert!(
            text.contains(&format!("seed {} FAILED at tick {}", f.seed, f.tick)),
            "{text}"
        );
        let path = f.replay.clone().expect("a replay was written");
        assert_eq!(path, out.join(format!("seed-{}.vrp", f.seed)));
        let rec = Recording::read(&path).expect("the replay reads");
        assert_eq!(rec.end.0, f.tick);
        // Replayed with the same checks: the same failure on the same tick.
        let outcome = replay(&rec, content(), &[INJECTED]);
        assert!(outcome.reproduced(), "{outcome}");
        assert_eq!(
            outcome.failure.map(|(t, f)| (t, f.check)),
            Some((f.tick, f.failure.check.clone()))
        );
        // Without the injected check, the failure does not come back.
        let outcome = replay(&rec, content(), &[]);
        assert!(!outcome.reproduced(), "{outcome}");
        assert!(outcome.divergence.is_none(), "{outcome}");
    }
    let _ = std::fs::remove_dir_all(&out);
}

/// An injected crash: seed 2 panics on tick 30.
fn panic_on_seed_2(sim: &Simulation, _: &mut Scratch) -> Option<String> {
    assert!(!(sim.seed() == 2 && sim.tick() == 30), "injected panic");
    None
}

#[test]
fn a_panic_fails_only_its_seed_and_replays_to_the_same_tick() {
    let out = out_dir("panic");
    let extra = vec![Invariant {
        name: "panic_on_seed_2",
        check: panic_on_seed_2,
    }];
    let summary =
        sweep::run(&config("0..=3", 80, out.clone(), extra.clone()), content()).expect("runs");
    assert_eq!(summary.failed.len(), 1, "{summary}");
    let f = &summary.failed[0];
    assert_eq!((f.seed, f.tick, f.failure.check.as_str()), (2, 30, "panic"));
    assert!(
        f.failure.detail.contains("injected panic"),
        "{}",
        f.failure.detail
    );
    // The other seeds ran all their ticks.
    assert_eq!(summary.ticks, 3 * 80 + 30, "{summary}");
    let rec = Recording::read(f.replay.as_ref().expect("written")).expect("reads");
    assert_eq!(rec.end, (30, None));
    let outcome = replay(&rec, content(), &extra);
    assert!(outcome.reproduced(), "{outcome}");
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn the_command_line_sweeps_with_checks_and_sums_up() {
    let out = out_dir("cli");
    let run = Command::new(env!("CARGO_BIN_EXE_venture"))
        .args([
            "sweep", "--seeds", "0..3", "--ticks", "200", "--jobs", "2", "--check",
        ])
        .arg("--out")
        .arg(&out)
        .output()
        .expect("venture runs");
    let text = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{text}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        text.contains("swept 3 seeds (600 ticks, invariants checked every tick) on 2 threads"),
        "{text}"
    );
    assert!(text.trim_end().ends_with("0 failed"), "{text}");
    assert!(!out.exists(), "no failures, no folder");
    let bad = Command::new(env!("CARGO_BIN_EXE_venture"))
        .args(["sweep", "--seeds", "5..5"])
        .output()
        .expect("venture runs");
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("holds no seeds"));
}

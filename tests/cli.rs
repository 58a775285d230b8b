//! The command line as testers use it: headless runs print a report with
//! the seed, ticks, depth, kills and state hash; seeds accept any u64 and
//! anything else is refused with a clear message.

mod common;

use common::bin::venture;

#[test]
fn headless_json_reports_the_run() {
    let out = venture(&[
        "headless",
        "--seed",
        "18446744073709551615",
        "--ticks",
        "300",
        "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(report["seed"], serde_json::json!(u64::MAX));
    assert_eq!(report["ticks"], 300);
    for key in ["depth", "deepest", "kills", "alive", "events", "ended_by"] {
        assert!(report.get(key).is_some(), "{key} missing from {report}");
    }
    let hash = report["state_hash"].as_str().expect("hash is a string");
    assert_eq!(hash.len(), 16);
    // The same run again gives the same hash.
    let again = venture(&[
        "headless",
        "--seed",
        "18446744073709551615",
        "--ticks",
        "300",
        "--json",
    ]);
    let again: serde_json::Value = serde_json::from_slice(&again.stdout).expect("valid JSON");
    assert_eq!(again["state_hash"], report["state_hash"]);
}

#[test]
fn headless_text_report_names_seed_depth_kills_and_hash() {
    let out = venture(&["headless", "--seed", "0x1f", "--ticks", "200"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "seed        31",
        "ticks       200",
        "depth",
        "kills",
        "state hash",
    ] {
        assert!(text.contains(needle), "{needle:?} not in:\n{text}");
    }
}

#[test]
fn a_random_seed_is_chosen_and_reported_when_none_is_given() {
    let out = venture(&["headless", "--ticks", "10", "--json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert!(report["seed"].is_u64());
}

#[test]
fn bad_seeds_are_refused_clearly() {
    for bad in ["banana", "-1", "18446744073709551616", "0xZZ", ""] {
        let out = venture(&["headless", "--seed", bad, "--ticks", "1"]);
        assert!(!out.status.success(), "{bad:?} accepted");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("is not a seed") || err.contains("--seed"),
            "{bad:?}: {err}"
        );
        assert!(!err.contains("panicked"), "{err}");
    }
}

#[test]
fn playing_without_a_terminal_says_what_to_do() {
    let out = venture(&["--seed", "3"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("terminal") && err.contains("headless"),
        "{err}"
    );
}

#[test]
fn genre_flags_pick_the_world_and_refuse_unknown_genres() {
    let out = venture(&[
        "headless", "--seed", "5", "--ticks", "50", "--genre", "fantasy", "--json",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    assert_eq!(report["genre"], "Fantasy");

    let unknown = venture(&["headless", "--genre", "westerm", "--ticks", "1"]);
    assert!(!unknown.status.success());
    let err = String::from_utf8_lossy(&unknown.stderr);
    assert!(
        err.contains("no genre `westerm`") && err.contains("fantasy"),
        "{err}"
    );

    for bad in ["scifi", "fantasy:1.5", "fantasy:lots"] {
        let out = venture(&["headless", "--blend", bad, "--ticks", "1"]);
        assert!(!out.status.success(), "--blend {bad} accepted");
        assert!(!out.stderr.is_empty());
    }
}

#[test]
fn seeds_lists_each_level_of_each_seed() {
    let out = venture(&[
        "seeds", "--from", "3", "--count", "2", "--depth", "2", "--csv",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert!(
        lines[0].starts_with("seed,genre,depth,generator,"),
        "{text}"
    );
    assert_eq!(lines.len(), 1 + 2 * 2, "{text}");
    assert!(
        lines[1].starts_with("3,") && lines[4].starts_with("4,"),
        "{text}"
    );

    let json = venture(&["seeds", "--count", "1", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&json.stdout).expect("valid JSON");
    assert_eq!(rows.as_array().map(Vec::len), Some(1));
    assert!(rows[0]["monsters"].as_u64().is_some_and(|m| m > 0));

    let none = venture(&["seeds", "--count", "0"]);
    assert!(!none.status.success(), "a count of 0 is refused");
}

//! `venture bench` as testers use it: the JSON has every figure, and the
//! real binary (with its counting allocator) ticks the stress world without
//! allocating once warm. Allocation counts are exact and asserted; times
//! are only checked to be there, never against the clock.

mod common;

use common::bin::venture;

fn bench_json(args: &[&str]) -> serde_json::Value {
    let out = venture(args);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("valid JSON")
}

#[test]
fn bench_json_has_every_figure_and_warm_ticks_allocate_nothing() {
    let r = bench_json(&["bench", "--json", "--ticks", "200", "--entities", "200"]);
    assert_eq!(r["entities"], 200);
    assert_eq!(r["ticks"], 200);
    assert!(r["warmup_ticks"].as_u64().is_some_and(|w| w > 0), "{r}");
    assert!(
        r["monsters_at_start"].as_u64().is_some_and(|m| m >= 200),
        "{r}"
    );
    assert!(
        r["ticks_per_second"].as_f64().is_some_and(|t| t > 0.0),
        "{r}"
    );
    let t = &r["tick_time_us"];
    assert_eq!(t["samples"], 200);
    let figure = |k: &str| t[k].as_f64().unwrap_or_else(|| panic!("{k} missing: {t}"));
    let (p50, p99, p999, max) = (figure("p50"), figure("p99"), figure("p99_9"), figure("max"));
    assert!(p50 <= p99 && p99 <= p999 && p999 <= max, "{t}");
    assert!(figure("mean") > 0.0);

    let a = &r["allocations"];
    assert_eq!(a["total"], 0, "warm ticks allocated: {a}");
    assert_eq!(a["per_tick"], 0.0, "{a}");
    assert_eq!(a["ticks_that_allocated"], 0, "{a}");

    // Null where the system does not say, but always there.
    assert!(r.get("cpu").is_some(), "{r}");

    let m = &r["memory"];
    assert!(m["peak_heap_bytes"].as_u64().is_some_and(|b| b > 0), "{m}");
    assert!(m.get("peak_resident_kib").is_some(), "{m}");
    // No sprite cache exists yet: said so, not made up.
    assert!(r["sprite_cache"].is_null());
    let notes = r["notes"].to_string();
    assert!(notes.contains("sprite"), "{notes}");

    let w = &r["worldgen"];
    assert!(w["new_world_ms"].as_f64().is_some_and(|ms| ms > 0.0), "{w}");
    assert!(
        w["stress_world_ms"].as_f64().is_some_and(|ms| ms > 0.0),
        "{w}"
    );
    let samples = w["samples"].as_array().expect("worldgen samples");
    for what in [
        "bsp",
        "caves",
        "maze",
        "forest",
        "city",
        "caverns",
        "composite",
        "level",
    ] {
        assert!(
            samples.iter().any(|s| s["what"] == what),
            "{what} not timed: {w}"
        );
    }
}

#[test]
fn bench_prints_a_table_without_json() {
    let out = venture(&[
        "bench",
        "--ticks",
        "50",
        "--entities",
        "50",
        "--warmup",
        "50",
        "--worldgen-samples",
        "0",
    ]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for needle in [
        "ticks/s",
        "p99.9",
        "allocations",
        "peak memory",
        "world gen",
    ] {
        assert!(text.contains(needle), "{needle:?} not in:\n{text}");
    }
}

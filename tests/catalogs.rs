//! The seed catalogs checked in under `tests/catalogs/` are what generation
//! makes today: a change to any generator, schema or seed derivation that
//! moves a level shows up here as a diff of readable CSV rows.
//!
//! When a change to generation is intended, rewrite the catalogs with
//! `VENTURE_BLESS=1 cargo test --test catalogs`, and review the diff.

use std::path::PathBuf;
use std::sync::Arc;

use venture::modes::catalog::{catalog, to_csv};
use venture::schema::{Content, load_defaults};
use venture::sim::Simulation;

/// Seeds `0..SEEDS`, levels `1..=DEPTH`, per genre.
const SEEDS: u64 = 20;
const DEPTH: i32 = 3;

fn in_genre(content: &Content, genre: &str) -> Content {
    let choice = content
        .parse_choice(Some(genre), None)
        .expect("a known genre");
    content.with_choice(choice)
}

#[test]
fn checked_in_catalogs_match_generation() {
    let content = load_defaults().expect("default schemas load");
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/catalogs");
    let bless = std::env::var_os("VENTURE_BLESS").is_some();
    let mut failures = Vec::new();
    for genre in content.genres.iter().map(|g| g.id.clone()) {
        let made = to_csv(&catalog(&in_genre(&content, &genre), 0, SEEDS, DEPTH));
        let path = dir.join(format!("{genre}.csv"));
        if bless {
            std::fs::create_dir_all(&dir).expect("catalog directory");
            std::fs::write(&path, &made).expect("catalog written");
            continue;
        }
        let Ok(kept) = std::fs::read_to_string(&path) else {
            failures.push(format!("{}: missing (bless to create it)", path.display()));
            continue;
        };
        if kept != made {
            let first = kept
                .lines()
                .zip(made.lines())
                .find(|(a, b)| a != b)
                .map_or_else(
                    || "the number of rows differs".to_owned(),
                    |(a, b)| format!("kept {a}\n    made {b}"),
                );
            failures.push(format!("{genre}: generation changed:\n    {first}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{}\nIf the change is intended: VENTURE_BLESS=1 cargo test --test catalogs",
        failures.join("\n")
    );
}

#[test]
fn the_catalog_describes_the_levels_the_game_plays() {
    let content = load_defaults().expect("default schemas load");
    for genre in content.genres.iter().map(|g| g.id.clone()) {
        let content = in_genre(&content, &genre);
        for seed in [0, 7, u64::MAX] {
            let row = catalog(&content, seed, 1, 1).remove(0);
            let sim = Simulation::new(seed, Arc::new(content.clone()));
            let (w, h, rooms) = sim
                .with_level(1, |l| (l.width(), l.height(), l.rooms.len()))
                .expect("level 1 exists");
            assert_eq!(
                (row.width, row.height, row.rooms),
                (w, h, rooms),
                "{genre} seed {seed}"
            );
            assert_eq!(row.genre, sim.content().genre_label());
        }
    }
}

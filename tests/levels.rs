//! Every generated level can be played through: from where heroes arrive,
//! the stairs down (and up) can be reached on foot, for 200 seeds, every
//! depth of the dungeon and every genre.

mod common;

use venture::procgen::level::generate;
use venture::schema::load_defaults;

#[test]
fn stairs_are_reachable_on_every_level_of_200_seeds() {
    let base = load_defaults().expect("default schemas load");
    for g in base.genre_ids() {
        let content = base.in_genre(g);
        stairs_are_reachable(&content, &content.genre().id);
    }
}

fn stairs_are_reachable(content: &venture::schema::Content, genre: &str) {
    let last = content.rules.dungeon_depth;
    for seed in 0..200u64 {
        for depth in 1..=last {
            let g = generate(content, seed, depth);
            common::assert_playable(
                &g,
                depth,
                last,
                &format!("{genre} seed {seed} depth {depth}"),
            );
        }
    }
}

#[test]
fn a_world_holds_only_its_own_genre() {
    // Nothing falls back to another genre's monsters or items: every monster
    // and item placed in a world of one genre is tagged with it.
    let base = load_defaults().expect("default schemas load");
    for g in base.genre_ids() {
        let content = base.in_genre(g);
        let id = content.genre().id.clone();
        for seed in 0..20u64 {
            for depth in 1..=content.rules.dungeon_depth {
                let level = generate(&content, seed, depth);
                for m in &level.monsters {
                    let def = content.monster(m.kind);
                    assert!(
                        def.genres.contains(&id),
                        "{id} seed {seed} depth {depth}: `{}`",
                        def.id
                    );
                }
                for i in &level.items {
                    let def = content.item(i.item);
                    assert!(
                        def.genres.contains(&id),
                        "{id} seed {seed} depth {depth}: `{}`",
                        def.id
                    );
                }
            }
        }
    }
}

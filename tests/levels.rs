//! Every generated level can be played through: from where heroes arrive,
//! the stairs down (and up) can be reached on foot, for 200 seeds, every
//! depth of the dungeon and every genre.

use venture::procgen::level::generate;
use venture::schema::load_defaults;
use venture::sim::Tile;
use venture::sim::algo::dijkstra::{DijkstraMap, UNREACHED};
use venture::sim::level::RoomRole;

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
            let level = &g.level;
            let mut dist = DijkstraMap::new(level.width(), level.height());
            dist.compute([level.arrival_from_above], i32::MAX, |p| {
                level.is_walkable(p)
            });
            let stairs: Vec<_> = level
                .tiles
                .points()
                .filter(|&p| matches!(level.tile(p), Tile::StairsDown | Tile::StairsUp))
                .collect();
            let expected = usize::from(depth > 1) + usize::from(depth < last);
            assert_eq!(stairs.len(), expected, "{genre} seed {seed} depth {depth}");
            for s in stairs {
                assert_ne!(
                    dist.get(s),
                    UNREACHED,
                    "{genre} seed {seed} depth {depth}: stairs at {s:?} unreachable"
                );
            }
            for m in &g.monsters {
                assert_ne!(
                    dist.get(m.at),
                    UNREACHED,
                    "{genre} seed {seed} depth {depth}: monster walled in"
                );
            }
            assert!(
                level.rooms.iter().any(|r| r.role == RoomRole::Boss),
                "{genre} seed {seed} depth {depth}: no boss room"
            );
            assert_eq!(
                g.monsters.iter().filter(|m| m.boss).count(),
                1,
                "{genre} seed {seed} depth {depth}"
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

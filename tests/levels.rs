//! Every generated level can be played through: from where heroes arrive,
//! the stairs down (and up) can be reached on foot, for 200 seeds and every
//! depth of the dungeon.

use venture::procgen::level::generate;
use venture::schema::load_defaults;
use venture::sim::Tile;
use venture::sim::algo::dijkstra::{DijkstraMap, UNREACHED};
use venture::sim::level::RoomRole;

#[test]
fn stairs_are_reachable_on_every_level_of_200_seeds() {
    let content = load_defaults().expect("default schemas load");
    let last = content.rules.dungeon_depth;
    for seed in 0..200u64 {
        for depth in 1..=last {
            let g = generate(&content, seed, depth);
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
            assert_eq!(stairs.len(), expected, "seed {seed} depth {depth}");
            for s in stairs {
                assert_ne!(
                    dist.get(s),
                    UNREACHED,
                    "seed {seed} depth {depth}: stairs at {s:?} unreachable"
                );
            }
            for m in &g.monsters {
                assert_ne!(
                    dist.get(m.at),
                    UNREACHED,
                    "seed {seed} depth {depth}: monster walled in"
                );
            }
            assert!(
                level.rooms.iter().any(|r| r.role == RoomRole::Boss),
                "seed {seed} depth {depth}: no boss room"
            );
            assert_eq!(
                g.monsters.iter().filter(|m| m.boss).count(),
                1,
                "seed {seed} depth {depth}"
            );
        }
    }
}

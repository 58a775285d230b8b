//! Property tests over every genre x terrain generator (all seven, the
//! composite twice to cover every biome): 100 seeds each (one level per
//! seed, depths cycling through the dungeon). Every level is one
//! connected piece, its stairs are reachable from where heroes arrive, no
//! monster or item is inside a wall or walled off, and the boss is in the
//! boss room.

mod common;

use venture::procgen::level::generate;
use venture::procgen::terrain::bsp::BspParams;
use venture::procgen::terrain::caverns::CavernParams;
use venture::procgen::terrain::cellular::CaveParams;
use venture::procgen::terrain::city::CityParams;
use venture::procgen::terrain::composite::{Biome, CompositeParams};
use venture::procgen::terrain::forest::ForestParams;
use venture::procgen::terrain::is_connected;
use venture::procgen::terrain::maze::MazeParams;
use venture::schema::levels::Generator;
use venture::schema::{Content, load_defaults};
use venture::sim::Tile;
use venture::sim::algo::dijkstra::UNREACHED;
use venture::sim::level::RoomRole;

const SEEDS: u64 = 100;

/// `base` in genre `genre`, building every depth with `g`.
fn genre_with(base: &Content, genre: &str, g: &Generator) -> Content {
    let c = common::with_generator(base, g);
    let choice = c.parse_choice(Some(genre), None).expect("known genre");
    c.with_choice(choice)
}

#[test]
fn every_genre_and_generator_makes_playable_levels() {
    let base = load_defaults().expect("default schemas load");
    let generators = [
        Generator::Bsp(BspParams::default()),
        Generator::Caves(CaveParams::default()),
        Generator::Maze(MazeParams::default()),
        Generator::Forest(ForestParams::default()),
        Generator::City(CityParams::default()),
        Generator::Caverns(CavernParams::default()),
        Generator::Composite(CompositeParams::default()),
        // The biomes the default composite leaves out.
        Generator::Composite(CompositeParams {
            biomes: vec![Biome::City, Biome::Caverns, Biome::Water, Biome::Maze],
            regions: 5,
            border_jitter: 4,
        }),
    ];
    let last = base.rules.dungeon_depth;
    for genre in base.genres.iter().map(|g| g.id.clone()) {
        for g in &generators {
            let content = genre_with(&base, &genre, g);
            for seed in 0..SEEDS {
                let depth = 1 + (seed % u64::try_from(last).unwrap_or(1)) as i32;
                let world = content.for_world(seed);
                let at = format!("{genre} {} seed {seed} depth {depth}", g.name());
                let lv = generate(&world, seed, depth);
                let level = &lv.level;
                assert!(is_connected(&level.tiles), "{at}: not connected");
                let dist = common::assert_playable(&lv, depth, last, &at);
                for m in &lv.monsters {
                    assert!(level.is_walkable(m.at), "{at}: monster in a wall");
                    assert_ne!(dist.get(m.at), UNREACHED, "{at}: monster walled in");
                }
                for it in &lv.items {
                    assert!(level.is_walkable(it.at), "{at}: item in a wall");
                    assert_ne!(dist.get(it.at), UNREACHED, "{at}: item walled in");
                }
                let boss_room = level
                    .rooms
                    .iter()
                    .find(|r| r.role == RoomRole::Boss)
                    .unwrap_or_else(|| panic!("{at}: no boss room"));
                let bosses: Vec<_> = lv.monsters.iter().filter(|m| m.boss).collect();
                assert_eq!(bosses.len(), 1, "{at}");
                let r = boss_room.rect;
                let near_room = |p: venture::sim::algo::grid::Point| {
                    p.x >= r.x - 1 && p.y >= r.y - 1 && p.x <= r.x + r.w && p.y <= r.y + r.h
                };
                assert!(near_room(bosses[0].at), "{at}: boss outside the boss room");
                assert!(
                    lv.monsters.iter().all(|m| world.monster_share(m.kind) > 0),
                    "{at}: a monster from another genre"
                );
            }
        }
    }
}

#[test]
fn features_appear_and_keep_levels_whole() {
    let content = load_defaults().expect("default schemas load");
    let (mut moats, mut trap_rooms, mut traps, mut lakes, mut lava, mut pits) = (0, 0, 0, 0, 0, 0);
    for seed in 0..100u64 {
        let depth = 1 + (seed % 9) as i32;
        let world = content.for_world(seed);
        let lv = generate(&world, seed, depth);
        let level = &lv.level;
        assert!(is_connected(&level.tiles), "seed {seed}: cut in pieces");
        let count = |t: Tile| level.tiles.cells().iter().filter(|&&c| c == t).count();
        // A door leads somewhere on both sides: cut corners never wall one off.
        for p in level.tiles.points() {
            if matches!(level.tile(p), Tile::Door | Tile::OpenDoor) {
                let open = [(1, 0), (-1, 0), (0, 1), (0, -1)]
                    .iter()
                    .filter(|&&(dx, dy)| {
                        level
                            .tile(venture::sim::algo::grid::Point::new(p.x + dx, p.y + dy))
                            .is_passable()
                    })
                    .count();
                assert!(open >= 2, "seed {seed}: the door at {p:?} opens onto rock");
            }
        }
        if let Some(boss) = level.rooms.iter().find(|r| r.role == RoomRole::Boss)
            && boss.rect.points().any(|p| level.tile(p) == Tile::DeepWater)
        {
            moats += 1;
            assert!(
                boss.rect.points().any(|p| level.tile(p) == Tile::Bridge),
                "seed {seed}: a moat with no bridge"
            );
        }
        trap_rooms += usize::from(level.rooms.iter().any(|r| r.role == RoomRole::Trap));
        traps += usize::from(count(Tile::Trap) > 0);
        lakes += usize::from(count(Tile::ShallowWater) > 0);
        lava += usize::from(count(Tile::Lava) > 0);
        pits += usize::from(count(Tile::Pit) > 0);
    }
    for (what, n) in [
        ("moats", moats),
        ("trap rooms", trap_rooms),
        ("traps", traps),
        ("lakes", lakes),
        ("lava", lava),
        ("pits", pits),
    ] {
        assert!(n >= 5, "only {n} of 100 levels have {what}");
    }
}

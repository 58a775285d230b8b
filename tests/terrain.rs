//! What the ground does: lava burns, traps go off and become known, pits drop
//! the hero a level, shallow water puts out fire, secret doors are found, and
//! hidden things look like their surroundings in the frame.
//!
//! And how it is laid out: the maze, forest, city, cavern and composite
//! generators keep the terrain guarantees (wall ring, one connected piece,
//! same seed same map) at every size, give the rooms a level needs, whole
//! levels built with them can be played from the arrival to the stairs, and
//! out-of-range parameters in genres.ron are refused with the field named.

mod common;

use std::sync::Arc;

use venture::procgen::level::generate;
use venture::procgen::seed::Stream;
use venture::procgen::terrain::caverns::{self, CavernParams};
use venture::procgen::terrain::city::{self, CityParams};
use venture::procgen::terrain::composite::{self, CompositeParams};
use venture::procgen::terrain::forest::{self, ForestParams};
use venture::procgen::terrain::maze::{self, MazeParams};
use venture::procgen::terrain::{Layout, is_connected};
use venture::schema::levels::{Generator, GeneratorChoice};
use venture::schema::load::{SchemaSource, default_sources, load_sources};
use venture::schema::{Content, SchemaErrorKind, StatusKind, load_defaults};
use venture::sim::algo::grid::{Dir, Point};
use venture::sim::event::Hazard;
use venture::sim::level::RoomRole;
use venture::sim::{Action, EventKind, PlayerId, PlayerInput, Simulation, Tile};
use venture::view::{Observer, build};

fn world(seed: u64) -> (Simulation, PlayerId) {
    let content = Arc::new(load_defaults().expect("default schemas load"));
    let mut sim = Simulation::new(seed, content);
    let me = sim.add_player("Tester");
    sim.step(&[]);
    (sim, me)
}

fn hero_at(sim: &Simulation, me: PlayerId) -> (i32, Point) {
    let h = sim.hero(me).expect("hero");
    (h.depth, h.at)
}

/// An open direction from the hero whose target tile is plain floor.
fn open_dir(sim: &Simulation, me: PlayerId) -> (Dir, Point) {
    let (depth, at) = hero_at(sim, me);
    Dir::ALL
        .into_iter()
        .map(|d| (d, at.step(d)))
        .find(|&(_, p)| {
            sim.with_level(depth, |l| {
                l.tile(p) == Tile::Floor && l.occupant(p).is_none()
            })
            .unwrap_or(false)
        })
        .expect("floor next to the spawn point")
}

fn set_tile(sim: &mut Simulation, depth: i32, at: Point, tile: Tile) {
    sim.edit_level(depth, |l| l.tiles.set(at, tile));
}

/// Walks one step and returns every event until the hero has moved (or a
/// few ticks pass).
fn walk(sim: &mut Simulation, me: PlayerId, dir: Dir) -> Vec<EventKind> {
    let before = hero_at(sim, me);
    let mut seen: Vec<EventKind> = sim
        .step(&[PlayerInput {
            player: me,
            action: Action::Move(dir),
        }])
        .iter()
        .map(|e| e.kind)
        .collect();
    for _ in 0..8 {
        if hero_at(sim, me) != before {
            break;
        }
        seen.extend(sim.step(&[]).iter().map(|e| e.kind));
    }
    seen
}

#[test]
fn lava_burns_and_water_puts_the_fire_out() {
    let (mut sim, me) = world(7);
    let (depth, _) = hero_at(&sim, me);
    let (dir, lava) = open_dir(&sim, me);
    set_tile(&mut sim, depth, lava, Tile::Lava);
    let hp = sim.hero(me).unwrap().hp;
    let events = walk(&mut sim, me, dir);
    assert_eq!(hero_at(&sim, me).1, lava, "heroes may walk into lava");
    assert!(
        events.iter().any(
            |e| matches!(e, EventKind::Hazard { hazard: Hazard::Lava, damage, .. } if *damage > 0)
        ),
        "{events:?}"
    );
    let hero = sim.hero(me).unwrap();
    assert!(hero.hp < hp);
    assert!(hero.statuses.iter().any(|s| s.kind == StatusKind::Burning));

    // Step back onto water: the fire goes out.
    let back = dir.opposite();
    let (_, start) = (depth, lava.step(back));
    set_tile(&mut sim, depth, start, Tile::ShallowWater);
    walk(&mut sim, me, back);
    let hero = sim.hero(me).unwrap();
    assert_eq!(hero.at, start);
    assert!(hero.statuses.iter().all(|s| s.kind != StatusKind::Burning));
}

#[test]
fn a_hidden_trap_goes_off_and_is_then_known() {
    let (mut sim, me) = world(11);
    let (depth, _) = hero_at(&sim, me);
    let (dir, at) = open_dir(&sim, me);
    set_tile(&mut sim, depth, at, Tile::Trap);
    // Before it goes off the frame shows plain floor.
    let mut observer = Observer::new(me);
    let frame = build(&sim, &mut observer, 60, 20);
    assert!(frame.map.cells.iter().all(|c| c.tile != Some(Tile::Trap)));

    let events = walk(&mut sim, me, dir);
    let sprung = events
        .iter()
        .any(|e| matches!(e, EventKind::Hazard { hazard, .. } if Hazard::TRAPS.contains(hazard)));
    assert!(sprung, "{events:?}");
    let tile_now = sim.with_level(depth, |l| l.tile(at)).unwrap();
    let fell = hero_at(&sim, me).0 == depth + 1;
    assert!(fell || tile_now == Tile::KnownTrap, "{tile_now:?}");
}

#[test]
fn a_pit_drops_the_hero_to_the_next_level() {
    let (mut sim, me) = world(3);
    let (depth, _) = hero_at(&sim, me);
    let (dir, at) = open_dir(&sim, me);
    set_tile(&mut sim, depth, at, Tile::Pit);
    let hp = sim.hero(me).unwrap().hp;
    let events = walk(&mut sim, me, dir);
    sim.step(&[]);
    assert_eq!(hero_at(&sim, me).0, depth + 1, "{events:?}");
    assert!(sim.hero(me).unwrap().hp < hp);
}

#[test]
fn secret_doors_look_like_wall_until_found() {
    let (mut sim, me) = world(5);
    let (depth, at) = hero_at(&sim, me);
    let wall = Dir::ALL
        .into_iter()
        .map(|d| at.step(d))
        .find(|&p| sim.with_level(depth, |l| l.tile(p) == Tile::Wall).unwrap())
        .unwrap_or(at.step(Dir::N));
    set_tile(&mut sim, depth, wall, Tile::SecretDoor);
    let mut observer = Observer::new(me);
    build(&sim, &mut observer, 60, 20);
    let before = build(&sim, &mut observer, 60, 20);
    assert!(
        before
            .map
            .cells
            .iter()
            .all(|c| c.tile != Some(Tile::SecretDoor))
    );

    let mut found = false;
    for _ in 0..400 {
        found |= sim
            .step(&[])
            .iter()
            .any(|e| matches!(e.kind, EventKind::FoundSecretDoor { .. }));
        if found {
            break;
        }
    }
    assert!(found, "standing next to a secret door finds it");
    assert_eq!(sim.with_level(depth, |l| l.tile(wall)), Some(Tile::Door));
}

/// The sizes every layout generator is tried at: the usual, a big one, a
/// small one and two degenerate ones.
const SIZES: [(i32, i32); 5] = [(80, 50), (200, 200), (30, 20), (0, 0), (3, 3)];

/// Asserts the terrain guarantees and that a second run from the same seed
/// gives the same layout.
fn sound(make: impl Fn(u64) -> Layout, seed: u64, w: i32, h: i32) -> Layout {
    let l = make(seed);
    let t = &l.tiles;
    assert_eq!((t.width(), t.height()), (w, h));
    for p in t.points() {
        let border = p.x == 0 || p.y == 0 || p.x == w - 1 || p.y == h - 1;
        assert!(
            !border || t.get(p) == Some(&Tile::Wall),
            "{w}x{h} seed {seed}: open border at {p:?}"
        );
    }
    assert!(is_connected(t), "{w}x{h} seed {seed}: not connected");
    for r in &l.rooms {
        let floor = r.points().all(|q| t.get(q) == Some(&Tile::Floor));
        assert!(r.area() > 0 && floor, "{w}x{h} seed {seed}: room {r:?}");
    }
    let again = make(seed);
    assert_eq!((&again.tiles, &again.rooms), (t, &l.rooms), "seed {seed}");
    l
}

fn stream(seed: u64) -> Stream {
    Stream::new(seed, 0x7e44a1, &[])
}

#[test]
fn mazes_keep_the_guarantees_and_have_four_rooms() {
    let p = MazeParams::default();
    for (w, h) in SIZES {
        for seed in 0..100 {
            let l = sound(|s| maze::generate(w, h, &p, &mut stream(s)), seed, w, h);
            if w >= 30 {
                assert!(
                    l.rooms.len() >= 4,
                    "{w}x{h} seed {seed}: {} rooms",
                    l.rooms.len()
                );
            }
        }
    }
}

#[test]
fn forests_keep_the_guarantees_with_a_bridged_river_and_clearings() {
    let p = ForestParams::default();
    for (w, h) in SIZES {
        for seed in 0..100 {
            let l = sound(|s| forest::generate(w, h, &p, &mut stream(s)), seed, w, h);
            if w < 30 {
                continue;
            }
            let has = |t: Tile| l.tiles.cells().contains(&t);
            assert!(
                l.rooms.len() >= 4,
                "{w}x{h} seed {seed}: {} clearings",
                l.rooms.len()
            );
            assert!(
                has(Tile::DeepWater) && has(Tile::ShallowWater),
                "{w}x{h} seed {seed}"
            );
            assert!(has(Tile::Bridge), "{w}x{h} seed {seed}: no bridge");
            assert!(has(Tile::Tree), "{w}x{h} seed {seed}: no tree");
            // The clearings are treeless.
            for r in &l.rooms {
                assert!(r.points().all(|q| l.tiles.get(q) != Some(&Tile::Tree)));
            }
        }
    }
}

/// The default content, with every genre building every depth with `g`.
fn content_with(g: Generator) -> Content {
    common::with_generator(&load_defaults().expect("default schemas load"), &g)
}

/// Every level of `seeds` worlds is playable (`common::assert_playable`),
/// has every room role, and the shape `check` wants.
fn playable(content: &Content, seeds: u64, check: impl Fn(&venture::sim::level::Level)) {
    let last = content.rules.dungeon_depth;
    for seed in 0..seeds {
        for depth in 1..=last {
            let g = generate(content, seed, depth);
            let level = &g.level;
            check(level);
            let at = format!("seed {seed} depth {depth}");
            common::assert_playable(&g, depth, last, &at);
            let roles: Vec<RoomRole> = level.rooms.iter().map(|r| r.role).collect();
            for role in [
                RoomRole::Spawn,
                RoomRole::Exit,
                RoomRole::Boss,
                RoomRole::Treasure,
            ] {
                assert!(roles.contains(&role), "{at}: {role:?}");
            }
        }
    }
}

#[test]
fn maze_levels_can_be_played_through() {
    let content = content_with(Generator::Maze(MazeParams::default()));
    playable(&content, 30, |l| {
        assert!(!l.tiles.cells().contains(&Tile::Tree));
    });
}

#[test]
fn forest_levels_can_be_played_through() {
    let content = content_with(Generator::Forest(ForestParams::default()));
    playable(&content, 30, |l| {
        assert!(l.tiles.cells().contains(&Tile::Bridge));
    });
}

#[test]
fn generator_params_parse_from_ron_in_a_level_recipe() {
    let choice: GeneratorChoice = ron::from_str(
        "(weight: 2, generator: Maze((corridor_width: 2, braid_percent: 40, room_percent: 50)))",
    )
    .expect("maze parses");
    let Generator::Maze(m) = &choice.generator else {
        panic!("{choice:?}");
    };
    assert_eq!((m.corridor_width, m.braid_percent, m.min_room), (2, 40, 3));
    let choice: GeneratorChoice =
        ron::from_str("(weight: 1, generator: Forest((tree_spacing: 3, bridges: 3)))")
            .expect("forest parses");
    assert!(matches!(
        choice.generator,
        Generator::Forest(ForestParams { bridges: 3, .. })
    ));
    assert!(
        ron::from_str::<GeneratorChoice>("(weight: 1, generator: Forest((river: 3)))").is_err()
    );
    assert!(ron::from_str::<GeneratorChoice>("(weight: 1, generator: Maze(()))").is_ok());
}

#[test]
fn cities_caverns_and_composites_keep_the_guarantees() {
    for (w, h) in SIZES {
        for seed in 0..50 {
            let c = sound(
                |s| city::generate(w, h, &CityParams::default(), &mut stream(s)),
                seed,
                w,
                h,
            );
            let v = sound(
                |s| caverns::generate(w, h, &CavernParams::default(), &mut stream(s)),
                seed,
                w,
                h,
            );
            let m = sound(
                |s| composite::generate(w, h, &CompositeParams::default(), &mut stream(s)),
                seed,
                w,
                h,
            );
            if w >= 80 {
                let at = format!("{w}x{h} seed {seed}");
                assert!(c.tiles.cells().contains(&Tile::Door), "{at}: no building");
                assert!(c.rooms.len() >= 4 && v.rooms.len() >= 4, "{at}: few rooms");
                assert!(!m.rooms.is_empty(), "{at}: no composite room");
            }
        }
    }
}

#[test]
fn city_cavern_and_composite_levels_can_be_played_through() {
    let city = content_with(Generator::City(CityParams::default()));
    playable(&city, 10, |l| {
        assert!(l.tiles.cells().contains(&Tile::Door))
    });
    let caverns = content_with(Generator::Caverns(CavernParams::default()));
    playable(&caverns, 10, |l| {
        assert!(!l.tiles.cells().contains(&Tile::Door))
    });
    let composite = content_with(Generator::Composite(CompositeParams::default()));
    playable(&composite, 10, |_| {});
}

/// genres.ron with its first Bsp generator replaced by `generator`, loaded.
fn genres_with(generator: &str) -> Result<Content, venture::schema::SchemaErrors> {
    let sources: Vec<SchemaSource> = default_sources()
        .into_iter()
        .map(|s| {
            if !s.name.ends_with("genres.ron") {
                return s;
            }
            let text = s.text.to_string();
            let start = text.find("generator: Bsp(").expect("a Bsp") + "generator: ".len();
            let end = start + text[start..].find(")),").expect("its end") + 1;
            let edited = format!("{}{generator}{}", &text[..start], &text[end..]);
            SchemaSource::new(s.name.clone(), edited)
        })
        .collect();
    load_sources(&sources)
}

#[test]
fn new_generator_params_are_range_checked_with_the_field_named() {
    for good in [
        "City((block_size: 10))",
        "Caverns((scale: 8, water_percent: 20))",
        "Composite((biomes: [City, Water], regions: 3))",
        "Composite(())",
    ] {
        assert!(genres_with(good).is_ok(), "{good}");
    }
    for (bad, fields) in [
        (
            "City((block_size: 3, street_width: 0, min_room: 9, max_room: 4))",
            &["block_size", "street_width", "max_room"][..],
        ),
        (
            "Caverns((scale: 1, octaves: 9, open_percent: 100, water_percent: 95))",
            &["scale", "octaves", "open_percent", "water_percent"][..],
        ),
        (
            "Composite((biomes: [], regions: 40, border_jitter: -1))",
            &["biomes", "regions", "border_jitter"][..],
        ),
    ] {
        let errors = genres_with(bad).expect_err(bad).errors;
        assert_eq!(errors.len(), fields.len(), "{bad}: {errors:#?}");
        for (e, field) in errors.iter().zip(fields) {
            assert_eq!(e.kind, SchemaErrorKind::OutOfRange, "{bad}");
            assert!(e.message.starts_with(&format!("`{field}`")), "{e}");
        }
    }
    assert!(genres_with("Composite((biomes: [Lava]))").is_err());
}

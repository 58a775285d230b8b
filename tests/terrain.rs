//! What the ground does: lava burns, traps go off and become known, pits drop
//! the hero a level, shallow water puts out fire, secret doors are found, and
//! hidden things look like their surroundings in the frame.

use std::sync::Arc;

use venture::schema::{StatusKind, load_defaults};
use venture::sim::algo::grid::{Dir, Point};
use venture::sim::event::Hazard;
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

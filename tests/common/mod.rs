//! Checks the level tests share: content that builds every level with one
//! generator, and what makes a generated level playable; and (`bin.rs`)
//! running the built binary.
#![allow(dead_code)] // each test file uses its own share of these

pub mod bin;

use venture::procgen::level::GeneratedLevel;
use venture::schema::genres::TerrainBand;
use venture::schema::levels::{Generator, GeneratorChoice};
use venture::schema::{Content, Span};
use venture::sim::Tile;
use venture::sim::algo::dijkstra::{DijkstraMap, UNREACHED};
use venture::sim::level::RoomRole;

/// `base` with every genre building every depth with `g`.
pub fn with_generator(base: &Content, g: &Generator) -> Content {
    let mut c = base.clone();
    for genre in &mut c.genres {
        genre.terrain = vec![TerrainBand {
            depth: Span(1, 99),
            generators: vec![GeneratorChoice {
                weight: 1,
                generator: g.clone(),
            }],
        }];
    }
    c
}

/// A level at `depth` of a `last`-deep dungeon can be played through: it
/// has the stairs its depth needs, all reachable on foot from where heroes
/// arrive, every monster is reachable, there is a boss room and exactly one
/// boss. Returns the walking distances from the arrival for further checks.
pub fn assert_playable(g: &GeneratedLevel, depth: i32, last: i32, at: &str) -> DijkstraMap {
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
    assert_eq!(stairs.len(), expected, "{at}");
    for s in stairs {
        assert_ne!(dist.get(s), UNREACHED, "{at}: stairs at {s:?} unreachable");
    }
    for m in &g.monsters {
        assert_ne!(dist.get(m.at), UNREACHED, "{at}: monster walled in");
    }
    assert!(
        level.rooms.iter().any(|r| r.role == RoomRole::Boss),
        "{at}: no boss room"
    );
    assert_eq!(g.monsters.iter().filter(|m| m.boss).count(), 1, "{at}");
    dist
}

/// Fantasy content whose monsters do no harm, so a scripted walk through a
/// level is never cut short.
pub fn harmless_fantasy() -> Content {
    let c = venture::schema::load_defaults().expect("defaults");
    let mut c = c.in_genre(c.genre_id("fantasy").expect("fantasy"));
    for m in &mut c.monsters {
        m.damage = Span(0, 0);
        m.attack = 0;
        m.ranged = None;
        m.on_hit = None;
    }
    c
}

/// Steps hero 0 one tile towards `to` (walking into whoever stands there)
/// and returns the tick's events.
pub fn step_towards(
    sim: &mut venture::sim::Simulation,
    to: venture::sim::algo::grid::Point,
) -> Vec<venture::sim::EventKind> {
    use venture::sim::{Action, PlayerId, PlayerInput};
    let hero = sim.hero(PlayerId(0)).expect("hero");
    let dir = sim
        .with_level(hero.depth, |level| {
            let mut map = DijkstraMap::new(level.width(), level.height());
            map.compute([to], i32::MAX, |p| level.is_walkable(p));
            map.downhill(hero.at, |p| !level.is_walkable(p))
        })
        .flatten();
    let action = dir.map_or(Action::Wait, Action::Move);
    let input = [PlayerInput {
        player: PlayerId(0),
        action,
    }];
    sim.step(&input).iter().map(|e| e.kind).collect()
}

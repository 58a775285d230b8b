//! The stress world: one large cave level crowded with monsters around a
//! hero too tough to die, so every tick has hunting, pathing, fighting and
//! status effects. It is ordinary schema data with bigger numbers, so it
//! exercises exactly the code real games run.

use std::sync::Arc;

use crate::procgen::terrain::cellular::CaveParams;
use crate::schema::Content;
use crate::schema::genres::TerrainBand;
use crate::schema::levels::{Generator, GeneratorChoice};
use crate::sim::{PlayerId, Simulation};

/// Side of the stress level in tiles.
pub const STRESS_SIDE: i32 = 256;

/// `base` changed so that depth 1 is a `STRESS_SIDE`-square cave holding
/// `monsters` monsters and the hero has a million hit points.
pub fn stress_content(base: &Content, monsters: i32) -> Content {
    let mut c = base.clone();
    c.rules.player.hp = 1_000_000;
    if let Some(band) = c.levels.iter_mut().find(|b| b.depth.contains(1)) {
        band.width = STRESS_SIDE;
        band.height = STRESS_SIDE;
        band.monsters = crate::schema::Span(monsters, monsters);
    }
    for genre in &mut c.genres {
        genre.terrain = vec![TerrainBand {
            depth: crate::schema::Span(1, 1),
            generators: vec![GeneratorChoice {
                weight: 1,
                generator: Generator::Caves(CaveParams::default()),
            }],
        }];
    }
    c
}

/// A stress simulation with one hero, ready to step.
pub fn stress_sim(base: &Content, seed: u64, monsters: i32) -> (Simulation, PlayerId) {
    let content = Arc::new(stress_content(base, monsters));
    let mut sim = Simulation::new(seed, content);
    let player = sim.add_player("Stress");
    (sim, player)
}

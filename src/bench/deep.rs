//! A long run to measure saves on: the explore bot plays a fantasy world
//! with a hero who cannot die (so the run is never cut short) until they
//! stand on `depth`, having explored, fought, looted and quested on every
//! level on the way. `benches/save.rs` saves and loads it.

use std::sync::Arc;

use crate::bot::BotKind;
use crate::schema::Content;
use crate::sim::{PlayerId, PlayerInput, Simulation};

/// The most ticks the bot gets to reach the depth (about four hours of game
/// time): a seed that needs more is reported, not waited on forever.
pub const TICK_LIMIT: u64 = 300_000;

/// Fantasy content whose hero cannot die (as in the stress world), so
/// every monster, spell and trap still does what it does.
pub fn deathless(base: &Content) -> Content {
    let mut content = match base.genre_id("fantasy") {
        Some(g) => base.in_genre(g),
        None => base.clone(),
    };
    content.rules.player.hp = 1_000_000;
    content
}

/// Plays `seed` with the explore bot until the hero reaches `depth`;
/// `None` when it did not within [`TICK_LIMIT`] ticks.
pub fn run_to_depth(base: &Content, seed: u64, depth: i32) -> Option<Simulation> {
    let mut sim = Simulation::new(seed, Arc::new(deathless(base)));
    let player: PlayerId = sim.add_player("Delver");
    let mut bot = BotKind::Explore.build();
    let mut inputs = Vec::with_capacity(1);
    while sim.tick() < TICK_LIMIT {
        if sim.hero(player)?.depth >= depth {
            return Some(sim);
        }
        inputs.clear();
        if let Some(action) = bot.decide(&sim, player) {
            inputs.push(PlayerInput { player, action });
        }
        sim.step(&inputs);
    }
    None
}

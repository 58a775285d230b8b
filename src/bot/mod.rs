//! Computer players. A bot reads the world only through the simulation's
//! plain-data queries and answers with the same [`Action`]s a keyboard or a
//! network client sends, so bot runs exercise exactly what players do.
//!
//! Bots keep no memory between decisions beyond scratch buffers: what they
//! do follows from the game state alone, so a run resumed from a save
//! continues exactly as an unbroken one. To add a bot: implement [`Bot`] in a
//! new file and name it in [`BotKind`].

mod casting;
mod crafting;
mod errands;
mod explore;
mod gear;
mod growth;
mod shopping;
mod supplies;

use clap::ValueEnum;

pub use explore::{ExploreBot, known_tiles};

use crate::sim::{Action, PlayerId, Simulation};

/// A computer player.
pub trait Bot {
    /// The action to take now, if any. Called every tick.
    fn decide(&mut self, sim: &Simulation, player: PlayerId) -> Option<Action>;
}

/// The bots that can be named on the command line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum BotKind {
    /// Explores each level, fights what it meets, drinks potions when hurt,
    /// picks up and equips better gear, then takes the stairs down.
    #[default]
    Explore,
    /// Does nothing: for measuring the world on its own.
    Idle,
}

impl BotKind {
    pub fn build(self) -> Box<dyn Bot> {
        match self {
            BotKind::Explore => Box::new(ExploreBot::default()),
            BotKind::Idle => Box::new(IdleBot),
        }
    }
}

/// A bot that never acts.
#[derive(Clone, Copy, Debug, Default)]
pub struct IdleBot;

impl Bot for IdleBot {
    fn decide(&mut self, _: &Simulation, _: PlayerId) -> Option<Action> {
        None
    }
}

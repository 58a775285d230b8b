//! Travel commands for players: run in a direction, or auto-explore. Both
//! stop the moment anything deserves the player's attention (a monster in
//! sight, losing health, something underfoot, a dead end, someone new to
//! meet), so they save key presses without ever fighting on the player's
//! behalf.

use crate::bot::{ExploreBot, known_tiles};
use crate::sim::algo::grid::Dir;
use crate::sim::components::AiState;
use crate::sim::query::{ActorState, HeroState, ItemState};
use crate::sim::{Action, PlayerId, Simulation, Tile, Who};

/// What the hero is doing on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Autopilot {
    /// Keep stepping this way.
    Run(Dir),
    /// Fetch visible items and walk to unexplored places.
    Explore,
    /// Walk to the stairs down (or up) the hero has seen.
    Stairs { down: bool },
}

/// Drives an [`Autopilot`] from one decision to the next.
#[derive(Default)]
pub struct Pilot {
    mode: Option<Autopilot>,
    /// Health when the last step was taken: any loss stops the trip.
    hp: i32,
    /// Steps taken on this trip.
    steps: u32,
    explorer: ExploreBot,
    actors: Vec<ActorState>,
    items: Vec<ItemState>,
    /// Peaceful people (merchants, quest people) exploring has already
    /// stopped for, so each is announced once.
    met: Vec<u64>,
}

/// Why a trip ended, for the message log.
pub type StopReason = Option<&'static str>;

impl Pilot {
    pub fn start(&mut self, mode: Autopilot, hp: i32) {
        self.mode = Some(mode);
        self.hp = hp;
        self.steps = 0;
    }

    pub fn stop(&mut self) {
        self.mode = None;
    }

    /// Exploring will not fetch this item: the player dropped it.
    pub fn leave_alone(&mut self, item: u64) {
        self.explorer.leave_alone(item);
    }

    pub fn active(&self) -> bool {
        self.mode.is_some()
    }

    /// The next action, or why the trip is over (`Err`). Call only when the
    /// hero is ready to act.
    pub fn next(
        &mut self,
        sim: &Simulation,
        player: PlayerId,
        hero: &HeroState,
    ) -> Result<Action, StopReason> {
        let Some(mode) = self.mode else {
            return Err(None);
        };
        if hero.dead {
            return Err(None);
        }
        // Poison or fire already known about ticks on: that alone stops the
        // trip only once it has taken half the hero's health.
        let wasting = hero
            .statuses
            .iter()
            .any(|s| s.kind.element().is_some() && s.magnitude > 0);
        let bearable = wasting && hero.hp * 2 > hero.max_hp;
        if hero.hp < self.hp && !bearable {
            return Err(Some("You are hurt, and stop."));
        }
        self.hp = hero.hp;
        sim.actors_on(hero.depth, &mut self.actors);
        let sees = |a: &ActorState| sim.with_vision(player, |v| v.sees(a.at)).unwrap_or(false);
        // Fleeing monsters are no threat and would otherwise block every trip.
        let threat = |a: &ActorState| a.hostile() && a.mind != AiState::Fleeing && sees(a);
        if self.actors.iter().any(threat) {
            return Err(Some(if self.steps == 0 {
                "Not with a monster in sight: fight it (walk into it) or get away first."
            } else {
                "A monster comes into view."
            }));
        }
        if mode == Autopilot::Explore {
            let new_face = self
                .actors
                .iter()
                .find(|a| a.peaceful && !a.ally && !self.met.contains(&a.id) && sees(a));
            if let Some(a) = new_face {
                self.met.push(a.id);
                let trades = match a.who {
                    Who::Monster(kind) => sim.content().monster(kind).trades,
                    _ => false,
                };
                return Err(Some(if trades {
                    "You spot a merchant (&): walk into them to trade."
                } else {
                    "You spot someone (&) who may want a word: walk into them."
                }));
            }
        }
        let next = match mode {
            Autopilot::Explore => self
                .explorer
                .travel(sim, player, hero)
                .ok_or(Some("There is nothing left to explore here.")),
            Autopilot::Stairs { down } => {
                let kind = if down {
                    Tile::StairsDown
                } else {
                    Tile::StairsUp
                };
                let stairs = known_tiles(sim, player, hero.depth, kind);
                if stairs.is_empty() {
                    Err(Some(if down {
                        "You have not found the stairs down yet."
                    } else {
                        "You have not seen stairs up on this level."
                    }))
                } else if stairs.contains(&hero.at) {
                    Err(Some(if down {
                        "You reach the stairs down: press > to descend."
                    } else {
                        "You reach the stairs up: press < to climb."
                    }))
                } else {
                    self.explorer
                        .path(sim, player, hero, &stairs)
                        .map(Action::Move)
                        .ok_or(Some("You cannot find a way to the stairs."))
                }
            }
            Autopilot::Run(dir) => {
                sim.items_on(hero.depth, &mut self.items);
                let on_items = self.items.iter().any(|i| i.at == hero.at);
                run_step(sim, hero, dir, self.steps == 0, on_items)
            }
        };
        self.steps += 1;
        next
    }
}

/// One more step of a run, unless something here or ahead calls a halt:
/// stairs or items underfoot (after the first step), or anything but open
/// floor ahead. Walking into a closed door opens it and ends the run.
fn run_step(
    sim: &Simulation,
    hero: &HeroState,
    dir: Dir,
    first: bool,
    on_items: bool,
) -> Result<Action, StopReason> {
    let ahead = hero.at.step(dir);
    let (here, next, blocked) = sim
        .with_level(hero.depth, |l| {
            (l.tile(hero.at), l.tile(ahead), l.occupant(ahead).is_some())
        })
        .unwrap_or((Tile::Wall, Tile::Wall, true));
    let arrived = on_items || matches!(here, Tile::StairsDown | Tile::StairsUp);
    if (arrived && !first) || blocked {
        return Err(None);
    }
    match next.appearance() {
        Tile::Door if first => Ok(Action::Move(dir)),
        t if t.is_walkable() && t != Tile::Door => Ok(Action::Move(dir)),
        _ => Err(None),
    }
}

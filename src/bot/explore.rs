//! The explore bot: a greedy adventurer. Choices that take no time come
//! first (class and skills, crafting, trading with a merchant beside it:
//! `shopping.rs`). Then, in order of priority, it drinks a healing potion
//! when badly hurt, takes a cure or something that regenerates
//! (`supplies.rs`), casts a healing spell when hurt or an offensive one at a
//! monster in sight (`casting.rs`), reads a blast scroll, drinks haste,
//! throws or shoots at foes in sight, strikes an adjacent monster, equips
//! better gear, closes on visible monsters, reads a mapping scroll on a
//! level still to explore, fetches items it has seen, walks to the nearest
//! unexplored edge of its map; with the level explored it sells its junk to
//! a merchant it has seen, runs the quests' errands (`errands.rs`), and
//! takes the stairs down.

use crate::schema::Content;
use crate::schema::items::{ItemKind, PotionEffect};
use crate::sim::algo::dijkstra::{DijkstraMap, UNREACHED};
use crate::sim::algo::grid::{Dir, Point};
use crate::sim::components::AiState;
use crate::sim::query::{ActorState, HeroState, ItemState};
use crate::sim::{Action, PlayerId, Simulation, Tile, Who};

use super::Bot;

/// Drink healing below this percent of health.
const HEAL_BELOW: i32 = 40;
/// Go after monsters seen within this many tiles.
pub const ENGAGE_RADIUS: i32 = 7;

/// Scratch buffers only; see the module doc for the rules it follows.
#[derive(Default)]
pub struct ExploreBot {
    actors: Vec<ActorState>,
    items: Vec<ItemState>,
    goals: Vec<Point>,
    merchants: Vec<Point>,
    map: Option<DijkstraMap>,
    /// Items (by id) never to fetch: those the player dropped on purpose.
    left_alone: Vec<u64>,
}

impl Bot for ExploreBot {
    fn decide(&mut self, sim: &Simulation, player: PlayerId) -> Option<Action> {
        let hero = sim.hero(player)?;
        if hero.dead {
            return None;
        }
        // Choices about the hero take no time: make them first.
        if let Some(grow) = super::growth::choice(sim, &hero) {
            return Some(grow);
        }
        if let Some(craft) = super::crafting::recipe_to_craft(sim, &hero) {
            return Some(craft);
        }
        if let Some(trade) = super::shopping::trade(sim, player, &hero) {
            return Some(trade);
        }
        if !hero.ready || hero.pending.is_some() {
            return None;
        }
        let content = sim.content().clone();
        if hero.hp * 100 < hero.max_hp * HEAL_BELOW
            && let Some(slot) = healing_slot(&hero, &content)
        {
            return Some(Action::Use(slot));
        }
        if let Some(remedy) = super::supplies::remedy(&hero, &content) {
            return Some(remedy);
        }
        sim.actors_on(hero.depth, &mut self.actors);
        sim.items_on(hero.depth, &mut self.items);
        let sees = |p: Point| sim.with_vision(player, |v| v.sees(p)).unwrap_or(false);
        let monsters: Vec<ActorState> = self
            .actors
            .iter()
            .filter(|a| a.hostile() && sees(a.at))
            .copied()
            .collect();
        if let Some(action) = super::casting::spell_to_cast(sim, player, &hero, &monsters) {
            return Some(action);
        }
        if let Some(action) = super::supplies::in_fight(sim, &hero, &monsters) {
            return Some(action);
        }
        if let Some(m) = monsters
            .iter()
            .filter(|m| m.at.chebyshev(hero.at) == 1)
            .min_by_key(|m| (m.hp, m.id))
        {
            return hero.at.dir_to(m.at).map(Action::Move);
        }
        if let Some(slot) = super::gear::upgrade_slot(&hero, &content) {
            return Some(Action::Use(slot));
        }
        if let Some(read) = super::crafting::recipe_to_read(sim, &hero) {
            return Some(read);
        }

        // Chasing a fleeing monster at equal speed never ends: let it go.
        let near: Vec<Point> = monsters
            .iter()
            .filter(|m| m.at.chebyshev(hero.at) <= ENGAGE_RADIUS && m.mind != AiState::Fleeing)
            .map(|m| m.at)
            .collect();
        if let Some(dir) = self.path(sim, player, &hero, &near) {
            return Some(Action::Move(dir));
        }
        let unexplored = || !frontier(sim, player, hero.depth).is_empty();
        if let Some(read) = super::supplies::mapping(&hero, &content, &monsters, unexplored) {
            return Some(read);
        }
        if let Some(action) = self.travel(sim, player, &hero) {
            return Some(action);
        }
        // The level explored: a merchant to sell junk to, the quests'
        // people, then the stairs.
        let known = |p: Point| known_tile(sim, player, hero.depth, p);
        let merchants = super::shopping::merchants_to_visit(sim, &hero, &self.actors, known);
        if let Some(dir) = self.path(sim, player, &hero, &merchants) {
            return Some(Action::Move(dir));
        }
        match super::errands::errand(sim, player, &hero, &self.actors) {
            Some(super::errands::Errand::Wait) => return Some(Action::Wait),
            Some(super::errands::Errand::GoTo(goals)) => {
                if let Some(dir) = self.path(sim, player, &hero, &goals) {
                    return Some(Action::Move(dir));
                }
            }
            None => {}
        }
        let stairs = known_tiles(sim, player, hero.depth, Tile::StairsDown);
        if stairs.contains(&hero.at) {
            return Some(Action::Descend);
        }
        if let Some(dir) = self.path(sim, player, &hero, &stairs) {
            return Some(Action::Move(dir));
        }
        if let Some(dir) = self.route(sim, player, &hero, &stairs, true) {
            return Some(Action::Move(dir));
        }
        Some(Action::Wait)
    }
}

impl ExploreBot {
    /// Peaceful exploring, as the explore bot does it and as players ask for
    /// it with auto-explore: pick up what lies underfoot, walk to items in
    /// sight, then to the nearest unexplored edge of the map. `None` when
    /// nothing is left to fetch or explore on this level.
    pub fn travel(
        &mut self,
        sim: &Simulation,
        player: PlayerId,
        hero: &HeroState,
    ) -> Option<Action> {
        let content = sim.content().clone();
        sim.items_on(hero.depth, &mut self.items);
        let left_alone = &self.left_alone;
        self.items.retain(|i| !left_alone.contains(&i.id));
        if self.items.iter().any(|i| i.at == hero.at) && !pack_full_for(hero, &self.items, &content)
        {
            return Some(Action::PickUp);
        }
        // Items on tiles the hero has seen, not only those in sight now: an
        // item seen from one tile alone would otherwise pull the hero there
        // and let go one step later, back and forth for ever.
        let known = |p: Point| known_tile(sim, player, hero.depth, p);
        let loot: Vec<Point> = self
            .items
            .iter()
            .filter(|i| known(i.at) && can_take(hero, i, &content))
            .map(|i| i.at)
            .collect();
        if let Some(dir) = self.path(sim, player, hero, &loot) {
            return Some(Action::Move(dir));
        }
        let frontier = frontier(sim, player, hero.depth);
        self.path(sim, player, hero, &frontier).map(Action::Move)
    }

    /// Never fetches this item again (the player dropped it).
    pub fn leave_alone(&mut self, item: u64) {
        if !self.left_alone.contains(&item) {
            self.left_alone.push(item);
        }
    }

    /// The first step of a shortest path through explored, safe tiles to
    /// any of `goals`.
    pub fn path(
        &mut self,
        sim: &Simulation,
        player: PlayerId,
        hero: &HeroState,
        goals: &[Point],
    ) -> Option<Dir> {
        self.route(sim, player, hero, goals, false)
    }

    /// As [`Self::path`], but across known hazards (lava, a seen trap, a
    /// pit) when `hazards`: the last resort when a sprung trap in a passage
    /// has cut the only safe way to the stairs.
    fn route(
        &mut self,
        sim: &Simulation,
        player: PlayerId,
        hero: &HeroState,
        goals: &[Point],
        hazards: bool,
    ) -> Option<Dir> {
        if goals.is_empty() {
            return None;
        }
        self.goals.clear();
        self.goals.extend_from_slice(goals);
        // Merchants stand their ground (walking into one opens the shop):
        // paths go round them.
        let content = sim.content();
        self.merchants.clear();
        self.merchants.extend(
            self.actors
                .iter()
                .filter(|a| super::shopping::is_merchant(content, a))
                .map(|a| a.at),
        );
        let actors = &self.actors;
        let merchants = &self.merchants;
        let goals = &self.goals;
        let map = &mut self.map;
        sim.with_level(hero.depth, |level| {
            sim.with_vision(player, |vision| {
                let explored = vision.explored.get(&hero.depth);
                let known = |p: Point| explored.and_then(|g| g.get(p)).copied().unwrap_or(false);
                let (w, h) = (level.width(), level.height());
                let map = match map {
                    Some(m) if m.width() == w && m.height() == h => m,
                    _ => map.insert(DijkstraMap::new(w, h)),
                };
                let ground = |p: Point| {
                    if hazards {
                        level.tile(p).is_passable()
                    } else {
                        level.is_walkable(p)
                    }
                };
                // The hero's own tile counts even when it is a hazard (a
                // trap that just went off underfoot): it must be able to
                // step off it.
                map.compute(goals.iter().copied(), i32::MAX, |p| {
                    p == hero.at || (known(p) && ground(p) && !merchants.contains(&p))
                });
                if map.get(hero.at) == UNREACHED {
                    return None;
                }
                // Other heroes, summoned allies and merchants block;
                // monsters do not (walking into one attacks).
                let blocked = |p: Point| {
                    p != hero.at
                        && (merchants.contains(&p)
                            || actors
                                .iter()
                                .any(|a| a.at == p && (matches!(a.who, Who::Player(_)) || a.ally)))
                };
                map.downhill(hero.at, blocked)
            })
            .flatten()
        })
        .flatten()
    }
}

/// Known walkable tiles next to tiles never seen.
fn frontier(sim: &Simulation, player: PlayerId, depth: i32) -> Vec<Point> {
    sim.with_level(depth, |level| {
        sim.with_vision(player, |vision| {
            let Some(explored) = vision.explored.get(&depth) else {
                return Vec::new();
            };
            explored
                .points()
                .filter(|&p| explored.get(p) == Some(&true) && level.is_walkable(p))
                .filter(|&p| {
                    Dir::ALL.iter().any(|&d| {
                        let q = p.step(d);
                        explored.get(q) == Some(&false)
                    })
                })
                .collect()
        })
        .unwrap_or_default()
    })
    .unwrap_or_default()
}

/// Whether the hero has seen the tile (bots only go where players could).
pub fn known_tile(sim: &Simulation, player: PlayerId, depth: i32, p: Point) -> bool {
    sim.with_vision(player, |v| {
        v.explored
            .get(&depth)
            .is_some_and(|g| g.get(p).copied().unwrap_or(false))
    })
    .unwrap_or(false)
}

/// Every tile of this kind the hero has seen on a level (the stairs, say).
pub fn known_tiles(sim: &Simulation, player: PlayerId, depth: i32, kind: Tile) -> Vec<Point> {
    sim.with_level(depth, |level| {
        sim.with_vision(player, |vision| {
            let Some(explored) = vision.explored.get(&depth) else {
                return Vec::new();
            };
            level
                .tiles
                .points()
                .filter(|&p| level.tile(p) == kind && explored.get(p) == Some(&true))
                .collect()
        })
        .unwrap_or_default()
    })
    .unwrap_or_default()
}

fn healing_slot(hero: &HeroState, content: &Content) -> Option<u8> {
    hero.pack_items()
        .filter_map(|(i, s)| match content.item(s.item).kind {
            ItemKind::Potion(PotionEffect::Heal(n)) => Some((n, i)),
            _ => None,
        })
        .max_by_key(|&(n, i)| (n, std::cmp::Reverse(i)))
        .and_then(|(_, i)| u8::try_from(i).ok())
}

/// Whether picking the item up would succeed: gold always, potions that
/// stack onto a held stack, anything while the pack has room.
fn can_take(hero: &HeroState, item: &ItemState, content: &Content) -> bool {
    match content.item(item.item).kind {
        ItemKind::Gold(_) => true,
        ItemKind::Potion(_) if hero.pack_items().any(|(_, s)| s.item == item.item) => true,
        _ => hero.pack_used() < hero.pack_capacity,
    }
}

/// True when nothing underfoot could go in the pack.
fn pack_full_for(hero: &HeroState, items: &[ItemState], content: &Content) -> bool {
    !items
        .iter()
        .filter(|i| i.at == hero.at)
        .any(|i| can_take(hero, i, content))
}

//! Read-only queries: what front ends, bots and tests may know about the
//! world, as plain data with no ECS types. `view::build` and the bots are
//! written entirely against these.

use specs::{Join, WorldExt};

use super::Simulation;
use super::action::{Action, PlayerId};
use super::algo::grid::Point;
use super::components::{
    Actor, Ai, AiState, Combat, FloorItem, Health, Inventory, Monster, Piece, Player, Position,
    Quality, StableId, Stack, Vision,
};
use super::event::Who;
use super::level::Level;
use super::resources::{Levels, Players};
use super::status::{ActiveStatus, StatusPool, Statuses};
use crate::schema::ItemId;

/// Everything about one hero that its player may see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeroState {
    pub player: PlayerId,
    pub name: String,
    pub depth: i32,
    pub at: Point,
    pub hp: i32,
    pub max_hp: i32,
    pub level: i32,
    pub xp: i64,
    /// Experience at which the current level began and the next one begins.
    pub xp_level_start: i64,
    pub xp_next_level: i64,
    pub combat: Combat,
    pub speed: i32,
    pub gold: i64,
    pub weapon: Option<Piece>,
    /// Armour worn, one per slot in `ArmorSlot::ALL` order.
    pub worn: [Option<Piece>; crate::schema::items::ArmorSlot::COUNT],
    /// One entry per pack slot (`None` when empty); slot `i` is letter `i`.
    pub pack: Vec<Option<Stack>>,
    pub pack_capacity: usize,
    pub statuses: Vec<ActiveStatus>,
    pub pending: Option<Action>,
    /// Whether the hero has the energy to act this tick.
    pub ready: bool,
    pub kills: u32,
    pub deepest: i32,
    pub dead: bool,
    pub won: bool,
    /// Who struck last (the killer, once dead).
    pub last_hit: Option<Who>,
    /// The class taken (an index into `Content::classes`).
    pub class: Option<u8>,
    pub skill_points: i32,
    /// Skill-tree nodes learned, a bit per node.
    pub skills: u64,
    /// Recipes known, a bit per index into `Content::recipes`.
    pub recipes: u64,
}

impl HeroState {
    /// The filled pack slots with their indices.
    pub fn pack_items(&self) -> impl Iterator<Item = (usize, Stack)> + '_ {
        self.pack
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.map(|s| (i, s)))
    }

    /// How many pack slots hold something.
    pub fn pack_used(&self) -> usize {
        self.pack.iter().flatten().count()
    }
}

/// An actor on a level, as others may see it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActorState {
    pub id: u64,
    pub who: Who,
    pub at: Point,
    pub hp: i32,
    pub max_hp: i32,
    pub boss: bool,
    /// Never fights: someone to talk to, not a foe.
    pub peaceful: bool,
    /// Monsters' state of mind; heroes are always `Idle`.
    pub mind: AiState,
    /// A bit per `StatusKind`.
    pub status_mask: u16,
    /// A creature summoned to fight for a hero.
    pub ally: bool,
}

impl ActorState {
    /// A monster that fights the heroes (not a hero, not someone peaceful,
    /// not a hero's summon).
    pub fn hostile(&self) -> bool {
        matches!(self.who, Who::Monster(_)) && !self.peaceful && !self.ally
    }
}

/// An item lying on a level.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ItemState {
    pub id: u64,
    pub item: ItemId,
    pub count: u16,
    pub quality: Quality,
    pub at: Point,
}

/// A projectile in flight, for drawing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProjectileState {
    pub at: Point,
    pub glyph: char,
    pub color: crate::schema::Rgb,
    /// Who shot it.
    pub owner: Who,
}

impl Simulation {
    /// Fills `out` with the projectiles flying on a level, in launch order.
    pub fn projectiles_on(&self, depth: i32, out: &mut Vec<ProjectileState>) {
        out.clear();
        let flying = self
            .world
            .read_resource::<crate::sim::projectile::Projectiles>();
        out.extend(
            flying
                .flying
                .iter()
                .filter(|p| p.depth == depth)
                .map(|p| ProjectileState {
                    at: p.at,
                    glyph: p.glyph,
                    color: p.color,
                    owner: p.owner,
                }),
        );
    }

    /// Every player slot, in join order.
    pub fn players(&self) -> Vec<PlayerId> {
        self.world
            .read_resource::<Players>()
            .0
            .iter()
            .map(|&(p, _)| p)
            .collect()
    }

    /// The state of a player's hero.
    pub fn hero(&self, player: PlayerId) -> Option<HeroState> {
        let w = &self.world;
        let e = w.read_resource::<Players>().entity(player)?;
        let hero = w.read_storage::<Player>().get(e)?.clone();
        let pos = *w.read_storage::<Position>().get(e)?;
        let health = *w.read_storage::<Health>().get(e)?;
        let combat = *w.read_storage::<Combat>().get(e)?;
        let actor = *w.read_storage::<Actor>().get(e)?;
        let inv = w.read_storage::<Inventory>().get(e)?.clone();
        let pool = w.read_resource::<StatusPool>();
        let statuses = w
            .read_storage::<Statuses>()
            .get(e)
            .map(|s| pool.iter(s).collect())
            .unwrap_or_default();
        Some(HeroState {
            player,
            name: hero.name,
            depth: pos.depth,
            at: pos.at,
            hp: health.hp,
            max_hp: health.max,
            level: hero.level,
            xp: hero.xp,
            xp_level_start: self.content.xp_for_level(hero.level),
            xp_next_level: self.content.xp_for_level(hero.level + 1),
            combat,
            speed: actor.speed,
            gold: inv.gold,
            weapon: inv.weapon,
            worn: inv.worn,
            pack_capacity: inv.capacity(),
            pack: inv.slots,
            statuses,
            pending: hero.pending,
            ready: actor.ready(),
            kills: hero.kills,
            deepest: hero.deepest,
            dead: hero.dead,
            won: hero.won,
            class: hero.class,
            skill_points: hero.skill_points,
            skills: hero.skills,
            recipes: hero.recipes,
            last_hit: health.last_hit,
        })
    }

    /// Runs `f` on a level, if it has been generated.
    pub fn with_level<R>(&self, depth: i32, f: impl FnOnce(&Level) -> R) -> Option<R> {
        self.world.read_resource::<Levels>().get(depth).map(f)
    }

    /// Changes a level in place: for tests and tools that set up a scene
    /// (a trap here, lava there). Distance maps are recomputed afterwards.
    pub fn edit_level<R>(&mut self, depth: i32, f: impl FnOnce(&mut Level) -> R) -> Option<R> {
        let mut levels = self.world.write_resource::<Levels>();
        let level = levels.get_mut(depth)?;
        let r = f(level);
        level.paths_dirty = true;
        Some(r)
    }

    /// Runs `f` on what a hero sees and remembers.
    pub fn with_vision<R>(&self, player: PlayerId, f: impl FnOnce(&Vision) -> R) -> Option<R> {
        let e = self.world.read_resource::<Players>().entity(player)?;
        self.world.read_storage::<Vision>().get(e).map(f)
    }

    /// The merchant on a tile next to the player's hero: their kind and
    /// wares.
    pub fn merchant_beside(
        &self,
        player: PlayerId,
    ) -> Option<(crate::schema::MonsterId, Vec<Stack>)> {
        let w = &self.world;
        let e = w.read_resource::<Players>().entity(player)?;
        let positions = w.read_storage::<Position>();
        let at = *positions.get(e)?;
        let merchants = w.read_storage::<super::components::Merchant>();
        let monsters = w.read_storage::<Monster>();
        let healths = w.read_storage::<Health>();
        (&merchants, &monsters, &positions, &healths)
            .join()
            .find(|(_, _, p, h)| p.depth == at.depth && p.at.chebyshev(at.at) == 1 && !h.is_dead())
            .map(|(s, m, ..)| (m.kind, s.stock.clone()))
    }

    /// Reads the world's skill tree.
    pub fn with_skill_tree<R>(&self, f: impl FnOnce(&crate::procgen::skills::SkillTree) -> R) -> R {
        f(&self
            .world
            .read_resource::<crate::procgen::skills::SkillTree>())
    }

    /// Every quest set so far, in the order levels set them.
    pub fn quests(&self) -> Vec<crate::sim::quest::Quest> {
        self.world
            .read_resource::<crate::sim::quest::QuestLog>()
            .0
            .clone()
    }

    /// Fills `out` with every living actor on a level, in stable-id order.
    pub fn actors_on(&self, depth: i32, out: &mut Vec<ActorState>) {
        out.clear();
        let w = &self.world;
        let (players, monsters, minds) = (
            w.read_storage::<Player>(),
            w.read_storage::<Monster>(),
            w.read_storage::<Ai>(),
        );
        let statuses = w.read_storage::<Statuses>();
        let summoned = w.read_storage::<super::components::Summoned>();
        for (e, id, pos, health) in (
            &w.entities(),
            &w.read_storage::<StableId>(),
            &w.read_storage::<Position>(),
            &w.read_storage::<Health>(),
        )
            .join()
        {
            if pos.depth != depth || health.is_dead() {
                continue;
            }
            let Some(who) = super::systems::who(players.get(e), monsters.get(e)) else {
                continue;
            };
            out.push(ActorState {
                id: id.0,
                who,
                at: pos.at,
                hp: health.hp,
                max_hp: health.max,
                boss: monsters.get(e).is_some_and(|m| m.boss),
                peaceful: monsters.get(e).is_some_and(|m| m.peaceful),
                mind: minds.get(e).map(|m| m.state).unwrap_or_default(),
                status_mask: statuses.get(e).map_or(0, Statuses::mask),
                ally: summoned.get(e).is_some_and(|s| s.owner.is_some()),
            });
        }
        out.sort_unstable_by_key(|a| a.id);
    }

    /// Fills `out` with every item lying on a level, in stable-id order.
    pub fn items_on(&self, depth: i32, out: &mut Vec<ItemState>) {
        out.clear();
        let w = &self.world;
        let qualities = w.read_storage::<Quality>();
        for (e, id, pos, item) in (
            &w.entities(),
            &w.read_storage::<StableId>(),
            &w.read_storage::<Position>(),
            &w.read_storage::<FloorItem>(),
        )
            .join()
        {
            if pos.depth == depth {
                out.push(ItemState {
                    id: id.0,
                    item: item.item,
                    count: item.count,
                    quality: qualities.get(e).copied().unwrap_or_default(),
                    at: pos.at,
                });
            }
        }
        out.sort_unstable_by_key(|i| i.id);
    }

    /// Depths of every generated level.
    pub fn level_depths(&self) -> Vec<i32> {
        self.world
            .read_resource::<Levels>()
            .0
            .keys()
            .copied()
            .collect()
    }

    /// How many monsters are alive on a level (for reports and benches).
    pub fn monster_count(&self, depth: i32) -> usize {
        let w = &self.world;
        (
            &w.read_storage::<Monster>(),
            &w.read_storage::<Position>(),
            &w.read_storage::<Health>(),
        )
            .join()
            .filter(|(_, p, h)| p.depth == depth && !h.is_dead())
            .count()
    }
}

//! The view model: what one player sees in one frame, as plain data.
//!
//! [`Observer`] is a player's presentation state (message log, camera, the
//! items it remembers seeing); it turns each tick's events into messages.
//! [`build`] turns the simulation and an observer into a [`Frame`]: the map
//! around the hero, the side panel, the log, and any menu on top. Every
//! front end paints a `Frame` and nothing else, so tests check frames rather
//! than screens.

mod build;
mod camera;
mod character;
mod crafting;
mod frame;
mod messages;
mod quests;
mod spells;

use std::collections::BTreeMap;

pub use build::{PACK_KEYS, PACK_LETTERS, build, letter_slot, pack_letter, pack_slot, slot_letter};
pub use camera::Camera;
pub use crafting::{CraftingHud, RecipeLine, craft_event_name};
pub use frame::{
    Cell, ClassLine, Frame, Glyph, GlyphKind, Hud, LevelMap, LogLine, MapView, Nearby, Overlay,
    OverlayLine, PackLine, QuestLine, ShopView, SkillLine, Tone, Ware,
};
pub use messages::{MessageLog, describe, item_phrase};
pub use spells::{MagicHud, SpellLine, spell_event_name};

use crate::sim::algo::grid::Point;
use crate::sim::query::{ActorState, ItemState, ProjectileState};
use crate::sim::{PlayerId, Simulation};

/// One player's presentation state, kept across frames.
#[derive(Clone, Debug)]
pub struct Observer {
    pub player: PlayerId,
    pub log: MessageLog,
    pub camera: Camera,
    /// Items last seen on each tile, per depth: drawn dim once out of sight,
    /// as a player would remember them.
    item_memory: BTreeMap<i32, BTreeMap<Point, Glyph>>,
    /// Where the hero stood last tick, to notice arriving on items.
    last_at: Option<(i32, Point)>,
    actors: Vec<ActorState>,
    items: Vec<ItemState>,
    projectiles: Vec<ProjectileState>,
}

impl Observer {
    pub fn new(player: PlayerId) -> Self {
        Self {
            player,
            log: MessageLog::default(),
            camera: Camera::default(),
            item_memory: BTreeMap::new(),
            last_at: None,
            projectiles: Vec::new(),
            actors: Vec::new(),
            items: Vec::new(),
        }
    }

    /// Adds messages for the events of the last tick that this player
    /// witnessed (its own, or on its level within its sight), and says what
    /// lies on a tile the hero has just stepped onto.
    pub fn observe(&mut self, sim: &Simulation) {
        let Some(hero) = sim.hero(self.player) else {
            return;
        };
        let tick = sim.tick();
        for e in sim.last_events() {
            let involves_me = messages::involves(&e.kind, self.player);
            let witnessed = e.depth == hero.depth
                && sim
                    .with_vision(self.player, |v| v.sees(e.at))
                    .unwrap_or(false);
            if !(involves_me || witnessed) {
                continue;
            }
            if let Some((text, tone)) = describe(&e.kind, self.player, sim) {
                self.log.push(text, tone, tick);
            }
        }
        self.remember_items(sim, hero.depth);
        let here = (hero.depth, hero.at);
        if self.last_at.is_some_and(|last| last != here) && !hero.dead {
            sim.items_on(hero.depth, &mut self.items);
            let underfoot: Vec<String> = self
                .items
                .iter()
                .filter(|i| i.at == hero.at)
                .map(|i| item_phrase(sim.content(), i.item, i.count))
                .collect();
            if !underfoot.is_empty() {
                self.log.push(
                    format!("You see here: {}.", underfoot.join(", ")),
                    Tone::Normal,
                    tick,
                );
            }
        }
        self.last_at = Some(here);
    }

    /// Notes the items in sight on `depth`, forgetting those no longer
    /// where they were seen.
    fn remember_items(&mut self, sim: &Simulation, depth: i32) {
        sim.items_on(depth, &mut self.items);
        let memory = self.item_memory.entry(depth).or_default();
        let items = &self.items;
        sim.with_vision(self.player, |vision| {
            memory.retain(|p, _| !vision.sees(*p));
            for it in items.iter().filter(|i| vision.sees(i.at)) {
                memory.insert(it.at, build::item_glyph(sim.content(), it.item));
            }
        });
    }

    /// The items remembered on a level, by tile.
    fn remembered(&self, depth: i32) -> impl Iterator<Item = (&Point, &Glyph)> {
        self.item_memory.get(&depth).into_iter().flatten()
    }
}

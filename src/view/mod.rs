//! The view model: what one player sees in one frame, as plain data.
//!
//! [`Observer`] is a player's presentation state (message log, camera);
//! it turns each tick's events into messages. [`build`] turns the simulation
//! and an observer into a [`Frame`]: the map around the hero, the side panel,
//! the log, and any menu on top. Every front end paints a `Frame` and
//! nothing else, so tests check frames rather than screens.

mod camera;
mod frame;
mod messages;

pub use camera::Camera;
pub use frame::{
    Cell, Frame, Glyph, GlyphKind, Hud, LogLine, MapView, Nearby, Overlay, OverlayLine, PackLine,
    Tone,
};
pub use messages::{MessageLog, describe};

use crate::schema::items::ItemKind;
use crate::sim::algo::grid::Point;
use crate::sim::components::AiState;
use crate::sim::query::{ActorState, ItemState};
use crate::sim::{PlayerId, Simulation, Tile, Who};

/// One player's presentation state, kept across frames.
#[derive(Clone, Debug)]
pub struct Observer {
    pub player: PlayerId,
    pub log: MessageLog,
    pub camera: Camera,
    actors: Vec<ActorState>,
    items: Vec<ItemState>,
}

impl Observer {
    pub fn new(player: PlayerId) -> Self {
        Self {
            player,
            log: MessageLog::default(),
            camera: Camera::default(),
            actors: Vec::new(),
            items: Vec::new(),
        }
    }

    /// Adds messages for the events of the last tick that this player
    /// witnessed (its own, or on its level within its sight).
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
    }
}

/// Builds the frame for a map viewport of `map_width` x `map_height` tiles.
/// Moves the observer's camera when the hero nears the viewport's edge.
pub fn build(sim: &Simulation, observer: &mut Observer, map_width: i32, map_height: i32) -> Frame {
    let content = sim.content().clone();
    let Some(hero) = sim.hero(observer.player) else {
        return Frame::default();
    };
    sim.actors_on(hero.depth, &mut observer.actors);
    sim.items_on(hero.depth, &mut observer.items);
    let (level_w, level_h) = sim
        .with_level(hero.depth, |l| (l.width(), l.height()))
        .unwrap_or((0, 0));
    observer
        .camera
        .follow(hero.at, map_width, map_height, level_w, level_h);
    let origin = observer.camera.origin;

    let mut cells = vec![Cell::default(); (map_width.max(0) * map_height.max(0)) as usize];
    let player = observer.player;
    sim.with_level(hero.depth, |level| {
        sim.with_vision(player, |vision| {
            let explored = vision.explored.get(&hero.depth);
            for y in 0..map_height {
                for x in 0..map_width {
                    let p = Point::new(origin.x + x, origin.y + y);
                    let seen = explored.and_then(|g| g.get(p)).copied().unwrap_or(false);
                    if let Some(cell) = cells.get_mut((y * map_width + x) as usize) {
                        cell.tile = seen.then(|| level.tile(p));
                        cell.visible = vision.sees(p);
                    }
                }
            }
        });
    });
    let index = |p: Point| -> Option<usize> {
        let (x, y) = (p.x - origin.x, p.y - origin.y);
        (x >= 0 && y >= 0 && x < map_width && y < map_height).then(|| (y * map_width + x) as usize)
    };
    for it in &observer.items {
        if let Some(cell) = index(it.at).and_then(|i| cells.get_mut(i))
            && cell.visible
        {
            let def = content.item(it.item);
            cell.item = Some(Glyph {
                ch: def.glyph,
                color: def.color,
                kind: GlyphKind::Item(it.item),
            });
        }
    }
    let mut nearby = Vec::new();
    for a in &observer.actors {
        let Some(cell) = index(a.at).and_then(|i| cells.get_mut(i)) else {
            continue;
        };
        if !cell.visible {
            continue;
        }
        let glyph = match a.who {
            Who::Player(p) => Glyph {
                ch: '@',
                color: content.rules.player.color,
                kind: GlyphKind::Hero(p),
            },
            Who::Monster(m) => {
                let def = content.monster(m);
                nearby.push(Nearby {
                    name: def.name.clone(),
                    glyph: def.glyph,
                    color: def.color,
                    hp_percent: if a.max_hp > 0 {
                        a.hp * 100 / a.max_hp
                    } else {
                        0
                    },
                    boss: a.boss,
                    fleeing: a.mind == AiState::Fleeing,
                    distance: a.at.chebyshev(hero.at),
                });
                Glyph {
                    ch: def.glyph,
                    color: def.color,
                    kind: GlyphKind::Monster {
                        id: m,
                        boss: a.boss,
                    },
                }
            }
        };
        cell.actor = Some(glyph);
    }
    nearby.sort_by(|a, b| a.distance.cmp(&b.distance).then(a.name.cmp(&b.name)));

    let underfoot = observer
        .items
        .iter()
        .filter(|i| i.at == hero.at)
        .map(|i| messages::item_phrase(&content, i.item, i.count))
        .collect::<Vec<_>>();
    let on_stairs = sim
        .with_level(hero.depth, |l| l.tile(hero.at))
        .filter(|t| matches!(t, Tile::StairsDown | Tile::StairsUp));
    let pack = hero
        .pack
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let def = content.item(s.item);
            PackLine {
                letter: slot_letter(i),
                name: messages::item_phrase(&content, s.item, s.count),
                glyph: def.glyph,
                color: def.color,
                usable: match def.kind {
                    ItemKind::Potion(_) => "drink",
                    ItemKind::Weapon(_) => "wield",
                    ItemKind::Armor(_) => "wear",
                    ItemKind::Gold(_) => "",
                },
            }
        })
        .collect();
    let c = hero.combat;
    let hud = Hud {
        name: hero.name.clone(),
        seed: sim.seed(),
        tick: sim.tick(),
        depth: hero.depth,
        max_depth: content.rules.dungeon_depth,
        hp: hero.hp.max(0),
        max_hp: hero.max_hp,
        level: hero.level,
        xp: hero.xp,
        xp_level_start: hero.xp_level_start,
        xp_next_level: hero.xp_next_level,
        damage: (c.damage.min() + c.attack, c.damage.max() + c.attack),
        defense: c.defense,
        evasion: c.evasion,
        gold: hero.gold,
        weapon: hero.weapon.map(|w| content.item(w).name.clone()),
        armor: hero.armor.map(|a| content.item(a).name.clone()),
        statuses: hero.statuses.iter().map(|s| s.kind).collect(),
        kills: hero.kills,
        deepest: hero.deepest,
        dead: hero.dead,
        won: hero.won,
        underfoot,
        on_stairs,
        nearby,
        pack,
        pack_capacity: hero.pack_capacity,
    };
    Frame {
        map: MapView {
            origin,
            width: map_width.max(0),
            height: map_height.max(0),
            cells,
            hero: hero.at,
        },
        hud,
        log: observer.log.lines().to_vec(),
        overlay: None,
    }
}

/// The letter shown for pack slot `i` (a, b, c...).
pub fn slot_letter(i: usize) -> char {
    u8::try_from(i)
        .ok()
        .filter(|&i| i < 26)
        .map_or('?', |i| char::from(b'a' + i))
}

/// The pack slot of a letter, if it names one.
pub fn letter_slot(c: char) -> Option<u8> {
    c.is_ascii_lowercase().then(|| c as u8 - b'a')
}

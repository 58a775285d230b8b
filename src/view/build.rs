//! Building a [`Frame`] from the simulation for one observer.

use crate::schema::items::{ArmorSlot, ItemKind, PotionEffect, ScrollEffect};
use crate::schema::{Content, ItemId};
use crate::sim::algo::grid::Point;
use crate::sim::components::{AiState, Piece, Quality, item_name};
use crate::sim::gear::{describe, scale, scale_span};
use crate::sim::{Simulation, Tile, Who};

use super::Observer;
use super::frame::{Cell, Frame, Glyph, GlyphKind, Hud, LevelMap, MapView, Nearby, PackLine};
use super::messages::{self, quality_phrase};

/// Builds the frame for a map viewport of `map_width` x `map_height` tiles.
/// Moves the observer's camera when the hero nears the viewport's edge and
/// updates its memory of items in sight.
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
    let (actors, camera) = (&observer.actors, &mut observer.camera);
    sim.with_vision(observer.player, |v| {
        let seen = actors
            .iter()
            .filter(|a| matches!(a.who, Who::Monster(_)) && v.sees(a.at))
            .map(|a| a.at);
        camera.reveal(hero.at, seen, (map_width, map_height), (level_w, level_h));
    });
    let origin = observer.camera.origin;
    let (w, h) = (map_width.max(0), map_height.max(0));
    let index = |p: Point| -> Option<usize> {
        let (x, y) = (p.x - origin.x, p.y - origin.y);
        (x >= 0 && y >= 0 && x < w && y < h).then(|| (y * w + x) as usize)
    };

    let mut cells = vec![Cell::default(); (w * h) as usize];
    let player = observer.player;
    sim.with_level(hero.depth, |level| {
        sim.with_vision(player, |vision| {
            let explored = vision.explored.get(&hero.depth);
            for (i, cell) in cells.iter_mut().enumerate() {
                let p = Point::new(
                    origin.x + i as i32 % w.max(1),
                    origin.y + i as i32 / w.max(1),
                );
                let seen = explored.and_then(|g| g.get(p)).copied().unwrap_or(false);
                cell.tile = seen.then(|| level.tile(p).appearance());
                cell.visible = vision.sees(p);
            }
        });
    });

    // Items: those in sight now, and those remembered elsewhere.
    observer.remember_items(sim, hero.depth);
    for (p, glyph) in observer.remembered(hero.depth) {
        if let Some(cell) = index(*p).and_then(|i| cells.get_mut(i)) {
            cell.item = Some(*glyph);
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
            Who::Hazard(_) => continue,
            Who::Player(p) => Glyph {
                ch: '@',
                color: content.rules.player.color,
                kind: GlyphKind::Hero(p),
            },
            Who::Monster(m) => {
                let def = content.monster(m);
                // The hero's own summons are drawn but never aimed at.
                if !a.ally {
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
                        peaceful: a.peaceful,
                        fleeing: a.mind == AiState::Fleeing,
                        distance: a.at.chebyshev(hero.at),
                        offset: (a.at.x - hero.at.x, a.at.y - hero.at.y),
                    });
                }
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
    sim.projectiles_on(hero.depth, &mut observer.projectiles);
    for p in &observer.projectiles {
        if let Some(cell) = index(p.at).and_then(|i| cells.get_mut(i))
            && cell.visible
            && cell.actor.is_none()
        {
            cell.actor = Some(Glyph {
                ch: p.glyph,
                color: p.color,
                kind: GlyphKind::Projectile,
            });
        }
    }
    nearby.sort_by(|a, b| a.distance.cmp(&b.distance).then(a.name.cmp(&b.name)));

    let underfoot = observer
        .items
        .iter()
        .filter(|i| i.at == hero.at)
        .map(|i| quality_phrase(&content, i.item, i.count, &i.quality))
        .collect();
    let on_stairs = sim
        .with_level(hero.depth, |l| l.tile(hero.at))
        .filter(|t| matches!(t, Tile::StairsDown | Tile::StairsUp));
    let pack = hero
        .pack_items()
        .map(|(i, s)| pack_line(&content, i, s.item, s.count, &s.quality))
        .collect();
    let c = hero.combat;
    let worn: Vec<(String, String)> = ArmorSlot::ALL
        .iter()
        .zip(hero.worn)
        .filter_map(|(slot, p)| Some((slot.label().to_owned(), piece_name(&content, &p?))))
        .collect();
    // The panel names the body armour (or the first piece) and counts the rest.
    let armor = hero.worn[ArmorSlot::Chest.index()]
        .or_else(|| hero.worn.iter().flatten().next().copied())
        .map(|main| {
            let name = piece_name(&content, &main);
            match hero.worn.iter().flatten().count() {
                1 => name,
                n => format!("{name} +{}", n - 1),
            }
        });
    let hud = Hud {
        name: hero.name.clone(),
        seed: sim.seed(),
        genre: content.genre_label(),
        replay: replay_flags(&content, sim.seed()),
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
        accuracy: c.accuracy,
        crit: c.crit_chance,
        speed: hero.speed,
        life_on_hit: c.life_on_hit,
        gold: hero.gold,
        weapon: hero.weapon.map(|w| piece_name(&content, &w)),
        armor,
        shot_range: hero
            .weapon
            .and_then(|w| content.weapon_shot(w.item))
            .map(|s| s.range),
        worn,
        statuses: hero.statuses.iter().map(|s| s.kind).collect(),
        kills: hero.kills,
        deepest: hero.deepest,
        dead: hero.dead,
        won: hero.won,
        slain_by: hero
            .dead
            .then(|| {
                hero.last_hit
                    .map(|w| messages::name(w, observer.player, sim))
            })
            .flatten(),
        underfoot,
        on_stairs,
        nearby,
        pack,
        pack_capacity: hero.pack_capacity,
        turn_based: false,
        saving: false,
        quests: super::quests::lines(sim, observer.player, hero.depth),
        class: hero
            .class
            .and_then(|c| content.classes.get(usize::from(c)))
            .map(|c| c.def.name.clone()),
        skill_points: hero.skill_points,
        skills: super::character::skills(sim, observer.player),
        shop: super::character::shop(sim, observer.player),
        classes: if hero.class.is_none() && hero.xp == 0 && hero.kills == 0 {
            super::character::classes(sim)
        } else {
            Vec::new()
        },
        magic: super::spells::magic_hud(sim, observer.player),
        crafting: super::crafting::crafting_hud(sim, observer.player),
    };
    Frame {
        map: MapView {
            origin,
            width: w,
            height: h,
            cells,
            hero: hero.at,
            palette: Some(content.palette()),
        },
        hud,
        log: observer.log.lines().to_vec(),
        overlay: None,
        level: level_map(sim, observer.player, hero.depth, hero.at),
    }
}

/// The command-line flags that regenerate this world: its seed, and its
/// genre (and blend), since `--genre` may have chosen other than the seed's
/// own.
fn replay_flags(content: &Content, seed: u64) -> String {
    let mix = content.mix();
    let id = |g| content.genre_def(g).map_or("", |d| d.id.as_str());
    let mut flags = format!("--seed {seed} --genre {}", id(mix.primary));
    if let Some((g, share)) = mix.blend {
        flags.push_str(&format!(" --blend {}:{share}%", id(g)));
    }
    flags
}

/// The hero's level as far as the hero has seen it.
fn level_map(sim: &Simulation, player: crate::sim::PlayerId, depth: i32, hero: Point) -> LevelMap {
    sim.with_vision(player, |v| {
        let explored = v.explored.get(&depth)?;
        sim.with_level(depth, |level| LevelMap {
            width: level.width(),
            height: level.height(),
            tiles: level
                .tiles
                .points()
                .map(|p| {
                    explored
                        .get(p)
                        .copied()
                        .unwrap_or(false)
                        .then(|| level.tile(p))
                })
                .collect(),
            hero,
        })
    })
    .flatten()
    .unwrap_or_default()
}

pub(super) fn item_glyph(content: &Content, item: ItemId) -> Glyph {
    let def = content.item(item);
    Glyph {
        ch: def.glyph,
        color: def.color,
        kind: GlyphKind::Item(item),
    }
}

/// A worn or wielded piece's full name: "keen short sword of embers".
fn piece_name(content: &Content, p: &Piece) -> String {
    item_name(content, p.item, &p.quality)
}

/// A pack slot with what using it does and its numbers (gear's scaled by
/// its rarity tier), its tier and what its affixes do.
fn pack_line(
    content: &Content,
    slot: usize,
    item: ItemId,
    count: u16,
    quality: &Quality,
) -> PackLine {
    let def = content.item(item);
    let tier = content.tier(quality.rarity);
    let pct = tier.stat_percent;
    let effect = |e: &PotionEffect| match e {
        PotionEffect::Heal(n) => format!("heals {n}"),
        PotionEffect::Status(s) => format!("{} for {}s", s.kind.name(), s.duration / 20),
        PotionEffect::Cure => "ends burning, poison, weakness".to_owned(),
    };
    let (usable, detail, heals) = match &def.kind {
        ItemKind::Potion(e) => (
            "drink",
            effect(e),
            if let PotionEffect::Heal(n) = e { *n } else { 0 },
        ),
        ItemKind::Food(e) => ("eat", effect(e), 0),
        ItemKind::Scroll(ScrollEffect::Mapping) => ("read", "shows the level".to_owned(), 0),
        ItemKind::Scroll(ScrollEffect::Blast {
            damage,
            damage_type,
            radius,
            ..
        }) => (
            "read",
            format!(
                "{} blast {}-{}, radius {radius}",
                damage_type.name(),
                damage.min(),
                damage.max()
            ),
            0,
        ),
        ItemKind::Thrown(t) => (
            "throw",
            format!(
                "{} {}-{}, range {}{}",
                t.damage_type.name(),
                t.damage.min(),
                t.damage.max(),
                t.range,
                if t.projectile.radius > 0 {
                    ", bursts"
                } else {
                    ""
                }
            ),
            0,
        ),
        ItemKind::Recipe(_) => (
            "read",
            content
                .recipe_taught_by(item)
                .and_then(|r| content.recipes.get(r))
                .map_or_else(String::new, |r| {
                    let at = content.stations.get(usize::from(r.station));
                    format!(
                        "teaches {} ({})",
                        r.name,
                        at.map_or("", |s| s.name.as_str())
                    )
                }),
            0,
        ),
        ItemKind::Weapon(w) => (
            "wield",
            format!(
                "dmg {}-{} +{}, {} {}",
                scale_span(w.damage, pct).min(),
                scale_span(w.damage, pct).max(),
                w.attack,
                if w.attack_delay <= 8 {
                    "fast"
                } else if w.attack_delay <= 11 {
                    "normal"
                } else {
                    "slow"
                },
                w.damage_type.name()
            ),
            0,
        ),
        ItemKind::Armor(a) => (
            "wear",
            format!("def {} ev {}", scale(a.defense, pct), scale(a.evasion, pct)),
            0,
        ),
        ItemKind::Gold(_) => ("", String::new(), 0),
    };
    let name = item_name(content, item, quality);
    PackLine {
        letter: pack_letter(slot),
        name: if count > 1 {
            format!("{count} x {name}")
        } else {
            name
        },
        glyph: def.glyph,
        color: def.color,
        usable,
        detail,
        heals,
        rarity: quality.rarity,
        rarity_color: tier.color,
        affixes: quality
            .affix_ids()
            .map(|a| describe(&content.affix(a).effect, pct))
            .collect(),
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

/// Letters the pack never gives a slot, so the keys that open it (`i` to use,
/// `d` to drop) also switch between the two and close it again.
pub const PACK_KEYS: [char; 2] = ['d', 'i'];

/// The most slots a pack can show: one per letter left by [`PACK_KEYS`].
pub const PACK_LETTERS: usize = 26 - PACK_KEYS.len();
const _: () = assert!(PACK_LETTERS as i32 >= crate::schema::game::MAX_INVENTORY_SIZE);

/// The letter shown for pack slot `i`: a, b, c, e, f... skipping [`PACK_KEYS`].
pub fn pack_letter(i: usize) -> char {
    ('a'..='z')
        .filter(|c| !PACK_KEYS.contains(c))
        .nth(i)
        .unwrap_or('?')
}

/// The pack slot a letter names, if any (the inverse of [`pack_letter`]).
pub fn pack_slot(c: char) -> Option<u8> {
    if !c.is_ascii_lowercase() || PACK_KEYS.contains(&c) {
        return None;
    }
    let skipped = PACK_KEYS.iter().filter(|&&k| k < c).count() as u8;
    Some(c as u8 - b'a' - skipped)
}

//! Every item of every genre is usable and does something a player sees,
//! through the same actions a keyboard sends; gear found over many seeds is
//! valid (its tier, affixes and names fit) and wearable; every genre has
//! its own ranged monsters at shallow and deep levels.

use std::sync::Arc;

use venture::procgen::level::generate;
use venture::schema::affixes::{AffixTarget, MAX_PREFIXES, MAX_SUFFIXES};
use venture::schema::genres::GenreId;
use venture::schema::items::{ItemKind, PotionEffect, ScrollEffect};
use venture::schema::monsters::MonsterKind;
use venture::schema::{Content, ItemId, load_defaults};
use venture::sim::algo::grid::Dir;
use venture::sim::components::{Inventory, Piece, item_name};
use venture::sim::crafting::CraftEvent;
use venture::sim::event::{EventKind, Who};
use venture::sim::hero::{effective_combat, starting_combat};
use venture::sim::{Action, PlayerInput, Simulation};

/// `genre`'s content with its starting potion turned into `item` and
/// depth 1 crowded with monsters round a sturdy hero, so there is always
/// something to hit and someone hurting the hero.
fn kit_with(base: &Content, genre: GenreId, item: ItemId) -> Content {
    let mut c = base.in_genre(genre);
    let potion = c.start_items()[1];
    let mut def = c.item(item).clone();
    def.id = c.item(potion).id.clone();
    c.items[potion.index()] = def;
    c.rules.player.hp = 20_000;
    if let Some(band) = c.levels.iter_mut().find(|b| b.depth.contains(1)) {
        band.monsters = venture::schema::Span(50, 50);
        band.width = 40;
        band.height = 24;
    }
    c
}

/// The nearest monster the hero sees, as an offset from the hero.
fn nearest_foe(sim: &Simulation, player: venture::sim::PlayerId) -> Option<(i32, i32, i32)> {
    let hero = sim.hero(player)?;
    let mut actors = Vec::new();
    sim.actors_on(hero.depth, &mut actors);
    actors
        .iter()
        .filter(|a| matches!(a.who, Who::Monster(_)))
        .filter(|a| sim.with_vision(player, |v| v.sees(a.at)) == Some(true))
        .map(|a| {
            let (dx, dy) = (a.at.x - hero.at.x, a.at.y - hero.at.y);
            (dx.abs().max(dy.abs()), dx, dy)
        })
        .min()
}

/// Uses pack slot 0 when the moment suits the item (until then the hero
/// walks at the nearest monster in sight), for up to `ticks` ticks, and
/// returns every event seen.
fn use_when_ready(
    sim: &mut Simulation,
    player: venture::sim::PlayerId,
    ready: impl Fn(&Simulation) -> bool,
    ticks: u32,
) -> Vec<EventKind> {
    let mut seen = Vec::new();
    for _ in 0..ticks {
        let action = if ready(sim) {
            Some(Action::Use(0))
        } else {
            nearest_foe(sim, player)
                .and_then(|(_, dx, dy)| Dir::from_delta(dx.signum(), dy.signum()))
                .map(Action::Move)
        };
        let inputs: Vec<PlayerInput> = action
            .map(|action| PlayerInput { player, action })
            .into_iter()
            .collect();
        seen.extend(sim.step(&inputs).iter().map(|e| e.kind));
    }
    seen
}

/// Fails the check with a message instead of panicking, so another seed may
/// be tried.
macro_rules! check {
    ($cond:expr, $($msg:tt)+) => {
        if !$cond {
            return Err(format!($($msg)+));
        }
    };
}

macro_rules! check_eq {
    ($a:expr, $b:expr, $($msg:tt)+) => {
        if $a != $b {
            return Err(format!("{:?} != {:?}: {}", $a, $b, format!($($msg)+)));
        }
    };
}

/// Gives the hero `what` (in the starting potion's place) on world `seed`
/// and uses it; an error says what was not seen.
fn try_item(content: &Content, slot_item: ItemId, what: &str, seed: u64) -> Result<(), String> {
    let mut sim = Simulation::new(seed, Arc::new(content.clone()));
    let player = sim.add_player("Tester");
    let events = |sim: &mut Simulation, ready: &dyn Fn(&Simulation) -> bool| {
        use_when_ready(sim, player, ready, 800)
    };
    let hurt = |s: &Simulation| s.hero(player).is_some_and(|h| h.hp < h.max_hp);
    let close = |s: &Simulation| nearest_foe(s, player).is_some_and(|(d, ..)| d <= 2);
    let any = |es: &[EventKind], f: &dyn Fn(&EventKind) -> bool| es.iter().any(f);
    match &content.item(slot_item).kind {
        ItemKind::Potion(e) | ItemKind::Food(e) => {
            let es = match e {
                PotionEffect::Heal(_) => events(&mut sim, &hurt),
                _ => events(&mut sim, &|_| true),
            };
            let ok = match e {
                PotionEffect::Heal(_) => any(
                    &es,
                    &|e| matches!(e, EventKind::Healed { amount, .. } if *amount > 0),
                ),
                PotionEffect::Status(s) => any(
                    &es,
                    &|e| matches!(e, EventKind::StatusApplied { target: Who::Player(_), status } if *status == s.kind),
                ),
                PotionEffect::Cure => any(&es, &|e| matches!(e, EventKind::Cured { .. })),
            };
            check!(ok, "{what}: no effect seen");
        }
        ItemKind::Recipe(_) => {
            let es = events(&mut sim, &|_| true);
            check!(
                any(&es, &|e| matches!(
                    e,
                    EventKind::Craft(CraftEvent::Learned { .. })
                )),
                "{what}: nothing learned"
            );
            check!(
                sim.hero(player).is_some_and(|h| h.recipes != 0),
                "{what}: no recipe known"
            );
        }
        ItemKind::Scroll(ScrollEffect::Mapping) => {
            let es = events(&mut sim, &|_| true);
            check!(
                any(&es, &|e| matches!(e, EventKind::Mapped { .. })),
                "{what}"
            );
        }
        ItemKind::Scroll(ScrollEffect::Blast { .. }) | ItemKind::Thrown(_) => {
            let es = events(&mut sim, &close);
            let hit = any(&es, &|e| {
                matches!(
                    e,
                    EventKind::Hit {
                        attacker: Who::Player(_),
                        ..
                    }
                )
            });
            let used = any(&es, &|e| matches!(e, EventKind::Consumed { .. }));
            check!(used && hit, "{what}: used {used}, hit {hit}");
        }
        ItemKind::Weapon(w) => {
            let es = events(&mut sim, &|s| {
                s.hero(player)
                    .is_some_and(|h| h.weapon.map(|p| p.item) != Some(slot_item))
            });
            check!(
                any(&es, &|e| matches!(e, EventKind::Equipped { .. })),
                "{what}"
            );
            let hero = sim.hero(player).expect("hero");
            check_eq!(hero.combat.damage, w.damage, "{what}");
            if w.ranged.is_some() {
                let mut shot = false;
                for _ in 0..400 {
                    // At the nearest monster in sight, or down the room.
                    let (dx, dy) = nearest_foe(&sim, player).map_or((3, 0), |(_, dx, dy)| (dx, dy));
                    let action = Some(Action::Fire {
                        dx: dx as i8,
                        dy: dy as i8,
                    });
                    let inputs: Vec<PlayerInput> = action
                        .map(|action| PlayerInput { player, action })
                        .into_iter()
                        .collect();
                    shot |= sim.step(&inputs).iter().any(|e| {
                        matches!(
                            e.kind,
                            EventKind::Shot {
                                attacker: Who::Player(_),
                                ..
                            }
                        )
                    });
                    if shot {
                        break;
                    }
                }
                check!(shot, "{what}: never shot");
            }
        }
        ItemKind::Armor(a) => {
            let es = events(&mut sim, &|s| {
                s.hero(player).is_some_and(|h| h.pack[0].is_some())
            });
            let hero = sim.hero(player).expect("hero");
            check_eq!(
                hero.worn[a.slot.index()].map(|p| p.item),
                Some(slot_item),
                "{what}"
            );
            check!(
                any(&es, &|e| matches!(e, EventKind::Equipped { .. })),
                "{what}"
            );
            let bare = starting_combat(content);
            let c = hero.combat;
            check!(
                c.defense > bare.defense || c.evasion > bare.evasion || c.resist != bare.resist,
                "{what}: wearing it changes nothing"
            );
        }
        ItemKind::Gold(_) => {
            check!(sim.hero(player).expect("hero").gold > 0, "{what}");
        }
    }
    Ok(())
}

#[test]
fn every_item_of_every_genre_does_something_when_used() {
    let base = load_defaults().expect("default schemas load");
    let mut checked = 0;
    for genre in base.genre_ids().collect::<Vec<_>>() {
        let gname = base
            .genre_def(genre)
            .map(|g| g.id.clone())
            .unwrap_or_default();
        let world = base.in_genre(genre);
        let own: Vec<ItemId> = world
            .item_ids()
            .filter(|&i| world.item(i).genres.contains(&gname))
            .collect();
        for item in own {
            let content = kit_with(&base, genre, item);
            let slot_item = content.start_items()[1];
            let what = format!("{gname}/{}", world.item(item).id);
            let ok = (1..=8)
                .map(|seed| try_item(&content, slot_item, &what, seed))
                .find(Result::is_ok);
            assert!(
                ok.is_some(),
                "{}",
                try_item(&content, slot_item, &what, 1)
                    .err()
                    .unwrap_or_default()
            );
            checked += 1;
        }
    }
    assert!(checked > 120, "only {checked} items checked");
}

#[test]
fn gear_found_over_many_seeds_is_valid_and_wearable() {
    let base = load_defaults().expect("default schemas load");
    for genre in base.genre_ids().collect::<Vec<_>>() {
        let world = base.in_genre(genre);
        let mut better = 0;
        let mut affixed = 0;
        for seed in 0..12u64 {
            for depth in [1, 4, 7, 10] {
                for p in generate(&world, seed, depth).items {
                    let q = p.quality;
                    let def = world.item(p.item);
                    let gear = matches!(def.kind, ItemKind::Weapon(_) | ItemKind::Armor(_));
                    if !gear {
                        assert!(q.is_plain(), "{} is not gear but has {q:?}", def.id);
                        continue;
                    }
                    better += usize::from(q.rarity != venture::schema::Rarity::Common);
                    let n = q.affix_ids().count() as i32;
                    affixed += usize::from(n > 0);
                    assert!(n <= world.tier(q.rarity).affixes.max(), "{q:?}");
                    let place = |pl| q.count_in(&world, pl);
                    assert!(place(venture::schema::affixes::AffixPlace::Prefix) <= MAX_PREFIXES);
                    assert!(place(venture::schema::affixes::AffixPlace::Suffix) <= MAX_SUFFIXES);
                    for a in q.affix_ids() {
                        let ad = world.affix(a);
                        assert!(world.affix_share(a) > 0, "{} off-genre", ad.id);
                        assert!(ad.depth.contains(depth), "{} at depth {depth}", ad.id);
                        let fits = ad.on.iter().any(|t| match (t, &def.kind) {
                            (AffixTarget::Weapon, ItemKind::Weapon(_)) => true,
                            (AffixTarget::Ranged, ItemKind::Weapon(w)) => w.ranged.is_some(),
                            (AffixTarget::Armor, ItemKind::Armor(_)) => true,
                            _ => false,
                        });
                        assert!(fits, "{} on {}", ad.id, def.id);
                    }
                    let name = item_name(&world, p.item, &q);
                    assert!(name.contains(&def.name), "{name}");
                    // Usable: wielded or worn, it changes the hero's stats.
                    let mut inv = Inventory::new(1);
                    let piece = Piece {
                        item: p.item,
                        quality: q,
                    };
                    if matches!(def.kind, ItemKind::Weapon(_)) {
                        inv.weapon = Some(piece);
                    } else {
                        inv.wear(&world, piece);
                    }
                    let bare = starting_combat(&world);
                    assert_ne!(effective_combat(&bare, &inv, &world), bare, "{name}");
                }
            }
        }
        assert!(
            better > 0 && affixed > 0,
            "{better} better, {affixed} affixed"
        );
    }
}

#[test]
fn every_genre_has_ranged_monsters_shallow_and_deep() {
    let content = load_defaults().expect("default schemas load");
    let last = content.rules.dungeon_depth;
    for g in &content.genres {
        let ranged: Vec<_> = content
            .monsters
            .iter()
            .filter(|m| m.genres == [g.id.clone()])
            .filter(|m| m.kind == MonsterKind::Monster && m.ranged.is_some())
            .collect();
        assert!(
            ranged.len() >= 2,
            "{}: {} ranged monsters",
            g.id,
            ranged.len()
        );
        assert!(
            ranged.iter().any(|m| m.depth.min() <= 2),
            "{}: none shallow",
            g.id
        );
        assert!(
            ranged.iter().any(|m| m.depth.contains(last)),
            "{}: none deep",
            g.id
        );
    }
}

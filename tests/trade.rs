//! Merchants: levels below the first may have one, who sells the genre's
//! wares and buys the hero's things for less than they ask; walking into
//! them opens the shop, and trades go through the simulation's inputs.

mod common;

use std::sync::Arc;

use common::step_towards;
use venture::procgen::level::generate;
use venture::sim::components::Piece;
use venture::sim::event::Refusal;
use venture::sim::price::value_of;
use venture::sim::{Action, EventKind, PlayerId, PlayerInput, Simulation, Tile, Who};

fn act(sim: &mut Simulation, action: Action) -> Vec<EventKind> {
    let input = [PlayerInput {
        player: PlayerId(0),
        action,
    }];
    sim.step(&input).iter().map(|e| e.kind).collect()
}

/// A harmless world whose second level has a merchant, and a sim whose
/// hero has just walked down to it.
fn on_a_merchant_level() -> (Simulation, Arc<venture::schema::Content>) {
    let content = Arc::new(common::harmless_fantasy());
    let world = content.for_world(0);
    // A seed whose second level has a merchant.
    let seed = (0..200u64)
        .find(|&s| generate(&world, s, 2).merchant.is_some())
        .expect("some seed has a merchant at depth 2");
    let mut sim = Simulation::new(seed, Arc::clone(&content));
    sim.add_player("Tester");
    // Nobody to trade with at the start.
    assert!(act(&mut sim, Action::Buy(0)).contains(&EventKind::Refused {
        player: PlayerId(0),
        why: Refusal::NoMerchant
    }));
    // Walk down the stairs.
    let down = sim
        .with_level(1, |l| {
            l.tiles.points().find(|&p| l.tile(p) == Tile::StairsDown)
        })
        .flatten()
        .expect("stairs down");
    for _ in 0..6000 {
        let hero = sim.hero(PlayerId(0)).expect("hero");
        if hero.depth == 2 {
            break;
        }
        if hero.at == down {
            act(&mut sim, Action::Descend);
        } else {
            step_towards(&mut sim, down);
        }
    }
    assert_eq!(sim.hero(PlayerId(0)).expect("hero").depth, 2);
    (sim, content)
}

#[test]
fn a_merchant_sells_buys_and_refuses_what_cannot_be_done() {
    let (mut sim, content) = on_a_merchant_level();
    // Walk into the merchant: the shop opens.
    let mut opened = false;
    for _ in 0..6000 {
        let mut actors = Vec::new();
        sim.actors_on(2, &mut actors);
        let at = actors
            .iter()
            .find(|a| matches!(a.who, Who::Monster(m) if content.monster(m).trades))
            .map(|a| a.at)
            .expect("the merchant");
        if step_towards(&mut sim, at)
            .iter()
            .any(|e| matches!(e, EventKind::ShopOpened { .. }))
        {
            opened = true;
            break;
        }
    }
    assert!(opened, "walking into the merchant opened the shop");
    let (_, stock) = sim
        .merchant_beside(PlayerId(0))
        .expect("beside the merchant");
    assert!(!stock.is_empty(), "the merchant has wares");
    let ware = stock[0].item;
    let price = value_of(&content, &Piece::plain(ware), 2).buy;
    let hero = sim.hero(PlayerId(0)).expect("hero");
    if hero.gold < price {
        assert!(act(&mut sim, Action::Buy(0)).contains(&EventKind::Refused {
            player: PlayerId(0),
            why: Refusal::CannotAfford
        }));
    }
    // Sell something from the pack.
    let (slot, item) = hero
        .pack_items()
        .next()
        .map(|(i, s)| (i, s.item))
        .expect("something in the pack");
    let gold = hero.gold;
    let events = act(&mut sim, Action::Sell(slot as u8));
    let paid = value_of(&content, &Piece::plain(item), 2).sell;
    assert!(events.contains(&EventKind::Traded {
        player: PlayerId(0),
        item,
        price: paid as i32,
        bought: false
    }));
    assert_eq!(sim.hero(PlayerId(0)).expect("hero").gold, gold + paid);
    // The merchant now sells it back, dearer than they paid.
    let (_, stock) = sim
        .merchant_beside(PlayerId(0))
        .expect("beside the merchant");
    let back = stock.iter().position(|s| s.item == item).expect("resold") as u8;
    let ask = value_of(&content, &Piece::plain(item), 2).buy;
    assert!(ask > paid);
    let rich = sim.hero(PlayerId(0)).expect("hero").gold >= ask;
    let events = act(&mut sim, Action::Buy(back));
    if rich {
        assert!(
            events
                .iter()
                .any(|e| matches!(e, EventKind::Traded { bought: true, .. }))
        );
    }
    assert!(
        act(&mut sim, Action::Buy(99)).contains(&EventKind::Refused {
            player: PlayerId(0),
            why: Refusal::NothingThere
        })
    );
}

#[test]
fn exploring_stops_once_when_a_merchant_comes_into_view() {
    use venture::modes::autopilot::{Autopilot, Pilot};
    let (mut sim, content) = on_a_merchant_level();
    let merchant = |sim: &Simulation| {
        let mut actors = Vec::new();
        sim.actors_on(2, &mut actors);
        actors
            .into_iter()
            .find(|a| matches!(a.who, Who::Monster(m) if content.monster(m).trades))
            .expect("the merchant")
    };
    let sees = |sim: &Simulation, at| {
        sim.with_vision(PlayerId(0), |v| v.sees(at))
            .unwrap_or(false)
    };
    for _ in 0..6000 {
        let m = merchant(&sim);
        if sees(&sim, m.at) {
            break;
        }
        step_towards(&mut sim, m.at);
    }
    assert!(sees(&sim, merchant(&sim).at), "the merchant in sight");
    let mut pilot = Pilot::default();
    let hero = sim.hero(PlayerId(0)).expect("hero");
    pilot.start(Autopilot::Explore, hero.hp);
    let first = pilot.next(&sim, PlayerId(0), &hero);
    assert!(
        matches!(first, Err(Some(why)) if why.contains("merchant")),
        "{first:?}"
    );
    // Once met, the merchant no longer stops the trip.
    pilot.start(Autopilot::Explore, hero.hp);
    let again = pilot.next(&sim, PlayerId(0), &hero);
    assert!(
        !matches!(again, Err(Some(why)) if why.contains("merchant")),
        "{again:?}"
    );
}

#[test]
fn game_ron_sets_how_often_levels_have_merchants_and_stations_and_the_stock() {
    let mut content = common::harmless_fantasy();
    content.rules.extras.merchant_percent = 100;
    content.rules.extras.merchant_stock = 3;
    content.rules.extras.station_percent = 0;
    let world = content.for_world(0);
    for seed in 0..20 {
        let level = generate(&world, seed, 2);
        let merchant = level.merchant.as_ref().expect("every level has one");
        let wares: u16 = merchant.stock.iter().map(|(_, n)| n).sum();
        assert_eq!(wares, 3);
        assert!(level.level.station.is_none());
    }
    content.rules.extras.merchant_percent = 0;
    let world = content.for_world(0);
    assert!((0..20).all(|s| generate(&world, s, 2).merchant.is_none()));
}

#[test]
fn the_shop_stays_open_when_a_purchase_is_refused() {
    use venture::modes::app::{App, Pace};
    use venture::modes::input::Key;
    use venture::sim::algo::dijkstra::DijkstraMap;
    use venture::sim::algo::grid::Dir;
    let mut content = common::harmless_fantasy();
    content.rules.extras.merchant_percent = 100;
    let mut app = App::new(2, Arc::new(content), "Tester", Pace::RealTime);
    let key = |d: Dir| match d {
        Dir::N => Key::Char('k'),
        Dir::S => Key::Char('j'),
        Dir::W => Key::Char('h'),
        Dir::E => Key::Char('l'),
        Dir::NW => Key::Char('y'),
        Dir::NE => Key::Char('u'),
        Dir::SW => Key::Char('b'),
        Dir::SE => Key::Char('n'),
    };
    // Walk down, then into the merchant, by keys as a player would.
    let mut shop = None;
    for _ in 0..8000 {
        if let Some(o) = app.frame(56, 19).overlay {
            shop = Some(o.title);
            break;
        }
        let hero = app.sim().hero(PlayerId(0)).expect("hero");
        let goal = if hero.depth == 1 {
            app.sim()
                .with_level(1, |l| {
                    l.tiles.points().find(|&p| l.tile(p) == Tile::StairsDown)
                })
                .flatten()
        } else {
            let mut actors = Vec::new();
            app.sim().actors_on(hero.depth, &mut actors);
            let content = app.sim().content();
            actors
                .iter()
                .find(|a| matches!(a.who, Who::Monster(m) if content.monster(m).trades))
                .map(|a| a.at)
        };
        let goal = goal.expect("stairs or a merchant");
        if hero.depth == 1 && hero.at == goal {
            app.handle(Key::Char('>'));
        } else if hero.ready {
            let dir = app
                .sim()
                .with_level(hero.depth, |level| {
                    let mut map = DijkstraMap::new(level.width(), level.height());
                    map.compute([goal], i32::MAX, |p| level.is_walkable(p));
                    map.downhill(hero.at, |p| !level.is_walkable(p))
                })
                .flatten();
            if let Some(d) = dir {
                app.handle(key(d));
            }
        }
        app.tick();
    }
    let hero = app.sim().hero(PlayerId(0)).expect("hero");
    let shop =
        shop.unwrap_or_else(|| panic!("no shop: hero at {:?} depth {}", hero.at, hero.depth));
    // A new hero's few coins buy nothing dear: the refusal keeps the shop.
    let frame = app.frame(56, 19);
    let dear = frame
        .hud
        .shop
        .as_ref()
        .and_then(|s| s.wares.iter().position(|w| w.price > frame.hud.gold));
    let dear = dear.expect("a ware dearer than a new hero's purse");
    app.handle(Key::Char(venture::view::slot_letter(dear)));
    for _ in 0..5 {
        app.tick();
    }
    let after = app.frame(56, 19);
    assert!(
        after.log.iter().any(|l| l.text.contains("cannot afford")),
        "refused"
    );
    assert_eq!(
        after.overlay.map(|o| o.title),
        Some(shop),
        "the shop is still open"
    );
}

//! Every consumable does something: food feeds, scrolls map the level or
//! blast what is around, thrown things fly at the nearest monster and burst.
//! The hero's starting potions are turned into each kind in turn.

use venture::bench::stress::stress_sim;
use venture::schema::items::{ItemKind, PotionEffect, ScrollEffect, ThrownDef};
use venture::schema::monsters::ProjectileDef;
use venture::schema::{Content, DamageType, Rgb, Span, load_defaults};
use venture::sim::event::{EventKind, Who};
use venture::sim::{Action, PlayerInput, Simulation};

/// The default content with the starting potion turned into `kind`.
fn with_start_potion_as(kind: ItemKind) -> Content {
    let base = load_defaults().expect("default schemas load");
    let mut content = base.in_genre(base.genre_id("fantasy").expect("fantasy"));
    let id = content.item_id("potion_healing").expect("a healing potion");
    content.items[id.index()].kind = kind;
    content
}

fn use_first_slot(sim: &mut Simulation, ticks: u32) -> Vec<EventKind> {
    let player = sim.players()[0];
    let mut seen = Vec::new();
    let input = [PlayerInput {
        player,
        action: Action::Use(0),
    }];
    seen.extend(sim.step(&input).iter().map(|e| e.kind));
    for _ in 0..ticks {
        seen.extend(sim.step(&[]).iter().map(|e| e.kind));
    }
    seen
}

#[test]
fn a_scroll_of_mapping_shows_the_level() {
    let content = with_start_potion_as(ItemKind::Scroll(ScrollEffect::Mapping));
    let mut sim = Simulation::new(3, std::sync::Arc::new(content));
    let player = sim.add_player("Reader");
    sim.step(&[]);
    let explored = |sim: &Simulation| {
        sim.with_vision(player, |v| {
            v.explored
                .get(&1)
                .map_or(0, |g| g.cells().iter().filter(|&&s| s).count())
        })
        .unwrap_or(0)
    };
    let before = explored(&sim);
    let events = use_first_slot(&mut sim, 2);
    assert!(events.iter().any(|e| matches!(e, EventKind::Mapped { .. })));
    assert!(
        explored(&sim) > before * 3,
        "{before} -> {}",
        explored(&sim)
    );
}

#[test]
fn food_heals_and_is_eaten() {
    let content = with_start_potion_as(ItemKind::Food(PotionEffect::Heal(7)));
    let mut sim = Simulation::new(3, std::sync::Arc::new(content));
    sim.add_player("Eater");
    sim.step(&[]);
    let events = use_first_slot(&mut sim, 2);
    assert!(
        events
            .iter()
            .any(|e| matches!(e, EventKind::Consumed { .. }))
    );
    assert!(events.iter().any(|e| matches!(e, EventKind::Healed { .. })));
}

fn bomb() -> ItemKind {
    ItemKind::Thrown(ThrownDef {
        damage: Span(4, 8),
        damage_type: DamageType::Fire,
        range: 8,
        projectile: ProjectileDef {
            glyph: '*',
            color: Rgb(255, 120, 0),
            speed: 30,
            pierce: 0,
            bounce: 0,
            radius: 2,
        },
        on_hit: None,
    })
}

#[test]
fn a_bomb_needs_a_target_and_bursts_on_it() {
    // Alone at the start: nothing to throw at, and the bomb is kept.
    let mut sim = Simulation::new(3, std::sync::Arc::new(with_start_potion_as(bomb())));
    let player = sim.add_player("Thrower");
    sim.step(&[]);
    let events = use_first_slot(&mut sim, 10);
    assert!(
        events
            .iter()
            .any(|e| matches!(e, EventKind::NoTarget { .. })),
        "{events:?}"
    );
    assert!(sim.hero(player).expect("hero").pack[0].is_some());

    // In the crowded stress cave, once monsters close in, it flies and bursts.
    let (mut sim, player) = stress_sim(&with_start_potion_as(bomb()), 11, 300);
    let mut thrown = false;
    let mut burst = false;
    let mut hurt = 0;
    for _ in 0..600 {
        let input = [PlayerInput {
            player,
            action: Action::Use(0),
        }];
        let inputs: &[PlayerInput] = if thrown { &[] } else { &input };
        for e in sim.step(inputs) {
            match e.kind {
                EventKind::Consumed { .. } => thrown = true,
                EventKind::Exploded {
                    by: Who::Player(_), ..
                } => burst = true,
                EventKind::Hit {
                    attacker: Who::Player(_),
                    ..
                } if thrown => hurt += 1,
                _ => {}
            }
        }
        if burst && hurt > 0 {
            break;
        }
    }
    assert!(
        thrown && burst && hurt > 0,
        "thrown {thrown} burst {burst} hurt {hurt}"
    );
}

//! Ranged monsters shoot heroes in range and in the open; their projectiles
//! fly, hit, and (for bursting shots) blast, the same way on every run.

use venture::bench::stress::stress_sim;
use venture::schema::load_defaults;
use venture::sim::event::{EventKind, Who};
use venture::view::{GlyphKind, Observer, build};

#[test]
fn shooters_fire_projectiles_that_hit_and_burst_deterministically() {
    let content = load_defaults().expect("default schemas load");
    let run = || {
        let (mut sim, player) = stress_sim(&content, 11, 300);
        let (mut shots, mut bursts, mut hits_on_hero) = (0, 0, 0);
        let mut seen_in_flight = false;
        let mut drawn = false;
        let mut observer = Observer::new(player);
        let mut flying = Vec::new();
        for _ in 0..600 {
            for e in sim.step(&[]) {
                match e.kind {
                    EventKind::Shot {
                        attacker: Who::Monster(_),
                        target: Some(Who::Player(p)),
                    } if p == player => shots += 1,
                    EventKind::Exploded { .. } => bursts += 1,
                    EventKind::Hit {
                        target: Who::Player(_),
                        ..
                    } => hits_on_hero += 1,
                    _ => {}
                }
            }
            sim.projectiles_on(1, &mut flying);
            seen_in_flight |= !flying.is_empty();
            let frame = build(&sim, &mut observer, 56, 19);
            drawn |= frame.map.cells.iter().any(|c| {
                c.actor
                    .is_some_and(|g| g.kind == GlyphKind::Projectile && g.ch == '*')
            });
        }
        assert!(shots > 0, "no monster shot at the hero");
        assert!(bursts > 0, "no shot burst");
        assert!(seen_in_flight, "no projectile was ever in flight");
        assert!(hits_on_hero > 0);
        assert!(drawn, "no projectile was drawn on the hero's map");
        (shots, bursts, sim.state_hash())
    };
    assert_eq!(run(), run());
}

#[test]
fn a_hero_with_a_bow_shoots_monsters_at_a_distance() {
    use venture::schema::items::{ItemKind, WeaponShot};
    use venture::schema::monsters::ProjectileDef;
    use venture::sim::{Action, PlayerInput};

    let mut content = load_defaults().expect("default schemas load");
    // Every weapon shoots, so the hero's starting one does.
    for item in &mut content.items {
        if let ItemKind::Weapon(w) = &mut item.kind {
            w.ranged = Some(WeaponShot {
                range: 8,
                projectile: ProjectileDef {
                    glyph: '|',
                    color: venture::schema::Rgb(200, 200, 200),
                    speed: 40,
                    pierce: 0,
                    bounce: 0,
                    radius: 0,
                },
            });
        }
    }
    let (mut sim, player) = stress_sim(&content, 11, 300);
    let (mut shots, mut far_hits) = (0, 0);
    let mut actors = Vec::new();
    for _ in 0..600 {
        let hero = sim.hero(player).expect("hero");
        sim.actors_on(hero.depth, &mut actors);
        let target = actors
            .iter()
            .filter(|a| matches!(a.who, Who::Monster(_)))
            .filter(|a| sim.with_vision(player, |v| v.sees(a.at)) == Some(true))
            .min_by_key(|a| a.at.chebyshev(hero.at));
        let inputs: Vec<PlayerInput> = target
            .map(|t| PlayerInput {
                player,
                action: Action::Fire {
                    dx: (t.at.x - hero.at.x) as i8,
                    dy: (t.at.y - hero.at.y) as i8,
                },
            })
            .into_iter()
            .collect();
        for e in sim.step(&inputs) {
            match e.kind {
                EventKind::Shot {
                    attacker: Who::Player(_),
                    ..
                } => shots += 1,
                EventKind::Hit {
                    attacker: Who::Player(_),
                    ..
                } if e.at.chebyshev(hero.at) > 1 => far_hits += 1,
                _ => {}
            }
        }
    }
    assert!(shots > 3, "{shots} shots");
    assert!(far_hits > 0, "no shot hit anything at a distance");
}

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
                        target: Who::Player(p),
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

//! The stress world: one large cave level crowded with monsters around a
//! hero too tough to die, so every tick has hunting, pathing, fighting and
//! status effects. It is ordinary schema data with bigger numbers, so it
//! exercises exactly the code real games run.

use std::sync::Arc;

use crate::procgen::features::FeatureParams;
use crate::procgen::terrain::cellular::CaveParams;
use crate::schema::genres::TerrainBand;
use crate::schema::levels::{Generator, GeneratorChoice};
use crate::schema::monsters::{ProjectileDef, RangedAttack};
use crate::schema::{Content, DamageType};
use crate::sim::{PlayerId, Simulation};

/// Side of the stress level in tiles.
pub const STRESS_SIDE: i32 = 256;

/// `base` changed so that depth 1 is a `STRESS_SIDE`-square cave holding
/// `monsters` monsters, a third of the kinds shooting (some shots pierce,
/// bounce and burst), another third casting offensive and debuff spells of
/// every targeting, and the hero has a million hit points. Summons are left
/// out: creating entities mid-tick is not what this world measures.
pub fn stress_content(base: &Content, monsters: i32) -> Content {
    let mut c = base.clone();
    c.rules.player.hp = 1_000_000;
    for (i, m) in c.monsters.iter_mut().enumerate() {
        if i.is_multiple_of(3) && m.ranged.is_none() {
            m.ranged = Some(stress_shot(i));
        }
    }
    let hostile: Vec<crate::schema::SpellId> = c
        .spells()
        .iter()
        .filter(|s| s.kind.hostile())
        .filter_map(|s| c.spell_id(&s.id))
        .collect();
    let ids: Vec<_> = c.monster_ids().collect();
    for (i, id) in ids.into_iter().enumerate() {
        let mut spells: Vec<_> = c
            .monster_spells(id)
            .iter()
            .copied()
            .filter(|&s| c.spell(s).kind != crate::schema::spells::SpellKind::Summon)
            .collect();
        if i % 3 == 1 && spells.is_empty() && !hostile.is_empty() {
            spells = (0..3)
                .map(|k| hostile[(i + 7 * k) % hostile.len()])
                .collect();
        }
        c.set_monster_spells(id, spells);
    }
    if let Some(band) = c.levels.iter_mut().find(|b| b.depth.contains(1)) {
        band.width = STRESS_SIDE;
        band.height = STRESS_SIDE;
        band.monsters = crate::schema::Span(monsters, monsters);
        // Plain cave: the same ground for every run of the bench.
        band.features = FeatureParams::none();
    }
    for genre in &mut c.genres {
        genre.terrain = vec![TerrainBand {
            depth: crate::schema::Span(1, 1),
            generators: vec![GeneratorChoice {
                weight: 1,
                generator: Generator::Caves(CaveParams::default()),
            }],
        }];
    }
    c
}

/// A ranged attack for the stress world; every other one a bursting,
/// bouncing, piercing bolt.
fn stress_shot(i: usize) -> RangedAttack {
    let fancy = i.is_multiple_of(2);
    RangedAttack {
        verb: "shoots at".into(),
        range: 7,
        damage: crate::schema::Span(1, 3),
        damage_type: DamageType::Fire,
        delay: 30,
        projectile: ProjectileDef {
            glyph: '*',
            color: crate::schema::Rgb(255, 160, 40),
            speed: 30,
            pierce: u8::from(fancy),
            bounce: u8::from(fancy),
            radius: u8::from(fancy),
        },
        on_hit: None,
    }
}

/// A stress simulation with one hero, ready to step.
pub fn stress_sim(base: &Content, seed: u64, monsters: i32) -> (Simulation, PlayerId) {
    let content = Arc::new(stress_content(base, monsters));
    let mut sim = Simulation::new(seed, content);
    let player = sim.add_player("Stress");
    (sim, player)
}

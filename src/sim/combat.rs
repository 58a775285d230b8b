//! The combat formula: to-hit, damage, critical hits, defence and
//! resistance. Pure integer maths over plain numbers, so it is unit-tested
//! here and identical on every machine.

use crate::procgen::seed::Stream;
use crate::schema::{DamageType, Resistances, Span};

/// Critical hits deal this percent of normal damage.
pub const CRIT_PERCENT: i32 = 150;
/// Weakened attackers deal this percent of normal damage.
pub const WEAKENED_PERCENT: i32 = 75;
/// Every attack hits at least this often, whatever the evasion.
pub const MIN_HIT_PERCENT: i32 = 5;
/// Even an unskilled defender dodges this often before accuracy counts.
pub const BASE_EVADE_PERCENT: i32 = 10;

/// The attacker's side of one blow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Attack {
    pub damage: Span,
    pub damage_type: DamageType,
    /// Flat bonus added to the damage roll.
    pub attack: i32,
    /// Cancels evasion point for point.
    pub accuracy: i32,
    /// Percent chance of a critical hit.
    pub crit_chance: i32,
    pub weakened: bool,
    /// Hit points the attacker regains when the blow lands.
    pub life_on_hit: i32,
}

/// The defender's side of one blow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Defence {
    pub defense: i32,
    /// Percent chance to avoid a blow, before the attacker's accuracy.
    pub evasion: i32,
    pub resist: Resistances,
}

/// What one blow did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Miss,
    Hit { damage: i32, critical: bool },
}

/// Chance in percent that a blow is evaded: a base chance plus the
/// defender's evasion, less the attacker's accuracy, kept between 0 and
/// 100 - MIN_HIT_PERCENT.
pub fn evade_chance(a: &Attack, d: &Defence) -> i32 {
    (BASE_EVADE_PERCENT + d.evasion - a.accuracy).clamp(0, 100 - MIN_HIT_PERCENT)
}

/// Damage after defence and resistance for a raw roll.
///
/// Defence divides rather than subtracts (each point takes off a little
/// less than the one before), so high defence never makes a hero immune;
/// resistance then scales by percent, 100 being immunity and negative values
/// extra damage. Any hit that is not fully resisted does at least 1.
pub fn mitigate(raw: i32, defense: i32, resist_percent: i32) -> i32 {
    let raw = raw.max(0);
    let after_defence = raw * 100 / (100 + 5 * defense.max(0));
    let resist = resist_percent.clamp(-100, 100);
    if resist >= 100 || raw == 0 {
        return 0;
    }
    (after_defence * (100 - resist) / 100).max(1)
}

/// Rolls one blow.
pub fn resolve(a: &Attack, d: &Defence, rng: &mut Stream) -> Outcome {
    if rng.percent(evade_chance(a, d) as u32) {
        return Outcome::Miss;
    }
    let roll = rng.range(a.damage.min(), a.damage.max());
    let critical = rng.percent(a.crit_chance.clamp(0, 100) as u32);
    // A critical hit is the best possible blow and half again, so it always
    // beats an ordinary one.
    let mut raw = if critical { a.damage.max() } else { roll } + a.attack.max(0);
    if critical {
        raw = raw * CRIT_PERCENT / 100;
    }
    if a.weakened {
        raw = raw * WEAKENED_PERCENT / 100;
    }
    let damage = mitigate(raw, d.defense, d.resist.get(a.damage_type));
    Outcome::Hit { damage, critical }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::procgen::seed::SIM_MELEE;

    fn attack() -> Attack {
        Attack {
            damage: Span(4, 4),
            damage_type: DamageType::Fire,
            attack: 1,
            accuracy: 0,
            crit_chance: 0,
            weakened: false,
            life_on_hit: 0,
        }
    }

    fn defence() -> Defence {
        Defence {
            defense: 0,
            // Cancels the base chance, so blows in these tests always land.
            evasion: -BASE_EVADE_PERCENT,
            resist: Resistances::default(),
        }
    }

    #[test]
    fn defence_divides_and_never_reaches_zero() {
        assert_eq!(mitigate(10, 0, 0), 10);
        assert_eq!(mitigate(10, 4, 0), 8); // 10 * 100 / 120
        assert_eq!(mitigate(10, 20, 0), 5);
        assert_eq!(mitigate(1, 1000, 0), 1);
        assert_eq!(mitigate(0, 0, 0), 0);
    }

    #[test]
    fn resistance_scales_by_percent_and_immunity_blocks_all() {
        assert_eq!(mitigate(10, 0, 50), 5);
        assert_eq!(mitigate(10, 0, -50), 15);
        assert_eq!(mitigate(10, 0, 100), 0);
        assert_eq!(mitigate(10, 0, 250), 0, "clamped to immunity");
        assert_eq!(mitigate(10, 0, -300), 20, "clamped to double damage");
        assert_eq!(mitigate(10, 0, 99), 1, "a resisted hit still scratches");
    }

    #[test]
    fn accuracy_cancels_evasion_and_a_hit_is_always_possible() {
        let mut a = attack();
        let mut d = defence();
        d.evasion = 30;
        a.accuracy = 10;
        assert_eq!(evade_chance(&a, &d), 30);
        a.accuracy = 50;
        assert_eq!(evade_chance(&a, &d), 0);
        d.evasion = 500;
        assert_eq!(evade_chance(&a, &d), 95);
    }

    #[test]
    fn a_sure_blow_deals_roll_plus_attack_through_resistance() {
        let mut d = defence();
        d.resist = Resistances([0, 50, 0, 0, 0, 0, 0, 0, 0, 0]); // fire 50%
        let mut rng = Stream::new(1, SIM_MELEE, &[]);
        assert_eq!(
            resolve(&attack(), &d, &mut rng),
            Outcome::Hit {
                damage: 2,
                critical: false
            } // (4 + 1) * 50%
        );
    }

    #[test]
    fn criticals_and_weakness_scale_damage() {
        let mut a = attack();
        a.crit_chance = 100;
        a.damage = Span(2, 8);
        a.attack = 0;
        let mut rng = Stream::new(2, SIM_MELEE, &[]);
        // Criticals take the top of the range, whatever the roll.
        for _ in 0..20 {
            assert_eq!(
                resolve(&a, &defence(), &mut rng),
                Outcome::Hit {
                    damage: 12,
                    critical: true
                } // 8 * 150%
            );
        }
        a.weakened = true;
        assert_eq!(
            resolve(&a, &defence(), &mut rng),
            Outcome::Hit {
                damage: 9,
                critical: true
            } // 12 * 75%
        );
    }

    #[test]
    fn evasion_rate_matches_the_chance_over_many_rolls() {
        let a = attack();
        let mut d = defence();
        d.evasion = 15; // plus the base 10: a quarter of blows miss
        let mut rng = Stream::new(3, SIM_MELEE, &[]);
        let misses = (0..10_000)
            .filter(|_| resolve(&a, &d, &mut rng) == Outcome::Miss)
            .count();
        assert!((2200..2800).contains(&misses), "{misses} misses in 10000");
    }
}

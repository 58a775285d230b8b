//! What found gear's rarity and affixes do: the tier scales a piece's own
//! numbers, and every affix adds its effect (itself scaled by the tier).
//! Pure integer rules over schema data, used by `hero::effective_combat`
//! and by the pack screen to say what a piece does.

use super::components::{Inventory, Piece};
use crate::schema::affixes::AffixEffect;
use crate::schema::{Content, DamageType, Span, StatusSpec};

/// Most a Quickness total may cut from the ticks between blows, in percent.
pub const MAX_QUICKNESS: i32 = 75;

/// `value` times `percent`/100, rounded half away from zero, so a +1 on a
/// legendary piece (160%) becomes +2 and a -1 stays a penalty.
pub fn scale(value: i32, percent: i32) -> i32 {
    let p = i64::from(value) * i64::from(percent);
    let rounded = if p >= 0 {
        (p + 50) / 100
    } else {
        (p - 50) / 100
    };
    i32::try_from(rounded).unwrap_or(if p >= 0 { i32::MAX } else { i32::MIN })
}

/// A damage span scaled by a percent (at least 0 at each end).
pub fn scale_span(s: Span, percent: i32) -> Span {
    Span(
        scale(s.min(), percent).max(0),
        scale(s.max(), percent).max(0),
    )
}

/// The sum of the affix effects of everything wielded and worn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Bonus {
    pub damage_percent: i32,
    pub attack: i32,
    pub accuracy: i32,
    pub crit: i32,
    pub quickness: i32,
    pub defense: i32,
    pub evasion: i32,
    pub resist: [i32; DamageType::COUNT],
    pub max_hp: i32,
    pub speed: i32,
    pub life_on_hit: i32,
    /// The first on-hit status an affix grants.
    pub on_hit: Option<StatusSpec>,
}

impl Bonus {
    /// Adds one affix's effect, its value scaled by the piece's tier.
    pub fn add(&mut self, effect: &AffixEffect, percent: i32) {
        let v = |x: i32| scale(x, percent);
        match *effect {
            AffixEffect::Damage(x) => self.damage_percent += v(x),
            AffixEffect::Attack(x) => self.attack += v(x),
            AffixEffect::Accuracy(x) => self.accuracy += v(x),
            AffixEffect::Crit(x) => self.crit += v(x),
            AffixEffect::Quickness(x) => self.quickness += v(x),
            AffixEffect::Defense(x) => self.defense += v(x),
            AffixEffect::Evasion(x) => self.evasion += v(x),
            AffixEffect::Resist(t, x) => self.resist[t.index()] += v(x),
            AffixEffect::MaxHealth(x) => self.max_hp += v(x),
            AffixEffect::Speed(x) => self.speed += v(x),
            AffixEffect::LifeOnHit(x) => self.life_on_hit += v(x),
            AffixEffect::OnHit(s) => {
                // A rarer piece's status lasts longer, not more often.
                let spec = StatusSpec {
                    duration: u32::try_from(scale(
                        i32::try_from(s.duration).unwrap_or(i32::MAX),
                        percent,
                    ))
                    .unwrap_or(s.duration)
                    .max(1),
                    ..s
                };
                self.on_hit = self.on_hit.or(Some(spec));
            }
        }
    }

    /// Adds every affix of one piece, scaled by its tier.
    fn add_piece(&mut self, content: &Content, piece: &Piece) {
        let percent = content.tier(piece.quality.rarity).stat_percent;
        for a in piece.quality.affix_ids() {
            self.add(&content.affix(a).effect, percent);
        }
    }

    /// The bonus of one piece's affixes.
    pub fn of_piece(content: &Content, piece: &Piece) -> Bonus {
        let mut b = Bonus::default();
        b.add_piece(content, piece);
        b
    }

    /// The bonus of everything a hero wields and wears.
    pub fn of_gear(content: &Content, inventory: &Inventory) -> Bonus {
        let mut b = Bonus::default();
        for p in inventory.gear() {
            b.add_piece(content, p);
        }
        b
    }
}

/// What an affix does, in a few words for the pack screen ("+6 accuracy").
pub fn describe(effect: &AffixEffect, percent: i32) -> String {
    let v = |x: i32| scale(x, percent);
    match *effect {
        AffixEffect::Damage(x) => format!("{:+}% damage", v(x)),
        AffixEffect::Attack(x) => format!("{:+} attack", v(x)),
        AffixEffect::Accuracy(x) => format!("{:+} accuracy", v(x)),
        AffixEffect::Crit(x) => format!("{:+}% crit", v(x)),
        AffixEffect::Quickness(x) => format!("{}% quicker", v(x)),
        AffixEffect::Defense(x) => format!("{:+} defence", v(x)),
        AffixEffect::Evasion(x) => format!("{:+} evasion", v(x)),
        AffixEffect::Resist(t, x) => format!("{:+}% {} resist", v(x), t.name()),
        AffixEffect::MaxHealth(x) => format!("{:+} max HP", v(x)),
        AffixEffect::Speed(x) => format!("{:+} speed", v(x)),
        AffixEffect::LifeOnHit(x) => format!("{:+} HP per hit", v(x)),
        AffixEffect::OnHit(s) => format!("{}% {} on hit", s.chance, s.kind.name()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::StatusKind;

    #[test]
    fn scaling_rounds_half_away_from_zero() {
        assert_eq!(scale(1, 160), 2);
        assert_eq!(scale(1, 125), 1);
        assert_eq!(scale(1, 150), 2);
        assert_eq!(scale(-1, 160), -2);
        assert_eq!(scale(10, 110), 11);
        assert_eq!(scale(7, 100), 7);
        assert_eq!(scale(0, 1000), 0);
        assert_eq!(scale(i32::MAX, 1000), i32::MAX, "saturates");
        assert_eq!(scale_span(Span(3, 7), 140), Span(4, 10));
    }

    #[test]
    fn affix_effects_add_up_scaled_by_tier() {
        let mut b = Bonus::default();
        b.add(&AffixEffect::Accuracy(6), 100);
        b.add(&AffixEffect::Accuracy(6), 160);
        b.add(&AffixEffect::Resist(DamageType::Fire, 25), 140);
        b.add(&AffixEffect::MaxHealth(8), 125);
        b.add(&AffixEffect::Speed(20), 110);
        b.add(&AffixEffect::LifeOnHit(1), 160);
        let burn = StatusSpec {
            kind: StatusKind::Burning,
            magnitude: 2,
            duration: 60,
            chance: 20,
        };
        b.add(&AffixEffect::OnHit(burn), 150);
        b.add(
            &AffixEffect::OnHit(StatusSpec {
                kind: StatusKind::Poisoned,
                ..burn
            }),
            100,
        );
        assert_eq!(b.accuracy, 6 + 10);
        assert_eq!(b.resist[DamageType::Fire.index()], 35);
        assert_eq!((b.max_hp, b.speed, b.life_on_hit), (10, 22, 2));
        let on_hit = b.on_hit.expect("a status");
        assert_eq!((on_hit.kind, on_hit.duration), (StatusKind::Burning, 90));
    }

    #[test]
    fn descriptions_show_the_scaled_value() {
        assert_eq!(describe(&AffixEffect::Accuracy(6), 160), "+10 accuracy");
        assert_eq!(describe(&AffixEffect::Damage(20), 125), "+25% damage");
        assert_eq!(
            describe(&AffixEffect::Resist(DamageType::Ice, 20), 100),
            "+20% ice resist"
        );
    }
}

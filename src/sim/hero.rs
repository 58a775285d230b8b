//! Rules for heroes' numbers: stats from level and equipment, and the
//! experience curve.

use super::components::{Combat, Inventory, Piece};
use super::gear::{Bonus, MAX_QUICKNESS, scale, scale_span};
use crate::schema::items::ItemKind;
use crate::schema::{Content, Resistances};

/// A hero's fighting stats: the base (from the schema and level-ups) with the
/// wielded weapon replacing bare-hand damage and every piece of armour worn
/// adding its defence, evasion and resistances, each piece's own numbers
/// scaled by its rarity tier; then the affixes of all of them on top.
pub fn effective_combat(base: &Combat, inventory: &Inventory, content: &Content) -> Combat {
    let mut c = *base;
    let tier = |p: &Piece| content.tier(p.quality.rarity).stat_percent;
    if let Some(p) = inventory.weapon
        && let ItemKind::Weapon(w) = &content.item(p.item).kind
    {
        c.damage = scale_span(w.damage, tier(&p));
        c.damage_type = w.damage_type;
        c.attack += w.attack;
        c.accuracy += w.accuracy;
        c.crit_chance += w.crit_chance;
        c.attack_delay = w.attack_delay.max(1);
        // The weapon's own status first, then one the hero's skills give.
        c.on_hit = w.on_hit.or(base.on_hit);
    }
    for p in inventory.worn.iter().flatten() {
        if let ItemKind::Armor(a) = &content.item(p.item).kind {
            let pct = tier(p);
            c.defense += scale(a.defense, pct);
            c.evasion += scale(a.evasion, pct);
            let mut r = a.resist;
            for v in &mut r.0 {
                *v = scale(*v, pct);
            }
            c.resist = add_resist(&c.resist, &r);
        }
    }
    let b = Bonus::of_gear(content, inventory);
    c.damage = scale_span(c.damage, 100 + b.damage_percent.max(-100));
    c.attack += b.attack;
    c.accuracy += b.accuracy;
    c.crit_chance = (c.crit_chance + b.crit).clamp(0, 100);
    let quick = b.quickness.clamp(-100, MAX_QUICKNESS);
    c.attack_delay = scale(c.attack_delay, 100 - quick).max(1);
    c.defense = (c.defense + b.defense).max(0);
    c.evasion = (c.evasion + b.evasion).clamp(0, 95);
    c.resist = add_resist(&c.resist, &Resistances(b.resist));
    c.life_on_hit = base.life_on_hit + b.life_on_hit.max(0);
    c.on_hit = c.on_hit.or(b.on_hit);
    c
}

/// A hero's maximum health: the base (level-ups included) and what gear adds.
pub fn effective_max_hp(base_max_hp: i32, inventory: &Inventory, content: &Content) -> i32 {
    base_max_hp
        .saturating_add(Bonus::of_gear(content, inventory).max_hp)
        .max(1)
}

/// A hero's speed (energy per tick): the schema's and what gear adds.
pub fn effective_speed(inventory: &Inventory, content: &Content) -> i32 {
    content
        .rules
        .player
        .speed
        .saturating_add(Bonus::of_gear(content, inventory).speed)
        .max(1)
}

fn add_resist(a: &Resistances, b: &Resistances) -> Resistances {
    let mut r = *a;
    for (x, y) in r.0.iter_mut().zip(b.0) {
        *x = (*x + y).clamp(-100, 100);
    }
    r
}

/// The base stats a fresh hero starts with.
pub fn starting_combat(content: &Content) -> Combat {
    let p = &content.rules.player;
    Combat {
        attack: p.attack,
        defense: p.defense,
        damage: p.damage,
        damage_type: p.damage_type,
        evasion: p.evasion,
        accuracy: p.accuracy,
        crit_chance: p.crit_chance,
        resist: p.resist,
        attack_delay: p.attack_delay,
        on_hit: None,
        life_on_hit: 0,
    }
}

/// Raises base stats for one level gained.
pub fn level_up(base: &mut Combat, max_hp: &mut i32, content: &Content) {
    let l = &content.rules.levelling;
    *max_hp += l.hp;
    base.attack += l.attack;
    base.defense += l.defense;
    base.accuracy += l.accuracy;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::load_defaults;

    #[test]
    fn weapon_replaces_damage_and_armour_adds_defence() {
        let content = load_defaults().expect("defaults load");
        let base = starting_combat(&content);
        let mut inv = Inventory::new(4);
        let plain = effective_combat(&base, &inv, &content);
        assert_eq!(plain, base);
        inv.weapon = content.item_id("short_sword").map(Piece::plain);
        inv.wear(
            &content,
            Piece::plain(content.item_id("salamander_cloak").expect("cloak")),
        );
        let c = effective_combat(&base, &inv, &content);
        assert_eq!(c.damage, crate::schema::Span(3, 7));
        assert_eq!(c.attack, base.attack + 1);
        assert_eq!(c.defense, base.defense + 2);
        assert_eq!(c.resist.get(crate::schema::DamageType::Fire), 60);
    }

    #[test]
    fn armour_in_different_slots_adds_up_and_a_slot_holds_one_piece() {
        use crate::schema::items::{ArmorSlot, ItemKind};
        let mut content = load_defaults().expect("defaults load");
        let armours: Vec<_> = content
            .item_ids()
            .filter(|&id| matches!(content.item(id).kind, ItemKind::Armor(_)))
            .collect();
        assert!(armours.len() >= 2, "need two armours to test with");
        let (helm, mail) = (armours[0], armours[1]);
        let (helm_piece, mail_piece) = (Piece::plain(helm), Piece::plain(mail));
        if let ItemKind::Armor(a) = &mut content.items[helm.index()].kind {
            a.slot = ArmorSlot::Head;
        }
        if let ItemKind::Armor(a) = &mut content.items[mail.index()].kind {
            a.slot = ArmorSlot::Chest;
        }
        let defence = |id| match &content.item(id).kind {
            ItemKind::Armor(a) => a.defense,
            _ => 0,
        };
        let base = starting_combat(&content);
        let mut inv = Inventory::new(4);
        assert_eq!(inv.wear(&content, helm_piece), None);
        assert_eq!(inv.wear(&content, mail_piece), None);
        let c = effective_combat(&base, &inv, &content);
        assert_eq!(c.defense, base.defense + defence(helm) + defence(mail));
        // A second helmet replaces the first.
        assert_eq!(inv.wear(&content, helm_piece), Some(helm_piece));
        assert_eq!(inv.worn_in(ArmorSlot::Head), Some(helm_piece));
        assert_eq!(inv.worn.iter().flatten().count(), 2);
    }

    #[test]
    fn rarity_scales_a_piece_and_affixes_add_their_effects() {
        use crate::schema::Rarity;
        use crate::sim::components::Quality;
        let content = load_defaults().expect("defaults load");
        let affix = |id: &str| {
            content
                .affix_ids()
                .find(|&a| content.affix(a).id == id)
                .expect(id)
        };
        let base = starting_combat(&content);
        let sword = content.item_id("short_sword").expect("sword");
        let boots = content.item_id("leather_boots").expect("boots");
        let mut legendary = Quality::of(Rarity::Legendary);
        for a in ["keen", "quick", "of_the_leech", "of_embers"] {
            legendary.push(affix(a));
        }
        let mut inv = Inventory::new(4);
        inv.weapon = Some(Piece {
            item: sword,
            quality: legendary,
        });
        let mut swift = Quality::of(Rarity::Rare);
        swift.push(affix("of_the_hare"));
        swift.push(affix("of_vigour"));
        inv.wear(
            &content,
            Piece {
                item: boots,
                quality: swift,
            },
        );
        let c = effective_combat(&base, &inv, &content);
        // Legendary: 160% of 3-7; keen +6 accuracy at 160% is +10.
        assert_eq!(c.damage, crate::schema::Span(5, 11));
        assert_eq!(c.accuracy, base.accuracy + 10);
        // Quick: 15% at 160% = 24% fewer of the sword's 9 ticks.
        assert_eq!(c.attack_delay, 7);
        assert_eq!(c.life_on_hit, 2);
        assert_eq!(
            c.on_hit.map(|s| s.kind),
            Some(crate::schema::StatusKind::Burning)
        );
        // Rare boots (125%): defence 1 -> 1, evasion 2 -> 3.
        assert_eq!(c.defense, base.defense + 1);
        assert_eq!(c.evasion, base.evasion + 3);
        // The hare (+20 speed) and vigour (+8 health) at 125%: 25 and 10.
        let p = &content.rules.player;
        assert_eq!(effective_speed(&inv, &content), p.speed + 25);
        assert_eq!(effective_max_hp(p.hp, &inv, &content), p.hp + 10);
        inv.weapon = None;
        inv.worn = [None; crate::schema::items::ArmorSlot::COUNT];
        assert_eq!(effective_combat(&base, &inv, &content), base);
        assert_eq!(effective_speed(&inv, &content), p.speed);
    }
}

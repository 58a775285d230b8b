//! The play screen: the bottom of the stack. Movement and other commands
//! become actions; menus are pushed on top.

use super::{
    Character, ConfirmQuit, Control, Crafting, Help, Inventory, InventoryMode, Map, Messages,
    Outcome, Quests, Screen, Spells,
};
use crate::modes::autopilot::Autopilot;
use crate::modes::input::{Command, Key, command};
use crate::schema::spells::SpellKind;
use crate::sim::{Action, Tile};
use crate::view::{Frame, Hud, Overlay, pack_slot};

#[derive(Clone, Copy, Debug, Default)]
pub struct Play;

impl Screen for Play {
    fn handle(&mut self, key: Key, hud: &Hud) -> Outcome {
        if key == Key::Interrupt {
            return Outcome::control(Control::Quit);
        }
        let Some(cmd) = command(key) else {
            return Outcome::stay();
        };
        let push = |s: Box<dyn Screen>| Outcome::control(Control::Push(s));
        match cmd {
            Command::Move(d) => Outcome::act(Action::Move(d)),
            Command::Run(d) => Outcome::control(Control::Autopilot(Autopilot::Run(d))),
            Command::Explore => Outcome::control(Control::Autopilot(Autopilot::Explore)),
            Command::Wait => Outcome::act(Action::Wait),
            Command::PickUp => Outcome::act(Action::PickUp),
            // Away from the stairs, the stairs key walks to them.
            Command::Descend if hud.on_stairs != Some(Tile::StairsDown) => {
                Outcome::control(Control::Autopilot(Autopilot::Stairs { down: true }))
            }
            Command::Ascend if hud.on_stairs != Some(Tile::StairsUp) => {
                Outcome::control(Control::Autopilot(Autopilot::Stairs { down: false }))
            }
            Command::Descend => Outcome::act(Action::Descend),
            Command::Ascend => Outcome::act(Action::Ascend),
            Command::Inventory => push(Box::new(Inventory::new(InventoryMode::Use))),
            Command::Drop => push(Box::new(Inventory::new(InventoryMode::Drop))),
            Command::QuickHeal => quick_heal(hud),
            Command::Fire => fire(hud),
            Command::Cast(slot) => cast(hud, slot),
            Command::Spells => push(Box::new(Spells::new(hud))),
            Command::Craft => push(Box::new(Crafting)),
            Command::Messages => push(Box::<Messages>::default()),
            Command::Quests => push(Box::<Quests>::default()),
            Command::Character => push(Box::<Character>::default()),
            Command::Map => push(Box::new(Map)),
            Command::TogglePace => Outcome::control(Control::TogglePace),
            Command::Saves => Outcome::control(Control::OpenSaves),
            Command::Help => push(Box::new(Help)),
            Command::Quit => push(Box::new(ConfirmQuit)),
        }
    }

    fn overlay(&self, _: &Frame) -> Option<Overlay> {
        None
    }

    fn pauses(&self) -> bool {
        false
    }
}

/// Shoots the wielded ranged weapon at the nearest monster in sight and in
/// range (monsters that are not fleeing first).
fn fire(hud: &Hud) -> Outcome {
    let Some(range) = hud.shot_range else {
        return Outcome::note("You have nothing to shoot with: wield a bow, a gun or a wand.");
    };
    let target = hud
        .nearby
        .iter()
        .filter(|m| m.distance <= range && !m.peaceful)
        .min_by_key(|m| (m.fleeing, m.distance));
    let Some(m) = target else {
        return Outcome::note(if hud.nearby.is_empty() {
            "There is nothing in sight to shoot at."
        } else {
            "Nothing in sight is within range."
        });
    };
    let clamp = |v: i32| i8::try_from(v.clamp(-64, 64)).unwrap_or(0);
    Outcome::act(Action::Fire {
        dx: clamp(m.offset.0),
        dy: clamp(m.offset.1),
    })
}

/// Casts the spell in a slot. The simulation checks mana, cooldown and
/// targets (and says why not); an empty slot is caught here, so the hint
/// names the key that fills it, and so is a heal on oneself when unhurt,
/// which would only waste the mana (as `p` refuses to waste a potion).
fn cast(hud: &Hud, slot: u8) -> Outcome {
    let spell = hud
        .magic
        .slots
        .get(usize::from(slot))
        .copied()
        .flatten()
        .and_then(|i| hud.magic.spells.get(usize::from(i)));
    let Some(spell) = spell else {
        return Outcome::note(format!(
            "Slot {} holds no spell: press z to assign one.",
            slot + 1
        ));
    };
    if spell.kind == SpellKind::Healing && spell.on_caster && hud.hp >= hud.max_hp {
        return Outcome::note("You are not hurt.");
    }
    Outcome::act(Action::Cast { slot })
}

/// Drinks the healing potion whose strength is closest to what is missing
/// (the weaker of two equally close); refuses when unhurt or out of potions
/// rather than waste one.
fn quick_heal(hud: &Hud) -> Outcome {
    let missing = hud.max_hp - hud.hp;
    if missing <= 0 {
        return Outcome::note("You are not hurt.");
    }
    let best = hud
        .pack
        .iter()
        .filter(|p| p.heals > 0)
        .min_by_key(|p| ((p.heals - missing).abs(), p.heals));
    match best {
        Some(p) => {
            pack_slot(p.letter).map_or_else(Outcome::stay, |slot| Outcome::act(Action::Use(slot)))
        }
        None => Outcome::note("You have no healing potion."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::view::{MagicHud, SpellLine};

    fn hud_with(kind: SpellKind, on_caster: bool, hp: i32) -> Hud {
        let spell = SpellLine {
            name: "mend".into(),
            mana: 5,
            cooldown: 0,
            ready_in: 0,
            detail: String::new(),
            kind,
            on_caster,
        };
        Hud {
            hp,
            max_hp: 20,
            magic: MagicHud {
                mana: 10,
                max_mana: 10,
                spells: vec![spell],
                slots: [Some(0), None, None, None, None],
            },
            ..Default::default()
        }
    }

    #[test]
    fn a_self_heal_is_not_cast_when_unhurt_but_other_spells_are() {
        let note = |o: Outcome| o.note.map(|(t, _)| t);
        let unhurt = cast(&hud_with(SpellKind::Healing, true, 20), 0);
        assert!(unhurt.action.is_none());
        assert_eq!(note(unhurt).as_deref(), Some("You are not hurt."));
        let hurt = cast(&hud_with(SpellKind::Healing, true, 12), 0);
        assert_eq!(hurt.action, Some(Action::Cast { slot: 0 }));
        // A heal for allies may be meant for them.
        let allies = cast(&hud_with(SpellKind::Healing, false, 20), 0);
        assert_eq!(allies.action, Some(Action::Cast { slot: 0 }));
        let bolt = cast(&hud_with(SpellKind::Offensive, true, 20), 0);
        assert_eq!(bolt.action, Some(Action::Cast { slot: 0 }));
        let empty = cast(&hud_with(SpellKind::Offensive, true, 20), 1);
        assert!(note(empty).is_some_and(|t| t.contains("press z")));
    }
}

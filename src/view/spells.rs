//! Magic in the view: the sentences for spell events, their names in
//! headless reports, and the hero's mana and spell list for the panel and
//! the spells screen.

use crate::schema::Content;
use crate::schema::spells::{SpellDef, SpellKind, Targeting};
use crate::sim::spells::{Refusal, SpellEvent};
use crate::sim::{PlayerId, Simulation, Who};

use super::frame::Tone;
use super::messages::{capitalised, name};

/// A hero's magic for the panel and the spells screen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MagicHud {
    pub mana: i32,
    pub max_mana: i32,
    /// Known spells, in the order they were learned.
    pub spells: Vec<SpellLine>,
    /// Per hotkey slot (keys 1 to 5), an index into `spells`.
    pub slots: [Option<u8>; 5],
}

/// One known spell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpellLine {
    pub name: String,
    pub mana: i32,
    /// Cooldown in ticks.
    pub cooldown: u32,
    /// Ticks until it can be cast again (0: ready).
    pub ready_in: u64,
    /// What it does in a few words ("fire 3-6, single, burning").
    pub detail: String,
    pub kind: SpellKind,
    /// Whether it works on the caster alone (so a heal of this kind is
    /// wasted when unhurt).
    pub on_caster: bool,
}

/// The magic panel of a hero.
pub fn magic_hud(sim: &Simulation, player: PlayerId) -> MagicHud {
    let Some(m) = sim.hero_magic(player) else {
        return MagicHud::default();
    };
    let content = sim.content();
    MagicHud {
        mana: m.mana,
        max_mana: m.max_mana,
        spells: m
            .known
            .iter()
            .map(|k| {
                let def = content.spell(k.spell);
                SpellLine {
                    name: def.name.clone(),
                    mana: def.mana,
                    cooldown: def.cooldown,
                    ready_in: k.ready_at.saturating_sub(m.tick),
                    detail: detail(def, content),
                    kind: def.kind,
                    on_caster: def.target == Targeting::Caster,
                }
            })
            .collect(),
        slots: m.slots,
    }
}

/// "fire 3-6, single, burning": element, numbers, reach and status.
fn detail(def: &SpellDef, content: &Content) -> String {
    let power = format!("{}-{}", def.power.min(), def.power.max());
    let what = match def.kind {
        SpellKind::Offensive => format!("{} {power}", def.element.name()),
        SpellKind::Healing => format!("heals {power}"),
        SpellKind::Summon => {
            let who = def
                .summon
                .as_ref()
                .and_then(|s| content.monster_id(&s.monster));
            let who = who.map_or("?".to_owned(), |m| content.monster(m).name.clone());
            format!("calls a {who}")
        }
        SpellKind::Utility if def.element == crate::schema::spells::Element::Light => {
            "shows the surroundings".to_owned()
        }
        SpellKind::Utility => "jumps away".to_owned(),
        k => k.name().to_owned(),
    };
    let mut out = format!("{what}, {}", def.target.name());
    if let Some(s) = def.status {
        out.push_str(", ");
        out.push_str(s.kind.name());
    }
    if def.element.knockback() > 0 && def.kind.hostile() {
        out.push_str(", knocks back");
    }
    out
}

/// A short name per spell event, for headless event counts.
pub fn spell_event_name(e: &SpellEvent) -> &'static str {
    match e {
        SpellEvent::Cast { .. } => "cast",
        SpellEvent::Refused { .. } => "cast_refused",
        SpellEvent::Summoned { .. } => "summoned",
        SpellEvent::Faded { .. } => "summon_faded",
        SpellEvent::KnockedBack { .. } => "knocked_back",
        SpellEvent::Blinked { .. } => "blinked",
        SpellEvent::Revealed { .. } => "revealed",
        SpellEvent::ManaDrained { .. } => "mana_drained",
        SpellEvent::Learned { .. } => "learned_spell",
    }
}

/// Whether a spell event is about this player.
pub fn involves(e: &SpellEvent, me: PlayerId) -> bool {
    let is_me = |w: &Who| *w == Who::Player(me);
    match e {
        SpellEvent::Cast { caster, target, .. } => {
            is_me(caster) || target.as_ref().is_some_and(is_me)
        }
        SpellEvent::Refused { player, .. }
        | SpellEvent::Revealed { player }
        | SpellEvent::Learned { player, .. } => *player == me,
        SpellEvent::Summoned { by, .. } => is_me(by),
        SpellEvent::KnockedBack { target: w }
        | SpellEvent::Blinked { who: w }
        | SpellEvent::ManaDrained { target: w, .. } => is_me(w),
        SpellEvent::Faded { .. } => false,
    }
}

/// The sentence for a spell event as `me` sees it.
pub fn describe(e: &SpellEvent, me: PlayerId, sim: &Simulation) -> Option<(String, Tone)> {
    let content = sim.content();
    let n = |w: Who| name(w, me, sim);
    let mine = |w: &Who| *w == Who::Player(me);
    Some(match *e {
        SpellEvent::Cast {
            caster,
            spell,
            target,
        } => {
            let verb = if mine(&caster) { "cast" } else { "casts" };
            let at = target.map(|t| format!(" at {}", n(t))).unwrap_or_default();
            let tone = if target.as_ref().is_some_and(mine) {
                Tone::Bad
            } else {
                Tone::Normal
            };
            (
                format!(
                    "{} {verb} {}{at}.",
                    capitalised(&n(caster)),
                    content.spell(spell).name
                ),
                tone,
            )
        }
        SpellEvent::Refused { spell, reason, .. } => {
            let spell = spell.map_or("That".to_owned(), |s| content.spell(s).name.clone());
            let text = match reason {
                Refusal::NoSuchSlot => "There are only five spell slots (1-5).".to_owned(),
                Refusal::EmptySlot => "No spell in that slot: press z to assign one.".to_owned(),
                Refusal::Cooldown { ticks } => {
                    format!("{spell} is not ready yet ({}s).", ticks.div_ceil(20))
                }
                Refusal::NoMana { need, have } => {
                    format!("Not enough mana for {spell} ({have}/{need}).")
                }
                Refusal::NoTarget => format!("No target in sight for {spell}."),
            };
            (text, Tone::Normal)
        }
        SpellEvent::Summoned { by, monster } => {
            let what = &content.monster(monster).name;
            if mine(&by) {
                (format!("A {what} answers your call!"), Tone::Good)
            } else {
                (
                    format!("{} calls up a {what}!", capitalised(&n(by))),
                    Tone::Bad,
                )
            }
        }
        SpellEvent::Faded { monster } => (
            format!("The {} fades away.", content.monster(monster).name),
            Tone::Normal,
        ),
        SpellEvent::KnockedBack { target } => {
            let be = if mine(&target) { "are" } else { "is" };
            (
                format!("{} {be} thrown back!", capitalised(&n(target))),
                if mine(&target) {
                    Tone::Bad
                } else {
                    Tone::Normal
                },
            )
        }
        SpellEvent::Blinked { who } => {
            let verb = if mine(&who) { "vanish" } else { "vanishes" };
            (
                format!(
                    "{} {verb} and reappear{} nearby.",
                    capitalised(&n(who)),
                    if mine(&who) { "" } else { "s" }
                ),
                Tone::Normal,
            )
        }
        SpellEvent::Revealed { .. } => (
            "Light spills out and shows you the ground around.".to_owned(),
            Tone::Good,
        ),
        SpellEvent::ManaDrained { target, amount } if mine(&target) => {
            (format!("Your mana drains away (-{amount})."), Tone::Bad)
        }
        SpellEvent::ManaDrained { .. } => return None,
        SpellEvent::Learned { spell, .. } => (
            format!(
                "You learn {}! (z: spells, 1-5: cast)",
                content.spell(spell).name
            ),
            Tone::Important,
        ),
    })
}

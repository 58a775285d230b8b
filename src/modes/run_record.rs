//! What a headless run writes down as it goes, beyond the events: the state
//! hash each time the hero arrives on a level (so two runs, or a run and a
//! replay, can be compared level by level and a desync placed on the level
//! it happened on), and what the bot asked for, by kind (so a report shows
//! at a glance whether the bot shops, casts and uses its items).

use std::collections::BTreeMap;

use serde::Serialize;

use crate::schema::Content;
use crate::schema::items::ItemKind;
use crate::sim::query::HeroState;
use crate::sim::{Action, Simulation};

/// One stay of the hero on a level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LevelVisit {
    /// The level's depth (1 is the top).
    pub depth: i32,
    /// The tick the hero arrived on (0 for the first level).
    pub arrived_tick: u64,
    /// `Simulation::state_hash` at arrival, 16 hex digits. The hash on
    /// leaving a level is the next visit's arrival hash.
    pub arrival_hash: String,
    /// The tick the hero left on; `None` for the level the run ended on.
    pub left_tick: Option<u64>,
    /// Whether this is the hero's first time on this depth.
    pub first_visit: bool,
}

/// The visits so far, and the depth the hero stood on after the last tick.
#[derive(Clone, Debug, Default)]
pub struct LevelLog {
    visits: Vec<LevelVisit>,
}

impl LevelLog {
    /// Notes the hero's depth after a tick; hashes the world when it
    /// changed (only then: a hash reads the whole world).
    pub fn observe(&mut self, sim: &Simulation, depth: i32) {
        if self.visits.last().is_some_and(|v| v.depth == depth) {
            return;
        }
        let tick = sim.tick();
        if let Some(last) = self.visits.last_mut() {
            last.left_tick = Some(tick);
        }
        let first_visit = !self.visits.iter().any(|v| v.depth == depth);
        self.visits.push(LevelVisit {
            depth,
            arrived_tick: tick,
            arrival_hash: format!("{:016x}", sim.state_hash()),
            left_tick: None,
            first_visit,
        });
    }

    /// The visits, for the report.
    pub fn into_visits(self) -> Vec<LevelVisit> {
        self.visits
    }
}

/// How many times the bot asked for each kind of action. Items used are
/// told apart by what they are (`use_potion`, `use_scroll`...), since
/// "uses items" means more than equipping gear.
#[derive(Clone, Debug, Default)]
pub struct ActionTally(pub BTreeMap<String, u64>);

impl ActionTally {
    /// Counts an action `hero` (as it stood when the bot decided) asked for.
    pub fn count(&mut self, action: Action, hero: Option<&HeroState>, content: &Content) {
        let name = match action {
            Action::Use(slot) => use_name(slot, hero, content),
            other => action_name(other),
        };
        *self.0.entry(name.to_owned()).or_insert(0) += 1;
    }
}

/// An action's name as reports count it.
pub fn action_name(action: Action) -> &'static str {
    match action {
        Action::Move(_) => "move",
        Action::Wait => "wait",
        Action::PickUp => "pick_up",
        Action::Use(_) => "use",
        Action::Drop(_) => "drop",
        Action::Descend => "descend",
        Action::Ascend => "ascend",
        Action::Fire { .. } => "fire",
        Action::ChooseClass(_) => "choose_class",
        Action::Learn(_) => "learn",
        Action::Buy(_) => "buy",
        Action::Sell(_) => "sell",
        Action::Cast { .. } => "cast",
        Action::SetSpellSlots { .. } => "set_spell_slots",
        Action::Craft(_) => "craft",
    }
}

/// `use_` and the kind of item in the slot.
fn use_name(slot: u8, hero: Option<&HeroState>, content: &Content) -> &'static str {
    let item = hero
        .and_then(|h| h.pack.get(usize::from(slot)).copied().flatten())
        .map(|s| &content.item(s.item).kind);
    match item {
        Some(ItemKind::Potion(_)) => "use_potion",
        Some(ItemKind::Weapon(_)) => "use_weapon",
        Some(ItemKind::Armor(_)) => "use_armor",
        Some(ItemKind::Gold(_)) => "use_gold",
        Some(ItemKind::Food(_)) => "use_food",
        Some(ItemKind::Scroll(_)) => "use_scroll",
        Some(ItemKind::Thrown(_)) => "use_thrown",
        Some(ItemKind::Recipe(_)) => "use_recipe",
        None => "use",
    }
}

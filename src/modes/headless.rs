//! Headless runs: the simulation driven by a bot with no screen, as fast as
//! it can go, ending in a report (text or JSON) with the final state hash,
//! the hash on arriving at each level, what the bot did and how long ticks
//! took (`run_record.rs` keeps the tallies).

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Instant;

use serde::Serialize;

use crate::bench::percentiles::{Histogram, TimeSummary};
use crate::bot::BotKind;
use crate::replay::Watch;
use crate::schema::Content;
use crate::sim::{EventKind, PlayerId, PlayerInput, Simulation};

use super::run_record::{ActionTally, LevelLog, LevelVisit};

/// What to run.
#[derive(Clone, Debug)]
pub struct HeadlessConfig {
    pub seed: u64,
    pub ticks: u64,
    pub bot: BotKind,
    /// Stop once the hero first reaches this depth.
    pub until_depth: Option<i32>,
}

/// What happened, for people (`Display`) and tools (`serde_json`).
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct Report {
    pub seed: u64,
    /// The seed again as a string: JSON readers that hold numbers as
    /// doubles (jq, JavaScript) round seeds above 2^53.
    pub seed_text: String,
    /// The world's genre, as the side panel names it.
    pub genre: String,
    pub bot: String,
    pub ticks: u64,
    pub depth: i32,
    pub deepest: i32,
    pub hero_level: i32,
    pub kills: u32,
    pub gold: i64,
    pub alive: bool,
    pub won: bool,
    /// Why the run ended: "ticks", "depth", "death", "victory" or "watch".
    pub ended_by: String,
    /// How many events of each kind the run produced.
    pub events: BTreeMap<String, u64>,
    /// How many actions of each kind the bot asked for (items used by
    /// kind: `use_potion`, `use_scroll`...).
    pub actions: BTreeMap<String, u64>,
    /// Every stay on a level in order, with the state hash on arrival: two
    /// runs (or a run and its replay) compare level by level.
    pub levels: Vec<LevelVisit>,
    /// The final state hash as 16 hex digits.
    pub state_hash: String,
    pub elapsed_ms: f64,
    pub ticks_per_second: f64,
    /// Time in `Simulation::step` per tick, in microseconds.
    pub tick_time_us: TimeSummary,
    /// Time the bot took to decide per tick, in microseconds.
    pub bot_time_us: TimeSummary,
}

/// The bot hero's name (replays of headless runs name it in their header).
pub const PLAYER_NAME: &str = "Bot";

/// Runs a seed to the end and reports.
pub fn run(config: &HeadlessConfig, content: Arc<Content>) -> Report {
    run_watched(config, content, &mut ())
}

/// Runs a seed to the end with `watch` following every tick (a recorder,
/// a sweep's checks); the run also ends when the watch asks ("watch").
pub fn run_watched(
    config: &HeadlessConfig,
    content: Arc<Content>,
    watch: &mut dyn Watch,
) -> Report {
    let mut sim = Simulation::new(config.seed, content);
    let player = sim.add_player(PLAYER_NAME);
    watch.begin(&sim);
    drive(config, &mut sim, player, watch)
}

/// Runs a seed to the end and hands back the world as it ended too (for
/// `--save`), starting from `sim` as given: a fresh world or one loaded
/// from a save. `config.ticks` is the tick to stop at, counted from the
/// world's start, and the hero is player slot 0.
pub fn run_sim(config: &HeadlessConfig, mut sim: Simulation) -> (Report, Simulation) {
    let player = PlayerId(0);
    let report = drive(config, &mut sim, player, &mut ());
    (report, sim)
}

fn drive(
    config: &HeadlessConfig,
    sim: &mut Simulation,
    player: PlayerId,
    watch: &mut dyn Watch,
) -> Report {
    let mut bot = config.bot.build();
    let mut events: BTreeMap<String, u64> = BTreeMap::new();
    let mut inputs = Vec::with_capacity(1);
    let mut ended_by = "ticks";
    let mut levels = LevelLog::default();
    let mut actions = ActionTally::default();
    let (mut tick_times, mut bot_times) = (Histogram::default(), Histogram::default());
    if let Some(hero) = sim.hero(player) {
        levels.observe(sim, hero.depth);
    }
    let start = Instant::now();
    while sim.tick() < config.ticks {
        inputs.clear();
        let decided = Instant::now();
        let action = bot.decide(sim, player);
        bot_times.record(decided.elapsed());
        if let Some(action) = action {
            // Only items need the hero looked at: say which kind was used.
            let hero = matches!(action, crate::sim::Action::Use(_))
                .then(|| sim.hero(player))
                .flatten();
            actions.count(action, hero.as_ref(), sim.content());
            inputs.push(PlayerInput { player, action });
        }
        watch.before(sim.tick() + 1, &inputs);
        let stepped = Instant::now();
        let tick = sim.step(&inputs);
        tick_times.record(stepped.elapsed());
        for e in tick {
            *events.entry(event_name(&e.kind).to_owned()).or_insert(0) += 1;
        }
        if watch.after(sim).is_break() {
            ended_by = "watch";
            break;
        }
        let Some(hero) = sim.hero(player) else { break };
        levels.observe(sim, hero.depth);
        if hero.won {
            ended_by = "victory";
            break;
        }
        if hero.dead {
            ended_by = "death";
            break;
        }
        if config.until_depth.is_some_and(|d| hero.deepest >= d) {
            ended_by = "depth";
            break;
        }
    }
    let elapsed = start.elapsed().as_secs_f64();
    watch.end(sim);
    let hero = sim.hero(player);
    Report {
        seed: config.seed,
        seed_text: config.seed.to_string(),
        genre: sim.content().genre_label(),
        bot: format!("{:?}", config.bot).to_lowercase(),
        ticks: sim.tick(),
        depth: hero.as_ref().map_or(0, |h| h.depth),
        deepest: hero.as_ref().map_or(0, |h| h.deepest),
        hero_level: hero.as_ref().map_or(0, |h| h.level),
        kills: hero.as_ref().map_or(0, |h| h.kills),
        gold: hero.as_ref().map_or(0, |h| h.gold),
        alive: hero.as_ref().is_some_and(|h| !h.dead),
        won: hero.as_ref().is_some_and(|h| h.won),
        ended_by: ended_by.to_owned(),
        events,
        actions: actions.0,
        levels: levels.into_visits(),
        state_hash: format!("{:016x}", sim.state_hash()),
        elapsed_ms: elapsed * 1000.0,
        ticks_per_second: if elapsed > 0.0 {
            sim.tick() as f64 / elapsed
        } else {
            0.0
        },
        tick_time_us: tick_times.summary(),
        bot_time_us: bot_times.summary(),
    }
}

/// The event kind's name, as counted in reports.
fn event_name(kind: &EventKind) -> &'static str {
    match kind {
        EventKind::Spell(s) => crate::view::spell_event_name(s),
        EventKind::Craft(c) => crate::view::craft_event_name(c),
        EventKind::Hit { .. } => "hit",
        EventKind::Miss { .. } => "miss",
        EventKind::Shot { .. } => "shot",
        EventKind::Consumed { .. } => "consumed",
        EventKind::NoTarget { .. } => "no_target",
        EventKind::Mapped { .. } => "mapped",
        EventKind::Exploded { .. } => "exploded",
        EventKind::StatusApplied { .. } => "status_applied",
        EventKind::StatusEnded { .. } => "status_ended",
        EventKind::StatusPulse { .. } => "status_pulse",
        EventKind::Died { .. } => "died",
        EventKind::GainedXp { .. } => "gained_xp",
        EventKind::LevelUp { .. } => "level_up",
        EventKind::PickedUp { .. } => "picked_up",
        EventKind::PickedUpGold { .. } => "picked_up_gold",
        EventKind::Drank { .. } => "drank",
        EventKind::Healed { .. } => "healed",
        EventKind::Cured { .. } => "cured",
        EventKind::Equipped { .. } => "equipped",
        EventKind::Unequipped { .. } => "unequipped",
        EventKind::Dropped { .. } => "dropped",
        EventKind::DoorOpened { .. } => "door_opened",
        EventKind::ChangedLevel { .. } => "changed_level",
        EventKind::Noticed { .. } => "noticed",
        EventKind::Fled { .. } => "fled",
        EventKind::PackFull { .. } => "pack_full",
        EventKind::Hazard { .. } => "hazard",
        EventKind::FoundSecretDoor { .. } => "found_secret_door",
        EventKind::NothingToPickUp { .. } => "nothing_to_pick_up",
        EventKind::NoStairsHere { .. } => "no_stairs_here",
        EventKind::CannotLeave { .. } => "cannot_leave",
        EventKind::Victory { .. } => "victory",
        EventKind::QuestSet { .. } => "quest_set",
        EventKind::QuestProgress { .. } => "quest_progress",
        EventKind::QuestDone { .. } => "quest_done",
        EventKind::QuestFailed { .. } => "quest_failed",
        EventKind::QuestReward { .. } => "quest_reward",
        EventKind::SwappedPlaces { .. } => "swapped_places",
        EventKind::Follows { .. } => "follows",
        EventKind::ClassChosen { .. } => "class_chosen",
        EventKind::SkillLearned { .. } => "skill_learned",
        EventKind::Refused { .. } => "refused",
        EventKind::Traded { .. } => "traded",
        EventKind::ShopOpened { .. } => "shop_opened",
    }
}

impl std::fmt::Display for Report {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "seed        {}", self.seed)?;
        writeln!(f, "genre       {}", self.genre)?;
        writeln!(f, "bot         {}", self.bot)?;
        writeln!(f, "ticks       {} (ended by {})", self.ticks, self.ended_by)?;
        writeln!(f, "depth       {} (deepest {})", self.depth, self.deepest)?;
        writeln!(
            f,
            "hero        level {}, {} kills, {} gold, {}",
            self.hero_level,
            self.kills,
            self.gold,
            if self.won {
                "victorious"
            } else if self.alive {
                "alive"
            } else {
                "dead"
            }
        )?;
        writeln!(f, "events      {}", counts(&self.events))?;
        writeln!(f, "actions     {}", counts(&self.actions))?;
        for v in &self.levels {
            let left = v
                .left_tick
                .map_or_else(|| "-".to_owned(), |t| t.to_string());
            writeln!(
                f,
                "level {:<5} arrived tick {:<7} left {:<7} hash {}",
                v.depth, v.arrived_tick, left, v.arrival_hash
            )?;
        }
        writeln!(f, "state hash  {}", self.state_hash)?;
        writeln!(
            f,
            "speed       {:.0} ticks/s ({:.1} ms)",
            self.ticks_per_second, self.elapsed_ms
        )?;
        writeln!(f, "tick time   {}", self.tick_time_us)?;
        write!(f, "bot time    {}", self.bot_time_us)
    }
}

/// Counts by name as `name n, name n`.
fn counts(by_name: &BTreeMap<String, u64>) -> String {
    let parts: Vec<String> = by_name.iter().map(|(k, v)| format!("{k} {v}")).collect();
    parts.join(", ")
}

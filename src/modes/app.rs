//! One interactive game: the simulation, the local player's view and the
//! screen stack. Front ends feed it keys and ticks and draw its frames; it
//! knows nothing about terminals or windows, so tests drive it directly.

use std::collections::{BTreeSet, VecDeque};
use std::sync::Arc;

use super::autopilot::Pilot;
use super::input::{Command, Key, command};
use super::screens::{
    Character, ClassSelect, ConfirmDeleteRun, Control, Crafting, GameOver, Play, Saves, SavesMode,
    Screen, Shop,
};
use crate::replay::{Recorder, Watch};
use crate::save::{RunInfo, SaveDir, slot};
use crate::schema::Content;
use crate::sim::crafting::CraftEvent;
use crate::sim::{Action, EventKind, PlayerId, PlayerInput, Simulation};
use crate::view::{self, Frame, Hud, Observer, Tone};

/// Actions that may wait for the hero in real time and in turn-based play.
const TYPE_AHEAD_REAL_TIME: usize = 3;
const TYPE_AHEAD_TURNS: usize = 8;

/// How time passes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Pace {
    /// The clock runs on its own: monsters act while the player thinks.
    #[default]
    RealTime,
    /// The clock runs only while the hero is busy carrying out an action:
    /// the world waits for the player's next move.
    TurnBased,
}

/// How an interactive session begins.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Start {
    /// A new run, but first the offer to continue a saved one, if any.
    #[default]
    Offer,
    /// A new run straight away (a seed was asked for).
    New,
    /// The run saved in this slot.
    Continue(String),
}

/// A game in progress and its interface state.
pub struct App {
    sim: Simulation,
    player: PlayerId,
    observer: Observer,
    screens: Vec<Box<dyn Screen>>,
    content: Arc<Content>,
    name: String,
    pace: Pace,
    /// The action to send with the next tick.
    queue: VecDeque<Action>,
    /// Running or exploring on the player's behalf.
    pilot: Pilot,
    /// The skill last asked for, so the sheet reopens on its row.
    learning: Option<u8>,
    /// The side of the shop of a trade waiting for its answer (true:
    /// selling), so a refused one reopens the shop too.
    trading: Option<bool>,
    /// The panel of the last frame, for screens to read.
    hud: Hud,
    quit: bool,
    ended: bool,
    /// The final panels of earlier runs in this session, oldest first.
    past: Vec<Hud>,
    /// Whether each new run opens with the class menu.
    offer_classes: bool,
    /// Writes what the simulation gets each tick (`--record`).
    recorder: Option<Recorder>,
    /// Where quick saves and autosaves go; none in tests and replays.
    saves: Option<SaveDir>,
    /// How this run is played (kept in its saves).
    run: RunInfo,
    /// Whether new runs of this session are played with permadeath.
    permadeath: bool,
    /// The slots this run wrote or was loaded from: what its death may
    /// delete.
    run_slots: BTreeSet<String>,
    /// The hero's depth at the last autosave check.
    last_depth: i32,
    /// The data files watched for hot reload (F6), if any.
    data: Option<super::hot_reload::DataWatch>,
    /// This world's data changed in play: it can no longer be saved.
    data_changed: bool,
}

/// Game time between autosaves: three minutes of ticks.
const AUTOSAVE_TICKS: u64 = 3 * 60 * crate::sim::TICKS_PER_SECOND as u64;

impl App {
    /// A new run on `seed` for one local player.
    pub fn new(seed: u64, content: Arc<Content>, name: &str, pace: Pace) -> Self {
        let mut sim = Simulation::new(seed, Arc::clone(&content));
        let player = sim.add_player(name);
        let mut observer = Observer::new(player);
        let genre = sim.content().genre();
        observer.log.push(genre.intro.clone(), Tone::Normal, 0);
        let dungeon = genre.dungeon.clone();
        observer.log.push(
            format!("Welcome to {dungeon}, {name}! Find the stairs down (>) and beware."),
            Tone::Important,
            0,
        );
        observer.log.push(
            "Press Q for this level's quests, ? for help.".to_owned(),
            Tone::Normal,
            0,
        );
        tracing::info!(seed, ?pace, "new game");
        let mut app = Self {
            sim,
            player,
            observer,
            screens: vec![Box::new(Play)],
            content,
            name: name.to_owned(),
            pace,
            queue: VecDeque::with_capacity(TYPE_AHEAD_TURNS),
            pilot: Pilot::default(),
            learning: None,
            trading: None,
            hud: Hud::default(),
            quit: false,
            ended: false,
            past: Vec::new(),
            offer_classes: false,
            recorder: None,
            saves: None,
            run: RunInfo::default(),
            permadeath: false,
            run_slots: BTreeSet::new(),
            last_depth: 1,
            data: None,
            data_changed: false,
        };
        app.hud = app.frame(1, 1).hud;
        app
    }

    /// Begins an interactive session as `start` says: the class menu of a
    /// new run, under the offer to continue a saved run, or the saved run
    /// itself (when it cannot be loaded, the log says why and the new run
    /// stays).
    pub fn begin(&mut self, start: &Start) {
        self.offer_class_choice();
        match start {
            Start::Offer => {
                self.offer_continue();
            }
            Start::New => {}
            Start::Continue(name) => self.load_slot(name),
        }
    }

    /// Opens the class menu over the first frame, now and for every new run
    /// (interactive play; tests and bots start without it).
    pub fn offer_class_choice(&mut self) {
        self.offer_classes = true;
        if !self.hud.classes.is_empty() {
            self.screens.push(Box::new(ClassSelect));
        }
    }

    pub fn sim(&self) -> &Simulation {
        &self.sim
    }

    pub fn player(&self) -> PlayerId {
        self.player
    }

    pub fn pace(&self) -> Pace {
        self.pace
    }

    /// The side panel of the last frame built: the state of the run as the
    /// player saw it, for a farewell summary.
    pub fn hud(&self) -> &Hud {
        &self.hud
    }

    /// The final panel of every run this session, the current one last: a
    /// farewell can then name every world played.
    pub fn runs(&self) -> Vec<Hud> {
        let mut all = self.past.clone();
        all.push(self.hud.clone());
        all
    }

    /// True while running or exploring on autopilot.
    pub fn travelling(&self) -> bool {
        self.pilot.active()
    }

    /// True once the player chose to leave.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// True while a menu or dialog holds the game still.
    pub fn paused(&self) -> bool {
        self.screens.last().is_some_and(|s| s.pauses())
    }

    /// True when nothing will happen until the player acts: turn-based play
    /// with the hero ready and nothing asked of it.
    pub fn waiting_for_player(&self) -> bool {
        self.pace == Pace::TurnBased
            && self.queue.is_empty()
            && !self.pilot.active()
            && self
                .sim
                .hero(self.player)
                .is_some_and(|h| h.ready && h.pending.is_none() && !h.dead)
    }

    /// Passes a key to the top screen and carries out its answer. A key
    /// pressed while travelling on autopilot stops the trip and does
    /// nothing else, unless it opens a screen (the pack, the map...), which
    /// it then opens too: only keys that would act are swallowed.
    pub fn handle(&mut self, key: Key) {
        match key {
            Key::F(5) => return self.save_to(slot::QUICK),
            Key::F(9) => return self.load_slot(slot::QUICK),
            Key::F(6) => return self.reload_data(true),
            _ => {}
        }
        if self.pilot.active() {
            self.pilot.stop();
            if !command(key).is_some_and(Command::opens_screen) {
                return;
            }
        }
        let Some(top) = self.screens.last_mut() else {
            return;
        };
        let outcome = top.handle(key, &self.hud);
        if let Some(action) = outcome.action {
            self.enqueue(action);
        }
        if let Some((text, tone)) = outcome.note {
            self.observer.log.push(text, tone, self.sim.tick());
        }
        match outcome.control {
            Control::Stay => {}
            Control::Push(s) => self.screens.push(s),
            Control::Pop => {
                if self.screens.len() > 1 {
                    self.screens.pop();
                }
            }
            Control::Quit => self.quit = true,
            Control::NewGame(seed) => {
                let seed = seed.unwrap_or_else(|| {
                    crate::procgen::seed::mix64(self.sim.seed() ^ self.sim.tick())
                });
                let name = self.name.clone();
                let mut past = std::mem::take(&mut self.past);
                past.push(self.hud.clone());
                let offer = self.offer_classes;
                let note = self.stop_recording_for_new_game();
                let (saves, permadeath) = (self.saves.take(), self.permadeath);
                let data = self.data.take();
                *self = App::new(seed, Arc::clone(&self.content), &name, self.pace);
                self.past = past;
                self.saves = saves;
                self.data = data;
                self.set_permadeath(permadeath);
                if let Some(text) = note {
                    self.observer.log.push(text, Tone::Important, 0);
                }
                if offer {
                    self.offer_class_choice();
                }
            }
            Control::Autopilot(mode) => {
                let hp = self.sim.hero(self.player).map_or(0, |h| h.hp);
                self.pilot.start(mode, hp);
            }
            Control::TogglePace => {
                self.pace = match self.pace {
                    Pace::RealTime => Pace::TurnBased,
                    Pace::TurnBased => Pace::RealTime,
                };
                let text = match self.pace {
                    Pace::TurnBased => "Turn-based: the world now waits for your every move.",
                    Pace::RealTime => "Real time: the world no longer waits for you.",
                };
                self.observer
                    .log
                    .push(text.into(), Tone::Important, self.sim.tick());
            }
            Control::OpenSaves => {
                self.open_saves(SavesMode::InGame, 0);
            }
            Control::Load(name) => self.load_slot(&name),
            Control::Save(name) => {
                self.screens.pop();
                self.save_to(&name);
            }
            Control::Delete(name, cursor, mode) => {
                self.screens.pop();
                self.delete_slot(&name);
                self.open_saves(mode, cursor);
            }
            Control::DeleteRun => {
                self.screens.pop();
                self.delete_run_saves();
            }
        }
    }

    /// Saves and loads in `dir` from now on (F5, F9, autosaves, on exit).
    pub fn use_saves(&mut self, dir: SaveDir) {
        self.saves = Some(dir);
    }

    /// Watches the data files for hot reload: [`App::poll_data`] and F6.
    pub fn watch_data(&mut self, sources: crate::schema::reload::DataSources) {
        self.data = Some(super::hot_reload::DataWatch::new(sources));
    }

    /// Reloads the game data if a watched file changed; front ends call it
    /// about once a second.
    pub fn poll_data(&mut self) {
        if self.data.as_mut().is_some_and(|d| d.changed()) {
            self.reload_data(false);
        }
    }

    /// Loads the game data again (F6 forces it): see `modes::hot_reload`.
    pub fn reload_data(&mut self, forced: bool) {
        let tick = self.sim.tick();
        let Some(data) = &mut self.data else {
            let text = "Hot reload is off in this game.".to_owned();
            return self.observer.log.push(text, Tone::Normal, tick);
        };
        let outcome = data.reload(&self.content, &mut self.sim, forced);
        if let Some(fresh) = outcome.fresh {
            self.content = fresh;
        }
        for (text, tone) in outcome.notes {
            self.observer.log.push(text, tone, tick);
        }
        if outcome.world_changed {
            self.data_changed = true;
            if self.recorder.is_some() {
                let text = match self.stop_recording() {
                    Ok(()) => "The recording ends here: a replay cannot cross a change of data.",
                    Err(_) => "The recording could not be finished.",
                };
                self.observer
                    .log
                    .push(text.to_owned(), Tone::Important, tick);
            }
            if self.saves.is_some() {
                let text = "Saving is off for this world, made with the data before the reload.";
                self.observer
                    .log
                    .push(text.to_owned(), Tone::Important, tick);
            }
        }
    }

    /// Plays new runs of this session (and the fresh one in hand) with
    /// permadeath: a dead hero's saves are deleted without asking.
    pub fn set_permadeath(&mut self, on: bool) {
        self.permadeath = on;
        if self.run_slots.is_empty() && self.sim.tick() == 0 {
            self.run.permadeath = on;
        }
    }

    /// Says something the interface itself knows in the log.
    fn say(&mut self, text: String, tone: Tone) {
        self.observer.log.push(text, tone, self.sim.tick());
    }

    /// Writes the run to a slot and says so in the log.
    pub fn save_to(&mut self, name: &str) {
        let Some(dir) = &self.saves else {
            return;
        };
        if self.sim.hero(self.player).is_some_and(|h| h.dead) {
            return self.say("The dead cannot save.".into(), Tone::Normal);
        }
        if self.data_changed {
            // Said once at the reload; said again only when asked.
            if name != slot::AUTO {
                let text =
                    "Cannot save: this world's data changed in play. A new world saves again.";
                self.say(text.into(), Tone::Important);
            }
            return;
        }
        let save = crate::save::SaveFile::capture_run(&self.sim, self.run);
        let result = dir
            .slot(name)
            .and_then(|path| crate::save::write_save(&path, &save).map(|_| path));
        let (text, tone) = match result {
            Ok(path) => {
                self.run_slots.insert(name.to_owned());
                (format!("Saved to {}.", path.display()), Tone::Normal)
            }
            Err(e) => (format!("Could not save: {e}"), Tone::Important),
        };
        tracing::info!(%text, "save");
        self.say(text, tone);
    }

    /// Replaces the run in progress with the one saved in slot `name` (or
    /// its backup, saying why), closing every menu.
    pub fn load_slot(&mut self, name: &str) {
        let Some(dir) = &self.saves else {
            return;
        };
        if self.recorder.is_some() {
            let text = "Loading is off while recording: a replay cannot jump.";
            return self.say(text.into(), Tone::Important);
        }
        let loaded = dir
            .slot(name)
            .and_then(|path| crate::save::load_or_backup(&path, &self.content));
        match loaded {
            Ok(loaded) => {
                self.sim = loaded.sim;
                self.run = loaded.run;
                self.run_slots = BTreeSet::from([name.to_owned()]);
                // It loaded with the data in use, so it can be saved again.
                self.data_changed = false;
                self.queue.clear();
                self.pilot.stop();
                self.screens.truncate(1);
                self.ended = false;
                self.last_depth = self.sim.hero(self.player).map_or(1, |h| h.depth);
                // What the old view remembered (items seen, the camera, the
                // messages) belongs to another moment: start it afresh.
                self.observer = Observer::new(self.player);
                if let Some(e) = loaded.damage {
                    self.say(e.to_string(), Tone::Important);
                }
                let text = format!("Loaded {}.", loaded.from.display());
                self.say(text, Tone::Important);
                if let Some(hero) = self.sim.hero(self.player) {
                    let dungeon = &self.sim.content().genre().dungeon;
                    let text = format!(
                        "Welcome back to {dungeon}, {}: depth {}.",
                        hero.name, hero.depth
                    );
                    self.say(text, Tone::Normal);
                }
                self.hud = self.frame(1, 1).hud;
            }
            Err(e) => self.say(format!("Could not load: {e}"), Tone::Important),
        }
    }

    /// Opens the saves menu on `cursor`; returns whether it opened (saves
    /// are on). At the start of a session it opens only over saves.
    fn open_saves(&mut self, mode: SavesMode, cursor: usize) -> bool {
        let Some(dir) = &self.saves else {
            self.say("Saves are off in this game.".into(), Tone::Normal);
            return false;
        };
        let mut slots = dir.list();
        for run in slots.iter_mut().filter_map(|s| s.summary.as_mut().ok()) {
            run.name_genre(&self.content);
        }
        if mode == SavesMode::Start && slots.is_empty() {
            return false;
        }
        self.screens.push(Box::new(Saves::new(mode, slots, cursor)));
        true
    }

    /// At the start of a session, offers to continue one of the saved runs
    /// (the menu lists them); returns whether there were any.
    pub fn offer_continue(&mut self) -> bool {
        self.open_saves(SavesMode::Start, 0)
    }

    /// Deletes a slot and its backup.
    fn delete_slot(&mut self, name: &str) {
        let Some(path) = self.saves.as_ref().and_then(|d| d.slot(name).ok()) else {
            return;
        };
        let result = std::fs::remove_file(&path);
        let _ = std::fs::remove_file(crate::save::backup_path(&path));
        self.run_slots.remove(name);
        match result {
            Ok(()) => self.say(format!("Deleted the save `{name}`."), Tone::Normal),
            Err(e) => self.say(
                format!("Could not delete {}: {e}", path.display()),
                Tone::Important,
            ),
        }
    }

    /// The run's saves still on disk.
    fn run_saves_on_disk(&self) -> Vec<String> {
        let Some(dir) = &self.saves else {
            return Vec::new();
        };
        self.run_slots
            .iter()
            .filter(|s| dir.slot(s).is_ok_and(|p| p.exists()))
            .cloned()
            .collect()
    }

    /// Deletes every save this run wrote or came from.
    fn delete_run_saves(&mut self) {
        for name in self.run_saves_on_disk() {
            self.delete_slot(&name);
        }
    }

    /// On the hero's death: a permadeath run's saves go at once; otherwise
    /// the player is asked.
    fn on_death(&mut self) {
        let slots = self.run_saves_on_disk();
        if slots.is_empty() {
            return;
        }
        if self.run.permadeath {
            self.delete_run_saves();
            self.say(
                "Permadeath: this run's saves are gone.".into(),
                Tone::Important,
            );
        } else {
            self.screens.push(Box::new(ConfirmDeleteRun { slots }));
        }
    }

    /// Autosaves when the hero changed level and every few minutes of play.
    fn autosave(&mut self) {
        if self.saves.is_none() {
            return;
        }
        let Some(hero) = self.sim.hero(self.player) else {
            return;
        };
        if hero.dead {
            return;
        }
        let moved = hero.depth != self.last_depth;
        self.last_depth = hero.depth;
        if moved || self.sim.tick().is_multiple_of(AUTOSAVE_TICKS) {
            self.save_to(slot::AUTO);
        }
    }

    /// Saves on the way out (quit, a closed window), unless the hero died.
    pub fn save_on_exit(&mut self) {
        if self.sim.hero(self.player).is_some_and(|h| !h.dead) {
            self.save_to(slot::AUTO);
        }
    }

    /// Advances the game one tick, unless a screen pauses it or, in
    /// turn-based play, the world is waiting for the player.
    pub fn tick(&mut self) {
        if self.paused() {
            return;
        }
        self.steer();
        if self.waiting_for_player() {
            return;
        }
        // The next typed-ahead action goes in once the hero can take it, so
        // actions wait their turn instead of overwriting each other; choices
        // about the hero (class, skills) take no turn and go in at once.
        let instant = self.queue.front().is_some_and(|a| a.is_instant());
        let free = instant
            || self
                .sim
                .hero(self.player)
                .is_some_and(|h| h.ready && h.pending.is_none());
        let inputs: Vec<PlayerInput> = free
            .then(|| self.queue.pop_front())
            .flatten()
            .map(|action| PlayerInput {
                player: self.player,
                action,
            })
            .into_iter()
            .collect();
        if let Some(r) = &mut self.recorder {
            r.before(self.sim.tick() + 1, &inputs);
        }
        self.sim.step(&inputs);
        if let Some(r) = &mut self.recorder {
            let _ = r.after(&self.sim);
        }
        self.observer.observe(&self.sim);
        self.autosave();
        self.open_shop_after_trade();
        self.open_crafting_after_craft();
        self.open_sheet_after_learning();
        self.leave_dropped_items_alone();
        if !self.ended
            && let Some(hero) = self.sim.hero(self.player)
            && (hero.dead || hero.won)
        {
            self.ended = true;
            self.screens.push(Box::new(GameOver));
            if hero.dead {
                self.on_death();
            }
        }
    }

    /// Records this run from now on: every tick's inputs exactly as the
    /// simulation gets them, whatever the pace, so a replay matches.
    pub fn record(&mut self, mut recorder: Recorder) {
        recorder.begin(&self.sim);
        self.recorder = Some(recorder);
    }

    /// Ends the recording (its last line holds the final hash) and reports
    /// any write error met along the way.
    pub fn stop_recording(&mut self) -> std::io::Result<()> {
        let Some(mut r) = self.recorder.take() else {
            return Ok(());
        };
        r.end(&self.sim);
        r.close().map(drop)
    }

    /// A recording follows one world: a new game ends it, and the new
    /// game's log says so.
    fn stop_recording_for_new_game(&mut self) -> Option<String> {
        self.recorder.as_ref()?;
        let text = match self.stop_recording() {
            Ok(()) => {
                "The recording of the last world is saved; this one is not recorded.".to_owned()
            }
            Err(e) => format!("The recording could not be saved: {e}."),
        };
        tracing::info!(%text, "recording stopped for a new game");
        Some(text)
    }

    /// Walking into a merchant opens the shop; after a trade, or a refused
    /// one ("You cannot afford that."), it opens again on the same side with
    /// the new stock, so trading is one key a ware.
    fn open_shop_after_trade(&mut self) {
        let me = self.player;
        let trading = self.trading;
        let reopen = self.sim.last_events().iter().find_map(|e| match e.kind {
            EventKind::ShopOpened { player, .. } if player == me => Some(false),
            EventKind::Traded { player, bought, .. } if player == me => Some(!bought),
            EventKind::Refused { player, why } if player == me && why.is_trade() => trading,
            _ => None,
        });
        if reopen.is_some() {
            self.trading = None;
        }
        if let Some(selling) = reopen
            && self.screens.len() == 1
        {
            self.screens.push(Box::new(Shop::new(selling)));
        }
    }

    /// After learning a skill (or being refused one) the character sheet
    /// opens again on the same row, so spending several points is a key
    /// each.
    fn open_sheet_after_learning(&mut self) {
        let me = self.player;
        let node = self.sim.last_events().iter().find_map(|e| match e.kind {
            EventKind::SkillLearned { player, node } if player == me => Some(Some(node)),
            EventKind::Refused { player, why } if player == me && why.is_skill() => Some(None),
            _ => None,
        });
        let Some(node) = node else {
            return;
        };
        if self.screens.len() == 1 {
            let node = node.or(self.learning).unwrap_or(0);
            self.screens.push(Box::new(Character::at(node)));
        }
    }

    /// What the player drops stays dropped: exploring will not pick it up.
    fn leave_dropped_items_alone(&mut self) {
        let me = self.player;
        let dropped = self
            .sim
            .last_events()
            .iter()
            .any(|e| matches!(e.kind, EventKind::Dropped { player, .. } if player == me));
        let Some(hero) = self.sim.hero(self.player).filter(|_| dropped) else {
            return;
        };
        let mut items = Vec::new();
        self.sim.items_on(hero.depth, &mut items);
        for i in items.iter().filter(|i| i.at == hero.at) {
            self.pilot.leave_alone(i.id);
        }
    }

    /// After a craft (or a refused one) the crafting screen opens again, so
    /// making several is one key each.
    fn open_crafting_after_craft(&mut self) {
        let me = self.player;
        let crafted = self.sim.last_events().iter().any(|e| match e.kind {
            EventKind::Craft(c) => c.player() == me && !matches!(c, CraftEvent::Learned { .. }),
            EventKind::Refused { player, why } => player == me && why.is_crafting(),
            _ => false,
        });
        if crafted && self.screens.len() == 1 {
            self.screens.push(Box::new(Crafting));
        }
    }

    /// Keeps an action for the hero to carry out in turn. In real time a
    /// held key repeats far faster than the hero walks, so only the latest
    /// waiting move is kept (no running on after the key is let go); other
    /// actions, and every key in turn-based play, wait in order.
    fn enqueue(&mut self, action: Action) {
        match action {
            Action::Learn(node) => self.learning = Some(node),
            Action::Buy(_) => self.trading = Some(false),
            Action::Sell(_) => self.trading = Some(true),
            _ => {}
        }
        let cap = match self.pace {
            Pace::RealTime => TYPE_AHEAD_REAL_TIME,
            Pace::TurnBased => TYPE_AHEAD_TURNS,
        };
        if self.pace == Pace::RealTime
            && matches!(action, Action::Move(_))
            && let Some(last @ Action::Move(_)) = self.queue.back_mut()
        {
            *last = action;
            return;
        }
        if self.queue.len() < cap {
            self.queue.push_back(action);
        }
    }

    /// On autopilot, queues the next step when the hero can act, or ends the
    /// trip with the reason in the log.
    fn steer(&mut self) {
        if !self.pilot.active() || !self.queue.is_empty() {
            return;
        }
        let Some(hero) = self.sim.hero(self.player) else {
            return;
        };
        if !hero.ready || hero.pending.is_some() {
            return;
        }
        match self.pilot.next(&self.sim, self.player, &hero) {
            Ok(action) => self.queue.push_back(action),
            Err(reason) => {
                self.pilot.stop();
                if let Some(text) = reason {
                    self.observer
                        .log
                        .push(text.into(), Tone::Normal, self.sim.tick());
                }
            }
        }
    }

    /// The frame to draw, for a map viewport of the given size.
    pub fn frame(&mut self, map_width: i32, map_height: i32) -> Frame {
        let mut frame = view::build(&self.sim, &mut self.observer, map_width, map_height);
        frame.hud.turn_based = self.pace == Pace::TurnBased;
        frame.hud.saving = self.saves.is_some();
        self.hud = frame.hud.clone();
        frame.overlay = self.screens.last().and_then(|s| s.overlay(&frame));
        frame
    }
}

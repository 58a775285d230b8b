//! The `venture` binary: parses the command line, picks a mode, and reports
//! any error in one paragraph with a non-zero exit. Everything else lives in
//! the library.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};

use venture::bench::BenchConfig;
use venture::bench::alloc::CountingAlloc;
use venture::bot::BotKind;
use venture::modes::app::{Pace, Start};
use venture::modes::catalog;
use venture::modes::headless::{self, HeadlessConfig};
use venture::modes::screens::summary;
use venture::modes::terminal::{self, TerminalConfig};
use venture::replay::Header;
use venture::schema::Content;

// --- bench: allocation counting -------------------------------------------
/// Counts heap allocations so `venture bench` can report allocations per
/// tick and peak heap. It only adds relaxed atomic counters to each
/// allocation: `venture headless --seed 7 --ticks 20000`, whose bot
/// allocates every tick, took the same CPU time with it as without (median
/// ratio 1.00 over 15 alternating runs on a 2-core machine).
#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;
// --- end bench ---------------------------------------------------------------

/// A procedural action roguelike. Every map, monster and item comes from a
/// seed. Run with no arguments to play in this terminal.
#[derive(Debug, Parser)]
#[command(name = "venture", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    play: PlayArgs,
    #[command(flatten)]
    record: RecordArgs,
    #[command(flatten)]
    saves: SaveArgs,
    #[command(flatten)]
    data: DataArgs,
}

/// Where the game data comes from: mods over the built-in schemas.
#[derive(Debug, Args)]
struct DataArgs {
    /// Lay the mods in these folders over the game data: a folder with a
    /// mod.ron, or a folder of such folders. Mods in `mods/` are loaded too.
    #[arg(long, global = true, value_name = "DIR", num_args = 1.., action = clap::ArgAction::Append)]
    mods: Vec<std::path::PathBuf>,
    /// Leave out the mods in the `mods/` folder.
    #[arg(long, global = true)]
    no_mods: bool,
    /// Read the schema files from DIR instead of the built-in ones (any
    /// file it lacks stays built in); edits to them reload while playing.
    #[arg(long, global = true, value_name = "DIR")]
    schemas: Option<std::path::PathBuf>,
}

impl DataArgs {
    fn sources(&self) -> venture::schema::reload::DataSources {
        venture::schema::reload::DataSources {
            schema_dir: self.schemas.clone(),
            default_mods: venture::schema::reload::default_mods_dir(!self.no_mods),
            mod_dirs: self.mods.clone(),
        }
    }
}

/// Where interactive play keeps its saves, and which run it starts with.
#[derive(Debug, Args)]
struct SaveArgs {
    /// The save folder (default `saves/`, or the VENTURE_SAVE_DIR variable).
    #[arg(long, global = true, value_name = "DIR")]
    save_dir: Option<std::path::PathBuf>,
    /// Continue the run saved in SLOT (the most recent save when left
    /// out) instead of starting a new one.
    #[arg(long = "continue", value_name = "SLOT", num_args = 0..=1, default_missing_value = "")]
    continue_slot: Option<String>,
    /// Play new runs with permadeath: a dead hero's saves are deleted
    /// without asking (the default asks). Also a setting: `play:
    /// (permadeath: true)` in settings.ron.
    #[arg(long)]
    permadeath: bool,
}

impl SaveArgs {
    /// The save folder.
    fn dir(&self) -> venture::save::SaveDir {
        venture::save::SaveDir::resolve(
            self.save_dir.as_deref(),
            std::env::var_os(venture::save::slot::DIR_VAR),
        )
    }

    /// How interactive play starts: `--continue` picks a saved run (the
    /// newest when no slot is named), `--seed` a new one, and otherwise the
    /// player is offered their saves first.
    fn start(&self, seed_given: bool) -> anyhow::Result<Start> {
        match self.continue_slot.as_deref() {
            Some("") => {
                let dir = self.dir();
                let newest = dir.list().into_iter().find(|s| s.summary.is_ok());
                match newest {
                    Some(slot) => Ok(Start::Continue(slot.name)),
                    None => anyhow::bail!(
                        "--continue found no save to continue in {}",
                        dir.0.display()
                    ),
                }
            }
            Some(name) => {
                let path = self.dir().slot(name)?;
                if !path.exists() {
                    anyhow::bail!("--continue {name}: there is no save {}", path.display());
                }
                Ok(Start::Continue(name.to_owned()))
            }
            None if seed_given => Ok(Start::New),
            None => Ok(Start::Offer),
        }
    }
}

/// Recording a run to a replay file (any mode that plays).
#[derive(Debug, Args)]
struct RecordArgs {
    /// Record the run to FILE: the world, every tick's inputs and state
    /// hashes, for `venture replay FILE`.
    #[arg(long, global = true, value_name = "FILE")]
    record: Option<std::path::PathBuf>,
    /// Ticks between the state hashes a recording keeps.
    #[arg(long, global = true, value_name = "N", default_value_t = venture::replay::DEFAULT_HASH_EVERY,
          value_parser = clap::value_parser!(u64).range(1..))]
    hash_every: u64,
}

impl RecordArgs {
    fn to(&self) -> Option<venture::replay::RecordTo> {
        self.record.as_ref().map(|path| venture::replay::RecordTo {
            path: path.clone(),
            hash_every: self.hash_every,
        })
    }
}

#[derive(Debug, Args)]
struct PlayArgs {
    /// World seed (any number from 0 to 18446744073709551615, or 0x-prefixed
    /// hex). A random one is chosen and shown when left out.
    #[arg(long, value_parser = parse_seed, global = true, allow_negative_numbers = true)]
    seed: Option<u64>,
    /// The world's genre (fantasy, scifi, horror, cyberpunk, postapoc...).
    /// Each seed has one of its own when left out.
    #[arg(long, global = true, value_name = "GENRE")]
    genre: Option<String>,
    /// Blend a second genre into the world by a share: `scifi:0.4` (or
    /// `scifi:40%`) makes 40% of monsters, items and levels Sci-fi.
    #[arg(long, global = true, value_name = "GENRE:SHARE")]
    blend: Option<String>,
    /// The hero's name.
    #[arg(long, default_value = "Adventurer")]
    name: String,
    /// Turn-based play: the world waits for each of your moves (toggle in
    /// game with T).
    #[arg(long)]
    turn_based: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Play in this terminal (the default).
    Play,
    /// Run the game with a bot and no screen, then print a report.
    Headless(HeadlessArgs),
    /// List what the levels of a run of seeds hold (terrain, rooms,
    /// monsters, items), without playing them.
    Seeds(SeedsArgs),
    /// Play a recording back and check it hash for hash.
    Replay(ReplayArgs),
    /// Run many seeds with a bot in parallel, optionally checking the
    /// world's invariants every tick; failed seeds leave replay files.
    Sweep(SweepArgs),
    // --- bench ---
    /// Measure the simulation: ticks per second, tick-time percentiles,
    /// allocations per tick, peak memory and world-generation time.
    Bench(BenchArgs),
    // --- end bench ---
    /// Check mods and schema files without playing.
    #[command(subcommand)]
    Mods(ModsCommand),
    /// Saves a bot run into DIR over and over, for the crash test that
    /// kills it at random moments (tests/save_crash.rs).
    #[command(hide = true)]
    SaveTorture { dir: std::path::PathBuf },
}

#[derive(Debug, Subcommand)]
enum ModsCommand {
    /// Load the game data with the mods in DIR... (or, with none given,
    /// those in `mods/` and --mods), report every mistake with its file,
    /// line and column, and say what each mod changes. Exits non-zero on
    /// any error.
    Check {
        /// Mod folders, or folders of mods.
        dirs: Vec<std::path::PathBuf>,
    },
}

#[derive(Debug, Args)]
struct ReplayArgs {
    /// The replay file (from `--record` or a failed sweep).
    file: std::path::PathBuf,
    /// Check it without showing it (the default when there is no terminal).
    #[arg(long)]
    headless: bool,
}

#[derive(Debug, Args)]
struct SweepArgs {
    /// The seeds: `0..1000` (end left out), `0..=999`, or one seed.
    #[arg(long, default_value = "0..100")]
    seeds: venture::modes::sweep::SeedRange,
    /// Ticks per seed.
    #[arg(long, default_value_t = 2000)]
    ticks: u64,
    /// Worker threads (default: one per core).
    #[arg(long, value_parser = clap::value_parser!(u64).range(1..=1024))]
    jobs: Option<u64>,
    /// Check the world's invariants after every tick.
    #[arg(long)]
    check: bool,
    /// Which bot plays.
    #[arg(long, value_enum, default_value_t = BotKind::Explore)]
    bot: BotKind,
    /// Where failed seeds' replays go.
    #[arg(long, default_value = "sweep-failures")]
    out: std::path::PathBuf,
}

#[derive(Debug, Args)]
struct SeedsArgs {
    /// The first seed listed.
    #[arg(long, value_parser = parse_seed, default_value = "0")]
    from: u64,
    /// How many seeds.
    #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u64).range(1..=100_000))]
    count: u64,
    /// List the levels from 1 down to this depth.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(i32).range(1..=1000))]
    depth: i32,
    /// Print CSV (with a header row).
    #[arg(long, conflicts_with = "json")]
    csv: bool,
    /// Print JSON (an array of levels).
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
struct HeadlessArgs {
    /// Ticks to run (20 per second of game time).
    #[arg(long, default_value_t = 2000)]
    ticks: u64,
    /// Which bot plays.
    #[arg(long, value_enum, default_value_t = BotKind::Explore)]
    bot: BotKind,
    /// Stop as soon as the hero reaches this depth.
    #[arg(long)]
    until_depth: Option<i32>,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
    /// Write a save of the run to FILE when it ends.
    #[arg(long, value_name = "FILE")]
    save: Option<std::path::PathBuf>,
    /// Continue the run saved in FILE (its seed and world) for --ticks
    /// more ticks, instead of starting a new one.
    #[arg(long, value_name = "FILE")]
    load: Option<std::path::PathBuf>,
}

// --- bench ---
#[derive(Debug, Args)]
struct BenchArgs {
    /// Monsters on the stress level.
    #[arg(long, default_value_t = 2000, value_parser = clap::value_parser!(i32).range(0..=20_000))]
    entities: i32,
    /// Ticks measured (after the warm-up).
    #[arg(long, default_value_t = 2000, value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
    ticks: u64,
    /// Ticks run before measuring, so buffers and pools reach their
    /// working size.
    #[arg(long, default_value_t = 600)]
    warmup: u64,
    /// Seeds timed for each terrain generator and level size (0 skips
    /// world generation).
    #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u32).range(0..=1000))]
    worldgen_samples: u32,
    /// Who plays the stress world's hero (its decisions are not timed).
    #[arg(long, value_enum, default_value_t = BotKind::Explore)]
    bot: BotKind,
    /// Print the figures as JSON.
    #[arg(long)]
    json: bool,
}

/// `venture bench`: the stress world with the seed asked for (7 unless
/// told: figures compare run to run only on the same world).
fn run_bench(args: &BenchArgs, seed: Option<u64>, content: &Arc<Content>) -> anyhow::Result<()> {
    let config = BenchConfig {
        seed: seed.unwrap_or(BenchConfig::default().seed),
        entities: args.entities,
        warmup: args.warmup,
        ticks: args.ticks,
        worldgen_samples: args.worldgen_samples,
        bot: args.bot,
    };
    let report = venture::bench::run(&config, content);
    let text = if args.json {
        serde_json::to_string_pretty(&report).context("encoding the figures")?
    } else {
        report.to_string()
    };
    let mut out = std::io::stdout().lock();
    write!(out, "{}", text.trim_end())
        .and_then(|()| writeln!(out))
        .context("writing the figures")
}
// --- end bench ---

/// Accepts a decimal or 0x-prefixed hexadecimal u64.
fn parse_seed(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let parsed = match t.strip_prefix("0x").or_else(|| t.strip_prefix("0X")) {
        Some(hex) => u64::from_str_radix(hex, 16),
        None => t.parse::<u64>(),
    };
    parsed.map_err(|_| {
        format!(
            "`{s}` is not a seed: use a whole number from 0 to {} (or 0x followed by hex digits)",
            u64::MAX
        )
    })
}

/// The hero's name as given, without control characters, cut to 24
/// characters; "Adventurer" when nothing is left.
fn hero_name(raw: &str) -> String {
    let clean: String = raw.chars().filter(|c| !c.is_control()).collect();
    let clean: String = clean.trim().chars().take(24).collect();
    if clean.is_empty() {
        "Adventurer".to_owned()
    } else {
        clean
    }
}

/// A seed for a new game when none was given: not reproducible on purpose,
/// and shown to the player so the game can be replayed.
fn fresh_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    venture::procgen::seed::derive(nanos, u64::from(std::process::id()), &[])
}

/// The game data, set to make worlds in the genre asked for.
fn load_content(
    play: &PlayArgs,
    data: &venture::schema::reload::DataSources,
) -> anyhow::Result<Arc<Content>> {
    let content = match data.load(None) {
        Ok((c, _)) => c,
        Err(errors) => {
            let report = miette::Report::new(errors);
            anyhow::bail!(
                "the game data could not be loaded (`venture mods check` lists the same):\n{report:?}"
            )
        }
    };
    let choice = content
        .parse_choice(play.genre.as_deref(), play.blend.as_deref())
        .map_err(anyhow::Error::msg)?;
    Ok(Arc::new(content.with_choice(choice)))
}

/// Sends log lines to a file while the game owns the terminal: anything
/// printed to the screen would tear the picture. `VENTURE_LOG` names the
/// file; by default it is `saves/venture.log`. Without a writable file the
/// game simply does not log.
fn start_file_log() {
    let path = std::env::var_os("VENTURE_LOG")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| std::path::PathBuf::from("saves/venture.log"));
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        let _ = std::fs::create_dir_all(dir);
    }
    let Ok(file) = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&path)
    else {
        return;
    };
    let _ = tracing_subscriber::fmt()
        .with_writer(std::sync::Mutex::new(file))
        .with_ansi(false)
        .try_init();
}

fn run(cli: Cli) -> anyhow::Result<()> {
    if cli.record.record.is_some()
        && matches!(
            cli.command,
            Some(Command::Seeds(_) | Command::Replay(_) | Command::Sweep(_))
        )
    {
        anyhow::bail!(
            "--record records a run: use it to play (`venture --record FILE`) or with `venture headless`"
        );
    }
    let data = cli.data.sources();
    if let Some(Command::Mods(ModsCommand::Check { dirs })) = &cli.command {
        return mods_check(&cli.data, dirs);
    }
    let content = load_content(&cli.play, &data)?;
    let seed = cli.play.seed.unwrap_or_else(fresh_seed);
    match cli.command {
        Some(Command::Headless(args)) => {
            let config = HeadlessConfig {
                seed,
                ticks: args.ticks,
                bot: args.bot,
                until_depth: args.until_depth,
            };
            let report = if args.save.is_some() || args.load.is_some() {
                saved_headless(&args, cli.play.seed, &cli.record, config, &content)?
            } else {
                match cli.record.to() {
                    Some(to) => recorded_headless(&to, &config, content)?,
                    None => headless::run(&config, content),
                }
            };
            let mut out = std::io::stdout().lock();
            let text = if args.json {
                serde_json::to_string_pretty(&report).context("encoding the report")?
            } else {
                report.to_string()
            };
            writeln!(out, "{text}").context("writing the report")?;
            Ok(())
        }
        Some(Command::Mods(_)) => Ok(()),
        Some(Command::SaveTorture { dir }) => save_torture(&dir, seed, &content),
        Some(Command::Replay(args)) => replay(&args, &content),
        Some(Command::Sweep(args)) => sweep(&args, cli.record.hash_every, content),
        Some(Command::Seeds(args)) => {
            let rows = catalog::catalog(&content, args.from, args.count, args.depth);
            let text = if args.json {
                serde_json::to_string_pretty(&rows).context("encoding the catalog")?
            } else if args.csv {
                catalog::to_csv(&rows)
            } else {
                catalog::to_table(&rows)
            };
            let mut out = std::io::stdout().lock();
            write!(out, "{}", text.trim_end())
                .and_then(|()| writeln!(out))
                .context("writing the catalog")?;
            Ok(())
        }
        Some(Command::Bench(args)) => run_bench(&args, cli.play.seed, &content),
        Some(Command::Play) | None => {
            if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
                anyhow::bail!(
                    "venture plays in a terminal, but standard input or output is not one. \
                     Run it from a terminal, or use `venture headless` for a run without a screen."
                );
            }
            start_file_log();
            let config = TerminalConfig {
                seed,
                name: hero_name(&cli.play.name),
                pace: if cli.play.turn_based {
                    Pace::TurnBased
                } else {
                    Pace::RealTime
                },
                record: cli.record.to(),
                data: Some(data),
                saves: cli.saves.dir(),
                start: cli.saves.start(cli.play.seed.is_some())?,
                permadeath: cli.saves.permadeath
                    || venture::settings::Settings::load_or_default(
                        &venture::settings::Settings::path_in(&cli.saves.dir().0),
                    )
                    .play
                    .permadeath,
            };
            let runs = terminal::run(&config, content).context("the terminal failed")?;
            // The terminal is restored: say how each run went and how to
            // replay its world.
            for run in &runs {
                for line in summary(run).iter().filter(|l| !l.is_empty()) {
                    println!("{line}");
                }
                println!("Play this world again with {}.", run.replay);
            }
            if let Some(to) = cli.record.to() {
                let file = to.path.display();
                println!("The first world was recorded: check it with `venture replay {file}`.");
            }
            println!("Thanks for playing.");
            Ok(())
        }
    }
}

/// `venture mods check [DIR...]`: loads the data with the mods asked for
/// and prints every error (with the line and a caret) or what each mod
/// changes.
fn mods_check(args: &DataArgs, dirs: &[std::path::PathBuf]) -> anyhow::Result<()> {
    let mut sources = args.sources();
    if !dirs.is_empty() {
        sources.default_mods = None;
        sources.mod_dirs = dirs
            .iter()
            .cloned()
            .chain(args.mods.iter().cloned())
            .collect();
    }
    let mut out = std::io::stdout().lock();
    match sources.load(None) {
        Ok((content, applied)) => {
            let text = venture::schema::load::describe_mods(&content, &applied);
            write!(out, "{text}").context("writing the report")?;
            Ok(())
        }
        Err(errors) => {
            let n = errors.errors.len();
            let report = miette::Report::new(errors);
            writeln!(out, "{report:?}").context("writing the report")?;
            anyhow::bail!(
                "{n} error{} in the game data: nothing would load",
                if n == 1 { "" } else { "s" }
            )
        }
    }
}

/// A headless run recorded to a replay file.
fn recorded_headless(
    to: &venture::replay::RecordTo,
    config: &HeadlessConfig,
    content: Arc<Content>,
) -> anyhow::Result<headless::Report> {
    let source = format!("headless {:?}", config.bot).to_lowercase();
    let header = Header::new(config.seed, &content, &[headless::PLAYER_NAME], &source);
    let mut recorder = to.create(header)?;
    let report = headless::run_watched(config, content, &mut recorder);
    recorder
        .close()
        .with_context(|| format!("writing {}", to.path.display()))?;
    Ok(report)
}

/// A headless run that starts from a save (`--load`), ends in one
/// (`--save`), or both. A loaded run is not recorded: a replay starts from
/// a seed at tick 0, so `--record` with `--load` is refused.
fn saved_headless(
    args: &HeadlessArgs,
    seed: Option<u64>,
    record: &RecordArgs,
    mut config: HeadlessConfig,
    content: &Arc<Content>,
) -> anyhow::Result<headless::Report> {
    let sim = match &args.load {
        Some(path) => {
            if record.record.is_some() {
                anyhow::bail!(
                    "--record cannot record a run loaded with --load: a replay starts from a \
                     new world. Record the run from its start instead."
                );
            }
            let venture::save::Loaded {
                sim, from, damage, ..
            } = venture::save::load_or_backup(path, content)?;
            if let Some(e) = damage {
                eprintln!("venture: {e}; loaded the backup {} instead", from.display());
            }
            if let Some(s) = seed.filter(|&s| s != sim.seed()) {
                anyhow::bail!(
                    "{} is a run of seed {}, not of --seed {s}: leave --seed out with --load",
                    path.display(),
                    sim.seed()
                );
            }
            config.seed = sim.seed();
            config.ticks = sim.tick().saturating_add(config.ticks);
            sim
        }
        None => {
            if record.record.is_some() {
                anyhow::bail!("--record and --save together are not supported yet: pick one");
            }
            let mut sim = venture::sim::Simulation::new(config.seed, Arc::clone(content));
            sim.add_player(headless::PLAYER_NAME);
            sim
        }
    };
    let (report, sim) = headless::run_sim(&config, sim);
    if let Some(path) = &args.save {
        venture::save::write_save(path, &venture::save::SaveFile::capture(&sim))?;
    }
    Ok(report)
}

/// `venture save-torture DIR`: continues the run saved in DIR (or starts
/// one), saves, says `ready`, then plays and saves in a loop until killed.
fn save_torture(dir: &std::path::Path, seed: u64, content: &Arc<Content>) -> anyhow::Result<()> {
    use venture::save;
    let path = dir.join("torture.ron");
    let mut sim = match save::load_or_backup(&path, content) {
        Ok(loaded) => loaded.sim,
        Err(_) => {
            let mut sim = venture::sim::Simulation::new(seed, Arc::clone(content));
            sim.add_player(headless::PLAYER_NAME);
            sim
        }
    };
    let player = venture::sim::PlayerId(0);
    let mut bot = BotKind::Explore.build();
    save::write_save(&path, &save::SaveFile::capture(&sim))?;
    println!("ready");
    std::io::stdout().flush()?;
    loop {
        for _ in 0..20 {
            let action = bot.decide(&sim, player);
            let inputs: Vec<_> = action
                .map(|action| venture::sim::PlayerInput { player, action })
                .into_iter()
                .collect();
            sim.step(&inputs);
        }
        save::write_save(&path, &save::SaveFile::capture(&sim))?;
    }
}

/// `venture replay`: shows the replay in the terminal (unless `--headless`
/// or there is no terminal), checks it to the end headless, and fails
/// unless every hash (and any recorded failure) is matched.
fn replay(args: &ReplayArgs, content: &Content) -> anyhow::Result<()> {
    let loaded = venture::modes::replay::Loaded::read(&args.file, content)?;
    let outcome =
        if !args.headless && std::io::stdout().is_terminal() && std::io::stdin().is_terminal() {
            start_file_log();
            let mut playback = loaded.playback();
            let name = args.file.display().to_string();
            terminal::watch_replay(&mut playback, &name).context("the terminal failed")?;
            playback.finish()
        } else {
            loaded.play()
        };
    println!("{}", loaded.describe());
    println!("{outcome}");
    if !outcome.reproduced() {
        anyhow::bail!(
            "{}: the replay does not match its recording",
            args.file.display()
        );
    }
    Ok(())
}

/// `venture sweep`: runs the seeds, prints the summary, and fails when any
/// seed did.
fn sweep(args: &SweepArgs, hash_every: u64, content: Arc<Content>) -> anyhow::Result<()> {
    use venture::modes::sweep::{self, SweepConfig};
    let config = SweepConfig {
        seeds: args.seeds,
        ticks: args.ticks,
        jobs: args.jobs.and_then(|n| usize::try_from(n).ok()),
        check: args.check,
        bot: args.bot,
        out: args.out.clone(),
        hash_every,
        extra: Vec::new(),
        progress: true,
    };
    let summary = sweep::run(&config, content)?;
    println!("{summary}");
    if !summary.failed.is_empty() {
        anyhow::bail!(
            "{} of {} seeds failed (replays in {})",
            summary.failed.len(),
            summary.seeds,
            args.out.display()
        );
    }
    Ok(())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // A closed pipe (`venture headless | head`) is not a failure.
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            eprintln!("venture: {e:#}");
            ExitCode::FAILURE
        }
    }
}

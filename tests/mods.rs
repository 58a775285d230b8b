//! Mods: folders read and ordered by dependency, entries added and
//! replaced by id, conflicts and dependency mistakes reported with file and
//! line, the example mod playing to depth 3, saves and replays naming the
//! mods they need, and hot reload keeping a running world's ids.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use venture::bot::BotKind;
use venture::modes::app::{App, Pace};
use venture::modes::headless::{self, HeadlessConfig};
use venture::replay::Header;
use venture::save::SaveFile;
use venture::schema::load::{default_sources, load_content, load_with_mods};
use venture::schema::mods::find_mods;
use venture::schema::reload::{self, DataSources};
use venture::schema::{Content, SchemaErrorKind, SchemaErrors, load_defaults};
use venture::sim::Simulation;

const EXAMPLE: &str = "examples/mods/clockwork";

/// A fresh, empty folder for one test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("venture-mods-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    dir
}

/// Writes a mod `id` into `root` with these dependencies and files.
fn write_mod(root: &Path, id: &str, deps: &[&str], files: &[(&str, String)]) -> PathBuf {
    let dir = root.join(id);
    std::fs::create_dir_all(&dir).expect("mod folder");
    let deps: Vec<String> = deps.iter().map(|d| format!("\"{d}\"")).collect();
    let manifest = format!(
        "(\n    id: \"{id}\",\n    name: \"Mod {id}\",\n    version: \"1.0\",\n    dependencies: [{}],\n)\n",
        deps.join(", ")
    );
    std::fs::write(dir.join("mod.ron"), manifest).expect("mod.ron");
    for (name, text) in files {
        std::fs::write(dir.join(name), text).expect("schema file");
    }
    dir
}

/// A monsters.ron holding these fantasy monsters (id, hp), five lines each
/// after two of header.
fn monsters(list: &[(&str, i32)]) -> String {
    let mut s = String::from("(\n    monsters: [\n");
    for (id, hp) in list {
        s.push_str(&format!(
            "        (\n            id: \"{id}\", name: \"{id}\", glyph: 'b', color: (1, 2, 3),\n            hp: {hp}, attack: 0, defense: 0, damage: (1, 2), speed: 200,\n            attack_delay: 10, sight: 5, xp: 1, depth: (1, 3), genres: [\"fantasy\"],\n        ),\n"
        ));
    }
    s.push_str("    ],\n)\n");
    s
}

fn monster(id: &str, hp: i32) -> String {
    monsters(&[(id, hp)])
}

fn load(dirs: &[PathBuf]) -> Result<Content, SchemaErrors> {
    let mods = find_mods(dirs)?;
    load_with_mods(&default_sources(), &mods)
}

fn errors_of(r: Result<Content, SchemaErrors>) -> Vec<venture::schema::SchemaError> {
    r.expect_err("the mods must be refused").errors
}

#[test]
fn the_example_mod_adds_a_sixth_genre_that_plays_to_depth_3() {
    let content = load(&[PathBuf::from(EXAMPLE)]).expect("the example mod loads");
    assert_eq!(content.genres.len(), 6);
    let steampunk = content.genre_id("steampunk").expect("the new genre");
    assert_eq!(content.mods().len(), 1);
    assert_eq!(content.mods()[0].id, "clockwork");
    let choice = content
        .parse_choice(Some("steampunk"), None)
        .expect("--genre steampunk");
    let content = Arc::new(content.with_choice(choice));
    let config = HeadlessConfig {
        seed: 1,
        ticks: 20_000,
        bot: BotKind::Explore,
        until_depth: Some(3),
    };
    let report = headless::run(&config, Arc::clone(&content));
    assert_eq!(report.genre, "Steampunk");
    assert_eq!(report.depth, 3, "{report}");
    assert_eq!(
        content.in_genre(steampunk).genre().dungeon,
        "the Clockwork Foundry"
    );
}

#[test]
fn mods_add_entries_replace_them_by_id_and_apply_in_dependency_order() {
    let root = scratch("order");
    // `zeta` comes first by dependency although its id sorts last; `beta`
    // and `alpha` both depend on it and apply by id.
    write_mod(&root, "zeta", &[], &[("monsters.ron", monster("bat", 5))]);
    write_mod(
        &root,
        "beta",
        &["zeta"],
        &[("monsters.ron", monster("bat", 9))],
    );
    write_mod(
        &root,
        "alpha",
        &["zeta"],
        &[("monsters.ron", monster("newt", 4))],
    );
    let mods = find_mods(std::slice::from_ref(&root)).expect("three mods");
    let (content, applied) = load_content(&default_sources(), &mods, None).expect("loads");
    let order: Vec<&str> = applied.iter().map(|m| m.manifest.id.as_str()).collect();
    assert_eq!(order, ["zeta", "alpha", "beta"]);
    let bat = content.monster_id("bat").expect("bat added");
    assert_eq!(content.monster(bat).hp, 9, "beta's bat replaces zeta's");
    assert!(content.monster_id("newt").is_some());
    let base = load_defaults().expect("defaults");
    assert_eq!(content.monsters.len(), base.monsters.len() + 2);
    assert_ne!(content.schema_hash(), base.schema_hash());
    // Replacing a built-in entry keeps its place.
    write_mod(
        &root,
        "zeta",
        &[],
        &[("monsters.ron", monster("goblin", 77))],
    );
    let content = load(std::slice::from_ref(&root)).expect("loads");
    let goblin = content.monster_id("goblin").expect("goblin");
    assert_eq!(goblin, base.monster_id("goblin").expect("goblin"));
    assert_eq!(content.monster(goblin).hp, 77);
}

#[test]
fn the_same_mods_hash_alike_wherever_their_folders_are() {
    let a = scratch("hash-a");
    let b = scratch("hash-b");
    write_mod(&a, "m", &[], &[("monsters.ron", monster("bat", 5))]);
    write_mod(&b, "m", &[], &[("monsters.ron", monster("bat", 5))]);
    let one = load(std::slice::from_ref(&a)).expect("loads");
    let two = load(&[b]).expect("loads");
    assert_eq!(one.schema_hash(), two.schema_hash());
    write_mod(&a, "m", &[], &[("monsters.ron", monster("bat", 6))]);
    assert_ne!(load(&[a]).expect("loads").schema_hash(), one.schema_hash());
}

#[test]
fn two_mods_changing_one_entry_conflict_unless_one_depends_on_the_other() {
    let root = scratch("conflict");
    write_mod(
        &root,
        "one",
        &[],
        &[("monsters.ron", monster("goblin", 10))],
    );
    write_mod(
        &root,
        "two",
        &[],
        &[("monsters.ron", monster("goblin", 20))],
    );
    let errors = errors_of(load(std::slice::from_ref(&root)));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let e = &errors[0];
    assert_eq!(e.kind, SchemaErrorKind::Conflict);
    assert!(e.file.ends_with("two/monsters.ron"), "{e}");
    assert_eq!(e.line, 4, "{e}");
    assert!(
        e.message.contains("`one`") && e.message.contains("`two`"),
        "{e}"
    );
    assert!(
        e.help
            .as_deref()
            .is_some_and(|h| h.contains("dependencies")),
        "{e:?}"
    );
    // Declaring the dependency settles it: `two` wins.
    write_mod(
        &root,
        "two",
        &["one"],
        &[("monsters.ron", monster("goblin", 20))],
    );
    let content = load(std::slice::from_ref(&root)).expect("loads");
    let goblin = content.monster_id("goblin").expect("goblin");
    assert_eq!(content.monster(goblin).hp, 20);
}

#[test]
fn missing_and_circular_dependencies_are_reported_in_mod_ron() {
    let root = scratch("deps");
    write_mod(&root, "lonely", &["ghost"], &[]);
    let errors = errors_of(load(std::slice::from_ref(&root)));
    let e = errors
        .iter()
        .find(|e| e.kind == SchemaErrorKind::Dependency)
        .expect("a dependency error");
    assert!(e.file.ends_with("lonely/mod.ron"), "{e}");
    assert_eq!((e.line, e.col), (5, 20), "{e}");
    assert!(e.message.contains("`ghost`"), "{e}");

    let root = scratch("circle");
    write_mod(&root, "a", &["b"], &[]);
    write_mod(&root, "b", &["c"], &[]);
    write_mod(&root, "c", &["a"], &[]);
    let errors = errors_of(load(std::slice::from_ref(&root)));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].message.contains("a -> b -> c -> a"),
        "{}",
        errors[0]
    );

    let root = scratch("twins");
    let first = write_mod(&root, "one", &[], &[]);
    let other = scratch("twins-2");
    write_mod(&other, "one", &[], &[]);
    let errors = errors_of(load(&[first, other]));
    assert!(
        errors[0].message.contains("two mods have the id `one`"),
        "{}",
        errors[0]
    );
}

#[test]
fn a_misnamed_file_in_a_mod_is_an_error_with_the_right_name() {
    let root = scratch("misnamed");
    write_mod(&root, "typo", &[], &[("monster.ron", monster("bat", 5))]);
    let errors = errors_of(load(std::slice::from_ref(&root)));
    let e = &errors[0];
    assert_eq!(e.kind, SchemaErrorKind::UnknownFile);
    assert_eq!(e.help.as_deref(), Some("did you mean `monsters.ron`?"));
}

#[test]
fn every_mistake_in_a_mod_file_is_reported_not_only_the_first() {
    let root = scratch("many");
    let text = monster("bat", 5)
        .replace("hp: 5", "hp: \"five\"")
        .replace("    ],", "        (id: \"newt\", nmae: \"newt\"),\n    ],");
    write_mod(&root, "many", &[], &[("monsters.ron", text)]);
    let errors = errors_of(load(std::slice::from_ref(&root)));
    let kinds: Vec<SchemaErrorKind> = errors.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [SchemaErrorKind::WrongType, SchemaErrorKind::UnknownField],
        "{errors:#?}"
    );
    assert_eq!((errors[0].line, errors[1].line), (5, 8), "{errors:#?}");
    assert_eq!(errors[1].help.as_deref(), Some("did you mean `name`?"));
}

/// The example mod's data, set to steampunk.
fn with_example() -> Arc<Content> {
    let content = load(&[PathBuf::from(EXAMPLE)]).expect("loads");
    let choice = content
        .parse_choice(Some("steampunk"), None)
        .expect("genre");
    Arc::new(content.with_choice(choice))
}

#[test]
fn a_replay_or_save_made_with_a_mod_names_it_when_it_is_missing() {
    let modded = with_example();
    let base = load_defaults().expect("defaults");
    let header = Header::new(3, &modded, &["Hero"], "test");
    assert_eq!(header.mods.len(), 1);
    let e = header
        .content(&base, Path::new("run.replay"))
        .expect_err("refused without the mod")
        .to_string();
    assert!(
        e.contains("`clockwork` 1.0.0") && e.contains("not loaded"),
        "{e}"
    );
    assert!(header.content(&modded, Path::new("run.replay")).is_ok());

    let mut sim = Simulation::new(3, Arc::clone(&modded));
    sim.add_player("Hero");
    let save = SaveFile::capture(&sim);
    let bytes = save.to_bytes();
    let read = SaveFile::parse(Path::new("s.ron"), &bytes).expect("reads back");
    let e = read
        .restore(Path::new("s.ron"), &base)
        .err()
        .expect("refused without the mod")
        .to_string();
    assert!(e.contains("`clockwork`"), "{e}");
    assert!(read.restore(Path::new("s.ron"), &modded).is_ok());
}

#[test]
fn hot_reload_keeps_a_running_worlds_ids_and_refuses_to_drop_entries() {
    let root = scratch("reload");
    write_mod(&root, "m", &[], &[("monsters.ron", monster("bat", 5))]);
    let sources = DataSources {
        mod_dirs: vec![root.clone()],
        ..DataSources::default()
    };
    let (content, _) = sources.load(None).expect("loads");
    let running = Arc::new(content);
    let mut sim = Simulation::new(9, Arc::clone(&running));
    sim.add_player("Hero");
    let bat = running.monster_id("bat").expect("bat");
    // A new monster written before the bat: a fresh load puts it first, the
    // world's copy keeps the bat where it was.
    let two = monsters(&[("aardvark", 3), ("bat", 6)]);
    write_mod(&root, "m", &[], &[("monsters.ron", two)]);
    let r = reload::reload(&sources, sim.content()).expect("reloads");
    assert_eq!(r.fresh.monster_id("aardvark"), Some(bat), "fresh order");
    let world = r.world.expect("the world can take it");
    assert_eq!(world.monster_id("bat"), Some(bat));
    assert_eq!(world.monster(bat).hp, 6);
    sim.replace_content(Arc::new(world)).expect("taken");
    sim.step(&[]);
    // Dropping the bat cannot apply to this world.
    write_mod(&root, "m", &[], &[("monsters.ron", monster("aardvark", 3))]);
    let r = reload::reload(&sources, sim.content()).expect("reloads");
    let why = r.world.expect_err("the world may hold bats");
    assert!(why.contains("`bat`"), "{why}");
}

#[test]
fn the_app_reloads_on_a_change_and_keeps_its_data_on_errors() {
    let root = scratch("app");
    let dir = write_mod(&root, "m", &[], &[("monsters.ron", monster("bat", 5))]);
    let sources = DataSources {
        mod_dirs: vec![root.clone()],
        ..DataSources::default()
    };
    let (content, _) = sources.load(None).expect("loads");
    let mut app = App::new(4, Arc::new(content), "Hero", Pace::TurnBased);
    app.watch_data(sources);
    let log = |app: &mut App| -> Vec<String> {
        app.frame(40, 20)
            .log
            .iter()
            .map(|l| l.text.clone())
            .collect()
    };
    app.reload_data(true);
    assert!(
        log(&mut app)
            .iter()
            .any(|l| l == "The game data is unchanged.")
    );

    std::fs::write(
        dir.join("monsters.ron"),
        monster("bat", 5).replace("hp: 5", "hpp: 5"),
    )
    .expect("write");
    app.reload_data(true);
    let lines = log(&mut app);
    assert!(lines.iter().any(|l| l.contains("1 error")), "{lines:#?}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("monsters.ron:5:13") && l.contains("`hp`")),
        "{lines:#?}"
    );
    let bat = app.sim().content().monster_id("bat").expect("bat");
    assert_eq!(app.sim().content().monster(bat).hp, 5, "old data in use");

    std::fs::write(dir.join("monsters.ron"), monster("bat", 8)).expect("write");
    app.reload_data(true);
    let lines = log(&mut app);
    assert!(
        lines.iter().any(|l| l.contains("Game data reloaded")),
        "{lines:#?}"
    );
    assert_eq!(app.sim().content().monster(bat).hp, 8);
}

#[test]
fn the_default_mods_folder_is_read_and_no_mods_leaves_it_out() {
    let root = scratch("default");
    write_mod(&root, "m", &[], &[("monsters.ron", monster("bat", 5))]);
    let on = DataSources {
        default_mods: Some(root.clone()),
        ..DataSources::default()
    };
    let off = DataSources::default();
    assert!(on.load(None).expect("loads").0.monster_id("bat").is_some());
    assert!(off.load(None).expect("loads").0.monster_id("bat").is_none());
    let missing = DataSources {
        default_mods: Some(root.join("nowhere")),
        ..DataSources::default()
    };
    assert!(
        missing.load(None).is_ok(),
        "an absent mods folder is no error"
    );
}

#[test]
fn a_file_outside_the_content_merges_the_same_way() {
    use venture::schema::load::merge_file;
    use venture::schema::monsters::MonstersFile;
    let root = scratch("merge-file");
    write_mod(&root, "m", &[], &[("monsters.ron", monster("bat", 5))]);
    let mods = find_mods(std::slice::from_ref(&root)).expect("a mod");
    let (file, set) = merge_file::<MonstersFile>(&default_sources(), &mods).expect("merges");
    assert!(file.monsters.iter().any(|m| m.id == "bat"));
    assert_eq!(set.name, "monsters.ron");
    write_mod(
        &root,
        "m",
        &["ghost"],
        &[("monsters.ron", monster("bat", 5))],
    );
    let mods = find_mods(std::slice::from_ref(&root)).expect("a mod");
    assert!(merge_file::<MonstersFile>(&default_sources(), &mods).is_err());
}

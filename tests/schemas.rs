//! The default schemas load, and broken ones give errors that name the
//! file, line and column (never a panic), all of them at once.

use venture::schema::load::{SchemaSource, default_sources, load_sources};
use venture::schema::{SchemaErrorKind, SchemaErrors, load_defaults};

#[test]
fn the_default_schemas_load_and_link() {
    let content = load_defaults().expect("default schemas load");
    assert!(content.monsters.len() >= 10);
    assert!(content.items.len() >= 10);
    assert!(content.monster_id("goblin").is_some());
    for (item, chance) in content.monster_ids().flat_map(|m| content.loot(m).to_vec()) {
        assert!(item.index() < content.items.len() && chance <= 100);
    }
    assert_eq!(
        content.start_items().len(),
        content.genre().start_items.len()
    );
    assert!(content.xp_for_level(2) > 0 && content.xp_for_level(3) > content.xp_for_level(2));
}

/// The defaults with one file's text replaced by `edit(original)`.
fn load_with(
    file: &str,
    edit: impl Fn(&str) -> String,
) -> Result<venture::schema::Content, SchemaErrors> {
    let sources: Vec<SchemaSource> = default_sources()
        .into_iter()
        .map(|s| {
            if s.name.ends_with(file) {
                SchemaSource::new(s.name.clone(), edit(&s.text))
            } else {
                s
            }
        })
        .collect();
    load_sources(&sources)
}

/// The 1-based line and column of the first `needle` in `text`.
fn position(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).expect("needle in text");
    let line = text[..at].matches('\n').count() + 1;
    let col = at - text[..at].rfind('\n').map_or(0, |i| i + 1) + 1;
    (line, col)
}

fn only_error(r: Result<venture::schema::Content, SchemaErrors>) -> venture::schema::SchemaError {
    let errors = r.expect_err("the broken schema must be refused").errors;
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors.into_iter().next().expect("one error")
}

fn monsters_text() -> String {
    default_sources()
        .into_iter()
        .find(|s| s.name.ends_with("monsters.ron"))
        .expect("monsters.ron")
        .text
        .to_string()
}

#[test]
fn a_syntax_error_names_file_line_and_column() {
    let broken = monsters_text().replacen("hp: 6, attack: 0", "hp: 6 attack: 0", 1);
    let (line, col) = position(&broken, "attack: 0");
    let e = only_error(load_with("monsters.ron", |_| broken.clone()));
    assert_eq!(e.file, "data-schemas/monsters.ron");
    assert_eq!(e.kind, SchemaErrorKind::Syntax);
    assert_eq!((e.line, e.col), (line, col), "{e}");
    assert!(
        e.to_string()
            .starts_with(&format!("data-schemas/monsters.ron:{line}:{col}: "))
    );
    assert!(e.source_line().contains("hp: 6 attack: 0"));
}

#[test]
fn an_unknown_field_is_an_error_with_the_fields_allowed() {
    let broken = monsters_text().replacen("evasion: 10,", "evasoin: 10,", 1);
    let (line, col) = position(&broken, "evasoin");
    let e = only_error(load_with("monsters.ron", |_| broken.clone()));
    assert_eq!(e.kind, SchemaErrorKind::UnknownField);
    assert_eq!(e.line, line);
    assert!(e.col >= col && e.col <= col + "evasoin".len(), "{e}");
    assert!(
        e.message.contains("`evasion`"),
        "the fields allowed are listed: {e}"
    );
}

#[test]
fn a_missing_field_and_a_wrong_type_are_errors() {
    let e = only_error(load_with("monsters.ron", |t| t.replacen("hp: 6, ", "", 1)));
    assert_eq!(e.kind, SchemaErrorKind::MissingField);
    assert!(e.message.contains("hp"), "{e}");

    let broken = monsters_text().replacen("hp: 6,", "hp: \"six\",", 1);
    let (line, _) = position(&broken, "\"six\"");
    let e = only_error(load_with("monsters.ron", |_| broken.clone()));
    assert_eq!(e.kind, SchemaErrorKind::WrongType);
    assert_eq!(e.line, line, "{e}");
}

#[test]
fn range_duplicate_and_reference_errors_point_at_the_entry() {
    let broken = monsters_text()
        .replacen("flee_below: 35", "flee_below: 150", 1)
        .replacen("id: \"kobold\"", "id: \"rat\"", 1)
        .replacen("(\"gold\", 30)", "(\"golden_apple\", 30)", 1);
    let errors = load_with("monsters.ron", |_| broken.clone())
        .expect_err("refused")
        .errors;
    let find = |k: SchemaErrorKind| {
        errors
            .iter()
            .find(|e| e.kind == k)
            .unwrap_or_else(|| panic!("{k:?} in {errors:#?}"))
    };
    let range = find(SchemaErrorKind::OutOfRange);
    assert_eq!(
        (range.line, range.col),
        position(&broken, "flee_below: 150"),
        "{range}"
    );
    let dup = find(SchemaErrorKind::DuplicateId);
    let second_rat = broken
        .match_indices("id: \"rat\"")
        .nth(1)
        .expect("two rats")
        .0
        + 4;
    let line = broken[..second_rat].matches('\n').count() + 1;
    assert_eq!(dup.line, line, "{dup}");
    let reference = find(SchemaErrorKind::UnknownReference);
    assert_eq!(
        reference.line,
        position(&broken, "golden_apple").0,
        "{reference}"
    );
    assert_eq!(errors.len(), 3, "every error is reported: {errors:#?}");
}

#[test]
fn a_missing_file_and_garbage_do_not_panic() {
    let sources: Vec<SchemaSource> = default_sources()
        .into_iter()
        .filter(|s| !s.name.ends_with("items.ron"))
        .collect();
    let e = load_sources(&sources).expect_err("refused");
    assert!(
        e.errors
            .iter()
            .any(|e| e.kind == SchemaErrorKind::MissingContent && e.message.contains("items.ron"))
    );

    for garbage in [
        "",
        "(",
        ")",
        "\u{0}\u{1}",
        "[[[[[[[[[[[[[[[",
        "(monsters: [(id: 5)])",
        "ÿÿ",
    ] {
        let r = load_with("monsters.ron", |_| garbage.to_owned());
        assert!(r.is_err(), "{garbage:?} accepted");
    }
}

#[test]
fn errors_render_with_the_line_and_a_caret() {
    let e = load_with("game.ron", |t| {
        t.replacen("dungeon_depth: 10", "dungeon_depth: 0", 1)
    })
    .expect_err("refused");
    let rendered = format!("{:?}", miette::Report::new(e));
    assert!(rendered.contains("game.ron"), "{rendered}");
    assert!(rendered.contains("dungeon_depth: 0"), "{rendered}");
    assert!(
        rendered.contains('^') || rendered.contains('─'),
        "{rendered}"
    );
}

/// genres.ron with its first generator replaced by `generator`.
fn genres_with_generator(generator: &str) -> String {
    let text = default_sources()
        .into_iter()
        .find(|s| s.name.ends_with("genres.ron"))
        .expect("genres.ron")
        .text
        .to_string();
    let start = text.find("generator: Bsp(").expect("a Bsp generator") + "generator: ".len();
    let end = start + text[start..].find(")),").expect("its end") + 1;
    format!("{}{generator}{}", &text[..start], &text[end..])
}

#[test]
fn maze_and_forest_generators_load_and_their_ranges_are_checked() {
    for good in [
        "Maze((corridor_width: 2, braid_percent: 30))",
        "Forest((tree_spacing: 3, river_width: 0))",
        "Maze(())",
    ] {
        let text = genres_with_generator(good);
        let r = load_with("genres.ron", |_| text.clone());
        assert!(r.is_ok(), "{good}: {:#?}", r.err());
    }

    let broken = genres_with_generator("Maze((corridor_width: 5, min_room: 6, max_room: 4))");
    let errors = load_with("genres.ron", |_| broken.clone())
        .expect_err("refused")
        .errors;
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors.iter().all(|e| e.kind == SchemaErrorKind::OutOfRange));
    let e = &errors[0];
    assert_eq!(
        (e.line, e.col),
        position(&broken, "corridor_width: 5"),
        "{e}"
    );
    assert!(e.message.contains("outside 1..=3"), "{e}");
    // A Bsp generator further on has its own max_room; the error is on this one.
    assert_eq!(
        (errors[1].line, errors[1].col),
        position(&broken, "max_room: 4")
    );

    let broken = genres_with_generator("Forest((bridges: 0, clearings: 2, min_clearing: 9))");
    let e = load_with("genres.ron", |_| broken.clone())
        .expect_err("refused")
        .errors;
    let fields: Vec<&str> = ["bridges", "clearings", "max_clearing"]
        .into_iter()
        .filter(|f| e.iter().any(|e| e.message.starts_with(&format!("`{f}`"))))
        .collect();
    assert_eq!(fields, ["bridges", "clearings", "max_clearing"], "{e:#?}");
    // max_clearing was left to its default (5, below min_clearing 9): the
    // error points at the generator.
    let last = e
        .iter()
        .find(|e| e.message.starts_with("`max_clearing`"))
        .unwrap();
    assert_eq!((last.line, last.col), position(&broken, "Forest("));
}

#[test]
fn every_genre_has_its_own_monsters_boss_currency_and_start_kit() {
    use venture::schema::items::ItemKind;
    use venture::schema::monsters::MonsterKind;

    let content = load_defaults().expect("default schemas load");
    let last = content.rules.dungeon_depth;
    let genres: Vec<_> = content.genre_ids().collect();
    assert!(
        genres.len() >= 5,
        "fantasy, scifi, horror, cyberpunk, postapoc"
    );
    for g in genres {
        let id = content.genre_def(g).expect("listed genre").id.clone();
        let tagged = |list: &[String]| list.contains(&id);
        let own = |list: &[String]| list.len() == 1 && list[0] == id;
        let monsters: Vec<_> = content
            .monster_ids()
            .map(|m| content.monster(m))
            .filter(|m| tagged(&m.genres))
            .collect();

        let ordinary = monsters
            .iter()
            .filter(|m| m.kind == MonsterKind::Monster && own(&m.genres))
            .count();
        assert!(ordinary >= 8, "`{id}` has {ordinary} monsters of its own");
        for d in 1..=last {
            assert!(
                monsters
                    .iter()
                    .any(|m| m.kind == MonsterKind::Monster && m.depth.contains(d)),
                "`{id}` has no ordinary monster for depth {d}"
            );
        }
        assert!(
            monsters
                .iter()
                .any(|m| m.kind == MonsterKind::Boss && m.depth.contains(last) && own(&m.genres)),
            "`{id}` has no boss of its own for depth {last}"
        );
        assert!(
            content.item_ids().any(|i| {
                let it = content.item(i);
                matches!(it.kind, ItemKind::Gold(_)) && own(&it.genres)
            }),
            "`{id}` has no currency of its own"
        );

        // The kit a hero of this genre starts with: all the genre's own, with
        // a weapon and something to heal.
        let world = content.in_genre(g);
        assert_eq!(world.genre().id, id);
        let kit = world.start_items();
        assert!(!kit.is_empty(), "`{id}` has no start items");
        for &i in kit {
            assert!(
                own(&world.item(i).genres),
                "`{id}` starts with `{}`, which is not its own",
                world.item(i).id
            );
        }
        let kinds: Vec<_> = kit.iter().map(|&i| &world.item(i).kind).collect();
        assert!(
            kinds.iter().any(|k| matches!(k, ItemKind::Weapon(_))),
            "`{id}`"
        );
        assert!(
            kinds.iter().any(|k| matches!(
                k,
                ItemKind::Potion(venture::schema::items::PotionEffect::Heal(_))
            )),
            "`{id}`"
        );

        // What its monsters drop and bring along is of their genres too.
        for m in content
            .monster_ids()
            .filter(|&m| tagged(&content.monster(m).genres))
        {
            let def = content.monster(m);
            for &(item, _) in content.loot(m) {
                let it = content.item(item);
                assert!(
                    def.genres.iter().all(|x| it.genres.contains(x)),
                    "`{}` drops `{}` of another genre",
                    def.id,
                    it.id
                );
            }
            if let Some((escort, _)) = content.escort(m) {
                let e = content.monster(escort);
                assert!(
                    def.genres.iter().all(|x| e.genres.contains(x)),
                    "`{}` is escorted by `{}` of another genre",
                    def.id,
                    e.id
                );
            }
        }
    }
}

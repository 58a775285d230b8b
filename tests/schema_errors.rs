//! The corpus of broken schema files in `tests/schema_errors/`: each
//! folder is a mod (or, without a `mod.ron`, a set of default files read as
//! `--schemas` would), and the file holding `// expect: Kind LINE:COL` on
//! its first line must be reported with that kind at that line and column.
//! Then a fuzz test: mutated schema files never panic the loader, and every
//! error it reports points inside its file.
//!
//! A longer fuzz run: `PROPTEST_CASES=20000 cargo test --release --test
//! schema_errors fuzz`.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use venture::schema::SchemaErrors;
use venture::schema::load::{SchemaSource, default_sources, load_content};
use venture::schema::mods::{Mod, ModManifest};
use venture::schema::reload::DataSources;

const CORPUS: &str = "tests/schema_errors";

/// One case: its folder, the file with the expectation, and what it says.
struct Case {
    dir: PathBuf,
    file: String,
    kind: String,
    line: usize,
    col: usize,
}

fn cases() -> Vec<Case> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(CORPUS)
        .expect("the corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    dirs.into_iter()
        .map(|dir| {
            let mut found = None;
            let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
                .expect("a case folder")
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            files.sort();
            for f in files {
                let text = std::fs::read_to_string(&f).expect("a case file");
                if let Some(rest) = text
                    .lines()
                    .next()
                    .and_then(|l| l.strip_prefix("// expect: "))
                {
                    found = Some((f, rest.trim().to_owned()));
                }
            }
            let (file, expect) =
                found.unwrap_or_else(|| panic!("{} has no `// expect:` line", dir.display()));
            let (kind, at) = expect
                .split_once(' ')
                .unwrap_or_else(|| panic!("{}: write `// expect: Kind LINE:COL`", file.display()));
            let (line, col) = at.split_once(':').expect("LINE:COL");
            Case {
                file: file
                    .file_name()
                    .and_then(|n| n.to_str())
                    .expect("a name")
                    .to_owned(),
                dir,
                kind: kind.to_owned(),
                line: line.parse().expect("a line number"),
                col: col.parse().expect("a column number"),
            }
        })
        .collect()
}

fn load_case(dir: &Path) -> Result<(), SchemaErrors> {
    let sources = if dir.join("mod.ron").is_file() {
        DataSources {
            mod_dirs: vec![dir.to_owned()],
            ..DataSources::default()
        }
    } else {
        DataSources {
            schema_dir: Some(dir.to_owned()),
            ..DataSources::default()
        }
    };
    sources.load(None).map(drop)
}

#[test]
fn every_broken_file_of_the_corpus_is_reported_where_it_is_broken() {
    let cases = cases();
    assert!(cases.len() >= 30, "the corpus has {} cases", cases.len());
    let mut failures = Vec::new();
    for case in &cases {
        let errors = match load_case(&case.dir) {
            Ok(()) => {
                failures.push(format!("{}: loaded without an error", case.dir.display()));
                continue;
            }
            Err(e) => e.errors,
        };
        let hit = errors.iter().any(|e| {
            format!("{:?}", e.kind) == case.kind
                && e.file.ends_with(&format!("/{}", case.file))
                && (e.line, e.col) == (case.line, case.col)
        });
        if !hit {
            let got: Vec<String> = errors
                .iter()
                .map(|e| format!("{:?} {}:{} {}", e.kind, e.line, e.col, e))
                .collect();
            failures.push(format!(
                "{}: expected {} {}:{} in {}, got:\n  {}",
                case.dir.display(),
                case.kind,
                case.line,
                case.col,
                case.file,
                got.join("\n  ")
            ));
        }
        for e in &errors {
            assert!(!e.message.is_empty() && e.line >= 1 && e.col >= 1, "{e}");
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_kind_of_mistake_has_a_case() {
    let kinds: std::collections::BTreeSet<String> = cases().into_iter().map(|c| c.kind).collect();
    for k in [
        "Syntax",
        "UnknownField",
        "MissingField",
        "WrongType",
        "OutOfRange",
        "DuplicateId",
        "UnknownReference",
        "MissingContent",
        "Dependency",
    ] {
        assert!(kinds.contains(k), "no case of {k}");
    }
}

// ---- fuzzing --------------------------------------------------------------

/// Every schema file the fuzzer mutates: the defaults and the example mod's.
fn targets() -> Vec<(bool, SchemaSource)> {
    let mut out: Vec<(bool, SchemaSource)> =
        default_sources().into_iter().map(|s| (false, s)).collect();
    let example = Path::new("examples/mods/clockwork");
    let mut files: Vec<PathBuf> = std::fs::read_dir(example)
        .expect("the example mod")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && !p.ends_with("mod.ron"))
        .collect();
    files.sort();
    for f in files {
        let text = std::fs::read_to_string(&f).expect("example file");
        out.push((true, SchemaSource::new(f.display().to_string(), text)));
    }
    out
}

/// One change to a file's text.
#[derive(Clone, Debug)]
enum Mutation {
    /// Remove `len` bytes at a position.
    Delete(prop::sample::Index, usize),
    /// Insert text at a position.
    Insert(prop::sample::Index, String),
    /// Write a line again after itself.
    DuplicateLine(prop::sample::Index),
    /// Replace a number by another, often out of range or of another type.
    Number(prop::sample::Index, &'static str),
    /// Swap two lines.
    SwapLines(prop::sample::Index, prop::sample::Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let index = any::<prop::sample::Index>;
    prop_oneof![
        (index(), 1usize..24).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (index(), "[()\\[\\]{},:\"'\\n #/*a-z0-9_.-]{1,8}")
            .prop_map(|(i, s)| Mutation::Insert(i, s)),
        index().prop_map(Mutation::DuplicateLine),
        (
            index(),
            prop::sample::select(vec![
                "-1",
                "0",
                "1.5",
                "-99999999999",
                "4294967296",
                "1e400",
                "NaN",
                "\"7\"",
                "()",
                "255",
                "256",
                "65536",
            ])
        )
            .prop_map(|(i, n)| Mutation::Number(i, n)),
        (index(), index()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
    ]
}

fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn mutate(text: &str, m: &Mutation) -> String {
    let mut t = text.to_owned();
    match m {
        Mutation::Delete(i, n) => {
            let a = floor(&t, i.index(t.len().max(1)));
            let b = floor(&t, a + n);
            t.replace_range(a..b, "");
        }
        Mutation::Insert(i, s) => {
            let a = floor(&t, i.index(t.len().max(1)));
            t.insert_str(a, s);
        }
        Mutation::DuplicateLine(i) => {
            let mut lines: Vec<&str> = text.lines().collect();
            if !lines.is_empty() {
                let k = i.index(lines.len());
                lines.insert(k, lines[k]);
            }
            t = lines.join("\n");
        }
        Mutation::Number(i, n) => {
            let spans: Vec<(usize, usize)> = number_spans(text);
            if !spans.is_empty() {
                let (a, b) = spans[i.index(spans.len())];
                t.replace_range(a..b, n);
            }
        }
        Mutation::SwapLines(a, b) => {
            let mut lines: Vec<&str> = text.lines().collect();
            if !lines.is_empty() {
                let (x, y) = (a.index(lines.len()), b.index(lines.len()));
                lines.swap(x, y);
            }
            t = lines.join("\n");
        }
    }
    t
}

/// Where the numbers of a text are.
fn number_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_ascii_digit(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Loads the defaults with `file` (index into `targets`) replaced by
/// `text`: as the default copy, or as a mod's.
fn load_mutated(
    targets: &[(bool, SchemaSource)],
    file: usize,
    text: String,
) -> Result<(), SchemaErrors> {
    let (in_mod, src) = &targets[file];
    let changed = SchemaSource::new(src.name.clone(), text);
    let mut base = default_sources();
    let mut mods = Vec::new();
    if *in_mod {
        let manifest = ModManifest {
            id: "fuzz".into(),
            name: "Fuzz".into(),
            version: "1".into(),
            dependencies: Vec::new(),
            description: String::new(),
        };
        let mut files: Vec<SchemaSource> = targets
            .iter()
            .filter(|(m, s)| *m && s.name != src.name)
            .map(|(_, s)| s.clone())
            .collect();
        files.push(changed);
        mods.push(Mod {
            manifest,
            dir: PathBuf::from("examples/mods/clockwork"),
            manifest_source: SchemaSource::new("fuzz/mod.ron", ""),
            files,
        });
    } else if let Some(slot) = base.iter_mut().find(|s| s.name == src.name) {
        *slot = changed;
    }
    load_content(&base, &mods, None).map(drop)
}

fn check_errors(errors: &SchemaErrors, texts: &[(bool, SchemaSource)], mutated: &SchemaSource) {
    for e in &errors.errors {
        let _ = e.to_string();
        assert!(e.line >= 1 && e.col >= 1, "{e}");
        let text = if e.file == mutated.name {
            Some(mutated.text.as_ref())
        } else {
            texts
                .iter()
                .find(|(_, s)| s.name == e.file)
                .map(|(_, s)| s.text.as_ref())
        };
        if let Some(t) = text {
            let lines = t.lines().count().max(1);
            assert!(
                e.line <= lines + 1,
                "{e} is past the end of its {lines} lines"
            );
        }
    }
    let mut out = String::new();
    let _ = miette::GraphicalReportHandler::new().render_report(&mut out, errors);
}

fn fuzz_cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(48)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: fuzz_cases(), ..ProptestConfig::default() })]

    #[test]
    fn fuzz_mutated_schema_files_never_panic_the_loader(
        file in 0usize..19,
        changes in prop::collection::vec(mutation(), 1..4),
    ) {
        let targets = targets();
        let file = file % targets.len();
        let mut text = targets[file].1.text.to_string();
        for m in &changes {
            text = mutate(&text, m);
        }
        let mutated = SchemaSource::new(targets[file].1.name.clone(), text.clone());
        if let Err(errors) = load_mutated(&targets, file, text) {
            check_errors(&errors, &targets, &mutated);
        }
    }
}

#[test]
fn errors_render_with_every_line_and_caret() {
    let dir = Path::new(CORPUS).join("unknown_field_typo");
    let errors = load_case(&dir).expect_err("broken");
    let mut out = String::new();
    miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
        .render_report(&mut out, &errors)
        .expect("renders");
    assert!(out.contains("evasoin: 10"), "{out}");
    assert!(out.contains("did you mean `evasion`?"), "{out}");
}

//! Mistakes in affixes.ron and in a genre's kit are refused with the file,
//! line and what was wrong, never a panic.

use venture::schema::SchemaErrorKind;
use venture::schema::load::{SchemaSource, default_sources, load_sources};

/// One error as (file, line, kind, message).
type Found = (String, usize, SchemaErrorKind, String);

/// The errors of the defaults with one file's text replaced by
/// `edit(original)`.
fn errors_with(file: &str, edit: impl Fn(&str) -> String) -> Vec<Found> {
    let mut sources = default_sources();
    if let Some(s) = sources.iter_mut().find(|s| s.name.ends_with(file)) {
        *s = SchemaSource::new(s.name.clone(), edit(&s.text));
    }
    load_sources(&sources).err().map_or_else(Vec::new, |e| {
        e.errors
            .into_iter()
            .map(|e| (e.file.clone(), e.line, e.kind, e.message.clone()))
            .collect()
    })
}

/// Whether an error of `kind` says every one of `words`.
fn says(errors: &[Found], kind: SchemaErrorKind, words: &[&str]) -> bool {
    errors
        .iter()
        .any(|e| e.2 == kind && words.iter().all(|w| e.3.contains(w)))
}

fn line_of(file: &str, needle: &str) -> usize {
    let text = default_sources()
        .into_iter()
        .find(|s| s.name.ends_with(file))
        .expect("file")
        .text;
    let at = text.find(needle).expect("needle");
    text[..at].matches('\n').count() + 1
}

#[test]
fn affix_values_ranges_and_references_are_checked_where_written() {
    let errors = errors_with("affixes.ron", |t| {
        t.replace("effect: Accuracy(6)", "effect: Accuracy(600)")
    });
    assert_eq!(errors.len(), 1, "{errors:#?}");
    let (file, line, kind, msg) = &errors[0];
    assert!(file.ends_with("affixes.ron"));
    assert_eq!(*line, line_of("affixes.ron", "effect: Accuracy(6)"));
    assert_eq!(*kind, SchemaErrorKind::OutOfRange);
    assert!(msg.contains("keen"), "{msg}");

    let errors = errors_with("affixes.ron", |t| {
        t.replace("genres: [\"fantasy\"]),", "genres: [\"elfland\"]),")
    });
    assert!(
        says(&errors, SchemaErrorKind::UnknownReference, &["elfland"]),
        "{errors:#?}"
    );

    let errors = errors_with("affixes.ron", |t| {
        t.replace("(id: \"deadly\"", "(id: \"keen\"")
    });
    assert!(
        says(&errors, SchemaErrorKind::DuplicateId, &["keen"]),
        "{errors:#?}"
    );

    let errors = errors_with("affixes.ron", |t| t.replace("on: [Weapon]", "on: [Sword]"));
    assert!(
        says(&errors, SchemaErrorKind::WrongType, &[]),
        "{errors:#?}"
    );
}

#[test]
fn tiers_must_be_complete_in_order_and_rollable_at_every_depth() {
    let errors = errors_with("affixes.ron", |t| {
        t.replacen("rarity: Uncommon", "rarity: Rare", 1)
    });
    assert!(
        says(
            &errors,
            SchemaErrorKind::MissingContent,
            &["one tier per rarity"]
        ),
        "{errors:#?}"
    );
    let errors = errors_with("affixes.ron", |t| {
        t.replace("affixes: (3, 4)", "affixes: (3, 9)")
    });
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(errors[0].3.contains("legendary"), "{errors:#?}");
    // No tier can ever be rolled deep down.
    let errors = errors_with("affixes.ron", |t| {
        t.replace(
            "base_weight: 150, weight_per_depth: 15",
            "base_weight: 0, weight_per_depth: 0",
        )
        .replace(
            "base_weight: 40, weight_per_depth: 12",
            "base_weight: 0, weight_per_depth: 0",
        )
        .replace(
            "base_weight: 8, weight_per_depth: 7",
            "base_weight: 0, weight_per_depth: 0",
        )
        .replace(
            "base_weight: 2, weight_per_depth: 3",
            "base_weight: 0, weight_per_depth: 0",
        )
        .replace("weight_per_depth: -45", "weight_per_depth: -500")
    });
    assert!(
        says(&errors, SchemaErrorKind::MissingContent, &["at depth 10"]),
        "{errors:#?}"
    );
}

#[test]
fn a_genre_missing_part_of_its_kit_is_named() {
    // Horror's only shield tagged as another genre's.
    let errors = errors_with("items.ron", |t| {
        let at = t.find("id: \"coffin_lid\"").expect("coffin lid");
        let (head, tail) = t.split_at(at);
        format!(
            "{head}{}",
            tail.replacen("genres: [\"horror\"]", "genres: [\"fantasy\"]", 1)
        )
    });
    assert!(
        says(
            &errors,
            SchemaErrorKind::MissingContent,
            &["horror", "Shield"]
        ),
        "{errors:#?}"
    );
}

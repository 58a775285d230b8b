//! Mistakes in affixes.ron and in a genre's kit are refused with the file,
//! line and what was wrong, never a panic.

use venture::schema::SchemaErrorKind;
use venture::schema::load::{SchemaSource, default_sources, load_sources};

/// The defaults with one file's text replaced by `edit(original)`; the
/// errors as (file, line, kind, message).
fn errors_with(
    file: &str,
    edit: impl Fn(&str) -> String,
) -> Vec<(String, usize, SchemaErrorKind, String)> {
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
    match load_sources(&sources) {
        Ok(_) => Vec::new(),
        Err(e) => e
            .errors
            .into_iter()
            .map(|e| (e.file.clone(), e.line, e.kind, e.message.clone()))
            .collect(),
    }
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
        errors
            .iter()
            .any(|e| e.2 == SchemaErrorKind::UnknownReference && e.3.contains("elfland")),
        "{errors:#?}"
    );

    let errors = errors_with("affixes.ron", |t| {
        t.replace("(id: \"deadly\"", "(id: \"keen\"")
    });
    assert!(
        errors.iter().any(|e| e.2 == SchemaErrorKind::DuplicateId),
        "{errors:#?}"
    );

    let errors = errors_with("affixes.ron", |t| t.replace("on: [Weapon]", "on: [Sword]"));
    assert!(
        errors.iter().any(|e| e.2 == SchemaErrorKind::WrongType),
        "{errors:#?}"
    );
}

#[test]
fn tiers_must_be_complete_in_order_and_rollable_at_every_depth() {
    let errors = errors_with("affixes.ron", |t| {
        t.replacen("rarity: Uncommon", "rarity: Rare", 1)
    });
    assert!(
        errors
            .iter()
            .any(|e| e.2 == SchemaErrorKind::MissingContent && e.3.contains("one tier per rarity")),
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
        errors.iter().any(|e| e.3.contains("at depth 10")),
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
        errors.iter().any(|e| e.2 == SchemaErrorKind::MissingContent
            && e.3.contains("horror")
            && e.3.contains("Shield")),
        "{errors:#?}"
    );
}

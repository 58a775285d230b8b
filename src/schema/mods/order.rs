//! The order mods apply in: dependencies first, ties broken by id, so the
//! same set of mods always merges the same way on every machine. Missing
//! dependencies, circles and two mods with one id are reported.

use std::collections::{BTreeMap, BTreeSet};

use super::manifest::Mod;
use crate::schema::error::{SchemaError, SchemaErrorKind as K, SchemaErrors};
use crate::schema::sources::find_entry;
use crate::schema::suggest::did_you_mean;

/// The mods to apply, in order, and what each depends on.
#[derive(Clone, Debug, Default)]
pub struct Order {
    /// Indices into the mods given, in the order they apply.
    pub order: Vec<usize>,
    /// Per mod given, every mod (index) it depends on, directly or not.
    pub needs: Vec<BTreeSet<usize>>,
}

impl Order {
    /// Whether mod `a` depends on mod `b`, directly or through others.
    pub fn depends(&self, a: usize, b: usize) -> bool {
        self.needs.get(a).is_some_and(|n| n.contains(&b))
    }
}

/// Sorts `mods` by dependency (Kahn's algorithm, the smallest id first
/// among those ready), reporting every problem met.
pub fn order(mods: &[Mod], errors: &mut SchemaErrors) -> Order {
    let mut by_id: BTreeMap<&str, usize> = BTreeMap::new();
    let mut skipped = BTreeSet::new();
    for (i, m) in mods.iter().enumerate() {
        let id = m.manifest.id.as_str();
        if let Some(&first) = by_id.get(id) {
            errors.push(
                at_field(
                    m,
                    "id",
                    K::Dependency,
                    format!(
                        "two mods have the id `{id}`: {} and {}",
                        mods[first].dir.display(),
                        m.dir.display()
                    ),
                )
                .with_help("give each mod its own id, or load only one of the two folders"),
            );
            skipped.insert(i);
        } else {
            by_id.insert(id, i);
        }
    }
    // The direct dependencies of each mod that are loaded.
    let mut deps: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); mods.len()];
    for (i, m) in mods
        .iter()
        .enumerate()
        .filter(|(i, _)| !skipped.contains(i))
    {
        for (n, dep) in m.manifest.dependencies.iter().enumerate() {
            match by_id.get(dep.as_str()) {
                Some(&d) => {
                    deps[i].insert(d);
                }
                None => {
                    let at = nth_dependency(m, dep, n);
                    let loaded = by_id.keys().copied();
                    let help = match did_you_mean(dep, loaded) {
                        Some(d) => d,
                        None => format!(
                            "add the folder of the mod `{dep}` to --mods (or put it in the mods folder), \
                             or remove it from the dependencies"
                        ),
                    };
                    errors.push(
                        SchemaError::at(
                            &m.manifest_source.name,
                            &m.manifest_source.text,
                            at,
                            dep.len() + 2,
                            K::Dependency,
                            format!(
                                "the mod `{}` depends on `{dep}`, which is not loaded",
                                m.manifest.id
                            ),
                        )
                        .with_help(help),
                    );
                }
            }
        }
    }
    let mut waiting: Vec<usize> = (0..mods.len()).map(|i| deps[i].len()).collect();
    let mut ready: BTreeSet<(&str, usize)> = (0..mods.len())
        .filter(|i| !skipped.contains(i) && waiting[*i] == 0)
        .map(|i| (mods[i].manifest.id.as_str(), i))
        .collect();
    let mut order = Vec::with_capacity(mods.len());
    while let Some(next) = ready.pop_first() {
        let i = next.1;
        order.push(i);
        for (j, d) in deps.iter().enumerate() {
            if d.contains(&i) && !skipped.contains(&j) {
                waiting[j] -= 1;
                if waiting[j] == 0 {
                    ready.insert((mods[j].manifest.id.as_str(), j));
                }
            }
        }
    }
    // What is left waits on a circle: report it, then apply it by id so the
    // rest can still be checked.
    let mut left: Vec<usize> = (0..mods.len())
        .filter(|i| !skipped.contains(i) && !order.contains(i))
        .collect();
    left.sort_by(|&a, &b| mods[a].manifest.id.cmp(&mods[b].manifest.id));
    if let Some(&start) = left.first() {
        let circle = find_circle(start, &deps, &left);
        let names: Vec<&str> = circle
            .iter()
            .map(|&i| mods[i].manifest.id.as_str())
            .collect();
        let first = &mods[circle[0]];
        let second = names.get(1).copied().unwrap_or(names[0]);
        let at = nth_dependency(first, second, 0);
        errors.push(
            SchemaError::at(
                &first.manifest_source.name,
                &first.manifest_source.text,
                at,
                second.len() + 2,
                K::Dependency,
                format!(
                    "these mods depend on each other in a circle: {} -> {}",
                    names.join(" -> "),
                    names[0]
                ),
            )
            .with_help("a mod cannot come before itself: remove one of these dependencies"),
        );
        order.extend(left);
    }
    let mut needs: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); mods.len()];
    for _ in 0..mods.len() {
        let mut changed = false;
        for i in 0..mods.len() {
            let mut all = deps[i].clone();
            for &d in &deps[i] {
                all.extend(needs[d].iter().copied());
            }
            if all != needs[i] {
                needs[i] = all;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    Order { order, needs }
}

/// A circle of dependencies through `start`, among the mods `left`.
fn find_circle(start: usize, deps: &[BTreeSet<usize>], left: &[usize]) -> Vec<usize> {
    let mut path = vec![start];
    let mut at = start;
    loop {
        let Some(&next) = deps[at].iter().find(|d| left.contains(d)) else {
            return path;
        };
        if let Some(pos) = path.iter().position(|&p| p == next) {
            return path.split_off(pos);
        }
        path.push(next);
        at = next;
    }
}

/// Where the `n`th mention of `dep` in the dependencies of `m` is written.
fn nth_dependency(m: &Mod, dep: &str, n: usize) -> usize {
    let text = &m.manifest_source.text;
    let from = crate::schema::sources::find_field(text, "dependencies").unwrap_or(0);
    let quoted = format!("\"{dep}\"");
    text[from..]
        .match_indices(&quoted)
        .nth(n)
        .or_else(|| text[from..].match_indices(&quoted).next())
        .map_or(from, |(i, _)| from + i)
}

/// An error on `field` of a mod's manifest.
fn at_field(m: &Mod, field: &str, kind: K, message: String) -> SchemaError {
    let src = &m.manifest_source;
    let at = find_entry(&src.text, field, &m.manifest.id, 0)
        .or_else(|| crate::schema::sources::find_field(&src.text, field))
        .unwrap_or(0);
    SchemaError::at(&src.name, &src.text, at, field.len(), kind, message)
}

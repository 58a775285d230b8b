//! "Did you mean `goblin`?": the closest known name to a misspelt one, for
//! the help line of unknown fields, ids, variants and files.

/// The candidate closest to `word`, when it is close enough to be the
/// intended one: at most a third of the word's letters differ (edits,
/// with a swap of two neighbours counting once), or one is the other with
/// a prefix or suffix (`goblin` for `goblins`).
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let w = word.to_lowercase();
    let limit = (w.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .map(|c| {
            let l = c.to_lowercase();
            let d = distance(&w, &l);
            let affix = l.len() >= 3 && (w.contains(&l) || l.contains(&w));
            (if affix { d.min(limit) } else { d }, c)
        })
        .filter(|&(d, _)| d <= limit)
        .min_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(b.1)))
        .map(|(_, c)| c)
}

/// "did you mean `x`?" for the closest candidate, if there is one.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest(word, candidates).map(|c| format!("did you mean `{c}`?"))
}

/// Optimal string alignment distance: insertions, deletions, substitutions
/// and swaps of neighbours, each costing one.
fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // Names are short; anything long is not worth comparing.
    if a.len() > 64 || b.len() > 64 {
        return usize::MAX;
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for i in 0..=a.len() {
        d[i * w] = i;
    }
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn close_names_are_suggested_and_far_ones_are_not() {
        let names = ["goblin", "kobold", "rat", "hp", "attack"];
        assert_eq!(closest("gobiln", names), Some("goblin"));
        assert_eq!(closest("goblins", names), Some("goblin"));
        assert_eq!(closest("Goblin", names), Some("goblin"));
        assert_eq!(closest("hpp", names), Some("hp"));
        assert_eq!(closest("atack", names), Some("attack"));
        assert_eq!(closest("dragon", names), None);
        assert_eq!(closest("goblin", names), None, "not itself");
    }
}

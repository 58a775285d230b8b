//! Finding every parse error in a file, not only the first: serde stops at
//! the first mistake, so the entry holding it is blanked out (replaced by
//! spaces, keeping every line and column where it was) and the file parsed
//! again, until it parses or the mistake is outside any entry.

use serde::de::DeserializeOwned;

use super::error::SchemaError;
use super::load::{SchemaSource, parse};

/// The most errors one file reports; a file that broken needs fixing from
/// the top anyway.
const MAX_ERRORS: usize = 50;

/// Parses `src`, returning every error found entry by entry when it fails.
pub fn parse_all<T: DeserializeOwned>(src: &SchemaSource) -> Result<T, Vec<SchemaError>> {
    let first = match parse::<T>(src) {
        Ok(v) => return Ok(v),
        Err(e) => *e,
    };
    let mut errors = vec![first];
    let mut text = src.text.to_string();
    while errors.len() < MAX_ERRORS {
        let Some(last) = errors.last() else { break };
        let at = super::error::offset_of(&text, last.line, last.col);
        let Some((start, end)) = entry_around(&text, at) else {
            break;
        };
        blank(&mut text, start, end);
        let again = SchemaSource::new(src.name.clone(), text.as_str());
        match parse::<T>(&again) {
            Ok(_) => break,
            Err(blanked) => {
                // Errors are reported against the file as written.
                let mut e = SchemaError::at_line_col(
                    &src.name,
                    &src.text,
                    blanked.line,
                    blanked.col,
                    blanked.kind,
                    blanked.message.clone(),
                );
                if let Some(h) = &blanked.help {
                    e = e.with_help(h.clone());
                }
                if errors.iter().any(|p| (p.line, p.col) == (e.line, e.col)) {
                    break;
                }
                errors.push(e);
            }
        }
    }
    Err(errors)
}

/// The byte range of the entry of a top-level list that holds `at`: the
/// bracketed value three levels deep (the file's parentheses, a list's
/// square brackets, the entry), with the comma after it. `None` when `at`
/// is outside any, or the brackets do not match.
fn entry_around(text: &str, at: usize) -> Option<(usize, usize)> {
    let mut stack: Vec<usize> = Vec::new();
    let mut entry_start = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '/' if chars.peek().is_some_and(|&(_, n)| n == '/') => {
                for (_, n) in chars.by_ref() {
                    if n == '\n' {
                        break;
                    }
                }
            }
            '/' if chars.peek().is_some_and(|&(_, n)| n == '*') => {
                chars.next();
                let mut depth = 1;
                let mut prev = ' ';
                for (_, n) in chars.by_ref() {
                    if prev == '/' && n == '*' {
                        depth += 1;
                    } else if prev == '*' && n == '/' {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    prev = n;
                }
            }
            '"' => {
                let mut escaped = false;
                for (_, n) in chars.by_ref() {
                    if escaped {
                        escaped = false;
                    } else if n == '\\' {
                        escaped = true;
                    } else if n == '"' {
                        break;
                    }
                }
            }
            '\'' => {
                // A char literal: 'x', '\'' or '\\'.
                if let Some((_, n)) = chars.next() {
                    if n == '\\' {
                        chars.next();
                    }
                    if chars.peek().is_some_and(|&(_, q)| q == '\'') {
                        chars.next();
                    }
                }
            }
            '(' | '[' | '{' => {
                stack.push(i);
                if stack.len() == 3 {
                    entry_start = Some(i);
                }
            }
            ')' | ']' | '}' => {
                let in_list = stack.get(1).is_some_and(|&l| text[l..].starts_with('['));
                if stack.len() == 3
                    && in_list
                    && let Some(start) = entry_start
                    && (start..=i).contains(&at)
                {
                    let mut end = i + 1;
                    let rest = &text[end..];
                    let trimmed = rest.trim_start();
                    if trimmed.starts_with(',') {
                        end += rest.len() - trimmed.len() + 1;
                    }
                    return Some((start, end));
                }
                stack.pop()?;
            }
            _ => {}
        }
    }
    None
}

/// Replaces `text[start..end]` by spaces, keeping its line breaks.
fn blank(text: &mut String, start: usize, end: usize) {
    let replaced: String = text[start..end]
        .chars()
        .map(|c| if c == '\n' { '\n' } else { ' ' })
        .collect();
    text.replace_range(start..end, &replaced);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_found_around_an_offset() {
        let t = "(\n  list: [\n    (a: 1, s: \"(]\"),\n    (b: 'x'),\n  ],\n)";
        let a = t.find("a:").expect("a");
        let (s, e) = entry_around(t, a).expect("entry");
        assert_eq!(&t[s..e], "(a: 1, s: \"(]\"),");
        let b = t.find("b:").expect("b");
        let (s, e) = entry_around(t, b).expect("entry");
        assert_eq!(&t[s..e], "(b: 'x'),");
        assert_eq!(entry_around(t, t.find("list").expect("list")), None);
    }
}

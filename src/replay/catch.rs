//! Running code that may panic and keeping the panic as a message: sweeps
//! and replays report a panicking seed instead of dying with it, and the
//! message does not tear the progress bar.
//!
//! The panic hook is process-wide, so ours only swallows panics on a thread
//! that is inside [`quietly`]; every other panic goes to the hook that was
//! there before (the default one, or the terminal's).

use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
    static MESSAGE: RefCell<Option<String>> = const { RefCell::new(None) };
}

static HOOK: Once = Once::new();

fn install_hook() {
    HOOK.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if QUIET.with(Cell::get) {
                let text = match info.location() {
                    Some(at) => format!(
                        "{} (at {}:{})",
                        payload(info.payload()),
                        at.file(),
                        at.line()
                    ),
                    None => payload(info.payload()),
                };
                MESSAGE.with(|m| *m.borrow_mut() = Some(text));
            } else {
                previous(info);
            }
        }));
    });
}

fn payload(p: &(dyn std::any::Any + Send)) -> String {
    if let Some(s) = p.downcast_ref::<&str>() {
        (*s).to_owned()
    } else if let Some(s) = p.downcast_ref::<String>() {
        s.clone()
    } else {
        "a panic with no message".to_owned()
    }
}

/// True on a thread inside [`quietly`]: a panic here is caught and the
/// program goes on (the terminal keeps its game screen).
pub fn catching() -> bool {
    QUIET.with(Cell::get)
}

/// Runs `f`; a panic inside becomes `Err(message with its location)`,
/// printed nowhere. Whatever `f` captured must not be trusted after an
/// `Err` (callers throw the simulation away).
pub fn quietly<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    install_hook();
    let was = QUIET.with(|q| q.replace(true));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    result.map_err(|p| {
        MESSAGE
            .with(|m| m.borrow_mut().take())
            .unwrap_or_else(|| payload(p.as_ref()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_its_message() {
        assert_eq!(quietly(|| 4), Ok(4));
        let err = quietly(|| -> u8 { panic!("boom {}", 7) }).expect_err("panicked");
        assert!(err.starts_with("boom 7 (at "), "{err}");
        assert!(err.contains("catch.rs"), "{err}");
    }
}

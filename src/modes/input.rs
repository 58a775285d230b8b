//! Keys and commands shared by the interactive front ends: each front end
//! turns its own key events into a [`Key`], and [`command`] folds arrows,
//! vi-keys and the numpad into one logical [`Command`] for the play screen.
//! Menus read the raw `Key` too (to pick letters).

use crate::sim::algo::grid::Dir;

/// A key press, independent of the terminal or window library.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    Char(char),
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    /// The numpad's centre key (5 without num lock).
    Center,
    Enter,
    Esc,
    Backspace,
    Tab,
    /// Ctrl-C: leave at once.
    Interrupt,
}

/// What a key means on the play screen.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Command {
    Move(Dir),
    /// Keep moving this way until something comes up.
    Run(Dir),
    /// Walk to unexplored places and visible items until something comes up.
    Explore,
    Wait,
    PickUp,
    Descend,
    Ascend,
    /// Open the pack to use an item.
    Inventory,
    /// Open the pack to drop an item.
    Drop,
    /// Drink the best healing potion carried.
    QuickHeal,
    /// Shoot the wielded ranged weapon at the nearest monster in sight.
    Fire,
    /// Show the message history.
    Messages,
    /// Show the quest log.
    Quests,
    /// Show the character sheet and skill tree.
    Character,
    /// Show the whole level as far as it is known.
    Map,
    /// Switch between real time and turn-based play.
    TogglePace,
    Help,
    Quit,
}

/// The default key map: arrows, vi-keys (hjkl yubn) and the numpad move;
/// `.` or `5` waits.
pub fn command(key: Key) -> Option<Command> {
    use Command as C;
    Some(match key {
        Key::Up | Key::Char('k' | '8') => C::Move(Dir::N),
        Key::Down | Key::Char('j' | '2') => C::Move(Dir::S),
        Key::Left | Key::Char('h' | '4') => C::Move(Dir::W),
        Key::Right | Key::Char('l' | '6') => C::Move(Dir::E),
        Key::Home | Key::Char('y' | '7') => C::Move(Dir::NW),
        Key::PageUp | Key::Char('u' | '9') => C::Move(Dir::NE),
        Key::End | Key::Char('b' | '1') => C::Move(Dir::SW),
        Key::PageDown | Key::Char('n' | '3') => C::Move(Dir::SE),
        Key::Char('K') => C::Run(Dir::N),
        Key::Char('J') => C::Run(Dir::S),
        Key::Char('H') => C::Run(Dir::W),
        Key::Char('L') => C::Run(Dir::E),
        Key::Char('Y') => C::Run(Dir::NW),
        Key::Char('U') => C::Run(Dir::NE),
        Key::Char('B') => C::Run(Dir::SW),
        Key::Char('N') => C::Run(Dir::SE),
        Key::Char('o') => C::Explore,
        Key::Center | Key::Char('.' | '5') => C::Wait,
        Key::Char('g' | ',') => C::PickUp,
        Key::Char('>') => C::Descend,
        Key::Char('<') => C::Ascend,
        Key::Char('i') => C::Inventory,
        Key::Char('d') => C::Drop,
        Key::Char('p') => C::QuickHeal,
        Key::Char('f') => C::Fire,
        Key::Char('m') => C::Messages,
        Key::Char('Q') => C::Quests,
        Key::Char('c') => C::Character,
        Key::Char('M') => C::Map,
        Key::Char('T') => C::TogglePace,
        Key::Char('?') => C::Help,
        // Esc only closes menus: pressed once too often it must not offer
        // to end the run.
        Key::Char('q') => C::Quit,
        _ => return None,
    })
}

/// The help screen's lines: the key map in words.
pub const HELP: &[(&str, &str)] = &[
    (
        "arrows, hjkl, numpad",
        "move; walk into a monster to attack, & to talk",
    ),
    ("y u b n, Home PgUp End PgDn", "move diagonally"),
    (
        "Shift + direction (HJKL...)",
        "run until something comes up",
    ),
    ("o", "explore until something comes up"),
    (". or 5", "wait a moment"),
    ("g or ,", "pick up what lies here"),
    ("> and <", "take the stairs, or walk to them"),
    ("i, d", "pack: drink, eat, read, throw, wear; drop"),
    ("p", "drink a healing potion"),
    ("f", "shoot the nearest monster (bow, gun, wand)"),
    ("m, Q, c, M", "messages, quests, character and skills, map"),
    ("T", "real time / turn-based"),
    ("?", "this help"),
    ("q", "quit"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_vi_keys_and_numpad_agree() {
        for (a, b, c) in [
            (Key::Up, Key::Char('k'), Key::Char('8')),
            (Key::Left, Key::Char('h'), Key::Char('4')),
            (Key::Home, Key::Char('y'), Key::Char('7')),
            (Key::PageDown, Key::Char('n'), Key::Char('3')),
        ] {
            assert_eq!(command(a), command(b));
            assert_eq!(command(b), command(c));
            assert!(matches!(command(a), Some(Command::Move(_))));
        }
        assert_eq!(command(Key::Char('Z')), None);
    }
}

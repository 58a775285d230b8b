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
    /// A function key: F5 quick saves, F9 quick loads.
    F(u8),
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
    /// Cast the spell in this hotkey slot (0-based; keys 1 to 5).
    Cast(u8),
    /// Open the spells screen (known spells, slot assignment).
    Spells,
    /// Open the crafting screen (known recipes, the station at hand).
    Craft,
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
    /// Open the saves menu (save to a named slot, load, delete).
    Saves,
    Help,
    Quit,
}

impl Command {
    /// Whether it only opens a screen (a menu, the log, the map, help, the
    /// quit question) and so does nothing to the world.
    pub fn opens_screen(self) -> bool {
        matches!(
            self,
            Command::Inventory
                | Command::Drop
                | Command::Spells
                | Command::Craft
                | Command::Messages
                | Command::Quests
                | Command::Character
                | Command::Map
                | Command::Saves
                | Command::Help
                | Command::Quit
        )
    }
}

/// The default key map: arrows, vi-keys (hjkl yubn) and the numpad (with
/// Num Lock off) move; `.` waits. The digits 1 to 5 cast the spells in the
/// hotkey slots, so they no longer move: a terminal cannot tell the
/// numpad's digits from the top row's.
pub fn command(key: Key) -> Option<Command> {
    use Command as C;
    Some(match key {
        Key::Up | Key::Char('k') => C::Move(Dir::N),
        Key::Down | Key::Char('j') => C::Move(Dir::S),
        Key::Left | Key::Char('h') => C::Move(Dir::W),
        Key::Right | Key::Char('l') => C::Move(Dir::E),
        Key::Home | Key::Char('y') => C::Move(Dir::NW),
        Key::PageUp | Key::Char('u') => C::Move(Dir::NE),
        Key::End | Key::Char('b') => C::Move(Dir::SW),
        Key::PageDown | Key::Char('n') => C::Move(Dir::SE),
        Key::Char('K') => C::Run(Dir::N),
        Key::Char('J') => C::Run(Dir::S),
        Key::Char('H') => C::Run(Dir::W),
        Key::Char('L') => C::Run(Dir::E),
        Key::Char('Y') => C::Run(Dir::NW),
        Key::Char('U') => C::Run(Dir::NE),
        Key::Char('B') => C::Run(Dir::SW),
        Key::Char('N') => C::Run(Dir::SE),
        Key::Char('o') => C::Explore,
        Key::Center | Key::Char('.') => C::Wait,
        Key::Char('g' | ',') => C::PickUp,
        Key::Char('>') => C::Descend,
        Key::Char('<') => C::Ascend,
        Key::Char('i') => C::Inventory,
        Key::Char('d') => C::Drop,
        Key::Char('p') => C::QuickHeal,
        Key::Char('f') => C::Fire,
        Key::Char(c @ '1'..='5') => C::Cast(c as u8 - b'1'),
        Key::Char('z') => C::Spells,
        Key::Char('C') => C::Craft,
        Key::Char('m') => C::Messages,
        Key::Char('Q') => C::Quests,
        Key::Char('c') => C::Character,
        Key::Char('M') => C::Map,
        Key::Char('T') => C::TogglePace,
        Key::Char('S') => C::Saves,
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
        "move (Num Lock off); bump to fight, & to talk",
    ),
    ("y u b n, Home PgUp End PgDn", "move diagonally"),
    (
        "Shift + direction (HJKL...)",
        "run until something comes up",
    ),
    ("o", "explore until something comes up"),
    (".", "wait a moment"),
    ("g or ,", "pick up what lies here"),
    ("> and <", "take the stairs, or walk to them"),
    ("i, d", "pack: drink, eat, read, throw, wear; drop"),
    ("p", "drink a healing potion"),
    ("f", "shoot the nearest monster (bow, gun, wand)"),
    ("m, Q, c, M", "messages, quests, character and skills, map"),
    (
        "1 2 3 4 5, z",
        "cast the spell in that slot; z: spells, slots",
    ),
    ("C", "craft at a station (_) from recipes you read"),
    ("S, F5, F9", "saves menu; quick save; quick load"),
    (
        "T, F6, ?, q",
        "turns/real time; reload data; this help; quit",
    ),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrows_vi_keys_and_numpad_agree() {
        for (a, b) in [
            (Key::Up, Key::Char('k')),
            (Key::Left, Key::Char('h')),
            (Key::Home, Key::Char('y')),
            (Key::PageDown, Key::Char('n')),
        ] {
            assert_eq!(command(a), command(b));
            assert!(matches!(command(a), Some(Command::Move(_))));
        }
        assert_eq!(command(Key::Char('Z')), None);
    }

    #[test]
    fn digits_cast_and_clash_with_nothing() {
        for (i, c) in ('1'..='5').enumerate() {
            assert_eq!(command(Key::Char(c)), Some(Command::Cast(i as u8)));
        }
        assert_eq!(command(Key::Char('z')), Some(Command::Spells));
        assert!(HELP.iter().any(|(k, _)| k.contains('z') && k.contains('5')));
    }
}

//! Messages: turning events into sentences, and the log that keeps them.

use crate::schema::items::ItemKind;
use crate::schema::{Content, DamageType, ItemId, StatusKind};
use crate::sim::components::item_name;
use crate::sim::event::Hazard;
use crate::sim::{EventKind, PlayerId, Simulation, Who};

use super::frame::{LogLine, Tone};

/// How many messages the log keeps.
pub const LOG_CAPACITY: usize = 200;

/// A player's message history. A message said again straight away is
/// counted ("x3") rather than repeated.
#[derive(Clone, Debug, Default)]
pub struct MessageLog {
    lines: Vec<LogLine>,
}

impl MessageLog {
    pub fn push(&mut self, text: String, tone: Tone, tick: u64) {
        if let Some(last) = self.lines.last_mut()
            && last.text == text
        {
            last.repeats += 1;
            last.tick = tick;
            return;
        }
        if self.lines.len() >= LOG_CAPACITY {
            self.lines.remove(0);
        }
        self.lines.push(LogLine {
            text,
            tone,
            tick,
            repeats: 1,
        });
    }

    /// Oldest first.
    pub fn lines(&self) -> &[LogLine] {
        &self.lines
    }
}

/// Whether an event is about this player (so it is reported even out of sight).
pub fn involves(kind: &EventKind, me: PlayerId) -> bool {
    let is_me = |w: &Who| *w == Who::Player(me);
    match kind {
        EventKind::Hit {
            attacker, target, ..
        }
        | EventKind::Miss { attacker, target } => is_me(attacker) || is_me(target),
        EventKind::Shot { attacker, target } => {
            is_me(attacker) || target.as_ref().is_some_and(is_me)
        }
        EventKind::Exploded { by, .. } => is_me(by),
        EventKind::StatusApplied { target, .. }
        | EventKind::StatusEnded { target, .. }
        | EventKind::StatusPulse { target, .. } => is_me(target),
        EventKind::Died { who, killer } => is_me(who) || killer.as_ref().is_some_and(is_me),
        EventKind::Healed { who, .. } => is_me(who),
        EventKind::DoorOpened { by } => is_me(by),
        EventKind::GainedXp { player, .. }
        | EventKind::LevelUp { player, .. }
        | EventKind::PickedUp { player, .. }
        | EventKind::PickedUpGold { player, .. }
        | EventKind::Drank { player, .. }
        | EventKind::Consumed { player, .. }
        | EventKind::NoTarget { player }
        | EventKind::Mapped { player }
        | EventKind::Cured { player }
        | EventKind::Equipped { player, .. }
        | EventKind::Unequipped { player, .. }
        | EventKind::Dropped { player, .. }
        | EventKind::ChangedLevel { player, .. }
        | EventKind::Noticed { player, .. }
        | EventKind::PackFull { player }
        | EventKind::NothingToPickUp { player }
        | EventKind::NoStairsHere { player, .. }
        | EventKind::CannotLeave { player }
        | EventKind::Victory { player } => *player == me,
        EventKind::Hazard { target, .. } => is_me(target),
        EventKind::FoundSecretDoor { player } => *player == me,
        EventKind::Fled { .. } => false,
        // The party shares its quests.
        EventKind::QuestSet { .. }
        | EventKind::QuestProgress { .. }
        | EventKind::QuestDone { .. }
        | EventKind::QuestFailed { .. } => true,
        EventKind::QuestReward { player, .. }
        | EventKind::SwappedPlaces { player, .. }
        | EventKind::Follows { player, .. }
        | EventKind::ClassChosen { player, .. }
        | EventKind::SkillLearned { player, .. }
        | EventKind::Refused { player, .. }
        | EventKind::Traded { player, .. }
        | EventKind::ShopOpened { player, .. } => *player == me,
        EventKind::Spell(s) => super::spells::involves(s, me),
        EventKind::Craft(c) => c.player() == me,
    }
}

/// "the goblin", "you", or another hero's name.
pub fn name(who: Who, me: PlayerId, sim: &Simulation) -> String {
    match who {
        Who::Player(p) if p == me => "you".to_owned(),
        Who::Player(p) => sim.hero(p).map_or_else(|| "someone".to_owned(), |h| h.name),
        Who::Monster(m) => format!("the {}", sim.content().monster(m).name),
        Who::Hazard(h) => h.name().to_owned(),
    }
}

/// What the hero reads when the ground hurts them.
fn hazard_sentence(hazard: Hazard, damage: i32) -> String {
    match hazard {
        Hazard::Lava => format!("You step into the lava and burn for {damage}!"),
        Hazard::DartTrap => format!("A dart shoots out of the floor and hits you for {damage}!"),
        Hazard::FlameTrap => format!("Flames burst up around you for {damage}!"),
        Hazard::VenomTrap => "A cloud of venom sprays up from a trap!".to_owned(),
        Hazard::Fall => format!("The floor gives way! You fall to the level below for {damage}."),
    }
}

pub(super) fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

/// The verb for a blow of this damage type (second person, third person).
fn hit_verb(t: DamageType) -> (&'static str, &'static str) {
    match t {
        DamageType::Physical => ("hit", "hits"),
        DamageType::Fire => ("burn", "burns"),
        DamageType::Ice => ("freeze", "freezes"),
        DamageType::Lightning => ("shock", "shocks"),
        DamageType::Poison => ("sting", "stings"),
        DamageType::Earth => ("crush", "crushes"),
        DamageType::Wind => ("buffet", "buffets"),
        DamageType::Light => ("sear", "sears"),
        DamageType::Dark => ("wither", "withers"),
        DamageType::Arcane => ("blast", "blasts"),
    }
}

/// "a potion of healing", "3 x potion of healing", "12 gold".
pub fn item_phrase(content: &Content, item: ItemId, count: u16) -> String {
    quality_phrase(content, item, count, &Default::default())
}

/// "a rare keen short sword of embers", "3 x potion of healing": an item
/// of some quality, its tier named when better than common.
pub fn quality_phrase(
    content: &Content,
    item: ItemId,
    count: u16,
    quality: &crate::sim::components::Quality,
) -> String {
    let mut name = item_name(content, item, quality);
    if quality.rarity != crate::schema::Rarity::Common {
        name = format!("{} {name}", quality.rarity.name());
    }
    let name = &name;
    if matches!(content.item(item).kind, ItemKind::Gold(_)) {
        return format!("{count} {name}");
    }
    if count > 1 {
        return format!("{count} x {name}");
    }
    format!("{} {name}", article(name))
}

/// The indefinite article for a name: "an iron helm", "a pair of leather
/// boots" (worn in pairs), "some canned beans" (other plurals).
pub fn article(name: &str) -> &'static str {
    const PAIRS: [&str; 8] = [
        "boots",
        "gloves",
        "gauntlets",
        "pants",
        "chausses",
        "greaves",
        "leggings",
        "sneakers",
    ];
    // The head noun comes before "of": "roll of bandages" is one roll.
    let head = name.split(" of ").next().unwrap_or(name);
    let last = head.rsplit(' ').next().unwrap_or(head);
    if PAIRS.contains(&last) {
        "a pair of"
    } else if last.ends_with('s') && !last.ends_with("ss") && head.contains(' ') {
        "some"
    } else if name.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    }
}

/// The plural of a name: "goblins", "potions of healing", "wolves",
/// "drones". Names already plural ("leather boots", "data coins") are left
/// as they are.
pub fn plural(name: &str) -> String {
    // The head noun comes before "of": "potion of healing".
    let (head, rest) = match name.find(" of ") {
        Some(i) => name.split_at(i),
        None => (name, ""),
    };
    let (stem, last) = match head.rfind(' ') {
        Some(i) => (&head[..=i], &head[i + 1..]),
        None => ("", head),
    };
    let already = article(name) == "some" || article(name) == "a pair of";
    if already || last.is_empty() {
        return name.to_owned();
    }
    let irregular = [
        ("man", "men"),
        ("woman", "women"),
        ("child", "children"),
        ("mouse", "mice"),
        ("wolf", "wolves"),
        ("knife", "knives"),
        ("thief", "thieves"),
        ("elf", "elves"),
        ("dwarf", "dwarves"),
        ("staff", "staves"),
        ("foot", "feet"),
        ("tooth", "teeth"),
        ("louse", "lice"),
        ("fish", "fish"),
        ("sheep", "sheep"),
        ("deer", "deer"),
    ];
    let lower = last.to_ascii_lowercase();
    let vowel_y = ["ay", "ey", "oy", "uy"].iter().any(|e| lower.ends_with(e));
    let many = if let Some((one, p)) = irregular.iter().find(|(one, _)| lower.ends_with(one)) {
        format!("{}{p}", &last[..last.len() - one.len()])
    } else if ["s", "x", "z", "ch", "sh"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        format!("{last}es")
    } else if lower.ends_with('y') && !vowel_y {
        format!("{}ies", &last[..last.len() - 1])
    } else {
        format!("{last}s")
    };
    format!("{stem}{many}{rest}")
}

/// "the goblin's", "your".
fn possessive(name: &str) -> String {
    if name == "you" {
        "Your".to_owned()
    } else {
        capitalised(&format!("{name}'s"))
    }
}

fn status_adjective(s: StatusKind) -> &'static str {
    match s {
        StatusKind::Burning => "on fire",
        StatusKind::Poisoned => "poisoned",
        StatusKind::Regenerating => "regenerating",
        StatusKind::Hasted => "moving faster",
        StatusKind::Weakened => "weakened",
        StatusKind::Chilled => "chilled to the bone",
        StatusKind::Stunned => "stunned",
        StatusKind::Rooted => "rooted to the spot",
        StatusKind::Blinded => "blinded",
        StatusKind::Drained => "losing mana",
        StatusKind::Shielded => "shielded",
        StatusKind::Empowered => "empowered",
    }
}

/// The sentence for an event as `me` sees it, or `None` for events not worth
/// a message.
pub fn describe(kind: &EventKind, me: PlayerId, sim: &Simulation) -> Option<(String, Tone)> {
    let content = sim.content();
    let n = |w: Who| name(w, me, sim);
    let mine = |w: &Who| *w == Who::Player(me);
    Some(match *kind {
        EventKind::Spell(ref s) => return super::spells::describe(s, me, sim),
        EventKind::Craft(ref c) => return super::crafting::describe(c, me, sim),
        EventKind::Hit {
            attacker,
            target,
            damage,
            damage_type,
            critical,
        } => {
            let (you_verb, it_verb) = hit_verb(damage_type);
            let verb = if mine(&attacker) { you_verb } else { it_verb };
            let how = if critical { " critically" } else { "" };
            let tone = if mine(&target) {
                Tone::Bad
            } else {
                Tone::Normal
            };
            let mark = if critical { "!" } else { "." };
            (
                format!(
                    "{}{how} {verb} {} for {damage}{mark}",
                    capitalised(&n(attacker)),
                    n(target)
                ),
                tone,
            )
        }
        EventKind::Shot { attacker, target } => {
            // "The goblin archer shoots an arrow at you." / "You shoot at the orc."
            let verb = match attacker {
                Who::Monster(m) => content
                    .monster(m)
                    .ranged
                    .as_ref()
                    .map_or("shoots at", |r| r.verb.as_str()),
                _ if mine(&attacker) => "shoot at",
                _ => "shoots at",
            };
            let tone = if target.as_ref().is_some_and(mine) {
                Tone::Bad
            } else {
                Tone::Normal
            };
            let text = match target {
                Some(t) => format!("{} {verb} {}.", capitalised(&n(attacker)), n(t)),
                None if mine(&attacker) => "You shoot.".to_owned(),
                None => format!("{} shoots.", capitalised(&n(attacker))),
            };
            (text, tone)
        }
        EventKind::Consumed { item, .. } => {
            let verb = match content.item(item).kind {
                ItemKind::Food(_) => "eat",
                ItemKind::Scroll(_) | ItemKind::Recipe(_) => "read",
                ItemKind::Thrown(_) => "throw",
                _ => "use",
            };
            (
                format!("You {verb} the {}.", content.item(item).name),
                Tone::Normal,
            )
        }
        EventKind::NoTarget { .. } => (
            "There is nothing in sight and in range to throw it at.".to_owned(),
            Tone::Normal,
        ),
        EventKind::Mapped { .. } => (
            "The whole layout of this level comes to you.".to_owned(),
            Tone::Good,
        ),
        EventKind::Exploded { by, .. } => (
            format!("{} shot bursts in a blast!", possessive(&n(by))),
            Tone::Important,
        ),
        EventKind::Miss { attacker, target } => {
            let verb = if mine(&attacker) { "miss" } else { "misses" };
            (
                format!("{} {verb} {}.", capitalised(&n(attacker)), n(target)),
                Tone::Normal,
            )
        }
        EventKind::StatusApplied { target, status } => {
            let be = if mine(&target) { "are" } else { "is" };
            let tone = match (mine(&target), status) {
                (true, s) if s.beneficial() => Tone::Good,
                (true, _) => Tone::Bad,
                _ => Tone::Normal,
            };
            (
                format!(
                    "{} {be} {}!",
                    capitalised(&n(target)),
                    status_adjective(status)
                ),
                tone,
            )
        }
        EventKind::Hazard {
            target,
            hazard,
            damage,
        } if mine(&target) => (hazard_sentence(hazard, damage), Tone::Bad),
        EventKind::Hazard { target, hazard, .. } => (
            format!(
                "{} is caught by {}.",
                capitalised(&n(target)),
                hazard.name()
            ),
            Tone::Normal,
        ),
        EventKind::FoundSecretDoor { .. } => ("You find a secret door!".to_owned(), Tone::Good),
        EventKind::StatusEnded { target, status } => {
            let be = if mine(&target) { "are" } else { "is" };
            (
                format!(
                    "{} {be} no longer {}.",
                    capitalised(&n(target)),
                    status_adjective(status)
                ),
                Tone::Normal,
            )
        }
        EventKind::StatusPulse {
            target,
            status,
            amount,
        } => match status {
            StatusKind::Burning | StatusKind::Poisoned if mine(&target) => {
                let what = if status == StatusKind::Burning {
                    "The flames burn"
                } else {
                    "The poison hurts"
                };
                (format!("{what} you for {amount}."), Tone::Bad)
            }
            _ => return None,
        },
        EventKind::Died { who, killer } => match (who, killer) {
            (w, _) if mine(&w) => {
                let by = killer.map(|k| format!(" by {}", n(k))).unwrap_or_default();
                (format!("You die, slain{by}..."), Tone::Important)
            }
            (w, Some(k)) if mine(&k) => (format!("You kill {}!", n(w)), Tone::Good),
            (w, _) => (format!("{} dies.", capitalised(&n(w))), Tone::Normal),
        },
        EventKind::GainedXp { .. } => return None,
        EventKind::LevelUp { level, .. } => (
            format!("Welcome to level {level}! You feel stronger."),
            Tone::Important,
        ),
        EventKind::PickedUp {
            item,
            count,
            quality,
            ..
        } => (
            format!(
                "You pick up {}.",
                quality_phrase(content, item, count, &quality)
            ),
            Tone::Good,
        ),
        EventKind::PickedUpGold { amount, .. } => {
            (format!("You pick up {amount} gold."), Tone::Good)
        }
        EventKind::Drank { item, .. } => (
            format!("You drink the {}.", content.item(item).name),
            Tone::Normal,
        ),
        EventKind::Healed { who, amount } if mine(&who) => {
            (format!("You feel better (+{amount})."), Tone::Good)
        }
        EventKind::Healed { who, amount } => (
            format!("{} looks better (+{amount}).", capitalised(&n(who))),
            Tone::Normal,
        ),
        EventKind::Cured { .. } => ("You feel cleansed.".to_owned(), Tone::Good),
        EventKind::Equipped { item, quality, .. } => {
            let verb = match content.item(item).kind {
                crate::schema::items::ItemKind::Weapon(_) => "wield",
                _ => "put on",
            };
            (
                format!("You {verb} the {}.", item_name(content, item, &quality)),
                Tone::Good,
            )
        }
        EventKind::Unequipped { item, quality, .. } => (
            format!("You put away the {}.", item_name(content, item, &quality)),
            Tone::Normal,
        ),
        EventKind::Dropped {
            item,
            count,
            quality,
            ..
        } => (
            format!(
                "You drop {}.",
                quality_phrase(content, item, count, &quality)
            ),
            Tone::Normal,
        ),
        EventKind::DoorOpened { by } => {
            if mine(&by) {
                ("You open the door.".to_owned(), Tone::Normal)
            } else {
                (
                    format!("{} opens a door.", capitalised(&n(by))),
                    Tone::Normal,
                )
            }
        }
        EventKind::ChangedLevel { depth, down, .. } => {
            let verb = if down { "descend" } else { "climb" };
            (format!("You {verb} to depth {depth}."), Tone::Important)
        }
        EventKind::Noticed { monster, .. } => (
            format!("The {} notices you!", content.monster(monster).name),
            Tone::Bad,
        ),
        EventKind::Fled { monster } => (
            format!("The {} turns to flee!", content.monster(monster).name),
            Tone::Normal,
        ),
        EventKind::PackFull { .. } => ("Your pack is full.".to_owned(), Tone::Bad),
        EventKind::NothingToPickUp { .. } => {
            ("There is nothing here to pick up.".to_owned(), Tone::Normal)
        }
        EventKind::NoStairsHere { down, .. } => {
            let way = if down { "down" } else { "up" };
            (format!("There are no stairs {way} here."), Tone::Normal)
        }
        EventKind::CannotLeave { .. } => (
            "You cannot leave until the dungeon is conquered.".to_owned(),
            Tone::Normal,
        ),
        EventKind::Victory { .. } => (
            "The dungeon's master is slain. You are victorious!".to_owned(),
            Tone::Important,
        ),
        EventKind::QuestSet { .. }
        | EventKind::QuestProgress { .. }
        | EventKind::QuestDone { .. }
        | EventKind::QuestFailed { .. }
        | EventKind::QuestReward { .. }
        | EventKind::SwappedPlaces { .. }
        | EventKind::Follows { .. } => return super::quests::describe(kind, me, sim),
        EventKind::ClassChosen { .. }
        | EventKind::SkillLearned { .. }
        | EventKind::Refused { .. }
        | EventKind::Traded { .. }
        | EventKind::ShopOpened { .. } => return super::character::describe(kind, me, sim),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_fit_pairs_plurals_and_vowels() {
        assert_eq!(article("iron helm of the salamander"), "an");
        assert_eq!(article("leather boots"), "a pair of");
        assert_eq!(article("canned beans"), "some");
        assert_eq!(article("roll of bandages"), "a");
        assert_eq!(article("Engineer"), "an");
        assert_eq!(article("glass"), "a");
    }

    #[test]
    fn plurals_follow_english_spelling_and_leave_plurals_alone() {
        for (one, many) in [
            ("goblin", "goblins"),
            ("potion of healing", "potions of healing"),
            ("dire wolf", "dire wolves"),
            ("buzz drone", "buzz drones"),
            ("stim injector", "stim injectors"),
            ("rag-and-bone man", "rag-and-bone men"),
            ("lost child", "lost children"),
            ("fly", "flies"),
            ("grey", "greys"),
            ("torch", "torches"),
            ("box", "boxes"),
            ("leather boots", "leather boots"),
            ("data coins", "data coins"),
        ] {
            assert_eq!(plural(one), many);
        }
    }

    #[test]
    fn repeated_messages_are_counted_not_repeated() {
        let mut log = MessageLog::default();
        log.push("The rat misses you.".into(), Tone::Normal, 1);
        log.push("The rat misses you.".into(), Tone::Normal, 5);
        log.push("You hit the rat for 2.".into(), Tone::Normal, 6);
        assert_eq!(log.lines().len(), 2);
        assert_eq!(log.lines()[0].repeats, 2);
        assert_eq!(log.lines()[0].tick, 5);
    }

    #[test]
    fn the_log_keeps_only_the_newest() {
        let mut log = MessageLog::default();
        for i in 0..LOG_CAPACITY + 10 {
            log.push(format!("m{i}"), Tone::Normal, i as u64);
        }
        assert_eq!(log.lines().len(), LOG_CAPACITY);
        assert_eq!(log.lines()[0].text, "m10");
    }
}

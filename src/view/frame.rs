//! The plain data of one frame. No ECS types and no terminal or window
//! types: front ends decide how each part looks.

use crate::schema::{ItemId, MonsterId, Rgb, StatusKind};
use crate::sim::algo::grid::Point;
use crate::sim::{PlayerId, Tile};

/// Everything a player sees at once.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Frame {
    pub map: MapView,
    pub hud: Hud,
    /// Recent messages, oldest first.
    pub log: Vec<LogLine>,
    /// A menu or dialog drawn over everything else.
    pub overlay: Option<Overlay>,
    /// The whole level as the hero knows it, for the map screen.
    pub level: LevelMap,
}

/// Every tile of the hero's level the hero has seen (`None`: never seen).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LevelMap {
    pub width: i32,
    pub height: i32,
    /// Row by row, `width` x `height`.
    pub tiles: Vec<Option<Tile>>,
    pub hero: Point,
}

/// The part of the level in view.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MapView {
    /// The level coordinate of the top-left cell.
    pub origin: Point,
    pub width: i32,
    pub height: i32,
    /// Row by row, `width` x `height`.
    pub cells: Vec<Cell>,
    /// Where the hero stands, in level coordinates.
    pub hero: Point,
    /// The world's genre colours for walls, floors and doors (front ends
    /// fall back to their own theme when `None`).
    pub palette: Option<crate::schema::genres::GenrePalette>,
}

impl MapView {
    /// The cell at viewport coordinates (x, y).
    pub fn cell(&self, x: i32, y: i32) -> Option<&Cell> {
        if x < 0 || y < 0 || x >= self.width || y >= self.height {
            return None;
        }
        self.cells.get((y * self.width + x) as usize)
    }
}

/// One map cell.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// The tile, if the hero has ever seen it.
    pub tile: Option<Tile>,
    /// In sight now (otherwise remembered or unknown).
    pub visible: bool,
    /// An item lying here: in sight, or remembered from when it was (drawn
    /// dim when the cell is not visible).
    pub item: Option<Glyph>,
    /// An actor standing here, if in sight.
    pub actor: Option<Glyph>,
}

/// What stands or lies in a cell: the schema's glyph and colour, and what it
/// is, so a graphical front end can pick a sprite instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Glyph {
    pub ch: char,
    pub color: Rgb,
    pub kind: GlyphKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GlyphKind {
    Hero(PlayerId),
    Monster {
        id: MonsterId,
        boss: bool,
    },
    Item(ItemId),
    /// Something in flight (an arrow, a fireball).
    Projectile,
}

/// The side panel.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hud {
    pub name: String,
    pub seed: u64,
    /// The world's genre ("Horror", "Sci-fi + Horror 40%").
    pub genre: String,
    /// The flags that make this world again: "--seed 4 --genre fantasy".
    pub replay: String,
    /// Whether the run is saved when the player quits (saves are on).
    pub saving: bool,
    pub tick: u64,
    pub depth: i32,
    pub max_depth: i32,
    pub hp: i32,
    pub max_hp: i32,
    pub level: i32,
    pub xp: i64,
    pub xp_level_start: i64,
    pub xp_next_level: i64,
    /// Damage range including the attack bonus.
    pub damage: (i32, i32),
    pub defense: i32,
    pub evasion: i32,
    /// The rest of the fighting stats gear changes: accuracy, critical
    /// chance in percent, speed (energy per tick), health per blow landed.
    pub accuracy: i32,
    pub crit: i32,
    pub speed: i32,
    pub life_on_hit: i32,
    pub gold: i64,
    pub weapon: Option<String>,
    /// The body armour (or first piece) worn, and how many more.
    pub armor: Option<String>,
    /// Every piece of armour worn: slot label and item name.
    pub worn: Vec<(String, String)>,
    /// The range of the wielded weapon's shots, if it shoots.
    pub shot_range: Option<i32>,
    pub statuses: Vec<StatusKind>,
    pub kills: u32,
    pub deepest: i32,
    pub dead: bool,
    pub won: bool,
    /// Who dealt the fatal blow ("the red dragon"), once dead.
    pub slain_by: Option<String>,
    /// What lies under the hero.
    pub underfoot: Vec<String>,
    /// The stairs the hero stands on, if any.
    pub on_stairs: Option<Tile>,
    /// Monsters in sight, nearest first.
    pub nearby: Vec<Nearby>,
    pub pack: Vec<PackLine>,
    pub pack_capacity: usize,
    /// Whether the world waits for the player (set by the front end).
    pub turn_based: bool,
    /// The quest log: this level's quests first.
    pub quests: Vec<QuestLine>,
    /// The class taken, if any.
    pub class: Option<String>,
    pub skill_points: i32,
    /// The world's skill tree, node by node (`Action::Learn` counts them).
    pub skills: Vec<SkillLine>,
    /// The classes on offer while the hero is fresh and has none (empty
    /// otherwise; `Action::ChooseClass` counts them).
    pub classes: Vec<ClassLine>,
    /// The merchant next to the hero, if any.
    pub shop: Option<ShopView>,
    /// Mana and spells.
    pub magic: super::spells::MagicHud,
    /// The station at hand and the recipes known.
    pub crafting: super::crafting::CraftingHud,
}

/// A merchant's offer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShopView {
    pub merchant: String,
    /// What they sell, in the order `Action::Buy` counts.
    pub wares: Vec<Ware>,
    /// What they pay for one of each pack slot's items (by slot).
    pub offers: Vec<Option<i64>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ware {
    pub name: String,
    pub count: u16,
    pub price: i64,
}

/// A class on offer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClassLine {
    pub name: String,
    pub text: String,
    /// The archetype whose skills cost it one point.
    pub archetype: String,
    /// What it adds: "+15 HP, +1 attack, +1 defence; short sword".
    pub bonus: String,
}

/// A node of the skill tree as the character screen lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkillLine {
    /// The archetype it belongs to.
    pub branch: String,
    pub name: String,
    pub tier: u8,
    /// "+12 max HP".
    pub effect: String,
    /// Points it costs this hero.
    pub cost: i32,
    pub learned: bool,
    /// The prerequisite still to learn, if any.
    pub requires: Option<String>,
    /// Whether the hero has the points for it.
    pub affordable: bool,
}

/// A quest as the panel and the quest log show it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestLine {
    pub title: String,
    /// What was said when it was set.
    pub text: String,
    /// "3/5", "40% of 70%", "to find", "following", "done", "failed".
    pub progress: String,
    /// The level that set it.
    pub depth: i32,
    pub active: bool,
    /// "40 xp, 12 gold, a stim injector".
    pub reward: String,
}

/// A monster in sight, for the side panel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nearby {
    pub name: String,
    pub glyph: char,
    pub color: Rgb,
    pub hp_percent: i32,
    pub boss: bool,
    /// Someone to talk to, not to fight.
    pub peaceful: bool,
    pub fleeing: bool,
    pub distance: i32,
    /// Where it stands relative to the hero (x, y), for aiming.
    pub offset: (i32, i32),
}

/// One pack slot.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PackLine {
    pub letter: char,
    pub name: String,
    pub glyph: char,
    pub color: Rgb,
    /// The verb for using it ("drink", "wield", "wear").
    pub usable: &'static str,
    /// Its numbers in a few words ("heals 25", "dmg 3-7 +1, normal physical").
    pub detail: String,
    /// Hit points it restores when drunk (0 for anything else).
    pub heals: i32,
    /// Its rarity tier and the colour the tier is shown in.
    pub rarity: crate::schema::Rarity,
    pub rarity_color: Rgb,
    /// What each of its affixes does ("+6 accuracy").
    pub affixes: Vec<String>,
}

/// How a message should stand out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tone {
    #[default]
    Normal,
    /// Good news for the player.
    Good,
    /// Harm to the player.
    Bad,
    /// Milestones: level-ups, new depths, victory, death.
    Important,
}

/// A message in the log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LogLine {
    pub text: String,
    pub tone: Tone,
    /// The tick it was (last) said.
    pub tick: u64,
    /// How many times in a row it was said.
    pub repeats: u32,
}

/// A menu or dialog: a title, lines, and a footer naming the keys.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Overlay {
    pub title: String,
    pub lines: Vec<OverlayLine>,
    pub footer: String,
    /// When the lines do not all fit, show the last ones (a history)
    /// rather than the first.
    pub tail: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OverlayLine {
    pub text: String,
    pub tone: Tone,
    /// A colour of its own (a rare item's), instead of the tone's.
    pub color: Option<Rgb>,
}

impl OverlayLine {
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            tone: Tone::Normal,
            color: None,
        }
    }

    /// A line in a colour of its own.
    pub fn colored(text: impl Into<String>, color: Rgb) -> Self {
        Self {
            text: text.into(),
            tone: Tone::Normal,
            color: Some(color),
        }
    }

    pub fn toned(text: impl Into<String>, tone: Tone) -> Self {
        Self {
            text: text.into(),
            tone,
            color: None,
        }
    }
}

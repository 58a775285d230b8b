//! Merchants: some levels have someone who trades (a monster with
//! `trades: true` of the world's genre) waiting in a room, with a stock of
//! the genre's items for a level or two deeper.

use crate::schema::items::ItemKind;
use crate::schema::{Content, ItemId, Rarity};
use crate::sim::algo::grid::{Grid, Point};
use crate::sim::level::{Room, RoomRole};
use crate::sim::tile::Tile;

use super::level::{MonsterPlacement, free_near};
use super::seed::Stream;

/// A merchant to place, and what they sell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MerchantPlan {
    pub who: MonsterPlacement,
    pub stock: Vec<(ItemId, u16)>,
}

/// The level's merchant, if it has one.
pub fn plan(
    content: &Content,
    depth: i32,
    tiles: &Grid<Tile>,
    rooms: &[Room],
    taken: &mut Vec<Point>,
    rng: &mut Stream,
) -> Option<MerchantPlan> {
    let extras = content.rules.extras;
    if depth <= 1 || !rng.percent(extras.merchant_percent) {
        return None;
    }
    let kind = content
        .monster_ids()
        .find(|&m| content.monster(m).trades && content.monster_share(m) > 0)?;
    let plain: Vec<&Room> = rooms.iter().filter(|r| r.role == RoomRole::Plain).collect();
    let room = rng.pick(&plain).copied()?;
    let at = free_near(tiles, room.rect.center(), taken)?;
    taken.push(at);
    let wares: Vec<ItemId> = content
        .item_ids()
        .filter(|&i| {
            let it = content.item(i);
            content.item_share(i) > 0
                && it.weight > 0
                && !matches!(it.kind, ItemKind::Gold(_))
                && it.depth.min() <= depth + 1
                && it.depth.max() >= depth
        })
        .collect();
    let wanted = extras.merchant_stock as usize;
    let mut stock: Vec<(ItemId, u16)> = Vec::with_capacity(wanted);
    for _ in 0..wanted {
        let weights = wares.iter().map(|&i| content.item(i).weight);
        let Some(&item) = rng.weighted(weights).and_then(|k| wares.get(k)) else {
            break;
        };
        match stock.iter_mut().find(|(i, _)| *i == item) {
            Some((_, n)) => *n += 1,
            None => stock.push((item, 1)),
        }
    }
    Some(MerchantPlan {
        who: MonsterPlacement {
            kind,
            boss: false,
            rarity: Rarity::Common,
            name_seed: 0,
            at,
        },
        stock,
    })
}

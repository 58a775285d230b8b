//! Procedural generation: pure functions from (seed, schemas, depth) to data.
//! Nothing here touches the ECS world; `sim::apply` turns what is generated
//! into entities.
//!
//! `seed.rs` names every random stream; `terrain/` holds one file per layout
//! generator; `level.rs` turns a layout into a level with room roles, stairs,
//! a boss, monsters and items. To add a generator: add a file under
//! `terrain/`, a variant to `schema::levels::Generator`, and a match arm in
//! `level::layout`.

pub mod features;
pub mod level;
pub mod loot;
pub mod merchants;
pub mod names;
pub mod quests;
pub mod seed;
pub mod skills;
pub mod stations;
pub mod terrain;

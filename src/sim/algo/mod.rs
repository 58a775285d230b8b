//! Algorithms that know nothing about the game: grids, field of view and
//! distance maps. Nothing here imports from the rest of the crate; game types
//! meet these through small traits (`fov::Opacity`) and closures.

pub mod dijkstra;
pub mod fov;
pub mod grid;

//! Venture: a procedural action roguelike. Every map, monster and item comes
//! from a seed and the RON schemas in `data-schemas/`.
//!
//! Module map:
//! - [`sim`]: the deterministic simulation (specs ECS): components, systems,
//!   the fixed-step `Simulation`, its state hash and plain-data queries.
//! - [`procgen`]: seeds and random streams, terrain generators, whole levels.
//! - [`schema`]: the RON schema types, loading, validation and diagnostics.
//! - [`view`]: what one player sees in a frame (map, HUD, log), shared by
//!   every front end and checked by tests.
//! - [`bot`]: computer players that act through the same `Action`s as people.
//! - [`modes`]: the ways in: terminal play, headless runs and seed sweeps.
//! - [`replay`]: recording runs and playing them back hash for hash.
//! - [`save`]: save files, atomic writes, slots; [`settings`]: the player's
//!   kept choices (volumes, display).
//!
//! A tick: front end or bot -> `Action` -> `Simulation::step` -> systems ->
//! `sim::apply` -> events -> `view::Observer` (log) -> `view::Frame` -> screen.
#![cfg_attr(not(test), deny(clippy::unwrap_used))]
#![deny(unsafe_code)]

pub mod bench;
pub mod bot;
pub mod modes;
pub mod procgen;
pub mod replay;
pub mod save;
pub mod schema;
pub mod settings;
pub mod sim;
pub mod view;

//! The ways into the game. `headless.rs` runs bots with no screen
//! (`run_record.rs` keeps its per-level hashes and action tallies);
//! `sweep/` runs many seeds of them in parallel, checking invariants;
//! `replay.rs` plays recordings back; `terminal/` plays in any terminal;
//! `screens/` and `input.rs` are shared by
//! the interactive front ends, with `hot_reload.rs` (F6); `app.rs` ties a simulation, a player's view
//! and the screen stack together for them.

pub mod app;
pub mod autopilot;
pub mod catalog;
pub mod headless;
pub mod hot_reload;
pub mod input;
pub mod replay;
pub mod run_record;
pub mod screens;
pub mod sweep;
pub mod terminal;

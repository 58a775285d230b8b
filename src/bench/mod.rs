//! Measuring tools shared by `benches/`, the allocation tests and (later)
//! `venture bench`: a counting allocator and the stress world.

pub mod alloc;
pub mod percentiles;
pub mod stress;

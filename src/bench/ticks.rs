//! Timing and counting ticks of a simulation: warm-up first (monsters find
//! the hero, buffers grow to their working size, pools fill), then every
//! measured tick timed on its own and its heap allocations counted exactly.
//! A bot plays the hero, as in `tests/alloc.rs`, so ticks hold the hero's
//! fights, kills, loot and spells too; its decisions fall outside the
//! timing and the count, which cover `Simulation::step` alone (the
//! histogram is sized up front and the counters are atomics).

use std::time::Instant;

use serde::Serialize;

use crate::bot::Bot;
use crate::sim::{PlayerId, PlayerInput, Simulation};

use super::alloc;
use super::machine::{self, CpuTime};
use super::percentiles::{Histogram, TimeSummary};

/// Heap allocations in the measured ticks, counted by the counting
/// allocator (reallocations count as allocations).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct AllocFigures {
    /// Allocations per measured tick (the figure that should be 0).
    pub per_tick: f64,
    /// Allocations over every measured tick.
    pub total: u64,
    /// Bytes those allocations asked for.
    pub bytes: u64,
    /// Measured ticks that allocated at all.
    pub ticks_that_allocated: u64,
    /// The most allocations in one tick.
    pub most_in_one_tick: u64,
    /// Allocations during the warm-up ticks, for comparison.
    pub during_warmup: u64,
}

/// What the measured ticks did and cost.
#[derive(Clone, Debug, PartialEq)]
pub struct TickFigures {
    /// Ticks run before measuring, and ticks measured.
    pub warmup_ticks: u64,
    pub ticks: u64,
    /// Time in the measured ticks' `Simulation::step` calls, summed.
    pub elapsed_s: f64,
    /// Each measured tick's time.
    pub times: TimeSummary,
    /// `None` when the binary does not count allocations.
    pub allocations: Option<AllocFigures>,
    /// Events per measured tick: proof the world was busy, not idle.
    pub events_per_tick: f64,
    /// The thread's time on and waiting for a CPU over the measured ticks
    /// (the bot's decisions included); `None` where the system does not say.
    pub cpu: Option<CpuTime>,
}

/// Steps `sim` with `bot` playing `player`, `warmup` times, then `ticks`
/// times measured.
pub fn measure(
    sim: &mut Simulation,
    player: PlayerId,
    bot: &mut dyn Bot,
    warmup: u64,
    ticks: u64,
) -> TickFigures {
    let counting = alloc::installed();
    let mut inputs = Vec::with_capacity(1);
    let mut decide = |sim: &Simulation, inputs: &mut Vec<PlayerInput>| {
        inputs.clear();
        inputs.extend(
            bot.decide(sim, player)
                .map(|action| PlayerInput { player, action }),
        );
    };
    let mut during_warmup = 0;
    for _ in 0..warmup {
        decide(sim, &mut inputs);
        let before = alloc::stats().allocations;
        sim.step(&inputs);
        during_warmup += alloc::stats().allocations - before;
    }
    let mut times = Histogram::default();
    let mut figures = AllocFigures {
        during_warmup,
        ..AllocFigures::default()
    };
    let mut events = 0u64;
    let mut elapsed = std::time::Duration::ZERO;
    let cpu_start = machine::sample();
    for _ in 0..ticks {
        decide(sim, &mut inputs);
        let before = alloc::stats();
        let tick_start = Instant::now();
        let n = sim.step(&inputs).len();
        let took = tick_start.elapsed();
        let after = alloc::stats();
        times.record(took);
        elapsed += took;
        events += n as u64;
        let allocated = after.allocations - before.allocations;
        figures.total += allocated;
        figures.bytes += after.bytes - before.bytes;
        figures.most_in_one_tick = figures.most_in_one_tick.max(allocated);
        figures.ticks_that_allocated += u64::from(allocated > 0);
    }
    let cpu = cpu_start
        .zip(machine::sample())
        .map(|(a, b)| machine::between(a, b));
    let per = |n: u64| {
        if ticks == 0 {
            0.0
        } else {
            n as f64 / ticks as f64
        }
    };
    figures.per_tick = per(figures.total);
    TickFigures {
        warmup_ticks: warmup,
        ticks,
        elapsed_s: elapsed.as_secs_f64(),
        times: times.summary(),
        allocations: counting.then_some(figures),
        events_per_tick: per(events),
        cpu,
    }
}

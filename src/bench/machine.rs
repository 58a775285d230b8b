//! How much the machine let the bench run. On a shared machine other
//! processes take the CPU now and then, and a tick that is preempted looks
//! slow (by a scheduler slice, about 4 ms) though the game did nothing
//! wrong. The kernel counts, per thread, the time spent running and the
//! time spent ready but waiting for a CPU (`/proc/thread-self/schedstat`);
//! their split over the measured ticks says whether the tick times can be
//! trusted, so runs can be compared fairly.

use serde::Serialize;

/// The measuring thread's time on and waiting for a CPU.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CpuTime {
    /// Running.
    pub on_cpu_ms: f64,
    /// Ready to run but waiting for a CPU: time other processes had it.
    pub waiting_ms: f64,
    /// `waiting_ms` as a share of both: near 0 on a quiet machine.
    pub waiting_share: f64,
}

/// The kernel's counters for this thread at one moment, in nanoseconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sample {
    on_cpu_ns: u64,
    waiting_ns: u64,
}

/// The counters now, where the system keeps them (Linux); `None` elsewhere.
pub fn sample() -> Option<Sample> {
    parse(&std::fs::read_to_string("/proc/thread-self/schedstat").ok()?)
}

/// The time between two samples of the same thread.
pub fn between(start: Sample, end: Sample) -> CpuTime {
    let ms = |ns: u64| ns as f64 / 1e6;
    let on = end.on_cpu_ns.saturating_sub(start.on_cpu_ns);
    let waiting = end.waiting_ns.saturating_sub(start.waiting_ns);
    let total = on + waiting;
    CpuTime {
        on_cpu_ms: ms(on),
        waiting_ms: ms(waiting),
        waiting_share: if total == 0 {
            0.0
        } else {
            waiting as f64 / total as f64
        },
    }
}

/// `schedstat` holds "running waiting timeslices", in nanoseconds.
fn parse(schedstat: &str) -> Option<Sample> {
    let mut fields = schedstat.split_whitespace().map(str::parse::<u64>);
    Some(Sample {
        on_cpu_ns: fields.next()?.ok()?,
        waiting_ns: fields.next()?.ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_schedstat_and_splits_the_time_between() {
        let a = parse("1000000 500000 3\n").expect("parses");
        let b = parse("4000000 1500000 9\n").expect("parses");
        let t = between(a, b);
        assert_eq!((t.on_cpu_ms, t.waiting_ms), (3.0, 1.0));
        assert!((t.waiting_share - 0.25).abs() < 1e-12);
        assert_eq!(parse("garbage"), None);
    }
}

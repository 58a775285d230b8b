//! Tick-time percentiles from a fixed-size histogram. Frame pacing is told by
//! the slow ticks (p99, p99.9, max) more than by the mean, and a run may last
//! millions of ticks: a histogram keeps every tick at a constant memory cost,
//! allocated once up front, so recording a time never allocates (it sits
//! inside loops whose allocations are being counted).
//!
//! Buckets are log-linear, as in HdrHistogram: below 128 ns one bucket per
//! nanosecond, above it 128 buckets per power of two, so a percentile is
//! within 1/128 (0.8%) of the true value. Mean and max are exact.

use serde::Serialize;

/// Sub-buckets per power of two (and the exact range below it).
const SUB: u64 = 128;
/// log2 of [`SUB`].
const SUB_BITS: u32 = 7;
/// Enough buckets for any `u64` nanosecond count.
const BUCKETS: usize = (SUB as usize) * (64 - SUB_BITS as usize + 1);

/// Durations recorded one by one, in nanoseconds.
#[derive(Clone, Debug)]
pub struct Histogram {
    counts: Box<[u64]>,
    samples: u64,
    total_ns: u128,
    max_ns: u64,
}

impl Default for Histogram {
    fn default() -> Self {
        Self {
            counts: vec![0; BUCKETS].into_boxed_slice(),
            samples: 0,
            total_ns: 0,
            max_ns: 0,
        }
    }
}

/// The bucket a duration falls in.
fn bucket(ns: u64) -> usize {
    if ns < SUB {
        return ns as usize;
    }
    let exp = 63 - ns.leading_zeros();
    let shift = exp - SUB_BITS;
    let mantissa = (ns >> shift) - SUB;
    (SUB as usize) * (shift as usize + 1) + mantissa as usize
}

/// The middle of a bucket, in nanoseconds.
fn bucket_middle(index: usize) -> u64 {
    let sub = SUB as usize;
    if index < sub {
        return index as u64;
    }
    let shift = (index / sub - 1) as u32;
    let low = (SUB + (index % sub) as u64) << shift;
    low + ((1u64 << shift) >> 1)
}

impl Histogram {
    /// Records one duration. Never allocates.
    pub fn record(&mut self, d: std::time::Duration) {
        let ns = u64::try_from(d.as_nanos()).unwrap_or(u64::MAX);
        if let Some(c) = self.counts.get_mut(bucket(ns)) {
            *c += 1;
        }
        self.samples += 1;
        self.total_ns += u128::from(ns);
        self.max_ns = self.max_ns.max(ns);
    }

    /// How many durations were recorded.
    pub fn samples(&self) -> u64 {
        self.samples
    }

    /// The sum of every duration recorded.
    pub fn total(&self) -> std::time::Duration {
        std::time::Duration::from_nanos(u64::try_from(self.total_ns).unwrap_or(u64::MAX))
    }

    /// The duration that `q` (0 to 1) of the samples do not exceed, to the
    /// bucket's precision and never above the true maximum; 0 when empty.
    pub fn quantile_ns(&self, q: f64) -> u64 {
        if self.samples == 0 {
            return 0;
        }
        // The rank of the sample wanted, 1-based: the nearest-rank method.
        let rank = ((q.clamp(0.0, 1.0) * self.samples as f64).ceil() as u64).clamp(1, self.samples);
        let mut seen = 0;
        for (i, &c) in self.counts.iter().enumerate() {
            seen += c;
            if seen >= rank {
                return bucket_middle(i).min(self.max_ns);
            }
        }
        self.max_ns
    }

    /// Mean, percentiles and max in microseconds, ready to print.
    pub fn summary(&self) -> TimeSummary {
        let us = |ns: u64| ns as f64 / 1000.0;
        TimeSummary {
            samples: self.samples,
            mean: if self.samples == 0 {
                0.0
            } else {
                self.total_ns as f64 / self.samples as f64 / 1000.0
            },
            p50: us(self.quantile_ns(0.50)),
            p99: us(self.quantile_ns(0.99)),
            p99_9: us(self.quantile_ns(0.999)),
            max: us(self.max_ns),
        }
    }
}

/// Tick times in microseconds, as reports print them. Percentiles are
/// within 0.8% (see the module doc); mean and max are exact.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct TimeSummary {
    /// Ticks timed.
    pub samples: u64,
    /// The average: what throughput follows from.
    pub mean: f64,
    /// The typical tick.
    pub p50: f64,
    /// One tick in a hundred is slower: what a player notices as a hitch.
    pub p99: f64,
    /// One in a thousand: rare stalls.
    pub p99_9: f64,
    /// The single slowest tick.
    pub max: f64,
}

impl std::fmt::Display for TimeSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "mean {:.1} µs, p50 {:.1}, p99 {:.1}, p99.9 {:.1}, max {:.1}",
            self.mean, self.p50, self.p99, self.p99_9, self.max
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn buckets_cover_every_u64_in_order() {
        let mut last = 0;
        for ns in (0..4096).chain([u64::MAX / 3, u64::MAX - 1, u64::MAX]) {
            let b = bucket(ns);
            assert!(b < BUCKETS, "{ns} -> {b}");
            assert!(b >= last, "buckets go down at {ns}");
            last = b;
        }
    }

    #[test]
    fn a_bucket_middle_is_within_a_128th_of_what_fell_in_it() {
        for ns in [1, 127, 128, 129, 1000, 123_456, 9_876_543_210] {
            let mid = bucket_middle(bucket(ns));
            let err = mid.abs_diff(ns) as f64 / ns as f64;
            assert!(err <= 1.0 / 128.0, "{ns} reads back as {mid}");
        }
    }

    #[test]
    fn percentiles_mean_and_max_of_a_known_spread() {
        let mut h = Histogram::default();
        // 1..=1000 µs, once each.
        for us in 1..=1000 {
            h.record(Duration::from_micros(us));
        }
        let s = h.summary();
        assert_eq!(s.samples, 1000);
        assert!((s.mean - 500.5).abs() < 1e-9);
        assert_eq!(s.max, 1000.0);
        for (got, want) in [(s.p50, 500.0), (s.p99, 990.0), (s.p99_9, 999.0)] {
            assert!((got - want).abs() / want <= 1.0 / 128.0, "{got} vs {want}");
        }
    }

    #[test]
    fn an_empty_histogram_reads_zero() {
        assert_eq!(Histogram::default().summary(), TimeSummary::default());
    }
}

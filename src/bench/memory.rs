//! Peak memory as the kernel counts it: `VmHWM` in `/proc/self/status`, the
//! most resident memory the process has held. It complements the counting
//! allocator's live-heap high-water mark (`alloc.rs`): the kernel's figure
//! includes code, stacks and allocator slack; the allocator's is the heap
//! the game asked for, and exists on every system.

/// The process's peak resident set in KiB, where the system reports it
/// (Linux); `None` elsewhere.
pub fn peak_resident_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    parse_vm_hwm(&status)
}

/// The `VmHWM:` line's figure in KiB.
fn parse_vm_hwm(status: &str) -> Option<u64> {
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.trim_start_matches("VmHWM:")
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_high_water_mark_line() {
        let status =
            "Name:\tventure\nVmPeak:\t  300000 kB\nVmHWM:\t   51234 kB\nVmRSS:\t 40000 kB\n";
        assert_eq!(parse_vm_hwm(status), Some(51234));
        assert_eq!(parse_vm_hwm("Name:\tventure\n"), None);
    }
}

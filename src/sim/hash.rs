//! A stable 64-bit hasher for state hashes, schema hashes and checksums.
//!
//! std's `DefaultHasher` may change between Rust releases; this one is fixed
//! forever, so a hash printed today still matches a replay made next year.

use crate::procgen::seed::mix64;

/// Feeds words through the SplitMix64 finaliser.
#[derive(Clone, Debug)]
pub struct StateHasher {
    h: u64,
}

impl Default for StateHasher {
    fn default() -> Self {
        Self::new()
    }
}

impl StateHasher {
    pub fn new() -> Self {
        Self {
            h: 0x243f_6a88_85a3_08d3,
        }
    }

    pub fn write_u64(&mut self, x: u64) {
        self.h = mix64(self.h.rotate_left(5) ^ x);
    }

    pub fn write_i64(&mut self, x: i64) {
        self.write_u64(x as u64);
    }

    pub fn write_i32(&mut self, x: i32) {
        self.write_u64(u64::from(x as u32));
    }

    pub fn write_bytes(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(c);
            self.write_u64(u64::from_le_bytes(word));
        }
        let mut tail = [0u8; 8];
        tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.write_u64(u64::from_le_bytes(tail) ^ (bytes.len() as u64) << 56);
    }

    pub fn write_str(&mut self, s: &str) {
        self.write_bytes(s.as_bytes());
    }

    pub fn finish(&self) -> u64 {
        mix64(self.h)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_input_equal_hash_and_order_matters() {
        let h = |xs: &[u64]| {
            let mut s = StateHasher::new();
            xs.iter().for_each(|&x| s.write_u64(x));
            s.finish()
        };
        assert_eq!(h(&[1, 2, 3]), h(&[1, 2, 3]));
        assert_ne!(h(&[1, 2, 3]), h(&[3, 2, 1]));
    }

    #[test]
    fn strings_of_different_length_differ() {
        let h = |s: &str| {
            let mut x = StateHasher::new();
            x.write_str(s);
            x.finish()
        };
        assert_ne!(h("ab"), h("ab\0"));
        assert_ne!(h(""), h("\0"));
    }
}

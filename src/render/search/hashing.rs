//! Hashing: a fast multiplicative hash (as rustc's FxHash) for the map of
//! words, finished with MurmurHash3's mixer for names of files.

use std::hash::Hasher;

pub(super) const SEED: u64 = 0x517c_c1b7_2722_0a95;

/// Eight bytes at a time; deterministic on every platform.
#[derive(Clone, Copy, Default)]
pub(super) struct Fx(u64);

impl Fx {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    fn finish(&self) -> u64 {
        // The product's high bits depend on every input bit; bring them down
        // to the low bits that pick a bucket.
        self.0 ^ (self.0 >> 32)
    }
}

/// A 64-bit digest of `parts` (lengths included), for names of files.
pub(super) fn digest<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> u64 {
    let mut h = Fx::default();
    for p in parts {
        h.write(p);
        h.add(p.len() as u64);
    }
    let mut x = h.0;
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// 12 hexadecimal digits (48 bits) of a digest.
pub(super) fn hex(h: u64) -> String {
    format!("{:012x}", h >> 16)
}

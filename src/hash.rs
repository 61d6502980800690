//! One stable hash for what loa keeps between builds: cache keys, the
//! writer's record, manifests, the search index's version. 128-bit SipHash
//! (SipHash-1-3, keys zero), fed by `Hash` with `usize` as `u64`: the hash
//! Typst computes (`typst::utils::hash128`), so the keys loa wrote before
//! it hashed on its own are still found. Stable for one version of loa on
//! one platform, which is all a cache needs: a key that changes only costs
//! a rebuild.

use std::hash::{Hash, Hasher};

use siphasher::sip128::{Hasher128, SipHasher13};

/// `value`'s 128-bit hash.
pub fn hash128<T: Hash + ?Sized>(value: &T) -> u128 {
    /// SipHash-1-3 with `usize` written as `u64`, as on a 64-bit machine.
    struct Stable(SipHasher13);
    impl Hasher for Stable {
        fn finish(&self) -> u64 {
            self.0.finish()
        }
        fn write(&mut self, bytes: &[u8]) {
            self.0.write(bytes);
        }
        fn write_usize(&mut self, i: usize) {
            self.0.write_u64(i as u64);
        }
    }
    let mut state = Stable(SipHasher13::new());
    value.hash(&mut state);
    state.0.finish128().as_u128()
}

/// `value`'s hash as 32 hexadecimal digits.
pub fn hex<T: Hash + ?Sized>(value: &T) -> String {
    format!("{:032x}", hash128(value))
}

#[cfg(all(test, feature = "typeset"))]
mod tests {
    use super::*;

    /// Keys written by earlier versions of loa (with Typst's function) are
    /// the keys this one writes: the same value, the same 128 bits.
    #[test]
    fn the_hash_is_typsts() {
        fn same<T: Hash + ?Sized>(value: &T) {
            assert_eq!(hash128(value), typst::utils::hash128(value));
        }
        same("leaflet");
        same(&(1usize, "a", [7u8; 40].as_slice()));
        same(&Vec::<String>::new());
        same(&(Some(3u64), -2i32, 'ệ'));
    }
}

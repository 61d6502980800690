//! One stable hash for what loa keeps between builds: cache keys, the
//! writer's record, manifests. 128-bit SipHash as Typst computes it
//! (`typst::utils::hash128`), written as 32 hexadecimal digits. Stable for
//! one version of loa on one platform, which is all a cache needs: a key
//! that changes only costs a rebuild.

use std::hash::Hash;

/// `value`'s hash as 32 hexadecimal digits.
pub fn hex<T: Hash + ?Sized>(value: &T) -> String {
    format!("{:032x}", typst::utils::hash128(value))
}

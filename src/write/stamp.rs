//! The stamp of loa's state: which loa wrote an output and its working
//! folder's `cache/`, so that a build reuses work from them (leaflets,
//! pictures, share cards, bundles, the search index) only when it is its
//! own loa's.
//!
//! A state may come from elsewhere: a CI cache restores yesterday's output
//! and `.dist.loa/cache/`, written perhaps by another loa, on another
//! machine, or damaged. Each reused file is verified against the hash its
//! manifest lists; the stamp says what a hash cannot: that the loa which
//! made the file makes it the same way (another loa may encode a picture
//! with another libwebp, under the same key). A state without the stamp,
//! with another, or with an unreadable one is not reused: the build still
//! compares its files with the output (an unchanged file is not written
//! again) but makes everything anew, as a cold build does, and stamps the
//! state when its output is in place.

use std::fs;
use std::path::Path;

use super::files::tmp_name;

/// The stamp's file, in the working folder's `cache/`.
pub const FILE: &str = "state.json";

/// Bumped whenever what the state holds changes meaning.
const FORMAT: u32 = 1;

/// The stamp this loa writes: its version, the state's format, and the
/// platform it runs on (an encoder may take other paths on another CPU).
fn this_loa() -> String {
    format!(
        "{{\"loa\":\"{}\",\"state\":{FORMAT},\"target\":\"{}-{}\"}}\n",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::ARCH,
        std::env::consts::OS
    )
}

/// Whether the state whose `cache/` folder is `cache` was written by this
/// loa.
pub fn trusted(cache: &Path) -> bool {
    fs::read(cache.join(FILE)).is_ok_and(|b| b == this_loa().as_bytes())
}

/// Forgets a state that is not this loa's: removes `cache` (the stamp and
/// what renderers kept there). What cannot be removed stays unstamped, so
/// it is not reused either.
pub fn forget(cache: &Path) {
    let _ = fs::remove_file(cache.join(FILE));
    let _ = fs::remove_dir_all(cache);
}

/// Stamps the state as this loa's, once its output is in place. A failure
/// only costs the next build its reuse, so it is not an error.
pub fn save(cache: &Path) {
    if trusted(cache) {
        return;
    }
    let tmp = cache.join(tmp_name());
    let written = fs::create_dir_all(cache).and_then(|()| fs::write(&tmp, this_loa())).and_then(|()| fs::rename(&tmp, cache.join(FILE)));
    if written.is_err() {
        let _ = fs::remove_file(&tmp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_loas_stamp_is_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let cache = dir.path().join("cache");
        assert!(!trusted(&cache), "no state");
        save(&cache);
        assert!(trusted(&cache));
        let text = fs::read_to_string(cache.join(FILE)).unwrap();
        assert!(text.contains(env!("CARGO_PKG_VERSION")), "{text}");
        fs::write(cache.join(FILE), text.replace(env!("CARGO_PKG_VERSION"), "0.0.1")).unwrap();
        assert!(!trusted(&cache), "another loa");
        fs::write(cache.join(FILE), &text[..text.len() / 2]).unwrap();
        assert!(!trusted(&cache), "cut short");
        fs::write(cache.join("search-vi.bin"), "kept by a renderer").unwrap();
        forget(&cache);
        assert!(!cache.exists(), "forgotten whole");
    }
}

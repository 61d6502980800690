//! Files compared and exchanged: same bytes, same inode, same device; the
//! two trees swapped in one system call; temporary names; I/O errors located.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::Path;
use std::sync::atomic::{AtomicU64, Ordering};

use super::TMP_PREFIX;
use crate::diag::{display_path, Diagnostic};
use crate::i18n::Msg;
use crate::t;

pub(super) fn io_error(what: Msg, p: &Path, e: io::Error) -> Diagnostic {
    Diagnostic::error(display_path(p), None, t!("write-cannot", action = what, detail = &e)).with_hint(t!("write-cannot-hint"))
}

/// A unique name for a temporary file.
pub(super) fn tmp_name() -> String {
    static N: AtomicU64 = AtomicU64::new(0);
    format!("{TMP_PREFIX}{}-{}", std::process::id(), N.fetch_add(1, Ordering::Relaxed))
}

/// Whether the file at `p` holds exactly `bytes`.
pub(super) fn same_bytes(p: &Path, bytes: &[u8]) -> bool {
    match fs::metadata(p) {
        Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => fs::read(p).is_ok_and(|b| b == bytes),
        _ => false,
    }
}

/// Whether the file `b` holds the same bytes as the file `a` (read in
/// blocks; sizes first). An error is about reading `a`; a missing `b` is
/// simply not the same.
pub(super) fn same_contents(a: &Path, b: &Path) -> io::Result<bool> {
    let ma = fs::metadata(a)?;
    let Ok(mb) = fs::metadata(b) else { return Ok(false) };
    if !mb.is_file() || ma.len() != mb.len() {
        return Ok(false);
    }
    let mut fa = File::open(a)?;
    let Ok(mut fb) = File::open(b) else { return Ok(false) };
    let (mut ba, mut bb) = (vec![0u8; 64 << 10], vec![0u8; 64 << 10]);
    loop {
        let n = fa.read(&mut ba)?;
        if n == 0 {
            return Ok(true);
        }
        if fb.read_exact(&mut bb[..n]).is_err() {
            return Ok(false);
        }
        if ba[..n] != bb[..n] {
            return Ok(false);
        }
    }
}

#[cfg(unix)]
pub(super) fn same_inode(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
pub(super) fn same_inode(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

#[cfg(unix)]
pub(super) fn device(p: &Path) -> Option<u64> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(p).ok().map(|m| m.dev())
}

#[cfg(not(unix))]
pub(super) fn device(_: &Path) -> Option<u64> {
    None
}

/// Exchanges two paths atomically; `Ok(false)` when the platform or the
/// file system cannot.
#[cfg(target_os = "linux")]
pub(super) fn exchange(a: &Path, b: &Path) -> io::Result<bool> {
    use rustix::fs::{renameat_with, RenameFlags, CWD};
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(true),
        Err(rustix::io::Errno::INVAL | rustix::io::Errno::NOSYS | rustix::io::Errno::OPNOTSUPP) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

#[cfg(not(target_os = "linux"))]
pub(super) fn exchange(_: &Path, _: &Path) -> io::Result<bool> {
    Ok(false)
}

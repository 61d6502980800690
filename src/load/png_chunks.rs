//! A PNG reduced to the chunks that make its pixels, before it is decoded.
//!
//! The decoder unpacks an ICC profile (`iCCP`) when it reads the header, up
//! to its whole memory limit: a 1 MB file whose profile unpacks to 1 GiB
//! would cost the limit for a profile loa then throws away. Text chunks
//! (`tEXt`, `zTXt`, `iTXt`), EXIF (`eXIf`) and every other ancillary chunk
//! are metadata loa drops too, so none of them reaches the decoder: only
//! `IHDR`, `PLTE`, `tRNS` (transparency), `IDAT` and `IEND` are kept, byte
//! for byte (their checksums still hold). An animated PNG becomes its
//! default picture, which is what was published before.

use std::borrow::Cow;

/// The PNG signature.
const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// The chunks kept.
const KEPT: &[&[u8; 4]] = &[b"IHDR", b"PLTE", b"tRNS", b"IDAT", b"IEND"];

/// `bytes` (a PNG) with only the chunks that make its pixels, up to `IEND`.
/// A chunk that runs past the end of the file ends the copy there (the
/// decoder then says the file is cut short). Borrowed when nothing is dropped.
pub fn pixels_only(bytes: &[u8]) -> Cow<'_, [u8]> {
    if !bytes.starts_with(SIGNATURE) {
        return Cow::Borrowed(bytes);
    }
    let mut kept: Vec<(usize, usize)> = Vec::new();
    let mut at = SIGNATURE.len();
    let mut dropped = false;
    while let Some(head) = bytes.get(at..at + 8) {
        let len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let end = at.saturating_add(12).saturating_add(len);
        if end > bytes.len() {
            dropped = true;
            break;
        }
        let ty = &head[4..8];
        if KEPT.iter().any(|k| k.as_slice() == ty) {
            kept.push((at, end));
        } else {
            dropped = true;
        }
        at = end;
        if ty == b"IEND" {
            break;
        }
    }
    if !dropped && at == bytes.len() {
        return Cow::Borrowed(bytes);
    }
    let mut out = Vec::with_capacity(kept.iter().map(|(a, b)| b - a).sum::<usize>() + SIGNATURE.len());
    out.extend_from_slice(SIGNATURE);
    for (a, b) in kept {
        out.extend_from_slice(&bytes[a..b]);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunk(ty: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut c = (data.len() as u32).to_be_bytes().to_vec();
        c.extend_from_slice(ty);
        c.extend_from_slice(data);
        c.extend_from_slice(&[0, 0, 0, 0]);
        c
    }

    #[test]
    fn only_pixel_chunks_are_kept() {
        let mut png = SIGNATURE.to_vec();
        for (ty, data) in [(b"IHDR", &b"0123456789abc"[..]), (b"iCCP", b"icc\0\0xx"), (b"tRNS", b"t"), (b"zTXt", b"k\0\0z"), (b"IDAT", b"pixels"), (b"IEND", b"")] {
            png.extend(chunk(ty, data));
        }
        png.extend_from_slice(b"trailing");
        let out = pixels_only(&png);
        let has = |n: &[u8]| out.windows(n.len()).any(|w| w == n);
        assert!(has(b"IHDR") && has(b"tRNS") && has(b"IDATpixels") && out.ends_with(b"IEND\0\0\0\0"));
        assert!(!has(b"iCCP") && !has(b"zTXt") && !has(b"trailing"));
    }

    #[test]
    fn a_clean_png_is_borrowed_and_a_cut_one_ends_early() {
        let mut png = SIGNATURE.to_vec();
        png.extend(chunk(b"IHDR", b"0123456789abc"));
        png.extend(chunk(b"IEND", b""));
        assert!(matches!(pixels_only(&png), Cow::Borrowed(_)));
        let mut cut = SIGNATURE.to_vec();
        cut.extend(chunk(b"IHDR", b"0123456789abc"));
        cut.extend_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF, b'I', b'D', b'A', b'T', 1, 2]);
        assert_eq!(pixels_only(&cut).len(), SIGNATURE.len() + 25);
    }
}

//! A PNG's text and metadata chunks removed, its image data untouched: what
//! a picture inside an office document keeps of itself. Chunks are kept from
//! an allow-list: the critical ones (`IHDR`, `PLTE`, `IDAT`, `IEND`, and any
//! other a decoder must understand) and those that change how the picture
//! looks (transparency, colour, gamma, pixel size, animation). Dropped: text
//! (`tEXt`, `zTXt`, `iTXt`: authors, software, comments, XMP), `eXIf`
//! (GPS), `tIME`, and every other ancillary chunk. Chunk CRCs are not
//! checked (the picture is copied, not decoded).

/// The PNG signature.
pub const SIGNATURE: &[u8; 8] = b"\x89PNG\r\n\x1a\n";

/// Ancillary chunks kept: they change how the picture looks.
const KEPT: &[&[u8; 4]] = &[b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"cICP", b"mDCV", b"cLLI", b"sBIT", b"bKGD", b"pHYs", b"acTL", b"fcTL", b"fdAT"];

/// Whether `bytes` start like a PNG.
pub fn is_png(bytes: &[u8]) -> bool {
    bytes.starts_with(SIGNATURE)
}

/// The PNG without its metadata chunks, or the byte offset where it cannot
/// be read. Whatever follows `IEND` is dropped.
pub fn strip(bytes: &[u8]) -> Result<Vec<u8>, usize> {
    if !is_png(bytes) {
        return Err(0);
    }
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(SIGNATURE);
    let mut i = SIGNATURE.len();
    while i < bytes.len() {
        let Some(head) = bytes.get(i..i + 8) else { return Err(i) };
        let len = u32::from_be_bytes([head[0], head[1], head[2], head[3]]) as usize;
        let kind: [u8; 4] = [head[4], head[5], head[6], head[7]];
        let end = i.checked_add(12).and_then(|e| e.checked_add(len)).filter(|&e| e <= bytes.len()).ok_or(i)?;
        let critical = kind[0].is_ascii_uppercase();
        if critical || KEPT.contains(&&kind) {
            out.extend_from_slice(&bytes[i..end]);
        }
        i = end;
        if &kind == b"IEND" {
            return Ok(out);
        }
    }
    Err(i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
        let mut v = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
        v.extend_from_slice(kind);
        v.extend_from_slice(data);
        v.extend_from_slice(&[0, 0, 0, 0]);
        v
    }

    #[test]
    fn a_real_picture_loses_its_text_and_gps_and_still_decodes() {
        let gps = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/images/gps.png")).unwrap();
        // Text chunks of every kind, and an eXIf, before IEND.
        let iend = gps.len() - 12;
        let mut input = gps[..iend].to_vec();
        for kind in [b"tEXt", b"zTXt", b"iTXt", b"eXIf", b"tIME"] {
            input.extend(chunk(kind, b"Author\0Nguyen Van A GPS 21.0285"));
        }
        input.extend_from_slice(&gps[iend..]);
        input.extend_from_slice(b"trailing Nguyen");
        let out = strip(&input).unwrap();
        assert!(!out.windows(6).any(|w| w == b"Nguyen"));
        assert!(!out.windows(4).any(|w| w == b"eXIf" || w == b"tEXt"));
        let a = image::load_from_memory(&gps).unwrap().to_rgba8();
        let b = image::load_from_memory(&out).unwrap().to_rgba8();
        assert_eq!(a, b, "the same pixels");
        assert_eq!(strip(&out), Ok(out.clone()));
    }

    proptest! {
        /// Any chunks: never a panic; kept output has no text chunk.
        #[test]
        fn any_chunks(chunks in proptest::collection::vec((proptest::array::uniform4(any::<u8>()), proptest::collection::vec(any::<u8>(), 0..20)), 0..8), cut in 0usize..200) {
            let mut input = SIGNATURE.to_vec();
            for (k, d) in &chunks {
                input.extend(chunk(k, d));
            }
            input.extend(chunk(b"IEND", b""));
            let full = strip(&input).unwrap();
            let mut i = 8;
            while i < full.len() {
                let len = u32::from_be_bytes(full[i..i + 4].try_into().unwrap()) as usize;
                let kind = &full[i + 4..i + 8];
                prop_assert!(kind[0].is_ascii_uppercase() || KEPT.iter().any(|k| &k[..] == kind), "{:?}", kind);
                i += 12 + len;
            }
            let _ = strip(&input[..input.len().saturating_sub(cut)]);
        }
    }
}

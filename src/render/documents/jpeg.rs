//! A JPEG's metadata segments removed, its image data untouched: what a
//! photo inside a PDF or an office document keeps of itself. The picture is
//! not decoded or re-encoded (a document's photo stays as sharp and as large
//! as it was); its segments are walked and only those needed to show it are
//! kept.
//!
//! Kept: the frame, tables, scans and restart intervals; `APP0` JFIF (its
//! thumbnail emptied); `APP2` ICC profiles (colours); `APP14` Adobe (how a
//! CMYK picture's colours are stored). Dropped: every other `APPn` — `APP1`
//! EXIF (GPS position, camera, date, thumbnail) and XMP, `APP13` Photoshop
//! IPTC, `APP2` FlashPix and MPF (further pictures) —, comments (`COM`), and
//! whatever follows the end-of-image marker (where MPF keeps its pictures).

/// What a JPEG's bytes do not allow to be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Damaged {
    /// Byte offset where reading stopped.
    pub offset: usize,
}

/// Whether `bytes` start like a JPEG (start-of-image marker).
pub fn is_jpeg(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xFF, 0xD8, 0xFF])
}

/// Whether a segment with marker `m` and contents `body` (after the length)
/// is kept.
fn keep(m: u8, body: &[u8]) -> bool {
    match m {
        0xE0 => body.starts_with(b"JFIF\0"),
        0xE2 => body.starts_with(b"ICC_PROFILE\0"),
        0xEE => body.starts_with(b"Adobe"),
        0xE1 | 0xE3..=0xED | 0xEF | 0xFE => false,
        _ => true,
    }
}

/// The JPEG without its metadata segments, or where it cannot be read. A
/// picture cut short in its image data is kept as far as it goes (viewers
/// show it so); one cut short in its headers is damaged.
pub fn strip(bytes: &[u8]) -> Result<Vec<u8>, Damaged> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return Err(Damaged { offset: 0 });
    }
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&[0xFF, 0xD8]);
    let mut i = 2;
    loop {
        if bytes.get(i) != Some(&0xFF) {
            return Err(Damaged { offset: i });
        }
        // Fill bytes before a marker.
        while bytes.get(i) == Some(&0xFF) {
            i += 1;
        }
        let Some(&m) = bytes.get(i) else { return Err(Damaged { offset: i }) };
        i += 1;
        match m {
            0xD9 => {
                out.extend_from_slice(&[0xFF, 0xD9]);
                return Ok(out);
            }
            0x01 | 0xD0..=0xD7 => out.extend_from_slice(&[0xFF, m]),
            0x00 | 0xD8 => return Err(Damaged { offset: i - 1 }),
            _ => {
                let len = match bytes.get(i..i + 2) {
                    Some(l) => usize::from(u16::from_be_bytes([l[0], l[1]])),
                    None => return Err(Damaged { offset: i }),
                };
                let Some(body) = (len >= 2).then(|| bytes.get(i + 2..i + len)).flatten() else {
                    return Err(Damaged { offset: i });
                };
                if keep(m, body) {
                    out.extend_from_slice(&[0xFF, m]);
                    if m == 0xE0 && body.len() > 14 {
                        // JFIF with a thumbnail: the same header, no thumbnail.
                        out.extend_from_slice(&16u16.to_be_bytes());
                        out.extend_from_slice(&body[..12]);
                        out.extend_from_slice(&[0, 0]);
                    } else {
                        out.extend_from_slice(&bytes[i..i + len]);
                    }
                }
                i += len;
                if m == 0xDA {
                    // Entropy-coded data runs to the next marker that is not
                    // a stuffed 0xFF00 or a restart marker.
                    let start = i;
                    while i < bytes.len() {
                        if bytes[i] == 0xFF && bytes.get(i + 1).is_some_and(|&n| n != 0 && !(0xD0..=0xD7).contains(&n) && n != 0xFF) {
                            break;
                        }
                        i += 1;
                    }
                    out.extend_from_slice(&bytes[start..i]);
                    if i >= bytes.len() {
                        return Ok(out);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// A segment: marker and contents.
    fn seg(m: u8, body: &[u8]) -> Vec<u8> {
        let mut v = vec![0xFF, m];
        v.extend_from_slice(&u16::try_from(body.len() + 2).unwrap().to_be_bytes());
        v.extend_from_slice(body);
        v
    }

    fn photo_with(app: &[Vec<u8>]) -> Vec<u8> {
        let mut v = vec![0xFF, 0xD8];
        for a in app {
            v.extend_from_slice(a);
        }
        v.extend(seg(0xDB, &[0; 65]));
        v.extend(seg(0xC0, &[8, 0, 1, 0, 1, 1, 1, 0x11, 0]));
        v.extend(seg(0xDA, &[1, 1, 0, 0, 0x3F, 0]));
        v.extend_from_slice(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56]);
        v.extend_from_slice(&[0xFF, 0xD9]);
        v
    }

    #[test]
    fn metadata_goes_and_the_picture_stays() {
        let exif = seg(0xE1, b"Exif\0\0GPSLatitude 21.0285 Nguyen Van A");
        let xmp = seg(0xE1, b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>Nguyen</x:xmpmeta>");
        let iptc = seg(0xED, b"Photoshop 3.0\0Nguyen");
        let com = seg(0xFE, b"taken at Nguyen's home");
        let icc = seg(0xE2, b"ICC_PROFILE\0\x01\x01colours");
        let jfif = seg(0xE0, b"JFIF\0\x01\x02\0\0\x01\0\x01\x01\x01\xAB\xCD\xEF");
        let mut input = photo_with(&[jfif, exif, xmp, iptc, com, icc.clone()]);
        input.extend_from_slice(b"MPF second picture Nguyen");
        let out = strip(&input).unwrap();
        assert!(!out.windows(6).any(|w| w == b"Nguyen"), "{out:?}");
        assert!(out.windows(icc.len()).any(|w| w == icc), "the ICC profile stays");
        assert!(out.ends_with(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xD9]), "the scan is untouched");
        assert_eq!(strip(&out).unwrap(), out, "stripping twice changes nothing");
        // The JFIF header keeps its fields, without the thumbnail.
        assert_eq!(&out[2..22], &[0xFF, 0xE0, 0, 16, b'J', b'F', b'I', b'F', 0, 1, 2, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xE2][..20]);
    }

    #[test]
    fn a_real_photo_still_decodes() {
        let gps = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/images/gps.jpg")).unwrap();
        let out = strip(&gps).unwrap();
        assert!(out.len() < gps.len());
        assert!(!out.windows(4).any(|w| w == b"Exif"));
        let a = image::load_from_memory(&gps).unwrap().to_rgb8();
        let b = image::load_from_memory(&out).unwrap().to_rgb8();
        assert_eq!(a, b, "the same pixels");
    }

    proptest! {
        /// Any bytes: a result or an error, never a panic; a result is a JPEG
        /// without EXIF and stable.
        #[test]
        fn any_bytes(tail in proptest::collection::vec(any::<u8>(), 0..400)) {
            let mut input = vec![0xFF, 0xD8];
            input.extend(tail);
            if let Ok(out) = strip(&input) {
                prop_assert!(out.starts_with(&[0xFF, 0xD8]));
                prop_assert_eq!(strip(&out).ok(), Some(out));
            }
        }
    }
}

//! What a file of `content/` or `static/` really is, judged by its bytes
//! (magic numbers), never by its name: a JPEG called `anh.txt`, `anh.jfif`
//! or `anh` is a JPEG, and goes through the picture pipeline like any other.
//! The name counts only where bytes cannot tell: SVG is text, so a file is
//! an SVG picture when it is named `.svg` (and is then sanitised).
//!
//! This is the one place a published file is classified; the render layer
//! dispatches on [`Kind`]: pictures are made anew, refused formats are a
//! located error, documents are cleaned, the rest is copied.

use std::io::Read;
use std::path::Path;

/// How many bytes of a file are read to classify it: enough for every
/// magic number below and for the first directory of a TIFF (where camera
/// RAW files say what they are).
pub const HEAD: usize = 64 * 1024;

/// A raster picture format the decoders read (and loa can write anew).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// JPEG (also named `.jfif`, `.jpe`, …).
    Jpeg,
    /// PNG (APNG too: its first frame).
    Png,
    /// GIF (its first frame).
    Gif,
    /// WebP.
    WebP,
    /// TIFF (its first page).
    Tiff,
}

impl Format {
    /// The `image` crate's name for the format.
    pub fn image(self) -> image::ImageFormat {
        match self {
            Format::Jpeg => image::ImageFormat::Jpeg,
            Format::Png => image::ImageFormat::Png,
            Format::Gif => image::ImageFormat::Gif,
            Format::WebP => image::ImageFormat::WebP,
            Format::Tiff => image::ImageFormat::Tiff,
        }
    }
}

/// A picture format loa cannot decode here, so cannot clean: refused, with
/// a message saying how to convert it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Refused {
    /// HEIC/HEIF (iPhone photos): an ISO-BMFF `ftyp` box with a HEIF brand.
    Heic,
    /// AVIF: an ISO-BMFF `ftyp` box with an AVIF brand.
    Avif,
    /// JPEG XL.
    JpegXl,
    /// JPEG 2000.
    Jpeg2000,
    /// A Photoshop document.
    Psd,
    /// A camera's RAW file (CR2, CR3, NEF, ARW, DNG, ORF, RW2, RAF…).
    Raw,
}

impl Refused {
    /// The format's name, as staff know it.
    pub fn name(self) -> &'static str {
        match self {
            Refused::Heic => "HEIC/HEIF",
            Refused::Avif => "AVIF",
            Refused::JpegXl => "JPEG XL",
            Refused::Jpeg2000 => "JPEG 2000",
            Refused::Psd => "Photoshop (PSD)",
            Refused::Raw => "RAW",
        }
    }
}

/// An office document format (for the documents' cleaner).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Office {
    /// A ZIP archive: Office Open XML (`.docx`, `.xlsx`, `.pptx`),
    /// OpenDocument (`.odt`…) or a plain ZIP; the archive's entries say which.
    Zip,
    /// A Compound File (legacy `.doc`, `.xls`, `.ppt`).
    Compound,
    /// Rich Text Format.
    Rtf,
}

/// How far into a file a PDF's `%PDF-` header may stand: readers accept
/// it anywhere in the first 1,024 bytes, and so does the cleaner.
pub const PDF_HEADER_WITHIN: usize = 1024;

/// Whether `bytes` start a PDF: `%PDF-` within [`PDF_HEADER_WITHIN`] bytes.
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(PDF_HEADER_WITHIN)].windows(5).any(|w| w == b"%PDF-")
}

/// Whether `bytes` start a ZIP archive (an empty one included).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// The document a file's first bytes say it is, if any: the one judgement
/// of a document's kind, read by the load (an asset's [`Kind`]) and by the
/// documents' cleaner alike.
pub fn document(b: &[u8]) -> Option<Kind> {
    if b.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        Some(Kind::Office(Office::Compound))
    } else if is_zip(b) {
        Some(Kind::Office(Office::Zip))
    } else if b.starts_with(b"{\\rtf") {
        Some(Kind::Office(Office::Rtf))
    } else if is_pdf(b) {
        Some(Kind::Pdf)
    } else {
        None
    }
}

/// What a file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A raster picture the decoders read: published made anew.
    Picture(Format),
    /// An SVG picture (named `.svg`, not a raster picture by its bytes):
    /// published rebuilt by the sanitiser.
    Svg,
    /// Named like a picture (`.jpg`, `.png`, `.heic`, …) but no picture
    /// format by its bytes: refused as a picture that cannot be read.
    BadPicture,
    /// A picture format loa cannot clean: refused.
    Refused(Refused),
    /// A PDF document.
    Pdf,
    /// An office document.
    Office(Office),
    /// Anything else: published as it is.
    Other,
}

impl Kind {
    /// Whether the file goes through the picture pipeline (made anew, or
    /// refused with a located error there): every kind of picture.
    pub fn is_picture(self) -> bool {
        matches!(self, Kind::Picture(_) | Kind::Svg | Kind::BadPicture | Kind::Refused(_))
    }

    /// Whether the file is a raster picture (to decode, or to refuse).
    pub fn is_raster(self) -> bool {
        matches!(self, Kind::Picture(_) | Kind::BadPicture | Kind::Refused(_))
    }
}

/// File extensions that name a picture: a file so named that is no picture
/// by its bytes is refused rather than published as it is.
pub const PICTURE_EXTENSIONS: &[&str] = &[
    "png", "jpg", "jpeg", "jpe", "jfif", "jif", "pjpeg", "pjp", "gif", "webp", "tif", "tiff", "heic", "heif", "hif", "avif", "jxl", "jp2", "j2k", "jpf", "jpx", "psd", "dng", "cr2", "cr3", "nef", "nrw", "arw", "srf", "sr2", "orf", "rw2", "raf", "pef", "srw", "x3f", "raw",
];

/// Classifies a file from its bytes (`head`: its first [`HEAD`] bytes or
/// all of it) and, for SVG and names that promise a picture, its name.
pub fn sniff(name: &Path, head: &[u8]) -> Kind {
    if let Some(kind) = by_bytes(head) {
        return kind;
    }
    let ext = name.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    if ext == "svg" {
        Kind::Svg
    } else if PICTURE_EXTENSIONS.contains(&ext.as_str()) {
        Kind::BadPicture
    } else {
        Kind::Other
    }
}

/// Reads the head of the file at `path` and classifies it. A file that
/// cannot be read is classified by its name alone (reading it again later
/// reports the error where the file is published).
pub fn file(path: &Path) -> Kind {
    let mut head = Vec::with_capacity(HEAD);
    let read = std::fs::File::open(path).and_then(|f| f.take(HEAD as u64).read_to_end(&mut head));
    if read.is_err() {
        head.clear();
    }
    sniff(path, &head)
}

/// The kind a file's magic number says, if it says one.
fn by_bytes(b: &[u8]) -> Option<Kind> {
    let starts = |m: &[u8]| b.starts_with(m);
    if starts(&[0xFF, 0xD8, 0xFF]) {
        return Some(Kind::Picture(Format::Jpeg));
    }
    if starts(b"\x89PNG\r\n\x1a\n") {
        return Some(Kind::Picture(Format::Png));
    }
    if starts(b"GIF87a") || starts(b"GIF89a") {
        return Some(Kind::Picture(Format::Gif));
    }
    if starts(b"RIFF") && b.get(8..12) == Some(b"WEBP") {
        return Some(Kind::Picture(Format::WebP));
    }
    if starts(b"II*\0") || starts(b"MM\0*") {
        return Some(if tiff_is_raw(b) { Kind::Refused(Refused::Raw) } else { Kind::Picture(Format::Tiff) });
    }
    // BigTIFF, and the RAW formats with a magic number of their own:
    // Olympus ORF, Panasonic RW2, Fujifilm RAF, Sigma X3F, Minolta MRW.
    if starts(b"II+\0") || starts(b"MM\0+") || starts(b"IIRO") || starts(b"IIRS") || starts(b"MMOR") || starts(b"IIU\0") || starts(b"FUJIFILMCCD-RAW") || starts(b"FOVb") || starts(b"\0MRM") {
        return Some(Kind::Refused(Refused::Raw));
    }
    if let Some(kind) = iso_bmff(b) {
        return Some(kind);
    }
    if starts(&[0xFF, 0x0A]) || starts(b"\0\0\0\x0CJXL \r\n\x87\n") {
        return Some(Kind::Refused(Refused::JpegXl));
    }
    if starts(b"\0\0\0\x0CjP  \r\n\x87\n") || starts(&[0xFF, 0x4F, 0xFF, 0x51]) {
        return Some(Kind::Refused(Refused::Jpeg2000));
    }
    if starts(b"8BPS") {
        return Some(Kind::Refused(Refused::Psd));
    }
    document(b)
}

/// An ISO base media file (`....ftyp<brand>`): HEIF, AVIF and Canon's
/// CR3 are refused by their brands (major or compatible); video and other
/// brands are not pictures.
fn iso_bmff(b: &[u8]) -> Option<Kind> {
    if b.get(4..8) != Some(b"ftyp") {
        return None;
    }
    let size = u32::from_be_bytes(b[0..4].try_into().ok()?) as usize;
    let end = size.clamp(16, 4096).min(b.len());
    let brands = b.get(8..12).into_iter().chain(b.get(16..end).unwrap_or_default().chunks_exact(4));
    let mut kind = None;
    for brand in brands {
        match brand {
            b"avif" | b"avis" => return Some(Kind::Refused(Refused::Avif)),
            b"heic" | b"heix" | b"heim" | b"heis" | b"hevc" | b"hevx" | b"mif1" | b"msf1" | b"mif2" => kind = Some(Kind::Refused(Refused::Heic)),
            b"crx " => return Some(Kind::Refused(Refused::Raw)),
            _ => {}
        }
    }
    kind
}

/// Whether a TIFF is a camera's RAW file: Canon's CR2 says so after the
/// header, a DNG by a `DNGVersion` tag in its first directory. Other
/// TIFF-based RAW files (NEF, ARW, PEF…) cannot be told from a TIFF by
/// their header: they are decoded as TIFFs, so either refused by the
/// decoder or published as their first (preview) picture, made anew.
fn tiff_is_raw(b: &[u8]) -> bool {
    if b.get(8..10) == Some(b"CR") {
        return true;
    }
    let le = b[0] == b'I';
    let u16_at = |i: usize| b.get(i..i + 2).map(|s| if le { u16::from_le_bytes([s[0], s[1]]) } else { u16::from_be_bytes([s[0], s[1]]) });
    let u32_at = |i: usize| b.get(i..i + 4).map(|s| if le { u32::from_le_bytes([s[0], s[1], s[2], s[3]]) } else { u32::from_be_bytes([s[0], s[1], s[2], s[3]]) });
    let Some(ifd) = u32_at(4).map(|o| o as usize) else { return false };
    let Some(count) = u16_at(ifd) else { return false };
    (0..usize::from(count)).any(|i| u16_at(ifd + 2 + i * 12) == Some(0xC612))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(name: &str, b: &[u8]) -> Kind {
        sniff(Path::new(name), b)
    }

    #[test]
    fn bytes_decide_not_names() {
        for name in ["a.jpg", "a.txt", "a", "a.jfif", "a.jpe", "a.png", "a.svg"] {
            assert_eq!(kind(name, b"\xFF\xD8\xFF\xE0\0\x10JFIF\0"), Kind::Picture(Format::Jpeg), "{name}");
            assert_eq!(kind(name, b"\x89PNG\r\n\x1a\n\0\0"), Kind::Picture(Format::Png), "{name}");
            assert_eq!(kind(name, b"GIF89a\x01\0"), Kind::Picture(Format::Gif), "{name}");
            assert_eq!(kind(name, b"RIFF\0\0\0\0WEBPVP8 "), Kind::Picture(Format::WebP), "{name}");
            assert_eq!(kind(name, b"II*\0\x08\0\0\0\0\0"), Kind::Picture(Format::Tiff), "{name}");
            assert_eq!(kind(name, b"MM\0*\0\0\0\x08\0\0"), Kind::Picture(Format::Tiff), "{name}");
            assert_eq!(kind(name, b"\0\0\0\x18ftypheic\0\0\0\0mif1heic"), Kind::Refused(Refused::Heic), "{name}");
            assert_eq!(kind(name, b"\0\0\0\x1cftypavif\0\0\0\0avifmif1miaf"), Kind::Refused(Refused::Avif), "{name}");
            assert_eq!(kind(name, b"\0\0\0\x18ftypmif1\0\0\0\0mif1heic"), Kind::Refused(Refused::Heic), "{name}");
            assert_eq!(kind(name, b"\0\0\0\x18ftypcrx \0\0\0\x01crx isom"), Kind::Refused(Refused::Raw), "{name}");
            assert_eq!(kind(name, b"II*\0\x10\0\0\0CR\x02\0\0\0\0\0"), Kind::Refused(Refused::Raw), "{name}");
            assert_eq!(kind(name, b"%PDF-1.7\n"), Kind::Pdf, "{name}");
        }
    }

    #[test]
    fn a_dng_is_raw() {
        // A little-endian TIFF whose first directory has one entry: DNGVersion.
        let mut b = b"II*\0\x08\0\0\0\x01\0".to_vec();
        b.extend_from_slice(&[0x12, 0xC6, 1, 0, 4, 0, 0, 0, 1, 4, 0, 0]);
        assert_eq!(kind("a.tif", &b), Kind::Refused(Refused::Raw));
    }

    proptest::proptest! {
        /// Whatever follows a picture's magic number and whatever the file
        /// is called, the bytes decide; and no input panics.
        #[test]
        fn the_name_never_overrules_the_bytes(
            magic in proptest::sample::select(vec![&b"\xFF\xD8\xFF"[..], b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a", b"II*\0", b"MM\0*", b"\0\0\0\x18ftypheic", b"\0\0\0\x1cftypavif", b"8BPS", b"\xFF\x0A"]),
            rest in proptest::collection::vec(proptest::num::u8::ANY, 0..64),
            name in "[a-z]{0,6}(\\.(jpg|jpeg|jfif|jpe|png|gif|webp|tif|heic|svg|txt|dat|pdf|md|[a-z]{1,4}))?",
            other in "[a-z]{0,6}(\\.(jpg|svg|txt|heic))?",
        ) {
            let bytes = [magic, &rest[..]].concat();
            let kind = sniff(Path::new(&name), &bytes);
            proptest::prop_assert_eq!(kind, sniff(Path::new(&other), &bytes));
            proptest::prop_assert!(kind.is_raster(), "{:?} for {:?}", kind, bytes);
        }

        /// Any bytes at all: a kind, never a panic.
        #[test]
        fn any_bytes_are_classified(bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..256), name in "[a-z.]{0,8}") {
            let _ = sniff(Path::new(&name), &bytes);
        }
    }

    #[test]
    fn names_only_where_bytes_cannot_tell() {
        assert_eq!(kind("a.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>"), Kind::Svg);
        assert_eq!(kind("a.SVG", b""), Kind::Svg);
        assert_eq!(kind("a.jpg", b"hello"), Kind::BadPicture);
        assert_eq!(kind("a.HEIC", b""), Kind::BadPicture);
        assert_eq!(kind("a.txt", b"hello"), Kind::Other);
        assert_eq!(kind("a", b""), Kind::Other);
        // A video is not a picture.
        assert_eq!(kind("a.mp4", b"\0\0\0\x18ftypisom\0\0\0\0isomavc1"), Kind::Other);
    }
}

//! Pictures of few colours as PNG, quickly: a typeset share card is flat
//! backgrounds, a few inks and their anti-aliased edges — 300 to 600 colours
//! — so it is written indexed, one byte a pixel and a palette of 256 colours
//! (see [`choose`]: the backgrounds and inks exact, no pixel more than three
//! levels from its colour), compressed by zlib's fastest level. Compressing
//! a card's 2.3 MB of RGB as hard as zlib can was most of what a card cost.
//! A picture a palette cannot draw that closely (a photo, a gradient) is
//! written as RGB, as fast.
//!
//! The same pixels always give the same bytes.

use rustc_hash::FxHashMap;

/// Colours a palette can hold.
const MAX: usize = 256;

/// How far (in levels of 255, on any channel) a pixel may be drawn from its
/// colour when the picture has more colours than a palette holds: an
/// anti-aliased edge's shade a level or two off shows nothing; a photo or a
/// gradient, which would band, is written as RGB instead.
const TOLERANCE: u8 = 3;

/// More colours than this and the picture is no card but a photo or a
/// gradient: written as RGB without looking further.
const MANY: usize = 4096;

/// A colour seen fills at least this share of the picture (1 / n) to be a
/// background or an ink, kept exact whatever else is dropped.
const FLAT: usize = 500;

/// The distance between two colours: the largest difference of a channel.
fn distance(a: [u8; 3], b: [u8; 3]) -> u8 {
    (0..3).map(|i| a[i].abs_diff(b[i])).max().unwrap_or(0)
}

/// A premultiplied RGBA pixel laid on white, as RGB: each channel plus the
/// white that shows through (`c + 255 − a`, never over 255 as `c ≤ a`).
fn on_white(px: [u8; 4]) -> [u8; 3] {
    let white = 255 - px[3];
    [px[0].saturating_add(white), px[1].saturating_add(white), px[2].saturating_add(white)]
}

/// A picture's colours.
struct Colours {
    /// Each colour, in the order they first appear.
    list: Vec<[u8; 3]>,
    /// How many pixels have each.
    counts: Vec<usize>,
    /// The pixels, row after row, as runs of one colour: its place in `list`
    /// and how many pixels.
    runs: Vec<(u16, u32)>,
}

/// The colours of premultiplied RGBA pixels laid on white, or `None` past
/// [`MANY`]. Most pixels are the colour of the one before (a card is flat
/// backgrounds): a pixel is compared with the one before as one word, and a
/// colour is worked out and looked up once per run.
fn colours(rgba: &[u8]) -> Option<Colours> {
    let mut list: Vec<[u8; 3]> = Vec::new();
    let mut seen: FxHashMap<[u8; 3], u16> = FxHashMap::default();
    let mut runs: Vec<(u16, u32)> = Vec::new();
    let mut look_up = |word: u32| -> Option<u16> {
        let rgb = on_white(word.to_ne_bytes());
        if let Some(&id) = seen.get(&rgb) {
            return Some(id);
        }
        if list.len() >= MANY {
            return None;
        }
        let id = u16::try_from(list.len()).ok()?;
        seen.insert(rgb, id);
        list.push(rgb);
        Some(id)
    };
    let mut words = rgba.chunks_exact(4).map(|p| u32::from_ne_bytes([p[0], p[1], p[2], p[3]]));
    if let Some(first) = words.next() {
        let (mut word, mut id, mut n) = (first, look_up(first)?, 1u32);
        for w in words {
            if w == word {
                n += 1;
            } else {
                runs.push((id, n));
                (word, id, n) = (w, look_up(w)?, 1);
            }
        }
        runs.push((id, n));
    }
    let mut counts = vec![0usize; list.len()];
    for &(id, n) in &runs {
        counts[usize::from(id)] += n as usize;
    }
    Some(Colours { list, counts, runs })
}

/// Which colours a palette keeps, and for each colour the kept one it is
/// drawn with, or `None` when some pixel would be more than [`TOLERANCE`]
/// away from its colour.
///
/// All of them when they are 256 or fewer. Else the backgrounds and inks
/// (the colours of many pixels), then, one at a time, the colour farthest
/// from every colour kept so far (more pixels first, then first seen): the
/// shades of every edge are kept evenly, the largest error as small as it
/// can be made this way, and the same pixels always give the same palette.
fn choose(colours: &[[u8; 3]], counts: &[usize], pixels: usize) -> Option<(Vec<usize>, Vec<u8>)> {
    let n = colours.len();
    if n <= MAX {
        return Some(((0..n).collect(), (0..n).map(|i| u8::try_from(i).unwrap_or(u8::MAX)).collect()));
    }
    let mut kept: Vec<usize> = Vec::new();
    let mut nearest = vec![0u8; n];
    let mut far = vec![u8::MAX; n];
    let mut keep = |i: usize, kept: &mut Vec<usize>, far: &mut [u8]| {
        let slot = u8::try_from(kept.len()).unwrap_or(u8::MAX);
        kept.push(i);
        for (j, c) in colours.iter().enumerate() {
            let d = distance(*c, colours[i]);
            if d < far[j] {
                far[j] = d;
                nearest[j] = slot;
            }
        }
    };
    let mut flats: Vec<usize> = (0..n).filter(|&i| counts[i] * FLAT >= pixels).collect();
    flats.sort_by_key(|&i| (std::cmp::Reverse(counts[i]), i));
    for i in flats.into_iter().take(MAX / 4) {
        keep(i, &mut kept, &mut far);
    }
    while kept.len() < MAX {
        // The farthest colour; of those as far, the one of most pixels; of
        // those, the first seen.
        let (mut best, mut best_far, mut best_count) = (None, 0u8, 0usize);
        for (i, (&f, &count)) in far.iter().zip(counts).enumerate() {
            if f > best_far || (f == best_far && f > 0 && count > best_count) {
                (best, best_far, best_count) = (Some(i), f, count);
            }
        }
        let Some(i) = best else { break };
        keep(i, &mut kept, &mut far);
    }
    (far.iter().all(|&d| d <= TOLERANCE)).then_some((kept, nearest))
}

/// The indexed form of premultiplied RGBA pixels laid on white: its palette
/// (three bytes a colour) and each pixel's index, or `None` when a palette
/// cannot draw it closely enough.
fn indexed(rgba: &[u8]) -> Option<(Vec<u8>, Vec<u8>)> {
    let c = colours(rgba)?;
    let (kept, slot) = choose(&c.list, &c.counts, rgba.len() / 4)?;
    let palette = kept.iter().flat_map(|&i| c.list[i]).collect();
    let mut pixels = Vec::with_capacity(rgba.len() / 4);
    for &(id, n) in &c.runs {
        pixels.resize(pixels.len() + n as usize, slot[usize::from(id)]);
    }
    Some((palette, pixels))
}

/// A picture of `width` × `height` premultiplied RGBA pixels (tiny-skia's,
/// four bytes each, row by row) laid on white, as PNG: indexed when a palette
/// draws every pixel within [`TOLERANCE`] of its colour (exactly, with 256
/// colours or fewer), else RGB.
pub fn png(width: u32, height: u32, rgba: &[u8]) -> Result<Vec<u8>, String> {
    if u64::from(width) * u64::from(height) * 4 != rgba.len() as u64 {
        return Err(format!("{} bytes are not {width} × {height} RGBA pixels", rgba.len()));
    }
    let mut bytes = Vec::new();
    let mut enc = ::png::Encoder::new(&mut bytes, width, height);
    enc.set_depth(::png::BitDepth::Eight);
    // zlib's level 1 (zlib-rs): on a card's indices as fast as fdeflate is
    // on RGB, and a quarter of its size (38 KB a card on average against
    // 136 KB with fdeflate and 47 KB for the RGB compressed hardest before).
    enc.set_deflate_compression(::png::DeflateCompression::Level(1));
    let pixels = match indexed(rgba) {
        Some((palette, pixels)) => {
            enc.set_color(::png::ColorType::Indexed);
            enc.set_palette(palette);
            // Indices are names, not amounts: differences between
            // neighbours mean nothing to compress.
            enc.set_filter(::png::Filter::NoFilter);
            pixels
        }
        None => {
            enc.set_color(::png::ColorType::Rgb);
            enc.set_filter(::png::Filter::Sub);
            rgba.chunks_exact(4).flat_map(|px| on_white([px[0], px[1], px[2], px[3]])).collect()
        }
    };
    let mut writer = enc.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(&pixels).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8]) -> image::RgbImage {
        image::load_from_memory_with_format(bytes, image::ImageFormat::Png).unwrap().to_rgb8()
    }

    /// RGB pixels as opaque RGBA.
    fn opaque(rgb: &[u8]) -> Vec<u8> {
        rgb.chunks(3).flat_map(|p| [p[0], p[1], p[2], 255]).collect()
    }

    #[test]
    fn transparent_is_white_and_opaque_is_kept() {
        assert_eq!(on_white([255, 0, 0, 255]), [255, 0, 0]);
        assert_eq!(on_white([0, 0, 0, 0]), [255, 255, 255]);
        // Half-covered black (premultiplied: 0, a = 128).
        assert_eq!(on_white([0, 0, 0, 128]), [127, 127, 127]);
        // Half-covered white (128 premultiplied) is white.
        let png = png(1, 1, &[128, 128, 128, 128]).unwrap();
        assert_eq!(decode(&png).into_raw(), [255, 255, 255]);
    }

    #[test]
    fn few_colours_are_indexed_and_exact() {
        // White, an ink and 254 blends of the two: 256 colours.
        let (w, h) = (64, 8);
        let rgb: Vec<u8> = (0..w * h).flat_map(|i: u32| { let v = (i % 256) as u8; [v, v / 2, 20] }).collect();
        let png = png(w, h, &opaque(&rgb)).unwrap();
        // IHDR's colour type (byte 25) is 3: indexed.
        assert_eq!(png[25], 3);
        assert_eq!(decode(&png).into_raw(), rgb);
        // The same pixels, the same bytes.
        assert_eq!(png, super::png(w, h, &opaque(&rgb)).unwrap());
    }

    /// A card's kind of picture: white, a flat accent, and anti-aliased
    /// edges of two inks on each (500 colours).
    fn card_like() -> (u32, u32, Vec<u8>) {
        let (w, h) = (500u32, 40u32);
        let mut rgb = Vec::new();
        for y in 0..h {
            for x in 0..w {
                let v = u8::try_from(x % 250).unwrap();
                let px = match (y, x < 250) {
                    // Ink (20, 20, 20) on white, and white on the accent.
                    (0, true) => [255 - v, 255 - v, 255 - v].map(|c| c.max(20)),
                    (0, false) => [194u8.saturating_add(v / 4), 65u8.saturating_add(v), 12u8.saturating_add(v)],
                    (_, true) => [255, 255, 255],
                    (_, false) => [194, 65, 12],
                };
                rgb.extend_from_slice(&px);
            }
        }
        (w, h, rgb)
    }

    #[test]
    fn many_colours_of_a_card_are_indexed_closely_and_flats_exactly() {
        let (w, h, rgb) = card_like();
        assert!(colours(&opaque(&rgb)).unwrap().list.len() > 256);
        let png = png(w, h, &opaque(&rgb)).unwrap();
        assert_eq!(png[25], 3, "indexed");
        let back = decode(&png).into_raw();
        let worst = rgb.chunks(3).zip(back.chunks(3)).map(|(a, b)| distance([a[0], a[1], a[2]], [b[0], b[1], b[2]])).max().unwrap();
        assert!(worst <= TOLERANCE, "{worst}");
        // The backgrounds are exact.
        assert_eq!(&back[back.len() - 3..], &[194, 65, 12]);
        assert_eq!(&back[w as usize * 3..w as usize * 3 + 3], &[255, 255, 255]);
        assert_eq!(png, super::png(w, h, &opaque(&rgb)).unwrap(), "the same bytes again");
    }

    #[test]
    fn a_photo_is_rgb_and_exact() {
        let (w, h) = (300, 40);
        let rgb: Vec<u8> = (0..w * h).flat_map(|i: u32| [(i * 7 % 256) as u8, (i * 13 % 251) as u8, (i / 300 * 5) as u8]).collect();
        let png = png(w, h, &opaque(&rgb)).unwrap();
        // Colour type 2: RGB.
        assert_eq!(png[25], 2);
        assert_eq!(decode(&png).into_raw(), rgb);
    }

    #[test]
    fn a_wrong_size_is_an_error_not_a_panic() {
        assert!(png(10, 10, &[0; 399]).is_err());
        // An empty picture: whatever `png` says of it, it says it without a panic.
        let _ = png(0, 0, &[]);
    }
}

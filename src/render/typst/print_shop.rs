//! Copies for print shops: a typeset document's pages on a larger sheet, as
//! a print shop asks for them — the page itself (the trim), 3 mm of bleed
//! around it that the template has filled where its colour runs to the edge
//! (it gets `bleed` in its data, see the leaflet templates' `band`), crop
//! marks in the slug outside the bleed, and the PDF's boxes set: MediaBox the
//! whole sheet, TrimBox the page, BleedBox the page and its bleed.
//!
//! Typst writes the MediaBox and TrimBox itself from a page's `bleed` (here
//! bleed and slug together, so that the marks have room); it writes no
//! BleedBox, which [`with_bleed_box`] adds to the exported PDF.
//!
//! Colours: every solid colour of the pages (text, fills, lines) becomes
//! CMYK, which Typst writes as DeviceCMYK (`k`/`K` operators) — Typst's own
//! plain conversion (K = 1 − max(R, G, B)), so greys and black are pure K and
//! print on one plate. What stays RGB: pictures (and the QR code, an SVG
//! picture), colours with transparency, gradients and patterns. There is no
//! ICC output intent and the PDF is not PDF/X (Typst 0.15 has no PDF/X).

use typst::layout::{Abs, Frame, FrameItem, Point, Sides};
use typst::model::Document;
use typst::syntax::Span;
use typst::visualize::{Cmyk, Color, FixedStroke, Geometry, Paint};
use typst_layout::PagedDocument;

/// The bleed, in millimetres: how far colour that reaches the trim runs past it.
pub const BLEED_MM: f64 = 3.0;

/// The slug: paper beyond the bleed, in millimetres, where the crop marks are.
pub const SLUG_MM: f64 = 12.0;

/// Where a crop mark starts and ends, in millimetres from the trim: clear
/// of the bleed (2 mm outside it), 8 mm long.
const MARK_MM: (f64, f64) = (BLEED_MM + 2.0, BLEED_MM + 10.0);

/// Crop marks are 0.25 pt lines in registration colour (100 % of each ink),
/// so that they print on every plate.
const MARK_PT: f64 = 0.25;

/// `doc`'s pages as a print shop's: colours in CMYK, crop marks at the
/// corners, and bleed and slug around each page (see the module's
/// documentation). The frames are the same typesetting: text, tags and links
/// stay as they are.
pub fn for_print_shop(doc: &PagedDocument) -> PagedDocument {
    let pages = doc
        .pages()
        .iter()
        .map(|page| {
            let mut page = page.clone();
            to_cmyk(&mut page.frame);
            crop_marks(&mut page.frame);
            page.bleed = Sides::splat(Abs::mm(BLEED_MM + SLUG_MM));
            page
        })
        .collect();
    PagedDocument::new(pages, doc.info().clone())
}

/// Every solid, opaque colour of `frame` (and its groups) as CMYK.
fn to_cmyk(frame: &mut Frame) {
    frame.retain(|item| {
        match item {
            FrameItem::Group(group) => to_cmyk(&mut group.frame),
            FrameItem::Text(text) => {
                text.fill = cmyk_paint(&text.fill);
                if let Some(stroke) = &mut text.stroke {
                    stroke.paint = cmyk_paint(&stroke.paint);
                }
            }
            FrameItem::Shape(shape, _) => {
                shape.fill = shape.fill.as_ref().map(cmyk_paint);
                if let Some(stroke) = &mut shape.stroke {
                    stroke.paint = cmyk_paint(&stroke.paint);
                }
            }
            FrameItem::Image(..) | FrameItem::Link(..) | FrameItem::Tag(..) => {}
        }
        true
    });
}

/// A solid, opaque process colour as CMYK; anything else as it is (a
/// spot colour is already for the press; CMYK in a PDF has no transparency).
fn cmyk_paint(paint: &Paint) -> Paint {
    match paint {
        // Through RGB: Typst's own conversion of a grey (`luma`) to CMYK is a
        // rich black of all four inks; from RGB, a grey is black ink only.
        Paint::Solid(colour @ Color::Process(_)) if colour.alpha().is_none_or(|a| a >= 1.0) => Paint::Solid(Color::from(Color::from(colour.to_rgb()).to_cmyk())),
        other => other.clone(),
    }
}

/// The colour crop marks are drawn in: all four inks.
fn registration() -> Color {
    Color::from(Cmyk { c: 1.0, m: 1.0, y: 1.0, k: 1.0 })
}

/// Two short lines at each corner of the page, in line with its edges,
/// outside the bleed: where the print shop cuts.
fn crop_marks(frame: &mut Frame) {
    let stroke = FixedStroke::from_pair(registration(), Abs::pt(MARK_PT));
    let (w, h) = (frame.width(), frame.height());
    let (from, to) = (Abs::mm(MARK_MM.0), Abs::mm(MARK_MM.1));
    let length = to - from;
    for (x, y) in [(Abs::zero(), Abs::zero()), (w, Abs::zero()), (Abs::zero(), h), (w, h)] {
        let outward_x = if x == Abs::zero() { -to } else { x + from };
        let outward_y = if y == Abs::zero() { -to } else { y + from };
        // Horizontal, in line with the top or bottom edge; vertical, with the left or right one.
        let lines = [(Point::new(outward_x, y), Point::new(length, Abs::zero())), (Point::new(x, outward_y), Point::new(Abs::zero(), length))];
        for (at, along) in lines {
            frame.push(at, FrameItem::Shape(Geometry::Line(along).stroked(stroke.clone()), Span::detached()));
        }
    }
}

/// The exported PDF of [`for_print_shop`]'s document with a BleedBox on every
/// page: its TrimBox grown by the bleed on each side. Typst sets the TrimBox;
/// a page without one (not from [`for_print_shop`]) is left as it is. The
/// PDF is written again by `lopdf` (objects unchanged, one classic
/// cross-reference table), or an error says why it could not be read.
pub fn with_bleed_box(pdf: &[u8]) -> Result<Vec<u8>, String> {
    let mut doc = crate::render::documents::pdf::read(pdf)?;
    let bleed = (BLEED_MM / 25.4 * 72.0) as f32;
    for id in doc.get_pages().into_values() {
        let Ok(page) = doc.get_object_mut(id).and_then(lopdf::Object::as_dict_mut) else { continue };
        let Ok(trim) = page.get(b"TrimBox").and_then(lopdf::Object::as_array) else { continue };
        let numbers: Vec<f32> = trim.iter().filter_map(|n| n.as_float().ok()).collect();
        let [x0, y0, x1, y1] = numbers[..] else { continue };
        let (left, right) = (x0.min(x1), x0.max(x1));
        let (bottom, top) = (y0.min(y1), y0.max(y1));
        let boxed = [left - bleed, bottom - bleed, right + bleed, top + bleed].map(lopdf::Object::Real);
        page.set("BleedBox", lopdf::Object::Array(boxed.to_vec()));
    }
    crate::render::documents::pdf::write(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use typst::layout::Size;

    #[test]
    fn colours_become_cmyk_but_not_transparent_ones() {
        let accent = Paint::Solid(Color::from_u8(0xc2, 0x41, 0x0c, 0xff));
        let Paint::Solid(c) = cmyk_paint(&accent) else { panic!("solid stays solid") };
        let [cyan, magenta, yellow, black] = c.to_vec4();
        assert!(cyan.abs() < 0.01 && (magenta - 0.66).abs() < 0.02 && (yellow - 0.94).abs() < 0.02 && (black - 0.24).abs() < 0.01, "{c:?}");
        // A grey is black ink only.
        for grey in [Color::from_u8(20, 20, 20, 255), Color::from(typst::visualize::Luma::new(20.0 / 255.0, 1.0))] {
            let Paint::Solid(grey) = cmyk_paint(&Paint::Solid(grey)) else { panic!() };
            let [c, m, y, k] = grey.to_vec4();
            assert!(c == 0.0 && m == 0.0 && y == 0.0 && (k - 0.92).abs() < 0.01, "{grey:?}");
        }
        let see_through = Paint::Solid(Color::from_u8(10, 20, 30, 128));
        assert_eq!(cmyk_paint(&see_through), see_through);
    }

    #[test]
    fn eight_marks_outside_the_bleed() {
        let mut frame = Frame::hard(Size::new(Abs::mm(210.0), Abs::mm(297.0)));
        crop_marks(&mut frame);
        let marks: Vec<_> = frame.items().collect();
        assert_eq!(marks.len(), 8);
        let bleed = Abs::mm(BLEED_MM);
        for (at, item) in marks {
            let FrameItem::Shape(shape, _) = item else { panic!("a line") };
            let Geometry::Line(along) = shape.geometry else { panic!("a line") };
            let end = *at + along;
            for p in [*at, end] {
                // Every point of a mark is outside the bleed box on one axis and on the trim line on the other.
                let outside = p.x < -bleed || p.x > Abs::mm(210.0) + bleed || p.y < -bleed || p.y > Abs::mm(297.0) + bleed;
                assert!(outside, "{p:?}");
                assert!(p.x.abs() < Abs::mm(25.0) || (p.x - Abs::mm(210.0)).abs() < Abs::mm(25.0), "near a corner: {p:?}");
            }
        }
    }
}

//! Imposition: the pages of a typeset booklet laid two by two on sheets
//! twice their width, in the order a saddle-stitched booklet needs, so that
//! a school prints the sheets on both sides, stacks them, folds them in the
//! middle and staples the fold.
//!
//! With `n` pages (a multiple of four; blank pages are added at the end
//! otherwise), sheet `s` (from 0) carries on its front the pages `n − 2s`
//! (left) and `2s + 1` (right), and on its back `2s + 2` (left) and
//! `n − 2s − 1` (right): 8 pages make the sides [8 | 1], [2 | 7], [6 | 3],
//! [4 | 5]. Printed on both sides flipping on the short edge, each back
//! page stands behind the page it follows.
//!
//! The pages are the booklet's own frames, moved: no second typesetting, the
//! same fonts and text. Short marks at the top and bottom edges show the fold.

use typst::foundations::Smart;
use typst::layout::{Abs, Frame, FrameItem, Point, Sides, Size};
use typst::visualize::{Color, FixedStroke, Geometry};
use typst::syntax::Span;
use typst::model::Document;
use typst_layout::{Page, PagedDocument};

/// The order of the pages on the sides of the sheets, for `n` pages (a
/// multiple of four): indices from 0, two per side (left, right), front
/// then back of each sheet.
pub fn saddle_order(n: usize) -> Vec<[usize; 2]> {
    let mut sides = Vec::with_capacity(n / 2);
    for s in 0..n / 4 {
        sides.push([n - 1 - 2 * s, 2 * s]);
        sides.push([2 * s + 1, n - 2 - 2 * s]);
    }
    sides
}

/// `doc`'s pages imposed on sheets of `sheet` size for saddle stitching (see
/// the module's documentation); each page centred in its half of a side.
pub fn saddle_stitch(doc: &PagedDocument, sheet: Size) -> PagedDocument {
    let pages = doc.pages();
    let n = pages.len().div_ceil(4).max(1) * 4;
    let half = sheet.x / 2.0;
    let mut sides = Vec::with_capacity(n / 2);
    for (number, [left, right]) in saddle_order(n).into_iter().enumerate() {
        let mut frame = Frame::hard(sheet);
        for (slot, i) in [left, right].into_iter().enumerate() {
            let Some(page) = pages.get(i) else { continue };
            let size = page.frame.size();
            let x = half * slot as f64 + (half - size.x) / 2.0;
            let y = (sheet.y - size.y) / 2.0;
            frame.push_frame(Point::new(x.max(Abs::zero()), y.max(Abs::zero())), page.frame.clone());
        }
        fold_marks(&mut frame, half);
        sides.push(Page {
            frame,
            bleed: Sides::splat(Abs::zero()),
            fill: Smart::Auto,
            numbering: None,
            supplement: typst::foundations::Content::empty(),
            number: number as u64 + 1,
        });
    }
    // The collection the document wants (an `EcoVec`), without naming its crate.
    PagedDocument::new(sides.into_iter().collect(), doc.info().clone())
}

/// Short lines at the top and bottom edges where the sheet is folded, outside the pages' text.
fn fold_marks(frame: &mut Frame, x: Abs) {
    let stroke = FixedStroke::from_pair(Color::BLACK, Abs::pt(0.4));
    let (from, to) = (Abs::mm(3.0), Abs::mm(8.0));
    for (y0, y1) in [(from, to), (frame.height() - to, frame.height() - from)] {
        frame.push(Point::new(x, y0), FrameItem::Shape(Geometry::Line(Point::new(Abs::zero(), y1 - y0)).stroked(stroke.clone()), Span::detached()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eight_pages_on_two_sheets() {
        // Pages from 1: [8 | 1], [2 | 7], [6 | 3], [4 | 5].
        let one_based: Vec<[usize; 2]> = saddle_order(8).into_iter().map(|[l, r]| [l + 1, r + 1]).collect();
        assert_eq!(one_based, vec![[8, 1], [2, 7], [6, 3], [4, 5]]);
        assert_eq!(saddle_order(4).into_iter().map(|[l, r]| [l + 1, r + 1]).collect::<Vec<_>>(), vec![[4, 1], [2, 3]]);
    }

    #[test]
    fn every_page_once_and_facing_pages_sum_right() {
        for n in (4..=64).step_by(4) {
            let order = saddle_order(n);
            assert_eq!(order.len(), n / 2);
            let mut seen: Vec<usize> = order.iter().flatten().copied().collect();
            seen.sort_unstable();
            assert_eq!(seen, (0..n).collect::<Vec<_>>(), "{n} pages");
            // On a saddle-stitched side, the two pages' numbers (from 1) add up to n + 1.
            assert!(order.iter().all(|[l, r]| l + r + 2 == n + 1), "{n} pages");
        }
    }
}

//! How far down a typeset page its words and pictures reach, column by
//! column: a tri-fold whose inside panels are mostly blank paper, or a
//! leaflet whose last page is, is a page that would fit a smaller format.
//! Read from the page's frames (text runs and images), not from pixels, so
//! it costs nothing next to typesetting.

use typst::layout::{Abs, Frame, FrameItem, Point};
use typst_layout::Page;

/// For each of `columns` equal columns of the page, how far down its text
/// and pictures reach, as a fraction of the page's height (0 for an empty
/// column). Lines and boxes (fold marks, frames) do not count.
pub fn reach(page: &Page, columns: usize) -> Vec<f64> {
    let columns = columns.max(1);
    let size = page.frame.size();
    let mut lowest = vec![Abs::zero(); columns];
    let width = size.x / columns as f64;
    walk(&page.frame, Point::zero(), &mut |left, right, bottom| {
        for (c, low) in lowest.iter_mut().enumerate() {
            let (from, to) = (width * c as f64, width * (c + 1) as f64);
            // In a column when most of it is: a run is never wider than its column.
            let middle = (left + right) / 2.0;
            if middle >= from && middle < to && bottom > *low {
                *low = bottom;
            }
        }
    });
    lowest.into_iter().map(|l| if size.y > Abs::zero() { (l / size.y).clamp(0.0, 1.0) } else { 0.0 }).collect()
}

/// Calls `f(left, right, bottom)` for every text run and image of `frame`
/// placed at `origin` (groups moved by their translation).
fn walk(frame: &Frame, origin: Point, f: &mut impl FnMut(Abs, Abs, Abs)) {
    for (pos, item) in frame.items() {
        let at = origin + *pos;
        match item {
            FrameItem::Group(g) => walk(&g.frame, at + Point::new(g.transform.tx, g.transform.ty), f),
            // A run's position is its baseline's start.
            FrameItem::Text(t) => f(at.x, at.x + t.width(), at.y),
            FrameItem::Image(_, size, _) => f(at.x, at.x + size.x, at.y + size.y),
            _ => {}
        }
    }
}

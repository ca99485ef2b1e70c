//! What a frame leaves as its base, told by the widgets that know
//! ([`blank`]: the rows below a list's last, the rest of a row after its
//! text), and passed over by the comparison where the frame on screen, of
//! any page, left it so too. Nothing needs copying there: the cells are
//! the base in both frames. Opening the outcome screen from the
//! walkthrough, a switch of pages where no row is kept, compares a quarter
//! fewer cells so.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::{DRAWING, Drawing, check_base};

/// Columns `from..to` of row `y`, left as the frame's base.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Blank {
    pub(super) y: u16,
    pub(super) from: u16,
    pub(super) to: u16,
}

/// Cells of a row, `place` (one row high), that the frame leaves as its
/// base (the list's rows below its last, the end of a row after its text).
/// Where the frame on screen, of any page, left them so too, the comparison
/// passes over them; nothing needs copying: they are the base in both
/// (check mode checks both, and that nothing drew over them later).
///
/// # Panics
/// In check mode, when something was drawn there already.
pub fn blank(buf: &Buffer, place: Rect) {
    let place = place.intersection(buf.area);
    if place.is_empty() {
        return;
    }
    DRAWING.with_borrow_mut(|drawing| {
        let Some(drawing) = drawing.as_mut().filter(|drawing| drawing.allowed) else {
            return;
        };
        let start = buf.index_of(place.x, place.y);
        check_base(drawing, buf, &(start..start + usize::from(place.width)));
        drawing.now.blanks.push(Blank {
            y: place.y,
            from: place.x,
            to: place.right(),
        });
    });
}

/// Cells of a row, `place`, that were blanked in `style` (reset, then
/// styled): told as [`blank`] when that is the frame's base.
pub fn blank_in(buf: &Buffer, place: Rect, style: ratatui::style::Style) {
    let on_base = DRAWING.with_borrow(|drawing| {
        drawing
            .as_ref()
            .is_some_and(|drawing| drawing.allowed && drawing.base_style == style)
    });
    if on_base {
        blank(buf, place);
    }
}

/// The cells of `blank` in `buffer`.
fn cells_of(buffer: &Buffer, blank: Blank) -> Range<usize> {
    let start = buffer.index_of(blank.from, blank.y);
    start..start + usize::from(blank.to - blank.from)
}

/// What both frames left blank (both sorted, each without overlaps).
pub(super) fn common<'a>(
    now: &'a [Blank],
    earlier: &'a [Blank],
) -> impl Iterator<Item = Blank> + 'a {
    let (mut a, mut b) = (0, 0);
    std::iter::from_fn(move || {
        while let (Some(one), Some(other)) = (now.get(a), earlier.get(b)) {
            let (from, to) = (one.from.max(other.from), one.to.min(other.to));
            // The one that ends first is done with.
            if (one.y, one.to) <= (other.y, other.to) {
                a += 1;
            } else {
                b += 1;
            }
            if one.y == other.y && from < to {
                return Some(Blank { y: one.y, from, to });
            }
        }
        None
    })
}

/// At the end of a frame (`kept::end`): what this frame and the frame on
/// screen both left blank is added to the cells passed over.
///
/// # Panics
/// In check mode, when a row told blank was drawn over later in the frame,
/// or was not blank on screen.
pub(super) fn pass_over(drawing: &mut Drawing, drawn: &Buffer, checking: bool) {
    let now = &mut drawing.now;
    now.blanks.sort_unstable();
    if checking {
        for blank in &now.blanks {
            assert!(
                drawn.content[cells_of(drawn, *blank)]
                    .iter()
                    .all(|cell| *cell == drawing.base),
                "the row left blank at {},{} was drawn over later in the frame",
                blank.from,
                blank.y
            );
        }
    }
    if let Some(earlier) = drawing
        .earlier
        .as_ref()
        .filter(|earlier| earlier.buffer.area == drawn.area && earlier.records.base == now.base)
    {
        for blank in common(&now.blanks, &earlier.records.blanks) {
            let cells = cells_of(drawn, blank);
            assert!(
                !checking
                    || earlier.buffer.content[cells.clone()]
                        .iter()
                        .all(|cell| *cell == drawing.base),
                "the row left blank at {},{} was not blank on screen",
                blank.from,
                blank.y
            );
            drawing.copied.push(cells);
        }
    }
}

//! The outcome screen's rows as last drawn, cell for cell, and what they
//! were drawn from. Opening the screen again with nothing changed (the same
//! kept rows, selection, scroll, area and styles) copies the cells instead
//! of drawing 40 rows of text again: about a sixth of that key's cost. Like
//! the kept rows, this is a cache the view owns: what it gives is exactly
//! what drawing gives (a test holds it to that).

use std::cell::RefCell;
use std::rc::Rc;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::Row;

/// What the cells were drawn from. The rows are held (not only their
/// address), so no other rows can come to stand at the same address.
pub(super) struct DrawnFrom {
    pub rows: Rc<Vec<Row>>,
    pub selected: Option<usize>,
    pub offset: usize,
    pub area: Rect,
    /// Every style the rows and the area under them are drawn in.
    pub styles: [Style; 5],
}

impl DrawnFrom {
    fn same(&self, other: &DrawnFrom) -> bool {
        Rc::ptr_eq(&self.rows, &other.rows)
            && self.selected == other.selected
            && self.offset == other.offset
            && self.area == other.area
            && self.styles == other.styles
    }
}

thread_local! {
    static DRAWN: RefCell<Option<(DrawnFrom, Buffer)>> = const { RefCell::new(None) };
}

/// Puts the cells drawn from `from` into `area` of `buf`: copied when they
/// were drawn from the same before, else drawn by `draw` and kept.
pub(super) fn draw_kept(buf: &mut Buffer, from: DrawnFrom, draw: impl FnOnce(&mut Buffer)) {
    let area = from.area.intersection(buf.area);
    let copied = DRAWN.with_borrow(|drawn| match drawn {
        Some((made_from, cells)) if made_from.same(&from) && cells.area == area => {
            copy(cells, buf, area);
            true
        }
        _ => false,
    });
    if copied {
        return;
    }
    draw(buf);
    let mut cells = Buffer::empty(area);
    copy(buf, &mut cells, area);
    DRAWN.set(Some((from, cells)));
}

/// Copies the cells of `area` from `from` to `to` (both hold all of it).
fn copy(from: &Buffer, to: &mut Buffer, area: Rect) {
    for y in area.top()..area.bottom() {
        let (start, end) = (from.index_of(area.left(), y), to.index_of(area.left(), y));
        let width = usize::from(area.width);
        to.content[end..end + width].clone_from_slice(&from.content[start..start + width]);
    }
}

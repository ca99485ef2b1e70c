//! Drawing a text, as the editor lays it out, into a frame.

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use super::{TextCursor, Viewport, layout, to_u16, visible};

/// Calls `f` on every cell of `area` (clipped to the buffer), a row slice at
/// a time: what `Buffer::set_style` does cell by cell, with one index
/// computation per row instead of one per cell (a frame touches every cell
/// for the background alone).
pub fn for_each_cell(buf: &mut Buffer, area: Rect, mut f: impl FnMut(&mut Cell)) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    for y in area.top()..area.bottom() {
        let start = buf.index_of(area.x, y);
        for cell in &mut buf.content[start..start + usize::from(area.width)] {
            f(cell);
        }
    }
}

/// Draws the visible part of the text into `area` of `buf` with `style`.
/// Returns the absolute screen position of the cursor (for
/// `Frame::set_cursor_position`) if `show_cursor` is set and the cursor is in view.
pub fn render(
    text: &str,
    cursor: &TextCursor,
    area: Rect,
    buf: &mut Buffer,
    style: Style,
    show_cursor: bool,
) -> Option<Position> {
    let area = area.intersection(buf.area);
    // Blank the box first: a shorter text must not leave the tail of what
    // was drawn there before.
    for_each_cell(buf, area, |cell| {
        cell.reset();
        cell.set_style(style);
    });
    let shown = visible(text, cursor, Viewport::from(area));
    let width = usize::from(area.width);
    for (row_index, range) in shown.rows.iter().enumerate() {
        let y = area.y.saturating_add(to_u16(row_index));
        if y >= area.bottom() {
            break;
        }
        let start = buf.index_of(area.x, y);
        let row = &mut buf.content[start..start + width];
        let mut column = 0usize;
        for (_, grapheme) in layout::graphemes(&text[range.clone()]) {
            let grapheme_columns = layout::grapheme_width(grapheme);
            if grapheme_columns == 0 {
                // Zero-width graphemes (a stray combining mark, a zero-width
                // space) take no cell; the terminal cannot show them alone.
                continue;
            }
            if column + grapheme_columns > width {
                break;
            }
            let cell = &mut row[column];
            // The box was blanked: a space is there already.
            if grapheme != " " {
                cell.set_symbol(layout::display_symbol(grapheme));
            }
            cell.set_style(style);
            // The cells under the right half of a wide character must be
            // empty, or the terminal would draw stale content over it.
            for covered in &mut row[column + 1..column + grapheme_columns] {
                covered.reset();
                covered.set_style(style);
            }
            column += grapheme_columns;
        }
        // The rest of the row stays blank.
        crate::tui::screen::kept::blank_in(
            buf,
            Rect::new(area.x + to_u16(column), y, area.width - to_u16(column), 1),
            style,
        );
    }
    for y in area.y.saturating_add(to_u16(shown.rows.len()))..area.bottom() {
        crate::tui::screen::kept::blank_in(buf, Rect::new(area.x, y, area.width, 1), style);
    }
    if !show_cursor {
        return None;
    }
    shown
        .cursor
        .map(|(column, row)| Position::new(area.x + column, area.y + row))
}

//! Multi-line note editing: the cursor, soft word wrap, scrolling and drawing
//! of a note that is a plain `String` owned by the scan.
//!
//! Everything here is a pure function on `(&mut String, &mut TextCursor)`, so
//! the note is never copied and the editor can be tested without a terminal.
//! Lines are separated by `\n` only. The cursor and the scroll position are
//! byte offsets, which is what lets a keystroke in a long note look only at
//! the rows on screen and the logical lines it touches, never the whole text.
//!
//! Display choices, kept consistent between drawing and cursor placement:
//! a tab is one cell wide and drawn as a space; a control character in text
//! loaded from elsewhere is drawn as `�`; a cursor at the end of a row that
//! fills the whole width (or in spaces hanging past the edge) is drawn on the
//! row's last column.

mod draw;
mod layout;
mod memo;
mod sanitize;

pub use draw::{for_each_cell, render};

/// Also used by the plain mode, so typed lines are cleaned the same way.
pub use sanitize::sanitize_paste;
#[cfg(test)]
mod tests;

use std::ops::Range;

use ratatui::layout::Rect;

use layout::Row;

/// Where the cursor is and what part of the text is in view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextCursor {
    /// Byte offset into the text, always on a grapheme boundary after `apply`
    /// or `ensure_visible`.
    pub byte: usize,
    /// Display column to aim for when moving up/down through shorter rows.
    pub goal_column: Option<usize>,
    /// Byte offset of the first visible visual row (a row start for the current width).
    pub scroll_top: usize,
}

/// One edit or movement, as asked for by a key or a paste.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditOp {
    Insert(char),
    Paste(String),
    Newline,
    Backspace,
    Delete,
    Left,
    Right,
    WordLeft,
    WordRight,
    Up,
    Down,
    RowStart,
    RowEnd,
    TextStart,
    TextEnd,
    PageUp,
    PageDown,
}

/// The size of the box the text is shown in (width in terminal cells, height in rows).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Viewport {
    pub width: u16,
    pub height: u16,
}

impl From<Rect> for Viewport {
    fn from(area: Rect) -> Self {
        Viewport {
            width: area.width,
            height: area.height,
        }
    }
}

impl Viewport {
    /// The width used for wrapping: a zero-width box still wraps (one
    /// grapheme per row) so that cursor movement keeps working.
    fn wrap_width(self) -> usize {
        usize::from(self.width.max(1))
    }

    /// The number of rows kept in view; at least one for the same reason.
    fn rows(self) -> usize {
        usize::from(self.height.max(1))
    }
}

/// What is on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VisibleText {
    /// The visible visual rows, top to bottom, as byte ranges into the text
    /// without the trailing newline. Spaces hanging past the right edge are
    /// included; drawing clips them.
    pub rows: Vec<Range<usize>>,
    /// The cursor's (column, row) inside the viewport, if it is in view.
    pub cursor: Option<(u16, u16)>,
    pub more_above: bool,
    pub more_below: bool,
}

/// What an edit changed: `removed` bytes at byte `offset` were replaced by
/// `inserted`. Exactly what the journal records, known without comparing the
/// text before and after (which would copy a long note on every key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Splice {
    pub offset: usize,
    pub removed: usize,
    pub inserted: String,
}

/// Applies one edit or movement; returns true when the text changed.
/// Afterwards the cursor is on a grapheme boundary and visible in the
/// viewport (`scroll_top` adjusted).
pub fn apply(text: &mut String, cursor: &mut TextCursor, op: EditOp, viewport: Viewport) -> bool {
    edit(text, cursor, op, viewport).is_some()
}

/// As [`apply`], and says what changed: `None` when the text did not.
pub fn edit(
    text: &mut String,
    cursor: &mut TextCursor,
    op: EditOp,
    viewport: Viewport,
) -> Option<Splice> {
    cursor.byte =
        layout::floor_grapheme_boundary(text, layout::floor_char_boundary(text, cursor.byte));
    let width = viewport.wrap_width();
    let byte = cursor.byte;
    // Vertical moves aim for the column the cursor started in; anything else
    // sets a new column to aim for.
    let keeps_goal = matches!(
        op,
        EditOp::Up | EditOp::Down | EditOp::PageUp | EditOp::PageDown
    );
    let inserted = |inserted: String| Splice {
        offset: byte,
        removed: 0,
        inserted,
    };
    let changed = match op {
        EditOp::Insert(c) => {
            if sanitize::is_forbidden(c) {
                None
            } else {
                text.insert(byte, c);
                cursor.byte = byte + c.len_utf8();
                Some(inserted(c.to_string()))
            }
        }
        EditOp::Paste(pasted) => {
            let clean = sanitize::sanitize_paste(&pasted);
            text.insert_str(byte, &clean);
            cursor.byte = byte + clean.len();
            (!clean.is_empty()).then(|| inserted(clean))
        }
        EditOp::Newline => {
            text.insert(byte, '\n');
            cursor.byte = byte + 1;
            Some(inserted("\n".to_string()))
        }
        EditOp::Backspace => {
            let previous = layout::previous_position(text, byte);
            text.replace_range(previous..byte, "");
            cursor.byte = previous;
            (previous < byte).then(|| Splice {
                offset: previous,
                removed: byte - previous,
                inserted: String::new(),
            })
        }
        EditOp::Delete => {
            let next = layout::next_position(text, byte);
            text.replace_range(byte..next, "");
            (next > byte).then(|| Splice {
                offset: byte,
                removed: next - byte,
                inserted: String::new(),
            })
        }
        EditOp::Left => {
            cursor.byte = layout::previous_position(text, byte);
            None
        }
        EditOp::Right => {
            cursor.byte = layout::next_position(text, byte);
            None
        }
        EditOp::WordLeft => {
            cursor.byte = layout::word_start_before(text, byte);
            None
        }
        EditOp::WordRight => {
            cursor.byte = layout::word_end_after(text, byte);
            None
        }
        EditOp::Up => {
            move_vertically(text, cursor, Direction::Up, 1, width);
            None
        }
        EditOp::Down => {
            move_vertically(text, cursor, Direction::Down, 1, width);
            None
        }
        EditOp::PageUp => {
            page(text, cursor, Direction::Up, viewport);
            None
        }
        EditOp::PageDown => {
            page(text, cursor, Direction::Down, viewport);
            None
        }
        EditOp::RowStart => {
            cursor.byte = layout::row_at(text, byte, width).start;
            None
        }
        EditOp::RowEnd => {
            let row = layout::row_at(text, byte, width);
            cursor.byte = layout::row_last_position(text, &row);
            None
        }
        EditOp::TextStart => {
            cursor.byte = 0;
            None
        }
        EditOp::TextEnd => {
            cursor.byte = text.len();
            None
        }
    };
    if !keeps_goal {
        cursor.goal_column = None;
    }
    ensure_visible(text, cursor, viewport);
    changed
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Up,
    Down,
}

/// Moves the cursor `count` visual rows up or down, aiming for the goal
/// column; returns how many rows it moved. With no row left in that
/// direction the cursor goes to the start or end of the text, as in most
/// editors.
fn move_vertically(
    text: &str,
    cursor: &mut TextCursor,
    direction: Direction,
    count: usize,
    width: usize,
) -> usize {
    let row = layout::row_at(text, cursor.byte, width);
    let goal = cursor
        .goal_column
        .unwrap_or_else(|| layout::display_width(&text[row.start..cursor.byte]));
    cursor.goal_column = Some(goal);
    let (target, moved) = match direction {
        Direction::Up => {
            let (start, moved) = layout::rows_up(text, row.start, count, width);
            (layout::row_at(text, start, width), moved)
        }
        Direction::Down => rows_down(text, row, count, width),
    };
    cursor.byte = match (moved, direction) {
        (0, Direction::Up) => 0,
        (0, Direction::Down) => text.len(),
        _ => layout::position_at_column(text, &target, goal),
    };
    moved
}

/// The row `count` rows below `row`, or the last row if there are fewer,
/// with the number of rows actually moved.
fn rows_down(text: &str, row: Row, count: usize, width: usize) -> (Row, usize) {
    let mut current = row;
    let mut moved = 0;
    while moved < count {
        match layout::next_row(text, &current, width) {
            Some(next) => current = next,
            None => break,
        }
        moved += 1;
    }
    (current, moved)
}

/// PageUp/PageDown: moves the cursor a viewport height minus one row, and the
/// view with it, so the page turns but one row of context stays in sight.
fn page(text: &str, cursor: &mut TextCursor, direction: Direction, viewport: Viewport) {
    let width = viewport.wrap_width();
    let page_rows = viewport.rows().saturating_sub(1).max(1);
    let moved = move_vertically(text, cursor, direction, page_rows, width);
    let top = layout::row_at(
        text,
        layout::floor_char_boundary(text, cursor.scroll_top),
        width,
    );
    cursor.scroll_top = match direction {
        Direction::Up => layout::rows_up(text, top.start, moved, width).0,
        Direction::Down => rows_down(text, top, moved, width).0.start,
    };
}

/// Re-establishes the invariants after the text or the viewport changed
/// outside `apply` (e.g. a resize, or the text was replaced): clamps the
/// cursor to a grapheme boundary, snaps `scroll_top` to the start of its row
/// for the current width and scrolls the cursor into view.
pub fn ensure_visible(text: &str, cursor: &mut TextCursor, viewport: Viewport) {
    let top = snap(text, cursor, viewport);
    // Usually the cursor is in view already, and what is in view is what the
    // next frame draws: asking `visible` (the memo) here does the wrapping
    // the frame would do, once, instead of a walk of its own.
    if viewport.width > 0 && viewport.height > 0 {
        let shown = visible(text, cursor, viewport);
        if shown.cursor.is_some() {
            let rows = viewport.rows();
            if let Some(last) = shown.rows.last()
                && shown.rows.len() < rows
                && top.start > 0
            {
                // As in `scroll_to_cursor`: the text ends above the bottom of the box.
                let width = viewport.wrap_width();
                cursor.scroll_top = layout::rows_up(text, last.start, rows - 1, width).0;
            }
            return;
        }
    }
    scroll_to_cursor(text, cursor, top, viewport);
}

/// [`ensure_visible`] without asking `visible`: the walk it falls back on
/// when the cursor is out of view, for the tests to compare with.
#[cfg(test)]
fn ensure_visible_by_walking(text: &str, cursor: &mut TextCursor, viewport: Viewport) {
    let top = snap(text, cursor, viewport);
    scroll_to_cursor(text, cursor, top, viewport);
}

/// Clamps the cursor to a grapheme boundary and snaps `scroll_top` to the
/// start of its row for the current width; returns that (top) row.
fn snap(text: &str, cursor: &mut TextCursor, viewport: Viewport) -> Row {
    cursor.byte =
        layout::floor_grapheme_boundary(text, layout::floor_char_boundary(text, cursor.byte));
    let top = layout::row_at(
        text,
        layout::floor_char_boundary(text, cursor.scroll_top),
        viewport.wrap_width(),
    );
    cursor.scroll_top = top.start;
    top
}

/// Scrolls so the cursor is in view, `top` being the row now at the top.
fn scroll_to_cursor(text: &str, cursor: &mut TextCursor, top: Row, viewport: Viewport) {
    let width = viewport.wrap_width();
    let rows = viewport.rows();
    let cursor_row = layout::row_at(text, cursor.byte, width);
    if cursor_row.start < top.start {
        cursor.scroll_top = cursor_row.start;
        return;
    }
    // Walk down at most one screen from the top: the cursor is either on it
    // or the view must end at the cursor's row.
    let mut row = top;
    let mut rows_seen = 1;
    let mut cursor_in_view = false;
    loop {
        if row.start == cursor_row.start {
            cursor_in_view = true;
        }
        if rows_seen == rows {
            break;
        }
        match layout::next_row(text, &row, width) {
            Some(next) => row = next,
            None => break,
        }
        rows_seen += 1;
    }
    if !cursor_in_view {
        cursor.scroll_top = layout::rows_up(text, cursor_row.start, rows - 1, width).0;
    } else if rows_seen < rows && top.start > 0 {
        // The text ends above the bottom of the box (after deleting or a
        // PageDown near the end): pull the view down so no space is wasted.
        cursor.scroll_top = layout::rows_up(text, row.start, rows - 1, width).0;
    }
}

/// What is on screen for this cursor and viewport. Does not move the view:
/// if the cursor is out of view (no `ensure_visible` since a change), its
/// position is `None`.
pub fn visible(text: &str, cursor: &TextCursor, viewport: Viewport) -> VisibleText {
    memo::visible(text, cursor, viewport, compute_visible_reading)
}

/// [`visible`], computed: grapheme segmentation and wrapping of the rows in view.
#[cfg(test)]
fn compute_visible(text: &str, cursor: &TextCursor, viewport: Viewport) -> VisibleText {
    compute_visible_reading(text, cursor, viewport).0
}

/// [`visible`], computed, with the bytes of `text` the computation read:
/// nothing outside that range can change the answer, nor can `text.len()`
/// unless the range reaches it (which is what lets the memo keep long
/// texts). It is the logical lines from the one holding `scroll_top` to the
/// one after the last row shown, with the line break before them and the
/// one ending them.
fn compute_visible_reading(
    text: &str,
    cursor: &TextCursor,
    viewport: Viewport,
) -> (VisibleText, Range<usize>) {
    let mut shown = VisibleText {
        rows: Vec::new(),
        cursor: None,
        more_above: false,
        more_below: false,
    };
    if viewport.width == 0 || viewport.height == 0 {
        return (shown, 0..0);
    }
    let width = viewport.wrap_width();
    let cursor_byte = layout::floor_char_boundary(text, cursor.byte);
    let mut row = layout::row_at(
        text,
        layout::floor_char_boundary(text, cursor.scroll_top),
        width,
    );
    // `line_start` looked back to the line break before the first row's line.
    let read_from = layout::line_start(text, row.start).saturating_sub(1);
    // `line_end` looked up to and including the break ending each line wrapped.
    let mut last_line_end = row.line_end;
    shown.more_above = row.start > 0;
    loop {
        if row.holds(cursor_byte) {
            let column = layout::display_width(&text[row.start..cursor_byte]).min(width - 1);
            shown.cursor = Some((to_u16(column), to_u16(shown.rows.len())));
        }
        shown.rows.push(row.start..row.end);
        let next = layout::next_row(text, &row, width);
        if let Some(next) = &next {
            last_line_end = last_line_end.max(next.line_end);
        }
        match next {
            Some(next) if shown.rows.len() < viewport.rows() => row = next,
            Some(_) => {
                shown.more_below = true;
                break;
            }
            None => break,
        }
    }
    let read_to = (last_line_end + 1).min(text.len());
    (shown, read_from..read_to)
}

/// Both values come from a `u16` viewport, so this never saturates in practice.
fn to_u16(value: usize) -> u16 {
    u16::try_from(value).unwrap_or(u16::MAX)
}

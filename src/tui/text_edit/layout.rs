//! How the text falls apart into visual rows: soft word wrap of one logical
//! line at a time, grapheme boundaries and display widths.
//!
//! Nothing here ever wraps the whole text. Every function starts from a
//! known row or line start and walks only as far as it must, so the cost of
//! a keystroke depends on the rows on screen and the logical lines touched,
//! not on the size of the note.

use unicode_segmentation::{GraphemeCursor, UnicodeSegmentation};
use unicode_width::UnicodeWidthStr;

use super::sanitize::is_forbidden;

/// One visual row of the wrapped text.
///
/// Rows partition each logical line: a row that is not the last of its line
/// ends exactly where the next one starts (trailing spaces that do not fit
/// hang past the right edge and belong to the row they follow). The last row
/// of a line ends at the line's `\n` or at the end of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Row {
    pub start: usize,
    pub end: usize,
    /// Byte offset of the `\n` ending this logical line, or the text length.
    pub line_end: usize,
}

impl Row {
    pub fn is_last_of_line(&self) -> bool {
        self.end >= self.line_end
    }

    /// True when a cursor at `byte` is drawn in this row. The line end
    /// belongs to the line's last row; any other row end belongs to the next row.
    pub fn holds(&self, byte: usize) -> bool {
        self.start <= byte && (byte < self.end || (self.is_last_of_line() && byte == self.end))
    }
}

#[cfg(test)]
thread_local! {
    /// Bytes walked by the layout code in this thread, so tests can prove that
    /// a keystroke does not look at the whole text.
    pub(super) static BYTES_SCANNED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

#[cfg(test)]
fn note_scanned(bytes: usize) {
    BYTES_SCANNED.with(|scanned| scanned.set(scanned.get() + bytes));
}

#[cfg(not(test))]
fn note_scanned(_bytes: usize) {}

/// Whether `byte` is a printable ASCII character (a space up to `~`).
fn is_printable_ascii(byte: u8) -> bool {
    (0x20..0x7f).contains(&byte)
}

pub(super) use crate::tui::graphemes::graphemes;

/// The display width of one grapheme. Tabs and forbidden characters (which
/// may still be in text loaded from elsewhere) are drawn as one cell, see
/// `display_symbol`.
pub(super) fn grapheme_width(grapheme: &str) -> usize {
    if let [byte] = grapheme.as_bytes()
        && is_printable_ascii(*byte)
    {
        return 1;
    }
    match grapheme.chars().next() {
        Some(c) if c == '\t' || is_forbidden(c) => 1,
        _ => grapheme.width(),
    }
}

/// What to put in the terminal cell for a grapheme: a tab is a single space,
/// a control character a replacement mark, so nothing in a note can send a
/// control sequence to the terminal.
pub(super) fn display_symbol(grapheme: &str) -> &str {
    match grapheme.chars().next() {
        Some('\t') => " ",
        Some(c) if is_forbidden(c) => "\u{FFFD}",
        _ => grapheme,
    }
}

/// The display width of a stretch of one logical line.
pub(super) fn display_width(text: &str) -> usize {
    note_scanned(text.len());
    graphemes(text)
        .map(|(_, grapheme)| grapheme_width(grapheme))
        .sum()
}

fn is_wrap_space(grapheme: &str) -> bool {
    grapheme == " " || grapheme == "\t"
}

/// The largest char boundary at or below `byte`, clamped to the text.
pub(super) fn floor_char_boundary(text: &str, byte: usize) -> usize {
    let mut byte = byte.min(text.len());
    while !text.is_char_boundary(byte) {
        byte -= 1;
    }
    byte
}

/// Start of the logical line containing `byte` (a char boundary).
pub(super) fn line_start(text: &str, byte: usize) -> usize {
    let start = text.as_bytes()[..byte]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |newline| newline + 1);
    note_scanned(byte - start);
    start
}

/// End (the `\n` or the text length) of the logical line containing `byte`.
pub(super) fn line_end(text: &str, byte: usize) -> usize {
    let end = text.as_bytes()[byte..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(text.len(), |offset| byte + offset);
    note_scanned(end - byte);
    end
}

/// Where the row starting at `start` ends when the line ends at `line_end`.
///
/// Greedy word wrap: a row takes graphemes while they fit; spaces may hang
/// past the edge; a word that does not fit moves to the next row, unless it
/// is the row's first word, which is then broken at the width. A row always
/// takes at least one grapheme, which is what keeps a width of 0 or 1, or a
/// wide character in a narrow box, from looping forever.
pub(super) fn row_end(text: &str, start: usize, line_end: usize, width: usize) -> usize {
    let width = width.max(1);
    let mut column = 0;
    let mut last_word_start = None;
    let mut previous_was_space = false;
    for (offset, grapheme) in graphemes(&text[start..line_end]) {
        let byte = start + offset;
        let is_space = is_wrap_space(grapheme);
        if !is_space && previous_was_space {
            last_word_start = Some(byte);
        }
        let grapheme_columns = grapheme_width(grapheme);
        if column + grapheme_columns > width && !is_space && byte > start {
            let end = last_word_start.unwrap_or(byte);
            note_scanned(byte + grapheme.len() - start);
            return end;
        }
        column += grapheme_columns;
        previous_was_space = is_space;
    }
    note_scanned(line_end - start);
    line_end
}

/// The row that starts at `start` in the line ending at `line_end`.
fn row_from(text: &str, start: usize, line_end: usize, width: usize) -> Row {
    Row {
        start,
        end: row_end(text, start, line_end, width),
        line_end,
    }
}

/// The row in which a cursor at `byte` (a char boundary) is drawn.
pub(super) fn row_at(text: &str, byte: usize, width: usize) -> Row {
    let line_end = line_end(text, byte);
    let mut row = row_from(text, line_start(text, byte), line_end, width);
    while !row.holds(byte) {
        row = row_from(text, row.end, line_end, width);
    }
    row
}

/// The row after `row`, if any. Within a line this costs one row; entering
/// a new line costs a search for that line's end.
pub(super) fn next_row(text: &str, row: &Row, width: usize) -> Option<Row> {
    if !row.is_last_of_line() {
        Some(row_from(text, row.end, row.line_end, width))
    } else if row.line_end < text.len() {
        let start = row.line_end + 1;
        Some(row_from(text, start, line_end(text, start), width))
    } else {
        None
    }
}

/// The row start `count` rows above the row starting at `row_start`, or the
/// first row of the text if there are fewer; also returns how many rows it
/// went up. Each logical line passed is wrapped once, so going up a page in
/// one huge line costs one pass over that line, not one per row.
pub(super) fn rows_up(text: &str, row_start: usize, count: usize, width: usize) -> (usize, usize) {
    let mut current = row_start;
    let mut moved = 0;
    let mut starts = Vec::new();
    while moved < count && current > 0 {
        // The rows above `current` are in its own line, or, when `current`
        // starts a line, in the previous one. The wrap must see the real line
        // end: whether a word fits depends on where it ends, which may be
        // past `current`.
        let line_end = if text.as_bytes()[current - 1] == b'\n' {
            current - 1
        } else {
            line_end(text, current)
        };
        starts.clear();
        let mut start = line_start(text, current.min(line_end));
        loop {
            starts.push(start);
            let end = row_end(text, start, line_end, width);
            if end >= line_end || end >= current {
                break;
            }
            start = end;
        }
        let taken = (count - moved).min(starts.len());
        current = starts[starts.len() - taken];
        moved += taken;
    }
    (current, moved)
}

/// The grapheme boundary at or before `byte` (a char boundary), computed
/// within the logical line so a `\r\n` in foreign text cannot hide a line end.
pub(super) fn floor_grapheme_boundary(text: &str, byte: usize) -> usize {
    let start = line_start(text, byte);
    let end = line_end(text, byte);
    let line = &text[start..end];
    let mut cursor = GraphemeCursor::new(byte - start, line.len(), true);
    match cursor.is_boundary(line, 0) {
        Ok(true) => byte,
        _ => match cursor.prev_boundary(line, 0) {
            Ok(Some(boundary)) => start + boundary,
            _ => start,
        },
    }
}

/// The previous cursor position: one grapheme back, or from a line start to
/// the end of the previous line.
pub(super) fn previous_position(text: &str, byte: usize) -> usize {
    if byte == 0 {
        return 0;
    }
    let start = line_start(text, byte);
    if byte == start {
        return byte - 1;
    }
    let end = line_end(text, byte);
    let line = &text[start..end];
    let mut cursor = GraphemeCursor::new(byte - start, line.len(), true);
    match cursor.prev_boundary(line, 0) {
        Ok(Some(boundary)) => start + boundary,
        _ => start,
    }
}

/// The next cursor position: one grapheme on, or from a line end to the
/// start of the next line.
pub(super) fn next_position(text: &str, byte: usize) -> usize {
    if byte >= text.len() {
        return text.len();
    }
    let end = line_end(text, byte);
    if byte == end {
        return byte + 1;
    }
    let start = line_start(text, byte);
    let line = &text[start..end];
    let mut cursor = GraphemeCursor::new(byte - start, line.len(), true);
    match cursor.next_boundary(line, 0) {
        Ok(Some(boundary)) => start + boundary,
        _ => end,
    }
}

/// The position in `row` closest to display column `goal` without passing it.
/// Only the last row of a line can hold its own end; in other rows the end
/// belongs to the next row, so the cursor stops before the last grapheme.
pub(super) fn position_at_column(text: &str, row: &Row, goal: usize) -> usize {
    let mut column = 0;
    let mut last_grapheme_start = row.start;
    note_scanned(row.end - row.start);
    for (offset, grapheme) in graphemes(&text[row.start..row.end]) {
        let byte = row.start + offset;
        let grapheme_columns = grapheme_width(grapheme);
        if column + grapheme_columns > goal {
            return byte;
        }
        column += grapheme_columns;
        last_grapheme_start = byte;
    }
    if row.is_last_of_line() {
        row.end
    } else {
        last_grapheme_start
    }
}

/// The last position that still belongs to `row` (End key).
pub(super) fn row_last_position(text: &str, row: &Row) -> usize {
    position_at_column(text, row, usize::MAX)
}

fn is_word_grapheme(grapheme: &str) -> bool {
    grapheme
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// The end of the word at or after `byte`: skips what is not a word, then the word.
pub(super) fn word_end_after(text: &str, byte: usize) -> usize {
    let rest = &text[byte..];
    let mut in_word = false;
    for (offset, grapheme) in rest.grapheme_indices(true) {
        let is_word = is_word_grapheme(grapheme);
        if in_word && !is_word {
            note_scanned(offset);
            return byte + offset;
        }
        in_word |= is_word;
    }
    note_scanned(rest.len());
    text.len()
}

/// The start of the word at or before `byte`: skips what is not a word
/// backwards, then the word.
pub(super) fn word_start_before(text: &str, byte: usize) -> usize {
    let before = &text[..byte];
    let mut in_word = false;
    let mut start = byte;
    for (offset, grapheme) in before.grapheme_indices(true).rev() {
        let is_word = is_word_grapheme(grapheme);
        if in_word && !is_word {
            break;
        }
        in_word |= is_word;
        start = offset;
    }
    note_scanned(byte - start);
    start
}

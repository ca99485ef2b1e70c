//! PLACEHOLDER, replaced by the text_edit branch at merge. Same API, naive code.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextCursor {
    pub byte: usize,
    pub goal_column: Option<usize>,
    pub scroll_top: usize,
}

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Viewport {
    pub width: u16,
    pub height: u16,
}

pub struct VisibleText {
    pub rows: Vec<std::ops::Range<usize>>,
    pub cursor: Option<(u16, u16)>,
    pub more_above: bool,
    pub more_below: bool,
}

pub fn apply(text: &mut String, cursor: &mut TextCursor, op: EditOp, _viewport: Viewport) -> bool {
    match op {
        EditOp::Insert(c) => {
            text.insert(cursor.byte.min(text.len()), c);
            cursor.byte += c.len_utf8();
            true
        }
        EditOp::Paste(s) => {
            text.insert_str(cursor.byte.min(text.len()), &s);
            cursor.byte += s.len();
            true
        }
        EditOp::Newline => {
            text.insert(cursor.byte.min(text.len()), '\n');
            cursor.byte += 1;
            true
        }
        EditOp::Backspace => {
            if let Some(c) = text[..cursor.byte].chars().next_back() {
                cursor.byte -= c.len_utf8();
                text.remove(cursor.byte);
                true
            } else {
                false
            }
        }
        _ => false,
    }
}

pub fn ensure_visible(_text: &str, _cursor: &mut TextCursor, _viewport: Viewport) {}

pub fn visible(text: &str, _cursor: &TextCursor, viewport: Viewport) -> VisibleText {
    let mut rows = Vec::new();
    let mut start = 0;
    for line in text.split('\n') {
        rows.push(start..start + line.len());
        start += line.len() + 1;
    }
    rows.truncate(viewport.height as usize);
    VisibleText {
        rows,
        cursor: None,
        more_above: false,
        more_below: false,
    }
}

pub fn render(
    text: &str,
    cursor: &TextCursor,
    area: Rect,
    buf: &mut Buffer,
    style: Style,
    _show_cursor: bool,
) -> Option<Position> {
    let shown = visible(
        text,
        cursor,
        Viewport {
            width: area.width,
            height: area.height,
        },
    );
    for (row, range) in shown.rows.into_iter().enumerate() {
        buf.set_stringn(area.x, area.y + row as u16, &text[range], area.width as usize, style);
    }
    None
}

//! Rows kept from the frame on screen, or from the last frame of the page
//! being opened again. Every frame is drawn whole and compared with the one
//! on screen; moving from one criterion to the next leaves most rows as
//! they were (the criteria list, the labels, the key hints). A row that a
//! widget draws on the frame's base ([`row`]: nothing drawn under it
//! earlier in the frame), that the frame on screen drew the same way at
//! the same place, is moved from it instead of drawn, and the comparison
//! passes over the moved cells. The frame on screen may show another
//! page: the top bar reads the same on all of them.
//!
//! A page opened again (the outcome screen after a look at the criteria,
//! the criteria after the outcome screen) finds its rows in its own last
//! frame, kept by the screen since the switch ([`Earlier`], `away`): they
//! are moved from there instead of drawn, and compared as drawn rows are.
//!
//! A row the frame leaves as its base ([`blank`]: the list's rows below its
//! last, the walkthrough's box below its last field), left so on screen
//! too, is passed over by the comparison as well; nothing needs copying.
//!
//! "The same way" is the row's key: every byte of what it is drawn from
//! (its text, its styles, its width, the frame's base), written out, not
//! hashed, and compared in full. Rows are kept only in frames with nothing
//! drawn over the screen afterwards (a dialog, a banner: [`allow`]); a row
//! drawn over by another row stops being kept ([`drawn_over`]). In check
//! mode ([`Screen::check_kept_rows`](super::Screen::check_kept_rows), on in
//! the tests that type at the real views) every kept row is drawn afresh
//! too and compared, every row is checked to start on the frame's base,
//! and at the end of the frame every row is checked to show what it drew.

use std::cell::RefCell;
use std::ops::Range;

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::{Color, Style};

mod left_blank;
use left_blank::Blank;
pub use left_blank::{blank, blank_in};

/// A row drawn in a frame: where, how wide, what from (a range of the
/// frame's key bytes), how many of its columns were drawn on (the rest is
/// left as the base), and whether a later frame took its cells (they are
/// no longer in this frame's buffer).
#[derive(Debug, Clone)]
struct Record {
    y: u16,
    x: u16,
    width: u16,
    key: Range<usize>,
    drawn: u16,
    taken: bool,
}

/// The rows one frame drew, sorted by place once it is drawn, and what it
/// left as its base ([`blank`]).
#[derive(Debug, Default)]
pub struct Records {
    rows: Vec<Record>,
    keys: Vec<u8>,
    blanks: Vec<Blank>,
    /// The base, when rows were kept in the frame.
    base: Option<Style>,
}

impl Records {
    /// Takes the row this frame drew at `place` from `key` (the bytes
    /// `key` of `keys`), if it is still here: gives how many columns it drew
    /// on, and marks it taken.
    fn take(&mut self, place: Rect, keys: &[u8], key: &Range<usize>) -> Option<u16> {
        let at = self
            .rows
            .binary_search_by(|row| (row.y, row.x).cmp(&(place.y, place.x)))
            .ok()?;
        let row = &self.rows[at];
        let same = !row.taken
            && row.width == place.width
            && self.keys[row.key.clone()] == keys[key.clone()];
        if !same {
            return None;
        }
        let row = &mut self.rows[at];
        row.taken = true;
        Some(row.drawn)
    }

    /// Emptied, its room kept for the next frame.
    pub fn clear(&mut self) {
        self.rows.clear();
        self.keys.clear();
        self.blanks.clear();
        self.base = None;
    }

    fn sort(&mut self) {
        let place = |row: &Record| (row.y, row.x);
        self.rows.sort_unstable_by_key(place);
        // Rows at a place drawn more than once (the later over the
        // earlier): none of them can be copied.
        let rows = &mut self.rows;
        let (mut read, mut write) = (0, 0);
        while read < rows.len() {
            let mut end = read + 1;
            while end < rows.len() && place(&rows[end]) == place(&rows[read]) {
                end += 1;
            }
            if end - read == 1 {
                rows.swap(write, read);
                write += 1;
            }
            read = end;
        }
        rows.truncate(write);
    }
}

/// A frame drawn earlier and the rows it drew: where rows are taken from,
/// and (the frame on screen) what it left blank.
pub struct Earlier {
    pub buffer: Buffer,
    pub records: Records,
}

/// What a frame being drawn knows.
struct Drawing {
    /// The frame on screen: copied cells need no comparing.
    earlier: Option<Earlier>,
    /// The last frame of the page opened again: rows are taken from there
    /// too (and compared).
    away: Option<Earlier>,
    allowed: bool,
    /// What every cell of the frame starts as (the theme's background),
    /// and its style.
    base: Cell,
    base_style: Style,
    now: Records,
    /// Cells copied, by index.
    copied: Vec<Range<usize>>,
    /// Check mode: each row's cells as drawn, compared at the end.
    check: Option<Vec<(Record, Vec<Cell>)>>,
}

thread_local! {
    static DRAWING: RefCell<Option<Drawing>> = const { RefCell::new(None) };
}

/// A frame starts: rows may be copied from `earlier`, the frame on screen,
/// or from `away`, the last frame of the page opened again; `now` (empty)
/// collects the rows this frame draws.
pub(super) fn begin(earlier: Option<Earlier>, away: Option<Earlier>, now: Records, check: bool) {
    DRAWING.set(Some(Drawing {
        earlier,
        away,
        allowed: false,
        base: Cell::EMPTY,
        base_style: Style::default(),
        now,
        copied: Vec::new(),
        check: check.then(Vec::new),
    }));
}

/// What a frame's drawing leaves: the earlier frames back (rows taken from
/// them marked), the rows drawn, and the cells copied from the frame on
/// screen (sorted).
pub(super) struct Ended {
    pub earlier: Option<Earlier>,
    pub away: Option<Earlier>,
    pub now: Records,
    pub copied: Vec<Range<usize>>,
}

/// The frame is drawn (`drawn`).
///
/// # Panics
/// In check mode, when a row no longer shows what it drew.
pub(super) fn end(drawn: &Buffer) -> Option<Ended> {
    let mut drawing = DRAWING.take()?;
    let checking = drawing.check.is_some();
    if let Some(rows) = drawing.check.take() {
        for (row, cells) in rows {
            let start = drawn.index_of(row.x, row.y);
            let still = drawing.now.rows.iter().any(|kept| kept.key == row.key);
            assert!(
                !still || drawn.content[start..start + cells.len()] == cells[..],
                "the row at {},{} was drawn over later in the frame",
                row.x,
                row.y
            );
        }
    }
    drawing.now.sort();
    left_blank::pass_over(&mut drawing, drawn, checking);
    drawing.copied.sort_unstable_by_key(|range| range.start);
    Some(Ended {
        earlier: drawing.earlier,
        away: drawing.away,
        now: drawing.now,
        copied: drawing.copied,
    })
}

/// Whether rows may be kept in this frame (nothing is drawn over the screen
/// after it), and the style every cell starts with.
pub fn allow(allowed: bool, base: Style) {
    DRAWING.with_borrow_mut(|drawing| {
        if let Some(drawing) = drawing {
            drawing.allowed = allowed;
            let mut cell = Cell::EMPTY;
            if base != Style::default() {
                cell.set_style(base);
            }
            drawing.base = cell;
            drawing.base_style = base;
            drawing.now.base = allowed.then_some(base);
        }
    });
}

/// What [`row`] found in the earlier frame.
enum Found {
    /// Not kept in this frame: draw, record nothing.
    Draw,
    /// Draw, then record.
    DrawAndRecord(Record),
    /// Taken from an earlier frame; recorded.
    Copied(Record),
}

/// A row of one line, `place` (one row high), that `draw` draws on the
/// frame's base, from what `key` writes out (everything the row's cells
/// depend on: its text and styles; the place and the base are added here):
/// copied when the frame on screen drew it the same way.
///
/// # Panics
/// In check mode, when the row does not start on the frame's base, or a
/// copied row is not what drawing it gives.
pub fn row(
    buf: &mut Buffer,
    place: Rect,
    key: impl FnOnce(&mut Key),
    draw: impl FnOnce(&mut Buffer) -> u16,
) {
    let place = place.intersection(buf.area);
    if place.is_empty() {
        return;
    }
    let found = DRAWING.with_borrow_mut(|drawing| match drawing {
        Some(drawing) if drawing.allowed => find(drawing, buf, place, key),
        _ => Found::Draw,
    });
    let start = buf.index_of(place.x, place.y);
    let cells = start..start + usize::from(place.width);
    match found {
        Found::Draw => {
            draw(buf);
        }
        Found::DrawAndRecord(mut record) => {
            DRAWING.with_borrow_mut(|drawing| {
                if let Some(drawing) = drawing {
                    check_base(drawing, buf, &cells);
                }
            });
            record.drawn = draw(buf).min(place.width);
            DRAWING.with_borrow_mut(|drawing| {
                if let Some(drawing) = drawing {
                    recorded(drawing, buf, record, cells);
                }
            });
        }
        Found::Copied(record) => {
            // Check mode: what drawing it on the base gives instead.
            let checking = DRAWING.with_borrow(|drawing| {
                drawing
                    .as_ref()
                    .filter(|drawing| drawing.check.is_some())
                    .map(|drawing| drawing.base.clone())
            });
            if let Some(base) = checking {
                let copied = buf.content[cells.clone()].to_vec();
                buf.content[cells.clone()].fill(base);
                draw(buf);
                assert!(
                    buf.content[cells.clone()] == copied[..],
                    "the row kept at {},{} is not what drawing it gives",
                    place.x,
                    place.y
                );
            }
            DRAWING.with_borrow_mut(|drawing| {
                if let Some(drawing) = drawing {
                    recorded(drawing, buf, record, cells);
                }
            });
        }
    }
}

/// The key of the row at `place`, and whether an earlier frame drew it so
/// (then its cells are moved here, over the base it would be drawn on).
fn find(drawing: &mut Drawing, buf: &mut Buffer, place: Rect, key: impl FnOnce(&mut Key)) -> Found {
    let start = drawing.now.keys.len();
    {
        let mut writer = Key(&mut drawing.now.keys);
        writer.number(place.width.into());
        writer.style(drawing.base_style);
        key(&mut writer);
    }
    let mut record = Record {
        y: place.y,
        x: place.x,
        width: place.width,
        key: start..drawing.now.keys.len(),
        drawn: place.width,
        taken: false,
    };
    let from = buf.index_of(place.x, place.y);
    let cells = from..from + usize::from(place.width);
    // The frame on screen first: what is taken from there is not compared.
    for (on_screen, earlier) in [(true, &mut drawing.earlier), (false, &mut drawing.away)] {
        let Some(earlier) = earlier
            .as_mut()
            .filter(|earlier| earlier.buffer.area == buf.area)
        else {
            continue;
        };
        let Some(drawn) = earlier.records.take(place, &drawing.now.keys, &record.key) else {
            continue;
        };
        record.drawn = drawn;
        if drawing.check.is_some() {
            check_on_base(&drawing.base, buf, &cells);
        }
        // Swapped rather than cloned (half the cost, no branches): the
        // frame the cells leave is not read there again (the comparison
        // passes over them on screen, and the row is marked taken). Only
        // what the row drew on: the rest is the base in both.
        let moved = cells.start..cells.start + usize::from(drawn.min(place.width));
        buf.content[moved.clone()].swap_with_slice(&mut earlier.buffer.content[moved]);
        if on_screen {
            drawing.copied.push(cells);
        }
        return Found::Copied(record);
    }
    Found::DrawAndRecord(record)
}

fn recorded(drawing: &mut Drawing, buf: &Buffer, record: Record, cells: Range<usize>) {
    if let Some(rows) = &mut drawing.check {
        rows.push((record.clone(), buf.content[cells].to_vec()));
    }
    // What the row did not draw on is the base: left blank.
    if record.drawn < record.width {
        drawing.now.blanks.push(Blank {
            y: record.y,
            from: record.x + record.drawn,
            to: record.x + record.width,
        });
    }
    drawing.now.rows.push(record);
}

/// Check mode: the row starts on the frame's base.
fn check_base(drawing: &Drawing, buf: &Buffer, cells: &Range<usize>) {
    if drawing.check.is_some() {
        check_on_base(&drawing.base, buf, cells);
    }
}

fn check_on_base(base: &Cell, buf: &Buffer, cells: &Range<usize>) {
    assert!(
        buf.content[cells.clone()].iter().all(|cell| cell == base),
        "a kept row at index {} does not start on the frame's base",
        cells.start
    );
}

/// `area` is drawn over by something that is not a kept row: rows drawn
/// there earlier in the frame are neither kept nor copied.
pub fn drawn_over(buf: &Buffer, area: Rect) {
    DRAWING.with_borrow_mut(|drawing| {
        let Some(drawing) = drawing.as_mut().filter(|drawing| drawing.allowed) else {
            return;
        };
        let area = area.intersection(buf.area);
        let covers = |y: u16, x: u16, width: u16| {
            y >= area.y && y < area.bottom() && x < area.right() && area.x < x.saturating_add(width)
        };
        drawing
            .now
            .rows
            .retain(|row| !covers(row.y, row.x, row.width));
        drawing
            .now
            .blanks
            .retain(|blank| !covers(blank.y, blank.from, blank.to - blank.from));
        drawing.copied.retain(|cells| {
            let (x, y) = buf.pos_of(cells.start);
            !covers(y, x, u16::try_from(cells.len()).unwrap_or(u16::MAX))
        });
    });
}

/// A row's key being written: every byte of what the row is drawn from.
pub struct Key<'a>(&'a mut Vec<u8>);

impl Key<'_> {
    /// A number, as four bytes.
    fn number(&mut self, number: u32) {
        self.0.extend_from_slice(&number.to_le_bytes());
    }

    /// What stands for a text that was made once and is never made
    /// otherwise under the same name (see `Rows::kept_as`).
    pub fn name(&mut self, name: u64) {
        self.0.extend_from_slice(&name.to_le_bytes());
    }

    pub fn style(&mut self, style: Style) {
        self.0.extend_from_slice(&style_bytes(style));
    }

    /// A piece of text in a style: the style, the text's length (so two
    /// pieces never read as one), the text.
    pub fn span(&mut self, style: Style, text: &str) {
        let mut head = [0; 20];
        head[..16].copy_from_slice(&style_bytes(style));
        head[16..].copy_from_slice(&u32::try_from(text.len()).unwrap_or(u32::MAX).to_le_bytes());
        self.0.extend_from_slice(&head);
        self.0.extend_from_slice(text.as_bytes());
    }
}

/// A style as sixteen bytes: three colours, then the modifiers added and
/// taken away.
fn style_bytes(style: Style) -> [u8; 16] {
    let mut bytes = [0; 16];
    for (at, colour) in [style.fg, style.bg, style.underline_color]
        .into_iter()
        .enumerate()
    {
        bytes[at * 4..at * 4 + 4].copy_from_slice(&colour_bytes(colour));
    }
    bytes[12..14].copy_from_slice(&style.add_modifier.bits().to_le_bytes());
    bytes[14..16].copy_from_slice(&style.sub_modifier.bits().to_le_bytes());
    bytes
}

/// A colour (or none) as four bytes, one for each.
fn colour_bytes(colour: Option<Color>) -> [u8; 4] {
    match colour {
        None => [0, 0, 0, 0],
        Some(Color::Rgb(red, green, blue)) => [1, red, green, blue],
        Some(Color::Indexed(index)) => [2, index, 0, 0],
        Some(named) => [3, named_colour(named), 0, 0],
    }
}

/// A named colour's number (`Reset` first, then the sixteen in order).
fn named_colour(colour: Color) -> u8 {
    match colour {
        Color::Black => 1,
        Color::Red => 2,
        Color::Green => 3,
        Color::Yellow => 4,
        Color::Blue => 5,
        Color::Magenta => 6,
        Color::Cyan => 7,
        Color::Gray => 8,
        Color::DarkGray => 9,
        Color::LightRed => 10,
        Color::LightGreen => 11,
        Color::LightYellow => 12,
        Color::LightBlue => 13,
        Color::LightMagenta => 14,
        Color::LightCyan => 15,
        Color::White => 16,
        Color::Reset | Color::Rgb(..) | Color::Indexed(_) => 0,
    }
}

#[cfg(test)]
mod tests;

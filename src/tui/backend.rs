//! The terminal the driver draws on: ratatui's crossterm backend, except
//! that a frame's changed cells are written as bytes into one buffer and
//! reach the terminal in one write. The crossterm backend formats every
//! cell as a command through `fmt` into stdout's line buffer (a write call
//! per kilobyte): a frame that changes the whole screen, such as opening
//! the outcome screen, cost more in writing than in drawing. The bytes are
//! the same commands crossterm writes (moves, colours, attributes), except
//! that a long run of blanks is erased ([`ERASE_FROM`]); tests hold the
//! screen a terminal shows to what crossterm's bytes show.

use std::cell::RefCell;
use std::io::{self, Stdout, Write};
use std::rc::Rc;

use ratatui::backend::IntoCrossterm;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{
    Attribute, Color as CrosstermColor, Colors, SetAttribute, SetBackgroundColor, SetColors,
    SetForegroundColor, SetUnderlineColor,
};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

/// Bytes kept until a flush: the frame, then the cursor. Shared between the
/// crossterm backend (cursor, clearing) and [`Fast::draw`], so they stay
/// in the order they were written.
type Pending = Rc<RefCell<Vec<u8>>>;

/// The crossterm backend's writer: collects, and writes out on a flush.
struct Output<W: Write> {
    pending: Pending,
    out: W,
}

impl<W: Write> Write for Output<W> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.pending.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        let mut pending = self.pending.borrow_mut();
        let result = self.out.write_all(&pending);
        pending.clear();
        result?;
        self.out.flush()
    }
}

/// The crossterm backend with a faster `draw`.
pub struct Fast<W: Write = Stdout> {
    inner: CrosstermBackend<Output<W>>,
    pending: Pending,
    /// The bytes crossterm writes for a change of colours, of attributes:
    /// a screen uses a handful of each, so they are formatted once.
    colour_changes: Remembered<(Color, Color)>,
    modifier_changes: Remembered<(Modifier, Modifier)>,
    /// The terminal's size as last asked or told ([`Fast::resized`]):
    /// ratatui asks before every frame, and crossterm answers by opening
    /// the terminal device anew each time (three system calls per frame).
    size: std::cell::Cell<Option<Size>>,
}

/// Bytes made once per key and then looked up (a short list: a screen has
/// few styles; when it fills up, the oldest half goes).
struct Remembered<K> {
    entries: Vec<(K, Vec<u8>)>,
}

impl<K: PartialEq + Copy> Remembered<K> {
    const MOST: usize = 64;

    fn new() -> Self {
        Self {
            entries: Vec::new(),
        }
    }

    fn get(
        &mut self,
        key: K,
        make: impl FnOnce(&mut Vec<u8>) -> io::Result<()>,
    ) -> io::Result<&[u8]> {
        let found = self.entries.iter().position(|(known, _)| *known == key);
        let at = match found {
            Some(at) => at,
            None => {
                let mut bytes = Vec::new();
                make(&mut bytes)?;
                if self.entries.len() == Self::MOST {
                    self.entries.drain(..Self::MOST / 2);
                }
                self.entries.push((key, bytes));
                self.entries.len() - 1
            }
        };
        Ok(&self.entries[at].1)
    }
}

/// From this many blanks in a row on, they are erased (ECH, `CSI n X`: the
/// cursor stays) and the next cell is reached with a move, instead of
/// writing each space: a screen that changes as a whole, such as the
/// outcome screen, is mostly spaces between its columns, and fewer bytes
/// reach the terminal sooner (the erase and the move take about 14 bytes).
pub const ERASE_FROM: u16 = 16;

/// What a blank shows of these attributes (as ratatui's diff counts them).
const SHOWS_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::SLOW_BLINK)
    .union(Modifier::RAPID_BLINK)
    .union(Modifier::CROSSED_OUT);

/// A blank an erase shows just as well: a space on the terminal's own
/// background with nothing that shows on a blank (an erase takes the
/// current background, which is then the terminal's own).
fn erasable(cell: &Cell, symbol: &str) -> bool {
    symbol.as_bytes() == b" "
        && cell.bg == Color::Reset
        && !cell.modifier.intersects(SHOWS_ON_BLANK)
}

/// Writes `count` blanks that end at `last` (the cursor stands on the
/// first): erased when that is shorter; the cursor then stays on the first.
fn write_blanks(out: &mut Vec<u8>, count: u16, last: &mut Option<Position>) {
    if count >= ERASE_FROM {
        out.extend_from_slice(b"\x1b[");
        push_number(out, u32::from(count));
        out.push(b'X');
        // The cell before the first blank, if there is one on this row.
        *last = last.and_then(|p| {
            let first = (p.x + 1).checked_sub(count)?;
            Some(Position::new(first.checked_sub(1)?, p.y))
        });
    } else {
        out.resize(out.len() + usize::from(count), b' ');
    }
}

/// `CSI n C`: the cursor `columns` further on its row.
fn cursor_forward(out: &mut Vec<u8>, columns: u16) {
    out.extend_from_slice(b"\x1b[");
    push_number(out, u32::from(columns));
    out.push(b'C');
}

/// crossterm's `MoveTo`: one-based row, then column.
fn move_to(out: &mut Vec<u8>, x: u16, y: u16) {
    out.extend_from_slice(b"\x1b[");
    push_number(out, u32::from(y) + 1);
    out.push(b';');
    push_number(out, u32::from(x) + 1);
    out.push(b'H');
}

fn push_number(out: &mut Vec<u8>, number: u32) {
    let mut digits = [0_u8; 10];
    let mut at = digits.len();
    let mut rest = number;
    loop {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

impl<W: Write> Fast<W> {
    pub fn new(out: W) -> Self {
        let pending = Rc::new(RefCell::new(Vec::with_capacity(64 * 1024)));
        Self {
            inner: CrosstermBackend::new(Output {
                pending: Rc::clone(&pending),
                out,
            }),
            pending,
            colour_changes: Remembered::new(),
            modifier_changes: Remembered::new(),
            size: std::cell::Cell::new(None),
        }
    }

    /// The terminal was resized (a resize event): the next frame takes
    /// this size.
    pub fn resized(&mut self, width: u16, height: u16) {
        self.size.set(Some(Size { width, height }));
    }
}

impl<W: Write> Drop for Fast<W> {
    /// Whatever is still pending (a cursor shown as the terminal is let go).
    fn drop(&mut self) {
        let _ = Backend::flush(self);
    }
}

impl<W: Write> Backend for Fast<W> {
    type Error = io::Error;

    /// What `CrosstermBackend::draw` writes, byte for byte, except that a
    /// long run of blanks is erased instead of written ([`ERASE_FROM`]).
    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut pending = self.pending.borrow_mut();
        let out = &mut *pending;
        let mut fg = Color::Reset;
        let mut bg = Color::Reset;
        let mut underline_color = Color::Reset;
        let mut modifier = Modifier::empty();
        let mut last: Option<Position> = None;
        // Blanks in a row in the current style, not yet written.
        let mut blanks: u16 = 0;
        // Since a wide symbol was written (and until the next move), the
        // cells that "follow" are written where the cursor went, a column
        // further: ratatui's diff yields the column behind an emoji with
        // VS16 on purpose, for terminals that show it one column wide. Where
        // the cursor is not certain, nothing is erased.
        let mut unsure = false;
        let mut widths = crate::tui::graphemes::Widths::default();
        for (x, y, cell) in content {
            let symbol = cell.symbol();
            let mut follows = matches!(last, Some(p) if x == p.x + 1 && y == p.y);
            let blank = (!unsure || !follows) && erasable(cell, symbol);
            if blanks > 0 {
                let same_style = cell.modifier == modifier
                    && cell.fg == fg
                    && cell.bg == bg
                    && cell.underline_color == underline_color;
                if !(blank && same_style && follows) {
                    write_blanks(out, blanks, &mut last);
                    blanks = 0;
                    follows = matches!(last, Some(p) if x == p.x + 1 && y == p.y);
                }
            }
            if !follows {
                match last {
                    // Further along the same row: a shorter, relative move.
                    Some(p) if !unsure && y == p.y && x > p.x => {
                        cursor_forward(out, x - p.x - 1);
                    }
                    _ => move_to(out, x, y),
                }
                unsure = false;
            }
            last = Some(Position { x, y });
            if cell.modifier != modifier {
                let key = (modifier, cell.modifier);
                out.extend_from_slice(
                    self.modifier_changes
                        .get(key, |bytes| queue_modifier_diff(bytes, key.0, key.1))?,
                );
                modifier = cell.modifier;
            }
            if cell.fg != fg || cell.bg != bg {
                let key = (cell.fg, cell.bg);
                out.extend_from_slice(self.colour_changes.get(key, |bytes| {
                    queue!(
                        bytes,
                        SetColors(Colors::new(key.0.into_crossterm(), key.1.into_crossterm()))
                    )
                })?);
                fg = cell.fg;
                bg = cell.bg;
            }
            if cell.underline_color != underline_color {
                queue!(
                    out,
                    SetUnderlineColor(cell.underline_color.into_crossterm())
                )?;
                underline_color = cell.underline_color;
            }
            match symbol.as_bytes() {
                _ if blank => blanks += 1,
                [byte] => out.push(*byte),
                bytes => {
                    out.extend_from_slice(bytes);
                    unsure |= widths.of(symbol) > 1;
                }
            }
        }
        if blanks > 0 {
            write_blanks(out, blanks, &mut last);
        }
        queue!(
            out,
            SetForegroundColor(CrosstermColor::Reset),
            SetBackgroundColor(CrosstermColor::Reset),
            SetUnderlineColor(CrosstermColor::Reset),
            SetAttribute(Attribute::Reset),
        )
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.inner.append_lines(n)
    }

    // The cursor goes with the frame: ratatui flushes after placing it, so
    // a frame reaches the terminal in one write (crossterm's backend wrote
    // the frame, then the cursor, each in its own write).
    fn hide_cursor(&mut self) -> io::Result<()> {
        queue!(self.pending.borrow_mut(), Hide)
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        queue!(self.pending.borrow_mut(), Show)
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        let position = position.into();
        move_to(&mut self.pending.borrow_mut(), position.x, position.y);
        Ok(())
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        if let Some(size) = self.size.get() {
            return Ok(size);
        }
        let size = self.inner.size()?;
        self.size.set(Some(size));
        Ok(size)
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }
}

/// The attributes that change between two cells, as ratatui's crossterm
/// backend writes them (its `ModifierDiff`, which is private).
fn queue_modifier_diff(out: &mut Vec<u8>, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    if removed.contains(Modifier::REVERSED) {
        queue!(out, SetAttribute(Attribute::NoReverse))?;
    }
    let reset_intensity = removed.contains(Modifier::BOLD) || removed.contains(Modifier::DIM);
    if reset_intensity {
        // Bold and dim end together; whichever stays is set again.
        queue!(out, SetAttribute(Attribute::NormalIntensity))?;
        if to.contains(Modifier::DIM) {
            queue!(out, SetAttribute(Attribute::Dim))?;
        }
        if to.contains(Modifier::BOLD) {
            queue!(out, SetAttribute(Attribute::Bold))?;
        }
    }
    for (modifier, off) in [
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
    ] {
        if removed.contains(modifier) {
            queue!(out, SetAttribute(off))?;
        }
    }
    if removed.contains(Modifier::SLOW_BLINK) || removed.contains(Modifier::RAPID_BLINK) {
        queue!(out, SetAttribute(Attribute::NoBlink))?;
    }
    let added = to - from;
    let on = [
        (Modifier::REVERSED, Attribute::Reverse, true),
        (Modifier::BOLD, Attribute::Bold, !reset_intensity),
        (Modifier::ITALIC, Attribute::Italic, true),
        (Modifier::UNDERLINED, Attribute::Underlined, true),
        (Modifier::DIM, Attribute::Dim, !reset_intensity),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut, true),
        (Modifier::HIDDEN, Attribute::Hidden, true),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink, true),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink, true),
    ];
    for (modifier, attribute, wanted) in on {
        if wanted && added.contains(modifier) {
            queue!(out, SetAttribute(attribute))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    /// Cells with every kind of change: moves, colours, attributes on and off.
    fn cells() -> Buffer {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 12, 3));
        let styles = [
            Style::new(),
            Style::new().fg(Color::Red).bg(Color::Rgb(1, 2, 3)),
            Style::new().add_modifier(Modifier::BOLD | Modifier::ITALIC),
            Style::new().add_modifier(Modifier::DIM | Modifier::REVERSED),
            Style::new()
                .add_modifier(Modifier::UNDERLINED | Modifier::SLOW_BLINK)
                .underline_color(Color::Indexed(42)),
            Style::new().add_modifier(Modifier::BOLD | Modifier::CROSSED_OUT | Modifier::HIDDEN),
            Style::new()
                .fg(Color::Indexed(7))
                .add_modifier(Modifier::RAPID_BLINK),
        ];
        let symbols = ["a", "é", "中", "─", " ", "👩‍👩‍👧", "x"];
        for (index, cell) in buffer.content.iter_mut().enumerate() {
            cell.set_symbol(symbols[index % symbols.len()])
                .set_style(styles[(index / 2) % styles.len()]);
        }
        buffer
    }

    #[test]
    fn writes_what_the_crossterm_backend_writes() {
        let buffer = cells();
        let area = buffer.area;
        let positions = area.positions().collect::<Vec<_>>();
        // Every cell: the same bytes; a scattered selection (moves between
        // them, shorter here): the same screen.
        let selections: [Vec<Position>; 2] = [
            positions.clone(),
            positions.iter().copied().step_by(5).collect(),
        ];
        for (index, selection) in selections.into_iter().enumerate() {
            let content = || selection.iter().map(|p| (p.x, p.y, &buffer[*p]));
            let theirs_out = Shared::default();
            let mut theirs = CrosstermBackend::new(theirs_out.clone());
            theirs.draw(content()).expect("draw");
            theirs
                .set_cursor_position(Position::new(3, 1))
                .expect("cursor");
            let ours_out = Shared::default();
            let mut ours = Fast::new(ours_out.clone());
            ours.draw(content()).expect("draw");
            assert!(
                ours_out.0.borrow().is_empty(),
                "a frame waits for the flush"
            );
            ours.set_cursor_position(Position::new(3, 1))
                .expect("cursor");
            Backend::flush(&mut ours).expect("flush");
            let (ours_bytes, theirs_bytes) = (ours_out.0.borrow(), theirs_out.0.borrow());
            if index == 0 {
                assert_eq!(
                    String::from_utf8_lossy(&ours_bytes),
                    String::from_utf8_lossy(&theirs_bytes)
                );
            } else {
                assert!(ours_bytes.len() < theirs_bytes.len());
            }
            assert_eq!(
                shown(&ours_bytes, area.width, area.height),
                shown(&theirs_bytes, area.width, area.height)
            );
            assert!(ours.pending.borrow().is_empty());
        }
    }

    #[test]
    fn far_positions_and_many_colours_too() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 300, 2));
        for (index, cell) in buffer.content.iter_mut().enumerate() {
            let shade = u8::try_from(index % 200).unwrap_or(0);
            cell.set_symbol("x").set_style(
                Style::new()
                    .fg(Color::Rgb(shade, 0, 0))
                    .bg(Color::Indexed(shade)),
            );
        }
        let cells: Vec<Position> = buffer.area.positions().step_by(7).collect();
        let content = || cells.iter().map(|p| (p.x, p.y, &buffer[*p]));
        let theirs_out = Shared::default();
        CrosstermBackend::new(theirs_out.clone())
            .draw(content())
            .expect("draw");
        let ours_out = Shared::default();
        let mut ours = Fast::new(ours_out.clone());
        // Twice: the second time every change is remembered (or was dropped).
        let mut first = Vec::new();
        for round in 0..2 {
            ours.draw(content()).expect("draw");
            Backend::flush(&mut ours).expect("flush");
            assert_eq!(
                shown(&ours_out.0.borrow(), 300, 2),
                shown(&theirs_out.0.borrow(), 300, 2)
            );
            if round == 0 {
                first = ours_out.0.borrow().clone();
            } else {
                assert_eq!(*ours_out.0.borrow(), first, "the same bytes again");
            }
            ours_out.0.borrow_mut().clear();
        }
    }

    /// What a terminal shows after the bytes, cell by cell: the symbol and
    /// what shows of its style (on a blank only the background, reverse and
    /// underline show; an erased cell and a written space look the same).
    fn shown(bytes: &[u8], width: u16, height: u16) -> Vec<String> {
        let size = |n: u16| std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN);
        let mut terminal = vt100::Parser::new(size(height), size(width), 0);
        terminal.process(bytes);
        let screen = terminal.screen();
        (0..height)
            .flat_map(|row| (0..width).map(move |column| (row, column)))
            .map(|(row, column)| {
                screen.cell(row, column).map_or(String::new(), |cell| {
                    let blank = matches!(cell.contents(), "" | " ") && !cell.is_wide_continuation();
                    let on_blank = format!(
                        "{:?} {} {}",
                        cell.bgcolor(),
                        cell.inverse(),
                        cell.underline()
                    );
                    if blank {
                        format!("blank {on_blank}")
                    } else {
                        format!(
                            "{:?} {on_blank} {:?} {} {} {}",
                            cell.contents(),
                            cell.fgcolor(),
                            cell.bold(),
                            cell.dim(),
                            cell.italic()
                        )
                    }
                })
            })
            .collect()
    }

    fn every_cell(buffer: &Buffer) -> impl Iterator<Item = (u16, u16, &Cell)> {
        buffer.area.positions().map(|p| (p.x, p.y, &buffer[p]))
    }

    /// Draws `before` on a blank screen, then `after` over it, as ratatui's
    /// diff yields them, with both backends.
    fn both_show(before: &Buffer, after: &Buffer) {
        let area = after.area;
        let blank = Buffer::empty(area);
        let theirs_out = Shared::default();
        let mut theirs = CrosstermBackend::new(theirs_out.clone());
        theirs.draw(blank.diff(before).into_iter()).expect("draw");
        theirs.draw(before.diff(after).into_iter()).expect("draw");
        let ours_out = Shared::default();
        let mut ours = Fast::new(ours_out.clone());
        ours.draw(blank.diff(before).into_iter()).expect("draw");
        ours.draw(before.diff(after).into_iter()).expect("draw");
        Backend::flush(&mut ours).expect("flush");
        assert_eq!(
            shown(&ours_out.0.borrow(), area.width, area.height),
            shown(&theirs_out.0.borrow(), area.width, area.height)
        );
    }

    #[test]
    fn long_runs_of_blanks_are_erased_and_the_screen_is_the_same() {
        let area = Rect::new(0, 0, 60, 3);
        let mut before = Buffer::empty(area);
        for cell in &mut before.content {
            cell.set_symbol("x").set_style(
                Style::new()
                    .bg(Color::Blue)
                    .add_modifier(Modifier::UNDERLINED),
            );
        }
        let mut after = Buffer::empty(area);
        after.set_string(0, 0, "begin", Style::new());
        after.set_string(40, 0, "midden", Style::new().add_modifier(Modifier::BOLD));
        // Blanks that must be written, not erased: a background, reverse.
        after.set_string(0, 1, " ".repeat(30), Style::new().bg(Color::Red));
        after.set_string(
            30,
            1,
            " ".repeat(30),
            Style::new().add_modifier(Modifier::REVERSED),
        );
        after.set_string(10, 2, " ".repeat(20), Style::new().fg(Color::Green));
        both_show(&before, &after);
        let out = Shared::default();
        let mut ours = Fast::new(out.clone());
        ours.draw(every_cell(&after)).expect("draw");
        Backend::flush(&mut ours).expect("flush");
        let written = String::from_utf8_lossy(&out.0.borrow()).into_owned();
        assert!(
            written.contains("\x1b[35X"),
            "the blanks after 'begin': {written:?}"
        );
        assert!(written.len() < 250, "{} bytes: {written:?}", written.len());
    }

    proptest::proptest! {
        #[test]
        fn any_frame_shows_what_crossterm_shows(
            runs in proptest::collection::vec((0_usize..6, 1_usize..40, 0_u8..5), 1..12),
        ) {
            let area = Rect::new(0, 0, 50, 3);
            let mut before = Buffer::empty(area);
            for cell in &mut before.content {
                cell.set_symbol("#").set_style(Style::new().bg(Color::Indexed(4)));
            }
            let mut after = Buffer::empty(area);
            let mut at = 0_u16;
            for (symbol, length, style) in runs {
                let symbol = ["a", " ", "中", " ", "é", "☀\u{FE0F}"][symbol];
                let style = [
                    Style::new(),
                    Style::new().fg(Color::Red),
                    Style::new().bg(Color::Green),
                    Style::new().add_modifier(Modifier::REVERSED),
                    Style::new().add_modifier(Modifier::BOLD | Modifier::ITALIC),
                ][usize::from(style)];
                let (x, y) = (at % area.width, at / area.width);
                if y >= area.height {
                    break;
                }
                after.set_string(x, y, symbol.repeat(length), style);
                at = at.saturating_add(u16::try_from(length).unwrap_or(0));
            }
            both_show(&before, &after);
        }
    }

    #[test]
    fn a_resize_sets_the_size_of_the_next_frame() {
        let mut backend = Fast::new(Shared::default());
        backend.resized(100, 30);
        assert_eq!(backend.size().expect("size"), Size::new(100, 30));
        let mut terminal = ratatui::Terminal::new(backend).expect("terminal");
        terminal.draw(|_| {}).expect("draw");
        assert_eq!(
            terminal.get_frame().area(),
            ratatui::layout::Rect::new(0, 0, 100, 30)
        );
        terminal.backend_mut().resized(80, 24);
        terminal.draw(|_| {}).expect("draw");
        assert_eq!(
            terminal.get_frame().area(),
            ratatui::layout::Rect::new(0, 0, 80, 24)
        );
    }
}

/// A writer whose bytes can be read after it was handed over (tests).
#[cfg(test)]
#[derive(Clone, Default)]
pub(crate) struct Shared(pub Rc<RefCell<Vec<u8>>>);

#[cfg(test)]
impl Write for Shared {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

//! The terminal the driver draws on: ratatui's crossterm backend, except
//! that a frame's changed cells are written as bytes into one buffer and
//! reach the terminal in one write. The crossterm backend formats every
//! cell as a command through `fmt` into stdout's line buffer (a write call
//! per kilobyte): a frame that changes the whole screen, such as opening
//! the outcome screen, cost more in writing than in drawing. The bytes are
//! the same commands crossterm writes (moves, colours, attributes); only
//! the way to them is shorter.

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

    /// What `CrosstermBackend::draw` writes, byte for byte.
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
        for (x, y, cell) in content {
            if !matches!(last, Some(p) if x == p.x + 1 && y == p.y) {
                move_to(out, x, y);
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
            out.extend_from_slice(cell.symbol().as_bytes());
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
        // Every cell, and a scattered selection (moves between them).
        let selections: [Vec<Position>; 2] = [
            positions.clone(),
            positions.iter().copied().step_by(5).collect(),
        ];
        for selection in selections {
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
            assert_eq!(
                String::from_utf8_lossy(&ours_out.0.borrow()),
                String::from_utf8_lossy(&theirs_out.0.borrow())
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
        for _ in 0..2 {
            ours.draw(content()).expect("draw");
            Backend::flush(&mut ours).expect("flush");
            assert_eq!(
                String::from_utf8_lossy(&ours_out.0.borrow()),
                String::from_utf8_lossy(&theirs_out.0.borrow())
            );
            ours_out.0.borrow_mut().clear();
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

//! The terminal the driver draws on: ratatui's crossterm backend, except
//! that a frame's changed cells are written as bytes into one buffer and
//! reach the terminal in one write. The crossterm backend formats every
//! cell as a command through `fmt` into stdout's line buffer (a write call
//! per kilobyte): a frame that changes the whole screen, such as opening
//! the outcome screen, cost more in writing than in drawing. The bytes are
//! the same commands crossterm writes (moves, colours, attributes), except
//! that a long run of blanks is erased ([`ERASE_FROM`]), a move along a row
//! is relative and a short gap is written again ([`BRIDGE`]), never where
//! the cursor is not certain (`backend/pen.rs`); tests hold the screen a
//! terminal shows to what crossterm's bytes show, frame after frame
//! (`tests/frames_shown.rs`), also when a read ends inside a character.

use std::cell::RefCell;
use std::io::{self, Stdout, Write};
use std::rc::Rc;

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::{Buffer, Cell};
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::queue;
use ratatui::layout::{Position, Size};

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
    /// The bytes for a change of colours, of attributes.
    styles: StyleBytes,
    /// The terminal's size as last asked or told ([`Fast::resized`]):
    /// ratatui asks before every frame, and crossterm answers by opening
    /// the terminal device anew each time (three system calls per frame).
    size: std::cell::Cell<Option<Size>>,
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
            styles: StyleBytes::default(),
            size: std::cell::Cell::new(None),
        }
    }

    /// The terminal was resized (a resize event): the next frame takes
    /// this size.
    pub fn resized(&mut self, width: u16, height: u16) {
        self.size.set(Some(Size { width, height }));
    }

    /// Writes the changed cells of `frame` (`content`, in order) as
    /// [`Backend::draw`] does; where two of them on a row are at most
    /// [`BRIDGE`] unchanged cells apart, those are written again instead of
    /// moved over.
    pub fn draw_frame<'a, I>(&mut self, content: I, frame: &Buffer) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        self.write_cells(content, Some(frame))
    }

    fn write_cells<'a, I>(&mut self, content: I, frame: Option<&Buffer>) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let mut pending = self.pending.borrow_mut();
        let mut pen = Pen::new(&mut pending, &mut self.styles);
        for (x, y, cell) in content {
            pen.put(x, y, cell, frame)?;
        }
        pen.finish()
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
        self.write_cells(content, None)
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
        pen::move_to(&mut self.pending.borrow_mut(), position.x, position.y);
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

mod pen;
#[cfg(test)]
mod tests;

pub use pen::{BRIDGE, ERASE_FROM};
use pen::{Pen, StyleBytes};

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

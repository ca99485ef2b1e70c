//! The screen the driver draws on: ratatui makes each frame (a `Frame` over
//! a buffer, sized to the terminal), and this module shows it. It keeps the
//! frame on screen, compares the new one with it ([`changes`], much faster
//! than ratatui's own comparison) and sends the cells that changed, and the
//! cursor, through [`Fast`] in one write.
//!
//! ratatui's `Terminal` is kept for what it does well (the frame, resizing,
//! clearing, giving the cursor back when dropped); its own buffers are not
//! compared, so only one of them is kept.

mod changes;
pub mod kept;

use std::io::{self, Stdout, Write};

use ratatui::Frame;
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Size};

use super::backend::Fast;
pub use changes::changes;

/// A terminal screen: the frame on it, and the way to the next.
pub struct Screen<W: Write = Stdout> {
    terminal: ratatui::Terminal<Fast<W>>,
    /// What the terminal shows now (blank after a resize, which clears it).
    shown: Buffer,
    /// The rows it drew, and what it left blank.
    rows: kept::Records,
    /// The rows' room of the frame before, for the next frame's rows.
    spare_rows: kept::Records,
    /// Rows drawn afresh too and compared (tests: [`Screen::check_kept_rows`]).
    check: bool,
}

impl Screen {
    /// A screen on stdout (once the terminal is set up: raw mode, the
    /// alternate screen).
    pub fn stdout() -> io::Result<Self> {
        Self::new(Fast::new(io::stdout()))
    }
}

impl<W: Write> Screen<W> {
    pub fn new(backend: Fast<W>) -> io::Result<Self> {
        let mut terminal = ratatui::Terminal::new(backend)?;
        let shown = Buffer::empty(terminal.get_frame().area());
        drop_spare_buffer(&mut terminal);
        Ok(Self {
            terminal,
            shown,
            rows: kept::Records::default(),
            spare_rows: kept::Records::default(),
            check: false,
        })
    }

    /// Checks every kept row ([`kept`]) against drawing it afresh, and that
    /// nothing drew over a row; panics on a difference (tests).
    pub fn check_kept_rows(&mut self, check: bool) {
        self.check = check;
    }

    /// The terminal's size as last asked or told.
    pub fn size(&self) -> io::Result<Size> {
        self.terminal.size()
    }

    /// The terminal was resized (a resize event): the next frame takes this size.
    pub fn resized(&mut self, width: u16, height: u16) {
        self.terminal.backend_mut().resized(width, height);
    }

    /// Draws a frame with `render`, which says where the cursor goes
    /// (`None`: hidden), and shows what changed. Rows are kept ([`kept`])
    /// from the frame on screen where it drew them the same way, and what
    /// both left blank is not compared. (Keeping the frame before too, to
    /// copy from when a screen comes back, cost as much as drawing: that
    /// frame is no longer in the cache.)
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame) -> Option<Position>) -> io::Result<()> {
        // A new size clears the terminal (ratatui's resize).
        self.terminal.autoresize()?;
        let area = self.terminal.get_frame().area();
        if self.shown.area != area {
            self.shown = Buffer::empty(area);
            self.rows.clear();
            drop_spare_buffer(&mut self.terminal);
        }
        let earlier = Some(kept::Earlier {
            buffer: std::mem::take(&mut self.shown),
            records: std::mem::take(&mut self.rows),
        });
        let mut now = std::mem::take(&mut self.spare_rows);
        now.clear();
        kept::begin(earlier, now, self.check);
        let cursor = render(&mut self.terminal.get_frame());
        let mut drawn = std::mem::take(self.terminal.current_buffer_mut());
        let ended = kept::end(&drawn);
        let (earlier, rows, copied) = match ended {
            Some(ended) => (ended.earlier, ended.now, ended.copied),
            None => (None, kept::Records::default(), Vec::new()),
        };
        if let Some(earlier) = earlier {
            self.shown = earlier.buffer;
            self.rows = earlier.records;
        }
        if self.shown.area != drawn.area {
            // Not given back (cannot happen: `kept::begin` was called): what
            // the terminal shows is not known, so it starts afresh.
            self.terminal.backend_mut().clear()?;
            self.shown = Buffer::empty(drawn.area);
        }
        self.terminal
            .backend_mut()
            .draw_frame(changes(&self.shown, &drawn).skipping(&copied), &drawn)?;
        match cursor {
            None => self.terminal.hide_cursor()?,
            Some(position) => {
                self.terminal.show_cursor()?;
                self.terminal.set_cursor_position(position)?;
            }
        }
        Backend::flush(self.terminal.backend_mut())?;
        // The frame drawn is now on screen, with its rows; the one it
        // replaced is wiped for the next (its rows' room too).
        std::mem::swap(&mut self.shown, &mut drawn);
        self.spare_rows = std::mem::replace(&mut self.rows, rows);
        drawn.reset();
        *self.terminal.current_buffer_mut() = drawn;
        Ok(())
    }
}

/// Frees the buffer ratatui's `Terminal` keeps for its own comparison,
/// which this module does not use (a buffer of a 120x40 screen is about
/// 230 KB): the spare becomes current, is taken out, and the two swap back.
fn drop_spare_buffer<B: Backend>(terminal: &mut ratatui::Terminal<B>) {
    terminal.swap_buffers();
    drop(std::mem::take(terminal.current_buffer_mut()));
    terminal.swap_buffers();
}

#[cfg(test)]
mod tests;

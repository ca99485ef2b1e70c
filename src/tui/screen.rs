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
    /// Which page it shows (`None`: nothing drawn yet at this size).
    page: Option<u8>,
    /// The last frame of the page shown before the last switch of pages,
    /// with its rows: opening that page again takes rows from it.
    away: Option<(u8, kept::Earlier)>,
    /// The rows' room of a frame let go, for the next frame's rows.
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
        let shown = spare_buffer(&mut terminal);
        Ok(Self {
            terminal,
            shown,
            rows: kept::Records::default(),
            page: None,
            away: None,
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
    /// (`None`: hidden), and shows what changed: [`Screen::draw_page`] for
    /// a screen of one page.
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame) -> Option<Position>) -> io::Result<()> {
        self.draw_page(0, render)
    }

    /// Draws a frame of `page` (any number the caller gives a kind of
    /// screen) with `render`, and shows what changed. Rows are kept
    /// ([`kept`]) from the frame on screen where it drew them the same way,
    /// and what both left blank is not compared; opening a page again,
    /// rows are also taken from its last frame, kept since the switch. The
    /// page only says where to look: a row is taken only when it is drawn
    /// the same way. Three buffers take turns: the frame on screen, the
    /// last of the page before, and the next (made once for a size).
    pub fn draw_page(
        &mut self,
        page: u8,
        render: impl FnOnce(&mut Frame) -> Option<Position>,
    ) -> io::Result<()> {
        // A new size clears the terminal (ratatui's resize).
        self.terminal.autoresize()?;
        let area = self.terminal.get_frame().area();
        if self.shown.area != area {
            self.shown = spare_buffer(&mut self.terminal);
            self.rows.clear();
            self.page = None;
            self.away = None;
        }
        let switch = self.page.is_some_and(|shown| shown != page);
        let earlier = Some(kept::Earlier {
            buffer: std::mem::take(&mut self.shown),
            records: std::mem::take(&mut self.rows),
        });
        let away = if switch {
            self.away
                .take_if(|(away, _)| *away == page)
                .map(|(_, away)| away)
        } else {
            None
        };
        let mut now = std::mem::take(&mut self.spare_rows);
        now.clear();
        kept::begin(earlier, away, now, self.check);
        let cursor = render(&mut self.terminal.get_frame());
        let mut drawn = std::mem::take(self.terminal.current_buffer_mut());
        let ended = kept::end(&drawn);
        let (earlier, away, rows, copied) = match ended {
            Some(ended) => (ended.earlier, ended.away, ended.now, ended.copied),
            None => (None, None, kept::Records::default(), Vec::new()),
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
        // The frame drawn is now on screen, with its rows. The one it
        // replaced is wiped for the next, or, on a switch of pages, kept as
        // the last of its page (and the one kept before is wiped).
        std::mem::swap(&mut self.shown, &mut drawn);
        let replaced = kept::Earlier {
            buffer: drawn,
            records: std::mem::replace(&mut self.rows, rows),
        };
        let let_go = if let Some(left) = self.page.filter(|_| switch) {
            let older = self.away.replace((left, replaced)).map(|(_, older)| older);
            // The frame rows were taken from, or the one kept before.
            away.or(older)
        } else {
            Some(replaced)
        };
        self.page = Some(page);
        let mut next = match let_go {
            Some(frame) => {
                self.spare_rows = frame.records;
                frame.buffer
            }
            None => Buffer::empty(area),
        };
        next.reset();
        *self.terminal.current_buffer_mut() = next;
        Ok(())
    }
}

/// The buffer ratatui's `Terminal` keeps for its own comparison, which this
/// module does not use, taken out to be the frame on screen: blank and of
/// the terminal's size (made so by ratatui, which resizes it with the
/// other), so none is made anew before the first frame (a buffer of a
/// 120x40 screen is about 230 KB of fresh memory) and the terminal holds
/// no third one. The spare becomes current, is taken out, and the two swap
/// back.
fn spare_buffer<B: Backend>(terminal: &mut ratatui::Terminal<B>) -> Buffer {
    let area = terminal.get_frame().area();
    terminal.swap_buffers();
    let spare = std::mem::take(terminal.current_buffer_mut());
    terminal.swap_buffers();
    if spare.area == area {
        spare
    } else {
        Buffer::empty(area)
    }
}

#[cfg(test)]
mod tests;

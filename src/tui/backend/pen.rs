//! How a frame's cells become bytes: crossterm's commands (moves, colours,
//! attributes, symbols), written straight into one buffer, with three
//! shortcuts that keep what the terminal shows the same:
//! - a long run of blanks is erased ([`ERASE_FROM`]);
//! - a move along the row is relative (`CSI n C`);
//! - a short gap of unchanged cells is written again instead of moved over
//!   ([`BRIDGE`]), when the frame is known.

use std::io;

use ratatui::backend::IntoCrossterm;
use ratatui::buffer::{Buffer, Cell};
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{
    Attribute, Color as CrosstermColor, Colors, SetAttribute, SetBackgroundColor, SetColors,
    SetForegroundColor, SetUnderlineColor,
};
use ratatui::layout::Position;
use ratatui::style::{Color, Modifier};

use crate::tui::graphemes::{Widths, is_narrow, plain_byte};

/// The bytes for a change of colours, of attributes: a screen uses a
/// handful of each, so they are formatted once.
#[derive(Default)]
pub struct StyleBytes {
    colours: Remembered<(Color, Color)>,
    modifiers: Remembered<(Modifier, Modifier)>,
}

/// Writes cells one after another, keeping where the cursor is and which
/// style the terminal has.
pub struct Pen<'a> {
    out: &'a mut Vec<u8>,
    styles: &'a mut StyleBytes,
    fg: Color,
    bg: Color,
    underline_color: Color,
    modifier: Modifier,
    /// The cell written last (the cursor stands behind it).
    last: Option<Position>,
    /// Blanks in a row in the current style, not yet written.
    blanks: u16,
    /// Since a wide symbol or one that ends in a two-byte character was
    /// written (and until the next move), where the cursor is is not
    /// certain, so nothing is erased, moved relatively or written again:
    /// the cells that "follow" are written where the cursor went, and the
    /// next move is absolute, as crossterm's bytes would have it.
    /// - Behind a wide symbol: ratatui's diff yields the column behind an
    ///   emoji with VS16 on purpose, for terminals that show it one column
    ///   wide.
    /// - Behind a two-byte character (é, ë, ï, ·): a terminal built on the
    ///   `vte` parser (0.15; vt100, which the tests read the screen with,
    ///   and Alacritty) loses the one-byte character after it when a read
    ///   of the pseudo-terminal ends inside it and a multi-byte character
    ///   comes next (alacritty/vte#159). A column lost there was repaired
    ///   by crossterm's next absolute move; a relative move or an erase
    ///   would carry it to the end of the row.
    unsure: bool,
    widths: Widths,
}

impl<'a> Pen<'a> {
    pub fn new(out: &'a mut Vec<u8>, styles: &'a mut StyleBytes) -> Self {
        Self {
            out,
            styles,
            fg: Color::Reset,
            bg: Color::Reset,
            underline_color: Color::Reset,
            modifier: Modifier::empty(),
            last: None,
            blanks: 0,
            unsure: false,
            widths: Widths::default(),
        }
    }

    /// Writes `cell` at column `x`, row `y`. With the whole `frame`, a short
    /// gap of unchanged cells before it may be written again.
    #[inline]
    pub fn put(&mut self, x: u16, y: u16, cell: &Cell, frame: Option<&Buffer>) -> io::Result<()> {
        let follows = self.follows(x, y);
        if !follows
            && let Some(frame) = frame
            && let Some(gap) = self.rewritable_gap(frame, x, y)
        {
            for column in gap {
                if let Some(unchanged) = frame.cell(Position::new(column, y)) {
                    let follows = self.follows(column, y);
                    self.put_one(column, y, unchanged, follows)?;
                }
            }
            // The gap ends right before this cell.
            return self.put_one(x, y, cell, true);
        }
        self.put_one(x, y, cell, follows)
    }

    /// The last blanks, and the style back to the terminal's own.
    pub fn finish(mut self) -> io::Result<()> {
        self.write_blanks();
        queue!(
            self.out,
            SetForegroundColor(CrosstermColor::Reset),
            SetBackgroundColor(CrosstermColor::Reset),
            SetUnderlineColor(CrosstermColor::Reset),
            SetAttribute(Attribute::Reset),
        )
    }

    fn follows(&self, x: u16, y: u16) -> bool {
        matches!(self.last, Some(p) if x == p.x + 1 && y == p.y)
    }

    /// The columns between the last cell and `(x, y)` on its row, when
    /// there are at most [`BRIDGE`] and each is an ordinary one-byte cell in
    /// the current style (so writing them takes one byte each and nothing
    /// else, and a move at least four).
    fn rewritable_gap(&self, frame: &Buffer, x: u16, y: u16) -> Option<std::ops::Range<u16>> {
        let p = self.last.filter(|p| !self.unsure && p.y == y)?;
        let gap = p.x.checked_add(1)?..x;
        if gap.is_empty() || gap.len() > BRIDGE {
            return None;
        }
        let style = (self.fg, self.bg, self.modifier, self.underline_color);
        gap.clone()
            .all(|column| {
                frame.cell(Position::new(column, y)).is_some_and(|cell| {
                    plain_byte(cell).is_some()
                        && (cell.fg, cell.bg, cell.modifier, cell.underline_color) == style
                })
            })
            .then_some(gap)
    }

    /// Writes `cell` at column `x`, row `y`; `follows`: right behind the
    /// cell written last (worked out once by the caller).
    #[inline]
    fn put_one(&mut self, x: u16, y: u16, cell: &Cell, mut follows: bool) -> io::Result<()> {
        let symbol = cell.symbol();
        let blank = (!self.unsure || !follows) && erasable(cell, symbol);
        if self.blanks > 0 {
            let same_style = cell.modifier == self.modifier
                && cell.fg == self.fg
                && cell.bg == self.bg
                && cell.underline_color == self.underline_color;
            if blank && same_style && follows {
                // One more of the run: nothing else to look at.
                self.blanks += 1;
                self.last = Some(Position { x, y });
                return Ok(());
            }
            self.write_blanks();
            follows = self.follows(x, y);
        }
        if !follows {
            match self.last {
                // Further along the same row: a shorter, relative move.
                Some(p) if !self.unsure && y == p.y && x > p.x => {
                    cursor_forward(self.out, x - p.x - 1);
                }
                _ => move_to(self.out, x, y),
            }
            self.unsure = false;
        }
        self.last = Some(Position { x, y });
        if cell.modifier != self.modifier {
            let key = (self.modifier, cell.modifier);
            self.out.extend_from_slice(
                self.styles
                    .modifiers
                    .get(key, |bytes| queue_modifier_diff(bytes, key.0, key.1))?,
            );
            self.modifier = cell.modifier;
        }
        if cell.fg != self.fg || cell.bg != self.bg {
            let key = (cell.fg, cell.bg);
            self.out
                .extend_from_slice(self.styles.colours.get(key, |bytes| {
                    queue!(
                        bytes,
                        SetColors(Colors::new(key.0.into_crossterm(), key.1.into_crossterm()))
                    )
                })?);
            self.fg = cell.fg;
            self.bg = cell.bg;
        }
        if cell.underline_color != self.underline_color {
            queue!(
                self.out,
                SetUnderlineColor(cell.underline_color.into_crossterm())
            )?;
            self.underline_color = cell.underline_color;
        }
        // Short symbols byte by byte (a call to copy three bytes, for each
        // cell of a bar or a border, cost more than the rest of the cell).
        match *symbol.as_bytes() {
            _ if blank => self.blanks += 1,
            [byte] => self.out.push(byte),
            // One character of two bytes (é, ë, ·), or two one-byte ones
            // (two columns): either way the cursor is not certain after.
            [first, second] => {
                self.out.extend_from_slice(&[first, second]);
                self.unsure = true;
            }
            // One narrow character of three bytes: box drawing, bars, signs.
            [first, second, third] if one_narrow_character(symbol) => {
                self.out.extend_from_slice(&[first, second, third]);
            }
            _ => {
                self.out.extend_from_slice(symbol.as_bytes());
                self.unsure |= self.widths.of(symbol) > 1 || ends_in_two_bytes(symbol);
            }
        }
        Ok(())
    }

    /// Writes the pending blanks, which end at `last` (the cursor stands on
    /// the first): erased when that is shorter; the cursor then stays on
    /// the first.
    fn write_blanks(&mut self) {
        let count = std::mem::take(&mut self.blanks);
        if count == 0 {
            return;
        }
        if count >= ERASE_FROM {
            self.out.extend_from_slice(b"\x1b[");
            push_number(self.out, u32::from(count));
            self.out.push(b'X');
            // The cell before the first blank, if there is one on this row.
            self.last = self.last.and_then(|p| {
                let first = (p.x + 1).checked_sub(count)?;
                Some(Position::new(first.checked_sub(1)?, p.y))
            });
        } else {
            self.out.resize(self.out.len() + usize::from(count), b' ');
        }
    }
}

/// Whether `symbol` is one character that [`is_narrow`] knows.
fn one_narrow_character(symbol: &str) -> bool {
    let mut chars = symbol.chars();
    chars.next().is_some_and(is_narrow) && chars.next().is_none()
}

/// Whether the last character of `symbol` takes two bytes in UTF-8 (see
/// `Pen::unsure`).
fn ends_in_two_bytes(symbol: &str) -> bool {
    symbol
        .chars()
        .next_back()
        .is_some_and(|c| c.len_utf8() == 2)
}

/// Bytes made once per key and then looked up (a short list: a screen has
/// few styles; when it fills up, the oldest half goes).
struct Remembered<K> {
    entries: Vec<(K, Vec<u8>)>,
}

impl<K> Default for Remembered<K> {
    fn default() -> Self {
        Self {
            entries: Vec::new(),
        }
    }
}

impl<K: PartialEq + Copy> Remembered<K> {
    const MOST: usize = 64;

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

/// `CSI n C`: the cursor `columns` further on its row.
fn cursor_forward(out: &mut Vec<u8>, columns: u16) {
    out.extend_from_slice(b"\x1b[");
    push_number(out, u32::from(columns));
    out.push(b'C');
}

/// The longest gap of unchanged cells written again rather than moved over
/// (a move takes 4 to 8 bytes, an unchanged letter or space in the current
/// style 1): text that changes word by word, such as a new screen over an
/// old one, has many such gaps, and a smaller frame reaches the terminal
/// sooner (a pseudo-terminal passes 4 KB at a time).
pub const BRIDGE: usize = 3;

/// crossterm's `MoveTo`: one-based row, then column.
pub(super) fn move_to(out: &mut Vec<u8>, x: u16, y: u16) {
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

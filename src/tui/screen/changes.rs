//! Which cells of a new frame differ from the frame on screen: the same
//! cells, in the same order, as ratatui's `Buffer::diff`, which compares
//! every cell in full and measures every symbol's width on the way (about
//! 150 instructions a cell, most of a frame's cost when little changed).
//! Here an ordinary cell with a one-byte symbol takes a short road: its
//! width is 1, it is compared field by field, cheapest first, and only the
//! cell it replaces may need measuring. Every other cell (wide, skipped,
//! forced width) goes the long road, ratatui's rules as they are.

use std::ops::Range;

use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::style::{Color, Modifier};

use crate::tui::graphemes::{Widths, plain_byte};

/// The cells of `next` to write over `shown`: `(column, row, cell)`.
///
/// Both buffers have the same area (the caller starts `shown` afresh when
/// the size changes).
pub fn changes<'shown, 'next>(
    shown: &'shown Buffer,
    next: &'next Buffer,
) -> Changes<'shown, 'next> {
    debug_assert_eq!(shown.area, next.area, "a frame is compared at its own size");
    Changes {
        shown: &shown.content,
        next: &next.content,
        width: usize::from(next.area.width).max(1),
        origin: (next.area.x, next.area.y),
        at: 0,
        row: 0,
        row_start: 0,
        trailing: None,
        widths: Widths::default(),
        copied: &[],
        copied_from: usize::MAX,
    }
}

pub struct Changes<'shown, 'next> {
    shown: &'shown [Cell],
    next: &'next [Cell],
    width: usize,
    origin: (u16, u16),
    /// The next cell to look at.
    at: usize,
    /// The row of the last cell given, and the index of its first cell:
    /// counted on as the cells go by (a division per changed cell was a
    /// tenth of comparing a screen that changed as a whole).
    row: usize,
    row_start: usize,
    /// The columns behind a wide character that still need a look.
    trailing: Option<Trailing>,
    widths: Widths,
    /// Cells of `next` copied from `shown` (rows kept, `screen/kept.rs`),
    /// sorted, and where the first of them starts: passed over.
    copied: &'next [Range<usize>],
    copied_from: usize,
}

/// Columns behind a wide character: `from..to`, all written (`every`: the
/// old wide character's style shows on blanks) or only where the symbol
/// changed (an emoji with VS16 covers its second column, but some terminals
/// do not clear it).
struct Trailing {
    from: usize,
    to: usize,
    every: bool,
}

/// What a blank shows of these attributes, so a wide character's leftover
/// style must be overwritten.
const SHOWS_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::SLOW_BLINK)
    .union(Modifier::RAPID_BLINK)
    .union(Modifier::CROSSED_OUT);

impl<'next> Changes<'_, 'next> {
    /// The same changes, passing over the cells in `copied` (index ranges,
    /// sorted): rows copied from `shown` that nothing drew over later (a
    /// comparison of whole cells costs as much as this one; `kept` sees
    /// to it that they are the same, and its check mode checks).
    pub fn skipping(mut self, copied: &'next [Range<usize>]) -> Self {
        self.copied = copied;
        self.copied_from = copied.first().map_or(usize::MAX, |range| range.start);
        self
    }

    /// At `index`, where copied cells may start: the index after them.
    #[cold]
    fn after_copied(&mut self, index: usize) -> Option<usize> {
        while let [range, rest @ ..] = self.copied {
            if range.end > index {
                break;
            }
            self.copied = rest;
        }
        let [range, rest @ ..] = self.copied else {
            self.copied_from = usize::MAX;
            return None;
        };
        if range.start > index {
            self.copied_from = range.start;
            return None;
        }
        self.copied = rest;
        self.copied_from = rest.first().map_or(usize::MAX, |range| range.start);
        Some(range.end.min(self.next.len()).min(self.shown.len()))
    }

    /// A cell's width, as `Cell::cell_width` gives it.
    fn width(&mut self, cell: &Cell) -> u16 {
        match cell.diff_option {
            CellDiffOption::ForcedWidth(width) => width.get(),
            _ => self.widths.of(cell.symbol()),
        }
    }

    /// The cell at `index` with its column and row; `index` never goes back.
    fn item(&mut self, index: usize) -> (u16, u16, &'next Cell) {
        while index - self.row_start >= self.width {
            self.row_start += self.width;
            self.row += 1;
        }
        let column = u16::try_from(index - self.row_start).unwrap_or(u16::MAX);
        let row = u16::try_from(self.row).unwrap_or(u16::MAX);
        (
            self.origin.0.saturating_add(column),
            self.origin.1.saturating_add(row),
            &self.next[index],
        )
    }

    /// A cell one column wide at `index` replaces `before` (whose symbol is
    /// `symbol_before`): only a cell wider than one column before leaves
    /// columns behind it to look at, and only when its style shows on them.
    fn behind_narrow(&mut self, index: usize, before: &Cell, symbol_before: &str) {
        let may_be_wide =
            symbol_before.len() > 1 || matches!(before.diff_option, CellDiffOption::ForcedWidth(_));
        if may_be_wide && (before.bg != Color::Reset || before.modifier.intersects(SHOWS_ON_BLANK))
        {
            let width_before = self.width(before);
            if width_before > 1 {
                self.trailing = Some(Trailing {
                    from: index + 1,
                    to: index + usize::from(width_before),
                    every: true,
                });
            }
        }
    }

    fn next_trailing(&mut self, len: usize) -> Option<(u16, u16, &'next Cell)> {
        while let Some(trailing) = &mut self.trailing {
            if trailing.from >= trailing.to.min(len) {
                self.at = trailing.to;
                self.trailing = None;
                break;
            }
            let index = trailing.from;
            let cell = &self.next[index];
            // A wide character here covers its own columns too.
            trailing.from += usize::from(cell_width(cell).max(1));
            trailing.to = trailing.to.max(trailing.from).min(len);
            if !skipped(cell) && (trailing.every || self.shown[index].symbol() != cell.symbol()) {
                return Some(self.item(index));
            }
        }
        None
    }
}

impl<'next> Iterator for Changes<'_, 'next> {
    type Item = (u16, u16, &'next Cell);

    #[inline]
    fn next(&mut self) -> Option<Self::Item> {
        let len = self.next.len().min(self.shown.len());
        // Checked here: a call per cell was a tenth of the comparison.
        if self.trailing.is_some()
            && let Some(item) = self.next_trailing(len)
        {
            return Some(item);
        }
        while self.at < len {
            let index = self.at;
            if index >= self.copied_from
                && let Some(after) = self.after_copied(index)
            {
                self.at = after;
                continue;
            }
            self.at += 1;
            let (next, shown) = (self.next, self.shown);
            let (cell, before) = (&next[index], &shown[index]);
            if let Some(symbol) = plain_byte(cell) {
                // The short road: a cell one column wide.
                let symbol_before = before.symbol();
                if symbol_before.as_bytes() == [symbol] && same_style(cell, before) {
                    continue;
                }
                self.behind_narrow(index, before, symbol_before);
                return Some(self.item(index));
            }
            if let Some(symbol) = narrow_symbol(cell) {
                // A short road too: one narrow character of two or three
                // bytes (bars, borders, accents), one column wide.
                let symbol_before = before.symbol();
                if symbol_before == symbol && same_style(cell, before) {
                    continue;
                }
                self.behind_narrow(index, before, symbol_before);
                return Some(self.item(index));
            }
            match cell.diff_option {
                CellDiffOption::Skip => {}
                _ if skipped(cell) => {}
                CellDiffOption::ForcedWidth(width) => {
                    self.at = self.at.saturating_add(usize::from(width.get() - 1));
                    if cell != before {
                        return Some(self.item(index));
                    }
                }
                CellDiffOption::None | CellDiffOption::AlwaysUpdate => {
                    let width = usize::from(self.width(cell));
                    if cell.diff_option == CellDiffOption::None && cell == before {
                        self.at += width.saturating_sub(1);
                        continue;
                    }
                    let width_before = usize::from(self.width(before));
                    if width > 1 && cell.symbol().contains('\u{FE0F}') {
                        self.trailing = Some(Trailing {
                            from: index + 1,
                            to: (index + width).min(len),
                            every: false,
                        });
                    } else if width > 1 {
                        self.at += width - 1;
                    } else if width_before > width
                        && (before.bg != Color::Reset || before.modifier.intersects(SHOWS_ON_BLANK))
                    {
                        self.trailing = Some(Trailing {
                            from: index + 1,
                            to: index + width_before,
                            every: true,
                        });
                    }
                    return Some(self.item(index));
                }
            }
        }
        None
    }
}

/// The symbol of an ordinary cell that is one narrow character of two or
/// three bytes (see [`crate::tui::graphemes::is_narrow`]).
#[allow(deprecated)]
#[inline]
fn narrow_symbol(cell: &Cell) -> Option<&str> {
    if cell.diff_option != CellDiffOption::None || cell.skip {
        return None;
    }
    let symbol = cell.symbol();
    match *symbol.as_bytes() {
        [0xC2..=0xDF, 0x80..=0xBF] | [0xE0..=0xEF, 0x80..=0xBF, 0x80..=0xBF] => symbol
            .chars()
            .next()
            .filter(|c| crate::tui::graphemes::is_narrow(*c))
            .map(|_| symbol),
        _ => None,
    }
}

/// `Cell::cell_width`, for the rare trailing columns.
fn cell_width(cell: &Cell) -> u16 {
    ratatui::buffer::CellWidth::cell_width(cell)
}

/// A cell the diff passes over.
#[allow(deprecated)]
fn skipped(cell: &Cell) -> bool {
    cell.diff_option == CellDiffOption::Skip
        || (cell.skip && cell.diff_option == CellDiffOption::None)
}

/// `Cell`'s own equality but for the symbol, cheapest fields first.
#[allow(deprecated)]
fn same_style(cell: &Cell, before: &Cell) -> bool {
    cell.fg == before.fg
        && cell.bg == before.bg
        && cell.modifier == before.modifier
        && cell.underline_color == before.underline_color
        && cell.diff_option == before.diff_option
        && cell.skip == before.skip
}

#[cfg(test)]
mod tests;

use std::num::NonZeroU16;

use proptest::prelude::*;
use ratatui::buffer::CellWidth;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::*;

/// Cells to write, with where.
type Written = Vec<(u16, u16, Cell)>;

/// What ratatui's diff yields, and what ours does.
fn both(shown: &Buffer, next: &Buffer) -> (Written, Written) {
    let owned = |items: Vec<(u16, u16, &Cell)>| {
        items
            .into_iter()
            .map(|(x, y, cell)| (x, y, cell.clone()))
            .collect::<Vec<_>>()
    };
    (
        owned(shown.diff(next)),
        owned(changes(shown, next).collect()),
    )
}

const SYMBOLS: [&str; 12] = [
    "a",
    " ",
    "x",
    "─",
    "é",
    "中",
    "☀\u{FE0F}",
    "👩\u{200d}👩\u{200d}👧",
    "",
    "e\u{301}",
    "ﾞ",
    "│",
];

fn style(pick: u8) -> Style {
    match pick % 6 {
        0 => Style::new(),
        1 => Style::new().fg(Color::Red),
        2 => Style::new().bg(Color::Blue),
        3 => Style::new().add_modifier(Modifier::REVERSED),
        4 => Style::new()
            .add_modifier(Modifier::BOLD)
            .fg(Color::Indexed(3)),
        _ => Style::new().underline_color(Color::Green),
    }
}

/// A change to one cell, or text written across cells (as widgets do, wide
/// characters resetting the columns they cover).
#[derive(Debug, Clone)]
enum Edit {
    Cell {
        at: usize,
        symbol: usize,
        style: u8,
        option: u8,
    },
    Text {
        x: u16,
        y: u16,
        symbols: Vec<usize>,
        style: u8,
    },
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0_usize..64, 0..SYMBOLS.len(), any::<u8>(), any::<u8>()).prop_map(
            |(at, symbol, style, option)| Edit::Cell {
                at,
                symbol,
                style,
                option
            }
        ),
        (
            0_u16..12,
            0_u16..4,
            proptest::collection::vec(0..SYMBOLS.len(), 0..8),
            any::<u8>()
        )
            .prop_map(|(x, y, symbols, style)| Edit::Text {
                x,
                y,
                symbols,
                style
            }),
    ]
}

#[allow(deprecated)]
fn apply(buffer: &mut Buffer, edit: &Edit) {
    match edit {
        Edit::Cell {
            at,
            symbol,
            style: pick,
            option,
        } => {
            let len = buffer.content.len();
            let last = at % len == len - 1;
            let cell = &mut buffer.content[at % len];
            // Nothing wide in the very last cell, where ratatui's diff
            // would read past the buffer (see the test below).
            let symbol = if last && SYMBOLS[*symbol].cell_width() > 1 {
                "a"
            } else {
                SYMBOLS[*symbol]
            };
            cell.set_symbol(symbol).set_style(style(*pick));
            // Mostly ordinary cells; sometimes every other kind.
            match option % 16 {
                0 => cell.diff_option = CellDiffOption::Skip,
                1 => cell.diff_option = CellDiffOption::AlwaysUpdate,
                2 => cell.diff_option = CellDiffOption::ForcedWidth(NonZeroU16::MIN),
                3 if !last => {
                    cell.diff_option =
                        CellDiffOption::ForcedWidth(NonZeroU16::new(2).unwrap_or(NonZeroU16::MIN));
                }
                4 => cell.skip = true,
                _ => {}
            }
        }
        Edit::Text {
            x,
            y,
            symbols,
            style: pick,
        } => {
            let area = buffer.area;
            let text: String = symbols.iter().map(|index| SYMBOLS[*index]).collect();
            buffer.set_string(
                area.x + x % area.width,
                area.y + y % area.height,
                text,
                style(*pick),
            );
        }
    }
}

#[test]
fn an_unchanged_frame_writes_nothing_and_a_new_one_everything() {
    let area = Rect::new(0, 0, 20, 3);
    let mut shown = Buffer::empty(area);
    shown.set_string(
        0,
        0,
        "Overzicht 中文 ☀\u{FE0F} e\u{301}",
        Style::new().bg(Color::Blue),
    );
    let same = shown.clone();
    assert_eq!(changes(&shown, &same).count(), 0);
    let blank = Buffer::empty(area);
    let (theirs, ours) = both(&blank, &shown);
    assert!(!ours.is_empty());
    assert_eq!(ours, theirs);
    let (theirs, ours) = both(&shown, &blank);
    assert_eq!(ours, theirs);
}

#[test]
fn a_wide_character_replaced_by_narrow_ones_clears_its_second_column() {
    let area = Rect::new(3, 2, 6, 1);
    let mut shown = Buffer::empty(area);
    shown.set_string(3, 2, "中中", Style::new().add_modifier(Modifier::REVERSED));
    let mut next = Buffer::empty(area);
    next.set_string(3, 2, "ab", Style::new());
    let (theirs, ours) = both(&shown, &next);
    assert_eq!(ours, theirs);
    assert!(
        ours.iter().any(|(x, _, _)| *x == 4),
        "the second column of the old wide character is written: {ours:?}"
    );
}

#[test]
fn a_wide_character_in_the_very_last_cell_is_no_trouble() {
    // ratatui's diff reads past the end of the buffer here (it panics).
    let area = Rect::new(0, 0, 3, 1);
    let mut shown = Buffer::empty(area);
    shown.content[2]
        .set_symbol("中")
        .set_style(Style::new().bg(Color::Blue));
    let next = Buffer::empty(area);
    let written: Vec<_> = changes(&shown, &next).map(|(x, y, _)| (x, y)).collect();
    assert_eq!(written, [(2, 0)]);
}

proptest! {
    #[test]
    fn yields_what_ratatuis_diff_yields(
        width in 1_u16..12,
        height in 1_u16..4,
        origin in (0_u16..3, 0_u16..3),
        before in proptest::collection::vec(edit(), 0..24),
        after in proptest::collection::vec(edit(), 0..24),
    ) {
        let area = Rect::new(origin.0, origin.1, width, height);
        let mut shown = Buffer::empty(area);
        for edit in &before {
            apply(&mut shown, edit);
        }
        // The next frame mostly repeats the shown one, as frames do.
        let mut next = shown.clone();
        for edit in &after {
            apply(&mut next, edit);
        }
        let (theirs, ours) = both(&shown, &next);
        prop_assert_eq!(ours, theirs);
        // And from scratch, as after a resize.
        let (theirs, ours) = both(&Buffer::empty(area), &next);
        prop_assert_eq!(ours, theirs);
    }
}

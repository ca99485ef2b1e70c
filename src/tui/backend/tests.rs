use super::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};

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
    shown_by(&terminal_after(Rect::new(0, 0, width, height), &[bytes]))
}

/// [`shown`] of a terminal fed already.
fn shown_by(terminal: &vt100::Parser) -> Vec<String> {
    let screen = terminal.screen();
    let (height, width) = screen.size();
    let (height, width) = (height.get(), width.get());
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

/// Draws `before` on a blank screen, then `after` over it: through the
/// frame comparison, with and without the whole frame (short gaps written
/// again or moved over). Returns both outputs.
fn with_and_without_frame(before: &Buffer, after: &Buffer) -> (Vec<u8>, Vec<u8>) {
    let blank = Buffer::empty(after.area);
    let draw = |with_frame: bool| {
        let out = Shared::default();
        let mut ours = Fast::new(out.clone());
        ours.draw(blank.diff(before).into_iter()).expect("draw");
        let changes = before.diff(after).into_iter();
        if with_frame {
            ours.draw_frame(changes, after).expect("draw");
        } else {
            ours.draw(changes).expect("draw");
        }
        Backend::flush(&mut ours).expect("flush");
        out.0.borrow().clone()
    };
    (draw(true), draw(false))
}

#[test]
fn a_short_gap_between_changed_words_is_written_again() {
    let area = Rect::new(0, 0, 20, 1);
    let mut before = Buffer::empty(area);
    before.set_string(0, 0, "de kat zit", Style::new());
    let mut after = Buffer::empty(area);
    after.set_string(0, 0, "de hok zat", Style::new());
    let (with, without) = with_and_without_frame(&before, &after);
    let with = String::from_utf8_lossy(&with).into_owned();
    let without = String::from_utf8_lossy(&without).into_owned();
    assert!(with.contains("hok za"), "' z' written again: {with:?}");
    assert!(without.contains("hok\x1b[2Ca"), "moved over: {without:?}");
    assert_eq!(
        shown(with.as_bytes(), 20, 1),
        shown(without.as_bytes(), 20, 1)
    );
}

#[test]
fn no_gap_is_written_again_behind_a_wide_symbol_in_another_style_or_long() {
    let area = Rect::new(0, 0, 30, 3);
    let mut before = Buffer::empty(area);
    let mut after = Buffer::empty(area);
    before.set_string(0, 0, "a中 b", Style::new());
    after.set_string(0, 0, "x中 y", Style::new());
    before.set_string(0, 1, "ab cd", Style::new());
    after.set_string(0, 1, "xb yd", Style::new());
    for buffer in [&mut before, &mut after] {
        buffer.set_string(1, 1, "b", Style::new().fg(Color::Red));
    }
    before.set_string(0, 2, "a    b", Style::new());
    after.set_string(0, 2, "x    y", Style::new());
    let (with, without) = with_and_without_frame(&before, &after);
    assert_eq!(with, without);
}

/// A frame with one text on each row (text written over a wide symbol's
/// second column leaves a frame no terminal can show as the buffer says;
/// ratatui's widgets do not write such frames).
fn rows_of(area: Rect, texts: &[(String, u8, u16)]) -> Buffer {
    let styles = [
        Style::new(),
        Style::new().fg(Color::Red),
        Style::new().bg(Color::Blue),
        Style::new().add_modifier(Modifier::REVERSED),
    ];
    let mut buffer = Buffer::empty(area);
    for (row, (text, style, x)) in (0..area.height).zip(texts) {
        buffer.set_string(x % area.width, row, text, styles[usize::from(*style % 4)]);
    }
    buffer
}

fn row_texts() -> impl proptest::strategy::Strategy<Value = Vec<(String, u8, u16)>> {
    let text = proptest::string::string_regex("[a-c ]{0,6}(中|☀\u{FE0F}|é|─|e\u{301})?[a-c ]{0,6}")
        .unwrap_or_else(|_| unreachable!());
    proptest::collection::vec((text, 0_u8..4, 0_u16..8), 1..5)
}

proptest::proptest! {
    #[test]
    fn gaps_written_again_show_the_same(before in row_texts(), after in row_texts()) {
        let area = Rect::new(0, 0, 16, 4);
        let (before, after) = (rows_of(area, &before), rows_of(area, &after));
        let (with, without) = with_and_without_frame(&before, &after);
        proptest::prop_assert!(with.len() <= without.len());
        proptest::prop_assert_eq!(shown(&with, 16, 4), shown(&without, 16, 4));
    }
}

/// A frame like the app's: each row between borders in the first and last
/// column (the last column is where a terminal's cursor waits to wrap),
/// with a text at some column in one of a few styles, blank runs long and
/// short, wide symbols and accents.
fn bordered(area: Rect, texts: &[(String, u8, u16)]) -> Buffer {
    let styles = [
        Style::new(),
        Style::new().fg(Color::Red),
        Style::new().bg(Color::Blue),
        Style::new().add_modifier(Modifier::REVERSED),
        Style::new().add_modifier(Modifier::BOLD),
    ];
    let mut buffer = Buffer::empty(area);
    for (row, (text, style, x)) in (0..area.height).zip(texts) {
        let inner = area.width - 2;
        buffer.set_stringn(
            1 + x % inner,
            row,
            text,
            usize::from(inner - x % inner),
            styles[usize::from(*style) % styles.len()],
        );
        buffer.set_string(0, row, "│", Style::new());
        buffer.set_string(area.width - 1, row, "│", Style::new());
    }
    buffer
}

fn bordered_texts() -> impl proptest::strategy::Strategy<Value = Vec<(String, u8, u16)>> {
    let text = proptest::string::string_regex(
        "([a-c]{0,4}| {0,20})(é|€|中|─|e\u{301}| {16,30})?[a-c ]{0,8}",
    )
    .unwrap_or_else(|_| unreachable!());
    proptest::collection::vec((text, 0_u8..5, 0_u16..40), 1..6)
}

/// Texts with a two-byte character, then a one-byte one, then a multi-byte
/// one: where a terminal built on `vte` 0.15 loses the one-byte character
/// when a read ends inside the first.
fn split_prone_texts() -> impl proptest::strategy::Strategy<Value = Vec<(String, u8, u16)>> {
    let text = proptest::string::string_regex(
        "([a-c]{0,3}(é|·|ë)[a-c ](€|─|é|·|ï)){1,2}( {0,20}|[a-c]{0,3})",
    )
    .unwrap_or_else(|_| unreachable!());
    proptest::collection::vec((text, 0_u8..2, 0_u16..12), 1..6)
}

/// The bytes that show `after` over `before` on a blank screen: ours with
/// the whole frame handed in.
fn pen_bytes(before: &Buffer, after: &Buffer) -> (Vec<u8>, Vec<u8>) {
    let blank = Buffer::empty(after.area);
    let out = Shared::default();
    let mut ours = Fast::new(out.clone());
    let mut frame = |from: &Buffer, to: &Buffer| {
        ours.draw_frame(crate::tui::screen::changes(from, to), to)
            .expect("draw");
        Backend::flush(&mut ours).expect("flush");
        std::mem::take(&mut *out.0.borrow_mut())
    };
    (frame(&blank, before), frame(before, after))
}

fn terminal_after(area: Rect, parts: &[&[u8]]) -> vt100::Parser {
    let size = |n: u16| std::num::NonZeroU16::new(n).unwrap_or(std::num::NonZeroU16::MIN);
    let mut terminal = vt100::Parser::new(size(area.height), size(area.width), 0);
    for part in parts {
        terminal.process(part);
    }
    terminal
}

/// Where the next move or erase starts in `bytes` from `from` (`CSI … H`,
/// `C` or `X`), or the end.
fn next_move(bytes: &[u8], from: usize) -> usize {
    let mut at = from;
    while let Some(start) = bytes[at..].windows(2).position(|w| w == b"\x1b[") {
        let start = at + start;
        let end = bytes[start + 2..]
            .iter()
            .position(|b| !b.is_ascii_digit() && *b != b';')
            .map_or(bytes.len(), |end| start + 2 + end);
        if matches!(bytes.get(end), Some(b'H' | b'C' | b'X')) {
            return start;
        }
        at = end;
    }
    bytes.len()
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
    /// A column lost behind a two-byte character stays where crossterm's
    /// bytes would keep it: in the cells written one after another behind
    /// it, up to the next move or erase, which after such a character is
    /// absolute (it used to be relative, and the right border of the row
    /// ended up a column to the left: the drift the crash harness saw).
    #[test]
    fn a_column_lost_behind_a_two_byte_character_goes_no_further(
        before in bordered_texts(),
        after in split_prone_texts(),
    ) {
        let area = Rect::new(0, 0, 42, 5);
        let (before, after) = (bordered(area, &before), bordered(area, &after));
        let (first, second) = pen_bytes(&before, &after);
        let whole = shown(&[first.as_slice(), &second].concat(), area.width, area.height);
        for split in (1..second.len()).filter(|at| (0xC0..0xE0).contains(&second[at - 1])) {
            let split_screen = terminal_after(area, &[&first, &second[..split], &second[split..]]);
            let chunked = shown_by(&split_screen);
            // The character before the split is written at `start`; the
            // cells after it up to the next move may show a column early.
            let start = terminal_after(area, &[&first, &second[..split - 1]])
                .screen()
                .cursor_position();
            let end = terminal_after(area, &[&first, &second[..next_move(&second, split)]])
                .screen()
                .cursor_position();
            for (index, (a, b)) in whole.iter().zip(&chunked).enumerate() {
                let (row, column) = (index / usize::from(area.width), index % usize::from(area.width));
                let within = row == usize::from(start.0)
                    && column >= usize::from(start.1)
                    && (end.0 > start.0 || column <= usize::from(end.1));
                proptest::prop_assert!(
                    a == b || within,
                    "split at {split} after {:?}: cell {row},{column} {a} / {b} outside {start:?}..{end:?}",
                    String::from_utf8_lossy(&second[..split - 1])
                );
            }
        }
    }
}

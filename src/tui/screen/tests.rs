use std::num::NonZeroU16;

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Color, Modifier, Style};

use super::*;
use crate::tui::backend::Shared;

fn screen(width: u16, height: u16) -> (Screen<Shared>, Shared) {
    let out = Shared::default();
    let mut backend = Fast::new(out.clone());
    backend.resized(width, height);
    (Screen::new(backend).expect("screen"), out)
}

fn size(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN)
}

fn terminal(width: u16, height: u16) -> vt100::Parser {
    vt100::Parser::new(size(height), size(width), 0)
}

/// Feeds what the screen wrote to `terminal`, and empties it.
fn show(out: &Shared, terminal: &mut vt100::Parser) -> usize {
    let bytes = std::mem::take(&mut *out.0.borrow_mut());
    terminal.process(&bytes);
    bytes.len()
}

/// The terminal shows every cell of `frame`: its symbol, and whether it is
/// bold or reversed.
fn assert_shows(terminal: &vt100::Parser, frame: &Buffer) {
    let screen = terminal.screen();
    for position in frame.area.positions() {
        let Some(shown) = screen.cell(position.y, position.x) else {
            panic!("no cell at {position:?}");
        };
        if shown.is_wide_continuation() {
            continue;
        }
        let cell = &frame[position];
        let symbol = if shown.has_contents() {
            shown.contents()
        } else {
            " "
        };
        assert_eq!(symbol, cell.symbol(), "at {position:?}");
        assert_eq!(
            shown.bold(),
            cell.modifier.contains(Modifier::BOLD),
            "bold at {position:?}"
        );
        assert_eq!(
            shown.inverse(),
            cell.modifier.contains(Modifier::REVERSED),
            "reversed at {position:?}"
        );
    }
}

/// Frames of a few kinds: text in colours, wide characters, blanks.
fn frames() -> Vec<Vec<(u16, u16, &'static str, Style)>> {
    let bold = Style::new().add_modifier(Modifier::BOLD);
    let reversed = Style::new().add_modifier(Modifier::REVERSED).fg(Color::Red);
    vec![
        vec![
            (0, 0, "Overzicht en oordeel", bold),
            (2, 2, "VIS-1 · ja", reversed),
        ],
        vec![
            (0, 0, "Overzicht", bold),
            (0, 1, "中文 wide ☀", Style::new()),
        ],
        vec![],
        vec![
            (0, 3, "e\u{301} laatste regel", reversed),
            (5, 1, "x", bold),
        ],
    ]
}

fn draw_frame(screen: &mut Screen<Shared>, texts: &[(u16, u16, &str, Style)]) -> Buffer {
    let mut drawn = None;
    screen
        .draw(|frame| {
            let area = frame.area();
            for (x, y, text, style) in texts {
                if *y < area.height && *x < area.width {
                    frame.buffer_mut().set_string(*x, *y, text, *style);
                }
            }
            drawn = Some(frame.buffer_mut().clone());
            None
        })
        .expect("draw");
    drawn.unwrap_or_else(|| Buffer::empty(Rect::ZERO))
}

#[test]
fn the_terminal_shows_each_frame() {
    let (mut screen, out) = screen(24, 4);
    let mut terminal = terminal(24, 4);
    for texts in frames() {
        let frame = draw_frame(&mut screen, &texts);
        show(&out, &mut terminal);
        assert_shows(&terminal, &frame);
    }
    // The same frames again, in the other order.
    for texts in frames().into_iter().rev() {
        let frame = draw_frame(&mut screen, &texts);
        show(&out, &mut terminal);
        assert_shows(&terminal, &frame);
    }
}

#[test]
fn an_unchanged_frame_writes_no_cell() {
    let (mut screen, out) = screen(24, 4);
    let mut terminal = terminal(24, 4);
    let texts = &frames()[0];
    draw_frame(&mut screen, texts);
    let first = show(&out, &mut terminal);
    draw_frame(&mut screen, texts);
    let written = String::from_utf8_lossy(&out.0.borrow()).into_owned();
    assert!(first > 40, "the first frame writes its text");
    assert!(
        !written.contains("Overzicht") && !written.contains('V') && written.len() < 40,
        "only styles and the cursor: {written:?}"
    );
}

#[test]
fn after_a_resize_the_whole_new_frame_is_shown() {
    let (mut screen, out) = screen(24, 4);
    let mut terminal = terminal(24, 4);
    draw_frame(&mut screen, &frames()[0]);
    show(&out, &mut terminal);
    screen.resized(12, 3);
    terminal.screen_mut().set_size(size(3), size(12));
    let frame = draw_frame(&mut screen, &frames()[0]);
    show(&out, &mut terminal);
    assert_eq!(frame.area, Rect::new(0, 0, 12, 3));
    assert_shows(&terminal, &frame);
    // Back to the larger size: nothing of the small frame is left.
    screen.resized(24, 4);
    terminal.screen_mut().set_size(size(4), size(24));
    let frame = draw_frame(&mut screen, &frames()[1]);
    show(&out, &mut terminal);
    assert_shows(&terminal, &frame);
}

#[test]
fn the_cursor_is_shown_where_the_frame_says_and_hidden_otherwise() {
    let (mut screen, out) = screen(24, 4);
    let mut terminal = terminal(24, 4);
    screen.draw(|_| Some(Position::new(5, 2))).expect("draw");
    show(&out, &mut terminal);
    assert!(!terminal.screen().hide_cursor());
    assert_eq!(terminal.screen().cursor_position(), (2, 5));
    screen.draw(|_| None).expect("draw");
    show(&out, &mut terminal);
    assert!(terminal.screen().hide_cursor());
}

/// A frame with one kept row of `text` (page 1), and an `X` drawn over it
/// afterwards when `over`.
fn kept_frame(screen: &mut Screen<Shared>, text: &str, over: bool) -> Buffer {
    let mut drawn = None;
    screen
        .draw(|frame| {
            kept::allow(true, Style::default());
            let buf = frame.buffer_mut();
            let place = Rect::new(0, 1, 20, 1);
            kept::row(
                buf,
                place,
                |key| key.span(Style::default(), text),
                |buf| {
                    buf.set_string(0, 1, text, Style::default());
                    place.width
                },
            );
            if over {
                kept::drawn_over(buf, Rect::new(2, 1, 1, 1));
                buf.set_string(2, 1, "X", Style::default());
            }
            drawn = Some(buf.clone());
            None
        })
        .expect("draw");
    drawn.unwrap_or_else(|| Buffer::empty(Rect::ZERO))
}

#[test]
fn a_row_drawn_as_before_is_copied_and_not_compared_but_one_drawn_over_is() {
    let (mut screen, out) = screen(20, 3);
    screen.check_kept_rows(true);
    let mut terminal = terminal(20, 3);
    let frame = kept_frame(&mut screen, "hallo", false);
    show(&out, &mut terminal);
    assert_shows(&terminal, &frame);
    // The same row again: copied, nothing of it written.
    let frame = kept_frame(&mut screen, "hallo", false);
    let written = String::from_utf8_lossy(&out.0.borrow()).into_owned();
    assert!(
        !written.contains('h') && !written.contains('o'),
        "{written:?}"
    );
    show(&out, &mut terminal);
    assert_shows(&terminal, &frame);
    // Copied, then drawn over: what is drawn over is written.
    let frame = kept_frame(&mut screen, "hallo", true);
    show(&out, &mut terminal);
    assert_shows(&terminal, &frame);
    // The row drawn over was not kept: drawn afresh, it shows again.
    let frame = kept_frame(&mut screen, "hallo", false);
    show(&out, &mut terminal);
    assert_shows(&terminal, &frame);
    // Another text at the same place is not taken from before.
    let frame = kept_frame(&mut screen, "hallO", false);
    show(&out, &mut terminal);
    assert_shows(&terminal, &frame);
    assert_eq!(frame[(4, 1)].symbol(), "O");
}

/// A frame (page 1) that leaves row 1 blank, then draws `over` there: told
/// (`kept::drawn_over`) when `told`.
fn blank_frame(screen: &mut Screen<Shared>, over: Option<&str>, told: bool) -> Buffer {
    let mut drawn = None;
    screen
        .draw(|frame| {
            kept::allow(true, Style::default());
            let buf = frame.buffer_mut();
            kept::blank(buf, Rect::new(0, 1, 20, 1));
            if let Some(text) = over {
                if told {
                    kept::drawn_over(buf, Rect::new(0, 1, 20, 1));
                }
                buf.set_string(0, 1, text, Style::default());
            }
            drawn = Some(buf.clone());
            None
        })
        .expect("draw");
    drawn.unwrap_or_else(|| Buffer::empty(Rect::ZERO))
}

#[test]
fn a_row_left_blank_shows_blank_whatever_was_on_screen_before() {
    let (mut screen, out) = screen(20, 3);
    screen.check_kept_rows(true);
    let mut terminal = terminal(20, 3);
    // Text there on screen, drawn by a frame that kept nothing: erased.
    draw_frame(&mut screen, &[(0, 1, "hallo", Style::default())]);
    show(&out, &mut terminal);
    let frame = blank_frame(&mut screen, None, false);
    show(&out, &mut terminal);
    assert_shows(&terminal, &frame);
    assert_eq!(terminal.screen().contents().trim(), "");
    // Left blank again: nothing to write.
    blank_frame(&mut screen, None, false);
    let written = show(&out, &mut terminal);
    assert!(written < 40, "{written} bytes");
    // Drawn over after it was left blank: the text shows, and the next
    // frame that leaves it blank erases it.
    let frame = blank_frame(&mut screen, Some("X"), true);
    show(&out, &mut terminal);
    assert_shows(&terminal, &frame);
    let frame = blank_frame(&mut screen, None, false);
    show(&out, &mut terminal);
    assert_shows(&terminal, &frame);
    assert_eq!(terminal.screen().contents().trim(), "");
}

#[test]
#[should_panic(expected = "drawn over later in the frame")]
fn check_mode_sees_a_row_left_blank_drawn_over_untold() {
    let (mut screen, _out) = screen(20, 3);
    screen.check_kept_rows(true);
    blank_frame(&mut screen, Some("X"), false);
}

/// A frame of `page` with kept rows (`(row, text)`, drawing counted in
/// `drawn`), then `over` drawn over row `over.0` (told).
fn page_frame(
    screen: &mut Screen<Shared>,
    page: u8,
    rows: &[(u16, &str)],
    over: Option<(u16, &str)>,
    drawn: &mut usize,
) -> Buffer {
    let mut frame_drawn = None;
    screen
        .draw_page(page, |frame| {
            kept::allow(true, Style::default());
            let buf = frame.buffer_mut();
            for (y, text) in rows {
                let place = Rect::new(0, *y, 20, 1);
                kept::row(
                    buf,
                    place,
                    |key| key.span(Style::default(), text),
                    |buf| {
                        *drawn += 1;
                        buf.set_string(0, *y, text, Style::default());
                        u16::try_from(text.len()).unwrap_or(place.width)
                    },
                );
            }
            if let Some((y, text)) = over {
                kept::drawn_over(buf, Rect::new(0, y, 20, 1));
                buf.set_string(0, y, text, Style::default());
            }
            frame_drawn = Some(buf.clone());
            None
        })
        .expect("draw");
    frame_drawn.unwrap_or_else(|| Buffer::empty(Rect::ZERO))
}

#[test]
fn a_page_opened_again_takes_its_rows_from_its_last_frame_and_shows_them() {
    let (mut screen, out) = screen(20, 3);
    let mut terminal = terminal(20, 3);
    let mut drawn = 0;
    let first = [(0, "bovenbalk"), (1, "oordeel"), (2, "thema's")];
    page_frame(&mut screen, 5, &first, None, &mut drawn);
    show(&out, &mut terminal);
    assert_eq!(drawn, 3);
    // Another page: only the row it shares at the same place is kept.
    let other = [(0, "bovenbalk"), (1, "criterium")];
    let frame = page_frame(&mut screen, 4, &other, None, &mut drawn);
    show(&out, &mut terminal);
    assert_shows(&terminal, &frame);
    assert_eq!(drawn, 4);
    // The first page again: nothing drawn, all of it shown.
    let frame = page_frame(&mut screen, 5, &first, None, &mut drawn);
    show(&out, &mut terminal);
    assert_shows(&terminal, &frame);
    assert_eq!(drawn, 4, "rows taken from the page's last frame");
    assert!(terminal.screen().contents().contains("oordeel"));
    assert!(terminal.screen().contents().contains("thema's"));
    // Changed since: drawn.
    let changed = [(0, "bovenbalk"), (1, "criterium 2")];
    let frame = page_frame(&mut screen, 4, &changed, None, &mut drawn);
    show(&out, &mut terminal);
    assert_shows(&terminal, &frame);
    assert_eq!(drawn, 5);
}

#[test]
fn a_row_moved_out_of_a_frame_is_not_taken_from_it_again() {
    let (mut screen, out) = screen(20, 3);
    screen.check_kept_rows(true);
    let mut terminal = terminal(20, 3);
    let mut drawn = 0;
    let rows = [(0, "bovenbalk"), (1, "oordeel")];
    page_frame(&mut screen, 5, &rows, None, &mut drawn);
    show(&out, &mut terminal);
    // Another page moves the top row out of that frame (now the last of
    // page 5), then draws over it.
    let frame = page_frame(
        &mut screen,
        4,
        &[(0, "bovenbalk")],
        Some((0, "anders")),
        &mut drawn,
    );
    show(&out, &mut terminal);
    assert_shows(&terminal, &frame);
    // Page 5 again: the top row is no longer in its last frame (check mode
    // would see what was left there), so it is drawn.
    let before = drawn;
    let frame = page_frame(&mut screen, 5, &rows, None, &mut drawn);
    show(&out, &mut terminal);
    assert_shows(&terminal, &frame);
    assert!(drawn > before, "the moved row is drawn afresh");
    assert!(terminal.screen().contents().contains("bovenbalk"));
}

use super::left_blank::common;
use super::*;

#[test]
fn rows_drawn_twice_or_more_at_one_place_are_all_forgotten() {
    let row = |y, x| Record {
        y,
        x,
        width: 3,
        key: 0..0,
        drawn: 3,
        taken: false,
    };
    let mut records = Records {
        rows: vec![
            row(1, 0),
            row(0, 5),
            row(1, 0),
            row(2, 0),
            row(1, 0),
            row(0, 5),
            row(0, 2),
        ],
        ..Records::default()
    };
    records.sort();
    let places: Vec<_> = records.rows.iter().map(|row| (row.y, row.x)).collect();
    assert_eq!(places, [(0, 2), (2, 0)]);
}

/// One frame: rows `blank` left blank, then `over` drawn over (told).
fn frame(earlier: Option<Earlier>, blank: &[u16], over: Option<Rect>) -> (Buffer, Ended) {
    let mut buf = Buffer::empty(Rect::new(0, 0, 10, 4));
    begin(earlier, None, Records::default(), true);
    allow(true, Style::default());
    for y in blank {
        super::blank(&buf, Rect::new(0, *y, 10, 1));
    }
    if let Some(area) = over {
        drawn_over(&buf, area);
        buf.set_string(area.x, area.y, "X", Style::default());
    }
    let ended = end(&buf).expect("a frame was begun");
    (buf, ended)
}

fn earlier(frame: (Buffer, Ended)) -> Option<Earlier> {
    Some(Earlier {
        buffer: frame.0,
        records: frame.1.now,
    })
}

#[test]
fn what_both_frames_left_blank_is_passed_over_and_nothing_else() {
    let first = frame(None, &[1, 2], Some(Rect::new(3, 2, 1, 1)));
    assert!(first.1.copied.is_empty(), "nothing on screen yet");
    // A frame of another page: row 1 was left blank on screen too; row 2
    // was drawn over, row 3 was not left blank.
    let second = frame(earlier(first), &[1, 2, 3], None);
    let passed_over: Vec<Range<usize>> = vec![Range { start: 10, end: 20 }];
    assert_eq!(second.1.copied, passed_over);
    // Less of a row left blank: that much is passed over; nothing in a
    // frame that keeps nothing.
    let (buffer, ended) = second;
    begin(
        Some(Earlier {
            buffer,
            records: ended.now,
        }),
        None,
        Records::default(),
        true,
    );
    allow(true, Style::default());
    let buf = Buffer::empty(Rect::new(0, 0, 10, 4));
    super::blank(&buf, Rect::new(2, 1, 7, 1));
    let passed_over: Vec<Range<usize>> = vec![Range { start: 12, end: 19 }];
    let third = end(&buf).expect("begun");
    assert_eq!(third.copied, passed_over);
    // A frame that keeps nothing (a dialog over it) passes over nothing.
    begin(third.earlier, None, Records::default(), true);
    allow(false, Style::default());
    super::blank(&buf, Rect::new(2, 1, 7, 1));
    assert!(end(&buf).expect("begun").copied.is_empty());
}

#[test]
fn nothing_is_passed_over_on_another_base() {
    let first = frame(None, &[0, 1], None);
    let mut buf = Buffer::empty(Rect::new(0, 0, 10, 4));
    begin(earlier(first), None, Records::default(), true);
    let base = Style::new().bg(Color::Blue);
    buf.set_style(buf.area, base);
    allow(true, base);
    super::blank(&buf, Rect::new(0, 1, 10, 1));
    assert!(end(&buf).expect("begun").copied.is_empty());
}

#[test]
fn what_both_left_blank_is_found_row_by_row() {
    let blank = |y, from, to| Blank { y, from, to };
    let now = [
        blank(0, 0, 4),
        blank(0, 6, 9),
        blank(1, 2, 5),
        blank(3, 0, 9),
    ];
    let earlier = [
        blank(0, 2, 7),
        blank(1, 5, 9),
        blank(2, 0, 9),
        blank(3, 4, 6),
    ];
    let both: Vec<Blank> = common(&now, &earlier).collect();
    assert_eq!(both, [blank(0, 2, 4), blank(0, 6, 7), blank(3, 4, 6)]);
}

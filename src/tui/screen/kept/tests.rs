use super::*;

#[test]
fn rows_drawn_twice_or_more_at_one_place_are_all_forgotten() {
    let row = |y, x| Record {
        y,
        x,
        width: 3,
        key: 0..0,
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
        keys: Vec::new(),
    };
    records.sort();
    let places: Vec<_> = records.rows.iter().map(|row| (row.y, row.x)).collect();
    assert_eq!(places, [(0, 2), (2, 0)]);
    assert!(records.find(0, 2).is_some());
    assert!(records.find(1, 0).is_none());
}

/// One frame: rows `blank` left blank, then `over` drawn over (told).
fn frame(earlier: Option<Earlier>, blank: &[u16], over: Option<Rect>) -> (Buffer, Ended) {
    let mut buf = Buffer::empty(Rect::new(0, 0, 10, 4));
    begin(earlier, Records::default(), true);
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
fn a_row_left_blank_as_on_screen_is_passed_over_and_no_other() {
    let first = frame(None, &[1, 2], Some(Rect::new(3, 2, 1, 1)));
    assert!(first.1.copied.is_empty(), "nothing on screen yet");
    // Row 1 was left blank on screen too; row 2 was drawn over, row 3
    // was not left blank.
    let second = frame(earlier(first), &[1, 2, 3], None);
    let passed_over: Vec<Range<usize>> = vec![Range { start: 10, end: 20 }];
    assert_eq!(second.1.copied, passed_over);
    // Left blank with another width, or in a frame that keeps nothing:
    // not passed over.
    let (buffer, ended) = second;
    begin(
        Some(Earlier {
            buffer,
            records: ended.now,
        }),
        Records::default(),
        true,
    );
    allow(true, Style::default());
    let buf = Buffer::empty(Rect::new(0, 0, 10, 4));
    super::blank(&buf, Rect::new(0, 1, 9, 1));
    allow(false, Style::default());
    super::blank(&buf, Rect::new(0, 2, 10, 1));
    assert!(end(&buf).expect("begun").copied.is_empty());
}

//! A memo of what the last frames showed of each text. Every frame lays
//! out and draws the criterion's text and each note, twice or more (once to
//! size the boxes, once to draw, once more in `update` to find the note's
//! viewport), and between two keys almost all of them are unchanged; this
//! keeps their segmentation and wrapping from being redone.
//!
//! An entry is keyed by everything the computation reads: the cursor and
//! scroll position, the viewport, the bytes of the text it looked at (the
//! lines around the rows in view, compared, not hashed) and, when those
//! reach the end of the text, the text's length. The same inputs give the
//! same answer, so what the memo returns is always what computing would:
//! the drawing stays a function of the state. For a short text those bytes
//! are usually the whole text; for a 1 MB note they are the few kilobytes
//! around the view, so typing in a long note pays for its wrapping once per
//! key instead of once per use.

use std::cell::RefCell;
use std::ops::Range;

use super::{TextCursor, Viewport, VisibleText, layout};

/// Stretches read longer than this (one huge logical line) are computed
/// every time: comparing them would cost about what wrapping the rows does.
const LONGEST: usize = 16 * 1024;
/// Entries kept: a screen shows a criterion text and a handful of notes,
/// each at two or three viewports.
const ENTRIES: usize = 32;

struct Entry {
    /// The bytes the computation read, and where they start in the text.
    read: String,
    read_from: usize,
    text_len: usize,
    byte: usize,
    scroll_top: usize,
    viewport: Viewport,
    shown: VisibleText,
}

impl Entry {
    fn answers(&self, text: &str, cursor: &TextCursor, viewport: Viewport) -> bool {
        let read_to = self.read_from + self.read.len();
        self.viewport == viewport
            && self.byte == cursor.byte
            && self.scroll_top == cursor.scroll_top
            // The length only counts where the lines read ran to the end of
            // the text (a line ends at a line break or at the end), so typing
            // at the end of a note keeps the entries for its top.
            && (read_to < self.text_len || self.text_len == text.len())
            && text.as_bytes().get(self.read_from..read_to) == Some(self.read.as_bytes())
    }
}

#[derive(Default)]
struct Memo {
    entries: Vec<Entry>,
    /// The entry to replace next once the memo is full.
    next: usize,
}

thread_local! {
    static MEMO: RefCell<Memo> = RefCell::new(Memo::default());
}

/// What the computation shows, and the bytes of the text it read.
pub(super) type Compute = fn(&str, &TextCursor, Viewport) -> (VisibleText, Range<usize>);

/// `compute(text, cursor, viewport)`, from the memo when an input that
/// reads the same was computed recently.
pub(super) fn visible(
    text: &str,
    cursor: &TextCursor,
    viewport: Viewport,
    compute: Compute,
) -> VisibleText {
    // The computation rounds both positions down to a character boundary
    // first; rounded here, the key holds only what it goes on to read.
    let cursor = TextCursor {
        byte: layout::floor_char_boundary(text, cursor.byte),
        goal_column: None,
        scroll_top: layout::floor_char_boundary(text, cursor.scroll_top),
    };
    if let Some(shown) = MEMO.with_borrow(|memo| {
        memo.entries
            .iter()
            .find(|entry| entry.answers(text, &cursor, viewport))
            .map(|entry| entry.shown.clone())
    }) {
        return shown;
    }
    let (shown, read) = compute(text, &cursor, viewport);
    let Some(read_text) = text.get(read.clone()).filter(|read| read.len() <= LONGEST) else {
        return shown;
    };
    MEMO.with_borrow_mut(|memo| {
        let entry = Entry {
            read: read_text.to_owned(),
            read_from: read.start,
            text_len: text.len(),
            byte: cursor.byte,
            scroll_top: cursor.scroll_top,
            viewport,
            shown: shown.clone(),
        };
        if memo.entries.len() < ENTRIES {
            memo.entries.push(entry);
        } else {
            let next = memo.next;
            memo.entries[next] = entry;
            memo.next = (next + 1) % ENTRIES;
        }
    });
    shown
}

#[cfg(test)]
mod tests {
    use super::super::{TextCursor, Viewport, compute_visible, visible};

    /// Whatever was asked before, the memo answers what computing gives,
    /// also for a text changed in place to another of the same length.
    #[test]
    fn the_memo_answers_what_computing_gives() {
        let texts = [
            "een twee drie vier vijf zes zeven acht negen tien",
            "een twee drie vier vijf zes zeven acht negen tieN",
            "een\ntwee drie vier vijf zes zeven acht negen tien",
            "één twee drie vier vijf zes zeven acht negen tien",
            "",
        ];
        for round in 0..3 {
            for (index, text) in texts.iter().enumerate() {
                for width in [4u16, 9, 30] {
                    let cursor = TextCursor {
                        byte: (index * 7 + round) % (text.len() + 1),
                        goal_column: None,
                        scroll_top: 0,
                    };
                    let viewport = Viewport { width, height: 3 };
                    assert_eq!(
                        visible(text, &cursor, viewport),
                        compute_visible(text, &cursor, viewport),
                        "{text:?} at width {width}"
                    );
                }
            }
        }
        // More inputs than the memo keeps, then the first ones again.
        for width in 1..80u16 {
            let viewport = Viewport { width, height: 2 };
            let cursor = TextCursor::default();
            assert_eq!(
                visible(texts[0], &cursor, viewport),
                compute_visible(texts[0], &cursor, viewport)
            );
        }
    }

    /// A long text with lines of every kind: the memo answers what computing
    /// gives after changes far from the view (kept) and in it (not kept),
    /// also a change that keeps the length and a change of the line break
    /// just before the view.
    #[test]
    fn the_memo_answers_what_computing_gives_for_a_long_text() {
        let line = "De regio ë 中文 👍🏽 e\u{301}\tzorg \u{1b} \u{202e} woord_zonder_spaties. ";
        let mut text = String::new();
        while text.len() < 100_000 {
            text.push_str(&line.repeat(3));
            text.push_str(if text.len().is_multiple_of(2) {
                "\n"
            } else {
                "\r\n"
            });
        }
        let view = Viewport {
            width: 37,
            height: 6,
        };
        let top = super::super::layout::floor_char_boundary(&text, text.len() / 2);
        let cursor = TextCursor {
            byte: top + 40,
            goal_column: None,
            scroll_top: top,
        };
        let check = |text: &str, what: &str| {
            for _ in 0..2 {
                assert_eq!(
                    visible(text, &cursor, view),
                    compute_visible(text, &cursor, view),
                    "{what}"
                );
            }
        };
        check(&text, "first");
        // Far from the view, same length and not.
        text.replace_range(0..1, "d");
        check(&text, "same length before the view");
        text.insert(0, 'x');
        check(&text, "longer before the view");
        let end = text.len() - 5;
        text.replace_range(end..end + 1, "Q");
        check(&text, "same length after the view");
        // In the view: the rows move.
        let row_start = compute_visible(&text, &cursor, view).rows[1].start;
        text.replace_range(row_start..row_start + 1, "\n");
        check(&text, "a line break in the view");
        // The line break before the view's first line goes.
        let line_start = text[..cursor.scroll_top]
            .rfind('\n')
            .expect("a line before the view");
        text.replace_range(line_start..line_start + 1, " ");
        check(&text, "the line break before the view");
    }
}

//! A memo of what the last frames showed of short texts. Every frame lays
//! out and draws the criterion's text and each note, twice or more (once to
//! size the boxes, once to draw, once more in `update` to find the note's
//! viewport), and between two keys almost all of them are unchanged; this
//! keeps their segmentation and wrapping from being redone. Keyed by the
//! whole input (the text itself, compared, not hashed), so the answer is
//! always the one the computation would give: the drawing stays a function
//! of the state. Long texts (a 1 MB note) are not kept: comparing them would
//! cost more than wrapping the rows in view.

use std::cell::RefCell;

use super::{TextCursor, Viewport, VisibleText};

/// Texts longer than this are computed every time.
const LONGEST: usize = 16 * 1024;
/// Entries kept: a screen shows a criterion text and a handful of notes,
/// each at two or three viewports.
const ENTRIES: usize = 32;

struct Entry {
    text: String,
    byte: usize,
    scroll_top: usize,
    viewport: Viewport,
    shown: VisibleText,
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

/// `compute(text, cursor, viewport)`, from the memo when the same input was
/// computed recently.
pub(super) fn visible(
    text: &str,
    cursor: &TextCursor,
    viewport: Viewport,
    compute: fn(&str, &TextCursor, Viewport) -> VisibleText,
) -> VisibleText {
    if text.len() > LONGEST {
        return compute(text, cursor, viewport);
    }
    let same = |entry: &Entry| {
        entry.viewport == viewport
            && entry.byte == cursor.byte
            && entry.scroll_top == cursor.scroll_top
            && entry.text == text
    };
    if let Some(shown) = MEMO.with_borrow(|memo| {
        memo.entries
            .iter()
            .find(|entry| same(entry))
            .map(|entry| entry.shown.clone())
    }) {
        return shown;
    }
    let shown = compute(text, cursor, viewport);
    MEMO.with_borrow_mut(|memo| {
        let entry = Entry {
            text: text.to_owned(),
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
}

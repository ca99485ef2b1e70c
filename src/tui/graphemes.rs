//! Text cut into graphemes (what shows as one character) fast: the editor's
//! wrapping and every row drawn on screen do it on every frame, and the full
//! rules of UAX #29 cost more than all the rest of a short row together.
//! Most text here is Dutch and the interface's own marks, where a character
//! is a grapheme by itself unless the next one joins it; only the rest goes
//! through the full rules. The answer is always what `grapheme_indices`
//! gives (tested for every character of Unicode). Also what the frame
//! comparison and the backend both ask of a cell's symbol: its width, and
//! whether it is one plain byte.

use ratatui::buffer::{Cell, CellDiffOption};
use unicode_segmentation::UnicodeSegmentation;

/// The graphemes of `text` with their byte offsets, exactly as
/// `text.grapheme_indices(true)` gives them. A [lone](is_lone) character
/// followed by another (or the end) is a grapheme of its own; from any other
/// character the full rules find the next boundary, starting from the
/// boundary reached (which they may: it is a boundary).
pub fn graphemes(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at;
        let rest = text.get(start..)?;
        let bytes = rest.as_bytes();
        // Printable ASCII before ASCII, by far the most common, without
        // decoding a character.
        let ascii_alone =
            (b' '..=b'~').contains(bytes.first()?) && bytes.get(1).is_none_or(u8::is_ascii);
        let mut chars = rest.chars();
        let length = if ascii_alone {
            1
        } else if let Some(first) = chars.next().filter(|first| is_lone(*first))
            && chars.next().is_none_or(is_lone)
        {
            first.len_utf8()
        } else {
            text[start..]
                .graphemes(true)
                .next()
                .map_or(text.len() - start, str::len)
        };
        at = start + length;
        Some((start, &text[start..at]))
    })
}

/// A character that forms a grapheme by itself unless the next one joins
/// it: printable ASCII, and the Latin letters, punctuation, arrows and box
/// drawing that Dutch text and this interface use. None of them is a
/// control, a prepend mark, an extender, a joiner, a regional indicator or
/// a Hangul jamo, which are the characters that make graphemes longer.
fn is_lone(c: char) -> bool {
    matches!(c,
        ' '..='~'
        | '\u{A0}'..='\u{AC}'
        | '\u{AE}'..='\u{24F}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{2190}'..='\u{21FF}'
        | '\u{2500}'..='\u{25FF}'
    )
}

/// The character at the start of `text` when it is a grapheme of its own
/// one column wide: [lone](is_lone) and [narrow](is_narrow), and what
/// follows does not join it (the same rule as [`graphemes`]). The bars, the
/// box drawing and the accented letters of a frame, known without the rules.
pub fn lone_narrow(text: &str) -> Option<&str> {
    let mut chars = text.chars();
    let first = chars.next()?;
    let alone = is_lone(first) && is_narrow(first) && chars.next().is_none_or(is_lone);
    alone.then(|| &text[..first.len_utf8()])
}

/// The byte of an ordinary cell one column wide: a one-byte symbol (ASCII;
/// the buffer holds no control characters), no diff option, not skipped.
#[allow(deprecated)] // `skip` is still honoured, as ratatui's diff does
pub fn plain_byte(cell: &Cell) -> Option<u8> {
    if cell.diff_option != CellDiffOption::None || cell.skip {
        return None;
    }
    match cell.symbol().as_bytes() {
        [byte] => Some(*byte),
        _ => None,
    }
}

/// The width of symbols in cells, as ratatui's `CellWidth` gives it, for
/// code that measures every cell of a frame: a one-byte symbol is one
/// column, and the last few single characters measured are remembered
/// (a frame repeats a handful of them: box drawing, bars, accents), so the
/// Unicode tables are looked up once for each.
#[derive(Debug, Default)]
pub struct Widths {
    known: [(char, u16); 4],
    next: usize,
}

impl Widths {
    pub fn of(&mut self, symbol: &str) -> u16 {
        use ratatui::buffer::CellWidth;
        if let [b' '..=b'~'] = symbol.as_bytes() {
            return 1;
        }
        if symbol.len() <= 1 {
            return symbol.cell_width();
        }
        let mut chars = symbol.chars();
        let (Some(first), None) = (chars.next(), chars.next()) else {
            return symbol.cell_width();
        };
        if is_narrow(first) {
            return 1;
        }
        if let Some((_, width)) = self.known.iter().find(|(known, _)| *known == first) {
            return *width;
        }
        let width = symbol.cell_width();
        self.known[self.next] = (first, width);
        self.next = (self.next + 1) % self.known.len();
        width
    }
}

/// Characters one column wide that a frame is full of (accented letters,
/// dashes and bullets, arrows, signs, box drawing and blocks), known
/// without looking them up; the test holds each to the Unicode tables.
pub fn is_narrow(c: char) -> bool {
    matches!(c,
        '\u{A1}'..='\u{AC}'
        | '\u{AE}'..='\u{24F}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2190}'..='\u{21FF}'
        | '\u{2200}'..='\u{22FF}'
        | '\u{2500}'..='\u{259F}'
    )
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::CellWidth;

    use super::Widths;

    #[test]
    fn a_lone_narrow_character_is_its_own_grapheme_one_column_wide() {
        use unicode_segmentation::UnicodeSegmentation;
        let mut text = String::new();
        let mut found = 0;
        for c in (0_u32..0x11_0000).filter_map(char::from_u32) {
            for next in [
                None,
                Some('a'),
                Some('\u{301}'),
                Some('\u{200d}'),
                Some('é'),
                Some('\u{FE0F}'),
            ] {
                text.clear();
                text.push(c);
                text.extend(next);
                let Some(one) = super::lone_narrow(&text) else {
                    continue;
                };
                found += 1;
                assert_eq!(text.graphemes(true).next(), Some(one), "{text:?}");
                assert_eq!(one.cell_width(), 1, "{text:?}");
            }
        }
        // Bars, box drawing, accents: the short road is taken.
        assert!(found > 1_000);
        for text in ["█", "░x", "─", "é", "ë ", "·"] {
            assert!(super::lone_narrow(text).is_some(), "{text:?}");
        }
        for text in ["e\u{301}", "中", "", "\u{7}", "☀\u{FE0F}"] {
            assert!(super::lone_narrow(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn widths_are_ratatuis_remembered_or_not() {
        let mut widths = Widths::default();
        let mut symbol = String::new();
        // Every character (but ASCII controls, which never reach a cell),
        // each asked twice: the second time it is remembered.
        let characters = (0_u32..0x11_0000)
            .filter_map(char::from_u32)
            .filter(|c| !c.is_ascii_control());
        for c in characters {
            symbol.clear();
            symbol.push(c);
            for _ in 0..2 {
                assert_eq!(widths.of(&symbol), symbol.cell_width(), "{c:?}");
            }
        }
        for symbol in [
            "e\u{301}",
            "👩\u{200d}👩",
            "☀\u{FE0F}",
            "",
            "ab",
            "中",
            "─",
            "中",
        ] {
            assert_eq!(widths.of(symbol), symbol.cell_width(), "{symbol:?}");
        }
    }
}

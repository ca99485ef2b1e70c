//! Source text as a file holds it: the BOM, UTF-8 checking, byte offsets as
//! line and column, and making file-derived text safe to print.

use super::{Problem, ProblemKind};

const BOM: &str = "\u{feff}";

/// The text without a leading byte-order mark, which some Windows editors add.
pub(crate) fn strip_bom(source: &str) -> &str {
    source.strip_prefix(BOM).unwrap_or(source)
}

/// The bytes as text, or a `NotUtf8` problem at the first bad byte. A BOM is
/// left in place (the parser strips it), but it does not count as a column.
pub(crate) fn decode_utf8(bytes: &[u8]) -> Result<&str, Problem> {
    std::str::from_utf8(bytes).map_err(|error| not_utf8(bytes, &error))
}

/// The `NotUtf8` problem of `bytes`, whose UTF-8 check failed with `error`.
pub(crate) fn not_utf8(bytes: &[u8], error: &std::str::Utf8Error) -> Problem {
    let byte_offset = error.valid_up_to();
    // The prefix before the first bad byte is valid by definition.
    let valid = std::str::from_utf8(&bytes[..byte_offset]).unwrap_or_default();
    let (line, column) = LineIndex::new(strip_bom(valid)).position(strip_bom(valid).len());
    Problem {
        line,
        column,
        kind: ProblemKind::NotUtf8 { byte_offset },
    }
}

/// Turns byte offsets into 1-based lines and columns; columns count characters,
/// as editors do, so `é` is one column.
pub(crate) struct LineIndex<'s> {
    source: &'s str,
    /// Byte offset where each line starts.
    line_starts: Vec<usize>,
}

impl<'s> LineIndex<'s> {
    pub(crate) fn new(source: &'s str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(at, _)| at + 1))
            .collect();
        Self {
            source,
            line_starts,
        }
    }

    /// (line, column) of a byte offset; offsets past the end or inside a
    /// character are clamped, so a bad span from the parser cannot panic.
    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        let mut offset = offset.min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let line_start = self.line_starts[line - 1];
        let column = self.source[line_start..offset].chars().count() + 1;
        (line, column)
    }

    pub(crate) fn line(&self, offset: usize) -> usize {
        self.position(offset).0
    }
}

/// Whether a character could move the cursor, change colours, or reorder or
/// hide text when printed: the gate's hidden characters (C0, DEL, C1, bidi
/// controls and the other invisible format characters).
pub(crate) fn is_unsafe_char(c: char) -> bool {
    crate::model::gate::is_hidden(c)
}

/// Text from a file made safe to print on a terminal: every control character
/// (newline and tab included, so one problem stays one line) and every bidi
/// control becomes a visible escape like `\u{1b}`. A hostile file must never
/// reach the terminal with an escape sequence.
pub fn sanitize_for_display(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_unsafe_char(c) {
            out.push_str(&format!("\\u{{{:x}}}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_lines_and_characters() {
        let source = "a = 1\nbé = \"€\"\r\nc";
        let index = LineIndex::new(source);
        assert_eq!(index.position(0), (1, 1));
        assert_eq!(index.position(4), (1, 5));
        assert_eq!(index.position(5), (1, 6)); // the newline itself
        assert_eq!(index.position(6), (2, 1));
        // "bé = " is 6 bytes but 5 characters.
        assert_eq!(index.position(12), (2, 6));
        let c = source.rfind('c').expect("c is in the source");
        assert_eq!(index.position(c), (3, 1));
        assert_eq!(index.position(source.len()), (3, 2));
        assert_eq!(index.position(10_000), (3, 2));
        // Inside the two bytes of 'é': clamped back to its start.
        assert_eq!(index.position(8), (2, 2));
    }

    #[test]
    fn empty_source_is_line_one() {
        assert_eq!(LineIndex::new("").position(0), (1, 1));
    }

    #[test]
    fn not_utf8_is_located() {
        let bytes = b"a = 1\nb = \"\xe9\"\n";
        let problem = decode_utf8(bytes).expect_err("latin-1 byte");
        assert_eq!(problem.kind, ProblemKind::NotUtf8 { byte_offset: 11 });
        assert_eq!((problem.line, problem.column), (2, 6));
    }

    #[test]
    fn bom_does_not_count_as_a_column() {
        let bytes = b"\xef\xbb\xbfa\xff";
        let problem = decode_utf8(bytes).expect_err("bad byte");
        assert_eq!(problem.kind, ProblemKind::NotUtf8 { byte_offset: 4 });
        assert_eq!((problem.line, problem.column), (1, 2));
        assert_eq!(decode_utf8(b"\xef\xbb\xbfa = 1"), Ok("\u{feff}a = 1"));
        assert_eq!(strip_bom("\u{feff}a = 1"), "a = 1");
    }

    #[test]
    fn sanitizer_escapes_every_control() {
        assert_eq!(sanitize_for_display("plain é € 😀"), "plain é € 😀");
        assert_eq!(sanitize_for_display("\u{1b}[31mrood"), "\\u{1b}[31mrood");
        assert_eq!(sanitize_for_display("a\nb\tc\r"), "a\\u{a}b\\u{9}c\\u{d}");
        assert_eq!(
            sanitize_for_display("\u{7f}\u{85}\u{9f}"),
            "\\u{7f}\\u{85}\\u{9f}"
        );
        assert_eq!(
            sanitize_for_display("\u{202e}x\u{2066}\u{2069}"),
            "\\u{202e}x\\u{2066}\\u{2069}"
        );
        assert_eq!(sanitize_for_display("\u{0}"), "\\u{0}");
        // Characters next to the ranges stay.
        assert_eq!(
            sanitize_for_display("\u{a0}\u{2029}\u{2070}"),
            "\u{a0}\u{2029}\u{2070}"
        );
        // Invisible marks that reorder or hide text are escaped too.
        assert_eq!(
            sanitize_for_display("a\u{200e}\u{200f}\u{61c}b"),
            "a\\u{200e}\\u{200f}\\u{61c}b"
        );
        for c in (0u32..0x20).chain(0x7f..0xa0).filter_map(char::from_u32) {
            assert!(
                !sanitize_for_display(&c.to_string())
                    .chars()
                    .any(char::is_control)
            );
        }
    }
}

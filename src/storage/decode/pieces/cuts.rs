//! Where a document can be cut into pieces: a quick scan of its lines that
//! knows strings, comments and brackets well enough to find the table
//! headers (`[` or `[[` first on a line, outside any value). It need not be
//! exact: a cut inside a value leaves the piece before it unterminated, so
//! that piece does not parse and the whole text is parsed as one. It only
//! has to be right for the files people and zelfscan write, and cheap (the
//! `toml` lexer costs as much as the parse: a 1 MB note is scanned for its
//! closing quotes byte by byte).

use std::ops::Range;

use super::long_string::plain_end;

/// A multi-line string a line ends inside.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Basic,
    Literal,
}

impl Open {
    fn delimiter(self) -> &'static str {
        match self {
            Open::Basic => "\"\"\"",
            Open::Literal => "'''",
        }
    }
}

/// What a quick scan of a document finds: where its pieces end, and its
/// long multi-line basic strings that [`plain_end`] takes as they stand
/// (from the opening quotes to just past the closing ones).
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct Layout {
    pub(super) cuts: Vec<usize>,
    pub(super) long_strings: Vec<Range<usize>>,
}

/// Where pieces end: at the start of the line of a table header, once a
/// piece holds `piece_bytes`, and always before a header with fewer keys
/// than the piece's first header. A piece that starts at `[[a.b.c]]`
/// therefore never holds `[[a.b]]`: on its own it would take `a.b` for a
/// table, where the whole text continues an array of tables.
#[cfg(test)]
pub(super) fn cuts(source: &str, piece_bytes: usize) -> impl Iterator<Item = usize> {
    layout(source, piece_bytes, usize::MAX).cuts.into_iter()
}

/// The cuts (see [`cuts`]) and the plain multi-line basic strings of at
/// least `long_bytes`. A plain string is passed over in one quick search
/// for its closing quotes, not line by line.
pub(super) fn layout(source: &str, piece_bytes: usize, long_bytes: usize) -> Layout {
    let mut layout = Layout::default();
    let mut open: Option<Open> = None;
    let mut nesting = 0_usize;
    let mut piece_start = 0;
    let mut piece_keys: Option<usize> = None;
    let mut start = 0;
    while start < source.len() {
        let end = line_end(source, start);
        let line = &source[start..end];
        let mut from = start;
        if let Some(string) = open {
            let Some(close) = closing(line, string) else {
                start = end;
                continue;
            };
            from = start + close;
        } else if nesting == 0 {
            let blank = line.len() - line.trim_start_matches([' ', '\t']).len();
            if line[blank..].starts_with('[') {
                let keys = header_keys(&line[blank..]);
                let full = start - piece_start >= piece_bytes;
                if start > 0 && (full || piece_keys.is_some_and(|first| keys < first)) {
                    layout.cuts.push(start);
                    piece_start = start;
                    piece_keys = Some(keys);
                } else {
                    piece_keys.get_or_insert(keys);
                }
                start = end;
                continue;
            }
        }
        let values = scan_values(source, from..end, nesting, long_bytes, &mut layout);
        (open, nesting, start) = values;
    }
    layout
}

/// Just past the end of the line that holds `from` (its newline included).
fn line_end(source: &str, from: usize) -> usize {
    source
        .as_bytes()
        .get(from..)
        .and_then(|rest| memchr::memchr(b'\n', rest))
        .map_or(source.len(), |at| from + at + 1)
}

/// The number of keys in a header line (`[a."b.c".d]` has three).
fn header_keys(line: &str) -> usize {
    let mut keys = 1;
    let mut quote = None;
    for byte in line.bytes() {
        match (quote, byte) {
            (None, b'"' | b'\'') => quote = Some(byte),
            (Some(open), _) if byte == open => quote = None,
            (None, b'.') => keys += 1,
            (None, b']') => break,
            _ => {}
        }
    }
    keys
}

/// Where the multi-line string ends in `line` (just after its closing
/// quotes), if it does.
fn closing(line: &str, string: Open) -> Option<usize> {
    let delimiter = string.delimiter();
    let mut from = 0;
    loop {
        let at = from + line[from..].find(delimiter)?;
        // `\"""` in a basic string is an escaped quote and two more.
        if string == Open::Basic && line[..at].ends_with('\\') {
            from = at + 1;
            continue;
        }
        // A closing delimiter may carry up to two quotes of the string.
        let quote = delimiter.as_bytes()[0];
        let extra = line.as_bytes()[at + 3..]
            .iter()
            .take(2)
            .take_while(|&&byte| byte == quote)
            .count();
        return Some(at + 3 + extra);
    }
}

/// Reads the values on the rest of a line (`line`, from where the values
/// start to just past its newline): the multi-line string it ends inside,
/// how deep it ends inside arrays and inline tables, and where it ends (a
/// plain multi-line string read to its end may end it on a later line).
fn scan_values(
    source: &str,
    line: Range<usize>,
    mut nesting: usize,
    long_bytes: usize,
    layout: &mut Layout,
) -> (Option<Open>, usize, usize) {
    let bytes = source.as_bytes();
    let (mut at, mut end) = (line.start, line.end);
    while at < end {
        match bytes[at] {
            b'#' => break,
            b'[' | b'{' => nesting += 1,
            b']' | b'}' => nesting = nesting.saturating_sub(1),
            quote @ (b'"' | b'\'') => {
                let string = if quote == b'"' {
                    Open::Basic
                } else {
                    Open::Literal
                };
                if bytes[at..].starts_with(string.delimiter().as_bytes()) {
                    if string == Open::Basic
                        && let Some(close) = plain_end(source, at)
                    {
                        if close - at >= long_bytes {
                            layout.long_strings.push(at..close);
                        }
                        // The closing quotes are never the end of a line.
                        if close >= end {
                            end = line_end(source, close);
                        }
                        at = close;
                        continue;
                    }
                    match closing(&source[at + 3..end], string) {
                        Some(close) => at += 3 + close,
                        None => return (Some(string), nesting, end),
                    }
                    continue;
                }
                // A one-line string: to its closing quote, past escapes in
                // a basic string.
                let mut close = at + 1;
                while close < end && bytes[close] != quote {
                    close += if quote == b'"' && bytes[close] == b'\\' {
                        2
                    } else {
                        1
                    };
                }
                at = close + 1;
                continue;
            }
            _ => {}
        }
        at += 1;
    }
    (None, nesting, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every header line start after the first, cut with pieces of one byte.
    fn all_cuts(text: &str) -> Vec<usize> {
        cuts(text, 1).collect()
    }

    fn at(text: &str, header: &str) -> usize {
        text.find(header).expect("header in text")
    }

    #[test]
    fn headers_in_strings_comments_and_values_are_not_cuts() {
        let text = concat!(
            "a = \"\"\"\n[in.basic]\n\\\"\"\"\n[still.in]\n\"\"\"\"\"\n",
            "b = '''\n[in.literal]\n'''\n",
            "c = [\n[1, 2],\n{ x = \"]\" },\n]\n",
            "d = \"[\\\"\" # [ not counted\n",
            "e = '[' \n",
            "f = { g = [\n1,\n] }\n",
            "  [t]\n",
            "x = \"\"\"one line\"\"\" # [\n",
            "[[u . \"v.w\"]]\n",
        );
        toml::de::DeTable::parse(text).expect("valid TOML");
        assert_eq!(all_cuts(text), vec![at(text, "  [t]"), at(text, "[[u")]);
    }

    #[test]
    fn a_header_counts_its_keys_outside_quotes() {
        assert_eq!(header_keys("[a]\n"), 1);
        assert_eq!(header_keys("[[a.b.c]]\n"), 3);
        assert_eq!(header_keys("[ a . \"b.c\" . 'd.e' ] # x.y\n"), 3);
    }

    #[test]
    fn pieces_hold_at_least_their_size() {
        let text = "[a]\nx = 1\n[b]\nx = 2\n[c]\nx = 3\n[d]\nx = 4\n";
        assert_eq!(cuts(text, 20).collect::<Vec<_>>(), vec![at(text, "[c]")]);
        assert_eq!(cuts(text, 1_000).count(), 0);
    }
}

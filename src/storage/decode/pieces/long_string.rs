//! A long multi-line basic string (a 1 MB note) taken as it stands in the
//! file. The `toml` crate decodes such a string byte by byte, asking each
//! whether it is an escape, a quote or a character a string may hold: most
//! of the time it takes to read a scan with a large note. When the string
//! holds nothing the decoder would change or refuse, its value is the text
//! between its quotes, so the piece around it is parsed with the string cut
//! out, and the string put back as that text.
//!
//! Only where the outcome is certainly one parse's: the string is the value
//! of a bare key first on its line; the text before the string must parse
//! with an empty string (`""`, the first two quotes of `"""`) in its place;
//! after the string come only blanks
//! to the end of its line, then keys with plain values (no table, no array
//! of tables) not in its table yet. Anything else parses the piece as a
//! whole, so every tree and every error stays exactly that of one parse.

use std::borrow::Cow;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::{Value, moved};
use crate::model::gate::find_byte;

const DELIMITER: &[u8] = b"\"\"\"";

/// Where the multi-line basic string that opens at `open` (its `"""`) ends,
/// just past its closing quotes, when its body holds nothing the decoder
/// would change or refuse: no backslash, no carriage return, no control
/// character but tab and newline, no DEL. `None` otherwise, or when it is
/// not closed. Without a backslash, the first `"""` closes the string, and
/// up to two quotes right after it belong to the string (as the lexer
/// reads it).
pub(super) fn plain_end(source: &str, open: usize) -> Option<usize> {
    let bytes = source.as_bytes();
    if bytes.get(open..open + DELIMITER.len())? != DELIMITER {
        return None;
    }
    let mut from = open + DELIMITER.len();
    loop {
        let at = find_byte(bytes, from, stops_plain)?;
        if bytes[at] != b'"' {
            return None;
        }
        if bytes[at..].starts_with(DELIMITER) {
            let close = at + DELIMITER.len();
            let extra = bytes[close..]
                .iter()
                .take(2)
                .take_while(|&&byte| byte == b'"')
                .count();
            return Some(close + extra);
        }
        from = at + 1;
    }
}

/// A quote (which may close the string), or a byte the fast path does not
/// take: a backslash, or a control character other than tab and newline
/// (carriage return included), or DEL. Branch-free, so [`find_byte`] checks
/// a block of bytes with a few vector compares.
const fn stops_plain(byte: u8) -> bool {
    (byte == b'"')
        | (byte == b'\\')
        | ((byte < 0x20) & (byte != b'\t') & (byte != b'\n'))
        | (byte == 0x7f)
}

/// The top-level table of `piece` (a part of `source` that parses on its
/// own) whose plain multi-line basic string `string` (from its opening to
/// just past its closing quotes, found by [`plain_end`]) is taken as it
/// stands; spans are relative to the piece's start, as `DeTable::parse` of
/// the piece gives them. `None` when that is not certainly what parsing the
/// whole piece gives.
pub(super) fn parse_around<'i>(
    source: &'i str,
    piece: Range<usize>,
    string: Range<usize>,
) -> Option<DeTable<'i>> {
    let bytes = source.as_bytes();
    if string.start < piece.start || string.end > piece.end {
        return None;
    }
    // The value: the body without the newline right after the opening
    // quotes (the body holds no carriage return).
    let body = string.start + DELIMITER.len();
    let body = body + usize::from(bytes.get(body) == Some(&b'\n'));
    let text = source.get(body..string.end - DELIMITER.len())?;
    // After it: blanks, then the end of the line (or of the piece).
    let blanks = bytes[string.end..piece.end]
        .iter()
        .take_while(|&&byte| byte == b' ' || byte == b'\t')
        .count();
    let rest = string.end + blanks;
    if rest < piece.end && bytes[rest] != b'\n' {
        return None;
    }
    // Its key: one bare key first on its line, so the string's table is
    // the one later keys go to (a dotted key's is not).
    if !bare_key_before(source, piece.start, string.start) {
        return None;
    }
    let before = source.get(piece.start..string.start + 2)?;
    let mut table = DeTable::parse(before).ok()?.into_inner();
    let empty = string.start - piece.start..string.start + 2 - piece.start;
    let holder = holding(&mut table, &empty)?;
    let value = holder
        .iter_mut()
        .map(|(_, value)| value)
        .find(|value| is_empty_at(value, &empty))?;
    *value = Spanned::new(
        string.start - piece.start..string.end - piece.start,
        DeValue::String(Cow::Borrowed(text)),
    );
    if rest < piece.end {
        let after = DeTable::parse(source.get(rest..piece.end)?)
            .ok()?
            .into_inner();
        for (key, value) in after {
            if holds_a_table(&value) || holder.contains_key(key.get_ref().as_ref()) {
                return None;
            }
            let offset = rest - piece.start;
            let key = Spanned::new(moved(key.span(), offset), key.into_inner());
            holder.insert(key, super::shift_value(value, offset));
        }
    }
    Some(table)
}

/// Whether the line up to `at` is one bare key and `=` (with blanks
/// around them), starting at or after `from`.
fn bare_key_before(source: &str, from: usize, at: usize) -> bool {
    let Some(before) = source.get(from..at) else {
        return false;
    };
    let line = before
        .rfind('\n')
        .map_or(before, |newline| &before[newline + 1..]);
    let Some(key) = line.trim_end_matches([' ', '\t']).strip_suffix('=') else {
        return false;
    };
    let key = key.trim_matches([' ', '\t']);
    !key.is_empty()
        && key
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_')
}

/// The table (at any depth) that holds the empty string at `span`.
fn holding<'t, 'i>(table: &'t mut DeTable<'i>, span: &Range<usize>) -> Option<&'t mut DeTable<'i>> {
    if table.values().any(|value| is_empty_at(value, span)) {
        return Some(table);
    }
    for (_, value) in table.iter_mut() {
        match value.get_mut() {
            DeValue::Table(inner) => {
                if let Some(found) = holding(inner, span) {
                    return Some(found);
                }
            }
            DeValue::Array(items) => {
                for item in items.iter_mut() {
                    if let DeValue::Table(inner) = item.get_mut()
                        && let Some(found) = holding(inner, span)
                    {
                        return Some(found);
                    }
                }
            }
            _ => {}
        }
    }
    None
}

fn is_empty_at(value: &Value<'_>, span: &Range<usize>) -> bool {
    value.span() == *span && matches!(value.get_ref(), DeValue::String(text) if text.is_empty())
}

/// A table, or an array holding one: what a header or a dotted key makes,
/// which a later key of the same table cannot be (in the whole parse it
/// would be a different table, or an error).
fn holds_a_table(value: &Value<'_>) -> bool {
    match value.get_ref() {
        DeValue::Table(_) => true,
        DeValue::Array(items) => items
            .iter()
            .any(|item| matches!(item.get_ref(), DeValue::Table(_))),
        _ => false,
    }
}

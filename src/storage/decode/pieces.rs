//! Parsing a large document in pieces, to bound the parser's memory. The
//! `toml` crate lexes a whole document into a token list and an event list
//! (about 15 bytes per byte of text together) before it builds the tree, so a
//! 1.4 MB scan peaked at 20 MB. Cut at top-level table headers, each piece
//! needs only its own lists.
//!
//! The pieces are merged by TOML's rules, but only where the merge is
//! certainly what one parse of the whole text gives (a table that one side
//! only names in a header path, an array of tables continued); anything else
//! (a key in two pieces, a table reopened by a dotted key, an error in a
//! piece) parses the whole text as before, so every tree and every error
//! message (its wording, line and column) is exactly that of one parse.

use std::collections::HashSet;
use std::ops::Range;

use toml::Spanned;
use toml::de::{DeArray, DeString, DeTable, DeValue};

#[cfg(test)]
use cuts::cuts;
use cuts::layout;

mod cuts;
mod long_string;

type Value<'i> = Spanned<DeValue<'i>>;
type Key<'i> = Spanned<DeString<'i>>;

/// Smaller documents are parsed in one go: their lists are small, and
/// finding the cuts and moving every span would only cost time.
pub(super) const PIECEWISE_FROM: usize = 256 * 1024;

/// A piece is cut at the first table header after this many bytes.
const PIECE_BYTES: usize = 16 * 1024;

/// A plain multi-line basic string this long is taken as it stands (see
/// `long_string.rs`) instead of decoded byte by byte by the parser.
const LONG_STRING: usize = 16 * 1024;

/// The document's top-level table, as `DeTable::parse` gives it.
pub(super) fn parse(source: &str) -> Result<DeTable<'_>, toml::de::Error> {
    parse_with(source, PIECEWISE_FROM, PIECE_BYTES, LONG_STRING)
}

/// [`parse`] with its sizes given, so tests can cut small documents.
pub(super) fn parse_with(
    source: &str,
    piecewise_from: usize,
    piece_bytes: usize,
    long_string: usize,
) -> Result<DeTable<'_>, toml::de::Error> {
    if source.len() >= piecewise_from
        && let Some(root) = parse_in_pieces(source, 0..source.len(), piece_bytes, long_string)
    {
        return Ok(root);
    }
    DeTable::parse(source).map(Spanned::into_inner)
}

/// The top-level table of the part `range` of a document (cut where a
/// header starts), with spans into the whole `source`; `None` when it does
/// not parse on its own, or its pieces do not merge for certain.
pub(super) fn parse_part(source: &str, range: Range<usize>) -> Option<DeTable<'_>> {
    parse_in_pieces(source, range, PIECE_BYTES, LONG_STRING)
}

/// The merged pieces of `range`, or `None` when one parse must decide.
fn parse_in_pieces(
    source: &str,
    range: Range<usize>,
    piece_bytes: usize,
    long_string: usize,
) -> Option<DeTable<'_>> {
    let offset = range.start;
    let part = source.get(range)?;
    let mut root = DeTable::new();
    let mut clean = Clean::default();
    let mut start = offset;
    let layout = layout(part, piece_bytes, long_string);
    let ends = layout.cuts.iter().map(|cut| cut + offset);
    let mut long_strings = layout
        .long_strings
        .iter()
        .map(|string| moved(string.clone(), offset))
        .peekable();
    for end in ends.chain([offset + part.len()]) {
        // The piece's last long string is taken as it stands, if it can be.
        let mut last_long = None;
        while let Some(string) = long_strings.next_if(|string| string.end <= end) {
            last_long = Some(string);
        }
        let piece = match last_long
            .and_then(|string| long_string::parse_around(source, start..end, string))
        {
            Some(piece) => piece,
            None => DeTable::parse(source.get(start..end)?).ok()?.into_inner(),
        };
        let piece = if start == 0 {
            piece
        } else {
            shift_table(piece, start)
        };
        merge(source, &mut clean, &mut root, piece)?;
        start = end;
    }
    Some(root)
}

/// Moves every span of a piece parsed on its own to where it is in the file.
fn shift_table(table: DeTable<'_>, offset: usize) -> DeTable<'_> {
    let mut shifted = DeTable::with_capacity(table.len());
    for (key, value) in table {
        let span = moved(key.span(), offset);
        shifted.insert(
            Spanned::new(span, key.into_inner()),
            shift_value(value, offset),
        );
    }
    shifted
}

fn shift_value(value: Value<'_>, offset: usize) -> Value<'_> {
    let span = moved(value.span(), offset);
    let inner = match value.into_inner() {
        DeValue::Table(table) => DeValue::Table(shift_table(table, offset)),
        DeValue::Array(items) => {
            // Exactly as long as it is: the parser's arrays grow by doubling,
            // and a criterion's two questions would take room for four.
            let mut shifted = Vec::with_capacity(items.len());
            shifted.extend(items.into_iter().map(|item| shift_value(item, offset)));
            DeValue::Array(shifted.into_iter().collect())
        }
        scalar => scalar,
    };
    Spanned::new(span, inner)
}

fn moved(span: Range<usize>, offset: usize) -> Range<usize> {
    span.start + offset..span.end + offset
}

/// What a key names, as far as merging pieces is concerned. Told from the
/// text, as the parser's own flags are not public: a header's key is on a
/// line that starts with `[`; an explicit table's span is its header, an
/// implicit table's span is its key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// `[a.b]` defines `b`.
    Header,
    /// `[a.b]` names `a` (and nothing reopened it with a dotted key).
    Implicit,
    /// `[[a]]`.
    TableArray,
    /// A value, an inline table or array, or a table made or reopened by a
    /// dotted key: never merged.
    Other,
}

/// The implicit tables read so far that are known to hold only headers
/// (by the offset of their key): checked once, not at every piece merged
/// into them (which would grow with the square of the file).
#[derive(Default)]
struct Clean(HashSet<usize>);

fn shape(source: &str, clean: &mut Clean, key: &Key<'_>, value: &Value<'_>) -> Shape {
    if !on_header_line(source, key.span().start) {
        return Shape::Other;
    }
    match value.get_ref() {
        DeValue::Table(table) if value.span() == key.span() => {
            if clean.0.contains(&key.span().start) || only_headers_below(source, table) {
                clean.0.insert(key.span().start);
                Shape::Implicit
            } else {
                Shape::Other
            }
        }
        DeValue::Table(_) if source.as_bytes().get(value.span().start) == Some(&b'[') => {
            Shape::Header
        }
        DeValue::Array(_)
            if source
                .get(value.span().start..)
                .is_some_and(|rest| rest.starts_with("[[")) =>
        {
            Shape::TableArray
        }
        _ => Shape::Other,
    }
}

/// Whether every key in an implicit table (and in the implicit tables below
/// it) comes from a header: a dotted key (`a.b = 1`) makes the table dotted,
/// and a dotted table may not be defined by a header later.
fn only_headers_below(source: &str, table: &DeTable<'_>) -> bool {
    table.iter().all(|(key, value)| {
        on_header_line(source, key.span().start)
            && match value.get_ref() {
                DeValue::Table(inner) if value.span() == key.span() => {
                    only_headers_below(source, inner)
                }
                _ => true,
            }
    })
}

/// Whether the line holding `offset` starts (after blanks) with `[`.
fn on_header_line(source: &str, offset: usize) -> bool {
    let Some(before) = source.get(..offset) else {
        return false;
    };
    let line = before
        .rfind('\n')
        .map_or(before, |newline| &before[newline + 1..]);
    line.trim_start_matches([' ', '\t']).starts_with('[')
}

/// Merges a later piece into the tables read so far, as one parse of both
/// would have built them: in the same order, with the same spans. `None`
/// when that is not certain.
///
/// A table found clean stays clean: what is merged into it was found clean
/// in its piece.
fn merge<'i>(
    source: &str,
    clean: &mut Clean,
    into: &mut DeTable<'i>,
    piece: DeTable<'i>,
) -> Option<()> {
    for (key, value) in piece {
        let Some((old_key, old_value)) = into.get_key_value(key.get_ref().as_ref()) else {
            into.insert(key, value);
            continue;
        };
        match (
            shape(source, clean, old_key, old_value),
            shape(source, &mut Clean::default(), &key, &value),
        ) {
            // `[a.b]` then `[a]`: the parser takes the implicit table's
            // children into `a` and puts `a` back at the end, with the
            // header's key and span.
            (Shape::Implicit, Shape::Header) => {
                let (_, old_value) = into.remove_entry(key.get_ref().as_ref())?;
                let span = value.span();
                let mut table = into_table(old_value)?;
                merge(source, clean, &mut table, into_table(value)?)?;
                into.insert(key, Spanned::new(span, DeValue::Table(table)));
            }
            // A header below a table read before: that table is extended
            // where it is.
            (Shape::Implicit | Shape::Header, Shape::Implicit) => {
                let table = into.get_mut(key.get_ref().as_ref())?.get_mut();
                let DeValue::Table(table) = table else {
                    return None;
                };
                merge(source, clean, table, into_table(value)?)?;
            }
            // A header below an array of tables extends its last table.
            (Shape::TableArray, Shape::Implicit) => {
                let array = into.get_mut(key.get_ref().as_ref())?.get_mut();
                let DeValue::Array(items) = array else {
                    return None;
                };
                let last = items.last_mut()?.get_mut();
                let DeValue::Table(table) = last else {
                    return None;
                };
                merge(source, clean, table, into_table(value)?)?;
            }
            // `[[a]]` continued: the later tables are appended.
            (Shape::TableArray, Shape::TableArray) => {
                let array = into.get_mut(key.get_ref().as_ref())?.get_mut();
                let DeValue::Array(items) = array else {
                    return None;
                };
                let DeValue::Array(more) = value.into_inner() else {
                    return None;
                };
                append(items, more);
            }
            _ => return None,
        }
    }
    Some(())
}

fn into_table(value: Value<'_>) -> Option<DeTable<'_>> {
    match value.into_inner() {
        DeValue::Table(table) => Some(table),
        _ => None,
    }
}

fn append<'i>(items: &mut DeArray<'i>, more: DeArray<'i>) {
    for item in more {
        items.push(item);
    }
}

#[cfg(test)]
mod tests;

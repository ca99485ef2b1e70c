//! Saving over a file a person may have edited by hand: the original text is
//! patched, as little as possible, with what changed between two canonical
//! texts (the stable layout from `encode`): the scan as the file said it (the
//! base) and the scan as it is now (wanted). What did not change keeps its
//! form: comments, blank lines, key order, quoting style, values the person
//! left out (defaults) or wrote another way (`+01:00` for `Z`), the
//! byte-order mark and CRLF line ends. This layer knows TOML, not scans: keys
//! are generic, so new tables and arrays of tables need no code here.

use std::collections::{HashMap, HashSet};

use toml_edit::{ArrayOfTables, DocumentMut, Item, Table, Value};

const BOM: &str = "\u{feff}";

/// `original` with the changes from `base` to `wanted` made in it, as few as
/// possible: a key whose value is the same in both is left as `original` has
/// it (or does not have it); a changed value is replaced, keeping the
/// comments around it; new keys and tables take their layout and place from
/// `wanted`; keys `wanted` lost are removed with the comments above them.
/// Without a `base` every difference between `original` and `wanted` counts.
/// When nothing changes, `original` comes back byte for byte; otherwise the
/// result has the original's byte-order mark and line ends. `None` when a
/// text is not TOML.
pub(crate) fn patch(original: &str, base: Option<&str>, wanted: &str) -> Option<String> {
    let body = original.strip_prefix(BOM).unwrap_or(original);
    let wanted = wanted.parse::<DocumentMut>().ok()?;
    let base = match base {
        Some(base) => Some(base.parse::<DocumentMut>().ok()?),
        None => None,
    };
    let mut document = body.parse::<DocumentMut>().ok()?;
    let changed = patch_table(
        document.as_table_mut(),
        base.as_ref().map(DocumentMut::as_table),
        wanted.as_table(),
    );
    if !changed {
        return Some(original.to_string());
    }
    settle_positions(document.as_table_mut(), &mut 0);
    Some(in_style_of(original, &document.to_string()))
}

/// `text` with the byte-order mark and line ends of `original`.
pub(crate) fn in_style_of(original: &str, text: &str) -> String {
    let (bom, body) = match original.strip_prefix(BOM) {
        Some(rest) => (BOM, rest),
        None => ("", original),
    };
    let text = text.strip_prefix(BOM).unwrap_or(text);
    format!("{bom}{}", line_ends(text, uses_crlf(body)))
}

/// Whether most lines end in CRLF (a file saved by a Windows editor).
fn uses_crlf(text: &str) -> bool {
    let crlf = text.matches("\r\n").count();
    crlf > 0 && crlf >= text.matches('\n').count() - crlf
}

/// Every line end between values (after a key, a comment, a header) as LF,
/// or as CRLF. Line ends inside a multi-line string are part of its value
/// and stay exactly as they are. A lone CR cannot occur in valid TOML outside
/// a string, so LF and CRLF are the only line ends to find.
fn line_ends(text: &str, crlf: bool) -> String {
    let newline = if crlf { "\r\n" } else { "\n" };
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if rest.starts_with("\r\n") || c == '\n' {
            out.push_str(newline);
            rest = &rest[if c == '\n' { 1 } else { 2 }..];
            continue;
        }
        let taken = match c {
            '#' => rest.find(['\r', '\n']).unwrap_or(rest.len()),
            '"' | '\'' => string_len(rest),
            _ => c.len_utf8(),
        };
        out.push_str(&rest[..taken]);
        rest = &rest[taken..];
    }
    out
}

/// The length in bytes of the string literal (or quoted key) `text` starts
/// with: basic or literal, one line or multi-line; to the end of `text` when
/// it is not closed (not valid TOML; then nothing after it is changed).
fn string_len(text: &str) -> usize {
    let quote = if text.starts_with('"') { '"' } else { '\'' };
    let basic = quote == '"';
    let triple: String = [quote; 3].iter().collect();
    let multi = text.starts_with(&triple);
    let open = if multi { 3 } else { 1 };
    let mut at = open;
    let bytes = text.as_bytes();
    while at < bytes.len() {
        let byte = bytes[at];
        if basic && byte == b'\\' {
            // An escape: the next character is never the end.
            at += 1 + text[at + 1..].chars().next().map_or(0, char::len_utf8);
            continue;
        }
        if byte == quote as u8 {
            if !multi {
                return at + 1;
            }
            if text[at..].starts_with(&triple) {
                // Up to two more quotes belong to the content: `a"""""` ends
                // with the last three.
                let mut end = at + 3;
                while end < bytes.len() && bytes[end] == quote as u8 && end < at + 5 {
                    end += 1;
                }
                return end;
            }
        }
        at += 1;
    }
    text.len()
}

/// Brings `original` from `base` to `wanted`; true when anything changed.
fn patch_table(original: &mut Table, base: Option<&Table>, wanted: &Table) -> bool {
    let mut changed = false;
    // Gone from `wanted`: removed, unless only the file ever had it (the
    // scan never saw it, so it did not remove it either).
    let gone: Vec<String> = original
        .iter()
        .filter(|(key, _)| !wanted.contains_key(key))
        .filter(|(key, _)| base.is_none_or(|base| base.contains_key(key)))
        .map(|(key, _)| key.to_string())
        .collect();
    for key in &gone {
        original.remove(key);
        changed = true;
    }
    let mut added = Vec::new();
    for (key, item) in wanted.iter() {
        let before = base.and_then(|base| base.get(key));
        if before.is_some_and(|before| same_item(before, item)) {
            continue;
        }
        match original.get_mut(key) {
            Some(present) if same_kind(present, item) => {
                changed |= patch_item(present, before, item);
            }
            Some(present) if same_item(present, item) => {}
            _ => {
                // New, or a table that was written inline (or the reverse)
                // and now differs: the canonical form, key and all.
                let formatted = wanted
                    .key(key)
                    .cloned()
                    .unwrap_or_else(|| toml_edit::Key::new(key));
                if original.get(key).is_none() {
                    added.push(key.to_string());
                }
                original.insert_formatted(&formatted, unplaced(item.clone()));
                changed = true;
            }
        }
    }
    if !added.is_empty() {
        order_like(original, wanted, &added);
    }
    changed
}

/// Both plain values, both tables, or both arrays of tables.
fn same_kind(a: &Item, b: &Item) -> bool {
    matches!(
        (a, b),
        (Item::Value(_), Item::Value(_))
            | (Item::Table(_), Item::Table(_))
            | (Item::ArrayOfTables(_), Item::ArrayOfTables(_))
    )
}

/// Patches one item of the same kind as `wanted`; true when it changed.
fn patch_item(original: &mut Item, base: Option<&Item>, wanted: &Item) -> bool {
    match (original, wanted) {
        (Item::Value(value), Item::Value(new)) => {
            if same_value(value, new) {
                return false;
            }
            // The new value in its canonical form, with the original's
            // spacing and the comment after it on the line.
            let decor = value.decor().clone();
            *value = new.clone();
            *value.decor_mut() = decor;
            true
        }
        (Item::Table(table), Item::Table(new)) => {
            patch_table(table, base.and_then(Item::as_table), new)
        }
        (Item::ArrayOfTables(array), Item::ArrayOfTables(new)) => {
            patch_array(array, base.and_then(Item::as_array_of_tables), new)
        }
        _ => false,
    }
}

/// Entries are matched by position. When the number of entries changed, a
/// match by position would move each entry's comments to its neighbour, so
/// the array is replaced as a whole; the comments before its first entry stay.
fn patch_array(
    original: &mut ArrayOfTables,
    base: Option<&ArrayOfTables>,
    wanted: &ArrayOfTables,
) -> bool {
    if original.len() == wanted.len() {
        let base = base.filter(|base| base.len() == wanted.len());
        let mut changed = false;
        for (at, (table, new)) in original.iter_mut().zip(wanted.iter()).enumerate() {
            changed |= patch_table(table, base.and_then(|base| base.get(at)), new);
        }
        return changed;
    }
    let first_decor = original.get(0).map(|table| table.decor().clone());
    let mut replacement = ArrayOfTables::new();
    for table in wanted.iter() {
        let mut table = table.clone();
        unplace(&mut table);
        replacement.push(table);
    }
    if let (Some(decor), Some(first)) = (first_decor, replacement.get_mut(0)) {
        *first.decor_mut() = decor;
    }
    *original = replacement;
    true
}

/// Puts the `added` keys of `table` where `wanted` has them: each right
/// after the key it follows in `wanted` (or first, when it comes first
/// there). The keys the person had keep their order.
fn order_like(table: &mut Table, wanted: &Table, added: &[String]) {
    let added: HashSet<&str> = added.iter().map(String::as_str).collect();
    let mut leading = Vec::new();
    let mut followers: HashMap<&str, Vec<&str>> = HashMap::new();
    let mut previous: Option<&str> = None;
    for (key, _) in wanted.iter() {
        // Keys the file leaves out (defaults) cannot anchor anything.
        if !table.contains_key(key) {
            continue;
        }
        if added.contains(key) {
            match previous {
                Some(anchor) => followers.entry(anchor).or_default().push(key),
                None => leading.push(key),
            }
        }
        previous = Some(key);
    }
    let kept: Vec<String> = table
        .iter()
        .map(|(key, _)| key)
        .filter(|key| !added.contains(key))
        .map(str::to_string)
        .collect();
    let mut order = Vec::with_capacity(table.len());
    for key in leading.into_iter().chain(kept.iter().map(String::as_str)) {
        place(key, &followers, &mut order);
    }
    let entries: Vec<_> = order
        .into_iter()
        .filter_map(|key| table.remove_entry(key))
        .collect();
    for (key, item) in entries {
        table.insert_formatted(&key, item);
    }
}

/// `key`, then the new keys that follow it, each with its own followers.
fn place<'k>(key: &'k str, followers: &HashMap<&str, Vec<&'k str>>, order: &mut Vec<&'k str>) {
    order.push(key);
    for next in followers.get(key).into_iter().flatten() {
        place(next, followers, order);
    }
}

/// An item copied from the canonical document, with its table positions
/// cleared: those numbered lines of the other text.
fn unplaced(mut item: Item) -> Item {
    match &mut item {
        Item::Table(table) => unplace(table),
        Item::ArrayOfTables(array) => array.iter_mut().for_each(unplace),
        _ => {}
    }
    item
}

fn unplace(table: &mut Table) {
    table.set_position(None);
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(inner) => unplace(inner),
            Item::ArrayOfTables(array) => array.iter_mut().for_each(unplace),
            _ => {}
        }
    }
}

/// Gives each new table the highest position seen before it in document
/// order, so its header is written right after everything that precedes it
/// in its parent (and not between a neighbour's sub-tables).
fn settle_positions(table: &mut Table, highest: &mut isize) {
    if !table.is_dotted() {
        match table.position() {
            Some(position) => *highest = (*highest).max(position),
            None => table.set_position(Some(*highest)),
        }
    }
    for (_, item) in table.iter_mut() {
        match item {
            Item::Table(inner) => settle_positions(inner, highest),
            Item::ArrayOfTables(array) => {
                for inner in array.iter_mut() {
                    settle_positions(inner, highest);
                }
            }
            _ => {}
        }
    }
}

/// A view of a TOML item that forgets how it was written: `[table]` and
/// `{ inline }`, `[[array]]` and `[{ … }]`, `1` and `1.0` look the same.
#[derive(Clone, Copy)]
enum Node<'a> {
    Item(&'a Item),
    Value(&'a Value),
    Table(&'a Table),
}

impl<'a> Node<'a> {
    fn entries(self) -> Option<HashMap<&'a str, Node<'a>>> {
        match self {
            Node::Item(Item::Table(table)) | Node::Table(table) => Some(
                table
                    .iter()
                    .filter(|(_, item)| !item.is_none())
                    .map(|(key, item)| (key, Node::Item(item)))
                    .collect(),
            ),
            Node::Item(Item::Value(value)) => Node::Value(value).entries(),
            Node::Value(Value::InlineTable(table)) => Some(
                table
                    .iter()
                    .map(|(key, value)| (key, Node::Value(value)))
                    .collect(),
            ),
            _ => None,
        }
    }

    fn elements(self) -> Option<Vec<Node<'a>>> {
        match self {
            Node::Item(Item::ArrayOfTables(array)) => Some(array.iter().map(Node::Table).collect()),
            Node::Item(Item::Value(value)) => Node::Value(value).elements(),
            Node::Value(Value::Array(array)) => Some(array.iter().map(Node::Value).collect()),
            _ => None,
        }
    }

    fn scalar(self) -> Option<&'a Value> {
        match self {
            Node::Item(Item::Value(value)) | Node::Value(value) => match value {
                Value::Array(_) | Value::InlineTable(_) => None,
                scalar => Some(scalar),
            },
            _ => None,
        }
    }
}

/// Whether two nodes hold the same values, however they are written.
fn same(a: Node<'_>, b: Node<'_>) -> bool {
    if let (Some(a), Some(b)) = (a.scalar(), b.scalar()) {
        return same_scalar(a, b);
    }
    if let (Some(a), Some(b)) = (a.entries(), b.entries()) {
        return a.len() == b.len()
            && a.iter()
                .all(|(key, node)| b.get(key).is_some_and(|other| same(*node, *other)));
    }
    if let (Some(a), Some(b)) = (a.elements(), b.elements()) {
        return a.len() == b.len() && a.iter().zip(&b).all(|(a, b)| same(*a, *b));
    }
    false
}

/// Values, not text: `'a'` is `"a"`, `1_000` is `1000`, `1` is `1.0`
/// (the decoder reads either where it wants a number).
fn same_scalar(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(a), Value::String(b)) => text_of(a) == text_of(b),
        (Value::Integer(a), Value::Integer(b)) => a.value() == b.value(),
        (Value::Float(a), Value::Float(b)) => {
            a.value() == b.value() || (a.value().is_nan() && b.value().is_nan())
        }
        (Value::Integer(int), Value::Float(float)) | (Value::Float(float), Value::Integer(int)) => {
            // Exact: only integers a float holds without rounding compare equal.
            let whole = *float.value();
            whole.fract() == 0.0 && whole.abs() < 9.0e15 && *int.value() == whole as i64
        }
        (Value::Boolean(a), Value::Boolean(b)) => a.value() == b.value(),
        (Value::Datetime(a), Value::Datetime(b)) => a.value() == b.value(),
        _ => false,
    }
}

/// A string as zelfscan reads it: a file saved by a Windows editor holds raw
/// CRLF line ends inside multi-line strings, and they mean plain newlines (as
/// in `decode::string`); an escaped `\r` is a real carriage return.
fn text_of(string: &toml_edit::Formatted<String>) -> std::borrow::Cow<'_, str> {
    let raw_cr = string
        .as_repr()
        .and_then(|repr| repr.as_raw().as_str())
        .is_some_and(|raw| raw.contains('\r'));
    if raw_cr {
        string.value().replace("\r\n", "\n").into()
    } else {
        string.value().into()
    }
}

fn same_item(a: &Item, b: &Item) -> bool {
    same(Node::Item(a), Node::Item(b))
}

fn same_value(a: &Value, b: &Value) -> bool {
    same(Node::Value(a), Node::Value(b))
}

/// Whether two TOML texts hold the same values, whatever their order and form.
pub(crate) fn same_meaning(a: &str, b: &str) -> bool {
    match (a.parse::<DocumentMut>(), b.parse::<DocumentMut>()) {
        (Ok(a), Ok(b)) => same_table(a.as_table(), b.as_table()),
        _ => false,
    }
}

fn same_table(a: &Table, b: &Table) -> bool {
    same(Node::Table(a), Node::Table(b))
}

#[cfg(test)]
mod tests;

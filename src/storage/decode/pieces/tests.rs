//! Parsing in pieces gives exactly what one parse gives: the same tree (keys,
//! values, order and spans) or the same error, on the bundled files, the
//! fixtures, and documents with headers in odd places.

use std::path::Path;

use proptest::prelude::*;
use toml::de::{DeTable, DeValue};

use super::*;

/// One parse of the whole text, as `DeTable::parse` gives it.
fn whole(source: &str) -> Result<DeTable<'_>, toml::de::Error> {
    DeTable::parse(source).map(Spanned::into_inner)
}

/// The tree with every key, value and span, in order, as text to compare.
fn dump(table: &DeTable<'_>) -> String {
    let mut out = String::new();
    dump_table(table, 0, &mut out);
    out
}

fn dump_table(table: &DeTable<'_>, depth: usize, out: &mut String) {
    for (key, value) in table {
        let indent = "  ".repeat(depth);
        out.push_str(&format!("{indent}{:?} @{:?} =", key.get_ref(), key.span()));
        dump_value(value, depth, out);
    }
}

fn dump_value(value: &Value<'_>, depth: usize, out: &mut String) {
    match value.get_ref() {
        DeValue::Table(table) => {
            out.push_str(&format!(" table @{:?}\n", value.span()));
            dump_table(table, depth + 1, out);
        }
        DeValue::Array(items) => {
            out.push_str(&format!(" array @{:?}\n", value.span()));
            for item in items {
                out.push_str(&"  ".repeat(depth + 1));
                out.push('-');
                dump_value(item, depth + 1, out);
            }
        }
        scalar => out.push_str(&format!(" {scalar:?} @{:?}\n", value.span())),
    }
}

/// The same outcome as one parse, for pieces of every size in `sizes`, with
/// long strings taken as they stand from every length in `LONG` on.
fn assert_same(source: &str, sizes: &[usize]) {
    let expected = whole(source).map(|root| dump(&root));
    for &size in sizes {
        for long in LONG {
            let found = parse_with(source, 0, size, long).map(|root| dump(&root));
            match (&expected, &found) {
                (Ok(expected), Ok(found)) => {
                    assert_eq!(found, expected, "pieces of {size}, long {long}:\n{source}");
                }
                (Err(expected), Err(found)) => {
                    assert_eq!(found.to_string(), expected.to_string());
                    assert_eq!(found.span(), expected.span());
                }
                _ => panic!(
                    "pieces of {size}, long {long}: {found:?} but one parse gives {expected:?}\n{source}"
                ),
            }
        }
    }
}

/// Long strings from this length on are taken as they stand (`usize::MAX`:
/// never).
const LONG: [usize; 3] = [0, 8, usize::MAX];

const SIZES: [usize; 4] = [0, 1, 40, 400];

fn toml_files(folder: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            toml_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "toml") {
            out.push(path);
        }
    }
}

#[test]
fn the_bundled_files_and_the_fixtures_parse_the_same_in_pieces() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for folder in ["scans", "tests/fixtures"] {
        toml_files(&root.join(folder), &mut files);
    }
    assert!(files.len() > 20, "found only {files:?}");
    for file in files {
        let bytes = std::fs::read(&file).expect("read");
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        assert_same(crate::storage::text::strip_bom(text), &SIZES);
    }
}

#[test]
fn a_large_scan_is_really_read_in_pieces() {
    let mut scan = crate::storage::parse_scan(include_str!(
        "../../../../scans/examples/robuust-met-aandachtspunten.toml"
    ))
    .expect("example")
    .value;
    scan.meta.region = "Regio [Groot]".into();
    let text = crate::storage::scan_to_toml(&scan);
    // Every header is a cut: the framework's arrays of tables are continued
    // across pieces, and `[answers.X]` tables merge into `answers`.
    let expected = dump(&whole(&text).expect("parses"));
    for size in [1, 300, 3_000] {
        let root = parse_in_pieces(&text, 0..text.len(), size, usize::MAX)
            .expect("merged without falling back");
        assert_eq!(dump(&root), expected, "pieces of {size}");
    }
    assert!(cuts(&text, 1).count() > 50);
}

#[test]
fn a_piece_ends_before_a_header_with_fewer_keys_than_its_first() {
    let text = "[[t]]\nid = 1\n[[t.c]]\nv = 1\n[[t.c]]\nv = 2\n[[t]]\nid = 2\n";
    let second = text.rfind("[[t.c]]").expect("criterion");
    let next = text.rfind("[[t]]").expect("theme");
    // By size alone, the second `[[t.c]]` starts a piece and `[[t]]` does not.
    assert!(next - second < 15 && second >= 15 && text.find("[[t.c]]") < Some(15));
    assert_eq!(cuts(text, 15).collect::<Vec<_>>(), vec![second, next]);
    assert_same(text, &[15]);
}

#[test]
fn headers_inside_values_are_not_cuts() {
    let text = "a = \"\"\"\n[not.a.header]\n\"\"\"\nb = [\n[1, 2],\n]\nc = '''\n[[nor]]\n'''\n[t]\nx = 1\n";
    let found: Vec<usize> = cuts(text, 1).collect();
    assert_eq!(found, vec![text.find("[t]").expect("header")]);
    assert_same(text, &SIZES);
}

/// Documents whose pieces meet in every way TOML allows and forbids.
const ODD: &[&str] = &[
    // An implicit table defined later, and extended after.
    "[a.b]\nx = 1\n[c]\ny = 2\n[a]\nz = 3\n[a.d]\nw = 4\n",
    // Defined twice: an error, with the second header's position.
    "[a]\nx = 1\n[b]\n[a]\ny = 2\n",
    // A dotted key reopened by a header (an error), and a header below a
    // dotted table (allowed).
    "[a]\nb.c = 1\n[a.b]\nd = 2\n",
    "[a]\nb.c = 1\n[a.b.e]\nd = 2\n",
    "[x.a.b]\n[x]\na.c = 1\n[x.a]\nd = 2\n",
    "[x.a.b.d]\n[x]\na.b.c = 1\n[x.a]\nd = 2\n",
    // The same, with the dotted key and the header it makes invalid in
    // different pieces of 40 bytes.
    "[x.a.b.d]\n[x]\na.b.c = 1\n# a comment to fill the piece\n[x.a]\nd = 2\n",
    "[x.a.b]\n[x]\na.c = 1\n# a comment to fill the piece\n[x.a]\nd = 2\n",
    // Arrays of tables split around other tables, and continued.
    "[[p]]\nn = 1\n[q]\nm = 2\n[[p]]\nn = 3\n[p.sub]\nk = 4\n",
    "[[t]]\nid = 1\n[[t.c]]\nv = 1\n[[t.c]]\nv = 2\n[[t]]\nid = 2\n[[t.c]]\nv = 3\n",
    // An array of tables after a table, a table after an array of tables.
    "[p]\nn = 1\n[[p]]\nn = 2\n",
    "[[p]]\nn = 1\n[p]\nn = 2\n",
    // A static array extended by a header.
    "p = [1]\n[[p]]\n",
    "[a]\np = [{x = 1}]\n[[a.p]]\n",
    // Inline tables extended by a header.
    "a = { b = 1 }\n[a.c]\n",
    "[x]\na = { b = 1 }\n[x.a]\n",
    // The same key in two pieces.
    "[a]\nx = 1\n[b]\n[a.x]\n",
    "[a]\nx = 1\n[a]\nx = 2\n",
    // Headers with blanks, quotes and comments; an empty table.
    "  [ a . \"b.c\" ]  # note\nx = 1\n\t[a]\ny = 2\n[ 'd' ]\n",
    "[a]\n# [b]\nx = \"[c]\"\n[d]\n",
    // Windows line ends.
    "[a.b]\r\nx = 1\r\n[a]\r\ny = 2\r\n",
    // Errors in a piece.
    "[a]\nx = \n[b]\ny = 1\n",
    "[a]\nx = 1\n[b\ny = 1\n",
    "[a]\nx = \"\"\"\n[b]\ny = 1\n",
    "x = [\n[b]\ny = 1\n",
];

/// Documents with multi-line basic strings the fast path must take exactly
/// as the parser does, or leave to it.
const STRINGS: &[&str] = &[
    // Plain: the fast path takes them.
    "[a]\nscore = 1\nnote = \"\"\"\nline one\nline \"two\" é 😀\ttab\n\"\"\"\n\n[b]\nx = 1\n",
    "note = \"\"\"no newline first\"\"\"",
    "note = \"\"\"\"\"\"\n",
    "note = \"\"\"\n\"\"\"\n",
    "[a]\nnote = \"\"\"\nends in quotes\"\"\"\"\"\n[b]\n",
    "[a]\nnote = \"\"\"\nends in a quote\"\"\"\"  \t\n\n",
    "[a]\nnote = \"\"\"\n\"\" two quotes \"\"\"\"\"\n",
    // Keys after the string, in its table.
    "[a]\nnote = \"\"\"\nlong text\n\"\"\"\nchanged = \"x\"\nn = 2\n[b]\n",
    "[[a]]\nnote = \"\"\"\nlong text\n\"\"\"\nn = [1, 2]\n[[a]]\nnote = \"\"\"\nmore text\n\"\"\"\n",
    "[a.b]\nq = 1\n[a]\nnote = \"\"\"\nlong text\n\"\"\"\nz = 3\n",
    // What follows is not a plain key: a dotted key, a table, a repeated
    // key, an inline table, a header, a comment, text on the same line.
    "[a]\nnote = \"\"\"\nlong text\n\"\"\"\nb.c = 1\n",
    "[a]\nnote = \"\"\"\nlong text\n\"\"\"\nb = { c = 1 }\n",
    "[a]\nnote = \"\"\"\nlong text\n\"\"\"\nnote = 1\n",
    "[a]\nx = 1\nnote = \"\"\"\nlong text\n\"\"\"\nx = 1\n",
    "[a]\nnote = \"\"\"\nlong text\n\"\"\"\n[a.b]\nc = 1\n[[d]]\n",
    "[a]\nnote = \"\"\"\nlong text\n\"\"\" # a comment\nb = 1\n",
    "[a]\nnote = \"\"\"\nlong text\n\"\"\"b = 1\n",
    "[a]\nnote = \"\"\"\nlong text\n\"\"\" b = 1\n",
    "[a]\nnote = \"\"\"\nlong text\n\"\"\"\"\"\"\n",
    // Not a key's value of its own: in an array, an inline table, a
    // dotted key, a key that is a string, after a value.
    "a = [\"\"\"\nlong text\n\"\"\"]\n",
    "a = [\"\"\"\nlong text\n\"\"\", 1]\n",
    "a = { b = \"\"\"\nlong text\n\"\"\" }\n",
    "a.b = \"\"\"\nlong text\n\"\"\"\nc = 1\n",
    "\"\"\"a\"\"\" = 1\n",
    "a = 1\"\"\"\nlong text\n\"\"\"\n",
    "a = \"\"\"\"\"\"\"\"\"\n",
    // Escapes, line continuations, carriage returns, controls: the parser
    // decides (and reports the bad ones).
    "note = \"\"\"\nan \\\"\"\" escaped quote \\n and \\u00e9\n\"\"\"\n",
    "note = \"\"\"\nline \\\n    continued\n\"\"\"\n",
    "note = \"\"\"\r\nwindows\r\nlines\r\n\"\"\"\r\nx = 1\r\n",
    "note = \"\"\"\nwindows\r\nline\n\"\"\"\n",
    "note = \"\"\"\nlone \r carriage return\n\"\"\"\n",
    "note = \"\"\"\nan \u{1b}[31m escape\n\"\"\"\n",
    "note = \"\"\"\na \u{7f} delete and a \u{0} nul\n\"\"\"\n",
    "note = \"\"\"\nhidden \u{202e} bidi \u{200b}\n\"\"\"\n",
    "note = \"\"\"\nunterminated\n",
    "note = \"\"\"\nunterminated\"\"\n[a]\nx = 1\n",
    "note = \"\"\"\nbad \\q escape\n\"\"\"\n",
    "note = \"\"\"\nfine\n\"\"\"\n= 1\n",
    // Two strings in one piece; a literal string.
    "[a]\nn1 = \"\"\"\nfirst\n\"\"\"\nn2 = \"\"\"\nsecond\n\"\"\"\n",
    "[a]\nn1 = '''\nliteral \\ \"\"\" text\n'''\nn2 = \"\"\"\nsecond\n\"\"\"\n",
];

#[test]
fn long_strings_parse_the_same_as_one_parse() {
    for text in STRINGS {
        assert_same(text, &SIZES);
    }
}

#[test]
fn a_long_plain_note_is_taken_as_it_stands() {
    let note = "Een lange notitie, met \"aanhalingstekens\" en é.\n".repeat(2_000);
    let text = format!(
        "region = \"R\"\n\n[answers.A-1.gemeenten]\nscore = 1\nnote = \"\"\"\n{note}\"\"\"\nchanged_at = \"x\"\n\n[answers.A-2]\nscore = 2\n"
    );
    let open = text.find("\"\"\"").expect("opening quotes");
    let close = text.rfind("\"\"\"").expect("closing quotes") + 3;
    let found = cuts::layout(&text, 1_000, 1_000);
    assert_eq!(found.long_strings, vec![open..close]);
    let piece = 0..found.cuts[found.cuts.len() - 1];
    let taken =
        long_string::parse_around(&text, piece.clone(), open..close).expect("taken as it stands");
    let expected = whole(&text[piece]).expect("parses");
    assert_eq!(dump(&taken), dump(&expected));
    assert_same(&text, &[1_000, 100_000]);
}

#[test]
fn odd_documents_parse_the_same_in_pieces() {
    for text in ODD {
        assert_same(text, &SIZES);
    }
}

/// What a multi-line basic string in a generated document holds.
const STRING_BODIES: &[&str] = &[
    "",
    "\nplain text\n",
    "\n\"quoted\" \"\"twice\"\"\n",
    "ends in quotes\"\"",
    "\\\"\"\" escaped",
    "\\\n  continued",
    "\r\nwindows\r\n",
    "\u{1b} escape",
    "\\u00e9 \\t",
    "tab\tand é",
];

/// A piece of a document: a header, a key, a value over lines, a string with
/// a header in it.
fn fragment() -> impl Strategy<Value = String> {
    let name = prop::sample::select(vec!["a", "b", "c", "a.b", "a.c", "b.a", "c.a.b"]);
    prop_oneof![
        name.clone().prop_map(|name| format!("[{name}]\n")),
        name.clone().prop_map(|name| format!("[[{name}]]\n")),
        (name.clone(), 0..9_u8).prop_map(|(name, n)| format!("{name} = {n}\n")),
        name.clone()
            .prop_map(|name| format!("{name} = {{ x = 1 }}\n")),
        name.clone()
            .prop_map(|name| format!("{name} = [\n[1],\n]\n")),
        name.clone()
            .prop_map(|name| format!("s = \"\"\"\n[{name}]\n\"\"\"\n")),
        // Multi-line strings, plain or not, with the quotes they may hold.
        (name, prop::sample::select(STRING_BODIES.to_vec()))
            .prop_map(|(name, body)| format!("{name} = \"\"\"{body}\"\"\"\n")),
        Just("# [a]\n".to_string()),
        Just("\n".to_string()),
    ]
}

proptest! {
    #[test]
    fn generated_documents_parse_the_same_in_pieces(
        parts in prop::collection::vec(fragment(), 1..14)
    ) {
        assert_same(&parts.concat(), &SIZES);
    }
}

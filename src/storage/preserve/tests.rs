//! Unit tests of the patch, on small generic TOML texts.

use super::*;

/// Every difference between `original` and `wanted` counts.
fn two_way(original: &str, wanted: &str) -> String {
    patch(original, None, wanted).unwrap_or_else(|| wanted.to_string())
}

#[test]
fn nothing_to_change_gives_the_original_bytes() {
    let original = "\u{feff}# mine\r\nb = 'x'  # why\r\na = 1_000\r\n";
    assert_eq!(two_way(original, "a = 1000\nb = \"x\"\n"), original);
}

#[test]
fn an_edit_keeps_comments_order_quoting_and_line_ends() {
    let original = "\u{feff}# top\r\nb = 'x'  # why\r\na = 1\r\n\r\n# before t\r\n[t]\r\nnote = '''\r\nline'''\r\n";
    let canonical = "a = 2\nb = \"x\"\n\n[t]\nnote = \"\"\"\nline\"\"\"\n";
    assert_eq!(
        two_way(original, canonical),
        "\u{feff}# top\r\nb = 'x'  # why\r\na = 2\r\n\r\n# before t\r\n[t]\r\nnote = '''\r\nline'''\r\n"
    );
}

#[test]
fn a_changed_value_keeps_its_trailing_comment() {
    let original = "a = 1 # one\n";
    assert_eq!(two_way(original, "a = 2\n"), "a = 2 # one\n");
}

#[test]
fn raw_crlf_in_a_string_means_lf_but_an_escaped_cr_does_not() {
    let parse = |text: &str| text.parse::<DocumentMut>().expect("toml");
    let lf = parse("s = \"\"\"\na\nb\"\"\"\n");
    let crlf = parse("s = \"\"\"\r\na\r\nb\"\"\"\r\n");
    let escaped = parse("s = \"a\\r\\nb\"\n");
    assert!(same_table(lf.as_table(), crlf.as_table()));
    assert!(!same_table(lf.as_table(), escaped.as_table()));
    // A new multi-line note in a CRLF file: CRLF between the lines of
    // the file, the note's own line ends as the value has them.
    assert_eq!(
        two_way("a = 1\r\n", "a = 1\ns = \"\"\"\nx\ny\"\"\"\n"),
        "a = 1\r\ns = \"\"\"\nx\ny\"\"\"\r\n"
    );
}

#[test]
fn new_tables_come_in_canonical_place_and_layout() {
    let original =
        "x = 1\n\n[t.a] # first\nv = 1\n\n[t.a.sub]\nw = 1\n\n[t.c]\nv = 3\n\n[u]\nz = 1\n";
    let canonical = "x = 1\n\n[t.a]\nv = 1\n\n[t.a.sub]\nw = 1\n\n[t.b]\nv = 2\n\n[t.b.sub]\nw = 2\n\n[t.c]\nv = 3\n\n[u]\nz = 1\n";
    assert_eq!(
        two_way(original, canonical),
        "x = 1\n\n[t.a] # first\nv = 1\n\n[t.a.sub]\nw = 1\n\n[t.b]\nv = 2\n\n[t.b.sub]\nw = 2\n\n[t.c]\nv = 3\n\n[u]\nz = 1\n"
    );
}

#[test]
fn a_new_first_table_comes_before_the_others() {
    let original = "x = 1\n\n[t.b]\nv = 2\n";
    let canonical = "x = 1\n\n[t.a]\nv = 1\n\n[t.b]\nv = 2\n";
    assert_eq!(two_way(original, canonical), canonical);
}

#[test]
fn a_new_key_follows_its_canonical_predecessor() {
    let original = "c = 3\na = 1\n";
    let canonical = "a = 1\nb = 2\nc = 3\n";
    assert_eq!(two_way(original, canonical), "c = 3\na = 1\nb = 2\n");
}

#[test]
fn a_removed_table_takes_its_comments_along() {
    let original = "x = 1\n\n# about a\n[t.a]\nv = 1\n\n# about b\n[t.b]\nv = 2\n";
    let canonical = "x = 1\n\n[t.b]\nv = 2\n";
    assert_eq!(
        two_way(original, canonical),
        "x = 1\n\n# about b\n[t.b]\nv = 2\n"
    );
}

#[test]
fn arrays_of_tables_patch_by_position_or_as_a_whole() {
    let original = "# people\n[[p]]\nn = 'a' # first\n\n[[p]]\nn = 'b'\n";
    assert_eq!(
        two_way(original, "[[p]]\nn = \"a\"\n\n[[p]]\nn = \"c\"\n"),
        "# people\n[[p]]\nn = 'a' # first\n\n[[p]]\nn = \"c\"\n"
    );
    assert_eq!(
        two_way(
            original,
            "[[p]]\nn = \"a\"\n\n[[p]]\nn = \"b\"\n\n[[p]]\nn = \"c\"\n"
        ),
        "# people\n[[p]]\nn = \"a\"\n\n[[p]]\nn = \"b\"\n\n[[p]]\nn = \"c\"\n"
    );
}

#[test]
fn values_compare_as_values_not_text() {
    let original = "f = 1.50\ni = 0x10\nd = 1979-05-27T07:32:00Z\nt = { b = 2, a = 1 }\nw = 1\nl = ['a', 'b']\n";
    let canonical = "f = 1.5\ni = 16\nd = 1979-05-27T07:32:00Z\nw = 1.0\nl = [\n  \"a\",\n  \"b\",\n]\n\n[t]\na = 1\nb = 2\n";
    assert_eq!(two_way(original, canonical), original);
}

#[test]
fn an_inline_table_that_changed_becomes_canonical() {
    let original = "t = { a = 1 }\n";
    let canonical = "[t]\na = 2\n";
    assert_eq!(two_way(original, canonical), canonical);
}

#[test]
fn with_a_base_only_what_changed_since_is_applied() {
    // The file leaves out a default and writes a time its own way; the
    // canonical texts have both. Only `a` changed.
    let original = "a = 1\nt = 2026-11-25T10:12:03+01:00 # local\n";
    let base = "a = 1\ndefault = \"\"\nt = 2026-11-25T09:12:03Z\n";
    let wanted = "a = 2\ndefault = \"\"\nt = 2026-11-25T09:12:03Z\nnew = 3\n";
    assert_eq!(
        patch(original, Some(base), wanted),
        Some("a = 2\nt = 2026-11-25T10:12:03+01:00 # local\nnew = 3\n".to_string())
    );
    // A key only the file has is the person's: kept.
    let original = "a = 1\nmine = 1\n";
    assert_eq!(
        patch(original, Some("a = 1\n"), "a = 2\n"),
        Some("a = 2\nmine = 1\n".to_string())
    );
    assert_eq!(
        patch(original, Some("a = 1\n"), "a = 1\n").as_deref(),
        Some(original)
    );
}

#[test]
fn line_ends_inside_multi_line_strings_are_left_alone() {
    let text = "a = 1 # x\n\"k#\" = \"\"\"\nin\\\"\"\"\"\"\nb = '''\r\nlit''''\nc = 'q\"' # \"\n";
    assert_eq!(
        line_ends(text, true),
        "a = 1 # x\r\n\"k#\" = \"\"\"\nin\\\"\"\"\"\"\r\nb = '''\r\nlit''''\r\nc = 'q\"' # \"\r\n"
    );
    assert_eq!(
        line_ends("a = 1\r\nb = '''\r\nx'''\r\n", false),
        "a = 1\nb = '''\r\nx'''\n"
    );
}

#[test]
fn text_that_is_not_toml_gives_the_canonical_text() {
    assert_eq!(two_way("a = = 1", "a = 1\n"), "a = 1\n");
}

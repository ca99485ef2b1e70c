//! A large scan read framework first. Its embedded framework (the
//! `[framework]` tables at its end, two fifths of the file) is parsed and
//! decoded on its own and its tree dropped before the rest is parsed, so
//! the two trees are never in memory at once: with the pieces of
//! `pieces.rs`, a 2,000-criterion scan peaks at what its larger part needs.
//!
//! Only when the two parts share no key, which is then exactly what one
//! parse of the whole gives: the text from the last `[framework]` line on
//! defines nothing but `framework`, and the text before it parses on its own
//! and never names `framework`. Otherwise (and for every file with a syntax
//! error) the whole text is read as always, for its exact problems.

use toml::de::DeValue;

use super::framework::decode_framework;
use super::{Ctx, Fields, check_document, decode_root, pieces, shared};
use crate::model::Scan;
use crate::storage::text::strip_bom;
use crate::storage::{FileKind, Loaded, Problem};

/// The scan in `source` read framework first, or `None` when it must be
/// read whole: shorter than `from` bytes, or parts that do not stand alone.
pub(super) fn decode_scan(
    source: &str,
    from: usize,
    tolerate_newer: bool,
) -> Option<Result<Loaded<Scan>, Vec<Problem>>> {
    let source = strip_bom(source);
    if source.len() < from {
        return None;
    }
    let at = shared::framework_start(source)?;
    let (framework, framework_problems) = {
        let tail = pieces::parse_part(source, at..source.len())?;
        let (key, value) = tail.iter().next()?;
        if tail.len() != 1 || key.get_ref() != "framework" {
            return None;
        }
        let table = value.get_ref().as_table()?;
        let mut ctx = Ctx::new(source);
        let fields = Fields::new(table, value.span().start, "framework");
        let framework = decode_framework(&mut ctx, fields);
        (framework, ctx.problems)
    };
    let mut root = pieces::parse_part(source, 0..at)?;
    if root.contains_key("framework") {
        return None;
    }
    let (key, table) = shared::stand_in(at);
    root.insert(key, table);
    let mut ctx = Ctx::new(source);
    ctx.tolerate_newer = tolerate_newer;
    ctx.known_framework = Some(framework);
    let Some(root) = check_document(&mut ctx, root, FileKind::Scan) else {
        return Some(ctx.fail());
    };
    // After the problems of the top (as when the framework is decoded in
    // its place), so problems at one position keep their order.
    ctx.problems.extend(framework_problems);
    // The answers, the larger part of the tree, are freed as they are
    // decoded: their tree and their decoded form are never both whole.
    let mut root = root;
    if let Some(answers) = root.get_mut("answers")
        && let DeValue::Table(table) = answers.get_mut()
    {
        ctx.taken_answers = Some(std::mem::take(table));
    }
    Some(decode_root(ctx, &root, super::scan::decode_scan))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::decode::decode_file_with;

    type Outcome = Result<Loaded<Scan>, Vec<Problem>>;

    fn first(text: &str, tolerate_newer: bool) -> Option<Outcome> {
        decode_scan(text, 0, tolerate_newer)
    }

    fn whole(text: &str, tolerate_newer: bool) -> Outcome {
        decode_file_with(
            text,
            FileKind::Scan,
            tolerate_newer,
            super::super::scan::decode_scan,
        )
    }

    fn example() -> String {
        include_str!("../../../scans/examples/robuust-met-aandachtspunten.toml").to_string()
    }

    /// Read framework first (`Some`) or not, the outcome is the whole
    /// text's own: the scan, every warning and error, in order.
    fn assert_same(text: &str) -> bool {
        let mut taken = false;
        for tolerate_newer in [false, true] {
            if let Some(found) = first(text, tolerate_newer) {
                taken = true;
                assert_eq!(found, whole(text, tolerate_newer), "{text}");
            }
        }
        taken
    }

    #[test]
    fn a_scan_read_framework_first_is_the_scan_read_whole() {
        let text = example();
        assert!(assert_same(&text), "the example is read framework first");
        let at = shared::framework_start(&text).expect("embedded framework");
        let (head, tail) = text.split_at(at);
        let read_first = [
            // Problems in the framework, at the top, and in both.
            (head.to_string(), tail.replacen("title = ", "titel = ", 1)),
            (
                head.to_string(),
                tail.replacen("id = \"SAM-2\"", "id = \"SAM-1\"", 1),
            ),
            (
                head.to_string(),
                tail.replacen("title = \"", "title = \"\\u001b", 2),
            ),
            (
                head.replacen("region = ", "regio = ", 1),
                tail.replacen("title = ", "titel = ", 1),
            ),
            (
                head.replacen("date = ", "date = \"2026-13-01\" #", 1),
                tail.to_string(),
            ),
            (
                head.replacen("schema_version = 2", "schema_version = 1", 1),
                tail.to_string(),
            ),
            (
                head.replacen("schema_version = 2", "schema_version = 9", 1),
                tail.to_string(),
            ),
            (
                head.replacen("schema_version = 2", "schema_version = 9", 1),
                tail.replacen("title = ", "titel = ", 1),
            ),
            (format!("\u{feff}{head}"), tail.to_string()),
            // Answers that are not right, decoded from the table taken out.
            (
                head.replacen("[answers.VIS-1]", "[answers.ONBEKEND-1]", 1),
                tail.to_string(),
            ),
            (
                head.replacen("consensus = ", "consensus = \"veel\" #", 1),
                tail.to_string(),
            ),
            (head.replace('\n', "\r\n"), tail.replace('\n', "\r\n")),
            // A framework that is not what the answers need.
            (
                head.to_string(),
                tail.replacen(
                    "[[framework.perspectives]]",
                    "[[framework.perspectives_]]",
                    1,
                ),
            ),
        ];
        for (case, (head, tail)) in read_first.iter().enumerate() {
            assert!(assert_same(&format!("{head}{tail}")), "case {case}");
        }
        let read_whole = [
            // The top names the framework; the tail holds more than it.
            (
                format!("{head}[framework.extra]\nx = 1\n"),
                tail.to_string(),
            ),
            (format!("framework = 1\n{head}"), tail.to_string()),
            (head.to_string(), format!("{tail}\n[answers.VIS-1.x]\n")),
            // Syntax errors on either side, and a header inside a string.
            (
                head.replacen("region = ", "region = [", 1),
                tail.to_string(),
            ),
            (head.to_string(), tail.replacen("title = ", "title = [", 1)),
            (format!("{head}note = \"\"\"\n"), format!("{tail}\"\"\"\n")),
            (head.to_string(), "[[framework]]\nid = 1\n".to_string()),
        ];
        for (head, tail) in read_whole {
            let text = format!("{head}{tail}");
            assert!(first(&text, false).is_none(), "{text}");
        }
    }

    #[test]
    fn a_small_scan_is_read_whole() {
        let text = example();
        assert!(decode_scan(&text, text.len() + 1, false).is_none());
    }
}

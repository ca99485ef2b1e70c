//! Writing scans and frameworks as TOML by hand, so the layout is fixed: the
//! same value always gives the same bytes, keys come in a readable order, and
//! a changed answer is a small `git diff`.

use std::fmt::Write as _;

use super::decode::{NOT_APPLICABLE_KEY, UNKNOWN_KEY};
use super::{SCAN_SCHEMA_VERSION, SCHEMA_VERSION};
use crate::model::conflict::FieldValue;
use crate::model::framework::is_valid_id;
use crate::model::{Answer, CriterionAnswer, Extra, Framework, PerspectiveAnswer, Scan, Weighting};

const SCAN_HEADER: &str =
    "# zelfscan-scan. Dit bestand mag je met de hand bewerken; bewaar het als UTF-8.\n";
const FRAMEWORK_HEADER: &str =
    "# zelfscan-kader. Dit bestand mag je met de hand bewerken; bewaar het als UTF-8.\n";

/// The output being built. Writing to a `String` cannot fail, so the
/// `fmt::Result`s are handled here once instead of at every line.
struct Out(String);

impl Out {
    fn line(&mut self, text: impl AsRef<str>) {
        self.0.push_str(text.as_ref());
        self.0.push('\n');
    }

    fn blank(&mut self) {
        self.0.push('\n');
    }

    fn string(&mut self, key: &str, value: &str) {
        self.line(format!("{} = {}", bare_or_quoted(key), quote(value)));
    }

    fn raw(&mut self, key: &str, value: impl std::fmt::Display) {
        let mut text = String::new();
        // Writing to a String never fails.
        let _ = write!(text, "{} = {value}", bare_or_quoted(key));
        self.line(text);
    }

    /// The plain (not table) unknown keys of the table just opened, in order.
    /// Call after the known keys and before any sub-table header.
    fn extra_values(&mut self, extra: &Extra) {
        for (key, value) in extra.iter() {
            if !is_section(value) {
                self.raw(key, value_text(value, true));
            }
        }
    }

    /// The unknown keys that are tables or arrays of tables, as sections
    /// under `path` (already rendered, e.g. `answers.VIS-1`; empty at the top).
    fn extra_sections(&mut self, path: &str, extra: &Extra) {
        for (key, value) in extra.iter() {
            if is_section(value) {
                self.section(path, key, value);
            }
        }
    }

    fn section(&mut self, path: &str, key: &str, value: &toml::Value) {
        let name = bare_or_quoted(key);
        let path = if path.is_empty() {
            name
        } else {
            format!("{path}.{name}")
        };
        let tables: Vec<&toml::Table> = match value {
            toml::Value::Table(table) => vec![table],
            toml::Value::Array(items) => items.iter().filter_map(toml::Value::as_table).collect(),
            _ => return,
        };
        let array = matches!(value, toml::Value::Array(_));
        for table in tables {
            self.blank();
            if array {
                self.line(format!("[[{path}]]"));
            } else {
                self.line(format!("[{path}]"));
            }
            for (key, item) in table {
                if !is_section(item) {
                    self.raw(key, value_text(item, true));
                }
            }
            for (key, item) in table {
                if is_section(item) {
                    self.section(&path, key, item);
                }
            }
        }
    }

    /// `[prefix.name]` or `[[prefix.name]]`.
    fn header(&mut self, prefix: &str, name: &str, array: bool) {
        let path = if prefix.is_empty() {
            name.to_string()
        } else {
            format!("{prefix}.{name}")
        };
        self.blank();
        if array {
            self.line(format!("[[{path}]]"));
        } else {
            self.line(format!("[{path}]"));
        }
    }
}

pub(super) fn scan(scan: &Scan) -> String {
    let mut out = Out(String::new());
    out.0.push_str(SCAN_HEADER);
    out.raw("schema_version", SCAN_SCHEMA_VERSION);
    out.string("region", &scan.meta.region);
    out.string("date", &scan.meta.date.to_string());
    write_prepared_for(&mut out, scan);
    out.string("facilitator", &scan.meta.facilitator);
    out.string("note_taker", &scan.meta.note_taker);
    out.extra_values(&scan.extra);
    for participant in &scan.meta.participants {
        out.header("", "participants", true);
        out.string("name", &participant.name);
        if !participant.organisation.is_empty() {
            out.string("organisation", &participant.organisation);
        }
        out.string("perspective", &participant.perspective);
        out.extra_values(&participant.extra);
        out.extra_sections("participants", &participant.extra);
    }
    for (entry, answer) in scan.framework.criteria().zip(&scan.answers) {
        if !answer.is_empty() {
            write_answer(&mut out, &entry.criterion.id, answer, &scan.framework);
        }
    }
    if let Some(verdict) = &scan.verdict_override {
        out.header("", "verdict_override", false);
        out.string("verdict", verdict.verdict.key());
        out.string("rationale", &verdict.rationale);
        out.extra_values(&verdict.extra);
        out.extra_sections("verdict_override", &verdict.extra);
    }
    out.extra_sections("", &scan.extra);
    out.header("", "framework", false);
    write_framework_body(&mut out, &scan.framework, "framework");
    out.0
}

pub(super) fn framework(framework: &Framework) -> String {
    let mut out = Out(String::new());
    out.0.push_str(FRAMEWORK_HEADER);
    out.raw("schema_version", SCHEMA_VERSION);
    write_framework_body(&mut out, framework, "");
    out.0
}

fn answer_text(answer: Answer) -> String {
    match answer {
        Answer::Score(value) => value.to_string(),
        Answer::Unknown => quote(UNKNOWN_KEY),
        Answer::NotApplicable => quote(NOT_APPLICABLE_KEY),
    }
}

fn write_answer(
    out: &mut Out,
    criterion_id: &str,
    answer: &CriterionAnswer,
    framework: &Framework,
) {
    let prefix = format!("answers.{}", bare_or_quoted(criterion_id));
    out.blank();
    out.line(format!("[{prefix}]"));
    if let Some(consensus) = answer.consensus {
        out.raw("consensus", answer_text(consensus));
    }
    if let Some(agreement) = answer.agreement {
        out.string("agreement", agreement.key());
    }
    if !answer.consensus_note.is_empty() {
        out.string("consensus_note", &answer.consensus_note);
    }
    if answer.consensus_note_private {
        out.raw("consensus_note_private", true);
    }
    if answer.skipped {
        out.raw("skipped", true);
    }
    if let Some(stamp) = answer.changed_at {
        out.string("changed_at", &stamp.to_string());
    }
    out.extra_values(&answer.extra);
    write_agenda(out, &prefix, answer);
    for (perspective, view) in framework.perspectives.iter().zip(&answer.perspectives) {
        let PerspectiveAnswer {
            score,
            note,
            note_private,
            extra,
        } = view;
        if score.is_none() && note.is_empty() && !note_private && extra.is_empty() {
            continue;
        }
        let name = bare_or_quoted(&perspective.id);
        out.header(&prefix, &name, false);
        if let Some(score) = score {
            out.raw("score", answer_text(*score));
        }
        if !note.is_empty() {
            out.string("note", note);
        }
        if *note_private {
            out.raw("note_private", true);
        }
        out.extra_values(extra);
        out.extra_sections(&format!("{prefix}.{name}"), extra);
    }
    write_conflicts(out, &prefix, answer);
    out.extra_sections(&prefix, &answer.extra);
}

// --- Many-scans keys (schema_version 2): `prepared_for` and merge conflicts.

fn write_prepared_for(out: &mut Out, scan: &Scan) {
    if let Some(side) = &scan.prepared_for {
        out.string("prepared_for", side);
    }
}

/// `[[<prefix>.conflicts]]` with `[[<prefix>.conflicts.options]]`; an option
/// without `value` stands for "no value".
fn write_conflicts(out: &mut Out, prefix: &str, answer: &CriterionAnswer) {
    for conflict in &answer.conflicts {
        out.header(prefix, "conflicts", true);
        out.string("field", &conflict.field);
        for option in &conflict.options {
            out.header(prefix, "conflicts.options", true);
            out.string("from", &option.from);
            match &option.value {
                FieldValue::Empty => {}
                FieldValue::Answer(answer) => out.raw("value", answer_text(*answer)),
                FieldValue::Agreement(level) => out.string("value", level.key()),
                FieldValue::Text(text) => out.string("value", text),
                FieldValue::Date(date) => out.raw("value", date),
                FieldValue::Other(kept) => {
                    if let Some(value) = kept.get("value") {
                        out.raw("value", value_text(value, true));
                    }
                }
            }
        }
    }
}

/// The agenda of a criterion (schema version 2): `[<prefix>.ambition]` and
/// one `[[<prefix>.actions]]` per action, in that order.
fn write_agenda(out: &mut Out, prefix: &str, answer: &CriterionAnswer) {
    if let Some(ambition) = answer.ambition.as_ref().filter(|a| !a.is_empty()) {
        out.header(prefix, "ambition", false);
        if let Some(level) = ambition.level {
            out.raw("level", level);
        }
        if let Some(due) = ambition.due {
            out.raw("due", due);
        }
        if !ambition.needed.is_empty() {
            out.string("needed", &ambition.needed);
        }
        out.extra_values(&ambition.extra);
        out.extra_sections(&format!("{prefix}.ambition"), &ambition.extra);
    }
    for action in &answer.actions {
        out.header(prefix, "actions", true);
        out.string("what", &action.what);
        if !action.owner.is_empty() {
            out.string("owner", &action.owner);
        }
        if let Some(due) = action.due {
            // A TOML local date: calendars and spreadsheets read it as a date.
            out.raw("due", due);
        }
        out.string("status", action.status.key());
        if action.private {
            out.raw("private", true);
        }
        if let Some(carried) = action.carried_from {
            out.raw("carried_from", carried);
        }
        out.extra_values(&action.extra);
        // Sub-tables of one array item cannot be written after the next
        // item's header; they stay under this item's path.
        out.extra_sections(&format!("{prefix}.actions"), &action.extra);
    }
}

/// Everything of a framework but `schema_version`, with table headers under
/// `prefix` (empty for a framework file, `framework` inside a scan).
fn write_framework_body(out: &mut Out, framework: &Framework, prefix: &str) {
    let sub = |name: &str| {
        if prefix.is_empty() {
            name.to_string()
        } else {
            format!("{prefix}.{name}")
        }
    };
    out.string("id", &framework.id);
    out.string("title", &framework.title);
    out.string("version", &framework.version);
    out.string("language", &framework.language);
    out.string("description", &framework.description);
    out.extra_values(&framework.extra);

    out.header(prefix, "scale", false);
    out.extra_values(&framework.scale.extra);
    for level in &framework.scale.levels {
        out.header(&sub("scale"), "levels", true);
        out.raw("value", level.value);
        out.string("label", &level.label);
        out.string("meaning", &level.meaning);
        out.extra_values(&level.extra);
        out.extra_sections(&sub("scale.levels"), &level.extra);
    }
    for (name, def) in [
        ("unknown", &framework.scale.unknown),
        ("not_applicable", &framework.scale.not_applicable),
    ] {
        out.header(&sub("scale"), name, false);
        out.string("label", &def.label);
        out.string("meaning", &def.meaning);
        out.extra_values(&def.extra);
        out.extra_sections(&sub(&format!("scale.{name}")), &def.extra);
    }
    out.extra_sections(&sub("scale"), &framework.scale.extra);

    for perspective in &framework.perspectives {
        out.header(prefix, "perspectives", true);
        out.string("id", &perspective.id);
        out.string("label", &perspective.label);
        out.extra_values(&perspective.extra);
        out.extra_sections(&sub("perspectives"), &perspective.extra);
    }
    for def in &framework.agreement_levels {
        out.header(prefix, "agreement_levels", true);
        out.string("id", def.level.key());
        out.string("label", &def.label);
        out.string("meaning", &def.meaning);
        out.extra_values(&def.extra);
        out.extra_sections(&sub("agreement_levels"), &def.extra);
    }
    for theme in &framework.themes {
        out.header(prefix, "themes", true);
        out.string("id", &theme.id);
        out.string("title", &theme.title);
        out.string("description", &theme.description);
        if let Some(minutes) = theme.minutes {
            out.raw("minutes", minutes);
        }
        out.extra_values(&theme.extra);
        // Before the criteria, so each section is next to its theme's keys.
        out.extra_sections(&sub("themes"), &theme.extra);
        for criterion in &theme.criteria {
            out.header(&sub("themes"), "criteria", true);
            out.string("id", &criterion.id);
            out.string("title", &criterion.title);
            if criterion.critical {
                out.raw("critical", true);
            }
            if let Some(minutes) = criterion.minutes {
                out.raw("minutes", minutes);
            }
            out.string("description", &criterion.description);
            if criterion.questions.is_empty() {
                out.line("questions = []");
            } else {
                out.line("questions = [");
                for question in &criterion.questions {
                    out.line(format!("  {},", quote(question)));
                }
                out.line("]");
            }
            out.extra_values(&criterion.extra);
            out.extra_sections(&sub("themes.criteria"), &criterion.extra);
        }
    }
    write_weighting(out, &framework.weighting, &sub("weighting"));
    out.extra_sections(prefix, &framework.extra);
}

fn write_weighting(out: &mut Out, weighting: &Weighting, path: &str) {
    out.blank();
    out.line(format!("[{path}]"));
    let core: Vec<String> = weighting.core_themes.iter().map(|id| quote(id)).collect();
    out.raw("core_themes", format!("[{}]", core.join(", ")));
    out.extra_values(&weighting.extra.weighting);

    out.header(path, "theme_weights", false);
    for (id, weight) in &weighting.theme_weights {
        out.raw(id, float(*weight));
    }

    out.header(path, "follow_up", false);
    out.raw("total_below", float(weighting.follow_up_total_below));
    out.raw(
        "core_theme_below",
        float(weighting.follow_up_core_theme_below),
    );
    out.raw("critical_at_most", weighting.follow_up_critical_at_most);
    out.extra_values(&weighting.extra.follow_up);
    out.extra_sections(&format!("{path}.follow_up"), &weighting.extra.follow_up);

    out.header(path, "robust", false);
    out.raw("total_at_least", float(weighting.robust_total_at_least));
    out.raw(
        "core_theme_at_least",
        float(weighting.robust_core_theme_at_least),
    );
    out.raw("any_criterion_above", weighting.robust_any_criterion_above);
    out.raw("critical_at_least", weighting.robust_critical_at_least);
    out.extra_values(&weighting.extra.robust);
    out.extra_sections(&format!("{path}.robust"), &weighting.extra.robust);

    out.header(path, "attention", false);
    out.raw("score_at_most", weighting.attention_score_at_most);
    out.raw(
        "perspective_gap_at_least",
        weighting.attention_perspective_gap,
    );
    let (numerator, denominator) = weighting.attention_unknown_share_above;
    out.string("unknown_share_above", &format!("{numerator}/{denominator}"));
    out.extra_values(&weighting.extra.attention);
    out.extra_sections(&format!("{path}.attention"), &weighting.extra.attention);
    out.extra_sections(path, &weighting.extra.weighting);
}

/// Whether an unknown value is written as its own section (`[a.b]` or
/// `[[a.b]]`) rather than inline: a table, or an array holding only tables.
pub(super) fn is_section(value: &toml::Value) -> bool {
    match value {
        toml::Value::Table(_) => true,
        toml::Value::Array(items) => !items.is_empty() && items.iter().all(toml::Value::is_table),
        _ => false,
    }
}

/// A value as TOML text. `top` is a value right after `key =`, where a text
/// with newlines may be a readable multi-line string; inside arrays and inline
/// tables every string stays on one line.
fn value_text(value: &toml::Value, top: bool) -> String {
    match value {
        toml::Value::String(text) if top => quote(text),
        toml::Value::String(text) => quote_single_line(text),
        toml::Value::Integer(number) => number.to_string(),
        toml::Value::Float(number) => float(*number),
        toml::Value::Boolean(flag) => flag.to_string(),
        toml::Value::Datetime(stamp) => stamp.to_string(),
        toml::Value::Array(items) => {
            let items: Vec<String> = items.iter().map(|item| value_text(item, false)).collect();
            format!("[{}]", items.join(", "))
        }
        toml::Value::Table(table) if table.is_empty() => "{}".to_string(),
        toml::Value::Table(table) => {
            let entries: Vec<String> = table
                .iter()
                .map(|(key, item)| format!("{} = {}", bare_or_quoted(key), value_text(item, false)))
                .collect();
            format!("{{ {} }}", entries.join(", "))
        }
    }
}

/// A float that reads back as the same value: Rust's `Debug` is the shortest
/// exact form and always has a `.` or an exponent (`1.0`, `0.5`, `1e-7`), which
/// TOML reads as a float, not an integer.
fn float(value: f64) -> String {
    if value.is_nan() {
        "nan".to_string()
    } else if value.is_infinite() {
        if value > 0.0 { "inf" } else { "-inf" }.to_string()
    } else {
        format!("{value:?}")
    }
}

/// A key as written: bare when it is a valid id (all ids should be), quoted
/// otherwise (always on one line: a key cannot be a multi-line string).
fn bare_or_quoted(key: &str) -> String {
    if is_valid_id(key) {
        key.to_string()
    } else {
        quote_single_line(key)
    }
}

/// Whether a character must be written as an escape: everything TOML forbids
/// raw in a string, plus what would harm a terminal or hide in a diff (C1 and
/// bidi controls), which TOML would allow.
fn needs_escape(c: char) -> bool {
    c != '\t' && c != '\n' && super::text::is_unsafe_char(c)
}

fn push_escape(out: &mut String, c: char) {
    match c {
        '\r' => out.push_str("\\r"),
        // Writing to a String never fails. `\u` takes exactly four digits,
        // so a character beyond U+FFFF (a tag character) needs `\U`.
        _ if u32::from(c) > 0xffff => {
            let _ = write!(out, "\\U{:08X}", u32::from(c));
        }
        _ => {
            let _ = write!(out, "\\u{:04X}", u32::from(c));
        }
    }
}

/// A TOML basic string for `text`. Text with a newline becomes a multi-line
/// string so notes stay readable in the file.
pub(super) fn quote(text: &str) -> String {
    if text.contains('\n') {
        return quote_multiline(text);
    }
    quote_single_line(text)
}

/// The characters of `text` a quoted string must look at: backslashes,
/// quotes and whatever may begin a control or hidden character (newline and
/// tab included), each with its byte offset. The stretches between them are
/// written as they are, so a 1 MB note is not asked about character by
/// character on every save.
fn looked_at(text: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    use crate::model::gate::{find_byte, may_start_refused};
    let mut from = 0;
    std::iter::from_fn(move || {
        let offset = find_byte(text.as_bytes(), from, |byte| {
            (byte == b'\\') | (byte == b'"') | may_start_refused(byte)
        })?;
        let c = text.get(offset..)?.chars().next()?;
        from = offset + c.len_utf8();
        Some((offset, c))
    })
}

/// A one-line TOML basic string: a newline is written as `\n`.
fn quote_single_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    let mut copied = 0;
    for (offset, c) in looked_at(text) {
        out.push_str(&text[copied..offset]);
        copied = offset + c.len_utf8();
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c if needs_escape(c) => push_escape(&mut out, c),
            c => out.push(c),
        }
    }
    out.push_str(&text[copied..]);
    out.push('"');
    out
}

/// `"""` + newline + text + `"""`. The newline right after the opening
/// delimiter is dropped by TOML. A quote is escaped when the one before it was
/// a raw quote (so `"""` never appears inside) and when it is the last
/// character (so it cannot merge with the closing delimiter).
fn quote_multiline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str("\"\"\"\n");
    let mut previous_raw_quote = false;
    let mut copied = 0;
    for (offset, c) in looked_at(text) {
        if offset > copied {
            // Something else came between this character and a raw quote.
            previous_raw_quote = false;
            out.push_str(&text[copied..offset]);
        }
        copied = offset + c.len_utf8();
        let mut raw_quote = false;
        match c {
            '\\' => out.push_str("\\\\"),
            '"' if previous_raw_quote || copied == text.len() => out.push_str("\\\""),
            '"' => {
                out.push('"');
                raw_quote = true;
            }
            '\n' => out.push('\n'),
            c if needs_escape(c) => push_escape(&mut out, c),
            c => out.push(c),
        }
        previous_raw_quote = raw_quote;
    }
    out.push_str(&text[copied..]);
    out.push_str("\"\"\"");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What TOML reads back from `key = <quoted>`.
    fn read_back(quoted: &str) -> String {
        let document = format!("key = {quoted}\n");
        let table: toml::Table = toml::from_str(&document).expect("emitted string parses");
        table["key"].as_str().expect("a string").to_string()
    }

    fn assert_round_trip(text: &str) {
        let quoted = quote(text);
        assert_eq!(read_back(&quoted), text, "quoted as {quoted}");
        assert!(
            !quoted.chars().any(needs_escape),
            "raw control character in {quoted:?}"
        );
    }

    #[test]
    fn single_line_strings() {
        assert_eq!(quote("plain"), r#""plain""#);
        assert_eq!(quote(r#"say "hi""#), r#""say \"hi\"""#);
        assert_eq!(quote(r"C:\map"), r#""C:\\map""#);
        assert_eq!(quote("a\tb"), "\"a\tb\"");
        assert_eq!(quote("a\rb"), r#""a\rb""#);
        assert_eq!(quote("\u{1b}[31m"), r#""\u001B[31m""#);
        assert_eq!(quote("\u{7f}\u{85}\u{202e}"), r#""\u007F\u0085\u202E""#);
        assert_eq!(quote("é ë € 😀"), "\"é ë € 😀\"");
        for text in [
            "", "\"", "\"\"\"", "\\", "\\\"", "end\\", "a\u{0}b", "tab\tend",
        ] {
            assert_round_trip(text);
        }
    }

    #[test]
    fn multi_line_strings() {
        assert_eq!(
            quote("Regel één\nregel twee"),
            "\"\"\"\nRegel één\nregel twee\"\"\""
        );
        // A quote at the end is escaped so it cannot merge with the delimiter.
        assert_eq!(quote("a\n\"b\""), "\"\"\"\na\n\"b\\\"\"\"\"");
        // Runs of quotes alternate raw and escaped, so `"""` never appears.
        assert_eq!(quote("a\n\"\"\"\"x"), "\"\"\"\na\n\"\\\"\"\\\"x\"\"\"");
        for text in [
            "\n",
            "\n\n",
            "\nstarts with newline",
            "ends with newline\n",
            "a\n\"",
            "a\n\"\"",
            "a\n\"\"\"",
            "a\n\"\"\"\"\"\"\"",
            "a\n\\",
            "a\n\\\nb",
            "back\\\nslash at line end",
            "crlf\r\nline",
            "tab\there\nand ESC \u{1b} here",
            "é ë €\n😀 emoji\n",
            "\"\n\"",
        ] {
            assert_round_trip(text);
            assert!(!quote(text)[3..quote(text).len() - 3].contains("\"\"\""));
        }
    }

    /// The quoting as it was, character by character.
    fn plain_quote(text: &str) -> String {
        let mut out = String::new();
        if !text.contains('\n') {
            out.push('"');
            for c in text.chars() {
                match c {
                    '\\' => out.push_str("\\\\"),
                    '"' => out.push_str("\\\""),
                    c if needs_escape(c) => push_escape(&mut out, c),
                    c => out.push(c),
                }
            }
            out.push('"');
            return out;
        }
        out.push_str("\"\"\"\n");
        let mut previous_raw_quote = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let mut raw_quote = false;
            match c {
                '\\' => out.push_str("\\\\"),
                '"' if previous_raw_quote || chars.peek().is_none() => out.push_str("\\\""),
                '"' => {
                    out.push('"');
                    raw_quote = true;
                }
                '\n' => out.push('\n'),
                c if needs_escape(c) => push_escape(&mut out, c),
                c => out.push(c),
            }
            previous_raw_quote = raw_quote;
        }
        out.push_str("\"\"\"");
        out
    }

    /// Quoting that copies the stretches between the characters it must
    /// look at writes what asking every character wrote, for texts of
    /// quotes, backslashes, line ends, controls, hidden characters, accents,
    /// emoji and CJK in every order.
    #[test]
    fn quoting_by_stretches_writes_what_quoting_by_character_did() {
        let pieces = [
            "a",
            "zorg ",
            "\"",
            "\"\"",
            "\\",
            "\n",
            "\r\n",
            "\r",
            "\t",
            "é",
            "€",
            "😀",
            "中文",
            "\u{1b}",
            "\u{7f}",
            "\u{85}",
            "\u{202e}",
            "\u{2066}",
            "\u{feff}",
            "\u{e0041}",
            "\u{0}",
            "\u{200b}",
            "\u{a0}",
            "’",
        ];
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mut bits = state;
            for _ in 0..(bits % 9) {
                bits /= 9;
                text.push_str(pieces[(bits % pieces.len() as u64) as usize]);
                bits = bits.rotate_left(11) ^ state;
            }
            assert_eq!(quote(&text), plain_quote(&text), "{text:?}");
        }
        let long = "Een notitie, één \"regel\".\n".repeat(5_000);
        assert_eq!(quote(&long), plain_quote(&long));
        assert_round_trip(&long);
    }

    #[test]
    fn floats_read_back_as_the_same_float() {
        for value in [0.0, 1.0, 0.5, 2.5, 1.0 / 3.0, 1e-7, 1e20, 123_456.789] {
            let text = float(value);
            let document = format!("x = {text}\n");
            let table: toml::Table = toml::from_str(&document).expect("float parses");
            assert_eq!(table["x"].as_float(), Some(value), "{text}");
        }
        assert_eq!(float(1.0), "1.0");
        assert_eq!(float(0.5), "0.5");
    }
}

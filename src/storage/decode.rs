//! Reading files by hand from the spanned TOML tree (not serde), so that every
//! problem carries the line and column of the key or value it is about, and so
//! that all problems are collected instead of stopping at the first.

mod agenda;
mod conflicts;
mod framework;
mod framework_first;
mod pieces;
mod scan;
mod shared;

use std::cell::OnceCell;
use std::collections::HashMap;

use toml::Spanned;
use toml::de::{DeArray, DeString, DeTable, DeValue};

use super::encode::is_section;
use super::text::{LineIndex, sanitize_for_display, strip_bom};
use super::{
    FileKind, InvalidReason, Loaded, Problem, ProblemKind, SCAN_SCHEMA_VERSION, SCHEMA_VERSION,
};
use crate::model::framework::is_valid_id;
use crate::model::gate::{self, Shape};
use crate::model::{Extra, Framework};

pub(super) use framework::framework;
pub(super) use scan::{NOT_APPLICABLE_KEY, UNKNOWN_KEY, scan, scan_from_newer, scan_sharing};
pub(super) use shared::SharedFrameworks;

type Value<'i> = Spanned<DeValue<'i>>;

/// Longest piece of a file quoted in a problem, in characters; a 1 MB note
/// should not become a 1 MB error message.
const SNIPPET_CHARS: usize = 60;

/// Collects the problems of one file while it is decoded.
pub(super) struct Ctx<'s> {
    source: &'s str,
    /// Built at the first problem: a file without one never needs it (at
    /// 50,000 lines it is 400 KB).
    lines: OnceCell<LineIndex<'s>>,
    problems: Vec<Problem>,
    /// Decode a file from a newer zelfscan as far as this build understands
    /// it (to show it read-only) instead of refusing it.
    tolerate_newer: bool,
    /// Set when the file's `schema_version` is older than this build writes.
    migrated_from: Option<i64>,
    /// The embedded framework, already decoded from the same text (see
    /// `shared.rs`): taken instead of decoding `[framework]`.
    known_framework: Option<Framework>,
    /// A scan's `[answers]` table taken out of its tree, to be decoded (and
    /// freed) one answer at a time; the tree holds an empty table in its
    /// place.
    taken_answers: Option<DeTable<'s>>,
}

impl<'s> Ctx<'s> {
    fn new(source: &'s str) -> Self {
        Self {
            source,
            lines: OnceCell::new(),
            problems: Vec::new(),
            tolerate_newer: false,
            migrated_from: None,
            known_framework: None,
            taken_answers: None,
        }
    }

    /// Records a problem at a byte offset. File-derived text in the problem is
    /// sanitized here, once, so no caller can forget it.
    fn report(&mut self, offset: usize, kind: ProblemKind) {
        let (line, column) = self.lines().position(offset);
        self.problems.push(Problem {
            line,
            column,
            kind: sanitized(kind),
        });
    }

    fn lines(&self) -> &LineIndex<'s> {
        self.lines.get_or_init(|| LineIndex::new(self.source))
    }

    fn line(&self, offset: usize) -> usize {
        self.lines().line(offset)
    }

    /// The source text of a value, shortened and safe to print.
    fn snippet(&self, span: std::ops::Range<usize>) -> String {
        let raw = self.source.get(span).unwrap_or_default();
        let mut short: String = raw.chars().take(SNIPPET_CHARS).collect();
        if short.len() < raw.len() {
            short.push('…');
        }
        short
    }

    fn invalid(&mut self, key: &str, value: &Value<'_>, reason: InvalidReason) {
        let value_text = self.snippet(value.span());
        self.report(
            value.span().start,
            ProblemKind::InvalidValue {
                key: key.to_string(),
                value: value_text,
                reason,
            },
        );
    }

    fn wrong_type(&mut self, key: &str, value: &Value<'_>, expected: &'static str) {
        self.report(
            value.span().start,
            ProblemKind::WrongType {
                key: key.to_string(),
                expected,
                found: value.get_ref().type_str(),
            },
        );
    }

    fn has_errors(&self) -> bool {
        self.problems.iter().any(|problem| !problem.is_warning())
    }

    /// The loaded value with its warnings, or every problem: errors first,
    /// then warnings, each in file order.
    fn finish<T>(mut self, value: T) -> Result<Loaded<T>, Vec<Problem>> {
        self.problems
            .sort_by_key(|problem| (problem.is_warning(), problem.line, problem.column));
        if self.has_errors() {
            Err(self.problems)
        } else {
            Ok(Loaded {
                value,
                warnings: self.problems,
                migrated_from: self.migrated_from,
            })
        }
    }

    /// Every problem, errors first, for a file that could not be decoded at all.
    fn fail<T>(mut self) -> Result<T, Vec<Problem>> {
        debug_assert!(self.has_errors(), "fail() needs an error to report");
        self.problems
            .sort_by_key(|problem| (problem.is_warning(), problem.line, problem.column));
        Err(self.problems)
    }
}

fn sanitized(kind: ProblemKind) -> ProblemKind {
    let clean = |text: String| sanitize_for_display(&text);
    match kind {
        ProblemKind::Syntax { detail } => ProblemKind::Syntax {
            detail: clean(detail),
        },
        ProblemKind::MissingKey { key } => ProblemKind::MissingKey { key: clean(key) },
        ProblemKind::WrongType {
            key,
            expected,
            found,
        } => ProblemKind::WrongType {
            key: clean(key),
            expected,
            found,
        },
        ProblemKind::InvalidValue { key, value, reason } => ProblemKind::InvalidValue {
            key: clean(key),
            value: clean(value),
            reason,
        },
        ProblemKind::DuplicateId { id, first_line } => ProblemKind::DuplicateId {
            id: clean(id),
            first_line,
        },
        ProblemKind::UnknownCriterion { id } => ProblemKind::UnknownCriterion { id: clean(id) },
        ProblemKind::UnknownPerspective { id } => ProblemKind::UnknownPerspective { id: clean(id) },
        ProblemKind::UnknownKey { key } => ProblemKind::UnknownKey { key: clean(key) },
        ProblemKind::HiddenCharacters { key, count } => ProblemKind::HiddenCharacters {
            key: clean(key),
            count,
        },
        other @ (ProblemKind::Empty
        | ProblemKind::NotUtf8 { .. }
        | ProblemKind::NewerSchema { .. }
        | ProblemKind::UnknownFileKind
        // Ids in a flaw passed the id check; the rest are numbers.
        | ProblemKind::UnworkableRule { .. }) => other,
    }
}

/// `prefix.key`, or just `key` at the top. Made for every key read, so
/// without `format!` (a sixth of reading a scan went to formatting paths).
fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        return key.to_string();
    }
    let mut path = String::with_capacity(prefix.len() + 1 + key.len());
    path.push_str(prefix);
    path.push('.');
    path.push_str(key);
    path
}

/// Parses the TOML syntax; an empty document (only comments) is a problem too.
fn parse_root<'i>(ctx: &mut Ctx<'_>, source: &'i str) -> Option<DeTable<'i>> {
    match pieces::parse(source) {
        Ok(root) => {
            if root.is_empty() {
                ctx.report(0, ProblemKind::Empty);
                None
            } else {
                Some(root)
            }
        }
        Err(error) => {
            let offset = error.span().map_or(0, |span| span.start);
            ctx.report(
                offset,
                ProblemKind::Syntax {
                    detail: error.message().to_string(),
                },
            );
            None
        }
    }
}

/// A scan has a region (or an embedded framework); a framework has themes (or
/// the other framework sections). Looser than "region or themes" so that a
/// scan missing only `region` is told so, instead of "not a scan".
fn kind_of(root: &DeTable<'_>) -> Option<FileKind> {
    if root.contains_key("region") || root.contains_key("framework") {
        Some(FileKind::Scan)
    } else if ["themes", "scale", "perspectives", "agreement_levels"]
        .iter()
        .any(|key| root.contains_key(*key))
    {
        Some(FileKind::Framework)
    } else {
        None
    }
}

pub(super) fn detect_kind(source: &str) -> Option<FileKind> {
    pieces::parse(source).ok().and_then(|root| kind_of(&root))
}

/// The `schema_version` of a scan's text, without decoding the rest; `None`
/// when it is not a scan or has no readable version.
pub(super) fn scan_schema_version(source: &str) -> Option<i64> {
    let root = pieces::parse(source).ok()?;
    if kind_of(&root) != Some(FileKind::Scan) {
        return None;
    }
    match root.get("schema_version")?.get_ref() {
        DeValue::Integer(number) => i64::from_str_radix(number.as_str(), number.radix()).ok(),
        _ => None,
    }
}

pub(super) fn detect_kind_or_problems(source: &str) -> Result<FileKind, Vec<Problem>> {
    let mut ctx = Ctx::new(source);
    let Some(root) = parse_root(&mut ctx, source) else {
        return ctx.fail();
    };
    match kind_of(&root) {
        Some(kind) => Ok(kind),
        None => {
            ctx.report(0, ProblemKind::UnknownFileKind);
            ctx.fail()
        }
    }
}

/// Shared start of both file kinds: BOM, syntax, emptiness, the right kind,
/// and a schema version this build understands. `None` means: stop, the
/// problems are in `ctx`.
fn open_document<'i>(
    ctx: &mut Ctx<'_>,
    source: &'i str,
    expected: FileKind,
) -> Option<DeTable<'i>> {
    let root = parse_root(ctx, source)?;
    check_document(ctx, root, expected)
}

/// [`open_document`] for a top-level table already parsed (not empty).
fn check_document<'i>(
    ctx: &mut Ctx<'_>,
    root: DeTable<'i>,
    expected: FileKind,
) -> Option<DeTable<'i>> {
    if kind_of(&root) != Some(expected) {
        ctx.report(0, ProblemKind::UnknownFileKind);
        return None;
    }
    let mut fields = Fields::new(&root, 0, "");
    let version = fields
        .required(ctx, "schema_version")
        .and_then(|value| integer(ctx, "schema_version", value).map(|number| (number, value)));
    let supported = match expected {
        FileKind::Scan => SCAN_SCHEMA_VERSION,
        FileKind::Framework => SCHEMA_VERSION,
    };
    if let Some((found, value)) = version {
        if found > supported && !ctx.tolerate_newer {
            // The rest of a newer file may mean something else; more problems would mislead.
            ctx.report(
                value.span().start,
                ProblemKind::NewerSchema { found, supported },
            );
            return None;
        }
        if found < 1 {
            ctx.invalid("schema_version", value, InvalidReason::BadNumber);
        } else if found < supported {
            // Migration happens while decoding (a version-1 `action` text
            // becomes one structured action), so problems still point at the
            // file's own lines; the caller is told, and the first save keeps a
            // `.bak` of the original bytes (RELIABILITY.md, "Older: migrate").
            ctx.migrated_from = Some(found);
        }
    }
    Some(root)
}

/// A table being decoded: knows its dotted path and where it starts, and
/// remembers which keys were read so the rest can be warned about.
struct Fields<'t, 'i> {
    table: &'t DeTable<'i>,
    /// Byte offset of the table's header (or the top of the file).
    start: usize,
    path: String,
    read: Vec<&'t str>,
}

impl<'t, 'i> Fields<'t, 'i> {
    fn new(table: &'t DeTable<'i>, start: usize, path: &str) -> Self {
        Self {
            table,
            start,
            path: path.to_string(),
            read: Vec::new(),
        }
    }

    fn path(&self, key: &str) -> String {
        join(&self.path, key)
    }

    fn get(&mut self, key: &'t str) -> Option<&'t Value<'i>> {
        self.read.push(key);
        self.table.get(key)
    }

    fn required(&mut self, ctx: &mut Ctx<'_>, key: &'t str) -> Option<&'t Value<'i>> {
        let value = self.get(key);
        if value.is_none() {
            ctx.report(
                self.start,
                ProblemKind::MissingKey {
                    key: self.path(key),
                },
            );
        }
        value
    }

    fn req_string(&mut self, ctx: &mut Ctx<'_>, key: &'t str) -> Option<String> {
        let path = self.path(key);
        self.required(ctx, key)
            .and_then(|value| string(ctx, &path, value))
    }

    /// An optional text that may span lines (a note, a description).
    fn opt_text(&mut self, ctx: &mut Ctx<'_>, key: &'t str) -> String {
        let path = self.path(key);
        self.get(key)
            .and_then(|value| text_value(ctx, &path, value, Shape::Text))
            .unwrap_or_default()
    }

    /// An optional one-line text; absent (or wrong, which is reported) means empty.
    fn opt_string(&mut self, ctx: &mut Ctx<'_>, key: &'t str) -> String {
        let path = self.path(key);
        self.get(key)
            .and_then(|value| string(ctx, &path, value))
            .unwrap_or_default()
    }

    fn opt_bool(&mut self, ctx: &mut Ctx<'_>, key: &'t str) -> bool {
        let path = self.path(key);
        match self.get(key) {
            None => false,
            Some(value) => match value.get_ref() {
                DeValue::Boolean(flag) => *flag,
                _ => {
                    ctx.wrong_type(&path, value, "boolean");
                    false
                }
            },
        }
    }

    /// A required id: text that is a valid id.
    fn req_id(&mut self, ctx: &mut Ctx<'_>, key: &'t str) -> Option<(String, &'t Value<'i>)> {
        let path = self.path(key);
        let value = self.required(ctx, key)?;
        let id = string(ctx, &path, value)?;
        if !is_valid_id(&id) {
            ctx.invalid(&path, value, InvalidReason::BadId);
        }
        Some((id, value))
    }

    fn opt_table(&mut self, ctx: &mut Ctx<'_>, key: &'t str) -> Option<Fields<'t, 'i>> {
        let path = self.path(key);
        let value = self.get(key)?;
        table(ctx, &path, value)
    }

    fn req_table(&mut self, ctx: &mut Ctx<'_>, key: &'t str) -> Option<Fields<'t, 'i>> {
        let path = self.path(key);
        let value = self.required(ctx, key)?;
        table(ctx, &path, value)
    }

    /// An array of tables (`[[key]]`), each as `Fields` with path `key[i]`.
    fn table_array(
        &mut self,
        ctx: &mut Ctx<'_>,
        key: &'t str,
        required: bool,
    ) -> Option<(Vec<Fields<'t, 'i>>, &'t Value<'i>)> {
        let path = self.path(key);
        let value = if required {
            self.required(ctx, key)?
        } else {
            self.get(key)?
        };
        let items = array(ctx, &path, value)?;
        let tables = items
            .iter()
            .enumerate()
            .filter_map(|(index, item)| table(ctx, &format!("{path}[{index}]"), item))
            .collect();
        Some((tables, value))
    }

    /// Warns about every key that was never read (likely a typo, or written
    /// by a newer zelfscan) and returns those keys with their values, so that
    /// a save writes them back instead of losing them.
    #[must_use = "unknown keys must be kept in the model, or they are lost on save"]
    fn finish(self, ctx: &mut Ctx<'_>) -> Extra {
        let mut extra = Extra::new();
        for (key, value) in self.table.iter() {
            if !self.read.contains(&key.get_ref().as_ref()) {
                keep_unknown(ctx, &mut extra, &self.path, key, value);
            }
        }
        in_save_order(&extra)
    }
}

/// Warns about a key this version does not know and keeps its value in `extra`.
fn keep_unknown(
    ctx: &mut Ctx<'_>,
    extra: &mut Extra,
    table_path: &str,
    key: &Spanned<DeString<'_>>,
    value: &Value<'_>,
) {
    let path = join(table_path, key.get_ref());
    ctx.report(
        key.span().start,
        ProblemKind::UnknownKey { key: path.clone() },
    );
    if let Some(kept) = plain_value(ctx, &path, value) {
        extra.insert(key.get_ref().to_string(), kept);
    }
}

/// A value of the file as a plain `toml::Value`. Numbers TOML cannot hold
/// (an integer beyond 64 bits, a float that overflows) are errors: keeping
/// them would change them, and dropping them would lose them silently.
fn plain_value(ctx: &mut Ctx<'_>, path: &str, value: &Value<'_>) -> Option<toml::Value> {
    Some(match value.get_ref() {
        DeValue::String(text) => toml::Value::String(text.to_string()),
        DeValue::Integer(_) => toml::Value::Integer(integer(ctx, path, value)?),
        DeValue::Float(number) => {
            let text = number.as_str();
            match text.parse::<f64>() {
                Ok(parsed) if !parsed.is_infinite() || text.contains("inf") => {
                    toml::Value::Float(parsed)
                }
                _ => {
                    ctx.invalid(path, value, InvalidReason::BadNumber);
                    return None;
                }
            }
        }
        DeValue::Boolean(flag) => toml::Value::Boolean(*flag),
        DeValue::Datetime(stamp) => toml::Value::Datetime(*stamp),
        DeValue::Array(items) => {
            let mut kept = Vec::with_capacity(items.len());
            for (index, item) in items.iter().enumerate() {
                kept.push(plain_value(ctx, &format!("{path}[{index}]"), item)?);
            }
            toml::Value::Array(kept)
        }
        DeValue::Table(inner) => {
            let mut kept = toml::Table::new();
            for (key, item) in inner.iter() {
                let name = key.get_ref();
                kept.insert(name.to_string(), plain_value(ctx, &join(path, name), item)?);
            }
            let (plain, sections): (Vec<_>, Vec<_>) =
                kept.into_iter().partition(|(_, item)| !is_section(item));
            toml::Value::Table(plain.into_iter().chain(sections).collect())
        }
    })
}

/// The unknown keys in the order a save writes them: plain values first, then
/// tables and arrays of tables, each group in file order. A file may hold
/// `x = { … }` before `y = 1`, but a save writes `[a.x]` after `y`, so
/// without this a value would not come back equal to itself.
pub(super) fn in_save_order(extra: &Extra) -> Extra {
    let plain = extra.iter().filter(|(_, value)| !is_section(value));
    let sections = extra.iter().filter(|(_, value)| is_section(value));
    plain
        .chain(sections)
        .map(|(key, value)| (key.to_string(), value.clone()))
        .collect()
}

fn table<'t, 'i>(ctx: &mut Ctx<'_>, path: &str, value: &'t Value<'i>) -> Option<Fields<'t, 'i>> {
    match value.get_ref() {
        DeValue::Table(inner) => Some(Fields::new(inner, value.span().start, path)),
        _ => {
            ctx.wrong_type(path, value, "table");
            None
        }
    }
}

fn array<'t, 'i>(ctx: &mut Ctx<'_>, path: &str, value: &'t Value<'i>) -> Option<&'t DeArray<'i>> {
    match value.get_ref() {
        DeValue::Array(items) => Some(items),
        _ => {
            ctx.wrong_type(path, value, "array");
            None
        }
    }
}

/// A one-line text value (a region, title, label, name): see [`text_value`].
fn string(ctx: &mut Ctx<'_>, path: &str, value: &Value<'_>) -> Option<String> {
    text_value(ctx, path, value, Shape::OneLine)
}

/// A text value. Tab is kept, and in multi-line texts newline and carriage
/// return too. Any other control character or invisible format character (a
/// vertical tab pasted from a word processor, an ESC, a bidi mark, a line
/// break in a one-line field) is replaced by a visible marker such as
/// `\u{1b}` and reported as a warning: the file still opens, so one stray
/// character never locks a group out, and nothing reaches a terminal raw.
/// The next save writes the markers (keeping a `.bak` of the original).
fn text_value(ctx: &mut Ctx<'_>, path: &str, value: &Value<'_>, shape: Shape) -> Option<String> {
    match value.get_ref() {
        DeValue::String(text) => {
            // A file saved by a Windows editor has raw CRLF line ends inside
            // multi-line strings, which TOML keeps; they mean plain newlines.
            // zelfscan itself never writes a raw CR (it writes `\r`), so an
            // escaped CR in a note survives the round trip.
            // Only a text that holds a CR can change (most hold none, and
            // a 1 MB note is then searched once, quickly).
            let raw_cr = memchr::memchr(b'\r', text.as_bytes()).is_some()
                && ctx
                    .source
                    .get(value.span())
                    .is_some_and(|raw| raw.contains('\r'));
            let text = if raw_cr {
                text.replace("\r\n", "\n")
            } else {
                text.to_string()
            };
            let (text, count) = gate::into_marked(text, shape);
            if count > 0 {
                ctx.report(
                    value.span().start,
                    ProblemKind::HiddenCharacters {
                        key: path.to_string(),
                        count,
                    },
                );
            }
            Some(text)
        }
        _ => {
            ctx.wrong_type(path, value, "string");
            None
        }
    }
}

fn integer(ctx: &mut Ctx<'_>, path: &str, value: &Value<'_>) -> Option<i64> {
    match value.get_ref() {
        DeValue::Integer(number) => {
            let parsed = i64::from_str_radix(number.as_str(), number.radix()).ok();
            if parsed.is_none() {
                ctx.invalid(path, value, InvalidReason::BadNumber);
            }
            parsed
        }
        _ => {
            ctx.wrong_type(path, value, "integer");
            None
        }
    }
}

/// A weight or threshold: a float or an integer, finite and not negative.
fn number(ctx: &mut Ctx<'_>, path: &str, value: &Value<'_>) -> Option<f64> {
    let parsed = match value.get_ref() {
        DeValue::Float(number) => number.as_str().parse::<f64>().ok(),
        DeValue::Integer(number) => i64::from_str_radix(number.as_str(), number.radix())
            .ok()
            // Thresholds are small; the precision lost above 2^53 does not matter.
            .map(|whole| whole as f64),
        _ => {
            ctx.wrong_type(path, value, "float");
            return None;
        }
    };
    match parsed {
        Some(number) if number.is_finite() && number >= 0.0 => Some(number),
        _ => {
            ctx.invalid(path, value, InvalidReason::BadNumber);
            None
        }
    }
}

/// A small whole-number threshold on the 1..=9 scale (0 allowed: "never").
fn small_number(ctx: &mut Ctx<'_>, path: &str, value: &Value<'_>) -> Option<u8> {
    let whole = integer(ctx, path, value)?;
    match u8::try_from(whole) {
        Ok(small) if small <= 9 => Some(small),
        _ => {
            ctx.invalid(path, value, InvalidReason::BadNumber);
            None
        }
    }
}

/// Remembers ids and where each was first seen, for `DuplicateId`.
#[derive(Default)]
struct SeenIds {
    /// The byte offset of each id's first value (its line is only looked up
    /// for a duplicate).
    first_offsets: HashMap<String, usize>,
}

impl SeenIds {
    /// Records an id; reports it when it was seen before.
    fn check(&mut self, ctx: &mut Ctx<'_>, id: &str, value: &Value<'_>) {
        let offset = value.span().start;
        match self.first_offsets.get(id) {
            Some(&first) => {
                let first_line = ctx.line(first);
                ctx.report(
                    offset,
                    ProblemKind::DuplicateId {
                        id: id.to_string(),
                        first_line,
                    },
                );
            }
            None => {
                self.first_offsets.insert(id.to_string(), offset);
            }
        }
    }
}

/// Entry point shared by the two file kinds.
/// `body` decodes the top-level table and calls `finish` on it, so that the
/// unknown top-level keys end up in the value it returns.
fn decode_file<T>(
    source: &str,
    kind: FileKind,
    body: impl FnOnce(&mut Ctx<'_>, Fields<'_, '_>) -> T,
) -> Result<Loaded<T>, Vec<Problem>> {
    decode_file_with(source, kind, false, body)
}

/// As [`decode_file`]; with `tolerate_newer`, a newer `schema_version` is
/// decoded as far as this build understands it instead of refused.
fn decode_file_with<T>(
    source: &str,
    kind: FileKind,
    tolerate_newer: bool,
    body: impl FnOnce(&mut Ctx<'_>, Fields<'_, '_>) -> T,
) -> Result<Loaded<T>, Vec<Problem>> {
    let source = strip_bom(source);
    let mut ctx = Ctx::new(source);
    ctx.tolerate_newer = tolerate_newer;
    let Some(root) = open_document(&mut ctx, source, kind) else {
        return ctx.fail();
    };
    decode_root(ctx, &root, body)
}

/// The rest of [`decode_file_with`], from the checked top-level table.
fn decode_root<T>(
    mut ctx: Ctx<'_>,
    root: &DeTable<'_>,
    body: impl FnOnce(&mut Ctx<'_>, Fields<'_, '_>) -> T,
) -> Result<Loaded<T>, Vec<Problem>> {
    let mut fields = Fields::new(root, 0, "");
    // Already checked by `open_document`; read here so it is not "unknown".
    fields.get("schema_version");
    let value = body(&mut ctx, fields);
    ctx.finish(value)
}

/// A scan whose text from `at` on is the embedded framework `framework` was
/// decoded from (see `shared.rs`): only the text before it is parsed.
/// `None` when that text does not parse on its own or names `framework`
/// itself; then the whole text must be read, for its exact problems.
fn decode_scan_before_framework<T>(
    source: &str,
    at: usize,
    framework: Framework,
    body: impl FnOnce(&mut Ctx<'_>, Fields<'_, '_>) -> T,
) -> Option<Result<Loaded<T>, Vec<Problem>>> {
    let mut root = pieces::parse(source.get(..at)?).ok()?;
    if root.contains_key("framework") {
        return None;
    }
    let (key, table) = shared::stand_in(at);
    root.insert(key, table);
    let mut ctx = Ctx::new(source);
    ctx.known_framework = Some(framework);
    let Some(root) = check_document(&mut ctx, root, FileKind::Scan) else {
        return Some(ctx.fail());
    };
    Some(decode_root(ctx, &root, body))
}

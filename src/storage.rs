//! The only code that touches scan and framework files: parsing with precise
//! problems (file, line, column), writing TOML with a stable layout, atomic
//! saves, and the frameworks bundled into the binary.

pub mod backup;
mod bundled;
mod decode;
mod encode;
pub mod input;
pub mod journal;
pub mod lock;
mod many;
mod preserve;
pub mod preview;
pub mod recent;
pub mod recovery;
mod save;
mod text;

use std::path::{Path, PathBuf};

use crate::model::{Framework, Scan};

pub use many::{check_many, load_many, load_many_with};
pub use text::sanitize_for_display;

/// The framework file layout this build writes and fully understands (and
/// the oldest scan layout).
pub const SCHEMA_VERSION: i64 = 1;

/// The scan file layout this build writes and fully understands. Version 2
/// added the agenda (ambitions and structured actions); a version-1 scan is
/// migrated in memory and its first save keeps a `.bak` of the original.
pub const SCAN_SCHEMA_VERSION: i64 = 2;

/// One thing wrong (or worth a warning) in a file, at a 1-based line and column.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub kind: ProblemKind,
}

/// What is wrong. Rendered into words by the language catalogue (`i18n`), so
/// every variant carries the data a message needs. Text taken from a file is
/// already stripped of control characters.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The file is empty or holds only comments.
    Empty,
    /// Bytes that are not UTF-8, at this byte offset.
    NotUtf8 { byte_offset: usize },
    /// The TOML parser's own description of a syntax error.
    Syntax { detail: String },
    /// A required key is missing; `key` is the dotted path, e.g. `themes[2].title`.
    MissingKey { key: String },
    /// A value has the wrong type: `expected` and `found` are TOML type names.
    WrongType {
        key: String,
        expected: &'static str,
        found: &'static str,
    },
    /// A value of the right type that is not allowed, with why.
    InvalidValue {
        key: String,
        value: String,
        reason: InvalidReason,
    },
    /// The same id twice; `first_line` is where it was first used.
    DuplicateId { id: String, first_line: usize },
    /// An answer for a criterion the scan's framework does not have.
    UnknownCriterion { id: String },
    /// A perspective id the framework does not have.
    UnknownPerspective { id: String },
    /// A key this version of zelfscan does not know (a warning, not an error).
    UnknownKey { key: String },
    /// A text held `count` control or invisible characters (or a line break
    /// in a one-line field). They are shown as visible markers and replaced
    /// on the next save; a warning, so the scan still opens.
    HiddenCharacters { key: String, count: usize },
    /// Written by a newer zelfscan.
    NewerSchema { found: i64, supported: i64 },
    /// A file that is neither a scan nor a framework.
    UnknownFileKind,
    /// A framework file whose weighting rule cannot work (checked for
    /// framework files only, so a scan made earlier still opens).
    UnworkableRule { flaw: crate::model::RuleFlaw },
}

/// Why a value is not allowed.
#[derive(Debug, Clone, PartialEq)]
pub enum InvalidReason {
    /// Ids may hold only letters, digits, `-` and `_`.
    BadId,
    /// A score that is not a level of the scale (and not "onbekend" or "nvt").
    NotOnScale,
    /// Not a date in the form 2026-11-25.
    BadDate,
    /// Not a timestamp in the form 2026-11-25T10:12:03Z.
    BadTimestamp,
    /// Not an agreement level (consensus, voorbehoud, geen_consensus).
    BadAgreement,
    /// A scale value outside 1..=9.
    ScaleOutOfRange,
    /// A list that may not be empty.
    EmptyList,
    /// Not a verdict (robuust, robuust_met_aandachtspunten, vervolgtraject).
    BadVerdict,
    /// A verdict override needs a written rationale.
    EmptyRationale,
    /// A weight or threshold that is negative, not a number, or otherwise unusable.
    BadNumber,
    /// A theme id (in the weighting) that the framework does not have.
    UnknownTheme,
    /// A perspective id that is also the name of an answer field (`consensus`,
    /// `note`, ...), so `[answers.X.<id>]` would be ambiguous.
    ReservedId,
    /// Text holding a control character (other than tab and newline) or a bidi
    /// control, which could rewrite a terminal or hide text; see `sanitize_for_display`.
    ControlCharacter,
    /// The three agreement levels must each be defined exactly once.
    MissingAgreementLevel,
    /// Not an action status (open, lopend, klaar, vervallen).
    BadActionStatus,
}

/// The two kinds of file zelfscan reads, told apart by their top-level keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Scan,
    Framework,
}

impl Problem {
    /// Warnings do not stop a file from loading.
    pub fn is_warning(&self) -> bool {
        matches!(
            self.kind,
            ProblemKind::UnknownKey { .. } | ProblemKind::HiddenCharacters { .. }
        )
    }

    /// A warning that `check` still counts as a problem: the file opens, but
    /// holds characters that should be cleaned.
    pub fn needs_cleaning(&self) -> bool {
        matches!(self.kind, ProblemKind::HiddenCharacters { .. })
    }
}

/// A file that loaded, with any warnings found on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded<T> {
    pub value: T,
    pub warnings: Vec<Problem>,
    /// The file's own `schema_version` when it is older than this build
    /// writes: the value was migrated in memory.
    pub migrated_from: Option<i64>,
}

/// Why a file could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file was read but is not valid; `problems` holds at least one error.
    #[error("{path}: {count} problem(s)", count = problems.len())]
    Invalid {
        path: PathBuf,
        problems: Vec<Problem>,
    },
}

/// Parses the text of a scan file.
pub fn parse_scan(source: &str) -> Result<Loaded<Scan>, Vec<Problem>> {
    decode::scan(source)
}

/// Parses the text of a framework file.
pub fn parse_framework(source: &str) -> Result<Loaded<Framework>, Vec<Problem>> {
    decode::framework(source)
}

/// Reads and parses a scan file. The file is never modified.
pub fn load_scan(path: &Path) -> Result<Loaded<Scan>, LoadError> {
    load_with(path, parse_scan)
}

/// Reads a scan written by a newer zelfscan, as far as this build understands
/// it, to show it read-only. The file is never modified.
pub fn load_scan_from_newer(path: &Path) -> Result<Loaded<Scan>, LoadError> {
    load_with(path, decode::scan_from_newer)
}

/// True when a load failed only because the file comes from a newer zelfscan.
pub fn is_newer_schema(error: &LoadError) -> bool {
    matches!(error, LoadError::Invalid { problems, .. }
        if problems.iter().any(|p| matches!(p.kind, ProblemKind::NewerSchema { .. })))
}

/// Reads and parses a framework file. The file is never modified.
pub fn load_framework(path: &Path) -> Result<Loaded<Framework>, LoadError> {
    load_with(path, parse_framework)
}

/// Which kind of file this text is: a scan has `region` (or an embedded
/// `[framework]`), a framework has `themes`. `None` when it is neither, or when
/// it is not TOML at all.
pub fn detect_kind(source: &str) -> Option<FileKind> {
    decode::detect_kind(text::strip_bom(source))
}

/// The `schema_version` of a scan file's bytes (BOM and all), or `None` when
/// they are not a readable scan.
pub fn scan_schema_version(bytes: &[u8]) -> Option<i64> {
    let source = std::str::from_utf8(bytes).ok()?;
    decode::scan_schema_version(text::strip_bom(source))
}

/// What `zelfscan check` needs: the kind of the file and its warnings, or every
/// problem found. A file of neither kind gives [`ProblemKind::UnknownFileKind`].
pub fn check_file(path: &Path) -> Result<(FileKind, Vec<Problem>), LoadError> {
    load_with(path, check_source)
}

/// [`check_file`] on text already read.
pub fn check_source(source: &str) -> Result<(FileKind, Vec<Problem>), Vec<Problem>> {
    match decode::detect_kind_or_problems(text::strip_bom(source))? {
        FileKind::Scan => parse_scan(source).map(|loaded| (FileKind::Scan, loaded.warnings)),
        FileKind::Framework => {
            parse_framework(source).map(|loaded| (FileKind::Framework, loaded.warnings))
        }
    }
}

/// The scan as TOML text, in the stable layout (same scan, same bytes).
pub fn scan_to_toml(scan: &Scan) -> String {
    encode::scan(scan)
}

/// The text to write for `scan` over a file that held `original` (as read):
/// what the person wrote there and the scan did not change stays as it was
/// (comments, order, quoting, BOM, line ends); what changed or is new takes
/// the stable layout. When the scan is what `original` already says, the
/// result is `original` itself: there is nothing to write.
pub fn scan_to_toml_over(original: &str, scan: &Scan) -> String {
    let read = parse_scan(original).ok();
    let before = read.as_ref().map(|loaded| &loaded.value);
    if before == Some(scan) {
        return original.to_string();
    }
    let canonical = encode::scan(scan);
    // Only what changed since the file was read is written into it: a
    // default the person left out, or a time written with another offset,
    // stays as it was (the canonical text of the file's own scan is the base).
    // A file with hidden characters is read with markers in their place; its
    // save is the one that cleans them, so then every difference counts.
    // Likewise the first save of an older schema: the whole file moves to the
    // current layout (its original bytes are kept as a `.bak` by the caller).
    let cleans = read.as_ref().is_some_and(|loaded| {
        loaded.migrated_from.is_some() || loaded.warnings.iter().any(Problem::needs_cleaning)
    });
    let base = before.filter(|_| !cleans).map(encode::scan);
    if base.as_deref() == Some(original) {
        // In the stable layout, as zelfscan wrote it: nothing of a person's
        // to keep, so no patching (the quick path for most saves).
        return canonical;
    }
    if let Some(text) = preserve::patch(original, base.as_deref(), &canonical)
        && reads_as(&text, scan, &canonical)
    {
        return text;
    }
    // Never write what would read back differently: the stable layout then,
    // still in the file's line ends and with its byte-order mark.
    let styled = preserve::in_style_of(original, &canonical);
    if reads_as(&styled, scan, &canonical) {
        styled
    } else {
        canonical
    }
}

/// Whether `text` loads as `scan`, up to the order of keys this version does
/// not know (a patched file keeps them in the order the person wrote them).
fn reads_as(text: &str, scan: &Scan, canonical: &str) -> bool {
    parse_scan(text).is_ok_and(|loaded| {
        loaded.value == *scan || preserve::same_meaning(&encode::scan(&loaded.value), canonical)
    })
}

/// [`scan_to_toml_over`] without its safety net (the check that the text
/// reads back as `scan`, and the stable layout when it does not), so tests
/// can prove the patch itself right. `None` when a text is not TOML.
#[doc(hidden)]
pub fn patch_scan_toml(original: &str, scan: &Scan) -> Option<String> {
    let base = parse_scan(original)
        .ok()
        .map(|loaded| encode::scan(&loaded.value));
    preserve::patch(original, base.as_deref(), &encode::scan(scan))
}

/// The framework as TOML text, in the stable layout.
pub fn framework_to_toml(framework: &Framework) -> String {
    encode::framework(framework)
}

/// Writes the scan atomically: readers see the old file or the new one, never half.
pub fn save_scan(path: &Path, scan: &Scan) -> std::io::Result<()> {
    save::write_atomic(path, scan_to_toml(scan).as_bytes())
}

/// Writes any file atomically, as [`save_scan`] does (for reports).
pub fn write_file_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    save::write_atomic(path, contents)
}

/// Removes temp files that a killed zelfscan left beside a scan (and beside
/// its journal and owner files); call only while holding the scan's lock.
/// Returns the files removed.
pub fn remove_orphaned_temp_files(scan: &Path) -> Vec<PathBuf> {
    save::remove_orphaned_temps(scan)
}

/// The frameworks compiled into the binary, in display order, Dutch first.
/// The file name of the bundled framework with this id, and whether `source`
/// is that bundled file's own text (a copy of it is not a clash).
pub fn bundled_framework_with_id(id: &str, source: &str) -> Option<(&'static str, bool)> {
    bundled::with_id(id, source)
}

pub fn bundled_frameworks() -> Vec<Framework> {
    bundled::frameworks()
}

/// The bundled frameworks with those in `language` (a code such as "en") first,
/// so a new scan defaults to the framework in the interface language.
pub fn bundled_frameworks_for(language: &str) -> Vec<Framework> {
    bundled::frameworks_for(language)
}

/// Reads the bytes (read-only, a regular file under the size cap), checks
/// they are UTF-8, and hands the text to `parse`.
fn load_with<T>(
    path: &Path,
    parse: impl FnOnce(&str) -> Result<T, Vec<Problem>>,
) -> Result<T, LoadError> {
    let bytes = input::read_input(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    parse_bytes(path, &bytes, parse)
}

/// Parses a scan from the text already read from `path` (named in problems).
pub(crate) fn load_scan_text(path: &Path, text: &str) -> Result<Loaded<Scan>, LoadError> {
    parse_scan(text).map_err(|problems| LoadError::Invalid {
        path: path.to_path_buf(),
        problems,
    })
}

fn parse_bytes<T>(
    path: &Path,
    bytes: &[u8],
    parse: impl FnOnce(&str) -> Result<T, Vec<Problem>>,
) -> Result<T, LoadError> {
    let invalid = |problems| LoadError::Invalid {
        path: path.to_path_buf(),
        problems,
    };
    let source = text::decode_utf8(bytes).map_err(|problem| invalid(vec![problem]))?;
    parse(source).map_err(invalid)
}

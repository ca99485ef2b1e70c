//! The only code that touches scan and framework files: parsing with precise
//! problems (file, line, column), writing TOML with a stable layout, atomic
//! saves, and the frameworks bundled into the binary.

use std::path::{Path, PathBuf};

use crate::model::{Framework, Scan};

/// The scan and framework file layout this build writes and fully understands.
pub const SCHEMA_VERSION: i64 = 1;

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
    /// Written by a newer zelfscan.
    NewerSchema { found: i64, supported: i64 },
    /// A file that is neither a scan nor a framework.
    UnknownFileKind,
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
    /// A weight or threshold that is negative, not a number, or otherwise unusable.
    BadNumber,
}

impl Problem {
    /// Warnings do not stop a file from loading.
    pub fn is_warning(&self) -> bool {
        matches!(self.kind, ProblemKind::UnknownKey { .. })
    }
}

/// A file that loaded, with any warnings found on the way.
#[derive(Debug, Clone)]
pub struct Loaded<T> {
    pub value: T,
    pub warnings: Vec<Problem>,
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
    let _ = source;
    todo!("storage helper")
}

/// Parses the text of a framework file.
pub fn parse_framework(source: &str) -> Result<Loaded<Framework>, Vec<Problem>> {
    let _ = source;
    todo!("storage helper")
}

/// Reads and parses a scan file. The file is never modified.
pub fn load_scan(path: &Path) -> Result<Loaded<Scan>, LoadError> {
    let _ = path;
    todo!("storage helper")
}

/// Reads and parses a framework file. The file is never modified.
pub fn load_framework(path: &Path) -> Result<Loaded<Framework>, LoadError> {
    let _ = path;
    todo!("storage helper")
}

/// The scan as TOML text, in the stable layout (same scan, same bytes).
pub fn scan_to_toml(scan: &Scan) -> String {
    let _ = scan;
    todo!("storage helper")
}

/// The framework as TOML text, in the stable layout.
pub fn framework_to_toml(framework: &Framework) -> String {
    let _ = framework;
    todo!("storage helper")
}

/// Writes the scan atomically: readers see the old file or the new one, never half.
pub fn save_scan(path: &Path, scan: &Scan) -> std::io::Result<()> {
    let _ = (path, scan);
    todo!("storage helper")
}

/// The frameworks compiled into the binary, in display order.
pub fn bundled_frameworks() -> Vec<Framework> {
    todo!("storage helper")
}

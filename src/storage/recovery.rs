//! Opening a scan together with its journal: replay what was typed after the
//! last save, recognise a journal that is already saved, and keep (never
//! drop) a journal that belongs to another version of the file.

use std::io;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::journal::{self, JournalRead, content_hash, hidden_sibling, journal_path};
use super::{LoadError, Loaded};
use crate::model::Scan;
use crate::model::edit::Edit;
use crate::model::gate::{self, Rejection};

/// What opening found in the journal.
#[derive(Debug, Clone, PartialEq)]
pub enum Recovery {
    /// No journal, or nothing in it.
    Nothing,
    /// Edits made after the last save were restored.
    Replayed {
        edits: usize,
        /// The latest change time among the restored edits.
        last_change: Option<Timestamp>,
        /// The journal ended in a record cut off by the crash (that keystroke
        /// had not reached the screen).
        torn: bool,
    },
    /// The journal's edits were all in the file already.
    AlreadySaved,
    /// The journal does not fit this version of the file (it was changed
    /// elsewhere, or the edits do not apply); it is kept at `kept`, untouched.
    SetAside { kept: PathBuf, edits: usize },
    /// The journal held a record the gate refuses (a score off the scale, an
    /// escape character, an unknown criterion, ...). The `restored` edits
    /// before it were replayed; record number `record` (1-based among the
    /// edits) and everything after it were not. The journal is kept,
    /// unchanged, at `kept`.
    Rejected {
        restored: usize,
        record: usize,
        reason: Rejection,
        kept: PathBuf,
    },
}

/// A scan opened with its journal.
#[derive(Debug)]
pub struct OpenedWithJournal {
    pub loaded: Loaded<Scan>,
    /// Hash of the scan file as read, when there was a journal to match it
    /// with; without one it is not taken here (see [`ScanFile::file_hash`]).
    pub file_hash: Option<u64>,
    /// The scan file's text as read: a save patches it, so what a person
    /// wrote by hand survives (see `storage::scan_to_toml_over`).
    pub file_text: String,
    pub recovery: Recovery,
    /// The journal to continue, when edits were replayed from it.
    pub resume: Option<JournalRead>,
}

/// A scan file read and parsed: read once, then handed on, so opening never
/// reads or parses the file twice.
#[derive(Debug, Clone, PartialEq)]
pub struct ScanFile {
    pub loaded: Loaded<Scan>,
    /// The file's text as read, byte for byte (a save patches it; see
    /// `OpenedWithJournal`).
    pub file_text: String,
}

impl ScanFile {
    /// The hash of the file as read (FNV-1a, as the journal records it).
    /// Taken only when asked: a few cycles per byte that cannot overlap
    /// (about a millisecond for a 1 MB note), which opening a scan without
    /// a journal leaves until after its first frame.
    pub fn file_hash(&self) -> u64 {
        content_hash(self.file_text.as_bytes())
    }
}

/// Reads and parses a scan file. The file is never modified.
pub fn read_scan_file(path: &Path) -> Result<ScanFile, LoadError> {
    let bytes = super::input::read_input(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    // UTF-8 is checked once, and the bytes become the text without a copy:
    // the text parsed is the text kept.
    let file_text = String::from_utf8(bytes).map_err(|error| LoadError::Invalid {
        path: path.to_path_buf(),
        problems: vec![super::text::not_utf8(error.as_bytes(), &error.utf8_error())],
    })?;
    let loaded = super::load_scan_text(path, &file_text)?;
    Ok(ScanFile { loaded, file_text })
}

/// Reads a scan and applies its journal. With `keep_journal` the journal is
/// only read, never moved (for a read-only look at a scan open elsewhere).
pub fn open_with_journal(path: &Path, keep_journal: bool) -> Result<OpenedWithJournal, LoadError> {
    with_journal(path, read_scan_file(path)?, keep_journal)
}

/// [`open_with_journal`] for a scan file already read.
pub fn with_journal(
    path: &Path,
    file: ScanFile,
    keep_journal: bool,
) -> Result<OpenedWithJournal, LoadError> {
    let journal_error = |source: io::Error| LoadError::Io {
        path: journal_path(path),
        source,
    };
    let Some(read) = journal::read_journal(path).map_err(journal_error)? else {
        return Ok(OpenedWithJournal {
            loaded: file.loaded,
            file_hash: None,
            file_text: file.file_text,
            recovery: Recovery::Nothing,
            resume: None,
        });
    };
    let file_hash = file.file_hash();
    let ScanFile {
        mut loaded,
        file_text,
    } = file;
    if read.base == file_hash {
        if read.edits.is_empty() {
            return Ok(OpenedWithJournal {
                loaded,
                file_hash: Some(file_hash),
                file_text,
                recovery: Recovery::Nothing,
                resume: None,
            });
        }
        let mut scan = loaded.value.clone();
        match replay(&mut scan, &read.edits) {
            Ok(()) => {
                loaded.value = scan;
                let recovery = Recovery::Replayed {
                    edits: read.edits.len(),
                    last_change: read.edits.iter().filter_map(change_time).max(),
                    torn: read.torn,
                };
                return Ok(OpenedWithJournal {
                    loaded,
                    file_hash: Some(file_hash),
                    file_text,
                    recovery,
                    resume: Some(read),
                });
            }
            Err((restored, reason)) => {
                loaded.value = scan;
                let (recovery, resume) =
                    reject(path, keep_journal, file_hash, &read, restored, reason)
                        .map_err(journal_error)?;
                return Ok(OpenedWithJournal {
                    loaded,
                    file_hash: Some(file_hash),
                    file_text,
                    recovery,
                    resume,
                });
            }
        }
    } else if read.last_checkpoint == Some(file_hash) && read.edits_since_checkpoint == 0
        || read.edits.is_empty()
    {
        return Ok(OpenedWithJournal {
            loaded,
            file_hash: Some(file_hash),
            file_text,
            recovery: if read.edits.is_empty() {
                Recovery::Nothing
            } else {
                Recovery::AlreadySaved
            },
            resume: None,
        });
    }
    // The journal belongs to another version of the file: keep it aside.
    let kept = if keep_journal {
        journal_path(path)
    } else {
        set_aside(path).map_err(journal_error)?
    };
    Ok(OpenedWithJournal {
        loaded,
        file_hash: Some(file_hash),
        file_text,
        recovery: Recovery::SetAside {
            kept,
            edits: read.edits.len(),
        },
        resume: None,
    })
}

/// Renames the journal to a name that is never replayed, with the time in it.
fn set_aside(path: &Path) -> io::Result<PathBuf> {
    set_aside_as(path, "journal-bewaard")
}

/// Renames the journal to `.<scan>.<label>-<time>` (never over another file).
fn set_aside_as(path: &Path, label: &str) -> io::Result<PathBuf> {
    let stamp = Timestamp::now().strftime("%Y%m%d-%H%M%S").to_string();
    let kept = (1..)
        .map(|n| match n {
            1 => hidden_sibling(path, &format!("{label}-{stamp}")),
            n => hidden_sibling(path, &format!("{label}-{stamp}-{n}")),
        })
        .find(|candidate| !candidate.exists())
        .unwrap_or_else(|| hidden_sibling(path, label));
    std::fs::rename(journal_path(path), &kept)?;
    Ok(kept)
}

/// Replays the edits through the same gate a loaded file passes; on the first
/// refused edit, stops with how many were applied and why. The scan then
/// holds exactly the edits before it. As a last safety net the result must
/// load again as a file, so a journal can never make a scan unopenable.
fn replay(scan: &mut Scan, edits: &[Edit]) -> Result<(), (usize, Rejection)> {
    let original = scan.clone();
    for (index, edit) in edits.iter().enumerate() {
        gate::apply_checked(scan, edit).map_err(|reason| (index, reason))?;
    }
    if super::parse_scan(&super::scan_to_toml(scan)).is_err() {
        *scan = original;
        return Err((0, Rejection::Unreadable));
    }
    Ok(())
}

/// A journal with a refused record: keep it aside under a name that says so,
/// and carry on from a fresh journal that holds the edits that were restored,
/// so they are as safe as before. With `keep_journal` nothing is moved.
fn reject(
    path: &Path,
    keep_journal: bool,
    file_hash: u64,
    read: &JournalRead,
    restored: usize,
    reason: Rejection,
) -> io::Result<(Recovery, Option<JournalRead>)> {
    let (kept, resume) = if keep_journal {
        (journal_path(path), None)
    } else {
        let kept = set_aside_as(path, "journal.rejected")?;
        let mut fresh = journal::JournalWriter::start(path, file_hash)?;
        fresh.append(&read.edits[..restored])?;
        fresh.sync()?;
        (kept, journal::read_journal(path)?)
    };
    let recovery = Recovery::Rejected {
        restored,
        record: restored + 1,
        reason,
        kept,
    };
    Ok((recovery, resume))
}

fn change_time(edit: &Edit) -> Option<Timestamp> {
    match edit {
        Edit::Score { at, .. }
        | Edit::Agreement { at, .. }
        | Edit::Skipped { at, .. }
        | Edit::Splice { at, .. }
        | Edit::Private { at, .. }
        | Edit::Resolve { at, .. }
        | Edit::Agenda { at, .. } => Some(*at),
        Edit::Override(_) => None,
    }
}

/// Brings the scan file up to date with its journal and removes the journal:
/// what a SIGTERM or a closed window does, without the interface's memory.
/// A journal that does not fit the file is left where it is.
pub fn checkpoint_from_journal(path: &Path) -> Result<bool, LoadError> {
    let opened = open_with_journal(path, true)?;
    if !matches!(
        opened.recovery,
        Recovery::Replayed { .. } | Recovery::AlreadySaved
    ) {
        return Ok(false);
    }
    if matches!(opened.recovery, Recovery::Replayed { .. }) {
        let io_error = |source| LoadError::Io {
            path: path.to_path_buf(),
            source,
        };
        let text = super::scan_to_toml_over(&opened.file_text, &opened.loaded.value);
        // Edits that end where the file already is (typed, then undone) leave it alone.
        if text != opened.file_text {
            let cleans = opened
                .loaded
                .warnings
                .iter()
                .any(super::Problem::needs_cleaning);
            // The first save of an older scan, or of one with hidden
            // characters, keeps its original bytes first.
            if cleans || opened.loaded.migrated_from.is_some() {
                super::backup::keep_original(path, opened.file_text.as_bytes())
                    .map_err(io_error)?;
            }
            super::write_file_atomic(path, text.as_bytes()).map_err(io_error)?;
        }
    }
    let _ = std::fs::remove_file(journal_path(path));
    Ok(true)
}

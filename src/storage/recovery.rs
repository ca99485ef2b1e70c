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
}

/// A scan opened with its journal.
#[derive(Debug)]
pub struct OpenedWithJournal {
    pub loaded: Loaded<Scan>,
    /// Hash of the scan file as read.
    pub file_hash: u64,
    pub recovery: Recovery,
    /// The journal to continue, when edits were replayed from it.
    pub resume: Option<JournalRead>,
}

/// Reads a scan and applies its journal. With `keep_journal` the journal is
/// only read, never moved (for a read-only look at a scan open elsewhere).
pub fn open_with_journal(path: &Path, keep_journal: bool) -> Result<OpenedWithJournal, LoadError> {
    let io_error = |source: io::Error| LoadError::Io {
        path: path.to_path_buf(),
        source,
    };
    let bytes = std::fs::read(path).map_err(io_error)?;
    let file_hash = content_hash(&bytes);
    let mut loaded = super::load_scan_bytes(path, &bytes)?;
    let journal_error = |source: io::Error| LoadError::Io {
        path: journal_path(path),
        source,
    };
    let Some(read) = journal::read_journal(path).map_err(journal_error)? else {
        return Ok(OpenedWithJournal {
            loaded,
            file_hash,
            recovery: Recovery::Nothing,
            resume: None,
        });
    };
    if read.base == file_hash {
        if read.edits.is_empty() {
            return Ok(OpenedWithJournal {
                loaded,
                file_hash,
                recovery: Recovery::Nothing,
                resume: None,
            });
        }
        let mut scan = loaded.value.clone();
        if read.edits.iter().all(|edit| edit.apply(&mut scan).is_ok()) {
            loaded.value = scan;
            let recovery = Recovery::Replayed {
                edits: read.edits.len(),
                last_change: read.edits.iter().filter_map(change_time).max(),
                torn: read.torn,
            };
            return Ok(OpenedWithJournal {
                loaded,
                file_hash,
                recovery,
                resume: Some(read),
            });
        }
    } else if read.last_checkpoint == Some(file_hash) && read.edits_since_checkpoint == 0
        || read.edits.is_empty()
    {
        return Ok(OpenedWithJournal {
            loaded,
            file_hash,
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
        file_hash,
        recovery: Recovery::SetAside {
            kept,
            edits: read.edits.len(),
        },
        resume: None,
    })
}

/// Renames the journal to a name that is never replayed, with the time in it.
fn set_aside(path: &Path) -> io::Result<PathBuf> {
    let stamp = Timestamp::now().strftime("%Y%m%d-%H%M%S").to_string();
    let kept = hidden_sibling(path, &format!("journal-bewaard-{stamp}"));
    std::fs::rename(journal_path(path), &kept)?;
    Ok(kept)
}

fn change_time(edit: &Edit) -> Option<Timestamp> {
    match edit {
        Edit::Score { at, .. }
        | Edit::Agreement { at, .. }
        | Edit::Skipped { at, .. }
        | Edit::Splice { at, .. }
        | Edit::Private { at, .. }
        | Edit::Resolve { at, .. } => Some(*at),
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
        let text = super::scan_to_toml(&opened.loaded.value);
        super::write_file_atomic(path, text.as_bytes()).map_err(|source| LoadError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    }
    let _ = std::fs::remove_file(journal_path(path));
    Ok(true)
}

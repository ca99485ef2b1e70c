//! Finding last time for the open scan: the scan `open --previous` named, or
//! the latest earlier scan of the same region and framework in the scan's
//! own folder. Only reads; a file that does not load is skipped.

use std::path::{Path, PathBuf};

use super::storage;
use crate::model::Scan;
use crate::model::compare::is_earlier_scan_of;
use crate::tui::app::{App, PreviousScan};

/// The latest earlier scan of `current`'s region and framework beside `path`.
fn search(path: &Path, current: &Scan) -> Option<(PathBuf, Scan)> {
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty())?;
    let own = path.canonicalize().ok();
    let mut best: Option<(PathBuf, Scan)> = None;
    for entry in std::fs::read_dir(folder).ok()?.filter_map(Result::ok) {
        let candidate = entry.path();
        let hidden = candidate
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with('.'));
        let is_file = entry.file_type().is_ok_and(|kind| kind.is_file());
        if hidden
            || !is_file
            || candidate.extension().is_none_or(|ext| ext != "toml")
            || candidate.canonicalize().ok() == own
        {
            continue;
        }
        // Opening must stay fast in a full folder: only files that name the
        // region at all are parsed.
        let names_region = storage::input::read_input(&candidate).is_ok_and(|bytes| {
            String::from_utf8_lossy(&bytes).contains(current.meta.region.trim())
        });
        if !names_region {
            continue;
        }
        let Ok(loaded) = storage::load_scan(&candidate) else {
            continue;
        };
        let scan = loaded.value;
        let later = best
            .as_ref()
            .is_none_or(|(_, known)| scan.meta.date > known.meta.date);
        if is_earlier_scan_of(&scan, current) && later {
            best = Some((candidate, scan));
        }
    }
    best
}

/// Last time for the scan at `path`: the scan `open --previous` named (it
/// was checked before the screen opened; one that no longer loads is left
/// out), else the latest earlier scan of the region beside it.
pub(super) fn find(app: &mut App, path: &Path, current: &Scan) -> Option<Box<PreviousScan>> {
    let (path, scan) = match app.previous_wanted.take() {
        Some(wanted) => (wanted.clone(), storage::load_scan(&wanted).ok()?.value),
        None => search(path, current)?,
    };
    Some(Box::new(PreviousScan { scan, path }))
}

//! Finding last time for the open scan: the scan `open --previous` named, or
//! the latest earlier scan of the same region and framework in the scan's
//! own folder. Only reads; a file that does not load is skipped (or, when it
//! was asked for by name, explained).

use std::path::{Path, PathBuf};

use super::{failure, storage};
use crate::model::Scan;
use crate::model::compare::is_earlier_scan_of;
use crate::tui::action::Action;
use crate::tui::app::{App, Overlay, PreviousScan, Screen, Status};

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

pub(super) fn load_previous(app: &mut App) -> Option<Action> {
    let wanted = app.previous_wanted.take();
    let walk = app.walkthrough()?;
    let found = match wanted {
        Some(path) => match storage::load_scan(&path) {
            Ok(loaded) => Some((path, loaded.value)),
            Err(error) => {
                let lines = failure(app, &path, &error).lines;
                app.overlay = Some(Overlay::Message {
                    title: app.text.many.previous_failed.to_string(),
                    lines,
                });
                return None;
            }
        },
        None => search(&walk.path, &walk.scan),
    };
    let (path, scan) = found?;
    let name = storage::sanitize_for_display(
        &path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
    );
    let date = scan.meta.date.to_string();
    if let Screen::Walkthrough(walk) = &mut app.screen {
        walk.previous = Some(Box::new(PreviousScan { scan, path }));
    }
    // Said unless something more pressing (a recovery, warnings) is showing.
    if app.overlay.is_none() {
        app.status = Some(Status {
            text: (app.text.many.previous_found)(&name, &date),
            is_error: false,
        });
    }
    None
}

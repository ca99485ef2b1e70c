//! The one place the interface does IO: saving, opening and creating scans,
//! and listing what the start screen shows. `update` returns an [`Effect`] as
//! data; `run` carries it out and reports back with an [`Action`].

use std::path::{Path, PathBuf};

use super::action::{Action, OpenFailure, OpenedScan};
use super::app::{App, Screen};
use crate::model::Scan;
use crate::storage::{self, LoadError};

/// IO that `update` asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Save the open scan to its file.
    SaveScan,
    OpenScan(PathBuf),
    /// Write a new scan; never over an existing file.
    CreateScan {
        path: PathBuf,
        scan: Box<Scan>,
    },
    /// Re-read the recent list and the scans folder for the start screen.
    RefreshStartLists,
}

/// Carries out an effect. Returns the action that reports the outcome, or
/// `None` when the effect changed `app` directly (only the start lists).
pub fn run(effect: Effect, app: &mut App) -> Option<Action> {
    match effect {
        Effect::SaveScan => {
            let Screen::Walkthrough(walk) = &app.screen else {
                return None;
            };
            let result = storage::save_scan(&walk.path, &walk.scan)
                .map(|()| walk.path.clone())
                .map_err(|error| error.to_string());
            Some(Action::Saved(result))
        }
        Effect::OpenScan(path) => {
            let result = open_scan(app, &path);
            if result.is_ok() {
                remember_recent(app, &path);
            }
            Some(Action::Opened(result))
        }
        Effect::CreateScan { path, scan } => {
            let result = create_scan(&path, &scan).map(|()| OpenedScan {
                scan,
                path: path.clone(),
                warnings: Vec::new(),
            });
            if result.is_ok() {
                remember_recent(app, &path);
            }
            Some(Action::Created(result))
        }
        Effect::RefreshStartLists => {
            app.recent = storage::recent::load(&app.paths.recent_file());
            app.folder_scans = list_scans(&app.paths.scans_dir);
            None
        }
    }
}

fn open_scan(app: &App, path: &Path) -> Result<OpenedScan, OpenFailure> {
    let shown = path.display().to_string();
    match storage::load_scan(path) {
        Ok(loaded) => Ok(OpenedScan {
            scan: Box::new(loaded.value),
            path: path.to_path_buf(),
            warnings: loaded
                .warnings
                .iter()
                .map(|problem| app.text.located_problem(&shown, problem))
                .collect(),
        }),
        Err(LoadError::Io { source, .. }) => Err(OpenFailure {
            path: path.to_path_buf(),
            lines: vec![format!("{shown}: {}", (app.text.io_error)(&source))],
        }),
        Err(LoadError::Invalid { problems, .. }) => Err(OpenFailure {
            path: path.to_path_buf(),
            lines: problems
                .iter()
                .map(|problem| app.text.located_problem(&shown, problem))
                .collect(),
        }),
    }
}

/// Creates the folder if needed and writes the new scan, refusing to replace a file.
fn create_scan(path: &Path, scan: &Scan) -> Result<(), String> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|error| error.to_string())?;
    }
    if path.exists() {
        return Err(std::io::Error::from(std::io::ErrorKind::AlreadyExists).to_string());
    }
    storage::save_scan(path, scan).map_err(|error| error.to_string())
}

fn remember_recent(app: &mut App, path: &Path) {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    app.recent.retain(|known| known != &absolute);
    app.recent.insert(0, absolute);
    app.recent.truncate(storage::recent::MAX_RECENT);
    // Failing to remember a recent file must never disturb the meeting.
    let _ = storage::recent::save(&app.paths.recent_file(), &app.recent);
}

/// The `.toml` files directly in the scans folder, newest first.
pub fn list_scans(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut scans: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "toml"))
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .map(|entry| {
            let modified = entry
                .metadata()
                .and_then(|meta| meta.modified())
                .unwrap_or(std::time::UNIX_EPOCH);
            (modified, entry.path())
        })
        .collect();
    scans.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    scans.into_iter().map(|(_, path)| path).collect()
}

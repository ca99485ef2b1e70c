//! Loading many scans for `compare`, `overview` and `merge`: files as given,
//! folders searched (recursively) for scan files, and read on every core
//! (`storage::load_many`). The one place that loads more than one scan.
//! Files that do not load are described as `check` does and never modified.

use std::path::{Path, PathBuf};

use super::Context;
use crate::model::Scan;
use crate::storage;

/// What loading many paths gave.
pub struct LoadedScans {
    /// (path, scan), in the order found: given files first as given, a folder's
    /// files sorted by path.
    pub scans: Vec<(PathBuf, Scan)>,
    /// Lines `file:line:column: message` (and warnings), to print to stderr.
    pub problems: Vec<String>,
    /// How many files failed to load.
    pub failed: usize,
}

/// Every `.toml` under `folder` that looks like a scan, sorted.
fn scan_files_in(folder: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        // Symlinked folders are not followed, so a loop cannot hang the search.
        let is_dir = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
        if is_dir {
            scan_files_in(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "toml") {
            // A framework file in the folder is not a scan and not a problem.
            // A line-level look is enough (and cheap: the files are parsed once,
            // later, in parallel): a scan has `region = …` or `[framework]`.
            // Through the guarded way in: a FIFO or a device is never read.
            let looks_like_scan = storage::input::read_input(&path).is_ok_and(|bytes| {
                String::from_utf8_lossy(&bytes).lines().any(|line| {
                    let line = line.trim_start_matches('\u{feff}').trim();
                    line == "[framework]"
                        || line
                            .strip_prefix("region")
                            .is_some_and(|rest| rest.trim_start().starts_with('='))
                })
            });
            if looks_like_scan {
                found.push(path);
            }
        }
    }
}

/// The scan files `paths` name: files as they are, folders searched.
pub fn scan_files(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for path in paths {
        if path.is_dir() {
            scan_files_in(path, &mut found);
        } else {
            found.push(path.clone());
        }
    }
    found
}

/// Loads every scan `paths` name, on every core (`storage::load_many`, with
/// rayon); the results keep the files' order.
pub fn load_all(context: &Context, paths: &[PathBuf]) -> LoadedScans {
    let files = scan_files(paths);
    let results = files.iter().cloned().zip(storage::load_many(&files));
    let mut loaded = LoadedScans {
        scans: Vec::new(),
        problems: Vec::new(),
        failed: 0,
    };
    for (file, result) in results {
        match result {
            Ok(scan) => {
                let shown = storage::sanitize_for_display(&file.display().to_string());
                for warning in &scan.warnings {
                    loaded
                        .problems
                        .push(context.text.located_problem(&shown, warning));
                }
                loaded.scans.push((file, scan.value));
            }
            Err(error) => {
                loaded.failed += 1;
                loaded
                    .problems
                    .extend(context.describe_load_error(&file, &error));
            }
        }
    }
    loaded
}

/// A scan's name in merge attributions and overview rows: its file name.
pub fn source_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    )
}

pub use super::same_file;

/// Writes `text` to `output` (a device, FIFO or `-` as it is, a regular
/// file atomically) or to standard output.
pub fn emit(context: &Context, text: &str, output: Option<&Path>) -> anyhow::Result<()> {
    super::write_rendered(context, text, output, &[])
}

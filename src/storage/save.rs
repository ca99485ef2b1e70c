//! Atomic saves: write a temporary file beside the target, flush it to disk,
//! rename it over the target, then flush the directory. A reader (or a crash)
//! sees the old file or the new one, never half of one. Only a regular file
//! (or nothing) is replaced: a device, FIFO or folder at the path is refused.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Makes temp names unique within this process; the pid makes them unique across processes.
static TEMP_COUNTER: AtomicUsize = AtomicUsize::new(0);

/// Replaces the file at `path` with `contents`, atomically. The parent
/// directory must exist. An existing file keeps its permissions; a new file
/// gets the usual 0666 minus umask (0644), not the 0600 of a private temp file,
/// so a colleague on a shared drive can still read it.
pub(crate) fn write_atomic(path: &Path, contents: &[u8]) -> io::Result<()> {
    let target = resolve_symlink(path)?;
    super::input::check_replaceable(&target)?;
    let (dir, temp) = temp_path_for(&target)?;
    let result = write_and_rename(&target, &temp, contents);
    if result.is_err() {
        // Best effort: the temp file may not exist (creation failed) or be gone already.
        let _ = fs::remove_file(&temp);
        return result;
    }
    sync_dir(&dir);
    Ok(())
}

/// A symlinked scan is saved through the link: renaming over the link itself
/// would replace it with a regular file and leave the real file stale.
fn resolve_symlink(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path),
        _ => Ok(path.to_path_buf()),
    }
}

/// The directory and a fresh temp path `.<file>.tmp-<pid>-<n>` in it; same
/// directory, so the rename stays on one file system and is atomic.
fn temp_path_for(target: &Path) -> io::Result<(PathBuf, PathBuf)> {
    let file_name = target.file_name().ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidInput,
            format!("not a file path: {}", target.display()),
        )
    })?;
    let dir = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let count = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let mut temp_name = std::ffi::OsString::from(".");
    temp_name.push(file_name);
    temp_name.push(format!(".tmp-{}-{count}", std::process::id()));
    let temp = dir.join(temp_name);
    Ok((dir, temp))
}

fn write_and_rename(target: &Path, temp: &Path, contents: &[u8]) -> io::Result<()> {
    // create_new: never follow or reuse something already at the temp path.
    let mut file = OpenOptions::new().write(true).create_new(true).open(temp)?;
    copy_permissions(target, &file)?;
    file.write_all(contents)?;
    file.sync_all()?;
    drop(file);
    fs::rename(temp, target)
}

/// Removes `.<name>.tmp-<pid>-<n>` files beside `scan` (and beside its
/// resolved target and its hidden journal/owner files) made by another
/// process: only a save killed between creating and renaming its temp file
/// leaves one. The caller holds the scan's lock, so no other zelfscan is
/// saving this scan now; our own pid is skipped all the same.
pub(crate) fn remove_orphaned_temps(scan: &Path) -> Vec<PathBuf> {
    let mut bases = vec![scan.to_path_buf()];
    if let Ok(target) = resolve_symlink(scan)
        && target != scan
    {
        bases.push(target);
    }
    for suffix in ["journal", "owner"] {
        bases.push(super::journal::hidden_sibling(scan, suffix));
    }
    let me = std::process::id();
    let mut removed = Vec::new();
    for base in bases {
        let Some(name) = base.file_name().and_then(|name| name.to_str()) else {
            continue;
        };
        let prefix = format!(".{name}.tmp-");
        let dir = match base.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            let file_name = entry.file_name();
            let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
                continue;
            };
            let Some((pid, count)) = rest.split_once('-') else {
                continue;
            };
            let ours = pid.parse::<u32>().is_ok_and(|pid| pid == me);
            let well_formed = pid.parse::<u32>().is_ok() && count.parse::<usize>().is_ok();
            if ours || !well_formed || !entry.file_type().is_ok_and(|kind| kind.is_file()) {
                continue;
            }
            if fs::remove_file(entry.path()).is_ok() {
                removed.push(entry.path());
            }
        }
    }
    removed
}

/// Gives the temp file the target's permissions, if there is a target.
fn copy_permissions(target: &Path, file: &File) -> io::Result<()> {
    match fs::metadata(target) {
        Ok(meta) => file.set_permissions(meta.permissions()),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(error),
    }
}

/// Makes the rename itself durable (Unix). Errors are ignored: some file
/// systems (network drives, some FUSE mounts) refuse to sync a directory, and
/// by now the new file is in place, so failing the save would be wrong.
#[cfg(unix)]
fn sync_dir(dir: &Path) {
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
    }
}

/// Windows cannot open a directory as a file; the rename is what we get there.
#[cfg(not(unix))]
fn sync_dir(_dir: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temp_names_are_hidden_and_unique() {
        let (dir, first) = temp_path_for(Path::new("scans/regio.toml")).expect("file path");
        let (_, second) = temp_path_for(Path::new("scans/regio.toml")).expect("file path");
        assert_eq!(dir, Path::new("scans"));
        assert_ne!(first, second);
        let name = first
            .file_name()
            .and_then(|name| name.to_str())
            .expect("utf-8 name");
        assert!(name.starts_with(".regio.toml.tmp-"), "{name}");
        let (dir, _) = temp_path_for(Path::new("regio.toml")).expect("file path");
        assert_eq!(dir, Path::new("."));
    }

    #[test]
    fn failed_save_leaves_no_temp_file_and_no_target() {
        let dir = tempfile::tempdir().expect("temp dir");
        // The target is a directory: the rename fails after the temp file was written.
        let target = dir.path().join("scan.toml");
        fs::create_dir(&target).expect("make dir");
        fs::write(target.join("keep"), "x").expect("write");
        assert!(write_atomic(&target, b"new").is_err());
        let names: Vec<_> = fs::read_dir(dir.path())
            .expect("read dir")
            .map(|entry| entry.expect("entry").file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("scan.toml")]);
    }

    #[test]
    fn orphaned_temp_files_of_other_processes_are_removed() {
        let dir = tempfile::tempdir().expect("temp dir");
        let scan = dir.path().join("regio x.toml");
        fs::write(&scan, "x").expect("scan");
        let me = std::process::id();
        let orphans = [
            format!(".regio x.toml.tmp-{}-0", me + 1),
            format!("..regio x.toml.journal.tmp-{}-3", me + 1),
            format!("..regio x.toml.owner.tmp-{}-7", me + 2),
        ];
        let kept = [
            format!(".regio x.toml.tmp-{me}-0"),
            ".regio x.toml.tmp-notes".to_string(),
            ".andere.toml.tmp-1-0".to_string(),
            "regio x.toml".to_string(),
        ];
        for name in orphans.iter().chain(&kept) {
            fs::write(dir.path().join(name), "x").expect("write");
        }
        let mut removed = remove_orphaned_temps(&scan);
        removed.sort();
        let mut expected: Vec<PathBuf> = orphans.iter().map(|n| dir.path().join(n)).collect();
        expected.sort();
        assert_eq!(removed, expected);
        for name in &kept {
            assert!(dir.path().join(name).exists(), "{name} kept");
        }
    }

    #[test]
    fn missing_parent_is_an_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let error = write_atomic(&dir.path().join("nope/scan.toml"), b"x").expect_err("no parent");
        assert_eq!(error.kind(), io::ErrorKind::NotFound);
    }
}

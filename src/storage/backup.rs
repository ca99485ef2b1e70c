//! Keeping the original bytes of a scan before zelfscan first writes a
//! changed form of it (hidden characters cleaned, or an older layout
//! migrated): `<scan>.toml.bak` beside it, never overwriting a different one.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Where [`keep_original`] would keep `bytes` for the scan at `path`:
/// `<scan>.toml.bak`, or when that holds something else `<scan>.toml.bak.1`,
/// `.bak.2`, … — the first that is free or already holds exactly these bytes.
pub fn backup_path(path: &Path, bytes: &[u8]) -> PathBuf {
    let name = path
        .file_name()
        .map_or_else(|| "scan".into(), |name| name.to_string_lossy().into_owned());
    (0..)
        .map(|n| match n {
            0 => path.with_file_name(format!("{name}.bak")),
            n => path.with_file_name(format!("{name}.bak.{n}")),
        })
        .find(|candidate| match std::fs::read(candidate) {
            Ok(existing) => existing == bytes,
            Err(_) => !candidate.exists(),
        })
        .unwrap_or_else(|| path.with_file_name(format!("{name}.bak")))
}

/// Keeps `bytes` (the scan file as it was read) beside `path` before it is
/// replaced, and returns where. An existing backup with the same bytes is
/// reused; a different one is never overwritten. The backup is written to a
/// new file and synced before the caller goes on to replace the scan.
pub fn keep_original(path: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    loop {
        let backup = backup_path(path, bytes);
        if backup.exists() {
            return Ok(backup);
        }
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&backup)
        {
            Ok(mut file) => {
                file.write_all(bytes)?;
                file.sync_all()?;
                return Ok(backup);
            }
            // Someone made it between the look and the create: look again.
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {}
            Err(error) => return Err(error),
        }
    }
}

/// Before a save replaces `path`: when the bytes on disk are a scan of an
/// older `schema_version`, keeps them as a `.bak` and returns its path.
pub fn keep_original_if_older(path: &Path, on_disk: &[u8]) -> io::Result<Option<PathBuf>> {
    match super::scan_schema_version(on_disk) {
        Some(version) if version < super::SCAN_SCHEMA_VERSION => {
            keep_original(path, on_disk).map(Some)
        }
        _ => Ok(None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_different_backup_is_never_overwritten() {
        let dir = tempfile::tempdir().expect("temp dir");
        let scan = dir.path().join("regio.toml");
        let first = keep_original(&scan, b"een").expect("first");
        assert_eq!(first, dir.path().join("regio.toml.bak"));
        // The same bytes again: the same backup, nothing new.
        assert_eq!(keep_original(&scan, b"een").expect("again"), first);
        let second = keep_original(&scan, b"twee").expect("second");
        assert_eq!(second, dir.path().join("regio.toml.bak.1"));
        let third = keep_original(&scan, b"drie").expect("third");
        assert_eq!(third, dir.path().join("regio.toml.bak.2"));
        assert_eq!(std::fs::read(&first).expect("read"), b"een");
        assert_eq!(std::fs::read(&second).expect("read"), b"twee");
        assert_eq!(keep_original(&scan, b"twee").expect("twee"), second);
    }

    #[test]
    fn only_an_older_scan_is_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("scan.toml");
        let old = b"schema_version = 1\nregion = \"x\"\n";
        let kept = keep_original_if_older(&path, old).expect("kept");
        assert_eq!(kept, Some(dir.path().join("scan.toml.bak")));
        let current = b"schema_version = 2\nregion = \"x\"\n";
        let other = dir.path().join("other.toml");
        assert_eq!(keep_original_if_older(&other, current).expect("ok"), None);
        assert_eq!(
            keep_original_if_older(&other, b"not toml [").expect("ok"),
            None
        );
    }
}

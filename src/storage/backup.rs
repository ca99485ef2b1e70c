//! Keeping the original bytes of a file before zelfscan first rewrites it in
//! a newer layout: `<name>.bak` beside it, never over an existing backup.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Writes `original` to a new `.bak` file beside `path` and returns its path:
/// `scan.toml.bak`, or `scan.toml.2.bak`, … when that exists with other
/// bytes. An existing backup with the same bytes is reused.
pub fn keep_original(path: &Path, original: &[u8]) -> io::Result<PathBuf> {
    let name = path
        .file_name()
        .map_or_else(|| "scan".into(), |name| name.to_string_lossy().into_owned());
    for number in 1u32.. {
        let candidate = if number == 1 {
            path.with_file_name(format!("{name}.bak"))
        } else {
            path.with_file_name(format!("{name}.{number}.bak"))
        };
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(mut file) => {
                file.write_all(original)?;
                file.sync_all()?;
                return Ok(candidate);
            }
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
                if std::fs::read(&candidate).is_ok_and(|bytes| bytes == original) {
                    return Ok(candidate);
                }
            }
            Err(error) => return Err(error),
        }
    }
    Err(io::Error::other("no free backup name"))
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
    fn a_backup_never_replaces_another_one() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("scan.toml");
        let first = keep_original(&path, b"een").expect("first");
        assert_eq!(first, dir.path().join("scan.toml.bak"));
        assert_eq!(keep_original(&path, b"een").expect("same"), first);
        let second = keep_original(&path, b"twee").expect("second");
        assert_eq!(second, dir.path().join("scan.toml.2.bak"));
        assert_eq!(std::fs::read(&first).expect("read"), b"een");
        assert_eq!(std::fs::read(&second).expect("read"), b"twee");
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

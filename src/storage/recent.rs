//! The list of recently opened scans, kept in the data folder so the start
//! screen can offer them. Losing this list is harmless; it never blocks work.

use std::path::{Path, PathBuf};

/// How many recent scans the start screen offers.
pub const MAX_RECENT: usize = 8;

/// The recent scans that still exist, newest first. A missing or unreadable
/// list is an empty list.
pub fn load(file: &Path) -> Vec<PathBuf> {
    let Some(text) = super::input::read_input(file)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
    else {
        return Vec::new();
    };
    let Ok(table) = text.parse::<toml::Table>() else {
        return Vec::new();
    };
    table
        .get("files")
        .and_then(toml::Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(toml::Value::as_str)
        .map(PathBuf::from)
        .filter(|path| path.is_file())
        .take(MAX_RECENT)
        .collect()
}

/// Writes the list (atomically: a temp file renamed over the old list).
pub fn save(file: &Path, recent: &[PathBuf]) -> std::io::Result<()> {
    let mut table = toml::Table::new();
    table.insert("schema_version".into(), toml::Value::Integer(1));
    table.insert(
        "files".into(),
        toml::Value::Array(
            recent
                .iter()
                .map(|path| toml::Value::String(path.to_string_lossy().into_owned()))
                .collect(),
        ),
    );
    let text = toml::to_string(&table).map_err(std::io::Error::other)?;
    if let Some(parent) = file.parent() {
        std::fs::create_dir_all(parent)?;
    }
    let temp = file.with_extension(format!("tmp-{}", std::process::id()));
    std::fs::write(&temp, text)?;
    std::fs::rename(&temp, file).inspect_err(|_| {
        let _ = std::fs::remove_file(&temp);
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_existing_files_in_order_and_drops_missing_ones() {
        let dir = tempfile::tempdir().expect("temp dir");
        let first = dir.path().join("a.toml");
        let second = dir.path().join("b.toml");
        std::fs::write(&first, "").expect("write");
        std::fs::write(&second, "").expect("write");
        let list = dir.path().join("data/recent.toml");
        save(
            &list,
            &[second.clone(), dir.path().join("gone.toml"), first.clone()],
        )
        .expect("save");
        assert_eq!(load(&list), vec![second, first]);
    }

    #[test]
    fn a_broken_list_is_an_empty_list() {
        let dir = tempfile::tempdir().expect("temp dir");
        let list = dir.path().join("recent.toml");
        std::fs::write(&list, "files = [").expect("write");
        assert!(load(&list).is_empty());
        assert!(load(&dir.path().join("missing.toml")).is_empty());
    }
}

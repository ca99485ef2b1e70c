//! A glance at a scan file for the start screen: region, date and progress,
//! without loading and validating the whole scan. Cheap on purpose: only
//! files up to [`MAX_BYTES`] are read, and only [`MAX_FILES`] of them, so a
//! full scans folder cannot slow the start screen down.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::model::Agreement;

/// Files larger than this are listed by name only.
pub const MAX_BYTES: u64 = 256 * 1024;
/// At most this many files are read for one start screen.
pub const MAX_FILES: usize = 24;

/// What the start screen shows about a scan besides its file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScanPreview {
    pub region: String,
    /// As written in the file (a date like 2026-11-25).
    pub date: String,
    pub answered: usize,
    pub total: usize,
}

/// The preview of one scan file, or `None` when it cannot be read cheaply
/// (too large, not TOML, not a scan).
pub fn read(path: &Path) -> Option<ScanPreview> {
    let file = std::fs::File::open(path).ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut source = String::new();
    // One byte more than allowed tells a file that is too large.
    file.take(MAX_BYTES + 1).read_to_string(&mut source).ok()?;
    if source.len() as u64 > MAX_BYTES {
        return None;
    }
    parse(&source)
}

/// The preview from a scan file's text.
pub fn parse(source: &str) -> Option<ScanPreview> {
    let root: toml::Table = toml::from_str(source.trim_start_matches('\u{feff}')).ok()?;
    let region = root.get("region")?.as_str()?.to_string();
    let date = match root.get("date")? {
        toml::Value::String(text) => text.clone(),
        other => other.to_string(),
    };
    let total = root
        .get("framework")
        .and_then(|framework| framework.get("themes"))
        .and_then(toml::Value::as_array)
        .map_or(0, |themes| {
            themes
                .iter()
                .filter_map(|theme| theme.get("criteria").and_then(toml::Value::as_array))
                .map(Vec::len)
                .sum()
        });
    // Answered as in the model: a joint answer, or recorded disagreement.
    let answered = root
        .get("answers")
        .and_then(toml::Value::as_table)
        .map_or(0, |answers| {
            answers
                .values()
                .filter(|answer| {
                    answer.get("consensus").is_some()
                        || answer.get("agreement").and_then(toml::Value::as_str)
                            == Some(Agreement::NoConsensus.key())
                })
                .count()
        });
    Some(ScanPreview {
        region: crate::storage::sanitize_for_display(&region),
        date: crate::storage::sanitize_for_display(&date),
        answered,
        total,
    })
}

/// Previews for the first [`MAX_FILES`] of `paths` that can be read.
pub fn read_many<'a>(
    paths: impl IntoIterator<Item = &'a PathBuf>,
) -> HashMap<PathBuf, ScanPreview> {
    paths
        .into_iter()
        .take(MAX_FILES)
        .filter_map(|path| read(path).map(|preview| (path.clone(), preview)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scan_shows_region_date_and_progress() {
        let source = r#"
schema_version = 1
region = "Regio Test"
date = "2026-11-25"

[answers.A]
consensus = 3

[answers.B]
agreement = "geen_consensus"

[answers.C.gemeenten]
score = 2

[framework]
[[framework.themes]]
id = "T1"
[[framework.themes.criteria]]
id = "A"
[[framework.themes.criteria]]
id = "B"
[[framework.themes.criteria]]
id = "C"
"#;
        assert_eq!(
            parse(source),
            Some(ScanPreview {
                region: "Regio Test".into(),
                date: "2026-11-25".into(),
                answered: 2,
                total: 3,
            })
        );
    }

    #[test]
    fn anything_else_has_no_preview() {
        assert_eq!(parse("not toml ["), None);
        assert_eq!(parse("id = \"framework\""), None);
    }
}

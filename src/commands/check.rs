//! `zelfscan check FILE...`: validate scan and framework files without
//! changing them. Exit 0 when all are valid, 1 when problems were found
//! (hidden characters included, though such a scan still opens), 2 when a
//! file could not be read at all.

use std::path::Path;
use std::process::ExitCode;

use super::Context;
use crate::i18n::Catalogue;
use crate::storage::{self, FileKind, LoadError};

pub fn run(context: &Context, files: &[impl AsRef<Path> + Sync]) -> anyhow::Result<ExitCode> {
    let text = context.text;
    let mut found_problems = false;
    let mut unreadable = false;
    // Read and parsed on every core; told in the order given.
    let results = storage::check_many(files);
    for (file, result) in files.iter().zip(results) {
        let file = file.as_ref();
        let shown = storage::sanitize_for_display(&file.display().to_string());
        let mut id_taken = false;
        let result = result.map(|(kind, warnings)| {
            if matches!(kind, FileKind::Framework) {
                id_taken = bundled_id_reused(text, file, &shown);
            }
            warnings
        });
        match result {
            Ok(warnings) => {
                // Hidden characters do not stop a scan from opening, but they
                // are a problem to clean: `check` says so in its exit code.
                let to_clean = warnings.iter().any(storage::Problem::needs_cleaning);
                found_problems |= to_clean || id_taken;
                for line in text.located_problems(&shown, &warnings) {
                    println!("{line}");
                }
                if !to_clean && !id_taken {
                    println!("{}", (text.check_ok)(&shown));
                }
            }
            Err(error) => {
                if matches!(error, LoadError::Io { .. }) {
                    unreadable = true;
                } else {
                    found_problems = true;
                }
                for line in context.describe_load_error(file, &error) {
                    println!("{line}");
                }
            }
        }
    }
    Ok(if unreadable {
        ExitCode::from(2)
    } else if found_problems {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Reusing a bundled framework's id makes "which framework" ambiguous: says
/// so, and whether it was.
fn bundled_id_reused(text: &Catalogue, file: &Path, shown: &str) -> bool {
    let (Ok(bytes), Ok(loaded)) = (
        storage::input::read_input(file),
        storage::load_framework(file),
    ) else {
        return false;
    };
    let source = String::from_utf8_lossy(&bytes);
    let taken = storage::bundled_framework_with_id(&loaded.value.id, &source)
        .filter(|(_, same_text)| !same_text);
    match taken {
        Some((bundled, _)) => {
            let id = storage::sanitize_for_display(&loaded.value.id);
            println!("{shown}: {}", (text.framework_id_taken)(&id, bundled));
            true
        }
        None => false,
    }
}

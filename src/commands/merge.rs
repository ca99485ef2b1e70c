//! `zelfscan merge FILE... --output OUT`: gather scans of one framework
//! (homework of several sides or participants) into a new scan. Exit 0 for a
//! clean merge, 1 when conflicts (or unmatched values) remain for a person,
//! 2 on an error. Inputs are never modified and OUT may not be one of them.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Context;
use super::scans::{load_all, same_file, source_name};
use crate::model::merge::{MergeError, MergeOutcome, merge};
use crate::storage;

pub fn run(context: &Context, files: &[PathBuf], output: &Path) -> anyhow::Result<ExitCode> {
    let text = context.text;
    let shown_output = storage::sanitize_for_display(&output.display().to_string());
    if files
        .iter()
        .any(|file| file == output || same_file(file, output))
    {
        anyhow::bail!((text.many.output_is_input)(&shown_output));
    }
    if output.exists() {
        anyhow::bail!((text.file_exists)(&shown_output));
    }
    let loaded = load_all(context, files);
    for line in &loaded.problems {
        eprintln!("{line}");
    }
    if loaded.failed > 0 {
        eprintln!("{}", (text.many.not_loaded)(loaded.failed));
        return Ok(ExitCode::from(2));
    }
    let named: Vec<(String, crate::model::Scan)> = loaded
        .scans
        .into_iter()
        .map(|(path, scan)| (source_name(&path), scan))
        .collect();
    let outcome = match merge(&named) {
        Ok(outcome) => outcome,
        Err(MergeError::DifferentFrameworks { first, other }) => {
            anyhow::bail!((text.many.different_frameworks)(&first, &other))
        }
        Err(MergeError::NoInputs) => anyhow::bail!(text.many.no_scans),
    };
    storage::save_scan(output, &outcome.scan).map_err(|error| {
        anyhow::anyhow!((text.many.write_failed)(&shown_output, &error.to_string()))
    })?;
    Ok(report_outcome(context, &outcome, &shown_output))
}

/// Tells what needs a person and gives the exit code for it.
pub fn report_outcome(context: &Context, outcome: &MergeOutcome, shown_output: &str) -> ExitCode {
    let text = context.text;
    for item in &outcome.unmatched {
        eprintln!(
            "{}",
            storage::sanitize_for_display(&(text.many.unmatched)(
                &item.from,
                &item.criterion_id,
                &item.field
            ))
        );
    }
    for field in &outcome.meta_differences {
        eprintln!(
            "{}",
            storage::sanitize_for_display(&(text.many.meta_difference)(field))
        );
    }
    if outcome.conflicts > 0 {
        println!(
            "{}",
            (text.many.merged_with_conflicts)(shown_output, outcome.conflicts)
        );
    } else {
        println!("{}", (text.many.merged_clean)(shown_output));
    }
    if outcome.is_clean() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

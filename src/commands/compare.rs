//! `zelfscan compare OLD NEW [--format md|html|csv|json] [--output OUT]`:
//! two scans of a region side by side. A scan that does not load is
//! explained as `check` does and nothing is written (exit 2).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Context;
use super::scans::{emit, load_all, same_file};
use crate::model::compare::compare;
use crate::report::{Format, render_comparison};

pub fn run(
    context: &Context,
    old: &Path,
    new: &Path,
    format: Format,
    output: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let mut scans = Vec::new();
    let mut failed = false;
    for file in [old, new] {
        let loaded = load_all(context, &[PathBuf::from(file)]);
        for line in &loaded.problems {
            eprintln!("{line}");
        }
        failed |= loaded.failed > 0 || loaded.scans.is_empty();
        scans.extend(loaded.scans);
    }
    if failed || scans.len() != 2 {
        return Ok(ExitCode::from(2));
    }
    if let Some(output) = output
        && (same_file(old, output) || same_file(new, output))
    {
        let shown = crate::storage::sanitize_for_display(&output.display().to_string());
        anyhow::bail!((context.text.many.output_is_input)(&shown));
    }
    let comparison = compare(&scans[0].1, &scans[1].1);
    emit(
        context,
        &render_comparison(&comparison, format, context.text),
        output,
    )?;
    Ok(ExitCode::SUCCESS)
}

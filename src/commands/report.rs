//! `zelfscan report FILE [--format md|html|csv|json] [--output OUT]`: render a
//! scan as a report, to standard output or atomically to a file (`-`, a
//! device or a FIFO is written as it is, never replaced). A scan that
//! does not load is explained as `check` does (`file:line:column: message`)
//! and nothing is written.

use std::path::Path;
use std::process::ExitCode;

use super::Context;
use crate::report::{self, Format};
use crate::storage;

pub fn run(
    context: &Context,
    file: &Path,
    format: Format,
    output: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let text = context.text;
    let loaded = match storage::load_scan(file) {
        Ok(loaded) => loaded,
        Err(error) => {
            for line in context.describe_load_error(file, &error) {
                eprintln!("{line}");
            }
            return Ok(ExitCode::from(2));
        }
    };
    let shown = storage::sanitize_for_display(&file.display().to_string());
    for line in text.located_problems(&shown, &loaded.warnings) {
        eprintln!("{line}");
    }
    let rendered = report::render(&loaded.value, format, text);
    super::write_rendered(context, &rendered, output, &[file])?;
    Ok(ExitCode::SUCCESS)
}

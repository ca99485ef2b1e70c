//! `zelfscan actions FILE... [--format md|csv|json|ics] [--output OUT]`: the
//! actions of one or more scans as one list, to standard output or atomically
//! to a file. A scan that does not load is explained as `check` does and
//! nothing is written.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Context;
use crate::report::actions::{ActionsFormat, render_actions};
use crate::storage;

pub fn run(
    context: &Context,
    files: &[PathBuf],
    format: ActionsFormat,
    output: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let text = context.text;
    let mut scans = Vec::with_capacity(files.len());
    let mut failed = false;
    for file in files {
        match storage::load_scan(file) {
            Ok(loaded) => {
                let shown = storage::sanitize_for_display(&file.display().to_string());
                for warning in &loaded.warnings {
                    eprintln!("{}", text.located_problem(&shown, warning));
                }
                scans.push(loaded.value);
            }
            Err(error) => {
                failed = true;
                for line in context.describe_load_error(file, &error) {
                    eprintln!("{line}");
                }
            }
        }
    }
    if failed {
        return Ok(ExitCode::from(2));
    }
    let now = jiff::Timestamp::now();
    let today = now.to_zoned_datetime(jiff::tz::TimeZone::system()).date();
    let scans: Vec<&crate::model::Scan> = scans.iter().collect();
    let rendered = render_actions(&scans, format, text, today, now);
    let inputs: Vec<&Path> = files.iter().map(AsRef::as_ref).collect();
    super::write_rendered(context, &rendered, output, &inputs)?;
    Ok(ExitCode::SUCCESS)
}

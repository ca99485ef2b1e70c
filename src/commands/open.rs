//! `zelfscan open FILE`: the walkthrough of an existing scan.

use std::path::Path;
use std::process::ExitCode;

use super::Context;
use crate::storage;
use crate::tui::effect::Effect;

pub fn run(context: &Context, file: &Path) -> anyhow::Result<ExitCode> {
    // Read and check before the screen switches, so a broken file is
    // explained on the command line, where it can be copied; the scan as
    // read is what opens (read once, parsed once). A scan from a newer
    // zelfscan still opens: read-only, with an explanation on screen.
    let first = match storage::recovery::read_scan_file(file) {
        Ok(read) => Effect::OpenScanFile {
            path: file.to_path_buf(),
            file: Box::new(read),
        },
        Err(error) if storage::is_newer_schema(&error) => Effect::OpenScan(file.to_path_buf()),
        Err(error) => {
            for line in context.describe_load_error(file, &error) {
                eprintln!("{line}");
            }
            return Ok(ExitCode::from(2));
        }
    };
    crate::tui::terminal::run(context.app_for_open(), Some(first))?;
    Ok(ExitCode::SUCCESS)
}

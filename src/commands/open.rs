//! `zelfscan open FILE`: the walkthrough of an existing scan.

use std::path::Path;
use std::process::ExitCode;

use super::Context;
use crate::storage;

pub fn run(context: &Context, file: &Path) -> anyhow::Result<ExitCode> {
    // Check before the screen switches, so a broken file is explained on the
    // command line, where it can be copied.
    if let Err(error) = storage::load_scan(file) {
        for line in context.describe_load_error(file, &error) {
            eprintln!("{line}");
        }
        return Ok(ExitCode::from(2));
    }
    let app = context.app();
    crate::tui::terminal::run(
        app,
        Some(crate::tui::effect::Effect::OpenScan(file.to_path_buf())),
    )?;
    Ok(ExitCode::SUCCESS)
}

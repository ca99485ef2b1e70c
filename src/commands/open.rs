//! `zelfscan open FILE [--previous OLD]`: the walkthrough of an existing
//! scan, with last time from OLD (or an earlier scan found beside FILE).

use std::path::Path;
use std::process::ExitCode;

use super::Context;
use crate::storage;

pub fn run(context: &Context, file: &Path, previous: Option<&Path>) -> anyhow::Result<ExitCode> {
    // Check before the screen switches, so a broken file is explained on the
    // command line, where it can be copied. A scan from a newer zelfscan still
    // opens: read-only, with an explanation on screen.
    match storage::load_scan(file) {
        Err(error) if !storage::is_newer_schema(&error) => {
            for line in context.describe_load_error(file, &error) {
                eprintln!("{line}");
            }
            return Ok(ExitCode::from(2));
        }
        _ => {}
    }
    // `--previous` that does not load is explained here too, before the screen.
    if let Some(previous) = previous
        && let Err(error) = storage::load_scan(previous)
    {
        for line in context.describe_load_error(previous, &error) {
            eprintln!("{line}");
        }
        return Ok(ExitCode::from(2));
    }
    let mut app = context.app();
    app.previous_wanted = previous.map(Path::to_path_buf);
    crate::tui::terminal::run(
        app,
        Some(crate::tui::effect::Effect::OpenScan(file.to_path_buf())),
    )?;
    Ok(ExitCode::SUCCESS)
}

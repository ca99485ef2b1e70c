//! `zelfscan open FILE [--previous OLD]`: the walkthrough of an existing
//! scan, with last time from OLD (or an earlier scan found beside FILE).

use std::path::Path;
use std::process::ExitCode;

use super::Context;
use crate::storage;
use crate::tui::effect::Effect;

pub fn run(context: &Context, file: &Path, previous: Option<&Path>) -> anyhow::Result<ExitCode> {
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
    // `--previous` that does not load is explained here too, before the screen.
    if let Some(previous) = previous
        && let Err(error) = storage::load_scan(previous)
    {
        for line in context.describe_load_error(previous, &error) {
            eprintln!("{line}");
        }
        return Ok(ExitCode::from(2));
    }
    let mut app = context.app_for_open();
    app.previous_wanted = previous.map(Path::to_path_buf);
    crate::tui::terminal::run(app, Some(first))?;
    Ok(ExitCode::SUCCESS)
}

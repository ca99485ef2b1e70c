//! `zelfscan check FILE...`: validate scan and framework files without
//! changing them. Exit 0 when all are valid, 1 when problems were found, 2 when
//! a file could not be read at all.

use std::path::Path;
use std::process::ExitCode;

use super::Context;
use crate::storage::{self, LoadError};

pub fn run(context: &Context, files: &[impl AsRef<Path> + Sync]) -> anyhow::Result<ExitCode> {
    let text = context.text;
    let mut found_problems = false;
    let mut unreadable = false;
    // Read and parsed on every core; told in the order given.
    let results = storage::check_many(files);
    for (file, result) in files.iter().zip(results) {
        let file = file.as_ref();
        let shown = storage::sanitize_for_display(&file.display().to_string());
        let result = result.map(|(_, warnings)| warnings);
        match result {
            Ok(warnings) => {
                for warning in &warnings {
                    println!("{}", text.located_problem(&shown, warning));
                }
                println!("{}", (text.check_ok)(&shown));
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

//! `zelfscan check FILE...`: validate scan and framework files without
//! changing them. Exit 0 when all are valid, 1 when problems were found, 2 when
//! a file could not be read at all.

use std::path::Path;
use std::process::ExitCode;

use super::Context;
use crate::storage::{self, FileKind, LoadError};

pub fn run(context: &Context, files: &[impl AsRef<Path>]) -> anyhow::Result<ExitCode> {
    let text = context.text;
    let mut found_problems = false;
    let mut unreadable = false;
    for file in files {
        let file = file.as_ref();
        let shown = storage::sanitize_for_display(&file.display().to_string());
        let kind = storage::input::read_input(file)
            .ok()
            .and_then(|bytes| storage::detect_kind(&String::from_utf8_lossy(&bytes)));
        let result = match kind {
            Some(FileKind::Framework) => storage::load_framework(file).map(|l| l.warnings),
            // A scan is the default: its messages explain what a scan needs.
            _ => storage::load_scan(file).map(|l| l.warnings),
        };
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

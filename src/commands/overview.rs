//! `zelfscan overview PATH... [--format md|html|csv|json] [--output OUT]
//! [--min-group N]`: one picture of many scans. Files that do not load are
//! listed (file:line:column) and left alone; the rest is still shown, and
//! the exit code is then 1.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Context;
use super::scans::{emit, load_all, source_name};
use crate::model::overview::overview;
use crate::report::{Format, render_overview};

pub fn run(
    context: &Context,
    paths: &[PathBuf],
    format: Format,
    output: Option<&Path>,
    min_group: usize,
) -> anyhow::Result<ExitCode> {
    let loaded = load_all(context, paths);
    for line in &loaded.problems {
        eprintln!("{line}");
    }
    if loaded.failed > 0 {
        eprintln!("{}", (context.text.many.not_loaded)(loaded.failed));
    }
    if let Some(output) = output
        && loaded
            .scans
            .iter()
            .any(|(path, _)| super::scans::same_file(path, output))
    {
        let shown = crate::storage::sanitize_for_display(&output.display().to_string());
        anyhow::bail!((context.text.many.output_is_input)(&shown));
    }
    let named: Vec<(String, crate::model::Scan)> = loaded
        .scans
        .into_iter()
        .map(|(path, scan)| (source_name(&path), scan))
        .collect();
    let picture = overview(&named, min_group);
    emit(
        context,
        &render_overview(&picture, format, context.text),
        output,
    )?;
    Ok(if loaded.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// The same overview on screen: `overview --interactive`.
pub fn run_interactive(
    context: &Context,
    paths: &[PathBuf],
    min_group: usize,
) -> anyhow::Result<ExitCode> {
    let loaded = load_all(context, paths);
    let named: Vec<(String, crate::model::Scan)> = loaded
        .scans
        .into_iter()
        .map(|(path, scan)| (source_name(&path), scan))
        .collect();
    let mut app = context.app();
    app.screen = crate::tui::app::Screen::Overview(Box::new(crate::tui::app::OverviewScreen {
        overview: overview(&named, min_group),
        problems: loaded.problems,
        failed: loaded.failed,
        group: 0,
        view: crate::tui::app::OverviewView::Rows,
        selected: 0,
    }));
    crate::tui::terminal::run(app, None)?;
    Ok(if loaded.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

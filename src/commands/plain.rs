//! `zelfscan open --plain FILE` (and `open` when `TERM=dumb`): the driver of
//! the line-by-line walkthrough. It opens the scan as the full-screen
//! interface does (lock, journal recovery) through `tui::effect`, feeds each
//! input line to the pure [`PlainSession`], journals the edits before it
//! prints the confirmation, and saves with the same checkpoint at `opslaan`,
//! `stop` and the end of input.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::Context;
use crate::i18n::Catalogue;
use crate::model::Scan;
use crate::plain::{PlainSession, Reply, Request};
use crate::storage;
use crate::storage::journal::journal_path;
use crate::tui::action::{Action, Moved, SaveReport};
use crate::tui::app::{App, Screen, Walkthrough};
use crate::tui::effect::{self, Effect, Io};

/// Plain mode when asked for, or when the terminal cannot do more.
pub fn wanted(flag: bool) -> bool {
    flag || std::env::var_os("TERM").is_some_and(|term| term == "dumb")
}

/// Runs the plain walkthrough on standard input and output.
pub fn run(context: &Context, file: &Path) -> anyhow::Result<ExitCode> {
    let input = std::io::stdin().lock();
    let output = std::io::stdout().lock();
    run_with(context, file, input, output)
}

/// The driver over any input and output, so it can be tested without a terminal.
pub fn run_with(
    context: &Context,
    file: &Path,
    mut input: impl BufRead,
    mut output: impl Write,
) -> anyhow::Result<ExitCode> {
    let text = context.text;
    let mut app = context.app();
    let mut io = Io::from_env();
    let opened = match effect::run(Effect::OpenScan(file.to_path_buf()), &mut app, &mut io) {
        Some(Action::Opened(Ok(opened))) => opened,
        Some(Action::Opened(Err(failure))) => {
            for line in &failure.lines {
                eprintln!("{line}");
            }
            return Ok(ExitCode::from(2));
        }
        Some(Action::Locked { owner, .. }) => {
            eprintln!("{}", (text.locked_explained)(&owner));
            eprintln!("{}", text.plain.locked_hint);
            return Ok(ExitCode::from(2));
        }
        _ => anyhow::bail!((text.open_failed_title)(&shown(file))),
    };
    if opened.read_only {
        // Only a scan from a newer zelfscan opens read-only (a locked one was
        // refused above); this mode has no read-only view.
        for line in &opened.warnings {
            eprintln!("{line}");
        }
        eprintln!("{}", text.plain.newer_refused);
        return Ok(ExitCode::from(2));
    }
    let mut scan = *opened.scan;
    let mut path = opened.path;
    for line in opened.recovered.iter().chain(&opened.warnings) {
        writeln!(output, "{line}")?;
    }

    let mut session = PlainSession::new(text, &scan);
    print_lines(&mut output, &session.opening(&scan))?;
    while !session.is_finished() {
        write!(output, "{}", session.prompt(&scan))?;
        output.flush()?;
        let mut bytes = Vec::new();
        let reply = if input.read_until(b'\n', &mut bytes)? == 0 {
            // End of input: end the prompt's line, keep a note in progress.
            writeln!(output)?;
            session.end_of_input(&mut scan, jiff::Timestamp::now())
        } else {
            let line = String::from_utf8_lossy(&bytes);
            session.handle(&mut scan, &line, jiff::Timestamp::now())
        };
        deliver(text, &mut io, &mut output, &reply)?;
        if reply.request == Some(Request::Save) {
            let saved = save(&mut app, &mut io, &scan, &path);
            report_save(text, &mut output, &mut path, &saved, false)?;
        }
    }

    let saved = save(&mut app, &mut io, &scan, &path);
    report_save(text, &mut output, &mut path, &saved, true)?;
    if saved.is_ok() {
        // Everything is in the file: the journal goes, the lock is released.
        io.close();
        Ok(ExitCode::SUCCESS)
    } else {
        // The journal stays where it is, so reopening restores the work.
        io.sync_journal();
        Ok(ExitCode::from(2))
    }
}

/// Journals the edits first, then prints: what is on screen is never lost.
fn deliver(
    text: &Catalogue,
    io: &mut Io,
    output: &mut impl Write,
    reply: &Reply,
) -> std::io::Result<()> {
    if !reply.edits.is_empty()
        && let Some(journal) = &mut io.journal
    {
        // A screen reader user cannot see a banner; the problem is said in
        // words before the confirmation it concerns.
        match journal.append(&reply.edits).and_then(|()| journal.sync()) {
            Ok(()) => {}
            Err(error) => writeln!(
                output,
                "{}",
                (text.plain.journal_failed)(&error.to_string())
            )?,
        }
    }
    print_lines(output, &reply.lines)
}

fn print_lines(output: &mut impl Write, lines: &[String]) -> std::io::Result<()> {
    for line in lines {
        writeln!(output, "{line}")?;
    }
    output.flush()
}

/// A checkpoint through the interface's own save: the outside-change check,
/// the conflict copy, the journal's checkpoint record and a fresh journal.
fn save(app: &mut App, io: &mut Io, scan: &Scan, path: &Path) -> Result<SaveReport, String> {
    app.now = jiff::Timestamp::now();
    app.screen = Screen::Walkthrough(Box::new(Walkthrough::new(scan.clone(), path.to_path_buf())));
    match effect::run(Effect::SaveScan { auto: false }, app, io) {
        Some(Action::Saved(result)) => result,
        _ => Err(String::new()),
    }
}

fn report_save(
    text: &Catalogue,
    output: &mut impl Write,
    path: &mut PathBuf,
    saved: &Result<SaveReport, String>,
    closing: bool,
) -> std::io::Result<()> {
    match saved {
        Ok(report) => {
            if report.moved == Some(Moved::ConflictCopy) {
                writeln!(
                    output,
                    "{}",
                    (text.conflict_explained)(&shown(path), &shown(&report.path))
                )?;
            }
            if let Some(kept) = &report.backup {
                writeln!(output, "{}", (text.agenda.backup_kept)(&shown(kept)))?;
            }
            *path = report.path.clone();
            let line = if closing {
                (text.plain.saved_and_closed)(&shown(path))
            } else {
                (text.saved_to)(&shown(path))
            };
            writeln!(output, "{line}")?;
        }
        Err(error) => writeln!(
            output,
            "{}",
            (text.plain.save_failed)(error, &shown(&journal_path(path)))
        )?,
    }
    output.flush()
}

fn shown(path: &Path) -> String {
    storage::sanitize_for_display(&path.display().to_string())
}

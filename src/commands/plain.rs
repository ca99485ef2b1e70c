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
    let mut talk = Conversation {
        app: &mut app,
        io: &mut io,
        scan: &mut scan,
        path: &mut path,
        session: &mut session,
    };
    // End of input, `stop`, or input or output that stopped working: the
    // checkpoint below comes in every case.
    let broken = talk.run(text, &mut input, &mut output).err();
    if let Some(error) = &broken {
        eprintln!("{}", (text.plain.input_failed)(&shown_error(error)));
    }

    let saved = save(&mut app, &mut io, &scan, &path);
    // The output may be gone; the exit code still says how it ended.
    let _ = report_save(text, &mut output, &mut path, &saved, true);
    if saved.is_ok() {
        // Everything is in the file: the journal goes, the lock is released.
        io.close();
    } else {
        // The journal stays where it is, so reopening restores the work.
        io.sync_journal();
    }
    Ok(if saved.is_ok() && broken.is_none() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    })
}

/// One read from the input.
enum Input {
    /// A line, with its line ending if it had one.
    Line(Vec<u8>),
    /// The input ended (a read returned nothing).
    End,
    /// The input cannot be read any more (a terminal that went away, ...).
    Failed(std::io::Error),
}

fn read_line(input: &mut impl BufRead) -> Input {
    let mut bytes = Vec::new();
    // `read_until` retries an interrupted read itself; every other error
    // ends the input, as the end of input does.
    match input.read_until(b'\n', &mut bytes) {
        Ok(0) => Input::End,
        Ok(_) => Input::Line(bytes),
        Err(error) => Input::Failed(error),
    }
}

/// The scan being worked on, and what the conversation about it needs.
struct Conversation<'a> {
    app: &'a mut App,
    io: &'a mut Io,
    scan: &'a mut Scan,
    path: &'a mut PathBuf,
    session: &'a mut PlainSession,
}

impl Conversation<'_> {
    /// Asks and answers until `stop` or the end of input (`Ok`), or until the
    /// input or output fails (`Err`). After the end of input nothing more is
    /// read: the loop ends there whatever state the session is in.
    fn run(
        &mut self,
        text: &Catalogue,
        input: &mut impl BufRead,
        output: &mut impl Write,
    ) -> std::io::Result<()> {
        print_lines(output, &self.session.opening(self.scan))?;
        while !self.session.is_finished() {
            write!(output, "{}", for_terminal(&self.session.prompt(self.scan)))?;
            output.flush()?;
            let now = jiff::Timestamp::now();
            let (reply, ended) = match read_line(input) {
                Input::Line(bytes) => {
                    let line = String::from_utf8_lossy(&bytes);
                    (self.session.handle(self.scan, &line, now), Ok(false))
                }
                // The end keeps a note in progress (in the scan, which is saved
                // next, even if the output fails from here).
                Input::End => (self.session.end_of_input(self.scan, now), Ok(true)),
                Input::Failed(error) => (self.session.end_of_input(self.scan, now), Err(error)),
            };
            if matches!(ended, Ok(true)) {
                // Ends the prompt's line.
                writeln!(output)?;
            }
            deliver(text, self.io, output, &reply)?;
            if ended? {
                return Ok(());
            }
            if reply.request == Some(Request::Save) {
                let saved = save(self.app, self.io, self.scan, self.path);
                report_save(text, output, self.path, &saved, false)?;
            }
        }
        Ok(())
    }
}

fn shown_error(error: &std::io::Error) -> String {
    storage::sanitize_for_display(&error.to_string())
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
        writeln!(output, "{}", for_terminal(line))?;
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
            let line = match (closing, report.unchanged) {
                (true, false) => (text.plain.saved_and_closed)(&shown(path)),
                (true, true) => (text.plain.unchanged_and_closed)(&shown(path)),
                (false, false) => (text.saved_to)(&shown(path)),
                (false, true) => (text.nothing_to_save)(&shown(path)),
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

/// Text from a scan as it may reach the terminal: line breaks and tabs stay,
/// every other control or invisible format character (a lone carriage return
/// that would overwrite what a person reads, an ESC) becomes its marker.
fn for_terminal(line: &str) -> String {
    use crate::model::gate::{is_hidden, marker};
    line.chars()
        .map(|c| {
            if is_hidden(c) && !matches!(c, '\n' | '\t') {
                marker(c)
            } else {
                c.to_string()
            }
        })
        .collect()
}

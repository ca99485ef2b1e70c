//! Opening a scan for the interface: the file is read and parsed once, and
//! what the first frame does not need (owner file, journal, recent list, with
//! their fsyncs) waits until after it, but never past the first edit: no
//! edit is shown before it is in the journal.

mod support;

use std::path::{Path, PathBuf};

use zelfscan::i18n::Lang;
use zelfscan::model::{Scan, ScanMeta};
use zelfscan::storage::journal::{journal_path, read_journal};
use zelfscan::storage::lock::{self, LockOutcome, Owner};
use zelfscan::storage::{self, recovery};
use zelfscan::tui::action::Action;
use zelfscan::tui::app::App;
use zelfscan::tui::effect::{self, Effect, Io};
use zelfscan::tui::terminal::dispatch;
use zelfscan::tui::update::update;

fn scan(region: &str) -> Scan {
    let meta = ScanMeta {
        region: region.into(),
        date: "2026-11-25".parse().expect("date"),
        facilitator: "Anna de Vries".into(),
        note_taker: "Bram Jansen".into(),
        participants: Vec::new(),
    };
    Scan::new(meta, storage::bundled_frameworks().remove(0))
}

fn app(home: &Path) -> App {
    support::app_under(home)
}

fn owner_file(path: &Path) -> PathBuf {
    path.with_file_name(".zeeduinen.toml.owner")
}

/// A scan file in a fresh home, and an app and driver-style `Io` for it.
fn setup() -> (tempfile::TempDir, PathBuf, App, Io) {
    let home = tempfile::tempdir().expect("temp dir");
    let path = home.path().join("zeeduinen.toml");
    storage::save_scan(&path, &scan("Regio Zeeduinen")).expect("save");
    let app = app(home.path());
    let mut io = Io::default();
    io.defer_opening = true;
    (home, path, app, io)
}

#[test]
fn the_first_frame_waits_for_no_write_but_the_lock_is_taken() {
    let (_home, path, mut app, mut io) = setup();
    support::open_scan(&mut app, &mut io, &path);
    assert!(app.walkthrough().is_some());
    assert!(
        !journal_path(&path).exists(),
        "journal after the first frame"
    );
    assert!(
        !owner_file(&path).exists(),
        "owner file after the first frame"
    );
    assert!(
        !app.paths.recent_file().exists(),
        "recent list after it too"
    );
    // The lock itself is held from the start: a second opener is refused.
    let other = Owner {
        pid: std::process::id() + 1,
        ..Owner::me(app.now)
    };
    assert!(matches!(
        lock::acquire(&path, &other).expect("lock"),
        LockOutcome::HeldBy(_)
    ));

    // After the first frame the driver finishes opening.
    assert!(!io.finish_opening(&mut app), "nothing new to show");
    assert!(journal_path(&path).exists());
    assert!(owner_file(&path).exists());
    assert!(app.paths.recent_file().exists());
    assert!(!io.finish_opening(&mut app), "once");
}

#[test]
fn the_first_edit_is_journaled_even_before_the_driver_finished_opening() {
    let (_home, path, mut app, mut io) = setup();
    support::open_scan(&mut app, &mut io, &path);
    assert!(!journal_path(&path).exists());
    // A key before `finish_opening` ran: the journal is made, then written.
    dispatch(&mut app, &mut io, Action::SetScore(3));
    let read = read_journal(&path).expect("reads").expect("a journal");
    assert_eq!(read.edits.len(), 1, "{read:?}");
    assert_eq!(
        read.base,
        zelfscan::storage::journal::content_hash(&std::fs::read(&path).expect("read")),
        "the journal belongs to the file as opened"
    );
    // A crash now: reopening replays the edit.
    let reopened = recovery::open_with_journal(&path, true).expect("opens");
    assert!(matches!(
        reopened.recovery,
        recovery::Recovery::Replayed { edits: 1, .. }
    ));
}

#[test]
fn a_save_before_any_edit_still_starts_the_journal_from_the_right_file() {
    let (_home, path, mut app, mut io) = setup();
    support::open_scan(&mut app, &mut io, &path);
    let action = effect::run(Effect::SaveScan { auto: false }, &mut app, &mut io);
    assert!(matches!(action, Some(Action::Saved(Ok(_)))), "{action:?}");
    update(&mut app, action.expect("saved"));
    dispatch(&mut app, &mut io, Action::SetScore(2));
    let reopened = recovery::open_with_journal(&path, true).expect("opens");
    assert!(
        matches!(
            reopened.recovery,
            recovery::Recovery::Replayed { edits: 1, .. }
        ),
        "{:?}",
        reopened.recovery
    );
}

#[test]
fn the_scan_as_read_is_what_opens_it_is_not_read_again() {
    let (_home, path, mut app, mut io) = setup();
    let file = recovery::read_scan_file(&path).expect("reads");
    // Changed on disk after the command line read it: the open uses what
    // was read (and the changed file is caught at the next save, as any
    // outside change is).
    storage::save_scan(&path, &scan("Regio Elders")).expect("save");
    let effect = Effect::OpenScanFile {
        path: path.clone(),
        file: Box::new(file),
    };
    let action = effect::run(effect, &mut app, &mut io).expect("reports back");
    update(&mut app, action);
    let walk = app.walkthrough().expect("open");
    assert_eq!(walk.scan.meta.region, "Regio Zeeduinen");
}

#[test]
fn opening_from_the_command_line_reads_the_frameworks_after_the_first_frame() {
    let context = zelfscan::commands::Context::with_lang(Lang::Nl);
    let mut app = context.app_for_open();
    assert!(app.frameworks.is_empty(), "not before the first frame");
    let mut io = Io::default();
    io.defer_opening = true;
    assert!(!io.finish_opening(&mut app));
    assert!(
        app.frameworks
            .iter()
            .any(|choice| choice.framework.id == "robuuste-jeugdhulpregio"),
        "the bundled framework is there for a new scan"
    );
    assert!(app.frameworks_later.is_none());
}

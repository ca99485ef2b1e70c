//! The one place the interface does IO: opening, creating and saving scans,
//! the journal and the owner lock, and listing what the start screen shows.
//! `update` returns an [`Effect`] as data; `run` carries it out and reports
//! back with an [`Action`].

mod previous;

use std::path::{Path, PathBuf};

use super::action::{Action, Moved, OpenFailure, OpenedScan, SaveReport};
use super::app::{App, Screen};
use crate::model::Scan;
use crate::storage::journal::{JournalWriter, content_hash};
use crate::storage::lock::{self, LockOutcome, Owner, OwnerLock};
use crate::storage::recovery::{self, Recovery};
use crate::storage::{self, LoadError};

/// Test-only switch that turns the journal off, so the crash harness can prove
/// it notices lost words (its negative control).
pub const NO_JOURNAL_ENV: &str = "ZELFSCAN_TEST_NO_JOURNAL";

/// IO that `update` asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write the open scan to its file (a checkpoint); `auto` when nobody asked.
    SaveScan {
        auto: bool,
    },
    /// Write the open scan to a new file and carry on there.
    SaveAs(PathBuf),
    OpenScan(PathBuf),
    /// Open a scan whose file was already read (and checked) by the caller,
    /// so it is not read and parsed a second time.
    OpenScanFile {
        path: PathBuf,
        file: Box<recovery::ScanFile>,
    },
    /// Look at a scan that is open elsewhere, without changing anything.
    OpenReadOnly(PathBuf),
    /// Copy a scan that is open elsewhere and open the copy.
    OpenCopy(PathBuf),
    /// Write a new scan; never over an existing file.
    CreateScan {
        path: PathBuf,
        scan: Box<Scan>,
    },
    /// The open scan is left (for the start screen or to quit): release its
    /// lock, and remove its journal because everything in it is saved or was
    /// deliberately discarded. Then refresh the start lists.
    CloseScan,
    /// Re-read the recent list and the scans folder for the start screen.
    RefreshStartLists,
}

/// The files held open for the scan on screen. Owned by the driver, next to
/// `App`, because open files are not state the interface draws.
#[derive(Debug, Default)]
pub struct Io {
    pub journal: Option<JournalWriter>,
    pub lock: Option<OwnerLock>,
    /// Hash of the scan file as last read or written: a different hash at the
    /// next save means someone else changed the file. Right after opening
    /// it may wait for [`Io::finish_opening`], which takes it from
    /// `file_text`.
    pub file_hash: Option<u64>,
    /// The scan file's text as last read or written: a save patches it, so
    /// comments and layout written by hand survive, and a save that would
    /// not change it writes nothing.
    pub file_text: Option<String>,
    pub journal_disabled: bool,
    /// The scan file held hidden characters that the next save cleans: keep
    /// its original bytes as `<scan>.toml.bak` first.
    pub keep_original: bool,
    /// Set by the driver: opening a scan leaves what the first frame does not
    /// need (owner file, journal, recent list: each with its fsyncs) to
    /// [`Io::finish_opening`], right after that frame.
    pub defer_opening: bool,
    after_open: Option<AfterOpen>,
}

/// What opening a scan still has to write. Done after the first frame and,
/// whatever happens, before the first edit is journaled.
#[derive(Debug)]
struct AfterOpen {
    path: PathBuf,
    resume: Option<storage::journal::JournalRead>,
    /// Who holds the lock, for the owner file.
    owner: Owner,
    /// The recent list to write, and where.
    recent: (PathBuf, Vec<PathBuf>),
}

impl Io {
    pub fn from_env() -> Self {
        Self {
            journal_disabled: std::env::var_os(NO_JOURNAL_ENV).is_some(),
            ..Self::default()
        }
    }

    /// Writes the edits made since the last call to the journal. Called by
    /// the driver after every update, before the next frame is drawn.
    pub fn write_pending(&mut self, app: &mut App) {
        if app.walkthrough().is_none_or(|walk| walk.pending.is_empty()) {
            return;
        }
        // The journal exists (and is durable) before the first edit goes in.
        self.finish_opening(app);
        let Screen::Walkthrough(walk) = &mut app.screen else {
            return;
        };
        let pending = std::mem::take(&mut walk.pending);
        if let Some(journal) = &mut self.journal
            && let Err(error) = journal.append(&pending)
        {
            app.banner = Some((app.text.journal_failed)(&error.to_string()));
        }
    }

    /// Makes the journal safe from a power cut.
    pub fn sync_journal(&mut self) {
        if let Some(journal) = &mut self.journal {
            let _ = journal.sync();
        }
    }

    /// Does what opening left for after the first frame: the owner file, the
    /// journal, the recent list (and reading the frameworks). Returns true when that changed what is on
    /// screen (a journal that cannot be written shows a banner).
    pub fn finish_opening(&mut self, app: &mut App) -> bool {
        if let Some(read) = app.frameworks_later.take() {
            app.frameworks = read();
        }
        let Some(after) = self.after_open.take() else {
            return false;
        };
        // The file's hash, unless opening needed it already (to match a
        // journal): after the first frame, and before anything uses it.
        let file_hash = *self.file_hash.get_or_insert_with(|| {
            content_hash(self.file_text.as_deref().unwrap_or_default().as_bytes())
        });
        if let Some(lock) = &self.lock {
            lock.write_owner(&after.owner);
        }
        // Failing to remember a recent file must never disturb the meeting.
        let _ = storage::recent::save(&after.recent.0, &after.recent.1);
        if self.journal_disabled {
            return false;
        }
        let journal = match &after.resume {
            Some(read) => JournalWriter::resume(&after.path, read),
            None => JournalWriter::start(&after.path, file_hash),
        };
        match journal {
            Ok(journal) => {
                self.journal = Some(journal);
                false
            }
            Err(error) => {
                let shown = app.banner.is_none();
                app.banner
                    .get_or_insert_with(|| (app.text.journal_failed)(&(app.text.io_error)(&error)));
                shown
            }
        }
    }

    /// Lets go of the open scan: everything in the journal is saved or was
    /// discarded on purpose, so the journal goes; the lock is released.
    pub fn close(&mut self) {
        if let Some(after) = self.after_open.take() {
            // Never started: what it would have replaced goes as it would have.
            if self.lock.is_some() {
                let _ = std::fs::remove_file(storage::journal::journal_path(&after.path));
            }
        }
        if let Some(journal) = self.journal.take() {
            let _ = journal.remove();
        }
        self.lock = None;
        self.file_hash = None;
        self.keep_original = false;
        self.file_text = None;
    }

    /// Holds the scan's lock (when it could be taken) and journal from now
    /// on; `file_text` is what the scan file holds now.
    fn hold(
        &mut self,
        lock: Option<OwnerLock>,
        path: &Path,
        file_text: String,
        resume: Option<&storage::journal::JournalRead>,
    ) -> std::io::Result<()> {
        self.close();
        self.lock = lock;
        let file_hash = content_hash(file_text.as_bytes());
        self.file_hash = Some(file_hash);
        self.file_text = Some(file_text);
        if self.journal_disabled {
            return Ok(());
        }
        let journal = match resume {
            Some(read) => JournalWriter::resume(path, read),
            None => JournalWriter::start(path, file_hash),
        };
        self.journal = Some(journal?);
        Ok(())
    }
}

/// Carries out an effect. Returns the action that reports the outcome, or
/// `None` when the effect changed `app` directly.
pub fn run(effect: Effect, app: &mut App, io: &mut Io) -> Option<Action> {
    // Anything but another open works on a scan whose journal must exist.
    if !matches!(effect, Effect::OpenScan(_) | Effect::OpenScanFile { .. }) {
        io.finish_opening(app);
    }
    match effect {
        Effect::SaveScan { auto } => Some(Action::Saved(save(app, io, None, auto))),
        Effect::SaveAs(path) => Some(Action::Saved(save(app, io, Some(path), false))),
        Effect::OpenScan(path) => {
            let file = recovery::read_scan_file(&path);
            Some(open(app, io, &path, file))
        }
        Effect::OpenScanFile { path, file } => Some(open(app, io, &path, Ok(*file))),
        Effect::OpenReadOnly(path) => Some(Action::Opened(open_read_only(app, &path))),
        Effect::OpenCopy(path) => {
            let result = copy_of(app, &path);
            Some(match result {
                Ok(copy) => {
                    let file = recovery::read_scan_file(&copy);
                    open(app, io, &copy, file)
                }
                Err(failure) => Action::Opened(Err(failure)),
            })
        }
        Effect::CreateScan { path, scan } => {
            let result = create_scan(app, io, &path, &scan).map(|()| OpenedScan {
                scan,
                path: path.clone(),
                warnings: Vec::new(),
                recovered: None,
                read_only: false,
                banner: None,
            });
            if result.is_ok() {
                remember_recent(app, &path);
            }
            Some(Action::Created(result))
        }
        Effect::CloseScan => {
            io.close();
            refresh_start_lists(app);
            None
        }
        Effect::RefreshStartLists => {
            refresh_start_lists(app);
            None
        }
    }
}

fn refresh_start_lists(app: &mut App) {
    app.recent = storage::recent::load(&app.paths.recent_file());
    app.folder_scans = list_scans(&app.paths.scans_dir);
    app.previews = storage::preview::read_many(app.recent.iter().chain(&app.folder_scans));
}

/// A load error in words, one line per problem.
fn failure(app: &App, path: &Path, error: &LoadError) -> OpenFailure {
    let shown = storage::sanitize_for_display(&path.display().to_string());
    let lines = match error {
        LoadError::Io { path: at, source } => vec![format!(
            "{}: {}",
            storage::sanitize_for_display(&at.display().to_string()),
            (app.text.io_error)(source)
        )],
        LoadError::Invalid { problems, .. } => app.text.located_problems(&shown, problems),
    };
    OpenFailure {
        path: path.to_path_buf(),
        lines,
    }
}

fn warnings(app: &App, path: &Path, problems: &[storage::Problem]) -> Vec<String> {
    let shown = storage::sanitize_for_display(&path.display().to_string());
    app.text.located_problems(&shown, problems)
}

/// Opens a scan for editing, from its file as read: take the lock, recover
/// from the journal, carry on.
fn open(
    app: &mut App,
    io: &mut Io,
    path: &Path,
    file: Result<recovery::ScanFile, LoadError>,
) -> Action {
    let io_failure = |app: &App, source: std::io::Error| {
        Action::Opened(Err(failure(
            app,
            path,
            &LoadError::Io {
                path: path.to_path_buf(),
                source,
            },
        )))
    };
    // Reading first: a file that does not load is reported and never locked.
    let file = match file {
        Ok(file) => file,
        Err(error) if storage::is_newer_schema(&error) => {
            return Action::Opened(open_from_newer(app, path));
        }
        Err(error) => return Action::Opened(Err(failure(app, path, &error))),
    };
    let mut cannot_keep = None;
    let me = Owner::me(app.now);
    let lock = match lock::acquire_quietly(path, &me) {
        Ok(LockOutcome::Acquired { lock, .. }) => Some(lock),
        // A read-only drive or a folder without write permission: nothing can
        // be kept there, but the group can still see and work on its scan in
        // memory; the banner says so and `w` saves it elsewhere.
        Err(error) if cannot_write_here(&error) => {
            cannot_keep = Some((app.text.journal_failed)(&(app.text.io_error)(&error)));
            None
        }
        Ok(LockOutcome::HeldBy(owner)) => {
            return Action::Locked {
                path: path.to_path_buf(),
                owner: (app.text.owner_description)(
                    &owner.user,
                    &owner.host,
                    owner.pid,
                    &owner.since,
                ),
            };
        }
        Err(error) => return io_failure(app, error),
    };
    // Ours now: a temp file beside it can only be left by a killed save.
    if lock.is_some() {
        storage::remove_orphaned_temp_files(path);
    }
    let held = lock.is_some();
    // Without the lock nothing beside the scan may be moved (or can be).
    let opened = match recovery::with_journal(path, file, !held) {
        Ok(opened) => opened,
        Err(error) => return Action::Opened(Err(failure(app, path, &error))),
    };
    if io.defer_opening {
        io.close();
        io.lock = lock;
        io.file_hash = opened.file_hash;
        io.file_text = Some(opened.file_text);
        note_recent(app, path);
        io.after_open = Some(AfterOpen {
            path: path.to_path_buf(),
            resume: opened.resume.clone(),
            owner: me,
            recent: (app.paths.recent_file(), app.recent.clone()),
        });
    } else {
        if let Some(lock) = &lock {
            lock.write_owner(&me);
        }
        if let Err(error) = io.hold(lock, path, opened.file_text, opened.resume.as_ref()) {
            cannot_keep
                .get_or_insert_with(|| (app.text.journal_failed)(&(app.text.io_error)(&error)));
        }
        remember_recent(app, path);
    }
    app.previous_found = previous::find(app, path, &opened.loaded.value);
    let recovered = describe_recovery(app, &opened.recovery);
    let mut warnings = warnings(app, path, &opened.loaded.warnings);
    let hidden: usize = opened
        .loaded
        .warnings
        .iter()
        .map(|problem| match problem.kind {
            storage::ProblemKind::HiddenCharacters { count, .. } => count,
            _ => 0,
        })
        .sum();
    if hidden > 0 {
        io.keep_original = true;
        // The file as read (held for the save): no second read of it here.
        let original = io.file_text.as_deref().unwrap_or_default();
        let backup = storage::backup::backup_path(path, original.as_bytes());
        warnings.insert(
            0,
            (app.text.input.hidden_on_open)(
                hidden,
                &storage::sanitize_for_display(&backup.display().to_string()),
            ),
        );
    }
    Action::Opened(Ok(OpenedScan {
        scan: Box::new(opened.loaded.value),
        path: path.to_path_buf(),
        warnings,
        recovered,
        read_only: false,
        banner: cannot_keep,
    }))
}

fn describe_recovery(app: &App, recovery: &Recovery) -> Option<String> {
    let text = app.text;
    match recovery {
        Recovery::Nothing | Recovery::AlreadySaved => None,
        Recovery::Replayed {
            edits, last_change, ..
        } => {
            let when = last_change.map(|at| {
                at.to_zoned_datetime(jiff::tz::TimeZone::system())
                    .strftime("%d-%m-%Y %H:%M:%S")
                    .to_string()
            });
            Some((text.recovered)(*edits, when.as_deref()))
        }
        Recovery::Rejected {
            restored,
            record,
            reason,
            kept,
        } => Some((text.input.journal_rejected)(
            *restored,
            *record,
            &storage::sanitize_for_display(&(text.input.rejection)(reason)),
            &storage::sanitize_for_display(&kept.display().to_string()),
        )),
        Recovery::SetAside { kept, edits } => Some((text.journal_set_aside)(
            *edits,
            &storage::sanitize_for_display(&kept.display().to_string()),
        )),
    }
}

/// A scan from a newer zelfscan: shown read-only, because saving it here would
/// drop what this version does not understand.
fn open_from_newer(app: &App, path: &Path) -> Result<OpenedScan, OpenFailure> {
    let loaded = storage::load_scan_from_newer(path).map_err(|error| failure(app, path, &error))?;
    let mut notes = vec![app.text.made_by_newer.to_string()];
    notes.extend(warnings(app, path, &loaded.warnings));
    Ok(OpenedScan {
        scan: Box::new(loaded.value),
        path: path.to_path_buf(),
        warnings: notes,
        recovered: None,
        read_only: true,
        banner: None,
    })
}

/// The scan as it is now (file plus the other instance's journal), read only.
fn open_read_only(app: &App, path: &Path) -> Result<OpenedScan, OpenFailure> {
    let opened =
        recovery::open_with_journal(path, true).map_err(|error| failure(app, path, &error))?;
    Ok(OpenedScan {
        scan: Box::new(opened.loaded.value),
        path: path.to_path_buf(),
        warnings: warnings(app, path, &opened.loaded.warnings),
        recovered: None,
        read_only: true,
        banner: None,
    })
}

/// Writes a copy of a scan open elsewhere (with that instance's latest edits)
/// beside it, under a free name, and returns the copy's path.
fn copy_of(app: &App, path: &Path) -> Result<PathBuf, OpenFailure> {
    let opened =
        recovery::open_with_journal(path, true).map_err(|error| failure(app, path, &error))?;
    let copy = free_sibling(path, app.text.copy_suffix);
    let io_failure = |source: std::io::Error| {
        failure(
            app,
            &copy,
            &LoadError::Io {
                path: copy.clone(),
                source,
            },
        )
    };
    // The copy keeps what was written by hand in the original.
    let text = storage::scan_to_toml_over(&opened.file_text, &opened.loaded.value);
    write_new(&copy, text.as_bytes()).map_err(io_failure)?;
    Ok(copy)
}

/// `<stem> (<suffix>).toml` beside `path`, or `<stem> (<suffix> 2).toml`, … — the first free one.
pub fn free_sibling(path: &Path, suffix: &str) -> PathBuf {
    let stem = path
        .file_stem()
        .map_or_else(|| "scan".into(), |stem| stem.to_string_lossy().into_owned());
    (1..)
        .map(|n| {
            let name = if n == 1 {
                format!("{stem} ({suffix}).toml")
            } else {
                format!("{stem} ({suffix} {n}).toml")
            };
            path.with_file_name(name)
        })
        .find(|candidate| !candidate.exists())
        .unwrap_or_else(|| path.with_extension("kopie.toml"))
}

/// Writes a file that must not exist yet (atomically).
fn write_new(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if path.exists() {
        return Err(std::io::Error::from(std::io::ErrorKind::AlreadyExists));
    }
    storage::write_file_atomic(path, bytes)
}

/// Creates the folder if needed and writes the new scan, refusing to replace a file.
fn create_scan(app: &App, io: &mut Io, path: &Path, scan: &Scan) -> Result<(), String> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent).map_err(|error| (app.text.io_error)(&error))?;
    }
    let text = storage::scan_to_toml(scan);
    write_new(path, text.as_bytes()).map_err(|error| (app.text.io_error)(&error))?;
    match lock::acquire(path, &Owner::me(app.now)) {
        Ok(LockOutcome::Acquired { lock, .. }) => io
            .hold(Some(lock), path, text, None)
            .map_err(|error| (app.text.io_error)(&error)),
        Ok(LockOutcome::HeldBy(_)) => {
            Err(std::io::Error::from(std::io::ErrorKind::AlreadyExists).to_string())
        }
        Err(error) => Err(error.to_string()),
    }
}

/// A checkpoint: write the scan atomically, unless someone else changed the
/// file since we read it, in which case the scan goes to a conflict copy
/// beside it and the other version is left alone.
fn save(
    app: &mut App,
    io: &mut Io,
    save_as: Option<PathBuf>,
    auto: bool,
) -> Result<SaveReport, String> {
    let Screen::Walkthrough(walk) = &app.screen else {
        return Err(String::new());
    };
    if walk.read_only {
        return Err(app.text.read_only_refused.to_string());
    }
    // What was written by hand in the file stays as it was.
    let text = match &io.file_text {
        Some(original) => storage::scan_to_toml_over(original, &walk.scan),
        None => storage::scan_to_toml(&walk.scan),
    };
    let hash = content_hash(text.as_bytes());
    if save_as.is_none() && io.file_text.as_deref() == Some(text.as_str()) {
        // The file already says what the scan says: nothing is written (not
        // even over a version changed elsewhere, which stays as it is). The
        // journal's edits add up to nothing, so it starts afresh (a scan
        // kept in memory on a read-only drive has none, and needs none).
        if io.journal.is_some()
            && let Some(file_hash) = io.file_hash
        {
            io.journal = Some(
                JournalWriter::start(&walk.path, file_hash)
                    .map_err(|error| (app.text.io_error)(&error))?,
            );
        }
        return Ok(SaveReport {
            path: walk.path.clone(),
            moved: None,
            auto,
            unchanged: true,
            backup: None,
        });
    }
    let mut backup = None;
    let (target, moved) = match save_as {
        Some(path) => {
            write_new(&path, text.as_bytes()).map_err(|error| (app.text.io_error)(&error))?;
            (path, Some(Moved::SavedAs))
        }
        None => {
            let on_disk_bytes = match storage::input::read_input(&walk.path) {
                Ok(bytes) => Some(bytes),
                Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
                Err(error) => return Err(error.to_string()),
            };
            let on_disk = on_disk_bytes.as_deref().map(content_hash);
            let changed_elsewhere = on_disk.is_some() && on_disk != io.file_hash;
            if changed_elsewhere {
                let copy = free_sibling(&walk.path, app.text.conflict_suffix);
                write_new(&copy, text.as_bytes()).map_err(|error| (app.text.io_error)(&error))?;
                (copy, Some(Moved::ConflictCopy))
            } else {
                // The original bytes are safe before anything names the new ones.
                if io.keep_original
                    && let Some(original) = &on_disk_bytes
                {
                    storage::backup::keep_original(&walk.path, original)
                        .map_err(|error| (app.text.io_error)(&error))?;
                    io.keep_original = false;
                }
                // The first save of an older scan keeps its original bytes first.
                if let Some(bytes) = &on_disk_bytes {
                    backup = storage::backup::keep_original_if_older(&walk.path, bytes)
                        .map_err(|error| (app.text.io_error)(&error))?;
                }
                if let Some(journal) = &mut io.journal {
                    journal
                        .append_checkpoint(hash)
                        .map_err(|error| (app.text.io_error)(&error))?;
                }
                storage::write_file_atomic(&walk.path, text.as_bytes())
                    .map_err(|error| (app.text.io_error)(&error))?;
                (walk.path.clone(), None)
            }
        }
    };
    if moved.is_some() {
        // Carry on in the new file: its lock, a fresh journal. The old
        // journal's edits are all in the new file.
        io.close();
        if let Ok(LockOutcome::Acquired { lock, .. }) = lock::acquire(&target, &Owner::me(app.now))
        {
            io.hold(Some(lock), &target, text, None)
                .map_err(|error| (app.text.io_error)(&error))?;
        }
        remember_recent(app, &target);
    } else {
        io.file_hash = Some(hash);
        io.file_text = Some(text);
        if !io.journal_disabled {
            io.journal = Some(
                JournalWriter::start(&target, hash).map_err(|error| (app.text.io_error)(&error))?,
            );
        }
    }
    Ok(SaveReport {
        path: target,
        moved,
        auto,
        unchanged: false,
        backup,
    })
}

fn remember_recent(app: &mut App, path: &Path) {
    note_recent(app, path);
    // Failing to remember a recent file must never disturb the meeting.
    let _ = storage::recent::save(&app.paths.recent_file(), &app.recent);
}

/// Puts `path` first in the recent list, in memory only.
fn note_recent(app: &mut App, path: &Path) {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    app.recent.retain(|known| known != &absolute);
    app.recent.insert(0, absolute);
    app.recent.truncate(storage::recent::MAX_RECENT);
}

/// The `.toml` files directly in the scans folder, newest first.
pub fn list_scans(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut scans: Vec<(std::time::SystemTime, PathBuf)> = entries
        .filter_map(Result::ok)
        .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "toml"))
        .filter(|entry| entry.file_type().is_ok_and(|kind| kind.is_file()))
        .map(|entry| {
            let modified = entry
                .metadata()
                .and_then(|meta| meta.modified())
                .unwrap_or(std::time::UNIX_EPOCH);
            (modified, entry.path())
        })
        .collect();
    scans.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    scans.into_iter().map(|(_, path)| path).collect()
}

/// Errors that mean: this location cannot be written (but may be read).
fn cannot_write_here(error: &std::io::Error) -> bool {
    use std::io::ErrorKind;
    matches!(
        error.kind(),
        ErrorKind::ReadOnlyFilesystem | ErrorKind::PermissionDenied | ErrorKind::StorageFull
    )
}

//! The driver: puts the terminal in full-screen mode, then draws, waits for
//! one event, updates, writes the journal, and runs the effect. It waits with
//! a deadline only while a journal sync or an autosave is due, or while a
//! clock is on screen (then once a minute, on the whole minute, and once a
//! second only in a criterion's last minute); otherwise it blocks, so an idle
//! zelfscan wakes at most once a minute, and never with the clock switched
//! off. Keys and signals arrive through one wait ([`Events`]): a signal
//! (SIGHUP, SIGTERM, SIGINT, SIGQUIT) is handled between two events like a
//! key, by saving the scan on this thread and ending, so nothing typed is
//! drawn after the save. The terminal is always given back: on quit, on
//! error, on a panic (ratatui's hook) and on a signal.

use std::io::{Write, stdout};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use jiff::Timestamp;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
    MouseButton, MouseEventKind,
};
use ratatui::crossterm::{cursor, execute};

use super::action::Action;
use super::app::App;
use super::effect::{self, Effect, Io};
use super::events::{Events, Incoming};
use super::keymap;
use super::update::update;
use super::view;
use crate::i18n::Catalogue;
use crate::storage::journal::journal_path;

/// Make the journal safe from a power cut this long after the last edit.
const SYNC_AFTER: Duration = Duration::from_secs(1);
/// Write the scan file after this much quiet…
const AUTOSAVE_AFTER: Duration = Duration::from_secs(3);
/// …but at least this often while someone keeps typing.
const AUTOSAVE_AT_LEAST: Duration = Duration::from_secs(30);

/// Test-only: wait this many milliseconds after the last edit before the
/// autosave, so a test can hold an unsaved change as long as it needs.
pub const AUTOSAVE_AFTER_MS_ENV: &str = "ZELFSCAN_TEST_AUTOSAVE_AFTER_MS";

/// Test-only: panic after this many key presses, to prove a panic keeps the data.
pub const PANIC_AFTER_KEYS_ENV: &str = "ZELFSCAN_TEST_PANIC_AFTER_KEYS";

/// The scan being edited, shared with the panic handler so it can say where
/// the work is.
type OpenScan = Arc<Mutex<Option<PathBuf>>>;

/// Why the event loop ended.
enum Ending {
    /// The user quit: everything is saved or was discarded on purpose.
    Quit,
    /// A signal (its number) asked zelfscan to end; the scan was saved if it could be.
    Signal(i32),
}

/// Runs the interface until the user quits. `first` is IO to do before the
/// first draw, such as opening the scan named on the command line.
pub fn run(mut app: App, first: Option<Effect>) -> anyhow::Result<App> {
    let open_scan: OpenScan = Arc::default();
    install_panic_message(app.text, Arc::clone(&open_scan));
    // The frames go through our own screen and backend; a failure here
    // gives the terminal back before it is reported.
    let mut terminal = match set_up_terminal().and_then(|()| super::screen::Screen::stdout()) {
        Ok(terminal) => terminal,
        Err(error) => {
            give_back_terminal();
            return Err(error.into());
        }
    };
    // A pasted paragraph arrives as one event instead of a stream of keys;
    // clicks arrive as events (nothing needs the mouse, but it may be used).
    let _ = execute!(stdout(), EnableBracketedPaste, EnableMouseCapture);
    let mut events = match Events::start() {
        Ok(events) => events,
        Err(error) => {
            let _ = execute!(stdout(), DisableBracketedPaste, DisableMouseCapture);
            give_back_terminal();
            return Err(error.into());
        }
    };
    let mut io = Io::from_env();
    io.defer_opening = true;
    let result = event_loop(
        &mut terminal,
        &mut app,
        &mut io,
        &mut events,
        first,
        &open_scan,
    );
    match result {
        // Leaving normally: everything is saved or was discarded on purpose.
        Ok(Ending::Quit) => io.close(),
        // The journal goes only when the file holds all of it.
        Ok(Ending::Signal(_)) | Err(_) => let_go(&app, &mut io),
    }
    drop(events);
    // The cursor too: `restore` does not show it, and the interface hides it
    // except while a note is typed.
    let _ = execute!(
        stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        cursor::Show
    );
    give_back_terminal();
    match result? {
        Ending::Quit => Ok(app),
        Ending::Signal(number) => std::process::exit(128 + number),
    }
}

/// Sets the terminal up as `ratatui::init` does (the panic hook that gives
/// it back, raw mode, the alternate screen), without the `Terminal` it also
/// builds: two screen-sized buffers of fresh memory (about a quarter of a
/// millisecond before the first frame) that were thrown away at once.
fn set_up_terminal() -> std::io::Result<()> {
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        give_back_terminal();
        hook(info);
    }));
    ratatui::crossterm::terminal::enable_raw_mode()?;
    execute!(stdout(), ratatui::crossterm::terminal::EnterAlternateScreen)
}

/// Gives the terminal back (raw mode off, the main screen) as
/// `ratatui::restore` does, but quietly: ratatui's prints a failure with
/// `eprintln!`, which panics when the terminal itself is gone (a closed
/// window: every write fails), and so ended a closed window's save in an
/// abort. With no terminal there is nothing to give back or tell.
fn give_back_terminal() {
    let _ = ratatui::try_restore();
}

/// Lets go of the scan after a signal or an error: the journal is removed
/// only when the scan file holds every edit in it; otherwise it stays (made
/// safe from a power cut), so the next open restores the work.
fn let_go(app: &App, io: &mut Io) {
    let unsaved = app
        .walkthrough()
        .is_some_and(|walk| walk.dirty && !walk.read_only);
    if unsaved {
        io.sync_journal();
        io.journal = None;
        io.lock = None;
    } else {
        io.close();
    }
}

/// Deadlines for the journal sync, the autosave and the countdown.
struct Deadlines {
    /// How long after the last edit the autosave comes.
    autosave_after: Duration,
    sync: Option<Instant>,
    autosave: Option<Instant>,
    /// When the oldest unsaved edit was made.
    unsaved_since: Option<Instant>,
    /// The next redraw of the clocks (see [`tick_after`]), while one is on screen.
    tick: Option<Instant>,
}

impl Deadlines {
    fn new() -> Self {
        let autosave_after = std::env::var(AUTOSAVE_AFTER_MS_ENV)
            .ok()
            .and_then(|ms| ms.parse().ok())
            .map_or(AUTOSAVE_AFTER, Duration::from_millis);
        Self {
            autosave_after,
            sync: None,
            autosave: None,
            unsaved_since: None,
            tick: None,
        }
    }

    fn next(&self) -> Option<Instant> {
        [self.sync, self.autosave, self.tick]
            .into_iter()
            .flatten()
            .min()
    }

    fn edited(&mut self, now: Instant) {
        self.sync = Some(now + SYNC_AFTER);
        let since = *self.unsaved_since.get_or_insert(now);
        let at_least = since + AUTOSAVE_AT_LEAST.max(self.autosave_after);
        self.autosave = Some((now + self.autosave_after).min(at_least));
    }
}

fn event_loop(
    terminal: &mut super::screen::Screen,
    app: &mut App,
    io: &mut Io,
    events: &mut Events,
    first: Option<Effect>,
    open_scan: &OpenScan,
) -> anyhow::Result<Ending> {
    let size = terminal.size()?;
    app.size = (size.width, size.height);
    app.now = now();
    if let Some(effect) = first
        && let Some(action) = effect::run(effect, app, io)
    {
        dispatch(app, io, action);
    }
    let panic_after: Option<u64> = std::env::var(PANIC_AFTER_KEYS_ENV)
        .ok()
        .and_then(|n| n.parse().ok());
    let mut keys = 0_u64;
    let mut deadlines = Deadlines::new();
    while !app.should_quit {
        share_open_scan(app, open_scan);
        if let Err(error) = terminal.draw_page(view::page(app), |frame| view::paint(frame, app)) {
            return gone(app, io, events, error);
        }
        // What opening a scan left until its first frame was on screen.
        if io.finish_opening(app) {
            continue;
        }
        view::evaluated::prepare(app);
        schedule_autosave(app, &mut deadlines, Instant::now());
        deadlines.tick = tick_after(app, SystemTime::now()).map(|wait| Instant::now() + wait);
        // Blocks until something happens (or the deadline): no ticking.
        let event = match events.next(deadlines.next()) {
            None => None,
            Some(Incoming::Terminal(event)) => Some(event),
            Some(Incoming::Signal(number)) => {
                // No more input: every edit drawn so far is in `app` (and the
                // journal); save it here, between events.
                app.now = now();
                dispatch(app, io, Action::AutoSave);
                return Ok(Ending::Signal(number));
            }
            Some(Incoming::Failed(error)) => return Err(error.into()),
        };
        app.now = now();
        let action = match event {
            Some(Event::Key(key)) => {
                keys += 1;
                if panic_after.is_some_and(|limit| keys > limit) {
                    panic!("test-only panic after {limit} keys", limit = keys - 1);
                }
                keymap::action_for(keymap::context(app), key)
            }
            Some(Event::Paste(text)) => Some(Action::Paste(text)),
            Some(Event::Resize(width, height)) => {
                terminal.resized(width, height);
                Some(Action::Resize(width, height))
            }
            Some(Event::Mouse(mouse)) if mouse.kind == MouseEventKind::Down(MouseButton::Left) => {
                Some(Action::Click {
                    column: mouse.column,
                    row: mouse.row,
                })
            }
            _ => None,
        };
        let edited = action.is_some_and(|action| dispatch(app, io, action));
        let moment = Instant::now();
        if edited {
            deadlines.edited(moment);
        }
        if deadlines.sync.is_some_and(|at| at <= moment) {
            io.sync_journal();
            deadlines.sync = None;
        }
        if deadlines.tick.is_some_and(|at| at <= moment) {
            dispatch(app, io, Action::Tick);
        }
        if deadlines.autosave.is_some_and(|at| at <= moment) {
            deadlines.autosave = None;
            dispatch(app, io, Action::AutoSave);
        }
    }
    Ok(Ending::Quit)
}

/// A frame could not be written: most often the window was closed and the
/// write failed before the hang-up was read. Every edit drawn so far is in
/// `app` (and the journal): saved as on a signal, and the hang-up, if that
/// is what it was, ends the program as the signal would.
fn gone(
    app: &mut App,
    io: &mut Io,
    events: &mut Events,
    error: std::io::Error,
) -> anyhow::Result<Ending> {
    app.now = now();
    dispatch(app, io, Action::AutoSave);
    // What arrived with it (keys that can no longer be shown are left).
    let soon = Instant::now() + Duration::from_millis(50);
    while let Some(incoming) = events.next(Some(soon)) {
        if let Incoming::Signal(number) = incoming {
            return Ok(Ending::Signal(number));
        }
    }
    Err(error.into())
}

/// Unsaved work that no edit scheduled (restored from the journal when the
/// scan opened, or a save that failed) is saved after a pause too; checked
/// before the loop waits, so restored work is saved without a key press.
fn schedule_autosave(app: &App, deadlines: &mut Deadlines, moment: Instant) {
    let dirty = app
        .walkthrough()
        .is_some_and(|walk| walk.dirty && !walk.read_only);
    if !dirty {
        deadlines.autosave = None;
        deadlines.unsaved_since = None;
    } else if deadlines.autosave.is_none() {
        deadlines.edited(moment);
    }
}

/// How long to wait for the next redraw of the clocks; `None` = sleep until
/// an event. The clocks show whole minutes, so the app wakes once a minute,
/// on the wall clock's whole minute (both clocks turn together then); only
/// while the criterion's clock shows seconds (its last minute) once a second,
/// and once more at the moment it enters that minute.
pub fn tick_after(app: &App, now: SystemTime) -> Option<Duration> {
    use crate::model::timebox::SECONDS_SHOWN_FROM;
    if !view::countdown_visible(app) {
        return None;
    }
    let since_epoch = now
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default();
    // A few milliseconds past the second, so the rounded `now` is that second.
    let past = Duration::from_millis(5);
    let to_second = Duration::from_nanos(u64::from(1_000_000_000 - since_epoch.subsec_nanos()));
    let to_minute = to_second + Duration::from_secs(59 - since_epoch.as_secs() % 60);
    let Some(counted_left) = view::criterion_clock_left(app) else {
        return Some(to_minute + past);
    };
    // The clock as counted at the last event, less what has passed since.
    let counted_at = app
        .walkthrough()
        .map_or(0, |walk| walk.used.counted_until.as_second());
    let elapsed = (i64::try_from(since_epoch.as_secs()).unwrap_or(i64::MAX) - counted_at).max(0);
    let left = counted_left - elapsed;
    if (0..=SECONDS_SHOWN_FROM).contains(&left) {
        return Some(to_second + past);
    }
    let until_seconds_shown = left - SECONDS_SHOWN_FROM;
    let to_last_minute = u64::try_from(until_seconds_shown)
        .ok()
        .filter(|seconds| *seconds >= 1)
        .map(|seconds| to_second + Duration::from_secs(seconds - 1));
    Some(to_last_minute.map_or(to_minute, |at| at.min(to_minute)) + past)
}

/// Runs an action and every effect and follow-up action it leads to, then
/// writes the edits it made to the journal, before anything is drawn.
/// Returns whether the scan was edited.
pub fn dispatch(app: &mut App, io: &mut Io, action: Action) -> bool {
    let mut next = Some(action);
    let mut edited = false;
    while let Some(action) = next.take() {
        let effect = update(app, action);
        edited |= app
            .walkthrough()
            .is_some_and(|walk| !walk.pending.is_empty());
        io.write_pending(app);
        next = effect.and_then(|effect| effect::run(effect, app, io));
    }
    edited
}

/// The current time to the second: what the scan file records.
fn now() -> Timestamp {
    let now = Timestamp::now();
    now.round(jiff::Unit::Second).unwrap_or(now)
}

fn share_open_scan(app: &App, open_scan: &OpenScan) {
    let path = app
        .walkthrough()
        .filter(|walk| !walk.read_only)
        .map(|walk| &walk.path);
    // Copied only when it changed (this runs before every frame).
    if let Ok(mut shared) = open_scan.lock()
        && shared.as_ref() != path
    {
        *shared = path.cloned();
    }
}

/// After a panic (the terminal is restored by ratatui's hook, which runs this
/// one after it), say that the work is safe and where.
fn install_panic_message(text: &'static Catalogue, open_scan: OpenScan) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // ratatui's restore leaves mouse reporting on; the shell must not get clicks as text.
        let _ = execute!(stdout(), DisableMouseCapture, DisableBracketedPaste);
        previous(info);
        let path = open_scan.lock().ok().and_then(|shared| shared.clone());
        if let Some(path) = path {
            // Not `eprintln!`: it panics when the terminal is gone, and a
            // panic in the panic hook aborts.
            let _ = writeln!(
                std::io::stderr(),
                "{}",
                (text.panic_data_safe)(
                    &crate::storage::sanitize_for_display(&path.display().to_string()),
                    &crate::storage::sanitize_for_display(
                        &journal_path(&path).display().to_string()
                    ),
                )
            );
        }
    }));
}

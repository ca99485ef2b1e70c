//! Signals and panics: a closed window (SIGHUP), a polite kill (SIGTERM,
//! SIGINT, SIGQUIT) and a test-only panic, each while a note holds typed text
//! that the autosave has not written yet. The scan file itself must hold
//! every shown keystroke afterwards (or, after a panic, the journal must),
//! the terminal must be given back, and no process may be left.
#![cfg(unix)]

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::pty::{Key, Session, TIMEOUT};
use zelfscan::storage::journal::journal_path;
use zelfscan::storage::load_scan;
use zelfscan::storage::recovery::{Recovery, open_with_journal};

const BIN: &str = env!("CARGO_BIN_EXE_zelfscan");
const EDIT_HINT: &str = "Esc klaar";
const LEAVE_ALTERNATE_SCREEN: &[u8] = b"\x1b[?1049l";
const SHOW_CURSOR: &[u8] = b"\x1b[?25h";
const HIDE_CURSOR: &[u8] = b"\x1b[?25l";
const BROWSE_HINT: &str = "n/PgDn volgende";
/// Typed in the Gemeenten note of VIS-1; the last line is what the test
/// waits for on screen.
const TYPED: [&str; 2] = ["Hallo één € ï", "tweede regel"];

fn new_scan(home: &Path) -> PathBuf {
    let path = home.join("scans").join("signaal.toml");
    let output = Command::new(BIN)
        .args(["new", "--region", "Signaalregio", "--no-open", "--output"])
        .arg(&path)
        .env("ZELFSCAN_HOME", home)
        .output()
        .expect("run zelfscan new");
    assert!(output.status.success(), "zelfscan new failed: {output:?}");
    path
}

fn open(home: &Path, scan: &Path, extra: &[(&str, &str)]) -> Session {
    let mut env: Vec<(&str, &std::ffi::OsStr)> = vec![("ZELFSCAN_HOME", home.as_os_str())];
    for (key, value) in extra {
        env.push((key, std::ffi::OsStr::new(value)));
    }
    let session = Session::spawn(
        BIN,
        &["open", scan.to_str().expect("utf-8 path")],
        &env,
        80,
        24,
    )
    .expect("start zelfscan");
    wait(&session, "VIS-1 · ");
    session
}

fn wait(session: &Session, text: &str) {
    session
        .wait_for(text, TIMEOUT)
        .unwrap_or_else(|error| panic!("{error}"));
}

/// Types [`TYPED`] into the first note and waits until all of it is shown.
fn type_note(session: &mut Session) {
    session.send_key(Key::Tab);
    session.send_key(Key::Enter);
    wait(session, EDIT_HINT);
    session.send(TYPED[0]);
    session.send_key(Key::Enter);
    session.send(TYPED[1]);
    wait(session, TYPED[1]);
    wait(session, TYPED[0]);
}

fn expected_note() -> String {
    TYPED.join("\n")
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

fn last_position(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .rposition(|window| window == needle)
}

/// The terminal as the program left it: out of the alternate screen (left
/// after `mark`), and the cursor visible (the last word on the cursor was
/// "show", which may have been said before the signal while typing).
fn assert_terminal_restored(session: &Session, mark: usize, what: &str) {
    let raw = session.raw_output();
    let after = &raw[mark..];
    assert!(
        contains(after, LEAVE_ALTERNATE_SCREEN),
        "{what}: the alternate screen was not left: {:?}",
        String::from_utf8_lossy(after)
    );
    let shown = last_position(&raw, SHOW_CURSOR);
    let hidden = last_position(&raw, HIDE_CURSOR);
    assert!(
        shown.is_some() && shown > hidden,
        "{what}: the cursor is left hidden (last show at {shown:?}, last hide at {hidden:?}); \
         after the signal: {:?}",
        String::from_utf8_lossy(after)
    );
    let (alternate, cursor_hidden) = session
        .with_screen(|screen| (screen.alternate_screen(), screen.hide_cursor()))
        .expect("screen");
    assert!(!alternate && !cursor_hidden, "{what}: terminal state");
}

fn process_alive(pid: u32) -> bool {
    Command::new("kill")
        .args(["-0", &pid.to_string()])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

/// Sends `signal` while the note is being typed (`typing`) or after Esc.
fn signal_checkpoints_and_restores(signal: &str, number: u32, typing: bool) {
    let home = tempfile::tempdir().expect("temp dir");
    let scan = new_scan(home.path());
    let mut session = open(home.path(), &scan, &[]);
    type_note(&mut session);
    if !typing {
        session.send_key(Key::Esc);
        wait(&session, BROWSE_HINT);
    }
    // Typed, journaled, not yet saved: the autosave waits 3 s.
    assert_eq!(
        load_scan(&scan).expect("load").value.answers[0].perspectives[0].note,
        "",
        "the autosave already ran; the test would prove nothing"
    );
    let pid = session.pid().expect("pid");
    let mark = session.raw_len();
    session.signal(signal).expect("send signal");
    let status = session.wait_exit(TIMEOUT).expect("zelfscan exits");
    assert_eq!(status.exit_code(), 128 + number, "SIG{signal}: {status:?}");
    assert!(!process_alive(pid), "process {pid} still there");

    let scan_now = load_scan(&scan).expect("the scan file loads").value;
    assert_eq!(
        scan_now.answers[0].perspectives[0].note,
        expected_note(),
        "SIG{signal}: the file itself holds what was typed"
    );
    assert!(
        !journal_path(&scan).exists(),
        "SIG{signal}: the journal is gone after the checkpoint"
    );
    assert_terminal_restored(&session, mark, &format!("SIG{signal}"));
}

#[test]
fn sighup_writes_the_typed_text_to_the_file_and_restores_the_terminal() {
    signal_checkpoints_and_restores("HUP", 1, true);
    signal_checkpoints_and_restores("HUP", 1, false);
}

#[test]
fn sigterm_writes_the_typed_text_to_the_file_and_restores_the_terminal() {
    signal_checkpoints_and_restores("TERM", 15, true);
    signal_checkpoints_and_restores("TERM", 15, false);
}

#[test]
fn sigint_and_sigquit_do_the_same() {
    signal_checkpoints_and_restores("INT", 2, true);
    signal_checkpoints_and_restores("QUIT", 3, false);
}

/// The terminal really goes away, as when its window is closed: `script`
/// (util-linux) holds the terminal zelfscan runs in, as a terminal window
/// does, and is killed; the kernel hangs that terminal up (and sends
/// SIGHUP). A hung-up terminal reads as empty for ever: zelfscan must not
/// keep reading it, but save and end.
#[test]
fn closing_the_window_writes_the_typed_text_to_the_file_and_ends() {
    let home = tempfile::tempdir().expect("temp dir");
    let scan = new_scan(home.path());
    let command = format!("'{BIN}' open '{}'", scan.display());
    let typescript = home.path().join("typescript");
    let mut session = Session::spawn(
        "script",
        &["-qfec", &command, typescript.to_str().expect("utf-8 path")],
        &[("ZELFSCAN_HOME", home.path().as_os_str())],
        80,
        24,
    )
    .expect("start script");
    wait(&session, "VIS-1 · ");
    type_note(&mut session);
    let window = session.pid().expect("pid");
    let zelfscan = descendants(window)
        .into_iter()
        .find(|pid| {
            std::fs::read_link(format!("/proc/{pid}/exe")).is_ok_and(|exe| exe == Path::new(BIN))
        })
        .expect("zelfscan runs in the window");
    // Ended however the test ends: a zelfscan that spins on the closed
    // terminal must not outlive a failed test.
    let _zelfscan = EndedAfter(zelfscan);
    Command::new("kill")
        .args(["-KILL", &window.to_string()])
        .status()
        .expect("close the window");
    let deadline = std::time::Instant::now() + TIMEOUT;
    while process_alive(zelfscan) && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(
        !process_alive(zelfscan),
        "zelfscan {zelfscan} still runs after its terminal went away"
    );
    let scan_now = load_scan(&scan).expect("the scan file loads").value;
    assert_eq!(
        scan_now.answers[0].perspectives[0].note,
        expected_note(),
        "the file itself holds what was typed"
    );
    assert!(
        !journal_path(&scan).exists(),
        "the journal is gone after the checkpoint"
    );
}

/// Kills zelfscan `.0` when dropped, if it still runs.
struct EndedAfter(u32);

impl Drop for EndedAfter {
    fn drop(&mut self) {
        let still_zelfscan = std::fs::read_link(format!("/proc/{}/exe", self.0))
            .is_ok_and(|exe| exe == Path::new(BIN));
        if still_zelfscan {
            let _ = Command::new("kill")
                .args(["-KILL", &self.0.to_string()])
                .status();
        }
    }
}

/// Every process started under `pid`, from /proc.
fn descendants(pid: u32) -> Vec<u32> {
    let mut found = Vec::new();
    let mut next = vec![pid];
    while let Some(parent) = next.pop() {
        let children = std::fs::read_to_string(format!("/proc/{parent}/task/{parent}/children"))
            .unwrap_or_default();
        for child in children
            .split_whitespace()
            .filter_map(|pid| pid.parse().ok())
        {
            found.push(child);
            next.push(child);
        }
    }
    found
}

#[test]
fn a_panic_restores_the_terminal_says_where_the_work_is_and_loses_nothing() {
    let home = tempfile::tempdir().expect("temp dir");
    let scan = new_scan(home.path());
    // Tab, Enter, the characters and the Enter between the lines; the next key panics.
    let keys = 2 + TYPED[0].chars().count() + 1 + TYPED[1].chars().count();
    let mut session = open(
        home.path(),
        &scan,
        &[("ZELFSCAN_TEST_PANIC_AFTER_KEYS", &keys.to_string())],
    );
    type_note(&mut session);
    let pid = session.pid().expect("pid");
    let mark = session.raw_len();
    session.send("x");
    let status = session.wait_exit(TIMEOUT).expect("zelfscan exits");
    assert!(!status.success(), "a panic is not a success: {status:?}");
    assert!(!process_alive(pid), "process {pid} still there");

    assert_terminal_restored(&session, mark, "panic");
    let after = session.raw_output()[mark..].to_vec();
    let text = String::from_utf8_lossy(&after);
    assert!(
        text.contains("je werk is veilig"),
        "no reassurance: {text:?}"
    );
    let journal = journal_path(&scan);
    assert!(
        text.contains(&journal.display().to_string()),
        "the message does not name the journal {}: {text:?}",
        journal.display()
    );

    // The journal holds what was shown; the typed "x" never reached the screen.
    let recovered = open_with_journal(&scan, true).expect("open with journal");
    assert!(matches!(recovered.recovery, Recovery::Replayed { .. }));
    assert_eq!(
        recovered.loaded.value.answers[0].perspectives[0].note,
        expected_note()
    );

    // Opening again in the app restores it, and a save writes it.
    let mut session = open(home.path(), &scan, &[]);
    wait(&session, "Werk hersteld");
    session.send_key(Key::Enter);
    session
        .wait_for_absent("Werk hersteld", TIMEOUT)
        .unwrap_or_else(|error| panic!("{error}"));
    wait(&session, TYPED[0]);
    // At 80x24 the agenda rows leave a note without the focus one row (and
    // "↓meer"); the focused note gets the rows it needs, so the whole
    // restored text shows once the focus moves onto it.
    session.send_key(Key::Tab);
    wait(&session, TYPED[1]);
    session.send_key(Key::Ctrl('s'));
    wait(&session, "Opgeslagen");
    session.send("q");
    let status = session.wait_exit(TIMEOUT).expect("zelfscan exits");
    assert_eq!(status.exit_code(), 0, "{status:?}");
    assert_eq!(
        load_scan(&scan).expect("load").value.answers[0].perspectives[0].note,
        expected_note()
    );
    assert!(!journal.exists(), "journal removed after a normal quit");
}

/// Typed before each burst and waited for, so the note on the last frame can
/// be found: the burst's characters follow it.
const MARK: &str = "@@";
/// The characters of a burst; none of them is in [`MARK`].
const BURST: &str = "qwertzuiopasdfghjkl";

/// The last frame zelfscan drew before it left the alternate screen (the
/// screen a person saw), parsed from everything it wrote up to then.
fn last_frame(session: &Session) -> String {
    // The program has ended; its last bytes may still be on their way to the reader.
    let deadline = std::time::Instant::now() + TIMEOUT;
    let (raw, end) = loop {
        let raw = session.raw_output();
        if let Some(end) = last_position(&raw, LEAVE_ALTERNATE_SCREEN) {
            break (raw, end);
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the alternate screen was never left: {:?}",
            String::from_utf8_lossy(&raw)
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    let mut parser = vt100::Parser::new(
        std::num::NonZeroU16::new(24).expect("rows"),
        std::num::NonZeroU16::new(80).expect("columns"),
        0,
    );
    parser.process(&raw[..end]);
    parser.screen().contents()
}

/// The note as drawn: the mark and the burst characters right after it.
fn note_drawn(frame: &str) -> Option<String> {
    let at = frame.find(MARK)?;
    let typed: String = frame[at + MARK.len()..]
        .chars()
        .take_while(|c| BURST.contains(*c))
        .collect();
    Some(format!("{MARK}{typed}"))
}

/// Keys still arriving when the signal comes: a burst typed into a note and
/// SIGTERM or SIGHUP 0–30 ms later, many times. Whatever the last frame shows
/// in the note is exactly what the reopened scan holds, and the journal is
/// gone only because the file holds it all.
#[test]
fn a_signal_with_keys_in_flight_keeps_every_drawn_key() {
    const CYCLES: usize = 30;
    for cycle in 0..CYCLES {
        let (signal, number) = if cycle % 2 == 0 {
            ("TERM", 15)
        } else {
            ("HUP", 1)
        };
        let home = tempfile::tempdir().expect("temp dir");
        let scan = new_scan(home.path());
        let mut session = open(home.path(), &scan, &[]);
        session.send_key(Key::Tab);
        session.send_key(Key::Enter);
        wait(&session, EDIT_HINT);
        session.send(MARK);
        wait(&session, MARK);
        let burst: String = BURST.chars().take(8 + cycle % 11).collect();
        session.send(&burst);
        // Spread over 0–30 ms: the signal lands before, in and after the burst.
        std::thread::sleep(std::time::Duration::from_millis((cycle as u64 * 7) % 31));
        session.signal(signal).expect("send signal");
        let status = session.wait_exit(TIMEOUT).expect("zelfscan exits");
        assert_eq!(status.exit_code(), 128 + number, "SIG{signal}: {status:?}");

        let frame = last_frame(&session);
        let drawn = note_drawn(&frame)
            .unwrap_or_else(|| panic!("cycle {cycle}: no note on the last frame:\n{frame}"));
        let saved = open_with_journal(&scan, true).expect("the scan opens");
        let note = &saved.loaded.value.answers[0].perspectives[0].note;
        assert_eq!(
            note, &drawn,
            "cycle {cycle}, SIG{signal}: the last frame showed {drawn:?}, the scan holds {note:?}\n{frame}"
        );
        let in_file =
            &load_scan(&scan).expect("the scan loads").value.answers[0].perspectives[0].note;
        assert_eq!(
            in_file, &drawn,
            "cycle {cycle}, SIG{signal}: the file itself holds what was drawn"
        );
        assert!(
            !journal_path(&scan).exists(),
            "cycle {cycle}: the journal is gone after the checkpoint"
        );
    }
}

/// The terminal goes away under zelfscan itself (every side of it closed, so
/// every write to it fails): it saves, gives the terminal back quietly and
/// ends as a hang-up does (128 + SIGHUP). It used to end in an abort: giving
/// the terminal back printed the failure, and printing to a closed
/// terminal panics.
#[test]
fn a_terminal_that_goes_away_ends_zelfscan_as_a_hang_up_not_an_abort() {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::Read;
    let home = tempfile::tempdir().expect("temp dir");
    let scan = new_scan(home.path());
    let pair = native_pty_system()
        .openpty(PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("openpty");
    let mut command = CommandBuilder::new(BIN);
    command.args(["open", scan.to_str().expect("utf-8 path")]);
    command.env("ZELFSCAN_HOME", home.path());
    command.env("TERM", "xterm-256color");
    let mut child = pair.slave.spawn_command(command).expect("spawn");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("reader");
    let writer = pair.master.take_writer().expect("writer");
    // Read until the first frame is out (the criterion's title).
    let mut seen = Vec::new();
    let mut buffer = [0_u8; 4096];
    while !contains(&seen, "VIS-1".as_bytes()) {
        let count = reader.read(&mut buffer).expect("read the first frame");
        assert!(count > 0, "zelfscan ended before its first frame");
        seen.extend_from_slice(&buffer[..count]);
    }
    // Every side of the terminal closed: it is hung up.
    drop(reader);
    drop(writer);
    drop(pair.master);
    let deadline = std::time::Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "zelfscan still runs after its terminal went away"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    assert_eq!(status.exit_code(), 128 + 1, "ends as SIGHUP: {status:?}");
    assert!(!journal_path(&scan).exists(), "the journal is gone");
    assert!(load_scan(&scan).is_ok(), "the scan file loads");
}

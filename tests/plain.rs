//! The plain line-by-line mode, run as a script would: the real binary with
//! its own `ZELFSCAN_HOME`, a script on standard input, end of input, then
//! the saved TOML read back with `load_scan`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::str::contains;
use tempfile::TempDir;
use zelfscan::model::{Agreement, Answer, Scan};
use zelfscan::storage::journal::journal_path;
use zelfscan::storage::load_scan;
use zelfscan::storage::lock::{self, LockOutcome, Owner};

fn zelfscan(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_zelfscan"));
    command
        .env("ZELFSCAN_HOME", home)
        .env_remove("NO_COLOR")
        .env("TERM", "xterm-256color")
        .current_dir(home);
    command
}

/// A fresh scan made with `new --no-open`.
fn new_scan(home: &TempDir) -> PathBuf {
    let path = home.path().join("zeeduinen.toml");
    zelfscan(home.path())
        .args([
            "new",
            "--region",
            "Regio Zeeduinen",
            "--no-open",
            "--output",
        ])
        .arg(&path)
        .assert()
        .success();
    path
}

fn load(path: &Path) -> Scan {
    load_scan(path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()))
        .value
}

/// Answers VIS-1, VIS-2 and VIS-3 field by field: each perspective's score
/// and note, joint score, agreement, joint note, action.
const THREE_CRITERIA: &str = "\
3
Vastgesteld in alle raden, maar één gemeente twijfelt \\
over de financiële paragraaf.
2
Aanbieders herkennen zich er deels in.
3
2
Voorbehoud: de uitwerking loopt achter.
Wethouder Jansen plant een overleg met de aanbieders.
o

x
Café-overleg gepland.
4
consensus
Iedereen is het eens.

1
Geen agenda.
2
Een concept bestaat.
1
geen
Beide kanten zien het anders.
Agenda opstellen vóór 1 maart.
";

fn check_three_criteria(scan: &Scan) {
    let a = &scan.answers;
    assert_eq!(a[0].perspectives[0].score, Some(Answer::Score(3)));
    assert_eq!(
        a[0].perspectives[0].note,
        "Vastgesteld in alle raden, maar één gemeente twijfelt\nover de financiële paragraaf."
    );
    assert_eq!(a[0].perspectives[1].score, Some(Answer::Score(2)));
    assert_eq!(
        a[0].perspectives[1].note,
        "Aanbieders herkennen zich er deels in."
    );
    assert_eq!(a[0].consensus, Some(Answer::Score(3)));
    assert_eq!(a[0].agreement, Some(Agreement::WithReservation));
    assert_eq!(
        a[0].consensus_note,
        "Voorbehoud: de uitwerking loopt achter."
    );
    assert_eq!(
        a[0].actions[0].what,
        "Wethouder Jansen plant een overleg met de aanbieders."
    );
    assert!(!a[0].skipped);

    assert_eq!(a[1].perspectives[0].score, Some(Answer::Unknown));
    assert_eq!(a[1].perspectives[0].note, "");
    assert_eq!(a[1].perspectives[1].score, Some(Answer::NotApplicable));
    assert_eq!(a[1].perspectives[1].note, "Café-overleg gepland.");
    assert_eq!(a[1].consensus, Some(Answer::Score(4)));
    assert_eq!(a[1].agreement, Some(Agreement::Consensus));
    assert_eq!(a[1].consensus_note, "Iedereen is het eens.");
    assert!(a[1].actions.is_empty());

    assert_eq!(a[2].perspectives[0].score, Some(Answer::Score(1)));
    assert_eq!(a[2].perspectives[0].note, "Geen agenda.");
    assert_eq!(a[2].perspectives[1].score, Some(Answer::Score(2)));
    assert_eq!(a[2].perspectives[1].note, "Een concept bestaat.");
    assert_eq!(a[2].consensus, Some(Answer::Score(1)));
    assert_eq!(a[2].agreement, Some(Agreement::NoConsensus));
    assert_eq!(a[2].consensus_note, "Beide kanten zien het anders.");
    assert_eq!(a[2].actions[0].what, "Agenda opstellen vóór 1 maart.");

    assert!(a[3..].iter().all(|answer| answer.is_empty()));
    assert_eq!(scan.progress().answered, 3);
}

fn check_closed_cleanly(path: &Path) {
    assert!(!journal_path(path).exists(), "journal left behind");
    let dir = path.parent().expect("folder");
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .expect("read dir")
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
}

#[test]
fn term_dumb_walks_three_criteria_from_a_script_and_saves_at_end_of_input() {
    let home = tempfile::tempdir().expect("temp dir");
    let path = new_scan(&home);
    let output = zelfscan(home.path())
        .env("TERM", "dumb")
        .arg("open")
        .arg(&path)
        .write_stdin(THREE_CRITERIA)
        .assert()
        .success()
        .stdout(contains("Scan Regio Zeeduinen"))
        .stdout(contains("0 van 22 beantwoord"))
        .stdout(contains("Gemeenten: 3 – Op orde"))
        .stdout(contains("Overeenstemming: 3 – Geen consensus"))
        .stdout(contains("VIS-3 klaar. 3 van 22 beantwoord."))
        .get_output()
        .stdout
        .clone();
    let stdout = String::from_utf8(output).expect("UTF-8 output");
    let last = stdout.lines().last().expect("a last line");
    assert!(
        last.starts_with("Opgeslagen in ") && last.contains("zeeduinen.toml"),
        "{last}"
    );
    check_three_criteria(&load(&path));
    check_closed_cleanly(&path);
}

#[test]
fn the_plain_flag_does_the_same_on_any_terminal() {
    let home = tempfile::tempdir().expect("temp dir");
    let path = new_scan(&home);
    zelfscan(home.path())
        .args(["open", "--plain"])
        .arg(&path)
        .write_stdin(THREE_CRITERIA)
        .assert()
        .success();
    check_three_criteria(&load(&path));
    check_closed_cleanly(&path);
}

#[test]
fn the_output_holds_no_escape_sequences() {
    let home = tempfile::tempdir().expect("temp dir");
    let path = new_scan(&home);
    let script =
        format!("?\noordeel\n{THREE_CRITERIA}ga VIS-1\nvolgende\nvorige\ns\nopslaan\nstop\n");
    let output = zelfscan(home.path())
        .args(["open", "--plain"])
        .arg(&path)
        .write_stdin(script)
        .assert()
        .success()
        .get_output()
        .clone();
    for stream in [&output.stdout, &output.stderr] {
        assert!(!stream.contains(&0x1b), "an ESC byte in the output");
        let text = String::from_utf8_lossy(stream);
        assert!(
            !text.chars().any(|c| c.is_control() && c != '\n'),
            "a control character in: {text}"
        );
    }
}

#[test]
fn end_of_input_in_the_middle_of_a_criterion_saves_what_was_entered() {
    let home = tempfile::tempdir().expect("temp dir");
    let path = new_scan(&home);
    zelfscan(home.path())
        .args(["open", "--plain"])
        .arg(&path)
        .write_stdin("2\nEerste regel van een notitie \\\ntweede regel, en dan niets meer \\")
        .assert()
        .success()
        .stdout(contains("Opgeslagen in "));
    let scan = load(&path);
    let answer = &scan.answers[0];
    assert_eq!(answer.perspectives[0].score, Some(Answer::Score(2)));
    assert_eq!(
        answer.perspectives[0].note,
        "Eerste regel van een notitie\ntweede regel, en dan niets meer"
    );
    assert_eq!(answer.perspectives[1].score, None);
    check_closed_cleanly(&path);

    // Opening again carries on at the same, still open, criterion.
    zelfscan(home.path())
        .args(["open", "--plain"])
        .arg(&path)
        .write_stdin("")
        .assert()
        .success()
        .stdout(contains("Criterium 1 van 22: VIS-1"))
        .stdout(contains("Gemeenten: 2 – In opbouw"));
}

#[test]
fn a_scan_open_elsewhere_is_refused_with_exit_2_naming_the_owner() {
    let home = tempfile::tempdir().expect("temp dir");
    let path = new_scan(&home);
    let before = std::fs::read(&path).expect("read");
    let owner = Owner {
        user: "anna".into(),
        host: "vergaderlaptop".into(),
        pid: 4242,
        since: "2026-11-25T10:00:00Z".into(),
    };
    let LockOutcome::Acquired { lock: held, .. } = lock::acquire(&path, &owner).expect("lock")
    else {
        panic!("the test takes the lock first");
    };
    zelfscan(home.path())
        .args(["open", "--plain"])
        .arg(&path)
        .write_stdin("3\n")
        .assert()
        .code(2)
        .stderr(contains("anna op vergaderlaptop"))
        .stderr(contains("4242"));
    assert_eq!(std::fs::read(&path).expect("read"), before);
    drop(held);
}

#[test]
fn edits_are_journaled_so_a_killed_session_is_recovered_on_the_next_open() {
    let home = tempfile::tempdir().expect("temp dir");
    let path = new_scan(&home);
    // What a killed session leaves: a journal with the edits, the file as it was.
    let mut session_scan = load(&path);
    let base = zelfscan::storage::journal::content_hash(&std::fs::read(&path).expect("read"));
    let mut journal =
        zelfscan::storage::journal::JournalWriter::start(&path, base).expect("journal");
    let edit = zelfscan::model::edit::Edit::Score {
        criterion: "VIS-1".into(),
        slot: zelfscan::model::edit::Slot::Perspective("gemeenten".into()),
        value: Some(Answer::Score(4)),
        at: jiff::Timestamp::now(),
    };
    edit.apply(&mut session_scan).expect("fits");
    journal.append(&[edit]).expect("append");
    drop(journal);

    zelfscan(home.path())
        .args(["open", "--plain"])
        .arg(&path)
        .write_stdin("")
        .assert()
        .success()
        .stdout(contains("hersteld"))
        .stdout(contains("Gemeenten: 4 – Geborgd"));
    assert_eq!(
        load(&path).answers[0].perspectives[0].score,
        Some(Answer::Score(4))
    );
    check_closed_cleanly(&path);
}

#[test]
fn bare_zelfscan_on_a_dumb_terminal_asks_for_a_file() {
    let home = tempfile::tempdir().expect("temp dir");
    zelfscan(home.path())
        .env("TERM", "dumb")
        .assert()
        .code(2)
        .stderr(contains("zelfscan open --plain BESTAND"));
}

#[test]
fn an_answer_is_in_the_journal_before_its_confirmation_is_printed() {
    use std::io::{Read, Write};
    let home = tempfile::tempdir().expect("temp dir");
    let path = new_scan(&home);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_zelfscan"))
        .env("ZELFSCAN_HOME", home.path())
        .args(["open", "--plain"])
        .arg(&path)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    let mut stdout = child.stdout.take().expect("stdout");
    stdin.write_all("3\n".as_bytes()).expect("write");
    stdin.flush().expect("flush");
    let mut seen = Vec::new();
    let mut buffer = [0_u8; 4096];
    while !String::from_utf8_lossy(&seen).contains("Gemeenten: 3 – Op orde") {
        let read = stdout.read(&mut buffer).expect("read");
        assert!(read > 0, "ended early: {}", String::from_utf8_lossy(&seen));
        seen.extend_from_slice(&buffer[..read]);
    }
    // Killed right after the confirmation: the file is as it was, the
    // journal has the answer, and the next open restores it.
    child.kill().expect("kill");
    child.wait().expect("wait");
    drop(stdin);
    assert_eq!(load(&path).answers[0].perspectives[0].score, None);
    let read = zelfscan::storage::journal::read_journal(&path)
        .expect("journal readable")
        .expect("a journal");
    assert_eq!(read.edits.len(), 1);
    zelfscan(home.path())
        .args(["open", "--plain"])
        .arg(&path)
        .write_stdin("")
        .assert()
        .success();
    assert_eq!(
        load(&path).answers[0].perspectives[0].score,
        Some(Answer::Score(3))
    );
}

/// Spins on every core until dropped, so the runs below compete for CPU as on
/// a loaded laptop.
struct BusyCores {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    threads: Vec<std::thread::JoinHandle<()>>,
}

impl BusyCores {
    fn start() -> Self {
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let cores = std::thread::available_parallelism().map_or(2, std::num::NonZeroUsize::get);
        let threads = (0..cores.max(2))
            .map(|_| {
                let stop = std::sync::Arc::clone(&stop);
                std::thread::spawn(move || {
                    let mut spin = 0_u64;
                    while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                        spin = std::hint::black_box(spin.wrapping_add(1));
                    }
                })
            })
            .collect();
        Self { stop, threads }
    }
}

impl Drop for BusyCores {
    fn drop(&mut self) {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        for thread in self.threads.drain(..) {
            let _ = thread.join();
        }
    }
}

/// Runs plain mode on `script`, writing it in pieces, and returns the exit
/// code and how many bytes it printed. Stops reading (and kills it) beyond
/// `most` bytes or after `limit`, so a loop fails the test instead of hanging it.
fn run_plain_bounded(
    home: &Path,
    scan: &Path,
    script: &'static [u8],
    most: usize,
    limit: std::time::Duration,
) -> (Option<i32>, usize, String) {
    use std::io::{Read, Write};
    use std::process::Stdio;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_zelfscan"))
        .args(["open", "--plain"])
        .arg(scan)
        .env("ZELFSCAN_HOME", home)
        .env("ZELFSCAN_LANG", "nl")
        .env("TERM", "dumb")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start zelfscan");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || {
        // In small pieces, so reads end in the middle of lines.
        for piece in script.chunks(7) {
            if stdin.write_all(piece).is_err() {
                return;
            }
            std::thread::yield_now();
        }
        // Dropping stdin is the end of input.
    });
    let mut stdout = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        let mut seen = Vec::new();
        let mut buffer = [0_u8; 8192];
        while seen.len() <= most {
            match stdout.read(&mut buffer) {
                Ok(0) | Err(_) => break,
                Ok(count) => seen.extend_from_slice(&buffer[..count]),
            }
        }
        seen
    });
    let deadline = std::time::Instant::now() + limit;
    let code = loop {
        match child.try_wait().expect("wait") {
            Some(status) => break status.code(),
            None if std::time::Instant::now() >= deadline => {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            None => std::thread::sleep(std::time::Duration::from_millis(5)),
        }
    };
    let _ = writer.join();
    let seen = reader.join().expect("reader");
    if code.is_none() || seen.len() > most {
        let _ = child.kill();
        let _ = child.wait();
    }
    let tail = String::from_utf8_lossy(&seen[seen.len().saturating_sub(300)..]).into_owned();
    (code, seen.len(), tail)
}

#[test]
fn end_of_input_always_saves_and_exits_while_both_cores_are_busy() {
    const RUNS: usize = 50;
    let scripts: [&'static [u8]; 5] = [
        THREE_CRITERIA.as_bytes(),
        b"",
        b"3\nEen notitie die doorloopt \\\nen niet af is \\",
        b"3\nzonder regeleinde aan het eind",
        b"?\nvolgende\nvorige\nga VIS-2\n2\r\nnotitie met CRLF\r\n",
    ];
    let _busy = BusyCores::start();
    for run in 0..RUNS {
        let home = tempfile::tempdir().expect("temp dir");
        let scan = new_scan(&home);
        let script = scripts[run % scripts.len()];
        let (code, printed, tail) = run_plain_bounded(
            home.path(),
            &scan,
            script,
            1 << 20,
            std::time::Duration::from_secs(60),
        );
        assert!(
            printed <= 1 << 20,
            "run {run}: more than 1 MB printed; it ends with {tail:?}"
        );
        assert_eq!(
            code,
            Some(0),
            "run {run}: no clean exit; the output ends with {tail:?}"
        );
        assert!(
            tail.contains("De scan is gesloten"),
            "run {run}: not saved and closed: {tail:?}"
        );
        check_closed_cleanly(&scan);
    }
}

/// A terminal that goes away (its window closed while zelfscan is not the
/// terminal's session leader, so no SIGHUP comes): reading then mostly fails
/// with an error instead of returning nothing. That ends the input like the
/// end of input does: the scan is saved, the journal goes, and the exit code
/// (2) says something went wrong.
#[cfg(unix)]
#[test]
fn a_terminal_that_goes_away_ends_the_input_and_the_scan_is_saved() {
    use std::io::{Read, Write};
    use std::os::unix::fs::OpenOptionsExt;
    use std::process::Stdio;
    use std::sync::{Arc, Mutex};

    let home = tempfile::tempdir().expect("temp dir");
    let scan = new_scan(&home);
    let pair = portable_pty::native_pty_system()
        .openpty(portable_pty::PtySize {
            rows: 24,
            cols: 80,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("openpty");
    let terminal = pair.master.tty_name().expect("the terminal's name");
    // O_NOCTTY: the terminal must not become this test's controlling one.
    let stdin = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOCTTY)
        .open(&terminal)
        .expect("open the terminal");
    drop(pair.slave);
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_zelfscan"))
        .args(["open", "--plain"])
        .arg(&scan)
        .env("ZELFSCAN_HOME", home.path())
        .env("ZELFSCAN_LANG", "nl")
        .env("TERM", "dumb")
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start zelfscan");
    let printed = Arc::new(Mutex::new(Vec::new()));
    let mut stdout = child.stdout.take().expect("stdout");
    let sink = Arc::clone(&printed);
    let reader = std::thread::spawn(move || {
        let mut buffer = [0_u8; 4096];
        while let Ok(count @ 1..) = stdout.read(&mut buffer) {
            sink.lock()
                .expect("sink")
                .extend_from_slice(&buffer[..count]);
        }
    });
    let mut keyboard = pair.master.take_writer().expect("writer");
    keyboard.write_all(b"3\nEen notitie\n").expect("type");
    keyboard.flush().expect("flush");
    let confirmed = "Notitie Gemeenten: Een notitie";
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !String::from_utf8_lossy(&printed.lock().expect("printed")).contains(confirmed) {
        assert!(
            std::time::Instant::now() < deadline,
            "no confirmation: {}",
            String::from_utf8_lossy(&printed.lock().expect("printed"))
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    // The window closes.
    drop(keyboard);
    drop(pair.master);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if std::time::Instant::now() >= deadline {
            let _ = child.kill();
            panic!("zelfscan did not end when its terminal went away");
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    };
    reader.join().expect("reader");
    let mut errors = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut errors)
        .expect("read stderr");
    // Linux answers a read on a terminal whose other side closed with an
    // error until the hangup is complete, and with the end of input after
    // it; which one zelfscan sees is a race. Either ends the input.
    match status.code() {
        Some(0) => {}
        Some(2) => assert!(
            errors.contains("De invoer of uitvoer werkt niet meer"),
            "{errors}"
        ),
        other => panic!("exit {other:?}: {errors}"),
    }
    let saved = load(&scan);
    assert_eq!(
        saved.answers[0].perspectives[0].score,
        Some(Answer::Score(3))
    );
    assert_eq!(saved.answers[0].perspectives[0].note, "Een notitie");
    check_closed_cleanly(&scan);
}

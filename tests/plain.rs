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

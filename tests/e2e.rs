//! End to end: the real binary in a pseudo-terminal at 80×24, typed at as a
//! facilitator would, then the saved file read back with the library.
//!
//! Every step waits for the screen to show its effect (polling, with a
//! timeout) instead of sleeping. After Esc the test always waits for the
//! screen to change before sending the next key: crossterm reads Esc followed
//! at once by another byte as an Alt-key.

mod support;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use jiff::Timestamp;
use jiff::civil::Date;
use support::pty::{Key, Session, TIMEOUT};
use zelfscan::model::{Agreement, Answer, CriterionAnswer, Participant, PerspectiveAnswer, Scan};
use zelfscan::storage::load_scan;

const BIN: &str = env!("CARGO_BIN_EXE_zelfscan");

/// Shown in the hint bar while browsing the walkthrough (not while typing).
const BROWSE_HINT: &str = "n/PgDn volgende";
/// Shown in the hint bar while typing a note.
const EDIT_HINT: &str = "Esc klaar";

fn today() -> Date {
    Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .date()
}

/// The app in a fresh `ZELFSCAN_HOME`, at the given size.
fn spawn(home: &Path, args: &[&str], cols: u16, rows: u16) -> Session {
    spawn_with(home, args, cols, rows, &[])
}

fn spawn_with(
    home: &Path,
    args: &[&str],
    cols: u16,
    rows: u16,
    extra: &[(&str, &OsStr)],
) -> Session {
    let mut env = vec![
        ("ZELFSCAN_HOME", home.as_os_str()),
        // Dutch whatever the machine's locale: these tests read Dutch screens.
        ("ZELFSCAN_LANG", OsStr::new("nl")),
    ];
    env.extend_from_slice(extra);
    Session::spawn(BIN, args, &env, cols, rows).expect("start zelfscan in a pty")
}

/// Holds the autosave off for ten minutes, so a test can quit with a change
/// that is still unsaved however slow the machine is.
const NO_AUTOSAVE: (&str, &str) = ("ZELFSCAN_TEST_AUTOSAVE_AFTER_MS", "600000");

/// Creates a scan with `zelfscan new --no-open` and returns its path.
fn new_scan_file(home: &Path, region: &str) -> PathBuf {
    let output = Command::new(BIN)
        .args(["new", "--region", region, "--no-open"])
        .env("ZELFSCAN_HOME", home)
        .env("ZELFSCAN_LANG", "nl")
        .output()
        .expect("run zelfscan new");
    assert!(output.status.success(), "zelfscan new failed: {output:?}");
    let scans: Vec<PathBuf> = std::fs::read_dir(home.join("scans"))
        .expect("scans folder")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.extension() == Some(OsStr::new("toml")))
        .collect();
    assert_eq!(scans.len(), 1, "one scan expected: {scans:?}");
    scans.into_iter().next().expect("one scan")
}

fn wait(session: &Session, text: &str) -> String {
    session
        .wait_for(text, TIMEOUT)
        .unwrap_or_else(|error| panic!("{error}"))
}

/// With a note field focused: starts typing, types `lines` (Enter between
/// them), optionally fixes a typo with Backspace, and stops with Esc.
fn type_note(session: &mut Session, lines: &[&str], typo: bool) {
    session.send_key(Key::Enter);
    wait(session, EDIT_HINT);
    for (number, line) in lines.iter().enumerate() {
        if number > 0 {
            session.send_key(Key::Enter);
        }
        session.send(line);
    }
    if typo {
        session.send("xy");
        session.send_key(Key::Backspace);
        session.send_key(Key::Backspace);
    }
    // The last line must be on screen before Esc, so Esc is the last byte sent.
    wait(session, lines.last().expect("a line"));
    session.send_key(Key::Esc);
    wait(session, BROWSE_HINT);
}

/// How one criterion is answered in the walkthrough.
struct Plan {
    id: &'static str,
    /// Keys for the score of each perspective, then the consensus score.
    scores: [&'static str; 3],
    /// Keys pressed on the agreement field.
    agreement: &'static [Key],
    agreement_digit: Option<&'static str>,
    /// Notes per perspective, then the joint note, as lines.
    notes: [&'static [&'static str]; 3],
    expected: CriterionAnswer,
}

fn answer_criterion(session: &mut Session, plan: &Plan) {
    wait(session, &format!("{} · ", plan.id));
    // Gemeenten: score, note.
    session.send(plan.scores[0]);
    session.send_key(Key::Tab);
    type_note(session, plan.notes[0], true);
    // Aanbieders: score, note.
    session.send_key(Key::Tab);
    session.send(plan.scores[1]);
    session.send_key(Key::Tab);
    type_note(session, plan.notes[1], false);
    // Joint answer, agreement, joint note.
    session.send_key(Key::Tab);
    session.send(plan.scores[2]);
    session.send_key(Key::Tab);
    for key in plan.agreement {
        session.send_key(*key);
    }
    if let Some(digit) = plan.agreement_digit {
        session.send(digit);
    }
    session.send_key(Key::Tab);
    type_note(session, plan.notes[2], false);
    session.send("n");
}

fn perspective(score: Answer, note: &str) -> PerspectiveAnswer {
    PerspectiveAnswer {
        score: Some(score),
        note: note.to_string(),
        ..PerspectiveAnswer::default()
    }
}

fn expected(
    views: [PerspectiveAnswer; 2],
    consensus: Answer,
    agreement: Agreement,
    note: &str,
) -> CriterionAnswer {
    CriterionAnswer {
        perspectives: views.to_vec(),
        consensus: Some(consensus),
        agreement: Some(agreement),
        consensus_note: note.to_string(),
        skipped: false,
        // Checked separately: only that it is set, and when.
        changed_at: None,
        ..CriterionAnswer::default()
    }
}

fn plans() -> Vec<Plan> {
    vec![
        Plan {
            id: "VIS-1",
            scores: ["3", "2", "3"],
            agreement: &[],
            agreement_digit: Some("1"),
            notes: [
                &["Visie is geëvalueerd in 2025;", "één gemeente twijfelt."],
                &["Aanbieders zijn niet betrokken.", "Café-overleg gepland."],
                &["Samen: op orde, ë en é blijven.", "Tweede regel."],
            ],
            expected: expected(
                [
                    perspective(
                        Answer::Score(3),
                        "Visie is geëvalueerd in 2025;\néén gemeente twijfelt.",
                    ),
                    perspective(
                        Answer::Score(2),
                        "Aanbieders zijn niet betrokken.\nCafé-overleg gepland.",
                    ),
                ],
                Answer::Score(3),
                Agreement::Consensus,
                "Samen: op orde, ë en é blijven.\nTweede regel.",
            ),
        },
        Plan {
            id: "VIS-2",
            scores: ["4", "o", "4"],
            // From "nothing chosen": → consensus, → voorbehoud.
            agreement: &[Key::Right, Key::Right],
            agreement_digit: None,
            notes: [
                &["Breed gedragen, ook door de raad.", "Notitie van Zoë."],
                &["Weten we niet; navragen bij René."],
                &[
                    "Geborgd, met voorbehoud:",
                    "de aanbieders reageren nog.",
                    "Actiehouder: Noël.",
                ],
            ],
            expected: expected(
                [
                    perspective(
                        Answer::Score(4),
                        "Breed gedragen, ook door de raad.\nNotitie van Zoë.",
                    ),
                    perspective(Answer::Unknown, "Weten we niet; navragen bij René."),
                ],
                Answer::Score(4),
                Agreement::WithReservation,
                "Geborgd, met voorbehoud:\nde aanbieders reageren nog.\nActiehouder: Noël.",
            ),
        },
        Plan {
            id: "VIS-3",
            scores: ["1", "x", "2"],
            agreement: &[],
            agreement_digit: Some("3"),
            notes: [
                &["Nog niet vertaald naar doelen.", "Zie het coalitieakkoord."],
                &["Niet van toepassing volgens José."],
                &[
                    "Geen overeenstemming;",
                    "beide scores blijven staan (ë, é).",
                ],
            ],
            expected: expected(
                [
                    perspective(
                        Answer::Score(1),
                        "Nog niet vertaald naar doelen.\nZie het coalitieakkoord.",
                    ),
                    perspective(Answer::NotApplicable, "Niet van toepassing volgens José."),
                ],
                Answer::Score(2),
                Agreement::NoConsensus,
                "Geen overeenstemming;\nbeide scores blijven staan (ë, é).",
            ),
        },
    ]
}

fn load(path: &Path) -> Scan {
    load_scan(path)
        .unwrap_or_else(|error| panic!("{} does not load: {error:?}", path.display()))
        .value
}

#[test]
fn new_scan_through_the_form_three_criteria_saved_and_read_back() {
    let home = tempfile::tempdir().expect("temp dir");
    let date_before = today();
    let started = Timestamp::now();
    let mut session = spawn(home.path(), &[], 80, 24);

    wait(&session, "Nieuwe scan starten");
    session.send("n");
    wait(&session, "Gespreksleider");
    session.send("Regio Súdwest-Fryslân");
    // The suggested file name follows the region.
    wait(&session, "regio-sudwest-fryslan-");
    session.send_key(Key::Tab); // Datum: prefilled with today
    session.send_key(Key::Tab);
    session.send("Anouk Séverin");
    session.send_key(Key::Tab);
    session.send("Sven de Jong");
    session.send_key(Key::Tab); // Kader: the bundled one
    session.send_key(Key::Tab);
    session.send("Els Bakker; Gemeente Súdwest-Fryslân; g");
    session.send_key(Key::Enter);
    session.send("Ömer Yılmaz; Jeugdhulp Friesland; a");
    wait(&session, "Jeugdhulp Friesland; a");
    session.send_key(Key::Tab); // Bestand
    session.send_key(Key::Tab); // [Scan starten]
    session.send_key(Key::Enter);
    wait(&session, "geopend");
    wait(&session, "VIS-1 · ");

    let plans = plans();
    for plan in &plans {
        answer_criterion(&mut session, plan);
    }
    wait(&session, "SAM-1 · ");
    wait(&session, "niet opgeslagen");

    session.send_key(Key::Ctrl('s'));
    wait(&session, "Opgeslagen");
    session.send("q");
    let status = session.wait_exit(TIMEOUT).expect("zelfscan exits");
    assert_eq!(status.exit_code(), 0, "exit status {status:?}");
    let finished = Timestamp::now();
    let date_after = today();

    let scans = home.path().join("scans");
    let file = [date_before, date_after]
        .iter()
        .map(|date| scans.join(format!("regio-sudwest-fryslan-{date}.toml")))
        .find(|path| path.exists())
        .unwrap_or_else(|| panic!("no scan file in {}", scans.display()));
    let scan = load(&file);

    assert_eq!(scan.meta.region, "Regio Súdwest-Fryslân");
    assert!(
        scan.meta.date == date_before || scan.meta.date == date_after,
        "date {} is not today",
        scan.meta.date
    );
    assert_eq!(scan.meta.facilitator, "Anouk Séverin");
    assert_eq!(scan.meta.note_taker, "Sven de Jong");
    assert_eq!(
        scan.meta.participants,
        vec![
            Participant {
                name: "Els Bakker".to_string(),
                organisation: "Gemeente Súdwest-Fryslân".to_string(),
                perspective: "gemeenten".to_string(),
                ..Participant::default()
            },
            Participant {
                name: "Ömer Yılmaz".to_string(),
                organisation: "Jeugdhulp Friesland".to_string(),
                perspective: "aanbieders".to_string(),
                ..Participant::default()
            },
        ]
    );
    assert_eq!(scan.framework.id, "robuuste-jeugdhulpregio");
    let criterion_count = scan.framework.criterion_count();
    assert_eq!(scan.answers.len(), criterion_count);

    // The timestamps are to the second, so allow the second around the run.
    let earliest =
        started.round(jiff::Unit::Second).expect("round") - jiff::SignedDuration::from_secs(1);
    let latest = finished + jiff::SignedDuration::from_secs(1);
    for (index, entry) in scan.framework.criteria().enumerate() {
        let answer = &scan.answers[index];
        match plans.iter().find(|plan| plan.id == entry.criterion.id) {
            Some(plan) => {
                let changed_at = answer
                    .changed_at
                    .unwrap_or_else(|| panic!("{}: changed_at missing", plan.id));
                assert!(
                    earliest <= changed_at && changed_at <= latest,
                    "{}: changed_at {changed_at} outside {earliest}..{latest}",
                    plan.id
                );
                let without_time = CriterionAnswer {
                    changed_at: None,
                    ..answer.clone()
                };
                assert_eq!(without_time, plan.expected, "criterion {}", plan.id);
            }
            None => assert_eq!(
                answer,
                &CriterionAnswer::empty(2),
                "criterion {} should be empty",
                entry.criterion.id
            ),
        }
    }
    // The three answered criteria come first in the walk.
    let answered: Vec<&str> = scan
        .framework
        .criteria()
        .filter(|entry| !scan.answers[entry.index].is_empty())
        .map(|entry| entry.criterion.id.as_str())
        .collect();
    assert_eq!(answered, ["VIS-1", "VIS-2", "VIS-3"]);
}

#[test]
fn quit_with_unsaved_changes_and_discard_leaves_the_file_alone() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = new_scan_file(home.path(), "Regio Eemsdelta-Noord");
    let before = std::fs::read(&file).expect("read scan");
    let mut session = spawn_with(
        home.path(),
        &["open", file.to_str().expect("utf-8 path")],
        80,
        24,
        &[(NO_AUTOSAVE.0, OsStr::new(NO_AUTOSAVE.1))],
    );

    wait(&session, "VIS-1 · ");
    session.send("3");
    wait(&session, "niet opgeslagen");
    session.send("q");
    wait(&session, "Opslaan voor je");
    wait(&session, "n  niet opslaan");
    session.send("n");
    let status = session.wait_exit(TIMEOUT).expect("zelfscan exits");
    assert_eq!(status.exit_code(), 0, "exit status {status:?}");

    assert_eq!(
        std::fs::read(&file).expect("read scan"),
        before,
        "file changed"
    );
    assert!(load(&file).answers.iter().all(CriterionAnswer::is_empty));
}

#[test]
fn quit_with_unsaved_changes_and_save_writes_the_answer() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = new_scan_file(home.path(), "Regio Eemsdelta-Noord");
    let mut session = spawn_with(
        home.path(),
        &["open", file.to_str().expect("utf-8 path")],
        80,
        24,
        &[(NO_AUTOSAVE.0, OsStr::new(NO_AUTOSAVE.1))],
    );

    wait(&session, "VIS-1 · ");
    session.send("3");
    session.send_key(Key::Tab);
    type_note(
        &mut session,
        &["Opgeslagen bij afsluiten, één keer."],
        false,
    );
    session.send("q");
    wait(&session, "Opslaan voor je");
    wait(&session, "n  niet opslaan");
    session.send("j");
    let status = session.wait_exit(TIMEOUT).expect("zelfscan exits");
    assert_eq!(status.exit_code(), 0, "exit status {status:?}");

    let scan = load(&file);
    let first = &scan.answers[0];
    assert_eq!(
        first.perspectives[0],
        perspective(Answer::Score(3), "Opgeslagen bij afsluiten, één keer.")
    );
    assert!(first.changed_at.is_some());
    assert!(scan.answers[1..].iter().all(CriterionAnswer::is_empty));
}

#[test]
fn too_small_terminal_shows_a_message_and_q_still_quits() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut session = spawn(home.path(), &[], 60, 20);
    wait(&session, "te klein");
    session.send("q");
    let status = session.wait_exit(TIMEOUT).expect("zelfscan exits");
    assert_eq!(status.exit_code(), 0, "exit status {status:?}");
}

#[test]
fn growing_a_too_small_terminal_shows_the_start_screen() {
    let home = tempfile::tempdir().expect("temp dir");
    let mut session = spawn(home.path(), &[], 60, 20);
    wait(&session, "te klein");
    session.resize(80, 24).expect("resize");
    wait(&session, "Nieuwe scan starten");
    session.send("q");
    let status = session.wait_exit(TIMEOUT).expect("zelfscan exits");
    assert_eq!(status.exit_code(), 0, "exit status {status:?}");
}

#[test]
fn opening_a_scan_resumes_at_the_first_open_criterion_and_remembers_it() {
    let home = tempfile::tempdir().expect("temp dir");
    let file = home.path().join("voorbeeld.toml");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli/scan-valid.toml");
    std::fs::copy(&fixture, &file).expect("copy fixture");
    let before = std::fs::read(&file).expect("read scan");

    // VIS-1 is answered in the fixture, so the walk resumes at VIS-2.
    let mut session = spawn(
        home.path(),
        &["open", file.to_str().expect("utf-8 path")],
        80,
        24,
    );
    wait(&session, "voorbeeld.toml geopend");
    wait(&session, "VIS-2 · ");
    wait(&session, "1 van 3 beantwoord");
    session.send("q");
    let status = session.wait_exit(TIMEOUT).expect("zelfscan exits");
    assert_eq!(status.exit_code(), 0, "exit status {status:?}");
    assert_eq!(
        std::fs::read(&file).expect("read scan"),
        before,
        "file changed"
    );

    // The start screen lists it as recently opened, and Enter opens it again.
    let mut session = spawn(home.path(), &[], 80, 24);
    wait(&session, "Recent geopend");
    wait(&session, "voorbeeld.toml");
    session.send_key(Key::Down);
    session.send_key(Key::Down);
    session.send_key(Key::Enter);
    wait(&session, "VIS-2 · ");
    session.send("q");
    let status = session.wait_exit(TIMEOUT).expect("zelfscan exits");
    assert_eq!(status.exit_code(), 0, "exit status {status:?}");
}

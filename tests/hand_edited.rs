//! Hand-edited scans keep what the person wrote: a save patches the file as
//! read (comments, key order, quoting, multi-line strings, BOM, CRLF), and no
//! command writes a file it did not change (bytes and modification time are
//! compared before and after).

mod support;

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use assert_cmd::Command;
use jiff::Timestamp;
use predicates::str::contains;
use support::pty::{Key, Session, TIMEOUT};
use zelfscan::model::edit::{Edit, Slot};
use zelfscan::model::{Answer, CriterionAnswer, Scan};
use zelfscan::storage::journal::{JournalWriter, content_hash, journal_path};
use zelfscan::storage::recovery::checkpoint_from_journal;
use zelfscan::storage::{self, parse_scan, scan_to_toml, scan_to_toml_over};

const BIN: &str = env!("CARGO_BIN_EXE_zelfscan");

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/valid")
        .join(name)
}

/// The two hand-edited fixtures: the same scan with LF, and with BOM + CRLF.
const HAND_EDITED: [&str; 2] = ["hand-edited-comments.toml", "hand-edited-bom-crlf.toml"];

fn read(name: &str) -> (String, Scan) {
    let text = fs::read_to_string(fixture(name)).expect("fixture");
    let scan = parse_scan(&text).expect("fixture loads").value;
    (text, scan)
}

/// `text` with LF line ends written as the fixture writes them.
fn in_style_of(original: &str, text: &str) -> String {
    if original.contains("\r\n") {
        text.replace('\n', "\r\n")
    } else {
        text.to_string()
    }
}

/// The hand-edited fixture with `from` replaced by `to` (both written with
/// LF; turned into the fixture's line ends).
fn replaced(original: &str, from: &str, to: &str) -> String {
    let from = in_style_of(original, from);
    assert_eq!(original.matches(&from).count(), 1, "{from:?} once");
    original.replacen(&from, &in_style_of(original, to), 1)
}

fn index_of(scan: &Scan, id: &str) -> usize {
    scan.framework
        .criteria()
        .position(|entry| entry.criterion.id == id)
        .expect("criterion")
}

fn answer_mut<'s>(scan: &'s mut Scan, id: &str) -> &'s mut CriterionAnswer {
    let at = index_of(scan, id);
    &mut scan.answers[at]
}

/// Saves `scan` over `original` and checks it reads back as `scan`.
fn saved(original: &str, scan: &Scan) -> String {
    let text = scan_to_toml_over(original, scan);
    assert_eq!(&parse_scan(&text).expect("saved text loads").value, scan);
    text
}

#[test]
fn an_unchanged_scan_saves_to_the_same_bytes() {
    for name in HAND_EDITED {
        let (original, scan) = read(name);
        assert_eq!(scan_to_toml_over(&original, &scan), original, "{name}");
    }
}

#[test]
fn an_edit_of_another_criterion_keeps_comments_order_strings_bom_and_line_ends() {
    for name in HAND_EDITED {
        let (original, mut scan) = read(name);
        answer_mut(&mut scan, "VIS-2").consensus = Some(Answer::Score(2));
        let text = saved(&original, &scan);
        // Only the edited criterion's table changed, by one line, placed
        // where the stable layout puts it.
        assert_eq!(
            text,
            replaced(
                &original,
                "[answers.VIS-2]\nskipped = true\n",
                "[answers.VIS-2]\nconsensus = 2\nskipped = true\n",
            ),
            "{name}"
        );
        assert_eq!(
            text.starts_with('\u{feff}'),
            original.starts_with('\u{feff}')
        );
        for kept in [
            "# Onze scan van de werksessie in maart (fictief).",
            "region = 'Regio Test'  # zoals de regio zichzelf noemt",
            "facilitator = \"Anna\"    # ook notulist",
            "# Wie er waren:",
            "consensus_note = '''",
            "note = \"\"\"",
            "# VIS-2 parkeren we tot na de pauze.",
        ] {
            assert!(text.contains(kept), "{name}: {kept}");
        }
    }
}

#[test]
fn the_edited_value_changes_and_keeps_its_comment() {
    for name in HAND_EDITED {
        let (original, mut scan) = read(name);
        answer_mut(&mut scan, "VIS-1").consensus = Some(Answer::Score(4));
        let text = saved(&original, &scan);
        assert_eq!(
            text,
            replaced(
                &original,
                "consensus = 3 # na lang praten",
                "consensus = 4 # na lang praten"
            ),
            "{name}"
        );
    }
}

#[test]
fn a_new_answer_table_appears_in_the_stable_layout() {
    for name in HAND_EDITED {
        let (original, mut scan) = read(name);
        let answer = answer_mut(&mut scan, "VIS-3");
        answer.consensus = Some(Answer::Score(2));
        answer.perspectives[0].score = Some(Answer::Score(2));
        answer.perspectives[0].note = "Nieuw, op één regel.".to_string();
        let text = saved(&original, &scan);
        let canonical = scan_to_toml(&scan);
        let start = canonical.find("\n[answers.VIS-3]").expect("new table");
        let end = canonical.find("\n[framework]").expect("framework");
        let block = &canonical[start..end];
        assert!(block.contains("[answers.VIS-3.gemeenten]"), "{block}");
        assert_eq!(
            text,
            replaced(
                &original,
                "skipped = true\n",
                &format!("skipped = true\n{block}")
            ),
            "{name}"
        );
    }
}

#[test]
fn a_removed_answer_disappears_with_its_comment() {
    for name in HAND_EDITED {
        let (original, mut scan) = read(name);
        let perspectives = scan.framework.perspectives.len();
        *answer_mut(&mut scan, "VIS-2") = CriterionAnswer {
            perspectives: vec![Default::default(); perspectives],
            ..CriterionAnswer::default()
        };
        let text = saved(&original, &scan);
        assert_eq!(
            text,
            replaced(
                &original,
                "\n# VIS-2 parkeren we tot na de pauze.\n[answers.VIS-2]\nskipped = true\n",
                "",
            ),
            "{name}"
        );
    }
}

#[test]
fn example_scans_and_fixtures_save_unchanged_to_the_same_bytes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<PathBuf> = Vec::new();
    for dir in ["scans/examples", "tests/fixtures/valid"] {
        for entry in fs::read_dir(root.join(dir)).expect("dir") {
            let path = entry.expect("entry").path();
            // scans/examples holds folders too (homework, a later scan).
            if path.is_dir() {
                for inner in fs::read_dir(&path).expect("dir") {
                    files.push(inner.expect("entry").path());
                }
            } else {
                files.push(path);
            }
        }
    }
    let mut scans = 0;
    for file in files {
        let text = fs::read_to_string(&file).expect("read");
        let Ok(loaded) = parse_scan(&text) else {
            continue;
        };
        scans += 1;
        assert_eq!(
            scan_to_toml_over(&text, &loaded.value),
            text,
            "{}",
            file.display()
        );
        // The patch itself (not only the check that nothing changed).
        assert_eq!(
            storage::patch_scan_toml(&text, &loaded.value).as_deref(),
            Some(text.as_str()),
            "{}",
            file.display()
        );
    }
    assert!(scans >= 8, "{scans} scans");
}

// ---- No command writes a file it did not change ----

/// A copy of `name` in `dir`, with an old modification time, so a write
/// (even of the same bytes) shows.
fn copy_with_old_mtime(name: &str, dir: &Path) -> (PathBuf, Vec<u8>, SystemTime) {
    let path = dir.join("scan.toml");
    fs::copy(fixture(name), &path).expect("copy");
    let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    fs::File::options()
        .write(true)
        .open(&path)
        .and_then(|file| file.set_modified(old))
        .expect("set mtime");
    (path.clone(), fs::read(&path).expect("read"), old)
}

fn assert_untouched(path: &Path, bytes: &[u8], mtime: SystemTime) {
    let now = fs::read(path).expect("read");
    assert_eq!(
        String::from_utf8_lossy(&now),
        String::from_utf8_lossy(bytes),
        "same bytes"
    );
    let now = fs::metadata(path).and_then(|meta| meta.modified());
    assert_eq!(now.expect("mtime"), mtime, "not written");
}

fn zelfscan(home: &Path) -> Command {
    let mut command = Command::new(BIN);
    command
        .env("ZELFSCAN_HOME", home)
        .env("ZELFSCAN_LANG", "nl")
        .env("TERM", "xterm-256color")
        .current_dir(home);
    command
}

#[test]
fn plain_mode_without_edits_does_not_write() {
    for name in HAND_EDITED {
        let home = tempfile::tempdir().expect("temp dir");
        let (path, bytes, mtime) = copy_with_old_mtime(name, home.path());
        zelfscan(home.path())
            .args(["open", "--plain"])
            .arg(&path)
            .write_stdin("")
            .assert()
            .success()
            .stdout(contains("Niets gewijzigd"));
        assert_untouched(&path, &bytes, mtime);
        assert!(!journal_path(&path).exists(), "journal removed");
    }
}

#[test]
fn plain_mode_saving_without_edits_does_not_write() {
    let home = tempfile::tempdir().expect("temp dir");
    let (path, bytes, mtime) = copy_with_old_mtime("hand-edited-comments.toml", home.path());
    zelfscan(home.path())
        .args(["open", "--plain"])
        .arg(&path)
        .write_stdin("opslaan\nstop\n")
        .assert()
        .success()
        .stdout(contains("Niets te bewaren"));
    assert_untouched(&path, &bytes, mtime);
}

#[test]
fn plain_mode_with_an_edit_keeps_the_hand_edits() {
    let home = tempfile::tempdir().expect("temp dir");
    let (path, original, _) = copy_with_old_mtime("hand-edited-bom-crlf.toml", home.path());
    zelfscan(home.path())
        .args(["open", "--plain"])
        .arg(&path)
        .write_stdin("ga VIS-3\n2\n")
        .assert()
        .success();
    let text = fs::read_to_string(&path).expect("read");
    let original = String::from_utf8(original).expect("utf-8");
    let scan = parse_scan(&text).expect("loads").value;
    assert_eq!(
        scan.answers[index_of(&scan, "VIS-3")].perspectives[0].score,
        Some(Answer::Score(2))
    );
    assert!(text.starts_with('\u{feff}'), "BOM kept");
    assert!(!text.replace("\r\n", "").contains('\n'), "CRLF throughout");
    // Everything before the new answer is as it was, comments and all.
    let before = original.find("\r\n# Hieronder").expect("comment");
    assert!(text.starts_with(&original[..before]), "{text}");
    assert!(text.contains("\r\n# Hieronder het kader; niet aan komen.\r\n[framework]"));
}

#[test]
fn a_journal_whose_edits_change_nothing_is_not_written_into_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, bytes, mtime) = copy_with_old_mtime("hand-edited-comments.toml", dir.path());
    let mut journal = JournalWriter::start(&path, content_hash(&bytes)).expect("journal");
    // The scan has no verdict override: removing it changes nothing.
    journal.append(&[Edit::Override(None)]).expect("append");
    drop(journal);
    assert!(checkpoint_from_journal(&path).expect("checkpoint"));
    assert_untouched(&path, &bytes, mtime);
}

#[test]
fn a_journal_with_a_real_edit_is_checkpointed_keeping_the_hand_edits() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (path, bytes, _) = copy_with_old_mtime("hand-edited-bom-crlf.toml", dir.path());
    let mut journal = JournalWriter::start(&path, content_hash(&bytes)).expect("journal");
    journal
        .append(&[Edit::Score {
            criterion: "VIS-1".to_string(),
            slot: Slot::Consensus,
            value: Some(Answer::Score(4)),
            at: Timestamp::now(),
        }])
        .expect("append");
    drop(journal);
    assert!(checkpoint_from_journal(&path).expect("checkpoint"));
    let original = String::from_utf8(bytes).expect("utf-8");
    let text = fs::read_to_string(&path).expect("read");
    // The score changed (and with it the time of the change); the rest stays.
    assert!(
        text.contains("consensus = 4 # na lang praten\r\n"),
        "{text}"
    );
    let stamp_line = |text: &str| {
        text.lines()
            .find(|line| line.starts_with("changed_at"))
            .map(str::to_string)
    };
    let expected = replaced(
        &original,
        "consensus = 3 # na lang praten",
        "consensus = 4 # na lang praten",
    );
    let expected = match (stamp_line(&expected), stamp_line(&text)) {
        (Some(old), Some(new)) => expected.replacen(&old, &new, 1),
        _ => expected,
    };
    assert_eq!(text, expected);
    assert!(storage::load_scan(&path).is_ok());
}

fn spawn(home: &Path, file: &Path) -> Session {
    let env = [
        ("ZELFSCAN_HOME", home.as_os_str()),
        ("ZELFSCAN_LANG", OsStr::new("nl")),
    ];
    let file = file.to_string_lossy().into_owned();
    Session::spawn(BIN, &["open", file.as_str()], &env, 100, 30).expect("start zelfscan in a pty")
}

#[test]
fn opening_saving_and_quitting_without_edits_does_not_write() {
    let home = tempfile::tempdir().expect("temp dir");
    let (path, bytes, mtime) = copy_with_old_mtime("hand-edited-bom-crlf.toml", home.path());
    let mut session = spawn(home.path(), &path);
    session.wait_for("VIS-1", TIMEOUT).expect("walkthrough");
    session.send_key(Key::Ctrl('s'));
    session
        .wait_for("Niets te bewaren", TIMEOUT)
        .expect("nothing to save");
    session.send("q");
    session.wait_exit(TIMEOUT).expect("quits");
    assert_untouched(&path, &bytes, mtime);
    assert!(!journal_path(&path).exists(), "journal removed");
}

/// A journal beside the scan whose one edit changes nothing (there is no
/// verdict override to remove): opening replays it, so the scan counts as
/// unsaved until the next save.
fn journal_changing_nothing(path: &Path, bytes: &[u8]) {
    let mut journal = JournalWriter::start(path, content_hash(bytes)).expect("journal");
    journal.append(&[Edit::Override(None)]).expect("append");
}

#[test]
fn plain_mode_after_replaying_a_journal_that_changes_nothing_does_not_write() {
    let home = tempfile::tempdir().expect("temp dir");
    let (path, bytes, mtime) = copy_with_old_mtime("hand-edited-comments.toml", home.path());
    journal_changing_nothing(&path, &bytes);
    zelfscan(home.path())
        .args(["open", "--plain"])
        .arg(&path)
        .write_stdin("")
        .assert()
        .success()
        .stdout(contains("Niets gewijzigd"));
    assert_untouched(&path, &bytes, mtime);
    assert!(!journal_path(&path).exists(), "journal removed");
}

#[test]
fn the_autosave_after_replaying_a_journal_that_changes_nothing_does_not_write() {
    let home = tempfile::tempdir().expect("temp dir");
    let (path, bytes, mtime) = copy_with_old_mtime("hand-edited-bom-crlf.toml", home.path());
    journal_changing_nothing(&path, &bytes);
    let env = [
        ("ZELFSCAN_HOME", home.path().as_os_str()),
        ("ZELFSCAN_LANG", OsStr::new("nl")),
        ("ZELFSCAN_TEST_AUTOSAVE_AFTER_MS", OsStr::new("50")),
    ];
    let file = path.to_string_lossy().into_owned();
    let mut session = Session::spawn(BIN, &["open", file.as_str()], &env, 100, 30)
        .expect("start zelfscan in a pty");
    // The restored (empty) change is autosaved: the top bar says when.
    session
        .wait_for("opgeslagen om", TIMEOUT)
        .expect("autosaved");
    session.send_key(Key::Enter);
    session
        .wait_for_absent("Werk hersteld", TIMEOUT)
        .expect("message closed");
    session.send("q");
    session.wait_exit(TIMEOUT).expect("quits");
    assert_untouched(&path, &bytes, mtime);
}

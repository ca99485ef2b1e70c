//! Recovery, as a library: every state a crash can leave the scan file and
//! its journal in is built directly with `JournalWriter` and
//! `write_file_atomic`, then opened. No terminal, no process.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use zelfscan::model::Scan;
use zelfscan::model::edit::{Edit, Slot, TextSlot};
use zelfscan::storage::journal::{JournalWriter, content_hash, journal_path, read_journal};
use zelfscan::storage::recovery::{Recovery, checkpoint_from_journal, open_with_journal};
use zelfscan::storage::{load_scan, scan_to_toml, write_file_atomic};

const FIXTURE: &str = "tests/fixtures/cli/scan-valid.toml";
/// The Gemeenten note of VIS-1 in the fixture.
const NOTE: &str = "Vastgesteld in alle raden.";

/// A copy of the valid fixture scan in a fresh folder.
fn scan_in_temp_dir() -> (tempfile::TempDir, PathBuf, Vec<u8>) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("regio é.toml");
    let bytes =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join(FIXTURE)).expect("fixture");
    std::fs::write(&path, &bytes).expect("copy fixture");
    (dir, path, bytes)
}

fn at() -> Timestamp {
    "2026-11-25T10:00:00Z".parse().expect("timestamp")
}

/// Typing `text` at the end of the VIS-1 Gemeenten note, one character per
/// edit, as the interface journals it.
fn typing(text: &str) -> Vec<Edit> {
    let mut offset = NOTE.len();
    text.chars()
        .map(|c| {
            let edit = Edit::Splice {
                criterion: "VIS-1".into(),
                text: TextSlot::Note(Slot::Perspective("gemeenten".into())),
                offset,
                removed: 0,
                inserted: c.to_string(),
                at: at(),
            };
            offset += c.len_utf8();
            edit
        })
        .collect()
}

fn note(scan: &Scan) -> &str {
    &scan.answers[0].perspectives[0].note
}

fn with_edits(path: &Path, edits: &[Edit]) -> Scan {
    let mut scan = load_scan(path).expect("load").value;
    for edit in edits {
        edit.apply(&mut scan).expect("edit applies");
    }
    scan
}

#[test]
fn a_journal_on_the_file_it_was_made_for_is_replayed() {
    let (_dir, path, bytes) = scan_in_temp_dir();
    let mut journal = JournalWriter::start(&path, content_hash(&bytes)).expect("start");
    journal.append(&typing(" Één €, ë\nnieuw")).expect("append");
    drop(journal);

    let opened = open_with_journal(&path, false).expect("open");
    assert!(
        matches!(
            opened.recovery,
            Recovery::Replayed {
                edits: 15,
                torn: false,
                ..
            }
        ),
        "{:?}",
        opened.recovery
    );
    assert_eq!(
        note(&opened.loaded.value),
        format!("{NOTE} Één €, ë\nnieuw")
    );
    assert_eq!(
        std::fs::read(&path).expect("read"),
        bytes,
        "opening writes nothing"
    );
    assert!(opened.resume.is_some(), "the journal is carried on");
}

/// A file long enough to be hashed on a second thread while it is parsed
/// (a 1 MB note): its journal is still recognised and replayed, and the
/// hash is the one the journal records.
#[test]
fn a_journal_on_a_file_with_a_long_note_is_replayed() {
    let (_dir, path, _) = scan_in_temp_dir();
    let mut scan = load_scan(&path).expect("load").value;
    scan.answers[0].perspectives[0].note = "Een lange notitie, één regel.\n".repeat(40_000);
    let long_note = note(&scan).to_string();
    write_file_atomic(&path, scan_to_toml(&scan).as_bytes()).expect("write");
    let bytes = std::fs::read(&path).expect("read");
    assert!(bytes.len() > 1_000_000);
    let mut journal = JournalWriter::start(&path, content_hash(&bytes)).expect("start");
    let mut edits = typing("ë!");
    for edit in &mut edits {
        if let Edit::Splice { offset, .. } = edit {
            *offset += long_note.len() - NOTE.len();
        }
    }
    journal.append(&edits).expect("append");
    drop(journal);

    let opened = open_with_journal(&path, false).expect("open");
    assert_eq!(opened.file_hash, Some(content_hash(&bytes)));
    assert!(
        matches!(opened.recovery, Recovery::Replayed { edits: 2, .. }),
        "{:?}",
        opened.recovery
    );
    assert_eq!(note(&opened.loaded.value), format!("{long_note}ë!"));
}

#[test]
fn a_crash_between_checkpoint_record_and_rename_replays_once() {
    let (_dir, path, bytes) = scan_in_temp_dir();
    let edits = typing(" één");
    let saved = scan_to_toml(&with_edits(&path, &edits));
    let mut journal = JournalWriter::start(&path, content_hash(&bytes)).expect("start");
    journal.append(&edits).expect("append");
    // The checkpoint record is written; the crash comes before the rename.
    journal
        .append_checkpoint(content_hash(saved.as_bytes()))
        .expect("checkpoint");
    drop(journal);

    let opened = open_with_journal(&path, true).expect("open");
    assert!(
        matches!(opened.recovery, Recovery::Replayed { edits: 4, .. }),
        "{:?}",
        opened.recovery
    );
    assert_eq!(note(&opened.loaded.value), format!("{NOTE} één"));
    assert_eq!(std::fs::read(&path).expect("read"), bytes);
}

#[test]
fn a_crash_between_rename_and_journal_reset_is_already_saved_and_not_doubled() {
    let (_dir, path, bytes) = scan_in_temp_dir();
    let edits = typing(" één");
    let saved = scan_to_toml(&with_edits(&path, &edits));
    let mut journal = JournalWriter::start(&path, content_hash(&bytes)).expect("start");
    journal.append(&edits).expect("append");
    journal
        .append_checkpoint(content_hash(saved.as_bytes()))
        .expect("checkpoint");
    write_file_atomic(&path, saved.as_bytes()).expect("save");
    drop(journal); // the crash: the journal was never reset

    let opened = open_with_journal(&path, false).expect("open");
    assert_eq!(opened.recovery, Recovery::AlreadySaved);
    assert_eq!(note(&opened.loaded.value), format!("{NOTE} één"));
    assert!(opened.resume.is_none());
    // And the signal handler's checkpoint neither rewrites nor doubles.
    assert!(checkpoint_from_journal(&path).expect("checkpoint"));
    assert_eq!(std::fs::read(&path).expect("read"), saved.as_bytes());
    assert!(!journal_path(&path).exists(), "journal removed");
}

#[test]
fn a_journal_for_a_file_changed_elsewhere_is_set_aside_and_the_file_untouched() {
    let (dir, path, bytes) = scan_in_temp_dir();
    let mut journal = JournalWriter::start(&path, content_hash(&bytes)).expect("start");
    journal.append(&typing(" weg?")).expect("append");
    drop(journal);
    let journal_bytes = std::fs::read(journal_path(&path)).expect("journal");
    let changed = String::from_utf8(bytes)
        .expect("utf-8")
        .replace("Regio Voorbeeld", "Regio Elders");
    std::fs::write(&path, &changed).expect("outside change");

    // A read-only look leaves the journal where it is.
    let look = open_with_journal(&path, true).expect("look");
    assert!(matches!(look.recovery, Recovery::SetAside { edits: 5, .. }));
    assert!(journal_path(&path).exists());
    assert!(!checkpoint_from_journal(&path).expect("checkpoint"));
    assert_eq!(std::fs::read(&path).expect("read"), changed.as_bytes());

    let opened = open_with_journal(&path, false).expect("open");
    let Recovery::SetAside { kept, edits } = &opened.recovery else {
        panic!("expected SetAside, got {:?}", opened.recovery)
    };
    assert_eq!(*edits, 5);
    assert_ne!(kept, &journal_path(&path));
    assert_eq!(kept.parent(), Some(dir.path()));
    assert_eq!(std::fs::read(kept).expect("kept journal"), journal_bytes);
    assert!(!journal_path(&path).exists(), "no longer replayed");
    assert_eq!(note(&opened.loaded.value), NOTE, "nothing applied");
    assert_eq!(std::fs::read(&path).expect("read"), changed.as_bytes());
}

#[test]
fn a_torn_last_record_keeps_everything_before_it() {
    let (_dir, path, bytes) = scan_in_temp_dir();
    let mut journal = JournalWriter::start(&path, content_hash(&bytes)).expect("start");
    journal.append(&typing(" ab")).expect("append");
    journal.append(&typing(" abë")[3..]).expect("append");
    drop(journal);
    // Cut the last record (ë) in the middle, as a crash mid-write would.
    let file = journal_path(&path);
    let full = std::fs::read(&file).expect("journal");
    for cut in 1..20 {
        std::fs::write(&file, &full[..full.len() - cut]).expect("tear");
        let opened = open_with_journal(&path, true).expect("open");
        assert!(
            matches!(
                opened.recovery,
                Recovery::Replayed {
                    edits: 3,
                    torn: true,
                    ..
                }
            ),
            "cut {cut}: {:?}",
            opened.recovery
        );
        assert_eq!(
            note(&opened.loaded.value),
            format!("{NOTE} ab"),
            "cut {cut}"
        );
    }
    let read = read_journal(&path).expect("read").expect("journal");
    assert!(read.torn);
}

#[test]
fn checkpoint_from_journal_writes_the_file_and_removes_the_journal() {
    let (_dir, path, bytes) = scan_in_temp_dir();
    let mut journal = JournalWriter::start(&path, content_hash(&bytes)).expect("start");
    journal.append(&typing(" €ï\n")).expect("append");
    drop(journal);

    assert!(checkpoint_from_journal(&path).expect("checkpoint"));
    assert!(!journal_path(&path).exists(), "journal removed");
    let scan = load_scan(&path).expect("load").value;
    assert_eq!(note(&scan), format!("{NOTE} €ï\n"));
    // Opening again finds nothing to recover.
    let opened = open_with_journal(&path, false).expect("open");
    assert_eq!(opened.recovery, Recovery::Nothing);
    // Without a journal there is nothing to do and the file is not touched.
    let before = std::fs::read(&path).expect("read");
    assert!(!checkpoint_from_journal(&path).expect("no journal"));
    assert_eq!(std::fs::read(&path).expect("read"), before);
}

//! The regression corpus of hostile input (issue 8, items 2, 3, 7 and 8):
//! every file in `tests/fixtures/hostile/` is run through `check`, the loader
//! and journal recovery, asserting the message and that the file's bytes are
//! unchanged afterwards (unless the user chose to clean it).
//!
//! - `journal-*.records`: journal payloads, one per line, ending in a record
//!   the gate must refuse; the test adds the header, numbers and checksums
//!   for `tests/fixtures/cli/scan-valid.toml`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use zelfscan::storage::journal::{content_hash, journal_path};
use zelfscan::storage::recovery::{Recovery, checkpoint_from_journal, open_with_journal};
use zelfscan::storage::{load_scan, scan_to_toml};

const SCAN: &str = "tests/fixtures/cli/scan-valid.toml";
/// The Gemeenten note of VIS-1 in the scan.
const NOTE: &str = "Vastgesteld in alle raden.";

fn manifest(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

fn hostile_files(suffix: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(manifest("tests/fixtures/hostile"))
        .expect("hostile corpus")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| path.to_string_lossy().ends_with(suffix))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no *{suffix} in the corpus");
    files
}

/// `zelfscan` in Dutch with its own home.
fn zelfscan(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_zelfscan"));
    command
        .env("ZELFSCAN_HOME", home)
        .env("ZELFSCAN_LANG", "nl")
        .current_dir(home);
    command
}

/// A journal for a scan whose bytes hash to `base`, holding these payloads.
fn journal_bytes(base: u64, payloads: &str) -> Vec<u8> {
    let mut text = format!("zelfscan-journal 1 base={base:016x}\n");
    for (index, payload) in payloads.lines().enumerate() {
        text.push_str(&format!(
            "{} {:016x} {payload}\n",
            index + 1,
            content_hash(payload.as_bytes())
        ));
    }
    text.into_bytes()
}

/// Files in `dir` whose names start with `prefix`.
fn named(dir: &Path, prefix: &str) -> Vec<PathBuf> {
    std::fs::read_dir(dir)
        .expect("dir")
        .map(|entry| entry.expect("entry").path())
        .filter(|path| {
            path.file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with(prefix))
        })
        .collect()
}

// ---------------------------------------------------------------- item 2: journals

#[test]
fn a_journal_record_the_gate_refuses_stops_the_replay_and_is_kept_aside() {
    for records in hostile_files(".records") {
        let name = records.display().to_string();
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("regio.toml");
        let scan_bytes = std::fs::read(manifest(SCAN)).expect("scan");
        std::fs::write(&path, &scan_bytes).expect("copy scan");
        let payloads = std::fs::read_to_string(&records).expect("records");
        let journal = journal_bytes(content_hash(&scan_bytes), &payloads);
        std::fs::write(journal_path(&path), &journal).expect("journal");

        // The signal path (checkpoint without the interface) leaves a journal
        // it cannot fully replay alone: nothing is written.
        assert!(
            !checkpoint_from_journal(&path).expect("checkpoint"),
            "{name}"
        );
        assert_eq!(std::fs::read(&path).expect("scan"), scan_bytes, "{name}");

        let opened = open_with_journal(&path, false).expect("the scan opens");
        let Recovery::Rejected {
            restored,
            record,
            kept,
            ..
        } = &opened.recovery
        else {
            panic!("{name}: {:?}", opened.recovery);
        };
        assert_eq!((*restored, *record), (2, 3), "{name}");
        assert_eq!(
            opened.loaded.value.answers[0].perspectives[0].note,
            format!("{NOTE} ok"),
            "{name}: the edits before the bad record are restored, none after"
        );
        // Set aside under a name that says so, byte for byte; never deleted.
        assert!(
            kept.file_name().is_some_and(|n| n
                .to_string_lossy()
                .starts_with(".regio.toml.journal.rejected-")),
            "{name}: {kept:?}"
        );
        assert_eq!(
            std::fs::read(kept).expect("kept journal"),
            journal,
            "{name}"
        );
        assert_eq!(std::fs::read(&path).expect("scan"), scan_bytes, "{name}");

        // The restored edits are in a fresh journal, as safe as before:
        // opening again (after a crash, say) replays exactly those.
        let again = open_with_journal(&path, false).expect("opens again");
        assert!(
            matches!(again.recovery, Recovery::Replayed { edits: 2, .. }),
            "{name}: {:?}",
            again.recovery
        );
        // A checkpoint writes a scan that still opens, everywhere.
        assert!(
            checkpoint_from_journal(&path).expect("checkpoint"),
            "{name}"
        );
        let loaded = load_scan(&path).expect("still opens after the checkpoint");
        assert_eq!(
            loaded.value.answers[0].perspectives[0].note,
            format!("{NOTE} ok")
        );
        assert_eq!(named(dir.path(), ".regio.toml.journal.rejected-").len(), 1);
        let output = zelfscan(dir.path())
            .arg("check")
            .arg(&path)
            .output()
            .expect("check");
        assert_eq!(output.status.code(), Some(0), "{name}: {output:?}");
    }
}

#[test]
fn a_rejected_journal_is_told_in_both_languages() {
    use zelfscan::i18n::Lang;
    use zelfscan::model::gate::Rejection;
    for lang in [Lang::Nl, Lang::En] {
        let text = lang.catalogue();
        let reason = (text.input.rejection)(&Rejection::NotOnScale(200));
        let message = (text.input.journal_rejected)(2, 3, &reason, ".s.journal.rejected-1");
        assert!(message.contains("200"), "{message}");
        assert!(message.contains(".s.journal.rejected-1"), "{message}");
        assert!(message.contains('2') && message.contains('3'), "{message}");
    }
}

// ---------------------------------------------------------------- item 8: many unknown keys

/// The valid scan with `count` unknown top-level keys before its first table.
fn with_unknown_keys(count: usize) -> String {
    let scan = std::fs::read_to_string(manifest(SCAN)).expect("scan");
    let at = scan.find("region =").expect("region");
    let mut keys = String::with_capacity(count * 12);
    for n in 0..count {
        keys.push_str(&format!("k{n} = {n}\n"));
    }
    format!("{}{keys}{}", &scan[..at], &scan[at..])
}

#[test]
fn three_hundred_thousand_unknown_keys_load_and_are_summarised() {
    const KEYS: usize = 300_000;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("veel.toml");
    let source = with_unknown_keys(KEYS);
    std::fs::write(&path, &source).expect("write");
    assert!(source.len() > 2_400_000, "{}", source.len());

    // Completing at all is the point: quadratic code took minutes here.
    let loaded = load_scan(&path).expect("loads");
    assert_eq!(loaded.warnings.len(), KEYS);
    assert_eq!(loaded.value.extra.len(), KEYS);
    // Kept on a save, in order.
    let saved = scan_to_toml(&loaded.value);
    assert!(saved.contains("k0 = 0\nk1 = 1\n"));
    assert!(saved.contains("k299999 = 299999\n"));

    let output = zelfscan(dir.path())
        .arg("check")
        .arg(&path)
        .output()
        .expect("check");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    // 20 warnings, the summary, and the verdict on the file.
    assert_eq!(lines.len(), 22, "{stdout}");
    assert!(lines[0].contains("'k0' is onbekend"), "{}", lines[0]);
    assert!(lines[19].contains("'k19' is onbekend"), "{}", lines[19]);
    assert!(lines[20].contains("en nog 299980 melding"), "{}", lines[20]);
    assert_eq!(std::fs::read_to_string(&path).expect("read"), source);
}

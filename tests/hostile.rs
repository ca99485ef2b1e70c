//! The regression corpus of hostile input (issue 8, items 2, 3, 7 and 8):
//! every file in `tests/fixtures/hostile/` is run through `check`, the loader
//! and journal recovery, asserting the message and that the file's bytes are
//! unchanged afterwards (unless the user chose to clean it).
//!
//! - `journal-*.records`: journal payloads, one per line, ending in a record
//!   the gate must refuse; the test adds the header, numbers and checksums
//!   for `tests/fixtures/cli/scan-valid.toml`.
//! - `scan-*.toml`: scans holding control or invisible characters, or a line
//!   break in a one-line field. They open with the characters as markers,
//!   `check` names them, reports and plain mode never print them raw.
//! - The 300,000-key file is generated here, not committed.

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

fn hostile(name: &str) -> PathBuf {
    manifest("tests/fixtures/hostile").join(name)
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
fn plain_mode_says_what_was_kept_and_where_the_rest_is() {
    let home = tempfile::tempdir().expect("temp dir");
    let path = home.path().join("regio.toml");
    let scan_bytes = std::fs::read(manifest(SCAN)).expect("scan");
    std::fs::write(&path, &scan_bytes).expect("copy scan");
    let payloads = std::fs::read_to_string(hostile("journal-score-200.records")).expect("records");
    std::fs::write(
        journal_path(&path),
        journal_bytes(content_hash(&scan_bytes), &payloads),
    )
    .expect("journal");
    let output = zelfscan(home.path())
        .args(["open", "--plain"])
        .arg(&path)
        .output()
        .expect("plain");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains("ongeldige wijziging (nummer 3: score 200 staat niet op de schaal)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("De 2 wijziging(en) daarvoor zijn hersteld"),
        "{stdout}"
    );
    assert!(stdout.contains(".regio.toml.journal.rejected-"), "{stdout}");
    assert_eq!(named(home.path(), ".regio.toml.journal.rejected-").len(), 1);
    let loaded = load_scan(&path).expect("opens after the checkpoint");
    assert_eq!(
        loaded.value.answers[0].perspectives[0].note,
        format!("{NOTE} ok")
    );
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

// ---------------------------------------------------------------- items 3 and 7: hidden characters

/// Each scan in the corpus: where `check` points, the field, and how many.
const HIDDEN: [(&str, &str, &str, usize); 5] = [
    ("scan-carriage-return-in-region.toml", "4:10", "region", 1),
    (
        "scan-escape-in-note.toml",
        "23:18",
        "answers.VIS-1.consensus_note",
        3,
    ),
    (
        "scan-newline-in-title.toml",
        "101:9",
        "framework.themes[0].criteria[0].title",
        1,
    ),
    (
        "scan-right-to-left-mark-in-label.toml",
        "73:9",
        "framework.perspectives[0].label",
        2,
    ),
    (
        "scan-vertical-tab-and-form-feed.toml",
        "28:8",
        "answers.VIS-1.gemeenten.note",
        2,
    ),
];

/// No control character but line breaks and tabs, no invisible format character.
fn assert_printable(bytes: &[u8], what: &str) {
    let text = String::from_utf8_lossy(bytes);
    let raw: Vec<char> = text
        .chars()
        .filter(|&c| zelfscan::model::gate::is_hidden(c) && !matches!(c, '\n' | '\t'))
        .collect();
    assert!(raw.is_empty(), "{what}: raw {raw:?} in {text}");
}

fn heading_count(markdown: &[u8]) -> usize {
    String::from_utf8_lossy(markdown)
        .lines()
        .filter(|line| line.starts_with('#'))
        .count()
}

#[test]
fn the_corpus_covers_every_hidden_character_file() {
    let names: Vec<String> = hostile_files(".toml")
        .iter()
        .map(|path| {
            path.file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let listed: Vec<&str> = HIDDEN.iter().map(|(name, ..)| *name).collect();
    assert_eq!(names, listed);
}

#[test]
fn a_scan_with_hidden_characters_is_checked_opened_and_reported_untouched() {
    let home = tempfile::tempdir().expect("temp dir");
    let clean_report = zelfscan(home.path())
        .arg("report")
        .arg(manifest(SCAN))
        .output()
        .expect("report");
    for (name, location, key, count) in HIDDEN {
        let path = home.path().join(name);
        std::fs::copy(hostile(name), &path).expect("copy");
        let before = std::fs::read(&path).expect("read");

        // `check`: file:line:column, the field and the count; exit 1.
        let output = zelfscan(home.path())
            .arg("check")
            .arg(&path)
            .output()
            .expect("check");
        assert_eq!(output.status.code(), Some(1), "{name}: {output:?}");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let wanted = format!(
            "{}:{location}: waarschuwing: '{key}' bevat {count} stuurteken",
            path.display()
        );
        assert!(stdout.contains(&wanted), "{name}: {stdout}");
        assert_printable(&output.stdout, name);
        assert_printable(&output.stderr, name);

        // It opens: the characters are markers in the model.
        let loaded = load_scan(&path).expect("a hidden character never locks a group out");
        assert_eq!(loaded.warnings.len(), 1, "{name}");
        let saved = scan_to_toml(&loaded.value);
        assert!(saved.contains("\\\\u{"), "{name}: the marker is plain text");
        assert!(
            load_scan_source(&saved).is_empty(),
            "{name}: once cleaned, nothing is left to warn about"
        );

        // The Markdown report: nothing raw, and no heading made or broken.
        let output = zelfscan(home.path())
            .arg("report")
            .arg(&path)
            .output()
            .expect("report");
        assert_eq!(output.status.code(), Some(0), "{name}: {output:?}");
        assert_printable(&output.stdout, name);
        assert_printable(&output.stderr, name);
        assert_eq!(
            heading_count(&output.stdout),
            heading_count(&clean_report.stdout),
            "{name}: {}",
            String::from_utf8_lossy(&output.stdout)
        );

        assert_eq!(std::fs::read(&path).expect("read"), before, "{name}");
        assert!(!home.path().join(format!("{name}.bak")).exists(), "{name}");
    }
}

/// The warnings left after loading this text.
fn load_scan_source(source: &str) -> Vec<zelfscan::storage::Problem> {
    zelfscan::storage::parse_scan(source)
        .expect("loads")
        .warnings
}

#[test]
fn plain_mode_shows_markers_and_cleans_on_save_keeping_the_original() {
    let home = tempfile::tempdir().expect("temp dir");
    let name = "scan-vertical-tab-and-form-feed.toml";
    let path = home.path().join(name);
    std::fs::copy(hostile(name), &path).expect("copy");
    let original = std::fs::read(&path).expect("read");
    // A different, older backup is already there: it is never overwritten.
    let old_backup = home.path().join(format!("{name}.bak"));
    std::fs::write(&old_backup, b"een oudere kopie").expect("old backup");

    // One answer (Gemeenten of VIS-2), then end of input: a save.
    let output = zelfscan(home.path())
        .args(["open", "--plain"])
        .arg(&path)
        .write_stdin("2\n")
        .output()
        .expect("plain");
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_printable(&output.stdout, "plain");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("bevat 2 stuurteken"), "{stdout}");
    assert!(stdout.contains(&format!("{name}.bak.1")), "{stdout}");

    assert_eq!(
        std::fs::read(&old_backup).expect("old backup"),
        b"een oudere kopie"
    );
    let backup = home.path().join(format!("{name}.bak.1"));
    assert_eq!(std::fs::read(&backup).expect("backup"), original);
    let cleaned = load_scan(&path).expect("loads");
    assert!(cleaned.warnings.is_empty(), "{:?}", cleaned.warnings);
    assert_eq!(
        cleaned.value.answers[0].perspectives[0].note,
        "Vastgesteld\\u{b}in alle\\u{c}raden."
    );
    assert_eq!(
        cleaned.value.answers[1].perspectives[0].score,
        Some(zelfscan::model::Answer::Score(2))
    );
}

#[test]
fn a_region_with_a_control_character_is_refused_before_anything_is_written() {
    for region in [
        "Regio\u{1b}]0;x\u{7}",
        "Regio\rWest",
        "Regio\nWest",
        "Regio\u{200f}",
    ] {
        let home = tempfile::tempdir().expect("temp dir");
        let target = home.path().join("nieuw.toml");
        let output = zelfscan(home.path())
            .args(["new", "--no-open", "--region", region, "--output"])
            .arg(&target)
            .output()
            .expect("new");
        assert_eq!(output.status.code(), Some(2), "{region:?}: {output:?}");
        assert_printable(&output.stderr, region);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("--region bevat een stuurteken"), "{stderr}");
        assert!(!target.exists(), "{region:?}");
        let written: Vec<_> = std::fs::read_dir(home.path())
            .expect("home")
            .map(|entry| entry.expect("entry").file_name())
            .filter(|name| name.to_string_lossy().ends_with(".toml"))
            .collect();
        assert!(written.is_empty(), "{region:?}: {written:?}");
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

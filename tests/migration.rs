//! Schema version 1 → 2: every schema-1 scan in the repository opens as
//! before, its free-text action becomes one structured action, and the first
//! save keeps the original bytes as a `.bak` (byte for byte) and says so.

use std::path::{Path, PathBuf};

use zelfscan::i18n::Lang;
use zelfscan::model::agenda::action_from_text;
use zelfscan::model::{ActionStatus, Scan};
use zelfscan::paths::Paths;
use zelfscan::storage::{self, SCAN_SCHEMA_VERSION};
use zelfscan::tui::action::Action;
use zelfscan::tui::app::{App, FrameworkChoice, Screen};
use zelfscan::tui::effect::{self, Effect, Io};
use zelfscan::tui::update::update;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.toml` below `dir`, recursively, sorted.
fn toml_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            found.extend(toml_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "toml") {
            found.push(path);
        }
    }
    found.sort();
    found
}

/// The schema-1 scans of the repository that load (the invalid fixtures are
/// schema 1 too, but they are about other problems).
fn schema_1_scans() -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = toml_files(&root().join("tests/fixtures"));
    files.extend(toml_files(&root().join("scans/examples")));
    files
        .into_iter()
        .filter_map(|path| {
            let bytes = std::fs::read(&path).ok()?;
            (storage::scan_schema_version(&bytes) == Some(1)).then_some((path, bytes))
        })
        .filter(|(path, _)| storage::load_scan(path).is_ok())
        .collect()
}

fn app(home: &Path) -> App {
    let frameworks = storage::bundled_frameworks()
        .into_iter()
        .map(FrameworkChoice::bundled)
        .collect();
    let mut app = App::new(
        Lang::Nl.catalogue(),
        Paths::under(home),
        frameworks,
        "2026-12-01T10:00:00Z".parse().expect("timestamp"),
    );
    app.colour = false;
    app
}

/// The version-1 `action` texts of a file, by criterion id, with their
/// private marks, read with the plain TOML parser.
fn legacy_actions(bytes: &[u8]) -> Vec<(String, String, bool)> {
    let text = String::from_utf8_lossy(bytes);
    let text = text.trim_start_matches('\u{feff}');
    let table: toml::Table = toml::from_str(text).expect("toml");
    let Some(answers) = table.get("answers").and_then(toml::Value::as_table) else {
        return Vec::new();
    };
    answers
        .iter()
        .filter_map(|(id, answer)| {
            let action = answer.get("action")?.as_str()?.to_string();
            let private = answer
                .get("action_private")
                .and_then(toml::Value::as_bool)
                .unwrap_or(false);
            Some((id.clone(), action, private))
        })
        .collect()
}

fn answer_of<'a>(scan: &'a Scan, id: &str) -> &'a zelfscan::model::CriterionAnswer {
    let index = scan.framework.criterion_index(id).expect("criterion");
    &scan.answers[index]
}

#[test]
fn the_repository_keeps_a_schema_1_example() {
    let kept = root().join("tests/fixtures/valid/scan-schema-1.toml");
    let bytes = std::fs::read(&kept).expect("read");
    assert_eq!(storage::scan_schema_version(&bytes), Some(1));
    assert!(
        legacy_actions(&bytes).len() >= 3,
        "the example should have actions to migrate"
    );
}

#[test]
fn every_schema_1_scan_migrates_in_memory() {
    let scans = schema_1_scans();
    assert!(scans.len() >= 4, "{scans:?}");
    for (path, bytes) in scans {
        let loaded = storage::load_scan(&path).expect("loads");
        assert_eq!(loaded.migrated_from, Some(1), "{}", path.display());
        for (id, text, private) in legacy_actions(&bytes) {
            let answer = answer_of(&loaded.value, &id);
            let migrated = answer.actions.last().expect("an action");
            assert_eq!(*migrated, action_from_text(&text, private), "{id}");
            assert_eq!(migrated.status, ActionStatus::Open);
            // Nothing of the text is lost: owner and what together hold it.
            for word in text.split_whitespace() {
                let word = word.trim_matches(|c: char| !c.is_alphanumeric());
                if word == "eigenaar" {
                    continue;
                }
                assert!(
                    migrated.what.contains(word) || migrated.owner.contains(word),
                    "{id}: '{word}' lost from {text:?} → {migrated:?}"
                );
            }
        }
    }
}

#[test]
fn owners_are_recognised_in_the_kept_example() {
    let loaded =
        storage::load_scan(&root().join("tests/fixtures/valid/scan-schema-1.toml")).expect("loads");
    let owners: Vec<&str> = loaded
        .value
        .answers
        .iter()
        .flat_map(|answer| &answer.actions)
        .map(|action| action.owner.as_str())
        .collect();
    assert!(owners.contains(&"Sanne Verhoef"), "{owners:?}");
    assert!(owners.contains(&"Peter Wolters"), "{owners:?}");
}

/// Opens a copy through the interface, saves twice, and checks the `.bak`.
#[test]
fn the_first_save_of_every_schema_1_scan_keeps_the_original_bytes() {
    for (source, bytes) in schema_1_scans() {
        let dir = tempfile::tempdir().expect("temp dir");
        let name = source.file_name().expect("name");
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).expect("copy");
        let migrated = storage::load_scan(&path).expect("loads").value;

        let mut app = app(dir.path());
        let mut io = Io::default();
        let opened =
            effect::run(Effect::OpenScan(path.clone()), &mut app, &mut io).expect("reports back");
        update(&mut app, opened);
        assert!(app.walkthrough().is_some(), "{}", source.display());
        // An unchanged scan is never written (not even to migrate it): the
        // first save that writes is the first one after an edit.
        let unchanged =
            effect::run(Effect::SaveScan { auto: false }, &mut app, &mut io).expect("reports back");
        assert!(
            matches!(&unchanged, Action::Saved(Ok(report)) if report.unchanged),
            "{unchanged:?}"
        );
        assert_eq!(
            std::fs::read(&path).expect("read"),
            bytes,
            "{}",
            source.display()
        );
        if let Screen::Walkthrough(walk) = &mut app.screen {
            walk.scan.meta.note_taker.push_str(" (bijgewerkt)");
        }
        let edited = app.walkthrough().expect("open").scan.clone();
        assert_ne!(edited, migrated, "{}", source.display());

        let saved =
            effect::run(Effect::SaveScan { auto: true }, &mut app, &mut io).expect("reports back");
        let Action::Saved(Ok(report)) = &saved else {
            panic!("save failed: {saved:?}")
        };
        let backup = report.backup.clone().expect("a backup");
        assert_eq!(
            backup,
            dir.path().join(format!("{}.bak", name.to_string_lossy()))
        );
        assert_eq!(
            std::fs::read(&backup).expect("bak"),
            bytes,
            "{}",
            source.display()
        );
        update(&mut app, saved);
        let status = app
            .status
            .as_ref()
            .map(|s| s.text.clone())
            .unwrap_or_default();
        assert!(
            status.contains("schema 2") && status.contains(".bak"),
            "{status}"
        );

        let written = std::fs::read(&path).expect("read");
        assert_eq!(
            storage::scan_schema_version(&written),
            Some(SCAN_SCHEMA_VERSION)
        );
        let reloaded = storage::load_scan(&path).expect("reloads");
        assert_eq!(reloaded.migrated_from, None);
        assert_eq!(reloaded.value, edited, "{}", source.display());

        // The second save has nothing older to keep.
        let again =
            effect::run(Effect::SaveScan { auto: false }, &mut app, &mut io).expect("reports back");
        let Action::Saved(Ok(report)) = again else {
            panic!("second save failed")
        };
        assert_eq!(report.backup, None);
        assert_eq!(std::fs::read(&backup).expect("bak"), bytes);
        effect::run(Effect::CloseScan, &mut app, &mut io);
    }
}

#[test]
fn a_replayed_journal_on_a_schema_1_scan_keeps_the_original_too() {
    use zelfscan::model::edit::{AgendaEdit, Edit};
    use zelfscan::storage::journal::{JournalWriter, content_hash};
    use zelfscan::storage::recovery::checkpoint_from_journal;

    let source = root().join("tests/fixtures/valid/scan-schema-1.toml");
    let bytes = std::fs::read(&source).expect("read");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("scan.toml");
    std::fs::write(&path, &bytes).expect("copy");
    let mut journal = JournalWriter::start(&path, content_hash(&bytes)).expect("journal");
    journal
        .append(&[Edit::Agenda {
            criterion: "VIS-2".into(),
            change: AgendaEdit::ActionStatus(0, ActionStatus::Ongoing),
            at: "2026-12-01T10:00:00Z".parse().expect("timestamp"),
        }])
        .expect("append");
    drop(journal);
    assert!(checkpoint_from_journal(&path).expect("checkpoint"));
    assert_eq!(
        std::fs::read(dir.path().join("scan.toml.bak")).expect("bak"),
        bytes
    );
    let loaded = storage::load_scan(&path).expect("loads").value;
    assert_eq!(
        answer_of(&loaded, "VIS-2").actions[0].status,
        ActionStatus::Ongoing
    );
}

#[test]
fn the_plain_interface_says_where_the_original_was_kept() {
    let source = root().join("tests/fixtures/valid/scan-schema-1.toml");
    let bytes = std::fs::read(&source).expect("read");
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("dijkstreek.toml");
    std::fs::write(&path, &bytes).expect("copy");
    assert_cmd::Command::new(env!("CARGO_BIN_EXE_zelfscan"))
        .env("ZELFSCAN_HOME", dir.path())
        .env("ZELFSCAN_LANG", "nl")
        .current_dir(dir.path())
        .args(["open", "--plain"])
        .arg(&path)
        // VIS-1's first score changes from 3 to 1: the first save that writes.
        .write_stdin("ga VIS-1\n1\nstop\n")
        .assert()
        .success()
        .stdout(predicates::str::contains("schema 2"))
        .stdout(predicates::str::contains("dijkstreek.toml.bak"));
    assert_eq!(
        std::fs::read(dir.path().join("dijkstreek.toml.bak")).expect("bak"),
        bytes
    );
    let written = std::fs::read(&path).expect("read");
    assert_eq!(storage::scan_schema_version(&written), Some(2));
}

//! Frameworks whose weighting rule cannot work are rejected by `check`, with
//! the line that says so; a framework reusing a bundled framework's id is
//! rejected by `check`, and `new --framework ID` refuses to pick one of two.
//! The framework files are the bundled one with one thing changed, written to
//! a temp dir.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use tempfile::TempDir;

const BUNDLED: &str = include_str!("../scans/frameworks/robuuste-jeugdhulpregio.toml");

fn zelfscan(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_zelfscan"));
    command
        .env("ZELFSCAN_HOME", home)
        .env("ZELFSCAN_LANG", "nl")
        .current_dir(home);
    command
}

/// The bundled framework with `from` replaced by `to` (once, and it must be there).
fn variant(from: &str, to: &str) -> String {
    assert!(
        BUNDLED.contains(from),
        "{from:?} is not in the bundled framework"
    );
    BUNDLED.replacen(from, to, 1)
}

/// A new id, so only the change under test can make `check` fail.
fn own(source: &str) -> String {
    source.replacen(
        "id = \"robuuste-jeugdhulpregio\"",
        "id = \"eigen-kader\"",
        1,
    )
}

fn write(dir: &Path, name: &str, source: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, source).expect("write framework");
    path
}

/// The 1-based line of the first occurrence of `text`.
fn line_of(source: &str, text: &str) -> usize {
    source
        .lines()
        .position(|line| line.contains(text))
        .map(|index| index + 1)
        .expect("text in source")
}

#[test]
fn a_workable_own_framework_passes() {
    let home = TempDir::new().expect("temp dir");
    let file = write(home.path(), "eigen.toml", &own(BUNDLED));
    zelfscan(home.path())
        .arg("check")
        .arg(&file)
        .assert()
        .success()
        .stdout(contains("in orde"));
}

#[test]
fn thresholds_outside_the_scale_are_rejected_where_they_are_written() {
    let home = TempDir::new().expect("temp dir");
    let cases = [
        (
            "total_at_least = 3.0",
            "total_at_least = 4.5",
            "robuust is onbereikbaar",
        ),
        (
            "any_criterion_above = 1",
            "any_criterion_above = 4",
            "robuust is onbereikbaar",
        ),
        (
            "critical_at_least = 3",
            "critical_at_least = 5",
            "robuust is onbereikbaar",
        ),
        (
            "total_below = 2.5",
            "total_below = 4.25",
            "elke scan zou een vervolgtraject krijgen",
        ),
        (
            "critical_at_most = 1",
            "critical_at_most = 4",
            "elke scan zou een vervolgtraject krijgen",
        ),
    ];
    for (index, (from, to, message)) in cases.into_iter().enumerate() {
        let source = own(&variant(from, to));
        let name = format!("kader-{index}.toml");
        let file = write(home.path(), &name, &source);
        let line = line_of(&source, to);
        zelfscan(home.path())
            .arg("check")
            .arg(&file)
            .assert()
            .code(1)
            .stdout(contains(format!("{name}:{line}:1: '")))
            .stdout(contains(to.replace(".0", "")))
            .stdout(contains(message));
    }
}

#[test]
fn a_theme_without_a_weight_is_rejected() {
    let home = TempDir::new().expect("temp dir");
    let source = own(&variant("T6 = 0.5\n", ""));
    let file = write(home.path(), "kader.toml", &source);
    let line = line_of(&source, "[weighting.theme_weights]");
    zelfscan(home.path())
        .arg("check")
        .arg(&file)
        .assert()
        .code(1)
        .stdout(contains(format!(
            "kader.toml:{line}:1: thema T6 heeft geen gewicht"
        )));
}

#[test]
fn a_scale_with_a_gap_is_rejected() {
    let home = TempDir::new().expect("temp dir");
    // Levels 1, 2, 3, 5: means and thresholds assume equal steps.
    let source = own(&variant("value = 4\n", "value = 5\n"));
    let file = write(home.path(), "kader.toml", &source);
    zelfscan(home.path())
        .arg("check")
        .arg(&file)
        .assert()
        .code(1)
        .stdout(contains("de schaal heeft een gat (1, 2, 3, 5)"));
}

#[test]
fn check_rejects_a_framework_that_reuses_a_bundled_id() {
    let home = TempDir::new().expect("temp dir");
    let copy = variant(
        "title = \"Zelfscan robuuste jeugdhulpregio\"",
        "title = \"Onze eigen versie\"",
    );
    let file = write(home.path(), "kopie.toml", &copy);
    zelfscan(home.path())
        .arg("check")
        .arg(&file)
        .assert()
        .code(1)
        .stdout(contains(
            "id 'robuuste-jeugdhulpregio' is al het id van het meegeleverde kader robuuste-jeugdhulpregio.toml",
        ))
        .stdout(contains("in orde").not());
    // The bundled file itself is no clash.
    let original =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scans/frameworks/robuuste-jeugdhulpregio.toml");
    zelfscan(home.path())
        .arg("check")
        .arg(&original)
        .assert()
        .success();
}

#[test]
fn new_refuses_to_pick_one_of_two_frameworks_with_the_same_id() {
    let home = TempDir::new().expect("temp dir");
    let folder = home.path().join("config/frameworks");
    std::fs::create_dir_all(&folder).expect("frameworks folder");
    let copy = variant(
        "title = \"Zelfscan robuuste jeugdhulpregio\"",
        "title = \"Onze eigen versie\"",
    );
    let file = write(&folder, "eigen.toml", &copy);
    zelfscan(home.path())
        .args([
            "new",
            "--region",
            "Regio Test",
            "--no-open",
            "--framework",
            "robuuste-jeugdhulpregio",
        ])
        .assert()
        .failure()
        .stderr(contains(
            "er zijn meerdere kaders met id 'robuuste-jeugdhulpregio'",
        ))
        .stderr(contains("meegeleverd (robuuste-jeugdhulpregio.toml)"))
        .stderr(contains(file.display().to_string()));
    assert!(
        !home.path().join("scans").exists()
            || std::fs::read_dir(home.path().join("scans"))
                .expect("scans")
                .next()
                .is_none(),
        "no scan was written"
    );
    // The list of frameworks says so too.
    zelfscan(home.path())
        .arg("frameworks")
        .assert()
        .stderr(contains(
            "er zijn meerdere kaders met id 'robuuste-jeugdhulpregio'",
        ));
}

//! The command line, run as a user would: `--help`, `--version`, `frameworks`,
//! `new --no-open`, `check` and `open` on a broken file, asserting output and
//! exit code (0 ok, 1 problems found, 2 error). Every run gets its own
//! `ZELFSCAN_HOME` in a temp dir, so nothing touches the real home.
//!
//! Fixtures live in `tests/fixtures/cli/`: small files built on
//! `eigen-kader.toml` (the bundled framework cut down to the theme Visie), each
//! with one known problem at a known line and column.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use jiff::civil::Date;
use predicates::prelude::*;
use predicates::str::contains;
use tempfile::TempDir;
use zelfscan::storage::load_scan;

/// `zelfscan` with its own home, run from inside that home.
fn zelfscan(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_zelfscan"));
    command
        .env("ZELFSCAN_HOME", home)
        // Dutch whatever the machine's locale: these tests read Dutch output.
        .env("ZELFSCAN_LANG", "nl")
        .env_remove("NO_COLOR")
        .current_dir(home);
    command
}

fn home() -> TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/cli")
        .join(name)
}

fn bundled_framework_file() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("scans/frameworks/robuuste-jeugdhulpregio.toml")
}

fn today() -> Date {
    jiff::Timestamp::now()
        .to_zoned_datetime(jiff::tz::TimeZone::system())
        .date()
}

/// Where `new --region "Regio Test"` puts the scan today.
fn default_scan_path(home: &Path) -> PathBuf {
    home.join("scans")
        .join(format!("regio-test-{}.toml", today()))
}

/// Runs `new --region "Regio Test" --no-open` and returns the file it made.
fn new_scan(home: &Path) -> PathBuf {
    zelfscan(home)
        .args(["new", "--region", "Regio Test", "--no-open"])
        .assert()
        .success();
    let path = default_scan_path(home);
    assert!(path.exists(), "{} not created", path.display());
    path
}

fn read(path: &Path) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn shown(path: &Path) -> String {
    path.display().to_string()
}

// ---------------------------------------------------------------- help, version

#[test]
fn help_lists_the_subcommands() {
    let home = home();
    zelfscan(home.path())
        .arg("--help")
        .assert()
        .success()
        .stdout(
            contains("new")
                .and(contains("open"))
                .and(contains("check"))
                .and(contains("frameworks"))
                .and(contains("Usage: zelfscan")),
        );
}

#[test]
fn version_prints_the_package_version() {
    let home = home();
    zelfscan(home.path())
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("zelfscan {}\n", env!("CARGO_PKG_VERSION")));
}

// ---------------------------------------------------------------- frameworks

#[test]
fn frameworks_lists_the_bundled_framework() {
    let home = home();
    let folder = home.path().join("config").join("frameworks");
    zelfscan(home.path())
        .arg("frameworks")
        .assert()
        .success()
        .stdout(
            contains(
                "robuuste-jeugdhulpregio\t2026.1\tZelfscan robuuste jeugdhulpregio\tmeegeleverd\n",
            )
            .and(contains(format!(
                "Eigen kaders: zet een .toml-bestand in {}",
                shown(&folder)
            ))),
        )
        .stderr("");
}

#[test]
fn frameworks_lists_a_user_framework_with_its_path() {
    let home = home();
    let folder = home.path().join("config").join("frameworks");
    std::fs::create_dir_all(&folder).expect("frameworks folder");
    let own = folder.join("eigen.toml");
    std::fs::copy(fixture("eigen-kader.toml"), &own).expect("copy framework");

    zelfscan(home.path())
        .arg("frameworks")
        .assert()
        .success()
        .stdout(
            contains(
                "robuuste-jeugdhulpregio\t2026.1\tZelfscan robuuste jeugdhulpregio\tmeegeleverd\n",
            )
            .and(contains(format!(
                "eigen-kader\t0.1\tEigen kader voor de test\t{}\n",
                shown(&own)
            ))),
        )
        .stderr("");
}

#[test]
fn frameworks_reports_a_broken_user_framework_with_line_and_column() {
    let home = home();
    let folder = home.path().join("config").join("frameworks");
    std::fs::create_dir_all(&folder).expect("frameworks folder");
    let own = folder.join("eigen.toml");
    std::fs::copy(fixture("eigen-kader.toml"), &own).expect("copy framework");
    let broken = folder.join("kapot.toml");
    std::fs::copy(fixture("framework-broken.toml"), &broken).expect("copy framework");

    zelfscan(home.path())
        .arg("frameworks")
        .assert()
        .code(1)
        // The good ones are still listed; the broken one is explained.
        .stdout(
            contains("meegeleverd")
                .and(contains(format!(
                    "eigen-kader\t0.1\tEigen kader voor de test\t{}",
                    shown(&own)
                )))
                .and(contains("kapot").not()),
        )
        .stderr(contains(format!(
            "{}:8:1: geen geldige TOML",
            shown(&broken)
        )));
}

// ---------------------------------------------------------------- new

#[test]
fn new_creates_a_scan_in_the_scans_folder() {
    let home = home();
    let path = default_scan_path(home.path());
    zelfscan(home.path())
        .args(["new", "--region", "Regio Test", "--no-open"])
        .assert()
        .success()
        .stdout(format!("Scan aangemaakt: {}\n", shown(&path)));

    let scan = load_scan(&path).expect("the new scan loads").value;
    assert_eq!(scan.meta.region, "Regio Test");
    assert_eq!(scan.meta.date, today());
    assert_eq!(scan.framework.id, "robuuste-jeugdhulpregio");
    assert!(scan.meta.participants.is_empty());
    assert!(scan.answers.iter().all(|answer| answer.is_empty()));
}

#[test]
fn new_refuses_to_overwrite_an_existing_scan() {
    let home = home();
    let path = new_scan(home.path());
    let before = read(&path);

    zelfscan(home.path())
        .args(["new", "--region", "Regio Test", "--no-open"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(shown(&path)).and(contains("bestaat al")));
    assert_eq!(read(&path), before, "the existing scan was changed");
}

#[test]
fn new_writes_to_the_output_path() {
    let home = home();
    let path = home.path().join("elders").join("mijn-scan.toml");
    zelfscan(home.path())
        .args(["new", "--region", "Regio Test", "--no-open", "--output"])
        .arg(&path)
        .assert()
        .success()
        .stdout(format!("Scan aangemaakt: {}\n", shown(&path)));
    assert_eq!(
        load_scan(&path).expect("loads").value.meta.region,
        "Regio Test"
    );
    assert!(!default_scan_path(home.path()).exists());
}

#[test]
fn new_with_a_blank_region_fails() {
    let home = home();
    zelfscan(home.path())
        .args(["new", "--region", "   ", "--no-open"])
        .assert()
        .code(2)
        .stderr(contains("Vul de naam van de regio in."));
    assert!(!home.path().join("scans").exists());
}

#[test]
fn new_with_a_framework_id() {
    let home = home();
    zelfscan(home.path())
        .args(["new", "--region", "Regio Test", "--no-open"])
        .args(["--framework", "robuuste-jeugdhulpregio"])
        .assert()
        .success();
    let scan = load_scan(&default_scan_path(home.path()))
        .expect("loads")
        .value;
    assert_eq!(scan.framework.id, "robuuste-jeugdhulpregio");
}

#[test]
fn new_with_an_unknown_framework_lists_the_known_ids() {
    let home = home();
    zelfscan(home.path())
        .args([
            "new",
            "--region",
            "Regio Test",
            "--no-open",
            "--framework",
            "nope",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("kader 'nope' niet gevonden").and(contains("robuuste-jeugdhulpregio")));
    assert!(!default_scan_path(home.path()).exists());
}

#[test]
fn new_with_a_framework_file() {
    let home = home();
    zelfscan(home.path())
        .args(["new", "--region", "Regio Test", "--no-open", "--framework"])
        .arg(fixture("eigen-kader.toml"))
        .assert()
        .success();
    let scan = load_scan(&default_scan_path(home.path()))
        .expect("loads")
        .value;
    assert_eq!(scan.framework.id, "eigen-kader");
    assert_eq!(scan.framework.title, "Eigen kader voor de test");
    assert_eq!(scan.answers.len(), 3);
}

#[test]
fn new_with_the_id_of_a_user_framework() {
    let home = home();
    let folder = home.path().join("config").join("frameworks");
    std::fs::create_dir_all(&folder).expect("frameworks folder");
    std::fs::copy(fixture("eigen-kader.toml"), folder.join("eigen.toml")).expect("copy");
    zelfscan(home.path())
        .args([
            "new",
            "--region",
            "Regio Test",
            "--no-open",
            "--framework",
            "eigen-kader",
        ])
        .assert()
        .success();
    let scan = load_scan(&default_scan_path(home.path()))
        .expect("loads")
        .value;
    assert_eq!(scan.framework.id, "eigen-kader");
}

#[test]
fn new_with_a_broken_framework_file_says_where() {
    let home = home();
    let broken = fixture("framework-broken.toml");
    zelfscan(home.path())
        .args(["new", "--region", "Regio Test", "--no-open", "--framework"])
        .arg(&broken)
        .assert()
        .code(2)
        .stderr(contains(format!(
            "{}:8:1: geen geldige TOML",
            shown(&broken)
        )));
    assert!(!default_scan_path(home.path()).exists());
}

// ---------------------------------------------------------------- check

#[test]
fn check_a_new_scan_is_in_order_and_leaves_it_unchanged() {
    let home = home();
    let path = new_scan(home.path());
    let before = read(&path);
    zelfscan(home.path())
        .arg("check")
        .arg(&path)
        .assert()
        .success()
        .stdout(format!("{}: in orde\n", shown(&path)))
        .stderr("");
    assert_eq!(read(&path), before);
}

#[test]
fn check_valid_fixtures_and_the_bundled_framework() {
    let home = home();
    for file in [
        bundled_framework_file(),
        fixture("eigen-kader.toml"),
        fixture("scan-valid.toml"),
    ] {
        let before = read(&file);
        zelfscan(home.path())
            .arg("check")
            .arg(&file)
            .assert()
            .success()
            .stdout(format!("{}: in orde\n", shown(&file)));
        assert_eq!(read(&file), before, "{} changed", file.display());
    }
}

/// Each invalid fixture: where the problem is and a fragment of what is said.
const INVALID: &[(&str, &str)] = &[
    (
        "scan-syntax-error.toml",
        ":3:26: geen geldige TOML: invalid basic string",
    ),
    (
        "scan-score-7.toml",
        ":26:9: 'answers.VIS-1.gemeenten.score' = 7: geen waarde van de antwoordschaal",
    ),
    (
        "neither.toml",
        ":1:1: dit is geen scan en geen kader: 'region' of 'themes' ontbreekt",
    ),
    (
        "framework-broken.toml",
        ":8:1: geen geldige TOML: duplicate key",
    ),
];

#[test]
fn check_invalid_fixtures_reports_file_line_and_column() {
    let home = home();
    for (name, expected) in INVALID {
        let file = fixture(name);
        let before = read(&file);
        zelfscan(home.path())
            .arg("check")
            .arg(&file)
            .assert()
            .code(1)
            .stdout(contains(format!("{}{expected}", shown(&file))).and(contains("in orde").not()));
        assert_eq!(read(&file), before, "{name} changed");
    }
}

#[test]
fn check_a_missing_file_is_an_error() {
    let home = home();
    zelfscan(home.path())
        .args(["check", "bestaat-niet.toml"])
        .assert()
        .code(2)
        .stdout(contains("bestaat-niet.toml: het bestand bestaat niet"));
}

#[test]
fn check_without_files_is_a_usage_error() {
    let home = home();
    zelfscan(home.path())
        .arg("check")
        .assert()
        .code(2)
        .stderr(contains("Usage"));
}

#[test]
fn check_several_files_fails_if_any_is_invalid() {
    let home = home();
    let valid = fixture("scan-valid.toml");
    let invalid = fixture("scan-score-7.toml");
    zelfscan(home.path())
        .arg("check")
        .args([&valid, &invalid, &bundled_framework_file()])
        .assert()
        .code(1)
        .stdout(
            contains(format!("{}: in orde", shown(&valid)))
                .and(contains(format!("{}:26:9: ", shown(&invalid))))
                .and(contains(format!(
                    "{}: in orde",
                    shown(&bundled_framework_file())
                ))),
        );

    zelfscan(home.path())
        .arg("check")
        .args([&valid, &bundled_framework_file()])
        .assert()
        .success();

    // A file that cannot be read at all outweighs one with problems.
    zelfscan(home.path())
        .arg("check")
        .arg(&invalid)
        .arg("bestaat-niet.toml")
        .assert()
        .code(2)
        .stdout(contains(":26:9: ").and(contains("bestaat-niet.toml: het bestand bestaat niet")));
}

// ---------------------------------------------------------------- open

#[test]
fn open_a_missing_file_fails_before_the_screen_switches() {
    let home = home();
    zelfscan(home.path())
        .args(["open", "missing.toml"])
        .assert()
        .code(2)
        // Nothing drawn: no full-screen mode, no escape sequences at all.
        .stdout("")
        .stderr(contains("missing.toml: het bestand bestaat niet").and(contains("\x1b").not()));
}

#[test]
fn open_an_invalid_scan_explains_it_on_the_command_line() {
    let home = home();
    let file = fixture("scan-score-7.toml");
    let before = read(&file);
    zelfscan(home.path())
        .arg("open")
        .arg(&file)
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(format!("{}:26:9: ", shown(&file))));
    assert_eq!(read(&file), before);
}

// ---------------------------------------------------------------- control characters

fn assert_no_control_bytes(output: &std::process::Output) {
    for (stream, bytes) in [("stdout", &output.stdout), ("stderr", &output.stderr)] {
        for control in [0x1b_u8, 0x07] {
            assert!(
                !bytes.contains(&control),
                "raw byte {control:#04x} in {stream}: {:?}",
                String::from_utf8_lossy(bytes)
            );
        }
    }
}

#[test]
fn check_never_prints_control_characters_from_a_file() {
    let home = home();
    let file = fixture("scan-escape.toml");
    // The fixture holds the TOML escapes, not the raw bytes.
    assert!(!read(&file).contains(&0x1b));
    let output = zelfscan(home.path())
        .arg("check")
        .arg(&file)
        .output()
        .expect("run check");
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert_no_control_bytes(&output);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.contains(&format!(
            "{}:26:9: 'answers.VIS-1.gemeenten.score' = ",
            shown(&file)
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("hack"),
        "the value is shown, made harmless: {stdout}"
    );

    let output = zelfscan(home.path())
        .arg("open")
        .arg(&file)
        .output()
        .expect("run open");
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert_no_control_bytes(&output);
}

#[test]
fn control_characters_in_arguments_are_not_printed_raw() {
    let home = home();
    let hostile = "\u{1b}]0;hack\u{7}";
    let output = zelfscan(home.path())
        .args([
            "new",
            "--region",
            "Regio Test",
            "--no-open",
            "--framework",
            hostile,
        ])
        .output()
        .expect("run new");
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert_no_control_bytes(&output);

    let output = zelfscan(home.path())
        .args(["check", &format!("{hostile}.toml")])
        .output()
        .expect("run check");
    assert_eq!(output.status.code(), Some(2), "{output:?}");
    assert_no_control_bytes(&output);
}

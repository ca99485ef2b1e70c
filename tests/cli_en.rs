//! The command line in English: `--lang en` before or after the subcommand,
//! the environment (`ZELFSCAN_LANG`, `LC_ALL`, `LC_MESSAGES`, `LANG`) when
//! there is no flag, and an English Markdown report (snapshot). Every run gets
//! its own `ZELFSCAN_HOME` in a temp dir and a clean language environment, so
//! the machine's locale never decides the outcome.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use tempfile::TempDir;
use zelfscan::i18n::Lang;
use zelfscan::report::{Format, render};

const LANGUAGE_VARIABLES: [&str; 4] = ["ZELFSCAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"];

/// `zelfscan` with its own home and none of the language variables set.
fn zelfscan(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_zelfscan"));
    command
        .env("ZELFSCAN_HOME", home)
        .env_remove("NO_COLOR")
        .current_dir(home);
    for variable in LANGUAGE_VARIABLES {
        command.env_remove(variable);
    }
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

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scans/examples")
        .join(name)
}

#[test]
fn frameworks_in_english_lists_the_english_framework_first() {
    let home = home();
    let output = zelfscan(home.path())
        .args(["--lang", "en", "frameworks"])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let output = String::from_utf8(output).expect("utf-8");
    let lines: Vec<&str> = output.lines().collect();
    assert_eq!(lines[0], "id\tversion\ttitle\tsource");
    assert!(
        lines[1].starts_with(
            "robust-youth-care-region\t2026.1\tSelf-scan robust youth-care region\tbundled"
        ),
        "{output}"
    );
    assert!(
        lines[2].starts_with("robuuste-jeugdhulpregio\t"),
        "{output}"
    );
    assert!(
        output.contains("Your own frameworks: put a .toml file in"),
        "{output}"
    );
}

#[test]
fn frameworks_in_dutch_lists_the_dutch_framework_first() {
    let home = home();
    zelfscan(home.path())
        .arg("frameworks")
        .assert()
        .success()
        .stdout(
            contains("id\tversie\ttitel\tbron\nrobuuste-jeugdhulpregio\t")
                .and(contains("\nrobust-youth-care-region\t")),
        );
}

#[test]
fn the_flag_works_before_and_after_the_subcommand() {
    let home = home();
    for args in [["--lang", "en", "check"], ["check", "--lang", "en"]] {
        zelfscan(home.path())
            .args(args)
            .arg(fixture("scan-valid.toml"))
            .assert()
            .success()
            .stdout(contains("scan-valid.toml: OK\n"));
    }
}

#[test]
fn check_explains_problems_in_english() {
    let home = home();
    for (name, expected) in [
        (
            "scan-syntax-error.toml",
            ":3:26: not valid TOML: invalid basic string",
        ),
        (
            "scan-score-7.toml",
            ":26:9: 'answers.VIS-1.gemeenten.score' = 7: not a value of the answer scale",
        ),
        (
            "neither.toml",
            ":1:1: this is neither a scan nor a framework: 'region' or 'themes' is missing",
        ),
        (
            "framework-broken.toml",
            ":8:1: not valid TOML: duplicate key",
        ),
    ] {
        zelfscan(home.path())
            .args(["--lang", "en", "check"])
            .arg(fixture(name))
            .assert()
            .code(1)
            .stdout(contains(expected).and(contains(": OK").not()));
    }
    zelfscan(home.path())
        .args(["--lang", "en", "check", "missing.toml"])
        .assert()
        .code(2)
        .stdout(contains("missing.toml: the file does not exist"));
}

#[test]
fn the_environment_chooses_the_language_when_there_is_no_flag() {
    let home = home();
    let valid = fixture("scan-valid.toml");
    let english = "scan-valid.toml: OK\n";
    let dutch = "scan-valid.toml: in orde\n";
    for (variable, value, expected) in [
        ("LANG", "en_US.UTF-8", english),
        ("LANG", "en_GB.UTF-8", english),
        ("LANG", "nl_NL.UTF-8", dutch),
        ("LANG", "de_DE.UTF-8", dutch),
        ("LANG", "C.UTF-8", dutch),
        ("LC_MESSAGES", "en_GB.UTF-8", english),
        ("LC_ALL", "en_GB.UTF-8", english),
        ("ZELFSCAN_LANG", "en", english),
    ] {
        zelfscan(home.path())
            .env(variable, value)
            .arg("check")
            .arg(&valid)
            .assert()
            .success()
            .stdout(contains(expected));
    }
    // Nothing set: Dutch.
    zelfscan(home.path())
        .arg("check")
        .arg(&valid)
        .assert()
        .success()
        .stdout(contains(dutch));
    // ZELFSCAN_LANG beats the locale, and the flag beats both.
    zelfscan(home.path())
        .env("LANG", "en_GB.UTF-8")
        .env("ZELFSCAN_LANG", "nl")
        .arg("check")
        .arg(&valid)
        .assert()
        .success()
        .stdout(contains(dutch));
    zelfscan(home.path())
        .env("LC_ALL", "en_GB.UTF-8")
        .args(["check", "--lang", "nl"])
        .arg(&valid)
        .assert()
        .success()
        .stdout(contains(dutch));
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let home = home();
    zelfscan(home.path())
        .args(["--lang", "fr", "frameworks"])
        .assert()
        .code(2)
        .stderr(contains("fr").and(contains("nl")).and(contains("en")));
}

#[test]
fn new_in_english_uses_the_english_framework() {
    let home = home();
    let file = home.path().join("seaside.toml");
    zelfscan(home.path())
        .args([
            "--lang",
            "en",
            "new",
            "--region",
            "Seaside",
            "--no-open",
            "-o",
        ])
        .arg(&file)
        .assert()
        .success()
        .stdout(contains("Scan created: "));
    let scan = zelfscan::storage::load_scan(&file).expect("scan").value;
    assert_eq!(scan.framework.id, "robust-youth-care-region");
    assert_eq!(scan.framework.language, "en");
}

#[test]
fn an_english_report_of_a_dutch_scan_has_english_words_around_the_dutch_content() {
    let home = home();
    zelfscan(home.path())
        .args(["--lang", "en", "report", "--format", "md"])
        .arg(example("robuust-met-aandachtspunten.toml"))
        .assert()
        .success()
        .stdout(
            contains("Robust with points of attention")
                .and(contains("Points of attention"))
                .and(contains("Robuust met aandachtspunten").not()),
        );
}

/// The example scan with its framework swapped for the English one: the ids
/// are the same, so every answer fits and the report is English throughout.
#[test]
fn english_markdown_report_of_an_example_scan() {
    let loaded = zelfscan::storage::load_scan(&example("robuust-met-aandachtspunten.toml"))
        .expect("example scan");
    let mut scan = loaded.value;
    let dutch_verdict = zelfscan::model::evaluate(&scan).verdict();
    scan.framework = zelfscan::storage::bundled_frameworks_for("en").remove(0);
    assert_eq!(
        zelfscan::model::evaluate(&scan).verdict(),
        dutch_verdict,
        "the translation scores the same"
    );
    insta::assert_snapshot!(
        "en_report_robuust_met_aandachtspunten_md",
        render(&scan, Format::Markdown, Lang::En.catalogue())
    );
}

#[test]
fn help_follows_the_language() {
    let home = home();
    zelfscan(home.path())
        .args(["--lang", "en", "--help"])
        .assert()
        .success()
        .stdout(contains("guided self-scan for youth-care regions").and(contains("Open a scan")));
    zelfscan(home.path())
        .env("LANG", "en_GB.UTF-8")
        .args(["report", "--help"])
        .assert()
        .success()
        .stdout(contains("Write the report to this file"));
    zelfscan(home.path())
        .args(["report", "--help"])
        .assert()
        .success()
        .stdout(contains("Schrijf het rapport naar dit bestand"));
}

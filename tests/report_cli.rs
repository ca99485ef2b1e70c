//! `zelfscan report` run as a user would: every format to standard output,
//! `--output` to a file, a broken scan explained as `check` does (and nothing
//! written), an unknown format refused by the argument parser. Every run gets
//! its own `ZELFSCAN_HOME` in a temp dir.

#[path = "support/report_scans.rs"]
mod report_scans;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;
use tempfile::TempDir;
use zelfscan::i18n::Lang;
use zelfscan::report::{Format, render};

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

/// The complete in-code scan, saved in the home; returns its path.
fn saved_scan(home: &Path) -> PathBuf {
    let path = home.join("zeeduinen.toml");
    zelfscan::storage::save_scan(&path, &report_scans::complete()).expect("save the scan");
    path
}

/// What the library renders for the saved scan (the scan as loaded back).
fn expected(path: &Path, format: Format) -> String {
    let scan = zelfscan::storage::load_scan(path).expect("loads").value;
    render(&scan, format, Lang::Nl.catalogue())
}

#[test]
fn every_format_goes_to_standard_output() {
    let home = home();
    let scan = saved_scan(home.path());
    for (flag, format) in [
        ("md", Format::Markdown),
        ("html", Format::Html),
        ("csv", Format::Csv),
        ("json", Format::Json),
    ] {
        zelfscan(home.path())
            .arg("report")
            .arg(&scan)
            .args(["--format", flag])
            .assert()
            .success()
            .stdout(expected(&scan, format))
            .stderr("");
    }
}

#[test]
fn markdown_is_the_default() {
    let home = home();
    let scan = saved_scan(home.path());
    zelfscan(home.path())
        .arg("report")
        .arg(&scan)
        .assert()
        .success()
        .stdout(expected(&scan, Format::Markdown));
}

#[test]
fn output_writes_the_file_and_nothing_to_standard_output() {
    let home = home();
    let scan = saved_scan(home.path());
    let out = home.path().join("rapport.html");
    zelfscan(home.path())
        .arg("report")
        .arg(&scan)
        .args(["--format", "html", "--output"])
        .arg(&out)
        .assert()
        .success()
        .stdout("")
        .stderr("");
    let written = std::fs::read_to_string(&out).expect("the report");
    assert_eq!(written, expected(&scan, Format::Html));
    // No temp file left beside it.
    let names: Vec<String> = std::fs::read_dir(home.path())
        .expect("home")
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains("rapport"))
        .collect();
    assert_eq!(names, ["rapport.html"]);
}

#[test]
fn output_replaces_an_existing_report() {
    let home = home();
    let scan = saved_scan(home.path());
    let out = home.path().join("rapport.csv");
    std::fs::write(&out, "oud").expect("old report");
    zelfscan(home.path())
        .arg("report")
        .arg(&scan)
        .args(["-f", "csv", "-o"])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(
        std::fs::read_to_string(&out).expect("the report"),
        expected(&scan, Format::Csv)
    );
}

#[test]
fn output_never_overwrites_the_scan_itself() {
    let home = home();
    let scan = saved_scan(home.path());
    let before = std::fs::read(&scan).expect("scan");
    zelfscan(home.path())
        .arg("report")
        .arg(&scan)
        .arg("--output")
        .arg(&scan)
        .assert()
        .code(2)
        .stderr(contains("is de scan zelf"));
    assert_eq!(std::fs::read(&scan).expect("scan"), before);
}

#[test]
fn an_invalid_scan_is_located_and_nothing_is_written() {
    let home = home();
    let broken = fixture("scan-score-7.toml");
    let out = home.path().join("rapport.md");
    zelfscan(home.path())
        .arg("report")
        .arg(&broken)
        .arg("--output")
        .arg(&out)
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(format!(
            "{}:26:9: 'answers.VIS-1.gemeenten.score' = 7: geen waarde van de antwoordschaal",
            broken.display()
        )));
    assert!(!out.exists(), "a report was written for a broken scan");
    let leftovers = std::fs::read_dir(home.path()).expect("home").count();
    assert_eq!(leftovers, 0, "something was written in the home");
}

#[test]
fn an_invalid_scan_to_standard_output_prints_no_report() {
    let home = home();
    let broken = fixture("scan-syntax-error.toml");
    zelfscan(home.path())
        .arg("report")
        .arg(&broken)
        .args(["--format", "json"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains(format!(
            "{}:3:26: geen geldige TOML",
            broken.display()
        )));
}

#[test]
fn a_missing_scan_exits_2() {
    let home = home();
    zelfscan(home.path())
        .args(["report", "bestaat-niet.toml"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("bestaat-niet.toml: het bestand bestaat niet"));
}

#[test]
fn an_unknown_format_is_refused() {
    let home = home();
    let scan = saved_scan(home.path());
    zelfscan(home.path())
        .arg("report")
        .arg(&scan)
        .args(["--format", "pdf"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(contains("invalid value 'pdf'").and(contains("md, html, csv, json")));
}

#[test]
fn help_lists_the_report_command() {
    let home = home();
    zelfscan(home.path())
        .arg("--help")
        .assert()
        .success()
        .stdout(contains("report"));
}

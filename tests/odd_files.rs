//! Paths that are not regular files, given to `check`, `report` and `open`:
//! a FIFO, a device, a socket, a folder, a file over the size cap. Each is
//! answered at once with what it is, and the next file is still checked.
//! `report --output` writes a device, a FIFO or `-` as it is and never
//! replaces the node. FIFOs and sockets are made in a temp dir; `/dev/zero`
//! is only read and `/dev/null` only written through the fixed path, and
//! checked afterwards to still be a character device.
#![cfg(unix)]

use std::fs;
use std::io::Read;
use std::os::unix::fs::FileTypeExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use predicates::str::contains;
use tempfile::TempDir;

/// Far longer than any of these takes; a hang on a FIFO is killed and fails.
const LIMIT: Duration = Duration::from_secs(30);

fn zelfscan(home: &Path) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_zelfscan"));
    command
        .env("ZELFSCAN_HOME", home)
        .env("ZELFSCAN_LANG", "nl")
        .env("TERM", "dumb")
        .current_dir(home)
        .timeout(LIMIT);
    command
}

fn home() -> TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// A valid scan copied into the home under `name`.
fn scan(home: &Path, name: &str) -> PathBuf {
    let path = home.join(name);
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli/scan-valid.toml"),
        &path,
    )
    .expect("copy fixture");
    path
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo");
    assert!(status.success(), "mkfifo failed");
}

fn is_fifo(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|meta| meta.file_type().is_fifo())
}

fn assert_dev_null_intact() {
    let meta = fs::symlink_metadata("/dev/null").expect("/dev/null");
    assert!(
        meta.file_type().is_char_device(),
        "/dev/null is no longer a character device"
    );
}

#[test]
fn check_answers_a_fifo_at_once_and_goes_on_with_the_next_file() {
    let home = home();
    scan(home.path(), "a.toml");
    let fifo = home.path().join("pijp.toml");
    mkfifo(&fifo);
    scan(home.path(), "b.toml");
    zelfscan(home.path())
        .args(["check", "a.toml", "pijp.toml", "b.toml"])
        .assert()
        .code(2)
        .stdout(contains("a.toml: in orde"))
        .stdout(contains(
            "pijp.toml: dit is een named pipe (FIFO), geen gewoon bestand",
        ))
        .stdout(contains("b.toml: in orde"));
    assert!(is_fifo(&fifo), "the FIFO is left as it was");
}

#[test]
fn check_names_a_device_a_socket_and_a_folder() {
    let home = home();
    let socket = home.path().join("socket.toml");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).expect("bind");
    fs::create_dir(home.path().join("map.toml")).expect("folder");
    scan(home.path(), "b.toml");
    zelfscan(home.path())
        .args(["check", "/dev/zero", "socket.toml", "map.toml", "b.toml"])
        .assert()
        .code(2)
        .stdout(contains(
            "/dev/zero: dit is een apparaat (zoals /dev/zero), geen gewoon bestand",
        ))
        .stdout(contains(
            "socket.toml: dit is een socket, geen gewoon bestand",
        ))
        .stdout(contains("map.toml: dit is een map, geen bestand"))
        .stdout(contains("b.toml: in orde"));
}

#[test]
fn a_file_over_the_size_cap_is_refused_with_the_cap_in_the_message() {
    let home = home();
    let big = home.path().join("groot.toml");
    // Sparse: nothing like 64 MB reaches the disk.
    fs::File::create(&big)
        .and_then(|file| file.set_len(zelfscan::storage::input::MAX_INPUT_BYTES + 1))
        .expect("sparse file");
    zelfscan(home.path())
        .args(["check", "groot.toml"])
        .assert()
        .code(2)
        .stdout(contains("groot.toml: het bestand is groter dan 64 MB"));
    zelfscan(home.path())
        .args(["report", "groot.toml"])
        .assert()
        .code(2)
        .stderr(contains("64 MB"));
}

#[test]
fn report_and_open_answer_a_fifo_and_a_device_at_once() {
    let home = home();
    let fifo = home.path().join("pijp.toml");
    mkfifo(&fifo);
    // `open` on a terminal that can do more checks the file before the screen switches.
    for (args, term) in [
        (&["report", "pijp.toml"][..], "dumb"),
        (&["open", "pijp.toml"], "xterm-256color"),
        (&["open", "--plain", "pijp.toml"], "dumb"),
    ] {
        zelfscan(home.path())
            .env("TERM", term)
            .args(args)
            .assert()
            .code(2)
            .stderr(contains("dit is een named pipe (FIFO)"));
    }
    for args in [
        &["report", "/dev/zero"][..],
        &["open", "--plain", "/dev/zero"],
    ] {
        zelfscan(home.path())
            .args(args)
            .assert()
            .code(2)
            .stderr(contains("dit is een apparaat"));
    }
    assert!(is_fifo(&fifo));
}

/// The report as `report FILE` prints it to standard output.
fn report_text(home: &Path, file: &str) -> Vec<u8> {
    let output = zelfscan(home)
        .args(["report", file])
        .output()
        .expect("run report");
    assert!(output.status.success(), "{output:?}");
    assert!(!output.stdout.is_empty());
    output.stdout
}

#[test]
fn report_output_to_a_fifo_writes_into_the_pipe_and_keeps_it() {
    let home = home();
    scan(home.path(), "scan.toml");
    let expected = report_text(home.path(), "scan.toml");
    let fifo = home.path().join("uit");
    mkfifo(&fifo);
    // Held open for writing (Linux: O_RDWR never waits), so the reader's
    // open returns at once and its read ends when this and the report's
    // handle are closed, whether or not the report wrote into the FIFO.
    let keep_open = fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&fifo)
        .expect("hold the FIFO");
    let reader_path = fifo.clone();
    let reader = std::thread::spawn(move || {
        let mut text = Vec::new();
        fs::File::open(&reader_path)
            .and_then(|mut pipe| pipe.read_to_end(&mut text))
            .expect("read the FIFO");
        text
    });
    let output = zelfscan(home.path())
        .args(["report", "scan.toml", "--output", "uit"])
        .output()
        .expect("run report");
    drop(keep_open);
    let received = reader.join().expect("reader");
    assert!(output.status.success(), "{output:?}");
    assert!(is_fifo(&fifo), "the FIFO was replaced");
    assert_eq!(
        String::from_utf8_lossy(&received),
        String::from_utf8_lossy(&expected)
    );
}

#[test]
fn report_output_to_dev_null_and_dash() {
    let home = home();
    scan(home.path(), "scan.toml");
    let expected = report_text(home.path(), "scan.toml");
    zelfscan(home.path())
        .args(["report", "scan.toml", "--output", "/dev/null"])
        .assert()
        .success();
    assert_dev_null_intact();
    let temps: Vec<_> = fs::read_dir("/dev")
        .expect("read /dev")
        .filter_map(Result::ok)
        .filter(|entry| {
            entry
                .file_name()
                .to_string_lossy()
                .starts_with(".null.tmp-")
        })
        .collect();
    assert!(temps.is_empty(), "temp files left in /dev: {temps:?}");

    let output = zelfscan(home.path())
        .args(["report", "scan.toml", "--output", "-"])
        .output()
        .expect("run report");
    assert!(output.status.success(), "{output:?}");
    assert_eq!(output.stdout, expected);
    assert!(!home.path().join("-").exists(), "no file named -");
}

#[test]
fn report_output_through_a_symlink_replaces_the_target_and_keeps_the_link() {
    let home = home();
    scan(home.path(), "scan.toml");
    let expected = report_text(home.path(), "scan.toml");
    fs::create_dir(home.path().join("rapporten")).expect("folder");
    let target = home.path().join("rapporten/echt.md");
    fs::write(&target, "oud rapport").expect("old report");
    let link = home.path().join("rapport.md");
    std::os::unix::fs::symlink("rapporten/echt.md", &link).expect("symlink");
    zelfscan(home.path())
        .args(["report", "scan.toml", "--output", "rapport.md"])
        .assert()
        .success();
    assert!(
        fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink(),
        "the link is kept"
    );
    assert_eq!(fs::read(&target).expect("target"), expected);
}

#[test]
fn report_output_to_a_folder_or_a_socket_is_refused_and_left_alone() {
    let home = home();
    scan(home.path(), "scan.toml");
    let folder = home.path().join("map");
    fs::create_dir(&folder).expect("folder");
    let socket = home.path().join("sock");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).expect("bind");
    zelfscan(home.path())
        .args(["report", "scan.toml", "--output", "map"])
        .assert()
        .code(2)
        .stderr(contains("dit is een map, geen bestand"));
    assert!(folder.is_dir());
    assert_eq!(fs::read_dir(&folder).expect("folder").count(), 0);
    zelfscan(home.path())
        .args(["report", "scan.toml", "--output", "sock"])
        .assert()
        .code(2)
        .stderr(contains("dit is een socket"));
    assert!(
        fs::symlink_metadata(&socket)
            .expect("socket")
            .file_type()
            .is_socket()
    );
}

#[test]
fn every_command_with_output_writes_devices_and_dash_as_they_are() {
    // `actions`, `compare` and `overview` write through the same function as
    // `report`: `/dev/null` stays a device, `-` is standard output.
    let home = home();
    scan(home.path(), "scan.toml");
    scan(home.path(), "later.toml");
    let commands: [&[&str]; 3] = [
        &["actions", "scan.toml"],
        &["compare", "scan.toml", "later.toml"],
        &["overview", "scan.toml", "later.toml"],
    ];
    for args in commands {
        zelfscan(home.path())
            .args(args)
            .args(["--output", "/dev/null"])
            .assert()
            .success();
        assert_dev_null_intact();
        let to_dash = zelfscan(home.path())
            .args(args)
            .args(["--output", "-"])
            .output()
            .expect("run");
        let plain = zelfscan(home.path()).args(args).output().expect("run");
        assert!(to_dash.status.success(), "{args:?}: {to_dash:?}");
        assert_eq!(to_dash.stdout, plain.stdout, "{args:?}");
        assert!(!home.path().join("-").exists(), "{args:?}: no file named -");
    }
}

//! The meeting-room features through the real binary: no colour codes at all
//! under `NO_COLOR`, the projector view switched on and off in a real
//! terminal, and the settings file with `zelfscan config`.

mod support;

use std::ffi::OsStr;
use std::path::Path;
use std::process::Command;

use support::pty::{Key, Session, TIMEOUT};

const BIN: &str = env!("CARGO_BIN_EXE_zelfscan");

fn new_scan(home: &Path) -> std::path::PathBuf {
    let path = home.join("scans/zaal.toml");
    let status = Command::new(BIN)
        .args(["new", "--region", "Regio Zaal", "--no-open", "--output"])
        .arg(&path)
        .env("ZELFSCAN_HOME", home)
        .env("ZELFSCAN_LANG", "nl")
        .status()
        .expect("zelfscan new");
    assert!(status.success());
    path
}

fn open(home: &Path, scan: &Path, extra_env: &[(&str, &OsStr)]) -> Session {
    let mut env = vec![
        ("ZELFSCAN_HOME", home.as_os_str()),
        ("ZELFSCAN_LANG", OsStr::new("nl")),
    ];
    env.extend_from_slice(extra_env);
    Session::spawn(BIN, &[OsStr::new("open"), scan.as_os_str()], &env, 100, 30).expect("spawn")
}

/// The parameters of every SGR sequence (`ESC [ … m`) in `bytes`.
fn sgr_parameters(bytes: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut index = 0;
    while index + 1 < bytes.len() {
        if bytes[index] == 0x1b && bytes[index + 1] == b'[' {
            let start = index + 2;
            let mut end = start;
            while end < bytes.len() && (bytes[end].is_ascii_digit() || bytes[end] == b';') {
                end += 1;
            }
            if end < bytes.len() && bytes[end] == b'm' {
                found.push(String::from_utf8_lossy(&bytes[start..end]).into_owned());
            }
            index = end;
        } else {
            index += 1;
        }
    }
    found
}

/// Whether an SGR parameter list sets a colour (30–37, 40–47, 90–97,
/// 100–107, or an extended 38/48/58 colour). 39/49/59 restore the terminal's
/// own default and set nothing.
fn sets_a_colour(parameters: &str) -> bool {
    let numbers: Vec<u32> = parameters
        .split(';')
        .filter_map(|n| n.parse().ok())
        .collect();
    numbers
        .iter()
        .any(|n| matches!(n, 30..=37 | 40..=47 | 90..=97 | 100..=107 | 38 | 48 | 58))
}

#[test]
fn no_color_means_no_colour_escape_codes_at_all() {
    let home = tempfile::tempdir().expect("temp dir");
    let scan = new_scan(home.path());
    let mut session = open(home.path(), &scan, &[("NO_COLOR", OsStr::new("1"))]);
    session.wait_for("VIS-1 · ", TIMEOUT).expect("walkthrough");
    // Visit every screen: help, overview, projector with scores, search.
    for (keys, shows) in [
        ("?", "Hulp en sneltoetsen"),
        ("\x1b", "n/PgDn volgende"),
        ("r", "Overzicht en oordeel"),
        ("r", "n/PgDn volgende"),
        ("b", "Esc terug"),
        ("s", "Gezamenlijk"),
        ("b", "n/PgDn volgende"),
        ("/", "Zoeken"),
    ] {
        session.send(keys);
        session.wait_for(shows, TIMEOUT).expect(shows);
    }
    session.send_key(Key::Esc);
    session.wait_for("n/PgDn volgende", TIMEOUT).expect("back");
    session.send("q");
    session.wait_exit(TIMEOUT).expect("exit");
    let raw = session.raw_output();
    let colours: Vec<String> = sgr_parameters(&raw)
        .into_iter()
        .filter(|parameters| sets_a_colour(parameters))
        .collect();
    assert!(
        colours.is_empty(),
        "colour codes under NO_COLOR: {colours:?}"
    );
    // The negative control: the same screens with colour do set colours.
    let mut coloured = open(home.path(), &scan, &[]);
    coloured.wait_for("VIS-1 · ", TIMEOUT).expect("walkthrough");
    coloured.send("q");
    coloured.wait_exit(TIMEOUT).expect("exit");
    assert!(
        sgr_parameters(&coloured.raw_output())
            .iter()
            .any(|p| sets_a_colour(p)),
        "the check can fail: with colour, colours are set"
    );
}

#[test]
fn the_projector_is_switched_on_and_back_in_a_real_terminal() {
    let home = tempfile::tempdir().expect("temp dir");
    let scan = new_scan(home.path());
    let mut session = open(home.path(), &scan, &[]);
    session.wait_for("VIS-1 · ", TIMEOUT).expect("walkthrough");
    session.send("3");
    session.wait_for("Op orde", TIMEOUT).expect("scored");
    // F5, as a terminal sends it.
    session.send_raw(b"\x1b[15~");
    // The hint is on the last row, drawn last: the whole frame is there.
    let screen = session
        .wait_for("s scores · Esc terug", TIMEOUT)
        .expect("projector");
    assert!(screen.contains("1. Is de regiovisie"), "{screen}");
    assert!(!screen.contains("Criteria"), "no list on the projector");
    // The legend names every level; a recorded score reads "3 – Op orde".
    assert!(screen.contains("Op orde"), "the scale's legend: {screen}");
    assert!(
        !screen.contains("3 – Op orde"),
        "no scores until asked: {screen}"
    );
    session.send("s");
    session
        .wait_for("Gemeenten", TIMEOUT)
        .expect("scores shown");
    session.send("n");
    // At 100x30 the title is in big glyphs, with the id above the theme.
    session
        .wait_for(" VIS-2 ", TIMEOUT)
        .expect("next on the projector");
    session.send("b");
    let screen = session
        .wait_for("n/PgDn volgende", TIMEOUT)
        .expect("back to the walkthrough");
    assert!(screen.contains("Criteria"), "{screen}");
    assert!(
        screen.contains("VIS-2 · Gedragen door partners"),
        "{screen}"
    );
    session.send_key(Key::Ctrl('s'));
    session.wait_for("Opgeslagen", TIMEOUT).expect("saved");
    session.send("q");
    let status = session.wait_exit(TIMEOUT).expect("exit");
    assert_eq!(status.exit_code(), 0);
}

#[test]
fn zelfscan_config_shows_the_file_and_what_is_in_force() {
    let home = tempfile::tempdir().expect("temp dir");
    let run = || {
        Command::new(BIN)
            .arg("config")
            .env("ZELFSCAN_HOME", home.path())
            .env("ZELFSCAN_LANG", "nl")
            .output()
            .expect("zelfscan config")
    };
    let output = run();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{output:?}");
    assert!(
        stdout.contains("config.toml (bestaat nog niet; standaardwaarden)"),
        "{stdout}"
    );
    assert!(stdout.contains("donker  (standaard)"), "{stdout}");
    let clock_line = |stdout: &str, label: &str| {
        stdout
            .lines()
            .find(|line| line.starts_with(label))
            .map(str::to_string)
            .unwrap_or_default()
    };
    assert!(
        clock_line(&stdout, "klok ").ends_with("aan  (standaard)"),
        "{stdout}"
    );

    let config = home.path().join("config/config.toml");
    std::fs::create_dir_all(config.parent().expect("folder")).expect("folder");
    std::fs::write(
        &config,
        "schema_version = 1\nlanguage = \"en\"\ntheme = \"high-contrast\"\nfacilitator = \"Anna de Vries\"\nclock = false\n",
    )
    .expect("write");
    let output = Command::new(BIN)
        .arg("config")
        .env("ZELFSCAN_HOME", home.path())
        .env_remove("ZELFSCAN_LANG")
        .env("LANG", "nl_NL.UTF-8")
        .output()
        .expect("zelfscan config");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{output:?}");
    assert!(
        stdout.contains("Settings:"),
        "the file's language wins over LANG: {stdout}"
    );
    assert!(
        stdout.contains("high contrast  (from the file)"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Anna de Vries  (from the file)"),
        "{stdout}"
    );
    assert!(
        clock_line(&stdout, "clock ").ends_with("off  (from the file)"),
        "{stdout}"
    );

    std::fs::write(&config, "theme = \"paars\"\nkleur = 3\n").expect("write");
    let output = run();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert!(
        stderr.contains("'theme': kies \"dark\", \"light\", \"high-contrast\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("'kleur' is geen instelling van zelfscan"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&output.stdout).contains("donker  (standaard)"));
}

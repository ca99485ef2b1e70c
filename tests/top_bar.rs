//! The top bar with a scan open: the region always whole, at 80x24 too, with
//! the session clock running; the clock yields first. Snapshots of the bar at
//! 80x24 and 120x40 in both languages, and the real binary in a pty.

mod support;

use std::ffi::OsStr;
use std::path::PathBuf;
use std::process::Command;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use support::pty::{Session, TIMEOUT};
use zelfscan::i18n::Lang;
use zelfscan::model::{Scan, ScanMeta};
use zelfscan::paths::Paths;
use zelfscan::storage;
use zelfscan::tui::action::{Action, OpenedScan};
use zelfscan::tui::app::{App, FrameworkChoice};
use zelfscan::tui::update::update;
use zelfscan::tui::view;

const BIN: &str = env!("CARGO_BIN_EXE_zelfscan");
const REGION: &str = "Regio IJsselland";

fn walking(lang: Lang, clock: bool) -> App {
    let frameworks = storage::bundled_frameworks_for(lang.code())
        .into_iter()
        .map(FrameworkChoice::bundled)
        .collect();
    let mut app = App::new(
        lang.catalogue(),
        Paths::under(&PathBuf::from("/zelfscan-test")),
        frameworks,
        "2026-11-25T10:00:00Z".parse().expect("timestamp"),
    );
    app.colour = false;
    app.timebox.clock = clock;
    let meta = ScanMeta {
        region: REGION.into(),
        date: "2026-11-25".parse().expect("date"),
        facilitator: "Anna de Vries".into(),
        note_taker: "Bram Jansen".into(),
        participants: Vec::new(),
    };
    let framework = storage::bundled_frameworks_for(lang.code()).remove(0);
    update(
        &mut app,
        Action::Created(Ok(OpenedScan {
            scan: Box::new(Scan::new(meta, framework)),
            path: PathBuf::from("/zelfscan-test/scans/ijsselland.toml"),
            warnings: Vec::new(),
            recovered: None,
            read_only: false,
            banner: None,
        })),
    );
    // An unsaved change: the longest saved-state badge.
    update(&mut app, Action::SetScore(3));
    app
}

/// The top row at this size.
fn top_bar(app: &mut App, width: u16, height: u16) -> String {
    update(app, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|frame| view::draw(frame, app)).expect("draw");
    let buffer = terminal.backend().buffer();
    (0..width).map(|x| buffer[(x, 0)].symbol()).collect()
}

#[test]
fn snapshots_of_the_top_bar() {
    for (lang, name) in [(Lang::Nl, "nl"), (Lang::En, "en")] {
        for (width, height) in [(80, 24), (120, 40)] {
            let bar = top_bar(&mut walking(lang, true), width, height);
            assert!(bar.contains(REGION), "{bar}");
            insta::assert_snapshot!(format!("top_bar_{name}_{width}x{height}"), bar);
        }
        let bar = top_bar(&mut walking(lang, false), 80, 24);
        insta::assert_snapshot!(format!("top_bar_{name}_no_clock_80x24"), bar);
    }
}

#[test]
fn the_region_stays_whole_at_80x24_with_the_clock_running() {
    let home = tempfile::tempdir().expect("temp dir");
    let output = Command::new(BIN)
        .args(["new", "--region", REGION, "--no-open"])
        .env("ZELFSCAN_HOME", home.path())
        .env("ZELFSCAN_LANG", "nl")
        .output()
        .expect("run zelfscan new");
    assert!(output.status.success(), "{output:?}");
    let file = std::fs::read_dir(home.path().join("scans"))
        .expect("scans folder")
        .map(|entry| entry.expect("entry").path())
        .find(|path| path.extension() == Some(OsStr::new("toml")))
        .expect("the new scan");
    let session = Session::spawn(
        BIN,
        &["open", file.to_str().expect("utf-8 path")],
        &[
            ("ZELFSCAN_HOME", home.path().as_os_str()),
            ("ZELFSCAN_LANG", OsStr::new("nl")),
        ],
        80,
        24,
    )
    .expect("start zelfscan in a pty");
    let top_row = |screen: &vt100::Screen| screen.rows(0, 80).next().unwrap_or_default();
    session
        .wait_screen(TIMEOUT, std::time::Duration::from_millis(10), |screen| {
            let top = top_row(screen);
            top.contains("sessie") && top.contains(" over")
        })
        .unwrap_or_else(|screen| panic!("no session clock in the top bar:\n{screen}"));
    let top = session.with_screen(top_row).expect("screen");
    assert!(top.contains(REGION), "region cut: {top:?}");
    assert!(!top.contains("Regio I…"), "{top:?}");
}

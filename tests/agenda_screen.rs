//! The agenda screen (`l` in the walkthrough): every action of the scan,
//! sortable by due date, owner and status, overdue ones marked in words, the
//! points of attention without an action flagged, Enter to the criterion.
//! Snapshots in both languages at 80x24 and 120x40.

use std::path::{Path, PathBuf};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use zelfscan::i18n::Lang;
use zelfscan::model::{ActionStatus, AgendaSort, Scan};
use zelfscan::paths::Paths;
use zelfscan::storage;
use zelfscan::tui::action::{Action, OpenedScan};
use zelfscan::tui::app::{AgendaPart, App, Field, FrameworkChoice, WalkMode};
use zelfscan::tui::keymap;
use zelfscan::tui::update::update;
use zelfscan::tui::view;

/// Some actions are past their date on this day (vervolgtraject).
fn now() -> jiff::Timestamp {
    "2027-04-01T10:00:00Z".parse().expect("timestamp")
}

fn example() -> Scan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scans/examples/vervolgtraject.toml");
    storage::load_scan(&path).expect("loads").value
}

fn walking(lang: Lang, scan: Scan) -> App {
    let frameworks = storage::bundled_frameworks()
        .into_iter()
        .map(FrameworkChoice::bundled)
        .collect();
    let home = PathBuf::from("/zelfscan-test");
    let mut app = App::new(lang.catalogue(), Paths::under(&home), frameworks, now());
    app.colour = false;
    update(
        &mut app,
        Action::Created(Ok(OpenedScan {
            scan: Box::new(scan),
            path: home.join("scans/turfvaart.toml"),
            warnings: Vec::new(),
            recovered: None,
            read_only: false,
            banner: None,
        })),
    );
    app
}

fn press(app: &mut App, script: &str) {
    for token in script.split_whitespace() {
        let code = match token {
            "<enter>" => KeyCode::Enter,
            "<esc>" => KeyCode::Esc,
            "<up>" => KeyCode::Up,
            "<down>" => KeyCode::Down,
            "<tab>" => KeyCode::Tab,
            text => {
                for c in text.chars() {
                    send(app, KeyCode::Char(c));
                }
                continue;
            }
        };
        send(app, code);
    }
}

fn send(app: &mut App, code: KeyCode) {
    let event = KeyEvent::new(code, KeyModifiers::NONE);
    if let Some(action) = keymap::action_for(keymap::context(app), event) {
        update(app, action);
    }
}

fn render(app: &mut App, width: u16, height: u16) -> String {
    update(app, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|frame| view::draw(frame, app)).expect("draw");
    format!("{}", terminal.backend())
}

fn mode(app: &App) -> WalkMode {
    app.walkthrough().expect("walkthrough").mode
}

#[test]
fn snapshots_of_the_agenda_screen_in_both_languages() {
    for (lang, name) in [(Lang::Nl, "nl"), (Lang::En, "en")] {
        let mut app = walking(lang, example());
        press(&mut app, "l");
        for (width, height) in [(80, 24), (120, 40)] {
            let screen = render(&mut app, width, height);
            insta::assert_snapshot!(format!("agenda_{name}_{width}x{height}"), screen);
        }
    }
}

#[test]
fn overdue_actions_and_points_without_action_are_said_in_words() {
    let mut app = walking(Lang::Nl, example());
    press(&mut app, "l");
    let screen = render(&mut app, 120, 40);
    // Due before 1 April 2027 and still open: five of the seven.
    assert_eq!(screen.matches("TE LAAT").count(), 5, "{screen}");
    assert!(screen.contains("7 acties, 5 te laat"), "{screen}");
    assert!(screen.contains("Aandachtspunten zonder actie"), "{screen}");
    assert!(screen.contains("aandachtspunt zonder actie"), "{screen}");
}

#[test]
fn sorting_cycles_through_due_date_owner_and_status() {
    let mut app = walking(Lang::Nl, example());
    press(&mut app, "l");
    assert!(matches!(
        mode(&app),
        WalkMode::Actions {
            sort: AgendaSort::Due,
            ..
        }
    ));
    press(&mut app, "s");
    let screen = render(&mut app, 120, 40);
    assert!(screen.contains("gesorteerd op eigenaar"), "{screen}");
    // By owner: Anouk Jansma (two actions) comes first.
    let first_row = screen
        .lines()
        .find(|line| line.contains('▶'))
        .expect("a selected row");
    assert!(first_row.contains("Anouk Jansma"), "{first_row}");
    press(&mut app, "s");
    let screen = render(&mut app, 120, 40);
    assert!(screen.contains("gesorteerd op stand"), "{screen}");
    let first_row = screen
        .lines()
        .find(|line| line.contains('▶'))
        .expect("a selected row");
    assert!(first_row.contains("open"), "{first_row}");
    press(&mut app, "s");
    assert!(matches!(
        mode(&app),
        WalkMode::Actions {
            sort: AgendaSort::Due,
            ..
        }
    ));
}

#[test]
fn enter_jumps_to_the_criterion_and_the_action() {
    let mut app = walking(Lang::Nl, example());
    press(&mut app, "l <down> <down> <enter>");
    let walk = app.walkthrough().expect("walkthrough");
    assert_eq!(walk.mode, WalkMode::Browse);
    // By due date: SCH-4 (15 Dec), SAM-1's second action (31 Jan), VIS-3 (1 Mar).
    let id = &walk
        .scan
        .framework
        .criterion_at(walk.current)
        .expect("criterion")
        .criterion
        .id;
    assert_eq!(id, "VIS-3");
    assert_eq!(walk.focus, Field::Agenda(AgendaPart::What(0)));

    // The action's status is changed right there, and journaled.
    press(&mut app, "<tab> <tab> <tab> 3");
    let walk = app.walkthrough().expect("walkthrough");
    assert_eq!(
        walk.scan.answers[walk.current].actions[0].status,
        ActionStatus::Done
    );
    assert!(!walk.pending.is_empty());
}

#[test]
fn actions_are_added_and_removed_with_keys_and_replay_from_the_journal() {
    let original = example();
    let mut app = walking(Lang::Nl, original.clone());
    // VIS-1 has no action yet.
    press(&mut app, "a <enter>");
    for c in "Raadsinformatiebrief".chars() {
        send(&mut app, KeyCode::Char(c));
    }
    press(&mut app, "<esc> a - ");
    let walk = app.walkthrough().expect("walkthrough");
    let actions = &walk.scan.answers[0].actions;
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0].what, "Raadsinformatiebrief");
    // What was journaled gives the same scan.
    let mut replayed = original;
    for edit in &walk.pending {
        edit.apply(&mut replayed).expect("fits");
    }
    assert_eq!(replayed, walk.scan);
    // And the journal's own text reads back to the same edits.
    let dir = tempfile::tempdir().expect("temp dir");
    let scan_path = dir.path().join("scan.toml");
    let mut journal = storage::journal::JournalWriter::start(&scan_path, 1).expect("journal");
    journal.append(&walk.pending).expect("append");
    let read = storage::journal::read_journal(&scan_path)
        .expect("read")
        .expect("a journal");
    assert_eq!(read.edits, walk.pending);
}

#[test]
fn the_focused_agenda_field_stays_in_view_on_a_small_screen() {
    let mut app = walking(Lang::Nl, example());
    // VIS-1: five new actions; the focus goes to the last one's status.
    press(&mut app, "a a a a a <tab> <tab> <tab>");
    let walk = app.walkthrough().expect("walkthrough");
    assert_eq!(walk.focus, Field::Agenda(AgendaPart::Status(4)));
    let screen = render(&mut app, 80, 24);
    let focused = screen
        .lines()
        .find(|line| line.contains("▶  stand"))
        .unwrap_or_else(|| panic!("the focused status is not on screen:\n{screen}"));
    assert!(focused.contains("[open]"), "{focused}");
    assert!(screen.contains("actie 5"), "{screen}");
    // The criterion's text keeps its rows above.
    assert!(
        screen.contains("De regio heeft een actuele regiovisie"),
        "{screen}"
    );
}

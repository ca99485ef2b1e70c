//! The interface's many-scans parts without a terminal: a homework scan edits
//! only its own side; merge conflicts are shown side by side and resolved by
//! journaled edits (pick one, combine notes, take one and edit on).

use std::path::{Path, PathBuf};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use zelfscan::i18n::Lang;
use zelfscan::model::conflict::{ConflictOption, FieldConflict, FieldValue};
use zelfscan::model::edit::Edit;
use zelfscan::model::{Answer, Scan};
use zelfscan::paths::Paths;
use zelfscan::storage;
use zelfscan::tui::action::{Action, OpenedScan};
use zelfscan::tui::app::{App, Field, FrameworkChoice, Overlay, Side, WalkMode};
use zelfscan::tui::keymap;
use zelfscan::tui::update::update;
use zelfscan::tui::view;

fn now() -> jiff::Timestamp {
    "2026-12-08T10:00:00Z".parse().expect("timestamp")
}

/// A fake home that these tests never touch: no effect is run.
fn home() -> PathBuf {
    PathBuf::from("/zelfscan-test")
}

fn example(relative: &str) -> Scan {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("scans/examples")
        .join(relative);
    storage::load_scan(&path).expect("example loads").value
}

fn walking(scan: Scan) -> App {
    let frameworks = storage::bundled_frameworks()
        .into_iter()
        .map(|framework| FrameworkChoice {
            framework,
            file: None,
        })
        .collect();
    let mut app = App::new(
        Lang::Nl.catalogue(),
        Paths::under(&home()),
        frameworks,
        now(),
    );
    app.colour = false;
    update(
        &mut app,
        Action::Opened(Ok(OpenedScan {
            scan: Box::new(scan),
            path: home().join("scans/zilverhaven.toml"),
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
        let keys: Vec<KeyEvent> = match token {
            "<enter>" => vec![key(KeyCode::Enter)],
            "<esc>" => vec![key(KeyCode::Esc)],
            "<tab>" => vec![key(KeyCode::Tab)],
            "<right>" => vec![key(KeyCode::Right)],
            "<left>" => vec![key(KeyCode::Left)],
            "<down>" => vec![key(KeyCode::Down)],
            "<up>" => vec![key(KeyCode::Up)],
            "<space>" => vec![key(KeyCode::Char(' '))],
            text => text.chars().map(|c| key(KeyCode::Char(c))).collect(),
        };
        for event in keys {
            if let Some(action) = keymap::action_for(keymap::context(app), event) {
                update(app, action);
            }
        }
    }
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

fn render(app: &mut App, width: u16, height: u16) -> String {
    update(app, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|frame| view::draw(frame, app)).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    let mut text = String::new();
    for y in 0..height {
        for x in 0..width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

// ------------------------------------------------------------------ homework

#[test]
fn homework_edits_only_its_own_side_and_says_so() {
    let mut app = walking(example("huiswerk/zilverhaven-aanbieders.toml"));
    let walk = app.walkthrough().expect("walkthrough");
    let aanbieders = walk
        .scan
        .framework
        .perspective_index("aanbieders")
        .expect("side");
    assert_eq!(
        walk.focus,
        Field::Score(Side::Perspective(aanbieders)),
        "starts on its side"
    );
    let screen = render(&mut app, 100, 30);
    assert!(screen.contains("Huiswerk voor Aanbieders"), "{screen}");

    // Its own score changes.
    press(&mut app, "1");
    let walk = app.walkthrough().expect("walkthrough");
    assert_eq!(
        walk.scan.answers[0].perspectives[aanbieders].score,
        Some(Answer::Score(1))
    );
    // The joint score and the other side do not, and the bottom bar says why.
    let before = walk.scan.clone();
    let fields = Field::all(walk.scan.framework.perspectives.len());
    let consensus_tabs = fields
        .iter()
        .position(|f| *f == Field::Score(Side::Consensus))
        .expect("consensus field")
        - fields
            .iter()
            .position(|f| *f == walk.focus)
            .expect("focused");
    press(&mut app, &"<tab> ".repeat(consensus_tabs));
    assert_eq!(
        app.walkthrough().expect("walk").focus,
        Field::Score(Side::Consensus)
    );
    press(&mut app, "3 <right> x");
    let walk = app.walkthrough().expect("walkthrough");
    assert_eq!(walk.scan, before, "nothing changed");
    let status = app.status.as_ref().expect("a status").text.clone();
    assert!(status.contains("Huiswerk voor Aanbieders"), "{status}");
    // Opening a note of the joint answer to type is refused too.
    press(&mut app, "<tab> <tab> <enter>");
    assert_eq!(app.walkthrough().expect("walk").mode, WalkMode::Browse);
}

// ------------------------------------------------------------------ conflicts

/// The homework of one side with conflicts on the VIS-1 score and note.
fn with_conflicts() -> Scan {
    let mut scan = example("huiswerk/zilverhaven-gemeenten.toml");
    scan.prepared_for = None;
    let p = scan.framework.perspective_index("gemeenten").expect("side");
    scan.answers[0].perspectives[p].score = None;
    scan.answers[0].perspectives[p].note.clear();
    scan.answers[0].conflicts = vec![
        FieldConflict {
            field: "gemeenten.score".into(),
            options: vec![
                ConflictOption {
                    from: "huiswerk-gemeenten-anna.toml".into(),
                    value: FieldValue::Answer(Answer::Score(2)),
                },
                ConflictOption {
                    from: "huiswerk-gemeenten-bert.toml, huiswerk-gemeenten-cor.toml".into(),
                    value: FieldValue::Answer(Answer::Score(4)),
                },
            ],
        },
        FieldConflict {
            field: "gemeenten.note".into(),
            options: vec![
                ConflictOption {
                    from: "huiswerk-gemeenten-anna.toml".into(),
                    value: FieldValue::Text("Twee raden twijfelen.".into()),
                },
                ConflictOption {
                    from: "huiswerk-gemeenten-bert.toml".into(),
                    value: FieldValue::Text("Alle raden hebben ingestemd.".into()),
                },
            ],
        },
    ];
    scan
}

#[test]
fn opening_a_scan_with_conflicts_says_so_and_c_shows_them_side_by_side() {
    let mut app = walking(with_conflicts());
    let status = app.status.as_ref().expect("status").text.clone();
    assert!(status.contains("2 conflict"), "{status}");
    press(&mut app, "c");
    assert!(matches!(
        app.overlay,
        Some(Overlay::Conflicts {
            conflict: 0,
            option: 0
        })
    ));
    let screen = render(&mut app, 100, 30);
    for expected in [
        "Conflicten bij VIS-1 (1 van 2)",
        "huiswerk-gemeenten-anna.toml",
        "huiswerk-gemeenten-bert.toml",
        "laagste 2, hoogste 4, 3 bestanden",
    ] {
        assert!(screen.contains(expected), "{expected:?} missing:\n{screen}");
    }
    insta::assert_snapshot!("conflicts_80x24", render(&mut app, 80, 24));
}

#[test]
fn picking_a_value_resolves_the_conflict_with_a_journaled_edit() {
    let mut app = walking(with_conflicts());
    press(&mut app, "c <right> <enter>");
    let walk = app.walkthrough().expect("walkthrough");
    let p = walk
        .scan
        .framework
        .perspective_index("gemeenten")
        .expect("side");
    assert_eq!(
        walk.scan.answers[0].perspectives[p].score,
        Some(Answer::Score(4))
    );
    assert_eq!(walk.scan.answers[0].conflicts.len(), 1);
    assert!(walk.dirty);
    assert!(matches!(
        walk.pending.last(),
        Some(Edit::Resolve { field, value: FieldValue::Answer(Answer::Score(4)), .. })
            if field == "gemeenten.score"
    ));
    // The next conflict is on screen; c combines both notes, and none remain.
    assert!(matches!(app.overlay, Some(Overlay::Conflicts { .. })));
    press(&mut app, "c");
    let walk = app.walkthrough().expect("walkthrough");
    assert_eq!(
        walk.scan.answers[0].perspectives[p].note,
        "Twee raden twijfelen.\n\nAlle raden hebben ingestemd."
    );
    assert!(walk.scan.answers[0].conflicts.is_empty());
    assert!(app.overlay.is_none());
    press(&mut app, "c");
    assert!(app.overlay.is_none());
}

#[test]
fn taking_a_note_and_editing_on_opens_the_note_for_typing() {
    let mut app = walking(with_conflicts());
    press(&mut app, "c <down> e");
    let walk = app.walkthrough().expect("walkthrough");
    let p = walk
        .scan
        .framework
        .perspective_index("gemeenten")
        .expect("side");
    assert_eq!(walk.mode, WalkMode::Editing);
    assert_eq!(walk.focus, Field::Note(Side::Perspective(p)));
    assert_eq!(
        walk.scan.answers[0].perspectives[p].note,
        "Twee raden twijfelen."
    );
    assert_eq!(
        walk.scan.answers[0].conflicts.len(),
        1,
        "the score is still open"
    );
}

#[test]
fn a_resolve_reads_back_from_the_journal_and_replays_the_same() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("scan.toml");
    let scan = with_conflicts();
    let edits = vec![
        Edit::Resolve {
            criterion: "VIS-1".into(),
            field: "gemeenten.note".into(),
            value: FieldValue::Text("regel\tmet tab\nen \\ nieuwe regel".into()),
            at: now(),
        },
        Edit::Resolve {
            criterion: "VIS-1".into(),
            field: "gemeenten.score".into(),
            value: FieldValue::Empty,
            at: now(),
        },
    ];
    let mut journal = storage::journal::JournalWriter::start(&path, 1).expect("journal");
    journal.append(&edits).expect("append");
    let read = storage::journal::read_journal(&path)
        .expect("readable")
        .expect("a journal");
    assert_eq!(read.edits, edits);
    let mut replayed = scan.clone();
    for edit in &read.edits {
        edit.apply(&mut replayed).expect("fits");
    }
    assert!(replayed.answers[0].conflicts.is_empty());
    // Replaying again fails: the conflicts are gone, so nothing is chosen twice.
    assert!(read.edits[0].apply(&mut replayed).is_err());
}

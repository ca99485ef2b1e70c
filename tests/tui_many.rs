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
        .map(FrameworkChoice::bundled)
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

#[test]
fn an_ambition_choice_is_journaled_replayed_and_gated() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("scan.toml");
    let mut scan = with_conflicts();
    let due = |year| FieldValue::Date(jiff::civil::date(year, 12, 31));
    let option = |from: &str, value| ConflictOption {
        from: from.into(),
        value,
    };
    scan.answers[0].conflicts.push(FieldConflict {
        field: "ambition.due".into(),
        options: vec![option("ours", due(2027)), option("theirs", due(2028))],
    });
    scan.answers[0].conflicts.push(FieldConflict {
        field: "ambition.level".into(),
        options: vec![
            option("ours", FieldValue::Answer(Answer::Score(3))),
            option("theirs", FieldValue::Answer(Answer::Score(4))),
        ],
    });
    let resolve = |field: &str, value| Edit::Resolve {
        criterion: "VIS-1".into(),
        field: field.into(),
        value,
        at: now(),
    };
    let edits = vec![
        resolve("ambition.due", due(2028)),
        resolve("ambition.level", FieldValue::Answer(Answer::Score(4))),
    ];
    let mut journal = storage::journal::JournalWriter::start(&path, 1).expect("journal");
    journal.append(&edits).expect("append");
    let read = storage::journal::read_journal(&path)
        .expect("readable")
        .expect("a journal");
    assert_eq!(read.edits, edits);
    let mut replayed = scan.clone();
    for edit in &read.edits {
        zelfscan::model::gate::apply_checked(&mut replayed, edit).expect("passes the gate");
    }
    let ambition = replayed.answers[0].ambition.clone().expect("an ambition");
    assert_eq!(
        (ambition.level, ambition.due),
        (Some(4), Some(jiff::civil::date(2028, 12, 31)))
    );
    assert!(
        replayed.answers[0]
            .conflicts
            .iter()
            .all(|c| !c.field.starts_with("ambition")),
        "both chosen"
    );
    // A level off the scale is refused by the gate, the scan unchanged.
    let mut again = scan.clone();
    let off = resolve("ambition.level", FieldValue::Answer(Answer::Score(9)));
    assert!(zelfscan::model::gate::apply_checked(&mut again, &off).is_err());
    assert_eq!(again, scan);
}

// ------------------------------------------------------------------ last time

/// Opens `file` (in a temp folder with the earlier Turfvaart scan beside it)
/// and runs the effect that looks for last time.
fn opened_beside_earlier(dir: &Path, previous_wanted: Option<PathBuf>) -> App {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("scans/examples");
    std::fs::copy(
        examples.join("vervolgtraject.toml"),
        dir.join("turfvaart-2026.toml"),
    )
    .expect("copy");
    std::fs::copy(examples.join("robuust.toml"), dir.join("lindewaard.toml")).expect("copy");
    let path = dir.join("turfvaart-2027.toml");
    std::fs::copy(examples.join("later/turfvaart-2027.toml"), &path).expect("copy");
    let mut app = walking(example("huiswerk/zilverhaven-gemeenten.toml"));
    app.previous_wanted = previous_wanted;
    // Opening for real: lock, journal and the recent list stay in the temp dir.
    app.paths = Paths::under(dir);
    let mut io = zelfscan::tui::effect::Io::default();
    let opened = zelfscan::tui::effect::run(
        zelfscan::tui::effect::Effect::OpenScan(path),
        &mut app,
        &mut io,
    )
    .expect("an outcome");
    assert_eq!(update(&mut app, opened), None);
    io.close();
    app
}

#[test]
fn an_earlier_scan_of_the_region_in_the_folder_is_offered_as_last_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = opened_beside_earlier(dir.path(), None);
    let walk = app.walkthrough().expect("walkthrough");
    let previous = walk.previous.as_ref().expect("found beside it");
    assert!(
        previous.path.ends_with("turfvaart-2026.toml"),
        "{:?}",
        previous.path
    );
    let status = app.status.as_ref().expect("status").text.clone();
    assert!(status.contains("turfvaart-2026.toml"), "{status}");
    // VIS-3 went from 1 to 3: the title says so, and h shows what was agreed.
    press(&mut app, "g");
    let vis3 = app
        .walkthrough()
        .expect("walk")
        .scan
        .framework
        .criterion_index("VIS-3")
        .expect("VIS-3");
    update(&mut app, Action::Confirm);
    let walk_current = app.walkthrough().expect("walk").current;
    let steps = vis3 as isize - walk_current as isize;
    let key = if steps >= 0 { "n " } else { "p " };
    press(&mut app, &key.repeat(steps.unsigned_abs()));
    let screen = render(&mut app, 120, 40);
    assert!(screen.contains("vorige 1 ↑"), "{screen}");
    press(&mut app, "h");
    assert!(matches!(app.overlay, Some(Overlay::Previous)));
    let screen = render(&mut app, 120, 40);
    for expected in [
        "Vorige keer (2026-11-04)",
        "hoger",
        "Bestuurlijk overleg jeugd opnieuw starten",
    ] {
        assert!(screen.contains(expected), "{expected:?} missing:\n{screen}");
    }
}

#[test]
fn open_previous_names_the_earlier_scan_and_nothing_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("scans/examples");
    let elsewhere = dir.path().join("elders");
    std::fs::create_dir(&elsewhere).expect("mkdir");
    let named = elsewhere.join("grevenmaar.toml");
    std::fs::copy(examples.join("robuust-met-aandachtspunten.toml"), &named).expect("copy");
    let before = std::fs::read(&named).expect("read");
    let app = opened_beside_earlier(dir.path(), Some(named.clone()));
    let previous = app
        .walkthrough()
        .and_then(|walk| walk.previous.as_ref())
        .expect("the named scan");
    assert_eq!(previous.path, named);
    assert_eq!(std::fs::read(&named).expect("read"), before);
}

#[test]
fn without_an_earlier_scan_h_says_there_is_none() {
    let mut app = walking(example("later/turfvaart-2027.toml"));
    press(&mut app, "h");
    assert!(app.overlay.is_none());
    let status = app.status.as_ref().expect("status").text.clone();
    assert!(status.contains("geen vorige scan"), "{status}");
}

// ------------------------------------------------------------------ overview

fn overview_app(min_group: usize) -> App {
    use zelfscan::tui::app::{OverviewScreen, OverviewView, Screen};
    let mut app = walking(example("robuust.toml"));
    let scans: Vec<(String, Scan)> = [
        "robuust.toml",
        "robuust-met-aandachtspunten.toml",
        "vervolgtraject.toml",
        "bijgesteld-naar-aandachtspunten.toml",
        "onvoltooid.toml",
        "later/turfvaart-2027.toml",
    ]
    .into_iter()
    .map(|name| (name.to_string(), example(name)))
    .collect();
    app.status = None;
    app.screen = Screen::Overview(Box::new(OverviewScreen {
        overview: zelfscan::model::overview::overview(&scans, min_group),
        problems: Vec::new(),
        failed: 0,
        group: 0,
        view: OverviewView::Rows,
        selected: 0,
    }));
    app
}

#[test]
fn the_overview_screen_shows_rows_a_heatmap_and_spreads() {
    use zelfscan::tui::app::{OverviewView, Screen};
    let mut app = overview_app(5);
    insta::assert_snapshot!("overview_rows_80x24", render(&mut app, 80, 24));
    press(&mut app, "<down> <down>");
    press(&mut app, "<tab>");
    let Screen::Overview(screen) = &app.screen else {
        panic!("overview screen");
    };
    assert_eq!((screen.view, screen.selected), (OverviewView::Heatmap, 0));
    insta::assert_snapshot!("overview_heatmap_100x30", render(&mut app, 100, 30));
    press(&mut app, "<tab>");
    let screen_text = render(&mut app, 100, 30);
    assert!(screen_text.contains("Mediaan"), "{screen_text}");
    assert!(
        screen_text.contains("6 scans van 5 regio's"),
        "{screen_text}"
    );
    press(&mut app, "q");
    assert!(app.should_quit);
}

#[test]
fn a_small_group_on_the_overview_screen_shows_no_aggregates() {
    let mut app = overview_app(10);
    let screen = render(&mut app, 100, 30);
    assert!(screen.contains("Minder dan 10 scans"), "{screen}");
}

#[test]
fn the_spread_view_fits_80_columns() {
    let mut app = overview_app(5);
    press(&mut app, "<tab> <tab>");
    insta::assert_snapshot!("overview_spread_80x24", render(&mut app, 80, 24));
}

#[test]
fn a_field_in_conflict_says_so_with_the_sides_spread_beside_it() {
    let mut app = walking(with_conflicts());
    let screen = render(&mut app, 120, 40);
    assert!(screen.contains("⚠ 2–4, 3 bestanden (c)"), "{screen}");
    assert!(screen.contains("⚠ 2 waarden (c)"), "{screen}");
    insta::assert_snapshot!("conflict_marks_120x40", screen);
}

#[test]
fn a_chosen_value_is_saved_and_the_conflict_is_gone_from_the_file() {
    use zelfscan::tui::effect::{self, Effect, Io};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("samen.toml");
    storage::save_scan(&path, &with_conflicts()).expect("save");
    let mut app = walking(example("robuust.toml"));
    app.paths = Paths::under(dir.path());
    let mut io = Io::default();
    let opened = effect::run(Effect::OpenScan(path.clone()), &mut app, &mut io).expect("opened");
    update(&mut app, opened);
    press(&mut app, "c <right> <enter> <esc>");
    io.write_pending(&mut app);
    let saved = effect::run(Effect::SaveScan { auto: false }, &mut app, &mut io).expect("saved");
    update(&mut app, saved);
    io.close();
    let scan = storage::load_scan(&path).expect("loads").value;
    let p = scan.framework.perspective_index("gemeenten").expect("side");
    assert_eq!(
        scan.answers[0].perspectives[p].score,
        Some(Answer::Score(4))
    );
    let left: Vec<&str> = scan.answers[0]
        .conflicts
        .iter()
        .map(|c| c.field.as_str())
        .collect();
    assert_eq!(left, vec!["gemeenten.note"]);
}

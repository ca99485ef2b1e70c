//! The interface without a terminal: pure `update` tests, key-script tests
//! that go through the real key table, and rendered-buffer snapshots at 80x24
//! and 120x40 (ratatui's `TestBackend`, snapshots committed under
//! `tests/snapshots/`).

use std::path::{Path, PathBuf};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use zelfscan::i18n::Lang;
use zelfscan::model::{Agreement, Answer, Participant, Scan, ScanMeta};
use zelfscan::paths::Paths;
use zelfscan::storage;
use zelfscan::tui::action::{Action, OpenFailure, OpenedScan};
use zelfscan::tui::app::{
    AgendaPart, App, Field, FormField, FrameworkChoice, Overlay, Screen, Side, WalkMode,
};
use zelfscan::tui::effect::Effect;
use zelfscan::tui::keymap;
use zelfscan::tui::update::update;
use zelfscan::tui::view;

mod support;

use support::afresh::drawn_step_by_step_as_afresh;

// ------------------------------------------------------------------ helpers

fn now() -> jiff::Timestamp {
    "2026-11-25T10:00:00Z".parse().expect("timestamp")
}

/// A fake home that tests never touch: no effect is run in this file.
fn home() -> PathBuf {
    PathBuf::from("/zelfscan-test")
}

fn app() -> App {
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
    app
}

fn scan() -> Scan {
    let framework = storage::bundled_frameworks().remove(0);
    let meta = ScanMeta {
        region: "Regio Zeeduinen".into(),
        date: "2026-11-25".parse().expect("date"),
        facilitator: "Anna de Vries".into(),
        note_taker: "Bram Jansen".into(),
        participants: vec![
            Participant {
                name: "Carla Smit".into(),
                organisation: "Gemeente Zeedorp".into(),
                perspective: "gemeenten".into(),
                ..Participant::default()
            },
            Participant {
                name: "Dirk Mulder".into(),
                organisation: "Jeugdzorg Kust".into(),
                perspective: "aanbieders".into(),
                ..Participant::default()
            },
        ],
    };
    Scan::new(meta, framework)
}

/// An app with `scan` open on the walkthrough screen.
fn walking(scan: Scan) -> App {
    let mut app = app();
    let effect = update(
        &mut app,
        Action::Created(Ok(OpenedScan {
            scan: Box::new(scan),
            path: home().join("scans/zeeduinen.toml"),
            warnings: Vec::new(),
            recovered: None,
            read_only: false,
            banner: None,
        })),
    );
    assert_eq!(effect, None);
    app
}

fn walk(app: &App) -> &zelfscan::tui::app::Walkthrough {
    app.walkthrough().expect("walkthrough screen")
}

/// Presses keys written as a script: `<enter>`, `<esc>`, `<tab>`, `<s-tab>`,
/// `<up>`, `<down>`, `<left>`, `<right>`, `<pgup>`, `<pgdn>`, `<bs>`, `<del>`,
/// `<c-s>`, `<f1>`, `<space>`; any other token is typed character by character.
/// Returns the effects `update` asked for (they are not run).
fn press(app: &mut App, script: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for token in script.split_whitespace() {
        let keys: Vec<KeyEvent> = match token {
            "<enter>" => vec![key(KeyCode::Enter)],
            "<esc>" => vec![key(KeyCode::Esc)],
            "<tab>" => vec![key(KeyCode::Tab)],
            "<s-tab>" => vec![KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)],
            "<up>" => vec![key(KeyCode::Up)],
            "<down>" => vec![key(KeyCode::Down)],
            "<left>" => vec![key(KeyCode::Left)],
            "<right>" => vec![key(KeyCode::Right)],
            "<pgup>" => vec![key(KeyCode::PageUp)],
            "<pgdn>" => vec![key(KeyCode::PageDown)],
            "<bs>" => vec![key(KeyCode::Backspace)],
            "<del>" => vec![key(KeyCode::Delete)],
            "<f1>" => vec![key(KeyCode::F(1))],
            "<space>" => vec![key(KeyCode::Char(' '))],
            "<c-s>" => vec![KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)],
            text => text.chars().map(|c| key(KeyCode::Char(c))).collect(),
        };
        for event in keys {
            if let Some(action) = keymap::action_for(keymap::context(app), event) {
                effects.extend(update(app, action));
            }
        }
    }
    effects
}

fn key(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// Types text as keystrokes, spaces included.
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let event = if c == '\n' {
            key(KeyCode::Enter)
        } else {
            key(KeyCode::Char(c))
        };
        if let Some(action) = keymap::action_for(keymap::context(app), event) {
            assert_eq!(update(app, action), None, "typing never causes IO");
        }
    }
}

fn render(app: &mut App, width: u16, height: u16) -> TestBackend {
    update(app, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|frame| view::draw(frame, app)).expect("draw");
    terminal.backend().clone()
}

// ------------------------------------------------------------------ update

#[test]
fn a_new_scan_starts_on_the_first_criterion_with_nothing_unsaved() {
    let app = walking(scan());
    let walk = walk(&app);
    assert_eq!(walk.current, 0);
    assert_eq!(walk.focus, Field::Score(Side::Perspective(0)));
    assert!(!walk.dirty);
    assert_eq!(walk.scan.progress().answered, 0);
}

#[test]
fn opening_an_existing_scan_resumes_at_the_first_open_criterion() {
    let mut scan = scan();
    scan.answers[0].consensus = Some(Answer::Score(3));
    scan.answers[1].agreement = Some(Agreement::NoConsensus);
    let mut app = app();
    update(
        &mut app,
        Action::Opened(Ok(OpenedScan {
            scan: Box::new(scan),
            path: home().join("x.toml"),
            warnings: Vec::new(),
            recovered: None,
            read_only: false,
            banner: None,
        })),
    );
    assert_eq!(walk(&app).current, 2);
}

#[test]
fn a_file_that_does_not_open_is_explained_and_nothing_else_changes() {
    let mut app = app();
    update(
        &mut app,
        Action::Opened(Err(OpenFailure {
            path: PathBuf::from("/ergens/kapot.toml"),
            lines: vec!["/ergens/kapot.toml:3:9: 'date' = \"gisteren\": geen geldige datum".into()],
        })),
    );
    assert!(matches!(app.screen, Screen::Start(_)));
    match &app.overlay {
        Some(Overlay::Message { title, lines }) => {
            assert!(title.contains("kapot.toml"), "{title}");
            assert!(lines[0].contains(":3:9:"));
        }
        other => panic!("expected a message, got {other:?}"),
    }
}

#[test]
fn scores_go_to_the_focused_field_and_mark_the_scan_changed() {
    let mut app = walking(scan());
    update(&mut app, Action::SetScore(3));
    let answer = &walk(&app).scan.answers[0];
    assert_eq!(answer.perspectives[0].score, Some(Answer::Score(3)));
    assert_eq!(answer.changed_at, Some(now()));
    assert!(walk(&app).dirty);
}

#[test]
fn a_score_outside_the_scale_is_refused_with_a_message() {
    let mut app = walking(scan());
    update(&mut app, Action::SetScore(7));
    assert_eq!(walk(&app).scan.answers[0].perspectives[0].score, None);
    assert!(!walk(&app).dirty);
    let status = app.status.as_ref().expect("status");
    assert!(status.is_error);
    assert!(status.text.contains("1 t/m 4"), "{}", status.text);
}

#[test]
fn left_and_right_cycle_through_the_scale_and_back_to_nothing() {
    let mut app = walking(scan());
    let mut seen = Vec::new();
    for _ in 0..7 {
        update(&mut app, Action::ChoiceNext);
        seen.push(walk(&app).scan.answers[0].perspectives[0].score);
    }
    assert_eq!(
        seen,
        vec![
            Some(Answer::Score(1)),
            Some(Answer::Score(2)),
            Some(Answer::Score(3)),
            Some(Answer::Score(4)),
            Some(Answer::Unknown),
            Some(Answer::NotApplicable),
            None,
        ]
    );
    update(&mut app, Action::ChoicePrev);
    assert_eq!(
        walk(&app).scan.answers[0].perspectives[0].score,
        Some(Answer::NotApplicable)
    );
}

#[test]
fn skipping_marks_the_criterion_and_answering_it_later_clears_the_mark() {
    let mut app = walking(scan());
    update(&mut app, Action::Skip);
    assert_eq!(walk(&app).current, 1);
    assert!(walk(&app).scan.answers[0].skipped);
    update(&mut app, Action::PrevCriterion);
    press(&mut app, "<tab> <tab> <tab> <tab> 3");
    assert_eq!(walk(&app).focus, Field::Score(Side::Consensus));
    assert_eq!(walk(&app).scan.answers[0].consensus, Some(Answer::Score(3)));
    assert!(!walk(&app).scan.answers[0].skipped);
}

#[test]
fn next_unanswered_wraps_around_and_reports_when_all_are_answered() {
    let mut scan = scan();
    let last = scan.answers.len() - 1;
    for answer in &mut scan.answers[1..last] {
        answer.consensus = Some(Answer::Score(3));
    }
    let mut app = walking(scan);
    update(&mut app, Action::NextUnanswered);
    assert_eq!(walk(&app).current, last);
    update(&mut app, Action::NextUnanswered);
    assert_eq!(walk(&app).current, 0);
    update(&mut app, Action::SetScore(2));
    press(&mut app, "<tab> <tab> <tab> <tab> 2");
    update(&mut app, Action::NextUnanswered);
    assert_eq!(walk(&app).current, last);
    press(&mut app, "<tab> <tab> <tab> <tab> x");
    update(&mut app, Action::NextUnanswered);
    assert_eq!(walk(&app).current, last);
    assert_eq!(
        app.status.as_ref().map(|s| s.text.as_str()),
        Some("Alle criteria zijn beantwoord.")
    );
}

#[test]
fn quitting_with_unsaved_changes_asks_first() {
    let mut app = walking(scan());
    update(&mut app, Action::SetScore(2));
    update(&mut app, Action::Quit);
    assert!(!app.should_quit);
    assert!(matches!(app.overlay, Some(Overlay::ConfirmQuit)));
    // Esc: stay.
    update(&mut app, Action::Back);
    assert!(app.overlay.is_none() && !app.should_quit);
    // Save and quit: the save comes first, the quit only once it succeeded.
    update(&mut app, Action::Quit);
    assert_eq!(
        update(&mut app, Action::SaveAndQuit),
        Some(Effect::SaveScan { auto: false })
    );
    assert!(!app.should_quit);
    update(
        &mut app,
        Action::Saved(Ok(zelfscan::tui::action::SaveReport {
            path: home().join("scans/zeeduinen.toml"),
            moved: None,
            auto: false,
            unchanged: false,
            backup: None,
        })),
    );
    assert!(app.should_quit);
    assert!(!walk(&app).dirty);
}

#[test]
fn a_failed_save_keeps_everything_and_says_so() {
    let mut app = walking(scan());
    update(&mut app, Action::SetScore(2));
    update(&mut app, Action::Quit);
    update(&mut app, Action::SaveAndQuit);
    update(&mut app, Action::Saved(Err("schijf vol".into())));
    assert!(!app.should_quit, "never quit when the save failed");
    assert!(walk(&app).dirty);
    let status = app.status.as_ref().expect("status");
    assert!(status.is_error && status.text.contains("schijf vol"));
    assert_eq!(
        walk(&app).scan.answers[0].perspectives[0].score,
        Some(Answer::Score(2))
    );
}

#[test]
fn quitting_without_changes_does_not_ask() {
    let mut app = walking(scan());
    update(&mut app, Action::Quit);
    assert!(app.should_quit);
}

#[test]
fn leaving_for_the_start_screen_with_changes_asks_and_discarding_goes_back() {
    let mut app = walking(scan());
    update(&mut app, Action::SetScore(2));
    update(&mut app, Action::CloseScan);
    assert!(matches!(app.overlay, Some(Overlay::ConfirmLeave)));
    let effect = update(&mut app, Action::DiscardAndQuit);
    assert_eq!(effect, Some(Effect::CloseScan));
    assert!(matches!(app.screen, Screen::Start(_)));
    assert!(!app.should_quit);
}

#[test]
fn a_paste_is_one_edit_with_line_breaks_kept() {
    let mut app = walking(scan());
    press(&mut app, "<tab>");
    update(
        &mut app,
        Action::Paste("Eerste alinea, met ë en é.\r\nTweede regel\u{1b}[31m.".into()),
    );
    assert_eq!(walk(&app).mode, WalkMode::Editing);
    assert_eq!(
        walk(&app).scan.answers[0].perspectives[0].note,
        "Eerste alinea, met ë en é.\nTweede regel[31m."
    );
}

// ------------------------------------------------------------------ key scripts

#[test]
fn a_criterion_answered_entirely_from_the_keyboard() {
    let mut app = walking(scan());
    press(&mut app, "3 <tab> <enter>");
    assert_eq!(walk(&app).mode, WalkMode::Editing);
    type_text(
        &mut app,
        "Vastgesteld in alle raden; één twijfelt.\nTweede regel",
    );
    press(&mut app, "<esc> <tab> 2 <tab> e");
    type_text(&mut app, "Aanbieders zien de visie nog niet terug");
    press(&mut app, "<tab> 2 <tab> 2 <tab> <enter>");
    type_text(&mut app, "Met voorbehoud: evaluatie in het voorjaar");
    // The agenda part below the joint answer: ambition, then an action.
    press(&mut app, "<tab>");
    assert_eq!(walk(&app).focus, Field::Agenda(AgendaPart::AmbitionLevel));
    press(&mut app, "4 <tab> <right> <tab> <enter>");
    type_text(&mut app, "Tijd van de wethouders");
    press(&mut app, "<esc> a");
    assert_eq!(walk(&app).focus, Field::Agenda(AgendaPart::What(0)));
    press(&mut app, "<enter>");
    type_text(&mut app, "Regio plant evaluatie");
    press(&mut app, "<esc> <tab> <enter>");
    type_text(&mut app, "Anna");
    press(&mut app, "<esc> <tab> <right> <right> <tab> 2");
    let effects = press(&mut app, "<c-s>");
    assert_eq!(effects, vec![Effect::SaveScan { auto: false }]);

    let answer = &walk(&app).scan.answers[0];
    assert_eq!(answer.perspectives[0].score, Some(Answer::Score(3)));
    assert_eq!(
        answer.perspectives[0].note,
        "Vastgesteld in alle raden; één twijfelt.\nTweede regel"
    );
    assert_eq!(answer.perspectives[1].score, Some(Answer::Score(2)));
    assert_eq!(
        answer.perspectives[1].note,
        "Aanbieders zien de visie nog niet terug"
    );
    assert_eq!(answer.consensus, Some(Answer::Score(2)));
    assert_eq!(answer.agreement, Some(Agreement::WithReservation));
    assert_eq!(
        answer.consensus_note,
        "Met voorbehoud: evaluatie in het voorjaar"
    );
    let ambition = answer.ambition.as_ref().expect("an ambition");
    assert_eq!(ambition.level, Some(4));
    assert_eq!(ambition.due, Some(jiff::civil::date(2026, 11, 30)));
    assert_eq!(ambition.needed, "Tijd van de wethouders");
    assert_eq!(answer.actions.len(), 1);
    let action = &answer.actions[0];
    assert_eq!(action.what, "Regio plant evaluatie");
    assert_eq!(action.owner, "Anna");
    assert_eq!(action.due, Some(jiff::civil::date(2026, 12, 31)));
    assert_eq!(action.status, zelfscan::model::ActionStatus::Ongoing);
    assert_eq!(walk(&app).scan.progress().answered, 1);

    press(&mut app, "n");
    assert_eq!(walk(&app).current, 1);
    assert_eq!(walk(&app).focus, Field::Score(Side::Perspective(0)));
}

#[test]
fn in_a_note_letters_are_text_not_commands() {
    let mut app = walking(scan());
    press(&mut app, "<tab> <enter>");
    let effects = press(&mut app, "q n p s u g ? 3 x o");
    assert!(effects.is_empty());
    assert!(!app.should_quit);
    assert!(app.overlay.is_none());
    assert_eq!(walk(&app).current, 0);
    assert_eq!(
        walk(&app).scan.answers[0].perspectives[0].note,
        "qnpsug?3xo"
    );
}

#[test]
fn backspace_in_a_note_deletes_text_but_outside_a_note_clears_a_score() {
    let mut app = walking(scan());
    press(&mut app, "4 <tab> <enter> abc <bs> <esc> <s-tab> <bs>");
    let answer = &walk(&app).scan.answers[0];
    assert_eq!(answer.perspectives[0].note, "ab");
    assert_eq!(answer.perspectives[0].score, None);
}

#[test]
fn the_navigator_jumps_to_any_criterion() {
    let mut app = walking(scan());
    press(&mut app, "g <down> <down> <down> <down>");
    assert_eq!(walk(&app).mode, WalkMode::Navigator { selected: 4 });
    press(&mut app, "<enter>");
    assert_eq!(walk(&app).current, 4);
    assert_eq!(walk(&app).mode, WalkMode::Browse);
    press(&mut app, "g <up> <esc>");
    assert_eq!(walk(&app).current, 4, "Esc leaves the list without jumping");
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = walking(scan());
    update(&mut app, Action::Resize(80, 24));
    press(&mut app, "?");
    assert!(matches!(app.overlay, Some(Overlay::Help { scroll: 0 })));
    press(&mut app, "<pgdn> <pgdn> <pgdn> <pgdn> <pgdn>");
    let Some(Overlay::Help { scroll }) = app.overlay else {
        panic!("help closed")
    };
    assert!(scroll > 0);
    assert_eq!(
        scroll,
        view::help::max_scroll(&app, (80, 24)),
        "stops at the end"
    );
    press(&mut app, "<esc>");
    assert!(app.overlay.is_none());
}

#[test]
fn the_new_scan_form_builds_the_scan_and_asks_to_create_it() {
    let mut app = app();
    press(&mut app, "n");
    assert!(matches!(app.screen, Screen::NewScan(_)));
    type_text(&mut app, "Regio Eemsdelta-Noord");
    press(&mut app, "<tab> <tab>");
    type_text(&mut app, "Anna de Vries");
    press(&mut app, "<tab>");
    type_text(&mut app, "Bram");
    press(&mut app, "<tab> <tab>");
    type_text(
        &mut app,
        "Carla Smit; Gemeente Zeedorp; g\nDirk; Jeugdzorg Kust; aanb",
    );
    press(&mut app, "<tab>");
    let Screen::NewScan(form) = &app.screen else {
        panic!("form")
    };
    assert_eq!(form.focus, FormField::File);
    assert_eq!(
        form.file.text,
        "/zelfscan-test/scans/regio-eemsdelta-noord-2026-11-25.toml"
    );
    let effects = press(&mut app, "<tab> <enter>");
    let [Effect::CreateScan { path, scan }] = effects.as_slice() else {
        panic!("expected one CreateScan, got {effects:?}")
    };
    assert_eq!(
        path,
        Path::new("/zelfscan-test/scans/regio-eemsdelta-noord-2026-11-25.toml")
    );
    assert_eq!(scan.meta.region, "Regio Eemsdelta-Noord");
    assert_eq!(scan.meta.date.to_string(), "2026-11-25");
    assert_eq!(scan.meta.facilitator, "Anna de Vries");
    assert_eq!(scan.meta.note_taker, "Bram");
    let people: Vec<(&str, &str, &str)> = scan
        .meta
        .participants
        .iter()
        .map(|p| {
            (
                p.name.as_str(),
                p.organisation.as_str(),
                p.perspective.as_str(),
            )
        })
        .collect();
    assert_eq!(
        people,
        vec![
            ("Carla Smit", "Gemeente Zeedorp", "gemeenten"),
            ("Dirk", "Jeugdzorg Kust", "aanbieders"),
        ]
    );
    assert_eq!(scan.answers.len(), 22);
}

#[test]
fn the_form_says_what_is_missing_instead_of_creating() {
    let mut app = app();
    press(&mut app, "n");
    press(&mut app, "<tab> <tab> <tab> <tab> <tab> <tab> <tab>");
    assert!(press(&mut app, "<enter>").is_empty());
    let Screen::NewScan(form) = &app.screen else {
        panic!("form")
    };
    assert_eq!(form.error.as_deref(), Some("Vul de naam van de regio in."));

    press(
        &mut app,
        "<s-tab> <s-tab> <s-tab> <s-tab> <s-tab> <s-tab> <s-tab>",
    );
    type_text(&mut app, "Regio X");
    press(&mut app, "<tab> <tab> <tab> <tab> <tab>");
    type_text(&mut app, "Iemand; Ergens; burgers");
    press(&mut app, "<tab> <tab>");
    assert!(press(&mut app, "<enter>").is_empty());
    let Screen::NewScan(form) = &app.screen else {
        panic!("form")
    };
    let error = form.error.as_deref().unwrap_or_default();
    assert!(
        error.contains("regel 1") && error.contains("gemeenten, aanbieders"),
        "{error}"
    );
}

#[test]
fn the_start_screen_opens_the_chosen_recent_scan() {
    let mut app = app();
    app.recent = vec![PathBuf::from("/zelfscan-test/scans/a.toml")];
    app.folder_scans = vec![
        PathBuf::from("/zelfscan-test/scans/a.toml"),
        PathBuf::from("/zelfscan-test/scans/b.toml"),
    ];
    let effects = press(&mut app, "<down> <down> <down> <enter>");
    assert_eq!(
        effects,
        vec![Effect::OpenScan(PathBuf::from(
            "/zelfscan-test/scans/b.toml"
        ))]
    );
    let effects = press(&mut app, "o");
    assert!(effects.is_empty());
    assert!(matches!(app.overlay, Some(Overlay::OpenPath(_))));
    press(&mut app, "<bs>");
    let effects = press(&mut app, "<space> <bs> /noord <enter>");
    assert_eq!(
        effects,
        vec![Effect::OpenScan(PathBuf::from(
            "/zelfscan-test/scans/noord.toml"
        ))]
    );
}

// ------------------------------------------------------------------ snapshots

fn answered_scan() -> Scan {
    let mut scan = scan();
    let first = &mut scan.answers[0];
    first.perspectives[0].score = Some(Answer::Score(3));
    first.perspectives[0].note =
        "Vastgesteld in alle raden, maar één gemeente twijfelt over de financiële paragraaf.\nEvaluatie volgt."
            .into();
    first.perspectives[1].score = Some(Answer::Score(2));
    first.perspectives[1].note = "Aanbieders herkennen zich er deels in.".into();
    first.consensus = Some(Answer::Score(3));
    first.agreement = Some(Agreement::WithReservation);
    first.consensus_note = "Voorbehoud: de uitwerking loopt achter.".into();
    scan.answers[1].agreement = Some(Agreement::NoConsensus);
    scan.answers[2].skipped = true;
    scan.answers[3].consensus = Some(Answer::Unknown);
    scan.answers[3].agreement = Some(Agreement::Consensus);
    scan.answers[4].perspectives[0].score = Some(Answer::Score(1));
    scan
}

#[test]
fn snapshot_start_screen() {
    let mut app = app();
    app.recent = vec![PathBuf::from(
        "/zelfscan-test/scans/regio-zeeduinen-2026-11-25.toml",
    )];
    app.folder_scans = vec![PathBuf::from("/zelfscan-test/scans/oefenscan.toml")];
    insta::assert_snapshot!("start_80x24", render(&mut app, 80, 24));
    insta::assert_snapshot!("start_120x40", render(&mut app, 120, 40));
    insta::assert_snapshot!("start_200x60", render(&mut app, 200, 60));
}

#[test]
fn snapshot_new_scan_form() {
    let mut app = app();
    press(&mut app, "n");
    type_text(&mut app, "Regio Zeeduinen");
    press(&mut app, "<tab> <tab> <tab> <tab> <tab>");
    type_text(
        &mut app,
        "Carla Smit; Gemeente Zeedorp; g\nDirk Mulder; Jeugdzorg Kust; a",
    );
    insta::assert_snapshot!("new_scan_80x24", render(&mut app, 80, 24));
}

#[test]
fn snapshot_walkthrough() {
    let mut app = walking(answered_scan());
    insta::assert_snapshot!("walkthrough_80x24", render(&mut app, 80, 24));
    insta::assert_snapshot!("walkthrough_120x40", render(&mut app, 120, 40));
    insta::assert_snapshot!("walkthrough_200x60", render(&mut app, 200, 60));
}

#[test]
fn snapshot_walkthrough_editing_a_note() {
    let mut app = walking(answered_scan());
    update(&mut app, Action::Resize(80, 24));
    press(&mut app, "<tab> <enter>");
    insta::assert_snapshot!("walkthrough_editing_80x24", render(&mut app, 80, 24));
}

#[test]
fn snapshot_walkthrough_navigator() {
    let mut app = walking(answered_scan());
    press(&mut app, "g <down> <down>");
    insta::assert_snapshot!("walkthrough_navigator_80x24", render(&mut app, 80, 24));
}

#[test]
fn snapshot_help_overlay() {
    let mut app = walking(answered_scan());
    press(&mut app, "?");
    insta::assert_snapshot!("help_80x24", render(&mut app, 80, 24));
    insta::assert_snapshot!("help_120x40", render(&mut app, 120, 40));
    insta::assert_snapshot!("help_200x60", render(&mut app, 200, 60));
}

#[test]
fn snapshot_help_on_the_start_screen() {
    let mut app = app();
    press(&mut app, "?");
    insta::assert_snapshot!("help_start_80x24", render(&mut app, 80, 24));
}

#[test]
fn snapshot_confirm_quit() {
    let mut app = walking(answered_scan());
    press(&mut app, "2 q");
    insta::assert_snapshot!("confirm_quit_80x24", render(&mut app, 80, 24));
}

#[test]
fn snapshot_too_small() {
    let mut app = walking(answered_scan());
    insta::assert_snapshot!("too_small_60x20", render(&mut app, 60, 20));
}

#[test]
fn keys_do_nothing_unseen_while_the_terminal_is_too_small() {
    let mut app = walking(scan());
    update(&mut app, Action::Resize(60, 20));
    press(&mut app, "3 <tab> q");
    assert_eq!(walk(&app).scan.answers[0].perspectives[0].score, None);
    assert_eq!(walk(&app).focus, Field::Score(Side::Perspective(0)));
    assert!(app.should_quit, "nothing unsaved, so q may quit");

    let mut app = walking(scan());
    update(&mut app, Action::SetScore(2));
    update(&mut app, Action::Resize(60, 20));
    press(&mut app, "q");
    assert!(
        !app.should_quit && app.overlay.is_none(),
        "no invisible question"
    );
    update(&mut app, Action::Resize(80, 24));
    press(&mut app, "q");
    assert!(matches!(app.overlay, Some(Overlay::ConfirmQuit)));
}

// ------------------------------------------------------------------ summary

/// Every criterion answered: mostly 3s, a 2 with no consensus, a gap.
fn finished_scan() -> Scan {
    let mut scan = scan();
    for answer in &mut scan.answers {
        answer.perspectives[0].score = Some(Answer::Score(3));
        answer.perspectives[1].score = Some(Answer::Score(3));
        answer.consensus = Some(Answer::Score(3));
        answer.agreement = Some(Agreement::Consensus);
    }
    scan.answers[5].agreement = Some(Agreement::NoConsensus);
    scan.answers[5].perspectives[1].score = Some(Answer::Score(2));
    scan.answers[9].perspectives[0].score = Some(Answer::Score(4));
    scan.answers[9].perspectives[1].score = Some(Answer::Score(2));
    scan.answers[20].consensus = Some(Answer::Score(4));
    scan
}

#[test]
fn the_summary_lists_points_of_attention_that_lead_to_their_criterion() {
    let mut app = walking(finished_scan());
    press(&mut app, "r");
    assert_eq!(walk(&app).mode, WalkMode::Summary { selected: None });
    press(&mut app, "<down>");
    assert_eq!(walk(&app).mode, WalkMode::Summary { selected: Some(0) });
    press(&mut app, "<down> <down> <down> <down>");
    assert_eq!(
        walk(&app).mode,
        WalkMode::Summary { selected: Some(1) },
        "two points of attention: the selection stops at the last"
    );
    press(&mut app, "<enter>");
    assert_eq!(walk(&app).mode, WalkMode::Browse);
    assert_eq!(walk(&app).current, 9, "STR-3: gemeenten 4, aanbieders 2");
    press(&mut app, "r <down> <enter>");
    assert_eq!(walk(&app).current, 5, "SAM-3: geen consensus");
}

#[test]
fn the_override_needs_a_rationale_and_moves_one_level() {
    let mut app = walking(finished_scan());
    let computed = zelfscan::model::evaluate(&walk(&app).scan).computed_verdict;
    assert_eq!(computed, zelfscan::model::Verdict::RobustWithAttention);
    press(&mut app, "r a");
    let Some(Overlay::Override(form)) = &app.overlay else {
        panic!("override dialog")
    };
    assert_eq!(form.options.len(), 3);
    // Up to "Robuust", skip the rationale, try to confirm.
    press(&mut app, "<up> <tab> <tab> <enter>");
    let Some(Overlay::Override(form)) = &app.overlay else {
        panic!("still open")
    };
    assert!(form.error.is_some(), "refused without a rationale");
    assert_eq!(walk(&app).scan.verdict_override, None);
    press(&mut app, "<s-tab>");
    type_text(
        &mut app,
        "Het verschil bij STR-3 is bekend en\nal opgepakt.",
    );
    press(&mut app, "<tab> <enter>");
    assert!(app.overlay.is_none());
    let over = walk(&app)
        .scan
        .verdict_override
        .clone()
        .expect("override stored");
    assert_eq!(over.verdict, zelfscan::model::Verdict::Robust);
    assert_eq!(
        over.rationale,
        "Het verschil bij STR-3 is bekend en\nal opgepakt."
    );
    assert!(walk(&app).dirty);
    let evaluation = zelfscan::model::evaluate(&walk(&app).scan);
    assert_eq!(evaluation.verdict(), zelfscan::model::Verdict::Robust);

    // Back to the computed verdict with the rationale cleared: no override.
    press(&mut app, "a <down> <tab>");
    for _ in 0..60 {
        press(&mut app, "<bs>");
    }
    press(&mut app, "<tab> <enter>");
    assert_eq!(walk(&app).scan.verdict_override, None);
}

#[test]
fn snapshot_summary() {
    let mut app = walking(finished_scan());
    press(&mut app, "r <down>");
    insta::assert_snapshot!("summary_80x24", render(&mut app, 80, 24));
    insta::assert_snapshot!("summary_120x40", render(&mut app, 120, 40));
    insta::assert_snapshot!("summary_200x60", render(&mut app, 200, 60));
}

#[test]
fn snapshot_summary_of_an_unfinished_scan() {
    let mut app = walking(answered_scan());
    press(&mut app, "r");
    insta::assert_snapshot!("summary_unfinished_120x40", render(&mut app, 120, 40));
}

#[test]
fn snapshot_override_dialog() {
    let mut app = walking(finished_scan());
    press(&mut app, "r a <up> <tab>");
    type_text(&mut app, "Bekend verschil, al opgepakt.");
    insta::assert_snapshot!("override_80x24", render(&mut app, 80, 24));
}

#[test]
fn opening_a_broken_file_in_the_interface_names_file_line_and_column() {
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid/scan-bad-date.toml");
    let before = std::fs::read(&fixture).expect("fixture");
    let home = tempfile::tempdir().expect("temp dir");
    let mut app = app();
    app.paths = Paths::under(home.path());
    let reported = zelfscan::tui::effect::run(
        Effect::OpenScan(fixture.clone()),
        &mut app,
        &mut zelfscan::tui::effect::Io::default(),
    )
    .expect("the open reports back");
    update(&mut app, reported);
    let Some(Overlay::Message { title, lines }) = &app.overlay else {
        panic!("expected a message, got {:?}", app.overlay)
    };
    assert!(title.contains("scan-bad-date.toml"), "{title}");
    let shown = format!("{}:", fixture.display());
    assert!(
        lines
            .iter()
            .any(|line| line.starts_with(&shown) && line.contains("datum")),
        "{lines:?}"
    );
    assert!(matches!(app.screen, Screen::Start(_)));
    assert_eq!(
        std::fs::read(&fixture).expect("fixture"),
        before,
        "never modified"
    );
}

#[test]
fn with_no_consensus_the_screen_says_the_lowest_score_counts() {
    let mut scan = answered_scan();
    scan.answers[0].agreement = Some(Agreement::NoConsensus);
    let mut app = walking(scan);
    let screen = format!("{}", render(&mut app, 80, 24));
    assert!(
        screen.contains("gezamenlijk antwoord (laagste score telt)"),
        "{screen}"
    );
}

// ------------------------------------------------------------------ edits as data

#[test]
fn replaying_the_recorded_edits_gives_exactly_the_scan_on_screen() {
    let original = answered_scan();
    let mut app = walking(original.clone());
    press(&mut app, "1 <tab> <enter>");
    type_text(&mut app, "Één regel erbij.\nNog één, met €.");
    press(
        &mut app,
        "<bs> <bs> <left> <left> <bs> <esc> n 4 <tab> <tab> x",
    );
    press(&mut app, "<tab> <tab> 3 <tab> <right> <right> <tab> e");
    update(&mut app, Action::Paste("Geplakt\r\nin één keer".into()));
    press(&mut app, "<esc> n s r a <up> <tab>");
    type_text(&mut app, "Toelichting");
    press(&mut app, "<tab> <enter>");
    let walk = walk(&app);
    assert!(walk.pending.len() > 20, "every change is recorded");
    let mut replayed = original;
    for edit in &walk.pending {
        edit.apply(&mut replayed).expect("edit fits");
    }
    assert_eq!(replayed, walk.scan);
}

#[test]
fn read_only_refuses_every_change_but_still_moves() {
    let mut app = walking(answered_scan());
    let Screen::Walkthrough(open) = &mut app.screen else {
        panic!("walkthrough")
    };
    open.read_only = true;
    let before = open.scan.clone();
    let effects = press(&mut app, "4 x o <bs> <right> s <tab> <enter> x <c-s> r a");
    assert!(effects.is_empty(), "no save: {effects:?}");
    assert_eq!(walk_scan(&app), &before);
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text.contains("Alleen lezen"))
    );
    press(&mut app, "<esc> n");
    assert_eq!(walk(&app).current, 1, "moving around still works");
}

fn walk_scan(app: &App) -> &Scan {
    &walk(app).scan
}

#[test]
fn a_scan_from_a_newer_zelfscan_opens_read_only_and_is_not_changed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("nieuwer.toml");
    let text = storage::scan_to_toml(&answered_scan())
        .replacen("schema_version = 2", "schema_version = 7", 1)
        .replacen(
            "[framework]",
            "future_key = \"iets nieuws\"\n\n[framework]",
            1,
        );
    std::fs::write(&path, &text).expect("write");
    let mut app = app();
    app.paths = Paths::under(dir.path());
    let mut io = zelfscan::tui::effect::Io::default();
    let reported = zelfscan::tui::effect::run(Effect::OpenScan(path.clone()), &mut app, &mut io)
        .expect("reports back");
    update(&mut app, reported);
    assert!(walk(&app).read_only);
    let Some(Overlay::Message { lines, .. }) = &app.overlay else {
        panic!("expected an explanation, got {:?}", app.overlay)
    };
    assert!(lines[0].contains("nieuwere zelfscan"), "{lines:?}");
    assert!(
        lines.iter().any(|line| line.contains("future_key")),
        "{lines:?}"
    );
    press(&mut app, "<enter> 4 <c-s>");
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        text,
        "never modified"
    );
    assert!(
        io.journal.is_none() && io.lock.is_none(),
        "no journal or lock for a read-only look"
    );
}

// ------------------------------------------------------------------ search

#[test]
fn search_finds_a_note_and_lands_on_it() {
    let mut scan = answered_scan();
    scan.answers[12].perspectives[1].note = "Wachttijd JeugdzorgPlus is twaalf weken".into();
    let mut app = walking(scan);
    press(&mut app, "/");
    assert!(matches!(app.overlay, Some(Overlay::Search { .. })));
    type_text(&mut app, "jeugdzorgplus weken");
    press(&mut app, "<enter>");
    assert!(app.overlay.is_none());
    assert_eq!(walk(&app).current, 12);
    assert_eq!(walk(&app).focus, Field::Note(Side::Perspective(1)));
}

#[test]
fn search_lists_every_hit_and_the_arrows_choose() {
    let mut app = walking(answered_scan());
    press(&mut app, "/");
    type_text(&mut app, "aanbieders");
    press(&mut app, "<down> <down>");
    let Some(Overlay::Search { selected, .. }) = &app.overlay else {
        panic!("search open")
    };
    assert_eq!(*selected, 2);
    insta::assert_snapshot!("search_80x24", render(&mut app, 80, 24));
    press(&mut app, "<esc>");
    assert!(app.overlay.is_none());
    assert_eq!(walk(&app).current, 0, "Esc does not jump");
}

// ------------------------------------------------------------------ projector

#[test]
fn the_projector_shows_the_criterion_and_scores_only_on_request_never_private_notes() {
    let mut scan = answered_scan();
    // The gemeenten note of VIS-1 is marked private; the aanbieders note is not.
    scan.answers[0].perspectives[0].note_private = true;
    let mut app = walking(scan);
    press(&mut app, "b");
    assert_eq!(walk(&app).mode, WalkMode::Projector { show_scores: false });
    // At 80x24 the title is ordinary text; at 120x40 it is in big glyphs.
    let screen = format!("{}", render(&mut app, 80, 24));
    assert!(
        screen.contains("VIS-1 · Vastgestelde regiovisie"),
        "{screen}"
    );
    let screen = format!("{}", render(&mut app, 120, 40));
    assert!(screen.contains(" VIS-1 "), "{screen}");
    assert!(screen.contains("1. Is de regiovisie door alle gemeenteraden vastgesteld?"));
    // The legend names every level; a recorded score reads "3 – Op orde".
    assert!(!screen.contains("3 – Op orde"), "no scores until asked");
    assert!(!screen.contains("Criteria"), "no criteria list");
    insta::assert_snapshot!("projector_120x40", screen);

    press(&mut app, "s");
    let screen = format!("{}", render(&mut app, 120, 40));
    assert!(screen.contains("3 – Op orde"), "{screen}");
    assert!(
        screen.contains("Voorbehoud: de uitwerking loopt achter."),
        "the joint note shows"
    );
    assert!(
        !screen.contains("twijfelt"),
        "a private note never shows: {screen}"
    );
    assert!(
        screen.contains("herkennen zich"),
        "a note that is not private shows: {screen}"
    );
    insta::assert_snapshot!("projector_scores_80x24", render(&mut app, 80, 24));
    insta::assert_snapshot!("projector_scores_200x60", render(&mut app, 200, 60));

    press(&mut app, "n");
    assert_eq!(walk(&app).current, 1);
    press(&mut app, "<esc>");
    assert_eq!(walk(&app).mode, WalkMode::Browse);
    assert!(!walk(&app).dirty, "projecting changes nothing");
}

// ------------------------------------------------------------------ colour

/// Every screen and overlay, drawn without colour, uses no colour at all.
#[test]
fn without_colour_no_cell_has_a_colour() {
    use ratatui::style::Color;
    let scripts = ["", "?", "g", "r", "r a", "b", "b s", "/ aan", "2 q"];
    for theme in zelfscan::config::ThemeName::ALL {
        for script in scripts {
            let mut app = walking(finished_scan());
            app.colour = false;
            app.theme = theme;
            press(&mut app, script);
            let backend = render(&mut app, 100, 30);
            for cell in backend.buffer().content() {
                assert!(
                    cell.fg == Color::Reset && cell.bg == Color::Reset,
                    "{theme:?}, {script:?}: {cell:?}"
                );
            }
        }
    }
}

#[test]
fn the_high_contrast_theme_paints_the_whole_screen_bright_on_black() {
    use ratatui::style::Color;
    let mut app = walking(finished_scan());
    app.colour = true;
    app.theme = zelfscan::config::ThemeName::HighContrast;
    let backend = render(&mut app, 100, 30);
    let dark_gray = backend
        .buffer()
        .content()
        .iter()
        .filter(|cell| cell.fg == Color::DarkGray)
        .count();
    assert_eq!(dark_gray, 0, "nothing dim");
    let on_black = backend
        .buffer()
        .content()
        .iter()
        .filter(|cell| cell.bg == Color::Black)
        .count();
    assert!(
        on_black > 100 * 30 / 2,
        "mostly bright on black: {on_black}"
    );
}

// ------------------------------------------------------------------ mouse

/// The screen position of the first cell of `needle` in the rendered
/// buffer, searching only columns from `from_column`.
fn find_on_screen(backend: &TestBackend, needle: &str, from_column: u16) -> (u16, u16) {
    let buffer = backend.buffer();
    let area = buffer.area;
    for y in area.top()..area.bottom() {
        let cells: Vec<&str> = (area.left()..area.right())
            .map(|x| buffer[(x, y)].symbol())
            .collect();
        for x in from_column..area.right() {
            let rest: String = cells[usize::from(x)..].concat();
            if rest.starts_with(needle) {
                return (x, y);
            }
        }
    }
    panic!("{needle:?} is not on the screen:\n{backend}")
}

#[test]
fn clicking_a_criterion_in_the_list_goes_there() {
    let mut app = walking(answered_scan());
    let backend = render(&mut app, 80, 24);
    let (column, row) = find_on_screen(&backend, "SAM-2", 0);
    update(&mut app, Action::Click { column, row });
    assert_eq!(walk(&app).current, 4);
    // A theme heading is not a criterion.
    let backend = render(&mut app, 80, 24);
    let (column, row) = find_on_screen(&backend, "T3 Structuur", 0);
    update(&mut app, Action::Click { column, row });
    assert_eq!(walk(&app).current, 4);
}

#[test]
fn clicking_a_score_option_chooses_it_and_clicking_a_note_starts_typing() {
    let mut app = walking(scan());
    let backend = render(&mut app, 120, 40);
    // The Aanbieders score row: click its "4".
    let (label_x, row) = find_on_screen(&backend, " Aanbieders", 30);
    let line: String = (label_x..120)
        .map(|x| backend.buffer()[(x, row)].symbol())
        .collect();
    let four = line.find(" 4 ").expect("option 4") as u16;
    update(
        &mut app,
        Action::Click {
            column: label_x + four + 1,
            row,
        },
    );
    assert_eq!(
        walk(&app).scan.answers[0].perspectives[1].score,
        Some(Answer::Score(4))
    );
    assert_eq!(walk(&app).focus, Field::Score(Side::Perspective(1)));
    assert!(walk(&app).dirty);

    let backend = render(&mut app, 120, 40);
    let (column, row) = find_on_screen(&backend, "toelichting", 30);
    update(
        &mut app,
        Action::Click {
            column: column + 20,
            row,
        },
    );
    assert_eq!(walk(&app).focus, Field::Note(Side::Consensus));
    assert_eq!(walk(&app).mode, WalkMode::Editing);
    type_text(&mut app, "geklikt");
    assert_eq!(walk(&app).scan.answers[0].consensus_note, "geklikt");
}

#[test]
fn clicking_an_agreement_level_chooses_it() {
    let mut app = walking(scan());
    // Wide enough for the agreement levels side by side next to the list,
    // which takes the room for whole titles at 120 columns.
    let backend = render(&mut app, 160, 48);
    let (column, row) = find_on_screen(&backend, "3 Geen consensus", 30);
    update(
        &mut app,
        Action::Click {
            column: column + 2,
            row,
        },
    );
    assert_eq!(
        walk(&app).scan.answers[0].agreement,
        Some(Agreement::NoConsensus)
    );
    assert_eq!(walk(&app).focus, Field::Agreement);
}

#[test]
fn typing_an_absolute_path_after_the_prefilled_folder_starts_afresh() {
    let mut app = app();
    press(&mut app, "o");
    type_text(&mut app, "/tmp/elders/scan.toml");
    let effects = press(&mut app, "<enter>");
    assert_eq!(
        effects,
        vec![Effect::OpenScan(PathBuf::from("/tmp/elders/scan.toml"))]
    );
    press(&mut app, "o");
    type_text(&mut app, "sub/noord");
    let effects = press(&mut app, "<enter>");
    assert_eq!(
        effects,
        vec![Effect::OpenScan(PathBuf::from(
            "/zelfscan-test/scans/sub/noord.toml"
        ))]
    );
}

#[test]
fn v_marks_the_focused_note_private_and_back_and_replay_agrees() {
    let original = answered_scan();
    let mut app = walking(original.clone());
    press(&mut app, "v");
    assert!(
        app.status
            .as_ref()
            .is_some_and(|s| s.text.contains("notitie")),
        "on a score field, v says what it is for"
    );
    press(&mut app, "<tab> v");
    assert!(walk(&app).scan.answers[0].perspectives[0].note_private);
    let screen = format!("{}", render(&mut app, 80, 24));
    assert!(screen.contains("notitie (v)"), "{screen}");
    press(&mut app, "<tab> <tab> <tab> <tab> <tab> v a v");
    assert!(walk(&app).scan.answers[0].consensus_note_private);
    assert!(walk(&app).scan.answers[0].actions[0].private);
    press(&mut app, "<s-tab> <s-tab> <s-tab> <s-tab> v");
    assert!(
        !walk(&app).scan.answers[0].consensus_note_private,
        "v again: not private"
    );
    let mut replayed = original;
    for edit in &walk(&app).pending {
        edit.apply(&mut replayed).expect("fits");
    }
    assert_eq!(replayed, walk(&app).scan);
    // The file keeps the marks.
    let text = storage::scan_to_toml(&walk(&app).scan);
    assert!(text.contains("note_private = true"), "{text}");
    assert!(text.contains("\nprivate = true"), "{text}");
    let loaded = storage::parse_scan(&text).expect("loads").value;
    assert_eq!(loaded, walk(&app).scan);
}

// ------------------------------------------------------------------ kept rows

/// The screen as text, row by row.
fn screen_text(backend: &TestBackend) -> String {
    let buffer = backend.buffer();
    let width = usize::from(buffer.area.width);
    buffer
        .content()
        .chunks(width)
        .map(|row| row.iter().map(|cell| cell.symbol()).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_outcome_screen_shows_every_edit_made_since_it_was_last_drawn() {
    let mut app = walking(finished_scan());
    press(&mut app, "r");
    let before = screen_text(&render(&mut app, 100, 30));
    // The same state again: the same screen (the rows are kept).
    assert_eq!(screen_text(&render(&mut app, 100, 30)), before);
    // An edit: a score on the first criterion, then the outcome again. The
    // first theme's row (its bars and scores) changes.
    let theme_row = |screen: &str| {
        screen
            .lines()
            .find(|line| line.contains("T1 "))
            .map(str::to_string)
            .unwrap_or_default()
    };
    press(&mut app, "r 1 r");
    let after = screen_text(&render(&mut app, 100, 30));
    assert!(!theme_row(&before).is_empty(), "{before}");
    assert_ne!(theme_row(&after), theme_row(&before), "the edit shows");
    // A copy of the walkthrough has a scan version of its own: edited apart
    // from the first, nothing kept for one is used for the other.
    assert_ne!(walk(&app).clone().version, walk(&app).version);
    // Typing in a note is an edit too; another width and language make rows
    // of their own.
    press(&mut app, "r <tab> <enter> x <esc> r");
    assert!(
        walk(&app).scan.answers[0].perspectives[0]
            .note
            .ends_with('x')
    );
    let narrower = screen_text(&render(&mut app, 90, 30));
    assert!(narrower.lines().all(|line| line.chars().count() == 90));
    app.text = zelfscan::i18n::Lang::En.catalogue();
    let english = screen_text(&render(&mut app, 90, 30));
    assert_ne!(english, narrower);
    assert!(
        english.contains("Verdict") || english.contains("verdict"),
        "{english}"
    );
}

/// [`drawn_step_by_step_as_afresh`] with this file's keys, 30 rows high.
fn drawn_as_afresh(start: impl Fn() -> App + Sync, steps: &[(&str, u16)]) {
    drawn_step_by_step_as_afresh(
        start,
        steps,
        |app, keys| drop(press(app, keys)),
        |app, width| render(app, width, 30).buffer().clone(),
    );
}

/// A finished scan on the outcome screen, in colour.
fn on_the_outcome_screen() -> App {
    let mut app = walking(finished_scan());
    app.colour = true;
    press(&mut app, "r");
    app
}

/// The walkthrough drawn frame after frame, with what is kept from one frame
/// to the next (the criteria list's width), is what drawing it afresh gives
/// (on a thread of its own, after the same keys): moving, answering, the
/// "go to" list, through the fields (the key hints change on the
/// agreement), at two widths.
#[test]
fn the_walkthrough_drawn_after_moves_is_the_screen_drawn_afresh() {
    let start = || {
        let mut app = walking(scan());
        app.colour = true;
        app
    };
    let steps = [
        ("n", 100),
        ("p", 100),
        ("2", 100),
        ("n", 100),
        ("n n", 100),
        ("p", 80),
        ("3 n", 80),
        ("g", 100),
        ("<down> <down>", 100),
        ("<esc> p p", 100),
        // Through the fields: on the agreement the key hints change.
        ("<tab> <tab> <tab> <tab>", 100),
        ("<tab>", 100),
        ("<tab>", 80),
        ("<s-tab> <s-tab>", 100),
    ];
    drawn_as_afresh(start, &steps);
}

/// The outcome screen made again after edits, with the rows that did not
/// change taken from before, is what making it afresh gives (on a thread of
/// its own, where nothing was made before, after the same keys): scores
/// changed on several criteria, back and forth, at two widths.
#[test]
fn the_outcome_screen_after_edits_is_the_screen_made_afresh() {
    let start = on_the_outcome_screen;
    let steps = [
        ("r 1 r", 100),
        ("r 2 r", 100),
        ("r n 1 r", 100),
        ("r p 3 r", 90),
        ("r n n 1 r", 90),
        ("r p p 3 r", 100),
        ("r 4 r", 100),
    ];
    drawn_as_afresh(start, &steps);
}

/// Once a frame is on screen the driver works out the outcome of the scan
/// as it stands (`evaluated::prepare`), so the outcome screen opens without
/// evaluating: after a score, and after leaving a note, but not while a
/// note is typed (every letter would pay for it), nor for a scan just
/// opened. What it keeps is the evaluation of the scan as it is.
#[test]
fn the_outcome_is_worked_out_after_a_score_but_not_while_a_note_is_typed() {
    use zelfscan::tui::view::evaluated::{evaluation, prepare, ready};
    let mut app = walking(scan());
    prepare(&app);
    assert!(
        !ready(walk(&app)),
        "nothing made ahead for a scan just opened"
    );
    press(&mut app, "2");
    assert!(!ready(walk(&app)), "nothing evaluated before the frame");
    prepare(&app);
    assert!(ready(walk(&app)), "evaluated after a score");
    assert_eq!(
        *evaluation(walk(&app)),
        zelfscan::model::evaluate(&walk(&app).scan)
    );
    press(&mut app, "<tab> <enter>");
    type_text(&mut app, "nog een punt");
    prepare(&app);
    assert!(!ready(walk(&app)), "not evaluated while typing");
    press(&mut app, "<esc>");
    prepare(&app);
    assert!(ready(walk(&app)), "evaluated once the note is left");
    press(&mut app, "n 3");
    prepare(&app);
    assert_eq!(
        *evaluation(walk(&app)),
        zelfscan::model::evaluate(&walk(&app).scan)
    );
}

/// The outcome screen opened after its rows were made ahead (as the driver
/// does once a frame after an edit is on screen) is the screen made afresh,
/// at the size they were made for and at another.
#[test]
fn the_outcome_screen_made_ahead_is_the_screen_made_afresh() {
    let start = || {
        let mut app = walking(finished_scan());
        app.colour = true;
        app
    };
    for (keys, width) in [("2", 100), ("n 1", 100), ("p 3", 90)] {
        let mut app = start();
        update(&mut app, Action::Resize(100, 30));
        press(&mut app, keys);
        zelfscan::tui::view::evaluated::prepare(&app);
        press(&mut app, "r");
        let drawn = render(&mut app, width, 30).buffer().clone();
        let afresh = std::thread::scope(|scope| {
            scope
                .spawn(|| {
                    let mut app = start();
                    press(&mut app, keys);
                    press(&mut app, "r");
                    render(&mut app, width, 30).buffer().clone()
                })
                .join()
                .expect("drawn")
        });
        assert_eq!(drawn, afresh, "after {keys:?} at {width} columns");
    }
}

/// The outcome screen drawn again with its rows kept is, cell for cell and
/// style for style, what drawing it afresh gives (on a thread of its own,
/// where nothing is kept, after the same steps), whatever changed in
/// between: the selection, the theme, colour.
#[test]
fn the_outcome_screen_drawn_again_is_the_screen_drawn_afresh() {
    let start = on_the_outcome_screen;
    let mut app = start();
    let steps: [&(dyn Fn(&mut App) + Sync); 6] = [
        &|_| {},
        &|app| drop(press(app, "<down>")),
        &|app| drop(press(app, "<down> <down>")),
        &|app| app.theme = zelfscan::config::ThemeName::HighContrast,
        &|app| drop(press(app, "<up>")),
        &|app| app.colour = false,
    ];
    for (step, change) in steps.iter().enumerate() {
        change(&mut app);
        let drawn = render(&mut app, 100, 30).buffer().clone();
        let again = render(&mut app, 100, 30).buffer().clone();
        // The same steps on a thread of its own.
        let afresh = std::thread::scope(|scope| {
            scope
                .spawn(|| {
                    let mut app = start();
                    for change in &steps[..=step] {
                        change(&mut app);
                    }
                    render(&mut app, 100, 30).buffer().clone()
                })
                .join()
                .expect("drawn")
        });
        assert_eq!(again, drawn, "step {step}");
        assert_eq!(again, afresh, "step {step}");
    }
}

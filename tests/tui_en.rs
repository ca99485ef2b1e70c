//! The interface in English: every screen and overlay rendered with the
//! English catalogue and the English bundled framework, checked for Dutch
//! words in the interface, and snapshots of the start screen, the walkthrough
//! and the help overlay at 80x24 and 120x40 (committed under
//! `tests/snapshots/`). The Dutch screens are covered by `tests/tui.rs`.

use std::path::PathBuf;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use zelfscan::i18n::Lang;
use zelfscan::model::{Agreement, Answer, Participant, Scan, ScanMeta};
use zelfscan::paths::Paths;
use zelfscan::storage;
use zelfscan::tui::action::{Action, OpenFailure, OpenedScan};
use zelfscan::tui::app::{App, FrameworkChoice};
use zelfscan::tui::keymap;
use zelfscan::tui::update::update;
use zelfscan::tui::view;

// ------------------------------------------------------------------ helpers

fn now() -> jiff::Timestamp {
    "2026-11-25T10:00:00Z".parse().expect("timestamp")
}

/// A fake home that tests never touch: no effect is run in this file.
fn home() -> PathBuf {
    PathBuf::from("/zelfscan-test")
}

/// The app in English, with the bundled frameworks in the order an English
/// session gets them.
fn app() -> App {
    let frameworks = storage::bundled_frameworks_for(Lang::En.code())
        .into_iter()
        .map(FrameworkChoice::bundled)
        .collect();
    let mut app = App::new(
        Lang::En.catalogue(),
        Paths::under(&home()),
        frameworks,
        now(),
    );
    app.colour = false;
    app
}

fn english_framework() -> zelfscan::model::Framework {
    storage::bundled_frameworks_for("en").remove(0)
}

fn scan() -> Scan {
    let meta = ScanMeta {
        region: "Seaside Region".into(),
        date: "2026-11-25".parse().expect("date"),
        facilitator: "Anna Hughes".into(),
        note_taker: "Ben Carter".into(),
        participants: vec![
            Participant {
                name: "Carla Smith".into(),
                organisation: "Seaside Council".into(),
                perspective: "gemeenten".into(),
                ..Participant::default()
            },
            Participant {
                name: "Dirk Miller".into(),
                organisation: "Coastal Youth Care".into(),
                perspective: "aanbieders".into(),
                ..Participant::default()
            },
        ],
    };
    Scan::new(meta, english_framework())
}

/// The same answers as the Dutch snapshots in `tests/tui.rs`, in English.
fn answered_scan() -> Scan {
    let mut scan = scan();
    let first = &mut scan.answers[0];
    first.perspectives[0].score = Some(Answer::Score(3));
    first.perspectives[0].note =
        "Adopted by all councils, but one municipality has doubts about the financial section.\nEvaluation to follow."
            .into();
    first.perspectives[1].score = Some(Answer::Score(2));
    first.perspectives[1].note = "Providers partly recognise themselves in it.".into();
    first.consensus = Some(Answer::Score(3));
    first.agreement = Some(Agreement::WithReservation);
    first.consensus_note = "Reservation: the detailed plans are behind schedule.".into();
    scan.answers[1].agreement = Some(Agreement::NoConsensus);
    scan.answers[2].skipped = true;
    scan.answers[3].consensus = Some(Answer::Unknown);
    scan.answers[3].agreement = Some(Agreement::Consensus);
    scan.answers[4].perspectives[0].score = Some(Answer::Score(1));
    scan
}

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

fn opened(scan: Scan, read_only: bool) -> Action {
    Action::Created(Ok(OpenedScan {
        scan: Box::new(scan),
        path: home().join("scans/seaside.toml"),
        warnings: Vec::new(),
        recovered: None,
        read_only,
        banner: None,
    }))
}

/// An app with `scan` open on the walkthrough screen.
fn walking(scan: Scan) -> App {
    let mut app = app();
    assert_eq!(update(&mut app, opened(scan, false)), None);
    app
}

/// Presses keys written as a script, as in `tests/tui.rs`: `<enter>`, `<esc>`,
/// `<tab>`, `<up>`, `<down>`; any other token is typed character by character.
fn press(app: &mut App, script: &str) {
    for token in script.split_whitespace() {
        let keys: Vec<KeyCode> = match token {
            "<enter>" => vec![KeyCode::Enter],
            "<esc>" => vec![KeyCode::Esc],
            "<tab>" => vec![KeyCode::Tab],
            "<up>" => vec![KeyCode::Up],
            "<down>" => vec![KeyCode::Down],
            "<pgdn>" => vec![KeyCode::PageDown],
            text => text.chars().map(KeyCode::Char).collect(),
        };
        for code in keys {
            let event = KeyEvent::new(code, KeyModifiers::NONE);
            if let Some(action) = keymap::action_for(keymap::context(app), event) {
                update(app, action);
            }
        }
    }
}

/// Types text as keystrokes, spaces and line breaks included.
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let code = if c == '\n' {
            KeyCode::Enter
        } else {
            KeyCode::Char(c)
        };
        let event = KeyEvent::new(code, KeyModifiers::NONE);
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

fn screen(app: &mut App, width: u16, height: u16) -> String {
    format!("{}", render(app, width, height))
}

// ------------------------------------------------------------------ no Dutch

/// Dutch words of the interface chrome. Content typed by people and the names
/// the English framework keeps in brackets (JeugdzorgPlus, regiovisie jeugd)
/// are not chrome, and none of them is in this list.
const DUTCH_WORDS: &[&str] = &[
    "aanbieders",
    "aandachtspunt",
    "aandachtspunten",
    "aanpassen",
    "afsluiten",
    "alleen",
    "annuleren",
    "antwoord",
    "beantwoord",
    "bestand",
    "berekend",
    "datum",
    "deelnemers",
    "een",
    "eens",
    "gemeenten",
    "geen",
    "geopend",
    "gespreksleider",
    "gezamenlijk",
    "gezamenlijke",
    "het",
    "hulp",
    "hulpvragen",
    "kader",
    "kiezen",
    "klaar",
    "kopie",
    "kritiek",
    "laagste",
    "leeg",
    "lezen",
    "met",
    "naar",
    "niet",
    "nieuwe",
    "nog",
    "notitie",
    "notulist",
    "onb",
    "onbekend",
    "oordeel",
    "opgeslagen",
    "opslaan",
    "overeenstemming",
    "overgeslagen",
    "overslaan",
    "overzicht",
    "perspectief",
    "regel",
    "regio",
    "robuust",
    "scannen",
    "sluiten",
    "sneltoetsen",
    "startscherm",
    "stoppen",
    "telt",
    "terug",
    "thema",
    "toelichting",
    "totaalscore",
    "typen",
    "van",
    "verder",
    "vervolgtraject",
    "volgende",
    "voorbehoud",
    "vorige",
    "waarom",
    "welkom",
    "wijzigingen",
    "wissen",
];

fn assert_no_dutch(what: &str, screen: &str) {
    let found: Vec<&str> = screen
        .split(|c: char| !c.is_alphabetic())
        .filter(|word| DUTCH_WORDS.contains(&word.to_lowercase().as_str()))
        .collect();
    assert!(
        found.is_empty() && !screen.contains("n.v.t"),
        "{what}: Dutch words {found:?} on the English screen:\n{screen}"
    );
}

#[test]
fn no_dutch_word_on_any_english_screen() {
    let mut shown: Vec<(String, String)> = Vec::new();
    let mut look = |what: &str, app: &mut App| {
        for (width, height) in [(80, 24), (120, 40)] {
            shown.push((
                format!("{what} {width}x{height}"),
                screen(app, width, height),
            ));
        }
    };

    let mut start = app();
    start.recent = vec![home().join("scans/seaside-region-2026-11-25.toml")];
    start.folder_scans = vec![home().join("scans/practice.toml")];
    look("start", &mut start);
    press(&mut start, "?");
    look("help on the start screen", &mut start);
    press(&mut start, "<esc> o");
    look("open by path", &mut start);

    let mut empty_start = app();
    look("start without scans", &mut empty_start);

    let mut form = app();
    press(&mut form, "n");
    look("new scan form", &mut form);
    press(&mut form, "<tab> <tab> <tab> <tab> <tab>");
    type_text(&mut form, "Carla Smith; Seaside Council; x");
    look("new scan form, on the participants", &mut form);
    press(&mut form, "<tab> <tab> <tab> <enter>");
    look("new scan form with errors", &mut form);
    press(&mut form, "?");
    look("help on the form", &mut form);

    let mut walk = walking(answered_scan());
    look("walkthrough", &mut walk);
    press(&mut walk, "n n n n");
    look("walkthrough, a later criterion", &mut walk);
    press(&mut walk, "<tab> <enter>");
    look("typing a note", &mut walk);
    press(&mut walk, "<esc> g <down>");
    look("navigator", &mut walk);
    press(&mut walk, "<esc> ?");
    look("help", &mut walk);
    press(&mut walk, "<pgdn> <pgdn>");
    look("help, scrolled", &mut walk);

    let mut unsaved = walking(answered_scan());
    press(&mut unsaved, "2 q");
    look("confirm quit", &mut unsaved);
    press(&mut unsaved, "<esc> <esc>");
    look("confirm leave", &mut unsaved);
    press(&mut unsaved, "<esc> w");
    look("save as", &mut unsaved);
    press(&mut unsaved, "<esc> r");
    look("summary of an unfinished scan", &mut unsaved);

    let mut done = walking(finished_scan());
    press(&mut done, "r <down>");
    look("summary", &mut done);
    press(&mut done, "?");
    look("help on the summary", &mut done);
    press(&mut done, "<esc> a <up> <tab> <tab> <enter>");
    look("override dialog refusing an empty rationale", &mut done);

    let mut read_only = app();
    update(&mut read_only, opened(answered_scan(), true));
    look("read only", &mut read_only);
    press(&mut read_only, "3");
    look("read only refusing a change", &mut read_only);

    let mut locked = app();
    update(
        &mut locked,
        Action::Locked {
            path: home().join("scans/seaside.toml"),
            owner: "anna on laptop-7 (process 4242)".into(),
        },
    );
    look("locked", &mut locked);

    let mut failed = app();
    update(
        &mut failed,
        Action::Opened(Err(OpenFailure {
            path: home().join("scans/broken.toml"),
            lines: vec!["broken.toml:3:8: the file is empty".into()],
        })),
    );
    look("open failed", &mut failed);

    shown.push(("too small".into(), screen(&mut unsaved, 60, 20)));
    // The key scripts reached the screens they name.
    for (what, expected) in [
        ("confirm quit 80x24", "Save before you quit?"),
        ("confirm leave 80x24", "Save before you go to the"),
        ("save as 80x24", "Type a new file name"),
        (
            "summary of an unfinished scan 80x24",
            "Overview and verdict",
        ),
    ] {
        let (_, shown) = shown.iter().find(|(name, _)| name == what).expect(what);
        assert!(
            shown.contains(expected),
            "{what} is not on screen:\n{shown}"
        );
    }
    for (what, screen) in &shown {
        assert_no_dutch(what, screen);
    }
    // The check itself works: the Dutch interface fails it.
    let mut dutch = App::new(
        Lang::Nl.catalogue(),
        Paths::under(&home()),
        Vec::new(),
        now(),
    );
    dutch.colour = false;
    let dutch_screen = screen(&mut dutch, 80, 24);
    assert!(
        std::panic::catch_unwind(|| assert_no_dutch("Dutch", &dutch_screen)).is_err(),
        "the word list must catch the Dutch start screen"
    );
}

#[test]
fn progress_reads_in_english() {
    let mut app = walking(answered_scan());
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("3 of 22 answered"), "{shown}");
}

#[test]
fn a_new_english_scan_defaults_to_the_english_framework() {
    let mut app = app();
    press(&mut app, "n");
    let shown = screen(&mut app, 120, 40);
    assert!(
        shown.contains("Self-scan robust youth-care region"),
        "{shown}"
    );
    assert!(shown.contains("municipalities / care providers"), "{shown}");
}

// ------------------------------------------------------------------ snapshots

#[test]
fn snapshot_start_screen_in_english() {
    let mut app = app();
    app.recent = vec![PathBuf::from(
        "/zelfscan-test/scans/seaside-region-2026-11-25.toml",
    )];
    app.folder_scans = vec![PathBuf::from("/zelfscan-test/scans/practice.toml")];
    insta::assert_snapshot!("en_start_80x24", render(&mut app, 80, 24));
    insta::assert_snapshot!("en_start_120x40", render(&mut app, 120, 40));
    insta::assert_snapshot!("en_start_200x60", render(&mut app, 200, 60));
}

#[test]
fn snapshot_walkthrough_in_english() {
    let mut app = walking(answered_scan());
    insta::assert_snapshot!("en_walkthrough_80x24", render(&mut app, 80, 24));
    insta::assert_snapshot!("en_walkthrough_120x40", render(&mut app, 120, 40));
    insta::assert_snapshot!("en_walkthrough_200x60", render(&mut app, 200, 60));
}

#[test]
fn snapshot_help_overlay_in_english() {
    let mut app = walking(answered_scan());
    press(&mut app, "?");
    insta::assert_snapshot!("en_help_80x24", render(&mut app, 80, 24));
    insta::assert_snapshot!("en_help_120x40", render(&mut app, 120, 40));
    insta::assert_snapshot!("en_help_200x60", render(&mut app, 200, 60));
}

#[test]
fn snapshot_summary_in_english() {
    let mut app = walking(finished_scan());
    press(&mut app, "r <down>");
    insta::assert_snapshot!("en_summary_80x24", render(&mut app, 80, 24));
    insta::assert_snapshot!("en_summary_120x40", render(&mut app, 120, 40));
    insta::assert_snapshot!("en_summary_200x60", render(&mut app, 200, 60));
}

#[test]
fn snapshot_projector_in_english() {
    let mut app = walking(answered_scan());
    press(&mut app, "b");
    insta::assert_snapshot!("en_projector_80x24", render(&mut app, 80, 24));
    press(&mut app, "s");
    insta::assert_snapshot!("en_projector_scores_120x40", render(&mut app, 120, 40));
    insta::assert_snapshot!("en_projector_scores_200x60", render(&mut app, 200, 60));
}

#[test]
fn the_save_key_each_language_shows_in_the_question_is_bound() {
    for lang in Lang::ALL {
        let key = lang.catalogue().confirm_save_key;
        let mut chars = key.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            panic!("{lang:?}: one character, got {key:?}")
        };
        let event = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(
            keymap::action_for(keymap::Context::ConfirmQuit, event),
            Some(Action::SaveAndQuit),
            "{lang:?}"
        );
    }
}

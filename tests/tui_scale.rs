//! A framework of the user's own: three perspectives (one labelled "Jeugdigen
//! en ouders"), a five-point scale (with "Grotendeels") and long titles. The
//! screens show the scale's meaning while scoring, true key labels, and cut
//! nothing that matters: snapshots in both languages at 80x24 and 120x40,
//! plus key scripts for go-to and a check that the hint bar ends on a word.

use std::path::{Path, PathBuf};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use zelfscan::i18n::Lang;
use zelfscan::model::Scan;
use zelfscan::paths::Paths;
use zelfscan::storage;
use zelfscan::tui::action::{Action, OpenedScan};
use zelfscan::tui::app::{App, Field, FrameworkChoice, Side, WalkMode};
use zelfscan::tui::keymap;
use zelfscan::tui::update::update;
use zelfscan::tui::view;

mod support;

use support::afresh::drawn_step_by_step_as_afresh;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn now() -> jiff::Timestamp {
    "2026-11-25T10:00:00Z".parse().expect("timestamp")
}

/// A fake home that tests never touch: no effect is run in this file.
fn home() -> PathBuf {
    PathBuf::from("/zelfscan-test")
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/valid")
        .join(name)
}

fn framework() -> zelfscan::model::Framework {
    storage::load_framework(&fixture("framework-three-perspectives-five-point.toml"))
        .expect("fixture framework loads")
        .value
}

fn scan() -> Scan {
    storage::load_scan(&fixture("scan-three-perspectives-five-point.toml"))
        .expect("fixture scan loads")
        .value
}

fn app(lang: Lang) -> App {
    let frameworks = std::iter::once(framework())
        .chain(storage::bundled_frameworks())
        .map(FrameworkChoice::bundled)
        .collect();
    let mut app = App::new(lang.catalogue(), Paths::under(&home()), frameworks, now());
    app.colour = false;
    app
}

/// An app with the fixture scan open on the walkthrough, the welcome
/// message gone so the hint bar shows.
fn walking(lang: Lang) -> App {
    let mut app = app(lang);
    let effect = update(
        &mut app,
        Action::Opened(Ok(OpenedScan {
            scan: Box::new(scan()),
            path: home().join("scans/ijsselvallei.toml"),
            warnings: Vec::new(),
            recovered: None,
            read_only: false,
            banner: None,
        })),
    );
    assert_eq!(effect, None);
    app.status = None;
    app
}

fn press(app: &mut App, script: &str) {
    for token in script.split_whitespace() {
        let keys: Vec<KeyEvent> = match token {
            "<enter>" => vec![key(KeyCode::Enter)],
            "<esc>" => vec![key(KeyCode::Esc)],
            "<tab>" => vec![key(KeyCode::Tab)],
            "<down>" => vec![key(KeyCode::Down)],
            "<up>" => vec![key(KeyCode::Up)],
            "<bs>" => vec![key(KeyCode::Backspace)],
            "<f5>" => vec![key(KeyCode::F(5))],
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

fn render(app: &mut App, width: u16, height: u16) -> TestBackend {
    update(app, Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|frame| view::draw(frame, app)).expect("draw");
    terminal.backend().clone()
}

fn screen_text(app: &mut App, width: u16, height: u16) -> String {
    let backend = render(app, width, height);
    let buffer = backend.buffer();
    (0..height)
        .map(|y| {
            (0..width)
                .map(|x| buffer[(x, y)].symbol())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn lang_name(lang: Lang) -> &'static str {
    lang.code()
}

/// Snapshots one screen in both languages at both sizes; `setup` brings a
/// fresh app to the screen.
fn snapshot_everywhere(name: &str, setup: impl Fn(Lang) -> App) {
    for lang in Lang::ALL {
        for (width, height) in SIZES {
            let mut app = setup(lang);
            let backend = render(&mut app, width, height);
            insta::assert_snapshot!(
                format!("{name}_{}_{width}x{height}", lang_name(lang)),
                backend
            );
        }
    }
}

// ------------------------------------------------------------ snapshots

#[test]
fn walkthrough_on_a_perspective_score() {
    // Back to BET-1, focus on "Jeugdigen en ouders", which chose 2.
    snapshot_everywhere("walkthrough_perspective", |lang| {
        let mut app = walking(lang);
        press(&mut app, "p <down> <down> <down> <down>");
        assert_eq!(
            app.walkthrough().expect("walkthrough").focus,
            Field::Score(Side::Perspective(2))
        );
        app
    });
}

#[test]
fn walkthrough_on_the_agreement() {
    snapshot_everywhere("walkthrough_agreement", |lang| {
        let mut app = walking(lang);
        press(&mut app, "p");
        while app.walkthrough().expect("walkthrough").focus != Field::Agreement {
            press(&mut app, "<down>");
        }
        app
    });
}

#[test]
fn walkthrough_with_nothing_chosen_shows_the_legend() {
    snapshot_everywhere("walkthrough_open", |lang| {
        let mut app = walking(lang);
        press(&mut app, "n n");
        app
    });
}

#[test]
fn projector() {
    snapshot_everywhere("projector", |lang| {
        let mut app = walking(lang);
        press(&mut app, "b");
        app
    });
}

#[test]
fn projector_with_a_short_title_in_big_glyphs() {
    snapshot_everywhere("projector_big_title", |lang| {
        let mut app = walking(lang);
        press(&mut app, "n n b");
        app
    });
}

#[test]
fn projector_with_scores() {
    snapshot_everywhere("projector_scores", |lang| {
        let mut app = walking(lang);
        press(&mut app, "b s");
        app
    });
}

#[test]
fn help() {
    snapshot_everywhere("help", |lang| {
        let mut app = walking(lang);
        press(&mut app, "?");
        app
    });
}

#[test]
fn summary() {
    snapshot_everywhere("summary", |lang| {
        let mut app = walking(lang);
        press(&mut app, "r");
        app
    });
}

// ------------------------------------------------------------ key labels

#[test]
fn the_hint_bar_at_80_columns_ends_on_a_whole_word() {
    for lang in Lang::ALL {
        for presses in [
            "",
            "<down>",
            "<down> <down> <down> <down> <down> <down> <down>",
        ] {
            let mut app = walking(lang);
            press(&mut app, presses);
            let screen = screen_text(&mut app, 80, 24);
            let hints = screen.lines().last().expect("a bottom row").trim_end();
            let hints_only = keymap::screen_help_rows(&app, keymap::context(&app), true);
            // Every hint shown is whole: its keys and all its words.
            let last = hints_only
                .iter()
                .map(|(keys, help)| format!("{keys} {}", (app.text.help_short)(*help)))
                .rfind(|hint| hints.contains(hint.as_str()))
                .expect("at least one hint shows");
            assert!(hints.ends_with(&last), "{hints:?} ends mid-hint");
            assert!(
                hints.contains("?/F1"),
                "the way to help always shows: {hints:?}"
            );
        }
    }
}

#[test]
fn score_keys_come_from_the_scale_and_every_key_has_a_label() {
    let mut app = walking(Lang::Nl);
    let hints = screen_text(&mut app, 120, 40);
    let bottom = hints.lines().last().expect("bottom row").to_string();
    assert!(bottom.contains("1–5 score"), "{bottom:?}");
    let rows = keymap::screen_help_rows(&app, keymap::screen_context(&app), false);
    assert!(
        rows.iter().any(|(keys, _)| keys == "F5/b"),
        "the projector key says F5: {rows:?}"
    );
    assert!(
        rows.iter()
            .all(|(keys, _)| !keys.split('/').any(|key| key == "?") || keys.starts_with('?')),
        "no key is shown as a bare question mark except the help key: {rows:?}"
    );
}

#[test]
fn on_the_agreement_the_hints_say_how_to_set_it() {
    let mut app = walking(Lang::Nl);
    while app.walkthrough().expect("walkthrough").focus != Field::Agreement {
        press(&mut app, "<down>");
    }
    let bottom = screen_text(&mut app, 80, 24)
        .lines()
        .last()
        .expect("bottom row")
        .to_string();
    assert!(bottom.contains("1–3 overeenstemming"), "{bottom:?}");
    press(&mut app, "2");
    assert_eq!(
        app.walkthrough().expect("walkthrough").scan.answers[0].agreement,
        Some(zelfscan::model::Agreement::WithReservation)
    );
}

#[test]
fn the_walkthrough_never_cuts_a_perspective_or_a_scale_label() {
    for lang in Lang::ALL {
        for (width, height) in SIZES {
            let mut app = walking(lang);
            // Focus on "Jeugdigen en ouders", then choose 4 ("Grotendeels").
            press(&mut app, "<down> <down> <down> <down> 4");
            let screen = screen_text(&mut app, width, height);
            assert!(screen.contains("Jeugdigen en ouders "), "{screen}");
            assert!(!screen.contains("Jeugdigen en oud["), "{screen}");
            assert!(
                screen.contains("4 Grotendeels — Geregeld en werkend"),
                "{screen}"
            );
            assert!(!screen.contains("Grotende…"), "{screen}");
        }
    }
}

// ------------------------------------------------------------ walk mode

#[test]
fn a_fresh_open_starts_in_browse_mode() {
    let app = walking(Lang::Nl);
    assert_eq!(
        app.walkthrough().expect("walkthrough").mode,
        WalkMode::Browse
    );
}

// ------------------------------------------------------------ go to

fn current(app: &App) -> usize {
    app.walkthrough().expect("walkthrough").current
}

#[test]
fn go_to_accepts_a_typed_criterion_id() {
    let mut app = walking(Lang::Nl);
    press(&mut app, "g toe-2 <enter>");
    assert_eq!(current(&app), 3);
    assert_eq!(
        app.walkthrough().expect("walkthrough").mode,
        WalkMode::Browse
    );
    // An id that only starts the way a criterion's does goes to the first.
    press(&mut app, "g BET <enter>");
    assert_eq!(current(&app), 0);
}

#[test]
fn go_to_accepts_part_of_a_title() {
    let mut app = walking(Lang::Nl);
    press(&mut app, "g crisis <enter>");
    assert_eq!(current(&app), 3);
    // Letters that are keys elsewhere (j, k, g, n, p) type here.
    press(&mut app, "g wachttijden<space>voor <enter>");
    assert_eq!(current(&app), 2);
    press(&mut app, "g gezinnen <enter>");
    assert_eq!(current(&app), 1);
}

#[test]
fn go_to_with_no_match_stays_and_backspace_corrects() {
    let mut app = walking(Lang::Nl);
    let before = current(&app);
    press(&mut app, "g zzz");
    assert_eq!(
        app.walkthrough().expect("walkthrough").mode,
        WalkMode::Navigator { selected: before }
    );
    press(&mut app, "<bs> <bs> <bs> toe-1 <enter>");
    assert_eq!(current(&app), 2);
    press(&mut app, "g crisis <esc>");
    assert_eq!(current(&app), 2, "Esc leaves without jumping");
}

#[test]
fn go_to_shows_what_was_typed() {
    for lang in Lang::ALL {
        for (width, height) in SIZES {
            let mut app = walking(lang);
            press(&mut app, "g jeugd");
            let backend = render(&mut app, width, height);
            insta::assert_snapshot!(
                format!("goto_{}_{width}x{height}", lang_name(lang)),
                backend
            );
        }
    }
}

// ------------------------------------------------------------ start screen

#[test]
fn start_screen_recent_scans_show_region_date_and_progress() {
    snapshot_everywhere("start_recent", |lang| {
        let mut app = app(lang);
        // Read from the fixture, listed under the fake home so the snapshot
        // does not depend on where the repository is checked out.
        let shown = home().join("scans/ijsselvallei.toml");
        let preview = storage::preview::read(&fixture("scan-three-perspectives-five-point.toml"))
            .expect("the fixture has a preview");
        app.recent = vec![shown.clone(), home().join("scans/weg.toml")];
        app.previews = storage::preview::read_many(&app.recent);
        assert!(app.previews.is_empty(), "files that do not exist have none");
        app.previews.insert(shown, preview);
        app
    });
    let mut app = app(Lang::Nl);
    let scan = fixture("scan-three-perspectives-five-point.toml");
    app.recent = vec![scan];
    app.previews = storage::preview::read_many(&app.recent);
    let screen = screen_text(&mut app, 120, 40);
    assert!(
        screen.contains("Regio IJsselvallei-Noord en Omstreken · 2026-11-25 · 1 van 4 beantwoord"),
        "{screen}"
    );
}

#[test]
fn previews_are_capped_so_a_full_folder_stays_fast() {
    let dir = tempfile::tempdir().expect("temp dir");
    let source =
        std::fs::read_to_string(fixture("scan-three-perspectives-five-point.toml")).expect("read");
    let paths: Vec<PathBuf> = (0..storage::preview::MAX_FILES + 6)
        .map(|number| {
            let path = dir.path().join(format!("scan-{number}.toml"));
            std::fs::write(&path, &source).expect("write");
            path
        })
        .collect();
    let previews = storage::preview::read_many(&paths);
    assert_eq!(previews.len(), storage::preview::MAX_FILES);
    // A file over the size cap is listed by name only.
    let big = dir.path().join("big.toml");
    let padding =
        "# opvulling\n".repeat(usize::try_from(storage::preview::MAX_BYTES).expect("fits") / 10);
    std::fs::write(&big, format!("{source}{padding}")).expect("write");
    assert_eq!(storage::preview::read(&big), None);
}

// ------------------------------------------------------------ new-scan form

/// Types text as keystrokes; a newline is Enter.
fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let event = if c == '\n' {
            key(KeyCode::Enter)
        } else {
            key(KeyCode::Char(c))
        };
        if let Some(action) = keymap::action_for(keymap::context(app), event) {
            update(app, action);
        }
    }
}

/// The new-scan form for the three-perspective framework, on the
/// participants box, with `participants` typed into it.
fn form_with(lang: Lang, participants: &str) -> App {
    let mut app = app(lang);
    press(&mut app, "n");
    type_text(&mut app, "Regio IJsselvallei");
    while !matches!(
        &app.screen,
        zelfscan::tui::app::Screen::NewScan(form)
            if form.focus == zelfscan::tui::app::FormField::Participants
    ) {
        press(&mut app, "<tab>");
    }
    type_text(&mut app, participants);
    app
}

const MANY: &str = "Carla Smit; Gemeente Zeedorp; gemeenten
Dirk Mulder; Jeugdzorg Kust; aanbieders
Eva Bakker; Ouderpanel; jeugdigen
Fatima El Amrani; Gemeente Duinwijk; gemeenten
Gert Visser; Stichting Kompas; aanbieders
Hanna de Boer; Jongerenraad; jeugdigen";

#[test]
fn new_scan_form_with_two_participants() {
    snapshot_everywhere("new_scan_few", |lang| {
        form_with(
            lang,
            "Carla Smit; Gemeente Zeedorp; gemeenten\nEva Bakker; Ouderpanel; jeugdigen",
        )
    });
}

#[test]
fn new_scan_form_participants_box_grows_with_its_content() {
    snapshot_everywhere("new_scan_many", |lang| form_with(lang, MANY));
    // Every participant is in view at 120x40, and at 80x24 more than the
    // three rows the box had before.
    for (width, height, at_least) in [(120, 40, 6), (80, 24, 5)] {
        let mut app = form_with(Lang::Nl, MANY);
        let screen = screen_text(&mut app, width, height);
        let shown = MANY
            .lines()
            .filter(|line| screen.contains(line.split(';').next().unwrap_or_default()))
            .count();
        assert!(shown >= at_least, "{shown} of 6 shown:\n{screen}");
    }
}

// ------------------------------------------------------------ projector

#[test]
fn the_projector_shows_every_level_with_its_meaning_while_scoring() {
    for lang in Lang::ALL {
        for (width, height) in SIZES {
            for keys in ["b", "b s"] {
                let mut app = walking(lang);
                press(&mut app, keys);
                let screen = screen_text(&mut app, width, height);
                for level in &scan().framework.scale.levels {
                    assert!(
                        screen.contains(&level.label) && screen.contains(&level.meaning),
                        "level {} missing at {width}x{height} after {keys:?}:\n{screen}",
                        level.value
                    );
                }
            }
        }
    }
}

#[test]
fn the_projector_title_is_big_only_where_it_fits() {
    // "Crisisopvang" in big glyphs at 120x40: the plain title line is gone,
    // the id stays; at 80x24 the title is ordinary text.
    let mut app = walking(Lang::Nl);
    press(&mut app, "n n b");
    let big = screen_text(&mut app, 120, 40);
    assert!(!big.contains("TOE-2 · Crisisopvang"), "{big}");
    assert!(big.contains(" TOE-2 "), "{big}");
    assert!(big.contains('▀') || big.contains('█'), "{big}");
    let small = screen_text(&mut app, 80, 24);
    assert!(small.contains("TOE-2 · Crisisopvang"), "{small}");
}

#[test]
fn every_key_in_every_context_has_a_true_label() {
    use keymap::Context;
    let contexts = [
        Context::Start,
        Context::FormText,
        Context::FormMultiline,
        Context::FormChoice,
        Context::Walkthrough,
        Context::Editing,
        Context::Navigator,
        Context::Summary,
        Context::Projector,
        Context::OverrideChoice,
        Context::OverrideText,
        Context::OverrideConfirm,
        Context::Help,
        Context::ConfirmQuit,
        Context::OpenPath,
        Context::Locked,
        Context::Search,
        Context::Message,
        Context::Agenda,
    ];
    for context in contexts {
        for binding in keymap::bindings(context) {
            for key in binding.keys {
                let label = keymap::key_label(*key);
                let is_question_mark_key = *key == keymap::Key::Char('?');
                assert!(
                    !label.is_empty() && (label != "?" || is_question_mark_key),
                    "{key:?} in {context:?} has no true label: {label:?}"
                );
            }
        }
    }
    assert_eq!(keymap::key_label(keymap::Key::Code(KeyCode::F(5))), "F5");
}

/// Three perspectives, a five-point scale, both languages, 80x24: the
/// outcome screen made frame after frame, with the rows an edit did not
/// change taken from before, is what making it afresh gives on a thread of
/// its own after the same keys.
#[test]
fn the_outcome_screen_after_edits_is_made_as_afresh_on_a_five_point_scale() {
    for lang in [Lang::Nl, Lang::En] {
        let start = || {
            let mut app = walking(lang);
            press(&mut app, "r");
            app
        };
        let steps = [
            ("r 5 r", 80),
            ("r n 1 r", 80),
            ("r p 4 r", 100),
            ("r n n 2 r", 100),
            ("r 5 r", 80),
        ];
        drawn_step_by_step_as_afresh(start, &steps, press, |app, width| {
            screen_text(app, width, 24)
        });
    }
}

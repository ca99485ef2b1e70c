//! Timeboxes: planned minutes from the framework and the settings, time used
//! counted by `update` from `app.now` (no clock read in these tests), the
//! countdown texts, the agenda overlay, and the driver's rule that it wakes
//! once a minute while a clock is on screen, every second only in a
//! criterion's last minute, and never with the clock switched off.

use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use zelfscan::i18n::Lang;
use zelfscan::model::timebox::{Plan, TimeboxSettings};
use zelfscan::model::{Participant, Scan, ScanMeta};
use zelfscan::paths::Paths;
use zelfscan::storage;
use zelfscan::tui::action::{Action, OpenedScan};
use zelfscan::tui::app::{App, FrameworkChoice, Overlay, Walkthrough};
use zelfscan::tui::keymap;
use zelfscan::tui::terminal::tick_after;
use zelfscan::tui::update::update;
use zelfscan::tui::view;

/// 2026-11-25 10:00:00 UTC plus `seconds`.
fn at(seconds: i64) -> jiff::Timestamp {
    let start: jiff::Timestamp = "2026-11-25T10:00:00Z".parse().expect("timestamp");
    jiff::Timestamp::from_second(start.as_second() + seconds).expect("timestamp")
}

fn app(lang: Lang) -> App {
    let frameworks = storage::bundled_frameworks()
        .into_iter()
        .map(FrameworkChoice::bundled)
        .collect();
    let mut app = App::new(
        lang.catalogue(),
        Paths::under(&PathBuf::from("/zelfscan-test")),
        frameworks,
        at(0),
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
        participants: vec![Participant {
            name: "Carla Smit".into(),
            organisation: "Gemeente Zeedorp".into(),
            perspective: "gemeenten".into(),
            ..Participant::default()
        }],
    };
    Scan::new(meta, framework)
}

/// A scan opened at 10:00:00.
fn walking(lang: Lang) -> App {
    let mut app = app(lang);
    update(
        &mut app,
        Action::Created(Ok(OpenedScan {
            scan: Box::new(scan()),
            path: PathBuf::from("/zelfscan-test/scans/zeeduinen.toml"),
            warnings: Vec::new(),
            recovered: None,
            read_only: false,
            banner: None,
        })),
    );
    app
}

fn walk(app: &App) -> &Walkthrough {
    app.walkthrough().expect("walkthrough")
}

/// `action` at `seconds` after 10:00.
fn act(app: &mut App, seconds: i64, action: Action) {
    app.now = at(seconds);
    update(app, action);
}

fn press(app: &mut App, seconds: i64, c: char) {
    app.now = at(seconds);
    let event = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    if let Some(action) = keymap::action_for(keymap::context(app), event) {
        update(app, action);
    }
}

fn render(app: &mut App) -> TestBackend {
    update(app, Action::Resize(80, 24));
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal.draw(|frame| view::draw(frame, app)).expect("draw");
    terminal.backend().clone()
}

fn screen_text(backend: &TestBackend) -> String {
    let buffer = backend.buffer();
    let mut text = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

// ------------------------------------------------------------ time used

#[test]
fn time_goes_to_the_criterion_on_screen_and_moves_with_it() {
    let mut app = walking(Lang::Nl);
    for second in 1..=90 {
        act(&mut app, second, Action::Tick);
    }
    press(&mut app, 95, 'n'); // the 5 seconds before the key still go to the first
    act(&mut app, 155, Action::Tick);
    let used = &walk(&app).used;
    assert_eq!(used.per_criterion[0], 95);
    assert_eq!(used.per_criterion[1], 60);
    assert_eq!(used.session, 155);
    // On the overview no criterion is on screen: only the session counts.
    press(&mut app, 160, 'r');
    act(&mut app, 220, Action::Tick);
    let used = &walk(&app).used;
    assert_eq!(used.per_criterion[1], 65);
    assert_eq!(used.session, 220);
}

#[test]
fn a_laptop_that_slept_does_not_count_the_sleep() {
    let mut app = walking(Lang::Nl);
    act(&mut app, 60, Action::Tick);
    // The lid was closed for an hour.
    act(&mut app, 60 + 3600, Action::Tick);
    act(&mut app, 60 + 3600 + 30, Action::Tick);
    let used = &walk(&app).used;
    assert_eq!(used.per_criterion[0], 90);
    assert_eq!(used.session, 90);
}

#[test]
fn a_tick_changes_nothing_but_the_time() {
    let mut app = walking(Lang::Nl);
    let status = app.status.clone();
    act(&mut app, 1, Action::Tick);
    assert_eq!(app.status, status, "a status message stays until a key");
    assert!(!walk(&app).dirty);
}

// ------------------------------------------------------------ countdown text

#[test]
fn the_countdown_says_time_left_then_too_long_then_behind_schedule() {
    let mut app = walking(Lang::Nl);
    // T1 plans 30 minutes over three criteria: 10 each.
    act(&mut app, 4 * 60 + 12, Action::Tick);
    let (text, over) = view::criterion_clock(&app, walk(&app)).expect("clock on");
    // Whole minutes, rounded up, until the last minute.
    assert_eq!((text.as_str(), over), ("⏱ 6 min over", false));
    for minute in 1..=7 {
        act(&mut app, 252 + minute * 60, Action::Tick);
    }
    let (text, over) = view::criterion_clock(&app, walk(&app)).expect("clock on");
    assert_eq!((text.as_str(), over), ("⏱ +2 min te lang", true));
    // Answered after 14 minutes: 4 minutes behind plan.
    app.now = at(14 * 60);
    update(&mut app, Action::SetScore(3));
    press(&mut app, 14 * 60, 'n');
    let clocks = walk(&app).clocks();
    assert_eq!(clocks.behind, Some(4 * 60));
    let screen = screen_text(&render(&mut app));
    assert!(screen.contains("achter op schema: 4 min"), "{screen}");
    assert!(screen.contains("sessie 2:36 over"), "{screen}");

    let mut app = walking(Lang::En);
    act(&mut app, 60, Action::Tick);
    let (text, _) = view::criterion_clock(&app, walk(&app)).expect("clock on");
    assert_eq!(text, "⏱ 9 min left");
}

#[test]
fn the_countdown_shows_seconds_only_in_the_last_minute_and_none_when_switched_off() {
    let mut app = walking(Lang::Nl);
    for minute in 1..=8 {
        act(&mut app, minute * 60, Action::Tick);
    }
    act(&mut app, 8 * 60 + 59, Action::Tick);
    let (text, _) = view::criterion_clock(&app, walk(&app)).expect("clock on");
    assert_eq!(text, "⏱ 2 min over");
    act(&mut app, 9 * 60, Action::Tick);
    let (text, _) = view::criterion_clock(&app, walk(&app)).expect("clock on");
    assert_eq!(text, "⏱ 1:00 over");
    act(&mut app, 9 * 60 + 30, Action::Tick);
    let (text, _) = view::criterion_clock(&app, walk(&app)).expect("clock on");
    assert_eq!(text, "⏱ 0:30 over");

    app.timebox.clock = false;
    assert_eq!(view::criterion_clock(&app, walk(&app)), None);
    let screen = screen_text(&render(&mut app));
    assert!(!screen.contains('⏱'), "{screen}");
    assert!(!screen.contains("sessie"), "{screen}");
    assert!(!view::countdown_visible(&app));
}

#[test]
fn snapshot_walkthrough_over_time_and_behind_schedule() {
    let mut app = walking(Lang::Nl);
    act(&mut app, 300, Action::Tick);
    act(&mut app, 600, Action::Tick);
    act(&mut app, 13 * 60 + 5, Action::SetScore(2));
    insta::assert_snapshot!("timebox_walkthrough_80x24", render(&mut app));
}

// ------------------------------------------------------------ agenda

#[test]
fn t_opens_the_agenda_and_esc_closes_it() {
    let mut app = walking(Lang::Nl);
    press(&mut app, 1, 't');
    assert!(matches!(app.overlay, Some(Overlay::Agenda)));
    assert!(
        keymap::help_rows(keymap::screen_context(&app), true)
            .iter()
            .any(|(keys, help)| keys == "t" && *help == keymap::Help::Agenda)
    );
    app.now = at(2);
    let esc = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    let action = keymap::action_for(keymap::context(&app), esc).expect("esc");
    update(&mut app, action);
    assert!(app.overlay.is_none());
}

#[test]
fn snapshot_agenda() {
    let mut app = walking(Lang::Nl);
    act(&mut app, 300, Action::Tick);
    act(&mut app, 600, Action::Tick);
    act(&mut app, 720, Action::SetScore(3));
    press(&mut app, 720, 'n');
    act(&mut app, 900, Action::Tick);
    press(&mut app, 900, 't');
    insta::assert_snapshot!("timebox_agenda_80x24", render(&mut app));

    let mut app = walking(Lang::En);
    act(&mut app, 200, Action::Tick);
    press(&mut app, 200, 't');
    insta::assert_snapshot!("timebox_agenda_en_80x24", render(&mut app));
}

// ------------------------------------------------------------ plan

#[test]
fn minutes_in_the_framework_round_trip_and_spread_over_the_theme() {
    let mut framework = storage::bundled_frameworks().remove(0);
    assert_eq!(framework.themes[0].minutes, Some(30));
    assert_eq!(framework.themes[5].minutes, Some(20));
    framework.themes[1].criteria[0].minutes = Some(12);
    let text = storage::framework_to_toml(&framework);
    assert!(text.contains("minutes = 12\n"), "{text}");
    let loaded = storage::parse_framework(&text).expect("loads").value;
    assert_eq!(loaded, framework);
    assert_eq!(storage::framework_to_toml(&loaded), text);

    let plan = Plan::new(&loaded, TimeboxSettings::default());
    // T1: 30 minutes over 3 criteria.
    assert_eq!(&plan.per_criterion[0..3], &[600, 600, 600]);
    // T2: 30 minutes, 12 for the first, the other 18 over the other three.
    assert_eq!(&plan.per_criterion[3..7], &[720, 360, 360, 360]);
    assert_eq!(plan.session, 170 * 60);

    // Without minutes the settings decide.
    for theme in &mut framework.themes {
        theme.minutes = None;
        for criterion in &mut theme.criteria {
            criterion.minutes = None;
        }
    }
    let plan = Plan::new(
        &framework,
        TimeboxSettings {
            criterion_minutes: 5,
            session_minutes: Some(200),
            clock: true,
        },
    );
    assert!(plan.per_criterion.iter().all(|seconds| *seconds == 300));
    assert_eq!(plan.session, 200 * 60);
}

#[test]
fn minutes_that_are_not_a_positive_whole_number_are_refused() {
    let framework = storage::bundled_frameworks().remove(0);
    let text = storage::framework_to_toml(&framework).replacen("minutes = 30", "minutes = -5", 1);
    let problems = storage::parse_framework(&text).expect_err("refused");
    assert!(
        problems
            .iter()
            .any(|problem| format!("{problem:?}").contains("themes[0].minutes")),
        "{problems:#?}"
    );
}

#[test]
fn the_settings_minutes_reach_the_plan() {
    let mut app = app(Lang::Nl);
    app.timebox = TimeboxSettings {
        criterion_minutes: 6,
        session_minutes: Some(210),
        clock: true,
    };
    update(
        &mut app,
        Action::Created(Ok(OpenedScan {
            scan: Box::new(scan()),
            path: PathBuf::from("/zelfscan-test/scans/zeeduinen.toml"),
            warnings: Vec::new(),
            recovered: None,
            read_only: false,
            banner: None,
        })),
    );
    assert_eq!(walk(&app).plan.session, 210 * 60);
}

// ------------------------------------------------------------ the driver

/// `at(seconds)` as the wall clock, plus `millis`.
fn wall(seconds: i64, millis: u64) -> SystemTime {
    let whole = u64::try_from(at(seconds).as_second()).expect("after 1970");
    SystemTime::UNIX_EPOCH + Duration::from_secs(whole) + Duration::from_millis(millis)
}

/// Lets the driver sleep as `tick_after` says, from `from` seconds to
/// `until`, with no key pressed; returns the whole seconds it woke at.
fn idle(app: &mut App, from: i64, until: i64) -> Vec<i64> {
    let mut now = wall(from, 300);
    let mut woke = Vec::new();
    while let Some(wait) = tick_after(app, now) {
        now += wait;
        let second = now
            .duration_since(wall(0, 0))
            .expect("later")
            .as_secs_f64()
            .round() as i64;
        if second > until {
            break;
        }
        woke.push(second);
        act(app, second, Action::Tick);
    }
    woke
}

#[test]
fn the_driver_wakes_once_a_minute_and_every_second_only_in_the_last_minute() {
    let app = app(Lang::Nl);
    assert!(!view::countdown_visible(&app), "start screen");
    assert_eq!(tick_after(&app, wall(0, 0)), None);

    let mut app = walking(Lang::Nl);
    update(&mut app, Action::Resize(80, 24));
    assert!(view::countdown_visible(&app));
    // Ten minutes planned for VIS-1: whole minutes until 9:00 used, then seconds.
    let wait = tick_after(&app, wall(0, 300)).expect("tick");
    assert!(
        wait > Duration::from_millis(59_700) && wait < Duration::from_millis(59_720),
        "on the next whole minute: {wait:?}"
    );
    let woke = idle(&mut app, 0, 14 * 60);
    let minutes: Vec<i64> = (1..=9).map(|minute| minute * 60).collect();
    let before_last_minute: Vec<i64> = woke.iter().copied().filter(|s| *s <= 540).collect();
    assert_eq!(before_last_minute, minutes, "once a minute");
    let last_minute: Vec<i64> = woke
        .iter()
        .copied()
        .filter(|s| (541..=600).contains(s))
        .collect();
    assert_eq!(last_minute, (541..=600).collect::<Vec<_>>(), "every second");
    let over_time: Vec<i64> = woke.iter().copied().filter(|s| *s > 600).collect();
    // One second over shows "+1 min te lang"; then once a minute again.
    assert_eq!(over_time, vec![601, 660, 720, 780, 840]);

    // A criterion entering its last minute between two whole minutes wakes
    // the app exactly then, once.
    let mut app = walking(Lang::Nl);
    update(&mut app, Action::Resize(80, 24));
    press(&mut app, 30, 'n');
    let woke = idle(&mut app, 30, 572);
    let mut expected: Vec<i64> = (1..=9).map(|minute| minute * 60).collect();
    expected.extend([570, 571, 572]);
    assert_eq!(woke, expected, "VIS-2 opened at 0:30 has 1:00 left at 9:30");

    // The overview shows only the session clock: once a minute.
    let mut app = walking(Lang::Nl);
    update(&mut app, Action::Resize(80, 24));
    press(&mut app, 0, 'r');
    let woke = idle(&mut app, 0, 11 * 60);
    assert_eq!(woke, (1..=11).map(|minute| minute * 60).collect::<Vec<_>>());
    for key in ['r', 'b'] {
        press(&mut app, 11 * 60, key);
        assert!(view::countdown_visible(&app), "walkthrough and projector");
    }
    press(&mut app, 11 * 60, '?');
    assert!(view::countdown_visible(&app), "help over the walkthrough");

    update(&mut app, Action::Resize(60, 20));
    assert!(!view::countdown_visible(&app), "too small: nothing drawn");
    assert_eq!(tick_after(&app, wall(0, 0)), None);

    // The clock switched off in the settings: asleep until a key.
    let mut app = walking(Lang::Nl);
    update(&mut app, Action::Resize(80, 24));
    app.timebox.clock = false;
    assert_eq!(tick_after(&app, wall(0, 300)), None);

    // Back on the start screen: asleep again.
    let mut app = walking(Lang::Nl);
    update(&mut app, Action::Resize(80, 24));
    update(&mut app, Action::CloseScan);
    assert!(!view::countdown_visible(&app));
}
